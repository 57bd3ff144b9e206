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


def run_in_process(*args: str | Path) -> tuple[int, str, str]:
    """``zwk-desktop ARGS`` called in this process (fast, for the fuzz tests): exit code,
    stdout, stderr. An exception out of main() is not caught: it is the crash a test looks for."""
    import contextlib
    import io

    from zwk_desktop.cli.main import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main([str(a) for a in args])
        except SystemExit as exc:  # argparse
            code = exc.code if isinstance(exc.code, int) else 2
    return code, out.getvalue(), err.getvalue()
