"""The YAML data files under ``numcheck/data``, read once per process.

Newsrooms extend numcheck by editing these files, so the extractors read their words
from here rather than from code.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml


@cache
def load_data(name: str) -> Any:
    """The parsed content of ``numcheck/data/<name>``."""
    text = (resources.files("numcheck") / "data" / name).read_text(encoding="utf-8")
    return yaml.safe_load(text)
