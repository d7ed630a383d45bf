"""How a shared scorer runs numcheck's adapters: with ``benchmarks/`` on its path.

The adapters (``dates_adapter``, ``quantities_adapter``) stay out of the installed package
because the dateparser baseline is a dev dependency; a scorer imports them by
``module:callable`` in a subprocess whose ``PYTHONPATH`` holds this folder.
"""

from __future__ import annotations

import os
from pathlib import Path

HERE = Path(__file__).resolve().parent


def adapter_env() -> dict[str, str]:
    """The environment of a scorer subprocess: ours, with ``benchmarks/`` on the path."""
    paths = [str(HERE), *filter(None, [os.environ.get("PYTHONPATH")])]
    return {**os.environ, "PYTHONPATH": os.pathsep.join(paths)}
