"""What a count counts: the head noun after a figure ("2,500 US troops" -> troops).

Without a parser, the head is found the way a reader skims: the words after the figure
up to the first function word, and in them the first plural noun (or, for "one", the
last word). ``inflect`` gives singular lemmas ("people" -> "person", "bosses" -> "boss").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import inflect

_GAP = re.compile(
    # A noun on the next line counts, not one past a blank line ("killing two\n\nDozens").
    r"(?:[ \t]+|\n(?!\s)|-(?=[A-Za-z]{3}))"
    r"(?P<of>of\s+(?:(?:the|its|their|his|her|our|these|those|all)\s+)?)?"
)
_CONNECTORS = frozenset({"and", "or", "&"})
_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]|[A-Za-z]")
_SPACE = re.compile(r"[ \t]+")
_NOUN_PHRASE_LENGTH = 4
# Words that end a noun phrase, or can never head one.
STOP_WORDS = frozenset(
    """
    a an the of in on at to for from with by as and or but nor that which who whom whose
    while than then when where were was are is be been being have has had will would can
    could should may might must shall do does did said says say per each every this these
    those its their his her our your my me him them they we you he she it there here not no
    over under about around into onto after before during since until up down out off behind
    across against among between through toward towards within without more most less least
    only just also even still yet so if because though although whether such very too much
    many few several all both either neither other another same own ago later earlier last
    next first second third left right ahead away back
    """.split()  # noqa: SIM905
)


@dataclass(frozen=True, slots=True)
class Noun:
    """The counted noun: surface word, singular lemma and its span."""

    word: str
    lemma: str
    start: int
    end: int


@cache
def singular(word: str) -> str:
    """Singular lemma of an English noun ("occasions" -> "occasion")."""
    lemma = _english().singular_noun(word)
    return lemma if isinstance(lemma, str) else word


@cache
def _english() -> inflect.engine:
    return inflect.engine()


@cache
def is_plural(word: str) -> bool:
    """A plural noun ("troops", "people"), not an adjective or a singular in -s."""
    if len(word) < 3 or word.isupper() or word.lower() in STOP_WORDS:
        return False
    if word.lower().endswith(("ss", "us", "is", "ous")):
        return False
    return _english().singular_noun(word) is not False


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
