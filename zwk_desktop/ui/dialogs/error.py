"""Nothing vanishes silently in the window (services/crashlog.py): an uncaught exception (also
in a slot or another thread) is logged and shown in a German error dialog with „Protokoll
öffnen“ and „Kopieren“; Qt's own warnings go to the same log.

`install_error_handling(app)` is called once when the program starts.
"""

from __future__ import annotations

import contextlib
import sys

from PySide6.QtCore import (
    QMessageLogContext,
    QObject,
    Qt,
    QtMsgType,
    QUrl,
    Signal,
    qInstallMessageHandler,
)
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from zwk_desktop.services import crashlog
from zwk_desktop.ui.common import service_text


class ErrorDialog(QDialog):
    """„Unerwarteter Fehler“: what happened in German, the log entry, open it or copy it."""

    def __init__(self, report: crashlog.CrashReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report = report
        self.setObjectName("errorDialog")
        self.setWindowTitle(self.tr("Unerwarteter Fehler"))
        layout = QVBoxLayout(self)
        message = QLabel(service_text(report.message))
        message.setObjectName("errorMessage")
        message.setWordWrap(True)
        message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(message)
        details = QPlainTextEdit(report.details)
        details.setObjectName("errorDetails")
        details.setReadOnly(True)
        details.setAccessibleName(self.tr("Protokolleintrag"))
        details.setAccessibleDescription(
            self.tr("Enthält keine persönlichen Daten und keine Passphrasen.")
        )
        layout.addWidget(details)
        buttons = QDialogButtonBox()
        self.open_log = QPushButton(self.tr("Protokoll &öffnen"))
        self.open_log.setObjectName("openLog")
        self.open_log.setEnabled(report.log is not None)
        self.open_log.clicked.connect(self._open_log)
        self.copy = QPushButton(self.tr("&Kopieren"))
        self.copy.setObjectName("copyReport")
        self.copy.clicked.connect(self._copy)
        buttons.addButton(self.open_log, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.copy, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setObjectName("closeError")
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.status = QLabel("")
        self.status.setObjectName("errorStatus")
        layout.addWidget(self.status)
        close.setFocus()
        self.resize(640, 360)

    def _open_log(self) -> None:
        log = self.report.log
        if log is None:
            return
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(log))):
            # no program for .log files: at least the folder
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(log.parent)))
        self.status.setText(self.tr("Protokoll: {path}").format(path=log))

    def _copy(self) -> None:
        text = f"{self.report.message}\n\n{self.report.details}"
        QGuiApplication.clipboard().setText(text)
        self.status.setText(self.tr("In die Zwischenablage kopiert."))


class _Bridge(QObject):
    """Carries reports from any thread to the GUI thread."""

    report = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.dialog: ErrorDialog | None = None
        self.report.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def _show(self, report: crashlog.CrashReport) -> None:
        if self.dialog is not None and self.dialog.isVisible():
            return  # one dialog at a time; the log has every error
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
    crashlog.install(_bridge.report.emit)
    qInstallMessageHandler(qt_message)
