"""The first hour, scripted (issue 10): a new application filled in from the start screen by
keyboard only — Space, Tab, arrow keys, typing and the program's shortcuts, never a click and
never a value set from the test. The municipality comes from the directory with a single match,
the date of the signature is typed with a two-digit year, 2022 goes over the cap and is fixed
from „Prüfen“; the application ends with zero findings. Every key is counted, and the jump from
„Prüfen“ into the budget cell takes no key beyond the Enter that chooses the finding.

What is typed comes from the example of Gemeinde Lindenhagen (a complete application), with the
Kommune's data from the directory and no attachments (the council's decision is scheduled)."""

from __future__ import annotations

import copy
import json
from collections import Counter
from decimal import Decimal
from typing import Any

from conftest import EXAMPLES
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QWidget,
)
from uitools import focused, make_window, type_text

from zwk_desktop.domain.paths import get_value
from zwk_desktop.editing import entry
from zwk_desktop.ui.directory.extra import DirectoryAssist
from zwk_desktop.ui.window.main_window import MainWindow

NO = Qt.KeyboardModifier.NoModifier
CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
OVER_THE_CAP = "41.000"
"""What the clerk types first for the first posten in 2022: the year goes over its cap."""


class Keyboard:
    """Keys into the widget with the focus, counted."""

    def __init__(self, qtbot: Any) -> None:
        self.qtbot = qtbot
        self.count = 0
        self.log: list[str] = []

    def press(self, key: Qt.Key, modifier: Qt.KeyboardModifier = NO) -> None:
        target = focused()
        assert target is not None, "a key needs a widget with the focus"
        QTest.keyClick(target, key, modifier)
        self.count += 1
        self.log.append(f"{modifier.name}+{key.name}" if modifier != NO else key.name)

    def type(self, text: str) -> None:
        target = focused()
        assert target is not None
        type_text(target, text)
        self.count += len(text)
        self.log.append(f"„{text[:20]}“")


def target_data() -> dict[str, Any]:
    envelope = json.loads((EXAMPLES / "gemeinde-lindenhagen.zwk").read_text(encoding="utf-8"))
    data: dict[str, Any] = envelope["data"]
    data.pop("anlagen", None)
    data["voraussetzungen"]["beschluss_status"] = "terminiert"
    return data


class Clerk:
    """Fills in each page by walking it with Tab and typing what the target says."""

    def __init__(self, qtbot: Any, window: MainWindow, keys: Keyboard) -> None:
        self.qtbot, self.window, self.keys = qtbot, window, keys
        self.target = target_data()
        session = window.session
        assert session is not None
        self.session = session
        self.spec = session.spec

    # ----------------------------------------------------------------- what to type

    def wanted(self, path: str) -> Any:
        if path == "finanzplan.posten[0].betraege.2022":
            return OVER_THE_CAP
        if path.startswith("kommune.") and self.session.get(path) not in (None, ""):
            return self.session.get(path)  # from the directory
        return get_value(self.target, path)

    def text_for(self, path: str, value: Any) -> str:
        if path == "unterschrift.datum":
            return "29.6.21"  # as German offices write it
        if value == OVER_THE_CAP:
            return value
        f = self.session.field_at(path)
        kind = f.item_type if f is not None and f.type == "year_map" else f.type if f else "text"
        if kind == "money":
            return entry.show_money(value)
        if kind == "int":
            return entry.show_int(value, f.grouping if f is not None else True)
        if kind == "dec":
            return entry.show_dec(value)
        if kind == "date":
            return entry.show_date(value)
        if kind == "month":
            return entry.show_month(value)
        return str(value)

    def same(self, path: str, value: Any) -> bool:
        current = self.session.get(path)
        if isinstance(value, str) and isinstance(current, str):
            try:
                return Decimal(value) == Decimal(current)
            except ArithmeticError:
                return value.strip() == current.strip()
        return bool(current == value)

    # ----------------------------------------------------------------- one widget

    def handle(self, widget: QWidget) -> None:
        name = widget.objectName()
        path, _, code = name.partition("#")
        if isinstance(widget, QPushButton) and name.endswith(":hinzufuegen"):
            lst = name.removesuffix(":hinzufuegen")
            wanted = get_value(self.target, lst)
            if isinstance(wanted, list) and self.session.item_count(lst) < len(wanted):
                self.keys.press(Qt.Key.Key_Space)  # a new item; the focus goes into it
                self.handle_focused()
            return
        if isinstance(widget, QPushButton) and name == "unterschrift.name:vorschlag":
            if self.session.suggestion("unterschrift.name") == self.wanted("unterschrift.name"):
                self.keys.press(Qt.Key.Key_Space)
            return
        if name == "kommune.name" and not self.session.get("kommune.ags"):
            self.choose_from_directory()
            return
        if isinstance(widget, QRadioButton) and code:
            self.choose_radio(path)
            return
        if isinstance(widget, QCheckBox) and code:  # one option of a multiple choice
            wanted = self.wanted(path) or []
            if widget.isChecked() != (code in wanted):
                self.keys.press(Qt.Key.Key_Space)
            return
        value = self.wanted(path)
        if value is None or self.session.field_at(path) is None:
            return
        if isinstance(widget, QCheckBox):
            if widget.isChecked() != bool(value):
                self.keys.press(Qt.Key.Key_Space)
        elif isinstance(widget, QComboBox):
            if not self.same(path, value):
                self.choose_in_popup(widget, path, value)
        elif isinstance(widget, QLineEdit | QPlainTextEdit) and not self.same(path, value):
            self.keys.press(Qt.Key.Key_A, CTRL)
            self.keys.type(self.text_for(path, value))

    def handle_focused(self) -> None:
        widget = focused()
        if widget is not None:
            self.handle(widget)

    def choose_in_popup(self, combo: QComboBox, path: str, value: str) -> None:
        """Alt+↓ opens the list on the current entry; ↓ to the wanted one; Enter."""
        self.keys.press(Qt.Key.Key_Down, ALT)
        view = combo.view()
        self.qtbot.waitUntil(view.isVisible)
        steps = combo.findData(value) - combo.currentIndex()
        assert steps > 0, path
        for _ in range(steps):
            self.keys.press(Qt.Key.Key_Down)
        self.keys.press(Qt.Key.Key_Return)
        self.qtbot.waitUntil(lambda: not view.isVisible())
        assert self.session.get(path) == value, path

    def choose_radio(self, path: str) -> None:
        wanted = self.wanted(path)
        f = self.session.field_at(path)
        assert f is not None
        for _ in range(len(f.choices) + 1):
            if self.session.get(path) == wanted:
                return
            current = focused()
            assert isinstance(current, QRadioButton)
            if not current.isChecked() and current.objectName() == f"{path}#{wanted}":
                self.keys.press(Qt.Key.Key_Space)
            else:
                self.keys.press(Qt.Key.Key_Right)  # the next option, checked
        assert self.session.get(path) == wanted, path

    def choose_from_directory(self) -> None:
        assist = self.window.findChild(DirectoryAssist)
        assert assist is not None
        completer = assist.completers[0]
        self.keys.type("Uckerl")
        popup = completer.popup()
        self.qtbot.waitUntil(popup.isVisible)
        assert completer.model().rowCount() == 1, "a single match"
        with self.qtbot.waitSignal(completer.chosen):
            QTest.keyClick(popup, Qt.Key.Key_Down)
            QTest.keyClick(popup, Qt.Key.Key_Return)
        self.keys.count += 2
        assert self.session.get("kommune.ags") == "12073579"

    # ----------------------------------------------------------------- a page

    def fill_page(self) -> None:
        editor = self.window.editor
        assert editor is not None
        page = editor.stack.currentWidget()
        seen: Counter[str] = Counter()
        for _ in range(800):
            widget = focused()
            if widget is None or not page.isAncestorOf(widget):
                return  # Tab has left the page: Zurück / Weiter
            name = widget.objectName() or repr(widget)
            seen[name] += 1
            if seen[name] > (30 if name.endswith(":hinzufuegen") else 2):
                return
            self.handle(widget)
            self.keys.press(Qt.Key.Key_Tab)
        raise AssertionError("the page does not end")


