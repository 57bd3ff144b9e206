"""One editor per field type of the form, built from the field's definition.

Every editor writes to the `EditSession` as the user types (`session.set`), shows a character
counter immediately where the field has a length limit, and shows the findings of the last
(debounced) check below its input, in words. The input widget's objectName is the field path,
its accessibleName the German label and its accessibleDescription the help text.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSizePolicy,
)

from zwk_desktop.editing import entry
from zwk_desktop.formspec.models import FormField
from zwk_desktop.ui.common import COLUMN_MAJOR, PATH_PROPERTY, counting, translate
from zwk_desktop.ui.input_rules import store_set_text
from zwk_desktop.ui.pages.base import Editor, PageEnv
from zwk_desktop.ui.pages.flow import FlowLayout, check_row
from zwk_desktop.ui.pages.pickers import DatePicker, MonthPicker
from zwk_desktop.ui.palette import severity_hex


def problem_text(expected: str) -> str:
    return {
        "int": translate("Fields", "Bitte geben Sie eine ganze Zahl ein, z. B. 1.200."),
        "dec": translate("Fields", "Bitte geben Sie eine Zahl ein, z. B. 1.234,5."),
        "money": translate(
            "Fields", "Bitte geben Sie einen Betrag in Euro ein, z. B. 1.500,00 (ohne €-Zeichen)."
        ),
        "date": translate(
            "Fields", "Bitte geben Sie ein Datum im Format TT.MM.JJJJ ein, z. B. 20.07.2021."
        ),
        "month": translate(
            "Fields", "Bitte geben Sie Monat und Jahr im Format MM.JJJJ ein, z. B. 09.2021."
        ),
    }[expected]


class TextEditor(Editor):
    """One line of text (also e-mail and phone), with a counter when the length is limited.
    A field with `default_from` offers its suggestion (e.g. the signatory's name) while empty."""

    def __init__(self, env: PageEnv, f: FormField, path: str, label: str) -> None:
        super().__init__(env, f, path, label)
        self.input = QLineEdit()
        self.setup_input(self.input)
        if f.placeholder:
            self.input.setPlaceholderText(f.placeholder)
        self.outer.addWidget(self.input)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        self.suggest: QPushButton | None = None
        if f.default_from:
            self.suggest = QPushButton()
            self.suggest.setObjectName(f"{path}:vorschlag")
            self.suggest.clicked.connect(self._take_suggestion)
            row.addWidget(self.suggest)
        row.addStretch(1)
        self.counter = Counter(f, path) if f.max_length or f.min_length else None
        if self.counter is not None:
            row.addWidget(self.counter)
        self.outer.addLayout(row)
        self.input.textEdited.connect(self.write)
        store_set_text(self.input, self.write, lambda: self._loading)
        self.input.textChanged.connect(self._count)
        self.finish()

    def _count(self, text: str) -> None:
        if self.counter is not None:
            self.counter.update_count(len(text))
        self._offer()

    def _offer(self) -> None:
        if self.suggest is None:
            return
        text = self.session.suggestion(self.path) if not self.input.text() else None
        if text:
            self.suggest.setText(
                translate("Fields", "Vorschlag übernehmen: {text}").format(text=text)
            )
            self.suggest.setAccessibleName(
                translate("Fields", "Vorschlag für {label} übernehmen: {text}").format(
                    label=self.label_text, text=text
                )
            )
        self.suggest.setVisible(bool(text))

    def _take_suggestion(self) -> None:
        text = self.session.suggestion(self.path)
        if text:
            self.input.setText(text)
            self.write(text)
            self.input.setFocus(Qt.FocusReason.OtherFocusReason)

    def showEvent(self, event: QShowEvent) -> None:
        self._offer()  # the fields it is taken from may have changed on another page
        super().showEvent(event)

    def refresh(self) -> None:
        value = self.session.get(self.path)
        text = "" if value is None else str(value)
        if text != self.input.text():
            self._loading = True
            self.input.setText(text)
            self._loading = False
        self._count(self.input.text())

    def focus_input(self) -> None:
        self.input.setFocus(Qt.FocusReason.OtherFocusReason)


class LongTextEditor(Editor):
    """Multi-line text with a counter; Tab moves on to the next field."""

    def __init__(self, env: PageEnv, f: FormField, path: str, label: str) -> None:
        super().__init__(env, f, path, label)
        self.input = QPlainTextEdit()
        self.setup_input(self.input)
        self.input.setTabChangesFocus(True)
        lines = 4 if (f.max_length or 1000) <= 800 else 6
        height = self.input.fontMetrics().lineSpacing() * lines + 14
        self.input.setMinimumHeight(height)
        self.input.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.input.setFixedHeight(height)
        if f.placeholder:
            self.input.setPlaceholderText(f.placeholder)
        self.outer.addWidget(self.input)
        self.counter = Counter(f, path)
        self.outer.addWidget(self.counter)
        self.input.textChanged.connect(self._changed)
        self.finish()

    def _changed(self) -> None:
        text = self.input.toPlainText()
        self.counter.update_count(len(text))
        self.write(text)

    def refresh(self) -> None:
        value = self.session.get(self.path)
        text = "" if value is None else str(value)
        if text != self.input.toPlainText():
            self._loading = True
            self.input.setPlainText(text)
            self._loading = False
        self.counter.update_count(len(text))

    def focus_input(self) -> None:
        self.input.setFocus(Qt.FocusReason.OtherFocusReason)


class Counter(QLabel):
    """„120 / 1.500 Zeichen“, updated on every keystroke; above the limit in words."""

    def __init__(self, f: FormField, path: str) -> None:
        super().__init__()
        self.setObjectName(f"{path}:zaehler")
        self.max = f.max_length
        self.min = f.min_length
        self.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)  # a narrow column wraps the count instead of cutting it off
        font = self.font()
        font.setPointSizeF(font.pointSizeF() * 0.9)
        self.setFont(font)
        self._state = ""

    def update_count(self, n: int) -> None:
        count = entry.show_int(n)
        if self.max is not None and n > self.max:
            state = "over"
            text = (
                counting()
                .characters_over(n - self.max)
                .format(n=count, max=entry.show_int(self.max))
            )
        elif self.min is not None and 0 < n < self.min:
            state = "under"
            text = counting().characters(n) + counting().characters_missing(self.min - n).format(
                min=entry.show_int(self.min)
            )
            if self.max is not None:
                text += translate("Fields", " (höchstens {max})").format(
                    max=entry.show_int(self.max)
                )
        elif self.max is not None:
            state = ""
            text = translate("Fields", "{n} / {max} Zeichen").format(
                n=count, max=entry.show_int(self.max)
            )
        else:
            state = ""
            text = counting().characters(n)
        self.setText(text)
        if state != self._state:
            self._state = state
            colour = severity_hex("error") if state == "over" else ""
            self.setStyleSheet(f"color: {colour}; font-weight: bold;" if colour else "")


