"""The commands behind the export side's menu entries (`zwk_desktop.ui.export.menu`): the
export dialog for the open draft, its ENTWURF print, the Prüfansicht of a package, the signing
identities. Imported when an entry is first chosen; the dialogs and with them reportlab, pyHanko
and cryptography only when their command runs.

The open draft stays the window's `EditSession`: warnings acknowledged in the export dialog are
recorded in the session (so autosave keeps them with the draft), and just before the export
starts the window records a version of the draft in the store (`DraftWindow.record_version`).
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from zwk_desktop import oserrors
from zwk_desktop.ui.common import FOLDERS, service_text, translate

if TYPE_CHECKING:  # Qt classes are made on first use: the dialogs' ones when a command runs
    from PySide6.QtWidgets import QMessageBox, QProgressDialog

    from zwk_desktop.domain.draft import Draft
    from zwk_desktop.editing.session import EditSession
    from zwk_desktop.services.identities import IdentityStore
    from zwk_desktop.ui.dialogs.identity import IdentityDialog
    from zwk_desktop.ui.export.dialog import ExportDialog
    from zwk_desktop.ui.export.package_view import PackageView
    from zwk_desktop.ui.export.worker import BackgroundJob
    from zwk_desktop.ui.extensions import DraftWindow

IdentityStoreFactory = Callable[[], "IdentityStore"]
"""Opens the user's signing identities (default: `zwk_desktop.services.identities.open_store`)."""


def take_acknowledgements(session: EditSession, draft: Draft) -> None:
    """Record in the session the acknowledgements `draft` has beyond it (made in the export
    dialog on a copy of the session's draft)."""
    session.check()
    known = {(a.code, a.path) for a in session.draft.acknowledgements}
    open_warnings = {f.key: f for f in session.report.warnings}
    for ack in draft.acknowledgements:
        finding = open_warnings.get((ack.code, ack.path))
        if finding is not None and finding.key not in known:
            session.acknowledge(finding, ack.justification)


