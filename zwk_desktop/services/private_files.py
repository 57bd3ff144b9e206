"""The data folder is private: the folder and every folder in it 0700, every file 0600.

(Tightening takes group and other permissions away and never adds any: a file the user made
read-only stays read-only.)

Drafts, the draft database and the signing keys are nobody else's business on a shared
computer. `prepare_data_dir` creates the folder private and tightens what an older version left
readable for others (``key.p12`` was 0644); it runs once per folder and process, at the start
of everything that uses the folder. `create_private` and `private_dir` create new files and
folders private from the start. On Windows the per-user profile folder already keeps others
out (and chmod only toggles the read-only flag), so nothing is changed there.
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

FILE_MODE = 0o600
DIR_MODE = 0o700
_POSIX = os.name == "posix"
_prepared: set[Path] = set()


def prepare_data_dir(folder: Path) -> Path:
    """Create `folder` (0700) if needed and make everything in it private; returns it.
    Never raises for a folder that cannot be changed (read-only media): reading still works."""
    key = folder.absolute()
    if key in _prepared:
        return folder
    with contextlib.suppress(OSError):
        private_dir(folder)
    if _POSIX:
        tighten(folder)
    _prepared.add(key)
    return folder


def private_dir(folder: Path) -> None:
    """Create a folder (and missing parents) so that the last one is 0700."""
    folder.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
    if _POSIX:
        _chmod(folder)


def create_private(path: Path) -> None:
    """Create an empty file 0600 if there is none (SQLite then keeps the mode for its
    ``-wal`` and ``-shm`` files)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | getattr(os, "O_BINARY", 0), FILE_MODE)
    os.close(fd)


def write_private(path: Path, content: bytes) -> None:
    """Write a new file (it must not exist, not even as a link) readable by its owner only."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags, FILE_MODE)
    with os.fdopen(fd, "wb") as out:
        out.write(content)


def tighten(root: Path) -> None:
    """Remove group and other permissions below `root` (included), never following a link."""
    stack = [root]
    while stack:
        folder = stack.pop()
        _chmod(folder)
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            try:
                if entry.is_symlink():
                    continue
                if entry.is_dir(follow_symlinks=False):
                    stack.append(Path(entry.path))
                elif entry.is_file(follow_symlinks=False):
                    _chmod(Path(entry.path))
            except OSError:
                continue


def _chmod(path: Path) -> None:
    """Take every permission of group and others away (the owner's stay as they are)."""
    with contextlib.suppress(OSError):
        info = os.lstat(path)
        if stat.S_ISLNK(info.st_mode) or info.st_uid != os.getuid():
            return
        mode = stat.S_IMODE(info.st_mode)
        if mode & 0o077:
            os.chmod(path, mode & ~0o077)
