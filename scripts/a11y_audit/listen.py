#!/usr/bin/python3
"""What a real screen reader says (make a11y-listen, issue 14): Orca runs with a debug file
inside session.sh, the program is started on an example, and a scripted keyboard tour presses
real keys; for each step the words Orca spoke for it are printed (the "SPEECH OUTPUT" lines of
its debug file, without the rest of the debug noise). Run with Debian's system python3, which
has pyatspi:

    scripts/a11y_audit/session.sh /usr/bin/python3 scripts/a11y_audit/listen.py [FILE]

A step that fails is reported and the tour goes on. The preparation of a step (putting the
focus on the widget before the one listened to) is not printed, only what the step's own keys
made Orca say.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import pyatspi  # noqa: E402
from audit import ROOT, Program  # noqa: E402
from bus import Events, aid, find, has, key, name, pump, stop, wait_for, walk  # noqa: E402

EXAMPLE = ROOT / "examples" / "gemeinde-lindenhagen.zwk"
KEY_NAMES = {
    "Tab": "Tab",
    "Down": "↓",
    "Up": "↑",
    "Right": "→",
    "Left": "←",
    "space": "Leertaste",
    "Return": "Eingabe",
    "F8": "F8",
    "Shift": "Umschalt",
}
START = re.compile(r"^\S.* - SPEECH OUTPUT: '(.*)$")
CLOSED = re.compile(r"^(.*)'\s*(\{.*\})?\s*$")
NOTHING = "(nichts gesagt)"
ORCA = "/usr/bin/orca"
# Orca's own start script, with three changes: its debug file is line-buffered (Orca writes it
# block-buffered, so the last words of a step would stay in the buffer), and it neither looks
# for nor replaces other Orcas by process name: `orca --replace` kills every process named
# "orca" of the same user on the machine, also those of other sessions.
BOOT = f"""
import sys
g = {{"__name__": "orca_listen", "__file__": {ORCA!r}}}
with open({ORCA!r}) as f:
    exec(compile(f.read(), {ORCA!r}, "exec"), g)
