"""Nothing vanishes silently in the window (services/crashlog.py): an uncaught exception (also
in a slot or another thread) is logged and shown in a German error dialog with „Protokoll
öffnen“ and „Kopieren“; Qt's own warnings go to the same log.

`install_error_handling(app)` is called once when the program starts; the dialog itself
(ui/dialogs/error_dialog.py) is imported when the first error happens.
"""

from __future__ import annotations

import contextlib
import sys
import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QMessageLogContext,
    QObject,
    QtMsgType,
    Signal,
    qInstallMessageHandler,
)
from PySide6.QtWidgets import QApplication

from zwk_desktop.services import crashlog

if TYPE_CHECKING:
    from zwk_desktop.ui.dialogs.error_dialog import ErrorDialog


class _Bridge(QObject):
    """Carries reports from any thread to the GUI thread (always queued: the dialog opens
    once the failing code has returned to the event loop)."""

    report = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.dialog: ErrorDialog | None = None
        self._connected = False
        self._connecting = threading.Lock()

    def send(self, report: crashlog.CrashReport) -> None:
        """The excepthook's `show`: hand `report` to the GUI thread (any thread)."""
        with self._connecting:
            if not self._connected:
                # connected on the first error: naming Qt.ConnectionType builds PySide6's whole
                # Qt namespace (~25 ms), which the start screen does without
                from PySide6.QtCore import Qt

                self.report.connect(self._show, Qt.ConnectionType.QueuedConnection)
                self._connected = True
        self.report.emit(report)

    def _show(self, report: crashlog.CrashReport) -> None:
        if self.dialog is not None and self.dialog.isVisible():
            return  # one dialog at a time; the log has every error
        from PySide6.QtCore import Qt

        from zwk_desktop.ui.dialogs.error_dialog import ErrorDialog  # on the first error

        parent = QApplication.activeWindow()
        self.dialog = ErrorDialog(report, parent)
        self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog.finished.connect(self._closed)
        self.dialog.open()

    def _closed(self) -> None:
        self.dialog = None


_bridge: _Bridge | None = None

_LEVELS = {
    QtMsgType.QtWarningMsg: "WARNING",
    QtMsgType.QtCriticalMsg: "ERROR",
    QtMsgType.QtFatalMsg: "ERROR",
}


def qt_message(mode: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """Qt's message handler: warnings and errors to the log (and to stderr, when there is one)."""
    level = _LEVELS.get(mode)
    if level is None:
        return  # debug and info messages are not kept
    where = f" ({context.category})" if context.category and context.category != "default" else ""
    crashlog.write(level, f"Qt{where}: {message}")
    if sys.stderr is not None:
        with contextlib.suppress(OSError, ValueError):
            print(message, file=sys.stderr)


def install_error_handling(app: QApplication) -> None:
    """The excepthook with the error dialog, and Qt's message handler; once per program run."""
    global _bridge
    if _bridge is None:
        _bridge = _Bridge()
        _bridge.setParent(app)
    crashlog.install(_bridge.send)
    qInstallMessageHandler(qt_message)
