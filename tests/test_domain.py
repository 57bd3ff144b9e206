"""Domain building blocks: values, paths, German formats, budget, normalising, the data model."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from typing import Any

import pytest
from conftest import EXAMPLE_NAMES, load_example
from hypothesis import given, settings
from hypothesis import strategies as st

from zwk_desktop.domain import formatting
from zwk_desktop.domain.attachments import base64_size, detect_kind
from zwk_desktop.domain.budget import compute_budget, year_cap
from zwk_desktop.domain.datamodel import envelope_model
from zwk_desktop.domain.draft import draft_from_json, empty_data, new_draft, normalize, parse_draft
from zwk_desktop.domain.paths import format_path, get_value, parse_path, set_value, template_path
from zwk_desktop.domain.values import read_dec, read_int, read_money, read_month
from zwk_desktop.formspec import get_form
from zwk_desktop.validation import validate


def test_paths_round_trip() -> None:
    path = "finanzplan.posten[2].betraege.2022"
    assert parse_path(path) == ("finanzplan", "posten", 2, "betraege", "2022")
    assert format_path(parse_path(path)) == path
    assert template_path(path) == "finanzplan.posten[].betraege"
    data: dict[str, Any] = {}
    set_value(data, path, "1.00")
    assert data == {"finanzplan": {"posten": [{}, {}, {"betraege": {"2022": "1.00"}}]}}
    assert get_value(data, path) == "1.00"
    assert get_value(data, "finanzplan.posten[7].betraege") is None


@pytest.mark.parametrize(
    ("raw", "ok", "problem"),
    [("30000.00", Decimal("30000.00"), None), ("0.10", Decimal("0.10"), None),
     ("-1.00", Decimal("-1.00"), None), ("1.005", Decimal("1.005"), "precision"),
     ("1.5", None, "format"), ("1", None, "format"), (1.5, None, "format"),
     ("1,50", None, "format"), (None, None, "format"), (True, None, "format")],
)  # fmt: skip
def test_money_reading(raw: Any, ok: Decimal | None, problem: str | None) -> None:
    parsed = read_money(raw)
    assert parsed.problem == problem
    if ok is not None:
        assert parsed.value == ok


def test_numbers_and_months() -> None:
    assert read_int("1200").value == 1200 and read_int(12.0).value == 12
    assert not read_int(True).ok and not read_int("12a").ok and not read_int(1.5).ok
    assert read_dec(0.5).value == Decimal("0.5") and read_dec("167.2").value == Decimal("167.2")
    assert not read_dec(float("nan")).ok and not read_dec("1,5").ok
    assert read_month("2021-09").ok and not read_month("2021-9").ok and not read_month("2021-00").ok


def test_german_formats() -> None:
    assert formatting.money(Decimal("40000")) == "40.000,00\xa0€"
    assert formatting.number(Decimal("1234.5")) == "1.234,5"
    assert formatting.number(Decimal("0.5"), 2) == "0,50"
    # one sign for negative numbers everywhere: the typographic minus U+2212
    assert formatting.money(Decimal("-1234.5")) == "\u22121.234,50\xa0€"
    assert formatting.number(-31) == "\u221231"
    assert formatting.number(Decimal("-12.7"), 1) == "\u221212,7"
    assert formatting.plain(-5) == "\u22125"
    assert formatting.date("2021-07-20") == "20.07.2021"
    assert formatting.month("2021-09") == "September 2021"
    assert formatting.size(10 * 1024 * 1024) == "10,0 MB"


def test_detect_kind_by_content() -> None:
    assert detect_kind(b"%PDF-1.7 ...") == "pdf"
    assert detect_kind(b"\x89PNG\r\n\x1a\n....") == "png"
    assert detect_kind(b"\xff\xd8\xff\xe0") == "jpeg"
    assert detect_kind(b"GIF89a") is None
    assert detect_kind(b"PK\x03\x04broken zip") is None
    assert base64_size(3) == 6 and base64_size(57) == 78


def test_office_files_are_told_apart(tmp_path: Any) -> None:
    import io
    import zipfile

    def zipped(entries: dict[str, bytes]) -> bytes:
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as z:
            for name, content in entries.items():
                z.writestr(name, content)
        return buf.getvalue()

    odt = zipped({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b""})
    ods = zipped({"mimetype": b"application/vnd.oasis.opendocument.spreadsheet"})
    docx = zipped({"[Content_Types].xml": b"", "word/document.xml": b""})
    xlsx = zipped({"[Content_Types].xml": b"", "xl/workbook.xml": b""})
    assert [detect_kind(x) for x in (odt, ods, docx, xlsx)] == ["odt", None, "docx", None]


def test_budget_of_an_example(spec: Any) -> None:
    budget = compute_budget(spec, load_example("gemeinde-lindenhagen.zwk")["data"])
    assert budget.totals == {"2021": Decimal("7300.00"), "2022": Decimal("27900.00"),
                             "2023": Decimal("17900.00"), "2024": Decimal("7900.00")}  # fmt: skip
    assert budget.headroom["2022"] == Decimal("12100.00")
    assert budget.total == Decimal("61000.00")
    assert budget.first_year_cap == Decimal("13333.33")
    assert budget.headroom["2021"] == Decimal("13333.33") - Decimal("7300.00")
    assert budget.year_caps == {"2021": Decimal("13333.33"), "2022": Decimal("40000.00"),
                                "2023": Decimal("40000.00"), "2024": Decimal("40000.00")}  # fmt: skip
    assert budget.total_cap == Decimal("160000.00")  # the hard limit stays a full cap per year
    assert budget.category_total(["umsetzung"]) == Decimal("20000.00")


def test_year_cap_comes_from_the_policy_of_the_form(spec: Any) -> None:
    policy = spec.policy
    first = year_cap(policy, 2021)
    assert (first.amount, first.months, first.assumed, first.pro_rata) == (
        Decimal("13333.33"), 4, True, True)  # fmt: skip
    assert year_cap(policy, "2022").amount == Decimal("40000.00")
    assert not year_cap(policy, "2022").assumed

    # the months are configurable in the form: six months, documented, give half the cap
    def with_months(months: tuple[int, ...], status: str) -> Any:
        first_year = policy.first_year_months.model_copy(update={"value": months, "status": status})
        return policy.model_copy(update={"first_year_months": first_year})

    six = with_months((7, 8, 9, 10, 11, 12), "D")
    assert (year_cap(six, "2021").amount, year_cap(six, "2021").assumed) == (
        Decimal("20000.00"),
        False,
    )
    whole = with_months(tuple(range(1, 13)), "I")
    assert year_cap(whole, "2021").amount == Decimal("40000.00")
    assert not year_cap(whole, "2021").pro_rata


def test_new_draft_has_the_fixed_steps_and_reads_back(spec: Any) -> None:
    draft = new_draft(spec)
    again = parse_draft(draft.to_bytes())
    assert again.data == draft.data == empty_data(spec)
    assert again.meta["created"].endswith("Z")


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_examples_are_normal_and_match_the_generated_model(spec: Any, name: str) -> None:
    envelope = load_example(name)
    assert normalize(spec, envelope["data"]) == envelope["data"]
    assert list(normalize(spec, envelope["data"])) == list(envelope["data"])
    envelope_model(spec).model_validate(envelope)  # raises on any mismatch


def test_normalize_drops_blanks_and_orders_keys(spec: Any) -> None:
    data = {"unterschrift": {"datum": "2021-07-01", "ort": " ", "in_vertretung": False},
            "kommune": {"name": "X", "raumtyp": None}, "extra": 1}  # fmt: skip
    assert json.dumps(normalize(spec, data)) == json.dumps(
        {
            "kommune": {"name": "X"},
            "unterschrift": {"datum": "2021-07-01", "in_vertretung": False},
            "extra": 1,
        }
    )


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4)
    ),
    max_leaves=25,
)


@settings(max_examples=300, deadline=None)
@given(section=st.sampled_from(["kommune", "kontakte", "ausgangslage", "massnahmen", "finanzplan",
                                "anlagen", "erklaerungen"]),
       key=st.text(max_size=20), value=json_values)  # fmt: skip
def test_any_value_anywhere_gives_findings_never_an_exception(
    section: str, key: str, value: Any
) -> None:
    spec = get_form()
    envelope = load_example("gemeinde-lindenhagen.zwk")
    target = envelope["data"][section]
    if isinstance(target, dict):
        field = key if key in target or not target else sorted(target)[len(key) % len(target)]
        target[field] = value
    else:
        target.append(value)
    draft = draft_from_json(envelope)
    report = validate(spec, draft.data, draft.file_infos)
    known = set(spec.rule_codes) | {"required", "recommended_missing", "max_length", "min_length",
                                    "format", "range", "choice_invalid", "min_items", "max_items",
                                    "unknown_field"}  # fmt: skip
    for finding in report.findings:
        assert finding.code in known
        # no placeholder left unfilled (braces that come from the data itself are fine)
        leftovers = set(re.findall(r"\{\w+\}", finding.message)) - set(
            re.findall(r"\{\w+\}", json.dumps(finding.params, ensure_ascii=False))
        )
        assert finding.message and not leftovers, finding.message
        json.dumps(finding.to_json())


def test_a_superscript_digit_as_key_is_a_finding_not_a_crash() -> None:
    # found by hypothesis: "¹".isdigit() is true, but int("¹") fails
    spec = get_form()
    envelope = load_example("gemeinde-lindenhagen.zwk")
    envelope["data"]["kommune"]["anschrift"]["¹"] = "x"
    draft = draft_from_json(envelope)
    report = validate(spec, draft.data, draft.file_infos)
    assert ("unknown_field", "kommune.anschrift.¹") in {(f.code, f.path) for f in report.findings}


def test_huge_numbers_are_formatted_not_a_crash() -> None:
    # found by hypothesis: babel's quantizing ran out of the default 28 digits of precision
    assert formatting.number(1e25) == "10.000.000.000.000.000.000.000.000"
    assert formatting.number(Decimal("1E+300")).startswith("1.000.000")
    assert formatting.number(Decimal("123456789012345678901234567890.5"), 1).endswith(",5")


@pytest.mark.parametrize(
    ("name", "art", "genitive_form", "short"),
    [
        ("Gemeinde Lindenhagen am See", "gemeinde", "der Gemeinde Lindenhagen am See", "Lindenhagen am See"),
        ("Landkreis Hohenwald", "landkreis", "des Landkreises Hohenwald", "Hohenwald"),
        ("Städteverbund Oberes Tal", "zusammenschluss", "des Städteverbunds Oberes Tal", "Oberes Tal"),
        ("Stadt Prenzlau", "kreisangehoerige_stadt", "der Stadt Prenzlau", "Prenzlau"),
        ("Uckerland", "gemeinde", "der Gemeinde Uckerland", "Uckerland"),
        ("Rhein-Sieg-Kreis", "landkreis", "des Rhein-Sieg-Kreises", "Rhein-Sieg-Kreis"),
        ("München, Landeshauptstadt", "kreisfreie_stadt", "der Landeshauptstadt München", "München"),
        ("Amt Gramzow", "zusammenschluss", "des Amtes Gramzow", "Gramzow"),
    ],
)  # fmt: skip
def test_the_kommune_in_the_genitive_with_the_article_of_its_designation(
    name: str, art: str, genitive_form: str, short: str
) -> None:
    from zwk_desktop.domain.designation import genitive, short_name

    assert genitive(name, art) == genitive_form
    assert short_name(name) == short


def test_signatory_names_are_compared_as_people_write_them() -> None:
    from zwk_desktop.domain.signatory import check_signer, matching_first, same_person

    assert same_person("Dr. Matthias Kühnel", "Kuehnel, Matthias")
    assert same_person("katrin  WENDLAND", "Katrin Wendland")
    assert not same_person("Katrin Wendland", "Uwe Lichtenberger")
    assert not same_person("", "")
    data = load_example("staedteverbund-oberes-tal.zwk")["data"]
    refused = check_signer(data, "Katrin Wendland", "Gemeinde Lindenhagen am See")
    assert not refused.matches
    assert "Katrin Wendland" in refused.problem and "Uwe Lichtenberger" in refused.problem
    other_kommune = check_signer(data, "Uwe Lichtenberger", "Stadt Altenbrück")
    assert other_kommune.matches and "Stadt Altenbrück" in other_kommune.warnings[0]
    assert check_signer(data, "Uwe Lichtenberger", "Städteverbund Oberes Tal").warnings == ()
    people = [
        ("Katrin Wendland", "Gemeinde Lindenhagen am See"),
        ("Uwe Lichtenberger", "Stadt Altenbrück"),
        ("Uwe Lichtenberger", "Städteverbund Oberes Tal"),
    ]
    ordered = matching_first(people, data, lambda p: p[0], lambda p: p[1])
    assert ordered == [people[2], people[1], people[0]]
