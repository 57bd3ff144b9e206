"""The wizard's parts in the real window: the start screen, conditional rows, the character
counter, live checks, the budget grid, findings and their acknowledgement, attachments, help,
names for assistive technology, saving on close and a file that cannot be written."""

from __future__ import annotations

import base64
import re
from pathlib import Path
from typing import Any

import pytest
from conftest import EXAMPLES, load_example
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QLabel, QLineEdit, QMessageBox, QWidget
from store_helpers import make_store
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

from zwk_desktop.domain.draft import normalize, read_draft
from zwk_desktop.domain.paths import template_path
from zwk_desktop.ui.common import PATH_PROPERTY
from zwk_desktop.ui.window.main_window import MainWindow

HOHENWALD = EXAMPLES / "landkreis-hohenwald.zwk"


def open_example(qtbot: Any, name: Path = HOHENWALD) -> MainWindow:
    """An example opened in the window, its one expected warning confirmed: the examples are
    fictitious, so their key is not in the municipality directory (ags_unknown)."""
    window = make_window(qtbot)
    window.open_example(name)
    session = window.session
    assert session is not None
    session.check()
    for finding in session.report.warnings:
        assert finding.code == "ags_unknown", finding
        session.acknowledge(finding, "Fiktive Beispielkommune")
    return window


def checked(qtbot: Any, window: MainWindow) -> None:
    """Wait for the debounced check after the last keystroke."""
    session = window.session
    assert session is not None
    qtbot.waitUntil(lambda: not session.stale, timeout=10_000)


