"""Runs one export-side job (export, print, verify) on a worker thread.

The job gets a `progress` callback; the worker turns it into a signal. Workers never touch
widgets: the dialogs connect to `progress`, `done` and `failed`, which Qt delivers in the GUI
thread.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot

Job = Callable[[Callable[[int, str], None]], Any]


class _Worker(QObject):
    progress = Signal(int, str)
    done = Signal(object)
    failed = Signal(object)

    def __init__(self, job: Job) -> None:
        super().__init__()
        self._job = job

    @Slot()
    def run(self) -> None:
        try:
            result = self._job(self.progress.emit)
        except Exception as exc:  # reported to the dialog, which shows it in German
            self.failed.emit(exc)
        else:
            self.done.emit(result)


class BackgroundJob(QObject):
    """Starts `job` on its own thread; emits progress(step, label), done(result), failed(exc)."""

    progress = Signal(int, str)
    done = Signal(object)
    failed = Signal(object)

    def __init__(self, job: Job, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread = QThread()
        self._worker = _Worker(job)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.progress.connect(self.progress)
        self._worker.done.connect(self._finish_done)
        self._worker.failed.connect(self._finish_failed)

    def start(self) -> None:
        self._thread.start()

    def _stop(self) -> None:
        self._thread.quit()
        self._thread.wait()

    def _finish_done(self, result: object) -> None:
        self._stop()
        self.done.emit(result)

    def _finish_failed(self, exc: object) -> None:
        self._stop()
        self.failed.emit(exc)

    @property
    def running(self) -> bool:
        return self._thread.isRunning()
