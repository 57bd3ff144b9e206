"""Typed, immutable models of a form definition (``forms/*.yaml``).

Fields, sections, policy, layouts and the whole `FormSpec`; the shared vocabulary (statuses,
field types, conditions) is in `zwk_desktop.formspec.base`, the named rules are in
`zwk_desktop.formspec.rules`. The models only describe the form; `zwk_desktop.formspec.loader`
reads a YAML file into them and checks every cross-reference. Nothing here imports Qt or does
I/O.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from functools import cached_property
from typing import Any, Generic, Literal

from pydantic import Field, field_validator, model_validator

from zwk_desktop import limits
from zwk_desktop.formspec.base import (
    OVERRIDABLE_CHECKS,
    TEXT_TYPES,
    YEAR_MONTH_RE,
    Condition,
    FieldId,
    FieldType,
    Frozen,
    Status,
    T,
)
from zwk_desktop.formspec.rules import Rule, RuleBase

# --------------------------------------------------------------------------- fields


class Choice(Frozen):
    code: str = Field(description="Stable code written to the data.")
    label: str = Field(description="German label shown to the user.")
    status: Status
    source: str | None = None
    ags_prefix: str | None = Field(
        None, description="For Bundesländer: the first two digits of their municipalities' AGS."
    )
    labels: dict[str, str] = Field(
        default_factory=dict,
        description="The label in the form that agrees with the value of the field named by the "
        "field's `label_by` (e.g. by Anrede: frau → Bürgermeisterin, herr → Bürgermeister); "
        "`label` where none is given.",
    )


class PatternCase(Frozen):
    regex: str = Field(description="Python regular expression the whole value must match.")
    expected: str = Field(description="German sentence describing the expected format.")
    when: Condition | None = Field(None, description="Only applies when this holds.")

    @field_validator("regex")
    @classmethod
    def _compiles(cls, value: str) -> str:
        try:
            re.compile(value)
        except re.error as exc:
            raise ValueError(f"ungültiger regulärer Ausdruck: {exc}") from exc
        return value

    @cached_property
    def compiled(self) -> re.Pattern[str]:
        return re.compile(self.regex)


class FormField(Frozen):
    """One field of the form: a scalar, a group of fields, a repeating group or a year map."""

    id: FieldId = Field(description="Stable id, part of the data path.")
    type: FieldType
    label: str = Field(description="German label.")
    help: str = Field(description="Plain-language German help text.")
    status: Status
    source: str | None = Field(None, description="Key of `sources` where the call is the source.")
    placeholder: str | None = None
    required: bool = False
    recommended: bool = Field(False, description="Empty gives the warning recommended_missing.")
    when: Condition | None = Field(
        None, description="Shown (and checked) only while this holds; required applies then."
    )
    max_length: int | None = Field(None, ge=1)
    min_length: int | None = Field(None, ge=1)
    pattern: tuple[PatternCase, ...] = ()
    min: Decimal | None = None
    max: Decimal | None = None
    decimals: int | None = Field(None, ge=0, description="Most decimal places of a dec value.")
    choices: tuple[Choice, ...] = ()
    min_items: int | None = Field(None, ge=1)
    max_items: int | None = Field(None, ge=1)
    fields: tuple[FormField, ...] = ()
    item_label: str | None = Field(None, description="Label of one item of a list.")
    item_type: Literal["money", "dec", "int"] | None = Field(
        None, description="Value type of a year map."
    )
    fixed_rows: str | None = Field(
        None,
        description="A list with one row per choice of this item field, in the choices' order.",
    )
    must_be_true: str | None = Field(
        None, description="A bool that must be true; the code reported when it is not."
    )
    codes: dict[str, str] = Field(
        default_factory=dict,
        description="Replaces the code of a generic check (required, range, precision, ...).",
    )
    grouping: bool = Field(
        True,
        description="Whole numbers shown with thousands points (1.234); false for years (2019).",
    )
    default: Any = None
    default_from: tuple[str, ...] = Field(
        (), description="Suggested value: these fields joined by spaces."
    )
    label_by: FieldId | None = Field(
        None,
        description="A choice field beside this one whose value picks the printed form of this "
        "field's choice labels (`Choice.labels`), e.g. the function by Anrede.",
    )

    @field_validator("pattern", mode="before")
    @classmethod
    def _single_pattern(cls, value: Any) -> Any:
        return [value] if isinstance(value, dict) else value

    @model_validator(mode="after")
    def _consistent(self) -> FormField:
        t = self.type
        if t in ("group", "list") and not self.fields:
            raise ValueError(f"ein Feld vom Typ {t} braucht fields")
        if t not in ("group", "list") and self.fields:
            raise ValueError(f"fields ist nur bei group und list erlaubt, nicht bei {t}")
        if t in ("choice", "multi") and not self.choices:
            raise ValueError(f"ein Feld vom Typ {t} braucht choices")
        if t not in ("choice", "multi") and self.choices:
            raise ValueError(f"choices ist nur bei choice und multi erlaubt, nicht bei {t}")
        if t == "year_map" and self.item_type is None:
            raise ValueError("ein Feld vom Typ year_map braucht item_type")
        if (self.max_length or self.min_length) and t not in TEXT_TYPES:
            raise ValueError(f"max_length/min_length gibt es nur bei Textfeldern, nicht bei {t}")
        if self.min_items is not None and t not in ("list", "multi"):
            raise ValueError("min_items gibt es nur bei list und multi")
        if self.must_be_true is not None and t != "bool":
            raise ValueError("must_be_true gibt es nur bei bool")
        if self.fixed_rows is not None and t != "list":
            raise ValueError("fixed_rows gibt es nur bei list")
        if self.label_by is not None and t != "choice":
            raise ValueError("label_by gibt es nur bei choice")
        if any(c.labels for c in self.choices) and self.label_by is None:
            raise ValueError("labels einer Auswahl brauchen label_by am Feld")
        if self.required and self.recommended:
            raise ValueError("ein Feld ist entweder required oder recommended")
        bad = set(self.codes) - OVERRIDABLE_CHECKS
        if bad:
            raise ValueError(
                f"codes kennt nur {', '.join(sorted(OVERRIDABLE_CHECKS))}, nicht {sorted(bad)}"
            )
        return self

    @cached_property
    def choice_codes(self) -> tuple[str, ...]:
        return tuple(c.code for c in self.choices)

    @cached_property
    def choice_labels(self) -> dict[str, str]:
        return {c.code: c.label for c in self.choices}

    def choice_label(self, code: str, agree_with: str | None = None) -> str:
        """The label of a choice; in the form that agrees with `agree_with` (the value of the
        `label_by` field) where the form defines one, else the neutral label."""
        for c in self.choices:
            if c.code == code:
                return c.labels.get(agree_with or "", c.label)
        return code

    def code_for(self, check: str) -> str:
        """The finding code of a generic check on this field (a named code where overridden)."""
        return self.codes.get(check, check)

    def child(self, field_id: str) -> FormField | None:
        for f in self.fields:
            if f.id == field_id:
                return f
        return None


class Section(Frozen):
    """A page of the form. Its data is an object (type group) or an array (type list)."""

    id: FieldId
    title: str = Field(description="German title of the page.")
    intro: str = Field(description="A short German introduction shown on top of the page.")
    status: Status
    source: str | None = None
    type: Literal["group", "list"] = "group"
    item_label: str | None = None
    min_items: int | None = Field(None, ge=1)
    max_items: int | None = Field(None, ge=1)
    fields: tuple[FormField, ...]

    @cached_property
    def node(self) -> FormField:
        """The section seen as a field, so that one walker handles sections and groups."""
        return FormField(
            id=self.id,
            type=self.type,
            label=self.title,
            help=self.intro,
            status=self.status,
            source=self.source,
            required=self.type == "group",
            item_label=self.item_label,
            min_items=self.min_items,
            max_items=self.max_items,
            fields=self.fields,
        )


# --------------------------------------------------------------------------- policy


class Sourced(Frozen, Generic[T]):
    """A policy value with its status and source."""

    value: T
    status: Status
    source: str | None = None
    note: str | None = None

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled by value (`zwk_desktop.formspec.spec_cache`): a parametrized class such as
        ``Sourced[Decimal]`` has no name pickle could find it by."""
        return (_sourced, (self.value, self.status, self.source, self.note))


