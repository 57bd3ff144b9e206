"""The budget grid: posten × years, totals per year, own funds, the requested amount, the headroom
to the cap in words („noch 2.500,00 € bis zur Höchstgrenze“), the share managed centrally and the
overall total, all recomputed as the user types (`compute_budget`). Cap, years and the funded
months of the first year come from the form definition."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from zwk_desktop.domain import formatting
from zwk_desktop.domain.budget import Budget, compute_budget, year_cap
from zwk_desktop.domain.paths import template_path
from zwk_desktop.editing.session import EditSession, Event
from zwk_desktop.formspec.models import FormField, FormSpec
from zwk_desktop.ui.announce import announce
from zwk_desktop.ui.common import clear_layout, counting, heading, show_new, translate
from zwk_desktop.ui.extensions import PageContext, PageExtra
from zwk_desktop.ui.pages.base import FindingsBox, PageEnv, status_note
from zwk_desktop.ui.pages.fields import NumberEditor
from zwk_desktop.ui.palette import severity_colour, severity_hex
from zwk_desktop.validation import Finding

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter

LINE_OFFSET = 4
"""Pixels that put a label's text on the line of the input field beside it."""


def budget_extra(spec: FormSpec) -> PageExtra:
    layout = spec.budget
    return PageExtra(
        build=BudgetGrid,
        claims=(f"{layout.items}[].{layout.amounts}", layout.own_funds, layout.central),
    )


def headroom_text(headroom: Decimal) -> tuple[str, bool]:
    """The headroom to the cap in words; True when the cap is exceeded."""
    if headroom < 0:
        return (
            translate("Budget", "{amount} über der Höchstgrenze").format(
                amount=formatting.money(-headroom)
            ),
            True,
        )
    return (
        translate("Budget", "noch {amount} bis zur Höchstgrenze").format(
            amount=formatting.money(headroom)
        ),
        False,
    )


def _cell(text: str = "", bold: bool = False) -> QLabel:
    label = QLabel(text)
    label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    label.setWordWrap(True)
    if bold:
        font = label.font()
        font.setBold(True)
        label.setFont(font)
    return label


class BudgetFindings(FindingsBox):
    """The findings about the whole budget, below the grid. A finding about a year (a cap
    exceeded) leads to that year's amount of the posten that asks most in it; one about the
    whole budget to the first amount, or to „Posten hinzufügen“ while there is none."""

    grid: BudgetGrid

    def focus_for(self, finding: Finding) -> None:
        year = finding.params.get("jahr")
        self.focus_year(str(year) if year is not None else None)

    def focus_input(self) -> None:
        self.focus_year(None)

    def focus_year(self, year: str | None) -> None:
        grid = self.grid
        layout = grid.layout_
        if year not in grid.years:
            year = grid.years[0] if grid.years else None
        budget = compute_budget(grid.spec, grid.session.draft.data)
        if year is None or not budget.items:
            add = self.window().findChild(QWidget, f"{layout.items}:hinzufuegen")
            (add or self).setFocus(Qt.FocusReason.OtherFocusReason)
            return
        largest = max(budget.items, key=lambda item: (item.amounts[year], -item.index))
        path = f"{layout.items}[{largest.index}].{layout.amounts}.{year}"
        editor = self.env.editors.get(path)
        if editor is not None:
            editor.focus_input()


