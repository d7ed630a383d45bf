"""Counts, quantities, money and percentages in running text (see ``mentions.QuantityMention``)."""

from __future__ import annotations

from collections.abc import Sequence

from numcheck.extract.mentions import QuantityMention


def find_quantities(text: str, exclude: Sequence[tuple[int, int]] = ()) -> list[QuantityMention]:
    """Every number in ``text`` that is not inside one of the ``exclude`` spans (dates)."""
    raise NotImplementedError
