"""Every rule code of fields.md: one thing flipped in a valid example gives exactly that finding
(code, severity, path, params), and the passing case (boundaries included) gives none."""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest
from conftest import EXAMPLE_AGS_PATHS, EXAMPLE_NAMES, ROOT, load_example

from zwk_desktop.directory import default_directory
from zwk_desktop.directory.fill import kommune_fill, member_item, members_fill
from zwk_desktop.domain.draft import draft_from_json
from zwk_desktop.domain.paths import set_value
from zwk_desktop.formspec import get_form
from zwk_desktop.validation import Report, validate_draft

G = "gemeinde-lindenhagen.zwk"
L = "landkreis-hohenwald.zwk"
V = "staedteverbund-oberes-tal.zwk"

# The rule codes of ../shared/domain/fields.md (§2 and §3), the contract with the ministry.
FIELDS_MD_CODES = {
    # generic
    "required", "recommended_missing", "max_length", "min_length", "format", "range",
    "choice_invalid", "min_items", "unknown_field",
    # named
    "ags_bundesland_mismatch", "population_implausible", "coordination_zero",
    "beschluss_after_signature", "commitments_incomplete", "duplicate_year", "age_shares_sum",
    "integration_minimal", "schedule_out_of_term", "schedule_order", "budget_negative",
    "budget_precision", "budget_empty", "budget_justification_missing", "budget_year_cap",
    "budget_total_cap", "budget_2021_pro_rata", "measures_cost_exceed",
    "zentral_exceeds_requested", "own_contribution_not_required", "declaration_missing",
    "step_order",
    "deadline_passed", "attachment_missing", "attachment_type", "attachment_too_large",
    "package_too_large_for_mail", "attachment_content_missing", "attachment_hash_mismatch",
}  # fmt: skip

# Issue 6 adds two named codes beyond fields.md: warnings from the municipality directory.
DIRECTORY_CODES = {"ags_unknown", "ags_name_mismatch"}

Mutation = Callable[[dict[str, Any]], None]


def check(envelope: dict[str, Any]) -> Report:
    draft = draft_from_json(envelope)
    return validate_draft(get_form(), draft)


def mutated(example: str, mutate: Mutation) -> Report:
    env = load_example(example)
    mutate(env)
    return check(env)


def data(env: dict[str, Any]) -> dict[str, Any]:
    result: dict[str, Any] = env["data"]
    return result


def setter(path: str, value: Any) -> Mutation:
    """A mutation that sets one value in data (``a.b[1].c``); value None deletes it."""
    from zwk_desktop.domain.paths import parse_path

    def mutate(env: dict[str, Any]) -> None:
        parts = parse_path(path)
        node: Any = data(env)
        for part in parts[:-1]:
            node = node[part]
        if value is None:
            del node[parts[-1]]
        else:
            node[parts[-1]] = value

    return mutate


def both(*mutations: Mutation) -> Mutation:
    def mutate(env: dict[str, Any]) -> None:
        for m in mutations:
            m(env)

    return mutate


def from_directory(ags: str) -> Mutation:
    """The kommune filled from the municipality directory, as choosing it in the picker does."""

    def mutate(env: dict[str, Any]) -> None:
        directory = default_directory()
        entry = directory.lookup(ags)
        assert entry is not None, ags
        for path, value in kommune_fill(get_form(), directory, entry).items():
            set_value(data(env), path, value)

    return mutate


def members_from_directory(*ags: str) -> Mutation:
    """The members of a group picked from the directory (and the group's key the first one's)."""

    def mutate(env: dict[str, Any]) -> None:
        directory, spec = default_directory(), get_form()
        items = [member_item(spec, e) for a in ags if (e := directory.lookup(a)) is not None]
        assert len(items) == len(ags)
        for path, value in members_fill(spec, directory, items).items():
            set_value(data(env), path, value)
        data(env)["kommune"]["ags"] = ags[0]

    return mutate


MEMBERS = ("14522020", "14522080", "14522110")  # three real Gemeinden in Mittelsachsen