class ReadEditor(Editor):
    """A one-line field whose text is read into a value (numbers, money, dates, months).
    Text that cannot be read is stored as typed, and said so below the field."""

    input: QLineEdit

    def parse(self, text: str) -> entry.Entry:
        raise NotImplementedError

    def display(self, value: Any) -> str:
        raise NotImplementedError

    def connect_input(self) -> None:
        self.input.textEdited.connect(self._edited)
        store_set_text(self.input, self._edited, lambda: self._loading)
        self.input.editingFinished.connect(self._tidy)

    def _edited(self, text: str) -> None:
        self.write(self.parse(text).value)

    def _tidy(self) -> None:
        parsed = self.parse(self.input.text())
        if parsed.ok and parsed.value is not None:
            self.input.setText(self.display(parsed.value))

    def refresh(self) -> None:
        value = self.session.get(self.path)
        if self.parse(self.input.text()).value != value or value is None:
            self._loading = True
            self.input.setText(self.display(value))
            self._loading = False

    def local_problem(self) -> str | None:
        parsed = self.parse(self.input.text())
        return problem_text(parsed.problem) if parsed.problem else None

    def focus_input(self) -> None:
        self.input.setFocus(Qt.FocusReason.OtherFocusReason)


class NumberEditor(ReadEditor):
    """Integers, decimals and money with German input (1.234,56); money with a € sign beside."""

    def __init__(self, env: PageEnv, f: FormField, path: str, label: str, kind: str) -> None:
        super().__init__(env, f, path, label)
        self.kind = kind
        self.input = QLineEdit()
        self.setup_input(self.input)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.input)
        digits = 12 if kind == "money" else 10
        self.input.setMaximumWidth(self.input.fontMetrics().horizontalAdvance("0") * digits + 24)
        self.input.setAlignment(Qt.AlignmentFlag.AlignRight)
        if kind == "money":
            euro = QLabel("€")
            euro.setAccessibleName(translate("Fields", "Euro"))
            row.addWidget(euro)
        row.addStretch(1)
        self.outer.addLayout(row)
        self.connect_input()
        self.finish()

    def parse(self, text: str) -> entry.Entry:
        return {"int": entry.parse_int, "dec": entry.parse_dec, "money": entry.parse_money}[
            self.kind
        ](text)

    def display(self, value: Any) -> str:
        if self.kind == "int":
            return entry.show_int(value, self.field.grouping)
        if self.kind == "dec":
            return entry.show_dec(value)
        return entry.show_money(value)


