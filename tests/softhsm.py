"""SoftHSM2 tokens for the signature-card tests: a software PKCS#11 module (Debian softhsm2)
whose tokens live in a temporary folder (SOFTHSM2_CONF). The key is imported with
softhsm2-util, the certificates are written with pkcs11-tool (Debian opensc), as a card vendor's
personalisation would leave them."""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from pki import Issued

MODULE = "/usr/lib/softhsm/libsofthsm2.so"
PIN = "123456"
SO_PIN = "12345678"


def _run(*args: str, env: dict[str, str]) -> None:
    assert shutil.which(args[0]), (
        f"{args[0]} fehlt (Debian softhsm2/opensc, siehe Makefile DEB_TEST)"
    )
    subprocess.run(list(args), env=env, check=True, capture_output=True, timeout=60)


@dataclass(frozen=True)
class SoftToken:
    folder: Path
    label: str
    pin: str

    @property
    def conf(self) -> Path:
        return self.folder / "softhsm2.conf"

    def env(self, base: dict[str, str] | None = None) -> dict[str, str]:
        return {**(base if base is not None else os.environ), "SOFTHSM2_CONF": str(self.conf)}


def softhsm_folder(folder: Path) -> Path:
    """A SoftHSM2 configuration with an (empty) token folder; returns the .conf."""
    (folder / "tokens").mkdir(parents=True, exist_ok=True)
    conf = folder / "softhsm2.conf"
    conf.write_text(
        f"directories.tokendir = {folder / 'tokens'}\nobjectstore.backend = file\n"
        "log.level = ERROR\nslots.removable = false\n",
        encoding="utf-8",
    )
    return conf


def make_token(
    folder: Path,
    signer: Issued,
    *,
    label: str = "ZWK Testkarte",
    pin: str = PIN,
    key_label: str = "Signatur",
    key_id: str = "01",
    bare_certificate: bool = False,
    extra: tuple[Issued, ...] = (),
    others: tuple[tuple[Issued, str, str], ...] = (),
) -> SoftToken:
    """A token `label` with the signer's key and certificate under `key_label`/`key_id`, the
    certificates `extra` (e.g. the CA) without keys, and `others` (issued, label, id) with keys."""
    if not Path(MODULE).is_file():
        raise AssertionError("SoftHSM2 fehlt (Debian softhsm2, siehe Makefile DEB_TEST)")
    softhsm_folder(folder)
    token = SoftToken(folder, label, pin)
    env = token.env()
    _run("softhsm2-util", "--init-token", "--free", "--label", label, "--pin", pin,
         "--so-pin", SO_PIN, env=env)  # fmt: skip
    for n, (issued, obj_label, obj_id) in enumerate(((signer, key_label, key_id), *others)):
        key_file = folder / f"key{n}.pk8"
        key_file.write_bytes(issued.pkcs8())
        _run("softhsm2-util", "--import", str(key_file), "--token", label, "--label", obj_label,
             "--id", obj_id, "--pin", pin, env=env)  # fmt: skip
        key_file.unlink()
        if bare_certificate and n == 0:  # written as in a quick set-up: no id, no label
            der = folder / "bare.der"
            der.write_bytes(issued.der())
            _run("pkcs11-tool", "--module", MODULE, "--token-label", label, "--login", "--pin",
                 pin, "--write-object", str(der), "--type", "cert", env=env)  # fmt: skip
        else:
            write_cert(token, issued, obj_label, obj_id)
    for n, issued in enumerate(extra):
        write_cert(token, issued, f"CA {n + 1}", f"c{n + 1}")
    return token


def write_cert(token: SoftToken, issued: Issued, label: str, obj_id: str) -> None:
    der = token.folder / f"{obj_id}.der"
    der.write_bytes(issued.der())
    _run("pkcs11-tool", "--module", MODULE, "--token-label", token.label, "--login",
         "--pin", token.pin, "--write-object", str(der), "--type", "cert", "--id", obj_id,
         "--label", label, env=token.env())  # fmt: skip


@dataclass(frozen=True)
class SharedCard:
    token: SoftToken
    ca: Issued
    signer: Issued


_SHARED: list[SharedCard] = []


def shared_card() -> SharedCard:
    """The one token of tests that use SoftHSM in the test process itself: the module reads
    SOFTHSM2_CONF once, when it is first loaded, and stays loaded, so every in-process test
    shares this token (signed by its own test CA). Subprocess tests make their own tokens."""
    if not _SHARED:
        import atexit
        import tempfile

        from pki import issue, make_ca

        folder = Path(tempfile.mkdtemp(prefix="zwk-softhsm-"))
        atexit.register(shutil.rmtree, folder, True)
        ca = make_ca()
        signer = issue(ca, "Katrin Wendland", org="Gemeinde Lindenhagen am See")
        token = make_token(folder, signer, extra=(ca,))
        os.environ["SOFTHSM2_CONF"] = str(token.conf)
        _SHARED.append(SharedCard(token, ca, signer))
    return _SHARED[0]
