"""A draft open in the main window: its place in the draft store, the form being edited, autosave
and the editing view, wired together.

`DraftSession` (services) keeps the draft in memory and writes it to the store; `EditSession`
(editing) changes the very same `Draft` object through field paths; the `AutosaveController`
saves in the background after each change (at most about a second after the last keystroke),
when another page is shown and when the draft is closed. Restoring a version replaces the
draft object, so the edit session and the view are built afresh for it.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from zwk_desktop.editing.session import EDIT_KINDS, EditSession, Event
from zwk_desktop.formspec.models import FormSpec
from zwk_desktop.services.autosave import DraftSession, SaveStatus
from zwk_desktop.services.summary import open_warnings
from zwk_desktop.ui.common import draft_title
from zwk_desktop.ui.extensions import Extensions
from zwk_desktop.ui.window.autosave import AutosaveController
from zwk_desktop.ui.window.editor import EditorView

EDITS = EDIT_KINDS
"""The kinds of session events that change the draft (and so start an autosave)."""


class OpenDraft(QObject):
    def __init__(
        self,
        stored: DraftSession,
        spec: FormSpec,
        extensions: Extensions,
        parent: QObject | None = None,
        author: str = "",
    ) -> None:
        """`author`: the user's name from the settings (for the change log and comments)."""
        super().__init__(parent)
        self.stored = stored
        self.spec = spec
        self.extensions = extensions
        self.author = author
        self.autosave = AutosaveController(stored, self)
        self.session: EditSession
        self.editor: EditorView
        self._build()

    def _build(self) -> None:
        self.session = EditSession(self.spec, self.stored.draft, self.author)
        self._unsubscribe = self.session.subscribe(self._event)
        self.editor = EditorView(self.session, self.extensions)  # its first check reports
        self.editor.pageChanged.connect(self.autosave.page_changed)

    def _event(self, event: Event) -> None:
        if event.kind in EDITS:
            self.autosave.edited()
        if event.kind in ("report", "acknowledgement"):
            report = self.session.report
            # the figures of the drafts list, written with the next save
            warnings = open_warnings(report, self.stored.draft)
            self.stored.set_findings(len(report.errors), warnings)

    @property
    def draft_id(self) -> int | None:
        """The draft's id in the store; None while the store could not take it yet."""
        return self.stored.draft_id

    def title(self) -> str:
        """The Kommune (or „Neue Bewerbung“), as the window title shows it. The save state is
        not part of the title: screen readers read every change of the active window's title,
        and the state changes after every pause in typing (issue 14)."""
        return draft_title(self.stored.draft.title)

    def save_state(self) -> str:
        """„Gespeichert 14:32“, „Wird gespeichert…“: the status bar shows it."""
        return self.autosave.title_text()

    def rebuild(self) -> EditorView:
        """After a version was restored: a new edit session and view for the restored draft, on
        the page that was shown. Returns the old view (disposed; the window removes it)."""
        old = self.editor
        index = old.index
        self._dispose_view()
        self._build()
        self.editor.go_to(index)
        return old

    def close(self) -> SaveStatus:
        """The last save (with complete figures for the drafts list); "failed" means the draft
        is only in memory."""
        return self.autosave.flush()

    def dispose(self) -> None:
        """Stop listening (the draft was closed)."""
        self._dispose_view()

    def _dispose_view(self) -> None:
        self._unsubscribe()
        self.editor.dispose()
