"""The baseline of the export benchmark: what a bare script does with reportlab and pyHanko.

``python bare_export.py PAGES FONT.ttf KEY.p12 PASSPHRASE OUT.pdf`` lays out PAGES pages of
text and tables in one embedded TrueType font with reportlab, then signs the file with pyHanko
(PAdES, the RSA-3072 key from the PKCS #12 file, an invisible signature field), and writes it.
It imports nothing of ZWK Desktop: a fresh process of this script is the fair price of "make a
signed PDF of that many pages" that `bench_export.py` compares the real export with.
"""

from __future__ import annotations

import io
import sys


def build(pages: int, font: str) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table

    pdfmetrics.registerFont(TTFont("Body", font))
    body = ParagraphStyle("body", fontName="Body", fontSize=9.5, leading=12.4)
    cell = ParagraphStyle("cell", fontName="Body", fontSize=8.5, leading=11)
    text = (
        "Die Gemeinde verliert seit Jahren junge Menschen an die Großstädte, während die Zahl "
        "der Hochbetagten wächst; Vereine, Ärztinnen und Nahversorgung fehlen zunehmend. "
    )
    story = []
    for page in range(pages):
        story.append(Paragraph(f"{page + 1}  Abschnitt", body))
        story.extend(Paragraph(text * 3, body) for _ in range(6))
        rows = [[Paragraph(f"{r}.{c} {text[: 20 + 7 * c]}", cell) for c in range(4)]
                for r in range(12)]  # fmt: skip
        story.append(Table(rows, colWidths=[120] * 4))
        if page < pages - 1:
            story.append(PageBreak())
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4, title="Baseline").build(story)
    return buffer.getvalue()


def sign(pdf: bytes, key: str, passphrase: str) -> bytes:
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import signers

    signer = signers.SimpleSigner.load_pkcs12(key, passphrase=passphrase.encode())
    out = io.BytesIO()
    signers.sign_pdf(
        IncrementalPdfFileWriter(io.BytesIO(pdf)),
        signers.PdfSignatureMetadata(field_name="Signatur", md_algorithm="sha256"),
        signer=signer,
        output=out,
    )
    return out.getvalue()


def main(argv: list[str]) -> int:
    pages, font, key, passphrase, target = argv
    signed = sign(build(int(pages), font), key, passphrase)
    with open(target, "wb") as out:
        out.write(signed)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
