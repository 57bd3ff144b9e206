"""Certificate preflight: can this certificate sign the application, today and until the deadline?

Checked for every identity (file, keyring, signature card): the validity period against today
and against the call's deadline, the key usage (digitalSignature or nonRepudiation), the key
size (RSA at least 2048 bit, EC at least 256 bit), the issuer chain as far as the issuers'
certificates are present, and whether the certificate is self-issued. Each note has a stable
code, a level and one German sentence; `Preflight.blocking` says whether the export must refuse.
Expiry is announced 90, 40 and 2 days ahead (`WARNING_DAYS`). `cryptography` is imported where it
is used, so that the program starts without it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from zwk_desktop.domain import formatting

if TYPE_CHECKING:
    from cryptography import x509

Level = Literal["sperre", "warnung", "hinweis"]
"""sperre: the certificate cannot sign (export refused); warnung: it can, but look;
hinweis: a fact worth knowing."""

WARNING_DAYS = (90, 40, 2)
"""Expiry is announced at these numbers of days before the end of the validity period."""
MIN_RSA_BITS = 2048
MIN_EC_BITS = 256
MAX_CHAIN = 10

_ORDER: dict[str, int] = {"sperre": 0, "warnung": 1, "hinweis": 2}

# Extended key usages under which a document signature is expected (RFC 9336 documentSigning,
# e-mail protection, Adobe's and Microsoft's document signing, and "any").
_SIGNING_EKUS = {
    "1.3.6.1.5.5.7.3.36",
    "1.3.6.1.5.5.7.3.4",
    "1.2.840.113583.1.1.5",
    "1.3.6.1.4.1.311.10.3.12",
    "2.5.29.37.0",
}


@dataclass(frozen=True)
class CertNote:
    """One finding about a certificate."""

    code: str
    """Stable id: abgelaufen, noch_nicht_gueltig, laeuft_ab, ablauf_vor_frist,
    keine_signaturverwendung, keine_schluesselverwendung, zweck_fehlt, ca_zertifikat,
    schluessel_zu_kurz, schluesseltyp, selbst_ausgestellt, kette_vollstaendig,
    kette_unvollstaendig, kette_fehlerhaft."""
    level: Level
    short: str
    """A few words for a status column ("läuft in 30 Tagen ab")."""
    message: str
    """One German sentence."""

    def to_json(self) -> dict[str, str]:
        return {"code": self.code, "level": self.level, "status": self.short, "text": self.message}


@dataclass(frozen=True)
class Preflight:
    """Everything the preflight found, most severe first."""

    notes: tuple[CertNote, ...]
    not_after: dt.datetime
    days_left: int
    """Whole days from now to the end of the validity period (negative when expired)."""
    chain: tuple[str, ...] = ()
    """The names of the issuers found, from the direct issuer up."""

    @property
    def stage(self) -> int | None:
        """The expiry warning stage (90, 40, 2 days) reached, for reminders shown once each."""
        return expiry_stage(self.days_left)

    @property
    def blocking(self) -> bool:
        return any(n.level == "sperre" for n in self.notes)

    @property
    def level(self) -> str:
        """ "gesperrt", "Warnung" or "in Ordnung" (hints do not change the status)."""
        if self.blocking:
            return "gesperrt"
        if any(n.level == "warnung" for n in self.notes):
            return "Warnung"
        return "in Ordnung"

    @property
    def status(self) -> str:
        """A short German status: the most severe notes' words, or "in Ordnung"."""
        for level in ("sperre", "warnung"):
            words = [n.short for n in self.notes if n.level == level]
            if words:
                return ", ".join(words)
        self_issued = [n.short for n in self.notes if n.code == "selbst_ausgestellt"]
        return ", ".join(["in Ordnung", *self_issued])

    def reasons(self) -> list[str]:
        """The sentences that block the export."""
        return [n.message for n in self.notes if n.level == "sperre"]

    def warnings(self) -> list[str]:
        return [n.message for n in self.notes if n.level == "warnung"]

    def to_json(self) -> dict[str, Any]:
        return {
            "status": self.status,
            "level": self.level,
            "blocking": self.blocking,
            "not_after": self.not_after.isoformat(),
            "days_left": self.days_left,
            "chain": list(self.chain),
            "notes": [n.to_json() for n in self.notes],
        }


def name_of(name: x509.Name) -> str:
    """The CN of a certificate name, else its organisation, else the whole name."""
    from cryptography.x509.oid import NameOID

    for oid in (NameOID.COMMON_NAME, NameOID.ORGANIZATION_NAME):
        values = name.get_attributes_for_oid(oid)
        if values:
            return str(values[0].value)
    return name.rfc4514_string()


def _in_days(n: int) -> str:
    """ "heute", "in 1 Tag", "in 30 Tagen" (the words the window's translation looks up)."""
    if n == 0:
        return "heute"
    return "in 1 Tag" if n == 1 else f"in {n} Tagen"


