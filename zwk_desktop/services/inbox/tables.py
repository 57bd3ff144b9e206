"""The overview as columns: one definition for the CSV, the workbook, the window and the text.

CSV for German Excel: UTF-8 with BOM, ``;`` between fields, amounts as German text
("40.000,00") and again as plain numbers ("40000.00") in their own columns, a summary after an
empty line. Nothing from a package becomes a formula: a text that begins with ``=``, ``+``,
``-``, ``@`` (or a tab or carriage return) gets a leading apostrophe, unless it is a plain number.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from zwk_desktop.domain import formatting
from zwk_desktop.services.inbox.model import TOTAL, Application, Overview, Totals

TEXT, MONEY, INT, DATETIME = "text", "money", "int", "datetime"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?\d[\d.]*(,\d+)?|[+-]?\d+(\.\d+)?")


@dataclass(frozen=True)
class Column:
    header: str
    kind: str
    value: Callable[[Application], Any]
    width: int = 14
    """Width in the workbook (characters)."""


def neutral(text: str) -> str:
    """`text` safe for a spreadsheet cell: never read as a formula."""
    if text.startswith(_FORMULA_START) and not _PLAIN_NUMBER.fullmatch(text):
        return "'" + text
    return text


def _amount(key: str) -> Callable[[Application], Decimal | None]:
    return lambda a: (a.beantragt or {}).get(key)


def _lines(items: Sequence[str]) -> str:
    return "\n".join(items)


def columns(years: Sequence[str]) -> list[Column]:
    """The columns of the applications table, in order."""
    out = [
        Column("Eingegangen", DATETIME, lambda a: a.received, 17),
        Column("Stand", TEXT, lambda a: a.stand, 9),
        Column("Signatur", TEXT, lambda a: a.status, 22),
        Column("Gültig", TEXT, lambda a: "ja" if a.valid else "nein", 7),
        Column("Kommune", TEXT, lambda a: a.kommune, 32),
        Column("AGS", TEXT, lambda a: a.ags, 10),
        Column("Land", TEXT, lambda a: a.land_name or a.land, 16),
        Column("Landkreis", TEXT, lambda a: a.landkreis, 22),
        Column("Art", TEXT, lambda a: a.art_name or a.art, 18),
        Column("Einwohner", INT, lambda a: a.einwohner, 11),
    ]
    out += [Column(f"Beantragt {y}", MONEY, _amount(y), 14) for y in years]
    out += [
        Column("Beantragt gesamt", MONEY, _amount(TOTAL), 15),
        Column("Eigenmittel", MONEY, lambda a: (a.eigenmittel or {}).get(TOTAL), 13),
        Column("Unterschrift laut Formular", TEXT, _signatory, 28),
        Column("Signiert von (Zertifikat)", TEXT, lambda a: a.signer, 24),
        Column("Zertifikat", TEXT, lambda a: a.trust_note, 26),
        Column("Zertifikat SHA-256", TEXT, lambda a: a.fingerprint, 20),
        Column("Fehler", TEXT, lambda a: _lines(a.errors), 50),
        Column("Hinweise", TEXT, lambda a: _lines(a.warnings), 50),
        Column(
            "Bestätigte Hinweise mit Begründung",
            TEXT,
            lambda a: _lines([f"{x.code} ({x.path}): {x.begruendung}" for x in a.acknowledged]),
            50,
        ),
        Column("Paket", TEXT, lambda a: _lines([a.path, *a.also]), 50),
    ]
    return out


def _signatory(a: Application) -> str:
    return ", ".join(p for p in (a.signatory, a.signatory_funktion) if p)


# --------------------------------------------------------------------------- text values


def money_text(value: Decimal | None) -> str:
    return "" if value is None else formatting.number(value, 2)


def money_raw(value: Decimal | None) -> str:
    return "" if value is None else f"{value:.2f}"


def when_text(value: dt.datetime | None) -> str:
    return "" if value is None else value.astimezone().strftime("%d.%m.%Y %H:%M")


def cell_text(column: Column, row: Application) -> str:
    """The German text of a cell (window, CSV), neutralised."""
    value = column.value(row)
    if column.kind == MONEY:
        return money_text(value)
    if column.kind == DATETIME:
        return when_text(value)
    if column.kind == INT:
        return "" if value is None else str(value)
    return neutral(str(value or ""))


# --------------------------------------------------------------------------- CSV


def _summary_rows(overview: Overview, header: list[str]) -> list[list[str]]:
    years = overview.years
    position = {name: i for i, name in enumerate(header)}

    def row(label: str, totals: Totals) -> list[str]:
        cells = [""] * len(header)
        cells[position["Stand"]] = "Summe"
        cells[position["Kommune"]] = neutral(label)
        for key in [*years, TOTAL]:
            name = f"Beantragt {key}"
            cells[position[name]] = money_text(totals.beantragt[key])
            cells[position[f"{name} (Zahl)"]] = money_raw(totals.beantragt[key])
        return cells

    s = overview.summary
    out = [
        row(
            f"{s.total.count} gültige, aktuelle von {s.applications} Bewerbungen "
            f"({s.invalid} ungültig, {s.replaced} ersetzt)",
            s.total,
        )
    ]
    for code, totals in s.by_land.items():
        out.append(row(f"{overview.land_names.get(code, code)}: {totals.count}", totals))
    for code, totals in s.by_art.items():
        out.append(row(f"{overview.art_names.get(code, code)}: {totals.count}", totals))
    return out


def csv_bytes(overview: Overview) -> bytes:
    """The overview as CSV for German Excel (UTF-8 with BOM, semicolons)."""
    cols = columns(overview.years)
    money = [c for c in cols if c.kind == MONEY]
    header = [c.header for c in cols] + [f"{c.header} (Zahl)" for c in money]
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(header)
    for app in overview.applications:
        writer.writerow(
            [cell_text(c, app) for c in cols] + [money_raw(c.value(app)) for c in money]
        )
    writer.writerow([])
    writer.writerows(_summary_rows(overview, header))
    return b"\xef\xbb\xbf" + buffer.getvalue().encode("utf-8")


# --------------------------------------------------------------------------- JSON


def _amounts(values: dict[str, Decimal] | None) -> dict[str, str] | None:
    return None if values is None else {k: money_raw(v) for k, v in values.items()}


def _totals_json(totals: Totals) -> dict[str, Any]:
    return {"count": totals.count, "beantragt": _amounts(totals.beantragt)}


def overview_json(overview: Overview) -> dict[str, Any]:
    """The ``--json`` document (amounts as strings with two decimals)."""
    apps = []
    for a in overview.applications:
        apps.append(
            {
                "path": a.path,
                "also": list(a.also),
                "kind": a.kind,
                "received": a.received.isoformat(timespec="seconds") if a.received else None,
                "received_from": a.received_from,
                "ags": a.ags,
                "kommune": a.kommune,
                "land": a.land,
                "landkreis": a.landkreis,
                "art": a.art,
                "einwohner": a.einwohner,
                "valid": a.valid,
                "status": a.status,
                "reason": a.reason,
                "aktuell": a.aktuell,
                "beantragt": _amounts(a.beantragt),
                "eigenmittel": _amounts(a.eigenmittel),
                "signatory": a.signatory,
                "signatory_funktion": a.signatory_funktion,
                "signer": a.signer,
                "certificate_sha256": a.fingerprint,
                "zertifikat": a.trust,
                "zertifikat_hinweis": a.trust_note,
                "vertrauensanker": a.anchor_note or None,
                "signed": a.signed,
                "rule_set": a.rule_set,
                "errors": list(a.errors),
                "warnings": list(a.warnings),
                "acknowledged": [
                    {"code": x.code, "path": x.path, "begruendung": x.begruendung}
                    for x in a.acknowledged
                ],
            }
        )
    s = overview.summary
    return {
        "folder": overview.folder,
        "applications": apps,
        "summary": {
            "applications": s.applications,
            "valid": s.valid,
            "invalid": s.invalid,
            "ersetzt": s.replaced,
            "count": s.total.count,
            "beantragt": _amounts(s.total.beantragt),
            "by_land": {k: _totals_json(v) for k, v in s.by_land.items()},
            "by_art": {k: _totals_json(v) for k, v in s.by_art.items()},
        },
        "certificates": [
            {
                "ags": c.ags,
                "kommune": c.kommune,
                "signer": c.signer,
                "sha256": c.fingerprint,
                "first_seen": c.first_seen,
                "first": c.first,
                "confirmed": c.confirmed,
                "anchored": c.anchored,
            }
            for c in overview.certificates
        ],
    }
