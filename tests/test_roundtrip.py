"""Consultant ↔ clerk round trip without a server (issue 16): lineage in the store and in the
``.zwk`` file, the merging import, the store's upgrade from schema 1, comments, the change log,
change markers, ``zwk-desktop merge`` and ``drafts import``, and the optional
``aenderungsprotokoll.json`` in the package."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from clitools import run_cli
from export_helpers import NOW, never_ask, new_store, ready_draft
from store_helpers import FIXTURES, Clock, example, is_german_sentence

from zwk_desktop.domain.datamodel import envelope_model
from zwk_desktop.domain.draft import DraftError, draft_from_json, read_draft
from zwk_desktop.editing.session import EditSession
from zwk_desktop.formspec import get_form
from zwk_desktop.locations import data_dir
from zwk_desktop.services.portable import export_draft, import_file
from zwk_desktop.services.records import DraftSnapshot
from zwk_desktop.services.settings import Settings, SettingsStore
from zwk_desktop.services.store import DB_NAME, DraftStore, StoreSettings
from zwk_desktop.services.store_schema import SCHEMA_VERSION
from zwk_desktop.validation import validate_draft

SPEC = get_form()


def store_in(folder: Path, clock: Clock | None = None) -> DraftStore:
    return DraftStore(folder / DB_NAME, settings=StoreSettings(), clock=clock or Clock())


def edit(store: DraftStore, draft_id: int, author: str) -> tuple[EditSession, Any]:
    """An edit session over a stored draft and a function that saves it (as the window does)."""
    draft = store.load(draft_id).draft
    session = EditSession(SPEC, draft, author=author)

    def save() -> None:
        snap = DraftSnapshot.of(draft)
        store.save(draft_id, snap, reason="save")
        draft.changelog.saved(snap.changes_revision)

    return session, save


@pytest.fixture
def two_places(tmp_path: Path) -> tuple[DraftStore, DraftStore]:
    """The consultant's laptop and the town hall: two data folders, two stores."""
    return store_in(tmp_path / "laptop"), store_in(tmp_path / "rathaus")


# --------------------------------------------------------------------------- store schema 2 (3)


def test_a_schema_1_database_is_upgraded_in_place_and_keeps_everything(tmp_path: Path) -> None:
    """A database written by the previous version (tests/fixtures/entwuerfe-schema-1.sqlite3:
    two drafts, one imported from format 0) opens, gets lineage ids and keeps every row."""
    folder = tmp_path / "alt"
    folder.mkdir()
    shutil.copy(FIXTURES / "entwuerfe-schema-1.sqlite3", folder / DB_NAME)
    before = sqlite3.connect(folder / DB_NAME)
    old_rows = before.execute("SELECT id, data FROM drafts ORDER BY id").fetchall()
    old_versions = before.execute("SELECT id, format_version, data FROM versions").fetchall()
    assert before.execute("PRAGMA user_version").fetchone() == (1,)
    before.close()

    store = store_in(folder)
    drafts = store.list_drafts()
    assert len(drafts) == len(old_rows) == 2
    con = sqlite3.connect(folder / DB_NAME)
    # 1 → 2 (issue 16, lineage) → 3 (issue 10, the covering index of the drafts list)
    assert con.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION,) == (3,)
    indexes = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert {"drafts_listed", "drafts_by_uuid"} <= indexes
    assert con.execute("SELECT id, data FROM drafts ORDER BY id").fetchall() == old_rows
    uuids = [r[0] for r in con.execute("SELECT uuid FROM drafts")]
    assert len(set(uuids)) == 2 and all(len(u) == 36 for u in uuids)
    versions = con.execute("SELECT id, format_version, data, uuid FROM versions").fetchall()
    assert [(i, d) for i, _, d, _ in versions] == [(i, d) for i, _, d in old_versions]
    assert {v for _, v, _, _ in versions} == {0, 2}  # format 0 kept as it was, 1 is now 2
    assert all(u for *_, u in versions)
    assert con.execute("SELECT format_version FROM drafts").fetchall() == [(2,), (2,)]
    for summary in drafts:
        loaded = store.load(summary.id)
        assert loaded.migration is None  # the rows of format 1 are format 2 without a step
        assert loaded.draft.lineage is not None and loaded.draft.lineage.draft in uuids
    exported = tmp_path / "raus.zwk"
    export_draft(store, drafts[0].id, exported)
    assert import_file(store, exported).draft_id == drafts[0].id  # merged, not copied


