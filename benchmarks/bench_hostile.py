"""Issue 15: validation of any file the size limit allows stays under 1 s and 200 MB.

Worst cases at the limits of `zwk_desktop.limits` (a 50 MB file, the most containers, the most
values, the longest lists, the most findings, the longest text) are read and validated in a
fresh process each; time and peak memory are compared with the same process validating the
largest example (the baseline).
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks import Result, benchmark
from zwk_desktop import limits

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "gemeinde-lindenhagen.zwk"

_CHILD = """
import json, sys, time
from pathlib import Path
from zwk_desktop.domain.draft import DraftError, read_draft
from zwk_desktop.formspec import get_form
from zwk_desktop.validation import validate_draft
def hwm():  # this process's own peak (ru_maxrss would include the parent's)
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
spec = get_form()
before = hwm()
start = time.perf_counter()
try:
    draft = read_draft(Path(sys.argv[1]))
    findings = len(validate_draft(spec, draft).findings)
except DraftError:
    findings = -1
seconds = time.perf_counter() - start
peak = hwm()
print(json.dumps({"s": seconds, "mb": (peak - before) / 1024, "findings": findings}))
"""


def _example() -> dict[str, Any]:
    return json.loads(EXAMPLE.read_text(encoding="utf-8"))


def _fill(size: int, build: Callable[[int], dict[str, Any]]) -> bytes:
    """A file `build(n)` makes that is just within `size` bytes (sizes grow linearly in n)."""
    small, large = len(json.dumps(build(1000))), len(json.dumps(build(2000)))
    per = max(1.0, (large - small) / 1000)
    n = int(1000 + (size - small) / per)
    while True:
        content = json.dumps(build(n)).encode()
        if len(content) <= size:
            return content
        n = int(n * size / len(content)) - 1


def _attachment(n: int) -> dict[str, Any]:
    env = _example()
    content = b"%PDF-1.7\n" + os.urandom(n)
    env["files"] = {hashlib.sha256(content).hexdigest(): base64.b64encode(content).decode()}
    return env


def _containers(n: int) -> dict[str, Any]:
    """Just under the container limit: 4 lists of 9,999 groups with a group each, and 9,999
    anlagen (validated up to the form's max_items)."""
    env = _example()
    per = limits.MAX_JSON_ARRAY - 1
    for i in range(4):
        env["data"][f"liste{i}"] = [{"x": {}} for _ in range(per)]
    env["data"]["anlagen"] = [{"art": "x", "titel": "y"} for _ in range(per)]
    return env


def _values(n: int) -> dict[str, Any]:
    """Just under the value limit: 99 lists of 9,999 numbers."""
    env = _example()
    per = limits.MAX_JSON_ARRAY - 1
    env["data"]["zahlen"] = [[i] * per for i in range(99)]
    return env


def _unknown_keys(n: int) -> dict[str, Any]:
    env = _example()
    env["data"]["kommune"].update({f"k{i}": i for i in range(min(n, limits.MAX_JSON_ARRAY - 20))})
    return env


def _long_text(n: int) -> dict[str, Any]:
    env = _example()
    env["data"]["kommune"]["name"] = "x" * n
    return env


CASES: dict[str, Callable[[int], dict[str, Any]]] = {
    "eine Anlage von 37 MB": _attachment,
    "90.000 Gruppen und Listen": _containers,
    "990.000 Werte": _values,
    "10.000 unbekannte Felder": _unknown_keys,
    "ein Text von 50 MB": _long_text,
}


def _measure(path: Path) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, "-c", _CHILD, str(path)],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        timeout=300,
    )
    result: dict[str, float] = json.loads(out.stdout)
    return result


@benchmark
def hostile_limits() -> list[Result]:
    rows = []
    base = _measure(EXAMPLE)
    with tempfile.TemporaryDirectory() as tmp:
        for label, build in CASES.items():
            path = Path(tmp) / "fall.zwk"
            fixed = build in (_containers, _values)  # sized by count limits, not bytes
            content = json.dumps(build(0)).encode() if fixed else None
            path.write_bytes(content or _fill(limits.MAX_DRAFT_BYTES - 1024, build))
            got = _measure(path)
            rows.append(
                Result(f"Grenzfall {label}: Zeit", got["s"], base["s"], "s", "≤ 1 s",
                       got["s"] <= 1.0)
            )  # fmt: skip
            rows.append(
                Result(f"Grenzfall {label}: Speicher", got["mb"], base["mb"], "MB", "≤ 200 MB",
                       got["mb"] <= 200)
            )  # fmt: skip
    return rows
