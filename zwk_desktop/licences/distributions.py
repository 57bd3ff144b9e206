"""Code components from the installed Python distributions' own metadata: the program, the
Python runtime, Qt, and every library the program depends on."""

from __future__ import annotations

import importlib.metadata as md
import platform
import re
import sys
import sysconfig
from collections.abc import Iterable
from pathlib import Path

from zwk_desktop.licences.model import Component, Kind, LicenceText

APPLICATION_DIST = "zwk-desktop"
QT_DISTS = ("pyside6-essentials", "pyside6")
"""Distributions that carry the Qt libraries inside (the first one installed is Qt's source)."""

QT_NOTICE = (
    "ZWK Desktop verwendet die Qt-Bibliotheken (© The Qt Company Ltd. und weitere "
    "Beitragende) und PySide6 (Qt for Python) unter der GNU Lesser General Public License "
    "Version 3 (LGPLv3). Die Bibliotheken sind unverändert und werden dynamisch geladen: Sie "
    "liegen als eigene Dateien im Programmordner (Ordner „PySide6“ und „shiboken6“) und können "
    "durch eine selbst gebaute, kompatible Version ersetzt werden. Den Quelltext dieser "
    "Qt-Version gibt es unter https://download.qt.io/archive/qt/, den von PySide6 unter "
    "https://download.qt.io/official_releases/QtForPython/. Qt enthält seinerseits Software "
    "Dritter (unter anderem ICU, HarfBuzz, FreeType, PCRE2, zlib, libpng, libjpeg); deren "
    "Lizenzen nennt https://doc.qt.io/qt-6/licenses-used-in-qt.html. Die Texte der LGPLv3 und "
    "der GPLv3, auf der sie aufbaut, folgen."
)
QT_LICENCE = "LGPL-3.0-only"
QT_LICENCE_TEXTS = ("LGPL-3.0-only", "GPL-3.0-only")

PYTHON_NOTICE = (
    "Python © Python Software Foundation. Die Python-Laufzeit ist unter der PSF License "
    "Version 2 enthalten; der Lizenztext nennt auch die Lizenzen der Bibliotheken, die mit "
    "Python ausgeliefert werden."
)

_LICENCE_FILE = re.compile(r"^(LICEN[CS]E|COPYING|NOTICE|COPYRIGHT)", re.IGNORECASE)
_SPDX_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9.+-]*")


def normalize(name: str) -> str:
    """PEP 503 normalized distribution name."""
    return re.sub(r"[-_.]+", "-", name).lower()


def field_of(meta: md.PackageMetadata, name: str) -> str:
    """A metadata field's first value, or ""."""
    values = meta.get_all(name) or []
    return str(values[0]).strip() if values else ""


def licence_of(meta: md.PackageMetadata) -> str:
    """A distribution's licence: License-Expression, else a short License field, else the
    licence classifiers."""
    expression = field_of(meta, "License-Expression")
    if expression:
        return expression
    field = field_of(meta, "License")
    if field and "\n" not in field and len(field) <= 200:
        return field
    classifiers = [
        c.split("::")[-1].strip()
        for c in meta.get_all("Classifier") or []
        if c.startswith("License ::") and c.strip() != "License :: OSI Approved"
    ]
    if classifiers:
        return " / ".join(dict.fromkeys(classifiers))
    return field.splitlines()[0] if field else "keine Angabe im Paket"


def homepage_of(meta: md.PackageMetadata) -> str:
    if field_of(meta, "Home-page"):
        return field_of(meta, "Home-page")
    urls: dict[str, str] = {}
    for entry in meta.get_all("Project-URL") or []:
        label, _, url = str(entry).partition(",")
        urls[label.strip().lower()] = url.strip()
    for label in ("homepage", "home", "source", "source code", "repository", "documentation"):
        if label in urls:
            return urls[label]
    return next(iter(urls.values()), "")


def licence_files(dist: md.Distribution) -> tuple[LicenceText, ...]:
    """The licence files a distribution ships in its metadata folder."""
    texts: list[LicenceText] = []
    names = list(dict.fromkeys(dist.metadata.get_all("License-File") or []))
    if not names:
        names = [
            Path(str(f)).name
            for f in dist.files or []
            if ".dist-info" in str(f) and _LICENCE_FILE.match(Path(str(f)).name)
        ]
    for name in names:
        text = dist.read_text(f"licenses/{name}") or dist.read_text(name)
        if text:
            texts.append(LicenceText(title=name, text=text))
    return tuple(texts)


def spdx_texts(expression: str, licences_dir: Path) -> tuple[LicenceText, ...]:
    """Standard licence texts shipped in ``resources/licences/<SPDX id>.txt`` for the ids of an
    expression (for distributions that ship none themselves)."""
    texts = []
    for spdx_id in dict.fromkeys(_SPDX_ID.findall(expression)):
        path = licences_dir / f"{spdx_id}.txt"
        if spdx_id not in ("OR", "AND", "WITH") and path.is_file():
            texts.append(LicenceText(title=path.name, text=path.read_text(encoding="utf-8")))
    return tuple(texts)


