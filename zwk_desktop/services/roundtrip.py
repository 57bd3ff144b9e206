"""A file of a draft the store knows comes back: merge it in (issue 16).

`merge_file` finds the common ancestor (the newest version in the file's history that this store
exchanged, else the base the file carries), merges the file into the stored draft field by field
and writes the result in one transaction. Both states before the merge stay in the history;
conflicts wait with the draft until the user decides them in the window. Fields the file changed
carry a marker until the user has seen them.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from pathlib import Path

from zwk_desktop.domain.draft import Draft, now_iso
from zwk_desktop.domain.lineage import BaseState, new_lineage_id
from zwk_desktop.domain.merge import PendingMerge
from zwk_desktop.domain.sync import EMPTY, DraftMerge, base_state, merge_drafts
from zwk_desktop.services.records import DraftSnapshot
from zwk_desktop.services.store import DraftStore
from zwk_desktop.services.store_lineage import MergeWrite
from zwk_desktop.services.summary import installed_form, stats_for


@dataclass(frozen=True)
class MergeOutcome:
    draft_id: int
    title: str
    taken: int
    """Fields taken over from the file."""
    conflicts: int
    fast_forward: bool
    nothing_new: bool
    restored: bool
    """The draft was in the Papierkorb and is back."""
    message: str


def written_state(draft: Draft) -> BaseState:
    """A draft's state as it is written to a file now (the file's merge base)."""
    lineage = draft.ensure_lineage()
    return BaseState(
        version=lineage.version or new_lineage_id(),
        at=lineage.written or now_iso(),
        data=copy.deepcopy(draft.data),
        items={k: list(v) for k, v in lineage.items.items()},
        comments=[c.to_json() for c in draft.comments],
        acknowledgements=[a.to_json() for a in draft.acknowledgements],
    )


def file_versions(draft: Draft) -> tuple[BaseState, ...]:
    """The versions a file knows the state of, to be kept as merge bases: the one it was
    written from (the state it carries as its base, even when its data was changed since, by
    hand or by another program; else its own state) and the one exchanged before that."""
    lineage = draft.ensure_lineage()
    own = lineage.base
    if own is None or own.version != lineage.version:
        own = written_state(draft)
    return (own, lineage.previous) if lineage.previous is not None else (own,)


def _count(n: int, one: str, many: str) -> str:
    """A number and its noun in the plural form babel's CLDR rules pick (issue 10)."""
    from zwk_desktop.domain.formatting import count

    return count(n, one, many)


def merge_file(store: DraftStore, draft_id: int, theirs: Draft, path: Path) -> MergeOutcome:
    """Merge a file's draft (of the stored draft's lineage) into the stored draft. Raises
    StoreError when the store cannot be read or written; then nothing has changed."""
    lineage = theirs.ensure_lineage()
    candidates = [v for v in [lineage.version, *(h.version for h in lineage.history)] if v]
    base = store.merge_base(draft_id, candidates) or lineage.previous or lineage.base
    loaded = store.load(draft_id).draft
    spec = installed_form(loaded)
    merged = merge_drafts(
        base_state(base) if base is not None else EMPTY, loaded, theirs, spec=spec,
        source=path.name,
    )  # fmt: skip
    summary = store.summary(draft_id)
    title = summary.label
    syncs = file_versions(theirs)
    incoming = syncs[0]
    if merged.nothing_new and summary.deleted is None:
        store.record_syncs(draft_id, syncs, path.name)
        return MergeOutcome(
            draft_id,
            title,
            0,
            0,
            False,
            True,
            False,
            f"„{title}“ (Entwurf Nr. {draft_id}): Die Datei {path.name} enthält keine neuen "
            "Änderungen; der Entwurf bleibt, wie er ist.",
        )
    draft = _with_markers(merged, loaded, theirs, path.name)
    stats = stats_for(spec, draft) if spec is not None else None
    store.merge_in(
        draft_id,
        MergeWrite(
            source=path.name,
            theirs=DraftSnapshot.of(theirs),
            theirs_version=incoming.version,
            merged=DraftSnapshot.of(draft),
            syncs=syncs,
            stats=stats,
            fast_forward=merged.fast_forward,
        ),
    )
    return _outcome(draft_id, title, merged, summary.deleted is not None, path)


def _with_markers(merged: DraftMerge, ours: Draft, theirs: Draft, source: str) -> Draft:
    draft = merged.draft
    draft.markers = {**ours.markers, **merged.markers}
    if merged.conflicts:
        by = theirs.lineage.by if theirs.lineage is not None else ""
        waiting = ours.pending.conflicts if ours.pending is not None else ()
        fresh = {c.path for c in merged.conflicts}
        draft.pending = PendingMerge(
            source,
            by,
            now_iso(),
            (*[c for c in waiting if c.path not in fresh], *merged.conflicts),
        )
    return draft


def _outcome(
    draft_id: int, title: str, merged: DraftMerge, restored: bool, path: Path
) -> MergeOutcome:
    taken = merged.result.taken_count
    conflicts = len(merged.conflicts)
    changes = _count(taken, "Änderung übernommen", "Änderungen übernommen")
    if merged.fast_forward:
        text = (
            f"„{title}“ (Entwurf Nr. {draft_id}): übernommen, {changes} (der Entwurf hatte seit "
            "dem letzten Austausch keine eigenen Änderungen)."
        )
    else:
        text = (
            f"„{title}“ (Entwurf Nr. {draft_id}): zusammengeführt, {changes}, "
            f"{_count(conflicts, 'Konflikt', 'Konflikte')}."
        )
    extras = []
    if merged.new_comments:
        extras.append(_count(merged.new_comments, "neuer Kommentar", "neue Kommentare"))
    if extras:
        text = text[:-1] + f"; {', '.join(extras)}."
    text += f" Ihr Stand vor der Zusammenführung ist als Version erhalten (Datei {path.name})."
    if conflicts:
        text += (
            " Die Konflikte warten im Programm auf Ihre Entscheidung: Öffnen Sie den Entwurf, "
            "dort erscheint die Zusammenführung."
        )
    if restored:
        text += " Der Entwurf lag im Papierkorb und ist wiederhergestellt."
    return MergeOutcome(
        draft_id, title, taken, conflicts, merged.fast_forward, False, restored, text
    )
