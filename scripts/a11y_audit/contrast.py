"""Contrast measured on the screen's pixels (run with the project's venv python on the
audit's X display; the walker talks to it through stdin/stdout, one JSON line each way).

A request is a list of rectangles [x, y, w, h] in screen pixels (the extents that AT-SPI gives
for objects that show text); the answer is, per rectangle, the lowest contrast ratio (WCAG 2.x)
of any ink colour in it against the background. The background is the most frequent colour;
ink pixels (ratio ≥ 1.4 to the background) are grouped by their direction from the background
in RGB space, so anti-aliased edges join the colour they fade from, and black text beside red
words gives two groups; the group's strongest pixel is its colour. Groups of fewer than
MIN_PIXELS pixels (a caret, a stray edge) are ignored.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from PySide6.QtGui import QGuiApplication, QImage

MIN_PIXELS = 12
INSET = 3  # frames and focus rings lie on a widget's border


def luminance(rgb: tuple[int, int, int]) -> float:
    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def ratio(a: tuple[int, int, int], b: tuple[int, int, int]) -> float:
    la, lb = luminance(a), luminance(b)
    hi, lo = max(la, lb), min(la, lb)
    return (hi + 0.05) / (lo + 0.05)


def measure(image: QImage, rect: list[int]) -> dict[str, object] | None:
    x, y, w, h = rect
    x0, y0 = max(0, x + INSET), max(0, y + INSET)
    x1, y1 = min(image.width(), x + w - INSET), min(image.height(), y + h - INSET)
    if x1 - x0 < 4 or y1 - y0 < 4:
        return None
    counts: dict[int, int] = {}
    for yy in range(y0, y1):
        for xx in range(x0, x1):
            p = image.pixel(xx, yy) & 0xFFFFFF
            counts[p] = counts.get(p, 0) + 1

    def rgb(p: int) -> tuple[int, int, int]:
        return (p >> 16) & 255, (p >> 8) & 255, p & 255

    # the background: the most frequent colour along the inset edge (an icon or a bold word
    # may cover more of a small button than its background does)
    ring: dict[int, int] = {}
    for xx in range(x0, x1):
        for yy in (y0, y1 - 1):
            p = image.pixel(xx, yy) & 0xFFFFFF
            ring[p] = ring.get(p, 0) + 1
    for yy in range(y0, y1):
        for xx in (x0, x1 - 1):
            p = image.pixel(xx, yy) & 0xFFFFFF
            ring[p] = ring.get(p, 0) + 1
    bg = rgb(max(ring, key=lambda p: ring[p]))
    groups: dict[
        tuple[int, int, int], list[int]
    ] = {}  # direction -> [pixels, best ratio*1000, colour]
    for p, n in counts.items():
        c = rgb(p)
        r = ratio(c, bg)
        if r < 1.4:
            continue
        d = [c[i] - bg[i] for i in range(3)]
        length = max(abs(v) for v in d) or 1
        key = tuple(round(v / length * 3) for v in d)
        g = groups.setdefault(key, [0, 0, p])  # type: ignore[arg-type]
        g[0] += n
        if r * 1000 > g[1]:
            g[1], g[2] = int(r * 1000), p
    inks = [(g[1] / 1000, g[2]) for g in groups.values() if g[0] >= MIN_PIXELS]
    if not inks:
        return {"ratio": None, "bg": "#{:02x}{:02x}{:02x}".format(*bg)}
    worst = min(inks)
    background = "#{:02x}{:02x}{:02x}".format(*bg)
    return {"ratio": round(worst[0], 2), "bg": background, "fg": f"#{worst[1]:06x}"}


def main() -> int:
    app = QGuiApplication(sys.argv)
    screen = app.primaryScreen()
    for line in sys.stdin:
        rects = json.loads(line)
        image = screen.grabWindow(0).toImage().convertToFormat(QImage.Format.Format_RGB32)
        if image.devicePixelRatio() != 1:
            image.setDevicePixelRatio(1)
        results = [measure(image, r) for r in rects]
        if os.environ.get("A11Y_SHOTS"):  # what a finding looked like, for the one who fixes it
            for rect, res in zip(rects, results, strict=True):
                if res and res.get("ratio") is not None and res["ratio"] < 4.5:
                    shots = Path(os.environ["A11Y_SHOTS"])
                    shots.mkdir(parents=True, exist_ok=True)
                    image.copy(*rect).save(str(shots / f"{len(list(shots.iterdir())):03d}.png"))
        print(json.dumps(results), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