def _sourced(value: Any, status: Status, source: str | None, note: str | None) -> Sourced[Any]:
    return Sourced.model_construct(value=value, status=status, source=source, note=note)


class Policy(Frozen):
    """Every number of the call as data, never in code."""

    currency: str
    cap_per_year: Sourced[Decimal]
    years: Sourced[tuple[int, ...]]
    first_year_months: Sourced[tuple[int, ...]]
    deadline: Sourced[dt.date]
    term_start: Sourced[str]
    term_end: Sourced[str]
    attachment_max_bytes: Sourced[int]
    attachments_max_total_bytes: Sourced[int]
    """All attachments of one draft together; at most `limits.ATTACHMENTS_CEILING_BYTES`, so
    that every draft fits into a file the program reads back."""
    attachment_types: Sourced[tuple[Literal["pdf", "png", "jpeg", "odt", "docx"], ...]]
    mail_warning_bytes: Sourced[int]
    mail_max_bytes: Sourced[int]
    recipient: Sourced[str]

    @model_validator(mode="after")
    def _sane(self) -> Policy:
        for name in ("term_start", "term_end"):
            value = getattr(self, name).value
            if not YEAR_MONTH_RE.match(value):
                raise ValueError(f"{name} muss die Form JJJJ-MM haben, nicht {value!r}")
        if self.term_start.value > self.term_end.value:
            raise ValueError("term_start liegt nach term_end")
        if not self.years.value or list(self.years.value) != sorted(set(self.years.value)):
            raise ValueError("years muss aufsteigend und ohne Doppelung sein")
        if any(not 1 <= m <= 12 for m in self.first_year_months.value):
            raise ValueError("first_year_months enthält einen Monat außerhalb 1–12")
        if self.mail_warning_bytes.value > self.mail_max_bytes.value:
            raise ValueError("mail_warning_bytes ist größer als mail_max_bytes")
        if self.attachment_max_bytes.value > self.attachments_max_total_bytes.value:
            raise ValueError("attachment_max_bytes ist größer als attachments_max_total_bytes")
        if self.attachments_max_total_bytes.value > limits.ATTACHMENTS_CEILING_BYTES:
            raise ValueError(
                "attachments_max_total_bytes ist größer als die Obergrenze des Programms "
                f"({limits.ATTACHMENTS_CEILING_BYTES} Bytes, zwk_desktop/limits.py)"
            )
        return self

    @property
    def year_keys(self) -> tuple[str, ...]:
        """The years as the keys of a year map ("2021", ...)."""
        return tuple(str(y) for y in self.years.value)


