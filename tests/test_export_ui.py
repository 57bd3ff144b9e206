"""The export-side dialogs with real widgets (offscreen): identities, export, Prüfansicht."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from export_helpers import NOW, MemorySecrets, example_draft, never_ask, new_store, ready_draft
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox, QWidget
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
    assert dialog.list.count() == 2 and "läuft in 10 Tagen ab" in dialog.message.text()

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

    json_file = result.pdf.with_suffix(".json")
    json_file.write_bytes(json_file.read_bytes().replace(b"Lindenhagen", b"Lindenhagem", 1))
    broken = PackageView(result.folder)
    qtbot.addWidget(broken)
    qtbot.waitUntil(lambda: broken.report is not None, timeout=60_000)
    assert broken.banner.text().startswith("UNGÜLTIG") and json_file.name in broken.banner.text()
    rows = [broken.table.item(i, 0).text() for i in range(broken.table.rowCount())]
    assert "FEHLER" in rows


def test_export_dialog_refuses_another_persons_identity_naming_both(
    qtbot: Any, tmp_path: Path, store: IdentityStore
) -> None:
    """The Städteverbund is signed by Uwe Lichtenberger; Katrin Wendland may not (issue 11)."""
    draft = ready_draft("staedteverbund-oberes-tal.zwk")
    dialog = ExportDialog(get_form(), draft, store, out_dir=tmp_path / "out", prompt=never_ask)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.identity.currentText().endswith("nicht die unterzeichnende Person")
    with qtbot.waitSignal(dialog.refused, timeout=10_000) as signal:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)  # no passphrase asked
    for text in (signal.args[0], dialog.message.text()):
        assert "Katrin Wendland" in text and "Uwe Lichtenberger" in text
    assert not (tmp_path / "out").exists()


def test_the_identity_picker_offers_the_signatorys_identities_first(
    qtbot: Any, tmp_path: Path, store: IdentityStore
) -> None:
    store.create_self_signed(
        "Uwe Lichtenberger", "Bürgermeister", "Stadt Altenbrück", "", never_ask
    )
    store.create_self_signed(
        "Uwe Lichtenberger", "Verbandsvorsitzender", "Städteverbund Oberes Tal", "", never_ask
    )
    draft = ready_draft("staedteverbund-oberes-tal.zwk")
    dialog = ExportDialog(get_form(), draft, store, out_dir=tmp_path, prompt=never_ask)
    qtbot.addWidget(dialog)
    items = [dialog.identity.itemText(i) for i in range(dialog.identity.count())]
    assert items == [
        "Uwe Lichtenberger (Verbandsvorsitzender)",
        "Uwe Lichtenberger (Bürgermeister)",
        "Katrin Wendland (Bürgermeisterin) – nicht die unterzeichnende Person",
    ]
    assert dialog.identity.currentIndex() == 0 and dialog.export_button.isEnabled()
    assert dialog.message.text() == ""
    dialog.show()
    dialog.identity.setFocus()
    qtbot.keyClick(dialog.identity, Qt.Key.Key_Down)  # the same person, another Kommune
    assert dialog.identity.currentIndex() == 1
    assert "Stadt Altenbrück" in dialog.message.text()
    assert "Städteverbund Oberes Tal" in dialog.message.text()
    qtbot.keyClick(dialog.identity, Qt.Key.Key_Down)  # another person: said at once
    assert "Katrin Wendland" in dialog.message.text()
    assert "Uwe Lichtenberger" in dialog.message.text()


@pytest.mark.parametrize(
    ("opens", "program", "lead"),
    [
        (False, None, "öffnet kein Programm die E-Mail-Datei"),
        (True, "olk.exe", "olk.exe öffnet die E-Mail-Datei nur zum Lesen"),
        (True, "OUTLOOK.EXE", "Die E-Mail ist in OUTLOOK.EXE geöffnet"),
    ],
    ids=["kein-Programm", "neues-Outlook", "klassisches-Outlook"],
)
def test_opening_the_mail_is_checked_and_says_how_to_send_it(
    qtbot: Any,
    tmp_path: Path,
    store: IdentityStore,
    monkeypatch: pytest.MonkeyPatch,
    opens: bool,
    program: str | None,
    lead: str,
) -> None:
    """Issue 13 item 9: when no program handles .eml, or it opens as a received mail, the dialog
    says how to send the package (files of the folder, recipient and subject to copy)."""
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton

    from zwk_desktop.services import mail_open

    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opens)
    monkeypatch.setattr(mail_open, "eml_handler", lambda: mail_open.MailHandler(program, True))
    dialog = ExportDialog(get_form(), ready_draft(), store, out_dir=tmp_path, prompt=never_ask)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.exported, timeout=60_000) as signal:
        dialog.export_button.click()
    result: ExportResult = signal.args[0]
    help_box = dialog.findChild(QWidget, "sendHelp")
    assert help_box is not None and not help_box.isVisibleTo(dialog)
    dialog.mail_button.click()
    assert help_box.isVisibleTo(dialog)
    lead_label = dialog.findChild(QLabel, "sendHelpLead")
    assert lead_label is not None and lead in lead_label.text()
    recipient = dialog.findChild(QLineEdit, "sendRecipient")
    subject = dialog.findChild(QLineEdit, "sendSubject")
    assert recipient is not None and recipient.text() == get_form().policy.recipient.value
    assert subject is not None and "Lindenhagen" in subject.text()
    copy = dialog.findChild(QPushButton, "copySubject")
    assert copy is not None
    copy.click()
    assert QGuiApplication.clipboard().text() == subject.text()
    attach = dialog.findChild(QLabel, "sendAttach")
    files = [p for p in result.folder.rglob("*") if p.is_file()]
    assert attach is not None and f"alle {len(files)} Dateien" in attach.text()
    assert str(result.folder) in attach.text()
