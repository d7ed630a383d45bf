"""What a count counts: the head noun after a figure ("2,500 US troops" -> troops).

Without a parser, the head is found the way a reader skims: the words after the figure
up to the first function word, and in them the first plural noun (or, for "one", the
last word). lemminflect's dictionary gives singular lemmas ("bosses" -> "boss"), and
plain English rules the words it does not know ("euros", "Americans"). (``inflect``
did this before; importing it cost every command 4-7 s.)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from numcheck.language.lemmas import inflections, is_word, lemmas
from numcheck.language.words import function_words

_GAP = re.compile(
    # A noun on the next line counts, not one past a blank line ("killing two\n\nDozens").
    r"(?:[ \t]+|\n(?!\s)|-(?=[A-Za-z]{3}))"
    r"(?P<of>of\s+(?:(?:the|its|their|his|her|our|these|those|all)\s+)?)?"
)
_CONNECTORS = frozenset({"and", "or", "&"})
_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]|[A-Za-z]")
_SPACE = re.compile(r"[ \t]+")
_NOUN_PHRASE_LENGTH = 4
# Words that end a noun phrase, or can never head one (data/function_words.yaml).
STOP_WORDS = function_words("stop_words")


@dataclass(frozen=True, slots=True)
class Noun:
    """The counted noun: surface word, singular lemma and its span."""

    word: str
    lemma: str
    start: int
    end: int


# Plurals the dictionary lists as lemmas of their own ("a people").
_IRREGULAR = {"people": "person"}
_SIBILANT_PLURAL = re.compile(r"(?:sh|ch|x|z|ss)es$")


@cache
def singular(word: str) -> str:
    """Singular lemma of an English noun ("occasions" -> "occasion")."""
    lemma = _singular_noun(word)
    return lemma if lemma is not None else word


def _singular_noun(word: str) -> str | None:
    """The singular of a plural noun (itself for "series", "Chinese"); None for the rest."""
    lower = word.lower()
    lemma: str | None
    if lower in _IRREGULAR:
        lemma = _IRREGULAR[lower]
    elif nouns := lemmas(lower).get("NOUN"):
        lemma = nouns[0]
        if lemma == lower and inflections(lower).get("NNS", ("",))[0] != lower:
            return None  # a singular noun ("crowd"), not one whose plural is itself ("series")
    elif is_word(lower) or not lower.isalpha():
        return None  # a known word that is no noun ("injured"), or not a word
    elif lower.endswith("ese"):
        lemma = lower  # demonyms: "two Chinese"
    elif lower.endswith("ies") and len(lower) > 4:
        lemma = lower[:-3] + "y"
    elif _SIBILANT_PLURAL.search(lower):
        lemma = lower[:-2]
    elif lower.endswith("s") and not lower.endswith(("ss", "us", "is")):
        lemma = lower[:-1]
    else:
        return None
    if word.isupper():
        return lemma.upper()
    return lemma[:1].upper() + lemma[1:] if word[:1].isupper() else lemma


def plurals(word: str) -> tuple[str, ...]:
    """The plurals of a singular noun: the dictionary's ("lire") and the regular one
    writers also use ("liras")."""
    forms = [*inflections(word).get("NNS", ()), word + ("es" if word.endswith("s") else "s")]
    return tuple(dict.fromkeys(f for f in forms if f != word))


@cache
def is_plural(word: str) -> bool:
    """A plural noun ("troops", "people"), not an adjective or a singular in -s."""
    if len(word) < 3 or word.isupper() or word.lower() in STOP_WORDS:
        return False
    if word.lower().endswith(("ss", "us", "is", "ous")):
        return False
    return _singular_noun(word) is not None


def counted_noun(text: str, pos: int, *, one: bool) -> Noun | None:  # noqa: C901
    """The noun counted by a figure ending at ``pos``; ``one`` when the figure is 1."""
    gap = _GAP.match(text, pos)
    if gap is None:
        return None
    one = one and not gap["of"]
    cursor = gap.end()
    words: list[re.Match[str]] = []
    while len(words) < (2 if one else _NOUN_PHRASE_LENGTH):
        token = _TOKEN.match(text, cursor)
        if token is None:
            break
        lowered = token[0].lower()
        if lowered in STOP_WORDS and not (lowered in _CONNECTORS and words and not one):
            break
        words.append(token)
        if not one and is_plural(token[0]):
            break
        space = _SPACE.match(text, token.end())
        if space is None:
            break
        cursor = space.end()
    if words and text[cursor : cursor + 1].isdigit() and not is_plural(words[-1][0]):
        return None  # "two new 737 jets": the count's noun comes after another figure
    verbs = [i for i, w in enumerate(words) if w[0].lower().endswith(("ed", "ing"))]
    if verbs and not is_plural(words[-1][0]):
        words = words[: verbs[0]]  # "police watched": the phrase ends before its verb
    while words and words[-1][0].lower() in _CONNECTORS:
        words.pop()
    if not words:
        return None
    head = words[-1]
    if one and len(words) == 2 and head[0].endswith("s"):
        head = words[0]
    word = head[0].rstrip("'’")
    return Noun(word, singular(word), head.start(), head.start() + len(word))
