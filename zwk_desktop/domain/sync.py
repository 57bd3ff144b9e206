"""Merging whole drafts: the three-way merge of `merge` applied to two copies of one draft.

`merge_drafts` takes the common base and two drafts and returns the merged draft (data, list
item ids, comments, acknowledgements, attachments, change log) with the conflicts, what each side
changed and markers for the fields the other side changed. The draft store (import of a known
draft) and ``zwk-desktop merge`` both use it.
"""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from zwk_desktop.domain.collab import Change, ChangeLog, Comment, Marker, read_comments
from zwk_desktop.domain.draft import Acknowledgement, Draft
from zwk_desktop.domain.lineage import (
    BaseState,
    ItemIds,
    Lineage,
    concrete_path,
    ensure_ids,
    item_lists,
    item_path_of,
    parse_stable,
    prune,
    same,
    stable_path,
)
from zwk_desktop.domain.merge import AckKey, AckValue, Conflict, MergeResult, Side, State, merge
from zwk_desktop.domain.paths import get_value, template_path
from zwk_desktop.formspec.models import FormSpec


def _acks(acks: Sequence[Acknowledgement], items: ItemIds) -> dict[AckKey, AckValue]:
    return {(a.code, stable_path(a.path, items)): (a.justification, a.at) for a in acks}


def state_of(draft: Draft) -> State:
    """A draft as one side of a merge (its item ids made complete)."""
    items = draft.ensure_lineage().items
    return State(draft.data, items, tuple(draft.comments), _acks(draft.acknowledgements, items))


def base_state(base: BaseState) -> State:
    """The merge base carried in a file, or kept in the store."""
    items = ensure_ids(base.data, base.items)
    acks = [
        Acknowledgement(
            str(a.get("code")),
            str(a.get("path")),
            str(a.get("justification") or ""),
            str(a.get("at") or ""),
        )
        for a in base.acknowledgements
        if isinstance(a, dict) and isinstance(a.get("code"), str) and isinstance(a.get("path"), str)
    ]
    try:
        comments = read_comments(base.comments)
    except ValueError:
        comments = []
    return State(base.data, items, tuple(comments), _acks(acks, items))


EMPTY = State({}, {})


def stable_template(path: str) -> str:
    """The form's path of a stable path (``finanzplan.posten[].betraege``)."""
    concrete = ""
    for part in parse_stable(path):
        if isinstance(part, tuple | int):
            concrete += "[0]"
        else:
            concrete += f".{part}" if concrete else part
    return template_path(concrete)


def merge_options(spec: FormSpec | None) -> dict[str, Any]:
    """What the form tells the merge: attachments are the same when their hash is, and the
    order of multi-choice codes."""
    if spec is None:
        return {}

    def multi_order(path: str) -> Sequence[str]:
        f = spec.fields_by_path.get(stable_template(path))
        return f.choice_codes if f is not None and f.type == "multi" else ()

    return {
        "dedupe": {spec.attachments.list: spec.attachments.sha256},
        "multi_order": multi_order,
    }


@dataclass
class DraftMerge:
    """The merged draft and what the merge found."""

    draft: Draft
    result: MergeResult
    markers: dict[str, Marker] = field(default_factory=dict)
    """The fields the other side changed (stable path → who), for the change markers."""
    new_entries: int = 0
    """Entries of the other side's change log that were new here."""
    new_comments: int = 0
    item_sources: tuple[ItemIds, ...] = ()

    @property
    def conflicts(self) -> tuple[Conflict, ...]:
        return self.result.conflicts

    def concrete(self, path: str) -> str:
        """A stable path as a path of fields.md, in the merged draft (or, for an item that is
        not in it, where the item stands on the side that has it)."""
        for items in (self.result.items, *self.item_sources):
            found = concrete_path(path, items)
            if found is not None:
                return found
        return path

    @property
    def fast_forward(self) -> bool:
        """Ours had not changed since the base: the result is theirs."""
        return not self.result.ours_changed and not self.result.conflicts

    unchanged: bool = False
    """The merged state is ours (data, item order, comments, acknowledgements)."""

    @property
    def nothing_new(self) -> bool:
        """Theirs brought nothing ours does not have."""
        return self.unchanged and not self.conflicts and not self.new_entries


