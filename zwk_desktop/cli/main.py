"""Entry point of ``zwk-desktop``: a subcommand, or the desktop program when there is none."""

from __future__ import annotations

import argparse
import gc
import importlib
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from zwk_desktop import __version__, netguard
from zwk_desktop.cli.common import EXIT_UNREADABLE, CommandError, complain

if TYPE_CHECKING:
    # Never run; names the command modules for tools that follow imports (PyInstaller's
    # analysis), since `build_parser` imports them by name.
    from zwk_desktop.cli import (  # noqa: F401
        about,
        drafts,
        export,
        gemeinde,
        identity,
        inbox,
        validate,
    )

COMMANDS: dict[str, str] = {
    "validate": "validate",
    "schema": "validate",
    "new": "validate",
    "drafts": "drafts",
    "identity": "identity",
    "export": "export",
    "verify": "export",
    "posteingang": "inbox",
    "gemeinde": "gemeinde",
    "about": "about",
}
"""Each subcommand and the module under ``zwk_desktop.cli`` that adds it (``register(subparsers)``),
in the order of the help. A command imports only its own module: ``verify`` does not pay for the
draft store or the directory search."""


class _GermanParser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        translated = (
            message.replace("the following arguments are required", "es fehlen die Angaben")
            .replace("unrecognized arguments", "unbekannte Angaben")
            .replace("invalid choice", "unbekannte Auswahl")
            .replace("expected one argument", "erwartet einen Wert")
            .replace("argument ", "Angabe ")
        )
        complain(f"{self.prog}: {translated}")
        sys.exit(EXIT_UNREADABLE)


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser of every command, or only of `command` (one of `COMMANDS`)."""
    parser = _GermanParser(
        prog="zwk-desktop",
        description="ZWK Desktop – Bewerbungsbogen „Zukunftswerkstatt Kommunen – Attraktiv im "
        "Wandel“ offline erstellen, prüfen, signieren und versenden. Ohne Befehl startet das "
        "Programm mit Fenster.",
        add_help=False,
    )
    parser._optionals.title = "Optionen"
    parser.add_argument("-h", "--help", action="help", help="diese Hilfe anzeigen und beenden")
    parser.add_argument(
        "--version",
        action="version",
        version=f"ZWK Desktop {__version__}",
        help="die Programmversion anzeigen",
    )
    commands = parser.add_subparsers(title="Befehle", metavar="BEFEHL", parser_class=_GermanParser)
    modules = [COMMANDS[command]] if command in COMMANDS else COMMANDS.values()
    for name in dict.fromkeys(modules):
        importlib.import_module(f"zwk_desktop.cli.{name}").register(commands)
    return parser


def _wants_gui(argv: Sequence[str]) -> bool:
    if not argv:
        return True
    first = argv[0]
    return not first.startswith("-") and first not in COMMANDS


def main(argv: Sequence[str] | None = None) -> int:
    netguard.install_from_environment()
    args_list = list(sys.argv[1:] if argv is None else argv)
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")
    if _wants_gui(args_list):
        from zwk_desktop.app import run_gui

        return run_gui(args_list)
    parser = build_parser(args_list[0])
    args = parser.parse_args(args_list)
    try:
        code: int = args.run(args)
    except CommandError as exc:
        complain(str(exc))
        code = exc.code
    except KeyboardInterrupt:
        complain("Abgebrochen.")
        code = 130
    if argv is None:
        _before_exit()
    return code


def _before_exit() -> None:
    """The command ran as the program (not called from a test) and the process ends now.

    Every file the commands write is closed (and replaced atomically) before they return, so
    the interpreter's final garbage collections over the libraries' objects (pyHanko, pydantic:
    ~80 ms of a `verify`) have nothing to do: the objects stay as they are until the process
    is gone."""
    sys.stdout.flush()
    gc.freeze()
