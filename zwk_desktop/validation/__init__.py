"""Validation: runs the form's rules over draft data and returns findings in form order."""

from __future__ import annotations

from zwk_desktop.directory import Directory
from zwk_desktop.domain.draft import Draft
from zwk_desktop.formspec.models import FormSpec
from zwk_desktop.validation.engine import validate
from zwk_desktop.validation.findings import Finding, Report

__all__ = ["Finding", "Report", "validate", "validate_draft"]


def validate_draft(spec: FormSpec, draft: Draft, directory: Directory | None = None) -> Report:
    """Validate a whole draft, attachments included."""
    return validate(spec, draft.data, draft.file_infos, directory)
