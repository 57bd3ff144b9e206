"""The application PDF is tagged (PDF/UA-1), read back by pikepdf, pdfua and poppler (issue 12).

Every example and a stress draft, each signed (the package's PDF) and as the ENTWURF
print: pdfua finds nothing, poppler reads a tagged document with the headings in form order,
every text-showing operator belongs to an element or an artifact, tables have their header
cells, the chart has an alternative text, the signature field is tagged, the signature stays
valid, and the pages look exactly as without tagging.
"""

from __future__ import annotations

import io
import itertools
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pikepdf
import pytest
from conftest import EXAMPLES
from export_helpers import NOW, never_ask, new_store, package_file, ready_draft, tool
from tagged_pdf import (
    Node,
    stress_draft,
    struct_text_headings,
    structure,
    unmapped_glyphs,
    unmarked_painting,
    untagged_text,
)

from zwk_desktop.domain.draft import Draft, normalize
from zwk_desktop.domain.signatory import signatory_of
from zwk_desktop.formspec import get_form
from zwk_desktop.services import pdf_tags
from zwk_desktop.services.export import export_package, export_paper, export_print
from zwk_desktop.services.identities import IdentityStore, SigningKey
from zwk_desktop.services.package import canonical_json
from zwk_desktop.services.paper import paper_code
from zwk_desktop.services.pdf import render_pdf
from zwk_desktop.services.pdf_embed import embedded_json
from zwk_desktop.services.verify import verify_path

DRAFTS = [p.name for p in sorted(EXAMPLES.glob("*.zwk"))] + ["stress"]
KINDS = ["signiert", "entwurf", "papier"]
"""The package's signed PDF, the ENTWURF print and the paper print for signing by hand."""


@dataclass(frozen=True)
class Made:
    name: str
    kind: str
    pdf: Path
    draft: Draft
    folder: Path | None
    code: str = ""
    """The paper print's code (its QR code's text)."""


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> IdentityStore:
    return new_store(tmp_path_factory.mktemp("identities"))


def _signer_of(store: IdentityStore, draft: Draft) -> SigningKey:
    """A self-signed identity of the person the draft names as signatory (only they may sign)."""
    who = signatory_of(draft.data)
    kommune = str(draft.data.get("kommune", {}).get("name", ""))
    identity = store.create_self_signed(who.name, who.funktion, kommune, "", never_ask)
    return store.unlock(identity, never_ask)


_MADE: dict[tuple[str, str], Made] = {}


@pytest.fixture(params=[(d, k) for d in DRAFTS for k in KINDS], ids=lambda p: f"{p[0]}-{p[1]}")
def made(
    request: pytest.FixtureRequest,
    store: IdentityStore,
    tmp_path_factory: pytest.TempPathFactory,
) -> Made:
    return _make(*request.param, store, tmp_path_factory)


@pytest.fixture(params=DRAFTS)
def signed(
    request: pytest.FixtureRequest,
    store: IdentityStore,
    tmp_path_factory: pytest.TempPathFactory,
) -> Made:
    return _make(request.param, "signiert", store, tmp_path_factory)


def _make(
    name: str, kind: str, store: IdentityStore, tmp_path_factory: pytest.TempPathFactory
) -> Made:
    """Each PDF is made once per module and shared by the tests."""
    if (name, kind) not in _MADE:
        draft = stress_draft() if name == "stress" else ready_draft(name)
        out = tmp_path_factory.mktemp("out")
        if kind == "signiert":
            result = export_package(get_form(), draft, _signer_of(store, draft), out, now=NOW)
            _MADE[name, kind] = Made(
                name, kind, result.folder / result.pdf_name, draft, result.folder
            )
        elif kind == "papier":
            result = export_paper(get_form(), draft, out, now=NOW)
            _MADE[name, kind] = Made(
                name, kind, result.folder / result.pdf_name, draft, result.folder, result.paper_code
            )
        else:
            _MADE[name, kind] = Made(
                name, kind, export_print(get_form(), draft, out, now=NOW), draft, None
            )
    return _MADE[name, kind]


