"""The paper path (issue 17): a "Druckfassung zur Unterschrift" whose QR code ties the
hand-signed print to the data sent by e-mail, read back with zbarimg, and ``verify --papier``."""

from __future__ import annotations

import email
import email.policy
import hashlib
import json
import os
import re
import subprocess
from pathlib import Path

import pytest
from export_helpers import example_draft, package_file, run_cli, tool

from zwk_desktop.services.paper import PaperCodeError, parse_paper_code

ACCEPT = ("--accept-warnings", "Im Test geprüft.")


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    return {
        **os.environ,
        "ZWK_DATA_DIR": str(tmp_path_factory.mktemp("data")),
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
    }


@pytest.fixture(scope="module")
def paper(tmp_path_factory: pytest.TempPathFactory, env: dict[str, str]) -> Path:
    """The package folder written by ``export --papier`` (module-wide: read only)."""
    tmp = tmp_path_factory.mktemp("papier")
    draft = tmp / "entwurf.zwk"
    draft.write_bytes(example_draft().to_bytes())
    done = run_cli("export", draft, "--out", tmp / "out", "--papier", *ACCEPT, env=env)
    assert done.returncode == 0, done.stderr
    assert "Druckfassung zur Unterschrift" in done.stdout and "per Post" in done.stdout
    return next(p for p in (tmp / "out").iterdir() if p.is_dir())


def scan_qr(pdf: Path, tmp: Path) -> str:
    """Render the page with the signature lines at 200 dpi and decode its QR code."""
    pages = tool("pdftotext", "-layout", pdf, "-").stdout.split("\f")
    page = next(i for i, t in enumerate(pages, 1) if "Unterschrift der unterzeichnenden" in t)
    tool("pdftoppm", "-r", "200", "-f", str(page), "-l", str(page), "-png", pdf, tmp / "seite")
    image = next(tmp.glob("seite*.png"))
    return tool("zbarimg", "--raw", "-q", image).stdout.strip()


def test_the_qr_code_decodes_to_the_hash_of_bewerbung_json(paper: Path, tmp_path: Path) -> None:
    digest = hashlib.sha256((package_file(paper, ".json")).read_bytes()).hexdigest()
    decoded = scan_qr(package_file(paper, ".pdf"), tmp_path)
    assert re.fullmatch(
        rf"ZWK1;AGS=12073999;SHA256={digest};FORM=zwk-2021;V=1;RS=2021\.1", decoded
    ), decoded
    assert parse_paper_code(decoded).sha256 == digest


def test_the_print_is_for_signing_by_hand_and_the_package_is_unsigned(paper: Path) -> None:
    text = tool("pdftotext", package_file(paper, ".pdf"), "-").stdout
    assert "Druckfassung zur Unterschrift" in text and "ENTWURF" not in text
    assert "Unterschrift der unterzeichnenden Person" in text and "Dienstsiegel" in text
    digest = hashlib.sha256((package_file(paper, ".json")).read_bytes()).hexdigest()
    joined = re.sub(r"\s+", "", text)
    assert digest in joined  # printed in groups beside the QR code, to compare by eye
    # the paper names the JSON as the reviewer finds it in the mail (issue 11's names)
    json_name = package_file(paper, ".json").name
    assert f"„{json_name}“ per E-Mail eingereicht" in re.sub(r"\s*\n\s*", "", text)
    assert "bewerbung.json“ per E-Mail" not in joined and "vonbewerbung.json" not in joined
    signatures = tool("pdfsig", package_file(paper, ".pdf"), check=False)
    assert "does not contain any signature" in signatures.stdout + signatures.stderr
    stem = package_file(paper, "").name
    assert sorted(
        p.name.removeprefix(stem) for p in paper.iterdir() if "_Anlage-" not in p.name
    ) == [
        ".json",
        ".pdf",
        "_manifest.json",
        "_pruefprotokoll.json",
    ]  # fmt: skip  (no signature file: the print is signed by hand)
    manifest = json.loads((package_file(paper, "_manifest.json")).read_bytes())
    assert manifest["signature"]["kind"] == "papier"
    assert parse_paper_code(manifest["signature"]["code"]).sha256 == digest
    embedded = tool("pdfdetach", "-list", package_file(paper, ".pdf")).stdout
    assert "bewerbung.json" in embedded
    mail = email.message_from_bytes(
        paper.with_suffix(".eml").read_bytes(), policy=email.policy.default
    )
    body = mail.get_body(preferencelist=("plain",))
    assert body is not None
    content = body.get_content()
    assert "unterschriebene Papierfassung folgt per" in content and "Post" in content
    assert "manifest.json.p7s" not in content and ".p7s" not in content


