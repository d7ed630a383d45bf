"""Whether two claims may tell one story, and how the scopes of two figures differ.

Whether two figures measure one quantity is the frames' to say (``rules/frames.py``);
this module says whether their documents and sentences speak of the same story, which
enumerated places make one figure a part of another, and the caveats a finding carries
where the scopes differ.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from numcheck.claims import Claim
from numcheck.rules.schema import SameStory
from numcheck.vocabulary import Vocabulary


@dataclass(frozen=True)
class Match:
    """Two claims are comparable; ``caveats`` say how their scopes differ."""

    caveats: tuple[str, ...] = ()

    @property
    def scopes_differ(self) -> bool:
        return bool(self.caveats)


_PLACES_ALONE = 3
"""Story places that can pass the gate without a shared name: more than one term's
weight, at half a term each."""


def _weight(terms: Iterable[str]) -> float:
    """Names count one, places half: many stories share a country, few a name."""
    return sum(0.5 if term.startswith("@") else 1.0 for term in terms)


def _places(claim: Claim) -> set[str]:
    return set(claim.scope.places) - set(claim.scope.population)


def _list(names: set[str] | tuple[str, ...]) -> str:
    return ", ".join(sorted(names)) or "none named"


@dataclass(frozen=True)
class StoryKeys:
    """The story terms a claim meets others by: two claims of different documents may
    tell one story only if the ``around`` of one holds an ``own`` term of the other."""

    own: frozenset[str]
    """Names and places its document's story names."""
    around: frozenset[str]
    """``own`` and every region around its places."""


