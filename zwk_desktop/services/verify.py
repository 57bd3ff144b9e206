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
from typing import TYPE_CHECKING, Any

from zwk_desktop import limits, oserrors
from zwk_desktop.domain import formatting, jsonread
from zwk_desktop.domain.signatory import Signatory
from zwk_desktop.services import naming
from zwk_desktop.services.package import read_manifest
from zwk_desktop.services.verify_content import (
    check_pdf_file,
    check_signatory,
    revalidate,
    signatory_in,
)
from zwk_desktop.services.verify_paper import paper_check, paper_checks, recorded_code, verify_json
from zwk_desktop.services.verify_report import (
    EXIT_INVALID,
    EXIT_UNREADABLE,
    EXIT_VALID,
    TRUST_SUBJECT,
    Check,
    FileStatus,
    ReviewFinding,
    SignerInfo,
    VerifyReport,
)

if TYPE_CHECKING:
    from zwk_desktop.services.paper import PaperCode
    from zwk_desktop.services.trust import TrustAnchors, TrustResult

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
    "verify_json",
    "verify_path",
]

MAX_PACKAGE_BYTES = limits.MAX_PACKAGE_BYTES
MAX_PACKAGE_ENTRIES = 1000
"""A package has its five files and one per attachment (at most `limits.MAX_ATTACHMENTS`)."""


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


def verify_path(
    path: Path, *, anchors: TrustAnchors | None = None, papier: PaperCode | None = None
) -> VerifyReport:
    """Check the package at `path`: a folder, the manifest file inside one (when a reviewer keeps
    several packages in one folder), or an .eml; with `papier` (the code printed on the signed
    paper) also the application's JSON alone. `anchors`: the trusted issuers (issue 17)."""
    is_manifest = path.name == naming.MANIFEST_NAME or path.name.endswith(naming.MANIFEST_SUFFIX)
    if papier is not None and not is_manifest and path.suffix.lower() == ".json":
        return verify_json(path, papier)
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
        anchors=anchors,
        papier=papier,
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
    anchors: TrustAnchors | None = None,
    papier: PaperCode | None = None,
) -> VerifyReport:
    """Check a package held in memory; `from_mail`: the names are the e-mail's attachment names
    (matters for format 1 only); `manifest`: which manifest, where several packages lie together;
    `problems`: what `read_package` found wrong with the package's structure (each invalid);
    `anchors`: check that the signer's certificate leads to one of them; `papier`: the code
    printed on a hand-signed paper, which the application's JSON must match."""
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
                # several packages: always the plural, so the sentence is whole in the catalogue
                unreadable=f"Hier liegen {formatting.number(len(found))} Pakete "
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
    notes: list[str] = []
    trust: TrustResult | None = None
    recorded = recorded_code(parsed) if signature is None else None
    paper = recorded is not None
    if paper:
        pass  # the paper path: the hand-signed print and its code take the signature's place
    elif signature is None:
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
            # Each a whole sentence, so that the window finds it in its catalogue of templates.
            signed = (
                f"Verzeichnis signiert von {cms.signer} (selbst ausgestelltes Zertifikat, "
                f"SHA-256 {cms.fingerprint})"
                if cms.self_signed
                else f"Verzeichnis signiert von {cms.signer} (Zertifikat, SHA-256 "
                f"{cms.fingerprint})"
            )
            checks.append(Check(layout.signature, True, signed))
            if anchors is not None:
                from zwk_desktop.services.trust import check_cms

                trust = check_cms(signature, anchors)
                checks.append(Check(TRUST_SUBJECT, trust.trusted, trust.message))
            else:
                from zwk_desktop.services.trust import INTEGRITY_ONLY_NOTE

                notes.append(INTEGRITY_ONLY_NOTE)
            from zwk_desktop.services.trust import REVOCATION_NOTE

            notes.append(REVOCATION_NOTE)
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
        checks.extend(
            check_pdf_file(
                pdf,
                json_bytes,
                expected_fp,
                pdf_name=layout.pdf,
                json_name=layout.json,
                paper=paper,
            )
        )
    signatory: Signatory | None = None
    findings: tuple[ReviewFinding, ...] = ()
    if json_bytes is not None and layout.json in content:
        signatory = signatory_in(json_bytes)
        if signatory is not None and signer is not None:
            checks.append(check_signatory(signer, signatory))
        check, findings = revalidate(json_bytes, content, content.get(layout.protocol))
        checks.append(check)
    if paper:
        checks.extend(
            paper_checks(
                recorded or "",
                json_bytes,
                papier,
                manifest_name=manifest,
                json_name=layout.json,
            )
        )
    elif papier is not None:
        checks.append(paper_check(json_bytes, papier, layout.json))
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
        json_name=layout.json,
        protocol_name=layout.protocol,
        trust=trust,
        paper=paper,
        notes=tuple(notes),
    )
