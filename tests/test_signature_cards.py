"""Signature cards over PKCS#11 (issue 17), with a SoftHSM2 token and a test CA made here.

The command line runs as a script would (subprocesses, no keyring); the package is checked by
independent tools: poppler's pdfsig (the PDF signature and the certificate's CN) and
``openssl cms -verify`` with the test CA as the only trust anchor (the manifest's signature).
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
from pathlib import Path

import pytest
from export_helpers import example_draft, package_file, run_cli, tool
from pki import Issued, issue, make_ca, usage
from softhsm import MODULE, PIN, SoftToken, make_token, softhsm_folder

SIGNER = "Katrin Wendland"
ACCEPT = ("--accept-warnings", "Im Test geprüft.")


@pytest.fixture(scope="module")
def ca() -> Issued:
    return make_ca()


@pytest.fixture(scope="module")
def signer(ca: Issued) -> Issued:
    return issue(ca, SIGNER, org="Gemeinde Lindenhagen am See", email="k.wendland@example.org")


@pytest.fixture(scope="module")
def card(tmp_path_factory: pytest.TempPathFactory, ca: Issued, signer: Issued) -> SoftToken:
    # The card carries the CA certificate too, as issued signature cards often do.
    return make_token(tmp_path_factory.mktemp("softhsm"), signer, extra=(ca,))


@pytest.fixture
def env(tmp_path: Path, card: SoftToken) -> dict[str, str]:
    return card.env(
        {
            **os.environ,
            "ZWK_DATA_DIR": str(tmp_path / "data"),
            "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
        }
    )


def cli(
    env: dict[str, str], *args: str | Path, stdin: str = ""
) -> subprocess.CompletedProcess[str]:
    return run_cli(*args, env=env, stdin=stdin)


def add_card(env: dict[str, str], *extra: str) -> subprocess.CompletedProcess[str]:
    result = cli(env, "identity", "add-pkcs11", "--module", MODULE, "--token", "ZWK Testkarte",
                 "--funktion", "Bürgermeisterin", *extra)  # fmt: skip
    assert result.returncode == 0, result.stderr
    return result


def draft_file(tmp_path: Path) -> Path:
    path = tmp_path / "entwurf.zwk"
    path.write_bytes(example_draft().to_bytes())
    return path


def export(
    env: dict[str, str], tmp_path: Path, pin: str, out: Path
) -> subprocess.CompletedProcess[str]:
    return cli(env, "export", draft_file(tmp_path), "--out", out, "--identity", SIGNER,
               "--pin-stdin", *ACCEPT, stdin=pin + "\n")  # fmt: skip


def test_add_pkcs11_names_the_identity_after_the_certificate_and_stores_no_secret(
    env: dict[str, str], signer: Issued
) -> None:
    old_umask = os.umask(0o022)  # an ordinary umask: files would be 0644 unless made private
    try:
        added = add_card(env)
    finally:
        os.umask(old_umask)
    assert f"Signaturidentität eingerichtet: {SIGNER} (Bürgermeisterin)" in added.stdout
    if os.name == "posix":  # private from the start, like a file identity (issue 15)
        identities = Path(env["ZWK_DATA_DIR"]) / "identities"
        for path in [identities, *identities.rglob("*")]:
            mode = stat.S_IMODE(path.stat().st_mode)
            assert mode & 0o077 == 0, f"{path.name} is {oct(mode)}"
        assert not [p for p in identities.iterdir() if p.name.startswith(".")]  # no staging left
    assert "Kette vollständig" in added.stdout or "ZWK Test-CA" in added.stdout
    assert "PIN wird bei jeder Signatur abgefragt" in added.stdout
    listed = json.loads(cli(env, "identity", "list", "--json").stdout)["identities"]
    assert len(listed) == 1
    entry = listed[0]
    assert entry["name"] == SIGNER and entry["kind"] == "pkcs11"
    assert entry["kommune"] == "Gemeinde Lindenhagen am See"
    assert entry["email"] == "k.wendland@example.org"
    assert entry["token"]["token_label"] == "ZWK Testkarte" and entry["token"]["key_id"] == "01"
    assert entry["preflight"]["status"] == "in Ordnung" and not entry["preflight"]["blocking"]
    assert entry["preflight"]["chain"] == ["ZWK Test-CA"]
    folder = Path(env["ZWK_DATA_DIR"]) / "identities" / entry["id"]
    assert sorted(p.name for p in folder.iterdir()) == [
        "certificate.pem", "chain.pem", "identity.json", "token.json",
    ]  # fmt: skip
    for path in folder.iterdir():
        assert PIN.encode() not in path.read_bytes() and b"PRIVATE KEY" not in path.read_bytes()
    text = cli(env, "identity", "list").stdout
    assert "STATUS DES ZERTIFIKATS" in text and "Signaturkarte „ZWK Testkarte“" in text


def test_identity_tokens_lists_the_card_and_its_certificates_without_a_pin(
    env: dict[str, str],
) -> None:
    shown = cli(env, "identity", "tokens", "--module", MODULE)
    assert shown.returncode == 0, shown.stderr
    assert "Karte „ZWK Testkarte“" in shown.stdout
    assert f"Zertifikat „Signatur“ (ID 01): {SIGNER}" in shown.stdout
    assert "ZWK Test-CA" in shown.stdout


def test_export_with_the_card_is_checked_by_pdfsig_and_openssl_with_the_ca(
    env: dict[str, str], tmp_path: Path, ca: Issued
) -> None:
    add_card(env)
    out = tmp_path / "out"
    done = export(env, tmp_path, PIN, out)
    assert done.returncode == 0, done.stderr
    folder = next(p for p in out.iterdir() if p.is_dir())

    pdfsig = tool("pdfsig", package_file(folder, ".pdf"), check=False).stdout
    assert "Signature is Valid" in pdfsig, pdfsig
    assert f"Signer Certificate Common Name: {SIGNER}" in pdfsig
    assert "Total document signed" in pdfsig

    ca_file = ca.write(tmp_path / "ca.pem")
    verified = tool("openssl", "cms", "-verify", "-binary", "-inform", "DER",
                    "-in", package_file(folder, "_manifest.json.p7s"), "-content", package_file(folder, "_manifest.json"),
                    "-CAfile", ca_file, "-out", os.devnull, check=False)  # fmt: skip
    assert verified.returncode == 0, verified.stderr
    assert "Verification successful" in verified.stderr
    stranger = make_ca("Fremde CA").write(tmp_path / "fremd.pem")
    refused = tool("openssl", "cms", "-verify", "-binary", "-inform", "DER",
                   "-in", package_file(folder, "_manifest.json.p7s"), "-content", package_file(folder, "_manifest.json"),
                   "-CAfile", stranger, "-out", os.devnull, check=False)  # fmt: skip
    assert refused.returncode != 0

    plain = cli(env, "verify", folder)
    assert plain.returncode == 0, plain.stdout
    assert "nur die Unversehrtheit" in plain.stdout and "Sperrstatus" in plain.stdout
    trusted = cli(env, "verify", folder, "--trust", ca_file)
    assert trusted.returncode == 0, trusted.stdout
    assert "vertrauenswürdig ausgestellt von „ZWK Test-CA“" in trusted.stdout
    untrusted = cli(env, "verify", folder.with_suffix(".eml"), "--trust", stranger)
    assert untrusted.returncode == 1
    assert "nicht vertrauenswürdig" in untrusted.stdout
    assert "Ergebnis: unverändert, aber nicht vertrauenswürdig" in untrusted.stdout


def test_a_wrong_pin_writes_nothing_and_says_so_in_german(
    env: dict[str, str], tmp_path: Path
) -> None:
    add_card(env)
    out = tmp_path / "out"
    wrong = export(env, tmp_path, "000000", out)
    assert wrong.returncode == 1
    assert "Die PIN ist falsch" in wrong.stderr and "Traceback" not in wrong.stderr
    assert not out.exists() or list(out.iterdir()) == []


def test_a_removed_card_writes_nothing_and_says_so_in_german(
    env: dict[str, str], tmp_path: Path
) -> None:
    add_card(env)
    # The same module, but it finds no card: the token folder is empty.
    empty = {**env, "SOFTHSM2_CONF": str(softhsm_folder(tmp_path / "leer"))}
    out = tmp_path / "out"
    missing = export(empty, tmp_path, PIN, out)
    assert missing.returncode == 1
    assert "Die Signaturkarte „ZWK Testkarte“ wurde nicht gefunden" in missing.stderr
    assert "Traceback" not in missing.stderr
    assert not out.exists() or list(out.iterdir()) == []


def test_another_card_with_the_same_label_is_refused(
    env: dict[str, str], tmp_path: Path, ca: Issued
) -> None:
    add_card(env)
    renewed = make_token(tmp_path / "neu", issue(ca, SIGNER, org="Gemeinde Lindenhagen am See"))
    out = tmp_path / "out"
    other = export(renewed.env(env), tmp_path, PIN, out)
    assert other.returncode == 1
    assert "anderes Zertifikat als bei der Einrichtung" in other.stderr
    assert not out.exists() or list(out.iterdir()) == []


def test_a_card_with_several_certificates_needs_the_key_label(
    tmp_path: Path, ca: Issued, signer: Issued
) -> None:
    auth = issue(ca, SIGNER, key_usage=usage(signature=True, non_repudiation=False))
    both = make_token(tmp_path / "zwei", signer, others=((auth, "Authentisierung", "02"),))
    env = both.env({**os.environ, "ZWK_DATA_DIR": str(tmp_path / "data")})
    # The qualified one (nonRepudiation) is chosen by itself ...
    chosen = cli(env, "identity", "add-pkcs11", "--module", MODULE, "--funktion", "x")
    assert chosen.returncode == 0, chosen.stderr
    listed = json.loads(cli(env, "identity", "list", "--json").stdout)["identities"]
    assert [e["token"]["key_label"] for e in listed] == ["Signatur"]
    # ... and a name that is not on the card is refused with the list of what is.
    unknown = cli(env, "identity", "add-pkcs11", "--module", MODULE, "--funktion", "x",
                  "--key-label", "Gibt es nicht")  # fmt: skip
    assert unknown.returncode == 1
    assert "„Signatur“ (ID 01)" in unknown.stderr and "„Authentisierung“ (ID 02)" in unknown.stderr


def test_a_missing_module_is_named(env: dict[str, str], tmp_path: Path) -> None:
    result = cli(
        env, "identity", "add-pkcs11", "--module", tmp_path / "fehlt.so", "--funktion", "x"
    )
    assert result.returncode == 1
    assert "ist nicht installiert" in result.stderr and "Traceback" not in result.stderr


def test_listing_identities_loads_no_card_or_signing_library(env: dict[str, str]) -> None:
    add_card(env)
    probe = (
        "import sys\nfrom zwk_desktop.cli.main import main\nmain(['identity', 'list'])\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'pkcs11', 'pyhanko', 'reportlab'}))"
    )
    done = subprocess.run([os.sys.executable, "-c", probe], env=env, capture_output=True,
                          text=True, check=True, timeout=120)  # fmt: skip
    assert done.stdout.strip().splitlines()[-1] == "[]"


def test_a_certificate_without_id_or_label_finds_its_key(tmp_path: Path, ca: Issued) -> None:
    bare = make_token(tmp_path / "hsm", issue(ca, SIGNER), bare_certificate=True)
    env = bare.env({**os.environ, "ZWK_DATA_DIR": str(tmp_path / "data")})
    added = cli(env, "identity", "add-pkcs11", "--module", MODULE, "--funktion", "x")
    assert added.returncode == 0, added.stderr
    out = tmp_path / "out"
    done = export(env, tmp_path, PIN, out)
    assert done.returncode == 0, done.stderr
    folder = next(p for p in out.iterdir() if p.is_dir())
    assert "Signature is Valid" in tool("pdfsig", package_file(folder, ".pdf"), check=False).stdout
