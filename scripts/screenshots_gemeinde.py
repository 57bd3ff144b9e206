"""Screenshots of the municipality picker and the population chart for docs/screenshots/.

Run under a real X server so that popups are captured, e.g.:
    QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1280x900x24" .venv/bin/python \
        scripts/screenshots_gemeinde.py
The PDF page is rendered with poppler's pdftoppm.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QPoint, QRect, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from zwk_desktop.directory import default_directory
from zwk_desktop.directory.fill import directory_marks, kommune_fill
from zwk_desktop.domain import formatting
from zwk_desktop.domain.paths import set_value
from zwk_desktop.formspec import get_form
from zwk_desktop.ui.directory_picker import DirectoryCompleter, DirectoryMark, MemberPicker
from zwk_desktop.ui.population_chart import PopulationChartView

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
FIELDS = (
    "kommune.name", "kommune.art", "kommune.ags", "kommune.bundesland", "kommune.landkreis",
    "kommune.einwohner", "kommune.einwohner_stand", "kommune.flaeche_km2",
    "kommune.anschrift.plz", "kommune.anschrift.ort",
)  # fmt: skip


def settle(app: QApplication, ms: int = 150) -> None:
    for _ in range(5):
        app.processEvents()
        QTest.qWait(ms // 5)


def shoot(app: QApplication, widget: QWidget, name: str, extra: QWidget | None = None) -> None:
    """Capture the screen area of a window (and of a popup below it)."""
    settle(app)
    rect = QRect(widget.mapToGlobal(QPoint(0, 0)), widget.frameGeometry().size())
    if extra is not None and extra.isVisible():
        rect = rect.united(QRect(extra.mapToGlobal(QPoint(0, 0)), extra.size()))
    screen = app.primaryScreen()
    image = screen.grabWindow(0, rect.x(), rect.y(), rect.width(), rect.height())
    image.save(str(OUT / name))
    print(OUT / name)


def type_text(widget: QWidget, text: str) -> None:
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            )


def kommune_form(app: QApplication) -> None:
    spec, directory = get_form(), default_directory()
    window = QWidget()
    window.setWindowTitle("Angaben zur Kommune")
    form = QFormLayout(window)
    edits: dict[str, QLineEdit] = {}
    marks: dict[str, DirectoryMark] = {}
    for path in FIELDS:
        edit = QLineEdit(window)
        mark = DirectoryMark(directory, window)
        row = QHBoxLayout()
        row.addWidget(edit, 1)
        row.addWidget(mark)
        form.addRow(spec.field(path).label, row)
        edits[path], marks[path] = edit, mark
    completer = DirectoryCompleter(directory, edits["kommune.name"])
    data: dict[str, Any] = {}

    def display(path: str, value: Any) -> str:
        """As the page shows a value: choice labels, German dates and numbers."""
        field = spec.field(path)
        if value is None:
            return ""
        if field.choices:
            return field.choice_labels[value]
        if field.type == "date":
            return formatting.date(value)
        if field.type in ("int", "dec"):
            return formatting.number(value)
        return str(value)

    def chosen(entry: Any) -> None:
        for path, value in kommune_fill(spec, directory, entry).items():
            set_value(data, path, value)
            edits[path].setText(display(path, value))
        shown = directory_marks(spec, directory, data)
        for path, mark in marks.items():
            mark.set_active(path in shown)

    completer.chosen.connect(chosen)
    window.resize(1060, 400)  # wide enough for the suggestions below the name field
    window.move(40, 40)
    window.show()
    settle(app)
    edits["kommune.name"].setFocus()
    type_text(edits["kommune.name"], "Neustadt")
    shoot(app, window, "gemeinde-suche-neustadt.png", completer.popup())
    edits["kommune.name"].clear()
    type_text(edits["kommune.name"], "Ahorn")
    settle(app)
    completer.popup().setCurrentIndex(completer.model().index(0, 0))
    QTest.keyClick(completer.popup(), Qt.Key.Key_Return)
    window.resize(660, 360)
    settle(app)
    shoot(app, window, "gemeinde-ausgewaehlt-ahorn.png")
    window.close()


def members(app: QApplication) -> None:
    window = QGroupBox("Mitglieder des Zusammenschlusses")
    layout = QVBoxLayout(window)
    picker = MemberPicker(get_form(), default_directory(), window)
    layout.addWidget(picker)
    directory = default_directory()
    for ags in ("09473112", "09473159", "09473166"):
        entry = directory.lookup(ags)
        assert entry is not None
        picker.add(entry)
    window.resize(640, 300)
    window.move(40, 40)
    window.show()
    shoot(app, window, "gemeinde-mitglieder.png")
    window.close()


def chart(app: QApplication) -> None:
    env = json.loads((ROOT / "examples" / "gemeinde-lindenhagen.zwk").read_text(encoding="utf-8"))
    view = PopulationChartView()
    view.setWindowTitle("Bevölkerungsentwicklung")
    view.set_rows(env["data"]["ausgangslage"]["bevoelkerung"])
    view.setStyleSheet("PopulationChartView { background: white; }")
    view.resize(600, view.sizeHint().height())
    view.move(40, 40)
    view.show()
    shoot(app, view, "bevoelkerung-diagramm-assistent.png")
    view.close()


def pdf_page() -> None:
    """A small PDF with the Drawing (DejaVu embedded), page 1 rendered by pdftoppm."""
    from reportlab import rl_config
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import cm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    from zwk_desktop.domain.population import development, summary
    from zwk_desktop.services.population_pdf import population_drawing

    fonts = Path("/usr/share/fonts/truetype/dejavu")
    pdfmetrics.registerFont(TTFont("DejaVuSans", str(fonts / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont("DejaVuSans-Bold", str(fonts / "DejaVuSans-Bold.ttf")))
    rl_config.canvas_basefontname = "DejaVuSans"
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "diagramm.pdf"
        doc = SimpleDocTemplate(str(pdf), pagesize=A4, lang="de-DE", title="Diagramm")
        story = []
        for name in ("gemeinde-lindenhagen.zwk", "landkreis-hohenwald.zwk"):
            env = json.loads((ROOT / "examples" / name).read_text(encoding="utf-8"))
            dev = development(env["data"]["ausgangslage"]["bevoelkerung"])
            heading = ParagraphStyle("h", fontName="DejaVuSans-Bold", fontSize=11, leading=14)
            text = ParagraphStyle("t", fontName="DejaVuSans", fontSize=9, leading=12)
            story += [
                Paragraph(
                    f"Demografische Ausgangslage – {env['data']['kommune']['name']}", heading
                ),
                Spacer(1, 6),
                population_drawing(dev, 16 * cm, 7 * cm, "DejaVuSans", "DejaVuSans-Bold"),
                Spacer(1, 4),
                Paragraph(summary(dev), text),
                Spacer(1, 18),
            ]
        doc.build(story)
        out = OUT / "bevoelkerung-diagramm-pdf"
        subprocess.run(
            [
                "pdftoppm",
                "-png",
                "-r",
                "80",
                "-f",
                "1",
                "-l",
                "1",
                "-singlefile",
                str(pdf),
                str(out),
            ],
            check=True,
        )
        print(f"{out}.png")


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv)
    kommune_form(app)
    members(app)
    chart(app)
    pdf_page()
    return 0


if __name__ == "__main__":
    sys.exit(main())
