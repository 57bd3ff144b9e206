"""Full validation of the largest example vs a bare pydantic model_validate of the same data."""

from __future__ import annotations

from pathlib import Path

from benchmarks import Result, benchmark, median_seconds
from zwk_desktop.domain.datamodel import application_model
from zwk_desktop.domain.draft import read_draft
from zwk_desktop.formspec import get_form
from zwk_desktop.validation import validate

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


@benchmark
def validation() -> list[Result]:
    largest = max(EXAMPLES.glob("*.zwk"), key=lambda p: len(p.read_bytes()))
    draft = read_draft(largest)
    spec = get_form(draft.form_id, draft.form_version)
    infos = draft.file_infos
    model = application_model(spec)
    ours = median_seconds(lambda: validate(spec, draft.data, infos), repeat=300)
    bare = median_seconds(lambda: model.model_validate(draft.data), repeat=300)
    return [
        Result(
            f"Vollständige Prüfung ({largest.name})",
            ours,
            bare,
            "s",
            "≤ 2 ms Median",
            ours <= 0.002,
        )
    ]
