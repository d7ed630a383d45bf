"""Whether two frames measure one quantity: the test every cross-claim comparison passes.

Precision first: two figures are compared only when their frames positively say they
measure one thing. A part selected from a group, a figure of another event or another
time, sibling entities (two parties' seats, two cameras' resolutions) and different
predicates (rescued, trapped, killed) are different quantities, never rivals.
"""

from __future__ import annotations

import functools
import re

import pycountry

from numcheck.claims import Claim, Frame
from numcheck.language.lemmas import inflections
from numcheck.language.temporal import alternation
from numcheck.language.words import frame_words, function_words
from numcheck.rules.checks.compare import calendar_days, same_at_coarser
from numcheck.vocabulary import Vocabulary

_REPORTED_WITHIN = 2  # days before publication a report speaks for
_STILL_NEWS = 1  # days after publication its undated figures may still be the news
_NEWS_DAYS = 1  # days before publication whose events are the day's news
# "in", "at", "across" right before a place: where something is, not whose it is
_LOCATIVE_BEFORE = re.compile(
    rf"\b(?:{'|'.join(sorted(frame_words('locative_prepositions')))})\s+(?:the\s+)?\Z", re.I
)
_LOCATIVE_REACH = 16  # characters before a place name that may hold the preposition
_NEXT_WORD = re.compile(r"\s+([a-z]+)\b")  # a lower-case word after a place: "U.S. embassies"
_STOP_WORDS = function_words("stop_words")
# "a UN spokesman in Geneva said": where a speaker is, not where the events are
_REPORTING = frame_words("reporting_verbs")
_REPORTED_FROM = re.compile(
    r"[\s,]*(?:(?:has|have|had)\s+)?(?:"
    + alternation(
        {
            *_REPORTING,
            *(f for verb in _REPORTING for forms in inflections(verb).values() for f in forms),
        }
    )
    + r")\b"
)


def _reference(claim: Claim) -> tuple[int, int] | None:
    """When a figure holds, as day ordinals: its clause's own date, else the days around
    publication (an undated figure is the news of the days before, and may still be the
    next day's: "destroyed 120 homes" on March 4 meets "said on Friday, March 5")."""
    if claim.frame is not None and claim.frame.time is not None:
        days = calendar_days(claim.frame.time)
        if days is not None and claim.frame.time_told:
            # told on a day, it is that day's news, as an undated figure is its paper's
            return days[0] - _REPORTED_WITHIN, days[1] + _STILL_NEWS
        return days
    if claim.as_of is not None:
        day = claim.as_of.toordinal()
        return day - _REPORTED_WITHIN, day + _STILL_NEWS
    return None


def _same_reference_time(a: Claim, b: Claim) -> bool:
    """Figures whose clauses date them ("in 2011", "last week", "on Tuesday") hold then,
    not at publication: two figures of different times are two quantities."""
    if not any(c.frame is not None and c.frame.time for c in (a, b)):
        return True  # publication dates apart are the rule's max_days_apart to judge
    ra, rb = _reference(a), _reference(b)
    if ra is None or rb is None:
        # Against a text with no date at all, a figure its clause dates is the story's
        # only when dated to its own day's news ("struck on Friday" in Saturday's paper),
        # not to an earlier event ("a 5.2 quake on 26 February", "two days ago").
        return all(_of_the_days_news(c) for c in (a, b))
    # No day of slack between two dates told: with one, Saturday's game met Sunday's
    # and March met April.
    return ra[0] <= rb[1] and rb[0] <= ra[1]


_ONE_EVENT = re.compile(
    r"(?i)\b(?:the|a|an|this|that|[’']s)\s+(?:[\w-]+\s+){0,2}?(?:"
    + "|".join(sorted(frame_words("single_events")))
    + r")\b"
)


