"""Checking one received package (in a worker process): verify it, then read its row.

The checks themselves are `verify`'s (the same engine as ``zwk-desktop verify``): the manifest's
signature, every file's hash, the PDF signature, the embedded JSON, the re-validation under the
rule set the data name. This module adds what the overview needs beside them: when the package
came in, who applies for how much, who signed, what was acknowledged. Everything is read from
memory; nothing is written. Any failure on hostile input becomes an "unlesbar" row with a German
reason, never an exception out of `check_candidate`.
"""

from __future__ import annotations

import datetime as dt
import email.parser
import email.policy
import hashlib
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from zwk_desktop import oserrors
from zwk_desktop.domain import formatting, jsonread
from zwk_desktop.services import naming
from zwk_desktop.services.inbox.model import (
    KIND_FOLDER,
    KIND_MAIL,
    STATUS_CHANGED,
    STATUS_PAPER,
    STATUS_SIGNER,
    STATUS_UNREADABLE,
    STATUS_VALID,
    TOTAL,
    Acknowledged,
    Application,
    Candidate,
)
from zwk_desktop.services.verify_content import DATA_CHECK, SIGNATORY_CHECK
from zwk_desktop.services.verify_report import PAPER_SUBJECT, TRUST_SUBJECT

if TYPE_CHECKING:
    from zwk_desktop.services.trust import TrustAnchors

FROM_MAIL_DATE = "Datum der E-Mail"
FROM_FILE_TIME = "Dateizeit"
MAX_TEXT = 300
"""Longest text taken into a cell from a package (a hostile name may be megabytes long)."""
MEMORY_REASON = (
    "Die Prüfung braucht mehr Speicher als erlaubt; das Paket ist beschädigt oder absichtlich so "
    "gebaut."
)
MAX_LISTED = 50
"""Most errors or warnings listed per row; the rest are counted."""
PAPER_REASON = (
    "Papierweg: das Paket ist nicht elektronisch signiert. Ob die Angaben der unterschriebenen "
    "Papierfassung entsprechen, zeigt erst deren Prüfcode: zwk-desktop verify PAKET --papier "
    "<Text des QR-Codes>."
)
_NOT_CHANGES = (DATA_CHECK, SIGNATORY_CHECK, TRUST_SUBJECT, PAPER_SUBJECT)
"""Failed checks that are not changes to the files (each has its own status or none)."""


def size_limit(mail_max_bytes: int) -> int:
    """Largest .eml or package folder the inbox opens: twice what the call allows for the mail
    (room for re-encoding by gateways); anything larger cannot be an application."""
    return 2 * mail_max_bytes


def check_candidate(
    candidate: Candidate, max_bytes: int, anchors: TrustAnchors | None = None
) -> Application:
    """The row of one candidate; never raises (hostile input gives an "unlesbar" row).
    `anchors`: the trusted issuers (``--trust``), as for ``verify --trust``."""
    path = Path(candidate.path)
    try:
        return _check(path, candidate.kind, max_bytes, anchors)
    except MemoryError:
        return unreadable(candidate, MEMORY_REASON)
    except RecursionError:
        return unreadable(candidate, "Das Paket ist zu tief verschachtelt, um es zu prüfen.")
    except Exception as exc:  # hostile input may break a parser in any way
        return unreadable(candidate, f"Das Paket lässt sich nicht prüfen ({type(exc).__name__}).")


def unreadable(candidate: Candidate, reason: str, **extra: Any) -> Application:
    """An "unlesbar" row; the row names the package, so the reason need not repeat its path."""
    if reason.startswith(f"{candidate.path} "):
        subject = "Die Datei" if candidate.kind == KIND_MAIL else "Der Ordner"
        reason = f"{subject} {reason.removeprefix(f'{candidate.path} ')}"
    reason = reason.removeprefix(f"{candidate.path}: ")
    return Application(
        path=candidate.path,
        kind=candidate.kind,
        status=STATUS_UNREADABLE,
        valid=False,
        reason=reason,
        errors=(reason,),
        **extra,
    )


