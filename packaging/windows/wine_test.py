"""``make installer-test``: the real NSIS installer, run under Wine as IT would deploy it.

The Windows bundle cannot be built on Linux, so the installer is built around a stand-in payload:
a tiny ``zwk-desktop.exe`` (and ``zwk-desktop-cli.exe``) compiled here with Debian's mingw-w64
(``standin.c``) that holds the program's named mutex while it runs, and an ``_internal`` folder
that names its version. Two installers (an older and the current version) are built from
``zwk-desktop.nsi`` exactly as for Windows, except for NSIS' 64-bit target (Debian's Wine runs
64-bit programs only, without the i386 architecture). In a fresh Wine prefix it checks:

  1. silent install per user: files in %LOCALAPPDATA%\\Programs\\ZWK Desktop, the .zwk
     association, the Start-menu entry and the uninstall entry under HKCU
  2. silent upgrade over the older version: every file of the new version, none of the old
  3. the running program (a process holding the mutex): the installer and the uninstaller end
     with exit code 3 and change nothing
  4. silent uninstall: program, entry and association gone, the user's data kept
  5. uninstall with /PURGE: the data folder gone too
  6. /ALLUSERS: Program Files, HKLM, the Start menu of all users; and its uninstall

Where Wine, NSIS or mingw-w64 are missing it says so and stops with exit code 0 (a developer's
machine without them); under CI (``CI=true``) that is an error. The Makefile installs them from
Debian when it runs as root.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(ROOT))

import bundle_build  # noqa: E402

from zwk_desktop import __version__  # noqa: E402
from zwk_desktop.services.instance import MUTEX_NAME  # noqa: E402

OLD_VERSION = "0.0.9"
TARGET = "amd64-unicode"
TOOLS = {"wine": "wine", "wineserver": "wineserver", "makensis": "nsis"}
COMPILER = "x86_64-w64-mingw32-gcc"
APP = "ZWK Desktop"
PROG_ID = "ZWKDesktop.Entwurf"
UNINST_KEY = r"Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\ZWK-Desktop"
EXIT_RUNNING = 3


class Failed(Exception):
    pass


def expect(condition: bool, message: str) -> None:
    if not condition:
        raise Failed(message)


@dataclass
class Wine:
    """A fresh Wine prefix and the commands run in it."""

    prefix: Path
    env: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.env = {
            **os.environ,
            "WINEPREFIX": str(self.prefix),
            "WINEDEBUG": "-all",
            # no Mono/Gecko downloads, no menu entries on the host's desktop
            "WINEDLLOVERRIDES": "mscoree,mshtml=;winemenubuilder.exe=d",
            "WINEARCH": "win64",
            "DISPLAY": "",
        }

    def run(self, *args: str, timeout: float = 120) -> int:
        done = subprocess.run(
            ["wine", *args], env=self.env, capture_output=True, timeout=timeout, check=False
        )
        return done.returncode

    def start(self, *args: str) -> subprocess.Popen[bytes]:
        return subprocess.Popen(
            ["wine", *args], env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )

    def wait(self, timeout: float = 120) -> None:
        """Wait until every process of the prefix has ended (and the registry is written)."""
        subprocess.run(["wineserver", "-w"], env=self.env, timeout=timeout, check=False)

    def kill(self) -> None:
        subprocess.run(["wineserver", "-k"], env=self.env, timeout=60, check=False)

    @property
    def c(self) -> Path:
        return self.prefix / "drive_c"

    @property
    def home(self) -> Path:
        users = [p for p in (self.c / "users").iterdir() if p.name != "Public"]
        expect(len(users) == 1, f"kein eindeutiger Benutzerordner in {self.c / 'users'}")
        return users[0]

    def windows_path(self, path: Path) -> str:
        return "C:\\" + str(path.relative_to(self.c)).replace("/", "\\")

    def registry(self, hive: str) -> str:
        return (self.prefix / hive).read_text(encoding="utf-8", errors="replace")


def has_key(reg: str, key: str) -> bool:
    return f"[{key}]" in reg


def value_of(reg: str, key: str, name: str = "@") -> str | None:
    """A string value of a key in Wine's .reg text (``@`` is the default value)."""
    start = reg.find(f"[{key}]")
    if start < 0:
        return None
    end = reg.find("\n[", start + 1)
    block = reg[start : end if end > 0 else len(reg)]
    wanted = "@=" if name == "@" else f'"{name}"='
    for line in block.splitlines():
        if line.startswith(wanted):
            raw = line[len(wanted) :].strip()
            if raw.startswith('"') and raw.endswith('"'):
                raw = raw[1:-1]
            return re.sub(r"\\(.)", r"\1", raw)  # Wine escapes \ and " with a backslash
    return None


