"""The export dialog: readiness, acknowledging warnings, identity (with its certificate's
preflight status) and folder, the steps with a progress bar, then "E-Mail öffnen" and "Ordner
öffnen". Also the ENTWURF print at any time, and the paper path ("Druckfassung zur
Unterschrift") when no electronic signature is possible.

The key is unlocked in the GUI thread (the passphrase and PIN prompts are dialogs); a card
reader with a PIN pad is logged in on the worker thread, so the window stays responsive while
the PIN is typed on the reader. The export itself runs on a worker thread (`BackgroundJob`) and
reports each step.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from zwk_desktop import oserrors
from zwk_desktop.domain import UNTITLED
from zwk_desktop.domain.draft import Draft, normalize
from zwk_desktop.domain.signatory import check_signer, matching_first
from zwk_desktop.formspec.models import FormSpec
from zwk_desktop.services.export import (
    STEPS,
    ExportError,
    ExportResult,
    Readiness,
    acknowledge_all,
    export_package,
    export_paper,
    export_print,
    readiness,
)
from zwk_desktop.services.identities import (
    Identity,
    IdentityError,
    IdentityStore,
    PassphrasePrompt,
)
from zwk_desktop.services.token_keys import PinPrompt
from zwk_desktop.ui.announce import announce
from zwk_desktop.ui.common import counting, fit_to_screen, service_text, translate
from zwk_desktop.ui.dialogs.cards import PinDialog, status_text
from zwk_desktop.ui.dialogs.identity import IdentityDialog, PassphraseDialog
from zwk_desktop.ui.export.send_help import SendHelp
from zwk_desktop.ui.export.worker import BackgroundJob
from zwk_desktop.ui.input_rules import guard_wheel

if TYPE_CHECKING:
    from zwk_desktop.services.pdf_layout import SectionExtra
    from zwk_desktop.services.preflight import Preflight

DONE_MARK = "✓"


def step_labels() -> tuple[str, ...]:
    """The export's steps (`services.export.STEPS`, in German) in the user's language."""
    return (
        translate("ExportDialog", "Angaben prüfen"),
        translate("ExportDialog", "PDF setzen"),
        translate("ExportDialog", "Daten in das PDF einbetten"),
        translate("ExportDialog", "PDF signieren"),
        translate("ExportDialog", "Paketdateien schreiben"),
        translate("ExportDialog", "Verzeichnis signieren"),
        translate("ExportDialog", "E-Mail erstellen"),
        translate("ExportDialog", "Paket abschließen"),
    )


def paper_step_labels() -> tuple[str, ...]:
    """The paper path's steps (`services.export.PAPER_STEPS`) in the user's language."""
    return (
        translate("ExportDialog", "Angaben prüfen"),
        translate("ExportDialog", "Druckfassung mit QR-Code setzen"),
        translate("ExportDialog", "Daten in das PDF einbetten"),
        translate("ExportDialog", "ohne elektronische Signatur (Papierweg)"),
        translate("ExportDialog", "Paketdateien schreiben"),
        translate("ExportDialog", "Verzeichnis schreiben"),
        translate("ExportDialog", "E-Mail erstellen"),
        translate("ExportDialog", "Paket abschließen"),
    )


def readiness_text(ready: Readiness) -> str:
    """`Readiness.message()` in the user's language."""
    if not ready.report.valid:
        return translate(
            "ExportDialog",
            "Die Bewerbung enthält {n} Fehler und kann so nicht exportiert werden. Bitte beheben "
            "Sie die Fehler; eine Druckfassung mit dem Vermerk ENTWURF ist jederzeit möglich.",
        ).format(n=len(ready.report.errors))
    n = len(ready.unacknowledged)
    if n:
        return counting().unacknowledged(n)
    return translate("ExportDialog", "Die Bewerbung ist bereit zum Export.")


