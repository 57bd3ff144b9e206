"""The consultant ↔ clerk round trip in the real window (issue 16): a draft exported on the
„laptop“ (one data folder), imported, edited, commented and exported in the „town hall“
(another data folder), edited meanwhile on the laptop, imported back there; the one conflict is
decided with the keyboard in the merge dialog; comments and change markers show; the result is
valid. Also the merge dialog's names for screen readers, the Prüfen filter and the
Änderungsverlauf."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QRadioButton,
    QTableView,
)
from uitools import focused, key, make_window, shortcut, type_text, widget

from zwk_desktop.services.settings import Settings, SettingsStore
from zwk_desktop.services.store import DB_NAME, DraftStore
from zwk_desktop.ui.dialogs.collab import CommentsDialog, HistoryDialog
from zwk_desktop.ui.dialogs.merge import MergeDialog
from zwk_desktop.ui.window.main_window import MainWindow
from zwk_desktop.validation import validate_draft

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "staedteverbund-oberes-tal.zwk"


def place(monkeypatch: pytest.MonkeyPatch, folder: Path, name: str) -> None:
    """Work on another machine: its own data folder and its user's name."""
    monkeypatch.setenv("ZWK_DATA_DIR", str(folder))
    SettingsStore(folder).save(Settings(user_name=name, name_asked=True))


def replace_field(window: MainWindow, path: str, text: str) -> None:
    """Go to a field as a user does (its page, Tab into it) and type over its value."""
    assert window.editor is not None
    window.editor.open_path(path)
    target = widget(window, path)
    assert focused() is target
    key(target, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    key(target, Qt.Key.Key_Delete)
    type_text(target, text)
    key(target, Qt.Key.Key_Tab)


def save_as(window: MainWindow, monkeypatch: pytest.MonkeyPatch, target: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    shortcut(window, "Ctrl+Shift+S")
    assert target.exists()


def open_file(window: MainWindow, monkeypatch: pytest.MonkeyPatch, source: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(source), ""))
    shortcut(window, "Ctrl+O")


def activate(qtbot: Any, dialog: Any) -> None:
    """The dialog gets the keyboard, as the window manager gives it to a new dialog (offscreen,
    Qt leaves the main window active until asked)."""
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)


def section_text(window: MainWindow, section_id: str) -> str:
    assert window.editor is not None
    sections = window.editor.sections
    for row in range(sections.count()):
        item = sections.item(row)
        if item.data(Qt.ItemDataRole.UserRole) == section_id:
            return item.text()
    raise AssertionError(section_id)


