"""Where a line of the PDF may break: prose at German syllables, data values never inside.

Prose (long texts, names, titles, labels) is hyphenated by reportlab with pyphen's German
dictionary, with a hyphen, at real syllable points only. Abbreviations ("e. V.", "z. B."), "§ 23"
and a number with its unit keep a non-breaking space.

Data values (hashes, file names, paths, e-mail addresses, AGS, phone numbers, amounts, dates,
URLs) are never hyphenated: `data_lines` breaks a value that is too wide for its column at safe
points only, after a "/" or "_" of its own, before a "-", "." or "@" of its own, or anywhere in
a hash, and never adds a character, so that the lines joined give back the exact value (what
pdftotext and a reviewer's copy and paste see). Inside prose, a data token that does not fit on
one line is broken the same way and starts a line of its own. Which values are data the layout
knows from the form definition (field types, patterns); `data_token` finds data in free text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from typing import Any

NBSP = "\u00a0"
BREAK_AFTER = frozenset("/_\\")
"""Characters of a value after which a line may end."""
BREAK_BEFORE = frozenset("-.@")
"""Characters of a value before which a line may end: the hyphen and the dot begin the next
line, as style guides ask for addresses, so that a hyphen of the value at a line end is never
taken for a hyphenation (pdftotext and copy and paste would drop it)."""
_HASH = re.compile(r"^[0-9a-fA-F]{16,}$")
_ABBREVIATION = re.compile(r"(?<![\w.])(\w\.) +(?=\w\.)")
_BEFORE_NUMBER = re.compile(r"(?<![\w])(§§?|Nr\.|Abs\.|S\.|Art\.) +(?=\d)")
_UNIT = re.compile(r"(?<=\d) +(?=(?:€|%|EUR|Euro|Prozent|km²|km|m²|ha|Uhr|Jahre?n?)(?!\w))")
_DATA_TOKEN = re.compile(
    r"""^[(\["'„‚]*(?P<token>
        [^\s@]+@[^\s@]+\.[A-Za-z]{2,}        # e-mail address
      | (?:[a-z][a-z0-9+.-]*://|www\.)\S+     # URL
      | \S*[/\\_]\S*\w                        # path, file name with a folder or underscore
      | [\w-]+\.[A-Za-z][A-Za-z0-9]{1,4}      # file name or domain: name.ext
      | [0-9a-fA-F]{16,}                      # hash
    )[)\]"'“‘.,;:!?]*$""",
    re.VERBOSE,
)

_LONG_WORD = re.compile(r"[^\W\d_]{41,}")
"""Letters beyond any dictionary word: they get soft hyphens at their syllables beforehand
(reportlab loses the hyphenation of such a word where a page break falls inside it)."""
SHY = "\u00ad"

Measure = Callable[[str], float]
"""Width of a text in points, in the paragraph's font and size."""


def keep_together(text: str) -> str:
    """Prose with non-breaking spaces in abbreviations ("e. V."), before a number ("§ 23",
    "Nr. 5") and between a number and its unit ("40.000 €", "22,1 %")."""
    for pattern in (_ABBREVIATION, _BEFORE_NUMBER):
        # twice: "u. a. m." overlaps itself
        text = pattern.sub(lambda m: m.group(1) + NBSP, text)
        text = pattern.sub(lambda m: m.group(1) + NBSP, text)
    return _UNIT.sub(NBSP, text)


def data_token(word: str) -> str | None:
    """The data value inside a word of prose (e-mail address, URL, path, file name, hash),
    without surrounding brackets and punctuation; None for an ordinary word."""
    found = _DATA_TOKEN.match(word)
    return found.group("token") if found else None


def data_lines(value: str, width: float, measure: Measure, first: float | None = None) -> list[str]:
    """A data value as lines that each fit `width` (the first line `first`, if given), broken
    only where nothing is lost: after a separator of its own, before "@", at a space if there is
    no other point, and anywhere in a hash or where a part has no such point at all. The lines
    joined give back `value` (a space at a break stays at the end of the line before)."""
    lines: list[str] = []
    rest = value
    any_point = bool(_HASH.match(value))
    room = width if first is None else first
    while rest and measure(rest) > room:
        fit = _fitting(rest, room, measure)
        if not lines and first is not None and first < width and fit < 4:
            lines.append("")  # hardly anything fits beside what comes first: a fresh line
            room = width
            continue
        room = width
        cut = fit if any_point else _safe_point(rest, fit)
        lines.append(rest[:cut])
        rest = rest[cut:]
    if rest or not lines:
        lines.append(rest)
    return lines


def _fitting(text: str, width: float, measure: Measure) -> int:
    """How many leading characters fit into `width` (at least one)."""
    low, high = 1, len(text)
    if measure(text[:1]) > width:
        return 1
    while low < high:
        mid = (low + high + 1) // 2
        if measure(text[:mid]) <= width:
            low = mid
        else:
            high = mid - 1
    return low


def _safe_point(text: str, fit: int) -> int:
    """The last break point within the first `fit` characters: after "/", "_" or "\\", before
    "-", "." or "@"; a space only when there is none; else anywhere (at `fit`)."""
    for i in range(fit, 0, -1):
        if text[i - 1] in BREAK_AFTER or text[i : i + 1] in BREAK_BEFORE:
            return i
    for i in range(fit, 0, -1):
        if text[i - 1] == " ":
            return i
    return fit


@cache
def _dictionary() -> Any:
    import pyphen

    return pyphen.Pyphen(lang="de_DE")


def _syllables(word: str) -> str:
    return str(_dictionary().inserted(word, hyphen=SHY))


def prose_lines(text: str, width: float, measure: Measure) -> str:
    """Prose with its abbreviations kept together and every data token wider than `width` set
    on lines of its own, broken at safe points (newlines mark the forced breaks)."""
    text = _LONG_WORD.sub(lambda m: _syllables(m.group(0)), keep_together(text))
    out: list[str] = []
    for line in text.split("\n"):
        words = line.split(" ")
        parts: list[str] = []
        for word in words:
            token = data_token(word)
            if token is not None and measure(word) > width:
                head, _, tail = word.partition(token)
                broken = data_lines(token, width, measure)
                broken[0], broken[-1] = head + broken[0], broken[-1] + tail
                parts.append("\n" + "\n".join(broken))
            else:
                parts.append(word)
        out.append(" ".join(parts).replace(" \n", "\n").replace("\n ", "\n").strip("\n"))
    return "\n".join(out)
