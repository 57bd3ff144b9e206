"""Signing with a card identity: the PIN prompt, the logged-in card (`TokenKey`), card errors.

`open_token_key` finds the identity's card (`services.tokens`), asks for the PIN (every time; a
reader with a PIN pad takes it itself), logs in and checks that the card still holds the
identity's certificate; only then does the export begin, so a wrong PIN or a missing card writes
nothing. The `TokenKey` signs the PDF (pyHanko's PKCS11Signer) and the manifest's CMS; closing
it logs out. python-pkcs11 and pyHanko are imported here when a card is used.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass
from types import TracebackType
from typing import TYPE_CHECKING, Any

from zwk_desktop.services.identities import Identity, IdentityStore, SigningKey, fingerprint
from zwk_desktop.services.tokens import (
    TokenError,
    TokenInfo,
    TokenRef,
    find_token,
    locate,
    missing,
    token_ref,
)

if TYPE_CHECKING:
    from cryptography import x509


@dataclass(frozen=True)
class PinRequest:
    """What the PIN prompt shows."""

    identity_label: str
    token_label: str
    pin_pad: bool
    """True: the reader has a PIN pad; the prompt only says so (returns "" to go on)."""
    reason: str = ""
    retry: bool = False


PinPrompt = Callable[[PinRequest], str | None]
"""Returns the PIN ("" with a PIN pad), or None when the user cancels."""


def _pin_state(info: TokenInfo) -> str:
    if info.pin_final_try:
        return "Achtung: nur noch ein Versuch, danach ist die PIN gesperrt."
    if info.pin_count_low:
        return "Achtung: es wurde schon eine falsche PIN eingegeben."
    return ""


class TokenKey:
    """An open, logged-in card session with the signer for one identity. Close it (or use it
    as a context manager) when the signing is done: that logs out of the card."""

    def __init__(
        self,
        identity: Identity,
        certificate: x509.Certificate,
        chain: tuple[x509.Certificate, ...],
        signer: Any,
        session: Any,
    ) -> None:
        self.identity = identity
        self.certificate = certificate
        self.chain = chain
        self.signer = signer
        """pyHanko's PKCS11Signer."""
        self._session = session

    def sign_cms(self, data: bytes) -> bytes:
        """A detached CMS signature over `data` made by the card (DER)."""
        import asyncio

        from pkcs11 import PKCS11Error

        try:
            info = asyncio.run(self.signer.async_sign_general_data(data, "sha256", detached=True))
        except PKCS11Error as exc:
            raise card_failure(exc) from None
        return bytes(info.dump())

    def close(self) -> None:
        from pkcs11 import PKCS11Error

        if self._session is not None:
            with contextlib.suppress(PKCS11Error):  # a pulled card has nothing to log out of
                self._session.close()
            self._session = None

    def __enter__(self) -> TokenKey:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"TokenKey({self.identity.id})"


SignatureKey = SigningKey | TokenKey
"""What the export signs with: a key in memory or an open card."""


def card_failure(exc: BaseException) -> TokenError:
    """A German sentence for an error of the card while signing."""
    from pkcs11 import exceptions as e

    if isinstance(exc, e.DeviceRemoved | e.TokenNotPresent | e.SessionClosed):
        return TokenError(
            "Die Signaturkarte wurde während des Signierens entfernt; es wurde nichts geschrieben."
        )
    if isinstance(exc, e.UserNotLoggedIn | e.PinExpired):
        return TokenError("Die Karte verlangt die PIN erneut; bitte versuchen Sie es noch einmal.")
    return TokenError(
        f"Die Signaturkarte hat das Signieren abgelehnt ({type(exc).__name__}); es wurde nichts "
        "geschrieben."
    )


