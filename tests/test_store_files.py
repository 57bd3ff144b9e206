"""Portable draft files and format migration: export, import, old formats, damaged files."""

from __future__ import annotations

import json
import sqlite3
import tempfile
from pathlib import Path

import pytest
from clitools import run_cli
from conftest import EXAMPLES, load_example
from hypothesis import HealthCheck, given, settings
from store_helpers import FIXTURES, example, is_german_sentence, make_store, read_only
from store_strategies import DAMAGED_FILES, valid_drafts

from zwk_desktop.cli.main import main
from zwk_desktop.domain.draft import FORMAT_VERSION, MAX_DRAFT_BYTES, Draft, DraftError, read_draft
from zwk_desktop.domain.migrations import MIGRATIONS, STEPS
from zwk_desktop.locations import data_dir
from zwk_desktop.services.portable import (
    FileWriteError,
    export_draft,
    import_file,
    open_file,
    write_file,
)
from zwk_desktop.services.store import DraftStore

OLD_FORMATS = sorted(FIXTURES.glob("format-*.zwk"))


def _counts(store: DraftStore) -> tuple[int, int, int]:
    store.list_drafts()  # opens (creates) the database
    con = sqlite3.connect(store.path)
    try:
        return tuple(  # type: ignore[return-value]
            con.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
            for t in ("drafts", "versions", "blobs")
        )
    finally:
        con.close()


def test_every_old_format_has_a_fixture_and_a_migration() -> None:
    versions = {int(p.name.split("-")[1]) for p in OLD_FORMATS}
    assert versions == set(range(FORMAT_VERSION)) == set(STEPS) == set(MIGRATIONS)
    for path in OLD_FORMATS:
        assert json.loads(path.read_text("utf-8"))["format_version"] < FORMAT_VERSION


@pytest.mark.parametrize("fixture", OLD_FORMATS, ids=lambda p: p.name)
def test_migration_from_each_fixture(fixture: Path, spec: object) -> None:
    """Every old format is read, imported as a new draft (an old file has no lineage) and kept
    in the history exactly as it was."""
    version = json.loads(fixture.read_text("utf-8"))["format_version"]
    store = make_store()
    result = import_file(store, fixture)
    assert result.migration is not None and result.merge is None
    assert result.migration.from_version == version
    assert is_german_sentence(result.message)
    assert f"Formatversion {version} → {FORMAT_VERSION}" in result.message
    assert "Felder übernommen" in result.message

    draft = store.load(result.draft_id).draft
    expected = load_example("gemeinde-lindenhagen.zwk")
    if version == 0:  # format 0 had no kommune.strukturschwach
        assert "1 neues Pflichtfeld (Angaben zur Kommune › Strukturschwache Region)" in (
            result.message
        )
        del expected["data"]["kommune"]["strukturschwach"]
    assert draft.data == expected["data"]
    assert draft.to_json()["files"] == expected["files"]
    assert draft.form_id == "zwk-2021" and draft.form_version == "1"
    assert draft.lineage is not None and draft.lineage.draft  # a new lineage in the store
    if version == 0:
        assert [(a.code, a.path) for a in draft.acknowledgements] == [
            ("recommended_missing", "ausgangslage.prognose")
        ]
        summary = store.summary(result.draft_id)
        assert summary.errors == 1 and summary.completeness == 99

    versions = store.versions(result.draft_id)
    assert [v.reason for v in versions] == ["import", "before_migration"]
    before = versions[1]
    assert before.format_version == version
    assert f"Formatversion {version} → {FORMAT_VERSION}" in before.note
    con = sqlite3.connect(store.path)
    kept = json.loads(
        con.execute("SELECT data FROM versions WHERE id = ?", (before.id,)).fetchone()[0]
    )
    assert kept == json.loads(fixture.read_text("utf-8"))["data"]  # exactly as it was
    assert store.load_version(before.id).data == draft.data


