"""The local draft store: one SQLite database in the user's data folder.

Every draft is a row (id, its own name, title = the Kommune, created, modified, form id and
version, format_version, data, meta, acknowledged warnings, and the sha256 of each attachment);
attachments are kept once per content in ``blobs``, so an autosave writes only the row. Its
history is in ``versions``; ``sessions`` records each run of the program for crash recovery.

The database runs in WAL mode with ``synchronous=FULL``: a save that returned is on disk.
Every method is safe to call from any thread (one connection behind a lock), so an autosave
can run in a worker while the window stays responsive. A database that cannot be read is moved
aside with a timestamp and a new one is created (`DraftStore.notices` tells the user); a store
that cannot be written (read-only or full disk) raises `StoreUnavailable` and reconnects on the
next call, so the caller keeps the draft in memory and tries again.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from zwk_desktop.services.blobs import BlobCache, collect_garbage, load_blobs
from zwk_desktop.services.database import open_checked
from zwk_desktop.services.records import (
    Clock,
    DraftSnapshot,
    DraftSummary,
    LoadedDraft,
    SaveResult,
    SessionRecord,
    StoreSettings,
    VersionInfo,
    dumps,
    parse_stamp,
    stamp,
    utc_now,
)
from zwk_desktop.services.store_errors import StoreCorrupt, StoreError, StoreUnavailable, translate
from zwk_desktop.services.store_schema import (
    SCHEMA,
    SCHEMA_VERSION,
    SUMMARY_COLUMNS,
    VERSION_COLUMNS,
    checked_draft,
    envelope_of,
    summary_of,
)

if TYPE_CHECKING:
    from zwk_desktop.domain.draft import Draft
    from zwk_desktop.services.summary import DraftStats

# The draft model, the migrations and the form (pydantic, YAML) are imported where a draft's
# data is read or written, never at module level: the program's start (a run recorded, the
# list of recent drafts) needs only SQLite.

DB_NAME = "entwuerfe.sqlite3"


@dataclass
class _Open:
    con: sqlite3.Connection
    blobs: BlobCache = field(default_factory=BlobCache)
    read_only: bool = False
    """The file was write-protected when the connection opened: SQLite then opens it for reading
    only, for the connection's whole life, even after the folder is writable again."""


