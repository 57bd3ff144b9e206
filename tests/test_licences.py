"""The licence list: derived from the installed distributions' metadata (source checkout) or from
the bundle's build-time list (frozen), plus the fonts and data sets found in resources/."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from zwk_desktop.licences import (
    MANIFEST_NAME,
    Component,
    Kind,
    LicenceListError,
    LicenceText,
    components,
    read_manifest,
    write_manifest,
)
from zwk_desktop.licences.distributions import normalize, runtime_closure
from zwk_desktop.licences.resources import FontError, data_components, font_components

DEJAVU = Path("/usr/share/fonts/truetype/dejavu")  # Debian fonts-dejavu-core (DEB_TEST)

DESTATIS_SOURCE = """# Gemeindeverzeichnis (Destatis GV100AD), Gebietsstand 30.11.2025

This folder has the official German municipality directory from the Federal Statistical
Office (Statistisches Bundesamt, Destatis).

## Required attribution (copy this into the app's About/Licences screen)

> Datenquelle: © Statistisches Bundesamt (Destatis), 2025 – Gemeindeverzeichnis GV100AD,
> Gebietsstand 30.11.2025. Lizenz: Datenlizenz Deutschland – Namensnennung – Version 2.0
> (https://www.govdata.de/dl-de/by-2-0). Die Dateien `gemeinden.csv` und `kreise.csv` sind aus
> dem Original abgeleitet.

## Licence

- Destatis publishes GV-ISys data under the Datenlizenz Deutschland – Namensnennung – 2.0.
"""


@pytest.fixture
def empty_resources(tmp_path: Path) -> Path:
    folder = tmp_path / "resources"
    folder.mkdir()
    return folder


def by_name(found: list[Component]) -> dict[str, Component]:
    return {c.name: c for c in found}


def test_runtime_dependencies_come_from_metadata_without_development_tools() -> None:
    names = {normalize(str(d.metadata["Name"])) for d in runtime_closure()}
    assert {"zwk-desktop", "pydantic", "pydantic-core", "pyyaml", "babel", "platformdirs"} <= names
    assert {"pyside6-essentials", "shiboken6"} <= names
    assert names.isdisjoint(
        {"pytest", "hypothesis", "ruff", "mypy", "import-linter", "pyinstaller"}
    )


def test_every_component_has_a_licence_and_its_text(empty_resources: Path) -> None:
    found = components(resources=empty_resources)
    assert found[0].kind is Kind.APPLICATION and found[0].name == "ZWK Desktop"
    assert found[0].licence == "EUPL-1.2"
    for c in found:
        assert c.licence and c.licence != "keine Angabe im Paket", c.name
        if c.kind is not Kind.APPLICATION:
            assert c.texts and all(t.text.strip() for t in c.texts), c.name


def test_qt_carries_the_lgpl_notice_and_licence_texts(empty_resources: Path) -> None:
    qt = by_name(components(resources=empty_resources))["Qt"]
    assert qt.kind is Kind.RUNTIME and qt.licence == "LGPL-3.0-only"
    assert "GNU Lesser General Public License Version 3" in qt.notice
    assert "ersetzt werden" in qt.notice  # the user may replace the libraries
    titles = [t.title for t in qt.texts]
    assert titles == ["LGPL-3.0-only.txt", "GPL-3.0-only.txt"]
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in qt.texts[0].text


def test_python_and_pyside_are_listed_with_their_licences(empty_resources: Path) -> None:
    found = by_name(components(resources=empty_resources))
    assert found["Python"].licence == "PSF-2.0"
    assert "PYTHON SOFTWARE FOUNDATION LICENSE" in found["Python"].texts[0].text
    assert found["PySide6_Essentials"].licence.startswith("LGPL-3.0-only")
    assert found["pydantic"].licence == "MIT"


def test_fonts_are_listed_from_their_own_name_tables(tmp_path: Path) -> None:
    fonts = tmp_path / "resources" / "fonts"
    fonts.mkdir(parents=True)
    for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"):
        shutil.copy(DEJAVU / name, fonts / name)
    shutil.copy("/usr/share/doc/fonts-dejavu-core/copyright", fonts / "LICENSE")
    [font] = font_components(tmp_path / "resources")
    assert font.kind is Kind.FONT
    assert font.name == "DejaVu Sans"
    assert font.version == "2.37"
    assert font.licence == "Bitstream-Vera"
    assert "Bitstream" in font.notice
    assert font.origin == "Schriftdateien: DejaVuSans-Bold.ttf, DejaVuSans.ttf"
    assert [t.title for t in font.texts] == ["Lizenzangabe in der Schriftdatei", "LICENSE"]


def test_each_family_gets_its_own_licence_file_when_several_lie_together(tmp_path: Path) -> None:
    """Like resources/fonts of the export: two families in one folder, a licence file each
    (named after the family) and one for all."""
    fonts = tmp_path / "fonts"
    fonts.mkdir()
    shutil.copy(DEJAVU / "DejaVuSans.ttf", fonts)
    # A second family: the same font file with "DejaVu" renamed in its name table.
    utf16 = "DejaVu".encode("utf-16-be"), "Notoxx".encode("utf-16-be")
    (fonts / "Notoxx.ttf").write_bytes((DEJAVU / "DejaVuSans.ttf").read_bytes().replace(*utf16))
    shutil.copy("/usr/share/doc/fonts-dejavu-core/copyright", fonts / "LICENSE-DejaVu.txt")
    (fonts / "LICENSE-Notoxx.txt").write_text("SIL OPEN FONT LICENSE 1.1", encoding="utf-8")
    (fonts / "COPYING").write_text("Gilt für alle Schriften hier.", encoding="utf-8")
    found = {c.name: c for c in font_components(tmp_path)}
    assert set(found) == {"DejaVu Sans", "Notoxx Sans"}
    titles = {name: [t.title for t in c.texts][1:] for name, c in found.items()}
    assert titles == {
        "DejaVu Sans": ["COPYING", "LICENSE-DejaVu.txt"],
        "Notoxx Sans": ["COPYING", "LICENSE-Notoxx.txt"],
    }
    # The name table's licence wins over a licence file.
    assert found["DejaVu Sans"].licence == "Bitstream-Vera"


def test_a_damaged_font_file_is_named(tmp_path: Path) -> None:
    (tmp_path / "kaputt.ttf").write_bytes(b"\x00\x01\x00\x00\x00")
    with pytest.raises(FontError, match=r"kaputt\.ttf"):
        font_components(tmp_path)


def test_a_data_set_shows_its_required_attribution(tmp_path: Path) -> None:
    folder = tmp_path / "resources" / "gemeindeverzeichnis"
    folder.mkdir(parents=True)
    (folder / "SOURCE.md").write_text(DESTATIS_SOURCE, encoding="utf-8")
    [data] = data_components(tmp_path / "resources")
    assert data.kind is Kind.DATA
    assert data.name == "Gemeindeverzeichnis (Destatis GV100AD), Gebietsstand 30.11.2025"
    assert data.licence == "Datenlizenz Deutschland – Namensnennung – Version 2.0"
    assert data.url == "https://www.govdata.de/dl-de/by-2-0"
    assert data.notice.startswith("Datenquelle: © Statistisches Bundesamt (Destatis), 2025")
    assert data.notice.endswith("aus dem Original abgeleitet.")
    assert data.origin == "Ordner resources/gemeindeverzeichnis"
    assert data.texts[0].title == "SOURCE.md"


def test_fonts_and_data_come_last(tmp_path: Path) -> None:
    resources = tmp_path / "resources"
    (resources / "fonts").mkdir(parents=True)
    shutil.copy(DEJAVU / "DejaVuSans.ttf", resources / "fonts")
    (resources / "gv").mkdir()
    (resources / "gv" / "SOURCE.md").write_text(DESTATIS_SOURCE, encoding="utf-8")
    kinds = [c.kind for c in components(resources=resources)]
    assert kinds[-2:] == [Kind.FONT, Kind.DATA]
    assert kinds == sorted(kinds, key=list(Kind).index)


def test_a_bundle_lists_the_components_recorded_at_build_time(
    tmp_path: Path, empty_resources: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    recorded = [
        Component(name="libz", version="1.2.13", licence="Zlib", kind=Kind.SYSTEM),
        Component(
            name="ZWK Desktop",
            version="0.1.0",
            licence="EUPL-1.2",
            kind=Kind.APPLICATION,
            texts=(LicenceText(title="LICENSE", text="…"),),
        ),
    ]
    write_manifest(tmp_path / MANIFEST_NAME, recorded)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert [c.name for c in components(resources=empty_resources)] == ["ZWK Desktop", "libz"]


def test_a_damaged_bundle_list_is_reported_in_german(tmp_path: Path) -> None:
    (tmp_path / MANIFEST_NAME).write_text('{"components": [{"name": 1}]}', encoding="utf-8")
    with pytest.raises(LicenceListError, match="ist beschädigt"):
        read_manifest(tmp_path / MANIFEST_NAME)
    with pytest.raises(LicenceListError, match="ist nicht lesbar"):
        read_manifest(tmp_path / "fehlt.json")


def test_python_without_its_licence_file_gets_the_psf_agreement(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Debian's own Python ships no LICENSE.txt; the PSF text comes from resources/licences."""
    import sysconfig

    from zwk_desktop.licences.distributions import python_licence_texts

    monkeypatch.setattr(sysconfig, "get_path", lambda name: str(tmp_path))
    monkeypatch.setattr(sys, "base_prefix", str(tmp_path))
    [text] = python_licence_texts(Path(__file__).parent.parent / "resources" / "licences")
    assert text.title == "PSF-2.0.txt"
    assert text.text.startswith("PYTHON SOFTWARE FOUNDATION LICENSE VERSION 2")


def test_about_command_lists_components_and_the_data_folder(
    capsys: pytest.CaptureFixture[str],
) -> None:
    import json
    import os

    from zwk_desktop.cli.main import main

    assert main(["about"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("ZWK Desktop ")
    assert f"Datenordner: {os.environ['ZWK_DATA_DIR']}" in out
    assert "Laufzeitumgebung:\n  Python " in out
    assert "  Qt " in out and "– Lizenz: LGPL-3.0-only" in out
    assert main(["about", "--json"]) == 0
    listing = json.loads(capsys.readouterr().out)
    assert listing["data_dir"] == os.environ["ZWK_DATA_DIR"]
    qt = next(c for c in listing["components"] if c["name"] == "Qt")
    assert qt["kind"] == "runtime" and "texts" not in qt


def test_requirements_follow_the_extras_a_dependency_asks_for() -> None:
    from zwk_desktop.licences.distributions import runtime_requirements

    pyhanko = [
        "asn1crypto>=1.5.1",
        "cryptography>=43.0.3",
        'fonttools>=4.33.3; extra == "opentype"',
        'uharfbuzz>=0.25.0; extra == "opentype"',
        'python-barcode==0.15.1; extra == "image-support"',
        'pytest>=6.1.1; extra == "testing"',
        'tzdata; sys_platform == "win32"',
    ]
    assert runtime_requirements(pyhanko, ["opentype"]) == [
        ("asn1crypto", frozenset()),
        ("cryptography", frozenset()),
        ("fonttools", frozenset()),
        ("uharfbuzz", frozenset()),
        ("tzdata", frozenset()),
    ]
    assert [n for n, _ in runtime_requirements(pyhanko, [])] == [
        "asn1crypto",
        "cryptography",
        "tzdata",
    ]
    ours = [
        "pyhanko[opentype]>=0.25",
        "pytest>=8; extra == 'dev'",
        "keyring [ completion , foo]>=25",
    ]
    assert runtime_requirements(ours, []) == [
        ("pyhanko", frozenset({"opentype"})),
        ("keyring", frozenset({"completion", "foo"})),
    ]