def _shorter_within(a: Claim, b: Claim) -> Claim | None:
    """The figure whose clause dates it to a span inside the other's longer one ("on
    Monday" within "this week", "in March" within "this year"), if one is."""
    if a.frame is None or b.frame is None or not (a.frame.time and b.frame.time):
        return None
    da, db = calendar_days(a.frame.time), calendar_days(b.frame.time)
    if da is None or db is None or da == db:
        return None
    if db[0] <= da[0] and da[1] <= db[1]:
        return a
    if da[0] <= db[0] and db[1] <= da[1]:
        return b
    return None


def _of_the_days_news(claim: Claim) -> bool:
    """Whether a figure holds on its publication day or the day before, or has no date
    of its own."""
    if claim.frame is None or claim.frame.time is None:
        return True
    days = calendar_days(claim.frame.time)
    if claim.as_of is None or days is None:
        return False
    first, last = days
    published = claim.as_of.toordinal()
    return published - _NEWS_DAYS <= first and last <= published


@functools.cache
def _is_country(name: str) -> bool:
    try:
        pycountry.countries.lookup(name)
    except LookupError:
        return False
    return True


def _name_words(name: str) -> list[str]:
    return re.findall(r"[^\W\d_]+", name)


def _owner_key(frame: Frame) -> str | None:
    """Whose figure it is, by the last word of the name (for blocking: "Salah Ali" and
    "Ali" land in one group; ``_same_owner`` decides)."""
    if frame.owner is None:
        return None
    words = _name_words(frame.owner)
    return words[-1] if words else frame.owner


def _same_owner(a: str | None, b: str | None) -> bool:
    """One name is the other, or a part of it: "Ali" and "Salah Ali", "Liberty German"
    and "Liberty 'Libby' German"; "Salah Ali" and "Areej Ali" are two people."""
    if a is None or b is None:
        return a is b
    wa, wb = set(_name_words(a)), set(_name_words(b))
    return bool(wa and wb) and (wa <= wb or wb <= wa)


def _parts_of_a_thing(frame: Frame) -> bool:
    """A count of what one thing is made of ("a 30-car pileup", "a three-run lead"), not
    an amount of a mass ("15 inches of snow"), which has parts in places."""
    return bool(frame.attribute_of and frame.noun)


def _predicate(frame: Frame) -> str | None:
    """The predicate, or None where it only repeats the noun ("attacked 110 times" and
    "165 attacks" both count attacks) or only happened around the thing counted: the
    parts of a thing named in a prepositional phrase ("blamed for a 30-car pileup",
    "hurt in a 25-vehicle pileup") are the thing's, whatever its clause says; a thing
    the verb acts on changes with it ("built a four-run lead", "blew a three-run lead")."""
    if _parts_of_a_thing(frame) and frame.role == "pobj":
        return None
    return None if frame.predicate == frame.noun else frame.predicate


