"""The bare baseline for the bundle figures: one empty PySide6 main window, bundled by the same
spec as ZWK Desktop and measured the same way (it honours ``ZWK_QUIT_AFTER_START=1``)."""

import os
import sys

from PySide6.QtWidgets import QApplication, QMainWindow

if os.environ.get("ZWK_QUIT_AFTER_START") == "1":
    from zwk_desktop.ui.window.startup_probe import install_probe

    install_probe(sys.argv[1:])
app = QApplication.instance() or QApplication(sys.argv)
window = QMainWindow()
window.setWindowTitle("Baseline")
window.resize(900, 600)
window.show()
sys.exit(app.exec())
