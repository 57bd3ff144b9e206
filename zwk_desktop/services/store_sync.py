"""The lineage tables of the draft store (schema 2): the ``collab`` column, merge bases, change log.

``collab`` (in ``drafts`` and ``versions``, written by `records.collab_json`) is JSON::

    {"items": {"finanzplan.posten": ["4f1c…", …]},   # list item ids, parallel to data
     "comments": [...], "markers": {...}, "pending": {...}}

``syncs`` keeps every state that left the store as a file (``export``) or came in with one
(``import``, and the base a file carried: ``base``): the common ancestors a later merge starts
from. ``changes`` is the change log, one row per entry (an entry that grows while the user types
is updated in place).

The functions here run inside the caller's transaction (`DraftStore._write` / `_read`).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from zwk_desktop.services.records import dumps

if TYPE_CHECKING:
    from zwk_desktop.domain.collab import Change, Comment, Marker
    from zwk_desktop.domain.lineage import BaseState, ItemIds
    from zwk_desktop.domain.merge import PendingMerge

MAX_SYNCS = 200
"""Merge bases kept per draft (the newest)."""


@dataclass
class Collab:
    items: ItemIds = field(default_factory=dict)
    comments: list[Comment] = field(default_factory=list)
    markers: dict[str, Marker] = field(default_factory=dict)
    pending: PendingMerge | None = None


def read_collab(text: str | None, data: Any) -> Collab:
    """The ``collab`` column; whatever cannot be read is left out (never fails a load)."""
    from zwk_desktop.domain.collab import read_comments, read_markers
    from zwk_desktop.domain.lineage import LineageError, ensure_ids, read_items
    from zwk_desktop.domain.merge import PendingMerge

    try:
        raw = json.loads(text or "{}")
    except ValueError:
        raw = {}
    raw = raw if isinstance(raw, dict) else {}
    try:
        items = read_items(raw.get("items"), data)
    except LineageError:
        items = ensure_ids(data, {})
    try:
        comments = read_comments(raw.get("comments"))
    except LineageError:
        comments = []
    return Collab(
        items=items,
        comments=comments,
        markers=read_markers(raw.get("markers")),
        pending=PendingMerge.from_json(raw.get("pending")),
    )


def collab_with_items(current: str, items_from: str) -> str:
    """The current ``collab`` with the item ids of another state (restoring a version brings
    back its data and the ids of its items; comments, markers and decisions stay)."""
    try:
        now, then = json.loads(current or "{}"), json.loads(items_from or "{}")
    except ValueError:
        return items_from
    if not isinstance(now, dict) or not isinstance(then, dict):
        return items_from
    return dumps({**now, "items": then.get("items", {})})


# --------------------------------------------------------------------------- change log


def write_changes(con: sqlite3.Connection, draft_id: int, changes: Iterable[Change]) -> None:
    con.executemany(
        "INSERT INTO changes (draft_id, entry, at, who, path, kind, old, new) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (draft_id, entry) DO UPDATE SET "
        "at = excluded.at, who = excluded.who, path = excluded.path, kind = excluded.kind, "
        "old = excluded.old, new = excluded.new",
        [
            (draft_id, c.id, c.at, c.who, c.path, c.kind, dumps(c.old), dumps(c.new))
            for c in changes
        ],
    )


def read_change_rows(con: sqlite3.Connection, draft_id: int) -> list[Change]:
    from zwk_desktop.domain.collab import Change, ChangeKind

    out = []
    for entry, at, who, path, kind, old, new in con.execute(
        "SELECT entry, at, who, path, kind, old, new FROM changes WHERE draft_id = ? "
        "ORDER BY at, id",
        (draft_id,),
    ):
        known: ChangeKind = kind if kind in ("added", "removed", "moved") else "value"
        out.append(Change(entry, path, at, who, _load(old), _load(new), known))
    return out


def _load(text: str) -> Any:
    try:
        return json.loads(text)
    except ValueError:
        return None


# --------------------------------------------------------------------------- merge bases


def history(con: sqlite3.Connection, draft_id: int) -> list[tuple[str, str]]:
    """(version, at) of the draft's exchanged states, newest first."""
    return [
        (r[0], r[1])
        for r in con.execute(
            "SELECT version, at FROM syncs WHERE draft_id = ? ORDER BY id DESC", (draft_id,)
        )
    ]


def record_current(
    con: sqlite3.Connection, draft_id: int, version: str, at: str, origin: str, note: str
) -> None:
    """Keep the draft's stored state as the exchanged version `version`."""
    con.execute(
        "INSERT OR IGNORE INTO syncs (draft_id, version, at, origin, note, data, "
        "acknowledgements, collab) SELECT id, ?, ?, ?, ?, data, acknowledgements, collab "
        "FROM drafts WHERE id = ?",
        (version, at, origin, note, draft_id),
    )
    _prune(con, draft_id)


def record_state(
    con: sqlite3.Connection, draft_id: int, state: BaseState, origin: str, note: str
) -> None:
    """Keep a state that came with a file (its own, or the base it carried)."""
    from zwk_desktop.domain.lineage import items_json

    collab = {"items": items_json(state.data, state.items), "comments": state.comments}
    con.execute(
        "INSERT OR IGNORE INTO syncs (draft_id, version, at, origin, note, data, "
        "acknowledgements, collab) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            draft_id,
            state.version,
            state.at,
            origin,
            note,
            dumps(state.data),
            dumps(state.acknowledgements),
            dumps(collab),
        ),
    )
    _prune(con, draft_id)


def _prune(con: sqlite3.Connection, draft_id: int) -> None:
    con.execute(
        "DELETE FROM syncs WHERE draft_id = ? AND id NOT IN (SELECT id FROM syncs "
        "WHERE draft_id = ? ORDER BY id DESC LIMIT ?)",
        (draft_id, draft_id, MAX_SYNCS),
    )


def sync_state(con: sqlite3.Connection, draft_id: int, version: str | None) -> BaseState | None:
    """The state of an exchanged version (the newest one when `version` is None)."""
    from zwk_desktop.domain.lineage import BaseState

    if version is None:
        row = con.execute(
            "SELECT version, at, data, acknowledgements, collab FROM syncs WHERE draft_id = ? "
            "ORDER BY id DESC LIMIT 1",
            (draft_id,),
        ).fetchone()
    else:
        row = con.execute(
            "SELECT version, at, data, acknowledgements, collab FROM syncs WHERE draft_id = ? "
            "AND version = ?",
            (draft_id, version),
        ).fetchone()
    if row is None:
        return None
    data = _load(row[2])
    if not isinstance(data, dict):
        return None
    acks = _load(row[3])
    collab = read_collab(row[4], data)
    return BaseState(
        version=row[0],
        at=row[1],
        data=data,
        items=collab.items,
        comments=[c.to_json() for c in collab.comments],
        acknowledgements=acks if isinstance(acks, list) else [],
    )
