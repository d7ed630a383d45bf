"""Issue 13: ordinary sentences that crashed extraction (one test per crash)."""

from __future__ import annotations

import pytest

import numcheck
from numcheck.documents.load import readable


@pytest.mark.parametrize(
    "sentence",
    [
        "Temperatures fell to -6 in the capital.",
        "It was minus 6 in Oslo on Monday.",
        "Shares fell -0.5 in early trading.",
    ],
)
def test_issue13_negative_figure_before_in(sentence: str) -> None:
    claims = numcheck.extract(sentence)
    figures = [c for c in claims if c.value is not None and c.kind.value != "date"]
    assert figures and figures[0].value is not None and figures[0].value.high < 0


def test_issue13_share_of_a_whole_still_reads() -> None:
    (claim,) = [c for c in numcheck.extract("One in 5 voters stayed home.") if c.value]
    assert claim.value is not None and claim.value.low == pytest.approx(0.2)


@pytest.mark.parametrize(
    "text",
    ["9" * 309 + "/3 of the vote", "3 " + "9" * 309 + "/7 people", "9" * 309 + "/3 mGy dose"],
)
def test_issue13_huge_numerator(text: str) -> None:
    # An infinite figure is no amount: nothing to compare, and no crash.
    assert all(c.value is None or c.kind.value == "date" for c in numcheck.extract(text))


@pytest.mark.parametrize(
    "text",
    [
        "9" * 4301 + "/7 people",
        "1/" + "9" * 4301,
        "1e" + "9" * 5000 + " km",
        "2 x 10^" + "9" * 4400,
    ],
)
def test_issue13_int_conversion_limit(text: str) -> None:
    numcheck.extract(text)


def test_issue13_lone_surrogate_keeps_offsets() -> None:
    text = "Five people \ud800 died, and 7 were hurt."
    doc = numcheck.document(text)
    assert doc.text == readable(text) and len(doc.text) == len(text)
    claims = numcheck.extract(doc)
    assert [c.quote for c in claims if c.quote.startswith("7")]
    for claim in claims:
        claim.quote.encode("utf-8")  # printable in every report
        assert doc.text[claim.span.start : claim.span.end] == claim.quote
