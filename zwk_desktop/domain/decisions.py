"""Deciding a conflict of a merge later: the chosen value put into the draft's current state.

The merge (`zwk_desktop.domain.merge`) keeps our value at a conflict and records the conflict;
the user decides in the window, maybe after more editing. `apply_choice` writes the decision
into the state as it is then: a field's value, an item back in its place (after the items it
followed on the side that kept it) or out of the list, or the chosen order.
"""

from __future__ import annotations

import copy
from typing import Any

from zwk_desktop.domain.lineage import ItemIds, concrete_path, format_stable, parse_stable
from zwk_desktop.domain.merge import Conflict
from zwk_desktop.domain.paths import get_value, parse_path, set_value


def apply_choice(data: dict[str, Any], items: ItemIds, conflict: Conflict, value: Any) -> bool:
    """Put the chosen value of a conflict into a draft's current state (which may have changed
    since the merge). `value` is one side's value (`Conflict.value`) or one the user typed.
    Returns False when the place no longer exists (its item was removed meanwhile)."""
    if conflict.kind == "value":
        path = concrete_path(conflict.path, items)
        if path is None:
            return False
        _put(data, path, value)
        return True
    parts = parse_stable(conflict.path)
    if conflict.kind == "order":
        list_path = concrete_path(conflict.path, items)
        if list_path is None or not isinstance(value, list):
            return False
        ids = items.get(list_path, [])
        values = get_value(data, list_path)
        if not isinstance(values, list) or len(values) != len(ids):
            return False
        wanted = [i for i in value if i in ids]
        slots = iter(wanted)
        order = [next(slots) if i in wanted else i for i in ids]
        by_id = dict(zip(ids, values, strict=True))
        values[:] = [by_id[i] for i in order]
        ids[:] = order
        return True
    item = parts[-1]
    assert isinstance(item, tuple)
    list_path = concrete_path(format_stable(parts[:-1]), items)
    if list_path is None:
        return False
    ids = items.setdefault(list_path, [])
    values = get_value(data, list_path)
    if not isinstance(values, list):
        values = []
        if value is not None:
            set_value(data, list_path, values)
    if len(values) != len(ids):
        return False
    if item[0] in ids:
        index = ids.index(item[0])
        if value is None:
            del values[index]
            del ids[index]
        else:
            values[index] = copy.deepcopy(value)
        return True
    if value is None:
        return True
    index = next((ids.index(a) + 1 for a in conflict.after if a in ids), 0)
    values.insert(index, copy.deepcopy(value))
    ids.insert(index, item[0])
    return True


def _put(data: dict[str, Any], path: str, value: Any) -> None:
    if value is None or (isinstance(value, str) and not value.strip()):
        parts = parse_path(path)
        parent = get_value(data, parts[:-1]) if len(parts) > 1 else data
        if isinstance(parent, dict) and isinstance(parts[-1], str):
            parent.pop(parts[-1], None)
        return
    set_value(data, path, copy.deepcopy(value))
