"""Typed, immutable models of a form definition (``forms/*.yaml``).

The models only describe the form; `zwk_desktop.formspec.loader` reads a YAML file into them and
checks every cross-reference. Nothing here imports Qt or does I/O.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from decimal import Decimal
from functools import cached_property
from typing import Annotated, Any, Generic, Literal, TypeVar

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator, model_validator

from zwk_desktop import limits

Status = Literal["D", "E", "I"]
"""D documented in the call, E evidenced by selected municipalities, I inferred."""

Severity = Literal["error", "warning", "info"]

FieldType = Literal[
    "text",
    "long",
    "int",
    "dec",
    "money",
    "date",
    "month",
    "bool",
    "choice",
    "multi",
    "email",
    "phone",
    "group",
    "list",
    "year_map",
]
SCALAR_TYPES: frozenset[str] = frozenset(
    {"text", "long", "int", "dec", "money", "date", "month", "bool", "choice", "email", "phone"}
)
TEXT_TYPES: frozenset[str] = frozenset({"text", "long", "email", "phone"})

GENERIC_CODES: tuple[str, ...] = (
    "required",
    "recommended_missing",
    "max_length",
    "min_length",
    "format",
    "range",
    "choice_invalid",
    "min_items",
    "max_items",
    "unknown_field",
)
"""Codes of the generic checks; every form must give a German message for each."""

OVERRIDABLE_CHECKS: frozenset[str] = frozenset(
    {"required", "range", "precision", "min_items", "max_items", "format"}
)
"""Generic checks whose finding code a field may replace by a named rule's code (`codes`)."""

ID_RE = re.compile(r"^[a-z][a-z0-9_]*$")
YEAR_MONTH_RE = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")

T = TypeVar("T")


def _id_syntax(value: str) -> str:
    if not ID_RE.match(value):
        raise ValueError("eine id besteht aus Kleinbuchstaben, Ziffern und _")
    return value


FieldId = Annotated[str, AfterValidator(_id_syntax)]
"""An id of a section or field: lower-case letters, digits and underscores."""


class Frozen(BaseModel):
    """Base of all spec models: immutable, and an unknown key is an error."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)


# --------------------------------------------------------------------------- conditions


class Condition(Frozen):
    """A condition over the application data, used for visibility, required-if and rules.

    Exactly one form: ``{field, equals}``, ``{field, in}``, ``{field, contains}``,
    ``{field, any_greater}``, ``{field, filled}``, ``{all: [...]}``, ``{any: [...]}``,
    ``{not: {...}}``.
    """

    field: str | None = Field(None, description="Absolute field path the condition reads.")
    equals: str | int | float | bool | None = Field(None, description="Value equals this.")
    in_: tuple[str | int | bool, ...] | None = Field(
        None, alias="in", description="Value is one of these."
    )
    contains: str | None = Field(None, description="A multi-choice contains this code.")
    any_greater: Decimal | None = Field(
        None, description="A number, or any value of a year map, is greater than this."
    )
    filled: bool | None = Field(None, description="The field is filled (true) or empty (false).")
    all_: tuple[Condition, ...] | None = Field(None, alias="all")
    any_: tuple[Condition, ...] | None = Field(None, alias="any")
    not_: Condition | None = Field(None, alias="not")

    @model_validator(mode="after")
    def _one_operator(self) -> Condition:
        ops = [
            name
            for name in ("equals", "in_", "contains", "any_greater", "filled")
            if getattr(self, name) is not None
        ]
        combinators = [n for n in ("all_", "any_", "not_") if getattr(self, n) is not None]
        if combinators:
            if ops or self.field is not None or len(combinators) > 1:
                raise ValueError("all/any/not stehen allein, ohne field und ohne Vergleich")
        elif self.field is None or len(ops) != 1:
            raise ValueError(
                "eine Bedingung braucht field und genau einen Vergleich "
                "(equals, in, contains, any_greater oder filled)"
            )
        return self

    def fields(self) -> Iterator[str]:
        """Every field path this condition reads."""
        if self.field is not None:
            yield self.field
        for sub in (self.all_ or ()) + (self.any_ or ()):
            yield from sub.fields()
        if self.not_ is not None:
            yield from self.not_.fields()


# --------------------------------------------------------------------------- fields


class Choice(Frozen):
    code: str = Field(description="Stable code written to the data.")
    label: str = Field(description="German label shown to the user.")
    status: Status
    source: str | None = None
    ags_prefix: str | None = Field(
        None, description="For Bundesländer: the first two digits of their municipalities' AGS."
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
    default: Any = None
    default_from: tuple[str, ...] = Field(
        (), description="Suggested value: these fields joined by spaces."
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


# --------------------------------------------------------------------------- rules


class RuleBase(Frozen):
    id: str | None = Field(None, description="Unique id; defaults to the code.")
    code: str = Field(description="Stable public rule code of fields.md.")
    severity: Severity
    status: Status
    source: str | None = None
    message: str = Field(description="German message template; placeholders are the params.")
    variants: dict[str, str] = Field(
        default_factory=dict,
        description="Alternative German messages for distinct cases of the same rule.",
    )

    @property
    def rule_id(self) -> str:
        return self.id or self.code


class PathParams(Frozen):
    path: str


class GenericRule(RuleBase):
    """A code raised by a generic check through a field's `codes` or `must_be_true`."""

    kind: Literal["generic"]


