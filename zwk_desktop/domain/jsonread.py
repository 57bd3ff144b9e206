"""The one strict reader of JSON that comes from outside (drafts, package files, settings).

Python's `json` module accepts things no file of ours ever contains and that turn into silent
changes or crashes later: a key twice in one object (the last one wins without a word), ``NaN``
and ``Infinity``, numbers that overflow to infinity (``1e999``), lone UTF-16 surrogates
(``"\\ud800"``, which cannot be written back as UTF-8), nesting hundreds of levels deep, and
millions of tiny values that cost gigabytes once parsed. `loads` refuses each of them with one
German sentence (`JsonProblem`), checks the counts that bound memory before it parses, and
never raises anything else.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from math import isfinite
from typing import Any

from zwk_desktop import limits

BOM = b"\xef\xbb\xbf"
_SURROGATE = re.compile("[\ud800-\udfff]")


class JsonProblem(ValueError):
    """The text is no JSON this program reads; the message is one German sentence."""


@dataclass(frozen=True)
class JsonLimits:
    max_depth: int = limits.MAX_JSON_DEPTH
    max_containers: int = limits.MAX_JSON_CONTAINERS
    max_array: int = limits.MAX_JSON_ARRAY
    max_separators: int = limits.MAX_JSON_SEPARATORS
    max_int_digits: int = limits.MAX_JSON_INT_DIGITS


DEFAULT_LIMITS = JsonLimits()


def number(value: int) -> str:
    """``100000`` → ``"100.000"`` (babel stays unloaded: settings are read at start-up)."""
    return f"{value:,}".replace(",", ".")


def decode_text(raw: bytes) -> str:
    """UTF-8 text without its byte order mark; JsonProblem when it is not UTF-8."""
    if raw.startswith(BOM):
        raw = raw[len(BOM) :]
        if raw.startswith(BOM):
            raise JsonProblem(
                "Die Datei beginnt mit zwei Byte-Order-Markierungen (BOM) statt höchstens einer; "
                "sie wurde vermutlich zweimal umkodiert. Bitte speichern Sie sie als UTF-8 ohne "
                "BOM."
            )
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise JsonProblem(
            f"Die Datei ist nicht in UTF-8 kodiert (ungültiges Byte an Stelle {exc.start})."
        ) from None


def loads(raw: bytes | str, lim: JsonLimits = DEFAULT_LIMITS) -> Any:
    """Parse JSON strictly; raises JsonProblem (German) and nothing else."""
    text = decode_text(raw) if isinstance(raw, bytes) else raw
    if text.startswith("\ufeff"):
        raise JsonProblem(
            "Die Datei beginnt mit zwei Byte-Order-Markierungen (BOM) statt höchstens einer; "
            "sie wurde vermutlich zweimal umkodiert. Bitte speichern Sie sie als UTF-8 ohne BOM."
        )
    _check_counts(text, lim)
    try:
        value = json.loads(
            text,
            object_pairs_hook=_unique_object,
            parse_constant=_reject_constant,
        )
    except JsonProblem:
        raise
    except json.JSONDecodeError as exc:
        raise JsonProblem(
            f"Die Datei ist kein gültiges JSON (Zeile {exc.lineno}, Spalte {exc.colno}: "
            f"{_json_problem(exc.msg)})."
        ) from None
    except RecursionError:
        raise _too_deep(lim) from None
    except (ValueError, TypeError, OverflowError) as exc:
        if "digits" in str(exc):  # Python refuses to convert more than 4300 digits
            raise _too_many_digits(lim) from None
        raise JsonProblem("Die Datei ist kein gültiges JSON (unzulässige Werte).") from None
    _check_structure(value, lim)
    return value


def _too_deep(lim: JsonLimits) -> JsonProblem:
    return JsonProblem(
        f"Die Datei ist zu tief verschachtelt (mehr als {lim.max_depth} Ebenen); ein "
        "ZWK-Dokument hat nur wenige Ebenen."
    )


def _check_counts(text: str, lim: JsonLimits) -> None:
    """Bound what parsing can cost before parsing. Counts include brackets and commas inside
    strings, so they only ever overestimate; Base64 contains none of them."""
    containers = text.count("{") + text.count("[")
    if containers > lim.max_containers:
        raise JsonProblem(
            f"Die Datei enthält zu viele Listen und Gruppen (über {number(lim.max_containers)}); "
            "so viele hat kein ZWK-Dokument."
        )
    if text.count(",") > lim.max_separators:
        raise JsonProblem(
            f"Die Datei enthält zu viele Einträge (über {number(lim.max_separators)}); so viele "
            "hat kein ZWK-Dokument."
        )


def shown(text: str, limit: int = 60) -> str:
    """A string from an untrusted file as it may appear in a message: no control characters,
    no lone surrogates, at most `limit` characters."""
    clean = "".join(
        "\ufffd" if (ch < " " or "\x7f" <= ch < "\xa0" or "\ud800" <= ch <= "\udfff") else ch
        for ch in text[: limit + 1]
    )
    return clean if len(clean) <= limit else clean[: limit - 1] + "…"


def _unique_object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out = dict(pairs)
    if len(out) != len(pairs):
        seen: dict[str, Any] = {}
        for key, value in pairs:
            if key in seen:
                raise JsonProblem(
                    f"Die Angabe „{shown(key)}“ steht zweimal im selben Objekt (mit "
                    f"{_short(seen[key])} und {_short(value)}); welche gilt, ist nicht "
                    "eindeutig. Bitte entfernen Sie eine der beiden."
                )
            seen[key] = value
    return out


def _short(value: Any) -> str:
    if isinstance(value, str):
        return f"„{shown(value, 30)}“"
    if isinstance(value, dict | list):
        return "einer Gruppe" if isinstance(value, dict) else "einer Liste"
    return shown(json.dumps(value), 30)


def _reject_constant(name: str) -> Any:
    raise JsonProblem(
        f"Die Datei enthält den Wert {name}; erlaubt sind nur endliche Zahlen (NaN und "
        "Unendlich gibt es in JSON nicht)."
    )


def _too_many_digits(lim: JsonLimits) -> JsonProblem:
    return JsonProblem(
        f"Die Datei enthält eine ganze Zahl mit mehr als {lim.max_int_digits} Stellen; so "
        "große Zahlen gibt es in keinem ZWK-Dokument."
    )


def _infinite() -> JsonProblem:
    return JsonProblem(
        "Die Datei enthält eine Zahl, die zu groß ist (sie wäre unendlich, z. B. 1e999); bitte "
        "prüfen Sie den Wert."
    )


def _check_structure(value: Any, lim: JsonLimits) -> None:
    """Depth, sizes, whole numbers and lone surrogates, walked without recursion. Types are
    compared by identity: json only ever makes dict, list, str, int, float, bool and None."""
    int_limit = 10**lim.max_int_digits
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        node, depth = stack.pop()
        kind = type(node)
        if kind is str:
            _check_string(node)
            continue
        if kind is int:
            _check_int(node, int_limit, lim)
            continue
        if kind is float:
            if not math.isfinite(node):
                raise _infinite()
            continue
        if kind is not dict and kind is not list:
            continue
        if depth > lim.max_depth:
            raise _too_deep(lim)
        if len(node) > lim.max_array:
            what = "Gruppe" if kind is dict else "Liste"
            raise JsonProblem(
                f"Eine {what} der Datei hat {number(len(node))} Einträge; erlaubt sind höchstens "
                f"{number(lim.max_array)}."
            )
        children = node.values() if kind is dict else node
        if kind is dict:
            for key in node:
                if not key.isascii():
                    _check_string(key)
        for child in children:
            t = type(child)
            if t is dict or t is list:
                stack.append((child, depth + 1))
            elif t is str:
                if not child.isascii():
                    _check_string(child)
            elif t is int:
                if not -int_limit < child < int_limit:
                    raise _too_many_digits(lim)
            elif t is float and not isfinite(child):
                raise _infinite()


def _check_int(value: int, int_limit: int, lim: JsonLimits) -> None:
    if not -int_limit < value < int_limit:
        raise _too_many_digits(lim)


def _check_string(text: str) -> None:
    if text.isascii():
        return
    match = _SURROGATE.search(text)
    if match is not None:
        code = ord(match.group())
        raise JsonProblem(
            f"Die Datei enthält ein ungültiges Zeichen (\\u{code:04x}, eine halbe "
            "UTF-16-Ersatzfolge) in einem Text; so ein Zeichen lässt sich nicht speichern. "
            "Bitte entfernen Sie es."
        )


def _json_problem(msg: str) -> str:
    known = {
        "Expecting value": "Wert erwartet",
        "Expecting property name enclosed in double quotes": (
            "Feldname in Anführungszeichen erwartet"
        ),
        "Expecting ',' delimiter": "Komma erwartet",
        "Expecting ':' delimiter": "Doppelpunkt erwartet",
        "Extra data": "überzählige Zeichen nach dem Ende",
        "Unterminated string starting at": "Text ohne schließendes Anführungszeichen",
        "Invalid control character at": "unzulässiges Steuerzeichen",
        "Invalid \\escape": "ungültige Escape-Folge",
        "Invalid \\uXXXX escape": "ungültige \\u-Escape-Folge",
    }
    return known.get(msg, "unerwartetes Zeichen")
