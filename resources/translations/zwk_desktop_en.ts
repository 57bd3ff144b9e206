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
        <source>Datei nicht lesbar</source>
        <translation>File cannot be read</translation>
    </message>
    <message>
        <source>Die Datei „{name}“ kann nicht gelesen werden ({reason}).</source>
        <translation>The file “{name}” cannot be read ({reason}).</translation>
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
        <source>{size} ({bytes} Bytes)</source>
        <translation>{size} ({bytes} bytes)</translation>
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
        <source>Für {year} wird eine anteilige Förderung für {months} Monate angenommen (bis zu {amount}). {status}</source>
        <translation>For {year}, pro-rata funding for {months} months is assumed (up to {amount}). {status}</translation>
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
    <name>Common</name>
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
        <source>1 Fehler</source>
        <translation>1 error</translation>
    </message>
    <message>
        <source>{n} Fehler</source>
        <translation>{n} errors</translation>
    </message>
    <message>
        <source>1 Hinweis</source>
        <translation>1 warning</translation>
    </message>
    <message>
        <source>{n} Hinweise</source>
        <translation>{n} warnings</translation>
    </message>
    <message>
        <source>1 Information</source>
        <translation>1 information note</translation>
    </message>
    <message>
        <source>{n} Informationen</source>
        <translation>{n} information notes</translation>
    </message>
    <message>
        <source>vollständig</source>
        <translation>complete</translation>
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
    <name>ExportDialog</name>
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
        <source>Schritte des Exports</source>
        <translation>Export steps</translation>
    </message>
    <message>
        <source>&amp;Druckfassung (ENTWURF)</source>
        <translation>&amp;Print version (DRAFT)</translation>
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
        <source>(keine – bitte unter „Verwalten…“ anlegen)</source>
        <translation>(none – please create one under “Manage…”)</translation>
    </message>
    <message>
        <source>Bitte warten …</source>
        <translation>Please wait…</translation>
    </message>
    <message>
        <source>Exportiert: {folder}
E-Mail zum Versand: {mail}
SHA-256 von manifest.json: {sha}</source>
        <translation>Exported: {folder}