def replace_attachment(index: int, content: bytes, keep_hash: bool = False) -> Mutation:
    """Put other bytes in place of an attachment, updating (or not) its hash and size."""

    def mutate(env: dict[str, Any]) -> None:
        item = data(env)["anlagen"][index]
        old = item["sha256"]
        del env["files"][old]
        sha = old if keep_hash else hashlib.sha256(content).hexdigest()
        env["files"][sha] = base64.b64encode(content).decode()
        item["sha256"] = sha
        item["groesse"] = len(content)

    return mutate


def add_attachments(*sizes: int) -> Mutation:
    def mutate(env: dict[str, Any]) -> None:
        for i, size in enumerate(sizes):
            content = b"%PDF-1.4\n" + bytes([i]) * (size - 9)
            sha = hashlib.sha256(content).hexdigest()
            env.setdefault("files", {})[sha] = base64.b64encode(content).decode()
            data(env)["anlagen"].append(
                {"art": "sonstiges", "titel": f"Anlage {i}", "datei": f"a{i}.pdf",
                 "sha256": sha, "groesse": size}
            )  # fmt: skip

    return mutate


def keep_items(path: str, count: int) -> Mutation:
    """Keep only the first `count` items of a list."""

    def mutate(env: dict[str, Any]) -> None:
        from zwk_desktop.domain.paths import get_value

        del get_value(data(env), path)[count:]

    return mutate


def clear_amounts(env: dict[str, Any]) -> None:
    """Every amount of the budget removed (the central share too, which would exceed it)."""
    for item in data(env)["finanzplan"]["posten"]:
        item["betraege"] = {}
    del data(env)["finanzplan"]["zentral_bewirtschaftet"]


MB = 1024 * 1024
TEXT_199 = "x" * 199


@dataclass
class Case:
    id: str
    example: str
    mutate: Mutation
    code: str
    severity: str
    path: str
    params: dict[str, Any] = field(default_factory=dict)


