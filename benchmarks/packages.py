"""Signed packages for the receiving-side benchmarks, and the bare checks they are measured against.

`BARE_CHECKS` is what a script written against the libraries alone does with one package: read
the files (from the folder or the e-mail), hash every file listed in the manifest (format 2: the
files named by their roles), validate the manifest's detached CMS and the PDF's signature with
pyHanko, take the JSON embedded in the PDF with pikepdf and compare it with the file beside it.
No form, no re-validation, no rows.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from zwk_desktop.domain.draft import read_draft
from zwk_desktop.formspec import get_form
from zwk_desktop.services.export import acknowledge_all, export_package, readiness
from zwk_desktop.services.identities import IdentityStore, PassphraseRequest, SigningKey
from zwk_desktop.services.secrets import SecretStoreStatus

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"

BARE_CHECKS = """
import asyncio, email, email.policy, hashlib, io, json
from pathlib import Path

import pikepdf
from asn1crypto import cms
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.generic_cms import async_validate_detached_cms
from pyhanko_certvalidator import ValidationContext


def _context(cert):
    return ValidationContext(trust_roots=[cert], allow_fetching=False, revocation_mode="soft-fail")


def bare_check(path):
    path = Path(path)
    if path.is_dir():
        files = {p.relative_to(path).as_posix(): p.read_bytes()
                 for p in sorted(path.rglob("*")) if p.is_file()}
    else:
        msg = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
        files = {part.get_filename(): part.get_payload(decode=True)
                 for part in msg.iter_attachments()}
    manifest_name = next(n for n in files if n.endswith("_manifest.json"))
    manifest = json.loads(files[manifest_name])
    ok = all(hashlib.sha256(files[e["path"]]).hexdigest() == e["sha256"]
             for e in manifest["files"])
    roles = {e["role"]: e["path"] for e in manifest["files"]}
    signed = cms.ContentInfo.load(files[manifest_name + ".p7s"])["content"]
    status = asyncio.run(async_validate_detached_cms(
        files[manifest_name], signed,
        signer_validation_context=_context(signed["certificates"][0].chosen)))
    ok = ok and status.intact and status.valid
    pdf = files[roles["pdf"]]
    sig = PdfFileReader(io.BytesIO(pdf), strict=False).embedded_signatures[0]
    pdf_status = validate_pdf_signature(sig, signer_validation_context=_context(sig.signer_cert))
    ok = ok and pdf_status.intact and pdf_status.valid
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        inner = doc.attachments["bewerbung.json"].get_file().read_bytes()
    ok = ok and inner == files[roles["json"]]
    json.loads(inner)
    return ok
"""
"""The bare checks as source: run in a fresh process (``BARE_SCRIPT``) or exec'd in this one."""

BARE_SCRIPT = (
    BARE_CHECKS + "\nimport sys\nprint('gültig' if bare_check(sys.argv[1]) else 'UNGÜLTIG')\n"
)


def bare_checker() -> object:
    """The function `bare_check(path) -> bool`, compiled in this process."""
    scope: dict[str, object] = {}
    exec(compile(BARE_CHECKS, "<bare checks>", "exec"), scope)
    return scope["bare_check"]


class _NoKeyring:
    def status(self) -> SecretStoreStatus:
        return SecretStoreStatus(False, "", "Benchmark ohne Schlüsselbund")

    def get(self, key: str) -> str | None:
        return None

    def set(self, key: str, secret: str) -> None:
        raise AssertionError("no keyring in the benchmark")

    def delete(self, key: str) -> None:
        return None


def _ask(request: PassphraseRequest) -> str:
    return "benchmark-passphrase"


def signing_key(folder: Path, name: str, funktion: str, kommune: str) -> SigningKey:
    """A self-signed identity made for the benchmark (no keyring: the passphrase is fixed)."""
    store = IdentityStore(folder, _NoKeyring())
    return store.unlock(store.create_self_signed(name, funktion, kommune, "", _ask), _ask)


def make_packages(folder: Path) -> list[Path]:
    """The three examples, each signed by its own signatory: [folder, mail, folder, mail, …]."""
    out: list[Path] = []
    now = dt.datetime(2021, 7, 15, 10, 30, tzinfo=dt.timezone(dt.timedelta(hours=2)))
    for example in sorted(EXAMPLES.glob("*.zwk")):
        draft = read_draft(example)
        spec = get_form(draft.form_id, draft.form_version)
        ready = readiness(spec, draft)
        if ready.unacknowledged:
            draft = acknowledge_all(draft, ready.unacknowledged, "Benchmark")
        who = draft.data["unterschrift"]
        key = signing_key(
            folder / "identities", who["name"], who["funktion"], draft.data["kommune"]["name"]
        )
        result = export_package(spec, draft, key, folder / "export", now=now)
        out.extend([result.folder, result.mail])
    return out
