"""The municipality directory, the population chart and About in the real main window: the
suggestions fill the fields of the kommune page and mark them, the live checks use the
directory, the member picker follows art = Zusammenschluss, the chart follows its table."""

from __future__ import annotations

from typing import Any

from conftest import EXAMPLES
from PySide6.QtWidgets import QComboBox, QLineEdit, QPushButton, QWidget
from test_about_dialog import modal_dialogs_while
from test_ui_directory import type_and_choose
from test_ui_wizard import checked, feedback, replace_text
from uitools import make_window, type_text, widget

from zwk_desktop.ui.directory.extra import DirectoryAssist, MemberExtra
from zwk_desktop.ui.pages.population_extra import PopulationExtra
from zwk_desktop.ui.window.main_window import MainWindow

AHORN = {
    "kommune.name": ("Gemeinde Ahorn", "Gemeinde Ahorn"),
    "kommune.art": ("gemeinde", "Gemeinde"),
    "kommune.ags": ("09473112", "09473112"),
    "kommune.bundesland": ("BY", "Bayern"),
    "kommune.landkreis": ("Landkreis Coburg", "Landkreis Coburg"),
    "kommune.einwohner": (4047, "4.047"),  # as the directory's list shows it
    "kommune.einwohner_stand": ("2024-12-31", "31.12.2024"),
    "kommune.flaeche_km2": (19.83, "19,83"),
    "kommune.anschrift.plz": ("96482", "96482"),
    "kommune.anschrift.ort": ("Ahorn", "Ahorn"),
}
"""What choosing Ahorn (Landkreis Coburg) gives: the value in the draft and on the screen."""


def new_window(qtbot: Any) -> tuple[MainWindow, DirectoryAssist]:
    window = make_window(qtbot)
    window.new_draft()
    assist = window.findChild(DirectoryAssist)
    assert assist is not None
    return window, assist


def shown(window: MainWindow, path: str) -> str:
    target = widget(window, path)
    if isinstance(target, QComboBox):
        return target.currentText()
    assert isinstance(target, QLineEdit)
    return target.text()


def marked(assist: DirectoryAssist) -> set[str]:
    return {path for path, (_, mark) in assist.marks.items() if mark.isVisible()}


def test_choosing_a_suggestion_fills_the_kommune_page_and_marks_the_values(qtbot: Any) -> None:
    window, assist = new_window(qtbot)
    session = window.session
    assert session is not None and not marked(assist)
    name = widget(window, "kommune.name")
    name.setFocus()
    entry = type_and_choose(qtbot, assist.completers[0], "Ahorn", "09473112")
    assert entry.kreis == "Landkreis Coburg"
    for path, (value, text) in AHORN.items():
        assert session.get(path) == value, path
        assert shown(window, path) == text, path
    assert marked(assist) == set(AHORN)
    mark = assist.marks["kommune.einwohner"][1]
    assert "Statistischen Bundesamts" in mark.toolTip()
    assert "Gebietsstand 30.11.2025" in assist.text() and "Namensnennung" in assist.text()

    replace_text(widget(window, "kommune.einwohner"), "4100")  # every value stays editable
    assert session.get("kommune.einwohner") == 4100
    assert marked(assist) == set(AHORN) - {"kommune.einwohner"}


def test_the_ags_field_suggests_by_key_and_fills_the_name(qtbot: Any) -> None:
    window, assist = new_window(qtbot)
    widget(window, "kommune.ags").setFocus()
    type_and_choose(qtbot, assist.completers[1], "09162", "09162000")
    assert shown(window, "kommune.ags") == "09162000"
    assert shown(window, "kommune.name") == "Landeshauptstadt München"
    assert shown(window, "kommune.art") == "Kreisfreie Stadt"
    assert "kommune.landkreis" not in marked(assist)  # a kreisfreie Stadt has none
    assert not widget(window, "kommune.landkreis").isVisible()


def test_the_live_checks_use_the_directory(qtbot: Any) -> None:
    window, _ = new_window(qtbot)
    replace_text(widget(window, "kommune.name"), "Gemeinde Ahorn")
    replace_text(widget(window, "kommune.ags"), "09473199")
    checked(qtbot, window)
    assert "Hinweis:" in feedback(window, "kommune.ags")
    assert "Den Schlüssel 09473199 gibt es im Gemeindeverzeichnis" in feedback(
        window, "kommune.ags"
    )
    replace_text(widget(window, "kommune.ags"), "09162000")
    checked(qtbot, window)
    text = feedback(window, "kommune.ags")
    assert "gehören zu verschiedenen Kommunen" in text and "München" in text
    session = window.session
    assert session is not None
    assert {f.code for f in session.report.warnings} >= {"ags_name_mismatch"}
    replace_text(widget(window, "kommune.ags"), "09473112")
    checked(qtbot, window)
    assert "Gemeindeverzeichnis" not in feedback(window, "kommune.ags")


