"""Writing a file so that it is either completely old or completely new, never half written;
and renaming over a file that another program holds for a moment.

Temporary files and folders are created exclusively (``O_EXCL``) with an unpredictable name in
the target folder (`tempfile.mkstemp`/`mkdtemp`), so a link planted under a guessed name is never
followed. A final name that is a symbolic link is refused rather than written through, and
`publish` never replaces anything that appeared under the final name meanwhile.

On Windows a virus scanner, OneDrive or the search indexer opens a freshly written file for a
moment; a rename or replace then fails with a sharing violation. `replace` tries again for about
two seconds and then raises `FileInUseError`, whose message names the file and the cause in
German.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

SHARING_VIOLATIONS = {
    5: "Zugriff verweigert: die Datei ist gerade gesperrt oder schreibgeschützt",
    32: "die Datei ist von einem anderen Programm geöffnet",
    33: "ein anderes Programm hat einen Teil der Datei gesperrt",
}
"""Windows errors of a rename that may pass a moment later: ERROR_ACCESS_DENIED (also what a
file being scanned or synchronised gives), ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION."""
RETRY_SECONDS = 2.0


class FileInUseError(PermissionError):
    """A rename kept failing with a sharing violation; ``str()`` is one German sentence,
    ``strerror`` the German cause and ``filename`` the file."""

    def __init__(self, path: Path, winerror: int) -> None:
        cause = SHARING_VIOLATIONS.get(winerror, "die Datei ist gesperrt")
        super().__init__(errno.EACCES, cause, str(path))
        self.sentence = (
            f"{path} lässt sich nicht schreiben: {cause} (etwa von einem Virenscanner, von "
            f"OneDrive oder einem Programm, das die Datei anzeigt), auch nach "
            f"{RETRY_SECONDS:.0f} Sekunden noch. Bitte schließen Sie das andere Programm oder "
            "warten Sie einen Moment, und versuchen Sie es dann noch einmal."
        )

    def __str__(self) -> str:
        return self.sentence


def is_sharing_violation(exc: OSError) -> bool:
    """A Windows error that another program's short-lived handle causes."""
    return getattr(exc, "winerror", None) in SHARING_VIOLATIONS


def replace(
    source: Path,
    target: Path,
    *,
    timeout: float = RETRY_SECONDS,
    sleep: Callable[[float], None] | None = None,
) -> None:
    """`os.replace`, tried again for `timeout` seconds while Windows reports a sharing
    violation; then `FileInUseError`. Any other error is raised at once."""
    retrying(lambda: os.replace(source, target), target, timeout=timeout, sleep=sleep)


def retrying(
    action: Callable[[], None],
    target: Path,
    *,
    timeout: float = RETRY_SECONDS,
    sleep: Callable[[float], None] | None = None,
) -> None:
    """Run `action` (a rename, replace or link to `target`), again for `timeout` seconds while
    Windows reports a sharing violation; then `FileInUseError`. Other errors are raised at once."""
    deadline = time.monotonic() + timeout
    delay = 0.05
    while True:
        try:
            action()
            return
        except OSError as exc:
            if not is_sharing_violation(exc):
                raise
            if time.monotonic() >= deadline:
                raise FileInUseError(target, int(getattr(exc, "winerror", 0))) from exc
        (sleep or time.sleep)(delay)
        delay = min(delay * 2, 0.25)


def refuse_link(path: Path) -> None:
    """Raise OSError(ELOOP) when `path` itself is a symbolic link (a dangling one too)."""
    if path.is_symlink():
        raise OSError(errno.ELOOP, "is a symbolic link", str(path))


def temp_file(folder: Path, name: str) -> tuple[int, Path]:
    """A new, empty, private (0600) file in `folder` with an unpredictable name that starts
    with ``.name.``; returns its open descriptor and path."""
    fd, tmp_name = tempfile.mkstemp(dir=folder, prefix=f".{name}.", suffix=".tmp")
    return fd, Path(tmp_name)


def temp_folder(folder: Path, name: str) -> Path:
    """A new, private (0700) folder in `folder` with an unpredictable name."""
    return Path(tempfile.mkdtemp(dir=folder, prefix=f".{name}.", suffix=".partial"))


def write_atomic(path: Path, content: bytes) -> None:
    """Write `content` to `path`: a temporary file in the same folder, flushed to the disk
    (fsync), then renamed over the target (`replace`). The folder must exist. Raises OSError;
    the target is untouched then and the temporary file is removed. A target that is a
    symbolic link is refused (ELOOP), never written through."""
    refuse_link(path)
    folder = path.parent
    fd, tmp = temp_file(folder, path.name)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(content)
            out.flush()
            os.fsync(out.fileno())
        refuse_link(path)
        replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    sync_folder(folder)


def publish(tmp: Path, final: Path) -> None:
    """Give the finished temporary file `tmp` its final name, which must not exist (not even as
    a dangling link): a hard link, which never replaces anything, then the temporary name goes.
    Where the file system has no hard links, a rename after checking the name is free."""
    try:
        retrying(lambda: os.link(tmp, final), final)  # sharing violations: see `replace`
    except (FileExistsError, FileInUseError):
        raise
    except OSError:  # no hard links here (FAT and exFAT sticks, some network shares)
        if os.path.lexists(final):
            raise FileExistsError(errno.EEXIST, "exists", str(final)) from None
        # Windows: never replaces; POSIX: checked just before
        retrying(lambda: os.rename(tmp, final), final)
        return
    with contextlib.suppress(OSError):
        tmp.unlink()


def sync_folder(folder: Path) -> None:
    """Make renames in `folder` durable (POSIX; a no-op elsewhere)."""
    if hasattr(os, "O_DIRECTORY"):
        with contextlib.suppress(OSError):
            dir_fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
            try:
                os.fsync(dir_fd)
            finally:
                os.close(dir_fd)
