"""What the help panel says about a field: its help text, its status and the rules that check it.

Where a field or one of its rules is inferred (status I) rather than documented in the call, the
help panel says so; this module finds those rules from the form definition.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any

from zwk_desktop.domain.paths import parse_path
from zwk_desktop.formspec import rules as m
from zwk_desktop.formspec.base import Severity, Status
from zwk_desktop.formspec.models import FormField, FormSpec
from zwk_desktop.formspec.rules import RuleBase

_PLACEHOLDER = re.compile(r"\{[^}]*\}")
_ASIDE = re.compile(r"\s*\([^()]*\{[^}]*\}[^()]*\)")


@dataclass(frozen=True, slots=True)
class RuleHelp:
    code: str
    severity: Severity
    status: Status
    summary: str
    """The rule's German message shortened to its first sentence, placeholders as „…“."""
    source: str | None
    message: str
    """The rule's full message template."""
    given: bool = False
    """The summary is the rule's own (`summary` in the form), not its message's first sentence."""


@dataclass(frozen=True, slots=True)
class FieldHelp:
    path: str
    label: str
    help: str
    status: Status
    source: str | None
    rules: tuple[RuleHelp, ...]

    @property
    def inferred_rules(self) -> tuple[RuleHelp, ...]:
        return tuple(r for r in self.rules if r.status == "I")


def summary(message: str, label: str = "…") -> str:
    """First sentence of a message template: the field's label for {label}, asides in
    parentheses that only hold values left out, every other placeholder shown as „…“."""
    text = " ".join(message.split())
    head, dot, _ = text.partition(". ")
    head = _ASIDE.sub("", head.replace("{label}", label))
    head = _PLACEHOLDER.sub("…", head)
    return head + "." if dot or not head.endswith(".") else head


def _targets(spec: FormSpec, rule: RuleBase) -> Iterator[str]:
    """Template paths of the fields a rule checks."""
    params: Any = getattr(rule, "params", None)
    if params is not None:
        values = params.model_dump()
        for key, value in values.items():
            if isinstance(value, str) and value in spec.fields_by_path and key != "list":
                yield value
        lst = values.get("list")
        if isinstance(lst, str):
            names = [values.get(k) for k in ("field", "step", "start", "end")]
            names += list(values.get("fields") or ())
            found = [f"{lst}[].{n}" for n in names if isinstance(n, str)]
            yield from (p for p in found if p in spec.fields_by_path)
            if not found:
                yield lst
        for value in values.get("fields") or ():
            if value in spec.fields_by_path:
                yield value
    if isinstance(rule, m.AttachmentRule | m.AttachmentRequiredRule | m.MailSizeRule):
        yield spec.attachments.list
    if isinstance(rule, m.BudgetItemRule):
        layout = spec.budget
        if rule.kind == "budget_justification":
            yield f"{layout.items}[].{layout.justification}"
        else:
            yield layout.central
    if isinstance(rule, m.GenericRule):
        for path, f in spec.fields_by_path.items():
            if rule.code in f.codes.values() or f.must_be_true == rule.code:
                yield path


_INDEXES: dict[int, tuple[FormSpec, dict[str, tuple[RuleHelp, ...]]]] = {}


def _index(spec: FormSpec) -> dict[str, tuple[RuleHelp, ...]]:
    cached = _INDEXES.get(id(spec))
    if cached is not None and cached[0] is spec:
        return cached[1]
    out: dict[str, list[RuleHelp]] = {}
    for rule in spec.rules:
        entry = RuleHelp(
            rule.code,
            rule.severity,
            rule.status,
            rule.summary or summary(rule.message),
            rule.source,
            rule.message,
            given=rule.summary is not None,
        )
        for path in dict.fromkeys(_targets(spec, rule)):
            bucket = out.setdefault(path, [])
            if all(r.code != entry.code for r in bucket):
                bucket.append(entry)
    index = {path: tuple(rules) for path, rules in out.items()}
    _INDEXES[id(spec)] = (spec, index)
    return index


def rules_for(spec: FormSpec, path: str) -> tuple[RuleHelp, ...]:
    """The named rules that check the field at a template path."""
    return _index(spec).get(path, ())


def field_help(spec: FormSpec, path: str, field: FormField) -> FieldHelp:
    return FieldHelp(
        path=path,
        label=field.label,
        help=field.help,
        status=field.status,
        source=spec.sources.get(field.source) if field.source else None,
        rules=tuple(
            r if r.given else replace(r, summary=summary(r.message, field.label))
            for r in rules_for(spec, path)
        ),
    )


def location(spec: FormSpec, path: str) -> str:
    """Where a concrete path is, in the form's words: ``finanzplan.posten[1].erlaeuterung`` →
    „Posten 2 › Erläuterung“; a section's own path gives its title."""
    parts = parse_path(path)
    if len(parts) == 1 and isinstance(parts[0], str) and parts[0] in spec.section_index:
        return spec.section_index[parts[0]].title
    segments: list[str] = []
    template = ""
    current: FormField | None = None
    for part in parts:
        if isinstance(part, int):
            template += "[]"
            name = (current.item_label or current.label) if current is not None else ""
            if segments:
                segments[-1] = f"{name} {part + 1}"
            continue
        if part.isdecimal():
            segments.append(part)
            continue
        template = f"{template}.{part}" if template else part
        current = spec.fields_by_path.get(template)
        if "." in template or "[" in template:
            segments.append(current.label if current is not None else part)
        elif current is not None and current.type == "list":
            segments.append(current.label)  # a section that is a list: its items are named
    return " › ".join(segments) if segments else path
