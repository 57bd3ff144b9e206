"""One page per section, generated from the form: title, introduction, the fields in order,
conditional rows that appear and disappear, and the findings next to each field."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QAccessible, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGridLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from zwk_desktop.domain.paths import format_path, parse_path
from zwk_desktop.editing.session import EditSession, Event
from zwk_desktop.formspec.models import FormField, FormSpec, Section
from zwk_desktop.ui.common import (
    discard,
    heading,
    person,
    set_accessible_role,
    stamp_text,
    translate,
)
from zwk_desktop.ui.extensions import Extensions, PageContext, PageExtra
from zwk_desktop.ui.pages.attachments import AttachmentsEditor
from zwk_desktop.ui.pages.base import Editor, FindingsBox, PageEnv, status_note
from zwk_desktop.ui.pages.budget import budget_extra
from zwk_desktop.ui.pages.layout import FieldRows
from zwk_desktop.ui.pages.lists import ListEditor, YearMapEditor
from zwk_desktop.validation import Finding


def page_extras(extensions: Extensions, spec: FormSpec, section_id: str) -> list[PageExtra]:
    """The extras of a section's page: the budget grid on the budget's page, then what the
    form decides (`Extensions.form_extras`), then the extras added for the section."""
    out = []
    if section_id == spec.budget.items.split(".")[0]:
        out.append(budget_extra(spec))
    out += [extra for extras in extensions.form_extras for extra in extras(spec, section_id)]
    return out + extensions.page_extras.get(section_id, [])


def list_editor(env: PageEnv, f: FormField, path: str, label: str) -> Editor:
    """The editor of a list: attachments get their own, every other list the usual one."""
    if path == env.session.spec.attachments.list:
        return AttachmentsEditor(env, f, path, label)
    return ListEditor(env, f, path, label)


KEEP_VISIBLE = "keep_visible"
"""Attribute of a widget on a page: the widgets below it that should come into view with any
field inside it (the budget grid keeps its findings in view)."""

HIGHLIGHT_MS = 2500
"""How long the frame around the field a finding led to stays."""


def _ancestors(widget: QWidget) -> list[QWidget]:
    out = []
    parent = widget.parentWidget()
    while parent is not None:
        out.append(parent)
        parent = parent.parentWidget()
    return out


def _enclosing_editor(widget: QWidget) -> Editor | None:
    """The editor of the field a widget belongs to (its input, counter and findings line)."""
    for candidate in [widget, *_ancestors(widget)]:
        if isinstance(candidate, Editor) and not isinstance(candidate, ListEditor | FindingsBox):
            return candidate
    return None


def _rect_in(widget: QWidget, content: QWidget) -> QRect:
    return QRect(widget.mapTo(content, widget.rect().topLeft()), widget.size())


class Highlight(QFrame):
    """A frame drawn for a moment around the field a finding led to."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("hervorhebung")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setStyleSheet(
            "#hervorhebung { border: 3px solid palette(highlight); border-radius: 4px;"
            " background: transparent; }"
        )
        self.hide()
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(HIGHLIGHT_MS)
        self.timer.timeout.connect(self.hide)

    def show_around(self, widget: QWidget) -> None:
        parent = self.parentWidget()
        if parent is None or not parent.isAncestorOf(widget):
            return
        self.setGeometry(_rect_in(widget, parent).adjusted(-4, -4, 4, 4))
        self.show()
        self.raise_()
        self.timer.start()


def parent_path(path: str) -> str:
    parts = parse_path(path)
    return format_path(parts[:-1]) if len(parts) > 1 else ""


