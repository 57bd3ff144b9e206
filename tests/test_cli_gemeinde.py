"""``zwk-desktop gemeinde SUCHE`` as a user runs it: a real process, German output."""

from __future__ import annotations

import json

from test_cli import cli


def test_search_prints_name_type_key_kreis_land_and_population() -> None:
    result = cli("gemeinde", "münch")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["Name", "Art", "AGS", "Kreis", "Land", "Einwohner"]
    first = lines[2]
    for cell in ("Landeshauptstadt München", "Kreisfreie Stadt", "09162000", "Bayern", "1.505.005"):
        assert cell in first, first
    assert "Landkreis München" in lines[3] and "09184" in lines[3]
    assert "Einwohner zum 31.12.2024." in result.stdout
    assert "© Statistisches Bundesamt (Destatis), 2025" in result.stdout
    assert "Datenlizenz Deutschland – Namensnennung – Version 2.0" in result.stdout


def test_same_names_are_told_apart_by_kreis() -> None:
    result = cli("gemeinde", "Ahorn")
    rows = [line for line in result.stdout.splitlines() if line.startswith("Gemeinde Ahorn ")]
    assert len(rows) == 2
    assert any("09473112" in r and "Landkreis Coburg" in r for r in rows)
    assert any("08128138" in r and "Main-Tauber-Kreis" in r for r in rows)


def test_several_words_and_the_limit() -> None:
    result = cli("gemeinde", "Neustadt", "--anzahl", "3")
    assert result.returncode == 0
    assert "3 Treffer; es gibt weitere" in result.stdout
    only = cli("gemeinde", "neustadt", "coburg")
    assert "09473151" in only.stdout and "1 Treffer." in only.stdout


def test_json_output() -> None:
    result = cli("gemeinde", "Hamburg", "--json")
    assert result.returncode == 0
    report = json.loads(result.stdout)
    assert report["treffer"][0] == {
        "name": "Hamburg, Freie und Hansestadt", "bezeichnung": "Freie und Hansestadt Hamburg",
        "art": "Kreisfreie Stadt", "ags": "02000000", "kreis": "kreisfreie Stadt",
        "land": "Hamburg", "einwohner": 1862565, "flaeche_km2": 755.09, "plz": "20038",
    }  # fmt: skip
    assert report["einwohner_stand"] == "2024-12-31" and "Destatis" in report["quelle"]


def test_no_match_exits_1_and_bad_limit_exits_2() -> None:
    result = cli("gemeinde", "Lindenhagen am See")
    assert result.returncode == 1
    assert "Keine Gemeinde, keine Stadt und kein Landkreis passt zu „Lindenhagen am See“." in (
        result.stdout
    )
    bad = cli("gemeinde", "Ahorn", "--anzahl", "0")
    assert bad.returncode == 2 and "--anzahl muss mindestens 1 sein." in bad.stderr
