"""First contact with the wizard (issue 10): each defect a clerk met in the first hour, in the
real window, found by objectName and driven with key, mouse and wheel events."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import EXAMPLES
from PySide6.QtCore import QPoint, QPointF, QRect, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QScrollArea,
    QWidget,
)
from test_ui_directory import type_text as type_slowly
from test_ui_wizard import checked, feedback, open_example, replace_text
from uitools import focused, key, make_window, shortcut, type_text, widget

from zwk_desktop.ui.directory.extra import DirectoryAssist
from zwk_desktop.ui.window.main_window import MainWindow

LINDENHAGEN = EXAMPLES / "gemeinde-lindenhagen.zwk"
SECTIONS = [
    "kommune", "kontakte", "voraussetzungen", "ausgangslage", "ziele", "netzwerke", "massnahmen",
    "beteiligung", "finanzplan", "erklaerungen", "unterschrift", "anlagen",
]  # fmt: skip


def name_of_focus() -> str:
    w = focused()
    return w.objectName() if w is not None else ""


def sized(window: MainWindow, width: int = 1024, height: int = 700) -> MainWindow:
    """The window at the size the issue names (the offscreen screen is smaller)."""
    window.resize(width, height)
    return window


def page_of(window: MainWindow) -> QScrollArea:
    assert window.editor is not None
    page = window.editor.stack.currentWidget()
    assert isinstance(page, QScrollArea)
    return page


def in_view(page: QScrollArea, target: QWidget) -> bool:
    """Whether `target` lies fully inside the page's visible area."""
    viewport = page.viewport()
    rect = QRect(target.mapTo(viewport, QPoint(0, 0)), target.size())
    return viewport.rect().contains(rect)


def go_to(window: MainWindow, section: str) -> QScrollArea:
    assert window.editor is not None
    window.editor.go_to(SECTIONS.index(section))
    return page_of(window)


