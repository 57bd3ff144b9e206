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

import dataclasses
import datetime as dt
import json
import os
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TYPE_CHECKING, Any

# store_sync (change log, sync states) is imported where it is used, not at start-up
from zwk_desktop.services.blobs import collect_garbage, load_blobs
from zwk_desktop.services.database import mark_for_check, open_checked, open_read_only
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
from zwk_desktop.services.store_lineage import LineageMethods
from zwk_desktop.services.store_lineage import OpenConnection as _Open
from zwk_desktop.services.store_schema import (
    SCHEMA,
    SCHEMA_VERSION,
    SUMMARY_COLUMNS,
    UPGRADES,
    VERSION_COLUMNS,
    checked_draft,
    envelope_of,
    summary_of,
)
from zwk_desktop.services.store_sessions import SessionMethods

if TYPE_CHECKING:
    from zwk_desktop.domain.draft import Draft
    from zwk_desktop.domain.lineage import BaseState
    from zwk_desktop.services.summary import DraftStats

# The draft model, the migrations and the form (pydantic, YAML) are imported where a draft's
# data is read or written, never at module level: the program's start (a run recorded, the
# list of recent drafts) needs only SQLite.

DB_NAME = "entwuerfe.sqlite3"

_KEPT = "('before_migration', 'before_merge', 'incoming')"
"""Reasons of versions that are never pruned."""


