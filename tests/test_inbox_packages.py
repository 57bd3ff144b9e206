"""The Posteingang on every kind of package `verify` reads (issue 18 with issues 11, 15 and 17):
i11's file names and its signer check, old format-1 packages, several packages in one folder,
i15's structural checks, trust anchors (``--trust``) and the paper path."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from clitools import run_cli
from export_helpers import NOW, never_ask
from inbox_helpers import (
    Identities,
    draft_of,
    export,
    manifest_of,
    package_file,
    requested,
)
from pki import Issued, issue, make_ca, pkcs12_file

from zwk_desktop.formspec import get_form
from zwk_desktop.services import naming
from zwk_desktop.services.export import export_paper
from zwk_desktop.services.identities import SigningKey
from zwk_desktop.services.inbox.check import check_candidate
from zwk_desktop.services.inbox.discover import discover
from zwk_desktop.services.inbox.model import (
    KIND_FOLDER,
    KIND_MAIL,
    STATUS_PAPER,
    STATUS_SIGNER,
    STATUS_VALID,
    Application,
    Candidate,
)
from zwk_desktop.services.signing import sign_detached

MAX_BYTES = 40 * 1024 * 1024


def _row(path: Path, kind: str = KIND_FOLDER) -> Application:
    return check_candidate(Candidate(str(path), kind), MAX_BYTES)


def _env(tmp_path: Path) -> dict[str, str]:
    return {**os.environ, "ZWK_DATA_DIR": str(tmp_path / "daten")}


@pytest.fixture(scope="module")
def ids(tmp_path_factory: pytest.TempPathFactory) -> Identities:
    return Identities(tmp_path_factory.mktemp("ids"))


@pytest.fixture(scope="module")
def hohenwald(tmp_path_factory: pytest.TempPathFactory, ids: Identities) -> Path:
    """The Landkreis Hohenwald (its warnings acknowledged), signed by "Kuehnel, Matthias" for
    the form's "Dr. Matthias Kühnel": the same person, written otherwise."""
    key = ids.key("Kuehnel, Matthias", "Landrat")
    result = export(draft_of("hohenwald"), key, tmp_path_factory.mktemp("kreis"), NOW)
    return result.folder


# --------------------------------------------------------------------------- i11's packages


def test_a_row_reads_the_application_from_the_files_the_manifest_names(hohenwald: Path) -> None:
    row = _row(hohenwald)
    assert row.status == STATUS_VALID and row.valid, row.errors
    assert row.kommune == "Landkreis Hohenwald" and row.ags == "16099"
    assert row.beantragt == requested(draft_of("hohenwald"))
    assert row.signatory == "Dr. Matthias Kühnel"
    assert row.signer == "Kuehnel, Matthias"
    assert row.acknowledged, "the acknowledged warnings of the check protocol"
    assert all(a.begruendung == "Telefonisch mit dem Amt geklärt." for a in row.acknowledged)
    manifest = json.loads(manifest_of(hohenwald).read_bytes())
    assert row.signed == manifest["signed_at"]


def test_the_signer_check_is_verifys_unterzeichnung(tmp_path: Path, ids: Identities) -> None:
    # "Erika Mustermann" signs for the form's Katrin Wendland (a forged package: the export
    # itself refuses that identity).
    stranger = ids.key("Erika Mustermann")
    result = export(draft_of("lindenhagen"), stranger, tmp_path / "out", NOW, anyone=True)
    for path, kind in ((result.folder, KIND_FOLDER), (result.mail, KIND_MAIL)):
        row = _row(path, kind)
        assert row.status == STATUS_SIGNER and not row.valid
        assert row.signer == "Erika Mustermann" and row.signatory == "Katrin Wendland"
        assert any(e.startswith("Unterzeichnung: ") for e in row.errors), row.errors


