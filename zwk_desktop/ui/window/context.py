"""The services the window works with, created by the composition root (`zwk_desktop.app`)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from zwk_desktop.services.settings import SettingsStore
from zwk_desktop.services.store import DraftStore
from zwk_desktop.services.window_state import WindowState
from zwk_desktop.ui.extensions import Extensions


@dataclass(frozen=True)
class UiServices:
    store: DraftStore
    """The draft store: every draft the window edits lives here (autosave, versions, crash
    recovery, the drafts manager); files are imported into it and exported from it."""
    settings: SettingsStore
    extensions: Extensions
    """Page extras and menu actions other parts of the program add to the window."""
    examples: Path
    """The folder with the example drafts."""
    window_state: WindowState
    """Where the user left off: the window's geometry, each draft's section and field."""
