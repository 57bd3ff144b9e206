"""Checking a package (the folder or the .eml): is everything as signed?

Checks the manifest's CMS signature, every file's SHA-256 and size, that no file is missing or
added, the PDF signature (intact, one signature, covering the whole file, by the manifest's
signer), that the JSON embedded in the PDF equals `bewerbung.json`, and validates the data again.
The result names each broken file with a German sentence; exit code 0 valid, 1 invalid,
2 unreadable. Works on bytes in memory (`verify_files`), so nothing is ever written.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from zwk_desktop import limits, oserrors
from zwk_desktop.domain import formatting, jsonread
from zwk_desktop.domain.attachments import describe
from zwk_desktop.domain.draft import DraftError, form_of, parse_draft
from zwk_desktop.services import naming
from zwk_desktop.services.package import read_manifest

EXIT_VALID, EXIT_INVALID, EXIT_UNREADABLE = 0, 1, 2
MAX_PACKAGE_BYTES = limits.MAX_PACKAGE_BYTES
MAX_PACKAGE_ENTRIES = 1000
"""A package has its five files and one per attachment (at most `limits.MAX_ATTACHMENTS`)."""


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


@dataclass(frozen=True)
class Package:
    """The files of a package as read, and what is wrong with its structure."""

    files: dict[str, bytes]
    problems: tuple[tuple[str, str], ...] = ()
    """(file, German sentence): a name twice in a mail, a part without a name, a link or a
    special file in a folder. Each makes the package invalid."""


def load_package(path: Path) -> dict[str, bytes]:
    """The files of a package folder (relative POSIX paths) or of an .eml (mail names)."""
    return read_package(path).files


def read_package(path: Path) -> Package:
    """The files of a package folder or an .eml, with what is wrong with its structure."""
    from zwk_desktop.services.mail import MailError, read_mail

    if not os.path.lexists(path):
        raise PackageUnreadable(f"{path} gibt es nicht.")
    if path.is_dir():
        return _load_folder(path)
    try:
        raw = limits.read_bounded(path, MAX_PACKAGE_BYTES)
    except limits.TooLarge:
        raise PackageUnreadable(f"{path} ist zu groß für ein Bewerbungspaket.") from None
    except limits.NotAFile:
        raise PackageUnreadable(f"{path} ist keine gewöhnliche Datei.") from None
    try:
        mail = read_mail(raw)
    except MailError as exc:
        raise PackageUnreadable(f"{path}: {exc}") from None
    if naming.MANIFEST_NAME not in mail.attachments:
        raise PackageUnreadable(
            f"{path} ist keine E-Mail mit einem ZWK-Bewerbungspaket: manifest.json fehlt."
        )
    return Package(mail.attachments, mail.problems)


def _load_folder(path: Path) -> Package:
    files: dict[str, bytes] = {}
    problems: list[tuple[str, str]] = []
    total = 0
    for entries, _item in enumerate(path.rglob("*"), start=1):
        if entries > MAX_PACKAGE_ENTRIES:
            raise PackageUnreadable(
                f"{path} enthält mehr als {MAX_PACKAGE_ENTRIES} Dateien; das ist kein "
                "Bewerbungspaket."
            )
    for item in sorted(path.rglob("*")):
        name = jsonread.shown(item.relative_to(path).as_posix(), 200)  # no escapes on screen
        if item.is_symlink():
            problems.append(
                (name, "Die Datei ist eine Verknüpfung (symbolischer Link), keine Paketdatei.")
            )
            continue
        if item.is_dir():
            continue
        if not item.is_file():
            problems.append((name, "Das ist keine gewöhnliche Datei."))
            continue
        try:
            data = limits.read_bounded(item, MAX_PACKAGE_BYTES - total)
        except limits.TooLarge:
            raise PackageUnreadable(f"{path} ist zu groß für ein Bewerbungspaket.") from None
        except limits.NotAFile:
            problems.append((name, "Das ist keine gewöhnliche Datei."))
            continue
        total += len(data)
        files[name] = data
    if naming.MANIFEST_NAME not in files:
        raise PackageUnreadable(
            f"{path} ist kein ZWK-Bewerbungspaket: die Datei manifest.json fehlt."
        )
    return Package(files, tuple(problems))


def verify_path(path: Path) -> VerifyReport:
    try:
        package = read_package(path)
    except PackageUnreadable as exc:
        return VerifyReport(str(path), unreadable=str(exc))
    except OSError as exc:
        return VerifyReport(str(path), unreadable=oserrors.sentence(path, exc, writing=False))
    return verify_files(
        package.files, str(path), from_mail=not path.is_dir(), problems=package.problems
    )


# --------------------------------------------------------------------------- checking


def verify_files(
    files: Mapping[str, bytes],
    source: str,
    *,
    from_mail: bool = False,
    problems: Sequence[tuple[str, str]] = (),
) -> VerifyReport:
    """Check a package held in memory; `from_mail`: names are the e-mail's attachment names;
    `problems`: what `read_package` found wrong with the package's structure."""
    from zwk_desktop.services.signing import check_detached

    checks: list[Check] = [Check(name, False, message) for name, message in problems]
    manifest_bytes = files.get(naming.MANIFEST_NAME)
    if manifest_bytes is None:
        return VerifyReport(
            source, unreadable="Die Datei manifest.json fehlt; das ist kein ZWK-Bewerbungspaket."
        )
    signature = files.get(naming.MANIFEST_SIG_NAME)
    cms_fingerprint = ""
    if signature is None:
        checks.append(
            Check(naming.MANIFEST_SIG_NAME, False, "Die Signatur des Verzeichnisses fehlt.")
        )
    else:
        cms = check_detached(manifest_bytes, signature)
        if cms.ok:
            cms_fingerprint = cms.fingerprint
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
    if json_bytes is not None and naming.JSON_NAME in content:
        checks.append(_revalidate(json_bytes, content, content.get(naming.PROTOCOL_NAME)))
    return VerifyReport(source, tuple(checks), manifest=manifest)


