"""Take the README's screenshots of the real program in a real X window (run under Xvfb):

    make screenshots      (= xvfb-run -a python docs/screenshots/take.py)

Each picture is the program's window as the X server shows it (QScreen.grabWindow).
"""

from __future__ import annotations

import os
import sys
import tempfile
from decimal import Decimal
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "xcb")
os.environ["ZWK_DATA_DIR"] = tempfile.mkdtemp(prefix="zwk-screenshots-")

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget

from zwk_desktop.app import build_services
from zwk_desktop.domain.budget import compute_budget
from zwk_desktop.domain.draft import read_draft
from zwk_desktop.ui.application import install_translators
from zwk_desktop.ui.main_window import MainWindow

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
EXAMPLES = ROOT / "examples"
WIDTH, HEIGHT = 1440, 900


def settle(ms: int = 400) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def shot(window: QWidget, name: str) -> None:
    settle()
    screen = window.screen()
    picture = screen.grabWindow(window.winId())
    picture.save(str(HERE / f"{name}.png"))
    print(f"{name}.png {picture.width()}×{picture.height()}")


def main() -> int:
    app = QApplication(sys.argv)
    install_translators(app, "de")
    services = build_services()
    work = Path(tempfile.gettempdir()) / "Dokumente" / "ZWK-Bewerbung"
    for name in ("staedteverbund-oberes-tal.zwk", "gemeinde-lindenhagen.zwk"):
        services.drafts.save_file(read_draft(EXAMPLES / name), work / name)
    window = MainWindow(services)
    window.resize(WIDTH, HEIGHT)
    window.move(0, 0)
    window.show()
    window.activateWindow()
    shot(window, "startseite")

    window.open_example(EXAMPLES / "gemeinde-lindenhagen.zwk")
    editor = window.editor
    session = window.session
    assert editor is not None and session is not None
    session.set("kommune.anschrift.plz", "1734")  # a live check in words beside the field
    editor.check()
    editor.open_path("kommune.anschrift.plz")
    shot(window, "abschnitt-kommune")

    editor.open_path("massnahmen.zeitplan[0].von")
    shot(window, "abschnitt-massnahmen")

    # one year over the cap, one with 2.500,00 € left
    budget = compute_budget(session.spec, session.draft.data)
    item = "finanzplan.posten[4].betraege"
    for year, target in (("2022", Decimal("42500")), ("2023", Decimal("37500"))):
        amount = budget.items[4].amounts[year] + target - budget.totals[year]
        session.set(f"{item}.{year}", f"{amount:.2f}")
    editor.check()
    editor.open_path(f"{item}.2022")
    page = editor.stack.currentWidget()
    grid = window.findChild(QWidget, "finanzplan:tabelle")
    assert isinstance(page, QScrollArea) and grid is not None
    page.verticalScrollBar().setValue(grid.mapTo(page.widget(), grid.rect().topLeft()).y() - 8)
    shot(window, "finanzplan")

    session.set("kommune.einwohner", 95)
    editor.check()
    editor.show_review()
    warning = next(f for f in session.report.findings if f.code == "population_implausible")
    session.acknowledge(warning, "Ortsteil mit 95 Einwohnern; Zahl vom Meldeamt bestätigt.")
    shot(window, "pruefen")
    session.mark_saved()
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
