"""Issue 14, item 11: colours from the palette, readable in a light, a dark and a
high-contrast (Windows „Kontrast schwarz“) palette. One test computes the WCAG contrast of
every pair the interface draws; the others render widgets and sample their pixels."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QImage, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QListWidget, QStyleFactory, QWidget

from zwk_desktop.ui.palette import (
    ICON_CONTRAST,
    TEXT_CONTRAST,
    accessible_palette,
    colour_pairs,
    contrast,
)

Role = QPalette.ColorRole


def _palette(colours: dict[QPalette.ColorRole, str]) -> QPalette:
    palette = QPalette()
    for role, name in colours.items():
        palette.setColor(role, QColor(name))
    return palette


def light() -> QPalette:
    style = QStyleFactory.create("Fusion")
    assert style is not None
    return style.standardPalette()


def dark() -> QPalette:
    """A dark palette as desktop environments ship it (close to Windows' dark mode)."""
    return _palette({
        Role.Window: "#202020", Role.WindowText: "#ffffff", Role.Base: "#1c1c1c",
        Role.AlternateBase: "#2b2b2b", Role.Text: "#ffffff", Role.Button: "#2d2d2d",
        Role.ButtonText: "#ffffff", Role.Highlight: "#0078d4", Role.HighlightedText: "#ffffff",
        Role.Link: "#4cc2ff", Role.PlaceholderText: "#8a8a8a", Role.Mid: "#555555",
        Role.ToolTipBase: "#2b2b2b", Role.ToolTipText: "#ffffff",
    })  # fmt: skip


def high_contrast() -> QPalette:
    """Windows high contrast „Kontrast schwarz“ (High Contrast Black)."""
    return _palette({
        Role.Window: "#000000", Role.WindowText: "#ffffff", Role.Base: "#000000",
        Role.AlternateBase: "#000000", Role.Text: "#ffffff", Role.Button: "#000000",
        Role.ButtonText: "#ffffff", Role.Highlight: "#1aebff", Role.HighlightedText: "#000000",
        Role.Link: "#ffff00", Role.PlaceholderText: "#808080", Role.Mid: "#ffffff",
        Role.ToolTipBase: "#000000", Role.ToolTipText: "#ffffff",
    })  # fmt: skip


PALETTES = {"hell": light, "dunkel": dark, "kontrast-schwarz": high_contrast}


@pytest.mark.parametrize("name", PALETTES)
def test_every_colour_pair_reaches_wcag_contrast(qapp: Any, name: str) -> None:
    pairs = colour_pairs(PALETTES[name]())
    assert len(pairs) >= 20
    weak = [
        f"{p.name}: {p.foreground.name()} auf {p.background.name()} "
        f"{contrast(p.foreground, p.background):.2f}:1 < {p.minimum}"
        for p in pairs
        if contrast(p.foreground, p.background) < p.minimum
    ]
    assert weak == []


def test_the_wcag_formula() -> None:
    black, white = QColor("#000000"), QColor("#ffffff")
    assert contrast(black, white) == pytest.approx(21.0)
    assert contrast(white, white) == pytest.approx(1.0)
    assert contrast(QColor("#777777"), white) == pytest.approx(4.48, abs=0.01)
    # what the issue measured in Qt's light palette, and what the raised palette gives
    fusion = light()
    assert contrast(fusion.color(Role.HighlightedText), fusion.color(Role.Highlight)) < 4.5
    raised = accessible_palette(fusion)
    assert contrast(raised.color(Role.HighlightedText), raised.color(Role.Highlight)) >= 4.5


HEX = re.compile(r"#[0-9a-fA-F]{3}(?:[0-9a-fA-F]{3})?\b")
NAMED = re.compile(
    r"Qt\.GlobalColor\.(?!transparent)|QColor\(\s*\d|QColor\(\s*[\"']|"
    r"color:\s*(?:red|white|black|gr[ae]y|blue|green|yellow|orange)\b"
)


def test_no_hard_coded_colours_outside_the_palette_module() -> None:
    found = []
    for path in sorted((ROOT / "zwk_desktop" / "ui").rglob("*.py")):
        if path.name == "palette.py":
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            code = line.split("#", 1)[0] if not HEX.search(line) else line
            if HEX.search(code) or NAMED.search(code):
                found.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert found == []


# ---------------------------------------------------------------- rendered and sampled


@pytest.fixture(params=list(PALETTES))
def palette(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[QPalette]:
    before = QApplication.palette()
    raised = accessible_palette(PALETTES[request.param]())
    QApplication.setPalette(raised)
    yield raised
    QApplication.setPalette(before)


def sample(image: QImage, region: tuple[int, int, int, int] | None = None) -> tuple[QColor, QColor]:
    """(background, strongest foreground): the commonest colour and the pixel farthest from
    it in contrast, in `region` (x, y, width, height) of the image."""
    x0, y0, w, h = region or (0, 0, image.width(), image.height())
    counts: Counter[int] = Counter(
        image.pixel(x, y) for x in range(x0, x0 + w) for y in range(y0, y0 + h)
    )
    background = QColor.fromRgb(counts.most_common(1)[0][0])
    foreground = max((QColor.fromRgb(c) for c in counts), key=lambda c: contrast(c, background))
    return background, foreground


def rendered(widget: QWidget, qtbot: Any) -> QImage:
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)


def big(widget: QWidget) -> QWidget:
    font = QFont(widget.font())
    font.setPointSize(22)
    font.setBold(True)
    widget.setFont(font)
    return widget


def test_severity_words_are_readable(palette: QPalette, qtbot: Any) -> None:
    from zwk_desktop.ui.pages.base import findings_html

    for severity, word in (("error", "Fehler"), ("warning", "Hinweis"), ("info", "Information")):
        label = QLabel(findings_html([(severity, word, "")]))
        label.setTextFormat(Qt.TextFormat.RichText)
        background, text = sample(rendered(big(label), qtbot))
        assert background == palette.color(Role.Window)
        assert contrast(text, background) >= TEXT_CONTRAST, (severity, text.name())


def test_placeholders_are_readable(palette: QPalette, qtbot: Any) -> None:
    from zwk_desktop.formspec import get_form
    from zwk_desktop.ui.pages.fields import ChoiceCombo

    line = QLineEdit()
    line.setPlaceholderText("TT.MM.JJJJ")
    background, text = sample(rendered(big(line), qtbot))
    assert contrast(text, background) >= TEXT_CONTRAST, text.name()
    field = get_form().field("kommune.bundesland")
    combo = ChoiceCombo(field)
    assert combo.currentText() == "Bitte auswählen"
    image = rendered(big(combo), qtbot)
    # the text, not the arrow at the right
    background, text = sample(image, (0, 0, image.width() * 2 // 3, image.height()))
    assert contrast(text, background) >= TEXT_CONTRAST, text.name()


def test_selected_text_is_readable(palette: QPalette, qtbot: Any) -> None:
    items = QListWidget()
    items.addItems(["Gemeinde Ahorn", "Gemeinde Ahrensfelde"])
    items.setCurrentRow(0)
    items.setFocus()
    image = rendered(big(items), qtbot)
    row = items.visualItemRect(items.item(0))
    background, text = sample(image, (row.x() + 2, row.y() + 2, row.width() // 2, row.height() - 4))
    assert background.name() == palette.color(Role.Highlight).name()
    assert contrast(text, background) >= TEXT_CONTRAST, text.name()


def test_arrow_and_calendar_icons_follow_the_text(palette: QPalette, qtbot: Any) -> None:
    from zwk_desktop.ui.pages.pickers import DatePicker

    picker = DatePicker("Stand")
    image = rendered(picker, qtbot)
    button = picker.button.geometry()
    background, ink = sample(image, (button.x(), button.y(), button.width(), button.height()))
    assert contrast(ink, background) >= ICON_CONTRAST, (ink.name(), background.name())

    from zwk_desktop.ui.palette import tinted_icon

    for name in ("nach-oben", "nach-unten", "kalender"):
        pixmap = tinted_icon(name).pixmap(32, 32).toImage()
        inks = [
            QColor.fromRgb(rgb)
            for rgb in {
                pixmap.pixel(x, y)
                for x in range(32)
                for y in range(32)
                if pixmap.pixelColor(x, y).alpha() == 255
            }
        ]
        best = max(contrast(c, palette.color(Role.Button)) for c in inks)
        assert best >= ICON_CONTRAST, name


def test_no_stray_colour_files() -> None:
    assert Path(ROOT / "zwk_desktop" / "ui" / "palette.py").exists()


def _inks(image: QImage) -> list[QColor]:
    opaque = {
        image.pixel(x, y)
        for x in range(image.width())
        for y in range(image.height())
        if image.pixelColor(x, y).alpha() == 255
    }
    return [QColor.fromRgb(rgb) for rgb in opaque]


@pytest.mark.parametrize(
    "name", ["hinzufuegen", "entfernen", "error", "warning", "info", "ok", "offen", "kalender"]
)
def test_coloured_icons_stand_out_on_page_button_and_selection(
    palette: QPalette, name: str
) -> None:
    from PySide6.QtGui import QIcon

    from zwk_desktop.ui.palette import tinted_icon

    icon = tinted_icon(name)
    normal = _inks(icon.pixmap(32, 32).toImage())
    for role in (Role.Window, Role.Base, Role.Button):
        best = max(contrast(c, palette.color(role)) for c in normal)
        assert best >= ICON_CONTRAST, (name, role, palette.color(role).name())
    selected = _inks(icon.pixmap(32, 32, QIcon.Mode.Selected).toImage())
    best = max(contrast(c, palette.color(Role.Highlight)) for c in selected)
    assert best >= ICON_CONTRAST, (name, "selection")
