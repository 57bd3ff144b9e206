"""``zwk-desktop identity create | import | list | delete``: signing identities."""

from __future__ import annotations

import argparse
import getpass
import sys
import warnings
from pathlib import Path

from zwk_desktop import oserrors
from zwk_desktop.cli.common import EXIT_INVALID, EXIT_OK, CommandError, say
from zwk_desktop.services.identities import (
    PASSWORD_SAFE_ADVICE,
    SELF_SIGNED_NOTE,
    IdentityError,
    IdentityStore,
    PassphrasePrompt,
    PassphraseRequest,
    open_store,
)


def passphrase_prompt(from_stdin: bool) -> PassphrasePrompt:
    """Asks on the terminal (hidden input), or reads one line from stdin for scripts."""
    lines: list[str] = []

    def ask(request: PassphraseRequest) -> str | None:
        if from_stdin:
            if request.retry or lines:
                # A script gives one passphrase; a wrong one ends the command, saying why.
                raise IdentityError(request.reason or "Die Passphrase ist falsch.")
            line = sys.stdin.readline().rstrip("\r\n")
            lines.append("read")
            return line or None
        if request.reason:
            print(request.reason, file=sys.stderr)
        what = "Neue Passphrase" if request.new else "Passphrase"
        hint = ""
        if request.suggestion:
            if not request.retry:
                print(
                    f"Vorgeschlagene Passphrase: {request.suggestion}\n{PASSWORD_SAFE_ADVICE}",
                    file=sys.stderr,
                )
            hint = " (Eingabetaste: die vorgeschlagene übernehmen)"
        try:
            value = _hidden(f"{what} für {request.identity_label}{hint}: ")
            if request.suggestion and not value:
                return request.suggestion
            if request.new and _hidden("Passphrase wiederholen: ") != value:
                print("Die beiden Eingaben stimmen nicht überein.", file=sys.stderr)
                return ask(
                    PassphraseRequest(
                        request.identity_label,
                        "",
                        new=True,
                        retry=True,
                        suggestion=request.suggestion,
                    )
                )
        except (EOFError, KeyboardInterrupt):
            return None
        return value

    return ask


