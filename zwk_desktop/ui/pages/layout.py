"""Laying out fields: label column and field column, groups as headings, lists as blocks.

`FieldRows` puts the fields of a section (or of a list item) into one grid, so that labels line
up across groups. Rows whose field has a condition are shown and hidden with it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QGridLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QScrollArea,
    QSpinBox,
    QWidget,
)

from zwk_desktop.domain.paths import template_path
from zwk_desktop.formspec.models import FormField
from zwk_desktop.ui.common import COLUMN_MAJOR, translate
from zwk_desktop.ui.pages.base import Editor, EditorFactory, PageEnv, label_for
from zwk_desktop.ui.pages.fields import ReadOnlyEditor, scalar_editor

LABEL_EMS = 17
"""Width of the label column in multiples of the font's height, where the page has room."""
LABEL_MIN_EMS = 8
"""The narrowest label column (labels wrap); the page's width decides in between."""
LABEL_SHARE = 0.3
"""The label column's share of the page's width."""


def label_width(page_width: int, em: int) -> int:
    """The width of the label column for a page this wide: a share of it, between
    `LABEL_MIN_EMS` and `LABEL_EMS` font heights, so that narrow windows keep room for the
    fields."""
    return max(em * LABEL_MIN_EMS, min(em * LABEL_EMS, int(page_width * LABEL_SHARE)))


def field_label(f: FormField) -> str:
    """The visible label: „*“ marks required fields, recommended ones say so."""
    if f.required and f.type != "bool":
        return f"{f.label} *"
    if f.recommended:
        return translate("Layout", "{label} (empfohlen)").format(label=f.label)
    return f.label


class GroupEditor(Editor):
    """A group of fields: its heading and its own findings (e.g. a recommended group left
    empty); the fields themselves are rows of the surrounding grid."""

    def __init__(self, env: PageEnv, f: FormField, path: str, label: str) -> None:
        super().__init__(env, f, path, label)
        self.title = QLabel(field_label(f))
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.08)
        self.title.setFont(font)
        self.title.setToolTip(f.help)
        self.title.setAccessibleDescription(f.help)
        self.title.setContentsMargins(0, 10, 0, 0)
        self.outer.addWidget(self.title)
        self.finish()

    def focus_input(self) -> None:
        for path, editor in self.env.editors.items():
            if path.startswith(f"{self.path}.") and editor.isVisibleTo(self.window()):
                editor.focus_input()
                return


@dataclass
class Row:
    path: str
    widgets: tuple[QWidget, ...]


Override = Callable[[FormField, str, str], Editor | None]
"""Builds a special editor for a field (field, path, label), or None for the usual one."""


