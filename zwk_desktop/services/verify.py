"""Checking a package (the folder or the .eml): is everything as signed?

Checks the manifest's CMS signature, every file's SHA-256 and size, that no file is missing or
added, the PDF signature (intact, one signature, covering the whole file, by the manifest's
signer), that the JSON embedded in the PDF equals `bewerbung.json`, and validates the data again.
The result names each broken file with a German sentence; exit code 0 valid, 1 invalid,
2 unreadable. Works on bytes in memory (`verify_files`), so nothing is ever written.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from zwk_desktop.domain import formatting
from zwk_desktop.domain.attachments import describe
from zwk_desktop.domain.draft import DraftError, parse_draft
from zwk_desktop.services import naming
from zwk_desktop.services.package import read_manifest

if TYPE_CHECKING:
    from zwk_desktop.validation import Report

EXIT_VALID, EXIT_INVALID, EXIT_UNREADABLE = 0, 1, 2
MAX_PACKAGE_BYTES = 200 * 1024 * 1024


class PackageUnreadable(Exception):
    """The path is no package at all (German sentence); exit code 2."""


@dataclass(frozen=True)
class Check:
    subject: str
    """The file checked (package path), or "Angaben" for the re-validation."""
    ok: bool
    message: str


@dataclass(frozen=True)
class VerifyReport:
    source: str
    checks: tuple[Check, ...] = ()
    unreadable: str = ""
    manifest: Mapping[str, Any] = field(default_factory=dict)
    signer: str = ""
    """The common name of the certificate whose signature over the manifest is intact."""
    certificate_sha256: str = ""
    """That certificate's SHA-256 fingerprint (hex), for the receiving side to remember."""
    findings: Report | None = None
    """What the re-validation of the enclosed data found (None when it could not run)."""

    @property
    def valid(self) -> bool:
        return not self.unreadable and all(c.ok for c in self.checks)

    @property
    def broken(self) -> tuple[str, ...]:
        """The files (or "Angaben") that failed, each once, in check order."""
        return tuple(dict.fromkeys(c.subject for c in self.checks if not c.ok))

    @property
    def exit_code(self) -> int:
        if self.unreadable:
            return EXIT_UNREADABLE
        return EXIT_VALID if self.valid else EXIT_INVALID

    def text(self) -> str:
        lines = [f"Prüfung des Bewerbungspakets {self.source}"]
        if self.unreadable:
            return "\n".join([*lines, "", f"Nicht lesbar: {self.unreadable}"])
        kommune = self.manifest.get("kommune") if isinstance(self.manifest, Mapping) else None
        if isinstance(kommune, Mapping):
            lines.append(f"Kommune: {kommune.get('name', '')} (AGS {kommune.get('ags', '')})")
        lines.append("")
        width = max((len(c.subject) for c in self.checks), default=10)
        for c in self.checks:
            mark = "in Ordnung" if c.ok else "FEHLER    "
            lines.append(f"  {mark}  {c.subject.ljust(width)}  {c.message}")
        lines.append("")
        if self.valid:
            lines.append(
                "Ergebnis: gültig. Alle Dateien sind unverändert, so wie sie signiert wurden."
            )
        else:
            lines.append(
                f"Ergebnis: UNGÜLTIG – verändert oder beschädigt: {', '.join(self.broken)}"
            )
        return "\n".join(lines)


# --------------------------------------------------------------------------- loading


def load_package(path: Path) -> dict[str, bytes]:
    """The files of a package folder (relative POSIX paths) or of an .eml (mail names)."""
    from zwk_desktop.services.mail import MailError, read_mail

    if not path.exists():
        raise PackageUnreadable(f"{path} gibt es nicht.")
    if path.is_dir():
        files: dict[str, bytes] = {}
        total = 0
        for item in sorted(path.rglob("*")):
            if item.is_file():
                total += item.stat().st_size
                if total > MAX_PACKAGE_BYTES:
                    raise PackageUnreadable(f"{path} ist zu groß für ein Bewerbungspaket.")
                files[item.relative_to(path).as_posix()] = item.read_bytes()
        if naming.MANIFEST_NAME not in files:
            raise PackageUnreadable(
                f"{path} ist kein ZWK-Bewerbungspaket: die Datei manifest.json fehlt."
            )
        return files
    if path.stat().st_size > MAX_PACKAGE_BYTES:
        raise PackageUnreadable(f"{path} ist zu groß für ein Bewerbungspaket.")
    try:
        _, attached = read_mail(path.read_bytes())
    except MailError as exc:
        raise PackageUnreadable(f"{path}: {exc}") from None
    if naming.MANIFEST_NAME not in attached:
        raise PackageUnreadable(
            f"{path} ist keine E-Mail mit einem ZWK-Bewerbungspaket: manifest.json fehlt."
        )
    return attached


