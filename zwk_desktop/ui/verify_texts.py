"""German sentences of the package verification (services/verify*.py and what it passes on from
signing.py, mail.py and package.py) as the window shows them: the rows of the Prüfansicht and
the errors of the Posteingang. Listed so that lupdate collects them (context „Dienste“);
`zwk_desktop.ui.common.SERVICE_TEXTS` includes them and `service_text` finds them at run time.

The same sentences are what ``zwk-desktop verify`` prints and its ``--json`` output holds; both
stay German (the ministry's tool, a published schema). Each row is a whole sentence with
{placeholders}; the first matching template wins, so a longer variant stands before the
shorter one it extends (the signing time before the row without it).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

VERIFY_TEXTS: tuple[str, ...] = (  # type: ignore[assignment]  # the stubs say object
    # what a row is about, where it is not a file of the package (verify_content, verify_report)
    QT_TRANSLATE_NOOP("Dienste", "Angaben"),
    QT_TRANSLATE_NOOP("Dienste", "Unterzeichnung"),
    QT_TRANSLATE_NOOP("Dienste", "Vertrauen"),
    QT_TRANSLATE_NOOP("Dienste", "Papierfassung"),
    QT_TRANSLATE_NOOP("Dienste", "E-Mail"),
    # the package's structure (verify.py, mail.py)
    QT_TRANSLATE_NOOP(
        "Dienste", "Die Datei ist eine Verknüpfung (symbolischer Link), keine Paketdatei."
    ),
    QT_TRANSLATE_NOOP("Dienste", "Das ist keine gewöhnliche Datei."),
    QT_TRANSLATE_NOOP("Dienste", "Ein Teil der E-Mail ist beschädigt und nicht lesbar."),
    QT_TRANSLATE_NOOP(
        "Dienste",
        "Die E-Mail enthält einen Anhang ohne Namen ({type}), der nicht im signierten "
        "Verzeichnis steht.",
    ),
    QT_TRANSLATE_NOOP(
        "Dienste",
        "Der Anhang „{name}“ steht {count}-mal in der E-Mail; welcher gilt, ist nicht eindeutig "
        "(Mailprogramme zeigen womöglich einen anderen als den signierten). Die E-Mail ist so "
        "nicht gültig.",
    ),
    # the manifest (package.py)
    QT_TRANSLATE_NOOP("Dienste", "manifest.json ist nicht lesbar: {error}"),
    QT_TRANSLATE_NOOP("Dienste", "manifest.json ist kein Verzeichnis eines ZWK-Bewerbungspakets."),
    QT_TRANSLATE_NOOP(
        "Dienste",
        "manifest.json hat die Formatversion {version}, die dieses Programm nicht kennt; bitte "
        "prüfen Sie das Paket mit einer neueren Version.",
    ),
    QT_TRANSLATE_NOOP("Dienste", "Die Dateiliste in manifest.json ist beschädigt."),
    # the manifest's signature (verify.py, signing.py)
    QT_TRANSLATE_NOOP(
        "Dienste",
        "Verzeichnis signiert von {signer} (selbst ausgestelltes Zertifikat, SHA-256 "
        "{fingerprint})",
    ),
    QT_TRANSLATE_NOOP(
        "Dienste", "Verzeichnis signiert von {signer} (Zertifikat, SHA-256 {fingerprint})"
    ),
    QT_TRANSLATE_NOOP(
        "Dienste",
        "Die Signatur des Verzeichnisses fehlt: ohne sie ist nicht belegt, dass die Dateien so "
        "abgeschickt wurden.",
    ),
    QT_TRANSLATE_NOOP("Dienste", "Das Verzeichnis wurde nach der Signatur verändert."),
    QT_TRANSLATE_NOOP(
        "Dienste", "Das Zertifikat in der Signaturdatei ist nicht das im Verzeichnis genannte."
    ),
    QT_TRANSLATE_NOOP("Dienste", "Die Signaturdatei ist beschädigt."),
    QT_TRANSLATE_NOOP("Dienste", "Die Signaturdatei ist beschädigt oder keine CMS-Signatur."),
    QT_TRANSLATE_NOOP("Dienste", "Die Signatur passt nicht zum Inhalt."),
    # the files (verify.py)
    QT_TRANSLATE_NOOP(
        "Dienste",
        "Die Datei fehlt: sie steht im signierten Verzeichnis, liegt aber nicht vor (nicht "
        "mitgeschickt oder nicht mit gespeichert).",
    ),
    QT_TRANSLATE_NOOP(
        "Dienste",
        "Der Inhalt passt nicht zur Prüfsumme im signierten Verzeichnis: die Datei wurde nach "
        "der Signatur verändert oder beim Übertragen beschädigt.",
    ),
    QT_TRANSLATE_NOOP("Dienste", "Prüfsumme stimmt ({size})"),
    QT_TRANSLATE_NOOP(
        "Dienste",
        "Die Datei steht nicht im signierten Verzeichnis: sie gehört nicht zu dem, was signiert "
        "wurde.",
    ),
    # the PDF (verify_content.py, signing.py)
    QT_TRANSLATE_NOOP(
        "Dienste",
        "Das PDF enthält komprimierte Daten, die sich auf mehr als {size} entpacken würden (eine "
        "„Dekompressionsbombe“); es wird nicht weiter geöffnet.",
    ),
    QT_TRANSLATE_NOOP("Dienste", "Druckfassung zur Unterschrift (Papierweg, ohne Signatur)"),
    QT_TRANSLATE_NOOP(
        "Dienste", "Das PDF ist mit einem anderen Zertifikat signiert als das Verzeichnis."
    ),
    QT_TRANSLATE_NOOP(
        "Dienste", "Signatur gültig und deckt die ganze Datei ab ({signer}, {date} Uhr)"
    ),
    QT_TRANSLATE_NOOP("Dienste", "Signatur gültig und deckt die ganze Datei ab ({signer})"),
    QT_TRANSLATE_NOOP("Dienste", "Das PDF enthält {count} statt genau einer Signatur."),
    QT_TRANSLATE_NOOP(
        "Dienste", "Die Signatur des PDF lässt sich nicht prüfen; die Datei ist beschädigt."
    ),
    QT_TRANSLATE_NOOP(
        "Dienste",
        "Die Signatur des PDF ist ungültig: der Inhalt wurde nach der Signatur verändert.",
    ),
    QT_TRANSLATE_NOOP(
        "Dienste",
        "Die Signatur des PDF deckt nicht die ganze Datei ab: nach der Signatur wurde etwas "
        "angefügt (die Prüfung dieser Änderung ergab, dass sie nicht zulässig ist).",
    ),
    QT_TRANSLATE_NOOP(
        "Dienste",
        "Die Signatur des PDF deckt nicht die ganze Datei ab: nach der Signatur wurde etwas "
        "angefügt.",
    ),
    QT_TRANSLATE_NOOP(
        "Dienste",
        "Die im PDF eingebettete bewerbung.json würde sich auf mehr als {size} entpacken; so "
        "groß ist keine Bewerbung.",
    ),
    QT_TRANSLATE_NOOP(
        "Dienste",
        "Im PDF sind die Angaben (bewerbung.json) nicht eingebettet oder nicht lesbar.",
    ),
    QT_TRANSLATE_NOOP(
        "Dienste", "{json} stimmt nicht mit den im PDF eingebetteten Angaben überein."
    ),
    QT_TRANSLATE_NOOP("Dienste", "identisch mit den im PDF eingebetteten Angaben"),
    # the signatory and the data (verify_content.py)
    QT_TRANSLATE_NOOP(
        "Dienste",
        "signiert von {signer}, der in den Angaben genannten unterzeichnenden Person ({who})",
    ),
    QT_TRANSLATE_NOOP(
        "Dienste",
        "Signiert hat {signer} (laut Zertifikat), als unterzeichnende Person nennen die Angaben "
        "aber {who}. Die Bewerbung ist nicht von der Person signiert, die sie unterschreiben "
        "soll.",
    ),
    QT_TRANSLATE_NOOP("Dienste", "eine unbekannte Person"),
    QT_TRANSLATE_NOOP("Dienste", "niemanden"),
    QT_TRANSLATE_NOOP("Dienste", "(niemand genannt)"),
    QT_TRANSLATE_NOOP("Dienste", "{person}, in Vertretung"),
    QT_TRANSLATE_NOOP("Dienste", "Die Angaben lassen sich nicht erneut prüfen: {error}"),
    QT_TRANSLATE_NOOP(
        "Dienste",
        "Die erneute Prüfung der Angaben findet 1 Fehler, z. B. {path} ({code}): {message}",
    ),
    QT_TRANSLATE_NOOP(
        "Dienste",
        "Die erneute Prüfung der Angaben findet {count} Fehler, z. B. {path} ({code}): {message}",
    ),
    QT_TRANSLATE_NOOP(
        "Dienste",
        "Im Prüfprotokoll nicht bestätigt: 1 Hinweis der erneuten Prüfung, z. B. {code} bei "
        "{path}.",
    ),
    QT_TRANSLATE_NOOP(
        "Dienste",
        "Im Prüfprotokoll nicht bestätigt: {count} Hinweise der erneuten Prüfung, z. B. {code} "
        "bei {path}.",
    ),
    QT_TRANSLATE_NOOP(
        "Dienste",
        "erneute Prüfung ohne Fehler (Regelwerk {version}; 1 Hinweis, im Prüfprotokoll mit "
        "Begründung bestätigt)",
    ),
    QT_TRANSLATE_NOOP(
        "Dienste",
        "erneute Prüfung ohne Fehler (Regelwerk {version}; {count} Hinweise, im Prüfprotokoll "
        "mit Begründung bestätigt)",
    ),
    QT_TRANSLATE_NOOP("Dienste", "erneute Prüfung ohne Fehler (Regelwerk {version})"),
    # the paper path (verify_paper.py)
    QT_TRANSLATE_NOOP("Dienste", "{json} fehlt; nichts zu vergleichen."),
    QT_TRANSLATE_NOOP(
        "Dienste",
        "{json} stimmt NICHT mit der Papierfassung überein: die Datei hat die "
        "SHA-256-Prüfsumme {digest}, gedruckt ist {printed}.",
    ),
    QT_TRANSLATE_NOOP(
        "Dienste", "{json} stimmt mit dem gedruckten Prüfcode überein (SHA-256 {digest})"
    ),
    QT_TRANSLATE_NOOP("Dienste", "Der Prüfcode im Verzeichnis passt nicht zu {json}."),
    QT_TRANSLATE_NOOP(
        "Dienste",
        "nicht elektronisch signiert: die unterschriebene Papierfassung folgt per Post; ihr "
        "QR-Code muss zu {json} passen (verify … --papier …).",
    ),
    QT_TRANSLATE_NOOP("Dienste", "{path} ist zu groß für eine Bewerbung."),
    QT_TRANSLATE_NOOP("Dienste", "{path} sind nicht die Angaben einer Bewerbung: {error}"),
    # why a package cannot be checked at all (verify.py, verify_paper.py)
    QT_TRANSLATE_NOOP(
        "Dienste",
        "{folder} enthält mehr als {count} Dateien; das ist kein Bewerbungspaket.",
    ),
    QT_TRANSLATE_NOOP("Dienste", "{path} ist zu groß für ein Bewerbungspaket."),
    QT_TRANSLATE_NOOP("Dienste", "{path} ist keine gewöhnliche Datei."),
    QT_TRANSLATE_NOOP(
        "Dienste",
        "{path} ist kein ZWK-Bewerbungspaket: es fehlt das signierte Verzeichnis (…{suffix}).",
    ),
    QT_TRANSLATE_NOOP(
        "Dienste",
        "{path} ist keine E-Mail mit einem ZWK-Bewerbungspaket: das signierte Verzeichnis "
        "(…{suffix}) fehlt.",
    ),
    QT_TRANSLATE_NOOP(
        "Dienste",
        "Das signierte Verzeichnis (…_manifest.json) fehlt; das ist kein ZWK-Bewerbungspaket.",
    ),
    QT_TRANSLATE_NOOP(
        "Dienste",
        "Hier liegen {count} Pakete zusammen ({names}). Bitte nennen Sie das signierte "
        "Verzeichnis des Pakets, das geprüft werden soll, z. B. zwk-desktop verify "
        "ORDNER/{first}",
    ),
    QT_TRANSLATE_NOOP("Dienste", "Die Datei {name} fehlt."),
    QT_TRANSLATE_NOOP(
        "Dienste", "Die E-Mail enthält keine Anhänge; sie ist kein ZWK-Bewerbungspaket."
    ),
    QT_TRANSLATE_NOOP("Dienste", "Die Datei lässt sich nicht als E-Mail lesen."),
    QT_TRANSLATE_NOOP("Dienste", "{path} gibt es nicht."),
)
