"""The Prüfansicht: opens a package (folder or .eml) read-only and shows what `verify` finds.

Nothing is written: the package is read into memory and checked on a worker thread; the view
lists every check with its file and a German sentence, and says in one line whether the package
is valid.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from zwk_desktop.services.verify import VerifyReport, verify_path
from zwk_desktop.ui.export.worker import BackgroundJob

VALID_STYLE = "background:#e3f1e6; color:#14532d; padding:6px; font-weight:bold"
INVALID_STYLE = "background:#fbe4e4; color:#7f1d1d; padding:6px; font-weight:bold"


class PackageView(QDialog):
    """Read-only check of a package; emits `checked(VerifyReport)` when done."""

    checked = Signal(object)

    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self.report: VerifyReport | None = None
        self.setWindowTitle(self.tr("Prüfansicht – {name}").format(name=path.name))
        self.resize(860, 480)
        layout = QVBoxLayout(self)
        self.banner = QLabel(self.tr("Das Paket wird geprüft …"))
        self.banner.setWordWrap(True)
        self.banner.setAccessibleName(self.tr("Ergebnis der Prüfung"))
        self.banner.setMinimumHeight(2 * self.banner.fontMetrics().height() + 16)
        layout.addWidget(self.banner)
        self.kommune = QLabel()
        layout.addWidget(self.kommune)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Ergebnis"), self.tr("Datei"), self.tr("Prüfung")]
        )
        self.table.setAccessibleName(self.tr("Einzelne Prüfungen"))
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.pdf_button = QPushButton(self.tr("&PDF öffnen"))
        self.pdf_button.setEnabled(False)
        close = QPushButton(self.tr("&Schließen"))
        row.addWidget(self.pdf_button)
        row.addStretch()
        row.addWidget(close)
        layout.addLayout(row)
        self.pdf_button.clicked.connect(self.open_pdf)
        close.clicked.connect(self.accept)
        self.job = BackgroundJob(lambda progress: verify_path(path), self)
        self.job.done.connect(self.show_report)
        self.job.failed.connect(
            lambda exc: self.banner.setText(
                self.tr("Die Prüfung ist fehlgeschlagen ({kind}).").format(kind=type(exc).__name__)
            )
        )
        self.job.start()

    def show_report(self, report: VerifyReport) -> None:
        self.report = report
        if report.unreadable:
            self.banner.setText(self.tr("Nicht lesbar: {why}").format(why=report.unreadable))
            self.banner.setStyleSheet(INVALID_STYLE)
        elif report.valid:
            self.banner.setText(
                self.tr("Gültig: Alle Dateien sind unverändert, so wie sie signiert wurden.")
            )
            self.banner.setStyleSheet(VALID_STYLE)
        else:
            self.banner.setText(
                self.tr("UNGÜLTIG – verändert oder beschädigt: {files}").format(
                    files=", ".join(report.broken)
                )
            )
            self.banner.setStyleSheet(INVALID_STYLE)
        kommune = report.manifest.get("kommune") if report.manifest else None
        if isinstance(kommune, dict):
            self.kommune.setText(
                self.tr("Kommune: {name} (AGS {ags})").format(
                    name=kommune.get("name", ""), ags=kommune.get("ags", "")
                )
            )
        self.table.setRowCount(len(report.checks))
        for i, check in enumerate(report.checks):
            mark = QTableWidgetItem(self.tr("in Ordnung") if check.ok else self.tr("FEHLER"))
            mark.setForeground(Qt.GlobalColor.darkGreen if check.ok else Qt.GlobalColor.darkRed)
            self.table.setItem(i, 0, mark)
            self.table.setItem(i, 1, QTableWidgetItem(check.subject))
            self.table.setItem(i, 2, QTableWidgetItem(check.message))
        self.table.resizeRowsToContents()
        self.pdf_button.setEnabled(self.path.is_dir() and (self.path / "bewerbung.pdf").is_file())
        self.checked.emit(report)

    def open_pdf(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.path / "bewerbung.pdf")))
