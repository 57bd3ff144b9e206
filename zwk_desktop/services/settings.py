"""The user's settings of the desktop program, kept as a small JSON file in the data folder."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

from zwk_desktop.services.atomic import write_atomic
from zwk_desktop.services.private_files import private_dir

SETTINGS_FILE = "einstellungen.json"
LANGUAGES: dict[str, str] = {"de": "Deutsch", "en": "English"}
"""Languages of the user interface; German is the source language."""
MAX_NAME = 100
"""Characters of the user name."""


@dataclass(frozen=True, slots=True)
class Settings:
    language: str = "de"
    """Language of the user interface (a key of LANGUAGES); applied at the next start."""
    user_name: str = ""
    """The user's name as others see it in comments, the change log and change markers
    ("Berater Müller"); asked once, when it is first needed."""
    name_asked: bool = False
    """The program has asked for the name (it does not ask again; Einstellungen can set it)."""
    trust_folder: str = ""
    """Folder (or file) of trust anchors for the Prüfansicht and the Posteingang: the
    certificates of the issuers whose signatures count as trustworthy; empty: integrity is
    checked only (and the Posteingang asks for every certificate to be confirmed by phone)."""


class SettingsStore:
    def __init__(self, folder: Path) -> None:
        self.path = folder / SETTINGS_FILE

    def load(self) -> Settings:
        """The saved settings; defaults for anything missing, unknown or unreadable."""
        try:
            content = self.path.read_bytes()
        except OSError:
            return Settings()  # the usual first start: the strict JSON reader is not needed
        from zwk_desktop.domain import jsonread

        try:
            raw: Any = jsonread.loads(content)
        except jsonread.JsonProblem:
            return Settings()
        if not isinstance(raw, dict):
            return Settings()
        settings = Settings()
        language = raw.get("language")
        if isinstance(language, str) and language in LANGUAGES:
            settings = replace(settings, language=language)
        if raw.get("name_asked") is True:
            settings = replace(settings, name_asked=True)
        name = raw.get("user_name")
        if isinstance(name, str) and name.strip():
            settings = replace(settings, user_name=" ".join(name.split())[:MAX_NAME])
        trust = raw.get("trust_folder")
        if isinstance(trust, str):
            settings = replace(settings, trust_folder=trust)
        return settings

    def save(self, settings: Settings) -> None:
        """Raises OSError when the data folder cannot be written."""
        content = json.dumps(asdict(settings), ensure_ascii=False, indent=2).encode("utf-8")
        private_dir(self.path.parent)
        write_atomic(self.path, content)
