"""The form definition: the real form loads, and broken form files fail with file, key and line."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT

from zwk_desktop.formspec import FormSpecError, available_forms, get_form, load_form, load_form_text
from zwk_desktop.formspec.models import FormSpec

FORM_FILE = ROOT / "forms" / "zwk-2021.yaml"
FORM_TEXT = FORM_FILE.read_text(encoding="utf-8")


def broken(old: str, new: str, count: int = 1) -> FormSpecError:
    assert old in FORM_TEXT, old
    text = FORM_TEXT.replace(old, new, count)
    with pytest.raises(FormSpecError) as info:
        load_form_text(text, "forms/kaputt.yaml")
    return info.value


def line_of(snippet: str) -> int:
    return FORM_TEXT[: FORM_TEXT.index(snippet)].count("\n") + 1


def test_the_form_loads_with_everything_of_fields_md() -> None:
    spec = load_form(FORM_FILE)
    assert [s.id for s in spec.sections] == [
        "kommune", "kontakte", "voraussetzungen", "ausgangslage", "ziele", "netzwerke",
        "massnahmen", "beteiligung", "finanzplan", "erklaerungen", "unterschrift", "anlagen",
    ]  # fmt: skip
    policy = spec.policy
    assert str(policy.cap_per_year.value) == "40000.00"
    assert policy.years.value == (2021, 2022, 2023, 2024)
    assert policy.first_year_months.value == (9, 10, 11, 12)
    assert policy.deadline.value.isoformat() == "2021-07-20"
    assert (policy.term_start.value, policy.term_end.value) == ("2021-09", "2024-12")
    assert policy.recipient.value == "zwk@bmfsfj.bund.de"
    assert policy.attachment_max_bytes.value == 10 * 1024 * 1024
    assert policy.mail_warning_bytes.value == 10 * 1024 * 1024
    assert policy.mail_max_bytes.value == 20 * 1024 * 1024
    assert spec.field("kommune.art").choice_codes == (
        "quartier", "kreisfreie_stadt", "kreisangehoerige_stadt", "gemeinde", "landkreis",
        "zusammenschluss",
    )  # fmt: skip
    assert spec.field("voraussetzungen.mitwirkung").min_items == 6
    assert spec.field("massnahmen.zeitplan[].schritt").choice_codes == (
        "kickoff", "kommunalprofil", "zukunftswerkstatt", "werkstattplan", "zwischenbilanz",
    )  # fmt: skip
    assert spec.field("finanzplan.posten[].betraege").item_type == "money"
    assert spec.field("anlagen[].sha256").pattern[0].regex == "^[0-9a-f]{64}$"


def test_every_field_and_rule_has_status_label_and_help() -> None:
    spec = get_form()
    for path, field in spec.fields_by_path.items():
        assert field.status in ("D", "E", "I"), path
        assert field.label.strip() and field.help.strip(), path
    for rule in spec.rules:
        assert rule.status in ("D", "E", "I")
        assert rule.message.strip()
        if rule.source is not None:
            assert rule.source in spec.sources


def test_inferred_policy_values_are_marked() -> None:
    policy = get_form().policy
    assert policy.first_year_months.status == "I"
    assert policy.cap_per_year.status == "D"
    assert policy.deadline.status == "D"


def test_the_form_is_found_by_id() -> None:
    assert ("zwk-2021", "") in available_forms()
    assert get_form("zwk-2021", "1").id == "zwk-2021"
    with pytest.raises(KeyError):
        get_form("zwk-1999")


def test_unknown_key_names_file_key_and_line() -> None:
    err = broken("        max_length: 150\n        required: true\n        label: Offizieller Name",
                 "        maxlength: 150\n        required: true\n        label: Offizieller Name")  # fmt: skip
    assert len(err.problems) == 1
    problem = err.problems[0]
    assert problem.loc == ("sections", 0, "fields", 0, "maxlength")
    assert problem.line == line_of(
        "        max_length: 150\n        required: true\n        label: Offizieller Name"
    )
    text = str(err)
    assert "forms/kaputt.yaml" in text and "maxlength" in text and "unbekannter Schlüssel" in text
    assert f"Zeile {problem.line}" in text


def test_duplicate_field_id() -> None:
    err = broken("      - id: quartier_name\n", "      - id: name\n")
    assert any("'name' ist doppelt vergeben" in p.message for p in err.problems)
    assert err.problems[0].line == line_of("      - id: quartier_name\n")


def test_duplicate_yaml_key() -> None:
    err = broken("        type: text\n        max_length: 150\n        required: true\n        label: Offizieller",
                 "        type: text\n        type: long\n        max_length: 150\n        required: true\n        label: Offizieller")  # fmt: skip
    assert "doppelt" in err.problems[0].message
    assert err.problems[0].loc[-1] == "type"


def test_condition_naming_a_missing_field() -> None:
    err = broken(
        "when: {field: kommune.art, equals: quartier}",
        "when: {field: kommune.typ, equals: quartier}",
    )
    problem = err.problems[0]
    assert "kommune.typ" in problem.message and problem.loc[-2:] == ("when", "field")
    assert problem.line == line_of("when: {field: kommune.art, equals: quartier}")


def test_condition_with_a_value_outside_the_choices() -> None:
    err = broken(
        "when: {field: kommune.art, equals: quartier}",
        "when: {field: kommune.art, equals: stadtteil}",
    )
    assert "'stadtteil' ist keine Auswahl" in err.problems[0].message


def test_rule_naming_a_missing_field() -> None:
    err = broken("params: {path: kommune.einwohner, min: 100, max: 4000000}",
                 "params: {path: kommune.einwohnerzahl, min: 100, max: 4000000}")  # fmt: skip
    assert "kommune.einwohnerzahl" in err.problems[0].message
    assert err.problems[0].loc[:1] == ("rules",)


def test_default_outside_choices() -> None:
    err = broken("      - id: raumtyp\n        type: choice\n",
                 "      - id: raumtyp\n        type: choice\n        default: urban\n")  # fmt: skip
    assert "Vorgabewert 'urban'" in err.problems[0].message
    assert err.problems[0].loc[-1] == "default"


def test_unknown_rule_kind() -> None:
    err = broken("kind: plausible_range", "kind: plausibility")
    assert "unbekannte Regelart" in err.problems[0].message


def test_undeclared_code_override() -> None:
    err = broken(
        "codes: {min_items: commitments_incomplete}", "codes: {min_items: commitments_missing}"
    )
    assert "commitments_missing" in err.problems[0].message


def test_invalid_regex() -> None:
    err = broken("regex: '^\\d{5}$'", "regex: '^\\d{5$('")
    assert "regulärer Ausdruck" in err.problems[0].message


def test_missing_required_key() -> None:
    err = broken("        label: Offizieller Name der Kommune\n", "")
    assert err.problems[0].message == "Pflichtangabe fehlt"
    assert err.problems[0].loc[-1] == "label"


def test_wrong_type_of_value() -> None:
    err = broken("    value: 10485760\n    status: I\n    source: bundespraxis\n    note: Höchstens",
                 "    value: zehn\n    status: I\n    source: bundespraxis\n    note: Höchstens")  # fmt: skip
    assert err.problems[0].loc == ("policy", "attachment_max_bytes", "value")
    assert "ganze Zahl" in err.problems[0].message


def test_unknown_source() -> None:
    err = broken("    source: aufruf\n    note: Bis zu", "    source: flyer\n    note: Bis zu")
    assert "unbekannte Quelle 'flyer'" in err.problems[0].message


def test_missing_generic_message() -> None:
    err = broken("  range: „{label}“", "  rangee: „{label}“")
    messages = " ".join(p.message for p in err.problems)
    assert "'range' fehlt" in messages


def test_not_yaml_and_empty() -> None:
    with pytest.raises(FormSpecError) as info:
        load_form_text("id: [unclosed", "x.yaml")
    assert "kein gültiges YAML" in str(info.value)
    with pytest.raises(FormSpecError) as info:
        load_form_text("", "x.yaml")
    assert "leer" in str(info.value)


def test_file_not_utf8(tmp_path: Path) -> None:
    bad = tmp_path / "latin1.yaml"
    bad.write_bytes("id: zwk\ntitle: Bewerbungsbogen für Kommunen\n".encode("latin-1"))
    with pytest.raises(FormSpecError) as info:
        load_form(bad)
    assert "UTF-8" in str(info.value)


def test_adding_a_field_is_an_edit_to_the_form_file_only() -> None:
    """A new field in the YAML appears in the data model and the validation without code."""
    from zwk_desktop.domain.datamodel import application_model
    from zwk_desktop.validation import validate

    text = FORM_TEXT.replace(
        "      - id: raumtyp\n",
        "      - id: partnerstadt\n        type: text\n        max_length: 20\n        required: true\n"
        "        label: Partnerstadt\n        help: Eine Partnerstadt.\n        status: I\n"
        "      - id: raumtyp\n",
        1,
    )
    spec = load_form_text(text, "neu.yaml")
    assert (
        "partnerstadt"
        in application_model(spec).model_fields["kommune"].annotation.__args__[0].model_fields
    )  # type: ignore[union-attr]
    report = validate(spec, {"kommune": {"partnerstadt": "x" * 21}})
    assert ("max_length", "kommune.partnerstadt") in {(f.code, f.path) for f in report.findings}


@pytest.mark.parametrize(
    ("old", "new", "where", "message"),
    [
        ("    plz: kommune.anschrift.plz\n", "    plz: kommune.anschrift.postleitzahl\n",
         "directory.fields.plz", "das Feld 'kommune.anschrift.postleitzahl' gibt es"),
        ('    "61": kreisfreie_stadt\n', '    "61": grossstadt\n', "directory.art.61",
         "'grossstadt' ist keine Auswahl"),
        ("  keep_art: [quartier]\n", "  keep_art: [stadtteil]\n", "directory.keep_art[0]",
         "'stadtteil' ist keine Auswahl"),
        ("    einwohner: einwohner\n    when:", "    einwohner: bewohner\n    when:",
         "directory.members", "die Liste 'kommune.mitglieder' hat kein Feld 'bewohner'"),
        ('params: {ags: "kommune.mitglieder[].ags", name: "kommune.mitglieder[].name"}',
         'params: {ags: "kommune.mitglieder[].ags", name: kommune.name}',
         "params.name", "Name und Schlüssel müssen in derselben Liste liegen"),
        ("params: {ags: kommune.ags}\n", "params: {ags: kommune.einwohner}\n", "params.ags",
         "'kommune.einwohner' ist kein Textfeld"),
    ],
)  # fmt: skip
def test_directory_block_and_rules_are_cross_checked(
    old: str, new: str, where: str, message: str
) -> None:
    err = broken(old, new)
    text = str(err)
    assert where in text and message in text, text
    assert "Zeile " in text


@pytest.mark.parametrize(
    ("old", "new", "where", "message"),
    [
        ("  list: ausgangslage.bevoelkerung\n", "  list: ausgangslage.einwohner\n",
         "population.list", "das Feld 'ausgangslage.einwohner' gibt es"),
        ("  list: ausgangslage.bevoelkerung\n", "  list: ausgangslage.bevoelkerung_text\n",
         "population.list", "hat den Typ long, erwartet list"),
        ("  year: jahr\n", "  year: jahrgang\n", "population.year",
         "ausgangslage.bevoelkerung[].jahrgang ist kein Feld vom Typ int"),
    ],
)  # fmt: skip
def test_population_block_is_cross_checked(old: str, new: str, where: str, message: str) -> None:
    err = broken(old, new)
    text = str(err)
    assert where in text and message in text, text


def test_population_block_names_the_table_and_its_section(spec: FormSpec) -> None:
    layout = spec.population
    assert (layout.section, layout.field_id) == ("ausgangslage", "bevoelkerung")
    assert spec.field(f"{layout.list}[].{layout.value}").type == "int"


def test_field_and_section_ids_are_lower_case_identifiers() -> None:
    err = broken("      - id: quartier_name\n", "      - id: Quartier-Name\n")
    assert "Kleinbuchstaben" in err.problems[0].message
    err = broken("  - id: kontakte\n", "  - id: Kontakte\n")
    assert "Kleinbuchstaben" in err.problems[0].message


def test_label_by_names_a_choice_beside_the_field() -> None:
    err = broken("            label_by: anrede\n", "            label_by: vorname\n")
    assert "'vorname' ist kein Auswahlfeld" in err.problems[0].message
    assert err.problems[0].loc[-1] == "label_by"


def test_agreeing_labels_use_codes_of_the_label_by_field() -> None:
    err = broken(
        "labels: {frau: Landrätin, herr: Landrat}", "labels: {frau: Landrätin, mann: Landrat}"
    )
    assert "['mann']" in err.problems[0].message


def test_agreeing_labels_need_label_by() -> None:
    err = broken("            label_by: anrede\n", "")
    assert "label_by" in err.problems[0].message


def test_the_function_of_the_hvb_agrees_with_the_anrede() -> None:
    funktion = get_form().field("kontakte.hvb.funktion")
    assert funktion.choice_label("landrat", "herr") == "Landrat"
    assert funktion.choice_label("buergermeister", "frau") == "Bürgermeisterin"
    for anrede in ("divers", "keine", None):
        assert funktion.choice_label("landrat", anrede) == "Landrätin / Landrat"
