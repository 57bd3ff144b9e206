"""Einstellungen: the language of the user interface (applied at the next start), the user's
name (in comments, the change log and files written for others) and the trust anchors of the
Prüfansicht."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from zwk_desktop import oserrors
from zwk_desktop.services.settings import LANGUAGES, MAX_NAME, SettingsStore
from zwk_desktop.ui.common import service_text, translate
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
        trust_row = QHBoxLayout()
        self.trust = QLineEdit(self.settings.trust_folder)
        self.trust.setObjectName("vertrauensanker")
        self.trust.setAccessibleName(translate("Settings", "Vertrauensanker"))
        self.trust.setPlaceholderText(translate("Settings", "leer: nur die Unversehrtheit prüfen"))
        choose = QPushButton(translate("Settings", "&Ordner wählen…"))
        choose.setObjectName("vertrauensanker_waehlen")
        choose.clicked.connect(self._choose_trust)
        trust_row.addWidget(self.trust, 1)
        trust_row.addWidget(choose)
        trust_label = QLabel(translate("Settings", "&Vertrauensanker (Prüfansicht, Posteingang):"))
        trust_label.setBuddy(self.trust)
        form.addRow(trust_label, trust_row)
        layout.addLayout(form)
        trust_note = QLabel(
            translate(
                "Settings",
                "Ein Ordner mit den Zertifikaten (PEM oder DER) der Stellen, deren Signaturen "
                "als vertrauenswürdig gelten. Ohne ihn prüfen Prüfansicht und Posteingang nur, "
                "dass ein Paket unverändert ist, nicht wer es signiert hat; im Posteingang "
                "braucht ein darunter ausgestelltes Zertifikat keine telefonische Bestätigung.",
            )
        )
        trust_note.setWordWrap(True)
        layout.addWidget(trust_note)
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

    def _choose_trust(self) -> None:
        name = QFileDialog.getExistingDirectory(
            self, translate("Settings", "Ordner der Vertrauensanker wählen"), self.trust.text()
        )
        if name:
            self.trust.setText(name)

    def accept(self) -> None:
        chosen = replace(
            self.settings,
            language=str(self.language.currentData()),
            user_name=" ".join(self.name.text().split()),
            name_asked=True,
            trust_folder=self.trust.text().strip(),
        )
        try:
            self.store.save(chosen)
        except OSError as exc:
            QMessageBox.warning(
                self,
                translate("Settings", "Einstellungen nicht gespeichert"),
                translate(
                    "Settings", "Die Einstellungen konnten nicht gespeichert werden ({reason})."
                ).format(reason=service_text(oserrors.cause(exc))),
            )
            return
        self.settings = chosen
        super().accept()
