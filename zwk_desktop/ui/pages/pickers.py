"""Date and month fields: type „20.07.2021“ or „09.2021“, or pick from a calendar (Alt+↓)."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import ClassVar

from babel.dates import format_date
from PySide6.QtCore import QEvent, QLocale, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from zwk_desktop.ui.common import translate
from zwk_desktop.ui.input_rules import guard_wheel
from zwk_desktop.ui.palette import tinted_icon


class _PickerLine(QLineEdit):
    """A line edit that opens its picker on Alt+↓, as a combo box does."""

    open_picker = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Down and event.modifiers() & Qt.KeyboardModifier.AltModifier:
            self.open_picker.emit()
            return
        super().keyPressEvent(event)


class _Popup(QFrame):
    """The picker's popup: a plain popup window, not a menu, so that Tab walks its controls
    and the arrow keys stay in its grid (a QMenu takes both for its own items, issue 14).
    Escape closes it and gives the focus back to the field."""

    def __init__(self, field: QWidget) -> None:
        super().__init__(field, Qt.WindowType.Popup)
        self.field = field
        self.setFrameShape(QFrame.Shape.StyledPanel)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close()
            self.field.setFocus(Qt.FocusReason.PopupFocusReason)
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
        self.button.setIcon(tinted_icon("kalender"))
        self.button.setToolTip(f"{button_text} (Alt+↓)")
        self.button.setAccessibleName(f"{button_text}: {label}")
        self.button.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        row.addWidget(self.input)
        row.addWidget(self.button)
        row.addStretch(1)
        self.menu = _Popup(self.input)
        self.menu.setAccessibleName(f"{button_text}: {label}")
        QVBoxLayout(self.menu).addWidget(self.popup())
        self.button.clicked.connect(self.open)
        self.input.open_picker.connect(self.open)

    def popup(self) -> QWidget:
        raise NotImplementedError

    def prepare(self) -> QWidget:
        """Show the current value in the popup; returns the widget to focus."""
        raise NotImplementedError

    def open(self) -> None:
        target = self.prepare()
        self.menu.adjustSize()
        self.menu.move(self.input.mapToGlobal(self.input.rect().bottomLeft()))
        self.menu.show()
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
        self.calendar = CalendarGrid()
        self.calendar.chosen.connect(self._chosen)
        return self.calendar

    def prepare(self) -> QWidget:
        try:
            day = dt.date.fromisoformat(self.current) if self.current else dt.date.today()
        except ValueError:
            day = dt.date.today()
        self.calendar.show_day(day)
        return self.calendar.grid

    def _chosen(self, day: dt.date) -> None:
        self.choose(day.isoformat())


def spoken_date(day: dt.date) -> str:
    """„Montag, 6. September 2021“ in the program's language (CLDR's full date format)."""
    return format_date(day, format="full", locale=QLocale().name())


class _DayGrid(QTableWidget):
    """The days of one month, a week per row. The arrow keys move by a day or a week and
    stay in the grid, going on into the neighbouring month; Bild↑/Bild↓ change the month,
    Pos1/Ende go to its first and last day, Eingabe or Leertaste choose."""

    moved = Signal(object)
    chosen = Signal(object)

    STEPS: ClassVar[dict[Qt.Key, int]] = {
        Qt.Key.Key_Left: -1,
        Qt.Key.Key_Right: 1,
        Qt.Key.Key_Up: -7,
        Qt.Key.Key_Down: 7,
    }

    def __init__(self) -> None:
        super().__init__(6, 7)
        self.day = dt.date.today()
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setTabKeyNavigation(False)
        vertical = self.verticalHeader()
        if vertical is not None:
            vertical.hide()
        horizontal = self.horizontalHeader()
        if horizontal is not None:
            horizontal.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        locale = QLocale()
        for column in range(7):
            head = QTableWidgetItem(locale.dayName(column + 1, QLocale.FormatType.ShortFormat))
            head.setData(
                Qt.ItemDataRole.AccessibleTextRole,
                locale.dayName(column + 1, QLocale.FormatType.LongFormat),
            )
            self.setHorizontalHeaderItem(column, head)
        self.itemActivated.connect(self._picked)
        self.itemClicked.connect(self._picked)

    def focusInEvent(self, event: QFocusEvent) -> None:
        """Entering the grid says the current day (Qt says only the table otherwise)."""
        super().focusInEvent(event)
        # after Qt's focus event for the table itself, which follows this handler
        QTimer.singleShot(0, self._focus_current)

    def _focus_current(self) -> None:
        current = self.currentIndex()
        if current.isValid() and self.hasFocus():
            self.currentChanged(current, QModelIndex())  # Qt's focus event for the cell

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        day = self.day
        if key in self.STEPS:
            self.moved.emit(day + dt.timedelta(days=self.STEPS[key]))
        elif key in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
            self.moved.emit(_add_months(day, -1 if key == Qt.Key.Key_PageUp else 1))
        elif key == Qt.Key.Key_Home:
            self.moved.emit(day.replace(day=1))
        elif key == Qt.Key.Key_End:
            self.moved.emit(_add_months(day.replace(day=1), 1) - dt.timedelta(days=1))
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.chosen.emit(day)
        else:
            super().keyPressEvent(event)

    def _picked(self, item: QTableWidgetItem) -> None:
        value = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(value, str):
            self.chosen.emit(dt.date.fromisoformat(value))


def _add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


class CalendarGrid(QWidget):
    """A month as a table for assistive technology: columns headed by the weekdays, every day
    a cell named with its full date („Montag, 6. September 2021“), buttons for the months
    before and after. Replaces QCalendarWidget, whose day cells say only „6“ (issue 14)."""

    chosen = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("kalender")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        self.previous = QToolButton()
        self.previous.setArrowType(Qt.ArrowType.LeftArrow)
        self.previous.setAccessibleName(translate("Pickers", "Voriger Monat"))
        self.previous.setToolTip(translate("Pickers", "Voriger Monat (Bild↑)"))
        self.next = QToolButton()
        self.next.setArrowType(Qt.ArrowType.RightArrow)
        self.next.setAccessibleName(translate("Pickers", "Nächster Monat"))
        self.next.setToolTip(translate("Pickers", "Nächster Monat (Bild↓)"))
        self.title = QLabel()
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        bar.addWidget(self.previous)
        bar.addWidget(self.title, 1)
        bar.addWidget(self.next)
        layout.addLayout(bar)
        self.grid = _DayGrid()
        self.grid.setObjectName("kalender:tage")
        layout.addWidget(self.grid)
        self.grid.moved.connect(self.show_day)
        self.grid.chosen.connect(self.chosen)
        self.previous.clicked.connect(lambda: self.show_day(_add_months(self.grid.day, -1)))
        self.next.clicked.connect(lambda: self.show_day(_add_months(self.grid.day, 1)))
        self.setTabOrder(self.grid, self.previous)
        self.setTabOrder(self.previous, self.next)
        self._shown: tuple[int, int] | None = None

    def show_day(self, day: dt.date) -> None:
        """Show `day`'s month with `day` as the current cell."""
        grid = self.grid
        grid.day = day
        if self._shown != (day.year, day.month):
            self._fill(day.year, day.month)
        first = day.replace(day=1).weekday()
        row, column = divmod(first + day.day - 1, 7)
        grid.setCurrentCell(row, column)

    def _fill(self, year: int, month: int) -> None:
        grid = self.grid
        self._shown = (year, month)
        month_name = QLocale().standaloneMonthName(month, QLocale.FormatType.LongFormat)
        self.title.setText(f"{month_name} {year}")
        grid.setAccessibleName(f"{month_name} {year}")
        grid.clearContents()
        first = dt.date(year, month, 1)
        days = calendar.monthrange(year, month)[1]
        for n in range(days):
            day = first + dt.timedelta(days=n)
            row, column = divmod(first.weekday() + n, 7)
            item = QTableWidgetItem(str(day.day))
            item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            item.setData(Qt.ItemDataRole.UserRole, day.isoformat())
            item.setData(Qt.ItemDataRole.AccessibleTextRole, spoken_date(day))
            grid.setItem(row, column, item)
        for row in range(6):
            for column in range(7):
                if grid.item(row, column) is None:
                    empty = QTableWidgetItem()
                    empty.setFlags(Qt.ItemFlag.NoItemFlags)
                    grid.setItem(row, column, empty)
        grid.resizeColumnsToContents()


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
            button.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # see `_rove`
            button.clicked.connect(lambda _=False, m=i + 1: self._month(m))
            button.installEventFilter(self)
            grid.addWidget(button, i // 4, i % 4)
            self.month_buttons.append(button)
        layout.addLayout(grid)
        self.year.valueChanged.connect(self._name_months)
        return box

    def _name_months(self, year: int) -> None:
        """Each month is heard with its year („April 2022“), also after Bild↑/Bild↓."""
        locale = QLocale()
        for i, button in enumerate(self.month_buttons, 1):
            name = locale.standaloneMonthName(i, QLocale.FormatType.LongFormat)
            button.setAccessibleName(f"{name} {year}")

    def _rove(self, button: QToolButton) -> None:
        """The months are one Tab stop (the year is the other): only the month reached last
        takes the focus by Tab; the arrow keys move between the months."""
        for other in self.month_buttons:
            other.setFocusPolicy(
                Qt.FocusPolicy.StrongFocus if other is button else Qt.FocusPolicy.ClickFocus
            )

    def prepare(self) -> QWidget:
        today = dt.date.today()
        year, month = today.year, today.month
        if self.current and re.fullmatch(r"\d{4}-\d{2}", self.current):
            year, month = int(self.current[:4]), int(self.current[5:])
        self.year.setValue(year)
        self._name_months(year)
        for i, button in enumerate(self.month_buttons, 1):
            button.setChecked(i == month)
        target = self.month_buttons[max(0, min(11, month - 1))]
        self._rove(target)
        return target

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
                    self._rove(self.month_buttons[index])
                    self.month_buttons[index].setFocus(Qt.FocusReason.OtherFocusReason)
                return True
            if event.key() in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
                self.year.stepBy(1 if event.key() == Qt.Key.Key_PageDown else -1)
                return True
        return super().eventFilter(watched, event)

    def _month(self, month: int) -> None:
        self.choose(f"{self.year.value():04d}-{month:02d}")
