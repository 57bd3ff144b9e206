"""Autosave without Qt: the timing policy on a hand-moved clock, and the editing session on a
real store, including a store that cannot be written."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

import pytest
from store_helpers import Clock, Ticker, example, is_german_sentence, make_store, read_only

from zwk_desktop.domain.draft import read_draft
from zwk_desktop.formspec import get_form
from zwk_desktop.services.autosave import AutosavePolicy, DraftSession, SaveStatus


def test_a_save_is_due_shortly_after_the_last_keystroke() -> None:
    tick = Ticker()
    policy = AutosavePolicy(tick)
    assert policy.due_at() is None
    policy.edited()
    assert policy.due_in() == pytest.approx(0.8)
    tick.now += 0.5
    policy.edited()  # typing on moves the save ...
    assert policy.due_in() == pytest.approx(0.8)
    tick.now += 0.8
    assert policy.due_in() == 0.0  # ... to at most 1 s after the last keystroke
    revision = policy.started()
    policy.succeeded(revision)
    assert policy.due_at() is None and not policy.dirty


def test_continuous_typing_is_still_saved_every_few_seconds() -> None:
    tick = Ticker()
    policy = AutosavePolicy(tick)
    start = tick.now
    for _ in range(20):  # a keystroke every 0.2 s for 4 s
        policy.edited()
        due = policy.due_at()
        assert due is not None and due <= start + 3.0
        tick.now += 0.2


def test_edits_during_a_save_are_saved_next() -> None:
    tick = Ticker()
    policy = AutosavePolicy(tick)
    policy.edited()
    tick.now += 1
    revision = policy.started()
    tick.now += 0.1
    policy.edited()  # typed while the save was running
    policy.succeeded(revision)
    assert policy.dirty
    assert policy.due_in() == pytest.approx(0.8)


def test_failed_saves_are_retried_after_growing_delays() -> None:
    tick = Ticker()
    policy = AutosavePolicy(tick, retry_delays=(2.0, 5.0, 10.0))
    policy.edited()
    delays = []
    for _ in range(4):
        policy.started()
        delays.append(policy.failed())
        assert policy.due_in() == delays[-1]
        policy.edited()  # typing does not make it try sooner
        assert policy.due_in() == delays[-1]
    assert delays == [2.0, 5.0, 10.0, 10.0]
    policy.succeeded(policy.started())
    assert policy.due_at() is None


def test_a_failed_save_is_explained_in_german() -> None:
    moment = dt.datetime(2026, 11, 24, 13, 32, tzinfo=dt.UTC)
    failed = SaveStatus("failed", moment, "Der Datenträger ist voll (/x).", 5.0)
    message = failed.message()
    assert message is not None and is_german_sentence(message)
    assert "Datenträger ist voll" in message and "in 5 Sekunden" in message
    assert "Speichern unter" in message
    assert SaveStatus("saved", moment).message() is None


def test_session_saves_on_a_worker_thread_and_records_figures() -> None:
    clock = Clock()
    store = make_store(clock)
    draft_id = store.create(example())
    session = DraftSession.open(store, draft_id)
    assert session.status.state == "saved"
    session.draft.data["kommune"]["einwohner"] = 2600
    session.edited()
    session.set_findings(errors=2, warnings=1)
    assert session.status.state == "pending"
    pending = session.prepare()
    session.draft.data["kommune"]["einwohner"] = 2700  # typing goes on meanwhile
    session.edited()
    outcome = []
    worker = threading.Thread(target=lambda: outcome.append(session.write(pending)))
    worker.start()
    worker.join()
    status = session.finish(outcome[0])
    assert status.state == "pending" and session.dirty  # the later edit is not saved yet
    assert store.load(draft_id).draft.data["kommune"]["einwohner"] == 2600
    summary = store.summary(draft_id)
    assert (summary.completeness, summary.errors, summary.warnings) == (100, 2, 1)
    status = session.save_now()
    assert status.state == "saved" and status.saved_at == clock.now
    assert store.load(draft_id).draft.data["kommune"]["einwohner"] == 2700


def test_close_records_complete_figures_and_explicit_save_a_version() -> None:
    store = make_store()
    draft_id = store.create(example())
    session = DraftSession.open(store, draft_id)
    del session.draft.data["kommune"]["strukturschwach"]
    session.edited()
    session.save_now(reason="save")
    assert store.versions(draft_id)[0].reason == "save"
    assert session.close().state == "saved"
    summary = store.summary(draft_id)
    # one warning: the fictitious example's key is not in the municipality directory
    assert (summary.completeness, summary.errors, summary.warnings) == (99, 1, 1)


def test_unwritable_store_keeps_the_draft_in_memory_retries_and_saves_elsewhere(
    tmp_path: Path,
) -> None:
    tick = Ticker()
    store = make_store()
    draft_id = store.create(example())
    session = DraftSession.open(store, draft_id, policy=AutosavePolicy(tick))
    store.close()
    with read_only(store.path.parent):
        session.draft.data["kommune"]["einwohner"] = 4321
        session.edited()
        status = session.save_now()
        assert status.state == "failed"
        message = status.message()
        assert message is not None and is_german_sentence(message)
        assert session.due_in() == 2.0  # the first retry
        assert session.draft.data["kommune"]["einwohner"] == 4321  # still in memory
        elsewhere = tmp_path / "sicherung" / "entwurf.zwk"
        elsewhere.parent.mkdir()
        session.export(elsewhere)  # "Speichern unter…" (its attempt to record a version fails)
        assert read_draft(elsewhere).data["kommune"]["einwohner"] == 4321
        assert session.due_in() == 5.0
        tick.now += 5
        assert session.save_now().state == "failed"
        assert session.due_in() == 10.0
    status = session.save_now()  # the retry once the folder is writable again
    assert status.state == "saved"
    assert store.load(draft_id).draft.data["kommune"]["einwohner"] == 4321


def test_a_new_draft_waits_in_memory_until_the_store_can_be_written() -> None:
    store = make_store()
    store.list_drafts()
    store.close()
    with read_only(store.path.parent):
        session = DraftSession.new(store, get_form())
        assert session.draft_id is None and session.status.state == "failed"
        session.draft.data.setdefault("kommune", {})["name"] = "Gemeinde Neuland"
        session.edited()
    assert session.save_now().state == "saved"
    assert session.draft_id is not None
    assert store.summary(session.draft_id).title == "Gemeinde Neuland"


def test_restoring_a_version_through_the_session() -> None:
    clock = Clock()
    store = make_store(clock)
    draft_id = store.create(example())
    first = store.versions(draft_id)[0].id
    session = DraftSession.open(store, draft_id)
    session.draft.data["kommune"]["name"] = "Gemeinde Umbenannt"
    session.edited()  # not saved yet: the restore saves it into the history first
    clock.advance(minutes=1)
    restored = session.restore_version(first)
    assert restored is session.draft
    assert session.draft.title == "Gemeinde Lindenhagen am See"
    assert session.status.state == "saved" and not session.dirty
    reasons = [v.reason for v in store.versions(draft_id)]
    assert reasons[:2] == ["restore", "before_restore"]
    before = store.load_version(store.versions(draft_id)[1].id)
    assert before.title == "Gemeinde Umbenannt"
