"""Export for submission: the signed package folder and the e-mail beside it, step by step.

`readiness` says whether a draft may be exported (no errors, every warning acknowledged);
`acknowledge_all` records one justification for every open warning (the CLI's
``--accept-warnings``). `export_package` runs the steps (PDF, embedding, signature, package
files, manifest signature, e-mail) in a temporary folder next to the target and renames it at the
end, so a failure leaves no half-written package. `export_print` writes the unsigned print
version with the ENTWURF watermark, from any draft. No secret is written anywhere: the key stays
in memory (`SigningKey`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import errno
import hashlib
import os
import shutil
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from zwk_desktop import __version__, oserrors
from zwk_desktop.domain.draft import Acknowledgement, Draft, normalize
from zwk_desktop.domain.formatting import size as format_size
from zwk_desktop.domain.paths import get_value
from zwk_desktop.domain.signatory import check_signer
from zwk_desktop.formspec.models import FormSpec
from zwk_desktop.services import atomic, naming, pathlimit
from zwk_desktop.services.identities import SELF_SIGNED_NOTE, SigningKey
from zwk_desktop.validation import Finding, Report, validate_draft

if TYPE_CHECKING:
    from zwk_desktop.services.pdf_layout import SectionExtra

STEPS: tuple[str, ...] = (
    "Angaben prüfen",
    "PDF setzen",
    "Daten in das PDF einbetten",
    "PDF signieren",
    "Paketdateien schreiben",
    "Verzeichnis signieren",
    "E-Mail erstellen",
    "Paket abschließen",
)
Progress = Callable[[int, str], None]
"""Called with the index of the step that starts and its German label."""


class ExportError(Exception):
    """The export cannot run or failed; one German sentence. Nothing was left behind."""


@dataclass(frozen=True)
class Readiness:
    report: Report
    unacknowledged: tuple[Finding, ...]

    @property
    def ok(self) -> bool:
        return self.report.valid and not self.unacknowledged

    def message(self) -> str:
        if not self.report.valid:
            n = len(self.report.errors)
            return (
                f"Die Bewerbung enthält {n} Fehler und kann so nicht exportiert werden. Bitte "
                "beheben Sie die Fehler; eine Druckfassung mit dem Vermerk ENTWURF ist jederzeit "
                "möglich."
            )
        if self.unacknowledged:
            from zwk_desktop.domain.formatting import count

            n = len(self.unacknowledged)
            open_ones = count(n, "Hinweis ist", "Hinweise sind")  # babel's plural rules
            return (
                f"{open_ones} noch nicht bestätigt. Bitte prüfen und bestätigen Sie jeden Hinweis "
                "(mit Begründung) vor dem Export."
            )
        return "Die Bewerbung ist bereit zum Export."


def readiness(spec: FormSpec, draft: Draft) -> Readiness:
    report = validate_draft(spec, draft)
    acked = {(a.code, a.path) for a in draft.acknowledgements}
    return Readiness(report, tuple(f for f in report.warnings if f.key not in acked))


def acknowledge_all(draft: Draft, warnings: tuple[Finding, ...], justification: str) -> Draft:
    """A copy of the draft with every given warning acknowledged with this justification."""
    text = justification.strip()
    if not text:
        raise ExportError("Bitte geben Sie eine Begründung für die bestätigten Hinweise an.")
    stamp = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")
    added = [Acknowledgement(f.code, f.path, text, stamp) for f in warnings]
    return dataclasses.replace(draft, acknowledgements=[*draft.acknowledgements, *added])


@dataclass(frozen=True)
class ExportResult:
    folder: Path
    mail: Path
    manifest_sha256: str
    mail_size: int
    pages: int
    pdf_name: str = ""
    """The name of the signed PDF in the folder (``ZWK-Bewerbung_<AGS>_<Kommune>.pdf``)."""
    warnings: tuple[str, ...] = ()
    """German notes about the export that did not stop it (an identity of another Kommune)."""

    @property
    def pdf(self) -> Path:
        return self.folder / self.pdf_name


def _free_name(out_dir: Path, stem: str, suffixes: tuple[str, ...] = ("", ".eml")) -> str:
    """`stem`, or `stem_2`, `stem_3`, … when anything of that name (with a suffix) exists, a
    dangling link included."""
    candidate, n = stem, 1
    while any(os.path.lexists(out_dir / f"{candidate}{suffix}") for suffix in suffixes):
        n += 1
        candidate = f"{stem}_{n}"
    return candidate


TEMP_NAME = "zwk"
"""Temporary files and folders in the target folder are named ``.zwk.<8 random>.partial`` and
``.zwk.<8 random>.tmp`` (`atomic.temp_folder`, `atomic.temp_file`): created exclusively with an
unpredictable name (issue 15), and short, because the staging folder holds the package's files
while they are written and the package path must stay short (issue 13, `pathlimit`)."""
TEMP_LENGTH = len(f".{TEMP_NAME}.") + 8 + len(".partial")
"""The longest temporary name in the target folder."""


def _package_name(
    spec: FormSpec,
    data: dict[str, object],
    files: dict[str, bytes],
    out_dir: Path,
    ags: str,
    kommune: str,
    day: dt.date,
) -> tuple[str, naming.NameLimits]:
    """The package folder's name and the name limits under which every path of the package
    stays within `pathlimit.MAX_PATH_CHARS`; ExportError (German) when no limits fit."""

    def layout(limits: naming.NameLimits) -> pathlimit.Layout:
        name = _free_name(out_dir, naming.package_folder_name(ags, kommune, day, limits))
        inside = [
            *naming.names_of(data, limits).records(),
            *naming.attachment_paths(spec, data, files, limits),
        ]
        return pathlimit.Layout(name, inside, beside=[f"{name}.eml"], temporary=TEMP_LENGTH)

    try:
        limits, fitted = pathlimit.fit(out_dir, layout)
    except pathlimit.PathTooLong as exc:
        raise ExportError(str(exc)) from None
    return fitted.folder, limits


def check_out_dir(out_dir: Path) -> None:
    """Refuse an output folder that cannot be one before anything is rendered: an existing
    file, or a symbolic link (the package is never written through a link)."""
    if out_dir.is_symlink():
        raise ExportError(
            f"Der Zielordner {out_dir} ist eine Verknüpfung (symbolischer Link); ZWK Desktop "
            "schreibt nicht durch Verknüpfungen. Bitte wählen Sie den Ordner selbst."
        )
    if out_dir.exists() and not out_dir.is_dir():
        raise ExportError(
            f"{out_dir} ist eine Datei, kein Ordner; bitte wählen Sie einen Ordner (er wird "
            "angelegt, wenn es ihn nicht gibt)."
        )


def _make_out_dir(out_dir: Path) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    check_out_dir(out_dir)


def write_failed(where: Path, exc: OSError) -> str:
    """The German sentence for an export that the file system refused (nothing is left)."""
    return (
        f"In {where} kann nicht geschrieben werden ({oserrors.cause(exc)}). Es wurde nichts "
        "angelegt; bitte wählen Sie einen anderen Ordner."
    )


def _text(data: Mapping[str, object], path: str) -> str:
    value = get_value(data, path)
    return str(value).strip() if value is not None else ""


def export_package(
    spec: FormSpec,
    draft: Draft,
    key: SigningKey,
    out_dir: Path,
    *,
    progress: Progress | None = None,
    extras: Mapping[str, SectionExtra] | None = None,
    now: dt.datetime | None = None,
    changelog: bool = False,
) -> ExportResult:
    """Write ``ZWK-Bewerbung_<AGS>_<Kommune>_<Datum>/`` and its ``.eml`` into `out_dir`.
    Raises ExportError (German) or OSError (`write_failed` words it); nothing is left then.
    `changelog`: add the summary of the change log (``…_aenderungsprotokoll.json``)."""
    from zwk_desktop.services import package, signing
    from zwk_desktop.services.mail import MailSummary, build_mail
    from zwk_desktop.services.pdf import render_pdf
    from zwk_desktop.services.pdf_embed import DocumentInfo, embed_data

    def step(index: int) -> None:
        if progress is not None:
            progress(index, STEPS[index])

    step(0)
    check_out_dir(out_dir)
    ready = readiness(spec, draft)
    if not ready.ok:
        raise ExportError(ready.message())
    now = now or dt.datetime.now().astimezone()
    data = normalize(spec, draft.data)
    signer = signing.signer_of(key)
    check = check_signer(data, signer.name, signer.kommune, signer.funktion)
    if not check.matches:
        raise ExportError(check.problem)
    kommune, ags = _text(data, "kommune.name"), _text(data, "kommune.ags")
    json_bytes = package.canonical_json(spec, draft)
    name, limits = _package_name(spec, data, draft.files, out_dir, ags, kommune, now.date())
    names = naming.names_of(data, limits)
    paths = naming.attachment_paths(spec, data, draft.files, limits)
    layout = spec.attachments
    items = get_value(data, layout.list) or []
    attachments = [
        (path, "attachment", draft.files[str(item.get(layout.sha256))])
        for path, item in zip(paths, items, strict=True)
    ]

    step(1)
    note = (
        SELF_SIGNED_NOTE
        if key.identity.self_signed
        else (f"Signiert mit einem Zertifikat von {key.identity.issuer}.")
    )
    rendered = render_pdf(
        spec,
        data,
        attachment_paths=paths,
        created=now,
        signer_note=note,
        extras=extras or {},
    )
    if rendered.signature_place is None:
        raise ExportError("Im PDF fehlt der Platz für die Signatur.")

    step(2)
    info = DocumentInfo(
        rendered.title,
        rendered.author,
        rendered.subject,
        f"ZWK Desktop {__version__}",
        producer=signing.producer_name(),
        keywords=rendered.keywords,
    )
    embedded = embed_data(rendered.content, json_bytes, info, now)

    step(3)
    signed_pdf = signing.sign_pdf(
        embedded, key, rendered.signature_place, ort=_text(data, "unterschrift.ort"), when=now
    )

    step(4)
    protocol = package.protocol_json(
        spec,
        ready.report,
        draft.acknowledgements,
        now,
        kommune=kommune,
        ags=ags,
        json_name=names.json,
        json_sha256=hashlib.sha256(json_bytes).hexdigest(),
    )
    listed = [
        (names.pdf, "pdf", signed_pdf),
        (names.json, "json", json_bytes),
        (names.protocol, "protocol", protocol),
        *attachments,
    ]
    if changelog:
        listed.append((names.changelog, "changelog", package.changelog_json(spec, draft, now)))
    _make_out_dir(out_dir)
    staging: Path | None = None
    mail_tmp: Path | None = None
    try:
        staging = atomic.temp_folder(out_dir, TEMP_NAME)
        manifest = package.manifest_json(
            listed,
            spec=spec,
            kommune=kommune,
            ags=ags,
            signer=signer,
            created=now,
            signed_at=now,
        )
        step(5)
        files = {path: content for path, _, content in listed}
        files[names.manifest] = manifest
        files[names.signature] = signing.sign_detached(manifest, key)
        for path, content in files.items():
            with (staging / path).open("xb") as fh:  # exclusive: never through a planted link
                fh.write(content)

        step(6)
        digest = hashlib.sha256(manifest).hexdigest()
        mail = build_mail(
            files,
            recipient=spec.policy.recipient.value,
            summary=MailSummary.of(spec, data, signer.name),
            manifest_name=names.manifest,
        )
        limit = spec.policy.mail_max_bytes.value
        if len(mail) > limit:
            raise ExportError(
                f"Die E-Mail würde {format_size(len(mail))} groß; mehr als {format_size(limit)} "
                "lassen sich nicht sicher versenden. Bitte verkleinern Sie die Anlagen."
            )
        fd, mail_tmp = atomic.temp_file(out_dir, TEMP_NAME)
        with os.fdopen(fd, "wb") as fh:
            fh.write(mail)

        step(7)
        folder, mail_path = out_dir / name, out_dir / f"{name}.eml"
        if os.path.lexists(folder):
            raise FileExistsError(errno.EEXIST, "exists", str(folder))
        written = staging
        atomic.retrying(lambda: os.rename(written, folder), folder)  # a held file: see atomic
        staging = None
        try:
            atomic.publish(mail_tmp, mail_path)  # never replaces a file that appeared meanwhile
        except BaseException:
            shutil.rmtree(folder, ignore_errors=True)  # no package without its mail
            raise
        mail_tmp = None
    except atomic.FileInUseError as exc:
        raise ExportError(str(exc)) from exc
    finally:
        if staging is not None:
            shutil.rmtree(staging, ignore_errors=True)
        if mail_tmp is not None:
            mail_tmp.unlink(missing_ok=True)
    return ExportResult(
        folder, mail_path, digest, len(mail), rendered.pages, names.pdf, check.warnings
    )


def export_print(
    spec: FormSpec,
    draft: Draft,
    out_dir: Path,
    *,
    extras: Mapping[str, SectionExtra] | None = None,
    now: dt.datetime | None = None,
) -> Path:
    """The unsigned print version with the ENTWURF watermark; works with any draft."""
    from zwk_desktop.services.pdf import render_pdf

    check_out_dir(out_dir)
    now = now or dt.datetime.now().astimezone()
    data = normalize(spec, draft.data)
    kommune, ags = (
        _text(data, "kommune.name") or "Kommune",
        _text(data, "kommune.ags") or "ohne-AGS",
    )

    def layout(limits: naming.NameLimits) -> pathlimit.Layout:
        stem = naming.package_folder_name(ags, kommune, now.date(), limits)
        stem = _free_name(out_dir, stem.replace("ZWK-Bewerbung", "ZWK-Entwurf"), (".pdf",))
        return pathlimit.Layout("", (), beside=[f"{stem}.pdf"], temporary=TEMP_LENGTH)

    try:
        limits, fitted = pathlimit.fit(out_dir, layout)
    except pathlimit.PathTooLong as exc:
        raise ExportError(str(exc)) from None
    paths = naming.attachment_paths(spec, data, draft.files, limits)
    rendered = render_pdf(
        spec, data, attachment_paths=paths, created=now, watermark=True, extras=extras or {}
    )
    _make_out_dir(out_dir)
    target = out_dir / fitted.beside[0]
    tmp: Path | None = None
    try:
        fd, tmp = atomic.temp_file(out_dir, TEMP_NAME)
        with os.fdopen(fd, "wb") as fh:
            fh.write(rendered.content)
        atomic.publish(tmp, target)
        tmp = None
    except atomic.FileInUseError as exc:
        raise ExportError(str(exc)) from exc
    finally:
        if tmp is not None:
            tmp.unlink(missing_ok=True)
    return target
