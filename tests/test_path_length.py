"""Path length (issue 13 item 4): a 66-character OneDrive Documents folder plus the package's
names reached 233 characters, a subfolder 283 (Windows' MAX_PATH is 260; Explorer and Outlook
fail beyond it). The whole package path stays within 240 characters: the Kommune and attachment
titles are cut at word boundaries, the staging names are short, the final length is checked
before anything is written, and a folder that is too deep gets a German message naming a folder
to choose instead."""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

import pytest
from export_helpers import NOW, example_draft, never_ask, new_store

from zwk_desktop.domain.draft import Draft
from zwk_desktop.formspec import get_form
from zwk_desktop.services import naming, pathlimit
from zwk_desktop.services.export import (
    ExportError,
    acknowledge_all,
    export_package,
    export_print,
    readiness,
)
from zwk_desktop.services.verify import verify_path

LONG_KOMMUNE = "Gemeinde Lindenhagen am See im Amt Oberes Seenland-Hohenwald"
LONG_TITLES = (
    "Beschluss der Gemeindevertretung über die Teilnahme am Modellprojekt vom 24.06.2021",
    "Unterstützungsschreiben des Seniorenbeirats und des Jugendforums der Gemeinde",
)


def long_named_draft() -> Draft:
    draft = example_draft()
    data = dict(draft.data)
    data["kommune"] = {**data["kommune"], "name": LONG_KOMMUNE}
    data["anlagen"] = [
        {**item, "titel": title} for item, title in zip(data["anlagen"], LONG_TITLES, strict=True)
    ]
    draft = dataclasses.replace(draft, data=data)
    ready = readiness(get_form(), draft)
    assert ready.report.valid, [f.code for f in ready.report.errors]
    return acknowledge_all(draft, ready.unacknowledged, "Im Test geprüft.")


def folder_of_length(base: Path, length: int) -> Path:
    """A real folder whose absolute path has exactly `length` characters."""
    base = base.absolute()
    missing = length - len(str(base)) - 1
    assert missing > 0
    parts = []
    while missing > 0:
        part = min(missing, 60)
        if missing - part == 1:
            part -= 2  # never leave a single character for the last part (its separator)
        parts.append("d" * part)
        missing -= part + 1
    folder = base.joinpath(*parts)
    assert len(str(folder)) == length, (len(str(folder)), length)
    return folder


def all_paths(out: Path) -> list[str]:
    return [str(p) for p in out.rglob("*")]


@pytest.mark.parametrize("length", [66, 116], ids=["OneDrive-Dokumente", "Unterordner"])
def test_the_package_stays_within_240_characters(tmp_path: Path, length: int) -> None:
    store = new_store(tmp_path / "ids")
    identity = store.create_self_signed(
        "Katrin Wendland", "Bürgermeisterin", "Gemeinde Lindenhagen am See", "", never_ask
    )
    key = store.unlock(identity, never_ask)
    out = folder_of_length(tmp_path, length)
    result = export_package(get_form(), long_named_draft(), key, out, now=NOW)
    longest = max(all_paths(out), key=len)
    assert len(longest) <= pathlimit.MAX_PATH_CHARS, longest
    assert len(str(result.mail)) <= pathlimit.MAX_PATH_CHARS
    # Names are cut at word boundaries, never inside a word.
    kommune_part = result.folder.name.split("_")[2]
    assert "Gemeinde-Lindenhagen-am-See-im-Amt-Oberes-Seenland-Hohenwald".startswith(kommune_part)
    assert kommune_part.split("-")[-1] in LONG_KOMMUNE.replace("-", " ").split()
    attachments = sorted(p.name for p in result.folder.iterdir() if "_Anlage-" in p.name)
    assert len(attachments) == len(LONG_TITLES)
    for name, title in zip(attachments, LONG_TITLES, strict=True):
        words = naming.ascii_name(title, 200).split("-")
        # ZWK-Bewerbung_<AGS>_<Kommune>_Anlage-01_<Titel>.pdf (issue 11's names)
        stem = name.split("_Anlage-", 1)[1].split("_", 1)[1].rsplit(".", 1)[0]
        assert stem.split("-") == words[: len(stem.split("-"))]
    # The package is whole: the manifest lists exactly these names and verify accepts it.
    assert verify_path(result.folder).valid


def test_full_names_are_kept_where_the_path_is_short(tmp_path: Path) -> None:
    store = new_store(tmp_path / "ids")
    identity = store.create_self_signed(
        "Katrin Wendland", "Bürgermeisterin", "Gemeinde Lindenhagen am See", "", never_ask
    )
    key = store.unlock(identity, never_ask)
    # Issue 11's file names carry the Kommune too: with an ordinary Kommune and long titles,
    # a short target folder keeps the full names (titles at the default limit).
    draft = long_named_draft()
    kommune = example_draft().data["kommune"]["name"]
    draft = dataclasses.replace(
        draft, data={**draft.data, "kommune": {**draft.data["kommune"], "name": kommune}}
    )
    result = export_package(get_form(), draft, key, tmp_path / "o", now=NOW)
    assert naming.ascii_name(kommune) in result.folder.name
    names = naming.names_of(draft.data)
    for index, title in enumerate(LONG_TITLES, start=1):
        assert (result.folder / names.attachment(index, title, ".png")).with_suffix("").name in {
            p.with_suffix("").name for p in result.folder.iterdir()
        }


def test_a_folder_too_deep_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    store = new_store(tmp_path / "ids")
    identity = store.create_self_signed(
        "Katrin Wendland", "Bürgermeisterin", "Gemeinde Lindenhagen am See", "", never_ask
    )
    key = store.unlock(identity, never_ask)
    out = folder_of_length(tmp_path, 200)
    with pytest.raises(ExportError) as caught:
        export_package(get_form(), long_named_draft(), key, out, now=NOW)
    message = str(caught.value)
    assert f"Der Zielordner {out} liegt zu tief (200 Zeichen)" in message
    assert "Bitte wählen Sie einen Ordner mit höchstens" in message
    assert "zum Beispiel" in message
    assert not out.exists()
    with pytest.raises(ExportError, match="liegt zu tief"):
        export_print(get_form(), long_named_draft(), out, now=NOW)
    assert not out.exists()


def test_the_print_version_is_shortened_too(tmp_path: Path) -> None:
    out = folder_of_length(tmp_path, 185)
    target = export_print(get_form(), long_named_draft(), out, now=NOW)
    assert len(str(target)) <= pathlimit.MAX_PATH_CHARS
    assert target.name.startswith("ZWK-Entwurf_")
    assert sorted(os.listdir(out)) == [target.name]


def test_names_are_cut_at_word_boundaries() -> None:
    assert naming.ascii_name("Gemeinde Lindenhagen am See", 20) == "Gemeinde-Lindenhagen"
    assert naming.ascii_name("Gemeinde Lindenhagen am See", 22) == "Gemeinde-Lindenhagen"
    assert naming.ascii_name("Donaudampfschifffahrtsgesellschaft", 12) == "Donaudampfsc"
    assert naming.ascii_name("Kurz", 12) == "Kurz"
