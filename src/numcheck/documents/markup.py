"""Visible text of Markdown and HTML sources, with an offset map back to the source."""

from __future__ import annotations

import re
from collections.abc import Iterable
from html import unescape
from html.parser import HTMLParser

from numcheck.documents.model import OffsetMap, Segment

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)^---[ \t]*$\r?\n?", re.S | re.M)
_FENCE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})[^\n]*\n.*?(?:^[ \t]{0,3}\1[ \t]*$|\Z)", re.S | re.M)

# Tags whose content a reader never sees.
_INVISIBLE = frozenset({"script", "style", "head", "title", "template", "noscript", "svg"})
# Tags that end a block of text: a sentence never runs across them.
_BLOCK = frozenset(
    {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td",
     "th", "table", "section", "article", "header", "footer", "blockquote", "pre", "hr",
     "figcaption", "figure", "main", "nav", "aside", "dd", "dt"}
)  # fmt: skip


def split_front_matter(source: str) -> tuple[str | None, int]:
    """The YAML front matter of a Markdown file (or None) and where the body starts."""
    match = _FRONT_MATTER.match(source)
    if not match:
        return None, 0
    return match.group(1), match.end()


def _keep_between(source: str, start: int, cut: Iterable[tuple[int, int]]) -> tuple[str, OffsetMap]:
    """Text of ``source[start:]`` without the ``cut`` spans; removed spans become one newline
    so that sentences do not run across them."""
    segments: list[Segment] = []
    pieces: list[str] = []
    pos, text_len = start, 0
    for cut_start, cut_end in sorted(cut):
        if cut_end <= pos:
            continue
        cut_start = max(cut_start, pos)
        if cut_start > pos:
            segments.append(Segment(text_len, pos, cut_start - pos))
            pieces.append(source[pos:cut_start])
            text_len += cut_start - pos
        segments.append(Segment(text_len, cut_start, 1, verbatim=False))
        pieces.append("\n")
        text_len += 1
        pos = cut_end
    if pos < len(source):
        segments.append(Segment(text_len, pos, len(source) - pos))
        pieces.append(source[pos:])
    return "".join(pieces), OffsetMap(source, tuple(segments))


def markdown_text(source: str) -> tuple[str, OffsetMap, str | None]:
    """Visible text of Markdown: front matter, fenced code and HTML comments removed."""
    front, body_start = split_front_matter(source)
    body = source[body_start:]
    cut = [(m.start() + body_start, m.end() + body_start) for m in _FENCE.finditer(body)]
    cut += [(start + body_start, end + body_start) for start, end in _html_comments(body)]
    text, mapping = _keep_between(source, body_start, _merge(cut))
    return text, mapping, front


def _html_comments(text: str) -> list[tuple[int, int]]:
    """Spans of ``<!-- ... -->``; an unclosed comment is left as text.

    ``str.find`` rather than ``<!--.*?-->``: the regex rescans to the end for every
    opening after the last close, which is quadratic in a long unclosed document.
    """
    spans: list[tuple[int, int]] = []
    pos = 0
    while (start := text.find("<!--", pos)) >= 0:
        end = text.find("-->", start + 4)
        if end < 0:
            break  # no close anywhere after: no later opening closes either
        spans.append((start, end + 3))
        pos = end + 3
    return spans


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


class _VisibleText(HTMLParser):
    """Collects visible text and, for every piece, where it stands in the source."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self.line_starts = [0] + [i + 1 for i, c in enumerate(source) if c == "\n"]
        self.pieces: list[str] = []
        self.segments: list[Segment] = []
        self.length = 0
        self.hidden = 0
        self.title: str | None = None
        self._in_title = False

    def _offset(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    def _emit(self, text: str, source_start: int, verbatim: bool) -> None:
        if not text:
            return
        self.segments.append(Segment(self.length, source_start, len(text), verbatim))
        self.pieces.append(text)
        self.length += len(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _INVISIBLE:
            self.hidden += 1
        self._in_title = tag == "title"
        if tag in _BLOCK:
            self._emit("\n", self._offset(), verbatim=False)

    def handle_endtag(self, tag: str) -> None:
        if tag in _INVISIBLE and self.hidden:
            self.hidden -= 1
        if tag == "title":
            self._in_title = False
        if tag in _BLOCK:
            self._emit("\n", self._offset(), verbatim=False)

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title = (self.title or "") + data
        if not self.hidden:
            self._emit(data, self._offset(), verbatim=True)

    def _reference(self, raw: str) -> None:
        if self._in_title:
            self.title = (self.title or "") + unescape(raw)
        if not self.hidden:
            self._emit(unescape(raw), self._offset(), verbatim=False)

    def handle_entityref(self, name: str) -> None:
        self._reference(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self._reference(f"&#{name};")


def html_text(source: str) -> tuple[str, OffsetMap, str | None]:
    """Visible text of an HTML page and its ``<title>``."""
    parser = _VisibleText(source)
    parser.feed(source)
    parser.close()
    title = parser.title.strip() if parser.title else None
    return "".join(parser.pieces), OffsetMap(source, tuple(parser.segments)), title
