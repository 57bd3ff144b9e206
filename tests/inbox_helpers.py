"""Building a ministry inbox for the Posteingang tests: signed packages, tampered ones, hostile
files. Every package here is exported by the real program (real signatures, real e-mails)."""

from __future__ import annotations

import copy
import datetime as dt
import email.utils
import hashlib
import json
import zlib
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from conftest import load_example
from export_helpers import never_ask, new_store

from zwk_desktop.domain.budget import compute_budget
from zwk_desktop.domain.draft import Draft, draft_from_json
from zwk_desktop.formspec import get_form
from zwk_desktop.services.export import ExportResult, acknowledge_all, export_package, readiness
from zwk_desktop.services.identities import IdentityStore, SigningKey
from zwk_desktop.services.naming import mail_name

EXAMPLES = {
    "lindenhagen": "gemeinde-lindenhagen.zwk",
    "hohenwald": "landkreis-hohenwald.zwk",
    "oberes-tal": "staedteverbund-oberes-tal.zwk",
}
BASE = dt.datetime(2021, 7, 1, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=2)))
BOMB = Path(__file__).parent / "data" / "inbox" / "bomb-2gib.deflate2"
"""A zero-filled stream of 2 GiB, deflated twice (3.4 KB); see tests/data/inbox/README.md."""


def draft_of(example: str, change: dict[str, Any] | None = None) -> Draft:
    """An example with `change` applied ({"kommune.name": …, "amount": Decimal delta, …}),
    every warning acknowledged as the applicant would before signing."""
    envelope = load_example(EXAMPLES[example])
    data = envelope["data"]
    for key, value in (change or {}).items():
        if key == "amount":
            item = data["finanzplan"]["posten"][0]["betraege"]
            item["2023"] = f"{Decimal(item.get('2023') or '0') + value:.2f}"
            continue
        section, name = key.split(".", 1)
        data[section][name] = value
    draft = draft_from_json(envelope)
    ready = readiness(get_form(), draft)
    assert ready.report.valid, [(f.code, f.path) for f in ready.report.errors]
    if ready.unacknowledged:
        draft = acknowledge_all(draft, ready.unacknowledged, "Telefonisch mit dem Amt geklärt.")
    return draft


def requested(draft: Draft) -> dict[str, Decimal]:
    """What the application requests, computed here from the draft (per year and "gesamt")."""
    budget = compute_budget(get_form(), draft.data)
    out = dict(budget.requested)
    out["gesamt"] = budget.total_requested
    return out


@dataclass
class Expected:
    """What the Posteingang must say about one entry of the inbox."""

    status: str
    valid: bool
    aktuell: bool = True
    ags: str = ""
    beantragt: dict[str, Decimal] | None = None
    trust: str = ""
    reason: str = ""
    """A part of the row's errors or reason."""
    also: list[str] = field(default_factory=list)


class Identities:
    """Self-signed identities, one per name, made on first use (another with `fresh`)."""

    def __init__(self, root: Path) -> None:
        self.store: IdentityStore = new_store(root)
        self.keys: dict[str, SigningKey] = {}

    def key(self, name: str, funktion: str = "Bürgermeisterin", fresh: bool = False) -> SigningKey:
        if fresh or name not in self.keys:
            identity = self.store.create_self_signed(name, funktion, "Test", "", never_ask)
            key = self.store.unlock(identity, never_ask)
            if fresh:
                return key
            self.keys[name] = key
        return self.keys[name]


def export(
    draft: Draft, key: SigningKey, out: Path, when: dt.datetime, *, anyone: bool = False
) -> ExportResult:
    """Export a package; `anyone`: also with an identity that is not the signatory named in the
    form (the export refuses that since issue 11; a forged package does not ask)."""
    from unittest import mock

    from zwk_desktop.domain.signatory import SignerCheck, signatory_of
    from zwk_desktop.services import export as export_service

    out.mkdir(parents=True, exist_ok=True)
    if not anyone:
        return export_package(get_form(), draft, key, out, now=when)

    def any_signer(data: Any, name: str, kommune: str = "", funktion: str = "") -> Any:
        return SignerCheck(signatory_of(data), name, True)

    with mock.patch.object(export_service, "check_signer", any_signer):
        return export_package(get_form(), draft, key, out, now=when)


def manifest_of(folder: Path) -> Path:
    """The signed manifest of an exported package folder (``…_manifest.json``)."""
    (manifest,) = folder.glob("*_manifest.json")
    return manifest


def package_file(folder: Path, role: str) -> Path:
    """The first file of a package folder with this role in its manifest (pdf, json, protocol,
    attachment)."""
    manifest = json.loads(manifest_of(folder).read_bytes())
    return folder / next(e["path"] for e in manifest["files"] if e["role"] == role)


