"""The Posteingang window (issue 18): Datei → Posteingang öffnen…, the table (sortable, filtered
by Land, Art and status), a row opens the Prüfansicht, the bar chart by Land and by Art,
"Als Excel speichern", all by keyboard and named for screen readers."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from export_helpers import NOW
from inbox_helpers import Identities, draft_of, export, package_file
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QWidget,
)
from uitools import make_window, widget

from zwk_desktop.ui.export.package_view import PackageView
from zwk_desktop.ui.inbox.chart import BarChartWidget
from zwk_desktop.ui.inbox.window import InboxWindow

SCAN_TIMEOUT = 120_000


@pytest.fixture(scope="module")
def inbox_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Four applications: Lindenhagen (BB) and Hohenwald (TH) valid, a changed PDF, and an
    e-mail that is no package."""
    root = tmp_path_factory.mktemp("fenster")
    ids = Identities(root / "ids")
    folder = root / "eingang"
    folder.mkdir()
    lindenhagen = export(draft_of("lindenhagen"), ids.key("Katrin Wendland"), root / "a", NOW)
    shutil.copy(lindenhagen.mail, folder)
    hohenwald = export(
        draft_of("hohenwald"), ids.key("Dr. Matthias Kühnel", "Landrat"), root / "b", NOW
    )
    shutil.copy(hohenwald.mail, folder)
    changed = export(
        draft_of("lindenhagen", {"kommune.ags": "12073001"}),
        ids.key("Katrin Wendland"),
        root / "c",
        NOW,
    )
    target = shutil.copytree(changed.folder, folder / "veraendert")
    pdf_file = package_file(target, "pdf")
    pdf = bytearray(pdf_file.read_bytes())
    pdf[len(pdf) // 2] ^= 0x01
    pdf_file.write_bytes(bytes(pdf))
    (folder / "kein-paket.eml").write_bytes(b"Subject: Hallo\r\n\r\nnur Text\r\n")
    return folder


def _open(qtbot: Any, folder: Path, tmp_path: Path) -> InboxWindow:
    window = InboxWindow(folder, jobs=2, store_path=tmp_path / "zertifikate.sqlite")
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.scanned, timeout=SCAN_TIMEOUT):
        window.show()
    return window


def _rows(window: InboxWindow) -> list[dict[str, str]]:
    model = window.table.model()
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    return [
        {h: model.index(r, c).data() for c, h in enumerate(headers)}
        for r in range(model.rowCount())
    ]


def test_datei_menu_opens_the_posteingang_on_a_folder(
    qtbot: Any, inbox_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    main = make_window(qtbot)
    action = main.findChild(QAction, "aktion:posteingang")
    assert isinstance(action, QAction)
    assert action.text() == "P&osteingang öffnen…"
    datei = next(a.menu() for a in main.menuBar().actions() if a.text() == "&Datei")
    assert action in datei.actions()
    assert action.isEnabled()  # no draft needed
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(inbox_folder))
    action.trigger()
    window = main.findChild(InboxWindow, "posteingang")
    assert window is not None
    with qtbot.waitSignal(window.scanned, timeout=SCAN_TIMEOUT):
        pass
    assert window.model.rowCount() == 4
    assert "2 von 4 Bewerbungen sind nicht gültig" in widget(window, "posteingang:status").text()
    window.close()


def test_table_sorts_by_amount_and_filters_by_land_art_and_status(
    qtbot: Any, inbox_folder: Path, tmp_path: Path
) -> None:
    window = _open(qtbot, inbox_folder, tmp_path)
    table = widget(window, "posteingang:tabelle")
    assert isinstance(table, QTableView)
    total = window.model.column_named("Beantragt gesamt")
    header = table.horizontalHeader()
    position = QPoint(header.sectionViewportPosition(total) + 5, 5)
    QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=position)
    amounts = [r["Beantragt gesamt"] for r in _rows(window)]
    numbers = [Decimal(a.replace(".", "").replace(",", ".")) for a in amounts if a]
    assert numbers == sorted(numbers) or numbers == sorted(numbers, reverse=True)
    assert len(numbers) == 3  # the unreadable mail has no amounts

    land = widget(window, "posteingang:filter-land")
    assert isinstance(land, QComboBox)
    assert [land.itemText(i) for i in range(land.count())] == [
        "alle Länder",
        "Brandenburg",
        "Thüringen",
    ]
    land.setFocus()
    QTest.keyClick(land, Qt.Key.Key_Down)
    assert {r["Land"] for r in _rows(window)} == {"Brandenburg"}
    assert "Angezeigt: 2 von 4" in widget(window, "posteingang:summe").text()
    QTest.keyClick(land, Qt.Key.Key_Up)
    art = widget(window, "posteingang:filter-art")
    assert isinstance(art, QComboBox)
    art.setCurrentIndex(art.findData("landkreis"))
    assert [r["Kommune"] for r in _rows(window)] == ["Landkreis Hohenwald"]
    art.setCurrentIndex(0)
    status = widget(window, "posteingang:filter-status")
    assert isinstance(status, QComboBox)
    status.setCurrentIndex(status.findData("ungültig"))
    assert sorted(r["Signatur"] for r in _rows(window)) == ["unlesbar", "verändert"]
    status.setCurrentIndex(status.findData("gültig"))
    assert len(_rows(window)) == 2
    window.close()


