"""The compact index of the directory, built from the original GV100AD file.

The index is a JSON file in ``resources/gemeindeverzeichnis/``, built at build time by
``python -m zwk_desktop.directory.build`` and committed beside the original. Why not on first
start into the user's data folder: the directory is read by the validation, which must not
write files; installs can be read-only (portable, locked-down office PCs) and the ministry desk
should see the same bytes as the applicant; and a test rebuilds the index from the shipped
original and compares, so the two can never drift apart.

Layout: one column per attribute ("columnar"), so that loading is a single `json.loads` plus a
dictionary from AGS to row; rows are turned into `Entry` objects only when asked for. Rows are
every Kreis (five-digit key) followed by every Gemeinde (eight-digit AGS) in file order. Each
searchable row carries a precomputed search key (see `search_key`).
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from zwk_desktop.directory.gv100 import (
    GEMEINDE_TYPES,
    GV100,
    KREIS_TYPES,
    Gemeinde,
    Kreis,
    ReleaseNotes,
    parse_notes,
    read_gv100,
)
from zwk_desktop.directory.names import core_name, fold, formal_name, name_keys

INDEX_FORMAT = "zwk-gemeindeverzeichnis-index"
INDEX_VERSION = 1
INDEX_FILE = "index.json"
SOURCE_GLOB = "GV100AD_*.txt"
NOTES_FILE = "Hinweise.txt"

KREIS_WITH_GEMEINDEN = ("43", "44", "45")
"""Kreise whose Gemeinden belong to them (Landkreis, Kreis, Regionalverband)."""
KREISFREI = ("61", "62")
NOT_A_MUNICIPALITY = ("65", "66")
"""Gemeindefreie Gebiete: in the index for look-ups, never offered by the search."""


def kreis_label(name: str, typ: str) -> str:
    """How a Gemeinde's Kreis is shown: "Landkreis Coburg", or "kreisfreie Stadt"."""
    if typ in KREIS_WITH_GEMEINDEN:
        return formal_name(name, typ)
    return KREIS_TYPES[typ].replace("Kreisfreie", "kreisfreie")


def search_key(name: str, context: Iterable[str]) -> str:
    """`` core | designation | context `` with folded words, each part padded by spaces so that
    ``" " + word`` finds a word start. Example for Ahorn: ``" ahorn |  | landkreis coburg
    bayern kreisangehorige gemeinde "``."""
    core, _, rest = name.partition(",")
    return f" {fold(core)} | {fold(rest)} | {fold(' '.join(context))} "


def _seat(kreis: Kreis, members: list[Gemeinde], kreisfreie: list[Gemeinde]) -> Gemeinde | None:
    """The Gemeinde where a Kreis has its seat, when the directory makes it unambiguous."""
    keys = name_keys(kreis.sitz)
    first = fold(kreis.sitz).split()[0]

    def known_as(g: Gemeinde) -> frozenset[str]:  # "Wittenberg, Lutherstadt" too
        return name_keys(g.name) | {fold(formal_name(g.name, g.typ))}

    for candidates in (
        [g for g in members if keys & known_as(g)],
        [g for g in members if fold(core_name(g.name)).split()[0] == first],
        [g for g in kreisfreie if keys & known_as(g)],
    ):
        if len(candidates) == 1:
            return candidates[0]
    return None


