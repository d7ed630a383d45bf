"""Normalizer: one recognized expression -> TIMEX3 type, value and modifier.

Relative expressions are resolved against the publication date (DCT) in the tense of
their clause, or against an earlier date in the text; without an anchor they keep the
unknown parts as X and say ``resolved=False``. Conventions follow TimeBank/TempEval-3:
"now" is PRESENT_REF, "last year" a year, "the past three years" the duration P3Y,
"the latest quarter" the last completed quarter.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from numcheck.extract.dates import calendar as cal
from numcheck.extract.dates.anchor import AnchorMemory, day_of
from numcheck.extract.dates.patterns import Candidate
from numcheck.extract.dates.tense import Sentences, Tense
from numcheck.extract.mentions import Timex, TimexType
from numcheck.language.temporal import Lexicon

Anchor = Literal["dct", "text", "year"]
"""What a relative value was resolved against: the publication date ("on Sunday", "last
week"), another date of the text ("two days later"), or only the publication date's year
("on January 3": the day is written, the year inferred, which rarely goes wrong)."""
_SPACE = re.compile(r"[\s-]+")
_BACK = frozenset({"last", "past", "previous", "the last", "the past", "the previous"})
_FORWARD = frozenset({"next", "coming", "following", "the next", "the coming", "the following"})
_QUARTER_BACK = ("latest", "previous", "past", "prior")


@dataclass(frozen=True, slots=True)
class Reading:
    """What a rule's resolver found; the span comes from the candidate."""

    type: TimexType
    value: str
    resolved: bool = True
    mod: str | None = None
    anchor: Anchor | None = None
    weekday: int | None = None
    window_start: str | None = None
    window_end: str | None = None
    skip_prefix: int = 0
    cut_suffix: int = 0


@dataclass(slots=True)
class Context:
    """Everything a resolver may consult: the text, its DCT, sentences, earlier dates."""

    text: str
    dct: dt.date | None
    sentences: Sentences
    memory: AnchorMemory
    cand: Candidate
    lx: Lexicon

    def tense(self) -> Tense | None:
        return self.sentences.tense(self.cand.start, self.cand.end)

    def preceding_word(self) -> str:
        words = self.text[max(0, self.cand.start - 12) : self.cand.start].split()
        return words[-1].lower() if words else ""


def norm(s: str) -> str:
    """Lower case, single spaces, no trailing dot: the lexicon's key form."""
    return _SPACE.sub(" ", s.lower()).strip(" .").replace("’", "'")


def parse_number(s: str, lx: Lexicon) -> float | None:
    """ "twenty four" -> 24, "2 1/2" -> 2.5, "a couple of" -> 2; None for vague amounts."""
    s = norm(s)
    if s in ("several", "many", "some", "few", "a few"):
        return None
    if s[:1].isdigit():
        half = s.endswith("1/2") or s.endswith("½")
        s = s.replace("1/2", "").replace("½", "").strip()
        try:
            return float(s) + (0.5 if half else 0.0)
        except ValueError:
            return None
    words = s.replace(" of", "").split()
    if len(words) > 1 and words[0] in ("a", "an"):
        words = words[1:]
    total, current = 0.0, 0.0
    for word in words:
        if word == "and":
            continue
        value = lx.numbers.get(word)
        if value is None:
            return None
        if word == "hundred":
            current = (current or 1) * 100
        elif word == "half" and current:
            current += 0.5
        else:
            current += value
    return total + current


def _fmt(n: float) -> str:
    return str(int(n)) if n == int(n) else f"{n:g}"


def duration_value(n: float | None, unit: str) -> str:
    """TIMEX3 duration: P4Y, PT3H, P2Y6M for 2 1/2 years, PXY for "several years"."""
    if unit == "E":
        unit, n = "Y", None if n is None else n * 10
    elif unit == "C":
        unit, n = ("C", None) if n is None else ("Y", n * 100)
    elif unit == "W2":
        unit, n = "W", None if n is None else n * 2
    time = unit.startswith("T")
    letter = unit[-1]
    prefix = "PT" if time else "P"
    if n is None:
        return f"{prefix}X{letter}"
    if n != int(n):
        smaller = {"Y": (12, "M", False), "D": (24, "H", True), "W": (7, "D", False)}
        smaller.update({"H": (60, "M", True), "M": (60, "S", True)} if time else {})
        if letter in smaller:
            factor, small, small_time = smaller[letter]
            whole, part = int(n), round((n - int(n)) * factor)
            head = f"{prefix}{whole}{letter}" if whole else prefix
            if small_time and not time:
                return f"{head}T{part}{small}"
            return f"{head}{part}{small}"
    return f"{prefix}{_fmt(n)}{letter}"


def _unit(word: str, lx: Lexicon) -> str:
    name = lx.unit(word) or "day"
    return lx.units[name]


def _two_digit_year(yy: int, dct: dt.date | None) -> int:
    pivot = (dct.year if dct else 2030) + 10
    year = 2000 + yy
    return year if year <= pivot else year - 100


def _month_number(word: str, lx: Lexicon) -> int:
    return int(word) if word.isdigit() else lx.months[norm(word)]


_AHEAD = 4  # months


def _pick_year(
    month: int, day: int | None, dct: dt.date, tense: Tense | None, strict: bool = False
) -> int:
    """The year of a month (and day) given without one: nearest to the DCT, unless the
    clause's tense rules that out (a past event is not months ahead, nor the reverse)."""
    ref = (dct.month, dct.day if day is not None else 0)
    key = (month, day or 0)

    def distance(year: int) -> int:
        return abs((year - dct.year) * 372 + (key[0] - ref[0]) * 31 + (key[1] - ref[1]))

    # News looks back more than ahead: a month up to four months ahead of the DCT is
    # this year's (or next year's), one further ahead is last year's.
    delta = month - dct.month
    year = dct.year - 1 if delta > _AHEAD else dct.year + 1 if delta <= _AHEAD - 12 else dct.year
    ahead = (year - dct.year, *key) > (0, *ref)
    behind = (year - dct.year, *key) < (0, *ref)
    slack = 0 if strict else 31
    if tense == "past" and ahead and distance(year) > slack:
        year -= 1
    elif tense == "future" and behind and distance(year) > slack:
        year += 1
    return year


def _weekday_date(dct: dt.date, weekday: int, direction: str) -> dt.date | None:
    """The ``weekday`` nearest the DCT in ``direction``: past (at or before), future
    (after), last (strictly before), next (strictly after)."""
    back = (dct.weekday() - weekday) % 7
    if direction == "last":
        back = back or 7
    if direction in ("past", "last"):
        return cal.add_days(dct, -back)
    ahead = (weekday - dct.weekday()) % 7 or 7
    return cal.add_days(dct, ahead)


def _unresolved(
    type_: TimexType, value: str, mod: str | None = None, weekday: int | None = None
) -> Reading:
    return Reading(type_, value, resolved=False, mod=mod, weekday=weekday)


def _date(ctx: Context) -> Reading | None:  # noqa: C901
    g, lx, dct = ctx.cand.groups, ctx.lx, ctx.dct
    mod = lx.date_modifiers.get(norm(g["dmod"])) if "dmod" in g else None
    if "ord" in g:
        n = _ordinal(g["ord"], lx)
        return Reading("DATE", f"{n - 1:02d}", mod=mod) if 1 <= n <= 99 else None
    if "decword" in g:
        tens = [
            "twenties",
            "thirties",
            "forties",
            "fifties",
            "sixties",
            "seventies",
            "eighties",
            "nineties",
        ]
        decade = 192 + tens.index(g["decword"].lower())
        return Reading("DATE", f"{decade}", mod=mod)
    if "decade" in g or ("yy" in g and "month" not in g):
        if "decade" in g:
            return Reading("DATE", g["decade"], mod=mod)
        century = (dct.year // 100) if dct else 19
        decade = century * 10 + int(g["yy"])
        if dct and decade * 10 > dct.year:
            decade -= 100
        return Reading("DATE", f"{decade:03d}", mod=mod)
    weekday_word = g.get("weekday") or g.get("wd2")
    weekday = lx.weekdays[norm(weekday_word)] if weekday_word else None
    year: int | None = None
    if "year" in g:
        year = int(g["year"])
        if len(g["year"]) == 2:
            year = _two_digit_year(year, dct)
    elif "yy" in g:
        year = _two_digit_year(int(g["yy"]), dct)
    if "month" not in g:
        if year is None:
            return None
        return Reading("DATE", f"{year:04d}", mod=mod)
    month = _month_number(g["month"], lx)
    day = int(g["day"]) if "day" in g else None
    anchor: Anchor | None = None
    if year is None:
        if dct is None:
            value = f"XXXX-{month:02d}" + (f"-{day:02d}" if day else "")
            return _unresolved("DATE", value, mod=mod)
        rel = norm(g.get("rel", "") or g.get("relyear", ""))
        anchor = "dct" if rel else "year"
        if rel in ("last", "past", "previous", "the last", "the past"):
            year = dct.year - (1 if (month, day or 0) >= (dct.month, dct.day) else 0)
            if "relyear" in g:
                year = dct.year - 1
        elif rel in ("next", "coming", "the next", "the coming", "following"):
            year = dct.year + (1 if (month, day or 31) <= (dct.month, dct.day) else 0)
            if "relyear" in g:
                year = dct.year + 1
        elif rel in ("this", "the current"):
            year = dct.year
        else:
            since = ctx.preceding_word() == "since"
            year = _pick_year(month, day, dct, "past" if since else None, strict=since)
    if day is None:
        month_only = cal.month_value(year, month)
        return Reading("DATE", month_only, mod=mod, anchor=anchor) if month_only else None
    date = cal.make_date(year, month, day)
    if date is None:
        return _unresolved("DATE", f"{year:04d}-{month:02d}-XX", mod=mod)
    if "hour" in g:
        value = f"{date.isoformat()}T{g['hour']}:{g['minute']}"
        return Reading("TIME", value, anchor=anchor, weekday=weekday)
    return Reading("DATE", date.isoformat(), mod=mod, anchor=anchor, weekday=weekday)


def _ordinal(word: str, lx: Lexicon) -> int:
    w = norm(word)
    return int(w[:-2]) if w[:-2].isdigit() else lx.ordinals.get(w, 0)


def _weekday(ctx: Context) -> Reading | None:
    g, lx, dct = ctx.cand.groups, ctx.lx, ctx.dct
    wd = lx.weekdays[norm(g["weekday"])]
    pod_word = g.get("pod") or g.get("pod2")
    pod = lx.parts_of_day.get(norm(pod_word)) if pod_word else None
    if "plural" in g or "pods" in g or "pods2" in g:
        return Reading("SET", f"XXXX-WXX-{wd + 1}" + (f"T{pod}" if pod else ""), weekday=wd)
    rel = norm(g.get("rel", ""))
    mod = {"early": "START", "late": "END"}.get(rel)
    # "Friday night" is dated to its day, as TimeBank/AQUAINT mostly annotate it.
    type_: TimexType = "DATE"
    suffix = ""
    if rel.startswith("the "):  # "the previous Friday": the one before the text's day
        base, anchor = _text_day(ctx, None)
        back = rel != "the following"
        day = _weekday_date(base, wd, "last" if back else "next") if base else None
        if day is None:
            return _unresolved(type_, f"XXXX-WXX-{wd + 1}", mod=mod, weekday=wd)
        return Reading(type_, day.isoformat(), mod=mod, anchor=anchor, weekday=wd)
    if dct is None:
        return _unresolved(type_, f"XXXX-WXX-{wd + 1}{suffix}", mod=mod, weekday=wd)
    if rel in ("last", "past"):
        direction = "last"
    elif rel in ("next", "coming"):
        direction = "next"
    else:
        direction = "future" if ctx.tense() == "future" else "past"
    day = _weekday_date(dct, wd, direction)
    if day is None:
        return _unresolved(type_, f"XXXX-WXX-{wd + 1}{suffix}", mod=mod, weekday=wd)
    return Reading(type_, day.isoformat() + suffix, mod=mod, anchor="dct", weekday=wd)


def _dayword(ctx: Context) -> Reading | None:
    g, lx, dct = ctx.cand.groups, ctx.lx, ctx.dct
    word = norm(g["dayword"])
    offset = {"the day before yesterday": -2, "the day after tomorrow": 2, "this": 0}
    offset["last"] = -1
    days = lx.day_offsets.get(word, offset.get(word, 0))
    pod_word = g.get("pod") or g.get("pod0")
    pod = lx.parts_of_day.get(norm(pod_word)) if pod_word else None
    if word == "last" and pod not in ("NI", "EV"):
        return None
    type_: TimexType = "TIME" if pod else "DATE"
    suffix = f"T{pod}" if pod else ""
    mod = {"early": "START", "late": "END"}.get(norm(g.get("rel", "")))
    if dct is None:
        return _unresolved(type_, f"XXXX-XX-XX{suffix}", mod=mod)
    day = cal.add_days(dct, days)
    if day is None:
        return _unresolved(type_, f"XXXX-XX-XX{suffix}", mod=mod)
    return Reading(type_, day.isoformat() + suffix, mod=mod, anchor="dct")


def _calendar_unit(base: dt.date, unit: str, step: int, lx: Lexicon) -> str | None:
    """The week/month/year/... containing ``base``, moved by ``step`` of those units."""
    if unit in lx.seasons:
        return _season(base, lx.seasons[unit], step)
    if unit == "week":
        day = cal.add_days(base, 7 * step)
        return cal.week_value(day) if day else None
    if unit == "weekend":
        day = cal.add_days(base, 7 * step)
        return cal.week_value(day) + "-WE" if day else None
    if unit == "month":
        return cal.month_value(base.year, base.month + step)
    if unit == "quarter":
        return cal.quarter_value(base.year, (base.month - 1) // 3 + 1 + step)
    if unit == "decade":
        return f"{base.year // 10 + step:03d}"
    if unit == "century":
        return f"{base.year // 100 + step:02d}"
    return cal.year_value(base.year + step)


def _season(base: dt.date, season: str, step: int) -> str | None:
    """Season containing ``base`` ... ``step`` seasons of that name away: step 0 is the
    current or most recent one, -1 the one before that, 1 the next one."""
    start = cal.SEASON_START[season]
    year = base.year if base.month >= start else base.year - 1
    return cal.year_value(year + step) and f"{year + step:04d}-{season}"


_ENDED = re.compile(r"\s+(?:ended|ending|to)\b")


def _relative(ctx: Context) -> Reading | None:  # noqa: C901
    g, lx, dct = ctx.cand.groups, ctx.lx, ctx.dct
    unit = norm(g["unit"])
    if "yearend" in g:  # "by year-end": the end of the DCT year (since: of the last one)
        if dct is None:
            return _unresolved("DATE", "XXXX", mod="END")
        year = dct.year - (1 if ctx.preceding_word() == "since" else 0)
        return Reading("DATE", f"{year:04d}", mod="END", anchor="dct")
    if "vague" in g:
        vague = norm(g["vague"])
        letter = lx.units.get(lx.unit(unit) or "", "")
        if not letter:
            return None
        plural = norm(g["unit"]) in lx.unit_plurals and vague in ("recent", "coming", "the coming")
        if "few" in vague or "several" in vague or plural:
            # "recent months", "coming weeks": TimeML durations of unknown length
            return Reading("DURATION", duration_value(None, letter))
        back = any(w in vague for w in ("past", "last", "recent"))
        return Reading("DATE", "PAST_REF" if back else "FUTURE_REF")
    rel = norm(g["rel"])
    if rel == "the" and unit == "year" and _ENDED.match(ctx.text, ctx.cand.end):
        return Reading("DURATION", "P1Y")  # "the year ended June 30": a fiscal year
    step = -1 if rel in _BACK else 1 if rel in _FORWARD else 0
    dmod = norm(g.get("dmod", ""))
    mod = {"early": "START", "mid": "MID", "late": "END"}.get(dmod)
    if rel in ("that", "the same", "the following", "following") and ctx.memory.last_value:
        base = day_of(_padded(ctx.memory.last_value))
        if base is not None:
            value = _calendar_unit(base, unit, 0 if step < 1 else 1, lx)
            return Reading("DATE", value, mod=mod, anchor="text") if value else None
    if dct is None:
        return _unresolved("DATE", "XXXX", mod=mod)
    if unit in lx.seasons and rel == "this":
        code = lx.seasons[unit]  # this year's, or the winter under way
        year = dct.year - 1 if code == "WI" and dct.month < 3 else dct.year
        return Reading("DATE", f"{year:04d}-{code}", mod=mod, anchor="dct")
    if unit in lx.seasons:
        step = _season_step(dct, lx.seasons[unit], step, ctx)
    if unit == "weekend" and step == 0 and dct.weekday() < 5:
        step = 0 if ctx.tense() == "future" else -1
    value = _calendar_unit(dct, unit, step, lx)
    if value is None:
        return _unresolved("DATE", "XXXX", mod=mod)
    return Reading("DATE", value, mod=mod, anchor="dct")


def _season_step(dct: dt.date, code: str, step: int, ctx: Context) -> int:
    """Seasons named relative to the DCT: "last summer" in October is this year's, in
    July the previous one; a bare "summer" in a future clause is the coming one."""
    current = _season_now(dct) == code
    if step == -1:
        return -1 if current else 0
    if step == 0 and not current and ctx.tense() == "future":
        return 1
    return step


def _season_now(d: dt.date) -> str:
    return {12: "WI", 1: "WI", 2: "WI", 3: "SP", 4: "SP", 5: "SP"}.get(
        d.month, "SU" if d.month < 9 else "FA"
    )


def _padded(value: str) -> str:
    """A partial value widened to a day for anchoring ("1998" -> "1998-01-01")."""
    if re.match(r"^\d{4}-\d\d-\d\d", value):
        return value
    if re.match(r"^\d{4}-\d\d$", value):
        return value + "-01"
    if re.match(r"^\d{4}$", value):
        return value + "-01-01"
    return value


def _amount(ctx: Context) -> tuple[float | None, str, str | None]:
    g, lx = ctx.cand.groups, ctx.lx
    n = parse_number(g.get("num", "a"), lx)
    mod = lx.amount_modifiers.get(norm(g["amod"])) if "amod" in g else None
    return n, _unit(g["unit"], lx), mod


def _ago(ctx: Context) -> Reading | None:
    n, unit, mod = _amount(ctx)
    direction = norm(ctx.cand.groups["dir"])
    if direction in ("later", "before", "after"):
        return _offset(ctx, None)
    sign = -1 if direction in ("ago", "earlier") else 1
    if n is None:
        return Reading("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", mod=mod)
    recent = _last_quarter(ctx)
    if unit == "Y" and n == 1 and sign < 0 and recent:
        return Reading("DATE", f"{recent[0] - 1:04d}-Q{recent[1]}", mod=mod, anchor="text")
    if ctx.dct is None:
        return _unresolved("DATE", "XXXX-XX-XX", mod=mod)
    value = cal.shifted(ctx.dct, sign * n, unit)
    if value is None:
        return _unresolved("DATE", "XXXX-XX-XX", mod=mod)
    return Reading("DATE", value, mod=mod, anchor="dct")


def _offset(ctx: Context, event: str | None) -> Reading:
    """ "two days after the attack", "three weeks later": TimeML annotates the amount
    ("two days") as a DURATION and links it to the event; the window says where the
    period lies (from the event's day, or the last day the text named)."""
    g = ctx.cand.groups
    n, unit, mod = _amount(ctx)
    cut = len(ctx.text[ctx.cand.start : ctx.cand.end]) - len(
        ctx.text[ctx.cand.start : ctx.cand.end].rsplit(g["dir"], 1)[0].rstrip()
    )
    value = duration_value(n, unit)
    sign = -1 if norm(g["dir"]) == "before" else 1
    day, anchor = _text_day(ctx, event)
    other = cal.shifted(day, sign * n, unit) if day is not None and n is not None else None
    if day is None or other is None:
        return Reading("DURATION", value, mod=mod, cut_suffix=cut)
    near = day.isoformat()
    low, high = (other, near) if sign < 0 else (near, other)
    return Reading(
        "DURATION", value, mod=mod, anchor=anchor, window_start=low, window_end=high,
        cut_suffix=cut,
    )  # fmt: skip


def _text_day(ctx: Context, event: str | None) -> tuple[dt.date | None, Anchor | None]:
    day = ctx.memory.day_for(event)
    if day is not None:
        return day, "text"
    return ctx.dct, "dct" if ctx.dct else None


def _anchored(ctx: Context) -> Reading | None:
    g = ctx.cand.groups
    if "num" in g:
        return _offset(ctx, g.get("event"))
    n, unit, mod = 1.0, _unit(g["unit"], ctx.lx), None
    sign = -1 if norm(g["dir"]) == "before" else 1
    day, anchor = _text_day(ctx, g.get("event"))
    if day is None or n is None:
        return _unresolved("DATE", "XXXX-XX-XX", mod=mod)
    value = cal.shifted(day, sign * n, unit)
    if value is None:
        return _unresolved("DATE", "XXXX-XX-XX", mod=mod)
    return Reading("DATE", value, mod=mod, anchor=anchor)


def _following(ctx: Context) -> Reading | None:
    g, lx = ctx.cand.groups, ctx.lx
    unit = norm(g.get("unit") or g["unit2"])
    rel = norm(g.get("rel", "") or g.get("dir2", ""))
    step = 1 if rel in ("the following", "the next", "after") else 0
    step = -1 if rel in ("the previous", "the preceding", "the prior", "before") else step
    day, anchor = _text_day(ctx, None)
    last = ctx.memory.last_value
    if unit in ("week", "month", "year") and last and day_of(_padded(last)):
        day, anchor = day_of(_padded(last)), "text"  # "In March ... The following month"
    if day is None:
        return _unresolved("DATE", "XXXX-XX-XX")
    if unit in lx.parts_of_day or unit in ("day", "night"):
        moved = cal.add_days(day, step)
        value = moved.isoformat() if moved else None
    else:
        value = _calendar_unit(day, unit, step, lx)
    if value is None:
        return _unresolved("DATE", "XXXX-XX-XX")
    return Reading("DATE", value, anchor=anchor)


def _quarter(ctx: Context) -> Reading | None:  # noqa: C901
    g, lx, dct = ctx.cand.groups, ctx.lx, ctx.dct
    unit = g["qunit"].lower() if "qunit" in g else "quarter"
    qrel = norm(g.get("qrel", ""))
    det = norm(g.get("det", ""))
    recent = _last_quarter(ctx)
    if unit == "period" or det == "that":
        return _same_period(ctx, qrel, recent) if qrel or "qyear" in g or det == "that" else None
    per_year = 4 if unit == "quarter" else 2
    letter = "Q" if unit == "quarter" else "H"
    n = _ordinal(g["qord"], lx) if "qord" in g else 0
    n = per_year if n == -1 else n
    if n == 0 and (unit == "half" or (not qrel and det in ("", "a"))):
        return None
    if n == 0 and re.match(r"\s+of\b", ctx.text[ctx.cand.end : ctx.cand.end + 4]):
        return None
    if not 0 <= n <= per_year:
        return None
    year_shift = -1 if re.search(r"last year|year ago|year earlier|comparable", qrel) else 0
    year_shift = 1 if "next year" in qrel or g.get("ofrel", "").lower() == "next" else year_shift
    year_shift = -1 if g.get("ofrel", "").lower() == "last" else year_shift
    explicit = g.get("year") or g.get("qyear")
    if explicit:
        year = int(explicit)
    elif dct is None:
        return _unresolved("DATE", f"XXXX-{letter}{n}" if n else f"XXXX-{letter}X")
    else:
        year = dct.year
    if n == 0 and recent and unit == "quarter" and not qrel and det in ("the", ""):
        # "the quarter": the one the text is about
        return Reading("DATE", f"{recent[0]:04d}-Q{recent[1]}", anchor="text")
    if n and not explicit and dct is not None and year_shift == 0:
        starts = (n - 1) * 12 // per_year + 1
        if starts > dct.month and ctx.tense() != "future":
            year -= 1  # results of a quarter are reported after it began
    if n == 0 and dct is not None:
        current = (dct.month - 1) * per_year // 12 + 1
        back = det == "last" or qrel.startswith(_QUARTER_BACK) or (det == "the" and not qrel)
        back = back or year_shift == -1
        n = current - 1 if back else current + 1 if det == "next" else current
        if n == 0:
            n, year = per_year, year - 1
        elif n > per_year:
            n, year = 1, year + 1
    if n == 0:
        return _unresolved("DATE", f"XXXX-{letter}X")
    return Reading(
        "DATE", f"{year + year_shift:04d}-{letter}{n}", anchor=None if explicit else "dct"
    )


def _last_quarter(ctx: Context) -> tuple[int, int] | None:
    """(year, quarter) of the last quarter the text named, if its last date was one."""
    m = re.fullmatch(r"(\d{4})-Q([1-4])", ctx.memory.last_value or "")
    return (int(m[1]), int(m[2])) if m else None


def _same_period(ctx: Context, qrel: str, recent: tuple[int, int] | None) -> Reading | None:
    """ "the year-ago period", "that quarter": the quarter under discussion, moved a year
    back when the words say so."""
    g, dct = ctx.cand.groups, ctx.dct
    if recent is None:
        if dct is None:
            return None
        recent = (dct.year, (dct.month - 1) // 3) if dct.month > 3 else (dct.year - 1, 4)
    year, quarter = recent
    if "qyear" in g:
        year = int(g["qyear"])
    elif re.search(r"last year|year ago|year earlier|comparable", qrel):
        year -= 1
    return Reading("DATE", f"{year:04d}-Q{quarter}", anchor="text")


def _season_reading(ctx: Context) -> Reading | None:
    g, lx, dct = ctx.cand.groups, ctx.lx, ctx.dct
    code = lx.seasons[norm(g["season"])]
    mod = {"early": "START", "mid": "MID", "late": "END"}.get(norm(g.get("dmod", "")))
    if "year" in g:
        return Reading("DATE", f"{g['year']}-{code}", mod=mod)
    rel = norm(g.get("rel", ""))
    if dct is None:
        return _unresolved("DATE", f"XXXX-{code}", mod=mod)
    step = _season_step(dct, code, -1 if rel in _BACK else 1 if rel in _FORWARD else 0, ctx)
    value = _season(dct, code, step)
    return Reading("DATE", value, mod=mod, anchor="dct") if value else None


def _holiday(ctx: Context) -> Reading | None:
    g, lx, dct = ctx.cand.groups, ctx.lx, ctx.dct
    name = norm(g["holiday"])

    def on(year: int) -> dt.date | None:
        if name in lx.holidays_fixed:
            return cal.make_date(year, *lx.holidays_fixed[name])
        if name in lx.holidays_nth:
            return cal.nth_weekday(year, *lx.holidays_nth[name])
        return cal.easter_offset(year, lx.holidays_easter.get(name, 0))

    if "year" in g:
        day = on(int(g["year"]))
        return Reading("DATE", day.isoformat()) if day else None
    if dct is None:
        return _unresolved("DATE", "XXXX-XX-XX")
    rel = norm(g.get("rel", ""))
    tense = ctx.tense()
    forward = rel == "next" or (rel != "last" and tense == "future")
    days = [d for d in (on(dct.year - 1), on(dct.year), on(dct.year + 1)) if d]
    horizon = cal.add_days(dct, 31 * _AHEAD) or dct
    soon = [d for d in days if dct < d <= horizon]
    anchor: Anchor = "dct" if rel else "year"  # "on New Year's Eve" is a day in a year
    if not rel and tense is None and soon:  # a holiday a few weeks off is the coming one
        return Reading("DATE", soon[0].isoformat(), anchor=anchor)
    options = [d for d in days if d > dct] if forward else [d for d in days if d <= dct]
    if not options:
        return None
    day = options[0] if forward else options[-1]
    return Reading("DATE", day.isoformat(), anchor=anchor)


_AGE = re.compile(r"\s+old\b")
_RATE = re.compile(
    r"(?<!\b[12]\d\d)\d\s*(?:%|percent|[mb]illion|thousand|\w+s)?\s+"
    r"(?!(?:in|for|within|over|than|of|about"
    r"|after|before|once|twice|times|the)\s)(?:[a-z]+\s+)?$"
)


def _duration(ctx: Context) -> Reading | None:
    g, lx, dct = ctx.cand.groups, ctx.lx, ctx.dct
    if "bare" in g:
        skip = ctx.cand.end - ctx.cand.start - len(g["bare"])
        return Reading("DURATION", duration_value(None, _unit(g["bare"], lx)), skip_prefix=skip)
    if "long" in g:  # "day-long", "decades-long"
        n = None if "plural" in g else 1.0
        return Reading("DURATION", duration_value(n, _unit(g["unit"], lx)))
    if g.get("adj", "").lower() == "old" or _AGE.match(ctx.text, ctx.cand.end):
        return None  # an age ("a 6-year-old", "52 years old"), not a period of time
    if norm(g.get("num", "")) in ("a", "an") and "span" not in g and "amod" not in g:
        before = ctx.text[max(0, ctx.cand.start - 30) : ctx.cand.start]
        if _RATE.search(before):
            return None  # a rate ("$80 million a year", "300 tickets a week")
    n, unit, mod = _amount(ctx)
    if norm(g.get("num", "")) in ("a", "an") and norm(g["unit"]) in lx.unit_plurals:
        n = None  # "a decades-long feud"
    value = duration_value(n, unit)
    span = norm(g.get("span", ""))
    if dct is None or n is None or not span.endswith(("past", "last", "next", "coming")):
        return Reading("DURATION", value, mod=mod)
    sign = 1 if span.endswith(("next", "coming")) else -1
    days = {"Y": 365.25, "E": 3652.5, "C": 36525.0, "Q": 91.3, "M": 30.44, "W": 7.0}
    other = cal.add_days(dct, sign * n * days.get(unit, 1.0))
    if other is None:
        return Reading("DURATION", value, mod=mod)
    low, high = (other, dct) if sign < 0 else (dct, other)
    return Reading(
        "DURATION", value, mod=mod, anchor="dct",
        window_start=low.isoformat(), window_end=high.isoformat(),
    )  # fmt: skip


def _time(ctx: Context) -> Reading | None:
    g, lx, dct = ctx.cand.groups, ctx.lx, ctx.dct
    if "named" in g:
        named = g["named"].lower()
        hour, minute = (24, 0) if named == "midnight" else (12, 0)
    elif "oclock" in g:
        hour = int(g["oclock"]) if g["oclock"].isdigit() else int(lx.numbers[g["oclock"].lower()])
        minute = 0
    else:
        hour = int(g.get("hour") or g.get("hour24") or g["hourw"])
        minute = int(g.get("minute") or g.get("minute24") or g.get("minutew") or 0)
        if g.get("ampm", "").lower().startswith("p") and hour < 12:
            hour += 12
        elif g.get("ampm", "").lower().startswith("a") and hour == 12:
            hour = 0
    if hour > 24 or ("ampm" in g and int(g.get("hour", "0")) > 12):
        return None
    mod = lx.amount_modifiers.get(norm(g["amod"])) if "amod" in g else None
    skip = len(g["amod"]) + 1 if g.get("amod", "").lower() == "at" else 0
    clock = f"T{hour:02d}:{minute:02d}"
    day: dt.date | None = None
    anchor: Anchor | None = "dct"
    if "tmonth" in g and dct is not None:
        month = _month_number(g["tmonth"], lx)
        day = cal.make_date(
            _pick_year(month, int(g["tmday"]), dct, ctx.tense()), month, int(g["tmday"])
        )
    elif "tday" in g and dct is not None:
        word = norm(g["tday"])
        if word in lx.weekdays:
            tense = ctx.tense()
            day = _weekday_date(dct, lx.weekdays[word], "future" if tense == "future" else "past")
        else:
            day = cal.add_days(dct, lx.day_offsets.get(word, 0))
    else:
        s, _ = ctx.sentences.bounds(ctx.cand.start)
        recent = ctx.memory.day_since(s)
        day, anchor = (recent, "text") if recent else (dct, "dct")
    if day is None:
        return Reading("TIME", "XXXX-XX-XX" + clock, resolved=False, mod=mod, skip_prefix=skip)
    return Reading("TIME", day.isoformat() + clock, mod=mod, anchor=anchor, skip_prefix=skip)


def _set(ctx: Context) -> Reading | None:
    g, lx = ctx.cand.groups, ctx.lx
    if "freq" in g:
        return Reading("SET", lx.frequencies[g["freq"].lower()])
    every = 2 if re.search(r"\bother\b", ctx.text[ctx.cand.start : ctx.cand.end], re.I) else 1
    if "weekday" in g:
        wd = lx.weekdays[norm(g["weekday"])]
        return Reading("SET", f"XXXX-WXX-{wd + 1}", weekday=wd)
    if "month" in g:
        return Reading("SET", f"XXXX-{_month_number(g['month'], lx):02d}")
    if "units" in g:  # "every two weeks"
        n = parse_number(g["num"], lx)
        return Reading("SET", duration_value(n, _unit(g["units"], lx)))
    word = norm(g["unit"])
    if word in lx.parts_of_day:
        return Reading("SET", f"XXXX-XX-XXT{lx.parts_of_day[word]}")
    return Reading("SET", duration_value(every, _unit(word, lx)))


def _reference(ctx: Context) -> Reading | None:
    return Reading("DATE", ctx.lx.references[norm(ctx.cand.groups["ref"])])


RESOLVERS: dict[str, Callable[[Context], Reading | None]] = {
    "date": _date,
    "weekday": _weekday,
    "dayword": _dayword,
    "relative": _relative,
    "ago": _ago,
    "anchored": _anchored,
    "following": _following,
    "quarter": _quarter,
    "season": _season_reading,
    "holiday": _holiday,
    "duration": _duration,
    "time": _time,
    "set": _set,
    "reference": _reference,
}


def resolve(ctx: Context) -> Timex | None:
    """The Timex for ``ctx.cand`` (None when the hit turns out not to be temporal)."""
    try:
        reading = RESOLVERS[ctx.cand.kind](ctx)
    except (ValueError, KeyError, OverflowError, IndexError):
        return None
    if reading is None:
        return None
    start = ctx.cand.start + reading.skip_prefix
    end = ctx.cand.end - reading.cut_suffix
    while start < end and ctx.text[start].isspace():
        start += 1
    return Timex(
        start=start,
        end=end,
        text=ctx.text[start:end],
        type=reading.type,
        value=reading.value,
        resolved=reading.resolved,
        mod=reading.mod,
        anchor=reading.anchor,
        window_start=reading.window_start,
        window_end=reading.window_end,
        weekday=reading.weekday,
    )
