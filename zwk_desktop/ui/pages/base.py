"""What every editor of a page shares: the page's environment (`PageEnv`), the editor base
class with its findings line (`Editor`), the findings of a whole section (`FindingsBox`) and the
sentence that explains a field's status. The editors by field type are in
`zwk_desktop.ui.pages.fields`, lists in `zwk_desktop.ui.pages.lists`."""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from zwk_desktop.editing.session import EditSession
from zwk_desktop.formspec.models import FormField
from zwk_desktop.ui.common import PATH_PROPERTY, severity_word, translate
from zwk_desktop.ui.extensions import PageContext
from zwk_desktop.ui.input_rules import guard_wheel, prefer_window_shortcuts
from zwk_desktop.ui.palette import severity_hex
from zwk_desktop.validation import Finding


@dataclass
class PageEnv:
    """What the editors of one page share: the session and the editors by concrete path."""

    session: EditSession
    editors: dict[str, Editor] = field(default_factory=dict)
    claimed: frozenset[str] = frozenset()
    """Template paths an extra of the page edits itself; the generated rows skip them."""
    on_rebuilt: Callable[[], None] = lambda: None
    """Called after a list rebuilt its items (the page fixes the tab order)."""
    list_editor: EditorFactory = field(kw_only=True)
    """Builds the editor of a list, also of a list inside a list's item (the page decides:
    the attachments get their own, see `zwk_desktop.ui.pages.page.list_editor`)."""

    @staticmethod
    def of(ctx: PageContext) -> PageEnv:
        """The environment behind a page extra's context. The pages build every context with
        their `PageEnv`; extras of this room (the budget grid) make editors in it, extras of
        other rooms see it only as `PageFields`."""
        if not isinstance(ctx.env, PageEnv):
            raise TypeError(f"not a page's context: {ctx.env!r}")
        return ctx.env


def finding_lines(
    findings: list[tuple[Finding, bool]], local: str | None = None
) -> list[tuple[str, str, str]]:
    """(severity, word, message) of each finding: „Fehler“, „Hinweis (bestätigt)“, …"""
    lines = []
    if local:
        lines.append(("error", severity_word("error"), local))
    for finding, acknowledged in findings:
        if local and finding.code == "format":
            continue  # the editor's own sentence about the typed text says it better
        word = severity_word(finding.severity)
        if acknowledged:
            word = translate("Fields", "{severity} (bestätigt)").format(severity=word)
        lines.append((finding.severity, word, finding.message))
    return lines


def findings_html(lines: list[tuple[str, str, str]]) -> str:
    """The lines as rich text; the word says the severity, the colour only repeats it."""
    return "<br>".join(
        f'<span style="color:{severity_hex(sev)}"><b>{html.escape(word)}:</b></span> '
        f"{html.escape(msg)}"
        for sev, word, msg in lines
    )


