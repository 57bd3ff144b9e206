"""The audit's checks of one page or dialog, each returning defects as (row, text) pairs.
Rows name the issue-14 item whose promise they check."""

from __future__ import annotations

import itertools
import re
import time
from typing import Any

import pyatspi
from bus import (
    INDEX,
    INPUT_ROLES,
    aid,
    ancestors,
    children,
    description,
    extents,
    field_path,
    find,
    has,
    key,
    labels_of,
    name,
    pump,
    spoken,
    wait_for,
    walk,
)

Defect = tuple[str, str]
CHOICE_ROLES = {pyatspi.ROLE_CHECK_BOX, pyatspi.ROLE_RADIO_BUTTON}


def inputs(root: Any) -> list[Any]:
    return [
        a
        for a in walk(root)
        if a.getRole() in INPUT_ROLES
        and has(a, pyatspi.STATE_FOCUSABLE)
        and has(a, pyatspi.STATE_SENSITIVE)
    ]


def read_only(a: Any) -> bool:
    """A text shown but not editable (Qt: a read-only line edit loses „editable“)."""
    return has(a, pyatspi.STATE_READ_ONLY) or (
        a.getRole() in (pyatspi.ROLE_TEXT, pyatspi.ROLE_ENTRY)
        and not has(a, pyatspi.STATE_EDITABLE)
    )


def context_ok(said: str, path_id: str, info: dict[str, Any]) -> bool:
    """An input in a repeat says its item's number; one in a sub-group its group's title."""
    indices = [int(m) for m in re.findall(r"\[(\d+)\]", path_id)]
    if info.get("repeat") and indices and not re.search(rf"(?<!\d){indices[-1] + 1}(?!\d)", said):
        return False
    if info.get("context") and not info.get("repeat"):
        group = info["context"][-1]
        short = group.split(" – ")[0]
        if short.lower() not in said.lower():
            return False
    return True


def names(root: Any, fields: dict[str, Any], where: str) -> list[Defect]:
    """Item 1/2: every input's spoken name is there, unique on its page and carries the item
    and group context."""
    out: list[Defect] = []
    seen: dict[str, list[str]] = {}
    grouped: set[str] = set()
    for a in inputs(root):
        said = spoken(a)
        ident = aid(a)
        path, own = field_path(ident, fields)
        if not said:
            out.append(("names", f"{where}: unbenannt {own}"))
            continue
        key_ = said.lower()
        if a.getRole() in CHOICE_ROLES and "#" in own:
            # an option is heard after its group's name: unique within the group
            key_ = own.split("#")[0] + "#" + key_
        seen.setdefault(key_, []).append(own)
        heard = said
        if path and a.getRole() in CHOICE_ROLES and "#" in own:
            code = own.split("#", 1)[1].split(":")[0]
            text = fields[path].get("choice_labels", {}).get(code, "")
            labels = [name(label) for label in labels_of(a) if label is not None]
            if len(labels) > 1 or (text and not said.lower().startswith(text.lower()[:20])):
                out.append(("options", f"{where}: Option „{text}“ gehört als „{said}“ ({own})"))
        if a.getRole() in CHOICE_ROLES and "#" in own:
            if own.split("#")[0] in grouped:
                continue
            grouped.add(own.split("#")[0])
            # an option is heard with the names of the groups it enters
            heard = " ".join([said, *(name(g) for g in list(ancestors(a))[:3])])
        if path and not context_ok(heard, own, fields[path]):
            out.append(("context", f"{where}: „{said}“ ohne Kontext ({own})"))
    for said, owners in seen.items():
        said = said.split("#")[-1]
        if len(owners) > 1:
            out += [("names", f"{where}: „{said}“ {len(owners)}× ({o})") for o in owners[1:]]
    return out


def required(root: Any, fields: dict[str, Any], where: str) -> list[Defect]:
    """Item 3: every required input exposes it (the state, or "Pflicht…" in its name or
    description); a choice group may carry it on the group. A value the program computes and
    shows read-only (an attachment's hash and size) is no input the user must fill in; a
    read-only value the user supplies another way (the chosen file) still is."""
    out: list[Defect] = []
    done: set[str] = set()
    for a in inputs(root):
        path, own = field_path(aid(a), fields)
        if path is None or not fields[path]["required"]:
            continue
        if fields[path].get("computed") and read_only(a):
            continue
        key_ = own.split("#")[0].split(":")[0]
        if key_ in done:
            continue
        candidates = [a]
        if a.getRole() in CHOICE_ROLES:
            candidates += list(ancestors(a))[:3]
        if not any(
            has(c, pyatspi.STATE_REQUIRED)
            or "pflicht" in (name(c) + " " + description(c) + " " + spoken(c)).lower()
            for c in candidates
        ):
            out.append(("required", f"{where}: {key_} ohne „Pflicht“"))
        done.add(key_)
    return out


