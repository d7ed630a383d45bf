"""From a document to its claims: dates first, then numbers outside them, then context."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from functools import cache

from numcheck.claims import Claim, Interval, Kind, Span
from numcheck.documents.model import Document, DocumentStatus
from numcheck.extract.dates import find_dateline, tag_dates
from numcheck.extract.frames.context import ContextReader
from numcheck.extract.frames.frame import FrameContext, FrameReader, age_like
from numcheck.extract.frames.parse import parse, parser
from numcheck.extract.frames.rank import may_rank, read_rank
from numcheck.extract.frames.siblings import with_places_apart
from numcheck.extract.mentions import QuantityMention, Timex
from numcheck.extract.quantities import find_quantities
from numcheck.extract.sentences import Sentence, split_sentences
from numcheck.vocabulary import Vocabulary, load_vocabulary

Extraction = Callable[[Sequence[Document]], Iterator[tuple[list[Claim], str | None]]]
"""Each document's claims, or the error that stopped its extraction, in input order."""

_DURATION = re.compile(r"^P(?:(\d+(?:\.\d+)?)([YMWD])|T(\d+(?:\.\d+)?)([HMS]))$")
_DURATION_UNITS = {"Y": "year", "M": "month", "W": "week", "D": "day"}
_TIME_UNITS = {"H": "hour", "M": "minute", "S": "second"}
# "four years after ...", "two days before ...": a span that offsets from an event.
_OFFSET = re.compile(r"\s+(after|since|later|before|earlier)\b", re.I)
_TIMEX_QUALIFIER = {
    "APPROX": "about",
    "LESS_THAN": "nearly",
    "MORE_THAN": "more-than",
    "EQUAL_OR_MORE": "at-least",
    "EQUAL_OR_LESS": "at-most",
}


def publication_date(document: Document) -> dt.date | None:
    """The document's date: its metadata, else a dateline in the text."""
    return document.published or find_dateline(document.text)


class _SentenceIndex:
    def __init__(self, sentences: Sequence[Sentence], text_length: int) -> None:
        self.sentences = list(sentences) or [Sentence(0, text_length, "")]
        self.starts = [s.start for s in self.sentences]

    def at(self, offset: int) -> Sentence:
        i = max(bisect.bisect_right(self.starts, offset) - 1, 0)
        return self.sentences[i]


def _span(document: Document, start: int, end: int) -> Span:
    line, column = document.line_column(start)
    return Span(start=start, end=end, line=line, column=column)


def _interval(m: QuantityMention) -> Interval:
    return Interval(
        low=m.low, high=m.high, low_inclusive=m.low_inclusive, high_inclusive=m.high_inclusive
    )


def _duration_claim_fields(timex: Timex) -> dict[str, object]:
    """Interval, unit and qualifier of a duration, read from its own words or its value."""
    for mention in find_quantities(timex.text):
        if mention.kind in ("duration", "quantity", "count"):
            unit = mention.unit or mention.noun_lemma
            return {
                "value": _interval(mention),
                "stated": mention.stated,
                "stated_high": mention.stated_high,
                "qualifier": mention.qualifier,
                "unit": unit,
            }
    match = _DURATION.match(timex.value)
    if not match:
        return {}
    amount = float(match.group(1) or match.group(3))
    unit = _DURATION_UNITS.get(match.group(2) or "") or _TIME_UNITS.get(match.group(4) or "")
    return {
        "value": Interval.point(amount),
        "stated": amount,
        "qualifier": _TIMEX_QUALIFIER.get(timex.mod or "", "exact"),
        "unit": unit,
    }


def headline(document: Document, sentences: Sequence[Sentence]) -> Sentence | None:
    """The headline: the first line when it is the title or reads as one (a line of its
    own with no closing punctuation)."""
    if not sentences:
        return None
    first = sentences[0]
    words = " ".join(first.text.lstrip("#").split()).lower()
    if document.title and words == " ".join(document.title.split()).lower():
        return first
    closes = first.text.rstrip().endswith((".", "!", "?", '"', "”", "'"))
    alone = document.text[first.end : first.end + 1] in ("\n", "")
    return first if alone and not closes and len(first.text) <= 200 else None


STORY_CHARS = 1_000_000
"""A document's story is read from its sentences that start in this many characters: a
news article, even a long live blog, is shorter, and a longer text is no article (read
whole, ten megabytes of one-letter lines spent twenty seconds on names)."""

MAX_FIGURES_FRAMED = 16
"""A sentence (or a stretch of one between semicolons, as in a recap "12 killed on
Monday; 9 on Tuesday; ...") with more figures is a table or a list run into text (news
prose holds at most 8 in the shared articles): its figures get no frame, so none is
compared across documents, and a figure-dense document costs no parse per figure."""


def _stretch(claim: Claim) -> tuple[int, int]:
    """The sentence of a claim and the semicolon-separated stretch of it the claim is in."""
    return claim.sentence_start, claim.sentence.count(
        ";", 0, claim.span.start - claim.sentence_start
    )


