"""The About/Licences dialog: program version, data folder, and every bundled component with its
licence, notice and full licence text (Qt's LGPL notice, the fonts, the Destatis data).

Entry points for the main window's Hilfe menu: ``about_action(window)`` builds the menu entry
„Über ZWK Desktop…“ (a ``MenuAction(menu="hilfe", build=about_action)`` of the window's
extensions), ``show_about(parent)`` opens the dialog.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, qVersion
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QWidget

from zwk_desktop import __version__
from zwk_desktop.locations import data_dir
from zwk_desktop.ui.common import fit_to_screen, service_text

if TYPE_CHECKING:  # the licence list pulls in pydantic: loaded when the dialog opens
    from PySide6.QtWidgets import QTreeWidgetItem

    from zwk_desktop.licences import Component, Kind


class AboutDialog(QDialog):
    """Shows what ZWK Desktop is made of and under which licences."""

    def __init__(
        self,
        parent: QWidget | None = None,
        found: Sequence[Component] | None = None,
        user_data: Path | None = None,
    ) -> None:
        # Qt's namespace and the dialog's parts are imported here, not with the module: the
        # window's Hilfe menu imports this module at start-up (Qt's namespace alone costs
        # about 20 ms there)
        import html

        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import (
            QDialogButtonBox,
            QLabel,
            QSplitter,
            QTextBrowser,
            QTreeWidget,
            QVBoxLayout,
        )

        super().__init__(parent)
        self.setWindowTitle(self.tr("Über ZWK Desktop"))
        fit_to_screen(self, 980, 640)
        layout = QVBoxLayout(self)

        title = QLabel(f"<h2>ZWK Desktop {html.escape(__version__)}</h2>")
        title.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(title)
        summary = QLabel(
            self.tr(
                "Bewerbungsbogen „Zukunftswerkstatt Kommunen – Attraktiv im Wandel“ offline "
                "erstellen, prüfen, signieren und versenden. Qt-Version {qt}. Ihre Entwürfe "
                "und Einstellungen liegen im Datenordner:"
            ).format(qt=qVersion())
        )
        summary.setWordWrap(True)
        layout.addWidget(summary)
        self.data_folder = QLabel(str(user_data if user_data is not None else data_dir()))
        self.data_folder.setObjectName("dataFolder")
        self.data_folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.data_folder.setAccessibleName(self.tr("Datenordner"))
        layout.addWidget(self.data_folder)

        self.tree = QTreeWidget()
        self.tree.setObjectName("components")
        self.tree.setHeaderLabels([self.tr("Bestandteil"), self.tr("Version"), self.tr("Lizenz")])
        self.tree.setAccessibleName(self.tr("Bestandteile und ihre Lizenzen"))
        self.tree.setRootIsDecorated(True)
        self.text = QTextBrowser()
        self.text.setObjectName("licenceText")
        self.text.setOpenExternalLinks(False)
        self.text.setAccessibleName(self.tr("Lizenz und Hinweise des gewählten Bestandteils"))
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.tree)
        splitter.addWidget(self.text)
        splitter.setSizes([420, 560])
        layout.addWidget(splitter, 1)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Schließen"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

        from zwk_desktop.licences import LicenceListError, components

        self.tree.currentItemChanged.connect(self._show_current)
        try:
            self.components = list(found) if found is not None else components()
        except LicenceListError as exc:
            self.components = []
            self.text.setPlainText(str(exc))
        self._fill()
        self.tree.setFocus()

    def _fill(self) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QTreeWidgetItem

        groups: dict[str, QTreeWidgetItem] = {}
        first: QTreeWidgetItem | None = None
        titles = self.group_titles()
        for component in self.components:
            label = titles[component.kind]
            group = groups.get(label)
            if group is None:
                group = QTreeWidgetItem([label, "", ""])
                group.setFlags(Qt.ItemFlag.ItemIsEnabled)
                self.tree.addTopLevelItem(group)
                group.setExpanded(True)
                groups[label] = group
            item = QTreeWidgetItem(group, [component.name, component.version, component.licence])
            item.setData(0, Qt.ItemDataRole.UserRole, component)
            item.setToolTip(2, component.licence)
            first = first or item
        for column in range(3):
            self.tree.resizeColumnToContents(column)
        if first is not None:
            self.tree.setCurrentItem(first)

    def group_titles(self) -> dict[Kind, str]:
        """The titles of the component groups (`licences.KIND_LABELS`, in German) in the
        user's language."""
        from zwk_desktop.licences import Kind

        return {
            Kind.APPLICATION: self.tr("Programm"),
            Kind.RUNTIME: self.tr("Laufzeitumgebung"),
            Kind.LIBRARY: self.tr("Python-Bibliotheken"),
            Kind.SYSTEM: self.tr("Systembibliotheken"),
            Kind.FONT: self.tr("Schriften"),
            Kind.DATA: self.tr("Daten"),
        }

    def item_named(self, name: str) -> QTreeWidgetItem | None:
        """The list entry of a component (for tests and for jumping to one)."""
        from PySide6.QtCore import Qt

        found = self.tree.findItems(name, Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive)
        return next((item for item in found if item.parent() is not None), None)

    def _show_current(self, item: QTreeWidgetItem | None, _previous: object = None) -> None:
        from PySide6.QtCore import Qt

        from zwk_desktop.licences import Component

        component = item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None
        if isinstance(component, Component):
            self.text.setHtml(self._describe(component))

    def _describe(self, c: Component) -> str:
        import html

        e = html.escape
        # The labels are translated outside the f-strings: lupdate does not look into them.
        licence, internet, origin = self.tr("Lizenz"), self.tr("Internet"), self.tr("Herkunft")
        parts = [f"<h3>{e(c.name)} {e(c.version)}</h3>"]
        parts.append(f"<p><b>{e(licence)}:</b> {e(c.licence)}</p>")
        if c.url:
            parts.append(f"<p><b>{e(internet)}:</b> {e(c.url)}</p>")
        if c.origin:
            parts.append(f"<p><b>{e(origin)}:</b> {e(service_text(c.origin))}</p>")
        if c.notice:
            parts.append(f"<p>{e(c.notice)}</p>")
        if not c.texts:
            missing = self.tr("Kein Lizenztext mitgeliefert.")
            parts.append(f"<p><i>{e(missing)}</i></p>")
        for text in c.texts:
            parts.append(
                f'<h4>{e(text.title)}</h4><pre style="white-space: pre-wrap">{e(text.text)}</pre>'
            )
        return "".join(parts)


def show_about(parent: QWidget | None = None) -> None:
    """Open the About/Licences dialog modally (Hilfe → Über ZWK Desktop)."""
    AboutDialog(parent).exec()


def about_action(parent: QWidget) -> QAction:
    """The menu entry „Über ZWK Desktop…“ that opens the dialog over `parent`."""
    action = QAction(QCoreApplication.translate("AboutDialog", "Ü&ber ZWK Desktop…"), parent)
    action.setObjectName("aktion:ueber")
    action.setMenuRole(QAction.MenuRole.AboutRole)
    action.triggered.connect(lambda: show_about(parent))
    return action
