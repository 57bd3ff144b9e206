"""The About/Licences dialog lists every component with its licence and shows the notices and
licence texts (real widgets, offscreen)."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
from test_licences import DESTATIS_SOURCE

from zwk_desktop.licences import components
from zwk_desktop.ui.dialogs.about import AboutDialog, about_action, show_about


@pytest.fixture
def resources(tmp_path: Path) -> Path:
    folder = tmp_path / "resources"
    (folder / "fonts").mkdir(parents=True)
    shutil.copy("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", folder / "fonts")
    (folder / "gemeindeverzeichnis").mkdir()
    (folder / "gemeindeverzeichnis" / "SOURCE.md").write_text(DESTATIS_SOURCE, encoding="utf-8")
    return folder


def group_titles(dialog: AboutDialog) -> list[str]:
    tree = dialog.tree
    return [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]


def test_lists_every_component_by_group(qtbot: Any, resources: Path) -> None:
    dialog = AboutDialog(found=components(resources=resources))
    qtbot.addWidget(dialog)
    assert group_titles(dialog) == [
        "Programm",
        "Laufzeitumgebung",
        "Python-Bibliotheken",
        "Schriften",
        "Daten",
    ]
    for name in ("ZWK Desktop", "Python", "Qt", "PySide6_Essentials", "pydantic", "PyYAML"):
        assert dialog.item_named(name) is not None, name
    qt = dialog.item_named("Qt")
    assert qt is not None and qt.text(2) == "LGPL-3.0-only"


def test_choosing_qt_shows_the_lgpl_notice_and_text(qtbot: Any, resources: Path) -> None:
    dialog = AboutDialog(found=components(resources=resources))
    qtbot.addWidget(dialog)
    dialog.tree.setCurrentItem(dialog.item_named("Qt"))
    shown = dialog.text.toPlainText()
    assert "GNU Lesser General Public License Version 3" in shown
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in shown
    assert "GNU GENERAL PUBLIC LICENSE" in shown


def test_shows_the_destatis_attribution_and_the_font(qtbot: Any, resources: Path) -> None:
    dialog = AboutDialog(found=components(resources=resources))
    qtbot.addWidget(dialog)
    data = dialog.item_named("Gemeindeverzeichnis (Destatis GV100AD), Gebietsstand 30.11.2025")
    assert data is not None
    dialog.tree.setCurrentItem(data)
    assert "Datenquelle: © Statistisches Bundesamt (Destatis), 2025" in dialog.text.toPlainText()
    font = dialog.item_named("DejaVu Sans")
    assert font is not None and font.text(2) == "Bitstream-Vera"


def test_starts_on_the_program_and_shows_the_data_folder(qtbot: Any) -> None:
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    assert dialog.tree.currentItem().text(0) == "ZWK Desktop"
    assert dialog.data_folder.text() == os.environ["ZWK_DATA_DIR"]
    assert dialog.tree.accessibleName() == "Bestandteile und ihre Lizenzen"


def test_a_missing_bundle_list_is_explained(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    assert dialog.tree.topLevelItemCount() == 0
    assert "Die Lizenzliste des Programms" in dialog.text.toPlainText()


def test_escape_closes_it(qtbot: Any) -> None:
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())


def modal_dialogs_while(opening: Callable[[], object]) -> list[AboutDialog]:
    """Run `opening` (which blocks in a modal dialog) and close every About dialog it opens."""
    seen: list[AboutDialog] = []

    def close_it() -> None:
        modal = QApplication.activeModalWidget()
        if isinstance(modal, AboutDialog):
            seen.append(modal)
            modal.reject()

    timer = QTimer()
    timer.timeout.connect(close_it)
    timer.start(20)
    opening()
    timer.stop()
    return seen


def test_the_menu_entry_opens_it_over_the_window(qtbot: Any) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    action = about_action(window)
    window.menuBar().addMenu("&Hilfe").addAction(action)
    assert action.text() == "Ü&ber ZWK Desktop…"
    [dialog] = modal_dialogs_while(action.trigger)
    assert dialog.parent() is window


def test_show_about_opens_it_modally(qtbot: Any) -> None:
    [dialog] = modal_dialogs_while(lambda: show_about(None))
    assert dialog.windowTitle() == "Über ZWK Desktop"
