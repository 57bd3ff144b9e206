"""Signing identities in the GUI: list (with each certificate's preflight status), create
(self-signed), import (PKCS#12), set up a signature card (`ui.dialogs.cards`), delete; and the
passphrase prompt used wherever a key is unlocked.

The dialogs only collect input and show results; `IdentityStore` does the work. Messages appear
inline (no blocking message boxes except the delete confirmation), so screen readers read them
and tests drive the real widgets.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from zwk_desktop.services.identities import (
    MIN_PASSPHRASE,
    Identity,
    IdentityError,
    IdentityStore,
    PassphrasePrompt,
    PassphraseRequest,
)
from zwk_desktop.ui.common import FOLDERS, fit_to_screen, service_text
from zwk_desktop.ui.dialogs.cards import CardDialog, status_text


def _date(stamp: str) -> str:
    """``2029-12-03T10:00:00+00:00`` → ``03.12.2029`` (every date the user reads)."""
    from zwk_desktop.domain import formatting

    try:
        return formatting.date(stamp[:10])
    except ValueError:
        return stamp


class PassphraseDialog(QDialog):
    """Asks for a passphrase and says why; for a new one, asks twice."""

    def __init__(self, request: PassphraseRequest, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.request = request
        self.setWindowTitle(self.tr("Passphrase"))
        layout = QVBoxLayout(self)
        intro = (
            self.tr("Neue Passphrase für {who}") if request.new else self.tr("Passphrase für {who}")
        ).format(who=request.identity_label)
        layout.addWidget(QLabel(intro))
        self.reason = QLabel(service_text(request.reason))
        self.reason.setWordWrap(True)
        self.reason.setVisible(bool(request.reason))
        layout.addWidget(self.reason)
        form = QFormLayout()
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        form.addRow(self.tr("&Passphrase:"), self.passphrase)
        self.repeat = QLineEdit()
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat.setAccessibleName(self.tr("Passphrase wiederholen"))
        if request.new:
            form.addRow(self.tr("&Wiederholen:"), self.repeat)
        layout.addLayout(form)
        if request.suggestion:
            self._add_suggestion(layout, request.suggestion)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _add_suggestion(self, layout: QVBoxLayout, suggestion: str) -> None:
        """A generated passphrase, shown this once, with a copy button and the advice to keep it
        in the town hall's password safe; it is filled in, so „OK“ takes it."""
        row = QHBoxLayout()
        self.suggested = QLineEdit(suggestion)
        self.suggested.setObjectName("suggestedPassphrase")
        self.suggested.setReadOnly(True)
        self.suggested.setAccessibleName(self.tr("Vorgeschlagene Passphrase"))
        copy = QPushButton(self.tr("&Kopieren"))
        copy.setObjectName("copyPassphrase")
        copy.clicked.connect(self._copy_suggestion)
        row.addWidget(QLabel(self.tr("Vorschlag:")))
        row.addWidget(self.suggested, 1)
        row.addWidget(copy)
        layout.addLayout(row)
        advice = QLabel(
            self.tr(
                "Bitte bewahren Sie die Passphrase im Passwortsafe des Rathauses auf: Sie wird "
                "nur jetzt angezeigt und nirgends gespeichert, und ohne sie kann mit dieser "
                "Identität nicht signiert werden."
            )
        )
        advice.setObjectName("passwordSafeAdvice")
        advice.setWordWrap(True)
        layout.addWidget(advice)
        if not self.request.retry:
            self.passphrase.setText(suggestion)
            self.repeat.setText(suggestion)

    def _copy_suggestion(self) -> None:
        QGuiApplication.clipboard().setText(self.suggested.text())
        self.problem.setText(self.tr("Passphrase in die Zwischenablage kopiert."))

    def accept(self) -> None:
        if self.request.new:
            if len(self.passphrase.text()) < MIN_PASSPHRASE:
                self.problem.setText(
                    self.tr("Bitte mindestens {n} Zeichen.").format(n=MIN_PASSPHRASE)
                )
                return
            if self.passphrase.text() != self.repeat.text():
                self.problem.setText(self.tr("Die beiden Eingaben stimmen nicht überein."))
                return
        super().accept()

    @staticmethod
    def prompt(parent: QWidget | None) -> PassphrasePrompt:
        """A `PassphrasePrompt` that shows this dialog modally."""

        def ask(request: PassphraseRequest) -> str | None:
            dialog = PassphraseDialog(request, parent)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            return dialog.passphrase.text()

        return ask


