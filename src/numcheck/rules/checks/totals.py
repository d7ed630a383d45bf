"""Totals and parts: "103 passengers and 26 crew" against "129 people on board".

Anti-pattern: "The plane carried 131 people on board: 103 passengers and 26 crew."
Best practice: "The plane carried 129 people on board: 103 passengers and 26 crew."

Parts are counts joined only by commas and "and" ("103 passengers and 26 crew"); the
total is a count in the same or a neighbouring sentence that says it is one ("a total of",
"in all", "on board", "altogether") or counts people while the parts count kinds of
people. Parts introduced by "including" are a subset: each must not exceed the total.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pydantic import Field

from numcheck.claims import Claim, Interval, Kind, format_number
from numcheck.findings import Finding
from numcheck.rules.checks.base import DocumentCheck, make_finding
from numcheck.rules.checks.compare import editorial_interval, gap
from numcheck.rules.schema import Options, Readings, Rule, Tolerance, readings_field
from numcheck.vocabulary import Vocabulary

_JOINER = re.compile(r"\A(?:\s*,\s*(?:and\s+)?|\s+and\s+)\Z")
_TOTAL_BEFORE = re.compile(r"(?:\ba\s+total\s+of|\ball(?:\s+the)?|\bin\s+total)\s*\Z", re.I)
_TOTAL_AFTER = re.compile(
    r"\A\s*(?:\w+\s+)?(?:aboard|on\s+board|in\s+all|in\s+total|altogether)\b", re.I
)
_INCLUDING = re.compile(r"\b(?:including|among\s+them|of\s+whom|of\s+them)\s*\Z", re.I)


class TotalsOptions(Options):
    """How a totals rule reads the total and how far the parts' sum may miss it."""

    tolerance: Tolerance = Field(default_factory=Tolerance)
    readings: Readings = readings_field()


def _before(claim: Claim, width: int) -> str:
    """Up to ``width`` characters of the claim's sentence before it."""
    start = claim.span.start - claim.sentence_start
    return claim.sentence[max(0, start - width) : max(0, start)]


def _after(claim: Claim, width: int) -> str:
    end = claim.span.end - claim.sentence_start
    return claim.sentence[end : end + width]


def _between(a: Claim, b: Claim) -> str | None:
    """The text between two claims of one sentence (None across sentences)."""
    if a.document != b.document or a.sentence_start != b.sentence_start:
        return None
    return a.sentence[a.span.end - a.sentence_start : b.span.start - b.sentence_start]


def _same_predicate(total: Claim, parts: Sequence[Claim], *, explicit: bool) -> bool:
    """Whether the frames let the parts add up to the total: "three soldiers and two
    civilians were killed" of "five people were killed", not "six ambulances and four
    fire crews were sent" of "six people were hurt". A total must say what it counts
    (a predicate, or the words "a total of"); a part whose predicate is another is no
    part of it."""
    frame = total.frame
    if frame is None or frame.partitive or frame.attribute_of:
        return False
    if frame.predicate is None and not explicit:
        return False
    return all(
        p.frame is not None
        and (p.frame.predicate is None or frame.predicate in (None, p.frame.predicate))
        for p in parts
    )


def _exact_count(claim: Claim) -> bool:
    return claim.kind is Kind.COUNT and claim.qualifier == "exact" and claim.stated is not None


class TotalsAndParts(DocumentCheck):
    """Parts that do not add up to their total, or a part larger than its total."""

    def __init__(self, rule: Rule[TotalsOptions], vocabulary: Vocabulary) -> None:
        self.rule = rule
        self.measures = vocabulary.measures

    def _is_total(self, claim: Claim, text_before: str, text_after: str) -> bool:
        if claim.kind is not Kind.COUNT:
            return False
        if _TOTAL_BEFORE.search(text_before) or _TOTAL_AFTER.search(text_after):
            return True
        head = claim.measure.head if claim.measure else None
        return head is not None and self.measures.canonical(head) == "person"

    def inspect_document(self, claims: Sequence[Claim]) -> list[Finding]:
        counts = sorted((c for c in claims if c.kind is Kind.COUNT), key=lambda c: c.span.start)
        findings: list[Finding] = []
        for parts in self._coordinated(counts):
            heads = {self.measures.canonical(p.measure.head) for p in parts if p.measure}
            total = self._total_for(parts, counts, heads)
            if total is None:
                continue
            findings.extend(self._compare(parts, total))
        return findings

    def _coordinated(self, counts: Sequence[Claim]) -> list[list[Claim]]:
        """Runs of exact counts of different things joined only by commas and "and"."""
        runs: list[list[Claim]] = []
        run: list[Claim] = []
        for claim in counts:
            between = _between(run[-1], claim) if run else None
            if between is not None and _JOINER.match(between) and _exact_count(claim):
                run.append(claim)
                continue
            if self._is_run(run):
                runs.append(run)
            run = [claim] if _exact_count(claim) and claim.measure else []
        if self._is_run(run):
            runs.append(run)
        return [r for r in runs if len({c.measure.head for c in r if c.measure}) == len(r)]

    @staticmethod
    def _is_run(run: list[Claim]) -> bool:
        """Two or more coordinated counts, or any after "including" (a subset)."""
        return len(run) >= 2 or (len(run) == 1 and bool(_INCLUDING.search(_before(run[0], 30))))

    def _total_for(
        self, parts: list[Claim], counts: Sequence[Claim], heads: set[str]
    ) -> Claim | None:
        first, last = parts[0], parts[-1]
        subset = bool(_INCLUDING.search(_before(first, 30)))
        sentence_starts = sorted({c.sentence_start for c in counts})
        index = sentence_starts.index(first.sentence_start)
        # "213, including 12 Americans": a subset's total is in its own sentence.
        near = (
            {first.sentence_start}
            if subset
            else set(sentence_starts[max(0, index - 1) : index + 2])
        )
        for claim in counts:
            if claim in parts or claim.sentence_start not in near:
                continue
            if claim.measure and self.measures.canonical(claim.measure.head) in heads:
                continue
            before, after = _before(claim, 20), _after(claim, 20)
            explicit = bool(_TOTAL_BEFORE.search(before) or _TOTAL_AFTER.search(after))
            if (
                self._is_total(claim, before, after)
                and not first.span.start <= claim.span.start <= last.span.end
                and (subset or _same_predicate(claim, parts, explicit=explicit))
            ):
                return claim
        return None

    def _compare(self, parts: list[Claim], total: Claim) -> list[Finding]:
        readings = self.rule.options.readings
        stated = editorial_interval(total, readings) or total.value
        if stated is None:
            return []
        subset = bool(_INCLUDING.search(_before(parts[0], 30)))
        amount = sum(p.stated or 0.0 for p in parts)
        if subset:
            ok = stated.high is None or max(p.stated or 0.0 for p in parts) <= stated.high
            if ok:
                return []
        elif gap(stated, Interval.point(amount)) <= self.rule.options.tolerance.absolute:
            return []
        listed = " + ".join(p.quote for p in parts)
        message = (
            f"{listed} = {format_number(amount)}, but the total says {total.quote}"
            if not subset
            else f"{listed}: a part exceeds the total {total.quote}"
        )
        explanation = (
            f"The parts {listed} add up to {format_number(amount)}; the total "
            f"{total.quote!r} reads as {stated.describe()}."
        )
        return [make_finding(self.rule, (total, *parts), message, explanation)]
