"""Benchmark section for the temporal tagger: numcheck beside dateparser, same scorer.

Runs ``../shared/benchmarks/dates/score_dates.py`` (TempEval-3 measures) on TimeBank and
AQUAINT for ``dates_adapter:dates`` (``benchmarks/`` on the path) and for the dateparser baseline,
each in a subprocess, and returns a Markdown section. ``python benchmarks/bench_dates.py``
prints it.
"""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
from pathlib import Path

from scorer_env import adapter_env

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
DATA = SHARED / "benchmarks" / "dates"
SCORER = DATA / "score_dates.py"
SYSTEMS = {
    "numcheck": "dates_adapter:dates",
    "dateparser": "dates_adapter:dateparser_baseline",
}
FILES = ("timebank.jsonl", "aquaint.jsonl")


def _score(data: Path, extractor: str) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, str(SCORER), str(data), extractor, "--json"],
        capture_output=True, text=True, check=True, env=adapter_env(),
    )  # fmt: skip
    result: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def run() -> str:
    """The Markdown section (or a note saying why it was skipped)."""
    head = "## Dates (TempEval-3 scorer)\n\n"
    if not SCORER.exists():
        return head + f"Skipped: the shared benchmark data is not at `{DATA}`.\n"
    rows = []
    for name in FILES:
        for system, extractor in SYSTEMS.items():
            r = _score(DATA / name, extractor)
            rows.append(
                f"| {system} | {name} | {r['strict_F1'] * 100:.1f} "
                f"| {r['relaxed_F1'] * 100:.1f} | {r['type_acc'] * 100:.1f} "
                f"| {r['value_F1'] * 100:.1f} | {r['chars_per_s']:,.0f} |"
            )
    machine = f"{platform.machine()}, {os.cpu_count()} CPUs, {platform.system()}, "
    machine += f"Python {platform.python_version()}"
    return (
        head
        + "| system | data | strict span F1 | relaxed span F1 | type acc | value F1 | chars/s |\n"
        + "|---|---|---|---|---|---|---|\n"
        + "\n".join(rows)
        + f"\n\nMachine: {machine}; one process per run, timing by the scorer (after one"
        " warm-up document); dateparser is `search_dates` with RELATIVE_BASE = DCT, every"
        " hit a DATE.\n\nCommand (from the repository root):\n\n"
        "```\nPYTHONPATH=benchmarks python ../shared/benchmarks/dates/score_dates.py "
        "../shared/benchmarks/dates/timebank.jsonl dates_adapter:dates\n"
        "```\n"
    )


if __name__ == "__main__":
    print(run())
