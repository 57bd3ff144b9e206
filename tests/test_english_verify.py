"""The English window shows the rows of the package verification in English (issue 10, item 12,
left open): real exported packages (valid, tampered in every way the check names, signed by the
wrong person, checked against foreign trust anchors, on the paper path, forged mails) are
verified, and every row the Prüfansicht and the Posteingang show is English. ``zwk-desktop
verify`` and its JSON stay German."""

from __future__ import annotations

import hashlib
import io
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from export_helpers import NOW, never_ask, new_store, ready_draft
from hostile import forged_mails
from inbox_helpers import export
from PySide6.QtWidgets import QApplication
from test_english_service_texts import english_error_cells, german_words
from test_ui_translations import english

from zwk_desktop.domain.signatory import Signatory
from zwk_desktop.formspec import get_form
from zwk_desktop.services.export import ExportResult, export_paper
from zwk_desktop.services.verify import VerifyReport, load_package, verify_files, verify_path
from zwk_desktop.services.verify_report import Check, SignerInfo

PERSON, FUNKTION = "Katrin Wendland", "Bürgermeisterin"
VERIFY_WORDS = frozenset(
    {"fehlt", "nichts", "stimmt", "signiert", "verzeichnis", "angaben", "gültig", "eingebettet"}
    | {"identisch", "erneute", "fehler", "hinweis", "hinweise", "laut", "aber", "als", "ihr"}
    | {"muss", "passt", "papierfassung", "druckfassung", "papierweg", "ohne", "im", "bei"}
    | {"zusammen", "liegen", "paket", "pakete", "anhang"}
)
"""German words of the verification's sentences that `german_words` does not know."""


def german(text: str) -> list[str]:
    """The German words of `text`: those of the other English tests and of verify's rows."""
    words = re.findall(r"(?<![.\w-])[A-Za-zÄÖÜäöüß]+", text)
    return german_words(text) + [w for w in words if w.lower() in VERIFY_WORDS]


STRANGER = "Erika Mustermann"


@dataclass(frozen=True)
class Packages:
    signed: ExportResult
    stranger: ExportResult
    paper: ExportResult
    tmp: Path


@pytest.fixture(scope="module")
def packages(tmp_path_factory: pytest.TempPathFactory) -> Packages:
    store = new_store(tmp_path_factory.mktemp("identities"))
    keys = {
        name: store.unlock(
            store.create_self_signed(name, FUNKTION, "Lindenhagen", "", never_ask), never_ask
        )
        for name in (PERSON, STRANGER)
    }
    out = tmp_path_factory.mktemp("out")
    return Packages(
        signed=export(ready_draft(), keys[PERSON], out / "signiert", NOW),
        stranger=export(ready_draft(), keys[STRANGER], out / "fremd", NOW, anyone=True),
        paper=export_paper(get_form(), ready_draft(), out / "papier", now=NOW),
        tmp=tmp_path_factory.mktemp("work"),
    )


def _role(files: dict[str, bytes], role: str) -> str:
    (manifest,) = (n for n in files if n.endswith("_manifest.json"))
    return next(e["path"] for e in json.loads(files[manifest])["files"] if e["role"] == role)


def _manifest(files: dict[str, bytes]) -> str:
    return next(n for n in files if n.endswith("_manifest.json"))


