"""„Zusammenführen“: the conflicts of a merge, one group per field, decided by the user.

Each conflict shows the field's section and label and three values side by side – „Ihr Stand“,
„eingegangener Stand“, „ursprünglich“ – as radio buttons (arrow keys choose within a conflict,
Tab goes to the next one); a field that takes typed values also offers „eigener Wert“. Every
button names its value for a screen reader. Nothing is lost whatever is chosen: the states
before the merge are versions („Versionen…“). „Später entscheiden“ keeps the conflicts with the
draft; the dialog comes back when it is opened again (or from the menu).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from zwk_desktop.domain.lineage import concrete_path, item_lists
from zwk_desktop.domain.merge import Conflict, PendingMerge, Side
from zwk_desktop.editing import entry
from zwk_desktop.editing.session import EditSession
from zwk_desktop.services.collab_text import conflict_label, conflict_values
from zwk_desktop.ui.common import service_text, translate

TYPED = {
    "text": None,
    "long": None,
    "email": None,
    "phone": None,
    "int": (entry.parse_int, entry.show_int),
    "dec": (entry.parse_dec, entry.show_dec),
    "money": (entry.parse_money, entry.show_money),
    "date": (entry.parse_date, entry.show_date),
    "month": (entry.parse_month, entry.show_month),
}
"""Field types that take a typed value of one's own, with their German reading and showing."""

SIDES: tuple[tuple[Side, str], ...] = (
    ("ours", "ihr"),
    ("theirs", "eingegangen"),
    ("base", "ursprung"),
)


def side_title(side: Side) -> str:
    return {
        "ours": translate("MergeDialog", "Ihr Stand"),
        "theirs": translate("MergeDialog", "Eingegangener Stand"),
        "base": translate("MergeDialog", "Ursprünglich"),
    }[side]


class ConflictBox(QGroupBox):
    """One conflict: where, the three values side by side, and the choice."""

    def __init__(self, session: EditSession, conflict: Conflict, index: int, total: int) -> None:
        self.session = session
        self.conflict = conflict
        spec = session.spec
        path = _place(session, conflict)
        self.path = path
        label = service_text(conflict_label(spec, conflict, path))
        super().__init__(translate("MergeDialog", "{n}. {place}").format(n=index + 1, place=label))
        self.setObjectName(f"konflikt:{index}")
        texts = dict(zip(("ours", "theirs", "base"), _values(session, conflict, path),
                         strict=True))  # fmt: skip
        where = translate("MergeDialog", "Konflikt {n} von {total}: {place}").format(
            n=index + 1, total=total, place=label
        )
        self.setAccessibleName(where)
        described = "; ".join(f"{side_title(s)}: {texts[s]}" for s, _ in SIDES)
        self.setAccessibleDescription(described)
        grid = QGridLayout(self)
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}
        for column, (side, name) in enumerate(SIDES):
            button = QRadioButton(side_title(side))
            button.setObjectName(f"konflikt:{index}:{name}")
            button.setAccessibleName(f"{side_title(side)}: {texts[side]}")
            button.setAccessibleDescription(where)
            value = QLabel(texts[side])
            value.setObjectName(f"konflikt:{index}:{name}:wert")
            value.setWordWrap(True)
            value.setTextFormat(Qt.TextFormat.PlainText)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            value.setToolTip(texts[side])
            grid.addWidget(button, 0, column)
            grid.addWidget(value, 1, column)
            grid.setColumnStretch(column, 1)
            self.group.addButton(button)
            self.buttons[side] = button
        self.own: QLineEdit | None = None
        self._typed = _typed(session, conflict, path)
        if self._typed is not None:
            button = QRadioButton(translate("MergeDialog", "Eigener Wert"))
            button.setObjectName(f"konflikt:{index}:eigener")
            button.setAccessibleName(translate("MergeDialog", "Eigener Wert"))
            self.own = QLineEdit(self._typed[1](conflict.ours))
            self.own.setObjectName(f"konflikt:{index}:wert")
            self.own.setAccessibleName(
                translate("MergeDialog", "Eigener Wert für {place}").format(place=label)
            )
            self.own.textEdited.connect(lambda _text: button.setChecked(True))
            grid.addWidget(button, 0, len(SIDES))
            grid.addWidget(self.own, 1, len(SIDES), Qt.AlignmentFlag.AlignTop)
            grid.setColumnStretch(len(SIDES), 1)
            self.group.addButton(button)
            self.buttons["own"] = button
        self.buttons["ours"].setChecked(True)

    def choose(self, side: str) -> None:
        self.buttons[side].setChecked(True)

    def chosen(self) -> str:
        for side, button in self.buttons.items():
            if button.isChecked():
                return side
        return "ours"

    def value(self) -> Any:
        side = self.chosen()
        if side == "own" and self.own is not None and self._typed is not None:
            return self._typed[0](self.own.text())
        return self.conflict.value(
            "theirs" if side == "theirs" else "base" if side == "base" else "ours"
        )

    def focus(self) -> None:
        button = self.group.checkedButton()
        if button is not None:
            button.setFocus(Qt.FocusReason.OtherFocusReason)


def _place(session: EditSession, conflict: Conflict) -> str:
    """The conflict's path in fields.md form (where its item stands now, or stood)."""
    found = session.concrete(conflict.path)
    if found is not None:
        return found
    head = conflict.path.split("[#", 1)[0]
    return concrete_path(head, session.lineage.items) or head


