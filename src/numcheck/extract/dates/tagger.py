"""Temporal expressions in running text, normalized to TIMEX3 (see ``mentions.Timex``).

The tagger reads the text once: the recognizer (``patterns``) finds the spans, the
resolver (``resolve``) turns each into a TIMEX3 value in order of appearance so
that later expressions can count from earlier dates (``anchor``), and the window
pass (``windows``) marks dates that bound an interval.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import replace

from numcheck.extract.dates.anchor import AnchorMemory, day_of
from numcheck.extract.dates.patterns import recognize
from numcheck.extract.dates.resolve import Context, resolve
from numcheck.extract.dates.tense import Sentences
from numcheck.extract.dates.windows import add_windows
from numcheck.extract.mentions import Timex
from numcheck.extract.quantities.exclusions import counts_things
from numcheck.language.temporal import lexicon

# What may precede a dateline's date: a label ("date", "Published") or a place
# ("WASHINGTON,", "NAIROBI, Kenya (AP) _").
_DATELINE_LEAD = re.compile(
    r"\s*(?:(?i:date[d]?|published|updated|posted|first\s+published)(?:\s+on)?\s*:?\s*"
    r"|[A-Z][A-Za-z.'’ -]{1,40},\s*(?:[A-Z][A-Za-z.' ]{1,30},?\s*)?(?:\([^)]{1,20}\)\s*)?"
    r"(?:[_—–-]+\s*)?)?"
)


def tag_dates(text: str, dct: dt.date | None = None) -> list[Timex]:
    """Every temporal expression in ``text``, resolved against the publication date ``dct``.

    Without ``dct`` relative expressions ("yesterday") come back with ``resolved=False``
    and X in the unknown places; absolute dates and dates relative to them still resolve.
    """
    sentences = Sentences(text)
    memory = AnchorMemory()
    lx = lexicon()
    found: list[Timex] = []
    for cand in recognize(text):
        timex = resolve(Context(text, dct, sentences, memory, cand, lx))
        if timex is None or (timex.type == "DATE" and counts_things(text, timex.start, timex.end)):
            continue
        found.append(timex)
        if timex.anchor == "text" and "-Q" in timex.value:
            continue  # "a year earlier", "that quarter": the quarter under discussion stays
        if timex.type in ("DATE", "TIME") and timex.resolved and timex.value[:1].isdigit():
            start, end = sentences.bounds(timex.start)
            memory.remember(timex.value, text[start:end], timex.start)
    return add_windows(text, _times_on_their_dates(text, found), dct)


_TIME_DATE_GAP = re.compile(r"[ \t]*,?[ \t]*(?:on[ \t]+)?")
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _times_on_their_dates(text: str, found: list[Timex]) -> list[Timex]:
    """A time of day followed by its date ("at 10:15 p.m. on Dec. 31, 2017") falls on that
    date, not on the publication date or an earlier date of the text it was read against
    alone ("left at 12:05 am, January 1, and landed at 9:45 am on December 31")."""
    out = list(found)
    for i, (time, date) in enumerate(itertools.pairwise(found)):
        if (
            time.type == "TIME"
            and "T" in time.value
            and (time.anchor is not None or time.value.startswith("X"))
            and date.type == "DATE"
            and _DAY.fullmatch(date.value)
            and _TIME_DATE_GAP.fullmatch(text, time.end, date.start)
        ):
            clock = time.value.split("T", 1)[1]
            out[i] = replace(time, value=f"{date.value}T{clock}", anchor=date.anchor)
    return out


def find_dateline(text: str) -> dt.date | None:
    """The publication date stated at the very start of ``text``, if any.

    Accepts "date 2020-01-07", "Published 5 January 2024", "WASHINGTON, Jan. 5, 2024 —":
    a full date that is the first thing after an optional label or place name.
    """
    for timex in tag_dates(text[:120]):
        if not _DATELINE_LEAD.fullmatch(text, 0, timex.start):
            return None
        return day_of(timex.value) if timex.resolved else None
    return None
