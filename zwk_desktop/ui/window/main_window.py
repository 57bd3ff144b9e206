"""The main window: the start screen or the open draft, the notice bar, the menus.

Every draft lives in the draft store (`services.store`): „Neue Bewerbung“ creates one, a
``.zwk`` file or an example is imported into a new one (the file itself is never written), and
the recent drafts and „Entwürfe…“ come from the store. The open draft (`OpenDraft`) saves
itself in the background; Strg+S records a version, „Speichern unter…“ writes a ``.zwk`` file,
„Versionen…“ lists and restores versions. At start the window records its run in the store
(`start_up`); after a crash it opens the draft the crashed run had open and says what was
recovered. When the store cannot be written, the notice bar says so and offers „Speichern
unter…“; the draft stays in memory and saving is retried.

The actions and menus are built in `zwk_desktop.ui.window.menus`, where the actions of other
parts of the program (`services.extensions.actions`) are added. The editing view, the form and
the draft model are loaded only when a draft is opened.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, QTimer
from PySide6.QtGui import QAccessible, QAccessibleEvent, QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from zwk_desktop.services.recovery import start_up
from zwk_desktop.services.store import StoreError
from zwk_desktop.services.window_state import DraftPlace
from zwk_desktop.ui.common import (
    FOLDERS,
    discard,
    draft_title,
    service_text,
    set_accessible_role,
    translate,
)
from zwk_desktop.ui.palette import apply_accessible_palette
from zwk_desktop.ui.style import apply_accessible_style
from zwk_desktop.ui.window.context import UiServices
from zwk_desktop.ui.window.language import ensure_translators
from zwk_desktop.ui.window.menus import WindowActions, build_menus
from zwk_desktop.ui.window.start_page import StartPage, list_examples
from zwk_desktop.ui.window.teamwork import TeamworkCommands

if TYPE_CHECKING:
    from zwk_desktop.editing.session import EditSession
    from zwk_desktop.services.autosave import DraftSession, SaveStatus
    from zwk_desktop.ui.window.editor import EditorView
    from zwk_desktop.ui.window.notices import Kind, NoticeBar
    from zwk_desktop.ui.window.open_draft import OpenDraft

APP_NAME = "ZWK Desktop"


class MainWindow(TeamworkCommands, QMainWindow):
    def __init__(self, services: UiServices) -> None:
        super().__init__()
        self.setObjectName("hauptfenster")
        app = QApplication.instance()
        if isinstance(app, QApplication):
            ensure_translators(app)
        apply_accessible_style()
        apply_accessible_palette()
        self.services = services
        self.store = services.store
        self.current: OpenDraft | None = None
        """The draft being edited; None on the start screen."""
        self.startup = start_up(self.store)
        self._run_ended = False
        self._noted: int | None = None
        self._notice_action: Callable[[], object] | None = None
        self._notices: NoticeBar | None = None
        self.stack = QStackedWidget()
        set_accessible_role(self.stack, QAccessible.Role.Client)  # no unnamed "layered pane"
        central = QWidget()
        self._column = QVBoxLayout(central)
        self._column.setContentsMargins(0, 0, 0, 0)
        self._column.setSpacing(0)
        self._column.addWidget(self.stack, 1)
        self.examples = list_examples(services.examples)
        self.start = StartPage(self.store, self.examples)
        self.start.new_requested.connect(self.new_draft)
        self.start.open_requested.connect(self.open_dialog)
        self.start.drafts_requested.connect(self.show_drafts)
        self.start.recent_chosen.connect(self.open_draft)
        self.start.example_chosen.connect(self.open_example)
        self.stack.addWidget(self.start)
        self.setCentralWidget(central)
        self.save_state = QLabel()
        self.save_state.setObjectName("speicherstand")
        self.save_state.setAccessibleName(translate("Main", "Speicherstand"))
        status_bar = self.statusBar()
        status_bar.setObjectName("statuszeile")
        status_bar.setSizeGripEnabled(False)
        status_bar.addPermanentWidget(self.save_state)
        self.menu_actions = WindowActions(self, self)
        build_menus(
            self.menuBar(), self, self.menu_actions, services.extensions, self.examples, self.store
        )
        self._enable()
        self.update_title()
        self._place_window()
        self._recover()
        if self.current is None:
            self.start.focus_first()

    def _place_window(self) -> None:
        """The size and place the window had when the user last closed it; on a first start a
        size that fits the screen (at 200 % scaling the screen is small)."""
        folder = self.services.window_state.folder()
        if folder is not None and FOLDERS.last is None:
            FOLDERS.used(Path(folder))
        saved = self.services.window_state.geometry()
        if saved is not None and self.restoreGeometry(QByteArray(saved)):
            room = self.screen().availableGeometry()
            if room.contains(self.geometry().center()):
                return
        em = self.fontMetrics().height()
        room = self.screen().availableGeometry()
        self.resize(min(em * 80, int(room.width() * 0.95)), min(em * 52, int(room.height() * 0.9)))

    def _remember_window(self) -> None:
        folder = str(FOLDERS.last) if FOLDERS.last is not None else None
        self.services.window_state.save_window(bytes(self.saveGeometry().data()), folder)

    def _remember_place(self) -> None:
        """Where the open draft was left: its section and field, what missing is shown."""
        current = self.current
        if current is None or current.draft_id is None:
            return
        editor = current.editor
        section = editor.spec.sections[editor.index].id if editor.index < editor.count else ""
        missing = current.session.missing
        place = DraftPlace(section, editor.last_path, missing.revealed, tuple(missing.left))
        self.services.window_state.save_place(current.draft_id, place)

    def _return_to_place(self, current: OpenDraft) -> None:
        """A stored draft opens where it was left (section and field); else at its start."""
        editor = current.editor
        place = (
            self.services.window_state.place(current.draft_id)
            if current.draft_id is not None
            else None
        )
        if place is None:
            editor.pages[0].first_input()
            return
        current.session.missing.restore(place.revealed, place.left)
        ids = [s.id for s in editor.spec.sections]
        if place.section in ids:
            editor.go_to(ids.index(place.section))
            if place.path and editor.page(editor.index).owner(place.path).path != place.section:
                editor.open_path(place.path)
            else:
                editor.enter_page()
        elif not place.section:
            editor.show_review()
        else:
            editor.pages[0].first_input()
        editor.update_statuses()

    @property
    def session(self) -> EditSession | None:
        """The form being edited (None on the start screen); page extras and menu actions of
        other parts of the program work through it."""
        return self.current.session if self.current is not None else None

    @property
    def editor(self) -> EditorView | None:
        return self.current.editor if self.current is not None else None

    # ----------------------------------------------------------------- actions and menus

    def _enable(self) -> None:
        for action in self.menu_actions.draft_actions:
            action.setEnabled(self.current is not None)

    def editor_call(self, name: str) -> None:
        if self.editor is not None:
            getattr(self.editor, name)()

    # ----------------------------------------------------------------- notices

    @property
    def notices(self) -> NoticeBar:
        """The notice bar above the page, built when the first notice is shown (its module
        needs PySide6's large ``Qt`` namespace, which the start screen does without)."""
        if self._notices is None:
            from zwk_desktop.ui.window.notices import NoticeBar

            self._notices = NoticeBar()
            self._notices.actionTriggered.connect(self._notice_clicked)
            self._column.insertWidget(0, self._notices)
        return self._notices

    def _hide_notice(self) -> None:
        if self._notices is not None:
            self._notices.hide()

    def notify(
        self,
        text: str,
        kind: Kind = "info",
        action_text: str | None = None,
        action: Callable[[], object] | None = None,
    ) -> None:
        """Show a notice above the page (not modal: the user keeps working)."""
        self._notice_action = action
        self.notices.show_notice(
            service_text(text), kind, action_text if action is not None else None
        )
        self._order_notice()

    def _order_notice(self) -> None:
        """The notice bar stands above the page: Tab meets it after the section list and before
        the page's fields, not after the whole page (issue 14)."""
        bar, editor = self._notices, self.editor
        if bar is None or editor is None:
            return
        editor.before_page = [bar.action, bar.close_button]
        editor.fix_tab_order()

    def _notice_clicked(self) -> None:
        if self._notice_action is not None:
            self._notice_action()

    def _recover(self) -> None:
        """After a crash: open the draft the crashed run had open, and say what the start found."""
        reopen = self.startup.reopen
        if reopen is not None:
            self.open_draft(reopen)
        if not self.startup.messages:
            return
        from zwk_desktop.ui.window.notices import show_start_notices

        if show_start_notices(self.notices, self.startup):
            recovered = reopen is not None and self.current is not None
            self._notice_action = self.show_versions if recovered else None
            self.notices.action.setVisible(recovered)

    def _save_failed(self, message: str) -> None:
        self.notify(message, "warning", translate("Main", "Speichern &unter…"), self.save_as)

    def _save_recovered(self) -> None:
        if self._notice_action == self.save_as:
            self._hide_notice()

    # ----------------------------------------------------------------- opening

    def new_draft(self) -> None:
        if not self.close_current():
            return
        from zwk_desktop.formspec import get_form
        from zwk_desktop.services.autosave import DraftSession

        self._show(DraftSession.new(self.store, get_form()))

    def open_dialog(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            translate("Main", "Bewerbung öffnen"),
            str(FOLDERS.start()),
            translate("Main", "ZWK-Entwürfe (*.zwk);;JSON-Dateien (*.json);;Alle Dateien (*)"),
        )
        if name:
            self.open_path(Path(name))

    def open_path(self, path: Path) -> None:
        """Import a ``.zwk`` file as a new draft and open it (``zwk-desktop DATEI.zwk``)."""
        self._import(path, example=False)

    def open_example(self, path: Path) -> None:
        """Open an example as a new draft; the example file stays as it is."""
        self._import(path, example=True)

    def _import(self, path: Path, *, example: bool) -> None:
        from zwk_desktop.domain.draft import DraftError
        from zwk_desktop.services.autosave import DraftSession
        from zwk_desktop.services.portable import open_file
        from zwk_desktop.services.recovery import in_use_message, merge_target_in_use

        if not self.close_current():
            return
        try:
            in_use = None if example else merge_target_in_use(self.store, path)
            if in_use is not None:  # open in another window: its next save would undo it
                QMessageBox.information(
                    self,
                    translate("Main", "Entwurf in einem anderen Fenster geöffnet"),
                    service_text(in_use_message(in_use, path)),
                )
                return
            opened = open_file(self.store, path)
        except DraftError as exc:
            self._cannot_open(str(exc))
            return
        if not example:
            FOLDERS.used(path.resolve())
        stored = DraftSession(self.store, opened.draft, opened.draft_id, saved_at=opened.saved_at)
        if not self._show(stored):
            return
        if opened.draft_id is None:
            self.notify(opened.message, "warning")
        elif not example:
            self.notify(opened.message)

    def open_draft(self, draft_id: int) -> None:
        """Open a stored draft (recent list, „Entwürfe…“, after a crash)."""
        if self.current is not None and self.current.draft_id == draft_id:
            return
        if not self.close_current():
            return
        from zwk_desktop.services.autosave import DraftSession

        try:
            stored = DraftSession.open(self.store, draft_id)
        except StoreError as exc:
            self.start.refresh()
            self._cannot_open(str(exc))
            return
        self._show(stored)

    def _cannot_open(self, message: str) -> None:
        QMessageBox.warning(
            self, translate("Main", "Bewerbung nicht lesbar"), service_text(message)
        )

    def _show(self, stored: DraftSession) -> bool:
        """Show a draft for editing, with autosave."""
        from zwk_desktop.ui.window.open_draft import OpenDraft

        draft = stored.draft
        if stored.spec is None:
            self._cannot_open(
                translate(
                    "Main",
                    "Die Bewerbung gehört zum Formular „{form}“ in Version {version}, das in "
                    "dieser Programmversion nicht enthalten ist.",
                ).format(form=draft.form_id, version=draft.form_version)
            )
            return False
        current = OpenDraft(
            stored, stored.spec, self.services.extensions, self, author=self.user_name()
        )
        self.current = current
        autosave = current.autosave
        autosave.statusChanged.connect(self.update_title)
        autosave.failed.connect(self._save_failed)
        autosave.recovered.connect(self._save_recovered)
        autosave.saved.connect(self._note_open_draft)
        self.stack.addWidget(current.editor)
        self.stack.setCurrentWidget(current.editor)
        self._order_notice()
        self._enable()
        self.update_title()
        self._note_open_draft()
        if stored.status.state == "failed":  # a new draft the store could not take
            self._save_failed(stored.status.message() or "")
        self._return_to_place(current)
        self._note_form_language()
        if draft.pending is not None:  # conflicts of a merge wait for the user
            self.show_merge()
        return True

    def _note_form_language(self) -> None:
        """Once per user, in a language other than German: the form's own content stays
        German (it is the ministry's form); only the program's texts are translated."""
        from PySide6.QtCore import QLocale

        state = self.services.window_state
        if QLocale().language() == QLocale.Language.German or state.noted("formularsprache"):
            return
        state.note("formularsprache")
        self.notify(
            translate(
                "Main",
                "Das Formular selbst – seine Fragen, Hilfetexte und die Meldungen zu Ihren "
                "Angaben – bleibt deutsch, wie das Formular des Ministeriums. Übersetzt sind die "
                "Texte des Programms.",
            )
        )

    def _note_open_draft(self) -> None:
        """Tell the store which draft this run has open, for recovery after a crash."""
        draft_id = self.current.draft_id if self.current is not None else None
        if draft_id != self._noted:
            self._noted = draft_id
            self.startup.note_open_draft(draft_id)

    # ----------------------------------------------------------------- saving

    def save(self) -> None:
        """Strg+S: save now and record the state as a version."""
        if self.current is not None:
            self.current.autosave.save_explicitly()

    def record_version(self, reason: str = "export_package") -> bool:
        """Save the open draft now and record its state as a version; the export dialog calls
        this before it writes an application. False when the store cannot be written."""
        if self.current is None:
            return False
        return self.current.autosave.record_version(reason).state == "saved"

    def save_as(self) -> bool:
        """„Speichern unter…“: write the draft to a ``.zwk`` file of the user's choice (atomic;
        the state is recorded as a version first when the store can be written)."""
        from zwk_desktop.services.portable import FileWriteError

        current = self.current
        if current is None:
            return False
        title = current.stored.draft.title
        stem = re.sub(r"[^\w\-]+", "-", title, flags=re.UNICODE).strip("-") or "bewerbung"
        name, _ = QFileDialog.getSaveFileName(
            self,
            translate("Main", "Speichern unter"),
            str(FOLDERS.start() / f"{stem}.zwk"),
            translate("Main", "ZWK-Entwürfe (*.zwk)"),
        )
        if not name:
            return False
        path = Path(name)
        if path.suffix.lower() != ".zwk":
            path = path.with_name(path.name + ".zwk")
        try:
            current.autosave.export(path, self.user_name())
        except FileWriteError as exc:
            QMessageBox.critical(
                self, translate("Main", "Nicht gespeichert"), service_text(str(exc))
            )
            return False
        FOLDERS.used(path)
        if current.stored.status.state == "failed":
            self.notify(
                translate(
                    "Main",
                    "Der Entwurf ist als Datei {path} gesichert. In der Entwurfsdatenbank ist "
                    "er noch nicht gespeichert; ZWK Desktop versucht es weiter.",
                ).format(path=path),
                "warning",
                translate("Main", "Speichern &unter…"),
                self.save_as,
            )
        elif not self._ask_name_once(path):
            self.notify(
                translate("Main", "Der Entwurf ist als Datei gespeichert: {path}").format(path=path)
            )
        return True

    def show_versions(self) -> None:
        """„Versionen…“: the history of the open draft; a restore rebuilds the pages."""
        from PySide6.QtCore import Qt

        from zwk_desktop.ui.dialogs.versions import VersionsDialog

        if self.current is None:
            return
        dialog = VersionsDialog(self.current.autosave, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.restored.connect(self._restored)
        dialog.open()

    def _restored(self, _draft: object) -> None:
        current = self.current
        if current is None:
            return
        old = current.rebuild()
        self.stack.removeWidget(old)
        discard(old)
        self.stack.addWidget(current.editor)
        self.stack.setCurrentWidget(current.editor)
        self.update_title()
        self.notify(
            translate(
                "Main",
                "Die gewählte Version ist wiederhergestellt. Der Stand davor ist als eigene "
                "Version unter „Versionen…“ erhalten.",
            )
        )
        editor = current.editor
        if editor.index in editor.pages:
            editor.pages[editor.index].first_input()
        else:
            editor.show_review()

    def show_drafts(self) -> None:
        """„Entwürfe…“: every stored draft; open, duplicate, rename, Papierkorb, search."""
        from PySide6.QtCore import Qt

        from zwk_desktop.ui.dialogs.drafts_manager import DraftsDialog

        if self.current is not None:
            self.current.autosave.flush()  # the list shows the open draft as it is now
        dialog = DraftsDialog(self.store, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.openRequested.connect(self.open_draft)
        dialog.manager.changed.connect(self._drafts_changed)
        dialog.finished.connect(lambda _result: self.start.refresh())
        dialog.open()

    def _drafts_changed(self) -> None:
        """Drafts were deleted, restored, renamed or added in „Entwürfe…“."""
        self.start.refresh()
        current = self.current
        if current is None or current.draft_id is None:
            return
        try:
            summary = self.store.summary(current.draft_id)
        except StoreError:
            return
        trashed = summary.deleted is not None
        saved = current.stored.status.saved_at
        if not trashed and saved is not None and summary.modified > saved:
            self._reload_current()  # a file was merged into it in „Entwürfe…“
            return
        if trashed and self.close_current():
            self.notify(
                translate(
                    "Main",
                    "„{title}“ liegt jetzt im Papierkorb und ist deshalb geschlossen. Unter "
                    "„Entwürfe…“ lässt er sich wiederherstellen.",
                ).format(title=draft_title(current.stored.draft.title))
            )

    def _reload_current(self) -> None:
        """The open draft changed in the store (a file merged into it): show the stored state.
        What was typed before is in the store already (flushed when „Entwürfe…“ opened)."""
        from zwk_desktop.services.autosave import DraftSession

        current = self.current
        if current is None or current.draft_id is None:
            return
        try:
            stored = DraftSession.open(self.store, current.draft_id)
        except StoreError as exc:
            self.notify(str(exc), "warning")
            return
        self.current = None
        current.dispose()
        self.stack.removeWidget(current.editor)
        discard(current.editor)
        current.deleteLater()
        self._show(stored)

    # ----------------------------------------------------------------- closing

    def close_current(self) -> bool:
        """Save and close the open draft. When the store cannot be written, the user is
        offered „Speichern unter…“ first; False when the draft stays open."""
        current = self.current
        if current is None:
            return True
        self._remember_place()
        status = current.close()
        if status.state == "failed" and not self._rescue(status):
            return False
        self.current = None
        current.dispose()
        self.stack.removeWidget(current.editor)
        discard(current.editor)
        current.deleteLater()
        self._note_open_draft()
        self._hide_notice()
        self.stack.setCurrentWidget(self.start)
        self.start.refresh()
        self._enable()
        self.update_title()
        return True

    def _rescue(self, status: SaveStatus) -> bool:
        """The store could not take the last changes: save them as a file, close without them,
        or keep the draft open. True when the draft may be closed."""
        assert self.current is not None
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(translate("Main", "Nicht gespeichert"))
        box.setText(
            translate(
                "Main",
                "Der Entwurf „{title}“ konnte nicht in der Entwurfsdatenbank gespeichert werden.",
            ).format(title=draft_title(self.current.stored.draft.title))
        )
        advice = translate(
            "Main",
            "Wenn Sie ihn jetzt schließen, fehlen die letzten Änderungen. Sichern Sie ihn mit "
            "„Speichern unter…“ als Datei in einem anderen Ordner.",
        )
        box.setInformativeText(f"{status.error} {advice}" if status.error else advice)
        buttons = QMessageBox.StandardButton
        box.setStandardButtons(buttons.Save | buttons.Discard | buttons.Cancel)
        box.button(buttons.Save).setText(translate("Main", "Speichern &unter…"))
        box.button(buttons.Discard).setText(translate("Main", "Schließen &ohne Speichern"))
        box.setDefaultButton(buttons.Save)
        answer = box.exec()
        if answer == buttons.Save:
            return self.save_as()
        return answer == buttons.Discard

    def close_draft(self) -> None:
        if self.current is None or not self.close_current():
            return
        self.start.focus_first()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if (
            event.type() == QEvent.Type.ActivationChange
            and self.isActiveWindow()
            and sys.platform.startswith("linux")
        ):
            QTimer.singleShot(0, self._tell_focus_again)

    def _tell_focus_again(self) -> None:
        """Report the focused field once more after the window became active again (a
        confirmation closed, the user came back from another window). Qt reports the focus
        while the window is still becoming active; Orca then said only the window's title, and
        after „Eintrag entfernen? Ja“ the user did not hear where the cursor went (measured
        with `make a11y-listen`: now Orca says the page and „Umsetzungsschritt 2: Titel“). UI
        Automation clients (NVDA, JAWS) follow the focus themselves: Linux only."""
        widget = QApplication.focusWidget()
        if widget is not None and widget.window() is self and QAccessible.isActive():
            QAccessible.updateAccessibility(QAccessibleEvent(widget, QAccessible.Event.Focus))

    def closeEvent(self, event: QCloseEvent) -> None:
        self._remember_window()
        if not self.close_current():
            event.ignore()
            return
        self.end_run()
        event.accept()

    def end_run(self) -> None:
        """The program ends: save the open draft and record that this run ended cleanly (once).
        Also called when the application quits without closing the window (a log-off); when
        the draft cannot be saved then, the run stays open and the next start reopens the
        draft's last stored state."""
        if self._run_ended:
            return
        self._remember_window()
        self._remember_place()
        if self.current is not None and self.current.close().state == "failed":
            return
        self._run_ended = True
        self.startup.shut_down()

    # ----------------------------------------------------------------- title and settings

    def update_title(self) -> None:
        """The Kommune in the title, the save state („Gespeichert 14:32“, „Wird gespeichert…“)
        in the status bar. The label's accessible name stays „Speicherstand“, so its changes are
        not read aloud after every pause (issue 14); the state is its description."""
        if self.current is None:
            self.setWindowTitle(APP_NAME)
            state = ""
        else:
            self.setWindowTitle(f"{self.current.title()} – {APP_NAME}")
            state = self.current.save_state()
        if self.save_state.text() != state:
            self.save_state.setText(state)
            self.save_state.setAccessibleDescription(state)

    def show_settings(self) -> None:
        from zwk_desktop.ui.dialogs.settings import SettingsDialog

        SettingsDialog(self.services.settings, self).exec()
        self._name_changed()
