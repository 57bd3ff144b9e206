"""Working together in the window: the „Änderungsverlauf“ (of a field or of the whole
application) and the comments on a field (leave one, resolve, reopen, delete).

Both read and change the draft only through the edit session; names and times come from the
change log and the comments, the user's own name from the settings (asked here once if it is
not set yet).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from zwk_desktop import oserrors
from zwk_desktop.domain.collab import MAX_COMMENT, Change, Comment
from zwk_desktop.editing.session import EditSession
from zwk_desktop.services.collab_text import change_values, removed_place
from zwk_desktop.services.diff import field_label
from zwk_desktop.services.settings import SettingsStore
from zwk_desktop.ui.common import person, service_text, stamp_text, translate
from zwk_desktop.ui.dialogs.tables import Index, ListTableModel

SHOWN = 160


def change_kind(change: Change) -> str:
    return {
        "value": translate("Collab", "geändert"),
        "added": translate("Collab", "hinzugefügt"),
        "removed": translate("Collab", "entfernt"),
        "moved": translate("Collab", "verschoben"),
    }[change.kind]


class HistoryModel(ListTableModel[tuple[Change, str, str, str]]):
    """Change log entries, newest first: (entry, place, before, after)."""

    def headers(self) -> tuple[str, ...]:
        return (
            translate("Collab", "Zeitpunkt"),
            translate("Collab", "Wer"),
            translate("Collab", "Feld"),
            translate("Collab", "Änderung"),
            translate("Collab", "Vorher"),
            translate("Collab", "Nachher"),
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        change, place, before, after = self.rows[index.row()]
        texts = (
            stamp_text(change.at),
            person(change.who),
            place,
            change_kind(change),
            before,
            after,
        )
        text = texts[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return text if len(text) <= SHOWN else text[: SHOWN - 1] + "…"
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return text
        return None


class HistoryDialog(QDialog):
    """„Änderungsverlauf“ of one field (`path`) or of the whole application (None)."""

    def __init__(self, session: EditSession, path: str | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.setObjectName("aenderungsverlauf")
        spec = session.spec
        if path is None:
            title = translate("Collab", "Änderungsverlauf der Bewerbung")
        else:
            title = translate("Collab", "Änderungsverlauf: {field}").format(
                field=field_label(spec, path)
            )
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        entries = session.history(path)
        rows = []
        for change in reversed(entries):
            concrete = session.concrete(change.path)
            place = (
                field_label(spec, concrete)
                if concrete is not None
                else service_text(removed_place(spec, change.path))
            )
            shown = concrete or change.path.split("[#", 1)[0]
            before, after = change_values(spec, change, shown)
            rows.append((change, place, before, after))
        summary = QLabel(
            translate("Collab", "Noch keine Änderungen aufgezeichnet.")
            if not rows
            else translate("Collab", "{n} Änderungen, die neueste zuerst.").format(n=len(rows))
        )
        summary.setObjectName("aenderungsverlauf:zusammenfassung")
        summary.setWordWrap(True)
        layout.addWidget(summary)
        self.model = HistoryModel(self)
        self.model.rows = []
        self.model.set_rows(rows)
        self.table = QTableView()
        self.table.setObjectName("aenderungsverlauf:tabelle")
        self.table.setAccessibleName(title)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        summary.setBuddy(self.table)
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(
            translate("Collab", "S&chließen")
        )
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        em = self.fontMetrics().height()
        room = self.screen().availableGeometry()  # at 200 % scaling the screen is small
        self.resize(min(em * 64, int(room.width() * 0.9)), min(em * 30, int(room.height() * 0.9)))
        self.table.resizeColumnsToContents()
        if rows:
            self.table.setCurrentIndex(self.model.index(0, 0, QModelIndex()))
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)


class CommentsDialog(QDialog):
    """The comments on one field: the list (open and resolved), a new one, resolve, delete."""

    def __init__(
        self,
        session: EditSession,
        path: str,
        settings: SettingsStore | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.path = path
        self.settings = settings
        self.setObjectName("kommentare")
        label = field_label(session.spec, path)
        self.setWindowTitle(translate("Collab", "Kommentare: {field}").format(field=label))
        layout = QVBoxLayout(self)
        head = QLabel(translate("Collab", "&Kommentare zu „{field}“:").format(field=label))
        head.setWordWrap(True)
        layout.addWidget(head)
        self.list = QListWidget()
        self.list.setObjectName("kommentare:liste")
        self.list.setAccessibleName(
            translate("Collab", "Kommentare zu {field}").format(field=label)
        )
        self.list.setWordWrap(True)
        head.setBuddy(self.list)
        layout.addWidget(self.list, 1)
        row = QHBoxLayout()
        self.resolve_button = QPushButton(translate("Collab", "&Erledigt / wieder öffnen"))
        self.resolve_button.setObjectName("kommentare:erledigt")
        self.delete_button = QPushButton(translate("Collab", "&Löschen"))
        self.delete_button.setObjectName("kommentare:loeschen")
        row.addWidget(self.resolve_button)
        row.addWidget(self.delete_button)
        row.addStretch(1)
        layout.addLayout(row)
        form = QFormLayout()
        self.name: QLineEdit | None = None
        if settings is not None and not session.author:
            self.name = QLineEdit()
            self.name.setObjectName("kommentare:name")
            self.name.setAccessibleName(translate("Collab", "Ihr Name"))
            self.name.setAccessibleDescription(
                translate(
                    "Collab",
                    "Einmal angeben: so sehen andere, von wem Kommentare und Änderungen stammen.",
                )
            )
            name_label = QLabel(translate("Collab", "Ihr &Name:"))
            name_label.setBuddy(self.name)
            form.addRow(name_label, self.name)
        self.text = QPlainTextEdit()
        self.text.setObjectName("kommentare:neu")
        self.text.setAccessibleName(translate("Collab", "Neuer Kommentar"))
        self.text.setTabChangesFocus(True)
        self.text.setFixedHeight(self.fontMetrics().height() * 4)
        text_label = QLabel(translate("Collab", "&Neuer Kommentar:"))
        text_label.setBuddy(self.text)
        form.addRow(text_label, self.text)
        layout.addLayout(form)
        self.add_button = QPushButton(translate("Collab", "Kommentar &hinzufügen"))
        self.add_button.setObjectName("kommentare:hinzufuegen")
        layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignRight)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(
            translate("Collab", "S&chließen")
        )
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.add_button.clicked.connect(self.add)
        self.resolve_button.clicked.connect(self.toggle)
        self.delete_button.clicked.connect(self.delete)
        self.list.currentRowChanged.connect(lambda _row: self._update())
        self.text.textChanged.connect(self._update)
        em = self.fontMetrics().height()
        self.resize(em * 40, em * 28)
        self.reload()
        (self.list if self.list.count() else self.text).setFocus(Qt.FocusReason.OtherFocusReason)

    def comments(self) -> list[Comment]:
        return self.session.comments_at(self.path)

    def reload(self, select: str | None = None) -> None:
        self.list.clear()
        for comment in self.comments():
            state = (
                translate("Collab", "erledigt von {who}").format(who=person(comment.resolved_by))
                if comment.resolved
                else translate("Collab", "offen")
            )
            text = translate("Collab", "{who}, {when} ({state}): {text}").format(
                who=person(comment.author),
                when=stamp_text(comment.at),
                state=state,
                text=comment.text,
            )
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, comment.id)
            self.list.addItem(item)
            if comment.id == select:
                self.list.setCurrentItem(item)
        if self.list.currentRow() < 0 and self.list.count():
            self.list.setCurrentRow(self.list.count() - 1)
        self._update()

    def _selected(self) -> str | None:
        item = self.list.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def _update(self) -> None:
        chosen = self._selected() is not None
        self.resolve_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)
        self.add_button.setEnabled(bool(self.text.toPlainText().strip()))

    def add(self) -> None:
        text = self.text.toPlainText().strip()
        if not text:
            return
        if self.name is not None and self.name.text().strip():
            self._remember_name(self.name.text())
        comment = self.session.add_comment(self.path, text[:MAX_COMMENT])
        self.text.clear()
        self.reload(comment.id)
        self.list.setFocus(Qt.FocusReason.OtherFocusReason)

    def _remember_name(self, name: str) -> None:
        """The user's name, asked here once: kept in the settings for every later entry."""
        from dataclasses import replace

        assert self.settings is not None
        name = " ".join(name.split())
        try:
            self.settings.save(replace(self.settings.load(), user_name=name, name_asked=True))
        except OSError as exc:
            QMessageBox.warning(
                self,
                translate("Collab", "Name nicht gespeichert"),
                translate("Collab", "Ihr Name konnte nicht gespeichert werden ({reason}).").format(
                    reason=service_text(oserrors.cause(exc))
                ),
            )
        self.session.set_author(name)

    def toggle(self) -> None:
        cid = self._selected()
        if cid is None:
            return
        comment = next(c for c in self.comments() if c.id == cid)
        if comment.resolved:
            self.session.reopen_comment(cid)
        else:
            self.session.resolve_comment(cid)
        self.reload(cid)
        self.list.setFocus(Qt.FocusReason.OtherFocusReason)

    def delete(self) -> None:
        cid = self._selected()
        if cid is None:
            return
        self.session.delete_comment(cid)
        self.reload()
        (self.list if self.list.count() else self.text).setFocus(Qt.FocusReason.OtherFocusReason)
