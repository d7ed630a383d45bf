"""Typed views of the word files: number words and word classes, read once.

Every module that needs "twelve", "the fifth" or "the" asks here, so a word added to
``data/numbers.yaml`` or ``data/function_words.yaml`` reaches all readers at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from numcheck.language.data import load_data

_FIRST_DENOMINATOR = 3  # "a third": "first" and "second" are no fractions


@dataclass(frozen=True)
class NumberWords:
    """The classes of ``data/numbers.yaml`` (see its opening comment)."""

    cardinals: dict[str, int]
    multipliers: dict[str, int]
    scales: dict[str, float]
    scale_abbreviations: dict[str, float]
    money_scale_abbreviations: dict[str, float]
    ordinals: dict[str, int]
    fractions: dict[str, int]

    @property
    def denominators(self) -> dict[str, int]:
        """Words that divide: "half", "quarter" and the ordinals from "third" on."""
        ordinals = {w: v for w, v in self.ordinals.items() if v >= _FIRST_DENOMINATOR}
        return {**self.fractions, **ordinals}

    def cardinals_between(self, low: int, high: int) -> list[str]:
        """The cardinal words with values in ``[low, high]``: 1-9 are "one" to "nine"."""
        return [w for w, v in self.cardinals.items() if low <= v <= high]


@cache
def number_words() -> NumberWords:
    """The number words of ``data/numbers.yaml``."""
    data: dict[str, Any] = load_data("numbers.yaml")

    def table(name: str, kind: type[int] | type[float]) -> Any:
        return {str(word): kind(value) for word, value in data[name].items()}

    return NumberWords(
        cardinals=table("cardinals", int),
        multipliers=table("multipliers", int),
        scales=table("scales", float),
        scale_abbreviations=table("scale_abbreviations", float),
        money_scale_abbreviations=table("money_scale_abbreviations", float),
        ordinals=table("ordinals", int),
        fractions=table("fractions", int),
    )


@cache
def word_class(file: str, name: str) -> frozenset[str]:
    """The lower-case words of class ``name`` in ``data/<file>.yaml``."""
    data: dict[str, Any] = load_data(f"{file}.yaml")
    if name == "version" or name not in data:
        raise KeyError(f"numcheck/data/{file}.yaml has no word class {name!r}")
    words = data[name] or []
    if not all(isinstance(word, str) for word in words):
        odd = next(word for word in words if not isinstance(word, str))
        raise TypeError(f"numcheck/data/{file}.yaml: {name} lists {odd!r}, not a word (quote it)")
    return frozenset(word.lower() for word in words)


def function_words(name: str) -> frozenset[str]:
    """One class of ``data/function_words.yaml``: "stop_words", "auxiliaries", ..."""
    return word_class("function_words", name)


def frame_words(name: str) -> frozenset[str]:
    """One class of ``data/frame_words.yaml``: "pronouns", "tally_nouns", ..."""
    return word_class("frame_words", name)
