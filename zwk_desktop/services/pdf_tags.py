"""Tagged PDF (PDF/UA-1): marked content while reportlab draws, the structure tree afterwards.

reportlab writes no marked content by itself. This module adds it in three steps, and nothing
else in the program writes content-stream operators for tagging:

1. **Declare** what each flowable is, when the layout builds it. Most of it is automatic:
   `story(flowables, headings=...)` marks every paragraph of the story as a ``P``, or as a
   heading when its style is named in `headings` (style name → rank: 1 for the title, 2 for a
   section, …); spacers and page breaks draw nothing; the contents of a ``KeepTogether`` are
   visited. What only the layout knows is said explicitly, on the flowable, before `story`
   sees it:

   - ``table(t, header_rows=1)``: a ``Table`` with ``TR``/``TH``/``TD``; ``header_cols=1``
     for label/value tables, ``row_headers=[(row, col), …]`` for single header cells such as
     a total row's label. Header rows that reportlab repeats after a page break are artifacts.
   - ``as_list(t, labels=[…])``: a two-column table that is really a list: ``L``/``LI`` with
     the first column as ``Lbl`` (with the given alternative text) and the second as ``LBody``.
   - ``figure(f, alt)``: a drawing or image as a ``Figure`` with ``/Alt`` and a bounding box.
   - ``paragraph(p, role="P", lang=None)``: any other role, or a fragment in another language
     (``lang="en"`` puts ``/Lang`` on the element).
   - ``artifact(f)``: decoration that is not content at all.
   - ``grid(t)``: a table that only places its cells (the paper print's signature lines beside
     its QR code): no ``Table`` element, each cell's flowables tagged like a story's.

   A flowable of another kind that draws (an image, a custom flowable) makes `story` raise:
   declare it, or let it draw its own tags (next step). Nothing is tagged twice.

2. **Draw.** A flowable that draws on the canvas itself (a signature box, a page decoration)
   uses the context managers around its drawing calls::

       with pdf_tags.marked(canv, caption_element):      # content: an element of the tree
           canv.drawString(0, 0, "Elektronische Signatur")
       with pdf_tags.artifact_on(canv, "Pagination", "Footer"):   # not content
           canv.drawRightString(x, y, "Seite 1 von 3")

   and ``form_field(canv, name, tooltip, box)`` leaves an empty signature field there, tagged
   as ``Form`` (``/TU`` = `tooltip`). Its class derives from `OwnTags` so that `story` accepts
   it. Such calls only mark when the canvas carries a `Recorder` (``recorder.install(canv)``);
   on any other canvas they draw exactly as before, so tagging never changes the look.

3. **Complete**: ``recorder.complete(pdf_bytes, title=…)`` opens the file reportlab wrote (with
   pikepdf), adds the structure tree (``Document`` at the root, in drawing order, which is the
   reading order), the ParentTree and every page's ``/StructParents``, the signature field,
   ``/MarkInfo``, ``DisplayDocTitle``, ``/Tabs /S`` and XMP with ``pdfuaid:part=1``.

A new printout (e.g. another print version) thus needs: a `Recorder`, installed on its canvas;
``story(...)`` over its flowables with explicit `table`/`figure` declarations; page decorations
inside `artifact_on`; and `complete` on the bytes. The tests walk the result with pikepdf.
"""

from __future__ import annotations

import io
import warnings
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from reportlab.pdfgen.canvas import Canvas
    from reportlab.platypus import Flowable, Table

F = TypeVar("F", bound="Flowable")
T = TypeVar("T", bound="Table")


@dataclass(eq=False)
class Element:
    """A structure element: role (``P``, ``TD``, …; ``H`` with a rank becomes ``H1``…``H6``)."""

    role: str
    parent: Element | None = None
    alt: str | None = None
    lang: str | None = None
    attributes: dict[str, Any] = field(default_factory=dict)
    """Entries of the element's attribute object (``/A``), e.g. ``{"O": "Table", "Scope":
    "Column"}``; the owner ``O`` names the kind."""
    rank: int = 0
    kids: list[Element | _Mark | _Field] = field(default_factory=list)
    attached: bool = False


def heading(rank: int) -> Element:
    """A heading whose level is its rank, lowered where a level would be skipped."""
    return Element("H", rank=rank)


