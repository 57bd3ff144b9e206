"""Einstellungen: the language of the user interface (applied at the next start) and the user's
name (in comments, the change log and files written for others)."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from zwk_desktop import oserrors
from zwk_desktop.services.settings import LANGUAGES, MAX_NAME, SettingsStore
from zwk_desktop.ui.common import translate
from zwk_desktop.ui.input_rules import guard_wheel


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
        guard_wheel(self.language)
        self.language.setObjectName("sprache")
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(list(LANGUAGES).index(self.settings.language))
        label = QLabel(translate("Settings", "&Sprache der Oberfläche:"))
        label.setBuddy(self.language)
        form.addRow(label, self.language)
        self.name = QLineEdit(self.settings.user_name)
        self.name.setObjectName("einstellungen:name")
        self.name.setMaxLength(MAX_NAME)
        self.name.setAccessibleName(translate("Settings", "Ihr Name"))
        self.name.setAccessibleDescription(
            translate(
                "Settings",
                "So sehen andere, von wem Kommentare, Änderungen und Dateien stammen, etwa "
                "„Berater Müller“ oder „Frau Schmidt, Hauptamt“.",
            )
        )
        self.name.setPlaceholderText(translate("Settings", "z. B. Frau Schmidt, Hauptamt"))
        name_label = QLabel(translate("Settings", "Ihr &Name:"))
        name_label.setBuddy(self.name)
        form.addRow(name_label, self.name)
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
        chosen = replace(
            self.settings,
            language=str(self.language.currentData()),
            user_name=" ".join(self.name.text().split()),
            name_asked=True,
        )
        try:
            self.store.save(chosen)
        except OSError as exc:
            QMessageBox.warning(
                self,
                translate("Settings", "Einstellungen nicht gespeichert"),
                translate(
                    "Settings", "Die Einstellungen konnten nicht gespeichert werden ({reason})."
                ).format(reason=oserrors.cause(exc)),
            )
            return
        self.settings = chosen
        super().accept()
