"""Certificate preflight (issue 17): every identity's certificate gets a German status; the
blocking ones stop the export before anything is signed or written."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest
from export_helpers import NOW, example_draft, ready_draft, run_cli
from pki import DAY, Issued, ec_key, issue, make_ca, usage
from softhsm import MODULE, make_token

from zwk_desktop.formspec import get_form
from zwk_desktop.services.export import ExportError, export_package
from zwk_desktop.services.identities import Identity, SigningKey, fingerprint
from zwk_desktop.services.preflight import WARNING_DAYS, preflight

DEADLINE = dt.date(2021, 7, 20)


@pytest.fixture(scope="module")
def ca() -> Issued:
    return make_ca()


def codes(issued: Issued, chain: tuple[Issued, ...] = (), **kw: object) -> dict[str, str]:
    check = preflight(issued.cert, [c.cert for c in chain], **kw)  # type: ignore[arg-type]
    return {n.code: n.level for n in check.notes}


@pytest.mark.parametrize(
    ("case", "status", "level", "blocking"),
    [
        ("abgelaufen", "abgelaufen", "sperre", True),
        ("noch_nicht_gueltig", "noch nicht gültig", "sperre", True),
        ("laeuft_ab", "läuft in 30 Tagen ab", "warnung", False),
        ("keine_signaturverwendung", "nicht zum Signieren bestimmt", "sperre", True),
        ("schluessel_zu_kurz", "RSA-1024 zu kurz", "sperre", True),
        ("selbst_ausgestellt", "in Ordnung, selbst ausgestellt", "hinweis", False),
    ],
)
def test_each_problem_gets_its_german_status(
    ca: Issued, case: str, status: str, level: str, blocking: bool
) -> None:
    now = dt.datetime.now(dt.UTC)
    issued = {
        "abgelaufen": lambda: issue(ca, start=now - 400 * DAY, days=-1),
        "noch_nicht_gueltig": lambda: issue(ca, start=now + 10 * DAY, days=400),
        "laeuft_ab": lambda: issue(ca, days=30),
        "keine_signaturverwendung": lambda: issue(
            ca, key_usage=usage(signature=False, non_repudiation=False)
        ),
        "schluessel_zu_kurz": lambda: issue(ca, bits=1024),
        "selbst_ausgestellt": lambda: issue(None),
    }[case]()
    check = preflight(issued.cert, [ca.cert])
    assert check.status == status
    assert check.blocking is blocking
    assert {n.code: n.level for n in check.notes}[case] == level
    note = next(n for n in check.notes if n.code == case)
    assert note.message.startswith(("Das ", "Der ", "Selbst ")) and note.message.endswith(".")
    if blocking:
        assert check.level == "gesperrt" and check.reasons()
    else:
        assert not check.reasons()


def test_a_good_certificate_with_its_ca_is_in_order(ca: Issued) -> None:
    check = preflight(issue(ca).cert, [ca.cert])
    assert check.status == "in Ordnung" and check.level == "in Ordnung"
    assert check.chain == ("ZWK Test-CA",)
    assert [n.code for n in check.notes] == ["kette_vollstaendig"]
    assert not check.blocking and check.stage is None


def test_expiry_is_announced_at_90_40_and_2_days(ca: Issued) -> None:
    assert WARNING_DAYS == (90, 40, 2)
    stages = {}
    for days in (120, 90, 60, 40, 10, 2, 1):
        check = preflight(issue(ca, days=days).cert, [ca.cert])
        stages[days] = check.stage
        assert ("laeuft_ab" in {n.code for n in check.notes}) is (days <= 90)
    assert stages == {120: None, 90: 90, 60: 90, 40: 40, 10: 40, 2: 2, 1: 2}
    assert preflight(issue(ca, days=1).cert).status == "läuft in 1 Tag ab"


def test_expiry_before_the_deadline_is_a_warning_only_while_the_call_is_open(ca: Issued) -> None:
    ends = dt.datetime(2021, 7, 10, 12, tzinfo=dt.UTC)  # ten days before the deadline
    cert = issue(ca, start=ends - 700 * DAY, end=ends)
    at = ends - 60 * DAY
    assert codes(cert, (ca,), now=at, deadline=DEADLINE)["ablauf_vor_frist"] == "warnung"
    after = DEADLINE + dt.timedelta(days=1)
    late = dt.datetime.combine(after, dt.time(), dt.UTC)
    assert "ablauf_vor_frist" not in codes(cert, (ca,), now=late, deadline=DEADLINE)


def test_missing_key_usage_and_ec_keys(ca: Issued) -> None:
    assert codes(issue(ca, no_key_usage=True), (ca,))["keine_schluesselverwendung"] == "warnung"
    assert "schluessel_zu_kurz" not in codes(issue(ca, key=ec_key()), (ca,))


def test_chain_notes(ca: Issued) -> None:
    cert = issue(ca)
    assert codes(cert)["kette_unvollstaendig"] == "hinweis"
    impostor = make_ca("ZWK Test-CA")  # same name, another key
    assert codes(cert, (impostor,))["kette_fehlerhaft"] == "warnung"


def _signing_key(issued: Issued) -> SigningKey:
    cert = issued.cert
    identity = Identity(
        id="test", name="Katrin Wendland", funktion="Bürgermeisterin", kommune="", email="",
        kind="pkcs12", fingerprint=fingerprint(cert), subject=cert.subject.rfc4514_string(),
        issuer=cert.issuer.rfc4514_string(), not_before=cert.not_valid_before_utc.isoformat(),
        not_after=cert.not_valid_after_utc.isoformat(), passphrase_in_keyring=False,
        created=NOW.isoformat(),
    )  # fmt: skip
    return SigningKey(identity, issued.key, cert)


@pytest.mark.parametrize("case", ["expired", "not_yet", "usage", "rsa1024"])
def test_a_blocking_certificate_stops_the_export_with_a_german_reason(
    ca: Issued, tmp_path: Path, case: str
) -> None:
    now = dt.datetime.now(dt.UTC)
    issued, words = {
        "expired": (lambda: issue(ca, start=now - 400 * DAY, days=-1), "abgelaufen"),
        "not_yet": (lambda: issue(ca, start=now + 10 * DAY, days=400), "erst ab dem"),
        "usage": (
            lambda: issue(ca, key_usage=usage(signature=False, non_repudiation=False)),
            "nicht zum Signieren bestimmt",
        ),
        "rsa1024": (lambda: issue(ca, bits=1024), "nur 1024 Bit"),
    }[case]
    out = tmp_path / "out"
    with pytest.raises(ExportError, match=words) as raised:
        export_package(get_form(), ready_draft(), _signing_key(issued()), out, now=NOW)
    assert str(raised.value).startswith("Mit diesem Zertifikat kann nicht signiert werden")
    assert not out.exists() or list(out.iterdir()) == []


def test_the_cli_refuses_a_weak_card_before_asking_for_the_pin(ca: Issued, tmp_path: Path) -> None:
    weak = make_token(tmp_path / "hsm", issue(ca, "Katrin Wendland", bits=1024))
    env = weak.env({**os.environ, "ZWK_DATA_DIR": str(tmp_path / "data")})
    added = run_cli("identity", "add-pkcs11", "--module", MODULE, "--funktion", "x", env=env)
    assert added.returncode == 0 and "Gesperrt: Der RSA-Schlüssel hat nur 1024 Bit" in added.stdout
    listed = json.loads(run_cli("identity", "list", "--json", env=env).stdout)["identities"][0]
    assert listed["preflight"]["blocking"] and listed["preflight"]["status"] == "RSA-1024 zu kurz"
    draft = tmp_path / "e.zwk"
    draft.write_bytes(example_draft().to_bytes())
    out = tmp_path / "out"
    refused = run_cli("export", draft, "--out", out, "--pin-stdin", "--accept-warnings", "x",
                      env=env, stdin="")  # fmt: skip
    assert refused.returncode == 1
    assert "kann nicht signiert werden" in refused.stderr and "1024 Bit" in refused.stderr
    assert "PIN" not in refused.stderr  # refused before the card was asked
    assert not out.exists()
