"""The packaging scripts without building a bundle (make dist builds and smoke-tests the real
one): what goes into the bundle, the licence tracing of bundled files, the smoke test's
checks, and the Windows installer script compiled by makensis."""

from __future__ import annotations

import glob
import importlib.metadata as md
import os
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "packaging"))

import bundle_build  # noqa: E402
import bundle_config  # noqa: E402
import bundle_licences  # noqa: E402
import bundle_smoke  # noqa: E402
import bundle_spec  # noqa: E402

from zwk_desktop.licences import Kind  # noqa: E402


@pytest.mark.parametrize(
    "folder, filename, kept",
    [
        ("PySide6/Qt/plugins/platforms", "libqxcb.so", True),
        ("PySide6/Qt/plugins/platforms", "libqoffscreen.so", True),
        ("PySide6\\plugins\\platforms", "qwindows.dll", True),
        ("PySide6/Qt/plugins/platforms", "libqvnc.so", False),
        ("PySide6/Qt/plugins/platforms", "libqeglfs.so", False),
        ("PySide6/Qt/plugins/platformthemes", "libqgtk3.so", False),
        ("PySide6/Qt/plugins/platformthemes", "libqxdgdesktopportal.so", False),
        ("PySide6/Qt/plugins/platforminputcontexts", "libqtvirtualkeyboardplugin.so", False),
        (
            "PySide6/Qt/plugins/platforminputcontexts",
            "libcomposeplatforminputcontextplugin.so",
            True,
        ),
        ("PySide6/Qt/plugins/imageformats", "libqsvg.so", True),
        ("PySide6/Qt/plugins/imageformats", "libqpdf.so", False),
        ("PySide6/Qt/plugins/tls", "libqopensslbackend.so", False),
    ],
)
def test_only_the_needed_qt_plugins_are_kept(folder: str, filename: str, kept: bool) -> None:
    assert bundle_config.keep_qt_plugin(folder, filename) is kept


@pytest.mark.parametrize(
    "dest, kept",
    [
        ("PySide6/Qt/translations/qtbase_de.qm", True),
        ("PySide6/Qt/translations/qtbase_en.qm", True),
        ("PySide6/Qt/translations/qtbase_fr.qm", False),
        ("PySide6/Qt/translations/qt_help_de.qm", True),
        ("PySide6/Qt/translations/qtbase_zh_CN.qm", False),
        ("babel/locale-data/root.dat", True),
        ("babel/locale-data/de.dat", True),
        ("babel/locale-data/de_DE.dat", True),
        ("babel/locale-data/en_GB.dat", True),
        ("babel/locale-data/fr.dat", False),
        ("babel/locale-data/dsb.dat", False),
        ("babel/global.dat", True),
        ("pyphen/dictionaries/hyph_de_DE.dic", True),
        ("pyphen/dictionaries/hyph_de_CH.dic", True),
        ("pyphen/dictionaries/hyph_en_GB.dic", True),
        ("pyphen/dictionaries/README_hyph_de.txt", True),
        ("pyphen/dictionaries/hyph_fr.dic", False),
        ("pyphen/dictionaries/README_hyph_NO.txt", False),
        ("pyphen/dictionaries/update.sh", False),
        ("pyphen/dictionaries/hyph_dsb_DE.dic", False),
        ("forms/zwk-2021.yaml", True),
    ],
)
def test_translations_locales_and_dictionaries_are_cut_to_german_and_english(
    dest: str, kept: bool
) -> None:
    assert bundle_config.keep_data_file(dest) is kept


def test_development_tools_stay_out_of_the_bundle() -> None:
    excluded = set(bundle_spec.development_modules())
    assert {
        "pytest",
        "_pytest",
        "hypothesis",
        "ruff",
        "mypy",
        "importlinter",
        "pytestqt",
    } <= excluded
    # pydantic imports rich optionally; rich comes only with the development tools here.
    assert "rich" in excluded
    assert excluded.isdisjoint(
        {"pydantic", "pydantic_core", "yaml", "babel", "PySide6", "zwk_desktop"}
    )


