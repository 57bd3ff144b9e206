"""Components found in ``resources/``: the fonts (their licence is read from the font files'
own name tables and the licence files beside them) and data sets that carry a ``SOURCE.md``
(the Destatis municipality directory: its required attribution is quoted from there)."""

from __future__ import annotations

import re
import struct
from collections.abc import Iterable
from pathlib import Path

from zwk_desktop.licences.model import Component, Kind, LicenceText

FONT_SUFFIXES = (".ttf", ".otf", ".ttc")
LICENCE_FILE = re.compile(r"^(LICEN[CS]E|COPYING|OFL|NOTICE|COPYRIGHT)", re.IGNORECASE)
SOURCE_FILE = "SOURCE.md"
LICENCES_FOLDER = "licences"
"""``resources/licences/``: standard licence texts by SPDX id, not a component itself."""

# Name ids of the OpenType 'name' table.
_COPYRIGHT, _FAMILY, _VERSION, _LICENCE, _LICENCE_URL, _TYPO_FAMILY = 0, 1, 5, 13, 14, 16

# Licence names recognised in a font's licence description, URL or licence file.
_FONT_LICENCES = (
    (re.compile(r"open font licen[cs]e|scripts\.sil\.org/ofl|openfontlicense", re.I), "OFL-1.1"),
    (re.compile(r"apache licen[cs]e", re.I), "Apache-2.0"),
    (re.compile(r"ubuntu font licen[cs]e", re.I), "Ubuntu-font-1.0"),
    (re.compile(r"bitstream", re.I), "Bitstream-Vera"),
    (
        re.compile(r"gnu general public licen[cs]e.*font exception", re.I | re.S),
        "GPL-2.0-or-later WITH Font-exception-2.0",
    ),
)


class FontError(ValueError):
    """A font file whose name table cannot be read."""


def font_names(path: Path) -> dict[int, str]:
    """The English (or first) strings of a TrueType/OpenType font's 'name' table by name id;
    for a collection (.ttc), those of its first font."""
    data = path.read_bytes()
    try:
        offset = struct.unpack_from(">I", data, 12)[0] if data[:4] == b"ttcf" else 0
        num_tables = struct.unpack_from(">H", data, offset + 4)[0]
        for i in range(num_tables):
            tag, _, table, _ = struct.unpack_from(">4sIII", data, offset + 12 + 16 * i)
            if tag == b"name":
                return _read_name_table(data, table)
    except struct.error as exc:
        raise FontError(f"{path.name}: keine lesbare Schriftdatei ({exc})") from None
    raise FontError(f"{path.name}: die Schriftdatei hat keine Namenstabelle")


def _read_name_table(data: bytes, table: int) -> dict[int, str]:
    _, count, strings = struct.unpack_from(">HHH", data, table)
    found: dict[int, tuple[int, str]] = {}
    for i in range(count):
        platform, encoding, language, name_id, length, start = struct.unpack_from(
            ">6H", data, table + 6 + 12 * i
        )
        raw = data[table + strings + start : table + strings + start + length]
        if platform in (0, 3):
            text = raw.decode("utf-16-be", errors="replace")
        elif platform == 1 and encoding == 0:
            text = raw.decode("mac_roman", errors="replace")
        else:
            continue
        # Prefer Windows/Unicode US English, then any Windows/Unicode string, then Macintosh.
        rank = 0 if (platform == 3 and language == 0x409) else 1 if platform in (0, 3) else 2
        if name_id not in found or rank < found[name_id][0]:
            found[name_id] = (rank, text.strip())
    return {name_id: text for name_id, (_, text) in found.items()}


def _licence_texts(folder: Path, skip: Iterable[str] = ()) -> list[LicenceText]:
    skipped = set(skip)
    return [
        LicenceText(title=p.name, text=p.read_text(encoding="utf-8", errors="replace"))
        for p in sorted(folder.iterdir())
        if p.is_file() and LICENCE_FILE.match(p.name) and p.name not in skipped
    ]


def _font_licence(names: dict[int, str], texts: Iterable[LicenceText]) -> str:
    """The licence the font's name table states; failing that, its licence files'."""
    for haystacks in (
        [names.get(_LICENCE, ""), names.get(_LICENCE_URL, "")],
        [t.text[:2000] for t in texts],
    ):
        for pattern, licence in _FONT_LICENCES:
            if any(pattern.search(h) for h in haystacks):
                return licence
    description = names.get(_LICENCE, "").split(". ")[0].strip()
    return description or "siehe Lizenztext"


