"""Test set-up: headless Qt, and no test ever touches the developer's real data or keyring."""

from __future__ import annotations

import copy
import json
import os
import sys
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


def pytest_runtest_logstart(nodeid: str, location: tuple[str, int | None, str]) -> None:
    """Name the running test in $ZWK_TEST_PROGRESS (set by `make test`): when a test takes the
    whole process down (a signal, not an exception), the Makefile reports which one it was."""
    progress = os.environ.get("ZWK_TEST_PROGRESS")
    if progress:
        Path(progress).write_text(nodeid, encoding="utf-8")


@pytest.fixture(autouse=True)
def _isolated_user_data(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Point the data directory (and platformdirs' roots) at a fresh temp folder per test."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("ZWK_DATA_DIR", str(home / "zwk-data"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    common = sys.modules.get("zwk_desktop.ui.common")
    if common is not None:  # the file dialogs' last folder is per run of the program
        common.FOLDERS.last = None
    return home


@pytest.fixture(autouse=True)
def _program_language(request: pytest.FixtureRequest) -> None:
    """Tests that show widgets get the translators the program installs at start (German, with
    its plural forms), as `zwk_desktop.ui.window.application.run` does."""
    if not {"qtbot", "qapp"} & set(request.fixturenames):
        return
    from zwk_desktop.ui.window.language import ensure_translators

    ensure_translators(request.getfixturevalue("qapp"))


@pytest.fixture(scope="session")
def spec() -> Any:
    from zwk_desktop.formspec import get_form

    return get_form()


def load_example(name: str) -> dict[str, Any]:
    """The envelope of an example draft as plain JSON (a fresh copy each time)."""
    return copy.deepcopy(_example_cache(name))


_CACHE: dict[str, dict[str, Any]] = {}


def _example_cache(name: str) -> dict[str, Any]:
    if name not in _CACHE:
        _CACHE[name] = json.loads((EXAMPLES / name).read_text(encoding="utf-8"))
    return _CACHE[name]


EXAMPLE_NAMES = sorted(p.name for p in EXAMPLES.glob("*.zwk"))

EXAMPLE_AGS_PATHS: dict[str, list[str]] = {
    "gemeinde-lindenhagen.zwk": ["kommune.ags"],
    "landkreis-hohenwald.zwk": ["kommune.ags"],
    "staedteverbund-oberes-tal.zwk": [
        "kommune.mitglieder[0].ags", "kommune.mitglieder[1].ags", "kommune.mitglieder[2].ags",
        "kommune.ags",
    ],
}  # fmt: skip
"""The examples are fictitious municipalities: the only findings are these ags_unknown warnings
(the keys are not in the municipality directory), in form order."""
