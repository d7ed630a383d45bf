"""Quantity extraction: numcheck beside bare quantulum3, scored in one run.

Runs the shared scorer (``../shared/benchmarks/quantities/score_quantities.py``) on
numcheck's adapter and on its built-in ``quantulum3-noclf`` baseline, one after the other
on the same machine, and returns a Markdown section. ``run()`` is what the benchmark
report calls; ``python benchmarks/bench_quantities.py`` prints the section.
"""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from scorer_env import adapter_env

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SCORER = SHARED / "benchmarks" / "quantities" / "score_quantities.py"
SYSTEMS = {
    "numcheck": "quantities_adapter:quantities",
    "quantulum3 (no classifier)": "quantulum3-noclf",
}
DATASETS = ("newsquant-dev", "q3-tests", "q3-ambig")
COLUMNS = {
    "F1": "F1",
    "F1_value_unit": "value+unit F1",
    "F1_value_mod": "value+change F1",
    "P": "P",
    "R": "R",
    "unit_acc": "unit acc.",
    "mod_acc_non_eq": "qualifier/change acc.",
}


def run() -> str:
    """The Markdown section: both systems' scores per dataset, speed, machine, command."""
    if not SCORER.exists():
        return f"## Quantities\n\nSkipped: the shared scorer is not at `{SCORER}`.\n"
    results = {name: _score(spec) for name, spec in SYSTEMS.items()}
    lines = [
        "## Quantities",
        "",
        "F1 counts a prediction right when it matches a gold quantity: by value on",
        "newsquant-dev (as in the CQE paper), by overlapping span on quantulum3's own tests.",
        "",
    ]
    for dataset in DATASETS:
        lines += [f"### {dataset}", "", "| system | " + " | ".join(COLUMNS.values()) + " |"]
        lines.append("|---" * (len(COLUMNS) + 1) + "|")
        for name, result in results.items():
            scores = result["scores"].get(dataset, {})
            cells = [_percent(scores.get(key)) for key in COLUMNS]
            lines.append(f"| {name} | " + " | ".join(cells) + " |")
        lines.append("")
    lines += ["### Speed (newsquant-dev, one call per sentence)", "", "| system | chars/s |"]
    lines.append("|---|---|")
    for name, result in results.items():
        speed = result["timing_newsquant_per_sentence"]["chars_per_s"]
        lines.append(f"| {name} | {speed:,.0f} |")
    ours, theirs = (r["timing_newsquant_per_sentence"]["chars_per_s"] for r in results.values())
    lines += [
        "",
        f"numcheck runs {ours / theirs:.1f} times as fast as quantulum3 in this run.",
        "",
        f"Machine: {platform.platform()}, {platform.processor() or platform.machine()}, "
        f"{os.cpu_count()} CPUs, Python {platform.python_version()}.",
        "",
        "Command (from the repository root, once per system):",
        "",
        "```",
        *(
            f"PYTHONPATH=benchmarks python {_relative(SCORER)} --extractor {spec} --time"
            for spec in SYSTEMS.values()
        ),
        "```",
        "",
    ]
    return "\n".join(lines)


def _score(extractor: str) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch) / "scores.json"
        subprocess.run(
            [sys.executable, str(SCORER), "--extractor", extractor, "--time", "--json", str(out)],
            check=True,
            capture_output=True,
            cwd=Path(__file__).resolve().parents[1],
            env=adapter_env(),
        )
        result: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return result


def _percent(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.1f}"


def _relative(path: Path) -> str:
    return os.path.relpath(path, Path(__file__).resolve().parents[1])


if __name__ == "__main__":
    print(run())
