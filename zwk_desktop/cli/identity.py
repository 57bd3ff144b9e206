"""``zwk-desktop identity create | import | list | delete``: signing identities."""

from __future__ import annotations

import argparse
import contextlib
import getpass
import sys
import warnings
from pathlib import Path
from typing import TYPE_CHECKING, Any

from zwk_desktop import oserrors
from zwk_desktop.cli.common import EXIT_INVALID, EXIT_OK, CommandError, say, say_json
from zwk_desktop.domain import formatting
from zwk_desktop.services.identities import (
    PASSWORD_SAFE_ADVICE,
    SELF_SIGNED_NOTE,
    Identity,
    IdentityError,
    IdentityStore,
    PassphrasePrompt,
    PassphraseRequest,
    open_store,
)

if TYPE_CHECKING:
    from zwk_desktop.services.preflight import Preflight
    from zwk_desktop.services.token_keys import PinPrompt


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


def _hidden(
    prompt: str, *, what: str = "Die Passphrase", option: str = "--passphrase-stdin"
) -> str:
    """Read a passphrase (or a card's PIN) on the terminal without echo. Without a terminal (a
    script, a service) nothing is read from the standard input unasked: IdentityError says how."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", getpass.GetPassWarning)
        try:
            return getpass.getpass(prompt)
        except getpass.GetPassWarning:
            raise IdentityError(
                f"{what} kann nicht abgefragt werden, weil kein Terminal da ist. Bitte "
                f"geben Sie sie mit {option} als eine Zeile über die Standardeingabe."
            ) from None


def pin_prompt(from_stdin: bool) -> PinPrompt:
    """Asks for a card's PIN on the terminal (hidden), or reads one line from stdin; with a PIN
    pad it only says to enter the PIN at the reader."""
    from zwk_desktop.services.token_keys import PinRequest

    lines: list[str] = []

    def ask(request: PinRequest) -> str | None:
        if request.reason:
            print(request.reason, file=sys.stderr)
        if request.pin_pad:
            if request.retry and from_stdin:
                return None
            print(
                f"Bitte geben Sie die PIN am Kartenleser ein (Karte „{request.token_label}“).",
                file=sys.stderr,
            )
            return ""
        if from_stdin:
            if request.retry or lines:
                return None  # a script gives one PIN; a wrong one ends the command
            lines.append("read")
            return sys.stdin.readline().rstrip("\r\n") or None
        try:
            return _hidden(
                f"PIN der Karte „{request.token_label}“ für {request.identity_label}: ",
                what="Die PIN",
                option="--pin-stdin",
            )
        except (EOFError, KeyboardInterrupt):
            return None

    return ask


def add_pin_stdin(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--pin-stdin",
        action="store_true",
        help="die PIN der Signaturkarte als eine Zeile von der Standardeingabe lesen (für "
        "Skripte); sie wird nie gespeichert",
    )


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

    k = sub.add_parser(
        "add-pkcs11",
        help="eine Signaturkarte (PKCS#11) als Signaturidentität einrichten",
        description="Richtet das Signaturzertifikat einer Signaturkarte oder eines Tokens als "
        "Signaturidentität ein; der Name ist der Name (CN) im Zertifikat. Der Schlüssel bleibt "
        "auf der Karte, die PIN wird bei jeder Signatur abgefragt und nie gespeichert. Ohne "
        "--module wird die Kartensoftware an den üblichen Orten gesucht (OpenSC und die "
        "Software gängiger Kartenhersteller).",
    )
    k.add_argument("--module", metavar="PFAD", help="das PKCS#11-Modul (.dll/.so) der Karte")
    k.add_argument("--token", metavar="NAME", help="Name (Label) der Karte")
    k.add_argument("--key-label", metavar="NAME", help="Name (Label) von Schlüssel/Zertifikat")
    k.add_argument("--key-id", metavar="HEX", help="ID von Schlüssel/Zertifikat (hexadezimal)")
    k.add_argument("--funktion", required=True, help="Funktion der unterzeichnenden Person")
    k.set_defaults(run=run_add_pkcs11)

    t = sub.add_parser(
        "tokens",
        help="Kartensoftware, Signaturkarten und ihre Zertifikate anzeigen",
        description="Zeigt die gefundene Kartensoftware (PKCS#11-Module), die eingesteckten "
        "Karten und ihre Zertifikate; keine PIN nötig.",
    )
    t.add_argument("--module", metavar="PFAD", help="nur dieses PKCS#11-Modul fragen")
    t.set_defaults(run=run_tokens)

    ls = sub.add_parser(
        "list",
        help="alle Signaturidentitäten anzeigen",
        description="Zeigt alle Signaturidentitäten mit dem Status ihres Zertifikats (Gültigkeit "
        "auch gegen das Ende der Bewerbungsfrist, Schlüsselverwendung, Schlüssellänge, "
        "Ausstellerkette, selbst ausgestellt).",
    )
    ls.add_argument("--json", action="store_true", help="als JSON ausgeben")
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


def identity_preflight(store: IdentityStore, identity: Identity) -> Preflight:
    """The certificate check of a stored identity, against today and the form's deadline."""
    from zwk_desktop.services.preflight import default_deadline, preflight

    return preflight(
        store.certificate(identity), store.chain(identity), deadline=default_deadline()
    )


