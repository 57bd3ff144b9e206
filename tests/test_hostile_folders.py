"""Hostile folders (issue 15): links planted where the program writes, private permissions of the
data folder, a write-protected data folder, full and write-protected output folders, and German
words for every operating-system error, help text and passphrase problem."""

from __future__ import annotations

import argparse
import contextlib
import errno
import os
import shutil
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from clitools import run_cli
from export_helpers import NOW, never_ask, new_store, ready_draft
from store_helpers import is_german_sentence, read_only

from zwk_desktop import oserrors
from zwk_desktop.formspec import get_form
from zwk_desktop.services.atomic import write_atomic
from zwk_desktop.services.export import ExportError, export_package, export_print
from zwk_desktop.services.identities import SigningKey
from zwk_desktop.services.portable import FileWriteError, write_file
from zwk_desktop.services.store_errors import translate

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "gemeinde-lindenhagen.zwk"
STEM = "ZWK-Bewerbung_12073999_Gemeinde-Lindenhagen-am-See_2021-07-15"
PRINT = "ZWK-Entwurf_12073999_Gemeinde-Lindenhagen-am-See"


@pytest.fixture(scope="module")
def key(tmp_path_factory: pytest.TempPathFactory) -> SigningKey:
    store = new_store(tmp_path_factory.mktemp("identities"))
    identity = store.create_self_signed("Katrin Wendland", "Bürgermeisterin", "L", "", never_ask)
    return store.unlock(identity, never_ask)


# --------------------------------------------------------------------------- links


