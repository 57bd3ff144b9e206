"""The Qt-free editing model: values by path, lists, visibility, findings, acknowledgements,
attachments, German input. No display needed."""

from __future__ import annotations

import base64
from decimal import Decimal
from typing import Any

import pytest
from conftest import load_example

from zwk_desktop.domain.draft import draft_from_json, new_draft, normalize
from zwk_desktop.editing import entry
from zwk_desktop.editing.help import field_help, rules_for, summary
from zwk_desktop.editing.session import AttachmentRejected, EditSession, Event

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def session_of(spec: Any, name: str | None = None) -> EditSession:
    draft = draft_from_json(load_example(name)) if name else new_draft(spec)
    return EditSession(spec, draft)


def codes_paths(findings: Any) -> list[tuple[str, str]]:
    return [(f.code, f.path) for f in findings]


AGS_UNKNOWN = ("ags_unknown", "kommune.ags")
"""The examples are fictitious: their key is not in the municipality directory."""


def acknowledge_fictitious_ags(s: EditSession) -> None:
    s.check()
    (warning,) = [f for f in s.findings_at("kommune.ags") if f.code == "ags_unknown"]
    s.acknowledge(warning, "Fiktive Beispielkommune")


def test_set_and_get_by_path_announce_each_change(spec: Any) -> None:
    s = session_of(spec)
    events: list[Event] = []
    s.subscribe(events.append)
    s.set("kommune.name", "Gemeinde Uckerland")
    s.set("kommune.anschrift.plz", "17337")
    s.set("kommune.name", "Gemeinde Uckerland")  # unchanged: no event
    assert s.get("kommune.anschrift.plz") == "17337"
    assert events == [Event("value", "kommune.name"), Event("value", "kommune.anschrift.plz")]
    assert s.title == "Gemeinde Uckerland"


def test_blank_text_removes_the_value(spec: Any) -> None:
    s = session_of(spec)
    s.set("kommune.name", "X")
    s.set("kommune.name", "   ")
    assert "name" not in s.draft.data.get("kommune", {})


def test_unsubscribe_stops_events(spec: Any) -> None:
    s = session_of(spec)
    events: list[Event] = []
    off = s.subscribe(events.append)
    off()
    s.set("kommune.name", "X")
    assert events == []


def test_new_draft_starts_with_fixed_rows_and_defaults(spec: Any) -> None:
    s = session_of(spec)
    steps = [row["schritt"] for row in s.get("massnahmen.zeitplan")]
    assert steps == [
        "kickoff",
        "kommunalprofil",
        "zukunftswerkstatt",
        "werkstattplan",
        "zwischenbilanz",
    ]
    assert s.get("unterschrift.in_vertretung") is False
    with pytest.raises(ValueError):
        s.add_item("massnahmen.zeitplan")
    with pytest.raises(ValueError):
        s.remove_item("massnahmen.zeitplan", 0)


def test_list_add_remove_move_keeps_acknowledgements_with_their_items(spec: Any) -> None:
    s = session_of(spec)
    path = "netzwerke.konzepte"
    assert s.add_item(path) == 0
    assert s.get(f"{path}[0]") == {"beschlossen": False}
    for i, title in enumerate(["A", "B", "C"]):
        if i:
            s.add_item(path)
        s.set(f"{path}[{i}].titel", title)
    s.set(f"{path}[2].jahr", "neunzehnhundert")  # not a number: an error at [2].jahr
    s.check()
    (finding,) = s.findings_at(f"{path}[2].jahr")
    # only warnings can be acknowledged; fake a warning at that path for the remapping
    warning = type(finding)(finding.code, "warning", finding.path, finding.message)
    s.acknowledge(warning, "geprüft")
    s.move_item(path, 2, 0)
    assert [i["titel"] for i in s.get(path)] == ["C", "A", "B"]
    assert [a.path for a in s.draft.acknowledgements] == [f"{path}[0].jahr"]
    s.remove_item(path, 1)
    assert [i["titel"] for i in s.get(path)] == ["C", "B"]
    assert [a.path for a in s.draft.acknowledgements] == [f"{path}[0].jahr"]
    s.remove_item(path, 0)
    assert s.draft.acknowledgements == []
    assert s.item_count(path) == 1


