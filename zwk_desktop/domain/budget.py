"""The budget of an application: totals per year, the requested amount, the headroom to the cap.

One computation for the budget rules, the budget page and the PDF. Amounts that cannot be read
count as zero here; the validation reports them separately.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from zwk_desktop.domain.paths import get_value
from zwk_desktop.domain.values import read_money
from zwk_desktop.formspec.models import FormSpec

ZERO = Decimal("0.00")


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
    first_year_cap: Decimal
    """The cap of the first year scaled to its funded months (exact, not rounded)."""
    first_year_months: int

    @property
    def requested(self) -> dict[str, Decimal]:
        """Requested per year: the items' sum minus own funds."""
        return {y: self.totals[y] - self.own_funds[y] for y in self.years}

    @property
    def headroom(self) -> dict[str, Decimal]:
        """How much more could be requested per year (negative: over the cap)."""
        return {y: self.cap - r for y, r in self.requested.items()}

    @property
    def total(self) -> Decimal:
        return sum(self.totals.values(), ZERO)

    @property
    def total_requested(self) -> Decimal:
        return sum(self.requested.values(), ZERO)

    @property
    def total_cap(self) -> Decimal:
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
    months = len(policy.first_year_months.value)
    return Budget(
        years=years,
        items=tuple(items),
        totals=totals,
        own_funds=_year_map(get_value(data, layout.own_funds), years),
        central=_year_map(get_value(data, layout.central), years),
        cap=policy.cap_per_year.value,
        first_year_cap=policy.cap_per_year.value * months / 12,
        first_year_months=months,
    )