class DateEditor(ReadEditor):
    """A date (TT.MM.JJJJ) or a month (MM.JJJJ), typed or picked from a calendar."""

    def __init__(self, env: PageEnv, f: FormField, path: str, label: str) -> None:
        super().__init__(env, f, path, label)
        self.month = f.type == "month"
        picker = MonthPicker(label) if self.month else DatePicker(label)
        self.picker = picker
        self.input = picker.input
        self.setup_input(self.input)
        self.outer.addWidget(picker)
        self.connect_input()
        picker.picked.connect(self._picked)
        self.finish()

    def parse(self, text: str) -> entry.Entry:
        return entry.parse_month(text) if self.month else entry.parse_date(text)

    def display(self, value: Any) -> str:
        return entry.show_month(value) if self.month else entry.show_date(value)

    def _picked(self, iso: str) -> None:
        self.input.setText(self.display(iso))
        self.write(iso)

    def refresh(self) -> None:
        super().refresh()
        value = self.session.get(self.path)
        self.picker.current = value if isinstance(value, str) else None


class BoolEditor(Editor):
    """A check box whose text is the field's label (declarations are whole sentences); in a
    table the column heading says it and the box has no text."""

    def __init__(
        self, env: PageEnv, f: FormField, path: str, label: str, text: str | None = None
    ) -> None:
        super().__init__(env, f, path, label)
        self.input = QCheckBox()
        self.setup_input(self.input)
        shown = f.label if text is None else text
        # heard with the item and group it belongs to („Konzept 1: Beschlossen“)
        context = label[: -len(f.label)] if label.endswith(f.label) else ""
        # the text wraps at the width of the page (declarations are whole sentences)
        if shown:
            self.outer.addWidget(check_row(self.input, shown, context + shown))
        else:
            self.outer.addWidget(self.input)
        self.input.toggled.connect(self.write)
        self.finish()

    def refresh(self) -> None:
        self._loading = True
        self.input.setChecked(self.session.get(self.path) is True)
        self._loading = False

    def focus_input(self) -> None:
        self.input.setFocus(Qt.FocusReason.OtherFocusReason)


def option_group() -> QGroupBox:
    """The box around the options of a choice or multiple-choice field. Assistive technology
    sees a group (role grouping) named after the field, so that each option is heard by its own
    text inside its group; the field's label beside it labels the group, not the first option.
    It draws nothing: the label in the left column is the visible title."""
    box = QGroupBox()
    box.setFlat(True)
    box.setStyleSheet("QGroupBox { border: none; margin: 0; padding: 0; }")
    box.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return box


