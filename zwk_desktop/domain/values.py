"""Reading the values of the draft format (fields.md §1) into Python types.

Every reader returns a `Parsed`: the value, or the reason it is unusable. Readers never raise.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation, localcontext
from typing import Any, Literal

MINUS = "\u2212"
"""The typographic minus of every negative number shown (PDF, window, messages): "−31"."""

Problem = Literal["format", "precision", "choice_invalid"]

_INT_RE = re.compile(r"^[+-]?\d+$")
_DEC_RE = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$")
_MONEY_RE = re.compile(r"^-?\d+\.(\d+)$")
_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MONTH_RE = re.compile(r"^(\d{4})-(\d{2})$")


@dataclass(frozen=True, slots=True)
class Parsed:
    value: Any = None
    problem: Problem | None = None
    expected: str = ""

    @property
    def ok(self) -> bool:
        return self.problem is None


def is_empty(value: Any) -> bool:
    """Absent, null, an empty or blank string, or an empty list: not filled (fields.md §1)."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, list | dict):
        return all(is_empty(v) for v in (value.values() if isinstance(value, dict) else value))
    return False


def _bad(expected: str, problem: Problem = "format") -> Parsed:
    return Parsed(problem=problem, expected=expected)


def read_text(value: Any) -> Parsed:
    if isinstance(value, str):
        return Parsed(value)
    return _bad("Bitte geben Sie einen Text ein.")


def read_int(value: Any) -> Parsed:
    if isinstance(value, bool):
        return _bad("Bitte geben Sie eine ganze Zahl ein, z. B. 1200.")
    if isinstance(value, int):
        return Parsed(value)
    if isinstance(value, float) and value.is_integer():
        return Parsed(int(value))
    if isinstance(value, str) and _INT_RE.match(value.strip()):
        return Parsed(int(value.strip()))
    return _bad("Bitte geben Sie eine ganze Zahl ein, z. B. 1200.")


def int_or_none(value: Any) -> int | None:
    """A whole number as `read_int` reads one, or None."""
    parsed = read_int(value)
    return int(parsed.value) if parsed.ok else None


def read_dec(value: Any) -> Parsed:
    expected = "Bitte geben Sie eine Zahl ein, z. B. 0.5 (in der Datei mit Punkt)."
    if isinstance(value, bool):
        return _bad(expected)
    if isinstance(value, int):
        return Parsed(Decimal(value))
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return _bad(expected)
        return Parsed(Decimal(repr(value)))
    if isinstance(value, str) and _DEC_RE.match(value.strip()):
        return Parsed(Decimal(value.strip()))
    return _bad(expected)


def read_money(value: Any) -> Parsed:
    """Money is a string with exactly two decimals; more decimals is `precision`."""
    expected = (
        "Geldbeträge stehen als Text mit genau zwei Nachkommastellen in der Datei, "
        "z. B. „30000.00“."
    )
    if not isinstance(value, str):
        return _bad(expected)
    m = _MONEY_RE.match(value.strip())
    if not m:
        return _bad(expected)
    try:
        amount = Decimal(value.strip())
    except InvalidOperation:  # pragma: no cover - the pattern excludes this
        return _bad(expected)
    if len(m.group(1)) > 2:
        return Parsed(amount, problem="precision", expected=expected)
    if len(m.group(1)) < 2:
        return _bad(expected)
    return Parsed(amount)


def read_date(value: Any) -> Parsed:
    # the same words as the date field's own (the window writes the date in the file's form)
    expected = "Bitte geben Sie ein Datum im Format TT.MM.JJJJ ein, z. B. 20.07.2021."
    if isinstance(value, str) and _DATE_RE.match(value):
        try:
            return Parsed(dt.date.fromisoformat(value))
        except ValueError:
            pass
    return _bad(expected)


def read_month(value: Any) -> Parsed:
    expected = "Bitte geben Sie Monat und Jahr im Format MM.JJJJ ein, z. B. 09.2021."
    if isinstance(value, str):
        m = _MONTH_RE.match(value)
        if m and 1 <= int(m.group(2)) <= 12:
            return Parsed(value)
    return _bad(expected)


def read_bool(value: Any) -> Parsed:
    if isinstance(value, bool):
        return Parsed(value)
    return _bad("Erwartet wird ja oder nein (in der Datei true oder false).")


def read_choice(value: Any, codes: tuple[str, ...]) -> Parsed:
    if not isinstance(value, str):
        return _bad(
            "Erwartet wird einer der angebotenen Einträge (in der Datei sein Code als Text)."
        )
    if value in codes:
        return Parsed(value)
    return Parsed(value, problem="choice_invalid")


def read_multi(value: Any, codes: tuple[str, ...]) -> Parsed:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        return _bad("Erwartet wird eine Liste von Auswahlen (in der Datei ihre Codes als Texte).")
    for item in value:
        if item not in codes:
            return Parsed(item, problem="choice_invalid")
    return Parsed(list(dict.fromkeys(value)))


def decimals_of(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def quantize(value: Decimal, exp: Decimal, rounding: str | None = None) -> Decimal:
    """``value.quantize(exp)`` for a number of any size: the default context's 28 digits make
    Decimal raise InvalidOperation for an amount like 10^30, which a file may well contain."""
    with localcontext() as context:
        if value.is_finite():
            context.prec = max(context.prec, value.adjusted() - exp.adjusted() + 2)
        return value.quantize(exp, rounding=rounding)


CENT = Decimal("0.01")


def money_str(value: Decimal) -> str:
    """The canonical text of an amount: two decimals, no grouping (``"30000.00"``)."""
    return f"{quantize(value, CENT):f}"