def _values(session: EditSession, conflict: Conflict, path: str) -> tuple[str, str, str]:
    items: dict[str, Any] = {}
    if conflict.kind == "order":
        for list_path, values in item_lists(session.draft.data):
            if list_path == path:
                items = dict(zip(session.lineage.items.get(list_path, []), values, strict=False))
    return conflict_values(session.spec, conflict, path, items)


def _typed(session: EditSession, conflict: Conflict, path: str) -> Any:
    """(parse, show) for a field that takes a typed value, else None."""
    if conflict.kind != "value":
        return None
    f = session.field_at(path)
    if f is None:
        return None
    kind = f.item_type if f.type == "year_map" else f.type
    if kind not in TYPED:
        return None
    pair = TYPED[kind]
    if pair is None:
        return (lambda text: text.strip() or None), (lambda v: "" if v is None else str(v))
    parse, show = pair
    return (lambda text: parse(text).value), show


class MergeDialog(QDialog):
    """The conflicts waiting with the open draft; `decided` tells how many were decided."""

    decided = Signal(int)

    def __init__(self, session: EditSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        pending = session.pending
        assert pending is not None
        self.pending: PendingMerge = pending
        self.setObjectName("zusammenfuehren")
        title = translate("MergeDialog", "Zusammenführen – Konflikte entscheiden")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        n = len(pending.conflicts)
        who = pending.by or translate("MergeDialog", "der anderen Seite")
        intro_text = (
            translate(
                "MergeDialog",
                "In {n} Feldern haben Sie und {who} (Datei {source}) verschiedene Werte "
                "eingetragen. Wählen Sie je Feld, was gilt: Ihr Stand, der eingegangene Stand, "
                "der ursprüngliche Wert oder ein eigener Wert. Die Pfeiltasten wählen innerhalb "
                "eines Feldes, die Tabulatortaste führt zum nächsten. Nichts geht verloren: beide "
                "Stände vor der Zusammenführung sind unter „Versionen…“ erhalten.",
            )
            if n != 1
            else translate(
                "MergeDialog",
                "In einem Feld haben Sie und {who} (Datei {source}) verschiedene Werte "
                "eingetragen. Wählen Sie, was gilt: Ihr Stand, der eingegangene Stand, der "
                "ursprüngliche Wert oder ein eigener Wert (Pfeiltasten). Nichts geht verloren: "
                "beide Stände vor der Zusammenführung sind unter „Versionen…“ erhalten.",
            )
        ).format(n=n, who=who, source=pending.source)
        self.setAccessibleDescription(intro_text)
        layout = QVBoxLayout(self)
        intro = QLabel(intro_text)
        intro.setObjectName("zusammenfuehren:einleitung")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        quick = QHBoxLayout()
        self.all_ours = QPushButton(translate("MergeDialog", "Überall Ihr &Stand"))
        self.all_ours.setObjectName("zusammenfuehren:alle-ihr")
        self.all_theirs = QPushButton(translate("MergeDialog", "Überall &eingegangener Stand"))
        self.all_theirs.setObjectName("zusammenfuehren:alle-eingegangen")
        quick.addWidget(self.all_ours)
        quick.addWidget(self.all_theirs)
        quick.addStretch(1)
        layout.addLayout(quick)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        content = QWidget()
        column = QVBoxLayout(content)
        self.boxes = [ConflictBox(session, c, i, n) for i, c in enumerate(pending.conflicts)]
        for box in self.boxes:
            column.addWidget(box)
        column.addStretch(1)
        scroll.setWidget(content)
        layout.addWidget(scroll, 1)
        buttons = QDialogButtonBox()
        self.apply_button = buttons.addButton(
            translate("MergeDialog", "Entscheidungen &übernehmen"),
            QDialogButtonBox.ButtonRole.AcceptRole,
        )
        self.apply_button.setObjectName("zusammenfuehren:uebernehmen")
        self.apply_button.setDefault(True)
        self.later_button = buttons.addButton(
            translate("MergeDialog", "Später &entscheiden"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.later_button.setObjectName("zusammenfuehren:spaeter")
        self.later_button.setToolTip(
            translate(
                "MergeDialog",
                "Die Konflikte bleiben beim Entwurf; bis dahin gilt Ihr Stand. Sie erscheinen "
                "wieder beim Öffnen oder unter „Zusammenarbeit → Konflikte entscheiden…“.",
            )
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.all_ours.clicked.connect(lambda: self._all("ours"))
        self.all_theirs.clicked.connect(lambda: self._all("theirs"))
        em = self.fontMetrics().height()
        room = self.screen().availableGeometry()  # at 200 % scaling the screen is small
        self.resize(min(em * 60, int(room.width() * 0.9)), min(em * 40, int(room.height() * 0.9)))
        if self.boxes:
            self.boxes[0].focus()

    def _all(self, side: str) -> None:
        for box in self.boxes:
            box.choose(side)

    def accept(self) -> None:
        """Write every choice into the draft (logged as changes by the user)."""
        count = 0
        for box in self.boxes:
            self.session.decide(box.conflict, box.value())
            count += 1
        super().accept()
        self.decided.emit(count)