class Editor(QWidget):
    """Base of all editors: the path, the findings line below the input, focus."""

    def __init__(self, env: PageEnv, f: FormField, path: str, label: str) -> None:
        super().__init__()
        self.env = env
        self.session = env.session
        self.field = f
        self.path = path
        self.label_text = label
        self._loading = False
        self.writing = False
        """True while this editor writes to the session (it need not be refreshed then)."""
        self._shown = ""
        self.outer = QVBoxLayout(self)
        self.outer.setContentsMargins(0, 0, 0, 0)
        self.outer.setSpacing(2)
        self.feedback = QLabel()
        self.feedback.setWordWrap(True)
        self.feedback.setTextFormat(Qt.TextFormat.RichText)
        self.feedback.setObjectName(f"{path}:meldung")
        self.feedback.setAccessibleName(
            translate("Fields", "Prüfmeldung zu {label}").format(label=label)
        )
        self.feedback.hide()
        # every widget of the editor (a suggestion, a list's buttons) is about this field: the
        # help panel explains it, leaving it shows what is missing there
        self.setProperty(PATH_PROPERTY, path)
        self.notes: QLabel | None = None
        """Change markers and comments of the field (made when the first one is shown)."""
        self._note_lines: list[str] = []
        self._finding_lines: list[str] = []
        self._state_lines: list[str] = []
        env.editors[path] = self

    def setup_input(self, widget: QWidget) -> None:
        """Name a widget after the field (objectName, accessible name and description)."""
        widget.setObjectName(self.path)
        widget.setProperty(PATH_PROPERTY, self.path)
        if isinstance(widget, QLineEdit | QPlainTextEdit):
            prefer_window_shortcuts(widget)  # Ctrl+E exports, also from inside a text
        elif isinstance(widget, QComboBox | QAbstractSpinBox | QAbstractSlider):
            guard_wheel(widget)  # the wheel scrolls the page unless the box has the focus
        widget.setAccessibleName(self.label_text)
        widget.setAccessibleDescription(self.description())
        widget.setToolTip(self.field.help)

    def finish(self) -> None:
        """Add the findings line below everything else and load the value."""
        self.outer.addWidget(self.feedback)
        self.refresh()

    # overridden by the editors
    def focus_input(self) -> None:
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def focus_for(self, finding: Finding) -> None:
        """Put the cursor into the widget a finding of this editor is about (by default the
        editor's input; the budget grid picks the cell of the finding's year)."""
        self.focus_input()

    def refresh(self) -> None:
        """Show the session's current value."""

    def local_problem(self) -> str | None:
        """A sentence about typed text that cannot be read, if any."""
        return None

    def write(self, value: Any) -> None:
        if self._loading:
            return
        self.writing = True
        try:
            self.session.set(self.path, value)
        finally:
            self.writing = False

    def show_findings(self, findings: list[Finding]) -> None:
        pairs = [(f, self.session.acknowledgement(f) is not None) for f in findings]
        lines = finding_lines(pairs, self.local_problem())
        text = findings_html(lines)
        if text == self._shown:
            return
        self._shown = text
        self.feedback.setText(text)
        self.feedback.setVisible(bool(text))
        self._finding_lines = [f"{word}: {msg}" for _, word, msg in lines]
        self._describe()

    def show_notes(self, lines: list[str]) -> None:
        """Change markers („Geändert von …“) and comments of the field, below its findings."""
        if lines == self._note_lines:
            return
        self._note_lines = lines
        if self.notes is None:
            if not lines:
                return
            self.notes = QLabel()
            self.notes.setObjectName(f"{self.path}:anmerkungen")
            self.notes.setWordWrap(True)
            self.notes.setTextFormat(Qt.TextFormat.PlainText)
            self.notes.setAccessibleName(
                translate("Fields", "Anmerkungen zu {label}").format(label=self.label_text)
            )
            self.notes.setStyleSheet(
                "QLabel { border-left: 3px solid palette(highlight); padding-left: 6px; }"
            )
            self.outer.addWidget(self.notes)
        self.notes.setText("\n".join(lines))
        self.notes.setVisible(bool(lines))
        self._describe()

    def set_state_lines(self, lines: list[str]) -> None:
        """A state of the field that is no finding of its own, for its description (the
        budget: „Höchstgrenze 2022 um 2.500,00 € überschritten.“)."""
        if lines != self._state_lines:
            self._state_lines = lines
            self._describe()

    def required(self) -> bool:
        """Whether the user must fill this field in (what the „*“ beside its label says)."""
        return self.field.required and self.field.type not in ("group", "list")

    def description(self) -> str:
        """What a screen reader reads after the name: „Pflichtfeld“ where the field must be
        filled in (Qt has no accessible state for it), the help, a state such as a budget year
        over its cap, then the field's findings, change markers and comments."""
        cue = [translate("Fields", "Pflichtfeld")] if self.required() else []
        return "\n".join(
            [*cue, self.field.help, *self._state_lines, *self._finding_lines, *self._note_lines]
        )

    def _describe(self) -> None:
        described = self.description()
        for widget in self.findChildren(QWidget):
            if widget.property(PATH_PROPERTY) == self.path:
                widget.setAccessibleDescription(described)


def label_for(label: QLabel, target: QWidget) -> None:
    """Make `label` the visible label of `target` (its buddy). A screen reader prefers a
    label's name to the input's own name (Qt reports the buddy as the input's label relation;
    on Linux a combo box is named only through it), so the label takes the input's full
    accessible name, with its item and group, while it shows the short text."""
    label.setBuddy(target)
    label.setAccessibleName(target.accessibleName())


EditorFactory = Callable[[PageEnv, FormField, str, str], Editor]
"""Builds the editor of a field (environment, field, concrete path, label)."""


class FindingsBox(Editor):
    """Findings about a whole section or group (e.g. the age shares' sum)."""

    def __init__(self, env: PageEnv, f: FormField, path: str, label: str) -> None:
        super().__init__(env, f, path, label)
        self.finish()

    def focus_input(self) -> None:
        """The first field shown inside the section or group: the box itself takes no input."""
        inside = (f"{self.path}.", f"{self.path}[")
        for path, editor in self.env.editors.items():
            if (
                path.startswith(inside)
                and not isinstance(editor, FindingsBox)
                and editor.isVisibleTo(self.window())
            ):
                editor.focus_input()
                return
        super().focus_input()


def status_note(status: str) -> str:
    """What the status of a field, rule or section means, in one German sentence."""
    return {
        "D": translate("Page", "Grundlage: im Aufruf dokumentiert."),
        "E": translate(
            "Page",
            "Grundlage: durch Berichte ausgewählter Kommunen belegt, nicht im Aufruf selbst "
            "dokumentiert.",
        ),
        "I": translate(
            "Page",
            "Abgeleitet aus der allgemeinen Förderpraxis des Bundes, nicht im Aufruf dokumentiert.",
        ),
    }[status]
