"""What the ministry receives (issue 11): the right person signing, a mail and records a reviewer
can work with, read back with independent tools (Python's mail parser, munpack, sha256sum,
openssl, pikepdf) and with `verify`, as text and as JSON against the schema in the README."""

from __future__ import annotations

import email
import email.policy
import hashlib
import json
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from export_helpers import NOW, example_draft, never_ask, new_store, ready_draft, tool

from zwk_desktop.domain.draft import Draft
from zwk_desktop.domain.signatory import SignerCheck
from zwk_desktop.formspec import get_form
from zwk_desktop.services import export as export_service
from zwk_desktop.services.export import ExportError, ExportResult, export_package
from zwk_desktop.services.identities import IdentityStore, SigningKey
from zwk_desktop.services.verify import verify_path

ROOT = Path(__file__).resolve().parent.parent
PEOPLE = {
    "gemeinde-lindenhagen.zwk": ("Katrin Wendland", "Bürgermeisterin", "Gemeinde Lindenhagen am See"),
    "landkreis-hohenwald.zwk": ("Dr. Matthias Kühnel", "Landrat", "Landkreis Hohenwald"),
    "staedteverbund-oberes-tal.zwk": ("Uwe Lichtenberger", "Verbandsvorsitzender", "Städteverbund Oberes Tal"),
}  # fmt: skip
GENITIVE = {
    "gemeinde-lindenhagen.zwk": "die Bewerbung der Gemeinde Lindenhagen am See (",
    "landkreis-hohenwald.zwk": "die Bewerbung des Landkreises Hohenwald (",
    "staedteverbund-oberes-tal.zwk": "die Bewerbung des Städteverbunds Oberes Tal (",
}


@dataclass(frozen=True)
class Package:
    name: str
    draft: Draft
    result: ExportResult

    @property
    def files(self) -> dict[str, bytes]:
        return {p.name: p.read_bytes() for p in self.result.folder.iterdir()}

    def file(self, suffix: str) -> Path:
        """The package's file whose name is its stem and this suffix (".pdf", "_manifest.json")."""
        (manifest,) = self.result.folder.glob("*_manifest.json")
        return self.result.folder / (manifest.name.removesuffix("_manifest.json") + suffix)

    @property
    def manifest(self) -> dict[str, Any]:
        return dict(json.loads(self.file("_manifest.json").read_bytes()))

    @property
    def mail(self) -> email.message.EmailMessage:
        raw = self.result.mail.read_bytes()
        return email.message_from_bytes(raw, policy=email.policy.default)  # type: ignore[return-value]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> IdentityStore:
    return new_store(tmp_path_factory.mktemp("identities"))


@pytest.fixture(scope="module")
def keys(store: IdentityStore) -> dict[str, SigningKey]:
    out = {}
    for example, (name, funktion, kommune) in PEOPLE.items():
        identity = store.create_self_signed(name, funktion, kommune, "pb@example.org", never_ask)
        out[example] = store.unlock(identity, never_ask)
    return out


@pytest.fixture(scope="module")
def packages(
    keys: dict[str, SigningKey], tmp_path_factory: pytest.TempPathFactory
) -> dict[str, Package]:
    out = {}
    for example in PEOPLE:
        draft = ready_draft(example)
        folder = tmp_path_factory.mktemp("out")
        out[example] = Package(
            example, draft, export_package(get_form(), draft, keys[example], folder, now=NOW)
        )
    return out


def readme_schema() -> dict[str, Any]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("`verify --json` gibt das Ergebnis als JSON", 1)[1]
    block = section.split("```json\n", 1)[1].split("\n```", 1)[0]
    schema: dict[str, Any] = json.loads(block)
    return schema


# --------------------------------------------------------------------------- who signs


def test_export_refuses_an_identity_that_is_not_the_signatory(
    keys: dict[str, SigningKey], tmp_path: Path
) -> None:
    draft = ready_draft("staedteverbund-oberes-tal.zwk")
    wendland = keys["gemeinde-lindenhagen.zwk"]
    with pytest.raises(ExportError) as refused:
        export_package(get_form(), draft, wendland, tmp_path / "out", now=NOW)
    message = str(refused.value)
    assert "Katrin Wendland" in message and "Uwe Lichtenberger" in message
    assert not (tmp_path / "out").exists()  # nothing written


def test_an_identity_of_another_kommune_is_a_warning(store: IdentityStore, tmp_path: Path) -> None:
    identity = store.create_self_signed(
        "Katrin Wendland", "Bürgermeisterin", "Stadt Prenzlau", "", never_ask
    )
    result = export_package(
        get_form(), ready_draft(), store.unlock(identity, never_ask), tmp_path, now=NOW
    )
    assert len(result.warnings) == 1
    assert "Stadt Prenzlau" in result.warnings[0]
    assert "Gemeinde Lindenhagen am See" in result.warnings[0]