class AgsBundeslandParams(Frozen):
    ags: str
    bundesland: str


class AgsBundeslandRule(RuleBase):
    kind: Literal["ags_bundesland"]
    params: AgsBundeslandParams


class DirectoryAgsParams(Frozen):
    ags: str = Field(description="Field with the AGS; may lie in a list (``list[].ags``).")
    when: Condition | None = Field(None, description="Only checked while this holds.")


class DirectoryAgsUnknownRule(RuleBase):
    """An AGS that the municipality directory does not know."""

    kind: Literal["directory_ags_unknown"]
    params: DirectoryAgsParams


class DirectoryAgsNameParams(DirectoryAgsParams):
    name: str = Field(description="Field with the name; in the same list as the AGS, if any.")


class DirectoryAgsNameRule(RuleBase):
    """A name that does not name the municipality the AGS belongs to in the directory."""

    kind: Literal["directory_ags_name"]
    params: DirectoryAgsNameParams


class PlausibleRangeParams(PathParams):
    min: Decimal
    max: Decimal


class PlausibleRangeRule(RuleBase):
    kind: Literal["plausible_range"]
    params: PlausibleRangeParams


class ConditionParams(PathParams):
    when: Condition


class ConditionRule(RuleBase):
    """Reports at `path` whenever `when` holds."""

    kind: Literal["condition"]
    params: ConditionParams


class ShortTextParams(PathParams):
    min: int = Field(ge=1)


class ShortTextRule(RuleBase):
    """A filled text shorter than `min` characters."""

    kind: Literal["short_text"]
    params: ShortTextParams


class DateNotAfterParams(PathParams):
    other: str
    when: Condition | None = None


class DateNotAfterRule(RuleBase):
    kind: Literal["date_not_after"]
    params: DateNotAfterParams


class DateAfterPolicyParams(PathParams):
    policy: Literal["deadline"]


class DateAfterPolicyRule(RuleBase):
    kind: Literal["date_after_policy"]
    params: DateAfterPolicyParams


class UniqueInListParams(Frozen):
    list: str
    field: str


class UniqueInListRule(RuleBase):
    kind: Literal["unique_in_list"]
    params: UniqueInListParams


class SumRangeParams(PathParams):
    fields: tuple[str, ...] = Field(min_length=2)
    min: Decimal
    max: Decimal


class SumRangeRule(RuleBase):
    """When every field is filled, their sum must lie within min..max."""

    kind: Literal["sum_range"]
    params: SumRangeParams


class MonthsInTermParams(Frozen):
    list: str
    fields: tuple[str, ...] = Field(min_length=1)


class MonthsInTermRule(RuleBase):
    kind: Literal["months_in_term"]
    params: MonthsInTermParams


class ScheduleOrderParams(Frozen):
    list: str
    step: str
    start: str
    end: str


class ScheduleOrderRule(RuleBase):
    kind: Literal["schedule_order"]
    params: ScheduleOrderParams


class BudgetRule(RuleBase):
    """Budget rules read the budget layout of the form; `path` is where they report."""

    kind: Literal[
        "budget_empty",
        "budget_year_cap",
        "budget_total_cap",
        "budget_first_year_pro_rata",
    ]
    params: PathParams


class BudgetItemRule(RuleBase):
    """Budget rules that report per item or per year at the field concerned."""

    kind: Literal["budget_justification", "zentral_exceeds_requested"]


class MeasuresCostParams(PathParams):
    categories: tuple[str, ...] = Field(min_length=1)


class MeasuresCostRule(RuleBase):
    kind: Literal["measures_cost"]
    params: MeasuresCostParams


class AttachmentRequiredParams(Frozen):
    when: Condition
    art: str


class AttachmentRequiredRule(RuleBase):
    kind: Literal["attachment_required"]
    params: AttachmentRequiredParams


class AttachmentRule(RuleBase):
    kind: Literal[
        "attachment_type", "attachment_too_large", "attachment_content", "attachment_hash"
    ]


class MailSizeParams(PathParams):
    warning_above: Literal["mail_warning_bytes"]
    error_above: Literal["mail_max_bytes"]
    overhead_bytes: int = Field(
        ge=0, description="Estimated size of the PDF, JSON, manifest and signature in the mail."
    )


class MailSizeRule(RuleBase):
    kind: Literal["mail_size"]
    params: MailSizeParams


Rule = Annotated[
    GenericRule
    | AgsBundeslandRule
    | DirectoryAgsUnknownRule
    | DirectoryAgsNameRule
    | PlausibleRangeRule
    | ConditionRule
    | ShortTextRule
    | DateNotAfterRule
    | DateAfterPolicyRule
    | UniqueInListRule
    | SumRangeRule
    | MonthsInTermRule
    | ScheduleOrderRule
    | BudgetRule
    | BudgetItemRule
    | MeasuresCostRule
    | AttachmentRequiredRule
    | AttachmentRule
    | MailSizeRule,
    Field(discriminator="kind"),
]


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
