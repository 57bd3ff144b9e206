"""Cold start to the interactive main window, against a bare PySide6 QMainWindow started the
same way in the same run (each a fresh Python process; medians of alternating runs). The start
opens the draft store (a run recorded, the recent drafts listed); a third figure starts on a
store with 1,000 drafts and their versions, where the store's check of the database file at
the first connection (``PRAGMA quick_check``) grows with its size."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks import Result, benchmark

BARE = """
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
window.resize(1200, 800)
window.show()
QTimer.singleShot(0, app.quit)
app.exec()
"""

OURS = """
from zwk_desktop.app import run_gui
run_gui(["--quit-after-start"])
"""

EXAMPLE = """
from zwk_desktop.app import run_gui
run_gui(["examples/landkreis-hohenwald.zwk", "--quit-after-start"])
"""

RUNS = 9
FULL_STORE = 1000
"""Drafts (each with three saved versions) in the store of the third figure."""


ROOT = Path(__file__).resolve().parent.parent


def _fill(folder: Path) -> float:
    """A store with FULL_STORE drafts of the largest example; returns its size in MB."""
    from zwk_desktop.domain.draft import read_draft
    from zwk_desktop.services.records import DraftSnapshot
    from zwk_desktop.services.store import DB_NAME, DraftStore

    largest = max((ROOT / "examples").glob("*.zwk"), key=lambda p: p.stat().st_size)
    draft = read_draft(largest)
    store = DraftStore(folder / DB_NAME)
    for n in range(FULL_STORE):
        draft.data["kommune"]["name"] = f"Gemeinde {n}"
        draft_id = store.create(draft)
        for k in range(3):
            draft.data["kommune"]["einwohner"] = 1000 + k
            store.save(draft_id, DraftSnapshot.of(draft), reason="save")
    store.close()
    return sum(p.stat().st_size for p in folder.iterdir() if p.is_file()) / 1e6


def _seconds(code: str, env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], env=env, check=True, capture_output=True, cwd=ROOT)
    return time.perf_counter() - start


@benchmark
def startup() -> list[Result]:
    with tempfile.TemporaryDirectory() as data, tempfile.TemporaryDirectory() as full:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", ZWK_DATA_DIR=data)
        # An installed program starts from compiled bytecode (pip and the bundle ship .pyc);
        # a PYTHONDONTWRITEBYTECODE in the developer's environment must not make every
        # measured start compile the program's sources again.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(Path(data) / "pycache")
        full_env = dict(env, ZWK_DATA_DIR=full)
        size = _fill(Path(full))
        _seconds(BARE, env)  # warm the file and bytecode caches for all of them
        _seconds(OURS, env)
        _seconds(EXAMPLE, env)
        _seconds(OURS, full_env)
        bare, ours, example, crowded = [], [], [], []
        for _ in range(RUNS):
            bare.append(_seconds(BARE, env))
            ours.append(_seconds(OURS, env))
            example.append(_seconds(EXAMPLE, env))
            crowded.append(_seconds(OURS, full_env))
    b, o, e = statistics.median(bare), statistics.median(ours), statistics.median(example)
    f = statistics.median(crowded)
    return [
        Result(
            "Kaltstart bis zum bedienbaren Hauptfenster",
            o,
            b,
            "s",
            "≤ 1,6 × leeres QMainWindow",
            o <= 1.6 * b,
        ),
        Result(
            "Start mit Entwurf bis zur ersten bearbeitbaren Seite",
            e,
            b,
            "s",
            "≤ 1 s",
            e <= 1.0,
        ),
        Result(
            f"Kaltstart mit {FULL_STORE:,} gespeicherten Entwürfen ({size:.0f} MB)".replace(
                ",", "."
            ),
            f,
            b,
            "s",
            "≤ 1 s",
            f <= 1.0,
        ),
    ]
