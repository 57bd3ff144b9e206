"""Signatures: PAdES B-B on the PDF (pyHanko), detached CMS over the manifest, and their checks.

The PDF signature is visible in the signature block (name, function, date, place) and drawn
with the embedded Noto Sans, so no unembedded font enters the file. Signing is the last step for
the PDF: nothing touches the bytes afterwards. pyHanko is imported here, at export time only.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import hashlib
import importlib
import io
import logging
import sys
import types
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.serialization import pkcs7

from zwk_desktop.services.package import Signer

if TYPE_CHECKING:
    from pyhanko_certvalidator import ValidationContext

    from zwk_desktop.services.identities import SigningKey
    from zwk_desktop.services.pdf import SignaturePlace
    from zwk_desktop.services.token_keys import SignatureKey

FIELD_NAME = "Signatur"
DEFERRED = {
    "pyhanko.sign.timestamps.aiohttp_client": ("HTTPTimeStamper",),
    "pyhanko_certvalidator.fetchers.aiohttp_fetchers": ("AIOHttpFetcherBackend",),
}
"""pyHanko's network clients (time stamps, revocation fetching) and the classes that pyHanko's
own modules import from them when they are imported."""
_STAND_INS: dict[str, types.ModuleType] = {}


def _real_modules() -> None:
    for name, module in _STAND_INS.items():
        if sys.modules.get(name) is module:
            del sys.modules[name]
    _STAND_INS.clear()


def _defer_network_clients() -> None:
    """Importing ``pyhanko.sign`` imports its network clients and with them aiohttp (~170 ms
    at every export), although this program never fetches anything (offline, PAdES B-B, no
    time stamp). Until something really uses a client, a stand-in module takes its place; the
    first use of any of them imports the real ones and hands over, so nothing changes for code
    that does use them."""
    for name, classes in DEFERRED.items():
        if name in sys.modules:
            continue
        stand_in = types.ModuleType(name)

        def real(attr: str, module: str = name) -> Any:
            if attr.startswith("__"):  # the import system asks for __path__ & Co.
                raise AttributeError(attr)
            _real_modules()
            return getattr(importlib.import_module(module), attr)

        for cls in classes:

            def new(_: type, *args: Any, _name: str = cls, _real: Any = real, **kw: Any) -> Any:
                return _real(_name)(*args, **kw)

            setattr(stand_in, cls, type(cls, (), {"__new__": new}))
        stand_in.__getattr__ = real  # type: ignore[method-assign]  # other names: the real ones
        sys.modules[name] = _STAND_INS[name] = stand_in


def _signer(key: SigningKey) -> Any:
    """pyHanko's signer for `key`, signing with the key object already in memory: pyHanko's
    own `SimpleSigner` loads the private key from its DER bytes again for each signature,
    which repeats the RSA key check (~100 ms for RSA-3072)."""
    from cryptography.hazmat.primitives.asymmetric import padding, rsa
    from pyhanko.sign import signers
    from pyhanko_certvalidator.registry import SimpleCertificateStore
    from pyhanko_certvalidator.util import get_pyca_cryptography_hash

    class LoadedKeySigner(signers.SimpleSigner):
        def sign_raw(self, data: bytes, digest_algorithm: str) -> bytes:
            mechanism = self.get_signature_mechanism_for_digest(digest_algorithm)
            try:
                name = mechanism.signature_algo
            except ValueError:
                name = mechanism["algorithm"].native
            if name == "rsassa_pkcs1v15" and isinstance(key.private_key, rsa.RSAPrivateKey):
                algorithm = get_pyca_cryptography_hash(digest_algorithm)
                return key.private_key.sign(data, padding.PKCS1v15(), algorithm)
            return bytes(super().sign_raw(data, digest_algorithm))

    cert, private, chain = _asn1(key)
    return LoadedKeySigner(
        signing_cert=cert,
        signing_key=private,
        cert_registry=SimpleCertificateStore.from_certs([cert, *chain]),  # type: ignore[no-untyped-call]
    )


def producer_name() -> str:
    """What pyHanko writes as Producer into the info dictionary and the XMP of a file it signs:
    the same string set there beforehand keeps both equal."""
    from pyhanko.pdf_utils.metadata.model import VENDOR

    return str(VENDOR)


@dataclass(frozen=True)
class SignatureCheck:
    """Result of checking one signature; `problem` is a German sentence when not ok."""

    ok: bool
    problem: str = ""
    signer: str = ""
    fingerprint: str = ""
    signed_at: dt.datetime | None = None
    content_changed: bool = False
    """The signature itself is sound but the signed content differs (for detached CMS)."""
    self_signed: bool = False
    """The certificate is issued by its own subject."""
    subject: str = ""
    issuer: str = ""


def _asn1(key: SigningKey) -> tuple[object, object, list[object]]:
    from asn1crypto import keys as akeys
    from asn1crypto import x509 as ax509

    cert = ax509.Certificate.load(key.certificate.public_bytes(serialization.Encoding.DER))
    private = akeys.PrivateKeyInfo.load(
        key.private_key.private_bytes(
            serialization.Encoding.DER,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    chain = [ax509.Certificate.load(c.public_bytes(serialization.Encoding.DER)) for c in key.chain]
    return cert, private, chain


def stamp_lines(key: SignatureKey, ort: str, when: dt.datetime) -> list[str]:
    """What the signature box shows: who signs, in which function, where and when."""
    identity = key.identity
    lines = [
        "Elektronisch signiert von",
        identity.name,
        identity.funktion,
        f"{ort}, {when:%d.%m.%Y %H:%M} Uhr" if ort else f"{when:%d.%m.%Y %H:%M} Uhr",
    ]
    if identity.self_signed:
        lines.append("Selbst ausgestelltes Zertifikat – keine QES")
    return lines


def _has_empty_field(writer: Any) -> bool:
    from pyhanko.sign.fields import enumerate_sig_fields

    return any(enumerate_sig_fields(writer, filled_status=False, with_name=FIELD_NAME))


def sign_pdf(
    pdf: bytes,
    key: SignatureKey,
    place: SignaturePlace,
    *,
    ort: str,
    when: dt.datetime | None = None,
) -> bytes:
    """PAdES B-B signature in `place`; returns the signed file.

    A PDF of `render_pdf` brings the empty signature field, and the page itself shows
    `stamp_lines` in the box below it as tagged text (a screen reader reads it, pdftotext
    finds it): the field's own appearance stays empty. Any other PDF gets the lines drawn
    into the field's appearance, in the embedded stamp font."""
    _defer_network_clients()
    from pyhanko import stamp
    from pyhanko.pdf_utils.content import RawContent
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.pdf_utils.layout import BoxConstraints
    from pyhanko.sign import fields, signers

    from zwk_desktop.services.pdf_fonts import STAMP, TextConverter, font_path, register_fonts
    from zwk_desktop.services.token_keys import TokenKey, card_failure

    # a card signs with pyHanko's PKCS11Signer, a key file with the key already in memory
    signer: signers.Signer = key.signer if isinstance(key, TokenKey) else _signer(key)
    identity = key.identity
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    style: Any
    if _has_empty_field(writer):
        empty = RawContent(
            b"", box=BoxConstraints(place.box[2] - place.box[0], place.box[3] - place.box[1])
        )
        style = stamp.StaticStampStyle(border_width=0, background=empty, background_opacity=1)
    else:
        from pyhanko.pdf_utils.font.opentype import GlyphAccumulatorFactory
        from pyhanko.pdf_utils.text import TextBoxStyle

        text = TextConverter(register_fonts())
        lines = stamp_lines(key, ort, when or dt.datetime.now().astimezone())
        style = stamp.TextStampStyle(
            stamp_text="\n".join(text.plain(line, STAMP).replace("%", "%%") for line in lines),
            border_width=0,
            background=None,
            text_box_style=TextBoxStyle(
                font=GlyphAccumulatorFactory(str(font_path(STAMP)), font_size=8)
            ),
        )
    meta = signers.PdfSignatureMetadata(
        field_name=FIELD_NAME,
        md_algorithm="sha256",
        subfilter=fields.SigSeedSubFilter.PADES,
        location=ort or None,
        reason="Bewerbung Zukunftswerkstatt Kommunen",
        name=identity.name,
    )
    pdf_signer = signers.PdfSigner(
        meta,
        signer,
        stamp_style=style,
        new_field_spec=fields.SigFieldSpec(FIELD_NAME, on_page=place.page, box=place.box),
    )
    out = io.BytesIO()
    if isinstance(key, TokenKey):
        from pkcs11 import PKCS11Error

        try:
            pdf_signer.sign_pdf(writer, output=out)
        except PKCS11Error as exc:
            raise card_failure(exc) from None
    else:
        pdf_signer.sign_pdf(writer, output=out)
    return out.getvalue()


