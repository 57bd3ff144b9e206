"""Identities against a real Secret Service (gnome-keyring in a D-Bus session).

`make test` runs the suite inside such a session (scripts/with-secret-service.sh). Run on its
own, without one, the fixture starts a private D-Bus daemon and an unlocked gnome-keyring with
HOME and XDG_RUNTIME_DIR in temporary folders, and ends both afterwards. On Windows and macOS
(scripts\\test.cmd) the same tests use the system's own credential store.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from export_helpers import never_ask, run_cli

from zwk_desktop.services.identities import IdentityStore
from zwk_desktop.services.secrets import SERVICE, KeyringSecretStore

pytestmark = pytest.mark.skipif(
    sys.platform == "win32",
    reason="Secret Service (D-Bus, gnome-keyring) is Linux; Windows' Credential Manager is "
    "covered by test_keyring_fallback.py with pinned backends",
)

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "gemeinde-lindenhagen.zwk"


def _os_backend() -> Any:
    """The real keyring of this operating system."""
    if sys.platform == "win32":
        from keyring.backends.Windows import WinVaultKeyring

        return WinVaultKeyring()
    if sys.platform == "darwin":
        from keyring.backends.macOS import Keyring

        return Keyring()
    from keyring.backends import SecretService

    return SecretService.Keyring()


def _service_answers() -> bool:
    from keyring.backends import SecretService

    try:
        return SecretService.Keyring.priority > 0  # type: ignore[operator]
    except Exception:  # no bus, no service, or a locked one
        return False


@pytest.fixture(scope="module")
def session_env(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """Environment of a D-Bus session with an unlocked Secret Service."""
    if sys.platform in ("win32", "darwin") or (
        os.environ.get("DBUS_SESSION_BUS_ADDRESS") and _service_answers()
    ):
        yield dict(os.environ)
        return
    base = tmp_path_factory.mktemp("secret-service")
    home, run = base / "home", base / "run"
    home.mkdir()
    run.mkdir(mode=0o700)
    env = {**os.environ, "HOME": str(home), "XDG_RUNTIME_DIR": str(run)}
    bus = subprocess.Popen(
        ["dbus-daemon", "--session", "--nofork", "--print-address=1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=env,
    )
    assert bus.stdout is not None
    env["DBUS_SESSION_BUS_ADDRESS"] = bus.stdout.readline().decode().strip()
    daemon = subprocess.Popen(
        ["gnome-keyring-daemon", "--unlock", "--components=secrets", "--foreground"],
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
    )
    assert daemon.stdin is not None
    daemon.stdin.write(b"zwk-test")
    daemon.stdin.close()
    with pytest.MonkeyPatch.context() as mp:
        for name in ("HOME", "XDG_RUNTIME_DIR", "DBUS_SESSION_BUS_ADDRESS"):
            mp.setenv(name, env[name])
        deadline = time.monotonic() + 20
        while not _service_answers():
            assert time.monotonic() < deadline, "gnome-keyring-daemon did not start"
            time.sleep(0.05)  # polling a daemon start, not waiting for our own code
        try:
            yield env
        finally:
            daemon.terminate()
            bus.terminate()
            daemon.wait(10)
            bus.wait(10)


@pytest.fixture
def store(session_env: dict[str, str], tmp_path: Path) -> IdentityStore:
    return IdentityStore(tmp_path / "identities", KeyringSecretStore(backend=_os_backend()))


def test_the_passphrase_lives_in_the_os_keyring(store: IdentityStore, tmp_path: Path) -> None:
    status = store.secrets.status()
    assert status.available, status.reason
    identity = store.create_self_signed(
        "Katrin Wendland", "Bürgermeisterin", "Lindenhagen", "", never_ask
    )
    assert identity.passphrase_in_keyring
    stored = _os_backend().get_password(SERVICE, identity.id)
    assert stored is not None and len(stored) >= 32
    for path in (tmp_path / "identities").rglob("*"):
        if path.is_file():
            assert stored.encode() not in path.read_bytes()
    key = store.unlock(identity, never_ask)  # no prompt: the keyring answers
    assert key.identity == identity
    store.delete(identity)
    assert _os_backend().get_password(SERVICE, identity.id) is None


def test_cli_runs_unattended_with_the_keyring(session_env: dict[str, str], tmp_path: Path) -> None:
    env = {**session_env, "ZWK_DATA_DIR": str(tmp_path / "data")}

    def cli(*args: str | Path) -> subprocess.CompletedProcess[str]:
        return run_cli(*args, env=env)

    created = cli(
        "identity",
        "create",
        "--name",
        "Katrin Wendland",
        "--funktion",
        "Bürgermeisterin",
        "--kommune",
        "Gemeinde Lindenhagen am See",
        "--email",
        "k@example.org",
    )
    assert created.returncode == 0, created.stderr
    assert "Schlüsselbund des Betriebssystems" in created.stdout
    listed = cli("identity", "list")
    assert "Katrin Wendland" in listed.stdout and "Passphrase im Schlüsselbund" in listed.stdout
    exported = cli("export", EXAMPLE, "--out", tmp_path / "out", "--accept-warnings", "Geprüft.")
    assert exported.returncode == 0, exported.stderr
    folder = next(p for p in (tmp_path / "out").iterdir() if p.is_dir())
    assert cli("verify", folder).returncode == 0
    deleted = cli("identity", "delete", "Katrin Wendland")
    assert deleted.returncode == 0 and "gelöscht" in deleted.stdout
    assert "noch keine Signaturidentität" in cli("identity", "list").stdout
