"""The receiving side: one `zwk-desktop verify`, and the Posteingang over 200 packages.

Single verify: ``zwk-desktop verify FOLDER`` started the way a user starts it (the console
script, a fresh process, compiled bytecode), against a bare script doing the same checks with
the libraries alone (`benchmarks.packages.BARE_SCRIPT`, also a fresh process); medians of
alternating runs. Target: ours ≤ 1.5 × bare.

Posteingang: ``zwk-desktop posteingang DIR --jobs 2 --json`` over 200 e-mails (copies of the three
examples' signed mails) against the bare checks run in this process, one package after another
(their median per package). Target: ours ≤ 200 × 2 × bare per package + one start-up (the
median of the fresh `verify` above): the inbox pays the start once and verifies in long-lived
worker processes.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks import Result, benchmark
from benchmarks.packages import BARE_SCRIPT, ROOT, bare_checker, make_packages

RUNS = 9
INBOX_SIZE = 200


def _command() -> list[str]:
    """``zwk-desktop`` as installed beside this Python (the console script), else ``-m``."""
    script = Path(sys.executable).with_name("zwk-desktop")
    return [str(script)] if script.exists() else [sys.executable, "-m", "zwk_desktop"]


def _seconds(args: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(args, env=env, capture_output=True, cwd=ROOT, timeout=600)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(f"{args[:3]} … exit {done.returncode}: {done.stderr[-2000:]!r}")
    return elapsed


def _environment(scratch: Path) -> dict[str, str]:
    env = dict(os.environ, ZWK_DATA_DIR=str(scratch / "data"))
    # An installed program starts from compiled bytecode; see bench_startup.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(scratch / "pycache")
    return env


@benchmark
def receiving_side() -> list[Result]:
    scratch = Path(tempfile.mkdtemp(prefix="zwk-bench-inbox-"))
    try:
        packages = make_packages(scratch / "made")
        folder = packages[0]
        env = _environment(scratch)
        bare_script = scratch / "bare_verify.py"
        bare_script.write_text(BARE_SCRIPT, encoding="utf-8")
        ours_cmd = [*_command(), "verify", str(folder)]
        bare_cmd = [sys.executable, str(bare_script), str(folder)]
        _seconds(ours_cmd, env)  # compile and warm the file cache for both
        _seconds(bare_cmd, env)
        ours, bare = [], []
        for _ in range(RUNS):
            ours.append(_seconds(ours_cmd, env))
            bare.append(_seconds(bare_cmd, env))
        verify_s, bare_s = statistics.median(ours), statistics.median(bare)
        rows = [
            Result(
                "verify eines Pakets (frischer Prozess)",
                verify_s,
                bare_s,
                "s",
                "≤ 1,5 × Skript mit denselben Prüfungen",
                verify_s <= 1.5 * bare_s,
            )
        ]
        rows.extend(_inbox(scratch, packages, env, verify_s))
        return rows
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def _inbox(
    scratch: Path, packages: list[Path], env: dict[str, str], start_s: float
) -> list[Result]:
    mails = [p for p in packages if p.suffix == ".eml"]
    inbox = scratch / "inbox"
    inbox.mkdir()
    for n in range(INBOX_SIZE):
        source = mails[n % len(mails)]
        shutil.copyfile(source, inbox / f"{n:03d}_{source.name}")
    check = bare_checker()
    check(inbox / sorted(p.name for p in inbox.iterdir())[0])  # first-use work in the libraries
    args = [*_command(), "posteingang", str(inbox), "--jobs", "2", "--json"]
    bare_runs, our_runs = [], []
    for _ in range(3):  # alternately, so that load on the shared machine hits both alike
        samples = []
        for path in sorted(inbox.iterdir()):
            start = time.perf_counter()
            assert check(path)  # type: ignore[operator]
            samples.append(time.perf_counter() - start)
        bare_runs.append(statistics.median(samples))
        our_runs.append(_seconds(args, env))
    per_package = statistics.median(bare_runs)
    ours = statistics.median(our_runs)
    allowed = INBOX_SIZE * 2 * per_package + start_s
    return [
        Result(
            f"Posteingang mit {INBOX_SIZE} Paketen (--jobs 2)",
            ours,
            INBOX_SIZE * per_package,
            "s",
            "≤ 2 × Bibliotheken je Paket + ein Start",
            ours <= allowed,
        )
    ]
