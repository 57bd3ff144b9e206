"""The tagging API of `services/pdf_tags.py` on small documents, as new layout code uses it."""

from __future__ import annotations

import io
from typing import Any

import pikepdf
import pytest
from reportlab.graphics.shapes import Drawing, Rect
from reportlab.lib.pagesizes import A6
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table
from tagged_pdf import Node, structure, untagged_text

from zwk_desktop.services import pdf_tags
from zwk_desktop.services.pdf_fonts import REGULAR, register_fonts

HEADINGS = {"h1": 1, "h2": 2, "h3": 3}


def _build(story: list[Any], decorate: bool = True) -> tuple[bytes, pdf_tags.Recorder]:
    register_fonts()
    tags = pdf_tags.Recorder()

    class TaggingCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            tags.install(self)

    def footer(canvas: Canvas, doc: Any) -> None:
        with pdf_tags.artifact_on(canvas, "Pagination", "Footer"):
            canvas.setFont(REGULAR, 7)
            canvas.drawString(20, 10, f"Seite {canvas.getPageNumber()}")

    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=A6, lang="de-DE")
    hooks = {"onFirstPage": footer, "onLaterPages": footer} if decorate else {}
    doc.build(pdf_tags.story(story, HEADINGS), canvasmaker=TaggingCanvas, **hooks)
    return tags.complete(buffer.getvalue(), title="Probe"), tags


def _style(name: str) -> ParagraphStyle:
    register_fonts()
    return ParagraphStyle(name, fontName=REGULAR, fontSize=9, leading=11)


def _roles(node: Node) -> list[str]:
    return [n.role for n in node.walk()]


def _open(pdf: bytes) -> pikepdf.Pdf:
    return pikepdf.open(io.BytesIO(pdf))


def test_a_table_split_over_pages_has_one_header_row_and_every_data_row() -> None:
    rows = [[Paragraph(h, _style("cell")) for h in ("Jahr", "Betrag")]]
    rows += [[Paragraph(str(2000 + n), _style("cell")), Paragraph(f"{n} €", _style("cell"))]
             for n in range(60)]  # fmt: skip
    table = pdf_tags.table(Table(rows, repeatRows=1), header_rows=1)
    pdf, _ = _build([Paragraph("Tabelle", _style("h1")), table])
    with _open(pdf) as doc:
        assert len(doc.pages) >= 3
        tree = structure(doc)
        tables = [n for n in tree.walk() if n.role == "Table"]
        assert len(tables) == 1, "one table, however many pages"
        trs = tables[0].kids
        assert len(trs) == 61
        assert [k.role for k in trs[0].kids] == ["TH", "TH"]
        assert all([k.role for k in tr.kids] == ["TD", "TD"] for tr in trs[1:])
        assert str(trs[0].kids[0].obj.A.Scope) == "/Column"
        assert untagged_text(doc) == []
        # the repeated header on later pages is drawn, but as an artifact
        later = pikepdf.parse_content_stream(doc.pages[1])
        artifacts = [ops for ops, op in later if str(op) == "BDC" and ops[0] == "/Artifact"]
        assert any(ops[1].get("/Type") == "/Pagination" for ops in artifacts)


def test_a_paragraph_split_over_pages_is_one_element_with_content_on_both() -> None:
    text = " ".join(["Ein langer Absatz, der über die Seite hinausläuft."] * 80)
    pdf, _ = _build([Paragraph(text, _style("body"))])
    with _open(pdf) as doc:
        ps = [n for n in structure(doc).walk() if n.role == "P"]
        assert len(ps) == 1
        assert {page for page, _ in ps[0].marks} == set(range(len(doc.pages)))
        assert len(doc.pages) >= 2


def test_headings_never_skip_a_level_and_lang_marks_a_foreign_fragment() -> None:
    story = [
        Paragraph("Titel", _style("h1")),
        Paragraph("Tief", _style("h3")),  # rank 3 directly after 1: becomes H2
        Paragraph("Mitte", _style("h2")),
        pdf_tags.paragraph(Paragraph("An English sentence.", _style("body")), lang="en"),
        Spacer(1, 10),
        KeepTogether([Paragraph("Zusammen", _style("body"))]),
    ]
    pdf, _ = _build(story)
    with _open(pdf) as doc:
        tree = structure(doc)
        assert _roles(tree) == ["Document", "H1", "H2", "H2", "P", "P"]
        english = tree.kids[3]
        assert str(english.obj.Lang) == "en"
        assert str(doc.Root.Lang) == "de-DE"


