"""What the ministry prints: data values exact in the PDF, prose hyphenated at German syllables,
one minus sign, the signatory's function by Anrede, the pro-rata cap of the first year
(issue 11). The PDF is read back with poppler's pdftotext, as a reviewer's tools would."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from collections.abc import Mapping
from typing import Any

import pytest
from export_helpers import example_draft

from zwk_desktop.domain.draft import normalize
from zwk_desktop.formspec import get_form
from zwk_desktop.services.pdf import render_pdf

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
