"""The language of the window: Qt's own texts and ours, and the plural forms of German.

German is the source language of the program's texts. Texts that count (``%n Hinweise``) take
their plural forms from a translation file for German too (``zwk_desktop_de.qm``, made by
``make translations`` with lupdate's ``-pluralonly``): Qt chooses the form by the language's
rules, never a comparison with 1 in our code.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from zwk_desktop.locations import resources_dir
from zwk_desktop.ui.common import counting

TRANSLATIONS = "translations"


def translation_file(language: str) -> Path:
    """The compiled translation of the program's own texts: English complete, German its
    plural forms."""
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
    if ours.exists():
        own = QTranslator(app)
        if own.load(str(ours)):
            app.installTranslator(own)
            installed.append(own)
    return installed


def plural_forms_missing() -> bool:
    """Whether no translation gives the plural forms of counting texts (the window was made
    without `zwk_desktop.ui.window.application.run`, which installs the translators)."""
    return counting().warnings(1) == "1 Hinweise"


def ensure_translators(app: QApplication) -> None:
    """German with its plural forms, unless a language was installed already."""
    if plural_forms_missing():
        install_translators(app, "de")