# --------------------------------------------------------------------------- the round trip


def test_the_round_trip_merges_field_by_field_and_keeps_both_states(
    two_places: tuple[DraftStore, DraftStore], tmp_path: Path
) -> None:
    laptop, rathaus = two_places
    mine = laptop.create(example("staedteverbund-oberes-tal.zwk"))
    out = tmp_path / "an-rathaus.zwk"
    export_draft(laptop, mine, out, by="Berater Müller")

    # the town hall imports it: a new draft there, of the same lineage
    theirs_id = import_file(rathaus, out).draft_id
    lineage = laptop.load(mine).draft.lineage
    assert lineage is not None
    assert rathaus.load(theirs_id).draft.lineage.draft == lineage.draft  # type: ignore[union-attr]
    clerk, save_clerk = edit(rathaus, theirs_id, "Frau Schmidt")
    clerk.set("kommune.einwohner", 12345)
    clerk.set("voraussetzungen.beschluss_gremium", "Gemeinderat Oberes Tal")
    clerk.set("finanzplan.posten[1].bezeichnung", "Vom Rathaus geändert")
    clerk.remove_item("netzwerke.initiativen", 0)
    clerk.add_comment("voraussetzungen.beschluss_datum", "Bitte Beschlussdatum prüfen")
    save_clerk()
    back = tmp_path / "zurueck.zwk"
    export_draft(rathaus, theirs_id, back, by="Frau Schmidt")
    written = json.loads(back.read_text("utf-8"))
    envelope_model(SPEC).model_validate(written)  # what `zwk-desktop schema` describes
    assert written["lineage"]["base"]["data"] == written["data"]  # the state written
    assert written["lineage"]["previous"]["version"] == written["lineage"]["history"][0]["version"]
    assert {c["who"] for c in written["changes"]} == {"Frau Schmidt"}
    assert [c["text"] for c in written["comments"]] == ["Bitte Beschlussdatum prüfen"]

    # meanwhile on the laptop
    consultant, save_consultant = edit(laptop, mine, "Berater Müller")
    consultant.set("kommune.einwohner", 999)
    consultant.set("unterschrift.ort", "Beratungsort")
    consultant.move_item("finanzplan.posten", 0, 2)
    save_consultant()

    result = import_file(laptop, back)
    assert result.draft_id == mine and result.conflicts == 1
    assert "zusammengeführt, 3 Änderungen übernommen, 1 Konflikt" in result.message
    assert is_german_sentence(result.message)
    draft = laptop.load(mine).draft
    assert draft.data["kommune"]["einwohner"] == 999  # ours, until decided
    assert draft.data["unterschrift"]["ort"] == "Beratungsort"
    assert draft.data["voraussetzungen"]["beschluss_gremium"] == "Gemeinderat Oberes Tal"
    posten = [p["bezeichnung"] for p in draft.data["finanzplan"]["posten"]]
    assert posten.index("Vom Rathaus geändert") == 0  # edited on one side, moved on the other
    assert draft.pending is not None and [c.path for c in draft.pending.conflicts] == [
        "kommune.einwohner"
    ]
    assert draft.pending.by == "Frau Schmidt"
    reasons = [(v.reason, v.note) for v in laptop.versions(mine)[:3]]
    assert reasons == [
        ("merge", "Zusammengeführt mit Datei zurueck.zwk"),
        ("incoming", "Eingegangener Stand aus Datei zurueck.zwk, vor Zusammenführung"),
        ("before_merge", "Ihr Stand vor Zusammenführung mit Datei zurueck.zwk"),
    ]
    before = laptop.load_version(laptop.versions(mine)[2].id)
    assert before.data["kommune"]["einwohner"] == 999
    incoming = laptop.load_version(laptop.versions(mine)[1].id)
    assert incoming.data["kommune"]["einwohner"] == 12345

    # markers, comments and the change log came along
    session = EditSession(SPEC, draft, author="Berater Müller")
    assert session.marker_counts("voraussetzungen") == {"Frau Schmidt": 1}
    assert session.marker_counts("finanzplan") == {"Frau Schmidt": 1}
    assert [c.text for c in session.comments_at("voraussetzungen.beschluss_datum")] == [
        "Bitte Beschlussdatum prüfen"
    ]
    who = {c.who for c in session.history()}
    assert who == {"Frau Schmidt", "Berater Müller"}

    # the conflict is decided, the result is valid
    (conflict,) = draft.pending.conflicts
    assert session.decide(conflict, conflict.theirs)
    assert draft.data["kommune"]["einwohner"] == 12345 and draft.pending is None
    session.seen_all()
    assert not session.markers()
    laptop.save(mine, DraftSnapshot.of(draft))
    assert laptop.load(mine).draft.pending is None
    assert validate_draft(SPEC, laptop.load(mine).draft).valid


