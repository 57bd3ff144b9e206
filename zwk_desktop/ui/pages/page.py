"""One page per section, generated from the form: title, introduction, the fields in order,
conditional rows that appear and disappear, and the findings next to each field."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from zwk_desktop.domain.paths import format_path, parse_path
from zwk_desktop.editing.session import EditSession, Event
from zwk_desktop.formspec.models import FormField, FormSpec, Section
from zwk_desktop.ui.common import discard, heading, translate
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
        outer.setContentsMargins(24, 16, 24, 24)
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
        self._building = False
        self.update_visibility()
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
        for f in self.session.report.findings:
            if f.section == self.section.id:
                mine.setdefault(self.owner(f.path).path, []).append(f)
        for path, findings in mine.items():
            editor = self.env.editors.get(path)
            if editor is not None:
                editor.show_findings(findings)

    def focus_path(self, path: str) -> QWidget | None:
        """Focus the field at `path` (or the nearest enclosing one shown); returns the widget."""
        editor = self.owner(path)
        editor.focus_input()
        target = self.window().focusWidget() if self.window() else None
        if target is None or not self.isAncestorOf(target):
            target = editor
        self.show_near_top(target)
        return target

    def show_near_top(self, widget: QWidget) -> None:
        """Scroll so that `widget` is in view; when it was not, put it in the upper third."""
        content = self.widget()
        if content is None:
            return
        layout = content.layout()
        if layout is not None:
            layout.activate()  # a page shown just now may not be laid out yet
        top = widget.mapTo(content, widget.rect().topLeft()).y()
        bar = self.verticalScrollBar()
        view = self.viewport().height()
        if not bar.value() <= top <= bar.value() + view - widget.height():
            bar.setValue(max(0, top - view // 3))

    def first_input(self) -> None:
        for editor in self.env.editors.values():
            if editor is not self.section_box and editor.isVisibleTo(self):
                editor.focus_input()
                return
