"""Replaces PyInstaller's hook for PySide6.QtGui: the same collection, but only the Qt plugins
listed in ``bundle_config.KEPT_QT_PLUGINS``.

Filtering here (rather than in the spec afterwards) matters because PyInstaller follows the
shared-library dependencies of every collected plugin: the GTK platform theme alone would pull
in libgtk-3 and its whole stack.
"""

import os

from bundle_config import keep_qt_plugin
from PyInstaller.utils.hooks.qt import get_qt_library_info

hiddenimports, _binaries, datas = get_qt_library_info("PySide6").collect_module("PySide6.QtGui")
binaries = [
    (src, dest)
    for src, dest in _binaries
    if "plugins" not in dest.replace("\\", "/").split("/")
    or keep_qt_plugin(dest, os.path.basename(src))
]
