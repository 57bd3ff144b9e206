"""A checked form kept ready: the `FormSpec` of a form file, pickled in the user's cache folder.

Loading a form means parsing its YAML and checking every part against the models, which costs
more than anything else a command like ``zwk-desktop validate`` does. The result depends only
on the file and on this program's code, so it is kept: the key is the SHA-256 of the file's
bytes, the program's version, pydantic's version and the size and time of each module of the
form models. A cache that is missing, stale or unreadable is simply ignored (and written anew);
it never replaces the check of a form that changed.

The cache folder is the user's own (``ZWK_CACHE_DIR`` overrides it), trusted like the program's
other per-user files.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from zwk_desktop import __version__

if TYPE_CHECKING:
    from zwk_desktop.formspec.models import FormSpec

FORMAT = 1
"""Version of the cache's own layout."""


def cache_dir() -> Path:
    """The per-user cache folder (override: ``ZWK_CACHE_DIR``)."""
    override = os.environ.get("ZWK_CACHE_DIR")
    if override:
        return Path(override)
    import platformdirs

    from zwk_desktop.locations import APP_AUTHOR, APP_NAME

    return Path(platformdirs.user_cache_dir(APP_NAME, APP_AUTHOR))


def _code_key() -> bytes:
    """What of the program's code the pickled spec depends on."""
    import pydantic

    parts = [f"{FORMAT}|{__version__}|{pydantic.VERSION}"]
    folder = Path(__file__).resolve().parent
    for module in sorted(folder.glob("*.py")):  # absent in a bundle: its version says it all
        with contextlib.suppress(OSError):
            stat = module.stat()
            parts.append(f"{module.name}:{stat.st_size}:{stat.st_mtime_ns}")
    return "|".join(parts).encode("utf-8")


def key(text: str) -> str:
    return hashlib.sha256(_code_key() + b"\0" + text.encode("utf-8")).hexdigest()


def _path(text: str) -> Path:
    return cache_dir() / "formulare" / f"{key(text)}.pickle"


def read(text: str) -> FormSpec | None:
    """The checked spec of this form text, if it was kept; None otherwise."""
    from zwk_desktop.formspec.models import FormSpec

    try:
        content = _path(text).read_bytes()
        spec = pickle.loads(content)
    except Exception:  # missing, unreadable or from other code: load the file instead
        return None
    return spec if isinstance(spec, FormSpec) else None


def write(text: str, spec: FormSpec) -> None:
    """Keep the checked spec (best effort: a cache that cannot be written is no error)."""
    try:
        content = pickle.dumps(spec, protocol=pickle.HIGHEST_PROTOCOL)
        target = _path(text)
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(dir=target.parent, prefix=".formular-")
    except Exception:
        return
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(content)
        os.replace(name, target)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(name)
