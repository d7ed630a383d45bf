"""What a number counts and where it holds: measure, scope and event from its sentence.

No parser is loaded: words, their lemmas (lemminflect) and the measure vocabulary decide.
The rules compare measures by synonym set, so the measure here keeps lemmas as written.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from lemminflect import getAllLemmas

from numcheck.claims import Measure, Scope, Window
from numcheck.extract.mentions import QuantityMention, Timex
from numcheck.vocabulary import Vocabulary, lemma

_WORD = re.compile(r"[A-Za-z][A-Za-z'’.-]*[A-Za-z]|[A-Za-z]")
_CLAUSE_BREAK = re.compile(r"[;:—–()]|,\s+(?:and|but|while|whereas|although)\b")
_AUXILIARIES = frozenset(
    [
        "be",
        "is",
        "are",
        "was",
        "were",
        "been",
        "being",
        "am",
        "have",
        "has",
        "had",
        "having",
        "do",
        "does",
        "did",
        "will",
        "would",
        "shall",
        "should",
        "can",
        "could",
        "may",
        "might",
        "must",
        "get",
        "got",
    ]
)
_REPORTING = frozenset(
    [
        "say",
        "tell",
        "add",
        "state",
        "claim",
        "report",
        "quote",
        "insist",
        "note",
        "write",
        "announce",
        "describe",
    ]
)
_FUNCTION_WORDS = frozenset(
    [
        "the",
        "a",
        "an",
        "and",
        "or",
        "but",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "by",
        "with",
        "from",
        "as",
        "into",
        "over",
        "under",
        "after",
        "before",
        "since",
        "during",
        "about",
        "some",
        "more",
        "than",
        "nearly",
        "almost",
        "around",
        "roughly",
        "least",
        "most",
        "up",
        "this",
        "that",
        "these",
        "those",
        "its",
        "their",
        "his",
        "her",
        "our",
        "your",
        "my",
    ]
)
_TITLES = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "gen",
        "general",
        "president",
        "prime",
        "minister",
        "lt",
        "col",
        "colonel",
        "sen",
        "senator",
        "rep",
        "speaker",
        "secretary",
        "king",
        "queen",
        "prince",
        "sheikh",
        "then-us",
        "then-prime",
    ]
)
_CALENDAR = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ]
)


@dataclass(frozen=True, slots=True)
class Word:
    start: int
    end: int
    text: str


def words(text: str, start: int = 0, end: int | None = None) -> list[Word]:
    stop = len(text) if end is None else end
    return [Word(m.start(), m.end(), m.group()) for m in _WORD.finditer(text, start, stop)]


def clause_bounds(text: str, start: int, end: int, lo: int, hi: int) -> tuple[int, int]:
    """The clause around ``[start, end)`` inside the sentence ``[lo, hi)``."""
    left, right = lo, hi
    for m in _CLAUSE_BREAK.finditer(text, lo, hi):
        if m.end() <= start:
            left = m.end()
        elif m.start() >= end:
            right = m.start()
            break
    return left, right


def _verb(word: str) -> str | None:
    """The lemma of a word that reads as a content verb here, else None."""
    if word[0].isupper():
        return None  # "United States", "Popular Mobilization": names, not verbs
    low = word.lower()
    if low in _AUXILIARIES:
        return None
    lemmas = getAllLemmas(low)
    if "VERB" not in lemmas:
        return None
    verb = str(lemmas["VERB"][0])
    if verb in _AUXILIARIES:
        return None
    # A word that is also a noun ("attack", "strike") is read as a verb only when inflected.
    if ("NOUN" in lemmas or "ADJ" in lemmas) and not low.endswith(("ed", "ing", "en")):
        return None
    return verb


def _nearest_verb(
    sentence_words: Sequence[Word], before: int, after: int, *, reach: int = 10
) -> str | None:
    """The content verb nearest to the span ``[before, after)``, within ``reach`` words."""
    left = [w for w in sentence_words if w.end <= before][-reach:]
    right = [w for w in sentence_words if w.start >= after][:reach]
    candidates: list[tuple[int, str]] = []
    for side in (reversed(left), right):
        for distance, word in enumerate(side):
            verb = _verb(word.text)
            if verb:
                candidates.append((distance, verb))
                break
    if not candidates:
        return None
    verb = min(candidates)[1]
    # A date on a reporting verb ("said on Monday") dates the statement, not an event.
    return None if verb in _REPORTING else verb


class ContextReader:
    """Reads measure, scope and event for mentions of one document."""

    def __init__(self, vocabulary: Vocabulary) -> None:
        self.vocabulary = vocabulary
        self.measures = vocabulary.measures

    def measure(
        self, text: str, mention: QuantityMention, sentence: tuple[int, int]
    ) -> Measure | None:
        """What a count counts, or None where the text does not say."""
        lo, hi = clause_bounds(text, mention.start, mention.end, *sentence)
        clause_words = words(text, lo, hi)
        verb = self._outcome_noun(clause_words, mention.start) or _nearest_verb(
            clause_words, mention.start, mention.end
        )
        noun = mention.noun_lemma or (lemma(mention.noun) if mention.noun else None)
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
        return Measure(
            head=head,
            noun=mention.noun,
            modifiers=tuple(modifiers),
            verb=self.measures.canonical(verb) if verb else None,
            text=text[mention.start : phrase_end],
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
        lo, hi = sentence
        places: list[str] = []
        population: list[str] = []
        for p_start, p_end, name in self.vocabulary.places.find(text[lo:hi]):
            word = text[lo + p_start : lo + p_end]
            following = text[lo + p_end : lo + p_end + 30]
            # "US troops", "American troops": a demonym before a noun names a population.
            if re.match(r"\s+(?:and\s+\w+\s+)?[a-z]", following) and word[0].isupper():
                population.append(name)
            if name not in places:
                places.append(name)
        window = None
        for timex in timexes:
            if lo <= timex.start < hi and (timex.window_start or timex.window_end):
                window = Window(
                    text=timex.text, start=timex.window_start, end=timex.window_end, mod=timex.mod
                )
                break
        return Scope(places=tuple(places), window=window, population=tuple(population))

    def event(self, text: str, timex: Timex, sentence: tuple[int, int]) -> Measure | None:
        """The event a date belongs to: its verb and the named participants of its sentence."""
        lo, hi = clause_bounds(text, timex.start, timex.end, *sentence)
        sentence_words = words(text, sentence[0], sentence[1])
        clause_words = [w for w in sentence_words if lo <= w.start < hi]
        verb = _nearest_verb(clause_words, timex.start, timex.end, reach=25)
        if verb is None:
            verb = _nearest_verb(sentence_words, timex.start, timex.end, reach=25)
        if verb is None:
            return None
        participants = self.participants(text, sentence_words, timex)
        return Measure(
            head=self.measures.canonical(verb),
            verb=verb,
            modifiers=participants,
            text=text[sentence[0] : sentence[1]],
        )

    def participants(
        self, text: str, sentence_words: Sequence[Word], timex: Timex
    ) -> tuple[str, ...]:
        """Named people and organizations (capitalized words that are not places or dates)."""
        places = self.vocabulary.places.canonical
        names: list[str] = []
        for word in sentence_words:
            if timex.start <= word.start < timex.end or not word.text[0].isupper():
                continue
            name = re.sub(r"['’]s?\Z", "", word.text).strip(".")
            low = name.lower()
            # Common English words ("Popular", "Forces", "It") do not identify anyone.
            if (
                not low
                or name in places
                or low in _FUNCTION_WORDS
                or low in _TITLES
                or low in _CALENDAR
                or getAllLemmas(low)
            ):
                continue
            if low not in names:
                names.append(low)
        return tuple(sorted(names))