def test_visibility_follows_the_conditions(spec: Any) -> None:
    s = session_of(spec)
    assert not s.visible("kommune.quartier_name")
    s.set("kommune.art", "quartier")
    assert s.visible("kommune.quartier_name") and s.visible("kommune.quartier_einwohner")
    assert not s.visible("kommune.mitglieder")
    s.set("kommune.art", "zusammenschluss")
    assert s.visible("kommune.mitglieder") and s.visible("kommune.mitglieder[0].ags")
    assert "kommune.art" in s.condition_sources
    assert s.visible("kommune.name")


def test_hidden_fields_are_not_validated(spec: Any) -> None:
    s = session_of(spec)
    s.set("kommune.art", "quartier")
    s.check()
    assert [f.code for f in s.findings_at("kommune.quartier_name")] == ["required"]
    s.set("kommune.art", "gemeinde")
    assert s.stale
    s.check()
    assert s.findings_at("kommune.quartier_name") == []
    assert [f.code for f in s.findings_at("kommune.landkreis")] == ["required"]


def test_check_runs_only_when_the_data_changed(spec: Any) -> None:
    s = session_of(spec, "landkreis-hohenwald.zwk")
    events: list[Event] = []
    s.subscribe(events.append)
    first = s.check()
    assert first.valid and codes_paths(first.findings) == [AGS_UNKNOWN]
    assert s.check() is first
    s.set("kommune.einwohner", 50)
    second = s.check()
    assert second is not first
    assert [f.code for f in second.findings] == ["ags_unknown", "population_implausible"]
    assert events.count(Event("report")) == 2


def test_section_status_and_progress(spec: Any) -> None:
    s = session_of(spec, "landkreis-hohenwald.zwk")
    s.check()
    assert s.progress().complete == len(spec.sections) - 1, "the unconfirmed ags_unknown warning"
    acknowledge_fictitious_ags(s)
    assert s.progress().complete == s.progress().total == len(spec.sections)
    s.set("kommune.einwohner", 50)
    s.set("kommune.name", "")
    s.check()
    status = s.section_status("kommune")
    # the emptied name is missing, not yet a mistake: the user has not left the field (issue 10)
    assert (status.errors, status.warnings, status.missing, status.complete) == (0, 1, 1, False)
    s.leave("kommune.name")
    status = s.section_status("kommune")
    assert (status.errors, status.warnings, status.missing, status.complete) == (1, 1, 0, False)
    assert s.progress().complete == len(spec.sections) - 1
    assert s.progress().percent == round(100 * 11 / 12)


def test_acknowledging_a_warning_is_stored_with_the_draft(spec: Any) -> None:
    s = session_of(spec, "landkreis-hohenwald.zwk")
    acknowledge_fictitious_ags(s)
    s.set("kommune.einwohner", 50)
    s.check()
    (warning,) = s.findings_at("kommune.einwohner")
    events: list[Event] = []
    s.subscribe(events.append)
    s.acknowledge(warning, "  Kleinstgemeinde, Zahl stimmt.  ")
    assert events == [Event("acknowledgement", "kommune.einwohner")], "autosave hears of it"
    assert not s.stale, "an acknowledgement needs no new check"
    ack = s.acknowledgement(warning)
    assert ack is not None and ack.justification == "Kleinstgemeinde, Zahl stimmt."
    status = s.section_status("kommune")
    assert (status.warnings, status.acknowledged, status.complete) == (0, 2, True)
    saved = s.draft.to_json()["acknowledgements"]
    assert saved[1]["code"] == "population_implausible" and saved[1]["path"] == "kommune.einwohner"
    s.withdraw(warning)
    assert s.acknowledgement(warning) is None
    s.set("kommune.name", "")
    s.check()
    (error,) = s.findings_at("kommune.name")
    with pytest.raises(ValueError):
        s.acknowledge(error)


