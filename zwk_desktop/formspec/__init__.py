"""The form definition: typed, immutable models and a strict YAML loader."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from zwk_desktop.formspec.loader import FormSpecError, SpecProblem, load_form, load_form_text
from zwk_desktop.formspec.models import FormField, FormSpec, Section
from zwk_desktop.locations import forms_dir

DEFAULT_FORM_ID = "zwk-2021"

__all__ = [
    "DEFAULT_FORM_ID",
    "FormField",
    "FormSpec",
    "FormSpecError",
    "Section",
    "SpecProblem",
    "available_forms",
    "get_form",
    "load_form",
    "load_form_text",
]


def available_forms(folder: Path | None = None) -> dict[tuple[str, str], Path]:
    """Every form file in the forms folder by (id, version), read from the file name
    ``<id>.yaml`` or ``<id>@<version>.yaml`` and confirmed on load."""
    folder = folder or forms_dir()
    return {_key(p): p for p in sorted(folder.glob("*.yaml"))}


def _key(path: Path) -> tuple[str, str]:
    stem = path.stem
    form_id, _, version = stem.partition("@")
    return form_id, version


@cache
def get_form(form_id: str = DEFAULT_FORM_ID, version: str | None = None) -> FormSpec:
    """The form with this id (and version, if given), loaded once per process.

    Raises KeyError when no such form is installed, FormSpecError when its file is broken.
    """
    for (fid, fversion), path in available_forms().items():
        if fid != form_id:
            continue
        spec = load_form(path)
        if version is None or spec.version == version:
            return spec
        if fversion and fversion != version:
            continue
    raise KeyError((form_id, version))
