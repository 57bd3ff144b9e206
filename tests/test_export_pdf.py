"""The PDF itself: hostile text never crashes or runs off the page; ENTWURF print; the hook."""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest
from export_helpers import NOW, example_draft, tool
from test_export_package import pdffonts_rows

from zwk_desktop.domain.draft import normalize
from zwk_desktop.formspec import get_form
from zwk_desktop.services.export import export_print
from zwk_desktop.services.pdf import render_pdf

A4_WIDTH, A4_HEIGHT = 595.28, 841.89
MARGIN = 20 / 25.4 * 72
LONG_WORD = "Donaudampfschifffahrtsgesellschaftskapitänsmützenabzeichen" * 12
HOSTILE = (
    "Größe, Übermaß & <Zeichen> mit „Anführungszeichen“ und ‚halben‘, 40.000 € – "
    "Emoji 😀 🎉 👍 ✅ 👩‍💻, Flagge 🇩🇪, Symbole ✓ ☺ → ², CJK 東京, Steuerzeichen \x07 und "
    f"ein sehr langes Wort: {LONG_WORD}\n\nZweiter Absatz.\r\nMit Zeilenumbruch."
)


def hostile_data() -> dict[str, Any]:
    draft = example_draft()
    data = draft.data
    data["kommune"]["name"] = "Gemeinde Ützelbrück-Öhringen an der Ämmer 🌊 " + "Langname" * 20
    data["ausgangslage"]["herausforderungen"] = (HOSTILE + "\n\n") * 40
    data["ausgangslage"]["staerken"] = LONG_WORD * 5
    data["ausgangslage"]["datenquellen"] = (
        HOSTILE * 30
    )  # a text(500) field far too long: in a table
    data["ausgangslage"]["bevoelkerung"][0]["einwohner"] = 10**40
    data["netzwerke"]["initiativen"] = [
        {"name": f"Initiative {i} {LONG_WORD[:80]}", "art": "Verein 🎉", "rolle": HOSTILE}
        for i in range(25)
    ]
    posten = data["finanzplan"]["posten"]
    data["finanzplan"]["posten"] = [
        {
            **posten[0],
            "bezeichnung": f"Posten {i}: {(LONG_WORD * 3)[: 150 * (i % 3 + 1) ** 3]}",
            "erlaeuterung": HOSTILE,
        }
        for i in range(40)
    ]
    data["unterschrift"]["name"] = "Dr. Ölaf Ünderström 😀"
    data["kommune"]["ags"] = "kaputt"  # an error: only the ENTWURF print is possible
    return normalize(get_form(), data)


@pytest.fixture(scope="module")
def hostile_pdf(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Any]:
    rendered = render_pdf(get_form(), hostile_data(), created=NOW, watermark=True)
    path = tmp_path_factory.mktemp("pdf") / "hostile.pdf"
    path.write_bytes(rendered.content)
    return path, rendered


def _words(pdf: Path) -> list[tuple[int, float, float, float, float, str]]:
    html = tool("pdftotext", "-bbox", pdf, "-").stdout
    out = []
    for page, body in enumerate(html.split("<page ")[1:], start=1):
        for m in re.finditer(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>',
            body,
        ):
            out.append((page, *map(float, m.groups()[:4]), m.group(5)))
    return out


def test_hostile_text_stays_inside_the_page(hostile_pdf: tuple[Path, Any]) -> None:
    path, rendered = hostile_pdf
    assert rendered.pages > 10
    words = _words(path)
    assert len(words) > 5000
    outside = [
        w
        for w in words
        if w[4] - w[2] < 40  # not the 110 pt watermark, which pdftotext cuts into pieces
        and (
            w[1] < MARGIN - 2
            or w[3] > A4_WIDTH - MARGIN + 2
            or w[2] < 8 * 72 / 25.4
            or w[4] > A4_HEIGHT - 5
        )
    ]
    assert outside == []
    # No two words overlap (a table row split across pages once drew rows over each other).
    body = sorted((w for w in words if w[4] - w[2] < 40), key=lambda w: (w[0], w[2]))
    overlaps = []
    for i, a in enumerate(body):
        for b in body[i + 1 :]:
            if b[0] != a[0] or b[2] >= a[4] - 1:
                break
            if b[1] < a[3] - 1 and a[1] < b[3] - 1:
                overlaps.append((a, b))
    assert overlaps == []


def test_missing_glyphs_are_substituted_visibly_and_reported(hostile_pdf: tuple[Path, Any]) -> None:
    path, rendered = hostile_pdf
    text = tool("pdftotext", path, "-").stdout
    assert "✓" in text and "☺" in text and "→" in text  # drawn from the fallback fonts
    assert text.count("[Emoji]") >= 5  # 😀 🎉 👍 ✅ 👩 💻: outside the fonts or the BMP
    assert "[DE]" in text  # the flag as its country code
    assert "\ufffd" in text  # CJK
    assert "\u200d" not in text and "\x07" not in text
    assert {"😀", "🎉", "✅", "東", "京"} <= set(rendered.substituted)
    assert "Maßgeblich ist der Wortlaut in bewerbung.json" in text.replace("\n", " ")
    assert "(gekürzt; vollständig in bewerbung.json)" in text.replace("\n", " ")
    assert "10.000.000.000.000.000.000.000.000.000.000.000.000.000" in text.replace(
        "\n", ""
    )  # 10**40
    assert "„Anführungszeichen“" in text and "40.000 €" in text and "Übermaß & <Zeichen>" in text
    assert all(r["emb"] == "yes" for r in pdffonts_rows(path))