def test_a_stored_row_of_an_old_format_is_migrated_when_opened() -> None:
    """Rows written by a preview build keep format 0 in the database until they are opened."""
    store = make_store()
    placeholder = store.create(example())
    old = json.loads((FIXTURES / "format-0-lindenhagen.zwk").read_text("utf-8"))
    con = sqlite3.connect(store.path)
    con.execute(
        "UPDATE drafts SET format_version = 0, data = ?, meta = ?, acknowledgements = ?, "
        "files = '{}' WHERE id = ?",
        (
            json.dumps(old["data"]),
            json.dumps({k: old[k] for k in ("created", "modified", "app_version")}),
            json.dumps(old["quittierte_hinweise"]),
            placeholder,
        ),
    )
    con.commit()
    loaded = store.load(placeholder)
    assert loaded.migration is not None and loaded.migration.new_required == (
        "kommune.strukturschwach",
    )
    assert loaded.draft.data["finanzplan"]["posten"][0]["betraege"]["2022"] == "6700.00"
    assert loaded.draft.data["kontakte"]["stellenanteil_vzae"] == 0.5
    row = con.execute("SELECT format_version FROM drafts WHERE id = ?", (placeholder,)).fetchone()
    assert row == (FORMAT_VERSION,)
    versions = store.versions(placeholder)
    assert [v.reason for v in versions][:2] == ["migration", "before_migration"]
    assert "1 neues Pflichtfeld (Angaben zur Kommune › Strukturschwache Region)" in versions[1].note
    assert store.load(placeholder).migration is None  # migrated once


def test_migration_keeps_exact_amounts_and_odd_values() -> None:
    from zwk_desktop.domain.migrations import migrate

    envelope = json.loads((FIXTURES / "format-0-lindenhagen.zwk").read_text("utf-8"))
    posten = envelope["data"]["finanzplan"]["posten"]
    posten[0]["betraege"] = {"2021": 1234.5, "2022": 0.125, "2023": "schon Text", "2024": True}
    envelope["data"]["kontakte"]["stellenanteil_prozent"] = 37.5
    migrated, report = migrate(envelope, 1)
    assert migrated["data"]["finanzplan"]["posten"][0]["betraege"] == {
        "2021": "1234.50",
        "2022": "0.125",
        "2023": "schon Text",
        "2024": True,
    }
    assert migrated["data"]["kontakte"]["stellenanteil_vzae"] == 0.375
    assert report is not None and "finanzplan.posten[0].betraege.2021" in report.converted


def test_export_then_import_merges_into_the_same_draft_and_a_copy_is_a_new_one(
    tmp_path: Path,
) -> None:
    """Issue 16: a file of a draft the store knows comes back into that draft, never as a
    second copy; ``as_new`` (``--als-neuer-entwurf``) makes a copy with a lineage of its own."""
    store = make_store()
    first = store.create(example())
    target = tmp_path / "entwurf.zwk"
    exported = export_draft(store, first, target, by="Berater Müller")
    assert target.read_bytes() == exported.to_bytes()
    assert store.versions(first)[0].reason == "export_file"  # named by its cause (issue 10)
    envelope = json.loads(target.read_text("utf-8"))
    lineage = envelope["lineage"]
    assert envelope["format_version"] == FORMAT_VERSION == 2
    assert lineage["draft"] == store.load(first).draft.lineage.draft  # type: ignore[union-attr]
    assert lineage["version"] == store.versions(first)[0].uuid and lineage["by"] == "Berater Müller"
    assert lineage["version"] in [v for v, _ in store.exchanged(first)]  # a merge base now

    again = import_file(store, target)
    assert again.draft_id == first and again.merge is not None and again.merge.nothing_new
    assert "keine neuen Änderungen" in again.message and is_german_sentence(again.message)
    assert [d.id for d in store.list_drafts()] == [first]

    copy = import_file(store, target, as_new=True)
    assert copy.draft_id != first and copy.merge is None and "als Kopie" in copy.message
    copied = store.load(copy.draft_id).draft
    assert copied.data == store.load(first).draft.data
    assert copied.lineage.draft != lineage["draft"]  # type: ignore[union-attr]
    assert not [p for p in tmp_path.iterdir() if p.name != "entwurf.zwk"]  # no temp files left


