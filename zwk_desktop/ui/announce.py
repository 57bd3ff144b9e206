"""Short spoken messages for screen readers (issue 14): the one place the window announces.

A change the user did not move the focus to (an item removed or moved, a Gemeinde taken from
the directory, the budget over its cap, a file written, a drafts-list action done) is told
briefly in German through Qt's `QAccessibleAnnouncementEvent` (Qt ≥ 6.8; the program needs
PySide6 ≥ 6.8). Qt hands it to the platform: UI Automation's notification event on Windows
(NVDA and JAWS read it), AT-SPI's ``object:announcement`` on Linux (Orca), NSAccessibility's
announcement on macOS.

Announce only what the user caused and does not see at the focus: never the autosave state,
which changes after every pause in typing.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QApplication

POLITE = QAccessible.AnnouncementPoliteness.Polite
ASSERTIVE = QAccessible.AnnouncementPoliteness.Assertive


def announce(source: QObject | None, message: str, *, assertive: bool = False) -> None:
    """Have the screen reader say `message` (already translated) once.

    `source`: the widget the message is about (its window decides where the message belongs);
    without one, the widget with the focus or the active window. Polite messages wait until
    the screen reader has finished what it says; assertive ones (errors) interrupt it."""
    message = " ".join(message.split())
    if not message:
        return
    if source is None:
        source = QApplication.focusWidget() or QApplication.activeWindow()
    if source is None or not QAccessible.isActive():
        return  # no assistive technology listens: Qt would drop the event anyway
    event = QAccessibleAnnouncementEvent(source, message)
    event.setPoliteness(ASSERTIVE if assertive else POLITE)
    QAccessible.updateAccessibility(event)
