"""Composition root of the desktop program: checks the display, creates the services and
hands them to the UI."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from zwk_desktop.formspec.models import FormSpec
    from zwk_desktop.ui.extensions import Extensions, PageExtra
    from zwk_desktop.ui.window.context import UiServices

NO_DISPLAY = (
    "ZWK Desktop braucht eine grafische Oberfläche, aber es ist keine Anzeige verfügbar "
    "(weder DISPLAY noch WAYLAND_DISPLAY ist gesetzt). Starten Sie das Programm in einer "
    "Desktop-Sitzung, unter einem virtuellen Bildschirm (z. B. „xvfb-run zwk-desktop“) oder "
    "ohne Fenster mit QT_QPA_PLATFORM=offscreen. Für die Arbeit ohne Fenster gibt es die "
    "Befehle, siehe „zwk-desktop --help“."
)


def display_available() -> bool:
    """Whether Qt can open a window here (Windows and macOS always can)."""
    if sys.platform in ("win32", "darwin"):
        return True
    if os.environ.get("QT_QPA_PLATFORM", "").split(":")[0] in ("offscreen", "minimal", "vnc"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


QUIT_AFTER_START = "ZWK_QUIT_AFTER_START"
"""Environment variable for smoke tests and start-up measurements: with ``1`` the program quits
by itself once its main window is shown (see `zwk_desktop.ui.window.startup_probe`)."""


def build_services() -> UiServices:
    """The services of the window: the draft store, settings, examples, extensions."""
    from zwk_desktop.locations import data_dir, examples_dir
    from zwk_desktop.services.private_files import prepare_data_dir
    from zwk_desktop.services.recovery import open_store
    from zwk_desktop.services.settings import SettingsStore
    from zwk_desktop.services.window_state import WindowState
    from zwk_desktop.ui.extensions import Extensions
    from zwk_desktop.ui.window.context import UiServices

    folder = prepare_data_dir(data_dir())
    extensions = Extensions()
    add_export_and_directory(extensions)
    return UiServices(
        store=open_store(),
        settings=SettingsStore(folder),
        extensions=extensions,
        examples=examples_dir(),
        window_state=WindowState(folder),
    )


def add_export_and_directory(extensions: Extensions) -> None:
    """Export, identities and Prüfansicht in the menus (issue 5); the municipality picker and
    the population chart on their pages (issue 6); About/Licences in the Hilfe menu (issue 7);
    the Posteingang in the Datei menu (issue 18). Their modules import only Qt here; what they
    need beyond is imported when used."""
    from zwk_desktop.ui.dialogs.about import about_action
    from zwk_desktop.ui.export.menu import export_menu
    from zwk_desktop.ui.extensions import MenuAction
    from zwk_desktop.ui.inbox.menu import inbox_menu

    about = MenuAction("hilfe", lambda window: about_action(window.window()))
    extensions.actions += [*export_menu(), *inbox_menu(), about]
    extensions.form_extras.append(directory_and_chart)


def directory_and_chart(spec: FormSpec, section_id: str) -> list[PageExtra]:
    """The page extras the form places: the municipality directory on the kommune page, the
    population chart after its table. Imported when a page is built, not at start-up."""
    from zwk_desktop.ui.directory.extra import directory_extras
    from zwk_desktop.ui.pages.population_extra import population_extras

    return directory_extras(spec, section_id) + population_extras(spec, section_id)


def run_gui(argv: Sequence[str]) -> int:
    from zwk_desktop.services import crashlog

    crashlog.install()  # the window replaces this with its error dialog once it exists
    if not display_available():
        print(NO_DISPLAY, file=sys.stderr)
        return 2
    from zwk_desktop.locations import data_dir
    from zwk_desktop.services import instance

    files = [Path(a) for a in argv if not a.startswith("-")]
    lock, problem = instance.start_or_hand_over(data_dir(), files)
    if lock is None:  # another window runs: it took the request, or it does not answer
        if problem:
            from zwk_desktop.services.settings import SettingsStore
            from zwk_desktop.ui.window.application import show_message

            print(problem, file=sys.stderr)
            show_message("ZWK Desktop", problem, SettingsStore(data_dir()).load().language)
            return 1
        return 0
    if os.environ.get(QUIT_AFTER_START) == "1":
        from zwk_desktop.ui.window.startup_probe import install_probe

        install_probe(argv)
    from zwk_desktop.ui.window.application import run

    try:
        return run(list(argv), build_services())
    finally:
        lock.release()
