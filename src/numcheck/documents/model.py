"""A document as numcheck reads it: visible text plus a map back to the source file."""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

from pydantic import BaseModel, ConfigDict


@dataclass(frozen=True, slots=True)
class Segment:
    """``length`` characters of text starting at ``text_start`` come from ``source_start``.

    ``verbatim`` segments map character for character; the others (an HTML entity such
    as ``&amp;``) map every character to the start of their source.
    """

    text_start: int
    source_start: int
    length: int
    verbatim: bool = True


@dataclass(frozen=True)
class OffsetMap:
    """Maps offsets in a document's text to line and column in its source file.

    Columns are 1-based and count Unicode code points, as SARIF's default does.
    ``line_offset`` shifts lines for documents that start inside a file (JSONL).
    """

    source: str
    segments: tuple[Segment, ...] = ()
    line_offset: int = 0
    _line_starts: tuple[int, ...] = field(init=False, repr=False, compare=False)
    _seg_starts: tuple[int, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        starts = [0]
        starts.extend(i + 1 for i, ch in enumerate(self.source) if ch == "\n")
        object.__setattr__(self, "_line_starts", tuple(starts))
        object.__setattr__(self, "_seg_starts", tuple(s.text_start for s in self.segments))

    def source_offset(self, text_offset: int) -> int:
        if not self.segments:
            return text_offset
        i = max(bisect.bisect_right(self._seg_starts, text_offset) - 1, 0)
        seg = self.segments[i]
        delta = text_offset - seg.text_start
        if not seg.verbatim:
            return seg.source_start
        return seg.source_start + max(0, delta)

    def line_column(self, text_offset: int) -> tuple[int, int]:
        offset = self.source_offset(text_offset)
        line = bisect.bisect_right(self._line_starts, offset) - 1
        return line + 1 + self.line_offset, offset - self._line_starts[line] + 1


class Document(BaseModel):
    """One article: its id, visible text, publication date and where it came from."""

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    id: str
    text: str
    source: str
    published: dt.date | None = None
    title: str | None = None
    url: str | None = None
    offsets: OffsetMap | None = None

    def line_column(self, offset: int) -> tuple[int, int]:
        mapping = self.offsets or OffsetMap(self.text)
        return mapping.line_column(offset)


class DocumentStatus(BaseModel):
    """Every input appears in a report: checked, or with the error that stopped it."""

    model_config = ConfigDict(frozen=True)

    id: str
    source: str
    published: dt.date | None = None
    status: Literal["checked", "error"] = "checked"
    error: str | None = None
