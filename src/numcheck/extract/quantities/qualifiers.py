"""The words around a figure that shape its interval or mark it as a change.

"more than 110" is the open interval (110, inf), "up to 400" is (-inf, 400], "rose 5%"
is a change. The phrases live in ``data/qualifiers.yaml`` and ``data/changes.yaml``;
this module reads them into anchored regexes that look back from a figure.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Literal

from numcheck.extract.mentions import Change
from numcheck.language.data import load_data

Shape = Literal["point", "above", "above-open", "below", "below-open"]


@dataclass(frozen=True, slots=True)
class Qualifier:
    """A qualifier found before a figure: its name, shape and where its words start."""

    name: str
    shape: Shape
    start: int


@dataclass(frozen=True, slots=True)
class Bounds:
    """Strict bounds of a stated figure under a qualifier (``None`` = unbounded)."""

    low: float | None
    high: float | None
    low_inclusive: bool
    high_inclusive: bool


def interval(shape: Shape, figure: float) -> Bounds:
    """The interval a qualifier of ``shape`` makes of ``figure``."""
    if shape == "above":
        return Bounds(figure, None, True, True)
    if shape == "above-open":
        return Bounds(figure, None, False, True)
    if shape == "below":
        return Bounds(None, figure, True, True)
    if shape == "below-open":
        return Bounds(None, figure, True, False)
    return Bounds(figure, figure, True, True)


_LONGEST_PHRASE = 4


@cache
def _qualifiers() -> tuple[dict[str, str], dict[str, Shape]]:
    data = load_data("qualifiers.yaml")
    phrases: dict[str, str] = data["phrases"]
    shapes: dict[str, Shape] = data["shapes"]
    return phrases, shapes


def qualifier_before(text: str, pos: int) -> Qualifier | None:
    """The qualifier whose words end right before ``pos``, if any."""
    phrases, shapes = _qualifiers()
    window_start = max(0, pos - 40)
    window = text[window_start:pos].rstrip().removesuffix("-")
    if not window:
        return None
    if not window[-1].isalpha():
        for sign in (window[-2:], window[-1:]):
            if sign in phrases:
                name = phrases[sign]
                return Qualifier(name, shapes[name], window_start + len(window) - len(sign))
        return None
    if window_start + len(window) == pos:
        return None  # the figure is glued to a word
    words = window.split()[-_LONGEST_PHRASE:]
    for length in range(len(words), 0, -1):
        phrase = " ".join(words[-length:]).lower()
        if phrase in phrases:
            name = phrases[phrase]
            start = window_start + len(window) - len(words[-1])
            for word in reversed(words[-length:-1]):
                start = text.rindex(word, window_start, start)
            return Qualifier(name, shapes[name], start)
    return None


# Qualifier names the extractor gives without a phrase: "2 to 3", "dozens".
_UNPHRASED = frozenset({"range", "vague"})


def qualifier_names() -> frozenset[str]:
    """Every name a claim's ``qualifier`` can take."""
    return frozenset(_qualifiers()[1]) | _UNPHRASED


def editorial_readings() -> dict[str, dict[str, float]]:
    """The data file's ``readings``: how far each qualifier stretches a figure, editorially.

    Raises ``ValueError`` naming the file when a reading names no qualifier.
    """
    readings: dict[str, dict[str, float]] = load_data("qualifiers.yaml")["readings"]
    unknown = sorted(set(readings) - qualifier_names())
    if unknown:
        raise ValueError(
            f"numcheck/data/qualifiers.yaml: readings name no qualifier: {', '.join(unknown)}"
        )
    return {name: dict(stretch or {}) for name, stretch in readings.items()}


def shape_of(name: str) -> Shape:
    """The interval shape of a qualifier name; ranges and vague amounts keep their point."""
    return _qualifiers()[1].get(name, "point")


@cache
def _changes() -> dict[str, Change]:
    data: dict[str, list[str]] = load_data("changes.yaml")
    return {
        word: "up" if direction == "up" else "down"
        for direction, words in data.items()
        for word in words
    }


def change_before(text: str, pos: int) -> Change | None:
    """ "up" or "down" when a change word ("rose", "fell by", "fell to") stands before ``pos``.

    "fell to 3%" gives the new level and says it went down, so it carries the change too.
    """
    words = text[max(0, pos - 30) : pos].split()
    if not words or text[pos - 1 : pos] not in (" ", "\u00a0"):
        return None
    if words[-1].lower() in ("by", "to"):
        words.pop()
    return _changes().get(words[-1].lower()) if words else None