def test_a_file_from_an_unchanged_draft_is_a_fast_forward(
    two_places: tuple[DraftStore, DraftStore], tmp_path: Path
) -> None:
    laptop, rathaus = two_places
    mine = laptop.create(example())
    out = tmp_path / "a.zwk"
    export_draft(laptop, mine, out)
    theirs = import_file(rathaus, out).draft_id
    clerk, save = edit(rathaus, theirs, "Frau Schmidt")
    clerk.set("kommune.einwohner", 4711)
    clerk.add_item("netzwerke.initiativen")
    save()
    back = tmp_path / "b.zwk"
    export_draft(rathaus, theirs, back)
    result = import_file(laptop, back)
    assert result.merge is not None and result.merge.fast_forward and not result.conflicts
    assert "übernommen" in result.message and "keine eigenen Änderungen" in result.message
    draft = laptop.load(mine).draft
    assert draft.data == rathaus.load(theirs).draft.data
    # the same file again: nothing new
    assert import_file(laptop, back).merge.nothing_new  # type: ignore[union-attr]


def test_a_second_round_merges_from_the_newer_common_version(
    two_places: tuple[DraftStore, DraftStore], tmp_path: Path
) -> None:
    laptop, rathaus = two_places
    mine = laptop.create(example())
    export_draft(laptop, mine, tmp_path / "1.zwk")
    theirs = import_file(rathaus, tmp_path / "1.zwk").draft_id
    for round_ in range(3):
        clerk, save = edit(rathaus, theirs, "Frau Schmidt")
        clerk.set("kommune.einwohner", 5000 + round_)
        save()
        export_draft(rathaus, theirs, tmp_path / f"r{round_}.zwk")
        consultant, save_mine = edit(laptop, mine, "Berater Müller")
        consultant.set("unterschrift.ort", f"Ort {round_}")
        save_mine()
        result = import_file(laptop, tmp_path / f"r{round_}.zwk")
        assert result.conflicts == 0, result.message  # the base moved on with every round
        export_draft(laptop, mine, tmp_path / f"l{round_}.zwk")
        back = import_file(rathaus, tmp_path / f"l{round_}.zwk")
        assert back.conflicts == 0 and back.merge is not None and back.merge.fast_forward
    assert laptop.load(mine).draft.data == rathaus.load(theirs).draft.data