def verify_path(path: Path) -> VerifyReport:
    try:
        files = load_package(path)
    except PackageUnreadable as exc:
        return VerifyReport(str(path), unreadable=str(exc))
    except OSError as exc:
        return VerifyReport(
            str(path), unreadable=f"{path} kann nicht gelesen werden ({exc.strerror})."
        )
    return verify_files(files, str(path), from_mail=path.is_file())


# --------------------------------------------------------------------------- checking


def verify_files(
    files: Mapping[str, bytes], source: str, *, from_mail: bool = False
) -> VerifyReport:
    """Check a package held in memory; `from_mail`: names are the e-mail's attachment names."""
    from zwk_desktop.services.signing import check_detached

    checks: list[Check] = []
    manifest_bytes = files.get(naming.MANIFEST_NAME)
    if manifest_bytes is None:
        return VerifyReport(
            source, unreadable="Die Datei manifest.json fehlt; das ist kein ZWK-Bewerbungspaket."
        )
    signature = files.get(naming.MANIFEST_SIG_NAME)
    cms_fingerprint = cms_signer = ""
    if signature is None:
        checks.append(
            Check(naming.MANIFEST_SIG_NAME, False, "Die Signatur des Verzeichnisses fehlt.")
        )
    else:
        cms = check_detached(manifest_bytes, signature)
        if cms.ok:
            cms_fingerprint, cms_signer = cms.fingerprint, cms.signer
            checks.append(
                Check(
                    naming.MANIFEST_SIG_NAME,
                    True,
                    f"Verzeichnis signiert von {cms.signer} (Zertifikat SHA-256 {cms.fingerprint})",
                )
            )
        elif cms.content_changed:
            checks.append(
                Check(
                    naming.MANIFEST_NAME,
                    False,
                    "Das Verzeichnis wurde nach der Signatur verändert.",
                )
            )
        else:
            checks.append(Check(naming.MANIFEST_SIG_NAME, False, cms.problem))
    try:
        manifest = read_manifest(manifest_bytes)
    except ValueError as exc:
        checks.append(Check(naming.MANIFEST_NAME, False, str(exc)))
        return VerifyReport(source, tuple(checks))

    signer = manifest.get("signer") if isinstance(manifest.get("signer"), dict) else {}
    expected_fp = str(signer.get("certificate_sha256", "")) if isinstance(signer, dict) else ""
    if cms_fingerprint and cms_fingerprint != expected_fp:
        checks.append(
            # The manifest is sealed by the signature's digest; a different certificate with an
            # intact digest means the certificate inside the signature file was changed.
            Check(
                naming.MANIFEST_SIG_NAME,
                False,
                "Das Zertifikat in der Signaturdatei ist nicht das im Verzeichnis genannte.",
            )
        )

    content: dict[str, bytes] = {}
    listed: set[str] = set()
    for entry in manifest["files"]:
        path = entry["path"]
        key = naming.mail_name(path) if from_mail else path
        listed.add(key)
        data = files.get(key)
        if data is None:
            checks.append(Check(path, False, "Die Datei fehlt."))
            continue
        digest = hashlib.sha256(data).hexdigest()
        if digest != entry["sha256"] or len(data) != entry["size"]:
            checks.append(
                Check(
                    path,
                    False,
                    "Der Inhalt passt nicht zur Prüfsumme im Verzeichnis: die Datei wurde "
                    "verändert.",
                )
            )
            continue
        content[path] = data
        checks.append(Check(path, True, f"Prüfsumme stimmt ({formatting.size(len(data))})"))
    for key in files:
        if key not in listed and key not in (naming.MANIFEST_NAME, naming.MANIFEST_SIG_NAME):
            checks.append(Check(key, False, "Die Datei steht nicht im signierten Verzeichnis."))

    pdf = files.get(naming.mail_name(naming.PDF_NAME) if from_mail else naming.PDF_NAME)
    json_bytes = files.get(naming.JSON_NAME)
    if pdf is not None:
        checks.extend(_check_pdf(pdf, json_bytes, expected_fp))
    findings = None
    if json_bytes is not None and naming.JSON_NAME in content:
        check, findings = _revalidate(json_bytes, content, content.get(naming.PROTOCOL_NAME))
        checks.append(check)
    return VerifyReport(
        source,
        tuple(checks),
        manifest=manifest,
        signer=cms_signer,
        certificate_sha256=cms_fingerprint,
        findings=findings,
    )


