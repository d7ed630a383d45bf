"""Adapters for ``score_dates.py``: numcheck's tagger and the dateparser baseline.

Both take ``(text, dct)`` with dct "YYYY-MM-DD" (a time part is ignored) and return
``(start, end, TIMEX3 type, value)`` tuples, so one scorer measures both in one run.
"""

from __future__ import annotations

import datetime as dt

from numcheck.extract.dates import tag_dates


def _dct(dct: str) -> dt.date:
    return dt.date.fromisoformat(dct[:10])


def dates(text: str, dct: str) -> list[tuple[int, int, str, str]]:
    """numcheck's temporal tagger."""
    return [(t.start, t.end, t.type, t.value) for t in tag_dates(text, _dct(dct))]


def dateparser_baseline(text: str, dct: str) -> list[tuple[int, int, str, str]]:
    """``dateparser.search.search_dates`` relative to the DCT, every hit a DATE (the
    baseline the issue cites; dateparser is a dev dependency only)."""
    from dateparser.search import search_dates

    base = dt.datetime.combine(_dct(dct), dt.time())
    found = search_dates(text, languages=["en"], settings={"RELATIVE_BASE": base}) or []
    out: list[tuple[int, int, str, str]] = []
    cursor = 0
    for surface, when in found:
        start = text.find(surface, cursor)
        if start < 0:
            start = text.find(surface)
        if start < 0:
            continue
        cursor = start + len(surface)
        out.append((start, start + len(surface), "DATE", when.date().isoformat()))
    return out
