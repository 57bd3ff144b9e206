#!/usr/bin/python3
"""The accessibility audit of issue 14 (make a11y-audit; run inside session.sh with Debian's
system python3, which has pyatspi). It starts the program as a user does, on the three
examples and a new draft, reads it through the accessibility bus as a screen reader does, and
walks every page and the dialogs. It prints a table of defect counts per check and exits 1 when
any check found a defect; --list prints every defect (the rows' item numbers are those of
issue 14), --only ROWS limits the run to some checks' passes.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import checks  # noqa: E402
import interact  # noqa: E402
import pyatspi  # noqa: E402
from bus import (  # noqa: E402
    Events,
    aid,
    children,
    extents,
    find,
    has,
    key,
    name,
    pump,
    stop,
    type_text,
    wait_for,
    walk,
)

ROOT = HERE.parent.parent
PYTHON = os.environ.get("ZWK_PYTHON", str(ROOT / ".venv" / "bin" / "python"))
EXAMPLES = sorted((ROOT / "examples").glob("*.zwk"))
ROWS = [
    ("options", "1", "Optionen, die nicht mit ihrem eigenen Text gehört werden"),
    ("names", "1, 2", "Eingaben ohne Namen oder mit doppeltem gesprochenem Namen"),
    ("context", "2", "Eingaben in Wiederholungen/Gruppen ohne Posten- bzw. Gruppenbezug"),
    ("required", "3", "Pflichtfelder ohne „erforderlich“ (Zustand oder Beschreibung)"),
    ("announce", "4", "Ereignisse ohne Ansage (Entfernen, Verschieben, Verzeichnis, Höchstgrenze)"),
    ("autosave", "4", "Ansagen/Titelwechsel beim automatischen Speichern"),
    ("reach", "5", "Eingaben, die Tab nicht erreicht"),
    ("review", "5", "„Prüfen“: Tab-Schritte gegen die Lesereihenfolge"),
    ("table", "6", "Finanzplan nicht als Tabelle mit Zeilen- und Spaltenköpfen"),
    ("calendar", "7", "Kalender/Monatsauswahl: Tage ohne Datum, Pfeile verlassen das Raster, Jahr"),
    ("radio", "8", "Tab landet in Optionsgruppen auf nicht gewählter Option"),
    ("order", "9", "Tab-Schritte gegen die Lesereihenfolge (Abschnittsseiten)"),
    ("suggest", "10", "Verzeichnisvorschläge: Anzahl nicht angesagt, Vorschlag mehrfach gemeldet"),
    ("unnamed", "9", "unbenannte Tab-Halte (Bildlauffläche, „layered pane“ …)"),
    ("visible", "9", "fokussierte Elemente außerhalb des sichtbaren Bereichs"),
    ("headings", "9", "Seitentitel nicht als Überschrift"),
    ("section", "9", "Abschnittswechsel ohne Ansage des Abschnittstitels"),
    ("helptext", "9", "Hilfebereich nicht mit Pfeiltasten lesbar"),
    ("contrast", "11", "Texte unter 4,5:1 (hell, dunkel, Hochkontrast)"),
    (
        "zoom",
        "12",
        "bei 200 %: Dialoge/Schaltflächen außerhalb des Bildschirms, Seiten mit Querlauf",
    ),
]


class Program:
    """One run of the program, found on the bus by its process id."""

    def __init__(self, events: Events, palette: str, file: Path | None, scale: str | None = None):
        env = dict(os.environ)
        if scale:
            env["QT_SCALE_FACTOR"] = scale
        env["ZWK_DATA_DIR"] = str(
            Path(os.environ.get("ZWK_DATA_DIR", "/tmp")) / f"run-{time.time_ns()}"
        )
        args = [PYTHON, str(HERE / "launch.py"), palette] + ([str(file)] if file else [])
        self.proc = subprocess.Popen(
            args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        )
        events.pid = self.proc.pid
        self.events = events
        desktop = pyatspi.Registry.getDesktop(0)

        def app() -> Any:
            for a in children(desktop):
                try:
                    if a.get_process_id() == self.proc.pid:
                        return a
                except Exception:
                    continue
            return None

        self.app = wait_for(app, 60, 0.2)
        if self.app is None:
            raise SystemExit("Das Programm erschien nicht auf dem Barrierefreiheits-Bus.")
        self.window = wait_for(
            lambda: find(self.app, lambda a: aid(a).endswith("hauptfenster")), 30
        )
        if file is None:
            button = wait_for(lambda: find(self.window, lambda a: aid(a).endswith(".neu")), 20)
            button.queryAction().doAction(0)
        self.sections = wait_for(
            lambda: find(self.window, lambda a: aid(a).endswith(".abschnitte")), 30
        )
        if self.sections is None:
            raise SystemExit("Die Bearbeitung öffnete sich nicht.")
        pump(0.5)

    def close(self) -> None:
        stop(self.proc)

    def page_count(self) -> int:
        return int(self.sections.childCount)

    def go(self, index: int) -> tuple[Any, Any, Any]:
        """Choose section `index` in the section list with the keyboard (as a user does);
        returns (page, content, viewport)."""
        self.sections.queryComponent().grabFocus()
        wait_for(lambda: has(self.sections, pyatspi.STATE_FOCUSED) or self._focused_in_list(), 2)
        current = self._current_row()
        for _ in range(abs(index - current)):
            key("Down" if index > current else "Up")
            pump(0.05)
        wait_for(lambda: self._current_row() == index, 3)
        pump(0.3)
        page = wait_for(self.current_page, 5)
        view = find(page, lambda a: aid(a).endswith("qt_scrollarea_viewport")) or page
        content = find(page, lambda a: aid(a).rsplit(".", 1)[-1].startswith("inhalt:"))
        if content is None:
            # a page without a named content (Prüfen): the widget the scroll area scrolls, so
            # that positions are measured in the page's reading order, not in the viewport
            # while the page scrolls each focused row into view
            inner = children(view) if view is not page else []
            content = inner[0] if inner else page
        return page, content, view

    def _focused_in_list(self) -> bool:
        return any(has(c, pyatspi.STATE_FOCUSED) for c in children(self.sections))

    def _current_row(self) -> int:
        sel = self.sections.querySelection()
        if sel.nSelectedChildren:
            return int(sel.getSelectedChild(0).getIndexInParent())
        return -1

    def current_page(self) -> Any:
        return find(
            self.window,
            lambda a: (
                aid(a).rsplit(".", 1)[-1].startswith("seite:") and has(a, pyatspi.STATE_SHOWING)
            ),
        )


class Audit:
    def __init__(self, listing: bool) -> None:
        self.defects: dict[str, list[str]] = {row: [] for row, _, _ in ROWS}
        self.listing = listing
        out = subprocess.run(
            [PYTHON, str(HERE / "expect.py")], check=True, capture_output=True, text=True
        )
        spec = json.loads(out.stdout)
        self.fields: dict[str, Any] = spec["fields"]
        self.sections: list[dict[str, Any]] = spec["sections"]
        self.events = Events()
        self._contrast: subprocess.Popen[str] | None = None

    def add(self, found: list[tuple[str, str]]) -> None:
        for row, text in found:
            self.defects[row].append(text)

    # ----------------------------------------------------------------- passes

    def structure(self, file: Path | None, with_events: bool) -> None:
        label = file.stem if file else "neuer Entwurf"
        prog = Program(self.events, "light", file)
        try:
            for i in range(prog.page_count()):
                _page, content, view = prog.go(i)
                title = self.sections[i]["title"] if i < len(self.sections) else "Prüfen"
                where = f"{label} / {title}"
                self.add(checks.names(content, self.fields, where))
                self.add(checks.required(content, self.fields, where))
                self.add(checks.headings(content, title, where))
                if i < len(self.sections) and self.sections[i]["id"] == "finanzplan":
                    self.add(checks.table(content, where))
                self.add(
                    checks.tab_order(
                        prog.window, prog.sections, content, view, self.fields, self.events, where
                    )
                )
            if with_events:
                self.section_titles(prog, label)
                self.help_text(prog, label)
                self.announcements(prog, label, file is None)
        finally:
            prog.close()

    def section_titles(self, prog: Program, label: str) -> None:
        """Item 9: going to the next section (Alt+→) says the section's title."""
        for i in range(min(3, len(self.sections) - 1)):
            _, content, _ = prog.go(i)
            first = next(iter(checks.inputs(content)), None)
            if first is None:
                continue
            first.queryComponent().grabFocus()  # from inside the page, as a user goes on
            pump(0.3)
            title = self.sections[i + 1]["title"]
            t = time.monotonic()
            key("Right", ("Alt",))
            # the focus enters a container named with the title that a screen reader says
            # (a panel, not a silent filler: Orca 43 reads no announcements); the
            # announcement itself is heard by NVDA and newer Orca
            announced = checks.announced(self.events, t, [title], 2.5)
            pump(0.3)
            heard = False
            for _, _, src, _ in self.events.since(t, "object:state-changed:focused"):
                if src == prog.sections or prog.sections in list(checks.ancestors(src)):
                    continue  # the section list's own item is not the page
                names = [
                    name(a)
                    for a in [src, *checks.ancestors(src)]
                    if a.getRole() != pyatspi.ROLE_FILLER
                ]
                heard = heard or any(title in n for n in names)
            if not heard:
                self.add([("section", f"{label}: „{title}“ ohne benannten Bereich")])
            if not announced:
                self.add([("section", f"{label}: Wechsel zu „{title}“ ohne Ansage")])

    def help_text(self, prog: Program, label: str) -> None:
        """Item 9: the help panel takes the focus and its caret moves with the arrow keys."""
        prog.go(0)
        text = find(prog.window, lambda a: aid(a).endswith("hilfe:text"))
        if text is None:  # pushed aside on a narrow window: F1 shows it
            key("F1")
            text = wait_for(lambda: find(prog.window, lambda a: aid(a).endswith("hilfe:text")), 2)
        if text is None:
            self.add([("helptext", f"{label}: Hilfebereich nicht gefunden")])
            return
        ok = has(text, pyatspi.STATE_FOCUSABLE)
        if ok:
            text.queryComponent().grabFocus()
            wait_for(lambda: has(text, pyatspi.STATE_FOCUSED), 2)
            before = text.queryText().caretOffset
            key("Down")
            ok = bool(wait_for(lambda: text.queryText().caretOffset != before, 2))
        if not ok:
            self.add([("helptext", f"{label}: Hilfetext nicht mit Pfeiltasten lesbar")])

    def announcements(self, prog: Program, label: str, new_draft: bool) -> None:
        """Item 4: the events are announced; autosave is not."""
        if new_draft:
            _, content, _ = prog.go(0)
            self.add(interact.suggestions(content, self.events, label))
            self.add(interact.calendar(content, self.events, label))
            _, content, _ = prog.go(0)
            field = find(content, lambda a: aid(a).endswith("kommune.anschrift.strasse"))
            entry = find(content, lambda a: aid(a).endswith("kommune.name"))
            if field is None or entry is None:
                self.add([("autosave", f"{label}: Felder der Kommune nicht gefunden")])
                return
            field.queryComponent().grabFocus()
            wait_for(lambda: has(field, pyatspi.STATE_FOCUSED), 2)
            t = time.monotonic()
            type_text("Kreis")
            pump(3.5)  # autosave waits 0.8 s after the last key
            spoken = self.events.since(t, "object:announcement")
            titles = [
                e
                for e in self.events.since(t, "object:property-change:accessible-name")
                if e[2].getRole() == pyatspi.ROLE_FRAME
            ]
            for e in spoken + titles:
                self.add([("autosave", f"{label}: beim Speichern gesagt: {e[3] or name(e[2])}")])
            entry.queryComponent().grabFocus()
            wait_for(lambda: has(entry, pyatspi.STATE_FOCUSED), 2)
            # the suggestions check left „Linden“ in the field; whether focusing selected it
            # (and typing replaced it) depended on timing: „LindenLindenha“ matched nothing
            with contextlib.suppress(Exception):
                entry.queryEditableText().setTextContents("")
            wait_for(lambda: entry.queryText().characterCount == 0, 2)
            pump(0.3)
            typed = "?"
            start = time.monotonic()
            type_text("Lindenberg")
            # the suggestions are open when their count is said (a fixed pause was too short on
            # a loaded machine: Down then went to the field, and Return took nothing)
            opened = checks.announced(self.events, start, ["Vorschl"], 5)
            # the count is said from the second letter on; the choice waits until the program
            # has taken every letter (on a loaded machine it lags behind the keys)
            wait_for(lambda: entry.queryText().getText(0, -1) == "Lindenberg", 5)
            pump(0.5)
            moved = None
            for _ in range(2):  # the first ↓ and its focus event are the suggest row's check
                t = time.monotonic()
                key("Down")
                moved = wait_for(
                    lambda t=t: (
                        self.events.since(t, "object:state-changed:focused")
                        or self.events.since(t, "object:active-descendant-changed")
                    ),
                    3,
                )
                if moved:
                    break
            pump(0.2)
            t = time.monotonic()
            key("Return")
            if not checks.announced(self.events, t, ["Gemeindeverzeichnis"], 4):
                said = [str(e[3]) for e in self.events.since(start, "object:announcement")]
                with contextlib.suppress(Exception):
                    typed = entry.queryText().getText(0, -1)
                self.add(
                    [
                        (
                            "announce",
                            f"{label}: Übernahme aus dem Gemeindeverzeichnis ohne Ansage "
                            f"(Vorschläge {'offen' if opened else 'nicht angesagt'}, "
                            f"↓ {'mit' if moved else 'ohne'} Fokusereignis, "
                            f"Feld „{typed}“, gesagt: {said})",
                        )
                    ]
                )
            return
        for i, section in enumerate(self.sections):
            if section["id"] == "massnahmen":
                _, content, _ = prog.go(i)
                self.add(interact.month_picker(content, self.events, label))
                for suffix, what in ((":nach-unten", "Verschieben"), (":entfernen", "Entfernen")):
                    button = find(
                        content,
                        lambda a, s=suffix: aid(a).endswith(s) and has(a, pyatspi.STATE_SENSITIVE),
                    )
                    if button is None:
                        continue
                    t = time.monotonic()
                    self._press(button)
                    self._confirm(prog)
                    if not checks.announced(self.events, t, [], 2.5):
                        self.add([("announce", f"{label}: {what} eines Eintrags ohne Ansage")])
            if section["id"] == "finanzplan":
                _, content, _ = prog.go(i)
                cell = find(
                    content,
                    lambda a: (  # an amount of an item (not its name or justification)
                        re.search(r"finanzplan\.posten\[\d+\]\.betraege\.\d{4}$", aid(a))
                        is not None
                        and a.getRole() == pyatspi.ROLE_TEXT
                        and has(a, pyatspi.STATE_EDITABLE)
                    ),
                )
                if cell is None:
                    continue
                cell.queryComponent().grabFocus()
                t = time.monotonic()
                cell.queryEditableText().setTextContents("9999999")
                key("Tab")
                if not checks.announced(self.events, t, [], 3):
                    self.add([("announce", f"{label}: Überschreiten der Höchstgrenze ohne Ansage")])

    def _press(self, acc: Any) -> None:
        # a modal dialog holds the answer back (the call times out); it is handled next
        with contextlib.suppress(Exception):
            acc.queryAction().doAction(0)

    def _confirm(self, prog: Program) -> None:
        dialog = wait_for(
            lambda: find(
                prog.app, lambda a: a.getRole() in (pyatspi.ROLE_DIALOG, pyatspi.ROLE_ALERT)
            ),
            1.0,
        )
        if dialog is not None:
            yes = find(
                dialog,
                lambda a: (
                    a.getRole() == pyatspi.ROLE_PUSH_BUTTON
                    and name(a).replace("&", "") in ("Ja", "Entfernen", "OK")
                ),
            )
            if yes is not None:
                self._press(yes)
            pump(0.3)

    def contrast(self, palette: str, file: Path) -> None:
        """Item 11: every text shown on every page (its visible part) and the window around it
        reaches 4.5:1, measured on the screen's pixels."""
        prog = Program(self.events, palette, file)
        try:
            frame = extents(prog.window)
            for i in range(prog.page_count()):
                page, content, view = prog.go(i)
                pump(0.4)
                clip = extents(view)
                objs = checks.shown_text_objects(content, clip) if clip else []
                outside = (
                    [
                        (a, b)
                        for a, b in checks.shown_text_objects(prog.window, frame)
                        if page not in list(checks.ancestors(a)) and a is not page
                    ]
                    if i == 0
                    else []
                )
                objs += outside
                if not objs:
                    continue
                results = self._measure([list(b) for _, b in objs])
                title = self.sections[i]["title"] if i < len(self.sections) else "Prüfen"
                for (acc, _), res in zip(objs, results, strict=False):
                    if res and res.get("ratio") is not None and res["ratio"] < 4.5:
                        what = (name(acc) or aid(acc).rsplit(".", 1)[-1])[:40]
                        self.add(
                            [
                                (
                                    "contrast",
                                    f"{palette} / {file.stem} / {title}: „{what}“ "
                                    f"{res['ratio']}:1 ({res['fg']} auf {res['bg']})",
                                )
                            ]
                        )
        finally:
            prog.close()

    def _measure(self, rects: list[list[int]]) -> list[Any]:
        if self._contrast is None:
            self._contrast = subprocess.Popen(
                [PYTHON, str(HERE / "contrast.py")],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                text=True,
            )
        assert self._contrast.stdin and self._contrast.stdout
        self._contrast.stdin.write(json.dumps(rects) + "\n")
        self._contrast.stdin.flush()
        return list(json.loads(self._contrast.stdout.readline()))

    def zoom(self, file: Path) -> None:
        """Item 12: at 200 % on 1920×1080 no page scrolls sideways, and every dialog fits the
        screen with its buttons visible."""
        prog = Program(self.events, "light", file, scale="2")
        try:
            # AT-SPI gives Qt's device-independent pixels: the screen is 960×540 of them at 200 %
            width, height = os.environ.get("A11Y_SCREEN", "1920x1080x24").split("x")[:2]
            sw, sh = int(width) // 2, int(height) // 2
            for i in range(prog.page_count()):
                page, _, _ = prog.go(i)
                bar = find(page, self._sideways)
                if os.environ.get("A11Y_DEBUG"):
                    print("page", i, extents(page), file=sys.stderr)
                if bar is not None:
                    title = self.sections[i]["title"] if i < len(self.sections) else "Prüfen"
                    self.add([("zoom", f"200 %: Seite „{title}“ läuft quer")])
            for pattern in (
                "Über",
                "Einstellungen",
                "Entwürfe",
                "Versionen",
                "Exportieren",
                "Signaturidentitäten",
            ):
                self.dialog_fits(prog, pattern, sw, sh)
        finally:
            prog.close()

    @staticmethod
    def _sideways(acc: Any) -> bool:
        """A horizontal scroll bar shown (Qt's scroll areas keep it in their "hcontainer")."""
        if acc.getRole() != pyatspi.ROLE_SCROLL_BAR:
            return False
        box = extents(acc)
        return "hcontainer" in aid(acc) or (box is not None and box[2] > 3 * box[3])

    def dialog_fits(self, prog: Program, pattern: str, sw: int, sh: int) -> None:
        menu_bar = find(prog.window, lambda a: a.getRole() == pyatspi.ROLE_MENU_BAR)
        item = (
            find(
                menu_bar,
                lambda a: (
                    a.getRole() == pyatspi.ROLE_MENU_ITEM
                    and name(a).replace("&", "").startswith(pattern)
                    and has(a, pyatspi.STATE_SENSITIVE)
                ),
                showing=False,
            )
            if menu_bar
            else None
        )
        if os.environ.get("A11Y_DEBUG"):
            print("menu", pattern, menu_bar is not None, item is not None, file=sys.stderr)
        if item is None:
            return
        before = {aid(w) for w in children(prog.app)}
        self._press(item)
        dialog = wait_for(
            lambda: next(
                (
                    w
                    for w in children(prog.app)
                    if w.getRole() in (pyatspi.ROLE_DIALOG, pyatspi.ROLE_FRAME, pyatspi.ROLE_ALERT)
                    and aid(w) not in before
                    and has(w, pyatspi.STATE_SHOWING)
                ),
                None,
            ),
            5,
        )
        if os.environ.get("A11Y_DEBUG"):
            print(
                "windows",
                [(w.getRoleName(), name(w), aid(w)) for w in children(prog.app)],
                file=sys.stderr,
            )
        if dialog is None:
            return
        pump(0.5)
        if "QFileDialog" in aid(dialog):  # Qt's own file dialog (Windows shows its native one)
            key("Escape")
            pump(0.5)
            return
        title = name(dialog) or pattern
        x, y, w, h = extents(dialog) or (0, 0, 0, 0)
        if x < 0 or y < 0 or x + w > sw or y + h > sh:
            self.add(
                [("zoom", f"200 %: Dialog „{title}“ {w}×{h} bei {x},{y} passt nicht auf {sw}×{sh}")]
            )
        for b in walk(dialog):
            if b.getRole() != pyatspi.ROLE_PUSH_BUTTON:
                continue
            bx, by, bw, bh = extents(b) or (0, 0, 0, 0)
            if bw and (bx < 0 or by < 0 or bx + bw > sw or by + bh > sh or by + bh > y + h + 1):
                self.add([("zoom", f"200 %: „{title}“: Schaltfläche „{name(b)}“ nicht sichtbar")])
        self.add(checks.names(dialog, self.fields, f"Dialog „{title}“"))
        key("Escape")
        wait_for(lambda: not has(dialog, pyatspi.STATE_SHOWING), 3)
        pump(0.3)

    # ----------------------------------------------------------------- report

    def report(self) -> int:
        total = 0
        print(f"{'Prüfung':<10} {'Punkt':<6} {'Mängel':>6}  Bedeutung")
        for row, item, text in ROWS:
            n = len(self.defects[row])
            total += n
            print(f"{row:<10} {item:<6} {n:>6}  {text}")
        print(f"{'gesamt':<10} {'':<6} {total:>6}")
        if self.listing:
            for row, _, _ in ROWS:
                for text in self.defects[row]:
                    print(f"{row}: {text}")
        if self._contrast is not None:
            self._contrast.terminate()
        return 1 if total else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--list", action="store_true", help="jeden Mangel ausgeben")
    parser.add_argument(
        "--only",
        default="structure,events,contrast,zoom",
        help="Durchgänge: structure, events, contrast, zoom",
    )
    parser.add_argument("--examples", type=int, default=len(EXAMPLES))
    args = parser.parse_args()
    passes = set(args.only.split(","))
    audit = Audit(args.list)
    started = time.monotonic()
    documents: list[Path | None] = [*EXAMPLES[: args.examples], None]
    if "structure" in passes:
        for doc in documents:
            audit.structure(
                doc, with_events="events" in passes and (doc is None or doc == EXAMPLES[0])
            )
    elif "events" in passes:  # the new draft too: taking a Gemeinde from the directory
        audit.structure(EXAMPLES[0], True)
        audit.structure(None, True)
    if "contrast" in passes:
        for palette in ("light", "dark", "contrast"):
            audit.contrast(palette, EXAMPLES[0])
    if "zoom" in passes:
        audit.zoom(EXAMPLES[0])
    print(f"Barrierefreiheits-Prüfung: {time.monotonic() - started:.0f} s")
    return audit.report()


if __name__ == "__main__":
    sys.exit(main())
