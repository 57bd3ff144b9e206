"""The export side in the real main window: Datei → Exportieren…, Druckfassung (ENTWURF)…,
Paket prüfen…, Extras → Signaturidentitäten…; a full export through the dialog with an identity
whose passphrase is in a real Secret Service, checked with `verify` and pdftotext."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import EXAMPLES
from export_helpers import MemorySecrets, never_ask, new_store, ready_draft, run_cli, tool
from PySide6.QtCore import QUrl
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox
from test_export_keyring import session_env  # noqa: F401  # a real Secret Service
from uitools import make_window, shortcut

from zwk_desktop.formspec import get_form
from zwk_desktop.services.export import STEPS, ExportResult, export_package
from zwk_desktop.services.identities import open_store
from zwk_desktop.ui.dialogs.identity import IdentityDialog
from zwk_desktop.ui.export.commands import ExportCommands
from zwk_desktop.ui.export.dialog import ExportDialog
from zwk_desktop.ui.export.package_view import PackageView
from zwk_desktop.ui.window.main_window import MainWindow

LINDENHAGEN = EXAMPLES / "gemeinde-lindenhagen.zwk"


def menu(window: MainWindow, title: str) -> QMenu:
    found = next(a.menu() for a in window.menuBar().actions() if a.text() == title)
    assert isinstance(found, QMenu)
    return found


def entry(window: MainWindow, name: str) -> QAction:
    action = window.findChild(QAction, name)
    assert isinstance(action, QAction), name
    return action


def commands(window: MainWindow) -> ExportCommands:
    """The window's export commands (the menu entries use the same object)."""
    return ExportCommands.of(window, None)


def open_dialog(qtbot: Any, window: MainWindow) -> ExportDialog:
    entry(window, "aktion:exportieren").trigger()
    dialog = window.findChild(ExportDialog)
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[QUrl]:
    """URLs handed to the desktop (PDF viewer, mail program) instead of opening them."""
    urls: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: urls.append(url) or True)
    return urls


def test_the_menus_hold_the_export_side_and_need_a_draft_where_it_matters(qtbot: Any) -> None:
    window = make_window(qtbot)
    datei = [a.objectName() for a in menu(window, "&Datei").actions()]
    for name in ("aktion:exportieren", "aktion:druckfassung", "aktion:paket-pruefen"):
        assert name in datei
    assert datei.index("aktion:speichern-unter") < datei.index("aktion:exportieren")
    assert datei.index("aktion:paket-pruefen") < datei.index("aktion:schliessen")
    assert "aktion:signaturidentitaeten" in [
        a.objectName() for a in menu(window, "E&xtras").actions()
    ]
    texts = {
        name: entry(window, name).text()
        for name in ("aktion:exportieren", "aktion:druckfassung", "aktion:paket-pruefen")
    }
    assert texts == {
        "aktion:exportieren": "E&xportieren…",
        "aktion:druckfassung": "&Druckfassung (ENTWURF)…",
        "aktion:paket-pruefen": "Paket &prüfen…",
    }
    assert not entry(window, "aktion:exportieren").isEnabled()
    assert not entry(window, "aktion:druckfassung").isEnabled()
    assert entry(window, "aktion:paket-pruefen").isEnabled()
    window.open_example(LINDENHAGEN)
    assert entry(window, "aktion:exportieren").isEnabled()
    assert entry(window, "aktion:druckfassung").isEnabled()


def test_ctrl_e_opens_the_export_dialog_for_the_open_draft(qtbot: Any) -> None:
    window = make_window(qtbot)
    window.open_example(LINDENHAGEN)
    session = window.session
    assert session is not None
    shortcut(window, "Ctrl+E")
    dialog = window.findChild(ExportDialog)
    assert dialog is not None and dialog.isVisible() and dialog.parent() is window
    assert dialog.draft is session.draft
    # the fictitious example's AGS is not in the directory: one warning to acknowledge first
    assert not dialog.export_button.isEnabled()
    assert dialog.warnings.count() == 1 and "kommune.ags" in dialog.warnings.item(0).text()
    dialog.reject()


def test_acknowledgements_made_in_the_dialog_are_saved_with_the_draft(qtbot: Any) -> None:
    window = make_window(qtbot)
    window.open_example(LINDENHAGEN)
    session, current = window.session, window.current
    assert session is not None and current is not None and current.draft_id is not None
    dialog = open_dialog(qtbot, window)
    dialog.justification.setText("Fiktive Beispielkommune, Schlüssel erfunden.")
    dialog.ack_button.click()
    [warning] = session.report.warnings
    ack = session.acknowledgement(warning)
    assert ack is not None and ack.justification == "Fiktive Beispielkommune, Schlüssel erfunden."
    dialog.reject()
    assert current.close().state == "saved"  # what autosave wrote to the draft store
    saved = window.store.load(current.draft_id).draft
    assert [(a.code, a.path, a.justification) for a in saved.acknowledgements] == [
        ("ags_unknown", "kommune.ags", "Fiktive Beispielkommune, Schlüssel erfunden.")
    ]


