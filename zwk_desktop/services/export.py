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
import hashlib
import os
import secrets
import shutil
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from zwk_desktop.domain.draft import Acknowledgement, Draft, normalize
from zwk_desktop.domain.formatting import size as format_size
from zwk_desktop.domain.paths import get_value
from zwk_desktop.formspec.models import FormSpec
from zwk_desktop.services import naming
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
    paper_code: str = ""
    """The paper path's code (the QR code's text); empty for a signed package."""


def _free_name(out_dir: Path, stem: str, suffixes: tuple[str, ...] = ("", ".eml")) -> str:
    """`stem`, or `stem_2`, `stem_3`, … when a file of that name (with a suffix) exists."""
    candidate, n = stem, 1
    while any((out_dir / f"{candidate}{suffix}").exists() for suffix in suffixes):
        n += 1
        candidate = f"{stem}_{n}"
    return candidate


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
) -> ExportResult:
    """Write ``ZWK-Bewerbung_<AGS>_<Kommune>_<Datum>/`` and its ``.eml`` into `out_dir`.
    `key` is a key in memory or an open signature card (`services.tokens.TokenKey`)."""
    return _export(spec, draft, key, out_dir, progress=progress, extras=extras, now=now)


def export_paper(
    spec: FormSpec,
    draft: Draft,
    out_dir: Path,
    *,
    progress: Progress | None = None,
    extras: Mapping[str, SectionExtra] | None = None,
    now: dt.datetime | None = None,
) -> ExportResult:
    """The paper path: the same package and e-mail, unsigned, with ``bewerbung.pdf`` as the
    "Druckfassung zur Unterschrift" (signature lines and a QR code with the SHA-256 of
    ``bewerbung.json``); the e-mail says that the signed paper follows by post."""
    return _export(spec, draft, None, out_dir, progress=progress, extras=extras, now=now)


def _export(
    spec: FormSpec,
    draft: Draft,
    key: SignatureKey | None,
    out_dir: Path,
    *,
    progress: Progress | None,
    extras: Mapping[str, SectionExtra] | None,
    now: dt.datetime | None,
) -> ExportResult:
    from zwk_desktop.services import package, signing
    from zwk_desktop.services.mail import build_mail
    from zwk_desktop.services.paper import paper_code
    from zwk_desktop.services.pdf import render_pdf
    from zwk_desktop.services.pdf_embed import DocumentInfo, embed_data

    labels = STEPS if key is not None else PAPER_STEPS

    def step(index: int) -> None:
        if progress is not None:
            progress(index, labels[index])

    step(0)
    ready = readiness(spec, draft)
    if not ready.ok:
        raise ExportError(ready.message())
    if key is not None:
        check = certificate_check(spec, key)
        if check.blocking:
            raise ExportError(
                "Mit diesem Zertifikat kann nicht signiert werden: " + " ".join(check.reasons())
            )
    now = now or dt.datetime.now().astimezone()
    data = normalize(spec, draft.data)
    kommune, ags = _text(data, "kommune.name"), _text(data, "kommune.ags")
    json_bytes = package.canonical_json(spec, draft)
    code = paper_code(spec, ags, json_bytes) if key is None else None
    paths = naming.attachment_paths(spec, data, draft.files)
    layout = spec.attachments
    items = get_value(data, layout.list) or []
    attachments = {
        path: draft.files[str(item.get(layout.sha256))]
        for path, item in zip(paths, items, strict=True)
    }

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
    )
    if key is not None and rendered.signature_place is None:
        raise ExportError("Im PDF fehlt der Platz für die Signatur.")

    step(2)
    info = DocumentInfo(rendered.title, rendered.author, rendered.subject, "ZWK Desktop")
    embedded = embed_data(rendered.content, json_bytes, info, now)

    step(3)
    if key is not None and rendered.signature_place is not None:
        pdf = signing.sign_pdf(
            embedded, key, rendered.signature_place, ort=_text(data, "unterschrift.ort"), when=now
        )
    else:
        pdf = embedded

    step(4)
    files: dict[str, bytes] = {
        naming.PDF_NAME: pdf,
        naming.JSON_NAME: json_bytes,
        naming.PROTOCOL_NAME: package.protocol_json(
            spec, ready.report, draft.acknowledgements, now
        ),
        **attachments,
    }
    out_dir.mkdir(parents=True, exist_ok=True)
    name = _free_name(out_dir, naming.package_folder_name(ags, kommune, now.date()))
    staging = out_dir / f".{name}.partial-{secrets.token_hex(4)}"
    staging.mkdir()
    mail_tmp = out_dir / f".{name}.eml.tmp"
    try:
        manifest = package.manifest_json(
            files,
            spec=spec,
            kommune=kommune,
            ags=ags,
            signer_fingerprint=key.identity.fingerprint if key is not None else "",
            signer_subject=key.identity.subject if key is not None else "",
            created=now,
            paper=code.text() if code is not None else None,
        )
        step(5)
        files[naming.MANIFEST_NAME] = manifest
        if key is not None:
            files[naming.MANIFEST_SIG_NAME] = signing.sign_detached(manifest, key)
        for path, content in files.items():
            target = staging / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)

        step(6)
        digest = hashlib.sha256(manifest).hexdigest()
        mail = build_mail(
            files,
            recipient=spec.policy.recipient.value,
            kommune=kommune,
            manifest_sha256=digest,
            paper=code is not None,
        )
        limit = spec.policy.mail_max_bytes.value
        if len(mail) > limit:
            raise ExportError(
                f"Die E-Mail würde {format_size(len(mail))} groß; mehr als {format_size(limit)} "
                "lassen sich nicht sicher versenden. Bitte verkleinern Sie die Anlagen."
            )
        mail_tmp.write_bytes(mail)

        step(7)
        folder, mail_path = out_dir / name, out_dir / f"{name}.eml"
        os.replace(staging, folder)
        os.replace(mail_tmp, mail_path)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        mail_tmp.unlink(missing_ok=True)
        raise
    return ExportResult(
        folder, mail_path, digest, len(mail), rendered.pages, code.text() if code else ""
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
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / f"{_free_name(out_dir, stem, ('.pdf',))}.pdf"
    tmp = target.with_name(f".{target.name}.tmp")
    try:
        tmp.write_bytes(rendered.content)
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return target
