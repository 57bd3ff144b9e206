"""The draft envelope (fields.md §1): reading, writing, creating and normalising drafts.

A draft file (``*.zwk``) is UTF-8 JSON::

    {"format": "zwk-application", "format_version": 2,
     "form": {"id": "zwk-2021", "version": "1"},
     "meta": {"created": ..., "modified": ..., "app_version": ...},
     "data": {...},
     "files": {"<sha256>": "<base64>"},            # only with attachments
     "acknowledgements": [{"code", "path", "justification", "at"}],   # optional
     "lineage": {"draft", "version", "written", "by", "items", "history", "base"},  # optional
     "comments": [{"id", "path", "text", "author", "at", "resolved", ...}],   # optional
     "changes": [{"id", "path", "at", "who", "kind", "old", "new"}]}          # optional

Format 2 adds the last three keys (`zwk_desktop.domain.lineage`, `zwk_desktop.domain.collab`) to
format 1 of fields.md; `data` is the same. A file of format 1 reads as format 2 without lineage.
The application record sent to the ministry (``bewerbung.json``) stays format 1
(`RECORD_FORMAT_VERSION`): it never carries lineage, comments or the change log.

Anything that keeps a file from being read as a draft raises `DraftError` with one German
sentence. Problems inside `data` are never raised here: they are findings of the validation.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from zwk_desktop import __version__, limits, oserrors
from zwk_desktop.domain import UNTITLED, jsonread
from zwk_desktop.domain.attachments import FileInfo, describe
from zwk_desktop.domain.collab import ChangeLog, Comment, Marker, read_changes, read_comments
from zwk_desktop.domain.lineage import (
    Lineage,
    LineageError,
    ensure_ids,
    new_lineage_id,
    read_lineage,
)
from zwk_desktop.domain.merge import PendingMerge
from zwk_desktop.domain.migrations import MIGRATIONS as MIGRATIONS  # the chain of format steps
from zwk_desktop.domain.migrations import Migration as Migration
from zwk_desktop.domain.migrations import MigrationError
from zwk_desktop.domain.values import is_empty
from zwk_desktop.formspec.models import FormField, FormSpec

FORMAT = "zwk-application"
FORMAT_VERSION = 2
RECORD_FORMAT_VERSION = 1
"""The format of the application record as sent (``bewerbung.json``): fields.md's format 1."""
ENVELOPE_KEYS = frozenset(
    {
        "format",
        "format_version",
        "form",
        "meta",
        "data",
        "files",
        "acknowledgements",
        "lineage",
        "comments",
        "changes",
    }
)
"""The top-level keys of a draft file of the current format."""
MAX_DRAFT_BYTES = limits.MAX_DRAFT_BYTES
"""Larger files are refused before they are read (`zwk_desktop.limits`)."""


class DraftError(Exception):
    """A file that cannot be read as a ZWK draft. The message is one German sentence."""


def now_iso() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


@dataclass(frozen=True)
class Acknowledgement:
    """A warning the user has seen and accepted, with an optional justification."""

    code: str
    path: str
    justification: str = ""
    at: str = ""

    def to_json(self) -> dict[str, str]:
        return {
            "code": self.code,
            "path": self.path,
            "justification": self.justification,
            "at": self.at,
        }


