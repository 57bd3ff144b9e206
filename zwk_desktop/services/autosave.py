"""Autosave without Qt: when to save, the draft being edited, and its save state.

`AutosavePolicy` decides when a save is due (clock injected, so it is tested without waiting).
`DraftSession` is the draft the main window edits: in memory, with its place in the store. A
save runs in three steps so that the slow part can run on a worker thread: `prepare` (on the
editor's thread: freezes the draft as JSON text), `write` (any thread: the SQLite transaction)
and `finish` (on the editor's thread again: the new state). When the store cannot be written,
the draft stays in memory, the status says so in German, and the policy retries after growing
delays; `export` ("Speichern unter…") still writes the draft to any other folder.
"""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from zwk_desktop import __version__
from zwk_desktop.domain.collab import ChangeLog
from zwk_desktop.domain.draft import Draft, new_draft, now_iso
from zwk_desktop.formspec import FormSpec
from zwk_desktop.services.portable import stamp_lineage, write_file
from zwk_desktop.services.store import DraftSnapshot, DraftStore, SaveResult, StoreError
from zwk_desktop.services.summary import DraftStats, completeness, installed_form, stats_for

MonotonicClock = Callable[[], float]


class AutosavePolicy:
    """When to save: `debounce` seconds after the last edit, but at the latest `max_wait`
    seconds after the first unsaved edit while typing goes on; after a failure, again after
    `retry_delays` (the last one repeats)."""

    def __init__(
        self,
        clock: MonotonicClock = time.monotonic,
        *,
        debounce: float = 0.8,
        max_wait: float = 3.0,
        retry_delays: tuple[float, ...] = (2.0, 5.0, 10.0, 30.0, 60.0),
    ) -> None:
        self.clock = clock
        self.debounce = debounce
        self.max_wait = max_wait
        self.retry_delays = retry_delays
        self.revision = 0
        """Counts edits; a save records the revision it wrote."""
        self.saved_revision = 0
        self.failures = 0
        self._last_edit = 0.0
        self._first_unsaved: float | None = None
        self._started_at = 0.0
        self._retry_at: float | None = None

    @property
    def dirty(self) -> bool:
        return self.revision != self.saved_revision

    def edited(self) -> None:
        now = self.clock()
        self.revision += 1
        self._last_edit = now
        if self._first_unsaved is None:
            self._first_unsaved = now

    def due_at(self) -> float | None:
        """The monotonic time at which the next save is due, or None when nothing is unsaved."""
        if not self.dirty:
            return None
        if self._retry_at is not None:
            return self._retry_at
        first = self._first_unsaved if self._first_unsaved is not None else self._last_edit
        return min(self._last_edit + self.debounce, first + self.max_wait)

    def due_in(self) -> float | None:
        due = self.due_at()
        return None if due is None else max(0.0, due - self.clock())

    def started(self) -> int:
        """A save begins; returns the revision it writes."""
        self._started_at = self.clock()
        return self.revision

    def succeeded(self, revision: int) -> None:
        self.saved_revision = max(self.saved_revision, revision)
        self.failures = 0
        self._retry_at = None
        # Edits made while the save ran are newer than it: their clock starts at its start.
        self._first_unsaved = self._started_at if self.dirty else None

    def failed(self) -> float:
        """A save failed; returns the delay in seconds until the next attempt."""
        self.failures += 1
        delay = self.retry_delays[min(self.failures, len(self.retry_delays)) - 1]
        self._retry_at = self.clock() + delay
        return delay


SaveState = Literal["saved", "pending", "saving", "failed", "unsaved"]


