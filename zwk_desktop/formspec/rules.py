"""The named rules of a form definition (``rules:`` in ``forms/*.yaml``), one model per kind;
`Rule` is their union, told apart by ``kind``. The validation implements them
(`zwk_desktop.validation.rules`)."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Literal

from pydantic import Field

from zwk_desktop.formspec.base import (
    Condition,
    Frozen,
    Severity,
    Status,
)


class RuleBase(Frozen):
    id: str | None = Field(None, description="Unique id; defaults to the code.")
    code: str = Field(description="Stable public rule code of fields.md.")
    severity: Severity
    status: Status
    source: str | None = None
    message: str = Field(description="German message template; placeholders are the params.")
    summary: str | None = Field(
        None,
        description="What the rule checks, in one German sentence without placeholders, for the "
        "help panel (default: the message's first sentence, where it has none).",
    )
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


class RangeOrderParams(Frozen):
    list: str
    start: str = Field(description="Field of each item where the range begins (a month).")
    end: str = Field(description="Field of each item where it ends; findings are reported here.")
    title: str = Field(description="Field of each item that names it in the message.")


class RangeOrderRule(RuleBase):
    """In every item of a list, the range start..end must not end before it begins."""

    kind: Literal["range_order"]
    params: RangeOrderParams


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
    | RangeOrderRule
    | BudgetRule
    | BudgetItemRule
    | MeasuresCostRule
    | AttachmentRequiredRule
    | AttachmentRule
    | MailSizeRule,
    Field(discriminator="kind"),
]
