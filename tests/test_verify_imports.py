"""`zwk-desktop verify` imports what verification needs and nothing else (issue 18).

A single verify runs as a fresh process: each module it imports is paid for on every call. The
PDF typesetting (reportlab), the window (Qt), the draft store (SQLite) and the other commands'
modules have no part in checking a package.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from export_helpers import NOW, never_ask, new_store, ready_draft

from zwk_desktop.cli.main import COMMANDS, build_parser
from zwk_desktop.formspec import get_form
from zwk_desktop.services.export import export_package

NOT_NEEDED = (
    "reportlab",
    "PySide6",
    "sqlite3",
    "zwk_desktop.services.pdf",
    "zwk_desktop.services.store",
    "zwk_desktop.cli.drafts",
    "zwk_desktop.cli.gemeinde",
    "zwk_desktop.cli.validate",
)

PROBE = """
import json, sys
from zwk_desktop.cli.main import main
code = main(["verify", sys.argv[1]])
print(json.dumps({"code": code, "modules": sorted(sys.modules)}))
"""


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    store = new_store(tmp_path_factory.mktemp("identities"))
    identity = store.create_self_signed(
        "Katrin Wendland", "Bürgermeisterin", "Lindenhagen", "", never_ask
    )
    key = store.unlock(identity, never_ask)
    result = export_package(get_form(), ready_draft(), key, tmp_path_factory.mktemp("out"), now=NOW)
    return result.folder


def test_verify_imports_neither_reportlab_nor_the_other_commands(package: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(package)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        timeout=120,
        check=True,
    )
    result = json.loads(done.stdout.splitlines()[-1])
    assert result["code"] == 0, done.stdout
    modules = set(result["modules"])
    loaded = [
        name
        for name in NOT_NEEDED
        if name in modules or any(m.startswith(name + ".") for m in modules)
    ]
    assert not loaded, f"verify imports {loaded}"
    # …but it does check: the signature and re-validation modules are there.
    assert "zwk_desktop.services.signing" in modules
    assert "zwk_desktop.validation.engine" in modules


def _subcommands(parser: argparse.ArgumentParser) -> set[str]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return set(action.choices)
    return set()


def test_the_command_table_names_every_command_its_module_registers() -> None:
    assert _subcommands(build_parser()) == set(COMMANDS)
    for command in COMMANDS:
        alone = _subcommands(build_parser(command))
        assert command in alone
        assert alone <= set(COMMANDS)
