"""Scale: index synthetic archives into a claim store and check one draft against them.

Claims are generated directly (no text extraction), with a newsroom's shape: about 20
claims a document, a few thousand measures of Zipf-like popularity, publication dates
over ten years, some counts over an open window ("since October"), some dated events.
Every phase runs in a fresh process, so its peak memory is its own.

    .venv/bin/python benchmarks/bench_scale.py        # prints the Markdown section
"""

from __future__ import annotations

import datetime as dt
import itertools
import multiprocessing
import os
import platform
import random
import resource
import statistics
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from numcheck.claims import Claim, Frame, Interval, Kind, Measure, Scope, Span, Window
from numcheck.documents.model import DocumentStatus
from numcheck.rules.engine import run_rules
from numcheck.rules.load import load_rules
from numcheck.store import ClaimStore

SIZES = (1_000, 10_000, 100_000)
IN_MEMORY_SIZES = (1_000, 10_000)  # 100,000 documents' claims in memory: see the notes
CLAIMS_PER_DOCUMENT = 20
MEASURES = 3_000
PLACES = 300
FAMOUS_EVENTS = 200
EVENTS_A_DAY = 2
FIRST_DAY = dt.date(2015, 1, 1)
DAYS = 3_650
DRAFTS = 5
IN_MEMORY_DRAFTS = 3
OPEN_WINDOWS = 0.03
OTHER_FIGURES = 0.02
TEMPLATES = 20_000
QUALIFIERS = ("exact",) * 6 + ("about", "about", "more-than", "more-than", "nearly")


def _zipf(n: int) -> list[float]:
    """Cumulative weights of a Zipf(1) law over ``n`` ranks."""
    return list(itertools.accumulate(1.0 / rank for rank in range(1, n + 1)))


def _figure(
    r: random.Random, measure_weights: list[float], place_weights: list[float], typical: list[float]
) -> Claim:
    """A figure template: a count, money or percentage of a Zipf-chosen measure."""
    roll = r.random()
    kind = Kind.COUNT if roll < 0.78 else Kind.MONEY if roll < 0.89 else Kind.PERCENT
    (measure,) = r.choices(range(MEASURES), cum_weights=measure_weights)
    # Most figures of a measure agree; a few are another story's (or a mistake).
    spread = 0.5 if r.random() < OTHER_FIGURES else 0.0
    figure = max(1, round(typical[measure] * r.lognormvariate(0, spread)))
    if kind is Kind.PERCENT:
        figure = min(figure, 100)
    qualifier = r.choice(QUALIFIERS)
    window = (
        Window(text="since October", start=f"{r.randrange(2014, 2025)}-10")
        if r.random() < OPEN_WINDOWS
        else None
    )
    places = (
        (f"place{r.choices(range(PLACES), cum_weights=place_weights)[0]}",)
        if r.random() < 0.6
        else ()
    )
    quote = f"{figure:,}"
    value = (
        Interval(low=figure, low_inclusive=False)
        if qualifier == "more-than"
        else Interval.point(figure)
    )
    unit = {Kind.MONEY: "USD", Kind.PERCENT: "percent"}.get(kind)
    head = f"measure{measure}"
    return Claim(
        document="template",
        kind=kind,
        quote=quote,
        span=Span(start=0, end=len(quote), line=1, column=1),
        sentence=f"Officials counted {quote} {head}.",
        sentence_start=0,
        value=value,
        stated=figure,
        qualifier=qualifier,
        unit=unit,
        measure=Measure(head=head, noun=head, text=head),
        frame=Frame(noun=head, window=window.start if window else None),
        scope=Scope(places=places, window=window),
        context=("official",),  # "Officials counted ...": one story, as extraction reads it
        entities=tuple(f"@{place.lower()}" for place in places),
    )


