"""Working together on a draft: comments on fields, the change log, markers of changes not seen.

All three name fields by stable path (`zwk_desktop.domain.lineage`), so that they stay with a
list item wherever it moves. Comments and the change log travel in the ``.zwk`` file and merge;
the markers ("3 Änderungen von Berater Müller") are local to one store. None of them ever goes
into the exported package or the PDF (an optional summary of the change log aside:
``aenderungsprotokoll.json``).
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from zwk_desktop.domain.lineage import LineageError, same

COALESCE = dt.timedelta(minutes=5)
"""Changes of one field by one person within this time are one entry of the change log."""
MAX_COMMENT = 2000
"""Characters of one comment."""


def new_entry_id() -> str:
    return secrets.token_hex(8)


def parse_time(text: str) -> dt.datetime | None:
    try:
        moment = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)


# --------------------------------------------------------------------------- comments


@dataclass(frozen=True)
class Comment:
    """A remark on a field ("Bitte Beschlussdatum prüfen"), open until someone resolves it."""

    id: str
    path: str
    """Stable path of the field."""
    text: str
    author: str
    at: str
    resolved: bool = False
    resolved_by: str = ""
    resolved_at: str = ""

    @property
    def state(self) -> tuple[bool, str, str]:
        return (self.resolved, self.resolved_by, self.resolved_at)

    def resolve(self, who: str, at: str) -> Comment:
        return replace(self, resolved=True, resolved_by=who, resolved_at=at)

    def reopen(self, who: str, at: str) -> Comment:
        return replace(self, resolved=False, resolved_by=who, resolved_at=at)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "path": self.path,
            "text": self.text,
            "author": self.author,
            "at": self.at,
            "resolved": self.resolved,
        }
        if self.resolved_by:
            out["resolved_by"] = self.resolved_by
        if self.resolved_at:
            out["resolved_at"] = self.resolved_at
        return out


_COMMENT_KEYS = frozenset(
    {"id", "path", "text", "author", "at", "resolved", "resolved_by", "resolved_at"}
)


def read_comments(raw: Any) -> list[Comment]:
    """Comments from a file or the store; raises LineageError (German)."""
    if raw is None:
        return []
    broken = "Die Kommentare im Entwurf sind beschädigt"
    if not isinstance(raw, list):
        raise LineageError(f"{broken} („comments“ ist keine Liste).")
    out = []
    for item in raw:
        if not isinstance(item, dict) or set(item) - _COMMENT_KEYS:
            raise LineageError(f"{broken}.")
        texts = [item.get(k, "") for k in ("id", "path", "text", "author", "at")]
        extra = [item.get(k, "") for k in ("resolved_by", "resolved_at")]
        if not all(isinstance(v, str) for v in [*texts, *extra]) or not isinstance(
            item.get("resolved", False), bool
        ):
            raise LineageError(f"{broken}.")
        if not texts[0] or not texts[1]:
            raise LineageError(f"{broken}: ein Kommentar hat keine Kennung oder kein Feld.")
        out.append(
            Comment(
                id=texts[0],
                path=texts[1],
                text=texts[2][:MAX_COMMENT],
                author=texts[3],
                at=texts[4],
                resolved=item.get("resolved", False),
                resolved_by=extra[0],
                resolved_at=extra[1],
            )
        )
    return out


# --------------------------------------------------------------------------- change log

ChangeKind = Literal["value", "added", "removed", "moved"]


@dataclass(frozen=True)
class Change:
    """One entry of the change log: who changed which field when, from what to what.

    ``value``: a field; ``added``/``removed``: a list item (`new`/`old` is the item);
    ``moved``: a list item moved (`old`/`new` are its positions, counted from 1)."""

    id: str
    path: str
    """Stable path of the field or item."""
    at: str
    who: str
    old: Any
    new: Any
    kind: ChangeKind = "value"

    @property
    def net(self) -> bool:
        """Whether the entry changes anything (typing and undoing within one entry does not)."""
        return self.kind != "value" or not same(self.old, self.new)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "path": self.path,
            "at": self.at,
            "who": self.who,
            "kind": self.kind,
            "old": self.old,
            "new": self.new,
        }


_CHANGE_KEYS = frozenset({"id", "path", "at", "who", "kind", "old", "new"})
_KINDS = ("value", "added", "removed", "moved")


def read_changes(raw: Any) -> list[Change]:
    """The change log from a file or the store; raises LineageError (German)."""
    if raw is None:
        return []
    broken = "Das Änderungsprotokoll im Entwurf ist beschädigt"
    if not isinstance(raw, list):
        raise LineageError(f"{broken} („changes“ ist keine Liste).")
    out = []
    for item in raw:
        if not isinstance(item, dict) or set(item) - _CHANGE_KEYS:
            raise LineageError(f"{broken}.")
        texts = [item.get(k, "") for k in ("id", "path", "at", "who")]
        kind = item.get("kind", "value")
        if not all(isinstance(v, str) for v in texts) or kind not in _KINDS:
            raise LineageError(f"{broken}.")
        if not texts[0] or not texts[1]:
            raise LineageError(f"{broken}: ein Eintrag hat keine Kennung oder kein Feld.")
        out.append(
            Change(texts[0], texts[1], texts[2], texts[3], item.get("old"), item.get("new"), kind)
        )
    return out


@dataclass
class ChangeLog:
    """The change log of a draft, with the entries not yet written to the store."""

    entries: list[Change] = field(default_factory=list)
    _pending: dict[str, int] = field(default_factory=dict)
    _stored: set[str] = field(default_factory=set)
    _revision: int = 0
    _last: str | None = None
    """The entry the last `record` wrote (the one a next change of its field may extend)."""

    @classmethod
    def stored(cls, entries: Iterable[Change]) -> ChangeLog:
        """A log read from the store: nothing is pending."""
        log = cls(list(entries))
        log._stored = {c.id for c in log.entries}
        return log

    @classmethod
    def incoming(cls, entries: Iterable[Change]) -> ChangeLog:
        """A log read from a file: every entry is still to be stored."""
        log = cls()
        log.add(entries)
        return log

    def record(
        self, path: str, old: Any, new: Any, who: str, at: str, kind: ChangeKind = "value"
    ) -> Change | None:
        """Log a change; a change of the field the last entry is about, by the same person
        within `COALESCE`, extends that entry (keeping its old value)."""
        if kind == "value" and same(old, new):
            return None
        last = self._find(self._last) if self._last else None
        if (
            kind == "value"
            and last is not None
            and last.kind == "value"
            and last.path == path
            and last.who == who
            and _within(last.at, at)
        ):
            entry = replace(last, at=at, new=new)
            if not entry.net and last.id not in self._stored:
                self._drop(last.id)
                self._last = None
                return None
            self._replace(entry)
            return entry
        entry = Change(new_entry_id(), path, at, who, old, new, kind)
        self.entries.append(entry)
        self._mark(entry.id)
        self._last = entry.id
        return entry

    def add(self, entries: Iterable[Change]) -> int:
        """Entries of another copy of the draft (from a file); returns how many were new."""
        known = {c.id for c in self.entries}
        new = [c for c in entries if c.id not in known]
        for c in new:
            known.add(c.id)
            self.entries.append(c)
            self._mark(c.id)
        if new:
            self.entries.sort(key=lambda c: (c.at, c.id))
            self._last = None
        return len(new)

    def pending(self) -> tuple[tuple[Change, ...], int]:
        """The entries to write with the next save, and the revision to confirm them with."""
        changes = tuple(c for c in self.entries if c.id in self._pending)
        return changes, self._revision

    def saved(self, revision: int) -> None:
        """The pending entries as of `revision` are in the store."""
        for cid, rev in list(self._pending.items()):
            if rev <= revision:
                del self._pending[cid]
                self._stored.add(cid)

    def attribute(self, name: str) -> int:
        """Entries without a name are `name`'s (the user's own, before the name was given, or
        those of a file whose writer is known); returns how many were named."""
        if not name:
            return 0
        count = 0
        for n, c in enumerate(self.entries):
            if not c.who:
                self.entries[n] = replace(c, who=name)
                self._mark(c.id)
                count += 1
        return count

    def for_path(self, path: str) -> list[Change]:
        """The entries of a field and of the item it lies in, oldest first, net changes only."""
        from zwk_desktop.domain.lineage import item_path_of

        item = item_path_of(path)
        return [c for c in self.entries if c.net and (c.path == path or c.path == item)]

    def by_id(self) -> dict[str, Change]:
        return {c.id: c for c in self.entries}

    def _find(self, cid: str) -> Change | None:
        for c in reversed(self.entries):
            if c.id == cid:
                return c
        return None

    def _replace(self, entry: Change) -> None:
        for n in range(len(self.entries) - 1, -1, -1):
            if self.entries[n].id == entry.id:
                self.entries[n] = entry
                break
        self._mark(entry.id)

    def _drop(self, cid: str) -> None:
        self.entries[:] = [c for c in self.entries if c.id != cid]
        self._pending.pop(cid, None)

    def _mark(self, cid: str) -> None:
        self._revision += 1
        self._pending[cid] = self._revision


def _within(earlier: str, later: str) -> bool:
    a, b = parse_time(earlier), parse_time(later)
    return a is not None and b is not None and dt.timedelta(0) <= b - a <= COALESCE


# --------------------------------------------------------------------------- markers


@dataclass(frozen=True)
class Marker:
    """A field changed by someone else, not yet seen here."""

    by: str
    """Who changed it (from the change log of the file), or the file's writer."""
    at: str
    source: str = ""
    """The file the change came with."""

    def to_json(self) -> dict[str, str]:
        return {"by": self.by, "at": self.at, "source": self.source}


def read_markers(raw: Any) -> dict[str, Marker]:
    if not isinstance(raw, dict):
        return {}
    out = {}
    for path, value in raw.items():
        if isinstance(value, dict) and isinstance(value.get("by"), str):
            out[str(path)] = Marker(
                value["by"], str(value.get("at") or ""), str(value.get("source") or "")
            )
    return out
