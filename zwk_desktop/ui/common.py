"""Small pieces every part of the window uses: translation, icons, counts in words, colours.

The start screen is built from this module, so it does not import the ``Qt`` namespace of
PySide6 at module level: creating that namespace costs about 25 ms, which the start screen
does not need (the editing view imports it when a draft is opened).
"""

from __future__ import annotations

import re
import string
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject
from PySide6.QtGui import QAccessible, QAccessibleInterface, QIcon
from PySide6.QtWidgets import QAccessibleWidget, QLabel, QLayout, QWidget

from zwk_desktop.domain import UNTITLED
from zwk_desktop.locations import resources_dir
from zwk_desktop.ui.service_texts import LATER_SERVICE_TEXTS
from zwk_desktop.ui.verify_texts import VERIFY_TEXTS

if TYPE_CHECKING:
    import datetime as dt

translate = QCoreApplication.translate
"""``translate(context, text)``; pyside6-lupdate collects these calls into the .ts files."""

PATH_PROPERTY = "zwkPath"
"""Dynamic property: the field path a widget edits (also its objectName)."""

ICON_FILES = {"error": "fehler", "warning": "hinweis", "info": "information", "ok": "vollstaendig"}


@cache
def icon(name: str) -> QIcon:
    """An icon of resources/icons by file stem (``fehler``) or severity (``error``)."""
    stem = ICON_FILES.get(name, name)
    return QIcon(str(resources_dir() / "icons" / f"{stem}.svg"))


# German sentences of the Qt-free layers (services, licences) that the interface shows. Listed
# here so that lupdate collects them (context „Dienste“); `service_text` finds them at run time,
# a template with {placeholders} matching any values. A text not listed stays German.
SERVICE_TEXTS: tuple[str, ...] = (  # type: ignore[assignment]  # the stubs say object; it is the str
    QT_TRANSLATE_NOOP(
        "Dienste", "Die gespeicherte Passphrase fehlt im Schlüsselbund oder passt nicht."
    ),
    QT_TRANSLATE_NOOP(
        "Dienste", "Die Passphrase dieser Signaturidentität wird auf Wunsch nicht gespeichert."
    ),
    QT_TRANSLATE_NOOP("Dienste", "Abgebrochen: ohne Passphrase kann nicht signiert werden."),
    QT_TRANSLATE_NOOP("Dienste", "Abgebrochen: keine Passphrase gewählt."),
    QT_TRANSLATE_NOOP("Dienste", "Die Passphrase ist falsch."),
    QT_TRANSLATE_NOOP(
        "Dienste",
        "Auf diesem Rechner ist kein Schlüsselbund des Betriebssystems erreichbar (kein Dienst "
        "für Zugangsdaten läuft). Die Passphrase wird deshalb nirgends gespeichert und bei jeder "
        "Signatur abgefragt.",
    ),
    QT_TRANSLATE_NOOP(
        "Dienste",
        "Auf diesem Rechner ist kein Schlüsselbund des Betriebssystems erreichbar (nur ein "
        "unsicherer Klartext-Speicher ist eingerichtet). Die Passphrase wird deshalb nirgends "
        "gespeichert und bei jeder Signatur abgefragt.",
    ),
    QT_TRANSLATE_NOOP(
        "Dienste",
        "Der Schlüsselbund des Betriebssystems hat die Anfrage abgelehnt ({error}); die "
        "Passphrase wird deshalb abgefragt.",
    ),
    QT_TRANSLATE_NOOP("Dienste", "Die Passphrase braucht mindestens {n} Zeichen. {reason}"),
    QT_TRANSLATE_NOOP(
        "Dienste",
        "Das Zertifikat ist am {date} abgelaufen; damit kann nicht mehr signiert werden.",
    ),
    QT_TRANSLATE_NOOP(
        "Dienste",
        "Das Zertifikat ist erst ab dem {date} gültig; vorher kann damit nicht signiert werden.",
    ),
    QT_TRANSLATE_NOOP(
        "Dienste",
        "Das Zertifikat läuft {when} ab (am {date}). Beantragen Sie rechtzeitig ein neues "
        "Zertifikat bei der ausstellenden Stelle.",
    ),
    QT_TRANSLATE_NOOP("Dienste", "heute"),
    QT_TRANSLATE_NOOP("Dienste", "in 1 Tag"),
    QT_TRANSLATE_NOOP("Dienste", "in {n} Tagen"),
    QT_TRANSLATE_NOOP(
        "Dienste",
        "Das Zertifikat läuft am {date} ab, vor dem Ende der Bewerbungsfrist am {deadline}: "
        "signieren Sie vorher.",
    ),
    QT_TRANSLATE_NOOP(
        "Dienste", "Name, Funktion und Kommune sind für eine Signaturidentität nötig."
    ),
    QT_TRANSLATE_NOOP(
        "Dienste",
        "Die PKCS#12-Datei lässt sich nicht öffnen: die Passphrase ist falsch oder die Datei ist "
        "beschädigt.",
    ),
    QT_TRANSLATE_NOOP(
        "Dienste", "Die PKCS#12-Datei enthält keinen privaten Schlüssel mit Zertifikat."
    ),
    QT_TRANSLATE_NOOP("Dienste", "Diese Signaturidentität ist schon vorhanden ({id})."),
    QT_TRANSLATE_NOOP("Dienste", "Python-Paket {name} {version}"),
    QT_TRANSLATE_NOOP("Dienste", "Qt-Bibliotheken aus dem Python-Paket {name}"),
    QT_TRANSLATE_NOOP("Dienste", "Schriftdateien: {files}"),
    QT_TRANSLATE_NOOP("Dienste", "Ordner {folder}"),
)
SERVICE_TEXTS += LATER_SERVICE_TEXTS  # the services' sentences added since (ui/service_texts.py)
SERVICE_TEXTS += VERIFY_TEXTS  # the rows of the package verification (ui/verify_texts.py)