def with_date(mail: Path, when: dt.datetime) -> None:
    """Give an exported mail the Date header a received mail has."""
    raw = mail.read_bytes()
    mail.write_bytes(f"Date: {email.utils.format_datetime(when)}\r\n".encode() + raw)


def rewrite_manifest_entry(folder: Path, path: str, data: bytes) -> None:
    """Replace a file and put its new hash into the manifest (the signature stays old)."""
    (folder / path).write_bytes(data)
    manifest_file = manifest_of(folder)
    manifest = json.loads(manifest_file.read_bytes())
    for entry in manifest["files"]:
        if entry["path"] == path:
            entry["sha256"] = hashlib.sha256(data).hexdigest()
            entry["size"] = len(data)
    manifest_file.write_text(
        json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )


def add_attachment(mail: Path, name: str, content: bytes) -> None:
    """Add an attachment (with any name, also a hostile one) to an exported mail."""
    import email
    import email.policy

    msg = email.message_from_bytes(mail.read_bytes(), policy=email.policy.SMTP)
    msg.add_attachment(content, maintype="application", subtype="octet-stream", filename=name)
    mail.write_bytes(msg.as_bytes())


# --------------------------------------------------------------------------- hostile files


def hostile_folder(folder: Path, files: dict[str, bytes]) -> Path:
    """A folder that looks like a package: a manifest listing the files, no signature."""
    folder.mkdir(parents=True)
    entries = []
    for path, data in files.items():
        (folder / path).parent.mkdir(parents=True, exist_ok=True)
        (folder / path).write_bytes(data)
        if path != "manifest.json":
            entries.append(
                {"path": path, "sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
            )
    if "manifest.json" not in files:
        manifest = {"format": "zwk-package", "format_version": 1, "files": entries}
        (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    return folder


def slow_pdf(entries: int = 1_000_000) -> bytes:
    """A PDF whose cross-reference table has `entries` rows (20 MB): pyHanko reads it for
    seconds. Stands for "a PDF that makes the parser loop"."""
    head = b"%PDF-1.7\n"
    one = b"1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
    two = b"2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n"
    xref = len(head) + len(one) + len(two)
    table = (
        f"xref\n0 {entries}\n0000000000 65535 f \n{len(head):010d} 00000 n \n"
        f"{len(head) + len(one):010d} 00000 n \n"
    ).encode() + b"0000000000 00000 f \n" * (entries - 3)
    tail = f"trailer\n<< /Size {entries} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return head + one + two + table + tail


def bomb_pdf() -> bytes:
    """A 4 KB PDF whose embedded bewerbung.json inflates to 2 GiB (deflated twice)."""
    stream = BOMB.read_bytes()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles << /Names [(bewerbung.json) "
        b"4 0 R] >> >> >>",
        b"<< /Type /Pages /Kids [] /Count 0 >>",
        b"<< /Type /EmbeddedFile /Filter [/FlateDecode /FlateDecode] /Length "
        + str(len(stream)).encode()
        + b" >>\nstream\n"
        + stream
        + b"\nendstream",
        b"<< /Type /Filespec /F (bewerbung.json) /UF (bewerbung.json) /EF << /F 3 0 R >> >>",
    ]
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
    ).encode()
    return bytes(out)


def make_bomb(path: Path = BOMB, gib: int = 2) -> None:
    """Write the fixture BOMB (run once by hand; takes ~6 s)."""
    inner = zlib.compressobj(9)
    chunk = bytes(16 * 1024 * 1024)
    parts = [inner.compress(chunk) for _ in range(gib * 64)]
    parts.append(inner.flush())
    path.write_bytes(zlib.compress(b"".join(parts), 9))


def nested_mime(depth: int) -> bytes:
    """A mail whose multiparts nest `depth` levels deep."""
    lines = ["From: a@example.invalid", "Subject: Bewerbung", "MIME-Version: 1.0"]
    for level in range(depth):
        lines += [f'Content-Type: multipart/mixed; boundary="b{level}"', "", f"--b{level}"]
    lines += ["Content-Type: text/plain", "", "x"]
    for level in reversed(range(depth)):
        lines.append(f"--b{level}--")
    return "\r\n".join(lines).encode()


def deep_json(depth: int) -> bytes:
    return b'{"format": "zwk-application", "data": ' + b"[" * depth + b"]" * depth + b"}"


def huge_number_json(example: str) -> bytes:
    envelope = copy.deepcopy(load_example(EXAMPLES[example]))
    text = json.dumps(envelope, ensure_ascii=False)
    return text.replace('"einwohner": 2418', '"einwohner": 1' + "0" * 100_000, 1).encode()


__all__ = ["mail_name"]