class BudgetOverview(QTableWidget):
    """The sums, the requested amount, the cap and the headroom of each year and in total as a
    table for assistive technology and the keyboard (issue 14): one Tab stop, the arrow keys
    move between the read-only cells, each cell is heard with its row and its year (Qt's
    table interface gives the row and column headers). A cell over the cap says so in its
    description."""

    def __init__(self, years: tuple[str, ...] | list[str]) -> None:
        super().__init__(0, len(years) + 1)
        self.setObjectName("finanzplan:uebersicht")
        self.years = list(years)
        self.setAccessibleName(translate("Budget", "Übersicht der Beträge je Jahr"))
        self.setHorizontalHeaderLabels([*self.years, translate("Budget", "Summe")])
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setTabKeyNavigation(False)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizeAdjustPolicy(QAbstractItemView.SizeAdjustPolicy.AdjustToContents)
        header = self.horizontalHeader()
        if header is not None:
            header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)

    def show_budget(self, budget: Budget, item_titles: list[str]) -> None:
        money = formatting.money
        rows: list[tuple[str, list[str], list[bool]]] = []
        for posten, title in zip(budget.items, item_titles, strict=False):
            values = [money(posten.amounts[year]) for year in budget.years]
            rows.append((title, [*values, money(posten.total)], [False] * (len(values) + 1)))
        over = [budget.headroom[year] < 0 for year in budget.years]
        over.append(budget.total_year_caps < budget.total_requested)
        rows.append(
            (
                translate("Budget", "Summe der Posten"),
                [*(money(budget.totals[y]) for y in budget.years), money(budget.total)],
                [False] * len(over),
            )
        )
        rows.append(
            (
                translate("Budget", "Beantragt"),
                [
                    *(money(budget.requested[y]) for y in budget.years),
                    money(budget.total_requested),
                ],
                over,
            )
        )
        rows.append(
            (
                translate("Budget", "Höchstgrenze"),
                [
                    *(money(budget.year_caps[y]) for y in budget.years),
                    money(budget.total_year_caps),
                ],
                [False] * len(over),
            )
        )
        headroom = [headroom_text(budget.headroom[y])[0] for y in budget.years]
        headroom.append(headroom_text(budget.total_year_caps - budget.total_requested)[0])
        rows.append((translate("Budget", "Spielraum"), headroom, over))
        self.setRowCount(len(rows))
        self.setVerticalHeaderLabels([title for title, _, _ in rows])
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        for r, (_, values, overs) in enumerate(rows):
            for c, (value, is_over) in enumerate(zip(values, overs, strict=True)):
                item = self.item(r, c)
                if item is None:
                    item = QTableWidgetItem()
                    item.setFlags(flags)
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                    self.setItem(r, c, item)
                item.setText(value)
                item.setData(
                    Qt.ItemDataRole.AccessibleDescriptionRole,
                    translate("Budget", "Höchstgrenze überschritten") if is_over else "",
                )
                item.setForeground(severity_colour("error") if is_over else self.palette().text())
        self.setFixedHeight(self._content_height())

    def _content_height(self) -> int:
        header = self.horizontalHeader()
        height = header.sizeHint().height() if header is not None else 0
        height += sum(self.rowHeight(r) for r in range(self.rowCount()))
        return height + 2 * self.frameWidth() + 2


