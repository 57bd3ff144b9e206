"""The population development as a chart in the PDF, drawn with reportlab's own graphics.

The same plan as the wizard's chart (`zwk_desktop.domain.population.chart_plan`): title with the
change first → last year in %, value per year, % change per step. reportlab is imported when a
drawing is made (at export), never when this module is imported.

`population_flowables` is what the PDF builder (`zwk_desktop.services.pdf.render_pdf`) puts
after the form's population table: the Drawing (a platypus Flowable) and
`zwk_desktop.domain.population.summary(dev)` below it as a paragraph, so the change is in the
text of the PDF as well as in the picture.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal

from zwk_desktop.domain.paths import get_value
from zwk_desktop.domain.population import (
    ChartPlan,
    Development,
    chart_plan,
    development,
    summary,
    visible_labels,
)
from zwk_desktop.domain.values import MINUS
from zwk_desktop.formspec.models import FormSpec

if TYPE_CHECKING:
    from reportlab.graphics.shapes import Drawing
    from reportlab.platypus import Flowable

CHART_HEIGHT_CM = 7.0


def population_flowables(spec: FormSpec, data: Mapping[str, Any]) -> list[Flowable]:
    """The chart of the form's population table and the change in words, kept together, in the
    PDF's embedded fonts; nothing when fewer than two years have a number of inhabitants."""
    layout = spec.population
    if layout is None:
        return []
    rows = get_value(data, layout.list)
    dev = development(rows if isinstance(rows, list) else [], layout.year, layout.value)
    if dev.total is None:
        return []
    from reportlab.lib.units import cm, mm
    from reportlab.platypus import KeepTogether, Paragraph, Spacer

    from zwk_desktop.services.pdf_fonts import (
        BOLD,
        FALLBACKS,
        REGULAR,
        TextConverter,
        register_fonts,
    )
    from zwk_desktop.services.pdf_layout import WIDTH, Styles

    fonts = register_fonts()
    text = TextConverter(fonts)
    # Noto Sans has no minus sign (U+2212): it is drawn in the fallback font that has it, as
    # in the PDF's paragraphs, so that every negative number shows the same sign
    minus_font = next((f for f in FALLBACKS if fonts.has(f, MINUS)), None)
    drawing = population_drawing(
        dev, WIDTH, CHART_HEIGHT_CM * cm, REGULAR, BOLD, minus_font=minus_font
    )
    words = Paragraph(text.markup(summary(dev)), Styles().body)
    return [KeepTogether([Spacer(1, 3 * mm), drawing, Spacer(1, 2 * mm), words])]


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
    minus_font: str | None = None,
) -> Drawing:
    """A chart `width` × `height` points (default: 16 cm wide). Pass the PDF's embedded
    fonts; where a font lacks the minus sign (the standard Type 1 fonts, Noto Sans), the minus
    is drawn in `minus_font`, or written as an en dash when there is none."""
    from reportlab.graphics.shapes import Drawing, String

    bold = bold_font_name or font_name
    unicode_ok = _has_minus(font_name) and _has_minus(bold)
    if not unicode_ok and minus_font is not None and _has_minus(minus_font):
        unicode_ok, minus = True, minus_font
    else:
        minus = None
    # the initial font: else the renderer first sets an unembedded Helvetica in the PDF
    drawing = Drawing(width, height, initialFontName=font_name, initialFontSize=font_size)
    plan = chart_plan(dev)
    if plan is None:
        drawing.height = font_size * 2.5
        text = summary(dev)
        drawing.add(String(0, font_size, text, fontName=font_name, fontSize=font_size))
        return drawing
    _Chart(drawing, plan, font_name, bold, font_size, unicode_ok, minus).draw()
    return drawing


def _has_minus(font_name: str) -> bool:
    """Whether a registered font has a glyph for the typographic minus (U+2212)."""
    from reportlab.pdfbase.pdfmetrics import getFont
    from reportlab.pdfbase.ttfonts import TTFont

    font = getFont(font_name)
    return isinstance(font, TTFont) and ord(MINUS) in font.face.charToGlyph


