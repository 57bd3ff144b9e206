"""Path length of the package: Windows programs (Explorer, Outlook, and every program where an
administrator has not enabled long paths) fail on paths over 260 characters (MAX_PATH). A
OneDrive-redirected Documents folder alone takes about 66 of them.

`fit` tries the names of the package with the full Kommune and attachment titles first, then
with shorter ones (`naming.SHORTER`, cut at word boundaries), and returns the first set whose
longest path stays within `MAX_PATH_CHARS`. When even the shortest do not fit, `PathTooLong` says
in German which folder to choose instead. The names themselves come from `naming` (through the
caller's `names` function), never from here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from zwk_desktop.services.naming import SHORTER, NameLimits

MAX_PATH_CHARS = 240
"""Below Windows' 260, leaving room for a mail program's or an unpacker's own suffixes."""


class PathTooLong(Exception):
    """The target folder is too deep for the package; one German paragraph."""


@dataclass(frozen=True)
class Layout:
    """The names of one output: a folder with files in it, and files beside it."""

    folder: str
    """The package folder's name in the target folder ("" when there is none)."""
    inside: Sequence[str]
    """Paths inside the folder, with "/" (``anlagen/01_x.pdf``)."""
    beside: Sequence[str] = ()
    """Names of files next to the folder in the target folder (the ``.eml``)."""
    temporary: int = 16
    """Length of the longest temporary name used while writing (staging folder, temp file)."""

    def longest(self, out_dir: Path) -> int:
        base = len(str(out_dir.absolute())) + 1
        folder = max(len(self.folder), self.temporary)
        lengths = [base + folder + 1 + len(p) for p in self.inside]
        lengths += [base + len(name) for name in (*self.beside, self.folder) if name]
        lengths.append(base + self.temporary)
        return max(lengths)


def fit(out_dir: Path, names: Callable[[NameLimits], Layout]) -> tuple[NameLimits, Layout]:
    """The first of `naming.SHORTER` whose layout fits into `out_dir`; else `PathTooLong`."""
    for limits in SHORTER:
        layout = names(limits)
        if layout.longest(out_dir) <= MAX_PATH_CHARS:
            return limits, layout
    raise PathTooLong(too_long_message(out_dir, layout))


def too_long_message(out_dir: Path, layout: Layout) -> str:
    folder = out_dir.absolute()
    length = len(str(folder))
    allowed = MAX_PATH_CHARS - (layout.longest(out_dir) - length)
    suggestion = next(
        (
            str(candidate)
            for candidate in (Path.home() / "ZWK-Export", Path(folder.anchor or "/") / "ZWK")
            if len(str(candidate)) <= allowed
        ),
        str(Path(folder.anchor or "/")),
    )
    return (
        f"Der Zielordner {folder} liegt zu tief ({length} Zeichen): Mit den Dateien des Pakets "
        f"würden Pfade bis zu {layout.longest(out_dir)} Zeichen lang, auch mit gekürzten Namen. "
        f"Windows, der Explorer und Outlook verarbeiten nur Pfade bis etwa {MAX_PATH_CHARS} "
        f"Zeichen. Bitte wählen Sie einen Ordner mit höchstens {max(allowed, 0)} Zeichen, zum "
        f"Beispiel {suggestion} (auf einem lokalen Laufwerk, nicht in OneDrive)."
    )
