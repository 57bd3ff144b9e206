"""Small pieces every part of the window uses: translation, icons, counts in words, colours.

The start screen is built from this module, so it does not import the ``Qt`` namespace of
PySide6 at module level: creating that namespace costs about 25 ms, which the start screen
does not need (the editing view imports it when a draft is opened).
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
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


def count_errors(n: int) -> str:
    return (
        translate("Common", "1 Fehler") if n == 1 else translate("Common", "{n} Fehler").format(n=n)
    )


def count_warnings(n: int) -> str:
    if n == 1:
        return translate("Common", "1 Hinweis")
    return translate("Common", "{n} Hinweise").format(n=n)


def count_infos(n: int) -> str:
    if n == 1:
        return translate("Common", "1 Information")
    return translate("Common", "{n} Informationen").format(n=n)


def status_text(errors: int, warnings: int) -> str:
    """„vollständig“, or the open errors and warnings in words."""
    parts = []
    if errors:
        parts.append(count_errors(errors))
    if warnings:
        parts.append(count_warnings(warnings))
    return ", ".join(parts) if parts else translate("Common", "vollständig")


def status_icon(errors: int, warnings: int) -> QIcon:
    return icon("error" if errors else "warning" if warnings else "ok")


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


# --------------------------------------------------------------------------- working together


def stamp_text(stamp: str) -> str:
    """A time of the change log or a comment (ISO, UTC) as local German date and time."""
    import datetime as dt

    try:
        moment = dt.datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except ValueError:
        return stamp
    return local_time(moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC))


def person(name: str) -> str:
    """Who did something; the change log of a file without names says so."""
    return name or translate("Common", "(ohne Namen)")


def changes_by(counts: dict[str, int]) -> list[str]:
    """„3 Änderungen von Berater Müller“, one line per person (most changes first)."""
    lines = []
    for who, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        if who:
            text = (
                translate("Common", "1 Änderung von {who}")
                if n == 1
                else translate("Common", "{n} Änderungen von {who}")
            )
        else:
            text = (
                translate("Common", "1 Änderung der anderen Seite")
                if n == 1
                else translate("Common", "{n} Änderungen der anderen Seite")
            )
        lines.append(text.format(n=n, who=who))
    return lines


def count_comments(n: int) -> str:
    if n == 1:
        return translate("Common", "1 offener Kommentar")
    return translate("Common", "{n} offene Kommentare").format(n=n)
