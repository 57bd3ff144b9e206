"""The main window's own actions (each with its objectName, text and shortcuts) and its menu bar.

The actions trigger the window's commands (`WindowCommands`, which `MainWindow` implements); the
menus add the actions other parts of the program contribute (`Extensions.actions`, built with
the window as their `DraftWindow`) to „Datei“, „Extras“ and „Hilfe“.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar, QWidget

from zwk_desktop.services.store import DraftStore, StoreError
from zwk_desktop.ui.common import draft_title, service_text, translate
from zwk_desktop.ui.extensions import DraftWindow, Extensions
from zwk_desktop.ui.window.start_page import RECENT, Example


class WindowCommands(DraftWindow, Protocol):
    """What the window's actions and menus trigger (`MainWindow` implements it)."""

    def new_draft(self) -> None: ...
    def open_dialog(self) -> None: ...
    def open_example(self, path: Path) -> None: ...
    def open_draft(self, draft_id: int) -> None: ...
    def show_drafts(self) -> None: ...
    def save(self) -> None: ...
    def save_as(self) -> bool: ...
    def show_versions(self) -> None: ...
    def close_draft(self) -> None: ...
    def close(self) -> bool: ...
    def show_settings(self) -> None: ...
    def show_merge(self) -> None: ...
    def show_comments(self) -> None: ...
    def show_field_history(self) -> None: ...
    def show_history(self) -> None: ...
    def show_changes(self) -> None: ...
    def mark_all_seen(self) -> None: ...
    def editor_call(self, name: str) -> None:
        """Call a method of the editing view (``next``, ``show_review``, …) if a draft is open."""
        ...


def make_action(
    parent: QWidget,
    name: str,
    text: str,
    slot: Callable[[], object],
    *keys: QKeySequence.StandardKey | str,
) -> QAction:
    action = QAction(text, parent)
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
    parent.addAction(action)  # shortcuts work even while a menu bar entry is hidden
    return action


class WindowActions:
    """The window's own actions; `draft_actions` are enabled only while a draft is open."""

    def __init__(self, parent: QWidget, commands: WindowCommands) -> None:
        std = QKeySequence.StandardKey
        c = commands

        def act(
            name: str, text: str, slot: Callable[[], object], *keys: QKeySequence.StandardKey | str
        ) -> QAction:
            return make_action(parent, name, text, slot, *keys)

        self.new = act("aktion:neu", translate("Main", "&Neue Bewerbung"), c.new_draft, std.New)
        self.open = act(
            "aktion:oeffnen", translate("Main", "Bewerbung ö&ffnen…"), c.open_dialog, std.Open
        )
        self.open.setToolTip(
            translate(
                "Main",
                "Eine .zwk-Datei übernehmen: in den Entwurf, zu dem sie gehört (zusammenführen), "
                "sonst als neuen Entwurf",
            )
        )
        self.drafts = act(
            "aktion:entwuerfe", translate("Main", "&Entwürfe…"), c.show_drafts, "Ctrl+Shift+O"
        )
        self.save = act("aktion:speichern", translate("Main", "&Speichern"), c.save, std.Save)
        self.save.setToolTip(
            translate("Main", "Jetzt speichern und den Stand als Version festhalten")
        )
        self.save_as = act(
            "aktion:speichern-unter",
            translate("Main", "Speichern &unter…"),
            c.save_as,
            "Ctrl+Shift+S",
        )
        self.save_as.setToolTip(
            translate("Main", "Den Entwurf als .zwk-Datei in einen Ordner schreiben (exportieren)")
        )
        self.versions = act("aktion:versionen", translate("Main", "&Versionen…"), c.show_versions)
        self.close = act(
            "aktion:schliessen",
            translate("Main", "Bewerbung s&chließen"),
            c.close_draft,
            "Ctrl+W",
            "Ctrl+F4",
        )
        self.quit = act("aktion:beenden", translate("Main", "&Beenden"), c.close, "Ctrl+Q")
        self.back = act(
            "aktion:zurueck",
            translate("Main", "&Voriger Abschnitt"),
            lambda: c.editor_call("back"),
            "Alt+Left",
        )
        self.next = act(
            "aktion:weiter",
            translate("Main", "&Nächster Abschnitt"),
            lambda: c.editor_call("next"),
            "Alt+Right",
        )
        self.review = act(
            "aktion:pruefen",
            translate("Main", "&Prüfen"),
            lambda: c.editor_call("show_review"),
            "F8",
        )
        self.sections = act(
            "aktion:abschnitte",
            translate("Main", "Zur &Abschnittsliste"),
            lambda: c.editor_call("focus_sections"),
            "F6",
        )
        self.help = act(
            "aktion:hilfe",
            translate("Main", "&Hilfe zum Feld ein/aus"),
            lambda: c.editor_call("toggle_help"),
            std.HelpContents,
        )
        self.settings = act(
            "aktion:einstellungen", translate("Main", "&Einstellungen…"), c.show_settings
        )
        self.comments = act(
            "aktion:kommentare",
            translate("Main", "Kommen&tare zum Feld…"),
            c.show_comments,
            "Ctrl+Shift+K",
        )
        self.comments.setToolTip(
            translate("Main", "Kommentare zum Feld mit dem Cursor lesen, schreiben, erledigen")
        )
        self.field_history = act(
            "aktion:verlauf-feld",
            translate("Main", "Änderungsverlauf des &Feldes…"),
            c.show_field_history,
            "Ctrl+Shift+H",
        )
        self.history = act(
            "aktion:verlauf",
            translate("Main", "Änderungsverlauf der &Bewerbung…"),
            c.show_history,
        )
        self.changes = act(
            "aktion:aenderungen",
            translate("Main", "Änderungen von &anderen zeigen"),
            c.show_changes,
        )
        self.seen = act(
            "aktion:gesehen",
            translate("Main", "Alle Änderungen als &gesehen markieren"),
            c.mark_all_seen,
        )
        self.merge = act(
            "aktion:konflikte",
            translate("Main", "&Konflikte entscheiden…"),
            c.show_merge,
        )
        self.merge.setToolTip(
            translate("Main", "Die Konflikte einer Zusammenführung, die noch offen sind")
        )
        self.teamwork = [
            self.comments, self.field_history, self.history, self.changes, self.seen,
            self.merge,
        ]  # fmt: skip
        self.draft_actions = [
            self.save, self.save_as, self.versions, self.close, self.back, self.next,
            self.review, self.sections, self.help, *self.teamwork,
        ]  # fmt: skip


