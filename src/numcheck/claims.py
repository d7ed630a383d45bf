"""The claim: one number (or date) in one place, with everything needed to compare it.

Claims are frozen pydantic models, so they hash, compare and serialize the same way
everywhere (JSON report, claim store, SARIF evidence).
"""

from __future__ import annotations

import datetime as dt
import math
from enum import Enum

from pydantic import BaseModel, ConfigDict, Field


class Kind(str, Enum):
    """What sort of number a claim states. Ordinals and identifiers are kept, never compared."""

    COUNT = "count"
    QUANTITY = "quantity"
    MONEY = "money"
    PERCENT = "percent"
    DURATION = "duration"
    DATE = "date"
    ORDINAL = "ordinal"
    IDENTIFIER = "identifier"

    @property
    def comparable(self) -> bool:
        return self not in (Kind.ORDINAL, Kind.IDENTIFIER)


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Interval(Frozen):
    """A closed, half-open or unbounded interval of real numbers (``None`` = unbounded)."""

    low: float | None = None
    high: float | None = None
    low_inclusive: bool = True
    high_inclusive: bool = True

    @classmethod
    def point(cls, value: float) -> Interval:
        return cls(low=value, high=value)

    def contains(self, x: float) -> bool:
        if self.low is not None and (x < self.low or (x == self.low and not self.low_inclusive)):
            return False
        return not (
            self.high is not None
            and (x > self.high or (x == self.high and not self.high_inclusive))
        )

    def overlaps(self, other: Interval) -> bool:
        """True when some number lies in both intervals."""
        low, low_inc = _max_bound(self.low, self.low_inclusive, other.low, other.low_inclusive)
        high, high_inc = _min_bound(
            self.high, self.high_inclusive, other.high, other.high_inclusive
        )
        if low is None or high is None:
            return True
        if low < high:
            return True
        return low == high and low_inc and high_inc

    def scaled(self, factor: float) -> Interval:
        """The interval in another unit (``factor`` > 0)."""
        if factor == 1.0:
            return self
        return Interval(
            low=None if self.low is None else self.low * factor,
            high=None if self.high is None else self.high * factor,
            low_inclusive=self.low_inclusive,
            high_inclusive=self.high_inclusive,
        )

    def describe(self) -> str:
        """Interval notation a reader understands: [2, 2], (110, ∞), [12, 120]."""
        left = "[" if self.low_inclusive and self.low is not None else "("
        right = "]" if self.high_inclusive and self.high is not None else ")"
        low = "-∞" if self.low is None else format_number(self.low)
        high = "∞" if self.high is None else format_number(self.high)
        return f"{left}{low}, {high}{right}"


def _max_bound(
    a: float | None, a_inc: bool, b: float | None, b_inc: bool
) -> tuple[float | None, bool]:
    if a is None:
        return b, b_inc
    if b is None or a > b:
        return a, a_inc
    if b > a:
        return b, b_inc
    return a, a_inc and b_inc


def _min_bound(
    a: float | None, a_inc: bool, b: float | None, b_inc: bool
) -> tuple[float | None, bool]:
    if a is None:
        return b, b_inc
    if b is None or a < b:
        return a, a_inc
    if b < a:
        return b, b_inc
    return a, a_inc and b_inc


def format_number(x: float) -> str:
    """2500 -> "2,500", 2.5 -> "2.5", 8.5e10 -> "85,000,000,000"."""
    if math.isinf(x) or math.isnan(x):
        return str(x)
    if float(x).is_integer():
        return f"{int(x):,}"
    return f"{x:,.6g}" if abs(x) < 1e6 else f"{x:,.2f}"


