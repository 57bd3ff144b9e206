"""Shared helpers of the command-line commands."""

from __future__ import annotations

import sys
from pathlib import Path

from zwk_desktop.domain.draft import Draft, DraftError, form_of, read_draft
from zwk_desktop.formspec import FormSpec, FormSpecError

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_UNREADABLE = 2


class CommandError(Exception):
    """Ends a command with one German sentence on stderr and an exit code."""

    def __init__(self, message: str, code: int = EXIT_UNREADABLE) -> None:
        super().__init__(message)
        self.code = code


def say(text: str = "") -> None:
    print(text)


def complain(text: str) -> None:
    print(text, file=sys.stderr)


def form_for(draft: Draft, path: Path | None = None) -> FormSpec:
    """The installed form a draft was written for."""
    try:
        return form_of(draft)
    except DraftError as exc:
        where = f"{path}: " if path is not None else ""
        raise CommandError(f"{where}{exc}") from None
    except FormSpecError as exc:
        raise CommandError(str(exc)) from None


def load_draft(path: Path) -> tuple[Draft, FormSpec]:
    try:
        draft = read_draft(path)
    except DraftError as exc:
        raise CommandError(f"{path}: {exc}") from None
    return draft, form_for(draft, path)
