"""Who signs: the signatory named in the form against the identity that signs.

The section "Ort, Datum, Unterschrift" names the person who signs (fields.md `unterschrift.name`,
`unterschrift.funktion`). The export refuses an identity whose name is another person's, and
warns when its Kommune is not the applicant; `verify` holds the certificate's name against the
signatory of the JSON. Names are compared as people write them: case, umlauts spelled out or not,
academic titles ("Dr.", "Prof.") and the order ("Wendland, Katrin") do not matter.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from zwk_desktop.domain.designation import short_name
from zwk_desktop.domain.paths import get_value

_SPELLED = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
_TITLE = re.compile(r"^(dr|prof|dipl|ing|med|jur|phil|rer|nat|pol|h\.?c|mba|ma|ba|msc|bsc)\.?$")
_WORDS = re.compile(r"[^\W\d_]+\.?")
T = TypeVar("T")


@dataclass(frozen=True)
class Signatory:
    """The person the form names as signing."""

    name: str
    funktion: str
    in_vertretung: bool = False

    @property
    def label(self) -> str:
        """ "Uwe Lichtenberger, Verbandsvorsitzender" (", in Vertretung" where it says so)."""
        parts = [p for p in (self.name, self.funktion) if p]
        text = ", ".join(parts) or "(niemand genannt)"
        return f"{text}, in Vertretung" if self.in_vertretung else text


def signatory_of(data: Mapping[str, Any]) -> Signatory:
    """The signatory of an application's data (fields.md `unterschrift`)."""

    def text(path: str) -> str:
        value = get_value(data, path)
        return " ".join(str(value).split()) if value is not None else ""

    return Signatory(
        text("unterschrift.name"),
        text("unterschrift.funktion"),
        get_value(data, "unterschrift.in_vertretung") is True,
    )


def name_key(name: str) -> tuple[str, ...]:
    """A person's name as compared: lower case, umlauts spelled out, accents dropped, academic
    titles left out, in sorted order ("Dr. Matthias Kühnel" = "Kuehnel, Matthias")."""
    text = unicodedata.normalize("NFKD", name.casefold().translate(_SPELLED))
    text = "".join(c for c in text if not unicodedata.combining(c))
    words = [w for w in _WORDS.findall(text) if not _TITLE.match(w)]
    return tuple(sorted(w.rstrip(".") for w in words if w.rstrip(".")))


def same_person(a: str, b: str) -> bool:
    """Whether two written names name the same person (see `name_key`); never for an empty one."""
    ka, kb = name_key(a), name_key(b)
    return bool(ka) and ka == kb


def same_kommune(a: str, b: str) -> bool:
    """Whether two names of a Kommune agree, with or without their designation."""
    return bool(a.strip()) and name_key(short_name(a)) == name_key(short_name(b))


@dataclass(frozen=True)
class SignerCheck:
    """The identity held against the signatory of the form."""

    signatory: Signatory
    signer_name: str
    matches: bool
    """The identity's name is the signatory's."""
    problem: str = ""
    """Why the export is refused (German), when it does not match."""
    warnings: tuple[str, ...] = ()
    """German notes that do not stop the export (another Kommune)."""


def check_signer(
    data: Mapping[str, Any], signer_name: str, signer_kommune: str = "", signer_funktion: str = ""
) -> SignerCheck:
    """Whether the person of this identity may sign this application: their name must be the
    signatory's; a Kommune other than the applicant gives a warning."""
    who = signatory_of(data)
    identity = ", ".join(p for p in (signer_name, signer_funktion, signer_kommune) if p)
    if not same_person(signer_name, who.name):
        return SignerCheck(
            who,
            signer_name,
            False,
            f"Die Signaturidentität „{identity}“ ist nicht die unterzeichnende Person der "
            f"Bewerbung: im Abschnitt „Ort, Datum, Unterschrift“ steht „{who.label}“. Signieren "
            "darf nur die dort genannte Person. Bitte wählen Sie deren Signaturidentität oder "
            "tragen Sie die Person ein, die tatsächlich unterschreibt.",
        )
    warnings = []
    applicant = get_value(data, "kommune.name")
    applicant = str(applicant) if applicant else ""
    if signer_kommune and applicant and not same_kommune(signer_kommune, applicant):
        warnings.append(
            f"Die Signaturidentität „{identity}“ gehört zu „{signer_kommune}“, die Bewerbung "
            f"stellt aber „{applicant}“. Bitte prüfen Sie, ob diese Identität die richtige ist."
        )
    return SignerCheck(who, signer_name, True, warnings=tuple(warnings))


def matching_first(
    items: Sequence[T],
    data: Mapping[str, Any],
    name_of: Callable[[T], str],
    kommune_of: Callable[[T], str],
) -> list[T]:
    """Identities in the order an identity picker offers them: the signatory's own first (of the
    applicant's Kommune before others), then the rest, each group in its given order."""

    def rank(item: T) -> int:
        check = check_signer(data, name_of(item), kommune_of(item))
        return 0 if check.matches and not check.warnings else 1 if check.matches else 2

    return sorted(items, key=rank)
