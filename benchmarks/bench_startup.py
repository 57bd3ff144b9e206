"""Starting the program the way a user starts it, each start a fresh process, medians of
alternating runs after a warm-up (files and bytecode in the page cache):

- the installed console script ``zwk-desktop`` to the first painted main window and a clean quit
  (``ZWK_QUIT_AFTER_START=1``), against a bare QMainWindow script started the same way (an
  executable script with the same interpreter, the same probe); also with an example opened and
  with a store of 1,000 drafts;
- ``zwk-desktop --version`` against ``python -c "import argparse"``;
- ``zwk-desktop validate`` of an example against a bare script that imports pydantic and PyYAML,
  loads the form file and validates it with a pydantic model.

An installed program runs from compiled bytecode: ``PYTHONDONTWRITEBYTECODE`` (set on this
machine) is removed and a ``PYTHONPYCACHEPREFIX`` given, so that no measured start compiles.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from benchmarks import Result, benchmark

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = Path(sys.executable).parent / ("zwk-desktop.exe" if os.name == "nt" else "zwk-desktop")
"""The console script pip installed: what a user of a source install runs."""
RUNS = 9
FULL_STORE = 1000
"""Drafts (each with three saved versions) in the store of the crowded start."""

BARE_WINDOW = """
import os, sys
from PySide6.QtWidgets import QApplication, QMainWindow
if os.environ.get("ZWK_QUIT_AFTER_START") == "1":
    from zwk_desktop.ui.window.startup_probe import install_probe
    install_probe(sys.argv[1:])
app = QApplication.instance() or QApplication(sys.argv)
window = QMainWindow()
window.resize(900, 600)
window.show()
sys.exit(app.exec())
"""
"""The bare baseline: one empty main window, quit by the same probe (packaging's baseline)."""

BARE_VALIDATE = """
import sys
from typing import Any
import pydantic
import yaml

class Field(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(extra="allow")
    id: str
    type: str
    label: str

class Section(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(extra="allow")
    id: str
    title: str
    fields: list[Field] = []

class Form(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(extra="allow")
    id: str
    sections: list[Section]
    rules: list[dict[str, Any]]

with open(sys.argv[1], encoding="utf-8") as fh:
    raw = yaml.load(fh, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
Form.model_validate(raw)
"""
"""The bare baseline of ``validate``: pydantic and PyYAML, the form file loaded and validated."""


def executable_script(folder: Path, name: str, code: str) -> Path:
    """A script started the way the console script is: directly, through its #! line."""
    path = folder / name
    path.write_text(f"#!{sys.executable}\n{code}", encoding="utf-8")
    path.chmod(0o755)
    return path


def environment(data: Path) -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", ZWK_DATA_DIR=str(data))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(ROOT / "build" / "pycache")
    return env


def seconds(command: Sequence[str | Path], env: dict[str, str]) -> float:
    """Wall time of one run, from spawning the process to its end."""
    start = time.perf_counter()
    done = subprocess.run(
        [str(c) for c in command], env=env, capture_output=True, cwd=ROOT, timeout=120
    )
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise RuntimeError(f"{command}: {done.stderr.decode(errors='replace')[-400:]}")
    return elapsed


def medians(commands: dict[str, tuple[Sequence[str | Path], dict[str, str]]]) -> dict[str, float]:
    """Alternating runs of every command after one warm-up each; the median of each."""
    for command, env in commands.values():
        seconds(command, env)
    samples: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(RUNS):
        for name, (command, env) in commands.items():
            samples[name].append(seconds(command, env))
    return {name: statistics.median(values) for name, values in samples.items()}


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


@benchmark
def startup() -> list[Result]:
    quit_after = {"ZWK_QUIT_AFTER_START": "1"}
    example = ROOT / "examples" / "landkreis-hohenwald.zwk"
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        (folder / "leer").mkdir()
        (folder / "voll").mkdir()
        size = _fill(folder / "voll")
        bare = executable_script(folder, "bare_window.py", BARE_WINDOW)
        env = environment(folder / "leer") | quit_after
        full = environment(folder / "voll") | quit_after
        times = medians(
            {
                "bare": ([bare], env),
                "ours": ([SCRIPT], env),
                "example": ([SCRIPT, example], env),
                "crowded": ([SCRIPT], full),
            }
        )
    b, o, e, f = times["bare"], times["ours"], times["example"], times["crowded"]
    return [
        Result(
            "Kaltstart: zwk-desktop bis zum gemalten Hauptfenster und Beenden "
            "(Basis: leeres QMainWindow, ebenso gestartet)",
            o,
            b,
            "s",
            "≤ 1,6 × Basis",
            o <= 1.6 * b,
        ),
        Result("Start mit Entwurf bis zur ersten bearbeitbaren Seite", e, b, "s", "≤ 1 s", e <= 1),
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


@benchmark
def commands() -> list[Result]:
    example = ROOT / "examples" / "gemeinde-lindenhagen.zwk"
    form = ROOT / "forms" / "zwk-2021.yaml"
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        env = environment(folder)
        bare_validate = executable_script(folder, "bare_validate.py", BARE_VALIDATE)
        times = medians(
            {
                "argparse": ([sys.executable, "-c", "import argparse"], env),
                "version": ([SCRIPT, "--version"], env),
                "bare_validate": ([bare_validate, form], env),
                "validate": ([SCRIPT, "validate", example], env),
            }
        )
    return [
        Result(
            'zwk-desktop --version (Basis: python -c "import argparse")',
            times["version"],
            times["argparse"],
            "s",
            "≤ 2 × Basis",
            times["version"] <= 2 * times["argparse"],
        ),
        Result(
            "zwk-desktop validate eines Beispiels (Basis: pydantic + PyYAML, Formular geladen "
            "und geprüft)",
            times["validate"],
            times["bare_validate"],
            "s",
            "≤ 1,5 × Basis",
            times["validate"] <= 1.5 * times["bare_validate"],
        ),
    ]
