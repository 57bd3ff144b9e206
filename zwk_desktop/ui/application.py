"""The desktop program: a window that opens a draft and lists its findings by section."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from zwk_desktop import __version__
from zwk_desktop.domain.draft import DraftError, read_draft
from zwk_desktop.formspec import get_form
from zwk_desktop.validation import validate_draft
from zwk_desktop.validation.findings import SEVERITY_LABELS


class FindingsWindow(QMainWindow):
    """Opens a draft file and lists what the validation finds, grouped by section."""

    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle(self.tr("ZWK Desktop"))
        self.resize(900, 600)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        self.summary = QLabel(self.tr("Öffnen Sie einen Entwurf mit Datei → Öffnen… (Strg+O)."))
        self.summary.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setObjectName("findings")
        self.tree.setHeaderLabels([self.tr("Art"), self.tr("Feld"), self.tr("Meldung")])
        self.tree.setAccessibleName(self.tr("Prüfergebnis"))
        self.tree.setWordWrap(True)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree)
        self.setCentralWidget(central)
        menu = self.menuBar().addMenu(self.tr("&Datei"))
        open_action = QAction(self.tr("Ö&ffnen…"), self)
        open_action.setShortcut(QKeySequence.StandardKey.Open)
        open_action.triggered.connect(self.choose_file)
        menu.addAction(open_action)
        quit_action = QAction(self.tr("&Beenden"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        menu.addAction(quit_action)

    def choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Entwurf öffnen"), "", self.tr("ZWK-Entwürfe (*.zwk *.json)")
        )
        if name:
            self.open_file(Path(name))

    def open_file(self, path: Path) -> None:
        try:
            draft = read_draft(path)
            spec = get_form(draft.form_id, draft.form_version)
        except DraftError as exc:
            QMessageBox.warning(self, self.tr("Entwurf nicht lesbar"), str(exc))
            return
        except KeyError:
            QMessageBox.warning(
                self,
                self.tr("Formular unbekannt"),
                self.tr("Der Entwurf gehört zu einem Formular, das nicht installiert ist."),
            )
            return
        report = validate_draft(spec, draft)
        self.setWindowTitle(f"{draft.title} – ZWK Desktop")
        self.tree.clear()
        for section_id, findings in report.by_section().items():
            section = spec.section_index.get(section_id)
            top = QTreeWidgetItem([section.title if section else section_id, "", ""])
            self.tree.addTopLevelItem(top)
            for f in findings:
                QTreeWidgetItem(top, [SEVERITY_LABELS[f.severity], f.path, f.message])
            top.setExpanded(True)
        self.summary.setText(
            self.tr("{name}: {errors} Fehler, {warnings} Hinweise").format(
                name=draft.title, errors=len(report.errors), warnings=len(report.warnings)
            )
        )


def run(argv: list[str]) -> int:
    app = QApplication.instance() or QApplication([sys.argv[0], *argv])
    assert isinstance(app, QApplication)
    app.setApplicationName("ZWK Desktop")
    app.setApplicationVersion(__version__)
    window = FindingsWindow()
    window.show()
    files = [a for a in argv if not a.startswith("-")]
    if files:
        window.open_file(Path(files[0]))
    if "--quit-after-start" in argv:
        from PySide6.QtCore import QTimer

        QTimer.singleShot(0, app.quit)
    return int(app.exec())


__all__ = ["FindingsWindow", "Qt", "run"]
