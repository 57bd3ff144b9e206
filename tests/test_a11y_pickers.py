"""Issue 14, item 7: the calendar and the month picker for a screen reader. Day cells are
named with the full date, the arrow keys stay in the grid (into the next month too), the month
picker lets Tab reach the year and names every month with its year."""

from __future__ import annotations

from typing import Any

from a11y_events import recording
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QAbstractSpinBox, QSpinBox, QWidget
from test_ui_wizard import open_example
from uitools import focused, key, widget


def spoken_focus(heard: Any, view: QWidget) -> list[str]:
    """The names of the cells the focus events of `view` reached, as a screen reader hears them."""
    iface = QAccessible.queryAccessibleInterface(view)
    assert iface is not None
    names = []
    for event in heard.about(view, QAccessible.Event.Focus):
        cell = iface.child(event.child)
        assert cell is not None
        names.append(cell.text(QAccessible.Text.Name))
    return names


def open_calendar(qtbot: Any) -> tuple[Any, QWidget]:
    window = open_example(qtbot)
    date = widget(window, "kommune.einwohner_stand")  # 31.12.2020 in the example
    date.setFocus()
    key(date, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: focused() is not None and focused() is not date)
    return window, date


def test_day_cells_are_named_with_the_full_date_and_arrows_stay_in_the_grid(qtbot: Any) -> None:
    window, date = open_calendar(qtbot)
    grid = focused()
    assert grid is not None
    heard_names = []
    with recording() as heard:
        for k in (
            Qt.Key.Key_Left,
            Qt.Key.Key_Right,
            Qt.Key.Key_Right,
            Qt.Key.Key_Down,
            Qt.Key.Key_Up,
            Qt.Key.Key_Up,
        ):
            heard.clear()
            key(focused(), k)
            assert focused() is grid, "the arrow keys stay in the day grid"
            heard_names += spoken_focus(heard, grid)  # read at once: the month may change
    assert heard_names == [
        "Mittwoch, 30. Dezember 2020",
        "Donnerstag, 31. Dezember 2020",
        "Freitag, 1. Januar 2021",
        "Freitag, 8. Januar 2021",
        "Freitag, 1. Januar 2021",
        "Freitag, 25. Dezember 2020",
    ]
    iface = QAccessible.queryAccessibleInterface(grid)
    assert iface is not None and iface.role() == QAccessible.Role.Table
    assert iface.text(QAccessible.Text.Name) == "Dezember 2020"
    key(focused(), Qt.Key.Key_Return)
    assert window.session.get("kommune.einwohner_stand") == "2020-12-25"
    assert focused() is date


def test_opening_the_calendar_focuses_the_named_day(qtbot: Any) -> None:
    window = open_example(qtbot)
    date = widget(window, "kommune.einwohner_stand")
    date.setFocus()
    with recording() as heard:
        key(date, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
        qtbot.waitUntil(lambda: focused() is not None and focused() is not date)
        grid = focused()
        assert grid is not None
        qtbot.waitUntil(lambda: spoken_focus(heard, grid)[-1:] == ["Donnerstag, 31. Dezember 2020"])


def test_escape_closes_the_calendar_and_tab_reaches_its_month_buttons(qtbot: Any) -> None:
    _window, date = open_calendar(qtbot)
    grid = focused()
    key(grid, Qt.Key.Key_Tab)
    assert focused() is not grid and focused().accessibleName() == "Voriger Monat"  # type: ignore[union-attr]
    key(focused(), Qt.Key.Key_Escape)
    assert focused() is date


def test_month_picker_names_months_with_the_year_and_tab_reaches_the_year(qtbot: Any) -> None:
    window = open_example(qtbot)
    assert window.editor is not None
    window.editor.go_to(6)
    month = widget(window, "massnahmen.zeitplan[1].bis")  # 04.2022
    month.setFocus()
    key(month, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: focused() is not None and focused() is not month)
    april = focused()
    assert april is not None and april.accessibleName() == "April 2022"
    key(april, Qt.Key.Key_Tab)
    year = focused()
    while year is not None and not isinstance(year, QAbstractSpinBox):
        year = year.parentWidget()
    assert isinstance(year, QSpinBox), f"Tab reaches the year, not {focused()!r}"
    assert year.accessibleName() == "Jahr" and year.value() == 2022
    key(focused(), Qt.Key.Key_Tab)
    assert focused() is april, "the months are one Tab stop, and Tab is not trapped in them"
    key(april, Qt.Key.Key_PageDown)
    assert april.accessibleName() == "April 2023"
    key(april, Qt.Key.Key_Right)
    assert focused().accessibleName() == "Mai 2023"  # type: ignore[union-attr]
    key(focused(), Qt.Key.Key_Space)
    assert window.session.get("massnahmen.zeitplan[1].bis") == "2023-05"
