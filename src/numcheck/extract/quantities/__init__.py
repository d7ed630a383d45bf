"""Counts, quantities, money and percentages in running text.

``scanner`` is the entry point; ``numbers`` reads figures, ``qualifiers`` the words that
bound them, ``units`` and ``quantulum`` their units, ``nouns`` the counted noun and
``exclusions`` what looks like a figure but is not a claim (years, scores, identifiers).
"""

from numcheck.extract.quantities.scanner import find_quantities

__all__ = ["find_quantities"]