@dataclass(frozen=True)
class SaveStatus:
    """The save state; the window's title bar tells it in words (`ui.autosave.status_text`)."""

    state: SaveState
    saved_at: dt.datetime | None = None
    error: str | None = None
    """The German reason of the last failure."""
    retry_in: float | None = None

    def message(self) -> str | None:
        """A full German explanation when saving failed, for a notice in the window."""
        if self.state != "failed" or self.error is None:
            return None
        retry = f" in {round(self.retry_in)} Sekunden" if self.retry_in else ""
        return (
            f"Der Entwurf konnte nicht gespeichert werden: {self.error} Ihre Eingaben bleiben im "
            f"Programm erhalten; ZWK Desktop versucht es{retry} erneut. Mit „Speichern unter…“ "
            "sichern Sie den Entwurf als Datei in einem anderen Ordner."
        )


@dataclass(frozen=True)
class PendingSave:
    """A save prepared on the editor's thread."""

    draft_id: int | None
    revision: int
    reason: str
    snapshot: DraftSnapshot
    stats: DraftStats | None
    changelog: ChangeLog | None = None
    """The change log the snapshot's entries come from (confirmed when the save succeeded)."""


@dataclass(frozen=True)
class SaveOutcome:
    pending: PendingSave
    draft_id: int | None
    result: SaveResult | None
    error: StoreError | None