def test_the_round_trip_between_two_data_folders_in_the_window(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    laptop, rathaus = tmp_path / "laptop", tmp_path / "rathaus"

    # the consultant starts the draft on the laptop and sends it
    place(monkeypatch, laptop, "Berater Müller")
    window = make_window(qtbot)
    window.open_example(EXAMPLE)
    replace_field(window, "kontakte.verortung", "Stabsstelle Demografie")
    to_town = tmp_path / "an-das-rathaus.zwk"
    save_as(window, monkeypatch, to_town)
    window.close()

    # the clerk imports it in the town hall, changes two fields, comments, sends it back
    place(monkeypatch, rathaus, "Frau Schmidt")
    window = make_window(qtbot)
    open_file(window, monkeypatch, to_town)
    replace_field(window, "kommune.einwohner", "12345")
    replace_field(window, "voraussetzungen.beschluss_gremium", "Gemeinderat Oberes Tal")
    window.editor.open_path("voraussetzungen.beschluss_datum")  # type: ignore[union-attr]
    shortcut(window, "Ctrl+Shift+K")
    comments = window.findChild(CommentsDialog)
    assert isinstance(comments, CommentsDialog)
    activate(qtbot, comments)
    new = widget(comments, "kommentare:neu")
    assert isinstance(new, QPlainTextEdit) and focused() is new  # none yet: type one
    type_text(new, "Bitte Beschlussdatum prüfen")
    key(new, Qt.Key.Key_Tab)
    add = widget(comments, "kommentare:hinzufuegen")
    assert focused() is add
    key(add, Qt.Key.Key_Space)
    assert isinstance(comments.list, QListWidget) and comments.list.count() == 1
    key(comments.list, Qt.Key.Key_Escape)
    with qtbot.waitActive(window):
        window.activateWindow()
    to_laptop = tmp_path / "zurueck.zwk"
    save_as(window, monkeypatch, to_laptop)
    window.close()

    # meanwhile on the laptop: the same field, another value; then the file comes back
    place(monkeypatch, laptop, "Berater Müller")
    window = make_window(qtbot)
    assert window.current is None
    store = DraftStore(laptop / DB_NAME)
    (summary,) = store.list_drafts()
    window.open_draft(summary.id)
    replace_field(window, "kommune.einwohner", "999")
    open_file(window, monkeypatch, to_laptop)

    dialog = window.merge_dialog
    assert isinstance(dialog, MergeDialog)
    activate(qtbot, dialog)
    assert len(dialog.boxes) == 1
    box = widget(dialog, "konflikt:0")
    assert "Angaben zur Kommune" in box.accessibleName()  # type: ignore[attr-defined]
    ours = widget(dialog, "konflikt:0:ihr")
    theirs = widget(dialog, "konflikt:0:eingegangen")
    base = widget(dialog, "konflikt:0:ursprung")
    assert isinstance(ours, QRadioButton) and isinstance(theirs, QRadioButton)
    assert ours.accessibleName() == "Ihr Stand: 999"
    assert theirs.accessibleName() == "Eingegangener Stand: 12.345"
    assert base.accessibleName() == "Ursprünglich: 12.390"  # type: ignore[attr-defined]
    assert focused() is ours and ours.isChecked()
    key(ours, Qt.Key.Key_Right)  # the arrow key chooses within the conflict
    assert theirs.isChecked() and focused() is theirs
    key(theirs, Qt.Key.Key_Return)  # Enter: „Entscheidungen übernehmen“
    qtbot.waitUntil(lambda: not dialog.isVisible())
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)

    session = window.session
    assert session is not None
    assert session.get("kommune.einwohner") == 12345 and session.pending is None
    assert session.get("voraussetzungen.beschluss_gremium") == "Gemeinderat Oberes Tal"
    assert session.get("kontakte.verortung") == "Stabsstelle Demografie"

    # the change markers in the section list and beside the field, the comment beside its field
    assert "1 Änderung von Frau Schmidt" in section_text(window, "voraussetzungen")
    assert "1 offener Kommentar" in section_text(window, "voraussetzungen")
    window.editor.go_to(2)  # type: ignore[union-attr]
    notes = widget(window, "voraussetzungen.beschluss_gremium:anmerkungen")
    assert isinstance(notes, QLabel) and notes.isVisible()
    assert "Geändert von Frau Schmidt" in notes.text()
    comment = widget(window, "voraussetzungen.beschluss_datum:anmerkungen")
    assert "Kommentar von Frau Schmidt" in comment.text()  # type: ignore[attr-defined]
    assert (
        "Bitte Beschlussdatum prüfen"
        in widget(window, "voraussetzungen.beschluss_datum").accessibleDescription()
    )

    # the Prüfen filter lists what others changed; Enter opens the field and it counts as seen
    shortcut(window, "F8")
    review = window.editor.review  # type: ignore[union-attr]
    chooser = widget(window, "pruefen:filter")
    assert isinstance(chooser, QComboBox)
    chooser.setFocus()
    key(chooser, Qt.Key.Key_Down)
    assert review.mode == "markers"
    row = widget(window, "aenderung:0")
    assert "Frau Schmidt" in row.accessibleName()
    row.setFocus()
    key(row, Qt.Key.Key_Return)
    assert focused() is widget(window, "voraussetzungen.beschluss_gremium")
    assert "Frau Schmidt" not in section_text(window, "voraussetzungen")

    # the Änderungsverlauf of the field names both people
    shortcut(window, "Ctrl+Shift+H")
    history = window.findChild(HistoryDialog)
    assert isinstance(history, HistoryDialog)
    activate(qtbot, history)
    table = widget(history, "aenderungsverlauf:tabelle")
    assert isinstance(table, QTableView) and table.model().rowCount() >= 1
    assert table.model().index(0, 1).data() == "Frau Schmidt"
    key(table, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not history.isVisible())

    # valid, and both states before the merge are versions
    draft = window.current.stored.draft  # type: ignore[union-attr]
    assert validate_draft(session.spec, draft).valid
    window.close()
    reasons = [v.reason for v in DraftStore(laptop / DB_NAME).versions(summary.id)]
    assert {"before_merge", "incoming", "merge"} <= set(reasons)


