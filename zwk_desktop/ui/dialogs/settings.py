"""Einstellungen: the language of the user interface (applied at the next start)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from zwk_desktop.services.settings import LANGUAGES, Settings, SettingsStore
from zwk_desktop.ui.common import translate


class SettingsDialog(QDialog):
    def __init__(self, store: SettingsStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("einstellungen")
        self.store = store
        self.settings = store.load()
        self.setWindowTitle(translate("Settings", "Einstellungen"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.language = QComboBox()
        self.language.setObjectName("sprache")
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(list(LANGUAGES).index(self.settings.language))
        label = QLabel(translate("Settings", "&Sprache der Oberfläche:"))
        label.setBuddy(self.language)
        form.addRow(label, self.language)
        layout.addLayout(form)
        note = QLabel(
            translate(
                "Settings",
                "Die Sprache wird beim nächsten Start des Programms übernommen. Die Inhalte des "
                "Bewerbungsbogens bleiben deutsch.",
            )
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def accept(self) -> None:
        chosen = Settings(language=str(self.language.currentData()))
        try:
            self.store.save(chosen)
        except OSError as exc:
            QMessageBox.warning(
                self,
                translate("Settings", "Einstellungen nicht gespeichert"),
                translate(
                    "Settings", "Die Einstellungen konnten nicht gespeichert werden ({reason})."
                ).format(reason=exc.strerror or str(exc)),
            )
            return
        self.settings = chosen
        super().accept()
