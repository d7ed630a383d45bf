"""The closed set of rule kinds: each kind's name, options model and check, in one table.

The rule-file schema (the union ``numcheck schema rules`` prints), the engine's dispatch,
the locations of load errors and the generated reference all read this table, so a new
kind is a check module (its options and its comparison) and one entry here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import partial
from typing import Annotated, Any, Generic, Literal, Union

from pydantic import Field, TypeAdapter, create_model

from numcheck.rules.checks.base import Check, selected
from numcheck.rules.checks.elapsed_time import ElapsedTime, ElapsedTimeOptions
from numcheck.rules.checks.event_date import EventDateConflict, EventDateOptions
from numcheck.rules.checks.totals import TotalsAndParts, TotalsOptions
from numcheck.rules.checks.value_conflict import ValueConflict, ValueConflictOptions
from numcheck.rules.checks.weekday import WeekdayMismatch
from numcheck.rules.schema import Applies, NoOptions, OptionsT, Rule
from numcheck.vocabulary import Vocabulary


@dataclass(frozen=True)
class RuleKind(Generic[OptionsT]):
    """One kind of comparison a rule file can configure (``check: <name>``)."""

    name: str
    options: type[OptionsT]
    check: Callable[[Rule[OptionsT], Vocabulary], Check]
    model_name: str
    applies: Applies = "both"

    @property
    def summary(self) -> str:
        """What the kind flags: the first paragraph of its check's docstring."""
        doc = self.check.__doc__ or ""
        return " ".join(doc.split("\n\n")[0].split())

    def rule_model(self) -> type[Rule[OptionsT]]:
        """The pydantic model of a rule of this kind: ``check`` admits only its name."""
        tag: Any = Literal[self.name]  # a type made at run time: one per kind
        model: type[Rule[OptionsT]] = create_model(
            self.model_name,
            __base__=Rule[self.options],  # type: ignore[name-defined]
            __doc__=self.summary,
            check=(tag, ...),
            options=(self.options, Field(default_factory=self.options)),
            applies=(
                Applies,
                Field(
                    default=self.applies,
                    description="compare claims inside one document, across documents, or both",
                ),
            ),
        )
        return model


KINDS: Mapping[str, RuleKind[Any]] = {
    kind.name: kind
    for kind in (
        RuleKind("value-conflict", ValueConflictOptions, ValueConflict, "ValueConflictRule"),
        RuleKind("event-date-conflict", EventDateOptions, EventDateConflict, "EventDateRule"),
        RuleKind("elapsed-time", ElapsedTimeOptions, ElapsedTime, "ElapsedTimeRule"),
        RuleKind("totals", TotalsOptions, TotalsAndParts, "TotalsRule", applies="within"),
        RuleKind("weekday-mismatch", NoOptions, WeekdayMismatch, "WeekdayRule"),
    )
}

_RULE_MODELS = tuple(kind.rule_model() for kind in KINDS.values())

_RULE_UNION: Any = Annotated[Union[_RULE_MODELS], Field(discriminator="check")]  # noqa: UP007

RULE_ADAPTER: TypeAdapter[Rule[Any]] = TypeAdapter(_RULE_UNION)
"""Validates one rule file (its top-level mapping) and gives its JSON Schema."""


def build_check(rule: Rule[Any], vocabulary: Vocabulary) -> Check:
    """The comparison a rule configures, over the claims it selects."""
    check = KINDS[rule.check].check(rule, vocabulary)
    if not (rule.select.kinds or rule.select.measures):
        return check
    return selected(check, partial(rule.select.admits, measures=vocabulary.measures))


def with_options(rule: Rule[Any], overrides: Mapping[str, Any]) -> Rule[Any]:
    """The rule with some options set otherwise (nested mappings merge), as a case's
    ``options`` asks; raises ``pydantic.ValidationError`` on an option the kind lacks."""
    merged = _merged(rule.options.model_dump(), overrides)
    options = KINDS[rule.check].options.model_validate(merged)
    return rule.model_copy(update={"options": options})


def _merged(base: Mapping[str, Any], overrides: Mapping[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in overrides.items():
        if isinstance(value, Mapping) and isinstance(out.get(key), Mapping):
            out[key] = _merged(out[key], value)
        else:
            out[key] = value
    return out
