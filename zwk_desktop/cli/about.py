"""``zwk-desktop about``: version, data folder and every bundled component with its licence."""

from __future__ import annotations

import argparse
import textwrap

from zwk_desktop import __version__
from zwk_desktop.cli.common import EXIT_OK, CommandError, say, say_json
from zwk_desktop.locations import data_dir
from zwk_desktop.services.crashlog import log_path


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = commands.add_parser(
        "about",
        help="Version, Datenordner, Protokoll und Lizenzen anzeigen",
        description="Zeigt die Programmversion, den Datenordner, die Protokolldatei und alle "
        "mitgelieferten Bestandteile (Bibliotheken, Schriften, Daten) mit ihren Lizenzen "
        "und Hinweisen.",
    )
    p.add_argument("--json", action="store_true", help="das Ergebnis als JSON ausgeben")
    p.set_defaults(run=run_about)


def run_about(args: argparse.Namespace) -> int:
    # Imported here: every start of the program registers this command.
    from zwk_desktop.licences import KIND_LABELS, LicenceListError, components

    try:
        found = components()
    except LicenceListError as exc:
        raise CommandError(str(exc)) from None
    if args.json:
        listing = {
            "version": __version__,
            "data_dir": str(data_dir()),
            "log_file": str(log_path()),
            "components": [c.model_dump(mode="json", exclude={"texts"}) for c in found],
        }
        say_json(listing)
        return EXIT_OK
    say(f"ZWK Desktop {__version__}")
    say(f"Datenordner: {data_dir()}")
    say(f"Protokoll: {log_path()}")
    kind = None
    for c in found:
        if c.kind != kind:
            kind = c.kind
            say("")
            say(f"{KIND_LABELS[kind]}:")
        say(f"  {c.name} {c.version}".rstrip() + f" – Lizenz: {c.licence}")
        if c.notice:
            say(textwrap.fill(c.notice, width=96, initial_indent="    ", subsequent_indent="    "))
    return EXIT_OK
