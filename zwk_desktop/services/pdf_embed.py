"""The data inside the PDF: `bewerbung.json` as an associated file, XMP metadata, sRGB intent.

The JSON is embedded as an associated file of the document (``/AF``, AFRelationship ``/Data``,
``application/json``), the XMP packet names title, author, language and PDF/A-3b
identification, and an sRGB output intent is added, so that the file is structurally prepared
for PDF/A-3b (no validator for conformance runs here: we never claim it). The file stays PDF 1.7.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from functools import cache

from zwk_desktop import limits

EMBEDDED_NAME = "bewerbung.json"


@dataclass(frozen=True)
class DocumentInfo:
    title: str
    author: str
    subject: str
    creator: str
    """The program that made the document (Creator, xmp:CreatorTool)."""
    producer: str = ""
    """The last program that writes the file (Producer in the info dictionary and the XMP, which
    must agree): the signing library, which sets it; the creator where nothing signs."""
    keywords: tuple[str, ...] = ()
    language: str = "de-DE"


@cache
def _srgb_profile() -> bytes:
    from PIL import ImageCms

    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))
    data: bytes = profile.tobytes()
    return data


def embed_data(pdf: bytes, json_bytes: bytes, info: DocumentInfo, modified: dt.datetime) -> bytes:
    """The PDF with the JSON embedded, XMP metadata and an sRGB output intent (PDF 1.7)."""
    import pikepdf
    from pikepdf import Array, Dictionary, Name, String
    from pikepdf.models.metadata import encode_pdf_date

    stamp = encode_pdf_date(modified)
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        spec = pikepdf.AttachedFileSpec(
            doc,
            json_bytes,
            filename=EMBEDDED_NAME,
            description="Angaben der Bewerbung, maschinenlesbar (fields.md)",
            mime_type="application/json",
            relationship=Name.Data,
            creation_date=stamp,
            mod_date=stamp,
        )
        doc.attachments[EMBEDDED_NAME] = spec
        doc.Root.AF = Array([spec.obj])
        doc.Root.Lang = String(info.language)
        doc.Root.MarkInfo = Dictionary(Marked=False)
        doc.Root.ViewerPreferences = Dictionary(DisplayDocTitle=True)
        icc = pikepdf.Stream(doc, _srgb_profile())
        icc.N = 3
        doc.Root.OutputIntents = Array(
            [
                Dictionary(
                    Type=Name.OutputIntent,
                    S=Name.GTS_PDFA1,
                    OutputConditionIdentifier=String("sRGB IEC61966-2.1"),
                    Info=String("sRGB IEC61966-2.1"),
                    DestOutputProfile=icc,
                )
            ]
        )
        with doc.open_metadata(set_pikepdf_as_editor=False, update_docinfo=True) as meta:
            meta["dc:title"] = info.title
            meta["dc:creator"] = [info.author]
            meta["dc:description"] = info.subject
            meta["dc:language"] = [info.language]
            meta["pdf:Producer"] = info.producer or info.creator
            meta["xmp:CreatorTool"] = info.creator
            if info.keywords:
                meta["pdf:Keywords"] = ", ".join(info.keywords)
            meta["xmp:CreateDate"] = modified.isoformat()
            meta["xmp:ModifyDate"] = modified.isoformat()
            meta["pdfaid:part"] = "3"
            meta["pdfaid:conformance"] = "B"
        out = io.BytesIO()
        doc.save(out, min_version="1.7", force_version="1.7", fix_metadata_version=False)
    return out.getvalue()


class EmbeddedTooLarge(Exception):
    """The embedded file would inflate to more than the limit (a decompression bomb)."""


class EmbeddedUnreadable(Exception):
    """The embedded file uses a filter this program does not decode (we only write Flate)."""


def embedded_json(pdf: bytes, limit: int = limits.MAX_EMBEDDED_JSON_BYTES) -> bytes | None:
    """The bytes of the embedded `bewerbung.json`, or None when there is none (never writes).

    The stream is decoded here, not by qpdf: only Flate (as we write it), and never to more
    than `limit` bytes (EmbeddedTooLarge), so a doubly deflated bomb costs nothing."""
    import zlib

    import pikepdf

    from zwk_desktop.services.inflate import InflateLimit, inflate

    with pikepdf.open(io.BytesIO(pdf)) as doc:
        spec = doc.attachments.get(EMBEDDED_NAME)
        if spec is None:
            return None
        stream = spec.get_file().obj
        filters = stream.get("/Filter")
        if filters is None:
            chain: list[object] = []
        elif isinstance(filters, pikepdf.Array):
            chain = list(filters)
        else:
            chain = [filters]
        if stream.get("/DecodeParms") is not None or any(
            f != pikepdf.Name.FlateDecode for f in chain
        ):
            raise EmbeddedUnreadable(EMBEDDED_NAME)
        data: bytes = stream.read_raw_bytes()
        if len(data) > limit:
            raise EmbeddedTooLarge(limit)
        for _ in chain:
            try:
                data = inflate(data, limit)
            except InflateLimit:
                raise EmbeddedTooLarge(limit) from None
            except zlib.error:
                raise EmbeddedUnreadable(EMBEDDED_NAME) from None
        return data