@dataclass(frozen=True)
class _Mark:
    page: int
    mcid: int


@dataclass
class _Field:
    """An empty signature field that `complete` adds as a widget annotation."""

    name: str
    tooltip: str
    page: int
    box: tuple[float, float, float, float]


class Recorder:
    """Collects the elements and marked-content ids of one document while it is drawn."""

    def __init__(self) -> None:
        self.root = Element("Document", attached=True)
        self._mcids: dict[int, list[Element]] = {}
        self._open: Element | str | None = None
        self._last_level = 0
        self.fields: list[_Field] = []

    def install(self, canvas: Canvas) -> None:
        """Make drawing on this canvas record tags (call in the canvas's ``__init__``)."""
        canvas._pdf_tags = self  # type: ignore[attr-defined]  # our own attribute

    # ------------------------------------------------------------------ while drawing

    def attach(self, element: Element) -> None:
        """Put the element into the tree (once), after what is already there: the tree
        grows in drawing order."""
        if element.attached:
            return
        parent = element.parent or self.root
        self.attach(parent)
        if element.role == "H":
            level = max(1, min(element.rank, self._last_level + 1, 6))
            element.role = f"H{level}"
            self._last_level = level
        parent.kids.append(element)
        element.attached = True

    def begin(self, canvas: Canvas, element: Element) -> None:
        if self._open is not None:
            raise RuntimeError(f"marked content cannot nest: {element.role} in {self._open}")
        self.attach(element)
        page = canvas.getPageNumber() - 1
        ids = self._mcids.setdefault(page, [])
        element.kids.append(_Mark(page, len(ids)))
        canvas.addLiteral(f"/{element.role} <</MCID {len(ids)}>> BDC")
        ids.append(element)
        self._open = element

    def begin_artifact(self, canvas: Canvas, kind: str | None, subtype: str | None) -> None:
        if self._open is not None:
            raise RuntimeError(f"an artifact cannot lie inside {self._open}")
        props = f"/Type /{kind}" if kind else ""
        if subtype:
            props += f" /Subtype /{subtype}"
        canvas.addLiteral(f"/Artifact <<{props}>> BDC" if props else "/Artifact BMC")
        self._open = "Artifact"

    def end(self, canvas: Canvas) -> None:
        canvas.addLiteral("EMC")
        self._open = None

    def form_field(self, canvas: Canvas, name: str, tooltip: str, box: Sequence[float]) -> None:
        element = Element("Form")
        self.attach(element)
        x0, y0, x1, y1 = box
        spec = _Field(name, tooltip, canvas.getPageNumber() - 1, (x0, y0, x1, y1))
        element.kids.append(spec)
        self.fields.append(spec)

    # ------------------------------------------------------------------ afterwards

    def complete(self, pdf: bytes, *, title: str, language: str = "de-DE") -> bytes:
        """The PDF with its structure tree, ParentTree, fields and PDF/UA metadata."""
        import pikepdf
        from pikepdf import Array, Dictionary, Name, String

        with pikepdf.open(io.BytesIO(pdf)) as doc:
            pages = [p.obj for p in doc.pages]
            parents: dict[int, list[Any]] = {p: [None] * len(ids) for p, ids in self._mcids.items()}
            widgets: list[tuple[Any, Any]] = []
            tree_root = doc.make_indirect(Dictionary(Type=Name.StructTreeRoot))

            def build(element: Element, parent: Any) -> Any:
                obj = doc.make_indirect(
                    Dictionary(Type=Name.StructElem, S=Name("/" + element.role), P=parent)
                )
                if element.alt is not None:
                    obj.Alt = String(element.alt)
                if element.lang:
                    obj.Lang = String(element.lang)
                if element.attributes:
                    obj.A = Dictionary(
                        {f"/{k}": _pdf_value(v) for k, v in element.attributes.items()}
                    )
                marks = [k for k in element.kids if isinstance(k, _Mark)]
                home = marks[0].page if marks else None
                if home is not None:
                    obj.Pg = pages[home]
                kids = Array()
                for kid in element.kids:
                    if isinstance(kid, Element):
                        kids.append(build(kid, obj))
                    elif isinstance(kid, _Mark):
                        parents[kid.page][kid.mcid] = obj
                        if kid.page == home:
                            kids.append(kid.mcid)
                        else:
                            kids.append(
                                Dictionary(Type=Name.MCR, Pg=pages[kid.page], MCID=kid.mcid)
                            )
                    else:
                        annot = _widget(doc, kid, pages[kid.page])
                        widgets.append((annot, obj))
                        kids.append(Dictionary(Type=Name.OBJR, Obj=annot, Pg=pages[kid.page]))
                obj.K = kids[0] if len(kids) == 1 else kids
                return obj

            document = build(self.root, tree_root)
            nums = Array()
            for page, elements in sorted(parents.items()):
                pages[page].StructParents = page
                nums.append(page)
                nums.append(Array(elements))
            key = len(pages)
            for annot, element in widgets:
                annot.StructParent = key
                nums.append(key)
                nums.append(element)
                key += 1
            tree_root.K = document
            tree_root.ParentTree = doc.make_indirect(Dictionary(Nums=nums))
            tree_root.ParentTreeNextKey = key
            root = doc.Root
            root.StructTreeRoot = tree_root
            root.MarkInfo = Dictionary(Marked=True)
            root.Lang = String(language)
            root.ViewerPreferences = Dictionary(DisplayDocTitle=True)
            if widgets:
                root.AcroForm = Dictionary(Fields=Array([a for a, _ in widgets]))
            with doc.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
                with warnings.catch_warnings():  # /Trapped: written below by hand
                    warnings.simplefilter("ignore", UserWarning)
                    meta.load_from_docinfo(doc.docinfo)  # the XMP says what the info says
                if "/Trapped" in doc.docinfo:
                    meta["pdf:Trapped"] = str(doc.docinfo.Trapped).lstrip("/")
                meta["dc:title"] = title
                meta["dc:language"] = [language]
                meta["pdfuaid:part"] = "1"
            out = io.BytesIO()
            doc.save(out, min_version="1.7", fix_metadata_version=False)
        return out.getvalue()


