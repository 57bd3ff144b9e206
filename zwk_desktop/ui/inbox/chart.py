"""The requested amounts as horizontal bars, by Land or by Art, drawn with QPainter (QtCharts is
not part of pyside6-essentials), with the same numbers in words below it for everyone, screen
readers included. The plan (bars, scale, sentence) comes from
`zwk_desktop.services.inbox.chart`."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QFontMetricsF, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from zwk_desktop.domain import formatting
from zwk_desktop.services.inbox.chart import BY_ART, BY_LAND, BarChart, requested_by
from zwk_desktop.services.inbox.model import Overview
from zwk_desktop.ui.palette import chart_colour

BAR_HEIGHT = 22
GAP = 8


def _short(amount: Decimal) -> str:
    """Scale labels: "40.000 €", "1,2 Mio. €"."""
    if amount >= 1_000_000:
        return f"{formatting.number(amount / 1_000_000, 1)} Mio. €"
    return f"{formatting.number(amount, 0)} €"


class BarChartWidget(QWidget):
    """One bar per group; the amount at the end of each bar; a scale below."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan: BarChart | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # reachable for screen readers

    def set_plan(self, plan: BarChart) -> None:
        self.plan = plan
        self.setAccessibleName(self.tr("Diagramm: {title}").format(title=plan.title))
        self.setAccessibleDescription(plan.summary)
        self.setToolTip(plan.summary)
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        bars = len(self.plan.bars) if self.plan else 1
        return QSize(560, 40 + max(1, bars) * (BAR_HEIGHT + GAP) + 2 * self.fontMetrics().height())

    def minimumSizeHint(self) -> QSize:
        return QSize(320, self.sizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().base())
        # colours from the palette (issue 14): the bars as the population chart's line
        bar_colour = chart_colour("line", self.palette())
        grid_colour = self.palette().color(QPalette.ColorRole.Mid)
        ink = self.palette().color(QPalette.ColorRole.Text)
        plan = self.plan
        metrics = QFontMetricsF(self.font())
        line = metrics.height()
        if plan is None or not plan.bars:
            painter.setPen(ink)
            painter.drawText(
                QRectF(self.rect()),
                Qt.AlignmentFlag.AlignCenter,
                self.tr("Noch keine gültige Bewerbung"),
            )
            return
        label_width = max(metrics.horizontalAdvance(b.label) for b in plan.bars) + 12
        value_width = max(metrics.horizontalAdvance(formatting.money(b.amount)) for b in plan.bars)
        left = min(label_width, self.width() * 0.35)
        right = self.width() - value_width - 16
        top = 8.0
        bottom = top + len(plan.bars) * (BAR_HEIGHT + GAP)
        top_value = plan.top or Decimal(1)
        span = max(1.0, right - left)

        def x_of(value: Decimal) -> float:
            return left + span * float(value / top_value)

        painter.setPen(QPen(grid_colour, 1))
        for tick in plan.ticks:
            x = x_of(tick)
            painter.drawLine(int(x), int(top), int(x), int(bottom))
            text = _short(tick)
            width = metrics.horizontalAdvance(text)
            painter.setPen(ink)
            painter.drawText(QRectF(x - width / 2, bottom + 4, width + 2, line), text)
            painter.setPen(QPen(grid_colour, 1))
        for i, bar in enumerate(plan.bars):
            y = top + i * (BAR_HEIGHT + GAP)
            painter.setPen(ink)
            painter.drawText(
                QRectF(0, y, left - 8, BAR_HEIGHT),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                metrics.elidedText(bar.label, Qt.TextElideMode.ElideRight, left - 8),
            )
            end = x_of(bar.amount)
            painter.fillRect(QRectF(left, y, max(1.0, end - left), BAR_HEIGHT), bar_colour)
            painter.drawText(
                QRectF(end + 6, y, value_width + 8, BAR_HEIGHT),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                formatting.money(bar.amount),
            )
        painter.end()


class RequestedChartView(QWidget):
    """A choice "nach Land" / "nach Art", the bars, and the numbers in words."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.overview: Overview | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        label = QLabel(self.tr("&Diagramm:"))
        self.choice = QComboBox()
        self.choice.setObjectName("posteingang:diagramm-auswahl")
        self.choice.setAccessibleName(self.tr("Diagramm"))
        self.choice.addItem(self.tr("Beantragt nach Land"), BY_LAND)
        self.choice.addItem(self.tr("Beantragt nach Art der Kommune"), BY_ART)
        label.setBuddy(self.choice)
        row.addWidget(label)
        row.addWidget(self.choice)
        row.addStretch()
        layout.addLayout(row)
        self.chart = BarChartWidget()
        self.chart.setObjectName("posteingang:diagramm")
        layout.addWidget(self.chart)
        self.words = QLabel()
        self.words.setObjectName("posteingang:diagramm-text")
        self.words.setAccessibleDescription(self.tr("Diagramm in Worten"))
        self.words.setWordWrap(True)
        self.words.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.words)
        self.choice.currentIndexChanged.connect(lambda _index: self.refresh())

    def set_overview(self, overview: Overview) -> None:
        self.overview = overview
        self.refresh()

    def refresh(self) -> None:
        if self.overview is None:
            return
        plan = requested_by(self.overview, str(self.choice.currentData()))
        self.chart.set_plan(plan)
        self.words.setText(plan.summary)
