"""Export for submission: the signed package folder and the e-mail beside it, step by step.

`readiness` says whether a draft may be exported (no errors, every warning acknowledged);
`acknowledge_all` records one justification for every open warning (the CLI's
``--accept-warnings``). `export_package` runs the steps (PDF, embedding, signature, package
files, manifest signature, e-mail) in a temporary folder next to the target and renames it at the
end, so a failure leaves no half-written package. The signing certificate passes the preflight
first (an expired or unusable one is refused). `export_paper` writes the same package unsigned,
with the "Druckfassung zur Unterschrift" whose QR code ties the hand-signed paper to the data.
`export_print` writes the unsigned print version with the ENTWURF watermark, from any draft. No
secret is written anywhere: the key stays in memory (`SigningKey`) or on the card (`TokenKey`).
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
from zwk_desktop.services.identities import SELF_SIGNED_NOTE
from zwk_desktop.validation import Finding, Report, validate_draft

if TYPE_CHECKING:
    from zwk_desktop.services.pdf_layout import SectionExtra
    from zwk_desktop.services.preflight import Preflight
    from zwk_desktop.services.token_keys import SignatureKey

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
PAPER_STEPS: tuple[str, ...] = (
    "Angaben prüfen",
    "Druckfassung mit QR-Code setzen",
    "Daten in das PDF einbetten",
    "ohne elektronische Signatur (Papierweg)",
    "Paketdateien schreiben",
    "Verzeichnis schreiben",
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

    paper_code: str = ""
    """The paper path's code (the QR code's text); empty for a signed package."""

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


def certificate_check(spec: FormSpec, key: SignatureKey) -> Preflight:
    """The preflight of the signing certificate against today and the call's deadline."""
    from zwk_desktop.services.preflight import preflight

    return preflight(key.certificate, key.chain, deadline=spec.policy.deadline.value)


def export_package(
    spec: FormSpec,
    draft: Draft,
    key: SignatureKey,
    out_dir: Path,
    *,
    progress: Progress | None = None,
    extras: Mapping[str, SectionExtra] | None = None,
    now: dt.datetime | None = None,
    changelog: bool = False,
) -> ExportResult:
    """Write ``ZWK-Bewerbung_<AGS>_<Kommune>_<Datum>/`` and its ``.eml`` into `out_dir`.
    Raises ExportError (German) or OSError (`write_failed` words it); nothing is left then.
    `key` is a key in memory or an open signature card (`services.tokens.TokenKey`).
    `changelog`: add the summary of the change log (``…_aenderungsprotokoll.json``)."""
    return _export(
        spec,
        draft,
        key,
        out_dir,
        progress=progress,
        extras=extras,
        now=now,
        changelog=changelog,
    )


def export_paper(
    spec: FormSpec,
    draft: Draft,
    out_dir: Path,
    *,
    progress: Progress | None = None,
    extras: Mapping[str, SectionExtra] | None = None,
    now: dt.datetime | None = None,
    changelog: bool = False,
) -> ExportResult:
    """The paper path: the same package and e-mail, unsigned, with the package's PDF as the
    "Druckfassung zur Unterschrift" (signature lines and a QR code with the SHA-256 of the
    package's JSON); the e-mail says that the signed paper follows by post."""
    return _export(
        spec,
        draft,
        None,
        out_dir,
        progress=progress,
        extras=extras,
        now=now,
        changelog=changelog,
    )


def _export(
    spec: FormSpec,
    draft: Draft,
    key: SignatureKey | None,
    out_dir: Path,
    *,
    progress: Progress | None,
    extras: Mapping[str, SectionExtra] | None,
    now: dt.datetime | None,
    changelog: bool = False,
) -> ExportResult:
    from zwk_desktop.services import package, signing
    from zwk_desktop.services.mail import MailSummary, build_mail
    from zwk_desktop.services.paper import paper_code
    from zwk_desktop.services.pdf import render_pdf
    from zwk_desktop.services.pdf_embed import DocumentInfo, embed_data

    labels = STEPS if key is not None else PAPER_STEPS

    def step(index: int) -> None:
        if progress is not None:
            progress(index, labels[index])

    step(0)
    check_out_dir(out_dir)
    ready = readiness(spec, draft)
    if not ready.ok:
        raise ExportError(ready.message())
    now = now or dt.datetime.now().astimezone()
    data = normalize(spec, draft.data)
    signer = signing.signer_of(key) if key is not None else None  # paper: signed by hand
    signer_check = None
    if key is not None and signer is not None:
        # the signatory named in the form signs (issue 11), with a usable certificate (17)
        signer_check = check_signer(data, signer.name, signer.kommune, signer.funktion)
        if not signer_check.matches:
            raise ExportError(signer_check.problem)
        certificate = certificate_check(spec, key)
        if certificate.blocking:
            raise ExportError(
                "Mit diesem Zertifikat kann nicht signiert werden: "
                + " ".join(certificate.reasons())
            )
    kommune, ags = _text(data, "kommune.name"), _text(data, "kommune.ags")
    json_bytes = package.canonical_json(spec, draft)
    name, limits = _package_name(spec, data, draft.files, out_dir, ags, kommune, now.date())
    names = naming.names_of(data, limits)
    paths = naming.attachment_paths(spec, data, draft.files, limits)
    code = paper_code(spec, ags, json_bytes) if key is None else None
    layout = spec.attachments
    items = get_value(data, layout.list) or []
    attachments = [
        (path, "attachment", draft.files[str(item.get(layout.sha256))])
        for path, item in zip(paths, items, strict=True)
    ]

    step(1)
    if key is None:
        note = None
    elif key.identity.self_signed:
        note = SELF_SIGNED_NOTE
    else:
        note = f"Signiert mit einem Zertifikat von {key.identity.issuer}."
    rendered = render_pdf(
        spec,
        data,
        attachment_paths=paths,
        created=now,
        signer_note=note,
        extras=extras or {},
        paper=code,
        json_name=names.json,
    )
    if key is not None and rendered.signature_place is None:
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
    if key is not None and rendered.signature_place is not None:
        pdf = signing.sign_pdf(
            embedded, key, rendered.signature_place, ort=_text(data, "unterschrift.ort"), when=now
        )
    else:
        pdf = embedded

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
        (names.pdf, "pdf", pdf),
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
            signed_at=now if key is not None else None,
            paper=code.text() if code is not None else None,
        )
        step(5)
        files = {path: content for path, _, content in listed}
        files[names.manifest] = manifest
        if key is not None:
            files[names.signature] = signing.sign_detached(manifest, key)
        for path, content in files.items():
            with (staging / path).open("xb") as fh:  # exclusive: never through a planted link
                fh.write(content)

        step(6)
        digest = hashlib.sha256(manifest).hexdigest()
        mail = build_mail(
            files,
            recipient=spec.policy.recipient.value,
            summary=MailSummary.of(spec, data, signer.name if signer is not None else ""),
            manifest_name=names.manifest,
            paper=code is not None,
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
        folder,
        mail_path,
        digest,
        len(mail),
        rendered.pages,
        names.pdf,
        signer_check.warnings if signer_check is not None else (),
        code.text() if code is not None else "",
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