_OPEN: dict[Path, pikepdf.Pdf] = {}


def _tree(made: Made) -> Node:
    """The structure tree (the file stays open for the module: nodes refer into it)."""
    if made.pdf not in _OPEN:
        _OPEN[made.pdf] = pikepdf.open(made.pdf)
    return structure(_OPEN[made.pdf])


def test_pdfua_finds_nothing(made: Made) -> None:
    from pdfua import validate

    report = validate(str(made.pdf))
    assert [(f.rule_id, f.message) for f in report.findings] == []
    assert [(o.rule_id, o.skipped_reason) for o in report.skipped] == []


def test_poppler_reads_a_tagged_pdf_with_every_section_heading_in_form_order(
    made: Made,
) -> None:
    assert re.search(r"^Tagged:\s+yes$", tool("pdfinfo", made.pdf).stdout, re.M)
    struct = tool("pdfinfo", "-struct-text", made.pdf).stdout
    headings = struct_text_headings(struct)
    assert headings[0] == ("H1", "Bewerbung")
    sections = [text for role, text in headings if role == "H2"]
    expected = [f"{n}  {s.title}" for n, s in enumerate(get_form().sections, start=1)]
    assert [re.sub(r"\s+", " ", s) for s in sections] == [re.sub(r"\s+", " ", s) for s in expected]
    levels = [int(role[1]) for role, _ in headings]
    assert all(b <= a + 1 for a, b in itertools.pairwise(levels)), "skipped level"


def test_struct_text_has_the_finance_tables_header_and_total_rows(made: Made) -> None:
    struct = tool("pdfinfo", "-struct-text", made.pdf).stdout
    table = _finance_table(struct)
    for header in ("Nr.", "Posten / Kategorie", "2021", "2024", "Summe"):
        assert re.search(rf'TH:\s*\n\s*/Scope /Column\s*\n\s*"{re.escape(header)}"', table)
    for total in ("Summe der Ausgaben", "Beantragte Förderung", "Höchstbetrag"):
        assert re.search(rf'TH:\s*\n\s*/Scope /Row\s*\n\s*"{total}"', table), total


def _finance_table(struct: str) -> str:
    start = struct.index('"Ausgabenposten und Förderbedarf je Jahr"')
    begin = struct.index("Table", start)
    end = struct.find("\n  H", begin)
    return struct[begin:end]


def test_every_text_operator_is_tagged_content_or_an_artifact(made: Made) -> None:
    with pikepdf.open(made.pdf) as pdf:
        assert untagged_text(pdf) == []
        # and every line, fill and picture is content or an artifact too
        assert unmarked_painting(pdf) == []


def test_reading_order_of_the_tree_is_the_drawing_order(made: Made) -> None:
    marks = _tree(made).all_marks()
    assert marks == sorted(marks), "the tree visits content out of page order"
    assert len(marks) == len(set(marks))
    with pikepdf.open(made.pdf) as pdf:
        for page in {p for p, _ in marks}:
            ids = [m for p, m in marks if p == page]
            assert ids == list(range(len(ids)))
            assert int(pdf.pages[page].obj.StructParents) == page


def _cells(row: Node) -> list[Node]:
    return [k for k in row.kids if k.role in ("TH", "TD")]


def _scope(cell: Node) -> str:
    return str(cell.obj.A.Scope) if "/A" in cell.obj else ""


