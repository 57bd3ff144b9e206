"""Where other parts of the program plug into the window: page extras and menu actions.

The composition root (`zwk_desktop.app`) fills an `Extensions` and hands it to the window. A page
extra is a widget shown on a section page (keyed by section id), a menu action an entry of the
„Datei“, „Extras“ or „Hilfe“ menu. The budget grid is a page extra too
(see `Extensions.extras_for`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal, Protocol

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from zwk_desktop.editing.session import EditSession, Event
    from zwk_desktop.formspec.models import FormSpec, Section
    from zwk_desktop.ui.pages.fields import PageEnv
    from zwk_desktop.ui.window.main_window import MainWindow


@dataclass(frozen=True)
class PageContext:
    """What a page extra gets to build its widget."""

    session: EditSession
    section: Section
    env: PageEnv
    """The page's editors by path; an extra that edits fields registers its editors here, so
    that their findings are shown and a finding can focus them."""


class EventAware(Protocol):
    def on_event(self, event: Event) -> None:
        """Called for every change of the session (see `EditSession.subscribe`)."""


@dataclass(frozen=True)
class PageExtra:
    """A widget on a section page besides the fields generated from the form."""

    build: Callable[[PageContext], QWidget]
    """Builds the widget; if it has a method `on_event(event)`, the page calls it on every
    change of the session."""
    claims: tuple[str, ...] = ()
    """Template paths (``finanzplan.eigenmittel``) the extra edits itself; the page does not
    generate editors for them."""
    after: str | None = None
    """Id of the field after which the widget is placed; None places it at the end."""


MenuName = Literal["datei", "extras", "hilfe"]


@dataclass(frozen=True)
class MenuAction:
    """An entry added to a menu of the main window."""

    menu: MenuName
    build: Callable[[MainWindow], QAction]
    """Creates the action (its text through tr, its shortcut, its triggered slot). The window
    gives access to the open draft: `window.session` (None on the start screen)."""
    needs_draft: bool = False
    """Enabled only while a draft is open."""


FormExtras = Callable[["FormSpec", str], list[PageExtra]]
"""The page extras of a section that the form decides (the municipality picker where the form's
``directory:`` block points, the chart after its ``population:`` table), given the form and the
section id. Called when a page is built, so it may import what the page needs."""


@dataclass
class Extensions:
    page_extras: dict[str, list[PageExtra]] = field(default_factory=dict)
    actions: list[MenuAction] = field(default_factory=list)
    form_extras: list[FormExtras] = field(default_factory=list)

    def extras_for(self, spec: FormSpec, section_id: str) -> list[PageExtra]:
        from zwk_desktop.ui.pages.budget import budget_extra

        out = []
        if section_id == spec.budget.items.split(".")[0]:
            out.append(budget_extra(spec))
        out += [extra for extras in self.form_extras for extra in extras(spec, section_id)]
        return out + self.page_extras.get(section_id, [])
