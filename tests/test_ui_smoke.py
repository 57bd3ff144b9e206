"""The window opens a draft and lists its findings by section (real widgets, offscreen)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from conftest import EXAMPLES, load_example

from zwk_desktop.ui.application import FindingsWindow


def test_window_lists_findings_by_section(qtbot: Any, tmp_path: Path) -> None:
    env = load_example("gemeinde-lindenhagen.zwk")
    del env["data"]["kommune"]["name"]
    env["data"]["unterschrift"]["datum"] = "2021-08-02"
    path = tmp_path / "x.zwk"
    path.write_text(json.dumps(env), encoding="utf-8")
    window = FindingsWindow()
    qtbot.addWidget(window)
    window.open_file(path)
    tree = window.tree
    sections = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
    assert sections == ["Angaben zur Kommune", "Ort, Datum, Unterschrift"]
    first = tree.topLevelItem(0).child(0)
    assert (first.text(0), first.text(1)) == ("Fehler", "kommune.name")
    assert "1 Fehler, 2 Hinweise" in window.summary.text()  # + ags_unknown (fictitious AGS)


def test_window_title_names_the_kommune(qtbot: Any) -> None:
    window = FindingsWindow()
    qtbot.addWidget(window)
    window.open_file(EXAMPLES / "landkreis-hohenwald.zwk")
    assert window.windowTitle().startswith("Landkreis Hohenwald")
    # only the ags_unknown warning of the fictitious Landkreis
    assert window.tree.topLevelItemCount() == 1
    assert window.tree.topLevelItem(0).child(0).text(1) == "kommune.ags"