FAILING = [
    # --- kommune
    Case("ags_bundesland", G, setter("kommune.bundesland", "BY"), "ags_bundesland_mismatch",
         "error", "kommune.ags", {"ags_prefix": "12", "bundesland": "BY", "erwartet": "09"}),
    Case("ags_unknown", G, both(from_directory("09473112"), setter("kommune.ags", "09473111")),
         "ags_unknown", "warning", "kommune.ags", {"ags": "09473111", "gebietsstand": "2025-11-30"}),
    Case("ags_unknown_member", V, both(members_from_directory(*MEMBERS),
                                       setter("kommune.mitglieder[1].ags", "14522999")),
         "ags_unknown", "warning", "kommune.mitglieder[1].ags", {"ags": "14522999"}),
    Case("ags_name_elsewhere", G, both(from_directory("09473112"),
                                       setter("kommune.name", "Gemeinde Rödental")),
         "ags_name_mismatch", "warning", "kommune.ags",
         {"ags": "09473112", "name": "Gemeinde Rödental", "verzeichnis_name": "Gemeinde Ahorn",
          "name_ags": ["09473159"]}),
    Case("ags_name_unknown_name", G, both(from_directory("09473112"),
                                          setter("kommune.name", "Gemeinde Lindenhagen am See")),
         "ags_name_mismatch", "warning", "kommune.ags", {"verzeichnis_name": "Gemeinde Ahorn"}),
    Case("ags_name_kreis_vs_stadt", L, both(from_directory("09473"),
                                            setter("kommune.name", "Stadt Coburg")),
         "ags_name_mismatch", "warning", "kommune.ags",
         {"verzeichnis_name": "Landkreis Coburg", "name_ags": ["09463000"]}),
    Case("ags_name_member", V, both(members_from_directory(*MEMBERS),
                                    setter("kommune.mitglieder[2].name", "Gemeinde Ahorn")),
         "ags_name_mismatch", "warning", "kommune.mitglieder[2].ags",
         {"ags": "14522110", "name_ags": ["09473112", "08128138"]}),
    Case("population_low", G, setter("kommune.einwohner", 99), "population_implausible",
         "warning", "kommune.einwohner", {"value": 99, "min": 100, "max": 4000000}),
    Case("population_high", L, setter("kommune.einwohner", 4_000_001), "population_implausible",
         "warning", "kommune.einwohner"),
    # --- kontakte
    Case("coordination_zero", G, setter("kontakte.stellenanteil_vzae", 0), "coordination_zero",
         "warning", "kontakte.stellenanteil_vzae"),
    # --- voraussetzungen
    Case("beschluss_after", G, setter("voraussetzungen.beschluss_datum", "2021-07-16"),
         "beschluss_after_signature", "error", "voraussetzungen.beschluss_datum",
         {"datum": "2021-07-16", "other": "2021-07-15"}),
    Case("commitments", L,
         setter("voraussetzungen.mitwirkung",
                ["online_seminare", "werkstatttreffen", "mentoring", "kollegiale_beratung",
                 "evaluation"]),
         "commitments_incomplete", "error", "voraussetzungen.mitwirkung",
         {"count": 5, "min": 6}),
    Case("commitments_none", L, setter("voraussetzungen.mitwirkung", []),
         "commitments_incomplete", "error", "voraussetzungen.mitwirkung",
         {"count": 0, "min": 6}),
    Case("commitments_absent", G, setter("voraussetzungen.mitwirkung", None),
         "commitments_incomplete", "error", "voraussetzungen.mitwirkung",
         {"count": 0, "min": 6}),
    Case("support_false", G, setter("voraussetzungen.unterstuetzung_verwaltungsspitze", False),
         "declaration_missing", "error", "voraussetzungen.unterstuetzung_verwaltungsspitze"),
    # --- ausgangslage
    Case("duplicate_year", G, setter("ausgangslage.bevoelkerung[2].jahr", 2010),
         "duplicate_year", "error", "ausgangslage.bevoelkerung[2].jahr", {"value": 2010}),
    Case("age_shares", G, setter("ausgangslage.anteil_65_plus", 20), "age_shares_sum",
         "warning", "ausgangslage"),
    Case("age_shares_high", G, setter("ausgangslage.anteil_65_plus", 31.8), "age_shares_sum",
         "warning", "ausgangslage", {"sum": 101.1}),
    # --- ziele
    Case("integration_minimal", L, setter("ziele.integration.ziele", TEXT_199),
         "integration_minimal", "warning", "ziele.integration.ziele",
         {"length": 199, "min": 200}),
    # --- massnahmen
    Case("schedule_before_term", G, setter("massnahmen.zeitplan[0].von", "2021-08"),
         "schedule_out_of_term", "error", "massnahmen.zeitplan[0].von",
         {"month": "2021-08", "start": "2021-09", "end": "2024-12"}),
    Case("schedule_after_term", L, setter("massnahmen.zeitplan[4].bis", "2025-01"),
         "schedule_out_of_term", "error", "massnahmen.zeitplan[4].bis"),
    Case("schedule_von_after_bis", G, setter("massnahmen.zeitplan[2].bis", "2022-03"),
         "schedule_order", "error", "massnahmen.zeitplan[2].bis",
         {"von": "2022-04", "bis": "2022-03"}),
    Case("schedule_sequence", G, setter("massnahmen.zeitplan[3].von", "2022-03"),
         "schedule_order", "error", "massnahmen.zeitplan[3].von",
         {"von": "2022-03", "vorher_von": "2022-04"}),
    Case("schedule_step", G, setter("massnahmen.zeitplan[1].schritt", "werkstattplan"),
         "schedule_order", "error", "massnahmen.zeitplan[1].schritt",
         {"position": 2, "schritt": "werkstattplan", "erwartet": "kommunalprofil"}),
    Case("schedule_sixth_row", G, lambda env: data(env)["massnahmen"]["zeitplan"].append({"schritt": "kickoff", "von": "2024-01", "bis": "2024-02", "beschreibung": "Noch ein Auftakt."}),
         "schedule_order", "error", "massnahmen.zeitplan[5].schritt", {"position": 6, "count": 6}),
    Case("step_bis_before_von", G, setter("massnahmen.umsetzungsschritte[0].bis", "2021-12"),
         "step_order", "error", "massnahmen.umsetzungsschritte[0].bis",
         {"von": "2022-01", "bis": "2021-12"}),
    Case("schedule_four_rows", G, keep_items("massnahmen.zeitplan", 4), "min_items", "error",
         "massnahmen.zeitplan", {"count": 4, "min": 5}),
    # --- finanzplan
    Case("budget_negative", G, setter("finanzplan.posten[0].betraege.2023", "-1.00"),
         "budget_negative", "error", "finanzplan.posten[0].betraege.2023"),
    Case("own_funds_negative", G, setter("finanzplan.eigenmittel", {"2022": "-5.00"}),
         "budget_negative", "error", "finanzplan.eigenmittel.2022"),
    Case("budget_precision", G, setter("finanzplan.posten[0].betraege.2022", "6700.005"),
         "budget_precision", "error", "finanzplan.posten[0].betraege.2022"),
    Case("budget_empty", L, clear_amounts, "budget_empty", "error", "finanzplan"),
    Case("justification", G, setter("finanzplan.posten[1].erlaeuterung", " "),
         "budget_justification_missing", "error", "finanzplan.posten[1].erlaeuterung"),
    Case("year_cap", G, setter("finanzplan.posten[0].betraege.2022", "18800.01"),
         "budget_year_cap", "error", "finanzplan",
         {"jahr": 2022, "betrag": "40000.01", "grenze": "40000.00"}),
    Case("total_cap", G, setter("finanzplan.posten[0].betraege.2023", "150000.00"),
         "budget_total_cap", "error", "finanzplan",
         {"betrag": "211000.00", "grenze": "160000.00"}),
    Case("pro_rata", G, setter("finanzplan.posten[0].betraege.2021", "11033.34"),
         "budget_2021_pro_rata", "warning", "finanzplan",
         {"jahr": 2021, "betrag": "13333.34", "grenze": "13333.33", "monate": 4}),
    Case("measures_cost", G, setter("massnahmen.umsetzungsschritte[1].kosten", "31300.01"),
         "measures_cost_exceed", "warning", "massnahmen.umsetzungsschritte",
         {"kosten": "39300.01", "budget": "39300.00"}),
    Case("zentral", G, setter("finanzplan.zentral_bewirtschaftet.2022", "27900.01"),
         "zentral_exceeds_requested", "error", "finanzplan.zentral_bewirtschaftet.2022",
         {"jahr": 2022, "betrag": "27900.01", "beantragt": "27900.00"}),
    Case("own_contribution", G, setter("finanzplan.eigenmittel", {"2022": "0.01"}),
         "own_contribution_not_required", "info", "finanzplan.eigenmittel"),
    # --- erklaerungen
    Case("declaration_false", G, setter("erklaerungen.richtigkeit", False),
         "declaration_missing", "error", "erklaerungen.richtigkeit"),
    Case("declaration_absent", L, setter("erklaerungen.keine_doppelfoerderung", None),
         "declaration_missing", "error", "erklaerungen.keine_doppelfoerderung"),
    # --- unterschrift
    Case("deadline", G, setter("unterschrift.datum", "2021-07-21"), "deadline_passed",
         "warning", "unterschrift.datum", {"datum": "2021-07-21", "frist": "2021-07-20"}),
    # --- anlagen
    Case("beschluss_attachment", L, setter("anlagen", []), "attachment_missing", "error",
         "anlagen", {"art": "beschluss"}),
    Case("cooperation_attachment", V, setter("anlagen", []), "attachment_missing", "error",
         "anlagen", {"art": "kooperationsvereinbarung"}),
    Case("attachment_type", G, replace_attachment(1, b"MZ\x90\x00 not an image"),
         "attachment_type", "error", "anlagen[1].datei", {"datei": "unterstuetzung.png"}),
    Case("attachment_type_renamed_zip", G, replace_attachment(0, b"PK\x03\x04garbage"),
         "attachment_type", "error", "anlagen[0].datei"),
    Case("attachment_too_large", G, replace_attachment(0, b"%PDF-1.7\n" + b"0" * (10 * MB - 8)),
         "attachment_too_large", "error", "anlagen[0].datei",
         {"datei": "beschluss.pdf", "groesse": 10 * MB + 1, "grenze": 10 * MB}),
    Case("mail_warning", L, add_attachments(4 * MB, 3 * MB), "package_too_large_for_mail",
         "warning", "anlagen"),
    Case("mail_error", L, add_attachments(7 * MB, 7 * MB, 2 * MB), "package_too_large_for_mail",
         "error", "anlagen"),
    Case("content_missing", G, lambda env: env["files"].pop(data(env)["anlagen"][0]["sha256"]),
         "attachment_content_missing", "error", "anlagen[0].sha256",
         {"datei": "beschluss.pdf"}),
    Case("hash_mismatch", G, replace_attachment(1, b"\x89PNG\r\n\x1a\nchanged", keep_hash=True),
         "attachment_hash_mismatch", "error", "anlagen[1].sha256"),
    # --- generic checks
    Case("required", G, setter("kommune.name", None), "required", "error", "kommune.name"),
    Case("required_blank", G, setter("kontakte.hvb.vorname", "   "), "required", "error",
         "kontakte.hvb.vorname"),
    Case("required_if_quartier", G, setter("kommune.art", "quartier"), "required", "error",
         "kommune.quartier_name"),
    Case("required_if_sonstige", G, setter("ziele.handlungsfelder", ["wohnen", "sonstige"]),
         "required", "error", "ziele.handlungsfelder_sonstige"),
    Case("required_in_list", L, setter("netzwerke.initiativen[1].rolle", ""), "required",
         "error", "netzwerke.initiativen[1].rolle"),
    Case("required_list", G, setter("netzwerke.initiativen", []), "required", "error",
         "netzwerke.initiativen"),
    Case("recommended", G, setter("ausgangslage.anteil_migration", None),
         "recommended_missing", "warning", "ausgangslage.anteil_migration"),
    Case("recommended_group", L, setter("kontakte.vertretung", {}), "recommended_missing",
         "warning", "kontakte.vertretung"),
    Case("max_length", G, setter("kommune.name", "G" * 151), "max_length", "error",
         "kommune.name", {"length": 151, "max": 150, "excess": 1}),
    Case("min_length", G, setter("ausgangslage.herausforderungen", "h" * 299), "min_length",
         "error", "ausgangslage.herausforderungen", {"length": 299, "min": 300}),
    Case("format_int", G, setter("kommune.einwohner", "viele"), "format", "error",
         "kommune.einwohner"),
    Case("format_email", G, setter("kontakte.koordination.email", "j.brueckner@"), "format",
         "error", "kontakte.koordination.email"),
    Case("format_phone", G, setter("kontakte.koordination.telefon", "ruf mich an"), "format",
         "error", "kontakte.koordination.telefon"),
    Case("format_plz", G, setter("kommune.anschrift.plz", "1729"), "format", "error",
         "kommune.anschrift.plz"),
    Case("format_ags", G, setter("kommune.ags", "1207399"), "format", "error", "kommune.ags"),
    Case("format_ags_landkreis", L, setter("kommune.ags", "16099001"), "format", "error",
         "kommune.ags"),
    Case("format_date", G, setter("unterschrift.datum", "2021-02-30"), "format", "error",
         "unterschrift.datum"),
    Case("format_month", G, setter("massnahmen.zeitplan[0].von", "2021-13"), "format",
         "error", "massnahmen.zeitplan[0].von"),
    Case("format_money_number", G, setter("finanzplan.posten[0].betraege.2021", 5000),
         "format", "error", "finanzplan.posten[0].betraege.2021"),
    Case("format_money_one_decimal", G, setter("massnahmen.umsetzungsschritte[0].kosten", "4500.5"),
         "format", "error", "massnahmen.umsetzungsschritte[0].kosten"),
    Case("format_decimals", G, setter("kontakte.stellenanteil_vzae", 0.555), "format", "error",
         "kontakte.stellenanteil_vzae"),
    Case("format_bool", G, setter("erklaerungen.datenschutz", "ja"), "format", "error",
         "erklaerungen.datenschutz"),
    Case("format_group", G, setter("kommune.anschrift", "Am Markt 1"), "format", "error",
         "kommune.anschrift"),
    Case("format_list", G, setter("netzwerke.initiativen", {"name": "x"}), "format", "error",
         "netzwerke.initiativen"),
    Case("range_min", G, setter("kommune.einwohner", 0), "range", "error", "kommune.einwohner",
         {"value": 0, "min": 1}),
    Case("range_max", G, setter("kontakte.stellenanteil_vzae", 1.5), "range", "error",
         "kontakte.stellenanteil_vzae", {"value": 1.5, "min": 0, "max": 1}),
    Case("range_year", G, setter("ausgangslage.bevoelkerung[0].jahr", 1989), "range", "error",
         "ausgangslage.bevoelkerung[0].jahr"),
    Case("range_money", G, setter("massnahmen.umsetzungsschritte[0].kosten", "-1.00"), "range",
         "error", "massnahmen.umsetzungsschritte[0].kosten", {"value": "-1.00", "min": "0.00"}),
    Case("choice_invalid", G, setter("kommune.art", "dorf"), "choice_invalid", "error",
         "kommune.art", {"value": "dorf"}),
    Case("multi_invalid", G, setter("beteiligung.formate", ["online", "stammtisch"]),
         "choice_invalid", "error", "beteiligung.formate", {"value": "stammtisch"}),
    Case("min_items_members", V, keep_items("kommune.mitglieder", 1), "min_items", "error",
         "kommune.mitglieder", {"count": 1, "min": 2}),
    Case("min_items_population", G, keep_items("ausgangslage.bevoelkerung", 1), "min_items", "error", "ausgangslage.bevoelkerung", {"count": 1, "min": 2}),
    Case("unknown_key", G, setter("kommune.buergermeister", "x"), "unknown_field", "error",
         "kommune.buergermeister", {"key": "buergermeister"}),
    Case("unknown_section", G, setter("extras", {}), "unknown_field", "error", "extras"),
    Case("unknown_year", G, setter("finanzplan.posten[0].betraege.2025", "1.00"),
         "unknown_field", "error", "finanzplan.posten[0].betraege.2025"),
    Case("unknown_in_item", G, setter("netzwerke.initiativen[0].website", "x"),
         "unknown_field", "error", "netzwerke.initiativen[0].website"),
]  # fmt: skip


