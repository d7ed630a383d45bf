"""Run every benchmark and write docs/benchmarks.md (``make bench``).

Each ``bench_*.py`` module beside this file has ``run() -> str`` returning its Markdown
section, measured against its baseline in the same run.
"""

from __future__ import annotations

import datetime as dt
import importlib
import os
import platform
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DOCS = HERE.parent / "docs" / "benchmarks.md"
SECTIONS = ["bench_quantities", "bench_dates", "bench_scale"]


def machine() -> str:
    return (
        f"{platform.machine()}, {os.cpu_count()} CPUs, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}"
    )


def main(names: list[str]) -> int:
    sys.path.insert(0, str(HERE))
    parts = [
        "# Benchmarks\n",
        f"Written by `make bench` (`python benchmarks/run.py`) on {dt.date.today().isoformat()}.",
        f"Machine: {machine()}. Every figure below is from that one run; each system is",
        "measured beside its baseline in the same run, so the ratios hold even when the",
        "machine is busy.\n",
    ]
    for name in names or SECTIONS:
        started = time.perf_counter()
        module = importlib.import_module(name)
        parts.append(module.run().rstrip() + "\n")
        print(f"{name}: {time.perf_counter() - started:.0f} s", file=sys.stderr)
    DOCS.write_text("\n".join(parts), encoding="utf-8")
    print(f"wrote {DOCS}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
