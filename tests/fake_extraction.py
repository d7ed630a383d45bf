"""A tiny stand-in extractor for report and CI tests: "<number> homes" is a count of homes.

Report formats, suppressions and exit codes do not depend on how well numbers are read;
this keeps their tests exact and independent of the extractor's progress.
"""

from __future__ import annotations

import re

from numcheck.claims import Claim, Interval, Kind, Measure, Span
from numcheck.documents.model import Document
from numcheck.vocabulary import Vocabulary

_COUNT = re.compile(r"(\d[\d,]*) homes")


def extract_homes(document: Document, vocabulary: Vocabulary | None = None) -> list[Claim]:
    text = document.text
    claims = []
    for match in _COUNT.finditer(text):
        start = max(text.rfind(".", 0, match.start()), text.rfind("\n", 0, match.start())) + 1
        while start < match.start() and text[start] == " ":
            start += 1
        end = text.find(".", match.end())
        end = len(text) if end < 0 else end + 1
        line, column = document.line_column(match.start())
        value = float(match.group(1).replace(",", ""))
        claims.append(
            Claim(
                document=document.id,
                kind=Kind.COUNT,
                quote=match.group(0),
                span=Span(start=match.start(), end=match.end(), line=line, column=column),
                sentence=text[start:end],
                sentence_start=start,
                value=Interval.point(value),
                stated=value,
                measure=Measure(head="home", noun="homes", text="homes"),
                as_of=document.published,
            )
        )
    return claims
