"""A full export vs a bare reportlab build of the same content plus a bare pyHanko signature.

Ours: `export_package` on the largest example (validation, PDF with header/footer and page
count, JSON embedding with XMP and output intent, visible PAdES signature, package files,
manifest with CMS signature, e-mail), written to a temporary folder. Baseline, in the same run:
reportlab typesetting the same flowables into a plain document, then pyHanko signing that file
with the same RSA-3072 key and no visible stamp. Target: ours ≤ 1.5 × baseline (medians).
"""

from __future__ import annotations

import datetime as dt
import io
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks import Result, benchmark
from zwk_desktop.domain.draft import draft_from_json, normalize, read_draft
from zwk_desktop.domain.signatory import signatory_of
from zwk_desktop.formspec import get_form
from zwk_desktop.services.export import acknowledge_all, export_package, readiness
from zwk_desktop.services.identities import IdentityStore, PassphraseRequest, SigningKey
from zwk_desktop.services.secrets import SecretStoreStatus

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
RUNS = 9


class _NoKeyring:
    def status(self) -> SecretStoreStatus:
        return SecretStoreStatus(False, "", "Benchmark ohne Schlüsselbund")

    def get(self, key: str) -> str | None:
        return None

    def set(self, key: str, secret: str) -> None:
        raise AssertionError("no keyring in the benchmark")

    def delete(self, key: str) -> None:
        return None


def _medians(a: Callable[[], object], b: Callable[[], object]) -> tuple[float, float]:
    """Median times of `a` and `b`, run alternately so that load on the shared machine hits
    both alike."""
    a()  # warm-up: imports, font registration
    b()
    samples: tuple[list[float], list[float]] = ([], [])
    for _ in range(RUNS):
        for fn, out in ((a, samples[0]), (b, samples[1])):
            start = time.perf_counter()
            fn()
            out.append(time.perf_counter() - start)
    return statistics.median(samples[0]), statistics.median(samples[1])


def _key(folder: Path, name: str, funktion: str) -> SigningKey:
    """A self-signed identity for the person the draft names as signing (the export signs
    only for that person, issue 11)."""
    store = IdentityStore(folder, _NoKeyring())

    def ask(request: PassphraseRequest) -> str:
        return "benchmark-passphrase"

    identity = store.create_self_signed(name, funktion, "Benchstadt", "", ask)
    return store.unlock(identity, ask)


def _bare(spec: object, data: dict[str, object], key: SigningKey) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate

    from zwk_desktop.services.pdf_fonts import TextConverter, register_fonts
    from zwk_desktop.services.pdf_layout import Layout
    from zwk_desktop.services.signing import _asn1

    layout = Layout(spec, data, TextConverter(register_fonts()), (), {})  # type: ignore[arg-type]
    story = []
    for number, section in enumerate(spec.sections, start=1):  # type: ignore[attr-defined]
        story.extend(layout.section(number, section, layout.section_body(section)))
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4).build(story)

    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import signers
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    cert, private, _ = _asn1(key)
    signer = signers.SimpleSigner(
        signing_cert=cert,
        signing_key=private,
        cert_registry=SimpleCertificateStore.from_certs([cert]),  # type: ignore[no-untyped-call]
    )
    out = io.BytesIO()
    signers.sign_pdf(
        IncrementalPdfFileWriter(io.BytesIO(buffer.getvalue())),
        signers.PdfSignatureMetadata(field_name="Signatur"),
        signer=signer,
        output=out,
    )
    return out.getvalue()


@benchmark
def export() -> list[Result]:
    largest = max(EXAMPLES.glob("*.zwk"), key=lambda p: len(p.read_bytes()))
    draft = read_draft(largest)
    spec = get_form(draft.form_id, draft.form_version)
    ready = readiness(spec, draft)
    if ready.unacknowledged:
        draft = acknowledge_all(draft, ready.unacknowledged, "Benchmark")
    draft = draft_from_json(draft.to_json())
    data = normalize(spec, draft.data)
    work = Path(tempfile.mkdtemp(prefix="zwk-bench-"))
    try:
        who = signatory_of(draft.data)
        key = _key(work / "identities", who.name, who.funktion)
        now = dt.datetime.now().astimezone()

        def ours() -> None:
            out = work / "out"
            export_package(spec, draft, key, out, now=now)
            shutil.rmtree(out)

        ours_s, bare_s = _medians(ours, lambda: _bare(spec, data, key))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return [
        Result(
            f"Vollständiger Export ({largest.name})",
            ours_s,
            bare_s,
            "s",
            "≤ 1,5 × reportlab + pyHanko",
            ours_s <= 1.5 * bare_s,
        )
    ]
