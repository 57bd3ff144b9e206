"""Which program opens the package's ``.eml``, and how to send the package without it.

Classic Outlook opens an ``.eml`` with ``X-Unsent: 1`` as a draft to send. The new Outlook
(olk.exe), Thunderbird and others open it as a received message, read-only; and on some PCs no
program is registered for ``.eml`` at all. Then the user attaches the package's files by hand:
`SendingFacts` carries what they need (recipient, subject, the folder and its files), read from
the ``.eml`` itself.
"""

from __future__ import annotations

import email.parser
import email.policy
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

READS_AS_RECEIVED = ("olk.exe", "hxoutlook", "thunderbird", "evolution", "geary", "kmail")
"""Programs known to open an .eml as a received (read-only) message."""


@dataclass(frozen=True)
class MailHandler:
    program: str | None
    """The program registered for .eml (e.g. ``OUTLOOK.EXE``), None when none or unknown."""
    known: bool
    """Whether this system can tell at all (Windows, Linux with xdg-mime)."""

    @property
    def reads_as_received(self) -> bool:
        name = (self.program or "").lower()
        return any(marker in name for marker in READS_AS_RECEIVED)


def eml_handler() -> MailHandler:
    """The program that opens .eml files here."""
    if sys.platform == "win32":
        return MailHandler(_windows_handler(), True)
    if sys.platform.startswith("linux") and shutil.which("xdg-mime"):
        try:
            done = subprocess.run(
                ["xdg-mime", "query", "default", "message/rfc822"],
                capture_output=True,
                text=True,
                timeout=5,
                check=False,
            )
        except (OSError, subprocess.TimeoutExpired):
            return MailHandler(None, False)
        return MailHandler(done.stdout.strip() or None, True)
    return MailHandler(None, False)


def _windows_handler() -> str | None:
    if sys.platform != "win32":
        return None
    import ctypes
    from ctypes import wintypes

    assoc = ctypes.windll.shlwapi.AssocQueryStringW
    assoc.argtypes = [
        ctypes.c_uint,
        ctypes.c_uint,
        wintypes.LPCWSTR,
        wintypes.LPCWSTR,
        wintypes.LPWSTR,
        ctypes.POINTER(wintypes.DWORD),
    ]
    size = wintypes.DWORD(1024)
    buffer = ctypes.create_unicode_buffer(size.value)
    ASSOCSTR_EXECUTABLE = 2
    result = assoc(0, ASSOCSTR_EXECUTABLE, ".eml", "open", buffer, ctypes.byref(size))
    return Path(buffer.value).name if result == 0 and buffer.value else None


@dataclass(frozen=True)
class SendingFacts:
    """What someone needs to send the package by hand."""

    recipient: str
    subject: str
    folder: Path
    files: tuple[str, ...]
    """The package's files, relative to the folder (``anlagen/01_x.pdf``)."""


def sending_facts(mail: Path, folder: Path) -> SendingFacts:
    """Recipient and subject from the .eml's headers, the files from the package folder."""
    with mail.open("rb") as fh:
        headers = email.parser.BytesHeaderParser(policy=email.policy.default).parse(fh)
    files = tuple(
        sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())
    )
    return SendingFacts(str(headers.get("To", "")), str(headers.get("Subject", "")), folder, files)
