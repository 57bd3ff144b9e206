"""Long-lived worker processes that check the packages, each under a time and memory limit.

A worker starts once (Python, pyHanko, the form: the start-up a single `verify` pays every
time), then checks one package after another. Each package has a time limit: a worker that
exceeds it (a PDF that makes the parser loop) is ended and replaced, and that package's row says
why; so does a worker that dies. Where the platform allows (`resource`, i.e. not Windows), each
worker's address space is capped, so a decompression bomb ends in a MemoryError, reported in
its row. Workers run with a fresh temporary folder as their working directory and TMPDIR: they
write nothing, and anything a library might write lands there and is removed afterwards.

Processes are started with "spawn" on every platform: the same as on Windows, and safe from a
process that runs Qt threads (the window).
"""

from __future__ import annotations

import contextlib
import multiprocessing
import multiprocessing.connection
import os
import shutil
import signal
import tempfile
import time
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any

from zwk_desktop.services.inbox.check import MEMORY_REASON, check_candidate, unreadable
from zwk_desktop.services.inbox.model import Application, Candidate

DEFAULT_TIME_LIMIT = 30.0
"""Seconds one package may take (a real one takes well under one second)."""
DEFAULT_MEMORY_LIMIT = 1024 * 1024 * 1024
"""Address space of one worker (bytes); a real package needs a fraction of it."""
START_TIMEOUT = 120.0
"""Seconds a worker may take to start and load its libraries."""

Progress = Callable[[int, int, Application], None]
"""Called with (done, total, row) after each package."""


@dataclass(frozen=True)
class Limits:
    time: float = DEFAULT_TIME_LIMIT
    memory: int | None = DEFAULT_MEMORY_LIMIT
    max_bytes: int = 40 * 1024 * 1024
    """Largest .eml or package folder that is opened at all."""
    trust: str | None = None
    """The trust anchors (a PEM/DER file or a folder, ``--trust``): each worker loads them."""


def _serve(
    conn: Connection, scratch: str, memory: int | None, max_bytes: int, trust: str | None
) -> None:
    """The worker's loop: warm up, say "ready", then check each candidate it receives."""
    from zwk_desktop import netguard

    netguard.install_from_environment()  # the same network guard as the program that started it
    # Ctrl+C in the terminal reaches the whole process group: the program that started the
    # workers stops them; they do not die mid-package with a traceback of their own.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    os.chdir(scratch)
    os.environ["TMPDIR"] = os.environ["TEMP"] = os.environ["TMP"] = scratch
    tempfile.tempdir = scratch
    if memory:
        with contextlib.suppress(ImportError, ValueError, OSError):
            import resource

            resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    _warm_up()
    anchors = None
    if trust is not None:
        from pathlib import Path

        from zwk_desktop.services.trust import load_anchors

        anchors = load_anchors(Path(trust))  # read by the caller already; an error ends the start
    conn.send("ready")
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        result = check_candidate(task, max_bytes, anchors)
        try:
            conn.send(result)
        except (OSError, ValueError):
            return
        if result.reason == MEMORY_REASON:
            return  # after a MemoryError, start afresh rather than run on a strained heap


def _warm_up() -> None:
    """Import and load what every check needs, once per worker."""
    import pikepdf  # noqa: F401
    import pyhanko.sign.validation  # noqa: F401

    from zwk_desktop.formspec import get_form
    from zwk_desktop.services import signing, verify  # noqa: F401

    get_form()


