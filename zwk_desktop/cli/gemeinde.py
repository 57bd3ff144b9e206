"""``zwk-desktop gemeinde SUCHE``: look a municipality up in the official directory."""

from __future__ import annotations

import argparse

from zwk_desktop.cli.common import EXIT_INVALID, EXIT_OK, CommandError, say, say_json
from zwk_desktop.directory import ATTRIBUTION, DirectoryError, Entry, default_directory
from zwk_desktop.domain import formatting

COLUMNS = ("Name", "Art", "AGS", "Kreis", "Land", "Einwohner")


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = commands.add_parser(
        "gemeinde",
        help="eine Kommune im Gemeindeverzeichnis suchen",
        description="Sucht Gemeinden, Städte und Landkreise im mitgelieferten "
        "Gemeindeverzeichnis des Statistischen Bundesamts, nach Namen oder Namensanfang "
        "(Groß-/Kleinschreibung und ä/ae egal) oder nach dem Anfang des Gemeindeschlüssels. "
        "Exit-Code 0: Treffer gefunden, 1: kein Treffer.",
    )
    p.add_argument(
        "suche", nargs="+", metavar="SUCHE", help="Name, Namensanfang oder Schlüssel, z. B. münch"
    )
    p.add_argument(
        "--anzahl",
        type=int,
        default=20,
        metavar="N",
        help="höchstens so viele Treffer zeigen (Standard: %(default)s)",
    )
    p.add_argument("--json", action="store_true", help="die Treffer als JSON ausgeben")
    p.set_defaults(run=run_gemeinde)


def _row(entry: Entry) -> tuple[str, ...]:
    kreis = "–" if entry.is_kreis or entry.kreisfrei or not entry.kreis else entry.kreis
    return (
        entry.formal_name,
        entry.typ_label,
        entry.ags,
        kreis,
        entry.land,
        formatting.number(entry.einwohner),
    )


def _json(entry: Entry) -> dict[str, object]:
    return {
        "name": entry.name,
        "bezeichnung": entry.formal_name,
        "art": entry.typ_label,
        "ags": entry.ags,
        "kreis": None if entry.is_kreis else entry.kreis,
        "land": entry.land,
        "einwohner": entry.einwohner,
        "flaeche_km2": float(entry.flaeche_km2),
        "plz": entry.plz,
    }


def run_gemeinde(args: argparse.Namespace) -> int:
    query = " ".join(args.suche)
    if args.anzahl < 1:
        raise CommandError("--anzahl muss mindestens 1 sein.")
    try:
        directory = default_directory()
    except DirectoryError as exc:
        raise CommandError(str(exc)) from None
    found = directory.search(query, args.anzahl + 1)
    shown, more = found[: args.anzahl], len(found) > args.anzahl
    stand = formatting.date(directory.meta.bevoelkerungsstand)
    if args.json:
        say_json(
            {
                "suche": query,
                "einwohner_stand": directory.meta.bevoelkerungsstand.isoformat(),
                "treffer": [_json(e) for e in shown],
                "weitere": more,
                "quelle": ATTRIBUTION,
            }
        )
        return EXIT_OK if shown else EXIT_INVALID
    if not shown:
        say(f"Keine Gemeinde, keine Stadt und kein Landkreis passt zu „{query}“.")
        return EXIT_INVALID
    table = [COLUMNS, *(_row(e) for e in shown)]
    widths = [max(len(row[i]) for row in table) for i in range(len(COLUMNS))]
    for i, row in enumerate(table):
        cells = [c.rjust(w) if j == len(row) - 1 else c.ljust(w) for j, (c, w) in
                 enumerate(zip(row, widths, strict=True))]  # fmt: skip
        say("  ".join(cells).rstrip())
        if i == 0:
            say("  ".join("-" * w for w in widths))
    say()
    count = f"{len(shown)} Treffer" + (
        "; es gibt weitere – verfeinern Sie die Suche oder erhöhen Sie --anzahl" if more else ""
    )
    say(f"{count}. Einwohner zum {stand}.")
    say(ATTRIBUTION)
    return EXIT_OK