class Span(Frozen):
    """Where a claim stands: offsets into the document text, and line/column in the source file."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    line: int = Field(ge=1, description="1-based line in the source file")
    column: int = Field(ge=1, description="1-based column (Unicode code points) in the source")


class Measure(Frozen):
    """What is counted: a normalized head noun, its key modifiers and the governing verb."""

    head: str = Field(description="normalized head: the synonym-set name or lemma ('attack')")
    noun: str | None = Field(default=None, description="the noun as written ('occasions')")
    modifiers: tuple[str, ...] = Field(default=(), description="key modifiers ('us', 'allied')")
    verb: str | None = Field(default=None, description="governing verb lemma ('attack', 'kill')")
    text: str = Field(default="", description="the measure phrase as written")

    def label(self, with_verb: bool = True) -> str:
        """'us troop (kill)': modifiers, head and, if asked, the governing verb."""
        words = [*self.modifiers, self.head]
        if with_verb and self.verb and self.verb != self.head:
            words.append(f"({self.verb})")
        return " ".join(words)


class Frame(Frozen):
    """What a figure measures, read from the dependency parse of its sentence.

    Two figures are compared only when their frames say they measure one quantity: the
    same counted noun and predicate class, the same entity for attributes, the same time
    and places where both name them, neither a part selected from a larger group.
    """

    noun: str | None = Field(default=None, description="canonical counted noun ('person')")
    modifiers: tuple[str, ...] = Field(default=(), description="canonical noun modifiers")
    predicate: str | None = Field(
        default=None, description="canonical class of the clause's predicate ('kill')"
    )
    negated: bool = False
    irrealis: bool = Field(
        default=False,
        description="told as possible, expected or attempted: 'could exceed 100', "
        "'had expected $1.50', 'trying to kill six'",
    )
    share_of: bool = Field(
        default=False,
        description="the group a share is taken from: 280 of 'three quarters of the 280 "
        "workers voted' (what the clause tells happened to the share, not to 280)",
    )
    source: str | None = Field(
        default=None,
        description="who tells the figure, as the head word of the reporting verb's subject "
        "or of 'according to': 'organiser' of '..., organisers said'",
    )
    role: str | None = Field(default=None, description="dependency role of the figure's phrase")
    partitive: bool = Field(default=False, description="'two of the passengers', 'one witness'")
    subset: bool = Field(default=False, description="'including three children', 'of whom'")
    owner: str | None = Field(
        default=None, description="the named entity the figure belongs to ('new democracy')"
    )
    attribute_of: str | None = Field(
        default=None, description="what an attribute describes: 'crane' of 'a 12-ton crane'"
    )
    places: tuple[str, ...] = Field(default=(), description="places named in the clause")
    time: str | None = Field(default=None, description="TIMEX3 of a date in the clause")
    window: str | None = Field(default=None, description="TIMEX3 start of a window in the clause")
    time_told: bool = Field(
        default=False,
        description="the time is when the figure was told ('..., the IOC said on Sunday'), "
        "not when it happened",
    )
    other_event: bool = Field(
        default=False, description="the clause speaks of another, earlier or similar event"
    )
    one_of_places: bool = Field(
        default=False,
        description="its document gives the same measure for another place too ('253 "
        "killed in Nairobi', '10 killed in Tanzania'): its places are a part of the story",
    )

    def label(self) -> str:
        """'person killed, in lyon, as of 2024-07-15': what was compared, in words."""
        words = [*self.modifiers, self.noun or self.predicate or "figure"]
        if self.noun and self.predicate and self.predicate != self.noun:
            words.append(("not " if self.negated else "") + self.predicate)
        if self.owner:
            words.append(f"of {self.owner}")
        if self.attribute_of:
            words.append(f"of the {self.attribute_of}")
        if self.places:
            words.append("in " + ", ".join(self.places))
        if self.window:
            words.append(f"since {self.window}")
        elif self.time:
            words.append(f"at {self.time}")
        return " ".join(words)


class Window(Frozen):
    """A time window a figure holds for ("since October"), as TIMEX3 bounds."""

    text: str
    start: str | None = None
    end: str | None = None
    mod: str | None = None


class Scope(Frozen):
    """Where and when a figure holds, as the clause says."""

    places: tuple[str, ...] = ()
    window: Window | None = None
    population: tuple[str, ...] = ()


class Claim(Frozen):
    """One numeric or date claim in one document."""

    document: str
    kind: Kind
    quote: str
    span: Span
    sentence: str
    sentence_start: int = Field(ge=0)
    value: Interval | None = Field(default=None, description="strict interval; None for dates")
    stated: float | None = None
    stated_high: float | None = None
    qualifier: str = "exact"
    unit: str | None = Field(default=None, description="pint unit or ISO 4217 currency code")
    change: str | None = None
    measure: Measure | None = None
    scope: Scope = Scope()
    as_of: dt.date | None = Field(default=None, description="the date the claim speaks for")
    timex: str | None = Field(default=None, description="TIMEX3 value for dates and durations")
    timex_type: str | None = None
    resolved: bool = True
    anchor: str | None = Field(
        default=None,
        description="what a relative date was resolved against: 'dct' (publication date), "
        "'text' (another date in the text), 'year' (a month and day written, the "
        "publication date's year); None for a date written out",
    )
    event: Measure | None = Field(default=None, description="the event a date belongs to")
    frame: Frame | None = Field(default=None, description="what the figure measures (parse)")
    weekday: int | None = Field(default=None, description="weekday named with the date, 0=Mon")
    in_headline: bool = Field(default=False, description="stated in the document's headline")
    context: tuple[str, ...] = Field(
        default=(), description="content lemmas of the claim's sentence"
    )
    entities: tuple[str, ...] = Field(
        default=(), description="names and places ('@iraq') of the claim's sentence"
    )
    story: tuple[str, ...] = Field(
        default=(), description="the document's most named names and places ('@iraq')"
    )

    @property
    def start(self) -> int:
        return self.span.start

    @property
    def end(self) -> int:
        return self.span.end
