"""Figures as writers spell them: digits, number words, fractions and scale words.

No well-kept library reads "2 500", "two dozen", "a couple of hundred", "1.8bn" and
"two-thirds" alike (quantulum3 does some of it, but only inside its whole-sentence parse,
which is what makes it slow), so this module holds the small grammar numcheck needs.
Each ``*_PATTERN`` is a regex fragment without capture groups, for the scanner in
``quantities``; each ``parse_*`` turns the text one of them matched into a value.
"""

from __future__ import annotations

import math
import re
import unicodedata
from functools import cache

from numcheck.language.data import load_data
from numcheck.language.words import number_words, word_class

# The number words live in data/numbers.yaml, shared with the date tagger.
_WORDS = number_words()
CARDINALS = _WORDS.cardinals
MULTIPLIERS = _WORDS.multipliers
SCALES = _WORDS.scales
SCALE_ABBREVIATIONS = _WORDS.scale_abbreviations
MONEY_SCALE_ABBREVIATIONS = _WORDS.money_scale_abbreviations
DENOMINATORS = _WORDS.denominators

_NUMBER_WORDS = sorted([*CARDINALS, *MULTIPLIERS, *SCALES], key=len, reverse=True)
_NUMBER_WORD = r"(?:" + "|".join(_NUMBER_WORDS) + r")"
_SCALE_WORD = r"(?:" + "|".join([*MULTIPLIERS, *SCALES]) + r")"
# Scale words after digits: "2.5 million", "4 hundred million", "5,000 crore".
SCALE_WORDS_PATTERN = rf"(?:[\s-]+{_SCALE_WORD}\b)+"
_DENOMINATOR = (
    r"(?:" + "|".join(re.escape(w) for w in sorted(DENOMINATORS, key=len, reverse=True)) + r")s?"
)
_VULGAR = "\u00bc-\u00be\u2150-\u215e"
_GROUP_SEPARATOR = ",\u00a0\u2009\u202f "

# Digits, with thousands grouped by comma or (thin, no-break) space, an optional
# decimal part, mixed or vulgar fraction, or power of ten ("2,500", "2 500", "2.5",
# "3 1/2", "2½", "4e14", "2.48×10−5").
DIGITS_PATTERN = (
    rf"(?:\d{{1,3}}(?:[{_GROUP_SEPARATOR}]\d{{3}})+(?![\d])(?:\.\d+)?"
    rf"|\d+[/\u2044][1-9]\d*(?![/\d])|\d+(?:\.\d+)?|\.\d+)"
    rf"(?:\s?[{_VULGAR}]|\s\d+[/\u2044][1-9]\d*(?![/\d])|[eE][-+]?\d+(?![\w])"
    rf"|\s?[×x]\s?(?:10\^?[-−]?\d+|\d+\^[-−]?\d+))?"
    rf"|[{_VULGAR}]"
)
# Number words ("two hundred and five", "twenty-one", "a dozen", "a couple of hundred").
WORDS_PATTERN = (
    rf"(?:(?:one|{_NUMBER_WORD})[\s-]+(?:and\s+an?\s+half\b|{_DENOMINATOR}\b)"
    rf"|an?[\s-]+{_DENOMINATOR}(?=\s+of\b|\s*[.,;:)]|\s*$)"
    # a bare "half" only where it is a share: "half of", "nearly half", "more than half"
    r"|(?:(?<=almost\s)|(?<=nearly\s)|(?<=than\s)|(?<=about\s)|\b(?<!second\s)(?<!first\s)(?<!the\s)(?=half\s+of\b))half\b"
    rf"|a\s+couple\b(?:\s+of\s+{_SCALE_WORD}\b)?"
    rf"|(?:an?\s+(?={_SCALE_WORD}))?{_NUMBER_WORD}"
    rf"(?:(?:[\s-]+|\s+(?:and|&)\s+|,\s+){_NUMBER_WORD})*(?:\s+and\s+an?\s+half)?)\b"
)


@cache
def vague_amounts() -> dict[str, tuple[float, float]]:
    """Phrase -> interval, from ``data/vague_amounts.yaml``."""
    data: dict[str, list[float]] = load_data("vague_amounts.yaml")
    return {phrase: (float(bounds[0]), float(bounds[1])) for phrase, bounds in data.items()}


