"""Nothing vanishes silently: unexpected errors go to a rotating log file in the data folder.

The windowed program has no console, so `install` replaces ``sys.excepthook`` (and
``threading.excepthook``): every uncaught exception is written to ``<data folder>/protokoll/
zwk-desktop.log`` and handed to a `show` callback (the window's German error dialog). The
command line's top-level handler calls `record` and exits 3 with the log path.

What is written contains no personal data and no secrets: the exception's type, its error
numbers (errno, winerror, SQLite's error name) and the stack as module, line and function.
Exception *messages* are never written: they may carry a passphrase, a file path with the user's
name, or a value typed into the form. Other lines (Qt's warnings) go through `redact`, which
removes the home folder and the user name. The log rotates at 512 KB, keeping three old files.
``logging.handlers`` (the rotation) is imported only when the file is about to be full.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import sys
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any

from zwk_desktop import __version__

LOG_FOLDER = "protokoll"
LOG_NAME = "zwk-desktop.log"
MAX_BYTES = 512 * 1024
BACKUPS = 3
LOGGER = "zwk_desktop.protokoll"

INTERNAL_ERROR = (
    "Interner Fehler in ZWK Desktop ({kind}). Ihre Eingaben sind davon nicht betroffen; was "
    "gespeichert war, bleibt gespeichert. Bitte senden Sie das Protokoll {log} an Ihre "
    "IT-Betreuung."
)
NO_LOG = (
    "Interner Fehler in ZWK Desktop ({kind}). Ihre Eingaben sind davon nicht betroffen. Das "
    "Protokoll ließ sich nicht schreiben ({folder} ist nicht beschreibbar)."
)


def log_path() -> Path:
    """Where the log is written: ``<data folder>/protokoll/zwk-desktop.log``."""
    from zwk_desktop.locations import data_dir

    return data_dir() / LOG_FOLDER / LOG_NAME


@dataclass(frozen=True)
class CrashReport:
    """What the error dialog and the command line show of one unexpected error."""

    kind: str
    """The exception's type, e.g. ``KeyError``."""
    message: str
    """One German paragraph for the user, naming the log file."""
    details: str
    """The text written to the log (no personal data): what "Kopieren" copies."""
    log: Path | None
    """The log file it was written to, or None when it could not be written."""


# ---------------------------------------------------------------------------------- redaction


def redact(text: str) -> str:
    """`text` without the home folder (``~``) and the user's name (``<Benutzer>``)."""
    homes = {str(Path.home()), os.environ.get("USERPROFILE", ""), os.environ.get("HOME", "")}
    for home in sorted((h for h in homes if len(h) > 1), key=len, reverse=True):
        text = text.replace(home, "~")
    for variable in ("USERNAME", "USER"):
        name = os.environ.get(variable, "")
        if len(name) >= 2:
            text = re.sub(rf"(?<![\w.-]){re.escape(name)}(?![\w-])", "<Benutzer>", text)
    return text


def describe(exc: BaseException) -> str:
    """The log entry of an exception: type, error numbers, stack frames. No message."""
    lines: list[str] = []
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        kind = type(current)
        name = kind.__qualname__
        if kind.__module__ not in ("builtins", "__main__"):
            name = f"{kind.__module__}.{name}"
        codes = [
            f"{attr}={getattr(current, attr)}"
            for attr in ("errno", "winerror", "sqlite_errorname")
            if getattr(current, attr, None) is not None
        ]
        head = f"{name} ({', '.join(codes)})" if codes else name
        if lines:
            lines.append(f"verursacht durch {head}")
        else:
            lines.append(head)
        for frame in traceback.extract_tb(current.__traceback__):
            lines.append(f"  {_module_of(frame.filename)}:{frame.lineno} in {frame.name}")
        current = current.__cause__ or current.__context__
    return "\n".join(lines)


def _module_of(filename: str) -> str:
    """``…/site-packages/zwk_desktop/cli/main.py`` → ``zwk_desktop/cli/main.py``."""
    parts = Path(filename).parts
    for anchor in ("zwk_desktop", "site-packages", "lib"):
        if anchor in parts:
            index = len(parts) - 1 - parts[::-1].index(anchor)
            rest = parts[index:] if anchor == "zwk_desktop" else parts[index + 1 :]
            if rest:
                return "/".join(rest)
    return redact(Path(filename).name)


# ---------------------------------------------------------------------------------- writing

_lock = threading.Lock()
_logger: Any = None
_written_to: Path | None = None


def _private_open(handler: Any, open_: Callable[[], Any]) -> Any:
    """Open the log file for `handler`: created 0600 first, the data folder is private (issue
    15), also after a rotation, before the handler opens it for appending."""
    from zwk_desktop.services.private_files import create_private

    with contextlib.suppress(OSError):
        create_private(Path(handler.baseFilename))
    return open_()


def _rotating_class() -> type[Any]:
    from logging.handlers import RotatingFileHandler

    class _Rotating(RotatingFileHandler):
        """Rotation that never fails a write: on Windows another process of the program may
        hold the file open, then rotation waits for the next time."""

        def doRollover(self) -> None:
            try:
                super().doRollover()
            except OSError:
                if self.stream is None:
                    self.stream = self._open()

        def _open(self) -> Any:
            return _private_open(self, super()._open)

    return _Rotating


