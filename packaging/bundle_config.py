"""What goes into the desktop bundle and what stays out: one place for the PyInstaller spec,
the Qt hook override and the tests.

The rules are written so that new code needs no change here: the data folders are bundled
whole, Python packages are found by following the imports, and the export stack (reportlab,
pikepdf, pyHanko, keyring) gets its dynamically loaded parts collected as soon as it is
installed in the build environment.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

APP_NAME = "zwk-desktop"
"""Name of the executable and of the bundle folder."""

BASELINE_NAME = "bare-window"
"""Name of the bare PySide6 one-window bundle that the size and start-up figures compare with."""

DATA_FOLDERS = ("forms", "resources", "examples")
"""Folders of the repository that are copied into the bundle whole (``locations.py`` finds
them beside the program)."""

EXCLUDED_MODULES = (
    # Qt modules the program does not use. QtNetwork in particular: the program works offline,
    # and without the module its TLS and network-information plugins stay out as well.
    "PySide6.QtNetwork",
    "PySide6.QtNetworkAuth",
    "PySide6.QtQml",
    "PySide6.QtQuick",
    "PySide6.QtQuick3D",
    "PySide6.QtQuickControls2",
    "PySide6.QtQuickWidgets",
    "PySide6.QtQuickTest",
    "PySide6.QtQmlFeatures",
    "PySide6.QtLabsStyleKit",
    "PySide6.QtDesigner",
    "PySide6.QtHelp",
    "PySide6.QtUiTools",
    "PySide6.QtTest",
    "PySide6.QtSql",
    "PySide6.QtXml",
    "PySide6.QtConcurrent",
    "PySide6.QtDBus",
    "PySide6.QtOpenGL",
    "PySide6.QtOpenGLWidgets",
    "PySide6.QtWebEngineCore",
    "PySide6.QtWebEngineWidgets",
    "PySide6.QtMultimedia",
    "PySide6.Qt3DCore",
    # Network clients: the program works offline. Only pyHanko's remote signing, time-stamp and
    # revocation fetchers would use them, and the program uses none of those. (aiohttp stays:
    # pyhanko.sign.timestamps imports its client when pyhanko.sign is imported.)
    "requests",
    "urllib3",
    # Parts of libraries the program does not use: lxml beyond etree (pikepdf's XMP needs only
    # that), Pillow's AVIF codec (5 MB) and its Tk and Qt bridges.
    "lxml.objectify",
    "lxml.html",
    "lxml.isoschematron",
    "PIL._avif",
    "PIL.AvifImagePlugin",
    "PIL._imagingtk",
    "PIL.ImageTk",
    "PIL.ImageQt",
    # Debugging tools: fontTools modules import doctest in their self-tests, which would bring
    # pdb and, through it, GNU readline (GPL) into the bundle.
    "doctest",
    "pdb",
    "readline",
    "rlcompleter",
    "pydoc",
    "pydoc_data",
    # Parts of the standard library no program run needs (Tk alone brings Tcl/Tk's data).
    "tkinter",
    "_tkinter",
    "turtle",
    "idlelib",
    "lib2to3",
    "ensurepip",
    "venv",
    "test",
)
"""Modules never bundled. Besides these, `bundle_spec.development_modules()` leaves out every
installed distribution that is not a run-time dependency of zwk-desktop (test, lint and build
tools), derived from the distributions' metadata."""

EXCLUDED_BINARIES = frozenset({"opengl32sw.dll", "d3dcompiler_47.dll"})
"""Shared libraries never bundled (compared case-insensitively by file name): Qt's software
OpenGL renderer for Windows (20 MB) and the Direct3D shader compiler it may pull in. They are
only needed by Qt Quick and OpenGL widgets on PCs without an OpenGL driver; the program's
widgets draw without OpenGL."""

LINUX_DESKTOP_LIBRARIES = re.compile(
    r"^(libX11|libX11-xcb|libXau|libXdmcp|libxcb|libfontconfig|libfreetype|libdbus-1|libsystemd"
    r"|libgcrypt|libgpg-error|libcap|liblz4|libglib-2\.0|libgthread-2\.0|libpcre2-8|libbsd|libmd)"
    r"\.so(\.\d+)*$"
)
"""Linux libraries every desktop has and the bundle takes from the system (file names as
PyInstaller collects them; the hashed copies inside Python wheels do not match). Like
AppImage's exclusion list: a bundled libX11, fontconfig or D-Bus that is older than the
system's configuration and daemons misbehaves, and these come with their own dependencies
(libsystemd, libgcrypt ...). What is often missing on a desktop stays in the bundle: the xcb
utility libraries, xkbcommon, libstdc++."""

# Qt plugins, by "type/stem" (stem without "lib" prefix and extension), kept in the bundle.
# Everything else of a collected plugin type stays out. Not kept on purpose: the GTK platform
# theme (it pulls in libgtk-3 and its whole stack), the XDG portal theme, virtual keyboard
# (Qt Quick), EGL/framebuffer/VNC platforms, and image formats nobody attaches to this form.
KEPT_QT_PLUGINS = frozenset(
    {
        # Windows, X11, Wayland and macOS windows, plus the headless platforms for CI.
        "platforms/qwindows",
        "platforms/qxcb",
        "platforms/qwayland",
        "platforms/qcocoa",
        "platforms/qoffscreen",
        "platforms/qminimal",
        "platforms/darwin/qdarwinsupport",
        "xcbglintegrations/qxcb-egl-integration",
        "xcbglintegrations/qxcb-glx-integration",
        "wayland-shell-integration/xdg-shell",
        "wayland-decoration-client/bradient",
        "wayland-graphics-integration-client/qt-plugin-wayland-egl",
        # Dead keys and input methods (German keyboards on X11 need the compose plugin).
        "platforminputcontexts/composeplatforminputcontextplugin",
        "platforminputcontexts/ibusplatforminputcontextplugin",
        # Windows and macOS styles (the native look on the clerks' PCs).
        "styles/qmodernwindowsstyle",
        "styles/qwindowsvistastyle",
        "styles/qmacstyle",
        # Icons and pictures the program shows.
        "iconengines/qsvgicon",
        "imageformats/qsvg",
        "imageformats/qico",
        "imageformats/qjpeg",
        "imageformats/qgif",
        # Printing through the system's dialog, if the program ever imports QtPrintSupport.
        "printsupport/cupsprintersupport",
    }
)