def vague_key(phrase: str) -> str:
    """The data file's key of a vague phrase as written ("Tens  of thousands")."""
    return re.sub(r"\s+", " ", phrase.lower())


@cache
def _vague_ceilings() -> dict[str, float]:
    data: dict[str, list[float]] = load_data("vague_amounts.yaml")
    return {phrase: float(bounds[2]) for phrase, bounds in data.items() if len(bounds) > 2}


@cache
def _vague_at() -> re.Pattern[str]:
    return re.compile(rf"(?i)({vague_pattern()})(?!{SCALE_WORDS_PATTERN})")  # as the scanner


_WORD = re.compile(r"[A-Za-z]+")


def vague_ceiling(sentence: str, start: int = 0) -> float | None:
    """The most a vague amount at ``start`` of ``sentence`` may stand for in a comparison
    ("dozens" at most 240), or ``None`` where it sets no ceiling: the phrase has none
    ("several", "several hundred"), or the words around it leave it open: an opener
    ("untold thousands", "thousands more", "hundreds, perhaps thousands") or another
    vague amount ("hundreds, if not thousands", "tens, if not hundreds, of thousands")
    a few words before or after it."""
    match = _vague_at().match(sentence, start)
    if match is None:
        return None
    ceiling = _vague_ceilings().get(vague_key(match[1]))
    if ceiling is None:
        return None
    before = sentence[max(0, start - 40) : start]
    after = sentence[match.end() : match.end() + 80]
    words = [w.lower() for w in (*_WORD.findall(before)[-_BEFORE:], *_WORD.findall(after)[:_AFTER])]
    openers = word_class("function_words", "vague_openers")
    if any(w in openers for w in words):
        return None
    if _vague_anywhere().search(" ".join(words)):
        return None
    return ceiling


_BEFORE, _AFTER = 4, 8
"""Words looked at before and after a vague amount for what leaves it open."""


@cache
def _vague_anywhere() -> re.Pattern[str]:
    return re.compile(rf"\b{vague_pattern()}")


@cache
def vague_pattern() -> str:
    """Regex fragment matching any vague amount phrase."""
    phrases = sorted(vague_amounts(), key=len, reverse=True)
    return r"(?:" + "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in phrases) + r")\b"


@cache
def zero_pattern() -> str:
    """Regex fragment for a count of nothing: "no one", "nobody", and "no" before a plural
    noun ("no injuries", "no deaths"), never before a qualifier's or an adverb's word
    ("no more than", "no longer"); and "any" before a plural noun, which is a count of
    nothing only after a negation (``negated_any``)."""
    phrases = sorted(word_class("numbers", "zeros"), key=len, reverse=True)
    said = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in phrases)
    excluded = "|".join(sorted(word_class("numbers", "not_after_no")))
    plural = r"\s+[a-z]{2,}s\b"
    return rf"(?:(?:{said})\b|no(?!\s+(?:{excluded})\b)(?={plural})|any(?={plural}))"


_NEGATION_BEFORE = re.compile(r"(?i:(?:\bnot|\bnever|n't)\b(?:\s+[a-z]+){0,3}\s+)\Z")


def negated_any(text: str, start: int) -> bool:
    """Whether "any" at ``start`` follows a negation a few words back, as in "police have
    not yet identified any suspects" (none), unlike "any suspects will be charged"."""
    return _NEGATION_BEFORE.search(text, max(0, start - 40), start) is not None


_TIMES_POWER = re.compile(
    r"(?P<mantissa>.+?)\s?[×x]\s?(?:10\^?|(?P<base>\d+)\^)(?P<exponent>-?\d+)"
)
_FRACTION = re.compile(r"(?:(.+)\s)?(\d+)[/\u2044](\d+)")
_SEPARATORS = re.compile(rf"[{_GROUP_SEPARATOR}]")


