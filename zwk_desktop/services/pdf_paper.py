"""The signature block of the "Druckfassung zur Unterschrift" (paper path, issue 17).

Lines for the handwritten signature and the official seal, and a QR code (reportlab's own QR
widget) with the paper code of `services.paper`: AGS, SHA-256 of the application's JSON, form and
rule-set version. The hash is printed beside it in four groups, never hyphenated, so that it can
be compared by eye. reportlab is imported at export time only.
"""

from __future__ import annotations

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from zwk_desktop.services.paper import PaperCode
from zwk_desktop.services.pdf_fonts import REGULAR
from zwk_desktop.services.pdf_layout import LINE, WIDTH, Layout

QR_SIZE = 40 * mm
SIGN_WIDTH = WIDTH - QR_SIZE - 16 * mm
SIGN_HEIGHT = 34 * mm

INTRO = (
    "Mit ihrer Unterschrift bestätigt die unterzeichnende Person die Angaben dieser Bewerbung. "
    "Die Angaben sind zusätzlich als Datei „{json_name}“ per E-Mail eingereicht; der QR-Code "
    "enthält deren SHA-256-Prüfsumme, so dass die unterschriebene Fassung genau diesen Daten "
    "zugeordnet werden kann."
)


class _SignatureLines(Flowable):
    """A line for the signature and a frame for the seal, each with its caption."""

    def __init__(self) -> None:
        super().__init__()
        self.width, self.height = SIGN_WIDTH, SIGN_HEIGHT

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        seal = 30 * mm
        line_end = self.width - seal - 6 * mm
        c.setStrokeColor(colors.black)
        c.setLineWidth(0.7)
        c.line(0, 12 * mm, line_end, 12 * mm)
        c.setStrokeColor(LINE)
        c.setDash(2, 2)
        c.rect(self.width - seal, 4 * mm, seal, seal - 4 * mm)
        c.setDash()
        c.setFillColor(colors.HexColor("#444444"))
        c.setFont(REGULAR, 7.5)
        c.drawString(0, 8 * mm, "Unterschrift der unterzeichnenden Person")
        c.drawString(self.width - seal, 1 * mm, "Dienstsiegel")


def qr_drawing(text: str, size: float = QR_SIZE) -> Drawing:
    """A QR code of `text` (error correction M), `size` points square, with its quiet zone."""
    widget = QrCodeWidget(text, barLevel="M")
    x0, y0, x1, y1 = widget.getBounds()
    drawing = Drawing(size, size, transform=[size / (x1 - x0), 0, 0, size / (y1 - y0), 0, 0])
    drawing.add(widget)
    return drawing


def paper_signature_block(
    layout: Layout, rows: list[tuple[str, str]], code: PaperCode, json_name: str
) -> list[Flowable]:
    """The block for `code`; `json_name` is the name of the application's JSON in the package
    and the mail (``ZWK-Bewerbung_<AGS>_<Kommune>.json``), which the QR code's hash is of."""
    s = layout.s
    exact = s.small.clone("exact", hyphenationLang="", embeddedHyphenation=0, splitLongWords=0)
    exact_right = exact.clone("exact_right", alignment=TA_CENTER)
    qr_column = QR_SIZE + 10 * mm
    under_qr = [
        Paragraph("Prüfcode der Daten", exact_right),
        Paragraph("SHA-256 der Angaben (JSON):", exact_right),
        *(Paragraph(group, exact_right) for group in code.groups()),
    ]
    grid = Table(
        [
            [_SignatureLines(), qr_drawing(code.text())],
            ["", under_qr],
            [
                Paragraph(
                    f"AGS {code.ags or '–'} · Formular {code.form}, Version {code.version} · "
                    f"Regelwerk {code.rule_set}",
                    exact,
                ),
                "",
            ],
        ],
        colWidths=[WIDTH - qr_column, qr_column],
        hAlign="LEFT",
    )
    grid.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("ALIGN", (1, 0), (1, 0), "CENTER"),
                ("SPAN", (0, 2), (1, 2)),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ]
        )
    )
    return [
        KeepTogether(
            [
                layout.p(INTRO.format(json_name=json_name), s.body),
                layout.kv_table(rows),
                Spacer(1, 8 * mm),
                grid,
            ]
        )
    ]