def test_the_export_dialog_offers_the_change_log_summary_off_by_default(qtbot: Any) -> None:
    from zwk_desktop.ui.export.dialog import ExportDialog

    window = make_window(qtbot)
    window.open_example(EXAMPLE)
    for action in window.findChildren(type(window.menu_actions.save)):
        if action.objectName() == "aktion:exportieren":
            action.trigger()
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, ExportDialog))
    box = widget(dialog, "export:aenderungsprotokoll")
    assert isinstance(box, QCheckBox) and not box.isChecked()
    assert "ohne Werte" in box.toolTip()
    dialog.reject()


def test_the_user_name_is_asked_once_without_a_modal_dialog(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QLineEdit, QPushButton

    from zwk_desktop.locations import data_dir
    from zwk_desktop.ui.dialogs.settings import SettingsDialog

    window = make_window(qtbot)
    window.open_example(EXAMPLE)
    replace_field(window, "kontakte.verortung", "Stabsstelle Demografie")  # no name yet
    save_as(window, monkeypatch, tmp_path / "erste.zwk")
    text = widget(window, "notice.text")
    assert isinstance(text, QLabel) and "geben Sie bitte einmal Ihren Namen an" in text.text()
    action = widget(window, "notice.action")
    assert isinstance(action, QPushButton) and action.text() == "&Namen angeben…"
    assert SettingsStore(data_dir()).load().name_asked
    save_as(window, monkeypatch, tmp_path / "zweite.zwk")  # asked once: not again
    assert "Namen" not in text.text()

    dialog = SettingsDialog(window.services.settings, window)
    qtbot.addWidget(dialog)
    name = widget(dialog, "einstellungen:name")
    assert isinstance(name, QLineEdit) and name.accessibleName() == "Ihr Name"
    name.setText("Berater Müller")
    dialog.accept()
    assert SettingsStore(data_dir()).load().user_name == "Berater Müller"
    window._name_changed()
    assert window.session is not None and window.session.author == "Berater Müller"
    history = window.session.history()  # what was changed before the name was given is named
    assert history and all(c.who == "Berater Müller" for c in history)


def test_the_merge_dialog_by_keyboard_own_values_and_deciding_later(qtbot: Any) -> None:
    from zwk_desktop.domain.draft import read_draft
    from zwk_desktop.domain.merge import Conflict, PendingMerge
    from zwk_desktop.editing.session import EditSession
    from zwk_desktop.formspec import get_form

    draft = read_draft(EXAMPLE)
    session = EditSession(get_form(), draft, author="Berater Müller")
    gone = session.get("netzwerke.initiativen[0]")
    item = session.stable("netzwerke.initiativen[0]")
    session.remove_item("netzwerke.initiativen", 0)
    draft.pending = PendingMerge(
        "zurueck.zwk",
        "Frau Schmidt",
        "2026-01-01T00:00:00Z",
        (
            Conflict(session.stable("kommune.einwohner"), "value", 12390, 12390, 12345),
            Conflict(item, "item", gone, None, dict(gone, rolle="Neue Rolle")),
        ),
    )
    later = MergeDialog(session)
    qtbot.addWidget(later)
    later.show()
    activate(qtbot, later)
    assert later.accessibleDescription().startswith("In 2 Feldern haben Sie und Frau Schmidt")
    box = widget(later, "konflikt:1")
    assert "entfernt" in box.accessibleName() and "Rolle im Vorhaben: Neue Rolle" in (  # type: ignore[attr-defined]
        box.accessibleDescription()  # type: ignore[attr-defined]
    )
    key(focused(), Qt.Key.Key_Escape)  # type: ignore[arg-type]  # „Später entscheiden“
    assert not later.isVisible() and draft.pending is not None and len(draft.pending.conflicts) == 2

    dialog = MergeDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    activate(qtbot, dialog)
    first = widget(dialog, "konflikt:0:ihr")
    assert focused() is first
    key(first, Qt.Key.Key_Tab)
    own = widget(dialog, "konflikt:0:wert")
    assert focused() is own  # the own value is the next stop
    key(own, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(own, "5.000")
    assert widget(dialog, "konflikt:0:eigener").isChecked()  # type: ignore[attr-defined]
    key(own, Qt.Key.Key_Tab)
    assert focused() is widget(dialog, "konflikt:1:ihr")
    key(focused(), Qt.Key.Key_Right)  # type: ignore[arg-type]
    assert focused() is widget(dialog, "konflikt:1:eingegangen")
    key(focused(), Qt.Key.Key_Return)  # type: ignore[arg-type]
    assert not dialog.isVisible() and draft.pending is None
    assert session.get("kommune.einwohner") == 5000
    assert session.get("netzwerke.initiativen[0].rolle") == "Neue Rolle"


def test_a_file_of_a_draft_open_in_another_window_is_not_merged_here(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox
    from uitools import answering_message_box

    from zwk_desktop.locations import data_dir
    from zwk_desktop.services.portable import export_draft
    from zwk_desktop.services.recovery import start_up

    store = DraftStore(data_dir() / DB_NAME)
    from zwk_desktop.domain.draft import read_draft

    draft_id = store.create(read_draft(EXAMPLE))
    exported = tmp_path / "a.zwk"
    export_draft(store, draft_id, exported)
    other = start_up(store)  # another window of ZWK Desktop has the draft open
    other.note_open_draft(draft_id)
    window = make_window(qtbot)
    with answering_message_box(qtbot, window, QMessageBox.StandardButton.Ok) as texts:
        open_file(window, monkeypatch, exported)
    assert texts and "in einem Fenster von ZWK Desktop geöffnet" in texts[0]
    assert window.current is None
    assert [v.reason for v in store.versions(draft_id)][:1] == ["export_file"]  # nothing merged
    other.shut_down()


def test_a_file_merged_in_entwuerfe_into_the_open_draft_shows_at_once_and_stays(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from zwk_desktop.services.portable import export_draft, import_file
    from zwk_desktop.ui.dialogs.drafts_manager import DraftsDialog

    window = make_window(qtbot)
    window.open_example(EXAMPLE)
    assert window.current is not None and window.current.draft_id is not None
    draft_id = window.current.draft_id
    store = window.store
    exported = tmp_path / "raus.zwk"
    shortcut(window, "Ctrl+S")
    export_draft(store, draft_id, exported)
    rathaus = DraftStore(tmp_path / "rathaus" / DB_NAME)
    theirs = import_file(rathaus, exported).draft_id
    draft = rathaus.load(theirs).draft
    draft.data["kommune"]["einwohner"] = 4711
    from zwk_desktop.services.records import DraftSnapshot

    rathaus.save(theirs, DraftSnapshot.of(draft))
    back = tmp_path / "zurueck.zwk"
    export_draft(rathaus, theirs, back)

    shortcut(window, "Ctrl+Shift+O")
    dialog = next(d for d in window.findChildren(DraftsDialog) if d.isVisible())
    assert dialog.manager.import_from(back) == draft_id
    assert window.session is not None and window.session.get("kommune.einwohner") == 4711
    dialog.reject()
    window.close()  # the last save writes what the window shows: the merged state
    assert DraftStore(store.path).load(draft_id).draft.data["kommune"]["einwohner"] == 4711


def test_a_name_that_cannot_be_saved_is_reported_in_german(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The comment dialog asks for the user's name once; when the settings cannot be written
    (a full disk), the warning names the cause in German (issue 15's oserrors), never the
    operating system's English text."""
    import errno

    from PySide6.QtWidgets import QLineEdit, QMessageBox

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: shown.append(text))

    def full(self: SettingsStore, settings: Settings) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(SettingsStore, "save", full)
    window = make_window(qtbot)
    window.open_example(EXAMPLE)
    session = window.session
    assert session is not None
    session.author = ""  # nobody named yet: the dialog asks
    dialog = CommentsDialog(session, "kommune.einwohner", window.services.settings, window)
    qtbot.addWidget(dialog)
    name = widget(dialog, "kommentare:name")
    assert isinstance(name, QLineEdit)
    type_text(name, "Berater Müller")
    type_text(widget(dialog, "kommentare:neu"), "Bitte prüfen")
    qtbot.mouseClick(widget(dialog, "kommentare:hinzufuegen"), Qt.MouseButton.LeftButton)
    assert len(shown) == 1 and "der Datenträger ist voll" in shown[0]
    assert "No space" not in shown[0]
    window.close()
