"""The rule-file format: a closed set of typed checks, each configured by data.

``numcheck schema rules`` prints the JSON Schema of ``RuleFile``; editors get completion
and validation from it.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter

from numcheck.claims import Kind
from numcheck.findings import Category, Severity

RULE_ID = r"^[a-z0-9][a-z0-9-]*$"
# Bounds on what a rule file may say: a rule file is data from anyone, and a value past
# these (``tolerance: .inf``, a 10 MB id, ANSI escapes that repaint a terminal) is a
# mistake or an attack, never a setting.
_ONE_LINE = r"^[^\x00-\x1f\x7f-\x9f]*$"
_TEXT = r"^[^\x00-\x08\x0b-\x1f\x7f-\x9f]*$"  # lines and tabs allowed
_CENTURY = 36_525  # days
_MAX_TERMS = 1_000


class Strict(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Examples(Strict):
    """Sentences that show what the rule flags and what it lets pass."""

    fail: list[Annotated[str, Field(max_length=10_000, pattern=_TEXT)]] = Field(
        default_factory=list, description="texts that produce a finding"
    )
    passes: list[Annotated[str, Field(max_length=10_000, pattern=_TEXT)]] = Field(
        default_factory=list, alias="pass", description="texts that produce none"
    )


class Tolerance(Strict):
    """How far two figures may differ and still agree."""

    relative: float = Field(
        default=0.0, ge=0, le=1, allow_inf_nan=False, description="share of the larger figure"
    )
    absolute: float = Field(
        default=0.0, ge=0, le=1e15, allow_inf_nan=False, description="in the claims' unit"
    )


class Reading(Strict):
    """How far a qualifier stretches a figure in the editorial reading (shares of it)."""

    below: float = Field(default=0.0, ge=0, le=1, allow_inf_nan=False)
    above: float = Field(default=0.0, ge=0, le=100, allow_inf_nan=False)


def _default_readings() -> dict[str, Reading]:
    return {
        "exact": Reading(),
        "about": Reading(below=0.1, above=0.1),
        "more-than": Reading(above=0.25),
        "just-over": Reading(above=0.05),
        "at-least": Reading(above=0.25),
        "nearly": Reading(below=0.1),
        "just-under": Reading(below=0.05),
        "less-than": Reading(below=0.25),
        "at-most": Reading(below=1.0),
        "up-to": Reading(below=1.0),
    }


class RuleBase(Strict):
    id: str = Field(
        pattern=RULE_ID, max_length=64, description="stable rule id, used in reports and ignores"
    )
    version: int = Field(
        default=1, ge=1, le=1_000_000, description="bumped when the rule's behaviour changes"
    )
    severity: Severity
    category: Category = Category.CONFLICT
    summary: str = Field(
        min_length=1, max_length=300, pattern=_ONE_LINE, description="one line: what the rule flags"
    )
    description: str = Field(
        default="", max_length=20_000, pattern=_TEXT, description="why it matters, how it decides"
    )
    examples: Examples = Field(default_factory=Examples)
    enabled: bool = True
    applies: Literal["within", "across", "both"] = Field(
        default="both", description="compare claims inside one document, across documents, or both"
    )


class SameStory(Strict):
    """When two claims of different documents tell the same story at all."""

    min_shared_story_terms: int = Field(
        default=3,
        ge=0,
        le=_MAX_TERMS,
        description="names and places two documents' most named ones must share (a place "
        "counts half; a document that names less must share half of what it names)",
    )
    min_shared_context: int = Field(
        default=1,
        ge=0,
        le=_MAX_TERMS,
        description="content words, names or places the two claims' sentences must share, "
        "besides the measure itself",
    )


class ValueConflictOptions(SameStory):
    kinds: list[Kind] = Field(
        default_factory=lambda: [Kind.COUNT, Kind.QUANTITY, Kind.MONEY, Kind.PERCENT]
    )
    semantics: Literal["editorial", "strict"] = Field(
        default="editorial",
        description="strict: pure interval logic; editorial: qualifiers read as newsrooms use them",
    )
    tolerance: Tolerance = Field(default_factory=Tolerance)
    readings: dict[str, Reading] = Field(
        default_factory=_default_readings,
        description="editorial stretch of each qualifier; missing qualifiers read strictly",
    )
    update_severity: Severity = Field(
        default=Severity.INFO,
        description="severity of a later, higher figure of a count that only grows "
        "(a possible update rather than a conflict)",
    )
    max_days_apart: int | None = Field(
        default=60,
        ge=0,
        le=_CENTURY,
        description="figures published further apart than this are not compared, "
        "unless both hold for a window that only grows ('since October')",
    )


class ValueConflictRule(RuleBase):
    """The same measure, in compatible scopes, with figures that cannot both hold."""

    check: Literal["value-conflict"]
    options: ValueConflictOptions = Field(default_factory=ValueConflictOptions)


class EventDateOptions(SameStory):
    min_shared_participants: int = Field(
        default=1,
        ge=1,
        le=_MAX_TERMS,
        description="named people or groups both sentences must share",
    )
    relative_dates: bool = Field(
        default=False,
        description="also compare dates read relative to the publication date ('on Sunday', "
        "'yesterday'); off by default, since they are only as right as that date",
    )
    max_days_between: int = Field(
        default=14,
        ge=0,
        le=_CENTURY,
        description="dates further apart than this are different occurrences of an event "
        "that can recur (a meeting, a visit); events that happen once to a participant "
        "(the vocabulary's 'once' list: killed, born) are compared at any distance",
    )


class EventDateRule(RuleBase):
    """The same event dated differently (compared at the coarser granularity)."""

    check: Literal["event-date-conflict"]
    options: EventDateOptions = Field(default_factory=EventDateOptions)


class ElapsedTimeOptions(SameStory):
    tolerance: Tolerance = Field(
        default_factory=lambda: Tolerance(relative=0.1),
        description="share of the stated span by which the calendar may differ",
    )
    readings: dict[str, Reading] = Field(default_factory=_default_readings)
    min_shared_participants: int = Field(default=1, ge=1, le=_MAX_TERMS)


class ElapsedTimeRule(RuleBase):
    """A span of time since an event ("nearly seven years after ...") that the event's
    date, known from this or another document, contradicts."""

    check: Literal["elapsed-time"]
    options: ElapsedTimeOptions = Field(default_factory=ElapsedTimeOptions)


class TotalsOptions(Strict):
    tolerance: Tolerance = Field(default_factory=Tolerance)
    readings: dict[str, Reading] = Field(default_factory=_default_readings)


class TotalsRule(RuleBase):
    """Parts that do not add up to their total, or a part larger than its total."""

    check: Literal["totals"]
    options: TotalsOptions = Field(default_factory=TotalsOptions)
    applies: Literal["within", "across", "both"] = "within"


class WeekdayRule(RuleBase):
    """A weekday named with a date that falls on another weekday."""

    check: Literal["weekday-mismatch"]


Rule = Annotated[
    ValueConflictRule | EventDateRule | ElapsedTimeRule | TotalsRule | WeekdayRule,
    Field(discriminator="check"),
]


RULE_ADAPTER: TypeAdapter[Rule] = TypeAdapter(Rule)
"""Validates one rule file (its top-level mapping) and gives its JSON Schema."""
