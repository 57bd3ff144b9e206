"""Field paths in findings and widgets: ``finanzplan.posten[2].betraege.2022``."""

from __future__ import annotations

import re
from itertools import pairwise
from typing import Any

PathPart = str | int

_TOKEN = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def parse_path(path: str) -> tuple[PathPart, ...]:
    """``"a.b[2].c"`` → ``("a", "b", 2, "c")``."""
    return tuple(int(idx) if idx else name for name, idx in _TOKEN.findall(path))


def format_path(parts: tuple[PathPart, ...] | list[PathPart]) -> str:
    out = ""
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else part
    return out


def template_path(path: str) -> str:
    """The spec path of a concrete path: list indices become ``[]``, year keys are dropped
    (``finanzplan.posten[2].betraege.2022`` → ``finanzplan.posten[].betraege``)."""
    parts = parse_path(path)
    out = ""
    for part in parts:
        if isinstance(part, int):
            out += "[]"
        elif part.isdecimal():
            break  # a year key of a year map
        else:
            out += f".{part}" if out else part
    return out


def get_value(data: Any, path: str | tuple[PathPart, ...]) -> Any:
    """The raw value at a path, or None where the path does not exist."""
    parts = parse_path(path) if isinstance(path, str) else path
    current = data
    for part in parts:
        if isinstance(part, int):
            if not isinstance(current, list) or not 0 <= part < len(current):
                return None
            current = current[part]
        else:
            if not isinstance(current, dict):
                return None
            current = current.get(part)
        if current is None:
            return None
    return current


def set_value(data: dict[str, Any], path: str, value: Any) -> None:
    """Set a value, creating the objects (and list items) on the way."""
    parts = parse_path(path)
    current: Any = data
    for part, nxt in pairwise(parts):
        container: Any = [] if isinstance(nxt, int) else {}
        if isinstance(part, int):
            while len(current) <= part:
                current.append({} if not isinstance(nxt, int) else [])
            if current[part] is None:
                current[part] = container
            current = current[part]
        else:
            if not isinstance(current.get(part), dict | list):
                current[part] = container
            current = current[part]
    last = parts[-1]
    if isinstance(last, int):
        while len(current) <= last:
            current.append(None)
    current[last] = value
