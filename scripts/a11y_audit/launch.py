"""Start the program as a user does, in one of the palettes the audit checks (run with the
project's venv python inside scripts/a11y_audit/session.sh):

    python scripts/a11y_audit/launch.py light|dark|contrast [FILE]

The palette is set on the application before the window exists, as the platform theme would
(Windows' high-contrast theme, a dark desktop theme): every colour the program draws must come
from it. The palettes are the Fusion style's light one, a dark one, and Windows 11's
high-contrast theme "Nachthimmel"/"Aquatic" (black background, white text, cyan selection,
yellow links).
"""

from __future__ import annotations

import sys

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

R = QPalette.ColorRole

DARK = {
    R.Window: "#2b2b2b",
    R.WindowText: "#f0f0f0",
    R.Base: "#1e1e1e",
    R.AlternateBase: "#323232",
    R.Text: "#f0f0f0",
    R.PlaceholderText: "#a8a8a8",
    R.Button: "#3a3a3a",
    R.ButtonText: "#f0f0f0",
    R.Highlight: "#3d7bd9",
    R.HighlightedText: "#ffffff",
    R.Link: "#8ab4f8",
    R.LinkVisited: "#c58af9",
    R.ToolTipBase: "#3a3a3a",
    R.ToolTipText: "#f0f0f0",
    R.Light: "#505050",
    R.Midlight: "#3f3f3f",
    R.Mid: "#303030",
    R.Dark: "#181818",
    R.Shadow: "#000000",
    R.BrightText: "#ff6b6b",
}
CONTRAST = {  # Windows high contrast (black), as Qt reads it from the system
    R.Window: "#000000",
    R.WindowText: "#ffffff",
    R.Base: "#000000",
    R.AlternateBase: "#000000",
    R.Text: "#ffffff",
    R.PlaceholderText: "#c0c0c0",
    R.Button: "#000000",
    R.ButtonText: "#ffffff",
    R.Highlight: "#1aebff",
    R.HighlightedText: "#000000",
    R.Link: "#ffff00",
    R.LinkVisited: "#ffff00",
    R.ToolTipBase: "#000000",
    R.ToolTipText: "#ffffff",
    R.Light: "#ffffff",
    R.Midlight: "#c0c0c0",
    R.Mid: "#808080",
    R.Dark: "#808080",
    R.Shadow: "#ffffff",
    R.BrightText: "#ffffff",
}
DISABLED_TEXT = {"dark": "#8c8c8c", "contrast": "#3ff23f"}


def palette(name: str) -> QPalette | None:
    colours = {"dark": DARK, "contrast": CONTRAST}.get(name)
    if colours is None:
        return None
    pal = QPalette()
    for role, colour in colours.items():
        pal.setColor(role, QColor(colour))
    for role in (R.WindowText, R.Text, R.ButtonText):
        pal.setColor(QPalette.ColorGroup.Disabled, role, QColor(DISABLED_TEXT[name]))
    return pal


def main(argv: list[str]) -> int:
    name = argv[0] if argv else "light"
    app = QApplication([sys.argv[0]])
    app.setStyle(QStyleFactory.create("Fusion"))
    pal = palette(name)
    if pal is not None:
        app.setPalette(pal)
    from zwk_desktop.app import run_gui

    return run_gui(argv[1:])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
