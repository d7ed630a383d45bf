"""Units: the one pint registry, and units for comparison (currencies kept apart: no
fixed rates)."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

import pint

from numcheck.cache import cache_dir

_CURRENCY = re.compile(r"^[A-Z]{3}$")


@cache
def registry() -> Any:
    """The pint registry, with the units news writes about that pint lacks.

    pint parses its definition files on every start (0.4 s) unless given a cache
    folder, where it keeps them parsed; ``numcheck.cache`` says where, or none.
    """
    folder = cache_dir()
    try:
        ureg: Any = pint.UnitRegistry(cache_folder=folder / "pint" if folder else None)
    except Exception:  # a cache another process is writing, or a damaged one
        ureg = pint.UnitRegistry()
    ureg.define("percentage_point = 0.01")
    ureg.define("basis_point = 0.0001")
    ureg.define("ppb = 1e-9")
    return ureg


@cache
def base_unit(unit: str | None) -> tuple[str, float] | None:
    """``(dimension key, factor to base units)``: km -> ("[length]", 1000.0).

    Counts (no unit) share the key "count"; a currency is its own dimension; a unit pint
    does not know is compared only with itself. Returns None for nothing comparable.
    """
    if unit is None or unit == "":
        return ("count", 1.0)
    if _CURRENCY.match(unit):
        return (f"currency:{unit}", 1.0)
    if unit in ("percent", "percentage_point"):
        return (unit, 1.0)
    try:
        quantity = registry().Quantity(1.0, unit).to_base_units()
    except (pint.errors.PintError, AttributeError, TypeError, ValueError, AssertionError):
        return (f"unit:{unit}", 1.0)
    return (str(quantity.dimensionality), float(quantity.magnitude))