class ChoiceCombo(QComboBox):
    """The combo box of a choice field. Its first entry, „Bitte auswählen“, stands for „nothing
    chosen“: the popup (Alt+↓) always opens on the current entry, and the first ↓ goes to the
    first choice, never past it. Choosing „Bitte auswählen“ again clears the field."""

    def __init__(self, f: FormField) -> None:
        super().__init__()
        self.addItem(translate("Fields", "Bitte auswählen"), None)
        none = self.model().index(0, 0)
        self.model().setData(none, self.palette().placeholderText(), Qt.ItemDataRole.ForegroundRole)
        for choice in f.choices:
            self.addItem(choice.label, choice.code)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.setMinimumContentsLength(12)

    def code(self) -> str | None:
        """The chosen code; None while „Bitte auswählen“ is current."""
        data = self.currentData()
        return data if isinstance(data, str) else None

    def set_code(self, code: str | None) -> None:
        index = self.findData(code) if code is not None else 0
        self.setCurrentIndex(max(0, index))


_ARROWS = {
    Qt.Key.Key_Left: -1,
    Qt.Key.Key_Up: -1,
    Qt.Key.Key_Right: 1,
    Qt.Key.Key_Down: 1,
}


class ChoiceEditor(Editor):
    """Up to four choices as radio buttons, more in a combo box.

    The radio buttons behave as on Windows: the group is one tab stop, entered at the selected
    option (at the first while none is), and the arrow keys select the previous or next option.
    So Tab never lands on an unselected option where Space would change the answer unnoticed."""

    RADIO_LIMIT = 4

    def __init__(self, env: PageEnv, f: FormField, path: str, label: str) -> None:
        super().__init__(env, f, path, label)
        self.codes = f.choice_codes
        self.combo: ChoiceCombo | None = None
        self.buttons: QButtonGroup | None = None
        if len(f.choices) <= self.RADIO_LIMIT:
            box = option_group()
            self.setup_input(box)
            row = FlowLayout(box)  # the options wrap to a new line rather than leave the page
            self.buttons = QButtonGroup(self)
            for i, choice in enumerate(f.choices):
                button = QRadioButton(choice.label)
                button.setObjectName(f"{path}#{choice.code}")
                button.setProperty(PATH_PROPERTY, path)
                button.setAccessibleDescription(self.description())
                button.setToolTip(f.help)
                button.installEventFilter(self)
                self.buttons.addButton(button, i)
                row.addWidget(button)
            self.buttons.idToggled.connect(self._toggled)
            self._rove()
            self.outer.addWidget(box)
            self.box = box
        else:
            self.combo = ChoiceCombo(f)
            self.setup_input(self.combo)
            self.combo.currentIndexChanged.connect(self._index)
            line = QHBoxLayout()
            line.addWidget(self.combo)
            line.addStretch(1)
            self.outer.addLayout(line)
        self.finish()

    def _toggled(self, index: int, checked: bool) -> None:
        self._rove()
        if checked:
            self.write(self.codes[index])

    def _rove(self) -> None:
        """Only the selected option (or the first, while none is) is a tab stop."""
        if self.buttons is None:
            return
        buttons = self.buttons.buttons()
        stop = self.buttons.checkedButton() or buttons[0]
        for button in buttons:
            tab = button is stop
            policy = Qt.FocusPolicy.StrongFocus if tab else Qt.FocusPolicy.ClickFocus
            if button.focusPolicy() != policy:
                button.setFocusPolicy(policy)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            self.buttons is not None
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in _ARROWS
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            and watched in self.buttons.buttons()
        ):
            buttons = self.buttons.buttons()
            step = _ARROWS[Qt.Key(event.key())]
            target = buttons[(buttons.index(watched) + step) % len(buttons)]
            target.setFocus(Qt.FocusReason.TabFocusReason)
            target.click()  # selects it: the answer changes with the option heard
            return True
        return super().eventFilter(watched, event)

    def _index(self, index: int) -> None:
        if self.combo is not None:
            self.write(self.combo.code())

    def refresh(self) -> None:
        value = self.session.get(self.path)
        index = self.codes.index(value) if value in self.codes else -1
        self._loading = True
        if self.combo is not None:
            self.combo.set_code(value if index >= 0 else None)
        elif self.buttons is not None:
            self.buttons.setExclusive(False)
            for i, button in enumerate(self.buttons.buttons()):
                button.setChecked(i == index)
            self.buttons.setExclusive(True)
            self._rove()
        self._loading = False

    def focus_input(self) -> None:
        if self.combo is not None:
            self.combo.setFocus(Qt.FocusReason.OtherFocusReason)
        elif self.buttons is not None:
            checked = self.buttons.checkedButton() or self.buttons.buttons()[0]
            checked.setFocus(Qt.FocusReason.OtherFocusReason)