@dataclass
class Draft:
    form_id: str
    form_version: str
    data: dict[str, Any]
    meta: dict[str, Any] = field(default_factory=dict)
    files: dict[str, bytes] = field(default_factory=dict)
    acknowledgements: list[Acknowledgement] = field(default_factory=list)
    format_version: int = FORMAT_VERSION
    migrated_from: int | None = None
    """The format_version the file had before it was migrated on reading, if it was."""
    lineage: Lineage | None = None
    """Lineage id, list item ids and history; None for a file of an older format."""
    comments: list[Comment] = field(default_factory=list)
    changelog: ChangeLog = field(default_factory=ChangeLog)
    markers: dict[str, Marker] = field(default_factory=dict)
    """Fields changed by someone else and not yet seen here (local to a store, never written
    to a file)."""
    pending: PendingMerge | None = None
    """Conflicts of a merge that wait for the user's choice (local to a store)."""

    @cached_property
    def file_infos(self) -> dict[str, FileInfo]:
        """Size, hash and type of each attached file, keyed by the sha256 the draft names."""
        return {sha: describe(content) for sha, content in self.files.items()}

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "form": {"id": self.form_id, "version": self.form_version},
            "meta": self.meta,
            "data": self.data,
        }
        if self.files:
            out["files"] = {
                sha: base64.b64encode(content).decode("ascii")
                for sha, content in sorted(self.files.items())
            }
        if self.acknowledgements:
            out["acknowledgements"] = [a.to_json() for a in self.acknowledgements]
        if self.lineage is not None:
            out["lineage"] = self.lineage.to_json(self.data)
        if self.comments:
            out["comments"] = [c.to_json() for c in self.comments]
        if self.changelog.entries:
            out["changes"] = file_changes([c.to_json() for c in self.changelog.entries])
        return out

    def ensure_lineage(self) -> Lineage:
        """The draft's lineage, a new one (new lineage id) if it has none; item ids for every
        list item."""
        if self.lineage is None:
            self.lineage = Lineage(draft=new_lineage_id())
        self.lineage.items = ensure_ids(self.data, self.lineage.items)
        return self.lineage

    def to_bytes(self) -> bytes:
        return (json.dumps(self.to_json(), ensure_ascii=False, indent=2) + "\n").encode("utf-8")

    @property
    def title(self) -> str:
        """The Kommune's name, for lists and window titles."""
        kommune = self.data.get("kommune")
        name = kommune.get("name") if isinstance(kommune, dict) else None
        return name.strip() if isinstance(name, str) and name.strip() else UNTITLED


