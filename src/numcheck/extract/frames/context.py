"""What a number counts and where it holds: measure, scope and event from its sentence.

No parser is loaded: words, their lemmas (lemminflect) and the measure vocabulary decide.
The rules compare measures by synonym set, so the measure here keeps lemmas as written.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from numcheck.claims import Measure, Scope, Window
from numcheck.extract.mentions import QuantityMention, Timex
from numcheck.language.lemmas import is_word, lemmas
from numcheck.language.temporal import lexicon
from numcheck.language.words import frame_words, function_words
from numcheck.vocabulary import Vocabulary, lemma

_WORD = re.compile(r"[A-Za-z][A-Za-z'’.-]*[A-Za-z]|[A-Za-z]")
# Where a clause ends: strong punctuation, or a comma before a word that opens another
# clause ("..., amid tensions in Gaza", "..., including a commander").
_CLAUSE_BREAK = re.compile(
    r"[;:—–()]|,\s+(?:and|but|while|whereas|although|though|amid|after|because|"
    r"following|including|which|who|when|despite|before|with|according)\b"
)
_AUXILIARIES = function_words("auxiliaries")
_REPORTING = frame_words("reporting_verbs")
_LIGHT_EVENT_VERBS = frame_words("light_event_verbs")
_FUNCTION_WORDS = function_words("stop_words") | function_words("hedges")
# Words of organization names that every company shares ("Inc.", "Corp."): no story.
_ORGANIZATION_WORDS = function_words("organization_words")
_TITLES = function_words("titles")


@dataclass(frozen=True, slots=True)
class Word:
    start: int
    end: int
    text: str


def words(text: str, start: int = 0, end: int | None = None) -> list[Word]:
    stop = len(text) if end is None else end
    return [Word(m.start(), m.end(), m.group()) for m in _WORD.finditer(text, start, stop)]


def clause_breaks(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """Where clauses of the sentence ``[lo, hi)`` end: the spans of their breaks."""
    return [m.span() for m in _CLAUSE_BREAK.finditer(text, lo, hi)]


def clause_bounds(
    text: str,
    start: int,
    end: int,
    lo: int,
    hi: int,
    breaks: Sequence[tuple[int, int]] | None = None,
) -> tuple[int, int]:
    """The clause around ``[start, end)`` inside the sentence ``[lo, hi)``; ``breaks``,
    when given, are the sentence's ``clause_breaks``, read once for all its figures."""
    left, right = lo, hi
    for b_start, b_end in clause_breaks(text, lo, hi) if breaks is None else breaks:
        if b_end <= start:
            left = b_end
        elif b_start >= end:
            right = b_start
            break
    return left, right


def _verb(word: str) -> str | None:
    """The lemma of a word that reads as a content verb here, else None."""
    if word[0].isupper():
        return None  # "United States", "Popular Mobilization": names, not verbs
    low = word.lower()
    if low in _AUXILIARIES:
        return None
    forms = lemmas(low)
    if "VERB" not in forms:
        return None
    verb = str(forms["VERB"][0])
    if verb in _AUXILIARIES:
        return None
    # A word that is also a noun or adjective ("attack", "even") is a verb only when inflected.
    if ("NOUN" in forms or "ADJ" in forms) and verb == low:
        return None
    # "drones", "attacks": a plural noun, not a verb in the third person.
    if "NOUN" in forms and low.endswith("s") and not low.endswith("ss"):
        return None
    return verb


def _nearest_verb(
    sentence_words: Sequence[Word],
    before: int,
    after: int,
    *,
    reach: int = 10,
    statements: bool = False,
) -> str | None:
    """The content verb nearest to the span ``[before, after)``, within ``reach`` words.

    Reporting verbs ("said") are passed over; with ``statements`` a nearest reporting
    verb gives None instead, since a date on it dates the statement, not an event.
    """
    left = [w for w in sentence_words if w.end <= before][-reach:]
    right = [w for w in sentence_words if w.start >= after][:reach]
    # A number or date after its verb belongs to it ("killed ... on January 3",
    # "attacked on 110 occasions"); one that opens the clause, to the verb that follows.
    verb = None
    for side in (reversed(left), right):
        for word in side:
            candidate = _verb(word.text)
            if candidate and (statements or candidate not in _REPORTING):
                verb = candidate
                break
        if verb:
            break
    return None if verb in _REPORTING else verb


_NEXT_WORDS = re.compile(r"[ \t]+(?:and[ \t]+([a-z]+)[ \t]+)?([a-z]+)")


def _attributive(text: str, end: int) -> bool:
    """Whether a place name ending at ``end`` qualifies a noun: "US troops", "US and allied
    troops", "Iraqi lawmakers" (a population), not "in Iraq since"."""
    match = _NEXT_WORDS.match(text, end)
    if not match:
        return False
    word = match.group(2)
    forms = lemmas(word)
    return word not in _FUNCTION_WORDS and ("NOUN" in forms or "ADJ" in forms)


