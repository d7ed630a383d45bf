"""The rule-file format: what every rule file says, and the option pieces kinds share.

Each kind's own options sit beside its check (``checks/<kind>.py``); ``kinds.py`` joins
them into the closed union that ``numcheck schema rules`` prints, so editors get
completion and validation from it.
"""

from __future__ import annotations

from typing import Annotated, Any, Generic, Literal, TypeVar

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from numcheck.extract.quantities.qualifiers import editorial_readings, qualifier_names
from numcheck.findings import Category, Severity

RULE_ID = r"^[a-z0-9][a-z0-9-]*$"

Applies = Literal["within", "across", "both"]


class Strict(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Examples(Strict):
    """Sentences that show what the rule flags and what it lets pass."""

    fail: list[str] = Field(default_factory=list, description="texts that produce a finding")
    passes: list[str] = Field(
        default_factory=list, alias="pass", description="texts that produce none"
    )


class Tolerance(Strict):
    """How far two figures may differ and still agree."""

    relative: float = Field(default=0.0, ge=0, description="share of the larger figure")
    absolute: float = Field(default=0.0, ge=0, description="in the claims' unit")


class Stretch(Strict):
    """How far a qualifier stretches a figure in the editorial reading (shares of it)."""

    below: float = Field(default=0.0, ge=0, le=1)
    above: float = Field(default=0.0, ge=0)


def _default_readings() -> dict[str, Stretch]:
    return {name: Stretch(**stretch) for name, stretch in editorial_readings().items()}


def _known_qualifiers(readings: dict[str, Stretch]) -> dict[str, Stretch]:
    unknown = sorted(set(readings) - qualifier_names())
    if unknown:
        known = ", ".join(sorted(qualifier_names()))
        raise ValueError(f"no qualifier named {', '.join(unknown)} (qualifiers: {known})")
    return readings


Readings = Annotated[dict[str, Stretch], AfterValidator(_known_qualifiers)]
"""Editorial stretch by qualifier name; names are checked against the qualifier data."""


def readings_field(description: str = "") -> Any:
    """The ``readings`` option of a kind that reads qualifiers editorially."""
    return Field(
        default_factory=_default_readings,
        description=description
        or "editorial stretch of each qualifier (shares of the figure below and above it; "
        "defaults from numcheck/data/qualifiers.yaml); missing qualifiers read strictly",
    )


class Options(Strict):
    """What a rule of one kind may set under ``options``; each kind extends it."""


class NoOptions(Options):
    """A kind with nothing to set."""


OptionsT = TypeVar("OptionsT", bound=Options)


class RuleBase(Strict):
    id: str = Field(pattern=RULE_ID, description="stable rule id, used in reports and ignores")
    version: int = Field(default=1, ge=1, description="bumped when the rule's behaviour changes")
    severity: Severity
    category: Category = Category.CONFLICT
    summary: str = Field(min_length=1, description="one line: what the rule flags")
    description: str = Field(default="", description="why it matters, how it decides")
    examples: Examples = Field(default_factory=Examples)
    enabled: bool = True
    applies: Applies = Field(
        default="both", description="compare claims inside one document, across documents, or both"
    )


class Rule(RuleBase, Generic[OptionsT]):
    """A rule of one kind (``check``) with that kind's options; ``kinds.py`` makes the
    model of each kind, whose ``check`` admits only the kind's name."""

    check: str
    options: OptionsT


class SameStory(Options):
    """When two claims of different documents tell the same story at all."""

    min_shared_story_terms: int = Field(
        default=3,
        ge=0,
        description="names and places two documents' most named ones must share (a place "
        "counts half; a document that names less must share half of what it names)",
    )
    min_shared_context: int = Field(
        default=1,
        ge=0,
        description="content words, names or places the two claims' sentences must share, "
        "besides the measure itself",
    )