@pytest.mark.parametrize("case", FAILING, ids=lambda c: c.id)
def test_one_flip_gives_exactly_this_finding(case: Case) -> None:
    report = mutated(case.example, case.mutate)
    matching = [f for f in report.findings if f.code == case.code and f.path == case.path]
    assert matching, [(f.code, f.path) for f in report.findings]
    finding = matching[0]
    assert finding.severity == case.severity
    for key, value in case.params.items():
        assert finding.params.get(key) == value, (key, finding.params)
    assert finding.message and "{" not in finding.message
    # the one flip may not make anything else an error
    other_errors = [
        (f.code, f.path) for f in report.errors if (f.code, f.path) != (case.code, case.path)
    ]
    allowed = ALSO_EXPECTED.get(case.id, set())
    assert set(other_errors) <= allowed, other_errors


# Flips that legitimately touch a second rule.
ALSO_EXPECTED: dict[str, set[tuple[str, str]]] = {
    "total_cap": {("budget_year_cap", "finanzplan")},
    "year_cap": set(),
    "mail_error": set(),
    "required_if_quartier": {("required", "kommune.quartier_einwohner")},
    "commitments_none": {("required", "voraussetzungen.mitwirkung")},
    "commitments_absent": {("required", "voraussetzungen.mitwirkung")},
}


