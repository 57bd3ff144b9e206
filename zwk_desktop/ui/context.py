"""The services the window works with, created by the composition root (`zwk_desktop.app`)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from zwk_desktop.services.persistence import DraftPersistence
from zwk_desktop.services.settings import SettingsStore
from zwk_desktop.ui.extensions import Extensions


@dataclass(frozen=True)
class UiServices:
    drafts: DraftPersistence
    """Where drafts are opened from and saved to (files today; a draft store later)."""
    settings: SettingsStore
    extensions: Extensions
    """Page extras and menu actions other parts of the program add to the window."""
    examples: Path
    """The folder with the example drafts."""
