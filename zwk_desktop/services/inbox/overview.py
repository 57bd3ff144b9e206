"""From checked packages to one overview: each package once, grouped by AGS, certificates
compared with the first ones, and the summary.

- A package folder and the .eml beside it (or two copies of one mail) carry the same files: they
  are one application, shown once (the mail first, since it carries the date of receipt).
- Applications with the same AGS: the newest (received, then signed) is "aktuell", the others
  "ersetzt". A package that is not valid never replaces a valid one (else anyone could push a
  Kommune's application out of the sums by sending a broken package with its AGS): the newest
  valid one is "aktuell", and only where none is valid the newest of all.
- The summary counts every row and sums the requested amounts of the valid, current ones
  (an application replaced by a newer one is not counted twice).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Sequence
from decimal import Decimal

from zwk_desktop.services.inbox.model import (
    KIND_MAIL,
    TOTAL,
    TRUST_ANCHORED,
    Application,
    Overview,
    Summary,
    Totals,
)
from zwk_desktop.services.inbox.trust import TrustStore

ZERO = Decimal("0.00")
_EARLIEST = dt.datetime.min.replace(tzinfo=dt.UTC)


def merge_copies(rows: Sequence[Application]) -> list[Application]:
    """One row per package content; the copies' paths go into `also`."""
    by_key: dict[str, list[Application]] = {}
    out: list[Application] = []
    for row in rows:
        if not row.content_key:
            out.append(row)
            continue
        if row.content_key not in by_key:
            by_key[row.content_key] = []
            out.append(row)
        by_key[row.content_key].append(row)
    merged = []
    for row in out:
        copies = by_key.get(row.content_key, [row]) if row.content_key else [row]
        if len(copies) == 1:
            merged.append(row)
            continue
        first = min(copies, key=lambda r: (r.kind != KIND_MAIL, r.path))
        others = tuple(sorted(r.path for r in copies if r is not first))
        merged.append(dataclasses.replace(first, also=others))
    return sorted(merged, key=lambda r: r.path)


def _newness(row: Application) -> tuple[dt.datetime, str, str]:
    return (row.received or _EARLIEST, row.signed, row.path)


def _rank(row: Application) -> tuple[bool, dt.datetime, str, str]:
    return (row.valid, *_newness(row))


def mark_current(rows: Sequence[Application]) -> list[Application]:
    """Per AGS, the newest valid application (the newest of all where none is valid) stays
    "aktuell", the others become "ersetzt"."""
    newest: dict[str, Application] = {}
    for row in rows:
        if row.ags and (row.ags not in newest or _rank(row) > _rank(newest[row.ags])):
            newest[row.ags] = row
    return [dataclasses.replace(row, aktuell=not row.ags or newest[row.ags] is row) for row in rows]


def compare_certificates(rows: Sequence[Application], store: TrustStore) -> list[Application]:
    """Each valid row's certificate against the first one of its AGS (oldest rows first). A
    certificate issued under a trust anchor (``--trust``) needs no confirmation by phone: it is
    remembered like any other but its row says "ausgestellt unter einem Vertrauensanker"."""
    states: dict[int, str] = {}
    for index, row in sorted(enumerate(rows), key=lambda pair: _newness(pair[1])):
        if not (row.valid and row.ags and row.fingerprint):
            continue
        seen = (row.received or _EARLIEST).isoformat(timespec="seconds")
        state = store.observe(row.ags, row.fingerprint, row.signer, row.kommune, seen)
        states[index] = TRUST_ANCHORED if row.anchored else state
    return [
        dataclasses.replace(row, trust=states[i]) if i in states else row
        for i, row in enumerate(rows)
    ]


def _totals(rows: Iterable[Application], years: Sequence[str]) -> Totals:
    sums = dict.fromkeys([*years, TOTAL], ZERO)
    count = 0
    for row in rows:
        count += 1
        for key in sums:
            sums[key] += (row.beantragt or {}).get(key, ZERO)
    return Totals(count, sums)


def summarize(
    rows: Sequence[Application],
    years: Sequence[str],
    land_order: Sequence[str] = (),
    art_order: Sequence[str] = (),
) -> Summary:
    counted = [r for r in rows if r.counted]

    def grouped(key: str, order: Sequence[str]) -> dict[str, Totals]:
        codes = sorted(
            {getattr(r, key) for r in counted},
            key=lambda c: (order.index(c) if c in order else len(order), c),
        )
        return {c: _totals((r for r in counted if getattr(r, key) == c), years) for c in codes}

    return Summary(
        applications=len(rows),
        valid=sum(1 for r in rows if r.valid),
        invalid=sum(1 for r in rows if not r.valid),
        replaced=sum(1 for r in rows if not r.aktuell),
        total=_totals(counted, years),
        by_land=grouped("land", land_order),
        by_art=grouped("art", art_order),
    )


def build_overview(
    folder: str,
    rows: Sequence[Application],
    store: TrustStore,
) -> Overview:
    """The overview of checked rows: merged, grouped, compared and summed."""
    from zwk_desktop.formspec import get_form

    spec = get_form()
    years = spec.policy.year_keys
    lands = {c.code: c.label for c in spec.field("kommune.bundesland").choices}
    arts = {c.code: c.label for c in spec.field("kommune.art").choices}
    merged = merge_copies(rows)
    current = mark_current(merged)
    compared = compare_certificates(current, store)
    agss = {r.ags for r in compared if r.ags}
    anchored = {(r.ags, r.fingerprint) for r in compared if r.anchored}
    certificates = tuple(
        dataclasses.replace(c, anchored=(c.ags, c.fingerprint) in anchored)
        for c in store.certificates(agss)
    )
    return Overview(
        folder=folder,
        applications=tuple(compared),
        summary=summarize(compared, years, list(lands), list(arts)),
        certificates=certificates,
        years=tuple(years),
        land_names=lands,
        art_names=arts,
    )