def test_a_figure_has_alt_text_and_an_undeclared_drawing_is_refused() -> None:
    drawing = Drawing(100, 50)
    drawing.add(Rect(0, 0, 100, 50))
    with pytest.raises(TypeError, match="not tagged"):
        pdf_tags.story([drawing], HEADINGS)
    pdf, _ = _build([pdf_tags.figure(drawing, "Ein Rechteck")])
    with _open(pdf) as doc:
        figure = structure(doc).kids[0]
        assert figure.role == "Figure" and str(figure.obj.Alt) == "Ein Rechteck"
        assert [float(v) for v in figure.obj.A.BBox][2:] != [0, 0]


def test_a_list_table_and_artifacts() -> None:
    rows = [[Paragraph("☒", _style("c")), Paragraph("Erste Zusage", _style("c"))],
            [Paragraph("☐", _style("c")), Paragraph("Zweite Zusage", _style("c"))]]  # fmt: skip
    table = pdf_tags.as_list(Table(rows), ["angekreuzt", "nicht angekreuzt"])
    rule = pdf_tags.artifact(Paragraph("— Zierlinie —", _style("body")))
    pdf, _ = _build([table, rule])
    with _open(pdf) as doc:
        tree = structure(doc)
        assert _roles(tree) == ["Document", "L", "LI", "Lbl", "LBody", "LI", "Lbl", "LBody"]
        assert str(tree.kids[0].kids[1].kids[0].obj.Alt) == "nicht angekreuzt"
        assert untagged_text(doc) == []


def test_without_a_recorder_the_api_draws_plainly() -> None:
    """Flowables declared for tagging draw on any canvas (e.g. a plain benchmark document)."""
    buffer = io.BytesIO()
    register_fonts()
    rows = [[Paragraph("A", _style("c")), Paragraph("B", _style("c"))]]
    story = pdf_tags.story(
        [Paragraph("Text", _style("body")), pdf_tags.table(Table(rows), header_rows=1)],
        HEADINGS,
    )
    SimpleDocTemplate(buffer, pagesize=A6).build(story)
    with _open(buffer.getvalue()) as doc:
        ops = {str(op) for _, op in pikepdf.parse_content_stream(doc.pages[0])}
        assert not ops & {"BDC", "BMC", "EMC"}
        assert "/StructTreeRoot" not in doc.Root


def test_marked_content_cannot_nest() -> None:
    tags = pdf_tags.Recorder()
    canvas = Canvas(io.BytesIO())
    tags.install(canvas)
    with (
        pdf_tags.marked(canvas, pdf_tags.Element("P")),
        pytest.raises(RuntimeError),
        pdf_tags.artifact_on(canvas),
    ):
        pass


def test_a_layout_grid_is_no_table_its_cells_are_content_and_empty_cells_artifacts() -> None:
    """`grid`: a table that only places things side by side (the paper print's signature
    lines beside its QR code) adds no Table element; its paragraphs are P, a figure keeps
    its alternative text, an empty string cell (reportlab draws it) is an artifact."""
    picture = Drawing(40, 40)
    picture.add(Rect(0, 0, 40, 40))
    t = Table(
        [
            [Paragraph("Links", _style("cell")), pdf_tags.figure(picture, "Ein Quadrat")],
            ["", [Paragraph("Unter dem Bild", _style("cell"))]],
        ],
        style=[("FONTNAME", (0, 0), (-1, -1), REGULAR), ("GRID", (0, 0), (-1, -1), 0.5, "black")],
    )
    pdf, _ = _build([pdf_tags.grid(t)])
    with _open(pdf) as doc:
        tree = structure(doc)
        assert _roles(tree) == ["Document", "P", "Figure", "P"]
        (figure,) = [n for n in tree.walk() if n.role == "Figure"]
        assert str(figure.obj.Alt) == "Ein Quadrat"
        assert untagged_text(doc) == []


def test_a_layout_grid_refuses_bare_text() -> None:
    with pytest.raises(TypeError, match="Paragraph"):
        pdf_tags.grid(Table([["Text ohne Absatz", ""]]))
