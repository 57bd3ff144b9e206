"""The work of ``zwk-desktop merge`` (imported when the command runs, never at start-up)."""

from __future__ import annotations

import argparse
import dataclasses
from pathlib import Path
from typing import Any

from zwk_desktop.cli.common import (
    EXIT_INVALID,
    EXIT_OK,
    CommandError,
    form_for,
    say,
    say_json,
    user_name,
)
from zwk_desktop.domain.draft import Draft, DraftError, now_iso, read_draft
from zwk_desktop.domain.lineage import (
    BaseState,
    ItemIds,
    Lineage,
    VersionRef,
    concrete_path,
    ensure_ids,
    new_lineage_id,
    positional_ids,
)
from zwk_desktop.domain.merge import Conflict
from zwk_desktop.domain.paths import get_value, template_path
from zwk_desktop.domain.sync import DraftMerge, base_state, merge_drafts
from zwk_desktop.formspec.models import FormSpec
from zwk_desktop.services.diff import display_value, field_label
from zwk_desktop.services.portable import FileWriteError, write_file
from zwk_desktop.services.roundtrip import written_state

ROLES = {
    "base": "BASE (ursprünglich)",
    "ours": "OURS (Ihr Stand)",
    "theirs": "THEIRS (eingegangen)",
}


def _read(path: Path, role: str) -> Draft:
    try:
        return read_draft(path)
    except DraftError as exc:
        raise CommandError(f"{path} ({ROLES[role]}): {exc}") from None


def _one_lineage(drafts: dict[str, Draft], paths: dict[str, Path]) -> str | None:
    """The lineage id the files share (None when none has one); files without lineage (an
    older format) are taken as the user says they are."""
    ids = {role: d.lineage.draft for role, d in drafts.items() if d.lineage is not None}
    if len(set(ids.values())) > 1:
        names = ", ".join(f"{paths[r].name}: {ROLES[r]}" for r in ids)
        raise CommandError(
            "Die drei Dateien gehören nicht zu einem Entwurf (ihre Entwurfskennungen sind "
            f"verschieden: {names}); nur Stände desselben Entwurfs lassen sich zusammenführen."
        )
    forms = {(d.form_id, d.form_version) for d in drafts.values()}
    if len(forms) > 1:
        raise CommandError(
            "Die drei Dateien gehören zu verschiedenen Formularen; nur Stände desselben "
            "Entwurfs lassen sich zusammenführen."
        )
    return next(iter(ids.values()), None)


def _items_for(draft: Draft, base: Draft, base_items: ItemIds) -> None:
    """Item ids for a file without lineage, matched to the base by content."""
    if draft.lineage is None:
        draft.lineage = Lineage(draft="", items=positional_ids(draft.data, base.data, base_items))


def run(args: argparse.Namespace) -> int:
    paths = {"base": args.base, "ours": args.ours, "theirs": args.theirs}
    drafts = {role: _read(path, role) for role, path in paths.items()}
    lineage_id = _one_lineage(drafts, paths) or new_lineage_id()
    base, ours, theirs = drafts["base"], drafts["ours"], drafts["theirs"]
    spec = form_for(ours, args.ours)
    base_items = ensure_ids(base.data, base.lineage.items if base.lineage else {})
    _items_for(ours, base, base_items)
    _items_for(theirs, base, base_items)
    base_version = base.lineage.version if base.lineage is not None else None
    state = BaseState(
        version=base_version or new_lineage_id(),
        at=base.lineage.written if base.lineage is not None else "",
        data=base.data,
        items=base_items,
        comments=[c.to_json() for c in base.comments],
        acknowledgements=[a.to_json() for a in base.acknowledgements],
    )
    merged = merge_drafts(base_state(state), ours, theirs, spec=spec, source=args.theirs.name)
    out = merged.draft
    _stamp(out, lineage_id, ours, theirs, state if base_version else None)
    out.markers = {}
    _write(args.out, out, lineage_id, args.force)
    if args.json:
        say_json(_json(merged, ours, theirs, base))  # ASCII escapes, as every --json
    else:
        _report(merged, spec, args)
    return EXIT_INVALID if merged.conflicts else EXIT_OK


def _stamp(
    out: Draft, lineage_id: str, ours: Draft, theirs: Draft, previous: BaseState | None
) -> None:
    """The merged file's lineage: a version of its own that descends from both files, with
    the given base as the version before it."""
    seen: dict[str, VersionRef] = {}
    for side in (ours, theirs):
        lineage = side.lineage
        if lineage is None:
            continue
        refs = [VersionRef(lineage.version, lineage.written)] if lineage.version else []
        for ref in [*refs, *lineage.history]:
            seen.setdefault(ref.version, ref)
    assert out.lineage is not None
    out.lineage = dataclasses.replace(
        out.lineage,
        draft=lineage_id,
        version=new_lineage_id(),
        written=now_iso(),
        by=user_name(),
        history=list(seen.values()),
        previous=previous,
    )
    out.meta["modified"] = now_iso()
    out.lineage.base = written_state(out)
    out.lineage.base = written_state(out)


