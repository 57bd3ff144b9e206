"""Hostile input for the tests: the cases of issue 15, built from the examples.

`DRAFT_CASES` are draft files (for ``validate`` and ``drafts import``), each with the exit code
and a German phrase the message must contain. `bombs` builds the decompression bombs: a ZIP
attachment whose ``mimetype`` inflates to gigabytes, and a 4 KB PDF whose embedded
``bewerbung.json`` is deflated twice. The mail forgeries are built from a real exported package
(`forged_mails`). ``python -m tests.hostile`` writes the fixed corpus into ``tests/data/hostile``.
"""

from __future__ import annotations

import base64
import copy
import email
import email.policy
import hashlib
import json
import struct
import sys
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from email.message import EmailMessage, Message
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
CORPUS = Path(__file__).resolve().parent / "data" / "hostile"
FORMAT0 = Path(__file__).resolve().parent / "fixtures" / "format-0-lindenhagen.zwk"
MIB = 1024 * 1024


def example() -> dict[str, Any]:
    return json.loads((EXAMPLES / "gemeinde-lindenhagen.zwk").read_text(encoding="utf-8"))


def dumps(envelope: Any) -> bytes:
    return json.dumps(envelope, ensure_ascii=False, indent=1).encode("utf-8")


def _replace_once(text: str, old: str, new: str) -> bytes:
    assert old in text, old
    return text.replace(old, new, 1).encode("utf-8")


def _example_text() -> str:
    return json.dumps(example(), ensure_ascii=False, indent=1)


# --------------------------------------------------------------------------- bombs


def deflate_zeros(mib: int, *, wrapper: bool) -> bytes:
    """A deflate stream of `mib` MiB of zero bytes, built from one fully flushed 1 MiB block
    repeated (fast to make, ~1 KB per MiB); `wrapper` adds the zlib header and checksum."""
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    zeros = bytes(MIB)
    first = c.compress(zeros) + c.flush(zlib.Z_FULL_FLUSH)
    block = c.compress(zeros) + c.flush(zlib.Z_FULL_FLUSH)
    body = first + block * (mib - 1) + c.flush()
    if not wrapper:
        return body
    n = mib * MIB
    adler = ((n % 65521) << 16) | 1  # Adler-32 of n zero bytes
    return b"\x78\xda" + body + struct.pack(">I", adler)


def zip_bomb(mib: int = 2048) -> bytes:
    """A ZIP whose only entry ``mimetype`` inflates to `mib` MiB (what an ODT check reads)."""
    body = deflate_zeros(mib, wrapper=False)
    name = b"mimetype"
    size = mib * MIB if mib * MIB < 2**32 else 0xFFFFFFFF
    crc = 0  # never reached: the damage is done while inflating
    local = struct.pack(
        "<4sHHHHHIIIHH", b"PK\x03\x04", 20, 0, 8, 0, 0, crc, len(body), size, len(name), 0
    )
    central = struct.pack(
        "<4sHHHHHHIIIHHHHHII",
        b"PK\x01\x02", 20, 20, 0, 8, 0, 0, crc, len(body), size, len(name), 0, 0, 0, 0, 0, 0,
    )  # fmt: skip
    local += name
    central += name
    end = struct.pack(
        "<4sHHHHIIH", b"PK\x05\x06", 0, 0, 1, 1, len(central), len(local) + len(body), 0
    )
    return local + body + central + end


def bzip2_zip_bomb(mib: int = 1024) -> bytes:
    """A ZIP whose ``mimetype`` is bzip2-compressed: under 1 KB per GiB of zeros."""
    import bz2

    c = bz2.BZ2Compressor(9)
    body = b"".join(c.compress(bytes(MIB)) for _ in range(mib)) + c.flush()
    name = b"mimetype"
    size = min(mib * MIB, 0xFFFFFFFE)
    local = (
        struct.pack(
            "<4sHHHHHIIIHH", b"PK\x03\x04", 46, 0, 12, 0, 0, 0, len(body), size, len(name), 0
        )
        + name
    )
    central = struct.pack(
        "<4sHHHHHHIIIHHHHHII",
        b"PK\x01\x02", 46, 46, 0, 12, 0, 0, 0, len(body), size, len(name), 0, 0, 0, 0, 0, 0,
    ) + name  # fmt: skip
    end = struct.pack(
        "<4sHHHHIIH", b"PK\x05\x06", 0, 0, 1, 1, len(central), len(local) + len(body), 0
    )
    return local + body + central + end


def with_attachment(envelope: dict[str, Any], content: bytes, name: str) -> dict[str, Any]:
    """The envelope with one more attachment (art sonstiges) carrying `content`."""
    out = copy.deepcopy(envelope)
    sha = hashlib.sha256(content).hexdigest()
    out.setdefault("files", {})[sha] = base64.b64encode(content).decode("ascii")
    out["data"]["anlagen"].append(
        {"art": "sonstiges", "titel": name, "datei": name, "sha256": sha, "groesse": len(content)}
    )
    return out