def _pdf_value(value: Any) -> Any:
    from pikepdf import Array, Name, String

    if isinstance(value, Name | String | Array | int | float | bool):
        return value
    if isinstance(value, str):
        return Name("/" + value)
    return Array([_pdf_value(v) for v in value])


def _widget(doc: Any, spec: _Field, page: Any) -> Any:
    from pikepdf import Array, Dictionary, Name, String

    annot = doc.make_indirect(
        Dictionary(
            Type=Name.Annot,
            Subtype=Name.Widget,
            FT=Name.Sig,
            T=String(spec.name),
            TU=String(spec.tooltip),
            Rect=Array([round(v, 2) for v in spec.box]),
            F=4,
            P=page,
        )
    )
    if "/Annots" not in page:
        page.Annots = Array()
    page.Annots.append(annot)
    page.Tabs = Name.S
    return annot


def _recorder(canvas: Canvas) -> Recorder | None:
    rec = getattr(canvas, "_pdf_tags", None)
    return rec if isinstance(rec, Recorder) else None


# ---------------------------------------------------------------------- drawing API


@contextmanager
def marked(canvas: Canvas, element: Element) -> Iterator[None]:
    """Drawing inside belongs to `element` (one marked-content sequence on this page)."""
    rec = _recorder(canvas)
    if rec is None:
        yield
        return
    rec.begin(canvas, element)
    yield
    rec.end(canvas)


@contextmanager
def artifact_on(
    canvas: Canvas, kind: str | None = None, subtype: str | None = None
) -> Iterator[None]:
    """Drawing inside is no content: decoration, header, footer, rules (``kind``
    ``Pagination``/``Layout``, ``subtype`` ``Header``/``Footer``/``Watermark``)."""
    rec = _recorder(canvas)
    if rec is None:
        yield
        return
    rec.begin_artifact(canvas, kind, subtype)
    yield
    rec.end(canvas)


def form_field(canvas: Canvas, name: str, tooltip: str, box: Sequence[float]) -> None:
    """An empty signature field `name` at `box` (page coordinates), tagged ``Form`` here."""
    rec = _recorder(canvas)
    if rec is not None:
        rec.form_field(canvas, name, tooltip, box)


class OwnTags:
    """Base of a flowable that marks its own drawing with `marked`/`artifact_on`."""


# ---------------------------------------------------------------------- declaring flowables


