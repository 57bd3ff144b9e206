"""The requested amounts as a bar chart, planned without Qt: bars, a round scale, and the same
numbers as one German sentence for everyone who does not see the bars (screen readers).

The window draws the plan with QPainter (QtCharts is not part of pyside6-essentials).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal

from zwk_desktop.domain import formatting
from zwk_desktop.services.inbox.model import TOTAL, Overview, Totals

BY_LAND, BY_ART = "land", "art"
TITLES = {BY_LAND: "Beantragt nach Land", BY_ART: "Beantragt nach Art der Kommune"}


@dataclass(frozen=True)
class Bar:
    key: str
    """The code (Bundesland or Art)."""
    label: str
    amount: Decimal
    count: int


@dataclass(frozen=True)
class BarChart:
    title: str
    bars: tuple[Bar, ...]
    ticks: tuple[Decimal, ...]
    """Values of the scale's lines, from 0 to the top of the scale."""
    summary: str
    """The chart in words."""

    @property
    def top(self) -> Decimal:
        return self.ticks[-1] if self.ticks else Decimal(0)


def _ticks(largest: Decimal) -> tuple[Decimal, ...]:
    """0 and 3–6 round steps (1, 2, 2.5 or 5 × a power of ten) up to at least `largest`."""
    if largest <= 0:
        return (Decimal(0),)
    magnitude = Decimal(10) ** (len(str(int(largest))) - 1)
    for factor in (Decimal("0.1"), Decimal("0.2"), Decimal("0.25"), Decimal("0.5"), 1, 2):
        step = magnitude * factor
        if largest / step <= 6:
            break
    count = math.ceil(largest / step)
    return tuple(step * i for i in range(count + 1))


def _applications(n: int) -> str:
    return "1 Bewerbung" if n == 1 else f"{n} Bewerbungen"


def requested_by(overview: Overview, dimension: str) -> BarChart:
    """Requested in total (valid, current applications) per Land or per Art, in the form's order."""
    groups: dict[str, Totals] = (
        overview.summary.by_land if dimension == BY_LAND else overview.summary.by_art
    )
    names = overview.land_names if dimension == BY_LAND else overview.art_names
    bars = tuple(
        Bar(code, names.get(code, code) or "ohne Angabe", totals.beantragt[TOTAL], totals.count)
        for code, totals in groups.items()
    )
    title = TITLES[dimension]
    if not bars:
        summary = f"{title}: noch keine gültige Bewerbung."
    else:
        parts = [f"{b.label} {formatting.money(b.amount)} ({_applications(b.count)})" for b in bars]
        summary = f"{title} (gültige, aktuelle Bewerbungen): {'; '.join(parts)}."
    return BarChart(title, bars, _ticks(max((b.amount for b in bars), default=Decimal(0))), summary)
