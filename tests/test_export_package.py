"""A full export of an example, checked with independent tools run as subprocesses."""

from __future__ import annotations

import email
import email.policy
import hashlib
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from export_helpers import (
    NAMES,
    NOW,
    STEM,
    example_draft,
    never_ask,
    new_store,
    ready_draft,
    tool,
)

from zwk_desktop.domain.draft import Draft
from zwk_desktop.formspec import get_form
from zwk_desktop.services import naming
from zwk_desktop.services.export import (
    STEPS,
    ExportError,
    ExportResult,
    acknowledge_all,
    export_package,
    readiness,
)
from zwk_desktop.services.identities import SigningKey
from zwk_desktop.services.package import canonical_json


@dataclass(frozen=True)
class Exported:
    result: ExportResult
    draft: Draft
    key: SigningKey
    out: Path

    def file(self, name: str) -> Path:
        """A file of the package by its role's former name ("bewerbung.pdf")."""
        return self.result.folder / NAMES.get(name, name)


@pytest.fixture(scope="module")
def signer(tmp_path_factory: pytest.TempPathFactory) -> SigningKey:
    store = new_store(tmp_path_factory.mktemp("identities"))
    identity = store.create_self_signed(
        "Katrin Wendland",
        "Bürgermeisterin",
        "Gemeinde Lindenhagen am See",
        "k@example.org",
        never_ask,
    )
    return store.unlock(identity, never_ask)


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory, signer: SigningKey) -> Exported:
    out = tmp_path_factory.mktemp("out")
    draft = ready_draft()
    steps: list[str] = []
    result = export_package(
        get_form(), draft, signer, out, now=NOW, progress=lambda i, s: steps.append(s)
    )
    assert steps == list(STEPS)
    return Exported(result, draft, signer, out)


def test_package_layout_and_names(exported: Exported) -> None:
    folder = exported.result.folder
    assert folder.name == "ZWK-Bewerbung_12073999_Gemeinde-Lindenhagen-am-See_2021-07-15"
    assert exported.result.mail == folder.with_suffix(".eml")
    names = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())
    assert names == sorted(
        [
            *NAMES.values(),
            f"{STEM}_Anlage-01_Beschluss-der-Gemeindevertretung-vom-24.pdf",
            f"{STEM}_Anlage-02_Unterstuetzungsschreiben-des.png",  # cut at a word (issue 13)
        ]
    )
    assert all(n.isascii() for n in names)
    # Nothing else was left in the output folder (no temporary folder, no .tmp file).
    assert sorted(p.name for p in exported.out.iterdir()) == sorted(
        [folder.name, exported.result.mail.name]
    )


def test_pdfsig_reports_a_valid_signature_over_the_whole_document(exported: Exported) -> None:
    out = tool("pdfsig", exported.file("bewerbung.pdf")).stdout
    assert "Signature is Valid." in out
    assert "Total document signed" in out
    assert out.count("Signature #") == 1
    assert "Katrin Wendland" in out
    assert exported.file("bewerbung.pdf").read_bytes().startswith(b"%PDF-1.7")


def test_pdfdetach_extracts_the_identical_json(exported: Exported, tmp_path: Path) -> None:
    listing = tool("pdfdetach", "-list", exported.file("bewerbung.pdf")).stdout
    assert "bewerbung.json" in listing
    tool("pdfdetach", "-saveall", "-o", tmp_path, exported.file("bewerbung.pdf"))
    assert (tmp_path / "bewerbung.json").read_bytes() == exported.file(
        "bewerbung.json"
    ).read_bytes()


def pdffonts_rows(pdf: Path) -> list[dict[str, str]]:
    """pdffonts' table as dicts, columns cut where its dashed line has gaps."""
    lines = tool("pdffonts", pdf).stdout.splitlines()
    spans = [m.span() for m in re.finditer(r"-+", lines[1])]
    head = [lines[0][a:b].strip() for a, b in spans]
    return [
        dict(zip(head, (line[a:b].strip() for a, b in spans), strict=True)) for line in lines[2:]
    ]


def test_pdffonts_lists_only_embedded_fonts(exported: Exported) -> None:
    rows = pdffonts_rows(exported.file("bewerbung.pdf"))
    assert rows, "no fonts listed"
    assert all(r["emb"] == "yes" and r["sub"] == "yes" for r in rows), rows
    assert any("NotoSans" in r["name"] for r in rows)


def test_qpdf_check_is_clean(exported: Exported) -> None:
    result = tool("qpdf", "--check", exported.file("bewerbung.pdf"))
    assert "No syntax or stream encoding errors found" in result.stdout
    assert "WARNING" not in result.stdout + result.stderr


