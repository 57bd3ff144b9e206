"""Drafts as files: atomic saving, the list of recent drafts, settings. No display needed."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from conftest import EXAMPLES

from zwk_desktop.domain.draft import DraftError, read_draft
from zwk_desktop.services.atomic import write_atomic
from zwk_desktop.services.draft_files import RECENT_LIMIT, FileDrafts
from zwk_desktop.services.persistence import SaveError
from zwk_desktop.services.settings import Settings, SettingsStore

HOHENWALD = EXAMPLES / "landkreis-hohenwald.zwk"


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


def test_save_and_open_round_trip_with_recent_list(tmp_path: Path) -> None:
    store = FileDrafts(tmp_path / "daten")
    draft = read_draft(HOHENWALD)
    before = draft.meta["modified"]
    ref = store.save_file(draft, tmp_path / "hohenwald.zwk")
    assert ref.label == "hohenwald.zwk" and ref.path == (tmp_path / "hohenwald.zwk").resolve()
    assert draft.meta["modified"] != before
    again, ref2 = store.open_file(tmp_path / "hohenwald.zwk")
    assert again.data == draft.data and again.files == draft.files and ref2 == ref
    (entry,) = store.recent()
    assert entry.title == "Landkreis Hohenwald" and entry.ref == ref
    assert store.open(entry.ref).data == draft.data


def test_recent_list_is_newest_first_without_duplicates_and_limited(tmp_path: Path) -> None:
    store = FileDrafts(tmp_path / "daten")
    draft = read_draft(HOHENWALD)
    for i in range(RECENT_LIMIT + 2):
        store.save_file(draft, tmp_path / f"d{i}.zwk")
    store.save_file(draft, tmp_path / "d3.zwk")
    names = [e.ref.label for e in store.recent()]
    assert names[0] == "d3.zwk" and len(names) == RECENT_LIMIT and names.count("d3.zwk") == 1
    store.forget(store.recent()[0].ref)
    assert "d3.zwk" not in [e.ref.label for e in store.recent()]


def test_a_damaged_recent_list_is_ignored(tmp_path: Path) -> None:
    folder = tmp_path / "daten"
    folder.mkdir()
    (folder / "zuletzt-verwendet.json").write_text("{kaputt", encoding="utf-8")
    assert FileDrafts(folder).recent() == []
    (folder / "zuletzt-verwendet.json").write_text(json.dumps([{"path": 3}]), encoding="utf-8")
    assert FileDrafts(folder).recent() == []


def test_saving_where_it_cannot_be_written_raises_a_german_save_error(tmp_path: Path) -> None:
    store = FileDrafts(tmp_path / "daten")
    draft = read_draft(HOHENWALD)
    meta = dict(draft.meta)
    blocker = tmp_path / "datei"
    blocker.write_text("x")
    with pytest.raises(SaveError, match=r"konnte nicht unter .* gespeichert werden"):
        store.save_file(draft, blocker / "x.zwk")
    assert draft.meta == meta, "a failed save changes nothing"


def test_opening_something_else_raises_draft_error(tmp_path: Path) -> None:
    bad = tmp_path / "brief.zwk"
    bad.write_text("Sehr geehrte Damen und Herren", encoding="utf-8")
    with pytest.raises(DraftError, match="kein gültiges JSON"):
        FileDrafts(tmp_path).open_file(bad)
    assert FileDrafts(tmp_path).recent() == []


def test_settings_default_and_round_trip(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path)
    assert store.load() == Settings(language="de")
    store.save(Settings(language="en"))
    assert store.load().language == "en"
    store.path.write_text(json.dumps({"language": "xx"}), encoding="utf-8")
    assert store.load().language == "de"
