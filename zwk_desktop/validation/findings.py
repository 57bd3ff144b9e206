"""Findings: what the validation reports (fields.md §3)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Severity = Literal["error", "warning", "info"]
SEVERITY_LABELS: dict[str, str] = {"error": "Fehler", "warning": "Hinweis", "info": "Information"}


@dataclass(frozen=True, slots=True)
class Finding:
    code: str
    severity: Severity
    path: str
    message: str
    params: dict[str, Any] = field(default_factory=dict)
    rule_id: str = ""
    """The id of the form's rule that reported it; empty for a generic check."""

    @property
    def key(self) -> tuple[str, str]:
        """Identifies a finding across edits, for acknowledging warnings."""
        return (self.code, self.path)

    @property
    def section(self) -> str:
        return self.path.split(".", 1)[0].split("[", 1)[0]

    def to_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "severity": self.severity,
            "path": self.path,
            "params": self.params,
            "message": self.message,
        }


@dataclass(frozen=True)
class Report:
    """All findings of one validation, in form order."""

    findings: tuple[Finding, ...]

    @property
    def errors(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity == "error")

    @property
    def warnings(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity == "warning")

    @property
    def valid(self) -> bool:
        return not self.errors

    def to_json(self) -> dict[str, Any]:
        return {
            "valid": self.valid,
            "errors": len(self.errors),
            "warnings": len(self.warnings),
            "issues": [f.to_json() for f in self.findings],
        }

    def by_section(self) -> dict[str, list[Finding]]:
        out: dict[str, list[Finding]] = {}
        for f in self.findings:
            out.setdefault(f.section, []).append(f)
        return out