@cache
def _service_patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    out = []
    for template in SERVICE_TEXTS:
        if "{" not in template:
            continue
        pattern = ""
        for literal, name, _spec, _conv in string.Formatter().parse(template):
            pattern += re.escape(literal)
            if name:
                pattern += f"(?P<{name}>.+?)"
        out.append((re.compile(f"^{pattern}$", re.DOTALL), template))
    return tuple(out)


_look_up = QCoreApplication.translate
"""`translate` under another name: the texts looked up at run time are not literals, they are
collected from `SERVICE_TEXTS` (lupdate sees only literal ``translate`` calls)."""


def _whole(text: str) -> str | None:
    """`text` in the user's language when it is a sentence or a template of `SERVICE_TEXTS`
    as a whole, else None."""
    translated = _look_up("Dienste", text)
    if translated != text or not text:
        return translated
    for pattern, template in _service_patterns():
        found = pattern.match(text)
        if found is not None:
            values = {k: service_text(v) for k, v in found.groupdict().items()}
            return _look_up("Dienste", template).format(**values)
    return None


def service_text(text: str) -> str:
    """A German sentence of the services in the user's language (see `SERVICE_TEXTS`); several
    sentences are translated one by one."""
    whole = _whole(text)
    if whole is not None:
        return whole
    parts = [p for p in re.split(r"(?<=[.)])\s+(?=[A-ZÄÖÜ])", text) if p]
    if len(parts) > 1:
        return " ".join(service_text(p) for p in parts)
    return text


def service_line(text: str) -> str:
    """A line "subject: sentence" in the user's language, as the Posteingang lists a failed
    check of a package ("Unterzeichnung: Signiert hat …", "ZWK-…pdf: Die Signatur …"): the
    subject and the sentence each through `service_text`, unless the whole line is a text of
    `SERVICE_TEXTS`."""
    whole = _whole(text)
    if whole is not None:
        return whole
    subject, colon, sentence = text.partition(": ")
    if not colon:
        return service_text(text)
    return f"{service_text(subject)}: {service_text(sentence)}"


class DialogFolders:
    """Where the program's file dialogs start: in the user's Documents at first, then in the
    folder last used in any of them. The main window keeps the last one across starts
    (`zwk_desktop.services.window_state.WindowState.folder`)."""

    def __init__(self) -> None:
        self.last: Path | None = None

    def start(self) -> Path:
        if self.last is not None and self.last.is_dir():
            return self.last
        from PySide6.QtCore import QStandardPaths

        documents = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        return Path(documents) if documents and Path(documents).is_dir() else Path.home()

    def used(self, path: Path | str) -> None:
        """A file or folder was chosen: its folder is where the next dialog starts."""
        chosen = Path(path)
        self.last = chosen if chosen.is_dir() else chosen.parent


