"""Build-time licence list of a bundle: every bundled file is traced to the component it comes
from, and the components are written to ``licences.json`` inside the bundle.

- files of an installed Python distribution (found through its RECORD): that distribution,
  with the licence from its own metadata;
- files of the Python installation (standard library, extension modules, libpython, and on
  Windows the DLLs python.org ships with it): the Python runtime;
- our own files: ZWK Desktop;
- shared libraries of the build system (Linux): the Debian package that installed them, with the
  licence named in its ``/usr/share/doc/<package>/copyright``;
- Microsoft's C/C++ runtime DLLs that PyInstaller copies from the Windows system folder.

A bundled file that cannot be traced to a component stops the build: nothing ships without a
known licence.
"""

from __future__ import annotations

import importlib.metadata as md
import os
import re
import shutil
import subprocess
import sys
import sysconfig
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from zwk_desktop.licences import Component, Kind, LicenceText, write_manifest
from zwk_desktop.licences.distributions import (
    APPLICATION_DIST,
    QT_DISTS,
    from_distribution,
    normalize,
    python_component,
    qt_component,
)
from zwk_desktop.licences.resources import LICENCES_FOLDER

TocEntry = tuple[str, str | None, str]


# The runtime DLLs PyInstaller takes from C:\Windows\System32 (its list of redistributable
# Microsoft libraries; everything else there it leaves out).
_WINDOWS_RUNTIME = re.compile(
    r"^(api-ms-win-(core|crt)-.*|ucrtbase|concrt140|msvcp140(_\w+)?|vccorlib140|vcruntime140(_1)?)"
    r"\.dll$",
    re.IGNORECASE,
)
WINDOWS_RUNTIME_NOTICE = (
    "Die Laufzeitbibliotheken von Microsoft Visual C++ und die Universal C Runtime von Windows "
    "werden als „Distributable Code“ nach den Weitergabebedingungen von Microsoft mitgeliefert "
    "(Visual Studio bzw. Windows SDK). Unter Windows 10 und neuer verwendet Windows die "
    "Universal C Runtime des Systems."
)


class UntracedFilesError(RuntimeError):
    """Bundled files whose component (and so licence) is unknown."""


@dataclass(frozen=True)
class DebianPackage:
    name: str
    version: str


@dataclass
class Tracer:
    """Maps source paths of bundled files to the component they belong to."""

    project_root: Path
    build_dir: Path
    """PyInstaller's work folder: what it generates there (base_library.zip, the standard
    library's bootstrap modules) belongs to the components already traced."""
    system_root: Path | None = None
    """Windows' system folder (%SystemRoot%); None elsewhere."""
    python_prefixes: tuple[Path, ...] = field(default_factory=tuple)
    _owners: dict[Path, md.Distribution] = field(default_factory=dict, init=False)

    def __post_init__(self) -> None:
        if self.system_root is None and sys.platform == "win32":
            self.system_root = Path(os.environ.get("SYSTEMROOT", "C:/Windows"))
        if not self.python_prefixes:
            self.python_prefixes = python_prefixes()
        for dist in md.distributions():
            if normalize(str(dist.metadata["Name"])) == APPLICATION_DIST:
                continue  # an editable install lists no sources; matched by project_root
            for f in dist.files or []:
                self._owners.setdefault(_real(Path(str(dist.locate_file(f)))), dist)

    def distribution_of(self, path: Path) -> md.Distribution | None:
        return self._owners.get(_real(path))

    def is_ours(self, path: Path) -> bool:
        """Our sources and data, and what the build generated (not the checkout's venv)."""
        real = _real(path)
        if _within(real, _real(self.build_dir)):
            return True
        in_venv = "site-packages" in real.parts or _within(real, _real(Path(sys.prefix)))
        return _within(real, _real(self.project_root)) and not in_venv

    def is_windows_runtime(self, path: Path) -> bool:
        return (
            self.system_root is not None
            and _within(_real(path), _real(self.system_root))
            and bool(_WINDOWS_RUNTIME.match(path.name))
        )

    def is_python(self, path: Path) -> bool:
        real = _real(path)
        return "site-packages" not in real.parts and any(
            _within(real, prefix) for prefix in self.python_prefixes
        )


