"""Counts, quantities, money and percentages in running text (see ``mentions.QuantityMention``).

One compiled regex finds every figure (digits, number words, vague amounts, with an
optional currency sign before); the text right around each figure then gives its scale,
range partner, unit, qualifier, change and counted noun. Everything is anchored regex
work on short windows, so the cost is linear in the text and a few microseconds a figure.
"""

from __future__ import annotations

import bisect
import itertools
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cache

from numcheck.extract.mentions import Change, NumberKind, QuantityMention
from numcheck.extract.quantities import numbers, quantulum, units
from numcheck.extract.quantities.exclusions import (
    is_label,
    is_year,
    not_amount_spans,
    ordinals,
)
from numcheck.extract.quantities.nouns import Noun, counted_noun, is_plural, singular
from numcheck.extract.quantities.qualifiers import (
    Qualifier,
    change_before,
    interval,
    qualifier_before,
    shape_of,
)
from numcheck.extract.quantities.units import Unit, UnitMatch, unit_after

_ABBREVIATION = re.compile(r"(?:(?P<spaced>\s?(?:bn|mn|mln|bln|tn|trn))|(?P<letter>[kKMBTmbt]))\b")
_RANGE_JOIN = re.compile(r"(?:-?\s+)?(?:-|–|—|(?P<word>to|through|and|or)-?)\s*", re.I)
_PLUS_MINUS = re.compile(r"\s*(?:±|\+/-|\+-)\s*")
# "from A <a few words, no sentence end> to B": "from $41,200 late on Monday to $39,800"
_FROM_TO = re.compile(r"(?:(?!\.\s+[A-Z])[^;!?]){0,40}?\s(?P<word>to)\s+")
_RANGE_OPENER = re.compile(r"(?<![\w-])(?P<word>between|from)\s+$", re.I)
_SCORE_CONTEXT = re.compile(
    r"(?<![\w-])(?:won|lost|beat|beating|win|defeat|victory|draw|drew|tied|tie|lead|led|"
    r"trail|trailing|score|scored|at)\s+$",
    re.I,
)
_SCORE = re.compile(r"[-–](\d{1,3})(?![\d.,]?\d)")
_SCORE_AFTER = re.compile(
    r"\s+(?:win|wins|loss|losses|defeat|victory|draw|tie|lead|scoreline|home|away)\b", re.I
)
_LIST_JOIN = re.compile(r"\s*(?:,|and|&|or|to)\s*")
_DENOMINATOR_JOIN = re.compile(r"\s*/\s*|\s+per\s+|-an?-|\s+an?\s+(?=\w)", re.I)
_DENOMINATOR_WORD = re.compile(r"[A-Za-z]+")
_US_SUFFIX = re.compile(r"\s?(?:US|U\.S\.)(?![\w.])")
_UNIT_GAP = re.compile(r"[ \u00a0]?-?")
# "hundreds of miles", "tens of millions of euros", "a quarter of a percentage point"
_SHARE_OF = re.compile(r"\s+of\s+(?:the\s+|their\s+|an?\s+)?(?:US\s+|U\.S\.\s+)?", re.I)
_PRONOUN_ONE_BEFORE = re.compile(
    r"(?<![\w-])(?:each|the|same|no|any|every|which|this|that|someone|anyone)\s+$", re.I
)
_PRONOUN_ONE_AFTER = re.compile(r"\s+(?:another|other\b|\d)|-(?:off|time)\b", re.I)
# "in" is an inch only where nothing else can follow it: "2 in thick", "a 2 in. gap".
_INCH_CONTEXT = re.compile(
    r"\.?(?:\s*[,;:)!?]|\s*$|\s+(?:thick|wide|long|tall|deep|high|across|diameter|of|screen|"
    r"display|gap|pipe)\b)"
)
# "a five-year award": a hyphenated duration used as an adjective is not a claim about time.
_ADJECTIVE_COMPOUND = re.compile(r"-[a-z]+\s+(?:[A-Za-z]+-)?[A-Za-z]+(?<!old)\b(?!-old)")
_OUT_OF = re.compile(r"\s+(?:out\s+of|in)\s+(\d{1,3}|[a-z]+)\b(?![.,]\d)", re.I)
_SIMPLE_FRACTION = re.compile(r"\d+[/\u2044]\d+")
# Units that "a" turns into an idiom rather than a measure: "a bit of", "a ton of".
_IDIOMS = frozenset({"bit", "ton", "foot", "yard", "pound", "degree", "bar", "cup", "knot", "inch"})
_ONE_UNIT_END = re.compile(r"\s+of\b|\s*[.!?;]")
_A_UNIT = re.compile(r"\b[Aa]n?\s+(?=[a-z])")
_PART_OF = re.compile(r"\s+of\s+(?:the\s+|its\s+|their\s+|a\s+|an\s+)?", re.I)
_AGED = re.compile(r"\baged\s+$", re.I)
_NAME_COMMA = re.compile(r"\b[A-Z][\w'’-]+,\s$")
_CONVERSION_JOIN = re.compile(r"\s*(?:[(/]|,?\s+or)\s*")


