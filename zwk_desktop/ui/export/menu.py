"""The export side in the main window's menus (issue 5).

Datei → „Exportieren…“ (the export dialog for the open draft), „Druckfassung (ENTWURF)…“ (the
unsigned print of the open draft, even with errors), „Paket prüfen…“ (the Prüfansicht of a
package folder or its e-mail); Extras → „Signaturidentitäten…“.

`export_menu()` returns the `MenuAction`s the composition root adds to the window's extensions.
The window builds them at start-up, so this module makes only the actions: their commands
(`zwk_desktop.ui.export.commands.ExportCommands`) are imported when an entry is chosen.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence

from zwk_desktop.ui.common import translate
from zwk_desktop.ui.extensions import DraftWindow, MenuAction, MenuName

if TYPE_CHECKING:
    from zwk_desktop.ui.export.commands import IdentityStoreFactory


def run(window: DraftWindow, command: str, identities: IdentityStoreFactory | None) -> None:
    """Run a command of the window's `ExportCommands` (made on first use)."""
    from zwk_desktop.ui.export.commands import ExportCommands

    getattr(ExportCommands.of(window, identities), command)()


def _entry(
    menu: MenuName,
    name: str,
    text: Callable[[], str],
    command: str,
    identities: IdentityStoreFactory | None,
    needs_draft: bool = False,
    keys: str = "",
) -> MenuAction:
    def build(window: DraftWindow) -> QAction:
        action = QAction(text(), window.window())
        action.setObjectName(name)
        if keys:  # setShortcuts with a list: setShortcut's overloads build Qt's namespace
            action.setShortcuts([QKeySequence.fromString(keys)])
        action.triggered.connect(lambda: run(window, command, identities))
        window.window().addAction(action)  # the shortcut works while no menu is open
        return action

    return MenuAction(menu, build, needs_draft)


def export_menu(identities: IdentityStoreFactory | None = None) -> list[MenuAction]:
    """The menu entries of the export side; `identities` opens the signing identities (tests
    pass their own; default: the user's, with the OS keyring)."""
    entries: list[tuple[MenuName, str, str, bool, str, Callable[[], str]]] = [
        # menu, objectName, command (a method of ExportCommands), only with a draft, keys, text
        ("datei", "aktion:exportieren", "export", True, "Ctrl+E",
         lambda: translate("ExportMenu", "E&xportieren…")),
        ("datei", "aktion:druckfassung", "print_draft", True, "Ctrl+P",
         lambda: translate("ExportMenu", "&Druckfassung (ENTWURF)…")),
        ("datei", "aktion:paket-pruefen", "check_package", False, "",
         lambda: translate("ExportMenu", "Paket &prüfen…")),
        ("extras", "aktion:signaturidentitaeten", "manage_identities", False, "",
         lambda: translate("ExportMenu", "Signatur&identitäten…")),
    ]  # fmt: skip
    return [_entry(m, name, text, cmd, identities, needs, keys)
            for m, name, cmd, needs, keys, text in entries]  # fmt: skip
