"""Entry point of ``zwk-desktop``: a subcommand, or the desktop program when there is none."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from zwk_desktop import __version__, netguard
from zwk_desktop.cli import about, drafts, export, gemeinde, identity, merge, validate
from zwk_desktop.cli.common import EXIT_UNREADABLE, CommandError, complain

COMMANDS = (validate, drafts, merge, identity, export, gemeinde, about)
"""Modules that add subcommands; each has ``register(subparsers)``."""


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


def build_parser() -> argparse.ArgumentParser:
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
    for module in COMMANDS:
        module.register(commands)
    return parser


def _wants_gui(argv: Sequence[str]) -> bool:
    if not argv:
        return True
    first = argv[0]
    return not first.startswith("-") and first not in _command_names()


def _command_names() -> set[str]:
    parser = build_parser()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return set(action.choices)
    return set()


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
    parser = build_parser()
    args = parser.parse_args(args_list)
    try:
        code: int = args.run(args)
    except CommandError as exc:
        complain(str(exc))
        return exc.code
    except KeyboardInterrupt:
        complain("Abgebrochen.")
        return 130
    return code
