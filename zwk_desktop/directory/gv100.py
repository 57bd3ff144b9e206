"""Parser of the Destatis Gemeindeverzeichnis in its original fixed-width form (GV100AD).

Follows the record layout ``Datensatzbeschreibung_GV100AD.pdf`` (Statistisches Bundesamt,
"Gemeindeverzeichnis ab 01.07.1993", valid from 14.06.2000), shipped beside the data. Every
record is 220 characters; positions below are 1-based as in the layout, sliced by characters
(the file is UTF-8 since Sorbian names were added). Record types (Satzart):

==  ==========================  =========================================================
10  Land                        11–12 Land, 23–72 name, 73–122 seat of government
20  Regierungsbezirk            13 Regierungsbezirk, 23–72 name, 73–122 seat
30  Region (Baden-Württemberg)  14 region, 23–72 name, 73–122 seat
40  Kreis                       14–15 Kreis, 23–72 name, 73–122 seat, 123–124 type 41–45
50  Gemeindeverband             19–22 Verband, 23–72 name, 73–122 seat, 123–124 type 50–58
60  Gemeinde                    16–18 Gemeinde, 19–22 Verband, 23–72 name, 123–124 type
                                60–67, 129–139 area in ha, 140–150 population, 151–161
                                male population, 166–170 PLZ, 171–175 blank when the PLZ
                                is the only one (otherwise it is the PLZ of the seat)
==  ==========================  =========================================================

Common to all: 1–2 Satzart, 3–10 Gebietsstand (YYYYMMDD), 11–18 Regionalschlüssel.

The population date and the area date are not in the records; they are read from the
``Hinweise.txt`` that Destatis ships with each release. Nothing here imports Qt.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

RECORD_LENGTH = 220

KREIS_TYPES: dict[str, str] = {
    "41": "Kreisfreie Stadt",
    "42": "Stadtkreis",
    "43": "Kreis",
    "44": "Landkreis",
    "45": "Regionalverband",
}
VERBAND_TYPES: dict[str, str] = {
    "50": "verbandsfreie Gemeinde",
    "51": "Amt",
    "52": "Samtgemeinde",
    "53": "Verbandsgemeinde",
    "54": "Verwaltungsgemeinschaft",
    "55": "Kirchspielslandgemeinde",
    "56": "Verwaltungsverband",
    "57": "Verwaltungsgemeinschaft (Trägermodell)",
    "58": "Erfüllende Gemeinde",
}
GEMEINDE_TYPES: dict[str, str] = {
    "60": "Markt",
    "61": "Kreisfreie Stadt",
    "62": "Stadtkreis",
    "63": "Stadt",
    "64": "Kreisangehörige Gemeinde",
    "65": "Gemeindefreies Gebiet, bewohnt",
    "66": "Gemeindefreies Gebiet, unbewohnt",
    "67": "Große Kreisstadt",
}


class GV100Error(ValueError):
    """The file does not follow the record layout; the message names the line."""


@dataclass(frozen=True, slots=True)
class Land:
    code: str
    """Two digits, e.g. ``09``."""
    name: str
    sitz: str


@dataclass(frozen=True, slots=True)
class Regierungsbezirk:
    code: str
    """Land and Regierungsbezirk, three digits, e.g. ``094``."""
    name: str
    sitz: str


@dataclass(frozen=True, slots=True)
class Region:
    code: str
    """Land, Regierungsbezirk and region digit, four digits, e.g. ``0811``."""
    name: str
    sitz: str


@dataclass(frozen=True, slots=True)
class Kreis:
    code: str
    """Kreisschlüssel, five digits, e.g. ``09473``."""
    name: str
    sitz: str
    typ: str
    """Textkennzeichen 41–45 (`KREIS_TYPES`)."""


@dataclass(frozen=True, slots=True)
class Gemeindeverband:
    code: str
    """Kreisschlüssel and Verband, nine digits, e.g. ``094735112``."""
    name: str
    sitz: str
    typ: str
    """Textkennzeichen 50–58 (`VERBAND_TYPES`)."""


@dataclass(frozen=True, slots=True)
class Gemeinde:
    ags: str
    """Amtlicher Gemeindeschlüssel, eight digits, e.g. ``09473112``."""
    verband: str
    """The Gemeindeverband's four digits within the Kreis."""
    name: str
    typ: str
    """Textkennzeichen 60–67 (`GEMEINDE_TYPES`)."""
    flaeche_ha: int
    einwohner: int
    einwohner_maennlich: int
    plz: str | None
    """PLZ of the Gemeinde, or of its seat of administration when it has several."""
    plz_mehrere: bool

    @property
    def kreis(self) -> str:
        return self.ags[:5]

    @property
    def verband_code(self) -> str:
        """Nine digits, the key of the `Gemeindeverband`."""
        return self.ags[:5] + self.verband

    @property
    def ars(self) -> str:
        """Amtlicher Regionalschlüssel, twelve digits."""
        return self.ags[:5] + self.verband + self.ags[5:]


