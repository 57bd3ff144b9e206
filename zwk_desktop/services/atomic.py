"""Writing a file so that it is either completely old or completely new, never half written.

Temporary files and folders are created exclusively (``O_EXCL``) with an unpredictable name in
the target folder (`tempfile.mkstemp`/`mkdtemp`), so a link planted under a guessed name is never
followed. A final name that is a symbolic link is refused rather than written through, and
`publish` never replaces anything that appeared under the final name meanwhile.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from pathlib import Path


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
    (fsync), then renamed over the target (os.replace). The folder must exist. Raises OSError;
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
        os.replace(tmp, path)
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
        os.link(tmp, final)
    except FileExistsError:
        raise
    except OSError:  # no hard links here (FAT and exFAT sticks, some network shares)
        if os.path.lexists(final):
            raise FileExistsError(errno.EEXIST, "exists", str(final)) from None
        os.rename(tmp, final)  # Windows: never replaces; POSIX: checked just before
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
