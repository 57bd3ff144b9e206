"""The ready-to-send e-mail (``.eml``) beside the package, and reading one back.

To comes from the form definition, the subject names the Kommune, a short German body gives the
manifest's SHA-256, ``X-Unsent: 1`` makes mail programs open it as a draft to send. Every file
of the package is a separate attachment with an ASCII name (no ZIP: gateways block them).
"""

from __future__ import annotations

import email
import email.policy
from collections.abc import Mapping
from email.message import EmailMessage

from zwk_desktop.domain import formatting
from zwk_desktop.domain.attachments import MIME_TYPES, detect_kind
from zwk_desktop.services.naming import mail_name

SUBJECT = "Bewerbung Zukunftswerkstatt Kommunen – {kommune}"


SIGNED_NOTE = (
    "Die Bewerbung besteht aus dem signierten PDF (bewerbung.pdf, mit den Angaben als "
    "eingebettete Datei), den Angaben als JSON (bewerbung.json), dem Prüfprotokoll, den "
    "Anlagen sowie einem signierten Verzeichnis aller Dateien (manifest.json mit der "
    "Signatur manifest.json.p7s)."
)
PAPER_NOTE = (
    "Die Bewerbung ist nicht elektronisch signiert: die unterschriebene Papierfassung folgt per "
    "Post. Beigefügt sind die Druckfassung (bewerbung.pdf, mit den Angaben als eingebettete "
    "Datei), die Angaben als JSON (bewerbung.json), das Prüfprotokoll, die Anlagen und ein "
    "Verzeichnis aller Dateien (manifest.json). Der QR-Code auf der Unterschriftsseite der "
    "Papierfassung enthält die SHA-256-Prüfsumme von bewerbung.json; so lässt sich prüfen, dass "
    "Papier und Daten übereinstimmen (zwk-desktop verify … --papier …)."
)


class MailError(Exception):
    """The .eml cannot be read as a ZWK package mail (German sentence)."""


def _media_type(path: str) -> tuple[str, str]:
    """The MIME type of a package file that is no attachment type (JSON, signature)."""
    if path.endswith(".json"):
        return "application", "json"
    if path.endswith(".p7s"):
        return "application", "pkcs7-signature"
    return "application", "octet-stream"


def build_mail(
    files: Mapping[str, bytes],
    *,
    recipient: str,
    kommune: str,
    manifest_sha256: str,
    paper: bool = False,
) -> bytes:
    """The .eml bytes; `files` maps package paths to their bytes, in the order to attach.
    `paper`: the package is not signed electronically; the signed print follows by post."""
    msg = EmailMessage(policy=email.policy.SMTP)
    msg["To"] = recipient
    msg["Subject"] = SUBJECT.format(kommune=kommune)
    msg["X-Unsent"] = "1"
    names = "\n".join(f"  – {mail_name(p)} ({formatting.size(len(b))})" for p, b in files.items())
    msg.set_content(
        "Sehr geehrte Damen und Herren,\n\n"
        f"anbei übersenden wir die Bewerbung von {kommune} für das Modellprojekt "
        "„Zukunftswerkstatt Kommunen – Attraktiv im Wandel“.\n\n"
        f"{PAPER_NOTE if paper else SIGNED_NOTE}\n\n"
        f"SHA-256 der Datei manifest.json:\n{manifest_sha256}\n\n"
        f"Angehängte Dateien:\n{names}\n\n"
        "Mit freundlichen Grüßen\n"
        f"{kommune}\n",
        charset="utf-8",
    )
    for path, content in files.items():
        kind = detect_kind(content)
        if kind:
            maintype, subtype = MIME_TYPES[kind].split("/", 1)
        else:
            maintype, subtype = _media_type(path)
        msg.add_attachment(content, maintype=maintype, subtype=subtype, filename=mail_name(path))
    return msg.as_bytes()


def read_mail(raw: bytes) -> tuple[str, dict[str, bytes]]:
    """The subject and every attachment (mail name → bytes) of an .eml."""
    try:
        msg = email.message_from_bytes(raw, policy=email.policy.default)
    except Exception:  # the parser is lenient; anything raised means unreadable
        raise MailError("Die Datei lässt sich nicht als E-Mail lesen.") from None
    files: dict[str, bytes] = {}
    for part in msg.iter_attachments():
        name = part.get_filename()
        payload = part.get_payload(decode=True)
        if name and isinstance(payload, bytes):
            files[name] = payload
    if not files:
        raise MailError("Die E-Mail enthält keine Anhänge; sie ist kein ZWK-Bewerbungspaket.")
    return str(msg.get("Subject", "")), files
