"""The Qt side of autosave: a timer drives the Qt-free `DraftSession`, the write runs on a
worker thread, and the title-bar text follows the state.

The main window calls `edited()` after every change, `page_changed()` when the user leaves a
page, `save_explicitly()` for Strg+S, `export(path)` for "Speichern unter…" and `flush()` when
it closes. Only the serialisation of the draft (a JSON dump, well under a millisecond for the
largest example) runs on the UI thread; the SQLite transaction with its fsync runs in a
`QThreadPool` with one thread, and its result comes back through a queued signal. The worker
never touches a widget.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRunnable, QThreadPool, QTimer, Signal

from zwk_desktop.domain.draft import Draft
from zwk_desktop.services.autosave import DraftSession, PendingSave, SaveOutcome, SaveStatus


def status_text(status: SaveStatus) -> str:
    """The save state in the title bar: "Gespeichert 14:32", "Wird gespeichert…", …"""
    if status.state in ("pending", "saving"):
        return QCoreApplication.translate("Autosave", "Wird gespeichert…")
    if status.state == "failed":
        return QCoreApplication.translate("Autosave", "Nicht gespeichert – neuer Versuch läuft")
    if status.state == "saved" and status.saved_at is not None:
        return QCoreApplication.translate("Autosave", "Gespeichert {time}").format(
            time=status.saved_at.astimezone().strftime("%H:%M")
        )
    return QCoreApplication.translate("Autosave", "Nicht gespeichert")


class _Relay(QObject):
    done = Signal(object)


class _WriteJob(QRunnable):
    def __init__(self, session: DraftSession, pending: PendingSave, relay: _Relay) -> None:
        super().__init__()
        self.session = session
        self.pending = pending
        self.relay = relay

    def run(self) -> None:
        self.relay.done.emit(self.session.write(self.pending))


class AutosaveController(QObject):
    """Saves a `DraftSession` in the background, at most about a second after the last edit."""

    statusChanged = Signal(str)
    """The title-bar text: "Gespeichert 14:32", "Wird gespeichert…", "Nicht gespeichert …"."""
    saved = Signal()
    """A save reached the disk (the window may clear its "modified" marker)."""
    failed = Signal(str)
    """A save failed; the German explanation for a notice (sent once per run of failures)."""
    recovered = Signal()
    """Saving works again after failures."""

    def __init__(self, session: DraftSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._save_in_background)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._relay = _Relay(self)
        self._relay.done.connect(self._finished)
        self._in_flight = False
        self._again = False
        self._failing = session.status.state == "failed"
        """A failure before the controller existed (a new draft the store could not take) is
        not announced by `failed`; the window shows `session.status.message()` itself."""
        self._schedule()

    # ----------------------------------------------------------------------- hooks

    def edited(self) -> None:
        """After every change of the draft."""
        self.session.edited()
        self._announce()
        if not self._in_flight:
            self._schedule()

    def page_changed(self) -> None:
        """The user left a page: save now (in the background)."""
        if self.session.dirty:
            self._timer.stop()
            self._save_in_background(figures=True)

    def save_explicitly(self) -> SaveStatus:
        """Strg+S: save now and record a version."""
        return self.record_version("save")

    def record_version(self, reason: str) -> SaveStatus:
        """Save now and record the state as a version with this reason (``"save"``,
        ``"export"`` before an application is exported)."""
        self._wait_for_worker()
        status = self.session.save_now(reason=reason)
        self._after(status)
        return status

    def export(self, path: Path, by: str = "") -> None:
        """ "Speichern unter…" / "Entwurf exportieren…": raises FileWriteError (German).
        `by`: the user name the file names as its writer."""
        self._wait_for_worker()
        try:
            self.session.export(path, by)
        finally:
            self._after(self.session.status)

    def restore_version(self, version_id: int) -> Draft:
        """Make a stored version the current state (the current one stays in the history).
        Raises StoreError. The window shows the returned draft (it is `session.draft`)."""
        self._timer.stop()
        self._wait_for_worker()
        try:
            return self.session.restore_version(version_id)
        finally:
            self._after(self.session.status)

    def flush(self) -> SaveStatus:
        """When the window closes: wait for a running save, write the rest with complete
        figures. "failed" means the draft is only in memory (offer "Speichern unter…"); the
        retries go on then, in case the user keeps the draft open."""
        self._timer.stop()
        self._wait_for_worker()
        status = self.session.close()
        self._after(status, reschedule=status.state == "failed")
        return status

    def title_text(self) -> str:
        return status_text(self.session.status)

    # ----------------------------------------------------------------------- machinery

    def _schedule(self) -> None:
        due = self.session.due_in()
        if due is None:
            self._timer.stop()
        else:
            self._timer.start(round(due * 1000))

    def _save_in_background(self, figures: bool = False) -> None:
        if self._in_flight:
            self._again = True
            return
        if not self.session.dirty:
            return
        pending = self.session.prepare(figures=figures)
        self._in_flight = True
        self._announce()
        self._pool.start(_WriteJob(self.session, pending, self._relay))

    def _finished(self, outcome: SaveOutcome) -> None:
        self._in_flight = False
        status = self.session.finish(outcome)
        again, self._again = self._again, False
        self._after(status)
        if again and self.session.dirty and status.state != "failed":
            self._save_in_background()

    def _wait_for_worker(self) -> None:
        """Let a running save finish and take in its result now (no new one is started)."""
        self._again = False
        while self._in_flight:
            self._pool.waitForDone()
            QCoreApplication.sendPostedEvents(self, QEvent.Type.MetaCall)

    def _after(self, status: SaveStatus, reschedule: bool = True) -> None:
        if status.state == "failed":
            if not self._failing:
                self._failing = True
                self.failed.emit(status.message() or "")
        else:
            if self._failing:
                self._failing = False
                self.recovered.emit()
            if status.state == "saved":
                self.saved.emit()
        self._announce()
        if reschedule:
            self._schedule()

    def _announce(self) -> None:
        self.statusChanged.emit(self.title_text())