def test_links_planted_at_the_old_temporary_names_are_never_followed(
    key: SigningKey, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    victim = tmp_path / "victim.txt"
    victim.write_text("unverändert")
    # The names the export used to write through (predictable before issue 15).
    for name in (f".{STEM}.eml.tmp", f".{STEM}.eml", f".{PRINT}_2021-07-15.pdf.tmp"):
        (out / name).symlink_to(victim)
    result = export_package(get_form(), ready_draft(), key, out, now=NOW)
    target = export_print(get_form(), ready_draft(), out, now=NOW)
    assert victim.read_text() == "unverändert"
    for final in (result.mail, result.folder, target):
        assert not final.is_symlink()
    assert result.mail.is_file() and target.is_file()
    assert b"X-Unsent: 1" in result.mail.read_bytes()


def test_a_dangling_link_at_the_final_name_is_skipped_not_replaced(
    key: SigningKey, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / f"{STEM}.eml").symlink_to(tmp_path / "nowhere")
    result = export_package(get_form(), ready_draft(), key, out, now=NOW)
    assert result.folder.name == f"{STEM}_2"
    assert (out / f"{STEM}.eml").is_symlink() and not (tmp_path / "nowhere").exists()


def test_an_output_folder_that_is_a_link_or_a_file_is_refused_before_rendering(
    key: SigningKey, tmp_path: Path
) -> None:
    real = tmp_path / "real"
    real.mkdir()
    link = tmp_path / "link"
    link.symlink_to(real)
    afile = tmp_path / "datei"
    afile.write_text("x")
    for out in (link, afile):
        with pytest.raises(ExportError):
            export_package(get_form(), ready_draft(), key, out, now=NOW)
        with pytest.raises(ExportError):
            export_print(get_form(), ready_draft(), out, now=NOW)
    assert list(real.iterdir()) == []
    assert afile.read_text() == "x"


def test_the_cli_refuses_an_out_path_that_is_an_existing_file(tmp_path: Path) -> None:
    afile = tmp_path / "datei.pdf"
    afile.write_text("x")
    result = run_cli("export", EXAMPLE, "--entwurf", "--out", afile)
    assert result.returncode == 1
    assert "ist eine Datei, kein Ordner" in result.stderr and is_german_sentence(result.stderr)
    assert afile.read_text() == "x"


def test_a_draft_file_target_that_is_a_link_is_refused(tmp_path: Path) -> None:
    from zwk_desktop.domain.draft import read_draft

    victim = tmp_path / "victim.txt"
    victim.write_text("unverändert")
    link = tmp_path / "entwurf.zwk"
    link.symlink_to(victim)
    with pytest.raises(FileWriteError, match="Verknüpfung"):
        write_file(read_draft(EXAMPLE), link)
    with pytest.raises(OSError) as info:
        write_atomic(link, b"x")
    assert info.value.errno == errno.ELOOP
    assert victim.read_text() == "unverändert" and link.is_symlink()
    assert {p.name for p in tmp_path.iterdir()} == {"victim.txt", "entwurf.zwk"}
    imported = run_cli("drafts", "import", EXAMPLE)
    assert imported.returncode == 0, imported.stderr
    result = run_cli("drafts", "export", "1", link, "--force")
    assert result.returncode == 1 and "Verknüpfung" in result.stderr
    assert victim.read_text() == "unverändert"


def test_temporary_files_are_private_and_unpredictable(tmp_path: Path) -> None:
    from zwk_desktop.services.atomic import temp_file, temp_folder

    fd1, one = temp_file(tmp_path, "x.zwk")
    fd2, two = temp_file(tmp_path, "x.zwk")
    os.close(fd1)
    os.close(fd2)
    assert one != two and one.name.startswith(".x.zwk.")
    assert stat.S_IMODE(one.stat().st_mode) == 0o600
    folder = temp_folder(tmp_path, "paket")
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700


# --------------------------------------------------------------------------- permissions


def _modes(root: Path) -> dict[str, int]:
    out = {root.name: stat.S_IMODE(root.stat().st_mode)}
    for path in root.rglob("*"):
        if not path.is_symlink():
            out[path.relative_to(root).as_posix()] = stat.S_IMODE(path.stat().st_mode)
    return out


@pytest.mark.skipif(os.name != "posix", reason="Unix permissions")
def test_the_data_folder_is_private_from_the_start() -> None:
    data = Path(os.environ["ZWK_DATA_DIR"])
    assert run_cli("drafts", "import", EXAMPLE).returncode == 0
    env = {**os.environ, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    created = run_cli(
        "identity", "create", "--name", "Katrin Wendland", "--funktion", "F", "--kommune", "K",
        "--passphrase-stdin", env=env, stdin="geheim-geheim-1\n",
    )  # fmt: skip
    assert created.returncode == 0, created.stderr
    modes = _modes(data)
    assert modes["zwk-data"] == 0o700
    assert modes["entwuerfe.sqlite3"] == 0o600
    keys = [name for name in modes if name.endswith("key.p12")]
    assert keys and all(modes[k] == 0o600 for k in keys)
    for name, mode in modes.items():
        assert mode & 0o077 == 0, f"{name} is {oct(mode)}"


@pytest.mark.skipif(os.name != "posix", reason="Unix permissions")
def test_everything_the_window_creates_in_the_data_folder_is_private(tmp_path: Path) -> None:
    """The program started with a file, as a clerk does, under an ordinary umask: the files and
    folders the window itself creates (issue 13's handover inbox and log, issue 10's window
    state, the sessions) are private like the rest (issue 9 of the hostile-input issue)."""
    from zwk_desktop.app import QUIT_AFTER_START

    data = tmp_path / "zwk-data"
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "ZWK_DATA_DIR": str(data),
        QUIT_AFTER_START: "1",
    }
    old = os.umask(0o022)
    try:
        done = subprocess.run(
            [sys.executable, "-m", "zwk_desktop", str(EXAMPLE)],
            env=env, capture_output=True, text=True, timeout=120,
        )  # fmt: skip
    finally:
        os.umask(old)
    assert done.returncode == 0, done.stderr
    modes = _modes(data)
    assert "uebergabe" in modes and "entwuerfe.sqlite3" in modes, modes
    for name, mode in modes.items():
        assert mode & 0o077 == 0, f"{name} is {oct(mode)}"


@pytest.mark.skipif(os.name != "posix", reason="Unix permissions")
def test_the_log_the_instance_lock_and_handed_over_requests_are_private() -> None:
    """Issue 13's files in the data folder (the log, the single-instance lock, a second start's
    request naming the files to open) are private from the start like everything else."""
    from zwk_desktop.services import crashlog
    from zwk_desktop.services.instance import InstanceLock, hand_over

    data = Path(os.environ["ZWK_DATA_DIR"])
    old = os.umask(0o022)  # an ordinary umask: files would be 0644 unless made private
    try:
        try:
            raise KeyError("Probe")
        except KeyError as exc:
            crashlog.record(exc, "Test")
        crashlog.close()
        lock = InstanceLock(data)
        assert lock.acquire()
        seen: dict[str, int] = {}

        def look(_seconds: float) -> None:
            seen.update(_modes(data))

        assert not hand_over(data, [EXAMPLE], timeout=0.2, sleep=look)
        lock.release()
    finally:
        os.umask(old)
    seen.update(_modes(data))
    assert any(name.startswith("uebergabe/") and name.endswith(".json") for name in seen), seen
    assert any(name.startswith("protokoll/") for name in seen), seen
    for name, mode in seen.items():
        assert mode & 0o077 == 0, f"{name} is {oct(mode)}"


@pytest.mark.skipif(os.name != "posix", reason="Unix permissions")
def test_an_existing_installation_is_tightened_on_start() -> None:
    data = Path(os.environ["ZWK_DATA_DIR"])
    assert run_cli("drafts", "import", EXAMPLE).returncode == 0
    ident = data / "identities" / "alt-1234"
    ident.mkdir(parents=True)
    (ident / "key.p12").write_bytes(b"x")
    for path, mode in ((data, 0o755), (data / "identities", 0o755), (ident, 0o755),
                       (ident / "key.p12", 0o644), (data / "entwuerfe.sqlite3", 0o644)):  # fmt: skip
        path.chmod(mode)
    outside = data.parent / "fremd.txt"
    outside.write_text("x")
    outside.chmod(0o644)
    (data / "link").symlink_to(outside)
    assert run_cli("drafts", "list").returncode == 0
    modes = _modes(data)
    assert modes["zwk-data"] == 0o700 and modes["identities/alt-1234"] == 0o700
    assert modes["identities/alt-1234/key.p12"] == 0o600
    assert modes["entwuerfe.sqlite3"] == 0o600
    assert stat.S_IMODE(outside.stat().st_mode) == 0o644  # a link is never followed


# --------------------------------------------------------------------------- write-protected, full


def _data() -> Path:
    return Path(os.environ["ZWK_DATA_DIR"])


def test_list_and_export_work_from_a_read_only_data_folder(tmp_path: Path) -> None:
    assert run_cli("drafts", "import", EXAMPLE).returncode == 0
    target = tmp_path / "kopie.zwk"
    with read_only(_data()):
        listed = run_cli("drafts", "list")
        assert listed.returncode == 0, listed.stderr
        assert "Gemeinde Lindenhagen am See" in listed.stdout
        exported = run_cli("drafts", "export", "1", target)
        assert exported.returncode == 0, exported.stderr
        refused = run_cli("drafts", "import", EXAMPLE)
        assert refused.returncode == 1 and is_german_sentence(refused.stderr)
        assert "Traceback" not in listed.stderr + exported.stderr + refused.stderr
    assert target.read_bytes().startswith(b"{")


def test_entwurf_into_a_read_only_folder_is_a_german_message(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    with read_only(out):
        result = run_cli("export", EXAMPLE, "--entwurf", "--out", out)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr and is_german_sentence(result.stderr)
    assert "kann nicht geschrieben werden" in result.stderr
    assert list(out.iterdir()) == []


@contextlib.contextmanager
def _tiny_disk(folder: Path) -> Iterator[Path]:
    folder.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(folder)], capture_output=True
    )
    if mounted.returncode != 0:
        pytest.skip("kein tmpfs einhängbar (nur als root)")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=True)


