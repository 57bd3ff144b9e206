"""Issue 14, items 4 and 6, from the other side of the bus: a value that assistive technology
sets into a field (voice control and screen readers set it through UI Automation's
ValuePattern or AT-SPI's EditableText; Qt ends both in QLineEdit.setText, without the
`textEdited` of a keystroke) is stored in the draft as typed text is, and what follows from it
(the budget's cap) is announced. Before, the text stood on screen while the draft kept the old
value, and the audit's budget check heard nothing."""

from __future__ import annotations

from typing import Any

from a11y_events import recording
from conftest import EXAMPLES
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QLineEdit, QWidget
from test_a11y_announce import go_to_section
from uitools import make_window, widget

from zwk_desktop.ui.window.main_window import MainWindow


def _set_through_accessibility(line: QLineEdit, text: str) -> None:
    """What AT-SPI's SetTextContents and UIA's ValuePattern.SetValue do in Qt."""
    iface = QAccessible.queryAccessibleInterface(line)
    assert iface is not None
    editable = iface.editableTextInterface()
    assert editable is not None
    editable.replaceText(0, len(line.text()), text)


def _opened(qtbot: Any) -> MainWindow:
    window = make_window(qtbot)
    window.open_example(EXAMPLES / "gemeinde-lindenhagen.zwk")
    return window


def test_text_set_through_the_accessibility_interface_is_stored(qtbot: Any) -> None:
    window = _opened(qtbot)
    session = window.session
    assert session is not None
    name = widget(window, "kommune.name")
    assert isinstance(name, QLineEdit)
    _set_through_accessibility(name, "Gemeinde Lindenhagen")
    assert session.get("kommune.name") == "Gemeinde Lindenhagen"
    # also through the value (UI Automation's ValuePattern.SetValue)
    iface = QAccessible.queryAccessibleInterface(name)
    assert iface is not None
    iface.setText(QAccessible.Text.Value, "Gemeinde Lindenhagen am See")
    assert session.get("kommune.name") == "Gemeinde Lindenhagen am See"
    # a number and a date are read as typed ones are
    population = widget(window, "kommune.einwohner")
    assert isinstance(population, QLineEdit)
    _set_through_accessibility(population, "12.345")
    assert session.get("kommune.einwohner") == 12345
    as_of = widget(window, "kommune.einwohner_stand")
    assert isinstance(as_of, QLineEdit)
    _set_through_accessibility(as_of, "31.12.2020")
    assert session.get("kommune.einwohner_stand") == "2020-12-31"


def test_the_program_filling_a_field_is_not_an_edit(qtbot: Any) -> None:
    """The program's own filling in (loading a value, tidying typed „12345“ to „12.345“,
    taking a stored value again) writes nothing: no entry in the change log."""
    window = _opened(qtbot)
    session = window.session
    assert session is not None
    population = widget(window, "kommune.einwohner")
    assert isinstance(population, QLineEdit)
    population.setFocus()
    _set_through_accessibility(population, "12345")
    assert session.get("kommune.einwohner") == 12345
    logged = session.history()
    assert logged[-1].new == 12345
    population.editingFinished.emit()  # tidies the text
    assert population.text() == "12.345"
    assert session.history() == logged
    session.set("kommune.einwohner", 12346)  # changed elsewhere: the field is refreshed
    assert population.text() == "12.346"
    assert session.get("kommune.einwohner") == 12346
    assert [c.new for c in session.history()[len(logged) - 1 :]] == [12346]


def test_an_amount_set_through_the_accessibility_interface_goes_over_the_cap(
    qtbot: Any,
) -> None:
    window = _opened(qtbot)
    session = window.session
    assert session is not None
    go_to_section(window, "finanzplan")
    amount = widget(window, "finanzplan.posten[0].betraege.2022")
    assert isinstance(amount, QLineEdit)
    with recording() as heard:
        _set_through_accessibility(amount, "900000")
        said = heard.announcements()
    assert session.get("finanzplan.posten[0].betraege.2022") == "900000.00"
    assert len(said) == 1 and said[0].startswith("Höchstgrenze 2022 um "), said
    assert "überschritten" in amount.accessibleDescription()


def test_the_focus_is_told_again_once_the_window_is_active_again(qtbot: Any) -> None:
    """After a confirmation („Eintrag entfernen? Ja“) or a visit to another window, the field
    with the focus is reported once more when the window's activation has been handled: Qt
    reports it while the window is still becoming active, and Orca then said only the
    window's title."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    window = _opened(qtbot)
    name = widget(window, "kommune.name")
    name.setFocus()
    other = QWidget()
    qtbot.addWidget(other)
    other.show()
    with qtbot.waitActive(other):
        other.activateWindow()
    marks: list[int] = []

    class AfterActivation(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.ActivationChange and window.isActiveWindow():
                QTimer.singleShot(0, lambda: marks.append(len(heard.events)))
            return False

    spy = AfterActivation()
    window.installEventFilter(spy)
    with recording() as heard:
        with qtbot.waitActive(window):
            window.activateWindow()
        qtbot.waitUntil(lambda: bool(marks))
        qtbot.wait(50)
    window.removeEventFilter(spy)
    about = heard.about(name, QAccessible.Event.Focus)
    focus = [i for i, e in enumerate(heard.events) if any(e is a for a in about)]
    assert focus and focus[-1] >= marks[0], (focus, marks)
