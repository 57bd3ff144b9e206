"""The state of one validation run (`Context`), handed to the generic walk and every named rule.

Lives apart from the walk (`zwk_desktop.validation.engine`) and the named rules
(`zwk_desktop.validation.rules`) so that both import it and neither imports the other's module
back: the engine runs the rules, the rules only see the context.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from functools import cached_property
from typing import Any

from zwk_desktop.directory import Directory, default_directory
from zwk_desktop.domain import formatting
from zwk_desktop.domain.attachments import FileInfo
from zwk_desktop.domain.budget import Budget, compute_budget
from zwk_desktop.domain.conditions import holds
from zwk_desktop.domain.paths import get_value
from zwk_desktop.domain.values import money_str
from zwk_desktop.formspec.models import FormSpec
from zwk_desktop.formspec.rules import RuleBase
from zwk_desktop.validation.findings import Finding, Severity


class _Unknown(str):
    """A placeholder without a value stays as it is, with or without plural forms."""

    def __format__(self, spec: str) -> str:
        return str(self)


class _SafeParams(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return _Unknown("{" + key + "}")


def shown_param(value: Any) -> str:
    """A parameter as a message template gets it: its German text, and for a whole number also
    the plural of the noun after it (``{count:Eintrag|Einträge}``, see `formatting.Counted`)."""
    text = display(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return formatting.Counted(text, value)
    if isinstance(value, Decimal) and value == value.to_integral_value():
        return formatting.Counted(text, value)
    return text


def jsonable(value: Any, money: bool = False) -> Any:
    """A parameter value as it appears in the JSON output."""
    if isinstance(value, Decimal):
        if money:
            return money_str(value)
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def display(value: Any, money: bool = False) -> str:
    """A parameter value as it appears in a German message."""
    if isinstance(value, Decimal) and money:
        return formatting.money(value)
    if isinstance(value, dt.date):
        return formatting.date(value)
    return formatting.plain(value)


class Context:
    """State of one validation run, handed to every named rule."""

    def __init__(
        self,
        spec: FormSpec,
        data: Mapping[str, Any],
        files: Mapping[str, FileInfo],
        directory: Directory | None = None,
    ) -> None:
        self.spec = spec
        self.data = data
        self.files = files
        self._directory = directory
        self.values: dict[str, Any] = {}
        """Parsed values of every visible, readable field by concrete path."""
        self.labels: dict[str, str] = {}
        self.visible_lists: dict[str, int] = {}
        """Item count of every visible list by concrete path."""
        self.findings: list[Finding] = []

    # -- for rules

    @cached_property
    def budget(self) -> Budget:
        return compute_budget(self.spec, dict(self.data))

    @cached_property
    def directory(self) -> Directory:
        """The municipality directory: the one passed in, or the shipped one."""
        return self._directory if self._directory is not None else default_directory()

    def raw(self, path: str) -> Any:
        return get_value(self.data, path)

    def value(self, path: str) -> Any:
        """The parsed value of a visible field, or None when hidden, empty or unreadable."""
        return self.values.get(path)

    def items(self, list_path: str) -> range:
        """Indices of the items of a visible list (empty when the list is hidden)."""
        return range(self.visible_lists.get(list_path, 0))

    def holds(self, cond: Any) -> bool:
        return holds(cond, self.raw)

    def label(self, path: str) -> str:
        if path in self.labels:
            return self.labels[path]
        try:
            return self.spec.section_index[path].title
        except KeyError:
            return path

    def report(
        self,
        code: str,
        path: str,
        params: dict[str, Any] | None = None,
        shown: dict[str, str] | None = None,
        *,
        severity: Severity | None = None,
        variant: str | None = None,
        rule_id: str | None = None,
        field_type: str | None = None,
    ) -> None:
        """Add a finding. `params` go to the JSON; `shown` overrides their German rendering."""
        params = params or {}
        rule: RuleBase | None = None
        if rule_id is not None:
            rule = next(r for r in self.spec.rules if r.rule_id == rule_id)
        elif code in self.spec.rules_by_code:
            rule = self.spec.rules_by_code[code]
        if rule is not None:
            template = rule.variants.get(variant, rule.message) if variant else rule.message
            sev: Severity = severity or rule.severity
        else:
            messages = self.spec.messages
            template = (
                messages.get(f"{code}.{field_type}", messages[code])
                if field_type
                else messages[code]
            )
            sev = severity or ("warning" if code == "recommended_missing" else "error")
        texts = _SafeParams({k: shown_param(v) for k, v in params.items()})
        texts["label"] = self.label(path)
        if shown:
            texts.update(shown)
        message = " ".join(template.format_map(texts).split())
        json_params = {k: jsonable(v) for k, v in params.items()}
        rid = rule.rule_id if rule is not None else ""
        self.findings.append(Finding(code, sev, path, message, json_params, rid))
