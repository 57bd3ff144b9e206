"""What assistive technology gets from the form's widgets (issue 14): choice groups exposed as
groups, every input heard with its item and group, required fields marked, the Prüfen page in
one order, radio groups entered at their answer.

Qt's accessibility interfaces are what the AT-SPI bridge (Orca) and UI Automation (NVDA) read;
the tests query them for each widget found by its objectName. A label's buddy is reported as
the input's label relation, and a screen reader speaks that label's name instead of the
input's own (`spoken`)."""

from __future__ import annotations

from collections import Counter
from itertools import pairwise
from typing import Any

from conftest import EXAMPLES
from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget
from uitools import make_window

from zwk_desktop.domain.paths import template_path
from zwk_desktop.formspec.models import FormField
from zwk_desktop.ui.common import PATH_PROPERTY
from zwk_desktop.ui.window.main_window import MainWindow

EXAMPLE_NAMES = (
    "gemeinde-lindenhagen.zwk",
    "landkreis-hohenwald.zwk",
    "staedteverbund-oberes-tal.zwk",
)

NAME = QAccessible.Text.Name
DESCRIPTION = QAccessible.Text.Description


def iface(w: QWidget) -> QAccessibleInterface:
    found = QAccessible.queryAccessibleInterface(w)
    assert found is not None, w.objectName()
    return found


def spoken(w: QWidget) -> str:
    """The name a screen reader speaks for `w`: its labels' names where it has a label
    relation (they win), else its own accessible name."""
    a = iface(w)
    labels = a.relations(QAccessible.RelationFlag.Label)
    if labels:
        return " ".join(other.text(NAME) for other, _ in labels)
    return a.text(NAME)


def widget_named(window: QWidget, name: str) -> QWidget:
    found = window.findChild(QWidget, name)
    assert found is not None, name
    return found


def open_on(qtbot: Any, name: str) -> MainWindow:
    window = make_window(qtbot)
    window.open_example(EXAMPLES / name)
    return window


def pages(window: MainWindow) -> list[int]:
    editor = window.editor
    assert editor is not None
    return list(range(editor.count))


def field_of(window: MainWindow, name: str) -> FormField | None:
    session = window.session
    assert session is not None
    return session.spec.fields_by_path.get(template_path(name))


def inputs_on_page(window: MainWindow, index: int) -> list[QWidget]:
    """The focusable widgets of a page that edit a field (inputs and options)."""
    editor = window.editor
    assert editor is not None
    page = editor.page(index)
    out = []
    for w in page.findChildren(QWidget):
        path = w.property(PATH_PROPERTY)
        if not isinstance(path, str) or not path or not w.isVisibleTo(page):
            continue
        if w.focusPolicy() & w.focusPolicy().TabFocus and w.objectName().split("#")[0] == path:
            out.append(w)
    return out


# --------------------------------------------------------------------------- 1. choice groups


def test_choice_groups_are_groups_named_by_their_label_and_options_by_their_text(
    qtbot: Any,
) -> None:
    seen: set[str] = set()
    for example in EXAMPLE_NAMES:
        window = open_on(qtbot, example)
        editor = window.editor
        assert editor is not None
        for i in pages(window):
            editor.go_to(i)
            page = editor.page(i)
            for w in page.findChildren(QWidget):
                f = field_of(window, w.objectName())
                if f is None or f.type not in ("multi", "choice") or not w.isVisibleTo(page):
                    continue
                options = [
                    c
                    for c in w.findChildren(QWidget)
                    if "#" in c.objectName() and ":" not in c.objectName()
                ]
                if not options:
                    continue  # a combo box: a single input named by its label
                group = iface(w)
                assert group.role() == QAccessible.Role.Grouping, w.objectName()
                assert f.label in spoken(w), w.objectName()
                labels = dict((c.code, c.label) for c in f.choices)
                for option in options:
                    code = option.objectName().split("#")[1]
                    # the option's own text, not the group's label
                    assert spoken(option) == labels[code], (option.objectName(), spoken(option))
                if f.type == "multi":
                    seen.add(template_path(w.objectName()))
        window.close()
    assert len(seen) >= 7, seen  # every multiple-choice field of the form