class _Chart:
    def __init__(
        self,
        drawing: Drawing,
        plan: ChartPlan,
        font: str,
        bold: str,
        size: float,
        unicode_ok: bool,
        minus_font: str | None = None,
    ) -> None:
        self.d, self.plan, self.font, self.bold, self.size = drawing, plan, font, bold, size
        self.unicode_ok = unicode_ok
        self.minus_font = minus_font
        """Where the fonts lack the minus sign: the font it is drawn in."""
        self.small = size * 0.9
        half = max(self.width(p.value_label) for p in plan.points) / 2
        self.y0 = self.small * 2 + 20  # years and the % row below the plot
        self.y1 = drawing.height - size * 1.6 - self.small - 10
        self.tick_gap = self._tick_gap()
        self.x0 = max(self.width(t.label) for t in plan.ticks) + self.tick_gap + 3
        self.x1 = drawing.width - max(8.0, half)

    def _tick_gap(self) -> float:
        """Space between the tick labels and the plot: 5 pt, or room for the first point's
        value label where it would touch a tick label (very long numbers)."""
        first = self.plan.points[0]
        label = self.y0 + first.y * (self.y1 - self.y0) + 5  # baselines as `draw` places them
        for tick in self.plan.ticks:
            y = self.y0 + tick.y * (self.y1 - self.y0) - self.small / 3
            if abs(label - y) < 1.5 * self.small:  # ascent and descent of both lines
                return max(5.0, self.width(first.value_label) / 2 + 3)
        return 5.0

    def text(self, value: str) -> str:
        return value if self.unicode_ok else value.replace(MINUS, "–")

    def runs(self, value: str, font: str) -> list[tuple[str, str]]:
        """(font, text) pieces: the minus sign in `minus_font` where the font lacks it."""
        text = self.text(value)
        if self.minus_font is None or MINUS not in text:
            return [(font, text)]
        out: list[tuple[str, str]] = []
        for i, part in enumerate(text.split(MINUS)):
            if i:
                out.append((self.minus_font, MINUS))
            if part:
                out.append((font, part))
        return out

    def width(self, value: str, font: str | None = None, size: float | None = None) -> float:
        from reportlab.pdfbase.pdfmetrics import stringWidth

        return float(
            sum(
                stringWidth(t, f, size or self.small)
                for f, t in self.runs(value, font or self.font)
            )
        )

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
        from reportlab.pdfbase.pdfmetrics import stringWidth

        font, size = (self.bold, self.size) if bold else (self.font, self.small)
        runs = self.runs(value, font)
        if len(runs) == 1:
            self.d.add(
                String(
                    x,
                    y,
                    runs[0][1],
                    fontName=font,
                    fontSize=size,
                    fillColor=HexColor(color),
                    textAnchor=anchor,
                )
            )
            return
        total = self.width(value, font, size)
        x -= {"start": 0.0, "middle": total / 2, "end": total}[anchor]
        for run_font, text in runs:
            self.d.add(
                String(x, y, text, fontName=run_font, fontSize=size, fillColor=HexColor(color))
            )
            x += stringWidth(text, run_font, size)

    def draw(self) -> None:
        from reportlab.graphics.shapes import Circle, Line, PolyLine, Rect
        from reportlab.lib.colors import HexColor

        d, plan = self.d, self.plan
        self.string(0, d.height - self.size, plan.title, bold=True)
        self.string(0, d.height - self.size * 1.6 - self.small - 2, plan.axis_label)
        for tick in plan.ticks:
            _, y = self.at(0, tick.y)
            d.add(Line(self.x0, y, self.x1, y, strokeColor=HexColor(GRID), strokeWidth=0.5))
            self.string(self.x0 - self.tick_gap, y - self.small / 3, tick.label, anchor="end")
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