def _check_pdf(pdf: bytes, json_bytes: bytes | None, expected_fp: str) -> list[Check]:
    from zwk_desktop.services.pdf_embed import embedded_json
    from zwk_desktop.services.signing import check_pdf

    out = []
    sig = check_pdf(pdf)
    if not sig.ok:
        out.append(Check(naming.PDF_NAME, False, sig.problem))
    elif sig.fingerprint != expected_fp:
        out.append(
            Check(
                naming.PDF_NAME,
                False,
                "Das PDF ist mit einem anderen Zertifikat signiert als das Verzeichnis.",
            )
        )
    else:
        when = f", {sig.signed_at:%d.%m.%Y %H:%M} Uhr" if sig.signed_at else ""
        out.append(
            Check(
                naming.PDF_NAME,
                True,
                f"Signatur gültig und deckt die ganze Datei ab ({sig.signer}{when})",
            )
        )
    try:
        inner = embedded_json(pdf)
    except Exception:  # a damaged PDF may break the parser in any way
        inner = None
    if inner is None:
        out.append(
            Check(
                naming.PDF_NAME,
                False,
                "Im PDF ist keine bewerbung.json eingebettet oder sie ist nicht lesbar.",
            )
        )
    elif json_bytes is not None and inner != json_bytes:
        out.append(
            Check(
                naming.JSON_NAME,
                False,
                "bewerbung.json stimmt nicht mit der im PDF eingebetteten Fassung überein.",
            )
        )
    elif json_bytes is not None:
        out.append(Check(naming.JSON_NAME, True, "identisch mit der im PDF eingebetteten Fassung"))
    return out


def _revalidate(
    json_bytes: bytes, content: Mapping[str, bytes], protocol: bytes | None
) -> tuple[Check, Report | None]:
    from zwk_desktop.formspec import get_form
    from zwk_desktop.validation import validate

    try:
        draft = parse_draft(json_bytes)
        spec = get_form(draft.form_id, draft.form_version)
    except (DraftError, KeyError) as exc:
        return Check("Angaben", False, f"Die Angaben lassen sich nicht erneut prüfen: {exc}"), None
    infos = {}
    for path, data in content.items():
        if path.startswith(f"{naming.ATTACHMENT_DIR}/"):
            info = describe(data)
            infos[info.sha256] = info
    report = validate(spec, draft.data, infos)
    if not report.valid:
        first = report.errors[0]
        return Check(
            "Angaben",
            False,
            f"Die erneute Prüfung findet {len(report.errors)} Fehler, z. B. {first.path}: "
            f"{first.message}",
        ), report
    acked: set[tuple[str, str]] = set()
    if protocol is not None:
        try:
            parsed = json.loads(protocol)
            acked = {(a["code"], a["path"]) for a in parsed.get("acknowledged_warnings", [])}
        except (ValueError, TypeError, KeyError, AttributeError):
            acked = set()
    open_warnings = [w for w in report.warnings if w.key not in acked]
    if open_warnings:
        return Check(
            "Angaben",
            False,
            f"{len(open_warnings)} Hinweis(e) der erneuten Prüfung sind im Prüfprotokoll nicht "
            f"bestätigt, z. B. {open_warnings[0].code}.",
        ), report
    done = (
        f"; {len(report.warnings)} Hinweis(e), im Prüfprotokoll bestätigt"
        if report.warnings
        else ""
    )
    return Check(
        "Angaben", True, f"erneute Prüfung ohne Fehler (Regelwerk {spec.rule_set_version}{done})"
    ), report
