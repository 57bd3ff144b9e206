"""The population development without Qt (% change, words, chart plan) and as a reportlab
Drawing in a real PDF, checked with poppler (pdftotext, pdffonts, pdftoppm)."""

from __future__ import annotations

import subprocess
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from conftest import load_example

from zwk_desktop.domain.population import (
    chart_plan,
    development,
    nice_ticks,
    percent_text,
    summary,
    visible_labels,
)
from zwk_desktop.services.population_pdf import LINE, population_drawing

DEJAVU = Path("/usr/share/fonts/truetype/dejavu")  # Debian fonts-dejavu-core (Makefile DEB_TEST)


def rows(example: str = "gemeinde-lindenhagen.zwk") -> list[dict[str, Any]]:
    result: list[dict[str, Any]] = load_example(example)["data"]["ausgangslage"]["bevoelkerung"]
    return result


def test_change_first_to_last_and_per_step() -> None:
    dev = development(rows())
    assert [(p.year, p.value) for p in dev.points] == [
        (2000, 3105), (2010, 2712), (2015, 2540), (2020, 2418)
    ]  # fmt: skip
    assert dev.total is not None
    assert (dev.total.absolute, dev.total.percent) == (-687, Decimal("-22.1"))
    assert [(s.years, s.percent) for s in dev.steps] == [
        ("2000–2010", Decimal("-12.7")), ("2010–2015", Decimal("-6.3")),
        ("2015–2020", Decimal("-4.8")),
    ]  # fmt: skip
    assert [percent_text(s) for s in dev.steps] == ["−12,7 %", "−6,3 %", "−4,8 %"]


def test_rows_are_sorted_and_incomplete_or_repeated_ones_left_out() -> None:
    dev = development([
        {"jahr": 2020, "einwohner": 110}, {"jahr": 2010, "einwohner": "100"},
        {"jahr": 2010, "einwohner": 999}, {"jahr": None, "einwohner": 5},
        {"jahr": 2015, "einwohner": True}, {"jahr": 2016, "einwohner": 1.5},
        {"jahr": 2017}, "2018: 120", {"jahr": 2019, "einwohner": -3},
    ])  # fmt: skip
    assert [(p.year, p.value) for p in dev.points] == [(2010, 100), (2020, 110)]
    assert summary(dev) == (
        "Die Einwohnerzahl ist von 2010 bis 2020 um 10,0 % gestiegen: von 100 auf 110 (+10)."
    )


@pytest.mark.parametrize(
    ("values", "words"),
    [
        ([(2010, 500), (2020, 500)], "Die Einwohnerzahl ist von 2010 bis 2020 mit 500 gleich geblieben."),
        ([(2010, 0), (2020, 40)], "gestiegen (in Prozent nicht berechenbar, da sie 2010 0 war): von 0 auf 40 (+40)."),
        ([(1995, 103420), (2005, 95160), (2020, 84213)], "um 18,6 % gesunken: von 103.420 auf 84.213 (−19.207). Veränderung je Abschnitt: 1995–2005: −8,0 %; 2005–2020: −11,5 %."),
        ([(2019, 1000)], "Für ein Diagramm der Bevölkerungsentwicklung sind mindestens zwei Jahre mit Einwohnerzahl nötig."),
    ],
)  # fmt: skip
def test_summary_in_words(values: list[tuple[int, int]], words: str) -> None:
    dev = development({"jahr": y, "einwohner": v} for y, v in values)
    assert summary(dev).endswith(words)


def test_chart_plan_puts_years_in_proportion_and_values_within_the_ticks() -> None:
    plan = chart_plan(development(rows()))
    assert plan is not None
    assert plan.title == "Bevölkerungsentwicklung 2000–2020: −22,1 %"
    assert [p.x for p in plan.points] == [0.0, 0.5, 0.75, 1.0]
    assert all(0 < p.y < 1 for p in plan.points)
    # the axis starts at 0, so that a decline of a fifth does not look like a collapse
    assert [t.label for t in plan.ticks] == ["0", "1.000", "2.000", "3.000", "4.000"]
    assert plan.ticks[0].y == 0.0
    assert min(p.y for p in plan.points) > 0.5  # 2.418 of at most 4.000
    assert [(s.x, s.text, s.decline) for s in plan.steps] == [
        (0.25, "−12,7 %", True), (0.625, "−6,3 %", True), (0.875, "−4,8 %", True)
    ]  # fmt: skip
    assert chart_plan(development([{"jahr": 2020, "einwohner": 1}])) is None


@pytest.mark.parametrize("values", [[(2000, 3105), (2020, 2418)], [(1995, 103420), (2020, 84213)],
                                    [(2010, 500), (2020, 500)], [(2010, 0), (2020, 40)]])  # fmt: skip
