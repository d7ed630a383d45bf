"""Entry points the shared benchmark scorers call (``module:callable``).

``quantities(text)`` for ``score_quantities.py`` and ``dates(text, dct)`` for
``score_dates.py``; each adapts one extractor's mentions to the scorer's format.
"""

from numcheck.benchmarks.dates_adapter import dates
from numcheck.benchmarks.quantities_adapter import quantities

__all__ = ["dates", "quantities"]
