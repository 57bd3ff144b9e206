"""The application as a PDF (A4, German, fonts embedded), built with reportlab.

`render_pdf` lays out the cover block, every section of the form (through `pdf_layout`) and the
signature block, with a running header naming the Kommune and "Seite x von y" in the footer. It
returns where the signature field goes, so that the signing step can place the visible signature
there. The print version carries an "ENTWURF" watermark on every page and can be made from any
draft, even one with errors. reportlab is imported at export time only (never at start-up).
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from zwk_desktop import __version__
from zwk_desktop.domain import formatting
from zwk_desktop.domain.paths import get_value
from zwk_desktop.formspec.models import FormSpec
from zwk_desktop.services.pdf_embed import EMBEDDED_NAME
from zwk_desktop.services.pdf_fonts import BOLD, REGULAR, TextConverter, register_fonts
from zwk_desktop.services.pdf_layout import (
    ACCENT,
    LINE,
    PAD,
    SHADE,
    TABLE_BASE,
    WIDTH,
    Layout,
    SectionExtra,
    Styles,
)
from zwk_desktop.services.population_pdf import population_flowables

if TYPE_CHECKING:
    from zwk_desktop.services.paper import PaperCode

SIGNATURE_SECTION = "unterschrift"
"""The section with Ort, Datum, Name and Funktion (stable ids of fields.md)."""
SIGNATURE_BOX = (95 * mm, 30 * mm)
MARGIN = 20 * mm


@dataclass(frozen=True)
class SignaturePlace:
    """Where the visible signature goes: page index (0-based) and box in PDF points."""

    page: int
    box: tuple[int, int, int, int]


@dataclass(frozen=True)
class RenderedPdf:
    content: bytes
    title: str
    author: str
    subject: str
    pages: int
    signature_place: SignaturePlace | None
    substituted: tuple[str, ...]
    """Characters no embedded font could show (printed as a marker)."""
    keywords: tuple[str, ...] = ()


@dataclass
class _Recorder:
    place: SignaturePlace | None = None
    pages: int = 0


class _SignatureBox(Flowable):
    """An empty framed box that records its position on the page for the signature field."""

    def __init__(self, recorder: _Recorder, caption: str, enabled: bool) -> None:
        super().__init__()
        self.recorder = recorder
        self.caption = caption
        self.enabled = enabled
        self.width, self.height = SIGNATURE_BOX

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height + 4 * mm

    def draw(self) -> None:
        c = self.canv
        c.setStrokeColor(LINE)
        c.setLineWidth(0.6)
        c.rect(0, 4 * mm, self.width, self.height)
        c.setFont(REGULAR, 7)
        c.setFillColor(colors.HexColor("#555555"))
        c.drawString(0, 1 * mm, self.caption)
        if self.enabled:
            x, y = c.absolutePosition(0, 4 * mm)
            box = (
                round(x) + 1,
                round(y) + 1,
                round(x + self.width) - 1,
                round(y + self.height) - 1,
            )
            self.recorder.place = SignaturePlace(c.getPageNumber() - 1, box)


def _numbered_canvas(decorate: Any) -> type[Canvas]:
    """A canvas that draws header and footer once the page count is known."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._states: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._states.append(dict(self.__dict__))
            self._startPage()  # type: ignore[attr-defined]  # reportlab internal, untyped

        def save(self) -> None:
            total = len(self._states)
            for state in self._states:
                self.__dict__.update(state)
                decorate(self, self._pageNumber, total)  # type: ignore[attr-defined]
                super().showPage()
            super().save()

    return NumberedCanvas


@dataclass
class _Page:
    """Header, footer and watermark of every page."""

    kommune: str
    ags: str
    created: str
    watermark: bool
    recorder: _Recorder
    text: TextConverter
    paper: bool = False

    def __call__(self, c: Canvas, number: int, total: int) -> None:
        self.recorder.pages = total
        width, height = A4
        c.saveState()
        if self.watermark:
            c.setFillColor(colors.Color(0.75, 0.1, 0.1, alpha=0.13))
            c.setFont(BOLD, 110)
            c.translate(width / 2, height / 2)
            c.rotate(52)
            c.drawCentredString(0, -35, "ENTWURF")
            c.rotate(-52)
            c.translate(-width / 2, -height / 2)
        c.setFillColor(colors.HexColor("#333333"))
        c.setFont(REGULAR, 8)
        left = "Bewerbung Zukunftswerkstatt Kommunen"
        if self.watermark:
            left += " – ENTWURF, nicht zur Einreichung"
        elif self.paper:
            left += " – Druckfassung zur Unterschrift"
        c.drawString(MARGIN, height - 12 * mm, left)
        room = width - 2 * MARGIN - c.stringWidth(left, REGULAR, 8) - 8 * mm
        c.setFont(BOLD, 8)
        c.drawRightString(
            width - MARGIN, height - 12 * mm, _fit(self.text.plain(self.kommune), room, BOLD, 8)
        )
        c.setStrokeColor(LINE)
        c.setLineWidth(0.5)
        c.line(MARGIN, height - 13.8 * mm, width - MARGIN, height - 13.8 * mm)
        c.line(MARGIN, 13.5 * mm, width - MARGIN, 13.5 * mm)
        c.setFont(REGULAR, 7.5)
        c.drawString(
            MARGIN,
            9.5 * mm,
            _fit(f"AGS {self.ags} · erstellt am {self.created}", 110 * mm, REGULAR, 7.5),
        )
        c.drawRightString(width - MARGIN, 9.5 * mm, f"Seite {number} von {total}")
        c.restoreState()


