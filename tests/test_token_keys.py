"""Signing with a card in this process (issue 17): the PIN prompt's requests, retries after a
wrong PIN, the logged-in card signing PDF and manifest, and where middleware is looked for."""

from __future__ import annotations

from pathlib import Path

import pytest
from export_helpers import NOW, new_store, ready_draft
from pki import Issued
from softhsm import MODULE, PIN, shared_card

from zwk_desktop.cli.identity import pin_prompt
from zwk_desktop.formspec import get_form
from zwk_desktop.services.export import export_package
from zwk_desktop.services.identities import IdentityError, IdentityStore
from zwk_desktop.services.signing import check_detached
from zwk_desktop.services.token_keys import PinRequest, open_token_key
from zwk_desktop.services.tokens import (
    ModuleCandidate,
    TokenError,
    add_token_identity,
    candidate_modules,
    find_modules,
    token_status,
)
from zwk_desktop.services.trust import load_anchors
from zwk_desktop.services.verify import verify_path


@pytest.fixture(scope="module")
def ca() -> Issued:
    return shared_card().ca


@pytest.fixture(scope="module")
def softhsm() -> None:
    """The process's SoftHSM token (it reads SOFTHSM2_CONF once, when first loaded)."""
    shared_card()


@pytest.fixture
def store(tmp_path: Path, softhsm: None) -> IdentityStore:
    return new_store(tmp_path / "identities")


def test_a_wrong_pin_is_asked_again_with_the_reason_and_the_right_one_signs(
    store: IdentityStore,
) -> None:
    identity = add_token_identity(store, funktion="Bürgermeisterin", module=MODULE)
    assert identity.on_token and identity.name == "Katrin Wendland"
    assert not token_status(store, identity).pin_pad
    asked: list[PinRequest] = []
    answers = iter(["000000", PIN])

    def ask(request: PinRequest) -> str | None:
        asked.append(request)
        return next(answers)

    with open_token_key(store, identity, ask) as key:
        signature = key.sign_cms(b"manifest")
        assert check_detached(b"manifest", signature).ok
        assert not check_detached(b"anderes", signature).ok
    assert [r.retry for r in asked] == [False, True]
    assert asked[0].token_label == "ZWK Testkarte" and not asked[0].pin_pad
    assert asked[1].reason.startswith("Die PIN ist falsch.")


def test_cancelling_or_giving_up_after_a_wrong_pin_signs_nothing(store: IdentityStore) -> None:
    identity = add_token_identity(store, funktion="x", module=MODULE, token_label="ZWK Testkarte")
    with pytest.raises(TokenError, match="Abgebrochen"):
        open_token_key(store, identity, lambda request: None)
    with pytest.raises(TokenError, match="Die PIN ist falsch"):
        open_token_key(store, identity, lambda r: None if r.retry else "111111")
    with pytest.raises(IdentityError, match="liegt auf einer Signaturkarte"):
        store.unlock(identity, lambda request: "egal")


def test_export_in_process_with_the_card_and_trust_in_the_ca(
    store: IdentityStore, ca: Issued, tmp_path: Path
) -> None:
    identity = add_token_identity(store, funktion="Bürgermeisterin", module=MODULE, key_id="01")
    with open_token_key(store, identity, lambda request: PIN) as key:
        result = export_package(get_form(), ready_draft(), key, tmp_path / "out", now=NOW)
    report = verify_path(result.folder, anchors=load_anchors(ca.write(tmp_path / "ca.pem")))
    assert report.exit_code == 0, report.text()
    assert "vertrauenswürdig ausgestellt von „ZWK Test-CA“" in report.text()


def test_the_cli_prompt_says_when_the_reader_has_a_pin_pad(
    capsys: pytest.CaptureFixture[str],
) -> None:
    ask = pin_prompt(from_stdin=True)
    assert ask(PinRequest("Katrin Wendland (Bürgermeisterin)", "Karte 1", pin_pad=True)) == ""
    assert "PIN am Kartenleser ein (Karte „Karte 1“)" in capsys.readouterr().err


def test_middleware_is_looked_for_at_the_documented_places(tmp_path: Path) -> None:
    windows = candidate_modules("win32", {"SystemRoot": r"C:\Windows", "ProgramFiles": r"C:\P"})
    names = {c.path.name for c in windows}
    assert {"opensc-pkcs11.dll", "cvP11.dll", "siecap11.dll", "aetpkss1.dll"} <= names
    assert {"eTPKCS11.dll", "IDPrimePKCS11.dll"} <= names
    linux = {str(c.path) for c in candidate_modules("linux")}
    assert "/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so" in linux and MODULE in linux
    present = tmp_path / "da.so"
    present.write_bytes(b"")
    found = find_modules(
        [ModuleCandidate("A", tmp_path / "fehlt.so"), ModuleCandidate("B", present),
         ModuleCandidate("C", present)]
    )  # fmt: skip
    assert [c.vendor for c in found] == ["B"]
