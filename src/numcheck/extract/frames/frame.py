"""A claim's frame, read from the dependency parse of its sentence.

The frame says what a figure measures in the terms two figures must share to be
compared: the counted noun and its modifiers, the predicate of the figure's own clause
(killed, injured, rescued, won), whether the figure selects a part ("two of the
passengers", "including three children"), the entity it belongs to (the party that won
the seats, the person an age is appended to, the crane a weight describes), and the
places and time its clause names. Canonical classes come from the measure vocabulary.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from numcheck.claims import Claim, Frame, Kind
from numcheck.extract.frames.parse import parse
from numcheck.extract.mentions import Timex
from numcheck.extract.quantities.nouns import singular
from numcheck.extract.quantities.numbers import vague_amounts
from numcheck.extract.sentences import split_sentences
from numcheck.language.lemmas import lemmas
from numcheck.language.words import frame_words
from numcheck.vocabulary import Measures, Places

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


_NOUNS = ("NOUN", "PROPN")
_PREDICATES = ("VERB", "AUX", "ADJ")
# Dependencies that hang a noun phrase or a number on a predicate.
_ARGUMENTS = frozenset(
    ["nsubj", "nsubjpass", "dobj", "attr", "oprd", "dative", "pobj", "appos", "conj", "npadvmod"]
)
# Clauses of their own: a date or place inside them is not the figure's.
_CLAUSES = frozenset(["advcl", "relcl", "ccomp", "parataxis", "acl", "csubj", "xcomp"])
_MODIFIERS = frozenset(["amod", "compound", "nmod"])
_BACKGROUND_PREPOSITIONS = frame_words("background_prepositions")
_TIME_ATTACHMENTS = frozenset(["npadvmod", "prep", "advmod", "pobj", "tmod"])
_PLACE_LABELS = frozenset(["GPE", "LOC", "FAC"])
_LOCATIVE_PREPOSITIONS = frame_words("locative_prepositions")
_COMPARISON_PREPOSITIONS = frame_words("comparison_prepositions")
_PARTITIVE_PREPOSITIONS = frame_words("partitive_prepositions")
_BACK_REFERENCES = frame_words("back_references")
_UNIVERSAL = frame_words("universal_quantifiers")
_OWNER_LABELS = frozenset(["PERSON", "ORG", "NORP", "GPE"])
_PRONOUNS = frame_words("pronouns")
_ANOTHER_EVENT_HEADS = frame_words("another_event_heads")
_TALLY_NOUNS = frame_words("tally_nouns")
_REPORTING = frame_words("reporting_verbs")
_HOLDING_VERBS = frame_words("holding_verbs")
_LEVEL_VERBS = frame_words("level_verbs")
_COMPARATIVES = frame_words("comparatives")
_COUNTING_VERBS = frame_words("counting_verbs")
_SUBSET_WORDS = frame_words("subset_words")
_MODALS = frame_words("modal_auxiliaries")
_SHARE_WORDS = frame_words("share_words")
_ORDINAL_SELECTORS = frame_words("ordinal_selectors")
_EVENT_NOUNS = frame_words("single_events") | frame_words("anaphoric_events") | {"bomb"}
_IRREALIS = frame_words("irrealis_verbs")
_OTHER_EVENT_WORDS = frame_words("other_event_modifiers")
_QUALIFIER_WORDS = frame_words("qualifier_words")
_GENERIC_PEOPLE = frame_words("generic_people")
_EVALUATIVE = frame_words("evaluative_adjectives")
_CHARGE_NOUNS = frame_words("charge_nouns")
_CHARGING_VERBS = frame_words("charging_verbs")
_ANAPHORIC_EVENTS = frame_words("anaphoric_events")
_KINSHIP_NOUNS = frame_words("kinship_nouns")
_PLACE_NOUNS = frame_words("place_nouns")
_OCCURRENCE_VERBS = frame_words("occurrence_verbs")
_ANAPHORIC_DETERMINERS = frozenset(["the", "that", "this"])
_SUBJECTS = frozenset(["nsubj", "nsubjpass"])
_OF_AGE = re.compile(r"\s+of\s+age\b", re.I)
_MOTION_PREPOSITIONS = frozenset(["from", "into", "onto", "to", "toward", "towards", "across"])
_EVENT_PREPOSITIONS = frozenset(["in", "by", "during"])  # "killed in an explosion"
_BARE_CLAUSE = frozenset(["nsubj", "nsubjpass", "aux", "auxpass", "neg", "punct", "cc"])
_ORGANIZATION_LABELS = frozenset(["ORG", "FAC"])
_OWNING_PREPOSITIONS = frozenset(["on", "of", "at"])
_RELATIVE_TAGS = frozenset(["WDT", "WP", "WP$", "WRB"])  # which, who, whose, where
_LOOK_BACK_SENTENCES = 2
_LOOK_BACK_CHARS = 1_200


def age_like(quote: str, after: str = "") -> bool:
    """Whether a span of time may be someone's age ("36-year-old", "Salah Ali, 70",
    "45 years of age", given the text ``after`` it): the only spans of time a frame
    compares ("four years after" is no one's)."""
    low = quote.lower()
    return low.endswith(("old", "olds")) or quote.isdigit() or _OF_AGE.match(after) is not None


@dataclass(frozen=True)
class FrameContext:
    """What the frame reader needs besides the parse: the vocabulary and the dates."""

    measures: Measures
    timexes: Sequence[Timex]
    places: Places | None = None
    text: str = ""
    """The document's text, for what a sentence refers back to ("in the incident")."""


def _lemma(token: Token) -> str:
    """The token's lemma from the one lemmatizer front, by its part of speech.

    spaCy's own lemmatizer is left out of the pipeline (a seventh of the parse time):
    verbs and auxiliaries take the dictionary's lemma ("killed" -> kill), nouns the
    dictionary's or plain English rules' singular ("euros" -> euro), names and other
    words stay as written, as spaCy's rules leave them.
    """
    word = token.lower_
    if token.pos_ in ("VERB", "AUX"):
        forms = lemmas(word)
        found = forms.get(token.pos_) or forms.get("VERB")
        return found[0] if found else word
    if token.pos_ == "NOUN":
        return singular(word)
    return word


def _numeral(token: Token) -> bool:
    """A number written in digits or words ("288", "three")."""
    return bool(token.like_num) or token.pos_ == "NUM"


def _number_token(tokens: Sequence[Token]) -> Token | None:
    numbers = [t for t in tokens if _numeral(t)]
    if not numbers:
        return None
    number = numbers[-1]
    # "one of three doctors": the figure is the one selected, not the group's size.
    for first in numbers[:-1]:
        of = [c for c in first.children if c.dep_ == "prep" and c.lower_ == "of"]
        if any(number in c.subtree for c in of):
            return first
    # "11 million documents": "11" hangs on "million"; the figure is the whole number.
    while number.dep_ in ("compound", "quantmod", "nummod") and _numeral(number.head):
        number = number.head
    return number


def _entity_text(token: Token) -> str:
    """The name a token belongs to: its entity, or its compound words ("New Democracy")."""
    if token.ent_type_:
        doc = token.doc
        for ent in doc.ents:
            if ent.start <= token.i < ent.end:
                words = ent.text.lower().replace("'s", "").replace("’s", "").split()
                name = " ".join(words[1:] if words[:1] == ["the"] else words)
                return name.rstrip("'’")  # "Harbor Mills' shares": the name, not its mark
    names = [t.text.lower() for t in token.lefts if _names(t)]
    return " ".join([*names, token.text.lower()])


def _governor(token: Token) -> tuple[Token | None, Token | None]:
    """The predicate governing a phrase, and a noun between them that names an event
    ("the deaths of three troops": deaths)."""
    current = token
    event_noun: Token | None = None
    for _ in range(6):
        head = current.head
        if head.i == current.i:
            return (current if current.pos_ in _PREDICATES else None), event_noun
        if head.pos_ in _PREDICATES and head.dep_ != "amod" and head.lower_ not in _QUALIFIER_WORDS:
            return head, event_noun
        if head.pos_ in _NOUNS and current.dep_ == "pobj" and event_noun is None:
            event_noun = head
        if head.dep_ == "prep" or head.pos_ == "ADP":
            current = head
            continue
        current = head
    return None, event_noun


def _selects_back(token: Token) -> bool:
    """A selection from what was just named: "many of them", "most of which"; not
    the whole of it ("all of them in Leeds")."""
    return token.lower_ not in _UNIVERSAL and any(
        of.dep_ == "prep"
        and of.lower_ in _PARTITIVE_PREPOSITIONS
        and any(g.dep_ == "pobj" and g.lower_ in _BACK_REFERENCES for g in of.children)
        for of in token.children
    )


def _clause(predicate: Token, phrase: Token) -> list[Token]:
    """The predicate's own clause: its subtree without the clauses embedded in it
    (unless the figure stands in one)."""
    excluded: set[int] = set()
    for child in predicate.subtree:
        if child.i == predicate.i or child.i in excluded:
            continue
        if (
            child.dep_ in _CLAUSES
            or (child.dep_ == "conj" and child.pos_ in _PREDICATES)
            or (child.dep_ == "prep" and child.lower_ in _BACKGROUND_PREPOSITIONS)
            # "1,000 troops in the country and its consulate in Mazar": a conjoined noun
            # with a determiner of its own is another thing, and its places are its own.
            or (child.dep_ == "conj" and child.pos_ in _NOUNS and _determined(child))
            # "3,500 flights, many of them at Atlanta's airport": a part's places
            or _selects_back(child)
        ):
            inside = {t.i for t in child.subtree}
            if phrase.i not in inside:
                excluded |= inside
    tokens = [t for t in predicate.subtree if t.i not in excluded]
    if predicate.dep_ in ("relcl", "acl") and predicate.head.pos_ in _NOUNS:
        # "the 2011 flood, which killed 23", "strikes in Kunduz that left 32 dead": the
        # antecedent's words date and place the clause too.
        own = {t.i for t in predicate.subtree}
        tokens += [t for t in predicate.head.subtree if t.i not in own]
    elif _result_participle(predicate):
        # "a blast damaged the embassy in Nairobi, killing 40 people": what the event
        # did, told in a participle, happened where the event did.
        own = {t.i for t in predicate.subtree} | _targets(predicate.head)
        tokens += [t for t in _clause(predicate.head, predicate) if t.i not in own]
    elif _shares_subject(predicate):
        # "the bombing in Tanzania killed 10 people and wounded about 70 others": the
        # second verb's subject, and its places, are the first's; not the clauses embedded
        # in it ("the storm, which battered Cuba on Monday, ..."), nor where it came from
        # or went first ("rebels from Darfur crossed into Chad and killed 30")
        first = predicate.head
        moved = any(c.dep_ == "prep" and c.lower_ in _MOTION_PREPOSITIONS for c in first.children)
        subjects = [c for c in first.children if c.dep_ in _SUBJECTS] if not moved else []
        for subject in subjects:
            origin = {
                t.i
                for c in subject.children
                if c.dep_ == "prep" and c.lower_ in _MOTION_PREPOSITIONS
                for t in c.subtree
            }
            tokens += [t for t in _clause(subject, subject) if t.i not in origin]
    return tokens


def _conjoined_clause(predicate: Token) -> bool:
    """A verb conjoined to an earlier verb of the same sentence."""
    return predicate.dep_ == "conj" and predicate.pos_ == "VERB" and predicate.head.pos_ == "VERB"


def _bare_second_clause(predicate: Token, phrase: Token) -> bool:
    """A conjoined clause that is only the figure and its verb ("and more than 1,640
    were wounded"): one with a scope, a time or an object of its own ("and 40 soldiers
    have died this year", "and the storm has killed 22 in all") tells more than where."""
    return (
        _conjoined_clause(predicate)
        and phrase.dep_ in _SUBJECTS
        and phrase.head.i == predicate.i
        and all(c.dep_ in _BARE_CLAUSE for c in predicate.children)
    )


def _shares_subject(predicate: Token) -> bool:
    """A verb conjoined to another without a subject of its own."""
    return _conjoined_clause(predicate) and not any(c.dep_ in _SUBJECTS for c in predicate.children)


def _targets(verb: Token) -> set[int]:
    """The places an event struck, not where its toll lies: "slammed into Manila",
    "hit Manila" (a storm's toll may reach far beyond); "damaged the embassy in
    Nairobi" names where the event happened and is no target."""
    found: set[int] = set()
    for child in verb.children:
        if child.dep_ == "dobj":
            objects = [child]
        elif child.dep_ == "prep" and child.lower_ not in _LOCATIVE_PREPOSITIONS:
            objects = [o for o in child.children if o.dep_ == "pobj"]
        else:
            objects = []
        for target in objects:
            if target.ent_type_ in _PLACE_LABELS:
                found |= {t.i for t in target.subtree if t.ent_type_ == target.ent_type_}
    return found


def _figure_read_as_place(token: Token) -> bool:
    """A figure the tagger took for a place ("destroyed 288 homes" tagged a facility):
    an entity that opens on a number and names nothing ("10 Downing Street" does)."""
    if not _numeral(token):
        return False
    entity = next((e for e in token.doc.ents if e.start == token.i), None)
    return entity is None or not any(t.pos_ == "PROPN" for t in entity)


def _selected_by_of(tokens: Sequence[Token]) -> bool:
    """A number the parser hung on the group it is selected from: "One of three doctors
    was arrested" (with "One" and "of" read as modifiers of "three")."""
    doc = tokens[0].doc
    return any(
        _numeral(t)
        and t.i + 1 < len(doc)
        and doc[t.i + 1].lower_ == "of"
        and doc[t.i + 1].dep_ == "quantmod"
        for t in tokens
    )


def _own_phrases(token: Token) -> list[Token]:
    """The prepositional phrases a token heads ("45 in Lagos": in Lagos)."""
    return [t for c in token.children if c.dep_ == "prep" for t in c.subtree]


def _earlier_value(clause: Sequence[Token], phrase: Token) -> set[int]:
    """The tokens of a value the figure is compared with ("840.8 million shares, up from
    443.6 million Thursday"): its date dates that value, not the figure."""
    found: set[int] = set()
    for prep in clause:
        if prep.dep_ != "prep" or prep.lower_ not in _COMPARISON_PREPOSITIONS:
            continue
        value = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if value is None or not _numeral(value) or _dated(value):
            continue  # "from 3 boats", "from 2020 to 2022": no value compared with
        inside = {t.i for t in prep.subtree}
        if phrase.i not in inside:
            found |= inside
    return found


def _names_counted_things(token: Token) -> bool:
    """A name in apposition to a counted noun ("two dogs, Banjo and Crosby", "three
    villages, Ata, Bori and Sel") names the things counted, not where the figure holds."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    head = token.head
    return (
        token.dep_ == "appos"
        and head.pos_ == "NOUN"
        and _counted(head)
        and _lemma(head) not in _PLACE_NOUNS  # "two states, Ohio and Indiana": places
    )


def _elided_antecedent(others: Token) -> Token | None:
    """The noun "others" stands for: the counted object of the verb its own verb is
    conjoined to ("killed five people, including two children, and wounded 30 others":
    people), else the nearest noun before it that a number counts, outside an
    "including" or "among" phrase and an apposition and never the agent; None where
    nothing was counted."""
    verb = others.head
    if verb.dep_ == "conj" and verb.head.pos_ == "VERB":
        for child in verb.head.children:
            if child.dep_ in ("dobj", "nsubjpass") and _counted(child):
                return child
    for token in reversed(others.doc[: others.i]):
        elided = token.pos_ == "NOUN" and token.lower_ not in ("other", "others")
        # not the agent ("three gunmen killed 14 and wounded 40 others")
        if elided and token.dep_ != "nsubj" and _counted(token) and not _set_apart(token):
            return token
    return None


def _counted(noun: Token) -> bool:
    return any(c.dep_ == "nummod" and _numeral(c) for c in noun.children)


def _set_apart(noun: Token) -> bool:
    """A noun in an apposition or an "including" / "among" phrase: a part named aside."""
    current = noun
    for _ in range(4):
        if current.dep_ == "appos" or current.lower_ in _SUBSET_WORDS:
            return True
        if current.head.i == current.i:
            return False
        current = current.head
    return False


def _event_setting(verb: Token) -> list[Token]:
    """Where the event the figure's verb happened in took place, told in the event's
    own relative clause: "killed in an explosion that took place near the embassy in
    Dar es Salaam"; not an event the clause compares it with ("the deadliest since an
    attack that took place in Kabul")."""
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in _EVENT_PREPOSITIONS:
            continue
        for event in prep.children:
            if event.dep_ != "pobj" or _lemma(event) not in _ANAPHORIC_EVENTS:
                continue
            for child in event.children:
                if child.dep_ == "relcl" and _tells_occurrence(child):
                    return list(child.subtree)
    return []


def _tells_occurrence(verb: Token) -> bool:
    """ "happened", "occurred", "took place": a verb that only says where and when."""
    lemma = _lemma(verb)
    if lemma == "take":
        return any(c.dep_ == "dobj" and c.lower_ == "place" for c in verb.children)
    return lemma in _OCCURRENCE_VERBS


def _relative_antecedent(verb: Token) -> list[Token]:
    """The noun phrase a relative clause tells of, where the figure's clause is one: the
    place of "the village near Kunduz in which 30 people were killed" is the village's.
    The parse gives it where it marks the clause "relcl" (``_clause``); this reads it
    where the parser hangs "in which ..." elsewhere: the words before the relative
    pronoun back to the verb before them."""
    if verb.dep_ == "relcl":
        return []
    start = verb.left_edge
    first = start.nbor(1) if start.dep_ == "prep" and start.i + 1 < len(start.doc) else start
    if first.tag_ not in _RELATIVE_TAGS or first.i >= verb.i:
        return []
    before: list[Token] = []
    for token in reversed(start.doc[: start.i]):
        if token.pos_ in ("VERB", "AUX") or token.is_punct:
            break
        before.append(token)
    return before[::-1]


def _whole_of_a_share(phrase: Token, first: Token) -> bool:
    """A group a share is taken from: "three quarters of the 280 workers", "80% of the
    13,000 doctors", "half of the 1,200" (not "all of the 280": all of them did; nor a
    figure that is the share itself, "hundreds of women", "one of the dogs", whose
    first token is ``first``)."""
    if phrase.dep_ != "pobj" or phrase.head.lower_ != "of":
        return False
    share = phrase.head.head
    if share is phrase.head or share.i >= first.i or share.lower_ in _UNIVERSAL:
        return False
    words = {_lemma(share), share.lower_.removesuffix("s")}  # "thirds" lemmatizes to itself
    return bool(words & _SHARE_WORDS) or share.like_num


def _one_of_the_events(predicate: Token) -> bool:
    """A verb whose subject is one of several events: "the first blast killed 60", "one
    of the bombs killed 30"; its figure is a part of what all of them did."""
    for subject in predicate.children:
        if subject.dep_ not in ("nsubj", "nsubjpass"):
            continue
        if _lemma(subject) in _EVENT_NOUNS and any(
            c.dep_ == "amod" and c.lower_ in _ORDINAL_SELECTORS for c in subject.children
        ):
            return True  # not "the first responders rescued 12": responders are no event
        of = next((c for c in subject.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        events = [t for t in of.children if t.dep_ == "pobj"] if of is not None else []
        if subject.lower_ in ("one", "1") and any(_lemma(t) in _EVENT_NOUNS for t in events):
            return True
    return False


def _source(predicate: Token | None) -> str | None:
    """Who tells the figure: the subject of a reporting verb above its clause ("...,
    organisers said"), or what "according to" names; its head word, None for a pronoun."""
    if predicate is None:
        return None
    for verb in [predicate, *list(predicate.ancestors)[:3]]:
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ == "according":
                to = next((t for t in child.children if t.lower_ == "to"), None)
                told = next((t for t in to.children if t.dep_ == "pobj"), None) if to else None
                return _speaker(told)
        if verb is not predicate and _lemma(verb) in _REPORTING:
            return _speaker(next((c for c in verb.children if c.dep_ == "nsubj"), None))
    return None


def _speaker(token: Token | None) -> str | None:
    """The head word of who speaks; None for a pronoun or an event ("the bombing claimed
    250 lives" tells no one's count)."""
    if token is None or token.pos_ == "PRON" or _lemma(token) in _EVENT_NOUNS:
        return None
    return _lemma(token).lower()


def _irrealis(phrase: Token, predicate: Token | None) -> bool:
    """Whether a figure is told as possible, expected, planned or attempted, not as what
    happened: a modal on its verb ("could exceed 100"), a verb of expecting or trying
    above it ("had expected Apple to earn $1.50", "trying to kill six babies"), or such
    a modifier on a noun above it ("the attempted murder of six babies")."""
    verb = predicate
    for _ in range(3):
        if verb is None:
            break
        if any(c.dep_ == "aux" and c.lower_ in _MODALS for c in verb.children):
            return True
        if verb.dep_ not in ("xcomp", "ccomp", "pcomp") or verb.head is verb:
            break
        verb = verb.head
        if _lemma(verb) in _IRREALIS:
            return True
    return any(
        c.dep_ == "amod" and _lemma(c) in _IRREALIS
        for head in list(phrase.ancestors)[:3]
        for c in head.children
    )


def _fronted_partitive(phrase: Token, predicate: Token | None) -> bool:
    """A subject selected by an "of" phrase before it: "Of those killed, 11 were
    Americans", "Of the 40 injured, six remain in hospital" count a part of a group."""
    if predicate is None or phrase.dep_ not in ("nsubj", "nsubjpass") or phrase.head != predicate:
        return False
    return any(
        c.dep_ == "prep" and c.lower_ in _PARTITIVE_PREPOSITIONS and c.i < phrase.left_edge.i
        for c in predicate.children
    )


def _participle_after_conjunct(phrase: Token) -> Token | None:
    """The participle right after a conjoined figure that the parser hung on the first
    conjunct: in "eight of them Americans and over 1,000 injured", "injured" is what
    happened to the 1,000, not to the Americans."""
    if phrase.dep_ != "conj" or phrase.right_edge.i + 1 >= len(phrase.doc):
        return None
    following = phrase.doc[phrase.right_edge.i + 1]
    if following.dep_ == "acl" and following.tag_ == "VBN" and following.head.i == phrase.head.i:
        return following
    return None


def _result_participle(predicate: Token) -> bool:
    """A subjectless participle adjunct of a verb ("..., killing 40 people", "killing 40
    while wounding 1,000"); not one a conjunction sets apart ("after killing ..."), nor a
    "while" that sets a place or manner of its own ("while hiring 1,200 elsewhere")."""
    if not (
        predicate.dep_ == "advcl"
        and predicate.tag_ == "VBG"
        and predicate.head.pos_ in ("VERB", "AUX")
        and not any(c.dep_ in _SUBJECTS for c in predicate.children)
    ):
        return False
    marks = [c.lower_ for c in predicate.children if c.dep_ == "mark"]
    own = any(c.dep_ in ("prep", "advmod", "npadvmod") for c in predicate.children)
    return not marks or (marks == ["while"] and not own)


def _determined(noun: Token) -> bool:
    """A noun with its own determiner or possessive ("its consulate", "the embassy")."""
    return any(c.dep_ in ("det", "poss") for c in noun.children)


class FrameReader:
    """Reads the frames of one sentence's claims from its parse."""

    def __init__(self, context: FrameContext) -> None:
        self.measures = context.measures
        # by start, so a clause reads only the dates inside it (all of them per claim
        # was quadratic in a long document)
        self.timexes = sorted(context.timexes, key=lambda t: t.start)
        self._timex_starts = [t.start for t in self.timexes]
        self.text = context.text
        self._place_forms = context.places.by_lower_form if context.places else {}
        self._antecedents: dict[int, list[str]] = {}
        self._labelled: dict[int, int] = {}

    def canonical(self, word: str) -> str:
        return self.measures.canonical(word)

    def reconcile(self, frame: Frame, claim: Claim) -> Frame:
        """The frame checked against what the number scanner read: its counted noun where
        the parse lost it ("signed by 1,984 lawmakers" parsed with "1,984" alone), and no
        place that only names a population ("attacks on US and allied troops")."""
        updates: dict[str, object] = {}
        measure = claim.measure
        if (
            claim.kind is Kind.COUNT
            and measure is not None
            and measure.noun
            and measure.noun in claim.quote
            and frame.noun in (None, "person")
            and frame.attribute_of is None
        ):
            head = self.canonical(measure.head)
            if head in self.measures.outcomes:
                head = "person"  # "no injuries were reported" counts people hurt
            updates["noun"] = "person" if head in _GENERIC_PEOPLE else head
        if claim.scope.population and frame.places:
            population = set(claim.scope.population)
            updates["places"] = tuple(
                p for p in frame.places if self._place_forms.get(p) not in population
            )
        return frame.model_copy(update=updates) if updates else frame

    def read(  # noqa: C901 - one pass over the parse; split with the frames/ modules
        self, doc: Doc, base: int, start: int, end: int, kind: str
    ) -> Frame | None:
        """The frame of the figure at ``[start, end)`` (text offsets) in the sentence
        ``doc``, which starts at ``base`` in the text."""
        lo, hi = start - base, end - base
        tokens = [t for t in doc if t.idx < hi and t.idx + len(t.text) > lo]
        if not tokens:
            return None
        number = _number_token(tokens)
        if number is None:
            number = next(
                (t for t in tokens if t.head.i not in {x.i for x in tokens} or t.head.i == t.i),
                tokens[0],
            )
        if number.lower_ in ("others", "other"):
            return None  # "several others": a count of whatever was named before
        if _after_label(doc.text, lo) and self._labelled_figures(doc, base) >= _FACT_BOX_LABELS:
            return None  # "Total dead: 10 Americans: 0 Injured: 74": a label says what
        after = doc[tokens[-1].i + 1] if tokens[-1].i + 1 < len(doc) else None
        if (
            tokens[-1].lower_ in ("times", "fold")
            and after is not None
            and (after.lower_ in _COMPARATIVES or after.tag_ in ("JJR", "RBR"))
        ):
            return None  # "ten times more officers": a ratio, not a count of times
        counted: Token | None = None
        partitive = False
        if number.dep_ in ("nummod", "quantmod", "amod", "compound", "nmod") and (
            number.head.pos_ in _NOUNS
        ):
            counted = number.head
        of = next((c for c in number.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        if of is not None and counted is None:
            pobj = next((c for c in of.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                # "two of the passengers", "one of them", "one of three doctors": a part;
                # "dozens of people": a count.
                partitive = pobj.pos_ == "PRON" or any(
                    c.dep_ in ("det", "poss", "nummod") for c in pobj.children
                )
                counted = pobj
        elif (
            counted is None
            and number.pos_ in _NOUNS
            and not number.like_num
            and number.lower_ not in _vague_words()
        ):
            counted = number  # "several children": the vague amount hangs on its noun
        partitive = partitive or _selected_by_of(tokens)
        measured = kind in ("quantity", "money", "percent", "duration")
        kin_person: str | None = None
        attribute: Token | None = None
        unit: Token | None = None
        if measured and counted is not None:
            unit, counted = counted, None
            attribute = self._described(unit)
        elif (
            counted is not None
            and counted.dep_ in ("compound", "amod", "nmod")
            and (counted.head.pos_ in _NOUNS)
        ):
            attribute = counted.head  # "a 30-car pileup": cars of the pileup
        elif counted is not None and (kin := _kin_of(counted)) is not None:
            # "Ruiz, the father of three children", "Ruiz was the father of ...": his
            # children; whose, where no name says, is unknown, and it is compared with none
            named = _kin_person(kin)
            if named is None:
                return None
            attribute, kin_person = kin, _entity_text(_name_token(named))
        phrase = counted or unit or number
        phrase = _phrase_head(phrase)
        predicate_token, event_noun = _governor(phrase)
        own_verb = next(
            (c for c in phrase.children if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB"), None
        ) or _participle_after_conjunct(phrase)
        # "increased, with 165 attacks targeting US troops": the figure's own verb says
        # what it counts; the main clause still gives its places and time.
        naming_verb = own_verb if own_verb is not None and phrase.head.lower_ == "with" else None
        # "six were killed and at least 58 injured in the attack", "the two dogs injured
        # in the crash": a participle that says what happened to the counted is what it
        # counts, and its phrase says where.
        outcome_verb = (
            own_verb
            if own_verb is not None
            and attribute is None
            and own_verb.tag_ == "VBN"
            and self.canonical(_lemma(own_verb)) in self.measures.outcomes
            else None
        )
        naming_verb = naming_verb or outcome_verb
        noun, named_by = self._counted_noun(counted) if counted is not None else (None, None)
        if noun is not None and noun.isdigit():
            noun = None
        modifiers: list[str] = []
        predicate: str | None = None
        if counted is not None:
            for child in counted.children:
                if child.dep_ not in _MODIFIERS or child.i in (number.i, named_by):
                    continue
                if child.ent_type_ in ("GPE", "NORP") or child.like_num:
                    continue
                word = self.canonical(_lemma(child))
                if child.tag_ in ("VBN", "VBD") and word in self.measures.outcomes:
                    predicate = word  # "two injured sailors"
                elif word not in _QUALIFIER_WORDS and word not in self.measures.generic_modifiers:
                    modifiers.append(word)
        negated = False
        time_told = False
        share_of = False
        irrealis = _irrealis(phrase, predicate_token)
        source = _source(predicate_token)
        owner: str | None = None
        places: list[str] = []
        time: str | None = None
        window: str | None = None
        other_event = False
        subset = any(a.lower_ in _SUBSET_WORDS for a in list(phrase.ancestors)[:3])
        if phrase.dep_ == "appos" and phrase.head.pos_ in _NOUNS and phrase.head.pos_ != "PROPN":
            subset = subset or phrase.head.lower_ in ("others",)
        subset = subset or _fronted_partitive(phrase, predicate_token)
        if predicate_token is not None:
            # "have not identified any suspects" counts none identified: the negation
            # is the figure's, not the clause's.
            negated = tokens[0].lower_ != "any" and any(
                c.dep_ == "neg" for c in predicate_token.children
            )
            if predicate is None:
                predicate = self._predicate(
                    naming_verb or predicate_token, phrase, event_noun, noun
                )
            if predicate not in self.measures.outcomes:
                owner = self._owner(predicate_token, phrase)  # who won, not who killed
            clause = _clause(predicate_token, phrase)
            if outcome_verb is not None:
                clause += [t for t in _clause(outcome_verb, phrase) if t not in clause]
            places = self._own_places(phrase, predicate_token, clause)
            if not places and any(_refers_back(t) for t in clause):
                places = self._antecedent_places(base)  # "killed in the incident"
            there = None if places else next((t for t in clause if _there(t)), None)
            if there is not None:
                # "wounded there": a place its own sentence names before it, else every
                # place the sentences before name
                before = self._places(t for t in doc if t.i < there.i)
                places = before or self._antecedent_places(base, every=True)
            if not places:
                places = self._places(_relative_antecedent(predicate_token))
            if not places:
                places = self._places(_event_setting(predicate_token))
            if not places and _bare_second_clause(predicate_token, phrase):
                # "74 were killed in Nairobi and more than 1,640 were wounded": the
                # second clause happened where the first did
                first = predicate_token.head
                places = self._places(_clause(first, first))
            if not places and predicate_token.dep_ in ("relcl", "acl"):
                places = self._scene_places(doc)  # the main clause has the opener itself
            # "rose to $4.2 billion in March from $3.9 billion in February": a date in the
            # figure's own phrase dates it before any other date of the clause does.
            own_phrase = list(phrase.head.subtree) if phrase.head.dep_ == "prep" else []
            time, window = self._time(own_phrase, start, end, base)
            if time is None and window is None:
                earlier = _earlier_value(clause, phrase)
                kept = [t for t in clause if t.i not in earlier]
                time, window = self._time(kept, start, end, base)
            if time is None and window is None:
                time, time_told = self._enclosing_time(predicate_token, start, end, base)
            other_event = any(
                t.lower_ in _OTHER_EVENT_WORDS and t.dep_ == "amod" for t in clause
            ) or any(_lemma(a) in _ANOTHER_EVENT_HEADS for a in predicate_token.ancestors)
            if (
                _lemma(predicate_token) in _REPORTING
                and phrase.dep_ in ("nsubj", "nsubjpass")
                and (number.lower_ in ("one", "1", "a", "an"))
            ):
                partitive = True  # "one witness said": a selection, not a count
            # "half of the 1,200 doctors walked out": 1,200 did not
            share_of = _whole_of_a_share(phrase, tokens[0])
            subset = subset or _one_of_the_events(predicate_token)
        elif event_noun is not None:
            predicate = self.canonical(_lemma(event_noun))
        if measured and attribute is None and owner is None and predicate_token is not None:
            attribute, owner = self._level_subject(predicate_token, phrase)
        if attribute is not None and owner is None and attribute.pos_ == "PROPN":
            owner, attribute = _entity_text(attribute), None  # "the 77-tonne Skylab"
        if attribute is not None:
            poss = next((c for c in attribute.children if c.dep_ == "poss"), None)
            # "Friday's earthquake": a date's possessive dates the thing, nobody owns it.
            if poss is not None and poss.lower_ not in _PRONOUNS and not _dated(poss):
                owner = _entity_text(poss)
        quote = doc.text[tokens[0].idx : tokens[-1].idx + len(tokens[-1].text)]
        following = doc.text[tokens[-1].idx + len(tokens[-1].text) :]
        aged = kind == "duration" and age_like(quote, following)
        person = self._person(number) if aged else None
        if person is not None:
            owner, attribute = person, None  # an age: "Salah Ali, 70", "the 36-year-old Lopes"
        if owner is None and counted is not None:
            owner = self._nationality(counted)
        owner = kin_person or owner
        if owner is not None:
            places = [p for p in places if p != owner]
        if counted is not None and _lemma(counted) in _CHARGE_NOUNS:
            modifiers, predicate = self._charges(counted, modifiers, predicate)
        if noun in self.measures.vague_nouns and predicate:
            noun = predicate  # "attacked on 110 occasions" counts attacks
        if noun in self.measures.outcomes and predicate in (None, noun):
            noun, predicate = "person", noun  # "two fatalities", "five confirmed deaths"
        if noun in _GENERIC_PEOPLE or (noun is None and not measured and predicate):
            noun = "person" if noun != "other" else None
            if noun is None and not predicate:
                return None
        if noun == "other" or (counted is not None and counted.lower_ == "others"):
            # "killing one dog and injuring five others": five more of what was counted
            named = _elided_antecedent(counted or number)
            if named is None:
                return None
            noun = self._counted_noun(named)[0]
            noun = "person" if noun in _GENERIC_PEOPLE else noun
        return Frame(
            noun=noun,
            modifiers=tuple(sorted(set(modifiers))),
            predicate=predicate,
            negated=negated,
            irrealis=irrealis,
            share_of=share_of,
            source=source,
            time_told=time_told,
            role=phrase.dep_ or None,
            partitive=partitive,
            subset=subset,
            owner=owner,
            attribute_of=(
                self._attribute_text(attribute, unit or counted)
                if attribute is not None
                else ("age" if person is not None else None)
            ),
            places=tuple(places),
            time=time,
            window=window,
            other_event=other_event,
        )

    def _nationality(self, counted: Token) -> str | None:
        """Whose a population is, by its demonym or country: "1,000 German service
        members" are Germany's, as "Germany has 850 soldiers" says, and "US troops" the
        United States' as "American troops" are; "two American soldiers" are not "three
        Afghan soldiers"."""
        for child in counted.children:
            if child.dep_ in ("amod", "compound", "nmod") and child.ent_type_ in ("NORP", "GPE"):
                country = self._place_forms.get(_entity_text(child).lower())
                if country is not None:
                    return country.lower()
        return None

    def _charges(
        self, counted: Token, modifiers: list[str], predicate: str | None
    ) -> tuple[list[str], str | None]:
        """Counts of a charge: the charge named tells them apart ("two counts of assault"
        are not "five counts of mischief"); the verb that brings them does not ("faces",
        "was arrested on", "was charged with"), one that settles them does ("pleaded
        guilty to")."""
        charge = _of_object(counted)
        if charge is not None:
            modifiers = [*modifiers, self.canonical(_lemma(charge))]
        return modifiers, ("charge" if predicate in _CHARGING_VERBS else predicate)

    def _counted_noun(self, counted: Token) -> tuple[str, int | None]:
        """The canonical counted noun, and the compound word that is part of its name
        where the vocabulary lists the two words as one ("service members" are troops,
        not members)."""
        lemma = _lemma(counted)
        for child in counted.lefts:
            if child.dep_ == "compound" and child.i == counted.i - 1:
                phrase = f"{_lemma(child)} {lemma}"
                if phrase in self.measures.synonym_of:
                    return self.canonical(phrase), child.i
        return self.canonical(lemma), None

    def _described(self, unit: Token) -> Token | None:
        """What a measured figure describes: "a 12-ton crane", "15 inches of snow",
        "$85 billion deal"."""
        if (
            unit.head.i != unit.i
            and unit.head.pos_ in _NOUNS
            and unit.dep_
            in (
                "compound",
                "amod",
                "nmod",
                "nummod",
                "npadvmod",
            )
        ):
            return unit.head
        if any(c.dep_ == "prep" and c.lower_ == "of" for c in unit.children):
            return _of_object(unit)
        if unit.head.pos_ == "ADJ" and unit.head.head.pos_ in _NOUNS:
            return unit.head.head  # "the 30m-deep shaft"
        return _described_in_parallel(unit)

    def _attribute_text(self, token: Token, figure: Token | None) -> str:
        """What a figure describes, in words that tell it from other things: "rear
        camera", "space station"; not the figure's own unit or noun ("a 30-car pileup"
        describes a pileup, "a 12-ton crane" a crane), nor words that only praise or
        size it up ("a massive earthquake" is the earthquake)."""
        words = [
            self.canonical(_lemma(c))
            for c in token.children
            if c.dep_ in ("compound", "amod")
            and not c.like_num
            and c.pos_ != "NUM"
            and (figure is None or c.i != figure.i)
            and c.lower_ not in _QUALIFIER_WORDS
            and c.lower_ not in _EVALUATIVE
        ]
        return " ".join([*words, self.canonical(_lemma(token))])

    def _predicate(  # noqa: C901 - one test per way English names a predicate
        self, verb: Token, phrase: Token, event_noun: Token | None, noun: str | None
    ) -> str | None:
        lemma = _lemma(verb)
        objects = [c for c in verb.children if c.dep_ in ("dobj", "attr", "acomp", "oprd")]
        phrases = [f"{lemma} {_lemma(obj)}" for obj in objects]
        for prep in (c for c in verb.children if c.dep_ == "prep"):
            phrases += [f"{lemma} {prep.lower_} {_lemma(o)}" for o in prep.children]
        for phrase_words in phrases:
            phrase_name = self.canonical(phrase_words)
            if phrase_name in self.measures.outcomes:
                return phrase_name  # "lost their lives", "taken to hospital"
        if event_noun is not None:
            name = self.canonical(_lemma(event_noun))
            if name in self.measures.outcomes or noun is None:
                return name
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None and subject.lower_ in _TALLY_NOUNS and subject.i != phrase.i:
            # "the death toll rose to 44": the toll's words say what is counted.
            for child in subject.children:
                name = self.canonical(_lemma(child))
                if name in self.measures.outcomes:
                    return name
                if child.dep_ == "prep":
                    for pobj in child.children:
                        name = self.canonical(_lemma(pobj))
                        if name in self.measures.outcomes:
                            return name
        for child in [*verb.children, *phrase.children]:
            if child.dep_ in ("acomp", "oprd", "xcomp", "amod") and child.i != phrase.i:
                name = self.canonical(_lemma(child))
                if name in self.measures.outcomes:
                    return name  # "left 41 people dead", "are still trapped"
        if lemma in ("be", "remain", "stand"):
            complement = next((c for c in verb.children if c.dep_ == "acomp"), None)
            if complement is not None:
                return self.canonical(_lemma(complement))  # "38 miners are still trapped"
        if lemma in ("be", "remain", "stand", "have") or lemma in _COUNTING_VERBS:
            return None  # "there were 30", "officials counted 165 attacks"
        name = self.canonical(lemma)
        return None if name in self.measures.light_verbs else name

    def _level_subject(self, verb: Token, phrase: Token) -> tuple[Token | None, str | None]:
        """What a price or a level belongs to, from the subject of its verb: "Automatic Data
        closed at $46.50" is Automatic Data's, "Courtaulds' shares rose 15 pence" the
        shares', "total assets increased to $12.7 billion" the assets; or from its object
        where the figure says by how much ("increasing its reserves by $8.5 million").
        Amounts of two things are two quantities, whatever their verb."""
        if _lemma(verb) not in _LEVEL_VERBS:
            return None, None
        if phrase.dep_ == "pobj" and phrase.head.lower_ in ("by", "to", "from"):
            # "increasing its loan-loss reserves by $8.5 million": what the verb moves
            moved = next((c for c in verb.children if c.dep_ == "dobj"), None)
            if moved is not None and moved.i != phrase.i and moved.pos_ == "NOUN":
                return moved, None
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or subject.i == phrase.i:
            return None, None
        if _named(subject):
            return None, _entity_text(_name_token(subject))
        if subject.pos_ == "NOUN":
            return subject, None
        return None, None

    def _owner(self, verb: Token, phrase: Token) -> str | None:  # noqa: C901 - one test a way
        """The named entity a figure belongs to: the subject that won it ("New Democracy
        won 129 seats", "the Syriza party was second, with 27 percent"), the name a
        "with" phrase or a participle hangs on ("showed New Democracy with 30 percent",
        "the New Democracy party gaining 30 percent")."""
        if phrase.dep_ in ("nsubj", "nsubjpass"):
            return None
        market = _named_complement(verb)
        if market is not None:
            return market
        current = phrase
        for _ in range(6):
            head = current.head
            if head.i == current.i:
                return None
            if current.dep_ in ("appos", "npadvmod", "nmod") and _named(head):
                return _entity_text(_name_token(head))  # "Syriza 26.9%", "Pasok, 33 seats"
            if head.pos_ == "ADP" and head.lower_ == "with":
                if _named(head.head):
                    return _entity_text(_name_token(head.head))
                # "projections showed New Democracy with 30 percent": the verb's object.
                # "Syriza was second, with 27 percent": with a figure, the subject has it.
                named = [
                    c
                    for c in head.head.children
                    if c.dep_ in ("dobj", "nsubj", "nsubjpass") and _named(c)
                ]
                if named:
                    return _entity_text(_name_token(named[0]))
            if head.pos_ in _PREDICATES:
                if head.dep_ in ("acl", "relcl") and _named(head.head):
                    return _entity_text(_name_token(head.head))
                holder = _holder(head) if _lemma(head) in _HOLDING_VERBS else None
                if holder is not None and _named(holder):
                    return _entity_text(_name_token(holder))
                if head.i == verb.i or head.dep_ not in ("conj", "xcomp", "advcl"):
                    return None
            current = head
        return None

    def _person(self, number: Token) -> str | None:
        """The person an age belongs to: "Salah Ali, 70" or "the 36-year-old Lopes"."""
        current = number
        for _ in range(4):
            head = current.head
            if head.i == current.i:
                return None
            if head.pos_ == "PROPN" or head.ent_type_ == "PERSON":
                return _entity_text(head)
            current = head
        return None

    def _enclosing_time(
        self, predicate: Token, start: int, end: int, base: int
    ) -> tuple[str | None, bool]:
        """The date of the clause that embeds the figure's own ("strikes near Kunduz last
        week in which 30 were killed"): the nearest one up the tree; and whether it is
        the date of a reporting verb ("..., the IOC said on Sunday"), when the figure was
        told rather than when it happened."""
        own = {t.i for t in predicate.subtree}
        for ancestor in list(predicate.ancestors)[:4]:
            near = [c for c in ancestor.children if c.i not in own]
            tokens = [t for c in near if c.dep_ in _TIME_ATTACHMENTS for t in c.subtree]
            if ancestor.pos_ in _NOUNS:  # "the 2011 flood along the Drina, which killed 23"
                tokens += [t for c in ancestor.lefts if c.i not in own for t in c.subtree]
            time, window = self._time(tokens, start, end, base)
            if time or window:
                return time, _lemma(ancestor) in _REPORTING
        return None, False

    def _labelled_figures(self, doc: Doc, base: int) -> int:
        """How many "label: figure" pairs the sentence at ``base`` holds (once a sentence:
        a long table line holds many figures)."""
        if base not in self._labelled:
            self._labelled[base] = len(_LABELLED_FIGURE.findall(doc.text))
        return self._labelled[base]

    def _antecedent_places(self, base: int, *, every: bool = False) -> list[str]:
        """The last place the sentences before ``base`` name: where "the incident" or
        "the strike" of a sentence happened ("... the air strikes in Kunduz. Some 30
        civilians were killed in the incident" counts the dead of Kunduz). With
        ``every``, all of them: "there" after "landfall in Cuba before heading toward
        Florida" may be either, so the figure holds for no one place of them."""
        if base not in self._antecedents:
            window = self.text[max(0, base - _LOOK_BACK_CHARS) : base]
            before = [s.text for s in split_sentences(window)][-_LOOK_BACK_SENTENCES:]
            self._antecedents[base] = [p for doc in parse(before) for p in self._places(doc)]
        found = self._antecedents[base]
        return list(dict.fromkeys(found)) if every else found[-1:]

    def _own_places(self, phrase: Token, verb: Token, clause: Sequence[Token]) -> list[str]:
        """The places of a figure's clause, less those a conjoined figure names for
        itself: "killed 247 people in Kenya and 10 in Tanzania" puts 247 in Kenya and 10
        in Tanzania, not both in both."""
        in_clause = {t.i for t in clause}
        own = self._places(t for t in _own_phrases(phrase) if t.i in in_clause)
        if own:
            return own  # "10 in Tanzania": where the figure's own phrase puts it
        inside = {t.i for t in phrase.subtree}
        # the figure's conjuncts, and figures conjoined to its verb without a verb of
        # their own ("killed 247 people in Kenya and 10 in Tanzania")
        others = [*phrase.conjuncts] + [
            c for c in verb.children if c.dep_ == "conj" and c.pos_ not in _PREDICATES
        ]
        placed = [o for o in others if o.i not in inside and self._places(o.subtree)]
        excluded = {t.i for other in placed for t in other.subtree}
        # Where nothing is left, the conjuncts' place is where all of them happened:
        # "six were killed and at least 58 injured in the attack in Dar es Salaam"; not
        # a place the conjunct's own phrase gives it ("300 nationwide, and 45 in Lagos").
        shared = [o for o in placed if not self._places(_own_phrases(o))]
        return self._places(t for t in clause if t.i not in excluded) or self._places(
            t for other in shared for t in other.subtree
        )

    def _scene_places(self, doc: Doc) -> list[str]:
        """The places of a sentence's opening "In Dar es Salaam, ...": the scene of all
        it tells, the clauses embedded in it too ("... the crater left by the blast that
        killed 10 people"); not where a report was made ("In Washington, officials said
        the attack killed 12")."""
        opener = doc[0] if len(doc) else None
        if opener is None or opener.dep_ != "prep" or opener.lower_ not in _LOCATIVE_PREPOSITIONS:
            return []
        after = opener.right_edge.i + 1
        if after >= len(doc) or doc[after].text != "," or opener.head.dep_ != "ROOT":
            return []
        if _lemma(opener.head) in _REPORTING:
            return []
        return self._places(opener.subtree)

    def _places(self, clause: Iterable[Token]) -> list[str]:
        places: list[str] = []
        for token in clause:
            # "US troops", "American bases": a name that qualifies a noun is no scope; a
            # name that the tagger split ("Mazar" of "Mazar-i-Sharif") is still one.
            head = token.head
            attributive = token.dep_ in ("compound", "amod", "nmod", "poss") and (
                head.pos_ == "NOUN"
                or (head.pos_ == "PROPN" and head.ent_type_ not in ("", token.ent_type_))
            )
            tagged = (
                token.ent_type_ in _PLACE_LABELS
                and token.ent_iob_ == "B"
                and not _figure_read_as_place(token)
            )
            if _names_counted_things(token):
                continue  # "two other dogs, Banjo and Crosby": the dogs' names
            if (tagged and not attributive) or self._known_place_after_locative(token):
                name = _entity_text(token)
                if name not in places:
                    places.append(name)
        return places

    def _known_place_after_locative(self, token: Token) -> bool:
        """A known place the tagger took for a person or a group, where only a place can
        stand: "killed in Lyon" (tagged a person), "a blast at Marseille"."""
        return (
            token.pos_ == "PROPN"
            and token.dep_ == "pobj"
            and token.head.lower_ in _LOCATIVE_PREPOSITIONS
            and token.ent_type_ not in _PLACE_LABELS
            and token.ent_iob_ in ("B", "O", "")
            and _entity_text(token) in self._place_forms
        )

    def _time(
        self, clause: Sequence[Token], start: int, end: int, base: int
    ) -> tuple[str | None, str | None]:
        """A date or a window named in the clause (outside the figure itself)."""
        if not clause:
            return None, None
        offsets = sorted(base + t.idx for t in clause)
        lo, hi = offsets[0], offsets[-1] + 1
        positions = {base + t.idx for t in clause}
        first = bisect.bisect_left(self._timex_starts, lo)
        last = bisect.bisect_left(self._timex_starts, hi)
        for timex in self.timexes[first:last]:
            if start <= timex.start < end:
                continue
            if not any(timex.start <= p < timex.end for p in positions):
                continue
            if timex.window_start or timex.window_end:
                return None, timex.window_start or timex.window_end
            if timex.type in ("DATE", "TIME") and timex.resolved and timex.value[:1].isdigit():
                return timex.value, None
        return None, None


def _kin_of(counted: Token) -> Token | None:
    """The kinship noun whose "of" phrase holds a counted noun ("the father of three
    children"), or None."""
    of = counted.head
    if counted.dep_ != "pobj" or of.lower_ != "of" or of.head.i == of.i:
        return None
    return of.head if _lemma(of.head) in _KINSHIP_NOUNS else None


def _kin_person(kin: Token) -> Token | None:
    """The named person a kinship noun describes: the name it is in apposition to, or
    the named subject of the copula it completes."""
    if kin.dep_ == "appos" and _named(kin.head):
        return kin.head
    if kin.dep_ == "attr":
        subject = next((c for c in kin.head.children if c.dep_ == "nsubj"), None)
        if subject is not None and _named(subject):
            return subject
    return None


def _named_complement(verb: Token) -> str | None:
    """The organization a verb's common-noun subject is of or on: "Volume on the New
    York Stock Exchange totaled 175 million shares", "Sales at Acme reached $4 billion":
    the exchange's volume, Acme's sales."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ != "NOUN":
        return None
    for name in subject.children:  # "New York Stock Exchange volume"
        if name.dep_ == "compound" and name.ent_type_ in _ORGANIZATION_LABELS:
            return _entity_text(name)
    for prep in subject.children:
        if prep.dep_ != "prep" or prep.lower_ not in _OWNING_PREPOSITIONS:
            continue
        for name in prep.children:
            if name.dep_ == "pobj" and name.ent_type_ in _ORGANIZATION_LABELS:
                return _entity_text(name)
    return None


def _holder(verb: Token) -> Token | None:
    """Who holds what a verb's figure counts: its subject, the speaker a pronoun subject
    stands for ("Rogers said it plans to raise C$175 million": Rogers), or, for a verb
    without a subject of its own, the speaker its controller's pronoun stands for."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is not None:
        return _reported_speaker(subject, verb) or subject
    if verb.dep_ != "xcomp":
        return None
    controller = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    return _reported_speaker(controller, verb.head) if controller is not None else None


_FIGURE_SIGN = r"[-+$£€¥(]?"  # what may stand between a label's colon and its figure
_LABELLED_FIGURE = re.compile(rf":\s*{_FIGURE_SIGN}\d")
_LABEL_BEFORE = re.compile(rf":\s{{0,3}}{_FIGURE_SIGN}\Z")
_FACT_BOX_LABELS = 2


def _after_label(sentence: str, start: int) -> bool:
    """Whether the figure at ``start`` follows a label's colon ("Injured: 74"); with two
    or more such pairs in its sentence it is a value of a fact box ("Total dead: 10
    Americans: 0 Injured: 74"), where no parse tells what it counts."""
    return _LABEL_BEFORE.search(sentence, max(0, start - 6), start) is not None


def _reported_speaker(subject: Token, verb: Token) -> Token | None:
    """Who "it" is in "Rogers Communications said it plans to raise C$175 million": the
    named subject of the reporting verb whose clause holds ``verb``, else None."""
    if subject.lower_ not in ("it", "they", "we"):
        return None
    for ancestor in list(verb.ancestors)[:3]:
        if _lemma(ancestor) in _REPORTING:
            speaker = next((c for c in ancestor.children if c.dep_ == "nsubj"), None)
            return speaker if speaker is not None and _named(speaker) else None
    return None


def _there(token: Token) -> bool:
    """ "wounded there": a place told before; not the "there" of "there were 20 dead"."""
    return token.lower_ == "there" and token.dep_ == "advmod"


def _refers_back(token: Token) -> bool:
    """An event named as one told before: "in the incident", "after that attack"."""
    return (
        token.dep_ == "pobj"
        and _lemma(token) in _ANAPHORIC_EVENTS
        and any(c.dep_ == "det" and c.lower_ in _ANAPHORIC_DETERMINERS for c in token.children)
        and not any(c.dep_ in ("prep", "amod", "compound", "relcl", "acl") for c in token.children)
    )


def _named(token: Token) -> bool:
    """A proper name, or a noun a name qualifies ("the Syriza party")."""
    if token.lower_ in _PRONOUNS or token.pos_ == "PRON":
        return False
    return (
        token.pos_ == "PROPN"
        or token.ent_type_ in _OWNER_LABELS
        or any(_names(c) for c in token.children)
    )


def _name_token(token: Token) -> Token:
    """The token that carries the name: "party" of "the Syriza party" is named by "Syriza"."""
    if token.pos_ == "PROPN" or token.ent_type_:
        return token
    return next((c for c in token.children if _names(c)), token)


def _of_object(token: Token) -> Token | None:
    """The object of a token's "of" phrase: "snow" of "a foot of snow"."""
    of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    return next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None


def _described_in_parallel(unit: Token) -> Token | None:
    """What a measure describes when only a parallel clause names it: "Ames got a foot
    of snow, and Madison got 15.2 inches" (the same verb, its object measuring
    something "of" a thing)."""
    verb = unit.head
    if unit.dep_ != "dobj" or verb.pos_ != "VERB":
        return None
    partners = [verb.head] if verb.dep_ == "conj" else []
    partners += [c for c in verb.children if c.dep_ == "conj"]
    for other in partners:
        if _lemma(other) != _lemma(verb):
            continue
        objects = [c for c in other.children if c.dep_ == "dobj"]
        objects += [o for c in other.children if c.dep_ == "prep" for o in c.children]
        for measure in objects:
            if measure.i != unit.i and (described := _of_object(measure)) is not None:
                return described
    return None


def _dated(token: Token) -> bool:
    """A date or time named by the token ("Friday"), not an entity that owns a figure."""
    return token.ent_type_ in ("DATE", "TIME")


def _names(child: Token) -> bool:
    """A proper name qualifying its head noun: "the New Democracy party", and "the
    Syriza party", which the parser reads as an adjective."""
    return child.pos_ == "PROPN" and child.dep_ in ("compound", "amod")


@functools.cache
def _vague_words() -> frozenset[str]:
    """Words of vague amounts ("dozens", "scores"): a figure, never the counted noun."""
    return frozenset(w for phrase in vague_amounts() for w in phrase.split())


def _phrase_head(token: Token) -> Token:
    """The head of the noun phrase a figure belongs to, past "of" and compounds."""
    current = token
    while current.dep_ in ("compound", "nummod", "quantmod") and current.head.pos_ in _NOUNS:
        current = current.head
    return current
