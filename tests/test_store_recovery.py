"""Crash recovery: a run that never ended is found at the next start, and a process killed
while it autosaves leaves a sound database with its last completed save."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from store_crash_child import COUNTER
from store_helpers import crash_with_open_draft, example, is_german_sentence, make_store

from zwk_desktop.locations import data_dir
from zwk_desktop.services.recovery import start_up

KILLS = 200
CHILD = Path(__file__).with_name("store_crash_child.py")


def test_a_clean_run_leaves_nothing_to_recover() -> None:
    store = make_store()
    draft_id = store.create(example())
    first = start_up(store)
    assert first.session_id is not None and first.reopen is None and first.messages == []
    first.note_open_draft(draft_id)
    first.shut_down()
    second = start_up(make_store())
    assert second.reopen is None and second.messages == []
    second.shut_down()


def test_a_crashed_run_reopens_its_draft_and_says_so() -> None:
    store = make_store()
    draft_id = store.create(example())
    crash_with_open_draft(store, draft_id)
    after = start_up(make_store())
    assert after.reopen == draft_id
    (message,) = after.messages
    assert is_german_sentence(message)
    assert "nicht ordnungsgemäß beendet" in message
    assert "„Gemeinde Lindenhagen am See“" in message
    saved = make_store().summary(draft_id).modified.astimezone()
    assert saved.strftime("%d.%m.%Y um %H:%M:%S Uhr") in message
    after.shut_down()
    assert start_up(make_store()).messages == []  # told once


def test_another_running_window_is_not_a_crash() -> None:
    store = make_store()
    draft_id = store.create(example())
    running = start_up(store)
    running.note_open_draft(draft_id)
    second = start_up(make_store())
    assert second.reopen is None and second.messages == []
    running.shut_down()
    second.shut_down()


def test_a_draft_deleted_after_the_crash_is_not_reopened() -> None:
    store = make_store()
    draft_id = store.create(example())
    crash_with_open_draft(store, draft_id)
    store.trash(draft_id)
    after = start_up(make_store())
    assert after.reopen is None and after.messages == []


def _last_reported(report: Path) -> int | None:
    if not report.exists():
        return None
    lines = [line for line in report.read_text().split("\n")[:-1] if line]
    return int(lines[-1]) if lines else None


class Launcher:
    """The process that forks the children to be killed (tests/store_crash_child.py)."""

    def __init__(self, folder: Path, draft_id: int) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, str(CHILD), str(folder), str(draft_id)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            bufsize=1,
        )
        self.lines: list[str] = []
        self.expect("launcher ready")

    def expect(self, prefix: str) -> list[str]:
        """The next line starting with `prefix` (lines of other kinds are kept for later)."""
        while True:
            for i, line in enumerate(self.lines):
                if line.startswith(prefix):
                    del self.lines[i]
                    return line.split()
            assert self.proc.stdout is not None
            line = self.proc.stdout.readline()
            if not line:
                self.proc.kill()
                raise AssertionError(f"launcher ended: {self.proc.stderr.read()}")  # type: ignore[union-attr]
            if line.startswith("failed"):
                raise AssertionError(line)
            self.lines.append(line.strip())

    def run(self, report: Path) -> int:
        assert self.proc.stdin is not None
        self.proc.stdin.write(f"run {report}\n")
        return int(self.expect("pid ")[1])

    def close(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.close()
        self.proc.wait(timeout=30)


@pytest.mark.skipif(
    not hasattr(os, "fork"), reason="fork (POSIX); the variant below runs on Windows"
)
def test_killing_the_autosaving_process_200_times_never_loses_a_completed_save() -> None:
    folder = data_dir()
    store = make_store()
    draft_id = store.create(example())
    store.close()
    launcher = Launcher(folder, draft_id)
    rng = random.Random(20261124)
    last_saved = 0
    kills_while_saving = 0
    for round_ in range(KILLS):
        report = folder / f"report-{round_}.txt"
        pid = launcher.run(report)
        editing = rng.random() >= 0.1
        if editing:
            ready = launcher.expect(f"ready {pid} ")
            assert int(ready[2]) >= last_saved
            time.sleep(rng.uniform(0.005, 0.12))  # a random moment during the edits
        else:
            time.sleep(rng.uniform(0, 0.02))  # a kill while the program is still starting
        os.kill(pid, signal.SIGKILL)
        status = int(launcher.expect(f"exit {pid} ")[2])
        assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, status
        reported = _last_reported(report)
        if reported is not None:
            kills_while_saving += 1
            last_saved = max(last_saved, reported)

        con = sqlite3.connect(folder / "entwuerfe.sqlite3")
        assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)], round_
        con.close()
        check = make_store()
        state = check.load(draft_id).draft
        counter = state.data[COUNTER[0]][COUNTER[1]]
        assert counter >= last_saved, round_  # no older than the last completed save
        text = state.data["ausgangslage"]["bevoelkerung_text"]
        assert counter == 2418 or text.startswith(f"Fassung {counter}.")  # one transaction
        assert state.files.keys() >= example().files.keys()
        last_saved = counter
        recovered = start_up(check)
        if editing:  # the child had the draft open: the next start reopens it and says so
            assert recovered.reopen == draft_id, round_
            assert "nicht ordnungsgemäß beendet" in recovered.messages[0]
        recovered.shut_down()
    launcher.close()
    assert kills_while_saving >= KILLS * 0.8


SPAWNED_KILLS = 5


def test_killing_a_started_autosaving_process_never_loses_a_completed_save() -> None:
    """The same on every system, without fork: each round starts the program anew and ends it
    with ``Popen.kill()`` (TerminateProcess on Windows, SIGKILL elsewhere) while it saves."""
    folder = data_dir()
    store = make_store()
    draft_id = store.create(example())
    store.close()
    rng = random.Random(20261204)
    last_saved = 0
    for round_ in range(SPAWNED_KILLS):
        report = folder / f"report-{round_}.txt"
        child = subprocess.Popen(
            [sys.executable, str(CHILD), str(folder), str(draft_id), "--einzeln", str(report)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert child.stdout is not None
        ready = child.stdout.readline().split()
        assert ready[:1] == ["ready"], child.stderr.read() if child.stderr else ready
        assert int(ready[2]) >= last_saved
        time.sleep(rng.uniform(0.05, 0.3))  # a random moment during the edits
        child.kill()
        child.communicate(timeout=60)
        assert child.returncode != 0
        reported = _last_reported(report)
        if reported is not None:
            last_saved = max(last_saved, reported)
        con = sqlite3.connect(folder / "entwuerfe.sqlite3")
        assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)], round_
        con.close()
        check = make_store()
        counter = check.load(draft_id).draft.data[COUNTER[0]][COUNTER[1]]
        assert counter >= last_saved, round_
        last_saved = counter
        recovered = start_up(check)
        assert recovered.reopen == draft_id, round_
        recovered.shut_down()
