"""The municipality picker, the directory marker, the member picker and the population chart as
real widgets (offscreen): typing suggests, choosing fills, the chart says its % change in words."""

from __future__ import annotations

import subprocess
import sys
from typing import Any

import pytest
from conftest import ROOT, load_example
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from zwk_desktop.directory import Directory, Entry, default_directory
from zwk_desktop.directory.fill import kommune_fill
from zwk_desktop.formspec import get_form
from zwk_desktop.ui.directory.picker import (
    AGS_ROLE,
    DirectoryCompleter,
    DirectoryMark,
    MemberPicker,
)
from zwk_desktop.ui.pages.population_chart import LINE, PopulationChartView


@pytest.fixture
def directory() -> Directory:
    return default_directory()


def picker(qtbot: Any, directory: Directory, insert: str = "name") -> DirectoryCompleter:
    edit = QLineEdit()
    qtbot.addWidget(edit)
    edit.show()
    return DirectoryCompleter(directory, edit, insert)  # type: ignore[arg-type]


def suggestions(completer: DirectoryCompleter) -> list[tuple[str, str]]:
    """(the row as a screen reader reads it, its AGS)"""
    model = completer.model()
    rows = [
        [model.index(r, c) for c in range(model.columnCount())] for r in range(model.rowCount())
    ]
    for row in rows:  # the columns say the same as the one line read aloud
        name, where, ags, people = (i.data() for i in row)
        assert row[0].data(Qt.ItemDataRole.AccessibleTextRole) == (
            f"{name} – {where} · {ags} · {people} Einwohner"
        )
    return [(r[0].data(Qt.ItemDataRole.AccessibleTextRole), r[0].data(AGS_ROLE)) for r in rows]


def type_text(qtbot: Any, widget: QWidget, text: str) -> None:
    """Key presses as a user types them. QTest.keyClicks aborts the process on non-ASCII
    characters in this Qt build (qasciikey.cpp), so those are sent as key events with text."""
    for char in text:
        if char.isascii():
            qtbot.keyClicks(widget, char)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            QApplication.sendEvent(widget, event)


def type_and_choose(qtbot: Any, completer: DirectoryCompleter, text: str, ags: str) -> Entry:
    """Type as a user does, then pick the suggestion with this key with the arrow keys."""
    type_text(qtbot, completer.line_edit, text)
    popup = completer.popup()
    qtbot.waitUntil(popup.isVisible)
    row = [a for _, a in suggestions(completer)].index(ags)
    for _ in range(row + 1):
        qtbot.keyClick(popup, Qt.Key.Key_Down)
    with qtbot.waitSignal(completer.chosen) as signal:
        qtbot.keyClick(popup, Qt.Key.Key_Return)
    entry: Entry = signal.args[0]
    return entry


@pytest.mark.parametrize("typed", ["Muenchen", "münch", "09162"])
def test_typing_suggests_muenchen_first(qtbot: Any, directory: Directory, typed: str) -> None:
    completer = picker(qtbot, directory)
    type_text(qtbot, completer.line_edit, typed)
    qtbot.waitUntil(completer.popup().isVisible)
    text, ags = suggestions(completer)[0]
    assert ags == "09162000"
    assert (
        text
        == "Landeshauptstadt München – kreisfreie Stadt, Bayern · 09162000 · 1.505.005 Einwohner"
    )


def test_hamburg_and_a_landkreis_by_name(qtbot: Any, directory: Directory) -> None:
    completer = picker(qtbot, directory)
    qtbot.keyClicks(completer.line_edit, "hamb")
    qtbot.waitUntil(completer.popup().isVisible)
    assert suggestions(completer)[0][1] == "02000000"
    completer.line_edit.clear()
    qtbot.keyClicks(completer.line_edit, "Landkreis Cob")
    assert suggestions(completer)[0] == (
        "Landkreis Coburg – Bayern · 09473 · 84.468 Einwohner", "09473"
    )  # fmt: skip


