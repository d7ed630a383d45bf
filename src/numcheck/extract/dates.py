"""Temporal expressions in running text, normalized to TIMEX3 (see ``mentions.Timex``)."""

from __future__ import annotations

import datetime as dt

from numcheck.extract.mentions import Timex


def tag_dates(text: str, dct: dt.date | None = None) -> list[Timex]:
    """Every temporal expression in ``text``, resolved against the publication date ``dct``."""
    raise NotImplementedError
