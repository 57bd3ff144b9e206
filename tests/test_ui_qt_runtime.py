"""Facts about the Qt binding the program relies on."""

from __future__ import annotations

import sys
from typing import Any

from PySide6.QtWidgets import QLabel


def test_void_methods_keep_the_reference_count_of_none(qtbot: Any) -> None:
    """PySide6 6.12.0 under Python 3.11 dropped a reference to None on every call of a method
    returning nothing; typing a few thousand characters then aborted the program
    ("none_dealloc"). pyproject.toml excludes that version; this guards the pin."""
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for i in range(2000):
        label.setText(str(i))
        label.setAccessibleName("x")
    assert before - sys.getrefcount(None) < 50
