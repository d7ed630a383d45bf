"""Raw mentions found in text, before they become claims.

The extractors (``quantities``, ``dates``) return these plain, immutable records; the
claim builder (``numcheck.extract.claims``) adds measure, scope and document context.
Keeping them apart lets each extractor be benchmarked on its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

NumberKind = Literal["count", "quantity", "money", "percent", "duration", "ordinal", "identifier"]
Change = Literal["up", "down"]
TimexType = Literal["DATE", "TIME", "DURATION", "SET"]


@dataclass(frozen=True, slots=True)
class QuantityMention:
    """One number in text, read as an interval.

    ``start``/``end`` index the text given to the extractor; ``text[start:end]`` is the
    quote (qualifier, figure and unit: "more than 110 occasions", "$85 billion").
    ``low``/``high`` are the strict interval (``None`` = unbounded); ``stated`` is the
    figure as written (the lower figure of a range, whose upper one is ``stated_high``).
    ``qualifier`` is one of the names in ``numcheck/data/qualifiers.yaml`` ("exact",
    "about", "more-than", "at-least", "less-than", "at-most", "nearly", "up-to",
    "range", "vague"...). ``unit`` is a pint unit name ("kilometer", "percent",
    "percentage_point"), an ISO 4217 code for money ("USD"), or ``None`` for a count.
    ``noun``/``noun_start``/``noun_end`` name what is counted for counts ("occasions",
    "soldiers"), singular lemma in ``noun_lemma``.
    """

    start: int
    end: int
    text: str
    kind: NumberKind
    stated: float
    low: float | None
    high: float | None
    low_inclusive: bool = True
    high_inclusive: bool = True
    qualifier: str = "exact"
    stated_high: float | None = None
    unit: str | None = None
    unit_text: str | None = None
    change: Change | None = None
    noun: str | None = None
    noun_lemma: str | None = None
    noun_start: int | None = None
    noun_end: int | None = None


@dataclass(frozen=True, slots=True)
class Timex:
    """One temporal expression, normalized as TIMEX3.

    ``value`` is the TIMEX3 value ("2020-01-05", "2021-07", "2014", "2024-W02", "P4Y",
    "PT3H", "PRESENT_REF", "XXXX-01-05" when the year is unknown). ``resolved`` is False
    when a relative expression had no anchor (no publication date): its value then keeps
    the unknown parts as X. ``mod`` is the TIMEX3 modifier (APPROX, LESS_THAN, MORE_THAN,
    START, MID, END, BEFORE, AFTER, ON_OR_AFTER...). ``window_start``/``window_end`` are
    TIMEX3 values bounding a window ("since October" in a January 2024 text:
    2023-10 .. 2024-01-05; ``None`` = open). ``anchor`` says what a relative value was
    resolved against: "dct" (publication date), "text" (another date in the text), "year"
    (a written month and day given the publication date's year) or None.
    ``weekday`` is the weekday named in the expression (0 = Monday), if any, so callers
    can check it against the calendar.
    """

    start: int
    end: int
    text: str
    type: TimexType
    value: str
    resolved: bool = True
    mod: str | None = None
    anchor: Literal["dct", "text", "year"] | None = None
    window_start: str | None = None
    window_end: str | None = None
    weekday: int | None = None
