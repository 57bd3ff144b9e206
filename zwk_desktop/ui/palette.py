"""Every colour the window uses, taken from the user's palette (issue 14).

Nothing in the interface names a fixed colour: a colour is either a role of the palette or
picked from a pair (one for light, one for dark backgrounds) by what reaches the contrast of
WCAG 2.x against the palette's background – 4.5:1 for text, 3:1 for icons and chart lines – and
falls back to the palette's own text colour when neither does (Windows high contrast).
`accessible_palette` also raises what Qt's styles leave below 4.5:1: placeholder text
(„TT.MM.JJJJ“, „Bitte auswählen“) and white on the selection colour.

`colour_pairs` lists every pair of foreground and background the interface draws, for the
tests that check them under a light, a dark and a high-contrast palette.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from PySide6.QtCore import QByteArray, QSize
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPainter, QPalette, QPixmap

from zwk_desktop.locations import resources_dir

TEXT_CONTRAST = 4.5
"""WCAG 2.x 1.4.3: text and images of text."""
ICON_CONTRAST = 3.0
"""WCAG 2.x 1.4.11: graphical objects (icons, chart lines)."""

Role = QPalette.ColorRole

SEVERITY_PAIRS = {
    "error": ("#b00020", "#ff9e99"),
    "warning": ("#7a4a00", "#ffd27a"),
    "info": ("#0d47a1", "#9cc3ff"),
    "ok": ("#1b5e20", "#a5e3a9"),
}
"""Severity → (text on a light background, text on a dark one); always beside a word."""

BANNER_PAIRS = {
    "valid": (("#14532d", "#e3f1e6"), ("#c8f0d2", "#12351f")),
    "invalid": (("#7f1d1d", "#fbe4e4"), ("#ffd6d6", "#4a1111")),
}
"""The verdict banner of the package view: (foreground, background) for light and dark."""

CHART_PAIRS = {
    "line": ("#1f5fa8", "#8ab8f0"),
    "decline": ("#a4262c", "#ff9e99"),
    "growth": ("#2b7a0b", "#8fd97a"),
}
"""The population chart's lines and bars (graphics: 3:1) on light and dark backgrounds."""

INK = "#37474f"
"""The ink of the glyph icons in resources/icons; drawn in the palette's button text colour."""
PAPER = "#fff"
"""Their paper (the calendar sheet, the file); drawn in the palette's base colour."""
GLYPHS = frozenset({"kalender", "nach-oben", "nach-unten", "datei", "offen"})


def luminance(colour: QColor) -> float:
    """WCAG 2.x relative luminance of an sRGB colour."""

    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


def contrast(a: QColor, b: QColor) -> float:
    """WCAG 2.x contrast ratio, 1 to 21."""
    la, lb = luminance(a), luminance(b)
    return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)


def is_dark(colour: QColor) -> bool:
    return luminance(colour) < 0.18


def current() -> QPalette:
    return QGuiApplication.palette()


def readable(
    candidates: tuple[str, ...],
    backgrounds: tuple[QColor, ...],
    fallback: QColor,
    minimum: float = TEXT_CONTRAST,
) -> QColor:
    """The first candidate that reaches `minimum` against every background, else `fallback`
    (the palette's text colour), else black or white, whichever reads better."""
    for name in candidates:
        colour = QColor(name)
        if all(contrast(colour, bg) >= minimum for bg in backgrounds):
            return colour
    if all(contrast(fallback, bg) >= minimum for bg in backgrounds):
        return fallback
    black, white = QColor(0, 0, 0), QColor(255, 255, 255)
    return max((black, white), key=lambda c: min(contrast(c, bg) for bg in backgrounds))


def _ordered(pair: tuple[str, str], background: QColor) -> tuple[str, str]:
    return (pair[1], pair[0]) if is_dark(background) else pair


def severity_colour(severity: str, palette: QPalette | None = None) -> QColor:
    """The text colour of a severity word on the page (window) and in fields (base)."""
    palette = palette or current()
    window, base = palette.color(Role.Window), palette.color(Role.Base)
    return readable(
        _ordered(SEVERITY_PAIRS[severity], window), (window, base), palette.color(Role.WindowText)
    )


def severity_hex(severity: str, palette: QPalette | None = None) -> str:
    return severity_colour(severity, palette).name()


def banner_colours(kind: str, palette: QPalette | None = None) -> tuple[QColor, QColor]:
    """(foreground, background) of the package view's verdict banner."""
    palette = palette or current()
    window = palette.color(Role.Window)
    light, dark = BANNER_PAIRS[kind]
    fg, bg = (QColor(c) for c in (dark if is_dark(window) else light))
    if contrast(fg, bg) >= TEXT_CONTRAST and contrast(bg, window) < 21:
        return fg, bg
    return palette.color(Role.WindowText), window