def test_a_file_given_on_the_command_line_opens_as_a_new_draft(tmp_path: Path) -> None:
    store = make_store()
    existing = store.create(example())
    opened = open_file(store, FIXTURES / "format-0-lindenhagen.zwk")
    assert opened.draft_id is not None and opened.draft_id != existing
    assert opened.draft.data == store.load(opened.draft_id).draft.data
    assert "importiert" in opened.message and "Formatversion 0 → 2" in opened.message
    store.close()
    with read_only(store.path.parent):
        in_memory = open_file(store, EXAMPLES / "landkreis-hohenwald.zwk")
    assert in_memory.draft_id is None and in_memory.draft.title == "Landkreis Hohenwald"
    assert is_german_sentence(in_memory.message) and "noch nicht gespeichert" in in_memory.message
    with pytest.raises(DraftError):
        open_file(store, tmp_path / "fehlt.zwk")
    assert len(store.list_drafts()) == 2


def test_export_into_a_missing_folder_fails_in_german_and_leaves_no_trace(tmp_path: Path) -> None:
    with pytest.raises(FileWriteError) as info:
        write_file(example(), tmp_path / "fehlt" / "x.zwk")
    assert is_german_sentence(str(info.value))
    existing = tmp_path / "alt.zwk"
    existing.write_bytes(b"old")
    with pytest.raises(FileWriteError):
        write_file(example(), existing / "x.zwk")
    assert existing.read_bytes() == b"old"


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        (
            "beschaedigt.zwk",
            b'{"format": "zwk-application", "format_version": 1, "form": ',
            "kein gültiges JSON",
        ),
        (
            "neuer.zwk",
            json.dumps({**load_example("gemeinde-lindenhagen.zwk"), "format_version": 7}).encode(),
            "Formatversion 7",
        ),
        ("latin1.zwk", '{"data": "Größe"}'.encode("latin-1"), "nicht in UTF-8"),
        ("fremd.zwk", b'{"format": "other"}', "kein ZWK-Entwurf"),
        (
            "minus.zwk",
            json.dumps({**load_example("gemeinde-lindenhagen.zwk"), "format_version": -1}).encode(),
            "unbekannte Formatversion",
        ),
    ],
)
def test_bad_files_get_a_german_message_and_change_nothing(
    tmp_path: Path, name: str, content: bytes, expected: str
) -> None:
    store = make_store()
    store.create(example())
    before = _counts(store)
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(DraftError) as info:
        import_file(store, path)
    assert expected in str(info.value) and is_german_sentence(str(info.value))
    assert _counts(store) == before


def test_an_over_large_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    store = make_store()
    before = _counts(store)
    big = tmp_path / "gross.zwk"
    with big.open("wb") as fh:
        fh.truncate(MAX_DRAFT_BYTES + 1)  # sparse: 50 MB + 1 byte without using the disk
    with pytest.raises(DraftError) as info:
        import_file(store, big)
    assert "zu groß" in str(info.value)
    assert _counts(store) == before


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(draft=valid_drafts())
def test_random_valid_drafts_round_trip_through_store_export_and_import(draft: Draft) -> None:
    store = make_store()
    draft_id = store.create(draft)
    stored = store.load(draft_id).draft
    assert stored.to_bytes() == draft.to_bytes()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "rund.zwk"
        exported = export_draft(store, draft_id, path)
        assert path.read_bytes() == exported.to_bytes()
        assert read_draft(path).data == draft.data
        imported = import_file(store, path)  # the same draft: merged, nothing new
        assert imported.draft_id == draft_id and imported.merge is not None
        assert imported.merge.nothing_new
        copied = import_file(store, path, as_new=True)
    assert copied.migration is None
    assert store.load(copied.draft_id).draft.data == draft.data
    store.close()


