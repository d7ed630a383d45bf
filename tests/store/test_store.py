"""The claim store: index once, check drafts against it with the same findings as in memory."""

from __future__ import annotations

import json
import re
import sqlite3
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

import pytest
from claimkit import SINCE_OCTOBER, count, event_date

from numcheck.api import check, index
from numcheck.claims import Claim
from numcheck.cli import main
from numcheck.documents.model import Document, DocumentStatus
from numcheck.extract import pipeline
from numcheck.findings import Finding
from numcheck.rules.engine import run_rules
from numcheck.rules.load import RulePack, load_rules
from numcheck.store import ClaimStore, StoreError, fingerprint
from numcheck.vocabulary import Vocabulary


@pytest.fixture(scope="module")
def pack() -> RulePack:
    return load_rules()


def put_claims(store: ClaimStore, pack: RulePack, claims: Iterable[Claim]) -> None:
    """Store claims as if each document were a file of its own."""
    by_document: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        by_document[claim.document].append(claim)
    with store.writing(pack) as writer:
        for document, found in by_document.items():
            writer.put(document, "hash", [DocumentStatus(id=document, source=document)], found)


def dumped(findings: list[Finding]) -> list[dict[str, object]]:
    return [f.model_dump(mode="json") for f in findings]


ARCHIVE = [
    count("archive-jan", 110, qualifier="more-than", window=SINCE_OCTOBER),
    count("archive-jan", 2500, at=50, head="home"),
    count("archive-old", 300, published=None),
    event_date("archive-kill", "2020-01-03"),
    event_date("archive-kill", "2020-01-03", at=40, weekday=4),  # a Friday: wrong, not a draft
]
DRAFT = [
    count("draft", 300, qualifier="more-than", window=SINCE_OCTOBER),
    count("draft", 900, at=40, head="home"),
    event_date("draft", "2020-01-02", at=80),
]


def test_store_gives_the_findings_of_the_in_memory_check(tmp_path: Path, pack: RulePack) -> None:
    with ClaimStore(tmp_path / "claims.sqlite", create=True) as store:
        put_claims(store, pack, ARCHIVE)
        from_store = run_rules(DRAFT, pack, archive=store)
    in_memory = run_rules([*DRAFT, *ARCHIVE], pack, frozenset({"draft"}))
    assert dumped(from_store) == dumped(in_memory)
    assert {f.rule for f in from_store} == {"value-conflict", "event-date-conflict"}
    assert all(any(e.document == "draft" for e in f.evidence) for f in from_store)


def test_archive_claims_of_a_document_being_checked_are_not_used_twice(
    tmp_path: Path, pack: RulePack
) -> None:
    with ClaimStore(tmp_path / "claims.sqlite", create=True) as store:
        put_claims(store, pack, [*ARCHIVE, count("draft", 5000, at=40, head="home")])
        from_store = run_rules(DRAFT, pack, archive=store)
    assert dumped(from_store) == dumped(run_rules([*DRAFT, *ARCHIVE], pack, frozenset({"draft"})))


def test_store_holds_claims_as_they_were(tmp_path: Path, pack: RulePack) -> None:
    with ClaimStore(tmp_path / "claims.sqlite", create=True) as store:
        put_claims(store, pack, ARCHIVE)
        assert sorted(store.claims(), key=lambda c: (c.document, c.start)) == sorted(
            ARCHIVE, key=lambda c: (c.document, c.start)
        )