FOLDERS = DialogFolders()
"""The one place the file dialogs of this program run share."""


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

    def changes_by(self, n: int) -> str:
        """With the placeholder {who} (issue 16's change markers)."""
        return self.tr("%n Änderungen von {who}", None, n)

    def changes_by_others(self, n: int) -> str:
        return self.tr("%n Änderungen der anderen Seite", None, n)

    def suggestions(self, n: int) -> str:
        return self.tr("%n Vorschläge", None, n)

    def open_comments(self, n: int) -> str:
        return self.tr("%n offene Kommentare", None, n)

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


def status_icon_name(errors: int, warnings: int, missing: int = 0) -> str:
    """Red for errors, amber for warnings; missing entries alone get a neutral mark."""
    return "error" if errors else "warning" if warnings else "offen" if missing else "ok"


def status_icon(errors: int, warnings: int, missing: int = 0) -> QIcon:
    """The icon of `status_icon_name` in its own colours (`ui.palette.tinted_icon` gives it
    in the palette's)."""
    return icon(status_icon_name(errors, warnings, missing))


ACCESSIBLE_ROLE = "zwkAccessibleRole"
"""Property of a widget exposed with another role than Qt's default (`set_accessible_role`)."""
COLUMN_MAJOR = "zwkColumnMajor"
"""Property of a QGridLayout whose items are read down the columns (a long group of check
boxes in two columns): Tab follows the columns too."""


class _RoleAccessible(QAccessibleWidget):
    """A widget as assistive technology needs it: a heading label with the role heading
    (AT-SPI "heading", UI Automation's heading), so that a screen reader lists and jumps to it;
    a page as a named grouping (a panel, whose name a screen reader says when the focus enters
    it); a stacked widget as a plain container (not an unnamed "layered pane")."""

    def __init__(self, widget: QWidget, role: QAccessible.Role) -> None:
        super().__init__(widget, role)
        self._widget = widget

    def text(self, t: QAccessible.Text) -> str:
        if t == QAccessible.Text.Name:
            w = self._widget
            raw = w.accessibleName() or (w.text() if isinstance(w, QLabel) else "")
            return raw.replace("&&", "\0").replace("&", "").replace("\0", "&")
        return str(super().text(t))


def _accessible_factory(key: str, obj: QObject) -> QAccessibleInterface | None:
    role = obj.property(ACCESSIBLE_ROLE) if isinstance(obj, QWidget) else None
    if isinstance(obj, QWidget) and role is not None:
        return _RoleAccessible(obj, QAccessible.Role(role))
    return None


@cache
def install_accessibility() -> None:
    """Let `set_accessible_role` take effect (once per process, before the first window)."""
    QAccessible.installFactory(_accessible_factory)


def set_accessible_role(widget: QWidget, role: QAccessible.Role) -> None:
    install_accessibility()
    widget.setProperty(ACCESSIBLE_ROLE, role.value)
    # with a screen reader running, Qt made the widget's interface while constructing it (to
    # announce the new object), before it had its role: replace it
    early = QAccessible.queryAccessibleInterface(widget)
    if early is not None and early.role() != role:
        QAccessible.deleteAccessibleInterface(QAccessible.uniqueId(early))


def heading(text: str, level: int = 2, parent: QWidget | None = None) -> QLabel:
    """A bold heading label; `level` 1 is the page title. Screen readers get it as a heading."""
    label = QLabel(text, parent)
    set_accessible_role(label, QAccessible.Role.Heading)
    label.setWordWrap(True)
    font = label.font()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * {1: 1.45, 2: 1.15, 3: 1.0}[level])
    label.setFont(font)
    label.setAccessibleName(text)
    return label


def fit_to_screen(window: QWidget, width: int, height: int) -> None:
    """Size a dialog or window as wished, but never larger than the screen it opens on (at 200 %
    a 1920×1080 screen has room for 960×540): its lists shrink instead of its buttons
    leaving the screen."""
    screen = window.screen()
    room = screen.availableGeometry() if screen is not None else None
    if room is not None:
        width = min(width, int(room.width() * 0.95))
        height = min(height, int(room.height() * 0.92))
    window.resize(width, height)


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
            lines.append(counting().changes_by(n).format(who=who))
        else:
            lines.append(counting().changes_by_others(n))
    return lines


def count_comments(n: int) -> str:
    """„1 offener Kommentar“, „3 offene Kommentare“ (see `Counting`)."""
    return counting().open_comments(n)
