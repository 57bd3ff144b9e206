"""``make fuzz``: the longer fuzz campaign of issue 15.

Mutants of the three examples (tests/mutate.py) go through ``validate``, ``drafts import`` and
``verify`` (mutated package folders and mails of a freshly signed package). Every answer must be
exit 0, 1 or 2 with a German message and no traceback. Prints the counts per command and exit
code and ends with exit 1 if any mutant crashed (its file is kept in the report folder).

    python tests/fuzz_campaign.py [--mutants N] [--seed S] [--report DIR]
"""

from __future__ import annotations

import argparse
import collections
import os
import random
import shutil
import sys
import tempfile
import time
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--mutants", type=int, default=2000, help="Entwürfe (Standard 2000)")
    parser.add_argument("--packages", type=int, default=400, help="Pakete (Standard 400)")
    parser.add_argument("--seed", type=int, default=20210720)
    parser.add_argument("--report", type=Path, default=None)
    args = parser.parse_args(argv)

    work = Path(tempfile.mkdtemp(prefix="zwk-fuzz-"))
    os.environ["ZWK_DATA_DIR"] = str(work / "daten")
    os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    report = args.report or work / "abstuerze"

    from clitools import run_in_process
    from export_helpers import NOW, never_ask, new_store, ready_draft
    from mutate import mutate_draft, mutate_mail, mutate_package
    from store_helpers import is_german_sentence

    from zwk_desktop.formspec import get_form
    from zwk_desktop.services.export import export_package
    from zwk_desktop.services.verify import load_package

    rng = random.Random(args.seed)
    examples = sorted((HERE.parent / "examples").glob("*.zwk"))
    counts: collections.Counter[tuple[str, object]] = collections.Counter()
    crashes: list[str] = []
    started = time.monotonic()

    def run(command: str, path: Path, *extra: str, changed: bool = False) -> None:
        """`changed`: the package's signed content was altered, so "gültig" would be a miss."""
        try:
            code, out, err = run_in_process(*command.split(), path, *extra)
        except BaseException:  # a crash: keep the input and the traceback
            code, out, err = "Absturz", "", traceback.format_exc()
        findings_on_stdout = code == 0 or (code == 1 and command != "drafts import")
        message = out if findings_on_stdout else err
        bad = code not in (0, 1, 2) or "Traceback" in out + err or not is_german_sentence(message)
        if changed and code == 0:
            bad = True
            counts[("unentdeckt", command)] += 1
        counts[(command, code)] += 1
        if bad:
            report.mkdir(parents=True, exist_ok=True)
            keep = report / f"{len(crashes):04d}-{path.name}"
            if path.is_dir():
                shutil.copytree(path, keep)
            else:
                keep.write_bytes(path.read_bytes())
            keep.with_name(keep.name + ".txt").write_text(f"{command}: {code}\n{out}\n{err}")
            crashes.append(f"{command} {keep}: Exit {code}")

    for n in range(args.mutants):
        example = examples[n % len(examples)]
        path = work / f"mutant-{n % 50}.zwk"
        path.write_bytes(mutate_draft(rng, example.read_bytes()))
        run("validate", path)
        run("drafts import", path)
        if n % 500 == 499:
            print(f"  {n + 1} Entwürfe …", file=sys.stderr, flush=True)

    store = new_store(work / "identitaeten")
    identity = store.create_self_signed("Fuzz Test", "Bürgermeisterin", "X", "", never_ask)
    key = store.unlock(identity, never_ask)
    package = export_package(get_form(), ready_draft(), key, work / "paket", now=NOW)
    original = load_package(package.folder)
    mail = package.mail.read_bytes()

    def _attachments(raw: bytes) -> object:
        """What a mail program shows: every named part, in order (None: no mail at all)."""
        import email
        import email.policy

        try:
            msg = email.message_from_bytes(raw, policy=email.policy.default)
            return [
                (part.get_filename(), part.get_payload(decode=True))
                for part in msg.walk()
                if not part.is_multipart() and part.get_filename()
            ]
        except Exception:
            return None

    attached = _attachments(mail)
    for n in range(args.packages):
        folder = work / f"paket-{n % 20}"
        shutil.rmtree(folder, ignore_errors=True)
        mutated = mutate_package(rng, original)
        for name, content in mutated.items():
            target = folder / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
        run("verify", folder, changed=mutated != original)
        eml = work / f"paket-{n % 20}.eml"
        forged = mutate_mail(rng, mail)
        eml.write_bytes(forged)
        run("verify", eml, changed=_attachments(forged) != attached)

    seconds = time.monotonic() - started
    total = sum(v for k, v in counts.items() if k[0] != "unentdeckt")
    missed = sum(v for k, v in counts.items() if k[0] == "unentdeckt")
    print(f"Fuzz-Kampagne (Seed {args.seed}): {total} Prüfungen in {seconds:.0f} s")
    for command in ("validate", "drafts import", "verify"):
        line = ", ".join(
            f"Exit {code}: {count}" for (cmd, code), count in sorted(counts.items(), key=str)
            if cmd == command
        )  # fmt: skip
        print(f"  {command:<14} {line}")
    print(
        f"  Entwürfe: {args.mutants} Mutanten, Pakete: {args.packages} Ordner und "
        f"{args.packages} E-Mails; unentdeckte Veränderungen signierter Inhalte: {missed}"
    )
    if crashes:
        print(f"{len(crashes)} Abstürze oder Antworten ohne deutsche Meldung:")
        for crash in crashes[:20]:
            print(f"  {crash}")
        return 1
    print("Keine Abstürze: jede Antwort Exit 0, 1 oder 2 mit deutscher Meldung, kein Traceback.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
