"""Figures of one measure that a document gives country by country.

"253 killed in Nairobi" and, two sentences on, "10 killed in Tanzania": the document
counts the dead place by place, so neither country is where its whole story happens,
however alone it stands in its own sentence. Read once per document, from the frames of
all its figures, since no sentence alone shows it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from numcheck.claims import Claim, Frame
from numcheck.vocabulary import Places


def _countries(frame: Frame, places: Places) -> frozenset[str]:
    """The countries a frame's places lie in, where the place vocabulary knows them."""
    known = places.by_lower_name
    named = (places.named(p) for p in frame.places)
    return frozenset(
        country
        for name in named
        if (country := places.country_level(name)).lower() in known
        and country not in places.country_of_city
    )


def with_places_apart(claims: Sequence[Claim], places: Places) -> list[Claim]:
    """``claims`` with ``Frame.one_of_places`` set on each figure whose document gives
    the same measure (counted noun and predicate, at the same time: "in 2015, a quake
    killed 280 in Pakistan" is another count) in another country."""
    by_measure: dict[tuple[str | None, ...], list[tuple[int, frozenset[str]]]] = defaultdict(list)
    for index, claim in enumerate(claims):
        frame = claim.frame
        if frame is None or frame.partitive or frame.other_event:
            continue
        countries = _countries(frame, places)
        if countries:
            by_measure[frame.noun, frame.predicate, frame.time].append((index, countries))
    apart: set[int] = set()
    for figures in by_measure.values():
        # compared set against set: a long document repeats a few sets many times
        kinds = {countries for _, countries in figures}
        elsewhere = {c for c in kinds if any(not (other & c) for other in kinds)}
        apart.update(index for index, countries in figures if countries in elsewhere)
    return [
        claim.model_copy(update={"frame": claim.frame.model_copy(update={"one_of_places": True})})
        if index in apart and claim.frame is not None
        else claim
        for index, claim in enumerate(claims)
    ]
