"""``find_quantities`` in the shape the shared quantity scorer reads.

The scorer (``shared/benchmarks/quantities/score_quantities.py``) takes dicts with
``start, end, value, unit, modifier`` (plus ``unit_forms``: surface strings naming the
same unit) and speaks NewsQuant's vocabulary: a range or vague amount is a ``[low, high]``
value, a count's unit is the counted noun, modifiers are ``= ~ > < up down``.
"""

from __future__ import annotations

from typing import Any

from numcheck.extract.mentions import QuantityMention
from numcheck.extract.quantities import find_quantities
from numcheck.extract.quantities.numbers import CARDINALS, MULTIPLIERS, SCALES
from numcheck.extract.quantities.units import spoken_name

# NewsQuant folds every qualifier into one of five modifiers ("at least" counts as ">").
MODIFIERS = {
    "exact": "=", "about": "~", "nearly": "~", "range": "=", "vague": "=",
    "more-than": ">", "at-least": ">", "just-over": ">",
    "less-than": "<", "just-under": "<", "at-most": "<", "up-to": "<",
}  # fmt: skip
NUMBER_WORDS = {*CARDINALS, *MULTIPLIERS, *SCALES, "a", "an", "the", "couple", "dozens", "hundreds"}
# NewsQuant annotates plural scale words ("dozens", "thousands": one to ten times the
# unit), not "several" or "a few".
_ANNOTATED_VAGUE_SPAN = 10.0


def quantities(text: str) -> list[dict[str, Any]]:
    """Every amount in ``text`` as a scorer prediction."""
    return [_prediction(m) for m in find_quantities(text) if _scored(m)]


def _scored(mention: QuantityMention) -> bool:
    if mention.kind in ("ordinal", "identifier"):
        return False
    if mention.qualifier != "vague" or not mention.low or mention.high is None:
        return mention.qualifier != "vague"
    return mention.high / mention.low == _ANNOTATED_VAGUE_SPAN


def _prediction(mention: QuantityMention) -> dict[str, Any]:
    value: float | list[float] = mention.stated
    spread = mention.qualifier == "vague" or mention.stated_high is not None
    if spread and mention.low is not None and mention.high is not None:
        value = [mention.low, mention.high]
    unit = _unit_name(mention)
    forms = [f for f in (mention.unit_text, mention.noun, _noun_phrase(mention)) if f]
    return {
        "start": mention.start,
        "end": mention.end,
        "value": value,
        "unit": unit,
        "unit_forms": forms,
        "modifier": mention.change or MODIFIERS.get(mention.qualifier, "="),
    }


def _noun_phrase(mention: QuantityMention) -> str | None:
    """The words from the figure to the counted noun ("US troops" in "2,500 US troops")."""
    if mention.noun_end is None:
        return None
    words = mention.text[: mention.noun_end - mention.start].split()
    phrase: list[str] = []
    for word in reversed(words):
        if any(c.isdigit() for c in word) or word.lower() in NUMBER_WORDS or word == "of":
            break
        phrase.insert(0, word)
    return " ".join(phrase)


def _unit_name(mention: QuantityMention) -> str | None:
    if mention.unit is None:
        return mention.noun_lemma
    return " per ".join(spoken_name(part.strip()) for part in mention.unit.split("/"))
