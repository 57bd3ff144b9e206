"""Regenerate resources/fonts/NotoSans-Stamp.ttf: Noto Sans cut to the characters a signature
stamp needs (Latin-1, Latin Extended-A, German quotes, dashes, €, the replacement character).

The stamp is embedded by pyHanko through fontTools; subsetting this small file instead of the
whole Noto Sans keeps the visible signature fast. Run: .venv/bin/python scripts/make_stamp_font.py
"""

from __future__ import annotations

from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

FONTS = Path(__file__).resolve().parent.parent / "resources" / "fonts"
PUNCTUATION = "€–—‘’‚“”„•…‹›\ufffd"
CODEPOINTS = [*range(0x20, 0x7F), *range(0xA0, 0x180), *map(ord, PUNCTUATION)]


def main() -> None:
    font = TTFont(FONTS / "NotoSans-Regular.ttf")
    options = subset.Options()
    options.layout_features = ["kern", "liga"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.hinting = False
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=CODEPOINTS)
    subsetter.subset(font)
    font.save(FONTS / "NotoSans-Stamp.ttf")


if __name__ == "__main__":
    main()
