"""One running copy (issue 13 item 2): a second start, or a double-click on a ``.zwk`` file while
the program runs, hands the file to the running window, which imports it once (not once per
click), and exits. The lock and the handover are tested without Qt, then with real processes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from conftest import EXAMPLES

from zwk_desktop.services import instance


def test_the_lock_is_held_once(tmp_path: Path) -> None:
    first, second = instance.InstanceLock(tmp_path), instance.InstanceLock(tmp_path)
    assert first.acquire()
    assert not second.acquire()
    first.release()
    assert second.acquire()
    second.release()


def test_a_request_nobody_claims_is_withdrawn(tmp_path: Path) -> None:
    assert not instance.hand_over(tmp_path, [EXAMPLES / "gemeinde-lindenhagen.zwk"], timeout=0.2)
    assert list((tmp_path / instance.INBOX).iterdir()) == []
    assert instance.take_requests(tmp_path) == []


def test_a_claimed_request_carries_absolute_paths(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(EXAMPLES)
    taken: list[instance.Request] = []

    def window() -> None:
        deadline = time.monotonic() + 10
        while not taken and time.monotonic() < deadline:
            taken.extend(instance.take_requests(tmp_path))
            time.sleep(0.02)

    worker = threading.Thread(target=window)
    worker.start()
    assert instance.hand_over(tmp_path, [Path("gemeinde-lindenhagen.zwk")], timeout=10)
    worker.join()
    assert taken == [instance.Request((EXAMPLES / "gemeinde-lindenhagen.zwk",))]
    assert list((tmp_path / instance.INBOX).iterdir()) == []


def test_a_window_that_does_not_answer_gets_a_german_message(tmp_path: Path) -> None:
    running = instance.InstanceLock(tmp_path)
    assert running.acquire()
    lock, message = instance.start_or_hand_over(tmp_path, [], timeout=0.2)
    assert lock is None
    assert message.startswith("ZWK Desktop läuft bereits, reagiert aber nicht")
    running.release()
    lock, message = instance.start_or_hand_over(tmp_path, [])
    assert lock is not None and lock.held and message == ""
    lock.release()


def test_the_same_file_is_known_by_its_content(tmp_path: Path) -> None:
    opened = instance.OpenedFiles()
    copy = tmp_path / "kopie.zwk"
    copy.write_bytes((EXAMPLES / "gemeinde-lindenhagen.zwk").read_bytes())
    opened.remember(EXAMPLES / "gemeinde-lindenhagen.zwk", 7)
    assert opened.draft_for(copy) == 7
    assert opened.draft_for(EXAMPLES / "landkreis-hohenwald.zwk") is None
    opened.forget(7)
    assert opened.draft_for(copy) is None


def _drafts(env: dict[str, str]) -> list[dict[str, object]]:
    done = subprocess.run(
        [sys.executable, "-m", "zwk_desktop", "drafts", "list", "--json"],
        capture_output=True, text=True, env=env, timeout=60, check=True,
    )  # fmt: skip
    rows: list[dict[str, object]] = json.loads(done.stdout)
    return rows


def _wait_for(condition: object, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():  # type: ignore[operator]
            return
        time.sleep(0.1)
    raise AssertionError("Zeitüberschreitung")


def test_a_second_start_hands_the_file_to_the_running_window_which_imports_it_once(
    tmp_path: Path,
) -> None:
    data = tmp_path / "daten"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "ZWK_DATA_DIR": str(data)}
    first = subprocess.Popen(
        [sys.executable, "-m", "zwk_desktop"], env=env,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        _wait_for(lambda: (data / instance.INBOX).is_dir() or first.poll() is not None)
        assert first.poll() is None, first.communicate()
        example = EXAMPLES / "gemeinde-lindenhagen.zwk"
        for _click in range(3):  # three double-clicks on the same file
            second = subprocess.run(
                [sys.executable, "-m", "zwk_desktop", str(example)],
                env=env, capture_output=True, text=True, timeout=60,
            )  # fmt: skip
            assert second.returncode == 0, second.stderr
        plain = subprocess.run(
            [sys.executable, "-m", "zwk_desktop"], env=env, capture_output=True, timeout=60
        )
        assert plain.returncode == 0
        other = subprocess.run(
            [sys.executable, "-m", "zwk_desktop", str(EXAMPLES / "landkreis-hohenwald.zwk")],
            env=env, capture_output=True, timeout=60,
        )  # fmt: skip
        assert other.returncode == 0
        _wait_for(lambda: len(_drafts(env)) == 2)
        titles = sorted(str(row["kommune"]) for row in _drafts(env))
        assert titles == ["Gemeinde Lindenhagen am See", "Landkreis Hohenwald"]
        assert first.poll() is None  # the first window still runs; no second one was opened
    finally:
        first.terminate()
        first.communicate(timeout=30)