def _fit(text: str, room: float, font: str, size: float) -> str:
    """Shorten a one-line text with an ellipsis until it fits."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    if stringWidth(text, font, size) <= room:
        return text
    while text and stringWidth(text + "…", font, size) > room:
        text = text[:-1]
    return text.rstrip() + "…"


@dataclass
class _Document:
    spec: FormSpec
    data: Mapping[str, Any]
    layout: Layout
    created: dt.datetime
    watermark: bool
    signer_note: str | None
    paper: PaperCode | None = None
    json_name: str = EMBEDDED_NAME
    """The name of the application's JSON in the package and the mail (issue 11's names)."""
    recorder: _Recorder = field(default_factory=_Recorder)

    @property
    def s(self) -> Styles:
        return self.layout.s

    def get(self, path: str) -> str:
        value = get_value(self.data, path)
        return str(value).strip() if value not in (None, "") else ""

    def cover(self, substituted: bool) -> list[Flowable]:
        p = self.layout.p
        kommune = self.get("kommune.name") or "(Name der Kommune fehlt)"
        art_field = self.spec.fields_by_path.get("kommune.art")
        land_field = self.spec.fields_by_path.get("kommune.bundesland")
        datum = self.get("unterschrift.datum")
        rows: list[tuple[str, str] | tuple[str, str, bool]] = [
            ("Programm", self.spec.programme),
            ("Kommune", kommune),
            ("Amtlicher Gemeindeschlüssel (AGS)", self.get("kommune.ags") or "–", True),
        ]
        if art_field and self.get("kommune.art"):
            rows.append(
                (art_field.label, self.layout.value_text(art_field, self.get("kommune.art")))
            )
        if land_field and self.get("kommune.bundesland"):
            rows.append(
                (
                    land_field.label,
                    self.layout.value_text(land_field, self.get("kommune.bundesland")),
                )
            )
        rows.append(
            (
                "Datum der Bewerbung",
                self.layout.value_text(self.spec.field("unterschrift.datum"), datum)
                if datum
                else "–",
            )
        )
        rows.append(
            (
                "Formular",
                f"{self.spec.id}, Version {self.spec.version} (Regelwerk "
                f"{self.spec.rule_set_version})",
            )
        )
        rows.append(
            (
                "Erstellt",
                f"{formatting.date(self.created.date())}, {self.created:%H:%M} Uhr mit ZWK "
                f"Desktop {__version__}",
            )
        )
        cells = [
            [
                p(row[0], self.s.label, 0.36 * WIDTH - PAD),
                p(row[1], self.s.value, 0.64 * WIDTH - PAD, len(row) > 2 and bool(row[2])),
            ]
            for row in rows
        ]
        table = Table(cells, colWidths=[0.36 * WIDTH, 0.64 * WIDTH], hAlign="LEFT")
        table.setStyle(
            TableStyle(
                [
                    *TABLE_BASE,
                    ("BACKGROUND", (0, 0), (-1, -1), SHADE),
                    ("BOX", (0, 0), (-1, -1), 0.8, ACCENT),
                ]
            )
        )
        out: list[Flowable] = [
            p(self.spec.funder, self.s.small),
            Spacer(1, 2 * mm),
            Paragraph("Bewerbung", _title_style(self.s)),
            p(f"Modellprojekt „{self.spec.programme}“", self.s.h2),
            Spacer(1, 3 * mm),
            table,
            Spacer(1, 3 * mm),
        ]
        notes = []
        if self.watermark:
            notes.append(
                "ENTWURF zur Durchsicht: Dieses Dokument ist nicht signiert und nicht zur "
                "Einreichung bestimmt."
            )
        elif self.paper is not None:
            notes.append(
                "Druckfassung zur Unterschrift: Dieses Dokument ist nicht elektronisch signiert. "
                "Bitte unterschreiben Sie es unter „Ort, Datum, Unterschrift“ und senden Sie es "
                f"per Post. Die Angaben sind als Datei „{EMBEDDED_NAME}“ eingebettet und als "
                f"„{self.json_name}“ per E-Mail eingereicht; der QR-Code auf der "
                "Unterschriftsseite enthält ihre Prüfsumme."
            )
        else:
            notes.append(
                "Dieses Dokument ist elektronisch signiert (siehe „Ort, Datum, Unterschrift“). "
                "Die Angaben "
                "sind zusätzlich maschinenlesbar als Datei „bewerbung.json“ eingebettet."
            )
            if self.signer_note:
                notes.append(self.signer_note)
        if substituted:
            notes.append(
                "Einige Zeichen (z. B. farbige Emoji) kann die Schrift dieses Dokuments nicht "
                "darstellen; "
                "sie erscheinen als „[Emoji]“ oder „�“. Maßgeblich ist der Wortlaut in "
                "bewerbung.json."
            )
        out.extend(p(n, self.s.small) for n in notes)
        return out

    def signature_block(self) -> list[Flowable]:
        p = self.layout.p
        section = self.spec.section_index[SIGNATURE_SECTION]
        values = self.data.get(SIGNATURE_SECTION)
        values = values if isinstance(values, Mapping) else {}

        def val(field_id: str) -> str:
            f = section.node.child(field_id)
            raw = values.get(field_id)
            if f is None or raw in (None, ""):
                return "–"
            return self.layout.value_text(f, raw)

        rows = [
            ("Ort, Datum", f"{val('ort')}, {val('datum')}"),
            ("Name", val("name")),
            ("Funktion", val("funktion")),
        ]
        if values.get("in_vertretung") is True:
            rows.append(("Vertretung", "in Vertretung"))
        if self.paper is not None:
            from zwk_desktop.services.pdf_paper import paper_signature_block

            return paper_signature_block(self.layout, rows, self.paper, self.json_name)
        caption = (
            "Elektronische Signatur"
            if not self.watermark
            else "Unterschrift (Entwurf – nicht signiert)"
        )
        return [
            KeepTogether(
                [
                    p(
                        "Mit der Signatur bestätigt die unterzeichnende Person die Angaben "
                        "dieser Bewerbung.",
                        self.s.body,
                    ),
                    self.layout.kv_table(rows),
                    Spacer(1, 4 * mm),
                    _SignatureBox(self.recorder, caption, enabled=not self.watermark),
                ]
            )
        ]

    def story(self) -> list[Flowable]:
        body: list[Flowable] = []
        for number, section in enumerate(self.spec.sections, start=1):
            if section.id == SIGNATURE_SECTION:
                content = self.signature_block()
            else:
                content = self.layout.section_body(section)
            body.extend(self.layout.section(number, section, content))
        return self.cover(bool(self.layout.text.substituted)) + body


def _title_style(s: Styles) -> Any:
    return s.h1.clone(
        "title", fontSize=24, leading=29, spaceBefore=0, spaceAfter=2, textColor=ACCENT
    )


def default_extras(spec: FormSpec) -> dict[str, SectionExtra]:
    """What every PDF of this form shows beyond its fields: the population chart with the
    change in words after the population table (from two years with a number on)."""
    return {spec.population.list: population_flowables} if spec.population is not None else {}


def render_pdf(
    spec: FormSpec,
    data: Mapping[str, Any],
    *,
    attachment_paths: Sequence[str] = (),
    created: dt.datetime | None = None,
    watermark: bool = False,
    signer_note: str | None = None,
    extras: Mapping[str, SectionExtra] | None = None,
    paper: PaperCode | None = None,
    json_name: str = EMBEDDED_NAME,
) -> RenderedPdf:
    """Lay out the whole application. `extras` adds flowables at the end of a section (keyed by
    its id) or after a field (keyed by its path), on top of `default_extras` (one of the same
    key replaces the default); `signer_note` is one sentence about the signature on the cover.
    `paper` makes the "Druckfassung zur Unterschrift": lines for a handwritten signature and a
    QR code with this code instead of the place for the electronic signature; `json_name` is the
    name the application's JSON has in the package and the mail (the paper names it)."""
    fonts = register_fonts()
    text = TextConverter(fonts)
    created = created or dt.datetime.now().astimezone()
    layout = Layout(spec, data, text, attachment_paths, {**default_extras(spec), **(extras or {})})
    doc = _Document(spec, data, layout, created, watermark, signer_note, paper, json_name)
    kommune = doc.get("kommune.name") or "Kommune"
    title = f"Bewerbung Zukunftswerkstatt Kommunen – {kommune}"
    subject = f"Bewerbung für das Modellprojekt „{spec.programme}“"
    story = doc.story()
    keywords = tuple(k for k in ("ZWK", "Bewerbung", doc.get("kommune.ags")) if k)
    buffer = io.BytesIO()
    template = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=20 * mm,
        bottomMargin=19 * mm,
        title=title
        + (" (Entwurf)" if watermark else " (Druckfassung zur Unterschrift)" if paper else ""),
        author=kommune,
        subject=subject,
        creator=f"ZWK Desktop {__version__}",
        producer=f"ZWK Desktop {__version__}",
        keywords=list(keywords),
        lang="de-DE",
        initialFontName=REGULAR,
    )
    page = _Page(
        kommune,
        doc.get("kommune.ags") or "–",
        formatting.date(created.date()),
        watermark,
        doc.recorder,
        text,
        paper is not None,
    )
    template.build(story, canvasmaker=_numbered_canvas(page))
    return RenderedPdf(
        content=buffer.getvalue(),
        title=title,
        author=kommune,
        subject=subject,
        pages=doc.recorder.pages,
        signature_place=doc.recorder.place,
        substituted=tuple(text.substituted),
        keywords=keywords,
    )
