"""Cold start to the interactive main window, against a bare PySide6 QMainWindow started the
same way in the same run (each a fresh Python process; medians of alternating runs)."""

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


ROOT = Path(__file__).resolve().parent.parent


def _seconds(code: str, env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], env=env, check=True, capture_output=True, cwd=ROOT)
    return time.perf_counter() - start


@benchmark
def startup() -> list[Result]:
    with tempfile.TemporaryDirectory() as data:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", ZWK_DATA_DIR=data)
        _seconds(BARE, env)  # warm the file cache for both
        _seconds(OURS, env)
        bare, ours, example = [], [], []
        for _ in range(RUNS):
            bare.append(_seconds(BARE, env))
            ours.append(_seconds(OURS, env))
            example.append(_seconds(EXAMPLE, env))
    b, o, e = statistics.median(bare), statistics.median(ours), statistics.median(example)
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
    ]
