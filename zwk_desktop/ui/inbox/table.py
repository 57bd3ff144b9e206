"""The Posteingang's table: one row per application, sortable by every column, filtered by
Land, Art and signature status.

The columns and the German text of each cell come from `zwk_desktop.services.inbox.tables`, the
same as in the CSV and the workbook. Sorting uses the values behind the text (amounts as
numbers, the date of receipt as a time), so "9.000,00" sorts before "10.000,00".
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from functools import cache
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from zwk_desktop.services.inbox.model import STATUSES, Application, Overview
from zwk_desktop.services.inbox.tables import DATETIME, INT, MONEY, Column, cell_text, columns
from zwk_desktop.ui.common import service_line, translate

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2
ALL = ""
"""The filter value that lets every row through."""
INVALID = "ungültig"
"""Status filter: every row that is not valid (whatever its signature status)."""
STATUS_FILTERS = (*STATUSES, INVALID)

Index = QModelIndex | QPersistentModelIndex
WORD_COLUMNS = ("Stand", "Signatur", "Gültig")
"""Columns whose cells are words of the inbox's own (translated) vocabulary."""
MESSAGE_COLUMNS = frozenset({"Zertifikat", "Fehler", "Hinweise"})
"""Columns whose cells are sentences of the services, one a line, some as "subject: sentence"
(`service_line`)."""


@cache
def _words() -> dict[str, str]:
    """The German column headers and cell words of `services.inbox.tables`, in the user's
    language (in German exactly the services' text)."""
    return {
        "Eingegangen": translate("InboxTable", "Eingegangen"),
        "Stand": translate("InboxTable", "Stand"),
        "Signatur": translate("InboxTable", "Signatur"),
        "Gültig": translate("InboxTable", "Gültig"),
        "Kommune": translate("InboxTable", "Kommune"),
        "AGS": translate("InboxTable", "AGS"),
        "Land": translate("InboxTable", "Land"),
        "Landkreis": translate("InboxTable", "Landkreis"),
        "Art": translate("InboxTable", "Art"),
        "Einwohner": translate("InboxTable", "Einwohner"),
        "Beantragt gesamt": translate("InboxTable", "Beantragt gesamt"),
        "Eigenmittel": translate("InboxTable", "Eigenmittel"),
        "Unterschrift laut Formular": translate("InboxTable", "Unterschrift laut Formular"),
        "Signiert von (Zertifikat)": translate("InboxTable", "Signiert von (Zertifikat)"),
        "Zertifikat": translate("InboxTable", "Zertifikat"),
        "Zertifikat SHA-256": translate("InboxTable", "Zertifikat SHA-256"),
        "Fehler": translate("InboxTable", "Fehler"),
        "Hinweise": translate("InboxTable", "Hinweise"),
        "Bestätigte Hinweise mit Begründung": translate(
            "InboxTable", "Bestätigte Hinweise mit Begründung"
        ),
        "Paket": translate("InboxTable", "Paket"),
        "aktuell": translate("InboxTable", "aktuell"),
        "ersetzt": translate("InboxTable", "ersetzt"),
        "ja": translate("InboxTable", "ja"),
        "nein": translate("InboxTable", "nein"),
        "gültig": translate("InboxTable", "gültig"),
        "verändert": translate("InboxTable", "verändert"),
        "unlesbar": translate("InboxTable", "unlesbar"),
        "Unterzeichner weicht ab": translate("InboxTable", "Unterzeichner weicht ab"),
    }


def word(text: str) -> str:
    """A header or cell word of the inbox in the user's language ("Beantragt 2022" too)."""
    year = re.fullmatch(r"Beantragt (\d{4})", text)
    if year:
        return translate("InboxTable", "Beantragt {jahr}").format(jahr=year[1])
    return _words().get(text, text)


class ApplicationsModel(QAbstractTableModel):
    """The overview's applications as a read-only table."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: tuple[Application, ...] = ()
        self._columns: list[Column] = columns(("2021", "2022", "2023", "2024"))

    def set_overview(self, overview: Overview) -> None:
        self.beginResetModel()
        self._rows = overview.applications
        self._columns = columns(overview.years)
        self.endResetModel()

    def application(self, row: int) -> Application:
        return self._rows[row]

    @property
    def columns(self) -> list[Column]:
        return list(self._columns)

    def column_named(self, header: str) -> int:
        return next(i for i, c in enumerate(self._columns) if c.header == header)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.AccessibleTextRole,
        ):
            return word(self._columns[section].header)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = self._columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            text = cell_text(column, row)
            if column.header in WORD_COLUMNS:
                return word(text)
            if column.header in MESSAGE_COLUMNS:
                return "; ".join(service_line(line) for line in text.split("\n"))
            return text.replace("\n", "; ")
        if role == Qt.ItemDataRole.ToolTipRole:
            text = cell_text(column, row)
            if column.header in MESSAGE_COLUMNS:
                text = "\n".join(service_line(line) for line in text.split("\n"))
            return text if len(text) > 40 or "\n" in text else None
        if role == SORT_ROLE:
            return _sort_key(column, row)
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.TextAlignmentRole and column.kind in (MONEY, INT):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def _sort_key(column: Column, row: Application) -> Any:
    value = column.value(row)
    if column.kind in (MONEY, INT):
        return float(value) if isinstance(value, Decimal | int) else float("-inf")
    if column.kind == DATETIME:
        return value.timestamp() if isinstance(value, dt.datetime) else float("-inf")
    return cell_text(column, row).casefold()


class ApplicationsFilter(QSortFilterProxyModel):
    """Rows of one Land, one Art and one status (`ALL` for any)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.land = self.art = self.status = ALL
        self.setSortRole(SORT_ROLE)

    def set_filter(self, *, land: str = ALL, art: str = ALL, status: str = ALL) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.10 and later
            self.beginFilterChange()
            self.land, self.art, self.status = land, art, status
            self.endFilterChange()
        else:  # pragma: no cover - older Qt within the supported range
            self.land, self.art, self.status = land, art, status
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        if not isinstance(model, ApplicationsModel):
            return True
        row = model.application(source_row)
        if self.land and row.land != self.land:
            return False
        if self.art and row.art != self.art:
            return False
        if self.status == INVALID:
            return not row.valid
        return not self.status or row.status == self.status

    def application(self, proxy_row: int) -> Application:
        source = self.mapToSource(self.index(proxy_row, 0))
        model = self.sourceModel()
        assert isinstance(model, ApplicationsModel)
        return model.application(source.row())