def _validity(cert: x509.Certificate, now: dt.datetime, deadline: dt.date | None) -> list[CertNote]:
    start, end = cert.not_valid_before_utc, cert.not_valid_after_utc
    out: list[CertNote] = []
    if end < now:
        out.append(
            CertNote(
                "abgelaufen",
                "sperre",
                "abgelaufen",
                f"Das Zertifikat ist am {formatting.date(end.date())} abgelaufen; damit kann "
                "nicht mehr signiert werden.",
            )
        )
        return out
    if start > now:
        out.append(
            CertNote(
                "noch_nicht_gueltig",
                "sperre",
                "noch nicht gültig",
                f"Das Zertifikat ist erst ab dem {formatting.date(start.date())} gültig; vorher "
                "kann damit nicht signiert werden.",
            )
        )
    left = days_left(end, now)
    if expiry_stage(left) is not None:
        when = _in_days(left)
        out.append(
            CertNote(
                "laeuft_ab",
                "warnung",
                f"läuft {when} ab",
                f"Das Zertifikat läuft {when} ab (am {formatting.date(end.date())}). Beantragen "
                "Sie rechtzeitig ein neues Zertifikat bei der ausstellenden Stelle.",
            )
        )
    if deadline is not None and now.date() <= deadline and end.date() < deadline:
        out.append(
            CertNote(
                "ablauf_vor_frist",
                "warnung",
                "läuft vor Fristende ab",
                f"Das Zertifikat läuft am {formatting.date(end.date())} ab, vor dem Ende der "
                f"Bewerbungsfrist am {formatting.date(deadline)}: signieren Sie vorher.",
            )
        )
    return out


def _usage(cert: x509.Certificate) -> list[CertNote]:
    from cryptography import x509

    out: list[CertNote] = []
    try:
        usage = cert.extensions.get_extension_for_class(x509.KeyUsage).value
    except x509.ExtensionNotFound:
        out.append(
            CertNote(
                "keine_schluesselverwendung",
                "warnung",
                "ohne Schlüsselverwendung",
                "Das Zertifikat nennt keine Schlüsselverwendung; manche Prüfprogramme erwarten "
                "digitalSignature oder nonRepudiation.",
            )
        )
    else:
        if not (usage.digital_signature or usage.content_commitment):
            out.append(
                CertNote(
                    "keine_signaturverwendung",
                    "sperre",
                    "nicht zum Signieren bestimmt",
                    "Das Zertifikat ist nicht zum Signieren bestimmt: seine Schlüsselverwendung "
                    "nennt weder digitalSignature noch nonRepudiation.",
                )
            )
    try:
        ekus = cert.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value
    except x509.ExtensionNotFound:
        pass
    else:
        if not {e.dotted_string for e in ekus} & _SIGNING_EKUS:
            out.append(
                CertNote(
                    "zweck_fehlt",
                    "warnung",
                    "Zweck ohne Dokumentsignatur",
                    "Die erweiterte Schlüsselverwendung des Zertifikats nennt weder "
                    "Dokumentsignatur noch E-Mail-Schutz; manche Prüfprogramme lehnen die "
                    "Signatur deshalb ab.",
                )
            )
    try:
        basic = cert.extensions.get_extension_for_class(x509.BasicConstraints).value
    except x509.ExtensionNotFound:
        pass
    else:
        if basic.ca:
            out.append(
                CertNote(
                    "ca_zertifikat",
                    "warnung",
                    "Zertifikat einer Zertifizierungsstelle",
                    "Das ist das Zertifikat einer Zertifizierungsstelle, nicht das einer Person.",
                )
            )
    return out


def _key(cert: x509.Certificate) -> list[CertNote]:
    from cryptography.hazmat.primitives.asymmetric import ec, ed448, ed25519, rsa

    key = cert.public_key()
    if isinstance(key, rsa.RSAPublicKey):
        kind, bits, minimum = "RSA", key.key_size, MIN_RSA_BITS
    elif isinstance(key, ec.EllipticCurvePublicKey):
        kind, bits, minimum = "EC", key.curve.key_size, MIN_EC_BITS
    elif isinstance(key, ed25519.Ed25519PublicKey | ed448.Ed448PublicKey):
        return []
    else:
        return [
            CertNote(
                "schluesseltyp",
                "sperre",
                "Schlüsseltyp nicht unterstützt",
                "Der Schlüssel des Zertifikats ist weder RSA noch EC; damit kann nicht signiert "
                "werden.",
            )
        ]
    if bits < minimum:
        return [
            CertNote(
                "schluessel_zu_kurz",
                "sperre",
                f"{kind}-{bits} zu kurz",
                f"Der {kind}-Schlüssel hat nur {bits} Bit; nötig sind mindestens {minimum} Bit. "
                "So kurze Schlüssel gelten nicht mehr als sicher.",
            )
        ]
    return []