PASSING = [
    Case("ags_known", G, from_directory("09473112"), "ags_unknown", "", ""),
    Case("ags_known_kreis_000", L, both(from_directory("09473"), setter("kommune.ags", "09473000")), "ags_unknown", "", ""),
    Case("ags_known_members", V, members_from_directory(*MEMBERS), "ags_unknown", "", ""),
    Case("name_without_designation", G, both(from_directory("09473112"), setter("kommune.name", "Ahorn")), "ags_name_mismatch", "", ""),
    Case("name_with_suffix", G, both(from_directory("09162000"), setter("kommune.name", "München, Landeshauptstadt")), "ags_name_mismatch", "", ""),
    Case("group_has_its_own_name", V, members_from_directory(*MEMBERS), "ags_name_mismatch", "", ""),
    Case("population_boundaries_low", G, setter("kommune.einwohner", 100), "population_implausible", "", ""),
    Case("population_boundaries_high", L, setter("kommune.einwohner", 4_000_000), "population_implausible", "", ""),
    Case("coordination_small", G, setter("kontakte.stellenanteil_vzae", 0.01), "coordination_zero", "", ""),
    Case("beschluss_same_day", G, setter("voraussetzungen.beschluss_datum", "2021-07-15"), "beschluss_after_signature", "", ""),
    Case("beschluss_scheduled_later", V, lambda env: None, "beschluss_after_signature", "", ""),
    Case("age_sum_99", G, setter("ausgangslage.anteil_65_plus", 29.7), "age_shares_sum", "", ""),
    Case("age_sum_101", G, setter("ausgangslage.anteil_65_plus", 31.7), "age_shares_sum", "", ""),
    Case("age_sum_incomplete", G, setter("ausgangslage.anteil_65_plus", None), "age_shares_sum", "", ""),
    Case("integration_200", L, setter("ziele.integration.ziele", "x" * 200), "integration_minimal", "", ""),
    Case("schedule_term_edges", G, both(setter("massnahmen.zeitplan[0].von", "2021-09"), setter("massnahmen.zeitplan[4].bis", "2024-12")), "schedule_out_of_term", "", ""),
    Case("step_one_month", G, setter("massnahmen.umsetzungsschritte[0].bis", "2022-01"), "step_order", "", ""),
    Case("schedule_same_start", G, setter("massnahmen.zeitplan[1].von", "2021-09"), "schedule_order", "", ""),
    Case("year_cap_exact", G, setter("finanzplan.posten[0].betraege.2022", "18800.00"), "budget_year_cap", "", ""),
    Case("year_cap_own_funds", G, both(setter("finanzplan.posten[0].betraege.2022", "18800.01"), setter("finanzplan.eigenmittel", {"2022": "0.01"})), "budget_year_cap", "", ""),
    Case("pro_rata_exact", G, setter("finanzplan.posten[0].betraege.2021", "11033.33"), "budget_2021_pro_rata", "", ""),
    Case("measures_cost_equal", G, setter("massnahmen.umsetzungsschritte[1].kosten", "31300.00"), "measures_cost_exceed", "", ""),
    Case("zentral_equal", G, setter("finanzplan.zentral_bewirtschaftet.2022", "27900.00"), "zentral_exceeds_requested", "", ""),
    Case("own_funds_zero", G, setter("finanzplan.eigenmittel", {"2022": "0.00"}), "own_contribution_not_required", "", ""),
    Case("deadline_day", G, setter("unterschrift.datum", "2021-07-20"), "deadline_passed", "", ""),
    Case("attachment_exactly_10mb", G, replace_attachment(0, b"%PDF-1.7\n" + b"0" * (10 * MB - 9)), "attachment_too_large", "", ""),
    Case("attachment_jpeg", G, replace_attachment(1, b"\xff\xd8\xff\xe0 jpeg"), "attachment_type", "", ""),
    Case("no_beschluss_needed", G, both(setter("voraussetzungen.beschluss_status", "terminiert"), setter("anlagen", [])), "attachment_missing", "", ""),
    Case("max_length_150", G, setter("kommune.name", "G" * 150), "max_length", "", ""),
    Case("min_length_300", G, setter("ausgangslage.herausforderungen", "h" * 300), "min_length", "", ""),
    Case("ags_landkreis_8", L, setter("kommune.ags", "16099000"), "format", "", ""),
    Case("hidden_not_checked", G, setter("kommune.quartier_name", "q" * 500), "max_length", "", ""),
    Case("landkreis_has_no_landkreis", L, lambda env: None, "required", "", ""),
    Case("int_as_numeric_string", G, setter("kommune.einwohner", "2418"), "format", "", ""),
    Case("dec_as_numeric_string", G, setter("kontakte.stellenanteil_vzae", "0.5"), "format", "", ""),
    Case("all_commitments", G, lambda env: None, "commitments_incomplete", "", ""),
    Case("two_members", V, keep_items("kommune.mitglieder", 2), "min_items", "", ""),
    Case("ags_other_land", G, both(setter("kommune.bundesland", "BY"), setter("kommune.ags", "09473112")), "ags_bundesland_mismatch", "", ""),
    Case("deputy_partly_given", G, setter("kontakte.vertretung", {"vorname": "Sabine"}), "recommended_missing", "", ""),
    Case("known_year", G, setter("finanzplan.posten[0].betraege.2024", "1.00"), "unknown_field", "", ""),
    Case("range_edge", G, setter("kommune.einwohner", 1), "range", "", ""),
    Case("choice_landkreis", L, setter("kommune.art", "landkreis"), "choice_invalid", "", ""),
    Case("attachment_replaced", G, replace_attachment(1, b"\x89PNG\r\n\x1a\nother"), "attachment_hash_mismatch", "", ""),
    Case("attachment_present", G, replace_attachment(0, b"%PDF-1.7 other"), "attachment_content_missing", "", ""),
    Case("amount_zero", G, setter("finanzplan.posten[0].betraege.2023", "0.00"), "budget_negative", "", ""),
    Case("amount_cents", G, setter("finanzplan.posten[0].betraege.2022", "6700.10"), "budget_precision", "", ""),
    Case("one_cent_budget", L, both(clear_amounts, setter("finanzplan.posten[0].betraege.2021", "0.01")), "budget_empty", "", ""),
    Case("no_amount_no_justification", G, both(setter("finanzplan.posten[5].betraege", {}), setter("finanzplan.posten[5].erlaeuterung", "")), "budget_justification_missing", "", ""),
    Case("total_exactly_cap", G, setter("finanzplan.posten[0].betraege", {"2021": "37700.00", "2022": "18800.00", "2023": "22100.00", "2024": "32100.00"}), "budget_total_cap", "", ""),
    Case("years_edges", G, both(setter("ausgangslage.bevoelkerung[0].jahr", 1990), setter("ausgangslage.bevoelkerung[3].jahr", 2030)), "duplicate_year", "", ""),
    Case("mail_small", L, add_attachments(3 * MB), "package_too_large_for_mail", "", ""),
    Case("declarations_given", L, setter("voraussetzungen.projektsystematik", True), "declaration_missing", "", ""),
]  # fmt: skip


