"""``zwk-desktop posteingang ORDNER``: every application received under a folder, one overview."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from zwk_desktop.cli.common import (
    EXIT_INVALID,
    EXIT_OK,
    EXIT_UNREADABLE,
    CommandError,
    complain,
    say,
    say_json,
)

if TYPE_CHECKING:
    from zwk_desktop.services.inbox.model import Overview


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"„{text}“ ist keine Anzahl (1 oder mehr)")
    return value


def _seconds(text: str) -> float:
    try:
        value = float(text.replace(",", "."))
    except ValueError:
        value = 0.0
    if not value > 0:
        raise argparse.ArgumentTypeError(f"„{text}“ ist keine Zeit in Sekunden")
    return value


def _confirmation(text: str) -> tuple[str, str]:
    ags, _, fingerprint = text.replace(":", "=").partition("=")
    fingerprint = fingerprint.strip().lower().replace(":", "")
    if not re.fullmatch(r"\d{5}(\d{3})?", ags.strip()) or not re.fullmatch(
        r"[0-9a-f]{64}", fingerprint
    ):
        raise argparse.ArgumentTypeError(
            f"„{text}“ ist nicht AGS=SHA-256 (z. B. 12073999=8227d023…, 64 Hexadezimalziffern)"
        )
    return ags.strip(), fingerprint


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = commands.add_parser(
        "posteingang",
        help="alle eingegangenen Bewerbungen eines Ordners prüfen und als Übersicht ausgeben",
        description="Liest jede E-Mail (.eml) und jeden Paketordner unter ORDNER (auch in "
        "Unterordnern), prüft jedes Paket wie „verify“ (Signaturen, Prüfsummen, eingebettete "
        "Daten, erneute Prüfung der Angaben) und gibt eine Zeile je Bewerbung aus: Kommune, AGS, "
        "Land, Art, Einwohner, beantragte Beträge je Jahr, Unterzeichner, Signatur, Fehler, "
        "Hinweise und bestätigte Hinweise. Bewerbungen derselben AGS: die neueste gültige ist "
        "„aktuell“, die anderen „ersetzt“; die Summen zählen die gültigen, aktuellen. Das "
        "Zertifikat der ersten gültigen Bewerbung je AGS "
        "wird gemerkt; eine spätere mit anderem Zertifikat wird gemeldet, außer es ist unter "
        "einem Vertrauensanker (--trust) ausgestellt. Exit-Code 0: alle "
        "gültig, 1: nicht alle gültig (die Zeilen sagen, welche), 2: Ordner nicht lesbar oder "
        "Ausgabe nicht schreibbar.",
    )
    p.add_argument("folder", type=Path, metavar="ORDNER", help="der Ordner mit den Eingängen")
    p.add_argument("--csv", type=Path, metavar="DATEI", help="die Übersicht als CSV für Excel")
    p.add_argument("--xlsx", type=Path, metavar="DATEI", help="die Übersicht als Excel-Mappe")
    p.add_argument(
        "--json", action="store_true", help="die Übersicht als JSON auf der Standardausgabe"
    )
    p.add_argument(
        "--jobs",
        type=_positive,
        metavar="N",
        help="so viele Pakete gleichzeitig prüfen (Standard: einer je Prozessorkern)",
    )
    p.add_argument(
        "--trust",
        type=Path,
        metavar="ORDNER_ODER_PEM",
        help="Vertrauensanker: Zertifikate der Aussteller (PEM/DER-Datei oder Ordner), wie bei "
        "„verify --trust“; so ausgestellte Zertifikate brauchen keine telefonische Bestätigung",
    )
    p.add_argument(
        "--zeitlimit",
        type=_seconds,
        metavar="SEKUNDEN",
        help="höchstens so lange je Paket prüfen (Standard: 30)",
    )
    p.add_argument(
        "--bestaetigt",
        type=_confirmation,
        action="append",
        default=[],
        metavar="AGS=SHA256",
        help="dieses Zertifikat ist für diese AGS mit der Kommune bestätigt (etwa am Telefon): "
        "nicht mehr als abweichend melden (mehrfach möglich; wird gemerkt)",
    )
    p.set_defaults(run=run_inbox)


def _progress(done: int, total: int, row: object) -> None:
    print(f"\r  {done} von {total} Paketen geprüft", end="", file=sys.stderr, flush=True)
    if done == total:
        print(file=sys.stderr, flush=True)


def run_inbox(args: argparse.Namespace) -> int:
    import dataclasses

    from zwk_desktop.services.inbox import (
        InboxUnreadable,
        WorkerError,
        default_limits,
        scan,
    )
    from zwk_desktop.services.trust import TrustError

    limits = default_limits()
    if args.zeitlimit:
        limits = dataclasses.replace(limits, time=args.zeitlimit)
    try:
        overview, notice = scan(
            args.folder,
            jobs=args.jobs,
            limits=limits,
            confirm=args.bestaetigt,
            trust=args.trust,
            progress=_progress if sys.stderr.isatty() else None,
        )
    except InboxUnreadable as exc:
        raise CommandError(str(exc), EXIT_UNREADABLE) from None
    except (WorkerError, TrustError) as exc:
        raise CommandError(str(exc), EXIT_UNREADABLE) from None
    if notice:
        complain(notice)
    _write_files(args, overview)
    if args.json:
        from zwk_desktop.services.inbox.tables import overview_json

        say_json(overview_json(overview))
    else:
        from zwk_desktop.services.inbox.report import overview_text

        say(overview_text(overview))
    if not overview.applications:
        complain(
            f"Unter {args.folder} gibt es keine E-Mails (.eml) und keine Paketordner "
            "(mit …_manifest.json)."
        )
    return EXIT_OK if overview.all_valid else EXIT_INVALID


def _write_files(args: argparse.Namespace, overview: Overview) -> None:
    from zwk_desktop import oserrors
    from zwk_desktop.services.atomic import write_atomic
    from zwk_desktop.services.inbox.tables import csv_bytes
    from zwk_desktop.services.inbox.workbook import workbook_bytes

    targets = []
    if args.csv:
        targets.append((args.csv, csv_bytes))
    if args.xlsx:
        targets.append((args.xlsx, workbook_bytes))
    for target, render in targets:
        if target.is_dir():
            raise CommandError(f"{target} ist ein Ordner; bitte einen Dateinamen angeben.")
        try:
            write_atomic(target, render(overview))
        except OSError as exc:
            raise CommandError(oserrors.sentence(target, exc, writing=True)) from None
        complain(f"Übersicht geschrieben: {target}")
