"""What a package says, checked for the receiving side: the PDF (its signature, the data
embedded in it, bounded decompression), the signatory named in the data against the signer, and
the data validated again with the form it was written for (findings in words for a reviewer).

Split from `zwk_desktop.services.verify`, which reads the package and checks its files.
"""

from __future__ import annotations

from collections.abc import Mapping

from zwk_desktop import limits
from zwk_desktop.domain import formatting, jsonread
from zwk_desktop.domain.attachments import describe
from zwk_desktop.domain.draft import DraftError, form_of, parse_draft
from zwk_desktop.domain.signatory import Signatory, same_person, signatory_of
from zwk_desktop.services.verify_report import Check, ReviewFinding, SignerInfo

SIGNATORY_CHECK = "Unterzeichnung"
DATA_CHECK = "Angaben"


def signatory_in(json_bytes: bytes) -> Signatory | None:
    try:
        data = jsonread.loads(json_bytes).get("data")
    except (ValueError, AttributeError):
        return None
    return signatory_of(data) if isinstance(data, dict) else None


def check_signatory(signer: SignerInfo, who: Signatory) -> Check:
    if same_person(signer.name, who.name):
        return Check(
            SIGNATORY_CHECK,
            True,
            f"signiert von {signer.name}, der in den Angaben genannten unterzeichnenden Person "
            f"({who.label})",
        )
    return Check(
        SIGNATORY_CHECK,
        False,
        f"Signiert hat {signer.name or 'eine unbekannte Person'} (laut Zertifikat), als "
        f"unterzeichnende Person nennen die Angaben aber {who.label or 'niemanden'}. Die "
        "Bewerbung ist nicht von der Person signiert, die sie unterschreiben soll.",
    )


def check_pdf_file(
    pdf: bytes,
    json_bytes: bytes | None,
    expected_fp: str,
    *,
    pdf_name: str,
    json_name: str,
    paper: bool,
) -> list[Check]:
    """The package's PDF: bounded decompression first, its signature (by the manifest's signer;
    none on the paper path), and the data embedded in it against the JSON beside it."""
    from zwk_desktop.services.inflate import InflateLimit, pdf_inflated_size
    from zwk_desktop.services.pdf_embed import EmbeddedTooLarge, embedded_json
    from zwk_desktop.services.signing import check_pdf

    budget = limits.pdf_inflate_budget(len(pdf))
    try:
        pdf_inflated_size(pdf, budget)
    except InflateLimit:
        # Neither pyHanko nor qpdf ever sees such a file.
        return [
            Check(
                pdf_name,
                False,
                "Das PDF enthält komprimierte Daten, die sich auf mehr als "
                f"{formatting.size(budget)} entpacken würden (eine „Dekompressionsbombe“); es "
                "wird nicht weiter geöffnet.",
            )
        ]
    out = []
    sig = check_pdf(pdf) if not paper else None
    if sig is None:
        out.append(
            Check(pdf_name, True, "Druckfassung zur Unterschrift (Papierweg, ohne Signatur)")
        )
    elif not sig.ok:
        out.append(Check(pdf_name, False, sig.problem))
    elif sig.fingerprint != expected_fp:
        out.append(
            Check(
                pdf_name,
                False,
                "Das PDF ist mit einem anderen Zertifikat signiert als das Verzeichnis.",
            )
        )
    elif sig.signed_at:
        out.append(
            Check(
                pdf_name,
                True,
                f"Signatur gültig und deckt die ganze Datei ab ({sig.signer}, "
                f"{sig.signed_at:%d.%m.%Y %H:%M} Uhr)",
            )
        )
    else:
        out.append(
            Check(pdf_name, True, f"Signatur gültig und deckt die ganze Datei ab ({sig.signer})")
        )
    try:
        inner = embedded_json(pdf)
    except EmbeddedTooLarge:
        out.append(
            Check(
                pdf_name,
                False,
                "Die im PDF eingebettete bewerbung.json würde sich auf mehr als "
                f"{formatting.size(limits.MAX_EMBEDDED_JSON_BYTES)} entpacken; so groß ist "
                "keine Bewerbung.",
            )
        )
        return out
    except Exception:  # a damaged PDF may break the parser in any way
        inner = None
    if inner is None:
        out.append(
            Check(
                pdf_name,
                False,
                "Im PDF sind die Angaben (bewerbung.json) nicht eingebettet oder nicht lesbar.",
            )
        )
    elif json_bytes is not None and inner != json_bytes:
        out.append(
            Check(
                json_name,
                False,
                f"{json_name} stimmt nicht mit den im PDF eingebetteten Angaben überein.",
            )
        )
    elif json_bytes is not None:
        out.append(Check(json_name, True, "identisch mit den im PDF eingebetteten Angaben"))
    return out


