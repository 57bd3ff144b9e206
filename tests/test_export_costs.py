"""What an export no longer pays every time (issue 12): pyphen's dictionary parse, the import of
aiohttp, a second load of the RSA key. Each without changing the result."""

from __future__ import annotations

import pickle
import subprocess
import sys
import textwrap
from pathlib import Path

import pyphen
import pytest
from export_helpers import NOW, never_ask, new_store

from zwk_desktop.services import hyphenation

WORDS = [
    "Bevölkerungsentwicklung",
    "Zukunftswerkstatt",
    "Gemeindevertretung",
    "Unterstützungsschreiben",
    "Donaudampfschifffahrtsgesellschaft",
    "Verwaltungsspitze",
    "Öffentlichkeitsarbeit",
    "Mitgliedskommunen",
]


@pytest.fixture(scope="module")
def parsed() -> tuple[object, bytes]:
    """pyphen's own parse of the dictionary, and a good cached copy of it (made once)."""
    import os
    import tempfile

    path = pyphen.LANGUAGES[pyphen.language_fallback(hyphenation.LANG)]
    reference = pyphen.HyphDict(path)
    with tempfile.TemporaryDirectory() as folder:
        old = os.environ.get("ZWK_DATA_DIR")
        os.environ["ZWK_DATA_DIR"] = folder
        try:
            hyphenation._write(hyphenation.cache_file(), hyphenation._key(path), reference)
            good = hyphenation.cache_file().read_bytes()
        finally:
            if old is None:
                del os.environ["ZWK_DATA_DIR"]
            else:
                os.environ["ZWK_DATA_DIR"] = old
    return reference, good


def _fresh_pyphen(monkeypatch: pytest.MonkeyPatch) -> Path:
    """Forget what this process has parsed; returns the dictionary's path."""
    path = pyphen.LANGUAGES[pyphen.language_fallback(hyphenation.LANG)]
    monkeypatch.setattr(pyphen, "hdcache", {})
    return path


def test_the_cached_patterns_hyphenate_exactly_like_a_fresh_parse(
    monkeypatch: pytest.MonkeyPatch, parsed: tuple[object, bytes]
) -> None:
    reference: object = parsed[0]
    path = _fresh_pyphen(monkeypatch)
    hyphenation.preload()  # parses and writes the copy
    assert hyphenation.cache_file().exists()
    _fresh_pyphen(monkeypatch)
    parsed = []

    def no_parse(self: object, path: object) -> None:
        parsed.append(path)
        raise AssertionError("the dictionary was parsed again")

    with monkeypatch.context() as m:
        m.setattr(pyphen.HyphDict, "__init__", no_parse)
        hyphenation.preload()  # from the copy: no parse
    cached = pyphen.hdcache[path]
    assert parsed == []
    assert cached.patterns == reference.patterns  # type: ignore[attr-defined]
    assert cached.maxlen == reference.maxlen  # type: ignore[attr-defined]
    for word in WORDS:
        assert cached.positions(word) == reference.positions(word)  # type: ignore[attr-defined]
        assert "-" in pyphen.Pyphen(lang="de_DE").inserted(word)  # reportlab's way to ask


@pytest.mark.parametrize(
    "damage",
    [
        lambda raw: raw[:-500],
        lambda raw: raw.replace(b"pyphen", b"pyphon", 1),
        lambda raw: raw[:600] + b"\x00" * 40 + raw[640:],
    ],
    ids=["cut", "other-version", "garbled"],
)
def test_a_damaged_copy_is_parsed_again_and_rewritten(
    monkeypatch: pytest.MonkeyPatch, damage: object, parsed: tuple[object, bytes]
) -> None:
    reference, good = parsed
    path = _fresh_pyphen(monkeypatch)
    copy = hyphenation.cache_file()
    copy.parent.mkdir(parents=True, exist_ok=True)
    copy.write_bytes(damage(good))  # type: ignore[operator]
    hyphenation.preload()
    assert pyphen.hdcache[path].patterns == reference.patterns  # type: ignore[attr-defined]
    assert copy.read_bytes() == good


def test_a_hostile_copy_runs_no_code(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, parsed: tuple[object, bytes]
) -> None:
    """A copy whose checksum matches but which asks to call a function (what a planted pickle
    does) is refused: the unpickler loads no classes or functions at all."""
    path = _fresh_pyphen(monkeypatch)
    copy = hyphenation.cache_file()
    copy.parent.mkdir(parents=True, exist_ok=True)
    copy.write_bytes(parsed[1])
    marker = tmp_path / "pwned"

    class Evil:
        def __reduce__(self) -> tuple[object, tuple[str]]:
            return (Path.touch, (str(marker),))  # type: ignore[return-value]

    body = pickle.dumps({"patterns": Evil(), "maxlen": 3})
    import hashlib

    key = copy.read_bytes().split(b"\n")[1]
    digest = hashlib.sha256(body).hexdigest().encode()
    copy.write_bytes(hyphenation.MAGIC + key + b"\n" + digest + b"\n\n" + body)
    _fresh_pyphen(monkeypatch)
    hyphenation.preload()
    assert not marker.exists()
    assert len(pyphen.hdcache[path].patterns) > 60000


