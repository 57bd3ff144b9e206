"""The Posteingang on a realistic inbox of 60 packages (issue 18, "Done when").

The three examples and variations of them, signed with several identities; five tampered (a PDF
byte, a JSON amount with a recomputed manifest hash, a removed attachment, a foreign signer, a
truncated .eml); two AGS applying twice; ten hostile inputs. `posteingang --json --csv --xlsx`
must report every one correctly, the totals must equal the sums of the valid, current rows (and
the sums computed here from the drafts), and the workbook must read back with the same values.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from inbox_helpers import (
    BASE,
    Expected,
    Identities,
    add_attachment,
    bomb_pdf,
    deep_json,
    draft_of,
    export,
    hostile_folder,
    huge_number_json,
    manifest_of,
    nested_mime,
    package_file,
    requested,
    rewrite_manifest_entry,
    slow_pdf,
    with_date,
)

SIGNATORIES = {
    "lindenhagen": ("Katrin Wendland", "Bürgermeisterin", "12073", 5, "Gemeinde Lindenhagen"),
    "hohenwald": ("Dr. Matthias Kühnel", "Landrat", "16", 3, "Landkreis Hohenwald"),
    "oberes-tal": ("Uwe Lichtenberger", "Verbandsvorsitzender", "14522", 5, "Städteverbund"),
}
FORMULA_NAME = '=HYPERLINK("http://example.invalid";"Gemeinde Lindenhagen")'
MINUTE = 60


def _ags(example: str, n: int) -> str:
    _, _, prefix, _, _ = SIGNATORIES[example]
    if example == "hohenwald":
        return f"{prefix}{100 + n:03d}"  # Landkreis: five digits
    return f"{prefix}{700 + n:03d}"


@dataclass
class Inbox:
    folder: Path
    expected: dict[str, Expected]
    result: dict[str, Any]
    exit_code: int
    stderr: str
    csv_path: Path
    xlsx_path: Path
    by_path: dict[str, dict[str, Any]]


def _run(*args: str | Path, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "zwk_desktop", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        env=env,
        timeout=600,
    )


@pytest.fixture(scope="module")
def inbox(tmp_path_factory: pytest.TempPathFactory) -> Inbox:
    root = tmp_path_factory.mktemp("posteingang")
    folder = root / "eingang"
    folder.mkdir()
    made = root / "exportiert"
    ids = Identities(root / "identities")
    expected: dict[str, Expected] = {}
    clock = [0]

    def when() -> dt.datetime:
        clock[0] += 1
        return BASE + dt.timedelta(minutes=clock[0])

    def place(result: Any, how: str, exp: Expected, received: dt.datetime) -> str:
        """Put an exported package into the inbox as mail, folder or both."""
        mail = folder / result.mail.name
        if how in ("mail", "both"):
            shutil.copyfile(result.mail, mail)
            with_date(mail, received)
        if how in ("folder", "both"):
            target = folder / "ordner" / result.folder.name
            shutil.copytree(result.folder, target)
            os.utime(manifest_of(target), (received.timestamp(), received.timestamp()))
            if how == "folder":
                expected[str(target)] = exp
                return str(target)
            exp.also = [str(target)]
        expected[str(mail)] = exp
        return str(mail)

    # 43 valid applications: variations of the three examples, each with its own AGS.
    counts = {"lindenhagen": 15, "hohenwald": 14, "oberes-tal": 14}
    firsts: dict[str, str] = {}
    n = 0
    for example, count in counts.items():
        name, funktion, _, _, base = SIGNATORIES[example]
        for i in range(count):
            change: dict[str, Any] = {
                "kommune.ags": _ags(example, i),
                "amount": Decimal(10 * i),
            }
            if example == "lindenhagen" and i == 1:
                change["kommune.name"] = FORMULA_NAME
            elif i:
                change["kommune.name"] = f"{base} {i}"
            draft = draft_of(example, change)
            received = when()
            result = export(draft, ids.key(name, funktion), made / f"v{n}", received)
            how = ("mail", "folder", "both")[n % 3]
            key = place(
                result,
                how,
                Expected("gültig", True, True, _ags(example, i), requested(draft), "erstmals"),
                received,
            )
            if i == 0:
                firsts[example] = key
            n += 1

    # Two AGS apply again, later: the first ones become "ersetzt". Lindenhagen's second one is
    # signed with a new certificate of the same name: "anderes Zertifikat …".
    for example, fresh in (("lindenhagen", True), ("hohenwald", False)):
        name, funktion, *_ = SIGNATORIES[example]
        draft = draft_of(example, {"kommune.ags": _ags(example, 0), "amount": Decimal(500)})
        received = when() + dt.timedelta(days=3)
        key = ids.key(name, funktion, fresh=fresh)
        result = export(draft, key, made / f"neu-{example}", received)
        trust = "abweichend" if fresh else "bekannt"
        place(
            result,
            "mail",
            Expected("gültig", True, True, _ags(example, 0), requested(draft), trust),
            received,
        )
        expected[firsts[example]].aktuell = False

    # Five tampered packages, each with an AGS of its own.
    def fresh_export(tag: str, i: int, signer: str | None = None) -> Any:
        name, funktion, *_ = SIGNATORIES["lindenhagen"]
        draft = draft_of("lindenhagen", {"kommune.ags": _ags("lindenhagen", 50 + i)})
        key = ids.key(signer or name, funktion)
        return export(draft, key, made / tag, when(), anyone=signer is not None), draft

    tampered = folder / "manipuliert"
    result, _ = fresh_export("t-pdf", 1)
    target = shutil.copytree(result.folder, tampered / "pdf-byte")
    pdf_file = package_file(target, "pdf")
    pdf = bytearray(pdf_file.read_bytes())
    pdf[len(pdf) // 2] ^= 0x20
    pdf_file.write_bytes(bytes(pdf))
    expected[str(target)] = Expected("verändert", False, reason=pdf_file.name)

    result, _ = fresh_export("t-json", 2)
    target = shutil.copytree(result.folder, tampered / "json-betrag")
    json_file = package_file(target, "json")
    text = json_file.read_text(encoding="utf-8")
    changed = text.replace('"2022": "', '"2022": "1', 1)
    assert changed != text
    rewrite_manifest_entry(target, json_file.name, changed.encode("utf-8"))
    expected[str(target)] = Expected("verändert", False, reason="_manifest.json")

    result, _ = fresh_export("t-anlage", 3)
    target = shutil.copytree(result.folder, tampered / "anlage-fehlt")
    package_file(target, "attachment").unlink()
    expected[str(target)] = Expected("verändert", False, reason="Die Datei fehlt")

    result, _ = fresh_export("t-fremd", 4, signer="Erika Mustermann")
    mail = shutil.copyfile(result.mail, tampered / "fremd-signiert.eml")
    expected[str(mail)] = Expected("Unterzeichner weicht ab", False, reason="Erika Mustermann")

    result, _ = fresh_export("t-kurz", 5)
    raw = result.mail.read_bytes()
    mail = tampered / "abgeschnitten.eml"
    mail.write_bytes(raw[: len(raw) * 3 // 5])
    expected[str(mail)] = Expected("", False)

    # Ten hostile inputs.
    hostile = folder / "feindlich"
    hostile.mkdir()
    (hostile / "kaputt.eml").write_bytes(b"\x00\xff\xfe MIME? " * 50 + b"\r\n\r\n--")
    expected[str(hostile / "kaputt.eml")] = Expected("unlesbar", False)
    with (hostile / "riesig.eml").open("wb") as big:
        big.truncate(100 * 1024 * 1024)
    expected[str(hostile / "riesig.eml")] = Expected("unlesbar", False, reason="größer")

    result, _ = fresh_export("h-relativ", 6)
    mail = shutil.copyfile(result.mail, hostile / "relativer-pfad.eml")
    add_attachment(mail, "../../ausgebrochen.txt", b"escaped")
    expected[str(mail)] = Expected("verändert", False, reason="ausgebrochen.txt")
    result, _ = fresh_export("h-absolut", 7)
    mail = shutil.copyfile(result.mail, hostile / "absoluter-pfad.eml")
    absolute = root / "absolut-ausgebrochen.txt"
    add_attachment(mail, str(absolute), b"escaped")
    expected[str(mail)] = Expected("verändert", False, reason="absolut-ausgebrochen.txt")

    target = hostile_folder(hostile / "pdf-langsam", {"bewerbung.pdf": slow_pdf()})
    expected[str(target)] = Expected("", False)
    target = hostile_folder(hostile / "json-tief", {"bewerbung.json": deep_json(200_000)})
    expected[str(target)] = Expected("", False)
    target = hostile_folder(
        hostile / "json-zahl", {"bewerbung.json": huge_number_json("lindenhagen")}
    )
    expected[str(target)] = Expected("", False)
    target = hostile_folder(hostile / "manifest-tief", {"manifest.json": deep_json(200_000)})
    expected[str(target)] = Expected("", False)
    (hostile / "mime-tief.eml").write_bytes(nested_mime(3000))
    expected[str(hostile / "mime-tief.eml")] = Expected("unlesbar", False)
    target = hostile_folder(hostile / "pdf-bombe", {"bewerbung.pdf": bomb_pdf()})
    expected[str(target)] = Expected("", False)

    assert len(expected) == 60
    before = _snapshot(folder)
    cwd = root / "arbeitsordner"
    cwd.mkdir()
    scratch = root / "tmp"
    scratch.mkdir()
    env = {
        **os.environ,
        "PYTHONIOENCODING": "utf-8",
        "TMPDIR": str(scratch),
        "ZWK_DATA_DIR": str(root / "daten"),
    }
    out = root / "ausgabe"
    out.mkdir()
    done = _run(
        "posteingang",
        folder,
        "--jobs",
        "2",
        "--json",
        "--csv",
        out / "uebersicht.csv",
        "--xlsx",
        out / "uebersicht.xlsx",
        cwd=cwd,
        env=env,
    )
    assert done.stdout.strip().startswith("{"), done.stderr[-3000:]
    result = json.loads(done.stdout)
    # Nothing written: the inbox is as it was, the working folder and TMPDIR are empty, the
    # hostile attachment names led nowhere.
    assert _snapshot(folder) == before
    assert list(cwd.iterdir()) == []
    assert list(scratch.iterdir()) == []
    assert not absolute.exists()
    assert not (folder / "ausgebrochen.txt").exists()
    assert not (root / "ausgebrochen.txt").exists()
    return Inbox(
        folder,
        expected,
        result,
        done.returncode,
        done.stderr,
        out / "uebersicht.csv",
        out / "uebersicht.xlsx",
        {a["path"]: a for a in result["applications"]},
    )


def _snapshot(folder: Path) -> dict[str, tuple[int, float]]:
    return {
        str(p.relative_to(folder)): (p.stat().st_size, p.stat().st_mtime)
        for p in sorted(folder.rglob("*"))
    }


# --------------------------------------------------------------------------- the rows


def test_every_package_has_exactly_one_row(inbox: Inbox) -> None:
    assert inbox.exit_code == 1, inbox.stderr[-2000:]
    assert sorted(inbox.by_path) == sorted(inbox.expected)
    assert len(inbox.result["applications"]) == 60
    for path, exp in inbox.expected.items():
        assert inbox.by_path[path]["also"] == exp.also, path


def test_valid_packages_are_valid_with_their_data(inbox: Inbox) -> None:
    valid = {p: e for p, e in inbox.expected.items() if e.valid}
    assert len(valid) == 45
    for path, exp in valid.items():
        row = inbox.by_path[path]
        assert row["valid"] is True, (path, row["errors"])
        assert row["status"] == "gültig"
        assert row["ags"] == exp.ags
        assert exp.beantragt is not None
        assert row["beantragt"] == {k: f"{v:.2f}" for k, v in exp.beantragt.items()}
        assert row["errors"] == []
        assert row["signer"] and row["signatory"]
        assert len(row["certificate_sha256"]) == 64
        # Each example acknowledges at least one warning (the AGS is unknown): with the reason.
        assert row["acknowledged"], path
        assert all(
            a["begruendung"] == "Telefonisch mit dem Amt geklärt." for a in row["acknowledged"]
        )


def test_tampered_and_hostile_packages_are_named_with_a_reason(inbox: Inbox) -> None:
    for path, exp in inbox.expected.items():
        if exp.valid:
            continue
        row = inbox.by_path[path]
        assert row["valid"] is False, path
        assert row["errors"], path
        if exp.status:
            assert row["status"] == exp.status, (path, row["status"], row["errors"])
        else:
            assert row["status"] in ("verändert", "unlesbar"), (path, row["status"])
        if exp.reason:
            assert any(exp.reason in e for e in row["errors"]), (path, row["errors"])


def test_same_ags_newest_is_current_the_other_replaced(inbox: Inbox) -> None:
    for path, exp in inbox.expected.items():
        assert inbox.by_path[path]["aktuell"] is exp.aktuell, path
    assert inbox.result["summary"]["ersetzt"] == 2


def test_a_second_certificate_for_an_ags_is_flagged_and_listed(inbox: Inbox) -> None:
    for path, exp in inbox.expected.items():
        if exp.trust:
            assert inbox.by_path[path]["zertifikat"] == exp.trust, path
    flagged = [a for a in inbox.result["applications"] if a["zertifikat"] == "abweichend"]
    assert len(flagged) == 1
    assert flagged[0]["zertifikat_hinweis"] == "anderes Zertifikat als bei der ersten Bewerbung"
    ags = flagged[0]["ags"]
    listed = [c for c in inbox.result["certificates"] if c["ags"] == ags]
    assert len(listed) == 2 and [c["first"] for c in listed] == [True, False]


def test_totals_equal_the_sums_of_the_valid_current_rows(inbox: Inbox) -> None:
    counted = [a for a in inbox.result["applications"] if a["valid"] and a["aktuell"]]
    summary = inbox.result["summary"]
    assert summary["count"] == len(counted) == 43
    assert summary["applications"] == 60
    assert summary["valid"] == 45 and summary["invalid"] == 15
    for key in ("2021", "2022", "2023", "2024", "gesamt"):
        from_rows = sum((Decimal(a["beantragt"][key]) for a in counted), Decimal("0"))
        from_drafts = sum(
            (
                e.beantragt[key]
                for e in inbox.expected.values()
                if e.valid and e.aktuell and e.beantragt
            ),
            Decimal("0"),
        )
        assert Decimal(summary["beantragt"][key]) == from_rows == from_drafts, key
    by_land = summary["by_land"]
    assert set(by_land) == {"BB", "TH", "SN"}
    assert sum(v["count"] for v in by_land.values()) == 43
    assert sum(Decimal(v["beantragt"]["gesamt"]) for v in by_land.values()) == Decimal(
        summary["beantragt"]["gesamt"]
    )


# --------------------------------------------------------------------------- CSV and workbook


def _csv_rows(inbox: Inbox) -> list[list[str]]:
    raw = inbox.csv_path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))


def test_csv_for_german_excel(inbox: Inbox) -> None:
    rows = _csv_rows(inbox)
    header = rows[0]
    body = rows[1 : 1 + 60]
    assert rows[61] == []
    by_path = {
        r[header.index("Paket")].splitlines()[0]: dict(zip(header, r, strict=True)) for r in body
    }
    assert sorted(by_path) == sorted(inbox.by_path)
    for path, app in inbox.by_path.items():
        row = by_path[path]
        assert row["AGS"] == app["ags"] and row["Gültig"] == ("ja" if app["valid"] else "nein")
        if app["beantragt"]:
            raw = app["beantragt"]["gesamt"]
            assert row["Beantragt gesamt (Zahl)"] == raw
            german = f"{Decimal(raw):,.2f}".replace(",", "X").replace(".", ",").replace("X", ".")
            assert row["Beantragt gesamt"] == german
    total = rows[62]
    assert total[header.index("Stand")] == "Summe"
    assert (
        total[header.index("Beantragt gesamt (Zahl)")]
        == inbox.result["summary"]["beantragt"]["gesamt"]
    )


def test_no_cell_is_a_formula(inbox: Inbox) -> None:
    from openpyxl import load_workbook

    rows = _csv_rows(inbox)
    cells = [c for r in rows for c in r]
    assert any(c == "'" + FORMULA_NAME for c in cells)
    for cell in cells:
        if cell[:1] in ("=", "+", "@"):
            pytest.fail(f"CSV cell may be read as a formula: {cell!r}")
        if cell[:1] == "-":
            Decimal(cell.replace(".", "").replace(",", "."))  # only negative numbers
    book = load_workbook(inbox.xlsx_path)
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str):
                    assert not cell.value.startswith(("=", "+", "-", "@")), cell.value
    names = [c.value for c in book["Bewerbungen"]["E"]]
    assert "'" + FORMULA_NAME in names


def test_workbook_reads_back_with_the_same_values(inbox: Inbox) -> None:
    from openpyxl import load_workbook

    book = load_workbook(inbox.xlsx_path)
    assert book.sheetnames == ["Bewerbungen", "Zusammenfassung", "Zertifikate"]
    sheet = book["Bewerbungen"]
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref and sheet.auto_filter.ref.startswith("A1:")
    header = [c.value for c in sheet[1]]
    rows = [dict(zip(header, [c for c in r], strict=True)) for r in sheet.iter_rows(min_row=2)]
    assert len(rows) == 60
    by_path = {str(r["Paket"].value).splitlines()[0]: r for r in rows}
    assert sorted(by_path) == sorted(inbox.by_path)
    for path, app in inbox.by_path.items():
        row = by_path[path]
        assert (row["AGS"].value or "") == app["ags"]
        assert row["Stand"].value == ("aktuell" if app["aktuell"] else "ersetzt")
        assert row["Signatur"].value == app["status"]
        assert row["Einwohner"].value == app["einwohner"]
        for year in ("2021", "2022", "2023", "2024", "gesamt"):
            cell = row[f"Beantragt {year}"]
            if app["beantragt"] is None:
                assert cell.value is None
            else:
                assert Decimal(str(cell.value)).quantize(Decimal("0.01")) == Decimal(
                    app["beantragt"][year]
                )
                assert "€" in cell.number_format
        if app["received"]:
            assert row["Eingegangen"].is_date
    summary = book["Zusammenfassung"]
    first = [c.value for c in summary[2]]
    assert first[0] == "Gesamt" and first[2] == 43
    assert Decimal(str(first[-1])).quantize(Decimal("0.01")) == Decimal(
        inbox.result["summary"]["beantragt"]["gesamt"]
    )
    lands = [r[1].value for r in summary.iter_rows(min_row=3) if r[0].value == "Land"]
    assert set(lands) == {"Brandenburg", "Thüringen", "Sachsen"}
    certificates = book["Zertifikate"]
    assert certificates.max_row - 1 == len(inbox.result["certificates"])
