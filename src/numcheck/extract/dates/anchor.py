"""Text anchors: which earlier date "two days after the attack" counts from.

The anchor is the most recent earlier day-precise date whose sentence mentions the same
event (the noun or a verb sharing its stem: "attack"/"attacked", "killing"/"killed"),
falling back to the last day-precise date mentioned. Reading the text in order and
remembering each resolved date with its sentence is all it needs.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

_DAY = re.compile(r"^(\d{4})-(\d\d)-(\d\d)")
_WORD = re.compile(r"[a-z]{3,}")
_SUFFIXES = ("ations", "ation", "ings", "ing", "ions", "ion", "ment", "ed", "es", "s", "e")


def stem(word: str) -> str:
    """Crude English stem, enough to match an event noun with its verb."""
    w = word.lower()
    for suffix in _SUFFIXES:
        if w.endswith(suffix) and len(w) - len(suffix) >= 4:
            return w[: -len(suffix)]
    return w


def day_of(value: str) -> dt.date | None:
    """The day a TIMEX3 value names, if it names one ("2020-01-03", "2020-01-03T10:00")."""
    m = _DAY.match(value)
    if not m:
        return None
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


@dataclass(slots=True)
class AnchorMemory:
    """Dates read so far, each with the stems of its sentence's words."""

    _days: list[tuple[dt.date, frozenset[str], int]] = field(default_factory=list)
    _last_value: str | None = None
    _stems: dict[str, frozenset[str]] = field(default_factory=dict)

    def remember(self, value: str, sentence: str, position: int) -> None:
        """Record a resolved date value found at ``position``, inside ``sentence``."""
        if value[:1].isdigit():
            self._last_value = value
        day = day_of(value)
        if day is not None:
            words = self._stems.get(sentence)
            if words is None:
                words = frozenset(stem(w) for w in _WORD.findall(sentence.lower()))
                self._stems[sentence] = words
            self._days.append((day, words, position))

    def day_for(self, event: str | None) -> dt.date | None:
        """The day of ``event`` (most recent mention), else the last day mentioned."""
        if event:
            key = stem(event)
            for day, words, _ in reversed(self._days):
                if key in words:
                    return day
        return self._days[-1][0] if self._days else None

    def day_since(self, position: int) -> dt.date | None:
        """The last day mentioned at or after ``position`` (a clock time's own day)."""
        if self._days and self._days[-1][2] >= position:
            return self._days[-1][0]
        return None

    @property
    def last_value(self) -> str | None:
        """The last resolved calendar value of any precision ("that year" reads it)."""
        return self._last_value