def build_menus(
    bar: QMenuBar,
    commands: WindowCommands,
    actions: WindowActions,
    extensions: Extensions,
    examples: list[Example],
    store: DraftStore,
) -> None:
    """Fill the window's menu bar; the contributed actions that need a draft join
    `actions.draft_actions`."""
    extra: dict[str, list[QAction]] = {"datei": [], "extras": [], "hilfe": []}
    for contribution in extensions.actions:
        action = contribution.build(commands)
        extra[contribution.menu].append(action)
        if contribution.needs_draft:
            actions.draft_actions.append(action)
    file_menu = bar.addMenu(translate("Main", "&Datei"))
    file_menu.setToolTipsVisible(True)
    file_menu.addAction(actions.new)
    file_menu.addAction(actions.open)
    file_menu.addAction(actions.drafts)
    recent_menu = file_menu.addMenu(translate("Main", "&Zuletzt verwendet"))
    recent_menu.aboutToShow.connect(lambda: fill_recent(recent_menu, store, commands))
    example_menu = file_menu.addMenu(translate("Main", "Beispie&l öffnen"))
    for example in examples:
        action = example_menu.addAction(example.title)
        action.triggered.connect(lambda _=False, p=example.path: commands.open_example(p))
    file_menu.addSeparator()
    file_menu.addAction(actions.save)
    file_menu.addAction(actions.save_as)
    file_menu.addAction(actions.versions)
    if extra["datei"]:
        file_menu.addSeparator()
        file_menu.addActions(extra["datei"])
    file_menu.addSeparator()
    file_menu.addAction(actions.close)
    file_menu.addAction(actions.quit)
    go = bar.addMenu(translate("Main", "&Gehe zu"))
    go.addActions([actions.back, actions.next, actions.review, actions.sections])
    teamwork = bar.addMenu(translate("Main", "&Zusammenarbeit"))
    teamwork.setObjectName("menue:zusammenarbeit")
    teamwork.setToolTipsVisible(True)
    teamwork.addActions(actions.teamwork[:3])
    teamwork.addSeparator()
    teamwork.addActions(actions.teamwork[3:])
    extras = bar.addMenu(translate("Main", "E&xtras"))
    extras.addAction(actions.settings)
    extras.addActions(extra["extras"])
    help_menu = bar.addMenu(translate("Main", "&Hilfe"))
    help_menu.addAction(actions.help)
    help_menu.addActions(extra["hilfe"])


def fill_recent(menu: QMenu, store: DraftStore, commands: WindowCommands) -> None:
    """„Zuletzt verwendet“, filled each time it opens."""
    menu.clear()
    try:
        entries = store.list_drafts(limit=RECENT)
    except StoreError as exc:
        menu.addAction(service_text(str(exc))).setEnabled(False)
        return
    for entry in entries:
        action = menu.addAction(draft_title(entry.label))
        action.triggered.connect(lambda _=False, i=entry.id: commands.open_draft(i))
    if not entries:
        menu.addAction(translate("Main", "Noch keine Entwürfe")).setEnabled(False)
