"""Reading the program from outside through the accessibility bus (AT-SPI via Debian's
pyatspi, system python3): the tree, the events a screen reader listens to, key presses."""

from __future__ import annotations

import re
import subprocess
import time
from collections.abc import Callable, Iterator
from typing import Any

import pyatspi
from gi.repository import GLib

INPUT_ROLES = {
    pyatspi.ROLE_TEXT,
    pyatspi.ROLE_ENTRY,
    pyatspi.ROLE_PASSWORD_TEXT,
    pyatspi.ROLE_COMBO_BOX,
    pyatspi.ROLE_CHECK_BOX,
    pyatspi.ROLE_RADIO_BUTTON,
    pyatspi.ROLE_SPIN_BUTTON,
    pyatspi.ROLE_SLIDER,
    pyatspi.ROLE_TOGGLE_BUTTON,
    pyatspi.ROLE_DATE_EDITOR,
}
INDEX = re.compile(r"\[\d+\]")

KEYSYMS = {
    "Tab": 0xFF09,
    "Return": 0xFF0D,
    "Escape": 0xFF1B,
    "Down": 0xFF54,
    "Up": 0xFF52,
    "Right": 0xFF53,
    "Left": 0xFF51,
    "space": 0x20,
    "BackSpace": 0xFF08,
    "F1": 0xFFBE,
    "F8": 0xFFC5,
}
KEYCODES = {  # the same keys in Xvfb's default (evdev) keymap
    "Tab": 23,
    "Return": 36,
    "Escape": 9,
    "Down": 116,
    "Up": 111,
    "Right": 114,
    "Left": 113,
    "space": 65,
    "BackSpace": 22,
    "F1": 67,
}


class Events:
    """The events of one application, as a screen reader gets them."""

    TYPES = (
        "object:state-changed:focused",
        "object:announcement",
        "object:property-change:accessible-name",
        "object:text-changed:insert",
        "object:active-descendant-changed",
        "object:state-changed:selected",
        "window:activate",
    )

    def __init__(self) -> None:
        self.log: list[tuple[float, str, Any, Any]] = []
        self.pid: int | None = None
        pyatspi.Registry.registerEventListener(self._on, *self.TYPES)

    def _on(self, event: Any) -> None:
        try:
            source = event.source
            if self.pid is not None and source.get_process_id() != self.pid:
                return
            if event.type.startswith("object:state-changed:") and not event.detail1:
                return
            self.log.append((time.monotonic(), str(event.type), source, event.any_data))
        except Exception:  # an object that died while its event travelled
            return

    def since(self, t: float, prefix: str) -> list[tuple[float, str, Any, Any]]:
        return [e for e in self.log if e[0] >= t and e[1].startswith(prefix)]

    def close(self) -> None:
        pyatspi.Registry.deregisterEventListener(self._on, *self.TYPES)


def stop(proc: Any) -> None:
    """End a process the audit started: politely, then for good after 10 s."""
    proc.terminate()
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()


def pump(seconds: float) -> None:
    """Let events arrive (the GLib loop pyatspi delivers them on)."""
    ctx = GLib.MainContext.default()
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        while ctx.pending():
            ctx.iteration(False)
        time.sleep(0.005)


def wait_for(pred: Callable[[], Any], timeout: float = 5.0, step: float = 0.02) -> Any:
    end = time.monotonic() + timeout
    while True:
        pump(0)
        try:
            value = pred()
        except Exception:
            value = None
        if value or time.monotonic() > end:
            return value
        pump(step)


def key(name: str, modifiers: tuple[str, ...] = ()) -> None:
    """A real key press through XTest (the registry daemon), to the focused window."""
    mods = {"Alt": 64, "Control": 37, "Shift": 50}  # keycodes of Xvfb's default keymap
    for m in modifiers:
        pyatspi.Registry.generateKeyboardEvent(mods[m], None, pyatspi.KEY_PRESS)
    code = KEYCODES.get(name) if modifiers else None
    if code is not None:
        # with a modifier held, by keycode: a synthesized keysym may come after the modifier's
        # release, and Alt pressed alone opens the menu bar (Alt+↓ then opened „Datei“)
        pyatspi.Registry.generateKeyboardEvent(code, None, pyatspi.KEY_PRESS)
        pyatspi.Registry.generateKeyboardEvent(code, None, pyatspi.KEY_RELEASE)
    else:
        sym = KEYSYMS.get(name, ord(name) if len(name) == 1 else 0)
        pyatspi.Registry.generateKeyboardEvent(sym, None, pyatspi.KEY_SYM)
    for m in reversed(modifiers):
        pyatspi.Registry.generateKeyboardEvent(mods[m], None, pyatspi.KEY_RELEASE)


def type_text(text: str) -> None:
    for ch in text:
        pyatspi.Registry.generateKeyboardEvent(ord(ch), None, pyatspi.KEY_SYM)
        pump(0.02)


def aid(acc: Any) -> str:
    try:
        return str(acc.get_accessible_id() or "")
    except Exception:
        return ""


def name(acc: Any) -> str:
    try:
        return str(acc.name or "")
    except Exception:
        return ""


def description(acc: Any) -> str:
    try:
        return str(acc.description or "")
    except Exception:
        return ""


def has(acc: Any, state: Any) -> bool:
    try:
        return bool(acc.getState().contains(state))
    except Exception:
        return False


def children(acc: Any) -> list[Any]:
    try:
        return [c for c in acc if c is not None]
    except Exception:
        return []


def walk(acc: Any, showing: bool = True, depth: int = 0) -> Iterator[Any]:
    if depth > 60 or (showing and not has(acc, pyatspi.STATE_SHOWING)):
        return
    yield acc
    for c in children(acc):
        yield from walk(c, showing, depth + 1)


def find(root: Any, pred: Callable[[Any], bool], showing: bool = True) -> Any:
    return next((a for a in walk(root, showing) if pred(a)), None)


def extents(acc: Any) -> tuple[int, int, int, int] | None:
    try:
        e = acc.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
        return int(e.x), int(e.y), int(e.width), int(e.height)
    except Exception:
        return None


def labels_of(acc: Any) -> list[Any]:
    out = []
    try:
        for rel in acc.getRelationSet():
            if rel.getRelationType() == pyatspi.RELATION_LABELLED_BY:
                out += [rel.getTarget(i) for i in range(rel.getNTargets())]
    except Exception:
        pass
    return out


def spoken(acc: Any) -> str:
    """The name a screen reader says for an input: a label relation wins over the object's own
    name (Orca's rule, measured: TIPS.md); the asterisk of a visible label is not spoken."""
    labels = [name(label) for label in labels_of(acc) if label is not None]
    text = " ".join(t for t in labels if t) or name(acc)
    return " ".join(text.replace("*", " ").split())


def ancestors(acc: Any) -> Iterator[Any]:
    node = acc
    for _ in range(60):
        try:
            node = node.parent
        except Exception:
            return
        if node is None:
            return
        yield node


def field_path(identifier: str, fields: dict[str, Any]) -> tuple[str | None, str]:
    """The form field an object belongs to, from the objectName chain Qt puts into the
    accessible id: (normalised path, the object's own last name)."""
    parts = identifier.split(".")
    for i in range(len(parts)):
        tail = ".".join(parts[i:])
        base = re.split(r"[#:]", tail, maxsplit=1)[0]
        norm = INDEX.sub("[]", base)
        if norm in fields:
            return norm, tail
    return None, parts[-1] if parts else ""
