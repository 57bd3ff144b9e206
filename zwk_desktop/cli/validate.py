"""``zwk-desktop validate | schema | new``."""

from __future__ import annotations

import argparse
from pathlib import Path

from zwk_desktop import oserrors
from zwk_desktop.cli.common import (
    EXIT_INVALID,
    EXIT_OK,
    CommandError,
    load_draft,
    say,
    say_json,
    user_name,
)
from zwk_desktop.domain.draft import new_draft
from zwk_desktop.formspec import DEFAULT_FORM_ID, FormSpec, FormSpecError, get_form
from zwk_desktop.validation import Report, validate_draft
from zwk_desktop.validation.findings import SEVERITY_LABELS


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = commands.add_parser(
        "validate",
        help="einen Entwurf prüfen",
        description="Prüft einen Entwurf (.zwk) gegen alle Regeln des Formulars. Exit-Code 0: "
        "keine Fehler, 1: Fehler gefunden, 2: Datei nicht lesbar.",
    )
    p.add_argument("file", type=Path, metavar="DATEI", help="der Entwurf (.zwk oder .json)")
    p.add_argument("--json", action="store_true", help="das Ergebnis als JSON ausgeben")
    p.set_defaults(run=run_validate)

    p = commands.add_parser(
        "schema",
        help="das JSON-Schema des Entwurfsformats ausgeben",
        description="Gibt das JSON-Schema der Entwurfsdateien aus, erzeugt aus der "
        "Formulardefinition.",
    )
    p.add_argument(
        "--form", default=DEFAULT_FORM_ID, help="Formular-Kennung (Standard: %(default)s)"
    )
    p.set_defaults(run=run_schema)

    p = commands.add_parser(
        "new",
        help="einen leeren Entwurf anlegen",
        description="Schreibt einen leeren Entwurf, der mit dem Programm oder einem Editor gefüllt "
        "werden kann. Eine vorhandene Datei wird nicht überschrieben.",
    )
    p.add_argument("--out", type=Path, required=True, metavar="DATEI", help="Zieldatei (.zwk)")
    p.add_argument(
        "--form", default=DEFAULT_FORM_ID, help="Formular-Kennung (Standard: %(default)s)"
    )
    p.set_defaults(run=run_new)


def _form(form_id: str) -> FormSpec:
    try:
        return get_form(form_id)
    except KeyError:
        raise CommandError(f"Das Formular „{form_id}“ ist nicht installiert.") from None
    except FormSpecError as exc:
        raise CommandError(str(exc)) from None


def _count(n: int, one: str, many: str) -> str:
    """„1 Hinweis“, „2 Hinweise“: the form chosen by the language's plural rules (babel)."""
    from zwk_desktop.domain.formatting import plural

    return f"{n} {plural(n, f'{one}|{many}')}"


def summary(report: Report) -> str:
    infos = len(report.findings) - len(report.errors) - len(report.warnings)
    parts = [
        _count(len(report.errors), "Fehler", "Fehler"),
        _count(len(report.warnings), "Hinweis", "Hinweise"),
        _count(infos, "Information", "Informationen"),
    ]
    return ", ".join(parts)


def print_report(spec: FormSpec, report: Report, file: Path) -> None:
    say(f"Prüfung von {file} (Formular {spec.id}, Version {spec.version})")
    groups = report.by_section()
    for section_id, findings in groups.items():
        section = spec.section_index.get(section_id)
        title = section.title if section else f"Unbekannter Abschnitt „{section_id}“"
        say("")
        say(f"{title} – {summary(Report(tuple(findings)))}")
        for f in findings:
            say(f"  {SEVERITY_LABELS[f.severity]:<11} {f.path}")
            say(f"              {f.message}")
    say("")
    if not report.findings:
        say("Ergebnis: keine Fehler, keine Hinweise. Die Bewerbung ist vollständig.")
    elif report.valid:
        say(
            f"Ergebnis: {summary(report)}. Die Bewerbung enthält keine Fehler; bitte prüfen Sie "
            "die Hinweise vor dem Einreichen."
        )
    else:
        say(f"Ergebnis: {summary(report)}. Die Bewerbung kann so nicht eingereicht werden.")


def run_validate(args: argparse.Namespace) -> int:
    draft, spec = load_draft(args.file)
    report = validate_draft(spec, draft)
    if args.json:
        say_json(report.to_json())
    else:
        print_report(spec, report, args.file)
    return EXIT_OK if report.valid else EXIT_INVALID


def run_schema(args: argparse.Namespace) -> int:
    from zwk_desktop.domain.datamodel import json_schema  # its models only for this command

    say_json(json_schema(_form(args.form)))
    return EXIT_OK


def run_new(args: argparse.Namespace) -> int:
    spec = _form(args.form)
    out: Path = args.out
    if out.exists():
        raise CommandError(f"{out} gibt es schon; bitte wählen Sie einen anderen Dateinamen.")
    from zwk_desktop.services.portable import stamp_lineage  # only for this command

    draft = new_draft(spec)
    stamp_lineage(draft, None, user_name())  # a version of its own: copies of it merge later
    try:
        with out.open("xb") as fh:
            fh.write(draft.to_bytes())
    except OSError as exc:
        raise CommandError(oserrors.sentence(out, exc, writing=True)) from None
    say(f"Leerer Entwurf geschrieben: {out}")
    return EXIT_OK