def test_a_merge_into_a_draft_in_the_papierkorb_brings_it_back(
    two_places: tuple[DraftStore, DraftStore], tmp_path: Path
) -> None:
    laptop, rathaus = two_places
    mine = laptop.create(example())
    export_draft(laptop, mine, tmp_path / "a.zwk")
    theirs = import_file(rathaus, tmp_path / "a.zwk").draft_id
    clerk, save = edit(rathaus, theirs, "Frau Schmidt")
    clerk.set("kommune.einwohner", 4711)
    save()
    export_draft(rathaus, theirs, tmp_path / "b.zwk")
    laptop.trash(mine)
    result = import_file(laptop, tmp_path / "b.zwk")
    assert result.draft_id == mine and "Papierkorb" in result.message
    assert laptop.summary(mine).deleted is None


def test_an_old_file_without_lineage_is_a_new_draft_and_damaged_lineage_is_refused(
    tmp_path: Path,
) -> None:
    store = store_in(tmp_path)
    first = import_file(store, FIXTURES / "format-1-lindenhagen.zwk")
    second = import_file(store, FIXTURES / "format-1-lindenhagen.zwk")
    assert first.draft_id != second.draft_id and first.merge is None
    envelope = json.loads((FIXTURES / "format-1-lindenhagen.zwk").read_text("utf-8"))
    envelope["format_version"] = 2
    for lineage, words in (
        ({"draft": "keine-uuid"}, "keine UUID"),
        ({"draft": "2b4c1a80-8c33-4a0c-9a0e-6f1f5e3f6a11", "nonsense": 1}, "unbekannte Angabe"),
        ([], "kein JSON-Objekt"),
    ):
        bad = tmp_path / "bad.zwk"
        bad.write_text(json.dumps({**envelope, "lineage": lineage}), "utf-8")
        with pytest.raises(DraftError) as info:
            import_file(store, bad)
        assert words in str(info.value) and is_german_sentence(str(info.value))
    assert len(store.list_drafts()) == 2


# --------------------------------------------------------------------------- editing


def test_the_change_log_records_who_when_and_old_to_new_once_per_field() -> None:
    draft = example()
    session = EditSession(SPEC, draft, author="Berater Müller")
    for text in ("G", "Ge", "Gemeinde Neu"):
        session.set("kommune.name", text)
    einwohner = draft.data["kommune"]["einwohner"]
    session.set("kommune.einwohner", 1)
    session.set("kommune.einwohner", einwohner)  # and back: no change in the end
    (entry,) = [c for c in session.history() if c.kind == "value"]
    assert (entry.path, entry.who, entry.old, entry.new) == (
        "kommune.name",
        "Berater Müller",
        "Gemeinde Lindenhagen am See",
        "Gemeinde Neu",
    )
    index = session.add_item("finanzplan.posten")
    session.set(f"finanzplan.posten[{index}].bezeichnung", "Neu")
    session.move_item("finanzplan.posten", index, 0)
    history = session.history("finanzplan.posten[0].bezeichnung")
    assert [c.kind for c in history] == ["added", "value", "moved"]
    assert history[2].old == index + 1 and history[2].new == 1


def test_comments_can_be_left_resolved_and_travel_in_the_file(tmp_path: Path) -> None:
    draft = example()
    session = EditSession(SPEC, draft, author="Frau Schmidt")
    comment = session.add_comment("finanzplan.posten[2].erlaeuterung", "Bitte genauer")
    session.move_item("finanzplan.posten", 2, 0)
    assert session.comments_at("finanzplan.posten[0].erlaeuterung") == [comment]
    assert session.open_comments("finanzplan") == [comment]
    session.resolve_comment(comment.id)
    assert session.open_comments() == [] and session.draft.comments[0].resolved_by == (
        "Frau Schmidt"
    )
    again = draft_from_json(json.loads(draft.to_bytes()))
    assert again.comments == draft.comments
    assert "comments" not in json.loads(ready_draft().to_bytes())  # none: nothing written


def test_the_user_name_is_a_setting(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path)
    assert store.load().user_name == ""
    store.save(Settings(user_name="  Berater   Müller "))
    assert store.load().user_name == "Berater Müller"
    assert store.load().language == "de"


