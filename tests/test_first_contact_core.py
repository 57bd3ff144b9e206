"""The Qt-free side of first contact (issue 10): missing entries shown once the user left the
field or asked for the whole check, two-digit years, one wording for dates, real plurals, years
without thousands points, help without „…“ gaps."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from zwk_desktop.domain import formatting
from zwk_desktop.domain.draft import new_draft
from zwk_desktop.editing import entry
from zwk_desktop.editing.help import field_help
from zwk_desktop.editing.missing import MISSING_CODES
from zwk_desktop.editing.session import EditSession, Event
from zwk_desktop.validation import validate


def new_session(spec: Any) -> EditSession:
    s = EditSession(spec, new_draft(spec))
    s.check()
    return s


def test_a_new_application_shows_no_missing_entry_as_a_mistake(spec: Any) -> None:
    s = new_session(spec)
    assert len(s.report.errors) > 80  # the report itself is complete
    assert s.shown_findings() == []
    statuses = [s.section_status(sec.id) for sec in spec.sections]
    assert all(st.errors == 0 and st.warnings == 0 for st in statuses)
    assert sum(st.missing for st in statuses) == len(s.report.findings)
    assert s.section_status("kommune").missing == 11


def test_leaving_a_field_shows_what_is_missing_there(spec: Any) -> None:
    s = new_session(spec)
    events: list[Event] = []
    s.subscribe(events.append)
    s.leave("kommune.name")
    assert [(f.code, f.path) for f in s.shown_findings()] == [("required", "kommune.name")]
    assert events == [Event("shown", "kommune.name")]
    s.leave("kommune.name")  # nothing new
    assert len(events) == 1
    # a field inside the budget shows the budget's own missing amounts
    s.leave("finanzplan.posten[0].bezeichnung")
    assert ("budget_empty", "finanzplan") in {(f.code, f.path) for f in s.shown_findings()}


def test_a_real_mistake_shows_at_once(spec: Any) -> None:
    s = new_session(spec)
    s.set("kommune.ags", "12x")
    s.check()
    assert [(f.code, f.path) for f in s.shown_findings()] == [("format", "kommune.ags")]
    assert s.section_status("kommune").errors == 1


def test_the_whole_check_reveals_every_missing_entry(spec: Any) -> None:
    s = new_session(spec)
    events: list[Event] = []
    s.subscribe(events.append)
    s.reveal_missing()
    assert events == [Event("shown")]
    assert len(s.shown_findings()) == len(s.report.findings)
    assert {f.code for f in s.report.findings} <= MISSING_CODES


@pytest.mark.parametrize(
    ("typed", "iso"),
    [("29.6.21", "2021-06-29"), ("20.7.21", "2021-07-20"), ("29.06.21", "2021-06-29"),
     ("1.7.2021", "2021-07-01"), ("20.07.2021", "2021-07-20")],
)  # fmt: skip
def test_dates_with_two_digit_years(typed: str, iso: str) -> None:
    assert entry.parse_date(typed) == entry.Entry(iso)
    assert entry.show_date(iso) == f"{iso[8:]}.{iso[5:7]}.{iso[:4]}"


@pytest.mark.parametrize(
    ("typed", "iso"), [("9.21", "2021-09"), ("09.21", "2021-09"), ("9.2021", "2021-09"),
                       ("09.2021", "2021-09")],
)  # fmt: skip
def test_months_with_two_digit_years(typed: str, iso: str) -> None:
    assert entry.parse_month(typed) == entry.Entry(iso)


def test_a_date_that_cannot_be_read_is_explained_as_the_field_does(spec: Any) -> None:
    data = new_draft(spec).data
    data["unterschrift"]["datum"] = "29.6.2"
    (finding,) = [f for f in validate(spec, data, {}).findings if f.path == "unterschrift.datum"]
    assert finding.code == "format"
    assert "im Format TT.MM.JJJJ" in finding.message and "in der Datei" not in finding.message


def test_the_german_plural_rule_is_babels() -> None:
    from babel.core import Locale

    rule = formatting._plural_rule()
    assert rule.rules == Locale.parse(formatting.LOCALE).plural_form.rules


def test_plurals_follow_the_language_rules() -> None:
    assert formatting.plural(1, "Eintrag|Einträge") == "Eintrag"
    assert formatting.plural(0, "Eintrag|Einträge") == "Einträge"
    assert formatting.plural(Decimal(2), "Eintrag|Einträge") == "Einträge"
    with pytest.raises(ValueError):
        formatting.plural(1, "Eintrag")
    one = formatting.Counted("1", 1)
    assert f"{one:Zeile|Zeilen}" == "1 Zeile"


def test_list_messages_count_in_the_singular_and_plural(spec: Any) -> None:
    data = new_draft(spec).data
    data["massnahmen"]["zeitplan"].append({"schritt": "kickoff"})
    data["kommune"] = {"art": "zusammenschluss"}
    data["kommune"]["mitglieder"] = [{"name": "Gemeinde A", "ags": "12073578"}]
    messages = [f.message for f in validate(spec, data, {}).findings]
    assert any("enthält 1 Eintrag;" in m for m in messages), messages
    assert any("hat 6 Zeilen, vorgesehen sind genau 5 Programmschritte" in m for m in messages)
    assert not any("1 Einträge" in m for m in messages)


def test_years_are_never_grouped(spec: Any) -> None:
    data = new_draft(spec).data
    data["ausgangslage"] = {"bevoelkerung": [{"jahr": 1980, "einwohner": 2412}]}
    found = [f for f in validate(spec, data, {}).findings if f.code == "range"]
    assert found and "1990 bis 2030" in found[0].message and "1.990" not in found[0].message
    assert entry.show_int(2412) == "2.412" == formatting.number(2412)
    year = spec.field("ausgangslage.bevoelkerung[].jahr")
    assert year.grouping is False and spec.field("kommune.einwohner").grouping is True


def test_help_names_every_check_in_words_without_gaps(spec: Any) -> None:
    for path, f in spec.fields_by_path.items():
        for rule in field_help(spec, path, f).rules:
            assert "…" not in rule.summary and "{" not in rule.summary, (path, rule.summary)
