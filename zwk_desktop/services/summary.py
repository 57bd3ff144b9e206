"""What the drafts manager shows of a draft besides its name: completeness and findings.

Completeness counts the required fields the user sees (a field hidden by its condition does not
count, nor does the content of an optional group left empty) and how many of them are filled.
A declaration that must be true counts as filled only when it is true; a required list counts
once, as filled when it has its minimum number of items.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from zwk_desktop.domain.conditions import holds
from zwk_desktop.domain.draft import Draft
from zwk_desktop.domain.paths import get_value
from zwk_desktop.domain.values import is_empty
from zwk_desktop.formspec import FormSpecError, get_form
from zwk_desktop.formspec.models import FormField, FormSpec
from zwk_desktop.validation import Report, validate_draft


@dataclass(frozen=True)
class DraftStats:
    """Derived figures kept with a draft so that the drafts list never validates 1,000 drafts."""

    completeness: int
    """Filled required fields in percent (0–100)."""
    errors: int
    warnings: int
    """Warnings the user has not acknowledged (as the window's section list counts them)."""


def installed_form(draft: Draft) -> FormSpec | None:
    """The form a draft was written for, or None when it is not installed here."""
    try:
        return get_form(draft.form_id, draft.form_version)
    except (KeyError, FormSpecError):
        return None


def completeness(spec: FormSpec, data: dict[str, Any]) -> int:
    """Filled required fields in percent, rounded down (100 only when every one is filled)."""
    counter = _Counter(spec, data)
    for section in spec.sections:
        counter.node(section.node, data.get(section.id), True)
    if counter.required == 0:
        return 100
    return counter.filled * 100 // counter.required


def stats_for(spec: FormSpec, draft: Draft) -> DraftStats:
    report = validate_draft(spec, draft)
    return DraftStats(
        completeness=completeness(spec, draft.data),
        errors=len(report.errors),
        warnings=open_warnings(report, draft),
    )


def open_warnings(report: Report, draft: Draft) -> int:
    """The warnings of a report that the draft does not acknowledge."""
    acknowledged = {(a.code, a.path) for a in draft.acknowledgements}
    return sum(1 for f in report.warnings if f.key not in acknowledged)


class _Counter:
    def __init__(self, spec: FormSpec, data: dict[str, Any]) -> None:
        self.spec = spec
        self.data = data
        self.required = 0
        self.filled = 0

    def _visible(self, f: FormField) -> bool:
        return f.when is None or holds(f.when, lambda path: get_value(self.data, path))

    def _count(self, filled: bool) -> None:
        self.required += 1
        self.filled += int(filled)

    def node(self, f: FormField, raw: Any, active: bool) -> None:
        """`active`: the enclosing group is required or has content, so its fields count."""
        if not self._visible(f):
            return
        if f.type == "group":
            group = raw if isinstance(raw, dict) else {}
            inner = active and (f.required or not is_empty(group))
            for child in f.fields:
                self.node(child, group.get(child.id), inner)
        elif f.type == "list":
            items = raw if isinstance(raw, list) else []
            if active and f.required:
                self._count(len(items) >= (f.min_items or 1))
            for item in items:
                row = item if isinstance(item, dict) else {}
                for child in f.fields:
                    self.node(child, row.get(child.id), True)
        elif active and f.required:
            if f.must_be_true is not None:
                self._count(raw is True)
            else:
                self._count(not is_empty(raw))
