"""Issue 13: the engine at batch scale, and reports independent of input order."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from numcheck.cli import main
from numcheck.rules import engine

STORIES = [
    "Rebels attacked the base 110 times since October, officials said.",
    "Rebels attacked the base 150 times since October, officials said.",
    "Rebels attacked the base 90 times since October, officials said.",
    "The strike on Friday, January 4, 2024 hit the base.",
]


def _pairs(group_size: int, drafts: set[int]) -> list[tuple[int, int]]:
    claims = [_Stub(n) for n in range(group_size)]
    made = engine._pairs(claims, "both", lambda c: c.n in drafts)  # type: ignore[arg-type]
    return [(a.n, b.n) for a, b in made]  # type: ignore[attr-defined]


class _Stub:
    def __init__(self, n: int) -> None:
        self.n = n
        self.document = f"doc-{n:03d}"
        self.quote = str(n)

        class _Span:
            start = end = 0

        self.span = _Span()


def test_issue13_engine_pairs_each_pair_once_without_a_pair_set() -> None:
    pairs = _pairs(6, {1, 3, 4})
    assert len(pairs) == len(set(pairs))
    expected = {(i, j) for i in range(6) for j in range(i + 1, 6) if {i, j} & {1, 3, 4}}
    assert set(pairs) == expected


@pytest.mark.parametrize("fmt", ["json", "sarif", "html", "text", "github"])
def test_issue13_shuffled_inputs_give_byte_identical_reports(
    tmp_path: Path, fmt: str, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = []
    for n in range(8):
        path = tmp_path / f"story-{n}.txt"
        path.write_text(STORIES[n % len(STORIES)] + "\n", encoding="utf-8")
        paths.append(str(path))
    (tmp_path / "broken.txt").write_bytes(b"caf\xe9 5")
    paths.append(str(tmp_path / "broken.txt"))
    outputs = set()
    for seed in range(3):
        random.Random(seed).shuffle(paths)
        main(["check", *paths, "--format", fmt, "--no-config", "--fail-on", "never"])
        outputs.add(capsys.readouterr().out)
    assert len(outputs) == 1
