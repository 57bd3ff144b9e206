"""The files of the package: the canonical application JSON, the Prüfprotokoll, the manifest.

`canonical_json` is deterministic: the same draft gives the same bytes (data normalised into form
order, no unfilled values, UTF-8, two-space indent, one final newline). The same bytes go into
the PDF and beside it. The Prüfprotokoll names the Kommune, the SHA-256 of the JSON it checked,
every finding, the acknowledged warnings and the rules that passed. The manifest lists name
(as in the folder and the e-mail), role, SHA-256 and size of every other file of the package,
the signer (readable and by certificate) and the signing time; its detached CMS signature
(`…_manifest.json.p7s`, with a signing-time attribute) seals the whole package. Every time is
UTC with "Z".
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from zwk_desktop import __version__
from zwk_desktop.domain import jsonread
from zwk_desktop.domain.draft import (
    FORMAT,
    RECORD_FORMAT_VERSION,
    Acknowledgement,
    Draft,
    normalize,
)
from zwk_desktop.formspec.models import FormSpec
from zwk_desktop.validation import Report

MANIFEST_FORMAT = "zwk-package"
MANIFEST_VERSION = 2
"""2: names with AGS and Kommune, the same in the folder and the e-mail; roles; the signer."""
PROTOCOL_FORMAT = "zwk-pruefprotokoll"
PROTOCOL_VERSION = 2
CHANGELOG_FORMAT = "zwk-aenderungsprotokoll"
ROLES = ("pdf", "json", "protocol", "attachment", "changelog")
"""What each file of a package is (`manifest.json` → files[].role); ``changelog``: the optional
summary of the change log (issue 16)."""


def utc_z(moment: dt.datetime) -> str:
    """``2021-07-15T08:30:00Z``: the one time format of the package records."""
    return moment.astimezone(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


@dataclass(frozen=True)
class Signer:
    """Who signs, readable for a reviewer and bound to the certificate."""

    name: str
    """The certificate's common name (CN)."""
    funktion: str
    kommune: str
    email: str
    subject: str
    issuer: str
    certificate_sha256: str
    self_signed: bool

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "funktion": self.funktion,
            "kommune": self.kommune,
            "email": self.email,
            "subject": self.subject,
            "issuer": self.issuer,
            "certificate_sha256": self.certificate_sha256,
            "self_signed": self.self_signed,
        }


def _dump(value: Any) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def canonical_json(spec: FormSpec, draft: Draft) -> bytes:
    """The application record as sent: the draft envelope without attachment bytes and
    acknowledgements (those travel as files and in the Prüfprotokoll)."""
    meta = {k: draft.meta[k] for k in ("created", "modified") if isinstance(draft.meta.get(k), str)}
    meta["app_version"] = __version__
    return _dump(
        {
            "format": FORMAT,
            "format_version": RECORD_FORMAT_VERSION,
            "form": {"id": spec.id, "version": spec.version},
            "meta": meta,
            "data": normalize(spec, draft.data),
        }
    )


def protocol_json(
    spec: FormSpec,
    report: Report,
    acknowledgements: Sequence[Acknowledgement],
    checked_at: dt.datetime,
    *,
    kommune: str = "",
    ags: str = "",
    json_name: str = "",
    json_sha256: str = "",
) -> bytes:
    """The Prüfprotokoll: which Kommune and which JSON (SHA-256) were checked with which rule
    set, every finding, the acknowledged warnings and the rules that passed (their ids)."""
    by_key = {(a.code, a.path): a for a in acknowledgements}
    acknowledged = []
    for finding in report.warnings:
        ack = by_key.get(finding.key)
        if ack is not None:
            acknowledged.append(
                {
                    "code": ack.code,
                    "path": ack.path,
                    "message": finding.message,
                    "justification": ack.justification,
                    "at": _z_text(ack.at),
                }
            )
    failed = {f.rule_id for f in report.findings if f.rule_id}
    return _dump(
        {
            "format": PROTOCOL_FORMAT,
            "format_version": PROTOCOL_VERSION,
            "form": {"id": spec.id, "version": spec.version},
            "rule_set_version": spec.rule_set_version,
            "checked_at": utc_z(checked_at),
            "app_version": __version__,
            "kommune": {"name": kommune, "ags": ags},
            "checked_file": {"name": json_name, "sha256": json_sha256},
            "result": {
                "valid": report.valid,
                "errors": len(report.errors),
                "warnings": len(report.warnings),
                "infos": len(report.findings) - len(report.errors) - len(report.warnings),
            },
            "checks_passed": [r.rule_id for r in spec.rules if r.rule_id not in failed],
            "findings": [f.to_json() for f in report.findings],
            "acknowledged_warnings": acknowledged,
        }
    )


