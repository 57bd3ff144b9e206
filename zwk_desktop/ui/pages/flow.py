"""Widgets that reflow to the width of the page instead of widening it.

- `FlowLayout` puts its widgets side by side and starts a new line where the next one would
  not fit (the options of a choice: „Ja“, „Nein“, … never end up beyond the right edge).
- `check_row` is a check box whose text wraps like a paragraph (declarations are whole
  sentences); a click on the text ticks the box, as on a check box's own text.
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLayoutItem,
    QSizePolicy,
    QWidget,
)


class FlowLayout(QLayout):
    """Widgets in lines that wrap at the available width (Qt's flow layout example, typed)."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 16) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), apply=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, apply=True)

    def sizeHint(self) -> QSize:
        """All in one line."""
        width = sum(i.sizeHint().width() for i in self._items)
        width += self._spacing * max(0, len(self._items) - 1)
        height = max((i.sizeHint().height() for i in self._items), default=0)
        return QSize(width, height) + _margins(self.contentsMargins())

    def minimumSize(self) -> QSize:
        """The widest single widget: everything else can go to the next line."""
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        return size + _margins(self.contentsMargins())

    def _arrange(self, rect: QRect, apply: bool) -> int:
        margins = self.contentsMargins()
        area = rect.marginsRemoved(margins)
        x, y, line = area.x(), area.y(), 0
        for item in self._items:
            widget = item.widget()
            if widget is not None and widget.isHidden():
                continue
            hint = item.sizeHint()
            if x > area.x() and x + hint.width() > area.right() + 1:
                x, y, line = area.x(), y + line + self._spacing // 2, 0
            if apply:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self._spacing
            line = max(line, hint.height())
        return y + line - rect.y() + margins.bottom()


def _margins(m: QMargins) -> QSize:
    return QSize(m.left() + m.right(), m.top() + m.bottom())


class CheckText(QLabel):
    """The wrapping text of a check box; a click on it ticks the box."""

    def __init__(self, text: str, box: QCheckBox) -> None:
        super().__init__(text)
        self.box = box
        self.setWordWrap(True)
        self.setBuddy(box)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
            event.position().toPoint()
        ):
            self.box.setFocus(Qt.FocusReason.MouseFocusReason)
            self.box.click()
            return
        super().mouseReleaseEvent(event)


def check_row(box: QCheckBox, text: str, name: str = "") -> QWidget:
    """A check box with its text beside it, the text wrapping at the width of the page.
    `name` is what assistive technology hears (the text with its item context), by default
    the text."""
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(4)
    box.setText("")
    box.setAccessibleName(name or text)
    layout.addWidget(box, 0, Qt.AlignmentFlag.AlignTop)
    label = CheckText(text, box)
    label.setAccessibleName(name or text)  # the label's name is heard for the box
    label.setObjectName(f"{box.objectName()}:text" if box.objectName() else "")
    layout.addWidget(label, 1)
    return row
