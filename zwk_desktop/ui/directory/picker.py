"""Picking municipalities from the official directory in section „Angaben zur Kommune“.

- `DirectoryCompleter` attaches to the QLineEdit of ``kommune.name`` (or ``kommune.ags``) and
  suggests Gemeinden, Städte and Landkreise as the user types, with Kreis and Land to tell
  same-named places apart; choosing one emits `chosen(Entry)`. The page then applies
  `zwk_desktop.directory.fill.kommune_fill(spec, directory, entry)`.
- `DirectoryMark` is the small marker beside a field whose value came from the directory; the
  page shows it for the paths of `zwk_desktop.directory.fill.directory_marks`.
- `MemberPicker` picks the members of a Zusammenschluss the same way and sums their population;
  `changed(dict)` carries `members_fill(...)` ({field path: value}).

Every value stays editable: the widgets only propose values, the page writes them into the draft.
"""

from __future__ import annotations

from typing import Any, Literal

from PySide6.QtCore import QCoreApplication, QItemSelection, QModelIndex, QSignalBlocker, Qt, Signal
from PySide6.QtGui import (
    QAccessible,
    QAccessibleEvent,
    QKeySequence,
    QShortcut,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCompleter,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from zwk_desktop.directory import Directory, Entry
from zwk_desktop.directory.fill import layout_of, member_item, members_fill
from zwk_desktop.domain import formatting
from zwk_desktop.formspec import FormSpec
from zwk_desktop.ui.announce import announce
from zwk_desktop.ui.common import counting

AGS_ROLE = Qt.ItemDataRole.UserRole + 1
INSERT_ROLE = Qt.ItemDataRole.UserRole + 2
"""What goes into the line edit when a suggestion is chosen: the formal name or the AGS."""
MIN_CHARS = 2


SILENT = "\u00a0"
"""The accessible text of a cell whose content the row's first cell already says."""


def columns(entry: Entry) -> tuple[str, str, str, str]:
    """One suggestion: name, what tells it apart (Kreis and Land), key, population."""
    where = f"{entry.kreis}, {entry.land}" if entry.kreisfrei else entry.where
    return entry.formal_name, where, entry.ags, formatting.number(entry.einwohner)


def describe(entry: Entry) -> str:
    """A suggestion in one line, as a screen reader reads it: "Gemeinde Ahorn – Landkreis
    Coburg, Bayern · 09473112 · 4.047 Einwohner"."""
    name, where, ags, people = columns(entry)
    line = QCoreApplication.translate(
        "DirectoryCompleter", "{name} – {where} · {ags} · {n} Einwohner"
    )
    return line.format(name=name, where=where, ags=ags, n=people)


class DirectoryCompleter(QCompleter):
    """Suggestions from the Gemeindeverzeichnis for a QLineEdit, refreshed as the user types.

    The suggestions are a table (name, Kreis and Land, AGS, population), so that same-named
    places line up and can be told apart at a glance."""

    chosen = Signal(object)
    """An `Entry` the user picked from the suggestions."""

    def __init__(
        self,
        directory: Directory,
        line_edit: QLineEdit,
        insert: Literal["name", "ags"] = "name",
        limit: int = 15,
    ) -> None:
        super().__init__(line_edit)
        self._directory = directory
        self._insert = insert
        self._limit = limit
        headers = [self.tr("Name"), self.tr("Kreis, Land"), self.tr("AGS"), self.tr("Einwohner")]
        self._model = QStandardItemModel(0, len(headers), self)
        self._model.setHorizontalHeaderLabels(headers)
        self.setModel(self._model)
        self.table = QTreeView()
        self.table.setRootIsDecorated(False)
        self.table.setUniformRowHeights(True)
        self.table.setAllColumnsShowFocus(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAccessibleName(self.tr("Vorschläge aus dem Gemeindeverzeichnis"))
        self.setPopup(self.table)
        selection = self.table.selectionModel()
        if selection is not None:
            selection.selectionChanged.connect(self._selection_changed)
            selection.currentChanged.connect(self._current_changed)
        self._current_row = -1
        self.setCompletionRole(INSERT_ROLE)
        self.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.setMaxVisibleItems(10)
        self.setWidget(line_edit)
        line_edit.textEdited.connect(self.refresh)
        # the QModelIndex overload: two suggestions can have the same text (two "Gemeinde Ahorn")
        self.activated[QModelIndex].connect(self._activated)  # type: ignore[index]
        self.line_edit = line_edit

    def refresh(self, text: str) -> None:
        """Search for `text` and show the suggestions (none below two characters)."""
        was_open = self.table.isVisible()
        before = self._model.rowCount()
        self._model.removeRows(0, self._model.rowCount())
        if len(text.strip()) < MIN_CHARS:
            self.table.hide()
            return
        for entry in self._directory.search(text, self._limit):
            row = [QStandardItem(t) for t in columns(entry)]
            row[0].setData(entry.formal_name if self._insert == "name" else entry.ags, INSERT_ROLE)
            row[0].setData(entry.ags, AGS_ROLE)
            row[3].setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            # the first cell says the whole line; the others say nothing more, so that a
            # screen reader reading the row says it once, not once per column (issue 14).
            # Qt reads the shown text for an empty accessible text, hence the no-break space.
            row[0].setData(describe(entry), Qt.ItemDataRole.AccessibleTextRole)
            for item in row[1:]:
                item.setData(SILENT, Qt.ItemDataRole.AccessibleTextRole)
            for item in row:
                item.setToolTip(self._tooltip(entry))
            self._model.appendRow(row)
        if not self._model.rowCount():
            self.table.hide()
            return
        width = 0
        for column in range(self._model.columnCount()):
            self.table.resizeColumnToContents(column)
            width += self.table.columnWidth(column)
        scrollbar = self.table.verticalScrollBar()
        extra = (scrollbar.sizeHint().width() if scrollbar else 16) + 4 * self.table.frameWidth()
        self.table.setMinimumWidth(width + extra)
        self.table.setMinimumHeight(self._popup_height())
        self.complete()
        count = self._model.rowCount()
        if not was_open or count != before:
            announce(self.line_edit, counting().suggestions(count))

    def _selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        """The first Down selects the row that is current already: Qt reports no change of
        the current row then, and so no focus event (issue 14). Give it here."""
        rows = selected.indexes()
        # Qt sets the new current row before it reports the selection and reports the
        # current row after it: `_current_row` still holds the one before
        if rows and rows[0].row() == self._current_row:
            self._focus_event(rows[0])

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        """Qt gives the focus event for a new current row only while the list has the focus;
        the focus stays in the line edit where the platform keeps it there."""
        self._current_row = current.row() if current.isValid() else -1
        if current.isValid() and not self.table.hasFocus():
            self._focus_event(current)

    def _focus_event(self, index: QModelIndex) -> None:
        if not QAccessible.isActive() or not self.table.isVisible():
            return
        header = self.table.header()
        head_rows = 1 if header is not None else 0  # Qt counts the header row, even hidden
        event = QAccessibleEvent(self.table, QAccessible.Event.Focus)
        event.setChild((index.row() + head_rows) * self._model.columnCount())
        QAccessible.updateAccessibility(event)

    def _popup_height(self) -> int:
        """Room for the header and the rows shown: QCompleter sizes its popup for the rows
        alone, so under the header a single suggestion would be hidden."""
        rows = min(self._model.rowCount(), self.maxVisibleItems())
        header = self.table.header()
        head = header.sizeHint().height() if header is not None and not header.isHidden() else 0
        row = max(self.table.sizeHintForRow(0), self.table.fontMetrics().height())
        return head + rows * row + 2 * self.table.frameWidth() + 4

    def _tooltip(self, entry: Entry) -> str:
        lines = [entry.name, entry.typ_label]
        if entry.verband:
            lines.append(entry.verband)
        if entry.plz:
            lines.append(self.tr("PLZ {plz}").format(plz=entry.plz))
        return "\n".join(lines)

    def _activated(self, index: QModelIndex) -> None:
        first = index.siblingAtColumn(0)
        entry = self._directory.lookup(str(first.data(AGS_ROLE)))
        if entry is not None:
            self.line_edit.setText(str(first.data(INSERT_ROLE)))  # no textEdited: no new search
            self.chosen.emit(entry)


class DirectoryMark(QLabel):
    """Shown beside a field while its value is the directory's; the field stays editable."""

    def __init__(self, directory: Directory, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        stand = formatting.date(directory.meta.bevoelkerungsstand)
        self.setText(self.tr("aus Gemeindeverzeichnis"))
        explanation = self.tr(
            "Dieser Wert stammt aus dem Gemeindeverzeichnis des Statistischen Bundesamts "
            "(Einwohner zum {stand}). Sie können ihn jederzeit ändern."
        ).format(stand=stand)
        self.setToolTip(explanation)
        self.setAccessibleName(self.tr("Wert aus dem Gemeindeverzeichnis"))
        self.setAccessibleDescription(explanation)
        self.setStyleSheet(
            "QLabel { color: palette(text); background: palette(alternate-base);"
            " border: 1px solid palette(mid); border-radius: 3px;"
            " padding: 1px 5px; font-size: 8pt; }"
        )
        policy = self.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.setSizePolicy(policy)
        self.setVisible(False)

    def set_active(self, active: bool) -> None:
        self.setVisible(active)


class MemberPicker(QWidget):
    """Members of a Zusammenschluss: search, list with Kreis and population, and the sum."""

    changed = Signal(dict)
    """``{field path: value}`` of `members_fill`: the member list, the summed population, ..."""

    def __init__(self, spec: FormSpec, directory: Directory, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._spec, self._directory = spec, directory
        self._layout = layout_of(spec).members
        self._members: list[dict[str, Any]] = []
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Mitgliedskommune suchen: Name oder Schlüssel"))
        self.search.setAccessibleName(self.tr("Mitgliedskommune im Gemeindeverzeichnis suchen"))
        self.completer = DirectoryCompleter(directory, self.search)
        self.completer.chosen.connect(self.add)
        headers = [self.tr("Name"), self.tr("AGS"), self.tr("Kreis, Land"), self.tr("Einwohner")]
        self.table = QTableWidget(0, len(headers), self)
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setAccessibleName(self.tr("Mitglieder des Zusammenschlusses"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.remove_button = QPushButton(self.tr("Mitglied &entfernen"), self)
        self.remove_button.clicked.connect(self.remove_selected)
        QShortcut(QKeySequence.StandardKey.Delete, self.table, self.remove_selected)
        self.total = QLabel(self)
        self.total.setAccessibleName(self.tr("Einwohner aller Mitglieder"))
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.total, 1)
        buttons.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addWidget(self.note)
        self._show()

    @property
    def members(self) -> list[dict[str, Any]]:
        return [dict(m) for m in self._members]

    def set_members(self, members: list[dict[str, Any]]) -> None:
        """Show the members of a draft (typed ones included); emits nothing."""
        self._members = [dict(m) for m in members if isinstance(m, dict)]
        self._show()

    def add(self, entry: Entry) -> None:
        with QSignalBlocker(self.search):
            self.search.clear()
        if any(m.get(self._layout.ags) == entry.ags for m in self._members):
            self.note.setText(
                self.tr("„{name}“ ist schon Mitglied.").format(name=entry.formal_name)
            )
            return
        self._members.append(member_item(self._spec, entry))
        self.note.setText(self.tr("„{name}“ hinzugefügt.").format(name=entry.formal_name))
        self._changed()

    def remove_selected(self) -> None:
        rows = sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True)
        for row in rows:
            removed = self._members.pop(row)
            self.note.setText(
                self.tr("„{name}“ entfernt.").format(name=removed.get(self._layout.name, ""))
            )
        if rows:
            self._changed()

    def _changed(self) -> None:
        self._show()
        self.changed.emit(members_fill(self._spec, self._directory, self.members))

    def _show(self) -> None:
        m = self._layout
        self.table.setRowCount(len(self._members))
        for row, member in enumerate(self._members):
            entry = self._directory.lookup(str(member.get(m.ags) or ""))
            where = (entry.where if not entry.is_kreis else entry.land) if entry else self.tr(
                "nicht im Gemeindeverzeichnis"
            )  # fmt: skip
            people = member.get(m.einwohner)
            cells = (
                str(member.get(m.name) or ""),
                str(member.get(m.ags) or ""),
                where,
                formatting.number(people) if isinstance(people, int) else "",
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 3:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, column, item)
        fill = members_fill(self._spec, self._directory, self._members)
        total = fill[layout_of(self._spec).fields.einwohner]
        if total is None:
            self.total.setText(self.tr("Noch keine Mitglieder gewählt."))
        else:
            stand = fill.get(layout_of(self._spec).fields.einwohner_stand)
            suffix = (
                self.tr(" (Stand {date})").format(date=formatting.date(stand))
                if stand
                else self.tr(" (mit eigenen Angaben)")
            )
            self.total.setText(
                self.tr("Zusammen: {n} Einwohner").format(n=formatting.number(total)) + suffix
            )
        self.remove_button.setEnabled(bool(self._members))
