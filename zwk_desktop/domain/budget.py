"""The budget of an application: totals per year, the requested amount, the headroom to the cap.

One computation for the budget rules, the budget page and the PDF. Amounts that cannot be read
count as zero here; the validation reports them separately. `year_cap` is the one place that says
what may be requested in a year: the cap of the call, and for the first year only the share of
its funded months (policy `first_year_months`, an assumption where the form marks it I).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_DOWN, Decimal
from typing import Any

from zwk_desktop.domain.paths import get_value
from zwk_desktop.domain.values import read_money
from zwk_desktop.formspec.models import FormSpec, Policy

ZERO = Decimal("0.00")
CENT = Decimal("0.01")


@dataclass(frozen=True)
class YearCap:
    """What may be requested in one year."""

    year: str
    amount: Decimal
    """The cap in euros, to the cent (a pro-rata share is rounded down, never up)."""
    months: int
    """Funded months of the year (12, or fewer in the first year)."""
    assumed: bool
    """True where the share rests on an assumption (the form marks the months I)."""

    @property
    def pro_rata(self) -> bool:
        return self.months < 12


def year_cap(policy: Policy, year: str | int) -> YearCap:
    """The cap of one year of the call, from the form definition's policy: `cap_per_year`, and
    in the first year `cap_per_year` × len(`first_year_months`) / 12."""
    key = str(year)
    cap = policy.cap_per_year.value
    if policy.year_keys and key == policy.year_keys[0]:
        months = len(policy.first_year_months.value)
        if months < 12:
            amount = (cap * months / 12).quantize(CENT, rounding=ROUND_DOWN)
            return YearCap(key, amount, months, policy.first_year_months.status == "I")
    return YearCap(key, cap, 12, False)


def _amount(value: Any) -> Decimal | None:
    parsed = read_money(value)
    if parsed.problem == "format":
        return None
    amount: Decimal = parsed.value
    return amount


def _year_map(raw: Any, years: tuple[str, ...]) -> dict[str, Decimal]:
    out = dict.fromkeys(years, ZERO)
    if isinstance(raw, dict):
        for year in years:
            amount = _amount(raw.get(year))
            if amount is not None:
                out[year] = amount
    return out


@dataclass(frozen=True)
class BudgetItem:
    index: int
    category: str | None
    title: str
    justification: str
    amounts: dict[str, Decimal]

    @property
    def total(self) -> Decimal:
        return sum(self.amounts.values(), ZERO)


@dataclass(frozen=True)
class Budget:
    years: tuple[str, ...]
    items: tuple[BudgetItem, ...]
    totals: dict[str, Decimal]
    """Sum of all items per year."""
    own_funds: dict[str, Decimal]
    central: dict[str, Decimal]
    cap: Decimal
    """The cap of a full year (`policy.cap_per_year`): the hard limit of `budget_year_cap`."""
    caps: dict[str, YearCap]
    """The cap of each year (`year_cap`): the first year pro rata."""

    @property
    def first_year_cap(self) -> Decimal:
        """The cap of the first year scaled to its funded months, to the cent."""
        return self.caps[self.years[0]].amount

    @property
    def first_year_months(self) -> int:
        return self.caps[self.years[0]].months

    @property
    def requested(self) -> dict[str, Decimal]:
        """Requested per year: the items' sum minus own funds."""
        return {y: self.totals[y] - self.own_funds[y] for y in self.years}

    @property
    def year_caps(self) -> dict[str, Decimal]:
        """The cap of each year in euros (the first year pro rata)."""
        return {y: self.caps[y].amount for y in self.years}

    @property
    def headroom(self) -> dict[str, Decimal]:
        """How much more could be requested per year under its cap (negative: over it)."""
        return {y: self.caps[y].amount - r for y, r in self.requested.items()}

    @property
    def total_year_caps(self) -> Decimal:
        """The sum of the caps of every year (the first year pro rata)."""
        return sum(self.year_caps.values(), ZERO)

    @property
    def total(self) -> Decimal:
        return sum(self.totals.values(), ZERO)

    @property
    def total_requested(self) -> Decimal:
        return sum(self.requested.values(), ZERO)

    @property
    def total_cap(self) -> Decimal:
        """The hard limit over the whole term (`budget_total_cap`): a full cap per year."""
        return self.cap * len(self.years)

    def category_total(self, categories: tuple[str, ...] | list[str]) -> Decimal:
        return sum((i.total for i in self.items if i.category in categories), ZERO)

    @property
    def has_amount(self) -> bool:
        return any(a != 0 for i in self.items for a in i.amounts.values())


def compute_budget(spec: FormSpec, data: dict[str, Any]) -> Budget:
    layout = spec.budget
    policy = spec.policy
    years = policy.year_keys
    raw_items = get_value(data, layout.items)
    items: list[BudgetItem] = []
    if isinstance(raw_items, list):
        for index, raw in enumerate(raw_items):
            if not isinstance(raw, dict):
                continue
            category = raw.get(layout.category)
            title = raw.get(layout.title)
            justification = raw.get(layout.justification)
            items.append(
                BudgetItem(
                    index=index,
                    category=category if isinstance(category, str) else None,
                    title=title if isinstance(title, str) else "",
                    justification=justification if isinstance(justification, str) else "",
                    amounts=_year_map(raw.get(layout.amounts), years),
                )
            )
    totals = {y: sum((i.amounts[y] for i in items), ZERO) for y in years}
    return Budget(
        years=years,
        items=tuple(items),
        totals=totals,
        own_funds=_year_map(get_value(data, layout.own_funds), years),
        central=_year_map(get_value(data, layout.central), years),
        cap=policy.cap_per_year.value,
        caps={y: year_cap(policy, y) for y in years},
    )
