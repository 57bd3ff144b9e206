"""A whole application typed into the real window, widget by widget, with key events.

The widgets are found by objectName (= field path). The result validates without findings and
equals the example draft it was typed from; the attachment goes through the file dialog path
(only the OS dialog itself is replaced).
"""

from __future__ import annotations

import base64
import json
import re
from pathlib import Path
from typing import Any

import pytest
from conftest import load_example
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QFileDialog
from store_helpers import make_store
from uitools import focused, key, make_window, shortcut, title_and_state, type_text, widget

from zwk_desktop.domain.draft import normalize
from zwk_desktop.editing import entry
from zwk_desktop.formspec.models import FormField, FormSpec
from zwk_desktop.ui.window.main_window import MainWindow

EXAMPLE = "landkreis-hohenwald.zwk"


def press(window: MainWindow, name: str) -> None:
    button = widget(window, name)
    button.setFocus()
    key(button, Qt.Key.Key_Space)


def fill_scalar(window: MainWindow, f: FormField, path: str, value: Any, kind: str = "") -> None:
    w = widget(window, path)
    t = kind or f.type
    if t == "bool":
        assert isinstance(w, QCheckBox)
        if w.isChecked() != value:
            w.setFocus()
            key(w, Qt.Key.Key_Space)
        return
    if t == "choice":
        if isinstance(w, QComboBox):
            # keyboard search by the label's first word (Space would open the list), then ↓
            w.setFocus()
            type_text(w, f.choice_labels[value].split(" ")[0])
            for _ in range(w.count()):
                if w.currentData() == value:
                    break
                key(w, Qt.Key.Key_Down)
            assert w.currentData() == value
        else:
            press(window, f"{path}#{value}")
        return
    if t == "multi":
        for code in value:
            press(window, f"{path}#{code}")
        return
    text = {
        "int": lambda v: str(v),
        "dec": lambda v: str(v).replace(".", ","),
        "money": lambda v: v.replace(".", ","),
        "date": entry.show_date,
        "month": entry.show_month,
    }.get(t, str)(value)
    w.setFocus()
    type_text(w, text)


def fill(window: MainWindow, spec: FormSpec, f: FormField, path: str, value: Any) -> None:
    session = window.session
    assert session is not None
    if f.type == "group":
        for child in f.fields:
            if child.id in value:
                fill(window, spec, child, f"{path}.{child.id}", value[child.id])
    elif f.type == "list":
        readonly = set()
        if path == spec.attachments.list:
            layout = spec.attachments
            readonly = {layout.file, layout.sha256, layout.size}
        for _ in range(session.item_count(path), len(value)):
            press(window, f"{path}:hinzufuegen")
        for i, item in enumerate(value):
            for child in f.fields:
                if child.id in item and child.id != f.fixed_rows and child.id not in readonly:
                    fill(window, spec, child, f"{path}[{i}].{child.id}", item[child.id])
    elif f.type == "year_map":
        for year, amount in value.items():
            fill_scalar(window, f, f"{path}.{year}", amount, f.item_type or "money")
    else:
        fill_scalar(window, f, path, value)


@pytest.mark.slow
def test_a_complete_application_typed_into_the_widgets_equals_the_example(
    qtbot: Any, spec: FormSpec, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    example = load_example(EXAMPLE)
    data = example["data"]
    attachment = data[spec.attachments.list][0]
    source = tmp_path / attachment["datei"]
    source.write_bytes(base64.b64decode(example["files"][attachment["sha256"]]))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(source), ""))

    window = make_window(qtbot)
    shortcut(window, "Ctrl+N")
    session = window.session
    assert session is not None and focused() is widget(window, "kommune.name")
    for n, section in enumerate(spec.sections):
        if n:
            shortcut(window, "Alt+Right")
        assert window.editor is not None and window.editor.index == n
        fill(window, spec, section.node, section.id, data[section.id])

    qtbot.waitUntil(lambda: not session.stale, timeout=10_000)
    report = session.report
    # the fictitious example's key is not in the municipality directory: only that warning
    assert [(f.code, f.path) for f in report.findings] == [("ags_unknown", "kommune.ags")]
    assert normalize(spec, session.draft.data) == normalize(spec, data)
    assert {sha: base64.b64encode(b).decode() for sha, b in session.draft.files.items()} == example[
        "files"
    ]

    shortcut(window, "Ctrl+S")
    assert window.current is not None and window.current.draft_id is not None
    stored = make_store().load(window.current.draft_id).draft
    assert normalize(spec, stored.data) == normalize(spec, data)
    assert stored.files == session.draft.files
    assert re.fullmatch(
        r"Landkreis Hohenwald – Gespeichert \d\d:\d\d – ZWK Desktop", title_and_state(window)
    )
    target = tmp_path / "bewerbung.zwk"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    shortcut(window, "Ctrl+Shift+S")  # „Speichern unter…“: the draft as a file
    saved = json.loads(target.read_text(encoding="utf-8"))
    assert normalize(spec, saved["data"]) == normalize(spec, data)
    assert saved["files"] == example["files"]