def pdf_with_embedded(stream: bytes, filters: str = "[/FlateDecode /FlateDecode]") -> bytes:
    """A minimal PDF with `stream` (already encoded) embedded as ``bewerbung.json``."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles 4 0 R >> >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
        b"<< /Names [(bewerbung.json) 5 0 R] >>",
        b"<< /Type /Filespec /F (bewerbung.json) /UF (bewerbung.json) /EF << /F 6 0 R >> >>",
        b"<< /Type /EmbeddedFile /Subtype /application#2Fjson /Filter "
        + filters.encode()
        + b" /Length "
        + str(len(stream)).encode()
        + b" >>\nstream\n"
        + stream
        + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return bytes(out)


def pdf_bomb(gib: int = 4) -> bytes:
    """A few kilobytes of PDF whose embedded file inflates to `gib` GiB (deflated twice)."""
    once = deflate_zeros(gib * 1024, wrapper=True)
    return pdf_with_embedded(zlib.compress(once, 9))


# --------------------------------------------------------------------------- draft cases


@dataclass(frozen=True)
class Case:
    name: str
    build: Callable[[], bytes]
    exit_code: int
    """validate's exit code: 2 unreadable, 1 findings."""
    phrase: str
    """A German phrase of the message (stderr for exit 2, stdout for findings)."""
    import_code: int = 2


def _nested(levels: int) -> bytes:
    return _replace_once(
        _example_text(), '"einwohner": 2418', '"einwohner": ' + "[" * levels + "1" + "]" * levels
    )


def _envelope_with(**changes: Any) -> Callable[[], bytes]:
    def build() -> bytes:
        env = example()
        for key, value in changes.items():
            env[key] = value
        return dumps(env)

    return build


def _form(**changes: str) -> Callable[[], bytes]:
    def build() -> bytes:
        env = example()
        env["form"].update(changes)
        return dumps(env)

    return build


def _format0_amount() -> bytes:
    env = json.loads(FORMAT0.read_text(encoding="utf-8"))
    env["data"]["finanzplan"]["posten"][0]["betraege"]["2022"] = 10**30
    return dumps(env)


def _many_anlagen(count: int, item: dict[str, Any]) -> Callable[[], bytes]:
    def build() -> bytes:
        env = example()
        env["data"]["anlagen"] = [item] * count
        return json.dumps(env, separators=(",", ":")).encode("utf-8")

    return build


def _zip_bomb_draft() -> bytes:
    return dumps(with_attachment(example(), bzip2_zip_bomb(1024), "bombe.odt"))


DRAFT_CASES: tuple[Case, ...] = (
    Case(
        "lone-surrogate.zwk",
        lambda: _replace_once(_example_text(), "Lindenhagen am See", "Lindenhagen \\ud800"),
        2,
        "ungültiges Zeichen",
    ),
    Case("nesting-500.zwk", lambda: _nested(500), 2, "verschachtelt"),
    Case("nesting-980.zwk", lambda: _nested(980), 2, "verschachtelt"),
    Case("format0-amount-1e30.zwk", _format0_amount, 1, "Höchstgrenze", import_code=0),
    Case(
        "number-1e999.zwk",
        lambda: _replace_once(_example_text(), '"einwohner": 2418', '"einwohner": 1e999'),
        2,
        "unendlich",
    ),
    Case(
        "nan.zwk",
        lambda: _replace_once(_example_text(), '"einwohner": 2418', '"einwohner": NaN'),
        2,
        "NaN",
    ),
    Case(
        "infinity.zwk",
        lambda: _replace_once(_example_text(), '"flaeche_km2": 86.4', '"flaeche_km2": -Infinity'),
        2,
        "Infinity",
    ),
    Case(
        "duplicate-key.zwk",
        lambda: _replace_once(
            _example_text(), '"einwohner": 2418', '"einwohner": 2418, "einwohner": 9999999'
        ),
        2,
        "„einwohner“ steht zweimal",
    ),
    Case(
        "unknown-top-level-key.zwk",
        _envelope_with(lineage={"parent": "x"}),
        2,
        "„lineage“",
    ),
    Case("format-version-text.zwk", _envelope_with(format_version="1"), 2, "ein Text"),
    Case("format-version-float.zwk", _envelope_with(format_version=1.0), 2, "eine Kommazahl"),
    Case("format-version-true.zwk", _envelope_with(format_version=True), 2, "ein Wahrheitswert"),
    Case("form-id-traversal.zwk", _form(id="../../etc/passwd"), 2, "nicht enthalten"),
    Case("form-version-9.zwk", _form(version="9"), 2, "nicht enthalten"),
    Case("anlagen-100000.zwk", _many_anlagen(100_000, {}), 2, "zu viele"),
    Case(
        "anlagen-3000.zwk",
        _many_anlagen(
            3000,
            {"art": "sonstiges", "titel": "x", "datei": "x.pdf", "sha256": "0" * 64, "groesse": 1},
        ),
        1,
        "höchstens 50",
        import_code=0,
    ),
    Case(
        "double-bom.zwk",
        lambda: b"\xef\xbb\xbf\xef\xbb\xbf" + dumps(example()),
        2,
        "zwei Byte-Order-Markierungen",
    ),
    Case("zip-bomb-attachment.zwk", _zip_bomb_draft, 1, "Die Anlage „bombe.odt“", import_code=0),
)


