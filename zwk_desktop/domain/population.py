"""The population development of the Ausgangslage: % change and a chart plan, without Qt.

`development` reads the rows of the bevoelkerung table (years × inhabitants), `summary` says
in German words what changed (first → last year and per step), and `chart_plan` lays the chart
out in unit coordinates (0..1) so that the wizard (QPainter) and the PDF (reportlab) draw the
same picture from the same numbers.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from zwk_desktop.domain import formatting
from zwk_desktop.domain.values import MINUS, int_or_none, quantize

TITLE = "Bevölkerungsentwicklung"


@dataclass(frozen=True, slots=True)
class YearValue:
    year: int
    value: int


@dataclass(frozen=True, slots=True)
class Change:
    """The change from one year to a later one."""

    start: YearValue
    end: YearValue

    @property
    def absolute(self) -> int:
        return self.end.value - self.start.value

    @property
    def percent(self) -> Decimal | None:
        """Change in percent, one decimal; None when the start value is 0."""
        if self.start.value == 0:
            return None
        raw = Decimal(self.absolute) * 100 / Decimal(self.start.value)
        return quantize(raw, Decimal("0.1"), rounding=ROUND_HALF_UP)

    @property
    def years(self) -> str:
        return f"{self.start.year}–{self.end.year}"


@dataclass(frozen=True)
class Development:
    """Years × inhabitants in year order, the change per step and first → last."""

    points: tuple[YearValue, ...]

    @property
    def steps(self) -> tuple[Change, ...]:
        return tuple(Change(a, b) for a, b in zip(self.points, self.points[1:], strict=False))

    @property
    def total(self) -> Change | None:
        return Change(self.points[0], self.points[-1]) if len(self.points) >= 2 else None


def development(
    rows: Iterable[Any], year_key: str = "jahr", value_key: str = "einwohner"
) -> Development:
    """The development of a bevoelkerung table. Rows that are not complete whole numbers are
    left out; of a year given twice, the first row counts (the validation reports the rest)."""
    seen: dict[int, int] = {}
    for row in rows:
        if not isinstance(row, Mapping):
            continue
        year, value = int_or_none(row.get(year_key)), int_or_none(row.get(value_key))
        if year is not None and value is not None and value >= 0 and year not in seen:
            seen[year] = value
    return Development(tuple(YearValue(y, seen[y]) for y in sorted(seen)))


def percent_text(change: Change) -> str:
    """ "−12,7 %", "+3,2 %", "±0,0 %"; "n. b." when it cannot be computed (start 0)."""
    pct = change.percent
    if pct is None:
        return "n. b."
    sign = "+" if pct > 0 else MINUS if pct < 0 else "±"
    return f"{sign}{formatting.number(abs(pct), 1)} %"


def _signed(number: int) -> str:
    return ("+" if number > 0 else MINUS if number < 0 else "±") + formatting.number(abs(number))


def summary(dev: Development) -> str:
    """The development in German words, for the wizard, the PDF and screen readers."""
    total = dev.total
    if total is None:
        return (
            "Für ein Diagramm der Bevölkerungsentwicklung sind mindestens zwei Jahre mit "
            "Einwohnerzahl nötig."
        )
    start, end = formatting.number(total.start.value), formatting.number(total.end.value)
    if total.absolute == 0:
        text = (
            f"Die Einwohnerzahl ist von {total.start.year} bis {total.end.year} mit {end} "
            "gleich geblieben."
        )
    else:
        verb = "gestiegen" if total.absolute > 0 else "gesunken"
        pct = total.percent
        how = (
            f"um {formatting.number(abs(pct), 1)} % {verb}"
            if pct is not None
            else f"{verb} (in Prozent nicht berechenbar, da sie {total.start.year} 0 war)"
        )
        text = (
            f"Die Einwohnerzahl ist von {total.start.year} bis {total.end.year} {how}: "
            f"von {start} auf {end} ({_signed(total.absolute)})."
        )
    if len(dev.points) > 2:
        parts = [f"{step.years}: {percent_text(step)}" for step in dev.steps]
        text += " Veränderung je Abschnitt: " + "; ".join(parts) + "."
    return text


# --------------------------------------------------------------------------- chart plan


@dataclass(frozen=True, slots=True)
class Tick:
    value: int
    label: str
    y: float
    """Height in the plot, 0 at the bottom and 1 at the top."""


@dataclass(frozen=True, slots=True)
class PlotPoint:
    year: int
    value: int
    x: float
    """0 at the first year, 1 at the last; in proportion to the years in between."""
    y: float
    value_label: str


@dataclass(frozen=True, slots=True)
class StepLabel:
    x: float
    """Middle between the two years."""
    text: str
    decline: bool


@dataclass(frozen=True)
class ChartPlan:
    title: str
    """E.g. "Bevölkerungsentwicklung 2000–2020: −22,1 %"."""
    axis_label: str
    ticks: tuple[Tick, ...]
    points: tuple[PlotPoint, ...]
    steps: tuple[StepLabel, ...]


def nice_ticks(low: int, high: int, count: int = 5) -> list[int]:
    """Round tick values covering low..high: steps of 1, 2, 2.5 or 5 times a power of ten."""
    if high <= low:
        high = low + max(1, abs(low) // 10)
    raw = (high - low) / max(1, count - 1)
    magnitude = 10 ** math.floor(math.log10(raw)) if raw >= 1 else 1
    step = next(
        m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw and m * magnitude >= 1
    )
    first = math.floor(low / step) * step
    last = math.ceil(high / step) * step
    ticks = []
    value = first
    while value <= last + step / 1000:
        ticks.append(round(value))
        value += step
    return ticks


def chart_plan(dev: Development) -> ChartPlan | None:
    """Where everything goes in the chart; None with fewer than two years."""
    total = dev.total
    if total is None:
        return None
    values = [p.value for p in dev.points]
    high = max(values)
    # The axis starts at 0: a cut axis would exaggerate a change (a decline of a fifth would
    # look like a collapse); room above the highest point for the value labels
    ticks = nice_ticks(0, high + max(1, high // 12))
    bottom, top = ticks[0], ticks[-1]
    first, last = dev.points[0].year, dev.points[-1].year

    def y_of(value: int) -> float:
        return (value - bottom) / (top - bottom)

    def x_of(year: int) -> float:
        return (year - first) / (last - first)

    return ChartPlan(
        title=f"{TITLE} {total.years}: {percent_text(total)}",
        axis_label="Einwohner",
        ticks=tuple(Tick(v, formatting.number(v), y_of(v)) for v in ticks),
        points=tuple(
            PlotPoint(p.year, p.value, x_of(p.year), y_of(p.value), formatting.number(p.value))
            for p in dev.points
        ),
        steps=tuple(
            StepLabel((x_of(s.start.year) + x_of(s.end.year)) / 2, percent_text(s), s.absolute < 0)
            for s in dev.steps
        ),
    )


def visible_labels(centres: list[float], widths: list[float], gap: float = 4) -> list[bool]:
    """Which of some labels, centred at these positions, can be drawn without overlapping:
    the first and the last always, the others left to right while they keep `gap` apart."""
    shown = [False] * len(centres)
    if not centres:
        return shown
    last = len(centres) - 1
    shown[0] = shown[last] = True
    right = centres[0] + widths[0] / 2
    stop = centres[last] - widths[last] / 2
    for i in range(1, last):
        left, end = centres[i] - widths[i] / 2, centres[i] + widths[i] / 2
        if left >= right + gap and end + gap <= stop:
            shown[i] = True
            right = end
    return shown
