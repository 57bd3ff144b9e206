"""Mutations of drafts and packages for the fuzz test (hypothesis) and ``make fuzz``.

Every mutator takes a `random.Random` (hypothesis hands one in through ``st.randoms()``, so its
choices shrink) and returns new bytes: byte-level damage (flips, cuts, copies, hostile tokens)
and structural changes (a value anywhere replaced by a hostile one, keys doubled, lists blown
up, nesting deepened, the envelope's own keys of the wrong type).
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Callable
from typing import Any

HOSTILE_TOKENS: tuple[bytes, ...] = (
    b'"', b"{", b"}", b"[", b"]", b",", b":", b"\\", b"\\ud800", b"\\udfff", b"\\u0000",
    b"NaN", b"Infinity", b"-Infinity", b"1e999", b"-1e999", b"1" * 40, b"9" * 5000,
    b"\xef\xbb\xbf", b"\xff\xfe", b"\x00", b"\xc3", b"\xed\xa0\x80", b"null", b"true",
    b'"einwohner": 9999999, "einwohner": 1', b"[" * 200, b"]" * 200, b"\n", b"\t",
)  # fmt: skip


def hostile_value(rng: random.Random, depth: int = 0) -> Any:
    choices: list[Callable[[], Any]] = [
        lambda: 10**30,
        lambda: -(10**30),
        lambda: 2**63,
        lambda: -1,
        lambda: 0,
        lambda: 1e308,
        lambda: -0.0,
        lambda: 0.1,
        lambda: "",
        lambda: " ",
        lambda: "x" * rng.choice((1, 201, 5001, 100_000)),
        lambda: "1" + "0" * 40 + ".00",
        lambda: "30000.001",
        lambda: "2021-02-30",
        lambda: "9999-99",
        lambda: "../../etc/passwd",
        lambda: "\u202e\u0000\x1b[31m",
        lambda: None,
        lambda: True,
        lambda: [],
        lambda: {},
        lambda: [hostile_value(rng, depth + 1) for _ in range(rng.randint(0, 3))],
        lambda: {f"k{i}": hostile_value(rng, depth + 1) for i in range(rng.randint(0, 3))},
        lambda: _nest(rng.choice((10, 31, 40, 200))),
        lambda: [{}] * rng.choice((51, 1001, 20_000)),
    ]
    if depth > 3:
        choices = choices[:21]
    return rng.choice(choices)()


def _nest(levels: int) -> Any:
    value: Any = 1
    for _ in range(levels):
        value = [value]
    return value


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if isinstance(value, dict):
        for key, child in value.items():
            out.extend(_paths(child, (*prefix, key)))
    elif isinstance(value, list):
        for index, child in enumerate(value[:20]):
            out.extend(_paths(child, (*prefix, index)))
    return out


def _set(root: Any, path: tuple[Any, ...], value: Any) -> Any:
    if not path:
        return value
    parent = root
    for part in path[:-1]:
        parent = parent[part]
    parent[path[-1]] = value
    return root


def _delete(root: Any, path: tuple[Any, ...]) -> Any:
    if not path:
        return root
    parent = root
    for part in path[:-1]:
        parent = parent[part]
    del parent[path[-1]]
    return root


# --------------------------------------------------------------------------- drafts


def _flip(rng: random.Random, raw: bytes) -> bytes:
    data = bytearray(raw)
    for _ in range(rng.randint(1, 8)):
        pos = rng.randrange(len(data))
        data[pos] = rng.randrange(256)
    return bytes(data)


def _cut(rng: random.Random, raw: bytes) -> bytes:
    start = rng.randrange(len(raw))
    end = min(len(raw), start + rng.randint(1, 400))
    return raw[:start] + raw[end:]


def _copy_span(rng: random.Random, raw: bytes) -> bytes:
    start = rng.randrange(len(raw))
    end = min(len(raw), start + rng.randint(1, 400))
    at = rng.randrange(len(raw))
    return raw[:at] + raw[start:end] + raw[at:]


def _token(rng: random.Random, raw: bytes) -> bytes:
    at = rng.randrange(len(raw))
    return raw[:at] + rng.choice(HOSTILE_TOKENS) + raw[at:]


def _truncate(rng: random.Random, raw: bytes) -> bytes:
    return raw[: rng.randrange(len(raw))]


def _double_key(rng: random.Random, raw: bytes) -> bytes:
    pairs = list(re.finditer(rb'"([a-z_0-9]+)": ("[^"\\]*"|-?\d+(?:\.\d+)?|true|false)', raw))
    if not pairs:
        return raw
    match = rng.choice(pairs)
    extra = b', "' + match.group(1) + b'": ' + json.dumps(hostile_value(rng)).encode()
    return raw[: match.end()] + extra + raw[match.end() :]


def _structural(
    change: Callable[[random.Random, Any], Any],
) -> Callable[[random.Random, bytes], bytes]:
    def mutate(rng: random.Random, raw: bytes) -> bytes:
        try:
            envelope = json.loads(raw)
        except ValueError:
            return raw
        changed = change(rng, envelope)
        try:
            return json.dumps(changed, ensure_ascii=rng.random() < 0.5).encode("utf-8")
        except (ValueError, RecursionError):
            return raw

    return mutate


def _replace_value(rng: random.Random, envelope: Any) -> Any:
    path = rng.choice(_paths(envelope))
    return _set(envelope, path, hostile_value(rng))


def _drop_value(rng: random.Random, envelope: Any) -> Any:
    path = rng.choice(_paths(envelope)[1:] or [()])
    return _delete(envelope, path)


def _envelope_key(rng: random.Random, envelope: Any) -> Any:
    if not isinstance(envelope, dict):
        return envelope
    key = rng.choice(["format", "format_version", "form", "meta", "data", "files",
                      "acknowledgements", "lineage", "form_id", "quittierte_hinweise"])  # fmt: skip
    envelope[key] = rng.choice(
        [hostile_value(rng), "1", 1.0, True, 0, 2, 9, {"id": "../x", "version": "9"}]
    )
    return envelope


def _grow_list(rng: random.Random, envelope: Any) -> Any:
    lists = [
        p for p in _paths(envelope) if isinstance(_get(envelope, p), list) and _get(envelope, p)
    ]
    if not lists:
        return envelope
    path = rng.choice(lists)
    items = _get(envelope, path)
    return _set(envelope, path, items * rng.choice((2, 60, 1200)))


def _get(root: Any, path: tuple[Any, ...]) -> Any:
    for part in path:
        root = root[part]
    return root


def _bom(rng: random.Random, raw: bytes) -> bytes:
    return rng.choice((b"\xef\xbb\xbf", b"\xef\xbb\xbf\xef\xbb\xbf", b"\xff\xfe", b" \n")) + raw


DRAFT_MUTATORS: tuple[Callable[[random.Random, bytes], bytes], ...] = (
    _flip,
    _cut,
    _copy_span,
    _token,
    _truncate,
    _double_key,
    _structural(_replace_value),
    _structural(_replace_value),
    _structural(_drop_value),
    _structural(_envelope_key),
    _structural(_grow_list),
    _bom,
)


def mutate_draft(rng: random.Random, raw: bytes) -> bytes:
    """One to three mutations of a draft file."""
    for _ in range(rng.randint(1, 3)):
        if not raw:
            break
        raw = rng.choice(DRAFT_MUTATORS)(rng, raw)
    return raw


# --------------------------------------------------------------------------- packages


def mutate_package(rng: random.Random, files: dict[str, bytes]) -> dict[str, bytes]:
    """Damage a package folder held in memory: a file's bytes, a JSON value, a file added,
    removed, renamed or swapped, or a PDF replaced by a decompression bomb."""
    from hostile import pdf_bomb

    files = dict(files)
    name = rng.choice(sorted(files))
    kind = rng.randrange(8)
    if kind == 0 and files[name]:
        files[name] = _flip(rng, files[name])
    elif kind == 1 and files[name]:
        files[name] = _truncate(rng, files[name])
    elif kind == 2 and name.endswith(".json"):
        files[name] = _structural(_replace_value)(rng, files[name])
    elif kind == 3:
        files[f"anlagen/{rng.randrange(100)}_extra.pdf"] = b"%PDF-1.7\n"
    elif kind == 4 and len(files) > 1:
        del files[name]
    elif kind == 5:
        other = rng.choice(sorted(files))
        files[name], files[other] = files[other], files[name]
    elif kind == 6:  # the application's PDF (issue 11's name, or bewerbung.pdf of format 1)
        pdfs = [n for n in sorted(files) if n.endswith(".pdf") and "Anlage" not in n]
        files[pdfs[0] if pdfs else "bewerbung.pdf"] = pdf_bomb(rng.choice((1, 4)))
    else:
        files[name] = mutate_draft(rng, files[name]) if files[name] else b"x"
    return files


def mutate_mail(rng: random.Random, mail: bytes) -> bytes:
    """Damage the .eml: bytes, a forged duplicate or nested part, or broken MIME structure."""
    from hostile import forged_mails

    kind = rng.randrange(5)
    if kind == 0:
        return _flip(rng, mail)
    if kind == 1:
        return _cut(rng, mail)
    if kind == 2:
        return rng.choice(list(forged_mails(mail).values()))
    if kind == 3:
        return mail.replace(b"boundary=", b"boundary=x", 1)
    return _copy_span(rng, mail)
