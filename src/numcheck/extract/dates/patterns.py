"""Recognizer: where temporal expressions are, and which class each belongs to.

Each rule is one compiled, bounded regex built from the lexicon's word lists; named
groups carry the parts the resolver needs (month, day, num, unit, rel...). All rules scan
the text once; overlapping hits are settled longest-first, so "last Friday night" beats
"Friday" and "the past three years" beats "three years". Month and weekday names are
matched case-sensitively ("May", not the modal "may"); everything else ignores case.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Literal

from numcheck.language.temporal import Lexicon, alternation, lexicon
from numcheck.language.words import number_words

PatternKind = Literal[
    "date",
    "weekday",
    "dayword",
    "relative",
    "ago",
    "anchored",
    "following",
    "quarter",
    "season",
    "holiday",
    "duration",
    "time",
    "set",
    "reference",
]


@dataclass(frozen=True, slots=True)
class Candidate:
    """One rule hit: its span, rule class and the named groups that matched."""

    start: int
    end: int
    kind: PatternKind
    groups: dict[str, str]


@dataclass(frozen=True, slots=True)
class _Rule:
    kind: PatternKind
    regex: re.Pattern[str]
    keys: frozenset[str]  # classes of key word (see ``_key_classes``) it needs nearby


# Words after which a bare month or year is a date, not a name or a count.
DATE_PREPOSITIONS = frozenset(
    {"in", "since", "by", "until", "till", "of", "from", "to", "before", "after", "during"}
    | {"through", "between", "and", "early", "late", "mid", "last", "next", "this", "the"}
    | {"on", "at", "for"}
)


def _cased(words: list[str], period: bool) -> str:
    """Title- and upper-case forms of ``words``; abbreviations may (or must) take a dot."""
    forms = [w.title() for w in words] + [w.upper() for w in words]
    return "(?-i:" + alternation(forms) + ")" + (r"\.?" if period else "")


@dataclass(frozen=True, slots=True)
class _Parts:
    """Regex fragments shared by the rules (no capturing groups of their own)."""

    month: str
    month_full: str
    weekday: str
    num: str
    unit: str
    unit_singular: str
    pod: str
    season: str
    ordinal: str
    date_mod: str
    amount_mod: str


def _parts(lx: Lexicon) -> _Parts:
    full = [m for m in lx.months if len(m) > 4 or m in ("may", "june", "july")]
    abbrev = [m for m in lx.months if m not in full]
    wd_full = [w for w in lx.weekdays if w.endswith("day")]
    wd_abbrev = [w for w in lx.weekdays if w not in wd_full]
    words = [w for w in lx.numbers if w not in ("a", "an", "half", "couple", "dozen")]
    word_num = f"(?:{alternation(words)})"
    num = (
        r"(?:\d+(?:\.\d+)?(?:\s+1/2|½)?"
        rf"|{word_num}(?:[\s-]+(?:and\s+)?{word_num}){{0,3}}(?:\s+and\s+a\s+half)?"
        r"|a\s+couple\s+of|a\s+dozen|a\s+few|half\s+an?|an?(?:\s+and\s+a\s+half)?"
        r"|several|many|some|few)"
    )
    units = [*lx.units, *lx.unit_plurals]
    return _Parts(
        month=f"(?:{_cased(full, False)}|{_cased(abbrev, True)}(?![a-z]))",
        month_full=_cased(full, False),
        weekday=f"(?:{_cased(wd_full, False)}|{_cased(wd_abbrev, False)}\\.)",
        num=num,
        unit=rf"(?:{alternation(units)})\b",
        unit_singular=rf"(?:{alternation(lx.units)})\b",
        pod=f"(?:{alternation(lx.parts_of_day)})",
        season=f"(?:{alternation(lx.seasons)})",
        ordinal=rf"(?:{alternation(lx.ordinals)}|\d{{1,2}}(?:st|nd|rd|th))",
        date_mod=f"(?:{alternation(lx.date_modifiers)})",
        amount_mod=f"(?:{alternation(lx.amount_modifiers)})",
    )


TIME_ZONES = (
    r"(?-i:GMT|UTC|Z|BST|CET|CEST|[ECMPH][SD]?T|AKST|AKDT|JST|IST|AEST|AEDT)|local(?:\s+time)?"
)
"""Zones written beside a time of day ("1707 GMT", "3 p.m. local time")."""
_DAY = r"(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
_UNITS = "|".join(number_words().cardinals_between(1, 9))
_TEENS = "|".join(number_words().cardinals_between(10, 19))
_TENS = "|".join(number_words().cardinals_between(20, 90))
_CLOCK_HOURS = "|".join(number_words().cardinals_between(1, 12))
# A year in words: "nineteen ninety-six", "nineteen oh five", "two thousand (and) one".
_YEAR_WORDS = (
    rf"(?:nineteen|eighteen)[\s-]+(?:hundred|oh[\s-]+(?:{_UNITS})|{_TEENS}"
    rf"|(?:{_TENS})(?:[\s-]+(?:{_UNITS}))?)\b"
    rf"|two[\s-]+thousand(?:[\s-]+(?:and[\s-]+)?(?:{_TEENS}|{_UNITS})\b)?"
)
_YEAR = rf"(?:(?P<year>(?:1\d|20)\d\d)(?![\d])|(?P<yword>{_YEAR_WORDS}))"
_YEAR_AFTER = rf"(?:(?:,?\s+|\s+of\s+){_YEAR}|\s+['’](?P<yy>\d\d)\b)"
_REL = r"(?:the\s+)?(?:last|next|this|past|coming|previous|current|following|same|that)"


def _rules() -> tuple[_Rule, ...]:
    lx = lexicon()
    p = _parts(lx)
    wd_lead = rf"(?:(?P<weekday>{p.weekday}),?\s+(?:\(\s*)?)?"
    pod_tail = rf"(?:\s+(?P<pod>{p.pod}))?"
    qual = rf"(?:(?P<amod>{p.amount_mod})\s+)?"
    event = (
        r"(?=(?:\s+of)?\s+(?:the|his|her|its|their|this|that|a|an)\s+"
        r"(?:[a-z]+\s+){0,2}?(?P<event>[a-z]+))"
    )
    specs: list[tuple[PatternKind, str, str]] = [
        (
            "date",
            r"\b(?P<year>\d{4})-(?P<month>[01]\d)-(?P<day>[0-3]\d)"
            r"(?:T(?P<hour>[0-2]\d):(?P<minute>[0-5]\d))?(?![\d-])",
            "digit",
        ),
        (
            "date",
            r"\b(?P<month>1[0-2]|0?[1-9])/(?P<day>3[01]|[12]\d|0?[1-9])/(?P<year>\d{4}|\d\d)\b",
            "digit",
        ),
        (
            "date",
            rf"{wd_lead}(?:(?P<dmod>{p.date_mod})[\s-]+)?(?P<month>{p.month})\s+{_DAY}"
            rf"(?:{_YEAR_AFTER})?(?:\s*\)|\s*\((?P<wd2>{p.weekday})\))?",
            "month",
        ),
        (
            "date",
            rf"{wd_lead}(?:the\s+)?{_DAY}(?:\s+of)?\s+(?P<month>{p.month})(?:{_YEAR_AFTER})?",
            "month",
        ),
        (
            "date",
            rf"(?:(?P<dmod>{p.date_mod})[\s-]*)?(?P<month>{p.month}),?(?:\s+of)?\s+{_YEAR}",
            "month",
        ),
        (
            "date",
            rf"(?:(?P<dmod>{p.date_mod})[\s-]*|(?P<rel>{_REL})\s+)?"
            rf"(?P<month>{p.month_full})(?!\s+\d)(?:\s+(?P<relyear>last|next|this)\s+year)?\b",
            "month",
        ),
        (
            "date",
            rf"(?<![$£€#\d.,])(?:(?P<dmod>{p.date_mod})[\s-]*|(?P<fiscal>fiscal(?:\s+year)?|FY)"
            rf"\s*|the\s+year\s+)?{_YEAR}(?![.,]\d|%|\s*percent|-(?:\d|year|month|day))",
            "digit yword",
        ),
        (
            "date",
            rf"(?:the\s+)?(?:(?P<dmod>{p.date_mod})[\s-]*)?"
            r"(?:(?P<decade>1\d\d|20\d)0|['’](?P<yy>\d)0)['’]?s\b",
            "digit",
        ),
        (
            "date",
            rf"the\s+(?:(?P<dmod>{p.date_mod})[\s-]*)?(?P<decword>{_TENS.replace('y', 'ies')})\b",
            "decword",
        ),
        (
            "date",
            rf"(?:the\s+)?(?:(?P<dmod>{p.date_mod})[\s-]*)?(?P<ord>{p.ordinal})[\s-]+century\b",
            "century",
        ),
        (
            "quarter",
            r"(?:(?P<det>the|its|this|that|a|last|next)\s+)?"
            r"(?:(?P<qyear>(?:1\d|20)\d\d)\s+|(?P<qrel>latest|current|previous|past|prior|"
            r"year-ago|year-earlier|comparable|same|fiscal|flat|last\s+year['’]s|"
            r"this\s+year['’]s|next\s+year['’]s)[\s-]+){0,3}"
            rf"(?:(?P<qord>{p.ordinal})[\s-]+)?(?P<qunit>quarter|half|period)(?![\w-])"
            rf"(?:\s+of\s+(?:fiscal\s+)?(?:{_YEAR}|the\s+year|(?P<ofrel>this|next|last)\s+year))?",
            "quarter",
        ),
        (
            "quarter",
            r"\b(?P<qletter>Q)(?P<qord>[1-4])(?:\s+(?P<year>(?:1\d|20)\d\d))?\b",
            "quarter",
        ),
        (
            "weekday",
            rf"(?:(?P<rel>last|next|this|past|coming|early|late|earlier|later"
            r"|the\s+(?:previous|following|preceding))\s+)?"
            rf"(?P<weekday>{p.weekday})(?P<plural>s)?"
            # "Monday nights", "Monday and Tuesday nights": every such night (SET)
            rf"(?:\s+(?P<pod>{p.pod})(?P<pods>s)?|(?=\s+(?:and|or)\s+{p.weekday}\s+"
            rf"(?P<pod2>{p.pod})(?P<pods2>s)\b))?\b",
            "weekday",
        ),
        (
            "dayword",
            rf"(?:(?P<rel>early|late|earlier|later)\s+)?(?:(?P<pod0>{p.pod})\s+)?"
            rf"(?P<dayword>{alternation(lx.day_offsets)}|the\s+day\s+(?:before\s+yesterday|"
            rf"after\s+tomorrow)){pod_tail}\b",
            "dayword",
        ),
        (
            "dayword",
            rf"(?:(?P<rel>early|late|earlier|later)\s+)?(?P<dayword>this|last)\s+(?P<pod>{p.pod})\b",
            "pod",
        ),
        (
            "relative",
            rf"(?:(?P<dmod>early|mid|late|earlier|later)[\s-]+(?:in\s+)?)?(?P<rel>{_REL})\s+"
            rf"(?:fiscal\s+)?(?P<unit>week|weekend|month|year|decade|century|quarter|{p.season})\b"
            r"(?![\s-]+(?:old|long)\b|-)",
            "unit season weekend",
        ),
        (
            "relative",
            r"(?P<rel>the)\s+(?:(?P<fy>fiscal|full|calendar)\s+)?(?P<unit>week|weekend|month|year)\b(?!\s+(?:of|before|after|in|to|that|when)\b|[\s-]+(?:old|long)\b|['’-])",
            "unit weekend",
        ),
        ("relative", r"(?P<yearend>(?P<unit>year)(?:[\s-]|['’]s\s+)end)\b", "unit"),
        (
            "relative",
            rf"(?P<vague>(?:the\s+)?(?:past|last|recent|coming|next|future)(?:\s+(?:few|several))?|"
            rf"the\s+(?:few|several)|recent)\s+(?P<unit>{p.unit})",
            "unit",
        ),
        (
            "ago",
            rf"{qual}(?P<num>{p.num})[\s-]+(?P<unit>{p.unit})(?:\s+or\s+so)?\s+"
            r"(?P<dir>ago|earlier|later|before|after|from\s+now|hence)\b"
            r"(?!\s+(?:the|his|her|its|their|this|that|an?)\b)",
            "unit",
        ),
        (
            "ago",
            r"(?P<unit>year)-(?P<dir>ago|earlier)\b(?![\s-]+(?:\w+\s+)?(?:quarter|period))",
            "unit",
        ),
        (
            "anchored",
            rf"{qual}(?P<num>{p.num})[\s-]+(?P<unit>{p.unit})\s+(?P<dir>after|before){event}",
            "unit",
        ),
        (
            "anchored",
            rf"the\s+(?P<unit>day|night|week|month|year)\s+(?P<dir>after|before){event}",
            "unit pod",
        ),
        (
            "following",
            rf"(?:(?P<dir>earlier|later)\s+(?:in\s+)?)?(?:(?P<rel>the\s+(?:following|next|previous|"
            rf"preceding|prior|same)|that)\s+(?P<unit>day|week|month|year|{p.pod})"
            r"|the\s+(?P<unit2>day|night|week|month|year)\s+(?P<dir2>before|after)(?!\s+\w+\s))\b",
            "unit pod",
        ),
        (
            "season",
            rf"(?:(?P<dmod>early|mid|late)[\s-]+)?(?:(?P<rel>{_REL}|the|in)\s+)?"
            rf"(?P<season>{p.season})(?:(?:\s+of)?\s+{_YEAR})?\b",
            "season",
        ),
        (
            "holiday",
            rf"(?:(?P<rel>last|next|this)\s+)?(?P<holiday>{alternation(lx.holiday_names())})"
            rf"(?:,?\s+{_YEAR})?\b",
            "holiday",
        ),
        (
            "duration",
            rf"{qual}(?!the\s)(?:(?P<span>(?:the\s+)?(?:past|last|next|first|final|previous|coming|"
            r"following|remaining)|the|another|an\s+additional|additional|each\s+of\s+the\s+"
            rf"(?:past|last))\s+)?(?P<num>{p.num})(?:(?:\s+(?:to|or)\s+|-)(?P<num2>{p.num}))?"
            rf"[\s-]+(?:more\s+|(?:trading|business|working)\s+)?(?P<unit>{p.unit})"
            r"(?:-(?P<adj>old|long))?",
            "unit",
        ),
        (
            "duration",
            r"(?:for|over|in|within|after)\s+(?P<bare>(?:years|decades|months|weeks|centuries))\b",
            "unit",
        ),
        (
            "duration",
            r"(?P<long>(?P<unit>hour|day|week|month|year|decade|century|centurie)(?P<plural>s)?)-long\b",
            "unit",
        ),
        (
            "time",
            rf"(?:(?P<amod>about|around|approximately|at)\s+)?(?:(?P<hour>[01]?\d)(?::(?P<minute>[0-5]\d))?"
            r"\s*(?P<ampm>[ap]\.?\s?m\b\.?)|(?P<hour24>[01]?\d|2[0-3]):(?P<minute24>[0-5]\d)(?![\d:])"
            # Wire copy writes a 24-hour clock without a colon, always with its zone.
            rf"|(?<![\d.,])(?P<hourw>[01]\d|2[0-3])(?P<minutew>[0-5]\d)(?=\s+\(?(?:{TIME_ZONES})\b)"
            r"|(?P<named>noon|midnight|midday)"
            rf"|(?P<oclock>\d{{1,2}}|{_CLOCK_HOURS})\s+o['’]clock)"
            rf"(?:\s+(?P<tz>(?-i:[A-Z]{{2,4}}T)))?(?:,?\s+(?P<tday>{p.weekday}|today|tonight|yesterday|"
            rf"tomorrow)|,?\s+(?P<tmonth>{p.month})\s+(?P<tmday>3[01]|[12]\d|0?[1-9])\b)?",
            "digit time",
        ),
        (
            "set",
            rf"(?P<every>every|each|per|a)\s+(?:other\s+)?(?:(?P<weekday>{p.weekday})"
            rf"|(?<=every\s)(?P<num>{p.num})\s+(?P<units>{p.unit})"
            rf"|(?P<unit>{p.unit_singular}|{p.pod})|(?P<month>{p.month_full}))\b",
            "weekday unit pod month",
        ),
        ("set", rf"\b(?P<freq>{alternation(lx.frequencies)})\b", "freq"),
        ("reference", rf"\b(?P<ref>{alternation(lx.references)})\b(?!-)", "ref"),
    ]
    return tuple(
        _Rule(kind, re.compile(rf"(?<![\w])(?:{rx})", re.IGNORECASE), frozenset(keys.split()))
        for kind, rx, keys in specs
    )


@cache
def rules() -> tuple[_Rule, ...]:
    """The compiled rule set (built once per process)."""
    return _rules()


_WORD_VALUES = {**number_words().cardinals, "oh": 0}


def year_in_words(words: str) -> int:
    """ "nineteen ninety-six" -> 1996, "two thousand and one" -> 2001."""
    parts = [w for w in re.split(r"[\s-]+", words.lower()) if w != "and"]
    if parts[:2] == ["two", "thousand"]:
        return 2000 + sum(_WORD_VALUES.get(w, 0) for w in parts[2:])
    if parts[1:2] == ["hundred"]:
        return _WORD_VALUES[parts[0]] * 100
    return _WORD_VALUES[parts[0]] * 100 + sum(_WORD_VALUES.get(w, 0) for w in parts[1:])


_OF = re.compile(r"\s+of\b")
_COUNTED = re.compile(r"\d|times|once|twice|cents?|dollars?")


def _acceptable(text: str, kind: PatternKind, g: dict[str, str], start: int, end: int) -> bool:
    """Drop hits whose words are temporal only in some contexts ("may", "a second")."""
    before = text[max(0, start - 20) : start].split()
    prev = before[-1].lower().strip("(,") if before else ""
    if kind == "date" and set(g) <= {"month", "weekday"} and "month" in g:
        return prev in DATE_PREPOSITIONS or g["month"] not in ("May", "March")
    if "yword" in g and g["yword"][:3].lower() == "two":
        return "month" in g or text[max(0, start - 9) : start + 9].lower().count("year") > 0
    if kind == "date" and set(g) == {"year"}:
        return prev in DATE_PREPOSITIONS or 1900 <= int(g["year"]) <= 2099
    if kind == "season":
        return bool(set(g) & {"dmod", "rel", "year"}) or g["season"].lower() != "fall"
    if kind == "set" and g.get("every", "").lower() in ("a", "per"):
        return bool(_COUNTED.search(text, max(0, start - 30), start))
    if kind in ("duration", "ago", "anchored"):
        if g.get("unit", "").lower().startswith("quarter") and _OF.match(text, end):
            return False
        num = g.get("num", "").lower()
        return not (num in ("a", "an", "some", "many") and g.get("unit", "").lower() == "second")
    return True


_TOKEN = re.compile(r"[A-Za-z]+|\d+")
_MARGIN = 64  # longer than any expression reaches from its key word
_KEYWORDS = {
    "quarter": "quarter quarters half period fiscal fy q1 q2 q3 q4",
    "century": "century",
    "time": "noon midnight midday clock",
    "weekend": "weekend",
    "yword": "nineteen eighteen thousand",
    "decword": "twenties thirties forties fifties sixties seventies eighties nineties",
}


@cache
def _key_classes() -> dict[str, frozenset[str]]:
    """Key word -> the classes it belongs to. Every temporal expression contains a key
    word (for a lexicon phrase, its last word: "at the moment" is found through "moment")
    or a digit; each rule runs only near key words of its classes."""
    lx = lexicon()
    tables: dict[str, Iterable[str]] = {
        "month": lx.months, "weekday": lx.weekdays, "season": lx.seasons,
        "pod": lx.parts_of_day, "unit": [*lx.units, *lx.unit_plurals, "ago", "every", "each"],
        "dayword": lx.day_offsets, "ref": lx.references, "freq": lx.frequencies,
        "holiday": lx.holiday_names(),
        **{name: words.split() for name, words in _KEYWORDS.items()},
    }  # fmt: skip
    classes: dict[str, set[str]] = {}
    for name, table in tables.items():
        for phrase in table:
            classes.setdefault(_TOKEN.findall(phrase)[-1], set()).add(name)
    return {word: frozenset(names) for word, names in classes.items()}


_DIGIT = frozenset({"digit"})


def _windows(text: str) -> list[tuple[int, int, frozenset[str]]]:
    """Stretches of text around key words or digits, with the classes of key word each
    holds: the only places a rule can match. Skipping the rest, and running each rule
    only where its key words are, makes the scan several times faster on news text.
    """
    keys = _key_classes()
    spans: list[tuple[int, int, frozenset[str]]] = []
    for m in _TOKEN.finditer(text):
        word = m.group()
        found = _DIGIT if word[0].isdigit() else keys.get(word.lower())
        if found:
            lo, hi = max(0, m.start() - _MARGIN), min(len(text), m.end() + _MARGIN)
            if spans and lo <= spans[-1][1]:
                spans[-1] = (spans[-1][0], hi, spans[-1][2] | found)
            else:
                spans.append((lo, hi, found))
    return spans


def recognize(text: str) -> list[Candidate]:
    """Non-overlapping rule hits in text order (longest hit wins, then rule order)."""
    hits: list[tuple[int, int, int, Candidate]] = []
    windows = _windows(text)
    for order, rule in enumerate(rules()):
        spans = [(lo, hi) for lo, hi, found in windows if found & rule.keys]
        for m in (m for lo, hi in spans for m in rule.regex.finditer(text, lo, hi)):
            if m.end() <= m.start():
                continue
            g = {k: v for k, v in m.groupdict().items() if v is not None}
            if "yword" in g:
                g["year"] = str(year_in_words(g["yword"]))
            if _acceptable(text, rule.kind, g, m.start(), m.end()):
                cand = Candidate(m.start(), m.end(), rule.kind, g)
                hits.append((-(m.end() - m.start()), order, m.start(), cand))
    hits.sort(key=lambda h: (h[0], h[1], h[2]))
    taken: list[Candidate] = []
    occupied = bytearray(len(text) + 1)
    for _, _, _, cand in hits:
        if not any(occupied[cand.start : cand.end]):
            occupied[cand.start : cand.end] = b"\x01" * (cand.end - cand.start)
            taken.append(cand)
    taken.sort(key=lambda c: c.start)
    return taken