def test_the_chart_axis_always_starts_at_zero(values: list[tuple[int, int]]) -> None:
    plan = chart_plan(development({"jahr": y, "einwohner": v} for y, v in values))
    assert plan is not None
    assert plan.ticks[0].value == 0
    assert max(p.value for p in plan.points) <= plan.ticks[-1].value


@pytest.mark.parametrize(
    ("low", "high", "ticks"),
    [(0, 3, [0, 1, 2, 3]), (99, 101, [99, 100, 101]), (81813, 105820, [80000, 90000, 100000, 110000]),
     (2418, 2418, [2400, 2500, 2600, 2700]), (2417, 2419, [2417, 2418, 2419]), (0, 4_000_000, [0, 1_000_000, 2_000_000, 3_000_000, 4_000_000])],
)  # fmt: skip
def test_nice_ticks(low: int, high: int, ticks: list[int]) -> None:
    assert nice_ticks(low, high) == ticks


def test_crowded_labels_are_thinned_but_first_and_last_stay() -> None:
    assert visible_labels([0, 10, 20, 100], [30, 30, 30, 30]) == [True, False, False, True]
    assert visible_labels([0, 50, 100], [30, 30, 30]) == [True, True, True]
    assert visible_labels([], []) == []


# --------------------------------------------------------------------------- in a PDF


def build_pdf(path: Path, dev_rows: list[dict[str, Any]], font: str, bold: str) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import cm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    dev = development(dev_rows)
    style = ParagraphStyle("text", fontName=font, fontSize=9, leading=12)
    doc = SimpleDocTemplate(str(path), pagesize=A4, lang="de-DE", title="Diagramm")
    doc.build([
        Paragraph("4. Demografische Ausgangslage", ParagraphStyle("h", fontName=bold, fontSize=12)),
        Spacer(1, 8),
        population_drawing(dev, 16 * cm, 7 * cm, font_name=font, bold_font_name=bold),
        Spacer(1, 6),
        Paragraph(summary(dev), style),
    ])  # fmt: skip


@pytest.fixture
def dejavu() -> tuple[str, str]:
    from reportlab import rl_config
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(TTFont("DejaVuSans", str(DEJAVU / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont("DejaVuSans-Bold", str(DEJAVU / "DejaVuSans-Bold.ttf")))
    before = rl_config.canvas_basefontname
    rl_config.canvas_basefontname = "DejaVuSans"  # no unembedded Helvetica in the file
    yield "DejaVuSans", "DejaVuSans-Bold"
    rl_config.canvas_basefontname = before


def run(*args: str | Path) -> str:
    return subprocess.run(
        [str(a) for a in args], capture_output=True, text=True, check=True, timeout=60
    ).stdout


def test_the_chart_is_in_the_pdf_with_its_change(tmp_path: Path, dejavu: tuple[str, str]) -> None:
    pdf = tmp_path / "diagramm.pdf"
    build_pdf(pdf, rows(), *dejavu)
    text = run("pdftotext", "-layout", pdf, "-")
    assert "Bevölkerungsentwicklung 2000–2020: −22,1 %" in text
    for label in ("3.105", "2.418", "2010", "2015", "−12,7 %", "−6,3 %", "−4,8 %", "Einwohner"):
        assert label in text, label
    assert "um 22,1 % gesunken" in text
    fonts = run("pdffonts", pdf).splitlines()[2:]
    assert fonts and all(line.split()[-5] == "yes" for line in fonts), fonts  # all embedded
    run("pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", pdf, tmp_path / "seite")
    from PIL import Image

    with Image.open(tmp_path / "seite-1.png") as page:
        rgb = page.convert("RGB")
        target = tuple(int(LINE[i : i + 2], 16) for i in (1, 3, 5))
        raw = rgb.tobytes()
        pixels = (raw[i : i + 3] for i in range(0, len(raw), 3))
        hits = sum(
            1 for px in pixels if all(abs(c - t) < 40 for c, t in zip(px, target, strict=True))
        )
    assert hits > 50  # the line is drawn on the rendered page


def test_with_a_standard_font_the_minus_is_an_en_dash(tmp_path: Path) -> None:
    pdf = tmp_path / "helvetica.pdf"
    build_pdf(pdf, rows(), "Helvetica", "Helvetica-Bold")
    text = run("pdftotext", "-layout", pdf, "-")
    assert "Bevölkerungsentwicklung 2000–2020: –22,1 %" in text and "–12,7 %" in text


def test_without_two_years_the_drawing_says_why() -> None:
    drawing = population_drawing(development([{"jahr": 2020, "einwohner": 10}]))
    assert drawing.height < 30
    assert "mindestens zwei Jahre" in drawing.contents[0].text