def build_index(gv: GV100, notes: ReleaseNotes, source_name: str, sha256: str) -> dict[str, Any]:
    """The index as JSON-ready data."""
    laender = {land.code: land for land in gv.laender}
    kreise = {k.code: k for k in gv.kreise}
    verband_row = {v.code: i for i, v in enumerate(gv.verbaende)}
    by_kreis: dict[str, list[Gemeinde]] = defaultdict(list)
    for g in gv.gemeinden:
        if g.typ not in NOT_A_MUNICIPALITY:
            by_kreis[g.kreis].append(g)
    kreisfreie: dict[str, list[Gemeinde]] = defaultdict(list)
    sums: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for g in gv.gemeinden:
        sums[g.kreis][0] += g.einwohner
        sums[g.kreis][1] += g.flaeche_ha
        if g.typ in KREISFREI:
            kreisfreie[g.ags[:2]].append(g)

    cols: dict[str, list[Any]] = {
        k: []
        for k in ("ags", "name", "typ", "einwohner", "flaeche_ha", "plz", "plz_mehrere", "ort")
    }
    cols["verband"] = []
    cols["suche"] = []

    def row(ags: str, name: str, typ: str, people: int, area: int, plz: str | None) -> None:
        cols["ags"].append(ags)
        cols["name"].append(name)
        cols["typ"].append(typ)
        cols["einwohner"].append(people)
        cols["flaeche_ha"].append(area)
        cols["plz"].append(plz or "")

    for k in gv.kreise:
        land = laender[k.code[:2]].name
        with_members = k.typ in KREIS_WITH_GEMEINDEN
        seat = _seat(k, by_kreis[k.code], kreisfreie[k.code[:2]]) if with_members else None
        people, area = sums[k.code]
        row(k.code, k.name, k.typ, people, area, seat.plz if seat else None)
        cols["plz_mehrere"].append(0)
        cols["ort"].append(k.sitz)
        cols["verband"].append(-1)
        # a kreisfreie Stadt is found as its Gemeinde
        cols["suche"].append(search_key(k.name, (KREIS_TYPES[k.typ], land)) if with_members else "")
    for g in gv.gemeinden:
        land = laender[g.ags[:2]].name
        kreis = kreise.get(g.kreis)
        context = (kreis_label(kreis.name, kreis.typ) if kreis else "", land, GEMEINDE_TYPES[g.typ])
        row(g.ags, g.name, g.typ, g.einwohner, g.flaeche_ha, g.plz)
        cols["plz_mehrere"].append(int(g.plz_mehrere))
        cols["ort"].append("")
        cols["verband"].append(verband_row.get(g.verband_code, -1))
        searchable = g.typ not in NOT_A_MUNICIPALITY
        cols["suche"].append(search_key(g.name, context) if searchable else "")

    return {
        "format": INDEX_FORMAT,
        "version": INDEX_VERSION,
        "meta": {
            "quelle": source_name,
            "sha256": sha256,
            "gebietsstand": gv.gebietsstand.isoformat(),
            "bevoelkerungsstand": notes.bevoelkerungsstand.isoformat(),
            "flaechenstand": notes.flaechenstand.isoformat(),
            "saetze": dict(sorted(gv.counts.items())),
        },
        "laender": [[land.code, land.name, land.sitz] for land in gv.laender],
        "regierungsbezirke": [[b.code, b.name, b.sitz] for b in gv.regierungsbezirke],
        "verbaende": {
            "code": [v.code for v in gv.verbaende],
            "name": [v.name for v in gv.verbaende],
            "typ": [v.typ for v in gv.verbaende],
        },
        "eintraege": cols,
    }


def source_file(folder: Path) -> Path:
    """The one GV100AD file in a folder."""
    found = sorted(folder.glob(SOURCE_GLOB))
    if len(found) != 1:
        names = ", ".join(p.name for p in found) or "keine"
        raise FileNotFoundError(
            f"In {folder} muss genau eine Datei {SOURCE_GLOB} liegen (gefunden: {names})."
        )
    return found[0]


def index_bytes(folder: Path) -> bytes:
    """Build the index of the GV100AD file in `folder` and return it as file content."""
    source = source_file(folder)
    raw = source.read_bytes()
    gv = read_gv100(source)
    notes = parse_notes((folder / NOTES_FILE).read_text(encoding="utf-8-sig"))
    data = build_index(gv, notes, source.name, hashlib.sha256(raw).hexdigest())
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.encode("utf-8") + b"\n"
