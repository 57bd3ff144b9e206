"""Checks that a page fits its window: no horizontal scroll bar, nothing cut off at the right
edge, no label or button narrower than its text. Run as a script in a fresh process (the scale
factor of Qt is fixed when the application starts):

    QT_SCALE_FACTOR=2 python tests/layout_check.py 1024 700 [EXAMPLE.zwk]

prints one JSON object: {"problems": [...], "pages": n, "scale": s}.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QScrollArea,
    QWidget,
)


def settle(ms: int = 50) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def _name(widget: QWidget) -> str:
    chain = []
    w: QWidget | None = widget
    while w is not None and len(chain) < 4:
        chain.append(w.objectName() or type(w).__name__)
        w = w.parentWidget()
    text = ""
    if isinstance(widget, QLabel | QAbstractButton):
        text = f" „{widget.text()[:40]}“"
    return " < ".join(chain) + text


def problems_of(area: QScrollArea, where: str) -> list[str]:
    """What does not fit in a scroll area shown now."""
    out = []
    bar = area.horizontalScrollBar()
    if bar is not None and bar.isVisible() and bar.maximum() > 0:
        out.append(f"{where}: horizontale Bildlaufleiste ({bar.maximum()} px)")
    viewport = area.viewport()
    content = area.widget()
    if content is None:
        return out
    right = viewport.width()
    for widget in content.findChildren(QWidget):
        if not widget.isVisible() or widget.width() <= 0:
            continue
        if any(isinstance(a, QAbstractScrollArea) for a in _ancestors(widget, content)):
            continue  # inside a table or a text box: its own scrolling
        if widget.parentWidget() is not None and not widget.parentWidget().isVisible():
            continue
        x = widget.mapTo(viewport, widget.rect().topLeft()).x()
        if x + widget.width() > right + 1:
            out.append(
                f"{where}: rechts abgeschnitten ({x + widget.width()} > {right}): {_name(widget)}"
            )
            continue
        too_narrow = widget.width() < widget.minimumSizeHint().width() - 1
        if (
            isinstance(widget, QLabel)
            and widget.wordWrap()
            and _longest_word(widget) > (widget.contentsRect().width() + 1)
        ):
            out.append(f"{where}: Wort abgeschnitten: {_name(widget)}")
        elif isinstance(widget, QLabel) and not widget.wordWrap() and widget.text():
            if too_narrow:
                out.append(f"{where}: Text abgeschnitten: {_name(widget)}")
        elif isinstance(widget, QAbstractButton | QLineEdit | QComboBox) and too_narrow:
            out.append(f"{where}: zu schmal: {_name(widget)}")
    return out


def _longest_word(label: QLabel) -> int:
    """The width of the widest word of a plain wrapping label (0 for rich text)."""
    text = label.text()
    if not text or "<" in text:  # rich text: its words are not the characters shown
        return 0
    metrics = label.fontMetrics()
    return max((metrics.horizontalAdvance(word) for word in text.split()), default=0)


def _ancestors(widget: QWidget, stop: QWidget) -> list[QWidget]:
    out = []
    w = widget.parentWidget()
    while w is not None and w is not stop:
        out.append(w)
        w = w.parentWidget()
    return out


def check_window(window: QWidget, editor: object) -> tuple[list[str], int]:
    """Every section page and „Prüfen“ of the open draft."""
    problems: list[str] = []
    count = editor.count  # type: ignore[attr-defined]
    for index in range(count + 1):
        editor.go_to(index)  # type: ignore[attr-defined]
        settle()
        page = editor.stack.currentWidget()  # type: ignore[attr-defined]
        assert isinstance(page, QScrollArea)
        problems += problems_of(page, page.objectName())
    return problems, count + 1


def main(argv: list[str]) -> int:
    width, height = int(argv[0]), int(argv[1])
    example = Path(argv[2]) if len(argv) > 2 else None
    os.environ.setdefault("ZWK_DATA_DIR", tempfile.mkdtemp(prefix="zwk-layout-"))
    app = QApplication.instance() or QApplication([sys.argv[0]])
    from zwk_desktop.app import build_services
    from zwk_desktop.ui.window.main_window import MainWindow

    window = MainWindow(build_services())
    window.resize(width, height)
    window.show()
    settle(200)
    if example is not None:
        window.open_example(example)
    else:
        window.new_draft()
    session = window.session
    assert session is not None and window.editor is not None
    getattr(session, "reveal_missing", lambda: None)()  # every finding shown beside its field
    settle(300)
    problems, pages = check_window(window, window.editor)
    least = window.minimumSizeHint()
    if least.width() > width or least.height() > height:
        problems.append(f"Fenster: braucht mindestens {least.width()}×{least.height()}")
    print(
        json.dumps(
            {
                "problems": problems,
                "pages": pages,
                "scale": app.devicePixelRatio() if isinstance(app, QApplication) else 1,
                "size": [window.width(), window.height()],
            },
            ensure_ascii=False,
        )
    )
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