def _as_format_one(folder: Path, key: SigningKey, target: Path) -> Path:
    """The package as the program wrote it before issue 11: bewerbung.pdf, bewerbung.json,
    pruefprotokoll.json, anlagen/…, manifest.json with its signature manifest.json.p7s."""
    manifest = json.loads(manifest_of(folder).read_bytes())
    names = {
        "pdf": naming.PDF_NAME,
        "json": naming.JSON_NAME,
        "protocol": naming.PROTOCOL_NAME,
    }
    target.mkdir(parents=True)
    files = []
    for entry in manifest["files"]:
        if entry["role"] == "attachment":
            new = f"{naming.ATTACHMENT_DIR}/{entry['path'].rsplit('_Anlage-', 1)[-1]}"
        else:
            new = names[entry["role"]]
        (target / new).parent.mkdir(exist_ok=True)
        shutil.copyfile(folder / entry["path"], target / new)
        files.append({"path": new, "sha256": entry["sha256"], "size": entry["size"]})
    old = {k: v for k, v in manifest.items() if k not in ("signed_at", "signature", "files")}
    raw = json.dumps({**old, "format_version": 1, "files": files}, indent=2).encode()
    (target / naming.MANIFEST_NAME).write_bytes(raw)
    (target / naming.MANIFEST_SIG_NAME).write_bytes(sign_detached(raw, key))
    return target


def test_an_old_format_one_package_is_read_as_verify_reads_it(
    tmp_path: Path, ids: Identities
) -> None:
    key = ids.key("Katrin Wendland")
    result = export(draft_of("lindenhagen"), key, tmp_path / "out", NOW)
    inbox = tmp_path / "eingang"
    old = _as_format_one(result.folder, key, inbox / "alt")
    (row,) = [_row(Path(c.path), c.kind) for c in discover(inbox)]
    assert row.path == str(old)
    assert row.status == STATUS_VALID and row.valid, row.errors
    assert row.kommune == "Gemeinde Lindenhagen am See"
    assert row.beantragt == requested(draft_of("lindenhagen"))
    assert row.acknowledged


def test_several_packages_in_one_folder_are_one_row_each(tmp_path: Path, ids: Identities) -> None:
    # A reviewer saved the attachments of two mails into one folder: i11's names keep them apart.
    inbox = tmp_path / "eingang"
    inbox.mkdir()
    for n, example in enumerate(("lindenhagen", "oberes-tal")):
        signatory = {"lindenhagen": "Katrin Wendland", "oberes-tal": "Uwe Lichtenberger"}
        key = ids.key(signatory[example], "Bürgermeisterin")
        result = export(draft_of(example), key, tmp_path / f"out{n}", NOW)
        for item in result.folder.iterdir():
            shutil.copyfile(item, inbox / item.name)
    found = discover(inbox)
    assert sorted(Path(c.path).name for c in found) == sorted(
        p.name for p in inbox.glob("*_manifest.json")
    )
    rows = [_row(Path(c.path), c.kind) for c in found]
    assert [r.status for r in rows] == [STATUS_VALID, STATUS_VALID], [r.errors for r in rows]
    assert {r.kommune for r in rows} == {"Gemeinde Lindenhagen am See", "Städteverbund Oberes Tal"}
    assert len({r.content_key for r in rows}) == 2  # not taken for copies of one another


# --------------------------------------------------------------------------- i15's structure


def test_a_link_in_a_package_folder_makes_the_row_invalid(tmp_path: Path, ids: Identities) -> None:
    result = export(draft_of("lindenhagen"), ids.key("Katrin Wendland"), tmp_path / "o", NOW)
    folder = shutil.copytree(result.folder, tmp_path / "eingang" / "paket")
    (folder / "Notiz.txt").symlink_to(tmp_path / "anderswo.txt")
    row = _row(folder)
    assert not row.valid and row.status == "verändert"
    assert any("Verknüpfung" in e for e in row.errors), row.errors


def test_an_attachment_twice_in_a_mail_makes_the_row_invalid(
    tmp_path: Path, ids: Identities
) -> None:
    import email
    import email.policy

    result = export(draft_of("lindenhagen"), ids.key("Katrin Wendland"), tmp_path / "o", NOW)
    message = email.message_from_bytes(result.mail.read_bytes(), policy=email.policy.SMTP)
    pdf = package_file(result.folder, "pdf")
    message.add_attachment(b"%PDF-1.7 anders", "application", "pdf", filename=pdf.name)
    mail = tmp_path / "doppelt.eml"
    mail.write_bytes(message.as_bytes())
    row = _row(mail, KIND_MAIL)
    assert not row.valid and row.status == "verändert"
    assert any(e.startswith(pdf.name) for e in row.errors), row.errors


# --------------------------------------------------------------------------- i17: trust, paper


@pytest.fixture(scope="module")
def ca() -> Issued:
    return make_ca("ZWK Test-Landesamt")


