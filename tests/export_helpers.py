"""Shared pieces of the export tests: an in-memory secret store, identities, drafts, tools."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from clitools import run_cli  # noqa: F401  (re-exported for the export tests)
from conftest import load_example

from zwk_desktop.domain.draft import Draft, draft_from_json
from zwk_desktop.formspec import get_form
from zwk_desktop.services.export import acknowledge_all, readiness
from zwk_desktop.services.identities import IdentityStore, PassphraseRequest
from zwk_desktop.services.secrets import SecretStoreStatus

NOW = dt.datetime(2021, 7, 15, 10, 30, tzinfo=dt.timezone(dt.timedelta(hours=2)))


class MemorySecrets:
    """A keyring that keeps secrets in memory: for tests that are not about the keyring (the
    real Secret Service is tested in test_export_keyring.py)."""

    def __init__(self, available: bool = True) -> None:
        self.available = available
        self.values: dict[str, str] = {}

    def status(self) -> SecretStoreStatus:
        return SecretStoreStatus(
            self.available,
            "Speicher im Test",
            "" if self.available else "kein Schlüsselbund im Test",
        )

    def get(self, key: str) -> str | None:
        return self.values.get(key)

    def set(self, key: str, secret: str) -> None:
        self.values[key] = secret

    def delete(self, key: str) -> None:
        self.values.pop(key, None)


def never_ask(request: PassphraseRequest) -> str | None:
    raise AssertionError(f"unexpected passphrase prompt: {request}")


def example_draft(name: str = "gemeinde-lindenhagen.zwk") -> Draft:
    return draft_from_json(load_example(name))


def ready_draft(name: str = "gemeinde-lindenhagen.zwk") -> Draft:
    """An example with every warning it may have acknowledged (issue 6 adds ags_unknown)."""
    draft = example_draft(name)
    ready = readiness(get_form(), draft)
    assert ready.report.valid, [f.code for f in ready.report.errors]
    if ready.unacknowledged:
        draft = acknowledge_all(draft, ready.unacknowledged, "Im Test geprüft.")
    return draft


def new_store(root: Path, secrets: Any | None = None) -> IdentityStore:
    return IdentityStore(root, secrets or MemorySecrets())


def tool(
    *args: str | Path, check: bool = True, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    """Run an independent tool (poppler, qpdf, openssl, munpack, sha256sum) and return its
    output."""
    if shutil.which(str(args[0])) is None and sys.platform == "win32":
        pytest.skip(f"{args[0]} (poppler, qpdf, openssl, mpack) is checked on Linux")
    assert shutil.which(str(args[0])), f"{args[0]} fehlt (Debian-Paket, siehe Makefile DEB_TEST)"
    return subprocess.run(
        [str(a) for a in args],
        capture_output=True,
        text=True,
        errors="replace",
        check=check,
        timeout=60,
        cwd=cwd,
    )


STEM = "ZWK-Bewerbung_12073999_Lindenhagen-am-See"
"""Every file of the Lindenhagen package carries AGS and Kommune (issue 11)."""
NAMES = {
    "bewerbung.pdf": f"{STEM}.pdf",
    "bewerbung.json": f"{STEM}.json",
    "pruefprotokoll.json": f"{STEM}_pruefprotokoll.json",
    "manifest.json": f"{STEM}_manifest.json",
    "manifest.json.p7s": f"{STEM}_manifest.json.p7s",
}
"""The Lindenhagen package's files by the names they had before issue 11."""


def package_file(folder: Path, suffix: str) -> Path:
    """The file of the package in `folder` whose name is the package's stem and `suffix`
    (".pdf", ".json", "_manifest.json", "_manifest.json.p7s"): the names carry AGS and
    Kommune (issue 11), found through the one manifest."""
    (manifest,) = folder.glob("*_manifest.json")
    return folder / (manifest.name.removesuffix("_manifest.json") + suffix)
