"""Laws of extraction: it never raises, and every claim's offsets slice to its quote."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import numcheck

NEWSY = st.lists(
    st.sampled_from(
        [
            "more than",
            "about",
            "nearly",
            "at least",
            "some",
            "110",
            "2,500",
            "two",
            "dozens of",
            "$85 billion",
            "5 km",
            "12%",
            "on Sunday",
            "January 3, 2020",
            "since October",
            "attacks",
            "troops",
            "were killed",
            "No. 18",
            "the fourth anniversary",
            ".",
            ",",
            "\n\n",
            "Feb. 30",
            "in 1066",
            "9999",
            "yesterday",
            "four years ago",
            "(",
            "—",
        ]
    ),
    max_size=30,
).map(" ".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.one_of(st.text(max_size=300), NEWSY), published=st.none() | st.dates())
def test_extraction_never_raises_and_offsets_slice_to_quotes(text: str, published) -> None:  # type: ignore[no-untyped-def]
    for claim in numcheck.extract(text, published=published):
        assert text[claim.span.start : claim.span.end] == claim.quote
        assert claim.sentence_start <= claim.span.start
