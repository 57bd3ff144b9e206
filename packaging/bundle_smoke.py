"""Smoke test of a built ZWK Desktop bundle: runs every step of `STEPS` against the bundle's own
executables, with the network cut off, and fails if any step fails.

    python packaging/bundle_smoke.py dist/zwk-desktop                  # a bundle folder
    python packaging/bundle_smoke.py dist/zwk-desktop-0.1.0-linux-x86_64.tar.gz  # its archive
    python packaging/bundle_smoke.py --command .venv/bin/zwk-desktop   # any command, e.g. the venv

An archive (.tar.gz, .zip) is unpacked into a temporary folder first, so the test also proves
that the archive is complete.

Every step runs in a fresh temporary home (data folder, XDG folders, HOME, APPDATA), with
``QT_QPA_PLATFORM=offscreen`` and the program's network guard on (``ZWK_NETWORK_GUARD=1``: any
network access fails and is reported on stderr, which fails the step). On Linux the steps also
run in a network namespace without any network (``unshare -n``) when the system allows it;
``--require-netns`` makes that mandatory (CI).

Steps are data. An argument may contain placeholders:
``{tmp}`` the step run's scratch folder (shared by all steps of one run, so a step can use what
an earlier one wrote), ``{examples}`` the bundle's example folder, ``{glob:PATTERN}`` the one
path matching PATTERN (after the other placeholders are filled in; no or several matches fail
the step).
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from zwk_desktop import __version__  # noqa: E402
from zwk_desktop.app import QUIT_AFTER_START  # noqa: E402
from zwk_desktop.netguard import ENV_VAR as NETWORK_GUARD  # noqa: E402
from zwk_desktop.netguard import MARKER as NETWORK_MARKER  # noqa: E402

EXAMPLES = sorted(p.name for p in (ROOT / "examples").glob("*.zwk"))


@dataclass(frozen=True)
class Step:
    """One run of the program and what it must do."""

    name: str
    args: tuple[str, ...]
    exit_code: int = 0
    stdout_contains: tuple[str, ...] = ()
    stdout_is_json: bool = False
    creates: tuple[str, ...] = ()
    """Paths (with placeholders) that must exist after the step."""
    stdin: str = ""
    """Text fed to the program's standard input (e.g. a passphrase for ``--passphrase-stdin``)."""
    gui: bool = False
    """Start the desktop program (its windowed executable) with ``ZWK_QUIT_AFTER_START=1``:
    exit code 0 means the main window was shown and every window closed again."""
    timeout_s: float = 120
    env: tuple[tuple[str, str | None], ...] = ()
    """Changes to the isolated environment: a value, or None to remove the variable."""
    bundle_only: bool = False
    """Checks a property of the built executables (not of a ``--command`` such as the venv)."""


def _validate_examples() -> list[Step]:
    return [
        Step(
            f"validate {name}",
            ("validate", f"{{examples}}/{name}"),
            stdout_contains=("keine Fehler",),
        )
        for name in EXAMPLES
    ]


STEPS: list[Step] = [
    Step("--version", ("--version",), stdout_contains=(f"ZWK Desktop {__version__}",)),
    *_validate_examples(),
    Step("schema", ("schema",), stdout_is_json=True, stdout_contains=('"$defs"',)),
    Step(
        "new",
        ("new", "--out", "{tmp}/neu.zwk"),
        stdout_contains=("Leerer Entwurf geschrieben",),
        creates=("{tmp}/neu.zwk",),
    ),
    Step("validate (leerer Entwurf hat Fehler)", ("validate", "{tmp}/neu.zwk"), exit_code=1),
    Step(
        "about (Lizenzliste des Bundles)",
        ("about",),
        stdout_contains=("Python", "Qt", "LGPL-3.0-only", "PySide6", "pydantic", "PyYAML"),
    ),
    Step(
        "UTF-8-Modus (Ausgabe umgeleitet, Gebietsschema C, ohne PYTHONIOENCODING)",
        ("gemeinde", "Müncheberg"),
        stdout_contains=("Müncheberg",),
        bundle_only=True,
        env=(
            ("PYTHONIOENCODING", None),
            ("LC_ALL", "C"),
            ("LANG", "C"),
            ("PYTHONCOERCECLOCALE", "0"),
        ),
    ),
    Step("GUI startet offscreen und beendet sich", (), gui=True),
]
"""The smoke test. Add a step here when a command lands (see packaging/README.md)."""

