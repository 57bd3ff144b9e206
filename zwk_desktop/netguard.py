"""The network guard: makes any attempt of this process to reach the network fail loudly.

ZWK Desktop works offline and opens no network connection at all. The smoke test of the built
bundle proves it with the guard switched on (``ZWK_NETWORK_GUARD=1``), and on Linux also with
the network cut off by the kernel (``unshare -n``). IT departments can switch the guard on in
production to audit that claim.

The guard is a Python audit hook (PEP 578). It refuses connections and name lookups of internet
sockets (IPv4/IPv6) with an `OSError`, so code that copes with a missing network copes with it
too, and it reports every refused attempt on stderr with a fixed marker, so a smoke test sees
even attempts that a library swallows. Traffic that cannot leave the computer stays allowed:
local sockets (AF_UNIX, used by D-Bus for the Secret Service keyring on Linux) and numeric
loopback addresses (asyncio's wake-up socket pair on Windows binds and connects to 127.0.0.1).
Audit hooks cannot be removed: the guard is meant for the whole life of a program run, not for
switching on inside a test process.
"""

from __future__ import annotations

import ipaddress
import os
import socket
import sys
from collections.abc import Callable
from typing import Any, TextIO

ENV_VAR = "ZWK_NETWORK_GUARD"
"""Set to 1 to switch the guard on when the program starts."""

MARKER = "ZWK-NETZWERKSPERRE"
"""Prefix of every report line on stderr (searched for by the smoke test)."""

_INTERNET_FAMILIES = frozenset({socket.AF_INET, socket.AF_INET6})

# Audit events that name a host or reach out to one. "socket.connect", "socket.sendto" and
# "socket.bind" carry the socket as first argument; the lookups carry only the name.
_SOCKET_EVENTS = frozenset({"socket.connect", "socket.sendto", "socket.sendmsg", "socket.bind"})
_LOOKUP_EVENTS = frozenset(
    {
        "socket.getaddrinfo",
        "socket.gethostbyname",
        "socket.gethostbyaddr",
        "socket.getnameinfo",
    }
)


class NetworkBlocked(PermissionError):
    """Raised instead of a network access while the guard is on."""


def _is_loopback(address: Any) -> bool:
    host = address[0] if isinstance(address, tuple) and address else address
    try:
        return ipaddress.ip_address(str(host).split("%", 1)[0]).is_loopback
    except ValueError:  # a host name: resolving it is already a network access
        return False


def _describe(event: str, args: tuple[Any, ...]) -> str:
    shown = ", ".join(repr(a) for a in args if not isinstance(a, socket.socket))
    return f"{event}({shown})"


def make_hook(report: Callable[[str], None]) -> Callable[[str, tuple[Any, ...]], None]:
    """The audit hook; `report` receives one German line per refused attempt."""

    def hook(event: str, args: tuple[Any, ...]) -> None:
        if event in _SOCKET_EVENTS:
            sock = args[0] if args else None
            if not isinstance(sock, socket.socket) or sock.family not in _INTERNET_FAMILIES:
                return
            if len(args) > 1 and _is_loopback(args[1]):
                return
        elif event not in _LOOKUP_EVENTS:
            return
        what = _describe(event, args)
        report(f"{MARKER}: Netzwerkzugriff verweigert: {what}")
        raise NetworkBlocked(
            f"ZWK Desktop arbeitet ohne Netzwerk; der Zugriff {what} wurde verweigert "
            f"({ENV_VAR}=1)."
        )

    return hook


def _stderr_reporter(stream: TextIO | None = None) -> Callable[[str], None]:
    def report(line: str) -> None:
        target = stream if stream is not None else sys.stderr
        if target is not None:  # windowed programs on Windows have no stderr
            print(line, file=target, flush=True)

    return report


def install() -> None:
    """Switch the guard on for the rest of this process."""
    sys.addaudithook(make_hook(_stderr_reporter()))


def install_from_environment() -> bool:
    """Switch the guard on if ``ZWK_NETWORK_GUARD`` asks for it; returns whether it did."""
    if os.environ.get(ENV_VAR, "").strip() not in ("1", "ja", "true", "yes"):
        return False
    install()
    return True
