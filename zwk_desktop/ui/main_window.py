"""The main window: the start screen or the open draft, the menus, opening and saving.

All persistence goes through `services.drafts` (a `DraftPersistence`); all menus are built in
`_build_menus`, where the actions of other parts of the program (`services.extensions.actions`)
are added. The editing view and the form are loaded only when a draft is opened.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu, QMessageBox, QStackedWidget

from zwk_desktop.services.persistence import DraftRef, RecentDraft, SaveError
from zwk_desktop.ui.common import translate
from zwk_desktop.ui.context import UiServices
from zwk_desktop.ui.start_page import StartPage, list_examples

if TYPE_CHECKING:
    from zwk_desktop.domain.draft import Draft
    from zwk_desktop.editing.session import EditSession, Event
    from zwk_desktop.ui.editor import EditorView

APP_NAME = "ZWK Desktop"


class MainWindow(QMainWindow):
    session_opened = Signal(object)
    """An `EditSession` was opened (a draft store can start watching it for autosave)."""
    session_closed = Signal()

    def __init__(self, services: UiServices) -> None:
        super().__init__()
        self.setObjectName("hauptfenster")
        self.services = services
        self.session: EditSession | None = None
        self.ref: DraftRef | None = None
        self.example = False
        self.editor: EditorView | None = None
        self._unsubscribe = lambda: None
        self.stack = QStackedWidget()
        self.examples = list_examples(services.examples)
        self.start = StartPage(services.drafts, self.examples)
        self.start.new_requested.connect(self.new_draft)
        self.start.open_requested.connect(self.open_dialog)
        self.start.recent_chosen.connect(self.open_recent)
        self.start.example_chosen.connect(self.open_example)
        self.stack.addWidget(self.start)
        self.setCentralWidget(self.stack)
        self._build_actions()
        self._build_menus()
        self._enable()
        self.update_title()
        em = self.fontMetrics().height()
        room = self.screen().availableGeometry()  # at 200 % scaling the screen is small
        self.resize(min(em * 80, int(room.width() * 0.95)), min(em * 52, int(room.height() * 0.9)))
        self.start.focus_first()

    # ----------------------------------------------------------------- actions and menus

    def _action(
        self,
        name: str,
        text: str,
        slot: object,
        *keys: QKeySequence.StandardKey | str,
    ) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        sequences: list[QKeySequence] = []
        for k in keys:
            # keyBindings/fromString instead of QKeySequence(k): resolving that constructor
            # builds PySide6's whole Qt namespace (~25 ms) before the start screen shows
            if isinstance(k, str):
                sequences.append(QKeySequence.fromString(k))
            else:
                sequences.extend(QKeySequence.keyBindings(k))
        if sequences:
            action.setShortcuts(sequences)
        action.triggered.connect(slot)
        self.addAction(action)  # shortcuts work even while a menu bar entry is hidden
        return action

    def _build_actions(self) -> None:
        std = QKeySequence.StandardKey
        self.act_new = self._action(
            "aktion:neu",
            translate("Main", "&Neue Bewerbung"),
            self.new_draft,
            std.New,
        )
        self.act_open = self._action(
            "aktion:oeffnen",
            translate("Main", "Bewerbung ö&ffnen…"),
            self.open_dialog,
            std.Open,
        )
        self.act_save = self._action(
            "aktion:speichern", translate("Main", "&Speichern"), self.save, std.Save
        )
        self.act_save_as = self._action(
            "aktion:speichern-unter",
            translate("Main", "Speichern &unter…"),
            self.save_as,
            "Ctrl+Shift+S",
        )
        self.act_close = self._action(
            "aktion:schliessen",
            translate("Main", "Bewerbung s&chließen"),
            self.close_draft,
            "Ctrl+W",
            "Ctrl+F4",
        )
        self.act_quit = self._action(
            "aktion:beenden", translate("Main", "&Beenden"), self.close, "Ctrl+Q"
        )
        self.act_back = self._action(
            "aktion:zurueck",
            translate("Main", "&Voriger Abschnitt"),
            lambda: self._editor_call("back"),
            "Alt+Left",
        )
        self.act_next = self._action(
            "aktion:weiter",
            translate("Main", "&Nächster Abschnitt"),
            lambda: self._editor_call("next"),
            "Alt+Right",
        )
        self.act_review = self._action(
            "aktion:pruefen",
            translate("Main", "&Prüfen"),
            lambda: self._editor_call("show_review"),
            "F8",
        )
        self.act_sections = self._action(
            "aktion:abschnitte",
            translate("Main", "Zur &Abschnittsliste"),
            lambda: self._editor_call("focus_sections"),
            "F6",
        )
        self.act_help = self._action(
            "aktion:hilfe",
            translate("Main", "&Hilfe zum Feld ein/aus"),
            lambda: self._editor_call("toggle_help"),
            std.HelpContents,
        )
        self.act_settings = self._action(
            "aktion:einstellungen", translate("Main", "&Einstellungen…"), self.show_settings
        )
        self.draft_actions = [
            self.act_save, self.act_save_as, self.act_close, self.act_back, self.act_next,
            self.act_review, self.act_sections, self.act_help,
        ]  # fmt: skip

    def _build_menus(self) -> None:
        bar = self.menuBar()
        extra: dict[str, list[QAction]] = {"datei": [], "extras": [], "hilfe": []}
        for contribution in self.services.extensions.actions:
            action = contribution.build(self)
            extra[contribution.menu].append(action)
            if contribution.needs_draft:
                self.draft_actions.append(action)
        file_menu = bar.addMenu(translate("Main", "&Datei"))
        file_menu.addAction(self.act_new)
        file_menu.addAction(self.act_open)
        self.recent_menu = file_menu.addMenu(translate("Main", "&Zuletzt verwendet"))
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self.example_menu = file_menu.addMenu(translate("Main", "&Beispiel öffnen"))
        for example in self.examples:
            action = self.example_menu.addAction(example.title)
            action.triggered.connect(lambda _=False, p=example.path: self.open_example(p))
        file_menu.addSeparator()
        file_menu.addAction(self.act_save)
        file_menu.addAction(self.act_save_as)
        if extra["datei"]:
            file_menu.addSeparator()
            file_menu.addActions(extra["datei"])
        file_menu.addSeparator()
        file_menu.addAction(self.act_close)
        file_menu.addAction(self.act_quit)
        go = bar.addMenu(translate("Main", "&Gehe zu"))
        go.addActions([self.act_back, self.act_next, self.act_review, self.act_sections])
        extras = bar.addMenu(translate("Main", "E&xtras"))
        extras.addAction(self.act_settings)
        extras.addActions(extra["extras"])
        help_menu = bar.addMenu(translate("Main", "&Hilfe"))
        help_menu.addAction(self.act_help)
        help_menu.addActions(extra["hilfe"])

    def _fill_recent(self) -> None:
        menu: QMenu = self.recent_menu
        menu.clear()
        entries = self.services.drafts.recent()
        for entry in entries:
            action = menu.addAction(f"{entry.title} ({entry.ref.label})")
            action.triggered.connect(lambda _=False, e=entry: self.open_recent(e))
        if not entries:
            empty = menu.addAction(translate("Main", "Noch keine Entwürfe"))
            empty.setEnabled(False)

    def _enable(self) -> None:
        for action in self.draft_actions:
            action.setEnabled(self.session is not None)

    def _editor_call(self, name: str) -> None:
        if self.editor is not None:
            getattr(self.editor, name)()

    # ----------------------------------------------------------------- opening

    def new_draft(self) -> None:
        if not self.maybe_close():
            return
        from zwk_desktop.domain.draft import new_draft
        from zwk_desktop.formspec import get_form

        self.open_session(new_draft(get_form()), None)

    def open_dialog(self) -> None:
        if not self.maybe_close():
            return
        folder = str(self.ref.path.parent) if self.ref and self.ref.path else str(Path.home())
        name, _ = QFileDialog.getOpenFileName(
            self,
            translate("Main", "Bewerbung öffnen"),
            folder,
            translate("Main", "ZWK-Entwürfe (*.zwk);;JSON-Dateien (*.json);;Alle Dateien (*)"),
        )
        if name:
            self.open_path(Path(name))

    def open_path(self, path: Path) -> None:
        from zwk_desktop.domain.draft import DraftError

        if not self.maybe_close():
            return
        try:
            draft, ref = self.services.drafts.open_file(path)
        except DraftError as exc:
            self._cannot_open(str(exc))
            return
        self.open_session(draft, ref)

    def open_recent(self, entry: RecentDraft) -> None:
        from zwk_desktop.domain.draft import DraftError

        if not self.maybe_close():
            return
        try:
            draft = self.services.drafts.open(entry.ref)
        except DraftError as exc:
            if entry.ref.path is not None and not entry.ref.path.exists():
                self.services.drafts.forget(entry.ref)
                self.start.refresh()
            self._cannot_open(str(exc))
            return
        self.open_session(draft, entry.ref)

    def open_example(self, path: Path) -> None:
        from zwk_desktop.domain.draft import DraftError, read_draft

        if not self.maybe_close():
            return
        try:
            draft = read_draft(path)
        except DraftError as exc:
            self._cannot_open(str(exc))
            return
        self.open_session(draft, None, example=True)

    def _cannot_open(self, message: str) -> None:
        QMessageBox.warning(self, translate("Main", "Bewerbung nicht lesbar"), message)

    def open_session(self, draft: Draft, ref: DraftRef | None, example: bool = False) -> None:
        """Show a draft for editing."""
        from zwk_desktop.editing.session import EditSession
        from zwk_desktop.formspec import FormSpecError, get_form
        from zwk_desktop.ui.editor import EditorView

        try:
            spec = get_form(draft.form_id, draft.form_version)
        except (KeyError, FormSpecError):
            self._cannot_open(
                translate(
                    "Main",
                    "Die Bewerbung gehört zum Formular „{form}“ in Version {version}, das in "
                    "dieser Programmversion nicht enthalten ist.",
                ).format(form=draft.form_id, version=draft.form_version)
            )
            return
        self._discard_view()
        self.session = EditSession(spec, draft)
        self.ref = ref
        self.example = example
        self.editor = EditorView(self.session, self.services.extensions)
        self.stack.addWidget(self.editor)
        self.stack.setCurrentWidget(self.editor)
        self._unsubscribe = self.session.subscribe(self._session_event)
        self._enable()
        self.update_title()
        self.session_opened.emit(self.session)
        self.editor.pages[0].first_input()

    def _session_event(self, event: Event) -> None:
        if event.kind != "report":
            self.update_title()

    def _discard_view(self) -> None:
        if self.editor is None:
            return
        self._unsubscribe()
        self.editor.dispose()
        self.stack.removeWidget(self.editor)
        self.editor.deleteLater()
        self.editor = None
        self.session = None
        self.ref = None

    # ----------------------------------------------------------------- saving and closing

    def save(self) -> bool:
        """Save where the draft came from; a new draft or an example asks for a file name."""
        if self.session is None:
            return False
        if self.ref is None:
            return self.save_as()
        try:
            self.ref = self.services.drafts.save(self.session.draft, self.ref)
        except SaveError as exc:
            self._cannot_save(str(exc))
            return False
        self.session.mark_saved()
        return True

    def save_as(self) -> bool:
        if self.session is None:
            return False
        if self.ref is not None and self.ref.path is not None:
            suggestion = self.ref.path
        else:
            stem = re.sub(r"[^\w\-]+", "-", self.session.title, flags=re.UNICODE).strip("-")
            suggestion = Path.home() / f"{stem or 'bewerbung'}.zwk"
        name, _ = QFileDialog.getSaveFileName(
            self,
            translate("Main", "Bewerbung speichern unter"),
            str(suggestion),
            translate("Main", "ZWK-Entwürfe (*.zwk)"),
        )
        if not name:
            return False
        path = Path(name)
        if path.suffix.lower() != ".zwk":
            path = path.with_name(path.name + ".zwk")
        try:
            self.ref = self.services.drafts.save_file(self.session.draft, path)
        except SaveError as exc:
            self._cannot_save(str(exc))
            return False
        self.example = False
        self.session.mark_saved()
        return True

    def _cannot_save(self, message: str) -> None:
        QMessageBox.critical(self, translate("Main", "Nicht gespeichert"), message)

    def maybe_close(self) -> bool:
        """Whether the open draft may be closed: saved, or the user chose to save or discard."""
        if self.session is None or not self.session.dirty:
            return True
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(translate("Main", "Ungespeicherte Änderungen"))
        box.setText(
            translate("Main", "Die Bewerbung „{title}“ hat ungespeicherte Änderungen.").format(
                title=self.session.title
            )
        )
        box.setInformativeText(translate("Main", "Möchten Sie die Änderungen speichern?"))
        box.setStandardButtons(
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel
        )
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        answer = box.exec()
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def close_draft(self) -> None:
        if self.session is None or not self.maybe_close():
            return
        self._discard_view()
        self.stack.setCurrentWidget(self.start)
        self.start.refresh()
        self._enable()
        self.update_title()
        self.session_closed.emit()
        self.start.focus_first()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.maybe_close():
            self._discard_view()
            event.accept()
        else:
            event.ignore()

    # ----------------------------------------------------------------- title and settings

    def save_state(self) -> str:
        """The save state in words, as shown in the window title."""
        if self.session is None:
            return ""
        if self.ref is None:
            if self.example and not self.session.dirty:
                return translate("Main", "Beispiel, nicht gespeichert")
            return translate("Main", "noch nicht gespeichert")
        if self.session.dirty:
            return translate("Main", "ungespeicherte Änderungen")
        return translate("Main", "gespeichert")

    def update_title(self) -> None:
        if self.session is None:
            self.setWindowTitle(APP_NAME)
            return
        name = self.session.title
        where = f" ({self.ref.label})" if self.ref is not None else ""
        self.setWindowTitle(f"{name}{where} – {self.save_state()} – {APP_NAME}")

    def show_settings(self) -> None:
        from zwk_desktop.ui.settings_dialog import SettingsDialog

        SettingsDialog(self.services.settings, self).exec()