@dataclass(frozen=True)
class GV100:
    """Every record of one GV100AD file, in file order."""

    gebietsstand: dt.date
    laender: tuple[Land, ...]
    regierungsbezirke: tuple[Regierungsbezirk, ...]
    regionen: tuple[Region, ...]
    kreise: tuple[Kreis, ...]
    verbaende: tuple[Gemeindeverband, ...]
    gemeinden: tuple[Gemeinde, ...]
    counts: dict[str, int] = field(default_factory=dict)
    """Records per Satzart."""


_DIGITS = re.compile(r"^\d+$")


def _text(record: str, start: int, end: int) -> str:
    """Characters start..end (1-based, inclusive) without surrounding blanks."""
    return record[start - 1 : end].strip()


def _number(record: str, start: int, end: int, line: int, what: str) -> int:
    raw = record[start - 1 : end]
    if not _DIGITS.match(raw):
        raise GV100Error(f"Zeile {line}: {what} (Stellen {start}–{end}) ist keine Zahl: {raw!r}")
    return int(raw)


def _code(record: str, start: int, end: int, line: int, what: str) -> str:
    raw = record[start - 1 : end]
    if not _DIGITS.match(raw):
        raise GV100Error(
            f"Zeile {line}: {what} (Stellen {start}–{end}) besteht nicht aus Ziffern: {raw!r}"
        )
    return raw


def _typ(record: str, line: int, known: dict[str, str]) -> str:
    typ = record[122:124]
    if typ not in known:
        raise GV100Error(f"Zeile {line}: unbekanntes Textkennzeichen {typ!r} (Stellen 123–124)")
    return typ


