"""The frame of a rank: an ordinal before a superlative ("the fifth-largest quake").

"The quake was the fifth-largest since 1900" and "Japan's quake is now the fourth largest
since 1900" rank one thing in one list: what is ranked (the subject, or the noun the
superlative describes) and by what (the superlative, after the vocabulary's synonyms).
An ordinal without a superlative ("the 23rd floor", "lap 28", "the second red flag")
names a position, not a rank, and has no frame here.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Doc, Token

from numcheck.claims import Frame
from numcheck.extract.quantities.nouns import singular
from numcheck.language.lemmas import lemmas

# A superlative right after an ordinal: "fifth-largest", "4th largest", "third most deadly".
_SUPERLATIVE_AFTER = re.compile(r"[\s-]+(?:most\s+[^\W\d_]+|[^\W\d_]+est\b)", re.IGNORECASE)
_SUBJECTS = frozenset(["nsubj", "nsubjpass"])
_OBJECT = frozenset(["dobj"])
_NOUNS = frozenset(["NOUN", "PROPN"])


def may_rank(sentence: str, end: int) -> bool:
    """Whether the ordinal ending at ``end`` of ``sentence`` may stand before a
    superlative (a cheap test, so only such sentences are parsed for ranks)."""
    return _SUPERLATIVE_AFTER.match(sentence, end) is not None


def read_rank(doc: Doc, lo: int, hi: int, canonical: Callable[[str], str]) -> Frame | None:
    """The rank frame of the ordinal at ``[lo, hi)`` (sentence offsets), or None."""
    tokens = [t for t in doc if t.idx < hi and t.idx + len(t.text) > lo]
    if not tokens:
        return None
    last = tokens[-1]
    superlative = _superlative_after(doc, last)
    if superlative is None:
        return None
    ranked = _ranked(superlative)
    if ranked is None:
        return None
    adjective = lemmas(superlative.lower_).get("ADJ")
    return Frame(
        noun=canonical(adjective[0] if adjective else superlative.lower_),
        attribute_of=canonical(singular(ranked.lower_) if ranked.pos_ == "NOUN" else ranked.lower_),
        role="rank",
    )


def _superlative_after(doc: Doc, token: Token) -> Token | None:
    """The superlative adjective the ordinal ranks by: "largest", "most deadly"."""
    for following in doc[token.i + 1 : token.i + 4]:
        if following.text in ("-", "most"):
            continue
        if following.tag_ == "JJS" or (
            following.pos_ == "ADJ" and doc[following.i - 1].lower_ == "most"
        ):
            return following
        return None
    return None


def _ranked(superlative: Token) -> Token | None:
    """What is ranked: the noun the superlative describes ("the fifth largest quake"), or
    the subject or object of the clause it completes ("the quake was the fifth-largest",
    "puts Japan quake at 4th largest")."""
    if superlative.head.pos_ in _NOUNS and superlative.dep_ == "amod":
        return superlative.head
    current = superlative
    for _ in range(4):
        head = current.head
        if head.pos_ in ("VERB", "AUX"):
            # "puts the quake at 4th largest": the object; "was the fifth-largest": the
            # subject, also of a rank listed with another ("is the worst in its history
            # and the fifth strongest", which the parser may hang on "history").
            wanted = _OBJECT if current.dep_ == "prep" else _SUBJECTS
            return next((c for c in head.children if c.dep_ in wanted and c.pos_ in _NOUNS), None)
        if head.i == current.i:
            return None
        current = head
    return None
