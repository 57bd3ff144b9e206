"""The one interface the window keeps drafts through.

`FileDrafts` (``draft_files.py``) implements it with ``.zwk`` files and a list of recently used
files. A draft store with autosave and history can replace it by implementing the same protocol;
the window only ever calls these methods.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:  # the draft model pulls in pydantic; the start screen does not need it
    from zwk_desktop.domain.draft import Draft


class SaveError(Exception):
    """A draft could not be saved. The message is one German sentence; nothing was changed."""


@dataclass(frozen=True, slots=True)
class DraftRef:
    """Where a draft is kept: for files, `key` is the absolute path of the ``.zwk`` file."""

    key: str
    label: str
    """Short name for the window title and lists (the file name)."""
    path: Path | None = None
    """The file the draft is saved in, when it is one."""


@dataclass(frozen=True, slots=True)
class RecentDraft:
    """An entry of the start screen's list of recently used drafts."""

    ref: DraftRef
    title: str
    """The Kommune's name when the draft was last opened or saved."""
    modified: str
    """When it was last opened or saved (ISO 8601, UTC)."""


class DraftPersistence(Protocol):
    def recent(self) -> list[RecentDraft]:
        """Recently used drafts, the latest first."""
        ...

    def open(self, ref: DraftRef) -> Draft:
        """Read a draft named in `recent()`; raises DraftError with a German sentence."""
        ...

    def open_file(self, path: Path) -> tuple[Draft, DraftRef]:
        """Read a ``.zwk`` file the user chose; raises DraftError."""
        ...

    def save(self, draft: Draft, ref: DraftRef) -> DraftRef:
        """Save a draft where it was opened from or last saved; raises SaveError."""
        ...

    def save_file(self, draft: Draft, path: Path) -> DraftRef:
        """Save a draft to a ``.zwk`` file the user chose ("Speichern unter…"); raises SaveError."""
        ...

    def forget(self, ref: DraftRef) -> None:
        """Remove an entry from `recent()` (e.g. its file is gone)."""
        ...
