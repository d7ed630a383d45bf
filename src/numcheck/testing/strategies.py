"""Hypothesis strategies: documents with known claims and the findings they must produce.

Editorial tooling built on numcheck can property-test itself with these::

    from hypothesis import given
    from numcheck.testing.strategies import agreeing_scenarios

    @given(agreeing_scenarios())
    def test_my_pipeline_stays_quiet(scenario):
        assert not my_pipeline(scenario.documents).findings

A ``Scenario`` holds the documents and the quotes of each finding numcheck must report
(none for agreeing rewordings). Sentences come from templates whose measures,
places and figures vary; the renderings of one figure (separators, words, scale words,
qualifier synonyms, units) are what numcheck must see through.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from hypothesis import strategies as st

from numcheck.api import document
from numcheck.documents.model import Document
from numcheck.language.words import number_words

_SMALL = number_words().cardinals_between(0, 20)

# (counted noun, sentence template) — {figure} is replaced by the rendered figure.
_COUNT_TEMPLATES = [
    ("homes", "The flood destroyed {figure} homes in the valley."),
    ("attacks", "Militias have carried out {figure} attacks on the base since March."),
    ("lawmakers", "A letter signed by {figure} lawmakers reached the speaker."),
    ("workers", "The factory employs {figure} workers in the region."),
]
_QUALIFIER_SYNONYMS = {
    "about": ["about", "some", "around", "roughly", "approximately"],
    "more-than": ["more than", "over"],
    "exact": [""],
}
_MONTHS = list(calendar.month_name)[1:]


@dataclass(frozen=True)
class Scenario:
    """Documents, and the quotes of each finding they must produce (in any order)."""

    documents: tuple[Document, ...]
    findings: tuple[tuple[str, ...], ...] = ()


def renderings(value: int) -> st.SearchStrategy[str]:
    """Ways a newsroom writes the integer ``value``: 2500, 2,500, 2.5 thousand, twelve."""
    options = [str(value), f"{value:,}"]
    if value <= 20:
        options.append(_SMALL[value])
    for scale, word in ((1_000_000, "million"), (1_000, "thousand")):
        if value >= scale and (value * 10) % scale == 0:
            options.append(f"{value / scale:g} {word}")
    return st.sampled_from(options)


def _published() -> st.SearchStrategy[dt.date]:
    return st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2030, 12, 31))


@st.composite
def agreeing_scenarios(draw: st.DrawFn) -> Scenario:
    """Two documents stating one figure in different words: no finding."""
    _, template = draw(st.sampled_from(_COUNT_TEMPLATES))
    value = draw(st.integers(min_value=2, max_value=20) | st.sampled_from([2500, 12000, 3_000_000]))
    qualifier = draw(st.sampled_from(sorted(_QUALIFIER_SYNONYMS)))
    published = draw(_published())
    texts = []
    for _ in range(2):
        word = draw(st.sampled_from(_QUALIFIER_SYNONYMS[qualifier]))
        figure = f"{word} {draw(renderings(value))}".strip()
        texts.append(template.format(figure=figure))
    docs = tuple(
        document(text, id=f"doc-{i}", published=published + dt.timedelta(days=i))
        for i, text in enumerate(texts)
    )
    return Scenario(docs)


@st.composite
def conflicting_scenarios(draw: st.DrawFn) -> Scenario:
    """Two documents a day apart whose figures for one measure differ at least twofold."""
    noun, template = draw(st.sampled_from(_COUNT_TEMPLATES))
    low = draw(st.integers(min_value=3, max_value=400))
    high = draw(st.integers(min_value=2 * low + 1, max_value=10 * low))
    published = draw(_published())
    figures = [f"{low:,}", f"{high:,}"]  # news style: 1,000 lawmakers
    if draw(st.booleans()):
        figures.reverse()
    docs = tuple(
        document(
            template.format(figure=figure),
            id=f"doc-{i}",
            published=published + dt.timedelta(days=i),
        )
        for i, figure in enumerate(figures)
    )
    return Scenario(docs, ((f"{figures[0]} {noun}", f"{figures[1]} {noun}"),))


@st.composite
def unit_scenarios(draw: st.DrawFn) -> Scenario:
    """One length in kilometres and in metres: no finding."""
    km = draw(st.integers(min_value=1, max_value=900))
    published = draw(_published())
    texts = [f"The new road is {km} km long.", f"The new road is {km * 1000:,} m long."]
    docs = tuple(document(t, id=f"doc-{i}", published=published) for i, t in enumerate(texts))
    return Scenario(docs)


@st.composite
def shifted_date_scenarios(draw: st.DrawFn) -> Scenario:
    """One event that happens once (a killing) dated on two different days by two
    documents: one finding. (An arrest or a meeting told on two days is two.)"""
    day = draw(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2029, 12, 1)))
    shift = draw(st.integers(min_value=1, max_value=10))
    other = day + dt.timedelta(days=shift)
    name = draw(st.sampled_from(["Halvorsen", "Okonkwo-Reyes", "Vantongeren"]))

    def written(when: dt.date) -> str:
        return f"{_MONTHS[when.month - 1]} {when.day}, {when.year}"

    texts = [
        f"Minister {name} was killed in the capital on {written(day)}.",
        f"Police said {name} was killed on {written(other)}.",
    ]
    published = max(day, other) + dt.timedelta(days=2)
    docs = tuple(document(t, id=f"doc-{i}", published=published) for i, t in enumerate(texts))
    return Scenario(docs, ((written(day), written(other)),))


def scenarios() -> st.SearchStrategy[Scenario]:
    """Any scenario: agreeing, conflicting, unit-converted or date-shifted."""
    return st.one_of(
        agreeing_scenarios(), conflicting_scenarios(), unit_scenarios(), shifted_date_scenarios()
    )
