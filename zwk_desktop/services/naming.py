"""ASCII names of the package: its folder and its files, the same in the folder, the e-mail
and the manifest.

Mail gateways and ``munpack`` lose non-ASCII file names (RFC 2231), so every name the package
and the e-mail use is plain ASCII: umlauts are transliterated (ä → ae, ß → ss), accents dropped,
everything else becomes a hyphen.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

from zwk_desktop.domain.attachments import EXTENSIONS, detect_kind
from zwk_desktop.domain.designation import short_name
from zwk_desktop.domain.paths import get_value
from zwk_desktop.formspec.models import FormSpec

_GERMAN = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss", "ẞ": "SS"}
)
_UNSAFE = re.compile(r"[^A-Za-z0-9]+")

PDF_NAME = "bewerbung.pdf"
JSON_NAME = "bewerbung.json"
PROTOCOL_NAME = "pruefprotokoll.json"
MANIFEST_NAME = "manifest.json"
MANIFEST_SIG_NAME = "manifest.json.p7s"
ATTACHMENT_DIR = "anlagen"
"""The names of a package of manifest format 1 (before issue 11), which `verify` still reads."""

IGNORED_NAMES = frozenset({"thumbs.db", "desktop.ini", ".ds_store"})
"""Files that Explorer and the Finder leave in a folder (compared in lower case): never part of
a package, never reported by `verify`."""

PREFIX = "ZWK-Bewerbung"
MANIFEST_SUFFIX = "_manifest.json"
SIGNATURE_SUFFIX = ".p7s"


@dataclass(frozen=True)
class NameLimits:
    """How many characters the Kommune and an attachment title may take in a name. The export
    shortens them when the package's paths would get too long for Windows (`SHORTER`).

    `kommune` limits the full name in the package folder's name; the files inside carry the
    Kommune's short name, cut to at most `FILE_KOMMUNE` characters as well (see `package_names`).
    """

    kommune: int = 60
    title: int = 40


FILE_KOMMUNE = 40
"""The longest Kommune part of a file name (``ZWK-Bewerbung_<AGS>_<Kommune>.pdf``)."""

SHORTER = (
    NameLimits(),
    NameLimits(60, 30),
    NameLimits(30, 30),
    NameLimits(20, 30),
    NameLimits(12, 30),
    NameLimits(12, 20),
    NameLimits(12, 12),
)
"""The limits the export tries in turn, from the full names to the shortest ones. The Kommune
stands in the folder's name and in every file's name, and the AGS beside it keeps packages
apart: it is shortened before the attachment titles, which tell a reviewer what a file is."""


def ascii_name(text: str, max_length: int = 60) -> str:
    """``"Gemeinde Lindenhagen am See"`` → ``"Gemeinde-Lindenhagen-am-See"``; a longer name is cut
    at a word boundary (``max_length=20`` → ``"Gemeinde-Lindenhagen"``)."""
    translated = unicodedata.normalize("NFKD", text.translate(_GERMAN))
    plain = translated.encode("ascii", "ignore").decode("ascii")
    slug = _UNSAFE.sub("-", plain).strip("-")
    if len(slug) > max_length:
        boundary = slug.rfind("-", 0, max_length + 1)
        slug = slug[:boundary] if boundary > 0 else slug[:max_length]
    return slug.rstrip("-") or "unbenannt"


def package_folder_name(
    ags: str, kommune: str, day: dt.date, limits: NameLimits = NameLimits()
) -> str:
    """``ZWK-Bewerbung_<AGS>_<Kommune-ASCII>_<YYYY-MM-DD>``."""
    kommune_part = ascii_name(kommune, limits.kommune)
    return f"{PREFIX}_{ascii_name(ags, 12)}_{kommune_part}_{day.isoformat()}"


@dataclass(frozen=True)
class PackageNames:
    """The names of a package's files, the same in its folder, in the e-mail and in its
    manifest: ``ZWK-Bewerbung_<AGS>_<Kommune>.pdf``, ``…​.json``, ``…_pruefprotokoll.json``,
    ``…_manifest.json``, ``…_manifest.json.p7s``, ``…_Anlage-01_<Titel>.pdf``. The AGS and the
    Kommune keep the files of 200 applicants apart in one folder."""

    stem: str
    title_length: int = NameLimits.title
    """The longest attachment title in a name (`NameLimits.title`)."""

    @property
    def pdf(self) -> str:
        return f"{self.stem}.pdf"

    @property
    def json(self) -> str:
        return f"{self.stem}.json"

    @property
    def protocol(self) -> str:
        return f"{self.stem}_pruefprotokoll.json"

    @property
    def manifest(self) -> str:
        return f"{self.stem}{MANIFEST_SUFFIX}"

    @property
    def signature(self) -> str:
        return f"{self.manifest}{SIGNATURE_SUFFIX}"

    @property
    def changelog(self) -> str:
        """The optional summary of the change log (issue 16)."""
        return f"{self.stem}_aenderungsprotokoll.json"

    def records(self) -> tuple[str, ...]:
        """Every file the package may have except the anlagen (for the path length check: keep
        in step with what the export writes)."""
        return (
            self.pdf,
            self.json,
            self.protocol,
            self.manifest,
            self.signature,
            self.changelog,
        )

    def attachment(self, index: int, title: str, suffix: str) -> str:
        return f"{self.stem}_Anlage-{index:02d}_{ascii_name(title, self.title_length)}{suffix}"


def package_names(ags: str, kommune: str, limits: NameLimits = NameLimits()) -> PackageNames:
    """The names for the package of the Kommune with this AGS; the Kommune without its
    designation ("Uckerland" of "Gemeinde Uckerland"): ``ZWK-Bewerbung_12073579_Uckerland``.
    `limits` shortens the Kommune and the attachment titles (`SHORTER`)."""
    kommune_part = ascii_name(short_name(kommune), min(FILE_KOMMUNE, limits.kommune))
    return PackageNames(
        f"{PREFIX}_{ascii_name(ags or 'ohne-AGS', 12)}_{kommune_part}", limits.title
    )


def names_of(data: dict[str, Any], limits: NameLimits = NameLimits()) -> PackageNames:
    """The package names of a draft's data (kommune.ags, kommune.name)."""
    ags, kommune = get_value(data, "kommune.ags"), get_value(data, "kommune.name")
    return package_names(str(ags or ""), str(kommune or ""), limits)


