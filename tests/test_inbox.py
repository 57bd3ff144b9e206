"""The Posteingang's parts without worker processes: finding packages, merging copies, grouping by
AGS, the summary, trust on first use, spreadsheet safety (issue 18)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from zwk_desktop.services.inbox.discover import InboxUnreadable, discover
from zwk_desktop.services.inbox.model import (
    KIND_FOLDER,
    KIND_MAIL,
    TRUST_FIRST,
    TRUST_KNOWN,
    TRUST_OTHER,
    Application,
)
from zwk_desktop.services.inbox.overview import (
    compare_certificates,
    mark_current,
    merge_copies,
    summarize,
)
from zwk_desktop.services.inbox.tables import cell_text, columns, csv_bytes, neutral
from zwk_desktop.services.inbox.trust import TrustStore

YEARS = ("2021", "2022", "2023", "2024")
DAY = dt.datetime(2021, 7, 10, 12, 0, tzinfo=dt.UTC)


def _row(path: str, ags: str = "12073999", **kw: object) -> Application:
    amounts = kw.pop("amounts", None)
    beantragt = None
    if amounts is not None:
        beantragt = {y: Decimal(a) for y, a in zip(YEARS, amounts, strict=True)}  # type: ignore[call-overload]
        beantragt["gesamt"] = sum(beantragt.values(), Decimal("0"))
    defaults: dict[str, object] = {
        "kind": KIND_MAIL,
        "status": "gültig",
        "valid": True,
        "ags": ags,
        "land": "BB",
        "art": "gemeinde",
        "received": DAY,
        "beantragt": beantragt,
        "content_key": path,
    }
    defaults.update(kw)
    return Application(path=path, **defaults)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- discovery


def test_discover_finds_mails_and_package_folders_recursively(tmp_path: Path) -> None:
    (tmp_path / "a.eml").write_bytes(b"x")
    (tmp_path / "B.EML").write_bytes(b"x")
    (tmp_path / "Thumbs.db").write_bytes(b"x")
    (tmp_path / "notiz.txt").write_bytes(b"x")
    package = tmp_path / "2021" / "juli" / "ZWK-Bewerbung_1"
    (package / "anlagen").mkdir(parents=True)
    (package / "manifest.json").write_text("{}")
    (package / "anlagen" / "drin.eml").write_bytes(b"belongs to the package")
    renamed = tmp_path / "2021" / "ZWK-Bewerbung_2"
    renamed.mkdir()
    (renamed / "ZWK-Bewerbung_12073579_Uckerland_manifest.json").write_text("{}")
    (tmp_path / "2021" / "juli" / "c.eml").write_bytes(b"x")
    found = discover(tmp_path)
    assert [(Path(c.path).relative_to(tmp_path).as_posix(), c.kind) for c in found] == [
        ("2021/ZWK-Bewerbung_2", KIND_FOLDER),
        ("2021/juli/ZWK-Bewerbung_1", KIND_FOLDER),
        ("2021/juli/c.eml", KIND_MAIL),
        ("B.EML", KIND_MAIL),
        ("a.eml", KIND_MAIL),
    ]


def test_discover_reports_links_instead_of_following_them(tmp_path: Path) -> None:
    outside = tmp_path / "draussen"
    (outside / "tief").mkdir(parents=True)
    (outside / "tief" / "x.eml").write_bytes(b"x")
    inbox = tmp_path / "eingang"
    inbox.mkdir()
    (inbox / "link").symlink_to(outside, target_is_directory=True)
    found = discover(inbox)
    assert [c.path for c in found] == [str(inbox / "link")]


def test_discover_refuses_what_is_no_readable_folder(tmp_path: Path) -> None:
    with pytest.raises(InboxUnreadable, match="gibt es nicht"):
        discover(tmp_path / "fehlt")
    (tmp_path / "datei.eml").write_bytes(b"x")
    with pytest.raises(InboxUnreadable, match="kein Ordner"):
        discover(tmp_path / "datei.eml")


# --------------------------------------------------------------------------- the overview


def test_a_folder_and_its_mail_are_one_application() -> None:
    rows = [
        _row("/e/ordner/P", kind=KIND_FOLDER, content_key="k1"),
        _row("/e/P.eml", content_key="k1"),
        _row("/e/Q.eml", ags="16099", content_key="k2"),
        _row("/e/kaputt.eml", ags="", content_key="", valid=False, status="unlesbar"),
    ]
    merged = merge_copies(rows)
    assert [(r.path, r.also) for r in merged] == [
        ("/e/P.eml", ("/e/ordner/P",)),
        ("/e/Q.eml", ()),
        ("/e/kaputt.eml", ()),
    ]


def test_the_newest_application_of_an_ags_is_current() -> None:
    rows = [
        _row("/e/alt.eml", received=DAY),
        _row("/e/neu.eml", received=DAY + dt.timedelta(days=2)),
        _row("/e/mitte.eml", received=DAY + dt.timedelta(days=1)),
        _row("/e/andere.eml", ags="16099"),
        _row("/e/ohne.eml", ags=""),
    ]
    marked = {r.path: r.stand for r in mark_current(rows)}
    assert marked == {
        "/e/alt.eml": "ersetzt",
        "/e/neu.eml": "aktuell",
        "/e/mitte.eml": "ersetzt",
        "/e/andere.eml": "aktuell",
        "/e/ohne.eml": "aktuell",
    }
    # A broken package, however new, does not push a valid one out; without a valid one, the
    # newest broken one is current.
    broken = mark_current(
        [
            _row("/e/gut.eml", received=DAY),
            _row("/e/kaputt.eml", received=DAY + dt.timedelta(days=1), valid=False),
            _row("/x/a.eml", ags="1", received=DAY, valid=False),
            _row("/x/b.eml", ags="1", received=DAY + dt.timedelta(days=1), valid=False),
        ]
    )
    assert [r.stand for r in broken] == ["aktuell", "ersetzt", "ersetzt", "aktuell"]
    # Same time of receipt: the later signature decides.
    tie = mark_current(
        [_row("/e/a.eml", signed="2021-07-02T10:00:00"), _row("/e/b.eml", signed="2021-07-01")]
    )
    assert [r.aktuell for r in tie] == [True, False]


def test_summary_counts_only_valid_current_rows() -> None:
    rows = mark_current(
        [
            _row("/e/1.eml", amounts=("1000.00", "2000.00", "0", "0")),
            _row(
                "/e/2.eml",
                ags="12073998",
                amounts=("0", "500.50", "0", "0"),
                art="kreisangehoerige_stadt",
            ),
            _row(
                "/e/3.eml", ags="16099", land="TH", art="landkreis", amounts=("100", "0", "0", "1")
            ),
            _row("/e/alt.eml", received=DAY - dt.timedelta(days=1), amounts=("9", "9", "9", "9")),
            _row(
                "/e/bad.eml",
                ags="14522999",
                valid=False,
                status="verändert",
                amounts=("7", "7", "7", "7"),
            ),
        ]
    )
    summary = summarize(
        rows, YEARS, ["SH", "TH", "BB"], ["gemeinde", "kreisangehoerige_stadt", "landkreis"]
    )
    assert (summary.applications, summary.valid, summary.invalid, summary.replaced) == (5, 4, 1, 1)
    assert summary.total.count == 3
    assert summary.total.beantragt == {
        "2021": Decimal("1100.00"),
        "2022": Decimal("2500.50"),
        "2023": Decimal("0.00"),
        "2024": Decimal("1.00"),
        "gesamt": Decimal("3601.50"),
    }
    assert list(summary.by_land) == ["TH", "BB"]  # the form's order
    assert summary.by_land["BB"].count == 2
    assert summary.by_land["BB"].beantragt["gesamt"] == Decimal("3500.50")
    assert list(summary.by_art) == ["gemeinde", "kreisangehoerige_stadt", "landkreis"]


# --------------------------------------------------------------------------- trust on first use


def test_trust_on_first_use_per_ags(tmp_path: Path) -> None:
    path = tmp_path / "daten" / "zertifikate.sqlite"
    rows = [
        _row("/e/1.eml", fingerprint="aa", received=DAY),
        _row("/e/2.eml", fingerprint="bb", received=DAY + dt.timedelta(days=1), content_key="x"),
        _row("/e/3.eml", fingerprint="aa", received=DAY + dt.timedelta(days=2), content_key="y"),
        _row("/e/4.eml", ags="16099", fingerprint="bb"),
        _row("/e/5.eml", ags="14522999", fingerprint="cc", valid=False),
    ]
    with TrustStore(path) as store:
        states = [r.trust for r in compare_certificates(rows, store)]
        assert states == [TRUST_FIRST, TRUST_OTHER, TRUST_KNOWN, TRUST_FIRST, ""]
        listed = [(c.ags, c.fingerprint, c.first) for c in store.certificates()]
        assert listed == [
            ("12073999", "aa", True),
            ("12073999", "bb", False),
            ("16099", "bb", True),
        ]
    # Remembered across runs: a new package of that AGS with yet another certificate.
    with TrustStore(path) as store:
        again = compare_certificates([_row("/e/6.eml", fingerprint="dd")], store)
        assert again[0].trust == TRUST_OTHER
        assert again[0].trust_note == "anderes Zertifikat als bei der ersten Bewerbung"
        row = dataclasses.replace(_row("/e/7.eml", fingerprint="ee"), anchored=True)
        anchored = compare_certificates([row], store)
        assert anchored[0].trust == "vertrauensanker"


def test_a_certificate_confirmed_by_phone_is_no_longer_flagged(tmp_path: Path) -> None:
    from zwk_desktop.services.inbox.model import TRUST_CONFIRMED

    path = tmp_path / "zertifikate.sqlite"
    with TrustStore(path) as store:
        store.confirm("16099", "vorab")  # confirmed before any package of it arrived
        rows = [
            _row("/e/1.eml", fingerprint="aa"),
            _row("/e/2.eml", fingerprint="bb", received=DAY + dt.timedelta(days=1)),
            _row("/e/3.eml", ags="16099", fingerprint="vorab", signer="Dr. Kühnel"),
        ]
        states = [r.trust for r in compare_certificates(rows, store)]
        assert states == [TRUST_FIRST, TRUST_OTHER, TRUST_CONFIRMED]
        store.confirm("12073999", "bb")
    with TrustStore(path) as store:
        again = compare_certificates(rows, store)
        assert [r.trust for r in again] == [TRUST_KNOWN, TRUST_CONFIRMED, TRUST_CONFIRMED]
        assert again[1].trust_note == "mit der Kommune bestätigt"
        listed = {
            (c.ags, c.fingerprint): (c.first, c.confirmed, c.signer) for c in store.certificates()
        }
        assert listed == {
            ("12073999", "aa"): (True, False, ""),
            ("12073999", "bb"): (False, True, ""),
            ("16099", "vorab"): (True, True, "Dr. Kühnel"),
        }


def test_a_store_made_before_confirmations_gets_the_column(tmp_path: Path) -> None:
    import sqlite3

    path = tmp_path / "alt.sqlite"
    db = sqlite3.connect(path)
    db.execute(
        "CREATE TABLE zertifikate (ags TEXT NOT NULL, fingerprint TEXT NOT NULL, signer TEXT NOT "
        "NULL, kommune TEXT NOT NULL, first_seen TEXT NOT NULL, first INTEGER NOT NULL, "
        "PRIMARY KEY (ags, fingerprint))"
    )
    db.execute("INSERT INTO zertifikate VALUES ('16099', 'aa', 'X', 'Y', '2021-07-01', 1)")
    db.commit()
    db.close()
    with TrustStore(path) as store:
        assert store.notice == ""
        rows = compare_certificates([_row("/e/1.eml", ags="16099", fingerprint="bb")], store)
        assert rows[0].trust == TRUST_OTHER
        store.confirm("16099", "bb")
        assert [c.confirmed for c in store.certificates()] == [False, True]


def test_trust_store_that_cannot_be_written_compares_for_the_run(tmp_path: Path) -> None:
    blocker = tmp_path / "daten"
    blocker.write_text("a file where the folder should be")  # fails for root as well
    with TrustStore(blocker / "posteingang" / "zertifikate.sqlite") as store:
        assert "nur für diesen Lauf" in store.notice
        rows = [
            _row("/e/1.eml", fingerprint="aa"),
            _row("/e/2.eml", fingerprint="bb", received=DAY + dt.timedelta(days=1)),
        ]
        assert [r.trust for r in compare_certificates(rows, store)] == [TRUST_FIRST, TRUST_OTHER]


# --------------------------------------------------------------------------- spreadsheet safety


@pytest.mark.parametrize(
    ("text", "safe"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+49 30 1234", "'+49 30 1234"),
        ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("Gemeinde Lindenhagen", "Gemeinde Lindenhagen"),
        ("-1.500,00", "-1.500,00"),
        ("-1500.00", "-1500.00"),
        ("", ""),
    ],
)
def test_neutral_text_is_never_a_formula(text: str, safe: str) -> None:
    assert neutral(text) == safe


def test_csv_cells_from_packages_are_neutralised(tmp_path: Path) -> None:
    from zwk_desktop.services.inbox.model import Overview, Summary, Totals

    hostile = _row(
        "/e/=x.eml",
        kommune="=cmd|' /C calc'!A0",
        landkreis="@Kreis",
        signatory="+Max",
        amounts=("-100.00", "0", "0", "0"),
        errors=("=Fehler",),
    )
    zero = {k: Decimal("0") for k in (*YEARS, "gesamt")}
    overview = Overview("/e", (hostile,), Summary(1, 1, 0, 0, Totals(0, zero)), years=YEARS)
    cols = {c.header: c for c in columns(YEARS)}
    assert cell_text(cols["Kommune"], hostile) == "'=cmd|' /C calc'!A0"
    assert cell_text(cols["Beantragt 2021"], hostile) == "\u2212100,00"  # the minus sign
    text = csv_bytes(overview).decode("utf-8-sig")
    for field in ("'=cmd|' /C calc'!A0", "'@Kreis", "'+Max", "'=Fehler"):
        assert field in text, field
    assert ";=" not in text and ";@" not in text and ";+" not in text


# --------------------------------------------------------------------------- the chart plan


def test_bar_chart_plan_by_land_and_by_art_with_a_round_scale() -> None:
    from zwk_desktop.services.inbox.chart import BY_ART, BY_LAND, _ticks, requested_by
    from zwk_desktop.services.inbox.model import Overview

    rows = mark_current(
        [
            _row("/e/1.eml", amounts=("1000.00", "2000.00", "0", "0")),
            _row(
                "/e/2.eml",
                ags="16099",
                land="TH",
                art="landkreis",
                amounts=("40000", "40000", "0", "0"),
            ),
        ]
    )
    lands = {"BB": "Brandenburg", "TH": "Thüringen"}
    arts = {"gemeinde": "Gemeinde", "landkreis": "Landkreis"}
    summary = summarize(rows, YEARS, list(lands), list(arts))
    overview = Overview("/e", tuple(rows), summary, years=YEARS, land_names=lands, art_names=arts)
    chart = requested_by(overview, BY_LAND)
    assert [(b.label, b.amount, b.count) for b in chart.bars] == [
        ("Brandenburg", Decimal("3000.00"), 1),
        ("Thüringen", Decimal("80000"), 1),
    ]
    assert chart.ticks[0] == 0 and chart.top >= Decimal("80000") and 3 <= len(chart.ticks) <= 7
    assert chart.summary == (
        "Beantragt nach Land (gültige, aktuelle Bewerbungen): Brandenburg 3.000,00\u00a0€ "
        "(1 Bewerbung); Thüringen 80.000,00\u00a0€ (1 Bewerbung)."
    )
    assert [b.label for b in requested_by(overview, BY_ART).bars] == ["Gemeinde", "Landkreis"]
    assert _ticks(Decimal("0")) == (Decimal("0"),)
    assert _ticks(Decimal("7")) == tuple(Decimal(i) for i in (0, 2, 4, 6, 8))
    assert _ticks(Decimal("1234567"))[-1] == Decimal("1250000")
    empty = Overview("/e", (), summarize([], YEARS), years=YEARS)
    assert (
        requested_by(empty, BY_LAND).summary == "Beantragt nach Land: noch keine gültige Bewerbung."
    )
