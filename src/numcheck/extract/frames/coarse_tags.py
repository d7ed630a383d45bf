"""Coarse part-of-speech tags from the pipeline's own attribute rules, as array operations.

spaCy's small English pipeline sets ``pos_`` with an ``attribute_ruler``: 179 token
patterns run through the Matcher, a tenth of a parse. Frames read only three of the
attributes those rules set (POS, and TAG and DEP on whitespace tokens), and every rule
is a conjunction of equality and set tests on a token and its neighbours, so the same
rules, read from the loaded ruler, run here as a few comparisons on the Doc's arrays.
Later rules win, as in the ruler. A ruler with a pattern of another shape (an operator,
a regex, an attribute not in the Doc's arrays) is left to spaCy: ``compile_rules``
returns ``None`` and the pipeline keeps its ruler.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

import numpy as np

if TYPE_CHECKING:
    from spacy.pipeline import AttributeRuler
    from spacy.tokens import Doc

_READ = ("TAG", "LOWER", "DEP", "ORTH", "NORM", "POS", "IS_SPACE", "IS_PUNCT", "LIKE_NUM")
"""Token attributes a rule may test: columns of ``Doc.to_array``."""

_SET = ("TAG", "POS", "DEP")
"""The attributes applied; frames read no morphology and take lemmas elsewhere."""

_BOOLEAN = frozenset(["IS_SPACE", "IS_PUNCT", "LIKE_NUM"])


@dataclass(frozen=True)
class _Test:
    column: int
    values: np.ndarray
    negated: bool


@dataclass(frozen=True)
class _Rule:
    """One alternative of a ruler pattern: tests per token, and what it sets on one."""

    tokens: tuple[tuple[_Test, ...], ...]
    index: int
    sets: tuple[tuple[int, int], ...]


class CoarseTagger:
    """Applies compiled attribute rules to parsed Docs, in the ruler's order."""

    def __init__(self, rules: Sequence[_Rule]) -> None:
        self.rules = tuple(rules)
        self._read: list[int | str] = list(_READ)
        self._set: list[int | str] = list(_SET)

    def __call__(self, docs: Sequence[Doc]) -> None:
        """Set the attributes on every Doc of a batch, in place: the rules run once over
        the batch's tokens, not once per sentence."""
        docs = [doc for doc in docs if len(doc)]
        if not docs:
            return
        table = np.concatenate([doc.to_array(self._read) for doc in docs])
        current = np.concatenate([doc.to_array(self._set) for doc in docs])
        owner = np.repeat(np.arange(len(docs)), [len(doc) for doc in docs])
        n = len(table)
        for rule in self.rules:  # later rules overwrite earlier ones, as in the ruler
            width = len(rule.tokens)
            if width > n:
                continue
            starts = n - width + 1
            matched = owner[:starts] == owner[width - 1 :]  # inside one sentence
            for offset, tests in enumerate(rule.tokens):
                rows = table[offset : offset + starts]
                for test in tests:
                    column = rows[:, test.column]
                    if len(test.values) == 1:
                        hit = column == test.values[0]
                    else:
                        hit = np.isin(column, test.values)
                    matched &= ~hit if test.negated else hit
            targets = np.flatnonzero(matched)
            if not len(targets):
                continue
            index = rule.index if rule.index >= 0 else width + rule.index
            for slot, value in rule.sets:
                current[targets + index, slot] = value
        start = 0
        for doc in docs:
            doc.from_array(self._set, cast(Any, current[start : start + len(doc)]))
            start += len(doc)


def compile_rules(ruler: AttributeRuler) -> CoarseTagger | None:
    """The ruler's rules as a ``CoarseTagger``, or ``None`` where one cannot be compiled."""
    strings = ruler.vocab.strings
    rules: list[_Rule] = []
    entries = cast("list[Mapping[str, Any]]", ruler.patterns)
    for entry in entries:
        sets = _sets(entry["attrs"], strings)
        if sets is None:
            return None
        if not sets:
            continue  # sets only morphology or lemmas
        for pattern in entry["patterns"]:
            tokens = _tokens(pattern, strings)
            if tokens is None:
                return None
            rules.append(_Rule(tokens, int(entry.get("index", 0)), sets))
    return CoarseTagger(rules)


def _sets(attrs: Mapping[str, Any], strings: Any) -> tuple[tuple[int, int], ...] | None:
    sets: list[tuple[int, int]] = []
    for name, value in attrs.items():
        name = name.upper()
        if name in _SET:
            if not isinstance(value, str):
                return None
            sets.append((_SET.index(name), int(strings.add(value))))
        elif name not in ("MORPH", "LEMMA"):
            return None  # an attribute frames might read: keep spaCy's ruler
    return tuple(sets)


def _tokens(
    pattern: Sequence[Mapping[str, Any]], strings: Any
) -> tuple[tuple[_Test, ...], ...] | None:
    tokens: list[tuple[_Test, ...]] = []
    for spec in pattern:
        tests: list[_Test] = []
        for name, condition in spec.items():
            name = name.upper()
            if name not in _READ:
                return None
            test = _test(_READ.index(name), name in _BOOLEAN, condition, strings)
            if test is None:
                return None
            tests.append(test)
        tokens.append(tuple(tests))
    return tuple(tokens)


def _test(column: int, boolean: bool, condition: Any, strings: Any) -> _Test | None:
    def encode(value: Any) -> int | None:
        if boolean:
            return int(value) if isinstance(value, bool) else None
        if not isinstance(value, str):
            return None
        return int(strings.add(value)) if value else 0  # "" is a missing label

    if isinstance(condition, Mapping):
        if len(condition) != 1:
            return None
        ((operator, values),) = condition.items()
        if operator not in ("IN", "NOT_IN") or not isinstance(values, list):
            return None
        encoded = [encode(v) for v in values]
        if any(e is None for e in encoded):
            return None
        return _Test(column, np.array(encoded, dtype=np.uint64), operator == "NOT_IN")
    value = encode(condition)
    if value is None:
        return None
    return _Test(column, np.array([value], dtype=np.uint64), False)