def test_every_table_has_a_header_cell_for_each_column_or_row(made: Made) -> None:
    tables = [n for n in _tree(made).walk() if n.role == "Table"]
    assert tables
    for table in tables:
        rows = [k for k in table.kids if k.role == "TR"]
        assert rows and all(_cells(r) for r in rows)
        columns = {len(_cells(r)) for r in rows}
        assert len(columns) == 1, "rows of different length"
        heads = [c for r in rows for c in _cells(r) if c.role == "TH"]
        assert heads and all(_scope(c) in ("/Column", "/Row") for c in heads)
        first = _cells(rows[0])
        if all(c.role == "TH" for c in first):
            # a column-header table: exactly one header row, even when reportlab repeated
            # it on the next page (the repeats are artifacts)
            column_heads = [c for c in heads if _scope(c) == "/Column"]
            assert len(column_heads) == len(first) == columns.pop()
            assert all(_scope(c) == "/Column" for c in first)
        else:
            # a label/value table: every row starts with its label
            assert all(_cells(r)[0].role == "TH" for r in rows)
            assert all(_scope(_cells(r)[0]) == "/Row" for r in rows)


def test_the_checklist_is_a_list_with_labels_and_bodies(made: Made) -> None:
    lists = [n for n in _tree(made).walk() if n.role == "L"]
    assert lists
    for lst in lists:
        for item in lst.kids:
            assert item.role == "LI"
            assert [k.role for k in item.kids] == ["Lbl", "LBody"]
            assert str(item.kids[0].obj.Alt) in ("angekreuzt", "nicht angekreuzt")


def test_the_chart_is_a_figure_whose_alt_text_names_first_and_last_year(made: Made) -> None:
    rows = made.draft.data["ausgangslage"]["bevoelkerung"]
    years = sorted(r["jahr"] for r in rows)
    figures = [n for n in _tree(made).walk() if n.role == "Figure"]
    qr_codes = [f for f in figures if str(f.obj.Alt).startswith("QR-Code")]
    assert len(qr_codes) == (made.kind == "papier")
    figures = [f for f in figures if f not in qr_codes]
    assert len(figures) == 1
    alt = str(figures[0].obj.Alt)
    assert str(years[0]) in alt and str(years[-1]) in alt and "%" in alt
    assert figures[0].all_marks(), "the figure holds the chart's drawing"
    bbox = [float(v) for v in figures[0].obj.A.BBox]
    assert bbox[0] < bbox[2] and bbox[1] < bbox[3]


def test_the_signature_field_is_tagged_form_with_the_signers_name(made: Made) -> None:
    forms = [n for n in _tree(made).walk() if n.role == "Form"]
    if made.kind != "signiert":  # the ENTWURF and the paper print are not signed here
        assert forms == []
        return
    assert len(forms) == 1
    with pikepdf.open(made.pdf) as pdf:
        form = next(n for n in structure(pdf).walk() if n.role == "Form")
        objr = form.obj.K
        widget = objr.Obj
        assert pikepdf.Name.Sig == widget.FT and widget.Subtype == pikepdf.Name.Widget
        assert signatory_of(made.draft.data).name in str(widget.TU)
        nums = pdf.Root.StructTreeRoot.ParentTree.Nums
        mapped = {int(nums[i]): nums[i + 1] for i in range(0, len(nums), 2)}
        assert mapped[int(widget.StructParent)].objgen == form.obj.objgen
        page = next(p for p in pdf.pages if p.obj.objgen == objr.Pg.objgen)
        assert page.obj.Tabs == pikepdf.Name.S


def test_the_signature_box_shows_the_signer_as_tagged_text(signed: Made) -> None:
    struct = tool("pdfinfo", "-struct-text", signed.pdf).stdout
    stamp = struct[struct.index('"Elektronisch signiert von') :][:400]
    who = signatory_of(signed.draft.data)
    assert who.name in stamp and who.funktion in stamp
    assert "Selbst ausgestelltes Zertifikat – keine QES" in stamp
    assert struct.index("Elektronisch signiert von") < struct.rindex("Form")