class _Worker:
    def __init__(self, context: Any, scratch: str, limits: Limits) -> None:
        self.conn, child = context.Pipe()
        self.process = context.Process(
            target=_serve,
            args=(child, scratch, limits.memory, limits.max_bytes, limits.trust),
            daemon=True,
            name="zwk-posteingang",
        )
        self.process.start()
        child.close()
        self.ready = False
        self.started = time.monotonic()
        self.task: int | None = None
        self.deadline = self.started + START_TIMEOUT

    def send(self, index: int, candidate: Candidate, time_limit: float) -> None:
        self.task = index
        self.deadline = time.monotonic() + time_limit
        self.conn.send(candidate)

    def stop(self, *, force: bool = False) -> None:
        if not force and self.process.is_alive():
            with contextlib.suppress(OSError, ValueError):
                self.conn.send(None)
            self.process.join(timeout=5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join(timeout=5)
        self.conn.close()


class WorkerError(Exception):
    """The workers cannot be started at all (German sentence)."""


def check_all(
    candidates: Sequence[Candidate],
    *,
    jobs: int,
    limits: Limits,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> list[Application]:
    """The row of every candidate, in order, checked by `jobs` worker processes."""
    if not candidates:
        return []
    scratch = tempfile.mkdtemp(prefix="zwk-posteingang-")
    try:
        return _Pool(candidates, jobs, limits, scratch, progress, cancelled).run()
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


class _Pool:
    def __init__(
        self,
        candidates: Sequence[Candidate],
        jobs: int,
        limits: Limits,
        scratch: str,
        progress: Progress | None,
        cancelled: Callable[[], bool] | None,
    ) -> None:
        self.candidates = candidates
        self.limits = limits
        self.scratch = scratch
        self.progress = progress
        self.cancelled = cancelled or (lambda: False)
        self.context = multiprocessing.get_context("spawn")
        self.results: list[Application | None] = [None] * len(candidates)
        self.queue = deque(range(len(candidates)))
        self.done = 0
        self.jobs = max(1, min(jobs, len(candidates)))
        self.workers: list[_Worker] = []
        self.failed_starts = 0

    def run(self) -> list[Application]:
        try:
            self.workers = [self._start() for _ in range(self.jobs)]
            while self.done < len(self.candidates):
                if self.cancelled():
                    break
                self._dispatch()
                self._collect()
        finally:
            for worker in self.workers:
                worker.stop(force=self.cancelled())
        return [
            r if r is not None else unreadable(c, "Die Prüfung wurde abgebrochen.")
            for r, c in zip(self.results, self.candidates, strict=True)
        ]

    def _start(self) -> _Worker:
        return _Worker(self.context, self.scratch, self.limits)

    def _dispatch(self) -> None:
        for worker in self.workers:
            if worker.ready and worker.task is None and self.queue:
                index = self.queue.popleft()
                try:
                    worker.send(index, self.candidates[index], self.limits.time)
                except (OSError, ValueError):
                    self._replace(worker, index, "Der Prüfprozess ist unerwartet beendet worden.")

    def _collect(self) -> None:
        now = time.monotonic()
        timeout = max(0.0, min(w.deadline for w in self.workers) - now)
        ready = multiprocessing.connection.wait(
            [w.conn for w in self.workers], timeout=min(timeout, 0.5)
        )
        for worker in list(self.workers):
            if worker.conn in ready:
                self._receive(worker)
            elif time.monotonic() > worker.deadline:
                if worker.task is None:
                    raise WorkerError(
                        "Die Prüfprozesse des Posteingangs starten nicht (Zeitüberschreitung)."
                    )
                self._replace(
                    worker,
                    worker.task,
                    f"Die Prüfung dauerte länger als {self.limits.time:g} Sekunden und wurde "
                    "abgebrochen; das Paket ist beschädigt oder absichtlich so gebaut.",
                )

    def _receive(self, worker: _Worker) -> None:
        try:
            message = worker.conn.recv()
        except (EOFError, OSError):
            if worker.task is None:
                self.failed_starts += 1
                if self.failed_starts > 3:
                    raise WorkerError(
                        "Die Prüfprozesse des Posteingangs lassen sich nicht starten."
                    ) from None
                self._swap(worker)
                return
            self._replace(
                worker,
                worker.task,
                "Die Prüfung ist abgebrochen: der Prüfprozess wurde beendet (zu viel Speicher "
                "oder ein Fehler in einer Bibliothek).",
            )
            return
        if message == "ready":
            worker.ready = True
            worker.deadline = float("inf")
            return
        assert worker.task is not None and isinstance(message, Application)
        self._finish(worker.task, message)
        worker.task = None
        worker.deadline = float("inf")
        if message.reason == MEMORY_REASON or not worker.process.is_alive():
            self._swap(worker)

    def _finish(self, index: int, row: Application) -> None:
        self.results[index] = row
        self.done += 1
        if self.progress is not None:
            self.progress(self.done, len(self.candidates), row)

    def _replace(self, worker: _Worker, index: int, reason: str) -> None:
        self._finish(index, unreadable(self.candidates[index], reason))
        self._swap(worker)

    def _swap(self, worker: _Worker) -> None:
        worker.stop(force=True)
        position = self.workers.index(worker)
        if self.queue:
            self.workers[position] = self._start()
        else:
            del self.workers[position]
            if not self.workers and self.done < len(self.candidates):
                self.workers.append(self._start())