def test_attachment_bytes_are_stored_and_dropped_when_unused(spec: Any) -> None:
    s = session_of(spec)
    first = s.add_attachment("beschluss.pdf", PDF)
    second = s.add_attachment("kopie.pdf", PDF)
    sha = s.get(f"anlagen[{first}].sha256")
    assert (first, second) == (0, 1)
    assert s.get("anlagen[0]") == {"datei": "beschluss.pdf", "sha256": sha, "groesse": len(PDF)}
    assert s.draft.files == {sha: PDF}
    assert s.draft.file_infos[sha].kind == "pdf"
    s.remove_item("anlagen", 0)
    assert s.draft.files == {sha: PDF}, "still used by the second anlage"
    s.remove_item("anlagen", 0)
    assert s.draft.files == {}
    assert s.draft.file_infos == {}


def test_attachments_are_refused_by_content_and_size(spec: Any) -> None:
    s = session_of(spec)
    with pytest.raises(AttachmentRejected) as exc:
        s.add_attachment("brief.pdf", b"MZ\x90\x00 not a pdf")
    assert exc.value.reason == "type" and exc.value.info.kind is None
    big = b"%PDF-" + b"0" * spec.policy.attachment_max_bytes.value
    with pytest.raises(AttachmentRejected) as exc:
        s.add_attachment("gross.pdf", big)
    assert exc.value.reason == "too_large"
    assert s.item_count("anlagen") == 0 and s.draft.files == {}


def test_added_attachment_validates_like_the_example(spec: Any) -> None:
    env = load_example("landkreis-hohenwald.zwk")
    (content,) = env["files"].values()
    expected = env["data"]["anlagen"][0]
    del env["data"]["anlagen"]
    del env["files"]
    s = EditSession(spec, draft_from_json(env))
    i = s.add_attachment(expected["datei"], base64.b64decode(content))
    s.set(f"anlagen[{i}].art", expected["art"])
    s.set(f"anlagen[{i}].titel", expected["titel"])
    assert codes_paths(s.check().findings) == [AGS_UNKNOWN]
    assert normalize(spec, s.draft.data) == normalize(
        spec, load_example("landkreis-hohenwald.zwk")["data"]
    )


def test_suggestion_joins_the_source_fields(spec: Any) -> None:
    s = session_of(spec)
    assert s.suggestion("unterschrift.name") is None
    s.set("kontakte.hvb.titel", "Dr.")
    s.set("kontakte.hvb.vorname", "Matthias")
    s.set("kontakte.hvb.nachname", "Kühnel")
    assert s.suggestion("unterschrift.name") == "Dr. Matthias Kühnel"
    assert s.suggestion("kommune.name") is None


def test_help_names_inferred_rules(spec: Any) -> None:
    codes = {r.code: r.status for r in rules_for(spec, "kommune.einwohner")}
    assert codes == {"population_implausible": "I"}
    amounts = {r.code for r in rules_for(spec, "finanzplan.posten[].betraege")}
    assert {"budget_negative", "budget_precision"} <= amounts
    assert {r.code for r in rules_for(spec, "finanzplan.posten[].erlaeuterung")} == {
        "budget_justification_missing"
    }
    assert "attachment_type" in {r.code for r in rules_for(spec, "anlagen")}
    assert "schedule_out_of_term" in {r.code for r in rules_for(spec, "massnahmen.zeitplan[].von")}
    help_ = field_help(spec, "kommune.ags", spec.field("kommune.ags"))
    assert help_.status == "I" and help_.source and "Gemeindeschlüssel" in help_.source
    assert [r.code for r in help_.inferred_rules] == [
        "ags_bundesland_mismatch", "ags_unknown", "ags_name_mismatch"
    ]  # fmt: skip
    assert summary("Die Zahl {value} ist falsch. Bitte prüfen.") == "Die Zahl … ist falsch."
    assert summary("„{label}“ ist negativ ({value}). Bitte …", "Betrag") == "„Betrag“ ist negativ."
    amounts = field_help(
        spec, "finanzplan.posten[].betraege", spec.field("finanzplan.posten[].betraege")
    )
    assert "Beträge haben höchstens zwei Nachkommastellen." in [  # the rule's own summary
        r.summary for r in amounts.rules
    ]


