"""Pages reflow to the window (issue 10, item 8): no horizontal scroll bar, nothing cut off at
the right edge, no label or button narrower than its text, on every page, at 1024×700 logical
pixels at 100, 125, 150 and 200 % and at the sizes of a 1366×768 screen at 125 % and a
1920×1080 screen at 200 %. Each case is a fresh process (Qt's scale factor is fixed when the
application starts) on an offscreen screen of that size and device pixel ratio."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import EXAMPLES, ROOT

CASES = [
    (1024, 700, 1.0, None),
    (1024, 700, 1.25, "staedteverbund-oberes-tal.zwk"),
    (1024, 700, 1.5, "landkreis-hohenwald.zwk"),
    (1024, 700, 2.0, None),
    (1024, 700, 2.0, "staedteverbund-oberes-tal.zwk"),
    (1093, 614, 1.25, "landkreis-hohenwald.zwk"),  # a 1366×768 screen at 125 %
    (960, 540, 2.0, "gemeinde-lindenhagen.zwk"),  # a 1920×1080 screen at 200 %
    (1150, 700, 1.25, "landkreis-hohenwald.zwk"),  # wide enough for the help panel beside
]


def check(tmp_path: Path, width: int, height: int, ratio: float, example: str | None) -> dict:
    config = tmp_path / "bildschirm.json"
    screen = {"name": "s", "x": 0, "y": 0, "width": width, "height": height}
    config.write_text(json.dumps({"screens": [{**screen, "logicalDpi": 96, "dpr": ratio}]}))
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}")
    env["ZWK_DATA_DIR"] = str(tmp_path / "daten")
    args = [str(width), str(height)] + ([str(EXAMPLES / example)] if example else [])
    done = subprocess.run(
        [sys.executable, str(ROOT / "tests" / "layout_check.py"), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=True,
    )
    result: dict = json.loads(done.stdout.strip().splitlines()[-1])
    return result


@pytest.mark.slow
@pytest.mark.parametrize(("width", "height", "ratio", "example"), CASES)
def test_every_page_fits_the_window(
    tmp_path: Path, width: int, height: int, ratio: float, example: str | None
) -> None:
    result = check(tmp_path, width, height, ratio, example)
    assert result["scale"] == ratio
    assert result["size"][0] <= width and result["pages"] == 13
    assert result["problems"] == []
