"""Nothing vanishes silently (issue 13 item 6, issue 15 item 4): unexpected errors are written to
a rotating log in the data folder without personal data; the command line exits 3 with a German
sentence naming the log; ``about --json`` names the log file."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from clitools import run_cli

from zwk_desktop.cli import about, gemeinde, validate
from zwk_desktop.cli.main import main
from zwk_desktop.services import crashlog

SECRET = "Passphrase-geheim-4711"


@pytest.fixture(autouse=True)
def _fresh_log() -> object:
    crashlog.close()
    yield
    crashlog.close()


def _boom(*_: object) -> int:
    raise RuntimeError(f"kaputt mit {SECRET} in /home/erika/Bewerbung.zwk")


@pytest.mark.parametrize(
    ("module", "argv"),
    [
        (gemeinde, ["gemeinde", "Neustadt"]),
        (validate, ["validate", "x.zwk"]),
        (about, ["about", "--json"]),
    ],
)
def test_an_internal_error_in_a_command_exits_3_with_german_sentence_and_log(
    module: object,
    argv: list[str],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    name = {"gemeinde": "run_gemeinde", "validate": "run_validate", "about": "run_about"}[argv[0]]
    monkeypatch.setattr(module, name, _boom)
    code = main(argv)
    err = capsys.readouterr().err
    assert code == 3
    log = crashlog.log_path()
    assert "Interner Fehler in ZWK Desktop (RuntimeError)" in err
    assert str(log) in err
    assert "Traceback" not in err
    assert SECRET not in err
    text = log.read_text(encoding="utf-8")
    assert "RuntimeError" in text
    assert "zwk_desktop/cli/main.py" in text  # the stack, as module and line
    assert SECRET not in text and "erika" not in text  # never the message


def test_the_command_line_exits_3_in_a_real_process(tmp_path: Path) -> None:
    """A subprocess whose command fails inside: exit 3, no traceback, the log path."""
    hook = tmp_path / "sitecustomize.py"
    hook.write_text(
        "import zwk_desktop.cli.gemeinde as g\n"
        "def _boom(args):\n"
        "    raise KeyError('Erika Mustermann')\n"
        "g.run_gemeinde = _boom\n",
        encoding="utf-8",
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(tmp_path), os.getcwd()])}
    result = run_cli("gemeinde", "Neustadt", env=env)
    assert result.returncode == 3, result.stderr
    assert "Traceback" not in result.stderr
    assert "Interner Fehler" in result.stderr
    log = Path(os.environ["ZWK_DATA_DIR"]) / "protokoll" / "zwk-desktop.log"
    assert str(log) in result.stderr
    assert "KeyError" in log.read_text(encoding="utf-8")
    assert "Mustermann" not in log.read_text(encoding="utf-8")


def test_about_json_names_the_log_file() -> None:
    result = run_cli("about", "--json")
    assert result.returncode == 0, result.stderr
    listing = json.loads(result.stdout)
    assert listing["log_file"] == str(
        Path(os.environ["ZWK_DATA_DIR"]) / "protokoll" / "zwk-desktop.log"
    )
    assert "Protokoll:" in run_cli("about").stdout


def test_excepthook_writes_the_log_and_calls_the_dialog() -> None:
    shown: list[crashlog.CrashReport] = []
    old_hook, old_thread_hook = sys.excepthook, threading.excepthook
    try:
        crashlog.install(shown.append)
        try:
            raise ValueError(f"Wert {SECRET}")
        except ValueError as exc:
            sys.excepthook(type(exc), exc, exc.__traceback__)
        worker = threading.Thread(target=lambda: _boom())
        worker.start()
        worker.join()
    finally:
        sys.excepthook, threading.excepthook = old_hook, old_thread_hook
    assert [r.kind for r in shown] == ["ValueError", "RuntimeError"]
    assert all(r.log == crashlog.log_path() for r in shown)
    assert str(crashlog.log_path()) in shown[0].message
    assert "test_crash_handling.py" in shown[0].details
    assert SECRET not in shown[0].details + shown[1].details
    text = crashlog.log_path().read_text(encoding="utf-8")
    assert text.count("Unbehandelte Ausnahme") == 2


def test_log_entries_name_error_numbers_and_remove_the_home_folder() -> None:
    error = PermissionError(13, "Zugriff verweigert", str(Path.home() / "Dokumente" / "x"))
    error.winerror = 32  # type: ignore[attr-defined]
    report = crashlog.record(error)
    assert "PermissionError (errno=13, winerror=32)" in report.details
    crashlog.write("WARNING", f"Qt: cannot open {Path.home() / 'Bilder' / 'a.png'}")
    text = crashlog.log_path().read_text(encoding="utf-8")
    assert str(Path.home()) not in text
    assert "~/Bilder/a.png" in text.replace("\\", "/")


def test_the_log_rotates_and_keeps_three_old_files(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(crashlog, "MAX_BYTES", 2000)
    for n in range(200):
        crashlog.write("INFO", f"Eintrag {n:03d} " + "x" * 60)
    folder = crashlog.log_path().parent
    names = sorted(p.name for p in folder.iterdir())
    assert names == [
        "zwk-desktop.log",
        "zwk-desktop.log.1",
        "zwk-desktop.log.2",
        "zwk-desktop.log.3",
    ]
    assert all(p.stat().st_size <= 2200 for p in folder.iterdir())


def test_an_unwritable_data_folder_still_gives_a_german_sentence(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "datei"
    blocker.write_text("kein Ordner", encoding="utf-8")
    monkeypatch.setenv("ZWK_DATA_DIR", str(blocker / "daten"))
    report = crashlog.record(RuntimeError("x"))
    assert report.log is None
    assert "Protokoll ließ sich nicht schreiben" in report.message


def test_the_windowed_program_logs_an_error_at_start(tmp_path: Path) -> None:
    """The GUI path installs the hook before anything else: an error while the window is built
    is in the log (here forced through a broken form folder)."""
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": os.pathsep.join([str(tmp_path), os.getcwd()]),
    }
    (tmp_path / "sitecustomize.py").write_text(
        "import zwk_desktop.app as a\n"
        "def _boom():\n"
        "    raise OSError(28, 'voll')\n"
        "a.build_services = _boom\n",
        encoding="utf-8",
    )
    result = subprocess.run(
        [sys.executable, "-m", "zwk_desktop"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode != 0
    log = Path(os.environ["ZWK_DATA_DIR"]) / "protokoll" / "zwk-desktop.log"
    assert "OSError (errno=28)" in log.read_text(encoding="utf-8")
