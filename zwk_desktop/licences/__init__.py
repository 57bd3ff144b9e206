"""Every bundled component with its licence, for the About dialog and ``zwk-desktop about``.

Run from a bundle, the code components are the ones recorded at build time in
``licences.json`` (written by ``packaging/bundle_licences.py`` from exactly the files that were
bundled). Run from a source checkout, they are the program's run-time dependencies, read from
the installed distributions' metadata. In both cases the fonts and data sets are found in
``resources/``. Qt-free: the command line uses it too.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from zwk_desktop import locations, oserrors
from zwk_desktop.licences.distributions import code_components, runtime_closure
from zwk_desktop.licences.model import (
    KIND_LABELS,
    KIND_ORDER,
    Component,
    Kind,
    LicenceText,
    Manifest,
)
from zwk_desktop.licences.resources import LICENCES_FOLDER, resource_components

MANIFEST_NAME = "licences.json"
"""File name of the build-time list of code components inside a bundle."""


class LicenceListError(Exception):
    """The licence list of a bundle is missing or damaged (German message)."""


def read_manifest(path: Path) -> Manifest:
    try:
        return Manifest.model_validate_json(path.read_bytes())
    except OSError as exc:
        raise LicenceListError(
            f"Die Lizenzliste des Programms ({path}) ist nicht lesbar: {oserrors.cause(exc)}."
        ) from None
    except ValidationError as exc:
        raise LicenceListError(
            f"Die Lizenzliste des Programms ({path}) ist beschädigt: {exc.error_count()} Fehler."
        ) from None


def write_manifest(path: Path, components: list[Component]) -> None:
    manifest = Manifest(components=tuple(sort_components(components)))
    path.write_text(manifest.model_dump_json(indent=1), encoding="utf-8")


def sort_components(components: list[Component]) -> list[Component]:
    """The program first, then runtime, libraries, system libraries, fonts, data; by name."""
    return sorted(components, key=lambda c: (KIND_ORDER.index(c.kind), c.name.casefold()))


def components(resources: Path | None = None) -> list[Component]:
    """Every component of this installation with its licence (`resources`: the folder to
    search for fonts and data sets, by default the program's own resources)."""
    own = locations.resources_dir()
    bundle = locations.bundle_dir()
    if bundle is not None:
        code = list(read_manifest(bundle / MANIFEST_NAME).components)
    else:
        code = code_components(runtime_closure(), own / LICENCES_FOLDER)
    return sort_components(code + resource_components(resources or own))


__all__ = [
    "KIND_LABELS",
    "MANIFEST_NAME",
    "Component",
    "Kind",
    "LicenceListError",
    "LicenceText",
    "Manifest",
    "components",
    "read_manifest",
    "sort_components",
    "write_manifest",
]
