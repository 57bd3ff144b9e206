"""The draft store's tables (`SCHEMA`) and how their rows become records and drafts.

`zwk_desktop.services.store.DraftStore` runs the queries; this module says what the columns
are. The draft model and the migrations are imported when a row is decoded, never at module
level (the program's start needs only SQLite).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from zwk_desktop.services.records import DraftSummary, parse_stamp
from zwk_desktop.services.store_errors import StoreError

if TYPE_CHECKING:
    from zwk_desktop.domain.draft import Draft

SCHEMA_VERSION = 1

STATE = """
    form_id TEXT NOT NULL,
    form_version TEXT NOT NULL,
    format_version INTEGER NOT NULL,
    data TEXT NOT NULL,
    meta TEXT NOT NULL,
    acknowledgements TEXT NOT NULL,
    files TEXT NOT NULL"""
"""The columns of a draft's state, the same in ``drafts`` and ``versions``. ``data``, ``meta``
and ``acknowledgements`` are JSON in the layout of ``format_version``; ``files`` maps the
sha256 the draft names to the key of its bytes in ``blobs``."""

SCHEMA = f"""
CREATE TABLE drafts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
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
    draft_id INTEGER NOT NULL REFERENCES drafts(id) ON DELETE CASCADE,
    created TEXT NOT NULL,
    reason TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',{STATE}
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
"""

SUMMARY_COLUMNS = (
    "id, name, title, created, modified, form_id, form_version, completeness, errors, warnings, "
    "deleted"
)
VERSION_COLUMNS = "form_id, form_version, format_version, data, meta, acknowledgements, files"


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
    """The envelope of a row of drafts or versions (``VERSION_COLUMNS``), files aside."""
    from zwk_desktop.domain.draft import FORMAT
    from zwk_desktop.domain.migrations import EnvelopeParts, assemble

    form_id, form_version, format_version, data, meta, acks, _files = row
    parts = EnvelopeParts(
        format_version, form_id, form_version, json.loads(meta), json.loads(data), json.loads(acks)
    )
    return assemble(parts, FORMAT)


def checked_draft(envelope: dict[str, Any], files: dict[str, bytes]) -> Draft:
    from zwk_desktop.domain.draft import DraftError, draft_from_json

    try:
        draft = draft_from_json(envelope)
    except DraftError as exc:
        raise StoreError(f"Ein gespeicherter Entwurf ist nicht lesbar: {exc}") from None
    draft.files.update(files)
    return draft
