"""Entry point of ``zwk-desktop``: a subcommand, or the desktop program when there is none."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from zwk_desktop import __version__, netguard
from zwk_desktop.cli import about, drafts, export, gemeinde, identity, validate
from zwk_desktop.cli.common import EXIT_INTERNAL, EXIT_OK, EXIT_UNREADABLE, CommandError, complain

COMMANDS = (validate, drafts, identity, export, gemeinde, about)
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


def _utf8_argument(arg: str) -> str:
    """An argument a non-UTF-8 locale could not decode (POSIX, e.g. ``LC_ALL=C``: Python keeps
    the bytes as surrogate escapes) is read as UTF-8, which terminals and scripts send."""
    if sys.platform == "win32" or not any("\udc80" <= c <= "\udcff" for c in arg):
        return arg
    return os.fsencode(arg).decode("utf-8", "replace")


def main(argv: Sequence[str] | None = None) -> int:
    netguard.install_from_environment()
    if sys.platform == "win32":  # the installer sees a running program by this mutex
        from zwk_desktop.services.instance import hold_mutex

        hold_mutex()
    args_list = [_utf8_argument(a) for a in (sys.argv[1:] if argv is None else argv)]
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
    except BrokenPipeError:
        # The reader stopped early (``| head``): not an error of the command. Python would
        # report the failed flush at exit, so stdout goes to the null device.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except Exception as exc:  # the top-level handler: no traceback, a German sentence, the log
        return internal_error(exc, args_list[0] if args_list else "")
    return code


def internal_error(exc: BaseException, command: str) -> int:
    """Log an unexpected error of a command and say so in German; exit code 3."""
    from zwk_desktop.services import crashlog

    report = crashlog.record(exc, f"Befehl {command}" if command else "Befehl")
    complain(report.message)
    return EXIT_INTERNAL
