"""Helpers of the PyInstaller spec (``zwk-desktop.spec``) that need PyInstaller's API: the
collection of optional packages, the filtering of hook results and the Windows version
resource. Kept out of the spec file so that they are linted and type-checked."""

from __future__ import annotations

import importlib.metadata
import importlib.util
import re
from collections.abc import Iterable
from typing import Any

from bundle_config import (
    EXCLUDED_BINARIES,
    LINUX_DESKTOP_LIBRARIES,
    OPTIONAL_PACKAGES,
    keep_data_file,
    keep_qt_plugin,
)

from zwk_desktop.licences.distributions import normalize, runtime_closure

TocEntry = tuple[str, str, str]
"""PyInstaller's table-of-contents entry: (name in the bundle, source path, type code)."""


def _installed(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):
        return False


def top_level_modules(dist: importlib.metadata.Distribution) -> set[str]:
    """The importable top-level names a distribution installs."""
    listed = dist.read_text("top_level.txt")
    if listed:
        return {line.strip() for line in listed.splitlines() if line.strip().isidentifier()}
    names = set()
    for f in dist.files or []:
        first = f.parts[0]
        if first.endswith((".dist-info", ".data")) or first in ("..", "__pycache__"):
            continue
        if len(f.parts) > 1 or first.endswith(".py"):
            names.add(first.removesuffix(".py"))
        elif first.endswith((".so", ".pyd")):
            names.add(first.split(".", 1)[0])
    return {n for n in names if n.isidentifier()}


def development_modules(root: str = "zwk-desktop") -> list[str]:
    """Top-level modules of installed distributions the program does not need at run time
    (test, lint and build tools and what they pulled in). Libraries import some of them
    optionally (pydantic pretty-prints with rich if present): they stay out of the bundle."""
    runtime = runtime_closure(root)
    needed = {normalize(str(d.metadata["Name"])) for d in runtime}
    needed_modules = set().union(*(top_level_modules(d) for d in runtime))
    # PyInstaller's own packages are never imported by the program; its bootstrap modules are
    # collected by their own names.
    needed |= {"pyinstaller", "pyinstaller-hooks-contrib"}
    unneeded: set[str] = set()
    for dist in importlib.metadata.distributions():
        if normalize(str(dist.metadata["Name"])) not in needed:
            unneeded |= top_level_modules(dist)
    return sorted(unneeded - needed_modules)


def optional_collection() -> tuple[list[str], list[tuple[str, str]]]:
    """Hidden imports and data files of the optional packages installed right now."""
    from PyInstaller.utils.hooks import collect_data_files, collect_submodules, copy_metadata

    hidden: list[str] = []
    datas: list[tuple[str, str]] = []
    for package in OPTIONAL_PACKAGES:
        if not _installed(package.name):
            continue
        skip = package.skip_submodules

        def wanted(name: str, skip: tuple[str, ...] = skip) -> bool:
            return not any(name == s or name.startswith(s + ".") for s in skip)

        for root in package.submodules:
            if _installed(root):
                hidden += collect_submodules(root, filter=wanted)
        for dist in package.metadata:
            try:
                datas += copy_metadata(dist)
            except importlib.metadata.PackageNotFoundError:
                continue
        if package.data:
            datas += collect_data_files(package.name, excludes=["**/tests/**", "**/__pycache__"])
    return hidden, datas


def _is_qt_plugin(dest: str) -> bool:
    """PySide6/Qt/plugins/... (Linux, macOS wheels) or PySide6/plugins/... (Windows)."""
    path = dest.replace("\\", "/")
    return path.startswith("PySide6/") and "/plugins/" in path


def filter_binaries(entries: Iterable[TocEntry], linux: bool) -> list[TocEntry]:
    """Drop `EXCLUDED_BINARIES`, on Linux the `LINUX_DESKTOP_LIBRARIES`, and the Qt plugins
    that are not kept (those of hooks other than QtGui's, whose override already filtered
    before PyInstaller followed their dependencies)."""
    kept = []
    for dest, src, typecode in entries:
        folder, _, filename = dest.replace("\\", "/").rpartition("/")
        if filename.lower() in EXCLUDED_BINARIES:
            continue
        if linux and not folder and LINUX_DESKTOP_LIBRARIES.match(filename):
            continue
        if _is_qt_plugin(dest) and not keep_qt_plugin(folder, filename):
            continue
        kept.append((dest, src, typecode))
    return kept


def filter_datas(entries: Iterable[TocEntry]) -> list[TocEntry]:
    """Drop Qt translations and babel locales of languages the program does not offer."""
    return [entry for entry in entries if keep_data_file(entry[0])]


PYTHON_OPTIONS = [("X utf8_mode=1", None, "OPTION")]
"""Interpreter options of the bundled executables: Python's UTF-8 mode, so that output
redirected or piped on Windows is UTF-8, not the ANSI code page (cp1252)."""

FILE_DESCRIPTION = "ZWK Desktop"


def version_strings(version: str, exe_name: str, company: str, copyright: str) -> dict[str, str]:
    """The strings of a Windows executable's version resource."""
    return {
        "CompanyName": company,
        "FileDescription": FILE_DESCRIPTION,
        "FileVersion": version,
        "InternalName": exe_name.removesuffix(".exe"),
        "LegalCopyright": copyright,
        "OriginalFilename": exe_name,
        "ProductName": "ZWK Desktop",
        "ProductVersion": version,
    }


def windows_version_info(version: str, exe_name: str, company: str, copyright: str) -> Any:
    """The version resource of a Windows executable (Explorer's file properties, Task Manager,
    AppLocker's publisher rules): its own OriginalFilename, the short description."""
    from PyInstaller.utils.win32.versioninfo import (
        FixedFileInfo,
        StringFileInfo,
        StringStruct,
        StringTable,
        VarFileInfo,
        VarStruct,
        VSVersionInfo,
    )

    numbers = [int(n) for n in re.findall(r"\d+", version)[:4]]
    numbers += [0] * (4 - len(numbers))
    quad = tuple(numbers)
    german_unicode = "040704B0"  # language 0x0407 (German, Germany), code page 1200 (UTF-16)
    strings = version_strings(version, exe_name, company, copyright)
    return VSVersionInfo(
        ffi=FixedFileInfo(
            filevers=quad,
            prodvers=quad,
            mask=0x3F,
            flags=0x0,
            OS=0x40004,  # Windows NT, 32-bit Windows API
            fileType=0x1,  # application
            subtype=0x0,
            date=(0, 0),
        ),
        kids=[
            StringFileInfo(
                [StringTable(german_unicode, [StringStruct(k, v) for k, v in strings.items()])]
            ),
            VarFileInfo([VarStruct("Translation", [0x0407, 1200])]),
        ],
    )