def test_a_full_export_through_the_window_with_the_os_keyring(
    qtbot: Any,
    tmp_path: Path,
    session_env: dict[str, str],  # noqa: F811
    opened: list[QUrl],
) -> None:
    store = open_store()  # the user's identities, the passphrase in the Secret Service
    assert store.secrets.status().available, store.secrets.status().reason
    identity = store.create_self_signed(
        "Katrin Wendland", "Bürgermeisterin", "Gemeinde Lindenhagen am See", "", never_ask
    )
    assert identity.passphrase_in_keyring
    window = make_window(qtbot)
    window.open_example(LINDENHAGEN)
    current = window.current
    assert current is not None and current.draft_id is not None
    dialog = open_dialog(qtbot, window)
    assert dialog.identity.currentData() == identity.id
    dialog.justification.setText("Fiktive Beispielkommune.")
    dialog.ack_button.click()
    assert dialog.export_button.isEnabled()
    dialog.folder.setText(str(tmp_path / "export"))
    with qtbot.waitSignal(dialog.exported, timeout=120_000) as signal:
        dialog.export_button.click()
        dialog.reject()  # no closing while the export runs
        assert dialog.isVisible() and "Bitte warten" in dialog.message.text()
    result: ExportResult = signal.args[0]
    versions = window.store.versions(current.draft_id)
    assert [v.reason for v in versions].count("export_package") == 1  # before the export
    assert window.store.load_version(versions[0].id).acknowledgements  # with the confirmation
    assert dialog.progress.value() == len(STEPS)

    for package in (result.folder, result.mail):
        checked = run_cli("verify", package)
        assert checked.returncode == 0, checked.stdout + checked.stderr
    text = tool("pdftotext", result.pdf, "-").stdout
    assert "Bevölkerungsentwicklung 2000–2020: −22,1 %" in text  # U+2212 (issue 11)
    assert "um 22,1 % gesunken: von 3.105 auf 2.418" in text
    assert "Gemeinde Lindenhagen am See" in text and "12073999" in text
    dialog.mail_button.click()
    assert [u.toLocalFile() for u in opened] == [str(result.mail)]
    dialog.reject()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert commands(window).folder() == tmp_path / "export"  # offered next time
    store.delete(identity)


def test_the_entwurf_print_works_on_a_draft_with_errors(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, opened: list[QUrl]
) -> None:
    window = make_window(qtbot)
    window.open_example(LINDENHAGEN)
    session = window.session
    assert session is not None
    session.set("kommune.ags", "12")
    session.check()
    assert session.report.errors
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(tmp_path))
    with qtbot.waitSignal(commands(window).printed, timeout=120_000) as signal:
        shortcut(window, "Ctrl+P")
    pdf: Path = signal.args[0]
    assert pdf.parent == tmp_path and pdf.name.startswith("ZWK-Entwurf_12_")
    pages = tool("pdftotext", pdf, "-").stdout.split("\f")[:-1]
    assert pages and all("ENTWURF" in page for page in pages)
    assert "um 22,1 % gesunken" in "".join(pages)
    notice = commands(window).notice
    assert notice is not None and notice.isVisible() and notice.informativeText() == str(pdf)
    show = next(b for b in notice.buttons() if b.text() == "PDF ö&ffnen")
    show.click()
    assert [u.toLocalFile() for u in opened] == [str(pdf)]
    assert commands(window).print_job is None


def test_a_print_that_cannot_be_written_says_why(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window(qtbot)
    window.open_example(LINDENHAGEN)
    blocked = tmp_path / "datei"
    blocked.write_text("kein Ordner")
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(blocked))
    entry(window, "aktion:druckfassung").trigger()
    qtbot.waitUntil(lambda: commands(window).print_job is None, timeout=120_000)
    notice = commands(window).notice
    assert notice is not None and notice.icon() == QMessageBox.Icon.Warning
    assert notice.text().startswith("Die Druckfassung kann nicht geschrieben werden")
    assert list(tmp_path.iterdir()) == [blocked]


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> ExportResult:
    root = tmp_path_factory.mktemp("paket")
    store = new_store(root / "identities", MemorySecrets())
    identity = store.create_self_signed(
        "Katrin Wendland", "Bürgermeisterin", "Lindenhagen", "", never_ask
    )
    key = store.unlock(identity, never_ask)
    return export_package(get_form(), ready_draft(), key, root / "out")


@pytest.mark.parametrize("chosen", ["_manifest.json", ".pdf", "e-mail"])
def test_paket_pruefen_opens_the_pruefansicht(
    qtbot: Any, package: ExportResult, monkeypatch: pytest.MonkeyPatch, chosen: str
) -> None:
    window = make_window(qtbot)  # no draft needed
    stem = package.pdf.name.removesuffix(".pdf")
    path = package.mail if chosen == "e-mail" else package.folder / f"{stem}{chosen}"
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    entry(window, "aktion:paket-pruefen").trigger()
    view = window.findChild(PackageView)
    assert view is not None and view.isVisible()
    # a chosen manifest names its package (several may lie in one folder); any other file its
    # folder
    assert view.path == (path if chosen != ".pdf" else package.folder)
    qtbot.waitUntil(lambda: view.report is not None, timeout=60_000)
    assert view.banner.text().startswith("Gültig")
    assert "Gemeinde Lindenhagen am See" in view.kommune.text()
    assert view.table.rowCount() >= 5


def test_the_identities_entry_opens_the_dialog_for_the_kommune(
    qtbot: Any,
    session_env: dict[str, str],  # noqa: F811
) -> None:
    window = make_window(qtbot)
    window.open_example(LINDENHAGEN)
    entry(window, "aktion:signaturidentitaeten").trigger()
    dialog = window.findChild(IdentityDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.kommune == "Gemeinde Lindenhagen am See"
    assert "Schlüsselbund des Betriebssystems" in dialog.keyring.text()
    dialog.reject()