def test_document_metadata_for_pdfua(made: Made) -> None:
    with pikepdf.open(made.pdf) as pdf:
        root = pdf.Root
        assert str(root.Lang) == "de-DE"
        assert root.MarkInfo.Marked is True
        assert root.ViewerPreferences.DisplayDocTitle is True
        meta = pdf.open_metadata()
        assert meta["pdfuaid:part"] == "1"
        assert meta["dc:title"] == str(pdf.docinfo.Title)
        assert meta["dc:title"].startswith("Bewerbung Zukunftswerkstatt Kommunen – ")
    fonts = tool("pdffonts", made.pdf).stdout.splitlines()[2:]
    assert fonts
    for line in fonts:
        # name type encoding emb sub uni object ID: embedded, with ToUnicode
        assert re.search(r"\s+yes\s+yes\s+yes\s+\d+\s+\d+$", line), line


def test_every_glyph_shown_maps_to_unicode(made: Made) -> None:
    with pikepdf.open(made.pdf) as pdf:
        assert unmapped_glyphs(pdf) == []


def test_hostile_text_still_gives_a_clean_tagged_pdf(tmp_path: Path) -> None:
    """Emoji, control characters, CJK, endless words, 10**40 inhabitants (the draft of the
    hostile-text test, which only prints as ENTWURF)."""
    from pdfua import validate
    from test_export_pdf import hostile_data

    path = tmp_path / "hostile.pdf"
    path.write_bytes(render_pdf(get_form(), hostile_data(), created=NOW, watermark=True).content)
    assert [(f.rule_id, f.message) for f in validate(str(path)).findings] == []
    with pikepdf.open(path) as pdf:
        assert untagged_text(pdf) == []
        assert unmapped_glyphs(pdf) == []


def test_the_chart_text_is_text_not_paths(made: Made) -> None:
    rows = made.draft.data["ausgangslage"]["bevoelkerung"]
    years = sorted(r["jahr"] for r in rows)
    text = tool("pdftotext", "-layout", made.pdf, "-").stdout
    assert "Einwohnerzahl" in text
    assert all(str(y) in text for y in (years[0], years[-1]))


def test_pdfa_claims_only_what_is_checked(made: Made) -> None:
    """The signed PDF and the paper print (the package's PDF, unsigned) claim PDF/A-3b (not 3a)
    and bring what that needs and we can check; the ENTWURF print (transparent watermark, no output intent) claims no PDF/A at all."""
    with pikepdf.open(made.pdf) as pdf:
        meta = pdf.open_metadata()
        xmp = pdf.Root.Metadata.read_bytes().decode()
        if made.kind == "entwurf":
            assert meta.get("pdfaid:part") is None
            return
        assert (meta["pdfaid:part"], meta["pdfaid:conformance"]) == ("3", "B")
        # the PDF/A extension schema that describes pdfuaid (pyHanko rewrites the packet
        # when it signs, with the values as attributes)
        assert re.search(r'pdfaSchema:prefix(>|=")pdfuaid', xmp)
        assert re.search(r'pdfaProperty:name(>|=")part', xmp)
        assert "/Filter" not in pdf.Root.Metadata
        assert pdf.Root.OutputIntents[0].DestOutputProfile.N == 3
        spec = pdf.Root.AF[0]
        assert spec.AFRelationship == pikepdf.Name.Data
        assert spec.EF.F.Subtype == pikepdf.Name("/application/json")
        assert "/Encrypt" not in pdf.trailer


def test_the_signature_stays_valid_and_the_json_unchanged(signed: Made) -> None:
    made = signed
    assert made.folder is not None
    sig = tool("pdfsig", made.pdf).stdout
    assert "Signature is Valid" in sig and "Total document signed" in sig
    assert verify_path(made.folder).valid
    inside = embedded_json(made.pdf.read_bytes())
    assert inside == package_file(made.folder, ".json").read_bytes()
    assert inside == canonical_json(get_form(), made.draft)
    assert json.loads(inside)["data"]["kommune"]["name"] == made.draft.data["kommune"]["name"]


