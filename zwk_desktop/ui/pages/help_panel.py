"""The help panel (F1): the help text of the field that has the focus, where its content comes
from (documented in the call, evidenced, or inferred) and which checks apply to it."""

from __future__ import annotations

import html

from PySide6.QtWidgets import QFrame, QTextBrowser, QVBoxLayout, QWidget

from zwk_desktop.domain.paths import template_path
from zwk_desktop.editing.entry import show_dec, show_int
from zwk_desktop.editing.help import field_help
from zwk_desktop.formspec.models import FormField, FormSpec
from zwk_desktop.ui.common import heading, severity_word, translate
from zwk_desktop.ui.pages.base import status_note


class HelpPanel(QWidget):
    def __init__(self, spec: FormSpec) -> None:
        super().__init__()
        self.spec = spec
        self.setObjectName("hilfe")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 16, 8, 8)
        layout.addWidget(heading(translate("Help", "Hilfe"), 2))
        self.text = QTextBrowser()
        self.text.setObjectName("hilfe:text")
        self.text.setAccessibleName(translate("Help", "Hilfe zum Feld"))
        self.text.setFrameShape(QFrame.Shape.NoFrame)
        self.text.setOpenLinks(False)
        self.text.viewport().setAutoFillBackground(False)
        layout.addWidget(self.text, 1)
        self.path = ""
        self.show_general()

    def show_general(self) -> None:
        self.path = ""
        self.text.setHtml(
            html.escape(
                translate(
                    "Help",
                    "Setzen Sie den Cursor in ein Feld: hier stehen dann seine Erläuterung, die "
                    "Grundlage der Angabe und die Prüfungen, die für das Feld gelten. F1 blendet "
                    "diese Hilfe ein und aus.",
                )
            )
        )

    def show_for(self, path: str) -> None:
        """Show the help of the field at a concrete path."""
        template = template_path(path)
        f = self.spec.fields_by_path.get(template)
        if f is None or template == self.path:
            return
        self.path = template
        info = field_help(self.spec, template, f)
        parts = [f"<p><b>{html.escape(info.label)}</b></p>", f"<p>{html.escape(info.help)}</p>"]
        basis = status_note(info.status)
        if info.source:
            basis += " " + translate("Help", "Quelle: {source}").format(source=info.source)
        parts.append(f"<p><i>{html.escape(basis)}</i></p>")
        items = [f"<li>{html.escape(text)}</li>" for text in self._generic(f)]
        if items or info.rules:
            for rule in info.rules:
                note = {
                    "D": translate("Help", "im Aufruf dokumentiert"),
                    "E": translate("Help", "durch Berichte ausgewählter Kommunen belegt"),
                    "I": translate(
                        "Help", "abgeleitet aus der Förderpraxis, nicht im Aufruf dokumentiert"
                    ),
                }[rule.status]
                items.append(
                    f"<li>{html.escape(rule.summary)} "
                    f"({html.escape(severity_word(rule.severity))}; {html.escape(note)})</li>"
                )
            checks = translate("Help", "Prüfungen")
            parts.append(f"<p><b>{html.escape(checks)}</b></p>")
            parts.append(
                "<ul style='margin-left: 12px; -qt-list-indent: 0'>" + "".join(items) + "</ul>"
            )
        self.text.setHtml("".join(parts))

    def _generic(self, f: FormField) -> list[str]:
        """The field's own checks in words: required, lengths, format, range."""
        out = []
        if f.required and f.when is not None:
            out.append(translate("Help", "Pflichtangabe, sobald das Feld angezeigt wird."))
        elif f.required:
            out.append(translate("Help", "Pflichtangabe."))
        elif f.recommended:
            out.append(translate("Help", "Empfohlen; fehlt sie, gibt es einen Hinweis."))
        if f.min_length:
            out.append(
                translate("Help", "Mindestens {n} Zeichen.").format(n=show_int(f.min_length))
            )
        if f.max_length:
            out.append(translate("Help", "Höchstens {n} Zeichen.").format(n=show_int(f.max_length)))
        out.extend(case.expected for case in f.pattern)
        if f.min_items and f.type == "list":
            out.append(translate("Help", "Mindestens {n} Einträge.").format(n=f.min_items))
        if f.type in ("int", "dec") and (f.min is not None or f.max is not None):
            low = show_dec(f.min) if f.min is not None else "…"
            high = show_dec(f.max) if f.max is not None else "…"
            out.append(translate("Help", "Erlaubt: {low} bis {high}.").format(low=low, high=high))
        return out