def days_left(end: dt.datetime, now: dt.datetime) -> int:
    """Calendar days (UTC) from `now` to `end`: 30 for a certificate that ends in 30 days."""
    return (end.astimezone(dt.UTC).date() - now.astimezone(dt.UTC).date()).days


def expiry_stage(left: int) -> int | None:
    """The warning stage (90, 40 or 2) a certificate with `left` days is in, or None."""
    return next((d for d in sorted(WARNING_DAYS) if 0 <= left <= d), None)


def self_issued(cert: x509.Certificate) -> bool:
    return cert.issuer == cert.subject


def _issued_by(cert: x509.Certificate, issuer: x509.Certificate) -> bool:
    try:
        cert.verify_directly_issued_by(issuer)
    except Exception:  # wrong name, wrong key type or a signature that does not verify
        return False
    return True


def _chain(
    cert: x509.Certificate, pool: Sequence[x509.Certificate], now: dt.datetime
) -> tuple[list[CertNote], tuple[str, ...]]:
    if self_issued(cert):
        if _issued_by(cert, cert):
            return [
                CertNote(
                    "selbst_ausgestellt",
                    "hinweis",
                    "selbst ausgestellt",
                    "Selbst ausgestellt: die Signatur belegt, dass die Daten unverändert sind, "
                    "aber nicht, wer signiert hat.",
                )
            ], ()
        return [
            CertNote(
                "kette_fehlerhaft",
                "warnung",
                "Zertifikat fehlerhaft",
                "Das Zertifikat nennt sich selbst als Aussteller, ist aber nicht mit seinem "
                "eigenen Schlüssel unterschrieben.",
            )
        ], ()
    names: list[str] = []
    current = cert
    for _ in range(MAX_CHAIN):
        if self_issued(current):
            return [
                CertNote(
                    "kette_vollstaendig",
                    "hinweis",
                    "Kette vollständig",
                    f"Die Ausstellerkette bis „{names[-1]}“ liegt vor und ist rechnerisch "
                    "stimmig (ob diese Stelle vertrauenswürdig ist, entscheidet der Empfänger).",
                )
            ], tuple(names)
        same_name = [c for c in pool if c.subject == current.issuer]
        issuer = next((c for c in same_name if _issued_by(current, c)), None)
        if issuer is None:
            if same_name:
                return [
                    CertNote(
                        "kette_fehlerhaft",
                        "warnung",
                        "Ausstellerkette fehlerhaft",
                        f"Das Zertifikat von „{name_of(current.issuer)}“ liegt vor, hat "
                        f"„{name_of(current.subject)}“ aber nicht unterschrieben.",
                    )
                ], tuple(names)
            return [
                CertNote(
                    "kette_unvollstaendig",
                    "hinweis",
                    "Aussteller nicht beigefügt",
                    f"Das Zertifikat der ausstellenden Stelle „{name_of(current.issuer)}“ liegt "
                    "nicht vor; die Kette prüft der Empfänger mit seinen Vertrauensankern.",
                )
            ], tuple(names)
        names.append(name_of(issuer.subject))
        if issuer.not_valid_after_utc < now or issuer.not_valid_before_utc > now:
            return [
                CertNote(
                    "kette_fehlerhaft",
                    "warnung",
                    "Aussteller nicht gültig",
                    f"Das Zertifikat der ausstellenden Stelle „{names[-1]}“ ist heute nicht "
                    "gültig.",
                )
            ], tuple(names)
        current = issuer
    return [
        CertNote(
            "kette_fehlerhaft",
            "warnung",
            "Ausstellerkette zu lang",
            "Die Ausstellerkette ist länger als erwartet; bitte prüfen Sie die Zertifikate.",
        )
    ], tuple(names)


def preflight(
    cert: x509.Certificate,
    chain: Iterable[x509.Certificate] = (),
    *,
    now: dt.datetime | None = None,
    deadline: dt.date | None = None,
) -> Preflight:
    """Check `cert` (with the issuers' certificates in `chain`, if known) at `now`; `deadline`
    is the end of the call's submission period."""
    now = now or dt.datetime.now(dt.UTC)
    chain_notes, names = _chain(cert, list(chain), now)
    notes = [*_validity(cert, now, deadline), *_usage(cert), *_key(cert), *chain_notes]
    notes.sort(key=lambda n: _ORDER[n.level])
    end = cert.not_valid_after_utc
    return Preflight(tuple(notes), end, days_left(end, now), names)


def default_deadline() -> dt.date | None:
    """The deadline of the installed form (the one new drafts use)."""
    from zwk_desktop.formspec import get_form

    try:
        return get_form().policy.deadline.value
    except Exception:  # a broken form file is reported elsewhere; the preflight goes on
        return None
