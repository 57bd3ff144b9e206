"""Writing a file so that it is either completely old or completely new, never half written;
and renaming over a file that another program holds for a moment.

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
    deadline = time.monotonic() + timeout
    delay = 0.05
    while True:
        try:
            os.replace(source, target)
            return
        except OSError as exc:
            if not is_sharing_violation(exc):
                raise
            if time.monotonic() >= deadline:
                raise FileInUseError(target, int(getattr(exc, "winerror", 0))) from exc
        (sleep or time.sleep)(delay)
        delay = min(delay * 2, 0.25)


def write_atomic(path: Path, content: bytes) -> None:
    """Write `content` to `path`: a temporary file in the same folder, flushed to the disk
    (fsync), then renamed over the target (`replace`). The folder must exist. Raises OSError;
    the target is untouched then and the temporary file is removed."""
    folder = path.parent
    fd, tmp_name = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(content)
            out.flush()
            os.fsync(out.fileno())
        replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    if hasattr(os, "O_DIRECTORY"):  # make the rename itself durable (POSIX)
        with contextlib.suppress(OSError):
            dir_fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
            try:
                os.fsync(dir_fd)
            finally:
                os.close(dir_fd)
