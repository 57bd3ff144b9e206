"""What the ministry prints: data values exact in the PDF, prose hyphenated at German syllables,
one minus sign, the signatory's function by Anrede, the pro-rata cap of the first year
(issue 11). The PDF is read back with poppler's pdftotext, as a reviewer's tools would."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import re
import subprocess
from collections.abc import Mapping
from typing import Any

import pyphen
import pytest
from export_helpers import example_draft
from stress_draft import LONG_EMAILS, stress_draft

from zwk_desktop.domain.draft import Draft, normalize
from zwk_desktop.formspec import get_form
from zwk_desktop.services import naming
from zwk_desktop.services.pdf import render_pdf
from zwk_desktop.services.pdf_breaks import data_lines, keep_together, prose_lines

NOW = dt.datetime(2021, 7, 15, 10, 30, tzinfo=dt.timezone(dt.timedelta(hours=2)))
EXAMPLES = ("gemeinde-lindenhagen.zwk", "landkreis-hohenwald.zwk", "staedteverbund-oberes-tal.zwk")


def pdf_text(pdf: bytes, *args: str) -> str:
    """pdftotext in content-stream order (-raw keeps a table cell's lines together)."""
    return subprocess.run(
        ["pdftotext", "-raw", *args, "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()


def render(data: Mapping[str, Any], watermark: bool = False) -> bytes:
    spec = get_form()
    return render_pdf(spec, normalize(spec, dict(data)), created=NOW, watermark=watermark).content


@pytest.fixture(scope="module")
def example_texts() -> dict[str, str]:
    return {name: pdf_text(render(example_draft(name).data)) for name in EXAMPLES}


def test_the_first_year_row_of_the_finance_table_uses_the_pro_rata_cap(
    example_texts: dict[str, str],
) -> None:
    text = example_texts["gemeinde-lindenhagen.zwk"]
    caps = re.search(r"^Höchstbetrag (.*)$", text, re.MULTILINE)
    headroom = re.search(r"^Verbleibender Spielraum (.*)$", text, re.MULTILINE)
    assert caps and headroom, text
    # 2021: 4 of 12 months of 40.000 €; requested 7.300 € in 2021, 61.000 € in all
    amounts = r"[\d.]+,\d\d €\*?"
    assert re.findall(amounts, caps.group(1)) == [
        "13.333,33 €*", "40.000,00 €", "40.000,00 €", "40.000,00 €", "133.333,33 €"]  # fmt: skip
    assert re.findall(amounts, headroom.group(1)) == [
        "6.033,33 €", "12.100,00 €", "22.100,00 €", "32.100,00 €", "72.333,33 €"]  # fmt: skip
    assert "Annahme" in text.split("Verbleibender Spielraum", 1)[1][:600]


def hvb_function(text: str) -> str:
    """The Funktion printed in the block of the Hauptverwaltungsbeamtin/-beamter."""
    block = text.split("Hauptverwaltungsbeamtin oder Hauptverwaltungsbeamter", 1)[1]
    found = re.search(r"^Funktion (.*)$", block, re.MULTILINE)
    assert found, block[:500]
    return found.group(1)


def test_the_signatorys_function_is_printed_in_the_form_of_the_anrede(
    example_texts: dict[str, str],
) -> None:
    assert hvb_function(example_texts["gemeinde-lindenhagen.zwk"]) == "Bürgermeisterin"
    assert hvb_function(example_texts["landkreis-hohenwald.zwk"]) == "Landrat"
    assert hvb_function(example_texts["staedteverbund-oberes-tal.zwk"]) == "Verbandsvorsitzender"
    data = example_draft("landkreis-hohenwald.zwk").data
    data["kontakte"]["hvb"]["anrede"] = "keine"
    assert hvb_function(pdf_text(render(data))) == "Landrätin / Landrat"
    data["kontakte"]["hvb"]["anrede"] = "frau"
    assert hvb_function(pdf_text(render(data))) == "Landrätin"


NEGATIVE_WITHOUT_MINUS = re.compile(r"(?:^|[\s(;:])[-\u2013]\d")
"""A hyphen-minus or en dash as the sign of a number ("-31", "–22,1 %"); a range such as
"2000–2010" or a phone number "402-17" has a digit before its dash and does not count."""


@pytest.mark.parametrize("name", EXAMPLES)
def test_negative_numbers_have_one_sign_and_yes_no_one_form(
    example_texts: dict[str, str], name: str
) -> None:
    text = example_texts[name]
    assert not NEGATIVE_WITHOUT_MINUS.findall(text), NEGATIVE_WITHOUT_MINUS.findall(text)
    assert not re.findall(r"(?m)\b(?:ja|nein)$", text)  # values print "Ja" and "Nein"


def test_the_chart_and_the_tables_use_the_typographic_minus(
    example_texts: dict[str, str],
) -> None:
    text = example_texts["gemeinde-lindenhagen.zwk"]
    assert "Natürlicher Saldo (Personen je Jahr) \u221231" in text
    assert "Bevölkerungsentwicklung 2000–2020: \u221222,1 %" in text  # the chart's title
    assert "\u221212,7 % \u22126,3 % \u22124,8 %" in text  # the chart's steps
    assert re.search(r"(?m)^Strukturschwache Region Ja$", text)
    data = example_draft().data
    data["finanzplan"]["posten"][0]["betraege"]["2022"] = "-100.00"
    assert "\u2212100,00 €" in pdf_text(render(data))


# --------------------------------------------------------------------------- breaking rules


def measure(text: str) -> float:
    """A stand-in for a font: every character 5 points wide."""
    return 5.0 * len(text)


HASH = "bf8d620a7e1bff2716510ecac5a1b57f2dd6c0809ef0a60b4d8ac53292ca9c7f"
FILE = "ZWK-Bewerbung_12073999_Lindenhagen-am-See_Anlage-01_Beschluss-der-Gemeindevertretung.pdf"
EMAIL = "koordination.demografie@gemeinde-lindenhagen-am-see.brandenburg.de"


@pytest.mark.parametrize("value", [HASH, FILE, EMAIL, "anlagen/01_Beschluss.pdf", "12073999"])
@pytest.mark.parametrize("width", [40.0, 63.0, 100.0, 151.0, 400.0])
def test_a_data_value_breaks_only_at_safe_points_and_joins_back_exactly(
    value: str, width: float
) -> None:
    lines = data_lines(value, width, measure)
    assert "".join(lines) == value
    assert all(measure(line) <= width for line in lines)
    for line, following in itertools.pairwise(lines):
        assert not line.endswith("-")  # never a hyphen at a line end: not even one of the value
        if value == HASH or line[-1] in "/_" or following[0] in "-.@":
            continue  # a safe point (in a hash, anywhere)
        # elsewhere only where the line offered no safe point at all
        assert not any(c in "/_" for c in line[:-1]), (line, following)
        assert not any(c in "-.@" for c in line[1:]), (line, following)


def test_a_hash_fills_its_lines_and_a_short_value_stays_whole() -> None:
    assert data_lines(HASH, 160.0, measure) == [HASH[:32], HASH[32:]]
    assert data_lines("24.06.2021", 400.0, measure) == ["24.06.2021"]
    # hardly anything fits beside a label: the value starts on a fresh line
    assert data_lines(HASH, 320.0, measure, first=15.0) == ["", HASH]


def test_abbreviations_numbers_and_units_keep_a_non_breaking_space() -> None:
    text = keep_together("Heimatverein e. V., z. B. Nr. 5 nach § 23 BHO, 40.000 € und 22,1 %")
    assert text == (
        "Heimatverein e.\xa0V., z.\xa0B. Nr.\xa05 nach §\xa023 BHO, 40.000\xa0€ und 22,1\xa0%"
    )
    assert keep_together("Ende des Satzes. Dann weiter.") == "Ende des Satzes. Dann weiter."


def test_a_data_token_too_wide_for_its_line_stands_on_lines_of_its_own() -> None:
    text = prose_lines(f"Kontakt: {EMAIL}; danke.", 120.0, measure)
    lines = text.split("\n")
    assert lines[0] == "Kontakt:"
    assert "".join(lines[1:]).endswith("; danke.")
    assert "".join(lines[1:]).startswith(EMAIL)
    assert prose_lines("Kurz und gut.", 20.0, measure) == "Kurz und gut."


# --------------------------------------------------------------------------- whole documents

EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def printed(draft: Draft) -> tuple[bytes, list[str]]:
    """The PDF of a draft and the data values it must print exactly: every attachment's hash
    and file name in the package, every e-mail address of the data."""
    spec = get_form()
    data = normalize(spec, draft.data)
    paths = naming.attachment_paths(spec, data, draft.files)
    pdf = render_pdf(spec, data, attachment_paths=paths, created=NOW).content
    values = [a["sha256"] for a in data.get("anlagen", [])] + paths
    values += EMAIL_RE.findall(json.dumps(data, ensure_ascii=False))
    return pdf, values


DRAFTS = {**{name: lambda n=name: example_draft(n) for name in EXAMPLES}, "stress": stress_draft}


@pytest.fixture(scope="module", params=sorted(DRAFTS))
def document(request: pytest.FixtureRequest) -> tuple[str, bytes, list[str]]:
    pdf, values = printed(DRAFTS[request.param]())
    return request.param, pdf, values


@pytest.mark.parametrize("mode", [["-raw"], []])
def test_every_hash_file_name_and_e_mail_address_is_printed_unbroken(
    document: tuple[str, bytes, list[str]], mode: list[str]
) -> None:
    name, pdf, values = document
    text = subprocess.run(
        ["pdftotext", *mode, "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()
    joined = re.sub(r"\n", "", text)  # line ends joined
    assert len(values) >= 4
    missing = [v for v in values if v not in joined]
    assert not missing, (name, missing)


def test_the_stress_draft_breaks_long_values_and_still_prints_them_exactly() -> None:
    pdf, values = printed(stress_draft())
    text = pdf_text(pdf)
    assert len(values) > 60
    # too wide for the column of the contacts: broken, at safe points only
    assert LONG_EMAILS[0] not in text and LONG_EMAILS[0] in text.replace("\n", "")
    assert not re.search(r"(?m)[\w.]@[\w.-]*-$", text)  # no address line ends with a hyphen


def test_prose_is_hyphenated_at_german_syllables_only(
    document: tuple[str, bytes, list[str]],
) -> None:
    name, pdf, _ = document
    text = pdf_text(pdf)
    source = json.dumps(DRAFTS[name]().data, ensure_ascii=False)
    dictionary = pyphen.Pyphen(lang="de_DE")
    breaks = re.findall(r"(\w+)-\n(\w+)", text)
    assert breaks or name == "staedteverbund-oberes-tal.zwk"
    for head, tail in breaks:
        if f"{head}-{tail}" in source:  # a hyphen of the text itself
            continue
        word = head + tail
        assert len(head) in dictionary.positions(word), (head, tail)
    # never split inside a word without a hyphen, never between "e." and "V."
    assert not re.search(r"(?m)Ki\nrchengemeinde|\be\.$\n^V\.", text)
    flowing = re.sub(r"-\n(?=[a-zäöüß])", "", text).replace("\n", " ")
    if name == "gemeinde-lindenhagen.zwk":
        assert "Evangelische Kirchengemeinde" in flowing
        assert "Heimatverein Lindenhagen e. V." in flowing
