"""The budget grid: posten × years, totals per year, own funds, the requested amount, the headroom
to the cap in words („noch 2.500,00 € bis zur Höchstgrenze“), the share managed centrally and the
overall total, all recomputed as the user types (`compute_budget`). Cap, years and the funded
months of the first year come from the form definition."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

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
from zwk_desktop.ui.palette import severity_hex
from zwk_desktop.validation import Finding

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