def _respaced(sentence_words: Sequence[Word]) -> str:
    """The words at their offsets, with spaces between: enough to find place names."""
    lo = sentence_words[0].start
    chars = [" "] * (sentence_words[-1].end - lo)
    for word in sentence_words:
        chars[word.start - lo : word.end - lo] = word.text
    return "".join(chars)


class ContextReader:
    """Reads measure, scope and event for mentions of one document."""

    def __init__(self, vocabulary: Vocabulary) -> None:
        self.vocabulary = vocabulary
        self.measures = vocabulary.measures
        calendar = lexicon()
        self.calendar_words = frozenset(calendar.months) | frozenset(calendar.weekdays)
        self._text = ""
        self._breaks: dict[tuple[int, int], list[tuple[int, int]]] = {}
        self._clause_places: dict[tuple[int, int], list[tuple[int, int, str]]] = {}

    def _reading(self, text: str) -> None:
        """Forget what was read of another text."""
        if text is not self._text:
            self._text, self._breaks, self._clause_places = text, {}, {}

    def _places(self, text: str, lo: int, hi: int) -> list[tuple[int, int, str]]:
        """Places named in a clause, found once for all its figures."""
        self._reading(text)
        found = self._clause_places.get((lo, hi))
        if found is None:
            found = self._clause_places[lo, hi] = self.vocabulary.places.find(text[lo:hi])
        return found

    def _clause(
        self, text: str, start: int, end: int, sentence: tuple[int, int]
    ) -> tuple[int, int]:
        """``clause_bounds``, with each sentence's breaks read once: a sentence of many
        figures read them again for every figure."""
        self._reading(text)
        breaks = self._breaks.get(sentence)
        if breaks is None:
            breaks = self._breaks[sentence] = clause_breaks(text, *sentence)
        return clause_bounds(text, start, end, *sentence, breaks=breaks)

    def measure(
        self, text: str, mention: QuantityMention, sentence: tuple[int, int]
    ) -> Measure | None:
        """What a count counts, or None where the text does not say."""
        lo, hi = self._clause(text, mention.start, mention.end, sentence)
        clause_words = words(text, lo, hi)
        verb = self._outcome_noun(clause_words, mention.start) or _nearest_verb(
            clause_words, mention.start, mention.end
        )
        noun = mention.noun_lemma or (lemma(mention.noun) if mention.noun else None)
        if noun is not None and len(noun) < 2:
            noun = None  # "one U.S. official": a letter of an abbreviation, not a noun
        if noun and noun.lower() in self.measures.vague_nouns:
            if verb is None:
                return None
            head = self.measures.canonical(verb)
        elif noun:
            head = self.measures.canonical(noun.lower())
        else:
            return None
        modifiers: list[str] = []
        if mention.noun_start is not None:
            between = words(text, mention.end, mention.noun_start)
            modifiers = [
                lemma(w.text)
                for w in between
                if w.text.lower() not in self.measures.generic_modifiers
                and w.text.lower() not in _FUNCTION_WORDS
            ]
        phrase_end = mention.noun_end if mention.noun_end is not None else mention.end
        phrase = text[mention.end : phrase_end] if phrase_end > mention.end else mention.noun
        return Measure(
            head=head,
            noun=mention.noun,
            modifiers=tuple(modifiers),
            verb=self.measures.canonical(verb) if verb else None,
            text=" ".join((phrase or head).split()),
        )

    def _outcome_noun(self, clause_words: Sequence[Word], before: int) -> str | None:
        """An outcome named by a noun just before a count ("the deaths of three troops")."""
        for word in [w for w in clause_words if w.end <= before][-3:]:
            name = self.measures.canonical(lemma(word.text))
            if name in self.measures.outcomes:
                return name
        return None

    def scope(
        self,
        text: str,
        start: int,
        end: int,
        sentence: tuple[int, int],
        timexes: Sequence[Timex],
    ) -> Scope:
        """Places, time window and population named in the sentence of a number."""
        lo, hi = self._clause(text, start, end, sentence)
        places: list[str] = []
        population: list[str] = []
        demonyms = self.vocabulary.places.demonyms
        for p_start, p_end, name in self._places(text, lo, hi):
            if name not in places:
                places.append(name)
            surface = text[lo + p_start : lo + p_end]
            if surface in demonyms and _attributive(text, lo + p_end) and name not in population:
                population.append(name)
        window = None
        for timex in timexes:
            if sentence[0] <= timex.start < sentence[1] and (
                timex.window_start or timex.window_end
            ):
                window = Window(
                    text=timex.text, start=timex.window_start, end=timex.window_end, mod=timex.mod
                )
                break
        return Scope(places=tuple(places), window=window, population=tuple(population))

    def event(self, text: str, timex: Timex, sentence: tuple[int, int]) -> Measure | None:
        """The event a date belongs to: its verb and the named participants of its sentence."""
        lo, hi = self._clause(text, timex.start, timex.end, sentence)
        sentence_words = words(text, sentence[0], sentence[1])
        clause_words = [w for w in sentence_words if lo <= w.start < hi]
        verb = _nearest_verb(clause_words, timex.start, timex.end, reach=25, statements=True)
        if verb is None or verb in _LIGHT_EVENT_VERBS:
            return None
        participants = self.participants(text, sentence_words, timex)
        return Measure(
            head=self.measures.canonical(verb),
            verb=verb,
            modifiers=participants,
            text=text[sentence[0] : sentence[1]],
        )

    def anchored_event(
        self,
        text: str,
        end: int,
        sentence: tuple[int, int],
        dates: Sequence[Timex] = (),
    ) -> Measure | None:
        """The event a span of time counts from: "nearly four years after [Washington
        killed the general]" -- the verb and names of the clause after ``end``; None
        where one of the sentence's ``dates`` dates it there ("five years after the
        alliance won in 2019"): the span counts from that date, not another text's."""
        lo, hi = self._clause(text, end, end, sentence)
        if any(end <= d.start < hi for d in dates):
            return None
        following = words(text, end, hi)
        verb = next((v for w in following[:12] if (v := _verb(w.text))), None)
        if verb is None:
            verb = next(
                (
                    name
                    for w in following[:6]
                    if (name := self.measures.canonical(lemma(w.text))) in self.measures.outcomes
                ),
                None,
            )
        if verb is None:
            return None
        anchor = Timex(start=lo, end=end, text="", type="DURATION", value="")
        return Measure(
            head=self.measures.canonical(verb),
            verb=verb,
            modifiers=self.participants(text, following, anchor),
            text=text[end:hi].strip(),
        )

    def story(
        self, text: str, sentences: Sequence[tuple[int, int]], size: int = 15
    ) -> tuple[str, ...]:
        """What a document is about: its most named people, groups and places.

        Two documents that share few of these tell different stories, however alike
        their numbers' measures ("people", "shares") look.
        """
        counts: Counter[str] = Counter()
        for bounds in sentences:
            counts.update(self.entities(text, bounds))
        return tuple(sorted(name for name, _ in counts.most_common(size)))

    def entities(self, text: str, sentence: tuple[int, int]) -> tuple[str, ...]:
        """Names of a sentence, and its places marked with "@" ("@iraq"): who and where."""
        found = set(self.names(words(text, *sentence)))
        found.update(
            f"@{name.lower()}" for _, _, name in self.vocabulary.places.find(text[slice(*sentence)])
        )
        return tuple(sorted(found))

    def context(self, text: str, sentence: tuple[int, int]) -> tuple[str, ...]:
        """Content lemmas of a sentence (names and places apart): what a figure is said with."""
        lemmas = {
            lemma(w.text)
            for w in words(text, *sentence)
            if len(w.text) > 2 and w.text.lower() not in _FUNCTION_WORDS and not w.text[0].isupper()
        }
        lemmas -= _AUXILIARIES | _REPORTING | self.measures.generic_modifiers
        return tuple(sorted(lemmas))

    def participants(
        self, text: str, sentence_words: Sequence[Word], timex: Timex
    ) -> tuple[str, ...]:
        """Named people and organizations of a sentence, outside the date itself."""
        return tuple(
            sorted(
                self.names([w for w in sentence_words if not timex.start <= w.start < timex.end])
            )
        )

    def names(self, sentence_words: Sequence[Word]) -> list[str]:
        """Capitalized words that are not places, dates, titles or common English words."""
        places = self.vocabulary.places.canonical
        names: list[str] = []
        in_places: set[int] = set()
        if sentence_words:
            lo = sentence_words[0].start
            for start, end, _ in self.vocabulary.places.find(_respaced(sentence_words)):
                in_places.update(range(lo + start, lo + end))  # "York" of "New York"
        for word in sentence_words:
            if not word.text[0].isupper() or word.start in in_places:
                continue
            name = re.sub(r"['’]s?\Z", "", word.text).strip(".")
            low = name.lower()
            if word.text in places or f"{name}." in places:
                continue  # "U.S.", "Iraq's": places, not participants
            # Common English words ("Popular", "Forces", "It") do not identify anyone.
            if (
                not low
                or low in _ORGANIZATION_WORDS
                or name in places
                or low in _FUNCTION_WORDS
                or low in _TITLES
                or low in self.calendar_words
                or is_word(low)
            ):
                continue
            if low not in names:
                names.append(low)
        return names
