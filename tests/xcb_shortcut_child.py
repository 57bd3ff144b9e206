"""Run under Xvfb with QT_QPA_PLATFORM=xcb (tests/test_first_contact_english.py): there a text
field binds Ctrl+E to „end of line“, as on a Linux desktop. Presses Ctrl+E in the name field
of a new application and prints what happened as JSON."""

from __future__ import annotations

import json
import os
import sys
import tempfile

os.environ.setdefault("ZWK_DATA_DIR", tempfile.mkdtemp(prefix="zwk-xcb-"))

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit


def settle(ms: int = 200) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def main() -> int:
    app = QApplication([sys.argv[0]])
    from zwk_desktop.app import build_services
    from zwk_desktop.ui.window.main_window import MainWindow

    bindings = [
        k.toString() for k in QKeySequence.keyBindings(QKeySequence.StandardKey.MoveToEndOfLine)
    ]
    window = MainWindow(build_services())
    window.show()
    window.activateWindow()
    settle()
    window.new_draft()
    settle()
    name = window.findChild(QLineEdit, "kommune.name")
    assert name is not None
    name.setFocus()
    QTest.keyClicks(name, "Uckerland")
    QTest.keyClick(name, Qt.Key.Key_Home)
    settle()
    QTest.keyClick(name, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    settle(500)
    dialogs = [w.objectName() or type(w).__name__ for w in app.topLevelWidgets()
               if isinstance(w, QDialog) and w.isVisible()]  # fmt: skip
    print(json.dumps({"bindings": bindings, "dialogs": dialogs, "cursor": name.cursorPosition()}))
    for w in app.topLevelWidgets():
        if isinstance(w, QDialog):
            w.reject()
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
