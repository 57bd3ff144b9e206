"""The Posteingang window: every application under a folder, checked in the background, as one
sortable, filterable table with a chart, the sums, and "Als Excel speichern".

The check runs on a worker thread (`BackgroundJob`) that drives the inbox's worker processes
(`zwk_desktop.services.inbox.scan`); the window shows the progress and can cancel. A row opens
the Prüfansicht of its package (Enter or double-click); an unreadable package shows why instead,
since the Prüfansicht would open it again without the inbox's limits. Everything is reachable by
keyboard (access keys on every label and button) and named for screen readers.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import threading
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from zwk_desktop.services.inbox.model import (
    STATUS_UNREADABLE,
    TOTAL,
    TRUST_CONFIRMED,
    TRUST_FIRST,
    TRUST_OTHER,
    Application,
    Overview,
)
from zwk_desktop.services.inbox.tables import money_text
from zwk_desktop.ui.common import service_line, service_text
from zwk_desktop.ui.export.worker import BackgroundJob
from zwk_desktop.ui.inbox.chart import RequestedChartView
from zwk_desktop.ui.inbox.table import (
    ALL,
    INVALID,
    STATUS_FILTERS,
    ApplicationsFilter,
    ApplicationsModel,
    word,
)
from zwk_desktop.ui.palette import banner_style

NEUTRAL_STYLE = "padding:6px"


class InboxWindow(QDialog):
    """The overview of one inbox folder; `scanned(Overview)` when the check is done."""

    scanned = Signal(object)
    failed = Signal(str)

    def __init__(
        self,
        folder: Path,
        parent: QWidget | None = None,
        *,
        jobs: int | None = None,
        store_path: Path | None = None,
        trust: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("posteingang")
        self.folder = folder
        self.jobs = jobs
        self.store_path = store_path
        self.trust = trust
        """The trust anchors (Einstellungen → Vertrauensanker), as ``posteingang --trust``."""
        self.overview: Overview | None = None
        self.views: list[QDialog] = []
        self._cancel = threading.Event()
        self._closing = False
        self.setWindowTitle(self.tr("Posteingang – {folder}").format(folder=folder))
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.resize(1200, 780)
        layout = QVBoxLayout(self)

        self.banner = QLabel(
            self.tr("Die Pakete in {folder} werden geprüft …").format(folder=folder)
        )
        self.banner.setObjectName("posteingang:status")
        # No accessible name: a screen reader reads a label's text, which is the news here.
        self.banner.setAccessibleDescription(self.tr("Stand der Prüfung"))
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(NEUTRAL_STYLE)
        layout.addWidget(self.banner)

        progress_row = QHBoxLayout()
        self.progress = QProgressBar()
        self.progress.setObjectName("posteingang:fortschritt")
        self.progress.setAccessibleName(self.tr("Fortschritt der Prüfung"))
        self.progress.setRange(0, 0)
        self.progress.setFormat(self.tr("%v von %m Paketen geprüft"))
        self.cancel_button = self._button("posteingang:abbrechen", self.tr("&Abbrechen"))
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.cancel_button)
        layout.addLayout(progress_row)

        filters = QHBoxLayout()
        self.land_filter = self._combo(filters, "posteingang:filter-land", self.tr("&Land:"))
        self.art_filter = self._combo(filters, "posteingang:filter-art", self.tr("A&rt:"))
        self.status_filter = self._combo(
            filters, "posteingang:filter-status", self.tr("&Signatur:")
        )
        filters.addStretch()
        layout.addLayout(filters)

        self.model = ApplicationsModel(self)
        self.proxy = ApplicationsFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setObjectName("posteingang:tabelle")
        self.table.setAccessibleName(self.tr("Eingegangene Bewerbungen"))
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.activated.connect(self._activated)
        table_label = QLabel(self.tr("&Bewerbungen (Eingabetaste öffnet die Prüfansicht):"))
        table_label.setBuddy(self.table)
        self.chart = RequestedChartView()
        splitter = QSplitter(Qt.Orientation.Vertical)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(table_label)
        top_layout.addWidget(self.table)
        splitter.addWidget(top)
        splitter.addWidget(self.chart)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout.addWidget(splitter, 1)

        self.summary = QLabel()
        self.summary.setObjectName("posteingang:summe")
        self.summary.setAccessibleDescription(self.tr("Summe"))
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.summary)

        buttons = QHBoxLayout()
        self.open_button = self._button("posteingang:pruefansicht", self.tr("Prüfansicht ö&ffnen"))
        self.excel_button = self._button("posteingang:excel", self.tr("Als &Excel speichern…"))
        self.csv_button = self._button("posteingang:csv", self.tr("Als CS&V speichern…"))
        self.confirm_button = self._button(
            "posteingang:zertifikat-bestaetigen", self.tr("&Zertifikat bestätigen…")
        )
        self.confirm_button.setToolTip(
            self.tr(
                "Das Zertifikat der gewählten Bewerbung ist mit der Kommune abgeglichen (etwa am "
                "Telefon): für diese AGS nicht mehr als neu oder abweichend melden"
            )
        )
        close = self._button("posteingang:schliessen", self.tr("S&chließen"))
        for button in (self.open_button, self.excel_button, self.csv_button, self.confirm_button):
            button.setEnabled(False)
            buttons.addWidget(button)
        buttons.addStretch()
        buttons.addWidget(close)
        layout.addLayout(buttons)

        self.cancel_button.clicked.connect(self.cancel)
        self.open_button.clicked.connect(self.open_selected)
        self.confirm_button.clicked.connect(self.confirm_selected)
        self.table.selectionModel().currentRowChanged.connect(
            lambda _current, _previous: self._update_confirm()
        )
        self.excel_button.clicked.connect(lambda: self.save("xlsx"))
        self.csv_button.clicked.connect(lambda: self.save("csv"))
        close.clicked.connect(self.close)
        for combo in (self.land_filter, self.art_filter, self.status_filter):
            combo.currentIndexChanged.connect(lambda _index: self._filter())
        self.job = BackgroundJob(self._scan, self)
        self.job.progress.connect(self._progressed)
        self.job.done.connect(self._done)
        self.job.failed.connect(self._failed)
        self.job.start()

    # -- building

    def _button(self, name: str, text: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setAutoDefault(False)  # Enter in the table opens the row, not a button
        return button

    def _combo(self, row: QHBoxLayout, name: str, text: str) -> QComboBox:
        label = QLabel(text)
        combo = QComboBox()
        combo.setObjectName(name)
        combo.setAccessibleName(text.replace("&", "").rstrip(":"))
        combo.setEnabled(False)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        label.setBuddy(combo)
        row.addWidget(label)
        row.addWidget(combo)
        return combo

    # -- the check

    def _scan(self, progress: object) -> tuple[Overview, str]:
        from zwk_desktop.services.inbox import scan

        def report(done: int, total: int, row: Application) -> None:
            progress(done, str(total))  # type: ignore[operator]

        return scan(
            self.folder,
            jobs=self.jobs,
            store_path=self.store_path,
            trust=self.trust,
            progress=report,
            cancelled=self._cancel.is_set,
        )

    def _progressed(self, done: int, total: str) -> None:
        self.progress.setRange(0, int(total))
        self.progress.setValue(done)

    def cancel(self) -> None:
        self._cancel.set()
        self.cancel_button.setEnabled(False)
        self.banner.setText(self.tr("Die Prüfung wird abgebrochen …"))

    def _finish(self) -> None:
        self.progress.hide()
        self.cancel_button.hide()
        if self._closing:
            self.close()

    def _failed(self, exc: object) -> None:
        self._finish()
        self.banner.setText(service_text(str(exc)) or type(exc).__name__)
        self.banner.setStyleSheet(banner_style("invalid"))
        self.failed.emit(self.banner.text())

    def _done(self, result: tuple[Overview, str]) -> None:
        overview, notice = result
        self._finish()
        self.overview = overview
        self.model.set_overview(overview)
        self._size_columns()
        self.table.sortByColumn(
            self.model.column_named("Eingegangen"), Qt.SortOrder.DescendingOrder
        )
        self._fill_filters(overview)
        self.chart.set_overview(overview)
        self._show_state(overview, notice)
        for button in (self.open_button, self.excel_button, self.csv_button):
            button.setEnabled(bool(overview.applications))
        if overview.applications:
            self.table.selectRow(0)
            self.table.setFocus()
        self._update_confirm()
        self.scanned.emit(overview)

    def _size_columns(self) -> None:
        metrics = self.table.fontMetrics()
        header = self.table.horizontalHeader().fontMetrics()
        for i, column in enumerate(self.model.columns):
            width = max(
                column.width * metrics.horizontalAdvance("0"),  # as Excel counts widths
                header.horizontalAdvance(column.header) + 28,  # room for the sort arrow
            )
            self.table.setColumnWidth(i, min(width, 420))

    def _show_state(self, overview: Overview, notice: str) -> None:
        s = overview.summary
        if not overview.applications:
            text = self.tr("In {folder} gibt es keine E-Mails (.eml) und keine Paketordner.")
            self.banner.setText(text.format(folder=self.folder))
            self.banner.setStyleSheet(NEUTRAL_STYLE)
        elif overview.all_valid:
            self.banner.setText(
                self.tr("Alle {n} Bewerbungen sind gültig.").format(n=s.applications)
            )
            self.banner.setStyleSheet(banner_style("valid"))
        else:
            self.banner.setText(
                self.tr("{bad} von {n} Bewerbungen sind nicht gültig.").format(
                    bad=s.invalid, n=s.applications
                )
            )
            self.banner.setStyleSheet(banner_style("invalid"))
        if self._cancel.is_set():
            self.banner.setText(self.tr("Abgebrochen. ") + self.banner.text())
        if self.trust is not None:
            anchored = sum(1 for a in overview.applications if a.anchored)
            self.banner.setText(
                self.banner.text()
                + "\n"
                + self.tr(
                    "Vertrauensanker: {path}. Unter ihnen ausgestellt (keine telefonische "
                    "Bestätigung nötig): {n}"
                ).format(path=self.trust, n=anchored)
            )
        if notice:
            self.banner.setText(f"{self.banner.text()}\n{notice}")
        self._update_summary()

    def _update_summary(self) -> None:
        overview = self.overview
        if overview is None:
            return
        s = overview.summary
        years = "; ".join(f"{y}: {money_text(s.total.beantragt[y])} €" for y in overview.years)
        text = self.tr(
            "{n} Bewerbungen: {valid} gültig, {invalid} ungültig, {replaced} ersetzt. Beantragt "
            "({counted} gültige, aktuelle): {years}; gesamt {total} €."
        ).format(
            n=s.applications,
            valid=s.valid,
            invalid=s.invalid,
            replaced=s.replaced,
            counted=s.total.count,
            years=years,
            total=money_text(s.total.beantragt[TOTAL]),
        )
        shown = self.proxy.rowCount()
        if shown != s.applications:
            text += " " + self.tr("Angezeigt: {shown} von {n}.").format(
                shown=shown, n=s.applications
            )
        self.summary.setText(text)

    # -- filters

    def _fill_filters(self, overview: Overview) -> None:
        present_lands = {a.land for a in overview.applications if a.land}
        present_arts = {a.art for a in overview.applications if a.art}
        self._fill(
            self.land_filter,
            self.tr("alle Länder"),
            [(overview.land_names.get(c, c), c) for c in overview.land_names if c in present_lands],
        )
        self._fill(
            self.art_filter,
            self.tr("alle Arten"),
            [(overview.art_names.get(c, c), c) for c in overview.art_names if c in present_arts],
        )
        statuses = [(word(s), s) for s in STATUS_FILTERS if s != INVALID]
        statuses.append((self.tr("alle ungültigen"), INVALID))
        self._fill(self.status_filter, self.tr("alle"), statuses)

    def _fill(self, combo: QComboBox, everything: str, items: list[tuple[str, str]]) -> None:
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(everything, ALL)
        for text, code in items:
            combo.addItem(text, code)
        combo.blockSignals(False)
        combo.setEnabled(True)

    def _filter(self) -> None:
        self.proxy.set_filter(
            land=str(self.land_filter.currentData() or ALL),
            art=str(self.art_filter.currentData() or ALL),
            status=str(self.status_filter.currentData() or ALL),
        )
        self._update_summary()

    # -- rows

    def selected(self) -> Application | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.proxy.application(index.row())

    def _activated(self, index: QModelIndex) -> None:
        self.table.selectRow(index.row())
        self.open_selected()

    def open_selected(self) -> QDialog | None:
        """The Prüfansicht of the selected row's package (or, unreadable, the reason)."""
        row = self.selected()
        if row is None:
            return None
        if row.status == STATUS_UNREADABLE:
            box = QMessageBox(
                QMessageBox.Icon.Warning,
                self.tr("Paket nicht lesbar"),
                self.tr("{path}\n\n{reason}").format(
                    path=row.path, reason=service_line(row.reason)
                ),
                QMessageBox.StandardButton.Ok,
                self,
            )
            box.setObjectName("posteingang:unlesbar")
            box.open()
            self.views.append(box)
            return box
        from zwk_desktop.ui.export.package_view import PackageView

        view = PackageView(Path(row.path), self, trust=self.trust)
        view.show()
        self.views.append(view)
        return view

    # -- trust on first use

    def _confirmable(self, row: Application | None) -> bool:
        return bool(
            row is not None
            and row.valid
            and row.ags
            and row.fingerprint
            and row.trust in (TRUST_FIRST, TRUST_OTHER)
        )

    def _update_confirm(self) -> None:
        self.confirm_button.setEnabled(self._confirmable(self.selected()))

    def confirm_selected(self) -> bool:
        """Mark the selected row's certificate as confirmed for its AGS, after asking."""
        row = self.selected()
        if self.overview is None or row is None or not self._confirmable(row):
            return False
        groups = " ".join(row.fingerprint[i : i + 4] for i in range(0, len(row.fingerprint), 4))
        answer = QMessageBox.question(
            self,
            self.tr("Zertifikat bestätigen"),
            self.tr(
                "Haben Sie mit {kommune} (AGS {ags}) abgeglichen, dass dieses Zertifikat von dort "
                "stammt?\n\nSigniert von: {signer}\nSHA-256: {fingerprint}\n\nDer Posteingang "
                "merkt es sich und meldet es für diese AGS nicht mehr als neu oder abweichend."
            ).format(kommune=row.kommune, ags=row.ags, signer=row.signer, fingerprint=groups),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        from zwk_desktop.services.inbox.trust import TrustStore, default_store_path

        with TrustStore(self.store_path or default_store_path()) as store:
            store.confirm(row.ags, row.fingerprint)
            agss = {a.ags for a in self.overview.applications if a.ags}
            certificates = store.certificates(agss)
        applications = tuple(
            dataclasses.replace(a, trust=TRUST_CONFIRMED)
            if a.ags == row.ags and a.fingerprint == row.fingerprint and a.trust
            else a
            for a in self.overview.applications
        )
        self.overview = dataclasses.replace(
            self.overview, applications=applications, certificates=certificates
        )
        self.model.set_overview(self.overview)
        self._select_path(row.path)
        return True

    def _select_path(self, path: str) -> None:
        for proxy_row in range(self.proxy.rowCount()):
            if self.proxy.application(proxy_row).path == path:
                self.table.selectRow(proxy_row)
                break
        self._update_confirm()

    # -- saving

    def save(self, kind: str) -> Path | None:
        """Ask where, then write the overview as Excel workbook (`xlsx`) or CSV."""
        if self.overview is None:
            return None
        today = dt.date.today().isoformat()
        suggestion = self.folder.parent / f"Posteingang_{today}.{kind}"
        title, pattern = (
            (self.tr("Als Excel speichern"), self.tr("Excel-Mappe (*.xlsx)"))
            if kind == "xlsx"
            else (self.tr("Als CSV speichern"), self.tr("CSV für Excel (*.csv)"))
        )
        name, _ = QFileDialog.getSaveFileName(self, title, str(suggestion), pattern)
        if not name:
            return None
        target = Path(name)
        if target.suffix.lower() != f".{kind}":
            target = target.with_name(f"{target.name}.{kind}")
        from zwk_desktop import oserrors
        from zwk_desktop.services.atomic import write_atomic
        from zwk_desktop.services.inbox.tables import csv_bytes

        try:
            if kind == "xlsx":
                from zwk_desktop.services.inbox.workbook import workbook_bytes

                data = workbook_bytes(self.overview)
            else:
                data = csv_bytes(self.overview)
            write_atomic(target, data)
        except OSError as exc:
            box = QMessageBox(
                QMessageBox.Icon.Warning,
                title,
                service_text(oserrors.sentence(target, exc, writing=True)),
                QMessageBox.StandardButton.Ok,
                self,
            )
            box.setObjectName("posteingang:speicherfehler")
            box.open()
            self.views.append(box)
            return None
        self.summary.setText(
            self.summary.text() + " " + self.tr("Gespeichert: {path}").format(path=target)
        )
        return target

    # -- closing

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.job.running:
            self._closing = True
            self.cancel()
            event.ignore()  # closes itself when the workers have stopped
            return
        super().closeEvent(event)

    def reject(self) -> None:
        """Escape: like closing, a running check is cancelled first."""
        if self.job.running:
            self._closing = True
            self.cancel()
            return
        super().reject()