def test_entwurf_into_a_full_folder_is_a_german_message_and_leaves_nothing(tmp_path: Path) -> None:
    with _tiny_disk(tmp_path / "voll") as out:
        result = run_cli("export", EXAMPLE, "--entwurf", "--out", out)
        left = list(out.iterdir())
    assert result.returncode == 1, result.stderr
    assert "der Datenträger ist voll" in result.stderr
    assert "Traceback" not in result.stderr and "No space" not in result.stderr
    assert left == []


def test_a_full_disk_while_writing_the_package_leaves_nothing(
    key: SigningKey, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import zwk_desktop.services.export as export
    from zwk_desktop.services import atomic

    real = atomic.publish

    def full(tmp: Path, final: Path) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic, "publish", full)
    with pytest.raises(OSError) as info:
        export_package(get_form(), ready_draft(), key, tmp_path, now=NOW)
    assert list(tmp_path.iterdir()) == []
    assert "der Datenträger ist voll" in export.write_failed(tmp_path, info.value)
    monkeypatch.setattr(atomic, "publish", real)


# --------------------------------------------------------------------------- German words


@pytest.mark.parametrize(
    ("code", "german"),
    [(errno.ENOSPC, "der Datenträger ist voll"), (errno.EPERM, "nicht erlaubt"),
     (errno.EEXIST, "schon vorhanden"), (errno.EACCES, "keine Berechtigung"),
     (errno.EROFS, "schreibgeschützt"), (errno.ELOOP, "Verknüpfung")],
)  # fmt: skip
def test_os_errors_have_a_german_cause(code: int, german: str) -> None:
    exc = OSError(code, os.strerror(code))
    assert german in oserrors.cause(exc)
    assert os.strerror(code) not in oserrors.cause(exc)
    unknown = OSError(errno.ECHILD, os.strerror(errno.ECHILD))
    assert os.strerror(errno.ECHILD) not in oserrors.cause(unknown)
    store = translate(OSError(errno.ENOTCONN, os.strerror(errno.ENOTCONN)), Path("/x/db"))
    assert os.strerror(errno.ENOTCONN) not in str(store)


