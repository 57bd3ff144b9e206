"""What choosing a municipality from the directory puts into the form, and which values came
from there.

The target fields and the mapping of the directory's types to the choices of ``kommune.art``
come from the form's ``directory:`` block, never from code. All functions return
``{field path: value}`` in the draft's data format (ISO dates, JSON numbers); ``None`` means
"clear this field" (e.g. the Landkreis of a kreisfreie Stadt). Nothing here imports Qt.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from zwk_desktop.directory.lookup import Directory, Entry
from zwk_desktop.domain.conditions import holds
from zwk_desktop.domain.paths import get_value
from zwk_desktop.domain.values import int_or_none
from zwk_desktop.formspec.models import DirectoryLayout, FormSpec


def layout_of(spec: FormSpec) -> DirectoryLayout:
    """The form's directory block; a form without one cannot be filled from the directory."""
    if spec.directory is None:
        raise ValueError(f"Das Formular {spec.id} sieht keine Übernahme aus dem Verzeichnis vor.")
    return spec.directory


def bundesland_code(spec: FormSpec, land_code: str) -> str | None:
    """The choice of the Bundesland field whose AGS prefix is `land_code` ("09" → "BY")."""
    field = spec.field(layout_of(spec).fields.bundesland)
    return next((c.code for c in field.choices if c.ags_prefix == land_code), None)


def kommune_fill(
    spec: FormSpec, directory: Directory, entry: Entry, data: Mapping[str, Any] | None = None
) -> dict[str, Any]:
    """The values a chosen Gemeinde, Stadt or Kreis gives the form.

    Example for Ahorn (09473112): name "Gemeinde Ahorn", art "gemeinde", ags "09473112",
    bundesland "BY", landkreis "Landkreis Coburg", einwohner 4047, einwohner_stand
    "2024-12-31", flaeche_km2 19.83, anschrift.plz "96482", anschrift.ort "Ahorn".
    With the current `data`, an art the form keeps (a Quartier choosing its city) is left out.
    """
    layout = layout_of(spec)
    f = layout.fields
    in_kreis = not entry.is_kreis and not entry.kreisfrei and entry.kreis is not None
    fill = {
        f.name: entry.formal_name,
        f.art: layout.art.get(entry.typ),
        f.ags: entry.ags,
        f.bundesland: bundesland_code(spec, entry.land_code),
        f.landkreis: entry.kreis if in_kreis else None,
        f.einwohner: entry.einwohner,
        f.einwohner_stand: directory.meta.bevoelkerungsstand.isoformat(),
        f.flaeche_km2: float(entry.flaeche_km2),
        f.plz: entry.plz,
        f.ort: entry.ort,
    }
    if data is not None and get_value(data, f.art) in layout.keep_art:
        del fill[f.art]
    return fill


def member_item(spec: FormSpec, entry: Entry) -> dict[str, Any]:
    """One item of the member list for a chosen municipality (keys are the item's field ids)."""
    m = layout_of(spec).members
    return {m.name: entry.formal_name, m.ags: entry.ags, m.einwohner: entry.einwohner}


def members_fill(
    spec: FormSpec, directory: Directory, members: list[dict[str, Any]]
) -> dict[str, Any]:
    """The member list and what follows from it: the population summed over all members; when
    every member's population is the directory's, its date and the summed area; the Bundesland
    of most members (of the first one on a tie)."""
    layout = layout_of(spec)
    m, f = layout.members, layout.fields
    people = [int_or_none(item.get(m.einwohner)) for item in members]
    entries = [directory.lookup(str(item.get(m.ags) or "")) for item in members]
    out: dict[str, Any] = {
        m.list: members,
        f.einwohner: sum(p for p in people if p is not None) if members else None,
    }
    from_directory = [e for e, p in zip(entries, people, strict=True) if e and e.einwohner == p]
    if members and len(from_directory) == len(members):
        out[f.einwohner_stand] = directory.meta.bevoelkerungsstand.isoformat()
        out[f.flaeche_km2] = float(sum((e.flaeche_km2 for e in from_directory), Decimal(0)))
    lands = Counter(e.land_code for e in entries if e is not None)
    if lands:
        most = max(lands.values())
        first = next(e.land_code for e in entries if e is not None and lands[e.land_code] == most)
        out[f.bundesland] = bundesland_code(spec, first)
    return out


def _same(current: Any, filled: Any) -> bool:
    if isinstance(filled, str):
        return isinstance(current, str) and " ".join(current.split()) == filled
    if isinstance(filled, int | float) and not isinstance(current, bool):
        try:
            return Decimal(str(current).strip()) == Decimal(str(filled))
        except (InvalidOperation, ValueError):
            return False
    return bool(current == filled)


def directory_marks(
    spec: FormSpec, directory: Directory, data: Mapping[str, Any]
) -> frozenset[str]:
    """Paths of the fields whose value is what the directory gives for the AGS in the data.

    Read from the data alone, so a reopened draft shows the same marks; a value the user
    changed loses its mark, one typed in as the directory has it gains it.
    """
    layout = layout_of(spec)
    m, f = layout.members, layout.fields
    marks: set[str] = set()

    def mark(expected: Mapping[str, Any], prefix: str = "") -> None:
        for path, value in expected.items():
            full = f"{prefix}{path}"
            if value is not None and _same(get_value(data, full), value):
                marks.add(full)

    if holds(m.when, lambda path: get_value(data, path)):
        members = get_value(data, m.list)
        members = members if isinstance(members, list) else []
        items = [item for item in members if isinstance(item, dict)]
        for i, item in enumerate(members):
            entry = directory.lookup(str(item.get(m.ags) or "")) if item in items else None
            if entry is not None:
                mark(member_item(spec, entry), f"{m.list}[{i}].")
        if items:
            derived = members_fill(spec, directory, items)
            del derived[m.list]
            mark(derived)
        return frozenset(marks)
    ags = get_value(data, f.ags)
    entry = directory.lookup(ags) if isinstance(ags, str) else None
    if entry is not None:
        mark(kommune_fill(spec, directory, entry, data))
    return frozenset(marks)
