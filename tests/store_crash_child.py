"""The processes the crash test kills, and the small launcher that forks them.

Run as ``python store_crash_child.py DATA_DIR DRAFT_ID``: the launcher imports the program once
and then, for every line ``run REPORT`` on its stdin, forks a child and prints ``pid N``. The
child opens the store as the program does at start (crash recovery included), prints
``ready N COUNTER`` and then edits and autosaves one draft without pause; after each save has
returned it appends the edit's number to REPORT (one line, one ``os.write`` on an O_APPEND
descriptor, so a line is either there or not). When the child is gone the launcher prints
``exit N STATUS``. Forking from a launcher that has imported everything keeps each round fast.

``python store_crash_child.py DATA_DIR DRAFT_ID --einzeln REPORT`` runs one child directly (no
fork): the variant for Windows, killed there with TerminateProcess.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import sys
import traceback
from pathlib import Path

from zwk_desktop.formspec import get_form
from zwk_desktop.services.autosave import DraftSession
from zwk_desktop.services.recovery import start_up
from zwk_desktop.services.store import DB_NAME, DraftStore, StoreSettings

COUNTER = ("kommune", "einwohner")
FILLER = "Die Gemeinde wächst am Seeufer und altert im Ortskern. " * 40


def _say(line: str) -> None:
    os.write(1, f"{line}\n".encode())


def edit_and_autosave(data_dir: str, draft_id: int, report: str) -> None:
    store = DraftStore(
        Path(data_dir) / DB_NAME,
        settings=StoreSettings(history_limit=5, version_interval=dt.timedelta(milliseconds=30)),
    )
    startup = start_up(store)
    startup.note_open_draft(draft_id)
    session = DraftSession.open(store, draft_id)
    fd = os.open(report, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    n = session.draft.data[COUNTER[0]][COUNTER[1]]
    _say(f"ready {os.getpid()} {n}")
    while True:
        n += 1
        session.draft.data[COUNTER[0]][COUNTER[1]] = n
        session.draft.data["ausgangslage"]["bevoelkerung_text"] = f"Fassung {n}. {FILLER}"
        if n % 9 == 0:  # now and then a new attachment: a blob is written in the same save
            content = b"%PDF-1.4\n" + str(n).encode() * 2000
            session.draft.files[hashlib.sha256(content).hexdigest()] = content
        session.edited()
        status = session.save_now(reason="save" if n % 10 == 0 else "autosave")
        if status.state != "saved":
            _say(f"failed {os.getpid()} {status.error}")
            os._exit(3)
        os.write(fd, f"{n}\n".encode())


def serve(data_dir: str, draft_id: int) -> None:
    os.environ["ZWK_DATA_DIR"] = data_dir
    get_form()  # loaded once here, inherited by every child
    _say("launcher ready")
    for line in sys.stdin:
        command, _, report = line.strip().partition(" ")
        if command != "run":
            break
        pid = os.fork()
        if pid == 0:
            try:
                edit_and_autosave(data_dir, draft_id, report)
            except BaseException:
                traceback.print_exc()
            os._exit(4)
        _say(f"pid {pid}")
        _, status = os.waitpid(pid, 0)
        _say(f"exit {pid} {status}")


if __name__ == "__main__":
    if sys.argv[3:4] == ["--einzeln"]:
        # One run without the forking launcher (Windows has no fork): this process is the one
        # that gets killed.
        os.environ["ZWK_DATA_DIR"] = sys.argv[1]
        edit_and_autosave(sys.argv[1], int(sys.argv[2]), sys.argv[4])
    else:
        serve(sys.argv[1], int(sys.argv[2]))
