"""Checking a package (the folder, its manifest file, or the .eml): is everything as signed?

Written for the receiving side. Checks the manifest's CMS signature, every file's SHA-256 and
size, that no file is missing or added, the PDF signature (intact, one signature, covering the
whole file, by the manifest's signer), that the JSON embedded in the PDF equals the JSON beside
it, that the certificate names the signatory of the application, and validates the data again.
The result names each broken file with a German sentence for a reviewer, says plainly what a
self-issued certificate proves, and comes as text or JSON (`VerifyReport.to_json`, schema in the
README); exit code 0 valid, 1 invalid, 2 unreadable. Files that Explorer or the Finder leave in
a folder (Thumbs.db, desktop.ini, .DS_Store) are ignored. Works on bytes in memory
(`verify_files`), so nothing is ever written.

A package is hostile input: every part of a mail is read (a name used twice, or a part without a
name, makes it invalid), links and special files in a folder are reported and never read, every
read and every decompression is bounded before pyHanko or qpdf see a file (`limits`).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from glob import escape as glob_escape
from pathlib import Path
from typing import Any

from zwk_desktop import limits, oserrors
from zwk_desktop.domain import formatting, jsonread
from zwk_desktop.domain.attachments import describe
from zwk_desktop.domain.draft import DraftError, form_of, parse_draft
from zwk_desktop.domain.signatory import Signatory, same_person, signatory_of
from zwk_desktop.services import naming
from zwk_desktop.services.package import read_manifest
from zwk_desktop.services.verify_report import (
    EXIT_INVALID,
    EXIT_UNREADABLE,
    EXIT_VALID,
    Check,
    FileStatus,
    ReviewFinding,
    SignerInfo,
    VerifyReport,
)

__all__ = [
    "EXIT_INVALID",
    "EXIT_UNREADABLE",
    "EXIT_VALID",
    "Check",
    "Package",
    "PackageUnreadable",
    "VerifyReport",
    "load_package",
    "read_package",
    "verify_files",
    "verify_path",
]

MAX_PACKAGE_BYTES = limits.MAX_PACKAGE_BYTES
MAX_PACKAGE_ENTRIES = 1000
"""A package has its five files and one per attachment (at most `limits.MAX_ATTACHMENTS`)."""
SIGNATORY_CHECK = "Unterzeichnung"
DATA_CHECK = "Angaben"


class PackageUnreadable(Exception):
    """The path is no package at all (German sentence); exit code 2."""


# --------------------------------------------------------------------------- loading


@dataclass(frozen=True)
class Package:
    """The files of a package as read, and what is wrong with its structure."""

    files: dict[str, bytes]
    problems: tuple[tuple[str, str], ...] = ()
    """(file, German sentence): a name twice in a mail, a part without a name, a link or a
    special file in a folder. Each makes the package invalid."""


def _read_folder(folder: Path, prefix: str = "") -> Package:
    """The files of a folder (and its subfolders); with `prefix` only the files directly in it
    whose names start with it (one package among many in a reviewer's folder). Links and special
    files are never read but reported; every read is bounded (`limits.read_bounded`)."""

    def items() -> Iterable[Path]:
        return folder.glob(f"{glob_escape(prefix)}*") if prefix else folder.rglob("*")

    for entries, _item in enumerate(items(), start=1):
        if entries > MAX_PACKAGE_ENTRIES:
            raise PackageUnreadable(
                f"{folder} enthält mehr als {MAX_PACKAGE_ENTRIES} Dateien; das ist kein "
                "Bewerbungspaket."
            )
    files: dict[str, bytes] = {}
    problems: list[tuple[str, str]] = []
    total = 0
    for item in sorted(items()):
        name = jsonread.shown(item.relative_to(folder).as_posix(), 200)  # no escapes on screen
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
            raise PackageUnreadable(f"{folder} ist zu groß für ein Bewerbungspaket.") from None
        except limits.NotAFile:
            problems.append((name, "Das ist keine gewöhnliche Datei."))
            continue
        total += len(data)
        files[name] = data
    return Package(files, tuple(problems))


def manifest_names(files: Mapping[str, bytes]) -> list[str]:
    """The manifests among a package's files: ``…_manifest.json`` (or ``manifest.json`` of a
    format-1 package)."""
    return sorted(
        n
        for n in files
        if n == naming.MANIFEST_NAME
        or (n.endswith(naming.MANIFEST_SUFFIX) and "/" not in n and not naming.ignored(n))
    )


def load_package(path: Path) -> dict[str, bytes]:
    """The files of a package folder (relative POSIX paths), of the folder of a given manifest
    file, or of an .eml (attachment names)."""
    return read_package(path).files


def read_package(path: Path) -> Package:
    """The files of a package folder, of the folder of a given manifest file, or of an .eml,
    with what is wrong with its structure."""
    from zwk_desktop.services.mail import MailError, read_mail

    if not os.path.lexists(path):
        raise PackageUnreadable(f"{path} gibt es nicht.")
    if path.is_dir():
        package = _read_folder(path)
        if not manifest_names(package.files):
            raise PackageUnreadable(
                f"{path} ist kein ZWK-Bewerbungspaket: es fehlt das signierte Verzeichnis "
                f"(…{naming.MANIFEST_SUFFIX})."
            )
        return package
    if path.name.endswith(naming.MANIFEST_SUFFIX):
        return _read_folder(path.parent, path.name.removesuffix(naming.MANIFEST_SUFFIX))
    if path.name == naming.MANIFEST_NAME:
        return _read_folder(path.parent)
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
    if not manifest_names(mail.attachments):
        raise PackageUnreadable(
            f"{path} ist keine E-Mail mit einem ZWK-Bewerbungspaket: das signierte Verzeichnis "
            f"(…{naming.MANIFEST_SUFFIX}) fehlt."
        )
    return Package(mail.attachments, mail.problems)


def verify_path(path: Path) -> VerifyReport:
    """Check the package at `path`: a folder, the manifest file inside one (when a reviewer keeps
    several packages in one folder), or an .eml."""
    try:
        package = read_package(path)
    except PackageUnreadable as exc:
        return VerifyReport(str(path), unreadable=str(exc))
    except OSError as exc:
        return VerifyReport(str(path), unreadable=oserrors.sentence(path, exc, writing=False))
    chosen = path.name if path.is_file() and path.suffix == ".json" else None
    return verify_files(
        package.files,
        str(path),
        from_mail=not path.is_dir() and not chosen,
        manifest=chosen,
        problems=package.problems,
    )


# --------------------------------------------------------------------------- checking


@dataclass(frozen=True)
class _Layout:
    """Where the parts of one package are, by manifest format."""

    manifest: str
    signature: str
    pdf: str
    json: str
    protocol: str
    stem: str
    """The common start of the package's file names (format 2), to tell its files from others."""


