"""Field-level three-way merge of two states of one draft (Qt-free, pure).

`merge(base, ours, theirs)` compares each side with the common ancestor field by field:

- a value changed on one side only is taken from that side; changed on both sides to the same
  value, it is that value; to different values, it is a *conflict* (the result keeps the
  preferred side, ours unless `prefer` says otherwise);
- lists of items (Posten, Initiativen, Anlagen, ...) merge item by item through their stable ids
  (`zwk_desktop.domain.lineage`): an item added on one side is kept, an item removed on one side
  and unchanged on the other is removed, an item removed on one side and edited on the other is
  a conflict (nothing is lost); edits of different fields of one item merge;
- the order of a list is taken from the side that reordered it; items added on either side stand
  after the item they followed there (several at one place: ordered by id, so that the merge is
  symmetric); both sides reordering differently is a conflict;
- attachments are merged by hash: the same file added on both sides is one attachment;
- multi-choice lists merge as sets (codes added on either side are kept, codes removed on either
  side are removed);
- comments merge by id (removal and resolution as for items, never a conflict);
  acknowledgements by code and field.

Paths in the result are *stable paths* (``finanzplan.posten[#id].betraege.2023``); the caller
turns them into the paths of fields.md with `lineage.concrete_path`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from zwk_desktop.domain.collab import Comment
from zwk_desktop.domain.lineage import (
    ItemIds,
    ensure_ids,
    format_stable,
    item_path_of,
    prune,
    same,
)

Side = Literal["ours", "theirs", "base"]
ConflictKind = Literal["value", "item", "order"]

AckKey = tuple[str, str]
"""(code, stable path) of an acknowledgement."""
AckValue = tuple[str, str]
"""(justification, at)."""


@dataclass(frozen=True)
class State:
    """One side of a merge: data, the ids of its list items, comments, acknowledgements."""

    data: Mapping[str, Any]
    items: ItemIds
    comments: Sequence[Comment] = ()
    acknowledgements: Mapping[AckKey, AckValue] = field(default_factory=dict)


@dataclass(frozen=True)
class Conflict:
    """A place both sides changed differently. `path` is a stable path: a field (``value``), an
    item removed on one side and edited on the other (``item``, values are the items or None),
    or a list both sides reordered (``order``, values are the lists of item ids)."""

    path: str
    kind: ConflictKind
    base: Any
    ours: Any
    theirs: Any
    after: tuple[str, ...] = ()
    """For an item: the ids before it on the side that kept it, nearest first (where it goes
    back when that side is chosen)."""

    def to_json(self) -> dict[str, Any]:
        out = {
            "path": self.path,
            "kind": self.kind,
            "base": self.base,
            "ours": self.ours,
            "theirs": self.theirs,
        }
        if self.after:
            out["after"] = list(self.after)
        return out

    @classmethod
    def from_json(cls, raw: Any) -> Conflict | None:
        if not isinstance(raw, dict) or not isinstance(raw.get("path"), str):
            return None
        kind = raw.get("kind")
        if kind not in ("value", "item", "order"):
            return None
        after = raw.get("after", [])
        return cls(
            raw["path"],
            kind,
            raw.get("base"),
            raw.get("ours"),
            raw.get("theirs"),
            tuple(str(a) for a in after) if isinstance(after, list) else (),
        )

    def value(self, side: Side) -> Any:
        return self.theirs if side == "theirs" else self.base if side == "base" else self.ours


@dataclass(frozen=True)
class PendingMerge:
    """Conflicts of a merge that wait for the user (kept with the draft in the store)."""

    source: str
    """The file that was merged in."""
    by: str
    """Who wrote that file (its user name), if known."""
    at: str
    conflicts: tuple[Conflict, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "by": self.by,
            "at": self.at,
            "conflicts": [c.to_json() for c in self.conflicts],
        }

    @classmethod
    def from_json(cls, raw: Any) -> PendingMerge | None:
        if not isinstance(raw, dict) or not isinstance(raw.get("conflicts"), list):
            return None
        conflicts = tuple(
            c for c in (Conflict.from_json(x) for x in raw["conflicts"]) if c is not None
        )
        if not conflicts:
            return None
        return cls(
            str(raw.get("source") or ""),
            str(raw.get("by") or ""),
            str(raw.get("at") or ""),
            conflicts,
        )

    def without(self, path: str) -> PendingMerge | None:
        """The conflicts left after the one at `path` is decided (None: none left)."""
        left = tuple(c for c in self.conflicts if c.path != path)
        return PendingMerge(self.source, self.by, self.at, left) if left else None


@dataclass(frozen=True)
class MergeResult:
    data: dict[str, Any]
    items: ItemIds
    comments: tuple[Comment, ...]
    acknowledgements: dict[AckKey, AckValue]
    conflicts: tuple[Conflict, ...]
    ours_changed: tuple[str, ...]
    """Stable paths of the fields ours changed since the base."""
    theirs_changed: tuple[str, ...]
    taken: tuple[str, ...]
    """Stable paths of the fields where the result differs from ours because of theirs."""
    present: frozenset[str] = frozenset()
    """Stable paths of the fields the result has."""

    @property
    def taken_fields(self) -> tuple[str, ...]:
        """The fields of `taken` that the result has (not those of items theirs removed)."""
        return tuple(p for p in self.taken if p in self.present)

    @property
    def taken_count(self) -> int:
        """Changes taken from theirs: each field, and each item theirs removed once."""
        removed = {
            item
            for p in self.taken
            if p not in self.present and (item := item_path_of(p)) is not None
        }
        loose = [p for p in self.taken if p not in self.present and item_path_of(p) is None]
        return len(self.taken_fields) + len(removed) + len(loose)

    @property
    def clean(self) -> bool:
        return not self.conflicts


# --------------------------------------------------------------------------- trees


@dataclass(frozen=True)
class _Items:
    """A list of items keyed by id."""

    order: tuple[str, ...]
    values: Mapping[str, Any]


def _tree(value: Any, items: ItemIds, path: str = "") -> Any:
    """Pruned data with lists of items as `_Items`; None for "not filled"."""
    if isinstance(value, dict):
        out = {}
        for key, v in value.items():
            sub = f"{path}.{key}" if path else str(key)
            t = _tree(v, items, sub)
            if t is not None:
                out[str(key)] = t
        return out or None
    if isinstance(value, list) and path in items and all(isinstance(v, dict) for v in value):
        ids = items[path]
        values = {}
        for i, v in zip(ids, value, strict=True):
            values[i] = prune(v) or {}
        return _Items(tuple(ids), values) if values else None
    return prune(value)


def _untree(tree: Any, path: str, items: ItemIds) -> Any:
    if isinstance(tree, _Items):
        items[path] = list(tree.order)
        return [_untree(tree.values[i], "\0", items) for i in tree.order]
    if isinstance(tree, dict):
        return {
            k: _untree(v, f"{path}.{k}" if path else k, items) if path != "\0" else v
            for k, v in tree.items()
        }
    return tree


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, _Items) or isinstance(b, _Items):
        return (
            isinstance(a, _Items)
            and isinstance(b, _Items)
            and a.order == b.order
            and all(same(a.values[i], b.values[i]) for i in a.order)
        )
    return same(a, b)


def leaves(tree: Any, prefix: tuple[Any, ...] = ()) -> dict[str, Any]:
    """Leaf values by stable path (a multi-choice list is one leaf)."""
    out: dict[str, Any] = {}
    if isinstance(tree, _Items):
        for i in tree.order:
            out.update(leaves(tree.values[i], (*prefix, (i,))))
    elif isinstance(tree, dict):
        for k, v in tree.items():
            out.update(leaves(v, (*prefix, k)))
    elif tree is not None:
        out[format_stable(prefix)] = tree
    return out


def state_leaves(state: State) -> dict[str, Any]:
    return leaves(_tree(dict(state.data), ensure_ids(state.data, state.items)))


# --------------------------------------------------------------------------- merging


class _Merger:
    def __init__(
        self,
        prefer: Mapping[str, Side],
        dedupe: Mapping[str, str],
        multi_order: Callable[[str], Sequence[str]] | None,
    ) -> None:
        self.prefer = prefer
        self.dedupe = dedupe
        self.multi_order = multi_order
        self.conflicts: list[Conflict] = []

    def pick(
        self,
        path: str,
        kind: ConflictKind,
        b: Any,
        o: Any,
        t: Any,
        shown: Any = None,
        after: tuple[str, ...] = (),
    ) -> Any:
        base, ours, theirs = shown if shown is not None else (b, o, t)
        self.conflicts.append(Conflict(path, kind, base, ours, theirs, after))
        side = self.prefer.get(path, "ours")
        return t if side == "theirs" else b if side == "base" else o

    def node(self, b: Any, o: Any, t: Any, parts: tuple[Any, ...], list_path: str) -> Any:
        if _same(o, t):
            return o
        if _same(o, b):
            return t
        if _same(t, b):
            return o
        kinds = {type(x) for x in (b, o, t) if x is not None}
        if kinds == {dict}:
            out = {}
            for key in dict.fromkeys([*(o or {}), *(t or {}), *(b or {})]):
                sub = list_path + "." + key if list_path and list_path != "\0" else key
                v = self.node(
                    (b or {}).get(key),
                    (o or {}).get(key),
                    (t or {}).get(key),
                    (*parts, key),
                    sub if list_path != "\0" else "\0",
                )
                if v is not None:
                    out[key] = v
            return out or None
        if kinds == {_Items}:
            return self.items(b, o, t, parts, list_path)
        if kinds == {list} and all(
            not isinstance(v, dict | list) for x in (b, o, t) if x for v in x
        ):
            return self.multi(b or [], o or [], t or [], parts)
        path = format_stable(parts)
        return self.pick(path, "value", b, o, t, (_plain(b), _plain(o), _plain(t)))

    def multi(self, b: list[Any], o: list[Any], t: list[Any], parts: tuple[Any, ...]) -> Any:
        keep = [x for x in dict.fromkeys([*o, *t]) if (x in o and x in t) or x not in b]
        order = list(self.multi_order(format_stable(parts))) if self.multi_order else []
        rank = {code: n for n, code in enumerate(order)}
        base_rank = {code: n for n, code in enumerate(b)}
        keep.sort(key=lambda x: (rank.get(x, len(rank)), base_rank.get(x, len(b)), str(x)))
        return keep or None

    def items(self, b: Any, o: Any, t: Any, parts: tuple[Any, ...], list_path: str) -> Any:
        empty = _Items((), {})
        sb, so, st = b or empty, o or empty, t or empty
        o_only = [i for i in so.order if i not in sb.values and i not in st.values]
        t_only = [i for i in st.order if i not in sb.values and i not in so.values]
        alias = self._same_files(list_path, so, st, o_only, t_only)
        values: dict[str, Any] = {}
        for i in dict.fromkeys([*sb.order, *so.order, *st.order]):
            if i in alias:
                continue
            twin = next((k for k, v in alias.items() if v == i), None)
            bi, oi, ti = sb.values.get(i), so.values.get(i), st.values.get(i)
            if twin is not None:  # the same file added on both sides under two ids
                oi = oi if oi is not None else so.values.get(twin)
                ti = ti if ti is not None else st.values.get(twin)
            item_parts = (*parts, (i,))
            in_b, in_o, in_t = bi is not None, oi is not None, ti is not None
            if in_o and in_t:
                merged = self.node(bi, oi, ti, item_parts, "\0")
                values[i] = merged if merged is not None else {}
            elif in_b and in_o:  # theirs removed it
                if not same(oi, bi):
                    after = _before(so.order, i)
                    kept = self.pick(format_stable(item_parts), "item", bi, oi, None, after=after)
                    if kept is not None:
                        values[i] = kept
            elif in_b and in_t:  # ours removed it
                if not same(ti, bi):
                    after = _before(st.order, i)
                    kept = self.pick(format_stable(item_parts), "item", bi, None, ti, after=after)
                    if kept is not None:
                        values[i] = kept
            elif in_o and not in_b:
                values[i] = oi
            elif in_t and not in_b:
                values[i] = ti
        order = self.order(sb, so, st, values, alias, format_stable(parts))
        return _Items(tuple(order), values) if order else None

    def _same_files(
        self, list_path: str, so: _Items, st: _Items, o_only: list[str], t_only: list[str]
    ) -> dict[str, str]:
        """Ids of items added on both sides for the same file: the larger id → the smaller."""
        key = self.dedupe.get(list_path)
        if key is None:
            return {}
        alias: dict[str, str] = {}
        taken: set[str] = set()
        for i in o_only:
            h = so.values[i].get(key)
            for j in t_only:
                if j not in taken and h is not None and st.values[j].get(key) == h:
                    taken.add(j)
                    alias[max(i, j)] = min(i, j)
                    break
        return alias

    def order(
        self,
        sb: _Items,
        so: _Items,
        st: _Items,
        values: Mapping[str, Any],
        alias: Mapping[str, str],
        path: str,
    ) -> list[str]:
        def canon(order: tuple[str, ...]) -> list[str]:
            return [alias.get(i, i) for i in order]

        bo, oo, to = canon(sb.order), canon(so.order), canon(st.order)
        common = [i for i in bo if i in values and i in oo and i in to]
        cs = set(common)
        bc = common
        oc = [i for i in oo if i in cs]
        tc = [i for i in to if i in cs]
        if oc == tc:
            skeleton = oc
        elif oc == bc:
            skeleton = tc
        elif tc == bc:
            skeleton = oc
        else:
            skeleton = self.pick(path, "order", bc, oc, tc)
        runs: dict[tuple[str | None, str], list[str]] = {}
        placed: dict[str, tuple[int, str]] = {}
        position = {c: n for n, c in enumerate(skeleton)}
        for side, seq in (("o", oo), ("t", to), ("b", bo)):
            anchor: str | None = None
            for i in seq:
                if i in cs:
                    anchor = i
                    continue
                if i not in values:
                    continue
                rank = position[anchor] if anchor is not None else -1
                if i not in placed or (rank, side) < placed[i]:
                    if i in placed:  # found earlier in the other side's order: move it
                        old_rank, old_side = placed[i]
                        old_anchor = skeleton[old_rank] if old_rank >= 0 else None
                        runs[(old_anchor, old_side)].remove(i)
                    placed[i] = (rank, side)
                    runs.setdefault((anchor, side), []).append(i)
        out: list[str] = []
        for anchor in [None, *skeleton]:
            if anchor is not None:
                out.append(anchor)
            here = [r for (a, _), r in runs.items() if a == anchor and r]
            for run in sorted(here, key=lambda r: r[0]):
                out.extend(run)
        return out


def _before(order: Sequence[str], item: str) -> tuple[str, ...]:
    index = list(order).index(item)
    return tuple(reversed(order[:index]))


def _plain(tree: Any) -> Any:
    """A tree as plain JSON (item lists as lists), for conflicts."""
    if isinstance(tree, _Items):
        return [_plain(tree.values[i]) for i in tree.order]
    if isinstance(tree, dict):
        return {k: _plain(v) for k, v in tree.items()}
    return tree


def merge(
    base: State,
    ours: State,
    theirs: State,
    *,
    prefer: Mapping[str, Side] | None = None,
    dedupe: Mapping[str, str] | None = None,
    multi_order: Callable[[str], Sequence[str]] | None = None,
) -> MergeResult:
    """Merge `ours` and `theirs`, which both descend from `base`.

    `prefer` chooses the side for conflicts by stable path (default ours). `dedupe` names, per
    list path, the field by which items added on both sides are the same (``{"anlagen":
    "sha256"}``). `multi_order` gives the order of the codes of a multi-choice field."""
    merger = _Merger(prefer or {}, dedupe or {}, multi_order)
    trees = [_tree(dict(s.data), ensure_ids(s.data, s.items)) for s in (base, ours, theirs)]
    merged = merger.node(trees[0], trees[1], trees[2], (), "")
    items: ItemIds = {}
    data = _untree(merged, "", items) if merged is not None else {}
    lb, lo, lt = (leaves(t) for t in trees)
    lr = leaves(merged)
    ours_changed = tuple(p for p in {**lb, **lo} if not same(lb.get(p), lo.get(p)))
    theirs_changed = tuple(p for p in {**lb, **lt} if not same(lb.get(p), lt.get(p)))
    taken = tuple(p for p in theirs_changed if not same(lr.get(p), lo.get(p)))
    return MergeResult(
        data=data,
        items=items,
        comments=merge_comments(base.comments, ours.comments, theirs.comments),
        acknowledgements=merge_acknowledgements(
            base.acknowledgements, ours.acknowledgements, theirs.acknowledgements
        ),
        conflicts=tuple(merger.conflicts),
        ours_changed=ours_changed,
        theirs_changed=theirs_changed,
        taken=taken,
        present=frozenset(lr),
    )


# --------------------------------------------------------------------------- comments, acks


def merge_comments(
    base: Sequence[Comment], ours: Sequence[Comment], theirs: Sequence[Comment]
) -> tuple[Comment, ...]:
    """By id: kept unless removed on one side and unchanged on the other; a resolution (or
    reopening) made on one side wins; both sides resolving: the later resolution."""
    b = {c.id: c for c in base}
    o = {c.id: c for c in ours}
    t = {c.id: c for c in theirs}
    out: list[Comment] = []
    for cid in dict.fromkeys([*o, *t]):
        bc, oc, tc = b.get(cid), o.get(cid), t.get(cid)
        if oc is None or tc is None:
            present = oc if oc is not None else tc
            assert present is not None
            if bc is not None and present == bc:
                continue  # removed on one side, unchanged on the other
            out.append(present)
            continue
        if oc.state == tc.state or (bc is not None and tc.state == bc.state):
            out.append(oc)
        elif bc is not None and oc.state == bc.state:
            out.append(tc)
        else:
            out.append(max(oc, tc, key=lambda c: (c.resolved_at, c.resolved_by, c.resolved)))
    out.sort(key=lambda c: (c.at, c.id))
    return tuple(out)


def merge_acknowledgements(
    base: Mapping[AckKey, AckValue],
    ours: Mapping[AckKey, AckValue],
    theirs: Mapping[AckKey, AckValue],
) -> dict[AckKey, AckValue]:
    """By code and field; two different justifications are both kept, joined."""
    out: dict[AckKey, AckValue] = {}
    for key in dict.fromkeys([*ours, *theirs]):
        b, o, t = base.get(key), ours.get(key), theirs.get(key)
        if o is None or t is None:
            present = o if o is not None else t
            assert present is not None
            if b is not None and present == b:
                continue
            out[key] = present
        elif o == t or t == b:
            out[key] = o
        elif o == b:
            out[key] = t
        else:
            texts = sorted({o[0], t[0]} - {""})
            out[key] = (" | ".join(texts), max(o[1], t[1]))
    return out