def from_distribution(dist: md.Distribution, licences_dir: Path) -> Component:
    meta = dist.metadata
    licence = licence_of(meta)
    name = str(meta["Name"])
    kind = Kind.APPLICATION if normalize(name) == APPLICATION_DIST else Kind.LIBRARY
    return Component(
        name="ZWK Desktop" if kind is Kind.APPLICATION else name,
        version=dist.version,
        licence=licence,
        kind=kind,
        url=homepage_of(meta),
        origin=f"Python-Paket {name} {dist.version}",
        texts=licence_files(dist) or spdx_texts(licence, licences_dir),
    )


def python_licence_texts(licences_dir: Path) -> tuple[LicenceText, ...]:
    """Python's LICENSE.txt (with the history and the licences of what python.org bundles) where
    the installation has one (POSIX builds: in the standard library, Windows: beside python.exe),
    else the PSF licence agreement shipped in resources/licences (Debian's Python has none)."""
    for folder in (Path(sysconfig.get_path("stdlib")), Path(sys.base_prefix)):
        path = folder / "LICENSE.txt"
        if path.is_file():
            return (LicenceText(title="LICENSE.txt", text=path.read_text(encoding="utf-8")),)
    return spdx_texts("PSF-2.0", licences_dir)


def python_component(licences_dir: Path) -> Component:
    """The Python runtime (a bundle records it at build time, with the build's licence text)."""
    return Component(
        name="Python",
        version=platform.python_version(),
        licence="PSF-2.0",
        kind=Kind.RUNTIME,
        url="https://www.python.org/",
        notice=PYTHON_NOTICE,
        origin=f"{platform.python_implementation()} {platform.python_version()}",
        texts=python_licence_texts(licences_dir),
    )


def qt_component(qt_dist: md.Distribution, licences_dir: Path) -> Component:
    """Qt itself, which comes inside the PySide6 distribution (same version number)."""
    return Component(
        name="Qt",
        version=qt_dist.version,
        licence=QT_LICENCE,
        kind=Kind.RUNTIME,
        url="https://www.qt.io/",
        notice=QT_NOTICE,
        origin=f"Qt-Bibliotheken aus dem Python-Paket {qt_dist.metadata['Name']}",
        texts=spdx_texts(" ".join(QT_LICENCE_TEXTS), licences_dir),
    )


def installed(name: str) -> md.Distribution | None:
    try:
        return md.distribution(name)
    except md.PackageNotFoundError:
        return None


def runtime_closure(root: str = APPLICATION_DIST) -> list[md.Distribution]:
    """The installed distributions the program needs at run time: its requirements without
    its own extras (the development tools), followed recursively, with the extras each
    requirement asks for (``pyhanko[opentype]`` brings fonttools and uharfbuzz). A requirement
    that is not installed (its environment marker excludes this platform) is left out."""
    found: dict[str, md.Distribution] = {}
    followed: dict[str, set[str]] = {}
    pending: list[tuple[str, frozenset[str]]] = [(root, frozenset())]
    while pending:
        raw, extras = pending.pop()
        name = normalize(raw)
        if name in followed and extras <= followed[name]:
            continue
        dist = found.get(name) or installed(name)
        if dist is None:
            continue
        found[name] = dist
        followed.setdefault(name, set()).update(extras)
        pending.extend(runtime_requirements(dist.requires or [], followed[name]))
    return list(found.values())


_REQUIREMENT = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[([^\]]*)\])?")
_EXTRA_MARKER = re.compile(r"""extra\s*==\s*["']([^"']+)["']""")


def runtime_requirements(
    requirements: Iterable[str], extras: Iterable[str]
) -> list[tuple[str, frozenset[str]]]:
    """(name, requested extras) of the requirements that apply: the unconditional ones and
    those of the given extras of the requiring distribution."""
    chosen = {normalize(e) for e in extras}
    applying = []
    for requirement in requirements:
        spec, _, marker = requirement.partition(";")
        wanted = _EXTRA_MARKER.findall(marker)
        if wanted and not any(normalize(w) in chosen for w in wanted):
            continue
        m = _REQUIREMENT.match(spec)
        if m:
            asked = (e.strip() for e in (m.group(2) or "").split(","))
            applying.append((m.group(1), frozenset(normalize(e) for e in asked if e)))
    return applying


def code_components(dists: Iterable[md.Distribution], licences_dir: Path) -> list[Component]:
    """Components for the given distributions, plus Python and Qt."""
    dists = list(dists)
    components = [python_component(licences_dir)]
    by_name = {normalize(str(d.metadata["Name"])): d for d in dists}
    qt = next((by_name[n] for n in QT_DISTS if n in by_name), None)
    if qt is not None:
        components.append(qt_component(qt, licences_dir))
    components += [from_distribution(d, licences_dir) for d in dists]
    return components
