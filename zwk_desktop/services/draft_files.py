"""Drafts as ``.zwk`` files, saved atomically, and the list of recently used files."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from zwk_desktop.services.atomic import write_atomic
from zwk_desktop.services.persistence import DraftRef, RecentDraft, SaveError

if TYPE_CHECKING:
    from zwk_desktop.domain.draft import Draft

RECENT_FILE = "zuletzt-verwendet.json"
RECENT_LIMIT = 10


def _now() -> str:
    # the draft module (and with it pydantic) is imported only once a draft is handled
    from zwk_desktop.domain.draft import now_iso

    return now_iso()


class FileDrafts:
    """`DraftPersistence` with ``.zwk`` files; remembers recent files in `folder`."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    # ----------------------------------------------------------------- recent list

    @property
    def _recent_path(self) -> Path:
        return self.folder / RECENT_FILE

    def _read_recent(self) -> list[dict[str, str]]:
        try:
            raw = json.loads(self._recent_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return []
        if not isinstance(raw, list):
            return []
        return [
            e
            for e in raw
            if isinstance(e, dict)
            and all(isinstance(e.get(k), str) for k in ("path", "title", "modified"))
        ]

    def _write_recent(self, entries: list[dict[str, str]]) -> None:
        content = json.dumps(entries[:RECENT_LIMIT], ensure_ascii=False, indent=2).encode("utf-8")
        # the list is a convenience; a read-only data folder must not stop the work
        with contextlib.suppress(OSError):
            write_atomic(self._recent_path, content)

    def _remember(self, path: Path, draft: Draft) -> None:
        key = str(path)
        entries = [e for e in self._read_recent() if e["path"] != key]
        entries.insert(0, {"path": key, "title": draft.title, "modified": _now()})
        self._write_recent(entries)

    def recent(self) -> list[RecentDraft]:
        return [
            RecentDraft(_ref(Path(e["path"])), e["title"], e["modified"])
            for e in self._read_recent()
        ]

    def forget(self, ref: DraftRef) -> None:
        self._write_recent([e for e in self._read_recent() if e["path"] != ref.key])

    # ----------------------------------------------------------------- drafts

    def open(self, ref: DraftRef) -> Draft:
        draft, _ = self.open_file(Path(ref.key))
        return draft

    def open_file(self, path: Path) -> tuple[Draft, DraftRef]:
        from zwk_desktop.domain.draft import read_draft

        path = path.resolve()
        draft = read_draft(path)
        self._remember(path, draft)
        return draft, _ref(path)

    def save(self, draft: Draft, ref: DraftRef) -> DraftRef:
        return self.save_file(draft, Path(ref.key))

    def save_file(self, draft: Draft, path: Path) -> DraftRef:
        from zwk_desktop import __version__

        path = path.resolve()
        meta: dict[str, Any] = draft.meta
        previous = dict(meta)
        meta["modified"] = _now()
        meta.setdefault("created", meta["modified"])
        meta["app_version"] = __version__
        try:
            write_atomic(path, draft.to_bytes())
        except OSError as exc:
            meta.clear()
            meta.update(previous)
            reason = exc.strerror or str(exc)
            raise SaveError(
                f"Der Entwurf konnte nicht unter {path} gespeichert werden ({reason}). Die "
                "bisherige Datei ist unverändert; bitte wählen Sie mit „Speichern unter…“ einen "
                "anderen Ort."
            ) from None
        self._remember(path, draft)
        return _ref(path)


def _ref(path: Path) -> DraftRef:
    return DraftRef(key=str(path), label=path.name, path=path)
