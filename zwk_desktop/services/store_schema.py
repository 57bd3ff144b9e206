"""The schema of the draft database and its upgrades (``PRAGMA user_version``).

A new database gets `SCHEMA` at `SCHEMA_VERSION`. An older one is upgraded step by step with
`UPGRADES` (``UPGRADES[n]`` takes schema n to n + 1) in one transaction when it is opened, so a
database written by an earlier version of ZWK Desktop keeps every draft and version.

Schema 2 (issue 16, lineage): every draft has a lineage id (``drafts.uuid``, a UUID) and every
version an id (``versions.uuid``); ``collab`` holds the list item ids, comments, change markers
and conflicts waiting for a decision (JSON); ``syncs`` keeps each state that left or entered the
store as a file (the merge bases); ``changes`` is the change log. Rows of format 1 are format 2:
the layout of their data is the same.
"""

from __future__ import annotations

SCHEMA_VERSION = 2

STATE_COLUMNS = """
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

_NEW_UUID = (
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

SCHEMA = f"""
CREATE TABLE drafts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    uuid TEXT,
    name TEXT,
    title TEXT NOT NULL,
    created TEXT NOT NULL,
    modified TEXT NOT NULL,{STATE_COLUMNS},
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
    note TEXT NOT NULL DEFAULT '',{STATE_COLUMNS}
);
CREATE INDEX versions_by_draft ON versions(draft_id, id);
CREATE TABLE blobs (sha256 TEXT PRIMARY KEY, size INTEGER NOT NULL, content BLOB NOT NULL);
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
UPDATE drafts SET uuid = {_NEW_UUID} WHERE uuid IS NULL;
UPDATE versions SET uuid = {_NEW_UUID} WHERE uuid IS NULL;
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
}
"""``UPGRADES[n]`` turns a database of schema n into n + 1."""


def statements(script: str) -> list[str]:
    """The statements of a script (none of ours has a semicolon inside a literal)."""
    return [s.strip() for s in script.split(";") if s.strip()]
