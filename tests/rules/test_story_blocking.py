"""Story keys prune the pairs a batch compares, never the findings it reports."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterable

import pytest

import numcheck
from numcheck.claims import Claim
from numcheck.documents.model import Document
from numcheck.rules.checks.base import Reach
from numcheck.rules.checks.value_conflict import ValueConflict
from numcheck.rules.engine import _Postings
from numcheck.rules.scope import ScopeMatcher
from numcheck.testing.archive import article

_SYLLABLES = ["ka", "ro", "vel", "mi", "tan", "du", "so", "ber", "li", "na", "gor", "ess"]


def _name(rng: random.Random) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(3)).title()


def _stories(count: int, seed: int = 3) -> list[Document]:
    """Documents of as many stories, each naming its own people and town, all counting
    the same thing with different figures: one value-conflict group, no shared story."""
    rng = random.Random(seed)
    documents = []
    for i in range(count):
        mayor, chief, town = _name(rng), _name(rng), _name(rng)
        text = (
            f"Mayor {mayor} said the flood destroyed {rng.randint(10, 900)} homes in {town}. "
            f"Chief {chief} said {mayor} asked for help. {chief} and {mayor} toured {town}. "
            f"{mayor} thanked {chief}."
        )
        documents.append(numcheck.document(text, id=f"story-{i}", published="2024-03-04"))
    return documents


def _archive(count: int) -> list[Document]:
    """Generated wire stories that share names and places, with many findings."""
    documents = []
    for i in range(count):
        meta, body = article(i, seed=5).split("---\n", 2)[1:]
        published = next(
            line.split(": ", 1)[1] for line in meta.splitlines() if line.startswith("published")
        )
        documents.append(numcheck.document(body, id=f"wire-{i}", published=published))
    return documents


def _finding_ids(documents: list[Document]) -> list[str]:
    return sorted(f.id for f in numcheck.check(documents).findings)


@pytest.mark.parametrize("documents", [_archive(40), _stories(30)], ids=["wire", "stories"])
def test_story_keys_never_change_the_findings(
    documents: list[Document], monkeypatch: pytest.MonkeyPatch
) -> None:
    pruned = _finding_ids(documents)
    monkeypatch.setattr(ScopeMatcher, "story_keys", lambda self, claim, options: None)
    assert _finding_ids(documents) == pruned


def test_documents_of_different_stories_are_not_compared(monkeypatch: pytest.MonkeyPatch) -> None:
    """30 stories counting homes: without story keys every pair of the group is read."""
    compared: list[tuple[str, str]] = []
    original = ValueConflict.compare

    def counting(self: ValueConflict, a: Claim, b: Claim) -> object:
        compared.append((a.document, b.document))
        return original(self, a, b)

    monkeypatch.setattr(ValueConflict, "compare", counting)
    documents = _stories(30)
    assert not numcheck.check(documents).findings
    pruned = len(compared)
    compared.clear()
    monkeypatch.setattr(ScopeMatcher, "story_keys", lambda self, claim, options: None)
    assert not numcheck.check(documents).findings
    assert len(compared) >= 30 * 29 // 2
    assert pruned < len(compared) / 10


def _one_story_over_months() -> list[Document]:
    """One story retold over months with ever other figures: pairs near and past the
    rule's 60 days."""
    text = (
        "Mayor Kavelmi Rotan said the flood destroyed {n} homes in Tandu. Chief Soberli "
        "Nagor said Rotan asked for help. Nagor and Rotan toured Tandu."
    )
    days = [0, 10, 45, 59, 61, 100, 130, 200]
    return [
        numcheck.document(
            text.format(n=100 + 10 * i),
            id=f"retold-{i}",
            published=(dt.date(2024, 1, 1) + dt.timedelta(days=day)).isoformat(),
        )
        for i, day in enumerate(days)
    ]


@pytest.mark.parametrize(
    "documents", [_archive(40), _one_story_over_months()], ids=["wire", "retold"]
)
def test_time_windows_never_change_the_findings(
    documents: list[Document], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Partners read by publication day (value-conflict's ``max_days_apart``) are the
    ones the comparison would have accepted anyway: reading every dated partner finds
    the same."""
    pruned = _finding_ids(documents)

    def everyone(self: _Postings, reach: Reach) -> Iterable[int]:
        return self.members

    monkeypatch.setattr(_Postings, "meeting", everyone)
    assert _finding_ids(documents) == pruned