def test_same_named_places_are_told_apart_by_kreis(qtbot: Any, directory: Directory) -> None:
    completer = picker(qtbot, directory)
    qtbot.keyClicks(completer.line_edit, "Neustadt")
    texts = [t for t, _ in suggestions(completer)]
    assert len(texts) == 15 and len(set(texts)) == 15
    assert any("Neustadt b.Coburg – Landkreis Coburg, Bayern" in t for t in texts)
    assert any("Neustadt in Holstein – Kreis Ostholstein, Schleswig-Holstein" in t for t in texts)
    completer.line_edit.clear()
    qtbot.keyClicks(completer.line_edit, "Ahorn")
    ahorns = [t for t in (t for t, _ in suggestions(completer)) if t.startswith("Gemeinde Ahorn ")]
    assert ahorns == [
        "Gemeinde Ahorn – Landkreis Coburg, Bayern · 09473112 · 4.047 Einwohner",
        "Gemeinde Ahorn – Main-Tauber-Kreis, Baden-Württemberg · 08128138 · 2.209 Einwohner",
    ]


def test_choosing_ahorn_in_coburg_fills_the_fields(qtbot: Any, directory: Directory) -> None:
    completer = picker(qtbot, directory)
    entry = type_and_choose(qtbot, completer, "Ahorn", "09473112")
    assert entry.ags == "09473112"
    assert completer.line_edit.text() == "Gemeinde Ahorn"
    fill = kommune_fill(get_form(), directory, entry)
    assert fill["kommune.landkreis"] == "Landkreis Coburg"
    assert fill["kommune.einwohner"] == 4047 and fill["kommune.einwohner_stand"] == "2024-12-31"
    assert (fill["kommune.anschrift.plz"], fill["kommune.anschrift.ort"]) == ("96482", "Ahorn")


def test_the_ags_field_gets_the_key(qtbot: Any, directory: Directory) -> None:
    completer = picker(qtbot, directory, insert="ags")
    entry = type_and_choose(qtbot, completer, "09473", "09473")
    assert entry.is_kreis and completer.line_edit.text() == "09473"


def test_one_character_suggests_nothing(qtbot: Any, directory: Directory) -> None:
    completer = picker(qtbot, directory)
    qtbot.keyClicks(completer.line_edit, "M")
    assert completer.model().rowCount() == 0 and not completer.popup().isVisible()
    qtbot.keyClicks(completer.line_edit, "xq")
    assert completer.model().rowCount() == 0 and not completer.popup().isVisible()


def test_the_mark_shows_the_source_and_stays_out_of_the_way(
    qtbot: Any, directory: Directory
) -> None:
    field = QWidget()
    qtbot.addWidget(field)
    mark = DirectoryMark(directory, field)
    field.show()
    assert not mark.isVisible()  # hidden until a value comes from the directory
    mark.set_active(True)
    assert mark.isVisible() and mark.text() == "aus Gemeindeverzeichnis"
    assert "Statistischen Bundesamts" in mark.accessibleDescription()
    assert "31.12.2024" in mark.toolTip() and "ändern" in mark.toolTip()
    mark.set_active(False)
    assert not mark.isVisible()