class Formats(Frozen):
    email: str
    phone: str

    @field_validator("email", "phone")
    @classmethod
    def _compiles(cls, value: str) -> str:
        re.compile(value)
        return value

    @cached_property
    def email_re(self) -> re.Pattern[str]:
        return re.compile(self.email)

    @cached_property
    def phone_re(self) -> re.Pattern[str]:
        return re.compile(self.phone)


class BudgetLayout(Frozen):
    """Where the budget lives in the data; read by the budget rules, the budget page and the PDF."""

    items: str
    category: str
    title: str
    justification: str
    amounts: str
    own_funds: str
    central: str


class AttachmentLayout(Frozen):
    """Where the attachments live in the data."""

    list: str
    kind: str
    title: str
    file: str
    sha256: str
    size: str


class DirectoryFields(Frozen):
    """The fields a municipality chosen from the directory fills (absolute paths)."""

    name: str
    art: str
    ags: str
    bundesland: str
    landkreis: str
    einwohner: str
    einwohner_stand: str
    flaeche_km2: str
    plz: str
    ort: str


class DirectoryMembers(Frozen):
    """The members of a group of municipalities, picked from the directory one by one."""

    list: str = Field(description="The list of members.")
    name: str = Field(description="Field of a member with its name.")
    ags: str = Field(description="Field of a member with its AGS.")
    einwohner: str = Field(description="Field of a member with its population.")
    when: Condition = Field(description="While this holds, members are picked and summed.")


