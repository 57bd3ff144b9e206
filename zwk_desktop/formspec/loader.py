"""Strict loading of a form definition from YAML.

The YAML is composed into nodes (so that every value keeps its line), turned into plain Python
data (a repeated key is an error, not a silent overwrite), validated into the typed models of
`zwk_desktop.formspec.models` (an unknown key is an error) and finally cross-checked: every field
a condition or rule names must exist, ids must be unique, defaults must be valid choices.

Every problem is reported with the file, the key path and the line.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, get_args

from pydantic import ValidationError

from zwk_desktop import oserrors
from zwk_desktop.formspec import spec_cache as kept_forms
from zwk_desktop.formspec.base import GENERIC_CODES, Condition, FieldType
from zwk_desktop.formspec.models import FormField, FormSpec
from zwk_desktop.formspec.rules import (
    AgsBundeslandRule,
    AttachmentRequiredRule,
    DateAfterPolicyRule,
    DateNotAfterRule,
    DirectoryAgsNameRule,
    DirectoryAgsUnknownRule,
    MeasuresCostRule,
    MonthsInTermRule,
    PathParams,
    RangeOrderRule,
    ScheduleOrderRule,
    SumRangeRule,
    UniqueInListRule,
)

if TYPE_CHECKING:  # PyYAML is imported when a form file is read, not for a kept one
    import yaml

Loc = tuple[str | int, ...]


@cache
def _yaml_loader() -> type[yaml.SafeLoader]:
    """The C loader is ~10x faster; fall back where libyaml is missing."""
    import yaml

    loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return loader


@dataclass(frozen=True)
class SpecProblem:
    """One problem in a form file."""

    loc: Loc
    message: str
    line: int | None = None

    def describe(self, file: str) -> str:
        where = f"{file}, Zeile {self.line}" if self.line else file
        key = format_loc(self.loc)
        return f"{where}: {key}: {self.message}" if key else f"{where}: {self.message}"


class FormSpecError(Exception):
    """A form file that cannot be used; `problems` lists every problem found."""

    def __init__(self, file: str, problems: list[SpecProblem]) -> None:
        self.file = file
        self.problems = problems
        lines = "\n".join("  " + p.describe(file) for p in problems)
        super().__init__(f"Die Formulardefinition {file} ist fehlerhaft:\n{lines}")


def format_loc(loc: Loc) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


# --------------------------------------------------------------------------- YAML to data


class _Builder:
    """Turns a composed YAML node tree into Python data and remembers each value's line."""

    def __init__(self) -> None:
        self.lines: dict[Loc, int] = {}
        self.problems: list[SpecProblem] = []
        self._scalars = _yaml_loader()("")  # only to construct scalars with YAML 1.1 semantics

    def build(self, node: yaml.Node, loc: Loc = ()) -> Any:
        import yaml

        self.lines[loc] = node.start_mark.line + 1
        if isinstance(node, yaml.MappingNode):
            out: dict[str, Any] = {}
            for key_node, value_node in node.value:
                if key_node.tag == "tag:yaml.org,2002:merge":
                    self.problems.append(
                        SpecProblem(
                            loc, "„<<“ (merge) wird nicht unterstützt", self._line(key_node)
                        )
                    )
                    continue
                key = self._scalar(key_node)
                if not isinstance(key, str | int):
                    self.problems.append(
                        SpecProblem(loc, f"ungültiger Schlüssel {key!r}", self._line(key_node))
                    )
                    continue
                key = str(key)
                if key in out:
                    self.problems.append(
                        SpecProblem(
                            (*loc, key),
                            "Schlüssel steht doppelt im Abschnitt",
                            self._line(key_node),
                        )
                    )
                    continue
                out[key] = self.build(value_node, (*loc, key))
            return out
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*loc, i)) for i, item in enumerate(node.value)]
        return self._scalar(node)

    def _scalar(self, node: yaml.Node) -> Any:
        import yaml

        if node.tag == "tag:yaml.org,2002:timestamp":
            return str(node.value)  # dates stay text; the models parse them
        if not isinstance(node, yaml.ScalarNode):
            return None
        if node.tag == "tag:yaml.org,2002:str":
            return str(node.value)  # what the constructor returns, without its bookkeeping
        return self._scalars.construct_object(node, deep=True)

    @staticmethod
    def _line(node: yaml.Node) -> int:
        return int(node.start_mark.line) + 1


def _line_for(lines: dict[Loc, int], loc: Loc) -> int | None:
    while loc:
        if loc in lines:
            return lines[loc]
        loc = loc[:-1]
    return lines.get(())


