"""The Qt-free three-way merge (issue 16): fields, list items by stable id, order, attachments
by hash, multi-choices, comments, acknowledgements, deciding a conflict later; and the
properties every merge must have, checked with random edits on both sides of random bases."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest
from conftest import EXAMPLE_NAMES, load_example
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from zwk_desktop.domain.collab import Comment
from zwk_desktop.domain.decisions import apply_choice
from zwk_desktop.domain.draft import Draft, draft_from_json
from zwk_desktop.domain.lineage import (
    align,
    concrete_path,
    fingerprint,
    item_path_of,
    parse_stable,
    read_items,
    stable_path,
)
from zwk_desktop.domain.merge import Conflict, State, merge, state_leaves
from zwk_desktop.domain.sync import merge_drafts, merge_options, state_of
from zwk_desktop.editing.session import EditSession


def state(data: dict[str, Any], items: dict[str, list[str]] | None = None, **kw: Any) -> State:
    return State(data, items or {}, **kw)


POSTEN = [{"bezeichnung": "A"}, {"bezeichnung": "B"}, {"bezeichnung": "C"}, {"bezeichnung": "D"}]
IDS = ["a1", "b2", "c3", "d4"]


def posten(*names: str) -> dict[str, Any]:
    return {"finanzplan": {"posten": [{"bezeichnung": n} for n in names]}}


# --------------------------------------------------------------------------- fields


def test_a_field_changed_on_one_side_is_taken_and_different_fields_merge() -> None:
    base = state({"kommune": {"name": "Alt", "einwohner": 100}})
    ours = state({"kommune": {"name": "Neu", "einwohner": 100}})
    theirs = state({"kommune": {"name": "Alt", "einwohner": 120, "flaeche_km2": 3.5}})
    result = merge(base, ours, theirs)
    assert result.clean
    assert result.data == {"kommune": {"name": "Neu", "einwohner": 120, "flaeche_km2": 3.5}}
    assert set(result.ours_changed) == {"kommune.name"}
    assert set(result.theirs_changed) == {"kommune.einwohner", "kommune.flaeche_km2"}
    assert set(result.taken) == {"kommune.einwohner", "kommune.flaeche_km2"}


def test_a_value_changed_on_both_sides_differently_is_a_conflict_with_ours_kept() -> None:
    base = state({"kommune": {"einwohner": 100}})
    ours = state({"kommune": {"einwohner": 110}})
    theirs = state({"kommune": {"einwohner": 120}})
    result = merge(base, ours, theirs)
    assert result.conflicts == (Conflict("kommune.einwohner", "value", 100, 110, 120),)
    assert result.data == {"kommune": {"einwohner": 110}}
    chosen = merge(base, ours, theirs, prefer={"kommune.einwohner": "theirs"})
    assert chosen.data == {"kommune": {"einwohner": 120}} and len(chosen.conflicts) == 1


def test_the_same_change_on_both_sides_and_types_are_compared_strictly() -> None:
    base = state({"a": {"x": 1, "y": "1"}})
    assert merge(base, state({"a": {"x": 2, "y": "1"}}), state({"a": {"x": 2, "y": "1"}})).clean
    # 1.0 and 1 and True are three different JSON values
    result = merge(state({"a": {"x": 0}}), state({"a": {"x": 1}}), state({"a": {"x": True}}))
    assert [c.path for c in result.conflicts] == ["a.x"]


def test_absent_null_and_blank_are_all_not_filled() -> None:
    base = state({"a": {"x": "", "y": None}})
    result = merge(base, state({"a": {}}), state({"a": {"x": " ", "z": "neu"}}))
    assert result.clean and result.data == {"a": {"z": "neu"}}


# --------------------------------------------------------------------------- lists


def test_add_remove_reorder_and_edit_of_different_items_merge_cleanly() -> None:
    """The issue's example: an item added on one side, another removed on the other, a
    reorder and an edit of different items."""
    base = state(posten("A", "B", "C", "D"), {"finanzplan.posten": IDS})
    # ours: reorders (D first), edits B, adds E at the end
    ours = state(
        posten("D", "A", "B2", "C", "E"), {"finanzplan.posten": ["d4", "a1", "b2", "c3", "e5"]}
    )
    # theirs: removes C, edits A, adds F after A
    theirs = state(posten("A2", "F", "B", "D"), {"finanzplan.posten": ["a1", "f6", "b2", "d4"]})
    result = merge(base, ours, theirs)
    assert result.clean, result.conflicts
    names = [p["bezeichnung"] for p in result.data["finanzplan"]["posten"]]
    assert names == ["D", "A2", "F", "B2", "E"]
    assert result.items == {"finanzplan.posten": ["d4", "a1", "f6", "b2", "e5"]}


def test_an_item_removed_on_one_side_and_edited_on_the_other_is_a_conflict() -> None:
    base = state(posten("A", "B"), {"finanzplan.posten": ["a1", "b2"]})
    ours = state(posten("A"), {"finanzplan.posten": ["a1"]})
    theirs = state(posten("A", "B2"), {"finanzplan.posten": ["a1", "b2"]})
    result = merge(base, ours, theirs)
    (conflict,) = result.conflicts
    assert (conflict.path, conflict.kind) == ("finanzplan.posten[#b2]", "item")
    assert (conflict.base, conflict.ours, conflict.theirs) == (
        {"bezeichnung": "B"},
        None,
        {"bezeichnung": "B2"},
    )
    assert conflict.after == ("a1",)
    assert [p["bezeichnung"] for p in result.data["finanzplan"]["posten"]] == ["A"]
    kept = merge(base, ours, theirs, prefer={"finanzplan.posten[#b2]": "theirs"})
    assert [p["bezeichnung"] for p in kept.data["finanzplan"]["posten"]] == ["A", "B2"]
    # removed on one side and untouched on the other: simply removed
    untouched = state(posten("A", "B"), {"finanzplan.posten": ["a1", "b2"]})
    assert merge(base, ours, untouched).data == posten("A")


def test_both_sides_reordering_differently_is_an_order_conflict() -> None:
    base = state(posten("A", "B", "C"), {"finanzplan.posten": ["a1", "b2", "c3"]})
    ours = state(posten("C", "A", "B"), {"finanzplan.posten": ["c3", "a1", "b2"]})
    theirs = state(posten("B", "A", "C"), {"finanzplan.posten": ["b2", "a1", "c3"]})
    (conflict,) = merge(base, ours, theirs).conflicts
    assert conflict.kind == "order" and conflict.path == "finanzplan.posten"
    assert conflict.theirs == ["b2", "a1", "c3"]
    taken = merge(base, ours, theirs, prefer={"finanzplan.posten": "theirs"})
    assert [p["bezeichnung"] for p in taken.data["finanzplan"]["posten"]] == ["B", "A", "C"]


def test_items_added_at_one_place_on_both_sides_stand_in_one_order_either_way() -> None:
    base = state(posten("A"), {"finanzplan.posten": ["a1"]})
    ours = state(posten("A", "X"), {"finanzplan.posten": ["a1", "x9"]})
    theirs = state(posten("A", "Y"), {"finanzplan.posten": ["a1", "y0"]})
    one, other = merge(base, ours, theirs), merge(base, theirs, ours)
    assert one.data == other.data and one.items == other.items


def test_the_same_attachment_added_on_both_sides_is_one_attachment(spec: Any) -> None:
    item = {"art": "beschluss", "titel": "Beschluss", "datei": "b.pdf", "sha256": "ab" * 32,
            "groesse": 10}  # fmt: skip
    base = state({}, {})
    ours = state({"anlagen": [dict(item)]}, {"anlagen": ["o1"]})
    theirs = state({"anlagen": [dict(item, titel="Ratsbeschluss")]}, {"anlagen": ["t2"]})
    result = merge(base, ours, theirs, **merge_options(spec))
    assert len(result.data["anlagen"]) == 1 and result.items == {"anlagen": ["o1"]}
    assert [c.path for c in result.conflicts] == ["anlagen[#o1].titel"]
    other = dict(item, sha256="cd" * 32, datei="c.pdf")
    two = merge(base, ours, state({"anlagen": [other]}, {"anlagen": ["t2"]}), **merge_options(spec))
    assert len(two.data["anlagen"]) == 2 and two.clean


def test_multi_choices_merge_as_sets_in_the_form_order(spec: Any) -> None:
    path = "voraussetzungen.fachbereiche"
    base = state({"voraussetzungen": {"fachbereiche": ["soziales", "jugend"]}})
    ours = state({"voraussetzungen": {"fachbereiche": ["soziales", "jugend", "finanzen"]}})
    theirs = state({"voraussetzungen": {"fachbereiche": ["bildung", "jugend"]}})
    result = merge(base, ours, theirs, **merge_options(spec))
    assert result.clean
    assert result.data["voraussetzungen"]["fachbereiche"] == ["jugend", "bildung", "finanzen"]
    assert path in result.ours_changed and path in result.theirs_changed


# --------------------------------------------------------------------------- comments, acks


def _comment(cid: str, **kw: Any) -> Comment:
    return Comment(cid, "kommune.name", "Bitte prüfen", "A", "2026-01-01T00:00:00Z", **kw)


def test_comments_merge_by_id_with_resolutions_and_removals() -> None:
    c1, c2, c3 = _comment("c1"), _comment("c2"), _comment("c3")
    base = state({}, comments=(c1, c2))
    resolved = c1.resolve("B", "2026-01-02T00:00:00Z")
    ours = state({}, comments=(resolved, c2, c3))  # resolves c1, adds c3
    theirs = state({}, comments=(c1,))  # removes c2
    result = merge(base, ours, theirs)
    assert result.comments == (resolved, c3)
    # removed on one side, resolved on the other: kept (nothing is lost)
    kept = merge(state({}, comments=(c1,)), state({}), state({}, comments=(resolved,)))
    assert kept.comments == (resolved,)


def test_acknowledgements_follow_their_item_and_join_different_justifications() -> None:
    key = ("budget_justification_missing", "finanzplan.posten[#b2].erlaeuterung")
    base = state({}, acknowledgements={key: ("alt", "t0")})
    ours = state({}, acknowledgements={key: ("unsere", "t1")})
    theirs = state({}, acknowledgements={key: ("ihre", "t2")})
    assert merge(base, ours, theirs).acknowledgements == {key: ("ihre | unsere", "t2")}
    assert merge(base, state({}), base).acknowledgements == {}


# --------------------------------------------------------------------------- stable ids, paths


def test_stable_paths_name_items_by_id() -> None:
    items = {"finanzplan.posten": ["a1", "b2"]}
    stable = stable_path("finanzplan.posten[1].betraege.2023", items)
    assert stable == "finanzplan.posten[#b2].betraege.2023"
    assert parse_stable(stable) == ("finanzplan", "posten", ("b2",), "betraege", "2023")
    assert item_path_of(stable) == "finanzplan.posten[#b2]"
    assert concrete_path(stable, {"finanzplan.posten": ["b2", "a1"]}) == (
        "finanzplan.posten[0].betraege.2023"
    )
    assert concrete_path(stable, {"finanzplan.posten": ["a1"]}) is None


def test_a_file_edited_by_hand_is_matched_back_item_by_item() -> None:
    """Another program removed the second item and edited the fourth without touching the ids:
    unchanged items keep their ids by content, the edited one by position."""
    recorded = [(i, fingerprint(p)) for i, p in zip(IDS, POSTEN, strict=True)]
    now = [POSTEN[0], POSTEN[2], {"bezeichnung": "D2"}, {"bezeichnung": "neu"}]
    assert align(recorded, now)[:3] == ["a1", "c3", "d4"]
    assert align(recorded, now)[3] not in IDS
    assert align(recorded, list(reversed(POSTEN))) == list(reversed(IDS))
    raw = {"finanzplan.posten": [{"id": i, "sha": s} for i, s in recorded]}
    assert read_items(raw, {"finanzplan": {"posten": POSTEN[1:]}}) == {"finanzplan.posten": IDS[1:]}


# --------------------------------------------------------------------------- deciding later


def test_apply_choice_puts_a_decision_into_the_current_state() -> None:
    data = posten("A", "C")
    items = {"finanzplan.posten": ["a1", "c3"]}
    back = Conflict("finanzplan.posten[#b2]", "item", {"bezeichnung": "B"}, None,
                    {"bezeichnung": "B2"}, ("a1",))  # fmt: skip
    assert apply_choice(data, items, back, back.theirs)
    assert [p["bezeichnung"] for p in data["finanzplan"]["posten"]] == ["A", "B2", "C"]
    assert items["finanzplan.posten"] == ["a1", "b2", "c3"]
    value = Conflict("finanzplan.posten[#c3].bezeichnung", "value", "C", "C", "C3")
    assert apply_choice(data, items, value, "C3")
    assert data["finanzplan"]["posten"][2] == {"bezeichnung": "C3"}
    order = Conflict("finanzplan.posten", "order", [], [], ["c3", "a1", "b2"])
    assert apply_choice(data, items, order, order.theirs)
    assert items["finanzplan.posten"] == ["c3", "a1", "b2"]
    assert apply_choice(data, items, back, None)  # remove it again
    assert items["finanzplan.posten"] == ["c3", "a1"]
    gone = Conflict("finanzplan.posten[#zz].bezeichnung", "value", "", "", "x")
    assert not apply_choice(data, items, gone, "x")


# --------------------------------------------------------------------------- whole drafts


def test_merge_drafts_keeps_files_acknowledgements_and_marks_their_fields(spec: Any) -> None:
    base = draft_from_json(load_example("staedteverbund-oberes-tal.zwk"))
    base.ensure_lineage()
    ours, theirs = copy.deepcopy(base), copy.deepcopy(base)
    s = EditSession(spec, theirs, author="Frau Schmidt")
    s.set("kommune.einwohner", 4321)
    s.remove_item("finanzplan.posten", 0)
    o = EditSession(spec, ours, author="Berater Müller")
    o.set("unterschrift.ort", "Laptopstadt")
    merged = merge_drafts(state_of(base), ours, theirs, spec=spec, source="r.zwk")
    assert merged.result.clean
    draft = merged.draft
    assert draft.data["kommune"]["einwohner"] == 4321
    assert draft.data["unterschrift"]["ort"] == "Laptopstadt"
    assert len(draft.data["finanzplan"]["posten"]) == len(base.data["finanzplan"]["posten"]) - 1
    assert set(draft.files) == set(base.files)
    assert {m.by for m in merged.markers.values()} == {"Frau Schmidt"}
    assert list(merged.markers) == ["kommune.einwohner"]
    assert merged.result.taken_count == 2  # one field, one removed item
    assert len(draft.changelog.entries) == 3  # both sides' entries
    assert ours.data["unterschrift"]["ort"] == "Laptopstadt" and ours is not draft


# --------------------------------------------------------------------------- properties

TEXTS = st.sampled_from(["", "a", "b", "Neuer Text", "Zweiter Text", "Ä ö ü ß"])


def _scalar_leaves(session: EditSession) -> list[str]:
    from zwk_desktop.services.diff import flatten

    return sorted(
        p
        for p, v in flatten(session.draft.data).items()
        if session.field_at(p) is not None and session.field_at(p).type in ("text", "long")  # type: ignore[union-attr]
    )


def _lists(session: EditSession) -> list[str]:
    return sorted(
        p
        for p, f in session.spec.fields_by_path.items()
        if f.type == "list" and f.fixed_rows is None and "[" not in p
    )


Claims = dict[str, set[str]]


def _edit(session: EditSession, data: st.DataObject, claims: Claims) -> None:
    """One random edit through the editing layer; records what it touched."""
    kind = data.draw(st.sampled_from(["set", "set", "set", "multi", "add", "remove", "move"]))
    lists = _lists(session)
    if kind == "set":
        leaves = _scalar_leaves(session)
        if not leaves:
            return
        path = data.draw(st.sampled_from(leaves))
        session.set(path, data.draw(TEXTS))
        stable = session.stable(path)
        claims["leaf"].add(stable)
        if (item := item_path_of(stable)) is not None:
            claims["inside"].add(item)
    elif kind == "multi":
        path = "voraussetzungen.fachbereiche"
        codes = session.spec.fields_by_path[path].choice_codes
        session.set(path, data.draw(st.lists(st.sampled_from(codes), unique=True, max_size=4)))
        claims["leaf"].add(path)
    elif kind == "add":
        path = data.draw(st.sampled_from(lists))
        index = session.add_item(path)
        session.set(f"{path}[{index}].{session._list_field(path).fields[0].id}", data.draw(TEXTS))
    elif kind in ("remove", "move"):
        path = data.draw(st.sampled_from(lists))
        count = session.item_count(path)
        if count < 2:
            return
        index = data.draw(st.integers(0, count - 1))
        item = session.stable(f"{path}[{index}]")
        if kind == "remove":
            session.remove_item(path, index)
            claims["removed"].add(item)
        else:
            to = data.draw(st.integers(0, count - 1))
            session.move_item(path, index, to)
            claims["order"].add(path)


def _two_sides(spec: Any, data: st.DataObject) -> tuple[Draft, Draft, Draft, Claims, Claims]:
    name = data.draw(st.sampled_from(EXAMPLE_NAMES))
    base = draft_from_json(load_example(name))
    base.ensure_lineage()
    sides = []
    for _ in range(2):
        draft = copy.deepcopy(base)
        session = EditSession(spec, draft, author="x")
        claims: Claims = {"leaf": set(), "inside": set(), "removed": set(), "order": set()}
        for _ in range(data.draw(st.integers(0, 6))):
            _edit(session, data, claims)
        sides.append((draft, claims))
    (ours, oc), (theirs, tc) = sides
    return base, ours, theirs, oc, tc


def _leaves(s: State) -> dict[str, Any]:
    return state_leaves(s)


def _result_state(result: Any) -> State:
    return State(result.data, result.items)


def _norm(s: State) -> str:
    leaves = state_leaves(s)
    return json.dumps([leaves, {k: v for k, v in s.items.items() if v}], sort_keys=True)


PROPERTY = settings(max_examples=120, deadline=None, suppress_health_check=list(HealthCheck))


@PROPERTY
@given(data=st.data())
def test_merging_is_symmetric_up_to_the_choice_at_conflicts(spec: Any, data: st.DataObject) -> None:
    base, ours, theirs, _, _ = _two_sides(spec, data)
    b, o, t = state_of(base), state_of(ours), state_of(theirs)
    options = merge_options(spec)
    one = merge(b, o, t, **options)
    prefer = {c.path: "theirs" for c in one.conflicts}
    chosen = merge(b, o, t, prefer=prefer, **options)  # type: ignore[arg-type]
    other = merge(b, t, o, **options)
    assert _norm(_result_state(chosen)) == _norm(_result_state(other))
    assert {c.path for c in one.conflicts} == {c.path for c in other.conflicts}
    assert chosen.comments == other.comments


@PROPERTY
@given(data=st.data())
def test_merging_with_itself_or_its_base_changes_nothing(spec: Any, data: st.DataObject) -> None:
    base, ours, theirs, _, _ = _two_sides(spec, data)
    b, o, t = state_of(base), state_of(ours), state_of(theirs)
    options = merge_options(spec)
    for result, expected in (
        (merge(b, o, o, **options), o),  # the same state on both sides
        (merge(b, o, b, **options), o),  # theirs is the base: nothing to take
        (merge(b, b, t, **options), t),  # ours is the base: fast-forward
        (merge(o, o, o, **options), o),
    ):
        assert result.clean
        assert _norm(_result_state(result)) == _norm(expected)


def _overlap(a: Claims, b: Claims) -> bool:
    return bool(
        a["leaf"] & b["leaf"]
        or a["removed"] & (b["inside"] | b["removed"])
        or b["removed"] & a["inside"]
        or a["order"] & b["order"]
    )


@PROPERTY
@given(data=st.data())
def test_edits_that_do_not_overlap_never_conflict(spec: Any, data: st.DataObject) -> None:
    base, ours, theirs, oc, tc = _two_sides(spec, data)
    if _overlap(oc, tc):
        return
    result = merge(state_of(base), state_of(ours), state_of(theirs), **merge_options(spec))
    assert result.clean, (result.conflicts, oc, tc)


def _covered(path: str, conflicts: tuple[Conflict, ...]) -> bool:
    item = item_path_of(path)
    return any(c.path in (path, item) for c in conflicts)


@PROPERTY
@given(data=st.data())
def test_no_edit_of_either_side_is_lost(spec: Any, data: st.DataObject) -> None:
    base, ours, theirs, _, _ = _two_sides(spec, data)
    b, o, t = state_of(base), state_of(ours), state_of(theirs)
    result = merge(b, o, t, **merge_options(spec))
    got, lb = _leaves(_result_state(result)), _leaves(b)
    for side, changed in ((o, result.ours_changed), (t, result.theirs_changed)):
        mine = _leaves(side)
        for path in changed:
            if _covered(path, result.conflicts):
                continue
            if isinstance(mine.get(path, lb.get(path)), list):  # a multi-choice: as sets
                before, after = set(lb.get(path) or []), set(mine.get(path) or [])
                now = set(got.get(path) or [])
                assert after - before <= now and not (before - after) & now, path
            else:
                assert got.get(path) == mine.get(path), path


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_merge_of_an_example_with_itself_round_trips_the_data(spec: Any, name: str) -> None:
    draft = draft_from_json(load_example(name))
    s = state_of(draft)
    assert merge(s, s, s).data == draft.data


def test_ids_from_a_hostile_file_stay_unique_and_long_lists_stay_linear() -> None:
    twice = [("a1", None), ("a1", None)]
    ids = align(twice, [{"x": 1}, {"x": 2}])
    assert ids[0] == "a1" and ids[1] != "a1"
    many = [{"n": str(i)} for i in range(5000)]
    recorded = [(f"i{n}", None) for n in range(4999)]
    ids = align(recorded, many)
    assert ids[:4999] == [i for i, _ in recorded] and len(set(ids)) == 5000


def test_a_long_change_log_still_makes_a_file_the_program_reads_back() -> None:
    """What the program writes, it reads (issue 15) with issue 16's change log: a draft worked
    on for months has more log entries than a file's list may hold, with long texts as old
    and new values. The file carries the newest entries within the limits and opens again."""
    from zwk_desktop import limits
    from zwk_desktop.domain.collab import Change
    from zwk_desktop.domain.draft import parse_draft

    draft = draft_from_json(load_example("gemeinde-lindenhagen.zwk"))
    draft.ensure_lineage()
    text = "Ausgangslage " * 190  # about 2,500 characters, a long text of the form
    entries = [
        Change(f"e{i:06d}", "ausgangslage.beschreibung", f"2026-{1 + i // 40000:02d}-01T"
               f"{i // 3600 % 24:02d}:{i // 60 % 60:02d}:{i % 60:02d}Z", "Berater Müller",
               f"{text}{i}", f"{text}{i + 1}", "value")
        for i in range(12_000)
    ]  # fmt: skip
    draft.changelog.add(entries)
    raw = draft.to_bytes()
    assert len(raw) <= limits.MAX_DRAFT_BYTES
    back = parse_draft(raw)
    kept = back.changelog.entries
    assert 0 < len(kept) <= limits.MAX_FILE_CHANGES
    assert kept[-1].id == "e011999"  # the newest entries travel
    assert [c.id for c in kept] == [c.id for c in entries[len(entries) - len(kept) :]]
    few = draft_from_json(load_example("gemeinde-lindenhagen.zwk"))
    few.changelog.add(entries[:3])
    assert [c.id for c in parse_draft(few.to_bytes()).changelog.entries] == [
        "e000000", "e000001", "e000002",
    ]  # fmt: skip
