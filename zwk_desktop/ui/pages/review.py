"""The „Prüfen“ page: every finding grouped by section, with counts and severity in words.

Activating a finding (click, Enter or Space) opens its page and focuses its field. A warning can
be acknowledged here, with an optional justification; both are stored with the draft. A filter
(„Anzeigen“) lists instead the fields others changed that were not seen yet, or the open
comments.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import (
    QAccessible,
    QAccessibleActionInterface,
    QAccessibleInterface,
    QKeyEvent,
    QMouseEvent,
)
from PySide6.QtWidgets import (
    QAccessibleWidget,
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from zwk_desktop.domain.paths import template_path
from zwk_desktop.editing.help import location
from zwk_desktop.editing.session import EditSession, SectionStatus
from zwk_desktop.ui.common import (
    PATH_PROPERTY,
    clear_layout,
    count_errors,
    count_infos,
    count_warnings,
    counting,
    heading,
    person,
    set_accessible_role,
    severity_word,
    show_new,
    stamp_text,
    status_text,
    translate,
)
from zwk_desktop.ui.input_rules import guard_wheel, store_set_text
from zwk_desktop.ui.pages.layout import TAB_STOP
from zwk_desktop.ui.palette import severity_hex, tinted_icon
from zwk_desktop.validation import Finding


class ActiveRow(QFrame):
    """A row of the list that opens its field (click, Enter or Space). Assistive technology
    sees a list item with the action „Press“; in the tab order the row comes first, then the
    controls inside it (a finding's acknowledgement)."""

    def __init__(self) -> None:
        super().__init__()
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setProperty(TAB_STOP, True)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def activate(self) -> None:
        """Open the field of the row."""
        raise NotImplementedError

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.activate()
            return
        super().keyPressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
            event.position().toPoint()
        ):
            self.activate()
            return
        super().mouseReleaseEvent(event)


class RowList(QWidget):
    """The rows of the page (with the headings of their sections): a list for assistive
    technology, named after what it shows."""


class _RowAccessible(QAccessibleWidget):
    def __init__(self, row: ActiveRow) -> None:
        super().__init__(row, QAccessible.Role.ListItem)
        self.row = row

    def actionNames(self) -> list[str]:
        return [QAccessibleActionInterface.pressAction(), *super().actionNames()]

    def doAction(self, actionName: str) -> None:
        if actionName == QAccessibleActionInterface.pressAction():
            self.row.activate()
        else:
            super().doAction(actionName)


def _accessible(key: str, obj: QObject) -> QAccessibleInterface | None:
    if isinstance(obj, ActiveRow):
        return _RowAccessible(obj)
    if isinstance(obj, RowList):
        return QAccessibleWidget(obj, QAccessible.Role.List)
    return None


_factory_installed = False


def install_accessibility() -> None:
    """Let Qt ask `_accessible` for the interfaces of the rows and their list (once)."""
    global _factory_installed
    if not _factory_installed:
        QAccessible.installFactory(_accessible)
        _factory_installed = True


