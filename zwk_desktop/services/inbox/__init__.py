"""The Posteingang: the receiving side's overview of every application under one folder.

`scan` finds every ``.eml`` and package folder (`discover`), checks each in long-lived worker
processes with the same engine as ``zwk-desktop verify`` (`workers`, `check`), and turns the rows
into one overview (`overview`): each package once, grouped by AGS, certificates compared with
the first one of each AGS (`trust`), and a summary. `tables` turns it into CSV, an Excel workbook
and JSON. No Qt: the command line and the window use the same functions.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path

from zwk_desktop.services.inbox.discover import InboxUnreadable, discover
from zwk_desktop.services.inbox.model import Application, Overview
from zwk_desktop.services.inbox.workers import Limits, Progress, WorkerError, check_all

__all__ = [
    "Application",
    "InboxUnreadable",
    "Limits",
    "Overview",
    "WorkerError",
    "default_jobs",
    "default_limits",
    "scan",
]


def default_jobs() -> int:
    """One worker per processor."""
    return max(1, os.cpu_count() or 1)


def default_limits() -> Limits:
    """The size limit follows the call's mail limit in the form definition."""
    from zwk_desktop.formspec import get_form
    from zwk_desktop.services.inbox.check import size_limit

    return Limits(max_bytes=size_limit(get_form().policy.mail_max_bytes.value))


def scan(
    folder: Path,
    *,
    jobs: int | None = None,
    limits: Limits | None = None,
    store_path: Path | None = None,
    confirm: Sequence[tuple[str, str]] = (),
    trust: Path | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> tuple[Overview, str]:
    """The overview of `folder` and a German notice ("" when there is nothing to say).

    Raises InboxUnreadable when the folder cannot be read, WorkerError when no worker starts,
    `trust.TrustError` when the trust anchors cannot be read. `store_path`: the trust-on-first-use
    store (default: in the data folder); `confirm`: (AGS, SHA-256) pairs the desk confirmed with
    the town hall, recorded before the comparison; `trust`: the trust anchors (a PEM/DER file or
    a folder, as ``verify --trust``): a certificate issued under one needs no confirmation.
    """
    import dataclasses

    from zwk_desktop.services.inbox.overview import build_overview
    from zwk_desktop.services.inbox.trust import TrustStore, default_store_path

    limits = limits or default_limits()
    if trust is not None:
        from zwk_desktop.services.trust import load_anchors

        load_anchors(trust)  # its German sentence now, before any worker starts
        limits = dataclasses.replace(limits, trust=str(trust.absolute()))
    candidates = discover(folder)
    rows = check_all(
        candidates,
        jobs=jobs or default_jobs(),
        limits=limits,
        progress=progress,
        cancelled=cancelled,
    )
    with TrustStore(store_path or default_store_path()) as store:
        for ags, fingerprint in confirm:
            store.confirm(ags, fingerprint)
        overview = build_overview(str(folder), rows, store)
        return overview, store.notice