def _handler_class() -> type[Any]:
    import logging

    class _Log(logging.FileHandler):
        """Appends to the log and rotates it at `max_bytes`, keeping `backups` old files.

        The rotation is ``logging.handlers.RotatingFileHandler``, but that module imports socket,
        pickle and queue: it is loaded only once the file is about to be full. Until then this
        plain file handler appends (a Qt warning at start-up costs no rotation machinery)."""

        def __init__(self, path: Path, max_bytes: int, backups: int) -> None:
            self.max_bytes = max_bytes
            self.backups = backups
            self.rotating: Any = None
            super().__init__(path, mode="a", encoding="utf-8", delay=False)

        def _open(self) -> Any:
            return _private_open(self, super()._open)

        def _full(self, record: logging.LogRecord) -> bool:
            if self.stream is None or self.max_bytes <= 0:
                return False
            self.stream.seek(0, 2)  # Windows does not put an appending stream at the end
            return bool(self.stream.tell() + len(f"{self.format(record)}\n") >= self.max_bytes)

        def emit(self, record: logging.LogRecord) -> None:
            if self.rotating is None:
                try:
                    full = self._full(record)
                except (OSError, ValueError):
                    full = False
                if not full:
                    super().emit(record)
                    return
                super().close()  # from now on the rotating handler owns the file
                self.rotating = _rotating_class()(
                    self.baseFilename,
                    maxBytes=self.max_bytes,
                    backupCount=self.backups,
                    encoding="utf-8",
                    delay=False,
                )
                self.rotating.setFormatter(self.formatter)
            self.rotating.emit(record)

        def close(self) -> None:
            if self.rotating is not None:
                self.rotating.close()
            super().close()

    return _Log


def _open_logger() -> Any:
    global _logger, _written_to
    import logging

    from zwk_desktop.services.private_files import private_dir

    path = log_path()
    private_dir(path.parent)
    handler = _handler_class()(path, MAX_BYTES, BACKUPS)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    logger = logging.getLogger(LOGGER)
    for old in list(logger.handlers):
        logger.removeHandler(old)
        old.close()
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False
    logger.info(
        "ZWK Desktop %s, Python %s, %s %s, Prozess %d",
        __version__,
        sys.version.split()[0],  # platform.python_version(), without importing platform
        sys.platform,
        _machine(),
        os.getpid(),
    )
    _logger, _written_to = logger, path
    return logger


def _machine() -> str:
    """``platform.machine()``; ``platform`` itself is imported only where there is no uname."""
    if hasattr(os, "uname"):
        return os.uname().machine
    import platform

    return platform.machine()


def write(level: str, text: str) -> Path | None:
    """Append one entry (``level``: ``INFO``, ``WARNING``, ``ERROR``); returns the log file, or
    None when it cannot be written. Never raises."""
    import logging

    with _lock:
        try:
            logger = _logger if _logger is not None and _written_to == log_path() else None
            logger = logger or _open_logger()
            logger.log(logging.getLevelName(level), redact(text))
            return _written_to
        except Exception:  # the log is the last resort: it must never add a second error
            return None


def close() -> None:
    """Close the log file (tests, and before the data folder is deleted)."""
    global _logger, _written_to
    with _lock:
        if _logger is not None:
            for handler in list(_logger.handlers):
                _logger.removeHandler(handler)
                handler.close()
        _logger, _written_to = None, None


def record(exc: BaseException, where: str = "") -> CrashReport:
    """Write an unexpected exception to the log; the report says what to tell the user."""
    details = describe(exc)
    if where:
        details = f"{where}: {details}"
    log = write("ERROR", details)
    kind = type(exc).__name__
    if log is not None:
        message = INTERNAL_ERROR.format(kind=kind, log=log)
    else:
        message = NO_LOG.format(kind=kind, folder=log_path().parent)
    stamp = dt.datetime.now().astimezone().isoformat(timespec="seconds")
    head = f"ZWK Desktop {__version__}, {sys.platform}, {stamp}"
    return CrashReport(kind, message, f"{head}\n{redact(details)}", log)


# ---------------------------------------------------------------------------------- hooks

Show = Callable[[CrashReport], None]


def install(show: Show | None = None) -> None:
    """Route uncaught exceptions (main thread and other threads) to the log and to `show`.

    A KeyboardInterrupt keeps Python's own behaviour. `show` runs in the thread where the
    exception happened; a Qt dialog must marshal itself to the GUI thread.
    """
    previous = sys.excepthook

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            previous(kind, exc, tb)
            return
        if exc.__traceback__ is None:
            exc = exc.with_traceback(tb)
        report = record(exc, "Unbehandelte Ausnahme")
        if sys.stderr is not None:  # the windowed program on Windows has no stderr
            # a closed or broken stderr must not hide the dialog
            with contextlib.suppress(Exception):
                print(report.message, file=sys.stderr)
        if show is not None:
            try:
                show(report)
            except Exception as second:  # the dialog itself failed: at least log that
                record(second, "Fehlerdialog")

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            hook(args.exc_type, args.exc_value, args.exc_traceback)

    sys.excepthook = hook
    threading.excepthook = thread_hook