def open_token_key(store: IdentityStore, identity: Identity, ask: PinPrompt) -> TokenKey:
    """Log in to the identity's card (asking for the PIN) and check that it holds the identity's
    certificate. Raises TokenError (German) for a missing card, a wrong or locked PIN."""
    from pkcs11 import PROTECTED_AUTH, PKCS11Error
    from pkcs11 import exceptions as e

    ref = token_ref(store, identity)
    module, info, token = locate(ref)
    if info.pin_locked:
        raise TokenError(
            f"Die PIN der Karte „{info.label}“ ist gesperrt. Entsperren Sie sie mit der PUK "
            "(Software des Kartenherstellers)."
        )
    request = PinRequest(identity.label, info.label, info.pin_pad, _pin_state(info))
    while True:
        pin = ask(request)
        if pin is None:
            if request.retry:
                raise TokenError(f"{request.reason} Es wurde nichts signiert.".strip())
            raise TokenError("Abgebrochen: ohne PIN kann nicht signiert werden.")
        try:
            session = token.open(user_pin=PROTECTED_AUTH if info.pin_pad else pin)
        except e.PinIncorrect:
            found = find_token(module, ref.token_label, ref.token_serial)
            if found is None:
                raise missing(ref.token_label) from None
            info, token = found
            if info.pin_locked:
                raise TokenError(
                    "Die PIN ist falsch; die Karte hat die PIN jetzt gesperrt. Entsperren Sie "
                    "sie mit der PUK (Software des Kartenherstellers)."
                ) from None
            state = _pin_state(info)
            request = PinRequest(
                identity.label,
                info.label,
                info.pin_pad,
                f"Die PIN ist falsch. {state}".strip(),
                retry=True,
            )
            continue
        except e.PinLocked:
            raise TokenError(
                f"Die PIN der Karte „{info.label}“ ist gesperrt. Entsperren Sie sie mit der PUK "
                "(Software des Kartenherstellers)."
            ) from None
        except (e.PinLenRange, e.PinInvalid, e.ArgumentsBad):
            request = PinRequest(
                identity.label,
                info.label,
                info.pin_pad,
                "Die PIN hat nicht die Länge oder die Zeichen, die die Karte erwartet.",
                retry=True,
            )
            continue
        except e.FunctionCancelled:
            raise TokenError("Die PIN-Eingabe am Kartenleser wurde abgebrochen.") from None
        except (e.DeviceRemoved, e.TokenNotPresent, e.SlotIDInvalid):
            raise missing(ref.token_label) from None
        except PKCS11Error as exc:
            raise TokenError(
                f"Die Anmeldung an der Karte ist fehlgeschlagen ({type(exc).__name__})."
            ) from None
        break
    try:
        return _signing_key(store, identity, ref, session)
    except BaseException:
        session.close()
        raise


def _signing_key(store: IdentityStore, identity: Identity, ref: TokenRef, session: Any) -> TokenKey:
    """The signer for the identity's key, once the card is known to hold its certificate."""
    from asn1crypto import x509 as ax509
    from cryptography.hazmat.primitives import serialization
    from pyhanko.sign.pkcs11 import PKCS11Signer

    from zwk_desktop.services.tokens import session_certificates

    certificate = store.certificate(identity)
    on_card = {fingerprint(c.certificate) for c in session_certificates(session)}
    if identity.fingerprint not in on_card:
        raise TokenError(
            "Auf der Karte liegt ein anderes Zertifikat als bei der Einrichtung dieser "
            "Identität (erneuerte Karte oder eine andere Karte mit gleichem Namen?); bitte "
            "legen Sie die Identität neu an."
        )
    key_id, key_label = _key_reference(session, ref, certificate)
    der = serialization.Encoding.DER
    signer = PKCS11Signer(
        session,
        signing_cert=ax509.Certificate.load(certificate.public_bytes(der)),
        key_id=key_id,
        key_label=key_label,
    )
    chain = tuple(store.chain(identity))
    signer.cert_registry.register_multiple(
        ax509.Certificate.load(c.public_bytes(der)) for c in chain
    )
    return TokenKey(identity, certificate, chain, signer, session)


def _key_reference(
    session: Any, ref: TokenRef, certificate: x509.Certificate
) -> tuple[bytes | None, str | None]:
    """How pyHanko finds the private key: by the id the certificate shares with it (the usual
    convention), else by its label, else the one key whose public part matches the
    certificate (cards whose certificate carries no id or label)."""
    from cryptography.hazmat.primitives.asymmetric import rsa
    from pkcs11 import Attribute, ObjectClass, PKCS11Error

    try:
        keys = list(session.get_objects({Attribute.CLASS: ObjectClass.PRIVATE_KEY}))
    except PKCS11Error:
        keys = []

    def attr(key: Any, which: Any) -> Any:
        try:
            return key[which]
        except PKCS11Error:
            return None

    wanted_id = bytes.fromhex(ref.key_id) if ref.key_id else None
    if wanted_id is not None and [k for k in keys if attr(k, Attribute.ID) == wanted_id]:
        return wanted_id, None
    if ref.key_label and [k for k in keys if attr(k, Attribute.LABEL) == ref.key_label]:
        return None, ref.key_label
    public = certificate.public_key()
    if isinstance(public, rsa.RSAPublicKey):
        modulus = public.public_numbers().n
        matching = [
            k for k in keys if attr(k, Attribute.MODULUS) is not None
            and int.from_bytes(attr(k, Attribute.MODULUS), "big") == modulus
        ]  # fmt: skip
    else:
        matching = keys if len(keys) == 1 else []
    if len(matching) == 1:
        key = matching[0]
        key_id = attr(key, Attribute.ID)
        if key_id and sum(attr(k, Attribute.ID) == key_id for k in keys) == 1:
            return bytes(key_id), None
        label = attr(key, Attribute.LABEL)
        if label and sum(attr(k, Attribute.LABEL) == label for k in keys) == 1:
            return None, str(label)
    raise TokenError(
        "Auf der Karte ist der private Schlüssel zum Zertifikat "
        f"„{ref.key_label or ref.key_id or certificate.subject.rfc4514_string()}“ nicht zu "
        "finden; bitte legen Sie die Identität neu an."
    )