class FindingRow(ActiveRow):
    """One finding: severity, place and message; Enter or a click opens the field."""

    activated = Signal(object)
    """The `Finding` to go to."""

    def __init__(self, session: EditSession, finding: Finding, index: int) -> None:
        super().__init__()
        self.session = session
        self.finding = finding
        self.setObjectName(f"befund:{index}")
        self.setProperty(PATH_PROPERTY, finding.path)  # the help panel explains its field
        self.setStyleSheet(
            "FindingRow { border: 1px solid palette(mid); border-radius: 3px; }"
            "FindingRow:focus { border: 2px solid palette(highlight); }"
        )
        where = location(session.spec, finding.path)
        word = severity_word(finding.severity)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        head = QHBoxLayout()
        badge = QLabel()
        badge.setPixmap(tinted_icon(finding.severity).pixmap(16, 16))
        head.addWidget(badge)
        title = QLabel(
            f'<span style="color:{severity_hex(finding.severity)}"><b>{word}</b></span>'
            f" · <b>{where}</b>"
        )
        title.setTextFormat(Qt.TextFormat.RichText)
        title.setWordWrap(True)
        head.addWidget(title, 1)
        go = QLabel(translate("Review", "Zum Feld ›"))
        go.setStyleSheet("color: palette(link);")
        head.addWidget(go)
        layout.addLayout(head)
        message = QLabel(finding.message)
        message.setWordWrap(True)
        layout.addWidget(message)
        self.setAccessibleName(
            translate("Review", "{severity}: {place}").format(severity=word, place=where)
        )
        self.setAccessibleDescription(finding.message)
        self.setToolTip(translate("Review", "Zum Feld wechseln (Eingabetaste)"))
        self.ack: QCheckBox | None = None
        if finding.severity == "warning":
            self._acknowledgement(layout, index, where)

    def _acknowledgement(self, layout: QVBoxLayout, index: int, where: str) -> None:
        existing = self.session.acknowledgement(self.finding)
        row = QHBoxLayout()
        self.ack = QCheckBox(translate("Review", "Hinweis geprüft und bestätigt"))
        self.ack.setObjectName(f"befund:{index}:bestaetigen")
        self.ack.setChecked(existing is not None)
        self.reason = QLineEdit(existing.justification if existing else "")
        self.reason.setObjectName(f"befund:{index}:begruendung")
        self.reason.setPlaceholderText(translate("Review", "Begründung (freiwillig)"))
        # heard with the finding's place: the page has one pair per warning
        self.ack.setAccessibleName(
            translate("Review", "Hinweis geprüft und bestätigt: {place}").format(place=where)
        )
        self.reason.setAccessibleName(
            translate("Review", "Begründung für die Bestätigung: {place}").format(place=where)
        )
        row.addWidget(self.ack)
        row.addWidget(self.reason, 1)
        layout.addLayout(row)
        self.ack.toggled.connect(self._store)
        self.reason.textEdited.connect(self._store)
        self._syncing = False
        store_set_text(self.reason, lambda _text: self._store(), lambda: self._syncing)

    def sync(self) -> None:
        """Show the stored acknowledgement (it may have changed elsewhere)."""
        if self.ack is None:
            return
        existing = self.session.acknowledgement(self.finding)
        self.ack.blockSignals(True)
        self.ack.setChecked(existing is not None)
        self.ack.blockSignals(False)
        if (
            existing is not None
            and not self.reason.hasFocus()
            and self.reason.text().strip() != existing.justification
        ):
            self._syncing = True
            self.reason.setText(existing.justification)
            self._syncing = False

    def _store(self) -> None:
        assert self.ack is not None
        if self.ack.isChecked():
            self.session.acknowledge(self.finding, self.reason.text())
        else:
            self.session.withdraw(self.finding)

    def activate(self) -> None:
        self.activated.emit(self.finding)


