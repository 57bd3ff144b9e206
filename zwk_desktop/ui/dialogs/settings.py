"""Einstellungen: the language of the user interface (applied at the next start) and the trust
anchors of the Prüfansicht."""

from __future__ import annotations

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
        trust_label = QLabel(translate("Settings", "&Vertrauensanker (Prüfansicht):"))
        trust_label.setBuddy(self.trust)
        form.addRow(trust_label, trust_row)
        layout.addLayout(form)
        trust_note = QLabel(
            translate(
                "Settings",
                "Ein Ordner mit den Zertifikaten (PEM oder DER) der Stellen, deren Signaturen "
                "als vertrauenswürdig gelten. Ohne ihn prüft die Prüfansicht nur, dass ein Paket "
                "unverändert ist, nicht wer es signiert hat.",
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
        chosen = Settings(
            language=str(self.language.currentData()), trust_folder=self.trust.text().strip()
        )
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
