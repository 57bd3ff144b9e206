"""The files of the package: canonical `bewerbung.json`, `pruefprotokoll.json`, `manifest.json`.

`canonical_json` is deterministic: the same draft gives the same bytes (data normalised into form
order, no unfilled values, UTF-8, two-space indent, one final newline). The same bytes go into
the PDF and beside it. The manifest lists SHA-256 and size of every other file of the package,
the signer certificate's fingerprint and the app, form and format versions; its detached CMS
signature (`manifest.json.p7s`) seals the whole package.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Mapping, Sequence
from typing import Any

from zwk_desktop import __version__
from zwk_desktop.domain.draft import FORMAT, FORMAT_VERSION, Acknowledgement, Draft, normalize
from zwk_desktop.formspec.models import FormSpec
from zwk_desktop.validation import Report

MANIFEST_FORMAT = "zwk-package"
MANIFEST_VERSION = 1
PROTOCOL_FORMAT = "zwk-pruefprotokoll"


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
            "format_version": FORMAT_VERSION,
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
) -> bytes:
    """The Prüfprotokoll: rule-set version, every finding, the acknowledged warnings."""
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
                    "at": ack.at,
                }
            )
    return _dump(
        {
            "format": PROTOCOL_FORMAT,
            "format_version": 1,
            "form": {"id": spec.id, "version": spec.version},
            "rule_set_version": spec.rule_set_version,
            "checked_at": checked_at.isoformat(timespec="seconds"),
            "app_version": __version__,
            "result": {
                "valid": report.valid,
                "errors": len(report.errors),
                "warnings": len(report.warnings),
                "infos": len(report.findings) - len(report.errors) - len(report.warnings),
            },
            "findings": [f.to_json() for f in report.findings],
            "acknowledged_warnings": acknowledged,
        }
    )


def manifest_json(
    files: Mapping[str, bytes],
    *,
    spec: FormSpec,
    kommune: str,
    ags: str,
    signer_fingerprint: str,
    signer_subject: str,
    created: dt.datetime,
    paper: str | None = None,
) -> bytes:
    """The package's table of contents. `paper`: the paper path's code (no electronic
    signature; the signed print follows by post), recorded as ``signature``."""
    entries = [
        {"path": path, "sha256": hashlib.sha256(content).hexdigest(), "size": len(content)}
        for path, content in files.items()
    ]
    return _dump(
        {
            "format": MANIFEST_FORMAT,
            "format_version": MANIFEST_VERSION,
            "created": created.isoformat(timespec="seconds"),
            "app": {"name": "ZWK Desktop", "version": __version__},
            "form": {
                "id": spec.id,
                "version": spec.version,
                "rule_set_version": spec.rule_set_version,
            },
            "data_format": {"format": FORMAT, "format_version": FORMAT_VERSION},
            "kommune": {"name": kommune, "ags": ags},
            "signer": {"subject": signer_subject, "certificate_sha256": signer_fingerprint},
            "signature": {"kind": "papier", "code": paper}
            if paper is not None
            else {"kind": "elektronisch"},
            "files": entries,
        }
    )


def read_manifest(raw: bytes) -> dict[str, Any]:
    """The parsed manifest; ValueError with a German sentence when it is not one."""
    try:
        value = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise ValueError("manifest.json ist kein gültiges JSON.") from None
    if not isinstance(value, dict) or value.get("format") != MANIFEST_FORMAT:
        raise ValueError("manifest.json ist kein Verzeichnis eines ZWK-Bewerbungspakets.")
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
