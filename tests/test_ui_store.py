"""The main window on the draft store (issue 4 in the running program): autosave while typing,
on a page change and on close; the title's save state; Strg+S and versions; examples and
``.zwk`` files imported as new drafts; the recent list and „Entwürfe…“; crash recovery; a store
that cannot be written. A real SQLite store in the test's data folder, the real window."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from conftest import EXAMPLES
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QLabel, QLineEdit, QMessageBox, QPushButton
from store_helpers import (
    FIXTURES,
    Clock,
    crash_with_open_draft,
    example,
    is_german_sentence,
    make_store,
    read_only,
)
from uitools import (
    answering_message_box,
    focused,
    key,
    make_window,
    shortcut,
    title_and_state,
    type_text,
    widget,
)

from zwk_desktop.domain.draft import read_draft
from zwk_desktop.locations import data_dir
from zwk_desktop.services.recovery import start_up
from zwk_desktop.ui.dialogs.drafts_manager import DraftsDialog
from zwk_desktop.ui.dialogs.versions import VersionsDialog
from zwk_desktop.ui.window.main_window import MainWindow
from zwk_desktop.ui.window.open_draft import OpenDraft
from zwk_desktop.ui.window.start_page import RECENT

HOHENWALD = EXAMPLES / "landkreis-hohenwald.zwk"


def opened(window: MainWindow) -> OpenDraft:
    assert window.current is not None
    return window.current


def stored_id(window: MainWindow) -> int:
    draft_id = opened(window).draft_id
    assert draft_id is not None
    return draft_id


def notice(window: MainWindow) -> str:
    assert window.notices.isVisible()
    label = widget(window, "notice.text")
    assert isinstance(label, QLabel)
    return label.text()


def notice_action(window: MainWindow) -> QPushButton:
    button = widget(window, "notice.action")
    assert isinstance(button, QPushButton) and button.isVisible()
    return button


def replace_text(target: Any, text: str) -> None:
    target.setFocus()
    key(target, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    key(target, Qt.Key.Key_Delete)
    type_text(target, text)


def no_timer_saves(window: MainWindow) -> None:
    """Only page changes, Strg+S and closing save in this test, never the typing timer."""
    policy = opened(window).stored.policy
    policy.debounce = policy.max_wait = 600.0


# --------------------------------------------------------------------------- autosave


def test_typing_is_saved_within_a_second_and_the_title_says_when(qtbot: Any) -> None:
    window = make_window(qtbot)
    shortcut(window, "Ctrl+N")
    draft_id = stored_id(window)  # a new application is a stored draft at once
    type_text(focused(), "Gemeinde Uckerland")  # type: ignore[arg-type]
    assert title_and_state(window) == "Gemeinde Uckerland – Wird gespeichert… – ZWK Desktop"
    due = opened(window).stored.due_in()
    assert due is not None and due <= 1.0, "saved at most a second after the last keystroke"
    with qtbot.waitSignal(opened(window).autosave.saved, timeout=5000):
        pass
    assert make_store().load(draft_id).draft.title == "Gemeinde Uckerland"
    shown = re.fullmatch(
        r"Gemeinde Uckerland – Gespeichert (\d\d:\d\d) – ZWK Desktop", title_and_state(window)
    )
    assert shown is not None
    saved = make_store().summary(draft_id).modified.astimezone()
    assert shown.group(1) == saved.strftime("%H:%M")


def test_a_page_change_and_closing_save_at_once(qtbot: Any) -> None:
    window = make_window(qtbot)
    shortcut(window, "Ctrl+N")
    draft_id = stored_id(window)
    no_timer_saves(window)
    type_text(focused(), "Gemeinde Seitenwechsel")  # type: ignore[arg-type]
    with qtbot.waitSignal(opened(window).autosave.saved, timeout=5000):
        shortcut(window, "Alt+Right")
    assert make_store().load(draft_id).draft.title == "Gemeinde Seitenwechsel"
    first_name = widget(window, "kontakte.hvb.vorname")
    first_name.setFocus()
    type_text(first_name, "Jana")
    window.close()
    assert make_store().load(draft_id).draft.data["kontakte"]["hvb"]["vorname"] == "Jana"
    later = start_up(make_store())
    assert later.reopen is None and later.messages == [], "the run ended cleanly"
    later.shut_down()


def test_ctrl_s_and_the_export_hook_record_versions(qtbot: Any) -> None:
    window = make_window(qtbot)
    window.open_example(HOHENWALD)
    draft_id = stored_id(window)
    shortcut(window, "Ctrl+S")
    assert window.record_version("export")
    assert [v.reason for v in make_store().versions(draft_id)] == ["export", "save", "import"]


# --------------------------------------------------------------------------- files and examples


def test_an_example_opens_as_a_new_draft_and_its_file_stays_unchanged(qtbot: Any) -> None:
    before = HOHENWALD.read_bytes()
    window = make_window(qtbot)
    window.open_example(HOHENWALD)
    first = stored_id(window)
    assert not window.notices.isVisible(), "an example opens without a notice"
    replace_text(widget(window, "kommune.name"), "Landkreis Hohenwald-Nord")
    shortcut(window, "Ctrl+S")
    window.close_draft()
    window.open_example(HOHENWALD)
    second = stored_id(window)
    assert second != first
    assert opened(window).session.get("kommune.name") == "Landkreis Hohenwald"
    window.close_draft()
    assert HOHENWALD.read_bytes() == before
    store = make_store()
    assert store.load(first).draft.title == "Landkreis Hohenwald-Nord"
    assert store.load(second).draft.title == "Landkreis Hohenwald"


def test_a_zwk_file_is_imported_as_a_new_draft_and_opened(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = tmp_path / "vorschau.zwk"
    old.write_bytes((FIXTURES / "format-0-lindenhagen.zwk").read_bytes())
    before = old.read_bytes()
    window = make_window(qtbot)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(old), ""))
    shortcut(window, "Ctrl+O")
    draft_id = stored_id(window)
    text = notice(window)
    assert text.startswith(
        f"„Gemeinde Lindenhagen am See“ wurde als neuer Entwurf Nr. {draft_id} importiert. Die "
        "Datei hatte ein älteres Format und wurde umgestellt: Formatversion 0 → 2:"
    )
    assert old.read_bytes() == before, "the file itself is never written"
    reasons = [v.reason for v in make_store().versions(draft_id)]
    assert reasons == ["import", "before_migration"]
    window.open_path(old)  # the same file again: another new draft, nothing overwritten
    assert stored_id(window) != draft_id


def test_a_file_that_is_no_draft_gets_a_german_message(qtbot: Any, tmp_path: Path) -> None:
    letter = tmp_path / "brief.zwk"
    letter.write_text("Sehr geehrte Damen und Herren", encoding="utf-8")
    window = make_window(qtbot)
    with answering_message_box(qtbot, window, QMessageBox.StandardButton.Ok) as texts:
        window.open_path(letter)
    assert len(texts) == 1 and is_german_sentence(texts[0]) and "JSON" in texts[0]
    assert window.current is None and make_store().list_drafts() == []


# --------------------------------------------------------------------------- recent, manager


def test_the_recent_list_shows_the_latest_drafts_of_the_store(qtbot: Any) -> None:
    clock = Clock()
    store = make_store(clock)
    ids = []
    for n in range(RECENT + 2):
        clock.advance(minutes=1)
        draft = example()
        draft.data["kommune"]["name"] = f"Gemeinde Nummer {n}"
        ids.append(store.create(draft))
    window = make_window(qtbot)
    recent = widget(window, "zuletzt")
    lines = [recent.item(i).text().split("\n")[0] for i in range(recent.count())]  # type: ignore[attr-defined]
    assert lines == [f"Gemeinde Nummer {n}" for n in range(RECENT + 1, 1, -1)]
    recent.setFocus()  # the newest becomes the current one
    key(recent, Qt.Key.Key_Return)
    assert stored_id(window) == ids[-1]
    saved = make_store().summary(ids[-1]).modified.astimezone().strftime("%H:%M")
    assert (
        title_and_state(window)
        == f"Gemeinde Nummer {RECENT + 1} – Gespeichert {saved} – ZWK Desktop"
    ), "the title says when the stored draft was last saved"


def test_the_drafts_manager_opens_a_draft_and_trashing_it_closes_it(qtbot: Any) -> None:
    store = make_store()
    first = store.create(example())
    second = store.create(example("landkreis-hohenwald.zwk"))
    window = make_window(qtbot)
    button = widget(window, "entwuerfe")
    button.setFocus()
    key(button, Qt.Key.Key_Space)
    dialog = window.findChild(DraftsDialog)
    assert isinstance(dialog, DraftsDialog) and dialog.isVisible()
    manager = dialog.manager
    assert manager.select(first)
    manager.view.setFocus()
    key(manager.view, Qt.Key.Key_Return)
    assert not dialog.isVisible() and stored_id(window) == first

    replace_text(widget(window, "kommune.name"), "Gemeinde Lindenhagen (neu)")
    shortcut(window, "Ctrl+Shift+O")  # the list shows the open draft as it is now
    dialog = next(d for d in window.findChildren(DraftsDialog) if d.isVisible())
    manager = dialog.manager
    row = manager.model.row_of(first)
    assert row is not None and manager.model.rows[row].title == "Gemeinde Lindenhagen (neu)"
    assert manager.select(first)
    manager.buttons["delete"].click()
    assert window.current is None, "a draft in the Papierkorb is no longer edited"
    assert notice(window).startswith("„Gemeinde Lindenhagen (neu)“ liegt jetzt im Papierkorb")
    assert make_store().summary(first).deleted is not None
    manager.undo.click()
    assert manager.select(first)
    key(manager.view, Qt.Key.Key_Return)
    assert stored_id(window) == first
    assert opened(window).session.get("kommune.name") == "Gemeinde Lindenhagen (neu)"
    assert second in [d.id for d in make_store().list_drafts()]


def test_the_drafts_list_counts_the_findings_the_window_shows(qtbot: Any) -> None:
    window = make_window(qtbot)
    window.open_example(HOHENWALD)
    draft_id = stored_id(window)
    window.close_draft()
    summary = make_store().summary(draft_id)
    assert (summary.completeness, summary.errors, summary.warnings) == (100, 0, 1)
    window.open_draft(draft_id)
    session = opened(window).session
    (warning,) = session.report.warnings  # ags_unknown: the example is fictitious
    session.acknowledge(warning, "Fiktive Beispielkommune")
    assert opened(window).editor.sections.item(0).text().endswith("vollständig")
    window.close_draft()
    assert make_store().summary(draft_id).warnings == 0, "an acknowledged warning is not open"


# --------------------------------------------------------------------------- versions, recovery


def test_a_version_is_restored_through_the_window(qtbot: Any) -> None:
    window = make_window(qtbot)
    window.open_example(HOHENWALD)
    draft_id = stored_id(window)
    replace_text(widget(window, "kommune.name"), "Landkreis Hohenwald-Nord")
    shortcut(window, "Ctrl+S")
    replace_text(widget(window, "kommune.name"), "Landkreis Hohenwald-Süd")
    shortcut(window, "Ctrl+S")
    shortcut(window, "F8")  # restored from the Prüfen page, which stays shown
    window.menu_actions.versions.trigger()
    dialog = window.findChild(VersionsDialog)
    assert isinstance(dialog, VersionsDialog) and dialog.isVisible()
    assert [v.reason for v in dialog.versions.rows] == ["save", "save", "import"]
    dialog.list.selectRow(1)
    assert "1 Feld geändert" in dialog.summary.text()
    dialog.restore_button.click()
    editor = opened(window).editor
    assert editor.stack.currentWidget() is editor.review
    name = widget(window, "kommune.name")
    assert isinstance(name, QLineEdit) and name.text() == "Landkreis Hohenwald-Nord"
    assert opened(window).session.get("kommune.name") == "Landkreis Hohenwald-Nord"
    assert "wiederhergestellt" in notice(window)
    store = make_store()
    assert store.load(draft_id).draft.title == "Landkreis Hohenwald-Nord"
    assert [v.reason for v in store.versions(draft_id)][:2] == ["restore", "before_restore"]
    type_text(name, " Ost")  # the rebuilt pages save as before
    with qtbot.waitSignal(opened(window).autosave.saved, timeout=5000):
        pass
    assert make_store().load(draft_id).draft.title == "Landkreis Hohenwald-Nord Ost"


def test_after_a_crash_the_next_window_reopens_the_draft_and_says_so(qtbot: Any) -> None:
    store = make_store()
    draft_id = store.create(example("landkreis-hohenwald.zwk"))
    crash_with_open_draft(store, draft_id)
    window = make_window(qtbot)
    assert stored_id(window) == draft_id
    assert widget(window, "kommune.name").text() == "Landkreis Hohenwald"  # type: ignore[attr-defined]
    text = notice(window)
    assert "nicht ordnungsgemäß beendet" in text and "„Landkreis Hohenwald“ ist wieder" in text
    action = notice_action(window)
    assert action.text() == "&Versionen…"
    action.click()
    dialog = window.findChild(VersionsDialog)
    assert isinstance(dialog, VersionsDialog) and dialog.isVisible()


# --------------------------------------------------------------------------- faults


def test_a_store_that_cannot_be_written_keeps_the_draft_and_offers_save_as(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window(qtbot)
    shortcut(window, "Ctrl+N")
    draft_id = stored_id(window)
    opened(window).stored.policy.retry_delays = (0.3,)
    window.store.close()  # the next write opens the database again, and finds it read-only
    target = tmp_path / "rettung" / "trockenau.zwk"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    with read_only(data_dir()):
        with qtbot.waitSignal(opened(window).autosave.failed, timeout=5000):
            type_text(focused(), "Gemeinde Trockenau")  # type: ignore[arg-type]
        text = notice(window)
        assert is_german_sentence(text)
        assert text.startswith("Der Entwurf konnte nicht gespeichert werden:")
        assert "Ihre Eingaben bleiben im Programm erhalten" in text
        assert title_and_state(window) == (
            "Gemeinde Trockenau – Nicht gespeichert – neuer Versuch läuft – ZWK Desktop"
        )
        action = notice_action(window)
        assert action.text() == "Speichern &unter…"
        action.click()
        assert read_draft(target).title == "Gemeinde Trockenau"
        assert notice(window).startswith(f"Der Entwurf ist als Datei {target} gesichert.")
        with answering_message_box(qtbot, window, QMessageBox.StandardButton.Cancel) as texts:
            shortcut(window, "Ctrl+W")
        assert texts == [
            "Der Entwurf „Gemeinde Trockenau“ konnte nicht in der Entwurfsdatenbank gespeichert "
            "werden."
        ]
        assert opened(window).session.get("kommune.name") == "Gemeinde Trockenau"
    qtbot.waitUntil(lambda: not window.notices.isVisible(), timeout=5000)  # a retry succeeded
    assert make_store().load(draft_id).draft.title == "Gemeinde Trockenau"
    assert re.fullmatch(
        r"Gemeinde Trockenau – Gespeichert \d\d:\d\d – ZWK Desktop", title_and_state(window)
    )
