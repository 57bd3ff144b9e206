"""Start-up stays light: the start screen needs neither the form nor the PDF or signing libraries."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from conftest import EXAMPLES

from zwk_desktop.services.recovery import start_up
from zwk_desktop.services.store import DB_NAME, DraftStore

PROBE = """
import json, sys
from zwk_desktop.app import run_gui
code = run_gui(sys.argv[1:] + ["--quit-after-start"])
import PySide6.QtCore
qt_namespace = "Qt" in vars(PySide6.QtCore)
print(json.dumps({"code": code, "modules": sorted(sys.modules), "qt_namespace": qt_namespace}))
"""


def start(*args: str, data_dir: Path) -> dict[str, object]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", ZWK_DATA_DIR=str(data_dir))
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=True,
    )
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def roots(modules: object) -> set[str]:
    assert isinstance(modules, list)
    return {m.split(".")[0] for m in modules}


def test_start_screen_imports_no_pdf_signing_or_form_libraries(tmp_path: Path) -> None:
    result = start(data_dir=tmp_path)
    assert result["code"] == 0
    loaded = roots(result["modules"])
    assert "PySide6" in loaded
    assert not loaded & {"reportlab", "pyhanko", "pikepdf", "pydantic", "yaml", "babel"}


def test_opening_a_draft_at_start_still_imports_no_pdf_or_signing_library(tmp_path: Path) -> None:
    example = EXAMPLES / "landkreis-hohenwald.zwk"
    before = example.read_bytes()
    result = start(str(example), data_dir=tmp_path)
    assert result["code"] == 0
    loaded = roots(result["modules"])
    assert "pydantic" in loaded, "the draft was opened"
    assert not loaded & {"reportlab", "pyhanko", "pikepdf"}
    # zwk-desktop DATEI.zwk: the file became a new draft of the store, the file is unchanged,
    # and quitting ended the run cleanly (nothing to recover at the next start)
    store = DraftStore(tmp_path / DB_NAME)
    assert [d.title for d in store.list_drafts()] == ["Landkreis Hohenwald"]
    assert example.read_bytes() == before
    later = start_up(store)
    assert later.reopen is None and later.messages == []
    later.shut_down()


def test_the_menus_of_export_directory_and_about_load_their_parts_only_when_used(
    tmp_path: Path,
) -> None:
    result = start(data_dir=tmp_path)
    modules = result["modules"]
    assert isinstance(modules, list)
    assert "zwk_desktop.ui.export.menu" in modules and "zwk_desktop.ui.dialogs.about" in modules
    for lazy in (
        "zwk_desktop.ui.export.commands",
        "zwk_desktop.ui.export.dialog",
        "zwk_desktop.ui.export.package_view",
        "zwk_desktop.ui.dialogs.identity",
        "zwk_desktop.services.identities",
        "zwk_desktop.ui.directory.extra",
        "zwk_desktop.ui.pages.population_extra",
        "zwk_desktop.directory",
        "zwk_desktop.licences",
    ):
        assert lazy not in modules, lazy


def test_the_start_screen_loads_the_crash_handler_but_not_what_only_an_error_or_a_merge_needs(
    tmp_path: Path,
) -> None:
    """Issue 13's crash handler is installed at start; its dialog, the log's rotation, issue 16's
    merge and sync machinery and the single instance's hashing come when first used."""
    result = start(data_dir=tmp_path)
    assert result["code"] == 0
    modules = result["modules"]
    assert isinstance(modules, list)
    for needed in ("zwk_desktop.services.crashlog", "zwk_desktop.ui.dialogs.error"):
        assert needed in modules, needed
    for lazy in (
        "zwk_desktop.ui.dialogs.error_dialog",
        "logging.handlers",
        "socket",
        "pickle",
        "queue",
        "platform",
        "hashlib",
        "secrets",
        "zwk_desktop.services.store_sync",
        "zwk_desktop.domain.jsonread",
        "zwk_desktop.domain.lineage",
        "zwk_desktop.domain.merge",
        "zwk_desktop.domain.collab",
        "zwk_desktop.ui.dialogs.merge",
        "zwk_desktop.ui.dialogs.collab",
    ):
        assert lazy not in modules, lazy
    # PySide6 builds its whole Qt namespace (all enums, ~25 ms) the first time a module names
    # Qt; nothing on the way to the start screen does
    assert result["qt_namespace"] is False