def parse_gv100(lines: Iterable[str]) -> GV100:
    """Parse the decoded lines of a GV100AD file; raises GV100Error on any deviation."""
    laender: list[Land] = []
    bezirke: list[Regierungsbezirk] = []
    regionen: list[Region] = []
    kreise: list[Kreis] = []
    verbaende: list[Gemeindeverband] = []
    gemeinden: list[Gemeinde] = []
    counts: dict[str, int] = {}
    stand: str | None = None
    for line, raw in enumerate(lines, start=1):
        record = raw.rstrip("\r\n")
        if not record.strip():
            continue
        if len(record) != RECORD_LENGTH:
            raise GV100Error(
                f"Zeile {line}: ein Satz hat {RECORD_LENGTH} Zeichen, dieser hat {len(record)}"
            )
        satzart = record[0:2]
        record_stand = _code(record, 3, 10, line, "Gebietsstand")
        if stand is None:
            stand = record_stand
        elif record_stand != stand:
            raise GV100Error(
                f"Zeile {line}: Gebietsstand {record_stand} weicht vom ersten Satz ({stand}) ab"
            )
        land = _code(record, 11, 12, line, "Land")
        name, sitz = _text(record, 23, 72), _text(record, 73, 122)
        if not name:
            raise GV100Error(f"Zeile {line}: die Bezeichnung (Stellen 23–72) ist leer")
        if satzart == "10":
            laender.append(Land(land, name, sitz))
        elif satzart == "20":
            bezirke.append(Regierungsbezirk(land + _code(record, 13, 13, line, "RB"), name, sitz))
        elif satzart == "30":
            code = land + _code(record, 13, 14, line, "Region")
            regionen.append(Region(code, name, sitz))
        elif satzart == "40":
            code = _code(record, 11, 15, line, "Kreis")
            kreise.append(Kreis(code, name, sitz, _typ(record, line, KREIS_TYPES)))
        elif satzart == "50":
            code = _code(record, 11, 15, line, "Kreis") + _code(record, 19, 22, line, "Verband")
            verbaende.append(Gemeindeverband(code, name, sitz, _typ(record, line, VERBAND_TYPES)))
        elif satzart == "60":
            gemeinden.append(_gemeinde(record, line, name))
        else:
            raise GV100Error(f"Zeile {line}: unbekannte Satzart {satzart!r}")
        counts[satzart] = counts.get(satzart, 0) + 1
    if stand is None:
        raise GV100Error("die Datei enthält keinen Satz")
    return GV100(
        gebietsstand=dt.date(int(stand[:4]), int(stand[4:6]), int(stand[6:])),
        laender=tuple(laender),
        regierungsbezirke=tuple(bezirke),
        regionen=tuple(regionen),
        kreise=tuple(kreise),
        verbaende=tuple(verbaende),
        gemeinden=tuple(gemeinden),
        counts=counts,
    )


def _gemeinde(record: str, line: int, name: str) -> Gemeinde:
    ags = _code(record, 11, 18, line, "Gemeindeschlüssel")
    plz = record[165:170]
    if plz.strip() and not _DIGITS.match(plz):
        raise GV100Error(f"Zeile {line}: Postleitzahl (Stellen 166–170) ungültig: {plz!r}")
    return Gemeinde(
        ags=ags,
        verband=_code(record, 19, 22, line, "Verband"),
        name=name,
        typ=_typ(record, line, GEMEINDE_TYPES),
        flaeche_ha=_number(record, 129, 139, line, "Fläche"),
        einwohner=_number(record, 140, 150, line, "Bevölkerung"),
        einwohner_maennlich=_number(record, 151, 161, line, "Bevölkerung männlich"),
        plz=plz if plz.strip() else None,
        plz_mehrere=bool(record[170:175].strip()),
    )


def read_gv100(path: Path) -> GV100:
    """Read and parse a GV100AD file (UTF-8, as Destatis ships it since the Sorbian names)."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise GV100Error(f"{path.name}: die Datei ist nicht UTF-8 ({exc.reason})") from exc
    return parse_gv100(text.splitlines())


_STICHTAG = r"Stichtag\s+(\d{2})\.(\d{2})\.(\d{4})"
_POPULATION_DATE = re.compile(r"Bevölkerungsangaben[^\n]*?" + _STICHTAG)
_AREA_DATE = re.compile(r"Flächenangaben[^\n]*?" + _STICHTAG)


@dataclass(frozen=True)
class ReleaseNotes:
    """What the ``Hinweise.txt`` of a release says about the reference dates."""

    bevoelkerungsstand: dt.date
    flaechenstand: dt.date


def parse_notes(text: str) -> ReleaseNotes:
    """The population and area dates from the text of a ``Hinweise.txt``."""
    dates = []
    for what, pattern in (
        ("Bevölkerungsangaben", _POPULATION_DATE),
        ("Flächenangaben", _AREA_DATE),
    ):
        found = pattern.search(text)
        if found is None:
            raise GV100Error(f"Hinweise.txt: kein Stichtag der {what} gefunden")
        day, month, year = found.groups()
        dates.append(dt.date(int(year), int(month), int(day)))
    return ReleaseNotes(bevoelkerungsstand=dates[0], flaechenstand=dates[1])
