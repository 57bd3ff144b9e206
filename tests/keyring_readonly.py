"""A keyring backend that is there and reads, but refuses to store: Windows Credential Manager
under a group policy or in a remote session (error 1312). Tests select it in-process or with
``PYTHON_KEYRING_BACKEND=keyring_readonly.ReadOnlyKeyring`` (this folder on PYTHONPATH)."""

from __future__ import annotations

from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError, PasswordSetError


class ReadOnlyKeyring(KeyringBackend):
    priority = 5  # type: ignore[assignment]  # keyring declares it as a class property
    viable = False
    """Never chosen by keyring itself: once this module is imported, keyring would otherwise
    see it among all backends and chain it before the real Secret Service in later tests of the
    same process. Selected only explicitly (in-process, or ``PYTHON_KEYRING_BACKEND``)."""

    def get_password(self, service: str, username: str) -> str | None:
        return None

    def set_password(self, service: str, username: str, password: str) -> None:
        raise PasswordSetError("(1312, 'CredWrite', 'A specified logon session does not exist.')")

    def delete_password(self, service: str, username: str) -> None:
        raise PasswordDeleteError("not found")