@dataclass(frozen=True, slots=True)
class _Figure:
    """A figure as read: value (or vague bounds), span, and what it carried."""

    start: int
    end: int
    value: float
    vague: tuple[float, float] | None
    currency: Unit | None
    scale: float
    digits: str
    plus: bool


@cache
def _figure_pattern() -> str:
    return (
        rf"(?:(?P<cur>{units.currency_before_pattern()})\s?)?"
        r"(?:(?P<sign>[-−+])|(?i:(?P<minus>minus|negative))[\s-])?"
        rf"(?:(?P<digits>{numbers.DIGITS_PATTERN})(?P<dscale>(?i:{numbers.SCALE_WORDS_PATTERN}))?"
        rf"|(?i:(?P<vague>{numbers.vague_pattern()})(?P<vscale>{numbers.SCALE_WORDS_PATTERN})?)"
        rf"|(?i:(?P<zero>{numbers.zero_pattern()}))"
        rf"|(?i:(?P<words>{numbers.WORDS_PATTERN})))"
    )


@cache
def _scanner() -> re.Pattern[str]:
    # No figure starts with a space: "(?!\s)" fails at once where the whole pattern was
    # tried (a megabyte of blank lines took over a second).
    return re.compile(rf"(?!\s)(?<![\w./+−^])(?<!\d,)(?:(?<!-)|(?<=sub-)){_figure_pattern()}")


@cache
def _partner() -> re.Pattern[str]:
    return re.compile(_figure_pattern())


def find_quantities(text: str, exclude: Sequence[tuple[int, int]] = ()) -> list[QuantityMention]:
    """Every number in ``text`` that is not inside one of the ``exclude`` spans (dates)."""
    blocked = _Spans.of([*exclude, *not_amount_spans(text)])
    found: list[QuantityMention] = []
    label_end = -1
    pos = 0
    scanner = _scanner()
    while (match := scanner.search(text, pos)) is not None:
        if blocked.overlap(match.start(), match.end()):
            pos = match.end()  # inside a date or a clock time
            continue
        mention = _read(text, match)
        if mention is not None and (
            blocked.overlap(mention.start, mention.end) or "\n" in text[mention.start : mention.end]
        ):
            # A range must not span a date, nor a line break ("killing two\n\nDozens").
            mention = _read(text, match, reach=False)
        if mention is None or blocked.overlap(mention.start, mention.end):
            pos = match.start() + 1
            continue
        pos = mention.end
        if found and _CONVERSION_JOIN.fullmatch(text, found[-1].end, mention.start):
            mention = _inherit(mention, found[-1])
        if mention.kind == "count" and (
            is_label(text, match.start(), match.end())
            or _LIST_JOIN.fullmatch(text, label_end, mention.start)
        ):
            mention = _as_identifier(text, mention, match.end())
            label_end = mention.end
        found.append(mention)
    found.extend(_single_units(text, blocked, _Spans.of((m.start, m.end) for m in found)))
    found.extend(_ordinals(text, blocked, _Spans.of((m.start, m.end) for m in found)))
    found.sort(key=lambda m: m.start)
    return found


