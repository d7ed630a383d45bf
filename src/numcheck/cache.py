"""numcheck's folder of derived files (lemma index, pint's parsed definitions).

Start-up matters for a CI gate on one draft: lemminflect reads two gzipped tables
(0.6 s) and pint parses its definitions (0.4 s) on every run. Both are derived from
installed packages, so they are built once into the user's cache folder and reused.
``NUMCHECK_CACHE_DIR`` chooses the folder; set it empty to use no cache at all
(everything still works, only slower to start).
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

import platformdirs

CACHE_ENV = "NUMCHECK_CACHE_DIR"


@cache
def cache_dir() -> Path | None:
    """The writable cache folder, or None when caching is off or impossible."""
    chosen = os.environ.get(CACHE_ENV)
    if chosen == "":
        return None
    folder = Path(chosen) if chosen else Path(platformdirs.user_cache_dir("numcheck"))
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return folder if os.access(folder, os.W_OK | os.X_OK) else None
