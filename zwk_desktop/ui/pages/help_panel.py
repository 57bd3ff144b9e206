"""The help panel (F1): the help text of the field that has the focus, where its content comes
from (documented in the call, evidenced, or inferred) and which checks apply to it."""

from __future__ import annotations

import html
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QTextBrowser, QVBoxLayout, QWidget

from zwk_desktop.domain.paths import template_path
from zwk_desktop.editing.entry import show_dec, show_int
from zwk_desktop.editing.help import field_help
from zwk_desktop.formspec.models import FormField, FormSpec, Section
from zwk_desktop.ui.common import counting, heading, severity_word, translate
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
        # read with the arrow keys (a caret, as in a document), reached with Tab
        self.text.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextBrowserInteraction
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.text.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
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

    def show_section(self, section: Section) -> None:
        """Outside a field: the section's title and introduction."""
        key = f"abschnitt:{section.id}"
        if key == self.path:
            return
        self.path = key
        parts = [f"<p><b>{html.escape(section.title)}</b></p>"]
        if section.intro:
            parts.append(f"<p>{html.escape(section.intro)}</p>")
        parts.append(f"<p><i>{html.escape(status_note(section.status))}</i></p>")
        self.text.setHtml("".join(parts))

    def show_for(self, path: str) -> None:
        """Show the help of the field at a concrete path (a year of a year map, a cell of the
        budget grid: its field; an item of a list: the list)."""
        template = template_path(path)
        f = self.spec.fields_by_path.get(template)
        while f is None and ("." in template or template.endswith("[]")):
            template = template[:-2] if template.endswith("[]") else template.rsplit(".", 1)[0]
            f = self.spec.fields_by_path.get(template)
        if f is None:
            section = self.spec.section_index.get(template)
            if section is not None:
                self.show_section(section)
            return
        if template == self.path:
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
            out.append(counting().at_least_entries(f.min_items))
        if f.type in ("int", "dec") and (f.min is not None or f.max is not None):
            low, high = self._number(f, f.min), self._number(f, f.max)
            if low and high:
                text = translate("Help", "Erlaubt: {low} bis {high}.")
            elif low:
                text = translate("Help", "Erlaubt: ab {low}.")
            else:
                text = translate("Help", "Erlaubt: bis {high}.")
            out.append(text.format(low=low, high=high))
        return out

    @staticmethod
    def _number(f: FormField, value: Decimal | None) -> str:
        """A bound as the field shows its values: a year without thousands point."""
        if value is None:
            return ""
        if value == value.to_integral_value():
            return show_int(int(value), f.grouping)
        return show_dec(value)