def test_openssl_accepts_the_manifest_signature(exported: Exported) -> None:
    result = tool(
        "openssl",
        "cms",
        "-verify",
        "-binary",
        "-inform",
        "DER",
        "-in",
        exported.file("manifest.json.p7s"),
        "-content",
        exported.file("manifest.json"),
        "-noverify",
        "-out",
        os.devnull,
    )
    assert "Verification successful" in result.stderr


def test_pdftotext_shows_kommune_ags_and_german_amounts(exported: Exported) -> None:
    text = tool("pdftotext", "-layout", exported.file("bewerbung.pdf"), "-").stdout
    assert "Gemeinde Lindenhagen am See" in text
    assert "12073999" in text
    assert re.search(r"40\.000,00\s€", text), "cap in German format"
    assert re.search(r"61\.000,00\s€", text), "total of the budget"
    assert re.search(r"Seite 1 von \d+", text)
    assert "Elektronisch signiert von" not in text or "Katrin Wendland" in text


def test_pdf_metadata_language_title_author_and_pdfa_preparation(exported: Exported) -> None:
    info = tool("pdfinfo", exported.file("bewerbung.pdf")).stdout
    assert (
        "Title:           Bewerbung Zukunftswerkstatt Kommunen – Gemeinde Lindenhagen am See"
        in info
    )
    assert "Author:          Gemeinde Lindenhagen am See" in info
    assert re.search(r"PDF version:\s+1\.7", info)
    import pikepdf

    with pikepdf.open(exported.file("bewerbung.pdf")) as pdf:
        assert str(pdf.Root.Lang) == "de-DE"
        assert pdf.Root.AF[0].AFRelationship == pikepdf.Name.Data
        assert pdf.Root.OutputIntents[0].S == pikepdf.Name.GTS_PDFA1
        meta = pdf.open_metadata()
        assert meta["pdfaid:part"] == "3" and meta["pdfaid:conformance"] == "B"


def test_bewerbung_json_is_deterministic_and_the_normalised_draft(exported: Exported) -> None:
    spec = get_form()
    raw = exported.file("bewerbung.json").read_bytes()
    assert raw == canonical_json(spec, exported.draft) == canonical_json(spec, ready_draft())
    parsed = json.loads(raw)
    assert parsed["format"] == "zwk-application" and parsed["form"] == {
        "id": "zwk-2021",
        "version": "1",
    }
    assert "files" not in parsed and "acknowledgements" not in parsed


def test_manifest_lists_every_file_with_hash_and_signer(exported: Exported) -> None:
    manifest = json.loads(exported.file("manifest.json").read_bytes())
    assert manifest["signer"]["certificate_sha256"] == exported.key.identity.fingerprint
    assert manifest["form"]["rule_set_version"] == get_form().rule_set_version
    assert manifest["data_format"] == {"format": "zwk-application", "format_version": 1}
    listed = {f["path"]: f for f in manifest["files"]}
    on_disk = {
        p.relative_to(exported.result.folder).as_posix(): p.read_bytes()
        for p in exported.result.folder.rglob("*")
        if p.is_file() and not p.name.startswith(NAMES["manifest.json"])
    }
    assert set(listed) == set(on_disk)
    for path, content in on_disk.items():
        assert listed[path]["sha256"] == hashlib.sha256(content).hexdigest()
        assert listed[path]["size"] == len(content)
    assert (
        exported.result.manifest_sha256
        == hashlib.sha256(exported.file("manifest.json").read_bytes()).hexdigest()
    )


def test_pruefprotokoll_records_rule_set_and_acknowledgements(
    exported: Exported, signer: SigningKey, tmp_path: Path
) -> None:
    spec = get_form()
    protocol = json.loads(exported.file("pruefprotokoll.json").read_bytes())
    assert protocol["rule_set_version"] == spec.rule_set_version
    assert protocol["result"]["errors"] == 0
    # A draft with a warning: exported only once it is acknowledged, and the text is recorded.
    draft = example_draft()
    draft.data["ausgangslage"].pop("anteil_migration", None)
    ready = readiness(spec, draft)
    assert ready.report.valid and ready.unacknowledged
    with pytest.raises(ExportError, match="nicht bestätigt"):
        export_package(spec, draft, signer, tmp_path, now=NOW)
    assert list(tmp_path.iterdir()) == []
    acked = acknowledge_all(draft, ready.unacknowledged, "Daten liegen erst im Herbst vor.")
    result = export_package(spec, acked, signer, tmp_path, now=NOW)
    protocol = json.loads((result.folder / NAMES["pruefprotokoll.json"]).read_bytes())
    entries = {(a["code"], a["path"]): a for a in protocol["acknowledged_warnings"]}
    assert ("recommended_missing", "ausgangslage.anteil_migration") in entries
    assert (
        entries[("recommended_missing", "ausgangslage.anteil_migration")]["justification"]
        == "Daten liegen erst im Herbst vor."
    )


