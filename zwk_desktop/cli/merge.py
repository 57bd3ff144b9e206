"""``zwk-desktop merge BASE OURS THEIRS --out MERGED [--json]``: merge two copies of a draft.

Exit code 0: merged without conflict; 1: conflicts (MERGED has our values there); 2: a file is
unreadable, the three are not of one draft, or MERGED cannot be written. The merge itself is in
`zwk_desktop.cli.merging`, imported when the command runs.
"""

from __future__ import annotations

import argparse
from pathlib import Path


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = commands.add_parser(
        "merge",
        help="zwei Stände eines Entwurfs Feld für Feld zusammenführen",
        description="Führt zwei Stände eines Entwurfs (OURS: Ihr Stand, THEIRS: eingegangener "
        "Stand) mit ihrem gemeinsamen Ursprung (BASE) Feld für Feld zusammen; Listen "
        "(Posten, Initiativen, Anlagen …) Eintrag für Eintrag. Exit-Code 0: ohne Konflikt "
        "zusammengeführt, 1: Konflikte (MERGED enthält dort Ihren Stand), 2: eine Datei ist "
        "nicht lesbar oder die drei gehören nicht zu einem Entwurf.",
    )
    p.add_argument("base", type=Path, metavar="BASE", help="der gemeinsame Ursprung (.zwk)")
    p.add_argument("ours", type=Path, metavar="OURS", help="Ihr Stand (.zwk)")
    p.add_argument("theirs", type=Path, metavar="THEIRS", help="der eingegangene Stand (.zwk)")
    p.add_argument("--out", type=Path, required=True, metavar="MERGED", help="Zieldatei (.zwk)")
    p.add_argument("--json", action="store_true", help="das Ergebnis als JSON ausgeben")
    p.add_argument(
        "--force",
        action="store_true",
        help="eine vorhandene Zieldatei ersetzen, auch wenn sie kein Stand dieses Entwurfs ist",
    )
    p.set_defaults(run=run_merge)


def run_merge(args: argparse.Namespace) -> int:
    from zwk_desktop.cli.merging import run

    return run(args)
