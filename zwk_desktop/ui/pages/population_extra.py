"""The population chart on the page of the form's population table (issue 6).

`population_extras` puts a `PopulationChartView` right after the table named by the form's
``population:`` block; it is redrawn on every change of the table (rows added, removed, moved
or typed in) and says the change in % in words below the picture.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QVBoxLayout, QWidget

from zwk_desktop.ui.extensions import PageContext, PageExtra

if TYPE_CHECKING:
    from zwk_desktop.editing.session import Event
    from zwk_desktop.formspec.models import FormSpec


def population_extras(spec: FormSpec, section_id: str) -> list[PageExtra]:
    layout = spec.population
    if layout is None or section_id != layout.section:
        return []
    return [PageExtra(build=PopulationExtra, after=layout.field_id)]


class PopulationExtra(QWidget):
    """The chart of the population table, kept up to date with the session."""

    def __init__(self, ctx: PageContext) -> None:
        from zwk_desktop.ui.pages.population_chart import PopulationChartView

        super().__init__()
        layout = ctx.session.spec.population
        assert layout is not None
        self.setObjectName(f"{layout.list}:diagramm")
        self.session = ctx.session
        self.layout_ = layout
        self.view = PopulationChartView(self)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 8)
        box.addWidget(self.view)
        self.refresh()

    def on_event(self, event: Event) -> None:
        path, table = event.path, self.layout_.list
        if event.kind in ("value", "items") and (path == table or path.startswith(f"{table}[")):
            self.refresh()

    def refresh(self) -> None:
        rows = self.session.get(self.layout_.list)
        self.view.set_rows(
            rows if isinstance(rows, list) else [], self.layout_.year, self.layout_.value
        )
