"""Hostile packages and mails (issue 15): a forged duplicate attachment, parts nested or without
a name, decompression bombs in the PDF, pyHanko's log, and special files in a package folder."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
import time
import zlib
from pathlib import Path

import pytest
from export_helpers import NAMES, NOW, never_ask, new_store, ready_draft
from hostile import CORPUS, forged_mails, pdf_bomb, pdf_with_embedded
from store_helpers import is_german_sentence

from zwk_desktop.formspec import get_form
from zwk_desktop.services.export import ExportResult, export_package
from zwk_desktop.services.inflate import InflateLimit, inflate, pdf_inflated_size
from zwk_desktop.services.pdf_embed import EmbeddedTooLarge, embedded_json
from zwk_desktop.services.verify import verify_path


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> ExportResult:
    store = new_store(tmp_path_factory.mktemp("identities"))
    identity = store.create_self_signed(
        "Katrin Wendland", "Bürgermeisterin", "Lindenhagen", "", never_ask
    )
    key = store.unlock(identity, never_ask)
    return export_package(get_form(), ready_draft(), key, tmp_path_factory.mktemp("out"), now=NOW)


def cli(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "zwk_desktop", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        timeout=120,
    )


# --------------------------------------------------------------------------- forged mails


def test_the_real_mail_is_valid(package: ExportResult) -> None:
    assert verify_path(package.mail).exit_code == 0


@pytest.mark.parametrize(
    ("name", "subject", "phrase"),
    [
        ("mail-duplicate-json.eml", "bewerbung.json", "2-mal"),
        ("mail-duplicate-pdf.eml", "bewerbung.pdf", "2-mal"),
        ("mail-extra-attachment.eml", "rechnung.pdf", "nicht im signierten Verzeichnis"),
        ("mail-nested-forgery.eml", "bewerbung.json", "2-mal"),
        ("mail-unnamed-part.eml", "E-Mail", "ohne Namen"),
    ],
)
def test_a_mail_that_shows_something_else_than_was_signed_is_invalid(
    package: ExportResult, tmp_path: Path, name: str, subject: str, phrase: str
) -> None:
    forged = tmp_path / name
    forged.write_bytes(forged_mails(package.mail.read_bytes())[name])
    subject = NAMES.get(subject, subject)  # the package's own names (issue 11)
    report = verify_path(forged)
    assert report.exit_code == 1, report.text()
    assert subject in report.broken
    assert any(phrase in c.message for c in report.checks if not c.ok), report.text()
    result = cli("verify", forged)
    assert result.returncode == 1 and "UNGÜLTIG" in result.stdout and subject in result.stdout
    assert "Traceback" not in result.stderr


def test_munpack_sees_the_forged_json_first(package: ExportResult, tmp_path: Path) -> None:
    """Why a duplicate matters: munpack (and mail programs) take the first of two names."""
    if shutil.which("munpack") is None:
        pytest.skip("munpack fehlt (Debian mpack)")
    forged = tmp_path / "f.eml"
    forged.write_bytes(forged_mails(package.mail.read_bytes())["mail-duplicate-json.eml"])
    out = tmp_path / "unpacked"
    out.mkdir()
    subprocess.run(["munpack", "-q", "-C", str(out), str(forged)], check=True, timeout=60)
    assert b'"einwohner": 9999' in (out / NAMES["bewerbung.json"]).read_bytes()
    assert verify_path(forged).exit_code == 1


# --------------------------------------------------------------------------- bombs


def test_inflate_is_bounded() -> None:
    data = zlib.compress(bytes(10_000_000))
    with pytest.raises(InflateLimit):
        inflate(data, 1_000_000)
    assert inflate(data, 10_000_000) == bytes(10_000_000)


def test_the_pdf_bomb_is_refused_before_any_pdf_library_sees_it() -> None:
    bomb = pdf_bomb(4)
    assert len(bomb) < 16_000
    started = time.process_time()
    with pytest.raises(InflateLimit):
        pdf_inflated_size(bomb, 32 * 1024 * 1024)
    with pytest.raises(EmbeddedTooLarge):
        embedded_json(bomb)
    assert time.process_time() - started < 3


def test_a_normal_pdf_passes_the_count(package: ExportResult) -> None:
    pdf = (package.folder / NAMES["bewerbung.pdf"]).read_bytes()
    size = pdf_inflated_size(pdf, 256 * 1024 * 1024)
    assert 0 < size < 50 * len(pdf)
    assert embedded_json(pdf) == (package.folder / NAMES["bewerbung.json"]).read_bytes()
    once = pdf_with_embedded(zlib.compress(zlib.compress(b'{"a": 1}')))
    assert embedded_json(once) == b'{"a": 1}'


def test_verify_of_the_pdf_bomb_beside_any_manifest(capsys: pytest.CaptureFixture[str]) -> None:
    report = verify_path(CORPUS / "pdf-bomb-package")
    assert report.exit_code == 1
    assert any("Dekompressionsbombe" in c.message for c in report.checks), report.text()


def test_a_bomb_inside_a_signed_package_is_invalid(package: ExportResult, tmp_path: Path) -> None:
    copy = tmp_path / "paket"
    shutil.copytree(package.folder, copy)
    (copy / NAMES["bewerbung.pdf"]).write_bytes(pdf_bomb(4))
    result = cli("verify", copy)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Dekompressionsbombe" in result.stdout and "Traceback" not in result.stderr


# --------------------------------------------------------------------------- pyHanko's log


def test_an_update_after_the_signature_is_summarised_without_a_traceback(
    package: ExportResult, tmp_path: Path
) -> None:
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    copy = tmp_path / "paket"
    shutil.copytree(package.folder, copy)
    pdf = copy / NAMES["bewerbung.pdf"]
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf.read_bytes()))
    writer.root["/Lang"] = generic.TextStringObject("en")
    writer.update_root()
    out = io.BytesIO()
    writer.write(out)
    pdf.write_bytes(out.getvalue())
    result = cli("verify", copy)
    assert result.returncode == 1
    assert "nicht zulässig" in result.stdout
    assert "Traceback" not in result.stderr and "SuspiciousModification" not in result.stderr
    assert result.stderr.strip() == "" or is_german_sentence(result.stderr)


# --------------------------------------------------------------------------- package folders


def test_links_and_special_files_in_a_package_folder_are_findings(
    package: ExportResult, tmp_path: Path
) -> None:
    copy = tmp_path / "paket"
    shutil.copytree(package.folder, copy)
    secret = tmp_path / "geheim.txt"
    secret.write_text("geheim")
    (copy / "link.pdf").symlink_to(secret)
    (copy / "anlagen").mkdir()  # a subfolder too (format-1 packages had one)
    os.mkfifo(copy / "anlagen" / "pipe.pdf")
    started = time.monotonic()
    report = verify_path(copy)
    assert time.monotonic() - started < 30  # the pipe is never opened for reading
    assert report.exit_code == 1
    assert {"link.pdf", "anlagen/pipe.pdf"} <= set(report.broken)


def test_verify_of_a_missing_or_special_path_is_unreadable(tmp_path: Path) -> None:
    assert verify_path(tmp_path / "fehlt.eml").exit_code == 2
    os.mkfifo(tmp_path / "pipe.eml")
    report = verify_path(tmp_path / "pipe.eml")
    assert report.exit_code == 2 and is_german_sentence(report.unreadable)
