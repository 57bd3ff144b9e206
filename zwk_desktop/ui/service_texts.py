"""German sentences of the Qt-free layers added since issue 10 (OS error causes, signature
cards, certificate checks, trust, paper check codes, crashes, the running instance, the
Posteingang, merging and importing), listed so that lupdate collects them (context „Dienste“).

`zwk_desktop.ui.common.SERVICE_TEXTS` includes them; `service_text` finds them at run time. A
template with {placeholders} matches any values (its values are translated in turn), the first
matching template wins: a longer variant stands before the shorter one it extends.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

LATER_SERVICE_TEXTS: tuple[str, ...] = (  # type: ignore[assignment]  # the stubs say object
    QT_TRANSLATE_NOOP("Dienste", "{path} kann nicht geschrieben werden ({cause})."),
    QT_TRANSLATE_NOOP("Dienste", "{path} kann nicht gelesen werden ({cause})."),
    QT_TRANSLATE_NOOP("Dienste", "der Datenträger ist voll"),
    QT_TRANSLATE_NOOP("Dienste", "der Speicherplatz des Benutzers ist erschöpft"),
    QT_TRANSLATE_NOOP("Dienste", "der Speicherort ist schreibgeschützt"),
    QT_TRANSLATE_NOOP("Dienste", "keine Berechtigung"),
    QT_TRANSLATE_NOOP("Dienste", "der Vorgang ist nicht erlaubt"),
    QT_TRANSLATE_NOOP("Dienste", "die Datei oder der Ordner ist nicht vorhanden"),
    QT_TRANSLATE_NOOP("Dienste", "die Datei ist schon vorhanden"),
    QT_TRANSLATE_NOOP("Dienste", "das ist ein Ordner"),
    QT_TRANSLATE_NOOP("Dienste", "der Pfad führt nicht in einen Ordner"),
    QT_TRANSLATE_NOOP("Dienste", "der Ordner ist nicht leer"),
    QT_TRANSLATE_NOOP("Dienste", "der Pfad ist eine Verknüpfung (symbolischer Link)"),
    QT_TRANSLATE_NOOP("Dienste", "der Name ist zu lang"),
    QT_TRANSLATE_NOOP("Dienste", "zu viele Dateien sind geöffnet"),
    QT_TRANSLATE_NOOP("Dienste", "die Datei ist gerade in Benutzung"),
    QT_TRANSLATE_NOOP("Dienste", "Ein- oder Ausgabefehler des Datenträgers"),
    QT_TRANSLATE_NOOP("Dienste", "die Datei ist zu groß"),
    QT_TRANSLATE_NOOP("Dienste", "Quelle und Ziel liegen auf verschiedenen Datenträgern"),
    QT_TRANSLATE_NOOP("Dienste", "ungültiger Name oder Vorgang"),
    QT_TRANSLATE_NOOP("Dienste", "das Gerät ist nicht erreichbar"),
    QT_TRANSLATE_NOOP("Dienste", "der Speicherort antwortet nicht"),
    QT_TRANSLATE_NOOP("Dienste", "die Datei ist vorübergehend gesperrt"),
    QT_TRANSLATE_NOOP("Dienste", "nicht genug Arbeitsspeicher"),
    QT_TRANSLATE_NOOP("Dienste", "die Datei ist gerade in einem anderen Programm geöffnet"),
    QT_TRANSLATE_NOOP("Dienste", "die Datei ist gerade von einem anderen Programm gesperrt"),
    QT_TRANSLATE_NOOP("Dienste", "der Name oder Pfad ist zu lang"),
    QT_TRANSLATE_NOOP("Dienste", "die Datei kann nicht geöffnet werden"),
    QT_TRANSLATE_NOOP("Dienste", "Fehler des Betriebssystems {name}"),
    QT_TRANSLATE_NOOP("Dienste", "unbekannter Fehler des Betriebssystems"),
    QT_TRANSLATE_NOOP(
        "Dienste",
        "Die Signaturkarte „{label}“ wurde nicht gefunden. Bitte stecken Sie die Karte in den "
        "Kartenleser (oder schließen Sie den Token an) und versuchen Sie es erneut.",
    ),
    QT_TRANSLATE_NOOP(
        "Dienste",
        "Die Kartensoftware (PKCS#11-Modul) {module} ist nicht installiert. Bitte installieren "
        "Sie die Software des Kartenherstellers oder OpenSC.",
    ),
    QT_TRANSLATE_NOOP(
        "Dienste",
        "Auf der Karte passen mehrere Zertifikate zu {wanted}; bitte geben Sie die ID an ({ids}).",
    ),
    QT_TRANSLATE_NOOP("Dienste", "Auf der Karte liegt kein persönliches Zertifikat."),
    QT_TRANSLATE_NOOP(
        "Dienste",
        "Auf der Karte liegen mehrere Zertifikate; bitte wählen Sie das Signaturzertifikat mit "
        "--key-label oder --key-id ({labels}).",
    ),
    QT_TRANSLATE_NOOP("Dienste", "Bitte geben Sie die Funktion der unterzeichnenden Person an."),
    QT_TRANSLATE_NOOP(
        "Dienste",
        "Es ist keine Kartensoftware (PKCS#11-Modul) installiert; bitte geben Sie den Pfad mit "
        "--module an.",
    ),
    QT_TRANSLATE_NOOP(
        "Dienste",
        "Es stecken mehrere Karten; bitte wählen Sie eine mit --token ({labels}).",
    ),
    QT_TRANSLATE_NOOP("Dienste", "Das Zertifikat der Karte nennt keinen Namen (CN)."),
    QT_TRANSLATE_NOOP(
        "Dienste",
        "Die Kartensoftware {module} ist nicht (mehr) installiert; bitte installieren Sie die "
        "Software des Kartenherstellers oder OpenSC.",
    ),
    QT_TRANSLATE_NOOP(
        "Dienste",
        "Die Kartensoftware {module} lässt sich nicht laden ({error}); ist es wirklich ein "
        "PKCS#11-Modul für diesen Rechner (64 Bit)?",
    ),
    QT_TRANSLATE_NOOP("Dienste", "Die Zertifikate der Karte lassen sich nicht lesen ({error})."),
    QT_TRANSLATE_NOOP(
        "Dienste",
        "Auf der Karte gibt es kein Zertifikat {wanted} (vorhanden: {present}).",
    ),
    QT_TRANSLATE_NOOP(
        "Dienste",
        "Die Kartenangaben von „{label}“ fehlen oder sind beschädigt; bitte legen Sie die "
        "Identität neu an.",
    ),
    QT_TRANSLATE_NOOP(
        "Dienste",
        "Es wurde keine Signaturkarte gefunden. Bitte stecken Sie die Karte in den Kartenleser.",
    ),
    QT_TRANSLATE_NOOP("Dienste", "Achtung: nur noch ein Versuch, danach ist die PIN gesperrt."),
    QT_TRANSLATE_NOOP("Dienste", "Achtung: es wurde schon eine falsche PIN eingegeben."),
    QT_TRANSLATE_NOOP(
        "Dienste",
        "Die Signaturkarte hat das Signieren abgelehnt ({error}); es wurde nichts geschrieben.",
    ),
    QT_TRANSLATE_NOOP(
        "Dienste",
        "Auf der Karte ist der private Schlüssel zum Zertifikat „{certificate}“ nicht zu "
        "finden; bitte legen Sie die Identität neu an.",
    ),
    QT_TRANSLATE_NOOP(
        "Dienste",
        "Die Signaturkarte wurde während des Signierens entfernt; es wurde nichts geschrieben.",
    ),
    QT_TRANSLATE_NOOP(
        "Dienste",
        "Die Karte verlangt die PIN erneut; bitte versuchen Sie es noch einmal.",
    ),
    QT_TRANSLATE_NOOP(
        "Dienste",
        "Die PIN der Karte „{label}“ ist gesperrt. Entsperren Sie sie mit der PUK (Software des "
        "Kartenherstellers).",
    ),
    QT_TRANSLATE_NOOP(
        "Dienste",
        "Auf der Karte liegt ein anderes Zertifikat als bei der Einrichtung dieser Identität "
        "(erneuerte Karte oder eine andere Karte mit gleichem Namen?); bitte legen Sie die "
        "Identität neu an.",
    ),
    QT_TRANSLATE_NOOP("Dienste", "Abgebrochen: ohne PIN kann nicht signiert werden."),
    QT_TRANSLATE_NOOP(
        "Dienste",
        "Die PIN hat nicht die Länge oder die Zeichen, die die Karte erwartet.",
    ),
    QT_TRANSLATE_NOOP("Dienste", "Die PIN-Eingabe am Kartenleser wurde abgebrochen."),
    QT_TRANSLATE_NOOP("Dienste", "Die Anmeldung an der Karte ist fehlgeschlagen ({error})."),
    QT_TRANSLATE_NOOP(
        "Dienste",
        "Die PIN ist falsch; die Karte hat die PIN jetzt gesperrt. Entsperren Sie sie mit der "
        "PUK (Software des Kartenherstellers).",
    ),
    QT_TRANSLATE_NOOP("Dienste", "{reason} Es wurde nichts signiert."),
    QT_TRANSLATE_NOOP("Dienste", "Die PIN ist falsch."),
    QT_TRANSLATE_NOOP("Dienste", "Die PIN ist falsch. {state}"),
    QT_TRANSLATE_NOOP("Dienste", "noch nicht gültig"),
    QT_TRANSLATE_NOOP("Dienste", "läuft {when} ab"),
    QT_TRANSLATE_NOOP("Dienste", "läuft vor Fristende ab"),
    QT_TRANSLATE_NOOP(
        "Dienste",
        "Der {kind}-Schlüssel hat nur {bits} Bit; nötig sind mindestens {minimum} Bit. So kurze "
        "Schlüssel gelten nicht mehr als sicher.",
    ),
    QT_TRANSLATE_NOOP(
        "Dienste",
        "Die Ausstellerkette ist länger als erwartet; bitte prüfen Sie die Zertifikate.",
    ),
    QT_TRANSLATE_NOOP("Dienste", "ohne Schlüsselverwendung"),
    QT_TRANSLATE_NOOP(
        "Dienste",
        "Das Zertifikat nennt keine Schlüsselverwendung; manche Prüfprogramme erwarten "
        "digitalSignature oder nonRepudiation.",
    ),
    QT_TRANSLATE_NOOP("Dienste", "nicht zum Signieren bestimmt"),
    QT_TRANSLATE_NOOP(
        "Dienste",
        "Das Zertifikat ist nicht zum Signieren bestimmt: seine Schlüsselverwendung nennt weder "
        "digitalSignature noch nonRepudiation.",
    ),
    QT_TRANSLATE_NOOP(
        "Dienste",
        "Die erweiterte Schlüsselverwendung des Zertifikats nennt weder Dokumentsignatur noch "
        "E-Mail-Schutz; manche Prüfprogramme lehnen die Signatur deshalb ab.",
    ),
    QT_TRANSLATE_NOOP(
        "Dienste",
        "Das ist das Zertifikat einer Zertifizierungsstelle, nicht das einer Person.",
    ),
    QT_TRANSLATE_NOOP(
        "Dienste",
        "Das Zertifikat nennt sich selbst als Aussteller, ist aber nicht mit seinem eigenen "
        "Schlüssel unterschrieben.",
    ),
    QT_TRANSLATE_NOOP("Dienste", "Schlüsseltyp nicht unterstützt"),
    QT_TRANSLATE_NOOP(
        "Dienste",
        "Der Schlüssel des Zertifikats ist weder RSA noch EC; damit kann nicht signiert werden.",
    ),
    QT_TRANSLATE_NOOP(
        "Dienste",
        "Selbst ausgestellt: die Signatur belegt, dass die Daten unverändert sind, aber nicht, "
        "wer signiert hat.",
    ),
    QT_TRANSLATE_NOOP("Dienste", "Kette vollständig"),
    QT_TRANSLATE_NOOP(
        "Dienste",
        "Die Ausstellerkette bis „{root}“ liegt vor und ist rechnerisch stimmig (ob diese "
        "Stelle vertrauenswürdig ist, entscheidet der Empfänger).",
    ),
    QT_TRANSLATE_NOOP("Dienste", "Aussteller nicht beigefügt"),
    QT_TRANSLATE_NOOP(
        "Dienste",
        "Das Zertifikat der ausstellenden Stelle „{issuer}“ liegt nicht vor; die Kette prüft "
        "der Empfänger mit seinen Vertrauensankern.",
    ),
    QT_TRANSLATE_NOOP("Dienste", "Aussteller nicht gültig"),
    QT_TRANSLATE_NOOP(
        "Dienste",
        "Das Zertifikat der ausstellenden Stelle „{issuer}“ ist heute nicht gültig.",
    ),
    QT_TRANSLATE_NOOP(
        "Dienste",
        "Das Zertifikat von „{issuer}“ liegt vor, hat „{subject}“ aber nicht unterschrieben.",
    ),
    QT_TRANSLATE_NOOP(
        "Dienste",
        "Der Sperrstatus (Widerruf) der Zertifikate wird offline nicht geprüft; das geht nur "
        "beim Aussteller (Sperrliste oder OCSP).",
    ),
    QT_TRANSLATE_NOOP(
        "Dienste",
        "Geprüft wurde nur die Unversehrtheit: die Dateien sind unverändert, seit sie mit "
        "diesem Zertifikat signiert wurden. Ob das Zertifikat von einer vertrauenswürdigen "
        "Stelle ausgestellt ist, wurde nicht geprüft (dafür --trust mit den Zertifikaten der "
        "Aussteller).",
    ),
    QT_TRANSLATE_NOOP(
        "Dienste",
        "vertrauenswürdig ausgestellt von „{issuer}“ (Vertrauensanker „{anchor}“)",
    ),
    QT_TRANSLATE_NOOP("Dienste", "vertrauenswürdig ausgestellt von „{issuer}“"),
    QT_TRANSLATE_NOOP("Dienste", "Die Vertrauensanker {path} gibt es nicht."),
    QT_TRANSLATE_NOOP("Dienste", "In {path} liegt kein Zertifikat (.pem, .crt, .cer oder .der)."),
    QT_TRANSLATE_NOOP(
        "Dienste",
        "vertrauenswürdig: das Zertifikat selbst ist als Vertrauensanker hinterlegt",
    ),
    QT_TRANSLATE_NOOP("Dienste", "Im Ordner {path} liegen zu viele Zertifikatsdateien."),
    QT_TRANSLATE_NOOP(
        "Dienste",
        "nicht vertrauenswürdig: das Zertifikat (ausgestellt von „{issuer}“) führt zu keinem "
        "der Vertrauensanker.",
    ),
    QT_TRANSLATE_NOOP(
        "Dienste",
        "nicht vertrauenswürdig: ein Zertifikat der Ausstellerkette ist abgelaufen.",
    ),
    QT_TRANSLATE_NOOP(
        "Dienste",
        "nicht vertrauenswürdig: ein Zertifikat der Ausstellerkette ist noch nicht gültig.",
    ),
    QT_TRANSLATE_NOOP(
        "Dienste",
        "nicht vertrauenswürdig: die Ausstellerkette nutzt ein unsicheres Verfahren.",
    ),
    QT_TRANSLATE_NOOP("Dienste", "nicht vertrauenswürdig: die Ausstellerkette ist ungültig."),
    QT_TRANSLATE_NOOP("Dienste", "nicht vertrauenswürdig: die Signatur nennt kein Zertifikat."),
    QT_TRANSLATE_NOOP("Dienste", "{file} ist zu groß für eine Zertifikatsdatei."),
    QT_TRANSLATE_NOOP(
        "Dienste",
        "{file} enthält kein lesbares Zertifikat (erwartet: PEM oder DER).",
    ),
    QT_TRANSLATE_NOOP(
        "Dienste",
        "Das ist kein Prüfcode einer ZWK-Druckfassung: erwartet wird der Text des QR-Codes "
        "(beginnt mit „ZWK1;“) oder die SHA-256-Prüfsumme mit 64 Hexadezimalziffern.",
    ),
    QT_TRANSLATE_NOOP(
        "Dienste",
        "Im Prüfcode fehlt die SHA-256-Prüfsumme (64 Hexadezimalziffern) oder sie ist "
        "unvollständig.",
    ),
    QT_TRANSLATE_NOOP(
        "Dienste",
        "Interner Fehler in ZWK Desktop ({kind}). Ihre Eingaben sind davon nicht betroffen; was "
        "gespeichert war, bleibt gespeichert. Bitte senden Sie das Protokoll {log} an Ihre "
        "IT-Betreuung.",
    ),
    QT_TRANSLATE_NOOP(
        "Dienste",
        "Interner Fehler in ZWK Desktop ({kind}). Ihre Eingaben sind davon nicht betroffen. Das "
        "Protokoll ließ sich nicht schreiben ({folder} ist nicht beschreibbar).",
    ),
    QT_TRANSLATE_NOOP(
        "Dienste",
        "ZWK Desktop läuft bereits, reagiert aber nicht: Das geöffnete Fenster hat die Anfrage "
        "nicht innerhalb von {seconds} Sekunden angenommen. Bitte wechseln Sie zum Fenster von "
        "ZWK Desktop (es wartet vielleicht auf eine Antwort in einem Dialog) und versuchen Sie "
        "es dann noch einmal.",
    ),
    QT_TRANSLATE_NOOP(
        "Dienste",
        "Die Prüfung braucht mehr Speicher als erlaubt; das Paket ist beschädigt oder "
        "absichtlich so gebaut.",
    ),
    QT_TRANSLATE_NOOP(
        "Dienste",
        "Papierweg: das Paket ist nicht elektronisch signiert. Ob die Angaben der "
        "unterschriebenen Papierfassung entsprechen, zeigt erst deren Prüfcode: zwk-desktop "
        "verify PAKET --papier <Text des QR-Codes>.",
    ),
    QT_TRANSLATE_NOOP("Dienste", "… und {n} weitere"),
    QT_TRANSLATE_NOOP("Dienste", "Die Datei"),
    QT_TRANSLATE_NOOP("Dienste", "Der Ordner"),
    QT_TRANSLATE_NOOP("Dienste", "Die E-Mail"),
    QT_TRANSLATE_NOOP("Dienste", "Der Paketordner"),
    QT_TRANSLATE_NOOP(
        "Dienste",
        "Das ist eine Verknüpfung; der Posteingang folgt keinen Verknüpfungen.",
    ),
    QT_TRANSLATE_NOOP(
        "Dienste",
        "{what} ist mit {size} größer, als eine Bewerbung sein kann (höchstens {limit}) und "
        "wurde nicht geöffnet.",
    ),
    QT_TRANSLATE_NOOP("Dienste", "Das Paket ist zu tief verschachtelt, um es zu prüfen."),
    QT_TRANSLATE_NOOP("Dienste", "Das Paket lässt sich nicht prüfen ({error})."),
    QT_TRANSLATE_NOOP("Dienste", "Den Ordner {folder} gibt es nicht."),
    QT_TRANSLATE_NOOP(
        "Dienste",
        "{folder} ist kein Ordner. Der Posteingang liest einen Ordner mit E-Mails (.eml) und "
        "Paketordnern; ein einzelnes Paket prüft „zwk-desktop verify“.",
    ),
    QT_TRANSLATE_NOOP("Dienste", "Der Ordner {folder} kann nicht gelesen werden ({strerror})."),
    QT_TRANSLATE_NOOP("Dienste", "erstes Zertifikat dieser AGS (telefonisch bestätigen)"),
    QT_TRANSLATE_NOOP("Dienste", "wie bei der ersten Bewerbung"),
    QT_TRANSLATE_NOOP("Dienste", "anderes Zertifikat als bei der ersten Bewerbung"),
    QT_TRANSLATE_NOOP("Dienste", "mit der Kommune bestätigt"),
    QT_TRANSLATE_NOOP("Dienste", "Die Prüfung wurde abgebrochen."),
    QT_TRANSLATE_NOOP(
        "Dienste",
        "Die Prüfung ist abgebrochen: der Prüfprozess wurde beendet (zu viel Speicher oder ein "
        "Fehler in einer Bibliothek).",
    ),
    QT_TRANSLATE_NOOP(
        "Dienste",
        "Die Prüfung dauerte länger als {time} Sekunden und wurde abgebrochen; das Paket ist "
        "beschädigt oder absichtlich so gebaut.",
    ),
    QT_TRANSLATE_NOOP("Dienste", "Der Prüfprozess ist unerwartet beendet worden."),
    QT_TRANSLATE_NOOP(
        "Dienste",
        "Die Prüfprozesse des Posteingangs starten nicht (Zeitüberschreitung).",
    ),
    QT_TRANSLATE_NOOP("Dienste", "Die Prüfprozesse des Posteingangs lassen sich nicht starten."),
    QT_TRANSLATE_NOOP(
        "Dienste",
        "Die Zertifikate können nicht in {path} gespeichert werden ({error}); sie werden nur "
        "für diesen Lauf verglichen.",
    ),
    QT_TRANSLATE_NOOP("Dienste", "Die Zertifikate können nicht gespeichert werden ({error})."),
    QT_TRANSLATE_NOOP("Dienste", "{title}: noch keine gültige Bewerbung."),
    QT_TRANSLATE_NOOP("Dienste", "Beantragt nach Art der Kommune"),
    QT_TRANSLATE_NOOP(
        "Dienste",
        "„{title}“ (Entwurf Nr. {id}): übernommen, {changes} (der Entwurf hatte seit dem "
        "letzten Austausch keine eigenen Änderungen); {comments}.",
    ),
    QT_TRANSLATE_NOOP(
        "Dienste",
        "„{title}“ (Entwurf Nr. {id}): übernommen, {changes} (der Entwurf hatte seit dem "
        "letzten Austausch keine eigenen Änderungen).",
    ),
    QT_TRANSLATE_NOOP(
        "Dienste",
        "„{title}“ (Entwurf Nr. {id}): zusammengeführt, {changes}, {conflicts}; {comments}.",
    ),
    QT_TRANSLATE_NOOP(
        "Dienste",
        "„{title}“ (Entwurf Nr. {id}): zusammengeführt, {changes}, {conflicts}.",
    ),
    QT_TRANSLATE_NOOP("Dienste", "1 Änderung übernommen"),
    QT_TRANSLATE_NOOP("Dienste", "{n} Änderungen übernommen"),
    QT_TRANSLATE_NOOP("Dienste", "1 Konflikt"),
    QT_TRANSLATE_NOOP("Dienste", "{n} Konflikte"),
    QT_TRANSLATE_NOOP("Dienste", "1 neuer Kommentar"),
    QT_TRANSLATE_NOOP("Dienste", "{n} neue Kommentare"),
    QT_TRANSLATE_NOOP(
        "Dienste",
        "Ihr Stand vor der Zusammenführung ist als Version erhalten (Datei {file}).",
    ),
    QT_TRANSLATE_NOOP(
        "Dienste",
        "Die Konflikte warten im Programm auf Ihre Entscheidung: Öffnen Sie den Entwurf, dort "
        "erscheint die Zusammenführung.",
    ),
    QT_TRANSLATE_NOOP("Dienste", "Der Entwurf lag im Papierkorb und ist wiederhergestellt."),
    QT_TRANSLATE_NOOP("Dienste", "„{title}“ wurde als neuer Entwurf Nr. {id} importiert."),
    QT_TRANSLATE_NOOP("Dienste", "„{title}“ wurde als Kopie (neuer Entwurf Nr. {id}) importiert."),
    QT_TRANSLATE_NOOP("Dienste", "Die Datei hatte ein älteres Format und wurde umgestellt: {note}"),
    QT_TRANSLATE_NOOP("Dienste", "Die Datei {path} konnte nicht geschrieben werden ({cause})."),
    QT_TRANSLATE_NOOP(
        "Dienste",
        "Der Entwurf ist mit {size} zu groß für eine Entwurfsdatei (höchstens {limit}, die ZWK "
        "Desktop wieder öffnen kann). Bitte entfernen Sie große Anlagen; der Entwurf bleibt "
        "gespeichert.",
    ),
    QT_TRANSLATE_NOOP(
        "Dienste",
        "„{title}“ ist geöffnet, aber noch nicht gespeichert: {why} ZWK Desktop versucht es "
        "beim nächsten Speichern erneut.",
    ),
    QT_TRANSLATE_NOOP(
        "Dienste",
        "„{title}“ (Entwurf Nr. {id}): Die Datei {file} enthält keine neuen Änderungen; der "
        "Entwurf bleibt, wie er ist.",
    ),
    QT_TRANSLATE_NOOP("Dienste", "Mit diesem Zertifikat kann nicht signiert werden: {reasons}"),
    QT_TRANSLATE_NOOP(
        "Dienste",
        "ZWK Desktop wurde zuletzt nicht ordnungsgemäß beendet (zum Beispiel durch einen "
        "Absturz oder einen Stromausfall). Der Entwurf „{title}“ ist wieder geöffnet, mit dem "
        "Stand der letzten Speicherung vom {when}. Eingaben der letzten Sekunde vor dem Abbruch "
        "können fehlen; frühere Stände finden Sie unter „Versionen…“.",
    ),
    QT_TRANSLATE_NOOP("Dienste", "{date} um {time} Uhr"),
    QT_TRANSLATE_NOOP(
        "Dienste",
        "Die Entwürfe können zurzeit nicht gespeichert werden: {error} Sie können trotzdem "
        "arbeiten; ZWK Desktop versucht es beim Speichern erneut, und mit „Speichern unter…“ "
        "sichern Sie einen Entwurf als Datei in einem anderen Ordner.",
    ),
    QT_TRANSLATE_NOOP(
        "Dienste",
        "Der Entwurf Nr. {id}, zu dem {file} gehört, ist gerade in einem Fenster von ZWK "
        "Desktop geöffnet. Bitte übernehmen Sie die Datei dort (Datei → Bewerbung öffnen…) oder "
        "schließen Sie den Entwurf zuerst. Es wurde nichts übernommen.",
    ),
    QT_TRANSLATE_NOOP("Dienste", "Die Entwurfsdatenbank war beschädigt."),
    QT_TRANSLATE_NOOP(
        "Dienste",
        "Sie wurde unverändert als {moved} beiseitegelegt, und eine neue wurde angelegt.",
    ),
    QT_TRANSLATE_NOOP(
        "Dienste",
        "Aus der alten Datenbank wurden {saved} von {total} Entwürfen übernommen.",
    ),
    QT_TRANSLATE_NOOP(
        "Dienste",
        "Aus der alten Datenbank ließ sich kein Entwurf lesen; Ihre IT-Betreuung kann "
        "versuchen, die Datei zu retten.",
    ),
    QT_TRANSLATE_NOOP(
        "Dienste",
        "Die Entwurfsdatenbank stammt aus einer neueren Version von ZWK Desktop (Schema "
        "{found}, diese Version kennt bis {version}).",
    ),
    QT_TRANSLATE_NOOP("Dienste", "Bitte aktualisieren Sie das Programm."),
    QT_TRANSLATE_NOOP(
        "Dienste",
        "Die Entwurfsdatenbank hat das unbekannte Schema {step}; sie lässt sich nicht umstellen.",
    ),
    QT_TRANSLATE_NOOP("Dienste", "{label} (auf einer Seite entfernt, auf der anderen geändert)"),
    QT_TRANSLATE_NOOP("Dienste", "{label} (Reihenfolge auf beiden Seiten verschieden geändert)"),
    QT_TRANSLATE_NOOP("Dienste", "{label} (entfernter Eintrag)"),
    QT_TRANSLATE_NOOP("Dienste", "Ihr Stand vor Zusammenführung mit Datei {name}"),
    QT_TRANSLATE_NOOP("Dienste", "Eingegangener Stand aus Datei {name}, vor Zusammenführung"),
    QT_TRANSLATE_NOOP("Dienste", "Übernommen aus Datei {name}"),
    QT_TRANSLATE_NOOP("Dienste", "Zusammengeführt mit Datei {name}"),
    QT_TRANSLATE_NOOP("Dienste", "Den Entwurf Nr. {id} gibt es nicht (mehr)."),
)
