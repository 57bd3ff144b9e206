"""The attachments: „Datei hinzufügen…“ reads a file, judges its type by content, checks its size
and stores its bytes with the draft; name, hash and size are filled in and cannot be edited."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QFileDialog, QMessageBox

from zwk_desktop import oserrors
from zwk_desktop.domain import formatting
from zwk_desktop.domain.attachments import FILE_KIND_LABELS
from zwk_desktop.editing.session import AttachmentRejected
from zwk_desktop.formspec.models import FormField
from zwk_desktop.limits import MAX_ATTACHMENTS, NotAFile, TooLarge, read_bounded
from zwk_desktop.ui.common import FOLDERS, service_text, translate
from zwk_desktop.ui.pages.base import Editor, PageEnv
from zwk_desktop.ui.pages.fields import ReadOnlyEditor
from zwk_desktop.ui.pages.layout import Override
from zwk_desktop.ui.pages.lists import ListEditor


class AttachmentsEditor(ListEditor):
    def __init__(self, env: PageEnv, f: FormField, path: str, label: str) -> None:
        super().__init__(env, f, path, label)

    def add_text(self) -> str:
        return translate("Attachments", "Datei hinzufügen…")

    def add(self) -> None:
        spec = self.session.spec
        kinds = " ".join(
            f"*{ext}" for k in spec.policy.attachment_types.value for ext in _patterns(k)
        )
        name, _ = QFileDialog.getOpenFileName(
            self,
            translate("Attachments", "Anlage hinzufügen"),
            str(FOLDERS.start()),
            translate("Attachments", "Dokumente ({patterns});;Alle Dateien (*)").format(
                patterns=kinds
            ),
        )
        if not name:
            return
        path = Path(name)
        FOLDERS.used(path)
        limit = spec.policy.attachment_max_bytes.value
        try:
            content = read_bounded(path, limit)  # never blocks on a pipe, never reads a device
        except TooLarge as exc:
            self._refuse_size(path.name, exc.size, limit)
            return
        except (OSError, NotAFile) as exc:
            reason = (
                service_text(oserrors.cause(exc))
                if isinstance(exc, OSError)
                else translate("Attachments", "keine gewöhnliche Datei")
            )
            QMessageBox.warning(
                self,
                translate("Attachments", "Datei nicht lesbar"),
                translate(
                    "Attachments", "Die Datei „{name}“ kann nicht gelesen werden ({reason})."
                ).format(name=path.name, reason=reason),
            )
            return
        try:
            index = self.session.add_attachment(path.name, content)
        except AttachmentRejected as exc:
            if exc.reason == "too_large":
                self._refuse_size(path.name, exc.info.size, limit)
            elif exc.reason == "total_too_large":
                total = spec.policy.attachments_max_total_bytes.value
                QMessageBox.warning(
                    self,
                    translate("Attachments", "Anlagen zusammen zu groß"),
                    translate(
                        "Attachments",
                        "Mit der Datei „{name}“ wären alle Anlagen zusammen {size} groß; erlaubt "
                        "sind höchstens {limit}. Mehr lässt sich nicht sicher per E-Mail "
                        "versenden. Bitte verkleinern Sie Anlagen oder entfernen Sie "
                        "verzichtbare.",
                    ).format(
                        name=path.name,
                        size=formatting.size(exc.total),
                        limit=formatting.size(total),
                    ),
                )
            elif exc.reason == "too_many":
                QMessageBox.warning(
                    self,
                    translate("Attachments", "Zu viele Anlagen"),
                    translate(
                        "Attachments",
                        "Die Bewerbung hat schon {count} Anlagen; mehr nimmt sie nicht auf.",
                    ).format(count=MAX_ATTACHMENTS),
                )
            else:
                allowed = ", ".join(FILE_KIND_LABELS[k] for k in spec.policy.attachment_types.value)
                QMessageBox.warning(
                    self,
                    translate("Attachments", "Dateityp nicht erlaubt"),
                    translate(
                        "Attachments",
                        "Die Datei „{name}“ ist keines der erlaubten Formate ({allowed}). "
                        "Geprüft wird der Inhalt der Datei, nicht ihre Endung. Bitte speichern "
                        "Sie das Dokument in einem dieser Formate und fügen Sie es erneut hinzu.",
                    ).format(name=path.name, allowed=allowed),
                )
            return
        self.focus_item(index)

    def _refuse_size(self, name: str, size: int, limit: int) -> None:
        QMessageBox.warning(
            self,
            translate("Attachments", "Datei zu groß"),
            translate(
                "Attachments",
                "Die Datei „{name}“ ist {size} groß; erlaubt sind höchstens {limit} je Anlage. "
                "Bitte verkleinern Sie die Datei, z. B. mit einer geringeren Bildauflösung.",
            ).format(name=name, size=formatting.size(size), limit=formatting.size(limit)),
        )

    def child_override(self, i: int) -> Override:
        layout = self.session.spec.attachments
        item = f"{self.path}[{i}]"

        def file_name(value: Any) -> str:
            info = self.session.file_info(str(self.session.get(f"{item}.{layout.sha256}")))
            if info is None or info.kind is None:
                return str(value)
            return f"{value} ({FILE_KIND_LABELS[info.kind]})"

        def size(value: Any) -> str:
            if isinstance(value, int):
                # the label says „Größe in Bytes“: the bytes first, the readable size beside
                return translate("Attachments", "{bytes} Bytes ({size})").format(
                    size=formatting.size(value), bytes=formatting.number(value)
                )
            return str(value)

        shows: dict[str, Callable[[Any], str]] = {
            layout.file: file_name,
            layout.sha256: str,
            layout.size: size,
        }

        def override(f: FormField, path: str, label: str) -> Editor | None:
            show = shows.get(f.id)
            if show is None:
                return None
            # the file is the user's choice (required, „Pflichtfeld“); hash and size are computed
            return ReadOnlyEditor(self.env, f, path, label, show, supplied=f.id == layout.file)

        return override


def _patterns(kind: str) -> tuple[str, ...]:
    return {"jpeg": (".jpg", ".jpeg")}.get(kind, (f".{kind}",))