def _layout(manifest_name: str, manifest: Mapping[str, Any]) -> _Layout:
    if manifest.get("format_version") == 1:
        return _Layout(
            manifest_name,
            naming.MANIFEST_SIG_NAME,
            naming.PDF_NAME,
            naming.JSON_NAME,
            naming.PROTOCOL_NAME,
            "",
        )
    roles = {e.get("role"): e["path"] for e in manifest["files"] if isinstance(e.get("role"), str)}
    return _Layout(
        manifest_name,
        manifest_name + naming.SIGNATURE_SUFFIX,
        roles.get("pdf", ""),
        roles.get("json", ""),
        roles.get("protocol", ""),
        manifest_name.removesuffix(naming.MANIFEST_SUFFIX),
    )


def verify_files(
    files: Mapping[str, bytes],
    source: str,
    *,
    from_mail: bool = False,
    manifest: str | None = None,
    problems: Sequence[tuple[str, str]] = (),
) -> VerifyReport:
    """Check a package held in memory; `from_mail`: the names are the e-mail's attachment names
    (matters for format 1 only); `manifest`: which manifest, where several packages lie together;
    `problems`: what `read_package` found wrong with the package's structure (each invalid)."""
    from zwk_desktop.services.signing import check_detached

    ignored = tuple(n for n in files if naming.ignored(n))
    files = {n: b for n, b in files.items() if not naming.ignored(n)}
    found = manifest_names(files)
    chosen = manifest is not None
    if manifest is None:
        if not found:
            return VerifyReport(
                source,
                unreadable="Das signierte Verzeichnis (…_manifest.json) fehlt; das ist kein "
                "ZWK-Bewerbungspaket.",
            )
        if len(found) > 1:
            return VerifyReport(
                source,
                unreadable=f"Hier liegen {formatting.count(len(found), 'Paket', 'Pakete')} "
                f"zusammen ({', '.join(found)}). Bitte nennen Sie das signierte Verzeichnis des "
                "Pakets, das geprüft werden soll, z. B. zwk-desktop verify "
                f"ORDNER/{found[0]}",
            )
        manifest = found[0]
    manifest_bytes = files.get(manifest)
    if manifest_bytes is None:
        return VerifyReport(source, unreadable=f"Die Datei {manifest} fehlt.")
    checks: list[Check] = [Check(name, False, message) for name, message in problems]
    try:
        parsed = read_manifest(manifest_bytes)
    except ValueError as exc:
        return VerifyReport(source, (*checks, Check(manifest, False, str(exc))))
    layout = _layout(manifest, parsed)

    signature = files.get(layout.signature)
    signer: SignerInfo | None = None
    if signature is None:
        checks.append(
            Check(
                layout.signature,
                False,
                "Die Signatur des Verzeichnisses fehlt: ohne sie ist nicht belegt, dass die "
                "Dateien so abgeschickt wurden.",
            )
        )
    else:
        cms = check_detached(manifest_bytes, signature)
        if cms.ok:
            signer = SignerInfo(
                cms.signer, cms.fingerprint, cms.self_signed, cms.subject, cms.issuer
            )
            kind = "selbst ausgestelltes Zertifikat" if cms.self_signed else "Zertifikat"
            checks.append(
                Check(
                    layout.signature,
                    True,
                    f"Verzeichnis signiert von {cms.signer} ({kind}, SHA-256 {cms.fingerprint})",
                )
            )
        elif cms.content_changed:
            checks.append(
                Check(
                    manifest,
                    False,
                    "Das Verzeichnis wurde nach der Signatur verändert.",
                )
            )
        else:
            checks.append(Check(layout.signature, False, cms.problem))

    listed_signer = parsed.get("signer") if isinstance(parsed.get("signer"), dict) else {}
    expected_fp = (
        str(listed_signer.get("certificate_sha256", "")) if isinstance(listed_signer, dict) else ""
    )
    if signer is not None and signer.certificate_sha256 != expected_fp:
        checks.append(
            # The manifest is sealed by the signature's digest; a different certificate with an
            # intact digest means the certificate inside the signature file was changed.
            Check(
                layout.signature,
                False,
                "Das Zertifikat in der Signaturdatei ist nicht das im Verzeichnis genannte.",
            )
        )

    content: dict[str, bytes] = {}
    statuses: list[FileStatus] = []
    listed: set[str] = set()
    for entry in parsed["files"]:
        path = entry["path"]
        key = naming.mail_name(path) if from_mail and parsed.get("format_version") == 1 else path
        listed.add(key)
        data = files.get(key)
        if data is None:
            statuses.append(FileStatus(path, "missing", None, None))
            checks.append(
                Check(
                    path,
                    False,
                    "Die Datei fehlt: sie steht im signierten Verzeichnis, liegt aber nicht vor "
                    "(nicht mitgeschickt oder nicht mit gespeichert).",
                )
            )
            continue
        digest = hashlib.sha256(data).hexdigest()
        if digest != entry["sha256"] or len(data) != entry["size"]:
            statuses.append(FileStatus(path, "changed", digest, len(data)))
            checks.append(
                Check(
                    path,
                    False,
                    "Der Inhalt passt nicht zur Prüfsumme im signierten Verzeichnis: die Datei "
                    "wurde nach der Signatur verändert oder beim Übertragen beschädigt.",
                )
            )
            continue
        content[path] = data
        statuses.append(FileStatus(path, "ok", digest, len(data)))
        checks.append(Check(path, True, f"Prüfsumme stimmt ({formatting.size(len(data))})"))
    own = (manifest, layout.signature)
    for key, data in files.items():
        if key in listed or key in own:
            continue
        if chosen and not (layout.stem and key.startswith(layout.stem)):
            continue  # a file beside the package that was named by its manifest
        statuses.append(FileStatus(key, "unlisted", hashlib.sha256(data).hexdigest(), len(data)))
        checks.append(
            Check(
                key,
                False,
                "Die Datei steht nicht im signierten Verzeichnis: sie gehört nicht zu dem, "
                "was signiert wurde.",
            )
        )

    pdf = files.get(naming.mail_name(layout.pdf) if from_mail else layout.pdf)
    json_bytes = files.get(layout.json)
    if pdf is not None:
        checks.extend(_check_pdf(pdf, json_bytes, expected_fp, layout))
    signatory: Signatory | None = None
    findings: tuple[ReviewFinding, ...] = ()
    if json_bytes is not None and layout.json in content:
        signatory = _signatory(json_bytes)
        if signatory is not None and signer is not None:
            checks.append(_check_signatory(signer, signatory))
        check, findings = _revalidate(json_bytes, content, content.get(layout.protocol))
        checks.append(check)
    return VerifyReport(
        source,
        tuple(checks),
        manifest=parsed,
        files=tuple(statuses),
        signer=signer,
        signatory=signatory,
        findings=findings,
        ignored=ignored,
        pdf_name=layout.pdf,
    )