class MultiEditor(Editor):
    """A group of check boxes, in two columns when there are many. The stored list keeps the
    order in which the boxes were ticked."""

    def __init__(self, env: PageEnv, f: FormField, path: str, label: str) -> None:
        super().__init__(env, f, path, label)
        box = option_group()
        self.setup_input(box)
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(24)
        grid.setProperty(COLUMN_MAJOR, True)  # Tab goes down the columns, as they are read
        columns = 2 if len(f.choices) > 6 else 1
        rows = (len(f.choices) + columns - 1) // columns
        self.boxes: list[QCheckBox] = []
        for i, choice in enumerate(f.choices):
            check = QCheckBox()
            check.setObjectName(f"{path}#{choice.code}")
            check.setProperty(PATH_PROPERTY, path)
            check.setAccessibleDescription(self.description())
            check.setToolTip(f.help)
            check.toggled.connect(lambda on, code=choice.code: self._toggled(code, on))
            # down the columns, in choice order; the texts wrap within their column
            grid.addWidget(check_row(check, choice.label), i % rows, i // rows)
            self.boxes.append(check)
        for column in range(columns):
            grid.setColumnStretch(column, 1)
        self.outer.addWidget(box)
        self.box = box
        self.finish()

    def _toggled(self, code: str, on: bool) -> None:
        # the codes stay in the order they were ticked in
        value = self.session.get(self.path)
        codes = [c for c in value if c != code] if isinstance(value, list) else []
        if on:
            codes.append(code)
        self.write(codes or None)

    def refresh(self) -> None:
        value = self.session.get(self.path)
        chosen = set(value) if isinstance(value, list) else set()
        self._loading = True
        for code, box in zip(self.field.choice_codes, self.boxes, strict=True):
            box.setChecked(code in chosen)
        self._loading = False

    def focus_input(self) -> None:
        self.boxes[0].setFocus(Qt.FocusReason.OtherFocusReason)


class ReadOnlyEditor(Editor):
    """A value shown, not typed: one the program computes (hash, size of an attachment) or one
    the user supplies another way (the file chosen for an attachment, `supplied`: then it is
    required like any input the user must fill in, and says so)."""

    def __init__(
        self,
        env: PageEnv,
        f: FormField,
        path: str,
        label: str,
        show: Callable[[Any], str],
        supplied: bool = False,
    ) -> None:
        self.supplied = supplied
        super().__init__(env, f, path, label)
        self.show_value = show
        self.input = QLineEdit()
        self.setup_input(self.input)
        self.input.setReadOnly(True)
        self.input.setFrame(False)
        self.input.setStyleSheet("QLineEdit { background: transparent; }")
        self.outer.addWidget(self.input)
        self.finish()

    def refresh(self) -> None:
        value = self.session.get(self.path)
        self.input.setText("" if value is None else self.show_value(value))
        self.input.setCursorPosition(0)

    def required(self) -> bool:
        # a computed value is nothing the user can supply; the chosen file is
        return self.supplied and super().required()

    def focus_input(self) -> None:
        self.input.setFocus(Qt.FocusReason.OtherFocusReason)


def scalar_editor(env: PageEnv, f: FormField, path: str, label: str) -> Editor:
    """The editor for a field of a scalar type."""
    t = f.type
    if t in ("text", "email", "phone"):
        return TextEditor(env, f, path, label)
    if t == "long":
        return LongTextEditor(env, f, path, label)
    if t in ("int", "dec", "money"):
        return NumberEditor(env, f, path, label, t)
    if t in ("date", "month"):
        return DateEditor(env, f, path, label)
    if t == "bool":
        return BoolEditor(env, f, path, label)
    if t == "choice":
        return ChoiceEditor(env, f, path, label)
    if t == "multi":
        return MultiEditor(env, f, path, label)
    raise ValueError(f"no scalar editor for type {t}")
