"""The loaded directory: look-up by AGS, tolerant search by name or key, and name matching.

Search (`Directory.search`): the query is folded like the names (case, umlauts and their
ae/oe/ue spellings, other diacritics; see `names.fold`) and split into words. A word of digits
must be the start of the key ("09162", "094731"); every other word must be the start of a word
in the name, in the Kreis, the Land or the type ("münch", "neustadt coburg", "landkreis
coburg"), and at least one must be in the name itself. Results come best first: the exact name
(with or without its designation), then names starting with the query, then names containing
all words, then matches through the Kreis or Land; within each, the larger population first.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property
from pathlib import Path
from typing import Any

from zwk_desktop import oserrors
from zwk_desktop.directory.gv100 import GEMEINDE_TYPES, KREIS_TYPES, VERBAND_TYPES
from zwk_desktop.directory.index import INDEX_FORMAT, INDEX_VERSION, KREISFREI, kreis_label
from zwk_desktop.directory.names import (
    DESIGNATION_WORDS,
    KREIS_DESIGNATIONS,
    core_name,
    fold,
    formal_name,
    name_keys,
    strip_designation,
    user_keys,
)


class DirectoryError(Exception):
    """The index cannot be read; the message is German and names the file."""


@dataclass(frozen=True, slots=True)
class DirectoryMeta:
    quelle: str
    """File name of the original GV100AD file the index was built from."""
    sha256: str
    gebietsstand: dt.date
    """Territorial status: mergers after this date are not in the directory."""
    bevoelkerungsstand: dt.date
    """Reference date of the population figures."""
    flaechenstand: dt.date
    saetze: dict[str, int]
    """Records per Satzart in the original."""


@dataclass(frozen=True, slots=True)
class Entry:
    """A Gemeinde (eight-digit AGS) or a Kreis (five-digit key) of the directory."""

    ags: str
    name: str
    """The official name, e.g. "München, Landeshauptstadt" or "Coburg" (a Landkreis)."""
    typ: str
    """Textkennzeichen: 60–67 for Gemeinden, 41–45 for Kreise."""
    einwohner: int
    """Population at `DirectoryMeta.bevoelkerungsstand` (summed over the Gemeinden of a Kreis)."""
    flaeche_ha: int
    plz: str | None
    """PLZ of the Gemeinde or of its seat of administration; of the seat town for a Kreis."""
    plz_mehrere: bool
    land_code: str
    land: str
    kreis: str | None
    """The Kreis of a Gemeinde ("Landkreis Coburg", "kreisfreie Stadt"); None for a Kreis."""
    ort: str
    """Seat of administration: the core name of a Gemeinde, the Kreisstadt of a Kreis."""
    verband: str | None
    """The Gemeindeverband a Gemeinde belongs to, with its type ("Amt Gramzow (Amt)")."""

    @property
    def is_kreis(self) -> bool:
        return len(self.ags) == 5

    @property
    def kreisfrei(self) -> bool:
        return self.typ in KREISFREI

    @property
    def typ_label(self) -> str:
        return (KREIS_TYPES if self.is_kreis else GEMEINDE_TYPES)[self.typ]

    @property
    def core_name(self) -> str:
        return core_name(self.name)

    @property
    def formal_name(self) -> str:
        """The name with its designation in front: "Gemeinde Ahorn", "Landkreis Coburg"."""
        return formal_name(self.name, self.typ)

    @property
    def flaeche_km2(self) -> Decimal:
        return (Decimal(self.flaeche_ha) / 100).quantize(Decimal("0.01"))

    @property
    def where(self) -> str:
        """What tells same-named places apart: "Landkreis Coburg, Bayern"."""
        return f"{self.kreis}, {self.land}" if self.kreis and not self.kreisfrei else self.land

    def matches_name(self, text: str) -> bool:
        """Whether a name as a user wrote it ("Gemeinde Ahorn", "Landeshauptstadt München")
        names this entry. A designation in front must fit: "Landkreis Coburg" is not the
        Stadt Coburg, and "Stadt Coburg" is not the Landkreis."""
        first = fold(text).split(" ", 1)[0]
        if (first in KREIS_DESIGNATIONS) != self.is_kreis and first in DESIGNATION_WORDS:
            return False
        return bool(user_keys(text) & (name_keys(self.name) | {fold(self.formal_name)}))


def _date(value: str) -> dt.date:
    return dt.date.fromisoformat(value)


class Directory:
    """The Gemeindeverzeichnis as loaded from its index (immutable after loading)."""

    def __init__(self, data: dict[str, Any], origin: str = "<index>") -> None:
        if data.get("format") != INDEX_FORMAT or data.get("version") != INDEX_VERSION:
            raise DirectoryError(
                f"{origin}: kein Index des Gemeindeverzeichnisses in Version {INDEX_VERSION}"
            )
        try:
            meta = data["meta"]
            self.meta = DirectoryMeta(
                quelle=meta["quelle"],
                sha256=meta["sha256"],
                gebietsstand=_date(meta["gebietsstand"]),
                bevoelkerungsstand=_date(meta["bevoelkerungsstand"]),
                flaechenstand=_date(meta["flaechenstand"]),
                saetze=meta["saetze"],
            )
            self._laender: dict[str, str] = {code: name for code, name, _ in data["laender"]}
            verbaende = data["verbaende"]
            self._verband_name: list[str] = verbaende["name"]
            self._verband_typ: list[str] = verbaende["typ"]
            cols = data["eintraege"]
            self._ags: list[str] = cols["ags"]
            self._name: list[str] = cols["name"]
            self._typ: list[str] = cols["typ"]
            self._einwohner: list[int] = cols["einwohner"]
            self._flaeche: list[int] = cols["flaeche_ha"]
            self._plz: list[str] = cols["plz"]
            self._plz_mehrere: list[int] = cols["plz_mehrere"]
            self._ort: list[str] = cols["ort"]
            self._verband: list[int] = cols["verband"]
            keys: list[str] = cols["suche"]
        except (KeyError, TypeError, ValueError) as exc:
            raise DirectoryError(f"{origin}: der Index ist unvollständig ({exc})") from None
        self._row = {ags: i for i, ags in enumerate(self._ags)}
        self._keys = keys

    @cached_property
    def _rows(self) -> list[tuple[int, str, str, str]]:
        """Searchable rows: (row, search key, its name part " core | designation ", AGS); made
        at the first search (a lookup by key, as the validation does, needs none)."""
        return [
            (i, key, key[: key.rindex("|")], self._ags[i])
            for i, key in enumerate(self._keys)
            if key
        ]

    @classmethod
    def load(cls, path: Path) -> Directory:
        try:
            data = json.loads(path.read_bytes())
        except OSError as exc:
            raise DirectoryError(
                f"{path}: das Gemeindeverzeichnis kann nicht gelesen werden ({oserrors.cause(exc)})"
            ) from exc
        except ValueError as exc:
            raise DirectoryError(f"{path}: der Index ist beschädigt ({exc})") from exc
        return cls(data, str(path))

    # -- rows

    def __len__(self) -> int:
        return len(self._ags)

    def _entry(self, i: int) -> Entry:
        ags = self._ags[i]
        kreis: str | None = None
        if len(ags) == 8:
            k = self._row.get(ags[:5])
            if k is not None:
                kreis = kreis_label(self._name[k], self._typ[k])
        v = self._verband[i]
        verband = (
            f"{self._verband_name[v]} ({VERBAND_TYPES[self._verband_typ[v]]})"
            if v >= 0 and self._verband_typ[v] != "50"
            else None
        )
        return Entry(
            ags=ags,
            name=self._name[i],
            typ=self._typ[i],
            einwohner=self._einwohner[i],
            flaeche_ha=self._flaeche[i],
            plz=self._plz[i] or None,
            plz_mehrere=bool(self._plz_mehrere[i]),
            land_code=ags[:2],
            land=self._laender.get(ags[:2], ""),
            kreis=kreis,
            ort=self._ort[i] or core_name(self._name[i]),
            verband=verband,
        )

    def lookup(self, ags: str) -> Entry | None:
        """The Gemeinde with this AGS (8 digits) or the Kreis with this key (5 digits, or 5
        digits and "000"). A kreisfreie Stadt is returned as its Gemeinde either way."""
        key = ags.strip()
        i = self._row.get(key)
        if i is None and len(key) == 8 and key.endswith("000"):
            i = self._row.get(key[:5])
        if i is not None and len(key) >= 5 and self._typ[i] in ("41", "42"):
            i = self._row.get(key[:5] + "000", i)
        return self._entry(i) if i is not None else None

    # -- search

    def search(self, query: str, limit: int = 20) -> list[Entry]:
        """Gemeinden, Städte and Kreise matching a name, part of a name or a key; best first."""
        tokens = fold(query).split()
        digits = [t for t in tokens if t.isdigit()]
        words = [t for t in tokens if not t.isdigit()]
        if not tokens or limit <= 0:
            return []
        rows = self._rows
        for d in digits:
            rows = [r for r in rows if r[3].startswith(d)]
        # The most telling word first ("coburg" before "landkreis"): it leaves the fewest rows.
        needles = sorted(
            (" " + w for w in words), key=lambda n: (n[1:] in DESIGNATION_WORDS, -len(n))
        )
        if len(needles) == 1:  # one word must be in the name itself
            rows = [r for r in rows if needles[0] in r[2]]
        elif needles:
            for needle in needles:
                rows = [r for r in rows if needle in r[1]]
            # at least one in the name: a match through Kreis or Land alone is not wanted
            rows = [r for r in rows if any(n in r[2] for n in needles)]
        whole = " ".join(words)
        short = strip_designation(whole)
        people = self._einwohner
        ranked = [
            (self._tier(name, whole, short, needles, digits, ags), -people[i], ags, i)
            for i, _, name, ags in rows
        ]
        ranked.sort()
        return [self._entry(i) for *_, i in ranked[:limit]]

    @staticmethod
    def _tier(
        name: str, whole: str, short: str, needles: list[str], digits: list[str], ags: str
    ) -> int:
        """0 the exact name or key, 1 a name starting with the query, 2 a name containing
        every word, 3 the rest (some words only in Kreis, Land or type)."""
        if not needles:
            return 0 if len(digits) == 1 and ags in (digits[0], digits[0] + "000") else 1
        core = name[: name.index("|")].strip()
        if core in (whole, short):
            return 0
        if core.startswith((whole, short)):
            return 1
        return 2 if all(n in name for n in needles) else 3

    def named(self, name: str) -> list[Entry]:
        """Every Gemeinde or Kreis a name as a user wrote it can mean, largest first."""
        keys = user_keys(name)
        if not keys:
            return []
        starts = {" " + key.split()[0] for key in keys}
        found = [
            i
            for i, _, key, _ in self._rows
            if any(s in key for s in starts) and self._entry(i).matches_name(name)
        ]
        found.sort(key=lambda i: -self._einwohner[i])
        return [self._entry(i) for i in found]