def _reports(packages: Packages) -> list[VerifyReport]:
    """A report for every kind of row verify writes that a package can be made to show."""
    from pki import make_ca

    from zwk_desktop.services.paper import parse_paper_code
    from zwk_desktop.services.trust import load_anchors

    folder = packages.signed.folder
    files = load_package(folder)
    manifest = _manifest(files)
    pdf, json_name = _role(files, "pdf"), _role(files, "json")
    attachment, protocol = _role(files, "attachment"), _role(files, "protocol")
    reports = [verify_path(folder), verify_path(packages.signed.mail)]

    tampered = dict(files)  # a changed, a missing and an added file
    tampered[attachment] = tampered[attachment][:-1] + b"X"
    del tampered[protocol]
    tampered[f"{manifest.removesuffix('_manifest.json')}_Anlage-99_extra.pdf"] = b"%PDF-1.4\n"
    reports.append(verify_files(tampered, "geändert"))
    changed_manifest = dict(files)
    changed_manifest[manifest] = files[manifest] + b"\n"
    reports.append(verify_files(changed_manifest, "Verzeichnis geändert"))
    broken_signature = dict(files)
    broken_signature[manifest + ".p7s"] = b"keine Signatur"
    reports.append(verify_files(broken_signature, "Signatur kaputt"))
    unsigned = {n: b for n, b in files.items() if n != manifest + ".p7s"}
    reports.append(verify_files(unsigned, "ohne Signatur"))
    no_manifest = dict(files)
    no_manifest[manifest] = b"{}"
    reports.append(verify_files(no_manifest, "kein Verzeichnis"))

    reports.append(verify_path(packages.stranger.folder))  # signed by the wrong person
    anchors_dir = packages.tmp / "anker"
    anchors_dir.mkdir(exist_ok=True)
    make_ca("Fremde Test-CA").write(anchors_dir / "fremd.pem")
    reports.append(verify_path(folder, anchors=load_anchors(anchors_dir)))

    paper = packages.paper.folder  # without, with a wrong and with the right printed code
    paper_files = load_package(paper)
    paper_json = _role(paper_files, "json")
    right = parse_paper_code(hashlib.sha256(paper_files[paper_json]).hexdigest())
    reports.append(verify_path(paper))
    reports.append(verify_path(paper, papier=parse_paper_code("0" * 64)))
    reports.append(verify_path(paper, papier=right))
    changed_paper = dict(paper_files)
    changed_paper[paper_json] = paper_files[paper_json].replace(b"Lindenhagen", b"Lindenhagem", 1)
    reports.append(verify_files(changed_paper, "Papier geändert"))

    for name, mail in forged_mails(packages.signed.mail.read_bytes()).items():
        if name in ("mail-duplicate-json.eml", "mail-unnamed-part.eml"):
            (packages.tmp / name).write_bytes(mail)
            reports.append(verify_path(packages.tmp / name))

    rows = _pdf_rows(files[pdf], files[json_name], files[attachment])
    reports.append(VerifyReport("PDF", tuple(rows)))
    reports.append(VerifyReport("Angaben", tuple(_data_rows(files))))
    return reports


def _pdf_rows(pdf: bytes, json_bytes: bytes, unsigned: bytes) -> list[Check]:
    """The PDF's rows a package cannot easily be made to show: an appended update, a different
    certificate, data that differ, a PDF without signature and data, a damaged PDF."""
    from pyhanko.pdf_utils.generic import pdf_string
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    from zwk_desktop.services.verify_content import check_pdf_file

    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    writer.root["/Lang"] = pdf_string("en-US")
    writer.update_root()
    appended = io.BytesIO()
    writer.write(appended)
    names = {"pdf_name": "bewerbung.pdf", "json_name": "bewerbung.json", "paper": False}
    return [
        *check_pdf_file(appended.getvalue(), json_bytes, "", **names),
        *check_pdf_file(pdf, json_bytes + b" ", "0" * 64, **names),
        *check_pdf_file(unsigned, json_bytes, "", **names),
        *check_pdf_file(b"%PDF-1.4\n%%EOF\n", json_bytes, "", **names),
    ]


def _data_rows(files: dict[str, bytes]) -> list[Check]:
    """The rows of the repeated check and of the signatory that a signed package rarely shows:
    errors (many; one: the package's data without its attachment), a warning not acknowledged
    (without the check protocol), a signer without a name against nobody named."""
    from zwk_desktop.domain.draft import new_draft
    from zwk_desktop.services.verify_content import check_signatory, revalidate
    from zwk_desktop.services.verify_paper import paper_check

    nobody = Signatory("", "", in_vertretung=True)
    return [
        revalidate(new_draft(get_form()).to_bytes(), {}, None)[0],
        revalidate(files[_role(files, "json")], {}, None)[0],
        revalidate(files[_role(files, "json")], files, None)[0],
        check_signatory(SignerInfo("", "0" * 64, True), nobody),
        check_signatory(SignerInfo(PERSON, "0" * 64, True), Signatory(PERSON, FUNKTION, True)),
        paper_check(None, _any_code(), "bewerbung.json"),
    ]