# --------------------------------------------------------------------------- forged mails


def _attachment(name: str, content: bytes, maintype: str, subtype: str) -> Message:
    part = EmailMessage(policy=email.policy.SMTP)
    part.set_content(content, maintype=maintype, subtype=subtype, filename=name)
    return part


def package_part_names(mail: bytes) -> tuple[str, str]:
    """The names of the application's JSON and PDF among a package mail's attachments
    (``ZWK-Bewerbung_<AGS>_<Kommune>.json``/``.pdf`` since issue 11, ``bewerbung.json``/``.pdf``
    before)."""
    msg = email.message_from_bytes(mail, policy=email.policy.SMTP)
    assert isinstance(msg, EmailMessage)
    names = [str(p.get_filename()) for p in msg.iter_parts() if p.get_filename()]
    pdf = next(n for n in names if n.endswith(".pdf") and "_Anlage-" not in n)
    json_name = pdf.removesuffix(".pdf") + ".json"
    assert json_name in names, names
    return json_name, pdf


def forged_mails(mail: bytes) -> dict[str, bytes]:
    """Forgeries of a real package mail, each of which mail programs show differently from
    what was signed: a forged application JSON (Einwohner 9999) before the real one, a fake
    PDF before the real one, an attachment not in the manifest, a forged file nested in a
    second multipart, and an attachment without a name."""
    msg = email.message_from_bytes(mail, policy=email.policy.SMTP)
    assert isinstance(msg, EmailMessage)
    parts = list(msg.iter_parts())
    json_name, pdf_name = package_part_names(mail)
    real_json = next(p for p in parts if p.get_filename() == json_name)
    forged = json.loads(real_json.get_content())
    forged["data"]["kommune"]["einwohner"] = 9999
    forged_json = json.dumps(forged, ensure_ascii=False, indent=2).encode("utf-8")

    def variant(insert: list[Message], at_name: str | None = json_name) -> bytes:
        copy_ = email.message_from_bytes(mail, policy=email.policy.SMTP)
        assert isinstance(copy_, EmailMessage)
        payload = copy_.get_payload()
        assert isinstance(payload, list)
        index = len(payload)
        if at_name is not None:
            index = next(i for i, p in enumerate(payload) if p.get_filename() == at_name)
        payload[index:index] = insert
        return copy_.as_bytes()

    nested = EmailMessage(policy=email.policy.SMTP)
    nested.make_mixed()
    nested.attach(_attachment(json_name, forged_json, "application", "json"))
    unnamed = EmailMessage(policy=email.policy.SMTP)
    unnamed.set_content(b"%PDF-1.7 fake", maintype="application", subtype="pdf")
    unnamed.add_header("Content-Disposition", "attachment")
    return {
        "mail-duplicate-json.eml": variant(
            [_attachment(json_name, forged_json, "application", "json")]
        ),
        "mail-duplicate-pdf.eml": variant(
            [_attachment(pdf_name, b"%PDF-1.7\n% forged\n", "application", "pdf")],
            pdf_name,
        ),
        "mail-extra-attachment.eml": variant(
            [_attachment("rechnung.pdf", b"%PDF-1.7\n% extra\n", "application", "pdf")], None
        ),
        "mail-nested-forgery.eml": variant([nested], None),
        "mail-unnamed-part.eml": variant([unnamed], None),
    }


def write_corpus(folder: Path = CORPUS) -> list[Path]:
    """Write every draft case and the PDF bomb into `folder` (the committed corpus)."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for case in DRAFT_CASES:
        path = folder / case.name
        path.write_bytes(case.build())
        written.append(path)
    bomb = folder / "pdf-bomb-package"
    bomb.mkdir(exist_ok=True)
    (bomb / "bewerbung.pdf").write_bytes(pdf_bomb())
    (bomb / "manifest.json").write_bytes(
        dumps({"format": "zwk-package", "format_version": 1, "files": []})
    )
    written.append(bomb)
    return written


if __name__ == "__main__":  # python -m tests.hostile
    for path in write_corpus(Path(sys.argv[1]) if len(sys.argv) > 1 else CORPUS):
        print(path)
