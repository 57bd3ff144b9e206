<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="de_DE">
<context>
    <name>AboutDialog</name>
    <message>
        <source>Über ZWK Desktop</source>
        <translation>About ZWK Desktop</translation>
    </message>
    <message>
        <source>Bewerbungsbogen „Zukunftswerkstatt Kommunen – Attraktiv im Wandel“ offline erstellen, prüfen, signieren und versenden. Qt-Version {qt}. Ihre Entwürfe und Einstellungen liegen im Datenordner:</source>
        <translation>Create, check, sign and send the application form for “Zukunftswerkstatt Kommunen – Attraktiv im Wandel” offline. Qt version {qt}. Your drafts and settings are kept in the data folder:</translation>
    </message>
    <message>
        <source>Datenordner</source>
        <translation>Data folder</translation>
    </message>
    <message>
        <source>Bestandteil</source>
        <translation>Component</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Lizenz</source>
        <translation>Licence</translation>
    </message>
    <message>
        <source>Bestandteile und ihre Lizenzen</source>
        <translation>Components and their licences</translation>
    </message>
    <message>
        <source>Lizenz und Hinweise des gewählten Bestandteils</source>
        <translation>Licence and notices of the selected component</translation>
    </message>
    <message>
        <source>Schließen</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Programm</source>
        <translation>Program</translation>
    </message>
    <message>
        <source>Laufzeitumgebung</source>
        <translation>Runtime environment</translation>
    </message>
    <message>
        <source>Python-Bibliotheken</source>
        <translation>Python libraries</translation>
    </message>
    <message>
        <source>Systembibliotheken</source>
        <translation>System libraries</translation>
    </message>
    <message>
        <source>Schriften</source>
        <translation>Fonts</translation>
    </message>
    <message>
        <source>Daten</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>Internet</source>
        <translation>Website</translation>
    </message>
    <message>
        <source>Herkunft</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Kein Lizenztext mitgeliefert.</source>
        <translation>No licence text supplied.</translation>
    </message>
    <message>
        <source>Ü&amp;ber ZWK Desktop…</source>
        <translation>&amp;About ZWK Desktop…</translation>
    </message>
</context>
<context>
    <name>Attachments</name>
    <message>
        <source>Datei hinzufügen…</source>
        <translation>Add file…</translation>
    </message>
    <message>
        <source>Anlage hinzufügen</source>
        <translation>Add attachment</translation>
    </message>
    <message>
        <source>Dokumente ({patterns});;Alle Dateien (*)</source>
        <translation>Documents ({patterns});;All files (*)</translation>
    </message>
    <message>
        <source>keine gewöhnliche Datei</source>
        <translation>not a regular file</translation>
    </message>
    <message>
        <source>Datei nicht lesbar</source>
        <translation>File cannot be read</translation>
    </message>
    <message>
        <source>Die Datei „{name}“ kann nicht gelesen werden ({reason}).</source>
        <translation>The file “{name}” cannot be read ({reason}).</translation>
    </message>
    <message>
        <source>Anlagen zusammen zu groß</source>
        <translation>Attachments too large in total</translation>
    </message>
    <message>
        <source>Mit der Datei „{name}“ wären alle Anlagen zusammen {size} groß; erlaubt sind höchstens {limit}. Mehr lässt sich nicht sicher per E-Mail versenden. Bitte verkleinern Sie Anlagen oder entfernen Sie verzichtbare.</source>
        <translation>With the file “{name}” all attachments together would be {size}; at most {limit} are allowed. More cannot be sent safely by e-mail. Please make attachments smaller or remove those you can do without.</translation>
    </message>
    <message>
        <source>Zu viele Anlagen</source>
        <translation>Too many attachments</translation>
    </message>
    <message>
        <source>Die Bewerbung hat schon {count} Anlagen; mehr nimmt sie nicht auf.</source>
        <translation>The application already has {count} attachments; it takes no more.</translation>
    </message>
    <message>
        <source>Dateityp nicht erlaubt</source>
        <translation>File type not allowed</translation>
    </message>
    <message>
        <source>Die Datei „{name}“ ist keines der erlaubten Formate ({allowed}). Geprüft wird der Inhalt der Datei, nicht ihre Endung. Bitte speichern Sie das Dokument in einem dieser Formate und fügen Sie es erneut hinzu.</source>
        <translation>The file “{name}” is not in one of the allowed formats ({allowed}). The content of the file is checked, not its extension. Please save the document in one of these formats and add it again.</translation>
    </message>
    <message>
        <source>Datei zu groß</source>
        <translation>File too large</translation>
    </message>
    <message>
        <source>Die Datei „{name}“ ist {size} groß; erlaubt sind höchstens {limit} je Anlage. Bitte verkleinern Sie die Datei, z. B. mit einer geringeren Bildauflösung.</source>
        <translation>The file “{name}” is {size}; at most {limit} per attachment are allowed. Please make the file smaller, e.g. with a lower image resolution.</translation>
    </message>
    <message>
        <source>{bytes} Bytes ({size})</source>
        <translation>{bytes} bytes ({size})</translation>
    </message>
</context>
<context>
    <name>Autosave</name>
    <message>
        <source>Wird gespeichert…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>Nicht gespeichert – neuer Versuch läuft</source>
        <translation>Not saved – trying again</translation>
    </message>
    <message>
        <source>Gespeichert {time}</source>
        <translation>Saved at {time}</translation>
    </message>
    <message>
        <source>Nicht gespeichert</source>
        <translation>Not saved</translation>
    </message>
</context>
<context>
    <name>BarChartWidget</name>
    <message>
        <source>Diagramm: {title}</source>
        <translation>Chart: {title}</translation>
    </message>
    <message>
        <source>Noch keine gültige Bewerbung</source>
        <translation>No valid application yet</translation>
    </message>
</context>
<context>
    <name>Budget</name>
    <message>
        <source>{amount} über der Höchstgrenze</source>
        <translation>{amount} above the cap</translation>
    </message>
    <message>
        <source>noch {amount} bis zur Höchstgrenze</source>
        <translation>{amount} left up to the cap</translation>
    </message>
    <message>
        <source>Beträge je Jahr</source>
        <translation>Amounts per year</translation>
    </message>
    <message>
        <source>Tragen Sie für jeden Posten den Betrag je Jahr ein. Beantragt wird die Summe der Posten abzüglich der Eigenmittel; die Höchstgrenze beträgt {cap} je Jahr.</source>
        <translation>Enter the amount per year for each item. The amount requested is the sum of the items minus own funds; the cap is {cap} per year.</translation>
    </message>
    <message>
        <source>* Annahme: {text}</source>
        <translation>* Assumption: {text}</translation>
    </message>
    <message>
        <source>Summe</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>{item} {n}: Betrag {year}</source>
        <translation>{item} {n}: amount {year}</translation>
    </message>
    <message>
        <source>Noch kein Posten. Legen Sie oben mit „{add}“ einen Posten an; hier erscheinen dann seine Beträge je Jahr.</source>
        <translation>No item yet. Create one above with “{add}”; its amounts per year then appear here.</translation>
    </message>
    <message>
        <source>Summe der Posten</source>
        <translation>Sum of items</translation>
    </message>
    <message>
        <source>Übersicht der Beträge je Jahr</source>
        <translation>Overview of the amounts per year</translation>
    </message>
    <message>
        <source>Beantragt</source>
        <translation>Requested</translation>
    </message>
    <message>
        <source>Höchstgrenze</source>
        <translation>Cap</translation>
    </message>
    <message>
        <source>Spielraum</source>
        <translation>Headroom</translation>
    </message>
    <message>
        <source>Höchstgrenze überschritten</source>
        <translation>Cap exceeded</translation>
    </message>
    <message>
        <source>{amount}, angenommen (siehe Anmerkung)</source>
        <translation>{amount}, assumed (see the note)</translation>
    </message>
    <message>
        <source>Höchstgrenze {year} um {amount} überschritten.</source>
        <translation>Cap for {year} exceeded by {amount}.</translation>
    </message>
    <message>
        <source>Gesamthöchstgrenze um {amount} überschritten.</source>
        <translation>Overall cap exceeded by {amount}.</translation>
    </message>
    <message>
        <source>Höchstgrenze wieder eingehalten.</source>
        <translation>Within the cap again.</translation>
    </message>
    <message>
        <source>Überschritten: {text}</source>
        <translation>Exceeded: {text}</translation>
    </message>
    <message>
        <source>&lt;span style=&quot;color:{colour}&quot;&gt;&lt;b&gt;Die Gesamthöchstgrenze von {cap} ist um {amount} überschritten.&lt;/b&gt;&lt;/span&gt;</source>
        <translation>&lt;span style=&quot;color:{colour}&quot;&gt;&lt;b&gt;The overall cap of {cap} is exceeded by {amount}.&lt;/b&gt;&lt;/span&gt;</translation>
    </message>
    <message>
        <source>Bis zur Gesamthöchstgrenze von {cap} bleiben noch {amount}.</source>
        <translation>{amount} remain up to the overall cap of {cap}.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Gesamtsumme aller Posten: {total}&lt;/b&gt; · beantragt insgesamt: {requested}.</source>
        <translation>&lt;b&gt;Total of all items: {total}&lt;/b&gt; · requested in total: {requested}.</translation>
    </message>
