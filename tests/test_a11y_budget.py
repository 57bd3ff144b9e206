"""Issue 14, item 6: the budget's sums, requested amounts, caps and headroom are a table for
assistive technology: table role, row and column headers, read-only cells reached by the
keyboard; a year over its cap says so in the description of its cells and amount fields."""

from __future__ import annotations

from typing import Any

from a11y_events import recording
from conftest import EXAMPLES
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QAbstractItemView, QTableWidget
from test_a11y_announce import go_to_section
from test_ui_wizard import replace_text
from uitools import focused, key, make_window, widget


def open_budget(qtbot: Any) -> tuple[Any, QTableWidget]:
    window = make_window(qtbot)
    window.open_example(EXAMPLES / "gemeinde-lindenhagen.zwk")
    go_to_section(window, "finanzplan")
    table = widget(window, "finanzplan:uebersicht")
    assert isinstance(table, QTableWidget)
    return window, table


def headers(table: QTableWidget) -> tuple[list[str], list[str]]:
    iface = QAccessible.queryAccessibleInterface(table)
    assert iface is not None
    columns, rows = [], []
    for i in range(iface.childCount()):
        child = iface.child(i)
        if child is None:
            continue
        if child.role() == QAccessible.Role.ColumnHeader:
            columns.append(child.text(QAccessible.Text.Name))
        elif child.role() == QAccessible.Role.RowHeader:
            rows.append(child.text(QAccessible.Text.Name))
    return columns, rows


def test_the_budget_totals_are_a_table_with_headers(qtbot: Any) -> None:
    window, table = open_budget(qtbot)
    iface = QAccessible.queryAccessibleInterface(table)
    assert iface is not None and iface.role() == QAccessible.Role.Table
    assert iface.text(QAccessible.Text.Name) == "Übersicht der Beträge je Jahr"
    years = window.session.spec.policy.year_keys
    columns, rows = headers(table)
    assert [c for c in columns if c] == [*years, "Summe"]
    assert rows[-4:] == ["Summe der Posten", "Beantragt", "Höchstgrenze", "Spielraum"]
    posten = window.session.item_count("finanzplan.posten")
    assert table.rowCount() == posten + 4
    cap = table.item(table.rowCount() - 2, 1)
    assert cap is not None
    assert cap.text() == widget(window, f"finanzplan:hoechstgrenze:{years[1]}").text()  # type: ignore[attr-defined]


def test_the_cells_are_read_only_and_reached_by_the_keyboard(qtbot: Any) -> None:
    _window, table = open_budget(qtbot)
    assert table.focusPolicy() & Qt.FocusPolicy.TabFocus
    assert table.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers
    table.setFocus()
    iface = QAccessible.queryAccessibleInterface(table)
    assert iface is not None
    spoken = []
    with recording() as heard:
        key(table, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
        for k in (Qt.Key.Key_Right, Qt.Key.Key_Down):
            heard.clear()
            key(table, k)
            events = heard.about(table, QAccessible.Event.Focus)
            assert events, k
            cell = iface.child(events[-1].child)
            assert cell is not None
            assert not cell.state().editable
            spoken.append(cell.text(QAccessible.Text.Name))
    row, column = table.currentRow(), table.currentColumn()
    assert (row, column) == (1, 1)
    current = table.item(row, column)
    assert current is not None and spoken[-1] == current.text()
    key(table, Qt.Key.Key_F2)
    assert focused() is table, "no editor opens"
    key(table, Qt.Key.Key_Tab)
    assert focused() is not table, "Tab leaves the table: one stop"


def test_over_the_cap_is_in_the_description_of_the_cells_and_amounts(qtbot: Any) -> None:
    window, table = open_budget(qtbot)
    years = list(window.session.spec.policy.year_keys)
    column = years.index("2022")
    last = table.rowCount() - 1
    requested, headroom = table.item(last - 2, column), table.item(last, column)
    assert requested is not None and headroom is not None
    description = Qt.ItemDataRole.AccessibleDescriptionRole
    assert not headroom.data(description)
    amount = widget(window, "finanzplan.posten[0].betraege.2022")
    replace_text(amount, "900000")
    assert headroom.data(description) == "Höchstgrenze überschritten"
    assert requested.data(description) == "Höchstgrenze überschritten"
    assert "über der Höchstgrenze" in headroom.text()
    other = widget(window, "finanzplan.posten[1].betraege.2022")
    assert "Höchstgrenze 2022 um" in other.accessibleDescription()
    assert (
        "Höchstgrenze 2022"
        not in widget(window, "finanzplan.posten[0].betraege.2023").accessibleDescription()
    )
    replace_text(amount, "1")
    assert not headroom.data(description)
    assert "Höchstgrenze 2022" not in other.accessibleDescription()
