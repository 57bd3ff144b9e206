"""The Posteingang in the main window's menu (issue 18): Datei → „Posteingang öffnen…“ asks for
the folder with the received applications and opens the Posteingang window on it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog

from zwk_desktop.ui.common import translate
from zwk_desktop.ui.extensions import DraftWindow, MenuAction


def open_inbox(window: DraftWindow) -> object | None:
    """Ask for a folder and open the Posteingang window on it (None when cancelled)."""
    name = QFileDialog.getExistingDirectory(
        window.window(),
        translate("InboxMenu", "Posteingang öffnen – Ordner mit den eingegangenen Bewerbungen"),
        str(Path.home()),
    )
    if not name:
        return None
    from zwk_desktop.ui.inbox.window import InboxWindow

    inbox = InboxWindow(Path(name), window.window(), trust=trust_anchors())
    inbox.show()
    return inbox


def trust_anchors() -> Path | None:
    """The trust anchors of the settings (Einstellungen → Vertrauensanker), if any: the same as
    for the Prüfansicht."""
    from zwk_desktop.locations import data_dir
    from zwk_desktop.services.settings import SettingsStore

    folder = SettingsStore(data_dir()).load().trust_folder
    return Path(folder).expanduser() if folder else None


def inbox_menu() -> list[MenuAction]:
    def build(window: DraftWindow) -> QAction:
        action = QAction(translate("InboxMenu", "P&osteingang öffnen…"), window.window())
        action.setObjectName("aktion:posteingang")
        action.setToolTip(
            translate(
                "InboxMenu",
                "Alle eingegangenen Bewerbungen eines Ordners prüfen und als Übersicht zeigen",
            )
        )
        action.triggered.connect(lambda: open_inbox(window))
        return action

    return [MenuAction("datei", build)]