class BudgetGrid(QWidget):
    def __init__(self, ctx: PageContext) -> None:
        super().__init__()
        self.setObjectName("finanzplan:tabelle")
        self.session: EditSession = ctx.session
        self.env = PageEnv.of(ctx)
        self.spec = ctx.session.spec
        self.layout_ = self.spec.budget
        self.years = self.spec.policy.year_keys
        self.owned: set[str] = set()
        self.over: set[str] | None = None
        """The years (and „gesamt“) over the cap at the last count; None before the first."""
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 12, 0, 0)
        outer.addWidget(heading(translate("Budget", "Beträge je Jahr"), 2))
        cap = self.spec.policy.cap_per_year
        intro = QLabel(
            translate(
                "Budget",
                "Tragen Sie für jeden Posten den Betrag je Jahr ein. Beantragt wird die Summe der "
                "Posten abzüglich der Eigenmittel; die Höchstgrenze beträgt {cap} je Jahr.",
            ).format(cap=formatting.money(cap.value))
        )
        intro.setWordWrap(True)
        outer.addWidget(intro)
        frame = QFrame()
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        self.grid = QGridLayout(frame)
        self.grid.setHorizontalSpacing(8)
        outer.addWidget(frame)
        self.overview = BudgetOverview(self.years)
        self.total_line = QLabel()
        self.total_line.setObjectName("finanzplan:gesamt")
        self.total_line.setWordWrap(True)
        self.total_line.setTextFormat(Qt.TextFormat.RichText)
        outer.addWidget(self.total_line)
        first = year_cap(self.spec.policy, self.years[0]) if self.years else None
        if first is not None and first.pro_rata:
            text = (
                counting()
                .months(first.months)
                .format(year=first.year, amount=formatting.money(first.amount))
            )
            if first.assumed:
                text = (
                    translate("Budget", "* Annahme: {text}").format(text=text)
                    + " "
                    + status_note(self.spec.policy.first_year_months.status)
                )
            note = QLabel(text)
            note.setObjectName("finanzplan:anteilig")
            note.setWordWrap(True)
            outer.addWidget(note)
        section = self.spec.section_index[self.layout_.own_funds.split(".")[0]]
        self.findings = BudgetFindings(self.env, section.node, section.id, section.title)
        self.findings.grid = self
        outer.addWidget(self.findings)
        # after the findings: a cell of the grid comes into view with the findings below it
        outer.addWidget(self.overview)
        self.keep_visible = [self.findings]
        """A cell of the grid comes into view with the findings below the grid (see
        `zwk_desktop.ui.pages.page.KEEP_VISIBLE`)."""
        self.build()

    # ----------------------------------------------------------------- building

    def build(self) -> None:
        for p in self.owned:
            self.env.editors.pop(p, None)
        clear_layout(self.grid)
        before = set(self.env.editors)
        g = self.grid
        years = self.years
        total_col = len(years) + 1
        em = self.fontMetrics().height()
        for c, year in enumerate(years, 1):
            g.addWidget(_cell(year, bold=True), 0, c)
            g.setColumnStretch(c, 1)  # equal year columns, whatever their texts say
        g.addWidget(_cell(translate("Budget", "Summe"), bold=True), 0, total_col)
        g.setColumnStretch(0, 2)  # the posten's names wrap: the grid fits narrow windows
        g.setColumnMinimumWidth(0, em * 6)
        g.setColumnStretch(total_col, 1)
        row = 1
        self.item_labels: list[QLabel] = []
        self.item_totals: list[QLabel] = []
        items_field = self.spec.field(self.layout_.items)
        amounts_field = self.spec.field(f"{self.layout_.items}[].{self.layout_.amounts}")
        item_label = items_field.item_label or items_field.label
        for i in range(self.session.item_count(self.layout_.items)):
            label = QLabel()
            label.setWordWrap(True)
            label.setContentsMargins(0, LINE_OFFSET, 0, 0)
            g.addWidget(label, row, 0, Qt.AlignmentFlag.AlignTop)
            self.item_labels.append(label)
            base = f"{self.layout_.items}[{i}].{self.layout_.amounts}"
            for c, year in enumerate(years, 1):
                editor = NumberEditor(
                    self.env,
                    amounts_field,
                    f"{base}.{year}",
                    translate("Budget", "{item} {n}: Betrag {year}").format(
                        item=item_label, n=i + 1, year=year
                    ),
                    "money",
                )
                g.addWidget(editor, row, c, Qt.AlignmentFlag.AlignTop)
            total = _cell()
            total.setContentsMargins(0, LINE_OFFSET, 0, 0)
            g.addWidget(total, row, total_col, Qt.AlignmentFlag.AlignTop)
            self.item_totals.append(total)
            row += 1
        if not self.item_labels:
            hint = QLabel(
                translate(
                    "Budget",
                    "Noch kein Posten. Legen Sie oben mit „{add}“ einen Posten an; hier erscheinen "
                    "dann seine Beträge je Jahr.",
                ).format(add=translate("Lists", "{item} hinzufügen").format(item=item_label))
            )
            hint.setWordWrap(True)
            g.addWidget(hint, row, 0, 1, total_col + 1)
            row += 1
        self.sums = self._summary_row(row, translate("Budget", "Summe der Posten"))
        own = self.spec.field(self.layout_.own_funds)
        self._editor_row(row + 1, own.label, self.layout_.own_funds, own)
        self.requested = self._summary_row(row + 2, translate("Budget", "Beantragt"))
        self.caps = self._summary_row(row + 3, translate("Budget", "Höchstgrenze"), bold=False)
        for key, label in zip((*years, "gesamt"), self.caps, strict=True):
            label.setObjectName(f"finanzplan:hoechstgrenze:{key}")
        self.headroom = self._summary_row(row + 4, translate("Budget", "Spielraum"), bold=False)
        for key, label in zip((*years, "gesamt"), self.headroom, strict=True):
            label.setObjectName(f"finanzplan:spielraum:{key}")
        central = self.spec.field(self.layout_.central)
        self._editor_row(row + 5, central.label, self.layout_.central, central)
        self.owned = set(self.env.editors) - before
        show_new(self.grid)
        self.update_totals()

    def _summary_row(self, row: int, title: str, bold: bool = True) -> list[QLabel]:
        head = QLabel(title)
        head.setWordWrap(True)
        if bold:
            font = head.font()
            font.setBold(True)
            head.setFont(font)
        self.grid.addWidget(head, row, 0)
        cells = []
        for c in range(1, len(self.years) + 2):
            cell = _cell(bold=bold)
            self.grid.addWidget(cell, row, c, Qt.AlignmentFlag.AlignTop)
            cells.append(cell)
        return cells

    def _editor_row(self, row: int, title: str, path: str, f: FormField) -> None:
        head = QLabel(title)
        head.setWordWrap(True)
        head.setContentsMargins(0, LINE_OFFSET, 0, 0)
        self.grid.addWidget(head, row, 0, Qt.AlignmentFlag.AlignTop)
        for c, year in enumerate(self.years, 1):
            editor = NumberEditor(self.env, f, f"{path}.{year}", f"{title} {year}", "money")
            self.grid.addWidget(editor, row, c, Qt.AlignmentFlag.AlignTop)

    # ----------------------------------------------------------------- live totals

    def on_event(self, event: Event) -> None:
        items = self.layout_.items
        if event.kind == "items" and event.path == items:
            self.build()
            self.env.on_rebuilt()
        elif event.kind == "value" and template_path(event.path).startswith(
            (items, self.layout_.own_funds, self.layout_.central)
        ):
            self.update_totals()

    def update_totals(self) -> None:
        budget = compute_budget(self.spec, self.session.draft.data)
        money = formatting.money
        categories = self.spec.field(f"{self.layout_.items}[].{self.layout_.category}")
        for item, label, total in zip(
            budget.items, self.item_labels, self.item_totals, strict=False
        ):
            name = item.title.strip() or categories.choice_labels.get(item.category or "", "")
            label.setText(f"{item.index + 1}. {name}" if name else f"{item.index + 1}.")
            total.setText(money(item.total))
        for cells, values, overall in (
            (self.sums, budget.totals, budget.total),
            (self.requested, budget.requested, budget.total_requested),
            # one cap per year for the grid, its headroom and the PDF (domain.budget.year_cap)
            (self.caps, budget.year_caps, budget.total_year_caps),
        ):
            for cell, year in zip(cells, budget.years, strict=False):
                cell.setText(money(values[year]))
            cells[-1].setText(money(overall))
        for cell, year in zip(self.caps, budget.years, strict=False):
            if budget.caps[year].assumed:  # the note below the grid says why
                cell.setText(f"{money(budget.year_caps[year])}*")
                cell.setAccessibleName(
                    translate("Budget", "{amount}, angenommen (siehe Anmerkung)").format(
                        amount=money(budget.year_caps[year])
                    )
                )
        for cell, year in zip(self.headroom, budget.years, strict=False):
            text, over = headroom_text(budget.headroom[year])
            self._mark(cell, text, over)
        text, over = headroom_text(budget.total_year_caps - budget.total_requested)
        self._mark(self.headroom[-1], text, over)
        self.total_line.setText(self._total_text(budget))
        self._announce_cap(budget)
        self.overview.show_budget(budget, [label.text() for label in self.item_labels])
        self._describe_over(budget)

    def _describe_over(self, budget: Budget) -> None:
        """The amounts of a year over its cap say so in their description (issue 14)."""
        items = self.layout_.items
        for item in budget.items:
            for year in budget.years:
                editor = self.env.editors.get(
                    f"{items}[{item.index}].{self.layout_.amounts}.{year}"
                )
                if editor is None:
                    continue
                over = budget.headroom[year] < 0
                editor.set_state_lines(
                    [
                        translate(
                            "Budget", "Höchstgrenze {year} um {amount} überschritten."
                        ).format(year=year, amount=formatting.money(-budget.headroom[year]))
                    ]
                    if over
                    else []
                )

    def _announce_cap(self, budget: Budget) -> None:
        """Say it when a year (or the whole budget) goes over its cap or back under it; not on
        every keystroke while it stays over."""
        over = {year for year in budget.years if budget.headroom[year] < 0}
        if budget.total_year_caps < budget.total_requested:
            over.add("gesamt")
        before, self.over = self.over, over
        if before is None or over == before:
            return
        money = formatting.money
        parts = []
        for year in sorted(over - before - {"gesamt"}):
            parts.append(
                translate("Budget", "Höchstgrenze {year} um {amount} überschritten.").format(
                    year=year, amount=money(-budget.headroom[year])
                )
            )
        if "gesamt" in over - before:
            parts.append(
                translate("Budget", "Gesamthöchstgrenze um {amount} überschritten.").format(
                    amount=money(budget.total_requested - budget.total_year_caps)
                )
            )
        if before and not over:
            parts.append(translate("Budget", "Höchstgrenze wieder eingehalten."))
        if parts:
            announce(self, " ".join(parts))

    def _mark(self, cell: QLabel, text: str, over: bool) -> None:
        if over:
            text = translate("Budget", "Überschritten: {text}").format(text=text)
        cell.setText(text)
        cell.setAccessibleName(text)
        cell.setStyleSheet(f"color: {severity_hex('error')}; font-weight: bold;" if over else "")

    def _total_text(self, budget: Budget) -> str:
        money = formatting.money
        left = budget.total_year_caps - budget.total_requested
        if left < 0:
            tail = translate(
                "Budget",
                '<span style="color:{colour}"><b>Die Gesamthöchstgrenze von {cap} ist um '
                "{amount} überschritten.</b></span>",
            ).format(
                colour=severity_hex("error"), cap=money(budget.total_year_caps), amount=money(-left)
            )
        else:
            tail = translate(
                "Budget", "Bis zur Gesamthöchstgrenze von {cap} bleiben noch {amount}."
            ).format(cap=money(budget.total_year_caps), amount=money(left))
        head = translate(
            "Budget", "<b>Gesamtsumme aller Posten: {total}</b> · beantragt insgesamt: {requested}."
        ).format(total=money(budget.total), requested=money(budget.total_requested))
        return f"{head} {tail}"