def headings(content: Any, title: str, where: str) -> list[Defect]:
    """Item 9: the page's title is exposed as a heading."""
    found = find(content, lambda a: a.getRole() == pyatspi.ROLE_HEADING and title in name(a))
    return [] if found else [("headings", f"{where}: Titel „{title}“ nicht als Überschrift")]


def table(content: Any, where: str) -> list[Defect]:
    """Item 6: the budget grid is a table with row and column headers."""
    grid = find(content, lambda a: a.getRole() == pyatspi.ROLE_TABLE and "finanzplan" in aid(a))
    if grid is None:
        return [("table", f"{where}: keine Tabelle (role table) für den Finanzplan")]
    out: list[Defect] = []
    t = grid.queryTable()
    if t.nRows < 2 or t.nColumns < 2:
        out.append(("table", f"{where}: Tabelle {t.nRows}×{t.nColumns}"))
    for c in range(t.nColumns):
        head = t.getColumnHeader(c)
        if not (name(head) if head is not None else t.getColumnDescription(c)):
            out.append(("table", f"{where}: Spalte {c + 1} ohne Kopf"))
    for r in range(t.nRows):
        head = t.getRowHeader(r)
        if not (name(head) if head is not None else t.getRowDescription(r)):
            out.append(("table", f"{where}: Zeile {r + 1} ohne Kopf"))
    return out


def _region(box: tuple[int, int, int, int], view: tuple[int, int, int, int]) -> int:
    x, y, w, h = box
    vx, vy, vw, vh = view
    cx = x + w / 2
    if cx < vx:
        return 0  # the section list at the left
    if cx > vx + vw:
        return 4  # the help panel at the right
    if y + h <= vy + 2:
        return 1  # above the page (notices)
    if y >= vy + vh - 2:
        return 3  # below the page (Zurück/Weiter)
    return 2