def test_top_level_modules_of_a_distribution() -> None:
    assert bundle_spec.top_level_modules(md.distribution("PyYAML")) >= {"yaml", "_yaml"}
    assert "platformdirs" in bundle_spec.top_level_modules(md.distribution("platformdirs"))


def _libz() -> Path:
    return Path(sorted(glob.glob("/lib/*/libz.so.1") + glob.glob("/usr/lib/*/libz.so.1"))[0])


@pytest.fixture
def tracer(tmp_path: Path) -> bundle_licences.Tracer:
    return bundle_licences.Tracer(ROOT, tmp_path / "work")


def test_bundled_files_are_traced_to_their_components(
    tracer: bundle_licences.Tracer, tmp_path: Path
) -> None:
    import os as stdlib_module

    import pydantic
    import yaml

    generated = tmp_path / "work" / "base_library.zip"
    generated.parent.mkdir()
    generated.write_bytes(b"PK")
    entries = [
        ("pydantic", pydantic.__file__, "PYMODULE"),
        ("yaml", yaml.__file__, "PYMODULE"),
        ("os", stdlib_module.__file__, "PYMODULE"),
        ("zwk_desktop.app", str(ROOT / "zwk_desktop" / "app.py"), "PYMODULE"),
        ("forms/zwk-2021.yaml", str(ROOT / "forms" / "zwk-2021.yaml"), "DATA"),
        ("base_library.zip", str(generated), "DATA"),
        ("libz.so.1", str(_libz()), "BINARY"),
    ]
    found = {c.name: c for c in bundle_licences.trace(entries, tracer)}
    assert set(found) == {"ZWK Desktop", "Python", "pydantic", "PyYAML", "pyinstaller", "zlib1g"}
    zlib = found["zlib1g"]
    assert zlib.kind is Kind.SYSTEM and zlib.licence == "Zlib"
    assert zlib.origin.startswith("Debian-Paket zlib1g ") and zlib.origin.endswith("libz.so.1")
    assert "Jean-loup Gailly" in zlib.texts[0].text
    assert found["pyinstaller"].licence.startswith("GPLv2-or-later with a special exception")


def test_a_file_of_unknown_origin_stops_the_build(
    tracer: bundle_licences.Tracer, tmp_path: Path
) -> None:
    stray = tmp_path / "libirgendwas.so.1"
    stray.write_bytes(b"\x7fELF")
    with pytest.raises(bundle_licences.UntracedFilesError, match="keine Herkunft") as caught:
        bundle_licences.trace([("libirgendwas.so.1", str(stray), "BINARY")], tracer)
    assert "libirgendwas.so.1" in str(caught.value)


def test_licences_of_free_form_debian_copyright_files() -> None:
    licence, text = bundle_licences.debian_copyright("libstdc++6")
    assert licence == "GPL-3.0-or-later WITH GCC-exception-3.1"
    assert "GCC RUNTIME LIBRARY EXCEPTION" in text.upper()
    wording = bundle_licences.licence_from_wording
    assert wording("the GNU Lesser General Public License (LGPL) version 2.1 (or later)") == (
        "LGPL-2.1-or-later"
    )
    assert wording("under the GNU General Public License, version 2 only") == "GPL-2.0-only"
    assert wording("Permission is hereby granted, free of charge, to any person") == "MIT"
    assert wording("Alle Rechte vorbehalten.") is None


