"""First contact, continued (issue 10, items 12–14): the English interface says everything the
program writes in English, the program's shortcuts win over a text field's own bindings, the
file dialogs start in the user's Documents and remember the last folder, and the versions name
the cause of an export."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import EXAMPLES, ROOT
from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QPushButton
from test_ui_translations import english
from uitools import key, make_window, widget

from zwk_desktop.services.identities import PassphraseRequest

# --------------------------------------------------------------------------- 12. English


def test_the_services_sentences_are_english_in_the_english_interface(
    qapp: QApplication,
) -> None:
    from zwk_desktop.services.secrets import NO_KEYRING
    from zwk_desktop.ui.common import service_text
    from zwk_desktop.ui.dialogs.identity import PassphraseDialog

    missing = "Die gespeicherte Passphrase fehlt im Schlüsselbund oder passt nicht."
    german = [
        missing,
        "Abgebrochen: ohne Passphrase kann nicht signiert werden.",
        NO_KEYRING.format(detail="kein Dienst für Zugangsdaten läuft"),
        NO_KEYRING.format(detail="nur ein unsicherer Klartext-Speicher ist eingerichtet"),
        "Python-Paket pydantic 2.9.2",
        "Die Passphrase braucht mindestens 10 Zeichen. Die Passphrase ist falsch.",
    ]
    assert [service_text(t) for t in german] == german  # German stays as the services say
    with english(qapp):
        shown = [service_text(t) for t in german]
        dialog = PassphraseDialog(PassphraseRequest("Katrin Wendland", missing))
        reason = dialog.reason.text()
        dialog.deleteLater()
    assert shown[0] == "The stored passphrase is missing from the keyring or does not match."
    assert shown[1].startswith("Cancelled:")
    assert shown[2].startswith("No keyring of the operating system") and "credential" in shown[2]
    assert "plain-text" in shown[3]
    assert shown[4] == "Python package pydantic 2.9.2"
    assert shown[5] == "The passphrase needs at least 10 characters. The passphrase is wrong."
    assert reason == shown[0]


def test_every_service_text_is_one_the_services_write() -> None:
    """The catalogue lists sentences the Qt-free layers really write (word for word, with
    their placeholders as in the source)."""
    import re

    from zwk_desktop.ui.common import SERVICE_TEXTS

    sources = " ".join(
        p.read_text(encoding="utf-8")
        for folder in ("services", "licences", "domain")
        for p in (ROOT / "zwk_desktop" / folder).rglob("*.py")
    )
    sources += (ROOT / "zwk_desktop" / "oserrors.py").read_text(encoding="utf-8")
    flat = re.sub(r'"\s+(?:f)?"', "", sources)  # implicit string concatenation joined
    for text in SERVICE_TEXTS:
        pieces = re.split(r"\{\w+\}", re.sub(r"^1 ", "", text))  # „1 Konflikt“: a counted noun
        anchor = max(pieces, key=len).strip()[:40]
        assert anchor and anchor in flat, text


def test_the_english_window_names_list_entries_and_counts_in_english(
    qtbot: Any, qapp: QApplication
) -> None:
    with english(qapp):
        window = make_window(qtbot)
        window.resize(1024, 700)
        window.new_draft()
        assert window.editor is not None
        window.editor.go_to(8)
        add = widget(window, "finanzplan.posten:hinzufuegen")
        assert isinstance(add, QPushButton) and add.text() == "New entry: Posten"
        notice = window.notices
        assert notice.isVisible() and "stays in German" in notice.text.text()
        counter = widget(window, "kommune.name:zaehler")
        assert isinstance(counter, QLabel) and counter.text() == "0 / 150 characters"
        assert counter.wordWrap() or counter.width() >= counter.sizeHint().width()
        window.close_draft()
        window.new_draft()  # said once
        assert not window.notices.isVisible()


def test_the_drafts_list_shows_whole_dates_in_english(qtbot: Any, qapp: QApplication) -> None:
    from store_helpers import example, make_store

    from zwk_desktop.ui.dialogs.drafts_manager import DraftsDialog, DraftsModel

    store = make_store()
    for _ in range(3):
        store.create(example())
    with english(qapp):
        dialog = DraftsDialog(store)
        qtbot.addWidget(dialog)
        dialog.show()
        view = dialog.manager.view
        header = view.horizontalHeader()
        for column in (DraftsModel.CHANGED, DraftsModel.COMPLETE):
            needed = max(view.sizeHintForColumn(column), header.sectionSizeHint(column))
            assert header.sectionSize(column) >= needed, column


# --------------------------------------------------------------------------- 13. shortcuts


def test_ctrl_e_in_a_text_field_exports_on_a_linux_desktop(tmp_path: Path) -> None:
    """Under X11 a text field binds Ctrl+E to „end of line“; the window's Ctrl+E wins."""
    env = dict(os.environ, QT_QPA_PLATFORM="xcb", ZWK_DATA_DIR=str(tmp_path))
    done = subprocess.run(
        ["xvfb-run", "-a", sys.executable, str(ROOT / "tests" / "xcb_shortcut_child.py")],
        capture_output=True,
        text=True,
        env=env,
        timeout=180,
        check=True,
    )
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert "Ctrl+E" in result["bindings"], "the desktop's own binding is there"
    assert result["dialogs"] == ["ExportDialog"], "the export opened"
    assert result["cursor"] == 0, "the cursor did not move"


# --------------------------------------------------------------------------- 14. folders


def documents() -> Path:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(folder) if folder and Path(folder).is_dir() else Path.home()


def test_file_dialogs_start_in_documents_then_in_the_last_folder(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from zwk_desktop.ui import common

    started: list[str] = []
    chosen = tmp_path / "Bescheide" / "beschluss.pdf"
    chosen.parent.mkdir()
    chosen.write_bytes(b"%PDF-1.4\n%\xe2\xe3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
    answers = [str(chosen), ""]

    def ask(_parent: object, _title: str, folder: str, _filter: str = "") -> tuple[str, str]:
        started.append(folder)
        return answers.pop(0), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", ask)
    window = make_window(qtbot)
    window.new_draft()
    assert window.editor is not None
    window.editor.go_to(11)
    add = widget(window, "anlagen:hinzufuegen")
    add.setFocus()
    key(add, Qt.Key.Key_Space)  # „Datei hinzufügen…“
    assert Path(started[0]) == documents(), "first in the user's documents"
    window.open_dialog()  # „Bewerbung öffnen…“ starts where the last file came from
    assert Path(started[1]) == chosen.parent
    window.close()
    common.FOLDERS.last = None  # a new start of the program
    again = make_window(qtbot)
    assert common.FOLDERS.start() == chosen.parent, "remembered across starts"
    again.close()


def test_versions_name_the_cause_of_an_export(qtbot: Any, tmp_path: Path) -> None:
    import contextlib
    import io

    from store_helpers import make_store

    from zwk_desktop.cli.main import main
    from zwk_desktop.services.portable import import_file
    from zwk_desktop.ui.dialogs.versions import reason_text

    store = make_store()
    draft_id = import_file(store, EXAMPLES / "gemeinde-lindenhagen.zwk").draft_id
    store.close()
    with contextlib.redirect_stdout(io.StringIO()):
        assert main(["drafts", "export", str(draft_id), str(tmp_path / "kopie.zwk")]) == 0
    window = make_window(qtbot)
    window.open_draft(draft_id)
    assert window.record_version()  # what the export dialog records before a package
    texts = [reason_text(v) for v in make_store().versions(draft_id)]
    assert texts[:2] == ["Vor dem Paketexport", "Vor dem Export als .zwk-Datei"]
