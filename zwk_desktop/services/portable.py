"""Portable draft files (``.zwk``, fields.md §1): export from the store, import into it.

Export writes atomically (a temporary file in the target folder, flushed to disk, then renamed
over the target), so an interrupted export never leaves half a file. The file carries the draft's
lineage: the exported state becomes a version and a merge base in the store.

Import of a file whose draft the store knows (the same lineage id) merges it into that draft
(`zwk_desktop.services.roundtrip`); any other file, a file of an older format and, on request
(``as_new``), any file at all becomes a new draft. Nothing is overwritten: the states before a
merge stay in the history, and a file of an older format keeps its original state there too. A
file that cannot be read raises `DraftError` with one German sentence and changes nothing.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from zwk_desktop import oserrors
from zwk_desktop.domain.draft import (
    FORMAT_VERSION,
    MAX_DRAFT_BYTES,
    Draft,
    DraftError,
    draft_from_json,
    form_of,
    now_iso,
    read_envelope,
)
from zwk_desktop.domain.formatting import size
from zwk_desktop.domain.lineage import BaseState, VersionRef, new_lineage_id
from zwk_desktop.domain.migrations import MigrationError, MigrationReport, migrate
from zwk_desktop.domain.sync import attribute_incoming
from zwk_desktop.formspec import FormSpecError
from zwk_desktop.services.atomic import FileInUseError, write_atomic
from zwk_desktop.services.diff import migration_text
from zwk_desktop.services.records import ExportStamp
from zwk_desktop.services.roundtrip import MergeOutcome, file_versions, merge_file, written_state
from zwk_desktop.services.store import DraftStore, StoreError, StoreUnavailable
from zwk_desktop.services.summary import installed_form, stats_for

SUFFIX = ".zwk"


class FileWriteError(Exception):
    """A draft file could not be written. The message is German; the draft is unchanged."""


@dataclass(frozen=True)
class ReadFile:
    draft: Draft
    original: dict[str, Any] | None
    """The envelope as it was in the file, when the file had an older format."""
    migration: MigrationReport | None


@dataclass(frozen=True)
class ImportResult:
    draft_id: int
    title: str
    migration: MigrationReport | None
    message: str
    """One or two German sentences: what was imported (or merged), what a migration did."""
    merge: MergeOutcome | None = None
    """Set when the file was merged into a draft the store knows."""

    @property
    def conflicts(self) -> int:
        return self.merge.conflicts if self.merge is not None else 0


def read_file(path: Path) -> ReadFile:
    """Read a ``.zwk`` file; raises DraftError (German) when it cannot be read as a draft of
    an installed form (`validate` refuses the same files)."""
    envelope = read_envelope(path)
    draft = draft_from_json(envelope)
    with contextlib.suppress(FormSpecError):  # a broken installed form is not the file's fault
        form_of(draft)
    if draft.migrated_from is None:
        return ReadFile(draft, None, None)
    try:
        report = migrate(envelope, FORMAT_VERSION)[1]
    except MigrationError as exc:
        raise DraftError(str(exc)) from None
    return ReadFile(draft, envelope, report)


def import_file(store: DraftStore, path: Path, *, as_new: bool = False) -> ImportResult:
    """Import a draft file: merged into the stored draft of its lineage if there is one, else
    (and always with `as_new`) as a new draft. Raises DraftError (unreadable file) or
    StoreError (the store cannot be written); in both cases nothing has changed."""
    read = read_file(path)
    lineage = read.draft.lineage
    known = store.find_lineage(lineage.draft) if lineage is not None and not as_new else None
    if known is not None:
        outcome = merge_file(store, known.draft_id, read.draft, path)
        return ImportResult(outcome.draft_id, outcome.title, None, outcome.message, outcome)
    attribute_incoming(read.draft)
    spec = installed_form(read.draft)
    stats = stats_for(spec, read.draft) if spec is not None else None
    note = migration_text(read.migration, spec) if read.migration else ""
    syncs: tuple[BaseState, ...] = ()
    if lineage is not None and not as_new:
        syncs = file_versions(read.draft)
    draft_id = store.create(
        read.draft,
        reason="import",
        stats=stats,
        before_migration=read.original,
        note=note,
        new_lineage=as_new,
        syncs=syncs,
    )
    title = read.draft.title  # whole sentences, so that the window can translate them
    if as_new:
        message = f"„{title}“ wurde als Kopie (neuer Entwurf Nr. {draft_id}) importiert."
    else:
        message = f"„{title}“ wurde als neuer Entwurf Nr. {draft_id} importiert."
    if note:
        message += f" Die Datei hatte ein älteres Format und wurde umgestellt: {note}"
    return ImportResult(draft_id, read.draft.title, read.migration, message)


@dataclass(frozen=True)
class OpenedFile:
    """A `.zwk` file given to the program (``zwk-desktop DATEI.zwk``), ready to be edited."""

    draft: Draft
    draft_id: int | None
    """The new draft's id; None when the store cannot be written right now: the draft is then
    only in memory, and the first successful autosave adds it to the store."""
    message: str
    """German: what was imported (and migrated), or why it is not stored yet."""
    saved_at: dt.datetime | None = None
    """When the new draft was stored."""


def open_file(store: DraftStore, path: Path) -> OpenedFile:
    """Import a file named on the command line as a new draft (never overwriting one) and hand
    it to the editor. Raises DraftError (German) when the file cannot be read."""
    try:
        result = import_file(store, path)
    except StoreError as exc:
        read = read_file(path)
        return OpenedFile(
            read.draft,
            None,
            f"„{read.draft.title}“ ist geöffnet, aber noch nicht gespeichert: {exc} ZWK Desktop "
            "versucht es beim nächsten Speichern erneut.",
        )
    draft = store.load(result.draft_id).draft
    saved_at = store.summary(result.draft_id).modified
    return OpenedFile(draft, result.draft_id, result.message, saved_at)


def export_draft(store: DraftStore, draft_id: int, path: Path, *, by: str = "") -> Draft:
    """Write a stored draft to a file; the exported state is recorded as a version and a merge
    base first. `by`: the user name the file names as its writer. When the store cannot be
    written (e.g. a write-protected data folder), the file is written all the same, with a
    version of its own: the draft itself is unchanged."""
    exported: ExportStamp | None = None
    with contextlib.suppress(StoreUnavailable):
        exported = store.record_export(draft_id, str(path))
    draft = store.load(draft_id).draft
    stamp_lineage(draft, exported, by)
    write_file(draft, path)
    return draft


def stamp_lineage(draft: Draft, exported: ExportStamp | None, by: str) -> None:
    """What a file says of its lineage: the version it was written from, that version's state
    as the merge base (what the file held when it was written, whatever is done to the file
    later), the versions exchanged before (newest first) and the newest one's state, who wrote
    it and when. Without
    `exported` (the store could not record the export) the file still gets a version of its
    own."""
    lineage = draft.ensure_lineage()
    if exported is not None:
        lineage.version = exported.version
        lineage.history = [VersionRef(v, at) for v, at in exported.history]
        previous = exported.previous
        lineage.previous = previous if isinstance(previous, BaseState) else None
    else:
        lineage.version = new_lineage_id()
    lineage.written = now_iso()
    lineage.by = by
    lineage.base = written_state(draft)


def write_file(draft: Draft, path: Path) -> None:
    """Write a draft file atomically; raises FileWriteError (German) and leaves any existing
    file at `path` untouched when it fails. A draft larger than the program reads back is
    refused, and so is a target that is a symbolic link."""
    content = draft.to_bytes()
    if len(content) > MAX_DRAFT_BYTES:
        raise FileWriteError(
            f"Der Entwurf ist mit {size(len(content))} zu groß für eine Entwurfsdatei (höchstens "
            f"{size(MAX_DRAFT_BYTES)}, die ZWK Desktop wieder öffnen kann). Bitte entfernen Sie "
            "große Anlagen; der Entwurf bleibt gespeichert."
        )
    try:
        write_atomic(path, content)
    except OSError as exc:
        raise FileWriteError(_write_problem(path, exc)) from None


def _write_problem(path: Path, exc: OSError) -> str:
    if isinstance(exc, FileInUseError):
        return str(exc)  # names the file and why it is held
    return f"Die Datei {path} konnte nicht geschrieben werden ({oserrors.cause(exc)})."
