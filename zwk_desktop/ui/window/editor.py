"""The editing view of an open draft: the section list with a status per section and the overall
progress, one page per section (built on first visit), Zurück/Weiter, the „Prüfen“ page and the
help panel. Validation runs debounced after the user stops typing."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from zwk_desktop.editing.session import EditSession, Event
from zwk_desktop.ui.common import (
    PATH_PROPERTY,
    changes_by,
    count_comments,
    heading,
    set_accessible_role,
    status_icon_name,
    status_text,
    translate,
)
from zwk_desktop.ui.extensions import Extensions
from zwk_desktop.ui.pages.help_panel import HelpPanel
from zwk_desktop.ui.pages.layout import chain_tab_order, focus_chain
from zwk_desktop.ui.pages.page import SectionPage, page_extras
from zwk_desktop.ui.pages.review import ReviewPage
from zwk_desktop.ui.palette import tinted_icon
from zwk_desktop.validation import Finding

HELP_ROOM_EMS = 82
"""Below this window width (in font heights) the help panel steps aside for the page, so that
the page keeps its width (1024 logical pixels at any scaling); F1 shows it."""

CHECK_DELAY_MS = 250
"""Validation runs this long after the last change (typing is never blocked by it)."""


class EditorView(QWidget):
    pageChanged = Signal(int)
    """Another page is shown (its index; the count of sections is the „Prüfen“ page)."""

    def __init__(self, session: EditSession, extensions: Extensions) -> None:
        super().__init__()
        self.setObjectName("bearbeitung")
        self.session = session
        self.spec = session.spec
        self.extensions = extensions
        self.pages: dict[int, SectionPage] = {}
        self.count = len(self.spec.sections)
        self._shown = -1
        self.before_page: list[QWidget] = []
        """Widgets of the window above the page (the notice bar): in the tab order between the
        section list and the page."""
        self.last_path = ""
        """The field that had the focus last (where the user left off)."""
        root = QHBoxLayout(self)
        root.setContentsMargins(0, 0, 0, 0)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        root.addWidget(self.splitter)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(8, 8, 4, 8)
        title = heading(translate("Editor", "Abschnitte"), 3)
        left_layout.addWidget(title)
        self.sections = QListWidget()
        self.sections.setObjectName("abschnitte")
        self.sections.setAccessibleName(translate("Editor", "Abschnitte der Bewerbung"))
        self.sections.setWordWrap(True)
        self.sections.setSpacing(2)
        title.setBuddy(self.sections)
        for i, section in enumerate(self.spec.sections):
            item = QListWidgetItem(f"{i + 1}. {section.title}")
            item.setData(Qt.ItemDataRole.UserRole, section.id)
            self.sections.addItem(item)
        review_item = QListWidgetItem(translate("Editor", "Prüfen"))
        review_item.setData(Qt.ItemDataRole.UserRole, "")
        self.sections.addItem(review_item)
        left_layout.addWidget(self.sections, 1)
        self.progress_label = QLabel()
        self.progress_label.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setObjectName("fortschritt")
        self.progress.setAccessibleName(translate("Editor", "Fortschritt"))
        self.progress.setTextVisible(False)
        self.progress_label.setBuddy(self.progress)
        left_layout.addWidget(self.progress_label)
        left_layout.addWidget(self.progress)

        center = QWidget()
        center_layout = QVBoxLayout(center)
        center_layout.setContentsMargins(0, 0, 0, 0)
        self.stack = QStackedWidget()
        set_accessible_role(self.stack, QAccessible.Role.Client)  # no unnamed "layered pane"
        center_layout.addWidget(self.stack, 1)
        nav = QHBoxLayout()
        nav.setContentsMargins(16, 6, 16, 10)
        self.back_button = QPushButton(translate("Editor", "‹ &Zurück"))
        self.back_button.setObjectName("zurueck")
        self.back_button.setToolTip(translate("Editor", "Voriger Abschnitt (Alt+←)"))
        self.next_button = QPushButton(translate("Editor", "&Weiter ›"))
        self.next_button.setObjectName("weiter")
        self.next_button.setToolTip(translate("Editor", "Nächster Abschnitt (Alt+→)"))
        self.position = QLabel()
        self.position.setObjectName("position")
        nav.addWidget(self.back_button)
        nav.addStretch(1)
        nav.addWidget(self.position)
        nav.addStretch(1)
        nav.addWidget(self.next_button)
        center_layout.addLayout(nav)

        self.help = HelpPanel(self.spec)
        self.splitter.addWidget(left)
        self.splitter.addWidget(center)
        self.splitter.addWidget(self.help)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setCollapsible(1, False)
        em = self.fontMetrics().height()
        self.splitter.setSizes([em * 15, em * 50, em * 16])
        self.splitter.setCollapsible(2, True)  # the help panel can be pushed aside
        self._help_chosen: bool | None = None
        """Shown or hidden by the user (F1); None: the window's width decides."""

        self.review = ReviewPage(session)
        self.review.open_finding.connect(self.open_finding)
        self.review.open_path.connect(self.open_path)  # a changed or commented field (issue 16)
        self.review.rebuilt.connect(self.fix_tab_order)
        self.stack.addWidget(self.review)
        self.back_button.clicked.connect(self.back)
        self.next_button.clicked.connect(self.next)
        self.sections.currentRowChanged.connect(self.go_to)
        # choosing a section with the mouse or Enter goes into its page (the arrow keys stay in
        # the list, so that a keyboard user can walk through the sections)
        self.sections.itemClicked.connect(lambda _item: self.enter_page())
        self.sections.itemActivated.connect(lambda _item: self.enter_page())
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(CHECK_DELAY_MS)
        self.timer.timeout.connect(self.check)
        self._unsubscribe = session.subscribe(self.on_event)
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.focusChanged.connect(self._focus_changed)
        session.check()
        self.update_statuses()
        self.go_to(0)

    def dispose(self) -> None:
        """Stop listening to the session (the view is closed)."""
        self.timer.stop()
        self._unsubscribe()
        for page in self.pages.values():
            page.dispose()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.disconnect(self._focus_changed)

    # ----------------------------------------------------------------- navigation

    @property
    def index(self) -> int:
        return self.sections.currentRow()

    def page(self, index: int) -> SectionPage:
        if index not in self.pages:
            section = self.spec.sections[index]
            page = SectionPage(
                self.session, section, page_extras(self.extensions, self.spec, section.id)
            )
            page.rebuilt.connect(self.fix_tab_order)
            page.show_findings()
            self.stack.addWidget(page)
            self.pages[index] = page
        return self.pages[index]

    def go_to(self, index: int) -> None:
        if not 0 <= index <= self.count:
            return
        if index == self.count:
            self.session.check()
            self.session.reveal_missing()  # the whole check: everything missing is shown
            self.review.refresh()
            self.stack.setCurrentWidget(self.review)
            self.position.setText(translate("Editor", "Prüfen"))
        else:
            self.stack.setCurrentWidget(self.page(index))
            self.position.setText(
                translate("Editor", "Abschnitt {n} von {total}").format(
                    n=index + 1, total=self.count
                )
            )
        if self.sections.currentRow() != index:
            self.sections.blockSignals(True)
            self.sections.setCurrentRow(index)
            self.sections.blockSignals(False)
        self.back_button.setEnabled(index > 0)
        self.next_button.setEnabled(index < self.count)
        self.next_button.setText(
            translate("Editor", "Weiter zu „Prüfen“ ›")
            if index == self.count - 1
            else translate("Editor", "&Weiter ›")
        )
        self.fix_tab_order()
        if index != self._shown:
            self._shown = index
            self._announce_section(index)
            self.pageChanged.emit(index)

    def _announce_section(self, index: int) -> None:
        """A screen reader says the section's title when another page is shown (the focus
        then lands on its first field, whose name alone would not tell the page)."""
        title = (
            translate("Editor", "Prüfen")
            if index == self.count
            else f"{index + 1}. {self.spec.sections[index].title}"
        )
        event = QAccessibleAnnouncementEvent(self.stack, title)
        event.setPoliteness(QAccessible.AnnouncementPoliteness.Polite)
        QAccessible.updateAccessibility(event)

    def next(self) -> None:
        self._step(1)

    def back(self) -> None:
        self._step(-1)

    def _step(self, delta: int) -> None:
        target = self.index + delta
        if not 0 <= target <= self.count:
            return
        self.go_to(target)
        self.enter_page()

    def enter_page(self) -> None:
        """Put the focus on the first input of the page shown (on „Prüfen“: its first
        finding), so that typing, Space and Tab work at once after every page change."""
        index = self.index
        if index == self.count:
            row = self.review.first_row()
            if row is not None:
                row.setFocus(Qt.FocusReason.OtherFocusReason)
            else:
                self.next_button.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        page = self.pages[index]
        page.first_input()
        focused = QApplication.focusWidget()
        if focused is None or not page.isAncestorOf(focused):
            self.next_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_review(self) -> None:
        self.go_to(self.count)
        row = self.review.first_row()
        (row or self.sections).setFocus(Qt.FocusReason.OtherFocusReason)

    def _section_of(self, path: str) -> int | None:
        section_id = path.split(".", 1)[0].split("[", 1)[0]
        return next((i for i, s in enumerate(self.spec.sections) if s.id == section_id), None)

    def open_path(self, path: str) -> None:
        """Open the page of a field and focus it (where the user left off)."""
        index = self._section_of(path)
        if index is None:
            return
        self.go_to(index)
        self.pages[index].focus_path(path)

    def open_finding(self, finding: Finding) -> None:
        """Open the page of a finding and put the cursor into the widget it is about,
        scrolled into view and highlighted (from „Prüfen“: no further key needed)."""
        index = self._section_of(finding.path)
        if index is None:
            return
        self.go_to(index)
        self.pages[index].focus_finding(finding)

    def focus_sections(self) -> None:
        self.sections.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def fix_tab_order(self) -> None:
        current = self.stack.currentWidget()
        chain: list[QWidget] = [self.sections, *self.before_page]
        if current is not None:
            chain += focus_chain(current)
        chain += [self.back_button, self.next_button]
        if self.help.isVisible():  # the help panel at the right is read last
            chain.append(self.help.text)
        chain_tab_order(chain)

    # ----------------------------------------------------------------- findings

    def on_event(self, event: Event) -> None:
        if event.kind in ("value", "items"):
            self.timer.start()
        elif event.kind in ("report", "shown"):
            self.update_statuses()
            for page in self.pages.values():
                page.show_findings()
            if self.stack.currentWidget() is self.review:
                self.review.refresh()
        elif event.kind == "acknowledgement":
            self.update_statuses()
            for page in self.pages.values():
                page.show_findings()
            self.review.update_counts()
        if event.kind in ("marker", "comment", "conflict") or (
            event.kind == "items" and (self.session.draft.markers or self.session.draft.comments)
        ):
            self.update_statuses()
            self.review.notes_changed()

    def check(self) -> None:
        self.timer.stop()
        self.session.check()

    def update_statuses(self) -> None:
        session = self.session
        statuses = [session.section_status(section.id) for section in self.spec.sections]
        for i, (section, status) in enumerate(zip(self.spec.sections, statuses, strict=True)):
            item = self.sections.item(i)
            lines = [
                f"{i + 1}. {section.title}",
                status_text(status.errors, status.warnings, status.missing),
            ]
            lines += changes_by(session.marker_counts(section.id))
            comments = len(session.open_comments(section.id))
            if comments:
                lines.append(count_comments(comments))
            text = "\n".join(lines)
            if item.text() != text:
                item.setText(text)
                item.setIcon(
                    tinted_icon(status_icon_name(status.errors, status.warnings, status.missing))
                )
        errors = sum(s.errors for s in statuses)
        warnings = sum(s.warnings for s in statuses)
        missing = sum(s.missing for s in statuses)
        review = self.sections.item(self.count)
        if errors or warnings or missing:
            summary = status_text(errors, warnings, missing)
        else:
            summary = translate("Editor", "alles vollständig")
        review.setText(translate("Editor", "Prüfen") + "\n" + summary)
        review.setIcon(tinted_icon(status_icon_name(errors, warnings, missing)))
        progress = session.progress()
        self.progress.setMaximum(progress.total)
        self.progress.setValue(progress.complete)
        text = translate(
            "Editor", "{done} von {total} Abschnitten vollständig ({percent} %)"
        ).format(done=progress.complete, total=progress.total, percent=progress.percent)
        self.progress_label.setText(text)
        self.progress.setAccessibleDescription(text)

    # ----------------------------------------------------------------- help

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._fit_help()
        super().resizeEvent(event)

    def _fit_help(self) -> None:
        if self._help_chosen is not None:
            return
        wide = self.width() >= self.fontMetrics().height() * HELP_ROOM_EMS
        if self.help.isHidden() == wide:
            self.help.setVisible(wide)
            if wide:
                self._explain(self._path_of(QApplication.focusWidget()))

    def toggle_help(self) -> None:
        self._help_chosen = self.help.isHidden()
        self.help.setVisible(self._help_chosen)
        if self._help_chosen:
            self._explain(self._path_of(QApplication.focusWidget()))

    def _focus_changed(self, old: QObject | None, new: QObject | None) -> None:
        old_path, new_path = self._path_of(old), self._path_of(new)
        if new_path:
            self.last_path = new_path
        if old_path and old_path != new_path:
            self.session.leave(old_path)  # what is missing there is shown from now on
        if isinstance(new, QWidget) and self.isAncestorOf(new):
            page = self.stack.currentWidget()
            if isinstance(page, SectionPage) and page.isAncestorOf(new):
                page.reveal(new)  # a tall field, a budget cell with the findings below it
            elif isinstance(page, QScrollArea) and page.isAncestorOf(new):
                page.ensureWidgetVisible(new)  # a finding on „Prüfen“ reached by Tab
            if self.help.isVisible():
                self._explain(new_path)
            if new_path:
                self._seen(new, new_path)  # a change marker there: the user has seen it

    def _path_of(self, widget: QObject | None) -> str:
        """The field a widget belongs to (its own path or that of an enclosing editor)."""
        while widget is not None and widget is not self:
            path = widget.property(PATH_PROPERTY)
            if isinstance(path, str) and path:
                return path
            widget = widget.parent()
        return ""

    def _explain(self, path: str) -> None:
        """The help panel explains the field with the focus; outside a field, the section
        shown (its introduction) or, on „Prüfen“, how the check works."""
        if path:
            self.help.show_for(path)
        elif self.index < self.count:
            self.help.show_section(self.spec.sections[self.index])
        else:
            self.help.show_general()

    def _seen(self, widget: QObject, path: str) -> None:
        """A field with a change marker got the focus on its page: the user has seen it (the
        marker goes; a group's or year's fields count with their input)."""
        page = self.stack.currentWidget()
        if (
            not self.session.draft.markers
            or page is None
            or page is self.review
            or not isinstance(widget, QWidget)
            or not page.isAncestorOf(widget)
        ):
            return
        for marked in list(self.session.markers()):
            if marked == path or marked.startswith(path + "."):
                self.session.seen(marked)

    def current_path(self) -> str | None:
        """The path of the field with the focus on the current page, if any."""
        widget: QObject | None = QApplication.focusWidget()
        while widget is not None and widget is not self:
            path = widget.property(PATH_PROPERTY)
            if isinstance(path, str) and path and self.stack.currentWidget() is not self.review:
                return path
            widget = widget.parent()
        return None
