"""The overview as an Excel workbook (openpyxl): applications, summary, certificates.

Sheet "Bewerbungen": one row per application, header frozen, filters on, amounts as numbers with
a euro format, the date of receipt as a date. Sheet "Zusammenfassung": all valid, current
applications and the same by Land and by Art. Sheet "Zertifikate": every certificate seen per
AGS, to confirm by phone. Every text cell is a string (neutralised as in the CSV): nothing from
a package becomes a formula. openpyxl is imported here only, when a workbook is written.
"""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal
from typing import Any

from zwk_desktop.services.inbox.model import TOTAL, Overview, Totals
from zwk_desktop.services.inbox.tables import DATETIME, INT, MONEY, columns, neutral

EURO = '#,##0.00 "€"'
WHEN = "DD.MM.YYYY HH:MM"
COUNT = "#,##0"


def _cell_value(kind: str, value: Any) -> Any:
    if value is None:
        return None
    if kind == MONEY:
        return Decimal(value).quantize(Decimal("0.01"))
    if kind == DATETIME:
        # Excel has no time zones: the local time of receipt, as the CSV shows it.
        local: dt.datetime = value.astimezone()
        return local.replace(tzinfo=None)
    if kind == INT:
        return int(value)
    return neutral(str(value))


def workbook_bytes(overview: Overview) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Bewerbungen"
    cols = columns(overview.years)
    bold = Font(bold=True)
    sheet.append([c.header for c in cols])
    for cell in sheet[1]:
        cell.font = bold
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for app in overview.applications:
        sheet.append([_cell_value(c.kind, c.value(app)) for c in cols])
    for index, column in enumerate(cols, start=1):
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = column.width
        style = {MONEY: EURO, DATETIME: WHEN, INT: COUNT}.get(column.kind)
        for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
            if style:
                cell.number_format = style
            else:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A2"
    last = get_column_letter(len(cols))
    sheet.auto_filter.ref = f"A1:{last}{max(1, sheet.max_row)}"

    _summary_sheet(book.create_sheet("Zusammenfassung"), overview, bold)
    _certificate_sheet(book.create_sheet("Zertifikate"), overview, bold)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _summary_sheet(sheet: Any, overview: Overview, bold: Any) -> None:
    keys = [*overview.years, TOTAL]
    sheet.append(["Gruppe", "Bezeichnung", "Bewerbungen", *[f"Beantragt {k}" for k in keys]])
    for cell in sheet[1]:
        cell.font = bold

    def add(group: str, label: str, totals: Totals) -> None:
        sheet.append([group, neutral(label), totals.count, *[totals.beantragt[k] for k in keys]])

    s = overview.summary
    add("Gesamt", "alle gültigen, aktuellen Bewerbungen", s.total)
    for code, totals in s.by_land.items():
        add("Land", overview.land_names.get(code, code), totals)
    for code, totals in s.by_art.items():
        add("Art", overview.art_names.get(code, code), totals)
    sheet.append([])
    sheet.append(["Bewerbungen im Ordner", "", s.applications])
    sheet.append(["davon ungültig", "", s.invalid])
    sheet.append(["davon ersetzt (neuere Bewerbung derselben AGS)", "", s.replaced])
    for row in sheet.iter_rows(min_row=2, min_col=4):
        for cell in row:
            cell.number_format = EURO
    sheet.freeze_panes = "A2"
    for letter, width in zip("ABCDEFGH", (44, 34, 13, 15, 15, 15, 15, 17), strict=False):
        sheet.column_dimensions[letter].width = width


def _certificate_sheet(sheet: Any, overview: Overview, bold: Any) -> None:
    sheet.append(
        [
            "AGS",
            "Kommune",
            "Signiert von",
            "Zertifikat SHA-256",
            "Zuerst gesehen",
            "Erstes",
            "Bestätigt",
            "Vertrauensanker",
        ]
    )
    for cell in sheet[1]:
        cell.font = bold
    for c in overview.certificates:
        sheet.append(
            [
                neutral(c.ags),
                neutral(c.kommune),
                neutral(c.signer),
                c.fingerprint,
                c.first_seen,
                "ja" if c.first else "nein",
                "ja" if c.confirmed else "nein",
                "ja" if c.anchored else "nein",
            ]
        )
    sheet.freeze_panes = "A2"
    for letter, width in zip("ABCDEFGH", (10, 32, 26, 66, 20, 8, 10, 16), strict=True):
        sheet.column_dimensions[letter].width = width
