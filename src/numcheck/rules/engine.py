"""Run a rule pack over claims: group by blocking key, compare within groups.

Grouping first keeps a check over an archive near linear in the number of claims:
only claims that could count the same thing (same kind, unit dimension and measure, or
the same event and a participant) are ever paired. The same keys, as text, index a
claim store, which hands the engine only the archive claims that share a draft's keys.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from numcheck.claims import Claim
from numcheck.findings import Finding
from numcheck.rules.checks.base import (
    EVERYWHERE,
    Check,
    DocumentCheck,
    PairCheck,
    Reach,
    SingleCheck,
)
from numcheck.rules.kinds import build_check
from numcheck.rules.load import RulePack
from numcheck.rules.schema import Rule
from numcheck.rules.scope import StoryKeys


def claim_order(claim: Claim) -> tuple[str, int, int, str]:
    """A total order on claims that does not depend on input order."""
    return (claim.document, claim.span.start, claim.span.end, claim.quote)


class _Postings:
    """Claims filed under one key, found again by the time a partner may lie in: dated
    claims in day order, so a claim with a limit (``Reach.days``) reads only its window.

    Reaches are read, and the days sorted, only when the key is first looked up: one
    draft against a large group reads the reaches of the claims that share its keys,
    not of the whole group."""

    def __init__(self, reach_of: Callable[[int], Reach]) -> None:
        self.reach_of = reach_of
        self.members: list[int] = []
        self.sealed = False
        self.dated: list[tuple[int, int]] = []  # (day, index) in day order
        self.days: list[int] = []
        self.undated: list[int] = []
        self.open_ended: list[int] = []  # dated, but met at any distance by their kind

    def add(self, j: int) -> None:
        self.members.append(j)

    def _seal(self) -> None:
        for j in self.members:
            reach = self.reach_of(j)
            if reach.day is None:
                self.undated.append(j)
                continue
            self.dated.append((reach.day, j))
            if reach.open_ended:
                self.open_ended.append(j)
        self.dated.sort()
        self.days = [day for day, _ in self.dated]
        self.sealed = True

    def meeting(self, reach: Reach) -> Iterable[int]:
        """Indexes that ``reach`` admits in time (``Reach.in_time``), and maybe more."""
        if not self.sealed:
            self._seal()
        yield from self.undated
        if reach.day is None or reach.days is None:
            yield from (j for _, j in self.dated)
            return
        lo = bisect.bisect_left(self.days, reach.day - reach.days)
        hi = bisect.bisect_right(self.days, reach.day + reach.days)
        yield from (j for _, j in self.dated[lo:hi])
        if reach.open_ended:
            yield from self.open_ended


class _Partners:
    """Which claims of a group each claim may meet: those of its own document, and of
    other documents those open to all (story keys None) or sharing a story key
    (``StoryKeys``: one's ``around`` holds an ``own`` term of the other), in either
    case only those its reach admits in time."""

    def __init__(
        self,
        ordered: Sequence[Claim],
        keys: Sequence[StoryKeys | None],
        reach: Callable[[Claim], Reach],
    ) -> None:
        self.keys = keys

        def reach_of(j: int) -> Reach:
            return reach(ordered[j])

        self.reach_of = reach_of
        self.open = _Postings(reach_of)
        self.everyone = _Postings(reach_of)
        self.by_own: dict[str, _Postings] = {}
        self.by_around: dict[str, _Postings] = {}
        self.by_document: dict[str, list[int]] = defaultdict(list)
        for j, (claim, own) in enumerate(zip(ordered, keys, strict=True)):
            self.by_document[claim.document].append(j)
            self.everyone.add(j)
            if own is None:
                self.open.add(j)
                continue
            for key in own.own:
                self._file(self.by_own, key, j)
            for key in own.around:
                self._file(self.by_around, key, j)

    def _file(self, index: dict[str, _Postings], key: str, j: int) -> None:
        postings = index.get(key)
        if postings is None:
            postings = index[key] = _Postings(self.reach_of)
        postings.add(j)

    def of(self, i: int, document: str) -> Iterable[int]:
        own, reach = self.keys[i], self.reach_of(i)
        found = set(self.by_document[document])
        if own is None:
            found.update(self.everyone.meeting(reach))
            return sorted(found)
        found.update(self.open.meeting(reach))
        for key in own.around:
            if key in self.by_own:
                found.update(self.by_own[key].meeting(reach))
        for key in own.own:
            if key in self.by_around:
                found.update(self.by_around[key].meeting(reach))
        return sorted(found)


def _pairs(
    group: Sequence[Claim],
    applies: str,
    is_draft: Callable[[Claim], bool],
    story_keys: Callable[[Claim], StoryKeys | None] = lambda claim: None,
    reach: Callable[[Claim], Reach] = lambda claim: EVERYWHERE,
) -> Iterable[tuple[Claim, Claim]]:
    """Pairs to compare in one group, each once and in a fixed order.

    Only pairs that involve a draft are made, so checking one draft against a large
    archive costs the draft's claims times the group, not the group squared; and only
    pairs whose documents could tell one story (``story_keys``) at times the check
    admits (``reach``), so a batch of many stories over years costs each claim its own
    story's partners.
    """
    ordered = sorted(group, key=claim_order)
    draft = [is_draft(claim) for claim in ordered]
    partners = _Partners(ordered, [story_keys(claim) for claim in ordered], reach)
    for i in (i for i, is_one in enumerate(draft) if is_one):
        for j in partners.of(i, ordered[i].document):
            # a pair of two drafts is made once, from the earlier one (no set of pairs:
            # that held every pair of a batch in memory)
            if i == j or (draft[j] and j < i):
                continue
            a, b = ordered[min(i, j)], ordered[max(i, j)]
            same_document = a.document == b.document
            if (applies == "within" and not same_document) or (
                applies == "across" and same_document
            ):
                continue
            yield a, b


class ClaimSource(Protocol):
    """Archive claims kept outside memory (a claim store), fetched by blocking key."""

    def candidates(
        self, rule: str, wanted: Mapping[str, Sequence[Reach]]
    ) -> Iterable[tuple[str, Claim]]:
        """``(key, claim)`` for stored claims whose key under ``rule`` is in ``wanted`` and
        whose reach admits at least one of the reaches given for that key (more is fine:
        the comparison has the last word)."""
        ...


def blocking_keys(check: PairCheck, claim: Claim) -> tuple[str, ...]:
    """The check's keys as text (``repr`` of tuples of strings: fast and stable), so a
    store can index them and memory group by them."""
    return tuple(repr(key) for key in check.keys(claim))


@dataclass(frozen=True)
class _Run:
    """One run's claims and which of them are drafts: each check shape reads them its way."""

    claims: Sequence[Claim]
    drafts: frozenset[str] | None
    archive: ClaimSource | None

    def is_draft(self, claim: Claim) -> bool:
        return self.drafts is None or claim.document in self.drafts

    def groups(self, rule: Rule[Any], check: PairCheck) -> dict[str, list[Claim]]:
        """The claims of each blocking key, the archive's that share a draft's key included."""
        groups: dict[str, list[Claim]] = defaultdict(list)
        wanted: dict[str, list[Reach]] = defaultdict(list)
        for claim in self.claims:
            for key in blocking_keys(check, claim):
                groups[key].append(claim)
                if self.archive is not None and self.is_draft(claim):
                    wanted[key].append(check.reach(claim))
        if self.archive is not None:
            local = frozenset(claim.document for claim in self.claims)
            for key, claim in self.archive.candidates(rule.id, wanted):
                if claim.document not in local:
                    groups[key].append(claim)
        return groups

    def pairs(self, rule: Rule[Any], check: PairCheck) -> Iterator[Finding]:
        """Compare the claims of each blocking group, pairs that involve a draft only."""
        groups = self.groups(rule, check)
        check.forget()
        for key in sorted(groups):
            for a, b in _pairs(
                groups[key], rule.applies, self.is_draft, check.story_keys, check.reach
            ):
                if self.drafts is not None and not self.is_draft(a):
                    a, b = b, a  # the draft's claim leads: reports point at the draft
                finding = check.compare(a, b)
                if finding is not None:
                    yield finding
            check.forget()  # memory is bounded by the largest group

    def documents(self, check: DocumentCheck) -> Iterator[Finding]:
        by_document: dict[str, list[Claim]] = defaultdict(list)
        for claim in self.claims:
            if self.is_draft(claim):
                by_document[claim.document].append(claim)
        for document_claims in by_document.values():
            yield from check.inspect_document(document_claims)

    def singles(self, check: SingleCheck) -> Iterator[Finding]:
        for claim in self.claims:
            if self.is_draft(claim) and (finding := check.inspect(claim)) is not None:
                yield finding

    def findings(self, rule: Rule[Any], check: Check) -> Iterator[Finding]:
        if isinstance(check, PairCheck):
            return self.pairs(rule, check)
        if isinstance(check, DocumentCheck):
            return self.documents(check)
        return self.singles(check)


def run_rules(
    claims: Sequence[Claim],
    pack: RulePack,
    drafts: frozenset[str] | None = None,
    archive: ClaimSource | None = None,
    on_rule: Callable[[], None] | None = None,
) -> list[Finding]:
    """Findings of every enabled rule; with ``drafts``, only those involving a draft.

    With ``archive``, ``claims`` are compared with each other and with the archive claims
    that share a key with a draft claim (all of ``claims`` are drafts unless ``drafts``
    says otherwise); archive claims of a document also in ``claims`` are left out.
    ``on_rule`` is called as each rule starts (for progress bars).
    """
    if archive is not None and drafts is None:
        drafts = frozenset(claim.document for claim in claims)
    run = _Run(claims, drafts, archive)
    vocabulary = pack.vocabulary
    findings: dict[str, Finding] = {}
    for rule in pack.enabled():
        if on_rule is not None:
            on_rule()
        for finding in run.findings(rule, build_check(rule, vocabulary)):
            findings.setdefault(finding.id, finding)
    return sorted(
        findings.values(),
        key=lambda f: (claim_order(f.evidence[0].claim), f.rule, f.id),
    )
