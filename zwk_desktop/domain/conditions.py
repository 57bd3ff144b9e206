"""Evaluating the conditions of a form (visibility, required-if, rules) over draft data."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Any

from zwk_desktop.domain.values import is_empty
from zwk_desktop.formspec.base import Condition

Getter = Callable[[str], Any]


def _number(value: Any) -> Decimal | None:
    if isinstance(value, bool) or value is None:
        return None
    try:
        return Decimal(str(value).strip())
    except (InvalidOperation, ValueError):
        return None


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, bool) or isinstance(b, bool):
        return a is b
    if isinstance(b, int | float):
        na = _number(a)
        return na is not None and na == Decimal(str(b))
    return bool(a == b)


def holds(cond: Condition, get: Getter) -> bool:
    """Whether the condition holds; `get` returns the raw value at an absolute path."""
    if cond.all_ is not None:
        return all(holds(c, get) for c in cond.all_)
    if cond.any_ is not None:
        return any(holds(c, get) for c in cond.any_)
    if cond.not_ is not None:
        return not holds(cond.not_, get)
    assert cond.field is not None
    value = get(cond.field)
    if cond.filled is not None:
        return (not is_empty(value)) is cond.filled
    if is_empty(value):
        return False
    if cond.equals is not None:
        return _same(value, cond.equals)
    if cond.in_ is not None:
        return any(_same(value, v) for v in cond.in_)
    if cond.contains is not None:
        return isinstance(value, list) and cond.contains in value
    if cond.any_greater is not None:
        values = value.values() if isinstance(value, dict) else [value]
        for v in values:
            n = _number(v)
            if n is not None and n > cond.any_greater:
                return True
        return False
    raise AssertionError("condition without operator")  # the model forbids this
