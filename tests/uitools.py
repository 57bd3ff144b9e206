"""Driving the real window in tests: find widgets by objectName, type with key events.

`QTest.keyClicks` asserts on characters outside its ASCII table (ä, é, „ and € crash the test
process), so `type_text` sends those as key events carrying their text, as a keyboard layout
does.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from zwk_desktop.app import build_services
from zwk_desktop.ui.window.main_window import MainWindow


def make_window(qtbot: Any) -> MainWindow:
    """The real main window on the draft store of the test's data folder; closing it at the end
    of the test saves the open draft and ends its run, as when a user quits."""
    window = MainWindow(build_services())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    with qtbot.waitActive(window):
        window.activateWindow()
    return window


def widget(window: QWidget, name: str) -> QWidget:
    found = window.findChild(QWidget, name)
    assert found is not None, f"no widget named {name!r}"
    return found


def type_text(target: QWidget, text: str) -> None:
    """Type `text` into `target` key by key."""
    run = ""
    for ch in text:
        if ch.isascii() and ch.isprintable():
            run += ch
            continue
        if run:
            QTest.keyClicks(target, run)
            run = ""
        if ch == "\n":
            QTest.keyClick(target, Qt.Key.Key_Return)
        else:
            _key_with_text(target, ch)
    if run:
        QTest.keyClicks(target, run)


def _key_with_text(target: QWidget, ch: str) -> None:
    upper = ch.upper()
    code = ord(upper) if len(upper) == 1 and ord(upper) < 0x100 else Qt.Key.Key_unknown.value
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        event = QKeyEvent(kind, code, Qt.KeyboardModifier.NoModifier, ch)
        QApplication.sendEvent(target, event)


def key(
    target: QWidget, k: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    QTest.keyClick(target, k, modifier)


def focused() -> QWidget | None:
    return QApplication.focusWidget()


def shortcut(window: QWidget, keys: str) -> None:
    """Press a shortcut like "Alt+Right" in the widget that has the focus (as a user would)."""
    from PySide6.QtGui import QKeySequence

    combo = QKeySequence(keys)[0]
    target = QApplication.focusWidget() or window
    QTest.keyClick(target, combo.key(), combo.keyboardModifiers())


@contextmanager
def answering_message_box(
    qtbot: Any, window: QWidget, button: QMessageBox.StandardButton
) -> Iterator[list[str]]:
    """Answer the next modal message box by pressing the key of `button`; yields its texts.
    Afterwards the window is active again (as the window manager would make it)."""
    texts: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, answer)
            return
        texts.append(box.text())
        target = box.button(button)
        assert target is not None
        target.setFocus()
        QTest.keyClick(target, Qt.Key.Key_Space)

    QTimer.singleShot(0, answer)
    yield texts
    with qtbot.waitActive(window):
        window.activateWindow()


def title_and_state(window: Any) -> str:
    """The window title with the save state of the status bar put in before the program's
    name („Gemeinde X – Gespeichert 14:32 – ZWK Desktop“), as the title showed it before issue
    14 took the state out of it (screen readers read every change of the title)."""
    title: str = window.windowTitle()
    state: str = window.save_state.text()
    if not state:
        return title
    head, _, app = title.rpartition(" – ")
    return f"{head} – {state} – {app}"
