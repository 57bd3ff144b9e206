"""Errors of the draft store, each with one German sentence for the user."""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

from zwk_desktop import oserrors


class StoreError(Exception):
    """The store cannot do what was asked. The message is German."""


class StoreUnavailable(StoreError):
    """The database cannot be written now (read-only, full, locked, unreachable); the same call
    may succeed later, so the caller keeps the draft in memory and tries again."""


class StoreCorrupt(StoreError):
    """The database file is damaged; the next start moves it aside."""


_CORRUPT = {"SQLITE_CORRUPT", "SQLITE_NOTADB"}


def is_corruption(exc: BaseException) -> bool:
    name = getattr(exc, "sqlite_errorname", "") or ""
    return any(name.startswith(code) for code in _CORRUPT)


def translate(exc: BaseException, path: Path) -> StoreError:
    """A German error for what SQLite or the file system reported."""
    if isinstance(exc, StoreError):
        return exc
    if isinstance(exc, sqlite3.Error):
        name = getattr(exc, "sqlite_errorname", "") or ""
        if is_corruption(exc):
            return StoreCorrupt(
                f"Die Entwurfsdatenbank {path} ist beschädigt; beim nächsten Start legt ZWK "
                "Desktop sie beiseite und beginnt eine neue."
            )
        if name.startswith("SQLITE_FULL"):
            return StoreUnavailable(f"Der Datenträger ist voll ({path.parent}).")
        if name.startswith("SQLITE_READONLY"):
            return StoreUnavailable(f"Der Speicherort {path.parent} ist schreibgeschützt.")
        if name.startswith("SQLITE_CANTOPEN"):
            return StoreUnavailable(
                f"Die Entwurfsdatenbank {path} lässt sich nicht öffnen (der Ordner ist nicht "
                "erreichbar oder nicht beschreibbar)."
            )
        if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
            return StoreUnavailable(
                "Die Entwurfsdatenbank ist gerade gesperrt (ein anderes ZWK-Desktop-Fenster "
                "speichert eben)."
            )
        if name.startswith(("SQLITE_IOERR", "SQLITE_PERM", "SQLITE_AUTH")):
            return StoreUnavailable(
                f"Beim Schreiben auf den Datenträger ist ein Fehler aufgetreten ({path.parent})."
            )
        return StoreError(f"Die Entwurfsdatenbank meldet einen Fehler ({name or 'SQLite'}).")
    if isinstance(exc, OSError):
        if exc.errno == errno.ENOSPC:
            return StoreUnavailable(f"Der Datenträger ist voll ({path.parent}).")
        if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            return StoreUnavailable(f"Der Speicherort {path.parent} ist schreibgeschützt.")
        return StoreUnavailable(
            f"Auf den Speicherort {path.parent} kann nicht zugegriffen werden "
            f"({oserrors.cause(exc)})."
        )
    return StoreError(f"Unerwarteter Fehler beim Speichern ({type(exc).__name__}).")
