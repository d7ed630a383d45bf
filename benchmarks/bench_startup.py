"""Start-up: how long ``numcheck`` takes before it does any work, and a one-draft check.

Every command runs in a fresh process, as a shell or pre-commit starts it; each figure is
the median of several runs. ``python -X importtime`` says which imports the time goes to.

    .venv/bin/python benchmarks/bench_startup.py      # prints the Markdown section
"""

from __future__ import annotations

import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RUNS = 5
EXAMPLES = [
    str(ROOT / "examples" / "drafts"),
    "--against",
    str(ROOT / "examples" / "archive"),
]
DRAFT = (
    "---\nid: draft\npublished: 2024-02-10\n---\n"
    "Militias have carried out over 165 attacks since mid-October, officials said on\n"
    "Friday, February 9, 2024. The United States has some 3,500 soldiers in Iraq.\n"
)


def _wall(args: list[str]) -> tuple[float, float]:
    """Median wall time and median CPU time (user + system) of the command."""
    walls, cpus = [], []
    for _ in range(RUNS):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        subprocess.run(args, capture_output=True, check=False)
        walls.append(time.perf_counter() - started)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(walls), statistics.median(cpus)


def _imports(statement: str, top: int = 6) -> list[tuple[str, float]]:
    """The slowest top-level imports (cumulative ms) of ``statement``."""
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", statement], capture_output=True, text=True
    )
    found: dict[str, float] = {}
    for line in result.stderr.splitlines():
        match = re.match(r"import time:\s+\d+ \|\s+(\d+) \|( *)(\S+)", line)
        if match and len(match[2]) <= 3:  # top level and one below
            found[match[3]] = max(found.get(match[3], 0.0), int(match[1]) / 1000)
    return sorted(found.items(), key=lambda item: -item[1])[:top]


def run() -> str:
    numcheck = [sys.executable, "-m", "numcheck"]
    with tempfile.TemporaryDirectory() as folder:
        draft = Path(folder) / "draft.md"
        draft.write_text(DRAFT, encoding="utf-8")
        rows = [
            ("numcheck --version", _wall([*numcheck, "--version"])),
            ("numcheck check --help", _wall([*numcheck, "check", "--help"])),
            (
                "numcheck check draft.md (one short draft, bundled rules)",
                _wall([*numcheck, "check", str(draft), "--no-config", "-q"]),
            ),
            (
                "python -c 'load the spaCy pipeline' (what the claim-frame parse loads)",
                _wall(
                    [
                        sys.executable,
                        "-c",
                        "from numcheck.extract.frames.parse import parser; parser()",
                    ]
                ),
            ),
            (
                "numcheck check examples/drafts --against examples/archive",
                _wall([*numcheck, "check", *EXAMPLES, "--no-config", "-q"]),
            ),
        ]
    cli = _imports("import numcheck.cli")
    run_imports = _imports("import numcheck.run, numcheck.extract.pipeline")
    lines = [
        "## Start-up",
        "",
        "Wall time of a fresh process, median of "
        f"{RUNS} runs (`python benchmarks/run.py bench_startup`). The target: `--version` and "
        "`--help` under 0.3 s, a check of one short draft under 2 s including every load.",
        "",
        f"Load average when measured: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs "
        "(a shared machine: wall time stretches with it, CPU time much less).",
        "",
        "| command | wall (s) | CPU (s) |",
        "|---|---:|---:|",
        *[f"| `{name}` | {wall:.2f} | {cpu:.2f} |" for name, (wall, cpu) in rows],
        "",
        "Slowest imports (`python -X importtime`, cumulative ms):",
        "",
        "| `import numcheck.cli` (all `--version` and `--help` load) | ms |",
        "|---|---:|",
        *[f"| {name} | {ms:.0f} |" for name, ms in cli],
        "",
        "| `import numcheck.run, numcheck.extract.pipeline` (what a check loads) | ms |",
        "|---|---:|",
        *[f"| {name} | {ms:.0f} |" for name, ms in run_imports],
        "",
        "Before this work every command imported `inflect` (4.2 s measured here with "
        "`-X importtime`: typeguard recompiles its methods on import): `numcheck --help` "
        "took 4.5 s and a one-draft check 3.4 s. Now the CLI imports only argparse and the "
        "version until a command runs, noun lemmas come from lemminflect, and quantulum3's "
        "unit table (which still uses inflect) is built only when a figure is followed by "
        "a rare unit symbol, with typeguard's decorator a no-op during that import. "
        "Since claim frames come from a spaCy parse, a check also imports spaCy and loads "
        "its small English pipeline (the row above): that load is now most of a one-draft "
        "check. Two loads that were 0.7 s of every check are now built once into the "
        "cache folder (`numcheck/cache.py`, `NUMCHECK_CACHE_DIR`): lemminflect's tables, "
        "which the lemmatizer front (`numcheck/language/lemmas.py`) answers from an SQLite "
        "index a word at a time, and pint's parsed unit definitions (its `cache_folder`). "
        "The figures above are with a warm cache; the first run on a machine builds it "
        "(about 2 s more, once).",
    ]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(run())
