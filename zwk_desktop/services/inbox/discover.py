"""Finding the applications under the inbox folder: every ``.eml`` and every package folder.

A package folder is one that holds a package's manifest (``…_manifest.json``, or
``manifest.json`` of a format-1 package); it is one candidate and is not searched further (a
format-1 package's ``anlagen/`` belong to it). Where a reviewer saved several packages into one
folder (their file names tell them apart), each manifest is a candidate of its own, as
``verify ORDNER/…_manifest.json`` checks it. Links are never followed: a link inside the inbox
becomes a row that says so. Nothing is opened here beyond listing folders.
"""

from __future__ import annotations

import os
from pathlib import Path

from zwk_desktop.services import naming
from zwk_desktop.services.inbox.model import KIND_FOLDER, KIND_MAIL, Candidate

MAIL_SUFFIX = ".eml"


class InboxUnreadable(Exception):
    """The inbox folder itself cannot be read (German sentence); exit code 2."""


def manifests(names: list[str] | set[str]) -> list[str]:
    """The packages' manifests among these file names."""
    return sorted(
        name
        for name in names
        if (name == naming.MANIFEST_NAME or name.endswith(naming.MANIFEST_SUFFIX))
        and not naming.ignored(name)
    )


def is_package_folder(names: list[str] | set[str]) -> bool:
    """Whether a folder with these file names is a package (its manifest is there)."""
    return bool(manifests(names))


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
        found_manifests = manifests(files)
        if len(found_manifests) == 1:
            found.append(Candidate(str(here), KIND_FOLDER))
            dirs[:] = []
            continue
        if found_manifests:  # several packages in one folder: each by its manifest
            found.extend(Candidate(str(here / name), KIND_FOLDER) for name in found_manifests)
            dirs[:] = []
        for name in files:
            if name.lower().endswith(MAIL_SUFFIX):
                found.append(Candidate(str(here / name), KIND_MAIL))
        for name in list(dirs):
            if (here / name).is_symlink():
                dirs.remove(name)
                found.append(Candidate(str(here / name), KIND_FOLDER))
        dirs.sort()
    return sorted(found, key=lambda c: c.path)
