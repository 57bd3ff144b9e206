"""Trust anchors for verify (issue 17): with anchors the result says who issued the signer's
certificate, or that it is not trustworthy; without, that only integrity was checked."""

from __future__ import annotations

import json
import os
from pathlib import Path

import jsonschema
import pytest
from export_helpers import NOW, never_ask, new_store, package_file, ready_draft, run_cli
from pki import Issued, issue, make_ca, make_intermediate, pkcs12_file
from test_ministry_package import readme_schema

from zwk_desktop.formspec import get_form
from zwk_desktop.services.export import ExportResult, export_package
from zwk_desktop.services.paper import parse_paper_code
from zwk_desktop.services.trust import TrustError, load_anchors
from zwk_desktop.services.verify import verify_path


@pytest.fixture(scope="module")
def root() -> Issued:
    return make_ca("ZWK Test-Wurzel")


@pytest.fixture(scope="module")
def sub(root: Issued) -> Issued:
    return make_intermediate(root)


@pytest.fixture(scope="module")
def issued_package(
    tmp_path_factory: pytest.TempPathFactory, root: Issued, sub: Issued
) -> ExportResult:
    """Signed with a PKCS#12 identity whose certificate comes from the intermediate CA."""
    store = new_store(tmp_path_factory.mktemp("identities"))
    signer = issue(sub, "Katrin Wendland", org="Gemeinde Lindenhagen am See")
    identity, _ = store.import_pkcs12(
        pkcs12_file(signer, (sub,), b"geheim-123"), "geheim-123", funktion="Bürgermeisterin",
        remember=True,
    )  # fmt: skip
    key = store.unlock(identity, never_ask)
    return export_package(get_form(), ready_draft(), key, tmp_path_factory.mktemp("out"), now=NOW)


@pytest.fixture(scope="module")
def self_signed(tmp_path_factory: pytest.TempPathFactory) -> tuple[ExportResult, Path]:
    folder = tmp_path_factory.mktemp("self")
    store = new_store(folder)
    identity = store.create_self_signed(
        "Katrin Wendland", "Bürgermeisterin", "Lindenhagen", "", never_ask
    )
    key = store.unlock(identity, never_ask)
    result = export_package(get_form(), ready_draft(), key, tmp_path_factory.mktemp("o"), now=NOW)
    return result, folder / identity.id / "certificate.pem"


def anchors_of(tmp: Path, *certs: Issued) -> Path:
    folder = tmp / "anker"
    folder.mkdir()
    for n, c in enumerate(certs):
        c.write(folder / f"anker{n}.crt")
    (folder / "liesmich.txt").write_text("kein Zertifikat", encoding="utf-8")
    return folder


def test_an_anchored_chain_is_trusted_and_names_the_issuer(
    issued_package: ExportResult, root: Issued, tmp_path: Path
) -> None:
    anchors = load_anchors(anchors_of(tmp_path, root))
    for path in (issued_package.folder, issued_package.mail):
        report = verify_path(path, anchors=anchors)
        assert report.exit_code == 0, report.text()
        assert report.trust is not None and report.trust.trusted
        text = report.text()
        assert (
            "vertrauenswürdig ausgestellt von „ZWK Test-Unter-CA“ (Vertrauensanker "
            "„ZWK Test-Wurzel“)" in text
        )
        assert "offline nicht geprüft" in text and "nur die Unversehrtheit" not in text


def test_without_anchors_only_integrity_is_claimed(issued_package: ExportResult) -> None:
    report = verify_path(issued_package.folder)
    assert report.exit_code == 0 and report.trust is None
    text = report.text()
    assert "Geprüft wurde nur die Unversehrtheit" in text and "--trust" in text
    assert "Sperrstatus (Widerruf)" in text and "vertrauenswürdig ausgestellt" not in text


def test_another_anchor_is_not_trusted(issued_package: ExportResult, tmp_path: Path) -> None:
    stranger = make_ca("Fremde Wurzel")
    report = verify_path(
        issued_package.folder, anchors=load_anchors(stranger.write(tmp_path / "f.pem"))
    )
    assert report.exit_code == 1 and report.trust is not None and not report.trust.trusted
    text = report.text()
    assert "nicht vertrauenswürdig" in text and "führt zu keinem der Vertrauensanker" in text
    assert "Ergebnis: unverändert, aber nicht vertrauenswürdig" in text
    assert "UNGÜLTIG" not in text  # nothing was changed


def test_a_self_signed_identity_is_trusted_only_as_its_own_anchor(
    self_signed: tuple[ExportResult, Path], root: Issued, tmp_path: Path
) -> None:
    package, own = self_signed
    untrusted = verify_path(package.folder, anchors=load_anchors(root.write(tmp_path / "r.pem")))
    assert untrusted.exit_code == 1 and "nicht vertrauenswürdig" in untrusted.text()
    trusted = verify_path(package.folder, anchors=load_anchors(own))
    assert trusted.exit_code == 0, trusted.text()
    assert "das Zertifikat selbst ist als Vertrauensanker hinterlegt" in trusted.text()


def test_a_signed_package_can_be_compared_with_a_paper_code_too(
    issued_package: ExportResult,
) -> None:
    import hashlib

    digest = hashlib.sha256(package_file(issued_package.folder, ".json").read_bytes()).hexdigest()
    same = verify_path(issued_package.folder, papier=parse_paper_code(digest))
    assert same.exit_code == 0 and "stimmt mit dem gedruckten Prüfcode überein" in same.text()
    other = verify_path(issued_package.folder, papier=parse_paper_code("0" * 64))
    assert other.exit_code == 1 and "stimmt NICHT" in other.text()


def test_unreadable_anchors_are_named(tmp_path: Path, issued_package: ExportResult) -> None:
    with pytest.raises(TrustError, match="gibt es nicht"):
        load_anchors(tmp_path / "fehlt")
    empty = tmp_path / "leer"
    empty.mkdir()
    with pytest.raises(TrustError, match="liegt kein Zertifikat"):
        load_anchors(empty)
    junk = tmp_path / "kaputt.pem"
    junk.write_bytes(b"\x00\x01 kein Zertifikat")
    with pytest.raises(TrustError, match="kein lesbares Zertifikat"):
        load_anchors(junk)
    looping = tmp_path / "schleife"
    looping.mkdir()
    (looping / "a.pem").symlink_to("a.pem")  # ELOOP on reading: the cause in German (issue 15)
    with pytest.raises(TrustError) as caught:
        load_anchors(looping)
    assert "symbolischer Link" in str(caught.value) and "Too many" not in str(caught.value)
    env = {**os.environ, "ZWK_DATA_DIR": str(tmp_path / "data")}
    result = run_cli("verify", issued_package.folder, "--trust", junk, env=env)
    assert result.returncode == 2 and "kein lesbares Zertifikat" in result.stderr
    # with --json, a program still gets JSON (issue 11's schema): unreadable, with the reason
    as_json = run_cli("verify", "--json", issued_package.folder, "--trust", junk, env=env)
    assert as_json.returncode == 2 and "kein lesbares Zertifikat" in as_json.stderr
    out = json.loads(as_json.stdout)
    assert out["result"] == "nicht_lesbar" and "kein lesbares Zertifikat" in out["message"]
    jsonschema.validate(out, readme_schema())
    bad_code = run_cli("verify", "--json", issued_package.folder, "--papier", "00", env=env)
    assert bad_code.returncode == 2 and json.loads(bad_code.stdout)["result"] == "nicht_lesbar"
