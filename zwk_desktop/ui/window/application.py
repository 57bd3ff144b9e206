"""Starting the desktop program: the Qt application, the language, the main window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from zwk_desktop import __version__
from zwk_desktop.locations import data_dir
from zwk_desktop.ui.common import icon, install_accessibility, service_text
from zwk_desktop.ui.dialogs.error import install_error_handling
from zwk_desktop.ui.window.context import UiServices
from zwk_desktop.ui.window.handover import Handover
from zwk_desktop.ui.window.language import install_translators, translation_file
from zwk_desktop.ui.window.main_window import MainWindow

__all__ = ["install_translators", "run", "translation_file"]


def run(argv: list[str], services: UiServices) -> int:
    app = QApplication.instance() or QApplication([sys.argv[0], *argv])
    assert isinstance(app, QApplication)
    app.setApplicationName("ZWK Desktop")
    app.setApplicationVersion(__version__)
    app.setWindowIcon(icon("programm"))
    install_error_handling(app)
    install_accessibility()
    install_translators(app, services.settings.load().language)
    window = MainWindow(services)
    app.aboutToQuit.connect(window.end_run)
    window.show()
    handover = Handover(window, data_dir())
    files = [a for a in argv if not a.startswith("-")]
    if files:
        handover.open_file(Path(files[0]))
    if "--quit-after-start" in argv:
        QTimer.singleShot(0, app.quit)
    return int(app.exec())


def show_message(title: str, text: str, language: str = "de") -> None:
    """A message of the services before (or instead of) the main window, e.g. from a second
    start, in the user's `language`."""
    from PySide6.QtWidgets import QMessageBox

    app = QApplication.instance() or QApplication([sys.argv[0]])
    assert isinstance(app, QApplication)
    app.setWindowIcon(icon("programm"))
    install_translators(app, language)
    QMessageBox.warning(None, title, service_text(text))