@pytest.fixture(scope="module")
def anchored_inbox(tmp_path_factory: pytest.TempPathFactory, ca: Issued) -> Path:
    """Two applications: Lindenhagen signed with a certificate the CA issued, Oberes Tal with a
    self-issued one."""
    root = tmp_path_factory.mktemp("anker")
    ids = Identities(root / "ids")
    issued = issue(ca, "Katrin Wendland", org="Gemeinde Lindenhagen am See")
    identity, _ = ids.store.import_pkcs12(
        pkcs12_file(issued, (), b"geheim-123"), "geheim-123", funktion="Bürgermeisterin",
        remember=True,
    )  # fmt: skip
    inbox = root / "eingang"
    inbox.mkdir()
    first = export(draft_of("lindenhagen"), ids.store.unlock(identity, never_ask), root / "a", NOW)
    shutil.copy(first.mail, inbox / "lindenhagen.eml")
    key = ids.key("Uwe Lichtenberger", "Verbandsvorsitzender")
    second = export(draft_of("oberes-tal"), key, root / "b", NOW)
    shutil.copy(second.mail, inbox / "oberes-tal.eml")
    ca.write(root / "landesamt.pem")
    return inbox


def test_trust_anchors_spare_the_confirmation_by_phone(
    anchored_inbox: Path, tmp_path: Path
) -> None:
    anchor = anchored_inbox.parent / "landesamt.pem"
    done = run_cli("posteingang", anchored_inbox, "--json", "--trust", anchor, env=_env(tmp_path))
    assert done.returncode == 0, done.stderr
    document = json.loads(done.stdout)
    rows = {Path(a["path"]).name: a for a in document["applications"]}
    issued, own = rows["lindenhagen.eml"], rows["oberes-tal.eml"]
    assert issued["valid"] and issued["zertifikat"] == "vertrauensanker"
    assert issued["zertifikat_hinweis"] == "ausgestellt unter einem Vertrauensanker"
    assert "Test-Landesamt" in issued["vertrauensanker"]
    # A self-issued certificate is no fault of the package: trust on first use, as without.
    assert own["valid"] and own["status"] == "gültig" and own["zertifikat"] == "erstmals"
    assert own["vertrauensanker"].startswith("nicht vertrauenswürdig")
    anchored = {c["ags"]: c["anchored"] for c in document["certificates"]}
    assert anchored == {issued["ags"]: True, own["ags"]: False}
    # Without anchors, both are certificates to confirm by phone.
    done = run_cli("posteingang", anchored_inbox, "--json", env=_env(tmp_path / "ohne"))
    rows = {Path(a["path"]).name: a for a in json.loads(done.stdout)["applications"]}
    assert rows["lindenhagen.eml"]["zertifikat"] == "erstmals"
    assert rows["lindenhagen.eml"]["vertrauensanker"] is None


def test_unreadable_trust_anchors_are_exit_2_before_any_check(
    anchored_inbox: Path, tmp_path: Path
) -> None:
    (tmp_path / "kein.pem").write_text("kein Zertifikat", encoding="utf-8")
    for anchors in (tmp_path / "fehlt.pem", tmp_path / "kein.pem"):
        done = run_cli("posteingang", anchored_inbox, "--trust", anchors, env=_env(tmp_path))
        assert done.returncode == 2
        assert str(anchors) in done.stderr and "Traceback" not in done.stderr


def test_a_paper_package_has_its_own_status(tmp_path: Path) -> None:
    result = export_paper(get_form(), draft_of("lindenhagen"), tmp_path / "out", now=NOW)
    inbox = tmp_path / "eingang"
    inbox.mkdir()
    shutil.copy(result.mail, inbox / "papier.eml")
    shutil.copytree(result.folder, inbox / "papier")
    rows = [_row(Path(c.path), c.kind) for c in discover(inbox)]
    for row in rows:
        assert row.status == STATUS_PAPER and not row.valid
        assert row.kommune == "Gemeinde Lindenhagen am See" and row.signer == ""
        assert "--papier" in row.errors[0]
    done = run_cli("posteingang", inbox, "--json", env=_env(tmp_path))
    assert done.returncode == 1, done.stderr
    (app,) = json.loads(done.stdout)["applications"]  # folder and mail: one application
    assert app["status"] == "Papierweg" and app["also"]
