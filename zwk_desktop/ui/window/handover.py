"""The running window takes over what a second start hands to it (services/instance.py): it
watches the data folder's inbox, opens each handed-over file (the same file once per run: a
second click opens the draft it became) and comes to the front."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer

from zwk_desktop.services import instance
from zwk_desktop.services.private_files import private_dir
from zwk_desktop.services.store_errors import StoreError
from zwk_desktop.ui.window.main_window import MainWindow


class Handover(QObject):
    """Watches ``<data folder>/uebergabe`` for requests of later starts."""

    def __init__(self, window: MainWindow, folder: Path) -> None:
        super().__init__(window)
        self.setObjectName("handover")
        self.window = window
        self.folder = folder
        self.opened = instance.OpenedFiles()
        inbox = folder / instance.INBOX
        private_dir(inbox)  # 0700, like everything in the data folder
        self._watcher = QFileSystemWatcher([str(inbox)], self)
        self._watcher.directoryChanged.connect(self._schedule)
        # A watcher can miss an event (or not exist on some file systems): look now and then.
        self._poll = QTimer(self)
        self._poll.setInterval(2000)
        self._poll.timeout.connect(self.take)
        self._poll.start()
        self._busy = False
        QTimer.singleShot(0, self.take)

    def _schedule(self, _path: str = "") -> None:
        QTimer.singleShot(0, self.take)

    def take(self) -> None:
        """Claim every waiting request and carry it out."""
        if self._busy:
            return
        self._busy = True
        try:
            for request in instance.take_requests(self.folder):
                self.to_front()
                for path in request.files:
                    self.open_file(path)
        finally:
            self._busy = False

    def open_file(self, path: Path) -> None:
        """Import a file as a new draft, unless this run has imported it already."""
        known = self.opened.draft_for(path)
        if known is not None and self._still_there(known):
            self.window.open_draft(known)
            return
        self.window.open_path(path)
        current = self.window.current
        if current is not None and current.draft_id is not None:
            self.opened.remember(path, current.draft_id)

    def _still_there(self, draft_id: int) -> bool:
        try:
            return self.window.store.summary(draft_id).deleted is None
        except StoreError:
            return False

    def to_front(self) -> None:
        from PySide6.QtCore import Qt  # the whole Qt namespace (~25 ms): not at start-up

        window = self.window
        if window.windowState() & Qt.WindowState.WindowMinimized:
            window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
        window.show()
        window.raise_()
        window.activateWindow()