class SectionPage(QScrollArea):
    """A scrollable page with the editors of one section."""

    rebuilt = Signal()
    """A list added, removed or moved items (the tab order must be renewed)."""

    def __init__(self, session: EditSession, section: Section, extras: list[PageExtra]) -> None:
        super().__init__()
        self.session = session
        self.section = section
        self.setObjectName(f"seite:{section.id}")
        # no focus stop of its own (Tab goes to its fields, the wheel and the fields' focus
        # scroll it); a screen reader entering the page hears the section's title
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAccessibleName(section.title)
        set_accessible_role(self, QAccessible.Role.Grouping)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self._building = True
        self.env = PageEnv(
            session,
            claimed=frozenset(c for e in extras for c in e.claims),
            on_rebuilt=self._rebuilt,
            list_editor=list_editor,
        )
        content = QWidget()
        content.setObjectName(f"inhalt:{section.id}")
        outer = QVBoxLayout(content)
        outer.setContentsMargins(16, 16, 16, 24)
        outer.setSpacing(8)
        title = heading(section.title, 1)
        outer.addWidget(title)
        intro = QLabel(section.intro)
        intro.setWordWrap(True)
        outer.addWidget(intro)
        notes = [translate("Page", "Mit * gekennzeichnete Angaben sind Pflichtangaben.")]
        if section.status != "D":
            notes.append(status_note(section.status))
        legend = QLabel(" ".join(notes))
        legend.setWordWrap(True)
        outer.addWidget(legend)
        self.section_box: Editor = FindingsBox(self.env, section.node, section.id, section.title)
        outer.addWidget(self.section_box)
        grid = QGridLayout()
        outer.addLayout(grid)
        self.rows = FieldRows(self.env, grid, list_editor, YearMapEditor)
        self.extra_widgets: list[QWidget] = []
        ctx = PageContext(session, section, self.env)

        def place(after: str | None) -> None:
            for extra in extras:
                if extra.after == after:
                    widget = extra.build(ctx)
                    self.extra_widgets.append(widget)
                    self.rows.add_widget(widget)

        if section.type == "list":
            self.rows.add_widget(list_editor(self.env, section.node, section.id, section.title))
        else:
            for f in section.fields:
                self.rows.add_field(f, f"{section.id}.{f.id}")
                place(f.id)
        place(None)
        box = self.env.editors[section.id]
        if box is not self.section_box:  # an extra shows the section's findings itself
            discard(self.section_box)
            self.section_box = box
        outer.addStretch(1)
        self.setWidget(content)
        self.highlight = Highlight(content)
        self._building = False
        self._noted: set[str] = set()
        self.update_visibility()
        self.show_notes()
        self._unsubscribe = session.subscribe(self.on_event)

    def dispose(self) -> None:
        """Stop listening to the session (the page is closed)."""
        self._unsubscribe()

    # ----------------------------------------------------------------- reacting to the session

    def on_event(self, event: Event) -> None:
        editors = self.env.editors
        if event.kind == "value":
            editor = editors.get(event.path)
            if editor is not None and not editor.writing:
                editor.refresh()
            if event.path in self.session.condition_sources:
                self.update_visibility()
        elif event.kind == "items":
            editor = editors.get(event.path)
            if isinstance(editor, ListEditor):
                editor.rebuild()
        if event.kind in ("items", "marker", "comment", "conflict") or (
            event.kind == "value" and self._noted
        ):
            self.show_notes()
        for widget in self.extra_widgets:
            handler = getattr(widget, "on_event", None)
            if handler is not None:
                handler(event)

    def _rebuilt(self) -> None:
        if self._building:
            return
        self.update_visibility()
        self.show_findings()
        self.rebuilt.emit()

    def row_sets(self) -> list[FieldRows]:
        out = [self.rows]
        for editor in self.env.editors.values():
            if isinstance(editor, ListEditor):
                out.extend(editor.row_sets)
        return out

    def update_visibility(self) -> None:
        for rows in self.row_sets():
            rows.update_visibility()
        self.fit_labels()

    def fit_labels(self) -> None:
        """The label columns follow the page's width: narrow windows give the fields room."""
        width = self.viewport().width()
        for rows in self.row_sets():
            rows.fit_labels(width)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.fit_labels()
        super().resizeEvent(event)

    def owner(self, path: str) -> Editor:
        """The editor that shows a finding at `path`: its own, or the nearest enclosing one."""
        editors = self.env.editors
        p = path
        while p and p not in editors:
            p = parent_path(p)
        return editors.get(p) or self.section_box

    def show_findings(self) -> None:
        """Show the last report's findings next to their fields."""
        mine: dict[str, list[Finding]] = {p: [] for p in self.env.editors}
        for f in self.session.shown_findings():
            if f.section == self.section.id:
                mine.setdefault(self.owner(f.path).path, []).append(f)
        for path, findings in mine.items():
            editor = self.env.editors.get(path)
            if editor is not None:
                editor.show_findings(findings)

    def show_notes(self) -> None:
        """Change markers („Geändert von …, noch nicht gesehen“) and open comments below the
        fields they are about."""
        session = self.session
        lines: dict[str, list[str]] = {}
        for path, marker in session.markers(self.section.id).items():
            owner = self.owner(path).path
            when = stamp_text(marker.at) if marker.at else ""
            if marker.by:
                text = translate("Page", "Geändert von {who} ({when}), noch nicht gesehen")
            else:
                text = translate("Page", "Geändert in Datei {source} ({when}), noch nicht gesehen")
            lines.setdefault(owner, []).append(
                text.format(who=marker.by, when=when, source=marker.source)
            )
        for comment in session.open_comments(self.section.id):
            place = session.concrete(comment.path)
            if place is None:
                continue
            lines.setdefault(self.owner(place).path, []).append(
                translate("Page", "Kommentar von {who} ({when}): {text}").format(
                    who=person(comment.author), when=stamp_text(comment.at), text=comment.text
                )
            )
        for path in self._noted | set(lines):
            editor = self.env.editors.get(path)
            if editor is not None:
                editor.show_notes(lines.get(path, []))
        self._noted = set(lines)

    def focus_path(self, path: str) -> QWidget | None:
        """Focus the field at `path` (or the nearest enclosing one shown); returns the widget."""
        self.owner(path).focus_input()
        return self._shown_focus(self.owner(path))

    def focus_finding(self, finding: Finding) -> QWidget | None:
        """Put the cursor into the widget a finding is about (a budget cell, a list's item,
        a field), scroll it fully into view with its findings, and highlight it."""
        editor = self.owner(finding.path)
        editor.focus_for(finding)
        target = self._shown_focus(editor)
        if isinstance(target, QLineEdit):
            target.selectAll()  # typing replaces what the finding is about, as after Tab
        if target is not None:
            self.highlight.show_around(target)
        return target

    def _shown_focus(self, editor: Editor) -> QWidget | None:
        target = QApplication.focusWidget()
        if target is None or not self.isAncestorOf(target):
            target = editor
        self.reveal(target)
        return target

    def reveal(self, widget: QWidget) -> None:
        """Scroll so that `widget` is in view with its field's findings below it, and with what
        belongs to it further down (`KEEP_VISIBLE`: the findings under the budget grid) when
        that fits; a part that was out of view comes into view fully where it fits."""
        content = self.widget()
        if content is None or not content.isAncestorOf(widget):
            return
        # a page shown just now, a findings line changed just now: lay them out first
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        layout = content.layout()
        if layout is not None:
            layout.activate()
        wanted = [_rect_in(widget, content)]
        owner = _enclosing_editor(widget)
        if owner is not None:
            wanted.append(_rect_in(owner, content))
        for ancestor in _ancestors(widget):
            for keep in getattr(ancestor, KEEP_VISIBLE, ()):
                if isinstance(keep, QWidget) and keep.isVisible():
                    wanted.append(_rect_in(keep, content))
        bar = self.verticalScrollBar()
        view = self.viewport().height()
        top, bottom = wanted[0].top(), wanted[0].bottom()
        for rect in wanted[1:]:  # the widget first; then as much of the rest as fits
            if max(bottom, rect.bottom()) - min(top, rect.top()) <= view - 8:
                top, bottom = min(top, rect.top()), max(bottom, rect.bottom())
        value = bar.value()
        if bottom > value + view - 4:
            value = bottom - view + 4
        if top < value + 4:
            value = top - 4
        bar.setValue(max(0, value))

    def show_near_top(self, widget: QWidget) -> None:
        """Scroll so that `widget` is in view; when it was not, put it in the upper third."""
        content = self.widget()
        if content is None:
            return
        layout = content.layout()
        if layout is not None:
            layout.activate()
        top = widget.mapTo(content, widget.rect().topLeft()).y()
        bar = self.verticalScrollBar()
        view = self.viewport().height()
        if not bar.value() <= top <= bar.value() + view - widget.height():
            bar.setValue(max(0, top - view // 3))

    def first_input(self) -> None:
        """Focus the page's first input (a page that is one list: its first item, or the
        button that adds one) and show the top of the page."""
        for editor in self.env.editors.values():
            if isinstance(editor, FindingsBox) or not editor.isVisibleTo(self):
                continue
            editor.focus_input()
            focused = QApplication.focusWidget()
            if focused is not None and self.isAncestorOf(focused):
                self.verticalScrollBar().setValue(0)
                self.reveal(focused)
                return
