"""Files held by a virus scanner or OneDrive (issue 13 item 3): on Windows a rename over a file
that another program holds for a moment fails with a sharing violation (WinError 5, 32, 33).
Every rename tries again for about two seconds and then names the file and the cause in German.

Linux has no sharing violations, so `os.replace`, `os.rename` and `os.link` (the export and the
identity store publish their folders and files by rename and hard link, issue 15) are replaced by
ones that raise exactly what Windows raises (a PermissionError carrying ``winerror``) for the
named targets."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from export_helpers import NOW, never_ask, new_store, ready_draft

from zwk_desktop.formspec import get_form
from zwk_desktop.services import atomic
from zwk_desktop.services.export import ExportError, export_package, export_print
from zwk_desktop.services.identities import IdentityError
from zwk_desktop.services.portable import FileWriteError, write_file

REAL = {"replace": os.replace, "rename": os.rename, "link": os.link}


def sharing_violation(winerror: int = 32) -> PermissionError:
    error = PermissionError(13, "Der Prozess kann nicht auf die Datei zugreifen")
    error.winerror = winerror  # type: ignore[attr-defined]  # what Windows sets
    return error


class HeldFiles:
    """os.replace, os.rename and os.link that fail `times` times (together) for targets whose
    name matches `match`."""

    def __init__(self, match: Callable[[Path], bool], times: int, winerror: int = 32) -> None:
        self.match, self.left, self.winerror = match, times, winerror
        self.failures = 0

    def wrap(self, name: str) -> Callable[[object, object], None]:
        def held(src: object, dst: object) -> None:
            if self.match(Path(str(dst))) and self.left > 0:
                self.left -= 1
                self.failures += 1
                raise sharing_violation(self.winerror)
            REAL[name](src, dst)  # type: ignore[operator]

        return held


@pytest.fixture
def no_wait(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[float]]:
    """Retries without waiting: `time.sleep` records the delays, the clock advances by them."""
    waited: list[float] = []
    clock = [0.0]
    monkeypatch.setattr(
        atomic.time, "sleep", lambda s: (waited.append(s), clock.__setitem__(0, clock[0] + s))
    )
    monkeypatch.setattr(atomic.time, "monotonic", lambda: clock[0])
    yield waited


def hold(
    monkeypatch: pytest.MonkeyPatch, match: Callable[[Path], bool], times: int, winerror: int = 32
) -> HeldFiles:
    held = HeldFiles(match, times, winerror)
    for name in REAL:
        monkeypatch.setattr(atomic.os, name, held.wrap(name))
    return held


@pytest.mark.parametrize("winerror", [5, 32, 33])
def test_replace_tries_again_while_the_file_is_held(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_wait: list[float], winerror: int
) -> None:
    target = tmp_path / "entwurf.zwk"
    held = hold(monkeypatch, lambda p: p == target, times=4, winerror=winerror)
    atomic.write_atomic(target, b"neu")
    assert target.read_bytes() == b"neu"
    assert held.failures == 4 and len(no_wait) == 4
    assert sum(no_wait) < atomic.RETRY_SECONDS
    assert [p.name for p in tmp_path.iterdir()] == ["entwurf.zwk"]  # no temp file left


def test_after_two_seconds_the_file_and_the_cause_are_named_in_german(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_wait: list[float]
) -> None:
    target = tmp_path / "entwurf.zwk"
    target.write_bytes(b"alt")
    hold(monkeypatch, lambda p: p == target, times=10_000)
    with pytest.raises(atomic.FileInUseError) as caught:
        atomic.write_atomic(target, b"neu")
    message = str(caught.value)
    assert str(target) in message
    assert "von einem anderen Programm geöffnet" in message
    assert "Virenscanner" in message and "OneDrive" in message
    assert 1.9 <= sum(no_wait) <= 2.3
    assert target.read_bytes() == b"alt"
    assert [p.name for p in tmp_path.iterdir()] == ["entwurf.zwk"]
    # Saving a draft as a file says it in German, with the file.
    with pytest.raises(FileWriteError) as written:
        write_file(ready_draft(), target)
    assert str(target) in str(written.value) and "anderen Programm" in str(written.value)


def test_other_errors_are_not_retried(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_wait: list[float]
) -> None:
    def refuse(src: object, dst: object) -> None:
        raise PermissionError(13, "Permission denied")  # no winerror: not a sharing violation

    monkeypatch.setattr(atomic.os, "replace", refuse)
    with pytest.raises(PermissionError) as caught:
        atomic.replace(tmp_path / "a", tmp_path / "b")
    assert not isinstance(caught.value, atomic.FileInUseError)
    assert no_wait == []


def test_export_renames_staging_folder_and_mail_through_a_held_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_wait: list[float]
) -> None:
    store = new_store(tmp_path / "ids")
    identity = store.create_self_signed(
        "Katrin Wendland", "Bürgermeisterin", "Gemeinde Lindenhagen am See", "", never_ask
    )
    key = store.unlock(identity, never_ask)
    out = tmp_path / "out"
    held = hold(monkeypatch, lambda p: p.parent == out, times=6)
    result = export_package(get_form(), ready_draft(), key, out, now=NOW)
    assert held.failures == 6
    assert result.folder.is_dir() and result.mail.is_file()
    assert sorted(p.name for p in out.iterdir()) == sorted([result.folder.name, result.mail.name])


def test_export_held_for_good_reports_german_and_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_wait: list[float]
) -> None:
    store = new_store(tmp_path / "ids")
    identity = store.create_self_signed(
        "Katrin Wendland", "Bürgermeisterin", "Gemeinde Lindenhagen am See", "", never_ask
    )
    key = store.unlock(identity, never_ask)
    out = tmp_path / "out"
    hold(monkeypatch, lambda p: p.parent == out and p.suffix != ".eml", times=10_000)
    with pytest.raises(ExportError) as caught:
        export_package(get_form(), ready_draft(), key, out, now=NOW)
    assert "ZWK-Bewerbung_" in str(caught.value) and "anderen Programm" in str(caught.value)
    assert list(out.iterdir()) == []  # neither the package, nor its mail, nor a staging folder
    hold(monkeypatch, lambda p: p.parent == out, times=10_000)
    with pytest.raises(ExportError):
        export_print(get_form(), ready_draft(), out, now=NOW)
    assert list(out.iterdir()) == []


def test_identity_folder_through_a_held_file_and_german_when_held_for_good(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_wait: list[float]
) -> None:
    root = tmp_path / "ids"
    store = new_store(root)
    hold(monkeypatch, lambda p: p.parent == root, times=3, winerror=5)
    created = store.create_self_signed("Erika Mustermann", "Bürgermeisterin", "X", "", never_ask)
    assert [i.id for i in store.all()] == [created.id]
    hold(monkeypatch, lambda p: p.parent == root, times=10_000, winerror=33)
    with pytest.raises(IdentityError) as caught:
        store.create_self_signed("Max Muster", "Kämmerer", "X", "", never_ask)
    assert "kann nicht gespeichert werden" in str(caught.value)
    assert "gesperrt" in str(caught.value)
    assert [i.id for i in store.all()] == [created.id]
    assert store.secrets.values.keys() == {created.id}  # type: ignore[attr-defined]


def test_the_window_state_is_saved_through_a_held_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_wait: list[float]
) -> None:
    """i10's per-user fensterzustand.json is replaced through `atomic.replace` as well: a
    scanner holding it for a moment at quit does not lose the window's place."""
    from zwk_desktop.services.window_state import STATE_FILE, WindowState

    state = WindowState(tmp_path)
    held = hold(monkeypatch, lambda p: p.name == STATE_FILE, times=3)
    state.save_folder(str(tmp_path / "Dokumente"))
    assert held.failures == 3
    assert WindowState(tmp_path).folder() == str(tmp_path / "Dokumente")
