"""The draft store at start with many drafts (issue 10, item 16): the whole file is checked only
after an unclean shutdown or when damage was found, the lists read a covering index (never the
drafts' data), schema 1 is upgraded to it, and ``drafts list`` queries once."""

from __future__ import annotations

import contextlib
import io
import sqlite3
from typing import Any

import pytest
from store_helpers import example, make_store

from zwk_desktop.services import database
from zwk_desktop.services.records import DraftSnapshot
from zwk_desktop.services.store import DraftStore, StoreCorrupt
from zwk_desktop.services.store_schema import DRAFTS_LISTED, SCHEMA, SCHEMA_VERSION


@pytest.fixture
def checks(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files the store checked whole (``PRAGMA quick_check``)."""
    seen: list[str] = []
    real = database._check

    def counting(con: sqlite3.Connection) -> None:
        seen.append("quick_check")
        real(con)

    monkeypatch.setattr(database, "_check", counting)
    return seen


def clean_run(store: DraftStore) -> None:
    run, _ = store.begin_session("rechner", 1, "sauber")
    store.create(example())
    store.end_session(run)
    store.close()


def test_a_clean_shutdown_is_not_followed_by_a_check_of_the_whole_file(checks: list[str]) -> None:
    store = make_store()
    clean_run(store)
    checks.clear()
    again = make_store()
    assert [d.title for d in again.list_drafts()] == ["Gemeinde Lindenhagen am See"]
    assert checks == []


def test_after_a_crash_the_whole_file_is_checked_once(checks: list[str]) -> None:
    store = make_store()
    store.begin_session("rechner", 1, "abgestuerzt")  # never ended
    store.create(example())
    store.close()
    checks.clear()
    again = make_store()
    again.list_drafts()
    again.close()
    again.list_drafts()  # a new connection of the same run: checked already
    assert checks == ["quick_check"]


def test_damage_found_by_a_query_is_checked_and_moved_aside_at_the_next_start(
    checks: list[str],
) -> None:
    store = make_store()
    clean_run(store)
    draft_id = store.list_drafts()[0].id

    failing = DraftStore(store.path)
    error = sqlite3.DatabaseError("database disk image is malformed")
    error.sqlite_errorname = "SQLITE_CORRUPT"  # type: ignore[attr-defined]
    assert isinstance(failing._fail(error), StoreCorrupt)
    assert store.path.with_name(store.path.name + database.CHECK_MARKER).exists()
    checks.clear()
    again = make_store()
    assert again.summary(draft_id).title == "Gemeinde Lindenhagen am See"
    assert checks == ["quick_check"]
    assert not store.path.with_name(store.path.name + database.CHECK_MARKER).exists()


def plan(con: sqlite3.Connection, sql: str, *args: Any) -> str:
    return " | ".join(row[-1] for row in con.execute(f"EXPLAIN QUERY PLAN {sql}", args))


def test_the_lists_read_only_the_covering_index() -> None:
    store = make_store()
    for _ in range(3):
        store.create(example())
    store.trash(1)
    con = store._connection().con
    from zwk_desktop.services.store_schema import SUMMARY_COLUMNS

    recent = plan(
        con,
        f"SELECT {SUMMARY_COLUMNS} FROM drafts WHERE deleted IS NULL "
        "ORDER BY modified DESC, id DESC LIMIT ?",
        5,
    )
    assert "COVERING INDEX drafts_listed" in recent and "TEMP B-TREE" not in recent
    expired = plan(con, "SELECT id FROM drafts WHERE deleted IS NOT NULL AND deleted < ?", "x")
    assert "COVERING INDEX drafts_listed" in expired
    assert [d.id for d in store.list_drafts()] == [3, 2]
    assert [d.id for d in store.list_drafts(trash=True)] == [1]


def test_a_database_of_schema_2_is_upgraded_and_keeps_its_drafts() -> None:
    """Schema 3 adds the covering index of the drafts list to schema 2 (issue 16's lineage
    tables); test_roundtrip upgrades a real schema-1 database through both steps."""
    store = make_store()
    store.path.parent.mkdir(parents=True, exist_ok=True)
    con = sqlite3.connect(store.path)
    old_schema = SCHEMA.replace(f"{DRAFTS_LISTED};", "")
    con.executescript(old_schema)
    con.execute("PRAGMA user_version = 2")
    con.close()
    assert SCHEMA_VERSION == 3
    new_id = store.create(example())
    store.save(new_id, DraftSnapshot.of(example()), reason="save")
    store.close()
    con = sqlite3.connect(store.path)
    assert con.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    names = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert "drafts_listed" in names
    con.close()
    assert [d.id for d in make_store().list_drafts()] == [new_id]


def test_drafts_list_queries_the_store_once(monkeypatch: pytest.MonkeyPatch) -> None:
    store = make_store()
    store.create(example())
    store.close()
    calls: list[bool] = []
    real = DraftStore.list_drafts

    def counting(self: DraftStore, **kwargs: Any) -> Any:
        calls.append(True)
        return real(self, **kwargs)

    monkeypatch.setattr(DraftStore, "list_drafts", counting)
    from zwk_desktop.cli.main import main

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["drafts", "list"]) == 0
    assert "Gemeinde Lindenhagen am See" in out.getvalue()
    assert len(calls) == 1