# --------------------------------------------------------------------------- 2. item context


def context_parts(window: MainWindow, name: str) -> list[str]:
    """What the spoken name of the input `name` must contain: the number of every list item
    and the label of every group it sits in, and its own field's label."""
    session = window.session
    assert session is not None
    spec = session.spec
    path = name.split("#")[0]
    steps = path.split(".")
    parts: list[str] = []
    for n in range(2, len(steps) + 1):  # below the section
        step = steps[n - 1]
        if "[" in step:
            parts.append(str(int(step[step.index("[") + 1 : -1]) + 1))
        f = spec.fields_by_path.get(template_path(".".join(steps[:n])))
        if f is not None and f.type == "group" and n < len(steps):
            parts.append(f.label)
    field = spec.fields_by_path.get(template_path(path))
    if field is not None and field.type == "year_map":
        parts.append(steps[-1])  # a year's cell: „Posten 1: Betrag 2022“
    elif field is not None:
        parts.append(field.label)
    return parts


def test_every_input_is_heard_with_its_item_and_group_and_uniquely_on_its_page(
    qtbot: Any,
) -> None:
    drafts: list[str | None] = [*EXAMPLE_NAMES, None]  # None: a new draft
    for example in drafts:
        window = make_window(qtbot)
        if example is None:
            window.new_draft()
        else:
            window.open_example(EXAMPLES / example)
        editor = window.editor
        assert editor is not None
        for i in pages(window):
            editor.go_to(i)
            heard: Counter[str] = Counter()
            for w in inputs_on_page(window, i):
                if "#" in w.objectName():
                    continue  # an option: heard by its text inside its named group
                name = spoken(w)
                heard[name] += 1
                for part in context_parts(window, w.objectName()):
                    assert part in name, (example, w.objectName(), name, part)
            twice = {name: n for name, n in heard.items() if n > 1}
            assert twice == {}, (example, i, twice)
        window.close()


# --------------------------------------------------------------------------- 3. required


def exposes_required(w: QWidget) -> bool:
    """The required state where Qt has one (it has none up to 6.11), else „Pflichtfeld“ as the
    first line of the description, read right after the name."""
    a = iface(w)
    if getattr(a.state(), "required", False):
        return True
    return a.text(DESCRIPTION).split("\n")[0] == "Pflichtfeld"


def computed(window: MainWindow, w: QWidget) -> bool:
    """A value the program fills in and shows read-only (an attachment's hash and size)."""
    session = window.session
    assert session is not None
    layout = session.spec.attachments
    own = w.objectName().split("#")[0].rsplit(".", 1)[-1]
    return bool(getattr(w, "isReadOnly", lambda: False)()) and own in (layout.sha256, layout.size)


def visible_label(window: MainWindow, w: QWidget) -> str:
    labels = [label for label in window.findChildren(QLabel) if label.buddy() is w]
    assert len(labels) == 1, w.objectName()
    return labels[0].text()


