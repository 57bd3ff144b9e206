"""Repeating groups: short ones as a table (one row per item), longer ones as a card per item;
add, remove and reorder with buttons or Strg+Umschalt+↑/↓. Year maps as one field per year."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from zwk_desktop.domain.paths import parse_path
from zwk_desktop.formspec.models import FormField
from zwk_desktop.ui.announce import announce
from zwk_desktop.ui.common import PATH_PROPERTY, clear_layout, counting, show_new, translate
from zwk_desktop.ui.pages.base import Editor, PageEnv, label_for
from zwk_desktop.ui.pages.fields import BoolEditor, NumberEditor, scalar_editor
from zwk_desktop.ui.pages.layout import FieldRows, Override, field_label
from zwk_desktop.ui.palette import tinted_icon

COMPACT_TYPES = frozenset(
    {"text", "int", "dec", "money", "date", "month", "bool", "choice", "email", "phone"}
)


def is_compact(f: FormField) -> bool:
    """A list whose items are a few short fields is shown as a table."""
    return (
        f.fixed_rows is None
        and len(f.fields) <= 4
        and all(
            c.type in COMPACT_TYPES and (c.max_length or 0) <= 200 and len(c.choices) <= 8
            for c in f.fields
        )
    )


def _tool(name: str, text: str, accessible: str, object_name: str) -> QToolButton:
    button = QToolButton()
    button.setIcon(tinted_icon(name))
    button.setText(text)
    button.setToolTip(accessible)
    button.setAccessibleName(accessible)
    button.setObjectName(object_name)
    button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    return button


class ListEditor(Editor):
    """The items of a list field, with add, remove and move."""

    def __init__(self, env: PageEnv, f: FormField, path: str, label: str) -> None:
        super().__init__(env, f, path, label)
        self.item_label = f.item_label or f.label
        self.fixed = f.fixed_rows is not None
        self.compact = is_compact(f)
        self.row_sets: list[FieldRows] = []
        self.owned: set[str] = set()
        """Paths of the editors this list created for its items (dropped on a rebuild)."""
        head = QHBoxLayout()
        self.title = QLabel(field_label(f))
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.08)
        self.title.setFont(font)
        self.title.setToolTip(f.help)
        self.title.setWordWrap(True)
        self.count = QLabel()
        head.addWidget(self.title, 1)
        head.addWidget(self.count)
        self.outer.addLayout(head)
        self.help = QLabel(f.help)
        self.help.setWordWrap(True)
        self.outer.addWidget(self.help)
        if "." not in path:  # a whole section is this list: the page shows title and intro
            self.title.hide()
            self.help.hide()
        self.host = QWidget()
        self.host.setObjectName(path)
        self.host.setProperty(PATH_PROPERTY, path)
        self.host.setAccessibleName(label)
        self.host.setAccessibleDescription(f.help)
        self.host_layout: QGridLayout | QVBoxLayout = (
            QGridLayout(self.host) if self.compact else QVBoxLayout(self.host)
        )
        self.host_layout.setContentsMargins(0, 0, 0, 0)
        self.outer.addWidget(self.host)
        self.add_button: QPushButton | None = None
        if not self.fixed:
            self.add_button = QPushButton(tinted_icon("hinzufuegen"), self.add_text())
            self.add_button.setObjectName(f"{path}:hinzufuegen")
            self.add_button.clicked.connect(self.add)
            row = QHBoxLayout()
            row.addWidget(self.add_button)
            row.addStretch(1)
            self.outer.addLayout(row)
            for keys, delta in (("Ctrl+Shift+Up", -1), ("Ctrl+Shift+Down", 1)):
                shortcut = QShortcut(QKeySequence(keys), self)
                shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                shortcut.activated.connect(lambda d=delta: self.move_focused(d))
        self.finish()

    def add_text(self) -> str:
        return translate("Lists", "{item} hinzufügen").format(item=self.item_label)

    # ----------------------------------------------------------------- building

    def refresh(self) -> None:
        self.rebuild()

    def rebuild(self) -> None:
        env = self.env
        for p in self.owned:
            env.editors.pop(p, None)
        before = set(env.editors)
        clear_layout(self.host_layout)
        self.row_sets.clear()
        n = self.session.item_count(self.path)
        if self.compact:
            self._build_table(n)
        else:
            for i in range(n):
                self.host_layout.addWidget(self._card(i))
        self.owned = set(env.editors) - before
        show_new(self.host_layout)
        self.host.setVisible(n > 0)
        if n == 0:
            self.count.setText(translate("Lists", "noch kein Eintrag"))
        else:
            self.count.setText(counting().entries(n))
        env.on_rebuilt()

    def item_title(self, i: int) -> str:
        if self.fixed:
            row_field = self.field.child(self.field.fixed_rows or "")
            code = self.session.get(f"{self.path}[{i}].{self.field.fixed_rows}")
            if row_field is not None and code in row_field.choice_labels:
                return f"{i + 1}. {row_field.choice_labels[code]}"
        return f"{self.item_label} {i + 1}"

    def child_override(self, i: int) -> Override | None:
        return None

    def _buttons(self, i: int, n: int, with_text: bool) -> list[QToolButton]:
        if self.fixed:
            return []
        title = self.item_title(i)
        base = f"{self.path}[{i}]"
        up = _tool(
            "nach-oben",
            translate("Lists", "Nach oben"),
            translate("Lists", "{item} nach oben verschieben (Strg+Umschalt+↑)").format(item=title),
            f"{base}:nach-oben",
        )
        down = _tool(
            "nach-unten",
            translate("Lists", "Nach unten"),
            translate("Lists", "{item} nach unten verschieben (Strg+Umschalt+↓)").format(
                item=title
            ),
            f"{base}:nach-unten",
        )
        remove = _tool(
            "entfernen",
            translate("Lists", "Entfernen"),
            translate("Lists", "{item} entfernen").format(item=title),
            f"{base}:entfernen",
        )
        up.setEnabled(i > 0)
        down.setEnabled(i < n - 1)
        up.clicked.connect(lambda: self.move_item(i, -1))
        down.clicked.connect(lambda: self.move_item(i, 1))
        remove.clicked.connect(lambda: self.remove(i))
        buttons = [up, down, remove]
        if with_text:
            for b in buttons:
                b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        return buttons

    def _card(self, i: int) -> QWidget:
        n = self.session.item_count(self.path)
        path = f"{self.path}[{i}]"
        card = ItemCard(self.env, self.field, path, self.item_title(i))
        head = QHBoxLayout()
        head.addWidget(card.title, 1)
        for b in self._buttons(i, n, with_text=False):  # icons: the card keeps narrow
            head.addWidget(b)
        card.frame_layout.insertLayout(0, head)
        grid = QGridLayout()
        card.frame_layout.insertLayout(1, grid)
        rows = FieldRows(
            self.env, grid, self.env.list_editor, YearMapEditor, self.child_override(i)
        )
        skip = {self.field.fixed_rows} if self.fixed else set()
        for child in self.field.fields:
            if child.id not in skip:
                rows.add_field(child, f"{path}.{child.id}", f"{card.title.text()}: ")
        self.row_sets.append(rows)
        card.finish()
        return card

    def _build_table(self, n: int) -> None:
        grid = self.host_layout
        assert isinstance(grid, QGridLayout)
        grid.setHorizontalSpacing(8)
        for c, child in enumerate(self.field.fields):
            head = QLabel(field_label(child))
            head.setWordWrap(True)  # a narrow column wraps its heading
            head.setToolTip(child.help)
            font = head.font()
            font.setBold(True)
            head.setFont(font)
            grid.addWidget(head, 0, c + 1)
            grid.setColumnStretch(c + 1, 3 if child.type == "text" else 1)
        for i in range(n):
            number = QLabel(f"{i + 1}.")
            number.setContentsMargins(0, 4, 0, 0)
            grid.addWidget(number, i + 1, 0, Qt.AlignmentFlag.AlignTop)
            title = self.item_title(i)
            for c, child in enumerate(self.field.fields):
                path = f"{self.path}[{i}].{child.id}"
                label = f"{title}: {child.label}"
                if child.type == "bool":
                    editor: Editor = BoolEditor(self.env, child, path, label, text="")
                else:
                    editor = scalar_editor(self.env, child, path, label)
                grid.addWidget(editor, i + 1, c + 1, Qt.AlignmentFlag.AlignTop)
            buttons = QHBoxLayout()
            for b in self._buttons(i, n, with_text=False):
                buttons.addWidget(b)
            grid.addLayout(buttons, i + 1, len(self.field.fields) + 1, Qt.AlignmentFlag.AlignTop)

    # ----------------------------------------------------------------- actions

    def add(self) -> None:
        index = self.session.add_item(self.path)
        self.focus_item(index)

    def focus_item(self, index: int, suffix: str = "") -> None:
        """Focus a widget of an item: the one named `suffix`, or its first input."""
        base = f"{self.path}[{index}]"
        target = self.host.findChild(QWidget, base + suffix) if suffix else None
        if target is None or not target.isEnabled():
            for p, editor in self.env.editors.items():
                if p.startswith(f"{base}.") and not isinstance(editor, ItemCard):
                    editor.focus_input()
                    return
        if target is not None:
            target.setFocus(Qt.FocusReason.OtherFocusReason)

    def _focused_item(self) -> tuple[int, str] | None:
        """The index of the item holding the focus and the rest of the focused widget's name."""
        w = QApplication.focusWidget()
        name = w.objectName() if w is not None else ""
        prefix = f"{self.path}["
        if not name.startswith(prefix):
            return None
        parts = parse_path(name[len(self.path) :].split(":")[0])
        if not parts or not isinstance(parts[0], int):
            return None
        rest = name[len(prefix) :].split("]", 1)[1]
        return parts[0], rest

    def move_focused(self, delta: int) -> None:
        focused = self._focused_item()
        if focused is not None:
            self.move_item(focused[0], delta, focused[1])

    def move_item(self, index: int, delta: int, suffix: str | None = None) -> None:
        to = index + delta
        if not 0 <= to < self.session.item_count(self.path):
            return
        if suffix is None:
            suffix = ":nach-oben" if delta < 0 else ":nach-unten"
        title = self.item_title(index)
        self.session.move_item(self.path, index, to)
        self.focus_item(to, suffix)
        n = self.session.item_count(self.path)
        announce(
            self,
            (
                translate("Lists", "„{item}“ nach oben verschoben, jetzt an Stelle {pos} von {n}.")
                if delta < 0
                else translate(
                    "Lists", "„{item}“ nach unten verschoben, jetzt an Stelle {pos} von {n}."
                )
            ).format(item=title, pos=to + 1, n=n),
        )

    def remove(self, index: int) -> None:
        item = self.session.get(f"{self.path}[{index}]")
        if item != self.session.new_item(self.path) and not self.confirm_remove(index):
            return
        title = self.item_title(index)
        self.session.remove_item(self.path, index)
        n = self.session.item_count(self.path)
        if n:
            self.focus_item(min(index, n - 1))
        elif self.add_button is not None:
            self.add_button.setFocus(Qt.FocusReason.OtherFocusReason)
        announce(
            self,
            translate("Lists", "„{item}“ entfernt, noch {entries}.").format(
                item=title, entries=counting().entries(n)
            ),
        )

    def confirm_remove(self, index: int) -> bool:
        title = self.item_title(index)
        answer = QMessageBox.question(
            self,
            translate("Lists", "Eintrag entfernen"),
            translate(
                "Lists",
                "„{item}“ mit allen Angaben entfernen? Das lässt sich nicht rückgängig machen.",
            ).format(item=title),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def focus_input(self) -> None:
        if self.session.item_count(self.path):
            self.focus_item(0)
        elif self.add_button is not None:
            self.add_button.setFocus(Qt.FocusReason.OtherFocusReason)


class ItemCard(Editor):
    """One item of a list shown as a framed card; holds the item's own findings."""

    def __init__(self, env: PageEnv, f: FormField, path: str, title: str) -> None:
        super().__init__(env, f, path, title)
        self.frame = QFrame()
        self.frame.setFrameShape(QFrame.Shape.StyledPanel)
        self.frame.setObjectName(f"{path}:karte")
        self.frame_layout = QVBoxLayout(self.frame)
        self.title = QLabel(title)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.outer.addWidget(self.frame)

    def finish(self) -> None:
        self.frame_layout.addWidget(self.feedback)

    def focus_input(self) -> None:
        for p, editor in self.env.editors.items():
            if p.startswith(f"{self.path}.") and editor is not self:
                editor.focus_input()
                return


class YearMapEditor(Editor):
    """A value per year of the funding period (years from the form's policy)."""

    def __init__(self, env: PageEnv, f: FormField, path: str, label: str) -> None:
        super().__init__(env, f, path, label)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        kind = f.item_type or "money"
        self.cells: list[NumberEditor] = []
        for year in env.session.spec.policy.year_keys:
            box = QVBoxLayout()
            caption = QLabel(year)
            cell = NumberEditor(env, f, f"{path}.{year}", f"{label} {year}", kind)
            label_for(caption, cell.input)  # heard as „Posten 1: Betrag 2022“, not „2022“
            box.addWidget(caption)
            box.addWidget(cell)
            row.addLayout(box)
            self.cells.append(cell)
        row.addStretch(1)
        self.outer.addLayout(row)
        self.finish()

    def focus_input(self) -> None:
        self.cells[0].focus_input()