class ScopeMatcher:
    """Story and scope tests shared by the checks."""

    def __init__(self, vocabulary: Vocabulary) -> None:
        self.vocabulary = vocabulary
        self.measures = vocabulary.measures

    def same_story(
        self,
        a: Claim,
        b: Claim,
        options: SameStory,
        ignore: frozenset[str] = frozenset(),
        *,
        framed: bool = False,
    ) -> bool:
        """Whether two claims may speak of one story: their documents share enough of their
        most named names and places, their sentences name the same someone or somewhere
        (a place inside another counts), and share a word besides the measure.

        An archive holds many stories; "51 people" in one and "one person" in another are
        never a conflict unless the texts show they tell the same one. With ``framed`` (the
        claims' frames already agree on what, whose, where and when), the documents' story
        decides alone: sentences that say the same thing in other words still count.
        """
        if a.document != b.document:
            # A text that names little must share half of what it names; one that names
            # nothing but a place tells too little of its story, and its sentence must do.
            smaller = min(_weight(a.story), _weight(b.story))
            needed = min(float(options.min_shared_story_terms), smaller / 2)
            if framed and self._same_town(a, b):
                # Both figures' own clauses name one town ("in Madison, Wis."): that is
                # one term of the story the documents need not share again.
                needed -= 1
            if smaller >= 1 and _weight(self._shared(a.story, b.story)) < needed:
                return False
        if framed:
            return True
        # A sentence that names nobody ("The company has 31 million shares") is about what
        # its document is about.
        named_a = a.entities or (a.story if a.document != b.document else ())
        named_b = b.entities or (b.story if a.document != b.document else ())
        entities = self._shared(named_a, named_b)
        if named_a and named_b and not entities:
            return False
        shared = ((set(a.context) & set(b.context)) - ignore) | entities
        return len(shared) >= options.min_shared_context

    def story_keys(self, claim: Claim, options: SameStory) -> StoryKeys | None:
        """What another document's claim must share with this one for ``same_story`` to
        pass, or None when it may pass sharing nothing: with at most one story term
        required, or a story of weight 2 or less (half of it, less a town both clauses
        name, may be nothing). With these a batch compares only documents that could
        tell one story, not every pair of a group.

        Otherwise the gate needs more than one term's weight, so two documents meet by a
        shared name, by a town both figures' clauses name (which lowers the need by
        one), or by places alone only where one story names three or more of them
        (places weigh half). Places meet when one lies in the other: a place is filed
        under itself and looked up under every region around it ("R:", between two such
        stories; "P:" and "Q:", between one and a story naming fewer places).
        """
        if options.min_shared_story_terms <= 1 or _weight(claim.story) <= 2:
            return None
        places = self.vocabulary.places
        names = {term for term in claim.story if not term.startswith("@")}
        towns = {f"town:{town.lower()}" for town in self._towns(claim)}
        own, around = names | towns, names | towns
        written = [places.named(term[1:]) for term in claim.story if term.startswith("@")]
        rich = len(written) >= _PLACES_ALONE
        for place in written:
            regions = [region.lower() for region in places.around(place)]
            if rich:
                own.update([f"R:{place.lower()}", f"P:{place.lower()}"])
                around.update(f"{side}:{region}" for region in regions for side in "RQ")
            else:
                own.add(f"Q:{place.lower()}")
                around.update(f"P:{region}" for region in regions)
        return StoryKeys(frozenset(own), frozenset(around))

    def _same_town(self, a: Claim, b: Claim) -> bool:
        """Both frames name a place below a country, and the same one."""
        if a.frame is None or b.frame is None:
            return False
        return bool(self._towns(a) & self._towns(b))

    def _towns(self, claim: Claim) -> set[str]:
        """The places below a country that a claim's own clause names."""
        if claim.frame is None:
            return set()
        named = {self.vocabulary.places.named(p) for p in claim.frame.places}
        return named - self._countries(claim.frame.places)

    def _countries(self, written: Iterable[str]) -> set[str]:
        """The places among ``written`` (as frames keep them) that are countries, regions
        or states: the place vocabulary's names other than its cities. Many stories
        share a country; few share a town."""
        places = self.vocabulary.places
        known = places.by_lower_name
        named = {places.named(p) for p in written}
        return {p for p in named if p.lower() in known and p not in places.country_of_city}

    def _shared(self, a: Iterable[str], b: Iterable[str]) -> set[str]:
        """Names in both, and places of one that lie inside or around a place of the other."""
        names_b = set(b)
        shared = set(a) & names_b
        places_b = [p[1:] for p in names_b if p.startswith("@")]
        related = self.vocabulary.places.related_names
        for term in set(a) - shared:
            if term.startswith("@") and any(related(term[1:], other) for other in places_b):
                shared.add(term)
        return shared

    def part_of(self, a: Claim, b: Claim) -> bool:
        """Whether ``a`` counts a part of what ``b`` counts: b enumerates places and a names
        some of them ("10 killed in Dar es Salaam" of "257 killed in Kenya and Tanzania";
        cities count as their countries). A region that merely contains a's places (the
        Middle East for Iraq and Syria) is a different scope, not an enumerated whole."""
        level = self.vocabulary.places.country_level
        inner = {level(p) for p in _places(a)}
        outer = {level(p) for p in _places(b)}
        return bool(inner) and inner < outer

    def caveats(self, a: Claim, b: Claim) -> Match:
        """How the scopes of two claims that measure one quantity differ."""
        caveats: list[str] = []
        places_a, places_b = _places(a), _places(b)
        if a.frame is not None and b.frame is not None:
            named = self.vocabulary.places.named  # the clause's own, as one name ("wis.")
            places_a = {named(p).lower() for p in a.frame.places}
            places_b = {named(p).lower() for p in b.frame.places}
        if places_a and places_b and places_a != places_b:
            caveats.append(f"places differ: {_list(places_a)} vs {_list(places_b)}")
        window_a, window_b = a.scope.window, b.scope.window
        if window_a and window_b and window_a.text != window_b.text:
            caveats.append(f"windows differ: {window_a.text!r} vs {window_b.text!r}")
        source_a = a.frame.source if a.frame else None
        source_b = b.frame.source if b.frame else None
        if source_a and source_b and source_a != source_b:
            # Organisers count a crowd, police another: a difference worth a look, told
            # as theirs, not a contradiction of the newsroom's own.
            caveats.append(f"sources differ: {source_a} vs {source_b}")
        return Match(tuple(caveats))
