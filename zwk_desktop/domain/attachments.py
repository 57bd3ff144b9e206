"""Attachment files: their type judged by content (magic bytes), size and SHA-256."""

from __future__ import annotations

import hashlib
import io
import struct
import zipfile
from dataclasses import dataclass

FILE_KIND_LABELS: dict[str, str] = {
    "pdf": "PDF",
    "png": "PNG",
    "jpeg": "JPEG",
    "odt": "ODT (OpenDocument-Text)",
    "docx": "DOCX (Word)",
}
MIME_TYPES: dict[str, str] = {
    "pdf": "application/pdf",
    "png": "image/png",
    "jpeg": "image/jpeg",
    "odt": "application/vnd.oasis.opendocument.text",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}
EXTENSIONS: dict[str, str] = {
    "pdf": ".pdf",
    "png": ".png",
    "jpeg": ".jpg",
    "odt": ".odt",
    "docx": ".docx",
}


@dataclass(frozen=True, slots=True)
class FileInfo:
    """What the validation needs to know about an attachment's bytes."""

    size: int
    sha256: str
    kind: str | None
    """pdf, png, jpeg, odt, docx, or None when the content is none of these."""


def detect_kind(data: bytes) -> str | None:
    """The file type by its content, never by its name."""
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if data.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if data.startswith(b"PK\x03\x04"):
        return _zip_kind(data)
    return None


_ZIP_MAX_ENTRIES = 10_000
"""An office document has a few dozen entries; a central directory with more is no document."""
_MIMETYPE_READ = 100


def _zip_kind(data: bytes) -> str | None:
    """ODT or DOCX by their ZIP structure. Reads at most the first bytes of ``mimetype``, only
    from a stored or deflated entry (the only methods office documents use; bzip2 and LZMA
    expand without bound in one step), so a decompression bomb costs nothing."""
    if _zip_entries(data) > _ZIP_MAX_ENTRIES:
        return None
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if "mimetype" in names:
                entry = archive.getinfo("mimetype")
                if entry.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
                    return None
                with archive.open(entry) as member:
                    mimetype = member.read(_MIMETYPE_READ).strip()
                if mimetype == MIME_TYPES["odt"].encode():
                    return "odt"
                return None
            if "[Content_Types].xml" in names and "word/document.xml" in names:
                return "docx"
    except (zipfile.BadZipFile, OSError, ValueError, RuntimeError, NotImplementedError, EOFError):
        return None
    return None


def _zip_entries(data: bytes) -> int:
    """The entry count of the ZIP's end-of-central-directory record (0 when there is none)."""
    end = data.rfind(b"PK\x05\x06", max(0, len(data) - 65_557))
    if end < 0 or end + 22 > len(data):
        return 0
    (count,) = struct.unpack_from("<H", data, end + 10)
    return int(count)


def describe(data: bytes) -> FileInfo:
    return FileInfo(size=len(data), sha256=hashlib.sha256(data).hexdigest(), kind=detect_kind(data))


def base64_size(num_bytes: int) -> int:
    """Size of the bytes base64-encoded in a MIME part, with a CRLF every 76 characters."""
    encoded = (num_bytes + 2) // 3 * 4
    return encoded + (encoded + 75) // 76 * 2