# ------------------------------------------------------------------------------------- payload


def build_standin(out: Path, version: str) -> Path:
    subprocess.run(
        [COMPILER, "-municode", "-O2", "-s", f'-DVERSION="{version}"', "-o", str(out),
         str(HERE / "standin.c")],
        check=True,
    )  # fmt: skip
    return out


def build_payload(folder: Path, version: str) -> Path:
    """A bundle folder as the installer expects it, with stand-in executables."""
    shutil.rmtree(folder, ignore_errors=True)
    (folder / "_internal" / "daten").mkdir(parents=True)
    exe = build_standin(folder / "zwk-desktop.exe", version)
    shutil.copy2(exe, folder / "zwk-desktop-cli.exe")
    (folder / "_internal" / f"version-{version}.txt").write_text(version, encoding="utf-8")
    (folder / "_internal" / "daten" / "Übersicht.txt").write_text(version, encoding="utf-8")
    return folder


def build_installers(work: Path) -> dict[str, Path]:
    installers = {}
    for version in (OLD_VERSION, __version__):
        payload = build_payload(work / f"payload-{version}", version)
        out = work / f"ZWK-Desktop-Setup-{version}.exe"
        bundle_build.build_installer(payload, out, check_only=False, version=version, target=TARGET)
        installers[version] = out
    return installers


# ------------------------------------------------------------------------------------- steps


@dataclass
class Context:
    wine: Wine
    installers: dict[str, Path]
    work: Path

    @property
    def install_dir(self) -> Path:
        return self.wine.home / "AppData" / "Local" / "Programs" / APP

    @property
    def data_dir(self) -> Path:
        return self.wine.home / "AppData" / "Local" / "ZWK" / "ZWK-Desktop"

    @property
    def shortcut(self) -> Path:
        start_menu = "AppData/Roaming/Microsoft/Windows/Start Menu/Programs"
        return self.wine.home / start_menu / f"{APP}.lnk"

    def setup(self, version: str, *args: str) -> int:
        code = self.wine.run(str(self.installers[version]), "/S", *args)
        self.wine.wait()
        return code

    def uninstall(self, folder: Path, *args: str) -> None:
        # The uninstaller copies itself to %TEMP% and returns at once: wait for its copy.
        self.wine.run(str(folder / "uninstall.exe"), "/S", *args)
        self.wine.wait()

    def uninstall_in_place(self, folder: Path) -> int:
        """Run the uninstaller in place (``_?=``) and return its own exit code. ``_?=`` must
        not be quoted, so it goes through a batch file."""
        bat = self.wine.c / "deinstallieren.bat"
        exe = self.wine.windows_path(folder / "uninstall.exe")
        bat.write_text(
            f'@"{exe}" /S _?={self.wine.windows_path(folder)}\r\n@exit /b %errorlevel%\r\n',
            encoding="utf-8",
        )
        return self.wine.run("cmd", "/c", "C:\\deinstallieren.bat")

    def files(self, folder: Path) -> dict[str, bytes]:
        return {
            p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*"))
            if p.is_file()
        }


def payload_files(ctx: Context, version: str) -> dict[str, bytes]:
    return ctx.files(ctx.work / f"payload-{version}")


def check_installed(ctx: Context, version: str, folder: Path) -> None:
    installed = ctx.files(folder)
    for name, content in payload_files(ctx, version).items():
        expect(installed.get(name) == content, f"{name} fehlt oder ist nicht die Version {version}")
    stale = [n for n in installed if n.startswith("_internal/") and version not in n]
    stale = [n for n in stale if not n.startswith("_internal/daten/")]
    expect(not stale, f"Dateien einer anderen Version übrig: {stale}")
    expect("uninstall.exe" in installed, "uninstall.exe fehlt")


