"""A store of 10,000 drafts on a cold disk: the start of the window and ``zwk-desktop drafts
list``, each a fresh process right after the store's file was dropped from the page cache
(``posix_fadvise`` DONTNEED), so that every page of it read comes from the disk. The program's
own files stay cached, as after any earlier start. Target: each at most 1.5 s.

The store (each draft the largest example with two saved versions, about 600 MB) is built once
with SQL and kept under ``build/bench-10000/`` (rebuilt when the store's schema changes).
"""

from __future__ import annotations

import os
import sqlite3
import statistics
import sys
import time
from pathlib import Path

from benchmarks import Result, benchmark
from benchmarks.bench_startup import ROOT, SCRIPT, environment

DRAFTS = 10_000
RUNS = 5
LIMIT_S = 1.5


def build_store() -> Path:
    """The folder of a store with DRAFTS drafts (built when missing)."""
    from zwk_desktop.domain.draft import read_draft
    from zwk_desktop.services.records import DraftSnapshot
    from zwk_desktop.services.store import DB_NAME, DraftStore
    from zwk_desktop.services.store_schema import NEW_UUID_SQL as NEW_UUID
    from zwk_desktop.services.store_schema import SCHEMA_VERSION

    folder = ROOT / "build" / "bench-10000" / f"schema-{SCHEMA_VERSION}"
    path = folder / DB_NAME
    if path.is_file() and path.with_suffix(".fertig").is_file():
        return folder
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.iterdir():
        old.unlink()
    print(f"Baue den Entwurfsspeicher mit {DRAFTS} Entwürfen …", file=sys.stderr, flush=True)
    largest = max((ROOT / "examples").glob("*.zwk"), key=lambda p: p.stat().st_size)
    draft = read_draft(largest)
    store = DraftStore(path)
    first = store.create(draft)
    for k in range(2):
        draft.data["kommune"]["einwohner"] = 1000 + k
        store.save(first, DraftSnapshot.of(draft), reason="save")
    store.close()
    con = sqlite3.connect(path)
    con.execute("PRAGMA journal_mode=WAL")
    columns = [r[1] for r in con.execute("PRAGMA table_info(drafts)") if r[1] != "id"]
    version_columns = [
        r[1] for r in con.execute("PRAGMA table_info(versions)") if r[1] not in ("id", "draft_id")
    ]
    changed = {
        "uuid": NEW_UUID,  # every draft its own lineage (issue 16: unique)
        "name": "NULL",
        "title": "'Gemeinde ' || n",
        "modified": "strftime('%Y-%m-%dT%H:%M:%fZ', '2026-01-01', '+' || n || ' minutes')",
    }
    select = ", ".join(changed.get(c, c) for c in columns)
    con.execute("BEGIN")
    con.execute(
        f"WITH RECURSIVE k(n) AS (SELECT 2 UNION ALL SELECT n + 1 FROM k WHERE n < {DRAFTS}) "
        f"INSERT INTO drafts (id, {', '.join(columns)}) SELECT n, {select} FROM k, drafts "
        "WHERE drafts.id = 1"
    )
    con.execute(
        f"INSERT INTO versions (draft_id, {', '.join(version_columns)}) SELECT d.id, "
        + ", ".join(NEW_UUID if c == "uuid" else f"v.{c}" for c in version_columns)
        + " FROM drafts d, versions v WHERE d.id > 1 AND v.draft_id = 1"
    )
    con.execute("COMMIT")
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    path.with_suffix(".fertig").touch()
    return folder


def drop_from_page_cache(folder: Path) -> None:
    """Make the store's files cold: written to disk, then dropped from the page cache."""
    for file in folder.iterdir():
        if file.is_file():
            fd = os.open(file, os.O_RDONLY)
            try:
                os.fsync(fd)
                os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
            finally:
                os.close(fd)


def cold_seconds(command: list[str | Path], env: dict[str, str], folder: Path) -> float:
    import subprocess

    drop_from_page_cache(folder)
    start = time.perf_counter()
    done = subprocess.run([str(c) for c in command], env=env, capture_output=True, timeout=300)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(f"{command}: {done.stderr.decode(errors='replace')[-400:]}")
    return elapsed


@benchmark
def cold_store() -> list[Result]:
    folder = build_store()
    size = sum(p.stat().st_size for p in folder.iterdir() if p.is_file()) / 1e6
    env = environment(folder)
    gui = dict(env, ZWK_QUIT_AFTER_START="1")
    listing = [SCRIPT, "drafts", "list"]
    cold_seconds([SCRIPT], gui, folder)  # the program's files into the page cache
    cold_seconds(listing, env, folder)
    start = [cold_seconds([SCRIPT], gui, folder) for _ in range(RUNS)]
    lists = [cold_seconds(listing, env, folder) for _ in range(RUNS)]
    s, li = statistics.median(start), statistics.median(lists)
    drafts = f"{DRAFTS:,}".replace(",", ".")
    label = f"{drafts} Entwürfe, {size:.0f} MB, Datei nicht im Seitencache"
    return [
        Result(f"Start des Fensters ({label})", s, None, "s", "≤ 1,5 s", s <= LIMIT_S),
        Result(f"zwk-desktop drafts list ({label})", li, None, "s", "≤ 1,5 s", li <= LIMIT_S),
    ]
