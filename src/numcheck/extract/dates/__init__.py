"""Dates and times in running text: recognition, TIMEX3 resolution and windows.

``tagger`` is the entry point; ``patterns`` recognizes spans, ``resolve`` normalizes them
against the publication date (``anchor``, ``tense``, ``calendar``), ``windows`` reads
"since", "by" and "between"; ``lexicon`` holds month and weekday names.
"""

from numcheck.extract.dates.tagger import find_dateline, tag_dates

__all__ = ["find_dateline", "tag_dates"]
