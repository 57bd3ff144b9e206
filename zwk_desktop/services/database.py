"""Opening the draft database: pragmas, schema, and what happens when the file is damaged.

A damaged database (SQLite reports it as corrupt or "not a database", or ``PRAGMA quick_check``
finds problems) is renamed to ``entwuerfe-beschaedigt-<timestamp>.sqlite3`` beside the old one,
together with its ``-wal`` and ``-shm`` files, and a new database is created. Whatever can still
be read from the damaged file (each draft with its attachments and history, row by row) is
copied into the new one. A file that merely cannot be opened (no permission, full disk) is
never moved: that is `StoreUnavailable`, and the next attempt may succeed.

The whole file is checked (``PRAGMA quick_check``, which reads every page: seconds for a store of
hundreds of megabytes on a cold disk) only when there is a reason: the last run did not end
cleanly (a run recorded in ``sessions`` never ended), or a query of an earlier run found damage
(`mark_for_check` leaves a marker file beside the database). Damage found by any later query is
`StoreCorrupt`, which marks the file for the check at the next start.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Mapping
from contextlib import suppress
from pathlib import Path

from zwk_desktop.services.blobs import sha256_hex
from zwk_desktop.services.drives import classify, sqlite_uri
from zwk_desktop.services.private_files import create_private, private_dir
from zwk_desktop.services.store_errors import StoreUnavailable, is_corruption
from zwk_desktop.services.store_schema import ROW_FIXUPS, statements

_SIDE_FILES = ("-wal", "-shm")
CHECK_MARKER = "-pruefen"
"""Suffix of the marker file beside the database that asks for the check at the next start."""


class _Damaged(Exception):
    pass


def connect(path: Path) -> sqlite3.Connection:
    """A connection in autocommit mode (transactions are explicit), WAL, synchronous=FULL.

    On a network share or in a folder OneDrive/SharePoint synchronise, WAL's shared memory does
    not work: there the database uses a rollback journal (DELETE) with exclusive locking, so one
    program at a time holds it (`drives.classify`). A new database file is private (0600)."""
    private_dir(path.parent)
    if not path.exists():
        with suppress(OSError):  # a folder that cannot be written: SQLite says so below
            create_private(path)
    con = sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=10.0)
    try:
        if journal_mode(path) == "DELETE":
            con.execute("PRAGMA locking_mode=EXCLUSIVE")
            con.execute("PRAGMA journal_mode=DELETE")
        else:
            con.execute("PRAGMA journal_mode=WAL")
        con.execute("PRAGMA synchronous=FULL")
        con.execute("PRAGMA foreign_keys=ON")
    except BaseException:
        con.close()
        raise
    return con


def journal_mode(path: Path) -> str:
    """``WAL`` on a local disk, ``DELETE`` where WAL cannot work (see `connect`)."""
    return "WAL" if classify(path.absolute().parent).local else "DELETE"


def open_read_only(path: Path, version: int) -> sqlite3.Connection:
    """The database opened for reading only, for a folder where SQLite cannot create its
    ``-shm`` index. Without a ``-wal`` file there is nothing the index would point to, so the
    file may be read as immutable; with one, its content must not be missed (SQLite needs the
    index then, and the open fails). Only a database of schema `version` is opened."""
    uri = sqlite_uri(path.absolute())  # ?mode=ro; also for a UNC path (see drives.sqlite_uri)
    wal = path.with_name(path.name + "-wal")
    try:
        return _read_only(uri, version)
    except sqlite3.Error:
        if wal.exists() and wal.stat().st_size > 0:
            raise
        return _read_only(f"{uri}&immutable=1", version)


def _read_only(uri: str, version: int) -> sqlite3.Connection:
    con = sqlite3.connect(
        uri, uri=True, isolation_level=None, check_same_thread=False, timeout=10.0
    )
    try:
        if con.execute("PRAGMA user_version").fetchone()[0] != version:
            raise sqlite3.DatabaseError("schema version")
    except BaseException:
        con.close()
        raise
    return con


def _ensure_schema(
    con: sqlite3.Connection, schema: str, version: int, upgrades: Mapping[int, str]
) -> None:
    """Create the schema in a new database, or upgrade an older one step by step (all steps in
    one transaction: an interrupted upgrade leaves the database as it was)."""
    found = con.execute("PRAGMA user_version").fetchone()[0]
    if found == version:
        return
    if found > version:
        raise StoreUnavailable(
            f"Die Entwurfsdatenbank stammt aus einer neueren Version von ZWK Desktop (Schema "
            f"{found}, diese Version kennt bis {version}). Bitte aktualisieren Sie das Programm."
        )
    con.execute("BEGIN IMMEDIATE")
    try:
        current = con.execute("PRAGMA user_version").fetchone()[0]
        if current == 0:
            for statement in statements(schema):
                con.execute(statement)
        else:
            for step in range(current, version):
                if step not in upgrades:
                    raise StoreUnavailable(
                        f"Die Entwurfsdatenbank hat das unbekannte Schema {step}; sie lässt sich "
                        "nicht umstellen."
                    )
                for statement in statements(upgrades[step]):
                    con.execute(statement)
        con.execute(f"PRAGMA user_version = {int(version)}")
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise


def _check(con: sqlite3.Connection) -> None:
    result = [r[0] for r in con.execute("PRAGMA quick_check")]
    if result != ["ok"]:
        raise _Damaged("; ".join(result[:5]))


def _marker(path: Path) -> Path:
    return path.with_name(path.name + CHECK_MARKER)


def mark_for_check(path: Path) -> None:
    """Ask for the whole file to be checked at the next start (a query found damage)."""
    with suppress(OSError):  # a folder that cannot be written: the damage shows again later
        _marker(path).touch()


def needs_check(con: sqlite3.Connection, path: Path) -> bool:
    """Whether the file must be checked now: a run that never ended (a crash, a power cut; or
    another window that is still open, which costs only the check), or the marker of damage."""
    if _marker(path).exists():
        return True
    try:
        row = con.execute(
            "SELECT 1 FROM sessions WHERE ended IS NULL AND recovered = 0 LIMIT 1"
        ).fetchone()
    except sqlite3.OperationalError as exc:
        if "no such table" in str(exc):
            return False  # a new, empty database
        raise
    return row is not None


def open_checked(
    path: Path,
    schema: str,
    version: int,
    verified: bool,
    now: dt.datetime | None = None,
    upgrades: Mapping[int, str] | None = None,
) -> tuple[sqlite3.Connection, str | None]:
    """Open (or create) the database; returns the connection and a German notice when a
    damaged database was moved aside. `verified`: the file was checked earlier in this run
    (else it is checked when `needs_check` says so). `upgrades[n]` turns schema n into n + 1."""
    con: sqlite3.Connection | None = None
    upgrades = upgrades or {}
    try:
        con = connect(path)
        if not verified and needs_check(con, path):
            _check(con)
            with suppress(OSError):  # a read-only folder: the next start checks again
                _marker(path).unlink(missing_ok=True)
        _ensure_schema(con, schema, version, upgrades)
        return con, None
    except (sqlite3.DatabaseError, _Damaged) as exc:
        if con is not None:
            con.close()
        if isinstance(exc, sqlite3.DatabaseError) and not is_corruption(exc):
            raise
    moved = move_aside(path, now or dt.datetime.now())
    with suppress(OSError):
        _marker(path).unlink(missing_ok=True)
    con = connect(path)
    _ensure_schema(con, schema, version, upgrades)
    saved, total = salvage(moved, con)
    return con, _notice(moved, saved, total)


def move_aside(path: Path, now: dt.datetime) -> Path:
    """Rename the database and its side files; returns the new name of the database."""
    label = now.strftime("%Y-%m-%d_%H-%M-%S")
    target = path.with_name(f"{path.stem}-beschaedigt-{label}{path.suffix}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.stem}-beschaedigt-{label}-{n}{path.suffix}")
    path.rename(target)
    for suffix in _SIDE_FILES:
        side = path.with_name(path.name + suffix)
        if side.exists():
            side.rename(target.with_name(target.name + suffix))
    return target


def _notice(moved: Path, saved: int, total: int | None) -> str:
    text = (
        f"Die Entwurfsdatenbank war beschädigt. Sie wurde unverändert als {moved} "
        "beiseitegelegt, und eine neue wurde angelegt."
    )
    if total:
        text += f" Aus der alten Datenbank wurden {saved} von {total} Entwürfen übernommen."
    elif total is None:
        text += (
            " Aus der alten Datenbank ließ sich kein Entwurf lesen; Ihre IT-Betreuung kann "
            "versuchen, die Datei zu retten."
        )
    return text


def salvage(old: Path, new: sqlite3.Connection) -> tuple[int, int | None]:
    """Copy every draft that can still be read (with its blobs and versions) into the new
    database, keeping its id. Returns (copied, total), total None when nothing was readable."""
    try:
        src = sqlite3.connect(sqlite_uri(old.absolute()), uri=True)
    except sqlite3.Error:
        return 0, None
    try:
        try:
            ids = [r[0] for r in src.execute("SELECT id FROM drafts")]
        except sqlite3.Error:
            return 0, None
        saved = 0
        for draft_id in ids:
            saved += _copy_draft(src, new, draft_id)
        for statement in statements(ROW_FIXUPS):  # rows of an older schema
            new.execute(statement)
        return saved, len(ids)
    finally:
        src.close()


def _rows(src: sqlite3.Connection, table: str, where: str, key: object) -> list[dict[str, object]]:
    """Rows of a damaged database: through its indexes, or without them if they are damaged."""
    try:
        cur = src.execute(f"SELECT * FROM {table} WHERE {where} = ? ORDER BY rowid", (key,))
        rows = cur.fetchall()
    except sqlite3.DatabaseError:
        cur = src.execute(
            f"SELECT * FROM {table} NOT INDEXED WHERE {where} = ? ORDER BY rowid", (key,)
        )
        rows = cur.fetchall()
    columns = [d[0] for d in cur.description]
    return [dict(zip(columns, row, strict=True)) for row in rows]


def _copy_draft(src: sqlite3.Connection, dst: sqlite3.Connection, draft_id: int) -> int:
    """Copy one draft; returns 1 when it could be read, else 0 (and nothing is written)."""
    try:
        (record,) = _rows(src, "drafts", "id", draft_id)
        json.loads(str(record["data"]))
        try:
            versions = _rows(src, "versions", "draft_id", draft_id)
        except sqlite3.Error:
            versions = []  # the history is lost, the draft itself is not
        extra: list[tuple[str, list[dict[str, object]]]] = []
        for table in ("syncs", "changes"):  # lineage (schema 2): merge bases, change log
            # missing in an older schema, or damaged: merges fall back to the files' bases
            with suppress(sqlite3.Error):
                extra.append((table, _rows(src, table, "draft_id", draft_id)))
        shas: set[str] = set()
        for item in [record, *versions]:
            shas.update(json.loads(str(item["files"])).values())
        blobs = []
        for sha in sorted(shas):
            try:
                found = _rows(src, "blobs", "sha256", sha)
            except sqlite3.Error:
                continue
            content = found[0]["content"] if found else None
            if isinstance(content, bytes) and sha256_hex(content) == sha:
                blobs.append((sha, len(content), content))
    except (sqlite3.Error, ValueError, TypeError, AttributeError):
        return 0
    dst.execute("BEGIN IMMEDIATE")
    try:
        for table, items in (("drafts", [record]), ("versions", versions), *extra):
            for item in items:
                names = ", ".join(item)
                marks = ", ".join("?" for _ in item)
                dst.execute(f"INSERT INTO {table} ({names}) VALUES ({marks})", tuple(item.values()))
        dst.executemany(
            "INSERT OR IGNORE INTO blobs (sha256, size, content) VALUES (?, ?, ?)", blobs
        )
        dst.execute("COMMIT")
    except sqlite3.Error:
        dst.execute("ROLLBACK")
        return 0
    return 1
