"""The draft store's tables (`SCHEMA`), their upgrades, and how their rows become records and
drafts.

`zwk_desktop.services.store.DraftStore` runs the queries; this module says what the columns
are. The draft model and the migrations are imported when a row is decoded, never at module
level (the program's start needs only SQLite).

A new database gets `SCHEMA` at `SCHEMA_VERSION`. An older one is upgraded step by step with
`UPGRADES` (``UPGRADES[n]`` takes schema n to n + 1) in one transaction when it is opened, so a
database written by an earlier version of ZWK Desktop keeps every draft and version.

Schema 2 (issue 16, lineage): every draft has a lineage id (``drafts.uuid``, a UUID) and every
version an id (``versions.uuid``); ``collab`` holds the list item ids, comments, change markers
and conflicts waiting for a decision (JSON); ``syncs`` keeps each state that left or entered the
store as a file (the merge bases); ``changes`` is the change log. Rows of format 1 are format 2:
the layout of their data is the same.

Schema 3 (issue 10): the index the start screen and ``drafts list`` read (`DRAFTS_LISTED`).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from zwk_desktop.services.records import DraftSummary, parse_stamp
from zwk_desktop.services.store_errors import StoreError

if TYPE_CHECKING:
    from zwk_desktop.domain.draft import Draft

SCHEMA_VERSION = 3

STATE = """
    form_id TEXT NOT NULL,
    form_version TEXT NOT NULL,
    format_version INTEGER NOT NULL,
    data TEXT NOT NULL,
    meta TEXT NOT NULL,
    acknowledgements TEXT NOT NULL,
    files TEXT NOT NULL,
    collab TEXT NOT NULL DEFAULT '{}'"""
"""The columns of a draft's state, the same in ``drafts`` and ``versions``. ``data``, ``meta``
and ``acknowledgements`` are JSON in the layout of ``format_version``; ``files`` maps the
sha256 the draft names to the key of its bytes in ``blobs``; ``collab`` is the JSON of
`zwk_desktop.services.store_sync` (item ids, comments, markers, pending conflicts)."""

NEW_UUID_SQL = (
    "lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || "
    "substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || "
    "substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))"
)
"""SQL for a random UUID (version 4)."""

_LINEAGE_TABLES = """
CREATE UNIQUE INDEX drafts_by_uuid ON drafts(uuid);
CREATE TABLE syncs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    draft_id INTEGER NOT NULL REFERENCES drafts(id) ON DELETE CASCADE,
    version TEXT NOT NULL,
    at TEXT NOT NULL,
    origin TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    data TEXT NOT NULL,
    acknowledgements TEXT NOT NULL,
    collab TEXT NOT NULL
);
CREATE UNIQUE INDEX syncs_by_draft ON syncs(draft_id, version);
CREATE TABLE changes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    draft_id INTEGER NOT NULL REFERENCES drafts(id) ON DELETE CASCADE,
    entry TEXT NOT NULL,
    at TEXT NOT NULL,
    who TEXT NOT NULL,
    path TEXT NOT NULL,
    kind TEXT NOT NULL,
    old TEXT NOT NULL,
    new TEXT NOT NULL
);
CREATE UNIQUE INDEX changes_by_draft ON changes(draft_id, entry)
"""

DRAFTS_LISTED = (
    "CREATE INDEX drafts_listed ON drafts(deleted, modified, id, name, title, created, form_id, "
    "form_version, completeness, errors, warnings)"
)
"""The drafts as the start screen, the Papierkorb and ``drafts list`` show them, newest first:
a covering index, so that listing never reads the drafts' data (a row's list columns lie
behind its data, megabytes on a cold disk with thousands of drafts)."""

SCHEMA = f"""
CREATE TABLE drafts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    uuid TEXT,
    name TEXT,
    title TEXT NOT NULL,
    created TEXT NOT NULL,
    modified TEXT NOT NULL,{STATE},
    completeness INTEGER,
    errors INTEGER,
    warnings INTEGER,
    deleted TEXT
);
CREATE TABLE versions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    uuid TEXT,
    draft_id INTEGER NOT NULL REFERENCES drafts(id) ON DELETE CASCADE,
    created TEXT NOT NULL,
    reason TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',{STATE}
);
CREATE INDEX versions_by_draft ON versions(draft_id, id);
CREATE TABLE blobs (sha256 TEXT PRIMARY KEY, size INTEGER NOT NULL, content BLOB NOT NULL);
{DRAFTS_LISTED};
CREATE TABLE sessions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    started TEXT NOT NULL,
    ended TEXT,
    host TEXT NOT NULL,
    pid INTEGER NOT NULL,
    token TEXT NOT NULL,
    draft_id INTEGER,
    recovered INTEGER NOT NULL DEFAULT 0
);
{_LINEAGE_TABLES}
"""

ROW_FIXUPS = f"""
UPDATE drafts SET uuid = {NEW_UUID_SQL} WHERE uuid IS NULL;
UPDATE versions SET uuid = {NEW_UUID_SQL} WHERE uuid IS NULL;
UPDATE drafts SET format_version = 2 WHERE format_version = 1;
UPDATE versions SET format_version = 2 WHERE format_version = 1
"""
"""Rows of schema 1 (or salvaged from such a database) in schema 2: ids for drafts and
versions, and format 2 for rows of format 1 (the layout of their data is the same)."""

UPGRADES: dict[int, str] = {
    1: f"""
