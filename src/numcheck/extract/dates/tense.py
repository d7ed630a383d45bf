"""Sentences and tense: the context a relative expression is read in.

"On Sunday" in "On Sunday, the legislators voted" is the Sunday before the article; in
"will vote on Sunday" the one after. The tense is that of the verb group governing the
expression's clause: the clause is the stretch of the sentence between clause openers
(that, which, who, when, because..., quotes, semicolons); its governing verb group is the
nearest one before the expression, else the first one after it. A verb group is a modal
or planning verb with what it governs ("will begin", "would be traveling", "is going
to", "plans to", "is meeting") → future; a finite past ("was", "met", "ratified",
"has been killed") → past. Without a verb group in the clause, the nearest in the
sentence decides.
"""

from __future__ import annotations

import bisect
import re
from functools import cache
from typing import Literal

from numcheck.language.temporal import alternation, lexicon

Tense = Literal["past", "future"]

_SENTENCE_END = re.compile(
    r"(?<![A-Z][a-z]\.)(?<!\b[A-Z]\.)(?<=[.!?])(?:[\"'”’)]|'')*\s+(?=(?:``|[\"“(‘'])?[A-Z])"
    r"|\n\s*\n"
)
_CLAUSE_BREAK = re.compile(
    r"[;:()\[\]\"“”]|``|''|\s--?\s|\s[—–_]\s"
    r"|\b(?:that|which|who|whom|whose|because|while|whereas|although|though|unless|if|when"
    r"|after|before|since|until|but)\b",
    re.IGNORECASE,
)
_SOON = re.compile(r"\bas\s+soon\s+as\b", re.IGNORECASE)
_ADVERBS = r"not|n't|also|still|probably|likely|then|soon|only|never|already|just|\w+ly"
_PLAN = "planned|planning|scheduled"
# "is scheduled Thursday", "a planned rally on Saturday": a plan; after a number ("20 of
# 71 scheduled laps") it qualifies what is counted and says nothing of when the clause
# happens
_QUALIFYING = r"(?<!\d )"
_NOT_PAST = "need|speed|indeed|hundred|proceed|succeed|exceed|feed|seed|breed|bed|red|shed"


@cache
def _verb_groups() -> re.Pattern[str]:
    lx = lexicon()
    irregular = alternation(w for w in lx.past_verbs if w not in ("last", "ago", "yesterday"))
    return re.compile(
        rf"(?P<future>\b(?:will|shall|would|wo|won't|wouldn't)\b|['’]ll\b)"
        rf"(?:\s+(?:{_ADVERBS}|be|have|been|being))*(?:\s+[a-z]+)?"
        rf"|(?P<future2>\b(?:am|is|are|was|were|['’]s|['’]re)\s+(?:not\s+)?"
        r"(?:going|scheduled|due|set|expected|slated|supposed|about)\s+to\b(?:\s+(?:be|have)\b)?"
        r"|\b(?:is|are|am)\s+(?:not\s+)?(?:to\b|(?-i:[a-z]{2,}ing)\b)"
        r"|\b(?:plans?|planning|intends?|expects?|hopes?|set|due|slated|scheduled)\s+to\b"
        rf"|{_QUALIFYING}\b(?:{_PLAN})\b|\bgoing\s+to\b)"
        rf"|(?P<perfect>\bhad(?:n't)?(?:\s+(?:{_ADVERBS}))*\s+(?:been\s+)?[a-z]+"
        rf"|\b(?:has|have)(?:n't)?(?:\s+(?:{_ADVERBS}))*\s+(?!(?:{_PLAN})\b)[a-z]+)"
        rf"|(?P<past>\b(?:was|were|did)(?:n't)?\b|\b(?:{irregular})\b"
        rf"|(?<!\bthe )(?<!\ba )(?<!\ban )(?<!\bits )(?<!\btheir )(?<!\bhis )(?<!\bher )"
        rf"\b(?!(?:{_NOT_PAST})\b)(?-i:[a-z]{{2,}}ed)\b)",
        re.IGNORECASE,
    )


class Sentences:
    """Sentence boundaries of one text, found once and looked up by offset."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._starts = [0] + [m.end() for m in _SENTENCE_END.finditer(text)]
        self._verbs: dict[int, list[tuple[int, int, Tense]]] = {}

    def bounds(self, pos: int) -> tuple[int, int]:
        """(start, end) of the sentence holding offset ``pos``."""
        i = bisect.bisect_right(self._starts, pos) - 1
        end = self._starts[i + 1] if i + 1 < len(self._starts) else len(self.text)
        return self._starts[i], end

    def _groups(self, s: int, e: int) -> list[tuple[int, int, Tense]]:
        """Verb groups of the sentence ``text[s:e]`` with their tense (cached)."""
        if s not in self._verbs:
            self._verbs[s] = [
                (m.start(), m.end(), "past" if m["past"] or m["perfect"] else "future")
                for m in _verb_groups().finditer(self.text, s, e)
            ]
        return self._verbs[s]

    def tense(self, start: int, end: int) -> Tense | None:
        """Tense of the clause around ``text[start:end]`` (None when no verb marks it)."""
        s, e = self.bounds(start)
        text = self.text
        clause_start, clause_end = s, e
        for brk in _CLAUSE_BREAK.finditer(text, s, start):
            clause_start = brk.end()
        after = _CLAUSE_BREAK.search(text, end, e)
        if after:
            clause_end = after.start()
        if _SOON.search(text, clause_start, start):
            return "future"
        groups = [g for g in self._groups(s, e) if g[1] <= start or g[0] >= end]
        left = [g for g in groups if clause_start <= g[0] and g[1] <= start]
        if left:
            return left[-1][2]
        right = [g for g in groups if end <= g[0] and g[1] <= clause_end]
        if right:
            return right[0][2]
        best: tuple[int, Tense] | None = None
        for g_start, g_end, tense in groups:
            distance = start - g_end if g_end <= start else g_start - end
            if best is None or distance < best[0]:
                best = (distance, tense)
        return best[1] if best else None
