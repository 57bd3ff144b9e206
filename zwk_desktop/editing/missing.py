"""When a missing entry is shown as a mistake.

A new application lacks almost everything; that is no mistake of the user. A finding that only
says something is missing (`MISSING_CODES`: a required field left empty, a recommended one, a
declaration not ticked, a budget without amounts) is *pending* until the user has left the field
it is about (focus moved away from it, or from a field inside it: a list, a group, the budget),
or until they ask for the whole check: the „Prüfen“ page or an export. Pending findings are
counted in neutral words („7 Angaben fehlen“); every other finding (a wrong format, a cap
exceeded) is shown at once.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from zwk_desktop.validation import Finding

MISSING_CODES = frozenset(
    {
        "required",
        "recommended_missing",
        "declaration_missing",
        "budget_empty",
        "commitments_incomplete",
    }
)
"""Codes of findings that say an entry is missing, not wrong (`commitments_incomplete`: formats
of the Mitwirkung not yet ticked, reported with count 0 for an empty selection too)."""

_STEP = re.compile(r"[.\[]")


def enclosing(path: str) -> list[str]:
    """A path and every path that encloses it: ``a.b[0].c`` → ``a.b[0].c``, ``a.b[0]``, ``a.b``,
    ``a``."""
    return [path] + [path[: m.start()] for m in reversed(list(_STEP.finditer(path)))]


@dataclass
class MissingShown:
    """Which missing entries are shown as findings: those of fields the user has left (and of
    what encloses them), and all of them once the user asked for the whole check."""

    revealed: bool = False
    left: set[str] = field(default_factory=set)
    """Concrete paths of the fields the user has left."""
    _covered: set[str] = field(default_factory=set)

    def leave(self, path: str) -> None:
        """The user left the field at `path`."""
        if path not in self.left:
            self.left.add(path)
            self._covered.update(enclosing(path))

    def reveal(self) -> bool:
        """Show every missing entry from now on; True when that is news."""
        if self.revealed:
            return False
        self.revealed = True
        return True

    def pending(self, finding: Finding) -> bool:
        """Whether a finding is a missing entry not to be shown yet."""
        return (
            not self.revealed
            and finding.code in MISSING_CODES
            and finding.path not in self._covered
        )

    def pending_at(self, path: str, findings: Iterable[Finding]) -> bool:
        """Whether leaving the field at `path` would show a pending finding."""
        around = set(enclosing(path))
        return any(f.path in around and self.pending(f) for f in findings)

    def restore(self, revealed: bool, left: Iterable[str]) -> None:
        """The state a draft had when it was last open (the window keeps it per draft)."""
        self.revealed = self.revealed or revealed
        for path in left:
            self.leave(path)
