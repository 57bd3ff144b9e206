"""Builds the ZWK Desktop bundle (PyInstaller, one folder) and its archive, and the bare PySide6
one-window bundle the figures compare with; prints and records their sizes.

    python packaging/bundle_build.py                    # make dist calls this, then the smoke test
    python packaging/bundle_build.py --installer        # Windows: also the installer (makensis)
    python packaging/bundle_build.py --installer-check  # Linux CI: compile the installer script

Outputs (all under the checkout):
  dist/zwk-desktop/                               the bundle (run dist/zwk-desktop/zwk-desktop)
  dist/zwk-desktop-<version>-<platform>.tar.gz    its archive (.zip on Windows)
  dist/bundle-sizes.json                          sizes of both bundles, for benchmarks
  dist/ZWK-Desktop-Setup-<version>.exe            the Windows installer (--installer)
  build/baseline/<key>/                           the bare bundle, cached

Building takes a minute of CPU, so both bundles are cached: a bundle is rebuilt only when
something it is built from changed (the program's files, the packaging files, the installed
distributions or Python). ``--force`` rebuilds anyway.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.metadata as md
import json
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import time
import zipfile
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

from bundle_config import APP_NAME, BASELINE_NAME, DATA_FOLDERS  # noqa: E402

from zwk_desktop import __version__  # noqa: E402

DIST = ROOT / "dist"
BUILD = ROOT / "build"
SPEC = HERE / "zwk-desktop.spec"
SIZES_FILE = DIST / "bundle-sizes.json"
NSIS_SCRIPT = HERE / "windows" / "zwk-desktop.nsi"
KEY_FILE = ".build-key"

# What each bundle is built from, besides the installed distributions and Python.
PACKAGING_INPUTS = ("packaging/*.py", "packaging/*.spec", "packaging/hooks/*.py")
APP_INPUTS = ("pyproject.toml", "zwk_desktop/**/*", *(f"{d}/**/*" for d in DATA_FOLDERS))
BASELINE_INPUTS = (*PACKAGING_INPUTS, "zwk_desktop/ui/window/startup_probe.py")


@dataclass(frozen=True)
class BundleSize:
    name: str
    folder: str
    archive: str
    unpacked_bytes: int
    archive_bytes: int
    file_count: int


def platform_tag() -> str:
    system = {"win32": "windows", "darwin": "macos"}.get(sys.platform, sys.platform)
    machine = platform.machine().lower().replace("amd64", "x86_64")
    return f"{system}-{machine}"


def _files(patterns: Iterable[str]) -> list[Path]:
    found: set[Path] = set()
    for pattern in patterns:
        found |= {p for p in ROOT.glob(pattern) if p.is_file() and "__pycache__" not in p.parts}
    return sorted(found)


def build_key(patterns: Iterable[str]) -> str:
    """Hash of everything a bundle is built from."""
    digest = hashlib.sha256()
    for path in _files(patterns):
        digest.update(path.relative_to(ROOT).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    dists = sorted(f"{d.metadata['Name']}=={d.version}" for d in md.distributions())
    digest.update("\n".join([sys.version, platform_tag(), *dists]).encode())
    return digest.hexdigest()[:16]


def run_pyinstaller(dist: Path, work: Path, baseline: bool) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("ZWK_BUNDLE_VARIANT", None)
    if baseline:
        env["ZWK_BUNDLE_VARIANT"] = "baseline"
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--log-level",
        "WARN",
        "--distpath",
        str(dist),
        "--workpath",
        str(work),
        str(SPEC),
    ]
    subprocess.run(command, check=True, env=env, cwd=ROOT)


def archive(folder: Path, target: Path) -> Path:
    """A .tar.gz (keeping the bundle's symbolic links) or, on Windows, a .zip of `folder`."""
    target.unlink(missing_ok=True)
    if target.suffix == ".zip":
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as z:
            for path in sorted(folder.rglob("*")):
                z.write(path, Path(folder.name) / path.relative_to(folder))
        return target
    with tarfile.open(target, "w:gz", compresslevel=6) as tar:
        tar.add(folder, arcname=folder.name, filter=_normalized)
    return target


def _normalized(info: tarfile.TarInfo) -> tarfile.TarInfo:
    info.uid = info.gid = 0
    info.uname = info.gname = ""
    return info


def measure(name: str, folder: Path, archive_path: Path) -> BundleSize:
    files = [p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()]
    return BundleSize(
        name=name,
        folder=str(folder),
        archive=str(archive_path),
        unpacked_bytes=sum(p.stat().st_size for p in files),
        archive_bytes=archive_path.stat().st_size,
        file_count=len(files),
    )


def _archive_name(name: str) -> str:
    suffix = ".zip" if sys.platform == "win32" else ".tar.gz"
    return f"{name}-{__version__}-{platform_tag()}{suffix}"


def build_app(force: bool = False) -> BundleSize:
    """The ZWK Desktop bundle in dist/, rebuilt only when its inputs changed."""
    folder = DIST / APP_NAME
    target = DIST / _archive_name(APP_NAME)
    key = build_key((*PACKAGING_INPUTS, *APP_INPUTS))
    stamp = folder / KEY_FILE
    if force or not target.is_file() or not stamp.is_file() or stamp.read_text() != key:
        print(f"Baue das Bundle {folder.relative_to(ROOT)} …", flush=True)
        started = time.monotonic()
        run_pyinstaller(DIST, BUILD / "pyinstaller", baseline=False)
        for old in DIST.glob(f"{APP_NAME}-*-{platform_tag()}.*"):
            old.unlink()  # archives of earlier versions: one archive per platform in dist/
        archive(folder, target)
        stamp.write_text(key)
        print(f"… fertig nach {time.monotonic() - started:.0f} s.", flush=True)
    else:
        print(f"Das Bundle {folder.relative_to(ROOT)} ist aktuell (Schlüssel {key}).")
    return measure(APP_NAME, folder, target)


def build_baseline(force: bool = False) -> BundleSize:
    """The bare one-window bundle, cached under build/baseline/<key>/."""
    key = build_key(BASELINE_INPUTS)
    home = BUILD / "baseline" / key
    folder = home / "dist" / BASELINE_NAME
    target = home / _archive_name(BASELINE_NAME)
    if force or not target.is_file():
        print("Baue das leere PySide6-Vergleichsbundle …", flush=True)
        if (BUILD / "baseline").is_dir():
            shutil.rmtree(BUILD / "baseline")  # older keys: never used again
        run_pyinstaller(home / "dist", home / "work", baseline=True)
        archive(folder, target)
    else:
        print(f"Das Vergleichsbundle ist aktuell (Schlüssel {key}).")
    return measure(BASELINE_NAME, folder, target)


def version_quad(version: str) -> str:
    """``0.1.0`` -> ``0.1.0.0`` (Windows version resources have four numbers)."""
    numbers = [n for n in version.replace("-", ".").split(".") if n.isdigit()][:4]
    return ".".join(numbers + ["0"] * (4 - len(numbers)))


def makensis() -> str:
    found = shutil.which("makensis")
    if found is None and sys.platform == "win32":
        for variable in ("PROGRAMFILES(X86)", "PROGRAMFILES"):  # case-insensitive on Windows
            candidate = Path(os.environ.get(variable, "C:/"), "NSIS", "makensis.exe")
            if candidate.is_file():
                found = str(candidate)
                break
    if found is None:
        raise SystemExit(
            "makensis fehlt: NSIS installieren (Debian: apt-get install nsis, Windows: "
            "https://nsis.sourceforge.io oder choco install nsis)."
        )
    return found


SIGN_COMMAND_VARIABLE = "ZWK_SIGN_COMMAND"
"""A code-signing command, e.g. ``signtool sign /fd SHA256 /f cert.pfx /p …`` (the file is
appended). When set (CI with a certificate in its secrets), the two executables, the installer
and the uninstaller are signed; see packaging/README.md."""


def sign_command() -> str | None:
    return os.environ.get(SIGN_COMMAND_VARIABLE) or None


def sign_executables(bundle: Path, command: str) -> list[Path]:
    """Sign the bundle's Windows executables before they are packed into the installer."""
    signed = sorted(bundle.glob("*.exe"))
    for exe in signed:
        subprocess.run(f'{command} "{exe}"', shell=True, check=True)
    return signed


def build_installer(
    bundle: Path,
    outfile: Path,
    *,
    check_only: bool,
    version: str = __version__,
    target: str | None = None,
    signing: str | None = None,
) -> Path:
    """Compile the NSIS script around `bundle`. `check_only` (Linux CI) compiles without
    compression, with warnings as errors, and deletes the result: the script is checked, the
    real installer needs the Windows bundle. `target` (e.g. ``amd64-unicode``) picks NSIS'
    target; `signing` a code-signing command for the installer and the uninstaller."""
    outfile.parent.mkdir(parents=True, exist_ok=True)
    command = [
        makensis(),
        "-V2",
        "-WX",
        "-INPUTCHARSET",
        "UTF8",
        f"-DVERSION={version}",
        f"-DVERSION_QUAD={version_quad(version)}",
        f"-DBUNDLE_DIR={bundle.resolve()}",
        f"-DOUTFILE={outfile.resolve()}",
    ]
    if target:
        command.append(f"-DTARGET={target}")
    if signing:
        command.append(f"-DSIGN_COMMAND={signing}")
    if check_only:
        command.append("-DNO_COMPRESSION")
    subprocess.run([*command, str(NSIS_SCRIPT)], check=True)
    if check_only:
        size = outfile.stat().st_size
        outfile.unlink()
        print(f"Installer-Skript übersetzt ({megabytes(size)} unkomprimiert, verworfen).")
    else:
        print(f"Installer gebaut: {outfile} ({megabytes(outfile.stat().st_size)}).")
    return outfile


def megabytes(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB"


def report(app: BundleSize, baseline: BundleSize) -> str:
    rows = [
        ("Bundle", "entpackt", "Archiv", "Dateien"),
        (
            app.name,
            megabytes(app.unpacked_bytes),
            megabytes(app.archive_bytes),
            str(app.file_count),
        ),
        (
            f"{baseline.name} (leeres PySide6-Fenster)",
            megabytes(baseline.unpacked_bytes),
            megabytes(baseline.archive_bytes),
            str(baseline.file_count),
        ),
    ]
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in rows]
    lines.append("Ziele: entpackt ≤ 200 MB, Archiv ≤ 80 MB (1 MB = 1.000.000 Bytes).")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--force", action="store_true", help="neu bauen, auch wenn aktuell")
    installer = parser.add_mutually_exclusive_group()
    installer.add_argument(
        "--installer", action="store_true", help="auch den Windows-Installer bauen (makensis)"
    )
    installer.add_argument(
        "--installer-check",
        action="store_true",
        help="nur das Installer-Skript übersetzen und prüfen (Linux-CI)",
    )
    args = parser.parse_args(argv)
    app = build_app(args.force)
    if args.installer_check:
        build_installer(Path(app.folder), BUILD / "installer-check" / "check.exe", check_only=True)
        return 0
    if args.installer:
        setup = DIST / f"ZWK-Desktop-Setup-{__version__}.exe"
        signing = sign_command()
        if signing:
            sign_executables(Path(app.folder), signing)
        build_installer(Path(app.folder), setup, check_only=False, signing=signing)
    baseline = build_baseline(args.force)
    SIZES_FILE.write_text(
        json.dumps({"app": asdict(app), "baseline": asdict(baseline)}, indent=2),
        encoding="utf-8",
    )
    print(report(app, baseline))
    return 0


if __name__ == "__main__":
    sys.exit(main())