def tab_order(
    window: Any,
    start: Any,
    content: Any,
    view: Any,
    fields: dict[str, Any],
    events: Any,
    where: str,
    limit: int = 260,
) -> list[Defect]:
    """Items 5, 8, 9: Tab from `start` once round the window. Every stop is named, visible
    (scrolled into view), follows the reading order (regions left to right: section list,
    notices, page, navigation, help; inside the page top to bottom, left to right, a new
    column of a group to the right), choice groups in choice order, a radio group is entered at
    its selected option, and every input of the page is reached."""
    out: list[Defect] = []
    row = "review" if where.endswith("/ Prüfen") else "order"
    start.queryComponent().grabFocus()
    wait_for(lambda: has(start, pyatspi.STATE_FOCUSED), 2)
    stops: list[dict[str, Any]] = []
    seen_ids: set[str] = set()
    first_id = ""
    for _ in range(limit):
        t = time.monotonic()
        key("Tab")
        ev = wait_for(lambda t=t: events.since(t, "object:state-changed:focused"), 1.5)
        if not ev:
            out.append(("taborder", f"{where}: Tab bewegt den Fokus nicht mehr"))
            break
        pump(0.03)
        acc = events.since(t, "object:state-changed:focused")[-1][2]
        ident = aid(acc) + "|" + name(acc)
        if acc == start or start in list(ancestors(acc)):
            break  # round the window, back at the start
        if not first_id:
            first_id = ident
        elif ident == first_id or ident in seen_ids:
            break
        seen_ids.add(ident)
        box = extents(acc)
        cbox = extents(content)
        vbox = extents(view)
        if box is None or cbox is None or vbox is None:
            continue
        inside = content in list(ancestors(acc))
        stops.append(
            {
                "acc": acc,
                "id": aid(acc),
                "said": spoken(acc),
                "role": acc.getRole(),
                "box": box,
                "inside": inside,
                "rel": (box[0] - cbox[0], box[1] - cbox[1]),
                "region": 2 if inside else _region(box, vbox),
                "view": vbox,
            }
        )
    reached = {s["id"] for s in stops}
    layered = {
        aid(a)
        for s in stops
        for a in ancestors(s["acc"])
        if a.getRole() == pyatspi.ROLE_LAYERED_PANE and not name(a)
    }
    out += [
        ("unnamed", f"{where}: Fokus betritt unbenannte „layered pane“ {i[-30:]}") for i in layered
    ]
    for s in stops:
        short = s["id"].rsplit(".", 1)[-1]
        if not s["said"]:
            out.append(("unnamed", f"{where}: unbenannter Halt {s['acc'].getRoleName()} {short}"))
        _x, y, _w, h = s["box"]
        _vx, vy, _vw, vh = s["view"]
        if s["inside"] and (y < vy - 1 or y + min(h, vh) > vy + vh + 1):
            out.append(
                ("visible", f"{where}: fokussiert außerhalb der Sicht: {s['said'] or short}")
            )
        if s["role"] == pyatspi.ROLE_RADIO_BUTTON and not has(s["acc"], pyatspi.STATE_CHECKED):
            group = s["acc"].parent
            if any(has(c, pyatspi.STATE_CHECKED) for c in children(group)):
                out.append(("radio", f"{where}: Tab landet auf nicht gewählter Option {short}"))
    for a, b in itertools.pairwise(stops):
        if b["region"] != a["region"]:
            if b["region"] < a["region"]:
                out.append((row, f"{where}: „{b['said']}“ nach „{a['said']}“ (Bereich)"))
            continue
        (ax, ay), (bx, by) = (a["rel"], b["rel"]) if a["inside"] else (a["box"][:2], b["box"][:2])
        ah = a["box"][3]
        same_row = abs(by - ay) < max(8, ah // 2)
        new_column = (
            bx >= ax + a["box"][2] - 2 and a["id"].rsplit(".", 1)[0] == b["id"].rsplit(".", 1)[0]
        )
        if (same_row and bx < ax - 2) or (not same_row and by < ay and not new_column):
            out.append((row, f"{where}: „{b['said']}“ nach „{a['said']}“"))
    # choice groups in choice order
    groups: dict[str, list[str]] = {}
    for s in stops:
        path, own = field_path(s["id"], fields)
        if path and "#" in own and fields[path]["type"] == "multi":
            base, code = own.split("#", 1)
            groups.setdefault(base, []).append(code)
    for base, codes in groups.items():
        path, _ = field_path(base, fields)
        order = [c for c in fields[path]["choices"] if c in codes] if path else codes
        if codes != order:
            out.append((row, f"{where}: {base}: Tab {codes[:4]}… statt {order[:4]}…"))
    for a in inputs(content):
        if aid(a) not in reached and a.getRole() != pyatspi.ROLE_RADIO_BUTTON:
            out.append(("reach", f"{where}: per Tab nicht erreichbar: {spoken(a) or aid(a)[-40:]}"))
    return out


def announced(events: Any, t: float, words: list[str], timeout: float = 2.5) -> bool:
    def hit() -> bool:
        for _, _, _, data in events.since(t, "object:announcement"):
            text = str(data or "")
            if all(w.lower() in text.lower() for w in words):
                return True
        return False

    return bool(wait_for(hit, timeout))


def shown_text_objects(
    root: Any, clip: tuple[int, int, int, int]
) -> list[tuple[Any, tuple[int, int, int, int]]]:
    """Objects that show text, fully inside `clip` (the visible part of the page)."""
    roles = {
        pyatspi.ROLE_LABEL,
        pyatspi.ROLE_HEADING,
        pyatspi.ROLE_PUSH_BUTTON,
        pyatspi.ROLE_CHECK_BOX,
        pyatspi.ROLE_RADIO_BUTTON,
        pyatspi.ROLE_TEXT,
        pyatspi.ROLE_COMBO_BOX,
        pyatspi.ROLE_LIST_ITEM,
        pyatspi.ROLE_LINK,
        pyatspi.ROLE_TABLE_CELL,
        pyatspi.ROLE_COLUMN_HEADER,
        pyatspi.ROLE_ROW_HEADER,
        pyatspi.ROLE_STATUS_BAR,
        pyatspi.ROLE_PAGE_TAB,
        pyatspi.ROLE_STATIC,
    }
    out = []
    cx, cy, cw, ch = clip
    for a in walk(root):
        if a.getRole() not in roles or not has(a, pyatspi.STATE_SENSITIVE):
            continue
        box = extents(a)
        if box is None or box[2] < 8 or box[3] < 8:
            continue
        x, y, w, h = box
        if x >= cx and y >= cy and x + w <= cx + cw and y + h <= cy + ch:
            out.append((a, box))
    return out


def index_of(path: str) -> int:
    m = INDEX.findall(path)
    return int(m[-1][1:-1]) if m else -1
