"""German input and display of values: 1.234,56 and 6.000,00 € and 31.12.2020 and 09.2021.

`parse_*` turn what a user typed into the value of the draft format (fields.md §1). Text that
cannot be read is kept as it was typed, with the kind of format that was expected, so that
nothing typed is lost and the validation reports it. `show_*` turn draft values back into text.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any, Literal

from zwk_desktop.domain.values import MINUS, quantize

Expected = Literal["int", "dec", "money", "date", "month"]

MONTHS = (
    "januar",
    "februar",
    "märz",
    "april",
    "mai",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "dezember",
)

MONEY_DIGITS = 13
"""Amounts of more digits before the comma are no budget figure but a slip of the keyboard."""

_SPACES = re.compile(r"[\s\u00a0\u202f']")
_MINUS_SIGNS = ("\u2212", "\u2013")
_GROUPED = re.compile(r"^[+-]?\d{1,3}(\.\d{3})+(,\d*)?$")
_PLAIN_COMMA = re.compile(r"^[+-]?\d+(,\d*)?$|^[+-]?,\d+$")
_PLAIN_POINT = re.compile(r"^[+-]?\d*\.\d+$")
_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MONTH_NUM = re.compile(r"^(\d{1,2})\s*[./-]\s*(\d{2}|\d{4})$")
_ISO_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_MONTH_NAME = re.compile(r"^([a-zäA-ZÄ]+)\.?\s+(\d{4})$")


@dataclass(frozen=True, slots=True)
class Entry:
    """A typed text read as a value of the draft format."""

    value: Any
    """The value to store: None when blank; the text itself when it cannot be read."""
    problem: Expected | None = None
    """Which format was expected when the text could not be read."""

    @property
    def ok(self) -> bool:
        return self.problem is None


def _decimal(text: str) -> Decimal | None:
    """German number input: ``1.234,56``, ``1234,56``, ``-5`` (also with the typographic minus
    or an en dash, as numbers are shown); a lone decimal point (``0.5``, ``1187.5``) is read as a
    decimal point, since it cannot be a thousands point."""
    s = _SPACES.sub("", text)
    if s[:1] in _MINUS_SIGNS:
        s = "-" + s[1:]
    if _GROUPED.match(s):
        s = s.replace(".", "").replace(",", ".")
    elif _PLAIN_COMMA.match(s):
        s = s.replace(",", ".")
    elif not _PLAIN_POINT.match(s):
        return None
    if s.endswith("."):
        s = s[:-1]
    try:
        return Decimal(s)
    except InvalidOperation:
        return None


def parse_int(text: str) -> Entry:
    if not text.strip():
        return Entry(None)
    d = _decimal(text)
    if d is None or d != d.to_integral_value() or "," in text:
        return Entry(text, "int")
    return Entry(int(d))


def parse_dec(text: str) -> Entry:
    """A decimal number; stored as a JSON number (an int when it is whole)."""
    if not text.strip():
        return Entry(None)
    d = _decimal(text)
    if d is None:
        return Entry(text, "dec")
    return Entry(int(d) if d == d.to_integral_value() else float(d))


def parse_money(text: str) -> Entry:
    """An amount in euros; stored as text with two decimals (``"6000.00"``). More than two
    decimals are kept as typed, so that the validation asks to round them."""
    stripped = text.replace("€", "").replace("EUR", "").strip()
    if not stripped:
        return Entry(None)
    d = _decimal(stripped)
    if d is None or d.adjusted() >= MONEY_DIGITS:
        return Entry(text, "money")
    exponent = d.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -2:
        return Entry(f"{d:f}")
    return Entry(f"{d.quantize(Decimal('0.01')):f}")


def full_year(digits: str) -> int:
    """A year as typed: two digits are a year of this century (``21`` → 2021), as German
    offices write dates (29.6.21)."""
    year = int(digits)
    return 2000 + year if len(digits) == 2 else year


def parse_date(text: str) -> Entry:
    """``20.07.2021``, ``20.7.2021``, ``29.6.21``, ``29.06.21`` (two-digit years are 20YY) or
    ``2021-07-20``."""
    s = text.strip()
    if not s:
        return Entry(None)
    m = _DATE.match(s)
    try:
        if m:
            day, month, year = int(m.group(1)), int(m.group(2)), full_year(m.group(3))
            return Entry(dt.date(year, month, day).isoformat())
        if _ISO_DATE.match(s):
            return Entry(dt.date.fromisoformat(s).isoformat())
    except ValueError:
        pass
    return Entry(text, "date")


def parse_month(text: str) -> Entry:
    """``09.2021``, ``9.2021``, ``9.21``, ``09.21`` (two-digit years are 20YY), ``2021-09`` or
    ``September 2021``."""
    s = text.strip()
    if not s:
        return Entry(None)
    year = month = 0
    if m := _MONTH_NUM.match(s):
        month, year = int(m.group(1)), full_year(m.group(2))
    elif m := _ISO_MONTH.match(s):
        year, month = int(m.group(1)), int(m.group(2))
    elif m := _MONTH_NAME.match(s):
        name = m.group(1).lower()
        matches = [
            i for i, full in enumerate(MONTHS, 1) if len(name) >= 3 and full.startswith(name)
        ]
        if len(matches) == 1:
            month, year = matches[0], int(m.group(2))
    if 1 <= month <= 12 and year >= 1000:
        return Entry(f"{year:04d}-{month:02d}")
    return Entry(text, "month")


# --------------------------------------------------------------------------- display


def _grouped(d: Decimal, group: bool) -> str:
    text = f"{d:,f}" if group else f"{d:f}"
    text = text.replace(",", "\u2009").replace(".", ",").replace("\u2009", ".")
    return MINUS + text[1:] if text.startswith("-") else text


def show_int(value: Any, grouping: bool = True) -> str:
    """Whole numbers with thousands points (2.412, 84.213), as the lists and the PDF show them;
    without `grouping` (years: the form's ``grouping: false``) as plain digits (2019)."""
    if isinstance(value, int) and not isinstance(value, bool):
        return _grouped(Decimal(value), grouping)
    return "" if value is None else str(value)


def show_dec(value: Any) -> str:
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        d = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
        return _grouped(d.normalize() if d == d.to_integral_value() else d, True).rstrip(",")
    return "" if value is None else str(value)


def show_money(value: Any) -> str:
    """``"6000.00"`` → ``"6.000,00"`` (the € sign stands beside the field)."""
    if isinstance(value, str):
        try:
            d = Decimal(value.strip())
        except InvalidOperation:
            return value
        if d.is_finite():
            places = max(2, -int(d.as_tuple().exponent))
            return _grouped(quantize(d, Decimal(1).scaleb(-places)), True)
        return value
    return "" if value is None else str(value)


def show_date(value: Any) -> str:
    if isinstance(value, str) and _ISO_DATE.match(value):
        try:
            return dt.date.fromisoformat(value).strftime("%d.%m.%Y")
        except ValueError:
            return value
    return "" if value is None else str(value)


def show_month(value: Any) -> str:
    if isinstance(value, str) and (m := _ISO_MONTH.match(value)):
        return f"{int(m.group(2)):02d}.{m.group(1)}"
    return "" if value is None else str(value)


def month_name(value: str) -> str:
    """``"2021-09"`` → ``"September 2021"``; anything else unchanged."""
    if m := _ISO_MONTH.match(value):
        month = int(m.group(2))
        if 1 <= month <= 12:
            return f"{MONTHS[month - 1].capitalize()} {m.group(1)}"
    return value
