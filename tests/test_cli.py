"""The command line as a user runs it: real processes, real files, exit codes, German output."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from clitools import run_cli
from conftest import EXAMPLE_AGS_PATHS, EXAMPLE_NAMES, EXAMPLES, load_example

cli = run_cli


def write(tmp_path: Path, envelope: Any, name: str = "entwurf.zwk") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(envelope, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_examples_validate_as_json(name: str) -> None:
    result = cli("validate", EXAMPLES / name, "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    expected = EXAMPLE_AGS_PATHS[name]  # fictitious keys the municipality directory lacks
    assert {k: report[k] for k in ("valid", "errors", "warnings")} == {
        "valid": True, "errors": 0, "warnings": len(expected)
    }  # fmt: skip
    assert [(i["code"], i["severity"], i["path"]) for i in report["issues"]] == [
        ("ags_unknown", "warning", path) for path in expected
    ]


def test_broken_copy_reports_codes_and_exit_1(tmp_path: Path) -> None:
    env = load_example("gemeinde-lindenhagen.zwk")
    env["data"]["kommune"]["einwohner"] = "viele"
    env["data"]["finanzplan"]["posten"][0]["betraege"]["2022"] = "18800.01"
    env["data"]["unterschrift"]["datum"] = "2021-07-21"
    path = write(tmp_path, env)
    result = cli("validate", path, "--json")
    assert result.returncode == 1, result.stderr
    report = json.loads(result.stdout)
    assert report["valid"] is False
    assert report["errors"] == 2 and report["warnings"] == 2
    issues = {(i["code"], i["path"], i["severity"]) for i in report["issues"]}
    assert issues == {
        ("ags_unknown", "kommune.ags", "warning"),
        ("format", "kommune.einwohner", "error"),
        ("budget_year_cap", "finanzplan", "error"),
        ("deadline_passed", "unterschrift.datum", "warning"),
    }
    cap = next(i for i in report["issues"] if i["code"] == "budget_year_cap")
    assert cap["params"] == {"jahr": 2022, "betrag": "40000.01", "grenze": "40000.00"}
    assert "40.000,01" in cap["message"] and "40.000,00" in cap["message"]
    for issue in report["issues"]:
        assert set(issue) == {"code", "severity", "path", "params", "message"}
    # findings come in form order
    assert [i["path"] for i in report["issues"]] == [
        "kommune.ags", "kommune.einwohner", "finanzplan", "unterschrift.datum"
    ]  # fmt: skip


def test_human_output_is_german_and_grouped_by_section(tmp_path: Path) -> None:
    env = load_example("landkreis-hohenwald.zwk")
    del env["data"]["kommune"]["name"]
    env["data"]["erklaerungen"]["datenschutz"] = False
    path = write(tmp_path, env)
    result = cli("validate", path)
    assert result.returncode == 1
    out = result.stdout
    assert "Angaben zur Kommune – 1 Fehler, 1 Hinweis" in out
    assert "Erklärungen – 1 Fehler" in out
    assert out.index("Angaben zur Kommune") < out.index("Erklärungen")
    assert "„Offizieller Name der Kommune“ fehlt" in out
    assert "Die Bewerbung kann so nicht eingereicht werden." in out


def test_warnings_only_exit_0(tmp_path: Path) -> None:
    env = load_example("gemeinde-lindenhagen.zwk")
    env["data"]["unterschrift"]["datum"] = "2021-08-01"
    result = cli("validate", write(tmp_path, env))
    assert result.returncode == 0
    assert "1 Hinweis" in result.stdout and "bitte prüfen Sie die Hinweise" in result.stdout


def _sparse(path: Path, size: int) -> Path:
    with path.open("wb") as fh:
        fh.write(b'{"format": "zwk-application"')
        fh.truncate(size)
    return path


BAD_INPUTS: dict[str, Any] = {
    "not_json": b"Bewerbung Lindenhagen\n",
    "not_utf8": json.dumps({"format": "zwk-application", "x": "Gr\u00fc\u00dfe"}).encode("latin-1")
    .replace(b"\\u00fc", b"\xfc"),
    "empty": b"",
    "whitespace": b"  \n ",
    "other_format": json.dumps({"format": "odk-submission", "format_version": 1}).encode(),
    "no_format": json.dumps({"data": {}}).encode(),
    "newer_version": json.dumps({"format": "zwk-application", "format_version": 99,
                                 "form": {"id": "zwk-2021", "version": "1"}, "data": {}}).encode(),
    "version_zero": json.dumps({"format": "zwk-application", "format_version": 0,
                                "form": {"id": "zwk-2021", "version": "1"}, "data": {}}).encode(),
    "version_text": json.dumps({"format": "zwk-application", "format_version": "1",
                                "form": {"id": "zwk-2021", "version": "1"}, "data": {}}).encode(),
    "data_not_object": json.dumps({"format": "zwk-application", "format_version": 1,
                                   "form": {"id": "zwk-2021", "version": "1"}, "data": []}).encode(),
    "form_missing": json.dumps({"format": "zwk-application", "format_version": 1,
                                "data": {}}).encode(),
    "unknown_form": json.dumps({"format": "zwk-application", "format_version": 1,
                                "form": {"id": "zwk-2030", "version": "1"}, "data": {}}).encode(),
    "array": b"[1, 2, 3]",
    "nan": b'{"format": "zwk-application", "format_version": NaN}',
    "deep": b"[" * 100000 + b"]" * 100000,
    "bad_base64": json.dumps({"format": "zwk-application", "format_version": 1,
                              "form": {"id": "zwk-2021", "version": "1"}, "data": {},
                              "files": {"ab": "%%%"}}).encode(),
}  # fmt: skip


@pytest.mark.parametrize("kind", sorted(BAD_INPUTS))
def test_unreadable_files_exit_2_with_one_german_sentence(tmp_path: Path, kind: str) -> None:
    path = tmp_path / f"{kind}.zwk"
    path.write_bytes(BAD_INPUTS[kind])
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    for extra in ((), ("--json",)):
        result = cli("validate", path, *extra)
        assert result.returncode == 2, (kind, result.stdout, result.stderr)
        assert "Traceback" not in result.stderr
        assert result.stdout == ""
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1, lines
        assert str(path) in lines[0]
        assert any(w in lines[0] for w in ("Datei", "Entwurf", "Formular")), lines[0]
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_huge_file_is_refused_without_reading(tmp_path: Path) -> None:
    path = _sparse(tmp_path / "riesig.zwk", 200 * 1024 * 1024)
    result = cli("validate", path)
    assert result.returncode == 2
    assert "zu groß" in result.stderr and "Traceback" not in result.stderr


def test_missing_file_and_folder(tmp_path: Path) -> None:
    result = cli("validate", tmp_path / "fehlt.zwk")
    assert result.returncode == 2 and "gibt es nicht" in result.stderr
    result = cli("validate", tmp_path)
    assert result.returncode == 2 and "Ordner" in result.stderr


def test_wrong_type_inside_data_is_a_finding_and_the_rest_is_checked(tmp_path: Path) -> None:
    env = load_example("gemeinde-lindenhagen.zwk")
    env["data"]["kommune"]["einwohner"] = "viele"
    env["data"]["kontakte"] = ["not", "an", "object"]
    env["data"]["ausgangslage"]["bevoelkerung"][1] = "2010: 2712"
    env["data"]["unterschrift"]["datum"] = 20210715
    result = cli("validate", write(tmp_path, env), "--json")
    assert result.returncode == 1
    found = {(i["code"], i["path"]) for i in json.loads(result.stdout)["issues"]}
    assert found == {
        ("ags_unknown", "kommune.ags"),
        ("format", "kommune.einwohner"),
        ("format", "kontakte"),
        ("format", "ausgangslage.bevoelkerung[1]"),
        ("format", "unterschrift.datum"),
    }


def test_utf8_bom_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.zwk"
    path.write_bytes(b"\xef\xbb\xbf" + (EXAMPLES / "landkreis-hohenwald.zwk").read_bytes())
    assert cli("validate", path).returncode == 0


def test_schema_describes_the_draft_format() -> None:
    result = cli("schema")
    assert result.returncode == 0
    schema = json.loads(result.stdout)
    assert schema["properties"]["format"]["const"] == "zwk-application"
    app = schema["$defs"]["Application"]["properties"]
    assert list(app) == ["kommune", "kontakte", "voraussetzungen", "ausgangslage", "ziele",
                         "netzwerke", "massnahmen", "beteiligung", "finanzplan", "erklaerungen",
                         "unterschrift", "anlagen"]  # fmt: skip
    kommune = schema["$defs"]["Kommune"]["properties"]
    assert kommune["name"]["anyOf"][0]["maxLength"] == 150
    assert kommune["art"]["anyOf"][0]["enum"][0] == "quartier"
    assert schema["$defs"]["Kommune"]["additionalProperties"] is False
    betraege = schema["$defs"]["FinanzplanPostenItemBetraege"]["properties"]
    assert list(betraege) == ["2021", "2022", "2023", "2024"]


def test_new_writes_an_empty_draft_and_never_overwrites(tmp_path: Path) -> None:
    out = tmp_path / "neu.zwk"
    result = cli("new", "--out", out)
    assert result.returncode == 0, result.stderr
    envelope = json.loads(out.read_text(encoding="utf-8"))
    assert envelope["format"] == "zwk-application" and envelope["format_version"] == 2
    assert set(envelope["lineage"]) >= {"draft", "version", "written", "items"}
    assert envelope["form"] == {"id": "zwk-2021", "version": "1"}
    steps = [row["schritt"] for row in envelope["data"]["massnahmen"]["zeitplan"]]
    assert steps == ["kickoff", "kommunalprofil", "zukunftswerkstatt", "werkstattplan",
                     "zwischenbilanz"]  # fmt: skip
    before = out.read_bytes()
    again = cli("new", "--out", out)
    assert again.returncode == 2 and "gibt es schon" in again.stderr
    assert out.read_bytes() == before
    checked = cli("validate", out, "--json")
    assert checked.returncode == 1
    codes = {i["code"] for i in json.loads(checked.stdout)["issues"]}
    assert "required" in codes and "unknown_field" not in codes


def test_usage_errors_are_german() -> None:
    result = cli("validate")
    assert result.returncode == 2
    assert "es fehlen die Angaben" in result.stderr
    assert cli("--version").stdout.startswith("ZWK Desktop ")


def test_without_a_display_the_gui_explains_itself() -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)
    result = subprocess.run(
        [sys.executable, "-m", "zwk_desktop"], capture_output=True, text=True, env=env, timeout=60
    )
    assert result.returncode == 2
    assert "QT_QPA_PLATFORM=offscreen" in result.stderr and "xvfb" in result.stderr.lower()
    assert "Traceback" not in result.stderr and "qt.qpa" not in result.stderr