def test_members_are_picked_and_summed(qtbot: Any, directory: Directory) -> None:
    widget = MemberPicker(get_form(), directory)
    qtbot.addWidget(widget)
    widget.show()
    assert widget.total.text() == "Noch keine Mitglieder gewählt."
    assert not widget.remove_button.isEnabled()
    with qtbot.waitSignal(widget.changed) as first:
        type_and_choose(qtbot, widget.completer, "Ahorn", "09473112")
    assert first.args[0]["kommune.einwohner"] == 4047
    assert widget.search.text() == ""
    with qtbot.waitSignal(widget.changed) as second:
        type_and_choose(qtbot, widget.completer, "Rödental", "09473159")
    fill = second.args[0]
    assert [m["ags"] for m in fill["kommune.mitglieder"]] == ["09473112", "09473159"]
    assert fill["kommune.einwohner"] == 4047 + 12457
    assert widget.total.text() == "Zusammen: 16.504 Einwohner (Stand 31.12.2024)"
    assert widget.table.item(1, 2).text() == "Landkreis Coburg, Bayern"
    with qtbot.assertNotEmitted(widget.changed):
        type_and_choose(qtbot, widget.completer, "Ahorn", "09473112")
    assert widget.note.text() == "„Gemeinde Ahorn“ ist schon Mitglied."
    widget.table.selectRow(0)
    with qtbot.waitSignal(widget.changed) as third:
        qtbot.mouseClick(widget.remove_button, Qt.MouseButton.LeftButton)
    assert third.args[0]["kommune.einwohner"] == 12457
    assert widget.note.text() == "„Gemeinde Ahorn“ entfernt."


def test_members_typed_by_hand_are_shown_and_counted(qtbot: Any, directory: Directory) -> None:
    widget = MemberPicker(get_form(), directory)
    qtbot.addWidget(widget)
    example = load_example("staedteverbund-oberes-tal.zwk")["data"]["kommune"]["mitglieder"]
    widget.set_members(example)
    assert widget.table.rowCount() == 3
    assert widget.table.item(0, 2).text() == "nicht im Gemeindeverzeichnis"
    assert widget.total.text() == "Zusammen: 12.390 Einwohner (mit eigenen Angaben)"


# --------------------------------------------------------------------------- chart


def test_the_chart_shows_the_development_and_says_it_in_words(qtbot: Any) -> None:
    view = PopulationChartView()
    qtbot.addWidget(view)
    view.resize(560, 400)
    view.show()
    rows = load_example("gemeinde-lindenhagen.zwk")["data"]["ausgangslage"]["bevoelkerung"]
    view.set_rows(rows)
    plan = view.chart.plan
    assert plan is not None and plan.title == "Bevölkerungsentwicklung 2000–2020: −22,1 %"
    words = view.text.text()
    assert words.startswith("Die Einwohnerzahl ist von 2000 bis 2020 um 22,1 % gesunken")
    assert "2000–2010: −12,7 %" in words and "2015–2020: −4,8 %" in words
    assert view.chart.accessibleDescription() == words
    assert view.chart.accessibleName() == "Diagramm: Bevölkerungsentwicklung"
    image = view.chart.grab().toImage()
    line = QColor(LINE)
    hits = sum(
        1
        for x in range(0, image.width(), 2)
        for y in range(0, image.height(), 2)
        if abs(image.pixelColor(x, y).red() - line.red()) < 30
        and abs(image.pixelColor(x, y).blue() - line.blue()) < 30
        and abs(image.pixelColor(x, y).green() - line.green()) < 30
    )
    assert hits > 100  # the line is drawn


def test_the_chart_explains_when_it_cannot_draw(qtbot: Any) -> None:
    view = PopulationChartView()
    qtbot.addWidget(view)
    view.set_rows([{"jahr": 2020, "einwohner": 2418}, {"jahr": None, "einwohner": 5}])
    assert view.chart.plan is None
    assert "mindestens zwei Jahre" in view.text.text()
    view.set_rows([{"jahr": 2010, "einwohner": 2000}, {"jahr": 2020, "einwohner": 2100}])
    assert "um 5,0 % gestiegen" in view.text.text()


def test_no_reportlab_at_gui_start_up() -> None:
    code = (
        "import sys\n"
        "import zwk_desktop.app, zwk_desktop.ui.pages.population_chart, zwk_desktop.ui.directory.picker\n"
        "import zwk_desktop.services.population_pdf\n"
        "assert 'reportlab' not in sys.modules, sorted(m for m in sys.modules if 'reportlab' in m)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60
    )
    assert result.returncode == 0, result.stderr
