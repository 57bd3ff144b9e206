"""The Prüfansicht: opens a package (folder or .eml) read-only and shows what `verify` finds.

Nothing is written: the package is read into memory and checked on a worker thread; the view
lists every check with its file and a sentence (through `service_text`, in the language of the
window), and says in one line whether the package is valid. With trust anchors (the folder in
the settings) it also says whether the signer's certificate was issued by a trusted authority;
without, that only integrity was checked.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl, Signal
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
from zwk_desktop.ui.common import fit_to_screen, service_line, service_text, translate
from zwk_desktop.ui.export.worker import BackgroundJob
from zwk_desktop.ui.palette import banner_style, severity_colour


class PackageView(QDialog):
    """Read-only check of a package; emits `checked(VerifyReport)` when done."""

    checked = Signal(object)

    def __init__(
        self, path: Path, parent: QWidget | None = None, trust: Path | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("pruefansicht")
        self.path = path
        self.trust = trust
        self.report: VerifyReport | None = None
        self.setWindowTitle(self.tr("Prüfansicht – {name}").format(name=path.name))
        fit_to_screen(self, 860, 480)
        layout = QVBoxLayout(self)
        self.banner = QLabel(self.tr("Das Paket wird geprüft …"))
        self.banner.setWordWrap(True)
        self.banner.setAccessibleName(self.tr("Ergebnis der Prüfung"))
        self.banner.setMinimumHeight(2 * self.banner.fontMetrics().height() + 16)
        layout.addWidget(self.banner)
        self.banner.setObjectName("pruefergebnis")
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
        self.notes = QLabel()
        self.notes.setObjectName("pruefhinweise")
        self.notes.setAccessibleName(self.tr("Was nicht geprüft wurde"))
        self.notes.setWordWrap(True)
        layout.addWidget(self.notes)
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
        self.job = BackgroundJob(lambda progress: check(path, trust), self)
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
            self.banner.setText(
                self.tr("Nicht lesbar: {why}").format(why=service_line(report.unreadable))
            )
            self.banner.setStyleSheet(banner_style("invalid"))
        elif report.paper and report.valid:
            self.banner.setText(
                self.tr(
                    "Gültig (Papierweg): {json} stimmt mit der unterschriebenen "
                    "Papierfassung überein."
                ).format(json=report.json_name or "ZWK-Bewerbung_<AGS>_<Kommune>.json")
            )
            self.banner.setStyleSheet(banner_style("valid"))
        elif report.paper and not _changed(report):
            self.banner.setText(
                self.tr(
                    "Nicht bestätigt – Papierweg ohne elektronische Signatur: ob die Daten der "
                    "unterschriebenen Papierfassung entsprechen, zeigt ihr QR-Code "
                    "(zwk-desktop verify … --papier …)."
                )
            )
            self.banner.setStyleSheet(banner_style("invalid"))
        elif report.valid and report.trust is not None:
            trust = service_text(report.trust.message)
            self.banner.setText(self.tr("Gültig und {trust}.").format(trust=trust))
            self.banner.setStyleSheet(banner_style("valid"))
        elif report.valid:
            self.banner.setText(
                self.tr("Gültig: Alle Dateien sind unverändert, so wie sie signiert wurden.")
            )
            self.banner.setStyleSheet(banner_style("valid"))
        elif report.trust is not None and not report.trust.trusted and not _changed(report):
            self.banner.setText(
                self.tr("Unverändert, aber {trust}").format(
                    trust=service_text(report.trust.message)
                )
            )
            self.banner.setStyleSheet(banner_style("invalid"))
        else:
            self.banner.setText(
                self.tr(
                    "UNGÜLTIG – verändert, unvollständig oder nicht von der unterzeichnenden "
                    "Person signiert: {files}"
                ).format(files=", ".join(service_text(b) for b in report.broken))
            )
            self.banner.setStyleSheet(banner_style("invalid"))
        lines = []
        kommune = report.manifest.get("kommune") if report.manifest else None
        if isinstance(kommune, dict):
            lines.append(
                self.tr("Kommune: {name} (AGS {ags})").format(
                    name=kommune.get("name", ""), ags=kommune.get("ags", "")
                )
            )
        if report.signer is not None:
            lines.append(self.tr("Signiert von: {name}").format(name=report.signer.name))
        if report.signatory is not None:
            lines.append(
                self.tr("Unterzeichnende Person laut Angaben: {who}").format(
                    who=report.signatory.label
                )
            )
        if report.signer is not None and report.signer.self_signed:
            lines.append(
                self.tr(
                    "Selbst ausgestelltes Zertifikat: es belegt, dass nichts verändert wurde, "
                    "nicht, wer signiert hat."
                )
            )
        self.kommune.setText("\n".join(lines))
        self.kommune.setWordWrap(True)
        self.table.setRowCount(len(report.checks))
        for i, check in enumerate(report.checks):
            mark = QTableWidgetItem(self.tr("in Ordnung") if check.ok else self.tr("FEHLER"))
            mark.setForeground(severity_colour("ok" if check.ok else "error"))
            self.table.setItem(i, 0, mark)
            # a file's name as it is; "Angaben", "Unterzeichnung" … and the sentence translated
            self.table.setItem(i, 1, QTableWidgetItem(service_text(check.subject)))
            self.table.setItem(i, 2, QTableWidgetItem(service_text(check.message)))
        self.table.resizeRowsToContents()
        self.notes.setText("\n".join(service_text(n) for n in report.notes))
        self.pdf_button.setEnabled(self.pdf is not None)
        self.checked.emit(report)

    @property
    def pdf(self) -> Path | None:
        """The package's signed PDF on disk (a folder's, not one inside an e-mail)."""
        if self.report is None or not self.report.pdf_name:
            return None
        folder = self.path if self.path.is_dir() else self.path.parent
        candidate = folder / self.report.pdf_name
        return candidate if self.path.suffix.lower() != ".eml" and candidate.is_file() else None

    def open_pdf(self) -> None:
        if self.pdf is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.pdf)))


def _changed(report: VerifyReport) -> bool:
    """Whether a file or the data failed (not only the trust or the paper confirmation)."""
    from zwk_desktop.services.verify_report import PAPER_SUBJECT, TRUST_SUBJECT

    return any(b not in (TRUST_SUBJECT, PAPER_SUBJECT) for b in report.broken)


def check(path: Path, trust: Path | None) -> VerifyReport:
    """`verify_path` with the anchors of `trust` (unreadable anchors are reported as such)."""
    from zwk_desktop.services.trust import TrustError, load_anchors

    if trust is None:
        return verify_path(path)
    try:
        anchors = load_anchors(trust)
    except TrustError as exc:
        return VerifyReport(
            str(path),
            unreadable=translate(
                "PackageView", "Die Vertrauensanker aus den Einstellungen: {why}"
            ).format(why=service_text(str(exc))),
        )
    return verify_path(path, anchors=anchors)
