"""Lineage of a draft: its stable id, the versions it descends from, and stable ids of list items.

A draft that travels between a consultant's laptop and a town hall keeps one lineage id (a UUID)
for its whole life. Every state that left or entered a draft store as a ``.zwk`` file is a
*version* with its own UUID; a file names the version it was written from, the versions its
state descends from (``history``, newest first) and carries the state of the newest of those as
the merge base. The receiving store finds the newest common version in its own history, or uses
the base from the file.

Items of repeating groups (Posten, Initiativen, Anlagen, ...) get stable ids, kept beside the
data (never inside ``data``): ``items`` maps the path of each list to the ids of its items, in
order. In a file each id carries a fingerprint of its item's content, so that a file edited by
hand (or by another program) is matched back item by item: unchanged items by content, edited
ones by position.

A *stable path* names a field through item ids instead of list positions:
``finanzplan.posten[#4f1c2a9be07d3310].betraege.2023``. Comments, the change log, the merge and
the change markers use stable paths, so that they stay with their item when items are added,
removed or reordered; `concrete_path` turns one back into the path of fields.md.
"""

from __future__ import annotations

import hashlib
import json
import re
import secrets
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from zwk_desktop.domain.values import is_empty

ItemIds = dict[str, list[str]]
"""List path → the ids of its items, in order (parallel to the list in ``data``)."""
MAX_MATCHED = 2000
"""Longer lists (never in a real form) are matched by position only, in linear time."""

_ID = re.compile(r"^[0-9a-z]{1,64}$")
_UUID = re.compile(
    r"^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}$"
)
_TOKEN = re.compile(r"([^.\[\]]+)|\[(\d+)\]|\[#([0-9a-z]+)\]")

StablePart = str | int | tuple[str]
"""A key, a list position, or ``(item_id,)`` for an item named by its id."""


class LineageError(ValueError):
    """Lineage metadata that cannot be read; the message is one German sentence."""


def new_lineage_id() -> str:
    return str(uuid.uuid4())


def new_item_id() -> str:
    """A random item id: 16 lowercase hex digits."""
    return secrets.token_hex(8)


# --------------------------------------------------------------------------- values


def prune(value: Any) -> Any:
    """A value without its unfilled parts (fields.md: absent, null and blank all mean "not
    filled"); None when nothing is left. ``False`` and ``0`` are values."""
    if isinstance(value, dict):
        out = {k: v for k, v in ((k, prune(v)) for k, v in value.items()) if v is not None}
        return out or None
    if isinstance(value, list):
        if not value:
            return None
        return [prune(v) if isinstance(v, dict | list) else v for v in value]
    if isinstance(value, str) and not value.strip():
        return None
    return value


