"""Format migrations of the draft envelope: every older ``format_version`` up to the current one.

Format 1 is the format of fields.md (§1) and the one the ministry reads. Format 0 is the
pre-release layout that the 0.x preview builds of ZWK Desktop wrote before fields.md fixed
version 1. It was never sent to the ministry, but drafts in it may exist on clerks' machines
(as ``.zwk`` files, and as rows of a preview build's draft database), so it is read forever::

    {"format": "zwk-application", "format_version": 0,
     "form_id": "zwk-2021",                          # no "form" block; the form version was "1"
     "created": ..., "modified": ..., "app_version": ...,   # no "meta" block
     "data": {...},
     "quittierte_hinweise": [{"code", "pfad", "begruendung", "am"}]}

Inside ``data`` format 0 differed from format 1 in four ways:

- money was a JSON number (``5000`` or ``1234.5``), not a string with two decimals: the
  amounts of ``finanzplan.posten[].betraege``, ``finanzplan.eigenmittel``,
  ``finanzplan.zentral_bewirtschaftet`` and ``massnahmen.umsetzungsschritte[].kosten``;
- the coordinator's share was a percentage ``kontakte.stellenanteil_prozent`` (0–100), not
  ``kontakte.stellenanteil_vzae`` in full-time equivalents (0–1);
- every ``anlagen`` item carried its file inline as ``inhalt`` (base64) and had neither
  ``sha256`` nor ``groesse``; format 1 keeps the bytes once, in the top-level ``files``;
- ``kommune.strukturschwach`` did not exist; it is a required field in format 1.

Format 2 adds to format 1, outside ``data``, what lets a draft travel between stores and come
back merged: ``lineage`` (lineage id, versions, item ids, merge base), ``comments`` and
``changes`` (the change log). A file of format 1 has none of them: it becomes a format-2 draft
without lineage and is imported as a new draft.

A migration never drops or rounds a value: an amount with more than two decimals stays exact
(the validation then reports it), a value of an unexpected type is carried over unchanged.
``MIGRATIONS[n]`` turns an envelope of version n into n + 1; `migrate` runs the chain and
reports what it did, for the message the user sees.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from zwk_desktop.domain.values import CENT, is_empty, quantize

Envelope = dict[str, Any]
Migration = Callable[[Envelope], Envelope]


class MigrationError(ValueError):
    """An old envelope that cannot be migrated; the message is one German sentence."""


@dataclass
class MigrationNotes:
    """What one migration step did, collected while it runs."""

    converted: list[str] = field(default_factory=list)
    """Concrete paths whose value was converted to the new representation."""
    new_required: list[str] = field(default_factory=list)
    """Template paths of required fields the old version did not have."""


@dataclass(frozen=True)
class MigrationReport:
    """What a migration from an older format did, for the message shown to the user."""

    from_version: int
    to_version: int
    carried: int
    """Filled values taken over into the new format."""
    converted: tuple[str, ...]
    new_required: tuple[str, ...]
    """Template paths of new required fields that are still empty."""

    def text(self, labels: dict[str, str] | None = None) -> str:
        """``"Formatversion 0 → 1: 231 Felder übernommen, 14 Werte umgerechnet, 1 neues
        Pflichtfeld (Strukturschwache Region)."`` with labels for the new fields if given."""
        labels = labels or {}
        parts = [_count(self.carried, "Feld übernommen", "Felder übernommen")]
        if self.converted:
            parts.append(_count(len(self.converted), "Wert umgerechnet", "Werte umgerechnet"))
        if self.new_required:
            names = ", ".join(labels.get(p, p) for p in self.new_required)
            parts.append(
                _count(len(self.new_required), "neues Pflichtfeld", "neue Pflichtfelder")
                + f" ({names})"
            )
        return f"Formatversion {self.from_version} → {self.to_version}: " + ", ".join(parts) + "."


def _count(n: int, one: str, many: str) -> str:
    """„1 Hinweis“, „2 Hinweise“: the form chosen by the language's plural rules (babel)."""
    from zwk_desktop.domain.formatting import plural

    return f"{n} {plural(n, f'{one}|{many}')}"


# --------------------------------------------------------------------------- format 0 → 1

_V0_MONEY_YEAR_MAPS = (("finanzplan", "eigenmittel"), ("finanzplan", "zentral_bewirtschaftet"))
_V0_FORM_VERSION = "1"
_V0_ACK_KEYS = {"code": "code", "pfad": "path", "begruendung": "justification", "am": "at"}


