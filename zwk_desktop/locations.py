"""Where the program finds its forms and resources, and where it keeps user data.

Works from a source checkout (editable install) and from a PyInstaller bundle, where the data
folders sit beside the executable's internal directory (``sys._MEIPASS``).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "ZWK-Desktop"
APP_AUTHOR = "ZWK"


def bundle_dir() -> Path | None:
    """The bundle's internal folder when running from a PyInstaller bundle, else None."""
    bundle = getattr(sys, "_MEIPASS", None)
    return Path(bundle) if bundle else None


def _base_dir() -> Path:
    return bundle_dir() or Path(__file__).resolve().parent.parent


def forms_dir() -> Path:
    """The folder with the form definitions (override: ``ZWK_FORMS_DIR``)."""
    override = os.environ.get("ZWK_FORMS_DIR")
    return Path(override) if override else _base_dir() / "forms"


def resources_dir() -> Path:
    """The folder with fonts, translations, icons and directory data."""
    return _base_dir() / "resources"


def examples_dir() -> Path:
    """The folder with the example drafts."""
    return _base_dir() / "examples"


def data_dir() -> Path:
    """The per-user data folder (override: ``ZWK_DATA_DIR``, for portable installs and tests)."""
    override = os.environ.get("ZWK_DATA_DIR")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR, roaming=False))
