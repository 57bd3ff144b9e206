"""The named rules of the form (fields.md §2), one function per rule kind.

Each function gets the rule (with its typed params from the form file) and the validation
context. Rules only see visible, readable values (`ctx.value`); values that could not be read
are reported by the generic checks already.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from zwk_desktop.directory import Entry
from zwk_desktop.domain import formatting
from zwk_desktop.domain.attachments import FILE_KIND_LABELS, base64_size
from zwk_desktop.formspec import rules as m
from zwk_desktop.validation.context import Context, jsonable

RuleFn = Callable[[Any, Context], None]
_REGISTRY: dict[str, RuleFn] = {}


def rule(*kinds: str) -> Callable[[RuleFn], RuleFn]:
    def register(fn: RuleFn) -> RuleFn:
        for kind in kinds:
            _REGISTRY[kind] = fn
        return fn

    return register


def run_rules(ctx: Context) -> None:
    for r in ctx.spec.rules:
        fn = _REGISTRY.get(r.kind)
        if fn is not None:
            fn(r, ctx)


def implemented_kinds() -> frozenset[str]:
    return frozenset(_REGISTRY) | {"generic"}


def _money(value: Decimal) -> str:
    return formatting.money(value)


# --------------------------------------------------------------------------- kommune, kontakte


@rule("ags_bundesland")
def _ags_bundesland(r: m.AgsBundeslandRule, ctx: Context) -> None:
    ags = ctx.value(r.params.ags)
    land = ctx.value(r.params.bundesland)
    if not isinstance(ags, str) or not isinstance(land, str) or len(ags.strip()) < 2:
        return
    choices = ctx.spec.field(r.params.bundesland).choices
    expected = next(c.ags_prefix for c in choices if c.code == land)
    prefix = ags.strip()[:2]
    if prefix == expected:
        return
    owner = next((c for c in choices if c.ags_prefix == prefix), None)
    ctx.report(
        r.code,
        r.params.ags,
        {"ags_prefix": prefix, "bundesland": land, "erwartet": expected},
        {
            "ags_land": owner.label if owner else "keinem Bundesland",
            "bundesland_label": next(c.label for c in choices if c.code == land),
        },
        rule_id=r.rule_id,
    )


def _expand(ctx: Context, template: str) -> list[str]:
    """Concrete paths of a field path that may lie in a list (``kommune.mitglieder[].ags``)."""
    list_path, marker, rest = template.partition("[]")
    if not marker:
        return [template]
    return [f"{list_path}[{i}]{rest}" for i in ctx.items(list_path)]


def _described(entries: list[Entry]) -> str:
    """ "den Schlüssel 09473112 („Gemeinde Ahorn“, Landkreis Coburg, Bayern)", or several."""
    parts = [f"{e.ags} („{e.formal_name}“, {e.where})" for e in entries]
    if len(parts) == 1:
        return f"den Schlüssel {parts[0]}"
    return f"die Schlüssel {', '.join(parts[:-1])} und {parts[-1]}"


@rule("directory_ags_unknown")
def _ags_unknown(r: m.DirectoryAgsUnknownRule, ctx: Context) -> None:
    if r.params.when is not None and not ctx.holds(r.params.when):
        return
    for path in _expand(ctx, r.params.ags):
        ags = ctx.value(path)
        if isinstance(ags, str) and ags.strip() and ctx.directory.lookup(ags) is None:
            stand = ctx.directory.meta.gebietsstand
            ctx.report(r.code, path, {"ags": ags.strip(), "gebietsstand": stand}, rule_id=r.rule_id)


@rule("directory_ags_name")
def _ags_name(r: m.DirectoryAgsNameRule, ctx: Context) -> None:
    if r.params.when is not None and not ctx.holds(r.params.when):
        return
    for ags_path, name_path in zip(
        _expand(ctx, r.params.ags), _expand(ctx, r.params.name), strict=True
    ):
        ags, name = ctx.value(ags_path), ctx.value(name_path)
        if not isinstance(ags, str) or not isinstance(name, str) or not name.strip():
            continue
        entry = ctx.directory.lookup(ags)
        if entry is None or entry.matches_name(name):
            continue
        others = [e for e in ctx.directory.named(name) if e.ags != entry.ags][:3]
        params: dict[str, Any] = {
            "ags": ags.strip(),
            "name": name.strip(),
            "verzeichnis_name": entry.formal_name,
        }
        shown = {"verzeichnis": f"„{entry.formal_name}“ ({entry.where})"}
        if others:
            params["name_ags"] = [e.ags for e in others]
            shown["andere"] = _described(others)
        ctx.report(
            r.code,
            ags_path,
            params,
            shown,
            variant="elsewhere" if others else None,
            rule_id=r.rule_id,
        )


@rule("plausible_range")
def _plausible_range(r: m.PlausibleRangeRule, ctx: Context) -> None:
    value = ctx.value(r.params.path)
    if value is None:
        return
    if Decimal(value) < r.params.min or Decimal(value) > r.params.max:
        ctx.report(
            r.code,
            r.params.path,
            {"value": value, "min": jsonable(r.params.min), "max": jsonable(r.params.max)},
            rule_id=r.rule_id,
        )


@rule("condition")
def _condition(r: m.ConditionRule, ctx: Context) -> None:
    if ctx.spec.fields_by_path[r.params.path].when is not None and r.params.path not in ctx.labels:
        return  # the field is hidden
    if ctx.holds(r.params.when):
        ctx.report(r.code, r.params.path, rule_id=r.rule_id)


@rule("short_text")
def _short_text(r: m.ShortTextRule, ctx: Context) -> None:
    value = ctx.value(r.params.path)
    if isinstance(value, str) and value.strip() and len(value) < r.params.min:
        ctx.report(
            r.code, r.params.path, {"length": len(value), "min": r.params.min}, rule_id=r.rule_id
        )


# --------------------------------------------------------------------------- dates


@rule("date_not_after")
def _date_not_after(r: m.DateNotAfterRule, ctx: Context) -> None:
    if r.params.when is not None and not ctx.holds(r.params.when):
        return
    value, other = ctx.value(r.params.path), ctx.value(r.params.other)
    if value is not None and other is not None and value > other:
        ctx.report(r.code, r.params.path, {"datum": value, "other": other}, rule_id=r.rule_id)


@rule("date_after_policy")
def _date_after_policy(r: m.DateAfterPolicyRule, ctx: Context) -> None:
    value = ctx.value(r.params.path)
    limit = getattr(ctx.spec.policy, r.params.policy).value
    if value is not None and value > limit:
        ctx.report(r.code, r.params.path, {"datum": value, "frist": limit}, rule_id=r.rule_id)


# --------------------------------------------------------------------------- lists


@rule("unique_in_list")
def _unique_in_list(r: m.UniqueInListRule, ctx: Context) -> None:
    seen: set[Any] = set()
    for i in ctx.items(r.params.list):
        path = f"{r.params.list}[{i}].{r.params.field}"
        value = ctx.value(path)
        if value is None:
            continue
        if value in seen:
            ctx.report(r.code, path, {"value": value}, {"value": str(value)}, rule_id=r.rule_id)
        seen.add(value)


@rule("sum_range")
def _sum_range(r: m.SumRangeRule, ctx: Context) -> None:
    values = [ctx.value(p) for p in r.params.fields]
    if any(v is None for v in values):
        return
    total = sum((Decimal(v) for v in values), Decimal(0))
    if total < r.params.min or total > r.params.max:
        ctx.report(
            r.code,
            r.params.path,
            {"sum": total, "min": r.params.min, "max": r.params.max},
            {"sum": formatting.number(total)},
            rule_id=r.rule_id,
        )


@rule("months_in_term")
def _months_in_term(r: m.MonthsInTermRule, ctx: Context) -> None:
    start, end = ctx.spec.policy.term_start.value, ctx.spec.policy.term_end.value
    for i in ctx.items(r.params.list):
        for name in r.params.fields:
            path = f"{r.params.list}[{i}].{name}"
            month = ctx.value(path)
            if month is not None and not start <= month <= end:
                ctx.report(
                    r.code,
                    path,
                    {"month": month, "start": start, "end": end},
                    {
                        "month": formatting.month(month),
                        "start": formatting.month(start),
                        "end": formatting.month(end),
                    },
                    rule_id=r.rule_id,
                )


@rule("schedule_order")
def _schedule_order(r: m.ScheduleOrderRule, ctx: Context) -> None:
    p = r.params
    step_field = ctx.spec.field(f"{p.list}[].{p.step}")
    expected_steps = step_field.choice_codes
    labels = step_field.choice_labels
    previous: tuple[str, str] | None = None
    for i in ctx.items(p.list):
        base = f"{p.list}[{i}]"
        step = ctx.value(f"{base}.{p.step}")
        if i >= len(expected_steps):
            ctx.report(
                r.code,
                f"{base}.{p.step}",
                {"position": i + 1, "schritt": step, "count": len(ctx.items(p.list))},
                {
                    "schritt": labels.get(step or "", "ohne Schritt"),
                    "expected": formatting.Counted(str(len(expected_steps)), len(expected_steps)),
                },
                variant="extra",
                rule_id=r.rule_id,
            )
            continue
        if step is not None and step != expected_steps[i]:
            ctx.report(
                r.code,
                f"{base}.{p.step}",
                {"position": i + 1, "schritt": step, "erwartet": expected_steps[i]},
                {"schritt": labels[step], "erwartet": labels[expected_steps[i]]},
                variant="step",
                rule_id=r.rule_id,
            )
        name = labels.get(step or "", f"{i + 1}")
        start, end = ctx.value(f"{base}.{p.start}"), ctx.value(f"{base}.{p.end}")
        if start is not None and end is not None and start > end:
            ctx.report(
                r.code,
                f"{base}.{p.end}",
                {"von": start, "bis": end},
                {"schritt": name, "von": formatting.month(start), "bis": formatting.month(end)},
                variant="range",
                rule_id=r.rule_id,
            )
        if start is not None:
            if previous is not None and start < previous[1]:
                ctx.report(
                    r.code,
                    f"{base}.{p.start}",
                    {"von": start, "vorher_von": previous[1]},
                    {
                        "schritt": name,
                        "von": formatting.month(start),
                        "vorher": previous[0],
                        "vorher_von": formatting.month(previous[1]),
                    },
                    variant="sequence",
                    rule_id=r.rule_id,
                )
            previous = (name, start)


@rule("range_order")
def _range_order(r: m.RangeOrderRule, ctx: Context) -> None:
    p = r.params
    for i in ctx.items(p.list):
        base = f"{p.list}[{i}]"
        start, end = ctx.value(f"{base}.{p.start}"), ctx.value(f"{base}.{p.end}")
        if start is not None and end is not None and start > end:
            title = ctx.value(f"{base}.{p.title}")
            ctx.report(
                r.code,
                f"{base}.{p.end}",
                {"von": start, "bis": end},
                {
                    "titel": str(title) if title else ctx.label(base),
                    "von": formatting.month(start),
                    "bis": formatting.month(end),
                },
                rule_id=r.rule_id,
            )


# --------------------------------------------------------------------------- budget


@rule("budget_empty")
def _budget_empty(r: m.BudgetRule, ctx: Context) -> None:
    if not ctx.budget.has_amount:
        ctx.report(r.code, r.params.path, rule_id=r.rule_id)


@rule("budget_year_cap")
def _budget_year_cap(r: m.BudgetRule, ctx: Context) -> None:
    b = ctx.budget
    for year, requested in b.requested.items():
        if requested > b.cap:
            ctx.report(
                r.code,
                r.params.path,
                {
                    "jahr": int(year),
                    "betrag": jsonable(requested, True),
                    "grenze": jsonable(b.cap, True),
                },
                {
                    "jahr": year,
                    "betrag": _money(requested),
                    "grenze": _money(b.cap),
                    "ueberschreitung": _money(requested - b.cap),
                },
                rule_id=r.rule_id,
            )


@rule("budget_total_cap")
def _budget_total_cap(r: m.BudgetRule, ctx: Context) -> None:
    b = ctx.budget
    total, cap = b.total_requested, b.total_cap
    if total > cap:
        ctx.report(
            r.code,
            r.params.path,
            {"betrag": jsonable(total, True), "grenze": jsonable(cap, True)},
            {
                "betrag": _money(total),
                "grenze": _money(cap),
                "ueberschreitung": _money(total - cap),
            },
            rule_id=r.rule_id,
        )


@rule("budget_first_year_pro_rata")
def _budget_first_year(r: m.BudgetRule, ctx: Context) -> None:
    b = ctx.budget
    cap = b.caps[b.years[0]]
    requested = b.requested[cap.year]
    if cap.pro_rata and requested > cap.amount:
        first_month = min(ctx.spec.policy.first_year_months.value)
        ctx.report(
            r.code,
            r.params.path,
            {
                "jahr": int(cap.year),
                "betrag": jsonable(requested, True),
                "grenze": jsonable(cap.amount, True),
                "monate": cap.months,
            },
            {
                "jahr": cap.year,
                "betrag": _money(requested),
                "grenze": _money(cap.amount),
                "beginn": formatting.month(f"{cap.year}-{first_month:02d}").split()[0],
            },
            rule_id=r.rule_id,
        )


@rule("budget_justification")
def _budget_justification(r: m.BudgetItemRule, ctx: Context) -> None:
    layout = ctx.spec.budget
    for item in ctx.budget.items:
        if any(a > 0 for a in item.amounts.values()) and not item.justification.strip():
            path = f"{layout.items}[{item.index}].{layout.justification}"
            ctx.report(
                r.code,
                path,
                {"posten": item.index + 1},
                {"bezeichnung": item.title or f"Posten {item.index + 1}"},
                rule_id=r.rule_id,
            )


@rule("zentral_exceeds_requested")
def _zentral(r: m.BudgetItemRule, ctx: Context) -> None:
    b = ctx.budget
    for year in b.years:
        central, requested = b.central[year], b.requested[year]
        if central > requested:
            ctx.report(
                r.code,
                f"{ctx.spec.budget.central}.{year}",
                {
                    "jahr": int(year),
                    "betrag": jsonable(central, True),
                    "beantragt": jsonable(requested, True),
                },
                {"jahr": year, "betrag": _money(central), "beantragt": _money(requested)},
                rule_id=r.rule_id,
            )


@rule("measures_cost")
def _measures_cost(r: m.MeasuresCostRule, ctx: Context) -> None:
    list_path = r.params.path
    costs = Decimal(0)
    cost_field = None
    for f in ctx.spec.field(list_path).fields:
        if f.type == "money":
            cost_field = f.id
    if cost_field is None:
        return
    for i in ctx.items(list_path):
        value = ctx.value(f"{list_path}[{i}].{cost_field}")
        if value is not None:
            costs += value
    budget = ctx.budget.category_total(r.params.categories)
    if costs > budget:
        ctx.report(
            r.code,
            list_path,
            {"kosten": jsonable(costs, True), "budget": jsonable(budget, True)},
            {"kosten": _money(costs), "budget": _money(budget)},
            rule_id=r.rule_id,
        )


# --------------------------------------------------------------------------- attachments


def _attachment_items(ctx: Context) -> list[tuple[str, dict[str, Any]]]:
    layout = ctx.spec.attachments
    raw = ctx.raw(layout.list)
    out = []
    for i in ctx.items(layout.list):
        item = raw[i] if isinstance(raw, list) else None
        if isinstance(item, dict):
            out.append((f"{layout.list}[{i}]", item))
    return out


@rule("attachment_required")
def _attachment_required(r: m.AttachmentRequiredRule, ctx: Context) -> None:
    if not ctx.holds(r.params.when):
        return
    kind_field = ctx.spec.attachments.kind
    for _, item in _attachment_items(ctx):
        if item.get(kind_field) == r.params.art:
            return
    ctx.report(r.code, ctx.spec.attachments.list, {"art": r.params.art}, rule_id=r.rule_id)


def _file_of(ctx: Context, path: str) -> tuple[str, Any]:
    layout = ctx.spec.attachments
    name = ctx.value(f"{path}.{layout.file}") or ""
    sha = ctx.value(f"{path}.{layout.sha256}")
    return name, (ctx.files.get(sha) if sha else None)


@rule("attachment_content")
def _attachment_content(r: m.AttachmentRule, ctx: Context) -> None:
    layout = ctx.spec.attachments
    for path, _ in _attachment_items(ctx):
        sha = ctx.value(f"{path}.{layout.sha256}")
        if sha is not None and sha not in ctx.files:
            name, _ = _file_of(ctx, path)
            ctx.report(r.code, f"{path}.{layout.sha256}", {"datei": name}, rule_id=r.rule_id)


@rule("attachment_hash")
def _attachment_hash(r: m.AttachmentRule, ctx: Context) -> None:
    layout = ctx.spec.attachments
    for path, _ in _attachment_items(ctx):
        sha = ctx.value(f"{path}.{layout.sha256}")
        name, info = _file_of(ctx, path)
        if info is not None and info.sha256 != sha:
            ctx.report(r.code, f"{path}.{layout.sha256}", {"datei": name}, rule_id=r.rule_id)


@rule("attachment_type")
def _attachment_type(r: m.AttachmentRule, ctx: Context) -> None:
    allowed = ctx.spec.policy.attachment_types.value
    for path, _ in _attachment_items(ctx):
        name, info = _file_of(ctx, path)
        if info is not None and info.kind not in allowed:
            ctx.report(
                r.code,
                f"{path}.{ctx.spec.attachments.file}",
                {"datei": name, "erkannt": info.kind, "erlaubt": list(allowed)},
                {
                    "erkannt": f"eine {FILE_KIND_LABELS[info.kind]}-Datei"
                    if info.kind
                    else "keine Datei eines bekannten Formats",
                    "erlaubt": ", ".join(FILE_KIND_LABELS[k].split(" ")[0] for k in allowed),
                },
                rule_id=r.rule_id,
            )


@rule("attachment_too_large")
def _attachment_too_large(r: m.AttachmentRule, ctx: Context) -> None:
    limit = ctx.spec.policy.attachment_max_bytes.value
    layout = ctx.spec.attachments
    for path, _ in _attachment_items(ctx):
        name, info = _file_of(ctx, path)
        size = info.size if info is not None else ctx.value(f"{path}.{layout.size}")
        if isinstance(size, int) and size > limit:
            ctx.report(
                r.code,
                f"{path}.{layout.file}",
                {"datei": name, "groesse": size, "grenze": limit},
                {"groesse": formatting.size(size), "grenze": formatting.size(limit)},
                rule_id=r.rule_id,
            )


@rule("mail_size")
def _mail_size(r: m.MailSizeRule, ctx: Context) -> None:
    policy = ctx.spec.policy
    warn = getattr(policy, r.params.warning_above).value
    limit = getattr(policy, r.params.error_above).value
    layout = ctx.spec.attachments
    total = r.params.overhead_bytes
    # The JSON travels twice: inside the PDF and as its own attachment.
    total += 2 * base64_size(len(json.dumps(ctx.data, ensure_ascii=False).encode()))
    for path, _ in _attachment_items(ctx):
        _, info = _file_of(ctx, path)
        size = info.size if info is not None else ctx.value(f"{path}.{layout.size}")
        if isinstance(size, int):
            total += base64_size(size)
    if total > limit:
        ctx.report(
            r.code,
            r.params.path,
            {"groesse": total, "grenze": limit},
            {"groesse": formatting.size(total), "grenze": formatting.size(limit)},
            severity="error",
            variant="error",
            rule_id=r.rule_id,
        )
    elif total > warn:
        ctx.report(
            r.code,
            r.params.path,
            {"groesse": total, "grenze": warn},
            {"groesse": formatting.size(total), "grenze": formatting.size(warn)},
            rule_id=r.rule_id,
        )
