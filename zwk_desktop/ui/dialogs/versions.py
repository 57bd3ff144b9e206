"""„Versionen…“: the history of the open draft, each version with its time, why it was made and
what differs from the current state, field by field; one can be restored (as a new version,
the current state stays in the history)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import (
    QModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from zwk_desktop.services.diff import FieldChange, diff_drafts
from zwk_desktop.services.records import VersionInfo
from zwk_desktop.services.store import StoreError
from zwk_desktop.ui.common import (
    counting,
    draft_title,
    fit_to_screen,
    service_text,
    translate,
)
from zwk_desktop.ui.dialogs.tables import Index, ListTableModel

if TYPE_CHECKING:
    from zwk_desktop.domain.draft import Draft
    from zwk_desktop.services.autosave import DraftSession

SHOWN = 160
"""Characters of a value shown in the table; the tooltip has more."""


class VersionHistory(Protocol):
    """What the dialog needs of the open draft (`zwk_desktop.ui.window.autosave.
    AutosaveController` implements it): its stored session and a way to restore a version
    that first waits for a save in progress."""

    session: DraftSession

    def restore_version(self, version_id: int) -> Draft:
        """Make a stored version the current state (raises StoreError)."""
        ...


def version_time(info: VersionInfo) -> str:
    """When a version was made, to the second: „24.11.2026, 10:05:31 Uhr“."""
    moment = info.created.astimezone().strftime("%d.%m.%Y, %H:%M:%S")
    return translate("VersionsDialog", "{moment} Uhr").format(moment=moment)


def reason_text(info: VersionInfo) -> str:
    """Why a version was made, in words (German, or its translation)."""
    labels = {
        "created": translate("VersionsDialog", "Angelegt"),
        "import": translate("VersionsDialog", "Aus einer Datei importiert"),
        "interval": translate("VersionsDialog", "Automatisch gesichert"),
        "save": translate("VersionsDialog", "Gespeichert"),
        "export": translate("VersionsDialog", "Vor dem Export"),  # versions of earlier releases
        "export_file": translate("VersionsDialog", "Vor dem Export als .zwk-Datei"),
        "export_package": translate("VersionsDialog", "Vor dem Paketexport"),
        "before_migration": translate(
            "VersionsDialog", "Vor der Umstellung von Formatversion {v}"
        ).format(v=info.format_version),
        "migration": translate("VersionsDialog", "Auf das aktuelle Format umgestellt"),
        "before_restore": translate("VersionsDialog", "Vor dem Wiederherstellen einer Version"),
        "restore": translate("VersionsDialog", "Wiederhergestellt"),
        "duplicate": translate("VersionsDialog", "Als Kopie angelegt"),
        "before_merge": translate("VersionsDialog", "Ihr Stand vor der Zusammenführung"),
        "incoming": translate("VersionsDialog", "Eingegangener Stand (vor der Zusammenführung)"),
        "merge": translate("VersionsDialog", "Zusammengeführt"),
    }
    text = labels.get(info.reason, info.reason)
    if info.reason == "restore" and info.note:
        text += f" ({info.note})"
    elif info.reason in ("before_merge", "incoming", "merge") and info.note:
        text = service_text(
            info.note
        )  # names the file: „Ihr Stand vor Zusammenführung mit Datei …“
    return text


class VersionsModel(ListTableModel[VersionInfo]):
    """The versions, newest first, with the number of fields that differ from now."""

    def __init__(self, controller: VersionHistory, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.rows = []
        self._changes: dict[int, list[FieldChange] | str] = {}

    def headers(self) -> tuple[str, ...]:
        return (
            translate("VersionsDialog", "Zeitpunkt"),
            translate("VersionsDialog", "Anlass"),
            translate("VersionsDialog", "Unterschiede zu jetzt"),
        )

    def reload(self) -> None:
        session = self.controller.session
        self._changes.clear()
        draft_id = session.draft_id
        self.set_rows(session.store.versions(draft_id) if draft_id is not None else [])

    def changes(self, row: int) -> list[FieldChange] | str:
        """The differences of a version to the current state, or a German error text."""
        info = self.rows[row]
        if info.id not in self._changes:
            session = self.controller.session
            try:
                old = session.store.load_version(info.id)
                self._changes[info.id] = diff_drafts(session.spec, old, session.draft)
            except StoreError as exc:
                self._changes[info.id] = str(exc)
        return self._changes[info.id]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        info = self.rows[index.row()]
        if index.column() == 0:
            return version_time(info)
        if index.column() == 1:
            return reason_text(info) if role == Qt.ItemDataRole.DisplayRole else info.note or None
        changes = self.changes(index.row())
        if isinstance(changes, str):
            return translate("VersionsDialog", "nicht lesbar")
        if not changes:
            return translate("VersionsDialog", "keine")
        return counting().fields(len(changes))


class ChangesModel(ListTableModel[FieldChange]):
    """Field, value in the chosen version, value now."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows = []

    def headers(self) -> tuple[str, ...]:
        return (
            translate("VersionsDialog", "Feld"),
            translate("VersionsDialog", "In dieser Version"),
            translate("VersionsDialog", "Jetzt"),
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        change = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            text = (change.label, change.before, change.after)[index.column()]
            return text if len(text) <= SHOWN else text[: SHOWN - 1] + "…"
        if role == Qt.ItemDataRole.ToolTipRole:
            return (
                change.path
                if index.column() == 0
                else (change.before, change.after)[index.column() - 1]
            )
        return None


def _table(name: str, accessible: str) -> QTableView:
    view = QTableView()
    view.setObjectName(name)
    view.setAccessibleName(accessible)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setTabKeyNavigation(False)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    view.horizontalHeader().setStretchLastSection(True)
    return view


class VersionsDialog(QDialog):
    """Lists the versions of the open draft and restores one."""

    restored = Signal(object)
    """The restored state became current (a `Draft`, also `controller.session.draft`)."""

    def __init__(self, controller: VersionHistory, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setWindowTitle(
            self.tr("Versionen von „{title}“").format(
                title=draft_title(controller.session.draft.title)
            )
        )
        fit_to_screen(self, 1000, 560)
        self.versions = VersionsModel(controller, self)
        self.changes = ChangesModel(self)

        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "ZWK Desktop sichert den Entwurf beim Arbeiten höchstens alle fünf Minuten, bei "
                "jedem Speichern mit Strg+S, vor jedem Export und vor jeder Umstellung des "
                "Formats. Wählen Sie eine Version, um zu sehen, was sich seitdem geändert hat. "
                "Beim Wiederherstellen bleibt der jetzige Stand als eigene Version erhalten."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.splitter = splitter = QSplitter(Qt.Orientation.Horizontal)
        self.list = _table("versions.list", self.tr("Versionen"))
        self.list.setModel(self.versions)
        header = self.list.horizontalHeader()
        header.setStretchLastSection(False)
        fit = QHeaderView.ResizeMode.ResizeToContents  # at most `history_limit` rows
        header.setSectionResizeMode(0, fit)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, fit)
        self.list.selectionModel().currentRowChanged.connect(self._show_changes)
        self.table = _table("versions.changes", self.tr("Unterschiede zum jetzigen Stand"))
        self.table.setModel(self.changes)
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.table.verticalHeader().setSectionResizeMode(fit)
        columns = self.table.horizontalHeader()
        columns.setStretchLastSection(False)
        for column in range(3):
            columns.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        self.summary = QLabel()
        self.summary.setObjectName("versions.summary")
        self.summary.setWordWrap(True)
        right_layout.addWidget(self.summary)
        right_layout.addWidget(self.table, 1)
        splitter.addWidget(self.list)
        splitter.addWidget(right)
        splitter.setSizes([400, 600])
        layout.addWidget(splitter, 1)

        buttons = QDialogButtonBox()
        close = buttons.addButton(self.tr("&Schließen"), QDialogButtonBox.ButtonRole.RejectRole)
        close.setObjectName("versions.close")
        self.restore_button = QPushButton(self.tr("Diese Version &wiederherstellen"))
        self.restore_button.setObjectName("versions.restore")
        self.restore_button.setEnabled(False)
        self.restore_button.clicked.connect(self.restore_selected)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.reload()

    def reload(self) -> None:
        try:
            self.versions.reload()
        except StoreError as exc:
            self.summary.setText(str(exc))
            return
        self._fit_list()
        if self.versions.rowCount():
            self.list.selectRow(0)
            self.list.setFocus()
        else:
            self.summary.setText(self.tr("Zu diesem Entwurf gibt es noch keine Versionen."))

    def _fit_list(self) -> None:
        """Give the list of versions the width its columns need (the reasons are long in some
        languages), at most three fifths of the dialog; the table of changes takes the rest."""
        view, header = self.list, self.list.horizontalHeader()
        need = sum(
            max(header.sectionSizeHint(c), view.sizeHintForColumn(c))
            for c in range(self.versions.columnCount())
        )
        need += 2 * view.frameWidth() + view.verticalScrollBar().sizeHint().width()
        total = self.width()  # the splitter scales these to its width when it is shown
        left = max(min(need, total * 3 // 5), total * 2 // 5)
        self.splitter.setSizes([left, total - left])

    def selected_version(self) -> VersionInfo | None:
        row = self.list.currentIndex().row()
        return self.versions.rows[row] if 0 <= row < len(self.versions.rows) else None

    def _show_changes(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.restore_button.setEnabled(current.isValid())
        if not current.isValid():
            return
        changes = self.versions.changes(current.row())
        info = self.versions.rows[current.row()]
        if isinstance(changes, str):
            self.changes.set_rows([])
            self.summary.setText(changes)
            self.restore_button.setEnabled(False)
            return
        self.changes.set_rows(changes)
        when = version_time(info)
        if not changes:
            text = self.tr("Die Version vom {when} stimmt mit dem jetzigen Stand überein.")
        else:
            text = self.tr(
                "Seit der Version vom {when} haben sich %n Felder geändert.", None, len(changes)
            )
        self.summary.setText(text.format(when=when))

    def restore_selected(self) -> None:
        info = self.selected_version()
        if info is None:
            return
        try:
            draft = self.controller.restore_version(info.id)
        except StoreError as exc:
            self.summary.setText(str(exc))
            return
        self.restored.emit(draft)
        self.accept()
