"""Text encodings on Windows (issue 13 item 5): output redirected or piped there is cp1252, and a
console may use any code page. ``--json`` is written with ASCII escapes, so that a redirected
``gemeinde --json > x.json`` is valid UTF-8 (and JSON) whatever the code page; text output never
fails on a character the code page lacks."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import EXAMPLES, ROOT

sys.path.insert(0, str(ROOT / "packaging"))

CP1252 = {"PYTHONIOENCODING": "cp1252"}
ASCII_LOCALE = {"LC_ALL": "C", "LANG": "C", "PYTHONCOERCECLOCALE": "0", "PYTHONUTF8": "0"}


def run_raw(*args: str | Path, env: dict[str, str]) -> subprocess.CompletedProcess[bytes]:
    base = {k: v for k, v in os.environ.items() if k not in ("PYTHONIOENCODING", "PYTHONUTF8")}
    return subprocess.run(
        [sys.executable, "-m", "zwk_desktop", *map(str, args)],
        capture_output=True,
        env={**base, **env},
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize("env", [CP1252, ASCII_LOCALE], ids=["cp1252", "C-locale"])
@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("gemeinde", "München", "--json", "--anzahl", "1"), "München"),
        (("validate", EXAMPLES / "gemeinde-lindenhagen.zwk", "--json"), "Gemeindeverzeichnis"),
        (("about", "--json"), "Gemeindeverzeichnis"),
        (("schema",), "Bürgermeister"),
    ],
    ids=["gemeinde", "validate", "about", "schema"],
)
def test_json_output_is_ascii_in_any_code_page(
    args: tuple[str, ...], expected: str, env: dict[str, str]
) -> None:
    result = run_raw(*args, env=env)
    assert result.returncode in (0, 1), result.stderr.decode("utf-8", "replace")
    result.stdout.decode("ascii")  # raises on any byte above 127
    parsed = json.loads(result.stdout)
    assert expected in json.dumps(parsed, ensure_ascii=False)


def test_drafts_list_json_is_ascii_under_cp1252() -> None:
    imported = run_raw("drafts", "import", EXAMPLES / "gemeinde-lindenhagen.zwk", env=CP1252)
    assert imported.returncode == 0, imported.stderr.decode("cp1252", "replace")
    result = run_raw("drafts", "list", "--json", env=CP1252)
    assert result.returncode == 0
    rows = json.loads(result.stdout.decode("ascii"))
    assert "Lindenhagen" in json.dumps(rows)


@pytest.mark.parametrize("env", [CP1252, ASCII_LOCALE], ids=["cp1252", "C-locale"])
def test_text_output_never_fails_on_the_code_page(env: dict[str, str]) -> None:
    """German text with „quotes“, dashes and umlauts: readable in cp1252, escaped in ASCII."""
    result = run_raw("gemeinde", "Müncheberg", env=env)
    assert result.returncode == 0, result.stderr
    assert b"Traceback" not in result.stderr
    if env is CP1252:
        assert "Müncheberg" in result.stdout.decode("cp1252")
    else:
        assert "M\\xfcncheberg" in result.stdout.decode("ascii")
    missing = run_raw("validate", "fehlt.zwk", env=env)
    assert missing.returncode == 2
    assert b"Traceback" not in missing.stderr


def test_the_bundled_executables_run_in_utf8_mode_and_name_themselves() -> None:
    """The spec hands Python's UTF-8 mode to every executable (the smoke test checks the built
    bundle); each Windows executable has its own OriginalFilename and says "ZWK Desktop"."""
    import bundle_smoke
    import bundle_spec

    assert ("X utf8_mode=1", None, "OPTION") in bundle_spec.PYTHON_OPTIONS
    spec_text = (Path(bundle_spec.__file__).parent / "zwk-desktop.spec").read_text("utf-8")
    assert "bundle_spec.PYTHON_OPTIONS" in spec_text
    for exe in ("zwk-desktop.exe", "zwk-desktop-cli.exe"):
        strings = bundle_spec.version_strings("0.1.0", exe, "ZWK", "EUPL-1.2")
        assert strings["OriginalFilename"] == exe
        assert strings["FileDescription"] == "ZWK Desktop"
    utf8 = [s for s in bundle_smoke.STEPS if s.name.startswith("UTF-8-Modus")]
    assert utf8 and utf8[0].bundle_only and ("PYTHONIOENCODING", None) in utf8[0].env


def test_the_smoke_test_never_reaches_the_real_data_folder_or_keyring(tmp_path: Path) -> None:
    import bundle_smoke

    env = bundle_smoke.isolated_environment(tmp_path)
    assert env["ZWK_DATA_DIR"].startswith(str(tmp_path))
    assert env["PYTHON_KEYRING_BACKEND"] == "keyring.backends.fail.Keyring"
    assert "DBUS_SESSION_BUS_ADDRESS" not in env


def test_verify_json_is_ascii_in_any_code_page(tmp_path: Path) -> None:
    """`verify --json` (issue 11) follows the same rule: its German message („…_manifest.json“)
    arrives as ASCII escapes."""
    for env in (CP1252, ASCII_LOCALE):
        result = run_raw("verify", tmp_path, "--json", env=env)
        assert result.returncode == 2, result.stderr.decode("utf-8", "replace")
        parsed = json.loads(result.stdout.decode("ascii"))
        assert "kein ZWK-Bewerbungspaket" in parsed["message"] and "…" in parsed["message"]


@pytest.mark.parametrize("env", [CP1252, ASCII_LOCALE], ids=["cp1252", "C-locale"])
def test_merge_and_identity_list_json_are_ascii_in_any_code_page(
    env: dict[str, str], tmp_path: Path
) -> None:
    """The --json of issue 16's merge and issue 17's identity list, like every other --json:
    ASCII escapes, so that the output is valid JSON in any code page (a C locale would turn
    "ü" into the invalid escape \\xfc)."""
    envelope = json.loads((EXAMPLES / "gemeinde-lindenhagen.zwk").read_text(encoding="utf-8"))
    paths = []
    for name, value in (("basis", None), ("unser", "Gemeinderat Süd"), ("ihr", "Rat Nord-Ost")):
        if value is not None:
            envelope["data"]["voraussetzungen"]["beschluss_gremium"] = value
        path = tmp_path / f"{name}.zwk"
        path.write_text(json.dumps(envelope, ensure_ascii=False), encoding="utf-8")
        paths.append(path)
    merged = run_raw("merge", *paths, "--out", tmp_path / "m.zwk", "--json", env=env)
    assert merged.returncode == 1, merged.stderr.decode("utf-8", "replace")
    conflicts = json.loads(merged.stdout.decode("ascii"))["conflicts"]
    assert conflicts[0]["ours"] == "Gemeinderat Süd"

    keyring = {**env, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    created = subprocess.run(
        [sys.executable, "-m", "zwk_desktop", "identity", "create", "--name", "Jürgen Łukasz",
         "--funktion", "Bürgermeister", "--kommune", "Gemeinde Süd", "--passphrase-stdin"],
        input=b"eine-lange-passphrase\n", capture_output=True, timeout=120,
        env={**{k: v for k, v in os.environ.items() if k != "PYTHONIOENCODING"}, **keyring},
    )  # fmt: skip
    assert created.returncode == 0, created.stderr.decode("utf-8", "replace")
    listed = run_raw("identity", "list", "--json", env=keyring)
    assert listed.returncode == 0, listed.stderr.decode("utf-8", "replace")
    identity = json.loads(listed.stdout.decode("ascii"))["identities"][0]
    assert "Jürgen Łukasz" in json.dumps(identity, ensure_ascii=False)
