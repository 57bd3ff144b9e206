"""The runs of the program recorded in the draft store (crash recovery), part of `DraftStore`."""

from __future__ import annotations

from zwk_desktop.services.records import SessionRecord, parse_stamp, stamp
from zwk_desktop.services.store_lineage import StoreParts


class SessionMethods(StoreParts):
    """Each run of the program is a row of ``sessions`` (mixed into `DraftStore`)."""

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

    def open_sessions(self) -> list[SessionRecord]:
        """The runs that have not ended (running windows, or crashed ones)."""
        with self._read() as con:
            return [
                SessionRecord(r[0], parse_stamp(r[1]), r[2], r[3], r[4], r[5])
                for r in con.execute(
                    "SELECT id, started, host, pid, token, draft_id FROM sessions "
                    "WHERE ended IS NULL ORDER BY id"
                )
            ]
