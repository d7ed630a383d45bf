"""The rule-file format: what every rule file says, and the option pieces kinds share.

Each kind's own options sit beside its check (``checks/<kind>.py``); ``kinds.py`` joins
them into the closed union that ``numcheck schema rules`` prints, so editors get
completion and validation from it.
"""

from __future__ import annotations

import datetime as dt
import string
from collections.abc import Sequence
from typing import Annotated, Any, Generic, Literal, TypeVar

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field

from numcheck.claims import Claim, Kind
from numcheck.extract.quantities.qualifiers import editorial_readings, qualifier_names
from numcheck.findings import Category, Severity
from numcheck.vocabulary import Measures

RULE_ID = r"^[a-z0-9][a-z0-9-]*$"
# Bounds on what a rule file may say: a rule file is data from anyone, and a value past
# these (``tolerance: .inf``, a 10 MB id, ANSI escapes that repaint a terminal) is a
# mistake or an attack, never a setting.
ONE_LINE = r"^[^\x00-\x1f\x7f-\x9f]*$"
TEXT = r"^[^\x00-\x08\x0b-\x1f\x7f-\x9f]*$"  # lines and tabs allowed
CENTURY_DAYS = 36_525
MAX_TERMS = 1_000

Applies = Literal["within", "across", "both"]


class Strict(BaseModel):
    """Rule data is immutable and unknown keys are errors, so a typo never passes."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class ExampleDocument(Strict):
    """One document of an example that needs more than one, or a publication date."""

    text: str = Field(max_length=10_000, pattern=TEXT)
    published: dt.date | None = None
    archive: bool = Field(default=False, description="checked against, not checked")

    def describe(self) -> str:
        notes = [
            *(["archive"] if self.archive else []),
            *([f"published {self.published.isoformat()}"] if self.published else []),
        ]
        return self.text + (f" ({', '.join(notes)})" if notes else "")


def _as_document(value: object) -> object:
    return {"text": value} if isinstance(value, str) else value


def _as_documents(value: object) -> object:
    return [value] if isinstance(value, str) else value


Example = Annotated[
    list[
        Annotated[
            ExampleDocument,
            BeforeValidator(_as_document, json_schema_input_type=str | ExampleDocument),
        ]
    ],
    BeforeValidator(_as_documents, json_schema_input_type=str | list[str | ExampleDocument]),
]
"""A text, or documents checked together (each a text or a mapping with its date); read
as a list of documents, so an error points at the document that is wrong."""


class Examples(Strict):
    """Texts that show what the rule flags and what it lets pass; they run as cases."""

    fail: list[Example] = Field(
        default_factory=list, description="texts that produce a finding of the rule"
    )
    passes: list[Example] = Field(
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


class Stretch(Strict):
    """How far a qualifier stretches a figure in the editorial reading (shares of it)."""

    below: float = Field(default=0.0, ge=0, le=1, allow_inf_nan=False)
    above: float = Field(default=0.0, ge=0, le=100, allow_inf_nan=False)


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


class Selection(Strict):
    """Which claims a rule compares; an empty list selects every claim."""

    kinds: list[Kind] = Field(
        default_factory=list,
        description="claim kinds: count, quantity, money, percent, duration, date",
    )
    measures: list[str] = Field(
        default_factory=list,
        description="measure classes: the synonym set of a claim's measure (of a date: its "
        "event), named as in vocabulary/measures.yaml ('troop', 'kill'), or the lemma of "
        "a noun in no set ('home')",
    )

    def admits(self, claim: Claim, measures: Measures) -> bool:
        if self.kinds and claim.kind not in self.kinds:
            return False
        if not self.measures:
            return True
        counted = claim.measure or claim.event
        return counted is not None and measures.canonical(counted.head) in self.measures


MESSAGE_FIELDS = {
    "message": "the check's own message",
    "quotes": "the claims' quotes, joined by ' vs '",
    "documents": "the claims' documents, joined by ', '",
    "rule": "the rule id",
}


def _known_placeholders(template: str | None) -> str | None:
    if template is None:
        return None
    for match in string.Template.pattern.finditer(template):
        if match["escaped"] is not None:
            continue
        name = match["named"] or match["braced"]
        if name not in MESSAGE_FIELDS:  # a lone "$" has no name
            known = ", ".join(f"${n}" for n in MESSAGE_FIELDS)
            raise ValueError(f"unknown placeholder {match[0]!r} (placeholders: {known})")
    return template


class RuleBase(Strict):
    """What every rule file says, whatever its kind."""

    id: str = Field(
        pattern=RULE_ID, max_length=64, description="stable rule id, used in reports and ignores"
    )
    version: int = Field(
        default=1, ge=1, le=1_000_000, description="bumped when the rule's behaviour changes"
    )
    severity: Severity
    category: Category = Category.CONFLICT
    summary: str = Field(
        min_length=1, max_length=300, pattern=ONE_LINE, description="one line: what the rule flags"
    )
    description: str = Field(
        default="", max_length=20_000, pattern=TEXT, description="why it matters, how it decides"
    )
    examples: Examples = Field(default_factory=Examples)
    enabled: bool = True
    select: Selection = Field(default_factory=Selection)
    message: Annotated[str | None, AfterValidator(_known_placeholders)] = Field(
        default=None,
        description="the finding's message as a template: $message (the check's own), "
        "$quotes, $documents, $rule; unset: the check's own message",
    )
    applies: Applies = Field(
        default="both", description="compare claims inside one document, across documents, or both"
    )

    def render_message(self, message: str, claims: Sequence[Claim]) -> str:
        """The finding's message: the rule's template filled in, else the check's own."""
        if self.message is None:
            return message
        return string.Template(self.message).substitute(
            message=message,
            quotes=" vs ".join(claim.quote for claim in claims),
            documents=", ".join(dict.fromkeys(claim.document for claim in claims)),
            rule=self.id,
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
        le=MAX_TERMS,
        description="names and places two documents' most named ones must share (a place "
        "counts half; a document that names less must share half of what it names)",
    )
    min_shared_context: int = Field(
        default=1,
        ge=0,
        le=MAX_TERMS,
        description="content words, names or places the two claims' sentences must share, "
        "besides the measure itself",
    )
