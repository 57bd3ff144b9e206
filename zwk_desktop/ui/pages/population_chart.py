"""The population development as a chart in the wizard (drawn with QPainter: QtCharts is not
part of pyside6-essentials), with the change in % in words below it for everyone, screen
readers included.

Use `PopulationChartView` on the Ausgangslage page and call `set_rows` with the rows of
``ausgangslage.bevoelkerung`` whenever the table changes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from zwk_desktop.domain.population import (
    ChartPlan,
    Development,
    chart_plan,
    development,
    summary,
    visible_labels,
)
from zwk_desktop.ui.palette import CHART_PAIRS, chart_colour, current

LINE = QColor(CHART_PAIRS["line"][0])
"""The line's colour on a light background (`chart_colour` picks it by the palette)."""


class PopulationChart(QWidget):
    """Years × inhabitants as a line with the value at each year and the % change per step."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._plan: ChartPlan | None = None
        self._summary = summary(Development(()))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # reachable for screen readers
        self.setAccessibleName(self.tr("Diagramm: Bevölkerungsentwicklung"))
        self.setAccessibleDescription(self._summary)

    def set_development(self, dev: Development) -> None:
        self._plan = chart_plan(dev)
        self._summary = summary(dev)
        self.setAccessibleDescription(self._summary)
        self.setToolTip(self._summary)
        self.update()

    @property
    def plan(self) -> ChartPlan | None:
        return self._plan

    def sizeHint(self) -> QSize:
        return QSize(520, 280)

    def minimumSizeHint(self) -> QSize:
        return QSize(320, 240)

    # -- painting

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text = self.palette().color(self.foregroundRole())
        if self._plan is None:
            painter.setPen(text)
            painter.drawText(
                QRectF(self.rect()).adjusted(8, 8, -8, -8),
                Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                self._summary,
            )
            return
        _Painter(painter, self._plan, QRectF(self.rect()), self.font(), text).draw()
        painter.end()


class _Painter:
    """Draws one chart plan into a rectangle."""

    def __init__(
        self, painter: QPainter, plan: ChartPlan, area: QRectF, font: QFont, text: QColor
    ) -> None:
        self.p, self.plan, self.text = painter, plan, text
        palette = current()
        self.line = chart_colour("line", palette)
        self.decline = chart_colour("decline", palette)
        self.growth = chart_colour("growth", palette)
        self.grid = palette.color(QPalette.ColorRole.Mid)
        self.font = QFont(font)
        self.bold = QFont(font)
        self.bold.setBold(True)
        self.small = QFont(font)
        self.small.setPointSizeF(max(7.0, font.pointSizeF() * 0.9))
        fm, sm = QFontMetricsF(self.font), QFontMetricsF(self.small)
        self.line_h, self.small_h = fm.height(), sm.height()
        left = max(sm.horizontalAdvance(t.label) for t in plan.ticks) + 12
        half_label = max(sm.horizontalAdvance(p.value_label) for p in plan.points) / 2
        top = self.line_h * 1.5 + self.small_h + 14  # title, axis label, room above the top
        bottom = self.small_h * 2 + 18
        self.area = area
        self.plot = area.adjusted(left, top, -max(12.0, half_label), -bottom)

    def at(self, x: float, y: float) -> QPointF:
        r = self.plot
        return QPointF(r.left() + x * r.width(), r.bottom() - y * r.height())

    def draw(self) -> None:
        p, plan, r = self.p, self.plan, self.plot
        p.setFont(self.bold)
        p.setPen(self.text)
        p.drawText(
            QRectF(self.area.left() + 4, self.area.top() + 2, self.area.width() - 8, self.line_h),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            plan.title,
        )
        p.setFont(self.small)
        sm = QFontMetricsF(self.small)
        p.drawText(
            QPointF(self.area.left() + 4, self.area.top() + self.line_h * 1.5 + sm.ascent()),
            plan.axis_label,
        )
        for tick in plan.ticks:
            y = self.at(0, tick.y).y()
            p.setPen(QPen(self.grid, 1))
            p.drawLine(QPointF(r.left(), y), QPointF(r.right(), y))
            p.setPen(self.text)
            box = QRectF(self.area.left(), y - self.small_h / 2, r.left() - self.area.left() - 6,
                         self.small_h)  # fmt: skip
            p.drawText(box, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, tick.label)
        p.setPen(QPen(self.text, 1))
        p.drawLine(QPointF(r.left(), r.bottom()), QPointF(r.right(), r.bottom()))

        path = QPainterPath(self.at(plan.points[0].x, plan.points[0].y))
        for point in plan.points[1:]:
            path.lineTo(self.at(point.x, point.y))
        p.setPen(QPen(self.line, 2.5, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        p.drawPath(path)
        p.setBrush(self.line)
        for point in plan.points:
            p.drawEllipse(self.at(point.x, point.y), 4, 4)
        p.setBrush(Qt.BrushStyle.NoBrush)

        xs = [self.at(point.x, 0).x() for point in plan.points]
        values = [point.value_label for point in plan.points]
        p.setPen(self.text)
        self._labels(xs, values, lambda i: self.at(0, plan.points[i].y).y() - 8 - self.small_h)
        years = [str(point.year) for point in plan.points]
        self._labels(xs, years, lambda i: r.bottom() + 4)
        steps = plan.steps
        step_xs = [self.at(s.x, 0).x() for s in steps]
        texts = [s.text for s in steps]
        shown = visible_labels(step_xs, [sm.horizontalAdvance(t) + 10 for t in texts])
        y = r.bottom() + 8 + self.small_h
        for x, step, visible in zip(step_xs, steps, shown, strict=True):
            if not visible:
                continue
            width = sm.horizontalAdvance(step.text) + 10
            pill = QRectF(x - width / 2, y, width, self.small_h + 2)
            color = self.decline if step.decline else self.growth
            p.setPen(QPen(color, 1))
            p.drawRoundedRect(pill, 4, 4)
            p.drawText(pill, Qt.AlignmentFlag.AlignCenter, step.text)

    def _labels(self, xs: list[float], texts: list[str], top: Callable[[int], float]) -> None:
        sm = QFontMetricsF(self.small)
        widths = [sm.horizontalAdvance(t) for t in texts]
        for i, visible in enumerate(visible_labels(xs, widths)):
            if visible:
                box = QRectF(xs[i] - widths[i] / 2 - 2, top(i), widths[i] + 4, self.small_h)
                self.p.drawText(box, Qt.AlignmentFlag.AlignCenter, texts[i])


class PopulationChartView(QWidget):
    """The chart and, below it, the development in words (selectable, read by screen readers)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart = PopulationChart(self)
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setAccessibleName(self.tr("Bevölkerungsentwicklung in Worten"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.chart)
        layout.addWidget(self.text)
        self.set_rows(())

    def set_rows(
        self, rows: Iterable[Any], year_key: str = "jahr", value_key: str = "einwohner"
    ) -> None:
        """Show the rows of ``ausgangslage.bevoelkerung`` (dicts with jahr and einwohner)."""
        dev = development(rows, year_key, value_key)
        self.chart.set_development(dev)
        self.chart.setFixedHeight(280 if dev.total is not None else 60)
        self.text.setText(summary(dev))
