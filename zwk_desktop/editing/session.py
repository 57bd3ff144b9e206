"""One draft being edited: values by path, list items, visibility, findings, acknowledgements.

The session is the only thing the Qt layer changes a draft through. Every change is announced
to the listeners as an `Event` (the window's autosave listens); validation runs only when
`check()` is called (the window calls it debounced, after the user stops typing), so typing
stays cheap.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass, replace
from itertools import pairwise
from typing import Any, Literal

from zwk_desktop.domain.attachments import FileInfo, describe
from zwk_desktop.domain.collab import (
    MAX_COMMENT,
    Change,
    ChangeKind,
    Comment,
    Marker,
    new_entry_id,
)
from zwk_desktop.domain.conditions import holds
from zwk_desktop.domain.decisions import apply_choice

# the draft module's rule for a new value (defaults, fixed rows) is the one for new items too
from zwk_desktop.domain.draft import Acknowledgement, Draft, now_iso
from zwk_desktop.domain.draft import _initial as initial_value
from zwk_desktop.domain.lineage import (
    concrete_path,
    ensure_ids,
    new_item_id,
    same,
    section_of,
    stable_path,
)
from zwk_desktop.domain.merge import Conflict, PendingMerge
from zwk_desktop.domain.paths import PathPart, format_path, get_value, parse_path, template_path
from zwk_desktop.domain.values import is_empty
from zwk_desktop.editing.missing import MissingShown
from zwk_desktop.formspec.models import FormField, FormSpec
from zwk_desktop.limits import MAX_ATTACHMENTS
from zwk_desktop.validation import Finding, Report, validate

EventKind = Literal[
    "value", "items", "acknowledgement", "report", "shown", "comment", "marker", "conflict"
]
EDIT_KINDS: frozenset[str] = frozenset(
    {"value", "items", "acknowledgement", "comment", "marker", "conflict"}
)
"""Events that change what is saved with the draft (not ``report`` nor ``shown``)."""


@dataclass(frozen=True, slots=True)
class Event:
    """What changed: a value at `path`, the items of the list at `path`, the acknowledgement of
    the finding at `path`, a comment on the field at `path`, the change marker of the field at
    `path` (seen), a conflict was decided (at `path`), there is a new validation report, or more
    of its missing entries are shown (``"shown"``, see `zwk_desktop.editing.missing`)."""

    kind: EventKind
    path: str = ""


Listener = Callable[[Event], None]


@dataclass(frozen=True, slots=True)
class SectionStatus:
    """The findings of one section, counted for the section list."""

    section_id: str
    errors: int
    warnings: int
    """Warnings not yet acknowledged."""
    acknowledged: int
    infos: int
    missing: int = 0
    """Missing entries not shown as findings yet (`EditSession.is_pending`); not in the counts
    above."""

    @property
    def complete(self) -> bool:
        return self.errors == 0 and self.warnings == 0 and self.missing == 0


@dataclass(frozen=True, slots=True)
class Progress:
    complete: int
    total: int

    @property
    def percent(self) -> int:
        return round(100 * self.complete / self.total) if self.total else 100


class AttachmentRejected(Exception):
    """A file that cannot become an attachment: too large, or of a type the call does not take."""

    def __init__(
        self,
        reason: Literal["too_large", "type", "total_too_large", "too_many"],
        name: str,
        info: FileInfo,
        total: int = 0,
    ) -> None:
        super().__init__(reason)
        self.reason = reason
        self.name = name
        self.info = info
        self.total = total
        """For total_too_large: the size of all attachments with this one."""


class EditSession:
    """A draft and its form, edited through paths like ``finanzplan.posten[0].betraege.2022``."""

    def __init__(self, spec: FormSpec, draft: Draft, author: str = "") -> None:
        """`author`: the user name the change log and comments record (from the settings)."""
        self.spec = spec
        self.draft = draft
        self.author = author
        self.lineage = draft.ensure_lineage()
        self._listeners: list[Listener] = []
        self._infos: dict[str, FileInfo] = {sha: describe(b) for sha, b in draft.files.items()}
        self._report: Report | None = None
        self._checked_revision = -1
        self._data_revision = 0
        self._by_path: dict[str, list[Finding]] = {}
        self.missing = MissingShown()
        """Which missing entries are shown as findings (`leave`, `reveal_missing`)."""
        self.condition_sources: frozenset[str] = frozenset(
            source
            for f in spec.fields_by_path.values()
            if f.when is not None
            for source in f.when.fields()
        )
        """Field paths that some field's visibility depends on."""

    # ----------------------------------------------------------------- listeners, state

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call `listener` on every change; returns a function that unsubscribes it."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    def _emit(self, event: Event) -> None:
        for listener in list(self._listeners):
            listener(event)

    def _touch(self) -> None:
        self._data_revision += 1

    @property
    def title(self) -> str:
        return self.draft.title

    # ----------------------------------------------------------------- values

    def field_at(self, path: str) -> FormField | None:
        """The form field of a concrete path (a year of a year map gives the year map)."""
        return self.spec.fields_by_path.get(template_path(path))

    def get(self, path: str) -> Any:
        return get_value(self.draft.data, path)

    def set(self, path: str, value: Any) -> None:
        """Write a value; None or a blank string removes it (fields.md: not filled)."""
        if isinstance(value, str) and not value.strip():
            value = None
        old = self.get(path)
        if old == value and type(old) is type(value):
            return
        if value is None:
            parts = parse_path(path)
            parent = get_value(self.draft.data, parts[:-1]) if len(parts) > 1 else self.draft.data
            if isinstance(parent, dict) and isinstance(parts[-1], str):
                parent.pop(parts[-1], None)
        else:
            self._set_raw(path, value)
        self._ids_follow()
        self._log(self.stable(path), copy.deepcopy(old), copy.deepcopy(value))
        self._touch()
        self._emit(Event("value", path))

    # ----------------------------------------------------------------- lineage

    def _ids_follow(self) -> None:
        """Item ids for items that appeared without `add_item` (a value set into a new row)."""
        self.lineage.items = ensure_ids(self.draft.data, self.lineage.items)

    def _item_ids(self, list_path: str) -> list[str]:
        self._ids_follow()
        return self.lineage.items.setdefault(list_path, [])

    def stable(self, path: str) -> str:
        """The stable path of a concrete path (list positions replaced by item ids)."""
        return stable_path(path, self.lineage.items)

    def concrete(self, stable: str) -> str | None:
        """The concrete path of a stable path, None when its item is gone."""
        return concrete_path(stable, self.lineage.items)

    def _log(self, stable: str, old: Any, new: Any, kind: ChangeKind = "value") -> None:
        self.draft.changelog.record(stable, old, new, self.author, now_iso(), kind)

    def _set_raw(self, path: str, value: Any) -> None:
        parts = parse_path(path)
        current: Any = self.draft.data
        for part, nxt in pairwise(parts):
            child = get_value(current, (part,))
            if not isinstance(child, dict | list):
                child = [] if isinstance(nxt, int) else {}
                current[part] = child
            current = child
        current[parts[-1]] = value

    def visible(self, path: str) -> bool:
        """Whether the field at a concrete path is shown: every condition on the way holds."""
        template = ""
        for part in parse_path(path):
            if isinstance(part, int):
                template += "[]"
                continue
            if part.isdecimal():
                break
            template = f"{template}.{part}" if template else part
            f = self.spec.fields_by_path.get(template)
            if f is not None and f.when is not None and not holds(f.when, self.get):
                return False
        return True

    def suggestion(self, path: str) -> str | None:
        """The suggested value of a field with `default_from` (its sources joined by spaces)."""
        f = self.field_at(path)
        if f is None or not f.default_from:
            return None
        parts = [self.get(p) for p in f.default_from]
        text = " ".join(
            str(p).strip() for p in parts if isinstance(p, str | int) and str(p).strip()
        )
        return text or None

    # ----------------------------------------------------------------- lists

    def _list_field(self, list_path: str) -> FormField:
        f = self.field_at(list_path)
        if f is None or f.type != "list":
            raise ValueError(f"{list_path} is not a list of the form")
        return f

    def item_count(self, list_path: str) -> int:
        items = self.get(list_path)
        return len(items) if isinstance(items, list) else 0

    def _items(self, list_path: str) -> list[Any]:
        items = self.get(list_path)
        if isinstance(items, list):
            return items
        if not is_empty(items):
            raise ValueError(f"{list_path} holds a value that is not a list")
        self._set_raw(list_path, [])
        result: list[Any] = self.get(list_path)
        return result

    def new_item(self, list_path: str) -> dict[str, Any]:
        """The value a new item of this list starts with."""
        f = self._list_field(list_path)
        return {c.id: copy.deepcopy(v) for c in f.fields if (v := initial_value(c)) is not None}

    def add_item(self, list_path: str, item: dict[str, Any] | None = None) -> int:
        """Append an item (a new one by default); returns its index."""
        f = self._list_field(list_path)
        if f.fixed_rows is not None:
            raise ValueError(f"{list_path} has fixed rows")
        items = self._items(list_path)
        ids = self._item_ids(list_path)
        items.append(item if item is not None else self.new_item(list_path))
        ids.append(new_item_id())
        self._log(f"{list_path}[#{ids[-1]}]", None, copy.deepcopy(items[-1]), "added")
        self._touch()
        self._emit(Event("items", list_path))
        return len(items) - 1

    def remove_item(self, list_path: str, index: int) -> None:
        f = self._list_field(list_path)
        if f.fixed_rows is not None:
            raise ValueError(f"{list_path} has fixed rows")
        items = self._items(list_path)
        ids = self._item_ids(list_path)
        removed = items.pop(index)
        gone = ids.pop(index)
        self._log(f"{list_path}[#{gone}]", copy.deepcopy(removed), None, "removed")
        if list_path == self.spec.attachments.list and isinstance(removed, dict):
            self._drop_unused_file(removed.get(self.spec.attachments.sha256))
        mapping: dict[int, int | None] = {
            i: (i if i < index else i - 1) for i in range(len(items) + 1)
        }
        mapping[index] = None
        self._remap_acknowledgements(list_path, mapping)
        self._touch()
        self._emit(Event("items", list_path))

    def move_item(self, list_path: str, index: int, to: int) -> None:
        f = self._list_field(list_path)
        if f.fixed_rows is not None:
            raise ValueError(f"{list_path} has fixed rows")
        items = self._items(list_path)
        if not (0 <= index < len(items) and 0 <= to < len(items)) or index == to:
            return
        order = list(range(len(items)))
        order.insert(to, order.pop(index))
        items[:] = [items[i] for i in order]
        ids = self._item_ids(list_path)
        ids[:] = [ids[i] for i in order]
        self._log(f"{list_path}[#{ids[to]}]", index + 1, to + 1, "moved")
        self._remap_acknowledgements(list_path, {old: new for new, old in enumerate(order)})
        self._touch()
        self._emit(Event("items", list_path))

    def _remap_acknowledgements(self, list_path: str, mapping: dict[int, int | None]) -> None:
        """Keep acknowledgements with their items when items are removed or reordered."""
        prefix = parse_path(list_path)
        out: list[Acknowledgement] = []
        for ack in self.draft.acknowledgements:
            parts = parse_path(ack.path)
            head = parts[: len(prefix)]
            if (
                head != prefix
                or len(parts) <= len(prefix)
                or not isinstance(parts[len(prefix)], int)
            ):
                out.append(ack)
                continue
            index = parts[len(prefix)]
            assert isinstance(index, int)
            new = mapping.get(index, index)
            if new is None:
                continue
            moved: list[PathPart] = [*head, new, *parts[len(prefix) + 1 :]]
            out.append(Acknowledgement(ack.code, format_path(moved), ack.justification, ack.at))
        self.draft.acknowledgements[:] = out

    # ----------------------------------------------------------------- attachments

    def add_attachment(self, name: str, content: bytes) -> int:
        """Attach a file: checks size and type by content and the size of all attachments
        together (`policy.attachments_max_total_bytes`, so that the draft always fits into a
        file the program reads back), stores the bytes with the draft and fills file name,
        hash and size of a new attachment item. Returns the item's index."""
        info = describe(content)
        policy = self.spec.policy
        if info.size > policy.attachment_max_bytes.value:
            raise AttachmentRejected("too_large", name, info)
        if info.kind not in policy.attachment_types.value:
            raise AttachmentRejected("type", name, info)
        if info.sha256 not in self.draft.files:
            total = sum(len(b) for b in self.draft.files.values()) + info.size
            if total > policy.attachments_max_total_bytes.value:
                raise AttachmentRejected("total_too_large", name, info, total)
            if len(self.draft.files) >= MAX_ATTACHMENTS:
                raise AttachmentRejected("too_many", name, info)
        layout = self.spec.attachments
        item = self.new_item(layout.list)
        item[layout.file] = name
        item[layout.sha256] = info.sha256
        item[layout.size] = info.size
        self.draft.files[info.sha256] = content
        self._infos[info.sha256] = info
        self._files_changed()
        return self.add_item(layout.list, item)

    def _drop_unused_file(self, sha: Any) -> None:
        layout = self.spec.attachments
        items = self.get(layout.list)
        used = {i.get(layout.sha256) for i in items if isinstance(i, dict)} if items else set()
        if isinstance(sha, str) and sha not in used:
            self.draft.files.pop(sha, None)
            self._infos.pop(sha, None)
            self._files_changed()

    def _files_changed(self) -> None:
        # Draft.file_infos caches the description of the bytes; it is out of date now.
        self.draft.__dict__.pop("file_infos", None)

    def file_info(self, sha: str) -> FileInfo | None:
        return self._infos.get(sha)

    # ----------------------------------------------------------------- findings

    @property
    def stale(self) -> bool:
        """Whether the data changed since the last `check()`."""
        return self._checked_revision != self._data_revision

    def check(self) -> Report:
        """Validate the draft if it changed since the last check; announces a new report."""
        if self._report is None or self.stale:
            self._report = validate(self.spec, self.draft.data, self._infos)
            self._checked_revision = self._data_revision
            by_path: dict[str, list[Finding]] = {}
            for f in self._report.findings:
                by_path.setdefault(f.path, []).append(f)
            self._by_path = by_path
            self._emit(Event("report"))
        return self._report

    @property
    def report(self) -> Report:
        """The last report (checked now if there is none yet)."""
        return self._report if self._report is not None else self.check()

    def findings_at(self, path: str) -> list[Finding]:
        """Findings of the last report at exactly this path."""
        return self._by_path.get(path, [])

    def is_pending(self, finding: Finding) -> bool:
        """A missing entry the user has not been shown yet (see `zwk_desktop.editing.missing`).
        (Not `pending`: that is a merge's conflicts waiting for the user, issue 16.)"""
        return self.missing.pending(finding)

    def shown_findings(self) -> list[Finding]:
        """The findings shown beside the fields: all but the pending missing entries."""
        return [f for f in self.report.findings if not self.missing.pending(f)]

    def leave(self, path: str) -> None:
        """The user left the field at `path`: what is missing there is shown from now on."""
        news = self.missing.pending_at(path, self.report.findings)
        self.missing.leave(path)
        if news:
            self._emit(Event("shown", path))

    def reveal_missing(self) -> None:
        """Show every missing entry (the user opened „Prüfen“ or asked for an export)."""
        if self.missing.reveal():
            self._emit(Event("shown"))

    def section_status(self, section_id: str) -> SectionStatus:
        errors = warnings = acknowledged = infos = missing = 0
        for f in self.report.findings:
            if f.section != section_id:
                continue
            if self.missing.pending(f):
                missing += 1
            elif f.severity == "error":
                errors += 1
            elif f.severity == "info":
                infos += 1
            elif self.acknowledgement(f) is not None:
                acknowledged += 1
            else:
                warnings += 1
        return SectionStatus(section_id, errors, warnings, acknowledged, infos, missing)

    def progress(self) -> Progress:
        statuses = [self.section_status(s.id) for s in self.spec.sections]
        return Progress(sum(s.complete for s in statuses), len(statuses))

    # ----------------------------------------------------------------- acknowledgements

    def acknowledgement(self, finding: Finding) -> Acknowledgement | None:
        for ack in self.draft.acknowledgements:
            if (ack.code, ack.path) == finding.key:
                return ack
        return None

    def acknowledge(self, finding: Finding, justification: str = "") -> None:
        """Record that the user accepts a warning, with an optional justification."""
        if finding.severity != "warning":
            raise ValueError("only warnings can be acknowledged")
        existing = self.acknowledgement(finding)
        text = justification.strip()
        if existing is not None and existing.justification == text:
            return
        ack = Acknowledgement(finding.code, finding.path, text, now_iso())
        acks = self.draft.acknowledgements
        acks[:] = [a for a in acks if (a.code, a.path) != finding.key] + [ack]
        self._emit(Event("acknowledgement", finding.path))

    def withdraw(self, finding: Finding) -> None:
        """Take an acknowledgement back."""
        acks = self.draft.acknowledgements
        kept = [a for a in acks if (a.code, a.path) != finding.key]
        if len(kept) == len(acks):
            return
        acks[:] = kept
        self._emit(Event("acknowledgement", finding.path))

    # ----------------------------------------------------------------- working together

    def set_author(self, name: str) -> None:
        """The user gave their name: it stands for every later change and comment, and for
        those made here before without a name."""
        self.author = name
        if self.draft.changelog.attribute(name):
            self._emit(Event("marker", ""))
        comments = self.draft.comments
        if any(not c.author for c in comments):
            comments[:] = [c if c.author else replace(c, author=name) for c in comments]
            self._emit(Event("comment", ""))

    def comments_at(self, path: str) -> list[Comment]:
        """The comments on the field at a concrete path, oldest first."""
        stable = self.stable(path)
        return [c for c in self.draft.comments if c.path == stable]

    def open_comments(self, section_id: str | None = None) -> list[Comment]:
        """Comments not yet resolved (of one section), on fields that still exist."""
        return [
            c
            for c in self.draft.comments
            if not c.resolved
            and (section_id is None or section_of(c.path) == section_id)
            and self.concrete(c.path) is not None
        ]

    def add_comment(self, path: str, text: str) -> Comment:
        """Leave a comment on the field at a concrete path."""
        text = text.strip()[:MAX_COMMENT]
        if not text:
            raise ValueError("a comment needs a text")
        comment = Comment(new_entry_id(), self.stable(path), text, self.author, now_iso())
        self.draft.comments.append(comment)
        self._emit(Event("comment", path))
        return comment

    def _replace_comment(
        self, comment_id: str, change: Callable[[Comment], Comment | None]
    ) -> None:
        for n, c in enumerate(self.draft.comments):
            if c.id == comment_id:
                new = change(c)
                if new is None:
                    del self.draft.comments[n]
                else:
                    self.draft.comments[n] = new
                self._emit(Event("comment", self.concrete(c.path) or ""))
                return
        raise KeyError(comment_id)

    def resolve_comment(self, comment_id: str) -> None:
        self._replace_comment(comment_id, lambda c: c.resolve(self.author, now_iso()))

    def reopen_comment(self, comment_id: str) -> None:
        self._replace_comment(comment_id, lambda c: c.reopen(self.author, now_iso()))

    def delete_comment(self, comment_id: str) -> None:
        self._replace_comment(comment_id, lambda c: None)

    def marker_at(self, path: str) -> Marker | None:
        """Whether someone else changed this field and it has not been seen here."""
        return self.draft.markers.get(self.stable(path))

    def markers(self, section_id: str | None = None) -> dict[str, Marker]:
        """Unseen changes by concrete path (of one section)."""
        out = {}
        for stable, marker in self.draft.markers.items():
            path = self.concrete(stable)
            if path is not None and (section_id is None or section_of(path) == section_id):
                out[path] = marker
        return out

    def marker_counts(self, section_id: str) -> dict[str, int]:
        """Unseen changes of a section by who made them (``{"Berater Müller": 3}``)."""
        counts: dict[str, int] = {}
        for marker in self.markers(section_id).values():
            counts[marker.by] = counts.get(marker.by, 0) + 1
        return counts

    def seen(self, path: str) -> None:
        """The user has seen the change of the field at a concrete path."""
        if self.draft.markers.pop(self.stable(path), None) is not None:
            self._emit(Event("marker", path))

    def seen_all(self, section_id: str | None = None) -> None:
        for path in list(self.markers(section_id)):
            self.seen(path)

    def history(self, path: str | None = None) -> list[Change]:
        """The change log (of the field at a concrete path and of its item), oldest first."""
        log = self.draft.changelog
        if path is None:
            return [c for c in log.entries if c.net]
        return log.for_path(self.stable(path))

    @property
    def pending(self) -> PendingMerge | None:
        """Conflicts of a merge waiting for the user's choice."""
        return self.draft.pending

    def decide(self, conflict: Conflict, value: Any) -> bool:
        """Take a value for a conflict (one side's, or one the user typed): written into the
        draft and logged; the conflict is done. False when its field no longer exists."""
        pending = self.draft.pending
        before = concrete_path(conflict.path, self.lineage.items)
        old = copy.deepcopy(self.get(before)) if before is not None else None
        applied = apply_choice(self.draft.data, self.lineage.items, conflict, value)
        self.draft.pending = pending.without(conflict.path) if pending is not None else None
        if applied:
            if conflict.kind == "value":
                self._log(conflict.path, old, copy.deepcopy(value))
            elif conflict.kind == "item" and not same(old, value):
                change: ChangeKind = (
                    "added" if old is None else "removed" if value is None else "value"
                )
                self._log(conflict.path, old, copy.deepcopy(value), change)
            after = concrete_path(conflict.path, self.lineage.items) or before or ""
            self._touch()
            kind: EventKind = "value" if conflict.kind == "value" else "items"
            list_path = after if conflict.kind == "order" else after.rpartition("[")[0]
            self._emit(Event(kind, after if conflict.kind == "value" else list_path))
        self._emit(Event("conflict", conflict.path))
        return applied