def _read(text: str, match: re.Match[str], *, reach: bool = True) -> QuantityMention | None:  # noqa: C901
    """The mention a scanner match begins, or None when it is no amount.

    ``reach`` lets "from A ... to B" find B a few words on; off, B must follow A.
    """
    first = _figure(text, match)
    if first is None or not _stands_alone(text, first):
        return None
    opener = _RANGE_OPENER.search(text, max(0, first.start - 12), first.start)
    lead = opener.start() if opener else first.start
    qualifier = qualifier_before(text, lead)
    change = change_before(text, qualifier.start if qualifier else lead)
    if first.plus and change is None:
        change = "up"
    first = _out_of(text, first)
    unit = _unit(text, first) or _age(text, first)
    glued = first.digits and first.scale == 1 and text[first.end : first.end + 1].isalpha()
    if glued and (unit is None or unit.start != first.end):
        return None  # glued into a code or name: "3D", "M21 9AB", "21st"
    if unit is None and _is_score(text, first):
        return None
    if (
        unit is not None
        and unit.unit.kind == "duration"
        and _ADJECTIVE_COMPOUND.match(text, first.end)
    ):
        return None  # "a five-year award" describes the award; it claims no amount
    second: _Figure | None = None
    if _is_year(text, first, None, unit):
        return None
    first, second, unit = _range_partner(text, first, unit, opener if reach else None, change)
    if opener is not None:
        change = None  # "rose from 5 to 7", "up from 900,000", "grow between 2% and 3%"
    if _is_year(text, first, second, unit):
        return None
    if unit is None and second is None and first.currency is None:
        unit = _unit_of_whole(text, first)
    last = second or first
    currency = first.currency or last.currency
    if currency is None and unit is not None and unit.unit.kind == "money":
        currency = unit.unit
    kind: NumberKind = "count"
    unit_name: str | None = None
    unit_text: str | None = None
    end = max(unit.end if unit else 0, last.end)
    if currency is not None:
        kind, unit_name = "money", currency.name
        unit_text = match["cur"] or (text[unit.start : unit.end] if unit else None)
    elif unit is not None:
        kind, unit_name, unit_text = unit.unit.kind, unit.unit.name, text[unit.start : unit.end]
    noun = None
    if kind == "count":
        noun = counted_noun(text, end, one=last.value == 1 and last.vague is None)
        if noun is not None:
            end = noun.end
    per = _denominator(text, end, allow_any_word=kind == "money")
    if per is not None:
        per_name, end = per
        if unit_name is not None:
            unit_name = f"{unit_name}/{per_name}"
    start = min(first.start, lead, qualifier.start if qualifier else lead)
    return _mention(
        text, start, end, first, second, qualifier, kind, unit_name, unit_text, change, noun
    )


def _mention(
    text: str,
    start: int,
    end: int,
    first: _Figure,
    second: _Figure | None,
    qualifier: Qualifier | None,
    kind: NumberKind,
    unit: str | None,
    unit_text: str | None,
    change: Change | None,
    noun: Noun | None,
) -> QuantityMention:
    point = QuantityMention(
        start, end, text[start:end], kind, first.value, first.value, first.value, unit=unit,
        unit_text=unit_text, change=change, noun=noun.word if noun else None,
        noun_lemma=noun.lemma if noun else None, noun_start=noun.start if noun else None,
        noun_end=noun.end if noun else None,
    )  # fmt: skip
    if second is not None:
        low = first.vague[0] if first.vague else first.value
        high = second.vague[1] if second.vague else second.value
        about = qualifier is not None and qualifier.name == "about"
        return replace(
            point, low=min(low, high), high=max(low, high),
            qualifier="about" if about else "range", stated_high=second.value,
        )  # fmt: skip
    if first.vague is not None:
        low, high = first.vague
        return replace(point, stated=low, low=low, high=high, qualifier="vague", stated_high=high)
    if qualifier is None:
        return point
    bounds = interval(qualifier.shape, first.value)
    return replace(
        point, low=bounds.low, high=bounds.high, low_inclusive=bounds.low_inclusive,
        high_inclusive=bounds.high_inclusive, qualifier=qualifier.name,
    )  # fmt: skip


def _digits(text: str, match: re.Match[str], currency: Unit | None) -> tuple[float, int, float]:
    """Value, end and scale of a figure in digits ("2.5bn", "5 million", "10k")."""
    value = numbers.parse_digits(match["digits"])
    end = match.end("digits")
    scale = 1.0
    if match["dscale"]:
        scale, end = _scale(match["dscale"]), match.end("dscale")
    else:
        abbreviation = _ABBREVIATION.match(text, end)
        if abbreviation and _abbreviation_scales(text, abbreviation, currency):
            scale, end = _abbreviation_value(abbreviation), abbreviation.end()
    return value * scale, end, scale


