"""The export-side dialogs with real widgets (offscreen): identities, export, Prüfansicht."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from export_helpers import NOW, MemorySecrets, example_draft, never_ask, new_store, ready_draft
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox
from test_export_identities import _p12

from zwk_desktop.formspec import get_form
from zwk_desktop.services.export import STEPS, ExportResult, export_package
from zwk_desktop.services.identities import IdentityStore, PassphraseRequest
from zwk_desktop.ui.dialogs.identity import IdentityDialog, NewIdentityDialog, PassphraseDialog
from zwk_desktop.ui.export.dialog import DONE_MARK, ExportDialog
from zwk_desktop.ui.export.package_view import PackageView


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[QUrl]:
    """URLs handed to the desktop (mail program, file manager) instead of opening them."""
    urls: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: urls.append(url) or True)
    return urls


@pytest.fixture
def store(tmp_path: Path) -> IdentityStore:
    store = new_store(tmp_path / "identities", MemorySecrets())
    store.create_self_signed("Katrin Wendland", "Bürgermeisterin", "Lindenhagen", "", never_ask)
    return store


def test_identity_dialog_creates_imports_and_deletes(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = new_store(tmp_path / "identities", MemorySecrets())
    dialog = IdentityDialog(store, prompt=never_ask)
    qtbot.addWidget(dialog)
    assert dialog.list.count() == 0 and not dialog.delete_button.isEnabled()
    assert "Schlüsselbund" in dialog.keyring.text()

    form = NewIdentityDialog(kommune="Gemeinde Lindenhagen am See")
    qtbot.addWidget(form)
    ok = form.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    form.name.setText("Katrin Wendland")
    form.funktion.setText("Bürgermeisterin")
    assert ok.isEnabled()

    dialog.create_identity(form.name.text(), form.funktion.text(), form.kommune.text(), "")
    assert dialog.list.count() == 1
    assert "keine qualifizierte Signatur" in dialog.list.item(0).text()
    assert "Zertifikat SHA-256" in dialog.message.text()

    p12 = tmp_path / "kommune.p12"
    p12.write_bytes(_p12(tmp_path, days_valid=10))
    dialog.import_file(p12, "falsch-falsch", "Landrätin", remember=True)
    assert "Passphrase ist falsch" in dialog.message.text() and dialog.list.count() == 1
    dialog.import_file(p12, "geheim-123", "Landrätin", remember=True)
    assert dialog.list.count() == 2 and "läuft bald ab" in dialog.message.text()

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    dialog.list.setCurrentRow(0)
    dialog.delete_button.click()
    assert dialog.list.count() == 1 and "Gelöscht" in dialog.message.text()


def test_passphrase_dialog_checks_a_new_passphrase(qtbot: Any) -> None:
    dialog = PassphraseDialog(
        PassphraseRequest("Katrin Wendland", "Kein Schlüsselbund erreichbar.", new=True)
    )
    qtbot.addWidget(dialog)
    assert dialog.reason.text() == "Kein Schlüsselbund erreichbar."
    dialog.passphrase.setText("kurz")
    dialog.accept()
    assert "mindestens 10 Zeichen" in dialog.problem.text() and dialog.result() == 0
    dialog.passphrase.setText("lang-genug-2021")
    dialog.repeat.setText("anders-2021xx")
    dialog.accept()
    assert "stimmen nicht überein" in dialog.problem.text()
    dialog.repeat.setText("lang-genug-2021")
    dialog.accept()
    assert dialog.result() == 1


def test_export_dialog_runs_the_steps_and_offers_mail_and_folder(
    qtbot: Any, tmp_path: Path, store: IdentityStore, opened: list[QUrl]
) -> None:
    dialog = ExportDialog(get_form(), ready_draft(), store, out_dir=tmp_path, prompt=never_ask)
    qtbot.addWidget(dialog)
    assert dialog.export_button.isEnabled()
    assert not dialog.mail_button.isEnabled() and not dialog.open_folder_button.isEnabled()
    with qtbot.waitSignal(dialog.exported, timeout=60_000) as signal:
        dialog.export_button.click()
        assert not dialog.export_button.isEnabled()  # no second export while one runs
    result: ExportResult = signal.args[0]
    assert result.folder.is_dir() and result.mail.is_file()
    assert [dialog.steps.item(i).text() for i in range(len(STEPS))] == [
        f"{DONE_MARK}  {s}" for s in STEPS
    ]
    assert dialog.progress.value() == len(STEPS)
    assert result.manifest_sha256 in dialog.message.text()
    dialog.mail_button.click()
    dialog.open_folder_button.click()
    assert [u.toLocalFile() for u in opened] == [str(result.mail), str(result.folder)]


def test_export_dialog_announces_the_start_and_stays_open_while_it_runs(
    qtbot: Any, tmp_path: Path, store: IdentityStore
) -> None:
    dialog = ExportDialog(get_form(), ready_draft(), store, out_dir=tmp_path, prompt=never_ask)
    qtbot.addWidget(dialog)
    dialog.show()
    order: list[str] = []
    dialog.export_starting.connect(lambda: order.append("start"))
    dialog.exported.connect(lambda result: order.append("done"))
    with qtbot.waitSignal(dialog.exported, timeout=60_000):
        dialog.export_button.click()
        dialog.reject()  # Escape or Schließen while the steps run
        assert dialog.isVisible() and "Bitte warten" in dialog.message.text()
    assert order == ["start", "done"]
    dialog.reject()
    assert not dialog.isVisible()


def test_export_dialog_acknowledges_warnings_with_a_justification(
    qtbot: Any, tmp_path: Path, store: IdentityStore
) -> None:
    draft = example_draft()
    draft.data["ausgangslage"].pop("anteil_migration")
    dialog = ExportDialog(get_form(), draft, store, out_dir=tmp_path, prompt=never_ask)
    qtbot.addWidget(dialog)
    assert not dialog.export_button.isEnabled()
    assert dialog.warnings.count() >= 1
    assert "ausgangslage.anteil_migration" in "\n".join(
        dialog.warnings.item(i).text() for i in range(dialog.warnings.count())
    )
    assert not dialog.ack_button.isEnabled()
    dialog.justification.setText("Zahl folgt mit dem Zensus.")
    with qtbot.waitSignal(dialog.draft_changed) as signal:
        dialog.ack_button.click()
    acked = signal.args[0]
    assert {a.justification for a in acked.acknowledgements} == {"Zahl folgt mit dem Zensus."}
    assert dialog.export_button.isEnabled() and dialog.warnings.isHidden()


def test_export_dialog_with_errors_only_prints_the_entwurf(
    qtbot: Any, tmp_path: Path, store: IdentityStore
) -> None:
    draft = example_draft()
    draft.data["kommune"]["ags"] = "1"
    dialog = ExportDialog(get_form(), draft, store, out_dir=tmp_path, prompt=never_ask)
    qtbot.addWidget(dialog)
    assert not dialog.export_button.isEnabled() and "Fehler" in dialog.status.text()
    with qtbot.waitSignal(dialog.printed, timeout=60_000) as signal:
        dialog.print_button.click()
    assert Path(signal.args[0]).name.startswith("ZWK-Entwurf_1_")
    assert "Druckfassung geschrieben" in dialog.message.text()


def test_export_dialog_asks_for_the_passphrase_without_keyring(qtbot: Any, tmp_path: Path) -> None:
    store = new_store(tmp_path / "identities", MemorySecrets(available=False))
    store.create_self_signed(
        "Katrin Wendland",
        "Bürgermeisterin",
        "Lindenhagen",
        "",
        lambda request: "Sommer-Passphrase-2021",
    )
    asked: list[PassphraseRequest] = []

    def cancel(request: PassphraseRequest) -> str | None:
        asked.append(request)
        return None

    dialog = ExportDialog(get_form(), ready_draft(), store, out_dir=tmp_path / "out", prompt=cancel)
    qtbot.addWidget(dialog)
    dialog.export_button.click()  # the prompt is cancelled: nothing starts
    assert "Abgebrochen" in dialog.message.text() and "kein Schlüsselbund" in asked[-1].reason
    assert not (tmp_path / "out").exists()


def test_pruefansicht_shows_valid_and_broken_packages(
    qtbot: Any, tmp_path: Path, store: IdentityStore
) -> None:
    key = store.unlock(store.all()[0], never_ask)
    result = export_package(get_form(), ready_draft(), key, tmp_path, now=NOW)
    view = PackageView(result.folder)
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: view.report is not None, timeout=60_000)
    assert view.banner.text().startswith("Gültig")
    assert view.table.rowCount() == len(view.report.checks) > 5 and view.pdf_button.isEnabled()
    assert "Gemeinde Lindenhagen am See" in view.kommune.text()

    json_file = result.folder / "bewerbung.json"
    json_file.write_bytes(json_file.read_bytes().replace(b"Lindenhagen", b"Lindenhagem", 1))
    broken = PackageView(result.folder)
    qtbot.addWidget(broken)
    qtbot.waitUntil(lambda: broken.report is not None, timeout=60_000)
    assert broken.banner.text().startswith("UNGÜLTIG") and "bewerbung.json" in broken.banner.text()
    rows = [broken.table.item(i, 0).text() for i in range(broken.table.rowCount())]
    assert "FEHLER" in rows
