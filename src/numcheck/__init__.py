"""numcheck: find numeric claims in news text and flag the ones that cannot all be true."""

__version__ = "0.1.0"