def _zero(text: str, match: re.Match[str], currency: Unit | None) -> _Figure | None:
    """A count of nothing ("no one", "no injuries"); "any" only after a negation."""
    if match["zero"].lower() == "any" and not numbers.negated_any(text, match.start("zero")):
        return None
    return _Figure(match.start("zero"), match.end("zero"), 0.0, None, currency, 1.0, "", False)


def _figure(text: str, match: re.Match[str], currency: Unit | None = None) -> _Figure | None:
    """Value, scale and span of the figure ``match`` found."""
    if match["cur"]:
        currency = units.currency_before(match["cur"])
    vague: tuple[float, float] | None = None
    digits = ""
    scale = 1.0
    if match["digits"]:
        digits = match["digits"]
        value, end, scale = _digits(text, match, currency)
    elif match["vague"]:
        vague = numbers.vague_amounts()[numbers.vague_key(match["vague"])]
        end = match.end("vague")
        if match["vscale"]:
            scale = _scale(match["vscale"])
            vague = (vague[0] * scale, vague[1] * scale)
            end = match.end("vscale")
        value = vague[0]
    elif match["zero"]:
        return _zero(text, match, currency)
    else:
        parsed = numbers.parse_words(match["words"])
        if parsed is None:
            return None
        value, length = parsed
        end = match.start("words") + length
        scale = max(
            (v for w, v in numbers.SCALES.items() if w in match["words"].lower()), default=1.0
        )
    if not math.isfinite(value):
        return None
    if match["minus"] or match["sign"] in ("-", "−"):
        value = -value
    start = match.start("cur") if match["cur"] else match.start()
    return _Figure(start, end, value, vague, currency, scale, digits, match["sign"] == "+")


def _scale(words: str) -> float:
    return math.prod(
        numbers.SCALES.get(w, numbers.MULTIPLIERS.get(w, 1.0))
        for w in re.findall(r"[a-z]+", words.lower())
    )


def _abbreviation_scales(text: str, abbreviation: re.Match[str], currency: Unit | None) -> bool:
    """Whether "m", "bn", "k" after a figure is a scale: "£3m", "330m users", but "100m"."""
    letter = abbreviation["letter"]
    if letter is None or letter in "kKM" or currency is not None:
        return True
    if letter == "m":
        noun = counted_noun(text, abbreviation.end(), one=False)
        return noun is not None and is_plural(noun.word)
    return False


def _abbreviation_value(abbreviation: re.Match[str]) -> float:
    token = abbreviation[0].strip()
    return numbers.SCALE_ABBREVIATIONS.get(token) or numbers.MONEY_SCALE_ABBREVIATIONS[token]


def _stands_alone(text: str, figure: _Figure) -> bool:
    """False for whole fractions that are codes ("24/7") and for the pronoun "one"."""
    if figure.digits:
        if _SIMPLE_FRACTION.fullmatch(figure.digits) and figure.value >= 1:
            return False
    elif (
        figure.value == 1
        and figure.vague is None
        and text[figure.start : figure.end].lower() == "one"
    ):
        if _PRONOUN_ONE_BEFORE.search(text, max(0, figure.start - 12), figure.start):
            return False
        if _PRONOUN_ONE_AFTER.match(text, figure.end):
            return False
    return True


def _unit(text: str, figure: _Figure) -> UnitMatch | None:
    """The unit or currency written right after a figure."""
    pos = figure.end
    if figure.currency is not None:
        suffix = _US_SUFFIX.match(text, pos)
        return UnitMatch(pos, suffix.end(), figure.currency) if suffix else None
    if figure.vague is not None or figure.scale > 1 or 0 < figure.value < 1:
        of = _SHARE_OF.match(text, pos)
        if of is not None and (found := unit_after(text, of.end())) is not None:
            return _reading(text, found, figure)
    gap = _UNIT_GAP.match(text, pos)
    found = unit_after(text, gap.end() if gap else pos)
    if found is None and gap is not None and gap.end() > pos:
        found = unit_after(text, pos + 1) if text[pos] == " " else None
    if found is None and figure.digits:
        found = quantulum.unit_after(text, figure.start, pos + (text[pos : pos + 1] == " "))
    return _reading(text, found, figure) if found else None


