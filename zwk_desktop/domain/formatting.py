"""German display formats through babel: 40.000,00 €, 1.234,5, 20.07.2021, September 2021, and
the plural of a noun after a number (CLDR's plural rules): 1 Eintrag, 2 Einträge."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, getcontext, localcontext
from functools import cache
from typing import Any

from babel.dates import format_date as _format_date
from babel.numbers import format_currency, format_decimal
from babel.plural import PluralRule

from zwk_desktop.domain.values import MINUS

LOCALE = "de_DE"
_PLURAL_CATEGORIES = ("zero", "one", "two", "few", "many", "other")


def plural(n: int | Decimal, forms: str) -> str:
    """The form of a noun for the number n: `forms` names them for the language's plural
    categories in CLDR order, separated by ``|`` (German: ``"Eintrag|Einträge"``, one|other).
    The category comes from babel's plural rules, never from comparing with 1 by hand."""
    names = forms.split("|")
    rule = _plural_rule()
    category = rule(n)
    used = [c for c in _PLURAL_CATEGORIES if c in rule.tags or c == "other"]
    if len(names) != len(used):
        raise ValueError(f"{forms!r}: expected the forms {'|'.join(used)}")
    return names[used.index(category)]


GERMAN_PLURAL_RULE = {"one": "i = 1 and v = 0"}
"""German's plural categories in CLDR's rule syntax: babel's locale data for ``de`` holds the
same rule (a test compares them); loading that data costs ~20 ms, the rule alone nothing."""


@cache
def _plural_rule() -> PluralRule:
    return PluralRule(GERMAN_PLURAL_RULE)


class Counted(str):
    """A number as a message shows it (``"1.234"``), which in a template can also bring the
    noun that follows it: ``{count:Eintrag|Einträge}`` gives ``"1 Eintrag"`` or ``"3 Einträge"``."""

    number: int | Decimal

    def __new__(cls, shown: str, number: int | Decimal) -> Counted:
        made = super().__new__(cls, shown)
        made.number = number
        return made

    def __format__(self, spec: str) -> str:
        if "|" in spec:
            return f"{self} {plural(self.number, spec)}"
        return super().__format__(spec)


def _minus(text: str) -> str:
    """babel writes a hyphen-minus before negative numbers; we show the typographic minus."""
    return MINUS + text[1:] if text.startswith("-") else text


def money(value: Decimal | int | str) -> str:
    """``Decimal("40000")`` → ``"40.000,00 €"``; ``-5`` → ``"−5,00 €"``."""
    d = Decimal(value)
    with localcontext() as context:
        context.prec = _precision(d, 2)
        return _minus(str(format_currency(d, "EUR", locale=LOCALE)))


def _precision(d: Decimal, decimals: int) -> int:
    """Enough precision for any number of digits: babel quantizes in the current context."""
    if not d.is_finite():
        return getcontext().prec
    digits = max(len(d.as_tuple().digits), d.adjusted() + 1)
    return max(getcontext().prec, digits + decimals + 4)


def number(value: Decimal | int | float | str, decimals: int | None = None) -> str:
    """German grouping and decimal comma; ``decimals`` fixes the number of places; a negative
    number starts with the typographic minus (U+2212)."""
    d = Decimal(str(value))
    with localcontext() as context:
        context.prec = _precision(d, decimals or 0)
        if decimals is not None:
            pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
            return _minus(str(format_decimal(d, format=pattern, locale=LOCALE)))
        return _minus(str(format_decimal(d, locale=LOCALE, decimal_quantization=False)))


def date(value: dt.date | str) -> str:
    """``2021-07-20`` → ``"20.07.2021"``."""
    d = dt.date.fromisoformat(value) if isinstance(value, str) else value
    return str(_format_date(d, "dd.MM.yyyy", locale=LOCALE))


def month(value: str) -> str:
    """``"2021-09"`` → ``"September 2021"``."""
    year, mon = value.split("-")
    return str(_format_date(dt.date(int(year), int(mon), 1), "MMMM yyyy", locale=LOCALE))


def size(num_bytes: int) -> str:
    """``10485760`` → ``"10,0 MB"`` (binary units, as mail programs count)."""
    if num_bytes < 1024:
        return f"{num_bytes} Bytes"
    if num_bytes < 1024 * 1024:
        return f"{number(Decimal(num_bytes) / 1024, 1)} KB"
    return f"{number(Decimal(num_bytes) / (1024 * 1024), 1)} MB"


def plain(value: Any) -> str:
    """A parameter for a message, in German where it is a number."""
    if isinstance(value, bool):
        return "ja" if value else "nein"
    if isinstance(value, int | Decimal | float):
        return number(value)
    return str(value)


def count(n: int, one: str, other: str) -> str:
    """A number with its noun in the German plural form that babel's CLDR rules pick:
    ``count(1, "Hinweis", "Hinweise")`` → ``"1 Hinweis"``, ``count(2, …)`` → ``"2 Hinweise"``."""
    return f"{number(n)} {plural(n, f'{one}|{other}')}"