def test_the_smoke_test_passes_on_the_program_from_the_venv() -> None:
    """The same steps as for the bundle, run against the installed command: proves the steps
    themselves and the isolation (a fresh home per run, network guard on)."""
    command = str(
        Path(sys.executable).parent / ("zwk-desktop.exe" if os.name == "nt" else "zwk-desktop")
    )
    target = bundle_smoke.Target((command,), (command,), ROOT / "examples")
    lines: list[str] = []
    assert bundle_smoke.run(target, bundle_smoke.STEPS, require_netns=False, report=lines.append)
    run_here = [s for s in bundle_smoke.STEPS if not s.bundle_only]
    assert lines[-1] == f"Rauchtest bestanden: alle {len(run_here)} Schritte."
    names = [s.name for s in bundle_smoke.STEPS]
    assert "GUI startet offscreen und beendet sich" in names
    assert {"validate gemeinde-lindenhagen.zwk", "schema", "new", "--version"} <= set(names)
    export = ["identity create", "export gemeinde-lindenhagen.zwk", "verify (Paketordner)",
              "verify (E-Mail)", "posteingang (zwei Prüfprozesse, Excel-Mappe)",
              "identity delete"]  # fmt: skip
    cards = [s.name for s in bundle_smoke.CARD_AND_PAPER_STEPS]
    assert names[-len(export) - len(cards) - 1 : -1] == export + cards  # before the window
    assert names[-1] == "GUI startet offscreen und beendet sich"


def test_the_smoke_test_fails_on_a_wrong_result_and_on_network_use(tmp_path: Path) -> None:
    python = (sys.executable,)
    target = bundle_smoke.Target(python, python, ROOT / "examples")
    steps = [
        bundle_smoke.Step("falscher Exit-Code", ("-c", "raise SystemExit(2)")),
        bundle_smoke.Step(
            "Netz",
            (
                "-c",
                "from zwk_desktop import netguard; netguard.install(); import socket\n"
                "try:\n    socket.getaddrinfo('example.org', 443)\nexcept OSError:\n    pass",
            ),
        ),
        bundle_smoke.Step("fehlende Ausgabe", ("-c", "print('x')"), stdout_contains=("y",)),
        bundle_smoke.Step("fehlende Datei", ("-c", "pass"), creates=("{tmp}/out.zwk",)),
        bundle_smoke.Step("kein Glob-Treffer", ("{glob:{tmp}/ZWK-Bewerbung_*/}",)),
        bundle_smoke.Step("besteht", ("-c", "print('ok')"), stdout_contains=("ok",)),
    ]
    lines: list[str] = []
    assert not bundle_smoke.run(target, steps, require_netns=False, report=lines.append)
    text = "\n".join(lines)
    assert "Exit-Code 2 statt 0" in text
    assert "das Programm hat versucht, das Netzwerk zu benutzen" in text
    assert "„y“ fehlt in der Ausgabe" in text
    assert "{tmp}/out.zwk wurde nicht angelegt" in text
    assert "passt auf 0 Pfade statt auf genau einen" in text
    assert "ok     besteht" in text
    assert lines[-1] == "Rauchtest: 1 von 6 Schritten bestanden."


def test_glob_placeholders_need_exactly_one_match(tmp_path: Path) -> None:
    (tmp_path / "ZWK-Bewerbung_1").mkdir()
    (tmp_path / "ZWK-Bewerbung_1.eml").write_text("")
    assert bundle_smoke.expand("{glob:{tmp}/ZWK-Bewerbung_*/}", tmp_path, tmp_path) == (
        f"{tmp_path}/ZWK-Bewerbung_1/"
    )
    (tmp_path / "ZWK-Bewerbung_2").mkdir()
    with pytest.raises(bundle_smoke.PlaceholderError, match="passt auf 2 Pfade"):
        bundle_smoke.expand("{glob:{tmp}/ZWK-Bewerbung_*/}", tmp_path, tmp_path)