def signer_of(key: SignatureKey) -> Signer:
    """The signer as the manifest names it: the certificate's common name, the identity's
    function, Kommune and e-mail, and the certificate."""
    from cryptography.x509.oid import NameOID

    cn = key.certificate.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    identity = key.identity
    return Signer(
        name=str(cn[0].value) if cn else identity.name,
        funktion=identity.funktion,
        kommune=identity.kommune,
        email=identity.email,
        subject=identity.subject,
        issuer=identity.issuer,
        certificate_sha256=identity.fingerprint,
        self_signed=identity.self_signed,
    )


def sign_detached(data: bytes, key: SignatureKey) -> bytes:
    """A detached CMS (PKCS #7) signature over `data`, DER, with the signer certificate."""
    from zwk_desktop.services.token_keys import TokenKey

    if isinstance(key, TokenKey):
        return key.sign_cms(data)
    builder = (
        pkcs7.PKCS7SignatureBuilder()
        .set_data(data)
        .add_signer(key.certificate, key.private_key, hashes.SHA256())
    )
    for cert in key.chain:
        builder = builder.add_certificate(cert)
    return builder.sign(
        serialization.Encoding.DER,
        [pkcs7.PKCS7Options.DetachedSignature, pkcs7.PKCS7Options.Binary],
    )


