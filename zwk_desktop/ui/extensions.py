"""Where other parts of the program plug into the window: page extras and menu actions.

The composition root (`zwk_desktop.app`) fills an `Extensions` and hands it to the window. A page
extra is a widget shown on a section page (keyed by section id), a menu action an entry of the
„Datei“, „Extras“ or „Hilfe“ menu. The budget grid is a page extra too
(see `zwk_desktop.ui.pages.page.page_extras`).

This module sits low in the UI (only `zwk_desktop.ui.common` is beside it): page extras and menu
actions see the page and the window through the small protocols here, `PageFields` and
`DraftWindow`, and never import the rooms that implement them (`zwk_desktop.ui.pages`,
`zwk_desktop.ui.window`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal, Protocol

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from zwk_desktop.editing.session import EditSession, Event
    from zwk_desktop.formspec.models import FormSpec, Section


class PageFields(Protocol):
    """What a page extra sees of its page (`zwk_desktop.ui.pages.base.PageEnv` implements it)."""

    @property
    def editors(self) -> Mapping[str, QWidget]:
        """The editors of the page's fields by concrete path (``kommune.name``,
        ``kommune.mitglieder[0].ags``); the input inside an editor has the path as its
        objectName. Lists rebuild their items' editors, so look them up when needed."""
        ...


class DraftWindow(Protocol):
    """What a menu action sees of the main window (`zwk_desktop.ui.window.main_window.MainWindow`
    implements it)."""

    def window(self) -> QWidget:
        """The window itself (Qt's `QWidget.window`): the parent of the action, of the dialogs
        a command opens and of helper objects that live as long as the window."""
        ...

    @property
    def session(self) -> EditSession | None:
        """The open draft's session; None on the start screen."""
        ...

    def record_version(self, reason: str = "export_package") -> bool:
        """Save the open draft now and record its state as a version with this reason; False
        when no draft is open or the store cannot be written."""
        ...


@dataclass(frozen=True)
class PageContext:
    """What a page extra gets to build its widget."""

    session: EditSession
    section: Section
    env: PageFields
    """The page's editors by path. (The pages' own extras, such as the budget grid, make
    editors in it through `zwk_desktop.ui.pages.base.PageEnv.of`, so that their findings are
    shown and a finding can focus them.)"""


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
    build: Callable[[DraftWindow], QAction]
    """Creates the action (its text through tr, its shortcut, its triggered slot), parented to
    `window.window()`. The window gives access to the open draft: `window.session` (None on the
    start screen)."""
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