def same(a: Any, b: Any) -> bool:
    """Equal as JSON values: ``1``, ``1.0`` and ``True`` are three different values."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(same(v, b[k]) for k, v in a.items())
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    return bool(a == b)


def fingerprint(item: Any) -> str:
    """A short hash of an item's filled content (16 hex digits)."""
    text = json.dumps(prune(item), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


# --------------------------------------------------------------------------- lists with ids


def is_item_list(value: Any) -> bool:
    """A repeating group's value: a non-empty list of objects."""
    return isinstance(value, list) and bool(value) and all(isinstance(v, dict) for v in value)


def item_lists(data: Any, prefix: str = "") -> list[tuple[str, list[Any]]]:
    """Every list of items that is not itself inside a list item, with its path (depth first,
    in the data's order). Every save walks the draft through here: a plain loop, no generators."""
    out: list[tuple[str, list[Any]]] = []
    if isinstance(data, dict):
        _collect_lists(data, prefix, out)
    return out


def _collect_lists(data: dict[Any, Any], prefix: str, out: list[tuple[str, list[Any]]]) -> None:
    for key, value in data.items():
        if isinstance(value, list):
            if value and all(isinstance(v, dict) for v in value):
                out.append((f"{prefix}.{key}" if prefix else str(key), value))
        elif isinstance(value, dict):
            _collect_lists(value, f"{prefix}.{key}" if prefix else str(key), out)


def ensure_ids(data: Any, items: ItemIds) -> ItemIds:
    """Ids for every list of `data`: the given ones where their number fits, new ids for items
    appended since, none for lists that are gone. Returns a new mapping."""
    out: ItemIds = {}
    for path, values in item_lists(data):
        ids = list(items.get(path, ()))[: len(values)]
        ids += [new_item_id() for _ in range(len(values) - len(ids))]
        out[path] = ids
    return out


def align(recorded: Sequence[tuple[str, str | None]], values: Sequence[Any]) -> list[str]:
    """Ids for `values` given the (id, fingerprint) pairs recorded for them.

    Unchanged content keeps its id wherever it moved; an edited item takes a recorded id that
    is left between the same unchanged neighbours (in order); other items get new ids."""
    if len(values) > MAX_MATCHED or len(recorded) > MAX_MATCHED:  # no form has such lists
        ids = [i for i, _ in recorded][: len(values)]
        return _unique(ids + [new_item_id() for _ in range(len(values) - len(ids))])
    prints = [fingerprint(v) for v in values]
    if len(recorded) == len(values) and all(
        fp is None or fp == p for (_, fp), p in zip(recorded, prints, strict=True)
    ):
        return _unique([i for i, _ in recorded])
    free: dict[str, list[int]] = {}
    for n, (_, fp) in enumerate(recorded):
        if fp is not None:
            free.setdefault(fp, []).append(n)
    source: list[int | None] = []
    for p in prints:
        source.append(free[p].pop(0) if free.get(p) else None)
    used = {n for n in source if n is not None}
    left = [n for n in range(len(recorded)) if n not in used]
    for j, found in enumerate(source):
        if found is not None:
            continue
        low = max((n for n in source[:j] if n is not None), default=-1)
        high = min((n for n in source[j + 1 :] if n is not None), default=len(recorded))
        pick = next((n for n in left if low < n < high), None)
        if pick is None and low >= high:  # between moved items: any left in order
            pick = left[0] if left else None
        if pick is not None:
            left.remove(pick)
            source[j] = pick
    return _unique([recorded[n][0] if n is not None else new_item_id() for n in source])


def _unique(ids: list[str]) -> list[str]:
    """A file naming one id twice: the second one gets a new id."""
    seen: set[str] = set()
    for n, i in enumerate(ids):
        if i in seen:
            ids[n] = new_item_id()
        seen.add(ids[n])
    return ids


def items_json(data: Any, items: ItemIds) -> dict[str, list[dict[str, str]]]:
    """Item ids with the fingerprint of each item, as written to a file."""
    ids = ensure_ids(data, items)
    out = {}
    for path, values in item_lists(data):
        out[path] = [
            {"id": i, "sha": fingerprint(v)} for i, v in zip(ids[path], values, strict=True)
        ]
    return out


def read_items(raw: Any, data: Any) -> ItemIds:
    """Item ids from a file or the store, matched to the items of `data` (see `align`)."""
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        raise LineageError("Die Kennungen der Listeneinträge im Entwurf sind beschädigt.")
    out: ItemIds = {}
    for path, values in item_lists(data):
        entries = raw.get(path, [])
        if not isinstance(entries, list):
            raise LineageError("Die Kennungen der Listeneinträge im Entwurf sind beschädigt.")
        recorded: list[tuple[str, str | None]] = []
        for entry in entries:
            if isinstance(entry, str):
                recorded.append((entry, None))
            elif isinstance(entry, dict) and isinstance(entry.get("id"), str):
                sha = entry.get("sha")
                recorded.append((entry["id"], sha if isinstance(sha, str) else None))
            else:
                raise LineageError("Die Kennungen der Listeneinträge im Entwurf sind beschädigt.")
        if not all(_ID.match(i) for i, _ in recorded):
            raise LineageError("Eine Kennung eines Listeneintrags im Entwurf ist ungültig.")
        out[path] = align(recorded, values)
    return out


def positional_ids(data: Any, reference: Any, reference_ids: ItemIds) -> ItemIds:
    """Ids for a state without recorded ids, matched to a reference state by content (a file
    of an older format compared with its base)."""
    ref_lists = dict(item_lists(reference))
    out: ItemIds = {}
    for path, values in item_lists(data):
        ref_values = ref_lists.get(path, [])
        ref_ids = reference_ids.get(path, [])
        recorded = [(i, fingerprint(v)) for i, v in zip(ref_ids, ref_values, strict=False)]
        out[path] = align(recorded, values)
    return out


# --------------------------------------------------------------------------- stable paths


def parse_stable(path: str) -> tuple[StablePart, ...]:
    """``"a.b[#x1].c[2]"`` → ``("a", "b", ("x1",), "c", 2)``."""
    out: list[StablePart] = []
    for name, index, item in _TOKEN.findall(path):
        out.append((item,) if item else int(index) if index else name)
    return tuple(out)


def format_stable(parts: Sequence[StablePart]) -> str:
    out = ""
    for part in parts:
        if isinstance(part, tuple):
            out += f"[#{part[0]}]"
        elif isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else part
    return out


def stable_path(path: str, items: Mapping[str, Sequence[str]]) -> str:
    """The stable form of a concrete path (positions in lists with ids become ids). A position
    beyond the list's ids stays a position."""
    out: list[StablePart] = []
    list_path = ""
    for part in _concrete_parts(path):
        if isinstance(part, int) and list_path in items and 0 <= part < len(items[list_path]):
            out.append((items[list_path][part],))
            list_path = "\0"  # lists inside items have no ids
        else:
            out.append(part)
            if isinstance(part, str) and list_path != "\0":
                list_path = f"{list_path}.{part}" if list_path else part
    return format_stable(out)


def concrete_path(path: str, items: Mapping[str, Sequence[str]]) -> str | None:
    """The path of fields.md for a stable path, or None when an item it names is gone."""
    out: list[str | int] = []
    list_path = ""
    for part in parse_stable(path):
        if isinstance(part, tuple):
            ids = items.get(list_path, ())
            if part[0] not in ids:
                return None
            out.append(list(ids).index(part[0]))
            list_path = "\0"
        else:
            out.append(part)
            if isinstance(part, str) and list_path != "\0":
                list_path = f"{list_path}.{part}" if list_path else part
    text = ""
    for p in out:
        text += f"[{p}]" if isinstance(p, int) else (f".{p}" if text else p)
    return text


def _concrete_parts(path: str) -> tuple[str | int, ...]:
    return tuple(int(i) if i else n for n, i, _ in _TOKEN.findall(path))


def section_of(path: str) -> str:
    """The section id a (stable or concrete) path belongs to."""
    return re.split(r"[.\[]", path, maxsplit=1)[0]


def item_path_of(path: str) -> str | None:
    """The stable path of the item a stable path lies in (``a.b[#x]`` of ``a.b[#x].c``)."""
    parts = parse_stable(path)
    for n, part in enumerate(parts):
        if isinstance(part, tuple):
            return format_stable(parts[: n + 1])
    return None


# --------------------------------------------------------------------------- lineage


@dataclass(frozen=True)
class VersionRef:
    """A version this state descends from: its id and when it was exchanged."""

    version: str
    at: str

    def to_json(self) -> dict[str, str]:
        return {"version": self.version, "at": self.at}


@dataclass
class BaseState:
    """The state of a version, carried in a file as the merge base."""

    version: str
    at: str
    data: dict[str, Any]
    items: ItemIds
    comments: list[dict[str, Any]] = field(default_factory=list)
    """Comments as JSON (read with `zwk_desktop.domain.collab.read_comments`)."""
    acknowledgements: list[dict[str, Any]] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "version": self.version,
            "at": self.at,
            "data": self.data,
            "items": items_json(self.data, self.items),
        }
        if self.comments:
            out["comments"] = self.comments
        if self.acknowledgements:
            out["acknowledgements"] = self.acknowledgements
        return out