def _z_text(stamp: str) -> str:
    """A stored time as UTC with "Z" (acknowledgements are stored so already)."""
    try:
        return utc_z(dt.datetime.fromisoformat(stamp.replace("Z", "+00:00")))
    except ValueError:
        return stamp


def changelog_json(spec: FormSpec, draft: Draft, created: dt.datetime) -> bytes:
    """The optional summary of the change log (``aenderungsprotokoll.json``): per field how
    often it was changed, by whom and when last; never a value, old or new, and no comments."""
    from zwk_desktop.domain.lineage import concrete_path
    from zwk_desktop.domain.paths import template_path
    from zwk_desktop.services.diff import field_label

    items = draft.ensure_lineage().items
    entries = [c for c in draft.changelog.entries if c.net]
    fields: dict[str, dict[str, Any]] = {}
    for entry in entries:
        path = concrete_path(entry.path, items)
        if path is None:
            continue  # an item removed since: its field is not in the application
        row = fields.setdefault(
            path,
            {"path": path, "label": field_label(spec, path), "changes": 0, "people": []},
        )
        row["changes"] += 1
        if entry.who and entry.who not in row["people"]:
            row["people"].append(entry.who)
        row["last_changed"] = _z_text(entry.at)
        row["last_changed_by"] = entry.who
    order = spec.field_order
    rows = sorted(fields.values(), key=lambda r: (order.get(template_path(r["path"]), 1 << 30),
                                                  r["path"]))  # fmt: skip
    people = sorted({e.who for e in entries if e.who})
    times = sorted(_z_text(e.at) for e in entries if e.at)
    return _dump(
        {
            "format": CHANGELOG_FORMAT,
            "format_version": 1,
            "form": {"id": spec.id, "version": spec.version},
            "created": utc_z(created),  # the one time format of the package records
            "summary": {
                "entries": len(entries),
                "fields": len(rows),
                "people": people,
                "first": times[0] if times else None,
                "last": times[-1] if times else None,
            },
            "fields": rows,
        }
    )


def manifest_json(
    files: Sequence[tuple[str, str, bytes]],
    *,
    spec: FormSpec,
    kommune: str,
    ags: str,
    signer: Signer | None,
    created: dt.datetime,
    signed_at: dt.datetime | None,
    paper: str | None = None,
) -> bytes:
    """The manifest over `files` (name, role, bytes), named as in the folder and the e-mail.
    `paper`: the paper path's code (no electronic signature, so no `signer` and no `signed_at`;
    the signed print follows by post), recorded as ``signature``."""
    entries = [
        {
            "path": name,
            "role": role,
            "sha256": hashlib.sha256(content).hexdigest(),
            "size": len(content),
        }
        for name, role, content in files
    ]
    return _dump(
        {
            "format": MANIFEST_FORMAT,
            "format_version": MANIFEST_VERSION,
            "created": utc_z(created),
            "signed_at": utc_z(signed_at) if signed_at is not None else None,
            "app": {"name": "ZWK Desktop", "version": __version__},
            "form": {
                "id": spec.id,
                "version": spec.version,
                "rule_set_version": spec.rule_set_version,
            },
            "data_format": {"format": FORMAT, "format_version": RECORD_FORMAT_VERSION},
            "kommune": {"name": kommune, "ags": ags},
            "signer": signer.to_json() if signer is not None else None,
            "signature": {"kind": "papier", "code": paper}
            if paper is not None
            else {"kind": "elektronisch"},
            "files": entries,
        }
    )


def read_manifest(raw: bytes) -> dict[str, Any]:
    """The parsed manifest; ValueError with a German sentence when it is not one."""
    try:
        value = jsonread.loads(raw)
    except jsonread.JsonProblem as exc:
        raise ValueError(f"manifest.json ist nicht lesbar: {exc}") from None
    if not isinstance(value, dict) or value.get("format") != MANIFEST_FORMAT:
        raise ValueError("manifest.json ist kein Verzeichnis eines ZWK-Bewerbungspakets.")
    if value.get("format_version") not in (1, MANIFEST_VERSION):
        raise ValueError(
            f"manifest.json hat die Formatversion {value.get('format_version')!r}, die dieses "
            "Programm nicht kennt; bitte prüfen Sie das Paket mit einer neueren Version."
        )
    files = value.get("files")
    if not isinstance(files, list) or not all(
        isinstance(f, dict)
        and isinstance(f.get("path"), str)
        and isinstance(f.get("sha256"), str)
        and isinstance(f.get("size"), int)
        for f in files
    ):
        raise ValueError("Die Dateiliste in manifest.json ist beschädigt.")
    return value
