"""The command line as a script calls it: ``python -m zwk_desktop ARGS`` in a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def run_cli(
    *args: str | Path, env: dict[str, str] | None = None, stdin: str = ""
) -> subprocess.CompletedProcess[str]:
    """``zwk-desktop ARGS`` as a subprocess, the way a script calls it (UTF-8 output)."""
    return subprocess.run(
        [sys.executable, "-m", "zwk_desktop", *map(str, args)],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**(env or os.environ), "PYTHONIOENCODING": "utf-8"},
        timeout=120,
    )