# --------------------------------------------------------------------------- command line


def _three(tmp_path: Path) -> tuple[Path, Path, Path]:
    """A base and two edited copies, written by the program itself."""
    store = store_in(tmp_path / "daten")
    draft_id = store.create(example("staedteverbund-oberes-tal.zwk"))
    base = tmp_path / "base.zwk"
    export_draft(store, draft_id, base)
    session, save = edit(store, draft_id, "Berater Müller")
    session.set("kommune.einwohner", 999)
    session.set("finanzplan.posten[2].betraege.2023", "100.00")
    save()
    ours = tmp_path / "ours.zwk"
    export_draft(store, draft_id, ours)
    other = store_in(tmp_path / "rathaus")
    theirs_id = import_file(other, base).draft_id
    session, save = edit(other, theirs_id, "Frau Schmidt")
    session.set("kommune.einwohner", 12345)
    session.set("unterschrift.ort", "Rathausort")
    session.remove_item("netzwerke.konzepte", 0)
    save()
    theirs = tmp_path / "theirs.zwk"
    export_draft(other, theirs_id, theirs)
    return base, ours, theirs


def test_merge_command_reports_conflicts_and_changed_paths_as_json(tmp_path: Path) -> None:
    base, ours, theirs = _three(tmp_path)
    merged = tmp_path / "merged.zwk"
    result = run_cli("merge", base, ours, theirs, "--out", merged, "--json")
    assert result.returncode == 1, result.stderr
    report = json.loads(result.stdout)
    assert report["conflicts"] == [
        {"path": "kommune.einwohner", "base": 12390, "ours": 999, "theirs": 12345}
    ]
    assert report["ours_changed"] == ["kommune.einwohner", "finanzplan.posten[2].betraege.2023"]
    assert "unterschrift.ort" in report["theirs_changed"]
    assert "netzwerke.konzepte[0].titel" in report["theirs_changed"]
    draft = read_draft(merged)
    assert draft.data["kommune"]["einwohner"] == 999  # ours at the conflict
    assert draft.data["unterschrift"]["ort"] == "Rathausort"
    assert draft.data["finanzplan"]["posten"][2]["betraege"]["2023"] == "100.00"
    assert draft.lineage is not None and draft.lineage.draft == read_draft(base).lineage.draft  # type: ignore[union-attr]
    assert run_cli("validate", merged).returncode == 0
    text = run_cli("merge", base, ours, theirs, "--out", merged)
    assert text.returncode == 1 and "ursprünglich" in text.stdout and "12.345" in text.stdout


def test_merge_command_exit_codes_without_conflict_and_for_bad_input(tmp_path: Path) -> None:
    base, ours, theirs = _three(tmp_path)
    merged = tmp_path / "m.zwk"
    clean = run_cli("merge", base, base, theirs, "--out", merged, "--json")
    assert clean.returncode == 0 and json.loads(clean.stdout)["conflicts"] == []
    assert read_draft(merged).data == read_draft(theirs).data
    broken = tmp_path / "kaputt.zwk"
    broken.write_text("{", "utf-8")
    unreadable = run_cli("merge", base, broken, theirs, "--out", tmp_path / "x.zwk")
    assert unreadable.returncode == 2 and "kaputt.zwk" in unreadable.stderr
    assert is_german_sentence(unreadable.stderr) and not (tmp_path / "x.zwk").exists()
    stranger = tmp_path / "fremd.zwk"
    assert run_cli("new", "--out", stranger).returncode == 0
    other = run_cli("merge", base, ours, stranger, "--out", tmp_path / "y.zwk")
    assert other.returncode == 2 and "nicht zu einem Entwurf" in other.stderr
    assert not (tmp_path / "y.zwk").exists()
    occupied = run_cli("merge", base, ours, theirs, "--out", broken)
    assert occupied.returncode == 2 and "--force" in occupied.stderr
    assert broken.read_text("utf-8") == "{"