def _validation_context(cert: Any) -> ValidationContext:
    from pyhanko_certvalidator import ValidationContext

    return ValidationContext(trust_roots=[cert], allow_fetching=False, revocation_mode="soft-fail")


def _well_formed(info: Any, signed: Any, raw: bytes) -> bool:
    """Exactly the structure we write: one signer, its digest algorithm declared, plain data,
    canonical DER (a change in a part the signature does not cover is damage too)."""
    signers = signed["signer_infos"]
    return bool(
        info["content_type"].native == "signed_data"
        and len(signers) == 1
        and [a.native for a in signed["digest_algorithms"]]
        == [signers[0]["digest_algorithm"].native]
        and signed["encap_content_info"]["content_type"].native == "data"
        and signed["encap_content_info"]["content"].native is None
        and info.dump(force=True) == raw
    )


def _common_name(cert: Any) -> str:
    native = cert.subject.native
    return str(native.get("common_name") or cert.subject.human_friendly)


def check_detached(data: bytes, signature: bytes) -> SignatureCheck:
    """Whether `signature` is an intact CMS signature over exactly `data`."""
    from asn1crypto import cms
    from pyhanko.sign.validation.generic_cms import async_validate_detached_cms

    try:
        info = cms.ContentInfo.load(signature, strict=True)
        signed = info["content"]
        if not _well_formed(info, signed, signature):
            return SignatureCheck(False, "Die Signaturdatei ist beschädigt.")
        cert = signed["certificates"][0].chosen
        with _pyhanko_log():
            status = asyncio.run(
                async_validate_detached_cms(
                    data, signed, signer_validation_context=_validation_context(cert)
                )
            )
    except Exception:  # any damage to the DER is "not a valid signature"
        return SignatureCheck(False, "Die Signaturdatei ist beschädigt oder keine CMS-Signatur.")
    fp = hashlib.sha256(status.signing_cert.dump()).hexdigest()
    signer = _common_name(status.signing_cert)
    if not status.valid:
        return SignatureCheck(False, "Die Signaturdatei ist beschädigt.", signer, fp)
    if not status.intact:
        return SignatureCheck(
            False, "Die Signatur passt nicht zum Inhalt.", signer, fp, content_changed=True
        )
    cert = status.signing_cert
    return SignatureCheck(
        True,
        "",
        signer,
        fp,
        self_signed=cert.subject == cert.issuer,
        subject=cert.subject.human_friendly,
        issuer=cert.issuer.human_friendly,
    )


@contextmanager
def _pyhanko_log() -> Iterator[list[logging.LogRecord]]:
    """Keep what pyHanko logs while checking (its diff analysis logs a whole traceback on
    stderr for a modified file) and hand it back, to be summarised in German."""
    records: list[logging.LogRecord] = []

    class _Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            records.append(record)

    handler = _Keep(logging.WARNING)
    loggers = [logging.getLogger(name) for name in ("pyhanko", "pyhanko_certvalidator")]
    saved = [logger.propagate for logger in loggers]
    for logger in loggers:
        logger.addHandler(handler)
        logger.propagate = False
    try:
        yield records
    finally:
        for logger, propagate in zip(loggers, saved, strict=True):
            logger.removeHandler(handler)
            logger.propagate = propagate


def check_pdf(pdf: bytes) -> SignatureCheck:
    """Whether the PDF carries exactly one intact signature that covers the whole file."""
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.status import SignatureCoverageLevel

    try:
        with _pyhanko_log() as logged:
            reader = PdfFileReader(io.BytesIO(pdf), strict=False)
            sigs = reader.embedded_signatures
            if len(sigs) != 1:
                return SignatureCheck(
                    False, f"Das PDF enthält {len(sigs)} statt genau einer Signatur."
                )
            sig = sigs[0]
            status = validate_pdf_signature(
                sig, signer_validation_context=_validation_context(sig.signer_cert)
            )
    except Exception:  # a damaged PDF is "not validly signed", whatever broke
        return SignatureCheck(
            False, "Die Signatur des PDF lässt sich nicht prüfen; die Datei ist beschädigt."
        )
    fp = hashlib.sha256(status.signing_cert.dump()).hexdigest()
    signer = _common_name(status.signing_cert)
    if not (status.intact and status.valid):
        return SignatureCheck(
            False,
            "Die Signatur des PDF ist ungültig: der Inhalt wurde nach der Signatur verändert.",
            signer,
            fp,
        )
    if status.coverage != SignatureCoverageLevel.ENTIRE_FILE:
        diff_failed = any(r.name.startswith("pyhanko.sign.diff_analysis") for r in logged)
        return SignatureCheck(
            False,
            # whole sentences, so that the window finds each in its catalogue
            "Die Signatur des PDF deckt nicht die ganze Datei ab: nach der Signatur wurde "
            "etwas angefügt (die Prüfung dieser Änderung ergab, dass sie nicht zulässig ist)."
            if diff_failed
            else "Die Signatur des PDF deckt nicht die ganze Datei ab: nach der Signatur wurde "
            "etwas angefügt.",
            signer,
            fp,
        )
    return SignatureCheck(True, "", signer, fp, status.signer_reported_dt)
