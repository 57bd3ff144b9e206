"""``zwk-desktop export DRAFT --out DIR`` and ``zwk-desktop verify PATH``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from zwk_desktop.cli.common import (
    EXIT_INVALID,
    EXIT_OK,
    CommandError,
    complain,
    load_draft,
    say,
    say_json,
)
from zwk_desktop.cli.identity import (
    add_passphrase_stdin,
    add_pin_stdin,
    identity_preflight,
    passphrase_prompt,
    pin_prompt,
)
from zwk_desktop.domain import formatting
from zwk_desktop.domain.draft import normalize
from zwk_desktop.domain.formatting import size
from zwk_desktop.domain.signatory import check_signer
from zwk_desktop.services.identities import Identity, IdentityError, IdentityStore, open_store

if TYPE_CHECKING:
    from zwk_desktop.domain.draft import Draft
    from zwk_desktop.formspec import FormSpec
    from zwk_desktop.services.token_keys import SignatureKey


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = commands.add_parser(
        "export",
        help="die Bewerbung signiert exportieren (oder als ENTWURF drucken)",
        description="Schreibt das Bewerbungspaket ZWK-Bewerbung_<AGS>_<Kommune>_<Datum>/ "
        "(signiertes PDF mit eingebetteten Daten, die Angaben als JSON, Anlagen, Prüfprotokoll, "
        "signiertes Verzeichnis; jede Datei mit AGS und Kommune im Namen) und daneben eine "
        "versandfertige E-Mail (.eml). Mit Fehlern verweigert; Hinweise müssen bestätigt sein "
        "oder mit --accept-warnings bestätigt werden. Signieren darf nur die im Abschnitt "
        "„Ort, Datum, Unterschrift“ genannte Person. Exit-Code 0: exportiert, 1: nicht "
        "exportierbar, 2: Datei nicht lesbar.",
    )
    p.add_argument("draft", type=Path, metavar="ENTWURF", help="der Entwurf (.zwk)")
    p.add_argument("--out", type=Path, required=True, metavar="ORDNER", help="Zielordner")
    p.add_argument("--identity", metavar="NAME", help="Signaturidentität (Name oder Kennung)")
    mode = p.add_mutually_exclusive_group()
    mode.add_argument(
        "--entwurf",
        action="store_true",
        help="nur eine unsignierte Druckfassung mit dem Vermerk ENTWURF schreiben "
        "(auch mit Fehlern)",
    )
    mode.add_argument(
        "--papier",
        action="store_true",
        help="ohne elektronische Signatur: Paket und E-Mail unsigniert, das PDF als "
        "„Druckfassung zur Unterschrift“ mit QR-Code (Prüfsumme der Angaben, "
        "ZWK-Bewerbung_<AGS>_<Kommune>.json); das unterschriebene Papier folgt per Post",
    )
    p.add_argument(
        "--accept-warnings",
        metavar="BEGRÜNDUNG",
        help="alle offenen Hinweise mit dieser Begründung bestätigen (steht im Prüfprotokoll)",
    )
    p.add_argument(
        "--aenderungsprotokoll",
        action="store_true",
        help="eine Zusammenfassung des Änderungsprotokolls beilegen (…_aenderungsprotokoll.json: "
        "je Feld Anzahl der Änderungen, wer und wann zuletzt; keine Werte)",
    )
    add_passphrase_stdin(p)
    add_pin_stdin(p)
    p.set_defaults(run=run_export)

    v = commands.add_parser(
        "verify",
        help="ein Bewerbungspaket (Ordner oder .eml) prüfen",
        description="Prüft die Signatur des Verzeichnisses, jede Prüfsumme, die Signatur des PDF, "
        "die eingebettete bewerbung.json und die Angaben selbst. Exit-Code 0: gültig, 1: ungültig "
        "(nennt, was verändert ist), 2: nicht lesbar.",
    )
    v.add_argument(
        "path",
        type=Path,
        metavar="PFAD",
        help="der Paketordner, die .eml-Datei oder das signierte Verzeichnis "
        "(…_manifest.json), wenn mehrere Pakete in einem Ordner liegen; mit --papier auch die "
        "JSON-Datei einer Bewerbung allein",
    )
    v.add_argument(
        "--json",
        action="store_true",
        help="das Ergebnis als JSON ausgeben (Schema in der README)",
    )
    v.add_argument(
        "--trust",
        type=Path,
        metavar="ORDNER_ODER_PEM",
        help="Vertrauensanker: Zertifikate der Aussteller (PEM/DER-Datei oder Ordner); ohne "
        "wird nur die Unversehrtheit geprüft",
    )
    v.add_argument(
        "--papier",
        metavar="PRÜFCODE",
        help="der Text des QR-Codes der unterschriebenen Druckfassung (oder die gedruckte "
        "SHA-256-Prüfsumme): die JSON-Datei der Bewerbung muss dazu passen",
    )
    v.set_defaults(run=run_verify)


def run_export(args: argparse.Namespace) -> int:
    from zwk_desktop.services.export import (
        ExportError,
        acknowledge_all,
        check_out_dir,
        export_package,
        export_print,
        readiness,
        write_failed,
    )

    draft, spec = load_draft(args.draft)
    if args.papier and args.identity:
        raise CommandError(
            "--papier und --identity schließen sich aus: der Papierweg signiert nicht."
        )
    try:
        check_out_dir(args.out)
        if args.entwurf:
            target = export_print(spec, draft, args.out)
            say(f"Druckfassung (ENTWURF, nicht signiert) geschrieben: {target}")
            return EXIT_OK
    except ExportError as exc:
        raise CommandError(str(exc), EXIT_INVALID) from None
    except OSError as exc:
        raise CommandError(write_failed(args.out, exc), EXIT_INVALID) from None
    ready = readiness(spec, draft)
    if not ready.report.valid:
        for finding in ready.report.errors:
            complain(f"Fehler {finding.path}: {finding.message}")
        raise CommandError(ready.message(), EXIT_INVALID)
    if ready.unacknowledged:
        if args.accept_warnings is None:
            for finding in ready.unacknowledged:
                complain(f"Hinweis {finding.path}: {finding.message}")
            raise CommandError(
                f'{ready.message()} Auf der Kommandozeile: --accept-warnings "Begründung".',
                EXIT_INVALID,
            )
        try:
            draft = acknowledge_all(draft, ready.unacknowledged, args.accept_warnings)
        except ExportError as exc:
            raise CommandError(str(exc), EXIT_INVALID) from None
        n = formatting.count(len(ready.unacknowledged), "Hinweis", "Hinweise")
        say(f"Bestätigt: {n}, mit der Begründung „{args.accept_warnings.strip()}“")

    def progress(index: int, label: str) -> None:
        print(f"  {index + 1}. {label} …", file=sys.stderr, flush=True)

    if args.papier:
        return _export_paper(spec, draft, args.out, progress, args.aenderungsprotokoll)
    store = open_store()
    try:
        identities = store.all()
        if args.identity:
            identity = store.find(args.identity)
        elif len(identities) == 1:
            identity = identities[0]
        else:
            raise IdentityError(
                "Bitte wählen Sie mit --identity NAME eine Signaturidentität"
                + (
                    f" ({', '.join(i.name for i in identities)})."
                    if identities
                    else "; es gibt noch keine: zwk-desktop identity create …"
                )
            )
        # the signatory named in the form signs, nobody else: refused before any passphrase
        check = check_signer(
            normalize(spec, draft.data),
            signer_name(store, identity),
            identity.kommune,
            identity.funktion,
        )
        if not check.matches:
            raise CommandError(check.problem, EXIT_INVALID)
        for warning in check.warnings:
            complain(f"Hinweis: {warning}")
        preflight = identity_preflight(store, identity)
        for warning in preflight.warnings():
            complain(f"Warnung: {warning}")
        if preflight.blocking:
            raise IdentityError(
                f"Mit „{identity.label}“ kann nicht signiert werden: "
                f"{' '.join(preflight.reasons())}"
            )
        key: SignatureKey
        if identity.on_token:
            from zwk_desktop.services.token_keys import open_token_key

            key = open_token_key(store, identity, pin_prompt(args.pin_stdin))
        else:
            key = store.unlock(identity, passphrase_prompt(args.passphrase_stdin))
    except IdentityError as exc:
        raise CommandError(str(exc), EXIT_INVALID) from None

    try:
        result = export_package(
            spec, draft, key, args.out, progress=progress, changelog=args.aenderungsprotokoll
        )
    except (ExportError, IdentityError) as exc:
        raise CommandError(str(exc), EXIT_INVALID) from None
    except OSError as exc:
        raise CommandError(write_failed(args.out, exc), EXIT_INVALID) from None
    finally:
        close = getattr(key, "close", None)
        if close is not None:
            close()  # logs out of the signature card
    say(f"Bewerbungspaket geschrieben: {result.folder}")
    say(f"E-Mail zum Versand ({size(result.mail_size)}): {result.mail}")
    say(f"SHA-256 des signierten Verzeichnisses: {result.manifest_sha256}")
    return EXIT_OK


def _export_paper(
    spec: FormSpec,
    draft: Draft,
    out: Path,
    progress: Callable[[int, str], None],
    changelog: bool,
) -> int:
    from zwk_desktop.services.export import ExportError, export_paper, write_failed

    try:
        result = export_paper(spec, draft, out, progress=progress, changelog=changelog)
    except ExportError as exc:
        raise CommandError(str(exc), EXIT_INVALID) from None
    except OSError as exc:
        raise CommandError(write_failed(out, exc), EXIT_INVALID) from None
    say(f"Bewerbungspaket (Papierweg, nicht signiert) geschrieben: {result.folder}")
    say(f"E-Mail zum Versand ({size(result.mail_size)}): {result.mail}")
    say(
        f"Druckfassung zur Unterschrift: {result.pdf} – bitte ausdrucken, unterschreiben und per "
        "Post senden."
    )
    say(f"Prüfcode (QR-Code): {result.paper_code}")
    return EXIT_OK


def run_verify(args: argparse.Namespace) -> int:
    from zwk_desktop.services.paper import PaperCodeError, parse_paper_code
    from zwk_desktop.services.trust import TrustError, load_anchors
    from zwk_desktop.services.verify import verify_path

    try:
        anchors = load_anchors(args.trust) if args.trust is not None else None
        papier = parse_paper_code(args.papier) if args.papier is not None else None
    except (TrustError, PaperCodeError) as exc:
        if not args.json:
            raise CommandError(str(exc)) from None
        from zwk_desktop.services.verify_report import VerifyReport

        report = VerifyReport(str(args.path), unreadable=str(exc))  # --json: always JSON
    else:
        report = verify_path(args.path, anchors=anchors, papier=papier)
    if args.json:
        say_json(report.to_json())
        if report.unreadable:
            complain(report.text())
        return report.exit_code
    if report.unreadable:
        raise CommandError(report.text())
    say(report.text())
    return report.exit_code


def signer_name(store: IdentityStore, identity: Identity) -> str:
    """The name an identity signs with: its certificate's common name (what `verify` reads)."""
    from cryptography.x509.oid import NameOID

    try:
        cn = store.certificate(identity).subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    except (OSError, ValueError):
        return identity.name
    return str(cn[0].value) if cn else identity.name