def test_the_archive_keeps_links_and_unpacks_to_one_folder(tmp_path: Path) -> None:
    bundle = tmp_path / "zwk-desktop"
    (bundle / "_internal" / "PySide6").mkdir(parents=True)
    (bundle / "_internal" / "PySide6" / "libQt6Core.so.6").write_bytes(b"qt")
    os.symlink("PySide6/libQt6Core.so.6", bundle / "_internal" / "libQt6Core.so.6")
    archive = bundle_build.archive(bundle, tmp_path / "b.tar.gz")
    with tarfile.open(archive) as tar:
        link = tar.getmember("zwk-desktop/_internal/libQt6Core.so.6")
        assert link.issym() and link.uname == ""
    unpacked = bundle_smoke.unpack(archive, tmp_path / "out")
    assert unpacked == tmp_path / "out" / "zwk-desktop"
    assert (unpacked / "_internal" / "libQt6Core.so.6").read_bytes() == b"qt"


def test_windows_version_numbers_have_four_parts() -> None:
    assert bundle_build.version_quad("0.1.0") == "0.1.0.0"
    assert bundle_build.version_quad("1.2") == "1.2.0.0"


NSIS_SCRIPT = ROOT / "packaging" / "windows" / "zwk-desktop.nsi"


def test_the_installer_is_per_user_by_default_and_for_all_users_only_with_allusers() -> None:
    script = NSIS_SCRIPT.read_text(encoding="utf-8")
    assert "RequestExecutionLevel user" in script
    assert 'InstallDir "$LOCALAPPDATA\\Programs\\${APP_NAME}"' in script
    assert (
        "HKCR" not in script
        and "WriteRegStr HKLM" not in script
        and "WriteRegStr HKCU" not in script
    )
    assert 'WriteRegStr SHCTX "Software\\Classes\\.zwk" "" "${PROG_ID}"' in script
    # All users (HKLM, Program Files) only in the /ALLUSERS branch, after the administrator check.
    on_init = script[
        script.index("Function .onInit") : script.index(
            "FunctionEnd", script.index("Function .onInit")
        )
    ]
    allusers = on_init.index('${GetOptions} $R0 "/ALLUSERS" $R1')
    assert allusers < on_init.index("Call RequireAdmin") < on_init.index("SetShellVarContext all")
    assert '"$PROGRAMFILES64\\${APP_NAME}"' in on_init
    assert on_init.rstrip().endswith("Call CheckRunning")
    # Drafts stay unless asked: the data folder is removed only under $PurgeData == 1.
    purge = script.index("${If} $PurgeData == 1")
    assert script.index('RMDir /r "$DataDir"') > purge


def test_the_mutex_name_is_the_same_for_program_installer_and_stand_in() -> None:
    from zwk_desktop.services.instance import MUTEX_NAME

    assert f'!define MUTEX "{MUTEX_NAME}"' in NSIS_SCRIPT.read_text(encoding="utf-8")
    standin = (ROOT / "packaging" / "windows" / "standin.c").read_text(encoding="utf-8")
    assert f'L"Local\\\\{MUTEX_NAME}"' in standin and f'L"Global\\\\{MUTEX_NAME}"' in standin