def test_enter_on_a_row_opens_the_pruefansicht(
    qtbot: Any, inbox_folder: Path, tmp_path: Path
) -> None:
    window = _open(qtbot, inbox_folder, tmp_path)
    status = widget(window, "posteingang:filter-status")
    assert isinstance(status, QComboBox)
    status.setCurrentIndex(status.findData("verändert"))
    table = window.table
    table.setFocus()
    table.selectRow(0)
    QTest.keyClick(table, Qt.Key.Key_Return)
    views = [v for v in window.views if isinstance(v, PackageView)]
    assert len(views) == 1
    view = views[0]
    with qtbot.waitSignal(view.checked, timeout=60_000) as checked:
        pass
    report = checked.args[0] if checked.args else view.report
    assert report is not None and not report.valid
    assert view.path == inbox_folder / "veraendert"
    # An unreadable package shows its reason instead of opening it again.
    status.setCurrentIndex(status.findData("unlesbar"))
    table.selectRow(0)
    QTest.keyClick(table, Qt.Key.Key_Return)
    box = window.findChild(QMessageBox, "posteingang:unlesbar")
    assert box is not None and "keine Anhänge" in box.text()
    box.close()
    window.close()


def test_chart_by_land_and_by_art_in_words_for_screen_readers(
    qtbot: Any, inbox_folder: Path, tmp_path: Path
) -> None:
    window = _open(qtbot, inbox_folder, tmp_path)
    chart = widget(window, "posteingang:diagramm")
    assert isinstance(chart, BarChartWidget)
    assert chart.accessibleName() == "Diagramm: Beantragt nach Land"
    assert chart.plan is not None
    assert [b.label for b in chart.plan.bars] == ["Brandenburg", "Thüringen"]
    words = widget(window, "posteingang:diagramm-text").text()
    assert words == chart.accessibleDescription()
    assert "Brandenburg" in words and "Thüringen" in words
    choice = widget(window, "posteingang:diagramm-auswahl")
    assert isinstance(choice, QComboBox)
    choice.setFocus()
    QTest.keyClick(choice, Qt.Key.Key_Down)
    assert chart.accessibleName() == "Diagramm: Beantragt nach Art der Kommune"
    assert [b.label for b in chart.plan.bars] == ["Gemeinde", "Landkreis"]
    image = chart.grab()
    assert not image.isNull() and image.width() > 100
    window.close()


def test_als_excel_speichern_writes_the_workbook(
    qtbot: Any, inbox_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from openpyxl import load_workbook

    window = _open(qtbot, inbox_folder, tmp_path)
    target = tmp_path / "übersicht"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    button = widget(window, "posteingang:excel")
    assert isinstance(button, QPushButton) and button.isEnabled()
    button.setFocus()
    QTest.keyClick(button, Qt.Key.Key_Space)
    written = tmp_path / "übersicht.xlsx"
    book = load_workbook(written)
    assert book["Bewerbungen"].max_row == 5
    assert "Gespeichert" in widget(window, "posteingang:summe").text()
    window.close()


def test_keyboard_reaches_everything_and_everything_has_a_name(
    qtbot: Any, inbox_folder: Path, tmp_path: Path
) -> None:
    window = _open(qtbot, inbox_folder, tmp_path)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    for keys, name in (
        (Qt.Key.Key_L, "posteingang:filter-land"),
        (Qt.Key.Key_R, "posteingang:filter-art"),
        (Qt.Key.Key_S, "posteingang:filter-status"),
        (Qt.Key.Key_B, "posteingang:tabelle"),
        (Qt.Key.Key_D, "posteingang:diagramm-auswahl"),
    ):
        QTest.keyClick(QApplication.focusWidget() or window, keys, Qt.KeyboardModifier.AltModifier)
        focused = QApplication.focusWidget()
        assert focused is not None and focused.objectName() == name, (keys, focused)
    for child in window.findChildren(QWidget):
        if (
            child.isVisible()
            and child.focusPolicy() != Qt.FocusPolicy.NoFocus
            and child.objectName().startswith("posteingang:")
            and not isinstance(child, QLabel | QPushButton)  # read by their text
        ):
            assert child.accessibleName(), child.objectName()
    # Labels that carry news (the state, the sums, the chart in words) are read by their text.
    for name in ("posteingang:status", "posteingang:summe", "posteingang:diagramm-text"):
        label = widget(window, name)
        assert isinstance(label, QLabel)
        assert label.accessibleName() == "" and label.text() and label.accessibleDescription()
    window.close()


def test_closing_while_checking_cancels_the_workers(
    qtbot: Any, inbox_folder: Path, tmp_path: Path
) -> None:
    window = InboxWindow(inbox_folder, jobs=1, store_path=tmp_path / "z.sqlite")
    qtbot.addWidget(window)
    window.show()
    window.close()  # at once: the check is still running
    assert window.isVisible()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=SCAN_TIMEOUT)
    assert not window.job.running


