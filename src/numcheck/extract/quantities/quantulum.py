"""quantulum3, asked only about units numcheck's own lists do not know ("72 Ma", "12 mGy").

quantulum3 carries a large unit lexicon but parses a whole sentence in about a
millisecond and grows worse than linearly with length, so numcheck calls it on a short
window (the figure and the symbol after it) and only when that symbol is one quantulum3
lists as a unit symbol. News rarely needs it; science copy does. numcheck runs it
without its optional classifier (the scikit-learn model is not a dependency), switching
quantulum3's ``USE_CLF`` off for the process on first use.
"""

from __future__ import annotations

import re
import warnings
from functools import cache
from typing import Any

from numcheck.extract.quantities.nouns import STOP_WORDS
from numcheck.extract.quantities.units import Unit, UnitMatch

_SYMBOL = re.compile(r"[^\W\d_]{1,4}(?:[-−^/]?[\w^−/-]*)")
_WINDOW = 24
_LONGEST_FIGURE = 40
# Symbols too often plain words or letters in news to send to quantulum3.
_NEVER = frozenset(
    {
        "a",
        "s",
        "m",
        "h",
        "in",
        "at",
        "am",
        "pm",
        "is",
        "as",
        "or",
        "no",
        "per",
        "st",
        "nd",
        "rd",
        "th",
    }
)


@cache
def _symbols() -> frozenset[str]:
    from quantulum3 import load

    return frozenset(load.units("en_US").symbols) - _NEVER


@cache
def _parser() -> Any:
    warnings.filterwarnings("ignore", module="quantulum3")
    from quantulum3 import classifier, parser

    classifier.USE_CLF = False
    return parser


def unit_after(text: str, figure_start: int, pos: int) -> UnitMatch | None:
    """The unit quantulum3 reads after the figure at ``figure_start``; the symbol is at ``pos``."""
    symbol = _SYMBOL.match(text, pos)
    if symbol is None:
        return None
    letters = re.match(r"[^\W\d_]+", symbol[0])
    if letters is None or letters[0].lower() in STOP_WORDS:
        return None
    word = letters[0]
    if word not in _symbols() and not (word.endswith("s") and word[:-1] in _symbols()):
        return None  # neither a symbol nor its plural ("cds")
    if pos - figure_start > _LONGEST_FIGURE:
        return None  # quantulum3's own arithmetic overflows on a 309-digit figure
    window = text[figure_start : symbol.end() + _WINDOW]
    try:
        quantities = _parser().parse(window)
    except (ArithmeticError, ValueError):
        return None  # its grammar is not ours; a figure it cannot read has no unit from it
    for quantity in quantities:
        name = quantity.unit.name
        if quantity.span[0] == 0 and name != "dimensionless":
            end = figure_start + quantity.span[1]
            return UnitMatch(pos, max(end, pos + 1), Unit(name, "quantity", name))
    return None