def test_the_same_person_is_recognised_however_the_name_is_written(
    store: IdentityStore, tmp_path: Path
) -> None:
    identity = store.create_self_signed(
        "Kuehnel, Matthias", "Landrat", "Landkreis Hohenwald", "", never_ask
    )
    draft = ready_draft("landkreis-hohenwald.zwk")  # signed by "Dr. Matthias Kühnel"
    result = export_package(get_form(), draft, store.unlock(identity, never_ask), tmp_path, now=NOW)
    assert result.warnings == ()
    assert verify_path(result.folder).valid


def test_verify_fails_when_the_certificate_names_another_person(
    keys: dict[str, SigningKey], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # As the program before issue 11 did: the Städteverbund signed by Frau Wendland.
    def anyone(data: Any, name: str, kommune: str = "", funktion: str = "") -> SignerCheck:
        from zwk_desktop.domain.signatory import signatory_of

        return SignerCheck(signatory_of(data), name, True)

    monkeypatch.setattr(export_service, "check_signer", anyone)
    draft = ready_draft("staedteverbund-oberes-tal.zwk")
    result = export_package(get_form(), draft, keys["gemeinde-lindenhagen.zwk"], tmp_path, now=NOW)
    for path in (result.folder, result.mail):
        report = verify_path(path)
        assert report.exit_code == 1
        assert report.broken == ("Unterzeichnung",)
        text = report.text()
        assert "Signiert von: Katrin Wendland" in text
        assert (
            "Unterzeichnende Person laut Angaben: Uwe Lichtenberger, Verbandsvorsitzender" in text
        )
        assert "UNGÜLTIG" in text
        out = report.to_json()
        assert out["signer"]["name"] == "Katrin Wendland"
        assert out["signatory"]["name"] == "Uwe Lichtenberger"
        assert out["signatory"]["matches_signer"] is False
        jsonschema.validate(out, readme_schema())


# --------------------------------------------------------------------------- the mail


@pytest.mark.parametrize("example", sorted(PEOPLE))
def test_the_mail_says_who_applies_for_how_much_and_lists_every_file_with_its_hash(
    packages: dict[str, Package], example: str
) -> None:
    package = packages[example]
    raw = package.result.mail.read_bytes()
    assert raw.count(b"MIME-Version:") == 1
    msg = package.mail
    body_part = msg.get_body(preferencelist=("plain",))
    assert body_part is not None
    body = body_part.get_content().replace("\r\n", "\n")
    assert GENITIVE[example] in body and "die Bewerbung von " not in body
    data = package.draft.data
    assert f"(Amtlicher Gemeindeschlüssel {data['kommune']['ags']})" in body
    koordination = data["kontakte"]["koordination"]
    for value in (koordination["telefon"], koordination["email"], koordination["nachname"]):
        assert value in body
    signatory = data["unterschrift"]
    assert f"{signatory['name']}, {signatory['funktion']}" in body
    assert re.search(r"Beantragte Förderung insgesamt: [\d.]+,\d\d\xa0€", body)
    for year in ("2021", "2022", "2023", "2024"):
        assert re.search(rf"(?m)^  {year}: [\d.]+,\d\d\xa0€$", body), year
    attachments = list(msg.iter_attachments())
    assert {p.get_filename() for p in attachments} == set(package.files)
    for part in attachments:
        name = part.get_filename()
        assert part.get_param("name") == name  # the name in Content-Type as well
        content = part.get_payload(decode=True)
        assert isinstance(content, bytes)
        assert f"{hashlib.sha256(content).hexdigest()}  {name}" in body


def test_lindenhagen_mail_body_in_full_sentences(packages: dict[str, Package]) -> None:
    body = packages["gemeinde-lindenhagen.zwk"].mail.get_body(preferencelist=("plain",))
    assert body is not None
    text = body.get_content().replace("\r\n", "\n")
    assert "Beantragte Förderung insgesamt: 61.000,00\xa0€" in text
    assert "  2021: 7.300,00\xa0€" in text
    assert "Herr Jonas Brückner, Demografiebeauftragter" in text
    assert "Telefon: 039861 402-17" in text
    assert "E-Mail: j.brueckner@lindenhagen-am-see.de" in text
    assert "Unterzeichnet und elektronisch signiert von: Katrin Wendland, Bürgermeisterin" in text


def test_attachment_names_carry_ags_and_kommune_and_never_collide(
    packages: dict[str, Package],
) -> None:
    stems = {
        "gemeinde-lindenhagen.zwk": "ZWK-Bewerbung_12073999_Lindenhagen-am-See",
        "landkreis-hohenwald.zwk": "ZWK-Bewerbung_16099_Hohenwald",
        "staedteverbund-oberes-tal.zwk": "ZWK-Bewerbung_14522999_Oberes-Tal",
    }
    seen: set[str] = set()
    for example, package in packages.items():
        names = set(package.files)
        stem = stems[example]
        assert {f"{stem}.pdf", f"{stem}.json", f"{stem}_manifest.json"} <= names
        assert all(n.startswith(stem) and n.isascii() and "/" not in n for n in names)
        assert not names & seen
        seen |= names
        listed = {f["path"] for f in package.manifest["files"]}
        assert listed == names - {f"{stem}_manifest.json", f"{stem}_manifest.json.p7s"}


def test_saved_attachments_check_with_sha256sum_and_verify(
    packages: dict[str, Package], tmp_path: Path
) -> None:
    """A reviewer saves the attachments of every mail into one folder (munpack), checks them
    with sha256sum -c from the manifest and from the mail's body, and with verify."""
    inbox = tmp_path / "posteingang"
    inbox.mkdir()
    for package in packages.values():
        tool("munpack", "-q", "-C", inbox, package.result.mail)
    for desc in inbox.glob("*.desc"):
        desc.unlink()
    for package in packages.values():
        assert {p.name: p.read_bytes() for p in inbox.iterdir() if p.name in package.files} == (
            package.files
        )
        listing = tmp_path / "manifest.sha256"
        listing.write_text(
            "".join(f"{f['sha256']}  {f['path']}\n" for f in package.manifest["files"]),
            encoding="utf-8",
        )
        assert tool("sha256sum", "-c", listing, cwd=inbox).returncode == 0
        body = package.mail.get_body(preferencelist=("plain",))
        assert body is not None
        lines = [
            line
            for line in body.get_content().splitlines()
            if re.match(r"^[0-9a-f]{64}  \S+$", line)
        ]
        assert len(lines) == len(package.files)
        listing.write_text("\n".join(lines) + "\n", encoding="utf-8")
        checked = tool("sha256sum", "-c", listing, cwd=inbox)
        assert checked.stdout.count(": OK") == len(package.files)
    # many packages in one folder: verify asks which one, and checks each by its manifest
    together = verify_path(inbox)
    assert together.exit_code == 2 and "_manifest.json" in together.unreadable
    for package in packages.values():
        manifest = inbox / package.file("_manifest.json").name
        report = verify_path(manifest)
        assert report.exit_code == 0, report.text()
        assert not [f for f in report.files if f.status != "ok"]


def test_files_the_system_leaves_in_a_folder_are_ignored(
    packages: dict[str, Package], tmp_path: Path
) -> None:
    folder = tmp_path / "paket"
    shutil.copytree(packages["landkreis-hohenwald.zwk"].result.folder, folder)
    for name in ("Thumbs.db", "desktop.ini", ".DS_Store"):
        (folder / name).write_bytes(b"\x00system\x00")
    report = verify_path(folder)
    assert report.exit_code == 0, report.text()
    assert set(report.ignored) == {"Thumbs.db", "desktop.ini", ".DS_Store"}
    assert "Thumbs.db" not in {f.name for f in report.files}
    (folder / "notiz.txt").write_text("nicht signiert", encoding="utf-8")
    assert verify_path(folder).broken == ("notiz.txt",)


# --------------------------------------------------------------------------- the records


def test_the_manifest_names_the_signer_readably_and_carries_a_signing_time(
    packages: dict[str, Package],
) -> None:
    package = packages["landkreis-hohenwald.zwk"]
    manifest = package.manifest
    signer = manifest["signer"]
    assert (signer["name"], signer["funktion"], signer["kommune"], signer["email"]) == (
        "Dr. Matthias Kühnel", "Landrat", "Landkreis Hohenwald", "pb@example.org")  # fmt: skip
    assert signer["self_signed"] is True
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", manifest["signed_at"])
    assert manifest["created"] == manifest["signed_at"] == "2021-07-15T08:30:00Z"
    assert {f["role"] for f in manifest["files"]} == {"pdf", "json", "protocol", "attachment"}
    printed = tool(
        "openssl", "cms", "-cmsout", "-print", "-inform", "DER", "-in",
        package.file("_manifest.json.p7s"),
    ).stdout  # fmt: skip
    assert "signingTime" in printed and "UTCTIME" in printed


def test_the_pruefprotokoll_names_kommune_json_hash_and_the_rules_that_passed(
    packages: dict[str, Package],
) -> None:
    package = packages["gemeinde-lindenhagen.zwk"]
    protocol = json.loads(package.file("_pruefprotokoll.json").read_bytes())
    assert protocol["kommune"] == {"name": "Gemeinde Lindenhagen am See", "ags": "12073999"}
    json_file = package.file(".json")
    assert protocol["checked_file"] == {
        "name": json_file.name,
        "sha256": hashlib.sha256(json_file.read_bytes()).hexdigest(),
    }
    passed = protocol["checks_passed"]
    rule_ids = [r.rule_id for r in get_form().rules]
    assert set(passed) <= set(rule_ids)
    assert {"budget_year_cap", "attachment_missing_beschluss", "step_order"} <= set(passed)
    assert "ags_unknown" not in passed  # the one warning the example has (acknowledged)
    stamps = [protocol["checked_at"], *(a["at"] for a in protocol["acknowledged_warnings"])]
    assert protocol["acknowledged_warnings"]
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", s) for s in stamps), stamps


def test_xmp_producer_equals_the_info_producer_and_keywords_are_kept(
    packages: dict[str, Package],
) -> None:
    import pikepdf

    with pikepdf.open(packages["gemeinde-lindenhagen.zwk"].file(".pdf")) as pdf:
        meta = pdf.open_metadata()
        assert str(pdf.docinfo["/Producer"]) == meta["pdf:Producer"]
        assert str(pdf.docinfo["/Keywords"]) == meta["pdf:Keywords"] == "ZWK, Bewerbung, 12073999"
        assert meta["xmp:CreatorTool"].startswith("ZWK Desktop")
    info = tool("pdfinfo", packages["gemeinde-lindenhagen.zwk"].file(".pdf")).stdout
    assert re.search(r"(?m)^Keywords:\s+ZWK, Bewerbung, 12073999$", info)


# --------------------------------------------------------------------------- verify


def test_verify_speaks_to_the_reviewer(packages: dict[str, Package], tmp_path: Path) -> None:
    report = verify_path(packages["gemeinde-lindenhagen.zwk"].result.folder)
    text = report.text()
    assert report.exit_code == 0
    assert "selbst ausgestellt" in text and "nicht, wer sie signiert hat" in text
    assert "1 Hinweis, im Prüfprotokoll mit Begründung bestätigt" in text
    assert "Hinweis(e)" not in text
    # a changed attachment: the words are for the receiving side, not the applicant
    folder = tmp_path / "paket"
    shutil.copytree(packages["gemeinde-lindenhagen.zwk"].result.folder, folder)
    attachment = next(folder.glob("*_Anlage-01_*"))
    attachment.write_bytes(attachment.read_bytes() + b"\n")
    broken = verify_path(folder)
    assert broken.exit_code == 1 and attachment.name in broken.broken
    assert "Bitte" not in broken.text()
    assert all("Bitte" not in f.message for f in broken.findings)


def test_two_acknowledged_warnings_are_counted_in_the_plural(
    keys: dict[str, SigningKey], tmp_path: Path
) -> None:
    from zwk_desktop.services.export import acknowledge_all, readiness

    draft = example_draft()
    draft.data["ausgangslage"].pop("anteil_migration", None)  # a second warning
    ready = readiness(get_form(), draft)
    assert len(ready.unacknowledged) == 2
    draft = acknowledge_all(draft, ready.unacknowledged, "Geprüft.")
    result = export_package(get_form(), draft, keys["gemeinde-lindenhagen.zwk"], tmp_path, now=NOW)
    assert (
        "2 Hinweise, im Prüfprotokoll mit Begründung bestätigt" in verify_path(result.folder).text()
    )


@pytest.mark.parametrize("example", sorted(PEOPLE))
def test_verify_json_validates_against_the_schema_in_the_readme(
    packages: dict[str, Package], example: str, tmp_path: Path
) -> None:
    schema = readme_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    package = packages[example]
    from clitools import run_cli

    for path in (package.result.folder, package.result.mail):
        done = run_cli("verify", "--json", path)
        assert done.returncode == 0, done.stderr
        out = json.loads(done.stdout)
        jsonschema.validate(out, schema)
        assert out["result"] == "gueltig" and out["valid"] is True
        assert {f["status"] for f in out["files"]} == {"ok"}
        assert len(out["files"]) == len(package.manifest["files"])
        assert out["signer"]["name"] == PEOPLE[example][0]
        assert out["signatory"]["matches_signer"] is True
        assert isinstance(out["findings"], list)
    # changed, missing and unreadable packages validate too
    folder = tmp_path / "paket"
    shutil.copytree(package.result.folder, folder)
    pdf = package.file(".pdf").name
    (folder / pdf).write_bytes((folder / pdf).read_bytes()[:-10])
    json_file = package.file(".json").name
    (folder / json_file).unlink()
    bad = run_cli("verify", "--json", folder)
    assert bad.returncode == 1
    out = json.loads(bad.stdout)
    jsonschema.validate(out, schema)
    status = {f["name"]: f["status"] for f in out["files"]}
    assert status[pdf] == "changed" and status[json_file] == "missing"
    gone = run_cli("verify", "--json", tmp_path / "gibt-es-nicht")
    assert gone.returncode == 2
    jsonschema.validate(json.loads(gone.stdout), schema)