@dataclass
class Lineage:
    """Where a draft comes from (see the module docstring)."""

    draft: str
    """The draft's lineage id (UUID), the same in every store and file of this draft."""
    items: ItemIds = field(default_factory=dict)
    history: list[VersionRef] = field(default_factory=list)
    """Versions this state descends from, newest first (from the store's exchanges)."""
    version: str | None = None
    """In a file: the version it was written from."""
    written: str = ""
    """In a file: when it was written."""
    by: str = ""
    """In a file: the user name of the person who wrote it."""
    base: BaseState | None = None
    """In a file: the state of the version it was written from (what it held when written,
    whatever was done to the file since): the merge base."""
    previous: BaseState | None = None
    """In a file: the state of the newest version in `history`, so that a store that never
    saw it (a third place) still finds the common ancestor."""

    def to_json(self, data: Any) -> dict[str, Any]:
        out: dict[str, Any] = {"draft": self.draft}
        if self.version:
            out["version"] = self.version
        if self.written:
            out["written"] = self.written
        if self.by:
            out["by"] = self.by
        out["items"] = items_json(data, self.items)
        if self.history:
            out["history"] = [v.to_json() for v in self.history]
        if self.base is not None:
            out["base"] = self.base.to_json()
        if self.previous is not None:
            out["previous"] = self.previous.to_json()
        return out


