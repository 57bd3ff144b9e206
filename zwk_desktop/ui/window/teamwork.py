"""Working together, the window's side: the user's name (asked once, in the notice bar), the
merge dialog for conflicts waiting with the open draft, comments on the field with the focus,
the „Änderungsverlauf“ and the change markers („Zusammenarbeit“ menu).

`TeamworkCommands` is part of `MainWindow` (kept apart to keep each module small).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from zwk_desktop.ui.common import translate

if TYPE_CHECKING:
    from zwk_desktop.editing.session import EditSession
    from zwk_desktop.ui.dialogs.merge import MergeDialog
    from zwk_desktop.ui.window.context import UiServices
    from zwk_desktop.ui.window.editor import EditorView
    from zwk_desktop.ui.window.notices import Kind
    from zwk_desktop.ui.window.open_draft import OpenDraft


class TeamworkCommands:
    """The commands of the „Zusammenarbeit“ menu (mixed into `MainWindow`)."""

    merge_dialog: MergeDialog | None = None
    """The merge dialog while it is open (tests and the accessibility walk find it here)."""

    if TYPE_CHECKING:
        services: UiServices
        current: OpenDraft | None

        @property
        def session(self) -> EditSession | None: ...
        @property
        def editor(self) -> EditorView | None: ...
        def show_settings(self) -> None: ...
        def notify(
            self,
            text: str,
            kind: Kind = "info",
            action_text: str | None = None,
            action: Callable[[], object] | None = None,
        ) -> None: ...

    def _widget(self) -> QWidget:
        """The window this is part of, as the parent of its dialogs."""
        assert isinstance(self, QWidget)
        return self

    def user_name(self) -> str:
        """The user's name for the change log, comments and files (from the settings)."""
        return self.services.settings.load().user_name

    def _name_changed(self) -> None:
        name = self.user_name()
        if self.current is not None and name and name != self.current.session.author:
            self.current.author = name
            self.current.session.set_author(name)

    def _ask_name_once(self, path: Path) -> bool:
        """After the first file written without the user's name: ask for it, once, in the
        notice bar (never in a modal dialog). True when the notice was shown."""
        from dataclasses import replace

        settings = self.services.settings
        current = settings.load()
        if current.user_name or current.name_asked:
            return False
        try:
            settings.save(replace(current, name_asked=True))
        except OSError:
            return False
        self.notify(
            translate(
                "Main",
                "Der Entwurf ist als Datei gespeichert: {path}. Damit andere sehen, von wem die "
                "Datei, Ihre Änderungen und Kommentare stammen, geben Sie bitte einmal Ihren "
                "Namen an.",
            ).format(path=path),
            "info",
            translate("Main", "&Namen angeben…"),
            self.show_settings,
        )
        return True

    def show_merge(self) -> None:
        """The conflicts of a merge that wait with the open draft, to be decided."""
        from PySide6.QtCore import Qt

        from zwk_desktop.ui.dialogs.merge import MergeDialog

        session = self.session
        if session is None or session.pending is None:
            return
        dialog = MergeDialog(session, self._widget())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.decided.connect(self._merge_decided)
        self.merge_dialog = dialog
        dialog.open()

    def _merge_decided(self, count: int) -> None:
        if self.current is not None:
            self.current.autosave.save_explicitly()
        self.notify(
            translate(
                "Main",
                "Die Zusammenführung ist abgeschlossen ({n} Entscheidungen übernommen). Ihr "
                "Stand davor und der eingegangene Stand sind unter „Versionen…“ erhalten.",
            ).format(n=count)
        )

    def show_comments(self) -> None:
        """„Kommentare zum Feld…“: the comments on the field with the focus."""
        from PySide6.QtCore import Qt

        from zwk_desktop.ui.dialogs.collab import CommentsDialog

        path = self._field_or_explain()
        if path is None or self.session is None:
            return
        dialog = CommentsDialog(self.session, path, self.services.settings, self._widget())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: self._name_changed())
        dialog.open()

    def show_field_history(self) -> None:
        """„Änderungsverlauf des Feldes…“: who changed the field with the focus, when, how."""
        path = self._field_or_explain()
        if path is not None:
            self._history(path)

    def show_history(self) -> None:
        """„Änderungsverlauf der Bewerbung…“: every change, newest first."""
        self._history(None)

    def _history(self, path: str | None) -> None:
        from PySide6.QtCore import Qt

        from zwk_desktop.ui.dialogs.collab import HistoryDialog

        if self.session is None:
            return
        dialog = HistoryDialog(self.session, path, self._widget())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def mark_all_seen(self) -> None:
        """Every change of others counts as seen (the markers go)."""
        if self.session is not None:
            self.session.seen_all()

    def show_changes(self) -> None:
        """The „Prüfen“ page, listing the changes of others not yet seen."""
        editor = self.editor
        if editor is not None:
            editor.review.show_mode("markers")
            editor.show_review()

    def _field_or_explain(self) -> str | None:
        editor = self.editor
        path = editor.current_path() if editor is not None else None
        if path is None:
            self.notify(
                translate(
                    "Main",
                    "Bitte setzen Sie zuerst den Cursor in das Feld, um das es geht "
                    "(Tabulatortaste), und wählen Sie den Befehl dann noch einmal.",
                )
            )
        return path
