"""verify: a valid package passes; a single flipped byte anywhere is found and named, every time."""

from __future__ import annotations

import random
import shutil
import subprocess
from pathlib import Path

import pytest
from export_helpers import NAMES, NOW, STEM, never_ask, new_store, ready_draft, run_cli

from zwk_desktop.formspec import get_form
from zwk_desktop.services.export import ExportResult, export_package
from zwk_desktop.services.verify import load_package, verify_files, verify_path

ATTACHMENT = f"{STEM}_Anlage-01_Beschluss-der-Gemeindevertretung-vom-24.pdf"
PDF, JSON, MANIFEST = NAMES["bewerbung.pdf"], NAMES["bewerbung.json"], NAMES["manifest.json"]
TARGETS = (PDF, JSON, MANIFEST, ATTACHMENT, NAMES["manifest.json.p7s"])
POSITIONS_PER_FILE = 50
"""5 files × 50 positions = 250 single-byte flips in total."""


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> ExportResult:
    store = new_store(tmp_path_factory.mktemp("identities"))
    identity = store.create_self_signed(
        "Katrin Wendland", "Bürgermeisterin", "Lindenhagen", "", never_ask
    )
    key = store.unlock(identity, never_ask)
    return export_package(get_form(), ready_draft(), key, tmp_path_factory.mktemp("out"), now=NOW)


def test_an_untouched_package_is_valid_as_folder_and_as_mail(package: ExportResult) -> None:
    for path in (package.folder, package.mail):
        report = verify_path(path)
        assert report.exit_code == 0, report.text()
        assert report.valid and not report.broken
        text = report.text()
        assert "Ergebnis: gültig" in text
        assert "Signatur gültig und deckt die ganze Datei ab" in text
        assert "identisch mit den im PDF eingebetteten Angaben" in text
        assert "erneute Prüfung ohne Fehler" in text


def _flip(data: bytes, position: int, rng: random.Random) -> bytes:
    changed = bytearray(data)
    changed[position] ^= rng.randrange(1, 256)
    return bytes(changed)


def test_every_single_byte_flip_is_detected_and_names_the_file(package: ExportResult) -> None:
    files = load_package(package.folder)
    rng = random.Random(20210720)
    flips = 0
    for target in TARGETS:
        original = files[target]
        positions = rng.sample(range(len(original)), min(POSITIONS_PER_FILE, len(original)))
        # Always include the first and last byte and the middle of the file.
        for position in {0, len(original) - 1, len(original) // 2, *positions}:
            tampered = dict(files)
            tampered[target] = _flip(original, position, rng)
            report = verify_files(tampered, "Test")
            assert report.exit_code == 1, (target, position, report.text())
            assert target in report.broken, (target, position, report.broken)
            flips += 1
    assert flips >= 200


def test_a_changed_embedded_json_is_named_even_with_a_matching_hash(package: ExportResult) -> None:
    files = load_package(package.folder)
    files[JSON] = files[JSON].replace(b"Lindenhagen", b"Lindenhagem", 1)
    report = verify_files(files, "Test")
    assert report.exit_code == 1
    assert JSON in report.broken


def test_a_missing_or_added_file_is_named(package: ExportResult) -> None:
    files = load_package(package.folder)
    del files[ATTACHMENT]
    files[f"{STEM}_Anlage-99_extra.pdf"] = b"%PDF-1.4\n"
    report = verify_files(files, "Test")
    assert report.exit_code == 1
    assert ATTACHMENT in report.broken and f"{STEM}_Anlage-99_extra.pdf" in report.broken


def test_an_appended_incremental_update_is_not_covered_by_the_signature(
    package: ExportResult,
) -> None:
    import io

    from pyhanko.pdf_utils.generic import pdf_string
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    from zwk_desktop.services.signing import check_pdf

    signed = (package.folder / PDF).read_bytes()
    assert check_pdf(signed).ok
    writer = IncrementalPdfFileWriter(io.BytesIO(signed))
    writer.set_info(None)
    writer.root["/Lang"] = pdf_string("en-US")
    writer.update_root()
    out = io.BytesIO()
    writer.write(out)
    check = check_pdf(out.getvalue())
    assert not check.ok
    assert "nicht die ganze Datei" in check.problem


def _cli(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return run_cli(*args)


def test_cli_verify_exit_codes_and_named_files(package: ExportResult, tmp_path: Path) -> None:
    ok = _cli("verify", package.folder)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert "Ergebnis: gültig" in ok.stdout
    assert _cli("verify", package.mail).returncode == 0
    for target in (PDF, MANIFEST, ATTACHMENT):
        copy = tmp_path / target.replace("/", "_") / package.folder.name
        shutil.copytree(package.folder, copy)
        data = bytearray((copy / target).read_bytes())
        data[len(data) // 3] ^= 0x20
        (copy / target).write_bytes(bytes(data))
        bad = _cli("verify", copy)
        assert bad.returncode == 1, bad.stdout + bad.stderr
        assert "UNGÜLTIG" in bad.stdout and target in bad.stdout.split("Ergebnis:")[1]
    missing = _cli("verify", tmp_path / "gibt-es-nicht")
    assert missing.returncode == 2 and "gibt es nicht" in missing.stderr
    not_a_package = tmp_path / "leer"
    not_a_package.mkdir()
    assert _cli("verify", not_a_package).returncode == 2


def test_cli_verify_finds_a_tampered_mail(package: ExportResult, tmp_path: Path) -> None:
    raw = package.mail.read_bytes()
    # Change one base64 character inside the attached PDF's body.
    head = raw.index(f'filename="{PDF}"'.encode())
    body = raw.index(b"\r\n\r\n", head) + 4
    position = body + 400
    swapped = b"A" if raw[position : position + 1] != b"A" else b"B"
    tampered = tmp_path / "tampered.eml"
    tampered.write_bytes(raw[:position] + swapped + raw[position + 1 :])
    result = _cli("verify", tampered)
    assert result.returncode == 1, result.stdout
    assert PDF in result.stdout.split("Ergebnis:")[1]
