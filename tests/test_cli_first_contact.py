"""The command line at first contact (issue 10, items 15 and 16): a mistyped command gets the
German usage and exit 2 instead of a window, and each command imports only what it needs."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from clitools import run_cli
from conftest import EXAMPLES

from zwk_desktop.cli.main import COMMANDS, MODULES, build_parser

NO_DISPLAY = {
    k: v
    for k, v in os.environ.items()
    if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
}
"""The environment of a terminal without a display: a window could not open there."""


@pytest.mark.parametrize("args", [["valdate", "x.zwk"], ["valdate"], ["hilfe"]])
def test_a_mistyped_command_prints_the_usage_and_exits_2(args: list[str]) -> None:
    result = run_cli(*args, env=NO_DISPLAY)
    assert result.returncode == 2
    assert result.stderr.startswith("Aufruf: zwk-desktop"), result.stderr  # German (issue 15)
    assert f"unbekannter Befehl „{args[0]}“" in result.stderr
    assert "grafische Oberfläche" not in result.stderr  # it never tried to open a window
    assert result.stdout == ""


def test_a_close_command_is_suggested() -> None:
    result = run_cli("valdate", "x.zwk", env=NO_DISPLAY)
    assert "meinten Sie „validate“?" in result.stderr


def test_a_file_that_does_not_exist_is_no_window(tmp_path: Path) -> None:
    result = run_cli(tmp_path / "fehlt.zwk", env=NO_DISPLAY)
    assert result.returncode == 2
    assert "unbekannter Befehl" in result.stderr and "keine Datei" not in result.stderr
    assert "eine Datei dieses Namens gibt es nicht" in result.stderr


def test_an_existing_file_and_no_argument_start_the_window(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", ZWK_QUIT_AFTER_START="1")
    env["ZWK_DATA_DIR"] = str(tmp_path)
    for args in ([], [EXAMPLES / "gemeinde-lindenhagen.zwk"]):
        result = run_cli(*args, env=env)
        assert result.returncode == 0, result.stderr
        assert "ZWK-HAUPTFENSTER" in result.stdout


def test_the_command_table_agrees_with_the_modules() -> None:
    parser = build_parser()
    sub = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    assert set(sub.choices) == set(COMMANDS)  # type: ignore[arg-type]
    assert set(COMMANDS.values()) == set(MODULES)
    for command, module in COMMANDS.items():
        only = build_parser(command)
        sub = next(a for a in only._actions if a.__class__.__name__ == "_SubParsersAction")
        assert command in sub.choices  # type: ignore[operator]
        assert module in MODULES


MODULES_AFTER = """
import io, json, sys, contextlib
from zwk_desktop.cli.main import main
out = io.StringIO()
with contextlib.redirect_stdout(out):
    try:
        code = main(sys.argv[1:])
    except SystemExit as exc:
        code = exc.code
print(json.dumps({"code": code, "modules": sorted(sys.modules)}))
"""


def modules_after(*args: str | Path) -> tuple[int, set[str]]:
    done = subprocess.run(
        [sys.executable, "-c", MODULES_AFTER, *map(str, args)],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    result = json.loads(done.stdout.strip().splitlines()[-1])
    return result["code"], set(result["modules"])


def test_version_imports_nothing_of_the_program_beyond_the_entry_point() -> None:
    code, modules = modules_after("--version")
    assert code == 0
    ours = {m for m in modules if m.startswith("zwk_desktop")}
    assert ours == {"zwk_desktop", "zwk_desktop.cli", "zwk_desktop.cli.main"}
    assert not {m.split(".")[0] for m in modules} & {"pydantic", "yaml", "sqlite3", "PySide6"}
    assert "socket" not in modules  # the network guard is imported only when asked for


def test_validate_imports_only_its_own_command() -> None:
    code, modules = modules_after("validate", EXAMPLES / "landkreis-hohenwald.zwk")
    assert code == 0
    others = {f"zwk_desktop.cli.{m}" for m in MODULES if m != "validate"}
    assert not modules & others
    for heavy in ("zwk_desktop.services.store", "sqlite3", "keyring", "PySide6", "reportlab"):
        assert heavy not in modules, heavy


def test_drafts_list_imports_neither_the_form_nor_the_other_commands() -> None:
    code, modules = modules_after("drafts", "list")
    assert code == 0
    others = {f"zwk_desktop.cli.{m}" for m in MODULES if m != "drafts"}
    assert not modules & others
    assert not {m.split(".")[0] for m in modules} & {"pydantic", "yaml", "PySide6"}
