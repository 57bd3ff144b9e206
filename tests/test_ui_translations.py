"""Every string of the user interface goes through Qt's translation system; the English
translation is complete, current and compiled."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

from conftest import ROOT
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from zwk_desktop.ui.application import install_translators, translation_file

TS = ROOT / "resources" / "translations" / "zwk_desktop_en.ts"


def messages(path: Path) -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(path).getroot()
    return [
        (ctx.findtext("name") or "", m.findtext("source") or "", m)
        for ctx in root.findall("context")
        for m in ctx.findall("message")
    ]


def test_the_translation_file_lists_every_current_string(tmp_path: Path) -> None:
    copy = tmp_path / "en.ts"
    shutil.copy(TS, copy)
    sources = sorted(str(p) for p in (ROOT / "zwk_desktop" / "ui").glob("*.py"))
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    subprocess.run(
        [str(lupdate), *sources, "-ts", str(copy), "-source-language", "de_DE",
         "-target-language", "en_GB", "-no-obsolete", "-locations", "none"],
        check=True, capture_output=True,
    )  # fmt: skip
    assert [(c, s) for c, s, _ in messages(copy)] == [(c, s) for c, s, _ in messages(TS)], (
        "run `make translations` and translate the new strings"
    )


def test_every_string_is_translated_with_the_same_placeholders() -> None:
    found = messages(TS)
    assert len(found) > 100
    for context, source, message in found:
        translation = message.find("translation")
        assert translation is not None and translation.get("type") is None, (context, source)
        text = translation.text or ""
        assert text.strip(), (context, source)
        assert sorted(re.findall(r"\{\w+\}", text)) == sorted(re.findall(r"\{\w+\}", source))
        assert source.count("&") == text.count("&"), (context, source)


def test_the_compiled_translation_is_loaded_for_english(qapp: QApplication) -> None:
    assert translation_file("en").exists()
    translator = QTranslator()
    assert translator.load(str(translation_file("en")))
    assert translator.translate("Main", "&Datei") == "&File"
    installed = install_translators(qapp, "en")
    try:
        assert QCoreApplication.translate("Common", "vollständig") == "complete"
        assert QCoreApplication.translate("Editor", "Abschnitte") == "Sections"
    finally:
        for t in installed:
            qapp.removeTranslator(t)
        QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    assert QCoreApplication.translate("Common", "vollständig") == "vollständig"


def test_english_window(qtbot: Any, qapp: QApplication) -> None:
    from uitools import make_window

    installed = install_translators(qapp, "en")
    try:
        window = make_window(qtbot)
        menus = [a.text() for a in window.menuBar().actions()]
        assert menus == ["&File", "&Go", "&Tools", "&Help"]
        assert window.start.new_button.text() == "&New application"
    finally:
        for t in installed:
            qapp.removeTranslator(t)
        QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
