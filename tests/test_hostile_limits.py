"""Memory and time ceilings (issue 15): the bombs of the issue, checked by the command line
under an address-space limit of 1 GB (``resource.setrlimit(RLIMIT_AS)``), give a German finding
within 5 s of CPU time and stay well under 500 MB, never a MemoryError.

CPU time (user + system, from ``wait4``) is measured instead of wall time, so that a loaded CI
machine does not make the test flaky: before issue 15 the same files took 8 to 22 s of CPU.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from export_helpers import NAMES, NOW, never_ask, new_store, ready_draft
from hostile import CORPUS, EXAMPLES, dumps, example, pdf_bomb, with_attachment, zip_bomb
from store_helpers import is_german_sentence

from zwk_desktop.formspec import get_form
from zwk_desktop.services.export import ExportResult, export_package

resource = pytest.importorskip("resource")  # POSIX only

ADDRESS_SPACE = 1024**3
CPU_SECONDS = 5.0
PEAK_MB = 500


@dataclass(frozen=True)
class Run:
    code: int
    stdout: str
    stderr: str
    cpu: float
    peak_mb: float


_CHILD = """
import atexit, resource, sys
limit = int(sys.argv[1])
resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

def peak():
    # VmHWM belongs to this process's own memory; ru_maxrss would include the parent's
    # (Linux carries it over fork and exec).
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                with open(sys.argv[2], "w") as out:
                    out.write(line.split()[1])

atexit.register(peak)
from zwk_desktop.cli.main import main
sys.exit(main(sys.argv[3:]))
"""


def limited(*args: str | Path, tmp: Path) -> Run:
    """``zwk-desktop ARGS`` under RLIMIT_AS 1 GB; exit code, output, CPU seconds, peak RSS."""
    out, err, peak = tmp / "stdout.txt", tmp / "stderr.txt", tmp / "peak.txt"
    peak.unlink(missing_ok=True)
    with out.open("wb") as o, err.open("wb") as e:
        proc = subprocess.Popen(
            [sys.executable, "-c", _CHILD, str(ADDRESS_SPACE), str(peak), *map(str, args)],
            stdin=subprocess.DEVNULL,
            stdout=o,
            stderr=e,
            cwd=tmp,
            env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        )
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            proc.returncode = 0  # reaped above
    code = os.waitstatus_to_exitcode(status)
    return Run(
        code,
        out.read_text(encoding="utf-8"),
        err.read_text(encoding="utf-8"),
        usage.ru_utime + usage.ru_stime,
        int(peak.read_text()) / 1024 if peak.exists() else float("inf"),
    )


def check(run: Run) -> None:
    assert "Traceback" not in run.stderr and "MemoryError" not in run.stderr, run.stderr
    assert run.cpu < CPU_SECONDS, f"{run.cpu:.1f} s CPU"
    assert run.peak_mb < PEAK_MB, f"{run.peak_mb:.0f} MB"


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> ExportResult:
    store = new_store(tmp_path_factory.mktemp("identities"))
    identity = store.create_self_signed("Katrin Wendland", "Bürgermeisterin", "L", "", never_ask)
    key = store.unlock(identity, never_ask)
    return export_package(get_form(), ready_draft(), key, tmp_path_factory.mktemp("out"), now=NOW)


def test_an_ordinary_check_runs_under_the_limit(package: ExportResult, tmp_path: Path) -> None:
    run = limited("verify", package.mail, tmp=tmp_path)
    assert run.code == 0, run.stdout + run.stderr
    check(run)
    run = limited("validate", EXAMPLES / "gemeinde-lindenhagen.zwk", tmp=tmp_path)
    assert run.code == 0, run.stderr
    check(run)


def test_the_zip_bomb_attachment_of_the_issue(tmp_path: Path) -> None:
    """A 2.8 MB draft whose ODT check inflated 2 GB of ``mimetype``: 22 s and 4.2 GB."""
    path = tmp_path / "bombe.zwk"
    path.write_bytes(dumps(with_attachment(example(), zip_bomb(2048), "bombe.odt")))
    assert 2_000_000 < path.stat().st_size < 3_500_000
    run = limited("validate", path, tmp=tmp_path)
    assert run.code == 1 and "Die Anlage „bombe.odt“" in run.stdout, run.stdout + run.stderr
    check(run)
    run = limited("drafts", "import", path, tmp=tmp_path)
    assert run.code == 0, run.stderr
    check(run)


def test_the_bzip2_zip_bomb_of_the_corpus(tmp_path: Path) -> None:
    run = limited("validate", CORPUS / "zip-bomb-attachment.zwk", tmp=tmp_path)
    assert run.code == 1 and is_german_sentence(run.stdout)
    check(run)


def test_the_pdf_bomb_beside_any_manifest(tmp_path: Path) -> None:
    """A few KB of PDF with a doubly deflated embedded file: 14.6 s and 4.3 GB, no key needed."""
    run = limited("verify", CORPUS / "pdf-bomb-package", tmp=tmp_path)
    assert run.code == 1 and "Dekompressionsbombe" in run.stdout, run.stdout + run.stderr
    check(run)


def test_the_pdf_bomb_in_a_signed_package_and_mail(package: ExportResult, tmp_path: Path) -> None:
    copy = tmp_path / "paket"
    shutil.copytree(package.folder, copy)
    (copy / NAMES["bewerbung.pdf"]).write_bytes(pdf_bomb(4))
    run = limited("verify", copy, tmp=tmp_path)
    assert run.code == 1 and "Dekompressionsbombe" in run.stdout, run.stdout + run.stderr
    check(run)


@pytest.mark.parametrize("name", ["anlagen-100000.zwk", "anlagen-3000.zwk", "nesting-980.zwk"])
def test_big_lists_and_deep_nesting(name: str, tmp_path: Path) -> None:
    """100,000 anlagen took 15 s and 1.27 GB; now the limits answer before the per-item work."""
    run = limited("validate", CORPUS / name, tmp=tmp_path)
    assert run.code in (1, 2) and is_german_sentence(run.stdout + run.stderr)
    check(run)
    assert run.peak_mb < 200, f"{run.peak_mb:.0f} MB"
