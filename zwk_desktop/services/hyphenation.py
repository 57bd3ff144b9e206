"""German hyphenation for the PDF without parsing pyphen's dictionary on every export.

reportlab hyphenates with pyphen (``hyphenationLang="de_DE"``). pyphen parses its
``hyph_de_DE.dic`` (66 000 patterns, about half a second) the first time a process asks for
it, which for the command line is every export. `preload` hands pyphen the parsed patterns
from a copy in the user's cache folder (``hyphenation-de_DE.pickle``), written after the first
parse: the very same patterns, so every word hyphenates exactly as before, for reportlab and
for any other code that asks pyphen. The copy is keyed by pyphen's version and the
dictionary's size and date and checked by its SHA-256; it is read with an unpickler that loads
no classes at all (plain dicts, tuples, strings and numbers only). A missing, damaged, stale or
unreadable copy costs one parse and is written anew; a cache folder that cannot be written
costs only the time.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import pickle
from pathlib import Path
from typing import Any

LANG = "de_DE"
MAGIC = b"ZWK-HYPH-1\n"


class _PlainUnpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        raise pickle.UnpicklingError(f"no classes in the hyphenation cache ({module}.{name})")


def cache_file(lang: str = LANG) -> Path:
    """Where the parsed patterns are kept: beside the data of a portable install
    (``ZWK_DATA_DIR``), else in the user's cache folder."""
    from zwk_desktop.locations import APP_AUTHOR, APP_NAME

    override = os.environ.get("ZWK_DATA_DIR")
    if override:
        folder = Path(override) / "cache"
    else:
        import platformdirs

        folder = Path(platformdirs.user_cache_dir(APP_NAME, APP_AUTHOR))
    return folder / f"hyphenation-{lang}.pickle"


def _key(dictionary: Path) -> str:
    import pyphen

    stat = dictionary.stat()
    return f"pyphen {pyphen.__version__} {dictionary.name} {stat.st_size} {stat.st_mtime_ns}"


def _read(path: Path, key: str) -> dict[str, Any] | None:
    try:
        raw = path.read_bytes()
    except OSError:
        return None
    head, _, rest = raw.partition(b"\n\n")
    lines = head.split(b"\n")
    if not raw.startswith(MAGIC) or len(lines) != 3 or lines[1].decode(errors="replace") != key:
        return None
    if hashlib.sha256(rest).hexdigest().encode() != lines[2]:
        return None
    try:
        state = _PlainUnpickler(io.BytesIO(rest)).load()
    except Exception:  # a damaged copy is no copy
        return None
    if not isinstance(state, dict) or not isinstance(state.get("patterns"), dict):
        return None
    if not isinstance(state.get("maxlen"), int):
        return None
    return state


def _plain(hd: Any) -> bool:
    """Whether a parsed dictionary holds only what the cache can keep exactly (no pyphen
    objects for nonstandard hyphenation, no attributes of a newer pyphen)."""
    return set(vars(hd)) == {"patterns", "cache", "maxlen"} and all(
        type(start) is int and all(type(v) is int for v in values)
        for start, values in hd.patterns.values()
    )


def _write(path: Path, key: str, hd: Any) -> None:
    from zwk_desktop.services.atomic import write_atomic

    body = pickle.dumps({"patterns": hd.patterns, "maxlen": hd.maxlen}, protocol=5)
    digest = hashlib.sha256(body).hexdigest()
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, MAGIC + key.encode() + b"\n" + digest.encode() + b"\n\n" + body)


def preload(lang: str = LANG) -> None:
    """Make pyphen's dictionary for `lang` ready in this process, from the cached copy when
    there is a good one (else parse it and keep a copy)."""
    import pyphen

    dictionary = pyphen.LANGUAGES[pyphen.language_fallback(lang)]
    if dictionary in pyphen.hdcache:
        return
    path, key = cache_file(lang), _key(dictionary)
    state = _read(path, key)
    if state is not None:
        hd = pyphen.HyphDict.__new__(pyphen.HyphDict)
        hd.patterns, hd.maxlen, hd.cache = state["patterns"], state["maxlen"], {}
    else:
        hd = pyphen.HyphDict(dictionary)
        if _plain(hd):
            _write(path, key, hd)
    pyphen.hdcache[dictionary] = hd
