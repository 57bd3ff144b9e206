"""The municipality directory without Qt: the GV100AD parser against an independent derivation,
the shipped index, the tolerant search, and what choosing a municipality fills in."""

from __future__ import annotations

import csv
import hashlib
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT, load_example

from zwk_desktop.directory import (
    ATTRIBUTION,
    Directory,
    DirectoryError,
    default_directory,
    directory_folder,
)
from zwk_desktop.directory.fill import (
    directory_marks,
    kommune_fill,
    member_item,
    members_fill,
)
from zwk_desktop.directory.gv100 import GV100Error, parse_gv100, parse_notes, read_gv100
from zwk_desktop.directory.index import INDEX_FILE, index_bytes, source_file
from zwk_desktop.directory.names import fold, formal_name
from zwk_desktop.domain.draft import draft_from_json
from zwk_desktop.domain.paths import set_value
from zwk_desktop.formspec import get_form
from zwk_desktop.validation import validate_draft

CROSSCHECK = ROOT / "tests" / "data" / "gemeindeverzeichnis"


@pytest.fixture(scope="module")
def gv() -> Any:
    return read_gv100(source_file(directory_folder()))


@pytest.fixture(scope="module")
def directory() -> Directory:
    return default_directory()


def _csv(name: str) -> list[dict[str, str]]:
    with (CROSSCHECK / name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


# --------------------------------------------------------------------------- parser


def test_record_counts_and_national_total(gv: Any) -> None:
    # Counts per Satzart and the national total as stated with the shared data (SOURCE.md):
    # 10,953 Gemeinden = the rows of gemeinden.csv, 400 Kreise = the rows of kreise.csv.
    assert gv.counts == {"10": 16, "20": 29, "30": 12, "40": 400, "50": 4590, "60": 10953}
    assert len(gv.gemeinden) == 10953 and len(gv.kreise) == 400 and len(gv.verbaende) == 4590
    assert sum(g.einwohner for g in gv.gemeinden) == 83_577_140
    assert gv.gebietsstand.isoformat() == "2025-11-30"
    types = {g.typ for g in gv.gemeinden if g.typ not in ("65", "66")}
    assert sum(1 for g in gv.gemeinden if g.typ in types) == 10751


def test_gemeinden_match_the_independent_csv(gv: Any) -> None:
    rows = _csv("gemeinden_stichprobe.csv")
    assert len(rows) == 556
    by_ags = {g.ags: g for g in gv.gemeinden}
    kreise = {k.code: k for k in gv.kreise}
    verbaende = {v.code: v for v in gv.verbaende}
    laender = {land.code: land.name for land in gv.laender}
    for row in rows:
        g = by_ags[row["ags"]]
        assert (g.ars, g.name, g.typ, g.kreis, g.verband_code) == (
            row["ars"], row["name"], row["gemeindetyp_code"], row["kreis_code"],
            row["verband_code"],
        ), row["ags"]  # fmt: skip
        assert (g.plz or "", int(g.plz_mehrere)) == (row["plz"], int(row["plz_mehrere"] or 0))
        assert (g.flaeche_ha, g.einwohner, g.einwohner_maennlich) == (
            int(row["flaeche_ha"]),
            int(row["bevoelkerung"]),
            int(row["bevoelkerung_maennlich"]),
        )
        assert laender[g.ags[:2]] == row["land"]
        if row["kreis"]:  # empty for three areas without a Kreis (07000999, 13000998/999)
            assert kreise[g.kreis].name == row["kreis"]
            assert kreise[g.kreis].typ == row["kreistyp_code"]
        assert verbaende[g.verband_code].typ == row["verbandstyp_code"]
        assert verbaende[g.verband_code].name == row["verband"]


def test_kreise_and_their_sums_match_the_independent_csv(gv: Any, directory: Directory) -> None:
    rows = _csv("kreise.csv")
    assert [r["kreis_code"] for r in rows] == [k.code for k in gv.kreise]
    counts: dict[str, int] = {}
    for g in gv.gemeinden:
        counts[g.kreis] = counts.get(g.kreis, 0) + 1
    for row, kreis in zip(rows, gv.kreise, strict=True):
        assert (kreis.name, kreis.sitz, kreis.typ) == (
            row["name"],
            row["sitz"],
            row["kreistyp_code"],
        )
        assert counts[kreis.code] == int(row["anzahl_gemeinden_inkl_gemeindefrei"])
        if kreis.typ in ("43", "44", "45"):
            entry = directory.lookup(kreis.code)
            assert entry is not None and entry.is_kreis
            assert entry.einwohner == int(row["bevoelkerung_summe"]), kreis.code
            assert entry.flaeche_km2 == Decimal(row["flaeche_km2_summe"]), kreis.code


def test_release_notes_give_population_and_area_dates() -> None:
    notes = parse_notes((directory_folder() / "Hinweise.txt").read_text(encoding="utf-8-sig"))
    assert notes.bevoelkerungsstand.isoformat() == "2024-12-31"
    assert notes.flaechenstand.isoformat() == "2024-12-31"
    with pytest.raises(GV100Error, match="Stichtag der Bevölkerungsangaben"):
        parse_notes("Erscheinungsmonat: Oktober 2025")


GOOD = (
    "6020251130094731120000Ahorn" + " " * 45 + " " * 50
    + "64    000000019830000000404700000002030    96482" + " " * 50
)  # fmt: skip


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        ([GOOD[:219]], "Zeile 1: ein Satz hat 220 Zeichen, dieser hat 219"),
        ([GOOD, "70" + GOOD[2:]], "Zeile 2: unbekannte Satzart '70'"),
        ([GOOD, GOOD[:2] + "20251201" + GOOD[10:]], "Zeile 2: Gebietsstand 20251201 weicht"),
        ([GOOD[:139] + "0000000404x" + GOOD[150:]], "Zeile 1: Bevölkerung .* keine Zahl"),
        ([GOOD[:122] + "69" + GOOD[124:]], "Zeile 1: unbekanntes Textkennzeichen '69'"),
        ([GOOD[:22] + " " * 50 + GOOD[72:]], "Zeile 1: die Bezeichnung .* ist leer"),
        ([], "keinen Satz"),
    ],
)
def test_parser_rejects_deviations_from_the_layout(lines: list[str], message: str) -> None:
    assert len(GOOD) == 220
    with pytest.raises(GV100Error, match=message):
        parse_gv100(lines)


