"""„Unerwarteter Fehler“: the dialog that shows one unexpected error (ui/dialogs/error.py shows
it; it is imported when the first error happens, not at start-up)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
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
