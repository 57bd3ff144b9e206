"""Entry point of ``zwk-desktop``: a subcommand, or the desktop program when there is none.

Only what the first word asks for is imported: ``--version`` needs nothing beyond argparse, a
subcommand only its own module (`COMMANDS`), the window none of them. Anything that is neither
a command, an option nor an existing file is a mistyped command: the German usage and exit 2,
never a window (which would hang without a display).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from importlib import import_module

from zwk_desktop import __version__

EXIT_UNREADABLE = 2
"""The exit code of a command line that cannot be understood (as `cli.common.EXIT_UNREADABLE`)."""

MODULES = ("validate", "drafts", "merge", "identity", "export", "inbox", "gemeinde", "about")
"""Modules of `zwk_desktop.cli` that add subcommands (``register(subparsers)``), in the order
of the help."""

COMMANDS: dict[str, str] = {
    "validate": "validate",
    "schema": "validate",
    "new": "validate",
    "drafts": "drafts",
    "merge": "merge",
    "identity": "identity",
    "export": "export",
    "verify": "export",
    "posteingang": "inbox",
    "gemeinde": "gemeinde",
    "about": "about",
}
"""Each subcommand and the module that registers and runs it; tests check that the table and
the modules' ``register`` agree."""


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The parser of the whole command line, or with `only` the module of that one command
    registered (the others are not imported). Help and errors in German (`GermanParser`)."""
    from zwk_desktop.cli.common import GermanParser

    parser = GermanParser(
        prog="zwk-desktop",
        description="ZWK Desktop – Bewerbungsbogen „Zukunftswerkstatt Kommunen – Attraktiv im "
        "Wandel“ offline erstellen, prüfen, signieren und versenden. Ohne Befehl startet das "
        "Programm mit Fenster; ebenso mit dem Pfad einer vorhandenen Datei (.zwk).",
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"ZWK Desktop {__version__}",
        help="die Programmversion anzeigen",
    )
    commands = parser.add_subparsers(title="Befehle", metavar="BEFEHL")
    for name in MODULES:
        if only is None or name == COMMANDS.get(only):
            import_module(f"zwk_desktop.cli.{name}").register(commands)
    return parser


def _starts_window(args: Sequence[str]) -> bool:
    """No argument, or the path of an existing file as the first one (``zwk-desktop x.zwk``)."""
    return not args or (args[0] not in COMMANDS and os.path.isfile(args[0]))


def unknown_command(word: str) -> int:
    """The German usage and what was not understood; exit code 2."""
    from difflib import get_close_matches

    parser = build_parser()
    parser.print_usage(sys.stderr)
    line = f"zwk-desktop: unbekannter Befehl „{word}“"
    close = get_close_matches(word, COMMANDS, n=1)
    if close:
        line += f" – meinten Sie „{close[0]}“?"
    elif not word.startswith("-") and ("." in word or os.sep in word or "/" in word):
        line += " (eine Datei dieses Namens gibt es nicht)"
    print(line, file=sys.stderr)
    print(
        "Ohne Befehl startet das Programm mit Fenster; alle Befehle: zwk-desktop --help",
        file=sys.stderr,
    )
    return EXIT_UNREADABLE


def _network_guard() -> None:
    """The guard's module (sockets, ipaddress) is imported only when the guard is asked for."""
    if os.environ.get("ZWK_NETWORK_GUARD", "").strip():
        from zwk_desktop import netguard

        netguard.install_from_environment()


def _utf8_argument(arg: str) -> str:
    """An argument a non-UTF-8 locale could not decode (POSIX, e.g. ``LC_ALL=C``: Python keeps
    the bytes as surrogate escapes) is read as UTF-8, which terminals and scripts send."""
    if sys.platform == "win32" or not any("\udc80" <= c <= "\udcff" for c in arg):
        return arg
    return os.fsencode(arg).decode("utf-8", "replace")


def main(argv: Sequence[str] | None = None) -> int:
    _network_guard()
    if sys.platform == "win32":  # the installer sees a running program by this mutex
        from zwk_desktop.services.instance import hold_mutex

        hold_mutex()
    args_list = [_utf8_argument(a) for a in (sys.argv[1:] if argv is None else argv)]
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")
    if _starts_window(args_list):
        from zwk_desktop.app import run_gui

        return run_gui(args_list)
    first = args_list[0]
    if first == "--version":
        print(f"ZWK Desktop {__version__}")
        return 0
    if first not in COMMANDS and not first.startswith("-"):
        return unknown_command(first)
    parser = build_parser(first if first in COMMANDS else None)
    args = parser.parse_args(args_list)
    if getattr(args, "run", None) is None:  # options only, no command
        parser.print_usage(sys.stderr)
        return EXIT_UNREADABLE
    from zwk_desktop.cli.common import EXIT_OK, CommandError, complain

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
    if argv is None:
        _before_exit()
    return code


def _before_exit() -> None:
    """The command ran as the program (not called from a test) and the process ends now.

    Every file the commands write is closed (and replaced atomically) before they return, so
    the interpreter's final garbage collections over the libraries' objects (pyHanko, pydantic:
    ~80 ms of a `verify`) have nothing to do: the objects stay as they are until the process
    is gone."""
    import gc

    sys.stdout.flush()
    gc.freeze()


def internal_error(exc: BaseException, command: str) -> int:
    """Log an unexpected error of a command and say so in German; exit code 3."""
    from zwk_desktop.cli.common import EXIT_INTERNAL, complain
    from zwk_desktop.services import crashlog

    report = crashlog.record(exc, f"Befehl {command}" if command else "Befehl")
    complain(report.message)
    return EXIT_INTERNAL
