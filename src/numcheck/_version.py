"""The installed version, read from the package metadata (pyproject.toml is the one source).

A module of its own so ``numcheck --version`` and the SARIF report get it without
importing the extractors.
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("numcheck")
except PackageNotFoundError:  # pragma: no cover - a source tree that was never installed
    __version__ = "0+unknown"