def test_the_chosen_file_of_an_attachment_is_required_its_computed_values_are_not(
    qtbot: Any,
) -> None:
    """The file of an attachment is the user's to supply (through „Datei hinzufügen…“): it is
    said to be required like every other required input, although it is shown read-only; the
    hash and size the program computes are read-only displays and are not."""
    window = open_on(qtbot, "gemeinde-lindenhagen.zwk")
    session = window.session
    editor = window.editor
    assert session is not None and editor is not None
    layout = session.spec.attachments
    editor.go_to(next(i for i, s in enumerate(session.spec.sections) if s.id == layout.list))
    count = len(session.get(layout.list) or [])
    assert count >= 1
    for i in range(count):
        item = f"{layout.list}[{i}]"
        chosen = widget_named(window, f"{item}.{layout.file}")
        assert isinstance(chosen, QLineEdit) and chosen.isReadOnly()
        assert exposes_required(chosen), chosen.objectName()
        assert iface(chosen).text(DESCRIPTION).split("\n")[0] == "Pflichtfeld"
        assert visible_label(window, chosen).endswith(" *")  # what sighted users see
        for own in (layout.sha256, layout.size):
            shown = widget_named(window, f"{item}.{own}")
            assert isinstance(shown, QLineEdit) and shown.isReadOnly()
            assert not exposes_required(shown), shown.objectName()
            assert not visible_label(window, shown).endswith("*")
    window.close()


def test_every_required_input_exposes_required_and_no_other_does(qtbot: Any) -> None:
    required: set[str] = set()
    for example in (*EXAMPLE_NAMES, None):
        window = make_window(qtbot)
        if example is None:
            window.new_draft()
        else:
            window.open_example(EXAMPLES / example)
        editor = window.editor
        assert editor is not None
        for i in pages(window):
            editor.go_to(i)
            for w in inputs_on_page(window, i):
                f = field_of(window, w.objectName().split("#")[0])
                if f is None:
                    continue
                must = f.required and not computed(window, w)
                assert exposes_required(w) == must, (example, w.objectName())
                if must:
                    required.add(w.objectName().split("#")[0])
        window.close()
    assert len(required) > 100, len(required)


def test_required_is_said_in_english_too(qtbot: Any, qapp: Any) -> None:
    from PySide6.QtCore import QLocale

    from zwk_desktop.ui.window.application import install_translators

    installed = install_translators(qapp, "en")
    try:
        window = open_on(qtbot, "gemeinde-lindenhagen.zwk")
        name = window.findChild(QWidget, "kommune.name")
        assert name is not None
        assert iface(name).text(DESCRIPTION).split("\n")[0] == "Required"
        window.close()
    finally:
        for t in installed:
            qapp.removeTranslator(t)
        QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))


# --------------------------------------------------------------------------- 8. radio groups


