"""The temporal vocabulary (``numcheck/data/temporal_words.yaml``), loaded once.

Words live in data rather than in regexes so that the recognizer and the resolver read
the same tables: a month added to the file is both found and normalized.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

from numcheck.language.data import load_data
from numcheck.language.words import number_words


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Lower-case surface form -> meaning, one mapping per word class (see the YAML)."""

    months: dict[str, int]
    weekdays: dict[str, int]
    seasons: dict[str, str]
    parts_of_day: dict[str, str]
    numbers: dict[str, float]
    ordinals: dict[str, int]
    units: dict[str, str]
    unit_plurals: dict[str, str]
    day_offsets: dict[str, int]
    references: dict[str, str]
    date_modifiers: dict[str, str]
    amount_modifiers: dict[str, str]
    holidays_fixed: dict[str, tuple[int, int]]
    holidays_nth: dict[str, tuple[int, int, int]]
    holidays_easter: dict[str, int]
    frequencies: dict[str, str]
    future_markers: tuple[str, ...]
    past_verbs: frozenset[str]

    def unit(self, word: str) -> str | None:
        """Singular unit name for ``word`` ("Years" -> "year"), or None."""
        w = word.lower().rstrip(".")
        w = self.unit_plurals.get(w, w)
        return w if w in self.units else None

    def abbreviations(self) -> frozenset[str]:
        """Month and weekday names that shorten a longer one: "sept", "tues", not "may"."""
        short: set[str] = set()
        for table in (self.months, self.weekdays):
            for name, value in table.items():
                if any(o != name and o.startswith(name) and table[o] == value for o in table):
                    short.add(name)
        return frozenset(short)

    def holiday_names(self) -> list[str]:
        return [*self.holidays_fixed, *self.holidays_nth, *self.holidays_easter]


def alternation(words: Iterable[str]) -> str:
    """Regex alternation of ``words``, longest first so that "sept" wins over "sep"."""
    forms = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+").replace("'", "['’]?") for w in forms)


@cache
def lexicon() -> Lexicon:
    """Parse the bundled YAML (cached: one read per process)."""
    raw: dict[str, Any] = load_data("temporal_words.yaml")
    counting = number_words()
    fixed = {k: (int(v[:2]), int(v[3:])) for k, v in raw["holidays_fixed"].items()}
    nth = {k: (int(v[0]), int(v[1]), int(v[2])) for k, v in raw["holidays_nth"].items()}
    return Lexicon(
        months={str(k): int(v) for k, v in raw["months"].items()},
        weekdays={str(k): int(v) for k, v in raw["weekdays"].items()},
        seasons=dict(raw["seasons"]),
        parts_of_day=dict(raw["parts_of_day"]),
        numbers={
            **{k: float(v) for k, v in (counting.cardinals | counting.multipliers).items()},
            **{str(k): float(v) for k, v in raw["numbers"].items()},
        },
        ordinals={**counting.ordinals, **{str(k): int(v) for k, v in raw["ordinals"].items()}},
        units=dict(raw["units"]),
        unit_plurals=dict(raw["unit_plurals"]),
        day_offsets={str(k): int(v) for k, v in raw["day_offsets"].items()},
        references=dict(raw["references"]),
        date_modifiers=dict(raw["date_modifiers"]),
        amount_modifiers=dict(raw["amount_modifiers"]),
        holidays_fixed=fixed,
        holidays_nth=nth,
        holidays_easter={str(k): int(v) for k, v in raw["holidays_easter"].items()},
        frequencies=dict(raw["frequencies"]),
        future_markers=tuple(raw["future_markers"]),
        past_verbs=frozenset(raw["past_verbs"]),
    )
