"""Fuzz test (issue 15, runs in CI): mutated drafts through ``validate`` and ``drafts import``
and mutated packages through ``verify`` give exit 0, 1 or 2 with a German message, never a
traceback. ``make fuzz`` runs the longer campaign (tests/fuzz_campaign.py)."""

from __future__ import annotations

import random
import tempfile
from pathlib import Path

import pytest
from clitools import run_in_process
from export_helpers import NOW, never_ask, new_store, ready_draft
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mutate import mutate_draft, mutate_mail, mutate_package
from store_helpers import is_german_sentence

from zwk_desktop.formspec import get_form
from zwk_desktop.services.export import ExportResult, export_package
from zwk_desktop.services.verify import load_package

EXAMPLES = sorted((Path(__file__).resolve().parent.parent / "examples").glob("*.zwk"))
FUZZ = settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    derandomize=True,
)


def check(code: int, out: str, err: str) -> None:
    assert code in (0, 1, 2), (code, out, err)
    assert "Traceback" not in out + err
    message = err if code == 2 else out
    assert is_german_sentence(message), (code, out, err)


@FUZZ
@given(example=st.sampled_from(EXAMPLES), rng=st.randoms(use_true_random=False))
def test_mutated_drafts_through_validate_and_import(example: Path, rng: random.Random) -> None:
    raw = mutate_draft(rng, example.read_bytes())
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "mutant.zwk"
        path.write_bytes(raw)
        check(*run_in_process("validate", path))
        check(*run_in_process("validate", path, "--json"))
        code, out, err = run_in_process("drafts", "import", path)
        assert code in (0, 1, 2) and "Traceback" not in out + err
        assert is_german_sentence(err if code else out), (code, out, err)


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> ExportResult:
    store = new_store(tmp_path_factory.mktemp("identities"))
    identity = store.create_self_signed("Katrin Wendland", "Bürgermeisterin", "L", "", never_ask)
    key = store.unlock(identity, never_ask)
    return export_package(get_form(), ready_draft(), key, tmp_path_factory.mktemp("out"), now=NOW)


@settings(FUZZ, max_examples=30)
@given(rng=st.randoms(use_true_random=False))
def test_mutated_packages_through_verify(package: ExportResult, rng: random.Random) -> None:
    files = mutate_package(rng, load_package(package.folder))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "paket"
        for name, content in files.items():
            target = folder / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
        check(*run_in_process("verify", folder))
        mail = Path(tmp) / "paket.eml"
        mail.write_bytes(mutate_mail(rng, package.mail.read_bytes()))
        check(*run_in_process("verify", mail))
