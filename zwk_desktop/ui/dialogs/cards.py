"""Signature cards in the GUI (issue 17): setting a card up as a signing identity, and the PIN
prompt that says whether the card reader has a PIN pad.

`CardDialog` looks for the card software (PKCS#11 modules) at the usual places or where the
user points, lists the certificates of the cards present with their preflight status, and
records the chosen one (`services.tokens.add_token_identity`); no PIN is needed for that.
`PinDialog` asks for the PIN at every signature; it is never stored.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from zwk_desktop.services.identities import Identity, IdentityError, IdentityStore
from zwk_desktop.services.token_keys import PinPrompt, PinRequest
from zwk_desktop.ui.common import service_text, translate


class PinDialog(QDialog):
    """The PIN of a signature card: typed here, or on the reader's PIN pad."""

    def __init__(self, request: PinRequest, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pin_dialog")
        self.request = request
        self.setWindowTitle(self.tr("PIN der Signaturkarte"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr("Signieren als {who} mit der Karte „{card}“.").format(
                who=request.identity_label, card=request.token_label
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.pad = QLabel(
            self.tr(
                "Ihr Kartenleser hat ein PIN-Feld: Geben Sie die PIN nach „Signieren“ am "
                "Kartenleser ein, nicht am Computer."
            )
            if request.pin_pad
            else self.tr(
                "Der Kartenleser hat kein PIN-Feld: Geben Sie die PIN hier ein. Sie wird bei "
                "jeder Signatur abgefragt und nie gespeichert."
            )
        )
        self.pad.setObjectName("pin_pad_hinweis")
        self.pad.setWordWrap(True)
        layout.addWidget(self.pad)
        self.reason = QLabel(service_text(request.reason))
        self.reason.setObjectName("pin_grund")
        self.reason.setWordWrap(True)
        self.reason.setVisible(bool(request.reason))
        layout.addWidget(self.reason)
        self.pin = QLineEdit()
        self.pin.setObjectName("pin")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setAccessibleName(self.tr("PIN"))
        if not request.pin_pad:
            form = QFormLayout()
            label = QLabel(self.tr("&PIN:"))
            label.setBuddy(self.pin)
            form.addRow(label, self.pin)
            layout.addLayout(form)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("&Signieren"))
        self.ok.setObjectName("pin_signieren")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.pin.textChanged.connect(lambda text: self.ok.setEnabled(request.pin_pad or bool(text)))
        self.ok.setEnabled(request.pin_pad)

    def value(self) -> str:
        return "" if self.request.pin_pad else self.pin.text()

    @staticmethod
    def prompt(parent: QWidget | None) -> PinPrompt:
        """A `PinPrompt` that shows this dialog modally."""

        def ask(request: PinRequest) -> str | None:
            dialog = PinDialog(request, parent)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            return dialog.value()

        return ask


@dataclass(frozen=True)
class _Choice:
    module: str
    token: str
    key_id: str
    key_label: str


def status_text(status: str) -> str:
    """The preflight's short status in the user's language where it is a fixed phrase."""
    if status == "in Ordnung":
        return translate("CardDialog", "in Ordnung")
    return status


class CardDialog(QDialog):
    """Sets up the signing certificate of a card as an identity; `identity` after success."""

    def __init__(self, store: IdentityStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signaturkarte")
        self.store = store
        self.identity: Identity | None = None
        self.setWindowTitle(self.tr("Signaturkarte einrichten"))
        self.resize(680, 460)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Stecken Sie die Signaturkarte in den Kartenleser. Das Programm sucht die "
                "Kartensoftware (OpenSC oder die Software des Kartenherstellers) an den üblichen "
                "Orten; eine andere wählen Sie mit „Andere…“. Der Schlüssel bleibt auf der Karte."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        row = QHBoxLayout()
        self.module = QComboBox()
        self.module.setObjectName("kartensoftware")
        self.module.setAccessibleName(self.tr("Kartensoftware"))
        other = QPushButton(self.tr("&Andere…"))
        other.setObjectName("kartensoftware_waehlen")
        self.search = QPushButton(self.tr("Karten &suchen"))
        self.search.setObjectName("karten_suchen")
        row.addWidget(self.module, 1)
        row.addWidget(other)
        row.addWidget(self.search)
        label = QLabel(self.tr("&Kartensoftware:"))
        label.setBuddy(self.module)
        form.addRow(label, row)
        layout.addLayout(form)
        self.certificates = QListWidget()
        self.certificates.setObjectName("kartenzertifikate")
        self.certificates.setAccessibleName(self.tr("Zertifikate auf den Karten"))
        self.certificates.setWordWrap(True)
        layout.addWidget(self.certificates, 1)
        form2 = QFormLayout()
        self.funktion = QLineEdit()
        self.funktion.setObjectName("funktion")
        self.funktion.setAccessibleName(self.tr("Funktion"))
        label2 = QLabel(self.tr("&Funktion:"))
        label2.setBuddy(self.funktion)
        form2.addRow(label2, self.funktion)
        layout.addLayout(form2)
        self.message = QLabel()
        self.message.setObjectName("meldung")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("&Einrichten"))
        self.ok.setObjectName("karte_uebernehmen")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        other.clicked.connect(self._choose_module)
        self.search.clicked.connect(self.scan)
        self.funktion.textChanged.connect(lambda _: self._update())
        self.certificates.currentRowChanged.connect(lambda _: self._update())
        self._load_modules()
        self.scan()

    def _load_modules(self) -> None:
        from zwk_desktop.services.tokens import find_modules

        for candidate in find_modules():
            self.module.addItem(f"{candidate.vendor} – {candidate.path}", str(candidate.path))
        if not self.module.count():
            self.message.setText(
                self.tr(
                    "An den üblichen Orten ist keine Kartensoftware installiert; bitte wählen "
                    "Sie sie mit „Andere…“."
                )
            )

    def add_module(self, path: Path) -> None:
        """Use this PKCS#11 module (selects it, adds it when new) and look for cards."""
        index = self.module.findData(str(path))
        if index < 0:
            self.module.addItem(str(path), str(path))
            index = self.module.count() - 1
        self.module.setCurrentIndex(index)
        self.scan()

    def _choose_module(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Kartensoftware (PKCS#11-Modul) wählen"),
            "",
            self.tr("PKCS#11-Module (*.dll *.so *.dylib);;Alle Dateien (*)"),
        )
        if name:
            self.add_module(Path(name))

    def scan(self) -> None:
        """List the certificates of the cards behind the chosen module."""
        from zwk_desktop.services.preflight import default_deadline, preflight
        from zwk_desktop.services.tokens import TokenError, list_certificates, list_tokens

        self.certificates.clear()
        module = self.module.currentData()
        if not module:
            self._update()
            return
        try:
            cards = list_tokens(str(module))
        except TokenError as exc:
            self.message.setText(service_text(str(exc)))
            self._update()
            return
        deadline = default_deadline()
        problems = []
        for card in cards:
            pad = (
                self.tr("Kartenleser mit PIN-Feld")
                if card.pin_pad
                else self.tr("PIN über die Tastatur")
            )
            try:
                certs = list_certificates(str(module), card.label)
            except TokenError as exc:
                problems.append(service_text(str(exc)))
                continue
            for cert in certs:
                check = preflight(
                    cert.certificate, [c.certificate for c in certs], deadline=deadline
                )
                text = self.tr(
                    "Karte „{card}“ ({pad}): {name} – „{label}“ (ID {id}), gültig bis {until}; "
                    "{status}"
                ).format(
                    card=card.label,
                    pad=pad,
                    name=cert.name,
                    label=cert.label,
                    id=cert.key_id or "–",
                    until=f"{cert.certificate.not_valid_after_utc:%d.%m.%Y}",
                    status=status_text(check.status),
                )
                item = QListWidgetItem(text)
                item.setData(
                    Qt.ItemDataRole.UserRole,
                    _Choice(str(module), card.label, cert.key_id, cert.label),
                )
                self.certificates.addItem(item)
        if self.certificates.count():
            self.certificates.setCurrentRow(0)
            self.message.setText("\n".join(problems))
        elif not problems:
            self.message.setText(
                self.tr(
                    "Keine Karte gefunden. Bitte stecken Sie die Karte ein und suchen Sie erneut."
                )
            )
        else:
            self.message.setText("\n".join(problems))
        self._update()

    def _update(self) -> None:
        self.ok.setEnabled(
            self.certificates.currentItem() is not None and bool(self.funktion.text().strip())
        )

    def accept(self) -> None:
        from zwk_desktop.services.tokens import add_token_identity

        item = self.certificates.currentItem()
        if item is None:
            return
        choice: _Choice = item.data(Qt.ItemDataRole.UserRole)
        try:
            self.identity = add_token_identity(
                self.store,
                funktion=self.funktion.text(),
                module=choice.module,
                token_label=choice.token,
                key_id=choice.key_id or None,
                key_label=None if choice.key_id else choice.key_label,
            )
        except IdentityError as exc:
            self.message.setText(service_text(str(exc)))
            return
        super().accept()
