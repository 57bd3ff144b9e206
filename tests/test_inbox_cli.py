"""`zwk-desktop posteingang` on the command line: exit codes, the time limit per package, links,
output files, and the window-free `scan` the window uses (issue 18)."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from clitools import run_cli
from export_helpers import NOW
from inbox_helpers import Identities, draft_of, export, hostile_folder, slow_pdf

from zwk_desktop.services.inbox import Limits, scan


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """One valid package (folder, mail), signed by the signatory named in the form."""
    root = tmp_path_factory.mktemp("paket")
    key = Identities(root / "ids").key("Katrin Wendland")
    result = export(draft_of("lindenhagen"), key, root / "out", NOW)
    return result.folder, result.mail


def _env(tmp_path: Path) -> dict[str, str]:
    return {**os.environ, "ZWK_DATA_DIR": str(tmp_path / "daten")}


def test_all_valid_exits_0_and_the_text_names_the_application(
    package: tuple[Path, Path], tmp_path: Path
) -> None:
    inbox = tmp_path / "eingang"
    inbox.mkdir()
    shutil.copy(package[1], inbox)
    shutil.copytree(package[0], inbox / package[0].name)
    done = run_cli("posteingang", inbox, env=_env(tmp_path))
    assert done.returncode == 0, done.stdout + done.stderr
    assert "1 Bewerbung(en) geprüft – 1 gültig, 0 ungültig" in done.stdout
    assert "Gemeinde Lindenhagen am See" in done.stdout
    assert "Zertifikate je AGS" in done.stdout
    # The trust store is in the data folder, nowhere else.
    assert (tmp_path / "daten" / "posteingang" / "zertifikate.sqlite").is_file()


def test_json_document_has_the_documented_shape(package: tuple[Path, Path], tmp_path: Path) -> None:
    inbox = tmp_path / "eingang"
    inbox.mkdir()
    shutil.copy(package[1], inbox)
    done = run_cli("posteingang", inbox, "--json", "--jobs", "1", env=_env(tmp_path))
    assert done.returncode == 0, done.stderr
    document = json.loads(done.stdout)
    (app,) = document["applications"]
    for key in (
        "path",
        "ags",
        "kommune",
        "land",
        "art",
        "valid",
        "status",
        "aktuell",
        "beantragt",
        "signatory",
        "signer",
        "errors",
        "warnings",
        "acknowledged",
    ):
        assert key in app, key
    assert set(app["beantragt"]) == {"2021", "2022", "2023", "2024", "gesamt"}
    assert all(v.count(".") == 1 and len(v.split(".")[1]) == 2 for v in app["beantragt"].values())
    assert app["land"] == "BB" and app["art"] == "gemeinde" and app["ags"] == "12073999"
    assert app["signatory"] == app["signer"] == "Katrin Wendland"
    assert {"code", "path", "begruendung"} == set(app["acknowledged"][0])
    assert document["summary"]["count"] == 1
    assert document["summary"]["beantragt"] == app["beantragt"]


def test_a_package_over_the_time_limit_is_stopped_and_the_run_goes_on(
    package: tuple[Path, Path], tmp_path: Path
) -> None:
    inbox = tmp_path / "eingang"
    inbox.mkdir()
    hostile_folder(inbox / "a-langsam", {"bewerbung.pdf": slow_pdf(1_900_000)})
    shutil.copy(package[1], inbox / "b-gut.eml")
    done = run_cli(
        "posteingang", inbox, "--json", "--jobs", "1", "--zeitlimit", "2", env=_env(tmp_path)
    )
    assert done.returncode == 1, done.stderr
    rows = {Path(a["path"]).name: a for a in json.loads(done.stdout)["applications"]}
    slow = rows["a-langsam"]
    assert slow["status"] == "unlesbar"
    assert "länger als 2 Sekunden" in slow["errors"][0]
    assert rows["b-gut.eml"]["valid"] is True  # the worker was replaced and went on


def test_links_are_not_followed(package: tuple[Path, Path], tmp_path: Path) -> None:
    inbox = tmp_path / "eingang"
    inbox.mkdir()
    (inbox / "verknuepft.eml").symlink_to(package[1])
    overview, _ = scan(inbox, jobs=1, store_path=tmp_path / "z.sqlite")
    (row,) = overview.applications
    assert row.status == "unlesbar" and "Verknüpfung" in row.reason


def test_scan_without_the_command_line_reports_progress(
    package: tuple[Path, Path], tmp_path: Path
) -> None:
    inbox = tmp_path / "eingang"
    inbox.mkdir()
    for n in range(3):
        shutil.copy(package[1], inbox / f"{n}.eml")
    seen: list[tuple[int, int]] = []
    overview, notice = scan(
        inbox,
        jobs=2,
        limits=Limits(max_bytes=40 * 1024 * 1024),
        store_path=tmp_path / "z.sqlite",
        progress=lambda done, total, row: seen.append((done, total)),
    )
    assert notice == ""
    assert seen == [(1, 3), (2, 3), (3, 3)]
    # Three copies of one mail are one application.
    (row,) = overview.applications
    assert len(row.also) == 2 and row.valid


def test_a_cancelled_scan_stops_its_workers(package: tuple[Path, Path], tmp_path: Path) -> None:
    inbox = tmp_path / "eingang"
    inbox.mkdir()
    for n in range(4):
        shutil.copy(package[1], inbox / f"{n}.eml")
    overview, _ = scan(inbox, jobs=1, store_path=tmp_path / "z.sqlite", cancelled=lambda: True)
    assert all(r.reason == "Die Prüfung wurde abgebrochen." for r in overview.applications)


@pytest.mark.parametrize("what", ["missing", "file"])
def test_a_folder_that_cannot_be_read_exits_2(what: str, tmp_path: Path) -> None:
    target = tmp_path / "eingang"
    if what == "file":
        target.write_bytes(b"x")
    done = run_cli("posteingang", target, env=_env(tmp_path))
    assert done.returncode == 2
    assert done.stdout == ""
    assert ("gibt es nicht" if what == "missing" else "kein Ordner") in done.stderr


def test_an_empty_folder_says_so(tmp_path: Path) -> None:
    (tmp_path / "leer").mkdir()
    done = run_cli("posteingang", tmp_path / "leer", env=_env(tmp_path))
    assert done.returncode == 0
    assert "keine E-Mails (.eml) und keine Paketordner" in done.stderr


def test_an_output_file_that_cannot_be_written_exits_2(
    package: tuple[Path, Path], tmp_path: Path
) -> None:
    inbox = tmp_path / "eingang"
    inbox.mkdir()
    shutil.copy(package[1], inbox)
    blocker = tmp_path / "datei"
    blocker.write_text("x")
    done = run_cli("posteingang", inbox, "--csv", blocker / "x.csv", env=_env(tmp_path))
    assert done.returncode == 2
    assert "kann nicht geschrieben werden" in done.stderr


def test_bad_option_values_are_explained_in_german(tmp_path: Path) -> None:
    done = run_cli("posteingang", tmp_path, "--jobs", "0")
    assert done.returncode == 2 and "keine Anzahl" in done.stderr
    done = run_cli("posteingang", tmp_path, "--zeitlimit", "bald")
    assert done.returncode == 2 and "keine Zeit in Sekunden" in done.stderr


def test_received_is_the_mail_date_or_the_manifest_time_of_a_folder(
    package: tuple[Path, Path], tmp_path: Path
) -> None:
    import datetime as dt

    from inbox_helpers import with_date

    from zwk_desktop.services.inbox.check import check_candidate
    from zwk_desktop.services.inbox.model import KIND_FOLDER, KIND_MAIL, Candidate

    folder = shutil.copytree(package[0], tmp_path / "ordner")
    saved = dt.datetime(2021, 7, 16, 8, 15, tzinfo=dt.UTC)
    (manifest,) = folder.glob("*_manifest.json")
    os.utime(manifest, (saved.timestamp(), saved.timestamp()))
    row = check_candidate(Candidate(str(folder), KIND_FOLDER), 40 * 1024 * 1024)
    assert row.valid and row.received == saved and row.received_from == "Dateizeit"
    mail = Path(shutil.copy(package[1], tmp_path / "post.eml"))
    sent = dt.datetime(2021, 7, 19, 23, 59, tzinfo=dt.timezone(dt.timedelta(hours=2)))
    with_date(mail, sent)
    row = check_candidate(Candidate(str(mail), KIND_MAIL), 40 * 1024 * 1024)
    assert row.valid and row.received == sent and row.received_from == "Datum der E-Mail"


def test_a_new_certificate_is_flagged_until_the_desk_confirms_it(
    package: tuple[Path, Path], tmp_path: Path
) -> None:
    import datetime as dt

    inbox = tmp_path / "eingang"
    inbox.mkdir()
    shutil.copy(package[1], inbox / "1-erste.eml")
    other = Identities(tmp_path / "ids").key("Katrin Wendland")  # same name, other key
    later = export(draft_of("lindenhagen"), other, tmp_path / "out", NOW + dt.timedelta(days=1))
    shutil.copy(later.mail, inbox / "2-zweite.eml")
    os.utime(inbox / "2-zweite.eml", (NOW.timestamp() + 86400,) * 2)
    os.utime(inbox / "1-erste.eml", (NOW.timestamp(),) * 2)
    done = run_cli("posteingang", inbox, "--json", env=_env(tmp_path))
    rows = {Path(a["path"]).name: a for a in json.loads(done.stdout)["applications"]}
    assert rows["1-erste.eml"]["zertifikat"] == "erstmals"
    assert rows["2-zweite.eml"]["zertifikat"] == "abweichend"
    assert "anderes Zertifikat als bei der ersten Bewerbung" in done.stdout
    new = rows["2-zweite.eml"]["certificate_sha256"]
    confirmed = run_cli(
        "posteingang",
        inbox,
        "--json",
        "--bestaetigt",
        f"12073999={new.upper()}",
        env=_env(tmp_path),
    )
    document = json.loads(confirmed.stdout)
    rows = {Path(a["path"]).name: a for a in document["applications"]}
    assert rows["1-erste.eml"]["zertifikat"] == "bekannt"
    assert rows["2-zweite.eml"]["zertifikat"] == "bestaetigt"
    assert [(c["first"], c["confirmed"]) for c in document["certificates"]] == [
        (True, False),
        (False, True),
    ]
    bad = run_cli("posteingang", inbox, "--bestaetigt", "12073999=abc", env=_env(tmp_path))
    assert bad.returncode == 2 and "nicht AGS=SHA-256" in bad.stderr
