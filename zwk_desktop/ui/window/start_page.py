"""The start screen: Neue Bewerbung, Bewerbung öffnen…, Entwürfe…, the recently changed drafts
of the draft store, examples.

It is shown at once after start; nothing here loads the form definition or the draft model
(that happens when a draft is opened; the recent drafts are summaries read with plain SQLite)
or PySide6's large ``Qt`` namespace, so the window is interactive quickly.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from zwk_desktop.services.records import DraftSummary
from zwk_desktop.services.store import DraftStore, StoreError
from zwk_desktop.ui.common import draft_title, heading, icon, local_time, translate

RECENT = 8
"""Drafts in the start screen's list (all of them are in „Entwürfe…“)."""


@dataclass(frozen=True)
class Example:
    path: Path
    title: str


def list_examples(folder: Path) -> list[Example]:
    """The example drafts with the Kommune's name (read as plain JSON, no form needed)."""
    out = []
    for path in sorted(folder.glob("*.zwk")):
        try:
            data = json.loads(path.read_text(encoding="utf-8")).get("data", {})
            title = str(data.get("kommune", {}).get("name") or path.stem)
        except (OSError, ValueError, AttributeError):
            continue
        out.append(Example(path, title))
    return out


def recent_text(summary: DraftSummary) -> str:
    """Two lines for the recent list: the draft's name, then when it changed and how far it is."""
    detail = translate("Start", "zuletzt geändert am {when}").format(
        when=local_time(summary.modified)
    )
    if summary.name:
        detail = f"{draft_title(summary.title)} · {detail}"
    if summary.completeness is not None:
        detail += " · " + translate("Start", "{percent} % der Pflichtangaben").format(
            percent=summary.completeness
        )
    return f"{draft_title(summary.label)}\n{detail}"


