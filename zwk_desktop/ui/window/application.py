"""Starting the desktop program: the Qt application, the language, the main window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtWidgets import QApplication

from zwk_desktop import __version__
from zwk_desktop.locations import resources_dir
from zwk_desktop.ui.common import icon
from zwk_desktop.ui.window.context import UiServices
from zwk_desktop.ui.window.main_window import MainWindow

TRANSLATIONS = "translations"


def translation_file(language: str) -> Path:
    """The compiled translation of the program's own texts (German needs none)."""
    return resources_dir() / TRANSLATIONS / f"zwk_desktop_{language}.qm"


def install_translators(app: QApplication, language: str) -> list[QTranslator]:
    """Qt's own texts (dialog buttons) and ours in the chosen language."""
    locale = QLocale(
        QLocale.Language.English if language == "en" else QLocale.Language.German,
        QLocale.Country.UnitedKingdom if language == "en" else QLocale.Country.Germany,
    )
    QLocale.setDefault(locale)
    installed = []
    qt = QTranslator(app)
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        installed.append(qt)
    ours = translation_file(language)
    if language != "de" and ours.exists():
        own = QTranslator(app)
        if own.load(str(ours)):
            app.installTranslator(own)
            installed.append(own)
    return installed


def run(argv: list[str], services: UiServices) -> int:
    app = QApplication.instance() or QApplication([sys.argv[0], *argv])
    assert isinstance(app, QApplication)
    app.setApplicationName("ZWK Desktop")
    app.setApplicationVersion(__version__)
    app.setWindowIcon(icon("programm"))
    install_translators(app, services.settings.load().language)
    window = MainWindow(services)
    app.aboutToQuit.connect(window.end_run)
    window.show()
    files = [a for a in argv if not a.startswith("-")]
    if files:
        window.open_path(Path(files[0]))
    if "--quit-after-start" in argv:
        QTimer.singleShot(0, app.quit)
    return int(app.exec())