def attribute_incoming(draft: Draft) -> None:
    """Entries and comments of a file that name nobody are its writer's (`lineage.by`)."""
    by = draft.lineage.by if draft.lineage is not None else ""
    if not by:
        return
    draft.changelog.attribute(by)
    draft.comments = [c if c.author else dataclasses.replace(c, author=by) for c in draft.comments]


def merge_drafts(
    base: State,
    ours: Draft,
    theirs: Draft,
    *,
    spec: FormSpec | None = None,
    prefer: Mapping[str, Side] | None = None,
    source: str = "",
) -> DraftMerge:
    """Merge `theirs` into `ours` (both descend from `base`). `ours` is not changed."""
    attribute_incoming(theirs)
    ours_state, theirs_state = state_of(ours), state_of(theirs)
    result = merge(base, ours_state, theirs_state, prefer=prefer, **merge_options(spec))
    merged = copy.copy(ours)
    merged.data = result.data
    lineage = ours.ensure_lineage()
    merged.lineage = Lineage(
        draft=lineage.draft,
        items=result.items,
        history=list(lineage.history),
    )
    merged.comments = list(result.comments)
    merged.acknowledgements = [
        Acknowledgement(code, concrete, justification, at)
        for (code, path), (justification, at) in result.acknowledgements.items()
        if (concrete := concrete_path(path, result.items)) is not None
    ]
    merged.files = _files(spec, result.data, ours.files, theirs.files)
    merged.__dict__.pop("file_infos", None)
    log = ChangeLog(list(ours.changelog.entries))
    log._pending = dict(ours.changelog._pending)
    log._stored = set(ours.changelog._stored)
    new_entries = log.add(theirs.changelog.entries)
    merged.changelog = log
    merged.meta = dict(ours.meta)
    merged.markers = dict(ours.markers)
    known_comments = {c.id for c in ours.comments}
    new_comments = sum(1 for c in theirs.comments if c.id not in known_comments)
    markers = _markers(result, ours.changelog, theirs, source)
    unchanged = (
        same(prune(result.data), prune(ours.data))
        and result.items == ensure_ids(ours.data, ours_state.items)
        and list(result.comments) == list(ours.comments)
        and result.acknowledgements == ours_state.acknowledgements
    )
    return DraftMerge(
        unchanged=unchanged,
        draft=merged,
        result=result,
        markers=markers,
        new_entries=new_entries,
        new_comments=new_comments,
        item_sources=(ours_state.items, theirs_state.items, base.items),
    )


def _files(spec: FormSpec | None, data: Any, *sources: Mapping[str, bytes]) -> dict[str, bytes]:
    wanted: set[str] = set()
    key = spec.attachments.sha256 if spec is not None else "sha256"
    for _path, values in item_lists(data):
        for item in values:
            sha = item.get(key)
            if isinstance(sha, str):
                wanted.add(sha)
    out: dict[str, bytes] = {}
    for files in sources:
        for sha, content in files.items():
            if sha in wanted and sha not in out:
                out[sha] = content
    return out


def _markers(
    result: MergeResult, ours_log: ChangeLog, theirs: Draft, source: str
) -> dict[str, Marker]:
    """Who changed each field the result took from theirs: the newest entry of their change
    log for the field (or its item) that ours does not have; else the file's writer."""
    known = {c.id for c in ours_log.entries}
    latest: dict[str, Change] = {}
    for entry in theirs.changelog.entries:
        if entry.id in known or not entry.net:
            continue
        if entry.path not in latest or latest[entry.path].at <= entry.at:
            latest[entry.path] = entry
    lineage = theirs.lineage
    writer = lineage.by if lineage is not None else ""
    written = lineage.written if lineage is not None else ""
    out: dict[str, Marker] = {}
    for path in result.taken_fields:
        found = latest.get(path) or latest.get(item_path_of(path) or "")
        if found is not None:
            out[path] = Marker(found.who or writer, found.at, source)
        else:
            out[path] = Marker(writer, written, source)
    return out


def comment_paths(comments: Sequence[Comment], items: ItemIds) -> dict[str, list[Comment]]:
    """Comments by the concrete path of their field (those on removed items left out)."""
    out: dict[str, list[Comment]] = {}
    for c in comments:
        path = concrete_path(c.path, items)
        if path is not None:
            out.setdefault(path, []).append(c)
    return out


def value_at(draft: Draft, stable: str) -> Any:
    items = draft.ensure_lineage().items
    path = concrete_path(stable, items)
    return None if path is None else get_value(draft.data, path)
