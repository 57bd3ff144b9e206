"""The words for working together: conflicts, change markers and change log entries as the user
reads them (German; field labels from the form definition, values in German formats)."""

from __future__ import annotations

from typing import Any

from zwk_desktop.domain.collab import Change
from zwk_desktop.domain.lineage import item_path_of
from zwk_desktop.domain.merge import Conflict
from zwk_desktop.domain.paths import template_path
from zwk_desktop.formspec.models import FormSpec
from zwk_desktop.services.diff import EMPTY, display_value, field_label

REMOVED = "(entfernt)"


def item_summary(spec: FormSpec, path: str, item: Any) -> str:
    """A list item in one line: its first three filled fields with their labels."""
    if item is None:
        return REMOVED
    if not isinstance(item, dict):
        return display_value(spec, path, item)
    f = spec.fields_by_path.get(template_path(path))
    parts = []
    for child in f.fields if f is not None else []:
        value = item.get(child.id)
        shown = display_value(spec, f"{path}.{child.id}", value)
        if shown != EMPTY and child.type not in ("group", "list", "year_map"):
            parts.append(f"{child.label}: {shown}")
        if len(parts) == 3:
            break
    return " · ".join(parts) or EMPTY


def conflict_values(
    spec: FormSpec, conflict: Conflict, path: str, items: dict[str, dict[str, Any]]
) -> tuple[str, str, str]:
    """(ours, theirs, base) as text. `path` is the conflict's concrete path; `items` maps the
    item ids of an order conflict to their values."""
    values = (conflict.ours, conflict.theirs, conflict.base)
    if conflict.kind in ("value", "item"):
        show = display_value if conflict.kind == "value" else item_summary
        ours, theirs, base = (show(spec, path, v) for v in values)
        return ours, theirs, base
    out = []
    for order in values:
        names = [
            item_summary(spec, f"{path}[0]", items.get(i)).split(" · ")[0] for i in (order or [])
        ]
        out.append("; ".join(f"{n + 1}. {name}" for n, name in enumerate(names)) or EMPTY)
    return out[0], out[1], out[2]


def conflict_label(spec: FormSpec, conflict: Conflict, path: str) -> str:
    """The place of a conflict: „Finanzplanung › Posten 3 › Bezeichnung“, and for items and
    orders what is in conflict."""
    label = field_label(spec, path)
    if conflict.kind == "item":
        return f"{label} (auf einer Seite entfernt, auf der anderen geändert)"
    if conflict.kind == "order":
        return f"{label} (Reihenfolge auf beiden Seiten verschieden geändert)"
    return label


def change_values(spec: FormSpec, change: Change, path: str) -> tuple[str, str]:
    """Before and after of a change log entry as text."""
    if change.kind == "moved":
        return f"Position {change.old}", f"Position {change.new}"
    if change.kind in ("added", "removed"):
        return item_summary(spec, path, change.old), item_summary(spec, path, change.new)
    return display_value(spec, path, change.old), display_value(spec, path, change.new)


def removed_place(spec: FormSpec, stable: str) -> str:
    """The label of a place whose item no longer exists."""
    item = item_path_of(stable) or stable
    head = item.split("[#", 1)[0]
    return f"{field_label(spec, head)} (entfernter Eintrag)"
