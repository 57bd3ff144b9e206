"""Finding the applications under the inbox folder: every ``.eml`` and every package folder.

A package folder is one that holds the package's manifest; it is one candidate and is not
searched further (its ``anlagen/`` belong to it). Links are never followed: a link inside the
inbox becomes a row that says so. Nothing is opened here beyond listing folders.
"""

from __future__ import annotations

import os
from pathlib import Path

from zwk_desktop.services import naming
from zwk_desktop.services.inbox.model import KIND_FOLDER, KIND_MAIL, Candidate

MAIL_SUFFIX = ".eml"


class InboxUnreadable(Exception):
    """The inbox folder itself cannot be read (German sentence); exit code 2."""


def is_package_folder(names: list[str] | set[str]) -> bool:
    """Whether a folder with these file names is a package (its manifest is there)."""
    return any(
        name == naming.MANIFEST_NAME or name.endswith(f"_{naming.MANIFEST_NAME}") for name in names
    )


def discover(folder: Path) -> list[Candidate]:
    """Every .eml and package folder under `folder`, sorted by path."""
    if not folder.exists():
        raise InboxUnreadable(f"Den Ordner {folder} gibt es nicht.")
    if not folder.is_dir():
        raise InboxUnreadable(
            f"{folder} ist kein Ordner. Der Posteingang liest einen Ordner mit E-Mails (.eml) "
            "und Paketordnern; ein einzelnes Paket prüft „zwk-desktop verify“."
        )
    try:
        with os.scandir(folder):
            pass
    except OSError as exc:
        raise InboxUnreadable(
            f"Der Ordner {folder} kann nicht gelesen werden ({exc.strerror})."
        ) from None

    found: list[Candidate] = []

    def unreadable(error: OSError) -> None:
        # A sub-folder that cannot be listed gets its own row (the check says why).
        if error.filename and Path(error.filename) != folder:
            found.append(Candidate(str(error.filename), KIND_FOLDER))

    for root, dirs, files in os.walk(folder, onerror=unreadable, followlinks=False):
        here = Path(root)
        if is_package_folder(files):
            found.append(Candidate(str(here), KIND_FOLDER))
            dirs[:] = []
            continue
        for name in files:
            if name.lower().endswith(MAIL_SUFFIX):
                found.append(Candidate(str(here / name), KIND_MAIL))
        for name in list(dirs):
            if (here / name).is_symlink():
                dirs.remove(name)
                found.append(Candidate(str(here / name), KIND_FOLDER))
        dirs.sort()
    return sorted(found, key=lambda c: c.path)
