"""The draft store on a real SQLite file: drafts, history, Papierkorb, attachments, faults."""

from __future__ import annotations

import copy
import sqlite3
from pathlib import Path

import pytest
from store_helpers import Clock, example, is_german_sentence, make_store, read_only

from zwk_desktop.domain.attachments import describe
from zwk_desktop.locations import data_dir
from zwk_desktop.services.diff import diff_drafts, field_label
from zwk_desktop.services.store import (
    DB_NAME,
    DraftSnapshot,
    DraftStore,
    StoreError,
    StoreUnavailable,
)
from zwk_desktop.services.summary import DraftStats


def test_store_lives_in_the_data_dir_with_wal_and_full_sync() -> None:
    store = make_store()
    draft_id = store.create(example())
    assert store.path == data_dir() / DB_NAME and store.path.exists()
    con = sqlite3.connect(store.path)
    assert con.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    columns = {r[1] for r in con.execute("PRAGMA table_info(drafts)")}
    assert {
        "id",
        "title",
        "created",
        "modified",
        "form_id",
        "form_version",
        "format_version",
        "data",
        "acknowledgements",
        "files",
    } <= columns
    row = con.execute(
        "SELECT title, form_id, form_version, format_version FROM drafts WHERE id = ?", (draft_id,)
    ).fetchone()
    assert row == ("Gemeinde Lindenhagen am See", "zwk-2021", "1", 2)
    internal = store._connection().con  # the store's own connection
    assert internal.execute("PRAGMA synchronous").fetchone() == (2,)  # FULL


def test_round_trip_keeps_data_meta_files_and_acknowledgements() -> None:
    store = make_store()
    draft = example("staedteverbund-oberes-tal.zwk")
    from zwk_desktop.domain.draft import Acknowledgement

    draft.acknowledgements.append(
        Acknowledgement("recommended_missing", "ziele.digitales", "Folgt im Werkstattplan.", "x")
    )
    draft_id = store.create(draft)
    loaded = store.load(draft_id)
    assert loaded.migration is None
    assert loaded.draft.to_bytes() == draft.to_bytes()


def test_attachments_are_written_once_and_shared() -> None:
    store = make_store()
    draft = example()
    a = store.create(draft)
    b = store.create(draft)
    con = sqlite3.connect(store.path)
    assert con.execute("SELECT COUNT(*) FROM blobs").fetchone()[0] == len(draft.files)
    for _ in range(3):
        draft.data["kommune"]["einwohner"] += 1
        store.save(a, DraftSnapshot.of(draft))
    assert con.execute("SELECT COUNT(*) FROM blobs").fetchone()[0] == len(draft.files)
    store.purge(a)
    assert con.execute("SELECT COUNT(*) FROM blobs").fetchone()[0] == len(draft.files)
    store.purge(b)
    assert con.execute("SELECT COUNT(*) FROM blobs").fetchone()[0] == 0


def test_a_new_attachment_is_stored_and_a_mismatched_key_kept_faithfully() -> None:
    store = make_store()
    draft = example()
    draft_id = store.create(draft)
    pdf = b"%PDF-1.4\n% new attachment\n"
    info = describe(pdf)
    draft.files[info.sha256] = pdf
    draft.files["0" * 64] = b"bytes that do not hash to their key"
    store.save(draft_id, DraftSnapshot.of(draft))
    assert store.load(draft_id).draft.files == draft.files


def test_autosave_adds_a_version_at_most_every_five_minutes() -> None:
    clock = Clock()
    store = make_store(clock)
    draft = example()
    draft_id = store.create(draft)
    added = []
    for minute in range(0, 16):
        clock.advance(minutes=1)
        draft.data["kommune"]["einwohner"] = 2000 + minute
        added.append(store.save(draft_id, DraftSnapshot.of(draft)).version_id is not None)
    # created at 0; autosaves at 1..16 minutes: versions at 5, 10, 15
    assert added.count(True) == 3
    reasons = [v.reason for v in store.versions(draft_id)]
    assert reasons == ["interval", "interval", "interval", "created"]
    assert store.save(draft_id, DraftSnapshot.of(draft), reason="save").version_id is not None
    assert store.save(draft_id, DraftSnapshot.of(draft), reason="export").version_id is not None
    assert [v.reason for v in store.versions(draft_id)][:2] == ["export", "save"]


def test_history_keeps_the_last_n_versions() -> None:
    store = make_store(history_limit=5)
    draft = example()
    draft_id = store.create(draft)
    for n in range(12):
        draft.data["kommune"]["einwohner"] = n
        store.save(draft_id, DraftSnapshot.of(draft), reason="save")
    versions = store.versions(draft_id)
    assert len(versions) == 5
    assert [store.load_version(v.id).data["kommune"]["einwohner"] for v in versions] == [
        11,
        10,
        9,
        8,
        7,
    ]


