"""„So versenden Sie die Bewerbung“: shown in the export dialog after „E-Mail öffnen“ when no
program opens the .eml, when the program opens it read-only (new Outlook, Thunderbird), and —
as a fallback — whenever the program cannot be told (services/mail_open.py)."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from zwk_desktop.services.mail_open import MailHandler, SendingFacts


class SendHelp(QGroupBox):
    """Recipient and subject to copy, the folder whose files to attach."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("So versenden Sie die Bewerbung"), parent)
        self.setObjectName("sendHelp")
        self.facts: SendingFacts | None = None
        layout = QVBoxLayout(self)
        self.lead = QLabel()
        self.lead.setObjectName("sendHelpLead")
        self.lead.setWordWrap(True)
        layout.addWidget(self.lead)
        form = QFormLayout()
        self.recipient = self._copy_row(form, self.tr("&An:"), "sendRecipient", "copyRecipient")
        self.subject = self._copy_row(form, self.tr("&Betreff:"), "sendSubject", "copySubject")
        layout.addLayout(form)
        self.attach = QLabel()
        self.attach.setObjectName("sendAttach")
        self.attach.setWordWrap(True)
        layout.addWidget(self.attach)
        self.open_folder = QPushButton(self.tr("Paketordner ö&ffnen"))
        self.open_folder.setObjectName("sendOpenFolder")
        self.open_folder.clicked.connect(self._open_folder)
        layout.addWidget(self.open_folder)
        self.status = QLabel()
        layout.addWidget(self.status)
        self.hide()

    def _copy_row(self, form: QFormLayout, label: str, name: str, button_name: str) -> QLineEdit:
        row = QHBoxLayout()
        field = QLineEdit()
        field.setObjectName(name)
        field.setReadOnly(True)
        field.setAccessibleName(label.replace("&", "").rstrip(":"))
        copy = QPushButton(self.tr("Kopieren"))
        copy.setObjectName(button_name)
        copy.setAccessibleName(self.tr("{what} kopieren").format(what=field.accessibleName()))
        copy.clicked.connect(lambda: self._copy(field))
        row.addWidget(field, 1)
        row.addWidget(copy)
        caption = QLabel(label)
        caption.setBuddy(field)
        form.addRow(caption, row)
        return field

    def _copy(self, field: QLineEdit) -> None:
        QGuiApplication.clipboard().setText(field.text())
        self.status.setText(self.tr("Kopiert: {text}").format(text=field.text()))

    def _open_folder(self) -> None:
        if self.facts is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.facts.folder)))

    def show_for(self, facts: SendingFacts, handler: MailHandler, opened: bool) -> None:
        self.facts = facts
        program = handler.program or self.tr("das E-Mail-Programm")
        if not opened:
            lead = self.tr(
                "Auf diesem Rechner öffnet kein Programm die E-Mail-Datei (.eml). Versenden Sie "
                "die Bewerbung deshalb von Hand aus Ihrem E-Mail-Programm:"
            )
        elif handler.reads_as_received:
            lead = self.tr(
                "{program} öffnet die E-Mail-Datei nur zum Lesen, nicht als Entwurf zum Senden. "
                "Versenden Sie die Bewerbung deshalb von Hand:"
            ).format(program=program)
        else:
            lead = self.tr(
                "Die E-Mail ist in {program} geöffnet: bitte prüfen und senden. Erscheint sie "
                "nur zum Lesen, versenden Sie die Bewerbung so:"
            ).format(program=program)
        self.lead.setText(lead)
        self.recipient.setText(facts.recipient)
        self.subject.setText(facts.subject)
        self.attach.setText(
            self.tr(
                "Hängen Sie alle {n} Dateien des Paketordners an (auch die im Unterordner "
                "„anlagen“), ohne sie umzubenennen oder zu packen:\n{folder}"
            ).format(n=len(facts.files), folder=facts.folder)
        )
        self.status.setText("")
        self.show()
