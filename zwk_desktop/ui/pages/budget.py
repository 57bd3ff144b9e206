"""The budget grid: posten × years, totals per year, own funds, the requested amount, the headroom
to the cap in words („noch 2.500,00 € bis zur Höchstgrenze“), the share managed centrally and the
overall total, all recomputed as the user types (`compute_budget`). Cap, years and the funded
months of the first year come from the form definition."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from zwk_desktop.domain import formatting
from zwk_desktop.domain.budget import Budget, compute_budget
from zwk_desktop.domain.paths import template_path
from zwk_desktop.editing.session import EditSession, Event
from zwk_desktop.formspec.models import FormField, FormSpec
from zwk_desktop.ui.common import COLOURS, clear_layout, heading, show_new, translate
from zwk_desktop.ui.extensions import PageContext, PageExtra
from zwk_desktop.ui.pages.base import FindingsBox, PageEnv, status_note
from zwk_desktop.ui.pages.fields import NumberEditor

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
        self.grid.setHorizontalSpacing(12)
        outer.addWidget(frame)
        self.total_line = QLabel()
        self.total_line.setObjectName("finanzplan:gesamt")
        self.total_line.setWordWrap(True)
        self.total_line.setTextFormat(Qt.TextFormat.RichText)
        outer.addWidget(self.total_line)
        first = self.spec.policy.first_year_months
        if len(first.value) < 12:
            budget = compute_budget(self.spec, self.session.draft.data)
            note = QLabel(
                translate(
                    "Budget",
                    "Für {year} wird eine anteilige Förderung für {months} Monate angenommen "
                    "(bis zu {amount}). {status}",
                ).format(
                    year=self.years[0],
                    months=len(first.value),
                    amount=formatting.money(budget.first_year_cap.quantize(Decimal("0.01"))),
                    status=status_note(first.status),
                )
            )
            note.setWordWrap(True)
            outer.addWidget(note)
        section = self.spec.section_index[self.layout_.own_funds.split(".")[0]]
        self.findings = FindingsBox(self.env, section.node, section.id, section.title)
        outer.addWidget(self.findings)
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
        g.setColumnStretch(0, 2)
        g.setColumnMinimumWidth(0, em * 11)
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
        self.headroom = self._summary_row(row + 4, translate("Budget", "Spielraum"), bold=False)
        for key, label in zip((*years, "gesamt"), self.headroom, strict=True):
            label.setObjectName(f"finanzplan:spielraum:{key}")
            # the words wrap within the column instead of widening it
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
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
            (self.caps, dict.fromkeys(budget.years, budget.cap), budget.total_cap),
        ):
            for cell, year in zip(cells, budget.years, strict=False):
                cell.setText(money(values[year]))
            cells[-1].setText(money(overall))
        for cell, year in zip(self.headroom, budget.years, strict=False):
            text, over = headroom_text(budget.headroom[year])
            self._mark(cell, text, over)
        text, over = headroom_text(budget.total_cap - budget.total_requested)
        self._mark(self.headroom[-1], text, over)
        self.total_line.setText(self._total_text(budget))

    def _mark(self, cell: QLabel, text: str, over: bool) -> None:
        if over:
            text = translate("Budget", "Überschritten: {text}").format(text=text)
        cell.setText(text)
        cell.setAccessibleName(text)
        cell.setStyleSheet(f"color: {COLOURS['error']}; font-weight: bold;" if over else "")

    def _total_text(self, budget: Budget) -> str:
        money = formatting.money
        left = budget.total_cap - budget.total_requested
        if left < 0:
            tail = translate(
                "Budget",
                '<span style="color:{colour}"><b>Die Gesamthöchstgrenze von {cap} ist um '
                "{amount} überschritten.</b></span>",
            ).format(colour=COLOURS["error"], cap=money(budget.total_cap), amount=money(-left))
        else:
            tail = translate(
                "Budget", "Bis zur Gesamthöchstgrenze von {cap} bleiben noch {amount}."
            ).format(cap=money(budget.total_cap), amount=money(left))
        head = translate(
            "Budget", "<b>Gesamtsumme aller Posten: {total}</b> · beantragt insgesamt: {requested}."
        ).format(total=money(budget.total), requested=money(budget.total_requested))
        return f"{head} {tail}"
