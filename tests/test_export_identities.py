"""Signing identities: self-signed, PKCS#12 import with certificate warnings, no keyring."""

from __future__ import annotations

import datetime as dt
import os
import secrets as secrets_module
import stat
import tempfile
import time
from pathlib import Path

import keyring.backends.fail
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID
from export_helpers import NOW, MemorySecrets, never_ask, new_store, ready_draft

from zwk_desktop.formspec import get_form
from zwk_desktop.locations import data_dir
from zwk_desktop.services.export import export_package
from zwk_desktop.services.identities import (
    IdentityError,
    PassphraseCancelled,
    PassphraseRequest,
    open_store,
)
from zwk_desktop.services.secrets import KeyringSecretStore


def test_self_signed_identity_keeps_its_random_passphrase_in_the_keyring(tmp_path: Path) -> None:
    secrets = MemorySecrets()
    store = new_store(tmp_path, secrets)
    identity = store.create_self_signed(
        "Katrin Wendland", "Bürgermeisterin", "Lindenhagen", "k@example.org", never_ask
    )
    assert identity.self_signed and identity.passphrase_in_keyring
    assert set(secrets.values) == {identity.id}
    passphrase = secrets.values[identity.id]
    assert len(passphrase) >= 32
    folder = tmp_path / identity.id
    assert sorted(p.name for p in folder.iterdir()) == [
        "certificate.pem",
        "identity.json",
        "key.p12",
    ]
    with pytest.raises(ValueError):
        pkcs12.load_key_and_certificates((folder / "key.p12").read_bytes(), None)
    key = store.unlock(identity, never_ask)
    assert key.private_key.key_size == 3072
    cert = key.certificate
    usage = cert.extensions.get_extension_for_class(x509.KeyUsage).value
    assert usage.digital_signature and usage.content_commitment
    assert cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value == "Katrin Wendland"
    for path in folder.iterdir():
        assert passphrase.encode() not in path.read_bytes()
    assert "SigningKey(" in repr(key) and "PRIVATE" not in repr(key)
    assert [i.id for i in store.all()] == [identity.id]
    assert store.find("Katrin Wendland") == identity == store.find(identity.fingerprint[:12])
    store.delete(identity)
    assert store.all() == [] and secrets.values == {}
    with pytest.raises(IdentityError, match="gibt es nicht"):
        store.find("Katrin Wendland")


def _p12(
    tmp_path: Path,
    *,
    days_valid: int = 365,
    expired: bool = False,
    usage: bool | None = True,
    key: object | None = None,
    passphrase: bytes = b"geheim-123",
) -> bytes:
    private = key or rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, "Erika Mustermann"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Landkreis Hohenwald"),
        ]
    )
    ca = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Kommunale PKI Test-CA")])
    now = dt.datetime.now(dt.UTC)
    start = now - dt.timedelta(days=400 if expired else 1)
    end = now - dt.timedelta(days=1) if expired else now + dt.timedelta(days=days_valid)
    builder = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(ca)
        .public_key(private.public_key())  # type: ignore[attr-defined]
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(end)
    )
    if usage is not None:
        builder = builder.add_extension(
            x509.KeyUsage(usage, False, not usage, False, False, False, False, False, False),
            critical=True,
        )
    cert = builder.sign(private, hashes.SHA256())  # type: ignore[arg-type]
    return pkcs12.serialize_key_and_certificates(
        b"test",
        private,
        cert,
        None,
        serialization.BestAvailableEncryption(passphrase),  # type: ignore[arg-type]
    )


def test_pkcs12_import_remembers_the_passphrase_when_asked(tmp_path: Path) -> None:
    secrets = MemorySecrets()
    store = new_store(tmp_path, secrets)
    identity, warnings = store.import_pkcs12(
        _p12(tmp_path), "geheim-123", funktion="Landrätin", remember=True
    )
    assert warnings == []
    assert identity.kind == "pkcs12" and not identity.self_signed
    assert identity.name == "Erika Mustermann" and identity.kommune == "Landkreis Hohenwald"
    assert "Kommunale PKI Test-CA" in identity.issuer
    assert secrets.values == {identity.id: "geheim-123"}
    assert (
        store.unlock(identity, never_ask).certificate.subject.rfc4514_string() == identity.subject
    )


