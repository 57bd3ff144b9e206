"""Rules for input the whole program follows (one event filter on the application).

- **The wheel scrolls the page.** No input widget (combo box, spin box, slider) changes its
  value from a mouse wheel unless it has the keyboard focus: the wheel event goes on to the page,
  which scrolls. Such widgets never take the focus from the wheel either (``StrongFocus``
  instead of ``WheelFocus``), so scrolling a page cannot pick a category by accident.
- **The program's shortcuts win.** A text field has its own key bindings (on Linux Ctrl+E
  moves to the end of the line, Ctrl+K deletes to it); where one of them is also a documented
  shortcut of the window (Ctrl+E exports), the window's action gets the key.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent, QKeySequence, QWheelEvent
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QScrollBar,
    QWidget,
)

GUARDED = (QComboBox, QAbstractSpinBox, QAbstractSlider)
"""Widgets whose value the wheel would change (scroll bars excepted: scrolling is their job)."""


def _guarded(widget: QObject) -> bool:
    return isinstance(widget, GUARDED) and not isinstance(widget, QScrollBar)


_WHEEL = QEvent.Type.Wheel
_POLISH = QEvent.Type.Polish
_OVERRIDE = QEvent.Type.ShortcutOverride


def _no_wheel_focus(widget: QWidget) -> None:
    """Keep the focus by click and Tab, not by the wheel."""
    from PySide6.QtCore import Qt  # the Qt namespace only once a guarded widget exists

    if widget.focusPolicy() == Qt.FocusPolicy.WheelFocus:
        widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)


class InputRules(QObject):
    """The application's event filter for `GUARDED` widgets and the window's shortcuts."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == _WHEEL and _guarded(watched) and isinstance(event, QWheelEvent):
            assert isinstance(watched, QWidget)
            if not watched.hasFocus():
                scroll_instead(watched, event)
                return True
        elif kind == _POLISH and _guarded(watched):
            assert isinstance(watched, QWidget)
            _no_wheel_focus(watched)
        elif (
            kind == _OVERRIDE
            and isinstance(watched, QWidget)
            and isinstance(event, QKeyEvent)
            and window_shortcut(watched, event)
        ):
            event.ignore()  # the text field does not claim the key: the action fires
            return True
        return False


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
    position = viewport.mapFromGlobal(event.globalPosition())
    forwarded = QWheelEvent(
        position,
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
    for action in window.actions():
        if action.isEnabled() and any(pressed == s for s in action.shortcuts()):
            return True
    return False


def install(app: QApplication) -> InputRules:
    """Install the rules once per application (a second main window reuses them)."""
    existing = app.findChild(InputRules)
    if existing is not None:
        return existing
    rules = InputRules(app)
    app.installEventFilter(rules)
    for widget in app.allWidgets():  # widgets polished before the rules were installed
        if _guarded(widget):
            _no_wheel_focus(widget)
    return rules
