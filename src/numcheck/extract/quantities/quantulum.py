"""quantulum3, asked only about units numcheck's own lists do not know ("72 Ma", "12 mGy").

quantulum3 carries a large unit lexicon but parses a whole sentence in about a
millisecond and grows worse than linearly with length, so numcheck calls it on a short
window (the figure and the symbol after it) and only when that symbol is one quantulum3
lists as a unit symbol. News rarely needs it; science copy does. numcheck runs it
without its optional classifier (the scikit-learn model is not a dependency), switching
quantulum3's ``USE_CLF`` off for the process on first use.

Start-up: quantulum3 builds its unit table with ``inflect``, whose typeguard decorators
recompile every method on import (4-5 s; an open upstream issue). numcheck reads the
symbol list straight from quantulum3's JSON files, so a draft without a rare unit symbol
never loads the table, and imports quantulum3's parser with typeguard's decorator a
no-op (run-time type checks inside inflect, nothing numcheck relies on).
"""

from __future__ import annotations

import json
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
    """The unit symbols quantulum3 knows, with SI prefixes, read without building units."""
    from quantulum3 import load

    found: set[str] = set()
    for path in (load.GENERAL_UNITS_PATH, load.LANGUAGE_UNITS_PATH("en_US")):
        with open(path, encoding="utf-8") as file:
            for name, unit in json.load(file).items():
                for _, prefixed in load.Units.prefixed_units(name, unit):
                    found.update(prefixed.get("symbols", []))
    return frozenset(found) - _NEVER


@cache
def _parser() -> Any:
    warnings.filterwarnings("ignore", module="quantulum3")
    import importlib.util

    guard: Any = (
        __import__("typeguard") if importlib.util.find_spec("typeguard") is not None else None
    )
    checked = guard.typechecked if guard else None
    if guard:
        guard.typechecked = _unchecked
    try:
        from quantulum3 import classifier, load, parser

        load.units("en_US")  # builds the table (and imports inflect) while unchecked
    finally:
        if guard:
            guard.typechecked = checked
    classifier.USE_CLF = False
    return parser


def load_table() -> None:
    """Build quantulum3's unit table and regexes now rather than at the first rare unit
    symbol (its first parse compiles them)."""
    _symbols()
    _parser().parse("5 kW")


def _unchecked(target: Any = None, **_options: Any) -> Any:
    """``typeguard.typechecked`` as a no-op, with or without arguments."""
    return target if target is not None else _unchecked


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
