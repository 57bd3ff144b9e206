"""Every string of the user interface goes through Qt's translation system; the English
translation is complete, current and compiled."""

from __future__ import annotations

import ast
import datetime as dt
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from conftest import EXAMPLES, ROOT
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtWidgets import QApplication, QMenu

from zwk_desktop.ui.window.application import install_translators, translation_file

TS = ROOT / "resources" / "translations" / "zwk_desktop_en.ts"
TS_DE = ROOT / "resources" / "translations" / "zwk_desktop_de.ts"
"""German's own file: the plural forms of the counting texts (lupdate -pluralonly)."""
UI_SOURCES = sorted((ROOT / "zwk_desktop" / "ui").rglob("*.py"))


@contextmanager
def english(qapp: QApplication) -> Iterator[None]:
    """The English translation installed for the block; German again afterwards."""
    installed = install_translators(qapp, "en")
    try:
        yield
    finally:
        for t in installed:
            qapp.removeTranslator(t)
        QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))


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
    sources = [str(p) for p in UI_SOURCES]
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    subprocess.run(
        [str(lupdate), *sources, "-ts", str(copy), "-source-language", "de_DE",
         "-target-language", "en_GB", "-no-obsolete", "-locations", "none"],
        check=True, capture_output=True,
    )  # fmt: skip
    assert [(c, s) for c, s, _ in messages(copy)] == [(c, s) for c, s, _ in messages(TS)], (
        "run `make translations` and translate the new strings"
    )


def test_the_german_plural_forms_list_every_counting_string(tmp_path: Path) -> None:
    copy = tmp_path / "de.ts"
    shutil.copy(TS_DE, copy)
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    subprocess.run(
        [str(lupdate), *map(str, UI_SOURCES), "-ts", str(copy), "-pluralonly",
         "-source-language", "de_DE", "-target-language", "de_DE", "-no-obsolete",
         "-locations", "none"],
        check=True, capture_output=True,
    )  # fmt: skip
    assert [(c, s) for c, s, _ in messages(copy)] == [(c, s) for c, s, _ in messages(TS_DE)]
    counting = [(c, s) for c, s, m in messages(TS) if m.get("numerus") == "yes"]
    assert counting and [(c, s) for c, s, _ in messages(TS_DE)] == counting


def texts_of(translation: ET.Element) -> list[str]:
    """The translation, or each of its plural forms."""
    forms = translation.findall("numerusform")
    return [f.text or "" for f in forms] if forms else [translation.text or ""]


def test_every_string_is_translated_with_the_same_placeholders() -> None:
    found = messages(TS) + messages(TS_DE)
    assert len(found) > 100
    for context, source, message in found:
        translation = message.find("translation")
        assert translation is not None and translation.get("type") is None, (context, source)
        for text in texts_of(translation):
            assert text.strip(), (context, source)
            placeholders = sorted(re.findall(r"\{\w+\}", text))
            assert placeholders == sorted(re.findall(r"\{\w+\}", source)), (context, source)
            assert source.count("&") == text.count("&"), (context, source)
            assert re.findall(r"%L?n", text) == re.findall(r"%L?n", source), (context, source)


def test_counting_texts_take_the_plural_form_of_the_language(qapp: QApplication) -> None:
    from zwk_desktop.ui.common import count_missing, count_warnings, counting

    assert [count_warnings(n) for n in (1, 2)] == ["1 Hinweis", "2 Hinweise"]
    assert count_missing(1) == "1 Angabe fehlt" and count_missing(7) == "7 Angaben fehlen"
    assert counting().entries(1) == "1 Eintrag"
    assert counting().characters(1500) == "1.500 Zeichen"
    with english(qapp):
        assert [count_warnings(n) for n in (1, 2)] == ["1 warning", "2 warnings"]
        assert counting().entries(4) == "4 entries"


def test_change_markers_and_comments_are_counted_by_the_plural_rules(qapp: QApplication) -> None:
    """Issue 16's counts in the section list go through Qt's plural forms (issue 10)."""
    from zwk_desktop.ui.common import changes_by, count_comments

    assert changes_by({"Frau Schmidt": 1, "": 3}) == [
        "3 Änderungen der anderen Seite",
        "1 Änderung von Frau Schmidt",
    ]
    assert [count_comments(n) for n in (1, 2)] == ["1 offener Kommentar", "2 offene Kommentare"]
    with english(qapp):
        assert changes_by({"Frau Schmidt": 2}) == ["2 changes by Frau Schmidt"]
        assert count_comments(1) == "1 open comment"


def test_the_compiled_translation_is_loaded_for_english(qapp: QApplication) -> None:
    assert translation_file("en").exists()
    translator = QTranslator()
    assert translator.load(str(translation_file("en")))
    assert translator.translate("Main", "&Datei") == "&File"
    with english(qapp):
        assert QCoreApplication.translate("Common", "vollständig") == "complete"
        assert QCoreApplication.translate("Editor", "Abschnitte") == "Sections"
    assert QCoreApplication.translate("Common", "vollständig") == "vollständig"


def mnemonic(text: str) -> str | None:
    """The letter after the single ``&`` of a menu entry (``&&`` is a literal ampersand)."""
    found = re.search(r"(?<!&)&([^&])", text)
    return found.group(1).casefold() if found else None


