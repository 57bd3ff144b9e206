"""Signing identities on signature cards and tokens, through PKCS#11 (issue 17).

A card identity lives in ``<data dir>/identities/<id>/`` like the others, but holds no key: its
``token.json`` names the PKCS#11 module (the card vendor's or OpenSC's middleware), the token
label and serial and the key's label and id; ``certificate.pem`` and ``chain.pem`` are copies of
the public certificates read from the card, so that lists and the preflight work without it.
The identity's name is the certificate's CN. Signing goes through pyHanko's PKCS#11 signer
(python-pkcs11): the PIN is asked for at every signature and never stored; a card reader with a
PIN pad takes the PIN itself (`PinRequest.pin_pad`). Nothing is written when the PIN is wrong or
the card is missing (`services.token_keys` does the signing). python-pkcs11 and pyHanko are
imported when a card is used, never at start-up.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import sys
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from zwk_desktop.services.identities import (
    CHAIN_FILE,
    TOKEN_KIND,
    Identity,
    IdentityError,
    IdentityStore,
    fingerprint,
)
from zwk_desktop.services.naming import ascii_name

if TYPE_CHECKING:
    from cryptography import x509

TOKEN_FILE = "token.json"


class TokenError(IdentityError):
    """A card could not be used; one German sentence. Nothing was signed or written."""


# ----------------------------------------------------------------------------- modules


@dataclass(frozen=True)
class ModuleCandidate:
    """A PKCS#11 module at a documented default location."""

    vendor: str
    path: Path


def _windows_candidates(env: Mapping[str, str]) -> list[ModuleCandidate]:
    system = Path(env.get("SystemRoot", r"C:\Windows")) / "System32"
    programs = Path(env.get("ProgramFiles", r"C:\Program Files"))
    opensc = programs / "OpenSC Project" / "OpenSC" / "pkcs11"
    yubico = programs / "Yubico" / "Yubico PIV Tool" / "bin"
    return [
        ModuleCandidate("OpenSC", opensc / "opensc-pkcs11.dll"),
        ModuleCandidate("OpenSC", system / "opensc-pkcs11.dll"),
        ModuleCandidate("cv cryptovision (cv act sc/interface)", system / "cvP11.dll"),
        ModuleCandidate("Atos CardOS API", system / "siecap11.dll"),
        ModuleCandidate("A.E.T. SafeSign", system / "aetpkss1.dll"),
        ModuleCandidate("Thales SafeNet Authentication Client", system / "eTPKCS11.dll"),
        ModuleCandidate("Thales IDPrime", system / "IDPrimePKCS11.dll"),
        ModuleCandidate("Yubico PIV", yubico / "libykcs11.dll"),
    ]


def _unix_candidates() -> list[ModuleCandidate]:
    libs = [Path("/usr/lib/x86_64-linux-gnu"), Path("/usr/lib/aarch64-linux-gnu")]
    libs += [Path("/usr/lib64"), Path("/usr/lib"), Path("/usr/local/lib")]
    out: list[ModuleCandidate] = []
    for lib in libs:
        out += [
            ModuleCandidate("OpenSC", lib / "opensc-pkcs11.so"),
            ModuleCandidate("OpenSC", lib / "pkcs11" / "opensc-pkcs11.so"),
            ModuleCandidate("cv cryptovision (cv act sc/interface)", lib / "libcvP11.so"),
            ModuleCandidate("Atos CardOS API", lib / "libsiecap11.so"),
            ModuleCandidate("A.E.T. SafeSign", lib / "libaetpkss.so"),
            ModuleCandidate("Thales SafeNet Authentication Client", lib / "libeTPkcs11.so"),
            ModuleCandidate("Thales IDPrime", lib / "libIDPrimePKCS11.so"),
            ModuleCandidate("Yubico PIV", lib / "libykcs11.so"),
        ]
    out += [
        ModuleCandidate("OpenSC", Path("/Library/OpenSC/lib/opensc-pkcs11.so")),
        ModuleCandidate("Yubico PIV", Path("/usr/local/lib/libykcs11.dylib")),
        # A software token for tests and trials; it holds no qualified certificate.
        ModuleCandidate("SoftHSM2 (Software-Token)", Path("/usr/lib/softhsm/libsofthsm2.so")),
    ]
    return out


def candidate_modules(
    platform: str | None = None, env: Mapping[str, str] | None = None
) -> list[ModuleCandidate]:
    """Every documented default location on this kind of system, present or not."""
    platform = platform or sys.platform
    if platform == "win32":
        return _windows_candidates(os.environ if env is None else env)
    return _unix_candidates()


def find_modules(candidates: list[ModuleCandidate] | None = None) -> list[ModuleCandidate]:
    """The candidates that are installed here, each file once."""
    seen: set[Path] = set()
    out = []
    for c in candidate_modules() if candidates is None else candidates:
        if c.path.is_file():
            real = c.path.resolve()
            if real not in seen:
                seen.add(real)
                out.append(c)
    return out