class _MarkedFlowable:
    """Mixed into a flowable's class: its drawing (and that of every part it splits into)
    belongs to one element."""

    _pdf_element: Element
    _pdf_artifact: bool

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:
        draw = super().drawOn  # type: ignore[misc]
        if self._pdf_artifact:
            with artifact_on(canvas, "Layout"):
                draw(canvas, x, y, _sW)
            return
        element = self._pdf_element
        if element.role == "Figure" and _recorder(canvas) is not None:
            w, h = self.width, self.height  # type: ignore[attr-defined]
            x0, y0 = canvas.absolutePosition(x, y)
            element.attributes.setdefault("O", "Layout")
            element.attributes.setdefault("Placement", "Block")
            element.attributes.setdefault(
                "BBox", [round(x0, 2), round(y0, 2), round(x0 + w, 2), round(y0 + h, 2)]
            )
        with marked(canvas, element):
            draw(canvas, x, y, _sW)

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        parts: list[Flowable] = super().split(avail_width, avail_height)  # type: ignore[misc]
        for part in parts:
            if part is not self:  # type: ignore[comparison-overlap]  # the mixin is one
                _mark(part, self._pdf_element, self._pdf_artifact)
        return parts


_CLASSES: dict[type, type] = {}


def _mark(flowable: F, element: Element, artifact: bool = False) -> F:
    base = type(flowable)
    if not issubclass(base, _MarkedFlowable):
        cls = _CLASSES.get(base)
        if cls is None:
            cls = _CLASSES[base] = type(f"Tagged{base.__name__}", (_MarkedFlowable, base), {})
        # object.__setattr__: reportlab's drawings check every attribute they are given
        object.__setattr__(flowable, "__class__", cls)
    object.__setattr__(flowable, "_pdf_element", element)
    object.__setattr__(flowable, "_pdf_artifact", artifact)
    return flowable


def _declared(flowable: Flowable) -> bool:
    return isinstance(flowable, _MarkedFlowable | OwnTags) or hasattr(flowable, "_pdf_table")


def paragraph(flowable: F, role: str = "P", *, lang: str | None = None) -> F:
    """A flowable whose drawing is one element of `role` (in language `lang`)."""
    return _mark(flowable, Element(role, lang=lang))


def figure(flowable: F, alt: str) -> F:
    """A picture with its alternative text."""
    return _mark(flowable, Element("Figure", alt=alt))


def artifact(flowable: F) -> F:
    """A flowable that is decoration only."""
    return _mark(flowable, Element("Artifact"), artifact=True)


def table(
    t: T,
    *,
    header_rows: int = 0,
    header_cols: int = 0,
    row_headers: Iterable[tuple[int, int]] = (),
) -> T:
    """A table whose first `header_rows` rows are column headers, whose first `header_cols`
    columns are row headers, and whose cells at `row_headers` (row, column) head their row."""
    rows = header_rows

    def cell(row: int, col: int) -> tuple[str, dict[str, Any]]:
        if 0 <= row < rows:
            return "TH", {"O": "Table", "Scope": "Column"}
        if col < header_cols or (row, col) in extra:
            return "TH", {"O": "Table", "Scope": "Row"}
        return "TD", {}

    extra = set(row_headers)
    t._renderCB = _TableTags(t, "Table", "TR", cell, {})  # type: ignore[attr-defined]
    t._pdf_table = True  # type: ignore[attr-defined]
    return t


def as_list(t: T, labels: Sequence[str] | None = None) -> T:
    """A table of (label, text) rows that is a list: ``L``/``LI``/``Lbl``/``LBody``;
    `labels` are the alternative texts of the labels (e.g. for check marks)."""

    def cell(row: int, col: int) -> tuple[str, dict[str, Any]]:
        return ("Lbl", {}) if col == 0 else ("LBody", {})

    alts = {(row, 0): text for row, text in enumerate(labels or ())}
    t._renderCB = _TableTags(t, "L", "LI", cell, alts)  # type: ignore[attr-defined]
    t._pdf_table = True  # type: ignore[attr-defined]
    return t