def _unit_of_whole(text: str, part: _Figure) -> UnitMatch | None:
    """ "300 million of the 2 billion shekels": a part takes the unit of its whole."""
    of = _PART_OF.match(text, part.end)
    whole_match = _partner().match(text, of.end()) if of else None
    whole = _figure(text, whole_match) if whole_match else None
    if whole is None:
        return None
    unit = whole.currency or (found.unit if (found := _unit(text, whole)) else None)
    return UnitMatch(part.end, part.end, unit) if unit else None


def _age(text: str, figure: _Figure) -> UnitMatch | None:
    """ "aged 34", "Okafor, 58, said": an age in years, though no unit is written."""
    aged = _AGED.search(text, max(0, figure.start - 6), figure.start)
    apposition = (
        figure.digits.isdigit()
        and len(figure.digits) <= 3
        and _NAME_COMMA.search(text, max(0, figure.start - 30), figure.start) is not None
        and text.startswith(",", figure.end)
    )
    if not (aged or apposition):
        return None
    return UnitMatch(figure.end, figure.end, units.unit_named("year"))


def _reading(text: str, found: UnitMatch, figure: _Figure) -> UnitMatch | None:
    """The unit as this figure reads it: "20 million pounds" is money, "2 in the" no inch."""
    surface = text[found.start : found.end]
    if surface == "in" and not (figure.digits and _INCH_CONTEXT.match(text, found.end)):
        return None
    if found.unit.name == "pound" and figure.scale > 1:
        return UnitMatch(found.start, found.end, units.unit_named("GBP"))
    return found


def _range_partner(  # noqa: C901
    text: str,
    first: _Figure,
    unit: UnitMatch | None,
    opener: re.Match[str] | None,
    change: Change | None,
) -> tuple[_Figure, _Figure | None, UnitMatch | None]:
    """The range's (lower figure, upper figure, unit): "3 to 5 km", "between $62 and $68".

    The upper figure lends its scale to a bare lower one ("1 to 2 thousand"); without a
    partner the first figure comes back alone.
    """
    alone = (first, None, unit)
    spread = _PLUS_MINUS.match(text, first.end)
    if spread is not None and (partner := _partner().match(text, spread.end())):
        error = _figure(text, partner)
        if error is not None:
            low = replace(first, value=first.value - error.value)
            high = replace(error, value=first.value + error.value)
            return low, high, _unit(text, error)
    after_first = unit.end if unit else first.end
    per = _denominator(text, after_first, allow_any_word=True) if first.currency else None
    opened = opener["word"].lower() if opener else ""
    join = _RANGE_JOIN.match(text, per[1] if per else after_first)
    if join is None and opened == "from":
        join = _FROM_TO.match(text, per[1] if per else after_first)
    if join is None:
        return alone
    word = (join["word"] or "").lower()
    if word == "and" and opened != "between":
        return alone
    if word in ("to", "through") and change and opened != "from" and (unit or first.currency):
        return alone
    partner = _partner().match(text, join.end())
    if partner is None or partner["vague"]:
        return alone
    second = _figure(text, partner, first.currency)
    if second is None or (word == "or" and second.value <= first.value):
        return alone
    second_unit = _unit(text, second)
    second_per = _denominator(text, second.end, allow_any_word=True) if per else None
    if second_per is not None and per is not None and second_per[0] != per[0]:
        return alone
    if unit is not None and second_unit is None and opened != "from":
        return alone
    if unit is not None and second_unit is not None and second_unit.unit != unit.unit:
        return alone
    if second.scale > first.scale == 1 and abs(first.value) <= abs(second.value) / second.scale:
        first = replace(first, value=first.value * second.scale, scale=second.scale)
    return first, second, second_unit or unit


def _out_of(text: str, figure: _Figure) -> _Figure:
    """ "one out of three", "1 in 5": the share as a fraction."""
    share = _OUT_OF.match(text, figure.end)
    if share is None or figure.vague is not None or figure.currency is not None:
        return figure
    whole = share[1]
    total = float(whole) if whole.isdigit() else numbers.CARDINALS.get(whole.lower(), 0)
    # "-6 in the capital", "minus 6 in Oslo": a negative figure is no share of a whole.
    if figure.value < 0 or total <= figure.value:
        return figure
    return replace(figure, value=figure.value / total, end=share.end())


