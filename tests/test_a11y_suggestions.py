"""Issue 14, item 10: the directory's suggestions for a screen reader. Opening the list says how
many there are (with German plural forms), every Down gives the row reached a focus event, and
a row is one sentence, not the same sentence once per column."""

from __future__ import annotations

from typing import Any

from a11y_events import recording
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from test_ui_directory import picker, type_text

from zwk_desktop.directory import Directory, default_directory


def test_opening_the_suggestions_says_how_many(qtbot: Any) -> None:
    completer = picker(qtbot, default_directory())
    completer.line_edit.setFocus()
    with recording() as heard:
        type_text(qtbot, completer.line_edit, "Ahorn")
        qtbot.waitUntil(completer.popup().isVisible)
        n = completer.model().rowCount()
        assert n > 1
        assert heard.announcements()[-1] == f"{n} Vorschläge"
        heard.clear()
        type_text(qtbot, completer.line_edit, "X")  # no suggestion left: the list closes
        assert not completer.popup().isVisible()


def test_one_suggestion_is_counted_in_the_singular(qtbot: Any) -> None:
    completer = picker(qtbot, default_directory())
    with recording() as heard:
        type_text(qtbot, completer.line_edit, "09473112")
        qtbot.waitUntil(completer.popup().isVisible)
    assert completer.model().rowCount() == 1
    said = heard.announcements()
    assert said[-1] == "1 Vorschlag"
    assert len(said) == len(set(said)), "said again only when the number changes"


def test_each_down_reaches_a_row_with_a_focus_event_and_is_read_once(qtbot: Any) -> None:
    completer = picker(qtbot, default_directory())
    type_text(qtbot, completer.line_edit, "Ahorn")
    popup = completer.popup()
    qtbot.waitUntil(popup.isVisible)
    columns = completer.model().columnCount()
    with recording() as heard:
        for row in range(3):
            heard.clear()
            qtbot.keyClick(popup, Qt.Key.Key_Down)
            focus = heard.about(popup, QAccessible.Event.Focus)
            assert len(focus) == 1, f"Down {row + 1}: {heard.events}"
            assert focus[0].child == (row + 1) * columns  # the header row comes first
            tree = QAccessible.queryAccessibleInterface(popup)
            assert tree is not None
            cells = [tree.child((row + 1) * columns + c) for c in range(columns)]
            names = [cell.text(QAccessible.Text.Name) for cell in cells if cell is not None]
            sentence = completer.model().index(row, 0).data(Qt.ItemDataRole.AccessibleTextRole)
            assert names[0] == sentence
            spoken = " ".join(names)
            assert spoken.count(sentence) == 1 and spoken.strip() == sentence, names


def test_the_sentence_carries_every_column(qtbot: Any) -> None:
    directory: Directory = default_directory()
    completer = picker(qtbot, directory)
    type_text(qtbot, completer.line_edit, "Ahorn")
    qtbot.waitUntil(completer.popup().isVisible)
    model = completer.model()
    for row in range(model.rowCount()):
        sentence = model.index(row, 0).data(Qt.ItemDataRole.AccessibleTextRole)
        for column in range(model.columnCount()):
            assert str(model.index(row, column).data()) in sentence
