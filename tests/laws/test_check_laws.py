"""Laws of checking: findings do not depend on document order."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

import numcheck

FIGURES = st.sampled_from(["120", "about 120", "more than 300", "nearly 100", "310", "dozens of"])
DAYS = st.integers(min_value=0, max_value=20)


@st.composite
def newsroom(draw: st.DrawFn) -> list[numcheck.Document]:
    count = draw(st.integers(min_value=1, max_value=4))
    docs = []
    for i in range(count):
        figure = draw(FIGURES)
        day = dt.date(2024, 3, 1) + dt.timedelta(days=draw(DAYS))
        text = f"The flood destroyed {figure} homes in the valley since March 1."
        docs.append(numcheck.document(text, id=f"doc-{i}", published=day))
    return docs


@settings(max_examples=40, deadline=None)
@given(docs=newsroom(), data=st.data())
def test_findings_do_not_depend_on_document_order(
    docs: list[numcheck.Document], data: st.DataObject
) -> None:
    shuffled = data.draw(st.permutations(docs))
    first = numcheck.check(docs).findings
    second = numcheck.check(shuffled).findings
    assert [f.model_dump() for f in first] == [f.model_dump() for f in second]