ALTER TABLE drafts ADD COLUMN uuid TEXT;
ALTER TABLE drafts ADD COLUMN collab TEXT NOT NULL DEFAULT '{{}}';
ALTER TABLE versions ADD COLUMN uuid TEXT;
ALTER TABLE versions ADD COLUMN collab TEXT NOT NULL DEFAULT '{{}}';
{ROW_FIXUPS};
{_LINEAGE_TABLES}
""",
    2: DRAFTS_LISTED,
}
"""``UPGRADES[n]`` turns a database of schema n into n + 1."""


def statements(script: str) -> list[str]:
    """The statements of a script of `SCHEMA` or `UPGRADES` (separated by semicolons; none of
    ours has a semicolon inside a literal)."""
    return [s.strip() for s in script.split(";") if s.strip()]


SUMMARY_COLUMNS = (
    "id, name, title, created, modified, form_id, form_version, completeness, errors, warnings, "
    "deleted"
)
VERSION_COLUMNS = (
    "form_id, form_version, format_version, data, meta, acknowledgements, files, collab"
)


def summary_of(row: tuple[Any, ...]) -> DraftSummary:
    return DraftSummary(
        id=row[0],
        name=row[1],
        title=row[2],
        created=parse_stamp(row[3]),
        modified=parse_stamp(row[4]),
        form_id=row[5],
        form_version=row[6],
        completeness=row[7],
        errors=row[8],
        warnings=row[9],
        deleted=parse_stamp(row[10]) if row[10] else None,
    )


def envelope_of(row: tuple[Any, ...]) -> dict[str, Any]:
    """The envelope of a row of drafts or versions (``VERSION_COLUMNS``), files aside; the
    row's ``collab`` rides along under ``_collab`` until `checked_draft` reads it."""
    from zwk_desktop.domain.draft import FORMAT
    from zwk_desktop.domain.migrations import EnvelopeParts, assemble

    form_id, form_version, format_version, data, meta, acks, _files, collab = row
    parts = EnvelopeParts(
        format_version, form_id, form_version, json.loads(meta), json.loads(data), json.loads(acks)
    )
    envelope = assemble(parts, FORMAT)
    envelope["_collab"] = collab
    return envelope


def checked_draft(envelope: dict[str, Any], files: dict[str, bytes]) -> Draft:
    """The draft of a row, with its item ids, comments, markers and waiting conflicts (its
    lineage id, history and change log are added by the store)."""
    from zwk_desktop.domain.draft import DraftError, draft_from_json
    from zwk_desktop.domain.lineage import Lineage
    from zwk_desktop.services.store_sync import read_collab

    envelope = dict(envelope)
    collab_text = envelope.pop("_collab", None)
    try:
        draft = draft_from_json(envelope)
    except DraftError as exc:
        raise StoreError(f"Ein gespeicherter Entwurf ist nicht lesbar: {exc}") from None
    draft.files.update(files)
    collab = read_collab(collab_text, draft.data)
    draft.lineage = Lineage(draft="", items=collab.items)
    draft.comments = collab.comments
    draft.markers = collab.markers
    draft.pending = collab.pending
    return draft
