"""One draft figure, one finding: pair findings against the archive grouped by the draft's claim.

A figure in a draft that disagrees with 55 archive claims is one thing for the editor to
fix, not 55. Findings of one rule whose lead evidence is the same draft claim and whose
other evidence lies in the archive become one finding: the most severe one leads, and
the evidence lists the draft claim, then the archive claims by publication date.

The id of a grouped finding hashes the rule and the draft claim only, so it does not
change when one more archive article agrees or disagrees: a baseline that accepted the
figure keeps accepting it. A lone pair keeps its pair id (the same whichever side is the
draft), so the id changes once, when a second archive claim joins the first.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

from numcheck.findings import Evidence, Finding, finding_id

_GROUP = "grouped"


def _key(finding: Finding, drafts: frozenset[str]) -> tuple[str, str, int, int] | None:
    """The rule and draft claim a finding belongs to, or None when it is not draft vs archive."""
    if len(finding.evidence) < 2:
        return None
    lead, *others = finding.evidence
    if lead.document not in drafts or any(e.document in drafts for e in others):
        return None
    return (finding.rule, lead.document, lead.start, lead.end)


def group_by_draft_claim(
    findings: Iterable[Finding],
    drafts: frozenset[str],
    published: Mapping[str, dt.date | None],
) -> tuple[Finding, ...]:
    """The findings with those of one rule on one draft claim merged, in first-seen order."""
    groups: dict[tuple[str, str, int, int], list[Finding]] = {}
    order: list[tuple[str, str, int, int] | Finding] = []
    for finding in findings:
        key = _key(finding, drafts)
        if key is None:
            order.append(finding)
            continue
        if key not in groups:
            groups[key] = []
            order.append(key)
        groups[key].append(finding)
    return tuple(
        item
        if isinstance(item, Finding)
        else groups[item][0]
        if len(groups[item]) == 1
        else _merge(groups[item], published)
        for item in order
    )


def _merge(group: list[Finding], published: Mapping[str, dt.date | None]) -> Finding:
    lead = max(group, key=lambda f: f.severity.rank)  # first of the most severe
    draft = lead.evidence[0]
    archive: dict[tuple[str, int, int], Evidence] = {}
    for finding in group:
        for evidence in finding.evidence[1:]:
            archive.setdefault((evidence.document, evidence.start, evidence.end), evidence)

    def day(e: Evidence) -> dt.date | None:
        return published.get(e.document) or e.claim.as_of  # a store's documents: as_of

    by_date = sorted(archive.values(), key=lambda e: (day(e) or dt.date.min, e.document, e.start))
    more = len(group) - 1
    claims = "claim" if more == 1 else "claims"
    message = lead.message if not more else f"{lead.message} (and {more} more archive {claims})"
    explanation = lead.explanation
    if more:
        listed = "; ".join(f"{_date(day(e))} {e.document}: {e.quote!r}" for e in by_date)
        explanation = f"{lead.explanation} Archive claims, oldest first: {listed}."
    caveats = tuple(dict.fromkeys(c for f in group for c in f.caveats))
    return lead.model_copy(
        update={
            "id": finding_id(f"{lead.rule}:{_GROUP}", (draft.claim,)),
            "message": message,
            "explanation": explanation,
            "caveats": caveats,
            "evidence": (draft, *by_date),
        }
    )


def _date(day: dt.date | None) -> str:
    return day.isoformat() if day else "undated"
