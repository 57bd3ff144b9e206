"""The export dialog: readiness, acknowledging warnings, identity and folder, the steps with a
progress bar, then "E-Mail öffnen" and "Ordner öffnen". Also the ENTWURF print at any time.

The key is unlocked in the GUI thread (the passphrase prompt is a dialog); the export itself
runs on a worker thread (`BackgroundJob`) and reports each step.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
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

from zwk_desktop.domain import UNTITLED
from zwk_desktop.domain.draft import Draft
from zwk_desktop.formspec.models import FormSpec
from zwk_desktop.services.export import (
    STEPS,
    ExportError,
    ExportResult,
    Readiness,
    acknowledge_all,
    export_package,
    export_print,
    readiness,
)
from zwk_desktop.services.identities import IdentityError, IdentityStore, PassphrasePrompt
from zwk_desktop.ui.common import translate
from zwk_desktop.ui.dialogs.identity import IdentityDialog, PassphraseDialog
from zwk_desktop.ui.export.worker import BackgroundJob

if TYPE_CHECKING:
    from zwk_desktop.services.pdf_layout import SectionExtra

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


def readiness_text(ready: Readiness) -> str:
    """`Readiness.message()` in the user's language."""
    if not ready.report.valid:
        return translate(
            "ExportDialog",
            "Die Bewerbung enthält {n} Fehler und kann so nicht exportiert werden. Bitte beheben "
            "Sie die Fehler; eine Druckfassung mit dem Vermerk ENTWURF ist jederzeit möglich.",
        ).format(n=len(ready.report.errors))
    n = len(ready.unacknowledged)
    if n == 1:
        return translate(
            "ExportDialog",
            "1 Hinweis ist noch nicht bestätigt. Bitte prüfen und bestätigen Sie jeden Hinweis "
            "(mit Begründung) vor dem Export.",
        )
    if n:
        return translate(
            "ExportDialog",
            "{n} Hinweise sind noch nicht bestätigt. Bitte prüfen und bestätigen Sie jeden "
            "Hinweis (mit Begründung) vor dem Export.",
        ).format(n=n)
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

    def __init__(
        self,
        spec: FormSpec,
        draft: Draft,
        store: IdentityStore,
        parent: QWidget | None = None,
        out_dir: Path | None = None,
        prompt: PassphrasePrompt | None = None,
        extras: Mapping[str, SectionExtra] | None = None,
    ) -> None:
        super().__init__(parent)
        self.spec = spec
        self.draft = draft
        self.store = store
        self.prompt = prompt or PassphraseDialog.prompt(self)
        self.extras = extras
        self.export_result: ExportResult | None = None
        self.job: BackgroundJob | None = None
        self.setWindowTitle(self.tr("Bewerbung exportieren"))
        self.resize(720, 560)
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
        self.identity.setAccessibleName(self.tr("Signaturidentität"))
        manage = QPushButton(self.tr("&Verwalten…"))
        identity_row.addWidget(self.identity, 1)
        identity_row.addWidget(manage)
        form.addRow(self._label(self.tr("&Signieren als:"), self.identity), identity_row)
        folder_row = QHBoxLayout()
        self.folder = QLineEdit(str(out_dir or Path.home()))
        self.folder.setAccessibleName(self.tr("Zielordner"))
        choose = QPushButton(self.tr("&Ordner wählen…"))
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(choose)
        form.addRow(self._label(self.tr("&Zielordner:"), self.folder), folder_row)
        layout.addLayout(form)

        self.steps = QListWidget()
        self.steps.setAccessibleName(self.tr("Schritte des Exports"))
        self.step_labels = step_labels()
        for label in self.step_labels:
            self.steps.addItem(QListWidgetItem(f"   {label}"))
        rows = self.steps.sizeHintForRow(0) * len(STEPS) + 2 * self.steps.frameWidth() + 4
        self.steps.setFixedHeight(rows)
        layout.addWidget(self.steps)
        self.progress = QProgressBar()
        self.progress.setRange(0, len(STEPS))
        self.progress.setValue(0)
        layout.addWidget(self.progress)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.message)
        layout.addStretch(1)

        buttons = QHBoxLayout()
        self.print_button = QPushButton(self.tr("&Druckfassung (ENTWURF)"))
        self.export_button = QPushButton(self.tr("&Exportieren"))
        self.export_button.setDefault(True)
        self.mail_button = QPushButton(self.tr("E-&Mail öffnen"))
        self.open_folder_button = QPushButton(self.tr("Ordner ö&ffnen"))
        close = QPushButton(self.tr("S&chließen"))
        for b in (self.print_button, self.export_button, self.mail_button, self.open_folder_button):
            buttons.addWidget(b)
        buttons.addStretch()
        buttons.addWidget(close)
        layout.addLayout(buttons)

        self.ack_button.clicked.connect(self.acknowledge)
        self.justification.textChanged.connect(lambda _: self._update())
        manage.clicked.connect(self._manage_identities)
        choose.clicked.connect(self._choose_folder)
        self.print_button.clicked.connect(self.print_draft)
        self.export_button.clicked.connect(self.start_export)
        self.mail_button.clicked.connect(self.open_mail)
        self.open_folder_button.clicked.connect(self.open_folder)
        close.clicked.connect(self.reject)
        self.identity.currentIndexChanged.connect(lambda _: self._update())
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
        current = self.identity.currentData()
        self.identity.clear()
        for identity in self.store.all():
            self.identity.addItem(identity.label, identity.id)
        index = self.identity.findData(current)
        if index >= 0:
            self.identity.setCurrentIndex(index)
        if not self.identity.count():
            self.identity.addItem(self.tr("(keine – bitte unter „Verwalten…“ anlegen)"), None)
        self._update()

    def _update(self) -> None:
        busy = self.job is not None and self.job.running
        ready = getattr(self, "ready", None)
        can_export = bool(ready and ready.ok and self.identity.currentData() and not busy)
        self.export_button.setEnabled(can_export)
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
            self.message.setText(str(exc))
            return
        self.justification.clear()
        self.draft_changed.emit(self.draft)
        self.check()

    def start_export(self) -> None:
        if not self.check().ok:
            return
        try:
            identity = self.store.find(str(self.identity.currentData()))
            key = self.store.unlock(identity, self.prompt)
        except IdentityError as exc:
            self.message.setText(str(exc))
            return
        out_dir = Path(self.folder.text()).expanduser()
        spec, draft, extras = self.spec, self.draft, self.extras

        def job(progress: Any) -> ExportResult:
            return export_package(spec, draft, key, out_dir, progress=progress, extras=extras)

        self._reset_steps()
        self.export_starting.emit()
        self._run(job, self._export_done)

    def print_draft(self) -> None:
        out_dir = Path(self.folder.text()).expanduser()
        spec, draft, extras = self.spec, self.draft, self.extras
        self._run(lambda progress: export_print(spec, draft, out_dir, extras=extras), self._printed)

    def open_mail(self) -> None:
        if self.export_result is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.export_result.mail)))

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

    def _run(self, job: Any, on_done: Any) -> None:
        self.message.setText(self.tr("Bitte warten …"))
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
        self.message.setText(
            self.tr(
                "Exportiert: {folder}\nE-Mail zum Versand: {mail}\nSHA-256 von manifest.json: {sha}"
            ).format(folder=result.folder, mail=result.mail, sha=result.manifest_sha256)
        )
        self.job = None
        self._update()
        self.exported.emit(result)

    def _printed(self, path: Path) -> None:
        self.message.setText(self.tr("Druckfassung geschrieben: {path}").format(path=path))
        self.job = None
        self._update()
        self.printed.emit(path)

    def _failed(self, exc: object) -> None:
        if isinstance(exc, ExportError | IdentityError):
            text = str(exc)
        elif isinstance(exc, OSError):
            text = self.tr("Das Paket kann nicht geschrieben werden ({why}).").format(
                why=exc.strerror or exc
            )
        else:
            text = self.tr(
                "Der Export ist fehlgeschlagen ({kind}); es wurde nichts geschrieben."
            ).format(kind=type(exc).__name__)
        self.message.setText(text)
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
        self._load_identities()

    def _choose_folder(self) -> None:
        name = QFileDialog.getExistingDirectory(
            self, self.tr("Zielordner wählen"), self.folder.text()
        )
        if name:
            self.folder.setText(name)
