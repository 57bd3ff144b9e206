"""German causes of operating-system errors: the one place that turns an `OSError` into words.

Every German message that names why a file could not be read or written calls `cause` (or
`sentence`), so that no English text of the operating system ("No space left on device",
"Operation not permitted", "File exists") ever reaches the user. Windows reports most of its
errors with an errno as well (``winerror`` is translated where it says more).
"""

from __future__ import annotations

import errno
from pathlib import Path

_CAUSE_NAMES: dict[str, str] = {
    "ENOSPC": "der Datenträger ist voll",
    "EDQUOT": "der Speicherplatz des Benutzers ist erschöpft",
    "EROFS": "der Speicherort ist schreibgeschützt",
    "EACCES": "keine Berechtigung",
    "EPERM": "der Vorgang ist nicht erlaubt",
    "ENOENT": "die Datei oder der Ordner ist nicht vorhanden",
    "EEXIST": "die Datei ist schon vorhanden",
    "EISDIR": "das ist ein Ordner",
    "ENOTDIR": "der Pfad führt nicht in einen Ordner",
    "ENOTEMPTY": "der Ordner ist nicht leer",
    "ELOOP": "der Pfad ist eine Verknüpfung (symbolischer Link)",
    "ENAMETOOLONG": "der Name ist zu lang",
    "EMFILE": "zu viele Dateien sind geöffnet",
    "ENFILE": "zu viele Dateien sind geöffnet",
    "EBUSY": "die Datei ist gerade in Benutzung",
    "ETXTBSY": "die Datei ist gerade in Benutzung",
    "EIO": "Ein- oder Ausgabefehler des Datenträgers",
    "EFBIG": "die Datei ist zu groß",
    "EXDEV": "Quelle und Ziel liegen auf verschiedenen Datenträgern",
    "EINVAL": "ungültiger Name oder Vorgang",
    "ENXIO": "das Gerät ist nicht erreichbar",
    "ENODEV": "das Gerät ist nicht erreichbar",
    "ETIMEDOUT": "der Speicherort antwortet nicht",
    "EAGAIN": "die Datei ist vorübergehend gesperrt",
    "ENOMEM": "nicht genug Arbeitsspeicher",
}
_CAUSES: dict[int, str] = {
    getattr(errno, name): text for name, text in _CAUSE_NAMES.items() if hasattr(errno, name)
}
"""Only the codes this platform knows (Windows lacks a few POSIX ones)."""
_WINDOWS: dict[int, str] = {
    5: "keine Berechtigung",  # ERROR_ACCESS_DENIED
    32: "die Datei ist gerade in einem anderen Programm geöffnet",  # ERROR_SHARING_VIOLATION
    33: "die Datei ist gerade von einem anderen Programm gesperrt",  # ERROR_LOCK_VIOLATION
    39: "der Datenträger ist voll",  # ERROR_HANDLE_DISK_FULL
    112: "der Datenträger ist voll",  # ERROR_DISK_FULL
    206: "der Name oder Pfad ist zu lang",  # ERROR_FILENAME_EXCED_RANGE
    1920: "die Datei kann nicht geöffnet werden",  # ERROR_CANT_ACCESS_FILE
}


def cause(exc: BaseException) -> str:
    """Why the operating system refused, as a short German phrase (no full stop)."""
    if isinstance(exc, OSError):
        winerror = getattr(exc, "winerror", None)
        if isinstance(winerror, int) and winerror in _WINDOWS:
            return _WINDOWS[winerror]
        if exc.errno in _CAUSES:
            return _CAUSES[exc.errno]
        if exc.errno:
            name = errno.errorcode.get(exc.errno, str(exc.errno))
            return f"Fehler des Betriebssystems {name}"
    if isinstance(exc, MemoryError):
        return "nicht genug Arbeitsspeicher"
    return "unbekannter Fehler des Betriebssystems"


def sentence(path: Path | str, exc: BaseException, *, writing: bool) -> str:
    """``Die Datei X kann nicht gelesen werden (keine Berechtigung).``"""
    why = cause(exc)  # two whole sentences, so that the window can translate them (issue 10)
    if writing:
        return f"{path} kann nicht geschrieben werden ({why})."
    return f"{path} kann nicht gelesen werden ({why})."