PASSPHRASE = "rauchtest-passphrase\n"  # without a keyring the program reads it from stdin
IDENTITY = ("--name", "Katrin Wendland", "--funktion", "Bürgermeisterin")
"""The signatory named in the example: only she may sign it (issue 11)."""
KOMMUNE = ("--kommune", "Gemeinde Lindenhagen am See")
EMAIL = ("--email", "buergermeisterin@lindenhagen.example")
PACKAGE = "{glob:{tmp}/export/ZWK-Bewerbung_*/}"
EXPORT_STEPS = [
    Step(
        "identity create",
        ("identity", "create", *IDENTITY, *KOMMUNE, *EMAIL, "--passphrase-stdin"),
        stdin=PASSPHRASE,
    ),
    Step(
        "export gemeinde-lindenhagen.zwk",
        (
            "export",
            "{examples}/gemeinde-lindenhagen.zwk",
            "--out",
            "{tmp}/export",
            "--accept-warnings",
            "Rauchtest: fiktive Beispielkommune",
            "--passphrase-stdin",
        ),
        stdin=PASSPHRASE,
        creates=(PACKAGE, "{glob:{tmp}/export/*.eml}"),
    ),
    Step("verify (Paketordner)", ("verify", PACKAGE)),
    Step("verify (E-Mail)", ("verify", "{glob:{tmp}/export/*.eml}")),
    Step(
        "posteingang (zwei Prüfprozesse, Excel-Mappe)",
        ("posteingang", "{tmp}/export", "--jobs", "2", "--json", "--xlsx", "{tmp}/eingang.xlsx"),
        stdout_is_json=True,
        stdout_contains=('"status": "g\\u00fcltig"', '"ags": "12073999"'),
        creates=("{tmp}/eingang.xlsx",),
    ),
    Step("identity delete", ("identity", "delete", "Katrin Wendland")),
]
"""The export side (issue 5): a signed package of an example, checked by the bundle itself.
The example's AGS is fictitious, so its ags_unknown warning is accepted with a reason."""
STEPS[-1:-1] = EXPORT_STEPS  # before the GUI step

PAPER_PACKAGE = "{glob:{tmp}/papier/ZWK-Bewerbung_*/}"
CARD_AND_PAPER_STEPS = [
    Step(
        # A file that is no PKCS#11 module: the bundled python-pkcs11 extension must load and
        # report that (an ImportError would name itself instead).
        "identity tokens (PKCS#11-Anbindung im Bundle)",
        ("identity", "tokens", "--module", "{examples}/gemeinde-lindenhagen.zwk"),
        stdout_contains=("lässt sich nicht laden (PKCS11Error)",),
    ),
    Step(
        "export --papier (Druckfassung zur Unterschrift mit QR-Code)",
        (
            "export",
            "{examples}/gemeinde-lindenhagen.zwk",
            "--out",
            "{tmp}/papier",
            "--accept-warnings",
            "Rauchtest: fiktive Beispielkommune",
            "--papier",
        ),
        stdout_contains=("Prüfcode (QR-Code): ZWK1;",),
        creates=(PAPER_PACKAGE,),
    ),
    Step(
        "verify (Papierweg ohne Prüfcode: nicht bestätigt)",
        ("verify", PAPER_PACKAGE),
        exit_code=1,
        stdout_contains=("NICHT BESTÄTIGT",),
    ),
]
"""Signature cards and the paper path (issue 17)."""
STEPS[-1:-1] = CARD_AND_PAPER_STEPS


@dataclass
class Outcome:
    step: Step
    seconds: float
    problems: list[str] = field(default_factory=list)
    stdout: str = ""
    stderr: str = ""


@dataclass(frozen=True)
class Target:
    """The program under test: the command for the commands and the one for the window."""

    cli: tuple[str, ...]
    gui: tuple[str, ...]
    examples: Path
    is_bundle: bool = False

    @staticmethod
    def bundle(folder: Path) -> Target:
        folder = folder.absolute()  # the steps run in a scratch folder
        if sys.platform == "win32":
            cli, gui = folder / "zwk-desktop-cli.exe", folder / "zwk-desktop.exe"
        else:
            cli = gui = folder / "zwk-desktop"
        for exe in {cli, gui}:
            if not exe.is_file():
                raise SystemExit(f"Im Bundle {folder} fehlt das Programm {exe.name}.")
        internal = folder / "_internal"
        examples = (internal if internal.is_dir() else folder) / "examples"
        return Target((str(cli),), (str(gui),), examples, is_bundle=True)


