"""Findings on real news that nobody planted: how loud numcheck is on an archive.

Checks the 256 TempEval-3 training documents (TimeBank and AQUAINT: WSJ business news,
wire stories, and clusters of several outlets on one event such as the 1998 embassy
bombings) against each other, and the iraq-us-troops corpus against its expected
findings. The first set has no gold findings: every finding there is either a real drift
between outlets or a false alarm, so the count is an upper bound on false findings.
"""

from __future__ import annotations

import json
import sys
import time
from collections import Counter
from pathlib import Path

import yaml

import numcheck
from numcheck.documents import load_paths

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def _archive_section() -> list[str]:
    docs = []
    for name in ("timebank.jsonl", "aquaint.jsonl"):
        for line in (
            (SHARED / "benchmarks" / "dates" / name).read_text(encoding="utf-8").splitlines()
        ):
            row = json.loads(line)
            docs.append(numcheck.document(row["text"], id=row["doc_id"], published=row["dct"]))
    started = time.perf_counter()
    report = numcheck.check(docs)
    seconds = time.perf_counter() - started
    counts = Counter((f.rule, f.category.value, f.severity.value) for f in report.findings)
    chars = sum(len(d.text) for d in docs)
    lines = [
        f"All {len(docs)} documents ({chars:,} characters) checked against each other in "
        f"{seconds:.1f} s (extraction included): {len(report.findings)} findings.",
        "",
        "| rule | category | severity | findings |",
        "|---|---|---|---:|",
    ]
    lines += [f"| {r} | {c} | {s} | {n} |" for (r, c, s), n in sorted(counts.items())]
    return lines


def _corpus_section() -> list[str]:
    corpus = SHARED / "corpus" / "iraq-us-troops"
    expected = yaml.safe_load((corpus / "expected.yaml").read_text(encoding="utf-8"))
    meta = {k: {"published": v["published"]} for k, v in expected["documents"].items()}
    report = numcheck.check(load_paths([corpus], meta).documents)
    return [
        f"iraq-us-troops (5 articles): {len(report.findings)} finding(s); expected "
        f"{len(expected['must_flag'])} must-flag pair(s) and no finding on "
        f"{len(expected['must_not_flag'])} must-not-flag pairs (asserted by tests/test_corpus.py).",
        "",
        *[f"- {f.severity.value} {f.category.value}: {f.message}" for f in report.findings],
    ]


def run() -> str:
    head = ["## Precision on real news", "", (__doc__ or "").strip().splitlines()[0], ""]
    if not SHARED.is_dir():
        return "\n".join([*head, f"Skipped: {SHARED} not found."])
    command = ["Command: `python benchmarks/run.py bench_precision`.", ""]
    return "\n".join([*head, *command, *_archive_section(), "", *_corpus_section()]) + "\n"


if __name__ == "__main__":
    sys.stdout.write(run())
