"""The desktop bundle: its size beside a bare PySide6 one-window bundle built the same way, and
its start to the main window beside the same program started from the venv.

The bundles come from ``packaging/bundle_build.py`` (built when missing or out of date, else
reused: ``make dist`` leaves them in place). Start-up is measured from spawning the process to
the main window being shown (``ZWK_QUIT_AFTER_START=1`` prints that moment), median of several
alternating runs after one warm-up run each (so both read their files from the page cache).
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks import Result, benchmark

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "packaging"))

import bundle_build  # noqa: E402
import bundle_smoke  # noqa: E402

from zwk_desktop.app import QUIT_AFTER_START  # noqa: E402
from zwk_desktop.ui.window.startup_probe import SHOWN_MARKER  # noqa: E402

RUNS = 7
MB = 1_000_000


def seconds_to_main_window(command: list[str], home: Path) -> float:
    env = bundle_smoke.isolated_environment(home)
    env[QUIT_AFTER_START] = "1"
    env.pop(bundle_smoke.NETWORK_GUARD, None)  # measure the program as users start it
    started = time.time()
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    shown = [line for line in done.stdout.splitlines() if line.startswith(SHOWN_MARKER)]
    if done.returncode != 0 or not shown:
        raise RuntimeError(f"{command[0]} startete nicht sauber: {done.stderr.strip()[-500:]}")
    return float(shown[0].split()[1]) - started


@benchmark
def bundle() -> list[Result]:
    app = bundle_build.build_app()
    bare = bundle_build.build_baseline()
    bundled = [str(Path(app.folder) / "zwk-desktop")]
    bare_bundled = [str(Path(bare.folder) / bundle_build.BASELINE_NAME)]
    from_venv = [sys.executable, "-m", "zwk_desktop"]
    with tempfile.TemporaryDirectory(prefix="zwk-bench-") as scratch:
        home = Path(scratch)
        for command in (bundled, from_venv, bare_bundled):
            seconds_to_main_window(command, home)  # warm-up
        times: dict[str, list[float]] = {"bundle": [], "venv": [], "bare": []}
        for _ in range(RUNS):
            times["bundle"].append(seconds_to_main_window(bundled, home))
            times["venv"].append(seconds_to_main_window(from_venv, home))
            times["bare"].append(seconds_to_main_window(bare_bundled, home))
    start_bundle = statistics.median(times["bundle"])
    start_venv = statistics.median(times["venv"])
    start_bare = statistics.median(times["bare"])
    return [
        Result(
            "Bundle entpackt (Basis: leeres PySide6-Fenster)",
            app.unpacked_bytes / MB,
            bare.unpacked_bytes / MB,
            "MB",
            "≤ 200 MB",
            app.unpacked_bytes <= 200 * MB,
        ),
        Result(
            "Bundle als .tar.gz (Basis: leeres PySide6-Fenster)",
            app.archive_bytes / MB,
            bare.archive_bytes / MB,
            "MB",
            "≤ 80 MB",
            app.archive_bytes <= 80 * MB,
        ),
        Result(
            "Start bis Hauptfenster: Bundle (Basis: leeres QMainWindow-Bundle)",
            start_bundle,
            start_bare,
            "s",
            "≤ 1,6 × Basis",
            start_bundle <= 1.6 * start_bare,
        ),
        Result(
            "Start bis Hauptfenster: Bundle (Basis: aus dem venv)",
            start_bundle,
            start_venv,
            "s",
            "≤ 1,3× venv",
            start_bundle <= 1.3 * start_venv,
        ),
    ]
