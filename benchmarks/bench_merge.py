"""Merging two copies of the largest example, each with 50 changed fields (issue 16), against a
bare deep copy of the same data three times (what any merge must at least read)."""

from __future__ import annotations

import copy
from pathlib import Path

from benchmarks import Result, benchmark, median_seconds
from zwk_desktop.domain.draft import read_draft
from zwk_desktop.domain.paths import get_value, template_path
from zwk_desktop.domain.sync import merge_drafts, state_of
from zwk_desktop.editing.session import EditSession
from zwk_desktop.formspec import get_form
from zwk_desktop.services.diff import flatten

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
CHANGED = 50
CHANGE = {
    "text": lambda v: f"{v} (geändert)",
    "long": lambda v: f"{v} Ergänzt.",
    "int": lambda v: v + 1,
    "money": lambda v: f"{float(v) + 1:.2f}",
}
"""How a field of each type is changed."""


@benchmark
def merge() -> list[Result]:
    largest = max(EXAMPLES.glob("*.zwk"), key=lambda p: len(p.read_bytes()))
    base = read_draft(largest)
    base.ensure_lineage()
    spec = get_form(base.form_id, base.form_version)
    fields = sorted(
        p
        for p, v in flatten(base.data).items()
        if (f := spec.fields_by_path.get(template_path(p))) is not None
        and (f.item_type if f.type == "year_map" else f.type) in CHANGE
    )
    assert len(fields) >= 2 * CHANGED, len(fields)
    ours, theirs = copy.deepcopy(base), copy.deepcopy(base)
    for draft, paths, who in (
        (ours, fields[:CHANGED], "Berater Müller"),
        (theirs, fields[-CHANGED:], "Frau Schmidt"),
    ):
        session = EditSession(spec, draft, author=who)
        for path in paths:
            f = session.field_at(path)
            assert f is not None
            kind = f.item_type if f.type == "year_map" else f.type
            session.set(path, CHANGE[str(kind)](session.get(path)))
    # a few of the same fields on both sides: conflicts are part of the work
    overlap = [p for p in fields[CHANGED - 6 : CHANGED] if isinstance(get_value(base.data, p), str)]
    for path in overlap:
        EditSession(spec, theirs, author="Frau Schmidt").set(path, "anders")
    b = state_of(base)

    def ours_merge() -> None:
        merge_drafts(b, ours, theirs, spec=spec, source="zurueck.zwk")

    def bare() -> None:
        for draft in (base, ours, theirs):
            copy.deepcopy(draft.data)

    result = merge_drafts(b, ours, theirs, spec=spec, source="zurueck.zwk")
    assert len(result.conflicts) == len(overlap), result.conflicts
    ours_s = median_seconds(ours_merge, repeat=60, warmup=5)
    bare_s = median_seconds(bare, repeat=60, warmup=5)
    return [
        Result(
            f"Zusammenführen ({largest.name}, je {CHANGED} geänderte Felder)",
            ours_s,
            bare_s,
            "s",
            "≤ 50 ms",
            ours_s <= 0.050,
        )
    ]
