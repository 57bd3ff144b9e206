"""ZWK_QUIT_AFTER_START=1: the program shows its main window, reports it and quits cleanly; a
window that refuses to close or a main window that never comes fails with its own exit code.

These run real processes: the probe ends the event loop, which a test must not do to the
shared QApplication of pytest-qt."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from zwk_desktop.app import QUIT_AFTER_START
from zwk_desktop.ui.window.startup_probe import (
    EXIT_NO_MAIN_WINDOW,
    EXIT_WINDOW_STAYED_OPEN,
    SHOWN_MARKER,
)

ROOT = Path(__file__).resolve().parent.parent


def _run(args: list[str], quit_after_start: bool = True) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    if quit_after_start:
        env[QUIT_AFTER_START] = "1"
    return subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, env=env, cwd=ROOT, timeout=60
    )


def test_the_program_starts_shows_its_main_window_and_quits() -> None:
    started = time.time()
    done = _run(["-m", "zwk_desktop"])
    assert done.returncode == 0, done.stderr
    lines = [line for line in done.stdout.splitlines() if line.startswith(SHOWN_MARKER)]
    assert len(lines) == 1
    shown = float(lines[0].split()[1])
    assert started < shown < time.time()
    assert "Traceback" not in done.stderr


def test_the_program_opens_a_draft_given_on_the_command_line_and_quits() -> None:
    done = _run(["-m", "zwk_desktop", str(ROOT / "examples" / "gemeinde-lindenhagen.zwk")])
    assert done.returncode == 0, done.stderr
    assert SHOWN_MARKER in done.stdout


def test_a_window_that_refuses_to_close_fails_the_start() -> None:
    script = """
import sys
from PySide6.QtWidgets import QApplication, QMainWindow
from zwk_desktop.ui.window.startup_probe import install_probe

install_probe([])

class Stubborn(QMainWindow):
    def closeEvent(self, event):
        event.ignore()

window = Stubborn()
window.setWindowTitle("Ungespeicherte Änderungen")
window.show()
sys.exit(QApplication.instance().exec())
"""
    done = _run(["-c", script])
    assert done.returncode == EXIT_WINDOW_STAYED_OPEN
    assert "ließen sich nicht schließen: Ungespeicherte Änderungen" in done.stderr


def test_no_main_window_fails_the_start_after_the_time_limit() -> None:
    script = """
import sys
from PySide6.QtWidgets import QApplication, QDialog
import zwk_desktop.ui.window.startup_probe as probe

probe.TIMEOUT_S = 1
probe.install_probe([])
dialog = QDialog()  # a dialog is not the main window
dialog.show()
sys.exit(QApplication.instance().exec())
"""
    done = _run(["-c", script])
    assert done.returncode == EXIT_NO_MAIN_WINDOW
    assert "kein Hauptfenster" in done.stderr
    assert SHOWN_MARKER not in done.stdout
