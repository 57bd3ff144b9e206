"""The window's side of issue 17 with real widgets (offscreen): setting up a signature card,
the PIN dialog (PIN pad or keyboard), the certificate status in the identity and export dialogs,
the "Druckfassung zur Unterschrift", and trust anchors in the Prüfansicht and the settings."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from export_helpers import NOW, MemorySecrets, never_ask, new_store, ready_draft
from pki import issue, make_ca, pkcs12_file
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QPushButton, QWidget
from softhsm import MODULE, PIN, shared_card

from zwk_desktop.formspec import get_form
from zwk_desktop.services.export import PAPER_STEPS, ExportResult, export_package, export_paper
from zwk_desktop.services.identities import IdentityStore
from zwk_desktop.services.settings import SettingsStore
from zwk_desktop.services.token_keys import PinRequest
from zwk_desktop.services.tokens import add_token_identity
from zwk_desktop.ui.dialogs.cards import CardDialog, PinDialog
from zwk_desktop.ui.dialogs.identity import IdentityDialog
from zwk_desktop.ui.dialogs.settings import SettingsDialog
from zwk_desktop.ui.export.dialog import DONE_MARK, ExportDialog
from zwk_desktop.ui.export.package_view import PackageView


def child(parent: QWidget, kind: type[Any], name: str) -> Any:
    found = parent.findChild(kind, name)
    assert found is not None, name
    return found


@pytest.fixture
def store(tmp_path: Path) -> IdentityStore:
    shared_card()
    return new_store(tmp_path / "identities", MemorySecrets())


def test_pin_dialog_says_whether_the_reader_has_a_pin_pad(qtbot: Any) -> None:
    typed = PinDialog(PinRequest("Katrin Wendland (Bürgermeisterin)", "Karte", pin_pad=False))
    qtbot.addWidget(typed)
    assert "kein PIN-Feld" in child(typed, QLabel, "pin_pad_hinweis").text()
    sign = child(typed, QPushButton, "pin_signieren")
    assert not sign.isEnabled()
    qtbot.keyClicks(child(typed, QLineEdit, "pin"), "123456")
    assert sign.isEnabled() and typed.value() == "123456"
    assert child(typed, QLineEdit, "pin").echoMode() == QLineEdit.EchoMode.Password

    pad = PinDialog(
        PinRequest("Katrin Wendland", "Karte", pin_pad=True, reason="Die PIN ist falsch.")
    )
    qtbot.addWidget(pad)
    assert "hat ein PIN-Feld" in child(pad, QLabel, "pin_pad_hinweis").text()
    assert child(pad, QPushButton, "pin_signieren").isEnabled() and pad.value() == ""
    assert child(pad, QLabel, "pin_grund").text() == "Die PIN ist falsch."
    assert pad.findChild(QLineEdit, "pin") is None  # nothing to type at the computer


def test_card_dialog_finds_the_card_and_sets_it_up(qtbot: Any, store: IdentityStore) -> None:
    dialog = CardDialog(store)
    qtbot.addWidget(dialog)
    dialog.add_module(Path(MODULE))
    certs = child(dialog, QListWidget, "kartenzertifikate")
    texts = [certs.item(i).text() for i in range(certs.count())]
    assert any("Karte „ZWK Testkarte“ (PIN über die Tastatur): Katrin Wendland" in t for t in texts)
    assert any("in Ordnung" in t for t in texts)
    ok = child(dialog, QPushButton, "karte_uebernehmen")
    own = next(i for i, t in enumerate(texts) if "Katrin Wendland" in t)
    certs.setCurrentRow(own)
    assert not ok.isEnabled()  # the Funktion is still missing
    qtbot.keyClicks(child(dialog, QLineEdit, "funktion"), "Amtsleiterin")
    assert ok.isEnabled()
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.identity is not None and dialog.identity.on_token
    assert [i.name for i in store.all()] == ["Katrin Wendland"]


def test_identity_dialog_shows_each_certificate_status(
    qtbot: Any, store: IdentityStore, tmp_path: Path
) -> None:
    add_token_identity(store, funktion="Bürgermeisterin", module=MODULE)
    ca = make_ca("Kommunale PKI")
    old = issue(ca, "Erika Mustermann", days=30)
    store.import_pkcs12(
        pkcs12_file(old, (ca,), b"geheim-123"), "geheim-123", funktion="Landrätin", remember=True
    )
    dialog = IdentityDialog(store, prompt=never_ask)
    qtbot.addWidget(dialog)
    items = child(dialog, QListWidget, "identitaeten")
    texts = [items.item(i).text() for i in range(items.count())]
    assert any("Signaturkarte" in t and "Zertifikat: in Ordnung" in t for t in texts)
    assert any("Zertifikat: läuft in 30 Tagen ab" in t for t in texts)
    row = next(i for i, t in enumerate(texts) if "Erika" in t)
    items.setCurrentRow(row)
    details = child(dialog, QLabel, "zertifikatspruefung").text()
    assert "Warnung: Das Zertifikat läuft in 30 Tagen ab" in details
    assert "Kommunale PKI" in details  # the chain kept with the identity
    assert child(dialog, QPushButton, "karte_einrichten").isEnabled()


def test_export_with_the_card_asks_the_pin_each_time_and_signs(
    qtbot: Any, store: IdentityStore, tmp_path: Path
) -> None:
    add_token_identity(store, funktion="Bürgermeisterin", module=MODULE)
    asked: list[PinRequest] = []

    def pin(request: PinRequest) -> str | None:
        asked.append(request)
        return PIN

    dialog = ExportDialog(
        get_form(), ready_draft(), store, out_dir=tmp_path / "out", prompt=never_ask, pin_prompt=pin
    )
    qtbot.addWidget(dialog)
    assert child(dialog, QLabel, "export_zertifikat").text() == "Zertifikat: in Ordnung"
    for _ in range(2):  # the PIN is asked for at every signature, never kept
        with qtbot.waitSignal(dialog.exported, timeout=60_000) as signal:
            qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
        result: ExportResult = signal.args[0]
        assert result.folder.is_dir() and not result.paper_code
    assert len(asked) == 2 and asked[0].token_label == "ZWK Testkarte" and not asked[0].pin_pad


def test_a_wrong_pin_in_the_dialog_writes_nothing(
    qtbot: Any, store: IdentityStore, tmp_path: Path
) -> None:
    add_token_identity(store, funktion="Bürgermeisterin", module=MODULE)
    asked: list[PinRequest] = []

    def wrong_then_cancel(request: PinRequest) -> str | None:
        asked.append(request)
        return None if request.retry else "000000"

    out = tmp_path / "out"
    dialog = ExportDialog(
        get_form(),
        ready_draft(),
        store,
        out_dir=out,
        prompt=never_ask,
        pin_prompt=wrong_then_cancel,
    )
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert asked[-1].retry and asked[-1].reason.startswith("Die PIN ist falsch")
    assert "Die PIN ist falsch" in dialog.message.text()
    assert not out.exists()


def test_an_expired_certificate_cannot_be_chosen_for_the_export(
    qtbot: Any, store: IdentityStore, tmp_path: Path
) -> None:
    import datetime as dt

    ca = make_ca()
    now = dt.datetime.now(dt.UTC)
    expired = issue(ca, "Katrin Wendland", start=now - dt.timedelta(days=400), days=-1)
    store.import_pkcs12(
        pkcs12_file(expired, (), b"geheim-123"), "geheim-123", funktion="x", remember=True
    )
    dialog = ExportDialog(get_form(), ready_draft(), store, out_dir=tmp_path, prompt=never_ask)
    qtbot.addWidget(dialog)
    status = child(dialog, QLabel, "export_zertifikat").text()
    assert status.startswith("Zertifikat: abgelaufen") and "abgelaufen" in status
    assert not dialog.export_button.isEnabled()
    assert child(dialog, QPushButton, "papierweg").isEnabled()  # the paper path stays open


def test_the_paper_path_from_the_export_dialog(
    qtbot: Any, store: IdentityStore, tmp_path: Path
) -> None:
    dialog = ExportDialog(get_form(), ready_draft(), store, out_dir=tmp_path, prompt=never_ask)
    qtbot.addWidget(dialog)
    assert not dialog.export_button.isEnabled()  # no identity at all
    paper = child(dialog, QPushButton, "papierweg")
    with qtbot.waitSignal(dialog.exported, timeout=60_000) as signal:
        qtbot.mouseClick(paper, Qt.MouseButton.LeftButton)
    result: ExportResult = signal.args[0]
    assert (
        result.paper_code.startswith("ZWK1;") and not (result.folder / "manifest.json.p7s").exists()
    )
    assert dialog.steps.item(3).text() == f"{DONE_MARK}  {PAPER_STEPS[3]}"
    assert "per Post" in dialog.message.text() and result.paper_code in dialog.message.text()
    assert dialog.mail_button.isEnabled()


def test_pruefansicht_with_and_without_trust_anchors(
    qtbot: Any, store: IdentityStore, tmp_path: Path
) -> None:
    card = shared_card()
    identity = add_token_identity(store, funktion="Bürgermeisterin", module=MODULE)
    from zwk_desktop.services.token_keys import open_token_key

    with open_token_key(store, identity, lambda request: PIN) as key:
        signed = export_package(get_form(), ready_draft(), key, tmp_path / "a", now=NOW)
    anchors = tmp_path / "anker"
    anchors.mkdir()
    card.ca.write(anchors / "ca.pem")

    plain = PackageView(signed.folder)
    qtbot.addWidget(plain)
    qtbot.waitUntil(lambda: plain.report is not None, timeout=60_000)
    assert plain.banner.text().startswith("Gültig: Alle Dateien")
    assert "nur die Unversehrtheit" in child(plain, QLabel, "pruefhinweise").text()

    trusted = PackageView(signed.folder, trust=anchors)
    qtbot.addWidget(trusted)
    qtbot.waitUntil(lambda: trusted.report is not None, timeout=60_000)
    banner = child(trusted, QLabel, "pruefergebnis").text()
    assert banner == "Gültig und vertrauenswürdig ausgestellt von „ZWK Test-CA“."

    stranger = tmp_path / "fremd"
    stranger.mkdir()
    make_ca("Fremde CA").write(stranger / "f.pem")
    untrusted = PackageView(signed.mail, trust=stranger)
    qtbot.addWidget(untrusted)
    qtbot.waitUntil(lambda: untrusted.report is not None, timeout=60_000)
    assert untrusted.banner.text().startswith("Unverändert, aber nicht vertrauenswürdig")

    paper = export_paper(get_form(), ready_draft(), tmp_path / "p", now=NOW)
    pending = PackageView(paper.folder)
    qtbot.addWidget(pending)
    qtbot.waitUntil(lambda: pending.report is not None, timeout=60_000)
    assert pending.banner.text().startswith("Nicht bestätigt – Papierweg")


def test_settings_keep_the_trust_folder_for_the_pruefansicht(qtbot: Any, tmp_path: Path) -> None:
    settings = SettingsStore(tmp_path / "daten")
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    field = child(dialog, QLineEdit, "vertrauensanker")
    assert field.text() == ""
    qtbot.keyClicks(field, str(tmp_path / "anker"))
    dialog.accept()
    assert settings.load().trust_folder == str(tmp_path / "anker")
    again = SettingsDialog(settings)
    qtbot.addWidget(again)
    assert child(again, QLineEdit, "vertrauensanker").text() == str(tmp_path / "anker")
