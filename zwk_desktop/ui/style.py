"""The platform's widget style with what accessibility needs changed (issue 14, item 11).

One change: the keyboard focus on a row of a list, table or tree. Fusion (the style on Linux
and the fallback elsewhere) marks it by painting a translucent gradient over the row after its
text, which washes the text of the selected row out (white on the selection blue fell to 1.75:1,
black on the high-contrast cyan to 2.8:1). Here it is a plain frame in the row's text colour,
drawn around the text without covering it; on Windows the native styles keep their look apart
from that frame.
"""

from __future__ import annotations

from PySide6.QtGui import QBrush, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QApplication,
    QProxyStyle,
    QStyle,
    QStyleFactory,
    QStyleOption,
    QWidget,
)

_FOCUS_RECT = QStyle.PrimitiveElement.PE_FrameFocusRect
_ITEM = QStyle.StateFlag.State_Item
_SELECTED = QStyle.StateFlag.State_Selected


class AccessibleStyle(QProxyStyle):
    """The base style, with the focused row framed rather than tinted."""

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        if element == _FOCUS_RECT and option.state & _ITEM:
            role = (
                QPalette.ColorRole.HighlightedText
                if option.state & _SELECTED
                else QPalette.ColorRole.Text
            )
            # QPen(colour) is a solid 1 px line and QBrush() no fill: naming Qt's pen and brush
            # styles would build PySide6's Qt namespace on the way to the start screen
            painter.save()
            painter.setPen(QPen(option.palette.color(role)))
            painter.setBrush(QBrush())
            painter.drawRect(option.rect.adjusted(0, 0, -1, -1))
            painter.restore()
            return
        super().drawPrimitive(element, option, painter, widget)


def apply_accessible_style() -> None:
    """Wrap the application's style (once: idempotent). Before any palette is raised: a new
    style keeps an application palette that was set, but polishes every widget again."""
    app = QApplication.instance()
    if not isinstance(app, QApplication) or isinstance(app.style(), AccessibleStyle):
        return
    base = QStyleFactory.create(app.style().name())
    if base is not None:
        app.setStyle(AccessibleStyle(base))
