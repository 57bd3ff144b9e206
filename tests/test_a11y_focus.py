"""Issue 14, items 9 and 12 in-process: the focus order and what a screen reader is told about
pages (Qt's accessibility interfaces, as the AT-SPI bridge and Windows' UI Automation read
them), and the geometry at 200 %. The audit through the real bus is `make a11y-audit`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QCheckBox,
    QLabel,
    QScrollArea,
    QStackedWidget,
    QWidget,
)
from uitools import focused, key, make_window, shortcut

from zwk_desktop.ui.pages.page import SectionPage
from zwk_desktop.ui.window.editor import EditorView
from zwk_desktop.ui.window.main_window import MainWindow

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "gemeinde-lindenhagen.zwk"


def open_example(qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> tuple[MainWindow, EditorView]:
    from PySide6.QtWidgets import QFileDialog

    window = make_window(qtbot)
    window.resize(1280, 800)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(EXAMPLE), ""))
    shortcut(window, "Ctrl+O")
    qtbot.waitUntil(lambda: window.findChild(EditorView) is not None)
    editor = window.findChild(EditorView)
    assert editor is not None
    return window, editor


def spoken_name(w: QWidget) -> str:
    iface = QAccessible.queryAccessibleInterface(w)
    return iface.text(QAccessible.Text.Name).strip() if iface is not None else ""


def tab_round(editor: EditorView, limit: int = 400) -> list[QWidget]:
    """Tab once round from the section list; the stops in order."""
    editor.sections.setFocus(Qt.FocusReason.TabFocusReason)
    stops: list[QWidget] = []
    for _ in range(limit):
        current = focused()
        assert current is not None
        key(current, Qt.Key.Key_Tab)
        now = focused()
        if now is None or now is editor.sections or now in stops:
            break
        stops.append(now)
    return stops


def test_no_unnamed_focus_stops_and_the_chart_before_the_navigation(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    _window, editor = open_example(qtbot, monkeypatch)
    for index in range(editor.count + 1):
        editor.go_to(index)
        stops = tab_round(editor)
        assert stops, f"page {index}: Tab reaches nothing"
        for w in stops:
            assert not isinstance(w, QScrollArea | QStackedWidget), (index, w.objectName())
            assert spoken_name(w), (index, type(w).__name__, w.objectName())
            # nor does the focus enter an unnamed "layered pane" (a stacked widget) on its way
            iface = QAccessible.queryAccessibleInterface(w)
            while iface is not None and iface.isValid():
                assert not (
                    iface.role() == QAccessible.Role.LayeredPane
                    and not iface.text(QAccessible.Text.Name)
                ), (index, w.objectName())
                iface = iface.parent()
        # the page's own stops come before Zurück/Weiter
        if index == editor.count:
            continue  # the order on „Prüfen“ is item 5's (its rows and their controls)
        navigation = [
            stops.index(b) for b in (editor.back_button, editor.next_button) if b in stops
        ]
        page = editor.stack.currentWidget()
        inside = [i for i, w in enumerate(stops) if page.isAncestorOf(w)]
        assert inside and navigation and max(inside) < min(navigation), index


def test_the_notice_comes_before_the_page(qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    window, editor = open_example(qtbot, monkeypatch)
    window.notify("Ein Hinweis zum Test.", "info")
    close = window.findChild(QWidget, "notice.close")
    assert close is not None and close.isVisible()
    editor.go_to(0)
    stops = tab_round(editor)
    page = editor.stack.currentWidget()
    # the notice stands above the page: from the section list, Tab meets it before the fields
    first_field = next(i for i, w in enumerate(stops) if page.isAncestorOf(w))
    assert close in stops[:first_field]


def test_two_column_groups_tab_down_the_columns(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    _window, editor = open_example(qtbot, monkeypatch)
    index = next(i for i, s in enumerate(editor.spec.sections) if s.id == "voraussetzungen")
    editor.go_to(index)
    stops = tab_round(editor)
    boxes = [
        w
        for w in stops
        if isinstance(w, QCheckBox) and w.objectName().startswith("voraussetzungen.fachbereiche#")
    ]
    field = next(f for f in editor.spec.sections[index].fields if f.id == "fachbereiche")
    assert [b.objectName().split("#")[1] for b in boxes] == [c.code for c in field.choices]


def test_focused_widget_is_scrolled_into_view(qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    window, editor = open_example(qtbot, monkeypatch)
    window.resize(1000, 600)
    index = next(i for i, s in enumerate(editor.spec.sections) if s.id == "massnahmen")
    editor.go_to(index)
    page = editor.stack.currentWidget()
    assert isinstance(page, SectionPage)
    stops = tab_round(editor)
    for w in stops:
        if not page.isAncestorOf(w):
            continue
        w.setFocus(Qt.FocusReason.TabFocusReason)
        QApplication.processEvents()
        top = w.mapTo(page.viewport(), w.rect().topLeft()).y()
        assert (
            top >= 0
            and top + min(w.height(), page.viewport().height()) <= page.viewport().height() + 1
        ), w.objectName()


def test_focused_finding_on_the_review_page_is_scrolled_into_view(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window(qtbot)
    window.resize(1000, 600)
    window.new_draft()  # an empty draft: dozens of findings, a long page
    editor = window.findChild(EditorView)
    assert editor is not None
    editor.show_review()
    page = editor.stack.currentWidget()
    assert isinstance(page, QScrollArea)
    QApplication.processEvents()
    bar = page.verticalScrollBar()
    bar.setValue(bar.maximum())
    assert bar.maximum() > 0
    first = editor.review.first_row()
    assert first is not None
    editor.back_button.setFocus()
    key(editor.back_button, Qt.Key.Key_Backtab)  # back into the page from below
    first.setFocus(Qt.FocusReason.TabFocusReason)
    QApplication.processEvents()
    top = first.mapTo(page.viewport(), first.rect().topLeft()).y()
    assert 0 <= top < page.viewport().height()


def test_page_titles_are_headings_and_a_page_is_named_by_its_title(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    _window, editor = open_example(qtbot, monkeypatch)
    for index, section in enumerate(editor.spec.sections):
        editor.go_to(index)
        page = editor.stack.currentWidget()
        titles = [
            lab
            for lab in page.findChildren(QLabel)
            if (i := QAccessible.queryAccessibleInterface(lab)) is not None
            and i.role() == QAccessible.Role.Heading
            and section.title in i.text(QAccessible.Text.Name)
        ]
        assert titles, section.id
        # entering the page tells the section: a named grouping (a panel, which Orca and NVDA
        # say when the focus enters it), and an announcement when the page is shown
        iface = QAccessible.queryAccessibleInterface(page)
        assert iface.role() == QAccessible.Role.Grouping, section.id
        assert section.title in spoken_name(page), section.id


def test_help_panel_is_read_with_the_arrow_keys(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, editor = open_example(qtbot, monkeypatch)
    window.resize(1600, 900)
    if not editor.help.isVisible():
        editor.toggle_help()
    text = editor.help.text
    assert text.focusPolicy() & Qt.FocusPolicy.TabFocus
    text.setFocus()
    cursor_before = text.textCursor().position()
    key(text, Qt.Key.Key_Down)
    assert text.textCursor().position() != cursor_before
    stops = tab_round(editor)
    assert text in stops  # reachable by Tab, after the page and its navigation
    assert stops.index(text) > stops.index(editor.next_button)


# ----------------------------------------------------------------- item 12: 200 %


def _screen_rect() -> Any:
    screen = QGuiApplication.primaryScreen()
    return screen.availableGeometry()


@pytest.mark.parametrize("dialog_name", ["about", "export"])
def test_dialogs_fit_a_small_screen_with_buttons_visible(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch, dialog_name: str
) -> None:
    from PySide6.QtWidgets import QDialog, QPushButton

    window, _editor = open_example(qtbot, monkeypatch)
    avail = _screen_rect()
    shown: list[QDialog] = []

    def grab() -> None:
        dialogs = [
            w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()
        ]
        if dialogs:
            shown.append(dialogs[0])
            d = dialogs[0]
            frame = d.geometry()
            assert avail.contains(frame), (dialog_name, frame, avail)
            for b in d.findChildren(QPushButton):
                if b.isVisible():
                    top_left = b.mapTo(d, b.rect().topLeft())
                    assert (
                        d.rect().contains(top_left) and top_left.y() + b.height() <= d.height()
                    ), b.text()
            d.reject()

    from PySide6.QtCore import QTimer

    QTimer.singleShot(300, grab)
    if dialog_name == "about":
        window.menu_actions.help.trigger() if False else None
        from zwk_desktop.ui.dialogs.about import AboutDialog

        AboutDialog(window).exec()
    else:
        action = next(
            a
            for a in window.findChildren(type(window.menu_actions.save))
            if "xportieren" in a.text()
        )
        action.trigger()
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)


def test_budget_labels_are_not_clipped(qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    window, editor = open_example(qtbot, monkeypatch)
    window.resize(960, 540)  # 1920×1080 at 200 %
    index = next(i for i, s in enumerate(editor.spec.sections) if s.id == "finanzplan")
    editor.go_to(index)
    page = editor.stack.currentWidget()
    QApplication.processEvents()
    for lab in page.findChildren(QLabel):
        if lab.isVisible() and not lab.wordWrap() and lab.text() and "<" not in lab.text():
            need = lab.fontMetrics().horizontalAdvance(lab.text())
            assert lab.contentsRect().width() >= need, (lab.text(), lab.width(), need)


def test_no_page_scrolls_sideways_at_200_percent(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, editor = open_example(qtbot, monkeypatch)
    window.resize(960, 540)
    for index in range(editor.count + 1):
        editor.go_to(index)
        page = editor.stack.currentWidget()
        QApplication.processEvents()
        if isinstance(page, QAbstractScrollArea):
            bar = page.horizontalScrollBar()
            assert bar.maximum() == 0, (index, bar.maximum())
