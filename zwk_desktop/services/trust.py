"""Trust anchors for `verify`: was the signer's certificate issued by a trusted authority?

Without anchors, `verify` checks integrity only (the package is unchanged since it was signed,
by whoever holds that key). With anchors (`--trust` a PEM/DER file or a folder of them, or the
folder in the settings of the Prüfansicht), the signer's certificate must lead, through the
certificates in the signature, to one of them: "vertrauenswürdig ausgestellt von …", else "nicht
vertrauenswürdig". The path is checked with pyhanko-certvalidator at the current time; revocation
(CRL/OCSP) needs the network and is not checked, which the result says.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from zwk_desktop import oserrors

ANCHOR_SUFFIXES = (".pem", ".crt", ".cer", ".der")
MAX_ANCHOR_FILES = 500
MAX_ANCHOR_BYTES = 1024 * 1024
REVOCATION_NOTE = (
    "Der Sperrstatus (Widerruf) der Zertifikate wird offline nicht geprüft; das geht nur beim "
    "Aussteller (Sperrliste oder OCSP)."
)
INTEGRITY_ONLY_NOTE = (
    "Geprüft wurde nur die Unversehrtheit: die Dateien sind unverändert, seit sie mit diesem "
    "Zertifikat signiert wurden. Ob das Zertifikat von einer vertrauenswürdigen Stelle ausgestellt "
    "ist, wurde nicht geprüft (dafür --trust mit den Zertifikaten der Aussteller)."
)


class TrustError(Exception):
    """The anchors cannot be read (German sentence)."""


@dataclass(frozen=True)
class TrustAnchors:
    certificates: tuple[Any, ...]
    """asn1crypto certificates."""
    source: str

    @property
    def names(self) -> list[str]:
        return [_name(c.subject) for c in self.certificates]


@dataclass(frozen=True)
class TrustResult:
    trusted: bool
    message: str
    """"vertrauenswürdig ausgestellt von …" or "nicht vertrauenswürdig: …"."""
    anchor: str = ""


def _name(name: Any) -> str:
    native = name.native
    for key in ("common_name", "organization_name"):
        if native.get(key):
            value = native[key]
            return str(value[0] if isinstance(value, list) else value)
    return str(name.human_friendly)


def _parse(raw: bytes) -> list[Any]:
    from asn1crypto import pem
    from asn1crypto import x509 as ax509

    if pem.detect(raw):
        return [
            ax509.Certificate.load(der)
            for kind, _, der in pem.unarmor(raw, multiple=True)
            if kind == "CERTIFICATE"
        ]
    cert = ax509.Certificate.load(raw, strict=True)
    _ = cert.subject.native  # parse now: a non-certificate fails here, not later
    return [cert]


def load_anchors(path: Path) -> TrustAnchors:
    """The certificates of a PEM/DER file, or of every such file in a folder (and below)."""
    if not path.exists():
        raise TrustError(f"Die Vertrauensanker {path} gibt es nicht.")
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.suffix.lower() in ANCHOR_SUFFIXES)
        if len(files) > MAX_ANCHOR_FILES:
            raise TrustError(f"Im Ordner {path} liegen zu viele Zertifikatsdateien.")
    else:
        files = [path]
    certs: list[Any] = []
    for file in files:
        try:
            if file.stat().st_size > MAX_ANCHOR_BYTES:
                raise TrustError(f"{file} ist zu groß für eine Zertifikatsdatei.")
            certs += _parse(file.read_bytes())
        except OSError as exc:
            raise TrustError(f"{file} kann nicht gelesen werden ({oserrors.cause(exc)}).") from None
        except (ValueError, TypeError):
            if not path.is_dir():
                raise TrustError(
                    f"{file} enthält kein lesbares Zertifikat (erwartet: PEM oder DER)."
                ) from None
    if not certs:
        raise TrustError(f"In {path} liegt kein Zertifikat (.pem, .crt, .cer oder .der).")
    return TrustAnchors(tuple(certs), str(path))


def check_certificate(cert: Any, others: list[Any], anchors: TrustAnchors) -> TrustResult:
    """Whether `cert` (asn1crypto) leads through `others` to one of the anchors, today."""
    from pyhanko_certvalidator import CertificateValidator, ValidationContext
    from pyhanko_certvalidator import errors as e

    context = ValidationContext(
        trust_roots=list(anchors.certificates),
        other_certs=others,
        allow_fetching=False,
        revocation_mode="soft-fail",
    )
    validator = CertificateValidator(cert, intermediate_certs=others, validation_context=context)
    issuer = _name(cert.issuer)
    try:
        path = asyncio.run(validator.async_validate_path())
    except e.PathBuildingError:
        return TrustResult(
            False,
            f"nicht vertrauenswürdig: das Zertifikat (ausgestellt von „{issuer}“) führt zu "
            "keinem der Vertrauensanker.",
        )
    except e.ExpiredError:
        return TrustResult(
            False, "nicht vertrauenswürdig: ein Zertifikat der Ausstellerkette ist abgelaufen."
        )
    except e.NotYetValidError:
        return TrustResult(
            False,
            "nicht vertrauenswürdig: ein Zertifikat der Ausstellerkette ist noch nicht gültig.",
        )
    except e.DisallowedAlgorithmError:
        return TrustResult(
            False, "nicht vertrauenswürdig: die Ausstellerkette nutzt ein unsicheres Verfahren."
        )
    except (e.PathValidationError, e.InvalidCertificateError, e.ValidationError):
        return TrustResult(False, "nicht vertrauenswürdig: die Ausstellerkette ist ungültig.")
    anchor = _name(path.trust_anchor.authority.name)
    if path.pkix_len == 0 or cert.sha256 in {a.sha256 for a in anchors.certificates}:
        return TrustResult(
            True,
            "vertrauenswürdig: das Zertifikat selbst ist als Vertrauensanker hinterlegt",
            anchor,
        )
    if anchor != issuer:  # whole phrases, so that the window can translate them
        message = f"vertrauenswürdig ausgestellt von „{issuer}“ (Vertrauensanker „{anchor}“)"
    else:
        message = f"vertrauenswürdig ausgestellt von „{issuer}“"
    return TrustResult(True, message, anchor)


def check_cms(signature: bytes, anchors: TrustAnchors) -> TrustResult:
    """Trust of the signer of a detached CMS signature, with the certificates it carries."""
    from asn1crypto import cms

    try:
        signed = cms.ContentInfo.load(signature)["content"]
        certs = [c.chosen for c in signed["certificates"] if c.name == "certificate"]
        sid = signed["signer_infos"][0]["sid"]
        if sid.name == "issuer_and_serial_number":
            wanted = sid.chosen
            signer = next(
                c
                for c in certs
                if c.issuer == wanted["issuer"]
                and c.serial_number == wanted["serial_number"].native
            )
        else:
            signer = next(c for c in certs if c.key_identifier == sid.chosen.native)
    except Exception:  # damage was reported by the integrity check already
        return TrustResult(False, "nicht vertrauenswürdig: die Signatur nennt kein Zertifikat.")
    return check_certificate(signer, [c for c in certs if c is not signer], anchors)