def test_the_first_hour_by_keyboard_only(qtbot: Any) -> None:
    window = make_window(qtbot)
    window.resize(1024, 700)
    keys = Keyboard(qtbot)
    assert focused() is not None and focused().objectName() == "neu"  # type: ignore[union-attr]
    keys.press(Qt.Key.Key_Space)  # „Neue Bewerbung“
    clerk = Clerk(qtbot, window, keys)
    editor = window.editor
    assert editor is not None
    for index in range(editor.count):
        assert editor.index == index, (keys.log[-12:], focused())
        clerk.fill_page()
        keys.press(Qt.Key.Key_Right, ALT)  # the next section (the last: „Prüfen“)
    session = clerk.session
    qtbot.waitUntil(lambda: not session.stale, timeout=10_000)
    assert session.get("unterschrift.datum") == "2021-06-29"
    assert session.get("kommune.name") == "Gemeinde Uckerland"
    assert editor.index == editor.count, "on „Prüfen“"

    rows = editor.review.rows
    assert [r.finding.code for r in rows] == ["budget_year_cap"], [r.finding.message for r in rows]
    row = rows[0]
    assert focused() is row and "Für 2022" in row.finding.message
    keys.press(Qt.Key.Key_Return)  # choose the finding
    before = keys.count
    cell = focused()
    assert isinstance(cell, QLineEdit)
    assert cell.objectName() == "finanzplan.posten[0].betraege.2022"
    assert cell.selectedText() == cell.text(), "typing replaces the amount"
    correct = entry.show_money(get_value(target_data(), "finanzplan.posten[0].betraege.2022"))
    keys.type(correct)
    assert keys.count - before == len(correct), "no key between the finding and the amount"
    keys.press(Qt.Key.Key_Tab)
    keys.press(Qt.Key.Key_F8)
    qtbot.waitUntil(lambda: not session.stale, timeout=10_000)
    assert session.report.findings == ()
    assert editor.review.rows == []
    summary = editor.review.summary.text()
    assert summary.startswith("Keine Fehler und keine offenen Hinweise")
    assert copy.deepcopy(session.draft.data["kommune"]["ags"]) == "12073579"
    print(f"Tastendrücke insgesamt: {keys.count}")
    assert keys.count < 40_000  # typed texts are most of them
    assert not [k for k in keys.log if "Button" in k]
    assert all(not isinstance(w, QAbstractButton) or not w.isDown() for w in [focused()])