def test_history_difference_and_restore_as_a_new_version(spec: object) -> None:
    clock = Clock()
    store = make_store(clock)
    original = example()
    draft_id = store.create(original)
    first = store.versions(draft_id)[0]
    edited = copy.deepcopy(original)
    edited.data["kommune"]["einwohner"] = 2500
    edited.data["kommune"]["art"] = "kreisangehoerige_stadt"
    edited.data["finanzplan"]["posten"][1]["betraege"]["2022"] = "5900.00"
    del edited.data["kontakte"]["vertretung"]
    clock.advance(minutes=1)
    store.save(draft_id, DraftSnapshot.of(edited), reason="save")

    changes = diff_drafts(spec, store.load_version(first.id), store.load(draft_id).draft)  # type: ignore[arg-type]
    by_path = {c.path: c for c in changes}
    assert list(by_path)[:3] == ["kommune.art", "kommune.einwohner", "kontakte.vertretung.vorname"]
    assert by_path["kommune.einwohner"].before == "2.418"
    assert by_path["kommune.einwohner"].after == "2.500"
    assert by_path["kommune.art"].label == "Angaben zur Kommune › Art der Kommune"
    assert (by_path["kommune.art"].before, by_path["kommune.art"].after) == (
        "Gemeinde",
        "Kreisangehörige Stadt",
    )
    budget = by_path["finanzplan.posten[1].betraege.2022"]
    assert budget.label == field_label(spec, "finanzplan.posten[1].betraege.2022")  # type: ignore[arg-type]
    assert budget.label.endswith("› 2022") and "2" in budget.label
    assert (budget.before, budget.after, budget.kind) == (
        "5.600,00\xa0€",
        "5.900,00\xa0€",
        "changed",
    )
    assert by_path["kontakte.vertretung.vorname"].kind == "removed"
    assert by_path["kontakte.vertretung.vorname"].after == "(leer)"

    clock.advance(minutes=1)
    count_before = len(store.versions(draft_id))
    restored = store.restore_version(draft_id, first.id)
    assert restored.data == original.data
    assert store.load(draft_id).draft.data == original.data
    versions = store.versions(draft_id)
    assert len(versions) == count_before + 2
    assert [v.reason for v in versions[:2]] == ["restore", "before_restore"]
    assert "Stand vom" in versions[0].note
    # nothing was overwritten: the edited state is still in the history
    assert store.load_version(versions[1].id).data == edited.data
    assert diff_drafts(spec, restored, store.load_version(first.id)) == []  # type: ignore[arg-type]


def test_delete_into_papierkorb_restore_and_expiry() -> None:
    clock = Clock()
    store = make_store(clock)
    keep = store.create(example())
    gone = store.create(example("landkreis-hohenwald.zwk"))
    store.trash(gone)
    assert [d.id for d in store.list_drafts()] == [keep]
    (trashed,) = store.list_drafts(trash=True)
    assert trashed.id == gone and trashed.deleted == clock.now
    store.restore(gone)
    assert {d.id for d in store.list_drafts()} == {keep, gone}
    store.trash(gone)
    clock.advance(days=29)
    assert store.purge_expired() == 0
    assert store.load(gone).draft.title == "Landkreis Hohenwald"
    clock.advance(days=1, seconds=1)
    assert store.purge_expired() == 1
    with pytest.raises(StoreError) as info:
        store.load(gone)
    assert is_german_sentence(str(info.value))
    assert [d.id for d in store.list_drafts()] == [keep]
    assert store.versions(gone) == []


def test_rename_duplicate_and_stats_for_the_list() -> None:
    store = make_store()
    draft_id = store.create(example(), stats=DraftStats(100, 0, 0))
    store.rename(draft_id, "  Fassung für den Rat ")
    summary = store.summary(draft_id)
    assert (summary.label, summary.title) == ("Fassung für den Rat", "Gemeinde Lindenhagen am See")
    copy_id = store.duplicate(draft_id)
    duplicate = store.summary(copy_id)
    assert duplicate.label == "Kopie von Fassung für den Rat"
    assert (duplicate.completeness, duplicate.errors, duplicate.warnings) == (100, 0, 0)
    assert store.load(copy_id).draft.data == store.load(draft_id).draft.data
    store.rename(draft_id, "")
    assert store.summary(draft_id).label == "Gemeinde Lindenhagen am See"


def test_corrupt_database_is_moved_aside_and_a_new_one_created() -> None:
    store = make_store()
    store.create(example())
    store.close()
    path = store.path
    raw = bytearray(path.read_bytes())
    raw[:100] = b"\x00garbage" * 12 + b"\x00" * 4
    path.write_bytes(bytes(raw))

    reopened = make_store()
    assert reopened.list_drafts() == []
    (notice,) = reopened.notices
    aside = [p for p in path.parent.iterdir() if "beschaedigt" in p.name and p.suffix == ".sqlite3"]
    assert len(aside) == 1 and str(aside[0]) in notice
    assert aside[0].read_bytes().startswith(b"\x00garbage")
    assert is_german_sentence(notice) and "beiseitegelegt" in notice
    assert reopened.integrity() == "ok"
    assert reopened.create(example()) == 1


