"""The one set of size limits: what the program writes, it reads.

A draft file holds its data and its attachments (Base64). The form definition sets how large
one attachment and all attachments together may be (``policy.attachment_max_bytes``,
``policy.attachments_max_total_bytes``); the form loader refuses a form whose limits exceed the
ceilings here, so every draft the program lets a user put together fits into a file that
`MAX_DRAFT_BYTES` accepts. Untrusted input is checked against these numbers before any
per-item work, so a hostile file costs bounded memory and time.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

MIB = 1024 * 1024

MAX_DATA_BYTES = 10 * MIB
"""The envelope without the attachments' bytes (data, meta, acknowledgements) as JSON.
A draft larger than this is refused when written, never written unreadable."""

ATTACHMENTS_CEILING_BYTES = 30 * MIB
"""The most a form may allow for all attachments of a draft together."""

MAX_DRAFT_BYTES = 50 * MIB
"""A draft file larger than this is refused before it is read. It holds the largest draft the
limits allow: Base64 of `ATTACHMENTS_CEILING_BYTES` (40 MB) plus `MAX_DATA_BYTES`."""

MAX_FILE_CHANGES = 5_000
"""The most entries of the change log a draft file carries (issue 16): the newest ones. The
store keeps every entry; a file carries what the other side needs to see recent changes, and
stays within what the program reads back (`MAX_JSON_ARRAY`, `MAX_DRAFT_BYTES`)."""
MAX_FILE_CHANGES_BYTES = 4 * MIB
"""The most the change log in a draft file may take as JSON (old and new values of long texts
make entries large); older entries beyond it stay in the store only."""

MAX_ATTACHMENTS = 100
"""The most attachment files one draft carries (``files``)."""

MAX_LIST_ITEMS = 1000
"""Hard cap on the items of any list in the data, whatever the form says: beyond it the
validation reports the list as too long and looks no further."""

# Structure of any JSON the program reads from outside (drafts, manifests, protocols).
MAX_JSON_DEPTH = 32
"""Nesting of objects and arrays; the deepest path of a draft is about eight levels."""
MAX_JSON_CONTAINERS = 100_000
"""Objects and arrays in one file (a full draft has a few hundred)."""
MAX_JSON_ARRAY = 10_000
"""Items of one array, members of one object."""
MAX_JSON_SEPARATORS = 1_000_000
"""Commas in one file, which bounds the number of values."""
MAX_JSON_INT_DIGITS = 100
"""Digits of one whole number."""

MAX_PACKAGE_BYTES = 200 * MIB
"""A package folder or e-mail larger than this is not read."""
MAX_EMBEDDED_JSON_BYTES = MAX_DATA_BYTES
"""The `bewerbung.json` inside the PDF, decompressed."""
MAX_PDF_INFLATED_BYTES = 256 * MIB
"""All compressed streams of one PDF together, decompressed (checked before the PDF is parsed)."""
MIN_PDF_INFLATE_BUDGET = 32 * MIB
MAX_INFLATE_RATIO = 200
"""A PDF may decompress to `MAX_INFLATE_RATIO` times its size (at least
`MIN_PDF_INFLATE_BUDGET`, at most `MAX_PDF_INFLATED_BYTES`); more is a decompression bomb."""


def pdf_inflate_budget(pdf_size: int) -> int:
    return min(MAX_PDF_INFLATED_BYTES, max(MIN_PDF_INFLATE_BUDGET, MAX_INFLATE_RATIO * pdf_size))


def base64_length(num_bytes: int) -> int:
    return (num_bytes + 2) // 3 * 4


class TooLarge(Exception):
    """A file is larger than the limit for its kind (`size` in bytes, at least limit + 1)."""

    def __init__(self, size: int, limit: int) -> None:
        super().__init__(size, limit)
        self.size = size
        self.limit = limit


class NotAFile(Exception):
    """The path is a folder, a device, a pipe or a socket, not a regular file."""

    def __init__(self, folder: bool) -> None:
        super().__init__(folder)
        self.folder = folder


def read_bounded(path: Path, limit: int) -> bytes:
    """The bytes of a regular file of at most `limit` bytes. Never blocks on a pipe or reads
    a device without end; raises TooLarge, NotAFile or OSError."""
    flags = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0)
    info = path.stat()
    if not stat.S_ISREG(info.st_mode):
        raise NotAFile(stat.S_ISDIR(info.st_mode))
    if info.st_size > limit:
        raise TooLarge(info.st_size, limit)
    fd = os.open(path, flags)
    with os.fdopen(fd, "rb") as fh:
        if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):  # swapped since the stat
            raise NotAFile(False)
        data = fh.read(limit + 1)
    if len(data) > limit:
        raise TooLarge(len(data), limit)
    return data