def _check(path: Path, kind: str, max_bytes: int, anchors: TrustAnchors | None) -> Application:
    from zwk_desktop.services.verify import PackageUnreadable, read_package, verify_files

    candidate = Candidate(str(path), kind)
    if path.is_symlink():
        return unreadable(
            candidate, "Das ist eine Verknüpfung; der Posteingang folgt keinen Verknüpfungen."
        )
    received, received_from = _file_time(path)
    size = _size(path)
    if size > max_bytes:
        return unreadable(
            candidate,
            f"{'Die E-Mail' if kind == KIND_MAIL else 'Der Paketordner'} ist mit "
            f"{formatting.size(size)} größer, als eine Bewerbung sein kann (höchstens "
            f"{formatting.size(max_bytes)}) und wurde nicht geöffnet.",
            received=received,
            received_from=received_from,
        )
    if kind == KIND_MAIL:
        received, received_from = _mail_date(path) or (received, received_from)
    try:
        package = read_package(path)
    except PackageUnreadable as exc:
        return unreadable(candidate, str(exc), received=received, received_from=received_from)
    except OSError as exc:
        return unreadable(
            candidate,
            oserrors.sentence(path, exc, writing=False),
            received=received,
            received_from=received_from,
        )
    # One of several packages in one folder is named by its manifest (as for `verify`).
    chosen = path.name if kind == KIND_FOLDER and path.is_file() else None
    report = verify_files(
        package.files,
        str(path),
        from_mail=kind == KIND_MAIL,
        manifest=chosen,
        problems=package.problems,
        anchors=anchors,
    )
    if report.unreadable:
        return unreadable(
            candidate, report.unreadable, received=received, received_from=received_from
        )
    files = package.files
    facts = _application_facts(files.get(report.json_name), files.get(report.protocol_name))
    failed = [c for c in report.checks if not c.ok]
    changed = [c for c in failed if c.subject not in _NOT_CHANGES]
    errors = [f"{c.subject}: {c.message}" for c in changed]
    signer_differs = [c for c in failed if c.subject == SIGNATORY_CHECK]
    errors.extend(f"{c.subject}: {c.message}" for c in signer_differs)
    found_errors = [f for f in report.findings if f.severity == "error"]
    if found_errors:
        errors.extend(f"{f.path}: {f.message}" for f in found_errors)
    else:
        errors.extend(f"{c.subject}: {c.message}" for c in failed if c.subject == DATA_CHECK)
    errors.extend(facts.pop("problems", []))
    if changed:
        status = STATUS_CHANGED
    elif report.paper:
        status = STATUS_PAPER
        errors.insert(0, PAPER_REASON)
    elif signer_differs:
        status = STATUS_SIGNER
    else:
        status = STATUS_VALID
    warnings = [f"{w.path}: {w.message}" for w in report.findings if w.severity == "warning"]
    manifest = report.manifest if isinstance(report.manifest, Mapping) else {}
    signer = report.signer
    trusted = report.trust is not None and report.trust.trusted
    return Application(
        path=str(path),
        kind=kind,
        status=status,
        # Whether the issuer is a trust anchor is not a fault of the package: without one the
        # desk confirms the certificate by phone (trust on first use), as without --trust.
        valid=status == STATUS_VALID and all(c.subject == TRUST_SUBJECT for c in failed),
        received=received,
        received_from=received_from,
        signer=_clip(signer.name) if signer is not None else "",
        fingerprint=signer.certificate_sha256 if signer is not None else "",
        anchored=trusted,
        anchor_note=_clip(report.trust.message) if report.trust is not None else "",
        signed=_clip(manifest.get("signed_at")) or _clip(manifest.get("created")),
        errors=_listed(errors),
        warnings=_listed(warnings),
        content_key=content_key(_own(files, chosen)),
        **facts,
    )


# --------------------------------------------------------------------------- the package's facts


def _application_facts(raw: bytes | None, protocol: bytes | None) -> dict[str, Any]:
    """Kommune, amounts, signatory and acknowledgements, as the enclosed files state them:
    the application's JSON (`raw`) and the check protocol."""
    from zwk_desktop.domain.budget import compute_budget
    from zwk_desktop.domain.draft import DraftError, parse_draft
    from zwk_desktop.formspec import FormSpecError, get_form

    facts: dict[str, Any] = {"acknowledged": _acknowledged(protocol)}
    if raw is None:
        return facts
    try:
        draft = parse_draft(raw)
    except DraftError as exc:
        facts["problems"] = [f"Angaben: {exc}"]
        return facts
    data = draft.data
    kommune = _mapping(data.get("kommune"))
    unterschrift = _mapping(data.get("unterschrift"))
    facts.update(
        kommune=_clip(kommune.get("name")),
        ags=_clip(kommune.get("ags")),
        land=_clip(kommune.get("bundesland")),
        landkreis=_clip(kommune.get("landkreis")),
        art=_clip(kommune.get("art")),
        einwohner=_int(kommune.get("einwohner")),
        signatory=_clip(unterschrift.get("name")),
        signatory_funktion=_clip(unterschrift.get("funktion")),
    )
    try:
        spec = get_form(draft.form_id, draft.form_version)
    except (KeyError, FormSpecError):
        return facts
    facts["rule_set"] = spec.rule_set_version
    facts["land_name"] = _choice_label(spec, "kommune.bundesland", facts["land"])
    facts["art_name"] = _choice_label(spec, "kommune.art", facts["art"])
    budget = compute_budget(spec, data)
    requested = dict(budget.requested)
    requested[TOTAL] = budget.total_requested
    own = dict(budget.own_funds)
    own[TOTAL] = sum(budget.own_funds.values(), Decimal("0.00"))
    facts["beantragt"] = requested
    facts["eigenmittel"] = own
    return facts


