"""Shared helpers of the command-line commands."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

if TYPE_CHECKING:  # the draft model and the form are imported by the commands that read drafts
    from zwk_desktop.domain.draft import Draft
    from zwk_desktop.formspec import FormSpec

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_UNREADABLE = 2
EXIT_INTERNAL = 3
"""An unexpected internal error: a German sentence and the log file on stderr."""


_ARGPARSE_GERMAN = (
    ("the following arguments are required", "es fehlen die Angaben"),
    ("unrecognized arguments", "unbekannte Angaben"),
    ("invalid choice", "unbekannte Auswahl"),
    ("(choose from", "(möglich sind"),
    ("expected one argument", "erwartet einen Wert"),
    ("expected at least one argument", "erwartet mindestens einen Wert"),
    ("expected at most one argument", "erwartet höchstens einen Wert"),
    ("ignored explicit argument", "überflüssiger Wert"),
    ("not allowed with argument", "ist nicht zusammen erlaubt mit"),
    ("one of the arguments", "eine der Angaben"),
    ("is required", "ist nötig"),
    ("ambiguous option", "mehrdeutige Option"),
    ("could match", "passt zu"),
    ("invalid int value", "keine ganze Zahl"),
    ("invalid float value", "keine Zahl"),
    ("invalid value", "ungültiger Wert"),
    ("argument ", "Angabe "),
)


def german_argparse(message: str) -> str:
    """An argparse error message in German (argparse itself speaks English)."""
    for english, german in _ARGPARSE_GERMAN:
        message = message.replace(english, german)
    return message


class GermanHelpFormatter(argparse.HelpFormatter):
    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[argparse._MutuallyExclusiveGroup],
        prefix: str | None = None,
    ) -> None:
        super().add_usage(usage, actions, groups, "Aufruf: " if prefix is None else prefix)


class GermanParser(argparse.ArgumentParser):
    """An argument parser whose help and errors are German: ``Aufruf:``, ``Angaben``,
    ``Optionen``, ``-h, --help  diese Hilfe anzeigen und beenden``. Subcommands get the same
    class (``add_subparsers`` passes it on). Errors end with exit code 2."""

    def __init__(self, *, add_help: bool = True, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", GermanHelpFormatter)
        super().__init__(add_help=False, **kwargs)
        self._positionals.title = "Angaben"
        self._optionals.title = "Optionen"
        if add_help:
            self.add_argument(
                "-h", "--help", action="help", help="diese Hilfe anzeigen und beenden"
            )

    def add_subparsers(self, **kwargs: Any) -> Any:
        kwargs.setdefault("title", "Befehle")
        kwargs.setdefault("parser_class", type(self))
        return super().add_subparsers(**kwargs)

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        complain(f"{self.prog}: {german_argparse(message)}")
        sys.exit(EXIT_UNREADABLE)


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


def say_json(value: object) -> None:
    """JSON on stdout with ASCII escapes (``\\u00fc``): correct in any console code page, also
    when redirected to a file on Windows (cp1252) or piped."""
    print(json.dumps(value, ensure_ascii=True, indent=2))


def complain(text: str) -> None:
    print(text, file=sys.stderr)


def form_for(draft: Draft, path: Path | None = None) -> FormSpec:
    """The installed form a draft was written for."""
    from zwk_desktop.domain.draft import DraftError, form_of
    from zwk_desktop.formspec import FormSpecError

    try:
        return form_of(draft)
    except DraftError as exc:
        where = f"{path}: " if path is not None else ""
        raise CommandError(f"{where}{exc}") from None
    except FormSpecError as exc:
        raise CommandError(str(exc)) from None


def load_draft(path: Path) -> tuple[Draft, FormSpec]:
    from zwk_desktop.domain.draft import DraftError, read_draft

    try:
        draft = read_draft(path)
    except DraftError as exc:
        raise CommandError(f"{path}: {exc}") from None
    return draft, form_for(draft, path)