def step_install(ctx: Context) -> None:
    expect(ctx.setup(OLD_VERSION) == 0, "Installation endete nicht mit Exit-Code 0")
    check_installed(ctx, OLD_VERSION, ctx.install_dir)
    expect(ctx.shortcut.is_file(), f"Startmenü-Eintrag fehlt: {ctx.shortcut}")
    reg = ctx.wine.registry("user.reg")
    expect(value_of(reg, r"Software\\Classes\\.zwk") == PROG_ID, ".zwk ist nicht zugeordnet")
    command = value_of(reg, rf"Software\\Classes\\{PROG_ID}\\shell\\open\\command") or ""
    expected = f'"{ctx.wine.windows_path(ctx.install_dir)}\\zwk-desktop.exe" "%1"'
    expect(command.lower() == expected.lower(), f"Öffnen-Befehl falsch: {command}")
    expect(
        value_of(reg, UNINST_KEY, "DisplayVersion") == OLD_VERSION,
        "Eintrag in Apps & Features fehlt",
    )
    expect(
        "/S" in (value_of(reg, UNINST_KEY, "QuietUninstallString") or ""),
        "QuietUninstallString fehlt",
    )
    system = ctx.wine.registry("system.reg")
    expect(
        not has_key(system, rf"Software\\Classes\\{PROG_ID}"), "pro Benutzer, aber HKLM geschrieben"
    )


def step_upgrade(ctx: Context) -> None:
    expect(ctx.setup(__version__) == 0, "Aktualisierung endete nicht mit Exit-Code 0")
    check_installed(ctx, __version__, ctx.install_dir)
    reg = ctx.wine.registry("user.reg")
    expect(value_of(reg, UNINST_KEY, "DisplayVersion") == __version__, "Version im Eintrag alt")


def step_running(ctx: Context) -> None:
    stop, ready = ctx.wine.c / "zwk-stop", ctx.wine.c / "zwk-laeuft"
    stop.unlink(missing_ok=True)
    ready.unlink(missing_ok=True)
    before = ctx.files(ctx.install_dir)
    program = ctx.wine.start(
        str(ctx.install_dir / "zwk-desktop.exe"), "C:\\zwk-stop", "C:\\zwk-laeuft"
    )
    try:
        deadline = time.monotonic() + 60
        while not ready.exists():
            expect(
                time.monotonic() < deadline, f"der Platzhalter hält den Mutex {MUTEX_NAME} nicht"
            )
            time.sleep(0.1)
        code = ctx.wine.run(str(ctx.installers[OLD_VERSION]), "/S")
        expect(code == EXIT_RUNNING, f"Installer bei laufendem Programm: Exit-Code {code} statt 3")
        expect(
            ctx.files(ctx.install_dir) == before,
            "Installer hat trotz laufendem Programm Dateien geändert",
        )
        code = ctx.uninstall_in_place(ctx.install_dir)
        expect(
            code == EXIT_RUNNING, f"Deinstallation bei laufendem Programm: Exit-Code {code} statt 3"
        )
        expect(
            ctx.files(ctx.install_dir) == before,
            "Deinstallation hat trotz laufendem Programm Dateien entfernt",
        )
    finally:
        stop.write_text("", encoding="utf-8")
        program.wait(timeout=60)
        ctx.wine.wait()


def step_uninstall_keeps_data(ctx: Context) -> None:
    ctx.data_dir.mkdir(parents=True, exist_ok=True)
    draft = ctx.data_dir / "entwuerfe.sqlite3"
    draft.write_bytes(b"SQLite format 3\x00")
    ctx.uninstall(ctx.install_dir)
    expect(
        not ctx.install_dir.exists(),
        f"Programmordner nach der Deinstallation noch da: {sorted(ctx.files(ctx.install_dir))}",
    )
    expect(not ctx.shortcut.exists(), "Startmenü-Eintrag nach der Deinstallation noch da")
    reg = ctx.wine.registry("user.reg")
    expect(not has_key(reg, rf"Software\\Classes\\{PROG_ID}"), "Dateizuordnung noch da")
    expect(not has_key(reg, UNINST_KEY), "Eintrag in Apps & Features noch da")
    expect(draft.is_file(), "die Deinstallation hat die Entwürfe gelöscht")


def step_purge(ctx: Context) -> None:
    expect(ctx.setup(__version__) == 0, "erneute Installation fehlgeschlagen")
    ctx.uninstall(ctx.install_dir, "/PURGE")
    expect(not ctx.install_dir.exists(), "Programmordner nach /PURGE noch da")
    expect(not ctx.data_dir.exists(), "/PURGE hat den Datenordner nicht gelöscht")