LINEAGE_KEYS = frozenset(
    {"draft", "version", "written", "by", "items", "history", "base", "previous"}
)
BASE_KEYS = frozenset({"version", "at", "data", "items", "comments", "acknowledgements"})


def read_lineage(raw: Any, data: Any) -> Lineage:
    """The ``lineage`` object of a file (format 2); raises LineageError (German)."""
    broken = "Die Herkunftsangaben des Entwurfs („lineage“) sind beschädigt"
    if not isinstance(raw, dict):
        raise LineageError(f"{broken}: kein JSON-Objekt.")
    unknown = sorted(set(raw) - LINEAGE_KEYS)
    if unknown:
        raise LineageError(f"{broken}: unbekannte Angabe „{unknown[0]}“.")
    draft = raw.get("draft")
    if not isinstance(draft, str) or not _UUID.match(draft):
        raise LineageError(f"{broken}: die Kennung des Entwurfs ist keine UUID.")
    version = raw.get("version")
    if version is not None and (not isinstance(version, str) or not _UUID.match(version)):
        raise LineageError(f"{broken}: die Kennung der Version ist keine UUID.")
    for key in ("written", "by"):
        if not isinstance(raw.get(key, ""), str):
            raise LineageError(f"{broken}: „{key}“ ist kein Text.")
    history = _read_history(raw.get("history"), broken)
    base = _read_base(raw.get("base"), broken, "base")
    previous = _read_base(raw.get("previous"), broken, "previous")
    return Lineage(
        draft=draft.lower(),
        items=read_items(raw.get("items"), data),
        history=history,
        version=version.lower() if version else None,
        written=raw.get("written", ""),
        by=raw.get("by", ""),
        base=base,
        previous=previous,
    )


def _read_history(raw: Any, broken: str) -> list[VersionRef]:
    if raw is None:
        return []
    if not isinstance(raw, list):
        raise LineageError(f"{broken}: „history“ ist keine Liste.")
    out = []
    for entry in raw:
        if (
            not isinstance(entry, dict)
            or not isinstance(entry.get("version"), str)
            or not _UUID.match(entry["version"])
            or not isinstance(entry.get("at", ""), str)
        ):
            raise LineageError(f"{broken}: ein Eintrag in „history“ ist ungültig.")
        out.append(VersionRef(entry["version"].lower(), entry.get("at", "")))
    return out


def _read_base(raw: Any, broken: str, key: str) -> BaseState | None:
    if raw is None:
        return None
    if not isinstance(raw, dict) or not isinstance(raw.get("data"), dict):
        raise LineageError(f"{broken}: „{key}“ enthält keine Angaben.")
    unknown = sorted(set(raw) - BASE_KEYS)
    if unknown:
        raise LineageError(f"{broken}: unbekannte Angabe „{key}.{unknown[0]}“.")
    version = raw.get("version")
    if not isinstance(version, str) or not _UUID.match(version):
        raise LineageError(f"{broken}: die Version in „{key}“ ist keine UUID.")
    comments = raw.get("comments", [])
    acks = raw.get("acknowledgements", [])
    if not isinstance(comments, list) or not isinstance(acks, list):
        raise LineageError(f"{broken}: Kommentare oder Bestätigungen in „{key}“ sind beschädigt.")
    at = raw.get("at", "")
    return BaseState(
        version=version.lower(),
        at=at if isinstance(at, str) else "",
        data=raw["data"],
        items=read_items(raw.get("items"), raw["data"]),
        comments=comments,
        acknowledgements=acks,
    )


def filled(value: Any) -> bool:
    return not is_empty(value) or isinstance(value, bool)
