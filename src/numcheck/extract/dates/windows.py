"""Windows: the interval a date bounds when a preposition makes it a limit.

"since October" (read in January 2024) covers 2023-10 .. 2024-01-05, "by December 31,
2021" ends on that day, "between 2003 and 2011" spans both years. Claims use these as
their scope, so a figure "since October" is not compared with one for all of 2023.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from numcheck.extract.mentions import Timex

_BEFORE = re.compile(
    r"\b(?P<word>since|by|until|till|through|before|after|between|from|starting|as\s+of)\s*$",
    re.IGNORECASE,
)
_JOIN = re.compile(r"\s*(?:and|to|until|till|through|-|–)\s*$", re.IGNORECASE)
_END_WORDS = frozenset({"by", "until", "till", "through", "before"})
_START_WORDS = frozenset({"after", "starting", "as of"})


def _calendar(t: Timex) -> bool:
    return t.type in ("DATE", "TIME") and t.value[:1].isdigit()


def add_windows(text: str, timexes: list[Timex], dct: dt.date | None) -> list[Timex]:
    """``timexes`` with ``window_start``/``window_end`` set where a signal word makes one
    a bound ("since", "by", "until", "between ... and", "from ... to")."""
    out = list(timexes)
    for i, t in enumerate(out):
        if not _calendar(t):
            continue
        m = _BEFORE.search(text, max(0, t.start - 16), t.start)
        if not m:
            continue
        word = " ".join(m["word"].lower().split())
        nxt = out[i + 1] if i + 1 < len(out) else None
        paired = (
            word in ("between", "from")
            and nxt is not None
            and _calendar(nxt)
            and _JOIN.fullmatch(text, t.end, nxt.start) is not None
        )
        if paired and nxt is not None:
            out[i] = replace(t, window_start=t.value, window_end=nxt.value)
            out[i + 1] = replace(nxt, window_start=t.value, window_end=nxt.value)
        elif word == "since":
            end = dct.isoformat() if dct else None
            out[i] = replace(t, window_start=t.value, window_end=end)
        elif word in _END_WORDS:
            out[i] = replace(t, window_end=t.value)
        elif word in _START_WORDS:
            out[i] = replace(t, window_start=t.value)
    return out
