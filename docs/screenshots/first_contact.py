"""Screenshots of the real window at the sizes of issue 10, under Xvfb:

    python docs/screenshots/first_contact.py     (make screenshots runs it too)

For each screen (1024×700 at 100 %, 1366×768 at 125 %, 1920×1080 at 200 %) a fresh process runs
under its own Xvfb screen of that many pixels with Qt's scale factor, fills the screen with the
window and saves the pages „Angaben zur Kommune“, „Finanzplanung“, „Prüfen“ and the export
dialog to ``docs/screenshots/erster-kontakt/<screen>-<page>.png``. It prints, per page, whether
a horizontal scroll bar is shown (there must be none).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
OUT = HERE / "erster-kontakt"
SCREENS = [("1024x700", 1024, 700, "1"), ("1366x768-125", 1366, 768, "1.25"),
           ("1920x1080-200", 1920, 1080, "2")]  # fmt: skip


def child(name: str) -> int:
    """Runs inside Xvfb: the window on the whole screen, one picture per page."""
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication, QScrollArea, QWidget

    sys.path.insert(0, str(ROOT / "tests"))
    app = QApplication([sys.argv[0]])
    from zwk_desktop.app import build_services
    from zwk_desktop.ui.window.main_window import MainWindow

    def settle(ms: int = 600) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    window = MainWindow(build_services())
    screen = app.primaryScreen()
    window.setGeometry(screen.availableGeometry())
    window.show()
    settle()
    window.open_example(ROOT / "examples" / "gemeinde-lindenhagen.zwk")
    session, editor = window.session, window.editor
    assert session is not None and editor is not None
    session.set("finanzplan.posten[0].betraege.2022", "41000.00")  # over the cap in 2022
    session.set("unterschrift.datum", None)  # something missing
    session.check()
    report: dict[str, bool] = {}

    def shoot(page: str) -> None:
        """The whole screen: the window, and a dialog over it."""
        settle()
        current = editor.stack.currentWidget()
        if isinstance(current, QScrollArea):
            bar = current.horizontalScrollBar()
            report[page] = bool(bar is not None and bar.isVisible() and bar.maximum() > 0)
        screen.grabWindow(0).save(str(OUT / f"{name}-{page}.png"))

    editor.go_to(0)
    shoot("kommune")
    editor.go_to(8)
    page = editor.stack.currentWidget()
    grid = window.findChild(QWidget, "finanzplan:tabelle")
    if isinstance(page, QScrollArea) and grid is not None:
        page.verticalScrollBar().setValue(grid.mapTo(page.widget(), grid.rect().topLeft()).y())
    shoot("finanzplanung")
    editor.show_review()
    shoot("pruefen")
    from zwk_desktop.ui.export.commands import ExportCommands

    dialog = ExportCommands.of(window, None).export()
    settle(1200)
    shoot("export")
    if dialog is not None:
        report["export-zu-schmal"] = dialog.width() < dialog.minimumSizeHint().width()
        dialog.reject()
    print(json.dumps(report))
    window.close()
    return 0


def main() -> int:
    OUT.mkdir(exist_ok=True)
    failed = False
    for name, width, height, scale in SCREENS:
        env = dict(os.environ, QT_QPA_PLATFORM="xcb", QT_SCALE_FACTOR=scale)
        env["ZWK_DATA_DIR"] = tempfile.mkdtemp(prefix="zwk-bilder-")
        env.pop("QT_SCREEN_SCALE_FACTORS", None)
        done = subprocess.run(
            ["xvfb-run", "-a", "-s", f"-screen 0 {width}x{height}x24", sys.executable,
             __file__, "--child", name],
            env=env, capture_output=True, text=True, timeout=300,
        )  # fmt: skip
        if done.returncode != 0:
            print(done.stderr[-2000:], file=sys.stderr)
            return done.returncode
        report = json.loads(done.stdout.strip().splitlines()[-1])
        bad = [page for page, wrong in report.items() if wrong]
        found = ", ".join(bad) if bad else "keine"
        print(f"{name}: {found} Probleme ({OUT.name}/{name}-*.png)")
        failed = failed or bool(bad)
    return 1 if failed else 0


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--child":
        sys.exit(child(sys.argv[2]))
    sys.exit(main())
