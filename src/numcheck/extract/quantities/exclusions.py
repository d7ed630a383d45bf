"""Numbers that are not amounts: clock times, calendar dates, years, names and ranks.

The date tagger hands its spans to ``find_quantities`` through ``exclude``; these
checks are the extractor's own floor, so that it never reports "10:27", "March 29",
"in 2003", "iPhone 11" or "Resolution No. 18" as a count even when used alone.
"""

from __future__ import annotations

import re

from numcheck.language.temporal import lexicon
from numcheck.language.words import number_words


def _month_names() -> str:
    """Month names as written in dates ("March", "Sept."), from data/temporal_words.yaml;
    only abbreviations take a period ("in March. 29 people" is no date)."""
    short = lexicon().abbreviations()
    names = sorted(lexicon().months, key=len, reverse=True)
    forms = (re.escape(name.title()) + (r"\.?" if name in short else "") for name in names)
    return r"(?:" + "|".join(forms) + r")"


_MONTH = _month_names()
_NOT_AMOUNTS = re.compile(
    r"(?=[\dJFMASOND])(?:"
    # clock times: 10:27, 4:39, 2:55 p.m., 5am, 10.45pm
    r"(?<![\d.:])\d{1,2}(?::\d{2}){1,2}(?:\s*[ap]\.?m\b\.?)?"
    r"|(?<![\d.:])\d{1,2}(?:[.:]\d{2})?\s*[ap]\.?m\b\.?"
    # calendar dates: March 29, Oct. 31, 8 July 2021, June of 2018, the 4th of July
    rf"|\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+\d{{4}}\b)?"
    rf"|\b{_MONTH}(?:\s+of)?,?\s+\d{{4}}\b"
    rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?:,?\s+\d{{4}}\b)?"
    # decades and year spans: the 1960s, 2013-14, 2019/20
    r"|\b(?:1[89]|20)\d{2}(?:'?s\b|[-–/]\d{2}(?!\d)))"
)
_ORDINAL_WORDS = number_words().ordinals
_ORDINAL = re.compile(
    r"\b(?:\d+(?:st|nd|rd|th)|(?<=the\s)(?:"
    + "|".join(re.escape(w) for w in sorted(_ORDINAL_WORDS, key=len, reverse=True))
    + r"))\b",
    re.I,
)
# Words after which a number names something instead of counting it.
_LABEL_BEFORE = re.compile(
    r"(?:\b(?:No|Nos|Number|nos?|number)\.?\s*|#\s*"
    r"|\b(?:article|articles|resolution|section|chapter|clause|rule|route|flight|room|"
    r"channel|game|category|level|phase|stage|grade|class|model|version|unit|page|"
    r"platform|gate|bus|exit|row|seat|lot|episode|season|volume|issue|item|lap|inning|hole|heat)\s+)$",
    re.I,
)
_STREET_AFTER = re.compile(
    r"\s+(?:[A-Z\d][\w.]*\s+){0,2}(?:Street|St|Road|Rd|Avenue|Ave|Way|Lane|Drive|Boulevard|"
    r"Blvd|Place|Square|Court)\b"
    # product models: "iPhone 11 Pro", "Galaxy S22 Ultra"
    r"|\s+(?:Pro|Max|Plus|Ultra|Mini|Lite|Air|Mark|Mk|Edition|Series)\b"
)
_TIME_PREPOSITION = re.compile(
    r"\b(?:in|since|from|between|by|until|till|before|after|around|and|to|of)\s+$", re.I
)
_NAME_BEFORE = re.compile(r"(?<![\w&-])(?:[A-Z][\w&]*|[a-z]+[A-Z][\w&]*) $")
# Capitalised words that stand before a count without naming it: "on Tuesday 40 people".
_NOT_NAMES = frozenset(
    [*(day.title() for day in lexicon().weekdays if len(day) > 3), "US", "UK", "EU", "UN", "I"]
)
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\"“(\n]\s*)$")
_TITLE_CASE_WORDS = 0.6
_SENTENCE_REACH = 200