def _data_loc(data: Any, pydantic_loc: Iterable[str | int]) -> Loc:
    """Drop the parts of a pydantic error location that are not keys in the data
    (union tags such as the rule kind)."""
    out: list[str | int] = []
    current = data
    for part in pydantic_loc:
        if isinstance(current, dict) and isinstance(part, str):
            key = {"in_": "in", "all_": "all", "any_": "any", "not_": "not"}.get(part, part)
            out.append(key)
            current = current.get(key)
        elif isinstance(current, list) and isinstance(part, int):
            out.append(part)
            current = current[part] if 0 <= part < len(current) else None
        elif current is None and isinstance(part, str):
            out.append(part)
    return tuple(out)


_PYDANTIC_DE = {
    "extra_forbidden": "unbekannter Schlüssel (Tippfehler?)",
    "missing": "Pflichtangabe fehlt",
    "bool_type": "erwartet true oder false",
    "int_type": "erwartet eine ganze Zahl",
    "int_parsing": "erwartet eine ganze Zahl",
    "string_type": "erwartet einen Text",
    "decimal_parsing": "erwartet eine Zahl",
    "date_from_datetime_parsing": "erwartet ein Datum JJJJ-MM-TT",
    "date_parsing": "erwartet ein Datum JJJJ-MM-TT",
    "tuple_type": "erwartet eine Liste",
    "dict_type": "erwartet eine Zuordnung (Schlüssel: Wert)",
    "model_type": "erwartet eine Zuordnung (Schlüssel: Wert)",
    "too_short": "zu wenige Einträge",
}


def _describe_pydantic(err: Any) -> str:
    kind = err.get("type", "")
    if kind == "literal_error":
        expected = err.get("ctx", {}).get("expected", "")
        return f"ungültiger Wert {err.get('input')!r}; erlaubt: {expected}"
    if kind == "union_tag_invalid":
        ctx = err.get("ctx", {})
        return f"unbekannte Regelart {ctx.get('tag')!r}; bekannt: {ctx.get('expected_tags')}"
    if kind == "union_tag_not_found":
        return "Pflichtangabe kind (die Regelart) fehlt"
    if kind in ("value_error", "assertion_error"):
        msg = str(err.get("msg", ""))
        return msg.removeprefix("Value error, ")
    if kind in _PYDANTIC_DE:
        return _PYDANTIC_DE[kind]
    return str(err.get("msg", kind))


# --------------------------------------------------------------------------- loading


def load_form_text(text: str, file: str = "<form>") -> FormSpec:
    """Parse and check a form definition given as YAML text."""
    import yaml

    try:
        root = yaml.compose(text, Loader=_yaml_loader())
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(exc, "problem", None) or str(exc)
        raise FormSpecError(
            file, [SpecProblem((), f"kein gültiges YAML: {problem}", line)]
        ) from exc
    if root is None:
        raise FormSpecError(file, [SpecProblem((), "die Datei ist leer")])
    builder = _Builder()
    data = builder.build(root)
    if builder.problems:
        raise FormSpecError(file, builder.problems)
    if not isinstance(data, dict):
        raise FormSpecError(
            file, [SpecProblem((), "erwartet eine Zuordnung auf oberster Ebene", 1)]
        )
    try:
        spec = FormSpec.model_validate(data)
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            loc = _data_loc(data, err["loc"])
            problems.append(
                SpecProblem(loc, _describe_pydantic(err), _line_for(builder.lines, loc))
            )
        raise FormSpecError(file, problems) from None
    problems = [
        SpecProblem(p.loc, p.message, _line_for(builder.lines, p.loc))
        for p in check_references(spec)
    ]
    if problems:
        raise FormSpecError(file, problems)
    return spec