def test_entwurf_print_has_the_watermark_on_every_page_even_with_errors(tmp_path: Path) -> None:
    draft = example_draft()
    draft.data["kommune"]["ags"] = "123"
    draft.data["erklaerungen"] = {}
    target = export_print(get_form(), draft, tmp_path, now=NOW)
    assert target.name == "ZWK-Entwurf_123_Gemeinde-Lindenhagen-am-See_2021-07-15.pdf"
    assert list(tmp_path.iterdir()) == [target]
    again = export_print(get_form(), draft, tmp_path, now=NOW)
    assert again.name == target.stem + "_2.pdf" and target.is_file()
    pages = tool("pdftotext", target, "-").stdout.split("\f")[:-1]
    assert pages and all("ENTWURF" in page for page in pages)
    assert "nicht signiert" in pages[0]
    assert "Signature #" not in tool("pdfsig", target, check=False).stdout
    assert "☐" in "".join(pages)  # the unconfirmed declarations


def test_section_extras_hook_adds_flowables_to_its_section() -> None:
    from reportlab.platypus import Paragraph

    def chart(spec: Any, data: Mapping[str, Any]) -> list[Paragraph]:
        return [Paragraph(f"Diagramm: {len(data['ausgangslage']['bevoelkerung'])} Jahre")]

    spec = get_form()
    data = normalize(spec, example_draft().data)
    rendered = render_pdf(spec, data, created=NOW, extras={"ausgangslage": chart})
    text = re.sub(r"\s+", " ", _pdf_text(rendered.content))
    ausgangslage = text.index("Demografische Ausgangslage", text.index("3 Strukturelle"))
    assert ausgangslage < text.index("Diagramm: ") < text.index("5 Ziele entlang")


def test_the_population_chart_follows_its_table_by_default() -> None:
    spec = get_form()
    data = normalize(spec, example_draft().data)
    for watermark in (False, True):  # the signed export and the ENTWURF print alike
        text = re.sub(r"\s+", " ", _pdf_text(render_pdf(spec, data, watermark=watermark).content))
        table = text.index("Nr. Jahr Einwohnerzahl 1 2000 3.105")
        chart = text.index("Bevölkerungsentwicklung 2000–2020: −22,1 %")
        words = text.index(
            "Die Einwohnerzahl ist von 2000 bis 2020 um 22,1 % gesunken: von 3.105 auf 2.418 "
            "(−687). Veränderung je Abschnitt: 2000–2010: −12,7 %"
        )
        assert table < chart < words < text.index("Erläuterung der Bevölkerungsentwicklung")
        for pill in ("−12,7 %", "−6,3 %", "−4,8 %"):  # U+2212 as in the words (issue 11)
            assert chart < text.index(pill) < words


def test_number_columns_of_a_table_have_their_headings_over_the_numbers(tmp_path: Path) -> None:
    spec = get_form()
    pdf = tmp_path / "bewerbung.pdf"
    pdf.write_bytes(render_pdf(spec, normalize(spec, example_draft().data)).content)
    words = _words(pdf)
    number = next(w for w in words if w[5] == "3.105")  # the first row of the bevoelkerung table
    head = max(
        (w for w in words if w[5] == "Einwohnerzahl" and w[0] == number[0] and w[2] < number[2]),
        key=lambda w: w[2],
    )
    assert abs(head[3] - number[3]) < 4  # both end at the column's right edge


def test_no_population_chart_below_two_usable_years() -> None:
    spec = get_form()
    data = normalize(spec, example_draft().data)
    rows = data["ausgangslage"]["bevoelkerung"]
    data["ausgangslage"]["bevoelkerung"] = [rows[0], {"jahr": 2010}]
    text = _pdf_text(render_pdf(spec, data).content)
    assert "Bevölkerungsentwicklung 2000" not in text and "Einwohnerzahl ist" not in text
    assert "mindestens zwei Jahre" not in text  # the wizard explains it; the PDF stays silent


def _pdf_text(pdf: bytes) -> str:
    import subprocess

    return subprocess.run(
        ["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()


def test_pdf_shows_every_section_and_the_budget_table() -> None:
    spec = get_form()
    data = normalize(spec, example_draft("landkreis-hohenwald.zwk").data)
    rendered = render_pdf(spec, data, created=NOW)
    text = re.sub(r"\s+", " ", _pdf_text(rendered.content))
    for number, section in enumerate(spec.sections, start=1):
        assert f"{number} {section.title}" in text
    for label in (
        "Summe der Ausgaben",
        "Beantragte Förderung",
        "Höchstbetrag",
        "Verbleibender Spielraum",
    ):
        assert label in text
    assert "Ort, Datum" in text and "Elektronische Signatur" in text
    for konzept in data["netzwerke"].get("konzepte", []):
        assert f" {konzept['jahr']} " in text  # years without a thousands separator
    for row in data["ausgangslage"]["bevoelkerung"]:
        assert f" {row['jahr']} " in text
    assert rendered.signature_place is not None
    assert (
        rendered.signature_place.page == rendered.pages - 1
        or rendered.signature_place.page < rendered.pages
    )