class NewIdentityDialog(QDialog):
    """Name, Funktion, Kommune and e-mail of a new self-signed identity."""

    def __init__(self, parent: QWidget | None = None, kommune: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Neue Signaturidentität"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.name = QLineEdit()
        self.funktion = QLineEdit()
        self.kommune = QLineEdit(kommune)
        self.email = QLineEdit()
        for label, widget in (
            (self.tr("&Name:"), self.name),
            (self.tr("&Funktion:"), self.funktion),
            (self.tr("&Kommune:"), self.kommune),
            (self.tr("&E-Mail:"), self.email),
        ):
            widget.setAccessibleName(label.replace("&", "").rstrip(":"))
            form.addRow(label, widget)
        layout.addLayout(form)
        note = QLabel(self.self_signed_note())
        note.setWordWrap(True)
        layout.addWidget(note)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Anlegen"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        for field in (self.name, self.funktion, self.kommune):
            field.textChanged.connect(self._update)
        self._update()

    def self_signed_note(self) -> str:
        """`SELF_SIGNED_NOTE` (German, also in the package) in the user's language."""
        return self.tr(
            "Selbst ausgestelltes Zertifikat, keine qualifizierte elektronische Signatur: es "
            "belegt, dass das Dokument seit der Signatur unverändert ist, nicht die Identität der "
            "Person."
        )

    def _update(self) -> None:
        complete = all(f.text().strip() for f in (self.name, self.funktion, self.kommune))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(complete)


class IdentityDialog(QDialog):
    """Lists the signing identities and creates, imports and deletes them."""

    def __init__(
        self,
        store: IdentityStore,
        parent: QWidget | None = None,
        prompt: PassphrasePrompt | None = None,
        kommune: str = "",
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.prompt = prompt or PassphraseDialog.prompt(self)
        self.kommune = kommune
        self.setWindowTitle(self.tr("Signaturidentitäten"))
        fit_to_screen(self, 640, 420)
        layout = QVBoxLayout(self)
        status = store.keyring_status()
        self.keyring = QLabel(
            self.tr("Passphrasen liegen im Schlüsselbund des Betriebssystems ({backend}).").format(
                backend=status.backend
            )
            if status.available
            else service_text(status.reason)
        )
        self.keyring.setWordWrap(True)
        layout.addWidget(self.keyring)
        self.list = QListWidget()
        self.list.setObjectName("identitaeten")
        self.list.setAccessibleName(self.tr("Signaturidentitäten"))
        layout.addWidget(self.list)
        self.preflight = QLabel()
        self.preflight.setObjectName("zertifikatspruefung")
        self.preflight.setAccessibleName(self.tr("Prüfung des Zertifikats"))
        self.preflight.setWordWrap(True)
        self.preflight.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.preflight)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.message)
        row = QHBoxLayout()
        self.create_button = QPushButton(self.tr("&Neue Identität…"))
        self.import_button = QPushButton(self.tr("PKCS#12 &importieren…"))
        self.card_button = QPushButton(self.tr("Signatur&karte einrichten…"))
        self.card_button.setObjectName("karte_einrichten")
        self.delete_button = QPushButton(self.tr("&Löschen"))
        close = QPushButton(self.tr("&Schließen"))
        buttons = (self.create_button, self.import_button, self.card_button, self.delete_button)
        for button in buttons:
            row.addWidget(button)
        row.addStretch()
        row.addWidget(close)
        layout.addLayout(row)
        self.create_button.clicked.connect(self._ask_create)
        self.import_button.clicked.connect(self._ask_import)
        self.card_button.clicked.connect(self._ask_card)
        self.delete_button.clicked.connect(self._ask_delete)
        close.clicked.connect(self.accept)
        self.list.currentRowChanged.connect(lambda _: self._update())
        self.refresh()

    # ------------------------------------------------------------------ list

    def refresh(self) -> None:
        from zwk_desktop.services.preflight import default_deadline, preflight

        self.list.clear()
        self.checks = {}
        deadline = default_deadline()
        try:
            identities = self.store.all()
        except OSError as exc:
            identities = []
            self.message.setText(self._os_problem(exc))
        for identity in identities:
            if identity.self_signed:
                kind = self.tr("selbst ausgestellt, keine qualifizierte Signatur")
            elif identity.on_token:
                kind = self.tr("Signaturkarte, PIN bei jeder Signatur")
            else:
                kind = self.tr("importiert")
            try:
                check = preflight(
                    self.store.certificate(identity),
                    self.store.chain(identity),
                    deadline=deadline,
                )
            except (OSError, ValueError):
                check = None
            self.checks[identity.id] = check
            status = status_text(check.status) if check else self.tr("Zertifikat nicht lesbar")
            text = self.tr(
                "{label} – {kommune}\n{kind}; gültig bis {until}; Zertifikat: {status}"
            ).format(
                label=identity.label,
                kommune=identity.kommune,
                kind=kind,
                until=_date(identity.not_after),
                status=status,
            )
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, identity.id)
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)
        self._update()

    def selected(self) -> Identity | None:
        item = self.list.currentItem()
        if item is None:
            return None
        return self.store.find(str(item.data(Qt.ItemDataRole.UserRole)))

    def _update(self) -> None:
        item = self.list.currentItem()
        self.delete_button.setEnabled(item is not None)
        check = (
            self.checks.get(str(item.data(Qt.ItemDataRole.UserRole)))
            if item is not None and hasattr(self, "checks")
            else None
        )
        lines = []
        if check is not None:
            lines.append(self.tr("Zertifikat: {status}").format(status=status_text(check.status)))
            prefix = {
                "sperre": self.tr("Gesperrt: {text}"),
                "warnung": self.tr("Warnung: {text}"),
                "hinweis": self.tr("Hinweis: {text}"),
            }
            lines += [prefix[n.level].format(text=n.message) for n in check.notes]
        self.preflight.setText("\n".join(lines))

    # ------------------------------------------------------------------ actions

    def create_identity(
        self, name: str, funktion: str, kommune: str, email: str
    ) -> Identity | None:
        try:
            identity = self.store.create_self_signed(name, funktion, kommune, email, self.prompt)
        except IdentityError as exc:
            self.message.setText(service_text(str(exc)))
            return None
        except OSError as exc:
            self.message.setText(self._os_problem(exc))
            return None
        self.message.setText(
            self.tr("Angelegt: {label}. Zertifikat SHA-256: {fp}").format(
                label=identity.label, fp=identity.fingerprint
            )
        )
        self.refresh()
        return identity

    def import_file(
        self, path: Path, passphrase: str, funktion: str, remember: bool
    ) -> Identity | None:
        try:
            identity, warnings = self.store.import_pkcs12(
                path.read_bytes(), passphrase, funktion=funktion, remember=remember
            )
        except IdentityError as exc:
            self.message.setText(service_text(str(exc)))
            return None
        except OSError as exc:
            self.message.setText(self._os_problem(exc, path))
            return None
        lines = [self.tr("Importiert: {label}.").format(label=identity.label)]
        lines += [self.tr("Warnung: {w}").format(w=service_text(w)) for w in warnings]
        self.message.setText("\n".join(lines))
        self.refresh()
        return identity

    def _os_problem(self, exc: OSError, path: Path | None = None) -> str:
        """A German sentence for a file-system error: never swallowed, never a raw traceback."""
        from zwk_desktop.services.atomic import FileInUseError
        from zwk_desktop.services.store_errors import translate as store_problem

        if isinstance(exc, FileInUseError):
            return str(exc)
        where = path or Path(exc.filename or self.store.root / "x")
        return self.tr("Die Signaturidentitäten sind nicht zugänglich: {problem}").format(
            problem=store_problem(exc, where)
        )

    def delete_identity(self, identity: Identity) -> None:
        try:
            self.store.delete(identity)
        except OSError as exc:
            self.message.setText(self._os_problem(exc))
            self.refresh()
            return
        self.message.setText(self.tr("Gelöscht: {label}.").format(label=identity.label))
        self.refresh()

    def _ask_create(self) -> None:
        dialog = NewIdentityDialog(self, self.kommune)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.create_identity(
                dialog.name.text(),
                dialog.funktion.text(),
                dialog.kommune.text(),
                dialog.email.text(),
            )

    def _ask_card(self) -> None:
        dialog = CardDialog(self.store, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.identity is not None:
            self.message.setText(
                self.tr("Eingerichtet: {label} (Signaturkarte).").format(
                    label=dialog.identity.label
                )
            )
            self.refresh()

    def _ask_import(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("PKCS#12-Datei wählen"),
            str(FOLDERS.start()),
            self.tr("PKCS#12 (*.p12 *.pfx)"),
        )
        if not name:
            return
        FOLDERS.used(name)
        dialog = ImportDialog(Path(name), self.store.keyring_status().available, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.import_file(
                Path(name),
                dialog.passphrase.text(),
                dialog.funktion.text(),
                dialog.remember.isChecked(),
            )

    def _ask_delete(self) -> None:
        identity = self.selected()
        if identity is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Signaturidentität löschen"),
            self.tr("„{label}“ mit ihrem Schlüssel endgültig löschen?").format(
                label=identity.label
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.delete_identity(identity)


class ImportDialog(QDialog):
    """Passphrase and Funktion for a PKCS#12 import; offers to remember the passphrase."""

    def __init__(self, path: Path, keyring: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("PKCS#12 importieren"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Datei: {name}").format(name=path.name)))
        form = QFormLayout()
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.funktion = QLineEdit()
        form.addRow(self.tr("&Passphrase der Datei:"), self.passphrase)
        form.addRow(self.tr("&Funktion:"), self.funktion)
        layout.addLayout(form)
        self.remember = QCheckBox(self.tr("Passphrase im Schlüsselbund des Betriebssystems merken"))
        self.remember.setChecked(keyring)
        self.remember.setEnabled(keyring)
        if not keyring:
            self.remember.setToolTip(
                self.tr(
                    "Kein Schlüsselbund verfügbar: die Passphrase wird bei jeder Signatur "
                    "abgefragt."
                )
            )
        layout.addWidget(self.remember)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
