"""SQLite where WAL cannot work (issue 13 item 7): on a network share (UNC path, mapped drive,
NFS/SMB mount) or in a folder OneDrive/SharePoint synchronise, the draft store uses a rollback
journal with exclusive locking; the recovery opens damaged files on UNC paths; a stale lock file
that cannot be deleted (PermissionError) does not stop the start."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path, PurePosixPath, PureWindowsPath

import pytest
from store_helpers import crash_with_open_draft, example, make_store

from zwk_desktop.services import database, drives
from zwk_desktop.services.recovery import start_up
from zwk_desktop.services.store import DraftSnapshot

WIN = {"platform": "win32", "env": {}, "sync_roots": [], "drive_type": lambda root: 3}


@pytest.mark.parametrize(
    ("folder", "kind"),
    [
        (r"\\rathaus-fs01\daten\ZWK", drives.NETWORK),
        (r"\\?\UNC\rathaus-fs01\daten\ZWK", drives.NETWORK),
        (r"\\?\C:\Users\erika\AppData\Local\ZWK", drives.LOCAL),
        (r"C:\Users\erika\AppData\Local\ZWK\ZWK-Desktop", drives.LOCAL),
        (r"C:\Users\erika\OneDrive - Gemeinde Uckerland\Dokumente\ZWK", drives.SYNCED),
    ],
)
def test_windows_folders_are_classified(folder: str, kind: str) -> None:
    assert drives.classify(PureWindowsPath(folder), **WIN).kind == kind  # type: ignore[arg-type]


def test_mapped_drives_and_synchronised_libraries_on_windows() -> None:
    mapped = drives.classify(
        PureWindowsPath(r"H:\ZWK"), **{**WIN, "drive_type": lambda root: drives.DRIVE_REMOTE}
    )
    assert mapped.kind == drives.NETWORK and mapped.detail == "Netzlaufwerk H:"
    env = {"OneDriveCommercial": r"C:\Users\erika\Gemeinde Uckerland"}
    synced = drives.classify(
        PureWindowsPath(r"c:\users\erika\gemeinde uckerland\ZWK"), **{**WIN, "env": env}
    )
    assert synced.kind == drives.SYNCED
    library = r"C:\Users\erika\Gemeinde Uckerland\Bauamt - Dokumente"
    shared = drives.classify(PureWindowsPath(library + r"\ZWK"), **{**WIN, "sync_roots": [library]})
    assert shared.kind == drives.SYNCED


def test_network_file_systems_on_linux() -> None:
    mounts = (
        "/dev/sda1 / ext4 rw 0 0\n"
        "fs01:/export/daten /mnt/daten nfs4 rw 0 0\n"
        "//fs01/share /mnt/share cifs rw 0 0\n"
        "/dev/sdb1 /mnt/daten/lokal ext4 rw 0 0\n"
    )
    kind = lambda p: drives.classify(PurePosixPath(p), platform="linux", mounts=mounts).kind  # noqa: E731
    assert kind("/mnt/daten/ZWK") == drives.NETWORK
    assert kind("/mnt/share/a/b") == drives.NETWORK
    assert kind("/mnt/daten/lokal/ZWK") == drives.LOCAL  # a local disk mounted below the share
    assert kind("/home/erika/.local/share/ZWK-Desktop") == drives.LOCAL
    assert kind("/mnt/datenbank") == drives.LOCAL


def test_on_a_network_share_the_store_uses_a_rollback_journal_with_exclusive_locking(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(
        database, "classify", lambda folder: drives.FolderKind(drives.NETWORK, "Netzlaufwerk H:")
    )
    store = make_store()
    draft_id = store.create(example())
    with store._read() as con:  # the store's own connection
        assert con.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert con.execute("PRAGMA locking_mode").fetchone()[0] == "exclusive"
    store.save(draft_id, DraftSnapshot.of(example()))
    assert store.load(draft_id).draft.data == example().data
    folder = store.path.parent
    assert not (folder / f"{store.path.name}-wal").exists()
    assert not (folder / f"{store.path.name}-shm").exists()
    store.close()
    # A database written in WAL mode locally before is switched over when opened there.
    monkeypatch.setattr(database, "classify", drives.classify)
    local = make_store()
    local.create(example())
    local.close()
    monkeypatch.setattr(
        database, "classify", lambda folder: drives.FolderKind(drives.SYNCED, "OneDrive")
    )
    reopened = make_store()
    assert len(reopened.list_drafts()) == 2
    with reopened._read() as con:
        assert con.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    reopened.close()


def test_a_local_store_keeps_wal() -> None:
    store = make_store()
    store.create(example())
    with store._read() as con:
        assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    store.close()


def test_sqlite_uris_for_unc_paths_drive_letters_and_posix() -> None:
    unc = PureWindowsPath(r"\\rathaus-fs01\daten\ZWK\entwuerfe-beschaedigt.sqlite3")
    assert drives.sqlite_uri(unc) == (
        "file:////rathaus-fs01/daten/ZWK/entwuerfe-beschaedigt.sqlite3?mode=ro"
    )
    assert drives.sqlite_uri(PureWindowsPath(r"C:\Users\Erika Müller\x#1.sqlite3")) == (
        "file:///C:/Users/Erika%20M%C3%BCller/x%231.sqlite3?mode=ro"
    )
    # What Path.as_uri gives for a UNC path, and SQLite refuses:
    with pytest.raises(sqlite3.OperationalError, match="invalid uri authority"):
        sqlite3.connect("file://rathaus-fs01/daten/x.sqlite3?mode=ro", uri=True)


def test_salvage_reads_a_damaged_database_through_a_double_slash_path(tmp_path: Path) -> None:
    """On POSIX a path beginning with "//" is the same file: the UNC-shaped URI opens it."""
    store = make_store()
    draft_id = store.create(example())
    store.close()
    unc_like = Path("/" + str(store.path))
    assert str(unc_like).startswith("//")
    moved = database.move_aside(unc_like, dt.datetime(2021, 7, 1, 12, 0))
    fresh = sqlite3.connect(tmp_path / "neu.sqlite3", isolation_level=None)
    from zwk_desktop.services.store_schema import SCHEMA

    for statement in SCHEMA.split(";"):
        if statement.strip():
            fresh.execute(statement)
    assert database.salvage(Path("/" + str(moved)), fresh) == (1, 1)
    assert fresh.execute("SELECT id FROM drafts").fetchall() == [(draft_id,)]


def test_a_stale_lock_file_that_cannot_be_deleted_does_not_stop_the_start(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    store = make_store()
    draft_id = store.create(example())
    crash_with_open_draft(store, draft_id)
    real_unlink = Path.unlink

    def held(self: Path, missing_ok: bool = False) -> None:
        if self.suffix == ".lock":
            raise PermissionError(13, "Der Prozess kann nicht auf die Datei zugreifen", str(self))
        real_unlink(self, missing_ok=missing_ok)

    monkeypatch.setattr(Path, "unlink", held)
    after = start_up(make_store())
    assert after.reopen == draft_id
    assert any("nicht ordnungsgemäß beendet" in m for m in after.messages)
    after.shut_down()  # its own lock file cannot be deleted either: no error
