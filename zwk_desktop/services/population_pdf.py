"""The population development as a chart in the PDF, drawn with reportlab's own graphics.

The same plan as the wizard's chart (`zwk_desktop.domain.population.chart_plan`): title with the
change first → last year in %, value per year, % change per step. reportlab is imported when a
drawing is made (at export), never when this module is imported.

The PDF builder inserts the returned Drawing (a platypus Flowable) and puts
`zwk_desktop.domain.population.summary(dev)` below it as a paragraph, so the change is in the
text of the PDF as well as in the picture.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from zwk_desktop.domain.population import (
    MINUS,
    ChartPlan,
    Development,
    chart_plan,
    summary,
    visible_labels,
)

if TYPE_CHECKING:
    from reportlab.graphics.shapes import Drawing

LINE = "#1f5fa8"
DECLINE = "#a4262c"
GROWTH = "#2b7a0b"
GRID = "#d0d4da"
TEXT = "#1a1a1a"


def population_drawing(
    dev: Development,
    width: float = 453.0,
    height: float = 200.0,
    font_name: str = "Helvetica",
    bold_font_name: str | None = None,
    font_size: float = 8.0,
) -> Drawing:
    """A chart `width` × `height` points (default: 16 cm wide). Pass the PDF's embedded
    fonts; with a standard Type 1 font the minus sign is written as an en dash, which those
    fonts have."""
    from reportlab.graphics.shapes import Drawing, String
    from reportlab.pdfbase.pdfmetrics import getFont
    from reportlab.pdfbase.ttfonts import TTFont

    bold = bold_font_name or font_name
    unicode_ok = isinstance(getFont(font_name), TTFont) and isinstance(getFont(bold), TTFont)
    # the initial font: else the renderer first sets an unembedded Helvetica in the PDF
    drawing = Drawing(width, height, initialFontName=font_name, initialFontSize=font_size)
    plan = chart_plan(dev)
    if plan is None:
        drawing.height = font_size * 2.5
        text = summary(dev)
        drawing.add(String(0, font_size, text, fontName=font_name, fontSize=font_size))
        return drawing
    _Chart(drawing, plan, font_name, bold, font_size, unicode_ok).draw()
    return drawing


class _Chart:
    def __init__(
        self,
        drawing: Drawing,
        plan: ChartPlan,
        font: str,
        bold: str,
        size: float,
        unicode_ok: bool,
    ) -> None:
        self.d, self.plan, self.font, self.bold, self.size = drawing, plan, font, bold, size
        self.unicode_ok = unicode_ok
        self.small = size * 0.9
        left = max(self.width(t.label) for t in plan.ticks) + 8
        half = max(self.width(p.value_label) for p in plan.points) / 2
        self.x0, self.x1 = left, drawing.width - max(8.0, half)
        self.y0 = self.small * 2 + 20  # years and the % row below the plot
        self.y1 = drawing.height - size * 1.6 - self.small - 10

    def text(self, value: str) -> str:
        return value if self.unicode_ok else value.replace(MINUS, "–")

    def width(self, value: str) -> float:
        from reportlab.pdfbase.pdfmetrics import stringWidth

        return float(stringWidth(self.text(value), self.font, self.small))

    def at(self, x: float, y: float) -> tuple[float, float]:
        return self.x0 + x * (self.x1 - self.x0), self.y0 + y * (self.y1 - self.y0)

    def string(
        self,
        x: float,
        y: float,
        value: str,
        anchor: Literal["start", "middle", "end"] = "start",
        color: str = TEXT,
        bold: bool = False,
    ) -> None:
        from reportlab.graphics.shapes import String
        from reportlab.lib.colors import HexColor

        self.d.add(
            String(
                x,
                y,
                self.text(value),
                fontName=self.bold if bold else self.font,
                fontSize=self.size if bold else self.small,
                fillColor=HexColor(color),
                textAnchor=anchor,
            )
        )

    def draw(self) -> None:
        from reportlab.graphics.shapes import Circle, Line, PolyLine, Rect
        from reportlab.lib.colors import HexColor

        d, plan = self.d, self.plan
        self.string(0, d.height - self.size, plan.title, bold=True)
        self.string(0, d.height - self.size * 1.6 - self.small - 2, plan.axis_label)
        for tick in plan.ticks:
            _, y = self.at(0, tick.y)
            d.add(Line(self.x0, y, self.x1, y, strokeColor=HexColor(GRID), strokeWidth=0.5))
            self.string(self.x0 - 5, y - self.small / 3, tick.label, anchor="end")
        d.add(Line(self.x0, self.y0, self.x1, self.y0, strokeColor=HexColor(TEXT), strokeWidth=0.6))
        coords = [c for p in plan.points for c in self.at(p.x, p.y)]
        d.add(PolyLine(coords, strokeColor=HexColor(LINE), strokeWidth=1.8, strokeLineCap=1))
        for point in plan.points:
            x, y = self.at(point.x, point.y)
            d.add(Circle(x, y, 2.6, fillColor=HexColor(LINE), strokeColor=None))

        xs = [self.at(p.x, 0)[0] for p in plan.points]
        self._labels(xs, [p.value_label for p in plan.points],
                     [self.at(0, p.y)[1] + 5 for p in plan.points])  # fmt: skip
        self._labels(xs, [str(p.year) for p in plan.points], [self.y0 - self.small - 5] * len(xs))
        step_xs = [self.at(s.x, 0)[0] for s in plan.steps]
        widths = [self.width(s.text) + 8 for s in plan.steps]
        y = self.y0 - 2 * self.small - 14
        for x, w, step, shown in zip(
            step_xs, widths, plan.steps, visible_labels(step_xs, widths), strict=True
        ):
            if not shown:
                continue
            color = DECLINE if step.decline else GROWTH
            pill = Rect(x - w / 2, y - 3, w, self.small + 5, rx=3, ry=3)
            pill.strokeColor, pill.fillColor, pill.strokeWidth = HexColor(color), None, 0.6
            d.add(pill)
            self.string(x, y, step.text, anchor="middle", color=color)

    def _labels(self, xs: list[float], texts: list[str], ys: list[float]) -> None:
        widths = [self.width(t) for t in texts]
        for x, y, value, shown in zip(xs, ys, texts, visible_labels(xs, widths), strict=True):
            if shown:
                self.string(x, y, value, anchor="middle")
