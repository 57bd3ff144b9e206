"""Hypothesis strategies: random valid drafts built from the form definition, and damaged or
garbage draft files."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
from typing import Any

from conftest import EXAMPLES
from hypothesis import strategies as st
from store_helpers import FIXTURES

from zwk_desktop.domain.draft import Acknowledgement, Draft
from zwk_desktop.formspec import FormField, FormSpec, get_form

TEXT = st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=40)
"""Any Unicode text a UTF-8 file can hold (no lone surrogates)."""


def _money() -> st.SearchStrategy[str]:
    return st.decimals(min_value=0, max_value=100_000, places=2).map(lambda d: f"{d:.2f}")


def _scalar(spec: FormSpec, f: FormField) -> st.SearchStrategy[Any]:
    t = f.type
    if t in ("text", "long", "email", "phone"):
        return TEXT
    if t == "int":
        return st.integers(-(10**9), 10**12)
    if t == "dec":
        return st.floats(allow_nan=False, allow_infinity=False, min_value=-1e9, max_value=1e9)
    if t == "money":
        return _money()
    if t == "date":
        return st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31)).map(dt.date.isoformat)
    if t == "month":
        return st.dates(dt.date(2020, 1, 1), dt.date(2026, 12, 31)).map(
            lambda d: d.strftime("%Y-%m")
        )
    if t == "bool":
        return st.booleans()
    if t == "choice":
        return st.sampled_from(f.choice_codes)
    if t == "multi":
        return st.lists(st.sampled_from(f.choice_codes), unique=True, max_size=4)
    if t == "year_map":
        return st.fixed_dictionaries({}, optional={y: _money() for y in spec.policy.year_keys})
    raise AssertionError(t)


def _node(spec: FormSpec, f: FormField) -> st.SearchStrategy[Any]:
    if f.type == "group":
        return st.fixed_dictionaries({}, optional={c.id: _node(spec, c) for c in f.fields})
    if f.type == "list":
        item = st.fixed_dictionaries({}, optional={c.id: _node(spec, c) for c in f.fields})
        return st.lists(item, max_size=2)
    return _scalar(spec, f)


@st.composite
def valid_drafts(draw: st.DrawFn) -> Draft:
    """A draft of the installed form with random values of the right types and attachments
    whose bytes match their hashes (the findings of the validation do not matter here)."""
    spec = get_form()
    sections = {s.id: _node(spec, s.node) for s in spec.sections if s.id != "anlagen"}
    data = draw(st.fixed_dictionaries({}, optional=sections))
    files: dict[str, bytes] = {}
    anlagen = []
    for content in draw(st.lists(st.binary(min_size=1, max_size=300), max_size=3)):
        sha = hashlib.sha256(content).hexdigest()
        files[sha] = content
        anlagen.append(
            {
                "art": "sonstiges",
                "titel": draw(TEXT),
                "datei": "a.pdf",
                "sha256": sha,
                "groesse": len(content),
            }
        )
    if anlagen:
        data["anlagen"] = anlagen
    acks = draw(
        st.lists(
            st.builds(Acknowledgement, code=TEXT, path=TEXT, justification=TEXT, at=TEXT),
            max_size=2,
        )
    )
    meta = {
        "created": "2021-07-01T10:00:00Z",
        "modified": "2021-07-02T10:00:00Z",
        "app_version": draw(TEXT),
    }
    return Draft(spec.id, spec.version, data, meta, files, acks)


# --------------------------------------------------------------------------- damaged files

SEEDS = [p.read_bytes() for p in sorted([*EXAMPLES.glob("*.zwk"), *FIXTURES.glob("*.zwk")])]

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | TEXT,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(TEXT, inner, max_size=3),
    max_leaves=8,
)


@st.composite
def _byte_mutation(draw: st.DrawFn) -> bytes:
    raw = bytearray(draw(st.sampled_from(SEEDS)))
    for _ in range(draw(st.integers(1, 8))):
        kind = draw(st.sampled_from(["flip", "cut", "insert", "delete"]))
        pos = draw(st.integers(0, max(0, len(raw) - 1)))
        if kind == "flip" and raw:
            raw[pos] = draw(st.integers(0, 255))
        elif kind == "cut":
            del raw[pos:]
        elif kind == "insert":
            raw[pos:pos] = draw(st.binary(min_size=1, max_size=16))
        elif kind == "delete":
            del raw[pos : pos + draw(st.integers(1, 64))]
    return bytes(raw)


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if isinstance(value, dict):
        for key, child in value.items():
            out.extend(_paths(child, (*prefix, key)))
    elif isinstance(value, list):
        for i, child in enumerate(value):
            out.extend(_paths(child, (*prefix, i)))
    return out


@st.composite
def _json_mutation(draw: st.DrawFn) -> bytes:
    envelope = json.loads(draw(st.sampled_from(SEEDS)))
    for _ in range(draw(st.integers(1, 3))):
        target = draw(st.sampled_from(_paths(envelope)))
        if not target:
            envelope = draw(JSON_VALUES)
            break
        parent = envelope
        for key in target[:-1]:
            parent = parent[key]
        if draw(st.booleans()) and isinstance(parent, dict):
            del parent[target[-1]]
        else:
            parent[target[-1]] = draw(JSON_VALUES)
        if not isinstance(envelope, dict):
            break
    return json.dumps(envelope, ensure_ascii=draw(st.booleans())).encode("utf-8")


@st.composite
def _envelope_field(draw: st.DrawFn) -> bytes:
    envelope = json.loads(draw(st.sampled_from(SEEDS)))
    key = draw(
        st.sampled_from(
            [
                "format",
                "format_version",
                "form",
                "form_id",
                "data",
                "meta",
                "files",
                "acknowledgements",
                "quittierte_hinweise",
            ]
        )
    )
    envelope[key] = draw(
        JSON_VALUES
        | st.integers(-5, 5)
        | st.dictionaries(
            TEXT, TEXT.map(lambda t: base64.b64encode(t.encode()).decode() + t), max_size=2
        )
    )
    return json.dumps(envelope).encode("utf-8")


GARBAGE = st.one_of(
    st.binary(max_size=200),
    st.sampled_from(
        [
            b"",
            b"\xef\xbb\xbf",
            b"null",
            b"[]",
            b"{}",
            b"[" * 100_000 + b"]" * 100_000,
            b'{"format": "zwk-application", "format_version": 1e400}',
            b'{"format": "zwk-application", "format_version": NaN}',
            '{"format": "zwk-application"}'.encode("utf-16"),
            b"\xff\xfe\x00\x00",
            b'{"format": "zwk-application", "format_version": 0, "data": {"anlagen": [{"inhalt": "%%%"}]}}',
        ]
    ),
    TEXT.map(lambda t: t.encode("utf-8")),
    TEXT.map(lambda t: t.encode("latin-1", errors="replace")),
)

DAMAGED_FILES = st.one_of(_byte_mutation(), _json_mutation(), _envelope_field(), GARBAGE)
