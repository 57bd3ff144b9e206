"""A keyring that refuses to store (issue 13 item 1): Windows Credential Manager under a group
policy or in a remote session reads but refuses writes (error 1312). Creating an identity tests a
real write; on failure it falls back to a passphrase that is shown once (with the advice to keep
it in the town hall's password safe) and asked for at each signature, in German, without a
traceback. Simulated here with a backend that refuses writes and with keyring's fail backend."""

from __future__ import annotations

import io
import os
import re
import sys
from pathlib import Path
from typing import Any

import pytest
from clitools import run_cli
from keyring_readonly import ReadOnlyKeyring

from zwk_desktop.cli import identity as identity_cli
from zwk_desktop.services.identities import (
    PASSWORD_SAFE_ADVICE,
    IdentityStore,
    PassphraseRequest,
)
from zwk_desktop.services.secrets import KeyringSecretStore, writable_status

TESTS = Path(__file__).resolve().parent
READONLY = "keyring_readonly.ReadOnlyKeyring"
FAIL = "keyring.backends.fail.Keyring"
PERSON = ("--name", "Erika Mustermann", "--funktion", "Bürgermeisterin", "--kommune", "Lindenhagen")


def _env(backend: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "DBUS_SESSION_BUS_ADDRESS"}
    env["PYTHON_KEYRING_BACKEND"] = backend
    env["PYTHONPATH"] = os.pathsep.join([str(TESTS), os.getcwd()])
    return env


def test_a_keyring_that_refuses_writes_counts_as_none() -> None:
    store = KeyringSecretStore(backend=ReadOnlyKeyring())
    assert store.status().available  # it is there and reads
    status = writable_status(store)
    assert not status.available
    assert "nimmt keine neuen Einträge an" in status.reason
    assert "bei jeder Signatur abgefragt" in status.reason


def test_create_falls_back_to_a_passphrase_shown_once(tmp_path: Path) -> None:
    store = IdentityStore(tmp_path / "ids", KeyringSecretStore(backend=ReadOnlyKeyring()))
    asked: list[PassphraseRequest] = []

    def ask(request: PassphraseRequest) -> str | None:
        asked.append(request)
        return request.suggestion

    identity = store.create_self_signed("Erika Mustermann", "Bürgermeisterin", "X", "", ask)
    assert not identity.passphrase_in_keyring
    (request,) = asked
    assert request.new and len(request.suggestion) >= 24
    assert "nimmt keine neuen Einträge an" in request.reason
    # Signing asks for it, and the shown passphrase unlocks the key.
    prompts: list[PassphraseRequest] = []

    def again(req: PassphraseRequest) -> str | None:
        prompts.append(req)
        return request.suggestion

    key = store.unlock(identity, again)
    assert key.identity == identity and len(prompts) == 1
    assert [i.id for i in store.all()] == [identity.id]


def test_import_with_remember_on_a_refusing_keyring_warns_instead_of_failing(
    tmp_path: Path,
) -> None:
    from test_export_identities import _p12  # a real PKCS#12 file, made with cryptography

    content, passphrase = _p12(tmp_path), "geheim-123"
    store = IdentityStore(tmp_path / "ids", KeyringSecretStore(backend=ReadOnlyKeyring()))
    identity, warnings = store.import_pkcs12(
        content, passphrase, funktion="Bürgermeisterin", remember=True
    )
    assert not identity.passphrase_in_keyring
    assert any("nimmt keine neuen Einträge an" in w for w in warnings)


@pytest.mark.parametrize("backend", [READONLY, FAIL], ids=["refuses-writes", "no-keyring"])
def test_cli_identity_create_falls_back_without_a_traceback(backend: str) -> None:
    env = _env(backend)
    created = run_cli(
        "identity",
        "create",
        *PERSON,
        "--passphrase-stdin",
        env=env,
        stdin="meine-lange-passphrase\n",
    )
    assert created.returncode == 0, created.stderr
    assert "Traceback" not in created.stderr
    assert "bei jeder Signatur abgefragt" in created.stdout
    listed = run_cli("identity", "list", env=env)
    assert "Passphrase wird abgefragt" in listed.stdout
    # every date the program shows is TT.MM.JJJJ (issue 10), in the CLI too
    assert re.search(r"gültig bis \d\d\.\d\d\.\d{4};", listed.stdout), listed.stdout