# ----------------------------------------------------------------------------- tokens


@dataclass(frozen=True)
class TokenInfo:
    """A card (token) as its module reports it."""

    module: str
    label: str
    serial: str
    manufacturer: str
    model: str
    pin_pad: bool
    """The reader takes the PIN itself (protected authentication path)."""
    pin_count_low: bool = False
    pin_final_try: bool = False
    pin_locked: bool = False


@dataclass(frozen=True)
class TokenCertificate:
    """A certificate stored on a card, with the label and id its key shares by convention."""

    label: str
    key_id: str
    """CKA_ID, hex."""
    certificate: x509.Certificate

    @property
    def name(self) -> str:
        from zwk_desktop.services.preflight import name_of

        return name_of(self.certificate.subject)


def _load_lib(module: str) -> Any:
    import pkcs11

    if not Path(module).is_file():
        raise TokenError(
            f"Die Kartensoftware (PKCS#11-Modul) {module} ist nicht installiert. Bitte "
            "installieren Sie die Software des Kartenherstellers oder OpenSC."
        )
    try:
        return pkcs11.lib(module)
    except Exception as exc:  # a broken or foreign library fails in many ways
        raise TokenError(
            f"Die Kartensoftware {module} lässt sich nicht laden ({type(exc).__name__}); ist es "
            "wirklich ein PKCS#11-Modul für diesen Rechner (64 Bit)?"
        ) from None


def _text(value: Any) -> str:
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    return str(value).strip()


def _info(module: str, token: Any) -> TokenInfo:
    from pkcs11 import TokenFlag

    flags = TokenFlag(token.flags)
    return TokenInfo(
        module=module,
        label=_text(token.label),
        serial=_text(token.serial),
        manufacturer=_text(token.manufacturer_id),
        model=_text(token.model),
        pin_pad=bool(flags & TokenFlag.PROTECTED_AUTHENTICATION_PATH),
        pin_count_low=bool(flags & TokenFlag.USER_PIN_COUNT_LOW),
        pin_final_try=bool(flags & TokenFlag.USER_PIN_FINAL_TRY),
        pin_locked=bool(flags & TokenFlag.USER_PIN_LOCKED),
    )


def _tokens(module: str) -> list[tuple[TokenInfo, Any]]:
    from pkcs11 import PKCS11Error, TokenFlag

    lib = _load_lib(module)
    out = []
    try:
        slots = lib.get_slots(token_present=True)
    except PKCS11Error:
        return []
    for slot in slots:
        try:
            token = slot.get_token()
        except PKCS11Error:
            continue  # a reader without a readable card
        if not TokenFlag(token.flags) & TokenFlag.TOKEN_INITIALIZED:
            continue
        out.append((_info(module, token), token))
    return out


def list_tokens(module: str) -> list[TokenInfo]:
    """The initialised cards the module sees now."""
    return [info for info, _ in _tokens(module)]


def scan(modules: list[str] | None = None) -> tuple[list[TokenInfo], list[str]]:
    """Cards behind the given modules (default: every installed candidate), and a German note
    for each module that could not be asked."""
    paths = modules if modules is not None else [str(c.path) for c in find_modules()]
    found: list[TokenInfo] = []
    problems: list[str] = []
    for module in paths:
        try:
            found.extend(list_tokens(module))
        except TokenError as exc:
            problems.append(str(exc))
    return found, problems


def find_token(module: str, label: str, serial: str = "") -> tuple[TokenInfo, Any] | None:
    tokens = [(i, t) for i, t in _tokens(module) if i.label == label]
    exact = [(i, t) for i, t in tokens if serial and i.serial == serial]
    hits = exact or tokens
    return hits[0] if hits else None


def session_certificates(session: Any) -> list[TokenCertificate]:
    """The certificates visible in an open session of a card."""
    from cryptography import x509
    from pkcs11 import Attribute, ObjectClass, PKCS11Error

    out = []
    for obj in session.get_objects({Attribute.CLASS: ObjectClass.CERTIFICATE}):
        try:
            cert = x509.load_der_x509_certificate(bytes(obj[Attribute.VALUE]))
        except (PKCS11Error, ValueError):
            continue
        try:
            label = _text(obj[Attribute.LABEL])
        except PKCS11Error:
            label = ""
        try:
            key_id = bytes(obj[Attribute.ID]).hex()
        except PKCS11Error:
            key_id = ""
        out.append(TokenCertificate(label, key_id, cert))
    return out


def _certificates(token: Any) -> list[TokenCertificate]:
    from pkcs11 import PKCS11Error

    try:
        with token.open() as session:
            return session_certificates(session)
    except PKCS11Error as exc:
        raise TokenError(
            f"Die Zertifikate der Karte lassen sich nicht lesen ({type(exc).__name__})."
        ) from None


