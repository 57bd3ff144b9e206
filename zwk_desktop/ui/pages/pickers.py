"""Date and month fields: type „20.07.2021“ or „09.2021“, or pick from a calendar (Alt+↓)."""

from __future__ import annotations

import datetime as dt
import re
from typing import ClassVar

from PySide6.QtCore import QDate, QEvent, QLocale, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCalendarWidget,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from zwk_desktop.ui.common import icon, translate
from zwk_desktop.ui.input_rules import guard_wheel


class _PickerLine(QLineEdit):
    """A line edit that opens its picker on Alt+↓, as a combo box does."""

    open_picker = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Down and event.modifiers() & Qt.KeyboardModifier.AltModifier:
            self.open_picker.emit()
            return
        super().keyPressEvent(event)


class _Picker(QWidget):
    picked = Signal(str)
    """The chosen date (YYYY-MM-DD) or month (YYYY-MM)."""

    def __init__(self, label: str, placeholder: str, button_text: str, width_sample: str) -> None:
        super().__init__()
        self.current: str | None = None
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        self.input = _PickerLine()
        self.input.setPlaceholderText(placeholder)
        self.input.setMaximumWidth(self.input.fontMetrics().horizontalAdvance(width_sample) + 24)
        self.button = QToolButton()
        self.button.setIcon(icon("kalender"))
        self.button.setToolTip(f"{button_text} (Alt+↓)")
        self.button.setAccessibleName(f"{button_text}: {label}")
        self.button.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        row.addWidget(self.input)
        row.addWidget(self.button)
        row.addStretch(1)
        self.menu = QMenu(self)
        action = QWidgetAction(self.menu)
        action.setDefaultWidget(self.popup())
        self.menu.addAction(action)
        self.button.clicked.connect(self.open)
        self.input.open_picker.connect(self.open)

    def popup(self) -> QWidget:
        raise NotImplementedError

    def prepare(self) -> QWidget:
        """Show the current value in the popup; returns the widget to focus."""
        raise NotImplementedError

    def open(self) -> None:
        target = self.prepare()
        self.menu.popup(self.input.mapToGlobal(self.input.rect().bottomLeft()))
        target.setFocus(Qt.FocusReason.PopupFocusReason)

    def choose(self, iso: str) -> None:
        self.menu.close()
        self.current = iso
        self.picked.emit(iso)
        self.input.setFocus(Qt.FocusReason.OtherFocusReason)


class DatePicker(_Picker):
    def __init__(self, label: str) -> None:
        super().__init__(
            label,
            translate("Pickers", "TT.MM.JJJJ"),
            translate("Pickers", "Kalender öffnen"),
            "00.00.00000",
        )

    def popup(self) -> QWidget:
        self.calendar = QCalendarWidget()
        # month and day names in the program's language (`install_translators` sets it)
        self.calendar.setLocale(QLocale())
        self.calendar.setGridVisible(True)
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.calendar.activated.connect(self._activated)
        self.calendar.clicked.connect(self._activated)
        return self.calendar

    def prepare(self) -> QWidget:
        try:
            day = dt.date.fromisoformat(self.current) if self.current else dt.date.today()
        except ValueError:
            day = dt.date.today()
        self.calendar.setSelectedDate(QDate(day.year, day.month, day.day))
        return self.calendar

    def _activated(self, date: QDate) -> None:
        self.choose(dt.date(date.year(), date.month(), date.day()).isoformat())


class MonthPicker(_Picker):
    def __init__(self, label: str) -> None:
        super().__init__(
            label,
            translate("Pickers", "MM.JJJJ"),
            translate("Pickers", "Monat auswählen"),
            "00.00000",
        )

    def popup(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        self.year = QSpinBox()
        guard_wheel(self.year)
        self.year.setRange(1990, 2100)
        self.year.setAccessibleName(translate("Pickers", "Jahr"))
        self.year.setPrefix(translate("Pickers", "Jahr "))
        layout.addWidget(self.year)
        grid = QGridLayout()
        self.month_buttons: list[QToolButton] = []
        locale = QLocale()
        for i in range(12):
            button = QToolButton()
            button.setText(locale.monthName(i + 1, QLocale.FormatType.ShortFormat))
            button.setAccessibleName(locale.monthName(i + 1, QLocale.FormatType.LongFormat))
            button.setCheckable(True)
            button.setAutoRaise(True)
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            button.clicked.connect(lambda _=False, m=i + 1: self._month(m))
            button.installEventFilter(self)
            grid.addWidget(button, i // 4, i % 4)
            self.month_buttons.append(button)
        layout.addLayout(grid)
        return box

    def prepare(self) -> QWidget:
        today = dt.date.today()
        year, month = today.year, today.month
        if self.current and re.fullmatch(r"\d{4}-\d{2}", self.current):
            year, month = int(self.current[:4]), int(self.current[5:])
        self.year.setValue(year)
        for i, button in enumerate(self.month_buttons, 1):
            button.setChecked(i == month)
        return self.month_buttons[max(0, min(11, month - 1))]

    STEPS: ClassVar[dict[Qt.Key, int]] = {
        Qt.Key.Key_Left: -1,
        Qt.Key.Key_Right: 1,
        Qt.Key.Key_Up: -4,
        Qt.Key.Key_Down: 4,
    }

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Arrow keys move between the months, Bild↑/Bild↓ change the year."""
        if event.type() == QEvent.Type.KeyPress and watched in self.month_buttons:
            assert isinstance(event, QKeyEvent)
            step = self.STEPS.get(Qt.Key(event.key()))
            if step is not None:
                index = self.month_buttons.index(watched) + step
                if 0 <= index < 12:
                    self.month_buttons[index].setFocus(Qt.FocusReason.OtherFocusReason)
                return True
            if event.key() in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
                self.year.stepBy(1 if event.key() == Qt.Key.Key_PageDown else -1)
                return True
        return super().eventFilter(watched, event)

    def _month(self, month: int) -> None:
        self.choose(f"{self.year.value():04d}-{month:02d}")
