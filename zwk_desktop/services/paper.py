"""The paper path: the code that ties a hand-signed print to the data sent by e-mail.

When no electronic signature is possible, the "Druckfassung zur Unterschrift" carries a QR code
with the AGS, the SHA-256 of ``bewerbung.json`` and the form and rule-set version; the data go by
e-mail as usual, the signed paper follows by post. ``verify --papier`` compares a received
``bewerbung.json`` with the printed code (the scanned text, or only the 64 hex digits).

The code is one line of ASCII: ``ZWK1;AGS=12073579;SHA256=<64 hex>;FORM=zwk-2021;V=1;RS=2021.1``.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from zwk_desktop.formspec.models import FormSpec

PREFIX = "ZWK1"
_HEX = re.compile(r"[0-9a-f]{64}")
_KEYS = {"AGS": "ags", "SHA256": "sha256", "FORM": "form", "V": "version", "RS": "rule_set"}


class PaperCodeError(ValueError):
    """The text is no paper code (German sentence)."""


@dataclass(frozen=True)
class PaperCode:
    sha256: str
    """SHA-256 of ``bewerbung.json``, 64 lower-case hex digits."""
    ags: str = ""
    form: str = ""
    version: str = ""
    rule_set: str = ""

    def text(self) -> str:
        parts = {"AGS": self.ags, "SHA256": self.sha256, "FORM": self.form}
        parts |= {"V": self.version, "RS": self.rule_set}
        return ";".join([PREFIX, *(f"{k}={_clean(v)}" for k, v in parts.items())])

    def groups(self) -> list[str]:
        """The hash in four groups of 16 digits, for reading it aloud or by eye."""
        return [self.sha256[i : i + 16] for i in range(0, 64, 16)]


def _clean(value: str) -> str:
    return re.sub(r"[^0-9A-Za-z.\-_]", "", value)


def paper_code(spec: FormSpec, ags: str, json_bytes: bytes) -> PaperCode:
    return PaperCode(
        sha256=hashlib.sha256(json_bytes).hexdigest(),
        ags=ags,
        form=spec.id,
        version=spec.version,
        rule_set=spec.rule_set_version,
    )


def parse_paper_code(text: str) -> PaperCode:
    """The code from a scan (``ZWK1;…``) or the bare hash typed from the print."""
    raw = "".join(text.split())
    if _HEX.fullmatch(raw.lower()):
        return PaperCode(sha256=raw.lower())
    parts = raw.split(";")
    if parts[0].upper() != PREFIX:
        raise PaperCodeError(
            "Das ist kein Prüfcode einer ZWK-Druckfassung: erwartet wird der Text des QR-Codes "
            "(beginnt mit „ZWK1;“) oder die SHA-256-Prüfsumme mit 64 Hexadezimalziffern."
        )
    values: dict[str, str] = {}
    for part in parts[1:]:
        key, sep, value = part.partition("=")
        if sep and key.upper() in _KEYS:
            values[_KEYS[key.upper()]] = value
    digest = values.get("sha256", "").lower()
    if not _HEX.fullmatch(digest):
        raise PaperCodeError(
            "Im Prüfcode fehlt die SHA-256-Prüfsumme (64 Hexadezimalziffern) oder sie ist "
            "unvollständig."
        )
    values["sha256"] = digest
    return PaperCode(**values)