def _money_text(value: Any) -> str | None:
    """A format-0 amount (a JSON number) as the format-1 string; None if it is not a number."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    try:
        amount = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    except InvalidOperation:
        return None
    if not amount.is_finite():
        return None
    exponent = amount.as_tuple().exponent
    assert isinstance(exponent, int)
    # At least two decimals; more are kept exactly, so that nothing is rounded away.
    return f"{quantize(amount, CENT):f}" if exponent >= -2 else f"{amount:f}"


def _convert_money(container: Any, key: str, path: str, notes: MigrationNotes) -> None:
    if isinstance(container, dict) and key in container:
        text = _money_text(container[key])
        if text is not None:
            container[key] = text
            notes.converted.append(path)


def _convert_year_map(mapping: Any, path: str, notes: MigrationNotes) -> None:
    if isinstance(mapping, dict):
        for year in list(mapping):
            _convert_money(mapping, year, f"{path}.{year}", notes)


def _percent_to_fte(value: Any) -> Any:
    if isinstance(value, bool):
        return value
    try:
        percent = Decimal(str(value).strip()) if isinstance(value, int | float | str) else None
    except InvalidOperation:
        percent = None
    if percent is None or not percent.is_finite():
        return value
    fte = percent / 100
    return int(fte) if fte == fte.to_integral_value() else float(fte)


def _migrate_anlagen(data: dict[str, Any], files: dict[str, str], notes: MigrationNotes) -> None:
    items = data.get("anlagen")
    if not isinstance(items, list):
        return
    for i, item in enumerate(items):
        if not isinstance(item, dict) or "inhalt" not in item:
            continue
        inline = item.pop("inhalt")
        if inline is None:
            continue
        name = item.get("titel") or item.get("datei") or f"Nr. {i + 1}"
        if not isinstance(inline, str):
            raise MigrationError(
                f"Die Anlage „{name}“ im Entwurf (Formatversion 0) ist beschädigt: ihr Inhalt "
                "ist kein Text."
            )
        try:
            content = base64.b64decode(inline, validate=True)
        except (binascii.Error, ValueError):
            raise MigrationError(
                f"Die Anlage „{name}“ im Entwurf (Formatversion 0) ist beschädigt: ihr Inhalt "
                "ist nicht Base64-kodiert."
            ) from None
        sha = hashlib.sha256(content).hexdigest()
        files[sha] = base64.b64encode(content).decode("ascii")
        item["sha256"] = sha
        item["groesse"] = len(content)
        notes.converted.append(f"anlagen[{i}]")


def _acknowledgements_v0(raw: Any) -> Any:
    if not isinstance(raw, list):
        return raw
    out: list[Any] = []
    for item in raw:
        if isinstance(item, dict):
            out.append({_V0_ACK_KEYS.get(k, k): v for k, v in item.items()})
        else:
            out.append(item)
    return out


def migrate_0_to_1(envelope: Envelope, notes: MigrationNotes) -> Envelope:
    """The preview format 0 as format 1 (see the module docstring)."""
    out: Envelope = {
        "format": envelope.get("format"),
        "format_version": 1,
        "form": {"id": envelope.get("form_id"), "version": _V0_FORM_VERSION},
        "meta": {
            key: envelope[key] for key in ("created", "modified", "app_version") if key in envelope
        },
    }
    data = envelope.get("data")
    files: dict[str, str] = {}
    if isinstance(data, dict):
        data = _deep_copy(data)
        finanzplan = data.get("finanzplan")
        if isinstance(finanzplan, dict):
            posten = finanzplan.get("posten")
            if isinstance(posten, list):
                for i, item in enumerate(posten):
                    if isinstance(item, dict):
                        betraege = item.get("betraege")
                        _convert_year_map(betraege, f"finanzplan.posten[{i}].betraege", notes)
            for section, key in _V0_MONEY_YEAR_MAPS:
                _convert_year_map(finanzplan.get(key), f"{section}.{key}", notes)
        massnahmen = data.get("massnahmen")
        if isinstance(massnahmen, dict) and isinstance(massnahmen.get("umsetzungsschritte"), list):
            for i, step in enumerate(massnahmen["umsetzungsschritte"]):
                path = f"massnahmen.umsetzungsschritte[{i}].kosten"
                _convert_money(step, "kosten", path, notes)
        kontakte = data.get("kontakte")
        if isinstance(kontakte, dict) and "stellenanteil_prozent" in kontakte:
            kontakte["stellenanteil_vzae"] = _percent_to_fte(kontakte.pop("stellenanteil_prozent"))
            notes.converted.append("kontakte.stellenanteil_vzae")
        _migrate_anlagen(data, files, notes)
        kommune = data.get("kommune")
        if not isinstance(kommune, dict) or is_empty(kommune.get("strukturschwach")):
            notes.new_required.append("kommune.strukturschwach")
    out["data"] = data
    if files:
        out["files"] = files
    if "quittierte_hinweise" in envelope:
        out["acknowledgements"] = _acknowledgements_v0(envelope["quittierte_hinweise"])
    return out


def _deep_copy(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _deep_copy(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_deep_copy(v) for v in value]
    return value


def migrate_1_to_2(envelope: Envelope, notes: MigrationNotes) -> Envelope:
    """Format 1 (fields.md) as format 2: the same envelope, without lineage (see above)."""
    out = dict(envelope)
    out["format_version"] = 2
    for key in ("lineage", "comments", "changes"):
        out.pop(key, None)  # format 1 has none; a stray one is not trusted
    return out


Step = Callable[[Envelope, MigrationNotes], Envelope]
STEPS: dict[int, Step] = {0: migrate_0_to_1, 1: migrate_1_to_2}
"""Each step with the notes it fills; `MIGRATIONS` are the same steps for the envelope reader."""


def _without_notes(step: Step) -> Migration:
    return lambda envelope: step(envelope, MigrationNotes())


MIGRATIONS: dict[int, Migration] = {
    version: _without_notes(step) for version, step in STEPS.items()
}
"""``MIGRATIONS[n]`` turns an envelope of format_version n into n + 1."""


# --------------------------------------------------------------------------- layouts


@dataclass(frozen=True)
class EnvelopeParts:
    """An envelope of any format version taken apart, as the draft database keeps it."""

    format_version: int
    form_id: str
    form_version: str
    meta: Any
    data: Any
    acknowledgements: Any


def take_apart(envelope: Envelope) -> EnvelopeParts:
    """The parts of an envelope (its ``files`` aside). Values are taken as they are."""
    version = envelope.get("format_version")
    version = version if isinstance(version, int) and not isinstance(version, bool) else 0
    if version == 0:
        return EnvelopeParts(
            format_version=0,
            form_id=str(envelope.get("form_id") or ""),
            form_version=_V0_FORM_VERSION,
            meta={k: envelope[k] for k in ("created", "modified", "app_version") if k in envelope},
            data=envelope.get("data"),
            acknowledgements=envelope.get("quittierte_hinweise", []),
        )
    form = envelope.get("form")
    form = form if isinstance(form, dict) else {}
    return EnvelopeParts(
        format_version=version,
        form_id=str(form.get("id") or ""),
        form_version=str(form.get("version") or ""),
        meta=envelope.get("meta", {}),
        data=envelope.get("data"),
        acknowledgements=envelope.get("acknowledgements", []),
    )


def assemble(parts: EnvelopeParts, format_name: str) -> Envelope:
    """The envelope of `parts` in the layout of their format version (without ``files``)."""
    if parts.format_version == 0:
        meta = parts.meta if isinstance(parts.meta, dict) else {}
        return {
            "format": format_name,
            "format_version": 0,
            "form_id": parts.form_id,
            **{k: meta[k] for k in ("created", "modified", "app_version") if k in meta},
            "data": parts.data,
            "quittierte_hinweise": parts.acknowledgements,
        }
    return {
        "format": format_name,
        "format_version": parts.format_version,
        "form": {"id": parts.form_id, "version": parts.form_version},
        "meta": parts.meta,
        "data": parts.data,
        "acknowledgements": parts.acknowledgements,
    }


# --------------------------------------------------------------------------- reporting


def count_filled(value: Any) -> int:
    """Filled leaf values of draft data: scalars, and multi-choice lists as one value each."""
    if isinstance(value, dict):
        return sum(count_filled(v) for v in value.values())
    if isinstance(value, list):
        if value and all(isinstance(v, str) for v in value):
            return 1
        return sum(count_filled(v) for v in value)
    return 0 if is_empty(value) else 1


def migrate(envelope: Envelope, target: int) -> tuple[Envelope, MigrationReport | None]:
    """Run the chain from the envelope's format_version to `target`.

    Returns the migrated envelope and a report, or the envelope unchanged and None when it is
    already at the target. The envelope must have a valid integer format_version.
    """
    version = envelope["format_version"]
    if version >= target:
        return envelope, None
    start = version
    notes = MigrationNotes()
    while version < target:
        step = STEPS.get(version)
        if step is None:
            raise MigrationError(f"Für die Formatversion {version} gibt es keine Umstellung.")
        envelope = step(envelope, notes)
        version += 1
    data = envelope.get("data")
    new_required = tuple(
        p for p in dict.fromkeys(notes.new_required) if is_empty(_get(data, p.split(".")))
    )
    report = MigrationReport(
        from_version=start,
        to_version=target,
        carried=count_filled(data),
        converted=tuple(notes.converted),
        new_required=new_required,
    )
    return envelope, report


def _get(data: Any, keys: list[str]) -> Any:
    for key in keys:
        if not isinstance(data, dict):
            return None
        data = data.get(key)
    return data
