"""Helpers of the tagged-PDF tests: a stress draft and a walk through the structure tree."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import pikepdf
from export_helpers import example_draft

from zwk_desktop.domain.draft import Draft, draft_from_json
from zwk_desktop.formspec import get_form
from zwk_desktop.services.export import acknowledge_all, readiness

SENTENCE = (
    "Die Gemeinden des Verbunds verlieren seit Jahren junge Menschen an die Großstädte, "
    "während die Zahl der Hochbetagten wächst; Vereine, Ärztinnen und Nahversorgung fehlen. "
)


def _text(length: int) -> str:
    return (SENTENCE * (length // len(SENTENCE) + 1))[: length - 1].rstrip() + "."


def stress_draft() -> Draft:
    """A valid, export-ready Städteverbund with 30 member towns and 30 partner initiatives,
    20 budget items, 31 years of population figures and long texts at their maximum length
    (they break over pages)."""
    draft = example_draft("staedteverbund-oberes-tal.zwk")
    data = draft.data
    first = data["kommune"]["mitglieder"][0]
    data["kommune"]["mitglieder"] = [
        {"name": f"Stadt Beispielort {n}", "ags": f"14522{900 + n:03d}", "einwohner": 1000 + n}
        for n in range(30)
    ]
    data["kommune"]["mitglieder"][0] = first
    data["kommune"]["einwohner"] = sum(m["einwohner"] for m in data["kommune"]["mitglieder"])
    data["ausgangslage"]["bevoelkerung"] = [
        {"jahr": 1990 + n, "einwohner": 60000 - 450 * n + (n % 4) * 90} for n in range(31)
    ]
    for key, length in (
        ("herausforderungen", 2500),
        ("staerken", 1500),
        ("bevoelkerung_text", 1500),
        ("strukturdaten", 1500),
        ("prognose", 1000),
    ):
        data["ausgangslage"][key] = _text(length)
    data["netzwerke"]["initiativen"] = [
        {"name": f"Partner {n}: Bürgerverein", "art": "Verein", "rolle": _text(480)}
        for n in range(1, 31)
    ]
    data["netzwerke"]["vernetzung"] = _text(1500)
    data["massnahmen"]["verstetigung"] = _text(1500)
    amount = Decimal("500.00")
    data["finanzplan"]["posten"] = [
        {
            "kategorie": "veranstaltungen",
            "bezeichnung": f"Werkstatttreffen Nummer {n} in einem der Mitgliedsorte",
            "erlaeuterung": _text(480),
            "betraege": {y: str(amount) for y in ("2021", "2022", "2023", "2024")},
        }
        for n in range(1, 21)
    ]
    draft = draft_from_json(draft.to_json())
    ready = readiness(get_form(), draft)
    assert ready.report.valid, [(f.code, f.path) for f in ready.report.errors]
    return (
        acknowledge_all(draft, ready.unacknowledged, "Stresstest")
        if ready.unacknowledged
        else draft
    )


@dataclass
class Node:
    role: str
    obj: Any
    kids: list[Node] = field(default_factory=list)
    marks: list[tuple[int, int]] = field(default_factory=list)
    """(page index, MCID) of the content it holds directly, in order."""

    def walk(self) -> Iterator[Node]:
        yield self
        for kid in self.kids:
            yield from kid.walk()

    def all_marks(self) -> list[tuple[int, int]]:
        return [m for n in self.walk() for m in n.marks]


def structure(pdf: pikepdf.Pdf) -> Node:
    """The structure tree, read back from the file."""
    pages = {p.obj.objgen: i for i, p in enumerate(pdf.pages)}

    def read(obj: Any) -> Node:
        node = Node(str(obj.S)[1:], obj)
        home = pages.get(obj.Pg.objgen) if "/Pg" in obj else None
        k = obj.get("/K")
        kids = list(k) if isinstance(k, pikepdf.Array) else [] if k is None else [k]
        for kid in kids:
            if isinstance(kid, int):
                assert home is not None, f"MCID without /Pg in {node.role}"
                node.marks.append((home, int(kid)))
            elif kid.get("/Type") == pikepdf.Name.MCR:
                node.marks.append((pages[kid.Pg.objgen], int(kid.MCID)))
            elif kid.get("/Type") == pikepdf.Name.OBJR:
                continue
            else:
                node.kids.append(read(kid))
        return node

    tree = pdf.Root.StructTreeRoot
    top = tree.K
    return read(top if isinstance(top, pikepdf.Dictionary) else top[0])


def parent_tree(pdf: pikepdf.Pdf) -> dict[int, Any]:
    nums = pdf.Root.StructTreeRoot.ParentTree.Nums
    return {int(nums[i]): nums[i + 1] for i in range(0, len(nums), 2)}


TEXT_SHOWING = {"Tj", "TJ", "'", '"'}


def untagged_text(pdf: pikepdf.Pdf) -> list[str]:
    """Every text-showing operator that lies neither in an Artifact nor in a BDC whose MCID the
    ParentTree maps to an element holding that MCID: as "page N: operator" lines."""
    parents = parent_tree(pdf)
    problems = []
    for index, page in enumerate(pdf.pages):
        stack: list[Any] = []
        key = page.obj.get("/StructParents")
        mapped = parents.get(int(key)) if key is not None else None
        for operands, operator in pikepdf.parse_content_stream(page):
            op = str(operator)
            if op in ("BDC", "BMC"):
                tag = str(operands[0])
                mcid = None
                if op == "BDC" and isinstance(operands[1], pikepdf.Dictionary):
                    mcid = operands[1].get("/MCID")
                stack.append((tag, None if mcid is None else int(mcid)))
            elif op == "EMC":
                stack.pop()
            elif op in TEXT_SHOWING:
                if any(tag == "/Artifact" for tag, _ in stack):
                    continue
                mcids = [m for _, m in stack if m is not None]
                if not mcids:
                    problems.append(f"page {index + 1}: {op} outside any marked content")
                    continue
                mcid = mcids[-1]
                if mapped is None or mcid >= len(mapped):
                    problems.append(f"page {index + 1}: MCID {mcid} not in the ParentTree")
                    continue
                element = mapped[mcid]
                if not _holds(element, index, mcid, pdf):
                    problems.append(f"page {index + 1}: MCID {mcid} maps to a wrong element")
        assert not stack, f"page {index + 1}: unbalanced marked content"
    return problems


def _holds(element: Any, page: int, mcid: int, pdf: pikepdf.Pdf) -> bool:
    k = element.get("/K")
    kids = list(k) if isinstance(k, pikepdf.Array) else [k]
    home = element.get("/Pg")
    target = pdf.pages[page].obj.objgen
    for kid in kids:
        if isinstance(kid, int):
            found = int(kid) == mcid and home is not None and home.objgen == target
        elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == pikepdf.Name.MCR:
            found = int(kid.MCID) == mcid and kid.Pg.objgen == target
        else:
            found = False
        if found:
            return True
    return False


def struct_text_headings(struct_text: str) -> list[tuple[str, str]]:
    """(role, text) of every heading in `pdfinfo -struct-text` output."""
    lines = struct_text.splitlines()
    out = []
    for i, line in enumerate(lines):
        m = re.match(r"\s*(H[1-6])\b", line)
        if m and i + 1 < len(lines):
            out.append((m.group(1), lines[i + 1].strip().strip('"')))
    return out


def _cmap_codes(stream: Any) -> set[int]:
    data = stream.read_bytes().decode("latin-1")
    codes: set[int] = set()
    for block in re.findall(r"beginbfchar(.*?)endbfchar", data, re.S):
        for src, dst in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>", block):
            if dst:
                codes.add(int(src, 16))
    for block in re.findall(r"beginbfrange(.*?)endbfrange", data, re.S):
        for a, b in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*[<\[]", block):
            codes.update(range(int(a, 16), int(b, 16) + 1))
    return codes


def unmapped_glyphs(pdf: pikepdf.Pdf) -> list[tuple[int, str, int]]:
    """(page, font, code) of every character code shown in a font whose ToUnicode map does not
    say which Unicode text it is (the single-byte codes of reportlab's font subsets)."""
    missing = []
    for number, page in enumerate(pdf.pages, start=1):
        fonts = page.Resources.get("/Font", {})
        maps = {
            str(name): _cmap_codes(font.ToUnicode) if "/ToUnicode" in font else set()
            for name, font in fonts.items()
        }
        current = ""
        for operands, operator in pikepdf.parse_content_stream(page):
            op = str(operator)
            if op == "Tf":
                current = str(operands[0])
            elif op in TEXT_SHOWING:
                shown = operands[0] if op == "TJ" else [operands[-1]]
                for item in shown:
                    if isinstance(item, pikepdf.String):
                        missing += [
                            (number, current, code)
                            for code in bytes(item)
                            if code not in maps.get(current, set())
                        ]
    return missing


PAINTING = {"S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "Do", "sh", "BI", "EI"}
"""Operators that put something on the page besides text (strokes, fills, images, shadings)."""


def unmarked_painting(pdf: pikepdf.Pdf) -> list[str]:
    """Painting operators outside any marked content (neither tagged nor an artifact)."""
    problems = []
    for number, page in enumerate(pdf.pages, start=1):
        depth = 0
        for _, operator in pikepdf.parse_content_stream(page):
            op = str(operator)
            if op in ("BDC", "BMC"):
                depth += 1
            elif op == "EMC":
                depth -= 1
            elif depth == 0 and op in PAINTING:
                problems.append(f"page {number}: {op}")
    return problems