def replace_text(target: QWidget, text: str) -> None:
    target.setFocus()
    key(target, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    key(target, Qt.Key.Key_Delete)
    type_text(target, text)


def feedback(window: MainWindow, path: str) -> str:
    label = widget(window, f"{path}:meldung")
    assert isinstance(label, QLabel)
    return label.text() if label.isVisible() else ""


# --------------------------------------------------------------------------- start screen


def test_start_screen_lists_examples_and_recent_drafts(qtbot: Any) -> None:
    window = make_window(qtbot)
    examples = widget(window, "beispiele")
    titles = [examples.item(i).text() for i in range(examples.count())]  # type: ignore[attr-defined]
    assert titles == [
        "Gemeinde Lindenhagen am See – Beispiel öffnen",
        "Landkreis Hohenwald – Beispiel öffnen",
        "Städteverbund Oberes Tal – Beispiel öffnen",
    ]
    assert not widget(window, "zuletzt").isVisible()
    empty = widget(window, "keine-entwuerfe")
    assert isinstance(empty, QLabel) and empty.isVisible()
    assert empty.text().startswith("Noch keine Entwürfe.")
    examples.setFocus()  # the first example becomes the current one
    key(examples, Qt.Key.Key_Down)
    key(examples, Qt.Key.Key_Return)
    assert window.session is not None
    assert re.fullmatch(
        r"Landkreis Hohenwald – Gespeichert \d\d:\d\d – ZWK Desktop", title_and_state(window)
    ), "an example becomes a new draft in the store"
    window.close_draft()
    recent = widget(window, "zuletzt")
    assert recent.isVisible() and recent.count() == 1  # type: ignore[attr-defined]
    assert re.fullmatch(
        r"Landkreis Hohenwald\nzuletzt geändert am \d\d\.\d\d\.\d{4}, \d\d:\d\d · "
        r"100 % der Pflichtangaben",
        recent.item(0).text(),  # type: ignore[attr-defined]
    )


def test_a_recent_draft_deleted_meanwhile_is_explained_and_dropped(qtbot: Any) -> None:
    store = make_store()
    gone = store.create(read_draft(HOHENWALD))
    window = make_window(qtbot)
    recent = widget(window, "zuletzt")
    assert recent.count() == 1  # type: ignore[attr-defined]
    store.purge(gone)  # e.g. by a second window of the program
    recent.setFocus()
    key(recent, Qt.Key.Key_Down)
    with answering_message_box(qtbot, window, QMessageBox.StandardButton.Ok) as texts:
        key(recent, Qt.Key.Key_Return)
    assert texts == [f"Den Entwurf Nr. {gone} gibt es nicht."]
    assert window.session is None and not recent.isVisible()


# --------------------------------------------------------------------------- fields


def test_conditional_fields_appear_and_disappear_and_hidden_ones_are_not_checked(
    qtbot: Any,
) -> None:
    window = make_window(qtbot)
    shortcut(window, "Ctrl+N")
    quartier = widget(window, "kommune.quartier_name")
    einwohner = widget(window, "kommune.quartier_einwohner")
    assert not quartier.isVisible() and not einwohner.isVisible()
    art = widget(window, "kommune.art")
    art.setFocus()
    type_text(art, "Quartier")
    assert quartier.isVisible() and einwohner.isVisible()
    checked(qtbot, window)
    assert feedback(window, "kommune.quartier_name") == "", "missing, but not yet left"
    quartier.setFocus()
    key(quartier, Qt.Key.Key_Tab)  # left empty: now it is said to be missing (issue 10)
    assert "Name des Quartiers" in feedback(window, "kommune.quartier_name")
    type_text(quartier, "Nordstadt")
    key(art, Qt.Key.Key_Down)  # → Kreisfreie Stadt
    assert window.session is not None and window.session.get("kommune.art") == "kreisfreie_stadt"
    assert not quartier.isVisible() and not einwohner.isVisible()
    checked(qtbot, window)
    assert not [f for f in window.session.report.findings if "quartier" in f.path]
    assert window.session.get("kommune.quartier_name") == "Nordstadt", "nothing typed is lost"


def test_character_counter_counts_each_keystroke_and_names_the_excess(qtbot: Any) -> None:
    window = make_window(qtbot)
    shortcut(window, "Ctrl+N")
    name = widget(window, "kommune.name")
    counter = widget(window, "kommune.name:zaehler")
    assert isinstance(counter, QLabel)
    type_text(name, "Gemeinde")
    assert counter.text() == "8 / 150 Zeichen"
    type_text(name, "x" * 143)
    assert counter.text() == "151 / 150 Zeichen – 1 Zeichen zu viel"
    assert "b00020" in counter.styleSheet() and "zu viel" in counter.text()
    checked(qtbot, window)
    assert "Fehler:" in feedback(window, "kommune.name")
    assert "151 Zeichen zu lang" in feedback(window, "kommune.name")
    assert "Fehler: „Offizieller Name der Kommune“ ist mit 151 Zeichen zu lang" in (
        name.accessibleDescription()
    ), "a screen reader hears the finding with the field"
    key(name, Qt.Key.Key_Backspace)
    assert counter.text() == "150 / 150 Zeichen"
    checked(qtbot, window)
    assert feedback(window, "kommune.name") == ""


def test_long_text_counter_says_what_is_missing_to_the_minimum(qtbot: Any) -> None:
    window = make_window(qtbot)
    shortcut(window, "Ctrl+N")
    assert window.editor is not None
    window.editor.go_to(3)
    text = widget(window, "ausgangslage.herausforderungen")
    text.setFocus()
    type_text(text, "Abwanderung")
    counter = widget(window, "ausgangslage.herausforderungen:zaehler")
    assert isinstance(counter, QLabel)
    assert counter.text() == "11 Zeichen – mindestens 300, es fehlen noch 289 (höchstens 2.500)"


def test_german_number_input_is_stored_in_the_file_format(qtbot: Any) -> None:
    window = make_window(qtbot)
    shortcut(window, "Ctrl+N")
    session = window.session
    assert session is not None
    flaeche = widget(window, "kommune.flaeche_km2")
    flaeche.setFocus()
    type_text(flaeche, "1.187,5")
    assert session.get("kommune.flaeche_km2") == 1187.5
    einwohner = widget(window, "kommune.einwohner")
    einwohner.setFocus()
    type_text(einwohner, "84213")
    key(einwohner, Qt.Key.Key_Tab)
    assert isinstance(einwohner, QLineEdit) and einwohner.text() == "84.213"
    assert session.get("kommune.einwohner") == 84213
    datum = widget(window, "kommune.einwohner_stand")
    datum.setFocus()
    type_text(datum, "31.2.2020")
    assert session.get("kommune.einwohner_stand") == "31.2.2020", "kept as typed"
    checked(qtbot, window)
    assert "Format TT.MM.JJJJ" in feedback(window, "kommune.einwohner_stand")
    replace_text(datum, "1.7.2021")
    key(datum, Qt.Key.Key_Tab)
    assert session.get("kommune.einwohner_stand") == "2021-07-01"
    assert isinstance(datum, QLineEdit) and datum.text() == "01.07.2021"


def test_email_and_phone_get_format_feedback(qtbot: Any) -> None:
    window = open_example(qtbot)
    assert window.editor is not None
    window.editor.go_to(1)
    email = widget(window, "kontakte.koordination.email")
    replace_text(email, "aylin.schaefer-demir@")
    checked(qtbot, window)
    assert "E-Mail-Adresse wie name@kommune.de" in feedback(window, "kontakte.koordination.email")
    type_text(email, "lk-hohenwald.de")
    checked(qtbot, window)
    assert feedback(window, "kontakte.koordination.email") == ""
    phone = widget(window, "kontakte.koordination.telefon")
    replace_text(phone, "0369 x")
    checked(qtbot, window)
    assert "Ziffern" in feedback(window, "kontakte.koordination.telefon")


# --------------------------------------------------------------------------- budget


def test_budget_headroom_and_over_cap_update_as_you_type(qtbot: Any) -> None:
    window = open_example(qtbot)
    assert window.editor is not None
    window.editor.go_to(8)
    cell = widget(window, "finanzplan.posten[0].betraege.2022")
    headroom = widget(window, "finanzplan:spielraum:2022")
    assert isinstance(headroom, QLabel)
    assert headroom.text() == "noch 800,00\xa0€ bis zur Höchstgrenze"
    replace_text(cell, "7300")  # 2022: 39.200 − 9.000 + 7.300 = 37.500
    assert headroom.text() == "noch 2.500,00\xa0€ bis zur Höchstgrenze"
    assert headroom.styleSheet() == ""
    replace_text(cell, "12300")  # 42.500
    assert headroom.text() == "Überschritten: 2.500,00\xa0€ über der Höchstgrenze"
    assert "b00020" in headroom.styleSheet()
    total = widget(window, "finanzplan:gesamt")
    assert isinstance(total, QLabel) and "112.400,00" in total.text()
    checked(qtbot, window)
    assert "Für 2022 werden 42.500,00" in feedback(window, "finanzplan")
    assert "Fehler:" in feedback(window, "finanzplan")
    own = widget(window, "finanzplan.eigenmittel.2022")
    own.setFocus()
    type_text(own, "3000")
    assert headroom.text() == "noch 500,00\xa0€ bis zur Höchstgrenze"


def test_budget_grid_follows_the_posten_list(qtbot: Any) -> None:
    window = open_example(qtbot)
    assert window.editor is not None
    window.editor.go_to(8)
    add = widget(window, "finanzplan.posten:hinzufuegen")
    add.setFocus()
    key(add, Qt.Key.Key_Space)
    assert widget(window, "finanzplan.posten[6].betraege.2021")
    type_text(widget(window, "finanzplan.posten[6].betraege.2021"), "100")
    assert window.session is not None
    assert window.session.get("finanzplan.posten[6].betraege") == {"2021": "100.00"}
    checked(qtbot, window)
    assert "keine Erläuterung" in feedback(window, "finanzplan.posten[6].erlaeuterung")


# --------------------------------------------------------------------------- findings


def test_a_finding_opens_its_page_and_focuses_its_field_by_click_and_by_enter(
    qtbot: Any,
) -> None:
    env = load_example("landkreis-hohenwald.zwk")
    window = open_example(qtbot)
    assert window.session is not None and window.editor is not None
    window.session.set("netzwerke.initiativen[1].rolle", "")
    window.session.set("kommune.anschrift.plz", "0799")
    shortcut(window, "F8")
    rows = window.editor.review.rows
    assert [r.finding.path for r in rows] == [
        "kommune.ags",  # the confirmed ags_unknown of open_example
        "kommune.anschrift.plz",
        "netzwerke.initiativen[1].rolle",
    ]
    assert env
    qtbot.mouseClick(rows[2], Qt.MouseButton.LeftButton)
    assert window.editor.index == 5
    assert focused() is widget(window, "netzwerke.initiativen[1].rolle")
    shortcut(window, "F8")
    key(window.editor.review.rows[1], Qt.Key.Key_Return)
    assert window.editor.index == 0
    assert focused() is widget(window, "kommune.anschrift.plz")
    summary = widget(window, "pruefen:zusammenfassung")
    assert (
        isinstance(summary, QLabel)
        and summary.text() == "Ergebnis: 2 Fehler, keine offenen Hinweise (1 Hinweis bestätigt)"
    )
    heads = window.editor.review.section_heads
    assert heads["kommune"].text() == "Angaben zur Kommune – 1 Fehler, 1 bestätigt"
    item = window.editor.sections.item(0)
    assert item.text() == "1. Angaben zur Kommune\n1 Fehler"


def test_acknowledging_a_warning_with_a_justification_is_saved(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_example(qtbot)
    assert window.session is not None and window.editor is not None
    replace_text(widget(window, "kommune.einwohner"), "90")
    checked(qtbot, window)
    assert "Hinweis:" in feedback(window, "kommune.einwohner")
    assert window.editor.sections.item(0).text().endswith("1 Hinweis")
    shortcut(window, "F8")
    row = window.editor.review.rows[1]  # row 0: the confirmed ags_unknown of open_example
    assert row.finding.code == "population_implausible"
    tick = widget(window, "befund:1:bestaetigen")
    tick.setFocus()
    key(tick, Qt.Key.Key_Space)
    key(tick, Qt.Key.Key_Tab)
    assert focused() is widget(window, "befund:1:begruendung")
    type_text(focused(), "Ortsteil mit 90 Einwohnern, Zahl geprüft")
    assert window.editor.sections.item(0).text().endswith("vollständig")
    summary = widget(window, "pruefen:zusammenfassung")
    assert isinstance(summary, QLabel) and "2 Hinweise bestätigt" in summary.text()
    assert window.current is not None and window.current.draft_id is not None
    shortcut(window, "Ctrl+S")
    acks = make_store().load(window.current.draft_id).draft.acknowledgements
    assert [(a.code, a.path, a.justification) for a in acks] == [
        ("ags_unknown", "kommune.ags", "Fiktive Beispielkommune"),
        ("population_implausible", "kommune.einwohner", "Ortsteil mit 90 Einwohnern, Zahl geprüft"),
    ]
    window.editor.open_path("kommune.einwohner")
    assert "Hinweis (bestätigt):" in feedback(window, "kommune.einwohner")


# --------------------------------------------------------------------------- attachments


def test_attachments_are_added_checked_and_removed(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window(qtbot)
    shortcut(window, "Ctrl+N")
    session = window.session
    assert session is not None and window.editor is not None
    window.editor.go_to(11)
    chosen: list[Path] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(chosen[-1]), ""))
    add = widget(window, "anlagen:hinzufuegen")

    fake = tmp_path / "beschluss.pdf"
    fake.write_bytes(b"MZ\x90\x00 this is a program")
    chosen.append(fake)
    add.setFocus()
    with answering_message_box(qtbot, window, QMessageBox.StandardButton.Ok) as texts:
        key(add, Qt.Key.Key_Space)
    assert "Geprüft wird der Inhalt der Datei" in texts[0] and session.item_count("anlagen") == 0

    big = tmp_path / "scan.pdf"
    with big.open("wb") as out:
        out.truncate(session.spec.policy.attachment_max_bytes.value + 1)
    chosen.append(big)
    add.setFocus()
    with answering_message_box(qtbot, window, QMessageBox.StandardButton.Ok) as texts:
        key(add, Qt.Key.Key_Space)
    assert "10,0 MB" in texts[0] and session.item_count("anlagen") == 0

    env = load_example("landkreis-hohenwald.zwk")
    ((sha, content),) = env["files"].items()
    pdf = tmp_path / "beschluss_lk.pdf"
    pdf.write_bytes(base64.b64decode(content))
    chosen.append(pdf)
    add.setFocus()
    key(add, Qt.Key.Key_Space)
    assert session.get("anlagen[0]") == {
        "datei": "beschluss_lk.pdf",
        "sha256": sha,
        "groesse": 1654,
    }
    assert focused() is widget(window, "anlagen[0].art")
    datei, groesse = widget(window, "anlagen[0].datei"), widget(window, "anlagen[0].groesse")
    assert isinstance(datei, QLineEdit) and datei.isReadOnly()
    assert datei.text() == "beschluss_lk.pdf (PDF)"
    assert isinstance(groesse, QLineEdit) and groesse.text() == "1.654 Bytes (1,6 KB)"
    assert sha in session.draft.files
    remove = widget(window, "anlagen[0]:entfernen")
    remove.setFocus()
    with answering_message_box(qtbot, window, QMessageBox.StandardButton.Yes):
        key(remove, Qt.Key.Key_Space)
    assert session.item_count("anlagen") == 0 and session.draft.files == {}


# --------------------------------------------------------------------------- help, accessibility


def test_help_panel_follows_the_focus_and_names_inferred_rules(qtbot: Any) -> None:
    window = open_example(qtbot)
    assert window.editor is not None
    help_text = widget(window, "hilfe:text")
    if not help_text.isVisible():  # hidden at first on small screens (the offscreen one is)
        shortcut(window, "F1")
    assert help_text.isVisible()
    widget(window, "kommune.ags").setFocus()
    html = help_text.toPlainText()  # type: ignore[attr-defined]
    assert "Amtlicher Gemeindeschlüssel (AGS)" in html
    assert (
        "Abgeleitet aus der allgemeinen Förderpraxis des Bundes, nicht im Aufruf dokumentiert."
        in html
    )
    assert "Der Gemeindeschlüssel muss zum gewählten Bundesland passen." in html  # no „…“
    assert "abgeleitet aus der Förderpraxis, nicht im Aufruf dokumentiert" in html
    shortcut(window, "F1")
    assert not help_text.isVisible()
    shortcut(window, "F1")
    assert help_text.isVisible()
    widget(window, "kommune.name").setFocus()
    shown = help_text.toPlainText()  # type: ignore[attr-defined]
    assert "Grundlage: im Aufruf dokumentiert." in shown
    assert "Pflichtangabe." in shown and "Höchstens 150 Zeichen." in shown


def test_every_input_is_named_after_its_field_with_label_and_help(qtbot: Any) -> None:
    window = open_example(qtbot, EXAMPLES / "staedteverbund-oberes-tal.zwk")
    editor = window.editor
    assert editor is not None and window.session is not None
    spec = window.session.spec
    for i in range(editor.count):
        editor.go_to(i)
    named = {}
    for w in window.findChildren(QWidget):
        path = w.property(PATH_PROPERTY)
        if isinstance(path, str) and path and w.objectName() == path:
            named[path] = w
            assert w.accessibleName(), path
            field = window.session.field_at(path)
            assert field is not None
            # „Pflichtfeld“ where required, the help, then the field's findings when it has any
            described = w.accessibleDescription().removeprefix("Pflichtfeld\n")
            assert described.startswith(field.help), path
    expected = leaf_paths(spec, normalize(spec, window.session.draft.data), "")
    fixed = {f"massnahmen.zeitplan[{n}].schritt" for n in range(5)}
    missing = [p for p in expected if p not in named and p not in fixed]
    assert missing == []
    assert named["kommune.name"].accessibleName() == "Offizieller Name der Kommune"
    assert named["finanzplan.posten[0].betraege.2022"].accessibleName() == "Posten 1: Betrag 2022"
    assert (
        named["kommune.mitglieder[1].ags"].accessibleName()
        == "Mitgliedskommune 2: Gemeindeschlüssel (AGS)"
    )


def leaf_paths(spec: Any, value: Any, path: str) -> list[str]:
    """The paths of every filled scalar (and year) of draft data."""
    field = spec.fields_by_path.get(template_path(path)) if path else None
    if isinstance(value, dict) and (field is None or field.type in ("group", "year_map")):
        return [
            p for k, v in value.items() for p in leaf_paths(spec, v, f"{path}.{k}" if path else k)
        ]
    if isinstance(value, list) and field is not None and field.type == "list":
        return [p for n, v in enumerate(value) for p in leaf_paths(spec, v, f"{path}[{n}]")]
    return [path]


# --------------------------------------------------------------------------- saving, closing


def test_closing_saves_the_draft_without_asking(qtbot: Any) -> None:
    window = make_window(qtbot)
    shortcut(window, "Ctrl+N")
    assert window.current is not None
    draft_id = window.current.draft_id
    assert draft_id is not None, "a new application is a draft in the store at once"
    type_text(focused(), "Gemeinde Ahrensfelde")  # type: ignore[arg-type]
    assert title_and_state(window) == "Gemeinde Ahrensfelde – Wird gespeichert… – ZWK Desktop"
    shortcut(window, "Ctrl+W")  # at once: no question, nothing to lose
    assert window.session is None and window.windowTitle() == "ZWK Desktop"
    assert make_store().load(draft_id).draft.title == "Gemeinde Ahrensfelde"


def test_a_file_that_cannot_be_written_says_so_and_keeps_the_draft(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window(qtbot)
    shortcut(window, "Ctrl+N")
    type_text(focused(), "Gemeinde Ahrensfelde")  # type: ignore[arg-type]
    blocker = tmp_path / "datei"
    blocker.write_text("kein Ordner")
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(blocker / "x.zwk"), "")
    )
    with answering_message_box(qtbot, window, QMessageBox.StandardButton.Ok) as texts:
        shortcut(window, "Ctrl+Shift+S")
    assert texts == [
        f"Die Datei {blocker / 'x.zwk'} konnte nicht geschrieben werden (der Pfad führt nicht "
        "in einen Ordner)."
    ]
    assert window.session is not None and window.session.get("kommune.name") == (
        "Gemeinde Ahrensfelde"
    )
    assert window.current is not None and window.current.draft_id is not None
    assert make_store().load(window.current.draft_id).draft.title == "Gemeinde Ahrensfelde", (
        "the store has the draft all the same"
    )


