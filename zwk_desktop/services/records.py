"""The records the draft store hands out and takes in: frozen, typed, without SQL."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the draft model pulls in pydantic; start-up reads only summaries
    from zwk_desktop.domain.collab import Change
    from zwk_desktop.domain.draft import Draft
    from zwk_desktop.domain.lineage import Lineage
    from zwk_desktop.domain.migrations import MigrationReport

Clock = Callable[[], dt.datetime]


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def stamp(moment: dt.datetime) -> str:
    """A UTC time as stored: ISO 8601 with milliseconds and ``Z``."""
    return moment.astimezone(dt.UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def parse_stamp(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text)


@dataclass(frozen=True)
class StoreSettings:
    history_limit: int = 50
    """Versions kept per draft (those from before a format migration are always kept)."""
    version_interval: dt.timedelta = dt.timedelta(minutes=5)
    """An autosave adds a version when the newest one is at least this old."""
    trash_days: int = 30
    """Days a deleted draft stays restorable in the Papierkorb."""


@dataclass(frozen=True)
class DraftSummary:
    """One line of the drafts list (read without the draft's data)."""

    id: int
    name: str | None
    """The name the user gave the draft, or None: then the Kommune is its name."""
    title: str
    """The Kommune, from the draft's data."""
    created: dt.datetime
    modified: dt.datetime
    form_id: str
    form_version: str
    completeness: int | None
    errors: int | None
    warnings: int | None
    deleted: dt.datetime | None

    @property
    def label(self) -> str:
        return self.name or self.title


@dataclass(frozen=True)
class DraftSnapshot:
    """A draft frozen for writing: serialised on the caller's thread, written on any thread."""

    form_id: str
    form_version: str
    title: str
    data_json: str
    meta_json: str
    acks_json: str
    files: Mapping[str, bytes]
    completeness: int | None = None
    lineage_id: str | None = None
    """The draft's lineage id (UUID); a new draft gets a new one when it is None or taken."""
    collab_json: str = "{}"
    """List item ids, comments, change markers, conflicts waiting (`collab_json`)."""
    changes: tuple[Change, ...] = ()
    """Entries of the change log to write (new or extended since the last save)."""
    changes_revision: int = 0
    """Confirms the written entries (`ChangeLog.saved`) once the save succeeded."""

    @classmethod
    def of(
        cls, draft: Draft, completeness: int | None = None, *, all_changes: bool = False
    ) -> DraftSnapshot:
        """`all_changes`: the whole change log (for a new row), not only what is pending."""
        lineage = draft.ensure_lineage()
        changes, revision = draft.changelog.pending()
        if all_changes:
            changes = tuple(draft.changelog.entries)
        return cls(
            form_id=draft.form_id,
            form_version=draft.form_version,
            title=draft.title,
            data_json=dumps(draft.data),
            meta_json=dumps(draft.meta),
            acks_json=dumps([a.to_json() for a in draft.acknowledgements]),
            files=dict(draft.files),
            completeness=completeness,
            lineage_id=lineage.draft,
            collab_json=collab_json(draft, lineage),
            changes=changes,
            changes_revision=revision,
        )


@dataclass(frozen=True)
class ExportStamp:
    """What a file written from a stored draft says about its lineage."""

    version: str
    """The new version's id (UUID)."""
    at: str
    history: tuple[tuple[str, str], ...]
    """(version, at) of every state exchanged before, newest first."""
    previous: Any = None
    """The newest of those as `BaseState`, or None for the first export."""


@dataclass(frozen=True)
class SaveResult:
    modified: dt.datetime
    version_id: int | None
    """The version this save added to the history, if it added one."""


@dataclass(frozen=True)
class LoadedDraft:
    draft: Draft
    migration: MigrationReport | None = None
    """Set when the stored row had an older format and was migrated while loading."""


def dumps(value: Any) -> str:
    """Compact JSON as stored (draft data comes from JSON and cannot contain cycles)."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), check_circular=False)


@dataclass(frozen=True)
class VersionInfo:
    id: int
    draft_id: int
    created: dt.datetime
    reason: str
    note: str
    format_version: int
    uuid: str | None = None
    """The version's id (every version has one since schema 2)."""

    @property
    def local_time_text(self) -> str:
        return self.created.astimezone().strftime("%d.%m.%Y, %H:%M:%S Uhr")


@dataclass(frozen=True)
class SessionRecord:
    id: int
    started: dt.datetime
    host: str
    pid: int
    token: str
    """Names the run's lock file."""
    draft_id: int | None


def collab_json(draft: Draft, lineage: Lineage | None = None) -> str:
    """The ``collab`` column of a draft: item ids, comments, markers, waiting conflicts.
    `lineage`: what `draft.ensure_lineage()` just returned (each call walks the whole draft)."""
    if lineage is None:
        lineage = draft.ensure_lineage()
    out: dict[str, Any] = {"items": lineage.items}
    if draft.comments:
        out["comments"] = [c.to_json() for c in draft.comments]
    if draft.markers:
        out["markers"] = {p: m.to_json() for p, m in draft.markers.items()}
    if draft.pending is not None:
        out["pending"] = draft.pending.to_json()
    return dumps(out)
