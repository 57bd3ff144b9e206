"""The whole flow by keyboard only: start screen, new application, fields, conditional rows,
navigation, the section list, the Prüfen page, a finding to its field, saving, closing and
opening the draft again from the list of recent drafts."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import Qt
from store_helpers import make_store
from uitools import focused, key, make_window, shortcut, title_and_state, type_text, widget

SAVED = r"Stadt Lindenau – Gespeichert \d\d:\d\d – ZWK Desktop"


def name_of_focus() -> str:
    w = focused()
    return w.objectName() if w is not None else ""


def test_whole_flow_by_keyboard_only(qtbot: Any) -> None:
    window = make_window(qtbot)
    assert name_of_focus() == "neu"
    key(focused(), Qt.Key.Key_Space)  # „Neue Bewerbung“
    assert window.session is not None
    assert name_of_focus() == "kommune.name"
    type_text(focused(), "Stadt Lindenau")
    key(focused(), Qt.Key.Key_Tab)
    assert name_of_focus() == "kommune.art"
    assert (
        widget(window, "kommune.landkreis").isHidden()
        or not widget(window, "kommune.landkreis").isVisible()
    )
    type_text(focused(), "Kreisang")  # keyboard search in the list of choices
    assert window.session.get("kommune.art") == "kreisangehoerige_stadt"
    assert widget(window, "kommune.landkreis").isVisible()
    key(focused(), Qt.Key.Key_Tab)
    assert name_of_focus() == "kommune.bundesland"
    type_text(focused(), "Sachsen")
    key(focused(), Qt.Key.Key_Tab)
    assert name_of_focus() == "kommune.landkreis", (
        "the row that just appeared is next in the tab order"
    )
    type_text(focused(), "Landkreis Nordsachsen")

    shortcut(window, "Alt+Right")
    assert window.editor is not None and window.editor.index == 1
    assert name_of_focus().startswith("kontakte.hvb.anrede")
    shortcut(window, "Alt+Left")
    assert window.editor.index == 0

    shortcut(window, "F6")
    assert name_of_focus() == "abschnitte"
    key(focused(), Qt.Key.Key_Down)
    key(focused(), Qt.Key.Key_Down)
    assert window.editor.index == 2
    key(focused(), Qt.Key.Key_Tab)
    assert name_of_focus().startswith("voraussetzungen.beschluss_status")

    shortcut(window, "F8")
    assert window.editor.stack.currentWidget() is window.editor.review
    first = window.editor.review.rows[0]
    assert focused() is first
    assert first.finding.path == "kommune.bundesland" or first.finding.path.startswith("kommune.")
    path = first.finding.path
    key(first, Qt.Key.Key_Return)
    assert window.editor.index == 0
    assert name_of_focus().split("#")[0] == path

    widget(window, "kommune.ags").setFocus()
    key(focused(), Qt.Key.Key_Tab)
    shortcut(window, "Shift+Tab")
    assert name_of_focus() == "kommune.ags"
    type_text(focused(), "14730320")

    shortcut(window, "Ctrl+S")
    assert window.current is not None and window.current.draft_id is not None
    draft_id = window.current.draft_id
    store = make_store()
    assert store.load(draft_id).draft.data["kommune"]["ags"] == "14730320"
    assert store.versions(draft_id)[0].reason == "save"
    assert re.fullmatch(SAVED, title_and_state(window))
    type_text(widget(window, "kommune.ags"), "9")
    assert title_and_state(window) == "Stadt Lindenau – Wird gespeichert… – ZWK Desktop"
    key(widget(window, "kommune.ags"), Qt.Key.Key_Backspace)
    shortcut(window, "Ctrl+S")

    shortcut(window, "Ctrl+W")
    assert window.session is None and name_of_focus() == "neu"
    key(focused(), Qt.Key.Key_Tab)  # „Bewerbung öffnen…“
    key(focused(), Qt.Key.Key_Tab)  # „Entwürfe…“
    assert name_of_focus() == "entwuerfe"
    key(focused(), Qt.Key.Key_Tab)
    assert name_of_focus() == "zuletzt"
    key(focused(), Qt.Key.Key_Down)
    key(focused(), Qt.Key.Key_Return)
    assert window.session is not None
    assert window.session.get("kommune.ags") == "14730320"
    assert window.current is not None and window.current.draft_id == draft_id
    assert re.fullmatch(SAVED, title_and_state(window))


def test_lists_by_keyboard_add_move_remove(qtbot: Any) -> None:
    window = make_window(qtbot)
    shortcut(window, "Ctrl+N")
    editor = window.editor
    assert editor is not None
    editor.go_to(5)  # netzwerke
    add = widget(window, "netzwerke.konzepte:hinzufuegen")
    for title in ("Seniorenkonzept", "Leitbild"):
        add.setFocus()
        key(add, Qt.Key.Key_Space)
        type_text(focused(), title)
    assert name_of_focus() == "netzwerke.konzepte[1].titel"
    shortcut(window, "Ctrl+Shift+Up")
    assert [i["titel"] for i in window.session.get("netzwerke.konzepte")] == [
        "Leitbild",
        "Seniorenkonzept",
    ]
    assert name_of_focus() == "netzwerke.konzepte[0].titel", "the focus moves with the item"
    key(focused(), Qt.Key.Key_Tab)
    assert name_of_focus() == "netzwerke.konzepte[0].jahr"
    type_text(focused(), "2019")
    remove = widget(window, "netzwerke.konzepte[1]:entfernen")
    remove.setFocus()
    from PySide6.QtWidgets import QMessageBox
    from uitools import answering_message_box

    with answering_message_box(qtbot, window, QMessageBox.StandardButton.Yes) as texts:
        key(remove, Qt.Key.Key_Space)
    assert texts and "Konzept 2" in texts[0]
    assert [i["titel"] for i in window.session.get("netzwerke.konzepte")] == ["Leitbild"]
    from PySide6.QtWidgets import QWidget

    assert window.findChild(QWidget, "netzwerke.konzepte[1]:entfernen") is None
    assert widget(window, "netzwerke.konzepte[0]:entfernen").isVisible()
    assert name_of_focus() == "netzwerke.konzepte[0].titel"
