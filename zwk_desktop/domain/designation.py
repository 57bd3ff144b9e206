"""The designation of a Kommune in its name ("Gemeinde", "Landkreis", "Städteverbund") and the
grammar that follows from it: "die Bewerbung der Gemeinde Lindenhagen", "des Landkreises
Hohenwald", "des Städteverbunds Oberes Tal".

The form asks for the official name with its designation in front ("Gemeinde Uckerland"). A
name without one takes the designation of the Kommune's Art (fields.md `kommune.art`).
"""

from __future__ import annotations

import re

GENITIVE: dict[str, str] = {
    # feminine: the article changes, the noun does not
    "Gemeinde": "der Gemeinde",
    "Stadt": "der Stadt",
    "Kreisfreie Stadt": "der kreisfreien Stadt",
    "Große Kreisstadt": "der Großen Kreisstadt",
    "Kreisstadt": "der Kreisstadt",
    "Landeshauptstadt": "der Landeshauptstadt",
    "Hansestadt": "der Hansestadt",
    "Freie und Hansestadt": "der Freien und Hansestadt",
    "Universitätsstadt": "der Universitätsstadt",
    "Hochschulstadt": "der Hochschulstadt",
    "Marktgemeinde": "der Marktgemeinde",
    "Samtgemeinde": "der Samtgemeinde",
    "Verbandsgemeinde": "der Verbandsgemeinde",
    "Ortsgemeinde": "der Ortsgemeinde",
    "Verwaltungsgemeinschaft": "der Verwaltungsgemeinschaft",
    "Städteregion": "der Städteregion",
    "Region": "der Region",
    # masculine and neuter: the noun takes -(e)s
    "Landkreis": "des Landkreises",
    "Kreis": "des Kreises",
    "Stadtkreis": "des Stadtkreises",
    "Markt": "des Marktes",
    "Amt": "des Amtes",
    "Flecken": "des Fleckens",
    "Regionalverband": "des Regionalverbands",
    "Städteverbund": "des Städteverbunds",
    "Gemeindeverbund": "des Gemeindeverbunds",
    "Städtebund": "des Städtebunds",
    "Zweckverband": "des Zweckverbands",
    "Gemeindeverband": "des Gemeindeverbands",
    "Verband": "des Verbands",
    "Verbund": "des Verbunds",
    "Zusammenschluss": "des Zusammenschlusses",
    "Quartier": "des Quartiers",
    "Stadtteil": "des Stadtteils",
}
"""Designations in front of a Kommune's name, with their genitive and article."""

BY_ART: dict[str, str] = {
    "gemeinde": "Gemeinde",
    "kreisangehoerige_stadt": "Stadt",
    "kreisfreie_stadt": "Stadt",
    "landkreis": "Landkreis",
    "quartier": "Stadt",  # a Quartier applies under its city's name and key
    "zusammenschluss": "Zusammenschluss",
}
"""The designation of a Kommune's Art (choice codes of fields.md) for a name without one."""

_LONGEST_FIRST = sorted(GENITIVE, key=len, reverse=True)
_KREIS_END = re.compile(r"^[\w-]+-(Kreis|kreis)$")


def split_designation(name: str) -> tuple[str, str]:
    """("Landkreis", "Hohenwald") of "Landkreis Hohenwald"; ("", name) without a designation.
    A designation after a comma counts too: ("Landeshauptstadt", "München")."""
    name = " ".join(name.split())
    core, _, after = name.partition(",")
    after = after.strip()
    if after in GENITIVE:
        return after, core.strip()
    for designation in _LONGEST_FIRST:
        if name.startswith(designation + " ") and len(name) > len(designation) + 1:
            return designation, name[len(designation) + 1 :]
    return "", name


def short_name(name: str) -> str:
    """The name without its designation: "Lindenhagen am See" of "Gemeinde Lindenhagen am See"."""
    return split_designation(name)[1]


def genitive(name: str, art: str | None = None) -> str:
    """The Kommune in the genitive with its article, for "die Bewerbung …":
    "der Gemeinde Lindenhagen am See", "des Landkreises Hohenwald", "des Rhein-Sieg-Kreises";
    a name without a designation takes the one of its Art ("der Gemeinde Uckerland")."""
    designation, rest = split_designation(name)
    if designation:
        return f"{GENITIVE[designation]} {rest}"
    if _KREIS_END.match(rest):  # "Rhein-Sieg-Kreis" names its designation at the end
        return f"des {rest}es"
    by_art = BY_ART.get(art or "")
    if by_art:
        return f"{GENITIVE[by_art]} {rest}"
    return f"von {rest}"  # neither: the plain "von" is grammatical for any name
