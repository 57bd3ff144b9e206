"""What the audit expects of the form, read from the one form definition (run with the
project's venv python; prints JSON for the walker, which runs under the system python):
the sections with their titles, and per field path (list indices as "[]") whether it is
required, its choices in order, the titles of the groups and lists it sits in, and whether
the program computes it (then it is shown read-only)."""

from __future__ import annotations

import json
import sys
from typing import Any

from zwk_desktop.formspec import get_form
from zwk_desktop.formspec.models import FormField


def main() -> int:
    spec = get_form()
    fields: dict[str, dict[str, Any]] = {}

    def visit(f: FormField, path: str, context: list[str], repeat: bool) -> None:
        kind = str(f.type.value if hasattr(f.type, "value") else f.type)
        fields[path] = {
            "label": f.label,
            "type": kind,
            "required": bool(f.required) and f.when is None,
            "choices": [c.code for c in f.choices],
            "choice_labels": {c.code: c.label for c in f.choices},
            "context": context,
            "repeat": repeat,
        }
        if f.fields:
            is_list = kind == "list"
            sub = f"{path}[]" if is_list else path
            for child in f.fields:
                visit(
                    child,
                    f"{sub}.{child.id}",
                    [*context, f.item_label or f.label],
                    repeat or is_list,
                )

    sections = []
    for section in spec.sections:
        sections.append({"id": section.id, "title": section.title, "type": section.type})
        for f in section.fields:
            if section.type == "list":
                visit(f, f"{section.id}[].{f.id}", [section.item_label or section.title], True)
            else:
                visit(f, f"{section.id}.{f.id}", [], False)
    # values the program computes and shows read-only (an attachment's hash and size): the
    # user supplies nothing there, so they need not be said to be required
    files = spec.attachments
    for own in (files.sha256, files.size):
        computed = f"{files.list}[].{own}"
        if computed in fields:
            fields[computed]["computed"] = True
    json.dump({"sections": sections, "fields": fields}, sys.stdout, ensure_ascii=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