def test_verify_needs_the_printed_code_and_accepts_the_scanned_one(
    paper: Path, env: dict[str, str], tmp_path: Path
) -> None:
    pending = run_cli("verify", paper, env=env)
    assert pending.returncode == 1, pending.stdout
    assert "NICHT BESTÄTIGT" in pending.stdout and "--papier" in pending.stdout
    code = scan_qr(package_file(paper, ".pdf"), tmp_path)
    for target in (paper, paper.with_suffix(".eml"), package_file(paper, ".json")):
        ok = run_cli("verify", target, "--papier", code, env=env)
        assert ok.returncode == 0, ok.stdout
        assert "stimmt mit" in ok.stdout and "Ergebnis: gültig" in ok.stdout
    digest = parse_paper_code(code).sha256
    typed = " ".join(digest[i : i + 16] for i in range(0, 64, 16))  # as printed, in groups
    assert (
        run_cli("verify", package_file(paper, ".json"), "--papier", typed, env=env).returncode == 0
    )


def test_verify_rejects_a_changed_json_even_with_a_matching_manifest(
    paper: Path, env: dict[str, str], tmp_path: Path
) -> None:
    code = scan_qr(package_file(paper, ".pdf"), tmp_path)
    changed = tmp_path / "bewerbung.json"
    record = json.loads((package_file(paper, ".json")).read_bytes())
    record["data"]["kommune"]["name"] = "Gemeinde Anderswo"
    changed.write_bytes((json.dumps(record, ensure_ascii=False, indent=2) + "\n").encode())
    refused = run_cli("verify", changed, "--papier", code, env=env)
    assert refused.returncode == 1
    assert "stimmt NICHT mit der Papierfassung überein" in refused.stdout
    # the result says so, rather than asking for the code that was given (--papier)
    result = refused.stdout.split("Ergebnis: ", 1)[1]
    assert result.startswith("UNGÜLTIG") and "--papier" not in result, result
    # A forged package: the JSON changed and the manifest's hash recomputed to match.
    forged = tmp_path / "paket"
    subprocess.run(["cp", "-r", paper, forged], check=True)
    (package_file(forged, ".json")).write_bytes(changed.read_bytes())
    manifest = json.loads((package_file(forged, "_manifest.json")).read_bytes())
    for entry in manifest["files"]:
        if entry["path"] == package_file(forged, ".json").name:
            entry["sha256"] = hashlib.sha256(changed.read_bytes()).hexdigest()
            entry["size"] = len(changed.read_bytes())
    (package_file(forged, "_manifest.json")).write_text(json.dumps(manifest), encoding="utf-8")
    caught = run_cli("verify", forged, "--papier", code, env=env)
    assert caught.returncode == 1 and "stimmt NICHT" in caught.stdout


def test_a_code_that_is_no_code_is_unreadable(paper: Path, env: dict[str, str]) -> None:
    bad = run_cli("verify", paper, "--papier", "hallo", env=env)
    assert bad.returncode == 2 and "kein Prüfcode einer ZWK-Druckfassung" in bad.stderr
    with pytest.raises(PaperCodeError, match="fehlt die SHA-256"):
        parse_paper_code("ZWK1;AGS=1;SHA256=abc")


def test_paper_export_refuses_errors_and_an_identity(env: dict[str, str], tmp_path: Path) -> None:
    draft = example_draft()
    draft.data["kommune"]["ags"] = "12"
    broken = tmp_path / "fehler.zwk"
    broken.write_bytes(draft.to_bytes())
    refused = run_cli("export", broken, "--out", tmp_path / "out", "--papier", *ACCEPT, env=env)
    assert refused.returncode == 1 and "Fehler kommune.ags" in refused.stderr
    assert not (tmp_path / "out").exists()
    both = run_cli(
        "export", broken, "--out", tmp_path / "out", "--papier", "--identity", "x", env=env
    )
    assert both.returncode == 2 and "schließen sich aus" in both.stderr
