"""Checks that need the keyboard in a popup: the calendar and month picker (issue 14, item 7)
and the directory's suggestions (item 10). Each returns defects as (row, text) pairs."""

from __future__ import annotations

import contextlib
import re
import time
from typing import Any

import pyatspi
from bus import aid, ancestors, find, has, key, name, pump, type_text, wait_for
from checks import announced

MONTHS = (
    "januar",
    "februar",
    "märz",
    "april",
    "mai",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "dezember",
)
YEAR = re.compile(r"(?<!\d)(19|20)\d\d(?!\d)")


def _focus(acc: Any) -> None:
    acc.queryComponent().grabFocus()
    wait_for(lambda: has(acc, pyatspi.STATE_FOCUSED), 2)
    pump(0.2)


def _focused_after(events: Any, t: float, timeout: float = 1.5) -> Any:
    found = wait_for(lambda: events.since(t, "object:state-changed:focused"), timeout)
    pump(0.2)
    return events.since(t, "object:state-changed:focused")[-1][2] if found else None


def _open_picker(field: Any, events: Any) -> Any:
    """Alt+↓ in `field`; the object that has the focus then. XTest's Alt can reach Qt as a
    lone Alt press (seen in 1 of 3 runs, keysym or keycode alike): the menu bar then takes
    ↓ and opens „Datei“. That is the synthesis, not the program: close the menu and press
    once more; a picker that does not open the second time is reported."""
    found = None
    for _ in range(2):
        _focus(field)
        t = time.monotonic()
        key("Down", ("Alt",))
        found = _focused_after(events, t, 4.0)  # a popup's first show is slow under load
        if found is None or found.getRole() != pyatspi.ROLE_MENU_ITEM:
            return found
        key("Escape")
        key("Escape")
        pump(0.5)
    return found


def _full_date(text: str) -> bool:
    low = text.lower()
    return bool(YEAR.search(low)) and any(m in low for m in MONTHS)


def calendar(content: Any, events: Any, where: str) -> list[tuple[str, str]]:
    """Day cells are named with the full date, the arrow keys stay in the grid."""
    field = find(content, lambda a: aid(a).endswith("kommune.einwohner_stand"))
    if field is None:
        return [("calendar", f"{where}: Datumsfeld nicht gefunden")]
    out: list[tuple[str, str]] = []
    cell = _open_picker(field, events)
    if cell is None:
        return [("calendar", f"{where}: Alt+↓ öffnet keinen Kalender mit Fokus")]
    if not _full_date(name(cell)):
        out.append(("calendar", f"{where}: Kalendertag heißt „{name(cell)}“ (ohne Monat und Jahr)"))
    for direction in ("Right", "Down", "Left"):
        t = time.monotonic()
        key(direction)
        now = _focused_after(events, t, 1.0)
        if now is None:
            continue  # the cell changed without a focus event: a screen reader says nothing
        if now.getRole() not in (pyatspi.ROLE_TABLE_CELL, pyatspi.ROLE_LIST_ITEM):
            out.append(
                (
                    "calendar",
                    f"{where}: Pfeil {direction} führt aus dem Kalender: "
                    f"{now.getRoleName()} „{name(now)}“",
                )
            )
            break
        if not _full_date(name(now)):
            out.append(("calendar", f"{where}: Kalendertag heißt „{name(now)}“"))
    key("Escape")
    pump(0.3)
    return out


def month_picker(content: Any, events: Any, where: str) -> list[tuple[str, str]]:
    """The month picker says the year: the focused month names it, or Tab reaches the year."""
    field = find(
        content,
        lambda a: (
            re.search(r"\[0\]\.von$", aid(a)) is not None and a.getRole() == pyatspi.ROLE_TEXT
        ),
    )
    if field is None:
        return [("calendar", f"{where}: Monatsfeld nicht gefunden")]
    month = _open_picker(field, events)
    if month is None:
        return [("calendar", f"{where}: Alt+↓ öffnet keine Monatsauswahl mit Fokus")]
    said = [name(month)]
    for _ in range(14):
        t = time.monotonic()
        key("Tab")
        now = _focused_after(events, t, 2.0)  # under load a focus event can take a second
        if now is None:
            break
        text = name(now)
        with contextlib.suppress(Exception):
            text += " " + now.queryText().getText(0, -1)
        said.append(text)
        if YEAR.search(text) or text.startswith("Jahr"):
            break
    if not any(YEAR.search(s) or s.startswith("Jahr") for s in said):
        heard = " | ".join(said)[:160]
        out = [
            (
                "calendar",
                f"{where}: Monatsauswahl: das Jahr ist per Tab nicht erreichbar (gehört: {heard})",
            )
        ]
    else:
        out = []
    key("Escape")
    pump(0.3)
    return out


def suggestions(content: Any, events: Any, where: str) -> list[tuple[str, str]]:
    """Typing a name opens the suggestions with their count announced; each Down is read
    once."""
    entry = find(content, lambda a: aid(a).endswith("kommune.name"))
    if entry is None:
        return [("suggest", f"{where}: Namensfeld nicht gefunden")]
    out: list[tuple[str, str]] = []
    _focus(entry)
    t = time.monotonic()
    type_text("Linden")
    if not announced(events, t, ["Vorschl"], 2.5):
        out.append(("suggest", f"{where}: Öffnen der Vorschläge ohne Ansage der Anzahl"))
    for n in (1, 2):
        t = time.monotonic()
        key("Down")
        pump(0.8)
        reads: dict[str, int] = {}
        for _, kind, src, data in events.since(t, "object:"):
            if kind.startswith("object:state-changed:focused") or kind.startswith(
                "object:active-descendant-changed"
            ):
                target = data if kind.startswith("object:active") and data is not None else src
                if target is None or entry == target or entry in list(ancestors(target)):
                    continue
                reads[name(target)] = reads.get(name(target), 0) + 1
        if not reads:
            out.append(("suggest", f"{where}: {n}. Pfeil ↓: kein Fokusereignis für den Vorschlag"))
        for text, count in reads.items():
            if count > 1:
                out.append(("suggest", f"{where}: {n}. Pfeil ↓: „{text}“ {count}× gemeldet"))
    key("Escape")
    pump(0.3)
    return out
