"""Hostile draft files (issue 15): every case of the corpus gives exit 0, 1 or 2 with a German
message through ``validate`` and ``drafts import``, never a traceback; the strict reader, the
one set of limits and the list caps behind it."""

from __future__ import annotations

import base64
import hashlib
import json
import time
from pathlib import Path

import pytest
from conftest import load_example
from hostile import CORPUS, DRAFT_CASES, Case, dumps, example, with_attachment
from store_helpers import is_german_sentence

from zwk_desktop import limits
from zwk_desktop.cli.main import main
from zwk_desktop.domain import jsonread
from zwk_desktop.domain.attachments import detect_kind
from zwk_desktop.domain.draft import MAX_DRAFT_BYTES, DraftError, draft_from_json, parse_draft
from zwk_desktop.editing.session import AttachmentRejected, EditSession
from zwk_desktop.formspec import get_form
from zwk_desktop.services.portable import FileWriteError, read_file, write_file
from zwk_desktop.services.recovery import open_store
from zwk_desktop.validation import validate_draft


def run(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    """``zwk-desktop ARGS`` in this process: exit code, stdout, stderr. Anything raised out of
    main() is a crash and fails the test."""
    capsys.readouterr()
    try:
        code = main([str(a) for a in args])
    except SystemExit as exc:  # argparse
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_the_corpus_holds_every_case() -> None:
    for case in DRAFT_CASES:
        assert (CORPUS / case.name).is_file(), f"python -m tests.hostile schreibt {case.name}"
    assert (CORPUS / "pdf-bomb-package" / "bewerbung.pdf").is_file()


@pytest.mark.parametrize("case", DRAFT_CASES, ids=[c.name for c in DRAFT_CASES])
def test_validate_and_import_answer_every_case_in_german(
    case: Case, capsys: pytest.CaptureFixture[str]
) -> None:
    path = CORPUS / case.name
    code, out, err = run(capsys, "validate", path)
    assert code == case.exit_code, (out, err)
    assert "Traceback" not in out + err
    message = err if code == 2 else out
    assert case.phrase in message, message
    assert is_german_sentence(message)
    store = open_store()
    before = len(store.list_drafts())
    code, out, err = run(capsys, "drafts", "import", path)
    assert code == case.import_code, (out, err)
    assert "Traceback" not in out + err
    assert is_german_sentence(err if code else out)
    assert len(open_store().list_drafts()) == before + (1 if code == 0 else 0)


# --------------------------------------------------------------------------- the strict reader


def test_duplicate_keys_make_the_file_unreadable_naming_the_key() -> None:
    with pytest.raises(jsonread.JsonProblem) as info:
        jsonread.loads(b'{"data": {"einwohner": 2418, "einwohner": 9999999}}')
    text = str(info.value)
    assert "„einwohner“" in text and "2418" in text and "9999999" in text
    # Equal values twice are still ambiguous text; nested objects are checked too.
    with pytest.raises(jsonread.JsonProblem, match="„a“"):
        jsonread.loads('[{"x": {"a": 1, "a": 1}}]')


@pytest.mark.parametrize(
    "text",
    ["[NaN]", "[Infinity]", "[-Infinity]", "[1e999]", "[-1e400]", '{"a": 1E+9999}'],
)
def test_nan_and_infinities_are_rejected(text: str) -> None:
    with pytest.raises(jsonread.JsonProblem):
        jsonread.loads(text)
    assert jsonread.loads("[1e308, -0.0, 12.5]") == [1e308, -0.0, 12.5]


def test_lone_surrogates_in_values_and_keys_are_rejected() -> None:
    for text in ('["\\ud800"]', '{"\\udfff": 1}', '{"a": ["x", {"b": "\\udc00y"}]}'):
        with pytest.raises(jsonread.JsonProblem, match="ungültiges Zeichen"):
            jsonread.loads(text)
    assert jsonread.loads('["\\ud83d\\ude00"]') == ["😀"]  # a pair is a real character


def test_nesting_is_limited_without_recursion() -> None:
    ok = "[" * limits.MAX_JSON_DEPTH + "]" * limits.MAX_JSON_DEPTH
    jsonread.loads(ok)
    for depth in (limits.MAX_JSON_DEPTH + 1, 500, 980, 5000, 100_000):
        with pytest.raises(jsonread.JsonProblem, match="verschachtelt"):
            jsonread.loads("[" * depth + "]" * depth)


def test_counts_are_checked_before_parsing() -> None:
    many = "[" + ",".join(["{}"] * (limits.MAX_JSON_CONTAINERS + 1)) + "]"
    with pytest.raises(jsonread.JsonProblem, match="zu viele"):
        jsonread.loads(many)
    with pytest.raises(jsonread.JsonProblem, match="zu viele"):
        jsonread.loads("[" + ",".join(["0"] * (limits.MAX_JSON_SEPARATORS + 2)) + "]")
    with pytest.raises(jsonread.JsonProblem, match="höchstens"):
        jsonread.loads("[" + ",".join(["0"] * (limits.MAX_JSON_ARRAY + 1)) + "]")
    with pytest.raises(jsonread.JsonProblem, match="Stellen"):
        jsonread.loads("[" + "9" * 5000 + "]")


def test_a_double_bom_is_explained() -> None:
    raw = b"\xef\xbb\xbf\xef\xbb\xbf" + dumps(example())
    with pytest.raises(DraftError, match="zwei Byte-Order-Markierungen"):
        parse_draft(raw)
    assert parse_draft(b"\xef\xbb\xbf" + dumps(example())).title  # one BOM is fine


@pytest.mark.parametrize(
    ("value", "expected"),
    [("1", "„1“, ein Text"), (1.0, "1.0, eine Kommazahl"), (True, "true, ein Wahrheitswert"),
     (None, "None, keine Zahl"), ([1], "[1], keine Zahl")],
)  # fmt: skip
def test_a_format_version_of_the_wrong_type_says_what_is_wrong(
    value: object, expected: str
) -> None:
    env = example()
    env["format_version"] = value
    with pytest.raises(DraftError) as info:
        draft_from_json(env)
    assert expected in str(info.value) and "fehlt" not in str(info.value)
    del env["format_version"]
    with pytest.raises(DraftError, match="fehlt"):
        draft_from_json(env)


def test_unknown_top_level_keys_are_refused_by_name_never_dropped() -> None:
    env = example()
    env["herkunft"] = {"parent": "abc"}
    env["zusatz"] = 1
    with pytest.raises(DraftError) as info:
        draft_from_json(env)
    assert "„herkunft“" in str(info.value) and "„zusatz“" in str(info.value)
    # Format 2 (issue 16) declares lineage, comments and changes; format 1 does not have them.
    one = {k: v for k, v in example().items() if k not in ("lineage", "comments", "changes")}
    one["format_version"] = 1
    draft_from_json(one)
    one["lineage"] = {"parent": "abc"}
    with pytest.raises(DraftError, match="„lineage“"):
        draft_from_json(one)
    # Format 0 has its own top-level keys; an unknown one there is refused as well.
    old = json.loads((Path(__file__).parent / "fixtures" / "format-0-lindenhagen.zwk").read_text())
    draft_from_json(old)
    old["geheim"] = True
    with pytest.raises(DraftError, match="„geheim“"):
        draft_from_json(old)


def test_the_store_reads_what_it_wrote() -> None:
    store = open_store()
    draft_id = store.create(draft_from_json(example()))
    assert store.load(draft_id).draft.title == "Gemeinde Lindenhagen am See"


def test_import_refuses_a_form_that_validate_refuses(tmp_path: Path) -> None:
    env = example()
    env["form"]["id"] = "../../etc/passwd"
    path = tmp_path / "fremd.zwk"
    path.write_bytes(dumps(env))
    with pytest.raises(DraftError, match="nicht enthalten"):
        read_file(path)


def test_special_files_are_not_read(tmp_path: Path) -> None:
    import os

    fifo = tmp_path / "pipe.zwk"
    os.mkfifo(fifo)
    started = time.monotonic()
    with pytest.raises(DraftError, match="keine gewöhnliche Datei"):
        read_file(fifo)
    assert time.monotonic() - started < 5  # never waits for a writer
    with pytest.raises(DraftError, match="keine gewöhnliche Datei"):
        read_file(Path("/dev/zero"))


# --------------------------------------------------------------------------- lists, amounts


def test_a_list_beyond_the_forms_limit_is_one_finding_and_no_per_item_work() -> None:
    env = example()
    item = {"art": "sonstiges", "titel": "", "datei": "x.pdf", "sha256": "0" * 64, "groesse": 1}
    env["data"]["anlagen"] = [dict(item) for _ in range(5000)]
    report = validate_draft(get_form(), draft_from_json(env))
    too_many = [f for f in report.findings if f.code == "max_items"]
    assert [(f.path, f.params) for f in too_many] == [("anlagen", {"count": 5000, "max": 50})]
    indices = {int(f.path.split("[")[1].split("]")[0]) for f in report.findings if "[" in f.path}
    assert indices and max(indices) < 50


def test_every_list_of_the_form_has_a_limit() -> None:
    spec = get_form()
    for path, f in spec.fields_by_path.items():
        if f.type == "list" and f.fixed_rows is None:  # fixed rows have their own rule
            assert f.max_items is not None and f.max_items <= limits.MAX_LIST_ITEMS, path


def test_huge_amounts_are_findings_not_crashes() -> None:
    env = example()
    env["data"]["finanzplan"]["posten"][0]["betraege"]["2022"] = "1" + "0" * 40 + ".00"
    report = validate_draft(get_form(), draft_from_json(env))
    assert not report.valid


# --------------------------------------------------------------------------- one set of limits


def test_the_largest_draft_the_limits_allow_fits_into_a_readable_file() -> None:
    policy = get_form().policy
    assert policy.attachment_max_bytes.value <= policy.attachments_max_total_bytes.value
    assert policy.attachments_max_total_bytes.value <= limits.ATTACHMENTS_CEILING_BYTES
    largest = limits.base64_length(limits.ATTACHMENTS_CEILING_BYTES) + limits.MAX_DATA_BYTES
    assert largest <= MAX_DRAFT_BYTES


def _pdf(size: int, seed: int) -> bytes:
    head = b"%PDF-1.7\n%" + str(seed).encode() + b"\n"
    return head + bytes(size - len(head))


def test_adding_attachments_stops_at_the_total_limit_and_the_file_reads_back(
    tmp_path: Path,
) -> None:
    spec = get_form()
    env = example()
    env["data"]["anlagen"] = []
    env.pop("files", None)
    session = EditSession(spec, draft_from_json(env))
    per_file = spec.policy.attachment_max_bytes.value - 1000
    added = 0
    with pytest.raises(AttachmentRejected) as info:
        for n in range(6):  # six attachments of 9 MB each: 54 MB, more than allowed
            session.add_attachment(f"anlage{n}.pdf", _pdf(per_file, n))
            added += 1
    assert info.value.reason == "total_too_large"
    assert added == spec.policy.attachments_max_total_bytes.value // per_file
    path = tmp_path / "gross.zwk"
    write_file(session.draft, path)  # what the program writes ...
    assert read_file(path).draft.files == session.draft.files  # ... it reads


def test_a_draft_too_large_for_a_file_is_refused_when_written(tmp_path: Path) -> None:
    env = example()
    big = bytes(MAX_DRAFT_BYTES * 3 // 4 + limits.MIB)
    sha = hashlib.sha256(big).hexdigest()
    env["files"] = {sha: base64.b64encode(big).decode()}
    draft = draft_from_json(env)
    with pytest.raises(FileWriteError, match="zu groß"):
        write_file(draft, tmp_path / "x.zwk")
    assert not (tmp_path / "x.zwk").exists()


# --------------------------------------------------------------------------- bounded checks


def test_the_odt_check_reads_only_the_start_of_mimetype() -> None:
    from hostile import bzip2_zip_bomb, zip_bomb

    started = time.process_time()
    assert detect_kind(zip_bomb(2048)) is None  # 2 GB of zeros behind 2 MB
    assert detect_kind(bzip2_zip_bomb(64)) is None  # bzip2 is no office format
    assert time.process_time() - started < 2


def test_a_real_odt_is_still_recognised() -> None:
    import io
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "<office:document-content/>")
    assert detect_kind(buf.getvalue()) == "odt"
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
    assert detect_kind(buf.getvalue()) == "odt"


def test_a_zip_bomb_attachment_is_a_finding(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """The case of the issue: a DOCX/ODT check inflating 2 GB of ``mimetype`` (2.8 MB file)."""
    from hostile import zip_bomb

    path = tmp_path / "bombe.zwk"
    envelope = with_attachment(load_example("gemeinde-lindenhagen.zwk"), zip_bomb(2048), "b.odt")
    path.write_bytes(dumps(envelope))
    started = time.process_time()
    code, out, err = run(capsys, "validate", path)
    assert code == 1 and "Die Anlage „b.odt“" in out, (out, err)
    assert time.process_time() - started < 5
