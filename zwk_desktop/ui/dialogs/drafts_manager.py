"""The drafts manager: every stored draft with Kommune, last change, completeness and findings;
open, duplicate, rename, delete into the Papierkorb (restorable for 30 days), search, export
and import.

One `QAbstractTableModel` over the summaries the store reads without the drafts' data, a filter
proxy for the search and a `QTableView` with fixed row heights, so 1,000 drafts show at once.
The widget emits `openRequested(draft_id)`; the main window shows it in a `DraftsDialog`
(„Entwürfe…“) and opens the draft.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from zwk_desktop.domain.draft import DraftError
from zwk_desktop.services.portable import FileWriteError, export_draft, import_file
from zwk_desktop.services.records import DraftSummary
from zwk_desktop.services.store import DraftStore, StoreError
from zwk_desktop.ui.announce import announce
from zwk_desktop.ui.common import (
    FOLDERS,
    count_errors,
    count_warnings,
    draft_title,
    local_time,
    translate,
)
from zwk_desktop.ui.dialogs.tables import Index, ListTableModel

ID_ROLE = Qt.ItemDataRole.UserRole
SORT_ROLE = Qt.ItemDataRole.UserRole + 1


def findings_text(summary: DraftSummary) -> str:
    if summary.errors is None or summary.warnings is None:
        return "–"
    if summary.errors == 0 and summary.warnings == 0:
        return translate("DraftsModel", "keine")
    parts = []
    if summary.errors:
        parts.append(count_errors(summary.errors))
    if summary.warnings:
        parts.append(count_warnings(summary.warnings))
    return ", ".join(parts)


class DraftsModel(ListTableModel[DraftSummary]):
    """The drafts (or the Papierkorb) as a table; the name column is editable (rename)."""

    NAME, KOMMUNE, CHANGED, COMPLETE, FINDINGS = range(5)

    def __init__(self, store: DraftStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.trash = False
        self.rows: list[DraftSummary] = []
        self.trash_days = store.settings.trash_days

    def reload(self) -> None:
        """Read the list again from the store (raises StoreError)."""
        self.set_rows(self.store.list_drafts(trash=self.trash))

    def set_trash(self, trash: bool) -> None:
        self.trash = trash
        self.reload()

    def headers(self) -> tuple[str, ...]:
        changed = (
            translate("DraftsModel", "Gelöscht am")
            if self.trash
            else translate("DraftsModel", "Zuletzt geändert")
        )
        return (
            translate("DraftsModel", "Entwurf"),
            translate("DraftsModel", "Kommune"),
            changed,
            translate("DraftsModel", "Vollständig"),
            translate("DraftsModel", "Befunde"),
        )

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.column() == self.NAME and not self.trash:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        s = self.rows[index.row()]
        column = index.column()
        if role == ID_ROLE:
            return s.id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._text(s, column, role == Qt.ItemDataRole.EditRole)
        if role == SORT_ROLE:
            return self._sort_key(s, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(s)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.COMPLETE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, s: DraftSummary, column: int, editing: bool) -> str:
        if column == self.NAME:
            return (s.name or "") if editing else draft_title(s.label)
        if column == self.KOMMUNE:
            return draft_title(s.title)
        if column == self.CHANGED:
            return local_time(s.deleted if self.trash and s.deleted else s.modified)
        if column == self.COMPLETE:
            return "–" if s.completeness is None else f"{s.completeness} %"
        return findings_text(s)

    def _sort_key(self, s: DraftSummary, column: int) -> Any:
        if column == self.CHANGED:
            return (s.deleted if self.trash and s.deleted else s.modified).timestamp()
        if column == self.COMPLETE:
            return -1 if s.completeness is None else s.completeness
        if column == self.FINDINGS:
            return -1 if s.errors is None else (s.errors or 0) * 10_000 + (s.warnings or 0)
        return self._text(s, column, False).casefold()

    def _tooltip(self, s: DraftSummary) -> str:
        text = translate("DraftsModel", "Nr. {id}, angelegt am {created}").format(
            id=s.id, created=local_time(s.created)
        )
        if s.deleted is not None:
            until = s.deleted + dt.timedelta(days=self.trash_days)
            text += translate("DraftsModel", "; wird am {until} endgültig gelöscht").format(
                until=local_time(until)
            )
        return text

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() != self.NAME or self.trash:
            return False
        s = self.rows[index.row()]
        self.store.rename(s.id, str(value))
        self.rows[index.row()] = self.store.summary(s.id)
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), 4))
        return True

    def row_of(self, draft_id: int) -> int | None:
        return next((i for i, s in enumerate(self.rows) if s.id == draft_id), None)


class DraftsManager(QWidget):
    """The list of stored drafts with its actions."""

    openRequested = Signal(int)
    """The user wants to open this draft."""
    changed = Signal()
    """Drafts were added, renamed, deleted or restored."""

    def __init__(self, store: DraftStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.model = DraftsModel(store, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setSortRole(SORT_ROLE)
        self._undo_id: int | None = None
        self._build()
        self.refresh()

    # ----------------------------------------------------------------------- layout

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        search_label = QLabel(self.tr("&Suchen:"))
        self.search = QLineEdit()
        self.search.setObjectName("drafts.search")
        self.search.setPlaceholderText(self.tr("Name, Kommune oder Datum"))
        self.search.setAccessibleName(self.tr("Entwürfe durchsuchen"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        search_label.setBuddy(self.search)
        self.show_trash = QCheckBox(self.tr("&Papierkorb anzeigen"))
        self.show_trash.setObjectName("drafts.trash")
        self.show_trash.toggled.connect(self._toggle_trash)
        top.addWidget(search_label)
        top.addWidget(self.search, 1)
        top.addWidget(self.show_trash)
        layout.addLayout(top)

        self.view = QTableView()
        self.view.setObjectName("drafts.table")
        self.view.setAccessibleName(self.tr("Gespeicherte Entwürfe"))
        self.view.setModel(self.proxy)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.setTabKeyNavigation(False)
        rows = self.view.verticalHeader()
        rows.setVisible(False)
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 10)
        columns = self.view.horizontalHeader()
        columns.setStretchLastSection(True)
        columns.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        char = self.fontMetrics().averageCharWidth()
        for column, chars in enumerate((34, 30, 18, 12)):
            columns.resizeSection(column, chars * char)
        self._fit_columns()
        # The store returns the newest first; the proxy sorts only when a header is clicked, so
        # opening the list does not compare 1,000 rows through Python.
        columns.setSectionsClickable(True)
        columns.setSortIndicatorShown(True)
        columns.setSortIndicator(DraftsModel.CHANGED, Qt.SortOrder.DescendingOrder)
        columns.sortIndicatorChanged.connect(self.proxy.sort)
        self.view.activated.connect(self._activated)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        layout.addWidget(self.view, 1)

        self.message = QLabel()
        self.message.setObjectName("drafts.message")
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Meldung"))
        self.undo = QPushButton(self.tr("&Rückgängig"))
        self.undo.setObjectName("drafts.undo")
        self.undo.clicked.connect(self.undo_delete)
        self.undo.hide()
        line = QHBoxLayout()
        line.addWidget(self.message, 1)
        line.addWidget(self.undo)
        layout.addLayout(line)

        buttons = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for key, text, slot in (
            ("open", self.tr("Ö&ffnen"), self.open_selected),
            ("duplicate", self.tr("&Duplizieren"), self.duplicate_selected),
            ("rename", self.tr("&Umbenennen"), self.rename_selected),
            ("delete", self.tr("In den Papier&korb"), self.delete_selected),
            ("restore", self.tr("&Wiederherstellen"), self.restore_selected),
            ("purge", self.tr("Endgültig &löschen…"), self.purge_selected),
            ("export", self.tr("&Exportieren…"), self.choose_export),
            ("import", self.tr("&Importieren…"), self.choose_import),
        ):
            button = QPushButton(text)
            button.setObjectName(f"drafts.{key}")
            button.clicked.connect(slot)
            buttons.addWidget(button)
            self.buttons[key] = button
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.view.installEventFilter(self)
        find = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        find.activated.connect(self.search.setFocus)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Entf in the list moves the chosen draft into the Papierkorb."""
        if (
            watched is self.view
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.matches(QKeySequence.StandardKey.Delete)
            and self.view.state() != QAbstractItemView.State.EditingState
        ):
            if self.model.trash:
                self.purge_selected()
            else:
                self.delete_selected()
            return True
        return super().eventFilter(watched, event)

    # ----------------------------------------------------------------------- state

    def refresh(self) -> None:
        """Read the list again, keeping the selection."""
        selected = self.selected_id()
        try:
            self.model.reload()
        except StoreError as exc:
            self._say(str(exc))
        if selected is None or not self.select(selected):
            first = self.proxy.index(0, 0)
            if first.isValid():
                self.view.setCurrentIndex(first)
                self.view.selectRow(0)
        self._update_buttons()

    def selected_id(self) -> int | None:
        rows = self.view.selectionModel().selectedRows()
        return int(rows[0].data(ID_ROLE)) if rows else None

    def select(self, draft_id: int) -> bool:
        row = self.model.row_of(draft_id)
        if row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            return False
        self.view.setCurrentIndex(index)
        self.view.selectRow(index.row())
        return True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit_columns()  # the headings' final font is known once shown

    def _fit_columns(self) -> None:
        """Dates and figures are never cut: their columns are as wide as their heading and the
        widest text of their form (measured once, not row by row: a list of 1,000 drafts opens
        as quickly as one of ten)."""
        import datetime as dt

        columns = self.view.horizontalHeader()
        metrics = self.view.fontMetrics()
        padding = 3 * self.view.style().pixelMetric(
            self.view.style().PixelMetric.PM_FocusFrameHMargin
        )
        samples = {
            DraftsModel.CHANGED: local_time(dt.datetime(2026, 12, 28, 20, 58, tzinfo=dt.UTC)),
            DraftsModel.COMPLETE: "100 %",
        }
        for column, sample in samples.items():
            wanted = max(
                columns.sectionSizeHint(column), metrics.horizontalAdvance(sample) + 4 * padding
            )
            if columns.sectionSize(column) < wanted:
                columns.resizeSection(column, wanted)

    def _update_buttons(self) -> None:
        chosen = self.selected_id() is not None
        trash = self.model.trash
        visible = {
            "open": not trash,
            "duplicate": not trash,
            "rename": not trash,
            "delete": not trash,
            "restore": trash,
            "purge": trash,
            "export": not trash,
            "import": not trash,
        }
        for key, button in self.buttons.items():
            button.setVisible(visible[key])
            button.setEnabled(chosen or key == "import")

    def _toggle_trash(self, on: bool) -> None:
        self.model.trash = on
        self.refresh()
        self._fit_columns()  # „Gelöscht am“ instead of „Zuletzt geändert“
        self._say(
            self.tr("Entwürfe im Papierkorb werden nach {days} Tagen endgültig gelöscht.").format(
                days=self.model.trash_days
            )
            if on
            else ""
        )

    def _say(self, text: str, undo: bool = False) -> None:
        self.message.setText(text)
        self.undo.setVisible(undo)
        announce(self, text)

    def _attempt(self, action: Callable[[], object]) -> bool:
        """Run a store action; a failure is shown in German and returns False."""
        try:
            action()
        except StoreError as exc:
            self._say(str(exc))
            return False
        return True

    # ----------------------------------------------------------------------- actions

    def _activated(self, index: QModelIndex) -> None:
        if not self.model.trash:
            self.openRequested.emit(int(index.data(ID_ROLE)))

    def open_selected(self) -> None:
        draft_id = self.selected_id()
        if draft_id is not None and not self.model.trash:
            self.openRequested.emit(draft_id)

    def duplicate_selected(self) -> None:
        draft_id = self.selected_id()
        if draft_id is None:
            return
        try:
            new_id = self.store.duplicate(draft_id)
        except StoreError as exc:
            self._say(str(exc))
        else:
            self.refresh()
            self.select(new_id)
            self._say(self.tr("Kopie angelegt: „{name}“.").format(name=self._label(new_id)))
            self.changed.emit()

    def rename_selected(self) -> None:
        rows = self.view.selectionModel().selectedRows()
        if rows:
            self.view.setFocus()
            self.view.edit(rows[0])

    def delete_selected(self) -> None:
        draft_id = self.selected_id()
        if draft_id is None or self.model.trash:
            return
        name = self._label(draft_id)
        if not self._attempt(lambda: self.store.trash(draft_id)):
            return
        self._undo_id = draft_id
        self.refresh()
        self._say(
            self.tr(
                "„{name}“ liegt jetzt im Papierkorb und kann {days} Tage lang "
                "wiederhergestellt werden."
            ).format(name=name, days=self.model.trash_days),
            undo=True,
        )
        self.changed.emit()

    def undo_delete(self) -> None:
        if self._undo_id is None:
            return
        draft_id, self._undo_id = self._undo_id, None
        self._restore(draft_id)

    def restore_selected(self) -> None:
        draft_id = self.selected_id()
        if draft_id is not None:
            self._restore(draft_id)

    def _restore(self, draft_id: int) -> None:
        if not self._attempt(lambda: self.store.restore(draft_id)):
            return
        self.refresh()
        self._say(self.tr("„{name}“ ist wiederhergestellt.").format(name=self._label(draft_id)))
        self.changed.emit()

    def purge_selected(self) -> None:
        draft_id = self.selected_id()
        if draft_id is None or not self.model.trash:
            return
        name = self._label(draft_id)
        answer = QMessageBox.question(
            self,
            self.tr("Endgültig löschen"),
            self.tr(
                "„{name}“ und alle seine Versionen endgültig löschen? Das lässt sich nicht "
                "rückgängig machen."
            ).format(name=name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        if not self._attempt(lambda: self.store.purge(draft_id)):
            return
        self.refresh()
        self._say(self.tr("„{name}“ ist endgültig gelöscht.").format(name=name))
        self.changed.emit()

    def choose_export(self) -> None:
        draft_id = self.selected_id()
        if draft_id is None:
            return
        suggested = "".join(c if c.isalnum() or c in " -_" else "_" for c in self._label(draft_id))
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Entwurf exportieren"),
            str(FOLDERS.start() / f"{suggested.strip() or 'entwurf'}.zwk"),
            self.tr("ZWK-Entwürfe (*.zwk)"),
        )
        if name:
            FOLDERS.used(name)
            self.export_to(draft_id, Path(name))

    def export_to(self, draft_id: int, path: Path) -> bool:
        """Write a draft to a `.zwk` file (the part of "Exportieren…" after the file dialog)."""
        try:
            export_draft(self.store, draft_id, path)
        except (StoreError, FileWriteError) as exc:
            self._say(str(exc))
            return False
        self._say(self.tr("Gespeichert als {path}.").format(path=path))
        return True

    def choose_import(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Entwurf importieren"),
            str(FOLDERS.start()),
            self.tr("ZWK-Entwürfe (*.zwk *.json)"),
        )
        if name:
            FOLDERS.used(name)
            self.import_from(Path(name))

    def import_from(self, path: Path) -> int | None:
        """Import a `.zwk` file (the part of "Importieren…" after the dialog): merged into the
        draft it belongs to, else a new draft."""
        try:
            result = import_file(self.store, path)
        except DraftError as exc:
            self._say(
                self.tr("{path}: {problem} Es wurde nichts übernommen.").format(
                    path=path.name, problem=exc
                )
            )
            return None
        except StoreError as exc:
            self._say(str(exc))
            return None
        if self.model.trash:
            self.show_trash.setChecked(False)
        self.refresh()
        self.select(result.draft_id)
        self._say(result.message)
        self.changed.emit()
        return result.draft_id

    def _label(self, draft_id: int) -> str:
        row = self.model.row_of(draft_id)
        if row is not None:
            return draft_title(self.model.rows[row].label)
        try:
            return draft_title(self.store.summary(draft_id).label)
        except StoreError:
            return self.tr("Entwurf Nr. {id}").format(id=draft_id)


class DraftsDialog(QDialog):
    """„Entwürfe…“: the drafts manager in a window of its own; choosing a draft closes it."""

    openRequested = Signal(int)

    def __init__(self, store: DraftStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("entwuerfe")
        self.setWindowTitle(self.tr("Entwürfe"))
        self.manager = DraftsManager(store, self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.manager, 1)
        buttons = QDialogButtonBox()
        close = buttons.addButton(self.tr("S&chließen"), QDialogButtonBox.ButtonRole.RejectRole)
        close.setObjectName("drafts.close")
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.manager.openRequested.connect(self._open)
        em = self.fontMetrics().height()
        self.resize(em * 60, em * 32)
        self.manager.view.setFocus()

    def _open(self, draft_id: int) -> None:
        self.accept()
        self.openRequested.emit(draft_id)
