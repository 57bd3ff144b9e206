"""The validation engine: walks the form spec over the draft data and runs every rule.

Generic checks come from the fields' attributes (required, lengths, format, range, choices,
items, unknown keys); named rules come from the form's `rules` and are implemented in
`zwk_desktop.validation.rules`. Hidden fields (whose `when` does not hold) are not checked, and
named rules see them as not filled. Findings come back in form order.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any

from zwk_desktop.directory import Directory
from zwk_desktop.domain import formatting
from zwk_desktop.domain.attachments import FileInfo
from zwk_desktop.domain.paths import parse_path
from zwk_desktop.domain.values import (
    Parsed,
    decimals_of,
    is_empty,
    read_bool,
    read_choice,
    read_date,
    read_dec,
    read_int,
    read_money,
    read_month,
    read_multi,
    read_text,
)
from zwk_desktop.formspec.models import FormField, FormSpec
from zwk_desktop.limits import MAX_LIST_ITEMS
from zwk_desktop.validation.context import Context, jsonable
from zwk_desktop.validation.findings import Report
from zwk_desktop.validation.rules import run_rules

_EMPTY_INFO: Mapping[str, FileInfo] = {}


# --------------------------------------------------------------------------- generic walk


class _Walker:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.spec = ctx.spec

    def run(self) -> None:
        data = self.ctx.data
        sections = self.spec.section_index
        for key in data:
            if key not in sections:
                self.ctx.labels[key] = key
                self.ctx.report("unknown_field", key, {"key": key})
        for section in self.spec.sections:
            self.node(section.node, data.get(section.id), section.id, section.title, True)

    def node(self, f: FormField, raw: Any, path: str, label: str, parent_filled: bool) -> None:
        if f.when is not None and not self.ctx.holds(f.when):
            return
        self.ctx.labels[path] = label
        if f.type == "group":
            self.group(f, raw, path, parent_filled)
        elif f.type == "list":
            self.list(f, raw, path)
        elif f.type == "year_map":
            self.year_map(f, raw, path)
        else:
            self.scalar(f, raw, path, parent_filled)

    def _empty(self, f: FormField, path: str, parent_filled: bool) -> None:
        if f.required and parent_filled:
            self.ctx.report(f.code_for("required"), path, field_type=f.type)
            if f.min_items is not None and "min_items" in f.codes:
                # a named "too few" code (commitments_incomplete) also holds for none at all
                self.ctx.report(f.codes["min_items"], path, {"count": 0, "min": f.min_items})
        elif f.recommended and parent_filled:
            self.ctx.report("recommended_missing", path, severity="warning", field_type=f.type)

    def group(self, f: FormField, raw: Any, path: str, parent_filled: bool) -> None:
        if raw is not None and not isinstance(raw, dict):
            self.ctx.report(
                "format", path, shown={"expected": "Erwartet wird eine Gruppe von Angaben."}
            )
            return
        raw = raw or {}
        self._unknown_keys(raw, {c.id for c in f.fields}, path)
        # An optional group left empty is skipped; once anything is filled, its own rules apply.
        filled = parent_filled and (f.required or not is_empty(raw))
        if not f.required and is_empty(raw):
            self._empty(f, path, parent_filled)
        section = "." not in path
        for child in f.fields:
            label = child.label if section else f"{self.ctx.labels[path]}: {child.label}"
            self.node(child, raw.get(child.id), f"{path}.{child.id}", label, filled)

    def list(self, f: FormField, raw: Any, path: str) -> None:
        if raw is not None and not isinstance(raw, list):
            self.ctx.report(
                "format", path, shown={"expected": "Erwartet wird eine Liste von Einträgen."}
            )
            return
        items = raw or []
        count = len(items)
        # The form's limit (and a hard cap for any list) before any per-item work: items
        # beyond it are reported as too many, not checked one by one.
        cap = min(f.max_items or MAX_LIST_ITEMS, MAX_LIST_ITEMS)
        if count > cap:
            items = items[:cap]
        self.ctx.visible_lists[path] = len(items)
        if count == 0:
            self._empty(f, path, True)
        elif f.min_items is not None and count < f.min_items:
            self.ctx.report(f.code_for("min_items"), path, {"count": count, "min": f.min_items})
        if count > cap:
            self.ctx.report(f.code_for("max_items"), path, {"count": count, "max": cap})
        item_label = f.item_label or f.label
        known = {c.id for c in f.fields}
        for i, item in enumerate(items):
            ipath = f"{path}[{i}]"
            self.ctx.labels[ipath] = f"{item_label} {i + 1}"
            if not isinstance(item, dict):
                self.ctx.report(
                    "format", ipath, shown={"expected": "Erwartet wird ein Eintrag mit Angaben."}
                )
                continue
            self._unknown_keys(item, known, ipath)
            for child in f.fields:
                label = f"{item_label} {i + 1}: {child.label}"
                self.node(child, item.get(child.id), f"{ipath}.{child.id}", label, True)

    def year_map(self, f: FormField, raw: Any, path: str) -> None:
        if raw is not None and not isinstance(raw, dict):
            self.ctx.report("format", path, shown={"expected": "Erwartet werden Beträge je Jahr."})
            return
        raw = raw or {}
        years = self.spec.policy.year_keys
        self._unknown_keys(raw, set(years), path)
        assert f.item_type is not None
        for year in years:
            ypath = f"{path}.{year}"
            self.ctx.labels[ypath] = f"{self.ctx.labels.get(path, f.label)} {year}"
            value = raw.get(year)
            if is_empty(value):
                continue
            self._check_value(f, f.item_type, value, ypath)

    def _unknown_keys(self, raw: dict[str, Any], known: set[str], path: str) -> None:
        for key in raw:
            if key not in known:
                kpath = f"{path}.{key}"
                self.ctx.labels[kpath] = key
                self.ctx.report("unknown_field", kpath, {"key": key})

    def scalar(self, f: FormField, raw: Any, path: str, parent_filled: bool) -> None:
        if f.type == "multi" and isinstance(raw, list) and not raw:
            raw = None
        if is_empty(raw):
            self._empty(f, path, parent_filled)
            return
        self._check_value(f, f.type, raw, path)

    def _check_value(self, f: FormField, kind: str, raw: Any, path: str) -> None:
        ctx = self.ctx
        parsed = _read(f, kind, raw)
        if parsed.problem == "choice_invalid":
            ctx.report("choice_invalid", path, {"value": parsed.value})
            return
        if parsed.problem == "precision":
            if "precision" in f.codes:
                ctx.report(f.codes["precision"], path, {"value": raw}, {"value": str(raw)})
            else:
                ctx.report("format", path, shown={"expected": parsed.expected})
            return
        if not parsed.ok:
            ctx.report(f.code_for("format"), path, shown={"expected": parsed.expected})
            return
        value = parsed.value
        if kind in ("text", "long", "email", "phone"):
            if not self._text(f, kind, value, path):
                return
        elif kind in ("int", "dec", "money"):
            if not self._number(f, kind, Decimal(value), raw, path):
                return
        elif kind == "multi":
            if f.min_items is not None and 0 < len(value) < f.min_items:
                ctx.report(f.code_for("min_items"), path, {"count": len(value), "min": f.min_items})
        elif kind == "bool" and f.must_be_true is not None and value is not True:
            ctx.report(f.must_be_true, path)
        ctx.values[path] = value

    def _text(self, f: FormField, kind: str, value: str, path: str) -> bool:
        ctx = self.ctx
        length = len(value)
        if f.max_length is not None and length > f.max_length:
            ctx.report(
                "max_length",
                path,
                {"length": length, "max": f.max_length, "excess": length - f.max_length},
            )
            return False
        if f.min_length is not None and length < f.min_length:
            ctx.report(
                "min_length",
                path,
                {"length": length, "min": f.min_length, "missing": f.min_length - length},
            )
            return False
        stripped = value.strip()
        if kind == "email" and not self.spec.formats.email_re.match(stripped):
            ctx.report(
                f.code_for("format"),
                path,
                shown={"expected": "Bitte geben Sie eine E-Mail-Adresse wie name@kommune.de an."},
            )
            return False
        if kind == "phone" and not self.spec.formats.phone_re.match(stripped):
            ctx.report(
                f.code_for("format"),
                path,
                shown={
                    "expected": "Bitte geben Sie 6 bis 30 Zeichen aus Ziffern, Leerzeichen, "
                    "+, /, - und Klammern an, z. B. 039745 123-45."
                },
            )
            return False
        for case in f.pattern:
            if case.when is not None and not ctx.holds(case.when):
                continue
            if not case.compiled.match(stripped):
                ctx.report(f.code_for("format"), path, shown={"expected": case.expected})
                return False
            break
        return True

    def _number(self, f: FormField, kind: str, value: Decimal, raw: Any, path: str) -> bool:
        ctx = self.ctx
        money = kind == "money"
        if kind == "dec" and f.decimals is not None and decimals_of(value.normalize()) > f.decimals:
            ctx.report(
                f.code_for("format"),
                path,
                shown={"expected": f"Erlaubt sind höchstens {f.decimals} Nachkommastellen."},
            )
            return False
        low, high = f.min, f.max
        if (low is not None and value < low) or (high is not None and value > high):
            params: dict[str, Any] = {"value": jsonable(value, money)}
            if low is not None:
                params["min"] = jsonable(low, money)
            if high is not None:
                params["max"] = jsonable(high, money)
            fmt: Callable[[Decimal], str] = (
                formatting.money if money else formatting.number if f.grouping else _plain_number
            )
            if low is not None and high is not None:
                expected = f"Erlaubt sind Werte von {fmt(low)} bis {fmt(high)}."
            elif low is not None:
                expected = f"Erlaubt sind Werte ab {fmt(low)}."
            else:
                expected = f"Erlaubt sind Werte bis {fmt(high)}."  # type: ignore[arg-type]
            shown = {"expected": expected, "value": fmt(value)}
            ctx.report(f.code_for("range"), path, params, shown)
            return False
        return True


def _plain_number(value: Decimal) -> str:
    """A year as written: 2019, never 2.019."""
    return f"{value.normalize():f}"


_READERS = {
    "text": read_text,
    "long": read_text,
    "email": read_text,
    "phone": read_text,
    "int": read_int,
    "dec": read_dec,
    "money": read_money,
    "date": read_date,
    "month": read_month,
    "bool": read_bool,
}


def _read(f: FormField, kind: str, raw: Any) -> Parsed:
    if kind == "choice":
        return read_choice(raw, f.choice_codes)
    if kind == "multi":
        return read_multi(raw, f.choice_codes)
    return _READERS[kind](raw)


# --------------------------------------------------------------------------- ordering


def _order_key(spec: FormSpec, path: str) -> tuple[int, ...]:
    order = spec.field_order
    key: list[int] = []
    template = ""
    for part in parse_path(path):
        if isinstance(part, int):
            template += "[]"
            key.append(part)
        elif part.isascii() and part.isdigit():  # a year key; '²'.isdigit() is True too
            key.append(int(part))
        else:
            template = f"{template}.{part}" if template else part
            key.append(order.get(template, 1_000_000))
    return tuple(key)


# --------------------------------------------------------------------------- entry point


def validate(
    spec: FormSpec,
    data: Mapping[str, Any],
    files: Mapping[str, FileInfo] | None = None,
    directory: Directory | None = None,
) -> Report:
    """Check application data against the form. `files` describes the attachments' bytes by
    SHA-256 (a draft without them gets attachment_content_missing for every anlage);
    `directory` is the municipality directory (default: the shipped one, loaded on first use)."""
    ctx = Context(spec, data, files if files is not None else _EMPTY_INFO, directory)
    _Walker(ctx).run()
    run_rules(ctx)
    keyed = sorted(
        enumerate(ctx.findings), key=lambda item: (_order_key(spec, item[1].path), item[0])
    )
    return Report(tuple(f for _, f in keyed))
