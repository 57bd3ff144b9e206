"""Field-level differences between two states of a draft, in German, for "Versionen…".

Each change names its field path (``finanzplan.posten[2].betraege.2022``), the field's German
label from the form definition ("Finanzplanung › Posten 3 › Beträge › 2022") and both values as
the user would read them (40.000,00 €, 20.07.2021, labels of choices, ja/nein).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any, Literal

from zwk_desktop.domain import formatting
from zwk_desktop.domain.draft import Draft
from zwk_desktop.domain.migrations import MigrationReport
from zwk_desktop.domain.paths import PathPart, format_path, parse_path, template_path
from zwk_desktop.domain.values import is_empty
from zwk_desktop.formspec.models import FormField, FormSpec

EMPTY = "(leer)"
MAX_SHOWN = 300
"""Longer texts are cut for the list; the whole value is in the tooltip of the dialog."""
ACK_PATH = "acknowledgements"
ACK_LABEL = "Bestätigte Hinweise"

ChangeKind = Literal["added", "removed", "changed"]


@dataclass(frozen=True)
class FieldChange:
    path: str
    label: str
    kind: ChangeKind
    before: str
    """The value in the older state, as text (``(leer)`` when not filled)."""
    after: str


def field_label(spec: FormSpec | None, path: str) -> str:
    """German label of a concrete path: section title, then each field (list items numbered
    from 1, years as they are), joined by ›."""
    parts = parse_path(path)
    if spec is None or not parts or parts[0] not in spec.section_index:
        return path
    section = spec.section_index[str(parts[0])]
    words = [section.title]
    node: FormField | None = section.node
    for part in parts[1:]:
        if node is None:
            words.append(str(part))
        elif isinstance(part, int):
            words.append(f"{node.item_label or node.label} {part + 1}")
        elif node.type == "year_map":
            words.append(part)
            node = None
        else:
            child = node.child(part)
            words.append(child.label if child is not None else part)
            node = child
    return " › ".join(words)


def migration_text(report: MigrationReport, spec: FormSpec | None) -> str:
    """The German report of a format migration, new required fields named by their labels."""
    return report.text({p: field_label(spec, p) for p in report.new_required})


def _field(spec: FormSpec | None, path: str) -> FormField | None:
    if spec is None:
        return None
    return spec.fields_by_path.get(template_path(path))


def display_value(spec: FormSpec | None, path: str, value: Any) -> str:
    """A stored value as the user reads it; unreadable values are shown as they are."""
    if is_empty(value) and not isinstance(value, bool):
        return EMPTY
    f = _field(spec, path)
    kind = f.item_type if f is not None and f.type == "year_map" else (f.type if f else None)
    try:
        if isinstance(value, bool):
            return "ja" if value else "nein"
        if kind == "choice" and f is not None and isinstance(value, str):
            return f.choice_labels.get(value, value)
        if kind == "multi" and f is not None and isinstance(value, list):
            return ", ".join(f.choice_labels.get(v, str(v)) for v in value)
        if kind == "money" and isinstance(value, str):
            return formatting.money(Decimal(value))
        if kind == "date" and isinstance(value, str):
            return formatting.date(value)
        if kind == "month" and isinstance(value, str):
            return formatting.month(value)
        if kind in ("int", "dec") and isinstance(value, int | float | str):
            return formatting.number(Decimal(str(value)))
    except (ValueError, InvalidOperation, ArithmeticError):
        pass
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    text = " ".join(str(value).split())
    return text if len(text) <= MAX_SHOWN else text[: MAX_SHOWN - 1] + "…"


def flatten(data: Any, prefix: tuple[PathPart, ...] = ()) -> dict[str, Any]:
    """Leaf values by concrete path. A list of plain values (a multi-choice) is one leaf."""
    out: dict[str, Any] = {}
    if isinstance(data, dict):
        for key, value in data.items():
            out.update(flatten(value, (*prefix, str(key))))
    elif isinstance(data, list) and any(isinstance(v, dict | list) for v in data):
        for i, value in enumerate(data):
            out.update(flatten(value, (*prefix, i)))
    elif prefix and not (is_empty(data) and not isinstance(data, bool)):
        out[format_path(prefix)] = data
    return out


def _acks(draft: Draft) -> str:
    return "; ".join(sorted(f"{a.code} ({a.path})" for a in draft.acknowledgements))


def diff_drafts(spec: FormSpec | None, before: Draft, after: Draft) -> list[FieldChange]:
    """What changed from `before` to `after`, in form order."""
    old, new = flatten(before.data), flatten(after.data)
    changes: list[FieldChange] = []
    for path in old.keys() | new.keys():
        a, b = old.get(path), new.get(path)
        if a == b and type(a) is type(b):
            continue
        kind: ChangeKind = (
            "added" if path not in old else "removed" if path not in new else "changed"
        )
        changes.append(
            FieldChange(
                path=path,
                label=field_label(spec, path),
                kind=kind,
                before=display_value(spec, path, a),
                after=display_value(spec, path, b),
            )
        )
    order = spec.field_order if spec is not None else {}
    changes.sort(key=lambda c: (order.get(template_path(c.path), len(order)), _natural(c.path)))
    acks_before, acks_after = _acks(before), _acks(after)
    if acks_before != acks_after:
        changes.append(
            FieldChange(ACK_PATH, ACK_LABEL, "changed", acks_before or EMPTY, acks_after or EMPTY)
        )
    return changes


def _natural(path: str) -> tuple[tuple[int, str], ...]:
    return tuple((p, "") if isinstance(p, int) else (-1, p) for p in parse_path(path))