class DraftSession:
    """The draft being edited, kept in memory, saved to the store by autosave."""

    def __init__(
        self,
        store: DraftStore,
        draft: Draft,
        draft_id: int | None = None,
        *,
        spec: FormSpec | None = None,
        policy: AutosavePolicy | None = None,
        saved_at: dt.datetime | None = None,
    ) -> None:
        """`draft_id` None: the draft is not in the store yet; the first save adds it.
        `saved_at`: when a stored draft was last saved (for the title bar)."""
        self.store = store
        self.draft = draft
        self.draft_id = draft_id
        self.spec = spec if spec is not None else installed_form(draft)
        self.policy = policy or AutosavePolicy()
        self._status = (
            SaveStatus("saved", saved_at) if draft_id is not None else SaveStatus("unsaved")
        )
        self._findings: tuple[int, int] | None = None
        if draft_id is None:
            self.policy.edited()

    @classmethod
    def new(
        cls, store: DraftStore, spec: FormSpec, *, policy: AutosavePolicy | None = None
    ) -> DraftSession:
        """A new, empty application, saved at once (or as soon as the store can be written)."""
        session = cls(store, new_draft(spec), None, spec=spec, policy=policy)
        session.save_now()
        return session

    @classmethod
    def open(
        cls, store: DraftStore, draft_id: int, *, policy: AutosavePolicy | None = None
    ) -> DraftSession:
        """A stored draft (migrated when it has an older format). Raises StoreError."""
        draft = store.load(draft_id).draft
        saved_at = store.summary(draft_id).modified
        return cls(store, draft, draft_id, policy=policy, saved_at=saved_at)

    # ----------------------------------------------------------------------- editing

    def edited(self) -> None:
        """The user changed the draft (call after every change to `draft`)."""
        self.policy.edited()
        if self._status.state != "failed":
            self._status = SaveStatus("pending", self._status.saved_at)

    def set_findings(self, errors: int, warnings: int) -> None:
        """The counts of the live validation, written with the next save for the drafts list."""
        self._findings = (errors, warnings)

    @property
    def status(self) -> SaveStatus:
        return self._status

    @property
    def dirty(self) -> bool:
        return self.policy.dirty

    def due_in(self) -> float | None:
        """Seconds until the next autosave is due, or None when everything is saved."""
        return self.policy.due_in()

    # ----------------------------------------------------------------------- saving

    def prepare(self, reason: str = "autosave", figures: bool = False) -> PendingSave:
        """Freeze the draft for a save (on the editor's thread).

        The completeness for the drafts list is worked out when `figures` is asked for, for
        every save that is not a plain autosave, and with new counts from `set_findings`: a
        keystroke's autosave stays as cheap as the write itself."""
        self.draft.meta["modified"] = now_iso()
        self.draft.meta["app_version"] = __version__
        percent = None
        if self.spec is not None and (figures or reason != "autosave" or self._findings):
            percent = completeness(self.spec, self.draft.data)
        stats = None
        if percent is not None and self._findings is not None:
            stats = DraftStats(percent, *self._findings)
        if self._status.state != "failed":
            self._status = SaveStatus("saving", self._status.saved_at)
        return PendingSave(
            draft_id=self.draft_id,
            revision=self.policy.started(),
            reason=reason,
            snapshot=DraftSnapshot.of(self.draft, percent),
            stats=stats,
            changelog=self.draft.changelog,
        )

    def write(self, pending: PendingSave) -> SaveOutcome:
        """Write a prepared save (any thread). Store errors are returned, not raised."""
        try:
            if pending.draft_id is None:
                draft_id = self.store.create(
                    pending.snapshot,
                    reason="created",
                    stats=pending.stats,
                )
                return SaveOutcome(pending, draft_id, None, None)
            result = self.store.save(
                pending.draft_id, pending.snapshot, reason=pending.reason, stats=pending.stats
            )
            return SaveOutcome(pending, pending.draft_id, result, None)
        except StoreError as exc:
            return SaveOutcome(pending, pending.draft_id, None, exc)

    def finish(self, outcome: SaveOutcome) -> SaveStatus:
        """Take in the result of a save (on the editor's thread)."""
        if outcome.error is not None:
            delay = self.policy.failed()
            self._status = SaveStatus("failed", self._status.saved_at, str(outcome.error), delay)
            return self._status
        self.draft_id = outcome.draft_id
        if outcome.pending.changelog is not None:
            outcome.pending.changelog.saved(outcome.pending.snapshot.changes_revision)
        if outcome.pending.stats is not None:
            self._findings = None
        self.policy.succeeded(outcome.pending.revision)
        saved_at = outcome.result.modified if outcome.result else self.store.clock()
        self._status = SaveStatus("pending" if self.dirty else "saved", saved_at)
        return self._status

    def save_now(self, reason: str = "autosave", figures: bool = False) -> SaveStatus:
        """Save at once, on this thread (page change, explicit save, close)."""
        return self.finish(self.write(self.prepare(reason, figures)))

    def close(self) -> SaveStatus:
        """The last save before the draft is closed, with complete figures for the drafts list
        (a full validation). Returns the status; "failed" means the draft is only in memory."""
        if self.spec is not None:
            stats = stats_for(self.spec, self.draft)
            self._findings = (stats.errors, stats.warnings)
        if self.dirty or self._findings is not None or self.draft_id is None:
            return self.save_now(figures=True)
        return self._status

    # ----------------------------------------------------------------------- files, history

    def export(self, path: Path, by: str = "") -> None:
        """ "Speichern unter…" / "Entwurf exportieren…": the current state goes into the history
        and becomes a merge base (when the store can be written), then to `path` with its
        lineage; `by` is the user name the file names. Raises FileWriteError."""
        status = self.save_now()
        exported = None
        if self.draft_id is not None and status.state != "failed":
            try:
                exported = self.store.record_export(self.draft_id, str(path))
            except StoreError:
                exported = None  # the file still gets a version of its own
        written = copy.copy(self.draft)
        written.lineage = dataclasses.replace(self.draft.ensure_lineage())
        stamp_lineage(written, exported, by)
        write_file(written, path)

    def restore_version(self, version_id: int) -> Draft:
        """Make a version the current state (the current one stays in the history). Raises
        StoreError; the editor must show `draft` afresh afterwards."""
        if self.draft_id is None:
            raise StoreError("Der Entwurf ist noch nicht gespeichert und hat keine Versionen.")
        if self.dirty:
            status = self.save_now()
            if status.state == "failed":
                raise StoreError(status.error or "Der Entwurf konnte nicht gespeichert werden.")
        self.draft = self.store.restore_version(self.draft_id, version_id)
        self.policy.succeeded(self.policy.started())
        self._status = SaveStatus("saved", self.store.clock())
        return self.draft