def _acknowledged(protocol: bytes | None) -> tuple[Acknowledged, ...]:
    if protocol is None or len(protocol) > 5 * 1024 * 1024:
        return ()
    try:
        parsed = jsonread.loads(protocol)
    except (ValueError, RecursionError):
        return ()
    items = parsed.get("acknowledged_warnings") if isinstance(parsed, dict) else None
    if not isinstance(items, list):
        return ()
    out = []
    for item in items[:MAX_LISTED]:
        if isinstance(item, dict):
            out.append(
                Acknowledged(
                    _clip(item.get("code")),
                    _clip(item.get("path")),
                    _clip(item.get("justification"), 1000),
                )
            )
    return tuple(out)


def _choice_label(spec: Any, field_path: str, code: str) -> str:
    try:
        field = spec.field(field_path)
    except KeyError:
        return code
    return next((str(c.label) for c in field.choices if c.code == code), code)


def content_key(files: Mapping[str, bytes]) -> str:
    """The same for a package folder and its e-mail (same bytes, other names)."""
    digests = sorted(hashlib.sha256(data).hexdigest() for data in files.values())
    return hashlib.sha256("\n".join(digests).encode("ascii")).hexdigest()


# --------------------------------------------------------------------------- small readers


def _own(files: Mapping[str, bytes], manifest: str | None) -> Mapping[str, bytes]:
    """The files of the package whose `manifest` was named, where several lie in one folder
    (their names start alike, `naming`); all `files` otherwise."""
    if manifest is None or not manifest.endswith(naming.MANIFEST_SUFFIX):
        return files
    stem = manifest.removesuffix(naming.MANIFEST_SUFFIX)
    return {name: data for name, data in files.items() if name.startswith(stem)}


def _mapping(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def _clip(value: Any, limit: int = MAX_TEXT) -> str:
    if not isinstance(value, str):
        return ""
    text = " ".join(value.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _int(value: Any) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int):
        return None
    return value if abs(value) < 10**15 else None


def _listed(items: list[str]) -> tuple[str, ...]:
    clipped = [_clip(i, 1000) for i in items]
    if len(clipped) <= MAX_LISTED:
        return tuple(clipped)
    return (*clipped[:MAX_LISTED], f"… und {len(clipped) - MAX_LISTED} weitere")


def _size(path: Path) -> int:
    """Bytes of a file, or of all files in a folder (without reading them)."""
    if not path.is_dir():
        return path.stat().st_size
    total = 0
    for item in path.rglob("*"):
        if item.is_file() and not item.is_symlink():
            total += item.stat().st_size
    return total


def _file_time(path: Path) -> tuple[dt.datetime | None, str]:
    """When the file was saved; for a package folder, when its manifest was (copying a folder
    keeps its files' times, not the folder's own)."""
    from zwk_desktop.services.inbox.discover import is_package_folder

    try:
        if path.is_dir() and not path.is_symlink():
            names = [p.name for p in path.iterdir() if p.is_file()]
            manifest = next((n for n in sorted(names) if is_package_folder([n])), None)
            if manifest is not None:
                path = path / manifest
        stamp = path.stat().st_mtime
    except OSError:
        return None, ""
    return dt.datetime.fromtimestamp(stamp).astimezone(), FROM_FILE_TIME


def _mail_date(path: Path) -> tuple[dt.datetime, str] | None:
    """The mail's Date header, if it has a readable one (drafts with X-Unsent have none)."""
    try:
        with path.open("rb") as handle:
            head = handle.read(256 * 1024)
        end = min((i for i in (head.find(b"\r\n\r\n"), head.find(b"\n\n")) if i >= 0), default=-1)
        head = head[: end + 2] if end >= 0 else head  # the header block only
        headers = email.parser.BytesHeaderParser(policy=email.policy.default).parsebytes(head)
        value = headers.get("Date")
        when = getattr(value, "datetime", None)
    except Exception:  # a malformed header is no date, not a broken row
        return None
    if not isinstance(when, dt.datetime):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return when, FROM_MAIL_DATE