def wheel_over(target: QWidget, notches: int = -1) -> None:
    """A wheel turn with the pointer over `target`, delivered to its window as the platform
    delivers it (the window finds the widget under the pointer)."""
    window = target.window()
    centre = target.rect().center()
    QTest.mouseMove(target, centre)
    event = QWheelEvent(
        QPointF(target.mapTo(window, centre)),
        QPointF(target.mapToGlobal(centre)),
        QPoint(0, 0),
        QPoint(0, 120 * notches),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(window.windowHandle(), event)


# --------------------------------------------------------------------------- 1. the wheel


def test_the_wheel_scrolls_the_page_and_never_changes_a_category(qtbot: Any) -> None:
    window = sized(open_example(qtbot, LINDENHAGEN))
    session = window.session
    assert session is not None
    page = go_to(window, "finanzplan")
    before = [p["kategorie"] for p in session.get("finanzplan.posten")]
    combo = widget(window, "finanzplan.posten[2].kategorie")
    assert isinstance(combo, QComboBox)
    qtbot.waitUntil(lambda: page.verticalScrollBar().maximum() > 0)
    page.verticalScrollBar().setValue(combo.mapTo(page.widget(), QPoint(0, 0)).y() - 40)
    qtbot.waitUntil(lambda: in_view(page, combo))
    scrolled = page.verticalScrollBar().value()
    wheel_over(combo)
    assert [p["kategorie"] for p in session.get("finanzplan.posten")] == before
    assert combo.currentText() != "Sonstiges" or before[2] == "sonstiges"
    assert page.verticalScrollBar().value() > scrolled, "the page scrolled instead"
    assert not combo.hasFocus()
    assert combo.focusPolicy() == Qt.FocusPolicy.StrongFocus  # no focus from the wheel


def test_a_focused_combo_box_still_takes_the_wheel(qtbot: Any) -> None:
    window = sized(make_window(qtbot))
    window.new_draft()
    go_to(window, "kontakte")
    combo = widget(window, "kontakte.hvb.funktion")
    assert isinstance(combo, QComboBox)
    combo.setFocus()
    wheel_over(combo)
    assert combo.currentIndex() == 1, "with the focus, the wheel picks as usual"


# --------------------------------------------------------------------------- 2. one match


@pytest.mark.parametrize(("field", "typed", "ags"), [
    ("kommune.name", "Uckerl", "12073579"), ("kommune.ags", "12073578", "12073578")])  # fmt: skip
def test_a_single_directory_match_is_shown_and_chosen_with_the_keys(
    qtbot: Any, field: str, typed: str, ags: str
) -> None:
    window = sized(make_window(qtbot))
    window.new_draft()
    assist = window.findChild(DirectoryAssist)
    assert assist is not None
    edit = widget(window, field)
    edit.setFocus()
    type_slowly(qtbot, edit, typed)
    completer = assist.completers[0 if field == "kommune.name" else 1]
    popup = completer.popup()
    qtbot.waitUntil(popup.isVisible)
    assert completer.model().rowCount() == 1
    row = popup.visualRect(popup.model().index(0, 0))
    assert row.height() > 0 and popup.viewport().rect().contains(row), "the row is visible"
    key(popup, Qt.Key.Key_Down)
    with qtbot.waitSignal(completer.chosen) as chosen:
        key(popup, Qt.Key.Key_Return)
    assert chosen.args[0].ags == ags
    assert window.session is not None and window.session.get("kommune.ags") == ags


# --------------------------------------------------------------------------- 3. Zum Feld


def over_the_cap_in_2022(qtbot: Any, window: MainWindow) -> None:
    go_to(window, "finanzplan")
    cell = widget(window, "finanzplan.posten[0].betraege.2022")
    replace_text(cell, "41.000")
    key(cell, Qt.Key.Key_Tab)
    checked(qtbot, window)


def test_enter_on_a_budget_finding_puts_the_cursor_into_the_cell(qtbot: Any) -> None:
    window = sized(open_example(qtbot, LINDENHAGEN))
    over_the_cap_in_2022(qtbot, window)
    shortcut(window, "F8")
    assert window.editor is not None
    rows = window.editor.review.rows
    row = next(r for r in rows if r.finding.code == "budget_year_cap")
    assert "Für 2022" in row.finding.message
    row.setFocus()
    key(row, Qt.Key.Key_Return)  # the only key: the cursor is in the cell now
    target = focused()
    assert isinstance(target, QLineEdit)
    assert target.objectName() == "finanzplan.posten[0].betraege.2022"
    page = page_of(window)
    assert in_view(page, target)
    findings = widget(window, "finanzplan:meldung")
    assert findings.isVisible() and in_view(page, findings), "the finding below the grid too"
    frame = widget(page, "hervorhebung")
    assert frame.isVisible() and frame.geometry().contains(
        QRect(target.mapTo(frame.parentWidget(), QPoint(0, 0)), target.size())
    )
    type_text(target, "")  # typing goes straight into the cell
    key(target, Qt.Key.Key_End)
    assert focused() is target


INPUTS = (QLineEdit, QPlainTextEdit, QAbstractButton, QComboBox, QListWidget)


def test_every_finding_leads_into_a_visible_input(qtbot: Any) -> None:
    window = sized(make_window(qtbot))
    window.open_example(EXAMPLES / "staedteverbund-oberes-tal.zwk")
    session = window.session
    assert session is not None and window.editor is not None
    session.set("finanzplan.posten[1].erlaeuterung", "")  # a finding in a list item
    session.set("kommune.mitglieder[1].einwohner", None)  # one in a table row
    session.set("ausgangslage.bevoelkerung", [{"jahr": 2010, "einwohner": 5}])
    session.set("netzwerke.konzepte", [])
    session.set("finanzplan.posten[0].betraege.2022", "45000.00")  # one about the whole budget
    session.check()
    assert any(f.path == "finanzplan" for f in session.report.findings)
    shortcut(window, "F8")
    count = len(window.editor.review.rows)
    assert count > 5
    for i in range(count):
        shortcut(window, "F8")
        row = window.editor.review.rows[i]
        finding = row.finding
        row.setFocus()
        key(row, Qt.Key.Key_Return)
        target = focused()
        assert isinstance(target, INPUTS), (finding.path, target)
        page = page_of(window)
        assert page.isAncestorOf(target) and in_view(page, target), finding.path
        owner = target
        while owner is not None and not (owner.objectName() or "").startswith(
            finding.path.split("[")[0].split(".")[0]
        ):
            owner = owner.parentWidget()
        assert owner is not None, (finding.path, target.objectName())


# --------------------------------------------------------------------------- 4. the 2021 cap


def test_the_first_year_shows_one_cap_everywhere_and_says_it_is_assumed(
    qtbot: Any, spec: Any
) -> None:
    window = sized(open_example(qtbot, LINDENHAGEN))
    session = window.session
    assert session is not None
    go_to(window, "finanzplan")
    cap = widget(window, "finanzplan:hoechstgrenze:2021")
    assert isinstance(cap, QLabel)
    assert cap.text() == "13.333,33\xa0€*"
    assert widget(window, "finanzplan:hoechstgrenze:2022").text() == "40.000,00\xa0€"  # type: ignore[attr-defined]
    note = widget(window, "finanzplan:anteilig").text()  # type: ignore[attr-defined]
    assert "Annahme" in note and "13.333,33" in note and "4 Monate von 12" in note
    headroom = widget(window, "finanzplan:spielraum:2021")
    requested = sum(float(p["betraege"].get("2021") or 0) for p in session.get("finanzplan.posten"))
    left = f"{13333.33 - requested:,.2f}".replace(",", "X").replace(".", ",").replace("X", ".")
    assert headroom.text() == f"noch {left}\xa0€ bis zur Höchstgrenze"  # type: ignore[attr-defined]
    cell = widget(window, "finanzplan.posten[0].betraege.2021")
    replace_text(cell, "15.000")
    key(cell, Qt.Key.Key_Tab)
    checked(qtbot, window)
    assert "über der Höchstgrenze" in headroom.text()  # type: ignore[attr-defined]
    warning = next(f for f in session.report.findings if f.code == "budget_2021_pro_rata")
    assert "13.333,33" in warning.message
    from test_pdf_print import pdf_text

    from zwk_desktop.domain.draft import normalize
    from zwk_desktop.services.pdf import render_pdf

    text = pdf_text(render_pdf(spec, normalize(spec, session.draft.data)).content)
    assert "13.333,33" in text and "30.000,00 €" not in text.split("Verbleibender")[-1][:40]


# --------------------------------------------------------------------------- 5. missing


def test_a_new_application_opens_without_red_errors(qtbot: Any) -> None:
    window = make_window(qtbot)
    key(widget(window, "neu"), Qt.Key.Key_Space)
    checked(qtbot, window)
    sections = widget(window, "abschnitte")
    assert isinstance(sections, QListWidget)
    texts = [sections.item(i).text() for i in range(sections.count())]
    assert not any("Fehler" in t for t in texts), texts
    assert "11 Angaben fehlen" in texts[0]
    assert feedback(window, "kommune.name") == ""
    key(focused(), Qt.Key.Key_Tab)  # left the name empty: now it is missing
    assert "fehlt" in feedback(window, "kommune.name")
    ags = widget(window, "kommune.ags")
    ags.setFocus()
    type_text(ags, "12x")  # a real mistake shows at once, while still typing
    checked(qtbot, window)
    assert "Fehler" in feedback(window, "kommune.ags")
    shortcut(window, "F8")  # the whole check: everything missing is shown
    assert "Fehler" in sections.item(0).text() and "Angaben fehlen" not in sections.item(0).text()


# --------------------------------------------------------------------------- 6. short dates


def test_two_digit_years_are_accepted_and_shown_in_full(qtbot: Any) -> None:
    window = sized(make_window(qtbot))
    window.new_draft()
    go_to(window, "unterschrift")
    datum = widget(window, "unterschrift.datum")
    assert isinstance(datum, QLineEdit)
    datum.setFocus()
    type_text(datum, "29.6.21")
    key(datum, Qt.Key.Key_Tab)
    assert datum.text() == "29.06.2021"
    assert window.session is not None
    assert window.session.get("unterschrift.datum") == "2021-06-29"
    go_to(window, "massnahmen")
    von = widget(window, "massnahmen.zeitplan[0].von")
    assert isinstance(von, QLineEdit)
    von.setFocus()
    type_text(von, "9.21")
    key(von, Qt.Key.Key_Tab)
    assert von.text() == "09.2021" and window.session.get("massnahmen.zeitplan[0].von") == "2021-09"


def test_the_check_uses_the_fields_words_for_a_date(qtbot: Any) -> None:
    window = sized(make_window(qtbot))
    window.new_draft()
    go_to(window, "unterschrift")
    datum = widget(window, "unterschrift.datum")
    datum.setFocus()
    type_text(datum, "29.6.2")
    key(datum, Qt.Key.Key_Tab)
    checked(qtbot, window)
    shortcut(window, "F8")
    assert window.editor is not None
    row = next(r for r in window.editor.review.rows if r.finding.path == "unterschrift.datum")
    assert "im Format TT.MM.JJJJ" in row.finding.message
    assert "in der Datei" not in row.finding.message


# --------------------------------------------------------------------------- 7. combo boxes


def test_the_combo_popup_opens_on_the_current_entry(qtbot: Any) -> None:
    window = sized(make_window(qtbot))
    window.new_draft()
    go_to(window, "kontakte")
    combo = widget(window, "kontakte.hvb.funktion")
    assert isinstance(combo, QComboBox)
    combo.setFocus()
    key(combo, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    view = combo.view()
    qtbot.waitUntil(view.isVisible)
    assert view.currentIndex().row() == combo.currentIndex() == 0
    assert view.currentIndex().data() == "Bitte auswählen"
    key(view, Qt.Key.Key_Down)
    key(view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not view.isVisible())
    assert window.session is not None
    field = window.session.spec.field("kontakte.hvb.funktion")
    assert window.session.get("kontakte.hvb.funktion") == field.choices[0].code
    key(combo, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(view.isVisible)
    assert view.currentIndex().row() == 1, "again on the current entry"
    key(view, Qt.Key.Key_Escape)


# --------------------------------------------------------------------------- 9. focus


def test_every_page_change_puts_the_focus_on_the_first_input(qtbot: Any) -> None:
    window = sized(make_window(qtbot))
    window.new_draft()
    session = window.session
    assert session is not None and window.editor is not None
    session.set("kontakte.hvb.vorname", "Katrin")
    session.set("kontakte.hvb.nachname", "Wendland")
    go_to(window, "unterschrift")
    suggestion = widget(window, "unterschrift.name:vorschlag")
    assert suggestion.isVisible()
    QTest.mouseClick(suggestion, Qt.MouseButton.LeftButton)
    assert session.get("unterschrift.name") == "Katrin Wendland"
    shortcut(window, "Alt+Right")
    assert window.editor.index == SECTIONS.index("anlagen")
    assert name_of_focus() == "anlagen:hinzufuegen", "the page that is one list: its button"
    for index in range(len(SECTIONS)):
        window.editor.go_to(0)
        widget(window, "kommune.name").setFocus()
        for _ in range(index):
            shortcut(window, "Alt+Right")
        page = page_of(window)
        target = focused()
        assert target is not None and page.isAncestorOf(target), SECTIONS[index]
        assert in_view(page, target)


def test_a_tall_field_scrolls_fully_into_view_when_tabbed_into(qtbot: Any) -> None:
    window = sized(open_example(qtbot, LINDENHAGEN))
    window.resize(900, 520)
    page = go_to(window, "beteiligung")
    first = focused()
    assert first is not None
    for _ in range(30):
        key(focused(), Qt.Key.Key_Tab)
        target = focused()
        if isinstance(target, QPlainTextEdit) and page.isAncestorOf(target):
            editor = target.parentWidget()
            assert editor is not None
            assert in_view(page, editor), "the text, its counter and its findings"


def test_a_budget_cell_brings_the_findings_below_the_grid_into_view(qtbot: Any) -> None:
    window = sized(open_example(qtbot, LINDENHAGEN))
    over_the_cap_in_2022(qtbot, window)
    page = page_of(window)
    page.verticalScrollBar().setValue(0)
    cell = widget(window, "finanzplan.posten[1].betraege.2022")
    cell.setFocus()
    assert in_view(page, cell)
    assert in_view(page, widget(window, "finanzplan:meldung"))


# --------------------------------------------------------------------------- 10. left off


def test_a_draft_reopens_where_it_was_left_and_the_window_keeps_its_size(qtbot: Any) -> None:
    window = sized(open_example(qtbot, LINDENHAGEN))
    assert window.current is not None and window.editor is not None
    window.resize(700, 600)
    go_to(window, "finanzplan")
    widget(window, "finanzplan.posten[1].bezeichnung").setFocus()
    shortcut(window, "Ctrl+W")
    recent = widget(window, "zuletzt")
    recent.setFocus()
    key(recent, Qt.Key.Key_Down)
    key(recent, Qt.Key.Key_Return)
    assert window.editor is not None and window.editor.index == SECTIONS.index("finanzplan")
    assert name_of_focus() == "finanzplan.posten[1].bezeichnung"
    window.close()
    again = make_window(qtbot)
    assert (again.width(), again.height()) == (700, 600)


def test_the_help_panel_shows_the_field_with_the_focus(qtbot: Any) -> None:
    window = sized(make_window(qtbot))
    window.new_draft()
    window.resize(1400, 800)
    help_text = widget(window, "hilfe:text")
    qtbot.waitUntil(help_text.isVisible)
    widget(window, "kommune.name").setFocus()
    assert "Offizieller Name der Kommune" in help_text.toPlainText()  # type: ignore[attr-defined]
    shortcut(window, "Alt+Right")
    shown = help_text.toPlainText()  # type: ignore[attr-defined]
    assert "Offizieller Name" not in shown and "Anrede" in shown
    go_to(window, "finanzplan")
    window.session.add_item("finanzplan.posten")  # type: ignore[union-attr]
    widget(window, "finanzplan.posten[0].betraege.2022").setFocus()
    assert "Beträge je Jahr" in help_text.toPlainText()  # type: ignore[attr-defined]


# --------------------------------------------------------------------------- 11. small things


def test_counts_years_and_help_read_right(qtbot: Any) -> None:
    window = sized(make_window(qtbot))
    window.new_draft()
    window.resize(1400, 800)
    session = window.session
    assert session is not None
    help_text = widget(window, "hilfe:text")
    qtbot.waitUntil(help_text.isVisible)
    go_to(window, "ausgangslage")
    session.add_item("ausgangslage.bevoelkerung")
    year = widget(window, "ausgangslage.bevoelkerung[0].jahr")
    year.setFocus()
    shown = help_text.toPlainText()  # type: ignore[attr-defined]
    assert "Erlaubt: 1990 bis 2030." in shown and "1.990" not in shown
    type_text(year, "2019")
    key(year, Qt.Key.Key_Tab)
    assert year.text() == "2019"  # type: ignore[attr-defined]
    lists = [w for w in window.findChildren(QLabel) if w.text() == "1 Eintrag"]
    assert lists, "„1 Eintrag“, not „1 Einträge“"
    einwohner = widget(window, "ausgangslage.bevoelkerung[0].einwohner")
    einwohner.setFocus()
    type_text(einwohner, "2412")
    key(einwohner, Qt.Key.Key_Tab)
    assert einwohner.text() == "2.412"  # type: ignore[attr-defined]
    session.reveal_missing()
    session.check()
    messages = [f.message for f in session.report.findings]
    assert any("enthält 1 Eintrag;" in m for m in messages)
    assert not any("Jahr 1: Jahr" in m or "1 Einträge" in m for m in messages)
    go_to(window, "finanzplan")
    session.add_item("finanzplan.posten")
    widget(window, "finanzplan.zentral_bewirtschaftet.2022").setFocus()
    assert "…" not in help_text.toPlainText()  # type: ignore[attr-defined]
    go_to(window, "kommune")
    widget(window, "kommune.flaeche_km2").setFocus()
    assert "…" not in help_text.toPlainText()  # type: ignore[attr-defined]