def test_drafts_import_merges_and_exits_1_while_conflicts_wait(tmp_path: Path) -> None:
    _base, ours, theirs = _three(tmp_path)
    first = run_cli("drafts", "import", ours)
    assert first.returncode == 0 and "als neuer Entwurf Nr. 1" in first.stdout
    merged = run_cli("drafts", "import", theirs)
    assert merged.returncode == 1, merged.stderr
    assert "zusammengeführt, 2 Änderungen übernommen, 1 Konflikt" in merged.stdout
    copy = run_cli("drafts", "import", theirs, "--als-neuer-entwurf")
    assert copy.returncode == 0 and "als Kopie (neuer Entwurf Nr. 2)" in copy.stdout
    listing = json.loads(run_cli("drafts", "list", "--json").stdout)
    assert [d["id"] for d in listing] == [2, 1]


def test_drafts_import_refuses_a_draft_open_in_a_running_window(tmp_path: Path) -> None:
    from zwk_desktop.services.recovery import start_up

    _base, ours, theirs = _three(tmp_path)
    store = DraftStore(data_dir() / DB_NAME)
    draft_id = import_file(store, ours).draft_id
    run = start_up(store)  # this test process plays the running window
    run.note_open_draft(draft_id)
    refused = run_cli("drafts", "import", theirs)
    assert refused.returncode == 1 and "in einem Fenster von ZWK Desktop geöffnet" in refused.stderr
    assert store.versions(draft_id)[0].reason == "import"  # nothing merged
    run.shut_down()
    assert run_cli("drafts", "import", theirs).returncode == 1  # now it merges (1 conflict)


# --------------------------------------------------------------------------- the package


@pytest.fixture(scope="module")
def signer(tmp_path_factory: pytest.TempPathFactory) -> Any:
    identities = new_store(tmp_path_factory.mktemp("identities"))
    identity = identities.create_self_signed(
        "Katrin Wendland", "Bürgermeisterin", "Gemeinde Lindenhagen am See", "k@example.org",
        never_ask,
    )  # fmt: skip
    return identities.unlock(identity, never_ask)


def test_the_change_log_summary_goes_into_the_package_only_when_asked(
    signer: Any, tmp_path: Path
) -> None:
    from zwk_desktop.services import naming
    from zwk_desktop.services.export import export_package
    from zwk_desktop.services.verify import verify_path

    draft = ready_draft()
    session = EditSession(SPEC, draft, author="Berater Müller")
    session.set("kontakte.verortung", "Stabsstelle Demografie")
    session.add_comment("kommune.name", "Geheimer Kommentar")
    session.author = "Frau Schmidt"
    session.set("finanzplan.posten[0].erlaeuterung", "Vertraulich: Honorar 90 €/h")

    plain = export_package(SPEC, draft, signer, tmp_path / "ohne", now=NOW)
    names = naming.names_of(draft.data)  # issue 11's names: ZWK-Bewerbung_<AGS>_<Kommune>…
    assert not (plain.folder / names.changelog).exists()
    result = export_package(SPEC, draft, signer, tmp_path / "mit", now=NOW, changelog=True)
    summary = json.loads((result.folder / names.changelog).read_text("utf-8"))
    assert summary["format"] == "zwk-aenderungsprotokoll"
    assert summary["created"].endswith("Z")  # the one time format of the records (issue 11)
    assert summary["summary"]["people"] == ["Berater Müller", "Frau Schmidt"]
    assert [f["path"] for f in summary["fields"]] == [
        "kontakte.verortung",
        "finanzplan.posten[0].erlaeuterung",
    ]
    assert summary["fields"][1]["last_changed_by"] == "Frau Schmidt"
    text = (result.folder / names.changelog).read_text("utf-8")
    assert "Vertraulich" not in text and "Stabsstelle" not in text  # no values
    manifest = json.loads((result.folder / names.manifest).read_text("utf-8"))
    assert {"path": names.changelog, "role": "changelog"}.items() <= next(
        f for f in manifest["files"] if f["path"] == names.changelog
    ).items()
    assert verify_path(result.folder).exit_code == 0
    assert verify_path(result.mail).exit_code == 0
    for folder in (plain.folder, result.folder):  # comments and lineage never leave
        record = (folder / names.json).read_text("utf-8")
        assert "Geheimer Kommentar" not in record and '"lineage"' not in record
        assert json.loads(record)["format_version"] == 1