def test_a_thousand_damaged_and_garbage_files_never_crash_the_import(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Through the command line, as a user would: a German message each time, exit 0 or 2,
    never a traceback, and nothing changes when the file is refused."""
    seen = {"tried": 0, "refused": 0, "imported": 0}

    @settings(
        max_examples=1000,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(content=DAMAGED_FILES)
    def attack(content: bytes) -> None:
        store = make_store()
        before = _counts(store)
        store.close()
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "angriff.zwk"
            path.write_bytes(content)
            code = main(["drafts", "import", str(path)])
        out, err = capsys.readouterr()
        seen["tried"] += 1
        if code == 0:
            seen["imported"] += 1
            assert is_german_sentence(out) and "importiert" in out and not err
            assert _counts(store)[0] == before[0] + 1
        else:
            seen["refused"] += 1
            assert code == 2, (code, err)
            assert is_german_sentence(err) and "Es wurde nichts übernommen." in err and not out
            assert _counts(store) == before

    attack()
    assert seen["tried"] >= 1000
    assert seen["refused"] >= 300 and seen["imported"] >= 50


_cli = run_cli


def test_drafts_command_line(tmp_path: Path) -> None:
    empty = _cli("drafts", "list")
    assert empty.returncode == 0 and empty.stdout.startswith("Keine Entwürfe gespeichert")

    imported = _cli("drafts", "import", FIXTURES / "format-0-lindenhagen.zwk")
    assert imported.returncode == 0, imported.stderr
    assert "als neuer Entwurf Nr. 1 importiert" in imported.stdout
    assert "Formatversion 0 → 2" in imported.stdout

    listing = _cli("drafts", "list")
    assert listing.returncode == 0
    header, row = listing.stdout.splitlines()
    assert header.split() == [
        "Nr.",
        "Entwurf",
        "Kommune",
        "Geändert",
        "Vollständig",
        "Fehler",
        "Hinweise",
    ]
    assert row.startswith("1 ") and "Gemeinde Lindenhagen am See" in row and "99 %" in row
    as_json = json.loads(_cli("drafts", "list", "--json").stdout)
    assert [(d["id"], d["kommune"], d["errors"]) for d in as_json] == [
        (1, "Gemeinde Lindenhagen am See", 1)
    ]

    target = tmp_path / "raus.zwk"
    exported = _cli("drafts", "export", 1, target)
    assert exported.returncode == 0 and read_draft(target).title == "Gemeinde Lindenhagen am See"
    again = _cli("drafts", "export", 1, target)
    assert again.returncode == 2 and "gibt es schon" in again.stderr
    assert _cli("drafts", "export", 1, target, "--force").returncode == 0
    unknown = _cli("drafts", "export", 7, tmp_path / "x.zwk")
    assert unknown.returncode == 2 and "Nr. 7 gibt es nicht" in unknown.stderr
    nonsense = _cli("drafts", "export", "eins", tmp_path / "x.zwk")
    assert nonsense.returncode == 2 and "keine Entwurfsnummer" in nonsense.stderr

    broken = tmp_path / "kaputt.zwk"
    broken.write_text('{"format": "zwk-application", "format_version": 1, "data": [', "utf-8")
    refused = _cli("drafts", "import", broken)
    assert refused.returncode == 2 and "Es wurde nichts übernommen." in refused.stderr
    assert "Traceback" not in refused.stderr

    with read_only(data_dir()):
        locked = _cli("drafts", "import", EXAMPLES / "landkreis-hohenwald.zwk")
    assert locked.returncode == 1 and is_german_sentence(locked.stderr)
    assert "Traceback" not in locked.stderr
    assert len(json.loads(_cli("drafts", "list", "--json").stdout)) == 1