@pytest.mark.parametrize("case", PASSING, ids=lambda c: c.id)
def test_passing_case_gives_no_such_finding(case: Case) -> None:
    report = mutated(case.example, case.mutate)
    assert case.code not in {f.code for f in report.findings}, report.to_json()
    assert report.valid, report.to_json()


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_examples_are_complete(name: str) -> None:
    """Complete and free of errors; their municipalities are fictitious, so the directory does
    not know their keys: exactly those ags_unknown warnings."""
    report = check(load_example(name))
    assert report.errors == (), report.to_json()
    found = [(f.code, f.severity, f.path) for f in report.findings]
    assert found == [("ags_unknown", "warning", path) for path in EXAMPLE_AGS_PATHS[name]]


def test_every_code_of_fields_md_is_tested_failing_and_passing() -> None:
    codes = FIELDS_MD_CODES | DIRECTORY_CODES
    assert {c.code for c in FAILING} >= codes, codes - {c.code for c in FAILING}
    assert {c.code for c in PASSING} >= codes, codes - {c.code for c in PASSING}


def test_the_form_declares_every_named_code_of_fields_md() -> None:
    generic = {"required", "recommended_missing", "max_length", "min_length", "format", "range",
               "choice_invalid", "min_items", "unknown_field"}  # fmt: skip
    assert get_form().rule_codes == FIELDS_MD_CODES - generic | DIRECTORY_CODES


def test_the_readme_lists_every_named_code() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    listed = set(re.findall(r"(?m)^\| `(\w+)` \|", readme.split("### Befundcodes", 1)[1]))
    assert listed == get_form().rule_codes