def test_parser_reads_one_record_field_by_field() -> None:
    (g,) = parse_gv100([GOOD]).gemeinden
    assert (g.ags, g.verband, g.name, g.typ) == ("09473112", "0000", "Ahorn", "64")
    assert (g.flaeche_ha, g.einwohner, g.einwohner_maennlich) == (1983, 4047, 2030)
    assert (g.plz, g.plz_mehrere) == ("96482", False)


# --------------------------------------------------------------------------- index


def test_the_shipped_index_is_built_from_the_shipped_original() -> None:
    folder = directory_folder()
    shipped = (folder / INDEX_FILE).read_bytes()
    assert index_bytes(folder) == shipped, "python -m zwk_desktop.directory.build ausführen"
    meta = json.loads(shipped)["meta"]
    original = source_file(folder)
    assert meta["sha256"] == hashlib.sha256(original.read_bytes()).hexdigest()
    assert meta["quelle"] == original.name


def test_the_index_holds_every_gemeinde_and_kreis(directory: Directory, gv: Any) -> None:
    assert len(directory) == 10953 + 400
    kreise = [directory.lookup(k.code) for k in gv.kreise if k.typ in ("43", "44", "45")]
    assert len(kreise) == 294
    # the seat town's PLZ for the address of every Landkreis, Kreis and Regionalverband
    assert [k.formal_name for k in kreise if k is not None and not k.plz] == []
    wittenberg = directory.lookup("15091")
    assert wittenberg is not None and (wittenberg.ort, wittenberg.plz) == (
        "Lutherstadt Wittenberg",
        directory.lookup("15091375").plz,  # type: ignore[union-attr]
    )
    assert directory.meta.gebietsstand.isoformat() == "2025-11-30"
    assert directory.meta.bevoelkerungsstand.isoformat() == "2024-12-31"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"{kaputt", "der Index ist beschädigt"),
        (b'{"format": "etwas", "version": 1}', "kein Index des Gemeindeverzeichnisses"),
        (b'{"format": "zwk-gemeindeverzeichnis-index", "version": 1}', "unvollständig"),
    ],
)
def test_a_broken_index_gives_a_german_error(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "index.json"
    path.write_bytes(content)
    with pytest.raises(DirectoryError, match=message):
        Directory.load(path)
    with pytest.raises(DirectoryError, match="kann nicht gelesen werden"):
        Directory.load(tmp_path / "fehlt.json")


# --------------------------------------------------------------------------- look-up and search


def first(directory: Directory, query: str) -> str:
    found = directory.search(query, 5)
    assert found, query
    return found[0].ags


@pytest.mark.parametrize("query", ["München", "Muenchen", "münch", "MÜNCHEN", "Munchen",
                                   "Landeshauptstadt München", "09162", "09162000"])  # fmt: skip
def test_search_finds_muenchen_tolerantly(directory: Directory, query: str) -> None:
    assert first(directory, query) == "09162000"


def test_search_finds_hamburg_and_tells_the_landkreis_muenchen_apart(directory: Directory) -> None:
    assert first(directory, "Hamburg") == "02000000"
    assert first(directory, "hamb") == "02000000"
    found = directory.search("München", 5)
    assert [(e.ags, e.formal_name, e.typ_label) for e in found[:2]] == [
        ("09162000", "Landeshauptstadt München", "Kreisfreie Stadt"),
        ("09184", "Landkreis München", "Landkreis"),
    ]


def test_search_finds_ahorn_in_landkreis_coburg(directory: Directory) -> None:
    ahorns = [e for e in directory.search("Ahorn") if e.core_name == "Ahorn"]
    assert {(e.ags, e.where) for e in ahorns} == {
        ("09473112", "Landkreis Coburg, Bayern"),
        ("08128138", "Main-Tauber-Kreis, Baden-Württemberg"),
    }
    assert first(directory, "Ahorn Coburg") == "09473112"
    assert first(directory, "ahorn 09473") == "09473112"


@pytest.mark.parametrize(
    ("query", "ags", "name"),
    [
        ("Landkreis Coburg", "09473", "Landkreis Coburg"),
        ("Vorpommern-Greifswald", "13075", "Landkreis Vorpommern-Greifswald"),
        ("rhein-sieg", "05382", "Rhein-Sieg-Kreis"),
        ("Kreis Kleve", "05154", "Kreis Kleve"),
        ("Regionalverband Saarbrücken", "10041", "Regionalverband Saarbrücken"),
    ],
)
def test_search_finds_a_landkreis_by_name(
    directory: Directory, query: str, ags: str, name: str
) -> None:
    entry = directory.search(query)[0]
    assert (entry.ags, entry.formal_name, entry.is_kreis) == (ags, name, True)


def test_search_tells_neustadts_and_altdorfs_apart_by_kreis(directory: Directory) -> None:
    neustadts = [e for e in directory.search("Neustadt", 50) if not e.is_kreis]
    assert len(neustadts) >= 15
    labels = [(e.formal_name, e.where) for e in neustadts]
    assert len(set(labels)) == len(labels)
    assert ("Große Kreisstadt Neustadt b.Coburg", "Landkreis Coburg, Bayern") in labels
    assert (
        "Stadt Neustadt a.d.Aisch",
        "Landkreis Neustadt a.d.Aisch-Bad Windsheim, Bayern",
    ) in labels
    altdorfs = [e for e in directory.search("Altdorf", 50) if e.core_name == "Altdorf"]
    assert len(altdorfs) == 4
    assert len({e.where for e in altdorfs}) == 4  # same name, four different Kreise
    assert first(directory, "Neustadt Coburg") == "09473151"


def test_search_ranks_the_exact_name_first_and_ignores_kreis_only_matches(
    directory: Directory,
) -> None:
    assert [e.ags for e in directory.search("Coburg", 2)] == ["09473", "09463000"]
    assert [e.ags for e in directory.search("Stadt Coburg")] == ["09463000"]
    # Ahorn is in Landkreis Coburg, but "Coburg" is not its name
    assert "09473112" not in {e.ags for e in directory.search("Coburg", 100)}
    assert directory.search("") == [] and directory.search("  ,, ") == []
    assert directory.search("Lindenhagen am See") == []
    assert len(directory.search("a", 7)) == 7
    assert first(directory, "Chóśebuz") == "12052000"
    assert first(directory, "budysin") == "14625020"


def test_gemeindefreie_gebiete_are_known_but_not_offered(directory: Directory) -> None:
    entry = directory.lookup("07000999")
    assert entry is not None and entry.typ == "66"
    assert "07000999" not in {e.ags for e in directory.search("07000", 50)}


@pytest.mark.parametrize(
    ("ags", "expected"),
    [("09473112", "09473112"), ("09473", "09473"), ("09473000", "09473"), ("09162", "09162000"),
     ("02000", "02000000"), (" 11000000 ", "11000000"), ("09473111", None), ("12073999", None),
     ("16099", None), ("", None)],
)  # fmt: skip
def test_lookup_by_key(directory: Directory, ags: str, expected: str | None) -> None:
    entry = directory.lookup(ags)
    assert (entry.ags if entry else None) == expected


@pytest.mark.parametrize(
    ("ags", "name", "matches"),
    [
        ("09473112", "Gemeinde Ahorn", True),
        ("09473112", "ahorn", True),
        ("09473112", "Ahorn, Gemeinde", True),
        ("09473112", "Gemeinde Rödental", False),
        ("09162000", "Landeshauptstadt München", True),
        ("09162000", "Muenchen", True),
        ("09162000", "Landkreis München", False),
        ("09184", "Landkreis München", True),
        ("09184", "Stadt München", False),
        ("02000000", "Freie und Hansestadt Hamburg", True),
        ("12052000", "Stadt Cottbus", True),
        ("14625020", "Stadt Bautzen", True),
        ("15091375", "Lutherstadt Wittenberg", True),
        ("06534016", "Stadt Neustadt", True),
    ],
)
def test_names_match_their_key_with_or_without_designation(
    directory: Directory, ags: str, name: str, matches: bool
) -> None:
    entry = directory.lookup(ags)
    assert entry is not None
    assert entry.matches_name(name) is matches


@pytest.mark.parametrize(
    ("name", "typ", "formal"),
    [
        ("Ahorn", "64", "Gemeinde Ahorn"),
        ("München, Landeshauptstadt", "61", "Landeshauptstadt München"),
        ("Hamburg, Freie und Hansestadt", "61", "Freie und Hansestadt Hamburg"),
        ("Marktl, M", "60", "Markt Marktl"),
        ("Markt Indersdorf, M", "60", "Markt Indersdorf"),
        ("Neustadt b.Coburg, GKSt", "67", "Große Kreisstadt Neustadt b.Coburg"),
        ("Mettmann, Fundort des Neanderthalers, Stadt", "63", "Stadt Mettmann"),
        ("Mechernich, Tor zur Eifel", "63", "Stadt Mechernich"),
        ("Bautzen / Budyšin, Stadt, Hochschulstadt / Wysokoš", "63", "Stadt Bautzen / Budyšin"),
        ("Coburg", "44", "Landkreis Coburg"),
        ("Kleve", "43", "Kreis Kleve"),
        ("Rhein-Sieg-Kreis", "44", "Rhein-Sieg-Kreis"),
        ("Städteregion Aachen", "43", "Städteregion Aachen"),
    ],
)
def test_formal_names_put_the_designation_in_front(name: str, typ: str, formal: str) -> None:
    assert formal_name(name, typ) == formal


def test_fold_is_tolerant_of_case_umlauts_and_diacritics() -> None:
    assert fold("Großräschen") == fold("GROSSRAESCHEN") == "grossraschen"
    assert fold("Lübben (Spreewald) / Lubin (Błota)") == "lubben spreewald lubin blota"


# --------------------------------------------------------------------------- filling the form


def test_choosing_ahorn_fills_the_kommune_fields(directory: Directory) -> None:
    entry = directory.lookup("09473112")
    assert entry is not None
    assert kommune_fill(get_form(), directory, entry) == {
        "kommune.name": "Gemeinde Ahorn",
        "kommune.art": "gemeinde",
        "kommune.ags": "09473112",
        "kommune.bundesland": "BY",
        "kommune.landkreis": "Landkreis Coburg",
        "kommune.einwohner": 4047,
        "kommune.einwohner_stand": "2024-12-31",
        "kommune.flaeche_km2": 19.83,
        "kommune.anschrift.plz": "96482",
        "kommune.anschrift.ort": "Ahorn",
    }


@pytest.mark.parametrize(
    ("ags", "expected"),
    [
        ("09162000", {"kommune.name": "Landeshauptstadt München", "kommune.art": "kreisfreie_stadt",
                      "kommune.bundesland": "BY", "kommune.landkreis": None,
                      "kommune.einwohner": 1505005, "kommune.flaeche_km2": 310.7,
                      "kommune.anschrift.plz": "80313", "kommune.anschrift.ort": "München"}),
        ("02000000", {"kommune.name": "Freie und Hansestadt Hamburg", "kommune.bundesland": "HH",
                      "kommune.art": "kreisfreie_stadt", "kommune.einwohner": 1862565}),
        ("09473", {"kommune.name": "Landkreis Coburg", "kommune.art": "landkreis",
                   "kommune.ags": "09473", "kommune.landkreis": None, "kommune.einwohner": 84468,
                   "kommune.flaeche_km2": 590.41, "kommune.anschrift.ort": "Coburg",
                   "kommune.anschrift.plz": "96450"}),
        ("09473159", {"kommune.name": "Stadt Rödental", "kommune.art": "kreisangehoerige_stadt"}),
        ("09171123", {"kommune.name": "Markt Marktl", "kommune.art": "gemeinde"}),
    ],
)  # fmt: skip
def test_choosing_fills_art_from_the_directory_type(
    directory: Directory, ags: str, expected: dict[str, Any]
) -> None:
    entry = directory.lookup(ags)
    assert entry is not None
    fill = kommune_fill(get_form(), directory, entry)
    assert {k: fill[k] for k in expected} == expected


def test_a_quartier_keeps_its_art_when_choosing_its_city(directory: Directory) -> None:
    spec = get_form()
    leipzig = directory.lookup("14713000")
    assert leipzig is not None
    env = load_example("gemeinde-lindenhagen.zwk")
    kommune = env["data"]["kommune"]
    kommune.update(art="quartier", quartier_name="Grünau", quartier_einwohner=43000)
    del kommune["landkreis"]
    fill = kommune_fill(spec, directory, leipzig, env["data"])
    assert "kommune.art" not in fill and fill["kommune.name"] == "Stadt Leipzig"
    for path, value in fill.items():
        set_value(env["data"], path, value)
    report = validate_draft(spec, draft_from_json(env))
    assert report.findings == (), report.to_json()
    marks = directory_marks(spec, directory, env["data"])
    assert {"kommune.name", "kommune.ags", "kommune.einwohner"} <= marks
    assert "kommune.art" not in marks
    # without the data (or for any other art) the art comes from the directory
    assert kommune_fill(spec, directory, leipzig)["kommune.art"] == "kreisfreie_stadt"


def _filled_example(example: str, fill: dict[str, Any]) -> dict[str, Any]:
    env = load_example(example)
    for path, value in fill.items():
        set_value(env["data"], path, value)
    return env


@pytest.mark.parametrize(
    ("example", "ags"),
    [("gemeinde-lindenhagen.zwk", "09473112"), ("gemeinde-lindenhagen.zwk", "09162000"),
     ("gemeinde-lindenhagen.zwk", "15091375"), ("landkreis-hohenwald.zwk", "09473"),
     ("landkreis-hohenwald.zwk", "13075")],
)  # fmt: skip
def test_a_filled_kommune_passes_validation_without_directory_warnings(
    directory: Directory, example: str, ags: str
) -> None:
    entry = directory.lookup(ags)
    assert entry is not None
    env = _filled_example(example, kommune_fill(get_form(), directory, entry))
    report = validate_draft(get_form(), draft_from_json(env))
    assert report.findings == (), report.to_json()


def test_members_are_picked_and_their_population_summed(directory: Directory) -> None:
    spec = get_form()
    picked = [directory.lookup(a) for a in ("09473112", "09473159", "09473166")]
    members = [member_item(spec, e) for e in picked if e is not None]
    assert members[0] == {"name": "Gemeinde Ahorn", "ags": "09473112", "einwohner": 4047}
    fill = members_fill(spec, directory, members)
    assert fill == {
        "kommune.mitglieder": members,
        "kommune.einwohner": 4047 + 12457 + 4430,
        "kommune.einwohner_stand": "2024-12-31",
        "kommune.flaeche_km2": float(Decimal("19.83") + Decimal("49.97") + Decimal("34.69")),
        "kommune.bundesland": "BY",
    }
    # a member typed in by hand still counts, but the date and area are no longer the directory's
    typed = [*members, {"name": "Gemeinde Neuland", "ags": "09473999", "einwohner": 500}]
    fill = members_fill(spec, directory, typed)
    assert fill["kommune.einwohner"] == 4047 + 12457 + 4430 + 500
    assert "kommune.einwohner_stand" not in fill and "kommune.flaeche_km2" not in fill
    # the Land of most members
    mixed = [member_item(spec, e) for a in ("16076049", "09473112", "16076001")
             if (e := directory.lookup(a)) is not None]  # fmt: skip
    assert members_fill(spec, directory, mixed)["kommune.bundesland"] == "TH"
    assert members_fill(spec, directory, [])["kommune.einwohner"] is None


def test_a_group_of_real_members_validates_without_directory_warnings(
    directory: Directory,
) -> None:
    spec = get_form()
    members = [member_item(spec, e) for a in ("14522020", "14522080", "14522110")
               if (e := directory.lookup(a)) is not None]  # fmt: skip
    fill = members_fill(spec, directory, members)
    env = _filled_example("staedteverbund-oberes-tal.zwk", {**fill, "kommune.ags": "14522020"})
    report = validate_draft(spec, draft_from_json(env))
    assert report.findings == (), report.to_json()
    marks = directory_marks(spec, directory, env["data"])
    assert {"kommune.mitglieder[1].ags", "kommune.mitglieder[2].einwohner", "kommune.einwohner",
            "kommune.einwohner_stand", "kommune.bundesland"} <= marks  # fmt: skip


def test_marks_show_which_values_came_from_the_directory(directory: Directory) -> None:
    spec = get_form()
    entry = directory.lookup("09473112")
    assert entry is not None
    fill = kommune_fill(spec, directory, entry)
    env = _filled_example("gemeinde-lindenhagen.zwk", fill)
    data = env["data"]
    assert directory_marks(spec, directory, data) == {p for p, v in fill.items() if v is not None}
    data["kommune"]["einwohner"] = 4100
    data["kommune"]["anschrift"]["ort"] = "Ahorn (Ofr.)"
    marks = directory_marks(spec, directory, data)
    assert "kommune.einwohner" not in marks and "kommune.anschrift.ort" not in marks
    assert "kommune.name" in marks and "kommune.flaeche_km2" in marks
    data["kommune"]["flaeche_km2"] = "19.830"  # the same number, written differently
    assert "kommune.flaeche_km2" in directory_marks(spec, directory, data)
    assert (
        directory_marks(spec, directory, load_example("gemeinde-lindenhagen.zwk")["data"]) == set()
    )


# --------------------------------------------------------------------------- attribution


def test_the_attribution_names_destatis_the_licence_and_the_shipped_dates(
    directory: Directory,
) -> None:
    meta = directory.meta
    assert "© Statistisches Bundesamt (Destatis), 2025" in ATTRIBUTION
    assert "Datenlizenz Deutschland – Namensnennung – Version 2.0" in ATTRIBUTION
    assert "https://www.govdata.de/dl-de/by-2-0" in ATTRIBUTION
    assert f"Gebietsstand {meta.gebietsstand:%d.%m.%Y}" in ATTRIBUTION
    assert f"Bevölkerung zum {meta.bevoelkerungsstand:%d.%m.%Y}" in ATTRIBUTION
    source = (directory_folder() / "SOURCE.md").read_text(encoding="utf-8")
    quoted = " ".join(
        line[2:] for line in source.splitlines() if line.startswith("> ")
    )  # the block quote under "Attribution"
    assert " ".join(ATTRIBUTION.split()) == " ".join(quoted.split())