@pytest.fixture(params=DRAFTS)
def paper(
    request: pytest.FixtureRequest,
    store: IdentityStore,
    tmp_path_factory: pytest.TempPathFactory,
) -> Made:
    return _make(request.param, "papier", store, tmp_path_factory)


def test_the_paper_prints_qr_code_is_a_figure_with_the_code_as_alt_text(paper: Made) -> None:
    from zwk_desktop.services.paper import parse_paper_code

    (qr,) = [
        n
        for n in _tree(paper).walk()
        if n.role == "Figure" and str(n.obj.Alt).startswith("QR-Code")
    ]
    alt = str(qr.obj.Alt)
    assert alt.endswith(paper.code)
    assert parse_paper_code(paper.code).sha256 in alt.replace(" ", "")
    assert qr.all_marks(), "the figure holds the QR code's drawing"
    bbox = [float(v) for v in qr.obj.A.BBox]
    assert bbox[2] - bbox[0] > 100 and bbox[3] - bbox[1] > 100  # 40 mm square


def test_the_paper_prints_signature_lines_are_captioned_text(paper: Made) -> None:
    struct = tool("pdfinfo", "-struct-text", paper.pdf).stdout
    block = struct[struct.rindex("Ort, Datum, Unterschrift") :]
    order = [
        "Mit ihrer Unterschrift bestätigt",
        '"Ort, Datum"',
        '"Unterschrift der unterzeichnenden Person"',
        '"Dienstsiegel"',
        "Figure",
        '"Prüfcode der Daten"',
        '"SHA-256 der Angaben (JSON):"',
        '"AGS ',
    ]
    positions = [block.index(text) for text in order]
    assert positions == sorted(positions)
    from zwk_desktop.services.paper import parse_paper_code

    digest = parse_paper_code(paper.code).sha256
    groups = re.findall(r'^\s+"([0-9a-f]{16})"$', block, re.M)
    assert "".join(groups) == digest


def test_the_paper_package_keeps_its_json_and_verifies_with_the_code(paper: Made) -> None:
    from zwk_desktop.services.paper import parse_paper_code

    assert paper.folder is not None
    assert "Signature" not in tool("pdfsig", paper.pdf, check=False).stdout
    inside = embedded_json(paper.pdf.read_bytes())
    assert inside == package_file(paper.folder, ".json").read_bytes()
    assert inside == canonical_json(get_form(), paper.draft)
    assert verify_path(paper.folder, papier=parse_paper_code(paper.code)).valid


# ---------------------------------------------------------------------- looks the same


@pytest.mark.parametrize("kind", ["entwurf", "papier"])
def test_tagging_leaves_every_page_looking_exactly_the_same(
    kind: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    spec = get_form()
    data = normalize(spec, stress_draft().data)
    code = paper_code(spec, "12073999", b"{}") if kind == "papier" else None
    options: dict[str, Any] = {"watermark": kind == "entwurf", "paper": code}
    tagged = render_pdf(spec, data, created=NOW, **options).content
    monkeypatch.setattr(pdf_tags.Recorder, "install", lambda self, canvas: None)
    plain = render_pdf(spec, data, created=NOW, **options).content
    assert _operators(tagged) >= {"BDC", "EMC"}
    assert not _operators(plain) & {"BDC", "BMC", "EMC"}
    for name, content in (("tagged", tagged), ("plain", plain)):
        (tmp_path / f"{name}.pdf").write_bytes(content)
        tool("pdftoppm", "-r", "40", "-png", tmp_path / f"{name}.pdf", tmp_path / name)
    tagged_pages = sorted(tmp_path.glob("tagged-*.png"))
    assert len(tagged_pages) > 10
    for page in tagged_pages:
        twin = tmp_path / page.name.replace("tagged", "plain")
        assert page.read_bytes() == twin.read_bytes(), page.name


def _operators(pdf: bytes) -> set[str]:
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        return {str(op) for page in doc.pages for _, op in pikepdf.parse_content_stream(page)}
