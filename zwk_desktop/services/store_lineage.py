"""The draft store's side of the round trip: lineage, exports as merge bases, merging a file in.

`LineageMethods` is part of `DraftStore` (kept apart to keep each module small). A file written
from a stored draft becomes a merge base (`record_export`); a file of a known draft is merged in
one transaction (`merge_in`) that keeps both states before the merge as versions.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

# store_sync (change log, sync states) is imported where it is used, not at start-up
from zwk_desktop.services.blobs import BlobCache
from zwk_desktop.services.records import DraftSnapshot, ExportStamp, dumps, stamp
from zwk_desktop.services.store_errors import StoreError
from zwk_desktop.services.store_schema import VERSION_COLUMNS

if TYPE_CHECKING:
    from zwk_desktop.domain.collab import Change
    from zwk_desktop.domain.draft import Draft
    from zwk_desktop.domain.lineage import BaseState
    from zwk_desktop.services.records import Clock
    from zwk_desktop.services.summary import DraftStats


@dataclass(frozen=True)
class MergeWrite:
    """What a merge of a file into a stored draft writes."""

    source: str
    """The file's name, for the notes of the versions."""
    theirs: DraftSnapshot
    """The file's state, kept as a version."""
    theirs_version: str
    """The id of the file's version."""
    merged: DraftSnapshot
    """The new current state."""
    syncs: tuple[BaseState, ...]
    """The file's state and the base it carried, kept as merge bases."""
    stats: DraftStats | None = None
    fast_forward: bool = False


@dataclass(frozen=True)
class StoredLineage:
    draft_id: int
    lineage: str
    deleted: bool
    """The draft is in the Papierkorb."""


class StoreParts:
    """What the parts of `DraftStore` use of each other (declared for the type checker)."""

    if TYPE_CHECKING:
        clock: Clock

        def _write(self) -> AbstractContextManager[OpenConnection]: ...
        def _read(self) -> AbstractContextManager[sqlite3.Connection]: ...
        def _update_row(
            self,
            opened: OpenConnection,
            draft_id: int,
            snap: DraftSnapshot,
            now: str,
            stats: DraftStats | None = None,
        ) -> None: ...
        def _insert_version(
            self,
            con: sqlite3.Connection,
            draft_id: int,
            reason: str,
            now: str,
            note: str = "",
            version: str | None = None,
        ) -> int: ...