def load_form(path: Path) -> FormSpec:
    """Load and check one form file."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise FormSpecError(str(path), [SpecProblem((), "die Datei ist nicht UTF-8")]) from exc
    except OSError as exc:
        raise FormSpecError(
            str(path),
            [SpecProblem((), f"die Datei kann nicht gelesen werden ({oserrors.cause(exc)})")],
        ) from exc
    kept = kept_forms.read(text)  # checked before, by this code: no need to check it again
    if kept is not None:
        return kept
    spec = load_form_text(text, str(path))
    kept_forms.write(text, spec)
    return spec


# --------------------------------------------------------------------------- cross-references


def check_references(spec: FormSpec) -> list[SpecProblem]:
    """Every cross-reference of a structurally valid spec; an empty list when all is well."""
    return list(_References(spec).problems())


class _References:
    def __init__(self, spec: FormSpec) -> None:
        self.spec = spec
        self.paths = spec.fields_by_path

    def problems(self) -> Iterator[SpecProblem]:
        spec = self.spec
        yield from self._unique([s.id for s in spec.sections], ("sections",), "Abschnitts-id")
        for si, section in enumerate(spec.sections):
            loc: Loc = ("sections", si)
            yield from self._source(section.source, (*loc, "source"))
            yield from self._fields(section.fields, (*loc, "fields"))
        yield from self._unique([r.rule_id for r in spec.rules], ("rules",), "Regel-id")
        for ri, rule in enumerate(spec.rules):
            yield from self._rule(rule, ("rules", ri))
        for name in type(spec.policy).model_fields:
            value = getattr(spec.policy, name)
            yield from self._source(getattr(value, "source", None), ("policy", name, "source"))
        for code in GENERIC_CODES:
            if code not in spec.messages:
                yield SpecProblem(("messages",), f"die Meldung für {code!r} fehlt")
        for key in spec.messages:
            code, _, field_type = key.partition(".")
            if code not in GENERIC_CODES:
                yield SpecProblem(("messages", key), "unbekannte allgemeine Prüfung")
            elif field_type and field_type not in get_args(FieldType):
                yield SpecProblem(("messages", key), f"unbekannter Feldtyp {field_type!r}")
        yield from self._layouts()

    # -- helpers

    def _unique(self, ids: list[str], loc: Loc, what: str) -> Iterator[SpecProblem]:
        seen: set[str] = set()
        for i, value in enumerate(ids):
            if value in seen:
                yield SpecProblem((*loc, i), f"{what} {value!r} ist doppelt vergeben")
            seen.add(value)

    def _source(self, source: str | None, loc: Loc) -> Iterator[SpecProblem]:
        if source is not None and source not in self.spec.sources:
            yield SpecProblem(
                loc, f"unbekannte Quelle {source!r}; bekannt: {sorted(self.spec.sources)}"
            )

    def _code(self, code: str, loc: Loc) -> Iterator[SpecProblem]:
        if code not in self.spec.rule_codes:
            yield SpecProblem(loc, f"der Code {code!r} ist unter rules nicht deklariert")

    def _absolute(
        self, path: str, loc: Loc, types: Iterable[str] | None = None
    ) -> Iterator[SpecProblem]:
        field = self.paths.get(path)
        if field is None:
            yield SpecProblem(loc, f"das Feld {path!r} gibt es im Formular nicht")
        elif "[]" in path:
            yield SpecProblem(
                loc, f"{path!r} liegt in einer Liste; hier ist ein Feld außerhalb nötig"
            )
        elif types is not None and field.type not in types:
            yield SpecProblem(loc, f"{path!r} hat den Typ {field.type}, erwartet {'/'.join(types)}")

    def _condition(self, cond: Condition, loc: Loc) -> Iterator[SpecProblem]:
        if cond.field is not None:
            yield from self._absolute(cond.field, (*loc, "field"))
            target = self.paths.get(cond.field)
            if target is not None and target.choices:
                values: list[Any] = []
                if cond.equals is not None:
                    values.append(cond.equals)
                values.extend(cond.in_ or ())
                if cond.contains is not None:
                    values.append(cond.contains)
                for v in values:
                    if v not in target.choice_codes:
                        yield SpecProblem(loc, f"{v!r} ist keine Auswahl von {cond.field!r}")
        for key, subs in (("all", cond.all_), ("any", cond.any_)):
            for i, sub in enumerate(subs or ()):
                yield from self._condition(sub, (*loc, key, i))
        if cond.not_ is not None:
            yield from self._condition(cond.not_, (*loc, "not"))

    def _fields(self, fields: tuple[FormField, ...], loc: Loc) -> Iterator[SpecProblem]:
        yield from self._unique([f.id for f in fields], loc, "Feld-id")
        for i, field in enumerate(fields):
            floc: Loc = (*loc, i)
            yield from self._source(field.source, (*floc, "source"))
            for ci, choice in enumerate(field.choices):
                yield from self._source(choice.source, (*floc, "choices", ci, "source"))
            yield from self._unique(list(field.choice_codes), (*floc, "choices"), "Auswahl-Code")
            if field.when is not None:
                yield from self._condition(field.when, (*floc, "when"))
            for pi, case in enumerate(field.pattern):
                if case.when is not None:
                    yield from self._condition(case.when, (*floc, "pattern", pi, "when"))
            for check, code in field.codes.items():
                yield from self._code(code, (*floc, "codes", check))
            if field.must_be_true is not None:
                yield from self._code(field.must_be_true, (*floc, "must_be_true"))
            if field.default is not None:
                yield from self._default(field, (*floc, "default"))
            for di, path in enumerate(field.default_from):
                yield from self._absolute(path, (*floc, "default_from", di))
            if field.fixed_rows is not None:
                row = field.child(field.fixed_rows)
                if row is None or row.type != "choice":
                    yield SpecProblem(
                        (*floc, "fixed_rows"),
                        f"{field.fixed_rows!r} ist kein Auswahlfeld der Liste",
                    )
            if field.label_by is not None:
                yield from self._label_by(field, fields, (*floc, "label_by"))
            if field.min is not None and field.max is not None and field.min > field.max:
                yield SpecProblem((*floc, "min"), "min ist größer als max")
            yield from self._fields(field.fields, (*floc, "fields"))

    def _label_by(
        self, field: FormField, siblings: tuple[FormField, ...], loc: Loc
    ) -> Iterator[SpecProblem]:
        by = next((f for f in siblings if f.id == field.label_by), None)
        if by is None or by.type != "choice":
            yield SpecProblem(loc, f"{field.label_by!r} ist kein Auswahlfeld neben {field.id!r}")
            return
        for choice in field.choices:
            unknown = sorted(set(choice.labels) - set(by.choice_codes))
            if unknown:
                yield SpecProblem(
                    loc, f"{unknown} sind keine Auswahlen von {by.id!r} (Auswahl {choice.code!r})"
                )

    def _default(self, field: FormField, loc: Loc) -> Iterator[SpecProblem]:
        value = field.default
        if field.type == "choice" and value not in field.choice_codes:
            yield SpecProblem(loc, f"der Vorgabewert {value!r} ist keine der Auswahlen")
        elif field.type == "multi":
            if not isinstance(value, list) or any(v not in field.choice_codes for v in value):
                yield SpecProblem(loc, f"der Vorgabewert {value!r} enthält unbekannte Auswahlen")
        elif field.type == "bool" and not isinstance(value, bool):
            yield SpecProblem(loc, "der Vorgabewert muss true oder false sein")

    def _list_item(self, list_path: str, item: str, loc: Loc) -> Iterator[SpecProblem]:
        yield from self._absolute(list_path, (*loc, "list"), types=("list",))
        if f"{list_path}[].{item}" not in self.paths:
            yield SpecProblem(loc, f"die Liste {list_path!r} hat kein Feld {item!r}")

    def _rule(self, rule: Any, loc: Loc) -> Iterator[SpecProblem]:
        yield from self._source(rule.source, (*loc, "source"))
        ploc: Loc = (*loc, "params")
        params = getattr(rule, "params", None)
        if isinstance(params, PathParams) and (
            params.path not in self.paths or "[]" in params.path
        ):
            yield SpecProblem(
                (*ploc, "path"), f"das Feld {params.path!r} gibt es im Formular nicht"
            )
        if isinstance(rule, AgsBundeslandRule):
            yield from self._absolute(rule.params.ags, (*ploc, "ags"))
            yield from self._absolute(rule.params.bundesland, (*ploc, "bundesland"), ("choice",))
            land = self.paths.get(rule.params.bundesland)
            if land is not None and any(c.ags_prefix is None for c in land.choices):
                yield SpecProblem((*ploc, "bundesland"), "jede Auswahl braucht ags_prefix")
        elif isinstance(rule, DirectoryAgsUnknownRule | DirectoryAgsNameRule):
            yield from self._text_field(rule.params.ags, (*ploc, "ags"))
            if isinstance(rule, DirectoryAgsNameRule):
                yield from self._text_field(rule.params.name, (*ploc, "name"))
                if rule.params.name.rpartition("[]")[0] != rule.params.ags.rpartition("[]")[0]:
                    yield SpecProblem(
                        (*ploc, "name"), "Name und Schlüssel müssen in derselben Liste liegen"
                    )
        elif isinstance(rule, DateNotAfterRule):
            yield from self._absolute(rule.params.path, (*ploc, "path"), ("date",))
            yield from self._absolute(rule.params.other, (*ploc, "other"), ("date",))
            if rule.params.when is not None:
                yield from self._condition(rule.params.when, (*ploc, "when"))
        elif isinstance(rule, DateAfterPolicyRule):
            yield from self._absolute(rule.params.path, (*ploc, "path"), ("date",))
        elif isinstance(rule, UniqueInListRule):
            yield from self._list_item(rule.params.list, rule.params.field, ploc)
        elif isinstance(rule, SumRangeRule):
            for i, path in enumerate(rule.params.fields):
                yield from self._absolute(path, (*ploc, "fields", i), ("dec", "int", "money"))
        elif isinstance(rule, MonthsInTermRule):
            for field in rule.params.fields:
                yield from self._list_item(rule.params.list, field, ploc)
        elif isinstance(rule, ScheduleOrderRule):
            for field in (rule.params.step, rule.params.start, rule.params.end):
                yield from self._list_item(rule.params.list, field, ploc)
        elif isinstance(rule, RangeOrderRule):
            for field in (rule.params.start, rule.params.end, rule.params.title):
                yield from self._list_item(rule.params.list, field, ploc)
        elif isinstance(rule, MeasuresCostRule):
            category = self.paths.get(f"{self.spec.budget.items}[].{self.spec.budget.category}")
            codes = category.choice_codes if category is not None else ()
            for i, code in enumerate(rule.params.categories):
                if code not in codes:
                    yield SpecProblem(
                        (*ploc, "categories", i), f"{code!r} ist keine Budgetkategorie"
                    )
        elif isinstance(rule, AttachmentRequiredRule):
            yield from self._condition(rule.params.when, (*ploc, "when"))
            layout = self.spec.attachments
            kind = self.paths.get(f"{layout.list}[].{layout.kind}")
            if kind is None or rule.params.art not in kind.choice_codes:
                yield SpecProblem((*ploc, "art"), f"{rule.params.art!r} ist keine Art von Anlage")
        when = getattr(params, "when", None)
        if isinstance(when, Condition) and not isinstance(
            rule, DateNotAfterRule | AttachmentRequiredRule
        ):
            yield from self._condition(when, (*ploc, "when"))

    def _text_field(self, path: str, loc: Loc) -> Iterator[SpecProblem]:
        """A text field, outside a list or (one level) inside one."""
        field = self.paths.get(path)
        if field is None:
            yield SpecProblem(loc, f"das Feld {path!r} gibt es im Formular nicht")
        elif path.count("[]") > 1 or field.type != "text":
            yield SpecProblem(loc, f"{path!r} ist kein Textfeld (höchstens in einer Liste)")

    def _directory(self) -> Iterator[SpecProblem]:
        layout = self.spec.directory
        if layout is None:
            return
        loc: Loc = ("directory", "fields")
        for key, path in layout.fields:
            yield from self._absolute(path, (*loc, key))
        art = self.paths.get(layout.fields.art)
        for typ, code in layout.art.items():
            if art is not None and code not in art.choice_codes:
                yield SpecProblem(("directory", "art", typ), f"{code!r} ist keine Auswahl")
        for i, code in enumerate(layout.keep_art):
            if art is not None and code not in art.choice_codes:
                yield SpecProblem(("directory", "keep_art", i), f"{code!r} ist keine Auswahl")
        m = layout.members
        mloc: Loc = ("directory", "members")
        for key in ("name", "ags", "einwohner"):
            yield from self._list_item(m.list, getattr(m, key), mloc)
        yield from self._condition(m.when, (*mloc, "when"))

    def _population(self) -> Iterator[SpecProblem]:
        layout = self.spec.population
        if layout is None:
            return
        loc: Loc = ("population",)
        yield from self._absolute(layout.list, (*loc, "list"), ("list",))
        for key in ("year", "value"):
            path = f"{layout.list}[].{getattr(layout, key)}"
            field = self.paths.get(path)
            if field is None or field.type != "int":
                yield SpecProblem((*loc, key), f"{path} ist kein Feld vom Typ int")

    def _layouts(self) -> Iterator[SpecProblem]:
        yield from self._directory()
        yield from self._population()
        b = self.spec.budget
        yield from self._absolute(b.items, ("budget", "items"), ("list",))
        for key, name, types in (
            ("category", b.category, ("choice",)),
            ("title", b.title, ("text",)),
            ("justification", b.justification, ("long", "text")),
            ("amounts", b.amounts, ("year_map",)),
        ):
            field = self.paths.get(f"{b.items}[].{name}")
            if field is None or field.type not in types:
                yield SpecProblem(
                    ("budget", key), f"{b.items}[].{name} ist kein Feld vom Typ {'/'.join(types)}"
                )
        yield from self._absolute(b.own_funds, ("budget", "own_funds"), ("year_map",))
        yield from self._absolute(b.central, ("budget", "central"), ("year_map",))
        a = self.spec.attachments
        yield from self._absolute(a.list, ("attachments", "list"), ("list",))
        for key in ("kind", "title", "file", "sha256", "size"):
            name = getattr(a, key)
            if f"{a.list}[].{name}" not in self.paths:
                yield SpecProblem(
                    ("attachments", key), f"die Liste {a.list!r} hat kein Feld {name!r}"
                )