def banner_style(kind: str, palette: QPalette | None = None) -> str:
    fg, bg = banner_colours(kind, palette)
    return f"background:{bg.name()}; color:{fg.name()}; padding:6px; font-weight:bold"


def chart_colour(kind: str, palette: QPalette | None = None) -> QColor:
    """The line (a graphic: 3:1) and the labels of decline and growth (text: 4.5:1)."""
    palette = palette or current()
    base = palette.color(Role.Base)
    minimum = ICON_CONTRAST if kind == "line" else TEXT_CONTRAST
    return readable(_ordered(CHART_PAIRS[kind], base), (base,), palette.color(Role.Text), minimum)


def muted_text(palette: QPalette | None = None) -> QColor:
    """Secondary text (source notes): the placeholder colour `accessible_palette` raised to
    4.5:1, or the text colour."""
    palette = palette or current()
    window = palette.color(Role.Window)
    muted = palette.color(Role.PlaceholderText)
    if contrast(muted, window) >= TEXT_CONTRAST:
        return muted
    return palette.color(Role.WindowText)


def _toward(colour: QColor, target: QColor, share: float) -> QColor:
    return QColor.fromRgbF(
        colour.redF() + (target.redF() - colour.redF()) * share,
        colour.greenF() + (target.greenF() - colour.greenF()) * share,
        colour.blueF() + (target.blueF() - colour.blueF()) * share,
    )


def _at_least(
    colour: QColor, backgrounds: tuple[QColor, ...], toward: QColor, minimum: float
) -> QColor:
    """`colour` moved toward `toward` in small steps until it reaches `minimum` against every
    background."""
    for step in range(41):
        moved = _toward(colour, toward, step / 40)
        if all(contrast(moved, bg) >= minimum for bg in backgrounds):
            return moved
    return QColor(toward)


def accessible_palette(palette: QPalette) -> QPalette:
    """`palette` with placeholder text and the selection raised to 4.5:1."""
    # copy() rather than QPalette(palette): that constructor's overloads name Qt.GlobalColor,
    # which makes PySide6 build its whole Qt namespace (~25 ms) on the way to the start screen
    result = palette.__copy__()
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        base = result.color(group, Role.Base)
        text = result.color(group, Role.Text)
        placeholder = result.color(group, Role.PlaceholderText)
        if placeholder.alpha() < 255:  # Qt draws it as text with half opacity
            placeholder = _toward(base, placeholder, placeholder.alphaF())
        button = result.color(group, Role.Button)  # „Bitte auswählen“ in a combo box
        result.setColor(
            group, Role.PlaceholderText, _at_least(placeholder, (base, button), text, 4.6)
        )
        highlight = result.color(group, Role.Highlight)
        highlighted = result.color(group, Role.HighlightedText)
        if contrast(highlight, highlighted) < TEXT_CONTRAST:
            far = QColor(0, 0, 0) if not is_dark(highlighted) else QColor(255, 255, 255)
            result.setColor(group, Role.Highlight, _at_least(highlight, (highlighted,), far, 4.6))
        link = result.color(group, Role.Link)
        window = result.color(group, Role.Window)
        if min(contrast(link, base), contrast(link, window)) < TEXT_CONTRAST:
            result.setColor(group, Role.Link, readable((), (base, window), text))
    return result


def apply_accessible_palette() -> None:
    """Raise the application's palette (once per palette: idempotent)."""
    app = QGuiApplication.instance()
    if isinstance(app, QGuiApplication):
        raised = accessible_palette(app.palette())
        if raised != app.palette():
            QGuiApplication.setPalette(raised)


SEVERITY_ICONS = {
    "error": "fehler",
    "warning": "hinweis",
    "info": "information",
    "ok": "vollstaendig",
}
COLOURED_ICONS = {
    "vollstaendig": ("ok", ("#2e7d32",), ("#fff",)),
    "fehler": ("error", ("#c62828",), ("#fff",)),
    "information": ("info", ("#1565c0",), ("#fff",)),
    "hinweis": ("warning", ("#e0a000", "#8a6200"), ("#1a1a1a",)),
}
"""Icon → (the severity whose colours its disc takes, the disc's colours, its symbol's).
The add and remove icons are not among them: they sit on buttons beside the button's text and
follow it, their symbols cut out (a coloured disc with a black or white symbol read 2.65:1 on a
dark button)."""


