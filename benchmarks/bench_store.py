"""The draft store: one autosave against a bare SQLite INSERT + COMMIT of the same bytes, the
time autosave takes from the UI thread, and the drafts list with 1,000 drafts."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

from benchmarks import Result, benchmark, percentile
from zwk_desktop.domain.draft import read_draft
from zwk_desktop.services.autosave import DraftSession
from zwk_desktop.services.database import connect
from zwk_desktop.services.records import stamp
from zwk_desktop.services.store import DB_NAME, DraftSnapshot, DraftStore

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
ROUNDS = 300


def _folder() -> tempfile.TemporaryDirectory[str]:
    """A scratch folder on the disk the program's data lives on (``ZWK_BENCH_DIR``, or
    ``build/`` in the checkout), never a RAM disk like some /tmp: fsync must really happen."""
    base = Path(os.environ.get("ZWK_BENCH_DIR") or Path(__file__).resolve().parent.parent / "build")
    base.mkdir(parents=True, exist_ok=True)
    return tempfile.TemporaryDirectory(dir=base, prefix="bench-store-")


def _largest() -> Path:
    return max(EXAMPLES.glob("*.zwk"), key=lambda p: len(p.read_bytes()))


@benchmark
def autosave() -> list[Result]:
    largest = _largest()
    with _folder() as folder:
        store = DraftStore(Path(folder) / DB_NAME)
        draft = read_draft(largest)
        session = DraftSession(store, draft, store.create(draft))
        snap = DraftSnapshot.of(draft)
        payload = (snap.data_json + snap.meta_json + snap.acks_json).encode("utf-8")
        bare = connect(Path(folder) / "bare.sqlite3")  # the same pragmas: WAL, synchronous=FULL
        bare.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, data BLOB)")

        def ours() -> None:
            draft.data["kommune"]["einwohner"] += 1
            session.edited()
            session.save_now()

        def baseline() -> None:
            bare.execute("BEGIN IMMEDIATE")
            bare.execute("INSERT INTO t (data) VALUES (?)", (payload,))
            bare.execute("COMMIT")

        ours_s, bare_s = _interleaved(ours, baseline)
        assert session.status.state == "saved"
        store.close()
        bare.close()
    ratio = ours_s / bare_s
    return [
        Result(
            f"Autosave ({largest.name}) gegen INSERT+COMMIT derselben Bytes",
            ours_s,
            bare_s,
            "s",
            "≤ 2× Baseline",
            ratio <= 2.0,
        )
    ]


def _interleaved(a: object, b: object) -> tuple[float, float]:
    """Medians of two functions run in turns, so that both see the same disk and load."""
    assert callable(a) and callable(b)
    for _ in range(20):
        a()
        b()
    times_a, times_b = [], []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        a()
        times_a.append(time.perf_counter() - start)
        start = time.perf_counter()
        b()
        times_b.append(time.perf_counter() - start)
    return statistics.median(times_a), statistics.median(times_b)


@benchmark
def autosave_ui_thread() -> list[Result]:
    """What autosave costs the UI thread (freezing the draft, taking in the result) against
    a save done entirely on the UI thread."""
    from PySide6.QtWidgets import QApplication

    from zwk_desktop.ui.window.autosave import AutosaveController

    app = QApplication.instance() or QApplication([])
    with _folder() as folder:
        store = DraftStore(Path(folder) / DB_NAME)
        draft = read_draft(_largest())
        session = DraftSession(store, draft, store.create(draft))

        ui_time: list[float] = []

        class Timed(AutosaveController):
            def _save_in_background(self, figures: bool = False) -> None:
                start = time.perf_counter()
                super()._save_in_background(figures)
                ui_time.append(time.perf_counter() - start)

            def _finished(self, outcome: object) -> None:
                start = time.perf_counter()
                super()._finished(outcome)  # type: ignore[arg-type]
                ui_time[-1] += time.perf_counter() - start

        controller = Timed(session)
        for _ in range(100):
            draft.data["kommune"]["einwohner"] += 1
            controller.edited()
            controller.page_changed()
            while controller._in_flight:
                app.processEvents()
        sync = []
        for _ in range(100):
            draft.data["kommune"]["einwohner"] += 1
            session.edited()
            start = time.perf_counter()
            session.save_now()
            sync.append(time.perf_counter() - start)
        controller.flush()
        store.close()
    ui = percentile(ui_time, 95)
    return [
        Result(
            "Autosave: Zeit im UI-Thread (p95) gegen Speichern im UI-Thread",
            ui,
            percentile(sync, 95),
            "s",
            "≤ 16 ms (ein Bild)",
            ui <= 0.016,
        )
    ]


@benchmark
def drafts_list() -> list[Result]:
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QApplication, QTableView

    from zwk_desktop.ui.dialogs.drafts_manager import DraftsManager

    app = QApplication.instance() or QApplication([])
    with _folder() as folder:
        store = DraftStore(Path(folder) / DB_NAME)
        _fill(store, 1000)
        ours, bare = [], []
        for _ in range(15):
            start = time.perf_counter()
            manager = DraftsManager(store)
            manager.resize(1000, 700)
            manager.show()
            manager.grab()  # painted
            app.processEvents()
            ours.append(time.perf_counter() - start)
            assert manager.proxy.rowCount() == 1000
            manager.close()
            manager.deleteLater()

            start = time.perf_counter()
            model = QStandardItemModel(1000, 5)
            for row in range(1000):
                for column in range(5):
                    model.setItem(row, column, QStandardItem(f"Zelle {row} {column}"))
            view = QTableView()
            view.setModel(model)
            view.resize(1000, 700)
            view.show()
            view.grab()
            app.processEvents()
            bare.append(time.perf_counter() - start)
            view.close()
            view.deleteLater()
            app.processEvents()
        store.close()
    ours_s, bare_s = statistics.median(ours), statistics.median(bare)
    return [
        Result(
            "Entwurfsliste mit 1.000 Entwürfen anzeigen (gegen QStandardItemModel)",
            ours_s,
            bare_s,
            "s",
            "≤ 150 ms",
            ours_s <= 0.150,
        )
    ]


def _fill(store: DraftStore, count: int) -> None:
    """1,000 drafts with their figures, written in one transaction for speed."""
    draft = read_draft(_largest())
    first = store.create(draft)
    con = sqlite3.connect(store.path)
    now = dt.datetime.now(dt.UTC)
    with con:
        for n in range(1, count):
            when = stamp(now - dt.timedelta(minutes=n))
            con.execute(
                "INSERT INTO drafts (name, title, created, modified, form_id, form_version, "
                "format_version, data, meta, acknowledgements, files, completeness, errors, "
                "warnings) SELECT NULL, ?, ?, ?, form_id, form_version, format_version, data, "
                "meta, acknowledgements, files, ?, ?, ? FROM drafts WHERE id = ?",
                (f"Gemeinde Nr. {n:04d}", when, when, n % 101, n % 7, n % 3, first),
            )
    con.close()