def _any_code() -> Any:
    from zwk_desktop.services.paper import parse_paper_code

    return parse_paper_code("f" * 64)


def _data_values(reports: list[VerifyReport]) -> list[str]:
    """What the rows quote from the application and the form (German by nature): the
    signatory's role and the messages of the form's rules."""
    quoted = [FUNKTION]
    for report in reports:
        for check in report.checks:
            if check.subject == "Angaben" and "): " in check.message:
                quoted.append(check.message.split("): ", 1)[1])
    return quoted


def _shown(text: str, quoted: list[str]) -> str:
    for value in quoted:
        text = text.replace(value, "")
    return text


def test_every_row_of_the_pruefansicht_is_english(
    qtbot: Any, qapp: QApplication, packages: Packages
) -> None:
    from zwk_desktop.ui.common import service_text
    from zwk_desktop.ui.export.package_view import PackageView

    reports = _reports(packages)
    checks = [c for r in reports for c in r.checks]
    messages = {c.message for c in checks}
    assert len(messages) >= 40, len(messages)
    assert [m for m in messages if not german(m)] == []  # the service writes German
    view = PackageView(packages.tmp)
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: view.report is not None, timeout=60_000)
    assert service_text(checks[0].message) == checks[0].message  # German stays German
    rows: list[tuple[Check, str, str]] = []
    banners = []
    with english(qapp):
        for report in reports:
            view.show_report(report)
            banners.append(view.banner.text())
            table = view.table
            for i, check in enumerate(report.checks):
                subject, message = table.item(i, 1).text(), table.item(i, 2).text()
                rows.append((check, subject, message))
    quoted = _data_values(reports)
    untranslated = [c.message for c, _s, m in rows if m == c.message]
    assert untranslated == []
    still_german = [m for _c, _s, m in rows if german(_shown(m, quoted))]
    assert still_german == []
    for check, subject, _message in rows:
        if check.subject in ("Angaben", "Unterzeichnung", "Vertrauen", "Papierfassung"):
            assert subject != check.subject and not german(subject), subject
    for banner in banners:
        assert not german(banner), banner
    shown = " ".join(m for _c, _s, m in rows)
    for phrase in (
        "Manifest signed by Katrin Wendland (self-issued certificate, SHA-256 ",
        "Checksum matches (",
        "Signature valid and covering the whole file (Katrin Wendland, ",
        "identical to the data embedded in the PDF",
        "checked again without errors (rule set 2021.1; 1 warning, acknowledged with a reason",
        "The content does not match the checksum in the signed manifest",
        "The file is missing: it is listed in the signed manifest",
        "The file is not listed in the signed manifest",
        "The manifest was changed after it was signed.",
        "The signature file is damaged or not a CMS signature.",
        "The manifest's signature is missing",
        "manifest.json is not the manifest of a ZWK application package.",
        "Signed by Erika Mustermann (according to the certificate), but the application names "
        "Katrin Wendland",
        "not trusted:",
        "Print for signing by hand (paper route, without signature)",
        "not signed electronically: the signed paper copy follows by post",
        "does NOT match the paper copy",
        "matches the printed check code (SHA-256 ",
        "The check code in the manifest does not match ",
        "appears 2 times in the e-mail",
        "The e-mail contains an attachment without a name (application/pdf)",
        "The PDF's signature does not cover the whole file: something was appended",
        "The PDF is signed with a different certificate than the manifest.",
        "does not match the data embedded in the PDF.",
        "The PDF contains 0 signatures instead of exactly one.",
        "The PDF's signature cannot be checked; the file is damaged.",
        "The PDF does not contain the embedded data (bewerbung.json)",
        "Checking the data again finds 1 error: anlagen[0].sha256 (attachment_content_missing)",
        "Checking the data again finds 89 errors, e.g. kommune.name (required): ",
        "Not acknowledged in the check report: 1 warning of the repeated check",
        "Signed by an unknown person (according to the certificate), but the application "
        "names (nobody named), as deputy as the signatory.",
        "signed by Katrin Wendland, the signatory named in the application (Katrin Wendland, "
        f"{FUNKTION}, as deputy)",
        "bewerbung.json is missing; nothing to compare.",
    ):
        assert phrase in shown, phrase


