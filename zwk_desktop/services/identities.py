"""Signing identities: a local self-signed one, or a PKCS#12 file from the Kommune's PKI.

Each identity lives in ``<data dir>/identities/<id>/``: ``identity.json`` (public facts),
``certificate.pem`` and ``key.p12`` (private key and certificate, encrypted with AES-256 under a
passphrase). The passphrase of a self-signed identity is random and kept in the OS keyring; an
imported one's is kept there when the user wants. Without a usable keyring the passphrase is
asked for each time (`PassphrasePrompt`) and never written anywhere. Keys are RSA-3072: an ECDSA
signature would lift the PDF to version 2.0. `cryptography` is imported where it is used, so
that the program starts without it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import secrets as random_secrets
import shutil
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from zwk_desktop.domain import jsonread
from zwk_desktop.services import atomic
from zwk_desktop.services.naming import ascii_name
from zwk_desktop.services.private_files import private_dir, write_private
from zwk_desktop.services.secrets import (
    SecretStore,
    SecretStoreError,
    SecretStoreStatus,
    writable_status,
)

if TYPE_CHECKING:
    from cryptography import x509
    from cryptography.hazmat.primitives.asymmetric import rsa

KEY_BITS = 3072
VALIDITY_DAYS = 3 * 365
MIN_PASSPHRASE = 10
PASSWORD_SAFE_ADVICE = (
    "Bitte bewahren Sie die Passphrase im Passwortsafe des Rathauses auf: Sie wird nur jetzt "
    "angezeigt und nirgends gespeichert, und ohne sie kann mit dieser Identität nicht signiert "
    "werden."
)
CHAIN_FILE = "chain.pem"
TOKEN_KIND = "pkcs11"
SELF_SIGNED_NOTE = (
    "Selbst ausgestelltes Zertifikat, keine qualifizierte elektronische Signatur: es belegt, dass "
    "das Dokument seit der Signatur unverändert ist, nicht die Identität der Person."
)


class IdentityError(Exception):
    """One German sentence (never contains a secret)."""


class PassphraseCancelled(IdentityError):
    """The user closed the passphrase prompt."""


@dataclass(frozen=True)
class PassphraseRequest:
    """What the prompt shows: for whom, why asked and whether a new passphrase is chosen."""

    identity_label: str
    reason: str
    new: bool = False
    retry: bool = False
    suggestion: str = ""
    """For a new passphrase: a strong one generated here, shown once (with a copy button and
    `PASSWORD_SAFE_ADVICE`); the prompt returns it when the user takes it."""


PassphrasePrompt = Callable[[PassphraseRequest], str | None]
"""Returns the passphrase, or None when the user cancels."""


@dataclass(frozen=True)
class Identity:
    """Public facts of a signing identity (what ``identity.json`` holds)."""

    id: str
    name: str
    funktion: str
    kommune: str
    email: str
    kind: str
    """"selbst" (self-signed here), "pkcs12" (imported) or "pkcs11" (on a signature card)."""
    fingerprint: str
    """SHA-256 of the certificate (DER), hex."""
    subject: str
    issuer: str
    not_before: str
    not_after: str
    passphrase_in_keyring: bool
    created: str

    @property
    def label(self) -> str:
        return f"{self.name} ({self.funktion})" if self.funktion else self.name

    @property
    def self_signed(self) -> bool:
        return self.kind == "selbst"

    @property
    def on_token(self) -> bool:
        """The key lives on a signature card (services.tokens), not in ``key.p12``."""
        return self.kind == TOKEN_KIND


@dataclass(frozen=True)
class SigningKey:
    """An unlocked identity: key and certificate in memory only."""

    identity: Identity
    private_key: rsa.RSAPrivateKey
    certificate: x509.Certificate
    chain: tuple[x509.Certificate, ...] = ()

    def __repr__(self) -> str:  # never print the key
        return f"SigningKey({self.identity.id})"


def fingerprint(cert: x509.Certificate) -> str:
    from cryptography.hazmat.primitives import hashes

    return cert.fingerprint(hashes.SHA256()).hex()


def certificate_warnings(cert: x509.Certificate, now: dt.datetime | None = None) -> list[str]:
    """German sentences about what blocks or deserves a look (the preflight's, issue 17)."""
    from zwk_desktop.services.preflight import preflight

    return [n.message for n in preflight(cert, now=now).notes if n.level != "hinweis"]


def _attr(name: x509.Name, oid: x509.ObjectIdentifier) -> str:
    values = name.get_attributes_for_oid(oid)
    return str(values[0].value) if values else ""


class IdentityStore:
    """Creates, imports, lists, unlocks and deletes identities under ``root``."""

    def __init__(self, root: Path, secrets: SecretStore) -> None:
        self.root = root
        self.secrets = secrets
        self._keyring: SecretStoreStatus | None = None

    def keyring_status(self) -> SecretStoreStatus:
        """Whether passphrases can be kept in the OS keyring, tested by a real write (once per
        store): a keyring that reads but refuses to store counts as none."""
        if self._keyring is None:
            self._keyring = writable_status(self.secrets)
        return self._keyring

    # ------------------------------------------------------------------ reading

    def all(self) -> list[Identity]:
        out = []
        if self.root.is_dir():
            for folder in sorted(self.root.iterdir()):
                meta = folder / "identity.json"
                if meta.is_file():
                    try:
                        out.append(Identity(**jsonread.loads(meta.read_bytes())))
                    except (OSError, ValueError, TypeError):
                        continue  # a damaged entry is skipped, never fatal for the others
        return out

    def find(self, key: str) -> Identity:
        """By id, name or fingerprint prefix; IdentityError when none or several match."""
        identities = self.all()
        exact = [i for i in identities if key in (i.id, i.name)]
        hits = exact or [
            i for i in identities if len(key) >= 8 and i.fingerprint.startswith(key.lower())
        ]
        if not hits:
            known = ", ".join(i.name for i in identities) or "keine"
            raise IdentityError(
                f"Die Signaturidentität „{key}“ gibt es nicht (vorhanden: {known})."
            )
        if len(hits) > 1:
            raise IdentityError(
                f"Der Name „{key}“ passt zu mehreren Signaturidentitäten; bitte geben Sie die "
                f"Kennung an ({', '.join(i.id for i in hits)})."
            )
        return hits[0]

    def certificate(self, identity: Identity) -> x509.Certificate:
        from cryptography import x509

        return x509.load_pem_x509_certificate(
            (self.root / identity.id / "certificate.pem").read_bytes()
        )

    def chain(self, identity: Identity) -> list[x509.Certificate]:
        """The issuers' certificates kept with the identity (none for older identities)."""
        from cryptography import x509

        path = self.root / identity.id / CHAIN_FILE
        if not path.is_file():
            return []
        try:
            return x509.load_pem_x509_certificates(path.read_bytes())
        except ValueError:
            return []

    # ------------------------------------------------------------------ creating

    def create_self_signed(
        self, name: str, funktion: str, kommune: str, email: str, ask: PassphrasePrompt
    ) -> Identity:
        from cryptography import x509
        from cryptography.hazmat.primitives import hashes
        from cryptography.hazmat.primitives.asymmetric import rsa
        from cryptography.x509.oid import NameOID

        name, funktion, kommune, email = (v.strip() for v in (name, funktion, kommune, email))
        if not name or not funktion or not kommune:
            raise IdentityError("Name, Funktion und Kommune sind für eine Signaturidentität nötig.")
        key = rsa.generate_private_key(public_exponent=65537, key_size=KEY_BITS)
        attrs = [
            x509.NameAttribute(NameOID.COMMON_NAME, name[:64]),
            x509.NameAttribute(NameOID.TITLE, funktion[:64]),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, kommune[:64]),
            x509.NameAttribute(NameOID.COUNTRY_NAME, "DE"),
        ]
        if email:
            attrs.append(x509.NameAttribute(NameOID.EMAIL_ADDRESS, email[:128]))
        subject = x509.Name(attrs)
        now = dt.datetime.now(dt.UTC)
        builder = (
            x509.CertificateBuilder()
            .subject_name(subject)
            .issuer_name(subject)
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(minutes=5))
            .not_valid_after(now + dt.timedelta(days=VALIDITY_DAYS))
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(
                x509.KeyUsage(
                    digital_signature=True,
                    content_commitment=True,
                    key_encipherment=False,
                    data_encipherment=False,
                    key_agreement=False,
                    key_cert_sign=False,
                    crl_sign=False,
                    encipher_only=False,
                    decipher_only=False,
                ),
                critical=True,
            )
            .add_extension(
                x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False
            )
        )
        if email:
            builder = builder.add_extension(
                x509.SubjectAlternativeName([x509.RFC822Name(email)]), critical=False
            )
        cert = builder.sign(key, hashes.SHA256())
        status = self.keyring_status()
        label = f"{name} ({funktion})"
        if status.available:
            passphrase = random_secrets.token_urlsafe(32)
        else:
            passphrase = self._ask_new(ask, label, status.reason, suggest=True)
        return self._store(
            cert, key, (), passphrase, "selbst", funktion, kommune, email, status.available
        )

    def import_pkcs12(
        self,
        content: bytes,
        passphrase: str,
        *,
        funktion: str,
        remember: bool,
        name: str | None = None,
    ) -> tuple[Identity, list[str]]:
        """Import a .p12/.pfx; returns the identity and German warnings about its certificate."""
        from cryptography.hazmat.primitives.asymmetric import rsa
        from cryptography.hazmat.primitives.serialization import pkcs12
        from cryptography.x509.oid import NameOID

        try:
            key, cert, chain = pkcs12.load_key_and_certificates(content, passphrase.encode("utf-8"))
        except ValueError:
            raise IdentityError(
                "Die PKCS#12-Datei lässt sich nicht öffnen: die Passphrase ist falsch oder die "
                "Datei ist beschädigt."
            ) from None
        if key is None or cert is None:
            raise IdentityError(
                "Die PKCS#12-Datei enthält keinen privaten Schlüssel mit Zertifikat."
            )
        if not isinstance(key, rsa.RSAPrivateKey) or key.key_size < 2048:
            raise IdentityError(
                "Die PKCS#12-Datei enthält keinen RSA-Schlüssel mit mindestens 2048 Bit; andere "
                "Schlüssel (z. B. ECDSA) würden das PDF auf Version 2.0 heben."
            )
        warnings = certificate_warnings(cert)
        status = self.keyring_status() if remember else self.secrets.status()
        keep = remember and status.available
        if remember and not status.available:
            warnings.append(status.reason)
        cn = _attr(cert.subject, NameOID.COMMON_NAME)
        kommune = _attr(cert.subject, NameOID.ORGANIZATION_NAME)
        email = _attr(cert.subject, NameOID.EMAIL_ADDRESS)
        identity = self._store(
            cert,
            key,
            tuple(chain),
            passphrase,
            "pkcs12",
            funktion.strip(),
            kommune,
            email,
            keep,
            display_name=(name or cn or "Unbenannt").strip(),
        )
        return identity, warnings

    def _ask_new(self, ask: PassphrasePrompt, label: str, reason: str, suggest: bool) -> str:
        suggestion = suggested_passphrase() if suggest else ""
        request = PassphraseRequest(label, reason, new=True, suggestion=suggestion)
        while True:
            value = ask(request)
            if value is None:
                raise PassphraseCancelled("Abgebrochen: keine Passphrase gewählt.")
            if len(value) >= MIN_PASSPHRASE:
                return value
            request = PassphraseRequest(
                label,
                f"Die Passphrase braucht mindestens {MIN_PASSPHRASE} Zeichen. {reason}",
                new=True,
                retry=True,
                suggestion=suggestion,
            )

    def _store(
        self,
        cert: x509.Certificate,
        key: rsa.RSAPrivateKey,
        chain: tuple[x509.Certificate, ...],
        passphrase: str,
        kind: str,
        funktion: str,
        kommune: str,
        email: str,
        in_keyring: bool,
        display_name: str | None = None,
    ) -> Identity:
        from cryptography.hazmat.primitives import serialization
        from cryptography.hazmat.primitives.serialization import pkcs12
        from cryptography.x509.oid import NameOID

        fp = fingerprint(cert)
        name = display_name or _attr(cert.subject, NameOID.COMMON_NAME)
        identity = Identity(
            id=f"{ascii_name(name, 40).lower()}-{fp[:8]}",
            name=name,
            funktion=funktion,
            kommune=kommune,
            email=email,
            kind=kind,
            fingerprint=fp,
            subject=cert.subject.rfc4514_string(),
            issuer=cert.issuer.rfc4514_string(),
            not_before=cert.not_valid_before_utc.isoformat(),
            not_after=cert.not_valid_after_utc.isoformat(),
            passphrase_in_keyring=in_keyring,
            created=dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat(),
        )
        folder = self.root / identity.id
        if folder.exists():
            raise IdentityError(f"Diese Signaturidentität ist schon vorhanden ({identity.id}).")
        encrypted = pkcs12.serialize_key_and_certificates(
            identity.name.encode("utf-8"),
            key,
            cert,
            list(chain) or None,
            serialization.BestAvailableEncryption(passphrase.encode("utf-8")),
        )
        if in_keyring:
            try:
                self.secrets.set(identity.id, passphrase)
            except SecretStoreError as exc:  # refused although the probe write succeeded
                raise IdentityError(
                    f"{exc} Die Signaturidentität wurde nicht angelegt; bitte versuchen Sie es "
                    "noch einmal."
                ) from None
        staging: Path | None = None
        try:
            private_dir(self.root)
            staging = atomic.temp_folder(self.root, identity.id)  # 0700, an unpredictable name
            write_private(staging / "key.p12", encrypted)
            write_private(
                staging / "certificate.pem", cert.public_bytes(serialization.Encoding.PEM)
            )
            if chain:  # public: the preflight checks the issuer chain without the passphrase
                write_private(
                    staging / CHAIN_FILE,
                    b"".join(c.public_bytes(serialization.Encoding.PEM) for c in chain),
                )
            write_private(
                staging / "identity.json",
                (json.dumps(asdict(identity), ensure_ascii=False, indent=2) + "\n").encode(),
            )
            written = staging
            atomic.retrying(lambda: os.rename(written, folder), folder)  # a held file: see atomic
        except BaseException as exc:
            if staging is not None:
                shutil.rmtree(staging, ignore_errors=True)
            if in_keyring:
                with contextlib.suppress(SecretStoreError):
                    self.secrets.delete(identity.id)
            if isinstance(exc, OSError):
                raise IdentityError(_cannot_store(folder, exc)) from exc
            raise
        return identity

    # ------------------------------------------------------------------ using, deleting

    def unlock(self, identity: Identity, ask: PassphrasePrompt) -> SigningKey:
        """Load the key into memory: the passphrase from the keyring, or asked for."""
        if identity.on_token:
            raise IdentityError(
                f"Der Schlüssel von „{identity.label}“ liegt auf einer Signaturkarte; er wird mit "
                "der PIN der Karte benutzt, nicht mit einer Passphrase."
            )
        content = (self.root / identity.id / "key.p12").read_bytes()
        reason = ""
        if identity.passphrase_in_keyring:
            try:
                stored = self.secrets.get(identity.id)
            except SecretStoreError as exc:
                stored, reason = None, str(exc)
            if stored is not None:
                loaded = self._load(content, stored)
                if loaded is not None:
                    return SigningKey(identity, *loaded)
            reason = (
                reason or "Die gespeicherte Passphrase fehlt im Schlüsselbund oder passt nicht."
            )
        else:
            status = self.secrets.status()
            reason = status.reason or (
                "Die Passphrase dieser Signaturidentität wird auf Wunsch nicht gespeichert."
            )
        request = PassphraseRequest(identity.label, reason)
        while True:
            value = ask(request)
            if value is None:
                raise PassphraseCancelled(
                    "Abgebrochen: ohne Passphrase kann nicht signiert werden."
                )
            loaded = self._load(content, value)
            if loaded is not None:
                return SigningKey(identity, *loaded)
            request = PassphraseRequest(identity.label, "Die Passphrase ist falsch.", retry=True)

    @staticmethod
    def _load(
        content: bytes, passphrase: str
    ) -> tuple[Any, x509.Certificate, tuple[x509.Certificate, ...]] | None:
        from cryptography.hazmat.primitives.asymmetric import rsa
        from cryptography.hazmat.primitives.serialization import pkcs12

        try:
            key, cert, chain = pkcs12.load_key_and_certificates(content, passphrase.encode("utf-8"))
        except ValueError:
            return None
        if not isinstance(key, rsa.RSAPrivateKey) or cert is None:
            return None
        return key, cert, tuple(chain)

    def delete(self, identity: Identity) -> None:
        if identity.passphrase_in_keyring:
            # The folder goes anyway; a stale keyring entry unlocks nothing.
            with contextlib.suppress(SecretStoreError):
                self.secrets.delete(identity.id)
        shutil.rmtree(self.root / identity.id)


def _cannot_store(folder: Path, exc: OSError) -> str:
    """German: the identity folder could not be written, and why (file and cause)."""
    from zwk_desktop.services.store_errors import translate

    cause = str(exc) if isinstance(exc, atomic.FileInUseError) else str(translate(exc, folder))
    return f"Die Signaturidentität kann nicht gespeichert werden. {cause}"


def suggested_passphrase() -> str:
    """A strong passphrase to show once: six groups of four letters and digits (no 0/O, 1/l),
    easy to copy into a password safe and to type from it (about 139 bits)."""
    alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    return "-".join("".join(random_secrets.choice(alphabet) for _ in range(4)) for _ in range(6))


def open_store(root: Path | None = None, secrets: SecretStore | None = None) -> IdentityStore:
    """The identities of this user: ``<data dir>/identities`` and the OS keyring."""
    from zwk_desktop.locations import data_dir
    from zwk_desktop.services.private_files import prepare_data_dir
    from zwk_desktop.services.secrets import KeyringSecretStore

    if root is None:
        root = prepare_data_dir(data_dir()) / "identities"
    return IdentityStore(root, secrets or KeyringSecretStore())
