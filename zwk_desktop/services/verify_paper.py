"""The paper path on the receiving side (issue 17): a package without an electronic signature
whose manifest records the code printed as a QR code on the hand-signed "Druckfassung zur
Unterschrift", and a received application JSON compared with that printed code.

Without the printed code (``verify … --papier …``) a paper package is "nicht bestätigt": the
files may be intact, but nothing ties them to the signed paper yet.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from zwk_desktop import limits, oserrors
from zwk_desktop.domain.draft import DraftError, parse_draft
from zwk_desktop.services.verify_report import PAPER_SUBJECT, Check, VerifyReport

if TYPE_CHECKING:
    from zwk_desktop.services.paper import PaperCode


def recorded_code(manifest: Mapping[str, Any]) -> str | None:
    """The paper code a paper-path manifest records, else None (an electronic signature)."""
    signature = manifest.get("signature")
    if isinstance(signature, dict) and signature.get("kind") == "papier":
        return str(signature.get("code") or "")
    return None


def paper_check(json_bytes: bytes | None, papier: PaperCode, json_name: str) -> Check:
    """The application's JSON against the code printed on the signed paper."""
    if json_bytes is None:
        return Check(PAPER_SUBJECT, False, f"{json_name} fehlt; nichts zu vergleichen.")
    digest = hashlib.sha256(json_bytes).hexdigest()
    if digest != papier.sha256:
        return Check(
            PAPER_SUBJECT,
            False,
            f"{json_name} stimmt NICHT mit der Papierfassung überein: die Datei hat die "
            f"SHA-256-Prüfsumme {digest}, gedruckt ist {papier.sha256}.",
        )
    return Check(
        PAPER_SUBJECT,
        True,
        f"{json_name} stimmt mit dem gedruckten Prüfcode überein (SHA-256 {digest})",
    )


def paper_checks(
    recorded: str,
    json_bytes: bytes | None,
    papier: PaperCode | None,
    *,
    manifest_name: str,
    json_name: str,
) -> list[Check]:
    """A paper package: the manifest's code must match the JSON, and the printed code (when
    given) too; without it the package is not confirmed."""
    from zwk_desktop.services.paper import PaperCodeError, parse_paper_code

    out = []
    try:
        code = parse_paper_code(recorded)
    except PaperCodeError:
        code = None
    digest = hashlib.sha256(json_bytes).hexdigest() if json_bytes is not None else ""
    if code is None or code.sha256 != digest:
        out.append(
            Check(manifest_name, False, f"Der Prüfcode im Verzeichnis passt nicht zu {json_name}.")
        )
    if papier is None:
        out.append(
            Check(
                PAPER_SUBJECT,
                False,
                # begins with UNCONFIRMED; written out whole for the window's catalogue
                "nicht elektronisch signiert: die unterschriebene Papierfassung folgt per Post; "
                f"ihr QR-Code muss zu {json_name} passen (verify … --papier …).",
            )
        )
    else:
        out.append(paper_check(json_bytes, papier, json_name))
    return out


def verify_json(path: Path, papier: PaperCode) -> VerifyReport:
    """A received application JSON alone, against the code printed on the signed paper."""
    try:
        raw = limits.read_bounded(path, limits.MAX_EMBEDDED_JSON_BYTES)
    except limits.TooLarge:
        return VerifyReport(str(path), unreadable=f"{path} ist zu groß für eine Bewerbung.")
    except limits.NotAFile:
        return VerifyReport(str(path), unreadable=f"{path} ist keine gewöhnliche Datei.")
    except OSError as exc:
        return VerifyReport(str(path), unreadable=oserrors.sentence(path, exc, writing=False))
    try:
        draft = parse_draft(raw)
    except DraftError as exc:
        return VerifyReport(
            str(path), unreadable=f"{path} sind nicht die Angaben einer Bewerbung: {exc}"
        )
    kommune = draft.data.get("kommune") if isinstance(draft.data, dict) else None
    kommune = kommune if isinstance(kommune, dict) else {}
    manifest = {"kommune": {"name": kommune.get("name", ""), "ags": kommune.get("ags", "")}}
    return VerifyReport(
        str(path), (paper_check(raw, papier, path.name),), manifest=manifest, paper=True
    )
