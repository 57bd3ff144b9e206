"""Small pieces every part of the window uses: translation, icons, counts in words, colours.

The start screen is built from this module, so it does not import the ``Qt`` namespace of
PySide6 at module level: creating that namespace costs about 25 ms, which the start screen
does not need (the editing view imports it when a draft is opened).
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QLabel, QLayout, QWidget

from zwk_desktop.domain import UNTITLED
from zwk_desktop.locations import resources_dir

if TYPE_CHECKING:
    import datetime as dt

translate = QCoreApplication.translate
"""``translate(context, text)``; pyside6-lupdate collects these calls into the .ts files."""

PATH_PROPERTY = "zwkPath"
"""Dynamic property: the field path a widget edits (also its objectName)."""

COLOURS = {"error": "#b00020", "warning": "#7a4a00", "info": "#0d47a1", "ok": "#1b5e20"}
"""Text colours of the severities; always together with a word, never alone."""

ICON_FILES = {"error": "fehler", "warning": "hinweis", "info": "information", "ok": "vollstaendig"}


@cache
def icon(name: str) -> QIcon:
    """An icon of resources/icons by file stem (``fehler``) or severity (``error``)."""
    stem = ICON_FILES.get(name, name)
    return QIcon(str(resources_dir() / "icons" / f"{stem}.svg"))


def local_time(moment: dt.datetime) -> str:
    """A moment as local German date and time: ``24.11.2026, 10:05``."""
    return moment.astimezone().strftime("%d.%m.%Y, %H:%M")


def draft_title(title: str) -> str:
    """A draft's title or label as shown: the Kommune's name, or „Neue Bewerbung“ in the
    user's language when the draft has none yet (`Draft.title` gives it in German)."""
    return translate("Common", "Neue Bewerbung") if title == UNTITLED else title


def severity_word(severity: str) -> str:
    return {
        "error": translate("Common", "Fehler"),
        "warning": translate("Common", "Hinweis"),
        "info": translate("Common", "Information"),
    }[severity]


class Counting(QObject):
    """The texts that count something. Qt chooses their plural form (``%n``, ``%Ln`` with the
    number's thousands point) by the rules of the language, from the translation files (German
    has one for its plural forms too). pyside6-lupdate marks only ``self.tr(text, None, n)`` in a
    class as a counting text, hence this class."""

    def errors(self, n: int) -> str:
        return self.tr("%n Fehler", None, n)

    def warnings(self, n: int) -> str:
        return self.tr("%n Hinweise", None, n)

    def infos(self, n: int) -> str:
        return self.tr("%n Informationen", None, n)

    def missing(self, n: int) -> str:
        return self.tr("%n Angaben fehlen", None, n)

    def entries(self, n: int) -> str:
        return self.tr("%n Einträge", None, n)

    def at_least_entries(self, n: int) -> str:
        return self.tr("Mindestens %n Einträge.", None, n)

    def acknowledged(self, n: int) -> str:
        return self.tr("%n Hinweise bestätigt", None, n)

    def unacknowledged(self, n: int) -> str:
        return self.tr(
            "%n Hinweise sind noch nicht bestätigt. Bitte prüfen und bestätigen Sie jeden "
            "Hinweis (mit Begründung) vor dem Export.",
            None,
            n,
        )

    def characters(self, n: int) -> str:
        return self.tr("%Ln Zeichen", None, n)

    def characters_over(self, excess: int) -> str:
        """With the placeholders {n} (typed) and {max} (allowed)."""
        return self.tr("{n} / {max} Zeichen – %Ln Zeichen zu viel", None, excess)

    def characters_missing(self, missing: int) -> str:
        """With the placeholder {min}."""
        return self.tr(" – mindestens {min}, es fehlen noch %Ln", None, missing)

    def fields(self, n: int) -> str:
        return self.tr("%n Felder", None, n)

    def months(self, n: int) -> str:
        """With the placeholders {year} and {amount}."""
        return self.tr(
            "Für {year} gilt anteilig eine Höchstgrenze von {amount} (%n Monate von 12).", None, n
        )


@cache
def counting() -> Counting:
    return Counting()


def count_errors(n: int) -> str:
    """„1 Fehler“, „3 Fehler“ (see `Counting`)."""
    return counting().errors(n)


def count_warnings(n: int) -> str:
    return counting().warnings(n)


def count_infos(n: int) -> str:
    return counting().infos(n)


def count_missing(n: int) -> str:
    """Entries still missing, in neutral words: not yet shown as mistakes."""
    return counting().missing(n)


def status_text(errors: int, warnings: int, missing: int = 0) -> str:
    """„vollständig“, or the open errors and warnings and the missing entries in words."""
    parts = []
    if errors:
        parts.append(count_errors(errors))
    if warnings:
        parts.append(count_warnings(warnings))
    if missing:
        parts.append(count_missing(missing))
    return ", ".join(parts) if parts else translate("Common", "vollständig")


def status_icon(errors: int, warnings: int, missing: int = 0) -> QIcon:
    """Red for errors, amber for warnings; missing entries alone get a neutral mark."""
    return icon("error" if errors else "warning" if warnings else "offen" if missing else "ok")


def heading(text: str, level: int = 2, parent: QWidget | None = None) -> QLabel:
    """A bold heading label; `level` 1 is the page title."""
    label = QLabel(text, parent)
    label.setWordWrap(True)
    font = label.font()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * {1: 1.45, 2: 1.15, 3: 1.0}[level])
    label.setFont(font)
    label.setAccessibleName(text)
    return label


def discard(widget: QWidget) -> None:
    """Remove a widget that is being replaced: hidden at once, its names cleared so that no
    lookup by path finds it, deleted once control returns to the event loop (it may be the
    button whose click is being handled)."""
    widget.hide()
    for child in [widget, *widget.findChildren(QWidget)]:
        child.setObjectName("")
    widget.deleteLater()


def clear_layout(layout: QLayout) -> None:
    """Take every item out of a layout; its widgets (also those of nested layouts) are
    discarded."""
    while layout.count():
        item = layout.takeAt(0)
        if item is None:
            continue
        widget, inner = item.widget(), item.layout()
        if widget is not None:
            discard(widget)
        elif inner is not None:
            clear_layout(inner)
            inner.deleteLater()


def show_new(layout: QLayout) -> None:
    """Show the widgets just added to a visible layout now (Qt would show them only on the next
    turn of the event loop), so that they take part in the tab order at once."""
    from PySide6.QtCore import Qt

    for i in range(layout.count()):
        item = layout.itemAt(i)
        if item is None:
            continue
        widget, inner = item.widget(), item.layout()
        if widget is not None and not widget.testAttribute(
            Qt.WidgetAttribute.WA_WState_ExplicitShowHide
        ):
            widget.show()
        elif inner is not None:
            show_new(inner)