def extract_claims(document: Document, vocabulary: Vocabulary | None = None) -> list[Claim]:
    """Every claim in ``document``, in text order."""
    vocabulary = vocabulary or load_vocabulary()
    reader = ContextReader(vocabulary)
    text = document.text
    as_of = publication_date(document)
    split = split_sentences(text)
    sentences = _SentenceIndex(split, len(text))
    title = headline(document, split)

    @cache
    def story() -> tuple[str, ...]:
        """The document's story, read at its first claim: a text without one needs none."""
        return reader.story(text, [(x.start, x.end) for x in split if x.start < STORY_CHARS])

    contexts: dict[int, dict[str, tuple[str, ...]]] = {}

    def context_of(sentence: Sentence) -> dict[str, tuple[str, ...]]:
        """Context and entities of a sentence, read once for all its claims."""
        if sentence.start not in contexts:
            bounds = (sentence.start, sentence.end)
            contexts[sentence.start] = {
                "context": reader.context(text, bounds),
                "entities": reader.entities(text, bounds),
            }
        return contexts[sentence.start]

    timexes = tag_dates(text, as_of)
    by_start = sorted(timexes, key=lambda t: t.start)
    starts = [t.start for t in by_start]

    def in_sentence(bounds: tuple[int, int]) -> list[Timex]:
        """The dates inside a sentence: a scope reads only these (all of them per claim
        was quadratic in a long document)."""
        lo, hi = bounds
        return by_start[bisect.bisect_left(starts, lo) : bisect.bisect_left(starts, hi)]

    claims: list[Claim] = []
    for timex in timexes:
        sentence = sentences.at(timex.start)
        bounds = (sentence.start, sentence.end)
        common: dict[str, object] = {
            "document": document.id,
            "quote": text[timex.start : timex.end],
            "span": _span(document, timex.start, timex.end),
            "sentence": sentence.text,
            "sentence_start": sentence.start,
            "as_of": as_of,
            "timex": timex.value,
            "timex_type": timex.type,
            "resolved": timex.resolved,
            "anchor": timex.anchor,
            **context_of(sentence),
            "story": story(),
        }
        claim = _date_claim(reader, text, timex, bounds, common, in_sentence(bounds))
        if claim is not None:
            claims.append(claim)
    date_spans = [(t.start, t.end) for t in timexes]
    for mention in find_quantities(text, exclude=date_spans):
        sentence = sentences.at(mention.start)
        bounds = (sentence.start, sentence.end)
        kind = Kind(mention.kind)
        measure = reader.measure(text, mention, bounds) if kind.comparable else None
        claims.append(
            Claim(
                document=document.id,
                kind=kind,
                quote=text[mention.start : mention.end],
                span=_span(document, mention.start, mention.end),
                sentence=sentence.text,
                sentence_start=sentence.start,
                value=_interval(mention),
                stated=mention.stated,
                stated_high=mention.stated_high,
                qualifier=mention.qualifier,
                unit=mention.unit,
                change=mention.change,
                measure=measure,
                scope=reader.scope(text, mention.start, mention.end, bounds, in_sentence(bounds)),
                as_of=as_of,
                in_headline=title is not None and sentence.start == title.start,
                **context_of(sentence),  # type: ignore[arg-type]
                story=story(),
            )
        )
    claims.sort(key=lambda c: (c.span.start, c.span.end))
    context = FrameContext(vocabulary.measures, timexes, vocabulary.places, text)
    return with_places_apart(with_frames(claims, context), vocabulary.places)


def _date_claim(
    reader: ContextReader,
    text: str,
    timex: Timex,
    bounds: tuple[int, int],
    common: dict[str, object],
    dates_around: Sequence[Timex],
) -> Claim | None:
    """The claim of a date or a span of time, with the fields it shares with its
    sentence's other claims (``common``) and the dates of its sentence; None for a window
    with no one date ("this week")."""
    offset = _OFFSET.match(text, timex.end) if timex.type == "DURATION" else None
    if offset and timex.anchor == "text" and timex.window_start and timex.window_end:
        # "Two days after the attack", the attack dated in the text: a date.
        before = offset.group(1).lower() in ("before", "earlier")
        common["timex"] = timex.window_start if before else timex.window_end
        common["timex_type"] = "DATE"
        return Claim(kind=Kind.DATE, **common, event=reader.event(text, timex, bounds))  # type: ignore[arg-type]
    if offset and offset.group(1).lower() in ("after", "since"):
        # "nearly four years after Washington killed ...": a span since an event the
        # text does not date here; the elapsed-time rule looks for its date elsewhere.
        return Claim(
            kind=Kind.DURATION,
            **common,  # type: ignore[arg-type]
            **_duration_claim_fields(timex),  # type: ignore[arg-type]
            event=reader.anchored_event(text, offset.end(), bounds, dates_around),
        )
    if timex.type == "DURATION":
        return Claim(kind=Kind.DURATION, **common, **_duration_claim_fields(timex))  # type: ignore[arg-type]
    if timex.type in ("DATE", "TIME") and not (timex.window_start or timex.window_end):
        return Claim(
            kind=Kind.DATE,
            **common,  # type: ignore[arg-type]
            event=reader.event(text, timex, bounds),
            weekday=timex.weekday,
        )
    return None