def test_cli_prompt_shows_the_suggestion_once_and_takes_it_on_enter(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    err = io.StringIO()
    monkeypatch.setattr(sys, "stderr", err)
    entered: list[str] = []

    def getpass(prompt: str) -> str:
        entered.append(prompt)
        return ""

    monkeypatch.setattr(identity_cli.getpass, "getpass", getpass)
    ask = identity_cli.passphrase_prompt(from_stdin=False)
    request = PassphraseRequest("Erika (BM)", "Grund.", new=True, suggestion="abcd-efgh-ijkm")
    assert ask(request) == "abcd-efgh-ijkm"
    text = err.getvalue()
    assert text.count("abcd-efgh-ijkm") == 1
    assert PASSWORD_SAFE_ADVICE in text
    assert "Eingabetaste" in entered[0]


# ---------------------------------------------------------------------------------- the window


def test_identity_dialog_shows_the_fallback_passphrase_with_copy_and_advice(
    qtbot: Any, tmp_path: Path
) -> None:
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPushButton

    from zwk_desktop.ui.dialogs.identity import IdentityDialog, PassphraseDialog

    store = IdentityStore(tmp_path / "ids", KeyringSecretStore(backend=ReadOnlyKeyring()))
    dialog = IdentityDialog(store)
    qtbot.addWidget(dialog)
    assert "nimmt keine neuen Einträge an" in dialog.keyring.text()
    seen: dict[str, str] = {}

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, PassphraseDialog):
            QTimer.singleShot(10, answer)
            return
        suggested = box.findChild(QLineEdit, "suggestedPassphrase")
        advice = box.findChild(QLabel, "passwordSafeAdvice")
        copy = box.findChild(QPushButton, "copyPassphrase")
        assert suggested is not None and advice is not None and copy is not None
        seen["suggestion"] = suggested.text()
        seen["advice"] = advice.text()
        QTest.mouseClick(copy, Qt.MouseButton.LeftButton)
        seen["clipboard"] = QGuiApplication.clipboard().text()
        box.accept()  # „OK“: the suggestion is filled in

    QTimer.singleShot(0, answer)
    identity = dialog.create_identity("Erika Mustermann", "Bürgermeisterin", "Lindenhagen", "")
    assert identity is not None and not identity.passphrase_in_keyring
    assert len(seen["suggestion"]) >= 24 and seen["clipboard"] == seen["suggestion"]
    assert "Passwortsafe des Rathauses" in seen["advice"]
    assert store.unlock(identity, lambda r: seen["suggestion"]).identity == identity


def test_identity_dialog_reports_file_errors_in_german(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from export_helpers import MemorySecrets, never_ask

    from zwk_desktop.services import identities
    from zwk_desktop.ui.dialogs.identity import IdentityDialog

    store = IdentityStore(tmp_path / "ids", MemorySecrets())
    created = store.create_self_signed("Erika Mustermann", "Bürgermeisterin", "X", "", never_ask)
    dialog = IdentityDialog(store, prompt=never_ask)
    qtbot.addWidget(dialog)

    def full(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device", str(tmp_path / "ids" / created.id))

    monkeypatch.setattr(identities.shutil, "rmtree", full)
    dialog.delete_identity(created)  # no exception escapes
    assert "Der Datenträger ist voll" in dialog.message.text()
    monkeypatch.undo()
    p12 = tmp_path / "fehlt.p12"
    assert dialog.import_file(p12, "x", "Landrätin", remember=False) is None
    assert "nicht zugänglich" in dialog.message.text()
