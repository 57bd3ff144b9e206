"""Attachment bytes in the draft database: kept once per content, keyed by their SHA-256.

A draft row only names its files (``{"<key the draft uses>": "<sha256 of the bytes>"}``); the
bytes are written once, when they first appear, so large attachments do not slow down every
autosave. The keys are the sha256 the draft names; they differ from the content hash only in a
damaged draft, which is kept as it is (the validation reports it).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping


class BlobCache:
    """The blobs this connection has written or seen, by sha256 and size, so that an autosave
    neither hashes nor sends an attachment again."""

    def __init__(self) -> None:
        self._known: dict[str, int] = {}
        self._pending: dict[str, int] = {}

    def store(self, con: sqlite3.Connection, files: Mapping[str, bytes]) -> dict[str, str]:
        """Write the blobs the database may lack; returns key → sha256 for the draft row.
        Runs inside the caller's transaction."""
        refs: dict[str, str] = {}
        for key, content in files.items():
            size = self._known.get(key, self._pending.get(key))
            if size == len(content):
                refs[key] = key
                continue
            sha = sha256_hex(content)
            con.execute(
                "INSERT OR IGNORE INTO blobs (sha256, size, content) VALUES (?, ?, ?)",
                (sha, len(content), content),
            )
            refs[key] = sha
            if sha == key:
                self._pending[sha] = len(content)
        return refs

    def commit_pending(self) -> None:
        self._known.update(self._pending)
        self._pending.clear()

    def forget_pending(self) -> None:
        self._pending.clear()

    def clear(self) -> None:
        self._known.clear()
        self._pending.clear()


def load_blobs(con: sqlite3.Connection, refs: Mapping[str, str]) -> dict[str, bytes]:
    """The bytes of a draft's files. A missing blob is left out: the draft still opens and the
    validation reports the attachment's missing content."""
    out: dict[str, bytes] = {}
    for key, sha in refs.items():
        row = con.execute("SELECT content FROM blobs WHERE sha256 = ?", (sha,)).fetchone()
        if row is not None:
            out[key] = bytes(row[0])
    return out


def collect_garbage(con: sqlite3.Connection, cache: BlobCache) -> int:
    """Delete the blobs no draft and no version refers to; returns how many."""
    cur = con.execute(
        "DELETE FROM blobs WHERE sha256 NOT IN ("
        "SELECT j.value FROM drafts, json_each(drafts.files) AS j "
        "UNION SELECT j.value FROM versions, json_each(versions.files) AS j)"
    )
    cache.clear()
    return cur.rowcount


def sha256_hex(content: bytes) -> str:
    """The SHA-256 of attachment bytes; hashlib (OpenSSL) is loaded on first use, not when the
    program starts."""
    import hashlib

    return hashlib.sha256(content).hexdigest()
