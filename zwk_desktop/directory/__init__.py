"""The official municipality directory (Destatis Gemeindeverzeichnis GV100AD), Qt-free.

It sits below the validation in the layers (validation checks AGS and names against it) and
above domain/formspec (it fills form fields). `default_directory()` loads the shipped index
once per process; tests and tools may load another with `Directory.load`.

Public interface:
- `default_directory()`, `Directory` (`lookup`, `search`, `named`, `meta`), `Entry`
- `kommune_fill`, `member_item`, `members_fill`, `directory_marks` (in `fill`)
- `ATTRIBUTION`, `LICENCE_NAME`, `LICENCE_URL`: what the About/Licences view must show
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from zwk_desktop.directory.index import INDEX_FILE
from zwk_desktop.directory.lookup import Directory, DirectoryError, DirectoryMeta, Entry
from zwk_desktop.locations import resources_dir

__all__ = [
    "ATTRIBUTION",
    "LICENCE_NAME",
    "LICENCE_URL",
    "Directory",
    "DirectoryError",
    "DirectoryMeta",
    "Entry",
    "default_directory",
    "directory_folder",
]

LICENCE_NAME = "Datenlizenz Deutschland – Namensnennung – Version 2.0"
LICENCE_URL = "https://www.govdata.de/dl-de/by-2-0"

ATTRIBUTION = (
    "Gemeindeverzeichnis: © Statistisches Bundesamt (Destatis), 2025 – Gemeindeverzeichnis "
    "GV100AD, Gebietsstand 30.11.2025, Bevölkerung zum 31.12.2024. Im Auftrag der "
    "Herausgebergemeinschaft Statistische Ämter des Bundes und der Länder. "
    f"Lizenz: {LICENCE_NAME} ({LICENCE_URL}). "
    "Änderungen: ZWK Desktop liest die unveränderte Originaldatei und baut daraus einen "
    "Suchindex; die Fläche wird in km² umgerechnet, Einwohner und Fläche der Kreise werden aus "
    "ihren Gemeinden summiert, und die Namen werden mit vorangestellter Bezeichnung angeboten "
    "(z. B. „Gemeinde Ahorn“)."
)
"""The attribution the licence requires, in German, for the About/Licences view and wherever the
program hands out data from the directory. The same text is in ``resources/gemeindeverzeichnis/
SOURCE.md``; a test keeps both and the shipped data's dates in step."""


def directory_folder() -> Path:
    """``resources/gemeindeverzeichnis``: the original GV100AD file, its notes, layout and index."""
    return resources_dir() / "gemeindeverzeichnis"


@cache
def default_directory() -> Directory:
    """The shipped directory, loaded once per process (about 10 ms)."""
    return Directory.load(directory_folder() / INDEX_FILE)
