"""Issue 14, item 4: changes the focus does not show are announced briefly in German through
Qt's announcement event; the autosave state never is (the events Qt hands to AT-SPI / UI
Automation are recorded with `a11y_events.recording`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from a11y_events import recording
from conftest import EXAMPLES
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QMessageBox
from test_ui_directory import type_and_choose
from test_ui_wizard import replace_text
from uitools import answering_message_box, focused, key, make_window, shortcut, type_text, widget

from zwk_desktop.ui.directory.extra import DirectoryAssist
from zwk_desktop.ui.window.main_window import MainWindow


def go_to_section(window: MainWindow, section_id: str) -> None:
    assert window.session is not None and window.editor is not None
    ids = [section.id for section in window.session.spec.sections]
    window.editor.go_to(ids.index(section_id))


def test_moving_and_removing_an_item_is_announced(qtbot: Any) -> None:
    window = make_window(qtbot)
    shortcut(window, "Ctrl+N")
    go_to_section(window, "netzwerke")
    add = widget(window, "netzwerke.konzepte:hinzufuegen")
    for title in ("Seniorenkonzept", "Leitbild"):
        add.setFocus()
        key(add, Qt.Key.Key_Space)
        type_text(focused(), title)
    with recording() as heard:
        shortcut(window, "Ctrl+Shift+Up")
        assert heard.announcements() == [
            "„Konzept 2“ nach oben verschoben, jetzt an Stelle 1 von 2."
        ]
        heard.clear()
        remove = widget(window, "netzwerke.konzepte[1]:entfernen")
        remove.setFocus()
        with answering_message_box(qtbot, window, QMessageBox.StandardButton.Yes):
            key(remove, Qt.Key.Key_Space)
        assert heard.announcements() == ["„Konzept 2“ entfernt, noch 1 Eintrag."]


def test_taking_a_gemeinde_from_the_directory_is_announced(qtbot: Any) -> None:
    window = make_window(qtbot)
    window.new_draft()
    assist = window.findChild(DirectoryAssist)
    assert assist is not None
    widget(window, "kommune.name").setFocus()
    with recording() as heard:
        type_and_choose(qtbot, assist.completers[0], "Ahorn", "09473112")
    said = [m for m in heard.announcements() if "übernommen" in m]
    assert said == ["„Gemeinde Ahorn“ aus dem Gemeindeverzeichnis übernommen: 10 Felder."]


def test_going_over_the_cap_is_announced_once(qtbot: Any) -> None:
    window = make_window(qtbot)
    window.open_example(EXAMPLES / "gemeinde-lindenhagen.zwk")
    go_to_section(window, "finanzplan")
    amount = widget(window, "finanzplan.posten[0].betraege.2022")
    with recording() as heard:
        replace_text(amount, "900000")
        said = heard.announcements()
        assert len(said) == 1 and said[0].startswith("Höchstgrenze 2022 um "), said
        assert "Gesamthöchstgrenze um" in said[0]
        heard.clear()
        type_text(amount, "1")  # still over: nothing new to say
        assert heard.announcements() == []
        replace_text(amount, "1")
        assert heard.announcements() == ["Höchstgrenze wieder eingehalten."]


def test_the_print_and_the_drafts_manager_announce_their_messages(
    qtbot: Any, tmp_path: Path
) -> None:
    from export_helpers import MemorySecrets, example_draft, never_ask, new_store

    from zwk_desktop.formspec import get_form
    from zwk_desktop.ui.export.dialog import ExportDialog

    draft = example_draft()
    draft.data["kommune"]["ags"] = "1"
    store = new_store(tmp_path / "identities", MemorySecrets())
    dialog = ExportDialog(get_form(), draft, store, out_dir=tmp_path, prompt=never_ask)
    qtbot.addWidget(dialog)
    with recording() as heard, qtbot.waitSignal(dialog.printed, timeout=60_000) as signal:
        dialog.print_button.click()
    assert heard.announcements() == [f"Druckfassung geschrieben: {Path(signal.args[0]).name}"]


def test_drafts_manager_messages_are_announced(qtbot: Any) -> None:
    from test_store_ui import _manager

    manager, ids = _manager(qtbot)
    assert manager.select(ids["gemeinde"])
    with recording() as heard:
        manager.buttons["duplicate"].click()
    said = heard.announcements()
    assert len(said) == 1 and said[0].startswith("Kopie angelegt: „"), said
    assert said[0] == " ".join(manager.message.text().split())


def test_autosave_is_not_announced_after_each_pause(qtbot: Any) -> None:
    window = make_window(qtbot)
    window.open_example(EXAMPLES / "gemeinde-lindenhagen.zwk")
    current = window.current
    assert current is not None
    title = window.windowTitle()
    assert title == "Gemeinde Lindenhagen am See – ZWK Desktop"
    target = widget(window, "kommune.ags")
    with recording() as heard:
        for text in ("1", "2"):
            type_text(target, text)
            assert window.save_state.text() == "Wird gespeichert…"
            with qtbot.waitSignal(current.autosave.saved, timeout=10_000):
                pass
            assert window.save_state.text().startswith("Gespeichert ")
    assert window.windowTitle() == title
    assert heard.announcements() == []
    assert heard.of(QAccessible.Event.Alert) == []
    assert heard.about(window, QAccessible.Event.NameChanged) == []
    assert heard.about(window.save_state, QAccessible.Event.NameChanged) == []
    assert window.save_state.accessibleName() == "Speicherstand"
    assert window.save_state.accessibleDescription() == window.save_state.text()