class Newsroom:
    """A seeded generator of documents' claims.

    Figures are drawn from a pool of templates and dated events are built once, then
    copied into each document (new document, date and position): building every claim
    from scratch would make the generator, not the store, the slow part of the benchmark.
    """

    def __init__(self, seed: int) -> None:
        self.random = random.Random(seed)
        self.famous_weights = _zipf(FAMOUS_EVENTS)
        self.famous = range(FAMOUS_EVENTS)
        self.spans: dict[int, Span] = {}
        self.events: dict[tuple[str, str, dt.date], Claim] = {}
        pool = random.Random(0)  # the same templates in every run and process
        measure_weights, place_weights = _zipf(MEASURES), _zipf(PLACES)
        typical = [10 ** pool.uniform(0, 5) for _ in range(MEASURES)]
        self.templates = [
            _figure(pool, measure_weights, place_weights, typical) for _ in range(TEMPLATES)
        ]

    def document(self, name: str, published: dt.date) -> list[Claim]:
        r = self.random
        claims = []
        for i in range(r.randint(CLAIMS_PER_DOCUMENT - 5, CLAIMS_PER_DOCUMENT + 5)):
            at = 60 * i
            template = self._event_date(published) if r.random() < 0.1 else r.choice(self.templates)
            span = self.spans.get(at) or self.spans.setdefault(
                at, Span(start=at, end=at + 10, line=1 + at // 80, column=1 + at % 80)
            )
            update = {"document": name, "as_of": published, "span": span, "sentence_start": at}
            claims.append(template.model_copy(update=update))
        return claims

    def _event_date(self, published: dt.date) -> Claim:
        """Most events told are recent; some famous ones are retold for years."""
        r = self.random
        if r.random() < 0.2:
            (famous,) = r.choices(self.famous, cum_weights=self.famous_weights)
            event, day = f"famous{famous}", FIRST_DAY + dt.timedelta(days=famous * 17)
        else:
            day = published - dt.timedelta(days=r.randrange(30))
            event = f"event{day.toordinal() * EVENTS_A_DAY + r.randrange(EVENTS_A_DAY)}"
        if r.random() < 0.01:  # a mistake
            day += dt.timedelta(days=1)
        who = f"{event}-person{r.randrange(2)}"
        cached = self.events.get((event, who, day))
        if cached is None:
            timex = day.isoformat()
            cached = self.events[event, who, day] = Claim(
                document="template",
                kind=Kind.DATE,
                quote=timex,
                span=Span(start=0, end=len(timex), line=1, column=1),
                sentence=f"{who} was killed on {timex}.",
                sentence_start=0,
                timex=timex,
                timex_type="DATE",
                event=Measure(head="kill", modifiers=(who,), verb="kill", text="killed"),
                context=("kill",),
                entities=(who,),
            )
        return cached

    def archive(self, documents: int) -> Iterator[tuple[str, list[Claim]]]:
        for n in range(documents):
            published = FIRST_DAY + dt.timedelta(days=n * DAYS // documents)
            name = f"archive/{n:06d}"
            yield name, self.document(name, published)

    def drafts(self) -> list[list[Claim]]:
        """Drafts dated the day after the archive ends, as a CI gate sees them."""
        published = FIRST_DAY + dt.timedelta(days=DAYS)
        return [self.document(f"draft/{n}", published) for n in range(DRAFTS)]


# -- phases, each in its own process ----------------------------------------------------


def _peak_mb() -> float:
    """Peak resident memory of this process so far, in MB (ru_maxrss is KB on Linux)."""
    scale = 1 if sys.platform == "darwin" else 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale / 1e6


def _index(documents: int, path: str) -> dict[str, float]:
    pack = load_rules()
    pack.vocabulary  # noqa: B018 - loaded before the clock starts
    before = _peak_mb()
    start = time.perf_counter()
    claims, generating = 0, 0.0
    with ClaimStore(path, create=True) as store, store.writing(pack) as writer:
        archive = Newsroom(seed=documents).archive(documents)
        while True:
            generated = time.perf_counter()
            name, found = next(archive, ("", []))
            generating += time.perf_counter() - generated
            if not found:
                break
            status = DocumentStatus(id=name, source=name, published=found[0].as_of)
            claims += writer.put(name, name, [status], found)
    seconds = time.perf_counter() - start - generating
    return {
        "seconds": seconds,
        "generating": generating,
        "claims": claims,
        "peak_mb": _peak_mb(),
        "added_mb": _peak_mb() - before,
        "size_mb": Path(path).stat().st_size / 1e6,
    }


def _check_store(documents: int, path: str) -> dict[str, float]:
    pack = load_rules()
    drafts = Newsroom(seed=-1).drafts()
    times, findings = [], 0
    start = time.perf_counter()
    with ClaimStore(path) as store:
        store.require(pack)
        first = run_rules(drafts[0], pack, archive=store)
        cold = time.perf_counter() - start
        findings += len(first)
        for draft in drafts[1:]:
            start = time.perf_counter()
            findings += len(run_rules(draft, pack, archive=store))
            times.append(time.perf_counter() - start)
        # Memory apart from timing: tracemalloc slows Python down.
        tracemalloc.start()
        run_rules(drafts[-1], pack, archive=store)
        heap = tracemalloc.get_traced_memory()[1] / 1e6
        tracemalloc.stop()
    return {
        "cold": cold,
        "warm": statistics.median(times),
        "worst": max(times),
        "findings": findings / len(drafts),
        "peak_mb": _peak_mb(),
        "heap_mb": heap,
    }


def _check_memory(documents: int, path: str) -> dict[str, float]:
    pack = load_rules()
    pack.vocabulary  # noqa: B018
    archive = [c for _, found in Newsroom(seed=documents).archive(documents) for c in found]
    drafts = Newsroom(seed=-1).drafts()
    before = _peak_mb()
    times = []
    for draft in drafts[:IN_MEMORY_DRAFTS]:
        start = time.perf_counter()
        run_rules([*draft, *archive], pack, frozenset({draft[0].document}))
        times.append(time.perf_counter() - start)
    return {
        "warm": statistics.median(times),
        "peak_mb": _peak_mb(),
        "added_mb": _peak_mb() - before,
    }


def _child(
    task: Callable[[int, str], dict[str, float]], documents: int, path: str, out: Any
) -> None:
    out.put(task(documents, path))


def _in_process(
    task: Callable[[int, str], dict[str, float]], documents: int, path: str
) -> dict[str, float]:
    print(f"bench_scale: {task.__name__.strip('_')} {documents:,} ...", file=sys.stderr, flush=True)
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    process = context.Process(target=_child, args=(task, documents, path, queue))
    process.start()
    result: dict[str, float] = queue.get()
    process.join()
    return result


def run() -> str:
    """The benchmark as a Markdown section (docs/benchmarks.md keeps the last one)."""
    started = time.perf_counter()
    load = os.getloadavg()
    rows_index, rows_check, medians = [], [], []
    with tempfile.TemporaryDirectory() as folder:
        for documents in SIZES:
            path = str(Path(folder) / f"claims-{documents}.sqlite")
            built = _in_process(_index, documents, path)
            checked = _in_process(_check_store, documents, path)
            medians.append(checked["warm"])
            memory = (
                _in_process(_check_memory, documents, path)
                if documents in IN_MEMORY_SIZES
                else None
            )
            rows_index.append(
                f"| {documents:,} | {built['claims']:,.0f} | {built['seconds']:.1f} s | "
                f"{built['peak_mb']:.0f} MB (+{built['added_mb']:.0f}) | "
                f"{built['size_mb']:.0f} MB |"
            )
            in_memory = (
                f"{memory['warm'] * 1000:.0f} ms, {memory['peak_mb']:.0f} MB"
                if memory
                else "not run"
            )
            rows_check.append(
                f"| {documents:,} | {checked['cold'] * 1000:.0f} ms | "
                f"{checked['warm'] * 1000:.0f} ms | {checked['worst'] * 1000:.0f} ms | "
                f"{checked['heap_mb']:.1f} MB | {checked['peak_mb']:.0f} MB | "
                f"{checked['findings']:.1f} | {in_memory} |"
            )
    total = time.perf_counter() - started
    machine = (
        f"{platform.platform()}, {platform.processor() or platform.machine()}, "
        f"{os.cpu_count()} CPUs, Python {platform.python_version()}, "
        f"SQLite {__import__('sqlite3').sqlite_version}"
    )
    return "\n".join(
        [
            "## Scale: claim store",
            "",
            f"`make bench` (or `.venv/bin/python benchmarks/bench_scale.py`) on {machine}; "
            f"{total:.0f} s in all.",
            "",
            f"Synthetic archives of about {CLAIMS_PER_DOCUMENT} claims a document: {MEASURES:,} "
            f"measures of Zipf(1) popularity ({1 - OTHER_FIGURES:.0%} of a measure's figures "
            f"agree), 60% of figures placed in one of {PLACES} places, "
            f"{OPEN_WINDOWS:.0%} over an open window; dates of killings, mostly of the last "
            f"month, one in five of {FAMOUS_EVENTS} famous ones (Zipf), 1% a day off; "
            f"publication dates over {DAYS // 365} years. Each phase runs in a fresh "
            "process; its process peak is the peak resident set, which includes Python, "
            "the rules and the benchmark's own claim generator.",
            "",
            "Indexing (one transaction, WAL, synchronous off; the time excludes generating "
            "the claims, which stands in for extraction):",
            "",
            "| documents | claims | time | process peak (growth) | store size |",
            "|---:|---:|---:|---:|---:|",
            *rows_index,
            "",
            f"Checking one draft (~{CLAIMS_PER_DOCUMENT} claims, dated the day after the "
            f"archive ends) against the store: the first draft (opening the store, cold caches), "
            f"then the median and worst of {DRAFTS - 1} more; the in-memory engine on the same "
            "claims for comparison (median, all claims already loaded). Heap peak: what "
            "Python allocated during one check (tracemalloc).",
            "",
            "| documents | first draft | median | worst | heap peak | process peak "
            "| findings/draft | in memory |",
            "|---:|---:|---:|---:|---:|---:|---:|---:|",
            *rows_check,
            "",
            f"Growth of the median check from {SIZES[-2]:,} to {SIZES[-1]:,} documents: "
            f"{medians[-1] / medians[-2]:.1f}x for {SIZES[-1] // SIZES[-2]}x the archive. "
            f"Load average while it ran: {load[0]:.1f} (start), {os.getloadavg()[0]:.1f} "
            f"(end) on {os.cpu_count()} CPUs.",
            "",
        ]
    )


if __name__ == "__main__":
    print(run())