def grid(t: T, headings: Mapping[str, int] | None = None) -> T:
    """A table that only arranges its cells on the page (no data table): no ``Table``
    element; each cell's flowables are tagged as in a story (paragraphs as ``P``, anything
    else declared beforehand), its rules and backgrounds are artifacts. A cell may hold text
    only as a flowable; an empty string cell is an artifact."""
    from reportlab.platypus import Flowable

    for row in t._cellvalues:  # type: ignore[attr-defined]  # reportlab's normalised rows
        for value in row:
            if isinstance(value, Flowable):
                story([value], headings or {})
            elif isinstance(value, list | tuple):
                story(list(value), headings or {})
            elif value not in (None, ""):
                raise TypeError(f"text in a layout grid must be a Paragraph: {value!r}")
    t._renderCB = _GridTags()  # type: ignore[attr-defined]
    t._pdf_table = True  # type: ignore[attr-defined]
    return t


class _GridTags:
    """reportlab's table render callback of a `grid`: the flowables of a cell mark
    themselves; an empty cell (reportlab still draws its empty string) and the lines and
    backgrounds are artifacts."""

    def __init__(self) -> None:
        self.open = False

    def __call__(self, t: Table, command: str, *args: Any) -> None:
        from reportlab.platypus import Flowable

        canvas = t.canv
        rec = _recorder(canvas)
        if rec is None:
            return
        if command in ("startBG", "startLines") or (
            command == "startCell" and not isinstance(args[2], Flowable | list | tuple)
        ):
            rec.begin_artifact(canvas, "Layout", None)
            self.open = True
        elif command in ("endBG", "endLines", "endCell") and self.open:
            rec.end(canvas)
            self.open = False


class _TableTags:
    """reportlab's table render callback: rows and cells as elements, lines and backgrounds
    as artifacts. Rows are known by identity, so a header row that reportlab repeats on the
    next page (the same row object again) is drawn as an artifact."""

    def __init__(
        self,
        t: Table,
        role: str,
        row_role: str,
        cell: Any,
        alts: Mapping[tuple[int, int], str],
    ) -> None:
        rows = t._cellvalues  # type: ignore[attr-defined]  # reportlab's normalised rows
        self.index = {id(row): n for n, row in enumerate(rows)}
        self.element = Element(role)
        self.row_role = row_role
        self.cell = cell
        self.alts = alts
        self.drawn: set[int] = set()
        self.row: Element | None = None
        self.row_index = -1
        self.repeated = False

    def __call__(self, t: Table, command: str, *args: Any) -> None:
        canvas = t.canv
        rec = _recorder(canvas)
        if rec is None:
            return
        if command in ("startBG", "startLines"):
            rec.begin_artifact(canvas, "Layout", None)
        elif command in ("endBG", "endLines", "endCell"):
            rec.end(canvas)
        elif command == "startRow":
            row = t._cellvalues[args[0]]  # type: ignore[attr-defined]
            self.repeated = id(row) in self.drawn
            self.drawn.add(id(row))
            self.row_index = self.index.get(id(row), -1)
            self.row = None if self.repeated else Element(self.row_role, parent=self.element)
        elif command == "startCell":
            if self.row is None:
                rec.begin_artifact(canvas, "Pagination", None)
                return
            role, attrs = self.cell(self.row_index, args[1])
            alt = self.alts.get((self.row_index, args[1]))
            rec.begin(canvas, Element(role, parent=self.row, attributes=dict(attrs), alt=alt))


# ---------------------------------------------------------------------- the story


def story(flowables: list[Flowable], headings: Mapping[str, int]) -> list[Flowable]:
    """Tag every flowable of a story that is not declared yet: paragraphs as ``P`` or, by
    their style's name, as headings of the given rank. Returns the same list."""
    from reportlab.platypus import (
        CondPageBreak,
        KeepTogether,
        PageBreak,
        Paragraph,
        Spacer,
    )

    for f in flowables:
        if _declared(f):
            continue
        if isinstance(f, KeepTogether):
            story(f._content, headings)  # type: ignore[attr-defined]  # its flowables
        elif isinstance(f, Paragraph):
            rank = headings.get(f.style.name)
            _mark(f, heading(rank) if rank else Element("P"))
        elif not isinstance(f, Spacer | CondPageBreak | PageBreak):
            raise TypeError(
                f"{type(f).__name__} is not tagged: declare it with pdf_tags.table, figure, "
                "paragraph or artifact"
            )
    return flowables
