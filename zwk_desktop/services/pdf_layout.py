"""The body of the PDF, laid out from the form definition: one block per section.

Short fields become label/value tables, long texts full-width paragraphs (they split across
pages), repeating groups tables or numbered blocks, the budget a table with totals per year and
the cap (through `compute_budget`), the attachments a table with their package names and
SHA-256. Values are formatted in German through `zwk_desktop.domain.formatting`; a value that
cannot be read is printed as it is, never raising. Imported at export time only.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from zwk_desktop.domain import formatting
from zwk_desktop.domain.budget import compute_budget
from zwk_desktop.domain.conditions import holds
from zwk_desktop.domain.paths import get_value
from zwk_desktop.domain.values import is_empty
from zwk_desktop.formspec.models import FormField, FormSpec, Section
from zwk_desktop.services.pdf_breaks import data_lines, prose_lines
from zwk_desktop.services.pdf_fonts import BOLD, REGULAR, TextConverter

SectionExtra = Callable[[FormSpec, Mapping[str, Any]], Sequence[Flowable]]
"""Extra flowables (e.g. a chart): keyed by a section id, they end that section; keyed by the
path of a field outside lists (``ausgangslage.bevoelkerung``), they follow that field."""

WIDTH = 170 * mm - 12
"""Text width on A4 with 20 mm margins, less the frame's 6 pt padding on each side."""
LINE = colors.HexColor("#9aa5b1")
SHADE = colors.HexColor("#eef1f4")
ACCENT = colors.HexColor("#1f3a5f")
COLUMN_WEIGHTS = {"long": 3.0, "text": 2.0, "multi": 2.0, "money": 1.7, "month": 1.6, "date": 1.4}
"""Relative column widths of a repeating group's table, by field type (others 1.2)."""
CELL_LINES = 40
"""Lines of 8.5 pt text that a table cell may hold: a row must fit on one page."""
CUT_NOTE = " […] (gekürzt; vollständig in bewerbung.json)"


def capacity(width: float) -> int:
    """How many characters surely fit in a table cell of this width (points)."""
    return int((width - 6) / (8.5 * 0.6)) * CELL_LINES


SHORT_TYPES = frozenset(
    {"text", "int", "dec", "money", "date", "month", "bool", "choice", "multi", "email", "phone"}
)
DATA_TYPES = frozenset({"int", "dec", "money", "date", "month", "email", "phone"})
"""Field types whose values are data: printed exactly, never hyphenated (`pdf_breaks`)."""
PAD = 6
"""A table cell's left and right padding together (TABLE_BASE)."""


def is_data(field: FormField) -> bool:
    """Whether the form says a field holds data rather than prose: by its type, or a text with a
    pattern (AGS, PLZ, SHA-256). A new field of such a type gets this without code changes."""
    return field.type in DATA_TYPES or (field.type == "text" and bool(field.pattern))


def _style(name: str, size: float, font: str = REGULAR, **kw: Any) -> ParagraphStyle:
    """A prose style: German hyphenation at syllables (pyphen), with a hyphen; a word that does
    not fit beside others is tried on a line of its own before it is split (embedded 2)."""
    return ParagraphStyle(
        name,
        fontName=font,
        fontSize=size,
        leading=kw.pop("leading", size * 1.3),
        hyphenationLang="de_DE",
        embeddedHyphenation=2,
        **kw,
    )


def data_style(style: ParagraphStyle) -> ParagraphStyle:
    """The style for data values: no hyphenation at all (the lines come from `data_lines`)."""
    return style.clone(f"{style.name}-data", hyphenationLang="", embeddedHyphenation=0)


class Styles:
    """The paragraph styles of the document."""

    def __init__(self) -> None:
        self.body = _style("body", 9.5, spaceAfter=3)
        self.label = _style("label", 8.5, BOLD, textColor=colors.HexColor("#333333"))
        self.value = _style("value", 9.5)
        self.small = _style("small", 7.5, textColor=colors.HexColor("#444444"))
        self.cell = _style("cell", 8.5)
        self.cell_head = _style("cell_head", 8, BOLD)
        self.cell_head_num = _style("cell_head_num", 8, BOLD, alignment=TA_RIGHT)
        self.cell_num = _style("cell_num", 8.5, alignment=TA_RIGHT)
        self.cell_num_bold = _style("cell_num_bold", 8.5, BOLD, alignment=TA_RIGHT)
        self.h1 = _style(
            "h1", 13, BOLD, textColor=ACCENT, spaceBefore=10, spaceAfter=6, keepWithNext=1
        )
        self.h2 = _style("h2", 10.5, BOLD, spaceBefore=7, spaceAfter=3, keepWithNext=1)
        self.h3 = _style("h3", 9, BOLD, spaceBefore=4, spaceAfter=2, keepWithNext=1)


