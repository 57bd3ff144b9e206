"""The municipality directory on the page the form's ``directory:`` block points to (issue 6).

- Typing in the name or the AGS field suggests Gemeinden, Städte and Landkreise
  (`DirectoryCompleter`); choosing one writes `kommune_fill` into the draft through
  `EditSession.set`, and the editors show the values themselves. Every value stays editable.
- Beside each field the directory fills (beside a short input, under a long one), and with
  each member of a Zusammenschluss, a `DirectoryMark` says „aus Gemeindeverzeichnis“ while the
  value is the directory's (`directory_marks`, after every change on the page).
- While the members' condition holds (art = Zusammenschluss), a `MemberPicker` below the member
  list adds members from the directory and sums their population; the list itself stays the
  editable one of the form (members the directory does not know can be typed in).
- At the end of the page, a note names the source with its dates and licence.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal

from PySide6.QtWidgets import (
    QApplication,
    QBoxLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from zwk_desktop.ui.announce import announce
from zwk_desktop.ui.common import counting, translate
from zwk_desktop.ui.extensions import PageContext, PageExtra
from zwk_desktop.ui.palette import muted_text

if TYPE_CHECKING:
    from zwk_desktop.directory import Entry
    from zwk_desktop.editing.session import EditSession, Event
    from zwk_desktop.formspec.models import FormSpec
    from zwk_desktop.ui.directory.picker import DirectoryMark


def directory_extras(spec: FormSpec, section_id: str) -> list[PageExtra]:
    layout = spec.directory
    if layout is None or section_id != layout.fields.name.split(".", 1)[0]:
        return []
    extras = [PageExtra(build=DirectoryAssist)]
    head, _, list_id = layout.members.list.rpartition(".")
    if head == section_id:
        extras.insert(0, PageExtra(build=MemberExtra, after=list_id))
    return extras


def apply(session: EditSession, fill: Mapping[str, Any]) -> None:
    """Write what the directory gives into the draft (None clears a field)."""
    for path, value in fill.items():
        session.set(path, value)


def place_beside(editor: QWidget, mark: QWidget) -> None:
    """Put `mark` into the editor's first row that ends in a stretch: beside a short input
    (number, date, list box), under a long one (in the row of its character counter); else in
    a row of its own above the findings. The page's columns keep their widths, and a hidden
    mark keeps its room only where it shares a row (nothing moves when it appears there)."""
    outer = editor.layout()
    pending: list[QLayout] = [outer] if outer is not None else []
    while pending:
        layout = pending.pop(0)
        for i in range(layout.count()):
            item = layout.itemAt(i)
            if item is None:
                continue
            if isinstance(layout, QHBoxLayout) and item.spacerItem() is not None:
                items = [layout.itemAt(j) for j in range(layout.count())]
                if all(x is not None and x.spacerItem() is not None for x in items):
                    _no_room_while_hidden(mark)  # the row is empty without it
                layout.insertWidget(i, mark)
                return
            child = item.widget()
            inner = item.layout() or (child.layout() if child is not None else None)
            if inner is not None:
                pending.append(inner)
    assert isinstance(outer, QBoxLayout)
    row = QHBoxLayout()
    row.addWidget(mark)
    row.addStretch(1)
    _no_room_while_hidden(mark)
    outer.insertLayout(outer.count() - 1, row)  # the last item is the findings line


def _no_room_while_hidden(mark: QWidget) -> None:
    """A mark alone in its row leaves no blank line while it is hidden."""
    policy = mark.sizePolicy()
    policy.setRetainSizeWhenHidden(False)
    mark.setSizePolicy(policy)


class DirectoryAssist(QLabel):
    """The source note at the end of the page; attaches the suggestions to the name and AGS
    fields and keeps the marks beside the fields up to date."""

    def __init__(self, ctx: PageContext) -> None:
        from zwk_desktop.directory import LICENCE_NAME, default_directory
        from zwk_desktop.directory.fill import layout_of
        from zwk_desktop.domain import formatting
        from zwk_desktop.ui.directory.picker import DirectoryCompleter

        super().__init__()
        self.setObjectName(f"{ctx.section.id}:gemeindeverzeichnis")
        self.session, self.env, self.section_id = ctx.session, ctx.env, ctx.section.id
        self.spec = ctx.session.spec
        self.layout_ = layout_of(self.spec)
        self.directory = default_directory()
        meta = self.directory.meta
        self.setText(
            translate(
                "DirectoryAssist",
                "Vorschläge beim Tippen von Name oder Gemeindeschlüssel und die Werte mit dem "
                "Vermerk „aus Gemeindeverzeichnis“: Gemeindeverzeichnis des Statistischen "
                "Bundesamts (Destatis), Gebietsstand {area}, Einwohner zum {people}; "
                "{licence}.",
            ).format(
                area=formatting.date(meta.gebietsstand),
                people=formatting.date(meta.bevoelkerungsstand),
                licence=LICENCE_NAME,
            )
        )
        self.setWordWrap(True)
        self.setStyleSheet(f"QLabel {{ color: {muted_text().name()}; }}")
        self.setContentsMargins(0, 8, 0, 0)
        fields = self.layout_.fields
        self.completers: list[DirectoryCompleter] = []
        inserts: tuple[tuple[str, Literal["name", "ags"]], ...] = (
            (fields.name, "name"),
            (fields.ags, "ags"),
        )
        for path, insert in inserts:
            editor = self.env.editors.get(path)
            line = editor.findChild(QLineEdit, path) if editor is not None else None
            if line is not None:
                completer = DirectoryCompleter(self.directory, line, insert=insert)
                completer.chosen.connect(self.choose)
                self.completers.append(completer)
        self.marks: dict[str, tuple[QWidget, DirectoryMark]] = {}
        """Path of the field beside which a mark stands → (the field's editor, the mark)."""
        self.update_marks()

    def choose(self, entry: Entry) -> None:
        from zwk_desktop.directory.fill import kommune_fill

        fill = kommune_fill(self.spec, self.directory, entry, self.session.draft.data)
        apply(self.session, fill)
        filled = sum(1 for value in fill.values() if value is not None)
        announce(
            QApplication.focusWidget() or self,  # the field the user took it in
            translate(
                "DirectoryAssist", "„{name}“ aus dem Gemeindeverzeichnis übernommen: {fields}."
            ).format(name=entry.formal_name, fields=counting().fields(filled)),
        )

    def on_event(self, event: Event) -> None:
        if event.kind in ("value", "items") and event.path.startswith(self.section_id):
            self.update_marks()

    def update_marks(self) -> None:
        from zwk_desktop.directory.fill import directory_marks

        session = self.session
        marked = directory_marks(self.spec, self.directory, session.draft.data)
        shown: set[str] = set()
        for _, path in self.layout_.fields:
            mark = self._mark(path)
            if mark is not None:
                mark.set_active(session.visible(path) and path in marked)
                shown.add(path)
        m = self.layout_.members
        if session.visible(m.list):
            for i in range(session.item_count(m.list)):
                row = [f"{m.list}[{i}].{key}" for key in (m.name, m.ags, m.einwohner)]
                mark = self._mark(row[0])  # one mark per member, with its name
                if mark is not None:
                    mark.set_active(all(p in marked for p in row))
                    shown.add(row[0])
        for path in set(self.marks) - shown:  # rows removed (their marks went with them)
            del self.marks[path]

    def _mark(self, path: str) -> DirectoryMark | None:
        """The mark of the field at `path`, placed in its editor when new (a list rebuilds
        its items' editors, and their marks with them)."""
        from zwk_desktop.ui.directory.picker import DirectoryMark

        editor = self.env.editors.get(path)
        if editor is None:
            return None
        known = self.marks.get(path)
        if known is not None and known[0] is editor:
            return known[1]
        mark = DirectoryMark(self.directory, editor)
        place_beside(editor, mark)
        self.marks[path] = (editor, mark)
        return mark


class MemberExtra(QWidget):
    """Below the member list: search the directory for a member; the members' population."""

    def __init__(self, ctx: PageContext) -> None:
        from zwk_desktop.directory import default_directory
        from zwk_desktop.directory.fill import layout_of
        from zwk_desktop.ui.directory.picker import MemberPicker

        super().__init__()
        self.session = ctx.session
        self.members = layout_of(ctx.session.spec).members
        self.setObjectName(f"{self.members.list}:verzeichnis")
        title = QLabel(
            translate(
                "DirectoryAssist", "Mitgliedskommune aus dem Gemeindeverzeichnis hinzu&fügen:"
            )
        )
        self.picker = MemberPicker(ctx.session.spec, default_directory(), self)
        title.setBuddy(self.picker.search)
        # the form's member list above shows, edits and removes the members
        self.picker.table.hide()
        self.picker.remove_button.hide()
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 8)
        box.addWidget(title)
        box.addWidget(self.picker)
        self.picker.changed.connect(lambda fill: apply(self.session, fill))
        self.sync()
        if not self.session.visible(self.members.list):
            self.hide()

    def on_event(self, event: Event) -> None:
        if event.kind not in ("value", "items"):
            return
        path, members = event.path, self.members.list
        if path == members or path.startswith(f"{members}["):
            self.sync()
        elif path in self.session.condition_sources:
            self.setVisible(self.session.visible(members))

    def sync(self) -> None:
        items = self.session.get(self.members.list)
        self.picker.set_members(items if isinstance(items, list) else [])
