"""The network guard refuses internet access (and reports it) but lets local traffic through."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from zwk_desktop import netguard
from zwk_desktop.netguard import MARKER, NetworkBlocked, make_hook

ROOT = Path(__file__).resolve().parent.parent
Hook = Callable[[str, tuple[Any, ...]], None]


@pytest.fixture
def reports() -> list[str]:
    return []


@pytest.fixture
def hook(reports: list[str]) -> Hook:
    return make_hook(reports.append)


def test_refuses_an_internet_connection_and_reports_it(hook: Hook, reports: list[str]) -> None:
    with (
        socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s,
        pytest.raises(NetworkBlocked, match="ohne Netzwerk"),
    ):
        hook("socket.connect", (s, ("192.0.2.1", 443)))
    assert len(reports) == 1
    assert reports[0].startswith(f"{MARKER}: Netzwerkzugriff verweigert: socket.connect(")
    assert "192.0.2.1" in reports[0]


@pytest.mark.parametrize(
    "event, args",
    [
        ("socket.getaddrinfo", ("zwk.bmfsfj.example", 443, 0, 1, 0)),
        ("socket.gethostbyname", ("example.org",)),
        ("socket.gethostbyaddr", ("vm",)),
        ("socket.getnameinfo", (("192.0.2.1", 80), 0)),
    ],
)
def test_refuses_every_name_lookup(
    hook: Hook, reports: list[str], event: str, args: tuple[object, ...]
) -> None:
    with pytest.raises(NetworkBlocked):
        hook(event, args)
    assert event in reports[0]


def test_refused_access_is_an_oserror_that_careful_code_survives() -> None:
    assert issubclass(NetworkBlocked, OSError)


def test_lets_loopback_and_local_sockets_through(
    hook: Hook, reports: list[str], tmp_path: Path
) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        hook("socket.connect", (s, ("127.0.0.1", 5000)))
        hook("socket.bind", (s, ("127.0.0.1", 0)))
    with socket.socket(socket.AF_INET6, socket.SOCK_STREAM) as s:
        hook("socket.connect", (s, ("::1", 5000, 0, 0)))
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
        hook("socket.connect", (s, str(tmp_path / "bus")))
    hook("open", ("/etc/hosts", "r", 0))
    assert reports == []


def test_a_host_name_is_not_loopback(hook: Hook) -> None:
    with (
        socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s,
        pytest.raises(NetworkBlocked),
    ):
        hook("socket.connect", (s, ("localhost", 80)))


def test_switched_on_only_by_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(netguard.ENV_VAR, raising=False)
    assert netguard.install_from_environment() is False
    monkeypatch.setenv(netguard.ENV_VAR, "0")
    assert netguard.install_from_environment() is False


def test_the_program_installs_the_guard_from_the_environment() -> None:
    """A real process: the command line's main() switches the guard on; a swallowed lookup
    (socket.getfqdn) is still reported, a connection fails."""
    script = (
        "import os, socket, sys\n"
        "from zwk_desktop.cli.main import main\n"
        "sys.stdout = open(os.devnull, 'w')\n"
        "main(['schema'])\n"
        "sys.stdout = sys.__stdout__\n"
        "print('fqdn', socket.getfqdn())\n"
        "socket.create_connection(('192.0.2.1', 80), timeout=1)\n"
    )
    env = dict(os.environ, **{netguard.ENV_VAR: "1"})
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, cwd=ROOT
    )
    assert done.returncode == 1
    assert "fqdn" in done.stdout
    assert f"{MARKER}: Netzwerkzugriff verweigert: socket.gethostbyaddr" in done.stderr
    assert "NetworkBlocked" in done.stderr