def parse_digits(text: str) -> float:
    """Value of a figure matched by ``DIGITS_PATTERN``."""
    if text.isdigit():
        return float(text)
    text = text.replace("−", "-")
    times = _TIMES_POWER.fullmatch(text)
    if times:
        base = float(times["base"] or 10)
        return parse_digits(times["mantissa"]) * _power(base, _exponent(times["exponent"]))
    whole, _, power = text.partition("e")
    if power:
        return parse_digits(whole) * _power(10.0, _exponent(power))
    if whole[-1] in _VULGAR_VALUES:
        head = whole[:-1].strip()
        return (parse_digits(head) if head else 0.0) + _VULGAR_VALUES[whole[-1]]
    mixed = _FRACTION.fullmatch(whole)
    if mixed:
        whole_part = parse_digits(mixed[1]) if mixed[1] else 0.0
        # floats, not ints: a 309-digit numerator overflows int division and 4,301 digits
        # pass Python's int-conversion limit; as floats they are infinite (no amount).
        return whole_part + _ratio(float(mixed[2]), float(mixed[3]))
    return float(_SEPARATORS.sub("", whole))


def _ratio(numerator: float, denominator: float) -> float:
    """``numerator / denominator``; NaN (no amount) when both are infinite."""
    return numerator / denominator if math.isfinite(denominator) else math.nan


def _exponent(text: str) -> int:
    """A power of ten as written, clamped: "1e" and 4,301 digits must not reach ``int()``."""
    digits = text.lstrip("+-")
    exponent = int(digits) if len(digits) <= 6 else 10**6
    return -exponent if text.startswith("-") else exponent


def _power(base: float, exponent: int) -> float:
    """``base ** exponent``, infinite rather than an error when it overflows ("1e999")."""
    try:
        return base**exponent
    except OverflowError:
        return math.inf


_VULGAR_VALUES = {
    chr(c): unicodedata.numeric(chr(c)) for c in [*range(0xBC, 0xBF), *range(0x2150, 0x215F)]
}


def parse_words(text: str) -> tuple[float, int] | None:  # noqa: C901
    """Value of the longest well-formed number-word prefix of ``text`` and its length.

    "two hundred and five" is 205, "a dozen" 12, "two-thirds" 0.67, "a couple of
    hundred" 200. A prefix ends where the words stop composing ("one two" is one).
    """
    tokens = list(re.finditer(r"[a-z]+", text.lower()))
    total = current = 0.0
    end, seen, last = 0, False, ""
    i = 0
    while i < len(tokens):
        word = tokens[i][0]
        if i and "," in text[tokens[i - 1].end() : tokens[i].start()] and last not in SCALES:
            break
        if word in ("a", "an") and not seen:
            current, last = 1.0, "a"
        elif word == "couple" and last == "a":
            current, last, seen, end = 2.0, "couple", True, tokens[i].end()
        elif word == "of" and last == "couple":
            last = "of"
        elif word == "and":
            if i + 2 < len(tokens) and tokens[i + 1][0] in ("a", "an"):
                if tokens[i + 2][0] == "half" and seen:
                    current += 0.5
                    end, i = tokens[i + 2].end(), i + 3
                    continue
                break
            if last not in ("hundred", "thousand", "million", "billion", "trillion"):
                break
            last = "and"
        elif word in CARDINALS:
            value = CARDINALS[word]
            if seen and last in CARDINALS and (CARDINALS[last] < 20 or value >= 10 or value == 0):
                break
            current += value
            seen, last, end = True, word, tokens[i].end()
        elif word in MULTIPLIERS and (seen or last == "a"):
            current = (current or 1.0) * MULTIPLIERS[word]
            seen, last, end = True, word, tokens[i].end()
        elif word in SCALES and (seen or last in ("a", "of")):
            total += (current or 1.0) * SCALES[word]
            current = 0.0
            seen, last, end = True, word, tokens[i].end()
        elif word == "half" and not seen and not last:
            return 0.5, tokens[i].end()
        elif _denominator(word) and (seen or last == "a") and current:
            return (total + current) / _denominator(word), tokens[i].end()
        else:
            break
        i += 1
    return (total + current, end) if seen else None


def _denominator(word: str) -> int:
    return DENOMINATORS.get(word) or DENOMINATORS.get(word.removesuffix("s"), 0)