@pytest.mark.parametrize(
    ("parse", "text", "value", "problem"),
    [
        (entry.parse_int, "84.213", 84213, None),
        (entry.parse_int, "-790", -790, None),
        (entry.parse_int, "\u2212790", -790, None),  # as shown: the typographic minus
        (entry.parse_dec, "\u20131,5", -1.5, None),  # an en dash from a word processor
        (entry.parse_money, "\u22125,00 €", "-5.00", None),
        (entry.parse_int, "12,5", "12,5", "int"),
        (entry.parse_dec, "1.234,56", 1234.56, None),
        (entry.parse_dec, "0,5", 0.5, None),
        (entry.parse_dec, "1187.5", 1187.5, None),
        (entry.parse_dec, "1", 1, None),
        (entry.parse_dec, "eins", "eins", "dec"),
        (entry.parse_money, "6.000,00 €", "6000.00", None),
        (entry.parse_money, "6000", "6000.00", None),
        (entry.parse_money, "0", "0.00", None),
        (entry.parse_money, "12,345", "12.345", None),
        (entry.parse_money, "viel", "viel", "money"),
        (entry.parse_money, "  ", None, None),
        (entry.parse_date, "31.12.2020", "2020-12-31", None),
        (entry.parse_date, "1.7.2021", "2021-07-01", None),
        (entry.parse_date, "31.02.2021", "31.02.2021", "date"),
        (entry.parse_month, "09.2021", "2021-09", None),
        (entry.parse_month, "9/2021", "2021-09", None),
        (entry.parse_month, "September 2021", "2021-09", None),
        (entry.parse_month, "13.2021", "13.2021", "month"),
    ],
)
def test_german_input(parse: Any, text: str, value: Any, problem: str | None) -> None:
    result = parse(text)
    assert (result.value, result.problem) == (value, problem)


def test_german_display() -> None:
    assert entry.show_int(84213) == "84.213"
    assert entry.show_int(2412) == "2.412"  # as the lists and the PDF show it (issue 10)
    assert entry.show_int(2021, grouping=False) == "2021"  # years (the form's grouping: false)
    assert entry.show_int(-790) == "\u2212790"  # the one minus sign of the program (U+2212)
    assert entry.show_money("-5.00") == "\u22125,00"
    assert entry.parse_int(entry.show_int(-12345)).value == -12345
    assert entry.show_int(1500000) == "1.500.000"
    assert entry.show_dec(1187.5) == "1.187,5"
    assert entry.show_dec(1) == "1"
    assert entry.show_money("40000.00") == "40.000,00"
    assert entry.show_money("12.345") == "12,345"
    assert entry.show_date("2021-07-20") == "20.07.2021"
    assert entry.show_month("2021-09") == "09.2021"
    assert entry.month_name("2021-09") == "September 2021"
    assert entry.show_dec("kaputt") == "kaputt"
    assert entry.show_dec(Decimal("4000000")) == "4.000.000"


def test_a_key_of_digit_like_characters_is_no_year(spec: Any) -> None:
    """„²“ counts as a digit for str.isdigit but is no number: it must not crash the order of
    findings (found by the property test in test_domain)."""
    from zwk_desktop.validation import validate

    report = validate(spec, {"kontakte": {"²": None}})
    assert [f.code for f in report.findings if f.path == "kontakte.²"] == ["unknown_field"]


def test_huge_numbers_are_reported_not_crashed_on(spec: Any) -> None:
    """A value like 1e25 in a percentage field gives a finding (babel used to raise
    InvalidOperation in the default decimal context; found by the property test). An amount
    typed with more digits than any budget has is kept as text and reported as format."""
    from zwk_desktop.validation import validate

    report = validate(spec, {"ausgangslage": {"anteil_unter_18": 1e25}})
    assert [f.code for f in report.findings if f.path == "ausgangslage.anteil_unter_18"] == [
        "range"
    ]
    typed = entry.parse_money("1" + "0" * 40)
    assert typed.problem == "money", "an amount no budget can have is kept as typed text"
    report = validate(spec, {"finanzplan": {"eigenmittel": {"2022": typed.value}}})
    codes = [f.code for f in report.findings if f.path == "finanzplan.eigenmittel.2022"]
    assert codes == ["format"]
