"""``zwk-desktop drafts list | export NR DATEI | import DATEI [--als-neuer-entwurf]``: the store."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TypeAlias

from zwk_desktop.cli.common import (
    EXIT_INVALID,
    EXIT_OK,
    EXIT_UNREADABLE,
    CommandError,
    complain,
    say,
    say_json,
    user_name,
)
from zwk_desktop.services.records import DraftSummary
from zwk_desktop.services.recovery import open_store
from zwk_desktop.services.store import DraftStore, StoreError, StoreUnavailable

EXIT_NOT_WRITTEN = EXIT_INVALID
"""Exit code when the store or the target file cannot be written (disk full, read-only)."""


def _draft_id(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"„{text}“ ist keine Entwurfsnummer (siehe „drafts list“)")
    return value


Actions: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"


def _parser(actions: Actions, name: str, **kwargs: str) -> argparse.ArgumentParser:
    """A subcommand parser whose help is German throughout."""
    parser: argparse.ArgumentParser = actions.add_parser(name, **kwargs)  # type: ignore[arg-type]
    return parser


def register(commands: Actions) -> None:
    drafts = _parser(
        commands,
        "drafts",
        help="die gespeicherten Entwürfe auflisten, exportieren und importieren",
        description="Arbeitet mit den Entwürfen, die ZWK Desktop im Datenordner speichert "
        "(ZWK_DATA_DIR überschreibt ihn). Exit-Code 0: erledigt, 1: konnte nicht geschrieben "
        "werden, 2: Eingabe nicht lesbar oder unbekannt.",
    )
    actions = drafts.add_subparsers(title="Aktionen", metavar="AKTION", parser_class=type(drafts))
    drafts.set_defaults(run=lambda _args: _usage(drafts))

    p = _parser(actions, "list", help="die Entwürfe auflisten")
    p.add_argument("--papierkorb", action="store_true", help="die Entwürfe im Papierkorb zeigen")
    p.add_argument("--json", action="store_true", help="die Liste als JSON ausgeben")
    p.set_defaults(run=run_list)

    p = _parser(actions, "export", help="einen Entwurf als .zwk-Datei speichern")
    p.add_argument("draft_id", type=_draft_id, metavar="NR", help="Nummer des Entwurfs")
    p.add_argument("file", type=Path, metavar="DATEI", help="Zieldatei (.zwk)")
    p.add_argument("--force", action="store_true", help="eine vorhandene Datei ersetzen")
    p.set_defaults(run=run_export)

    p = _parser(
        actions,
        "import",
        help="eine .zwk-Datei übernehmen (in den bekannten Entwurf zusammenführen)",
        description="Übernimmt eine .zwk-Datei. Gehört sie zu einem gespeicherten Entwurf "
        "(derselbe Entwurf, etwa von der Beratung zurück), wird sie Feld für Feld in ihn "
        "zusammengeführt; sonst wird sie ein neuer Entwurf. Exit-Code 0: erledigt, 1: "
        "Konflikte warten im Programm auf Ihre Entscheidung (oder nicht schreibbar), 2: nicht "
        "lesbar.",
    )
    p.add_argument("file", type=Path, metavar="DATEI", help="der Entwurf (.zwk)")
    p.add_argument(
        "--als-neuer-entwurf",
        dest="as_new",
        action="store_true",
        help="als Kopie übernehmen (ein neuer Entwurf, nichts wird zusammengeführt)",
    )
    p.set_defaults(run=run_import)


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help()
    return EXIT_UNREADABLE


def _store() -> DraftStore:
    store = open_store()
    try:
        store.connect()
    except StoreError as exc:
        raise CommandError(str(exc), _code(exc)) from None
    for notice in store.notices:
        complain(notice)
    return store


def _code(exc: StoreError) -> int:
    return EXIT_NOT_WRITTEN if isinstance(exc, StoreUnavailable) else EXIT_UNREADABLE


def _row(s: DraftSummary) -> dict[str, object]:
    return {
        "id": s.id,
        "name": s.label,
        "kommune": s.title,
        "created": s.created.isoformat(),
        "modified": s.modified.isoformat(),
        "completeness": s.completeness,
        "errors": s.errors,
        "warnings": s.warnings,
        "deleted": s.deleted.isoformat() if s.deleted else None,
    }


def _figure(value: int | None, suffix: str = "") -> str:
    return "–" if value is None else f"{value}{suffix}"


def run_list(args: argparse.Namespace) -> int:
    store = _store()
    try:
        drafts = store.list_drafts(trash=args.papierkorb)
    except StoreError as exc:
        raise CommandError(str(exc), _code(exc)) from None
    if args.json:
        say_json([_row(s) for s in drafts])
        return EXIT_OK
    if not drafts:
        where = "im Papierkorb" if args.papierkorb else "gespeichert"
        say(f"Keine Entwürfe {where} ({store.path}).")
        return EXIT_OK
    header = ("Nr.", "Entwurf", "Kommune", "Geändert", "Vollständig", "Fehler", "Hinweise")
    rows = [
        (
            str(s.id),
            s.label,
            s.title,
            s.modified.astimezone().strftime("%d.%m.%Y %H:%M"),
            _figure(s.completeness, " %"),
            _figure(s.errors),
            _figure(s.warnings),
        )
        for s in drafts
    ]
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        say("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())
    return EXIT_OK


def run_export(args: argparse.Namespace) -> int:
    target: Path = args.file
    if target.exists() and not args.force:
        raise CommandError(
            f"{target} gibt es schon; wählen Sie einen anderen Namen oder ersetzen Sie die Datei "
            "mit --force."
        )
    from zwk_desktop.services.portable import FileWriteError, export_draft

    store = _store()
    try:
        draft = export_draft(store, args.draft_id, target, by=user_name())
    except StoreError as exc:
        raise CommandError(str(exc), _code(exc)) from None
    except FileWriteError as exc:
        raise CommandError(str(exc), EXIT_NOT_WRITTEN) from None
    say(f"Entwurf Nr. {args.draft_id} („{draft.title}“) gespeichert als {target}.")
    return EXIT_OK


def run_import(args: argparse.Namespace) -> int:
    # the draft model and the form only for the commands that read or write a draft's data
    from zwk_desktop.domain.draft import DraftError
    from zwk_desktop.services.portable import import_file

    store = _store()
    try:
        if not args.as_new:
            _not_open_elsewhere(store, args.file)
        result = import_file(store, args.file, as_new=args.as_new)
    except DraftError as exc:
        raise CommandError(f"{args.file}: {exc} Es wurde nichts übernommen.") from None
    except StoreError as exc:
        raise CommandError(str(exc), _code(exc)) from None
    say(result.message)
    return EXIT_INVALID if result.conflicts else EXIT_OK


def _not_open_elsewhere(store: DraftStore, path: Path) -> None:
    """A file of a draft that is open in a running window is merged there, not here: the
    window's next save would otherwise write over the merge."""
    from zwk_desktop.services.recovery import in_use_message, merge_target_in_use

    in_use = merge_target_in_use(store, path)
    if in_use is not None:
        raise CommandError(in_use_message(in_use, path), EXIT_NOT_WRITTEN)