def _signatory(json_bytes: bytes) -> Signatory | None:
    try:
        data = jsonread.loads(json_bytes).get("data")
    except (ValueError, AttributeError):
        return None
    return signatory_of(data) if isinstance(data, dict) else None


def _check_signatory(signer: SignerInfo, who: Signatory) -> Check:
    if same_person(signer.name, who.name):
        return Check(
            SIGNATORY_CHECK,
            True,
            f"signiert von {signer.name}, der in den Angaben genannten unterzeichnenden Person "
            f"({who.label})",
        )
    return Check(
        SIGNATORY_CHECK,
        False,
        f"Signiert hat {signer.name or 'eine unbekannte Person'} (laut Zertifikat), als "
        f"unterzeichnende Person nennen die Angaben aber {who.label or 'niemanden'}. Die "
        "Bewerbung ist nicht von der Person signiert, die sie unterschreiben soll.",
    )


def _check_pdf(
    pdf: bytes, json_bytes: bytes | None, expected_fp: str, layout: _Layout
) -> list[Check]:
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
                layout.pdf,
                False,
                "Das PDF enthält komprimierte Daten, die sich auf mehr als "
                f"{formatting.size(budget)} entpacken würden (eine „Dekompressionsbombe“); es "
                "wird nicht weiter geöffnet.",
            )
        ]
    out = []
    sig = check_pdf(pdf)
    if not sig.ok:
        out.append(Check(layout.pdf, False, sig.problem))
    elif sig.fingerprint != expected_fp:
        out.append(
            Check(
                layout.pdf,
                False,
                "Das PDF ist mit einem anderen Zertifikat signiert als das Verzeichnis.",
            )
        )
    else:
        when = f", {sig.signed_at:%d.%m.%Y %H:%M} Uhr" if sig.signed_at else ""
        out.append(
            Check(
                layout.pdf,
                True,
                f"Signatur gültig und deckt die ganze Datei ab ({sig.signer}{when})",
            )
        )
    try:
        inner = embedded_json(pdf)
    except EmbeddedTooLarge:
        out.append(
            Check(
                layout.pdf,
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
                layout.pdf,
                False,
                "Im PDF sind die Angaben (bewerbung.json) nicht eingebettet oder nicht lesbar.",
            )
        )
    elif json_bytes is not None and inner != json_bytes:
        out.append(
            Check(
                layout.json,
                False,
                f"{layout.json} stimmt nicht mit den im PDF eingebetteten Angaben überein.",
            )
        )
    elif json_bytes is not None:
        out.append(Check(layout.json, True, "identisch mit den im PDF eingebetteten Angaben"))
    return out


