"""Fonts of the PDF: registration with reportlab and text that every font can show.

The PDF embeds Noto Sans (regular, bold) as its base font, so reportlab never falls back to an
unembedded Helvetica. A character Noto Sans lacks is drawn with the first fallback font that has
it (DejaVu Sans, Noto Sans Symbols 2); one that no font has, or that lies outside the Basic
Multilingual Plane (most emoji), is replaced by a visible marker ("[Emoji]" or "�") and
counted, so nothing vanishes silently into empty boxes. Invisible format characters (zero-width
joiner, variation selectors) are dropped. Imported at export time only.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from xml.sax.saxutils import escape

from zwk_desktop.locations import resources_dir

REGULAR = "NotoSans"
BOLD = "NotoSans-Bold"
FALLBACKS = ("DejaVuSans", "NotoSansSymbols2")
FONT_FILES = {
    REGULAR: "NotoSans-Regular.ttf",
    BOLD: "NotoSans-Bold.ttf",
    "DejaVuSans": "DejaVuSans.ttf",
    "NotoSansSymbols2": "NotoSansSymbols2-Regular.ttf",
}
EMOJI_MARK = "[Emoji]"
MISSING_MARK = "\ufffd"
_REGIONAL_A = 0x1F1E6
_SHY = "\u00ad"

STAMP = "NotoSans-Stamp"
STAMP_FILE = "NotoSans-Stamp.ttf"
"""Noto Sans cut to Latin-1, Latin Extended-A and common punctuation (scripts/make_stamp_font.py):
the signature stamp embeds it through fontTools, which is ten times faster on the small file."""


def font_path(name: str) -> Path:
    return resources_dir() / "fonts" / (STAMP_FILE if name == STAMP else FONT_FILES[name])


@dataclass(frozen=True)
class FontSet:
    """The registered fonts and the code points each one covers."""

    coverage: dict[str, frozenset[int]]

    def has(self, font: str, char: str) -> bool:
        return ord(char) in self.coverage[font]


@cache
def register_fonts() -> FontSet:
    """Register the fonts with reportlab (once per process) and make Noto Sans the base font."""
    import reportlab.rl_config as rl_config
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    coverage = {}
    for name in (*FONT_FILES, STAMP):
        font = TTFont(name, str(font_path(name)))
        pdfmetrics.registerFont(font)
        coverage[name] = frozenset(font.face.charToGlyph)
    pdfmetrics.registerFontFamily(
        REGULAR, normal=REGULAR, bold=BOLD, italic=REGULAR, boldItalic=BOLD
    )
    rl_config.canvas_basefontname = REGULAR
    return FontSet(coverage)


def _is_emoji(cp: int) -> bool:
    return 0x1F000 <= cp <= 0x1FAFF or 0x2600 <= cp <= 0x27BF or 0x2B00 <= cp <= 0x2BFF


@dataclass
class TextConverter:
    """Turns user text into reportlab paragraph markup (or plain text for one font)."""

    fonts: FontSet
    substituted: list[str] = field(default_factory=list)
    """Characters that no font could show, in the order met."""

    def _runs(
        self, text: str, allow_fallback: bool, base: str = REGULAR
    ) -> list[tuple[str | None, str]]:
        """(font or None for the base font, text) runs."""
        runs: list[tuple[str | None, str]] = []

        def add(font: str | None, chunk: str) -> None:
            if runs and runs[-1][0] == font:
                runs[-1] = (font, runs[-1][1] + chunk)
            else:
                runs.append((font, chunk))

        chars = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
        i = 0
        while i < len(chars):
            ch = chars[i]
            cp = ord(ch)
            i += 1
            if ch in "\n\t":
                add(None, ch)
                continue
            if unicodedata.category(ch) in ("Cf", "Cc") and ch != _SHY:
                continue  # invisible by nature: zero-width joiner, variation selectors, controls
            if _REGIONAL_A <= cp <= _REGIONAL_A + 25:
                # A flag is two regional indicators: show the country code, e.g. [DE].
                letters = chr(ord("A") + cp - _REGIONAL_A)
                if i < len(chars) and _REGIONAL_A <= ord(chars[i]) <= _REGIONAL_A + 25:
                    letters += chr(ord("A") + ord(chars[i]) - _REGIONAL_A)
                    i += 1
                add(None, f"[{letters}]")
                continue
            if cp > 0xFFFF:
                # reportlab's font subsets map text back to Unicode in 16 bits only: a glyph
                # outside the BMP would copy out as a wrong character, so it gets the marker.
                self.substituted.append(ch)
                add(None, EMOJI_MARK if _is_emoji(cp) else MISSING_MARK)
                continue
            if self.fonts.has(base, ch):
                add(None, ch)
                continue
            fallback = next((f for f in FALLBACKS if self.fonts.has(f, ch)), None)
            if allow_fallback and fallback is not None:
                add(fallback, ch)
                continue
            self.substituted.append(ch)
            add(None, EMOJI_MARK if _is_emoji(cp) else MISSING_MARK)
        return runs

    def markup(self, text: str) -> str:
        """Paragraph markup: escaped, fallback fonts inline, line breaks kept. Where a line may
        break is decided before (`zwk_desktop.services.pdf_breaks`)."""
        parts = []
        for font, chunk in self._runs(text, allow_fallback=True):
            escaped = escape(chunk).replace("\t", " ").replace("\n", "<br/>")
            parts.append(escaped if font is None else f'<font name="{font}">{escaped}</font>')
        return "".join(parts)

    def plain(self, text: str, font: str = REGULAR) -> str:
        """Text that the base font alone can draw (for the header and the signature stamp)."""
        return "".join(chunk for _, chunk in self._runs(text, allow_fallback=False, base=font))
