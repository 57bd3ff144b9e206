"""Shared helpers of the command-line commands."""

from __future__ import annotations

import sys
from pathlib import Path

from zwk_desktop.domain.draft import Draft, DraftError, read_draft
from zwk_desktop.formspec import FormSpec, FormSpecError, get_form

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_UNREADABLE = 2


class CommandError(Exception):
    """Ends a command with one German sentence on stderr and an exit code."""

    def __init__(self, message: str, code: int = EXIT_UNREADABLE) -> None:
        super().__init__(message)
        self.code = code


def user_name() -> str:
    """The user name from the settings (empty until the user gave one in the window)."""
    from zwk_desktop.locations import data_dir
    from zwk_desktop.services.settings import SettingsStore

    return SettingsStore(data_dir()).load().user_name


def say(text: str = "") -> None:
    print(text)


def complain(text: str) -> None:
    print(text, file=sys.stderr)


def form_for(draft: Draft, path: Path | None = None) -> FormSpec:
    """The installed form a draft was written for."""
    try:
        return get_form(draft.form_id, draft.form_version)
    except KeyError:
        where = f"{path}: " if path is not None else ""
        raise CommandError(
            f"{where}Der Entwurf gehört zum Formular „{draft.form_id}“ in Version "
            f"{draft.form_version}, das in dieser Programmversion nicht enthalten ist."
        ) from None
    except FormSpecError as exc:
        raise CommandError(str(exc)) from None


def load_draft(path: Path) -> tuple[Draft, FormSpec]:
    try:
        draft = read_draft(path)
    except DraftError as exc:
        raise CommandError(f"{path}: {exc}") from None
    return draft, form_for(draft, path)