def unpack(archive: Path, into: Path) -> Path:
    """Unpack a bundle archive; returns the bundle folder (the archive's single top folder)."""
    if archive.suffix == ".zip":
        with zipfile.ZipFile(archive) as z:
            z.extractall(into)
    else:
        with tarfile.open(archive) as tar:
            tar.extractall(into, filter="tar")
    tops = [p for p in into.iterdir() if p.is_dir()]
    if len(tops) != 1:
        raise SystemExit(f"{archive} enthält nicht genau einen Bundle-Ordner.")
    return tops[0]


class PlaceholderError(ValueError):
    pass


def expand(arg: str, tmp: Path, examples: Path) -> str:
    value = arg.replace("{tmp}", str(tmp)).replace("{examples}", str(examples))
    m = re.fullmatch(r"\{glob:(.+)\}", value)
    if not m:
        return value
    matches = sorted(glob.glob(m.group(1)))
    if len(matches) != 1:
        raise PlaceholderError(
            f"„{m.group(1)}“ passt auf {len(matches)} Pfade statt auf genau einen"
            + (f": {', '.join(matches)}" if matches else "")
        )
    return matches[0]


def isolated_environment(home: Path) -> dict[str, str]:
    """The environment of every step: fresh user folders (and ``ZWK_DATA_DIR`` in them), headless
    Qt, network guard on, no D-Bus session and keyring's fail backend, so that no step reaches
    the keyring of whoever runs it (Secret Service, Windows Credential Manager); the program then
    works without a keyring, as on a PC that has none."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("ZWK_", "XDG_", "PYTHON_KEYRING")) and k != "DBUS_SESSION_BUS_ADDRESS"
    }
    folders = {
        "HOME": home,
        "USERPROFILE": home,
        "APPDATA": home / "AppData" / "Roaming",
        "LOCALAPPDATA": home / "AppData" / "Local",
        "XDG_DATA_HOME": home / ".local" / "share",
        "XDG_CONFIG_HOME": home / ".config",
        "XDG_CACHE_HOME": home / ".cache",
        "XDG_STATE_HOME": home / ".local" / "state",
    }
    for name, path in folders.items():
        path.mkdir(parents=True, exist_ok=True)
        env[name] = str(path)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env[NETWORK_GUARD] = "1"
    env["PYTHONIOENCODING"] = "utf-8"
    env["ZWK_DATA_DIR"] = str(home / "zwk-daten")
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    return env


def network_namespace_prefix() -> list[str] | None:
    """``unshare -n`` (or, for a normal user, ``unshare -rn``) if this system allows it."""
    if not sys.platform.startswith("linux") or shutil.which("unshare") is None:
        return None
    prefix = ["unshare", "-n"] if os.geteuid() == 0 else ["unshare", "-rn"]
    try:
        ok = subprocess.run([*prefix, "true"], capture_output=True, timeout=10).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        ok = False
    return [*prefix, "--"] if ok else None


def run_step(step: Step, target: Target, tmp: Path, prefix: Sequence[str]) -> Outcome:
    start = time.monotonic()
    outcome = Outcome(step, 0.0)
    try:
        args = [expand(a, tmp, target.examples) for a in step.args]
    except PlaceholderError as exc:
        outcome.problems.append(str(exc))
        return outcome
    env = isolated_environment(tmp / "home")
    if step.gui:
        env[QUIT_AFTER_START] = "1"
    for name, value in step.env:
        if value is None:
            env.pop(name, None)
        else:
            env[name] = value
    command = [*prefix, *(target.gui if step.gui else target.cli), *args]
    try:
        done = subprocess.run(
            command,
            cwd=tmp,
            env=env,
            capture_output=True,
            input=step.stdin,
            timeout=step.timeout_s,
            text=True,
            encoding="utf-8",
            errors="replace",
        )
    except subprocess.TimeoutExpired:
        outcome.seconds = time.monotonic() - start
        outcome.problems.append(f"nach {step.timeout_s:.0f} s nicht beendet")
        return outcome
    outcome.seconds = time.monotonic() - start
    outcome.stdout, outcome.stderr = done.stdout or "", done.stderr or ""
    outcome.problems += check(step, done.returncode, outcome.stdout, outcome.stderr, tmp, target)
    return outcome


def check(step: Step, code: int, stdout: str, stderr: str, tmp: Path, target: Target) -> list[str]:
    problems = []
    if code != step.exit_code:
        problems.append(f"Exit-Code {code} statt {step.exit_code}")
    for text in step.stdout_contains:
        if text not in stdout:
            problems.append(f"„{text}“ fehlt in der Ausgabe")
    if step.stdout_is_json:
        try:
            json.loads(stdout)
        except ValueError as exc:
            problems.append(f"Ausgabe ist kein JSON ({exc})")
    for path in step.creates:
        try:
            if not Path(expand(path, tmp, target.examples)).exists():
                problems.append(f"{path} wurde nicht angelegt")
        except PlaceholderError as exc:
            problems.append(f"nicht angelegt: {exc}")
    if NETWORK_MARKER in stderr:
        problems.append("das Programm hat versucht, das Netzwerk zu benutzen")
    if "Traceback (most recent call last)" in stderr:
        problems.append("unbehandelte Ausnahme (Traceback auf stderr)")
    return problems


def _tail(text: str, lines: int = 15) -> str:
    return "\n".join("      " + line for line in text.strip().splitlines()[-lines:])


def run(
    target: Target,
    steps: Sequence[Step],
    *,
    require_netns: bool,
    report: Callable[[str], None] = print,
) -> bool:
    prefix = network_namespace_prefix()
    if prefix is None:
        if require_netns:
            report("FEHLER: Das Netz lässt sich hier nicht abtrennen (unshare -n nicht erlaubt).")
            return False
        report("Hinweis: ohne Netz-Namensraum; die Netzwerksperre im Programm ist aktiv.")
    else:
        report("Alle Schritte laufen ohne Netzwerk (" + " ".join(prefix[:-1]) + ") und mit")
        report(f"der Netzwerksperre im Programm ({NETWORK_GUARD}=1).")
    failed = 0
    skipped = [s for s in steps if s.bundle_only and not target.is_bundle]
    steps = [s for s in steps if s not in skipped]
    for step in skipped:
        report(f"–      {step.name} (nur für das gebaute Bundle)")
    with tempfile.TemporaryDirectory(prefix="zwk-smoke-") as scratch:
        tmp = Path(scratch)
        for step in steps:
            outcome = run_step(step, target, tmp, prefix or [])
            mark = "ok    " if not outcome.problems else "FEHLER"
            report(f"{mark} {step.name} ({outcome.seconds:.2f} s)")
            if outcome.problems:
                failed += 1
                for problem in outcome.problems:
                    report(f"    - {problem}")
                if outcome.stdout.strip():
                    report("    stdout:\n" + _tail(outcome.stdout))
                if outcome.stderr.strip():
                    report("    stderr:\n" + _tail(outcome.stderr))
    report(
        f"Rauchtest: {len(steps) - failed} von {len(steps)} Schritten bestanden."
        if failed
        else f"Rauchtest bestanden: alle {len(steps)} Schritte."
    )
    return failed == 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "bundle", nargs="?", type=Path, help="der Bundle-Ordner oder sein Archiv (.tar.gz, .zip)"
    )
    parser.add_argument(
        "--command",
        nargs="+",
        help="stattdessen diesen Befehl prüfen (Befehle und Fenster), z. B. .venv/bin/zwk-desktop",
    )
    parser.add_argument(
        "--require-netns",
        action="store_true",
        help="fehlschlagen, wenn sich das Netz nicht per unshare -n abtrennen lässt",
    )
    args = parser.parse_args(argv)
    if args.command:
        program = shutil.which(args.command[0]) or args.command[0]
        command = (str(Path(program).absolute()), *args.command[1:])
        target = Target(command, command, ROOT / "examples")
    elif args.bundle and args.bundle.is_file():
        with tempfile.TemporaryDirectory(prefix="zwk-bundle-") as folder:
            print(f"Entpacke {args.bundle} …", flush=True)
            target = Target.bundle(unpack(args.bundle, Path(folder)))
            return 0 if run(target, STEPS, require_netns=args.require_netns) else 1
    elif args.bundle:
        target = Target.bundle(args.bundle)
    else:
        parser.error("bitte den Bundle-Ordner, sein Archiv oder --command angeben")
    return 0 if run(target, STEPS, require_netns=args.require_netns) else 1


if __name__ == "__main__":
    sys.exit(main())