def test_language_setting_is_stored_for_the_next_start(qtbot: Any) -> None:
    from zwk_desktop.ui.dialogs.settings import SettingsDialog

    window = make_window(qtbot)
    dialog = SettingsDialog(window.services.settings, window)
    qtbot.addWidget(dialog)
    combo = widget(dialog, "sprache")
    combo.setFocus()
    type_text(combo, "English")
    dialog.accept()
    assert window.services.settings.load().language == "en"


def test_date_and_month_are_picked_by_keyboard(qtbot: Any) -> None:
    window = open_example(qtbot)
    session = window.session
    assert session is not None and window.editor is not None
    date = widget(window, "kommune.einwohner_stand")
    date.setFocus()
    key(date, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)  # opens the calendar
    qtbot.waitUntil(lambda: focused() is not None and focused() is not date)
    key(focused(), Qt.Key.Key_Right)  # 31.12.2020 → 01.01.2021
    key(focused(), Qt.Key.Key_Return)
    assert session.get("kommune.einwohner_stand") == "2021-01-01"
    assert isinstance(date, QLineEdit) and date.text() == "01.01.2021"
    assert focused() is date

    window.editor.go_to(6)
    month = widget(window, "massnahmen.zeitplan[1].bis")
    month.setFocus()
    key(month, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: focused() is not None and focused() is not month)
    assert focused().accessibleName() == "April 2022"  # type: ignore[union-attr]
    key(focused(), Qt.Key.Key_Right)
    assert focused().accessibleName() == "Mai 2022"  # type: ignore[union-attr]
    key(focused(), Qt.Key.Key_Space)
    assert session.get("massnahmen.zeitplan[1].bis") == "2022-05"
    assert isinstance(month, QLineEdit) and month.text() == "05.2022"


def test_signatory_is_suggested_from_the_head_of_administration(qtbot: Any) -> None:
    window = make_window(qtbot)
    shortcut(window, "Ctrl+N")
    session = window.session
    assert session is not None and window.editor is not None
    window.editor.go_to(1)
    for path, text in (("kontakte.hvb.vorname", "Jana"), ("kontakte.hvb.nachname", "Brandt")):
        target = widget(window, path)
        target.setFocus()
        type_text(target, text)
    window.editor.go_to(10)
    offer = widget(window, "unterschrift.name:vorschlag")
    assert offer.isVisible() and offer.text() == "Vorschlag übernehmen: Jana Brandt"  # type: ignore[attr-defined]
    offer.setFocus()
    key(offer, Qt.Key.Key_Space)
    assert session.get("unterschrift.name") == "Jana Brandt"
    assert focused() is widget(window, "unterschrift.name") and not offer.isVisible()
