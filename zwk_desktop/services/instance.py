"""One running copy of the window per user, and handing a file over to it (no Qt here).

The window holds an operating-system lock on ``<data folder>/zwk-desktop.instanz`` while it runs.
A second start (another click on the Start-menu entry, a double-click on a ``.zwk`` file) finds
the lock taken and hands its request over instead of opening a second window: it writes
``uebergabe/<random>.json`` (the files to open, absolute) into the data folder and waits until
the running window has claimed it. The window claims a request by renaming it (one atomic step,
so a request is either claimed or withdrawn, never both), then deletes it. A request the window
does not claim within `HANDOVER_SECONDS` is withdrawn, and the second start says so.

The same file handed over twice (two clicks) is imported once: `OpenedFiles` remembers what this
run has imported, by content, and the window opens that draft again instead.

Every process of the program also holds the named mutex `MUTEX_NAME` on Windows (`hold_mutex`),
in the session's and the global namespace, so that the installer can see that the program runs
before it replaces files that are in use.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

LOCK_NAME = "zwk-desktop.instanz"
INBOX = "uebergabe"
CLAIMED = ".angenommen-"
HANDOVER_SECONDS = 10.0
MUTEX_NAME = "ZWK-Desktop-Laeuft"
"""The named mutex every running process of ZWK Desktop holds on Windows (``Local\\`` and
``Global\\``); the installer checks it (packaging/windows/zwk-desktop.nsi)."""

NOT_ANSWERING = (
    "ZWK Desktop läuft bereits, reagiert aber nicht: Das geöffnete Fenster hat die Anfrage "
    "nicht innerhalb von {seconds:.0f} Sekunden angenommen. Bitte wechseln Sie zum Fenster von "
    "ZWK Desktop (es wartet vielleicht auf eine Antwort in einem Dialog) und versuchen Sie es "
    "dann noch einmal."
)

_mutex_handles: list[int] = []


def hold_mutex(name: str = MUTEX_NAME) -> bool:
    """Create (or open) the program's named mutex for the life of this process (Windows only).
    Returns whether a handle is held; never raises."""
    if sys.platform != "win32" or _mutex_handles:
        return bool(_mutex_handles)
    import ctypes

    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    kernel32.CreateMutexW.restype = ctypes.c_void_p
    kernel32.CreateMutexW.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_wchar_p]
    for namespace in ("Local\\", "Global\\"):
        handle = kernel32.CreateMutexW(None, 0, namespace + name)
        if handle:  # a Global\ name another user holds may be refused: the Local\ one counts
            _mutex_handles.append(int(handle))
    return bool(_mutex_handles)


class InstanceLock:
    """The lock of the running window: an OS lock on a file, released by the OS at exit."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.path = folder / LOCK_NAME
        self._fh: IO[bytes] | None = None

    def acquire(self) -> bool:
        """Take the lock without waiting; False when another window holds it. A data folder
        that cannot be written counts as free (the program then reports the folder itself)."""
        from zwk_desktop.services.private_files import create_private, private_dir

        try:
            private_dir(self.folder)
            create_private(self.path)  # the data folder is private (issue 15)
            fh = self.path.open("a+b")
        except OSError:
            return True
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

    @property
    def held(self) -> bool:
        return self._fh is not None

    def release(self) -> None:
        if self._fh is not None:
            self._fh.close()
            self._fh = None


@dataclass(frozen=True)
class Request:
    """What a second start asks of the running window."""

    files: tuple[Path, ...]
    """Files to open (absolute); none: just bring the window to the front."""


def hand_over(
    folder: Path,
    files: Iterable[Path],
    *,
    timeout: float = HANDOVER_SECONDS,
    sleep: Callable[[float], None] | None = None,
) -> bool:
    """Write a request for the running window and wait until it is claimed. True: the window
    took it; False: it did not within `timeout` (the request is withdrawn)."""
    from zwk_desktop.services.private_files import private_dir, write_private

    inbox = folder / INBOX
    private_dir(inbox)
    _allow_foreground()
    import secrets  # a second start only (random, hmac, base64)

    name = f"{secrets.token_hex(8)}.json"
    body = json.dumps({"files": [str(Path(f).absolute()) for f in files], "pid": os.getpid()})
    tmp = inbox / f".{name}.tmp"
    write_private(tmp, body.encode("utf-8"))  # exclusive, 0600: the request names the files
    os.replace(tmp, inbox / name)
    request = inbox / name
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not request.exists():
            return True
        (sleep or time.sleep)(0.05)
    try:
        request.unlink()  # withdraw it: from now on the window cannot claim it
    except FileNotFoundError:
        return True  # claimed at the last moment
    return False


def _allow_foreground() -> None:
    """Windows lets only the foreground process (this one, just started by a click) bring
    another window to the front: allow the running window to do so."""
    if sys.platform == "win32":
        import ctypes

        with contextlib.suppress(Exception):
            ctypes.windll.user32.AllowSetForegroundWindow(-1)  # ASFW_ANY


def take_requests(folder: Path) -> list[Request]:
    """The running window: claim and read every request waiting in the inbox, oldest first.
    An unreadable request is dropped."""
    inbox = folder / INBOX
    try:
        waiting = [p for p in inbox.iterdir() if p.suffix == ".json" and p.name[0] != "."]
    except OSError:
        return []
    out: list[Request] = []
    for path in sorted(waiting, key=_age):
        claimed = path.with_name(CLAIMED + path.name)
        try:
            os.replace(path, claimed)
        except OSError:
            continue  # withdrawn meanwhile
        try:
            data = json.loads(claimed.read_text(encoding="utf-8"))
            files = tuple(Path(str(f)) for f in data.get("files", []))
        except (OSError, ValueError, AttributeError):
            files = None
        finally:
            with contextlib.suppress(OSError):
                claimed.unlink()
        if files is not None:
            out.append(Request(files))
    return out


def _age(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def file_key(path: Path) -> str | None:
    """The identity of a file's content (SHA-256), or None when it cannot be read."""
    import hashlib  # when a file is opened, not at start-up (OpenSSL's library)

    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


@dataclass
class OpenedFiles:
    """Files this run has imported, by content: the same file clicked twice opens the draft
    it became, instead of importing it again."""

    drafts: dict[str, int] = field(default_factory=dict)

    def draft_for(self, path: Path) -> int | None:
        key = file_key(path)
        return self.drafts.get(key) if key else None

    def remember(self, path: Path, draft_id: int) -> None:
        key = file_key(path)
        if key:
            self.drafts[key] = draft_id

    def forget(self, draft_id: int) -> None:
        self.drafts = {k: v for k, v in self.drafts.items() if v != draft_id}


def start_or_hand_over(
    folder: Path, files: Iterable[Path], *, timeout: float = HANDOVER_SECONDS
) -> tuple[InstanceLock | None, str]:
    """For a start of the window: (the lock, "") when this process is the first; (None, "")
    when a running window took the request; (None, German message) when it did not answer."""
    lock = InstanceLock(folder)
    if lock.acquire():
        return lock, ""
    if hand_over(folder, files, timeout=timeout):
        return None, ""
    return None, NOT_ANSWERING.format(seconds=timeout)