def _write(target: Path, draft: Draft, lineage_id: str, force: bool) -> None:
    if target.exists() and not force:
        try:
            existing = read_draft(target)
        except DraftError:
            existing = None
        if existing is None or existing.lineage is None or existing.lineage.draft != lineage_id:
            raise CommandError(
                f"{target} gibt es schon und ist kein Stand dieses Entwurfs; wählen Sie einen "
                "anderen Namen oder ersetzen Sie die Datei mit --force."
            )
    try:
        write_file(draft, target)
    except FileWriteError as exc:
        raise CommandError(str(exc)) from None


# --------------------------------------------------------------------------- output


def _order(spec_order: dict[str, int], path: str) -> tuple[int, str]:
    return (spec_order.get(template_path(path), len(spec_order)), path)


def _paths(merged: DraftMerge, stable: tuple[str, ...], *sources: ItemIds) -> list[str]:
    out = []
    for p in stable:
        found = next(
            (c for items in sources if (c := concrete_path(p, items)) is not None),
            merged.concrete(p),
        )
        out.append(found)
    return out


def _side_items(draft: Draft) -> ItemIds:
    return draft.ensure_lineage().items


def _order_values(conflict: Conflict, drafts: dict[str, Draft], path: str) -> dict[str, Any]:
    """An order conflict's values: the items of the list in each side's order."""
    out = {}
    for role in ("base", "ours", "theirs"):
        draft = drafts[role]
        items = dict(zip(_side_items(draft).get(path, []), get_value(draft.data, path) or [],
                         strict=False))  # fmt: skip
        out[role] = [items[i] for i in getattr(conflict, role) if i in items]
    return out


def _json(merged: DraftMerge, ours: Draft, theirs: Draft, base: Draft) -> dict[str, Any]:
    drafts = {"base": base, "ours": ours, "theirs": theirs}
    result_items = merged.result.items
    conflicts = []
    for c in merged.conflicts:
        path = _paths(merged, (c.path,), result_items, _side_items(ours), _side_items(theirs),
                      _side_items(base))[0]  # fmt: skip
        values = (
            _order_values(c, drafts, path)
            if c.kind == "order"
            else {"base": c.base, "ours": c.ours, "theirs": c.theirs}
        )
        conflicts.append({"path": path, **values})
    order = _spec_order(ours)
    ours_changed = _paths(merged, merged.result.ours_changed, _side_items(ours), _side_items(base))
    theirs_changed = _paths(
        merged, merged.result.theirs_changed, _side_items(theirs), _side_items(base)
    )
    return {
        "conflicts": conflicts,
        "ours_changed": sorted(set(ours_changed), key=lambda p: _order(order, p)),
        "theirs_changed": sorted(set(theirs_changed), key=lambda p: _order(order, p)),
    }


def _spec_order(draft: Draft) -> dict[str, int]:
    try:
        return form_for(draft).field_order
    except CommandError:
        return {}


def _report(merged: DraftMerge, spec: FormSpec, args: argparse.Namespace) -> None:
    result = merged.result
    ours_n, theirs_n = len(result.ours_changed), result.taken_count
    if not merged.conflicts:
        say(
            f"Ohne Konflikt zusammengeführt: {ours_n} Änderung(en) in Ihrem Stand, {theirs_n} "
            f"aus dem eingegangenen Stand übernommen. Geschrieben: {args.out}"
        )
        return
    say(
        f"Zusammengeführt mit {len(merged.conflicts)} Konflikt(en); {theirs_n} Änderung(en) aus "
        f"dem eingegangenen Stand übernommen. An den Konflikten steht in {args.out} Ihr Stand:"
    )
    for c in merged.conflicts:
        path = merged.concrete(c.path)
        label = field_label(spec, path)
        if c.kind == "value":
            say(f"  {label} ({path}):")
            say(f"      ursprünglich:       {display_value(spec, path, c.base)}")
            say(f"      Ihr Stand:          {display_value(spec, path, c.ours)}")
            say(f"      eingegangener Stand: {display_value(spec, path, c.theirs)}")
        elif c.kind == "item":
            what = "entfernt" if c.ours is None else "geändert"
            other = "entfernt" if c.theirs is None else "geändert"
            say(f"  {label} ({path}): in Ihrem Stand {what}, im eingegangenen Stand {other}.")
        else:
            say(
                f"  {label} ({path}): die Reihenfolge wurde auf beiden Seiten verschieden geändert."
            )