def ini_text(path: Path) -> str:
    raw = path.read_bytes()
    return raw.decode("utf-16") if raw[:2] in (b"\xff\xfe", b"\xfe\xff") else raw.decode("latin-1")


def step_all_users(ctx: Context) -> None:
    folder = ctx.wine.c / "Program Files" / APP
    expect(
        ctx.setup(__version__, "/ALLUSERS") == 0, "Installation für alle Benutzer fehlgeschlagen"
    )
    check_installed(ctx, __version__, folder)
    expect(ini_text(folder / "installation.ini").count("Modus=alle") == 1, "Modus „alle“ fehlt")
    shortcut = ctx.wine.c / "ProgramData/Microsoft/Windows/Start Menu/Programs" / f"{APP}.lnk"
    expect(shortcut.is_file(), f"Startmenü-Eintrag für alle fehlt: {shortcut}")
    system = ctx.wine.registry("system.reg")
    expect(
        value_of(system, r"Software\\Classes\\.zwk") == PROG_ID, ".zwk nicht unter HKLM zugeordnet"
    )
    expect(has_key(system, UNINST_KEY), "Eintrag in Apps & Features (HKLM) fehlt")
    expect(not ctx.install_dir.exists(), "für alle Benutzer, aber ins Benutzerprofil installiert")
    ctx.uninstall(folder)
    expect(
        not folder.exists(), "Programmordner unter Program Files nach der Deinstallation noch da"
    )
    system = ctx.wine.registry("system.reg")
    expect(not has_key(system, UNINST_KEY), "HKLM-Eintrag nach der Deinstallation noch da")
    expect(not shortcut.exists(), "Startmenü-Eintrag für alle nach der Deinstallation noch da")


STEPS: list[tuple[str, Callable[[Context], None]]] = [
    ("Installation pro Benutzer, still (/S)", step_install),
    ("Aktualisierung über die ältere Version, still", step_upgrade),
    ("Programm läuft (Mutex): Installer und Deinstallation enden mit 3", step_running),
    ("Deinstallation, still: Daten bleiben", step_uninstall_keeps_data),
    ("Deinstallation mit /PURGE: Daten gelöscht", step_purge),
    ("Installation für alle Benutzer (/ALLUSERS) und Deinstallation", step_all_users),
]


def missing_tools() -> list[str]:
    missing = [package for tool, package in TOOLS.items() if shutil.which(tool) is None]
    if shutil.which(COMPILER) is None:
        missing.append("gcc-mingw-w64-x86-64-win32")
    return missing


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--work", type=Path, default=ROOT / "build" / "installer-test", help="Arbeitsordner"
    )
    args = parser.parse_args(argv)
    missing = missing_tools()
    if missing:
        text = f"Installer-Test: es fehlen die Debian-Pakete {', '.join(missing)}"
        if os.environ.get("CI"):
            print(f"FEHLER: {text}.")
            return 1
        print(f"{text}; der Test wird übersprungen (make installer-test installiert sie als root).")
        return 0
    started = time.monotonic()
    work = args.work.resolve()
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    installers = build_installers(work)
    # The prefix lives outside the checkout: its dosdevices/z: links to / (setuptools' package
    # search and other tools that walk the checkout would wander through the whole disk).
    prefix = Path(tempfile.mkdtemp(prefix="zwk-wine-"))
    wine = Wine(prefix)
    boot = time.monotonic()
    wine.run("wineboot", "--init", timeout=600)
    wine.wait(timeout=600)
    print(f"Wine-Präfix angelegt ({time.monotonic() - boot:.1f} s).", flush=True)
    ctx = Context(wine, installers, work)
    failed = 0
    try:
        for name, step in STEPS:
            begin = time.monotonic()
            try:
                step(ctx)
            except Exception as exc:  # every failure of a step is reported, the next one runs
                failed += 1
                print(f"FEHLER {name} ({time.monotonic() - begin:.1f} s)\n    - {exc}", flush=True)
                continue
            print(f"ok     {name} ({time.monotonic() - begin:.1f} s)", flush=True)
    finally:
        wine.kill()
        shutil.rmtree(prefix, ignore_errors=True)
    total = time.monotonic() - started
    passed = len(STEPS) - failed
    print(
        f"Installer-Test: {passed} von {len(STEPS)} Schritten bestanden ({total:.0f} s)."
        if failed
        else f"Installer-Test bestanden: alle {len(STEPS)} Schritte ({total:.0f} s)."
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