</context>
<context>
    <name>CardDialog</name>
    <message>
        <source>in Ordnung</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Signaturkarte einrichten</source>
        <translation>Set up signature card</translation>
    </message>
    <message>
        <source>Stecken Sie die Signaturkarte in den Kartenleser. Das Programm sucht die Kartensoftware (OpenSC oder die Software des Kartenherstellers) an den üblichen Orten; eine andere wählen Sie mit „Andere…“. Der Schlüssel bleibt auf der Karte.</source>
        <translation>Insert the signature card into the card reader. The program looks for the card software (OpenSC or the card maker&apos;s software) in the usual places; choose another one with “Other…”. The key stays on the card.</translation>
    </message>
    <message>
        <source>Kartensoftware</source>
        <translation>Card software</translation>
    </message>
    <message>
        <source>&amp;Andere…</source>
        <translation>&amp;Other…</translation>
    </message>
    <message>
        <source>Karten &amp;suchen</source>
        <translation>&amp;Search for cards</translation>
    </message>
    <message>
        <source>&amp;Kartensoftware:</source>
        <translation>&amp;Card software:</translation>
    </message>
    <message>
        <source>Zertifikate auf den Karten</source>
        <translation>Certificates on the cards</translation>
    </message>
    <message>
        <source>Funktion</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>&amp;Funktion:</source>
        <translation>&amp;Position:</translation>
    </message>
    <message>
        <source>&amp;Einrichten</source>
        <translation>S&amp;et up</translation>
    </message>
    <message>
        <source>An den üblichen Orten ist keine Kartensoftware installiert; bitte wählen Sie sie mit „Andere…“.</source>
        <translation>No card software is installed in the usual places; please choose it with “Other…”.</translation>
    </message>
    <message>
        <source>Kartensoftware (PKCS#11-Modul) wählen</source>
        <translation>Choose card software (PKCS#11 module)</translation>
    </message>
    <message>
        <source>PKCS#11-Module (*.dll *.so *.dylib);;Alle Dateien (*)</source>
        <translation>PKCS#11 modules (*.dll *.so *.dylib);;All files (*)</translation>
    </message>
    <message>
        <source>Kartenleser mit PIN-Feld</source>
        <translation>card reader with PIN pad</translation>
    </message>
    <message>
        <source>PIN über die Tastatur</source>
        <translation>PIN via the keyboard</translation>
    </message>
    <message>
        <source>Karte „{card}“ ({pad}): {name} – „{label}“ (ID {id}), gültig bis {until}; {status}</source>
        <translation>Card “{card}” ({pad}): {name} – “{label}” (ID {id}), valid until {until}; {status}</translation>
    </message>
    <message>
        <source>Keine Karte gefunden. Bitte stecken Sie die Karte ein und suchen Sie erneut.</source>
        <translation>No card found. Please insert the card and search again.</translation>
    </message>
</context>
<context>
    <name>Collab</name>
    <message>
        <source>geändert</source>
        <translation>changed</translation>
    </message>
    <message>
        <source>hinzugefügt</source>
        <translation>added</translation>
    </message>
    <message>
        <source>entfernt</source>
        <translation>removed</translation>
    </message>
    <message>
        <source>verschoben</source>
        <translation>moved</translation>
    </message>
    <message>
        <source>Zeitpunkt</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Wer</source>
        <translation>Who</translation>
    </message>
    <message>
        <source>Feld</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Änderung</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>Vorher</source>
        <translation>Before</translation>
    </message>
    <message>
        <source>Nachher</source>
        <translation>After</translation>
    </message>
    <message>
        <source>Änderungsverlauf der Bewerbung</source>
        <translation>Change history of the application</translation>
    </message>
    <message>
        <source>Änderungsverlauf: {field}</source>
        <translation>Change history: {field}</translation>
    </message>
    <message>
        <source>Noch keine Änderungen aufgezeichnet.</source>
        <translation>No changes recorded yet.</translation>
    </message>
    <message>
        <source>{n} Änderungen, die neueste zuerst.</source>
        <translation>{n} changes, newest first.</translation>
    </message>
    <message>
        <source>S&amp;chließen</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <source>Kommentare: {field}</source>
        <translation>Comments: {field}</translation>
    </message>
    <message>
        <source>&amp;Kommentare zu „{field}“:</source>
        <translation>&amp;Comments on “{field}”:</translation>
    </message>
    <message>
        <source>Kommentare zu {field}</source>
        <translation>Comments on {field}</translation>
    </message>
    <message>
        <source>&amp;Erledigt / wieder öffnen</source>
        <translation>&amp;Resolve / reopen</translation>
    </message>
    <message>
        <source>&amp;Löschen</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <source>Ihr Name</source>
        <translation>Your name</translation>
    </message>
    <message>
        <source>Einmal angeben: so sehen andere, von wem Kommentare und Änderungen stammen.</source>
        <translation>Enter it once: so others see who wrote comments and made changes.</translation>
    </message>
    <message>
        <source>Ihr &amp;Name:</source>
        <translation>Your &amp;name:</translation>
    </message>
    <message>
        <source>Neuer Kommentar</source>
        <translation>New comment</translation>
    </message>
    <message>
        <source>&amp;Neuer Kommentar:</source>
        <translation>Ne&amp;w comment:</translation>
    </message>
    <message>
        <source>Kommentar &amp;hinzufügen</source>
        <translation>&amp;Add comment</translation>
    </message>
    <message>
        <source>erledigt von {who}</source>
        <translation>resolved by {who}</translation>
    </message>
    <message>
        <source>offen</source>
        <translation>open</translation>
    </message>
    <message>
        <source>{who}, {when} ({state}): {text}</source>
        <translation>{who}, {when} ({state}): {text}</translation>
    </message>
    <message>
        <source>Name nicht gespeichert</source>
        <translation>Name not saved</translation>
    </message>
    <message>
        <source>Ihr Name konnte nicht gespeichert werden ({reason}).</source>
        <translation>Your name could not be saved ({reason}).</translation>
    </message>
</context>
<context>
    <name>Common</name>
    <message>
        <source>Neue Bewerbung</source>
        <translation>New application</translation>
    </message>
    <message>
        <source>Fehler</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Hinweis</source>
        <translation>Warning</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>Information</translation>
    </message>
    <message>
        <source>vollständig</source>
        <translation>complete</translation>
    </message>
    <message>
        <source>(ohne Namen)</source>
        <translation>(no name)</translation>
    </message>
</context>
<context>
    <name>Counting</name>
    <message numerus="yes">
        <source>%n Fehler</source>
        <translation>
            <numerusform>%n error</numerusform>
            <numerusform>%n errors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n Hinweise</source>
        <translation>
            <numerusform>%n warning</numerusform>
            <numerusform>%n warnings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n Informationen</source>
        <translation>
            <numerusform>%n information</numerusform>
            <numerusform>%n information</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n Angaben fehlen</source>
        <translation>
            <numerusform>%n entry missing</numerusform>
            <numerusform>%n entries missing</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n Einträge</source>
        <translation>
            <numerusform>%n entry</numerusform>
            <numerusform>%n entries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Mindestens %n Einträge.</source>
        <translation>
            <numerusform>At least %n entry.</numerusform>
            <numerusform>At least %n entries.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n Hinweise bestätigt</source>
        <translation>
            <numerusform>%n warning acknowledged</numerusform>
            <numerusform>%n warnings acknowledged</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n Hinweise sind noch nicht bestätigt. Bitte prüfen und bestätigen Sie jeden Hinweis (mit Begründung) vor dem Export.</source>
        <translation>
            <numerusform>%n warning has not been acknowledged yet. Please check and acknowledge every warning (with a justification) before exporting.</numerusform>
            <numerusform>%n warnings have not been acknowledged yet. Please check and acknowledge every warning (with a justification) before exporting.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln Zeichen</source>
        <translation>
            <numerusform>%Ln character</numerusform>
            <numerusform>%Ln characters</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} / {max} Zeichen – %Ln Zeichen zu viel</source>
        <translation>
            <numerusform>{n} / {max} characters – %Ln character too many</numerusform>
            <numerusform>{n} / {max} characters – %Ln characters too many</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> – mindestens {min}, es fehlen noch %Ln</source>
        <translation>
            <numerusform> – at least {min}, %Ln more needed</numerusform>
            <numerusform> – at least {min}, %Ln more needed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n Felder</source>
        <translation>
            <numerusform>%n field</numerusform>
            <numerusform>%n fields</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n Änderungen von {who}</source>
        <translation>
            <numerusform>%n change by {who}</numerusform>
            <numerusform>%n changes by {who}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n Änderungen der anderen Seite</source>
        <translation>
            <numerusform>%n change by the other side</numerusform>
            <numerusform>%n changes by the other side</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n Vorschläge</source>
        <translation>
            <numerusform>%n suggestion</numerusform>
            <numerusform>%n suggestions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n offene Kommentare</source>
        <translation>
            <numerusform>%n open comment</numerusform>
            <numerusform>%n open comments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Für {year} gilt anteilig eine Höchstgrenze von {amount} (%n Monate von 12).</source>
        <translation>
            <numerusform>For {year} a pro-rata cap of {amount} applies (%n month of 12).</numerusform>
            <numerusform>For {year} a pro-rata cap of {amount} applies (%n months of 12).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Dienste</name>
    <message>
        <source>Die gespeicherte Passphrase fehlt im Schlüsselbund oder passt nicht.</source>
        <translation>The stored passphrase is missing from the keyring or does not match.</translation>
    </message>
    <message>
        <source>Die Passphrase dieser Signaturidentität wird auf Wunsch nicht gespeichert.</source>
        <translation>As requested, the passphrase of this signing identity is not stored.</translation>
    </message>
    <message>
        <source>Abgebrochen: ohne Passphrase kann nicht signiert werden.</source>
        <translation>Cancelled: without the passphrase nothing can be signed.</translation>
    </message>
    <message>
        <source>Abgebrochen: keine Passphrase gewählt.</source>
        <translation>Cancelled: no passphrase chosen.</translation>
    </message>
    <message>
        <source>Die Passphrase ist falsch.</source>
        <translation>The passphrase is wrong.</translation>
    </message>
    <message>
        <source>Auf diesem Rechner ist kein Schlüsselbund des Betriebssystems erreichbar (kein Dienst für Zugangsdaten läuft). Die Passphrase wird deshalb nirgends gespeichert und bei jeder Signatur abgefragt.</source>
        <translation>No keyring of the operating system can be reached on this computer (no credential service is running). The passphrase is therefore stored nowhere and asked for at every signature.</translation>
    </message>
    <message>
        <source>Auf diesem Rechner ist kein Schlüsselbund des Betriebssystems erreichbar (nur ein unsicherer Klartext-Speicher ist eingerichtet). Die Passphrase wird deshalb nirgends gespeichert und bei jeder Signatur abgefragt.</source>
        <translation>No keyring of the operating system can be reached on this computer (only an insecure plain-text store is set up). The passphrase is therefore stored nowhere and asked for at every signature.</translation>
    </message>
    <message>
        <source>Der Schlüsselbund des Betriebssystems hat die Anfrage abgelehnt ({error}); die Passphrase wird deshalb abgefragt.</source>
        <translation>The operating system&apos;s keyring refused the request ({error}); the passphrase is therefore asked for.</translation>
    </message>
    <message>
        <source>Die Passphrase braucht mindestens {n} Zeichen. {reason}</source>
        <translation>The passphrase needs at least {n} characters. {reason}</translation>
    </message>
    <message>
        <source>Das Zertifikat ist am {date} abgelaufen; damit kann nicht mehr signiert werden.</source>
        <translation>The certificate expired on {date}; it can no longer be used to sign.</translation>
    </message>
    <message>
        <source>Das Zertifikat ist erst ab dem {date} gültig; vorher kann damit nicht signiert werden.</source>
        <translation>The certificate is only valid from {date}; it cannot be used to sign before then.</translation>
    </message>
    <message>
        <source>Das Zertifikat läuft {when} ab (am {date}). Beantragen Sie rechtzeitig ein neues Zertifikat bei der ausstellenden Stelle.</source>
        <translation>The certificate expires {when} (on {date}). Apply to the issuing authority for a new certificate in good time.</translation>
    </message>
    <message>
        <source>heute</source>
        <translation>today</translation>
    </message>
    <message>
        <source>in 1 Tag</source>
        <translation>in 1 day</translation>
    </message>
    <message>
        <source>in {n} Tagen</source>
        <translation>in {n} days</translation>
    </message>
    <message>
        <source>Das Zertifikat läuft am {date} ab, vor dem Ende der Bewerbungsfrist am {deadline}: signieren Sie vorher.</source>
        <translation>The certificate expires on {date}, before the application deadline on {deadline}: sign before then.</translation>
    </message>
    <message>
        <source>Name, Funktion und Kommune sind für eine Signaturidentität nötig.</source>
        <translation>A signing identity needs a name, a function and a municipality.</translation>
    </message>
    <message>
        <source>Die PKCS#12-Datei lässt sich nicht öffnen: die Passphrase ist falsch oder die Datei ist beschädigt.</source>
        <translation>The PKCS#12 file cannot be opened: the passphrase is wrong or the file is damaged.</translation>
    </message>
    <message>
        <source>Die PKCS#12-Datei enthält keinen privaten Schlüssel mit Zertifikat.</source>
        <translation>The PKCS#12 file contains no private key with a certificate.</translation>
    </message>
    <message>
        <source>Diese Signaturidentität ist schon vorhanden ({id}).</source>
        <translation>This signing identity exists already ({id}).</translation>
    </message>
    <message>
        <source>Python-Paket {name} {version}</source>
        <translation>Python package {name} {version}</translation>
    </message>
    <message>
        <source>Qt-Bibliotheken aus dem Python-Paket {name}</source>
        <translation>Qt libraries from the Python package {name}</translation>
    </message>
    <message>
        <source>Schriftdateien: {files}</source>
        <translation>Font files: {files}</translation>
    </message>
    <message>
        <source>Ordner {folder}</source>
        <translation>Folder {folder}</translation>
    </message>
    <message>
        <source>{path} kann nicht geschrieben werden ({cause}).</source>
        <translation>{path} cannot be written ({cause}).</translation>
    </message>
    <message>
        <source>{path} kann nicht gelesen werden ({cause}).</source>
        <translation>{path} cannot be read ({cause}).</translation>
    </message>
    <message>
        <source>der Datenträger ist voll</source>
        <translation>the disk is full</translation>
    </message>
    <message>
        <source>der Speicherplatz des Benutzers ist erschöpft</source>
        <translation>the user&apos;s disk quota is exhausted</translation>
    </message>
    <message>
        <source>der Speicherort ist schreibgeschützt</source>
        <translation>the location is read-only</translation>
    </message>
    <message>
        <source>keine Berechtigung</source>
        <translation>permission denied</translation>
    </message>
    <message>
        <source>der Vorgang ist nicht erlaubt</source>
        <translation>the operation is not permitted</translation>
    </message>
    <message>
        <source>die Datei oder der Ordner ist nicht vorhanden</source>
        <translation>the file or folder does not exist</translation>
    </message>
    <message>
        <source>die Datei ist schon vorhanden</source>
        <translation>the file already exists</translation>
    </message>
    <message>
        <source>das ist ein Ordner</source>
        <translation>that is a folder</translation>
    </message>
    <message>
        <source>der Pfad führt nicht in einen Ordner</source>
        <translation>the path does not lead to a folder</translation>
    </message>
    <message>
        <source>der Ordner ist nicht leer</source>
        <translation>the folder is not empty</translation>
    </message>
    <message>
        <source>der Pfad ist eine Verknüpfung (symbolischer Link)</source>
        <translation>the path is a shortcut (symbolic link)</translation>
    </message>
    <message>
        <source>der Name ist zu lang</source>
        <translation>the name is too long</translation>
    </message>
    <message>
        <source>zu viele Dateien sind geöffnet</source>
        <translation>too many files are open</translation>
    </message>
    <message>
        <source>die Datei ist gerade in Benutzung</source>
        <translation>the file is in use</translation>
    </message>
    <message>
        <source>Ein- oder Ausgabefehler des Datenträgers</source>
        <translation>input/output error of the disk</translation>
    </message>
    <message>
        <source>die Datei ist zu groß</source>
        <translation>the file is too large</translation>
    </message>
    <message>
        <source>Quelle und Ziel liegen auf verschiedenen Datenträgern</source>
        <translation>source and destination are on different disks</translation>
    </message>
    <message>
        <source>ungültiger Name oder Vorgang</source>
        <translation>invalid name or operation</translation>
    </message>
    <message>
        <source>das Gerät ist nicht erreichbar</source>
        <translation>the device cannot be reached</translation>
    </message>
    <message>
        <source>der Speicherort antwortet nicht</source>
        <translation>the location does not respond</translation>
    </message>
    <message>
        <source>die Datei ist vorübergehend gesperrt</source>
        <translation>the file is temporarily locked</translation>
    </message>
    <message>
        <source>nicht genug Arbeitsspeicher</source>
        <translation>not enough memory</translation>
    </message>
    <message>
        <source>die Datei ist gerade in einem anderen Programm geöffnet</source>
        <translation>the file is open in another program</translation>
    </message>
    <message>
        <source>die Datei ist gerade von einem anderen Programm gesperrt</source>
        <translation>the file is locked by another program</translation>
    </message>
    <message>
        <source>der Name oder Pfad ist zu lang</source>
        <translation>the name or path is too long</translation>
    </message>
    <message>
        <source>die Datei kann nicht geöffnet werden</source>
        <translation>the file cannot be opened</translation>
    </message>
    <message>
        <source>Fehler des Betriebssystems {name}</source>
        <translation>operating system error {name}</translation>
    </message>
    <message>
        <source>unbekannter Fehler des Betriebssystems</source>
        <translation>unknown operating system error</translation>
    </message>
    <message>
        <source>Die Signaturkarte „{label}“ wurde nicht gefunden. Bitte stecken Sie die Karte in den Kartenleser (oder schließen Sie den Token an) und versuchen Sie es erneut.</source>
        <translation>The signature card “{label}” was not found. Please insert the card into the card reader (or connect the token) and try again.</translation>
    </message>
    <message>
        <source>Die Kartensoftware (PKCS#11-Modul) {module} ist nicht installiert. Bitte installieren Sie die Software des Kartenherstellers oder OpenSC.</source>
        <translation>The card software (PKCS#11 module) {module} is not installed. Please install the card maker&apos;s software or OpenSC.</translation>
    </message>
    <message>
        <source>Auf der Karte passen mehrere Zertifikate zu {wanted}; bitte geben Sie die ID an ({ids}).</source>
        <translation>Several certificates on the card match {wanted}; please give the ID ({ids}).</translation>
    </message>
    <message>
        <source>Auf der Karte liegt kein persönliches Zertifikat.</source>
        <translation>There is no personal certificate on the card.</translation>
    </message>
    <message>
        <source>Auf der Karte liegen mehrere Zertifikate; bitte wählen Sie das Signaturzertifikat mit --key-label oder --key-id ({labels}).</source>
        <translation>There are several certificates on the card; please choose the signing certificate with --key-label or --key-id ({labels}).</translation>
    </message>
    <message>
        <source>Bitte geben Sie die Funktion der unterzeichnenden Person an.</source>
        <translation>Please give the role of the person signing.</translation>
    </message>
    <message>
        <source>Es ist keine Kartensoftware (PKCS#11-Modul) installiert; bitte geben Sie den Pfad mit --module an.</source>
        <translation>No card software (PKCS#11 module) is installed; please give its path with --module.</translation>
    </message>
    <message>
        <source>Es stecken mehrere Karten; bitte wählen Sie eine mit --token ({labels}).</source>
        <translation>Several cards are inserted; please choose one with --token ({labels}).</translation>
    </message>
    <message>
        <source>Das Zertifikat der Karte nennt keinen Namen (CN).</source>
        <translation>The card&apos;s certificate names no person (CN).</translation>
    </message>
    <message>
        <source>Die Kartensoftware {module} ist nicht (mehr) installiert; bitte installieren Sie die Software des Kartenherstellers oder OpenSC.</source>
        <translation>The card software {module} is not (or no longer) installed; please install the card maker&apos;s software or OpenSC.</translation>
    </message>
    <message>
        <source>Die Kartensoftware {module} lässt sich nicht laden ({error}); ist es wirklich ein PKCS#11-Modul für diesen Rechner (64 Bit)?</source>
        <translation>The card software {module} cannot be loaded ({error}); is it really a PKCS#11 module for this computer (64-bit)?</translation>
    </message>
    <message>
        <source>Die Zertifikate der Karte lassen sich nicht lesen ({error}).</source>
        <translation>The card&apos;s certificates cannot be read ({error}).</translation>
    </message>
    <message>
        <source>Auf der Karte gibt es kein Zertifikat {wanted} (vorhanden: {present}).</source>
        <translation>There is no certificate {wanted} on the card (present: {present}).</translation>
    </message>
    <message>
        <source>Die Kartenangaben von „{label}“ fehlen oder sind beschädigt; bitte legen Sie die Identität neu an.</source>
        <translation>The card details of “{label}” are missing or damaged; please set up the identity again.</translation>
    </message>
    <message>
        <source>Es wurde keine Signaturkarte gefunden. Bitte stecken Sie die Karte in den Kartenleser.</source>
        <translation>No signature card was found. Please insert the card into the card reader.</translation>
    </message>
    <message>
        <source>Achtung: nur noch ein Versuch, danach ist die PIN gesperrt.</source>
        <translation>Caution: one attempt left, then the PIN is blocked.</translation>
    </message>
    <message>
        <source>Achtung: es wurde schon eine falsche PIN eingegeben.</source>
        <translation>Caution: a wrong PIN has already been entered.</translation>
    </message>
    <message>
        <source>Die Signaturkarte hat das Signieren abgelehnt ({error}); es wurde nichts geschrieben.</source>
        <translation>The signature card refused to sign ({error}); nothing was written.</translation>
    </message>
    <message>
        <source>Auf der Karte ist der private Schlüssel zum Zertifikat „{certificate}“ nicht zu finden; bitte legen Sie die Identität neu an.</source>
        <translation>The private key of the certificate “{certificate}” cannot be found on the card; please set up the identity again.</translation>
    </message>
    <message>
        <source>Die Signaturkarte wurde während des Signierens entfernt; es wurde nichts geschrieben.</source>
        <translation>The signature card was removed while signing; nothing was written.</translation>
    </message>
    <message>
        <source>Die Karte verlangt die PIN erneut; bitte versuchen Sie es noch einmal.</source>
        <translation>The card asks for the PIN again; please try once more.</translation>
    </message>
    <message>
        <source>Die PIN der Karte „{label}“ ist gesperrt. Entsperren Sie sie mit der PUK (Software des Kartenherstellers).</source>
        <translation>The PIN of the card “{label}” is blocked. Unblock it with the PUK (the card maker&apos;s software).</translation>
    </message>
    <message>
        <source>Auf der Karte liegt ein anderes Zertifikat als bei der Einrichtung dieser Identität (erneuerte Karte oder eine andere Karte mit gleichem Namen?); bitte legen Sie die Identität neu an.</source>
        <translation>The card holds a different certificate than when this identity was set up (a renewed card, or another card with the same name?); please set up the identity again.</translation>
    </message>
    <message>
        <source>Abgebrochen: ohne PIN kann nicht signiert werden.</source>
        <translation>Cancelled: without the PIN nothing can be signed.</translation>
    </message>
    <message>
        <source>Die PIN hat nicht die Länge oder die Zeichen, die die Karte erwartet.</source>
        <translation>The PIN does not have the length or the characters the card expects.</translation>
    </message>
    <message>
        <source>Die PIN-Eingabe am Kartenleser wurde abgebrochen.</source>
        <translation>The PIN entry at the card reader was cancelled.</translation>
    </message>
    <message>
        <source>Die Anmeldung an der Karte ist fehlgeschlagen ({error}).</source>
        <translation>Logging in to the card failed ({error}).</translation>
    </message>
    <message>
        <source>Die PIN ist falsch; die Karte hat die PIN jetzt gesperrt. Entsperren Sie sie mit der PUK (Software des Kartenherstellers).</source>
        <translation>The PIN is wrong; the card has now blocked the PIN. Unblock it with the PUK (the card maker&apos;s software).</translation>
    </message>
    <message>
        <source>{reason} Es wurde nichts signiert.</source>
        <translation>{reason} Nothing was signed.</translation>
    </message>
    <message>
        <source>Die PIN ist falsch.</source>
        <translation>The PIN is wrong.</translation>
    </message>
    <message>
        <source>Die PIN ist falsch. {state}</source>
        <translation>The PIN is wrong. {state}</translation>
    </message>
    <message>
        <source>noch nicht gültig</source>
        <translation>not yet valid</translation>
    </message>
    <message>
        <source>läuft {when} ab</source>
        <translation>expires {when}</translation>
    </message>
    <message>
        <source>läuft vor Fristende ab</source>
        <translation>expires before the deadline</translation>
    </message>
    <message>
        <source>Der {kind}-Schlüssel hat nur {bits} Bit; nötig sind mindestens {minimum} Bit. So kurze Schlüssel gelten nicht mehr als sicher.</source>
        <translation>The {kind} key has only {bits} bits; at least {minimum} bits are needed. Keys this short are no longer considered secure.</translation>
    </message>
    <message>
        <source>Die Ausstellerkette ist länger als erwartet; bitte prüfen Sie die Zertifikate.</source>
        <translation>The issuer chain is longer than expected; please check the certificates.</translation>
    </message>
    <message>
        <source>ohne Schlüsselverwendung</source>
        <translation>no key usage</translation>
    </message>
    <message>
        <source>Das Zertifikat nennt keine Schlüsselverwendung; manche Prüfprogramme erwarten digitalSignature oder nonRepudiation.</source>
        <translation>The certificate names no key usage; some checking programs expect digitalSignature or nonRepudiation.</translation>
    </message>
    <message>
        <source>nicht zum Signieren bestimmt</source>
        <translation>not meant for signing</translation>
    </message>
    <message>
        <source>Das Zertifikat ist nicht zum Signieren bestimmt: seine Schlüsselverwendung nennt weder digitalSignature noch nonRepudiation.</source>
        <translation>The certificate is not meant for signing: its key usage names neither digitalSignature nor nonRepudiation.</translation>
    </message>
    <message>
        <source>Die erweiterte Schlüsselverwendung des Zertifikats nennt weder Dokumentsignatur noch E-Mail-Schutz; manche Prüfprogramme lehnen die Signatur deshalb ab.</source>
        <translation>The certificate&apos;s extended key usage names neither document signing nor e-mail protection; some checking programs therefore reject the signature.</translation>
    </message>
    <message>
        <source>Das ist das Zertifikat einer Zertifizierungsstelle, nicht das einer Person.</source>
        <translation>This is the certificate of a certification authority, not of a person.</translation>
    </message>
    <message>
        <source>Das Zertifikat nennt sich selbst als Aussteller, ist aber nicht mit seinem eigenen Schlüssel unterschrieben.</source>
        <translation>The certificate names itself as issuer but is not signed with its own key.</translation>
    </message>
    <message>
        <source>Schlüsseltyp nicht unterstützt</source>
        <translation>key type not supported</translation>
    </message>
    <message>
        <source>Der Schlüssel des Zertifikats ist weder RSA noch EC; damit kann nicht signiert werden.</source>
        <translation>The certificate&apos;s key is neither RSA nor EC; it cannot be used to sign.</translation>
    </message>
    <message>
        <source>Selbst ausgestellt: die Signatur belegt, dass die Daten unverändert sind, aber nicht, wer signiert hat.</source>
        <translation>Self-issued: the signature proves that the data are unchanged, but not who signed.</translation>
    </message>
    <message>
        <source>Kette vollständig</source>
        <translation>chain complete</translation>
    </message>
    <message>
        <source>Die Ausstellerkette bis „{root}“ liegt vor und ist rechnerisch stimmig (ob diese Stelle vertrauenswürdig ist, entscheidet der Empfänger).</source>
        <translation>The issuer chain up to “{root}” is present and mathematically consistent (whether that authority is trustworthy is for the recipient to decide).</translation>
    </message>
    <message>
        <source>Aussteller nicht beigefügt</source>
        <translation>issuer not included</translation>
    </message>
    <message>
        <source>Das Zertifikat der ausstellenden Stelle „{issuer}“ liegt nicht vor; die Kette prüft der Empfänger mit seinen Vertrauensankern.</source>
        <translation>The certificate of the issuing authority “{issuer}” is not present; the recipient checks the chain with their trust anchors.</translation>
    </message>
    <message>
        <source>Aussteller nicht gültig</source>
        <translation>issuer not valid</translation>
    </message>
    <message>
        <source>Das Zertifikat der ausstellenden Stelle „{issuer}“ ist heute nicht gültig.</source>
        <translation>The certificate of the issuing authority “{issuer}” is not valid today.</translation>
    </message>
    <message>
        <source>Das Zertifikat von „{issuer}“ liegt vor, hat „{subject}“ aber nicht unterschrieben.</source>
        <translation>The certificate of “{issuer}” is present but did not sign “{subject}”.</translation>
    </message>
    <message>
        <source>Der Sperrstatus (Widerruf) der Zertifikate wird offline nicht geprüft; das geht nur beim Aussteller (Sperrliste oder OCSP).</source>
        <translation>The revocation status of the certificates is not checked offline; only the issuer can tell (revocation list or OCSP).</translation>
    </message>
    <message>
        <source>Geprüft wurde nur die Unversehrtheit: die Dateien sind unverändert, seit sie mit diesem Zertifikat signiert wurden. Ob das Zertifikat von einer vertrauenswürdigen Stelle ausgestellt ist, wurde nicht geprüft (dafür --trust mit den Zertifikaten der Aussteller).</source>
        <translation>Only the integrity was checked: the files are unchanged since they were signed with this certificate. Whether the certificate was issued by a trustworthy authority was not checked (for that, --trust with the issuers&apos; certificates).</translation>
    </message>
    <message>
        <source>vertrauenswürdig ausgestellt von „{issuer}“ (Vertrauensanker „{anchor}“)</source>
        <translation>trusted, issued by “{issuer}” (trust anchor “{anchor}”)</translation>
    </message>
    <message>
        <source>vertrauenswürdig ausgestellt von „{issuer}“</source>
        <translation>trusted, issued by “{issuer}”</translation>
    </message>
    <message>
        <source>Die Vertrauensanker {path} gibt es nicht.</source>
        <translation>The trust anchors {path} do not exist.</translation>
    </message>
    <message>
        <source>In {path} liegt kein Zertifikat (.pem, .crt, .cer oder .der).</source>
        <translation>There is no certificate in {path} (.pem, .crt, .cer or .der).</translation>
    </message>
    <message>
        <source>vertrauenswürdig: das Zertifikat selbst ist als Vertrauensanker hinterlegt</source>
        <translation>trusted: the certificate itself is stored as a trust anchor</translation>
    </message>
    <message>
        <source>Im Ordner {path} liegen zu viele Zertifikatsdateien.</source>
        <translation>The folder {path} holds too many certificate files.</translation>
    </message>
    <message>
        <source>nicht vertrauenswürdig: das Zertifikat (ausgestellt von „{issuer}“) führt zu keinem der Vertrauensanker.</source>
        <translation>not trusted: the certificate (issued by “{issuer}”) leads to none of the trust anchors.</translation>
    </message>
    <message>
        <source>nicht vertrauenswürdig: ein Zertifikat der Ausstellerkette ist abgelaufen.</source>
        <translation>not trusted: a certificate of the issuer chain has expired.</translation>
    </message>
    <message>
        <source>nicht vertrauenswürdig: ein Zertifikat der Ausstellerkette ist noch nicht gültig.</source>
        <translation>not trusted: a certificate of the issuer chain is not yet valid.</translation>
    </message>
    <message>
        <source>nicht vertrauenswürdig: die Ausstellerkette nutzt ein unsicheres Verfahren.</source>
        <translation>not trusted: the issuer chain uses an insecure algorithm.</translation>
    </message>
    <message>
        <source>nicht vertrauenswürdig: die Ausstellerkette ist ungültig.</source>
        <translation>not trusted: the issuer chain is invalid.</translation>
    </message>
    <message>
        <source>nicht vertrauenswürdig: die Signatur nennt kein Zertifikat.</source>
        <translation>not trusted: the signature names no certificate.</translation>
    </message>
    <message>
        <source>{file} ist zu groß für eine Zertifikatsdatei.</source>
        <translation>{file} is too large for a certificate file.</translation>
    </message>
    <message>
        <source>{file} enthält kein lesbares Zertifikat (erwartet: PEM oder DER).</source>
        <translation>{file} contains no readable certificate (expected: PEM or DER).</translation>
    </message>
    <message>
        <source>Das ist kein Prüfcode einer ZWK-Druckfassung: erwartet wird der Text des QR-Codes (beginnt mit „ZWK1;“) oder die SHA-256-Prüfsumme mit 64 Hexadezimalziffern.</source>
        <translation>This is not the check code of a ZWK printed copy: expected is the text of the QR code (starting with “ZWK1;”) or the SHA-256 checksum with 64 hexadecimal digits.</translation>
    </message>
    <message>
        <source>Im Prüfcode fehlt die SHA-256-Prüfsumme (64 Hexadezimalziffern) oder sie ist unvollständig.</source>
        <translation>The check code lacks the SHA-256 checksum (64 hexadecimal digits) or it is incomplete.</translation>
    </message>
    <message>
        <source>Interner Fehler in ZWK Desktop ({kind}). Ihre Eingaben sind davon nicht betroffen; was gespeichert war, bleibt gespeichert. Bitte senden Sie das Protokoll {log} an Ihre IT-Betreuung.</source>
        <translation>Internal error in ZWK Desktop ({kind}). Your entries are not affected; what was saved stays saved. Please send the log {log} to your IT support.</translation>
    </message>
    <message>
        <source>Interner Fehler in ZWK Desktop ({kind}). Ihre Eingaben sind davon nicht betroffen. Das Protokoll ließ sich nicht schreiben ({folder} ist nicht beschreibbar).</source>
        <translation>Internal error in ZWK Desktop ({kind}). Your entries are not affected. The log could not be written ({folder} is not writable).</translation>
    </message>
    <message>
        <source>ZWK Desktop läuft bereits, reagiert aber nicht: Das geöffnete Fenster hat die Anfrage nicht innerhalb von {seconds} Sekunden angenommen. Bitte wechseln Sie zum Fenster von ZWK Desktop (es wartet vielleicht auf eine Antwort in einem Dialog) und versuchen Sie es dann noch einmal.</source>
        <translation>ZWK Desktop is already running but does not respond: the open window did not accept the request within {seconds} seconds. Please switch to the ZWK Desktop window (it may be waiting for an answer in a dialog) and then try again.</translation>
    </message>
    <message>
        <source>Die Prüfung braucht mehr Speicher als erlaubt; das Paket ist beschädigt oder absichtlich so gebaut.</source>
        <translation>The check needs more memory than allowed; the package is damaged or deliberately built that way.</translation>
    </message>
    <message>
        <source>Papierweg: das Paket ist nicht elektronisch signiert. Ob die Angaben der unterschriebenen Papierfassung entsprechen, zeigt erst deren Prüfcode: zwk-desktop verify PAKET --papier &lt;Text des QR-Codes&gt;.</source>
        <translation>Paper route: the package is not signed electronically. Whether its data match the signed paper copy only that copy&apos;s check code shows: zwk-desktop verify PACKAGE --papier &lt;text of the QR code&gt;.</translation>
    </message>
    <message>
        <source>… und {n} weitere</source>
        <translation>… and {n} more</translation>
    </message>
    <message>
        <source>Die Datei</source>
        <translation>The file</translation>
    </message>
    <message>
        <source>Der Ordner</source>
        <translation>The folder</translation>
    </message>
    <message>
        <source>Die E-Mail</source>
        <translation>The e-mail</translation>
    </message>
    <message>
        <source>Der Paketordner</source>
        <translation>The package folder</translation>
    </message>
    <message>
        <source>Das ist eine Verknüpfung; der Posteingang folgt keinen Verknüpfungen.</source>
        <translation>This is a shortcut; the inbox does not follow shortcuts.</translation>
    </message>
    <message>
        <source>{what} ist mit {size} größer, als eine Bewerbung sein kann (höchstens {limit}) und wurde nicht geöffnet.</source>
        <translation>{what}, at {size}, is larger than an application can be (at most {limit}) and was not opened.</translation>
    </message>
    <message>
        <source>Das Paket ist zu tief verschachtelt, um es zu prüfen.</source>
        <translation>The package is nested too deeply to be checked.</translation>
    </message>
    <message>
        <source>Das Paket lässt sich nicht prüfen ({error}).</source>
        <translation>The package cannot be checked ({error}).</translation>
    </message>
    <message>
        <source>Den Ordner {folder} gibt es nicht.</source>
        <translation>The folder {folder} does not exist.</translation>
    </message>
    <message>
        <source>{folder} ist kein Ordner. Der Posteingang liest einen Ordner mit E-Mails (.eml) und Paketordnern; ein einzelnes Paket prüft „zwk-desktop verify“.</source>
        <translation>{folder} is not a folder. The inbox reads a folder of e-mails (.eml) and package folders; a single package is checked by “zwk-desktop verify”.</translation>
    </message>
    <message>
        <source>Der Ordner {folder} kann nicht gelesen werden ({strerror}).</source>
        <translation>The folder {folder} cannot be read ({strerror}).</translation>
    </message>
    <message>
        <source>erstes Zertifikat dieser AGS (telefonisch bestätigen)</source>
        <translation>first certificate of this AGS (confirm by telephone)</translation>
    </message>
    <message>
        <source>wie bei der ersten Bewerbung</source>
        <translation>as in the first application</translation>
    </message>
    <message>
        <source>anderes Zertifikat als bei der ersten Bewerbung</source>
        <translation>a different certificate than in the first application</translation>
    </message>
    <message>
        <source>mit der Kommune bestätigt</source>
        <translation>confirmed with the municipality</translation>
    </message>
    <message>
        <source>Die Prüfung wurde abgebrochen.</source>
        <translation>The check was cancelled.</translation>
    </message>
    <message>
        <source>Die Prüfung ist abgebrochen: der Prüfprozess wurde beendet (zu viel Speicher oder ein Fehler in einer Bibliothek).</source>
        <translation>The check was aborted: the checking process ended (too much memory or an error in a library).</translation>
    </message>
    <message>
        <source>Die Prüfung dauerte länger als {time} Sekunden und wurde abgebrochen; das Paket ist beschädigt oder absichtlich so gebaut.</source>
        <translation>The check took longer than {time} seconds and was aborted; the package is damaged or deliberately built that way.</translation>
    </message>
    <message>
        <source>Der Prüfprozess ist unerwartet beendet worden.</source>
        <translation>The checking process ended unexpectedly.</translation>
    </message>
    <message>
        <source>Die Prüfprozesse des Posteingangs starten nicht (Zeitüberschreitung).</source>
        <translation>The inbox&apos;s checking processes do not start (timeout).</translation>
    </message>
    <message>
        <source>Die Prüfprozesse des Posteingangs lassen sich nicht starten.</source>
        <translation>The inbox&apos;s checking processes cannot be started.</translation>
    </message>
    <message>
        <source>Die Zertifikate können nicht in {path} gespeichert werden ({error}); sie werden nur für diesen Lauf verglichen.</source>
        <translation>The certificates cannot be saved in {path} ({error}); they are compared for this run only.</translation>
    </message>
    <message>
        <source>Die Zertifikate können nicht gespeichert werden ({error}).</source>
        <translation>The certificates cannot be saved ({error}).</translation>
    </message>
    <message>
        <source>{title}: noch keine gültige Bewerbung.</source>
        <translation>{title}: no valid application yet.</translation>
    </message>
    <message>
        <source>Beantragt nach Art der Kommune</source>
        <translation>Requested by type of municipality</translation>
    </message>
    <message>
        <source>„{title}“ (Entwurf Nr. {id}): übernommen, {changes} (der Entwurf hatte seit dem letzten Austausch keine eigenen Änderungen); {comments}.</source>
        <translation>“{title}” (draft no. {id}): taken over, {changes} (the draft had no changes of its own since the last exchange); {comments}.</translation>
    </message>
    <message>
        <source>„{title}“ (Entwurf Nr. {id}): übernommen, {changes} (der Entwurf hatte seit dem letzten Austausch keine eigenen Änderungen).</source>
        <translation>“{title}” (draft no. {id}): taken over, {changes} (the draft had no changes of its own since the last exchange).</translation>
    </message>
    <message>
        <source>„{title}“ (Entwurf Nr. {id}): zusammengeführt, {changes}, {conflicts}; {comments}.</source>
        <translation>“{title}” (draft no. {id}): merged, {changes}, {conflicts}; {comments}.</translation>
    </message>
    <message>
        <source>„{title}“ (Entwurf Nr. {id}): zusammengeführt, {changes}, {conflicts}.</source>
        <translation>“{title}” (draft no. {id}): merged, {changes}, {conflicts}.</translation>
    </message>
    <message>
        <source>1 Änderung übernommen</source>
        <translation>1 change taken over</translation>
    </message>
    <message>
        <source>{n} Änderungen übernommen</source>
        <translation>{n} changes taken over</translation>
    </message>
    <message>
        <source>1 Konflikt</source>
        <translation>1 conflict</translation>
    </message>
    <message>
        <source>{n} Konflikte</source>
        <translation>{n} conflicts</translation>
    </message>
    <message>
        <source>1 neuer Kommentar</source>
        <translation>1 new comment</translation>
    </message>
    <message>
        <source>{n} neue Kommentare</source>
        <translation>{n} new comments</translation>
    </message>
    <message>
        <source>Ihr Stand vor der Zusammenführung ist als Version erhalten (Datei {file}).</source>
        <translation>Your state before the merge is kept as a version (file {file}).</translation>
    </message>
    <message>
        <source>Die Konflikte warten im Programm auf Ihre Entscheidung: Öffnen Sie den Entwurf, dort erscheint die Zusammenführung.</source>
        <translation>The conflicts await your decision in the program: open the draft, the merge appears there.</translation>
    </message>
    <message>
        <source>Der Entwurf lag im Papierkorb und ist wiederhergestellt.</source>
        <translation>The draft was in the recycle bin and has been restored.</translation>
    </message>
    <message>
        <source>„{title}“ wurde als neuer Entwurf Nr. {id} importiert.</source>
        <translation>“{title}” was imported as new draft no. {id}.</translation>
    </message>
    <message>
        <source>„{title}“ wurde als Kopie (neuer Entwurf Nr. {id}) importiert.</source>
        <translation>“{title}” was imported as a copy (new draft no. {id}).</translation>
    </message>
    <message>
        <source>Die Datei hatte ein älteres Format und wurde umgestellt: {note}</source>
        <translation>The file had an older format and was converted: {note}</translation>
    </message>
    <message>
        <source>Die Datei {path} konnte nicht geschrieben werden ({cause}).</source>
        <translation>The file {path} could not be written ({cause}).</translation>
    </message>
    <message>
        <source>Der Entwurf ist mit {size} zu groß für eine Entwurfsdatei (höchstens {limit}, die ZWK Desktop wieder öffnen kann). Bitte entfernen Sie große Anlagen; der Entwurf bleibt gespeichert.</source>
        <translation>At {size}, the draft is too large for a draft file (at most {limit}, which ZWK Desktop can open again). Please remove large attachments; the draft stays saved.</translation>
    </message>
    <message>
        <source>„{title}“ ist geöffnet, aber noch nicht gespeichert: {why} ZWK Desktop versucht es beim nächsten Speichern erneut.</source>
        <translation>“{title}” is open but not yet saved: {why} ZWK Desktop tries again at the next save.</translation>
    </message>
    <message>
        <source>„{title}“ (Entwurf Nr. {id}): Die Datei {file} enthält keine neuen Änderungen; der Entwurf bleibt, wie er ist.</source>
        <translation>“{title}” (draft no. {id}): the file {file} contains no new changes; the draft stays as it is.</translation>
    </message>
    <message>
        <source>Mit diesem Zertifikat kann nicht signiert werden: {reasons}</source>
        <translation>This certificate cannot be used to sign: {reasons}</translation>
    </message>
    <message>
        <source>ZWK Desktop wurde zuletzt nicht ordnungsgemäß beendet (zum Beispiel durch einen Absturz oder einen Stromausfall). Der Entwurf „{title}“ ist wieder geöffnet, mit dem Stand der letzten Speicherung vom {when}. Eingaben der letzten Sekunde vor dem Abbruch können fehlen; frühere Stände finden Sie unter „Versionen…“.</source>
        <translation>ZWK Desktop was not shut down properly last time (for example by a crash or a power cut). The draft “{title}” is open again, as last saved on {when}. Entries of the last second before the interruption may be missing; earlier states are under “Versions…”.</translation>
    </message>
    <message>
        <source>{date} um {time} Uhr</source>
        <translation>{date} at {time}</translation>
    </message>
    <message>
        <source>Die Entwürfe können zurzeit nicht gespeichert werden: {error} Sie können trotzdem arbeiten; ZWK Desktop versucht es beim Speichern erneut, und mit „Speichern unter…“ sichern Sie einen Entwurf als Datei in einem anderen Ordner.</source>
        <translation>The drafts cannot be saved at the moment: {error} You can still work; ZWK Desktop tries again when saving, and with “Save as…” you keep a draft as a file in another folder.</translation>
    </message>
    <message>
        <source>Der Entwurf Nr. {id}, zu dem {file} gehört, ist gerade in einem Fenster von ZWK Desktop geöffnet. Bitte übernehmen Sie die Datei dort (Datei → Bewerbung öffnen…) oder schließen Sie den Entwurf zuerst. Es wurde nichts übernommen.</source>
        <translation>Draft no. {id}, to which {file} belongs, is open in a window of ZWK Desktop. Please take the file over there (File → Open application…) or close the draft first. Nothing was taken over.</translation>
    </message>
    <message>
        <source>Die Entwurfsdatenbank war beschädigt.</source>
        <translation>The drafts database was damaged.</translation>
    </message>
    <message>
        <source>Sie wurde unverändert als {moved} beiseitegelegt, und eine neue wurde angelegt.</source>
        <translation>It was set aside unchanged as {moved}, and a new one was created.</translation>
    </message>
    <message>
        <source>Aus der alten Datenbank wurden {saved} von {total} Entwürfen übernommen.</source>
        <translation>{saved} of {total} drafts were taken over from the old database.</translation>
    </message>
    <message>
        <source>Aus der alten Datenbank ließ sich kein Entwurf lesen; Ihre IT-Betreuung kann versuchen, die Datei zu retten.</source>
        <translation>No draft could be read from the old database; your IT support can try to rescue the file.</translation>
    </message>
    <message>
        <source>Die Entwurfsdatenbank stammt aus einer neueren Version von ZWK Desktop (Schema {found}, diese Version kennt bis {version}).</source>
        <translation>The drafts database comes from a newer version of ZWK Desktop (schema {found}; this version knows up to {version}).</translation>
    </message>
    <message>
        <source>Bitte aktualisieren Sie das Programm.</source>
        <translation>Please update the program.</translation>
    </message>
    <message>
        <source>Die Entwurfsdatenbank hat das unbekannte Schema {step}; sie lässt sich nicht umstellen.</source>
        <translation>The drafts database has the unknown schema {step}; it cannot be converted.</translation>
    </message>
    <message>
        <source>{label} (auf einer Seite entfernt, auf der anderen geändert)</source>
        <translation>{label} (removed on one side, changed on the other)</translation>
    </message>
    <message>
        <source>{label} (Reihenfolge auf beiden Seiten verschieden geändert)</source>
        <translation>{label} (order changed differently on both sides)</translation>
    </message>
    <message>
        <source>{label} (entfernter Eintrag)</source>
        <translation>{label} (removed entry)</translation>
    </message>
    <message>
        <source>Ihr Stand vor Zusammenführung mit Datei {name}</source>
        <translation>Your state before merging with file {name}</translation>
    </message>
    <message>
        <source>Eingegangener Stand aus Datei {name}, vor Zusammenführung</source>
        <translation>Incoming state from file {name}, before merging</translation>
    </message>
    <message>
        <source>Übernommen aus Datei {name}</source>
        <translation>Taken over from file {name}</translation>
    </message>
    <message>
        <source>Zusammengeführt mit Datei {name}</source>
        <translation>Merged with file {name}</translation>
    </message>
    <message>
        <source>Den Entwurf Nr. {id} gibt es nicht (mehr).</source>
        <translation>Draft no. {id} does not exist (any more).</translation>
    </message>
    <message>
        <source>Angaben</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>Unterzeichnung</source>
        <translation>Signatory</translation>
    </message>
    <message>
        <source>Vertrauen</source>
        <translation>Trust</translation>
    </message>
    <message>
        <source>Papierfassung</source>
        <translation>Paper copy</translation>
    </message>
    <message>
        <source>E-Mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Die Datei ist eine Verknüpfung (symbolischer Link), keine Paketdatei.</source>
        <translation>The file is a shortcut (symbolic link), not a file of the package.</translation>
    </message>
    <message>
        <source>Das ist keine gewöhnliche Datei.</source>
        <translation>This is not a regular file.</translation>
    </message>
    <message>
        <source>Ein Teil der E-Mail ist beschädigt und nicht lesbar.</source>
        <translation>A part of the e-mail is damaged and cannot be read.</translation>
    </message>
    <message>
        <source>Die E-Mail enthält einen Anhang ohne Namen ({type}), der nicht im signierten Verzeichnis steht.</source>
        <translation>The e-mail contains an attachment without a name ({type}) that is not listed in the signed manifest.</translation>
    </message>
    <message>
        <source>Der Anhang „{name}“ steht {count}-mal in der E-Mail; welcher gilt, ist nicht eindeutig (Mailprogramme zeigen womöglich einen anderen als den signierten). Die E-Mail ist so nicht gültig.</source>
        <translation>The attachment “{name}” appears {count} times in the e-mail; which one counts is ambiguous (mail programs may show one other than the signed one). The e-mail is not valid like this.</translation>
    </message>
    <message>
        <source>manifest.json ist nicht lesbar: {error}</source>
        <translation>manifest.json cannot be read: {error}</translation>
    </message>
    <message>
        <source>manifest.json ist kein Verzeichnis eines ZWK-Bewerbungspakets.</source>
        <translation>manifest.json is not the manifest of a ZWK application package.</translation>
    </message>
    <message>
        <source>manifest.json hat die Formatversion {version}, die dieses Programm nicht kennt; bitte prüfen Sie das Paket mit einer neueren Version.</source>
        <translation>manifest.json has format version {version}, which this program does not know; please check the package with a newer version.</translation>
    </message>
    <message>
        <source>Die Dateiliste in manifest.json ist beschädigt.</source>
        <translation>The list of files in manifest.json is damaged.</translation>
    </message>
    <message>
        <source>Verzeichnis signiert von {signer} (selbst ausgestelltes Zertifikat, SHA-256 {fingerprint})</source>
        <translation>Manifest signed by {signer} (self-issued certificate, SHA-256 {fingerprint})</translation>
    </message>
    <message>
        <source>Verzeichnis signiert von {signer} (Zertifikat, SHA-256 {fingerprint})</source>
        <translation>Manifest signed by {signer} (certificate, SHA-256 {fingerprint})</translation>
    </message>
    <message>
        <source>Die Signatur des Verzeichnisses fehlt: ohne sie ist nicht belegt, dass die Dateien so abgeschickt wurden.</source>
        <translation>The manifest&apos;s signature is missing: without it there is no proof that the files were sent like this.</translation>
    </message>
    <message>
        <source>Das Verzeichnis wurde nach der Signatur verändert.</source>
        <translation>The manifest was changed after it was signed.</translation>
    </message>
    <message>
        <source>Das Zertifikat in der Signaturdatei ist nicht das im Verzeichnis genannte.</source>
        <translation>The certificate in the signature file is not the one named in the manifest.</translation>
    </message>
    <message>
        <source>Die Signaturdatei ist beschädigt.</source>
        <translation>The signature file is damaged.</translation>
    </message>
    <message>
        <source>Die Signaturdatei ist beschädigt oder keine CMS-Signatur.</source>
        <translation>The signature file is damaged or not a CMS signature.</translation>
    </message>
    <message>
        <source>Die Signatur passt nicht zum Inhalt.</source>
        <translation>The signature does not match the content.</translation>
    </message>
    <message>
        <source>Die Datei fehlt: sie steht im signierten Verzeichnis, liegt aber nicht vor (nicht mitgeschickt oder nicht mit gespeichert).</source>
        <translation>The file is missing: it is listed in the signed manifest but is not there (not sent along or not saved with the rest).</translation>
    </message>
    <message>
        <source>Der Inhalt passt nicht zur Prüfsumme im signierten Verzeichnis: die Datei wurde nach der Signatur verändert oder beim Übertragen beschädigt.</source>
        <translation>The content does not match the checksum in the signed manifest: the file was changed after signing or damaged in transfer.</translation>
    </message>
    <message>
        <source>Prüfsumme stimmt ({size})</source>
        <translation>Checksum matches ({size})</translation>
    </message>
    <message>
        <source>Die Datei steht nicht im signierten Verzeichnis: sie gehört nicht zu dem, was signiert wurde.</source>
        <translation>The file is not listed in the signed manifest: it is not part of what was signed.</translation>
    </message>
    <message>
        <source>Das PDF enthält komprimierte Daten, die sich auf mehr als {size} entpacken würden (eine „Dekompressionsbombe“); es wird nicht weiter geöffnet.</source>
        <translation>The PDF contains compressed data that would unpack to more than {size} (a “decompression bomb”); it is opened no further.</translation>
    </message>
    <message>
        <source>Druckfassung zur Unterschrift (Papierweg, ohne Signatur)</source>
        <translation>Print for signing by hand (paper route, without signature)</translation>
    </message>
    <message>
        <source>Das PDF ist mit einem anderen Zertifikat signiert als das Verzeichnis.</source>
        <translation>The PDF is signed with a different certificate than the manifest.</translation>
    </message>
    <message>
        <source>Signatur gültig und deckt die ganze Datei ab ({signer}, {date} Uhr)</source>
        <translation>Signature valid and covering the whole file ({signer}, {date})</translation>
    </message>
    <message>
        <source>Signatur gültig und deckt die ganze Datei ab ({signer})</source>
        <translation>Signature valid and covering the whole file ({signer})</translation>
    </message>
    <message>
        <source>Das PDF enthält {count} statt genau einer Signatur.</source>
        <translation>The PDF contains {count} signatures instead of exactly one.</translation>
    </message>
    <message>
        <source>Die Signatur des PDF lässt sich nicht prüfen; die Datei ist beschädigt.</source>
        <translation>The PDF&apos;s signature cannot be checked; the file is damaged.</translation>
    </message>
    <message>
        <source>Die Signatur des PDF ist ungültig: der Inhalt wurde nach der Signatur verändert.</source>
        <translation>The PDF&apos;s signature is invalid: the content was changed after signing.</translation>
    </message>
    <message>
        <source>Die Signatur des PDF deckt nicht die ganze Datei ab: nach der Signatur wurde etwas angefügt (die Prüfung dieser Änderung ergab, dass sie nicht zulässig ist).</source>
        <translation>The PDF&apos;s signature does not cover the whole file: something was appended after signing (checking this change found that it is not permitted).</translation>
    </message>
    <message>
        <source>Die Signatur des PDF deckt nicht die ganze Datei ab: nach der Signatur wurde etwas angefügt.</source>
        <translation>The PDF&apos;s signature does not cover the whole file: something was appended after signing.</translation>
    </message>
    <message>
        <source>Die im PDF eingebettete bewerbung.json würde sich auf mehr als {size} entpacken; so groß ist keine Bewerbung.</source>
        <translation>The bewerbung.json embedded in the PDF would unpack to more than {size}; no application is that large.</translation>
    </message>
    <message>
        <source>Im PDF sind die Angaben (bewerbung.json) nicht eingebettet oder nicht lesbar.</source>
        <translation>The PDF does not contain the embedded data (bewerbung.json), or they cannot be read.</translation>
    </message>
    <message>
        <source>{json} stimmt nicht mit den im PDF eingebetteten Angaben überein.</source>
        <translation>{json} does not match the data embedded in the PDF.</translation>
    </message>
    <message>
        <source>identisch mit den im PDF eingebetteten Angaben</source>
        <translation>identical to the data embedded in the PDF</translation>
    </message>
    <message>
        <source>signiert von {signer}, der in den Angaben genannten unterzeichnenden Person ({who})</source>
        <translation>signed by {signer}, the signatory named in the application ({who})</translation>
    </message>
    <message>
        <source>Signiert hat {signer} (laut Zertifikat), als unterzeichnende Person nennen die Angaben aber {who}. Die Bewerbung ist nicht von der Person signiert, die sie unterschreiben soll.</source>
        <translation>Signed by {signer} (according to the certificate), but the application names {who} as the signatory. The application is not signed by the person who is to sign it.</translation>
    </message>
    <message>
        <source>eine unbekannte Person</source>
        <translation>an unknown person</translation>
    </message>
    <message>
        <source>niemanden</source>
        <translation>nobody</translation>
    </message>
    <message>
        <source>(niemand genannt)</source>
        <translation>(nobody named)</translation>
    </message>
    <message>
        <source>{person}, in Vertretung</source>
        <translation>{person}, as deputy</translation>
    </message>
    <message>
        <source>Die Angaben lassen sich nicht erneut prüfen: {error}</source>
        <translation>The data cannot be checked again: {error}</translation>
    </message>
    <message>
        <source>Die erneute Prüfung der Angaben findet 1 Fehler, z. B. {path} ({code}): {message}</source>
        <translation>Checking the data again finds 1 error: {path} ({code}): {message}</translation>
    </message>
    <message>
        <source>Die erneute Prüfung der Angaben findet {count} Fehler, z. B. {path} ({code}): {message}</source>
        <translation>Checking the data again finds {count} errors, e.g. {path} ({code}): {message}</translation>
    </message>
    <message>
        <source>Im Prüfprotokoll nicht bestätigt: 1 Hinweis der erneuten Prüfung, z. B. {code} bei {path}.</source>
        <translation>Not acknowledged in the check report: 1 warning of the repeated check, {code} at {path}.</translation>
    </message>
    <message>
        <source>Im Prüfprotokoll nicht bestätigt: {count} Hinweise der erneuten Prüfung, z. B. {code} bei {path}.</source>
        <translation>Not acknowledged in the check report: {count} warnings of the repeated check, e.g. {code} at {path}.</translation>
    </message>
    <message>
        <source>erneute Prüfung ohne Fehler (Regelwerk {version}; 1 Hinweis, im Prüfprotokoll mit Begründung bestätigt)</source>
        <translation>checked again without errors (rule set {version}; 1 warning, acknowledged with a reason in the check report)</translation>
    </message>
    <message>
        <source>erneute Prüfung ohne Fehler (Regelwerk {version}; {count} Hinweise, im Prüfprotokoll mit Begründung bestätigt)</source>
        <translation>checked again without errors (rule set {version}; {count} warnings, acknowledged with a reason in the check report)</translation>
    </message>
    <message>
        <source>erneute Prüfung ohne Fehler (Regelwerk {version})</source>
        <translation>checked again without errors (rule set {version})</translation>
    </message>
    <message>
        <source>{json} fehlt; nichts zu vergleichen.</source>
        <translation>{json} is missing; nothing to compare.</translation>
    </message>
    <message>
        <source>{json} stimmt NICHT mit der Papierfassung überein: die Datei hat die SHA-256-Prüfsumme {digest}, gedruckt ist {printed}.</source>
        <translation>{json} does NOT match the paper copy: the file has the SHA-256 checksum {digest}, the printed one is {printed}.</translation>
    </message>
    <message>
        <source>{json} stimmt mit dem gedruckten Prüfcode überein (SHA-256 {digest})</source>
        <translation>{json} matches the printed check code (SHA-256 {digest})</translation>
    </message>
    <message>
        <source>Der Prüfcode im Verzeichnis passt nicht zu {json}.</source>
        <translation>The check code in the manifest does not match {json}.</translation>
    </message>
    <message>
        <source>nicht elektronisch signiert: die unterschriebene Papierfassung folgt per Post; ihr QR-Code muss zu {json} passen (verify … --papier …).</source>
        <translation>not signed electronically: the signed paper copy follows by post; its QR code must match {json} (verify … --papier …).</translation>
    </message>
    <message>
        <source>{path} ist zu groß für eine Bewerbung.</source>
        <translation>{path} is too large for an application.</translation>
    </message>
    <message>
        <source>{path} sind nicht die Angaben einer Bewerbung: {error}</source>
        <translation>{path} is not the data of an application: {error}</translation>
    </message>
    <message>
        <source>{folder} enthält mehr als {count} Dateien; das ist kein Bewerbungspaket.</source>
        <translation>{folder} contains more than {count} files; this is not an application package.</translation>
    </message>
    <message>
        <source>{path} ist zu groß für ein Bewerbungspaket.</source>
        <translation>{path} is too large for an application package.</translation>
    </message>
    <message>
        <source>{path} ist keine gewöhnliche Datei.</source>
        <translation>{path} is not a regular file.</translation>
    </message>
    <message>
        <source>{path} ist kein ZWK-Bewerbungspaket: es fehlt das signierte Verzeichnis (…{suffix}).</source>
        <translation>{path} is not a ZWK application package: the signed manifest (…{suffix}) is missing.</translation>
    </message>
    <message>
        <source>{path} ist keine E-Mail mit einem ZWK-Bewerbungspaket: das signierte Verzeichnis (…{suffix}) fehlt.</source>
        <translation>{path} is not an e-mail with a ZWK application package: the signed manifest (…{suffix}) is missing.</translation>
    </message>
    <message>
        <source>Das signierte Verzeichnis (…_manifest.json) fehlt; das ist kein ZWK-Bewerbungspaket.</source>
        <translation>The signed manifest (…_manifest.json) is missing; this is not a ZWK application package.</translation>
    </message>
    <message>
        <source>Hier liegen {count} Pakete zusammen ({names}). Bitte nennen Sie das signierte Verzeichnis des Pakets, das geprüft werden soll, z. B. zwk-desktop verify ORDNER/{first}</source>
        <translation>{count} packages lie together here ({names}). Please name the signed manifest of the package to be checked, e.g. zwk-desktop verify FOLDER/{first}</translation>
    </message>
    <message>
        <source>Die Datei {name} fehlt.</source>
        <translation>The file {name} is missing.</translation>
    </message>
    <message>
        <source>Die E-Mail enthält keine Anhänge; sie ist kein ZWK-Bewerbungspaket.</source>
        <translation>The e-mail has no attachments; it is not a ZWK application package.</translation>
    </message>
    <message>
        <source>Die Datei lässt sich nicht als E-Mail lesen.</source>
        <translation>The file cannot be read as an e-mail.</translation>
    </message>
    <message>
        <source>{path} gibt es nicht.</source>
        <translation>{path} does not exist.</translation>
    </message>
</context>
<context>
    <name>DirectoryAssist</name>
    <message>
        <source>Vorschläge beim Tippen von Name oder Gemeindeschlüssel und die Werte mit dem Vermerk „aus Gemeindeverzeichnis“: Gemeindeverzeichnis des Statistischen Bundesamts (Destatis), Gebietsstand {area}, Einwohner zum {people}; {licence}.</source>
        <translation>Suggestions as you type a name or municipality key, and the values marked “from municipality directory”: municipality directory of the Federal Statistical Office (Destatis), boundaries as at {area}, population as at {people}; {licence}.</translation>
    </message>
    <message>
        <source>„{name}“ aus dem Gemeindeverzeichnis übernommen: {fields}.</source>
        <translation>“{name}” taken from the municipality directory: {fields}.</translation>
    </message>
    <message>
        <source>Mitgliedskommune aus dem Gemeindeverzeichnis hinzu&amp;fügen:</source>
        <translation>&amp;Add a member municipality from the municipality directory:</translation>
    </message>
</context>
<context>
    <name>DirectoryCompleter</name>
    <message>
        <source>{name} – {where} · {ags} · {n} Einwohner</source>
        <translation>{name} – {where} · {ags} · {n} inhabitants</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Kreis, Land</source>
        <translation>District, state</translation>
    </message>
    <message>
        <source>AGS</source>
        <translation>AGS</translation>
    </message>
    <message>
        <source>Einwohner</source>
        <translation>Population</translation>
    </message>
    <message>
        <source>Vorschläge aus dem Gemeindeverzeichnis</source>
        <translation>Suggestions from the municipality directory</translation>
    </message>
    <message>
        <source>PLZ {plz}</source>
        <translation>Postcode {plz}</translation>
    </message>
</context>
<context>
    <name>DirectoryMark</name>
    <message>
        <source>aus Gemeindeverzeichnis</source>
        <translation>from municipality directory</translation>
    </message>
    <message>
        <source>Dieser Wert stammt aus dem Gemeindeverzeichnis des Statistischen Bundesamts (Einwohner zum {stand}). Sie können ihn jederzeit ändern.</source>
        <translation>This value comes from the municipality directory of the Federal Statistical Office (population as at {stand}). You can change it at any time.</translation>
    </message>
    <message>
        <source>Wert aus dem Gemeindeverzeichnis</source>
        <translation>Value from the municipality directory</translation>
    </message>
</context>
<context>
    <name>DraftsDialog</name>
    <message>
        <source>Entwürfe</source>
        <translation>Drafts</translation>
    </message>
    <message>
        <source>S&amp;chließen</source>
        <translation>&amp;Close</translation>
    </message>
</context>
<context>
    <name>DraftsManager</name>
    <message>
        <source>&amp;Suchen:</source>
        <translation>&amp;Search:</translation>
    </message>
    <message>
        <source>Name, Kommune oder Datum</source>
        <translation>Name, municipality or date</translation>
    </message>
    <message>
        <source>Entwürfe durchsuchen</source>
        <translation>Search drafts</translation>
    </message>
    <message>
        <source>&amp;Papierkorb anzeigen</source>
        <translation>Show &amp;bin</translation>
    </message>
    <message>
        <source>Gespeicherte Entwürfe</source>
        <translation>Saved drafts</translation>
    </message>
    <message>
        <source>Meldung</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>&amp;Rückgängig</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <source>Ö&amp;ffnen</source>
        <translation>&amp;Open</translation>
    </message>
    <message>
        <source>&amp;Duplizieren</source>
        <translation>&amp;Duplicate</translation>
    </message>
    <message>
        <source>&amp;Umbenennen</source>
        <translation>&amp;Rename</translation>
    </message>
    <message>
        <source>In den Papier&amp;korb</source>
        <translation>&amp;Move to bin</translation>
    </message>
    <message>
        <source>&amp;Wiederherstellen</source>
        <translation>&amp;Restore</translation>
    </message>
    <message>
        <source>Endgültig &amp;löschen…</source>
        <translation>Delete &amp;permanently…</translation>
    </message>
    <message>
        <source>&amp;Exportieren…</source>
        <translation>&amp;Export…</translation>
    </message>
    <message>
        <source>&amp;Importieren…</source>
        <translation>&amp;Import…</translation>
    </message>
    <message>
        <source>Entwürfe im Papierkorb werden nach {days} Tagen endgültig gelöscht.</source>
        <translation>Drafts in the bin are permanently deleted after {days} days.</translation>
    </message>
    <message>
        <source>Kopie angelegt: „{name}“.</source>
        <translation>Copy created: “{name}”.</translation>
    </message>
    <message>
        <source>„{name}“ liegt jetzt im Papierkorb und kann {days} Tage lang wiederhergestellt werden.</source>
        <translation>“{name}” is now in the bin and can be restored for {days} days.</translation>
    </message>
    <message>
        <source>„{name}“ ist wiederhergestellt.</source>
        <translation>“{name}” has been restored.</translation>
    </message>
    <message>
        <source>Endgültig löschen</source>
        <translation>Delete permanently</translation>
    </message>
    <message>
        <source>„{name}“ und alle seine Versionen endgültig löschen? Das lässt sich nicht rückgängig machen.</source>
        <translation>Permanently delete “{name}” and all its versions? This cannot be undone.</translation>
    </message>
    <message>
        <source>„{name}“ ist endgültig gelöscht.</source>
        <translation>“{name}” has been permanently deleted.</translation>
    </message>
    <message>
        <source>Entwurf exportieren</source>
        <translation>Export draft</translation>
    </message>
    <message>
        <source>ZWK-Entwürfe (*.zwk)</source>
        <translation>ZWK drafts (*.zwk)</translation>
    </message>
    <message>
        <source>Gespeichert als {path}.</source>
        <translation>Saved as {path}.</translation>
    </message>
    <message>
        <source>Entwurf importieren</source>
        <translation>Import draft</translation>
    </message>
    <message>
        <source>ZWK-Entwürfe (*.zwk *.json)</source>
        <translation>ZWK drafts (*.zwk *.json)</translation>
    </message>
    <message>
        <source>{path}: {problem} Es wurde nichts übernommen.</source>
        <translation>{path}: {problem} Nothing was imported.</translation>
    </message>
    <message>
        <source>Entwurf Nr. {id}</source>
        <translation>Draft no. {id}</translation>
    </message>
</context>
<context>
    <name>DraftsModel</name>
    <message>
        <source>keine</source>
        <translation>none</translation>
    </message>
    <message>
        <source>Gelöscht am</source>
        <translation>Deleted on</translation>
    </message>
    <message>
        <source>Zuletzt geändert</source>
        <translation>Last changed</translation>
    </message>
    <message>
        <source>Entwurf</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>Kommune</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <source>Vollständig</source>
        <translation>Complete</translation>
    </message>
    <message>
        <source>Befunde</source>
        <translation>Findings</translation>
    </message>
    <message>
        <source>Nr. {id}, angelegt am {created}</source>
        <translation>No. {id}, created on {created}</translation>
    </message>
    <message>
        <source>; wird am {until} endgültig gelöscht</source>
        <translation>; will be permanently deleted on {until}</translation>
    </message>
</context>
<context>
    <name>Editor</name>
    <message>
        <source>Abschnitte</source>
        <translation>Sections</translation>
    </message>
    <message>
        <source>Abschnitte der Bewerbung</source>
        <translation>Sections of the application</translation>
    </message>
    <message>
        <source>Prüfen</source>
        <translation>Check</translation>
    </message>
    <message>
        <source>Fortschritt</source>
        <translation>Progress</translation>
    </message>
    <message>
        <source>‹ &amp;Zurück</source>
        <translation>‹ &amp;Back</translation>
    </message>
    <message>
        <source>Voriger Abschnitt (Alt+←)</source>
        <translation>Previous section (Alt+←)</translation>
    </message>
    <message>
        <source>&amp;Weiter ›</source>
        <translation>&amp;Next ›</translation>
    </message>
    <message>
        <source>Nächster Abschnitt (Alt+→)</source>
        <translation>Next section (Alt+→)</translation>
    </message>
    <message>
        <source>Abschnitt {n} von {total}</source>
        <translation>Section {n} of {total}</translation>
    </message>
    <message>
        <source>Weiter zu „Prüfen“ ›</source>
        <translation>Next: “Check” ›</translation>
    </message>
    <message>
        <source>alles vollständig</source>
        <translation>all complete</translation>
    </message>
    <message>
        <source>{done} von {total} Abschnitten vollständig ({percent} %)</source>
        <translation>{done} of {total} sections complete ({percent} %)</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>Unerwarteter Fehler</source>
        <translation>Unexpected error</translation>
    </message>
    <message>
        <source>Protokolleintrag</source>
        <translation>Log entry</translation>
    </message>
    <message>
        <source>Enthält keine persönlichen Daten und keine Passphrasen.</source>
        <translation>Contains no personal data and no passphrases.</translation>
    </message>
    <message>
        <source>Protokoll &amp;öffnen</source>
        <translation>&amp;Open log</translation>
    </message>
    <message>
        <source>&amp;Kopieren</source>
        <translation>&amp;Copy</translation>
    </message>
    <message>
        <source>Protokoll: {path}</source>
        <translation>Log: {path}</translation>
    </message>
    <message>
        <source>In die Zwischenablage kopiert.</source>
        <translation>Copied to the clipboard.</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Angaben prüfen</source>
        <translation>Check entries</translation>
    </message>
    <message>
        <source>PDF setzen</source>
        <translation>Lay out PDF</translation>
    </message>
    <message>
        <source>Daten in das PDF einbetten</source>
        <translation>Embed data in the PDF</translation>
    </message>
    <message>
        <source>PDF signieren</source>
        <translation>Sign PDF</translation>
    </message>
    <message>
        <source>Paketdateien schreiben</source>
        <translation>Write package files</translation>
    </message>
    <message>
        <source>Verzeichnis signieren</source>
        <translation>Sign manifest</translation>
    </message>
    <message>
        <source>E-Mail erstellen</source>
        <translation>Create email</translation>
    </message>
    <message>
        <source>Paket abschließen</source>
        <translation>Finish package</translation>
    </message>
    <message>
        <source>Druckfassung mit QR-Code setzen</source>
        <translation>Lay out the print version with QR code</translation>
    </message>
    <message>
        <source>ohne elektronische Signatur (Papierweg)</source>
        <translation>without electronic signature (paper route)</translation>
    </message>
    <message>
        <source>Verzeichnis schreiben</source>
        <translation>Write the manifest</translation>
    </message>
    <message>
        <source>Die Bewerbung enthält {n} Fehler und kann so nicht exportiert werden. Bitte beheben Sie die Fehler; eine Druckfassung mit dem Vermerk ENTWURF ist jederzeit möglich.</source>
        <translation>Errors in the application: {n}. It cannot be exported like this. Please correct the errors; a print version marked DRAFT can be made at any time.</translation>
    </message>
    <message>
        <source>Die Bewerbung ist bereit zum Export.</source>
        <translation>The application is ready for export.</translation>
    </message>
    <message>
        <source>Bewerbung exportieren</source>
        <translation>Export application</translation>
    </message>
    <message>
        <source>Offene Hinweise</source>
        <translation>Open warnings</translation>
    </message>
    <message>
        <source>Begründung für alle offenen Hinweise</source>
        <translation>Justification for all open warnings</translation>
    </message>
    <message>
        <source>Begründung</source>
        <translation>Justification</translation>
    </message>
    <message>
        <source>Hinweise &amp;bestätigen</source>
        <translation>&amp;Acknowledge warnings</translation>
    </message>
    <message>
        <source>Signaturidentität</source>
        <translation>Signing identity</translation>
    </message>
    <message>
        <source>&amp;Verwalten…</source>
        <translation>Ma&amp;nage…</translation>
    </message>
    <message>
        <source>&amp;Signieren als:</source>
        <translation>&amp;Sign as:</translation>
    </message>
    <message>
        <source>Prüfung des Zertifikats</source>
        <translation>Certificate check</translation>
    </message>
    <message>
        <source>Zielordner</source>
        <translation>Destination folder</translation>
    </message>
    <message>
        <source>&amp;Ordner wählen…</source>
        <translation>Choose &amp;folder…</translation>
    </message>
    <message>
        <source>&amp;Zielordner:</source>
        <translation>&amp;Destination folder:</translation>
    </message>
    <message>
        <source>Zusammenfassung des Änderungs&amp;protokolls beilegen (…_aenderungsprotokoll.json)</source>
        <translation>Add a summary of the change &amp;log (…_aenderungsprotokoll.json)</translation>
    </message>
    <message>
        <source>Legt dem Paket bei, welche Felder wie oft geändert wurden, von wem und wann zuletzt – ohne Werte und ohne Kommentare. Aus: nichts davon geht an das Ministerium.</source>
        <translation>Adds to the package which fields were changed how often, by whom and when last – without values and without comments. Off: none of this goes to the ministry.</translation>
    </message>
    <message>
        <source>Schritte des Exports</source>
        <translation>Export steps</translation>
    </message>
    <message>
        <source>&amp;Druckfassung (ENTWURF)</source>
        <translation>&amp;Print version (DRAFT)</translation>
    </message>
    <message>
        <source>Druckfassung zur &amp;Unterschrift</source>
        <translation>Print version for &amp;hand signature</translation>
    </message>
    <message>
        <source>Ohne elektronische Signatur: Paket und E-Mail werden unsigniert geschrieben, bewerbung.pdf zum Unterschreiben mit einem QR-Code, der die Daten bestätigt; das unterschriebene Papier folgt per Post.</source>
        <translation>Without an electronic signature: package and e-mail are written unsigned, bewerbung.pdf for signing by hand with a QR code that confirms the data; the signed paper follows by post.</translation>
    </message>
    <message>
        <source>&amp;Exportieren</source>
        <translation>&amp;Export</translation>
    </message>
    <message>
        <source>E-&amp;Mail öffnen</source>
        <translation>Open e&amp;mail</translation>
    </message>
    <message>
        <source>Ordner ö&amp;ffnen</source>
        <translation>&amp;Open folder</translation>
    </message>
    <message>
        <source>S&amp;chließen</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <source>{label} – Signaturkarte</source>
        <translation>{label} – signature card</translation>
    </message>
    <message>
        <source>{identity} – nicht die unterzeichnende Person</source>
        <translation>{identity} – not the signatory</translation>
    </message>
    <message>
        <source>(keine – bitte unter „Verwalten…“ anlegen)</source>
        <translation>(none – please create one under “Manage…”)</translation>
    </message>
    <message>
        <source>Zertifikat: {status}</source>
        <translation>Certificate: {status}</translation>
    </message>
    <message>
        <source>Bitte geben Sie die PIN am Kartenleser ein.</source>
        <translation>Please enter the PIN on the card reader.</translation>
    </message>
    <message>
        <source>Abgebrochen: ohne PIN kann nicht signiert werden.</source>
        <translation>Cancelled: nothing can be signed without the PIN.</translation>
    </message>
    <message>
        <source>Die E-Mail-Datei {mail} ist nicht lesbar ({problem}).</source>
        <translation>The e-mail file {mail} cannot be read ({problem}).</translation>
    </message>
    <message>
        <source>Bitte warten Sie, bis der Schritt abgeschlossen ist.</source>
        <translation>Please wait until the step has finished.</translation>
    </message>
    <message>
        <source>Bitte warten …</source>
        <translation>Please wait…</translation>
    </message>
    <message>
        <source>Papierweg – Paket und E-Mail geschrieben (nicht signiert): {folder}
Bitte drucken Sie {pdf} aus, unterschreiben Sie es und senden Sie es per Post.
E-Mail zum Versand: {mail}
Prüfcode (QR-Code): {code}</source>
        <translation>Paper route – package and e-mail written (not signed): {folder}
Please print {pdf}, sign it and send it by post.
E-mail to send: {mail}
Check code (QR code): {code}</translation>
    </message>
    <message>
        <source>Papierweg – Paket und E-Mail geschrieben: {folder}</source>
        <translation>Paper route – package and e-mail written: {folder}</translation>
    </message>
    <message>
        <source>Exportiert: {folder}
E-Mail zum Versand: {mail}
SHA-256 des signierten Verzeichnisses: {sha}</source>
        <translation>Exported: {folder}
E-mail to send: {mail}
SHA-256 of the signed manifest: {sha}</translation>
    </message>
    <message>
        <source>Exportiert: {folder}</source>
        <translation>Exported: {folder}</translation>
    </message>
    <message>
        <source>Druckfassung geschrieben: {path}</source>
        <translation>Print version written: {path}</translation>
    </message>
    <message>
        <source>Das Paket kann nicht geschrieben werden ({why}).</source>
        <translation>The package cannot be written ({why}).</translation>
    </message>
    <message>
        <source>Der Export ist fehlgeschlagen ({kind}); es wurde nichts geschrieben.</source>
        <translation>The export failed ({kind}); nothing was written.</translation>
    </message>
    <message>
        <source>Zielordner wählen</source>
        <translation>Choose destination folder</translation>
    </message>
</context>
<context>
    <name>ExportMenu</name>
    <message>
        <source>Ordner für die Druckfassung (ENTWURF) wählen</source>
        <translation>Choose a folder for the print version (DRAFT)</translation>
    </message>
    <message>
        <source>Die Druckfassung (ENTWURF) wird erstellt …</source>
        <translation>Creating the print version (DRAFT)…</translation>
    </message>
    <message>
        <source>Druckfassung (ENTWURF)</source>
        <translation>Print version (DRAFT)</translation>
    </message>
    <message>
        <source>Die Druckfassung mit dem Vermerk ENTWURF ist geschrieben. Sie ist nicht signiert und nicht zur Einreichung bestimmt.</source>
        <translation>The print version marked DRAFT has been written. It is not signed and not intended for submission.</translation>
    </message>
    <message>
        <source>PDF ö&amp;ffnen</source>
        <translation>Open &amp;PDF</translation>
    </message>
    <message>
        <source>Die Druckfassung kann nicht geschrieben werden: {why}</source>
        <translation>The print version cannot be written: {why}</translation>
    </message>
    <message>
        <source>Die Druckfassung kann nicht geschrieben werden ({why}).</source>
        <translation>The print version cannot be written ({why}).</translation>
    </message>
    <message>
        <source>Die Druckfassung ist fehlgeschlagen ({kind}); es wurde nichts geschrieben.</source>
        <translation>The print version failed ({kind}); nothing was written.</translation>
    </message>
    <message>
        <source>Paket prüfen: die E-Mail (.eml) oder eine Datei im Paketordner wählen</source>
        <translation>Check package: choose the email (.eml) or a file in the package folder</translation>
    </message>
    <message>
        <source>Bewerbungspakete (*.eml *manifest.json *.pdf);;Alle Dateien (*)</source>
        <translation>Application packages (*.eml *manifest.json *.pdf);;All files (*)</translation>
    </message>
    <message>
        <source>E&amp;xportieren…</source>
        <translation>E&amp;xport…</translation>
    </message>
    <message>
        <source>&amp;Druckfassung (ENTWURF)…</source>
        <translation>&amp;Print version (DRAFT)…</translation>
    </message>
    <message>
        <source>Paket &amp;prüfen…</source>
        <translation>Check pac&amp;kage…</translation>
    </message>
    <message>
        <source>Signatur&amp;identitäten…</source>
        <translation>Signing &amp;identities…</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <source>Bitte geben Sie eine ganze Zahl ein, z. B. 1.200.</source>
        <translation>Please enter a whole number, e.g. 1.200 (German format).</translation>
    </message>
    <message>
        <source>Bitte geben Sie eine Zahl ein, z. B. 1.234,5.</source>
        <translation>Please enter a number, e.g. 1.234,5 (German format).</translation>
    </message>
    <message>
        <source>Bitte geben Sie einen Betrag in Euro ein, z. B. 1.500,00 (ohne €-Zeichen).</source>
        <translation>Please enter an amount in euros, e.g. 1.500,00 (German format, without the € sign).</translation>
    </message>
    <message>
        <source>Bitte geben Sie ein Datum im Format TT.MM.JJJJ ein, z. B. 20.07.2021.</source>
        <translation>Please enter a date as DD.MM.YYYY, e.g. 20.07.2021.</translation>
    </message>
    <message>
        <source>Bitte geben Sie Monat und Jahr im Format MM.JJJJ ein, z. B. 09.2021.</source>
        <translation>Please enter month and year as MM.YYYY, e.g. 09.2021.</translation>
    </message>
    <message>
        <source>{severity} (bestätigt)</source>
        <translation>{severity} (acknowledged)</translation>
    </message>
    <message>
        <source>Prüfmeldung zu {label}</source>
        <translation>Check result for {label}</translation>
    </message>
    <message>
        <source>Anmerkungen zu {label}</source>
        <translation>Notes on {label}</translation>
    </message>
    <message>
        <source>Pflichtfeld</source>
        <translation>Required</translation>
    </message>
    <message>
        <source>Vorschlag übernehmen: {text}</source>
        <translation>Use suggestion: {text}</translation>
    </message>
    <message>
        <source>Vorschlag für {label} übernehmen: {text}</source>
        <translation>Use suggestion for {label}: {text}</translation>
    </message>
    <message>
        <source> (höchstens {max})</source>
        <translation> (at most {max})</translation>
    </message>
    <message>
        <source>{n} / {max} Zeichen</source>
        <translation>{n} / {max} characters</translation>
    </message>
    <message>
        <source>Euro</source>
        <translation>Euro</translation>
    </message>
    <message>
        <source>Bitte auswählen</source>
        <translation>Please choose</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <source>Hilfe</source>
        <translation>Help</translation>
    </message>
    <message>
        <source>Hilfe zum Feld</source>
        <translation>Help on the field</translation>
    </message>
    <message>
        <source>Setzen Sie den Cursor in ein Feld: hier stehen dann seine Erläuterung, die Grundlage der Angabe und die Prüfungen, die für das Feld gelten. F1 blendet diese Hilfe ein und aus.</source>
        <translation>Put the cursor into a field: its explanation, the basis of the entry and the checks that apply to it are shown here. F1 shows and hides this help.</translation>
    </message>
    <message>
        <source>Quelle: {source}</source>
        <translation>Source: {source}</translation>
    </message>
    <message>
        <source>im Aufruf dokumentiert</source>
        <translation>documented in the call</translation>
    </message>
    <message>
        <source>durch Berichte ausgewählter Kommunen belegt</source>
        <translation>evidenced by reports of selected municipalities</translation>
    </message>
    <message>
        <source>abgeleitet aus der Förderpraxis, nicht im Aufruf dokumentiert</source>
        <translation>inferred from funding practice, not documented in the call</translation>
    </message>
    <message>
        <source>Prüfungen</source>
        <translation>Checks</translation>
    </message>
    <message>
        <source>Pflichtangabe, sobald das Feld angezeigt wird.</source>
        <translation>Required whenever the field is shown.</translation>
    </message>
    <message>
        <source>Pflichtangabe.</source>
        <translation>Required.</translation>
    </message>
    <message>
        <source>Empfohlen; fehlt sie, gibt es einen Hinweis.</source>
        <translation>Recommended; if it is missing, you get a warning.</translation>
    </message>
    <message>
        <source>Mindestens {n} Zeichen.</source>
        <translation>At least {n} characters.</translation>
    </message>
    <message>
        <source>Höchstens {n} Zeichen.</source>
        <translation>At most {n} characters.</translation>
    </message>
    <message>
        <source>Erlaubt: ab {low}.</source>
        <translation>Allowed: {low} or more.</translation>
    </message>
    <message>
        <source>Erlaubt: bis {high}.</source>
        <translation>Allowed: up to {high}.</translation>
    </message>
    <message>
        <source>Erlaubt: {low} bis {high}.</source>
        <translation>Allowed: {low} to {high}.</translation>
    </message>
</context>
<context>
    <name>IdentityDialog</name>
    <message>
        <source>Signaturidentitäten</source>
        <translation>Signing identities</translation>
    </message>
    <message>
        <source>Passphrasen liegen im Schlüsselbund des Betriebssystems ({backend}).</source>
        <translation>Passphrases are kept in the operating system’s keyring ({backend}).</translation>
    </message>
    <message>
        <source>Prüfung des Zertifikats</source>
        <translation>Certificate check</translation>
    </message>
    <message>
        <source>&amp;Neue Identität…</source>
        <translation>&amp;New identity…</translation>
    </message>
    <message>
        <source>PKCS#12 &amp;importieren…</source>
        <translation>&amp;Import PKCS#12…</translation>
    </message>
    <message>
        <source>Signatur&amp;karte einrichten…</source>
        <translation>Set up si&amp;gnature card…</translation>
    </message>
    <message>
        <source>&amp;Löschen</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <source>&amp;Schließen</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <source>selbst ausgestellt, keine qualifizierte Signatur</source>
        <translation>self-signed, not a qualified signature</translation>
    </message>
    <message>
        <source>Signaturkarte, PIN bei jeder Signatur</source>
        <translation>signature card, PIN at every signature</translation>
    </message>
    <message>
        <source>importiert</source>
        <translation>imported</translation>
    </message>
    <message>
        <source>Zertifikat nicht lesbar</source>
        <translation>certificate not readable</translation>
    </message>
    <message>
        <source>{label} – {kommune}
{kind}; gültig bis {until}; Zertifikat: {status}</source>
        <translation>{label} – {kommune}
{kind}; valid until {until}; certificate: {status}</translation>
    </message>
    <message>
        <source>Zertifikat: {status}</source>
        <translation>Certificate: {status}</translation>
    </message>
    <message>
        <source>Gesperrt: {text}</source>
        <translation>Blocked: {text}</translation>
    </message>
    <message>
        <source>Warnung: {text}</source>
        <translation>Warning: {text}</translation>
    </message>
    <message>
        <source>Hinweis: {text}</source>
        <translation>Note: {text}</translation>
    </message>
    <message>
        <source>Angelegt: {label}. Zertifikat SHA-256: {fp}</source>
        <translation>Created: {label}. Certificate SHA-256: {fp}</translation>
    </message>
    <message>
        <source>Importiert: {label}.</source>
        <translation>Imported: {label}.</translation>
    </message>
    <message>
        <source>Warnung: {w}</source>
        <translation>Warning: {w}</translation>
    </message>
    <message>
        <source>Die Signaturidentitäten sind nicht zugänglich: {problem}</source>
        <translation>The signing identities cannot be accessed: {problem}</translation>
    </message>
    <message>
        <source>Gelöscht: {label}.</source>
        <translation>Deleted: {label}.</translation>
    </message>
    <message>
        <source>Eingerichtet: {label} (Signaturkarte).</source>
        <translation>Set up: {label} (signature card).</translation>
    </message>
    <message>
        <source>PKCS#12-Datei wählen</source>
        <translation>Choose PKCS#12 file</translation>
    </message>
    <message>
        <source>PKCS#12 (*.p12 *.pfx)</source>
        <translation>PKCS#12 (*.p12 *.pfx)</translation>
    </message>
    <message>
        <source>Signaturidentität löschen</source>
        <translation>Delete signing identity</translation>
    </message>
    <message>
        <source>„{label}“ mit ihrem Schlüssel endgültig löschen?</source>
        <translation>Permanently delete “{label}” and its key?</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>PKCS#12 importieren</source>
        <translation>Import PKCS#12</translation>
    </message>
    <message>
        <source>Datei: {name}</source>
        <translation>File: {name}</translation>
    </message>
    <message>
        <source>&amp;Passphrase der Datei:</source>
        <translation>File &amp;passphrase:</translation>
    </message>
    <message>
        <source>&amp;Funktion:</source>
        <translation>P&amp;osition:</translation>
    </message>
    <message>
        <source>Passphrase im Schlüsselbund des Betriebssystems merken</source>
        <translation>Remember the passphrase in the operating system’s keyring</translation>
    </message>
    <message>
        <source>Kein Schlüsselbund verfügbar: die Passphrase wird bei jeder Signatur abgefragt.</source>
        <translation>No keyring available: you will be asked for the passphrase every time you sign.</translation>
    </message>
</context>
<context>
    <name>InboxMenu</name>
    <message>
        <source>Posteingang öffnen – Ordner mit den eingegangenen Bewerbungen</source>
        <translation>Open inbox – folder with the received applications</translation>
    </message>
    <message>
        <source>P&amp;osteingang öffnen…</source>
        <translation>Open &amp;inbox…</translation>
    </message>
    <message>
        <source>Alle eingegangenen Bewerbungen eines Ordners prüfen und als Übersicht zeigen</source>
        <translation>Check every application received in a folder and show them as an overview</translation>
    </message>
</context>
<context>
    <name>InboxTable</name>
    <message>
        <source>Eingegangen</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Stand</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Signatur</source>
        <translation>Signature</translation>
    </message>
    <message>
        <source>Gültig</source>
        <translation>Valid</translation>
    </message>
    <message>
        <source>Kommune</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <source>AGS</source>
        <translation>AGS</translation>
    </message>
    <message>
        <source>Land</source>
        <translation>State (Land)</translation>
    </message>
    <message>
        <source>Landkreis</source>
        <translation>District</translation>
    </message>
    <message>
        <source>Art</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Einwohner</source>
        <translation>Inhabitants</translation>
    </message>
    <message>
        <source>Beantragt gesamt</source>
        <translation>Requested in total</translation>
    </message>
    <message>
        <source>Eigenmittel</source>
        <translation>Own funds</translation>
    </message>
    <message>
        <source>Unterschrift laut Formular</source>
        <translation>Signatory named in the form</translation>
    </message>
    <message>
        <source>Signiert von (Zertifikat)</source>
        <translation>Signed by (certificate)</translation>
    </message>
    <message>
        <source>Zertifikat</source>
        <translation>Certificate</translation>
    </message>
    <message>
        <source>Zertifikat SHA-256</source>
        <translation>Certificate SHA-256</translation>
    </message>
    <message>
        <source>Fehler</source>
        <translation>Errors</translation>
    </message>
    <message>
        <source>Hinweise</source>
        <translation>Warnings</translation>
    </message>
    <message>
        <source>Bestätigte Hinweise mit Begründung</source>
        <translation>Acknowledged warnings with justification</translation>
    </message>
    <message>
        <source>Paket</source>
        <translation>Package</translation>
    </message>
    <message>
        <source>aktuell</source>
        <translation>current</translation>
    </message>
    <message>
        <source>ersetzt</source>
        <translation>replaced</translation>
    </message>
    <message>
        <source>ja</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>nein</source>
        <translation>no</translation>
    </message>
    <message>
        <source>gültig</source>
        <translation>valid</translation>
    </message>
    <message>
        <source>verändert</source>
        <translation>changed</translation>
    </message>
    <message>
        <source>unlesbar</source>
        <translation>unreadable</translation>
    </message>
    <message>
        <source>Unterzeichner weicht ab</source>
        <translation>signer differs</translation>
    </message>
    <message>
        <source>Beantragt {jahr}</source>
        <translation>Requested {jahr}</translation>
    </message>
</context>
<context>
    <name>InboxWindow</name>
    <message>
        <source>Posteingang – {folder}</source>
        <translation>Inbox – {folder}</translation>
    </message>
    <message>
        <source>Die Pakete in {folder} werden geprüft …</source>
        <translation>Checking the packages in {folder} …</translation>
    </message>
    <message>
        <source>Stand der Prüfung</source>
        <translation>State of the check</translation>
    </message>
    <message>
        <source>Fortschritt der Prüfung</source>
        <translation>Progress of the check</translation>
    </message>
    <message>
        <source>%v von %m Paketen geprüft</source>
        <translation>%v of %m packages checked</translation>
    </message>
    <message>
        <source>&amp;Abbrechen</source>
        <translation>Ca&amp;ncel</translation>
    </message>
    <message>
        <source>&amp;Land:</source>
        <translation>&amp;Land:</translation>
    </message>
    <message>
        <source>A&amp;rt:</source>
        <translation>T&amp;ype:</translation>
    </message>
    <message>
        <source>&amp;Signatur:</source>
        <translation>&amp;Signature:</translation>
    </message>
    <message>
        <source>Eingegangene Bewerbungen</source>
        <translation>Received applications</translation>
    </message>
    <message>
        <source>&amp;Bewerbungen (Eingabetaste öffnet die Prüfansicht):</source>
        <translation>&amp;Applications (Enter opens the check view):</translation>
    </message>
    <message>
        <source>Summe</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Prüfansicht ö&amp;ffnen</source>
        <translation>&amp;Open check view</translation>
    </message>
    <message>
        <source>Als &amp;Excel speichern…</source>
        <translation>Save as &amp;Excel…</translation>
    </message>
    <message>
        <source>Als CS&amp;V speichern…</source>
        <translation>Save as CS&amp;V…</translation>
    </message>
    <message>
        <source>&amp;Zertifikat bestätigen…</source>
        <translation>Confirm cer&amp;tificate…</translation>
    </message>
    <message>
        <source>Das Zertifikat der gewählten Bewerbung ist mit der Kommune abgeglichen (etwa am Telefon): für diese AGS nicht mehr als neu oder abweichend melden</source>
        <translation>The certificate of the chosen application has been checked with the municipality (by phone, say): no longer report it as new or different for this AGS</translation>
    </message>
    <message>
        <source>S&amp;chließen</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <source>Die Prüfung wird abgebrochen …</source>
        <translation>Cancelling the check …</translation>
    </message>
    <message>
        <source>In {folder} gibt es keine E-Mails (.eml) und keine Paketordner.</source>
        <translation>{folder} holds no e-mails (.eml) and no package folders.</translation>
    </message>
    <message>
        <source>Alle {n} Bewerbungen sind gültig.</source>
        <translation>All {n} applications are valid.</translation>
    </message>
    <message>
        <source>{bad} von {n} Bewerbungen sind nicht gültig.</source>
        <translation>{bad} of {n} applications are not valid.</translation>
    </message>
    <message>
        <source>Abgebrochen. </source>
        <translation>Cancelled. </translation>
    </message>
    <message>
        <source>Vertrauensanker: {path}. Unter ihnen ausgestellt (keine telefonische Bestätigung nötig): {n}</source>
        <translation>Trust anchors: {path}. Issued under them (no confirmation by phone needed): {n}</translation>
    </message>
    <message>
        <source>{n} Bewerbungen: {valid} gültig, {invalid} ungültig, {replaced} ersetzt. Beantragt ({counted} gültige, aktuelle): {years}; gesamt {total} €.</source>
        <translation>{n} applications: {valid} valid, {invalid} not valid, {replaced} replaced. Requested ({counted} valid, current): {years}; total {total} €.</translation>
    </message>
    <message>
        <source>Angezeigt: {shown} von {n}.</source>
        <translation>Shown: {shown} of {n}.</translation>
    </message>
    <message>
        <source>alle Länder</source>
        <translation>all Länder</translation>
    </message>
    <message>
        <source>alle Arten</source>
        <translation>all types</translation>
    </message>
    <message>
        <source>alle ungültigen</source>
        <translation>all not valid</translation>
    </message>
    <message>
        <source>alle</source>
        <translation>all</translation>
    </message>
    <message>
        <source>Paket nicht lesbar</source>
        <translation>Package unreadable</translation>
    </message>
    <message>
        <source>{path}

{reason}</source>
        <translation>{path}

{reason}</translation>
    </message>
    <message>
        <source>Zertifikat bestätigen</source>
        <translation>Confirm certificate</translation>
    </message>
    <message>
        <source>Haben Sie mit {kommune} (AGS {ags}) abgeglichen, dass dieses Zertifikat von dort stammt?

Signiert von: {signer}
SHA-256: {fingerprint}

Der Posteingang merkt es sich und meldet es für diese AGS nicht mehr als neu oder abweichend.</source>
        <translation>Have you checked with {kommune} (AGS {ags}) that this certificate is theirs?

Signed by: {signer}
SHA-256: {fingerprint}

The inbox remembers it and no longer reports it as new or different for this AGS.</translation>
    </message>
    <message>
        <source>Als Excel speichern</source>
        <translation>Save as Excel</translation>
    </message>
    <message>
        <source>Excel-Mappe (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>Als CSV speichern</source>
        <translation>Save as CSV</translation>
    </message>
    <message>
        <source>CSV für Excel (*.csv)</source>
        <translation>CSV for Excel (*.csv)</translation>
    </message>
    <message>
        <source>Gespeichert: {path}</source>
        <translation>Saved: {path}</translation>
    </message>
</context>
<context>
    <name>Layout</name>
    <message>
        <source>{label} (empfohlen)</source>
        <translation>{label} (recommended)</translation>
    </message>
</context>
<context>
    <name>Lists</name>
    <message>
        <source>{item} hinzufügen</source>
        <translation>New entry: {item}</translation>
    </message>
    <message>
        <source>noch kein Eintrag</source>
        <translation>no entry yet</translation>
    </message>
    <message>
        <source>Nach oben</source>
        <translation>Up</translation>
    </message>
    <message>
        <source>{item} nach oben verschieben (Strg+Umschalt+↑)</source>
        <translation>Move {item} up (Ctrl+Shift+↑)</translation>
    </message>
    <message>
        <source>Nach unten</source>
        <translation>Down</translation>
    </message>
    <message>
        <source>{item} nach unten verschieben (Strg+Umschalt+↓)</source>
        <translation>Move {item} down (Ctrl+Shift+↓)</translation>
    </message>
    <message>
        <source>Entfernen</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>{item} entfernen</source>
        <translation>Remove {item}</translation>
    </message>
    <message>
        <source>„{item}“ nach oben verschoben, jetzt an Stelle {pos} von {n}.</source>
        <translation>“{item}” moved up, now {pos} of {n}.</translation>
    </message>
    <message>
        <source>„{item}“ nach unten verschoben, jetzt an Stelle {pos} von {n}.</source>
        <translation>“{item}” moved down, now {pos} of {n}.</translation>
    </message>
    <message>
        <source>„{item}“ entfernt, noch {entries}.</source>
        <translation>“{item}” removed, {entries} left.</translation>
    </message>
    <message>
        <source>Eintrag entfernen</source>
        <translation>Remove entry</translation>
    </message>
    <message>
        <source>„{item}“ mit allen Angaben entfernen? Das lässt sich nicht rückgängig machen.</source>
        <translation>Remove “{item}” with all its entries? This cannot be undone.</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>&amp;Neue Bewerbung</source>
        <translation>&amp;New application</translation>
    </message>
    <message>
        <source>Bewerbung ö&amp;ffnen…</source>
        <translation>&amp;Open application…</translation>
    </message>
    <message>
        <source>&amp;Entwürfe…</source>
        <translation>&amp;Drafts…</translation>
    </message>
    <message>
        <source>&amp;Speichern</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>Jetzt speichern und den Stand als Version festhalten</source>
        <translation>Save now and keep this state as a version</translation>
    </message>
    <message>
        <source>Speichern &amp;unter…</source>
        <translation>Save &amp;as…</translation>
    </message>
    <message>
        <source>Eine .zwk-Datei übernehmen: in den Entwurf, zu dem sie gehört (zusammenführen), sonst als neuen Entwurf</source>
        <translation>Take in a .zwk file: into the draft it belongs to (merge), otherwise as a new draft</translation>
    </message>
    <message>
        <source>Den Entwurf als .zwk-Datei in einen Ordner schreiben (exportieren)</source>
        <translation>Write the draft to a folder as a .zwk file (export)</translation>
    </message>
    <message>
        <source>&amp;Versionen…</source>
        <translation>&amp;Versions…</translation>
    </message>
    <message>
        <source>Bewerbung s&amp;chließen</source>
        <translation>&amp;Close application</translation>
    </message>
    <message>
        <source>&amp;Beenden</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Voriger Abschnitt</source>
        <translation>&amp;Previous section</translation>
    </message>
    <message>
        <source>&amp;Nächster Abschnitt</source>
        <translation>&amp;Next section</translation>
    </message>
    <message>
        <source>&amp;Prüfen</source>
        <translation>&amp;Check</translation>
    </message>
    <message>
        <source>Zur &amp;Abschnittsliste</source>
        <translation>Go to the &amp;section list</translation>
    </message>
    <message>
        <source>&amp;Hilfe zum Feld ein/aus</source>
        <translation>&amp;Help on the field on/off</translation>
    </message>
    <message>
        <source>&amp;Einstellungen…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <source>Kommen&amp;tare zum Feld…</source>
        <translation>Commen&amp;ts on the field…</translation>
    </message>
    <message>
        <source>Kommentare zum Feld mit dem Cursor lesen, schreiben, erledigen</source>
        <translation>Read, write and resolve comments on the field with the cursor</translation>
    </message>
    <message>
        <source>Änderungsverlauf des &amp;Feldes…</source>
        <translation>Change history of the &amp;field…</translation>
    </message>
    <message>
        <source>Änderungsverlauf der &amp;Bewerbung…</source>
        <translation>Change history of the &amp;application…</translation>
    </message>
    <message>
        <source>Änderungen von &amp;anderen zeigen</source>
        <translation>Show changes by &amp;others</translation>
    </message>
    <message>
        <source>Alle Änderungen als &amp;gesehen markieren</source>
        <translation>Mark all changes as &amp;seen</translation>
    </message>
    <message>
        <source>&amp;Konflikte entscheiden…</source>
        <translation>Decide &amp;conflicts…</translation>
    </message>
    <message>
        <source>Die Konflikte einer Zusammenführung, die noch offen sind</source>
        <translation>The conflicts of a merge that are still open</translation>
    </message>
    <message>
        <source>&amp;Datei</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Zuletzt verwendet</source>
        <translation>&amp;Recently used</translation>
    </message>
    <message>
        <source>Beispie&amp;l öffnen</source>
        <translation>Open &amp;example</translation>
    </message>
    <message>
        <source>&amp;Gehe zu</source>
        <translation>&amp;Go</translation>
    </message>
    <message>
        <source>&amp;Zusammenarbeit</source>
        <translation>Colla&amp;boration</translation>
    </message>
    <message>
        <source>E&amp;xtras</source>
        <translation>&amp;Tools</translation>
    </message>
    <message>
        <source>&amp;Hilfe</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>Noch keine Entwürfe</source>
        <translation>No drafts yet</translation>
    </message>
    <message>
        <source>Bewerbung öffnen</source>
        <translation>Open application</translation>
    </message>
    <message>
        <source>ZWK-Entwürfe (*.zwk);;JSON-Dateien (*.json);;Alle Dateien (*)</source>
        <translation>ZWK drafts (*.zwk);;JSON files (*.json);;All files (*)</translation>
    </message>
    <message>
        <source>Entwurf in einem anderen Fenster geöffnet</source>
        <translation>Draft open in another window</translation>
    </message>
    <message>
        <source>Bewerbung nicht lesbar</source>
        <translation>Application cannot be read</translation>
    </message>
    <message>
        <source>Die Bewerbung gehört zum Formular „{form}“ in Version {version}, das in dieser Programmversion nicht enthalten ist.</source>
        <translation>The application belongs to the form “{form}” version {version}, which this version of the program does not include.</translation>
    </message>
    <message>
        <source>Das Formular selbst – seine Fragen, Hilfetexte und die Meldungen zu Ihren Angaben – bleibt deutsch, wie das Formular des Ministeriums. Übersetzt sind die Texte des Programms.</source>
        <translation>The form itself – its questions, help texts and the messages about your entries – stays in German, as the ministry&apos;s form is. The program&apos;s own texts are translated.</translation>
    </message>
    <message>
        <source>Speichern unter</source>
        <translation>Save as</translation>
    </message>
    <message>
        <source>Der Entwurf ist als Datei {path} gesichert. In der Entwurfsdatenbank ist er noch nicht gespeichert; ZWK Desktop versucht es weiter.</source>
        <translation>The draft has been backed up as the file {path}. It has not yet been saved in the draft database; ZWK Desktop keeps trying.</translation>
    </message>
    <message>
        <source>Der Entwurf ist als Datei gespeichert: {path}</source>
        <translation>The draft has been saved as a file: {path}</translation>
    </message>
    <message>
        <source>Die gewählte Version ist wiederhergestellt. Der Stand davor ist als eigene Version unter „Versionen…“ erhalten.</source>
        <translation>The selected version has been restored. The previous state is kept as a version of its own under “Versions…”.</translation>
    </message>
    <message>
        <source>„{title}“ liegt jetzt im Papierkorb und ist deshalb geschlossen. Unter „Entwürfe…“ lässt er sich wiederherstellen.</source>
        <translation>“{title}” is now in the bin and has therefore been closed. It can be restored under “Drafts…”.</translation>
    </message>
    <message>
        <source>Der Entwurf „{title}“ konnte nicht in der Entwurfsdatenbank gespeichert werden.</source>
        <translation>The draft “{title}” could not be saved in the draft database.</translation>
    </message>
    <message>
        <source>Wenn Sie ihn jetzt schließen, fehlen die letzten Änderungen. Sichern Sie ihn mit „Speichern unter…“ als Datei in einem anderen Ordner.</source>
        <translation>If you close it now, the latest changes will be lost. Keep them by saving the draft as a file in another folder with “Save as…”.</translation>
    </message>
    <message>
        <source>Schließen &amp;ohne Speichern</source>
        <translation>Close &amp;without saving</translation>
    </message>
    <message>
        <source>ZWK-Entwürfe (*.zwk)</source>
        <translation>ZWK drafts (*.zwk)</translation>
    </message>
    <message>
        <source>Speicherstand</source>
        <translation>Save state</translation>
    </message>
    <message>
        <source>Nicht gespeichert</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <source>Der Entwurf ist als Datei gespeichert: {path}. Damit andere sehen, von wem die Datei, Ihre Änderungen und Kommentare stammen, geben Sie bitte einmal Ihren Namen an.</source>
        <translation>The draft is saved as a file: {path}. So that others see who the file, your changes and comments come from, please enter your name once.</translation>
    </message>
    <message>
        <source>&amp;Namen angeben…</source>
        <translation>Enter &amp;name…</translation>
    </message>
    <message>
        <source>Die Zusammenführung ist abgeschlossen ({n} Entscheidungen übernommen). Ihr Stand davor und der eingegangene Stand sind unter „Versionen…“ erhalten.</source>
        <translation>The merge is complete ({n} decisions applied). Your state before it and the incoming state are kept under “Versions…”.</translation>
    </message>
    <message>
        <source>Bitte setzen Sie zuerst den Cursor in das Feld, um das es geht (Tabulatortaste), und wählen Sie den Befehl dann noch einmal.</source>
        <translation>Please first put the cursor into the field in question (Tab key), then choose the command again.</translation>
    </message>
</context>
<context>
    <name>MemberPicker</name>
    <message>
        <source>Mitgliedskommune suchen: Name oder Schlüssel</source>
        <translation>Find a member municipality: name or key</translation>
    </message>
    <message>
        <source>Mitgliedskommune im Gemeindeverzeichnis suchen</source>
        <translation>Find a member municipality in the municipality directory</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>AGS</source>
        <translation>AGS</translation>
    </message>
    <message>
        <source>Kreis, Land</source>
        <translation>District, state</translation>
    </message>
    <message>
        <source>Einwohner</source>
        <translation>Population</translation>
    </message>
    <message>
        <source>Mitglieder des Zusammenschlusses</source>
        <translation>Members of the association</translation>
    </message>
    <message>
        <source>Mitglied &amp;entfernen</source>
        <translation>&amp;Remove member</translation>
    </message>
    <message>
        <source>Einwohner aller Mitglieder</source>
        <translation>Population of all members</translation>
    </message>
    <message>
        <source>„{name}“ ist schon Mitglied.</source>
        <translation>“{name}” is already a member.</translation>
    </message>
    <message>
        <source>„{name}“ hinzugefügt.</source>
        <translation>“{name}” added.</translation>
    </message>
    <message>
        <source>„{name}“ entfernt.</source>
        <translation>“{name}” removed.</translation>
    </message>
    <message>
        <source>nicht im Gemeindeverzeichnis</source>
        <translation>not in the municipality directory</translation>
    </message>
    <message>
        <source>Noch keine Mitglieder gewählt.</source>
        <translation>No members chosen yet.</translation>
    </message>
    <message>
        <source> (Stand {date})</source>
        <translation> (as at {date})</translation>
    </message>
    <message>
        <source> (mit eigenen Angaben)</source>
        <translation> (including your own figures)</translation>
    </message>
    <message>
        <source>Zusammen: {n} Einwohner</source>
        <translation>Combined: {n} inhabitants</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Ihr Stand</source>
        <translation>Your version</translation>
    </message>
    <message>
        <source>Eingegangener Stand</source>
        <translation>Incoming version</translation>
    </message>
    <message>
        <source>Ursprünglich</source>
        <translation>Original</translation>
    </message>
    <message>
        <source>{n}. {place}</source>
        <translation>{n}. {place}</translation>
    </message>
    <message>
        <source>Konflikt {n} von {total}: {place}</source>
        <translation>Conflict {n} of {total}: {place}</translation>
    </message>
    <message>
        <source>Eigener Wert</source>
        <translation>Own value</translation>
    </message>
    <message>
        <source>Eigener Wert für {place}</source>
        <translation>Own value for {place}</translation>
    </message>
    <message>
        <source>Zusammenführen – Konflikte entscheiden</source>
        <translation>Merge – decide conflicts</translation>
    </message>
    <message>
        <source>der anderen Seite</source>
        <translation>the other side</translation>
    </message>
    <message>
        <source>In {n} Feldern haben Sie und {who} (Datei {source}) verschiedene Werte eingetragen. Wählen Sie je Feld, was gilt: Ihr Stand, der eingegangene Stand, der ursprüngliche Wert oder ein eigener Wert. Die Pfeiltasten wählen innerhalb eines Feldes, die Tabulatortaste führt zum nächsten. Nichts geht verloren: beide Stände vor der Zusammenführung sind unter „Versionen…“ erhalten.</source>
        <translation>In {n} fields you and {who} (file {source}) entered different values. Choose for each field what applies: your version, the incoming version, the original value or a value of your own. The arrow keys choose within a field, the Tab key goes to the next. Nothing is lost: both versions before the merge are kept under “Versions…”.</translation>
    </message>
    <message>
        <source>In einem Feld haben Sie und {who} (Datei {source}) verschiedene Werte eingetragen. Wählen Sie, was gilt: Ihr Stand, der eingegangene Stand, der ursprüngliche Wert oder ein eigener Wert (Pfeiltasten). Nichts geht verloren: beide Stände vor der Zusammenführung sind unter „Versionen…“ erhalten.</source>
        <translation>In one field you and {who} (file {source}) entered different values. Choose what applies: your version, the incoming version, the original value or a value of your own (arrow keys). Nothing is lost: both versions before the merge are kept under “Versions…”.</translation>
    </message>
    <message>
        <source>Überall Ihr &amp;Stand</source>
        <translation>Your version &amp;everywhere</translation>
    </message>
    <message>
        <source>Überall &amp;eingegangener Stand</source>
        <translation>&amp;Incoming version everywhere</translation>
    </message>
    <message>
        <source>Entscheidungen &amp;übernehmen</source>
        <translation>&amp;Apply decisions</translation>
    </message>
    <message>
        <source>Später &amp;entscheiden</source>
        <translation>Decide &amp;later</translation>
    </message>
    <message>
        <source>Die Konflikte bleiben beim Entwurf; bis dahin gilt Ihr Stand. Sie erscheinen wieder beim Öffnen oder unter „Zusammenarbeit → Konflikte entscheiden…“.</source>
        <translation>The conflicts stay with the draft; until then your version applies. They come back when the draft is opened or under “Collaboration → Decide conflicts…”.</translation>
    </message>
</context>
<context>
    <name>NewIdentityDialog</name>
    <message>
        <source>Neue Signaturidentität</source>
        <translation>New signing identity</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Funktion:</source>
        <translation>&amp;Position:</translation>
    </message>
    <message>
        <source>&amp;Kommune:</source>
        <translation>&amp;Municipality:</translation>
    </message>
    <message>
        <source>&amp;E-Mail:</source>
        <translation>&amp;Email:</translation>
    </message>
    <message>
        <source>Anlegen</source>
        <translation>Create</translation>
    </message>
    <message>
        <source>Selbst ausgestelltes Zertifikat, keine qualifizierte elektronische Signatur: es belegt, dass das Dokument seit der Signatur unverändert ist, nicht die Identität der Person.</source>
        <translation>Self-signed certificate, not a qualified electronic signature: it shows that the document has not been changed since it was signed, not who the person is.</translation>
    </message>
</context>
<context>
    <name>NoticeBar</name>
    <message>
        <source>Hinweis</source>
        <translation>Notice</translation>
    </message>
    <message>
        <source>Hinweis &amp;schließen</source>
        <translation>&amp;Close notice</translation>
    </message>
    <message>
        <source>Achtung:</source>
        <translation>Warning:</translation>
    </message>
    <message>
        <source>Hinweis:</source>
        <translation>Note:</translation>
    </message>
    <message>
        <source>&amp;Versionen…</source>
        <translation>&amp;Versions…</translation>
    </message>
</context>
<context>
    <name>PackageView</name>
    <message>
        <source>Prüfansicht – {name}</source>
        <translation>Verification view – {name}</translation>
    </message>
    <message>
        <source>Das Paket wird geprüft …</source>
        <translation>Checking the package…</translation>
    </message>
    <message>
        <source>Ergebnis der Prüfung</source>
        <translation>Result of the verification</translation>
    </message>
    <message>
        <source>Ergebnis</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Datei</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Prüfung</source>
        <translation>Check</translation>
    </message>
    <message>
        <source>Einzelne Prüfungen</source>
        <translation>Individual checks</translation>
    </message>
    <message>
        <source>Was nicht geprüft wurde</source>
        <translation>What was not checked</translation>
    </message>
    <message>
        <source>&amp;PDF öffnen</source>
        <translation>Open &amp;PDF</translation>
    </message>
    <message>
        <source>&amp;Schließen</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <source>Die Prüfung ist fehlgeschlagen ({kind}).</source>
        <translation>The verification failed ({kind}).</translation>
    </message>
    <message>
        <source>Nicht lesbar: {why}</source>
        <translation>Cannot be read: {why}</translation>
    </message>
    <message>
        <source>Gültig (Papierweg): {json} stimmt mit der unterschriebenen Papierfassung überein.</source>
        <translation>Valid (paper route): {json} matches the signed paper version.</translation>
    </message>
    <message>
        <source>Nicht bestätigt – Papierweg ohne elektronische Signatur: ob die Daten der unterschriebenen Papierfassung entsprechen, zeigt ihr QR-Code (zwk-desktop verify … --papier …).</source>
        <translation>Not confirmed – paper route without electronic signature: whether the data match the signed paper version is shown by its QR code (zwk-desktop verify … --papier …).</translation>
    </message>
    <message>
        <source>Gültig und {trust}.</source>
        <translation>Valid and {trust}.</translation>
    </message>
    <message>
        <source>Gültig: Alle Dateien sind unverändert, so wie sie signiert wurden.</source>
        <translation>Valid: all files are unchanged, exactly as they were signed.</translation>
    </message>
    <message>
        <source>Unverändert, aber {trust}</source>
        <translation>Unchanged, but {trust}</translation>
    </message>
    <message>
        <source>UNGÜLTIG – verändert, unvollständig oder nicht von der unterzeichnenden Person signiert: {files}</source>
        <translation>INVALID – changed, incomplete or not signed by the signatory: {files}</translation>
    </message>
    <message>
        <source>Kommune: {name} (AGS {ags})</source>
        <translation>Municipality: {name} (AGS {ags})</translation>
    </message>
    <message>
        <source>Signiert von: {name}</source>
        <translation>Signed by: {name}</translation>
    </message>
    <message>
        <source>Unterzeichnende Person laut Angaben: {who}</source>
        <translation>Signatory according to the application: {who}</translation>
    </message>
    <message>
        <source>Selbst ausgestelltes Zertifikat: es belegt, dass nichts verändert wurde, nicht, wer signiert hat.</source>
        <translation>Self-issued certificate: it proves that nothing was changed, not who signed.</translation>
    </message>
    <message>
        <source>in Ordnung</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>FEHLER</source>
        <translation>ERROR</translation>
    </message>
    <message>
        <source>Die Vertrauensanker aus den Einstellungen: {why}</source>
        <translation>The trust anchors from the settings: {why}</translation>
    </message>
</context>
<context>
    <name>Page</name>
    <message>
        <source>Grundlage: im Aufruf dokumentiert.</source>
        <translation>Basis: documented in the call.</translation>
    </message>
    <message>
        <source>Grundlage: durch Berichte ausgewählter Kommunen belegt, nicht im Aufruf selbst dokumentiert.</source>
        <translation>Basis: evidenced by reports of selected municipalities, not documented in the call itself.</translation>
    </message>
    <message>
        <source>Abgeleitet aus der allgemeinen Förderpraxis des Bundes, nicht im Aufruf dokumentiert.</source>
        <translation>Inferred from general federal funding practice, not documented in the call.</translation>
    </message>
    <message>
        <source>Mit * gekennzeichnete Angaben sind Pflichtangaben.</source>
        <translation>Entries marked with * are required.</translation>
    </message>
    <message>
        <source>Geändert von {who} ({when}), noch nicht gesehen</source>
        <translation>Changed by {who} ({when}), not yet seen</translation>
    </message>
    <message>
        <source>Geändert in Datei {source} ({when}), noch nicht gesehen</source>
        <translation>Changed in file {source} ({when}), not yet seen</translation>
    </message>
    <message>
        <source>Kommentar von {who} ({when}): {text}</source>
        <translation>Comment by {who} ({when}): {text}</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>Neue Passphrase für {who}</source>
        <translation>New passphrase for {who}</translation>
    </message>
    <message>
        <source>Passphrase für {who}</source>
        <translation>Passphrase for {who}</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Passphrase:</translation>
    </message>
    <message>
        <source>Passphrase wiederholen</source>
        <translation>Repeat passphrase</translation>
    </message>
    <message>
        <source>&amp;Wiederholen:</source>
        <translation>&amp;Repeat:</translation>
    </message>
    <message>
        <source>Vorgeschlagene Passphrase</source>
        <translation>Suggested passphrase</translation>
    </message>
    <message>
        <source>&amp;Kopieren</source>
        <translation>&amp;Copy</translation>
    </message>
    <message>
        <source>Vorschlag:</source>
        <translation>Suggestion:</translation>
    </message>
    <message>
        <source>Bitte bewahren Sie die Passphrase im Passwortsafe des Rathauses auf: Sie wird nur jetzt angezeigt und nirgends gespeichert, und ohne sie kann mit dieser Identität nicht signiert werden.</source>
        <translation>Please keep the passphrase in the town hall&apos;s password safe: it is shown only now and stored nowhere, and without it this identity cannot sign.</translation>
    </message>
    <message>
        <source>Passphrase in die Zwischenablage kopiert.</source>
        <translation>Passphrase copied to the clipboard.</translation>
    </message>
    <message>
        <source>Bitte mindestens {n} Zeichen.</source>
        <translation>Please use at least {n} characters.</translation>
    </message>
    <message>
        <source>Die beiden Eingaben stimmen nicht überein.</source>
        <translation>The two entries do not match.</translation>
    </message>
</context>
<context>
    <name>Pickers</name>
    <message>
        <source>TT.MM.JJJJ</source>
        <translation>DD.MM.YYYY</translation>
    </message>
    <message>
        <source>Kalender öffnen</source>
        <translation>Open calendar</translation>
    </message>
    <message>
        <source>Voriger Monat</source>
        <translation>Previous month</translation>
    </message>
    <message>
        <source>Voriger Monat (Bild↑)</source>
        <translation>Previous month (Page Up)</translation>
    </message>
    <message>
        <source>Nächster Monat</source>
        <translation>Next month</translation>
    </message>
    <message>
        <source>Nächster Monat (Bild↓)</source>
        <translation>Next month (Page Down)</translation>
    </message>
    <message>
        <source>MM.JJJJ</source>
        <translation>MM.YYYY</translation>
    </message>
    <message>
        <source>Monat auswählen</source>
        <translation>Choose month</translation>
    </message>
    <message>
        <source>Jahr</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>Jahr </source>
        <translation>Year </translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <source>PIN der Signaturkarte</source>
        <translation>PIN of the signature card</translation>
    </message>
    <message>
        <source>Signieren als {who} mit der Karte „{card}“.</source>
        <translation>Signing as {who} with the card “{card}”.</translation>
    </message>
    <message>
        <source>Ihr Kartenleser hat ein PIN-Feld: Geben Sie die PIN nach „Signieren“ am Kartenleser ein, nicht am Computer.</source>
        <translation>Your card reader has a PIN pad: after “Sign”, enter the PIN on the card reader, not on the computer.</translation>
    </message>
    <message>
        <source>Der Kartenleser hat kein PIN-Feld: Geben Sie die PIN hier ein. Sie wird bei jeder Signatur abgefragt und nie gespeichert.</source>
        <translation>The card reader has no PIN pad: enter the PIN here. It is asked for at every signature and never stored.</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>&amp;PIN:</source>
        <translation>&amp;PIN:</translation>
    </message>
    <message>
        <source>&amp;Signieren</source>
        <translation>&amp;Sign</translation>
    </message>
</context>
<context>
    <name>PopulationChart</name>
    <message>
        <source>Diagramm: Bevölkerungsentwicklung</source>
        <translation>Chart: population trend</translation>
    </message>
</context>
<context>
    <name>PopulationChartView</name>
    <message>
        <source>Bevölkerungsentwicklung in Worten</source>
        <translation>Population trend in words</translation>
    </message>
</context>
<context>
    <name>RequestedChartView</name>
    <message>
        <source>&amp;Diagramm:</source>
        <translation>C&amp;hart:</translation>
    </message>
    <message>
        <source>Diagramm</source>
        <translation>Chart</translation>
    </message>
    <message>
        <source>Beantragt nach Land</source>
        <translation>Requested by Land</translation>
    </message>
    <message>
        <source>Beantragt nach Art der Kommune</source>
        <translation>Requested by type of municipality</translation>
    </message>
    <message>
        <source>Diagramm in Worten</source>
        <translation>Chart in words</translation>
    </message>
</context>
<context>
    <name>Review</name>
    <message>
        <source>Zum Feld ›</source>
        <translation>Go to field ›</translation>
    </message>
    <message>
        <source>{severity}: {place}</source>
        <translation>{severity}: {place}</translation>
    </message>
    <message>
        <source>Zum Feld wechseln (Eingabetaste)</source>
        <translation>Go to the field (Enter)</translation>
    </message>
    <message>
        <source>Hinweis geprüft und bestätigt</source>
        <translation>Warning checked and acknowledged</translation>
    </message>
    <message>
        <source>Begründung (freiwillig)</source>
        <translation>Justification (optional)</translation>
    </message>
    <message>
        <source>Hinweis geprüft und bestätigt: {place}</source>
        <translation>Warning checked and acknowledged: {place}</translation>
    </message>
    <message>
        <source>Begründung für die Bestätigung: {place}</source>
        <translation>Justification of the acknowledgement: {place}</translation>
    </message>
    <message>
        <source>Prüfen</source>
        <translation>Check</translation>
    </message>
    <message>
        <source>Anzeigen</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>&amp;Anzeigen:</source>
        <translation>S&amp;how:</translation>
    </message>
    <message>
        <source>Meldungen der Prüfung</source>
        <translation>Findings of the check</translation>
    </message>
    <message>
        <source>Änderungen von anderen, noch nicht gesehen ({n})</source>
        <translation>Changes by others, not yet seen ({n})</translation>
    </message>
    <message>
        <source>Offene Kommentare ({n})</source>
        <translation>Open comments ({n})</translation>
    </message>
    <message>
        <source>Fehler müssen vor dem Einreichen behoben werden. Hinweise können Sie nach Prüfung bestätigen, auf Wunsch mit einer Begründung; die Bestätigung wird mit der Bewerbung gespeichert. Wählen Sie eine Meldung mit Klick oder Eingabetaste, um zum Feld zu wechseln.</source>
        <translation>Errors must be corrected before submitting. Warnings can be acknowledged after checking them, with a justification if you like; the acknowledgement is saved with the application. Click a message or press Enter to go to its field.</translation>
    </message>
    <message>
        <source>Weitere Angaben</source>
        <translation>Other entries</translation>
    </message>
    <message>
        <source>Felder, die die andere Seite geändert hat und die Sie hier noch nicht gesehen haben. Die Eingabetaste öffnet das Feld; dann gilt die Änderung als gesehen.</source>
        <translation>Fields the other side changed that you have not seen here yet. The Enter key opens the field; then the change counts as seen.</translation>
    </message>
    <message>
        <source>der anderen Seite</source>
        <translation>the other side</translation>
    </message>
    <message>
        <source>Geändert von {who}: {place}</source>
        <translation>Changed by {who}: {place}</translation>
    </message>
    <message>
        <source>am {when}, Datei {source}</source>
        <translation>on {when}, file {source}</translation>
    </message>
    <message>
        <source>Kommentare, die noch niemand erledigt hat. Die Eingabetaste öffnet das Feld; Strg+Umschalt+K zeigt dort seine Kommentare.</source>
        <translation>Comments nobody has resolved yet. The Enter key opens the field; Ctrl+Shift+K there shows its comments.</translation>
    </message>
    <message>
        <source>Kommentar von {who}: {place}</source>
        <translation>Comment by {who}: {place}</translation>
    </message>
    <message>
        <source>Nichts zu zeigen.</source>
        <translation>Nothing to show.</translation>
    </message>
    <message>
        <source>{n} bestätigt</source>
        <translation>{n} acknowledged</translation>
    </message>
    <message>
        <source>Keine Fehler und keine offenen Hinweise: die Bewerbung ist vollständig.</source>
        <translation>No errors and no open warnings: the application is complete.</translation>
    </message>
    <message>
        <source>Ergebnis: {errors}, {warnings}</source>
        <translation>Result: {errors}, {warnings}</translation>
    </message>
    <message>
        <source>keine Fehler</source>
        <translation>no errors</translation>
    </message>
    <message>
        <source>{warnings} offen</source>
        <translation>{warnings} open</translation>
    </message>
    <message>
        <source>keine offenen Hinweise</source>
        <translation>no open warnings</translation>
    </message>
</context>
<context>
    <name>SendHelp</name>
    <message>
        <source>So versenden Sie die Bewerbung</source>
        <translation>How to send the application</translation>
    </message>
    <message>
        <source>&amp;An:</source>
        <translation>&amp;To:</translation>
    </message>
    <message>
        <source>&amp;Betreff:</source>
        <translation>&amp;Subject:</translation>
    </message>
    <message>
        <source>Paketordner ö&amp;ffnen</source>
        <translation>Open package &amp;folder</translation>
    </message>
    <message>
        <source>Kopieren</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>{what} kopieren</source>
        <translation>Copy {what}</translation>
    </message>
    <message>
        <source>Kopiert: {text}</source>
        <translation>Copied: {text}</translation>
    </message>
    <message>
        <source>das E-Mail-Programm</source>
        <translation>the e-mail program</translation>
    </message>
    <message>
        <source>Auf diesem Rechner öffnet kein Programm die E-Mail-Datei (.eml). Versenden Sie die Bewerbung deshalb von Hand aus Ihrem E-Mail-Programm:</source>
        <translation>No program on this computer opens the e-mail file (.eml). Please send the application by hand from your e-mail program:</translation>
    </message>
    <message>
        <source>{program} öffnet die E-Mail-Datei nur zum Lesen, nicht als Entwurf zum Senden. Versenden Sie die Bewerbung deshalb von Hand:</source>
        <translation>{program} opens the e-mail file for reading only, not as a draft to send. Please send the application by hand:</translation>
    </message>
    <message>
        <source>Die E-Mail ist in {program} geöffnet: bitte prüfen und senden. Erscheint sie nur zum Lesen, versenden Sie die Bewerbung so:</source>
        <translation>The e-mail is open in {program}: please check and send it. If it appears for reading only, send the application like this:</translation>
    </message>
    <message>
        <source>Hängen Sie alle {n} Dateien des Paketordners an (auch die im Unterordner „anlagen“), ohne sie umzubenennen oder zu packen:
{folder}</source>
        <translation>Attach all {n} files of the package folder (including those in the subfolder “anlagen”), without renaming or zipping them:
{folder}</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>Einstellungen</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>&amp;Sprache der Oberfläche:</source>
        <translation>&amp;Language of the user interface:</translation>
    </message>
    <message>
        <source>Ihr Name</source>
        <translation>Your name</translation>
    </message>
    <message>
        <source>So sehen andere, von wem Kommentare, Änderungen und Dateien stammen, etwa „Berater Müller“ oder „Frau Schmidt, Hauptamt“.</source>
        <translation>So others see who comments, changes and files come from, for example “Consultant Müller” or “Ms Schmidt, main office”.</translation>
    </message>
    <message>
        <source>z. B. Frau Schmidt, Hauptamt</source>
        <translation>e.g. Ms Schmidt, main office</translation>
    </message>
    <message>
        <source>Ihr &amp;Name:</source>
        <translation>Your &amp;name:</translation>
    </message>
    <message>
        <source>Vertrauensanker</source>
        <translation>Trust anchors</translation>
    </message>
    <message>
        <source>leer: nur die Unversehrtheit prüfen</source>
        <translation>empty: check integrity only</translation>
    </message>
    <message>
        <source>&amp;Ordner wählen…</source>
        <translation>Choose &amp;folder…</translation>
    </message>
    <message>
        <source>&amp;Vertrauensanker (Prüfansicht, Posteingang):</source>
        <translation>&amp;Trust anchors (package check, inbox):</translation>
    </message>
    <message>
        <source>Ein Ordner mit den Zertifikaten (PEM oder DER) der Stellen, deren Signaturen als vertrauenswürdig gelten. Ohne ihn prüfen Prüfansicht und Posteingang nur, dass ein Paket unverändert ist, nicht wer es signiert hat; im Posteingang braucht ein darunter ausgestelltes Zertifikat keine telefonische Bestätigung.</source>
        <translation>A folder with the certificates (PEM or DER) of the authorities whose signatures count as trustworthy. Without it the package check and the inbox only show that a package is unchanged, not who signed it; in the inbox a certificate issued under one needs no confirmation by phone.</translation>
    </message>
    <message>
        <source>Die Sprache wird beim nächsten Start des Programms übernommen. Die Inhalte des Bewerbungsbogens bleiben deutsch.</source>
        <translation>The language is applied the next time the program starts. The contents of the application form stay in German.</translation>
    </message>
    <message>
        <source>Ordner der Vertrauensanker wählen</source>
        <translation>Choose the folder of trust anchors</translation>
    </message>
    <message>
        <source>Einstellungen nicht gespeichert</source>
        <translation>Settings not saved</translation>
    </message>
    <message>
        <source>Die Einstellungen konnten nicht gespeichert werden ({reason}).</source>
        <translation>The settings could not be saved ({reason}).</translation>
    </message>
</context>
<context>
    <name>Start</name>
    <message>
        <source>zuletzt geändert am {when}</source>
        <translation>last changed on {when}</translation>
    </message>
    <message>
        <source>{percent} % der Pflichtangaben</source>
        <translation>{percent} % of the required entries</translation>
    </message>
    <message>
        <source>ZWK Desktop</source>
        <translation>ZWK Desktop</translation>
    </message>
    <message>
        <source>Bewerbungsbogen für das Modellprojekt „Zukunftswerkstatt Kommunen – Attraktiv im Wandel“ des Bundesministeriums für Familie, Senioren, Frauen und Jugend. Entwerfen, prüfen und speichern Sie die Bewerbung Ihrer Kommune – ohne Internetverbindung.</source>
        <translation>Application form for the model project “Zukunftswerkstatt Kommunen – Attraktiv im Wandel” of the Federal Ministry for Family Affairs, Senior Citizens, Women and Youth. Draft, check and save your municipality’s application – without an internet connection.</translation>
    </message>
    <message>
        <source>&amp;Neue Bewerbung</source>
        <translation>&amp;New application</translation>
    </message>
    <message>
        <source>Eine leere Bewerbung beginnen (Strg+N)</source>
        <translation>Start an empty application (Ctrl+N)</translation>
    </message>
    <message>
        <source>Bewerbung ö&amp;ffnen…</source>
        <translation>&amp;Open application…</translation>
    </message>
    <message>
        <source>Eine .zwk-Datei als neuen Entwurf übernehmen (Strg+O)</source>
        <translation>Import a .zwk file as a new draft (Ctrl+O)</translation>
    </message>
    <message>
        <source>&amp;Entwürfe…</source>
        <translation>&amp;Drafts…</translation>
    </message>
    <message>
        <source>Alle gespeicherten Entwürfe: öffnen, kopieren, umbenennen, löschen und wiederherstellen (Strg+Umschalt+O)</source>
        <translation>All saved drafts: open, copy, rename, delete and restore (Ctrl+Shift+O)</translation>
    </message>
    <message>
        <source>&amp;Zuletzt verwendete Entwürfe</source>
        <translation>&amp;Recently used drafts</translation>
    </message>
    <message>
        <source>Zuletzt verwendete Entwürfe</source>
        <translation>Recently used drafts</translation>
    </message>
    <message>
        <source>Vollständige Bewerbungen fiktiver Kommunen zum Ansehen und Ausprobieren. Ein Beispiel wird als neuer Entwurf geöffnet; die Beispieldatei selbst bleibt unverändert.</source>
        <translation>Complete applications of fictitious municipalities to look at and try out. An example opens as a new draft; the example file itself stays unchanged.</translation>
    </message>
    <message>
        <source>Die Entwürfe können nicht gelesen werden: {reason}</source>
        <translation>The drafts cannot be read: {reason}</translation>
    </message>
    <message>
        <source>Noch keine Entwürfe. Beginnen Sie eine neue Bewerbung oder öffnen Sie ein Beispiel.</source>
        <translation>No drafts yet. Start a new application or open an example.</translation>
    </message>
    <message>
        <source>&amp;Beispiele</source>
        <translation>&amp;Examples</translation>
    </message>
    <message>
        <source>Beispiele</source>
        <translation>Examples</translation>
    </message>
    <message>
        <source>{title} – Beispiel öffnen</source>
        <translation>{title} – open example</translation>
    </message>
</context>
<context>
    <name>VersionsDialog</name>
    <message>
        <source>{moment} Uhr</source>
        <translation>{moment}</translation>
    </message>
    <message>
        <source>Angelegt</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>Aus einer Datei importiert</source>
        <translation>Imported from a file</translation>
    </message>
    <message>
        <source>Automatisch gesichert</source>
        <translation>Backed up automatically</translation>
    </message>
    <message>
        <source>Gespeichert</source>
        <translation>Saved</translation>
    </message>
    <message>
        <source>Vor dem Export</source>
        <translation>Before export</translation>
    </message>
    <message>
        <source>Vor dem Export als .zwk-Datei</source>
        <translation>Before the export as a .zwk file</translation>
    </message>
    <message>
        <source>Vor dem Paketexport</source>
        <translation>Before the package export</translation>
    </message>
    <message>
        <source>Vor der Umstellung von Formatversion {v}</source>
        <translation>Before conversion from format version {v}</translation>
    </message>
    <message>
        <source>Auf das aktuelle Format umgestellt</source>
        <translation>Converted to the current format</translation>
    </message>
    <message>
        <source>Vor dem Wiederherstellen einer Version</source>
        <translation>Before restoring a version</translation>
    </message>
    <message>
        <source>Wiederhergestellt</source>
        <translation>Restored</translation>
    </message>
    <message>
        <source>Als Kopie angelegt</source>
        <translation>Created as a copy</translation>
    </message>
    <message>
        <source>Ihr Stand vor der Zusammenführung</source>
        <translation>Your version before the merge</translation>
    </message>
    <message>
        <source>Eingegangener Stand (vor der Zusammenführung)</source>
        <translation>Incoming version (before the merge)</translation>
    </message>
    <message>
        <source>Zusammengeführt</source>
        <translation>Merged</translation>
    </message>
    <message>
        <source>Zeitpunkt</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Anlass</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Unterschiede zu jetzt</source>
        <translation>Differences from now</translation>
    </message>
    <message>
        <source>nicht lesbar</source>
        <translation>unreadable</translation>
    </message>
    <message>
        <source>keine</source>
        <translation>none</translation>
    </message>
    <message numerus="yes">
        <source>Seit der Version vom {when} haben sich %n Felder geändert.</source>
        <translation>
            <numerusform>Since the version of {when}, %n field has changed.</numerusform>
            <numerusform>Since the version of {when}, %n fields have changed.</numerusform>
        </translation>
    </message>
    <message>
        <source>Feld</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>In dieser Version</source>
        <translation>In this version</translation>
    </message>
    <message>
        <source>Jetzt</source>
        <translation>Now</translation>
    </message>
    <message>
        <source>Versionen von „{title}“</source>
        <translation>Versions of “{title}”</translation>
    </message>
    <message>
        <source>ZWK Desktop sichert den Entwurf beim Arbeiten höchstens alle fünf Minuten, bei jedem Speichern mit Strg+S, vor jedem Export und vor jeder Umstellung des Formats. Wählen Sie eine Version, um zu sehen, was sich seitdem geändert hat. Beim Wiederherstellen bleibt der jetzige Stand als eigene Version erhalten.</source>
        <translation>While you work, ZWK Desktop backs up the draft at most every five minutes, every time you save with Ctrl+S, before every export and before every conversion to a new format. Choose a version to see what has changed since then. When you restore a version, the current state is kept as a version of its own.</translation>
    </message>
    <message>
        <source>Versionen</source>
        <translation>Versions</translation>
    </message>
    <message>
        <source>Unterschiede zum jetzigen Stand</source>
        <translation>Differences from the current state</translation>
    </message>
    <message>
        <source>&amp;Schließen</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <source>Diese Version &amp;wiederherstellen</source>
        <translation>&amp;Restore this version</translation>
    </message>
    <message>
        <source>Zu diesem Entwurf gibt es noch keine Versionen.</source>
        <translation>There are no versions of this draft yet.</translation>
    </message>
    <message>
        <source>Die Version vom {when} stimmt mit dem jetzigen Stand überein.</source>
        <translation>The version from {when} matches the current state.</translation>
    </message>
</context>
</TS>
