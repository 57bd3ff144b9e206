"""Where the user left off, per user: the window's size and place, and for each draft the
section and field last worked on and which missing entries were already shown.

A small JSON file in the data folder (``fensterzustand.json``), apart from the settings (the
settings dialog writes those whole) and from the drafts (moving through a draft does not change
it). An unreadable file is no error: the window then opens as on a first start.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from zwk_desktop.services import atomic

STATE_FILE = "fensterzustand.json"
KEPT_DRAFTS = 200
"""Places of at most this many drafts are kept (the most recently left ones)."""


@dataclass(frozen=True)
class DraftPlace:
    """Where a draft was left."""

    section: str = ""
    """The id of the section shown last (empty: the „Prüfen“ page)."""
    path: str = ""
    """The field that had the focus, if any."""
    revealed: bool = False
    """The user had asked for the whole check (every missing entry shown)."""
    left: tuple[str, ...] = field(default_factory=tuple)
    """Fields the user had left (their missing entries shown)."""


class WindowState:
    def __init__(self, folder: Path) -> None:
        self.path = folder / STATE_FILE

    def _load(self) -> dict[str, Any]:
        try:
            raw: Any = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return raw if isinstance(raw, dict) else {}

    def _save(self, state: dict[str, Any]) -> None:
        """Best effort, and only when something changed: a folder that cannot be written loses
        only the window's place. Replaced whole (never half written), but not forced to the
        disk at once: this is no data of the user's, and quitting stays quick."""
        content = json.dumps(state, ensure_ascii=False, indent=1).encode("utf-8")
        try:
            if self.path.read_bytes() == content:
                return
        except OSError:
            pass
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, name = tempfile.mkstemp(dir=self.path.parent, prefix=f".{self.path.name}.")
        except OSError:
            return
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(content)
            atomic.replace(Path(name), self.path)  # retried while Windows holds the file
        except OSError:
            with contextlib.suppress(OSError):
                os.unlink(name)

    def save_window(self, geometry: bytes, folder: str | None) -> None:
        """The window's geometry and the file dialogs' last folder, in one write."""
        state = self._load()
        state["geometry"] = base64.b64encode(geometry).decode("ascii")
        if folder:
            state["ordner"] = folder
        self._save(state)

    def geometry(self) -> bytes | None:
        """The window's saved geometry (Qt's ``saveGeometry``), if any."""
        text = self._load().get("geometry")
        if not isinstance(text, str):
            return None
        try:
            return base64.b64decode(text, validate=True)
        except (binascii.Error, ValueError):
            return None

    def save_geometry(self, data: bytes) -> None:
        state = self._load()
        state["geometry"] = base64.b64encode(data).decode("ascii")
        self._save(state)

    def folder(self) -> str | None:
        """The folder the file dialogs used last."""
        folder = self._load().get("ordner")
        return folder if isinstance(folder, str) and folder else None

    def save_folder(self, folder: str) -> None:
        state = self._load()
        state["ordner"] = folder
        self._save(state)

    def noted(self, key: str) -> bool:
        """Whether the user was told this once-only thing already."""
        return key in (self._load().get("gesagt") or [])

    def note(self, key: str) -> None:
        state = self._load()
        said = state.get("gesagt")
        said = [s for s in said if isinstance(s, str)] if isinstance(said, list) else []
        if key not in said:
            state["gesagt"] = [*said, key]
            self._save(state)

    def place(self, draft_id: int) -> DraftPlace | None:
        """Where a stored draft was left, if known."""
        entry = self._load().get("entwuerfe", {}).get(str(draft_id))
        if not isinstance(entry, dict):
            return None
        left = entry.get("left")
        return DraftPlace(
            section=str(entry.get("section") or ""),
            path=str(entry.get("path") or ""),
            revealed=entry.get("revealed") is True,
            left=tuple(p for p in left if isinstance(p, str)) if isinstance(left, list) else (),
        )

    def save_place(self, draft_id: int, place: DraftPlace) -> None:
        state = self._load()
        drafts = state.get("entwuerfe")
        if not isinstance(drafts, dict):
            drafts = {}
        drafts.pop(str(draft_id), None)
        drafts[str(draft_id)] = {  # the newest last: the oldest go first when there are many
            "section": place.section,
            "path": place.path,
            "revealed": place.revealed,
            "left": sorted(place.left),
        }
        while len(drafts) > KEPT_DRAFTS:
            drafts.pop(next(iter(drafts)))
        state["entwuerfe"] = drafts
        self._save(state)