class StartPage(QScrollArea):
    new_requested = Signal()
    open_requested = Signal()
    drafts_requested = Signal()
    recent_chosen = Signal(int)
    """The id of a stored draft to open."""
    example_chosen = Signal(object)
    """The `Path` of an example draft to open."""

    def __init__(self, store: DraftStore, examples: list[Example]) -> None:
        super().__init__()
        self.setObjectName("startseite")
        self.store = store
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        content = QWidget()
        outer = QHBoxLayout(content)
        column = QVBoxLayout()
        column.setSpacing(12)
        outer.addStretch(1)
        outer.addLayout(column, 6)
        outer.addStretch(1)
        column.setContentsMargins(0, 32, 0, 32)

        top = QHBoxLayout()
        logo = QLabel()
        em = self.fontMetrics().height()
        logo.setPixmap(icon("programm").pixmap(QSize(em * 4, em * 4)))
        top.addWidget(logo)
        titles = QVBoxLayout()
        titles.addWidget(heading(translate("Start", "ZWK Desktop"), 1))
        subtitle = QLabel(
            translate(
                "Start",
                "Bewerbungsbogen für das Modellprojekt „Zukunftswerkstatt Kommunen – Attraktiv im "
                "Wandel“ des Bundesministeriums für Familie, Senioren, Frauen und Jugend. "
                "Entwerfen, prüfen und speichern Sie die Bewerbung Ihrer Kommune – ohne "
                "Internetverbindung.",
            )
        )
        subtitle.setWordWrap(True)
        titles.addWidget(subtitle)
        top.addLayout(titles, 1)
        column.addLayout(top)

        buttons = QHBoxLayout()
        self.new_button = QPushButton(icon("hinzufuegen"), translate("Start", "&Neue Bewerbung"))
        self.new_button.setObjectName("neu")
        self.new_button.setToolTip(translate("Start", "Eine leere Bewerbung beginnen (Strg+N)"))
        self.open_button = QPushButton(icon("datei"), translate("Start", "Bewerbung ö&ffnen…"))
        self.open_button.setObjectName("oeffnen")
        self.open_button.setToolTip(
            translate("Start", "Eine .zwk-Datei als neuen Entwurf übernehmen (Strg+O)")
        )
        self.drafts_button = QPushButton(icon("programm"), translate("Start", "&Entwürfe…"))
        self.drafts_button.setObjectName("entwuerfe")
        self.drafts_button.setToolTip(
            translate(
                "Start",
                "Alle gespeicherten Entwürfe: öffnen, kopieren, umbenennen, löschen und "
                "wiederherstellen (Strg+Umschalt+O)",
            )
        )
        for b in (self.new_button, self.open_button, self.drafts_button):
            b.setIconSize(QSize(em, em))
            b.setMinimumHeight(int(em * 2.4))
            buttons.addWidget(b)
        buttons.addStretch(1)
        column.addLayout(buttons)
        self.new_button.clicked.connect(self.new_requested)
        self.open_button.clicked.connect(self.open_requested)
        self.drafts_button.clicked.connect(self.drafts_requested)

        recent_title = heading(translate("Start", "&Zuletzt verwendete Entwürfe"), 2)
        column.addWidget(recent_title)
        self.recent = QListWidget()
        self.recent.setObjectName("zuletzt")
        self.recent.setAccessibleName(translate("Start", "Zuletzt verwendete Entwürfe"))
        self.recent.setWordWrap(True)
        recent_title.setBuddy(self.recent)
        self.no_recent = QLabel()
        self.no_recent.setObjectName("keine-entwuerfe")
        self.no_recent.setWordWrap(True)
        column.addWidget(self.recent)
        column.addWidget(self.no_recent)
        self.recent.itemActivated.connect(self._recent)
        self.recent.itemClicked.connect(self._recent)

        example_title = heading(translate("Start", "&Beispiele"), 2)
        column.addWidget(example_title)
        hint = QLabel(
            translate(
                "Start",
                "Vollständige Bewerbungen fiktiver Kommunen zum Ansehen und Ausprobieren. Ein "
                "Beispiel wird als neuer Entwurf geöffnet; die Beispieldatei selbst bleibt "
                "unverändert.",
            )
        )
        hint.setWordWrap(True)
        column.addWidget(hint)
        self.examples = QListWidget()
        self.examples.setObjectName("beispiele")
        self.examples.setAccessibleName(translate("Start", "Beispiele"))
        example_title.setBuddy(self.examples)
        self.example_paths: list[Path] = []
        for example in examples:
            item = QListWidgetItem(
                translate("Start", "{title} – Beispiel öffnen").format(title=example.title)
            )
            item.setIcon(icon("programm"))
            self.example_paths.append(example.path)
            item.setToolTip(str(example.path))
            self.examples.addItem(item)
        self._fit(self.examples)
        column.addWidget(self.examples)
        self.examples.itemActivated.connect(self._example)
        self.examples.itemClicked.connect(self._example)
        column.addStretch(1)
        self.setWidget(content)
        self.refresh()

    def refresh(self) -> None:
        """Read the recent drafts from the store again."""
        self.recent.clear()
        try:
            self.entries: list[DraftSummary] = self.store.list_drafts(limit=RECENT)
        except StoreError as exc:
            self.entries = []
            self.no_recent.setText(
                translate("Start", "Die Entwürfe können nicht gelesen werden: {reason}").format(
                    reason=exc
                )
            )
        else:
            self.no_recent.setText(
                translate(
                    "Start",
                    "Noch keine Entwürfe. Beginnen Sie eine neue Bewerbung oder öffnen Sie ein "
                    "Beispiel.",
                )
            )
        for entry in self.entries:
            item = QListWidgetItem(recent_text(entry))
            item.setIcon(icon("datei"))
            self.recent.addItem(item)
        self.recent.setVisible(bool(self.entries))
        self.no_recent.setVisible(not self.entries)
        self._fit(self.recent)

    def _fit(self, widget: QListWidget) -> None:
        rows = sum(widget.sizeHintForRow(i) + 2 * widget.spacing() for i in range(widget.count()))
        widget.setFixedHeight(
            max(rows, widget.fontMetrics().height()) + 2 * widget.frameWidth() + 4
        )

    def _recent(self, item: QListWidgetItem) -> None:
        self.recent_chosen.emit(self.entries[self.recent.row(item)].id)

    def _example(self, item: QListWidgetItem) -> None:
        self.example_chosen.emit(self.example_paths[self.examples.row(item)])

    def focus_first(self) -> None:
        self.new_button.setFocus()