class PlaceRow(ActiveRow):
    """A field with a change marker or a comment: what, where; Enter or a click opens it."""

    activated = Signal(str)

    def __init__(self, name: str, path: str, title: str, text: str) -> None:
        super().__init__()
        self.path = path
        self.setObjectName(name)
        self.setStyleSheet(
            "PlaceRow { border: 1px solid palette(mid); border-radius: 3px; }"
            "PlaceRow:focus { border: 2px solid palette(highlight); }"
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        head = QHBoxLayout()
        top = QLabel(title)
        top.setTextFormat(Qt.TextFormat.PlainText)
        top.setWordWrap(True)
        font = top.font()
        font.setBold(True)
        top.setFont(font)
        head.addWidget(top, 1)
        go = QLabel(translate("Review", "Zum Feld ›"))
        go.setStyleSheet("color: palette(link);")
        head.addWidget(go)
        layout.addLayout(head)
        body = QLabel(text)
        body.setTextFormat(Qt.TextFormat.PlainText)
        body.setWordWrap(True)
        layout.addWidget(body)
        self.setAccessibleName(title)
        self.setAccessibleDescription(text)
        self.setToolTip(translate("Review", "Zum Feld wechseln (Eingabetaste)"))

    def activate(self) -> None:
        self.activated.emit(self.path)


MODES = ("findings", "markers", "comments")
"""What the page lists: the findings, the fields others changed (not yet seen), open comments."""


class ReviewPage(QScrollArea):
    open_finding = Signal(object)
    """A `Finding` was activated: open its page and put the cursor into the widget it is
    about."""
    open_path = Signal(str)
    """A changed or commented field was activated: open its page and focus the field."""
    rebuilt = Signal()
    """The rows were made anew (the window fixes the tab order)."""

    def __init__(self, session: EditSession) -> None:
        super().__init__()
        install_accessibility()
        self.session = session
        self.setObjectName("seite:pruefen")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no unnamed focus stop of its own
        self.setAccessibleName(translate("Review", "Prüfen"))
        set_accessible_role(self, QAccessible.Role.Grouping)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.rows: list[FindingRow] = []
        self.place_rows: list[PlaceRow] = []
        self.section_heads: dict[str, QLabel] = {}
        self.mode = "findings"
        self._shown: tuple[object, str] | None = None
        content = QWidget()
        outer = QVBoxLayout(content)
        outer.setContentsMargins(16, 16, 16, 24)
        outer.addWidget(heading(translate("Review", "Prüfen"), 1))
        self.summary = QLabel()
        self.summary.setObjectName("pruefen:zusammenfassung")
        self.summary.setWordWrap(True)
        outer.addWidget(self.summary)
        row = QHBoxLayout()
        self.filter = QComboBox()
        guard_wheel(self.filter)  # the wheel scrolls the page unless the box has the focus
        self.filter.setObjectName("pruefen:filter")
        self.filter.setAccessibleName(translate("Review", "Anzeigen"))
        for mode in MODES:
            self.filter.addItem("", mode)
        shown = QLabel(translate("Review", "&Anzeigen:"))
        shown.setBuddy(self.filter)
        row.addWidget(shown)
        row.addWidget(self.filter)
        row.addStretch(1)
        outer.addLayout(row)
        self.explain = QLabel()
        self.explain.setWordWrap(True)
        outer.addWidget(self.explain)
        self.list = RowList()
        self.list.setObjectName("pruefen:liste")
        self.body = QVBoxLayout(self.list)
        self.body.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.list)
        outer.addStretch(1)
        self.setWidget(content)
        self._filter_texts()
        self.filter.currentIndexChanged.connect(self._mode_chosen)

    def _mode_chosen(self, index: int) -> None:
        self.mode = MODES[max(0, index)]
        self.refresh()

    def show_mode(self, mode: str) -> None:
        """List the findings, the changes of others or the open comments."""
        self.filter.setCurrentIndex(MODES.index(mode))

    def notes_changed(self) -> None:
        """Markers or comments changed: counts now, the list when it shows them."""
        self._filter_texts()
        if self.mode != "findings" and self.isVisible():
            self._shown = None
            self.refresh()

    def _filter_texts(self) -> None:
        markers = len(self.session.markers())
        comments = len(self.session.open_comments())
        texts = (
            translate("Review", "Meldungen der Prüfung"),
            translate("Review", "Änderungen von anderen, noch nicht gesehen ({n})").format(
                n=markers
            ),
            translate("Review", "Offene Kommentare ({n})").format(n=comments),
        )
        for i, text in enumerate(texts):
            if self.filter.itemText(i) != text:
                self.filter.setItemText(i, text)

    def refresh(self) -> None:
        """Rebuild the list if the report (or what is listed) changed since it was shown."""
        report = self.session.report
        key = (report if self.mode == "findings" else None, self.mode)
        if key == self._shown and self.mode == "findings":
            self.update_counts()
            return
        self._shown = key
        clear_layout(self.body)
        self.rows = []
        self.place_rows = []
        self.section_heads = {}
        if self.mode == "findings":
            self._findings()
        else:
            self._places()
        show_new(self.body)
        self.update_counts()
        self.list.setAccessibleName(self.filter.currentText())
        self.rebuilt.emit()

    def _findings(self) -> None:
        report = self.session.report
        self.explain.setText(
            translate(
                "Review",
                "Fehler müssen vor dem Einreichen behoben werden. Hinweise können Sie nach "
                "Prüfung bestätigen, auf Wunsch mit einer Begründung; die Bestätigung wird mit "
                "der Bewerbung gespeichert. Wählen Sie eine Meldung mit Klick oder Eingabetaste, "
                "um zum Feld zu wechseln.",
            )
        )
        grouped = report.by_section()
        titles = {s.id: s.title for s in self.session.spec.sections}
        order = [s.id for s in self.session.spec.sections]
        order += [k for k in grouped if k not in titles]
        for section_id in order:
            findings = grouped.get(section_id)
            if not findings:
                continue
            head = heading(titles.get(section_id, translate("Review", "Weitere Angaben")), 2)
            head.setObjectName(f"pruefen:{section_id}")
            head.setContentsMargins(0, 12, 0, 0)
            self.body.addWidget(head)
            self.section_heads[section_id] = head
            for finding in findings:
                row = FindingRow(self.session, finding, len(self.rows))
                row.activated.connect(self.open_finding)
                self.body.addWidget(row)
                self.rows.append(row)

    def _places(self) -> None:
        session = self.session
        spec = session.spec
        entries: list[tuple[str, str, str, str]] = []
        if self.mode == "markers":
            self.explain.setText(
                translate(
                    "Review",
                    "Felder, die die andere Seite geändert hat und die Sie hier noch nicht "
                    "gesehen haben. Die Eingabetaste öffnet das Feld; dann gilt die Änderung als "
                    "gesehen.",
                )
            )
            for path, marker in session.markers().items():
                who = marker.by or translate("Review", "der anderen Seite")
                title = translate("Review", "Geändert von {who}: {place}").format(
                    who=who, place=location(spec, path)
                )
                text = translate("Review", "am {when}, Datei {source}").format(
                    when=stamp_text(marker.at), source=marker.source
                )
                entries.append((f"aenderung:{len(entries)}", path, title, text))
        else:
            self.explain.setText(
                translate(
                    "Review",
                    "Kommentare, die noch niemand erledigt hat. Die Eingabetaste öffnet das "
                    "Feld; Strg+Umschalt+K zeigt dort seine Kommentare.",
                )
            )
            for comment in session.open_comments():
                place = session.concrete(comment.path)
                if place is None:
                    continue
                title = translate("Review", "Kommentar von {who}: {place}").format(
                    who=person(comment.author), place=location(spec, place)
                )
                entries.append((f"kommentar:{len(entries)}", place, title, comment.text))
        order = spec.field_order
        entries.sort(key=lambda e: (order.get(template_path(e[1]), len(order)), e[1]))
        for name, path, title, text in entries:
            row = PlaceRow(name, path, title, text)
            row.activated.connect(self.open_path)
            self.body.addWidget(row)
            self.place_rows.append(row)
        if not entries:
            none = QLabel(translate("Review", "Nichts zu zeigen."))
            none.setObjectName("pruefen:leer")
            self.body.addWidget(none)

    def update_counts(self) -> None:
        """Counts and acknowledgements as they are now (without rebuilding the rows)."""
        for row in self.rows:
            row.sync()
        report = self.session.report
        titles = {s.id: s.title for s in self.session.spec.sections}
        open_warnings = acknowledged = 0
        for section_id, head in self.section_heads.items():
            status = self._status(section_id)
            open_warnings += status.warnings
            acknowledged += status.acknowledged
            parts = [status_text(status.errors, status.warnings)]
            if status.acknowledged:
                parts.append(translate("Review", "{n} bestätigt").format(n=status.acknowledged))
            if status.infos:
                parts.append(count_infos(status.infos))
            title = titles.get(section_id, translate("Review", "Weitere Angaben"))
            head.setText(f"{title} – {', '.join(parts)}")
        errors = len(report.errors)
        infos = sum(1 for f in report.findings if f.severity == "info")
        if not errors and not open_warnings:
            text = translate(
                "Review", "Keine Fehler und keine offenen Hinweise: die Bewerbung ist vollständig."
            )
        else:
            text = translate("Review", "Ergebnis: {errors}, {warnings}").format(
                errors=count_errors(errors) if errors else translate("Review", "keine Fehler"),
                warnings=translate("Review", "{warnings} offen").format(
                    warnings=count_warnings(open_warnings)
                )
                if open_warnings
                else translate("Review", "keine offenen Hinweise"),
            )
        extra = []
        if acknowledged:
            extra.append(counting().acknowledged(acknowledged))
        if infos:
            extra.append(count_infos(infos))
        self.summary.setText(f"{text} ({', '.join(extra)})" if extra else text)
        self._filter_texts()

    def _status(self, section_id: str) -> SectionStatus:
        return self.session.section_status(section_id)

    def first_row(self) -> ActiveRow | None:
        if self.mode != "findings":
            return self.place_rows[0] if self.place_rows else None
        return self.rows[0] if self.rows else None
