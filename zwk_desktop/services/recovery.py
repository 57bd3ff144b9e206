"""Start-up and shutdown of a run: crash recovery, the Papierkorb's expiry, notices.

Every run of the program is recorded in the store (``sessions``) and holds an operating-system
lock on a small file ``sitzungen/<token>.lock`` beside the database while it runs. A run that ended
cleanly is marked so. At the next start a run that never ended and whose lock is free (its
process is gone: crash, kill, power cut) is a crash: the draft it had open is opened again in
the state of its last save, and the user is told which draft that is and from when. A run whose
lock is still held is another window of ZWK Desktop, not a crash.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from zwk_desktop.locations import data_dir
from zwk_desktop.services.private_files import FILE_MODE, prepare_data_dir, private_dir
from zwk_desktop.services.store import DB_NAME, DraftStore, StoreError, StoreSettings

LOCK_FOLDER = "sitzungen"


class SessionLock:
    """An exclusive lock on a file, released by the operating system when the process ends."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fh: IO[bytes] | None = None

    def acquire(self) -> bool:
        """Take the lock without waiting; False when another process (or handle) holds it."""
        private_dir(self.path.parent)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0), FILE_MODE)
        fh = os.fdopen(fd, "a+b")
        try:
            if sys.platform == "win32":
                import msvcrt

                fh.seek(0)
                msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)
            else:
                import fcntl

                fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            fh.close()
            return False
        self._fh = fh
        return True

    def release(self, remove: bool = True) -> None:
        if self._fh is None:
            return
        self._fh.close()
        self._fh = None
        if remove:
            with suppress(OSError):  # Windows: a virus scanner may hold it; it is harmless
                self.path.unlink(missing_ok=True)


def _lock(store: DraftStore, token: str) -> SessionLock:
    return SessionLock(store.path.parent / LOCK_FOLDER / f"{token}.lock")


def _run_is_alive(store: DraftStore, token: str) -> bool:
    probe = _lock(store, token)
    if not probe.path.exists():
        return False
    if probe.acquire():
        probe.release()
        return False
    return True


def draft_in_use(store: DraftStore, draft_id: int) -> bool:
    """Whether a running window of ZWK Desktop has the draft open."""
    return any(
        run.draft_id == draft_id and _run_is_alive(store, run.token)
        for run in store.open_sessions()
    )


def merge_target_in_use(store: DraftStore, path: Path) -> int | None:
    """The stored draft a file would be merged into, when a running window has it open (that
    window's next save would write over the merge); else None. Raises DraftError (German)
    when the file cannot be read."""
    from zwk_desktop.domain.draft import read_draft

    lineage = read_draft(path).lineage
    try:
        known = store.find_lineage(lineage.draft) if lineage is not None else None
        if known is not None and draft_in_use(store, known.draft_id):
            return known.draft_id
    except StoreError:
        pass  # the import itself says what is wrong with the store
    return None


def in_use_message(draft_id: int, path: Path) -> str:
    return (
        f"Der Entwurf Nr. {draft_id}, zu dem {path.name} gehört, ist gerade in einem Fenster "
        "von ZWK Desktop geöffnet. Bitte übernehmen Sie die Datei dort (Datei → Bewerbung "
        "öffnen…) oder schließen Sie den Entwurf zuerst. Es wurde nichts übernommen."
    )


@dataclass
class StartUp:
    """What the main window does at start: which draft to open, and what to tell the user."""

    store: DraftStore
    session_id: int | None
    reopen: int | None
    """The draft to open again after a crash (its last saved state), or None."""
    messages: list[str] = field(default_factory=list)
    """German sentences to show at start (crash recovery, a damaged database moved aside, a
    store that cannot be written)."""
    lock: SessionLock | None = None

    def note_open_draft(self, draft_id: int | None) -> None:
        """Tell the store which draft this run has open (None when none), for recovery."""
        if self.session_id is None:
            return
        # When the store cannot be written, saving reports that; recovery then has less to go on.
        with suppress(StoreError):
            self.store.note_open_draft(self.session_id, draft_id)

    def shut_down(self) -> None:
        """Mark the run as ended cleanly (after the last save)."""
        if self.session_id is not None:
            try:
                self.store.end_session(self.session_id)
            except StoreError:
                return  # not marked: the next start offers the last state, which is harmless
        if self.lock is not None:
            self.lock.release()
        self.store.close()


def open_store(settings: StoreSettings | None = None) -> DraftStore:
    """The store in the user's data folder (``ZWK_DATA_DIR`` overrides it)."""
    return DraftStore(prepare_data_dir(data_dir()) / DB_NAME, settings=settings)


def start_up(store: DraftStore, *, pid: int | None = None, host: str | None = None) -> StartUp:
    """Record this run and find what a crashed run left open. Never raises: a store that cannot
    be used yields a German message, and the program works with drafts in memory."""
    token = os.urandom(16).hex()
    lock: SessionLock | None = _lock(store, token)
    try:
        if lock is not None and not lock.acquire():
            lock = None
    except OSError:
        lock = None  # the folder is not writable; the store reports that below
    try:
        session_id, open_runs = store.begin_session(host or _host_name(), pid or os.getpid(), token)
    except StoreError as exc:
        if lock is not None:
            lock.release()
        return StartUp(store, None, None, [*store.notices, _unavailable(exc)])
    messages = list(store.notices)
    reopen: int | None = None
    try:
        store.purge_expired()
        crashed = [run for run in open_runs if not _run_is_alive(store, run.token)]
        if crashed:
            store.mark_recovered([run.id for run in crashed])
            for run in crashed:
                # A stale lock file that cannot be deleted now (PermissionError on Windows while
                # another program holds it) is left for a later start; it locks nothing.
                with suppress(OSError):
                    _lock(store, run.token).path.unlink(missing_ok=True)
            last = next((run.draft_id for run in reversed(crashed) if run.draft_id), None)
            if last is not None:
                summary = store.summary(last)
                if summary.deleted is None:
                    reopen = last
                    messages.append(recovery_message(summary.label, summary.modified))
    except StoreError as exc:
        messages.append(_unavailable(exc))
    return StartUp(store, session_id, reopen, messages, lock)


def _host_name() -> str:
    """The computer's name, noted with each run (without importing socket or platform)."""
    if sys.platform == "win32":
        return os.environ.get("COMPUTERNAME", "")
    return os.uname().nodename


def recovery_message(title: str, saved: dt.datetime) -> str:
    when = saved.astimezone().strftime("%d.%m.%Y um %H:%M:%S Uhr")
    return (
        "ZWK Desktop wurde zuletzt nicht ordnungsgemäß beendet (zum Beispiel durch einen "
        f"Absturz oder einen Stromausfall). Der Entwurf „{title}“ ist wieder geöffnet, mit dem "
        f"Stand der letzten Speicherung vom {when}. Eingaben der letzten Sekunde vor dem "
        "Abbruch können fehlen; frühere Stände finden Sie unter „Versionen…“."
    )


def _unavailable(exc: StoreError) -> str:
    return (
        f"Die Entwürfe können zurzeit nicht gespeichert werden: {exc} Sie können trotzdem "
        "arbeiten; ZWK Desktop versucht es beim Speichern erneut, und mit „Speichern unter…“ "
        "sichern Sie einen Entwurf als Datei in einem anderen Ordner."
    )