def tinted_icon(name: str, palette: QPalette | None = None) -> QIcon:
    """An icon of resources/icons (by file stem or severity) in the palette's colours: glyphs
    (arrows, calendar, file, add, remove) in the button text colour, the coloured discs (the
    severities) in the severity's colour that reaches 3:1 against window, base and
    button, their symbol in black or white, whichever stands out; on a selected row all in
    the selection's text colour (Windows high contrast: cyan selection)."""
    palette = palette or current()
    stem = SEVERITY_ICONS.get(name, name)
    backgrounds = (palette.color(Role.Window), palette.color(Role.Base), palette.color(Role.Button))
    if stem in COLOURED_ICONS:
        severity, discs, symbols = COLOURED_ICONS[stem]
        disc = readable(
            _ordered(SEVERITY_PAIRS[severity], backgrounds[0]),
            backgrounds,
            palette.color(Role.WindowText),
            ICON_CONTRAST,
        )
        black, white = QColor(0, 0, 0), QColor(255, 255, 255)
        symbol = max((black, white), key=lambda c: contrast(c, disc))
        colours = {**dict.fromkeys(discs, disc.name()), **dict.fromkeys(symbols, symbol.name())}
    else:
        colours = {INK: palette.color(Role.ButtonText).name(), PAPER: "none", "#5f6368": ""}
        colours["#5f6368"] = colours[INK]
    selected_ink = palette.color(Role.HighlightedText).name()
    selected_paper = palette.color(Role.Highlight).name()
    return _tinted(stem, tuple(colours.items()), selected_ink, selected_paper)


@cache
def _tinted(
    stem: str, colours: tuple[tuple[str, str], ...], selected_ink: str, selected_paper: str
) -> QIcon:
    from PySide6.QtSvg import QSvgRenderer  # only when an icon is drawn, not at start-up

    source = (resources_dir() / "icons" / f"{stem}.svg").read_text(encoding="utf-8")
    normal = selected = source
    for old, new in colours:
        normal = normal.replace(f'"{old}"', f'"{new}"')
        # selected: one colour on the selection, symbols cut out in the selection's colour
        is_symbol = old in ("#fff", "#1a1a1a")
        tone = "none" if new == "none" else selected_paper if is_symbol else selected_ink
        selected = selected.replace(f'"{old}"', f'"{tone}"')
    result = QIcon()
    for svg, mode in ((normal, QIcon.Mode.Normal), (selected, QIcon.Mode.Selected)):
        renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
        for size in (16, 24, 32, 48, 64):
            pixmap = QPixmap(QSize(size, size))
            pixmap.fill(QColor(0, 0, 0, 0))
            painter = QPainter(pixmap)
            renderer.render(painter)
            painter.end()
            result.addPixmap(pixmap, mode)
    return result


@dataclass(frozen=True)
class Pair:
    name: str
    foreground: QColor
    background: QColor
    minimum: float


def colour_pairs(palette: QPalette) -> list[Pair]:
    """Every foreground/background pair the interface draws under `palette` (after
    `accessible_palette`)."""
    p = accessible_palette(palette)
    window, base = p.color(Role.Window), p.color(Role.Base)
    pairs = [
        Pair("Text", p.color(Role.Text), base, TEXT_CONTRAST),
        Pair("Fenstertext", p.color(Role.WindowText), window, TEXT_CONTRAST),
        Pair("Schaltflächentext", p.color(Role.ButtonText), p.color(Role.Button), TEXT_CONTRAST),
        Pair("Platzhalter", p.color(Role.PlaceholderText), base, TEXT_CONTRAST),
        Pair("Platzhalter Auswahl", p.color(Role.PlaceholderText), p.color(Role.Button), 4.5),
        Pair("Auswahl", p.color(Role.HighlightedText), p.color(Role.Highlight), TEXT_CONTRAST),
        Pair("Verweis", p.color(Role.Link), window, TEXT_CONTRAST),
        Pair("Nebentext", muted_text(p), window, TEXT_CONTRAST),
        Pair("Symbol", p.color(Role.ButtonText), p.color(Role.Button), ICON_CONTRAST),
        Pair("Symbol auf Papier", p.color(Role.ButtonText), base, ICON_CONTRAST),
    ]
    for severity in SEVERITY_PAIRS:
        colour = severity_colour(severity, p)
        pairs.append(Pair(f"{severity} auf Seite", colour, window, TEXT_CONTRAST))
        pairs.append(Pair(f"{severity} im Feld", colour, base, TEXT_CONTRAST))
    for kind in BANNER_PAIRS:
        fg, bg = banner_colours(kind, p)
        pairs.append(Pair(f"Banner {kind}", fg, bg, TEXT_CONTRAST))
    for kind in CHART_PAIRS:
        minimum = ICON_CONTRAST if kind == "line" else TEXT_CONTRAST
        pairs.append(Pair(f"Diagramm {kind}", chart_colour(kind, p), base, minimum))
    pairs.append(
        Pair("Verzeichnisvermerk", p.color(Role.Text), p.color(Role.AlternateBase), TEXT_CONTRAST)
    )
    return pairs