def list_certificates(module: str, token_label: str) -> list[TokenCertificate]:
    """The certificates on the card `token_label` (readable without the PIN)."""
    found = find_token(module, token_label)
    if found is None:
        raise missing(token_label)
    return _certificates(found[1])


def missing(label: str) -> TokenError:
    return TokenError(
        f"Die Signaturkarte „{label}“ wurde nicht gefunden. Bitte stecken Sie die Karte in den "
        "Kartenleser (oder schließen Sie den Token an) und versuchen Sie es erneut."
    )


def _is_ca(cert: x509.Certificate) -> bool:
    from cryptography import x509

    try:
        return bool(cert.extensions.get_extension_for_class(x509.BasicConstraints).value.ca)
    except x509.ExtensionNotFound:
        return False


def _signing_rank(cert: x509.Certificate) -> int:
    """2: for qualified signatures (nonRepudiation), 1: digitalSignature, 0: other use."""
    from cryptography import x509

    try:
        usage = cert.extensions.get_extension_for_class(x509.KeyUsage).value
    except x509.ExtensionNotFound:
        return 1
    return 2 if usage.content_commitment else 1 if usage.digital_signature else 0


def choose_certificate(
    certs: list[TokenCertificate], key_label: str | None = None, key_id: str | None = None
) -> TokenCertificate:
    """The signing certificate: the one named, else the only one meant for signatures."""
    own = [c for c in certs if not _is_ca(c.certificate)]
    if key_label or key_id:
        hits = [
            c
            for c in own
            if (not key_label or c.label == key_label)
            and (not key_id or c.key_id == key_id.lower().replace(":", ""))
        ]
        if len(hits) == 1:
            return hits[0]
        wanted = f"„{key_label}“" if key_label else f"ID {key_id}"
        if not hits:
            raise TokenError(
                f"Auf der Karte gibt es kein Zertifikat {wanted} (vorhanden: {_listing(own)})."
            )
        raise TokenError(
            f"Auf der Karte passen mehrere Zertifikate zu {wanted}; bitte geben Sie die ID an "
            f"({_listing(hits)})."
        )
    if not own:
        raise TokenError("Auf der Karte liegt kein persönliches Zertifikat.")
    best = max(_signing_rank(c.certificate) for c in own)
    hits = [c for c in own if _signing_rank(c.certificate) == best]
    if best == 0 or len(hits) > 1:
        raise TokenError(
            "Auf der Karte liegen mehrere Zertifikate; bitte wählen Sie das Signaturzertifikat "
            f"mit --key-label oder --key-id ({_listing(own)})."
        )
    return hits[0]


def _listing(certs: list[TokenCertificate]) -> str:
    return ", ".join(f"„{c.label or c.name}“ (ID {c.key_id or '–'})" for c in certs) or "keine"


# ----------------------------------------------------------------------------- identities


@dataclass(frozen=True)
class TokenRef:
    """Where the key of a card identity is (``token.json``)."""

    module: str
    token_label: str
    token_serial: str
    key_label: str
    key_id: str
    """CKA_ID, hex; empty when the card gives none (then the label finds the key)."""
    manufacturer: str = ""
    model: str = ""


def token_ref(store: IdentityStore, identity: Identity) -> TokenRef:
    path = store.root / identity.id / TOKEN_FILE
    try:
        return TokenRef(**json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError):
        raise TokenError(
            f"Die Kartenangaben von „{identity.label}“ fehlen oder sind beschädigt; bitte legen "
            "Sie die Identität neu an."
        ) from None


def _subject_email(cert: x509.Certificate) -> str:
    from cryptography import x509
    from cryptography.x509.oid import NameOID

    values = cert.subject.get_attributes_for_oid(NameOID.EMAIL_ADDRESS)
    if values:
        return str(values[0].value)
    try:
        san = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    except x509.ExtensionNotFound:
        return ""
    mails = san.get_values_for_type(x509.RFC822Name)
    return mails[0] if mails else ""


