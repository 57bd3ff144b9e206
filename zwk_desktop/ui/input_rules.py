"""Rules for input the whole program follows, attached to the widgets they concern.

- **The wheel scrolls the page** (`guard_wheel`). No input widget (combo box, spin box, slider)
  changes its value from a mouse wheel unless it has the keyboard focus: the wheel turn goes to
  the page around it, which scrolls. Such widgets never take the focus from the wheel either
  (``StrongFocus`` instead of ``WheelFocus``), so scrolling a page cannot pick a category by
  accident.
- **The program's shortcuts win** (`prefer_window_shortcuts`). A text field has its own key
  bindings (on Linux Ctrl+E moves to the end of the line, Ctrl+K deletes to it); where one of
  them is also a shortcut of an action of the window (Ctrl+E exports), the action gets the key.
- **Text set from outside is stored** (`store_set_text`). A value that voice control or a
  screen reader sets into a line is stored as typed text is.

Each rule is an event filter on the widgets it concerns, never on the whole application: an
application-wide Python filter would see every event of every object and make PySide wrap
them all (a start-up cost of ~70 ms for the start screen alone).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent, QKeySequence, QWheelEvent
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QLineEdit, QWidget


class _WheelGuard(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Wheel
            and isinstance(watched, QWidget)
            and isinstance(event, QWheelEvent)
            and not watched.hasFocus()
        ):
            scroll_instead(watched, event)
            return True
        return False


class _ShortcutPriority(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(watched, QWidget)
            and isinstance(event, QKeyEvent)
            and window_shortcut(watched, event)
        ):
            event.ignore()  # the text field does not claim the key: the action fires
            return True
        return False


@cache
def _wheel_guard() -> _WheelGuard:
    return _WheelGuard(QApplication.instance())


@cache
def _shortcut_priority() -> _ShortcutPriority:
    return _ShortcutPriority(QApplication.instance())


def guard_wheel(widget: QWidget) -> None:
    """A combo box, spin box or slider: the wheel changes it only while it has the focus."""
    from PySide6.QtCore import Qt

    if widget.focusPolicy() == Qt.FocusPolicy.WheelFocus:
        widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    widget.installEventFilter(_wheel_guard())


def prefer_window_shortcuts(widget: QWidget) -> None:
    """A text field: the shortcuts of the window's actions win over its own key bindings."""
    widget.installEventFilter(_shortcut_priority())


def store_set_text(
    line: QLineEdit, store: Callable[[str], object], busy: Callable[[], bool]
) -> None:
    """Have `store` take text that arrives without keystrokes, as it takes typed text.

    QLineEdit reports keystrokes and pastes by `textEdited`, not a text set from outside: a
    value set through the accessibility interface (voice control and screen readers set a
    field through UI Automation's ValuePattern or AT-SPI's EditableText; Qt ends both in
    `QLineEdit.setText`) stood on screen while the draft kept the old value, and nothing
    that depends on it (the budget's sums, its cap) followed. Such text is the one change
    that leaves the line's `isModified()` false; `busy()` is true while the program fills
    the line itself."""

    def changed(text: str) -> None:
        if not line.isModified() and not busy():
            store(text)

    line.textChanged.connect(changed)


def scroll_instead(widget: QWidget, event: QWheelEvent) -> None:
    """Give a wheel event to the page around `widget` (the nearest scroll area that can
    scroll that way), as if the widget were not there."""
    area = widget.parentWidget()
    vertical = abs(event.angleDelta().y()) >= abs(event.angleDelta().x())
    while area is not None:
        if isinstance(area, QAbstractScrollArea):
            bar = area.verticalScrollBar() if vertical else area.horizontalScrollBar()
            if bar is not None and bar.maximum() > bar.minimum():
                break
        area = area.parentWidget()
    if area is None:
        event.accept()  # nothing around it scrolls: the wheel does nothing
        return
    viewport = area.viewport()
    forwarded = QWheelEvent(
        viewport.mapFromGlobal(event.globalPosition()),
        event.globalPosition(),
        event.pixelDelta(),
        event.angleDelta(),
        event.buttons(),
        event.modifiers(),
        event.phase(),
        event.inverted(),
        event.source(),
    )
    QApplication.sendEvent(viewport, forwarded)
    event.accept()


def window_shortcut(widget: QWidget, event: QKeyEvent) -> bool:
    """Whether the key is the shortcut of an enabled action of the widget's window."""
    window = widget.window()
    if window is None:
        return False
    pressed = QKeySequence(event.keyCombination())
    return any(
        action.isEnabled() and any(pressed == s for s in action.shortcuts())
        for action in window.actions()
    )