def test_export_refuses_a_draft_with_errors(signer: SigningKey, tmp_path: Path) -> None:
    draft = example_draft()
    draft.data["kommune"]["ags"] = "123"
    with pytest.raises(ExportError, match="Fehler"):
        export_package(get_form(), draft, signer, tmp_path, now=NOW)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("fail_at", [1, 3, 5, 7])
def test_a_failure_at_any_step_leaves_no_half_written_package(
    signer: SigningKey, tmp_path: Path, fail_at: int
) -> None:
    def progress(index: int, label: str) -> None:
        if index == fail_at:
            raise OSError(28, "No space left on device")

    with pytest.raises(OSError):
        export_package(get_form(), ready_draft(), signer, tmp_path, now=NOW, progress=progress)
    assert list(tmp_path.iterdir()) == []


def test_a_second_export_on_the_same_day_gets_its_own_folder(exported: Exported) -> None:
    again = export_package(get_form(), exported.draft, exported.key, exported.out, now=NOW)
    assert again.folder.name == exported.result.folder.name + "_2"
    assert again.mail.name == again.folder.name + ".eml"
    assert (again.folder / NAMES["bewerbung.json"]).read_bytes() == exported.file(
        "bewerbung.json"
    ).read_bytes()
    assert exported.result.folder.is_dir()


# --------------------------------------------------------------------------- the e-mail


def test_mail_headers_and_body(exported: Exported) -> None:
    msg = email.message_from_bytes(exported.result.mail.read_bytes(), policy=email.policy.default)
    assert msg["To"] == "zwk@bmfsfj.bund.de"
    assert msg["Subject"] == "Bewerbung Zukunftswerkstatt Kommunen – Gemeinde Lindenhagen am See"
    assert msg["X-Unsent"] == "1"
    body = msg.get_body(preferencelist=("plain",))
    assert body is not None
    text = body.get_content()
    assert exported.result.manifest_sha256 in text
    assert "Sehr geehrte Damen und Herren" in text


def _package_files(exported: Exported) -> dict[str, bytes]:
    folder = exported.result.folder
    return {
        naming.mail_name(p.relative_to(folder).as_posix()): p.read_bytes()
        for p in folder.rglob("*")
        if p.is_file()
    }


def test_python_mail_parser_recovers_every_attachment_byte_exact(exported: Exported) -> None:
    msg = email.message_from_bytes(exported.result.mail.read_bytes(), policy=email.policy.default)
    attached = {
        part.get_filename(): part.get_payload(decode=True) for part in msg.iter_attachments()
    }
    assert attached == _package_files(exported)
    assert all(name.isascii() for name in attached)
    assert not any(name.endswith(".zip") for name in attached)


def test_munpack_recovers_every_attachment_byte_exact(exported: Exported, tmp_path: Path) -> None:
    tool("munpack", "-q", "-C", tmp_path, exported.result.mail)
    unpacked = {p.name: p.read_bytes() for p in tmp_path.iterdir() if not p.name.endswith(".desc")}
    assert unpacked == _package_files(exported)


def test_the_mail_size_is_checked_before_the_export_starts(
    signer: SigningKey, tmp_path: Path
) -> None:
    draft = ready_draft()
    anlagen = draft.data["anlagen"]
    for n in range(3):  # three attachments of 8 MB: each allowed, together too large for a mail
        content = b"%PDF-1.4\n" + bytes([n]) * (8 * 1024 * 1024)
        sha = hashlib.sha256(content).hexdigest()
        draft.files[sha] = content
        anlagen.append(
            {
                "art": "sonstiges",
                "titel": f"Plan {n}",
                "datei": f"plan{n}.pdf",
                "sha256": sha,
                "groesse": len(content),
            }
        )
    steps: list[str] = []
    with pytest.raises(ExportError, match="Fehler"):
        export_package(
            get_form(), draft, signer, tmp_path, now=NOW, progress=lambda i, s: steps.append(s)
        )
    assert steps == [STEPS[0]]  # refused while checking, before the PDF is set
    assert "package_too_large_for_mail" in [
        f.code for f in readiness(get_form(), draft).report.errors
    ]
    assert list(tmp_path.iterdir()) == []