def test_another_schema_version_is_a_one_line_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "claims.sqlite"
    ClaimStore(path, create=True).close()
    with sqlite3.connect(path) as db:
        db.execute("UPDATE meta SET value = '99' WHERE name = 'schema'")
    with pytest.raises(StoreError, match="schema version 99"):
        ClaimStore(path)
    draft = tmp_path / "d.txt"
    draft.write_text("Nothing to see.", encoding="utf-8")
    assert main(["check", str(draft), "--store", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "schema version 99" in err


def test_a_file_that_is_not_a_store_and_a_missing_store_are_errors(tmp_path: Path) -> None:
    junk = tmp_path / "junk.sqlite"
    junk.write_text("not a database", encoding="utf-8")
    with pytest.raises(StoreError, match="not a numcheck claim store"):
        ClaimStore(junk)
    with pytest.raises(StoreError, match="no such claim store"):
        ClaimStore(tmp_path / "missing.sqlite")


def test_a_store_keyed_with_other_rules_is_refused(tmp_path: Path, pack: RulePack) -> None:
    path = tmp_path / "claims.sqlite"
    with ClaimStore(path, create=True) as store:
        put_claims(store, pack, ARCHIVE)
    fewer = RulePack(tuple(r for r in pack.rules if r.id != "event-date-conflict"))
    with ClaimStore(path) as store:
        with pytest.raises(StoreError, match="another rule pack"):
            store.require(fewer)
        with store.writing(fewer, rebuild=True):
            pass
        assert store.count("claims") == 0
        store.require(fewer)


# -- indexing files -------------------------------------------------------------------


def numbers_as_attacks(doc: Document, vocabulary: Vocabulary) -> list[Claim]:
    """A stand-in extractor: every number in the text counts attacks."""
    if "BROKEN" in doc.text:
        raise ValueError("cannot read this one")
    return [
        count(doc.id, float(m.group()), at=m.start(), published=doc.published)
        for m in re.finditer(r"\d+", doc.text)
    ]


@pytest.fixture()
def extractor(monkeypatch: pytest.MonkeyPatch) -> None:
    # Every batch (index, check) extracts through the pipeline's one entry point.
    monkeypatch.setattr(pipeline, "extract_claims", numbers_as_attacks)


def write(path: Path, published: str, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\npublished: {published}\n---\n{text}\n", encoding="utf-8")
    return path


@pytest.mark.usefixtures("extractor")
def test_index_then_check_equals_checking_against_the_files(tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    write(archive / "a.md", "2024-01-05", "Rebels attacked the base 110 times.")
    write(archive / "b.md", "2024-01-06", "There were 300 attacks on the base.")
    draft = write(tmp_path / "draft.md", "2024-01-07", "Now 2500 attacks on the base, after 112.")
    store = tmp_path / "claims.sqlite"
    result = index([archive], store)
    assert (result.documents, result.claims, result.unchanged, result.errors) == (2, 2, 0, [])
    from_store = check([draft], store=store)
    from_files = check([draft], against=[archive])
    assert from_store.findings and dumped(list(from_store.findings)) == dumped(
        list(from_files.findings)
    )
    assert [d.id for d in from_store.documents] == [str(draft)]


@pytest.mark.usefixtures("extractor")
def test_unchanged_files_are_skipped_and_changed_files_replace_their_claims(
    tmp_path: Path,
) -> None:
    archive = tmp_path / "archive"
    write(archive / "a.md", "2024-01-05", "Rebels attacked the base 110 times.")
    changing = write(archive / "b.md", "2024-01-06", "There were 300 and 310 attacks on the base.")
    path = tmp_path / "claims.sqlite"
    index([archive], path)
    again = index([archive], path)
    assert (again.documents, again.unchanged) == (0, 2)
    write(changing, "2024-01-06", "There were 120 attacks.")
    changed = index([archive], path)
    assert (changed.documents, changed.claims, changed.unchanged) == (1, 1, 1)
    with ClaimStore(path) as store:
        assert sorted(c.stated or 0 for c in store.claims()) == [110, 120]
        assert store.count("documents") == 2
        assert store.count("claim_keys") == 2  # the replaced claims' keys are gone too


@pytest.mark.usefixtures("extractor")
def test_cli_index_reports_counts_and_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    archive = tmp_path / "archive"
    write(archive / "a.md", "2024-01-05", "Rebels attacked the base 110 times.")
    write(archive / "bad.md", "2024-01-05", "BROKEN 7")
    (archive / "latin1.txt").write_bytes("caf\xe9 5".encode("latin-1"))
    store = tmp_path / "claims.sqlite"
    assert main(["index", str(archive), "--store", str(store)]) == 2
    out, err = capsys.readouterr()
    assert out.startswith("indexed 1 documents (1 claims)") and "2 errors" in out
    assert "bad.md: error: extraction failed" in err and "latin1.txt: error: not UTF-8" in err
    # Unchanged files are not read again, and their errors are still reported.
    assert main(["index", str(archive), "--store", str(store)]) == 2
    out, err = capsys.readouterr()
    assert "3 files unchanged; 2 errors" in out and "bad.md: error: extraction failed" in err
    draft = write(tmp_path / "draft.md", "2024-01-06", "There were 300 attacks on the base.")
    assert main(["check", str(draft), "--store", str(store), "--format", "json"]) == 1


@pytest.mark.usefixtures("extractor")
def test_check_combines_the_store_with_against(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path / "archive" / "a.md", "2024-01-05", "Rebels attacked the base 110 times.")
    today = write(tmp_path / "today" / "t.md", "2024-01-06", "Rebels attacked 900 times.")
    draft = write(tmp_path / "draft.md", "2024-01-07", "There were 300 attacks on the base.")
    store = tmp_path / "claims.sqlite"
    assert main(["index", str(tmp_path / "archive"), "--store", str(store)]) == 0
    capsys.readouterr()
    args = ["check", str(draft), "--store", str(store), "--against", str(today)]
    assert main([*args, "--format", "json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert [d["id"] for d in report["documents"]] == [str(draft), str(today)]
    # One draft figure, one finding: the archive claims (store and --against) by date.
    quoted = [[e["quote"] for e in f["evidence"]] for f in report["findings"]]
    assert quoted == [["300", "110", "900"]]


def test_the_examples_give_the_same_findings_from_the_store(tmp_path: Path) -> None:
    examples = Path(__file__).resolve().parents[2] / "examples"
    store = tmp_path / "claims.sqlite"
    assert index([examples / "archive"], store).errors == []
    from_store = check([examples / "drafts"], store=store).findings
    from_files = check([examples / "drafts"], against=[examples / "archive"]).findings
    assert from_store and dumped(list(from_store)) == dumped(list(from_files))


def test_a_store_extracted_by_another_numcheck_is_refused(
    tmp_path: Path, pack: RulePack, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An upgrade that changes extraction (its version, data files or parser) re-indexes."""
    path = tmp_path / "claims.sqlite"
    with ClaimStore(path, create=True) as store:
        put_claims(store, pack, ARCHIVE)
    monkeypatch.setattr(fingerprint, "extraction_fingerprint", lambda: "numcheck 99/new data")
    with ClaimStore(path) as store, pytest.raises(StoreError, match="--rebuild"):
        store.require(pack)
