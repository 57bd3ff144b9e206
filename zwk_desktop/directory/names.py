"""Names in the Gemeindeverzeichnis: folding for tolerant search, and the formal names we fill.

Official names carry their designation after a comma ("München, Landeshauptstadt", "Marktl, M",
"Flensburg, Stadt") or none at all ("Ahorn"); Kreise carry it in their type code. The form asks
for "the official name with its designation", e.g. „Gemeinde Uckerland“, so `formal_name` puts
the designation in front. `fold` makes "München", "MUENCHEN" and "Munchen" the same key.
"""

from __future__ import annotations

import re
import unicodedata

_NON_WORD = re.compile(r"[^0-9a-z]+")
_LETTERS = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ł": "l", "đ": "d", "ø": "o", "ı": "i"})


def fold(text: str) -> str:
    """A search key: lower case, umlauts and their ae/oe/ue spellings and other diacritics
    reduced to the base letter, every run of other characters one space.

    >>> fold("München, Landeshauptstadt") == fold("MUENCHEN landeshauptstadt")
    True
    >>> fold("Cottbus/Chóśebuz")
    'cottbus chosebuz'
    """
    text = text.casefold().replace("ae", "a").replace("oe", "o").replace("ue", "u")
    text = unicodedata.normalize("NFKD", text.translate(_LETTERS))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return _NON_WORD.sub(" ", text).strip()


def core_name(name: str) -> str:
    """The name without the designation after the first comma: "München" of
    "München, Landeshauptstadt"."""
    return name.split(",", 1)[0].strip()


# Abbreviated designations of the directory, spelled out.
_ABBREVIATIONS = {"M": "Markt", "St": "Stadt", "GKSt": "Große Kreisstadt"}
# A designation after the comma is used as the title in front when it is one word with one of
# these endings ("Hansestadt", "Marktgemeinde", "Flecken", "Ostseebad", ...) or one of the
# multi-word titles; slogans ("Tor zur Eifel", "Stadt der FernUniversität") are not titles.
_TITLE_ENDINGS = ("stadt", "gemeinde", "flecken", "markt", "bad", "kurort", "kirchspiel")
_MULTI_WORD_TITLES = ("Freie und Hansestadt", "Große Kreisstadt")
# The title by type code where the name carries none that can be used.
_TITLE_BY_TYPE = {
    "60": "Markt",
    "61": "Stadt",
    "62": "Stadt",
    "63": "Stadt",
    "64": "Gemeinde",
    "65": "Gemeindefreies Gebiet",
    "66": "Gemeindefreies Gebiet",
    "67": "Große Kreisstadt",
}
_KREIS_TITLE = {"43": "Kreis", "44": "Landkreis", "45": "Regionalverband"}
_KREIS_WORDS = ("kreis", "region", "verband")


def _title(designation: str, typ: str) -> str:
    designation = " ".join(designation.split())
    designation = _ABBREVIATIONS.get(designation, designation)
    if designation in _MULTI_WORD_TITLES:
        return designation
    if " " not in designation and designation.casefold().endswith(_TITLE_ENDINGS):
        return designation
    return _TITLE_BY_TYPE[typ]


def formal_name(name: str, typ: str) -> str:
    """The official name with its designation in front, as the form asks for it.

    Gemeinden (type 60–67): "Landeshauptstadt München", "Markt Marktl", "Gemeinde Ahorn",
    "Stadt Bautzen / Budyšin"; a name that already starts with its title stays as it is
    ("Markt Indersdorf"). Kreise (type 43–45): "Landkreis Coburg", "Kreis Kleve"; a name that
    already says what it is stays ("Rhein-Sieg-Kreis", "Städteregion Aachen").
    """
    if typ in _KREIS_TITLE:
        if any(word in fold(name) for word in _KREIS_WORDS):
            return name
        return f"{_KREIS_TITLE[typ]} {name}"
    core, _, rest = name.partition(",")
    core = core.strip()
    title = _title(rest.split(",", 1)[0].strip(), typ) if rest else _TITLE_BY_TYPE[typ]
    if fold(core).startswith(fold(title) + " "):
        return core
    return f"{title} {core}"


DESIGNATION_WORDS: frozenset[str] = frozenset(
    word
    for title in (
        *_TITLE_BY_TYPE.values(),
        *_KREIS_TITLE.values(),
        *_MULTI_WORD_TITLES,
        "Kreisfreie Stadt",
        "Stadtkreis",
        "Landeshauptstadt",
        "Hansestadt",
        "Universitätsstadt",
        "Hochschulstadt",
        "Kreisstadt",
        "Marktgemeinde",
    )
    for word in fold(title).split()
)
"""Folded words of the designations a user may put in front of a name („Gemeinde“, „Stadt“,
„Landkreis“, „Freie und Hansestadt“, ...)."""


KREIS_DESIGNATIONS: frozenset[str] = frozenset(fold(" ".join(_KREIS_TITLE.values())).split())
"""Folded designations that name a Kreis: „Landkreis“, „Kreis“, „Regionalverband“."""


def strip_designation(key: str) -> str:
    """A folded name without the designation words in front: "ahorn" of "gemeinde ahorn"."""
    words = key.split()
    while len(words) > 1 and words[0] in DESIGNATION_WORDS:
        words.pop(0)
    return " ".join(words)


def name_keys(name: str) -> frozenset[str]:
    """Folded forms under which an official name is recognised when a user writes it.

    The core, the formal name, the core without a bracketed addition ("Halle" of "Halle
    (Saale)"), and each side of a slash ("Cottbus" and "Chóśebuz", "Lahr" of "Lahr/Schwarzwald").
    """
    core = core_name(name)
    keys = {fold(name), fold(core)}
    plain = re.sub(r"\([^)]*\)", " ", core)
    keys.add(fold(plain))
    for part in re.split(r"/", plain):
        if len(part.strip()) >= 3:
            keys.add(fold(part))
    keys.discard("")
    return frozenset(keys)


def user_keys(text: str) -> frozenset[str]:
    """Folded forms of a name as a user wrote it: as typed, before its first comma, and
    without designation words in front ("Gemeinde Ahorn", "Ahorn, Gemeinde" → "ahorn")."""
    keys: set[str] = set()
    for form in (text, core_name(text)):
        key = fold(form)
        keys.update((key, strip_designation(key)))
    keys.discard("")
    return frozenset(keys)
