"""Claims built directly, so store tests do not depend on extraction."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from numcheck.claims import Claim, Frame, Interval, Kind, Measure, Scope, Span, Window

SINCE_OCTOBER = Window(text="since October", start="2023-10")


def count(
    document: str,
    figure: float,
    *,
    at: int = 0,
    head: str = "attack",
    qualifier: str = "exact",
    published: dt.date | None = dt.date(2024, 1, 5),
    window: Window | None = None,
) -> Claim:
    """A count claim: ``figure`` ``head``s, ``at`` characters into ``document``."""
    quote = f"{figure:g}"
    value = Interval(low=figure, low_inclusive=False) if qualifier == "more-than" else None
    return Claim(
        document=document,
        kind=Kind.COUNT,
        quote=quote,
        span=Span(start=at, end=at + len(quote), line=1, column=at + 1),
        sentence=f"There were {quote} {head}s on the base.",
        sentence_start=0,
        value=value or Interval.point(figure),
        stated=figure,
        qualifier=qualifier,
        measure=Measure(head=head, noun=head, text=f"{head}s"),
        frame=Frame(noun=head, window=window.start if window else None),
        scope=Scope(window=window),
        as_of=published,
        context=("base",),  # one story: every claim's sentence names the base
    )


def event_date(
    document: str,
    timex: str,
    *,
    at: int = 0,
    who: str = "halvorsen",
    weekday: int | None = None,
    published: dt.date | None = dt.date(2020, 1, 7),
) -> Claim:
    """A date claim dating the killing of ``who``."""
    return Claim(
        document=document,
        kind=Kind.DATE,
        quote=timex,
        span=Span(start=at, end=at + len(timex), line=1, column=at + 1),
        sentence=f"{who} was killed on {timex}.",
        sentence_start=0,
        timex=timex,
        timex_type="DATE",
        event=Measure(head="kill", modifiers=(who,), verb="kill", text="killed"),
        weekday=weekday,
        as_of=published,
        context=(who, "kill"),
    )


DAYS = st.integers(min_value=0, max_value=200).map(lambda n: dt.date(2024, 1, 1) + dt.timedelta(n))


@st.composite
def claim_sets(draw: st.DrawFn) -> list[Claim]:
    """A few documents' claims over two measures and one event, with updates and errors."""
    documents = draw(st.integers(min_value=1, max_value=5))
    claims: list[Claim] = []
    for d in range(documents):
        published = draw(st.one_of(st.none(), DAYS))
        for i in range(draw(st.integers(min_value=0, max_value=4))):
            at = 40 * i
            if draw(st.booleans()):
                claims.append(
                    count(
                        f"doc-{d}",
                        draw(st.sampled_from([100, 110, 165, 300, 2500])),
                        at=at,
                        head=draw(st.sampled_from(["attack", "strike", "home"])),
                        qualifier=draw(st.sampled_from(["exact", "about", "more-than"])),
                        published=published,
                        window=draw(st.sampled_from([None, SINCE_OCTOBER])),
                    )
                )
            else:
                claims.append(
                    event_date(
                        f"doc-{d}",
                        draw(st.sampled_from(["2020-01-03", "2020-01-02", "2020-01"])),
                        at=at,
                        who=draw(st.sampled_from(["halvorsen", "reyes"])),
                        weekday=draw(st.sampled_from([None, 4])),
                        published=published,
                    )
                )
    return claims