def _check_pdf(pdf: bytes, json_bytes: bytes | None, expected_fp: str) -> list[Check]:
    from zwk_desktop.services.inflate import InflateLimit, pdf_inflated_size
    from zwk_desktop.services.pdf_embed import EmbeddedTooLarge, embedded_json
    from zwk_desktop.services.signing import check_pdf

    budget = limits.pdf_inflate_budget(len(pdf))
    try:
        pdf_inflated_size(pdf, budget)
    except InflateLimit:
        # Neither pyHanko nor qpdf ever sees such a file.
        return [
            Check(
                naming.PDF_NAME,
                False,
                "Das PDF enthält komprimierte Daten, die sich auf mehr als "
                f"{formatting.size(budget)} entpacken würden (eine „Dekompressionsbombe“); es "
                "wird nicht weiter geöffnet.",
            )
        ]
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
    except EmbeddedTooLarge:
        out.append(
            Check(
                naming.PDF_NAME,
                False,
                "Die im PDF eingebettete bewerbung.json würde sich auf mehr als "
                f"{formatting.size(limits.MAX_EMBEDDED_JSON_BYTES)} entpacken; so groß ist "
                "keine Bewerbung.",
            )
        )
        return out
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


def _revalidate(json_bytes: bytes, content: Mapping[str, bytes], protocol: bytes | None) -> Check:
    from zwk_desktop.formspec import FormSpecError
    from zwk_desktop.validation import validate

    try:
        draft = parse_draft(json_bytes)
        spec = form_of(draft)
    except (DraftError, FormSpecError) as exc:
        return Check("Angaben", False, f"Die Angaben lassen sich nicht erneut prüfen: {exc}")
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
        )
    acked: set[tuple[str, str]] = set()
    if protocol is not None:
        try:
            parsed = jsonread.loads(protocol)
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
        )
    done = (
        f"; {len(report.warnings)} Hinweis(e), im Prüfprotokoll bestätigt"
        if report.warnings
        else ""
    )
    return Check(
        "Angaben", True, f"erneute Prüfung ohne Fehler (Regelwerk {spec.rule_set_version}{done})"
    )