def test_deciding_a_conflict_later_writes_it_into_the_current_state_and_logs_it() -> None:
    from zwk_desktop.domain.merge import Conflict, PendingMerge

    draft = example()
    session = EditSession(SPEC, draft, author="Berater Müller")
    removed = session.get("netzwerke.initiativen[0]")
    item = session.stable("netzwerke.initiativen[0]")
    session.remove_item("netzwerke.initiativen", 0)
    name = session.stable("kommune.name")
    draft.pending = PendingMerge(
        "r.zwk",
        "Frau Schmidt",
        "2026-01-01T00:00:00Z",
        (
            Conflict(name, "value", "Alt", draft.data["kommune"]["name"], "Gemeinde Neu"),
            Conflict(item, "item", removed, None, dict(removed, name="Geändert")),
        ),
    )
    session.add_item("netzwerke.initiativen")  # the user went on meanwhile
    value, back = draft.pending.conflicts
    assert session.decide(value, value.theirs)
    assert draft.pending is not None and len(draft.pending.conflicts) == 1
    assert session.decide(back, back.theirs)
    assert draft.pending is None
    assert draft.data["kommune"]["name"] == "Gemeinde Neu"
    assert session.get("netzwerke.initiativen[0].name") == "Geändert"
    kinds = [(c.kind, c.path) for c in session.history()][-2:]
    assert kinds == [("value", name), ("added", item)]


def test_copies_of_one_file_edited_by_hand_merge_field_by_field(tmp_path: Path) -> None:
    """Another program (or a text editor) changed two copies of an exported file – data only,
    the lineage untouched, one of them removing a list item in the middle: the store and
    ``zwk-desktop merge`` both match the items back by content and merge cleanly."""
    source = store_in(tmp_path / "quelle")
    base = tmp_path / "base.zwk"
    export_draft(source, source.create(example("staedteverbund-oberes-tal.zwk")), base)
    envelope = json.loads(base.read_text("utf-8"))
    ours, theirs = json.loads(json.dumps(envelope)), json.loads(json.dumps(envelope))
    ours["data"]["kommune"]["einwohner"] = 4711
    ours["data"]["finanzplan"]["posten"][3]["bezeichnung"] = "Von Hand geändert"
    removed = theirs["data"]["finanzplan"]["posten"].pop(1)
    theirs["data"]["unterschrift"]["ort"] = "Anderswo"
    for name, value in (("ours.zwk", ours), ("theirs.zwk", theirs)):
        (tmp_path / name).write_text(json.dumps(value, ensure_ascii=False), "utf-8")

    merged = tmp_path / "merged.zwk"
    result = run_cli("merge", base, tmp_path / "ours.zwk", tmp_path / "theirs.zwk", "--out",
                     merged, "--json")  # fmt: skip
    assert result.returncode == 0, (result.stdout, result.stderr)
    data = read_draft(merged).data
    names = [p["bezeichnung"] for p in data["finanzplan"]["posten"]]
    assert removed["bezeichnung"] not in names and "Von Hand geändert" in names
    assert len(names) == len(envelope["data"]["finanzplan"]["posten"]) - 1
    assert data["kommune"]["einwohner"] == 4711 and data["unterschrift"]["ort"] == "Anderswo"

    fresh = store_in(tmp_path / "dritte-stelle")
    first = import_file(fresh, tmp_path / "ours.zwk")
    second = import_file(fresh, tmp_path / "theirs.zwk")
    assert second.draft_id == first.draft_id and second.conflicts == 0, second.message
    assert fresh.load(first.draft_id).draft.data == data
