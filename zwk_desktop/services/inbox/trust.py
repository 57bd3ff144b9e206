"""Trust on first use: per AGS, the certificate of the first valid package the desk received.

Anyone can make a self-issued identity with any name. The inbox therefore remembers, per AGS,
the fingerprint of the certificate that signed the first valid package (in its own small SQLite
file beside the program's data, ``posteingang/zertifikate.sqlite``), and flags a later package
of that AGS signed with another certificate. Every certificate seen is kept, so that the desk can
confirm them with the town hall by phone. When the file cannot be written (a read-only data
folder), the comparison still works for the run, in memory, and the caller is told.
"""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

from zwk_desktop.locations import data_dir
from zwk_desktop.services.inbox.model import TRUST_FIRST, TRUST_KNOWN, TRUST_OTHER, Certificate

STORE_NAME = "zertifikate.sqlite"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS zertifikate (
    ags TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    signer TEXT NOT NULL,
    kommune TEXT NOT NULL,
    first_seen TEXT NOT NULL,
    first INTEGER NOT NULL,
    PRIMARY KEY (ags, fingerprint)
)
"""


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
                db.execute(_SCHEMA)
                db.commit()
                return db
            except (OSError, sqlite3.Error) as exc:
                self.notice = (
                    f"Die Zertifikate können nicht in {path} gespeichert werden ({exc}); sie "
                    "werden nur für diesen Lauf verglichen."
                )
        db = sqlite3.connect(":memory:")
        db.execute(_SCHEMA)
        return db

    def close(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self._db.close()

    def __enter__(self) -> TrustStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def observe(self, ags: str, fingerprint: str, signer: str, kommune: str, seen: str) -> str:
        """Record a valid package's certificate; returns TRUST_FIRST, TRUST_KNOWN or TRUST_OTHER."""
        try:
            with self._db:
                row = self._db.execute(
                    "SELECT fingerprint FROM zertifikate WHERE ags = ? AND first = 1", (ags,)
                ).fetchone()
                if row is None:
                    self._db.execute(
                        "INSERT OR REPLACE INTO zertifikate VALUES (?, ?, ?, ?, ?, 1)",
                        (ags, fingerprint, signer, kommune, seen),
                    )
                    return TRUST_FIRST
                if row[0] == fingerprint:
                    return TRUST_KNOWN
                self._db.execute(
                    "INSERT OR IGNORE INTO zertifikate VALUES (?, ?, ?, ?, ?, 0)",
                    (ags, fingerprint, signer, kommune, seen),
                )
                return TRUST_OTHER
        except sqlite3.Error as exc:
            if not self.notice:
                self.notice = f"Die Zertifikate können nicht gespeichert werden ({exc})."
            return TRUST_FIRST

    def certificates(self, ags: set[str] | None = None) -> tuple[Certificate, ...]:
        """Every certificate remembered (for these AGS), the first of each AGS first."""
        try:
            rows = self._db.execute(
                "SELECT ags, fingerprint, signer, kommune, first_seen, first FROM zertifikate "
                "ORDER BY ags, first DESC, first_seen, fingerprint"
            ).fetchall()
        except sqlite3.Error:
            return ()
        return tuple(
            Certificate(r[0], r[1], r[2], r[3], r[4], bool(r[5]))
            for r in rows
            if ags is None or r[0] in ags
        )
