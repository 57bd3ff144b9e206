"""Atomic file writes (draft files, settings) and the settings file. No display needed."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from zwk_desktop.services.atomic import write_atomic
from zwk_desktop.services.settings import Settings, SettingsStore


def test_atomic_write_replaces_the_whole_file(tmp_path: Path) -> None:
    target = tmp_path / "a.zwk"
    write_atomic(target, b"alt")
    write_atomic(target, b"neu")
    assert target.read_bytes() == b"neu"
    assert [p.name for p in tmp_path.iterdir()] == ["a.zwk"]


def test_a_failed_atomic_write_leaves_the_old_file_and_no_temp_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "a.zwk"
    target.write_bytes(b"alt")

    def broken_replace(src: Any, dst: Any) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError):
        write_atomic(target, b"neu")
    assert target.read_bytes() == b"alt"
    assert [p.name for p in tmp_path.iterdir()] == ["a.zwk"]


def test_settings_default_and_round_trip(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path / "neu")  # the data folder is created on the first save
    assert store.load() == Settings(language="de")
    store.save(Settings(language="en"))
    assert store.load().language == "en"
    store.path.write_text(json.dumps({"language": "xx"}), encoding="utf-8")
    assert store.load().language == "de"