def test_table_words_read_in_german_exactly_as_the_services_write_them(qapp: Any) -> None:
    from zwk_desktop.services.inbox.model import STATUSES
    from zwk_desktop.services.inbox.tables import columns
    from zwk_desktop.ui.inbox.table import _words, word

    headers = [c.header for c in columns(("2021", "2022", "2023", "2024"))]
    for text in [*headers, *STATUSES, "aktuell", "ersetzt", "ja", "nein"]:
        assert word(text) == text
    assert set(headers) - {f"Beantragt {y}" for y in ("2021", "2022", "2023", "2024")} <= set(
        _words()
    )


def test_zertifikat_bestaetigen_remembers_the_certificate_for_its_ags(
    qtbot: Any, inbox_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from zwk_desktop.services.inbox.trust import TrustStore

    window = _open(qtbot, inbox_folder, tmp_path)
    button = widget(window, "posteingang:zertifikat-bestaetigen")
    status = widget(window, "posteingang:filter-status")
    assert isinstance(status, QComboBox)
    status.setCurrentIndex(status.findData("unlesbar"))
    window.table.selectRow(0)
    assert not button.isEnabled()  # nothing to confirm on an unreadable package
    status.setCurrentIndex(status.findData("gültig"))
    land = widget(window, "posteingang:filter-land")
    assert isinstance(land, QComboBox)
    land.setCurrentIndex(land.findData("TH"))
    window.table.setFocus()
    window.table.selectRow(0)
    assert button.isEnabled()
    asked: list[str] = []

    def yes(*args: Any, **kwargs: Any) -> QMessageBox.StandardButton:
        asked.append(args[2])
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", yes)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    QTest.keyClick(window.table, Qt.Key.Key_Z, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: len(asked) == 1)  # an access key clicks the button animated
    assert "Landkreis Hohenwald (AGS 16099)" in asked[0]
    (row,) = _rows(window)
    assert row["Zertifikat"] == "mit der Kommune bestätigt"
    assert not button.isEnabled()
    with TrustStore(tmp_path / "zertifikate.sqlite") as store:
        (cert,) = [c for c in store.certificates() if c.ags == "16099"]
        assert cert.confirmed and cert.first
    window.close()


def test_the_trust_anchors_of_the_settings_spare_the_confirmation(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from export_helpers import never_ask
    from pki import issue, make_ca, pkcs12_file

    from zwk_desktop.locations import data_dir
    from zwk_desktop.services.settings import Settings, SettingsStore

    ca = make_ca("ZWK Test-Landesamt")
    ids = Identities(tmp_path / "ids")
    identity, _ = ids.store.import_pkcs12(
        pkcs12_file(issue(ca, "Katrin Wendland"), (), b"geheim-123"), "geheim-123",
        funktion="Bürgermeisterin", remember=True,
    )  # fmt: skip
    result = export(
        draft_of("lindenhagen"), ids.store.unlock(identity, never_ask), tmp_path / "a", NOW
    )
    folder = tmp_path / "eingang"
    folder.mkdir()
    shutil.copy(result.mail, folder)
    anchors = ca.write(tmp_path / "landesamt.pem")
    SettingsStore(data_dir()).save(Settings(trust_folder=str(anchors)))
    main = make_window(qtbot)
    action = main.findChild(QAction, "aktion:posteingang")
    assert isinstance(action, QAction)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    action.trigger()
    window = main.findChild(InboxWindow, "posteingang")
    assert window is not None and window.trust == anchors
    with qtbot.waitSignal(window.scanned, timeout=SCAN_TIMEOUT):
        pass
    (row,) = _rows(window)
    assert row["Signatur"] == "gültig"
    assert row["Zertifikat"] == "ausgestellt unter einem Vertrauensanker"
    banner = widget(window, "posteingang:status").text()
    assert f"Vertrauensanker: {anchors}" in banner and "Bestätigung nötig): 1" in banner
    window.table.selectRow(0)
    view = window.open_selected()
    assert isinstance(view, PackageView) and view.trust == anchors
    with qtbot.waitSignal(view.checked, timeout=60_000):
        pass
    assert view.report is not None and view.report.trust is not None
    assert view.report.trust.trusted
    window.close()
