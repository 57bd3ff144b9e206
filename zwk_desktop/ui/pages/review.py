"""The „Prüfen“ page: every finding grouped by section, with counts and severity in words.

Activating a finding (click, Enter or Space) opens its page and focuses its field. A warning can
be acknowledged here, with an optional justification; both are stored with the draft.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from zwk_desktop.editing.help import location
from zwk_desktop.editing.session import EditSession, SectionStatus
from zwk_desktop.ui.common import (
    COLOURS,
    PATH_PROPERTY,
    count_errors,
    count_infos,
    count_warnings,
    heading,
    icon,
    severity_word,
    status_text,
    translate,
)
from zwk_desktop.validation import Finding


class FindingRow(QFrame):
    """One finding: severity, place and message; Enter or a click opens the field."""

    activated = Signal(str)

    def __init__(self, session: EditSession, finding: Finding, index: int) -> None:
        super().__init__()
        self.session = session
        self.finding = finding
        self.setObjectName(f"befund:{index}")
        self.setProperty(PATH_PROPERTY, finding.path)  # the help panel explains its field
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
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
        badge.setPixmap(icon(finding.severity).pixmap(16, 16))
        head.addWidget(badge)
        title = QLabel(
            f'<span style="color:{COLOURS[finding.severity]}"><b>{word}</b></span> · <b>{where}</b>'
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
            self._acknowledgement(layout, index)

    def _acknowledgement(self, layout: QVBoxLayout, index: int) -> None:
        existing = self.session.acknowledgement(self.finding)
        row = QHBoxLayout()
        self.ack = QCheckBox(translate("Review", "Hinweis geprüft und bestätigt"))
        self.ack.setObjectName(f"befund:{index}:bestaetigen")
        self.ack.setChecked(existing is not None)
        self.reason = QLineEdit(existing.justification if existing else "")
        self.reason.setObjectName(f"befund:{index}:begruendung")
        self.reason.setPlaceholderText(translate("Review", "Begründung (freiwillig)"))
        self.reason.setAccessibleName(translate("Review", "Begründung für die Bestätigung"))
        row.addWidget(self.ack)
        row.addWidget(self.reason, 1)
        layout.addLayout(row)
        self.ack.toggled.connect(self._store)
        self.reason.textEdited.connect(self._store)

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
            self.reason.setText(existing.justification)

    def _store(self) -> None:
        assert self.ack is not None
        if self.ack.isChecked():
            self.session.acknowledge(self.finding, self.reason.text())
        else:
            self.session.withdraw(self.finding)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.activated.emit(self.finding.path)
            return
        super().keyPressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
            event.position().toPoint()
        ):
            self.activated.emit(self.finding.path)
            return
        super().mouseReleaseEvent(event)


class ReviewPage(QScrollArea):
    open_path = Signal(str)
    """A finding was activated: open the page of this path and focus the field."""

    def __init__(self, session: EditSession) -> None:
        super().__init__()
        self.session = session
        self.setObjectName("seite:pruefen")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.rows: list[FindingRow] = []
        self.section_heads: dict[str, QLabel] = {}
        self._shown_report: object = None

    def refresh(self) -> None:
        """Rebuild the list if the report changed since it was last shown."""
        report = self.session.report
        if report is self._shown_report:
            self.update_counts()
            return
        self._shown_report = report
        content = QWidget()
        outer = QVBoxLayout(content)
        outer.setContentsMargins(24, 16, 24, 24)
        outer.addWidget(heading(translate("Review", "Prüfen"), 1))
        self.summary = QLabel()
        self.summary.setObjectName("pruefen:zusammenfassung")
        self.summary.setWordWrap(True)
        outer.addWidget(self.summary)
        explain = QLabel(
            translate(
                "Review",
                "Fehler müssen vor dem Einreichen behoben werden. Hinweise können Sie nach "
                "Prüfung bestätigen, auf Wunsch mit einer Begründung; die Bestätigung wird mit "
                "der Bewerbung gespeichert. Wählen Sie eine Meldung mit Klick oder Eingabetaste, "
                "um zum Feld zu wechseln.",
            )
        )
        explain.setWordWrap(True)
        outer.addWidget(explain)
        self.rows = []
        self.section_heads = {}
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
            outer.addWidget(head)
            self.section_heads[section_id] = head
            for finding in findings:
                row = FindingRow(self.session, finding, len(self.rows))
                row.activated.connect(self.open_path)
                outer.addWidget(row)
                self.rows.append(row)
        outer.addStretch(1)
        self.setWidget(content)
        self.update_counts()

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
        if acknowledged == 1:
            extra.append(translate("Review", "1 Hinweis bestätigt"))
        elif acknowledged:
            extra.append(translate("Review", "{n} Hinweise bestätigt").format(n=acknowledged))
        if infos:
            extra.append(count_infos(infos))
        self.summary.setText(f"{text} ({', '.join(extra)})" if extra else text)

    def _status(self, section_id: str) -> SectionStatus:
        return self.session.section_status(section_id)

    def first_row(self) -> FindingRow | None:
        return self.rows[0] if self.rows else None
