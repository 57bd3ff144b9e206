"""Issue 15 in the window: adding attachments stops at the limit for all attachments together
(so every draft fits into a file the program reads back), and a file that is no regular file
(a pipe) is refused at once instead of blocking the window."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox
from uitools import answering_message_box, key, make_window, shortcut, widget


def _pdf(path: Path, size: int, seed: int) -> Path:
    head = b"%PDF-1.7\n%" + str(seed).encode() + b"\n"
    with path.open("wb") as out:
        out.write(head)
        out.truncate(size)  # sparse: no disk used
    return path


def test_adding_stops_at_the_total_limit_with_a_german_message(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window(qtbot)
    shortcut(window, "Ctrl+N")
    session = window.session
    assert session is not None and window.editor is not None
    window.editor.go_to(11)
    chosen: list[Path] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(chosen[-1]), ""))
    add = widget(window, "anlagen:hinzufuegen")
    policy = session.spec.policy
    per_file = policy.attachment_max_bytes.value - 1000
    fitting = policy.attachments_max_total_bytes.value // per_file
    for n in range(fitting):
        chosen.append(_pdf(tmp_path / f"anlage{n}.pdf", per_file, n))
        add.setFocus()
        key(add, Qt.Key.Key_Space)
    assert session.item_count("anlagen") == fitting
    chosen.append(_pdf(tmp_path / "eine-zu-viel.pdf", per_file, 99))
    add.setFocus()
    with answering_message_box(qtbot, window, QMessageBox.StandardButton.Ok) as texts:
        key(add, Qt.Key.Key_Space)
    assert "„eine-zu-viel.pdf“" in texts[0] and "alle Anlagen zusammen" in texts[0]
    assert "20,0 MB" in texts[0]
    assert session.item_count("anlagen") == fitting


def test_a_pipe_is_refused_without_waiting(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window(qtbot)
    shortcut(window, "Ctrl+N")
    session = window.session
    assert session is not None and window.editor is not None
    window.editor.go_to(11)
    pipe = tmp_path / "scan.pdf"
    os.mkfifo(pipe)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(pipe), ""))
    add = widget(window, "anlagen:hinzufuegen")
    add.setFocus()
    with answering_message_box(qtbot, window, QMessageBox.StandardButton.Ok) as texts:
        key(add, Qt.Key.Key_Space)
    assert "keine gewöhnliche Datei" in texts[0]
    assert session.item_count("anlagen") == 0