class LineageMethods(StoreParts):
    """Lineage and merging (mixed into `DraftStore`)."""

    def _lineage_parts(self, draft_id: int) -> tuple[str, list[Any], list[Any]]:
        """The draft's lineage id, its exchanged versions (newest first) and its change log."""
        from zwk_desktop.domain.lineage import VersionRef, new_lineage_id
        from zwk_desktop.services import store_sync

        with self._read() as con:
            row = con.execute("SELECT uuid FROM drafts WHERE id = ?", (draft_id,)).fetchone()
            refs = [VersionRef(v, at) for v, at in store_sync.history(con, draft_id)]
            changes = store_sync.read_change_rows(con, draft_id)
        lineage = row[0] if row and row[0] else None
        if lineage is None:  # a row salvaged without its id
            lineage = new_lineage_id()
            with self._write() as opened:
                opened.con.execute(
                    "UPDATE drafts SET uuid = ? WHERE id = ? AND uuid IS NULL", (lineage, draft_id)
                )
        return lineage, refs, changes

    def _with_lineage(self, draft_id: int, draft: Draft) -> Draft:
        from zwk_desktop.domain.collab import ChangeLog
        from zwk_desktop.domain.lineage import Lineage

        lineage, refs, changes = self._lineage_parts(draft_id)
        assert draft.lineage is not None  # `_checked_draft` read the row's collab into it
        draft.lineage = Lineage(draft=lineage, items=draft.lineage.items, history=refs)
        draft.changelog = ChangeLog.stored(changes)
        return draft

    def _insert_snapshot(
        self,
        opened: OpenConnection,
        draft_id: int,
        snap: DraftSnapshot,
        reason: str,
        now: str,
        note: str,
        version: str,
    ) -> int:
        """Keep a state that is not the stored one (a file's) as a version."""
        from zwk_desktop.domain.draft import FORMAT_VERSION

        files = opened.blobs.store(opened.con, snap.files)
        cur = opened.con.execute(
            f"INSERT INTO versions (uuid, draft_id, created, reason, note, {VERSION_COLUMNS}) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                version,
                draft_id,
                now,
                reason,
                note,
                snap.form_id,
                snap.form_version,
                FORMAT_VERSION,
                snap.data_json,
                snap.meta_json,
                snap.acks_json,
                dumps(files),
                snap.collab_json,
            ),
        )
        return int(cur.lastrowid or 0)

    def find_lineage(self, lineage: str) -> StoredLineage | None:
        """The stored draft of a lineage id (also one in the Papierkorb), or None."""
        with self._read() as con:
            row = con.execute(
                "SELECT id, uuid, deleted FROM drafts WHERE uuid = ?", (lineage.lower(),)
            ).fetchone()
        return StoredLineage(row[0], row[1], row[2] is not None) if row else None

    def record_export(self, draft_id: int, note: str) -> ExportStamp:
        """Record the stored state as a new version that leaves the store as a file: it is
        kept in the history and as a merge base. Returns what the file says of its lineage."""
        from zwk_desktop.domain.lineage import new_lineage_id
        from zwk_desktop.services import store_sync

        version = new_lineage_id()
        with self._write() as opened:
            now = stamp(self.clock())
            previous = store_sync.sync_state(opened.con, draft_id, None)
            history = tuple(store_sync.history(opened.con, draft_id))
            # "export_file": the history names the cause („Vor dem Export als .zwk-Datei“)
            self._insert_version(opened.con, draft_id, "export_file", now, note, version)
            store_sync.record_current(opened.con, draft_id, version, now, "export", note)
        return ExportStamp(version, now, history, previous)

    def merge_base(self, draft_id: int, candidates: Sequence[str]) -> BaseState | None:
        """The state of the first of `candidates` (version ids, the best first) this store
        has exchanged, or None."""
        from zwk_desktop.services import store_sync

        with self._read() as con:
            for version in candidates:
                state = store_sync.sync_state(con, draft_id, version.lower())
                if state is not None:
                    return state
        return None

    def merge_in(self, draft_id: int, write: MergeWrite) -> int:
        """Merge a file in, in one transaction: the stored state and the file's state become
        versions ("vor Zusammenführung mit Datei …"), the merged state the current one (taken
        out of the Papierkorb if it was there). Returns the id of the merged version."""
        from zwk_desktop.services import store_sync

        with self._write() as opened:
            con = opened.con
            if con.execute("SELECT 1 FROM drafts WHERE id = ?", (draft_id,)).fetchone() is None:
                raise StoreError(f"Den Entwurf Nr. {draft_id} gibt es nicht (mehr).")
            now = stamp(self.clock())
            name = write.source
            before = f"Ihr Stand vor Zusammenführung mit Datei {name}"
            self._insert_version(con, draft_id, "before_merge", now, before)
            self._insert_snapshot(
                opened,
                draft_id,
                write.theirs,
                "incoming",
                now,
                f"Eingegangener Stand aus Datei {name}, vor Zusammenführung",
                write.theirs_version,
            )
            self._update_row(opened, draft_id, write.merged, now, write.stats)
            con.execute("UPDATE drafts SET deleted = NULL WHERE id = ?", (draft_id,))
            note = (
                f"Übernommen aus Datei {name}"
                if write.fast_forward
                else f"Zusammengeführt mit Datei {name}"
            )
            merged = self._insert_version(con, draft_id, "merge", now, note)
            for state in write.syncs:
                store_sync.record_state(con, draft_id, state, "import", name)
            return merged

    def record_syncs(self, draft_id: int, states: Sequence[BaseState], note: str) -> None:
        """Keep states that came with a file as merge bases (a file with nothing new)."""
        from zwk_desktop.services import store_sync

        with self._write() as opened:
            for state in states:
                store_sync.record_state(opened.con, draft_id, state, "import", note)

    def change_log(self, draft_id: int) -> list[Change]:
        """The draft's change log, oldest first."""
        from zwk_desktop.services import store_sync

        with self._read() as con:
            return store_sync.read_change_rows(con, draft_id)

    def exchanged(self, draft_id: int) -> list[tuple[str, str]]:
        """(version, at) of the states exchanged as files, newest first."""
        from zwk_desktop.services import store_sync

        with self._read() as con:
            return store_sync.history(con, draft_id)


@dataclass
class OpenConnection:
    """The store's connection while it is open."""

    con: sqlite3.Connection
    blobs: BlobCache = field(default_factory=BlobCache)
    read_only: bool = False
    """The file was write-protected when the connection opened: SQLite then opens it for reading
    only, for the connection's whole life, even after the folder is writable again."""