def test_the_member_picker_appears_for_a_zusammenschluss_and_sums_the_population(
    qtbot: Any,
) -> None:
    window, assist = new_window(qtbot)
    session = window.session
    assert session is not None
    extra = window.findChild(MemberExtra)
    assert extra is not None and not extra.isVisible()
    art = widget(window, "kommune.art")
    assert isinstance(art, QComboBox)
    art.setCurrentIndex(art.findData("zusammenschluss"))
    assert extra.isVisible()
    search = extra.picker.search
    search.setFocus()
    type_and_choose(qtbot, extra.picker.completer, "Ahorn", "09473112")
    type_and_choose(qtbot, extra.picker.completer, "Rödental", "09473159")
    members = session.get("kommune.mitglieder")
    assert [m["ags"] for m in members] == ["09473112", "09473159"]
    assert session.get("kommune.einwohner") == 4047 + 12457
    assert session.get("kommune.einwohner_stand") == "2024-12-31"
    assert extra.picker.total.text() == "Zusammen: 16.504 Einwohner (Stand 31.12.2024)"
    assert shown(window, "kommune.mitglieder[1].name") == "Stadt Rödental"  # the form's list
    assert {"kommune.mitglieder[0].name", "kommune.mitglieder[1].name"} <= marked(assist)
    assert "kommune.einwohner" in marked(assist)

    replace_text(widget(window, "kommune.mitglieder[1].einwohner"), "12000")  # typed by hand
    assert extra.picker.total.text().startswith("Zusammen: 16.047 Einwohner")
    assert "kommune.mitglieder[1].name" not in marked(assist)
    art.setCurrentIndex(art.findData("gemeinde"))
    assert not extra.isVisible()


def test_the_chart_on_the_ausgangslage_page_follows_the_table(qtbot: Any) -> None:
    window = make_window(qtbot)
    window.open_example(EXAMPLES / "gemeinde-lindenhagen.zwk")
    editor = window.editor
    assert editor is not None
    editor.open_path("ausgangslage.bevoelkerung[0].jahr")
    extra = window.findChild(PopulationExtra)
    assert extra is not None and extra.isVisible()
    plan = extra.view.chart.plan
    assert plan is not None and plan.title == "Bevölkerungsentwicklung 2000–2020: −22,1 %"
    assert extra.view.text.text().startswith("Die Einwohnerzahl ist von 2000 bis 2020 um 22,1 %")
    # the chart stands between the table and the next field
    content = extra.parentWidget()
    assert content is not None

    def top(w: QWidget) -> int:
        return w.mapTo(content, w.rect().topLeft()).y()

    add = widget(window, "ausgangslage.bevoelkerung:hinzufuegen")
    assert top(add) < top(extra) < top(widget(window, "ausgangslage.bevoelkerung_text"))

    assert isinstance(add, QPushButton)
    add.click()
    type_text(widget(window, "ausgangslage.bevoelkerung[4].jahr"), "2023")
    assert extra.view.chart.plan is not None and len(extra.view.chart.plan.points) == 4
    type_text(widget(window, "ausgangslage.bevoelkerung[4].einwohner"), "2500")
    plan = extra.view.chart.plan
    assert plan is not None and [p.year for p in plan.points][-1] == 2023
    assert plan.title == "Bevölkerungsentwicklung 2000–2023: −19,5 %"
    words = extra.view.text.text()
    assert "von 2000 bis 2023 um 19,5 % gesunken" in words and "2020–2023: +3,4 %" in words
    assert extra.view.chart.accessibleDescription() == words


def test_about_is_in_the_hilfe_menu_and_shows_the_destatis_attribution(qtbot: Any) -> None:
    window = make_window(qtbot)
    help_menu = next(
        a.menu() for a in window.menuBar().actions() if a.text() == "&Hilfe" and a.menu()
    )
    about = next(a for a in help_menu.actions() if a.objectName() == "aktion:ueber")
    assert about.text() == "Ü&ber ZWK Desktop…" and about.isEnabled()
    [dialog] = modal_dialogs_while(about.trigger)
    assert dialog.parent() is window
    data = next(
        dialog.tree.topLevelItem(i).child(j)
        for i in range(dialog.tree.topLevelItemCount())
        for j in range(dialog.tree.topLevelItem(i).childCount())
        if dialog.tree.topLevelItem(i).child(j).text(0).startswith("Gemeindeverzeichnis")
    )
    dialog.tree.setCurrentItem(data)
    text = " ".join(dialog.text.toPlainText().split())
    assert "© Statistisches Bundesamt (Destatis)" in text
    assert "Datenlizenz Deutschland – Namensnennung – Version 2.0" in text