def test_the_reasons_a_package_cannot_be_checked_are_english(
    qapp: QApplication, packages: Packages
) -> None:
    from zwk_desktop.ui.common import service_line

    files = load_package(packages.signed.folder)
    manifest = _manifest(files)
    second = {f"zweites{manifest}": files[manifest], **files}
    empty = packages.tmp / "leer"
    empty.mkdir(exist_ok=True)
    not_mail = packages.tmp / "kaputt.eml"
    not_mail.write_bytes(b"Subject: x\n\nkein Anhang\n")
    reasons = [
        verify_files({}, "nichts").unreadable,
        verify_files(second, "zwei").unreadable,
        verify_files(files, "gewählt", manifest="anderes_manifest.json").unreadable,
        verify_path(packages.tmp / "gibt-es-nicht").unreadable,
        verify_path(empty).unreadable,
        verify_path(not_mail).unreadable,
    ]
    assert all(reasons) and all(german(r) for r in reasons), reasons
    with english(qapp):
        shown = [service_line(r) for r in reasons]
    for text in shown:
        assert not german(text.replace(str(packages.tmp), "")), text
    assert shown[1].startswith("2 packages lie together here"), shown[1]


def test_the_inbox_lists_the_failed_checks_in_english(
    qapp: QApplication, packages: Packages
) -> None:
    import shutil

    from zwk_desktop.services.inbox.check import check_candidate
    from zwk_desktop.services.inbox.model import KIND_FOLDER, KIND_MAIL, Candidate
    from zwk_desktop.services.inbox.overview import build_overview
    from zwk_desktop.services.inbox.trust import TrustStore

    inbox = packages.tmp / "posteingang"
    inbox.mkdir(exist_ok=True)
    tampered = inbox / packages.signed.folder.name
    shutil.copytree(packages.signed.folder, tampered, dirs_exist_ok=True)
    pdf = next(p for p in tampered.glob("*.pdf") if "_Anlage-" not in p.name)
    pdf.write_bytes(pdf.read_bytes() + b"\n% appended\n")
    forged = inbox / "doppelt.eml"
    forged.write_bytes(forged_mails(packages.signed.mail.read_bytes())["mail-duplicate-json.eml"])
    rows = [
        check_candidate(Candidate(str(tampered), KIND_FOLDER), 50_000_000),
        check_candidate(Candidate(str(packages.stranger.folder), KIND_FOLDER), 50_000_000),
        check_candidate(Candidate(str(forged), KIND_MAIL), 50_000_000),
    ]
    assert all(r.errors for r in rows)
    overview = build_overview(str(inbox), rows, TrustStore(None))
    cells = english_error_cells(qapp, overview)
    assert len(cells) == 3
    joined = " ".join(cells)
    assert "Signatory: Signed by Erika Mustermann" in joined, cells
    assert "The content does not match the checksum" in joined, cells
    assert "appears 2 times in the e-mail" in joined, cells
    for text in cells:
        assert not german(text.replace(FUNKTION, "")), text


def test_the_cli_and_its_json_stay_german(packages: Packages) -> None:
    report = verify_path(packages.signed.folder)
    text = report.text()
    assert "Verzeichnis signiert von Katrin Wendland (selbst ausgestelltes Zertifikat, " in text
    assert re.search(
        r"Signatur gültig und deckt die ganze Datei ab \(Katrin Wendland, "
        r"\d\d\.\d\d\.\d{4} \d\d:\d\d Uhr\)",
        text,
    )
    assert "(Regelwerk 2021.1; 1 Hinweis, im Prüfprotokoll mit Begründung bestätigt)" in text
    messages = [c["message"] for c in report.to_json()["checks"]]
    assert messages == [c.message for c in report.checks]
    assert all(german(m) for m in messages)