def _hidden(prompt: str) -> str:
    """Read a passphrase on the terminal without echo. Without a terminal (a script, a
    service) nothing is read from the standard input unasked: IdentityError says how."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", getpass.GetPassWarning)
        try:
            return getpass.getpass(prompt)
        except getpass.GetPassWarning:
            raise IdentityError(
                "Die Passphrase kann nicht abgefragt werden, weil kein Terminal da ist. Bitte "
                "geben Sie sie mit --passphrase-stdin als eine Zeile über die Standardeingabe."
            ) from None


def add_passphrase_stdin(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--passphrase-stdin",
        action="store_true",
        help="die Passphrase als eine Zeile von der Standardeingabe lesen (für Skripte, wenn "
        "kein Schlüsselbund sie liefert)",
    )


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = commands.add_parser(
        "identity",
        help="Signaturidentitäten verwalten",
        description="Signaturidentitäten anlegen, importieren, auflisten und löschen. Private "
        "Schlüssel liegen verschlüsselt im Datenordner, die Passphrase im Schlüsselbund des "
        "Betriebssystems.",
    )
    sub = p.add_subparsers(title="Befehle", metavar="BEFEHL", required=True)

    c = sub.add_parser(
        "create",
        help="eine selbst ausgestellte Signaturidentität anlegen",
        description="Legt eine lokale, selbst ausgestellte Identität an (RSA-3072). "
        + SELF_SIGNED_NOTE,
    )
    c.add_argument("--name", required=True, help="Name der unterzeichnenden Person")
    c.add_argument("--funktion", required=True, help="Funktion, z. B. Bürgermeisterin")
    c.add_argument("--kommune", required=True, help="Name der Kommune")
    c.add_argument("--email", default="", help="E-Mail-Adresse")
    add_passphrase_stdin(c)
    c.set_defaults(run=run_create)

    i = sub.add_parser(
        "import",
        help="eine PKCS#12-Datei (.p12/.pfx) importieren",
        description="Importiert Schlüssel und Zertifikat aus einer PKCS#12-Datei der Kommune. Die "
        "Passphrase wird abgefragt (oder mit --passphrase-stdin gelesen).",
    )
    i.add_argument("file", type=Path, metavar="DATEI", help="die .p12- oder .pfx-Datei")
    i.add_argument("--funktion", required=True, help="Funktion der unterzeichnenden Person")
    i.add_argument("--name", help="Anzeigename (Standard: Name im Zertifikat)")
    i.add_argument(
        "--nicht-merken",
        action="store_true",
        help="die Passphrase nicht im Schlüsselbund speichern (bei jeder Signatur abfragen)",
    )
    add_passphrase_stdin(i)
    i.set_defaults(run=run_import)

    ls = sub.add_parser(
        "list",
        help="alle Signaturidentitäten anzeigen",
        description="Zeigt alle Signaturidentitäten.",
    )
    ls.set_defaults(run=run_list)

    d = sub.add_parser(
        "delete",
        help="eine Signaturidentität löschen",
        description="Löscht eine Signaturidentität samt Schlüssel.",
    )
    d.add_argument("identity", metavar="NAME", help="Name oder Kennung der Identität")
    d.set_defaults(run=run_delete)


def _store() -> IdentityStore:
    return open_store()


def run_create(args: argparse.Namespace) -> int:
    store = _store()
    status = store.keyring_status()
    try:
        identity = store.create_self_signed(
            args.name,
            args.funktion,
            args.kommune,
            args.email,
            passphrase_prompt(args.passphrase_stdin),
        )
    except IdentityError as exc:
        raise CommandError(str(exc), EXIT_INVALID) from None
    say(f"Signaturidentität angelegt: {identity.name} ({identity.funktion}), Kennung {identity.id}")
    say(f"Zertifikat SHA-256: {identity.fingerprint}")
    say(SELF_SIGNED_NOTE)
    if status.available:
        say(f"Die Passphrase liegt im Schlüsselbund des Betriebssystems ({status.backend}).")
    else:
        say(status.reason)
    return EXIT_OK


def run_import(args: argparse.Namespace) -> int:
    store = _store()
    try:
        content = args.file.read_bytes()
    except OSError as exc:
        raise CommandError(oserrors.sentence(args.file, exc, writing=False)) from None
    try:
        passphrase = passphrase_prompt(args.passphrase_stdin)(PassphraseRequest(args.file.name, ""))
    except IdentityError as exc:
        raise CommandError(str(exc), EXIT_INVALID) from None
    if passphrase is None:
        raise CommandError("Abgebrochen: ohne Passphrase kann die Datei nicht geöffnet werden.")
    try:
        identity, warnings = store.import_pkcs12(
            content,
            passphrase,
            funktion=args.funktion,
            remember=not args.nicht_merken,
            name=args.name,
        )
    except IdentityError as exc:
        raise CommandError(str(exc), EXIT_INVALID) from None
    say(f"Signaturidentität importiert: {identity.label}, Kennung {identity.id}")
    say(f"Aussteller: {identity.issuer}")
    for warning in warnings:
        say(f"Warnung: {warning}")
    return EXIT_OK


def run_list(args: argparse.Namespace) -> int:
    identities = _store().all()
    if not identities:
        say("Es gibt noch keine Signaturidentität. Anlegen mit: zwk-desktop identity create …")
        return EXIT_OK
    for i in identities:
        kind = "selbst ausgestellt" if i.self_signed else f"importiert, Aussteller {i.issuer}"
        where = (
            "Passphrase im Schlüsselbund"
            if i.passphrase_in_keyring
            else "Passphrase wird abgefragt"
        )
        say(f"{i.id}")
        say(f"  {i.label}, {i.kommune} – {kind}; gültig bis {i.not_after[:10]}; {where}")
        say(f"  Zertifikat SHA-256: {i.fingerprint}")
    return EXIT_OK


def run_delete(args: argparse.Namespace) -> int:
    store = _store()
    try:
        identity = store.find(args.identity)
        store.delete(identity)
    except IdentityError as exc:
        raise CommandError(str(exc), EXIT_INVALID) from None
    say(f"Signaturidentität gelöscht: {identity.label} ({identity.id})")
    return EXIT_OK
