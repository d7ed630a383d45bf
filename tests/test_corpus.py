"""The mission's example: five real articles and what a good checker finds in them.

Reads ../shared/corpus/iraq-us-troops (never copied into the project) with the
publication dates of its expected.yaml.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

import numcheck
from numcheck import Claim, Finding, Kind
from numcheck.documents import load_paths


@cache
def _setup(corpus: Path) -> tuple[dict[str, Any], dict[str, numcheck.Document], numcheck.Report]:
    expected = yaml.safe_load((corpus / "expected.yaml").read_text(encoding="utf-8"))
    meta = {name: {"published": v["published"]} for name, v in expected["documents"].items()}
    loaded = load_paths([corpus], meta)
    docs = {Path(d.source).name: d for d in loaded.documents}
    report = numcheck.check(list(docs.values()))
    return expected, docs, report


@pytest.fixture(scope="module")
def corpus(
    corpus_dir: Path,
) -> tuple[dict[str, Any], dict[str, numcheck.Document], numcheck.Report]:
    return _setup(corpus_dir)


def _locate(doc: numcheck.Document, quote: str) -> tuple[int, int]:
    start = doc.text.find(quote)
    assert start >= 0, f"{quote!r} not in {doc.source}"
    return start, start + len(quote)


def _claims_at(claims: list[Claim], span: tuple[int, int]) -> list[Claim]:
    return [c for c in claims if c.span.start < span[1] and span[0] < c.span.end]


def _value_ok(claim: Claim, spec: dict[str, Any]) -> bool:
    value = spec["value"]
    if claim.kind in (Kind.DATE,):
        return claim.timex == str(value)
    if claim.kind is Kind.DURATION:
        return claim.timex == value or (claim.stated is not None and f"P{claim.stated:g}Y" == value)
    if isinstance(value, list):
        return claim.value is not None and (claim.value.low, claim.value.high) == tuple(value)
    return claim.stated == float(value)


def test_claims_extracted_with_kind_and_value(corpus: Any) -> None:
    expected, docs, _ = corpus
    extracted = {name: numcheck.extract(doc) for name, doc in docs.items()}
    misses = []
    for spec in expected["claims"]:
        doc = docs[spec["doc"]]
        span = _locate(doc, spec["quote"])
        found = [
            c
            for c in _claims_at(extracted[spec["doc"]], span)
            if c.kind.value == spec["kind"] and _value_ok(c, spec)
        ]
        if not found:
            misses.append(f"{spec['doc']}: {spec['quote']!r}")
    share = 1 - len(misses) / len(expected["claims"])
    assert share >= 0.9, f"{share:.0%} of claims right; missed: {misses}"


def test_no_identifier_ordinal_or_date_read_as_count(corpus: Any) -> None:
    expected, docs, _ = corpus
    for spec in expected["not_counts"]:
        doc = docs[spec["doc"]]
        claims = _claims_at(numcheck.extract(doc), _locate(doc, spec["quote"]))
        counts = [c.quote for c in claims if c.kind is Kind.COUNT]
        assert not counts, f"{spec['quote']!r} ({spec['why']}) read as a count: {counts}"


def _involves(finding: Finding, docs: dict[str, numcheck.Document], ref: str) -> bool:
    name, quote = (part.strip() for part in ref.split(":", 1))
    span = _locate(docs[name], quote)
    return any(
        e.document == docs[name].id and e.start < span[1] and span[0] < e.end
        for e in finding.evidence
    )


def test_must_flag_pairs_are_reported_with_caveats(corpus: Any) -> None:
    expected, docs, report = corpus
    for pair in expected["must_flag"]:
        hits = [f for f in report.findings if all(_involves(f, docs, r) for r in pair["claims"])]
        assert hits, f"not flagged: {pair['claims']}"
        caveats = " ".join(hits[0].caveats)
        assert hits[0].category.value == "possible-update"
        assert "different dates" in caveats
        assert "places differ" in caveats and "windows differ" in caveats


def test_must_not_flag_pairs_are_not_reported(corpus: Any) -> None:
    expected, docs, report = corpus
    for pair in expected["must_not_flag"]:
        hits = [f for f in report.findings if all(_involves(f, docs, r) for r in pair["claims"])]
        assert not hits, f"flagged ({pair['why']}): {[f.message for f in hits]}"


def test_publication_dates_come_from_metadata(corpus: Any) -> None:
    expected, docs, _ = corpus
    for name, doc in docs.items():
        assert doc.published == dt.date.fromisoformat(str(expected["documents"][name]["published"]))