class ExportCommands(QObject):
    """The export side's commands for one main window (one per window, its child)."""

    printed = Signal(object)
    """An ENTWURF print was written (its `Path`)."""

    def __init__(self, window: DraftWindow, identities: IdentityStoreFactory | None) -> None:
        super().__init__(window.window())
        self.setObjectName("exportbefehle")
        self.host = window
        """The open draft (`host.session`) and its versions."""
        self.window = window.window()
        """The parent of the dialogs."""
        self._identities = identities
        self._folder: Path | None = None
        self.print_job: BackgroundJob | None = None
        self.notice: QMessageBox | None = None
        self._busy: QProgressDialog | None = None

    @staticmethod
    def of(window: DraftWindow, identities: IdentityStoreFactory | None) -> ExportCommands:
        found = window.window().findChild(ExportCommands, "exportbefehle")
        return found if found is not None else ExportCommands(window, identities)

    def store(self) -> IdentityStore:
        if self._identities is not None:
            return self._identities()
        from zwk_desktop.services.identities import open_store

        return open_store()

    def folder(self) -> Path:
        """Where packages and prints go: the last folder used, else the user's documents."""
        if self._folder is not None:
            return self._folder
        return FOLDERS.start()

    # ----------------------------------------------------------------- Exportieren…

    def export(self) -> ExportDialog | None:
        """Open the export dialog for the open draft (window-modal, not blocking)."""
        session = self.host.session
        if session is None:
            return None
        from zwk_desktop.ui.export.dialog import ExportDialog

        dialog = ExportDialog(
            session.spec, session.draft, self.store(), self.window, out_dir=self.folder()
        )
        dialog.draft_changed.connect(lambda draft: take_acknowledgements(session, draft))
        dialog.export_starting.connect(lambda: self.host.record_version("export_package"))
        dialog.exported.connect(lambda result: self._used(result.folder.parent))
        dialog.printed.connect(lambda path: self._used(path.parent))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def _used(self, folder: Path) -> None:
        self._folder = folder
        FOLDERS.used(folder)

    # ----------------------------------------------------------------- Druckfassung (ENTWURF)…

    def print_draft(self) -> None:
        """Ask for a folder and write the ENTWURF print of the open draft there."""
        from PySide6.QtWidgets import QFileDialog

        session = self.host.session
        if session is None or self.print_job is not None:
            return
        name = QFileDialog.getExistingDirectory(
            self.window,
            translate("ExportMenu", "Ordner für die Druckfassung (ENTWURF) wählen"),
            str(self.folder()),
        )
        if name:
            self.print_to(session, Path(name))

    def print_to(self, session: EditSession, folder: Path) -> None:
        """Write the print on a worker thread; the window waits under a progress note."""
        from PySide6.QtWidgets import QProgressDialog

        from zwk_desktop.services.export import export_print
        from zwk_desktop.ui.export.worker import BackgroundJob

        spec, draft = session.spec, copy.deepcopy(session.draft)
        busy = QProgressDialog(
            translate("ExportMenu", "Die Druckfassung (ENTWURF) wird erstellt …"),
            "",
            0,
            0,
            self.window,
        )
        busy.setWindowTitle(translate("ExportMenu", "Druckfassung (ENTWURF)"))
        busy.setCancelButton(None)  # no cancel: the print finishes or fails as a whole
        busy.setMinimumDuration(0)
        busy.open()
        self._busy = busy
        job = BackgroundJob(lambda progress: export_print(spec, draft, folder), self)
        job.done.connect(self._printed)
        job.failed.connect(self._print_failed)
        self.print_job = job
        job.start()

    def _print_finished(self) -> None:
        self.print_job = None
        if self._busy is not None:
            self._busy.close()
            self._busy.deleteLater()
            self._busy = None

    def _printed(self, path: Path) -> None:
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices
        from PySide6.QtWidgets import QMessageBox

        self._print_finished()
        self._used(path.parent)
        box = self._notice(
            QMessageBox.Icon.Information,
            translate(
                "ExportMenu",
                "Die Druckfassung mit dem Vermerk ENTWURF ist geschrieben. Sie ist nicht "
                "signiert und nicht zur Einreichung bestimmt.",
            ),
            str(path),
        )
        show = box.addButton(
            translate("ExportMenu", "PDF ö&ffnen"), QMessageBox.ButtonRole.AcceptRole
        )
        show.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))))
        box.addButton(QMessageBox.StandardButton.Close)
        box.setDefaultButton(show)
        box.open()
        self.printed.emit(path)

    def _print_failed(self, exc: object) -> None:
        from PySide6.QtWidgets import QMessageBox

        from zwk_desktop.services.export import ExportError

        self._print_finished()
        if isinstance(exc, ExportError):
            why = translate(
                "ExportMenu", "Die Druckfassung kann nicht geschrieben werden: {why}"
            ).format(why=service_text(str(exc)))
        elif isinstance(exc, OSError):
            why = translate(
                "ExportMenu", "Die Druckfassung kann nicht geschrieben werden ({why})."
            ).format(why=service_text(oserrors.cause(exc)))
        else:
            why = translate(
                "ExportMenu",
                "Die Druckfassung ist fehlgeschlagen ({kind}); es wurde nichts geschrieben.",
            ).format(kind=type(exc).__name__)
        box = self._notice(QMessageBox.Icon.Warning, why, "")
        box.addButton(QMessageBox.StandardButton.Close)
        box.open()

    def _notice(self, icon: QMessageBox.Icon, text: str, detail: str) -> QMessageBox:
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(self.window)
        box.setIcon(icon)
        box.setWindowTitle(translate("ExportMenu", "Druckfassung (ENTWURF)"))
        box.setText(text)
        box.setInformativeText(detail)
        box.finished.connect(box.deleteLater)
        self.notice = box
        return box

    # ----------------------------------------------------------------- Paket prüfen…

    def check_package(self) -> None:
        """Ask for a package (its e-mail or a file of its folder) and open the Prüfansicht."""
        from PySide6.QtWidgets import QFileDialog

        name, _ = QFileDialog.getOpenFileName(
            self.window,
            translate(
                "ExportMenu",
                "Paket prüfen: die E-Mail (.eml) oder eine Datei im Paketordner wählen",
            ),
            str(self.folder()),
            translate(
                "ExportMenu",
                "Bewerbungspakete (*.eml *manifest.json *.pdf);;Alle Dateien (*)",
            ),
        )
        if name:
            self.open_package(Path(name))

    def open_package(self, path: Path) -> PackageView:
        """The Prüfansicht of a package: a folder, its e-mail, or any file in its folder."""
        from zwk_desktop.ui.export.package_view import PackageView

        # a manifest names its package among several in one folder (the ministry's inbox)
        keep = path.is_dir() or path.suffix.lower() == ".eml" or path.name.endswith("manifest.json")
        target = path if keep else path.parent
        view = PackageView(target, self.window, trust=self.trust_folder())
        view.show()
        return view

    def trust_folder(self) -> Path | None:
        """The trust anchors of the settings (Einstellungen), if any."""
        from zwk_desktop.locations import data_dir
        from zwk_desktop.services.settings import SettingsStore

        folder = SettingsStore(data_dir()).load().trust_folder
        return Path(folder).expanduser() if folder else None

    # ----------------------------------------------------------------- Signaturidentitäten…

    def manage_identities(self) -> IdentityDialog:
        from zwk_desktop.ui.dialogs.identity import IdentityDialog

        session = self.host.session
        name = session.get("kommune.name") if session is not None else None
        dialog = IdentityDialog(
            self.store(), self.window, kommune=name if isinstance(name, str) else ""
        )
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog
