"""The user's settings of the desktop program, kept as a small JSON file in the data folder."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

from zwk_desktop.services.atomic import write_atomic

SETTINGS_FILE = "einstellungen.json"
LANGUAGES: dict[str, str] = {"de": "Deutsch", "en": "English"}
"""Languages of the user interface; German is the source language."""


@dataclass(frozen=True, slots=True)
class Settings:
    language: str = "de"
    """Language of the user interface (a key of LANGUAGES); applied at the next start."""
    trust_folder: str = ""
    """Folder (or file) of trust anchors for the Prüfansicht: the certificates of the issuers
    whose signatures count as trustworthy; empty: integrity is checked only."""


class SettingsStore:
    def __init__(self, folder: Path) -> None:
        self.path = folder / SETTINGS_FILE

    def load(self) -> Settings:
        """The saved settings; defaults for anything missing, unknown or unreadable."""
        try:
            raw: Any = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return Settings()
        if not isinstance(raw, dict):
            return Settings()
        settings = Settings()
        language = raw.get("language")
        if isinstance(language, str) and language in LANGUAGES:
            settings = replace(settings, language=language)
        trust = raw.get("trust_folder")
        if isinstance(trust, str):
            settings = replace(settings, trust_folder=trust)
        return settings

    def save(self, settings: Settings) -> None:
        """Raises OSError when the data folder cannot be written."""
        content = json.dumps(asdict(settings), ensure_ascii=False, indent=2).encode("utf-8")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(self.path, content)
