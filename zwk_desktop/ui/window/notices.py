"""A notice bar for the top of the main window: what was recovered after a crash, a damaged
database moved aside, a save that failed. Not modal (the user keeps typing), in words with a
heading (never colour alone), and announced to screen readers."""

from __future__ import annotations

from typing import Literal

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QStyle, QWidget

from zwk_desktop.services.recovery import StartUp
from zwk_desktop.ui.announce import announce
from zwk_desktop.ui.common import service_text

Kind = Literal["info", "warning"]


class NoticeBar(QFrame):
    """One notice at a time; `show_notice` replaces the text, the close button hides it."""

    actionTriggered = Signal()
    """The notice's action button was pressed (e.g. "Speichern unter…", "Versionen…")."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notice")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(self.tr("Hinweis"))
        layout = QHBoxLayout(self)
        self.icon = QLabel()
        self.heading = QLabel()
        self.heading.setObjectName("notice.heading")
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.text = QLabel()
        self.text.setObjectName("notice.text")
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.action = QPushButton()
        self.action.setObjectName("notice.action")
        self.action.clicked.connect(self.actionTriggered)
        self.close_button = QPushButton(self.tr("Hinweis &schließen"))
        self.close_button.setObjectName("notice.close")
        self.close_button.clicked.connect(self.hide)
        layout.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.heading, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.action, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    def show_notice(self, text: str, kind: Kind = "info", action: str | None = None) -> None:
        icon = (
            QStyle.StandardPixmap.SP_MessageBoxWarning
            if kind == "warning"
            else QStyle.StandardPixmap.SP_MessageBoxInformation
        )
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        self.icon.setPixmap(self.style().standardIcon(icon).pixmap(size, size))
        self.heading.setText(self.tr("Achtung:") if kind == "warning" else self.tr("Hinweis:"))
        self.text.setText(text)
        self.setAccessibleDescription(text)
        self.action.setVisible(action is not None)
        if action is not None:
            self.action.setText(action)
        self.show()
        announce(self, f"{self.heading.text()} {text}", assertive=kind == "warning")


def show_start_notices(bar: NoticeBar, startup: StartUp) -> bool:
    """Show what the start found (crash recovery, a database moved aside, a store that cannot
    be written). Returns whether there was anything to say. After a crash the action button
    reads "Versionen…" (connect `bar.actionTriggered` to open the versions dialog)."""
    if not startup.messages:
        return False
    text = "\n\n".join(service_text(m) for m in startup.messages)
    recovered = startup.reopen is not None
    bar.show_notice(
        text,
        kind="info" if recovered and len(startup.messages) == 1 else "warning",
        action=QCoreApplication.translate("NoticeBar", "&Versionen…") if recovered else None,
    )
    return True