def _real(path: Path) -> Path:
    return Path(os.path.realpath(path))


def _within(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def python_prefixes() -> tuple[Path, ...]:
    """Folders of the Python installation the bundle's runtime comes from. For Debian's own
    Python (prefix /usr, which would claim every system library) only its library folders."""
    prefixes = {_real(Path(sysconfig.get_path(key))) for key in ("stdlib", "platstdlib")}
    prefixes |= {_real(Path(p)) for p in (sys.base_prefix, sys.base_exec_prefix)}
    prefixes.discard(Path("/usr"))
    return tuple(sorted(prefixes))


def debian_package(path: Path) -> DebianPackage | None:
    """The Debian package that installed a file (also through /lib -> /usr/lib links)."""
    if shutil.which("dpkg-query") is None:
        return None
    candidates = [str(path), os.path.realpath(path)]
    for c in list(candidates):
        if c.startswith("/usr/"):
            candidates.append(c[4:])
        else:
            candidates.append("/usr" + c)
    for candidate in dict.fromkeys(candidates):
        found = subprocess.run(
            ["dpkg-query", "-S", candidate], capture_output=True, text=True, check=False
        )
        if found.returncode == 0:
            name = found.stdout.split(":", 1)[0].split(",")[0].strip()
            version = subprocess.run(
                ["dpkg-query", "-W", "-f", "${Version}", name],
                capture_output=True,
                text=True,
                check=True,
            ).stdout.strip()
            return DebianPackage(name, version)
    return None


_DEP5_LICENSE = re.compile(r"^License:\s*(\S.*)$", re.MULTILINE)
_GNU = re.compile(
    r"GNU (?P<lesser>Lesser |Library )?General Public\s+License[^.]{0,160}?version\s+"
    r"(?P<version>\d(?:\.\d)?)(?P<later>[^.]{0,80}?(?:any|or)\s+later)?",
    re.DOTALL,
)
# Free-form copyright files (no machine-readable format): licence named by its wording.
_WORDINGS = (
    (re.compile(r"GCC Runtime Library Exception|version 3\.1 of the GCC", re.I), None),
    (re.compile(r"Permission is hereby granted, free of charge", re.I), "MIT"),
    (re.compile(r"Permission to use, copy, modify,? (and|distribute)", re.I), "HPND"),
)


def licence_from_wording(text: str) -> str | None:
    """The licence of a free-form copyright text, from its wording (the text itself ships)."""
    if _WORDINGS[0][0].search(text):
        return "GPL-3.0-or-later WITH GCC-exception-3.1"
    gnu = _GNU.search(text)
    if gnu:
        kind = "LGPL" if gnu.group("lesser") else "GPL"
        version = gnu.group("version") + (".0" if "." not in gnu.group("version") else "")
        return f"{kind}-{version}-{'or-later' if gnu.group('later') else 'only'}"
    found = [name for pattern, name in _WORDINGS[1:] if name and pattern.search(text)]
    return " AND ".join(found) if found else None


def debian_copyright(package: str) -> tuple[str, str]:
    """(licence, copyright text) of a Debian package. In the machine-readable format the
    licence is that of the "Files: *" paragraph, else all licences named."""
    path = Path("/usr/share/doc") / package / "copyright"
    if not path.is_file():
        return ("siehe Debian-Paket " + package, "")
    text = path.read_text(encoding="utf-8", errors="replace")
    if text.startswith("Format:"):
        for paragraph in text.split("\n\n"):
            if re.search(r"^Files:\s*\*\s*$", paragraph, re.MULTILINE):
                m = _DEP5_LICENSE.search(paragraph)
                if m:
                    return (m.group(1).strip(), text)
        names = list(dict.fromkeys(m.strip() for m in _DEP5_LICENSE.findall(text)))
        if names:
            return (" AND ".join(f"({n})" if " " in n else n for n in names), text)
    return (licence_from_wording(text) or "siehe Copyright-Datei des Debian-Pakets", text)


def system_components(paths: dict[DebianPackage, list[str]]) -> list[Component]:
    components = []
    for package, files in sorted(paths.items(), key=lambda kv: kv[0].name):
        licence, text = debian_copyright(package.name)
        components.append(
            Component(
                name=package.name,
                version=package.version,
                licence=licence,
                kind=Kind.SYSTEM,
                url=f"https://packages.debian.org/{package.name}",
                origin=f"Debian-Paket {package.name} {package.version}; Dateien: "
                + ", ".join(sorted(files)),
                texts=(LicenceText(title=f"/usr/share/doc/{package.name}/copyright", text=text),)
                if text
                else (),
            )
        )
    return components


def trace(entries: Iterable[TocEntry], tracer: Tracer) -> list[Component]:
    """The components of the bundled files; raises `UntracedFilesError` for unknown files."""
    dists: dict[str, md.Distribution] = {}
    system: dict[DebianPackage, list[str]] = {}
    windows_runtime: list[str] = []
    untraced: list[str] = []
    for dest, src, _typecode in entries:
        if not src or src == "-" or not Path(src).exists():
            continue  # namespace packages and generated entries carry no file
        path = Path(src)
        if tracer.is_ours(path):
            continue
        dist = tracer.distribution_of(path)
        if dist is not None:
            dists.setdefault(normalize(str(dist.metadata["Name"])), dist)
        elif tracer.is_python(path):
            continue
        elif tracer.is_windows_runtime(path):
            windows_runtime.append(Path(dest).name)
        elif (package := debian_package(path)) is not None:
            system.setdefault(package, []).append(Path(dest).name)
        else:
            untraced.append(f"{dest} ({src})")
    if untraced:
        raise UntracedFilesError(
            "Für diese Dateien im Programmordner ist keine Herkunft und damit keine Lizenz "
            "bekannt:\n  " + "\n  ".join(sorted(untraced))
        )
    found = _components(dists, system, tracer.project_root / "resources" / LICENCES_FOLDER)
    if windows_runtime:
        found.append(windows_runtime_component(windows_runtime))
    return found


def windows_runtime_component(files: Iterable[str]) -> Component:
    return Component(
        name="Microsoft Visual C++ Runtime und Universal C Runtime",
        licence="Microsoft-Weitergabebedingungen (Distributable Code)",
        kind=Kind.SYSTEM,
        url="https://learn.microsoft.com/cpp/windows/redistributing-visual-cpp-files",
        notice=WINDOWS_RUNTIME_NOTICE,
        origin="Windows-Systemordner; Dateien: " + ", ".join(sorted(set(files))),
    )


def _components(
    dists: dict[str, md.Distribution],
    system: dict[DebianPackage, list[str]],
    licences_dir: Path,
) -> list[Component]:
    # The program itself and the bootloader (PyInstaller's, inside the executable) are part of
    # every bundle without appearing in the collected files.
    for name in (APPLICATION_DIST, "pyinstaller"):
        dists.setdefault(name, md.distribution(name))
    components = [python_component(licences_dir)]
    qt = next((dists[n] for n in QT_DISTS if n in dists), None)
    if qt is not None:
        components.append(qt_component(qt, licences_dir))
    components += [from_distribution(d, licences_dir) for d in dists.values()]
    return components + system_components(system)


def write(
    path: Path, *tocs: Sequence[TocEntry], project_root: Path, build_dir: Path
) -> list[Component]:
    """Trace every entry of the PyInstaller tables and write the licence list to `path`."""
    components = trace([e for toc in tocs for e in toc], Tracer(project_root, build_dir))
    path.parent.mkdir(parents=True, exist_ok=True)
    write_manifest(path, components)
    return components
