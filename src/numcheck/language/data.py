"""The language data files under ``numcheck/data``: one loader, read once per process.

Newsrooms extend numcheck by editing these files (each opens with its format), so the
extractors read their words from here rather than from code. The files also decide what
a claim store holds, so ``data_fingerprint`` hashes them with the numcheck version.
"""

from __future__ import annotations

import hashlib
from functools import cache
from importlib import resources
from typing import Any

import yaml

_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: 10x faster to read


@cache
def load_data(name: str) -> Any:
    """The parsed content of ``numcheck/data/<name>`` (safe YAML: plain data only)."""
    text = (resources.files("numcheck") / "data" / name).read_text(encoding="utf-8")
    return yaml.load(text, Loader=_Loader)


@cache
def data_fingerprint() -> str:
    """A hash of every bundled data file and the numcheck version: what extraction reads."""
    from numcheck._version import __version__

    digest = hashlib.sha256(__version__.encode())
    folder = resources.files("numcheck") / "data"
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".yaml"):
            digest.update(f"\0{entry.name}\0".encode())
            digest.update(entry.read_bytes())
    return digest.hexdigest()[:16]
