"""Take the README's screenshots of the real program in a real X window (run under Xvfb):

    make screenshots      (= xvfb-run -a python docs/screenshots/take.py)

Each picture is the program's window as the X server shows it (QScreen.grabWindow); a popup
(the directory's suggestions) is captured together with its window. The PDF pages come from a
real export of an example, rendered with poppler's pdftoppm.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from decimal import Decimal
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "xcb")
os.environ["ZWK_DATA_DIR"] = tempfile.mkdtemp(prefix="zwk-screenshots-")

from PySide6.QtCore import QEventLoop, QPoint, QRect, QTimer, SignalInstance
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QScrollArea, QWidget

from zwk_desktop.app import build_services
from zwk_desktop.directory import default_directory
from zwk_desktop.domain.budget import compute_budget
from zwk_desktop.services.export import ExportResult
from zwk_desktop.services.identities import PassphraseRequest
from zwk_desktop.services.identities import open_store as open_identities
from zwk_desktop.services.portable import import_file
from zwk_desktop.services.recovery import open_store, start_up
from zwk_desktop.ui.dialogs.drafts_manager import DraftsDialog
from zwk_desktop.ui.dialogs.versions import VersionsDialog
from zwk_desktop.ui.directory.extra import DirectoryAssist, MemberExtra
from zwk_desktop.ui.export.commands import ExportCommands
from zwk_desktop.ui.pages.population_extra import PopulationExtra
from zwk_desktop.ui.window.application import install_translators
from zwk_desktop.ui.window.main_window import MainWindow

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
EXAMPLES = ROOT / "examples"
WIDTH, HEIGHT = 1440, 900
PASSPHRASE = "bildschirmfoto-2021"  # no keyring under Xvfb: the prompt is answered here


def settle(ms: int = 400) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def wait_for(signal: SignalInstance, timeout_ms: int = 120_000) -> list[object]:
    """Run the event loop until `signal` is emitted; returns its arguments."""
    loop = QEventLoop()
    got: list[object] = []

    def done(*args: object) -> None:
        got.extend(args)
        loop.quit()

    signal.connect(done)
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()
    signal.disconnect(done)
    if not got:
        raise RuntimeError("Zeitüberschreitung beim Warten auf das Programm")
    return got


def shot(window: QWidget, name: str, popup: QWidget | None = None) -> None:
    settle()
    screen = window.screen()
    if popup is None or not popup.isVisible():
        picture = screen.grabWindow(window.winId())
    else:
        area = window.frameGeometry().united(QRect(popup.mapToGlobal(QPoint(0, 0)), popup.size()))
        picture = screen.grabWindow(0, area.x(), area.y(), area.width(), area.height())
    picture.save(str(HERE / f"{name}.png"))
    print(f"{name}.png {picture.width()}×{picture.height()}")


def scroll_to(window: MainWindow, target: QWidget, above: int = 8) -> None:
    """Scroll the current page so that `target` is at the top."""
    editor = window.editor
    assert editor is not None
    page = editor.stack.currentWidget()
    assert isinstance(page, QScrollArea)
    content = page.widget()
    assert content is not None
    page.verticalScrollBar().setValue(target.mapTo(content, QPoint(0, 0)).y() - above)


def typed(line: QWidget, text: str) -> None:
    """Type ASCII text as a user does (textEdited starts the directory's search)."""
    from PySide6.QtTest import QTest

    line.setFocus()
    QTest.keyClicks(line, text)
    settle(200)


def main() -> int:
    app = QApplication(sys.argv)
    install_translators(app, "de")
    services = build_services()
    for name in ("staedteverbund-oberes-tal.zwk", "gemeinde-lindenhagen.zwk"):
        import_file(services.store, EXAMPLES / name)
    window = MainWindow(services)
    window.resize(WIDTH, HEIGHT)
    window.move(0, 0)
    window.show()
    window.activateWindow()
    shot(window, "startseite")

    wizard_shots(window)
    last = window.current.draft_id if window.current is not None else None
    directory_shots(window)
    export_shots(window, Path(tempfile.gettempdir()) / "Dokumente" / "ZWK-Bewerbung" / "Export")
    window.close()
    inbox_shot(Path(tempfile.gettempdir()) / "Dokumente" / "ZWK-Posteingang")

    # a run that had the draft open and then died (its lock released as after a kill)
    store = open_store()
    crashed = start_up(store)
    crashed.note_open_draft(last)
    assert crashed.lock is not None
    crashed.lock.release(remove=False)
    store.close()
    again = MainWindow(build_services())
    again.resize(WIDTH, HEIGHT)
    again.move(0, 0)
    again.show()
    again.activateWindow()
    shot(again, "wiederhergestellt")
    again.close()
    return 0


def directory_shots(window: MainWindow) -> None:
    """The kommune page of a new draft: suggestions, a chosen Gemeinde, a Zusammenschluss."""
    window.new_draft()
    session, page = window.session, window.editor  # the closed draft's view may linger
    assert session is not None and page is not None
    assist = page.findChild(DirectoryAssist)
    assert assist is not None
    name = page.findChild(QLineEdit, "kommune.name")
    assert name is not None
    typed(name, "Neustadt")
    completer = assist.completers[0]
    shot(window, "gemeinde-vorschlaege", completer.popup())
    completer.popup().hide()
    entry = default_directory().lookup("09473112")
    assert entry is not None
    completer.chosen.emit(entry)  # as choosing Gemeinde Ahorn in the list does
    name.setText(entry.formal_name)
    shot(window, "gemeinde-ausgewaehlt")

    art = page.findChild(QComboBox, "kommune.art")
    assert isinstance(art, QComboBox)
    art.setCurrentIndex(art.findData("zusammenschluss"))
    session.set("kommune.name", "Verwaltungsgemeinschaft am Coburger Land")
    members = page.findChild(MemberExtra)
    assert members is not None
    for ags in ("09473112", "09473159", "09473166"):
        found = default_directory().lookup(ags)
        assert found is not None
        members.picker.add(found)
    shot(window, "gemeinde-mitglieder")


def wizard_shots(window: MainWindow) -> None:
    """An example: a live check, the chart, the schedule, the budget, Prüfen, versions, the
    drafts list."""
    window.open_example(EXAMPLES / "gemeinde-lindenhagen.zwk")
    editor = window.editor
    session = window.session
    assert editor is not None and session is not None
    window.save()  # a version to compare with in „Versionen…“
    session.set("kommune.anschrift.plz", "1734")  # a live check in words beside the field
    editor.check()
    editor.open_path("kommune.anschrift.plz")
    shot(window, "abschnitt-kommune")

    editor.open_path("ausgangslage.bevoelkerung[0].jahr")
    assert editor.findChild(PopulationExtra) is not None
    shot(window, "bevoelkerung-diagramm-assistent")

    editor.open_path("massnahmen.zeitplan[0].von")
    shot(window, "abschnitt-massnahmen")

    # one year over the cap, one with 2.500,00 € left
    budget = compute_budget(session.spec, session.draft.data)
    item = "finanzplan.posten[4].betraege"
    for year, target in (("2022", Decimal("42500")), ("2023", Decimal("37500"))):
        amount = budget.items[4].amounts[year] + target - budget.totals[year]
        session.set(f"{item}.{year}", f"{amount:.2f}")
    editor.check()
    editor.open_path(f"{item}.2022")
    grid = window.findChild(QWidget, "finanzplan:tabelle")
    assert grid is not None
    scroll_to(window, grid)
    shot(window, "finanzplan")

    session.set("kommune.einwohner", 95)
    editor.check()
    editor.show_review()
    warning = next(f for f in session.report.findings if f.code == "population_implausible")
    session.acknowledge(warning, "Ortsteil mit 95 Einwohnern; Zahl vom Meldeamt bestätigt.")
    shot(window, "pruefen")

    window.save()
    window.show_versions()
    versions = window.findChild(VersionsDialog)
    assert versions is not None
    versions.list.selectRow(1)
    shot(versions, "versionen")
    versions.close()

    window.show_drafts()
    drafts = window.findChild(DraftsDialog)
    assert drafts is not None
    shot(drafts, "entwuerfe")
    drafts.close()


def export_shots(window: MainWindow, out: Path) -> None:
    """Export an example through the window's dialog, then open the package in the Prüfansicht;
    the PDF's cover, the population chart and the budget as page images."""

    def passphrase(request: PassphraseRequest) -> str:
        return PASSPHRASE

    open_identities().create_self_signed(
        "Katrin Wendland",
        "Bürgermeisterin",
        "Gemeinde Lindenhagen am See",
        "buergermeisterin@lindenhagen.example",
        passphrase,
    )
    shutil.rmtree(out, ignore_errors=True)  # left by an earlier run
    window.open_example(EXAMPLES / "gemeinde-lindenhagen.zwk")
    commands = ExportCommands.of(window, None)  # what Datei → Exportieren… uses
    dialog = commands.export()
    assert dialog is not None
    dialog.prompt = passphrase
    dialog.folder.setText(str(out))
    dialog.justification.setText("Fiktive Beispielkommune; der Schlüssel ist erfunden.")
    dialog.ack_button.click()
    dialog.export_button.click()
    [result] = wait_for(dialog.exported)
    assert isinstance(result, ExportResult)
    dialog.resize(dialog.width(), dialog.sizeHint().height())
    shot(dialog, "export-dialog")
    dialog.reject()

    (manifest,) = result.folder.glob("*_manifest.json")
    view = commands.open_package(manifest)
    wait_for(view.checked)
    view.resize(980, 520)
    shot(view, "pruefansicht")
    view.close()
    pdf_pages(result.pdf)


def inbox_shot(folder: Path) -> None:
    """The Posteingang on the three examples, each signed by the person its form names, one of
    them sent twice (the older one replaced) and one with a changed PDF."""
    import datetime as dt

    from zwk_desktop.domain.draft import read_draft
    from zwk_desktop.formspec import get_form
    from zwk_desktop.services.export import acknowledge_all, export_package, readiness
    from zwk_desktop.ui.inbox.window import InboxWindow

    def passphrase(request: PassphraseRequest) -> str:
        return PASSPHRASE

    shutil.rmtree(folder, ignore_errors=True)  # left by an earlier run
    made = folder.with_name(folder.name + "-export")
    shutil.rmtree(made, ignore_errors=True)
    folder.with_name("zertifikate.sqlite").unlink(missing_ok=True)
    folder.mkdir(parents=True)
    store = open_identities()
    spec = get_form()
    when = dt.datetime(2021, 7, 14, 9, 30).astimezone()
    for n, name in enumerate(sorted(p.name for p in EXAMPLES.glob("*.zwk")) * 2):
        draft = read_draft(EXAMPLES / name)
        ready = readiness(spec, draft)
        draft = acknowledge_all(draft, ready.unacknowledged, "Fiktive Beispielkommune.")
        signer = draft.data["unterschrift"]
        identities = {i.name: i for i in store.all()}
        identity = identities.get(signer["name"]) or store.create_self_signed(
            signer["name"], signer["funktion"], draft.data["kommune"]["name"], "", passphrase
        )
        key = store.unlock(identity, passphrase)
        if n >= 3:
            if name.startswith("gemeinde"):
                draft.data["finanzplan"]["posten"][0]["erlaeuterung"] += " (korrigiert)"
            elif name.startswith("landkreis"):
                continue
        signed = when + dt.timedelta(days=n, hours=n)
        result = export_package(spec, draft, key, made / str(n), now=signed)
        if n == 5:  # a package folder whose PDF was changed after signing
            changed = shutil.copytree(result.folder, folder / result.folder.name)
            (manifest,) = changed.glob("*_manifest.json")
            entries = json.loads(manifest.read_bytes())["files"]
            pdf_file = changed / next(e["path"] for e in entries if e["role"] == "pdf")
            pdf = bytearray(pdf_file.read_bytes())
            pdf[len(pdf) // 2] ^= 0x01
            pdf_file.write_bytes(bytes(pdf))
            continue
        target = folder / result.mail.name.replace(".eml", f"_{n}.eml")
        received = signed + dt.timedelta(minutes=20)  # as a mail program saves it: with a Date
        target.write_bytes(
            f"Date: {received:%a, %d %b %Y %H:%M:%S %z}\r\n".encode() + result.mail.read_bytes()
        )
    window = InboxWindow(folder, store_path=folder.with_name("zertifikate.sqlite"))
    window.resize(WIDTH, HEIGHT)
    window.move(0, 0)
    window.show()
    window.activateWindow()
    wait_for(window.scanned)
    shot(window, "posteingang")
    window.close()


def pdf_pages(pdf: Path) -> None:
    text = subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True, check=True)
    pages = text.stdout.split("\f")
    wanted = {
        "pdf-deckblatt": 1,
        "bevoelkerung-diagramm-pdf": next(
            i + 1 for i, page in enumerate(pages) if "Bevölkerungsentwicklung 2000" in page
        ),
        "pdf-finanzplan": next(
            i + 1 for i, page in enumerate(pages) if "Summe der Ausgaben" in page
        ),
        # issue 11: the signature of the named person; hashes and file names unbroken
        "pdf-unterschrift": next(
            i + 1 for i, page in enumerate(pages) if "Elektronische Signatur" in page
        ),
        "pdf-anlagen": next(i + 1 for i, page in enumerate(pages) if "SHA-256:" in page),
    }
    if wanted["pdf-anlagen"] == wanted["pdf-unterschrift"]:  # one page shows both
        wanted["pdf-unterschrift-anlagen"] = wanted.pop("pdf-anlagen")
        del wanted["pdf-unterschrift"]
    for name, number in wanted.items():
        dpi = (
            "80"
            if name in ("pdf-deckblatt", "bevoelkerung-diagramm-pdf", "pdf-finanzplan")
            else "110"
        )
        subprocess.run(
            ["pdftoppm", "-png", "-r", dpi, "-f", str(number), "-l", str(number),
             "-singlefile", str(pdf), str(HERE / name)],
            check=True,
        )  # fmt: skip
        print(f"{name}.png (Seite {number})")


if __name__ == "__main__":
    sys.exit(main())
