"""Sentences and tense: the context a relative expression is read in.

"On Sunday" in "On Sunday, the legislators voted" is the Sunday before the article; in
"will vote on Sunday" the one after. The tense is taken from the verb marker nearest to
the expression within its sentence: a future marker (will, going to, next...) or a past
verb (irregular past from the lexicon, or -ed not after "be"/"been").
"""

from __future__ import annotations

import bisect
import re
from functools import cache
from typing import Literal

from numcheck.extract.timex_lexicon import alternation, lexicon

Tense = Literal["past", "future"]

_SENTENCE_END = re.compile(
    r"(?<![A-Z][a-z]\.)(?<!\b[A-Z]\.)(?<=[.!?])[\"'”’)]*\s+(?=[\"“(]?[A-Z])|\n\s*\n"
)


@cache
def _markers() -> re.Pattern[str]:
    lx = lexicon()
    return re.compile(
        rf"(?P<future>(?<![\w'])(?:{alternation(lx.future_markers)})\b)"
        rf"|\b(?P<past>{alternation(lx.past_verbs)}|(?<!\bbe )(?<!\bbeen )\w{{2,}}ed)\b",
        re.IGNORECASE,
    )


class Sentences:
    """Sentence boundaries of one text, found once and looked up by offset."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._starts = [0] + [m.end() for m in _SENTENCE_END.finditer(text)]

    def bounds(self, pos: int) -> tuple[int, int]:
        """(start, end) of the sentence holding offset ``pos``."""
        i = bisect.bisect_right(self._starts, pos) - 1
        end = self._starts[i + 1] if i + 1 < len(self._starts) else len(self.text)
        return self._starts[i], end

    def tense(self, start: int, end: int) -> Tense | None:
        """Tense of the clause around ``text[start:end]`` (None when no verb marks it)."""
        s, e = self.bounds(start)
        best: tuple[int, Tense] | None = None
        for m in _markers().finditer(self.text, s, e):
            if start <= m.start() < end:
                continue
            distance = start - m.end() if m.end() <= start else m.start() - end
            tense: Tense = "future" if m.group("future") else "past"
            if best is None or distance < best[0]:
                best = (distance, tense)
        return best[1] if best else None