def attachment_paths(
    spec: FormSpec,
    data: dict[str, Any],
    files: dict[str, bytes],
    limits: NameLimits = NameLimits(),
) -> list[str]:
    """The name of every anlage in the package and the e-mail, in list order:
    ``ZWK-Bewerbung_<AGS>_<Kommune>_Anlage-01_<Titel>.pdf``.

    The extension follows the content (magic bytes), not the name the user gave; the number keeps
    two anlagen of the same title apart.
    """
    layout = spec.attachments
    items = get_value(data, layout.list)
    names = names_of(data, limits)
    out: list[str] = []
    if not isinstance(items, list):
        return out
    for index, item in enumerate(items, start=1):
        item = item if isinstance(item, dict) else {}
        title = item.get(layout.title) or item.get(layout.file) or "Anlage"
        stem = PurePosixPath(str(item.get(layout.file) or "")).stem
        content = files.get(str(item.get(layout.sha256)), b"")
        kind = detect_kind(content)
        suffix = EXTENSIONS[kind] if kind else ascii_suffix(str(item.get(layout.file) or ""))
        out.append(names.attachment(index, str(title) if title else stem, suffix))
    return out


def ascii_suffix(file_name: str) -> str:
    suffix = PurePosixPath(file_name).suffix
    clean = _UNSAFE.sub("", suffix.translate(_GERMAN))[:8].lower()
    return f".{clean}" if clean else ".bin"


def ignored(name: str) -> bool:
    """Whether a file in a package folder is one the system left there (Thumbs.db, .DS_Store)."""
    base = PurePosixPath(name).name
    return base.casefold() in IGNORED_NAMES or base.startswith("._")


def mail_name(package_path: str) -> str:
    """The attachment name of a file of a format-1 package: ``anlagen/01_x.pdf`` →
    ``anlagen_01_x.pdf`` (newer packages use the same names everywhere)."""
    return package_path.replace("/", "_")
