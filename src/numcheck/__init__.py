"""numcheck: find numeric claims in news text and flag the ones that cannot all be true.

>>> import numcheck
>>> report = numcheck.check(["drafts/"], against=["archive/"])
>>> indexed = numcheck.index(["archive/"], "claims.sqlite")  # once, then for each draft:
>>> report = numcheck.check(["drafts/"], store="claims.sqlite")

The names below are imported on first use (PEP 562), so ``numcheck --version`` and
``--help`` do not pay for the extractors' start-up.
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import TYPE_CHECKING, Any

from numcheck._version import __version__

if TYPE_CHECKING:
    from numcheck.api import check, document, extract, index
    from numcheck.claims import Claim, Interval, Kind, Measure, Scope, Span, Window
    from numcheck.documents import Document, DocumentStatus, load_paths
    from numcheck.findings import Category, Evidence, Finding, Report, Severity
    from numcheck.rules import RuleFileError, RulePack, load_rules
    from numcheck.run import InputError
    from numcheck.store import StoreError

_HOMES = {
    "numcheck.api": ("check", "document", "extract", "index"),
    "numcheck.claims": ("Claim", "Interval", "Kind", "Measure", "Scope", "Span", "Window"),
    "numcheck.documents": ("Document", "DocumentStatus", "load_paths"),
    "numcheck.findings": ("Category", "Evidence", "Finding", "Report", "Severity"),
    "numcheck.rules": ("RuleFileError", "RulePack", "load_rules"),
    "numcheck.run": ("InputError",),
    "numcheck.store": ("StoreError",),
}
_HOME_OF = {name: module for module, names in _HOMES.items() for name in names}

__all__ = [
    "Category",
    "Claim",
    "Document",
    "DocumentStatus",
    "Evidence",
    "Finding",
    "InputError",
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


def __getattr__(name: str) -> Any:
    module = _HOME_OF.get(name)
    if module is None:
        raise AttributeError(f"module 'numcheck' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__


class _Package(types.ModuleType):
    """Keeps ``numcheck.extract`` the function when the ``numcheck.extract`` package loads.

    Importing a subpackage sets it as an attribute of its parent; the function of the
    same name must win (the package stays reachable through ``sys.modules``).
    """

    def __setattr__(self, name: str, value: Any) -> None:
        if name in _HOME_OF and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
