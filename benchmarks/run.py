"""``make bench``: run every ``benchmarks/bench_*.py`` and print its Markdown section."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    for path in sorted(HERE.glob("bench_*.py")):
        spec = importlib.util.spec_from_file_location(path.stem, path)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        print(module.run(), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