class DirectoryLayout(Frozen):
    """How the official municipality directory (Gemeindeverzeichnis) fills the form."""

    fields: DirectoryFields
    art: dict[str, str] = Field(
        description="Type code of the directory (Textkennzeichen) → choice code of fields.art."
    )
    keep_art: tuple[str, ...] = Field(
        (), description="Choices of fields.art that choosing a municipality does not change."
    )
    members: DirectoryMembers


class PopulationLayout(Frozen):
    """The population development table, drawn as a chart (years × inhabitants with the change
    in %) on its wizard page and in the PDF, right after the table."""

    list: str = Field(description="The list of years and inhabitants (outside any other list).")
    year: str = Field(description="Field of an item with the year.")
    value: str = Field(description="Field of an item with the number of inhabitants.")

    @property
    def section(self) -> str:
        """Id of the section the table is in."""
        return self.list.split(".", 1)[0]

    @property
    def field_id(self) -> str:
        """Id of the table within its section (the chart is placed after it)."""
        return self.list.rsplit(".", 1)[-1]


# --------------------------------------------------------------------------- the form


class FormSpec(Frozen):
    """A whole form definition."""

    id: str
    version: str
    title: str
    programme: str
    funder: str
    rule_set_version: str
    sources: dict[str, str]
    policy: Policy
    formats: Formats
    messages: dict[str, str] = Field(description="German messages of the generic checks.")
    sections: tuple[Section, ...] = Field(min_length=1)
    budget: BudgetLayout
    attachments: AttachmentLayout
    directory: DirectoryLayout | None = Field(
        None, description="How the municipality directory fills the form, if it does."
    )
    population: PopulationLayout | None = Field(
        None, description="The population table drawn as a chart, if the form has one."
    )
    rules: tuple[Rule, ...]

    @cached_property
    def section_index(self) -> dict[str, Section]:
        return {s.id: s for s in self.sections}

    @cached_property
    def rule_codes(self) -> frozenset[str]:
        return frozenset(r.code for r in self.rules)

    @cached_property
    def rules_by_code(self) -> dict[str, RuleBase]:
        """The first rule of each code (for its severity, status and message)."""
        out: dict[str, RuleBase] = {}
        for r in self.rules:
            out.setdefault(r.code, r)
        return out

    @cached_property
    def fields_by_path(self) -> dict[str, FormField]:
        """Every field by its template path; list items are written ``[]``.

        Sections are included under their id. Example keys: ``kommune``, ``kommune.art``,
        ``kommune.mitglieder[].ags``, ``anlagen[].datei``.
        """
        out: dict[str, FormField] = {}

        def walk(node: FormField, path: str) -> None:
            out[path] = node
            inner = f"{path}[]" if node.type == "list" else path
            for child in node.fields:
                walk(child, f"{inner}.{child.id}")

        for section in self.sections:
            walk(section.node, section.id)
        return out

    @cached_property
    def field_order(self) -> dict[str, int]:
        """Position of every template path in form order (for sorting findings)."""
        return {path: i for i, path in enumerate(self.fields_by_path)}

    def field(self, template_path: str) -> FormField:
        """The field at a template path; KeyError if there is none."""
        return self.fields_by_path[template_path]