class DraftStore:
    """The draft database. Construct it with the database path; it connects on first use."""

    def __init__(
        self,
        path: Path,
        *,
        settings: StoreSettings | None = None,
        clock: Clock = utc_now,
        on_connect: Callable[[sqlite3.Connection], None] | None = None,
    ) -> None:
        """`on_connect` runs on each new connection (fault injection in tests)."""
        self.path = path
        self.settings = settings or StoreSettings()
        self.clock = clock
        self.notices: list[str] = []
        """German sentences for the user about the database itself (a corrupt one moved aside)."""
        self._on_connect = on_connect
        self._lock = threading.RLock()
        self._open: _Open | None = None
        self._checked = False

    # ----------------------------------------------------------------------- connection

    def close(self) -> None:
        with self._lock:
            if self._open is not None:
                self._open.con.close()
                self._open = None

    def _connection(self) -> _Open:
        if self._open is None:
            con, notice = open_checked(self.path, SCHEMA, SCHEMA_VERSION, self._checked)
            self._checked = True
            if notice:
                self.notices.append(notice)
            if self._on_connect is not None:
                self._on_connect(con)
            # os.access opens no descriptor: closing one on the database would drop SQLite's
            # locks on it (POSIX lock semantics).
            self._open = _Open(con, read_only=not os.access(self.path, os.W_OK))
        return self._open

    def _fail(self, exc: BaseException) -> StoreError:
        """Translate an error; the connection is dropped so that the next call reconnects."""
        error = translate(exc, self.path)
        if isinstance(error, StoreUnavailable | StoreCorrupt):
            self.close()
        return error

    @contextmanager
    def _write(self) -> Iterator[_Open]:
        with self._lock:
            if self._open is not None and self._open.read_only:
                self.close()  # opened while write-protected: try a fresh connection
            try:
                opened = self._connection()
                opened.con.execute("BEGIN IMMEDIATE")
            except (sqlite3.Error, OSError) as exc:
                raise self._fail(exc) from None
            try:
                yield opened
                opened.con.execute("COMMIT")
            except BaseException as exc:
                if opened.con.in_transaction:
                    with suppress(sqlite3.Error):
                        opened.con.execute("ROLLBACK")
                opened.blobs.forget_pending()
                if isinstance(exc, sqlite3.Error | OSError):
                    raise self._fail(exc) from None
                raise
            opened.blobs.commit_pending()

    @contextmanager
    def _read(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            try:
                opened = self._connection()
                opened.con.execute("BEGIN")
                try:
                    yield opened.con
                finally:
                    opened.con.execute("COMMIT")
            except (sqlite3.Error, OSError) as exc:
                raise self._fail(exc) from None

    # ----------------------------------------------------------------------- drafts

    def create(
        self,
        draft: Draft | DraftSnapshot,
        *,
        reason: str = "created",
        name: str | None = None,
        stats: DraftStats | None = None,
        before_migration: dict[str, Any] | None = None,
        note: str = "",
    ) -> int:
        """Store a new draft with its first version; returns its id.

        `before_migration` is the envelope as it was before a format migration; it is kept in
        the history, with `note` (the migration report)."""
        snap = draft if isinstance(draft, DraftSnapshot) else DraftSnapshot.of(draft)
        now = stamp(self.clock())
        with self._write() as opened:
            cur = opened.con.execute(
                "INSERT INTO drafts (name, title, created, modified, form_id, form_version, "
                "format_version, data, meta, acknowledgements, files) "
                "VALUES (?, '', ?, ?, '', '', 0, 'null', 'null', 'null', '{}')",
                (name, now, now),
            )
            draft_id = int(cur.lastrowid or 0)
            if before_migration is not None:
                self._insert_envelope_version(opened, draft_id, before_migration, now, note)
            self._update_row(opened, draft_id, snap, now, stats)
            self._insert_version(opened.con, draft_id, reason, now)
            return draft_id

    def save(
        self,
        draft_id: int,
        snap: DraftSnapshot,
        *,
        reason: str = "autosave",
        stats: DraftStats | None = None,
    ) -> SaveResult:
        """Write a draft's current state. An autosave adds a version when the newest one is
        older than the version interval; any other reason (``save``, ``export``, ...) always
        adds one."""
        moment = self.clock()
        now = stamp(moment)
        with self._write() as opened:
            self._update_row(opened, draft_id, snap, now, stats)
            version_id = None
            if reason != "autosave" or self._version_due(opened.con, draft_id, moment):
                kind = "interval" if reason == "autosave" else reason
                version_id = self._insert_version(opened.con, draft_id, kind, now)
            return SaveResult(moment, version_id)

    def _update_row(
        self,
        opened: _Open,
        draft_id: int,
        snap: DraftSnapshot,
        now: str,
        stats: DraftStats | None = None,
    ) -> None:
        from zwk_desktop.domain.draft import FORMAT_VERSION

        files = opened.blobs.store(opened.con, snap.files)
        sets = (
            "title = ?, modified = ?, form_id = ?, form_version = ?, format_version = ?, "
            "data = ?, meta = ?, acknowledgements = ?, files = ?"
        )
        values: list[Any] = [
            snap.title,
            now,
            snap.form_id,
            snap.form_version,
            FORMAT_VERSION,
            snap.data_json,
            snap.meta_json,
            snap.acks_json,
            dumps(files),
        ]
        if stats is not None:
            sets += ", completeness = ?, errors = ?, warnings = ?"
            values.extend((stats.completeness, stats.errors, stats.warnings))
        elif snap.completeness is not None:
            sets += ", completeness = ?"
            values.append(snap.completeness)
        cur = opened.con.execute(f"UPDATE drafts SET {sets} WHERE id = ?", (*values, draft_id))
        if cur.rowcount != 1:
            raise StoreError(f"Den Entwurf Nr. {draft_id} gibt es nicht (mehr).")

    def set_stats(self, draft_id: int, stats: DraftStats) -> None:
        with self._write() as opened:
            opened.con.execute(
                "UPDATE drafts SET completeness = ?, errors = ?, warnings = ? WHERE id = ?",
                (stats.completeness, stats.errors, stats.warnings, draft_id),
            )

    def _fetch(self, table: str, key: int) -> tuple[dict[str, Any], dict[str, bytes]] | None:
        """The envelope (of the row's format version) and the files of a draft or version."""
        with self._read() as con:
            row = con.execute(
                f"SELECT {VERSION_COLUMNS} FROM {table} WHERE id = ?", (key,)
            ).fetchone()
            if row is None:
                return None
            return envelope_of(row), load_blobs(con, json.loads(row[6]))

    def load(self, draft_id: int) -> LoadedDraft:
        """The draft's current state. A row of an older format is migrated here; its previous
        state stays in the history."""
        from zwk_desktop.domain.draft import FORMAT_VERSION
        from zwk_desktop.domain.migrations import migrate
        from zwk_desktop.services.diff import migration_text
        from zwk_desktop.services.summary import installed_form

        fetched = self._fetch("drafts", draft_id)
        if fetched is None:
            raise StoreError(f"Den Entwurf Nr. {draft_id} gibt es nicht.")
        envelope, files = fetched
        if envelope["format_version"] >= FORMAT_VERSION:
            return LoadedDraft(checked_draft(envelope, files))
        migrated, report = migrate(envelope, FORMAT_VERSION)
        draft = checked_draft(migrated, files)
        note = migration_text(report, installed_form(draft)) if report else ""
        with self._write() as opened:
            now = stamp(self.clock())
            self._insert_envelope_version(opened, draft_id, envelope, now, note)
            self._update_row(opened, draft_id, DraftSnapshot.of(draft), now)
            self._insert_version(opened.con, draft_id, "migration", now)
        return LoadedDraft(draft, report)

    def summary(self, draft_id: int) -> DraftSummary:
        with self._read() as con:
            row = con.execute(
                f"SELECT {SUMMARY_COLUMNS} FROM drafts WHERE id = ?", (draft_id,)
            ).fetchone()
        if row is None:
            raise StoreError(f"Den Entwurf Nr. {draft_id} gibt es nicht.")
        return summary_of(row)

    def list_drafts(self, *, trash: bool = False, limit: int = -1) -> list[DraftSummary]:
        """All drafts (or those in the Papierkorb), the most recently changed first; at most
        `limit` of them when it is not negative (the start screen's recent drafts)."""
        where = "deleted IS NOT NULL" if trash else "deleted IS NULL"
        with self._read() as con:
            rows = con.execute(
                f"SELECT {SUMMARY_COLUMNS} FROM drafts WHERE {where} ORDER BY modified DESC, "
                "id DESC LIMIT ?",
                (limit,),
            ).fetchall()
        return [summary_of(r) for r in rows]

    def rename(self, draft_id: int, name: str) -> None:
        """Give a draft its own name; an empty name shows the Kommune again."""
        with self._write() as opened:
            opened.con.execute(
                "UPDATE drafts SET name = ? WHERE id = ?", (name.strip() or None, draft_id)
            )

    def duplicate(self, draft_id: int, name: str | None = None) -> int:
        """A copy of the draft's current state (without its history) as a new draft."""
        from zwk_desktop.services.summary import DraftStats

        draft = self.load(draft_id).draft
        source = self.summary(draft_id)
        stats = None
        if source.completeness is not None and source.errors is not None:
            stats = DraftStats(source.completeness, source.errors, source.warnings or 0)
        return self.create(
            draft, reason="duplicate", name=name or f"Kopie von {source.label}", stats=stats
        )

    def trash(self, draft_id: int) -> None:
        """Move a draft into the Papierkorb (restorable for `trash_days`)."""
        with self._write() as opened:
            opened.con.execute(
                "UPDATE drafts SET deleted = ? WHERE id = ?", (stamp(self.clock()), draft_id)
            )

    def restore(self, draft_id: int) -> None:
        with self._write() as opened:
            opened.con.execute("UPDATE drafts SET deleted = NULL WHERE id = ?", (draft_id,))

    def purge(self, draft_id: int) -> None:
        """Delete a draft and its history for good."""
        with self._write() as opened:
            opened.con.execute("DELETE FROM versions WHERE draft_id = ?", (draft_id,))
            opened.con.execute("DELETE FROM drafts WHERE id = ?", (draft_id,))
            collect_garbage(opened.con, opened.blobs)

    def purge_expired(self) -> int:
        """Delete the drafts that have been in the Papierkorb longer than `trash_days`."""
        limit = stamp(self.clock() - dt.timedelta(days=self.settings.trash_days))
        with self._write() as opened:
            ids = [
                r[0]
                for r in opened.con.execute(
                    "SELECT id FROM drafts WHERE deleted IS NOT NULL AND deleted < ?", (limit,)
                )
            ]
            for draft_id in ids:
                opened.con.execute("DELETE FROM versions WHERE draft_id = ?", (draft_id,))
                opened.con.execute("DELETE FROM drafts WHERE id = ?", (draft_id,))
            if ids:
                collect_garbage(opened.con, opened.blobs)
            return len(ids)

    # ----------------------------------------------------------------------- history

    def add_version(self, draft_id: int, reason: str, note: str = "") -> int:
        """Record the draft's stored state as a version (explicit save, before an export)."""
        with self._write() as opened:
            return self._insert_version(opened.con, draft_id, reason, stamp(self.clock()), note)

    def versions(self, draft_id: int) -> list[VersionInfo]:
        """The draft's versions, newest first."""
        with self._read() as con:
            rows = con.execute(
                "SELECT id, draft_id, created, reason, note, format_version FROM versions "
                "WHERE draft_id = ? ORDER BY id DESC",
                (draft_id,),
            ).fetchall()
        return [VersionInfo(r[0], r[1], parse_stamp(r[2]), r[3], r[4], r[5]) for r in rows]

    def load_version(self, version_id: int) -> Draft:
        """A version's state, migrated to the current format when it is older."""
        from zwk_desktop.domain.draft import FORMAT_VERSION
        from zwk_desktop.domain.migrations import migrate

        fetched = self._fetch("versions", version_id)
        if fetched is None:
            raise StoreError(f"Die Version Nr. {version_id} gibt es nicht.")
        envelope, files = fetched
        if envelope["format_version"] < FORMAT_VERSION:
            envelope = migrate(envelope, FORMAT_VERSION)[0]
        return checked_draft(envelope, files)

    def restore_version(self, draft_id: int, version_id: int) -> Draft:
        """Make a version the current state again, in one transaction: the stored state is kept
        as a version first, and the restored state becomes a new version. Nothing is
        overwritten. Save the editor's state before calling this."""
        info = next((v for v in self.versions(draft_id) if v.id == version_id), None)
        if info is None:
            raise StoreError(f"Die Version Nr. {version_id} gehört nicht zu diesem Entwurf.")
        draft = self.load_version(version_id)
        snap = DraftSnapshot.of(draft)
        with self._write() as opened:
            now = stamp(self.clock())
            self._insert_version(opened.con, draft_id, "before_restore", now)
            self._update_row(opened, draft_id, snap, now)
            note = f"Stand vom {info.local_time_text}"
            self._insert_version(opened.con, draft_id, "restore", now, note)
        return draft

    def _version_due(self, con: sqlite3.Connection, draft_id: int, moment: dt.datetime) -> bool:
        row = con.execute(
            "SELECT created FROM versions WHERE draft_id = ? ORDER BY id DESC LIMIT 1",
            (draft_id,),
        ).fetchone()
        return row is None or moment - parse_stamp(row[0]) >= self.settings.version_interval

    def _insert_version(
        self, con: sqlite3.Connection, draft_id: int, reason: str, now: str, note: str = ""
    ) -> int:
        cur = con.execute(
            f"INSERT INTO versions (draft_id, created, reason, note, {VERSION_COLUMNS}) "
            f"SELECT id, ?, ?, ?, {VERSION_COLUMNS} FROM drafts WHERE id = ?",
            (now, reason, note, draft_id),
        )
        if cur.rowcount != 1:
            raise StoreError(f"Den Entwurf Nr. {draft_id} gibt es nicht (mehr).")
        self._prune(con, draft_id)
        return int(cur.lastrowid or 0)

    def _insert_envelope_version(
        self, opened: _Open, draft_id: int, envelope: dict[str, Any], now: str, note: str
    ) -> None:
        """Keep the state before a format migration exactly as it was (attachments of an older
        format stay inside its data)."""
        from zwk_desktop.domain.migrations import take_apart

        parts = take_apart(envelope)
        opened.con.execute(
            f"INSERT INTO versions (draft_id, created, reason, note, {VERSION_COLUMNS}) "
            "VALUES (?, ?, 'before_migration', ?, ?, ?, ?, ?, ?, ?, '{}')",
            (
                draft_id,
                now,
                note,
                parts.form_id,
                parts.form_version,
                parts.format_version,
                dumps(parts.data),
                dumps(parts.meta),
                dumps(parts.acknowledgements),
            ),
        )

    def _prune(self, con: sqlite3.Connection, draft_id: int) -> None:
        con.execute(
            "DELETE FROM versions WHERE draft_id = ? AND reason != 'before_migration' AND id NOT "
            "IN (SELECT id FROM versions WHERE draft_id = ? AND reason != 'before_migration' "
            "ORDER BY id DESC LIMIT ?)",
            (draft_id, draft_id, self.settings.history_limit),
        )

    # ----------------------------------------------------------------------- sessions

    def begin_session(self, host: str, pid: int, token: str) -> tuple[int, list[SessionRecord]]:
        """Record a new run; returns its id and the earlier runs that never ended."""
        with self._write() as opened:
            con = opened.con
            open_runs = [
                SessionRecord(r[0], parse_stamp(r[1]), r[2], r[3], r[4], r[5])
                for r in con.execute(
                    "SELECT id, started, host, pid, token, draft_id FROM sessions "
                    "WHERE ended IS NULL AND recovered = 0 ORDER BY id"
                )
            ]
            cur = con.execute(
                "INSERT INTO sessions (started, host, pid, token) VALUES (?, ?, ?, ?)",
                (stamp(self.clock()), host, pid, token),
            )
            return int(cur.lastrowid or 0), open_runs

    def mark_recovered(self, session_ids: list[int]) -> None:
        with self._write() as opened:
            opened.con.executemany(
                "UPDATE sessions SET recovered = 1 WHERE id = ?", [(i,) for i in session_ids]
            )

    def note_open_draft(self, session_id: int, draft_id: int | None) -> None:
        with self._write() as opened:
            opened.con.execute(
                "UPDATE sessions SET draft_id = ? WHERE id = ?", (draft_id, session_id)
            )

    def end_session(self, session_id: int) -> None:
        with self._write() as opened:
            opened.con.execute(
                "UPDATE sessions SET ended = ? WHERE id = ?", (stamp(self.clock()), session_id)
            )
            opened.con.execute(
                "DELETE FROM sessions WHERE ended IS NOT NULL AND id < ?", (session_id,)
            )

    # ----------------------------------------------------------------------- maintenance

    def integrity(self) -> str:
        """``PRAGMA integrity_check``: ``"ok"`` or the problems found."""
        with self._read() as con:
            return "\n".join(r[0] for r in con.execute("PRAGMA integrity_check"))


__all__ = [
    "DB_NAME",
    "DraftSnapshot",
    "DraftStore",
    "DraftSummary",
    "LoadedDraft",
    "SaveResult",
    "SessionRecord",
    "StoreCorrupt",
    "StoreError",
    "StoreSettings",
    "StoreUnavailable",
    "VersionInfo",
]