def test_english_window(qtbot: Any, qapp: QApplication) -> None:
    from uitools import make_window

    with english(qapp):
        window = make_window(qtbot)
        menus = [a.text() for a in window.menuBar().actions()]
        assert menus == ["&File", "&Go", "Colla&boration", "&Tools", "&Help"]
        assert window.start.new_button.text() == "&New application"
        # every entry of a menu has its own access key, as in any menu a keyboard user opens
        for bar_entry in window.menuBar().actions():
            menu = bar_entry.menu()
            assert isinstance(menu, QMenu)
            keys = [mnemonic(a.text()) for a in menu.actions() if not a.isSeparator()]
            assert None not in keys, (bar_entry.text(), keys)
            assert len(keys) == len(set(keys)), (bar_entry.text(), keys)
        window.new_draft()
        assert window.windowTitle().startswith("New application – ")


def _literal(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def _ancestors(node: ast.AST, parents: dict[ast.AST, ast.AST]) -> Iterator[ast.AST]:
    while node in parents:
        node = parents[node]
        yield node


def test_every_translated_text_is_a_literal_lupdate_collects_under_its_runtime_context() -> None:
    """pyside6-lupdate sees only ``self.tr("…")`` inside a class (context: the class, which is
    also where Qt looks) and ``translate("Context", "…")`` with literal strings; it skips calls
    inside f-strings, and ``widget.tr("…")`` ends up under the context "widget"."""
    problems = []
    for path in UI_SOURCES:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
            where = f"{path.name}:{node.lineno}: {ast.unparse(node)[:70]}"
            if name == "tr":
                in_class = any(isinstance(a, ast.ClassDef) for a in _ancestors(node, parents))
                on_self = isinstance(func, ast.Attribute) and ast.unparse(func.value) == "self"
                if not (node.args and _literal(node.args[0]) and on_self and in_class):
                    problems.append(where)
            elif name == "translate" and not all(_literal(a) for a in node.args[:2]):
                problems.append(where)
            if name in ("tr", "translate") and any(
                isinstance(a, ast.JoinedStr) for a in _ancestors(node, parents)
            ):
                problems.append(f"{where} (inside an f-string)")
    assert problems == []


def test_texts_the_services_give_in_german_read_the_same_in_the_german_interface(
    qtbot: Any, qapp: QApplication, spec: Any
) -> None:
    """The interface translates some German texts of the Qt-free layers itself (the export's
    steps, its readiness, the licence groups, the untitled draft, a version's time, the note on
    self-signed certificates); without a translation it shows exactly the German of those
    layers."""
    from zwk_desktop.domain import UNTITLED
    from zwk_desktop.domain.draft import new_draft, read_draft
    from zwk_desktop.licences import KIND_LABELS, Kind
    from zwk_desktop.services.export import STEPS, acknowledge_all, readiness
    from zwk_desktop.services.identities import SELF_SIGNED_NOTE
    from zwk_desktop.services.records import VersionInfo
    from zwk_desktop.ui.common import draft_title
    from zwk_desktop.ui.dialogs.about import AboutDialog
    from zwk_desktop.ui.dialogs.identity import NewIdentityDialog
    from zwk_desktop.ui.dialogs.versions import version_time
    from zwk_desktop.ui.export.dialog import readiness_text, step_labels

    one_warning = read_draft(EXAMPLES / "gemeinde-lindenhagen.zwk")
    states = [
        readiness(spec, new_draft(spec)),  # errors
        readiness(spec, one_warning),
        readiness(spec, read_draft(EXAMPLES / "staedteverbund-oberes-tal.zwk")),
    ]
    states.append(readiness(spec, acknowledge_all(one_warning, states[1].unacknowledged, "ok")))
    assert [len(r.unacknowledged) for r in states[1:]] == [1, 4, 0] and not states[0].report.valid
    version = VersionInfo(1, 1, dt.datetime(2026, 11, 24, 9, 5, 31, tzinfo=dt.UTC), "save", "", 1)
    about, new_identity = AboutDialog(found=[]), NewIdentityDialog()
    qtbot.addWidget(about)
    qtbot.addWidget(new_identity)

    assert step_labels() == STEPS
    assert [readiness_text(r) for r in states] == [r.message() for r in states]
    assert about.group_titles() == KIND_LABELS
    assert draft_title(UNTITLED) == UNTITLED
    assert version_time(version) == version.local_time_text
    assert new_identity.self_signed_note() == SELF_SIGNED_NOTE
    with english(qapp):
        assert step_labels()[0] == "Check entries" and len(step_labels()) == len(STEPS)
        assert [readiness_text(r) for r in states][1:] == [
            "1 warning has not been acknowledged yet. Please check and acknowledge every "
            "warning (with a justification) before exporting.",
            "4 warnings have not been acknowledged yet. Please check and acknowledge every "
            "warning (with a justification) before exporting.",
            "The application is ready for export.",
        ]
        assert about.group_titles()[Kind.LIBRARY] == "Python libraries"
        assert draft_title(UNTITLED) == "New application"
        assert "Uhr" not in version_time(version)
        assert new_identity.self_signed_note().startswith("Self-signed certificate")
