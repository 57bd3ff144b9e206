"""The ready-to-send e-mail (``.eml``) beside the package, and reading one back.

To comes from the form definition, the subject names the Kommune, the German body says who
applies for how much (per year), who signed, whom to ask, and lists every attachment with its
SHA-256 as ``sha256sum -c`` reads it; ``X-Unsent: 1`` makes mail programs open it as a draft to
send. Every file of the package is a separate attachment under its package name, ASCII (no ZIP:
gateways block them).
"""

from __future__ import annotations

import email
import email.policy
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from email.message import EmailMessage
from typing import Any

from zwk_desktop.domain import formatting
from zwk_desktop.domain.attachments import MIME_TYPES, detect_kind
from zwk_desktop.domain.jsonread import shown
from zwk_desktop.domain.paths import get_value
from zwk_desktop.formspec.models import FormSpec
from zwk_desktop.services import naming

SUBJECT = "Bewerbung Zukunftswerkstatt Kommunen – {kommune}"


class MailError(Exception):
    """The .eml cannot be read as a ZWK package mail (German sentence)."""


@dataclass(frozen=True)
class MailSummary:
    """What the body of the mail says about the application."""

    kommune: str
    genitive: str
    """"der Gemeinde Lindenhagen am See": the Kommune after "die Bewerbung"."""
    ags: str
    programme: str
    requested: tuple[tuple[str, str], ...]
    """(year, amount in German) per year of the call."""
    requested_total: str
    signatory: str
    contact: tuple[str, ...]
    """The contact person: name with function, unit, phone, e-mail (lines, German)."""

    @classmethod
    def of(cls, spec: FormSpec, data: Mapping[str, Any], signer_name: str) -> MailSummary:
        from zwk_desktop.domain.budget import compute_budget
        from zwk_desktop.domain.designation import genitive
        from zwk_desktop.domain.signatory import signatory_of

        def text(path: str) -> str:
            value = get_value(data, path)
            return " ".join(str(value).split()) if value not in (None, "") else ""

        kommune = text("kommune.name")
        budget = compute_budget(spec, dict(data))
        who = signatory_of(data)
        anrede_field = spec.fields_by_path.get("kontakte.koordination.anrede")
        anrede = text("kontakte.koordination.anrede")
        salutation = (
            anrede_field.choice_label(anrede) if anrede_field and anrede in ("frau", "herr") else ""
        )
        person = " ".join(
            p
            for p in (
                salutation,
                text("kontakte.koordination.vorname"),
                text("kontakte.koordination.nachname"),
            )
            if p
        )
        funktion = text("kontakte.koordination.funktion")
        contact = [f"{person}, {funktion}" if funktion else person]
        if text("kontakte.koordination.organisationseinheit"):
            contact.append(text("kontakte.koordination.organisationseinheit"))
        if text("kontakte.koordination.telefon"):
            contact.append(f"Telefon: {text('kontakte.koordination.telefon')}")
        if text("kontakte.koordination.email"):
            contact.append(f"E-Mail: {text('kontakte.koordination.email')}")
        return cls(
            kommune=kommune,
            genitive=genitive(kommune, text("kommune.art")),
            ags=text("kommune.ags"),
            programme=spec.programme,
            requested=tuple((y, formatting.money(budget.requested[y])) for y in budget.years),
            requested_total=formatting.money(budget.total_requested),
            signatory=who.label if who.name else signer_name,
            contact=tuple(c for c in contact if c),
        )

    def body(self, files: Mapping[str, bytes], manifest_name: str, *, paper: bool = False) -> str:
        """The German text of the mail: who applies, how much, who signed, whom to ask, and
        every attached file with its SHA-256 in the form ``sha256sum -c`` reads. `paper`: not
        signed electronically (issue 17's paper path); the signed print follows by post."""
        years = "\n".join(f"  {year}: {amount}" for year, amount in self.requested)
        sums = "\n".join(f"{hashlib.sha256(b).hexdigest()}  {name}" for name, b in files.items())
        sizes = "\n".join(f"  – {name} ({formatting.size(len(b))})" for name, b in files.items())
        contact = "\n".join(f"  {line}" for line in self.contact)
        return (
            "Sehr geehrte Damen und Herren,\n\n"
            f"anbei übersenden wir die Bewerbung {self.genitive} (Amtlicher Gemeindeschlüssel "
            f"{self.ags}) für das Modellprojekt „{self.programme}“.\n\n"
            f"Beantragte Förderung insgesamt: {self.requested_total}\n{years}\n\n"
            f"{self._signed(paper)}\n\n"
            f"Ansprechperson für Rückfragen:\n{contact}\n\n"
            f"{self._contents(manifest_name, paper)}\n\n"
            f"Angehängte Dateien:\n{sizes}\n\n"
            "SHA-256-Prüfsummen der angehängten Dateien (in einer Datei gespeichert prüfbar mit "
            "„sha256sum -c“; das ganze Paket prüft „zwk-desktop verify“):\n"
            f"{sums}\n\n"
            "Mit freundlichen Grüßen\n"
            f"{self.signatory}\n"
            f"{self.kommune}\n"
        )

    def _signed(self, paper: bool) -> str:
        if paper:
            return (
                f"Unterzeichnet von: {self.signatory} – auf Papier, nicht elektronisch signiert: "
                "die unterschriebene Papierfassung folgt per Post."
            )
        return f"Unterzeichnet und elektronisch signiert von: {self.signatory}"

    @staticmethod
    def _contents(manifest_name: str, paper: bool) -> str:
        json_name = manifest_name.removesuffix(naming.MANIFEST_SUFFIX) + ".json"
        if paper:
            return (
                "Beigefügt sind die Druckfassung (mit den Angaben als eingebettete Datei), die "
                "Angaben als JSON, das Prüfprotokoll, die Anlagen und ein Verzeichnis aller "
                f"Dateien ({manifest_name}). Der QR-Code auf der Unterschriftsseite der "
                f"Papierfassung enthält die SHA-256-Prüfsumme von {json_name}; so lässt sich "
                "prüfen, dass Papier und Daten übereinstimmen (zwk-desktop verify … --papier …)."
            )
        return (
            "Die Bewerbung besteht aus dem signierten PDF (mit den Angaben als eingebettete "
            "Datei), den Angaben als JSON, dem Prüfprotokoll, den Anlagen sowie einem signierten "
            f"Verzeichnis aller Dateien ({manifest_name} mit der Signatur "
            f"{manifest_name}{naming.SIGNATURE_SUFFIX})."
        )


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
    summary: MailSummary,
    manifest_name: str,
    paper: bool = False,
) -> bytes:
    """The .eml bytes; `files` maps the package's file names to their bytes, in the order to
    attach. Each attachment carries its name in Content-Disposition and in Content-Type.
    `paper`: the package is not signed electronically; the signed print follows by post."""
    msg = EmailMessage(policy=email.policy.SMTP)
    msg["To"] = recipient
    msg["Subject"] = SUBJECT.format(kommune=summary.kommune)
    msg["X-Unsent"] = "1"
    msg.set_content(summary.body(files, manifest_name, paper=paper), charset="utf-8")
    for path, content in files.items():
        kind = detect_kind(content)
        if kind:
            maintype, subtype = MIME_TYPES[kind].split("/", 1)
        else:
            maintype, subtype = _media_type(path)
        msg.add_attachment(
            content,
            maintype=maintype,
            subtype=subtype,
            filename=path,
            params={"name": path},
        )
    for part in msg.iter_parts():
        del part["MIME-Version"]  # one MIME-Version, in the message's header only
    # Header lines up to RFC 5322's 998 characters: a long file name stays one plain parameter
    # instead of RFC 2231 continuations, which munpack and many mail programs do not join.
    return msg.as_bytes(policy=email.policy.SMTP.clone(max_line_length=998))


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
