"""The vocabulary every part of a form definition shares: statuses, severities, field types,
ids, the immutable model base and the conditions over the application data.

The form's models are split by what they describe: this module, `zwk_desktop.formspec.rules`
(the named rules) and `zwk_desktop.formspec.models` (fields, sections, policy, layouts and the
whole `FormSpec`). Nothing here imports Qt or does I/O.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from typing import Annotated, Literal, TypeVar

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

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

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True, defer_build=True)


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