def test_german_texts_reach_the_installer_as_utf8_and_signing_hooks_run(tmp_path: Path) -> None:
    """makensis reads the script as UTF-8 (-INPUTCHARSET UTF8): „Entwürfe“ is in the installer's
    strings (UTF-16 in an uncompressed build) instead of mojibake; with a signing command the
    installer and the uninstaller are handed to it (!finalize, !uninstfinalize)."""
    payload = tmp_path / "bundle"
    (payload / "_internal").mkdir(parents=True)
    for name in ("zwk-desktop.exe", "zwk-desktop-cli.exe"):
        (payload / name).write_bytes(b"MZ")
    log = tmp_path / "signiert.txt"
    signer = tmp_path / "signtool.py"
    signer.write_text(
        f"import sys\nopen({str(log)!r}, 'a', encoding='utf-8').write(sys.argv[-1] + '\\n')\n",
        encoding="utf-8",
    )
    out = tmp_path / "setup.exe"
    command = [
        bundle_build.makensis(), "-V2", "-INPUTCHARSET", "UTF8", "-DVERSION=1.2.3",
        f"-DBUNDLE_DIR={payload}", f"-DOUTFILE={out}", "-DNO_COMPRESSION",
        f"-DSIGN_COMMAND={sys.executable} {signer}", str(NSIS_SCRIPT),
    ]  # fmt: skip
    subprocess.run(command, check=True, capture_output=True)
    content = out.read_bytes()
    assert "Entwürfe".encode("utf-16-le") in content
    assert "Entwürfe".encode().decode("latin-1").encode("utf-16-le") not in content
    signed = log.read_text(encoding="utf-8").splitlines()
    assert len(signed) == 2  # the uninstaller (written into the installer), then the installer
    assert signed[-1] == str(out)
    assert "--installer" not in " ".join(signed)
    built = bundle_build.build_installer.__code__.co_consts
    assert "-INPUTCHARSET" in built and "UTF8" in built


def test_the_bundle_executables_are_signed_before_packing(tmp_path: Path) -> None:
    bundle = tmp_path / "bundle"
    bundle.mkdir()
    for name in ("zwk-desktop.exe", "zwk-desktop-cli.exe"):
        (bundle / name).write_bytes(b"MZ")
    log = tmp_path / "signiert.txt"
    signer = tmp_path / "signtool.py"
    signer.write_text(
        f"import sys\nopen({str(log)!r}, 'a').write(sys.argv[-1] + '\\n')\n", encoding="utf-8"
    )
    signed = bundle_build.sign_executables(bundle, f'"{sys.executable}" "{signer}"')
    assert [p.name for p in signed] == ["zwk-desktop-cli.exe", "zwk-desktop.exe"]
    assert sorted(log.read_text().split()) == sorted(str(p) for p in signed)


def test_makensis_compiles_the_installer_script(tmp_path: Path) -> None:
    payload = tmp_path / "bundle"
    (payload / "_internal").mkdir(parents=True)
    for name in ("zwk-desktop.exe", "zwk-desktop-cli.exe", "_internal/base_library.zip"):
        (payload / name).write_bytes(b"MZ")
    out = tmp_path / "setup-check.exe"
    bundle_build.build_installer(payload, out, check_only=True)
    assert not out.exists()  # checked, then discarded


def test_microsofts_runtime_dlls_from_the_windows_system_folder(tmp_path: Path) -> None:
    """What PyInstaller copies from C:\\Windows\\System32 on the Windows build (a folder stands in
    for the system folder here); any other file from there stays untraced."""
    system32 = tmp_path / "Windows" / "System32"
    system32.mkdir(parents=True)
    for name in (
        "VCRUNTIME140.dll",
        "ucrtbase.dll",
        "api-ms-win-crt-heap-l1-1-0.dll",
        "user32.dll",
    ):
        (system32 / name).write_bytes(b"MZ")
    tracer = bundle_licences.Tracer(ROOT, tmp_path / "work", system_root=tmp_path / "Windows")
    runtime = [
        (n, str(system32 / n), "BINARY")
        for n in ("VCRUNTIME140.dll", "ucrtbase.dll", "api-ms-win-crt-heap-l1-1-0.dll")
    ]
    found = {c.name: c for c in bundle_licences.trace(runtime, tracer)}
    ms = found["Microsoft Visual C++ Runtime und Universal C Runtime"]
    assert ms.kind is Kind.SYSTEM and "Distributable Code" in ms.notice
    assert ms.origin.endswith("VCRUNTIME140.dll, api-ms-win-crt-heap-l1-1-0.dll, ucrtbase.dll")
    with pytest.raises(bundle_licences.UntracedFilesError, match=r"user32\.dll"):
        bundle_licences.trace([("user32.dll", str(system32 / "user32.dll"), "BINARY")], tracer)