def _inherit(mention: QuantityMention, converted: QuantityMention) -> QuantityMention:
    """A conversion in brackets ("150 hp (112 kW)") carries its original's qualifier and change."""
    if mention.change is not None or mention.qualifier not in ("exact", "range"):
        return mention
    if mention.qualifier == "range" or converted.qualifier in ("range", "vague"):
        return replace(mention, change=converted.change)
    bounds = interval(shape_of(converted.qualifier), mention.stated)
    return replace(
        mention, qualifier=converted.qualifier, change=converted.change, low=bounds.low,
        high=bounds.high, low_inclusive=bounds.low_inclusive, high_inclusive=bounds.high_inclusive,
    )  # fmt: skip


def _is_score(text: str, first: _Figure) -> bool:
    """ "2-1", "89-89", "won 1-3": hyphenated whole numbers that are a result, not a range."""
    pair = _SCORE.match(text, first.end)
    if pair is None or not first.digits.isdigit() or first.currency is not None:
        return False
    if unit_after(text, pair.end()) is not None:
        return False
    return (
        first.value >= int(pair[1])
        or _SCORE_CONTEXT.search(text, max(0, first.start - 12), first.start) is not None
        or _SCORE_AFTER.match(text, pair.end()) is not None
    )


def _is_year(text: str, first: _Figure, second: _Figure | None, unit: UnitMatch | None) -> bool:
    """A bare year or span of years ("in 2003", "between 1600 and 1900")."""
    if unit is not None or first.currency is not None or first.scale > 1:
        return False
    figures = [f for f in (first, second) if f is not None]
    return any(is_year(text, f.start, f.digits, f.value) for f in figures)


def _denominator(text: str, pos: int, *, allow_any_word: bool) -> tuple[str, int] | None:
    """The "per barrel" / "a month" / "/kg" after a unit: (unit or noun, end)."""
    join = _DENOMINATOR_JOIN.match(text, pos)
    if join is None:
        return None
    found = unit_after(text, join.end())
    if found is not None:
        return found.unit.name, found.end
    if allow_any_word and join[0].strip().lower() not in ("a", "an"):
        word = _DENOMINATOR_WORD.match(text, join.end())
        if word is not None:
            return singular(word[0]), word.end()
    return None


def _as_identifier(text: str, mention: QuantityMention, end: int) -> QuantityMention:
    """The mention re-read as a label: no counted noun, quote ends at the figure."""
    end = min(mention.end, end)
    return replace(
        mention, kind="identifier", end=end, text=text[mention.start : end], noun=None,
        noun_lemma=None, noun_start=None, noun_end=None,
    )  # fmt: skip


def _single_units(text: str, blocked: _Spans, taken: _Spans) -> list[QuantityMention]:
    """ "a gallon of beer", "a penny!": one of a unit, where "a" can only mean one."""
    out = []
    for article in _A_UNIT.finditer(text):
        unit = unit_after(text, article.end())
        if unit is None:
            continue
        surface = text[unit.start : unit.end]
        if unit.unit.kind == "duration" or len(surface) < 3 or surface.lower() in _IDIOMS:
            continue
        if not _ONE_UNIT_END.match(text, unit.end):
            continue
        start, end = article.start(), unit.end
        if blocked.overlap(start, end) or taken.overlap(start, end):
            continue
        out.append(
            QuantityMention(start, end, text[start:end], unit.unit.kind, 1.0, 1.0, 1.0,
                            unit=unit.unit.name, unit_text=surface)
        )  # fmt: skip
    return out


def _ordinals(text: str, blocked: _Spans, taken: _Spans) -> list[QuantityMention]:
    """Ranks ("21st", "the fourth"), kept apart so nobody compares them as counts."""
    return [
        QuantityMention(start, end, text[start:end], "ordinal", rank, rank, rank)
        for start, end, rank in ordinals(text)
        if not blocked.overlap(start, end) and not taken.overlap(start, end)
    ]


@dataclass(frozen=True, slots=True)
class _Spans:
    """Spans to test for overlap in O(log n): starts in order, with the furthest end so far."""

    starts: tuple[int, ...]
    reach: tuple[int, ...]

    @classmethod
    def of(cls, spans: Iterable[tuple[int, int]]) -> _Spans:
        ordered = sorted(spans)
        return cls(
            tuple(s for s, _ in ordered), tuple(itertools.accumulate((e for _, e in ordered), max))
        )

    def overlap(self, start: int, end: int) -> bool:
        """Some span starts before ``end`` and ends after ``start``."""
        before = bisect.bisect_left(self.starts, end)
        return before > 0 and self.reach[before - 1] > start