Email for sending: {mail}
SHA-256 of manifest.json: {sha}</translation>
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
        <source>Vorschlag übernehmen: {text}</source>
        <translation>Use suggestion: {text}</translation>
    </message>
    <message>
        <source>Vorschlag für {label} übernehmen: {text}</source>
        <translation>Use suggestion for {label}: {text}</translation>
    </message>
    <message>
        <source>{n} / {max} Zeichen – {excess} Zeichen zu viel</source>
        <translation>{n} / {max} characters – {excess} characters too many</translation>
    </message>
    <message>
        <source>{n} Zeichen – mindestens {min}, es fehlen noch {missing}</source>
        <translation>{n} characters – at least {min}, {missing} still missing</translation>
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
        <source>{n} Zeichen</source>
        <translation>{n} characters</translation>
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
        <source>Mindestens {n} Einträge.</source>
        <translation>At least {n} entries.</translation>
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
        <source>&amp;Neue Identität…</source>
        <translation>&amp;New identity…</translation>
    </message>
    <message>
        <source>PKCS#12 &amp;importieren…</source>
        <translation>&amp;Import PKCS#12…</translation>
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
        <source>importiert</source>
        <translation>imported</translation>
    </message>
    <message>
        <source>{label} – {kommune}
{kind}; gültig bis {until}</source>
        <translation>{label} – {kommune}
{kind}; valid until {until}</translation>
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
        <source>Gelöscht: {label}.</source>
        <translation>Deleted: {label}.</translation>
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
        <translation>Add {item}</translation>
    </message>
    <message>
        <source>noch kein Eintrag</source>
        <translation>no entry yet</translation>
    </message>
    <message>
        <source>1 Eintrag</source>
        <translation>1 entry</translation>
    </message>
    <message>
        <source>{n} Einträge</source>
        <translation>{n} entries</translation>
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
        <source>&amp;Speichern</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>Speichern &amp;unter…</source>
        <translation>Save &amp;as…</translation>
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
        <source>&amp;Datei</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Zuletzt verwendet</source>
        <translation>&amp;Recently used</translation>
    </message>
    <message>
        <source>&amp;Beispiel öffnen</source>
        <translation>Open &amp;example</translation>
    </message>
    <message>
        <source>&amp;Gehe zu</source>
        <translation>&amp;Go</translation>
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
        <source>Bewerbung nicht lesbar</source>
        <translation>Application cannot be read</translation>
    </message>
    <message>
        <source>Die Bewerbung gehört zum Formular „{form}“ in Version {version}, das in dieser Programmversion nicht enthalten ist.</source>
        <translation>The application belongs to the form “{form}” version {version}, which this version of the program does not include.</translation>
    </message>
    <message>
        <source>Bewerbung speichern unter</source>
        <translation>Save application as</translation>
    </message>
    <message>
        <source>ZWK-Entwürfe (*.zwk)</source>
        <translation>ZWK drafts (*.zwk)</translation>
    </message>
    <message>
        <source>Nicht gespeichert</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <source>Ungespeicherte Änderungen</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <source>Die Bewerbung „{title}“ hat ungespeicherte Änderungen.</source>
        <translation>The application “{title}” has unsaved changes.</translation>
    </message>
    <message>
        <source>Möchten Sie die Änderungen speichern?</source>
        <translation>Do you want to save the changes?</translation>
    </message>
    <message>
        <source>Beispiel, nicht gespeichert</source>
        <translation>example, not saved</translation>
    </message>
    <message>
        <source>noch nicht gespeichert</source>
        <translation>not saved yet</translation>
    </message>
    <message>
        <source>ungespeicherte Änderungen</source>
        <translation>unsaved changes</translation>
    </message>
    <message>
        <source>gespeichert</source>
        <translation>saved</translation>
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
        <source>Gültig: Alle Dateien sind unverändert, so wie sie signiert wurden.</source>
        <translation>Valid: all files are unchanged, exactly as they were signed.</translation>
    </message>
    <message>
        <source>UNGÜLTIG – verändert oder beschädigt: {files}</source>
        <translation>INVALID – altered or damaged: {files}</translation>
    </message>
    <message>
        <source>Kommune: {name} (AGS {ags})</source>
        <translation>Municipality: {name} (AGS {ags})</translation>
    </message>
    <message>
        <source>in Ordnung</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>FEHLER</source>
        <translation>ERROR</translation>
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
        <source>Begründung für die Bestätigung</source>
        <translation>Justification of the acknowledgement</translation>
    </message>
    <message>
        <source>Prüfen</source>
        <translation>Check</translation>
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
    <message>
        <source>1 Hinweis bestätigt</source>
        <translation>1 warning acknowledged</translation>
    </message>
    <message>
        <source>{n} Hinweise bestätigt</source>
        <translation>{n} warnings acknowledged</translation>
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
        <source>Die Sprache wird beim nächsten Start des Programms übernommen. Die Inhalte des Bewerbungsbogens bleiben deutsch.</source>
        <translation>The language is applied the next time the program starts. The contents of the application form stay in German.</translation>
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
        <source>Eine gespeicherte Bewerbung öffnen (Strg+O)</source>
        <translation>Open a saved application (Ctrl+O)</translation>
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
        <source>Noch keine Entwürfe. Beginnen Sie eine neue Bewerbung oder öffnen Sie ein Beispiel.</source>
        <translation>No drafts yet. Start a new application or open an example.</translation>
    </message>
    <message>
        <source>&amp;Beispiele</source>
        <translation>&amp;Examples</translation>
    </message>
    <message>
        <source>Vollständige Bewerbungen fiktiver Kommunen zum Ansehen und Ausprobieren. Ein Beispiel wird als neue, noch nicht gespeicherte Bewerbung geöffnet.</source>
        <translation>Complete applications of fictitious municipalities to look at and try out. An example opens as a new application that is not saved yet.</translation>
    </message>
    <message>
        <source>Beispiele</source>
        <translation>Examples</translation>
    </message>
    <message>
        <source>{title} – Beispiel öffnen</source>
        <translation>{title} – open example</translation>
    </message>
    <message>
        <source>{title}
{where} · zuletzt am {when}</source>
        <translation>{title}
{where} · last used {when}</translation>
    </message>
</context>
<context>
    <name>VersionsDialog</name>
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
    <message>
        <source>Seit der Version vom {when} hat sich 1 Feld geändert.</source>
        <translation>1 field has changed since the version from {when}.</translation>
    </message>
    <message>
        <source>Seit der Version vom {when} haben sich {n} Felder geändert.</source>
        <translation>{n} fields have changed since the version from {when}.</translation>
    </message>
</context>
<context>
    <name>bar</name>
    <message>
        <source>&amp;Versionen…</source>
        <translation>&amp;Versions…</translation>
    </message>
</context>
</TS>
