"""Run every benchmark and print one table: benchmark, ours, baseline, ratio, target."""

from __future__ import annotations

import importlib
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from benchmarks import REGISTRY, Result


def _fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "–"
    if unit == "s":
        return f"{value * 1000:.2f} ms"
    if unit == "MB":
        return f"{value:.1f} MB"
    return f"{value:.3g} {unit}"


def main(argv: list[str]) -> int:
    only = argv[0] if argv else ""
    folder = Path(__file__).parent
    for path in sorted(folder.glob("bench_*.py")):
        if only and only not in path.stem:
            continue
        importlib.import_module(f"benchmarks.{path.stem}")
    rows: list[Result] = []
    for fn in REGISTRY:
        print(f"… {fn.__name__}", file=sys.stderr, flush=True)
        rows.extend(fn())
    header = ("Benchmark", "Ours", "Baseline", "Ratio", "Target", "Met")
    table = [header] + [
        (
            r.name,
            _fmt(r.ours, r.unit),
            _fmt(r.baseline, r.unit),
            f"{r.ratio:.2f}×" if r.ratio is not None else "–",
            r.target,
            "ja" if r.met else "NEIN",
        )
        for r in rows
    ]
    widths = [max(len(row[i]) for row in table) for i in range(len(header))]
    for i, row in enumerate(table):
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)))
        if i == 0:
            print("  ".join("-" * w for w in widths))
    return 0 if all(r.met for r in rows) or "--lenient" in argv else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