KEPT_TRANSLATION_LANGUAGES = ("de", "en")
"""Languages kept of Qt's own translations (``qtbase_de.qm`` ...), babel's locale data and
pyphen's hyphenation dictionaries (the PDF hyphenates German text)."""


def plugin_key(dest_dir: str, filename: str) -> str:
    """``("PySide6/Qt/plugins/platforms", "libqxcb.so")`` -> ``"platforms/qxcb"``."""
    parts = dest_dir.replace("\\", "/").split("/")
    plugin_type = "/".join(parts[parts.index("plugins") + 1 :]) if "plugins" in parts else ""
    stem = filename.split(".", 1)[0]
    if stem.startswith("lib"):
        stem = stem[3:]
    return f"{plugin_type}/{stem}"


def keep_qt_plugin(dest_dir: str, filename: str) -> bool:
    return plugin_key(dest_dir, filename) in KEPT_QT_PLUGINS


_TRANSLATION = re.compile(r"^[a-z_]+?_(?P<lang>[a-z]{2})(?:_[A-Za-z]+)?\.qm$")
_BABEL_LOCALE = re.compile(r"^(?P<lang>[a-z]{2,3})(?:_\w+)?\.dat$")
_HYPHENATION = re.compile(r"^(?:README_)?hyph_(?P<lang>[a-z]{2,3})(?:_\w+)?\.(?:dic|txt)$")


def keep_data_file(dest_path: str) -> bool:
    """Whether a data file collected by a hook stays in the bundle (Qt translations, babel
    locales and hyphenation dictionaries are cut to German and English)."""
    path = dest_path.replace("\\", "/")
    name = path.rsplit("/", 1)[-1]
    if "/Qt/translations/" in path or path.startswith("PySide6/translations/"):
        m = _TRANSLATION.match(name)
        return m is not None and m.group("lang") in KEPT_TRANSLATION_LANGUAGES
    if path.startswith("babel/locale-data/"):
        if name == "root.dat":
            return True
        m = _BABEL_LOCALE.match(name)
        return m is not None and m.group("lang") in KEPT_TRANSLATION_LANGUAGES
    if path.startswith("pyphen/dictionaries/"):
        m = _HYPHENATION.match(name)
        return m is not None and m.group("lang") in KEPT_TRANSLATION_LANGUAGES
    return True


@dataclass(frozen=True)
class OptionalPackage:
    """A library of the export stack whose dynamically loaded parts PyInstaller cannot see by
    following imports. Collected only when installed in the build environment."""

    name: str
    submodules: tuple[str, ...] = ()
    """Packages whose submodules are all collected (loaded by name at run time)."""
    skip_submodules: tuple[str, ...] = ()
    """Prefixes of submodules never collected (command-line front ends, test helpers)."""
    metadata: tuple[str, ...] = ()
    """Distributions whose metadata is copied (read through importlib.metadata at run time)."""
    data: bool = False
    """Whether the package's data files are collected."""


OPTIONAL_PACKAGES = (
    # Backends are found through entry points; PyInstaller's keyring hook collects
    # keyring.backends and keyring's metadata. The platform parts they import:
    OptionalPackage("keyring", submodules=("keyring.backends",), metadata=("keyring",)),
    OptionalPackage("secretstorage", submodules=("secretstorage",)),
    OptionalPackage("jeepney", submodules=("jeepney",), skip_submodules=("jeepney.tests",)),
    OptionalPackage(
        "win32ctypes", submodules=("win32ctypes",), skip_submodules=("win32ctypes.tests",)
    ),
    # pikepdf loads its C++ helper modules from the extension and reads its own version.
    OptionalPackage(
        "pikepdf",
        submodules=("pikepdf",),
        skip_submodules=("pikepdf.tests",),
        metadata=("pikepdf",),
    ),
    # pyHanko: signer back ends, stamp styles and certificate validation are partly loaded by
    # name; its CLI (a separate distribution) is never bundled.
    OptionalPackage(
        "pyhanko",
        submodules=("pyhanko.sign", "pyhanko.pdf_utils", "pyhanko.stamp"),
        skip_submodules=(
            "pyhanko.cli",
            "pyhanko_tests",
            # network clients (remote signing, time stamps, trust lists): never used offline
            "pyhanko.sign.signers.csc_signer",
            "pyhanko.sign.timestamps.requests_client",
            "pyhanko.sign.validation.qualified.eutl_fetch",
        ),
        metadata=("pyhanko",),
        data=True,
    ),
    OptionalPackage(
        "pyhanko_certvalidator",
        submodules=("pyhanko_certvalidator",),
        skip_submodules=(
            "pyhanko_certvalidator.fetchers.aiohttp_fetchers",
            "pyhanko_certvalidator.fetchers.requests_fetchers",
        ),
        metadata=("pyhanko-certvalidator",),
    ),
    # reportlab: font metrics and barcode widgets are imported by name. Its own fonts are not
    # needed: the program embeds the fonts from resources/fonts.
    OptionalPackage("reportlab", submodules=("reportlab.pdfbase", "reportlab.graphics.barcode")),
)