def file_changes(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The change log as a file carries it: the newest entries, at most
    `limits.MAX_FILE_CHANGES` and `limits.MAX_FILE_CHANGES_BYTES` of JSON, in their order.
    What the program writes, it reads back (issue 15): an unbounded log would make the file
    unreadable (too many list items, too large); the store keeps every entry."""
    kept = 0
    budget = limits.MAX_FILE_CHANGES_BYTES
    for entry in reversed(entries):
        cost = len(json.dumps(entry, ensure_ascii=False).encode("utf-8")) + 8
        if kept == limits.MAX_FILE_CHANGES or cost > budget:
            break
        budget -= cost
        kept += 1
    return entries[len(entries) - kept :]


# --------------------------------------------------------------------------- reading


def parse_draft(raw: bytes) -> Draft:
    """Read draft bytes; raises DraftError with a German sentence."""
    if len(raw) > MAX_DRAFT_BYTES:
        raise DraftError(_too_large(len(raw)))
    try:
        text = jsonread.decode_text(raw)
    except jsonread.JsonProblem as exc:
        raise DraftError(f"{exc} Ein ZWK-Entwurf ist immer UTF-8.") from None
    return parse_draft_text(text)


def parse_draft_text(text: str) -> Draft:
    """Read the decoded text of a draft file; raises DraftError with a German sentence."""
    return draft_from_json(_envelope_of(text))


def _envelope_of(text: str) -> Any:
    if not text.strip():
        raise DraftError("Die Datei ist leer; sie enthält keinen ZWK-Entwurf.")
    try:
        return jsonread.loads(text)
    except jsonread.JsonProblem as exc:
        raise DraftError(str(exc)) from None


def _too_large(size: int) -> str:
    return (
        f"Die Datei ist mit {size // (1024 * 1024)} MB zu groß; ein Entwurf hat höchstens "
        f"{MAX_DRAFT_BYTES // (1024 * 1024)} MB."
    )


TOP_LEVEL_KEYS: dict[int, frozenset[str]] = {
    0: frozenset(
        {"format", "format_version", "form_id", "created", "modified", "app_version", "data",
         "quittierte_hinweise"}
    ),
    1: frozenset(
        {"format", "format_version", "form", "meta", "data", "files", "acknowledgements"}
    ),
    2: ENVELOPE_KEYS,  # issue 16: lineage, comments, changes
}  # fmt: skip
"""The keys an envelope of each format version may have at its top level. Anything else is
refused with its name, never dropped: a new key comes with a new format version and is
declared here."""


def _format_version(envelope: dict[str, Any]) -> int:
    if "format_version" not in envelope:
        raise DraftError("Die Datei nennt ihre Formatversion nicht (format_version fehlt).")
    version = envelope["format_version"]
    if isinstance(version, int) and not isinstance(version, bool):
        return version
    kinds = {bool: "ein Wahrheitswert", float: "eine Kommazahl", str: "ein Text"}
    kind = next((k for t, k in kinds.items() if isinstance(version, t)), "keine Zahl")
    shown = jsonread.shown(str(version).lower() if isinstance(version, bool) else str(version))
    if isinstance(version, str):
        shown = f"„{shown}“"
    raise DraftError(
        f"Die Formatversion (format_version) muss eine ganze Zahl sein wie 1; die Datei hat "
        f"{shown}, {kind}."
    )


def _check_top_level(envelope: dict[str, Any], version: int) -> None:
    known = TOP_LEVEL_KEYS.get(version)
    if known is None:
        return  # an unknown version is refused with its own message
    unknown = [key for key in envelope if key not in known]
    if unknown:
        names = ", ".join(f"„{jsonread.shown(key, 40)}“" for key in unknown[:5])
        more = f" und {len(unknown) - 5} weitere" if len(unknown) > 5 else ""
        what = "die unbekannte Angabe" if len(unknown) == 1 else "die unbekannten Angaben"
        raise DraftError(
            f"Die Datei enthält auf oberster Ebene {what} "
            f"{names}{more}, die diese Version von ZWK Desktop nicht kennt (Formatversion "
            f"{version}). Sie wird nicht stillschweigend weggelassen: Bitte öffnen Sie die Datei "
            "mit dem Programm, das sie geschrieben hat, oder entfernen Sie die Angabe."
        )


def draft_from_json(envelope: Any) -> Draft:
    """Check and read a parsed envelope; older format versions are migrated."""
    if not isinstance(envelope, dict):
        raise DraftError("Die Datei ist kein ZWK-Entwurf: sie enthält kein JSON-Objekt.")
    if envelope.get("format") != FORMAT:
        found = envelope.get("format")
        detail = f" (sie hat das Format „{found}“)" if isinstance(found, str) else ""
        raise DraftError(f"Die Datei ist kein ZWK-Entwurf{detail}; erwartet wird „{FORMAT}“.")
    version = _format_version(envelope)
    if version > FORMAT_VERSION:
        raise DraftError(
            f"Die Datei hat die Formatversion {version} und stammt aus einer neueren Version von "
            f"ZWK Desktop; diese Version liest bis Formatversion {FORMAT_VERSION}. Bitte "
            "aktualisieren Sie das Programm."
        )
    _check_top_level(envelope, version)
    original = version
    while version < FORMAT_VERSION:
        migration = MIGRATIONS.get(version)
        if migration is None:
            oldest = min([FORMAT_VERSION, *MIGRATIONS])
            readable = (
                f"sind die Versionen {oldest} bis {FORMAT_VERSION}"
                if oldest < FORMAT_VERSION
                else f"ist die Version {FORMAT_VERSION}"
            )
            raise DraftError(
                f"Die Datei hat die unbekannte Formatversion {version}; lesbar {readable}."
            )
        try:
            envelope = migration(envelope)
        except MigrationError as exc:
            raise DraftError(str(exc)) from None
        version += 1
    form = envelope.get("form")
    if not isinstance(form, dict):
        raise DraftError("Der Entwurf nennt sein Formular nicht (die Angabe „form“ fehlt).")
    form_id, form_version = form.get("id"), form.get("version")
    if not isinstance(form_id, str) or not isinstance(form_version, str):
        raise DraftError("Der Entwurf nennt Kennung oder Version seines Formulars nicht.")
    data = envelope.get("data")
    if not isinstance(data, dict):
        raise DraftError(
            "Die Angaben des Entwurfs fehlen oder sind beschädigt („data“ ist kein JSON-Objekt)."
        )
    meta = envelope.get("meta", {})
    if not isinstance(meta, dict):
        raise DraftError(
            "Die Metadaten des Entwurfs sind beschädigt („meta“ ist kein JSON-Objekt)."
        )
    try:
        lineage = read_lineage(envelope["lineage"], data) if "lineage" in envelope else None
        comments = read_comments(envelope.get("comments"))
        changes = read_changes(envelope.get("changes"))
    except LineageError as exc:
        raise DraftError(str(exc)) from None
    return Draft(
        form_id=form_id,
        form_version=form_version,
        data=data,
        meta=meta,
        files=_read_files(envelope.get("files")),
        acknowledgements=_read_acknowledgements(envelope.get("acknowledgements")),
        migrated_from=original if original != FORMAT_VERSION else None,
        lineage=lineage,
        comments=comments,
        changelog=ChangeLog.incoming(changes),
    )


def _read_files(raw: Any) -> dict[str, bytes]:
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise DraftError("Die Anlagen im Entwurf sind beschädigt („files“ ist kein JSON-Objekt).")
    if len(raw) > limits.MAX_ATTACHMENTS:
        raise DraftError(
            f"Der Entwurf enthält {len(raw)} Anlagedateien; ein Entwurf hat höchstens "
            f"{limits.MAX_ATTACHMENTS}."
        )
    out: dict[str, bytes] = {}
    for sha, content in raw.items():
        if not isinstance(content, str):
            raise DraftError("Eine Anlage im Entwurf ist beschädigt (ihr Inhalt ist kein Text).")
        try:
            out[sha] = base64.b64decode(content, validate=True)
        except (binascii.Error, ValueError):
            raise DraftError(
                "Eine Anlage im Entwurf ist beschädigt (ihr Inhalt ist nicht Base64-kodiert)."
            ) from None
    return out


def _read_acknowledgements(raw: Any) -> list[Acknowledgement]:
    if raw is None:
        return []
    if not isinstance(raw, list):
        raise DraftError("Die bestätigten Hinweise im Entwurf sind beschädigt.")
    out = []
    for item in raw:
        if (
            not isinstance(item, dict)
            or not isinstance(item.get("code"), str)
            or not isinstance(item.get("path"), str)
        ):
            raise DraftError("Die bestätigten Hinweise im Entwurf sind beschädigt.")
        out.append(
            Acknowledgement(
                code=item["code"],
                path=item["path"],
                justification=str(item.get("justification") or ""),
                at=str(item.get("at") or ""),
            )
        )
    return out


def read_draft(path: Path) -> Draft:
    """Read a draft file; raises DraftError with a German sentence. Never writes."""
    return draft_from_json(read_envelope(path))


def read_envelope(path: Path) -> Any:
    """The parsed JSON of a draft file, read strictly (`jsonread`) but not yet checked as a
    draft; raises DraftError with a German sentence."""
    try:
        raw = limits.read_bounded(path, MAX_DRAFT_BYTES)
    except FileNotFoundError:
        raise DraftError(f"Die Datei {path} gibt es nicht.") from None
    except limits.NotAFile as exc:
        if exc.folder:
            raise DraftError(f"{path} ist ein Ordner, keine Entwurfsdatei.") from None
        raise DraftError(f"{path} ist keine gewöhnliche Datei, keine Entwurfsdatei.") from None
    except limits.TooLarge as exc:
        raise DraftError(_too_large(exc.size)) from None
    except OSError as exc:
        raise DraftError(f"Die Datei {oserrors.sentence(path, exc, writing=False)}") from None
    try:
        text = jsonread.decode_text(raw)
    except jsonread.JsonProblem as exc:
        raise DraftError(f"{exc} Ein ZWK-Entwurf ist immer UTF-8.") from None
    del raw  # the text alone is held while parsing
    return _envelope_of(text)


def unknown_form(form_id: str, form_version: str) -> str:
    """The German sentence for a draft whose form is not installed (validate, import, verify
    and the window say the same)."""
    return (
        f"Der Entwurf gehört zum Formular „{jsonread.shown(form_id)}“ in Version "
        f"{jsonread.shown(form_version, 20)}, das in dieser Programmversion nicht enthalten ist."
    )


def form_of(draft: Draft) -> FormSpec:
    """The installed form a draft was written for; DraftError when it is not installed.
    Raises FormSpecError when the installed form file itself is broken (not the draft's fault)."""
    from zwk_desktop.formspec import get_form

    try:
        return get_form(draft.form_id, draft.form_version)
    except KeyError:
        raise DraftError(unknown_form(draft.form_id, draft.form_version)) from None


# --------------------------------------------------------------------------- creating, normalising


def _initial(field: FormField) -> Any:
    if field.type == "group":
        out = {c.id: v for c in field.fields if (v := _initial(c)) is not None}
        return out or None
    if field.type == "list" and field.fixed_rows is not None:
        row = field.child(field.fixed_rows)
        assert row is not None
        return [{row.id: code} for code in row.choice_codes]
    return field.default


def empty_data(spec: FormSpec) -> dict[str, Any]:
    """The data of a new application: fixed rows (the five programme steps) and defaults."""
    data: dict[str, Any] = {}
    for section in spec.sections:
        value = _initial(section.node)
        if value is not None:
            data[section.id] = value
    return data


def new_draft(spec: FormSpec) -> Draft:
    stamp = now_iso()
    draft = Draft(
        form_id=spec.id,
        form_version=spec.version,
        data=empty_data(spec),
        meta={"created": stamp, "modified": stamp, "app_version": __version__},
    )
    draft.ensure_lineage()
    return draft


def normalize(spec: FormSpec, data: dict[str, Any]) -> dict[str, Any]:
    """The data in form order without unfilled values (None, blank strings, empty lists and
    objects). Keys the form does not know are kept at the end, so that they are still reported."""

    def node(field: FormField | None, value: Any) -> Any:
        if field is None or field.type in ("group", "year_map"):
            if not isinstance(value, dict):
                return value
            order = (
                [c.id for c in field.fields] if field is not None and field.type == "group" else []
            )
            if field is not None and field.type == "year_map":
                order = list(spec.policy.year_keys)
            keys = [k for k in order if k in value] + [k for k in value if k not in order]
            out = {}
            for key in keys:
                child = field.child(key) if field is not None and field.type == "group" else None
                v = node(child, value[key]) if child is not None or field is None else value[key]
                if not is_empty(v) or isinstance(v, bool):
                    out[key] = v
            return out
        if field.type == "list":
            if not isinstance(value, list):
                return value
            item_field = FormField(
                id="item", type="group", label="", help="", status="I", fields=field.fields
            )
            return [node(item_field, item) for item in value]
        if isinstance(value, str) and not value.strip():
            return None
        return value

    out: dict[str, Any] = {}
    for section in spec.sections:
        if section.id in data:
            v = node(section.node, data[section.id])
            if not is_empty(v):
                out[section.id] = v
    for key, value in data.items():
        if key not in spec.section_index:
            out[key] = value
    return out
