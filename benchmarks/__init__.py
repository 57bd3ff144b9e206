"""Benchmarks: speed and memory targets, each measured beside a bare baseline in the same run.

Run with ``make bench`` (``python -m benchmarks``). Every ``bench_*.py`` module here defines
functions decorated with `benchmark`; each returns one or more `Result` rows.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass

REGISTRY: list[Callable[[], list[Result]]] = []


@dataclass(frozen=True)
class Result:
    name: str
    ours: float
    baseline: float | None
    unit: str
    target: str
    met: bool

    @property
    def ratio(self) -> float | None:
        if self.baseline in (None, 0):
            return None
        assert self.baseline is not None
        return self.ours / self.baseline


def benchmark(fn: Callable[[], list[Result]]) -> Callable[[], list[Result]]:
    REGISTRY.append(fn)
    return fn


def median_seconds(fn: Callable[[], object], repeat: int = 200, warmup: int = 10) -> float:
    """Median wall time of one call."""
    for _ in range(warmup):
        fn()
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def percentile(samples: list[float], pct: float) -> float:
    ordered = sorted(samples)
    index = min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1)))
    return ordered[index]