class ExportDialog(QDialog):
    """Exports one draft. Emits `draft_changed(Draft)` when warnings were acknowledged here (the
    caller saves the draft), `export_starting()` when the export begins (the caller may record a
    version of the draft) and `exported(ExportResult)` after a successful export. While an
    export or print runs, the dialog cannot be closed."""

    draft_changed = Signal(object)
    export_starting = Signal()
    exported = Signal(object)
    printed = Signal(object)
    refused = Signal(str)
    """The chosen identity is not the signatory: the German reason, naming both."""

    def __init__(
        self,
        spec: FormSpec,
        draft: Draft,
        store: IdentityStore,
        parent: QWidget | None = None,
        out_dir: Path | None = None,
        prompt: PassphrasePrompt | None = None,
        extras: Mapping[str, SectionExtra] | None = None,
        pin_prompt: PinPrompt | None = None,
    ) -> None:
        super().__init__(parent)
        self.spec = spec
        self.draft = draft
        self.store = store
        self.prompt = prompt or PassphraseDialog.prompt(self)
        self.pin_prompt = pin_prompt or PinDialog.prompt(self)
        self.checks: dict[str, Preflight | None] = {}
        self._pin_pad = False
        self.extras = extras
        self.export_result: ExportResult | None = None
        self.job: BackgroundJob | None = None
        self.setWindowTitle(self.tr("Bewerbung exportieren"))
        fit_to_screen(self, 720, 560)
        layout = QVBoxLayout(self)

        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.warnings = QListWidget()
        self.warnings.setAccessibleName(self.tr("Offene Hinweise"))
        self.warnings.setWordWrap(True)
        layout.addWidget(self.warnings)
        ack_row = QHBoxLayout()
        self.justification = QLineEdit()
        self.justification.setPlaceholderText(self.tr("Begründung für alle offenen Hinweise"))
        self.justification.setAccessibleName(self.tr("Begründung"))
        self.ack_button = QPushButton(self.tr("Hinweise &bestätigen"))
        ack_row.addWidget(self.justification)
        ack_row.addWidget(self.ack_button)
        layout.addLayout(ack_row)

        form = QFormLayout()
        identity_row = QHBoxLayout()
        self.identity = QComboBox()
        guard_wheel(self.identity)
        self.identity.setAccessibleName(self.tr("Signaturidentität"))
        manage = QPushButton(self.tr("&Verwalten…"))
        identity_row.addWidget(self.identity, 1)
        identity_row.addWidget(manage)
        form.addRow(self._label(self.tr("&Signieren als:"), self.identity), identity_row)
        self.certificate = QLabel()
        self.certificate.setObjectName("export_zertifikat")
        self.certificate.setAccessibleName(self.tr("Prüfung des Zertifikats"))
        self.certificate.setWordWrap(True)
        form.addRow("", self.certificate)
        folder_row = QHBoxLayout()
        self.folder = QLineEdit(str(out_dir or Path.home()))
        self.folder.setAccessibleName(self.tr("Zielordner"))
        choose = QPushButton(self.tr("&Ordner wählen…"))
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(choose)
        form.addRow(self._label(self.tr("&Zielordner:"), self.folder), folder_row)
        self.changelog = QCheckBox(  # the file's whole name would widen the dialog
            self.tr(
                "Zusammenfassung des Änderungs&protokolls beilegen (…_aenderungsprotokoll.json)"
            )
        )
        self.changelog.setObjectName("export:aenderungsprotokoll")
        self.changelog.setToolTip(
            self.tr(
                "Legt dem Paket bei, welche Felder wie oft geändert wurden, von wem und wann "
                "zuletzt – ohne Werte und ohne Kommentare. Aus: nichts davon geht an das "
                "Ministerium."
            )
        )
        self.changelog.setAccessibleDescription(self.changelog.toolTip())
        form.addRow("", self.changelog)
        layout.addLayout(form)

        self.steps = QListWidget()
        self.steps.setAccessibleName(self.tr("Schritte des Exports"))
        self.step_labels = step_labels()
        for label in self.step_labels:
            self.steps.addItem(QListWidgetItem(f"   {label}"))
        row = self.steps.sizeHintForRow(0)
        frame = 2 * self.steps.frameWidth() + 4
        self.steps.setMaximumHeight(row * len(STEPS) + frame)  # all steps where there is room,
        self.steps.setMinimumHeight(row * 3 + frame)  # three and a scroll bar on a small screen
        self.warnings.setMinimumHeight(row * 3 + frame)
        layout.addWidget(self.steps)
        self.progress = QProgressBar()
        self.progress.setRange(0, len(STEPS))
        self.progress.setValue(0)
        layout.addWidget(self.progress)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.message)
        self.send_help = SendHelp(self)
        layout.addWidget(self.send_help)
        layout.addStretch(1)

        buttons = QHBoxLayout()
        self.print_button = QPushButton(self.tr("&Druckfassung (ENTWURF)"))
        self.paper_button = QPushButton(self.tr("Druckfassung zur &Unterschrift"))
        self.paper_button.setObjectName("papierweg")
        self.paper_button.setToolTip(
            self.tr(
                "Ohne elektronische Signatur: Paket und E-Mail werden unsigniert geschrieben, "
                "bewerbung.pdf zum Unterschreiben mit einem QR-Code, der die Daten bestätigt; "
                "das unterschriebene Papier folgt per Post."
            )
        )
        self.export_button = QPushButton(self.tr("&Exportieren"))
        self.export_button.setDefault(True)
        self.mail_button = QPushButton(self.tr("E-&Mail öffnen"))
        self.open_folder_button = QPushButton(self.tr("Ordner ö&ffnen"))
        close = QPushButton(self.tr("S&chließen"))
        for b in (
            self.print_button,
            self.paper_button,
            self.export_button,
            self.mail_button,
            self.open_folder_button,
        ):
            buttons.addWidget(b)
        buttons.addStretch()
        buttons.addWidget(close)
        layout.addLayout(buttons)

        self.ack_button.clicked.connect(self.acknowledge)
        self.justification.textChanged.connect(lambda _: self._update())
        manage.clicked.connect(self._manage_identities)
        choose.clicked.connect(self._choose_folder)
        self.print_button.clicked.connect(self.print_draft)
        self.paper_button.clicked.connect(self.start_paper)
        self.export_button.clicked.connect(self.start_export)
        self.mail_button.clicked.connect(self.open_mail)
        self.open_folder_button.clicked.connect(self.open_folder)
        close.clicked.connect(self.reject)
        self.identity.currentIndexChanged.connect(lambda _: self._update())
        self.identity.currentIndexChanged.connect(lambda _: self._identity_note())
        self._load_identities()
        self.check()

    # ------------------------------------------------------------------ state

    def check(self) -> Readiness:
        self.ready = readiness(self.spec, self.draft)
        self.status.setText(readiness_text(self.ready))
        self.warnings.clear()
        for finding in self.ready.unacknowledged:
            self.warnings.addItem(f"{finding.path}: {finding.message}")
        has_open = bool(self.ready.unacknowledged)
        for widget in (self.warnings, self.justification, self.ack_button):
            widget.setVisible(has_open)
        self._update()
        return self.ready

    def _load_identities(self) -> None:
        """The identities, the signatory's own first (of the applicant's Kommune before
        others): the person named in "Ort, Datum, Unterschrift" is the one to sign."""
        current = self.identity.currentData()
        self.identity.clear()
        data = normalize(self.spec, self.draft.data)
        for identity in matching_first(
            self.store.all(), data, lambda i: i.name, lambda i: i.kommune
        ):
            label = (
                self.tr("{label} – Signaturkarte").format(label=identity.label)
                if identity.on_token
                else identity.label
            )
            if check_signer(data, identity.name).matches:
                self.identity.addItem(label, identity.id)
            else:
                self.identity.addItem(
                    self.tr("{identity} – nicht die unterzeichnende Person").format(identity=label),
                    identity.id,
                )
        index = self.identity.findData(current)
        if index >= 0:
            self.identity.setCurrentIndex(index)
        if not self.identity.count():
            self.identity.addItem(self.tr("(keine – bitte unter „Verwalten…“ anlegen)"), None)
        self._update()

    def _identity_note(self) -> None:
        """Say at once when the chosen identity is not the signatory's, or of another Kommune."""
        try:
            identity = self.store.find(str(self.identity.currentData()))
        except IdentityError:
            return
        check = check_signer(
            normalize(self.spec, self.draft.data),
            identity.name,
            identity.kommune,
            identity.funktion,
        )
        lines = [check.problem] if not check.matches else list(check.warnings)
        self.message.setText("\n".join(service_text(line) for line in lines))

    def preflight(self) -> Preflight | None:
        """The preflight of the chosen identity's certificate (None when none is chosen)."""
        from zwk_desktop.services.preflight import preflight

        key = self.identity.currentData()
        if not key:
            return None
        if key not in self.checks:
            try:
                identity = self.store.find(str(key))
                self.checks[key] = preflight(
                    self.store.certificate(identity),
                    self.store.chain(identity),
                    deadline=self.spec.policy.deadline.value,
                )
            except (IdentityError, OSError, ValueError):
                self.checks[key] = None
        return self.checks[key]

    def _show_preflight(self, check: Preflight | None) -> None:
        if check is None:
            self.certificate.setText("")
            return
        lines = [self.tr("Zertifikat: {status}").format(status=status_text(check.status))]
        lines += [service_text(n.message) for n in check.notes if n.level in ("sperre", "warnung")]
        self.certificate.setText("\n".join(lines))

    def _update(self) -> None:
        busy = self.job is not None and self.job.running
        ready = getattr(self, "ready", None)
        check = self.preflight()
        self._show_preflight(check)
        blocked = check is not None and check.blocking
        can_export = bool(
            ready and ready.ok and self.identity.currentData() and not busy and not blocked
        )
        self.export_button.setEnabled(can_export)
        self.paper_button.setEnabled(bool(ready and ready.ok) and not busy)
        self.print_button.setEnabled(not busy)
        self.ack_button.setEnabled(bool(self.justification.text().strip()) and not busy)
        self.mail_button.setEnabled(self.export_result is not None and not busy)
        self.open_folder_button.setEnabled(self.export_result is not None and not busy)

    # ------------------------------------------------------------------ actions

    def acknowledge(self) -> None:
        try:
            self.draft = acknowledge_all(
                self.draft, self.ready.unacknowledged, self.justification.text()
            )
        except ExportError as exc:
            self.message.setText(service_text(str(exc)))
            return
        self.justification.clear()
        self.draft_changed.emit(self.draft)
        self.check()

    def start_export(self) -> None:
        if not self.check().ok:
            return
        try:
            identity = self.store.find(str(self.identity.currentData()))
        except IdentityError as exc:
            self.message.setText(service_text(str(exc)))
            return
        check = check_signer(
            normalize(self.spec, self.draft.data),
            identity.name,
            identity.kommune,
            identity.funktion,
        )
        if not check.matches:  # refused before any passphrase or PIN is asked for
            self.message.setText(check.problem)
            self.refused.emit(check.problem)
            return
        try:
            certificate = self.preflight()
            if certificate is not None and certificate.blocking:
                self.message.setText(" ".join(certificate.reasons()))
                return
            opener = self._open_key(identity)
        except IdentityError as exc:
            self.message.setText(service_text(str(exc)))
            return
        if opener is None:
            return
        out_dir = Path(self.folder.text()).expanduser()
        spec, draft, extras = self.spec, self.draft, self.extras
        changelog = self.changelog.isChecked()

        def job(progress: Any) -> ExportResult:
            key = opener()
            try:
                return export_package(
                    spec,
                    draft,
                    key,
                    out_dir,
                    progress=progress,
                    extras=extras,
                    changelog=changelog,
                )
            finally:
                close = getattr(key, "close", None)
                if close is not None:
                    close()  # logs out of the signature card

        self.step_labels = step_labels()
        self._reset_steps()
        self.export_starting.emit()
        pin_pad = self.tr("Bitte geben Sie die PIN am Kartenleser ein.")
        self._run(job, self._export_done, pin_pad if self._pin_pad else None)

    def _open_key(self, identity: Identity) -> Any:
        """A function that gives the unlocked key (called on the worker thread), or None when
        the user cancelled. Passphrases and PINs typed here are asked for in this thread."""
        self._pin_pad = False
        if not identity.on_token:
            key = self.store.unlock(identity, self.prompt)
            return lambda: key
        from zwk_desktop.services.token_keys import PinRequest, open_token_key
        from zwk_desktop.services.tokens import token_status

        card = token_status(self.store, identity)
        if not card.pin_pad:
            token_key = open_token_key(self.store, identity, self.pin_prompt)
            return lambda: token_key
        if self.pin_prompt(PinRequest(identity.label, card.label, pin_pad=True)) is None:
            self.message.setText(self.tr("Abgebrochen: ohne PIN kann nicht signiert werden."))
            return None
        self._pin_pad = True
        store = self.store
        return lambda: open_token_key(
            store, identity, lambda request: None if request.retry else ""
        )

    def start_paper(self) -> None:
        """The paper path: the unsigned package with the Druckfassung zur Unterschrift."""
        if not self.check().ok:
            return
        out_dir = Path(self.folder.text()).expanduser()
        spec, draft, extras = self.spec, self.draft, self.extras
        changelog = self.changelog.isChecked()

        def job(progress: Any) -> ExportResult:
            return export_paper(
                spec, draft, out_dir, progress=progress, extras=extras, changelog=changelog
            )

        self.step_labels = paper_step_labels()
        self._reset_steps()
        self.export_starting.emit()
        self._run(job, self._export_done)

    def print_draft(self) -> None:
        out_dir = Path(self.folder.text()).expanduser()
        spec, draft, extras = self.spec, self.draft, self.extras
        self._run(lambda progress: export_print(spec, draft, out_dir, extras=extras), self._printed)

    def open_mail(self) -> None:
        """Open the .eml; check whether that worked and what opened it, and show how to send the
        package by hand where it did not open as a draft to send."""
        from zwk_desktop.services.mail_open import eml_handler, sending_facts

        result = self.export_result
        if result is None:
            return
        handler = eml_handler()
        opened = QDesktopServices.openUrl(QUrl.fromLocalFile(str(result.mail)))
        try:
            facts = sending_facts(result.mail, result.folder)
        except OSError as exc:
            self.message.setText(
                self.tr("Die E-Mail-Datei {mail} ist nicht lesbar ({problem}).").format(
                    mail=result.mail, problem=service_text(oserrors.cause(exc))
                )
            )
            return
        self.send_help.show_for(facts, handler, opened)

    def open_folder(self) -> None:
        if self.export_result is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.export_result.folder)))

    def reject(self) -> None:
        """Close (Escape, Schließen, the window's close button), but not while a job runs: its
        thread belongs to the dialog, and the export finishes or fails as a whole."""
        if self.job is not None and self.job.running:
            self.message.setText(self.tr("Bitte warten Sie, bis der Schritt abgeschlossen ist."))
            return
        super().reject()

    # ------------------------------------------------------------------ worker

    def _run(self, job: Any, on_done: Any, waiting: str | None = None) -> None:
        self.message.setText(waiting or self.tr("Bitte warten …"))
        self.job = BackgroundJob(job, self)
        self.job.progress.connect(self._step)
        self.job.done.connect(on_done)
        self.job.failed.connect(self._failed)
        self.job.start()
        self._update()

    def _reset_steps(self) -> None:
        self.progress.setValue(0)
        for i, label in enumerate(self.step_labels):
            self.steps.item(i).setText(f"   {label}")

    def _step(self, index: int, _german_label: str) -> None:
        for i in range(index):
            self.steps.item(i).setText(f"{DONE_MARK}  {self.step_labels[i]}")
        self.steps.item(index).setText(f"…  {self.step_labels[index]}")
        self.steps.setCurrentRow(index)
        self.progress.setValue(index)

    def _export_done(self, result: ExportResult) -> None:
        self.export_result = result
        for i, label in enumerate(self.step_labels):
            self.steps.item(i).setText(f"{DONE_MARK}  {label}")
        self.progress.setValue(len(STEPS))
        if result.paper_code:
            self.message.setText(
                self.tr(
                    "Papierweg – Paket und E-Mail geschrieben (nicht signiert): {folder}\n"
                    "Bitte drucken Sie {pdf} aus, unterschreiben Sie es und senden Sie es per "
                    "Post.\nE-Mail zum Versand: {mail}\nPrüfcode (QR-Code): {code}"
                ).format(
                    folder=result.folder,
                    pdf=result.pdf,
                    mail=result.mail,
                    code=result.paper_code,
                )
            )
            announce(
                self,
                self.tr("Papierweg – Paket und E-Mail geschrieben: {folder}").format(
                    folder=Path(result.folder).name
                ),
            )
        else:
            text = self.tr(
                "Exportiert: {folder}\nE-Mail zum Versand: {mail}\n"
                "SHA-256 des signierten Verzeichnisses: {sha}"
            ).format(folder=result.folder, mail=result.mail, sha=result.manifest_sha256)
            announce(self, self.tr("Exportiert: {folder}").format(folder=Path(result.folder).name))
            self.message.setText("\n".join([text, *map(service_text, result.warnings)]))
        self.job = None
        self._update()
        self.exported.emit(result)

    def _printed(self, path: Path) -> None:
        self.message.setText(self.tr("Druckfassung geschrieben: {path}").format(path=path))
        announce(self, self.tr("Druckfassung geschrieben: {path}").format(path=Path(path).name))
        self.job = None
        self._update()
        self.printed.emit(path)

    def _failed(self, exc: object) -> None:
        if isinstance(exc, ExportError | IdentityError):
            text = service_text(str(exc))
        elif isinstance(exc, OSError):
            text = self.tr("Das Paket kann nicht geschrieben werden ({why}).").format(
                why=service_text(oserrors.cause(exc))
            )
        else:
            text = self.tr(
                "Der Export ist fehlgeschlagen ({kind}); es wurde nichts geschrieben."
            ).format(kind=type(exc).__name__)
        self.message.setText(text)
        announce(self, text, assertive=True)
        self._reset_steps()
        self.job = None
        self._update()

    # ------------------------------------------------------------------ helpers

    @staticmethod
    def _label(text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(buddy)
        return label

    def _manage_identities(self) -> None:
        kommune = self.draft.title if self.draft.title != UNTITLED else ""
        IdentityDialog(self.store, self, self.prompt, kommune).exec()
        self.checks.clear()
        self._load_identities()

    def _choose_folder(self) -> None:
        name = QFileDialog.getExistingDirectory(
            self, self.tr("Zielordner wählen"), self.folder.text()
        )
        if name:
            self.folder.setText(name)