def test_damaged_pages_are_detected_and_readable_drafts_salvaged() -> None:
    """The whole file is checked at the start after a run that did not end (issue 10)."""
    store = make_store()
    store.begin_session("rechner", 4711, "abgestuerzt")  # a run that never ends: a crash
    first = store.create(example())
    draft = example("landkreis-hohenwald.zwk")
    second = store.create(draft)
    for n in range(60):  # enough history to fill pages that can be damaged on their own
        draft.data["ausgangslage"]["bevoelkerung_text"] = f"Fassung {n} " + "x" * 3000
        store.save(second, DraftSnapshot.of(draft), reason="save")
    store.close()
    con = sqlite3.connect(store.path)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    root = con.execute("SELECT rootpage FROM sqlite_master WHERE name = 'versions_by_draft'")
    index_page = root.fetchone()[0]
    page_size = con.execute("PRAGMA page_size").fetchone()[0]
    con.close()
    raw = bytearray(store.path.read_bytes())
    start = (index_page - 1) * page_size
    raw[start : start + page_size] = b"\xff" * page_size  # the index of the history is garbage
    store.path.write_bytes(bytes(raw))

    reopened = make_store()
    assert {d.id for d in reopened.list_drafts()} == {first, second}
    (notice,) = reopened.notices
    assert "2 von 2 Entwürfen" in notice
    assert reopened.integrity() == "ok"
    assert reopened.load(first).draft.data == example().data
    assert reopened.load(second).draft.data == draft.data
    assert len(reopened.versions(second)) == 50


def test_read_only_directory_gives_a_german_message_and_nothing_is_lost(tmp_path: Path) -> None:
    store = make_store()
    draft = example()
    draft_id = store.create(draft)
    store.close()  # the next save opens the database again, as after the folder became read-only
    draft.data["kommune"]["einwohner"] = 9999
    with read_only(store.path.parent):
        with pytest.raises(StoreUnavailable) as info:
            store.save(draft_id, DraftSnapshot.of(draft))
        assert is_german_sentence(str(info.value))
        assert "schreibgeschützt" in str(info.value) or "nicht beschreibbar" in str(info.value)
    store.save(draft_id, DraftSnapshot.of(draft))  # the retry after the folder is writable again
    assert store.load(draft_id).draft.data["kommune"]["einwohner"] == 9999


def test_folder_turning_read_only_while_the_database_is_open_is_reported() -> None:
    """The connection stays open (its index file mapped into memory) while the folder turns
    read-only: the save fails with a German message, the process survives, nothing is lost."""
    store = make_store()
    draft = example()
    draft_id = store.create(draft)
    assert store.path.with_name(store.path.name + "-shm").exists()  # the index is mapped now
    draft.data["kommune"]["einwohner"] = 4321
    with read_only(store.path.parent):
        with pytest.raises(StoreUnavailable) as info:
            store.save(draft_id, DraftSnapshot.of(draft))
        assert is_german_sentence(str(info.value))
        assert store.load(draft_id).draft.data["kommune"]["einwohner"] != 4321
    store.save(draft_id, DraftSnapshot.of(draft))
    assert make_store().load(draft_id).draft.data["kommune"]["einwohner"] == 4321


def test_full_disk_is_reported_and_the_next_attempt_succeeds() -> None:
    limit: dict[str, int] = {"pages": 0}

    def on_connect(con: sqlite3.Connection) -> None:
        if limit["pages"]:
            con.execute(f"PRAGMA max_page_count = {limit['pages']}")

    store = DraftStore(data_dir() / DB_NAME, on_connect=on_connect)
    draft = example()
    draft_id = store.create(draft)
    pages = store._connection().con.execute("PRAGMA page_count").fetchone()[0]
    limit["pages"] = pages
    store.close()
    draft.files["f" * 64] = b"%PDF-1.4\n" + b"0" * 400_000  # a new attachment the disk cannot take
    with pytest.raises(StoreUnavailable) as info:
        store.save(draft_id, DraftSnapshot.of(draft))
    assert "Datenträger ist voll" in str(info.value) and is_german_sentence(str(info.value))
    limit["pages"] = 0
    store.save(draft_id, DraftSnapshot.of(draft))
    assert store.load(draft_id).draft.files == draft.files


def test_a_database_from_a_newer_program_is_not_touched() -> None:
    store = make_store()
    store.create(example())
    store.close()
    con = sqlite3.connect(store.path)
    con.execute("PRAGMA user_version = 99")
    con.close()
    newer = make_store()
    with pytest.raises(StoreUnavailable) as info:
        newer.list_drafts()
    assert "neueren Version" in str(info.value)
    assert not [p for p in store.path.parent.iterdir() if "beschaedigt" in p.name]
