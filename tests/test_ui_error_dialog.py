"""The window's error dialog (issue 13 item 6): an exception in a slot or in another thread is
logged without personal data and shown in German with „Protokoll öffnen“ and „Kopieren“; Qt's
warnings go to the same log."""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer, qInstallMessageHandler, qWarning
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QPlainTextEdit, QPushButton

from zwk_desktop.services import crashlog
from zwk_desktop.ui.dialogs import error as error_ui
from zwk_desktop.ui.dialogs.error_dialog import ErrorDialog

SECRET = "Passphrase-xyz-4711"
pytestmark = [pytest.mark.qt_no_exception_capture, pytest.mark.no_qt_log]


@pytest.fixture
def handling(qapp: QApplication) -> Iterator[None]:
    old_hook, old_thread_hook = sys.excepthook, threading.excepthook
    crashlog.close()
    error_ui.install_error_handling(qapp)
    yield
    sys.excepthook, threading.excepthook = old_hook, old_thread_hook
    qInstallMessageHandler(None)
    crashlog.close()
    bridge = error_ui._bridge
    if bridge is not None and bridge.dialog is not None:
        bridge.dialog.close()


def _dialog(qtbot: Any) -> ErrorDialog:
    qtbot.waitUntil(
        lambda: error_ui._bridge is not None and error_ui._bridge.dialog is not None, timeout=10000
    )
    assert error_ui._bridge is not None and error_ui._bridge.dialog is not None
    return error_ui._bridge.dialog


def test_an_exception_in_a_slot_shows_the_german_dialog(qtbot: Any, handling: None) -> None:
    def boom() -> None:
        raise RuntimeError(f"kaputt {SECRET}")

    QTimer.singleShot(0, boom)
    dialog = _dialog(qtbot)
    assert dialog.objectName() == "errorDialog"
    assert dialog.windowTitle() == "Unerwarteter Fehler"
    message = dialog.findChild(QLabel, "errorMessage")
    assert message is not None
    assert "Interner Fehler in ZWK Desktop (RuntimeError)" in message.text()
    assert str(crashlog.log_path()) in message.text()
    details = dialog.findChild(QPlainTextEdit, "errorDetails")
    assert details is not None and "RuntimeError" in details.toPlainText()
    assert SECRET not in details.toPlainText()
    copy = dialog.findChild(QPushButton, "copyReport")
    open_log = dialog.findChild(QPushButton, "openLog")
    assert copy is not None and copy.text() == "&Kopieren"
    assert open_log is not None and open_log.text() == "Protokoll &öffnen" and open_log.isEnabled()
    QTest.mouseClick(copy, Qt.MouseButton.LeftButton)
    copied = QGuiApplication.clipboard().text()
    assert "RuntimeError" in copied and str(crashlog.log_path()) in copied
    assert SECRET not in copied
    assert "RuntimeError" in crashlog.log_path().read_text(encoding="utf-8")


def test_an_exception_in_another_thread_reaches_the_dialog(qtbot: Any, handling: None) -> None:
    worker = threading.Thread(target=lambda: 1 / 0)
    worker.start()
    worker.join()
    dialog = _dialog(qtbot)
    assert "ZeroDivisionError" in dialog.report.details


def test_qt_warnings_go_to_the_log(qtbot: Any, handling: None) -> None:
    qWarning(f"QFile::open: Datei in {crashlog.Path.home()}/geheim nicht gefunden")
    text = crashlog.log_path().read_text(encoding="utf-8")
    assert "WARNING Qt: QFile::open: Datei in ~/geheim nicht gefunden" in text
