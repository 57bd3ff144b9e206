"""Shared helpers of the store tests: a store in the per-test data folder, a settable clock,
example drafts, a read-only folder, and a check that a message is German."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

from conftest import EXAMPLES

from zwk_desktop.domain.draft import Draft, read_draft
from zwk_desktop.locations import data_dir
from zwk_desktop.services.store import DB_NAME, DraftStore, StoreSettings

FIXTURES = Path(__file__).resolve().parent / "fixtures"
START = dt.datetime(2026, 11, 24, 9, 0, tzinfo=dt.UTC)


class Clock:
    """A wall clock the test moves by hand."""

    def __init__(self, now: dt.datetime = START) -> None:
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += dt.timedelta(**delta)


class Ticker:
    """A monotonic clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def make_store(clock: Clock | None = None, **settings: object) -> DraftStore:
    return DraftStore(
        data_dir() / DB_NAME,
        settings=StoreSettings(**settings),  # type: ignore[arg-type]
        clock=clock or Clock(),
    )


def example(name: str = "gemeinde-lindenhagen.zwk") -> Draft:
    return read_draft(EXAMPLES / name)


def crash_with_open_draft(store: DraftStore, draft_id: int) -> None:
    """A run that had the draft open and then died: it never ended, and the operating system
    dropped its lock (as after a kill or a power cut)."""
    from zwk_desktop.services.recovery import start_up

    run = start_up(store)
    run.note_open_draft(draft_id)
    assert run.lock is not None
    run.lock.release(remove=False)
    store.close()


_GERMAN = re.compile(
    r"\b(der|die|das|ist|nicht|kein|keine|ein|eine|wurde|Datei|Entwurf|Entwürfe|bitte|und)\b",
    re.IGNORECASE,
)


def is_german_sentence(text: str) -> bool:
    """A non-empty message in German words, without a Python traceback or exception name."""
    return (
        bool(text.strip())
        and _GERMAN.search(text) is not None
        and "Traceback" not in text
        and not re.search(r"\b[A-Z][a-zA-Z]+(Error|Exception)\b", text)
    )


def _deny_writes(paths: list[Path], undo: bool = False) -> None:
    """Windows: deny (or allow again) writing, creating and deleting for the current user."""
    user = os.environ.get("USERNAME", "")
    for p in paths:
        rights = "(OI)(CI)(W,D,DC)" if p.is_dir() else "(W,D)"
        args = ["/remove:d", user] if undo else ["/deny", f"{user}:{rights}"]
        subprocess.run(["icacls", str(p), *args], check=True, capture_output=True)


@contextlib.contextmanager
def read_only(folder: Path) -> Iterator[None]:
    """Make a folder and its files read-only for this process, even as root (where permission
    bits do not apply, the immutable attribute does).

    SQLite's ``-shm`` index stays writable: an open connection has it mapped into memory, and a
    write to that mapping after the file became immutable is answered with SIGBUS (ext4), which
    kills the test process. A folder that turns read-only never revokes a program's mapping
    (permissions are checked when a file is opened), so leaving the index alone is also the
    faithful picture; the database and its ``-wal`` refuse every write."""
    paths = [folder, *sorted(p for p in folder.iterdir() if not p.name.endswith("-shm"))]
    if sys.platform == "win32":
        _deny_writes(paths)  # Windows: an ACL, which applies to administrators as well
    elif os.geteuid() == 0:
        subprocess.run(["chattr", "+i", *map(str, paths)], check=True)
        os.sync()  # clean pages are write-protected again: a write fault would happen now
    else:
        for p in paths:
            p.chmod(0o555 if p.is_dir() else 0o444)
    try:
        probe = folder / "probe"
        try:
            probe.write_text("x")
        except OSError:
            pass
        else:
            probe.unlink()
            raise AssertionError(f"{folder} could not be made read-only")
        yield
    finally:
        if sys.platform == "win32":
            _deny_writes(paths, undo=True)
        elif os.geteuid() == 0:
            subprocess.run(["chattr", "-i", *map(str, paths)], check=True)
        else:
            for p in paths:
                p.chmod(0o755 if p.is_dir() else 0o644)