def test_pkcs12_import_without_remembering_asks_each_time(tmp_path: Path) -> None:
    secrets = MemorySecrets()
    store = new_store(tmp_path, secrets)
    identity, _ = store.import_pkcs12(
        _p12(tmp_path), "geheim-123", funktion="Landrätin", remember=False
    )
    assert secrets.values == {}
    asked: list[PassphraseRequest] = []
    answers = iter(["falsch", "geheim-123"])

    def ask(request: PassphraseRequest) -> str | None:
        asked.append(request)
        return next(answers)

    store.unlock(identity, ask)
    assert [r.retry for r in asked] == [False, True]
    assert "falsch" in asked[1].reason
    with pytest.raises(PassphraseCancelled):
        store.unlock(identity, lambda request: None)


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ({"expired": True}, "abgelaufen"),
        ({"days_valid": 10}, "läuft in 10 Tagen ab"),
        ({"usage": False}, "nicht zum Signieren bestimmt"),
        ({"usage": None}, "keine Schlüsselverwendung"),
    ],
)
def test_pkcs12_certificate_warnings(
    tmp_path: Path, options: dict[str, object], expected: str
) -> None:
    store = new_store(tmp_path)
    _, warnings = store.import_pkcs12(
        _p12(tmp_path, **options), "geheim-123", funktion="Landrätin", remember=True
    )  # type: ignore[arg-type]
    assert any(expected in w for w in warnings), warnings


def test_pkcs12_import_refuses_wrong_passphrase_and_ecdsa_keys(tmp_path: Path) -> None:
    store = new_store(tmp_path)
    with pytest.raises(IdentityError, match="Passphrase ist falsch"):
        store.import_pkcs12(_p12(tmp_path), "nicht-richtig", funktion="x", remember=True)
    ecdsa = _p12(tmp_path, key=ec.generate_private_key(ec.SECP256R1()))
    with pytest.raises(IdentityError, match="RSA"):
        store.import_pkcs12(ecdsa, "geheim-123", funktion="x", remember=True)
    assert store.all() == []


class _PlaintextBackend:
    """Stands in for keyrings.alt's plaintext file backend (not a dependency, never installed)."""

    priority = 1
    name = "PlaintextKeyring"


_PlaintextBackend.__module__ = "keyrings.alt.file"


def test_plaintext_and_fail_backends_do_not_count_as_a_keyring() -> None:
    plain = KeyringSecretStore(backend=_PlaintextBackend()).status()
    assert not plain.available and "Klartext" in plain.reason
    failing = KeyringSecretStore(backend=keyring.backends.fail.Keyring()).status()
    assert not failing.available
    assert (
        "kein Schlüsselbund" in failing.reason and "bei jeder Signatur abgefragt" in failing.reason
    )


def _files_under(root: Path, since: float) -> list[Path]:
    """Recent files below root; folders other processes remove meanwhile are passed over."""
    out = []
    for folder, _dirs, names in os.walk(root, onerror=lambda _error: None):
        for name in names:
            path = Path(folder, name)
            try:
                info = path.stat()
            except OSError:
                continue
            if stat.S_ISREG(info.st_mode) and info.st_mtime >= since and info.st_size < 50_000_000:
                out.append(path)
    return out


def test_without_a_keyring_the_passphrase_is_asked_and_no_secret_is_written(tmp_path: Path) -> None:
    started = time.time() - 1
    store = open_store(secrets=KeyringSecretStore(backend=keyring.backends.fail.Keyring()))
    passphrase = "Sommer-" + secrets_module.token_urlsafe(12)  # random: in no file by chance
    asked: list[PassphraseRequest] = []

    def ask(request: PassphraseRequest) -> str | None:
        asked.append(request)
        return "kurz" if request.new and not request.retry else passphrase

    identity = store.create_self_signed(
        "Katrin Wendland", "Bürgermeisterin", "Lindenhagen", "", ask
    )
    assert not identity.passphrase_in_keyring
    assert asked[0].new and "kein Schlüsselbund" in asked[0].reason
    assert asked[1].retry and "mindestens 10 Zeichen" in asked[1].reason
    asked.clear()
    key = store.unlock(identity, ask)
    assert len(asked) == 1 and "bei jeder Signatur abgefragt" in asked[0].reason
    export_package(get_form(), ready_draft(), key, tmp_path / "out", now=NOW)

    private = key.private_key.private_numbers()
    secrets = [
        passphrase.encode("utf-8"),
        passphrase.encode("utf-16-le"),
        private.d.to_bytes((private.d.bit_length() + 7) // 8, "big"),
        key.private_key.private_bytes(
            serialization.Encoding.DER,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )[-64:],
    ]
    scanned = _files_under(data_dir(), started) + _files_under(tmp_path, started)
    scanned += (
        _files_under(Path(tempfile.gettempdir()), started)
        if Path(tempfile.gettempdir()) != tmp_path
        else []
    )
    assert any(p.name == "key.p12" for p in scanned)
    for path in scanned:
        try:
            content = path.read_bytes()
        except OSError:
            continue  # another process's file that vanished or is not ours to read
        for secret in secrets:
            assert secret not in content, f"secret found in {path}"