def reviewer_text(message: str) -> str:
    """A finding's message for the receiving side: without the requests to the applicant
    ("Bitte fügen Sie die Datei erneut hinzu.")."""
    sentences = [s.strip() for s in message.replace("; bitte", ". Bitte").split(". ")]
    kept = [s for s in sentences if s and not s.startswith("Bitte")]
    text = ". ".join(kept).strip()
    return text if text.endswith((".", "!", "?")) or not text else text + "."


def _revalidate(
    json_bytes: bytes, content: Mapping[str, bytes], protocol: bytes | None
) -> tuple[Check, tuple[ReviewFinding, ...]]:
    from zwk_desktop.formspec import FormSpecError
    from zwk_desktop.validation import validate

    try:
        draft = parse_draft(json_bytes)
        spec = form_of(draft)
    except (DraftError, FormSpecError) as exc:
        return Check(DATA_CHECK, False, f"Die Angaben lassen sich nicht erneut prüfen: {exc}"), ()
    infos = {}
    for data in content.values():
        info = describe(data)
        infos[info.sha256] = info
    report = validate(spec, draft.data, infos)
    findings = tuple(
        ReviewFinding(f.code, f.severity, f.path, reviewer_text(f.message)) for f in report.findings
    )
    errors = formatting.count(len(report.errors), "Fehler", "Fehler")
    if not report.valid:
        first = report.errors[0]
        return (
            Check(
                DATA_CHECK,
                False,
                f"Die erneute Prüfung der Angaben findet {errors}, z. B. {first.path} "
                f"({first.code}): {reviewer_text(first.message)}",
            ),
            findings,
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
        n = len(open_warnings)
        return (
            Check(
                DATA_CHECK,
                False,
                "Im Prüfprotokoll nicht bestätigt: "
                f"{formatting.count(n, 'Hinweis', 'Hinweise')} der erneuten Prüfung, z. B. "
                f"{open_warnings[0].code} bei {open_warnings[0].path}.",
            ),
            findings,
        )
    done = (
        f"; {formatting.count(len(report.warnings), 'Hinweis', 'Hinweise')}, im Prüfprotokoll "
        "mit Begründung bestätigt"
        if report.warnings
        else ""
    )
    return (
        Check(
            DATA_CHECK,
            True,
            f"erneute Prüfung ohne Fehler (Regelwerk {spec.rule_set_version}{done})",
        ),
        findings,
    )
