"""numcheck: find numeric claims in news text and flag the ones that cannot all be true.

>>> import numcheck
>>> report = numcheck.check(["drafts/"], against=["archive/"])
>>> indexed = numcheck.index(["archive/"], "claims.sqlite")  # once, then for each draft:
>>> report = numcheck.check(["drafts/"], store="claims.sqlite")
"""

from importlib.metadata import PackageNotFoundError, version

from numcheck.api import check, document, extract, index
from numcheck.claims import Claim, Interval, Kind, Measure, Scope, Span, Window
from numcheck.documents import Document, DocumentStatus, load_paths
from numcheck.findings import Category, Evidence, Finding, Report, Severity
from numcheck.rules import RuleFileError, RulePack, load_rules
from numcheck.store import StoreError

try:  # one source of the version: pyproject.toml, as installed
    __version__ = version("numcheck")
except PackageNotFoundError:  # pragma: no cover - a source tree that was never installed
    __version__ = "0+unknown"

__all__ = [
    "Category",
    "Claim",
    "Document",
    "DocumentStatus",
    "Evidence",
    "Finding",
    "Interval",
    "Kind",
    "Measure",
    "Report",
    "RuleFileError",
    "RulePack",
    "Scope",
    "Severity",
    "Span",
    "StoreError",
    "Window",
    "__version__",
    "check",
    "document",
    "extract",
    "index",
    "load_paths",
    "load_rules",
]
