"""Start-up probe for smoke tests and start-up measurements.

With ``ZWK_QUIT_AFTER_START=1`` in the environment the desktop program starts as usual and quits
by itself as soon as its main window is on screen (``app.run_gui`` installs this probe before
the UI starts). The probe

- creates the `QApplication` (the UI reuses an existing instance),
- waits for the first `QMainWindow` to be shown (it looks whenever the event loop is idle) and
  for the pending paint events,
- prints one line ``ZWK-HAUPTFENSTER <unix time in seconds>`` on stdout, for start-up figures,
- then closes all windows the regular way, so the windows' close handlers run as when a user
  quits, and ends the event loop.

Exit codes besides the program's own: 3 when a window refuses to close, 4 when no main window
appears within `TIMEOUT_S`.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

SHOWN_MARKER = "ZWK-HAUPTFENSTER"
TIMEOUT_S = 60
EXIT_WINDOW_STAYED_OPEN = 3
EXIT_NO_MAIN_WINDOW = 4


def _say(text: str, *, error: bool = False) -> None:
    stream = sys.stderr if error else sys.stdout
    if stream is not None:  # windowed programs on Windows have neither
        print(text, file=stream, flush=True)


class StartupProbe(QObject):
    """Quits the application once its main window has been shown.

    It watches without an event filter on the application: such a filter sees every event of
    every object and makes PySide wrap them all, which would slow down the very start it
    measures. It looks for a shown main window each time the event loop is idle instead."""

    POLL_MS = 5

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._app = app
        self._shown = False
        self._timer = QTimer(self)
        self._timer.setInterval(self.POLL_MS)
        self._timer.timeout.connect(self._look)
        self._timer.start()  # runs once the event loop runs: after the window's show()
        QTimer.singleShot(TIMEOUT_S * 1000, self._give_up)

    def _look(self) -> None:
        if any(
            isinstance(w, QMainWindow) and w.isWindow() and w.isVisible()
            for w in self._app.topLevelWidgets()
        ):
            self._shown = True
            self._timer.stop()
            QTimer.singleShot(0, self._finish)  # after the pending paint events

    def _finish(self) -> None:
        _say(f"{SHOWN_MARKER} {time.time():.6f}")
        self._app.closeAllWindows()
        still_open = [
            w.windowTitle() or type(w).__name__
            for w in self._app.topLevelWidgets()
            if w.isVisible()
        ]
        if still_open:
            _say(
                "Startprobe: Diese Fenster ließen sich nicht schließen: " + ", ".join(still_open),
                error=True,
            )
            self._app.exit(EXIT_WINDOW_STAYED_OPEN)
            return
        self._app.exit(0)

    def _give_up(self) -> None:
        if not self._shown:
            _say(f"Startprobe: Nach {TIMEOUT_S} s ist noch kein Hauptfenster zu sehen.", error=True)
            self._app.exit(EXIT_NO_MAIN_WINDOW)


def install_probe(argv: Sequence[str]) -> StartupProbe:
    """Create the application (if needed) and attach the probe to it."""
    app = QCoreApplication.instance()
    if app is None:
        app = QApplication([sys.argv[0], *argv])
    assert isinstance(app, QApplication)
    return StartupProbe(app)
