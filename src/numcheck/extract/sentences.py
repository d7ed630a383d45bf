"""Sentence spans in news text.

News text scraped from the web runs sentences together (".On Sunday"), carries
abbreviations (U.S., Gen., Jan., No.) and breaks paragraphs with newlines; a sentence never
crosses a blank line or a line break between headline-like lines.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass

from numcheck.language.temporal import lexicon
from numcheck.language.words import function_words

_ABBREVIATIONS = function_words("abbreviations") | lexicon().abbreviations()
# A period, question or exclamation mark (with closing quotes/brackets) that may end a sentence.
_END = re.compile(r"[.!?]+[\"'”’)\]]*")
_INITIALISM = re.compile(r"(?:[a-z]\.)+[a-z]")
_BULLET = re.compile(r"[ \t]*[-*•][ \t]+\S")  # not a dash or a number: wrapped prose has those
_LOOK_BACK = 24
# A "sentence" longer than this (a table flattened to text, a list without stops) is cut
# at a space: every claim reads its sentence, so unbounded sentences make a long
# document quadratic. News sentences rarely pass 400 characters.
MAX_SENTENCE = 1_000


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str


_WORD_CHARS = string.ascii_letters + "."


def _word_before(text: str, window: int, end: int) -> str:
    """The word (letters and periods, from a letter) that ends at ``end``, lower-cased; ""
    when there is none or it fills the window from ``window`` (no abbreviation is so long)."""
    chunk = text[window:end]
    tail = chunk[len(chunk.rstrip(_WORD_CHARS)) :].lstrip(".")
    if not tail or (len(tail) == len(chunk) and window > 0):
        return ""
    return tail.lower()


def _is_boundary(text: str, end: int, mark: str) -> bool:
    """Whether the mark ending at ``end`` closes a sentence."""
    following = text[end : end + 2]
    if not following:
        return True
    first = following[0]
    if mark.startswith(".") and len(mark) == 1:
        # Look back a few characters only: searching from the text's start for every
        # period was quadratic. A word that fills the window is no abbreviation.
        window = max(0, end - 1 - _LOOK_BACK)
        word = _word_before(text, window, end - 1)
        if word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
            return False
        if "." in word and _INITIALISM.fullmatch(word):
            return False  # "U.S", "e.g"
        if end >= 2 and text[end - 2].isdigit() and first.isdigit():
            return False  # 2.5
    if first.isspace():
        return True
    # Run-together sentences: ".On Sunday", ".\"I consider"
    return first.isupper() or first in "\"“'‘"


# A line break ends a sentence unless the line runs on: it ends in a comma or a word that
# cannot end a sentence, or the next line starts in lower case (hard-wrapped text).
_RUN_ON_MARKS = frozenset(",;(-–—0123456789")
_RUN_ON_WORDS = function_words("line_continuations")


def _runs_on(line_end: str) -> bool:
    """Whether a line ending so continues on the next line (its last characters only:
    reading the whole line, or a regex tried at every position, was slow on many lines)."""
    tail = line_end.rstrip(" \t")
    if not tail:
        return False
    if tail[-1] in _RUN_ON_MARKS:
        return True
    before = tail.rstrip(string.ascii_letters)
    word = tail[len(before) :]
    if before and (before[-1].isalnum() or before[-1] == "_"):
        return False  # "Zaventem" ends in letters, but no listed word stands alone there
    return word.lower() in _RUN_ON_WORDS


def _blocks(text: str) -> list[tuple[int, int]]:
    """Paragraph-like stretches: split at blank lines and at line breaks that end a line."""
    blocks: list[tuple[int, int]] = []
    for para in re.finditer(r"[^\n]+(?:\n(?![ \t]*\n)[^\n]+)*", text):
        start = para.start()
        for newline in re.finditer(r"\n", text[para.start() : para.end()]):
            at = para.start() + newline.start()
            nxt = text[at + 1 : at + 2]
            # the line's last few characters decide; searching the whole line was quadratic
            item = _BULLET.match(text, at + 1) is not None  # a list's next item
            if item or (nxt.isupper() and not _runs_on(text[max(start, at - _LOOK_BACK) : at])):
                blocks.append((start, at))
                start = at + 1
        blocks.append((start, para.end()))
    return blocks


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of ``text`` as spans; whitespace around them is left out."""
    sentences: list[Sentence] = []
    for block_start, block_end in _blocks(text):
        start = block_start
        for mark in _END.finditer(text, block_start, block_end):
            if _is_boundary(text, mark.end(), mark.group()):
                _add(sentences, text, start, mark.end())
                start = mark.end()
        _add(sentences, text, start, block_end)
    return sentences


def _add(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    while end - start > MAX_SENTENCE:
        cut = text.rfind(" ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
        cut = cut if cut > start else start + MAX_SENTENCE
        _add_one(sentences, text, start, cut)
        start = cut
    _add_one(sentences, text, start, end)


def _add_one(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    piece = text[start:end]
    stripped = piece.strip()
    if not stripped:
        return
    lead = len(piece) - len(piece.lstrip())
    s = start + lead
    sentences.append(Sentence(s, s + len(stripped), stripped))