class FrameMatcher:
    """Decides, from frames, whether two claims measure one quantity."""

    def __init__(self, vocabulary: Vocabulary) -> None:
        self.vocabulary = vocabulary
        self.measures = vocabulary.measures

    def head(self, frame: Frame) -> str | None:
        """The blocking head of a frame: what it describes or counts, whose it is, else
        its predicate."""
        owner = _owner_key(frame)
        return frame.attribute_of or frame.noun or (owner and f"of {owner}") or frame.predicate

    def comparable(self, frame: Frame) -> bool:
        """A frame that can meet another at all: not a part selected from a group (nor the
        group a share is taken from, whose clause tells of the share), nor a
        figure of another event that its clause leaves undated ("a similar crash left
        nine dead"); one it dates ("strikes last week which killed 30") meets the figures
        of that time."""
        if frame.noun == "person" and not (frame.predicate or frame.owner or frame.attribute_of):
            return False  # "between 10 and 30 people": people doing what?
        if frame.other_event and frame.time is None:
            return False
        return not (frame.partitive or frame.subset or frame.share_of) and bool(self.head(frame))

    def time_part(self, a: Claim, b: Claim) -> Claim | None:
        """The figure that holds over a part of the other's time ("hundreds on Monday"
        of "15,000 this week"), if one does: it may be lower, never higher. Not where the
        longer one's sentence names one event ("the bus crash this week killed 31"): its
        time dates that event, and the two figures are of one time."""
        shorter = _shorter_within(a, b)
        longer = b if shorter is a else a
        if shorter is None or _ONE_EVENT.search(longer.sentence):
            return None
        return shorter

    def differences(self, a: Claim, b: Claim) -> str | None:  # noqa: C901 - a list of tests
        """None when ``a`` and ``b`` measure one quantity, else why they do not."""
        fa, fb = a.frame, b.frame
        if fa is None or fb is None:
            return "no frame"
        if not (self.comparable(fa) and self.comparable(fb)):
            return "a part, a selection or another event"
        if (fa.other_event or fb.other_event) and not self._one_earlier_event(fa, fb):
            return "another event, not shown to be the same one"
        if fa.attribute_of != fb.attribute_of:
            return "different things described"
        if fa.noun != fb.noun:
            return "different things counted"
        pa, pb = _predicate(fa), _predicate(fb)
        if pa != pb and self._predicates_tell(fa, pa, pb):
            return "different predicates"
        if fa.negated != fb.negated:
            return "one negated"
        if fa.irrealis or fb.irrealis:
            return "a possible, expected or attempted figure, not one that happened"
        if not (_same_owner(fa.owner, fb.owner) or self._same_country(fa.owner, fb.owner)):
            return "different owners"  # two parties' seats, two people's ages
        if set(fa.modifiers) != set(fb.modifiers):
            return "different modifiers"  # "five defensive outs" is not "four outs"
        enumerated = set(fa.places) < set(fb.places) or set(fb.places) < set(fa.places)
        if fa.places and fb.places and not (enumerated or self._same_places(fa.places, fb.places)):
            return "different places, or a part against its whole"
        for frame, other in ((fa, b), (fb, a)):
            alone = frame.places and not (other.frame and other.frame.places)
            # A size of one thing ("a 30-car pileup on I-35 near Fort Dodge, Iowa") has no
            # parts in its places: naming where it is at any grain names the thing.
            named = any if _parts_of_a_thing(frame) else all
            if alone and not named(self._named_by(place, other) for place in frame.places):
                return "a place the other figure's story does not name"
        if (fa.window is None) != (fb.window is None):
            return "only one counts over a window"
        if fa.window and fb.window and not same_at_coarser(fa.window, fb.window):
            return "different windows"
        if not _same_reference_time(a, b):
            return "different times"
        return None

    def _one_earlier_event(self, fa: Frame, fb: Frame) -> bool:
        """Whether two figures, one of another event than the story's, tell of one event:
        both clauses date it, on one day, or in one place within a month or a week
        ("strikes near Kunduz last week" and "strikes earlier this month in Kunduz"); a
        month or a year alone holds many events ("a similar attack in March" is not "an
        ambush on March 18", "an attack in Kabul in 2023" not "a bombing in Kabul in
        2023")."""
        if not (fa.time and fb.time):
            return False
        one_day = fa.time == fb.time and len(fa.time) == len("YYYY-MM-DD")
        # a place and a date finer than a year: "in Kabul in 2023" holds many attacks
        finer = all(len(t) > len("YYYY") for t in (fa.time, fb.time))
        placed = bool(fa.places and fb.places) and self._same_places(fa.places, fb.places)
        return one_day or (placed and finer)

    def _predicates_tell(self, frame: Frame, pa: str | None, pb: str | None) -> bool:
        """Whether two different predicates make two quantities: "built a four-run lead"
        is not "blew a three-run lead"; whose figure it is ("New Democracy won / took /
        has 129 seats") outweighs the verb, except what happened to a population ("two
        American soldiers killed" are not two wounded)."""
        if frame.owner is None:
            return frame.attribute_of is None or bool(pa and pb)
        return frame.attribute_of is None and bool({pa, pb} & self.measures.outcomes)

    def part_and_whole(self, a: Claim, b: Claim) -> tuple[Claim, Claim] | None:
        """(part, whole) when one figure holds for named places and the other for the
        story at large ("two killed in Iowa" of "eight killed by the storm"), or for
        more of the places ("one in Kansas" of "three in Kansas, Iowa and Ohio")."""
        if a.frame and b.frame and _parts_of_a_thing(a.frame) and _parts_of_a_thing(b.frame):
            return None  # one pileup "near Dalton, Georgia" and "in Georgia": no parts
        pa = set(a.frame.places) if a.frame else set()
        pb = set(b.frame.places) if b.frame else set()
        if pa and ((not pb and self._part_of_story(pa, a, b)) or pa < pb):
            return a, b
        if pb and ((not pa and self._part_of_story(pb, b, a)) or pb < pa):
            return b, a
        return None

    def _part_of_story(self, places: set[str], placed: Claim, unplaced: Claim) -> bool:
        """Whether the places of one figure are a part of where the other, which names
        none in its own clause, holds: they are not the story's whole country, or the
        other's sentence sets its events elsewhere too ("the bombings of the embassies in
        Kenya and Tanzania killed 81" against "10 killed in Tanzania")."""
        if not self._story_wide(places, placed):
            return True
        return self._located_elsewhere(places, unplaced.sentence, countries_only=False)

    def _story_wide(self, places: set[str], claim: Claim) -> bool:
        """Whether a figure's places are where the whole story happens: a country alone
        ("killed in Afghanistan"), unless its sentence puts something in another country
        ("killed 247 people in Kenya and 10 in Tanzania": each country a part; "the US
        embassies in Kenya and Tanzania" names no third place)."""
        if not all(map(_is_country, places)):
            return False
        if claim.frame is not None and claim.frame.one_of_places:
            return False  # its document counts another country apart
        return not self._located_elsewhere(places, claim.sentence, countries_only=True)

    def _located_elsewhere(self, places: set[str], sentence: str, *, countries_only: bool) -> bool:
        """Whether a sentence puts something in a place (a country, with
        ``countries_only``) that is none of ``places`` nor lies in or around them: "in
        Kenya", not "the Kenyan embassy" or "U.S. embassies"."""
        for start, end, name in self.vocabulary.places.find(sentence):
            low = name.lower()
            if low in places or (countries_only and not _is_country(low)):
                continue
            if any(self._place_meets(low, place) for place in places):
                continue
            located = _LOCATIVE_BEFORE.search(sentence, max(0, start - _LOCATIVE_REACH), start)
            following = _NEXT_WORD.match(sentence, end)
            attributive = following is not None and following[1] not in _STOP_WORDS
            speaker = _REPORTED_FROM.match(sentence, end) is not None
            if located and not attributive and not speaker:
                return True
        return False

    def _same_country(self, a: str | None, b: str | None) -> bool:
        """Owners that are one country by name or by its capital ("Washington keeps ...",
        "the United States has ...")."""
        if a is None or b is None:
            return False
        places = self.vocabulary.places
        level, lower = places.country_level, places.by_lower_name
        ca, cb = lower.get(a), lower.get(b)
        return ca is not None and cb is not None and level(ca) == level(cb)

    def _same_places(self, a: tuple[str, ...], b: tuple[str, ...]) -> bool:
        """Each place of one is, contains or lies in a place of the other: "Kansas" is not
        "Nebraska, Wisconsin and Kansas" (a part of the whole), nor "Iowa" "Nebraska"."""
        return all(any(self._place_meets(x, y) for y in b) for x in a) and all(
            any(self._place_meets(y, x) for x in a) for y in b
        )

    def _place_meets(self, x: str, y: str) -> bool:
        return x == y or self.vocabulary.places.related_names(x, y)

    def _named_by(self, place: str, claim: Claim) -> bool:
        """Whether a claim's story or sentence names a place: "killed in Mazar-i-Sharif"
        and "killed" in a story about Mazar-i-Sharif count the same dead."""
        named = [t[1:] for t in (*claim.story, *claim.entities) if t.startswith("@")]
        return any(place == name for name in named) or place in claim.sentence.lower()