def test_tab_enters_a_radio_group_at_its_answer_and_arrows_select(qtbot: Any) -> None:
    from PySide6.QtCore import Qt
    from uitools import focused, key

    window = open_on(qtbot, "gemeinde-lindenhagen.zwk")  # Raumtyp: Ländlich
    session = window.session
    assert session is not None
    before = window.findChild(QWidget, "kommune.strukturschwach#ja")
    assert before is not None
    before.setFocus()
    qtbot.waitUntil(lambda: focused() is before)

    def name() -> str:
        w = focused()
        return w.objectName() if w is not None else ""

    def press(k: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        w = focused()
        assert w is not None
        key(w, k, modifier)

    for _ in range(6):
        press(Qt.Key.Key_Tab)
        if name().startswith("kommune.raumtyp"):
            break
    assert name() == "kommune.raumtyp#laendlich"  # the answer, not the first option
    press(Qt.Key.Key_Space)
    assert session.get("kommune.raumtyp") == "laendlich"
    press(Qt.Key.Key_Right)
    assert name() == "kommune.raumtyp#gemischt"
    assert session.get("kommune.raumtyp") == "gemischt"
    press(Qt.Key.Key_Up)
    press(Qt.Key.Key_Up)
    assert name() == "kommune.raumtyp#staedtisch"
    assert session.get("kommune.raumtyp") == "staedtisch"
    press(Qt.Key.Key_Left)  # round to the last
    assert name() == "kommune.raumtyp#gemischt"
    # the group is one tab stop: Tab leaves it, Shift+Tab comes back to the answer
    press(Qt.Key.Key_Tab)
    assert not name().startswith("kommune.raumtyp")
    press(Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert name() == "kommune.raumtyp#gemischt"
    press(Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert name() == "kommune.strukturschwach#ja"  # the answer of the group before
    window.close()


# --------------------------------------------------------------------------- 5. Prüfen page


def test_review_page_walks_each_finding_then_its_acknowledgement(qtbot: Any) -> None:
    from PySide6.QtCore import Qt
    from uitools import focused, key, shortcut

    window = open_on(qtbot, "staedteverbund-oberes-tal.zwk")  # four warnings
    session = window.session
    editor = window.editor
    assert session is not None and editor is not None
    session.check()
    shortcut(window, "F8")
    review = editor.review
    qtbot.waitUntil(lambda: focused() is review.first_row())
    rows = review.rows
    assert sum(row.ack is not None for row in rows) >= 2
    expected: list[str] = []
    for i, row in enumerate(rows):
        expected.append(f"befund:{i}")
        if row.ack is not None:
            expected += [f"befund:{i}:bestaetigen", f"befund:{i}:begruendung"]
    walked = []
    for _ in range(len(expected) + 5):
        w = focused()
        if w is None or not review.isAncestorOf(w):
            break
        walked.append(w.objectName())
        key(w, Qt.Key.Key_Tab)
    assert walked == expected
    # every stop is heard with its finding's place, so each name is unique on the page
    heard = Counter(spoken(widget_named(window, name)) for name in walked)
    assert max(heard.values()) == 1, heard
    # Shift+Tab walks back the same way
    after = focused()
    assert after is not None
    key(after, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    back = focused()
    assert back is not None and back.objectName() == expected[-1]

    # each row is a list item of a list, with an action that opens the finding's field
    assert iface(review.list).role() == QAccessible.Role.List
    assert iface(review.list).text(NAME) == "Meldungen der Prüfung"
    for row in rows:
        a = iface(row)
        assert a.role() == QAccessible.Role.ListItem
        assert a.parent().role() == QAccessible.Role.List
        assert a.text(NAME).split(":")[0] in ("Fehler", "Hinweis", "Information")
    target = rows[-1]
    actions = iface(target).actionInterface()
    assert actions is not None and "Press" in actions.actionNames()
    with qtbot.waitSignal(review.open_finding) as opened:
        actions.doAction("Press")
    assert opened.args == [target.finding]
    window.close()


def test_review_tab_order_follows_the_reading_order_of_a_long_scrolling_list(
    qtbot: Any,
) -> None:
    """A new draft has about a hundred findings: Tab scrolls the page, and each stop is below
    (or on the same line, right of) the one before in the page's own coordinates."""
    from PySide6.QtCore import QPoint, Qt
    from uitools import focused, key, shortcut

    window = make_window(qtbot)
    window.new_draft()
    window.resize(1100, 700)
    window.show()
    editor = window.editor
    assert editor is not None
    shortcut(window, "F8")
    review = editor.review
    qtbot.waitUntil(lambda: focused() is review.first_row())
    rows = review.rows
    assert len(rows) > 30 and any(row.ack is not None for row in rows)
    expected: list[str] = []
    for i, row in enumerate(rows):
        expected.append(f"befund:{i}")
        if row.ack is not None:
            expected += [f"befund:{i}:bestaetigen", f"befund:{i}:begruendung"]
    content = review.widget()
    walked: list[tuple[str, int, int, int]] = []
    for _ in range(len(expected) + 5):
        w = focused()
        if w is None or not review.isAncestorOf(w):
            break
        at = w.mapTo(content, QPoint(0, 0))
        walked.append((w.objectName(), at.x(), at.y(), w.height()))
        key(w, Qt.Key.Key_Tab)
    assert [name for name, *_ in walked] == expected
    assert review.verticalScrollBar().value() > 0  # the list scrolled along
    for (a, ax, ay, ah), (b, bx, by, _bh) in pairwise(walked):
        same_line = abs(by - ay) < max(8, ah // 2)
        assert (bx > ax) if same_line else (by > ay), (a, b)
    window.close()
