"""Trust on first use: per AGS, the certificate of the first valid package the desk received.

Anyone can make a self-issued identity with any name. The inbox therefore remembers, per AGS,
the fingerprint of the certificate that signed the first valid package (in its own small SQLite
file beside the program's data, ``posteingang/zertifikate.sqlite``), and flags a later package
of that AGS signed with another certificate. Every certificate seen is kept, so that the desk can
confirm them with the town hall by phone; a certificate the desk marks as confirmed (`confirm`,
also before any package of it arrived) is no longer flagged. When the file cannot be written (a
read-only data folder), the comparison still works for the run, in memory, and the caller is
told.
"""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

from zwk_desktop.locations import data_dir
from zwk_desktop.services.inbox.model import (
    TRUST_CONFIRMED,
    TRUST_FIRST,
    TRUST_KNOWN,
    TRUST_OTHER,
    Certificate,
)

STORE_NAME = "zertifikate.sqlite"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS zertifikate (
    ags TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    signer TEXT NOT NULL,
    kommune TEXT NOT NULL,
    first_seen TEXT NOT NULL,
    first INTEGER NOT NULL,
    confirmed INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (ags, fingerprint)
)
"""


def _prepare(db: sqlite3.Connection) -> None:
    """The table, also in a file made before certificates could be confirmed."""
    with db:
        db.execute(_SCHEMA)
        columns = {row[1] for row in db.execute("PRAGMA table_info(zertifikate)")}
        if "confirmed" not in columns:
            db.execute("ALTER TABLE zertifikate ADD COLUMN confirmed INTEGER NOT NULL DEFAULT 0")


def default_store_path() -> Path:
    return data_dir() / "posteingang" / STORE_NAME


class TrustStore:
    """The remembered certificates; `notice` says (German) when they cannot be saved."""

    def __init__(self, path: Path | None) -> None:
        self.notice = ""
        self.path = path
        self._db = self._open(path)

    def _open(self, path: Path | None) -> sqlite3.Connection:
        if path is not None:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                db = sqlite3.connect(path, timeout=10)
                _prepare(db)
                return db
            except (OSError, sqlite3.Error) as exc:
                self.notice = (
                    f"Die Zertifikate können nicht in {path} gespeichert werden ({exc}); sie "
                    "werden nur für diesen Lauf verglichen."
                )
        db = sqlite3.connect(":memory:")
        _prepare(db)
        return db

    def close(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self._db.close()

    def __enter__(self) -> TrustStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def observe(self, ags: str, fingerprint: str, signer: str, kommune: str, seen: str) -> str:
        """Record a valid package's certificate; returns TRUST_FIRST, TRUST_KNOWN,
        TRUST_CONFIRMED or TRUST_OTHER."""
        try:
            with self._db:
                first = self._db.execute(
                    "SELECT fingerprint FROM zertifikate WHERE ags = ? AND first = 1", (ags,)
                ).fetchone()
                mine = self._db.execute(
                    "SELECT confirmed FROM zertifikate WHERE ags = ? AND fingerprint = ?",
                    (ags, fingerprint),
                ).fetchone()
                self._db.execute(
                    "INSERT OR IGNORE INTO zertifikate VALUES (?, ?, ?, ?, ?, ?, 0)",
                    (ags, fingerprint, signer, kommune, seen, int(first is None)),
                )
                self._db.execute(  # a certificate confirmed before its first package
                    "UPDATE zertifikate SET signer = ?, kommune = ?, first_seen = ?, "
                    "first = (first OR ?) WHERE ags = ? AND fingerprint = ? AND signer = ''",
                    (signer, kommune, seen, int(first is None), ags, fingerprint),
                )
                if mine is not None and mine[0]:
                    return TRUST_CONFIRMED
                if first is None:
                    return TRUST_FIRST
                return TRUST_KNOWN if first[0] == fingerprint else TRUST_OTHER
        except sqlite3.Error as exc:
            if not self.notice:
                self.notice = f"Die Zertifikate können nicht gespeichert werden ({exc})."
            return TRUST_FIRST

    def confirm(self, ags: str, fingerprint: str) -> None:
        """Mark a certificate as confirmed for this AGS (the desk phoned the town hall)."""
        with self._db:
            self._db.execute(
                "INSERT OR IGNORE INTO zertifikate VALUES (?, ?, '', '', '', 0, 1)",
                (ags, fingerprint),
            )
            self._db.execute(
                "UPDATE zertifikate SET confirmed = 1 WHERE ags = ? AND fingerprint = ?",
                (ags, fingerprint),
            )

    def certificates(self, ags: set[str] | None = None) -> tuple[Certificate, ...]:
        """Every certificate remembered (for these AGS), the first of each AGS first."""
        try:
            rows = self._db.execute(
                "SELECT ags, fingerprint, signer, kommune, first_seen, first, confirmed "
                "FROM zertifikate ORDER BY ags, first DESC, first_seen, fingerprint"
            ).fetchall()
        except sqlite3.Error:
            return ()
        return tuple(
            Certificate(r[0], r[1], r[2], r[3], r[4], bool(r[5]), bool(r[6]))
            for r in rows
            if ags is None or r[0] in ags
        )
