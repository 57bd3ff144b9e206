"""The export as a user runs it, against a bare reportlab + pyHanko script of as many pages.

Ours: ``zwk-desktop export LARGEST.zwk --out DIR --passphrase-stdin --accept-warnings …`` as a
fresh process, end to end: start, reading and checking the draft, unlocking the PKCS #12 key,
the tagged PDF (PDF/UA) with header, footer and page count, JSON embedding with XMP and output
intent, visible PAdES signature, package files, manifest with CMS signature, e-mail. Baseline,
in the same run and also a fresh process each time: `bare_export.py` lays out the same number of
pages of text and tables in the same embedded font and signs them with pyHanko, with the same
RSA-3072 key from the same PKCS #12 file. Both run from compiled bytecode (as installed programs
do) after one warm-up run each; the medians of alternating runs are compared, wall time and the
peak memory (maximum resident set size) of the process.
Target: time ≤ 1.5 × baseline; memory is reported beside it.
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
from zwk_desktop.domain.draft import read_draft
from zwk_desktop.domain.signatory import signatory_of

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
RUNS = 7
PASSPHRASE = "benchmark-passphrase"


def _command() -> list[str]:
    """The console script of this environment, as a user starts it."""
    script = Path(sys.executable).with_name("zwk-desktop")
    return [str(script)] if script.exists() else [sys.executable, "-m", "zwk_desktop"]


Sample = tuple[float, float, float]


def _run(args: list[str], env: dict[str, str], stdin: str = "") -> Sample:
    """Wall time (s), peak resident memory (MB) and CPU time (s) of one fresh process."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        args,
        env=env,
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    assert proc.stdin is not None and proc.stderr is not None
    proc.stdin.write(stdin.encode())
    proc.stdin.close()
    errors = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise RuntimeError(f"{args[:3]} failed: {errors.decode(errors='replace')[-2000:]}")
    return seconds, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime


@benchmark
def export() -> list[Result]:
    largest = max(EXAMPLES.glob("*.zwk"), key=lambda p: len(p.read_bytes()))
    work = Path(tempfile.mkdtemp(prefix="zwk-bench-"))
    try:
        env = dict(os.environ, ZWK_DATA_DIR=str(work / "data"), HOME=str(work / "home"))
        env["XDG_CACHE_HOME"] = str(work / "cache")
        env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"  # asks on stdin
        # An installed program runs from compiled bytecode (pip and the bundle ship .pyc).
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(work / "pycache")
        who = signatory_of(read_draft(largest).data)  # only the person the form names signs
        subprocess.run(
            [*_command(), "identity", "create", "--name", who.name, "--funktion",
             who.funktion, "--kommune", "Benchstadt", "--passphrase-stdin"],
            input=PASSPHRASE, text=True, env=env, check=True, capture_output=True,
        )  # fmt: skip
        key = next((work / "data" / "identities").glob("*/key.p12"))
        out = work / "out"
        ours_args = [*_command(), "export", str(largest), "--out", str(out)]
        ours_args += ["--passphrase-stdin", "--accept-warnings", "Benchmark"]

        def ours() -> Sample:
            result = _run(ours_args, env, PASSPHRASE + "\n")
            shutil.rmtree(out)
            return result

        ours()  # warm-up: bytecode, the hyphenation patterns' cache
        out.mkdir()
        _run(ours_args, env, PASSPHRASE + "\n")
        import pikepdf

        manifest = next(out.glob("*/*_manifest.json"))  # the PDF has the manifest's stem
        with pikepdf.open(str(manifest).removesuffix("_manifest.json") + ".pdf") as pdf:
            pages = len(pdf.pages)
        shutil.rmtree(out)
        font = ROOT / "resources" / "fonts" / "NotoSans-Regular.ttf"
        bare_args = [sys.executable, str(Path(__file__).with_name("bare_export.py")), str(pages)]
        bare_args += [str(font), str(key), PASSPHRASE, str(work / "bare.pdf")]
        _run(bare_args, env)  # warm-up
        samples: tuple[list[Sample], list[Sample]] = ([], [])
        for _ in range(RUNS):
            samples[0].append(ours())
            samples[1].append(_run(bare_args, env))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    ours_s, bare_s = (statistics.median(s for s, _, _ in runs) for runs in samples)
    ours_mb, bare_mb = (statistics.median(m for _, m, _ in runs) for runs in samples)
    ours_cpu, bare_cpu = (statistics.median(c for _, _, c in runs) for runs in samples)
    return [
        Result(
            f"Export als eigener Prozess ({largest.name}, {pages} Seiten, getaggt)",
            ours_s,
            bare_s,
            "s",
            "≤ 1,5 × reportlab + pyHanko (eigener Prozess)",
            ours_s <= 1.5 * bare_s,
        ),
        Result(
            "Export: Rechenzeit (CPU, ruhiger als die Wanduhr auf einem belasteten Rechner)",
            ours_cpu,
            bare_cpu,
            "s",
            "berichtet (kein Ziel)",
            True,
        ),
        Result(
            "Export: Speicher (höchster RSS)",
            ours_mb,
            bare_mb,
            "MB",
            "berichtet (kein Ziel)",
            True,
        ),
    ]