def _kind(store: IdentityStore, identity: Identity) -> str:
    if identity.self_signed:
        return "selbst ausgestellt"
    if identity.on_token:
        from zwk_desktop.services.tokens import TokenError, token_ref

        try:
            card = f"Signaturkarte „{token_ref(store, identity).token_label}“"
        except TokenError:
            card = "Signaturkarte"
        return f"{card}, Aussteller {identity.issuer}"
    return f"importiert, Aussteller {identity.issuer}"


def _secret(identity: Identity) -> str:
    if identity.on_token:
        return "PIN wird bei jeder Signatur abgefragt"
    if identity.passphrase_in_keyring:
        return "Passphrase im Schlüsselbund"
    return "Passphrase wird abgefragt"


def run_list(args: argparse.Namespace) -> int:
    store = _store()
    identities = store.all()
    checks = {i.id: identity_preflight(store, i) for i in identities}
    if args.json:
        say_json({"identities": [_as_json(store, i, checks[i.id]) for i in identities]})
        return EXIT_OK
    if not identities:
        say("Es gibt noch keine Signaturidentität. Anlegen mit: zwk-desktop identity create …")
        return EXIT_OK
    width = max(len(i.id) for i in identities)
    say(f"{'KENNUNG'.ljust(width)}  STATUS DES ZERTIFIKATS")
    for i in identities:
        check = checks[i.id]
        say(f"{i.id.ljust(width)}  {check.status}")
        say(
            f"  {i.label}, {i.kommune or '–'} – {_kind(store, i)}; gültig bis "
            f"{formatting.date(i.not_after[:10])}; "
            f"{_secret(i)}"
        )
        say(f"  Zertifikat SHA-256: {i.fingerprint}")
        for note in check.notes:
            if note.level != "hinweis" or note.code == "selbst_ausgestellt":
                prefix = {"sperre": "Gesperrt", "warnung": "Warnung"}.get(note.level, "Hinweis")
                say(f"  {prefix}: {note.message}")
    return EXIT_OK


def _as_json(store: IdentityStore, identity: Identity, check: Preflight) -> dict[str, Any]:
    from dataclasses import asdict

    from zwk_desktop.services.tokens import TokenError, token_ref

    out: dict[str, Any] = asdict(identity)
    out["label"] = identity.label
    out["token"] = None
    if identity.on_token:
        with contextlib.suppress(TokenError):  # a damaged token.json: the rest still lists
            out["token"] = asdict(token_ref(store, identity))
    out["preflight"] = check.to_json()
    return out


def run_add_pkcs11(args: argparse.Namespace) -> int:
    from zwk_desktop.services.tokens import add_token_identity

    store = _store()
    try:
        identity = add_token_identity(
            store,
            funktion=args.funktion,
            module=args.module,
            token_label=args.token,
            key_label=args.key_label,
            key_id=args.key_id,
        )
    except IdentityError as exc:
        raise CommandError(str(exc), EXIT_INVALID) from None
    say(f"Signaturidentität eingerichtet: {identity.label}, Kennung {identity.id}")
    say(f"Aussteller: {identity.issuer}")
    say(f"Zertifikat SHA-256: {identity.fingerprint}")
    check = identity_preflight(store, identity)
    say(f"Status des Zertifikats: {check.status}")
    for note in check.notes:
        prefix = {"sperre": "Gesperrt", "warnung": "Warnung"}.get(note.level, "Hinweis")
        say(f"{prefix}: {note.message}")
    say("Der Schlüssel bleibt auf der Karte; die PIN wird bei jeder Signatur abgefragt.")
    return EXIT_OK


def run_tokens(args: argparse.Namespace) -> int:
    from zwk_desktop.services.tokens import TokenError, find_modules, list_certificates, scan

    modules = [args.module] if args.module else [str(c.path) for c in find_modules()]
    if not modules:
        say("Es ist keine Kartensoftware (PKCS#11-Modul) an den üblichen Orten installiert.")
        return EXIT_OK
    for module in modules:
        say(f"Kartensoftware: {module}")
        cards, problems = scan([module])
        for problem in problems:
            say(f"  {problem}")
        if not cards and not problems:
            say("  keine Karte eingesteckt")
        for card in cards:
            pad = ", Kartenleser mit PIN-Feld" if card.pin_pad else ""
            say(
                f"  Karte „{card.label}“ ({card.manufacturer} {card.model}, Seriennummer "
                f"{card.serial or '–'}{pad})"
            )
            try:
                certs = list_certificates(module, card.label)
            except TokenError as exc:
                say(f"    {exc}")
                continue
            for c in certs:
                valid = f"{c.certificate.not_valid_after_utc:%d.%m.%Y}"
                say(
                    f"    Zertifikat „{c.label}“ (ID {c.key_id or '–'}): {c.name}, gültig bis "
                    f"{valid}"
                )
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
