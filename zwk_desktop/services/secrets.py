"""Secrets in the operating system's keyring (Windows Credential Manager, macOS Keychain,
Secret Service), through `keyring`.

Only a real OS keyring counts. keyring's fail and null backends and any plaintext backend of
`keyrings.alt` are treated as "no keyring": the caller then asks for the passphrase each time and
says why; nothing is ever written to a file instead. Secrets never reach a log or an exception
message.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from typing import Any, Protocol

SERVICE = "ZWK-Desktop"
_INSECURE_MODULES = ("keyring.backends.fail", "keyring.backends.null", "keyrings.alt")


class SecretStoreError(Exception):
    """The keyring refused or failed; the message is one German sentence (without the secret)."""


@dataclass(frozen=True)
class SecretStoreStatus:
    available: bool
    backend: str
    """A human-readable name of the backend (e.g. "SecretService Keyring")."""
    reason: str
    """German: why no keyring can be used (empty when available)."""


class SecretStore(Protocol):
    def status(self) -> SecretStoreStatus: ...
    def get(self, key: str) -> str | None: ...
    def set(self, key: str, secret: str) -> None: ...
    def delete(self, key: str) -> None: ...


NO_KEYRING = (
    "Auf diesem Rechner ist kein Schlüsselbund des Betriebssystems erreichbar ({detail}). Die "
    "Passphrase wird deshalb nirgends gespeichert und bei jeder Signatur abgefragt."
)


def _usable(backend: Any) -> bool:
    module = type(backend).__module__
    if module.startswith(_INSECURE_MODULES):
        return False
    try:
        return float(backend.priority) > 0
    except Exception:  # a backend that cannot tell its priority is unusable
        return False


KEYRING_REFUSED = (
    "Der Schlüsselbund des Betriebssystems ({backend}) nimmt keine neuen Einträge an (etwa wegen "
    "einer Gruppenrichtlinie oder in einer Remotesitzung). Die Passphrase wird deshalb nirgends "
    "gespeichert und bei jeder Signatur abgefragt."
)


def writable_status(store: SecretStore) -> SecretStoreStatus:
    """`store.status()`, confirmed by a real write: a probe entry is written, read back and
    deleted. Windows Credential Manager under a group policy, or in a remote session (error
    1312), is there and readable but refuses to store; that counts as no keyring."""
    status = store.status()
    if not status.available:
        return status
    import secrets as random_secrets

    probe_key = f"schreibprobe-{random_secrets.token_hex(8)}"
    probe = random_secrets.token_urlsafe(16)
    try:
        store.set(probe_key, probe)
        readable = store.get(probe_key) == probe
    except SecretStoreError:
        readable = False
    with contextlib.suppress(SecretStoreError):  # nothing written, or a harmless probe remains
        store.delete(probe_key)
    if readable:
        return status
    return SecretStoreStatus(False, status.backend, KEYRING_REFUSED.format(backend=status.backend))


class KeyringSecretStore:
    """The OS keyring through `keyring`; `backend` pins one (tests), default: keyring's choice."""

    def __init__(self, backend: Any | None = None, service: str = SERVICE) -> None:
        self._backend = backend
        self.service = service

    def _keyring(self) -> Any:
        if self._backend is not None:
            return self._backend
        import keyring

        return keyring.get_keyring()

    def status(self) -> SecretStoreStatus:
        try:
            backend = self._keyring()
        except Exception as exc:  # keyring raises many kinds at start-up
            return SecretStoreStatus(False, "", NO_KEYRING.format(detail=type(exc).__name__))
        name = getattr(backend, "name", type(backend).__name__)
        inner = getattr(backend, "backends", None)
        usable = [b for b in inner if _usable(b)] if inner is not None else []
        if (inner is not None and not usable) or (inner is None and not _usable(backend)):
            module = type(backend).__module__
            detail = (
                "nur ein unsicherer Klartext-Speicher ist eingerichtet"
                if module.startswith("keyrings.alt")
                else "kein Dienst für Zugangsdaten läuft"
            )
            return SecretStoreStatus(False, str(name), NO_KEYRING.format(detail=detail))
        return SecretStoreStatus(True, str(name), "")

    def _call(self, action: str, *args: str) -> Any:
        status = self.status()
        if not status.available:
            raise SecretStoreError(status.reason)
        try:
            return getattr(self._keyring(), action)(self.service, *args)
        except Exception as exc:  # never echo arguments: one is the secret
            raise SecretStoreError(
                f"Der Schlüsselbund des Betriebssystems hat die Anfrage abgelehnt "
                f"({type(exc).__name__}); die Passphrase wird deshalb abgefragt."
            ) from None

    def get(self, key: str) -> str | None:
        value = self._call("get_password", key)
        return value if isinstance(value, str) else None

    def set(self, key: str, secret: str) -> None:
        self._call("set_password", key, secret)

    def delete(self, key: str) -> None:
        try:
            self._call("delete_password", key)
        except SecretStoreError:
            if self.get(key) is not None:
                raise