def add_token_identity(
    store: IdentityStore,
    *,
    funktion: str,
    module: str | None = None,
    token_label: str | None = None,
    key_label: str | None = None,
    key_id: str | None = None,
) -> Identity:
    """Record the card's signing certificate as an identity (no PIN needed, nothing signed).
    Without `module`, the installed middleware is searched; without `token_label`, the only
    card present is taken."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.x509.oid import NameOID

    funktion = funktion.strip()
    if not funktion:
        raise TokenError("Bitte geben Sie die Funktion der unterzeichnenden Person an.")
    modules = [module] if module else [str(c.path) for c in find_modules()]
    if not modules:
        raise TokenError(
            "Es ist keine Kartensoftware (PKCS#11-Modul) installiert; bitte geben Sie den Pfad "
            "mit --module an."
        )
    found = []
    problems = []
    for path in modules:
        try:
            found += [(path, i, t) for i, t in _tokens(path)]
        except TokenError as exc:
            if module:
                raise
            problems.append(str(exc))
    matching = [f for f in found if token_label is None or f[1].label == token_label]
    if not matching:
        if token_label is None:
            raise TokenError(
                "Es wurde keine Signaturkarte gefunden. Bitte stecken Sie die Karte in den "
                "Kartenleser."
            )
        raise missing(token_label)
    if len(matching) > 1 and token_label is None:
        labels = ", ".join(f"„{f[1].label}“" for f in matching)
        raise TokenError(
            f"Es stecken mehrere Karten; bitte wählen Sie eine mit --token ({labels})."
        )
    path, info, token = matching[0]
    certs = _certificates(token)
    chosen = choose_certificate(certs, key_label, key_id)
    cert = chosen.certificate
    chain = [c.certificate for c in certs if c is not chosen and _is_ca(c.certificate)]
    cn = cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    name = str(cn[0].value).strip() if cn else ""
    if not name:
        raise TokenError("Das Zertifikat der Karte nennt keinen Namen (CN).")
    org = cert.subject.get_attributes_for_oid(NameOID.ORGANIZATION_NAME)
    fp = fingerprint(cert)
    identity = Identity(
        id=f"{ascii_name(name, 40).lower()}-{fp[:8]}",
        name=name,
        funktion=funktion,
        kommune=str(org[0].value) if org else "",
        email=_subject_email(cert),
        kind=TOKEN_KIND,
        fingerprint=fp,
        subject=cert.subject.rfc4514_string(),
        issuer=cert.issuer.rfc4514_string(),
        not_before=cert.not_valid_before_utc.isoformat(),
        not_after=cert.not_valid_after_utc.isoformat(),
        passphrase_in_keyring=False,
        created=dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat(),
    )
    ref = TokenRef(
        module=path,
        token_label=info.label,
        token_serial=info.serial,
        key_label=chosen.label,
        key_id=chosen.key_id,
        manufacturer=info.manufacturer,
        model=info.model,
    )
    pem = serialization.Encoding.PEM
    files = {
        "certificate.pem": cert.public_bytes(pem),
        TOKEN_FILE: (json.dumps(asdict(ref), ensure_ascii=False, indent=2) + "\n").encode(),
        "identity.json": (
            json.dumps(asdict(identity), ensure_ascii=False, indent=2) + "\n"
        ).encode(),
    }
    if chain:
        files[CHAIN_FILE] = b"".join(c.public_bytes(pem) for c in chain)
    _write_folder(store.root, identity.id, files)
    return identity


def _write_folder(root: Path, name: str, files: Mapping[str, bytes]) -> None:
    """The identity's folder, as `IdentityStore.create` writes one: staged under an unpredictable
    name (0700, files 0600: issue 15), renamed into place with retries while Windows holds a
    file (issue 13); a failure says in German which file and why, and leaves nothing behind."""
    from zwk_desktop.services import atomic
    from zwk_desktop.services.identities import _cannot_store
    from zwk_desktop.services.private_files import private_dir, write_private

    folder = root / name
    if folder.exists():
        raise TokenError(f"Diese Signaturidentität ist schon vorhanden ({name}).")
    staging: Path | None = None
    try:
        private_dir(root)
        staging = atomic.temp_folder(root, name)
        for file, content in files.items():
            write_private(staging / file, content)
        written = staging
        atomic.retrying(lambda: os.rename(written, folder), folder)
    except BaseException as exc:
        if staging is not None:
            shutil.rmtree(staging, ignore_errors=True)
        if isinstance(exc, OSError):
            raise TokenError(_cannot_store(folder, exc)) from None
        raise


# ----------------------------------------------------------------------------- finding a card


def locate(ref: TokenRef) -> tuple[str, TokenInfo, Any]:
    """The card of `ref`: through its module, else through any installed middleware."""
    modules = [ref.module] + [str(c.path) for c in find_modules() if str(c.path) != ref.module]
    installed = False
    for module in modules:
        if not Path(module).is_file():
            continue
        installed = True
        try:
            found = find_token(module, ref.token_label, ref.token_serial)
        except TokenError:
            continue
        if found is not None:
            return module, *found
    if not installed:
        raise TokenError(
            f"Die Kartensoftware {ref.module} ist nicht (mehr) installiert; bitte installieren "
            "Sie die Software des Kartenherstellers oder OpenSC."
        )
    raise missing(ref.token_label)


def token_status(store: IdentityStore, identity: Identity) -> TokenInfo:
    """The identity's card as it is now (present, PIN pad, PIN counters); TokenError if absent."""
    return locate(token_ref(store, identity))[1]
