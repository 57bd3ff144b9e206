"""Record the accessibility events Qt sends to assistive technology (issue 14).

PySide6 does not bind `QAccessible::installUpdateHandler`; it is called here through ctypes
from the QtGui library PySide6 loaded. While installed, every `QAccessible::updateAccessibility`
(focus, name changes, announcements, ...) reaches the recorder instead of the platform bridge:
exactly what AT-SPI / UI Automation would have been told.
"""

from __future__ import annotations

import ctypes
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import PySide6
import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QAccessibleEvent

_HANDLER = ctypes.CFUNCTYPE(None, ctypes.c_void_p)
_INSTALL = "_ZN11QAccessible20installUpdateHandlerEPFvP16QAccessibleEventE"


def _qtgui() -> ctypes.CDLL:
    lib = Path(PySide6.__file__).parent / "Qt" / "lib"
    candidates = sorted(lib.glob("libQt6Gui.so*")) or sorted(lib.glob("QtGui*"))
    return ctypes.CDLL(str(candidates[0]))


@dataclass
class Seen:
    type: QAccessible.Event
    address: int
    """The C++ address of the object the event is about (compare with `address_of`)."""
    child: int
    message: str | None = None


def address_of(obj: QObject) -> int:
    return int(shiboken6.getCppPointer(obj)[0])


def _object_address(pointer: int) -> int:
    """`QAccessibleEvent::m_object`, read without making a Python wrapper: an object under
    construction would get a wrapper of its base class that then sticks to it."""
    return int(ctypes.c_void_p.from_address(pointer + _OBJECT_OFFSET).value or 0)


_OBJECT_OFFSET = 16
"""After the vtable pointer and the event type (padded to 8 bytes) on 64-bit platforms."""


@dataclass
class Recorder:
    events: list[Seen] = field(default_factory=list)

    def clear(self) -> None:
        self.events.clear()

    def of(self, kind: QAccessible.Event) -> list[Seen]:
        return [e for e in self.events if e.type == kind]

    def about(self, obj: QObject, kind: QAccessible.Event | None = None) -> list[Seen]:
        address = address_of(obj)
        return [e for e in self.events if e.address == address and kind in (None, e.type)]

    def announcements(self) -> list[str]:
        return [e.message or "" for e in self.of(QAccessible.Event.Announcement)]

    def handle(self, pointer: int) -> None:
        event = shiboken6.wrapInstance(pointer, QAccessibleEvent)
        kind = event.type()
        message = None
        if kind == QAccessible.Event.Announcement:
            message = shiboken6.wrapInstance(pointer, QAccessibleAnnouncementEvent).message()
        self.events.append(Seen(kind, _object_address(pointer), event.child(), message))


@contextmanager
def recording() -> Iterator[Recorder]:
    """Accessibility on (as when a screen reader runs) and its events recorded."""
    recorder = Recorder()
    callback = _HANDLER(recorder.handle)
    install = getattr(_qtgui(), _INSTALL)
    was_active = QAccessible.isActive()
    QAccessible.setActive(True)
    install(callback)
    try:
        yield recorder
    finally:
        install(_HANDLER())  # Qt's own handling again
        QAccessible.setActive(was_active)
