"""The export commands as a script would run them (subprocesses, no keyring, no terminal)."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from export_helpers import NAMES, example_draft, run_cli

PASSPHRASE = "Skript-Passphrase-2021"


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return {
        **os.environ,
        "ZWK_DATA_DIR": str(tmp_path / "data"),
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
        "PYTHONIOENCODING": "utf-8",
    }


def cli(
    env: dict[str, str], *args: str | Path, stdin: str = ""
) -> subprocess.CompletedProcess[str]:
    return run_cli(*args, env=env, stdin=stdin)


def write_draft(
    path: Path,
    change: dict[str, dict[str, object]] | None = None,
    drop: tuple[str, str] | None = None,
) -> Path:
    draft = example_draft()
    for section, values in (change or {}).items():
        draft.data[section].update(values)
    if drop:
        draft.data[drop[0]].pop(drop[1])
    path.write_bytes(draft.to_bytes())
    return path


def create_identity(env: dict[str, str]) -> None:
    result = cli(
        env,
        "identity",
        "create",
        "--name",
        "Katrin Wendland",
        "--funktion",
        "Bürgermeisterin",
        "--kommune",
        "Lindenhagen",
        "--passphrase-stdin",
        stdin=PASSPHRASE + "\n",
    )
    assert result.returncode == 0, result.stderr
    assert "kein Schlüsselbund" in result.stdout and "bei jeder Signatur abgefragt" in result.stdout


def test_export_with_warnings_needs_accept_warnings_and_records_the_text(
    env: dict[str, str], tmp_path: Path
) -> None:
    create_identity(env)
    draft = write_draft(tmp_path / "entwurf.zwk", drop=("ausgangslage", "anteil_migration"))
    out = tmp_path / "out"
    refused = cli(env, "export", draft, "--out", out, "--passphrase-stdin", stdin=PASSPHRASE + "\n")
    assert refused.returncode == 1
    assert "nicht bestätigt" in refused.stderr and "--accept-warnings" in refused.stderr
    assert not out.exists()
    done = cli(
        env,
        "export",
        draft,
        "--out",
        out,
        "--passphrase-stdin",
        "--accept-warnings",
        "Zahl folgt im Herbst.",
        stdin=PASSPHRASE + "\n",
    )
    assert done.returncode == 0, done.stderr
    assert "Bewerbungspaket geschrieben" in done.stdout and ".eml" in done.stdout
    folder = next(p for p in out.iterdir() if p.is_dir())
    protocol = json.loads((folder / NAMES["pruefprotokoll.json"]).read_bytes())
    assert {a["justification"] for a in protocol["acknowledged_warnings"]} == {
        "Zahl folgt im Herbst."
    }
    assert cli(env, "verify", folder).returncode == 0
    pdf_text = subprocess.run(
        ["pdftotext", folder / NAMES["bewerbung.pdf"], "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "Bevölkerungsentwicklung 2000–2020: −22,1 %" in pdf_text  # the chart, by default


def test_export_refuses_errors_and_a_wrong_passphrase(env: dict[str, str], tmp_path: Path) -> None:
    create_identity(env)
    broken = write_draft(tmp_path / "fehler.zwk", change={"kommune": {"ags": "12"}})
    result = cli(env, "export", broken, "--out", tmp_path / "out", "--accept-warnings", "x")
    assert result.returncode == 1 and "Fehler kommune.ags" in result.stderr
    good = write_draft(tmp_path / "gut.zwk")
    wrong = cli(
        env,
        "export",
        good,
        "--out",
        tmp_path / "out",
        "--passphrase-stdin",
        "--accept-warnings",
        "x",
        stdin="falsch\n",
    )
    # issue 15: a wrong passphrase says so, not "Abgebrochen: ohne Passphrase …"
    assert wrong.returncode == 1 and "Die Passphrase ist falsch" in wrong.stderr
    assert "ohne Passphrase" not in wrong.stderr
    assert not (tmp_path / "out").exists() or list((tmp_path / "out").iterdir()) == []


def test_entwurf_print_works_with_errors_and_needs_no_identity(
    env: dict[str, str], tmp_path: Path
) -> None:
    broken = write_draft(tmp_path / "fehler.zwk", change={"kommune": {"ags": "12"}})
    result = cli(env, "export", broken, "--out", tmp_path / "druck", "--entwurf")
    assert result.returncode == 0, result.stderr
    pdf = next((tmp_path / "druck").iterdir())
    assert pdf.name.startswith("ZWK-Entwurf_12_") and pdf.suffix == ".pdf"
    pdf_text = subprocess.run(
        ["pdftotext", pdf, "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "um 22,1 % gesunken" in pdf_text  # the chart's change in words, by default


def test_export_of_an_unreadable_file_exits_2(env: dict[str, str], tmp_path: Path) -> None:
    bad = tmp_path / "kaputt.zwk"
    bad.write_text("{kein json", encoding="utf-8")
    result = cli(env, "export", bad, "--out", tmp_path / "out")
    assert result.returncode == 2 and "kein gültiges JSON" in result.stderr


def test_identity_list_and_delete(env: dict[str, str]) -> None:
    assert "noch keine Signaturidentität" in cli(env, "identity", "list").stdout
    create_identity(env)
    listed = cli(env, "identity", "list").stdout
    assert "Katrin Wendland (Bürgermeisterin)" in listed and "Passphrase wird abgefragt" in listed
    missing = cli(env, "identity", "delete", "Niemand")
    assert missing.returncode == 1 and "gibt es nicht" in missing.stderr
    assert cli(env, "identity", "delete", "Katrin Wendland").returncode == 0
    assert "noch keine Signaturidentität" in cli(env, "identity", "list").stdout


def test_export_with_the_identity_of_another_person_exits_1_and_writes_nothing(
    env: dict[str, str], tmp_path: Path
) -> None:
    """The Städteverbund is signed by Uwe Lichtenberger, not by Katrin Wendland (issue 11)."""
    create_identity(env)
    draft = tmp_path / "staedteverbund.zwk"
    draft.write_bytes(example_draft("staedteverbund-oberes-tal.zwk").to_bytes())
    out = tmp_path / "out"
    refused = cli(
        env,
        "export",
        draft,
        "--out",
        out,
        "--accept-warnings",
        "Geprüft.",
        "--passphrase-stdin",
        stdin=PASSPHRASE + "\n",
    )
    assert refused.returncode == 1, refused.stdout + refused.stderr
    assert "Katrin Wendland" in refused.stderr and "Uwe Lichtenberger" in refused.stderr
    assert not out.exists()
    # her own application she may sign; "Lindenhagen" is not quite the applicant's name: a note
    own = tmp_path / "lindenhagen.zwk"
    own.write_bytes(example_draft().to_bytes())
    done = cli(
        env,
        "export",
        own,
        "--out",
        out,
        "--accept-warnings",
        "Geprüft.",
        "--passphrase-stdin",
        stdin=PASSPHRASE + "\n",
    )
    assert done.returncode == 0, done.stderr
    assert "Hinweis: Die Signaturidentität" in done.stderr
    assert "„Lindenhagen“" in done.stderr