class FieldRows:
    """Fields in a two-column grid: label | editor."""

    def __init__(
        self,
        env: PageEnv,
        grid: QGridLayout,
        list_factory: EditorFactory,
        year_map_factory: EditorFactory,
        override: Override | None = None,
    ) -> None:
        self.env = env
        self.grid = grid
        self.list_factory = list_factory
        self.year_map_factory = year_map_factory
        self.override = override
        self.rows: list[Row] = []
        grid.setColumnMinimumWidth(0, QFontMetrics(QApplication.font()).height() * LABEL_EMS)
        grid.setColumnStretch(1, 1)
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(10)

    def fit_labels(self, page_width: int) -> None:
        """Set the label column's width for a page this wide (see `label_width`)."""
        em = QFontMetrics(QApplication.font()).height()
        width = label_width(page_width, em)
        if self.grid.columnMinimumWidth(0) != width:
            self.grid.setColumnMinimumWidth(0, width)

    def add_widget(self, widget: QWidget, path: str = "") -> None:
        """A full-width row (an extra of the page, a list)."""
        r = self.grid.rowCount()
        self.grid.addWidget(widget, r, 0, 1, 2)
        if path:
            self.rows.append(Row(path, (widget,)))

    def add_fields(self, fields: tuple[FormField, ...], base: str, prefix: str = "") -> None:
        for f in fields:
            self.add_field(f, f"{base}.{f.id}", prefix)

    def add_field(self, f: FormField, path: str, prefix: str = "") -> None:
        if template_path(path) in self.env.claimed:
            return
        label = f"{prefix}{f.label}"
        r = self.grid.rowCount()
        special = self.override(f, path, label) if self.override is not None else None
        if f.type == "group":
            group = GroupEditor(self.env, f, path, label)
            self.grid.addWidget(group, r, 0, 1, 2)
            self.rows.append(Row(path, (group,)))
            # its fields are heard with the group („Koordination: Vorname“); session.visible()
            # checks the group too
            self.add_fields(f.fields, path, f"{label}: ")
            return
        if f.type == "list":
            self.add_widget(self.list_factory(self.env, f, path, label), path)
            return
        if special is not None:
            editor: Editor = special
        elif f.type == "year_map":
            editor = self.year_map_factory(self.env, f, path, label)
        else:
            editor = scalar_editor(self.env, f, path, label)
        if f.type == "bool":
            self.grid.addWidget(editor, r, 1)
            self.rows.append(Row(path, (editor,)))
            return
        # a value the program fills in is not marked as something to enter; the „*“ says
        # what a screen reader hears as „Pflichtfeld“ (the chosen file of an attachment)
        computed = isinstance(editor, ReadOnlyEditor) and not editor.required()
        title = QLabel(f.label if computed else field_label(f))
        title.setWordWrap(True)
        title.setToolTip(f.help)
        title.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        title.setContentsMargins(0, 4, 0, 0)
        # the input, or the group of a choice's options (never its first option: that one
        # would be heard by the field's label instead of its own text)
        buddy = editor.findChild(QWidget, path)
        if buddy is not None:
            label_for(title, buddy)
        self.grid.addWidget(title, r, 0, Qt.AlignmentFlag.AlignTop)
        self.grid.addWidget(editor, r, 1)
        self.rows.append(Row(path, (title, editor)))

    def update_visibility(self) -> None:
        session = self.env.session
        for row in self.rows:
            shown = session.visible(row.path)
            for w in row.widgets:
                if w.isHidden() == shown:
                    w.setVisible(shown)


# --------------------------------------------------------------------------- focus chain

TAB_STOP = "zwkTabStop"
"""Dynamic property: a widget of another kind that is a stop in the tab order (a row of the
„Prüfen“ page), followed by the controls inside it."""

_FOCUSABLE = (
    QLineEdit,
    QPlainTextEdit,
    QAbstractButton,
    QComboBox,
    QSpinBox,
    QAbstractItemView,
)


def focus_chain(root: QWidget) -> list[QWidget]:
    """The keyboard-focusable widgets below `root` in the order of their layouts (what the
    user sees top to bottom, left to right), for a logical tab order."""
    out: list[QWidget] = []

    def widget(w: QWidget) -> None:
        if isinstance(w, QScrollArea):
            inner = w.widget()
            if inner is not None:
                widget(inner)
            return
        # every option of a radio group keeps its place: only the selected one is a tab stop
        # at a time (see ChoiceEditor), and which one that is changes with the answer
        tab = w.focusPolicy() & Qt.FocusPolicy.TabFocus or isinstance(w, QRadioButton)
        if tab and (
            isinstance(w, _FOCUSABLE) or w.property(TAB_STOP) or w.layout() is None
        ):  # an input, a row marked as a stop, or a drawn widget that takes the focus (the chart)
            out.append(w)
            if isinstance(w, QAbstractItemView | QPlainTextEdit):
                return
        lay = w.layout()
        if lay is not None:
            layout(lay)

    def layout(lay: QLayout) -> None:
        if isinstance(lay, QGridLayout):
            cells: list[tuple[int, int, int]] = []
            for i in range(lay.count()):
                position: tuple[int, int, int, int] = lay.getItemPosition(i)  # type: ignore[assignment]  # the stubs say object
                row, column = position[0], position[1]
                cells.append((column, row, i) if lay.property(COLUMN_MAJOR) else (row, column, i))
            indices = [i for _, _, i in sorted(cells)]
        else:
            indices = list(range(lay.count()))
        for i in indices:
            item = lay.itemAt(i)
            if item is None:
                continue
            child_widget, child_layout = item.widget(), item.layout()
            if child_widget is not None:
                widget(child_widget)
            elif child_layout is not None:
                layout(child_layout)

    widget(root)
    return out


def chain_tab_order(widgets: list[QWidget]) -> None:
    for a, b in pairwise(widgets):
        QWidget.setTabOrder(a, b)
