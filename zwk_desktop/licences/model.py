"""The licence list as data: one `Component` per bundled piece of software, font or data set."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field


class Kind(StrEnum):
    """What a component is; the About dialog groups and labels by it."""

    APPLICATION = "application"
    RUNTIME = "runtime"
    LIBRARY = "library"
    SYSTEM = "system"
    FONT = "font"
    DATA = "data"


KIND_ORDER = tuple(Kind)
"""Order of the groups in the list: the program, its runtime, libraries, system libraries,
fonts, data."""

KIND_LABELS = {
    Kind.APPLICATION: "Programm",
    Kind.RUNTIME: "Laufzeitumgebung",
    Kind.LIBRARY: "Python-Bibliotheken",
    Kind.SYSTEM: "Systembibliotheken",
    Kind.FONT: "Schriften",
    Kind.DATA: "Daten",
}
"""German group titles (command line and About dialog)."""


class LicenceText(BaseModel):
    """One licence or notice document of a component, verbatim."""

    model_config = ConfigDict(frozen=True)

    title: str = Field(description="Where the text comes from, e.g. the file name.")
    text: str = Field(description="The text, unchanged.")


class Component(BaseModel):
    """A bundled component with its licence."""

    model_config = ConfigDict(frozen=True)

    name: str = Field(description="Name as its authors spell it.")
    version: str = Field(default="", description="Version or data date; empty if it has none.")
    licence: str = Field(description="Licence: an SPDX expression where one exists, else its name.")
    kind: Kind
    url: str = Field(default="", description="Home page of the component or its licence.")
    notice: str = Field(
        default="",
        description="A notice the licence asks to show: Qt's LGPL notice, a data set's "
        "attribution, a font's copyright line.",
    )
    origin: str = Field(
        default="",
        description="Where the bundled copy comes from (distribution, Debian package, files).",
    )
    texts: tuple[LicenceText, ...] = Field(default=(), description="Full licence texts.")


class Manifest(BaseModel):
    """The code components of a built bundle, written at build time into the bundle."""

    model_config = ConfigDict(frozen=True)

    components: tuple[Component, ...]