TABLE_BASE: list[Any] = [
    ("FONTNAME", (0, 0), (-1, -1), REGULAR),
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ("LINEBELOW", (0, 0), (-1, -1), 0.4, LINE),
    ("TOPPADDING", (0, 0), (-1, -1), 2.5),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ("LEFTPADDING", (0, 0), (-1, -1), 3),
    ("RIGHTPADDING", (0, 0), (-1, -1), 3),
]


class Layout:
    """Builds the flowables of every section; keeps the text converter for the glyph report."""

    def __init__(
        self,
        spec: FormSpec,
        data: Mapping[str, Any],
        text: TextConverter,
        attachment_paths: Sequence[str],
        extras: Mapping[str, SectionExtra],
        styles: Styles | None = None,
    ) -> None:
        self.spec = spec
        self.data = data
        self.text = text
        self.attachment_paths = attachment_paths
        self.extras = extras
        self.s = styles or Styles()

    # ------------------------------------------------------------------ small helpers

    def p(
        self,
        text: str,
        style: ParagraphStyle | None = None,
        width: float = WIDTH,
        data: bool = False,
    ) -> Paragraph:
        """A paragraph `width` points wide: prose hyphenated at German syllables, or a data
        value broken only at safe points (`pdf_breaks`)."""
        style = style or self.s.value

        def measure(value: str) -> float:
            return float(stringWidth(value, style.fontName, style.fontSize))

        if data:
            lines = "\n".join(data_lines(text, width, measure))
            return Paragraph(self.text.markup(lines), data_style(style))
        return Paragraph(self.text.markup(prose_lines(text, width, measure)), style)

    def texts(self, text: str, style: ParagraphStyle | None = None) -> list[Flowable]:
        """A long text as paragraphs (blank lines separate them); each may split across pages."""
        blocks = [b.strip("\n") for b in text.replace("\r\n", "\n").split("\n\n")]
        return [self.p(b, style or self.s.body) for b in blocks if b.strip()]

    def visible(self, field: FormField) -> bool:
        return field.when is None or holds(field.when, lambda path: get_value(self.data, path))

    def value_text(
        self, field: FormField, raw: Any, siblings: Mapping[str, Any] | None = None
    ) -> str:
        """A filled value in German display form; unreadable values print as they are.
        `siblings`: the values beside it (a choice's label may agree with one, e.g. Anrede)."""
        try:
            return self._format(field, raw, siblings or {})
        except (ValueError, TypeError, ArithmeticError, KeyError, IndexError):
            return str(raw)

    def _format(self, field: FormField, raw: Any, siblings: Mapping[str, Any]) -> str:
        t = field.type
        if t == "bool":
            # one form for yes/no in the whole PDF, as the choices write it ("Ja", "Nein")
            return "Ja" if raw is True else "Nein" if raw is False else str(raw)
        if t == "choice":
            by = siblings.get(field.label_by) if field.label_by else None
            return field.choice_label(str(raw), by if isinstance(by, str) else None)
        if t == "multi":
            values = raw if isinstance(raw, list) else [raw]
            return ", ".join(field.choice_labels.get(str(v), str(v)) for v in values)
        if t == "money":
            return formatting.money(Decimal(str(raw)))
        if t == "date":
            return formatting.date(str(raw))
        if t == "month":
            return formatting.month(str(raw))
        if t == "int":
            # Years (the ids "jahr" of fields.md) print without a thousands separator.
            is_year = field.id == "jahr" or field.id.endswith("_jahr")
            return str(raw) if is_year and isinstance(raw, int) else formatting.number(raw)
        if t == "dec":
            return formatting.number(Decimal(str(raw)), field.decimals)
        return str(raw)

    def cell(
        self, text: str, width: float, style: ParagraphStyle | None = None, data: bool = False
    ) -> Paragraph:
        """A table cell of a column `width` wide: a table row cannot split across pages, so text
        beyond what fits on one page in this column is cut with a visible note (only drafts can
        hold that much)."""
        limit = capacity(width)
        if len(text) > limit:
            text, data = text[: max(limit - len(CUT_NOTE), 1)] + CUT_NOTE, False
        return self.p(text, style, width - PAD, data)

    def kv_table(self, rows: Sequence[tuple[str, str] | tuple[str, str, bool]]) -> Table:
        """Label and value; a third item True marks the value as data."""
        label_width, value_width = 0.36 * WIDTH, 0.64 * WIDTH
        cells = [
            [
                self.p(row[0], self.s.label, label_width - PAD),
                self.cell(row[1], value_width, data=len(row) > 2 and bool(row[2])),
            ]
            for row in rows
        ]
        table = Table(cells, colWidths=[label_width, value_width], hAlign="LEFT")
        table.setStyle(TableStyle(TABLE_BASE))
        return table

    def grid(
        self, head: list[str], rows: list[list[Any]], widths: list[float], right: int = 0
    ) -> Table:
        """A table with a repeated header row; the last `right` columns are numbers."""
        header = [
            self.p(
                h,
                self.s.cell_head_num if i >= len(head) - right else self.s.cell_head,
                widths[i] - PAD,
            )
            for i, h in enumerate(head)
        ]
        table = Table([header, *rows], colWidths=widths, repeatRows=1, hAlign="LEFT")
        style = [*TABLE_BASE, ("BACKGROUND", (0, 0), (-1, 0), SHADE)]
        table.setStyle(TableStyle(style))
        return table

    # ------------------------------------------------------------------ generic fields

    def fields(
        self, fields: Sequence[FormField], values: Mapping[str, Any], base: str = ""
    ) -> list[Flowable]:
        """The fields of a section or group (`base`: its path, for the extras after a field;
        empty inside list items)."""
        out: list[Flowable] = []
        pending: list[tuple[str, str, bool]] = []

        def flush() -> None:
            if pending:
                out.append(self.kv_table(list(pending)))
                pending.clear()

        for field in fields:
            if not self.visible(field):
                continue
            raw = values.get(field.id) if isinstance(values, Mapping) else None
            if field.type in SHORT_TYPES:
                if not is_empty(raw) or isinstance(raw, bool):
                    text = self.value_text(field, raw, values)
                    pending.append((field.label, text, is_data(field)))
                elif field.required:
                    pending.append((field.label, "– (nicht ausgefüllt)", False))
            else:
                flush()
                if not is_empty(raw) or isinstance(raw, bool):
                    out.extend(self.block(field, raw, f"{base}.{field.id}" if base else ""))
            extra = self.extras.get(f"{base}.{field.id}") if base else None
            if extra is not None:
                flush()
                out.extend(extra(self.spec, self.data))
        flush()
        return out

    def block(self, field: FormField, raw: Any, path: str) -> list[Flowable]:
        """A filled field that is not a short value: long text, group, list or year map."""
        if field.type == "long":
            return [self.p(field.label, self.s.h3), *self.texts(str(raw))]
        if field.type == "group":
            return [
                self.p(field.label, self.s.h2),
                *self.group(field, raw, path),
                Spacer(1, 3 * mm),
            ]
        if field.type == "list":
            return [self.p(field.label, self.s.h2), *self.list_block(field, raw)]
        if field.type == "year_map":
            return [self.year_map(field, raw)]
        return []

    def group(self, field: FormField, raw: Any, path: str = "") -> list[Flowable]:
        values = raw if isinstance(raw, Mapping) else {}
        if all(f.type == "bool" for f in field.fields):
            return [self.checklist(field.fields, values)]
        return self.fields(field.fields, values, path)

    def checklist(self, fields: Sequence[FormField], values: Mapping[str, Any]) -> Table:
        rows = []
        for f in fields:
            mark = "☒" if values.get(f.id) is True else "☐"
            rows.append([self.p(mark), self.p(f.label, width=WIDTH - 8 * mm - PAD)])
        table = Table(rows, colWidths=[8 * mm, WIDTH - 8 * mm], hAlign="LEFT")
        table.setStyle(TableStyle(TABLE_BASE))
        return table

    def list_block(self, field: FormField, raw: Any) -> list[Flowable]:
        items = [i if isinstance(i, Mapping) else {} for i in raw] if isinstance(raw, list) else []
        children = [c for c in field.fields if self.visible(c)]
        weights = [COLUMN_WEIGHTS.get(c.type, 1.2) for c in children]
        widths = [w * (WIDTH - 8 * mm) / sum(weights) for w in weights]

        def shown(c: FormField, item: Mapping[str, Any]) -> str:
            value = item.get(c.id)
            filled = not is_empty(value) or isinstance(value, bool)
            return self.value_text(c, value, item) if filled else "–"

        texts = [[shown(c, item) for c in children] for item in items]
        tabular = (
            all(c.type in SHORT_TYPES or c.type == "long" for c in children)
            and sum(1 for c in children if c.type == "long") <= 1
            and all(
                len(t) <= capacity(w) for row in texts for t, w in zip(row, widths, strict=True)
            )
        )
        if tabular:
            numeric = ("money", "int", "dec")
            rows: list[list[Any]] = [
                [
                    self.p(str(n), self.s.cell, 8 * mm - PAD, data=True),
                    *[
                        self.p(
                            t,
                            self.s.cell_num if c.type in numeric else self.s.cell,
                            w - PAD,
                            data=is_data(c) and t != "–",
                        )
                        for t, c, w in zip(row, children, widths, strict=True)
                    ],
                ]
                for n, row in enumerate(texts, start=1)
            ]
            head = ["Nr.", *[c.label for c in children]]
            kinds = [c.type in numeric for c in children]
            right = kinds[::-1].index(False) if False in kinds else len(kinds)
            # the headings of the number columns at the end stand right, like their numbers
            return [self.grid(head, rows, [8 * mm, *widths], right=right)]
        out: list[Flowable] = []
        for n, item in enumerate(items, start=1):
            out.append(self.p(f"{field.item_label or field.label} {n}", self.s.h3))
            out.extend(self.fields(children, item))
        return out

    def year_map(self, field: FormField, raw: Any) -> Table:
        years = self.spec.policy.year_keys
        values = raw if isinstance(raw, Mapping) else {}
        width = (WIDTH - 50 * mm) / len(years)
        row = [self.p(field.label, self.s.cell, 50 * mm - PAD)]
        for y in years:
            v = values.get(y)
            row.append(
                self.p(
                    self.value_text(field.model_copy(update={"type": field.item_type}), v)
                    if v is not None
                    else "–",
                    self.s.cell_num,
                    width - PAD,
                    data=v is not None,
                )
            )
        return self.grid(["", *years], [row], [50 * mm, *[width] * len(years)], right=len(years))

    # ------------------------------------------------------------------ special sections

    def budget(self) -> list[Flowable]:
        b = compute_budget(self.spec, dict(self.data))
        years = list(b.years)
        money = formatting.money
        num, bold = self.s.cell_num, self.s.cell_num_bold
        cat_field = self.spec.fields_by_path.get(
            f"{self.spec.budget.items}[].{self.spec.budget.category}"
        )
        labels = cat_field.choice_labels if cat_field else {}
        money_w = 23 * mm
        title_width = WIDTH - 8 * mm - money_w * (len(years) + 1)
        rows: list[list[Any]] = []
        for n, item in enumerate(b.items, start=1):
            name: list[Flowable] = [self.cell(item.title, title_width, self.s.cell)]
            if item.category:
                name.append(
                    self.p(
                        labels.get(item.category, item.category), self.s.small, title_width - PAD
                    )
                )
            rows.append(
                [self.p(str(n), self.s.cell, 8 * mm - PAD, data=True), name]
                + [self.p(money(item.amounts[y]), num, money_w - PAD, data=True) for y in years]
                + [self.p(money(item.total), num, money_w - PAD, data=True)]
            )

        def summary(
            label: str, per_year: Mapping[str, Decimal], total: Decimal | None
        ) -> list[Any]:
            return (
                [self.p("", self.s.cell), self.p(label, self.s.cell_head, title_width - PAD)]
                + [self.p(money(per_year[y]), bold, money_w - PAD, data=True) for y in years]
                + [
                    self.p(
                        money(total) if total is not None else "", bold, money_w - PAD, data=True
                    )
                ]
            )

        first = len(rows) + 1
        rows.append(summary("Summe der Ausgaben", b.totals, b.total))
        if any(b.own_funds.values()):
            rows.append(
                summary("abzüglich Eigenmittel", b.own_funds, sum(b.own_funds.values(), Decimal(0)))
            )
        rows.append(summary("Beantragte Förderung", b.requested, b.total_requested))
        assumed = [y for y in years if b.caps[y].assumed]
        cap_row = summary("Höchstbetrag", b.year_caps, b.total_year_caps)
        for y in assumed:  # a cap that rests on an assumption carries a mark to the note
            cap_row[2 + years.index(y)] = self.p(
                f"{money(b.year_caps[y])}*", bold, money_w - PAD, data=True
            )
        rows.append(cap_row)
        rows.append(
            summary("Verbleibender Spielraum", b.headroom, b.total_year_caps - b.total_requested)
        )
        if any(b.central.values()):
            rows.append(
                summary(
                    "davon zentral bewirtschaftet", b.central, sum(b.central.values(), Decimal(0))
                )
            )
        widths = [
            8 * mm,
            title_width,
            *[money_w] * (len(years) + 1),
        ]
        table = self.grid(
            ["Nr.", "Posten / Kategorie", *years, "Summe"], rows, widths, right=len(years) + 1
        )
        table.setStyle(
            TableStyle(
                [
                    ("LINEABOVE", (0, first), (-1, first), 0.9, colors.black),
                    ("BACKGROUND", (0, first), (-1, -1), SHADE),
                ]
            )
        )
        out: list[Flowable] = [self.p("Ausgabenposten und Förderbedarf je Jahr", self.s.h2), table]
        note = f"Höchstbetrag je Kommune und Jahr: {money(b.cap)}."
        first_cap = b.caps[years[0]]
        if first_cap.pro_rata:
            note += (
                f" Für {first_cap.year} gilt anteilig {first_cap.months} von 12 Monaten: "
                f"{money(first_cap.amount)}"
                + (
                    "* (*Annahme: ob das erste Jahr voll oder anteilig gefördert wird, legt "
                    "der Aufruf nicht fest)."
                    if first_cap.assumed
                    else "."
                )
            )
        out.append(self.p(note, self.s.small))
        explained = [i for i in b.items if i.justification.strip()]
        if explained:
            out.append(self.p("Erläuterungen zu den Posten", self.s.h2))
            for n, item in enumerate(b.items, start=1):
                if item.justification.strip():
                    out.append(self.p(f"{n}. {item.title}", self.s.h3))
                    out.extend(self.texts(item.justification))
        return out

    def attachments(self) -> list[Flowable]:
        layout = self.spec.attachments
        items = get_value(self.data, layout.list)
        if not isinstance(items, list) or not items:
            return [self.p("Keine Anlagen.", self.s.body)]
        kind = self.spec.fields_by_path.get(f"{layout.list}[].{layout.kind}")
        labels = kind.choice_labels if kind else {}
        widths = [8 * mm, 30 * mm, WIDTH - 56 * mm, 18 * mm]
        rows: list[list[Any]] = []
        for n, item in enumerate(items, start=1):
            item = item if isinstance(item, Mapping) else {}
            path = self.attachment_paths[n - 1] if n - 1 < len(self.attachment_paths) else ""
            size = item.get(layout.size)
            sha = str(item.get(layout.sha256) or "–")
            # the hash fits on one line of this column, the file name breaks only at safe points
            content = [
                self.cell(str(item.get(layout.title) or ""), widths[2], self.s.cell),
                self.p(f"Datei: {path or item.get(layout.file) or '–'}", self.s.small,
                       widths[2] - PAD, data=True),
                self.p(f"SHA-256: {sha}", self.s.small, widths[2] - PAD, data=True),
            ]  # fmt: skip
            rows.append(
                [
                    self.p(str(n), self.s.cell, widths[0] - PAD, data=True),
                    self.cell(
                        labels.get(str(item.get(layout.kind)), str(item.get(layout.kind) or "–")),
                        widths[1],
                        self.s.cell,
                    ),
                    content,
                    self.p(
                        formatting.size(size) if isinstance(size, int) else "–",
                        self.s.cell_num,
                        widths[3] - PAD,
                        data=True,
                    ),
                ]
            )
        return [
            self.grid(
                ["Nr.", "Art", "Titel, Datei und Prüfsumme (SHA-256)", "Größe"],
                rows,
                widths,
                right=1,
            )
        ]

    # ------------------------------------------------------------------ sections

    def section(self, number: int, section: Section, body: list[Flowable]) -> list[Flowable]:
        out: list[Flowable] = [
            CondPageBreak(40 * mm),
            self.p(f"{number}  {section.title}", self.s.h1),
            *body,
        ]
        extra = self.extras.get(section.id)
        if extra is not None:
            out.extend(extra(self.spec, self.data))
        out.append(Spacer(1, 4 * mm))
        return out

    def section_body(self, section: Section) -> list[Flowable]:
        raw = self.data.get(section.id)
        budget_section = self.spec.budget.items.split(".", 1)[0]
        if section.id == self.spec.attachments.list:
            return self.attachments()
        if section.id == budget_section:
            others = [
                f
                for f in section.fields
                if f"{section.id}.{f.id}"
                not in (
                    self.spec.budget.items,
                    self.spec.budget.own_funds,
                    self.spec.budget.central,
                )
            ]
            values = raw if isinstance(raw, Mapping) else {}
            return self.budget() + self.fields(others, values, section.id)
        if section.type == "list":
            return self.list_block(section.node, raw)
        values = raw if isinstance(raw, Mapping) else {}
        if all(f.type == "bool" for f in section.fields):
            return [self.checklist(section.fields, values)]
        return self.fields(section.fields, values, section.id)