g["otherOrcas"] = lambda: []
g["setProcessName"] = lambda name: None
g["open"] = lambda file, mode="r", *a, **k: open(file, mode, 1, *a[1:], **k)
sys.argv[0] = {ORCA!r}
sys.exit(g["main"]())
"""


class Orca:
    """Orca with a debug file; what it says is read from the file's SPEECH OUTPUT lines."""

    def __init__(self, debug_file: Path) -> None:
        self.file = debug_file
        env = dict(os.environ)
        # the messages of a German user's Orca (its own words: roles, states, counts); the
        # machine has no de_DE locale, Python's gettext reads LANGUAGE by itself
        env["LANGUAGE"] = os.environ.get("A11Y_ORCA_LANGUAGE", "de")
        self.log = open(debug_file.with_suffix(".err"), "w")  # noqa: SIM115
        self.proc = subprocess.Popen(
            [sys.executable, "-c", BOOT, f"--debug-file={debug_file}"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=self.log,
        )
        started = wait_for(lambda: self.said(0), 90, 0.2)
        if not started:
            raise SystemExit("Orca startete nicht (keine Sprachausgabe in der Debug-Datei).")
        self.settle(0)

    def mark(self) -> int:
        try:
            return self.file.stat().st_size
        except OSError:
            return 0

    def said(self, since: int) -> list[str]:
        """The strings Orca spoke after the file offset `since`."""
        try:
            with self.file.open("rb") as f:
                f.seek(since)
                text = f.read().decode("utf-8", errors="replace")
        except OSError:
            return []
        out: list[str] = []
        current: list[str] | None = None
        for line in text.splitlines():
            if current is None:
                m = START.match(line)
                if m is None:
                    continue
                current, rest = [], m.group(1)
            else:
                rest = line.strip()
            closed = CLOSED.match(rest)
            if closed:
                current.append(closed.group(1))
                out.append(" ".join(" ".join(current).split()))
                current = None
            else:
                current.append(rest)
        return out

    def settle(self, since: int, quiet: float = 1.2, timeout: float = 10.0) -> list[str]:
        """Wait until Orca is idle: it has said something after `since` (or `quiet` + 1 s
        passed without a word) and its debug file has not grown for `quiet` seconds (a busy
        Orca, e.g. working off the events of a page change, writes on); returns what it said."""
        start = time.monotonic()
        end = start + timeout
        size, last_change = -1, start
        while time.monotonic() < end:
            pump(0.1)
            now = self.mark()
            if now != size:
                size, last_change = now, time.monotonic()
                continue
            idle = time.monotonic() - last_change
            if idle >= quiet and (self.said(since) or time.monotonic() - start >= quiet + 1.0):
                break
        return self.said(since)

    def close(self) -> None:
        stop(self.proc)
        self.log.close()


class Tour:
    def __init__(self, orca: Orca, prog: Program, events: Events) -> None:
        self.orca = orca
        self.prog = prog
        self.events = events
        self.failed = 0

    # ------------------------------------------------------------- helpers

    def press(self, name_: str, modifiers: tuple[str, ...] = ()) -> list[str]:
        """A real key press; returns what Orca said for it."""
        since = self.orca.mark()
        key(name_, modifiers)
        return self.orca.settle(since)

    def quiet(self) -> None:
        """Let the speech of a preparation end before the step's own keys."""
        self.orca.settle(self.orca.mark(), quiet=1.0, timeout=10)

    def focused(self, since: float) -> Any:
        events = self.events.since(since, "object:state-changed:focused")
        return events[-1][2] if events else None

    def page(self, section_id: str) -> Any:
        """Go to a section's page with the section list (its speech is not listened to)."""
        for i in range(self.prog.page_count()):
            row = self.prog.sections.getChildAtIndex(i)
            title = name(row)
            if section_id == "pruefen" and i == self.prog.page_count() - 1:
                break
            if section_id in _SECTIONS and _SECTIONS[section_id] in title:
                break
        else:
            raise RuntimeError(f"Abschnitt {section_id} nicht gefunden")
        _, content, _ = self.prog.go(i)
        self.quiet()
        return content

    def put_focus(self, acc: Any) -> None:
        acc.queryComponent().grabFocus()
        wait_for(lambda: has(acc, pyatspi.STATE_FOCUSED), 3)
        self.quiet()

    def tab_to(
        self, root: Any, target: Callable[[Any], bool], max_tabs: int = 8
    ) -> tuple[list[str], Any, int]:
        """Put the focus on the focusable widget before the target (in reading order) and press
        Tab until the target has the focus; returns what Orca said for the last Tab, the widget
        that got the focus and the number of Tabs."""
        tab_stops = [
            a
            for a in walk(root)
            if has(a, pyatspi.STATE_FOCUSABLE) and has(a, pyatspi.STATE_SENSITIVE)
        ]
        index = next((i for i, a in enumerate(tab_stops) if target(a)), None)
        if index is None:
            raise RuntimeError("Ziel nicht gefunden")
        if index == 0:
            raise RuntimeError("kein Element vor dem Ziel")
        self.put_focus(tab_stops[index - 1])
        said: list[str] = []
        got = None
        for n in range(1, max_tabs + 1):
            t = time.monotonic()
            said = self.press("Tab")
            got = self.focused(t)
            if got is not None and target(got):
                return said, got, n
        return said, got, max_tabs

    # ------------------------------------------------------------- output

    def step(self, title: str, run: Callable[[], list[tuple[str, list[str], Any]]]) -> None:
        """One step of the tour: `run` returns (keys pressed, what was said, focus) per part."""
        print(f"\n{title}")
        print("-" * len(title))
        try:
            parts = run()
        except Exception as exc:  # the tour goes on with the next step
            self.failed += 1
            print(f"  Schritt fehlgeschlagen: {exc}")
            if os.environ.get("A11Y_DEBUG"):
                traceback.print_exc()
            return
        for keys, said, focus in parts:
            where = f" (Fokus: {describe(focus)})" if focus is not None else ""
            print(f"  Tasten: {keys}{where}")
            for text in said or [NOTHING]:
                print(f"    » {text}")

    # ------------------------------------------------------------- the steps

    def section_change(self) -> list[tuple[str, list[str], Any]]:
        self.prog.go(0)
        self.quiet()
        t = time.monotonic()
        said = self.press("Down")
        return [("↓ in der Abschnittsliste", said, self.focused(t))]

    def multiple_choice(self) -> list[tuple[str, list[str], Any]]:
        content = self.page("voraussetzungen")
        said, got, n = self.tab_to(content, ends("voraussetzungen.fachbereiche#soziales"))
        t = time.monotonic()
        said2 = self.press("Tab")
        return [
            (tabs(n) + " in „Beteiligte Fachbereiche“", said, got),
            ("Tab zur nächsten Option", said2, self.focused(t)),
        ]

    def repeated_item(self) -> list[tuple[str, list[str], Any]]:
        content = self.page("massnahmen")
        said, got, n = self.tab_to(content, ends("massnahmen.zeitplan[1].von"))
        return [(tabs(n) + " zum Feld „Von“ des zweiten Schritts im Zeitplan", said, got)]

    def required(self) -> list[tuple[str, list[str], Any]]:
        content = self.page("kommune")
        said, got, n = self.tab_to(content, ends("kommune.ags"))
        return [(tabs(n) + " zum Pflichtfeld „Amtlicher Gemeindeschlüssel (AGS)“", said, got)]

    def radio_group(self) -> list[tuple[str, list[str], Any]]:
        content = self.page("kommune")
        # from the chosen option of the group before ("Strukturschwache Region")
        before = find(
            content,
            lambda a: (
                "kommune.strukturschwach#" in aid(a)
                and has(a, pyatspi.STATE_CHECKED)
                and a.getRole() == pyatspi.ROLE_RADIO_BUTTON
            ),
        )
        if before is None:
            raise RuntimeError("keine gewählte Option in „Strukturschwache Region“")
        self.put_focus(before)
        t = time.monotonic()
        said = self.press("Tab")
        got = self.focused(t)
        checked = [
            name(a)
            for a in walk(content)
            if "kommune.raumtyp#" in aid(a) and has(a, pyatspi.STATE_CHECKED)
        ]
        note = f" – gewählt ist „{', '.join(checked) or 'nichts'}“"
        return [("Tab in die Optionsgruppe „Raumtyp“" + note, said, got)]

    def budget(self) -> list[tuple[str, list[str], Any]]:
        content = self.page("finanzplan")
        said, got, n = self.tab_to(content, ends("finanzplan.posten[0].betraege.2021"))
        parts = [(tabs(n) + " zum ersten Betrag des Finanzplans", said, got)]
        t = time.monotonic()
        parts.append(("Tab zum nächsten Betrag", self.press("Tab"), self.focused(t)))
        said, got, n = self.tab_to(
            content, lambda a: a.getRole() == pyatspi.ROLE_TABLE and "uebersicht" in aid(a)
        )
        parts.append((tabs(n) + " in die Übersicht der Beträge je Jahr", said, got))
        for k in ("Right", "Down"):
            t = time.monotonic()
            parts.append((KEY_NAMES[k] + " in der Übersicht", self.press(k), self.focused(t)))
        return parts

    def remove_item(self) -> list[tuple[str, list[str], Any]]:
        content = self.page("massnahmen")
        said, got, n = self.tab_to(
            content, ends("massnahmen.umsetzungsschritte[2]:entfernen"), max_tabs=3
        )
        parts = [(tabs(n) + " zur Schaltfläche „Umsetzungsschritt 3 entfernen“", said, got)]
        t = time.monotonic()
        parts.append(("Leertaste (Rückfrage erscheint)", self.press("space"), self.focused(t)))
        dialog = wait_for(
            lambda: find(
                self.prog.app,
                lambda a: a.getRole() in (pyatspi.ROLE_DIALOG, pyatspi.ROLE_ALERT),
            ),
            3,
        )
        if dialog is None:
            raise RuntimeError("keine Rückfrage erschienen")
        # "Nein" is the default button: Tab on to "Ja" (the order of the buttons depends on
        # the platform's layout), then Space
        yes = None
        for _ in range(4):
            t = time.monotonic()
            said = self.press("Tab")
            got = self.focused(t)
            if got is not None and name(got).replace("&", "") in ("Ja", "Yes"):
                yes = got
                parts.append(("Tab zu „Ja“", said, got))
                break
        if yes is None:
            raise RuntimeError("„Ja“ in der Rückfrage nicht erreicht")
        t = time.monotonic()
        parts.append(
            ("Leertaste auf „Ja“ (Eintrag entfernt)", self.press("space"), self.focused(t))
        )
        return parts

    def review(self) -> list[tuple[str, list[str], Any]]:
        t = time.monotonic()
        parts = [("F8 (Prüfen)", self.press("F8"), self.focused(t))]
        t = time.monotonic()
        said = self.press("Tab")
        parts.append(("Tab zum Bestätigungsfeld der ersten Meldung", said, self.focused(t)))
        return parts


_SECTIONS = {
    "kommune": "Angaben zur Kommune",
    "voraussetzungen": "Strukturelle Voraussetzungen",
    "massnahmen": "Vorgehen und erste Umsetzungsschritte",
    "finanzplan": "Finanzplanung",
}


def ends(suffix: str) -> Callable[[Any], bool]:
    return lambda a: aid(a).endswith(suffix)


def tabs(n: int) -> str:
    return "Tab" if n == 1 else f"Tab ×{n}"


def describe(acc: Any) -> str:
    """The focused widget: role, name and the last part of its accessible id."""
    try:
        role = acc.getRoleName()
    except Exception:
        role = "?"
    ident = aid(acc).rsplit(".", 1)[-1] if "#" not in aid(acc) else aid(acc).rsplit(".", 2)[-1]
    label = name(acc).replace("\n", " ")
    return f"{role} „{label}“ [{ident}]" if label else f"{role} [{ident}]"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("file", nargs="?", type=Path, default=EXAMPLE)
    parser.add_argument("--keep-debug", type=Path, help="Orcas Debug-Datei hierhin kopieren")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="orca-"))
    orca = Orca(tmp / "orca-debug.txt")
    version = subprocess.run(["orca", "--version"], capture_output=True, text=True).stdout.strip()
    events = Events()
    prog = Program(events, "light", args.file)
    tour = Tour(orca, prog, events)
    print(f"Was Orca sagt – {version}, Sprache „{os.environ.get('A11Y_ORCA_LANGUAGE', 'de')}“")
    print(f"Datei: {args.file.relative_to(ROOT) if args.file.is_relative_to(ROOT) else args.file}")
    print("(» = eine Sprachausgabe Orcas, wörtlich aus der Debug-Datei)")
    try:
        pump(1.0)
        tour.quiet()
        tour.step("1. Abschnittswechsel", tour.section_change)
        tour.step("2. Mehrfachauswahl (Kontrollkästchen in einer Gruppe)", tour.multiple_choice)
        tour.step("3. Feld in einem wiederholten Eintrag", tour.repeated_item)
        tour.step("4. Pflichtfeld", tour.required)
        tour.step("5. Optionsgruppe (Tab landet auf der gewählten Option)", tour.radio_group)
        tour.step("6. Finanzplan (Tabelle mit Kopfzeilen)", tour.budget)
        tour.step("7. Eintrag entfernen (Ansage)", tour.remove_item)
        tour.step("8. Prüfen (F8): erste Meldung und ihr Bestätigungsfeld", tour.review)
    finally:
        prog.close()
        events.close()
        orca.close()
        if args.keep_debug:
            with contextlib.suppress(OSError):
                args.keep_debug.write_bytes(orca.file.read_bytes())
    print(f"\n{8 - tour.failed} von 8 Schritten ausgeführt.")
    return 1 if tour.failed else 0


if __name__ == "__main__":
    sys.exit(main())
