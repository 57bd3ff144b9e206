"""Shared helpers of the command-line commands."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the draft model and the form are imported by the commands that read drafts
    from zwk_desktop.domain.draft import Draft
    from zwk_desktop.formspec import FormSpec

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_UNREADABLE = 2
EXIT_INTERNAL = 3
"""An unexpected internal error: a German sentence and the log file on stderr."""


class CommandError(Exception):
    """Ends a command with one German sentence on stderr and an exit code."""

    def __init__(self, message: str, code: int = EXIT_UNREADABLE) -> None:
        super().__init__(message)
        self.code = code


def say(text: str = "") -> None:
    print(text)


def say_json(value: object) -> None:
    """JSON on stdout with ASCII escapes (``\\u00fc``): correct in any console code page, also
    when redirected to a file on Windows (cp1252) or piped."""
    print(json.dumps(value, ensure_ascii=True, indent=2))


def complain(text: str) -> None:
    print(text, file=sys.stderr)


def form_for(draft: Draft, path: Path | None = None) -> FormSpec:
    """The installed form a draft was written for."""
    from zwk_desktop.formspec import FormSpecError, get_form

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
    from zwk_desktop.domain.draft import DraftError, read_draft

    try:
        draft = read_draft(path)
    except DraftError as exc:
        raise CommandError(f"{path}: {exc}") from None
    return draft, form_for(draft, path)