class DraftStore(LineageMethods, SessionMethods):
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
            con, notice = open_checked(
                self.path, SCHEMA, SCHEMA_VERSION, self._checked, upgrades=UPGRADES
            )
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
        if isinstance(error, StoreCorrupt):
            mark_for_check(self.path)  # the next start checks the whole file and moves it aside
        if isinstance(error, StoreUnavailable | StoreCorrupt):
            self.close()
        return error

    def connect(self) -> None:
        """Open the database now (the first call of any method does it too): a damaged one is
        moved aside and `notices` says so; a write-protected one is opened for reading (as by
        every reading method). Raises `StoreError` when it cannot be opened."""
        with self._lock:
            try:
                self._reading_connection()
            except (sqlite3.Error, OSError) as exc:
                raise self._fail(exc) from None

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

    def _reading_connection(self) -> _Open:
        """A connection for reading: the usual one, or, when the folder or the file is
        write-protected so that SQLite cannot even open it normally, one opened read-only
        (lists and exports then still work; every write reports the protection)."""
        try:
            return self._connection()
        except (sqlite3.Error, OSError, StoreUnavailable) as exc:
            if not self.path.is_file():
                raise
            try:
                con = open_read_only(self.path, SCHEMA_VERSION)
            except (sqlite3.Error, OSError):
                raise exc from None
            self._open = _Open(con, read_only=True)
            return self._open

    @contextmanager
    def _read(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            try:
                opened = self._reading_connection()
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
        new_lineage: bool = False,
        syncs: tuple[BaseState, ...] = (),
    ) -> int:
        """Store a new draft with its first version; returns its id.

        `before_migration` is the envelope as it was before a format migration; it is kept in
        the history, with `note` (the migration report). The draft keeps its lineage id unless
        `new_lineage` is set or another draft has it already (a copy is a new lineage).
        `syncs`: states that came with the draft's file, kept as merge bases."""
        from zwk_desktop.domain.lineage import new_lineage_id
        from zwk_desktop.services import store_sync

        snap = (
            draft if isinstance(draft, DraftSnapshot) else DraftSnapshot.of(draft, all_changes=True)
        )
        now = stamp(self.clock())
        with self._write() as opened:
            lineage = snap.lineage_id
            if new_lineage or lineage is None or self._lineage_owner(opened.con, lineage):
                lineage = new_lineage_id()
            cur = opened.con.execute(
                "INSERT INTO drafts (uuid, name, title, created, modified, form_id, form_version, "
                "format_version, data, meta, acknowledgements, files) "
                "VALUES (?, ?, '', ?, ?, '', '', 0, 'null', 'null', 'null', '{}')",
                (lineage, name, now, now),
            )
            draft_id = int(cur.lastrowid or 0)
            if before_migration is not None:
                self._insert_envelope_version(opened, draft_id, before_migration, now, note)
            self._update_row(opened, draft_id, snap, now, stats)
            self._insert_version(opened.con, draft_id, reason, now)
            if not new_lineage:
                for state in syncs:
                    store_sync.record_state(opened.con, draft_id, state, "import", note)
            return draft_id

    @staticmethod
    def _lineage_owner(con: sqlite3.Connection, lineage: str) -> int | None:
        row = con.execute("SELECT id FROM drafts WHERE uuid = ?", (lineage,)).fetchone()
        return int(row[0]) if row else None

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
        from zwk_desktop.services import store_sync

        files = opened.blobs.store(opened.con, snap.files)
        sets = (
            "title = ?, modified = ?, form_id = ?, form_version = ?, format_version = ?, "
            "data = ?, meta = ?, acknowledgements = ?, files = ?, collab = ?"
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
            snap.collab_json,
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
        if snap.changes:
            store_sync.write_changes(opened.con, draft_id, snap.changes)

    def set_stats(self, draft_id: int, stats: DraftStats) -> None:
        with self._write() as opened:
            opened.con.execute(
                "UPDATE drafts SET completeness = ?, errors = ?, warnings = ? WHERE id = ?",
                (stats.completeness, stats.errors, stats.warnings, draft_id),
            )

    def _fetch(self, table: str, key: int) -> tuple[dict[str, Any], dict[str, bytes]] | None:
        """The envelope (of the row's format version, with the row's ``collab`` under
        ``_collab``) and the files of a draft or version."""
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
            return LoadedDraft(self._with_lineage(draft_id, checked_draft(envelope, files)))
        migrated, report = migrate(envelope, FORMAT_VERSION)
        draft = self._with_lineage(draft_id, checked_draft(migrated, files))
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
                "SELECT id, draft_id, created, reason, note, format_version, uuid FROM versions "
                "WHERE draft_id = ? ORDER BY id DESC",
                (draft_id,),
            ).fetchall()
        return [VersionInfo(r[0], r[1], parse_stamp(r[2]), r[3], r[4], r[5], r[6]) for r in rows]

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
        with self._read() as con:
            (draft_id,) = con.execute(
                "SELECT draft_id FROM versions WHERE id = ?", (version_id,)
            ).fetchone()
        return self._with_lineage(draft_id, checked_draft(envelope, files))

    def restore_version(self, draft_id: int, version_id: int) -> Draft:
        """Make a version the current state again, in one transaction: the stored state is kept
        as a version first, and the restored state becomes a new version. Nothing is
        overwritten. Save the editor's state before calling this."""
        from zwk_desktop.services import store_sync

        info = next((v for v in self.versions(draft_id) if v.id == version_id), None)
        if info is None:
            raise StoreError(f"Die Version Nr. {version_id} gehört nicht zu diesem Entwurf.")
        draft = self.load_version(version_id)
        current = self.load(draft_id).draft
        draft.lineage = current.lineage
        draft.changelog = current.changelog
        draft.comments, draft.markers, draft.pending = (
            current.comments,
            current.markers,
            current.pending,
        )
        version_collab = self._collab_of("versions", version_id)
        snap = DraftSnapshot.of(draft)
        snap = dataclasses.replace(
            snap, collab_json=store_sync.collab_with_items(snap.collab_json, version_collab)
        )
        with self._write() as opened:
            now = stamp(self.clock())
            self._insert_version(opened.con, draft_id, "before_restore", now)
            self._update_row(opened, draft_id, snap, now)
            note = f"Stand vom {info.local_time_text}"
            self._insert_version(opened.con, draft_id, "restore", now, note)
        return self.load(draft_id).draft

    def _collab_of(self, table: str, key: int) -> str:
        with self._read() as con:
            row = con.execute(f"SELECT collab FROM {table} WHERE id = ?", (key,)).fetchone()
        return str(row[0]) if row else "{}"

    def _version_due(self, con: sqlite3.Connection, draft_id: int, moment: dt.datetime) -> bool:
        row = con.execute(
            "SELECT created FROM versions WHERE draft_id = ? ORDER BY id DESC LIMIT 1",
            (draft_id,),
        ).fetchone()
        return row is None or moment - parse_stamp(row[0]) >= self.settings.version_interval

    def _insert_version(
        self,
        con: sqlite3.Connection,
        draft_id: int,
        reason: str,
        now: str,
        note: str = "",
        version: str | None = None,
    ) -> int:
        from zwk_desktop.domain.lineage import new_lineage_id

        cur = con.execute(
            f"INSERT INTO versions (uuid, draft_id, created, reason, note, {VERSION_COLUMNS}) "
            f"SELECT ?, id, ?, ?, ?, {VERSION_COLUMNS} FROM drafts WHERE id = ?",
            (version or new_lineage_id(), now, reason, note, draft_id),
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
            "VALUES (?, ?, 'before_migration', ?, ?, ?, ?, ?, ?, ?, '{}', '{}')",
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
        """Keep the newest versions; those before a migration or a merge are always kept."""
        con.execute(
            f"DELETE FROM versions WHERE draft_id = ? AND reason NOT IN {_KEPT} AND id NOT "
            f"IN (SELECT id FROM versions WHERE draft_id = ? AND reason NOT IN {_KEPT} "
            "ORDER BY id DESC LIMIT ?)",
            (draft_id, draft_id, self.settings.history_limit),
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