def test_a_write_error_of_a_draft_file_is_german(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import zwk_desktop.services.portable as portable
    from zwk_desktop.domain.draft import read_draft

    def fail(path: Path, content: bytes) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(portable, "write_atomic", fail)
    with pytest.raises(FileWriteError) as info:
        write_file(read_draft(EXAMPLE), tmp_path / "x.zwk")
    assert "nicht erlaubt" in str(info.value) and "Operation" not in str(info.value)


def _commands() -> list[list[str]]:
    from zwk_desktop.cli.main import build_parser

    out: list[list[str]] = [[]]

    def walk(parser: argparse.ArgumentParser, prefix: list[str]) -> None:
        for action in parser._actions:
            choices = getattr(action, "choices", None)
            if isinstance(choices, dict):
                for name, sub in choices.items():
                    out.append([*prefix, name])
                    walk(sub, [*prefix, name])

    walk(build_parser(), [])
    return out


def test_every_help_is_german(capsys: pytest.CaptureFixture[str]) -> None:
    from zwk_desktop.cli.main import main

    commands = _commands()
    assert ["drafts", "import"] in commands and ["verify"] in commands
    for command in commands:
        with pytest.raises(SystemExit):
            main([*command, "--help"])
        text = capsys.readouterr().out
        assert text.startswith("Aufruf: "), command
        for english in ("usage:", "show this help", "positional arguments", "options:"):
            assert english not in text, (command, english)


def test_argument_errors_are_german(capsys: pytest.CaptureFixture[str]) -> None:
    from zwk_desktop.cli.main import main

    for args in (["gemeinde", "x", "--anzahl", "y"], ["validate"], ["verify", "a", "b"]):
        with pytest.raises(SystemExit) as info:
            main(args)
        assert info.value.code == 2
        err = capsys.readouterr().err
        assert err.startswith("Aufruf: ") and "invalid" not in err and "required" not in err


def test_without_a_terminal_the_passphrase_is_never_read_unasked(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    created = run_cli(
        "identity", "create", "--name", "Katrin Wendland", "--funktion", "F", "--kommune", "K",
        "--passphrase-stdin", env=env, stdin="geheim-geheim-1\n",
    )  # fmt: skip
    assert created.returncode == 0, created.stderr
    args = ["export", str(EXAMPLE), "--out", str(tmp_path / "o"), "--accept-warnings", "ok"]
    # No terminal at all (a service, a scheduled task): no GetPassWarning, a German sentence.
    result = subprocess.run(
        [sys.executable, "-m", "zwk_desktop", *args],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        env={**env, "PYTHONIOENCODING": "utf-8"},
        start_new_session=True,
        timeout=120,
    )
    assert result.returncode == 1
    assert "GetPassWarning" not in result.stderr and "echoed" not in result.stderr
    assert "--passphrase-stdin" in result.stderr and is_german_sentence(result.stderr)
    wrong = run_cli(*args, "--passphrase-stdin", env=env, stdin="falsch\n")
    assert wrong.returncode == 1 and "Die Passphrase ist falsch" in wrong.stderr
    assert "Abgebrochen" not in wrong.stderr
    assert not (tmp_path / "o").exists() or list((tmp_path / "o").iterdir()) == []
    shutil.rmtree(tmp_path / "o", ignore_errors=True)


def test_publish_never_replaces_and_works_without_hard_links(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from zwk_desktop.services import atomic

    for link_works in (True, False):
        folder = tmp_path / str(link_works)
        folder.mkdir()
        if not link_works:  # a FAT stick: no hard links
            monkeypatch.setattr(atomic.os, "link", _no_link)
        fd, tmp = atomic.temp_file(folder, "a.eml")
        os.write(fd, b"neu")
        os.close(fd)
        existing = folder / "a.eml"
        existing.write_bytes(b"alt")
        with pytest.raises(FileExistsError):
            atomic.publish(tmp, existing)
        assert existing.read_bytes() == b"alt"
        atomic.publish(tmp, folder / "b.eml")
        assert (folder / "b.eml").read_bytes() == b"neu" and not tmp.exists()
        monkeypatch.undo()


def _no_link(src: object, dst: object) -> None:
    raise OSError(errno.EPERM, "Operation not permitted")
