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
SECTIONS = [
    "bench_quantities",
    "bench_dates",
    "bench_xdoc",
    "bench_scale",
    "bench_parallel",
    "bench_precision",
    "bench_startup",
]
# Run only when named (``make robust``), kept in the page when other sections are re-run.
ON_REQUEST = ["robustness"]


def machine() -> str:
    return (
        f"{platform.machine()}, {os.cpu_count()} CPUs, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}"
    )


_MARK = "<!-- section: {} -->"


def _previous_sections() -> dict[str, str]:
    """The sections of the current docs/benchmarks.md, so one section can be re-run alone."""
    if not DOCS.is_file():
        return {}
    text = DOCS.read_text(encoding="utf-8")
    found: dict[str, str] = {}
    for name in [*SECTIONS, *ON_REQUEST]:
        mark = _MARK.format(name)
        if mark in text:
            body = text.split(mark, 1)[1]
            found[name] = body.split("<!-- section: ", 1)[0].rstrip() + "\n"
    return found


def main(names: list[str]) -> int:
    sys.path.insert(0, str(HERE))
    parts = [
        "# Benchmarks\n",
        f"Written by `make bench` (`python benchmarks/run.py`) on {dt.date.today().isoformat()}.",
        f"Machine: {machine()}. Every figure below is from that one run; each system is",
        "measured beside its baseline in the same run, so the ratios hold even when the",
        "machine is busy.\n",
    ]
    if names and DOCS.is_file():  # one section re-run: the page's header stays the full run's
        header = DOCS.read_text(encoding="utf-8").split("<!-- section: ", 1)[0].rstrip("\n")
        parts = [header + "\n"]
    sections = _previous_sections()
    if not names:  # a full run rewrites the default sections and keeps the others
        sections = {name: body for name, body in sections.items() if name in ON_REQUEST}
    for name in names or SECTIONS:
        started = time.perf_counter()
        module = importlib.import_module(name)
        sections[name] = module.run().rstrip() + "\n"
        print(f"{name}: {time.perf_counter() - started:.0f} s", file=sys.stderr)
    parts += [
        f"{_MARK.format(name)}\n{sections[name].lstrip()}"
        for name in [*SECTIONS, *ON_REQUEST]
        if name in sections
    ]
    DOCS.write_text("\n".join(parts), encoding="utf-8")
    print(f"wrote {DOCS}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
