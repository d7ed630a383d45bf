"""``make bench``: run every ``benchmarks/bench_*.py`` and print its Markdown section."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    sys.path.insert(0, str(HERE))  # benchmarks that spawn processes re-import themselves
    for path in sorted(HERE.glob("bench_*.py")):
        print(importlib.import_module(path.stem).run(), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