def reviewer_text(message: str) -> str:
    """A finding's message for the receiving side: without the requests to the applicant
    ("Bitte fügen Sie die Datei erneut hinzu.")."""
    sentences = [s.strip() for s in message.replace("; bitte", ". Bitte").split(". ")]
    kept = [s for s in sentences if s and not s.startswith("Bitte")]
    text = ". ".join(kept).strip()
    return text if text.endswith((".", "!", "?")) or not text else text + "."


def revalidate(
    json_bytes: bytes, content: Mapping[str, bytes], protocol: bytes | None
) -> tuple[Check, tuple[ReviewFinding, ...]]:
    from zwk_desktop.formspec import FormSpecError
    from zwk_desktop.validation import validate

    try:
        draft = parse_draft(json_bytes)
        spec = form_of(draft)
    except (DraftError, FormSpecError) as exc:
        return Check(DATA_CHECK, False, f"Die Angaben lassen sich nicht erneut prüfen: {exc}"), ()
    infos = {}
    for data in content.values():
        info = describe(data)
        infos[info.sha256] = info
    report = validate(spec, draft.data, infos)
    findings = tuple(
        ReviewFinding(f.code, f.severity, f.path, reviewer_text(f.message)) for f in report.findings
    )
    # The rows below are whole sentences for one and for several (not a counted noun put in),
    # so that the window finds each in its catalogue of templates (ui/verify_texts.py).
    if not report.valid:
        first, errors = report.errors[0], len(report.errors)
        path, code, message = first.path, first.code, reviewer_text(first.message)
        return (
            Check(
                DATA_CHECK,
                False,
                f"Die erneute Prüfung der Angaben findet 1 Fehler, z. B. {path} ({code}): {message}"
                if errors == 1
                else f"Die erneute Prüfung der Angaben findet {formatting.number(errors)} Fehler, "
                f"z. B. {path} ({code}): {message}",
            ),
            findings,
        )
    acked: set[tuple[str, str]] = set()
    if protocol is not None:
        try:
            parsed = jsonread.loads(protocol)
            acked = {(a["code"], a["path"]) for a in parsed.get("acknowledged_warnings", [])}
        except (ValueError, TypeError, KeyError, AttributeError):
            acked = set()
    open_warnings = [w for w in report.warnings if w.key not in acked]
    if open_warnings:
        n = len(open_warnings)
        code, path = open_warnings[0].code, open_warnings[0].path
        return (
            Check(
                DATA_CHECK,
                False,
                "Im Prüfprotokoll nicht bestätigt: 1 Hinweis der erneuten Prüfung, z. B. "
                f"{code} bei {path}."
                if n == 1
                else f"Im Prüfprotokoll nicht bestätigt: {formatting.number(n)} Hinweise der "
                f"erneuten Prüfung, z. B. {code} bei {path}.",
            ),
            findings,
        )
    version, warnings = spec.rule_set_version, len(report.warnings)
    if not warnings:
        done = f"erneute Prüfung ohne Fehler (Regelwerk {version})"
    elif warnings == 1:
        done = (
            f"erneute Prüfung ohne Fehler (Regelwerk {version}; 1 Hinweis, im Prüfprotokoll "
            "mit Begründung bestätigt)"
        )
    else:
        done = (
            f"erneute Prüfung ohne Fehler (Regelwerk {version}; {formatting.number(warnings)} "
            "Hinweise, im Prüfprotokoll mit Begründung bestätigt)"
        )
    return Check(DATA_CHECK, True, done), findings