def not_amount_spans(text: str) -> list[tuple[int, int]]:
    """Spans of clock times, calendar dates, decades and year spans in ``text``."""
    return [found.span() for found in _NOT_AMOUNTS.finditer(text)]


def ordinals(text: str) -> list[tuple[int, int, float]]:
    """(start, end, rank) of ordinals: "21st", "the fourth"."""
    out = []
    for found in _ORDINAL.finditer(text):
        word = found[0].lower()
        rank = _ORDINAL_WORDS[word] if word in _ORDINAL_WORDS else float(word[:-2])
        out.append((found.start(), found.end(), float(rank)))
    return out


# A plural noun after a figure: "1000 lawmakers", "2000 workers"; not the nouns a
# reference year qualifies ("1990 levels", "2010 dollars").
_PLURAL_AFTER = re.compile(
    r"\s+(?!(?:levels|prices|dollars|terms|values|figures|rates|standards|numbers)\b)"
    r"(?:[a-z]+-)?[a-z]+[^s\W]s\b"
)
# What makes "2019 protests" a year's protests: a determiner or a name before it.
_ATTRIBUTIVE_BEFORE = re.compile(
    r"(?:\b(?:the|a|its|their|his|her|this|last|next)|['’]s|[A-Z]\w*)\s+$"
)


def counts_things(text: str, start: int, end: int) -> bool:
    """A four-digit figure before a plural noun counts it ("signed by 1000 lawmakers",
    "2000 workers struck"), unless a word of time ("in 1999 troops left") or, for figures
    that could be recent years, a determiner or name ("the 2020 elections") comes first."""
    figure = text[start:end]
    if not (figure.isdigit() and len(figure) == 4) or not _PLURAL_AFTER.match(text, end):
        return False
    before = text[max(0, start - 12) : start]
    if re.search(
        r"\b(?:in|since|from|until|till|before|after|during|between|of|and)\s+$", before, re.I
    ):
        return False
    return not (1800 <= int(figure) < 2200 and _ATTRIBUTIVE_BEFORE.search(before))


def is_year(text: str, start: int, figure: str, value: float) -> bool:
    """A bare four-digit figure that reads as a year ("in 2003", "the 2019 list", "by 2120").

    1800-2199 does unless it counts the plural noun after it; an older one only after a
    word of time ("in 1066").
    """
    if not (figure.isdigit() and len(figure) == 4):
        return False
    if counts_things(text, start, start + len(figure)):
        return False
    if 1800 <= value < 2200:
        return True
    return value >= 1000 and _TIME_PREPOSITION.search(text, max(0, start - 10), start) is not None


def is_label(text: str, start: int, end: int) -> bool:
    """The figure at ``start:end`` names something ("Resolution No. 18", "iPhone 11")."""
    before = text[max(0, start - 30) : start]
    if _LABEL_BEFORE.search(before) or _STREET_AFTER.match(text, end):
        return True
    name = _NAME_BEFORE.search(before)
    if name is None or name[0].strip() in _NOT_NAMES:
        return False
    name_start = start - len(before) + name.start()
    return not _sentence_start(text, name_start) and not _title_case(text, start)


def _sentence_start(text: str, pos: int) -> bool:
    """``pos`` begins a sentence (or clause after a colon, quote or bracket)."""
    return _SENTENCE_START.search(text[max(0, pos - 5) : pos]) is not None


def _title_case(text: str, pos: int) -> bool:
    """The line around ``pos`` is a headline in Title Case, where capitals mean nothing."""
    low, high = max(0, pos - _SENTENCE_REACH), pos + _SENTENCE_REACH
    line_start = max(text.rfind("\n", low, pos), text.rfind(". ", low, pos), low - 1) + 1
    ends = [e for e in (text.find("\n", pos, high), text.find(". ", pos, high)) if e >= 0]
    words = re.findall(r"[A-Za-z]+", text[line_start : min(ends, default=high)])
    long_words = [w for w in words if len(w) > 3]
    if len(long_words) < 3:
        return False
    capitalized = sum(w[0].isupper() for w in long_words)
    return bool(capitalized / len(long_words) >= _TITLE_CASE_WORDS)
