"""Units and currencies written beside a figure, normalized with pint (``numcheck.units``).

pint knows units and converts between them ("5 km" is "5,000 m") but reads almost any
word as a unit ("in", "a", "s"), so numcheck only accepts the forms listed in
``data/units.yaml`` and ``data/currencies.yaml`` and asks pint for names and
conversions. Matching is one compiled regex per direction, so a lookup costs microseconds.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal

from numcheck.extract.quantities.nouns import plurals
from numcheck.language.data import load_data
from numcheck.units import registry

UnitKind = Literal["quantity", "percent", "duration", "money"]

_PERCENT_UNITS = {"percent", "percentage_point", "basis_point"}
_CASE_SENSITIVE_LENGTH = 3


@dataclass(frozen=True, slots=True)
class Unit:
    """A unit numcheck reports: pint name or currency (ISO code when it has one)."""

    name: str
    kind: UnitKind
    spoken: str


@dataclass(frozen=True, slots=True)
class UnitMatch:
    """A unit found in text: ``text[start:end]`` is its surface form."""

    start: int
    end: int
    unit: Unit


def to_base_units(value: float, unit: str) -> tuple[float, str]:
    """``value`` in ``unit`` converted to SI base units: (5, "kilometer") -> (5000, "meter")."""
    quantity = registry().Quantity(value, unit).to_base_units()
    return float(quantity.magnitude), str(quantity.units)


@cache
def _units() -> dict[str, Unit]:
    """Surface form -> unit, physical units and currencies together."""
    ureg = registry()
    forms: dict[str, Unit] = {}
    entries: dict[str, list[str]] = load_data("units.yaml")
    for name, surfaces in entries.items():
        dimensions = ureg.parse_units(name).dimensionality  # pint must know every name
        kind: UnitKind = "quantity"
        if name in _PERCENT_UNITS:
            kind = "percent"
        elif dict(dimensions) == {"[time]": 1}:
            kind = "duration"
        unit = Unit(name, kind, _spoken(name))
        for form in _with_plurals(surfaces):
            forms.setdefault(form, unit)
    return forms


@cache
def _currencies() -> tuple[dict[str, Unit], dict[str, Unit]]:
    """(forms written before a figure, forms written after it) -> currency."""
    before: dict[str, Unit] = {}
    after: dict[str, Unit] = {}
    entries: dict[str, dict[str, Any]] = load_data("currencies.yaml")
    for spoken, entry in entries.items():
        unit = Unit(entry.get("code") or spoken, "money", spoken)
        for form in entry.get("before", []):
            before.setdefault(form, unit)
        for form in _with_plurals(entry.get("after", [])):
            after.setdefault(form, unit)
    return before, after


def _spoken(name: str) -> str:
    """pint expression as words: "mile / hour" -> "mile per hour"."""
    return name.replace(" / ", " per ").replace(" * ", " ").replace("_", " ")


def _with_plurals(surfaces: Iterable[str]) -> list[str]:
    """The forms and, for lower-case words of 3+ letters, their plurals ("Danish crowns")."""
    out: list[str] = []
    for form in surfaces:
        out.append(form)
        *head, last = form.split(" ")
        if last.isalpha() and last.islower() and len(last) >= _CASE_SENSITIVE_LENGTH:
            out.extend(" ".join([*head, plural]) for plural in plurals(last))
    return out


def _alternation(forms: Iterable[str], *, sensitive: bool) -> str:
    chosen = [f for f in forms if (len(f) <= _CASE_SENSITIVE_LENGTH) == sensitive]
    chosen.sort(key=len, reverse=True)
    return "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in chosen)


def _lookup(table: dict[str, Unit], surface: str) -> Unit:
    surface = re.sub(r"\s+", " ", surface)
    if surface in table:
        return table[surface]
    lowered = {k.lower(): v for k, v in table.items() if len(k) > _CASE_SENSITIVE_LENGTH}
    return lowered[surface.lower()]


@cache
def _after_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    forms = [*_units(), *_currencies()[1]]
    tail = r"(?![\w°%$€£])"
    return (
        re.compile(r"(?:" + _alternation(forms, sensitive=True) + r")" + tail),
        re.compile(r"(?:" + _alternation(forms, sensitive=False) + r")" + tail, re.I),
    )


def unit_after(text: str, pos: int) -> UnitMatch | None:
    """The unit or currency written at ``pos`` (right after a figure), longest form first."""
    best: re.Match[str] | None = None
    for pattern in _after_patterns():
        found = pattern.match(text, pos)
        if found and (best is None or found.end() > best.end()):
            best = found
    if best is None:
        return None
    surface = best[0]
    unit = _units().get(surface) or _currencies()[1].get(surface)
    if unit is None:
        table = {**_currencies()[1], **_units()}
        unit = _lookup(table, surface)
    return UnitMatch(best.start(), best.end(), unit)


@cache
def currency_before_pattern() -> str:
    """Regex fragment matching any currency form written before a figure."""
    forms = sorted(_currencies()[0], key=len, reverse=True)
    return "|".join(re.escape(f).replace(r"\ ", r"\s?") for f in forms)


def currency_before(surface: str) -> Unit:
    """The currency a form matched by ``currency_before_pattern`` stands for."""
    return _lookup(_currencies()[0], surface.replace(" ", ""))


def unit_named(name: str) -> Unit:
    """The unit numcheck reports as ``name`` ("year", "GBP")."""
    return _by_name()[name]


@cache
def _by_name() -> dict[str, Unit]:
    units = (*_units().values(), *_currencies()[0].values(), *_currencies()[1].values())
    return {unit.name: unit for unit in units}


def spoken_name(unit_name: str) -> str:
    """The unit's name in words, for readers and scorers: "USD" -> "dollar"."""
    unit = _by_name().get(unit_name)
    return unit.spoken if unit else _spoken(unit_name)
