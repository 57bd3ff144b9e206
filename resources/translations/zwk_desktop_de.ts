<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="de_DE">
<context>
    <name>Counting</name>
    <message numerus="yes">
        <source>%n Fehler</source>
        <translation>
            <numerusform>%n Fehler</numerusform>
            <numerusform>%n Fehler</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n Hinweise</source>
        <translation>
            <numerusform>%n Hinweis</numerusform>
            <numerusform>%n Hinweise</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n Informationen</source>
        <translation>
            <numerusform>%n Information</numerusform>
            <numerusform>%n Informationen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n Angaben fehlen</source>
        <translation>
            <numerusform>%n Angabe fehlt</numerusform>
            <numerusform>%n Angaben fehlen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n Einträge</source>
        <translation>
            <numerusform>%n Eintrag</numerusform>
            <numerusform>%n Einträge</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Mindestens %n Einträge.</source>
        <translation>
            <numerusform>Mindestens %n Eintrag.</numerusform>
            <numerusform>Mindestens %n Einträge.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n Hinweise bestätigt</source>
        <translation>
            <numerusform>%n Hinweis bestätigt</numerusform>
            <numerusform>%n Hinweise bestätigt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n Hinweise sind noch nicht bestätigt. Bitte prüfen und bestätigen Sie jeden Hinweis (mit Begründung) vor dem Export.</source>
        <translation>
            <numerusform>%n Hinweis ist noch nicht bestätigt. Bitte prüfen und bestätigen Sie jeden Hinweis (mit Begründung) vor dem Export.</numerusform>
            <numerusform>%n Hinweise sind noch nicht bestätigt. Bitte prüfen und bestätigen Sie jeden Hinweis (mit Begründung) vor dem Export.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln Zeichen</source>
        <translation>
            <numerusform>%Ln Zeichen</numerusform>
            <numerusform>%Ln Zeichen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} / {max} Zeichen – %Ln Zeichen zu viel</source>
        <translation>
            <numerusform>{n} / {max} Zeichen – %Ln Zeichen zu viel</numerusform>
            <numerusform>{n} / {max} Zeichen – %Ln Zeichen zu viel</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> – mindestens {min}, es fehlen noch %Ln</source>
        <translation>
            <numerusform> – mindestens {min}, es fehlen noch %Ln</numerusform>
            <numerusform> – mindestens {min}, es fehlen noch %Ln</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n Felder</source>
        <translation>
            <numerusform>%n Feld</numerusform>
            <numerusform>%n Felder</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n Änderungen von {who}</source>
        <translation>
            <numerusform>%n Änderung von {who}</numerusform>
            <numerusform>%n Änderungen von {who}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n Änderungen der anderen Seite</source>
        <translation>
            <numerusform>%n Änderung der anderen Seite</numerusform>
            <numerusform>%n Änderungen der anderen Seite</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n Vorschläge</source>
        <translation>
            <numerusform>%n Vorschlag</numerusform>
            <numerusform>%n Vorschläge</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n offene Kommentare</source>
        <translation>
            <numerusform>%n offener Kommentar</numerusform>
            <numerusform>%n offene Kommentare</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Für {year} gilt anteilig eine Höchstgrenze von {amount} (%n Monate von 12).</source>
        <translation>
            <numerusform>Für {year} gilt anteilig eine Höchstgrenze von {amount} (%n Monat von 12).</numerusform>
            <numerusform>Für {year} gilt anteilig eine Höchstgrenze von {amount} (%n Monate von 12).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VersionsDialog</name>
    <message numerus="yes">
        <source>Seit der Version vom {when} haben sich %n Felder geändert.</source>
        <translation>
            <numerusform>Seit der Version vom {when} hat sich %n Feld geändert.</numerusform>
            <numerusform>Seit der Version vom {when} haben sich %n Felder geändert.</numerusform>
        </translation>
    </message>
</context>
</TS>