def test_the_windows_workflow_calls_existing_scripts() -> None:
    import yaml

    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "windows.yml").read_text("utf-8"))
    jobs = workflow["jobs"]
    assert {job["runs-on"] for job in jobs.values()} == {"windows-latest"}
    runs = "\n".join(step.get("run", "") for job in jobs.values() for step in job["steps"])
    for script in (
        "packaging\\bundle_build.py --installer",
        "packaging\\bundle_smoke.py dist\\zwk-desktop",
        "packaging\\windows\\test_installer.ps1",
    ):
        assert script in runs
        assert (ROOT / script.split()[0].replace("\\", "/")).is_file()
    # ruff, mypy and the whole suite run on Windows too.
    tests = "\n".join(step.get("run", "") for step in jobs["tests"]["steps"])
    for command in ("ruff check", "ruff format --check", "mypy", "pytest"):
        assert command in tests


def test_every_multi_line_step_of_the_windows_workflow_stops_at_its_first_failure() -> None:
    import yaml

    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "windows.yml").read_text("utf-8"))
    for job in workflow["jobs"].values():
        assert job["defaults"]["run"]["shell"] == "pwsh"
        for step in job["steps"]:
            lines = step.get("run", "").strip().splitlines()
            if len(lines) > 1:
                assert lines[:2] == [
                    '$ErrorActionPreference = "Stop"',
                    "$PSNativeCommandUseErrorActionPreference = $true",
                ], step["name"]


def test_plugins_of_other_qt_hooks_are_filtered_on_every_layout() -> None:
    entries = [
        ("PySide6/Qt/plugins/styles/libqmodernwindowsstyle.so", "/x/a", "BINARY"),
        ("PySide6\\plugins\\styles\\qmodernwindowsstyle.dll", "C:\\x\\b", "BINARY"),
        ("PySide6\\plugins\\sqldrivers\\qsqlite.dll", "C:\\x\\c", "BINARY"),
        ("PySide6/Qt/plugins/printsupport/libcupsprintersupport.so", "/x/d", "BINARY"),
        ("PySide6/Qt/plugins/tls/libqopensslbackend.so", "/x/e", "BINARY"),
        ("libz.so.1", "/lib/libz.so.1", "BINARY"),
        ("PySide6\\opengl32sw.dll", "C:\\x\\f", "BINARY"),
    ]
    kept = [dest for dest, _, _ in bundle_spec.filter_binaries(entries, linux=False)]
    assert kept == [
        "PySide6/Qt/plugins/styles/libqmodernwindowsstyle.so",
        "PySide6\\plugins\\styles\\qmodernwindowsstyle.dll",
        "PySide6/Qt/plugins/printsupport/libcupsprintersupport.so",
        "libz.so.1",
    ]


def test_linux_desktop_libraries_come_from_the_system() -> None:
    entries = [
        (name, f"/usr/lib/x86_64-linux-gnu/{name}", "BINARY")
        for name in (
            "libX11.so.6",
            "libxcb.so.1",
            "libfontconfig.so.1",
            "libdbus-1.so.3",
            "libglib-2.0.so.0",
            "libxcb-cursor.so.0",
            "libxkbcommon-x11.so.0",
            "libstdc++.so.6",
            "libz.so.1",
        )
    ] + [
        (
            "pillow.libs/libxcb-9065bb12.so.1.1.0",
            "/x/pillow.libs/libxcb-9065bb12.so.1.1.0",
            "BINARY",
        )
    ]
    on_linux = [dest for dest, _, _ in bundle_spec.filter_binaries(entries, linux=True)]
    assert on_linux == [
        "libxcb-cursor.so.0",
        "libxkbcommon-x11.so.0",
        "libstdc++.so.6",
        "libz.so.1",
        "pillow.libs/libxcb-9065bb12.so.1.1.0",
    ]
    assert len(bundle_spec.filter_binaries(entries, linux=False)) == len(entries)
