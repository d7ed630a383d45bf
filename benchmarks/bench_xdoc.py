"""Cross-document findings on real news (xdoc), and whole-article extraction speed.

The xdoc scorer judges every finding numcheck reports on 21 real clusters; speed is
full extraction (dates, numbers, the parse and frames) on the same 90 articles beside
bare quantulum3 called once per sentence, its fastest use, in the same run.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent / "shared" / "benchmarks" / "xdoc"
NUMCHECK = Path(sys.executable).with_name("numcheck")

# Measured with the checker as it stood before claim frames (the scorer's README).
BEFORE = {"findings": 91, "precision": 0.12, "recall": 0.20, "agreeing": 0.002}


def _articles() -> list[dict[str, str]]:
    docs: list[dict[str, str]] = []
    for path in sorted((SHARED / "clusters").glob("*.jsonl")):
        docs.extend(json.loads(line) for line in path.read_text(encoding="utf-8").splitlines())
    return docs


def _scores() -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "scores.json"
        subprocess.run(
            [
                sys.executable,
                str(SHARED / "score_xdoc.py"),
                "--command",
                str(NUMCHECK),
                "--json",
                str(out),
            ],
            check=True,
            capture_output=True,
        )
        data: dict[str, float] = json.loads(out.read_text(encoding="utf-8"))
    return data


def _speed(docs: list[dict[str, str]]) -> tuple[float, float, int]:
    """chars/s of numcheck's full extraction and of quantulum3 per sentence."""
    from quantulum3 import parser as q3

    import numcheck
    from numcheck.extract.pipeline import preload
    from numcheck.extract.sentences import split_sentences

    chars = sum(len(d["text"]) for d in docs)
    # One-time loads are left out of both figures: the parser pipeline and quantulum3's
    # unit table, which numcheck builds at the first rare unit symbol and the baseline
    # would otherwise find already built.
    preload()
    numcheck.extract(numcheck.document(docs[0]["text"], published="2020-01-01"))
    started = time.process_time()
    for d in docs:
        numcheck.extract(numcheck.document(d["text"], id=d["id"], published=d.get("published")))
    ours = chars / (time.process_time() - started)
    sentences = [s.text for d in docs for s in split_sentences(d["text"])]
    started = time.process_time()
    for sentence in sentences:
        try:
            q3.parse(sentence, classifier_path=None)
        except Exception:  # quantulum3 raises on some inputs; the time still counts
            continue
    theirs = chars / (time.process_time() - started)
    return ours, theirs, chars


def run() -> str:
    if not SHARED.is_dir():
        return (
            "## Cross-document findings (xdoc)\n\nSkipped: ../shared/benchmarks/xdoc is absent.\n"
        )
    scores = _scores()
    ours, theirs, chars = _speed(_articles())
    get = scores.get
    return "\n".join(
        [
            "## Cross-document findings (xdoc)",
            "",
            "`python ../shared/benchmarks/xdoc/score_xdoc.py --command .venv/bin/numcheck`"
            " (21 real clusters, 90 articles; every finding judged). Goal: precision ≥ 0.80,"
            " recall ≥ 0.50, agreeing pairs flagged ≤ 0.005.",
            "",
            "| | findings | precision | recall (quantities) | recall (pairs) | agreeing flagged |",
            "|---|---|---|---|---|---|",
            f"| before claim frames | {BEFORE['findings']} | {BEFORE['precision']:.2f} | "
            f"{BEFORE['recall']:.2f} | 0.06 | {BEFORE['agreeing']:.3f} |",
            f"| numcheck with frames | {get('findings')} | {get('precision', 0):.2f} | "
            f"{get('quantity_recall', 0):.2f} | {get('pair_recall', 0):.2f} | "
            f"{get('agree_flag_rate', 0):.3f} |",
            "",
            f"Whole-article extraction on the same {chars:,} characters (CPU time, one process):"
            f" numcheck with the parse {ours:,.0f} chars/s; quantulum3, one call per sentence,"
            f" {theirs:,.0f} chars/s ({ours / theirs:.1f}× quantulum3).",
            "",
        ]
    )


if __name__ == "__main__":
    print(run())