def _first_word(family: str) -> str:
    return family.split()[0].casefold() if family.split() else ""


def _texts_for(family: str, texts: list[LicenceText], families: Iterable[str]) -> list[LicenceText]:
    """The licence files of a font folder that belong to `family`: those naming its first word
    (``LICENSE-Noto-….txt`` for Noto Sans), plus those naming no family of the folder."""
    words = {_first_word(f) for f in families} - {""}
    own = _first_word(family)
    return [
        t
        for t in texts
        if own in t.title.casefold() or not any(w in t.title.casefold() for w in words)
    ]


def font_components(resources: Path) -> list[Component]:
    """One component per font family found under `resources`."""
    families: dict[str, list[tuple[Path, dict[int, str]]]] = {}
    for path in sorted(p for p in resources.rglob("*") if p.suffix.lower() in FONT_SUFFIXES):
        names = font_names(path)
        family = names.get(_TYPO_FAMILY) or names.get(_FAMILY) or path.stem
        families.setdefault(family, []).append((path, names))
    components = []
    for family, fonts in families.items():
        first_path, names = fonts[0]
        neighbours = [f for f, found in families.items() if found[0][0].parent == first_path.parent]
        texts = _texts_for(family, _licence_texts(first_path.parent), neighbours)
        if names.get(_LICENCE):
            texts.insert(
                0, LicenceText(title="Lizenzangabe in der Schriftdatei", text=names[_LICENCE])
            )
        version = names.get(_VERSION, "")
        components.append(
            Component(
                name=family,
                version=re.sub(r"^Version\s+", "", version, flags=re.I).split(";")[0].strip(),
                licence=_font_licence(names, texts),
                kind=Kind.FONT,
                url=names.get(_LICENCE_URL, ""),
                notice=names.get(_COPYRIGHT, ""),
                origin="Schriftdateien: " + ", ".join(p.name for p, _ in fonts),
                texts=tuple(texts),
            )
        )
    return components


_HEADING = re.compile(r"^#{1,6}\s+(.*)$")
_ATTRIBUTION_HEADING = re.compile(r"attribution|namensnennung|quellenangabe|quellenvermerk", re.I)
_LICENCE_IN_ATTRIBUTION = re.compile(
    r"Lizenz:\s*(?P<name>.+?)\s*(?:\((?P<url>https?://[^)\s]+)\)|\.\s|\.?$)"
)


def _attribution(markdown: str) -> str:
    """The block quote under the attribution heading of a SOURCE.md, as one paragraph."""
    in_section = False
    lines: list[str] = []
    for line in markdown.splitlines():
        heading = _HEADING.match(line)
        if heading:
            if lines:
                break
            in_section = bool(_ATTRIBUTION_HEADING.search(heading.group(1)))
            continue
        if in_section and line.startswith(">"):
            lines.append(line.lstrip(">").strip())
        elif lines and not line.strip():
            break
    return " ".join(part for part in lines if part)


def data_components(resources: Path) -> list[Component]:
    """One component per data folder with a SOURCE.md (title, required attribution, licence)."""
    components = []
    for source in sorted(resources.rglob(SOURCE_FILE)):
        folder = source.parent
        markdown = source.read_text(encoding="utf-8")
        title = next(
            (m.group(1).strip() for m in map(_HEADING.match, markdown.splitlines()) if m),
            folder.name,
        )
        attribution = _attribution(markdown)
        licence = _LICENCE_IN_ATTRIBUTION.search(attribution)
        texts = [
            LicenceText(title=SOURCE_FILE, text=markdown),
            *_licence_texts(folder, skip=[SOURCE_FILE]),
        ]
        components.append(
            Component(
                name=title,
                licence=licence.group("name").strip() if licence else "siehe SOURCE.md",
                kind=Kind.DATA,
                url=(licence.group("url") or "") if licence else "",
                notice=attribution,
                origin=f"Ordner resources/{folder.relative_to(resources).as_posix()}",
                texts=tuple(texts),
            )
        )
    return components


def resource_components(resources: Path) -> list[Component]:
    if not resources.is_dir():
        return []
    return font_components(resources) + data_components(resources)
