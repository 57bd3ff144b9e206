"""A test PKI made with `cryptography`: a CA and certificates for the signature-card and
preflight tests (issue 17). Nothing here is a real trust service; every key lives in the test."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import NameOID

DAY = dt.timedelta(days=1)


def name(cn: str, org: str = "") -> x509.Name:
    attrs = [x509.NameAttribute(NameOID.COMMON_NAME, cn)]
    if org:
        attrs.append(x509.NameAttribute(NameOID.ORGANIZATION_NAME, org))
    attrs.append(x509.NameAttribute(NameOID.COUNTRY_NAME, "DE"))
    return x509.Name(attrs)


def usage(
    *, signature: bool = True, non_repudiation: bool = True, cert_sign: bool = False
) -> x509.KeyUsage:
    return x509.KeyUsage(
        digital_signature=signature,
        content_commitment=non_repudiation,
        key_encipherment=not (signature or non_repudiation or cert_sign),
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=cert_sign,
        crl_sign=cert_sign,
        encipher_only=False,
        decipher_only=False,
    )


@dataclass
class Issued:
    key: Any
    cert: x509.Certificate

    def pem(self) -> bytes:
        return self.cert.public_bytes(serialization.Encoding.PEM)

    def der(self) -> bytes:
        return self.cert.public_bytes(serialization.Encoding.DER)

    def pkcs8(self) -> bytes:
        return self.key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )

    def write(self, path: Path) -> Path:
        path.write_bytes(self.pem())
        return path


def make_ca(cn: str = "ZWK Test-CA", *, days: int = 3650) -> Issued:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    now = dt.datetime.now(dt.UTC)
    subject = name(cn, "Testzertifizierungsstelle")
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - DAY)
        .not_valid_after(now + days * DAY)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(usage(signature=False, non_repudiation=False, cert_sign=True), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    return Issued(key, cert)


def issue(
    ca: Issued | None,
    cn: str = "Katrin Wendland",
    *,
    org: str = "Gemeinde Lindenhagen",
    start: dt.datetime | None = None,
    days: float = 730,
    end: dt.datetime | None = None,
    key_usage: x509.KeyUsage | None = None,
    no_key_usage: bool = False,
    key: Any | None = None,
    bits: int = 2048,
    email: str = "",
) -> Issued:
    """A person's certificate issued by `ca` (self-issued when `ca` is None)."""
    key = key or rsa.generate_private_key(public_exponent=65537, key_size=bits)
    now = dt.datetime.now(dt.UTC)
    start = start or now - DAY
    subject = name(cn, org)
    builder = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(ca.cert.subject if ca else subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(end or now + dt.timedelta(days=days))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
    )
    if not no_key_usage:
        builder = builder.add_extension(key_usage or usage(), critical=True)
    if ca is not None:
        builder = builder.add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca.key.public_key()),
            critical=False,
        )
    if email:
        builder = builder.add_extension(
            x509.SubjectAlternativeName([x509.RFC822Name(email)]), critical=False
        )
    signer = ca.key if ca else key
    return Issued(key, builder.sign(signer, hashes.SHA256()))


def ec_key() -> Any:
    return ec.generate_private_key(ec.SECP256R1())


def make_intermediate(root: Issued, cn: str = "ZWK Test-Unter-CA") -> Issued:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name(cn, "Testzertifizierungsstelle"))
        .issuer_name(root.cert.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - DAY)
        .not_valid_after(now + 1825 * DAY)
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(usage(signature=False, non_repudiation=False, cert_sign=True), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(root.key.public_key()),
            critical=False,
        )
        .sign(root.key, hashes.SHA256())
    )
    return Issued(key, cert)


def pkcs12_file(issued: Issued, chain: tuple[Issued, ...], passphrase: bytes) -> bytes:
    from cryptography.hazmat.primitives.serialization import pkcs12

    return pkcs12.serialize_key_and_certificates(
        b"test",
        issued.key,
        issued.cert,
        [c.cert for c in chain] or None,
        serialization.BestAvailableEncryption(passphrase),
    )