def test_an_unwritable_cache_folder_costs_only_time(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("x")
    monkeypatch.setenv("ZWK_DATA_DIR", str(blocked))
    path = _fresh_pyphen(monkeypatch)
    hyphenation.preload()
    assert path in pyphen.hdcache


SIGN_IN_FRESH_PROCESS = """
import sys
sys.path.insert(0, {tests!r})
from export_helpers import NOW, new_store, never_ask
from pathlib import Path
import tempfile
from zwk_desktop.services.pdf import SignaturePlace, render_pdf
from zwk_desktop.formspec import get_form
from zwk_desktop.domain.draft import normalize
from export_helpers import ready_draft
from zwk_desktop.services import signing

store = new_store(Path(tempfile.mkdtemp()))
key = store.unlock(store.create_self_signed("A B", "C", "D", "", never_ask), never_ask)
spec = get_form()
rendered = render_pdf(spec, normalize(spec, ready_draft().data), created=NOW)
signed = signing.sign_pdf(rendered.content, key, rendered.signature_place, ort="X", when=NOW)
assert signing.check_pdf(signed).ok
print("aiohttp" in sys.modules, "fontTools" in sys.modules)
from pyhanko.sign.timestamps import HTTPTimeStamper
stamper = HTTPTimeStamper("http://127.0.0.1:9/")
print(type(stamper).__module__, "aiohttp" in sys.modules)
"""


def test_signing_does_not_import_aiohttp_but_a_time_stamper_still_works() -> None:
    code = SIGN_IN_FRESH_PROCESS.format(tests=str(Path(__file__).parent))
    out = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    ).stdout.split("\n")
    assert out[0] == "False False", "aiohttp or fontTools imported for an offline signature"
    assert out[1] == "pyhanko.sign.timestamps.aiohttp_client True"


def test_the_private_key_is_not_loaded_again_for_the_signature(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """pyHanko's SimpleSigner would load the key from DER for every signature (a second RSA
    key check); ours signs with the key already in memory."""
    from cryptography.hazmat.primitives import serialization
    from pyhanko.sign.signers import pdf_cms

    from zwk_desktop.formspec import get_form
    from zwk_desktop.services import signing
    from zwk_desktop.services.pdf import render_pdf

    store = new_store(tmp_path)
    key = store.unlock(store.create_self_signed("A B", "C", "D", "", never_ask), never_ask)
    spec = get_form()
    from export_helpers import ready_draft

    from zwk_desktop.domain.draft import normalize

    rendered = render_pdf(spec, normalize(spec, ready_draft().data), created=NOW)
    loads: list[bytes] = []
    real = serialization.load_der_private_key

    def counting(data: bytes, *args: object, **kwargs: object) -> object:
        loads.append(data)
        return real(data, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(pdf_cms.serialization, "load_der_private_key", counting)
    assert rendered.signature_place is not None
    signed = signing.sign_pdf(rendered.content, key, rendered.signature_place, ort="Ort", when=NOW)
    assert loads == []
    assert signing.check_pdf(signed).ok


def test_a_pdf_without_our_field_still_gets_a_visible_stamp(tmp_path: Path) -> None:
    """sign_pdf on any other PDF draws the lines into the field's own appearance."""
    import io

    import pikepdf
    from reportlab.pdfgen.canvas import Canvas

    from zwk_desktop.services import signing
    from zwk_desktop.services.pdf import SignaturePlace

    store = new_store(tmp_path)
    key = store.unlock(
        store.create_self_signed("Ute Ohnefeld", "Kämmerin", "D", "", never_ask), never_ask
    )
    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    canvas.drawString(100, 700, "Ein fremdes PDF")
    canvas.save()
    signed = signing.sign_pdf(
        buffer.getvalue(), key, SignaturePlace(0, (100, 400, 350, 480)), ort="Ort", when=NOW
    )
    assert signing.check_pdf(signed).ok
    with pikepdf.open(io.BytesIO(signed)) as pdf:
        widget = pdf.Root.AcroForm.Fields[0]
        appearance = widget.AP.N
        ops = {str(op) for _, op in pikepdf.parse_content_stream(appearance)}
        assert "Do" in ops or "Tj" in ops or "TJ" in ops