_WARM_UP = (
    "On Sunday, January 7, 2024, at least 12 people were killed and 40 hurt in Basra, "
    "about 5 km from the port; some $85 million and 12% of the budget went to repairs "
    "over nearly four years, officials said."
)


def preload() -> None:
    """Load now what extraction otherwise loads on first need: the parser pipeline,
    quantulum3's unit table (built when a figure is followed by a rare unit symbol) and
    every table and pattern a first document builds, by reading one sentence.

    A long-running service, a worker process or a benchmark calls it once, so no
    document pays for it.
    """
    from numcheck.extract.quantities.quantulum import load_table

    parser()
    load_table()
    warm = Document(
        id="numcheck-warm-up", source="numcheck", text=_WARM_UP, published=dt.date(2024, 1, 8)
    )
    extract_claims(warm)


_FRAMED = frozenset([Kind.COUNT, Kind.QUANTITY, Kind.MONEY, Kind.PERCENT, Kind.DURATION])


def _framed(claim: Claim) -> bool:
    """Whether a claim gets a frame: every amount, a span of time that may be an age (no
    other is compared: a sentence with only "for three years" is not parsed), and an
    ordinal that ranks ("the fifth-largest")."""
    if claim.kind is Kind.ORDINAL:
        return may_rank(claim.sentence, claim.span.end - claim.sentence_start)
    if claim.kind is Kind.DURATION:
        return age_like(claim.quote, claim.sentence[claim.span.end - claim.sentence_start :])
    return claim.kind in _FRAMED


def with_frames(claims: list[Claim], context: FrameContext) -> list[Claim]:
    """Claims with their frames, from one parse of the sentences that hold a figure."""
    wanted = [_framed(c) for c in claims]
    per_stretch = Counter(_stretch(c) for c, w in zip(claims, wanted, strict=True) if w)
    wanted = [
        w and per_stretch[_stretch(c)] <= MAX_FIGURES_FRAMED
        for c, w in zip(claims, wanted, strict=True)
    ]
    sentences = sorted(
        {(c.sentence_start, c.sentence) for c, w in zip(claims, wanted, strict=True) if w}
    )
    if not sentences:
        return claims
    parsed = dict(zip(sentences, parse([text for _, text in sentences]), strict=True))
    reader = FrameReader(context)
    framed: list[Claim] = []
    for claim, want in zip(claims, wanted, strict=True):
        doc = parsed.get((claim.sentence_start, claim.sentence)) if want else None
        frame = None
        if doc is not None and claim.kind is Kind.ORDINAL:
            lo, hi = claim.span.start - claim.sentence_start, claim.span.end - claim.sentence_start
            frame = read_rank(doc, lo, hi, reader.canonical)
        elif doc is not None:
            frame = reader.read(
                doc, claim.sentence_start, claim.span.start, claim.span.end, claim.kind.value
            )
            frame = reader.reconcile(frame, claim) if frame is not None else None
        framed.append(claim.model_copy(update={"frame": frame}) if frame else claim)
    return framed


def extract_or_error(document: Document, vocabulary: Vocabulary) -> tuple[list[Claim], str | None]:
    """The claims of one document, or the error that stopped its extraction.

    One bad document never aborts a batch: the caller records the error and goes on.
    """
    try:
        return extract_claims(document, vocabulary), None
    except Exception as exc:
        return [], f"extraction failed: {type(exc).__name__}: {exc}"


def extract_loaded(
    documents: Iterable[Document],
    statuses: Iterable[DocumentStatus],
    vocabulary: Vocabulary,
    progress: Callable[[Document], None] | None = None,
    *,
    extraction: Extraction | None = None,
) -> tuple[list[Claim], list[DocumentStatus]]:
    """The claims of loaded documents, and their statuses with extraction errors marked.

    ``extraction`` gives each document's claims or error in input order from elsewhere
    (Dask workers, ``numcheck.parallel``); by default they are extracted here.
    """
    documents = list(documents)
    results = (
        extraction(documents)
        if extraction is not None
        else (extract_or_error(document, vocabulary) for document in documents)
    )
    claims: list[Claim] = []
    errors: dict[tuple[str, str], str] = {}
    for document, (found, error) in zip(documents, results, strict=True):
        claims.extend(found)
        if error is not None:
            errors[document.source, document.id] = error
        if progress is not None:
            progress(document)
    return claims, with_errors(statuses, errors)


def with_errors(
    statuses: Iterable[DocumentStatus], errors: Mapping[tuple[str, str], str]
) -> list[DocumentStatus]:
    """``statuses`` with the documents in ``errors`` (by source and id) marked failed."""
    return [
        status.model_copy(update={"status": "error", "error": errors[key]})
        if (key := (status.source, status.id)) in errors
        else status
        for status in statuses
    ]
