"""ASCII names of the package: its folder, its attachment files and their names in the e-mail.

Mail gateways and ``munpack`` lose non-ASCII file names (RFC 2231), so every name the package
and the e-mail use is plain ASCII: umlauts are transliterated (ä → ae, ß → ss), accents dropped,
everything else becomes a hyphen.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from pathlib import PurePosixPath
from typing import Any

from zwk_desktop.domain.attachments import EXTENSIONS, detect_kind
from zwk_desktop.domain.paths import get_value
from zwk_desktop.formspec.models import FormSpec

_GERMAN = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss", "ẞ": "SS"}
)
_UNSAFE = re.compile(r"[^A-Za-z0-9]+")

PDF_NAME = "bewerbung.pdf"
JSON_NAME = "bewerbung.json"
PROTOCOL_NAME = "pruefprotokoll.json"
CHANGELOG_NAME = "aenderungsprotokoll.json"
"""Only when the user asks for it (off by default): a summary of the change log."""
MANIFEST_NAME = "manifest.json"
MANIFEST_SIG_NAME = "manifest.json.p7s"
ATTACHMENT_DIR = "anlagen"


def ascii_name(text: str, max_length: int = 60) -> str:
    """``"Gemeinde Lindenhagen am See"`` → ``"Gemeinde-Lindenhagen-am-See"``."""
    translated = unicodedata.normalize("NFKD", text.translate(_GERMAN))
    plain = translated.encode("ascii", "ignore").decode("ascii")
    slug = _UNSAFE.sub("-", plain).strip("-")
    return slug[:max_length].rstrip("-") or "unbenannt"


def package_folder_name(ags: str, kommune: str, day: dt.date) -> str:
    """``ZWK-Bewerbung_<AGS>_<Kommune-ASCII>_<YYYY-MM-DD>``."""
    return f"ZWK-Bewerbung_{ascii_name(ags, 12)}_{ascii_name(kommune)}_{day.isoformat()}"


def attachment_paths(spec: FormSpec, data: dict[str, Any], files: dict[str, bytes]) -> list[str]:
    """The package path of every anlage, in list order: ``anlagen/01_Titel.pdf``.

    The extension follows the content (magic bytes), not the name the user gave; the number keeps
    two anlagen of the same title apart.
    """
    layout = spec.attachments
    items = get_value(data, layout.list)
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
        name = ascii_name(str(title) if title else stem, 50)
        out.append(f"{ATTACHMENT_DIR}/{index:02d}_{name}{suffix}")
    return out


def ascii_suffix(file_name: str) -> str:
    suffix = PurePosixPath(file_name).suffix
    clean = _UNSAFE.sub("", suffix.translate(_GERMAN))[:8].lower()
    return f".{clean}" if clean else ".bin"


def mail_name(package_path: str) -> str:
    """The attachment name in the e-mail: ``anlagen/01_x.pdf`` → ``anlagen_01_x.pdf``."""
    return package_path.replace("/", "_")
