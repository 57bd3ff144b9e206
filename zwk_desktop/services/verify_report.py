"""The result of checking a package: per file and per check, as text for a reviewer or as JSON.

`VerifyReport.text` is what ``zwk-desktop verify`` prints; `VerifyReport.to_json` what
``verify --json`` prints (its JSON Schema is in the README). A self-issued certificate is named
for what it is: it proves integrity, not identity; with trust anchors the result says whether
the certificate was issued by a trusted issuer (issue 17), and a paper-path package is valid only
with the code printed on the hand-signed paper.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from zwk_desktop.domain.signatory import Signatory, same_person

if TYPE_CHECKING:
    from zwk_desktop.services.trust import TrustResult

EXIT_VALID, EXIT_INVALID, EXIT_UNREADABLE = 0, 1, 2
TRUST_SUBJECT = "Vertrauen"
"""The check of the signer's certificate against trust anchors (``verify --trust``)."""
PAPER_SUBJECT = "Papierfassung"
"""The check of the application's JSON against the code printed on the signed paper."""
UNCONFIRMED = "nicht elektronisch signiert"
"""How the paper check of a paper package begins when no printed code was given to compare."""
SELF_SIGNED_NOTICE = (
    "Das Zertifikat ist selbst ausgestellt (keine qualifizierte elektronische Signatur): die "
    "Signatur belegt, dass die Dateien seit der Signatur unverändert sind – nicht, wer sie "
    "signiert hat. Die Identität der signierenden Person belegt sie nicht; im Zweifel bitte "
    "bei der Kommune nachfragen."
)


@dataclass(frozen=True)
class Check:
    subject: str
    """The file checked (its name), or "Angaben" / "Unterzeichnung"."""
    ok: bool
    message: str


@dataclass(frozen=True)
class FileStatus:
    """One file of the package as found: ok, changed, missing, or not in the manifest."""

    name: str
    status: str
    """"ok", "changed", "missing" or "unlisted"."""
    sha256: str | None
    size: int | None


@dataclass(frozen=True)
class SignerInfo:
    """The signer as its certificate names it."""

    name: str
    certificate_sha256: str
    self_signed: bool
    subject: str = ""
    issuer: str = ""
    signed_at: str = ""


@dataclass(frozen=True)
class ReviewFinding:
    """A finding of the re-validation, in words for the reviewer."""

    code: str
    severity: str
    path: str
    message: str


