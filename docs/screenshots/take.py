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
from zwk_desktop.services.portable import import_file
from zwk_desktop.services.recovery import open_store, start_up
from zwk_desktop.ui.application import install_translators
from zwk_desktop.ui.drafts_manager import DraftsDialog
from zwk_desktop.ui.main_window import MainWindow
from zwk_desktop.ui.versions_dialog import VersionsDialog

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
    for name in ("staedteverbund-oberes-tal.zwk", "gemeinde-lindenhagen.zwk"):
        import_file(services.store, EXAMPLES / name)
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
    window.save()  # a version to compare with in „Versionen…“
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

    window.save()
    window.show_versions()
    versions = window.findChild(VersionsDialog)
    assert versions is not None
    versions.list.selectRow(1)
    shot(versions, "versionen")
    versions.close()

    window.show_drafts()
    drafts = window.findChild(DraftsDialog)
    assert drafts is not None
    shot(drafts, "entwuerfe")
    drafts.close()
    last = window.current.draft_id if window.current is not None else None
    window.close()

    # a run that had the draft open and then died (its lock released as after a kill)
    store = open_store()
    crashed = start_up(store)
    crashed.note_open_draft(last)
    assert crashed.lock is not None
    crashed.lock.release(remove=False)
    store.close()
    again = MainWindow(build_services())
    again.resize(WIDTH, HEIGHT)
    again.move(0, 0)
    again.show()
    again.activateWindow()
    shot(again, "wiederhergestellt")
    again.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
