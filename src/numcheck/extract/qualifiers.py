"""The words around a figure that shape its interval or mark it as a change.

"more than 110" is the open interval (110, inf), "up to 400" is (-inf, 400], "rose 5%"
is a change. The phrases live in ``data/qualifiers.yaml`` and ``data/changes.yaml``;
this module reads them into anchored regexes that look back from a figure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Literal

from numcheck.extract.mentions import Change
from numcheck.extract.resources import load_data

Shape = Literal["point", "above", "above-open", "below", "below-open"]


@dataclass(frozen=True, slots=True)
class Qualifier:
    """A qualifier found before a figure: its name, shape and where its words start."""

    name: str
    shape: Shape
    start: int


@dataclass(frozen=True, slots=True)
class Interval:
    """Strict bounds of a stated figure under a qualifier (``None`` = unbounded)."""

    low: float | None
    high: float | None
    low_inclusive: bool
    high_inclusive: bool


def interval(shape: Shape, figure: float) -> Interval:
    """The interval a qualifier of ``shape`` makes of ``figure``."""
    if shape == "above":
        return Interval(figure, None, True, True)
    if shape == "above-open":
        return Interval(figure, None, False, True)
    if shape == "below":
        return Interval(None, figure, True, True)
    if shape == "below-open":
        return Interval(None, figure, True, False)
    return Interval(figure, figure, True, True)


@cache
def _qualifiers() -> tuple[dict[str, str], dict[str, Shape], re.Pattern[str]]:
    data = load_data("qualifiers.yaml")
    phrases: dict[str, str] = data["phrases"]
    shapes: dict[str, Shape] = data["shapes"]
    words = sorted((p for p in phrases if p[0].isalpha()), key=len, reverse=True)
    signs = sorted((p for p in phrases if not p[0].isalpha()), key=len, reverse=True)
    pattern = re.compile(
        r"(?:(?<![\w-])(?P<word>"
        + "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in words)
        + r")[\s-]+|(?P<sign>"
        + "|".join(re.escape(p) for p in signs)
        + r")\s*)$",
        re.I,
    )
    return phrases, shapes, pattern


def qualifier_before(text: str, pos: int) -> Qualifier | None:
    """The qualifier whose words end right before ``pos``, if any."""
    phrases, shapes, pattern = _qualifiers()
    window_start = max(0, pos - 40)
    found = pattern.search(text[window_start:pos])
    if found is None:
        return None
    phrase = re.sub(r"\s+", " ", (found["word"] or found["sign"]).lower())
    name = phrases[phrase]
    return Qualifier(name, shapes[name], window_start + found.start())


@cache
def _changes() -> re.Pattern[str]:
    data: dict[str, list[str]] = load_data("changes.yaml")
    groups = "|".join(
        f"(?P<{direction}>" + "|".join(sorted(map(re.escape, words), key=len, reverse=True)) + ")"
        for direction, words in data.items()
    )
    return re.compile(r"(?<![\w-])(?:" + groups + r")(?:\s+by)?\s+$", re.I)


def change_before(text: str, pos: int) -> Change | None:
    """ "up" or "down" when a change word ("rose", "fell by") stands right before ``pos``."""
    found = _changes().search(text[max(0, pos - 30) : pos])
    if found is None:
        return None
    return "up" if found["up"] else "down"
