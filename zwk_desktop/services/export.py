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

from zwk_desktop import oserrors
from zwk_desktop.domain.draft import Acknowledgement, Draft, normalize
from zwk_desktop.domain.formatting import size as format_size
from zwk_desktop.domain.paths import get_value
from zwk_desktop.formspec.models import FormSpec
from zwk_desktop.services import naming
from zwk_desktop.services.atomic import publish, temp_file, temp_folder
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
            n = len(self.unacknowledged)
            return (
                f"{n} Hinweis{'e sind' if n != 1 else ' ist'} noch nicht bestätigt. Bitte prüfen "
                "und bestätigen Sie jeden Hinweis (mit Begründung) vor dem Export."
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


def _free_name(out_dir: Path, stem: str, suffixes: tuple[str, ...] = ("", ".eml")) -> str:
    """`stem`, or `stem_2`, `stem_3`, … when anything of that name (with a suffix) exists, a
    dangling link included."""
    candidate, n = stem, 1
    while any(os.path.lexists(out_dir / f"{candidate}{suffix}") for suffix in suffixes):
        n += 1
        candidate = f"{stem}_{n}"
    return candidate


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
) -> ExportResult:
    """Write ``ZWK-Bewerbung_<AGS>_<Kommune>_<Datum>/`` and its ``.eml`` into `out_dir`.
    Raises ExportError (German) or OSError (`write_failed` words it); nothing is left then."""
    from zwk_desktop.services import package, signing
    from zwk_desktop.services.mail import build_mail
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
    kommune, ags = _text(data, "kommune.name"), _text(data, "kommune.ags")
    json_bytes = package.canonical_json(spec, draft)
    paths = naming.attachment_paths(spec, data, draft.files)
    layout = spec.attachments
    items = get_value(data, layout.list) or []
    attachments = {
        path: draft.files[str(item.get(layout.sha256))]
        for path, item in zip(paths, items, strict=True)
    }

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
    info = DocumentInfo(rendered.title, rendered.author, rendered.subject, "ZWK Desktop")
    embedded = embed_data(rendered.content, json_bytes, info, now)

    step(3)
    signed_pdf = signing.sign_pdf(
        embedded, key, rendered.signature_place, ort=_text(data, "unterschrift.ort"), when=now
    )

    step(4)
    files: dict[str, bytes] = {
        naming.PDF_NAME: signed_pdf,
        naming.JSON_NAME: json_bytes,
        naming.PROTOCOL_NAME: package.protocol_json(
            spec, ready.report, draft.acknowledgements, now
        ),
        **attachments,
    }
    _make_out_dir(out_dir)
    name = _free_name(out_dir, naming.package_folder_name(ags, kommune, now.date()))
    staging: Path | None = None
    mail_tmp: Path | None = None
    try:
        staging = temp_folder(out_dir, name)
        manifest = package.manifest_json(
            files,
            spec=spec,
            kommune=kommune,
            ags=ags,
            signer_fingerprint=key.identity.fingerprint,
            signer_subject=key.identity.subject,
            created=now,
        )
        step(5)
        files[naming.MANIFEST_NAME] = manifest
        files[naming.MANIFEST_SIG_NAME] = signing.sign_detached(manifest, key)
        for path, content in files.items():
            target = staging / path
            target.parent.mkdir(parents=True, exist_ok=True)
            with target.open("xb") as fh:
                fh.write(content)

        step(6)
        digest = hashlib.sha256(manifest).hexdigest()
        mail = build_mail(
            files, recipient=spec.policy.recipient.value, kommune=kommune, manifest_sha256=digest
        )
        limit = spec.policy.mail_max_bytes.value
        if len(mail) > limit:
            raise ExportError(
                f"Die E-Mail würde {format_size(len(mail))} groß; mehr als {format_size(limit)} "
                "lassen sich nicht sicher versenden. Bitte verkleinern Sie die Anlagen."
            )
        fd, mail_tmp = temp_file(out_dir, f"{name}.eml")
        with os.fdopen(fd, "wb") as fh:
            fh.write(mail)

        step(7)
        folder, mail_path = out_dir / name, out_dir / f"{name}.eml"
        if os.path.lexists(folder):
            raise FileExistsError(errno.EEXIST, "exists", str(folder))
        os.rename(staging, folder)
        staging = None
        try:
            publish(mail_tmp, mail_path)
        except BaseException:
            shutil.rmtree(folder, ignore_errors=True)
            raise
        mail_tmp = None
    finally:
        if staging is not None:
            shutil.rmtree(staging, ignore_errors=True)
        if mail_tmp is not None:
            mail_tmp.unlink(missing_ok=True)
    return ExportResult(folder, mail_path, digest, len(mail), rendered.pages)


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
    paths = naming.attachment_paths(spec, data, draft.files)
    rendered = render_pdf(
        spec, data, attachment_paths=paths, created=now, watermark=True, extras=extras or {}
    )
    stem = naming.package_folder_name(ags, kommune, now.date()).replace(
        "ZWK-Bewerbung", "ZWK-Entwurf"
    )
    _make_out_dir(out_dir)
    target = out_dir / f"{_free_name(out_dir, stem, ('.pdf',))}.pdf"
    tmp: Path | None = None
    try:
        fd, tmp = temp_file(out_dir, target.name)
        with os.fdopen(fd, "wb") as fh:
            fh.write(rendered.content)
        publish(tmp, target)
        tmp = None
    finally:
        if tmp is not None:
            tmp.unlink(missing_ok=True)
    return target