@dataclass(frozen=True)
class VerifyReport:
    source: str
    checks: tuple[Check, ...] = ()
    unreadable: str = ""
    manifest: Mapping[str, Any] = field(default_factory=dict)
    files: tuple[FileStatus, ...] = ()
    signer: SignerInfo | None = None
    signatory: Signatory | None = None
    findings: tuple[ReviewFinding, ...] = ()
    ignored: tuple[str, ...] = ()
    """Files the system left in the folder (Thumbs.db, desktop.ini, .DS_Store)."""
    pdf_name: str = ""
    """The name of the package's signed PDF."""
    json_name: str = ""
    """The name of the application's JSON (the receiving side reads the application from it)."""
    protocol_name: str = ""
    """The name of the check protocol (acknowledged warnings with their justification)."""
    trust: TrustResult | None = None
    """With trust anchors: whether the signer's certificate leads to one of them."""
    paper: bool = False
    """The package came by the paper path (no electronic signature)."""
    notes: tuple[str, ...] = ()
    """What the check did not cover (trust, revocation), in German, after the result."""

    @property
    def valid(self) -> bool:
        return not self.unreadable and all(c.ok for c in self.checks)

    @property
    def broken(self) -> tuple[str, ...]:
        """The files (or "Angaben", "Unterzeichnung") that failed, each once, in check order."""
        return tuple(dict.fromkeys(c.subject for c in self.checks if not c.ok))

    @property
    def exit_code(self) -> int:
        if self.unreadable:
            return EXIT_UNREADABLE
        return EXIT_VALID if self.valid else EXIT_INVALID

    @property
    def result(self) -> str:
        return "nicht_lesbar" if self.unreadable else "gueltig" if self.valid else "ungueltig"

    @property
    def kommune(self) -> Mapping[str, Any] | None:
        value = self.manifest.get("kommune") if isinstance(self.manifest, Mapping) else None
        return value if isinstance(value, Mapping) else None

    def text(self) -> str:
        lines = [f"Prüfung des Bewerbungspakets {self.source}"]
        if self.unreadable:
            return "\n".join([*lines, "", f"Nicht lesbar: {self.unreadable}"])
        if self.kommune is not None:
            lines.append(
                f"Kommune: {self.kommune.get('name', '')} (AGS {self.kommune.get('ags', '')})"
            )
        if self.signer is not None:
            kind = ", selbst ausgestellt" if self.signer.self_signed else ""
            lines.append(
                f"Signiert von: {self.signer.name} (laut Zertifikat{kind}; SHA-256 "
                f"{self.signer.certificate_sha256})"
            )
        if self.signatory is not None:
            lines.append(f"Unterzeichnende Person laut Angaben: {self.signatory.label}")
        lines.append("")
        width = max((len(c.subject) for c in self.checks), default=10)
        for c in self.checks:
            mark = "in Ordnung" if c.ok else "FEHLER    "
            lines.append(f"  {mark}  {c.subject.ljust(width)}  {c.message}")
        if self.ignored:
            lines.append(
                f"  (nicht geprüft, vom System angelegt: {', '.join(sorted(self.ignored))})"
            )
        lines.append("")
        lines.append(self._result())
        if self.signer is not None and self.signer.self_signed:
            lines.extend(["", f"Hinweis: {SELF_SIGNED_NOTICE}"])
        if self.notes:
            lines.append("")
            lines.extend(self.notes)
        return "\n".join(lines)

    def _result(self) -> str:
        broken = [b for b in self.broken if b not in (TRUST_SUBJECT, PAPER_SUBJECT)]
        if broken:
            return (
                "Ergebnis: UNGÜLTIG – verändert, unvollständig oder nicht von der "
                f"unterzeichnenden Person signiert: {', '.join(broken)}"
            )
        if self.paper:
            differs = [
                c.message
                for c in self.checks
                if c.subject == PAPER_SUBJECT and not c.ok and not c.message.startswith(UNCONFIRMED)
            ]
            if differs:  # the printed code was given: the JSON does not match it
                return (
                    "Ergebnis: UNGÜLTIG – die Angaben entsprechen nicht der unterschriebenen "
                    f"Papierfassung: {'; '.join(differs)}"
                )
            if self.valid:
                return (
                    "Ergebnis: gültig. Die Angaben stimmen mit der unterschriebenen "
                    "Papierfassung überein (Papierweg, keine elektronische Signatur)."
                )
            return (
                "Ergebnis: NICHT BESTÄTIGT – Papierweg ohne elektronische Signatur. Ob die "
                "Angaben der unterschriebenen Papierfassung entsprechen, zeigt: zwk-desktop "
                "verify PFAD --papier <Text des QR-Codes>"
            )
        if not self.valid:  # intact, but the issuer is not trusted or the paper differs
            failed = [c.message for c in self.checks if not c.ok]
            return f"Ergebnis: unverändert, aber {'; '.join(failed)}"
        if self.trust is not None:
            return f"Ergebnis: gültig und {self.trust.message}."
        return "Ergebnis: gültig. Alle Dateien sind unverändert, so wie sie signiert wurden."

    def to_json(self) -> dict[str, Any]:
        """The result for programs: `verify --json` (JSON Schema in the README)."""
        signatory = None
        if self.signatory is not None:
            signatory = {
                "name": self.signatory.name,
                "funktion": self.signatory.funktion,
                "in_vertretung": self.signatory.in_vertretung,
                "matches_signer": self.signer is not None
                and same_person(self.signer.name, self.signatory.name),
            }
        signer = None
        if self.signer is not None:
            signer = {
                "name": self.signer.name,
                "certificate_sha256": self.signer.certificate_sha256,
                "self_signed": self.signer.self_signed,
                "subject": self.signer.subject,
                "issuer": self.signer.issuer,
                "signed_at": self.signer.signed_at or None,
            }
        return {
            "source": self.source,
            "result": self.result,
            "valid": self.valid,
            "exit_code": self.exit_code,
            "message": self.unreadable or None,
            "kommune": dict(self.kommune) if self.kommune is not None else None,
            "signer": signer,
            "signatory": signatory,
            "files": [
                {"name": f.name, "status": f.status, "sha256": f.sha256, "size": f.size}
                for f in self.files
            ],
            "checks": [
                {"subject": c.subject, "ok": c.ok, "message": c.message} for c in self.checks
            ],
            "findings": [
                {"code": f.code, "severity": f.severity, "path": f.path, "message": f.message}
                for f in self.findings
            ],
            "ignored": sorted(self.ignored),
            "trust": (
                {"trusted": self.trust.trusted, "message": self.trust.message}
                if self.trust is not None
                else None
            ),
            "paper": self.paper,
            "notes": list(self.notes),
        }
