"""The ready-to-send e-mail (``.eml``) beside the package, and reading one back.

To comes from the form definition, the subject names the Kommune, a short German body gives the
manifest's SHA-256, ``X-Unsent: 1`` makes mail programs open it as a draft to send. Every file
of the package is a separate attachment with an ASCII name (no ZIP: gateways block them).
"""

from __future__ import annotations

import email
import email.policy
from collections.abc import Mapping
from dataclasses import dataclass
from email.message import EmailMessage

from zwk_desktop.domain import formatting
from zwk_desktop.domain.attachments import MIME_TYPES, detect_kind
from zwk_desktop.domain.jsonread import shown
from zwk_desktop.services.naming import mail_name

SUBJECT = "Bewerbung Zukunftswerkstatt Kommunen – {kommune}"


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
) -> bytes:
    """The .eml bytes; `files` maps package paths to their bytes, in the order to attach."""
    msg = EmailMessage(policy=email.policy.SMTP)
    msg["To"] = recipient
    msg["Subject"] = SUBJECT.format(kommune=kommune)
    msg["X-Unsent"] = "1"
    names = "\n".join(f"  – {mail_name(p)} ({formatting.size(len(b))})" for p, b in files.items())
    msg.set_content(
        "Sehr geehrte Damen und Herren,\n\n"
        f"anbei übersenden wir die Bewerbung von {kommune} für das Modellprojekt "
        "„Zukunftswerkstatt Kommunen – Attraktiv im Wandel“.\n\n"
        "Die Bewerbung besteht aus dem signierten PDF (bewerbung.pdf, mit den Angaben als "
        "eingebettete Datei), den Angaben als JSON (bewerbung.json), dem Prüfprotokoll, den "
        "Anlagen sowie einem signierten Verzeichnis aller Dateien (manifest.json mit der "
        "Signatur manifest.json.p7s).\n\n"
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


@dataclass(frozen=True)
class ReadMail:
    """What an .eml carries, as a mail program or ``munpack`` would show it."""

    subject: str
    attachments: dict[str, bytes]
    """Every named part (at any depth, inline ones too) by name; of a name that occurs more
    than once, the first."""
    problems: tuple[tuple[str, str], ...] = ()
    """(name, German sentence) for every part that makes the mail ambiguous: a name used more
    than once, a part without a name besides the message text."""


def read_mail(raw: bytes) -> ReadMail:
    """The subject and every attachment (mail name → bytes) of an .eml. Walks the whole MIME
    tree, because mail programs show parts nested in other parts too."""
    try:
        msg = email.message_from_bytes(raw, policy=email.policy.default)
        parts = [part for part in msg.walk() if not part.is_multipart()]
    except Exception:  # the parser is lenient; anything raised means unreadable
        raise MailError("Die Datei lässt sich nicht als E-Mail lesen.") from None
    files: dict[str, bytes] = {}
    counts: dict[str, int] = {}
    problems: list[tuple[str, str]] = []
    body_seen = False
    for part in parts:
        try:
            name = part.get_filename()
            payload = part.get_payload(decode=True)
        except Exception:  # a broken header or encoding of one part
            problems.append(("E-Mail", "Ein Teil der E-Mail ist beschädigt und nicht lesbar."))
            continue
        if not name:
            is_text = part.get_content_maintype() == "text"
            if is_text and not body_seen and part.get_content_disposition() != "attachment":
                body_seen = True  # the message text itself
                continue
            problems.append(
                (
                    "E-Mail",
                    f"Die E-Mail enthält einen Anhang ohne Namen ({shown(part.get_content_type())}"
                    "), der nicht im signierten Verzeichnis steht.",
                )
            )
            continue
        name = shown(name, 200)
        counts[name] = counts.get(name, 0) + 1
        if name not in files:
            files[name] = payload if isinstance(payload, bytes) else b""
    for name, count in counts.items():
        if count > 1:
            problems.append(
                (
                    name,
                    f"Der Anhang „{name}“ steht {count}-mal in der E-Mail; welcher gilt, ist "
                    "nicht eindeutig (Mailprogramme zeigen womöglich einen anderen als den "
                    "signierten). Die E-Mail ist so nicht gültig.",
                )
            )
    if not files:
        raise MailError("Die E-Mail enthält keine Anhänge; sie ist kein ZWK-Bewerbungspaket.")
    return ReadMail(str(msg.get("Subject", "")), files, tuple(problems))
