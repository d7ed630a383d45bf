"""Per-document work in batches: in this process, or on Dask workers (``--workers``).

Extraction is per document and shares no state, so it maps onto ``dask.distributed``
(a ``LocalCluster`` of worker processes, or a running cluster at ``--scheduler``) with
no pool of our own. Work goes out in batches of documents: a worker is a long-lived
process, so what extraction loads once (a vocabulary, a parser behind a cached loader)
is loaded once per worker, not once per document. Results come back in input order, so
the one writer (the parent) stores them exactly as a serial run would.

Dask is optional (``pip install 'numcheck[dask]'``) and imported only here, and only
when workers are asked for: a plain ``numcheck check`` never loads it.
"""

from __future__ import annotations

import logging
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from itertools import islice
from types import TracebackType
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from numcheck.claims import Claim
from numcheck.documents.model import Document
from numcheck.extract.pipeline import Extraction, extract_or_error
from numcheck.vocabulary import Vocabulary

if TYPE_CHECKING:
    from distributed import Client, Future, LocalCluster

BATCH_DOCUMENTS = 20
"""Documents a task carries: enough that a task's overhead (milliseconds) is small
beside its extraction (about a second), few enough that a lost batch costs little."""
INSTALL = "parallel extraction needs Dask: pip install 'numcheck[dask]'"

Setup = TypeVar("Setup")
Item = TypeVar("Item")
Result = TypeVar("Result")


class ParallelError(Exception):
    """Workers that cannot be had as asked (Dask missing, a bad count, no scheduler)."""


class Executor(Protocol):
    """Runs ``work(setup, batch)`` over batches of ``items``, one result per item, in
    input order. ``failed(item, reason)`` stands in for an item whose batch was lost."""

    def map(
        self,
        work: Callable[[Setup, list[Item]], list[Result]],
        setup: Setup,
        items: Iterable[Item],
        failed: Callable[[Item, str], Result],
    ) -> Iterator[Result]: ...


def _batches(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


class InProcess:
    """The default: the work runs here, batch by batch, as it is asked for."""

    def __init__(self, batch_size: int = BATCH_DOCUMENTS) -> None:
        self.batch_size = batch_size

    def map(
        self,
        work: Callable[[Setup, list[Item]], list[Result]],
        setup: Setup,
        items: Iterable[Item],
        failed: Callable[[Item, str], Result],
    ) -> Iterator[Result]:
        for batch in _batches(items, self.batch_size):
            yield from work(setup, batch)


def worker_count(text: str) -> int:
    """``--workers N`` or ``--workers auto`` (the cores this machine has)."""
    if text == "auto":
        return os.cpu_count() or 1
    try:
        count = int(text)
    except ValueError:
        count = 0
    if count < 1:
        raise ParallelError(f"--workers {text}: give a number of workers (1 or more) or 'auto'")
    return count


class DaskWorkers:
    """Work on Dask workers: ``start`` makes a ``LocalCluster`` of ``workers`` processes,
    or connects to the cluster at ``scheduler`` (``tcp://host:8786``).

    A worker lost while it holds a batch (a crash, out of memory) is replaced and the
    batch retried once (``distributed.scheduler.allowed-failures`` 1 and
    ``worker-saturation`` 1.0 on a local cluster; a remote scheduler keeps its own
    settings). A batch that still fails is retried one document a task, so only the
    document that fails gets ``failed``.
    """

    def __init__(
        self,
        client: Client,
        cluster: LocalCluster | None = None,
        batch_size: int = BATCH_DOCUMENTS,
    ) -> None:
        self.client = client
        self.cluster = cluster
        self.batch_size = batch_size

    @classmethod
    def start(
        cls, workers: int | None = None, scheduler: str | None = None, **options: Any
    ) -> DaskWorkers:
        try:
            import dask
            from distributed import Client, LocalCluster
        except ImportError as exc:
            raise ParallelError(INSTALL) from exc
        if scheduler:
            try:
                return cls(Client(scheduler, timeout="10s"), **options)
            except (OSError, TimeoutError, ValueError) as exc:
                raise ParallelError(f"no Dask scheduler at {scheduler}: {exc}") from exc
        # One retry of a lost worker's batch; and no batch queued behind a running one on
        # a worker, so a crash takes down only the batch that caused it.
        settings = {
            "distributed.scheduler.allowed-failures": 1,
            "distributed.scheduler.worker-saturation": 1.0,
            # Dask's aggressive malloc trimming (65536) costs extraction about 20% CPU:
            # it allocates many small objects. Workers keep glibc's default.
            "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,
            # What a dashboard shows and nothing here reads: the statistical profiler
            # (a stack sample every 10 ms), the event-loop tick (every 20 ms) and the
            # system monitor (every 0.5 s) cost an idle cluster 13% of a core.
            "distributed.worker.profile.enabled": False,
            "distributed.admin.tick.interval": "1s",
            "distributed.admin.system-monitor.interval": "5s",
        }
        with dask.config.set(settings):
            cluster = LocalCluster(
                n_workers=workers or os.cpu_count() or 1,
                threads_per_worker=1,  # extraction is pure Python: one process per core
                processes=True,
                dashboard_address=None,
                silence_logs=logging.ERROR,
            )
        return cls(Client(cluster), cluster, **options)

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()

    def __enter__(self) -> DaskWorkers:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    @property
    def threads(self) -> int:
        """How many tasks the cluster runs at once."""
        workers = self.client.scheduler_info().get("workers", {})
        return max(sum(int(w.get("nthreads", 1)) for w in workers.values()), 1)

    def map(
        self,
        work: Callable[[Setup, list[Item]], list[Result]],
        setup: Setup,
        items: Iterable[Item],
        failed: Callable[[Item, str], Result],
    ) -> Iterator[Result]:
        # Two batches in flight per worker: each worker has its next batch at hand while
        # the parent stores the oldest, and memory stays bounded on any archive.
        window = 2 * self.threads
        batches = _batches(items, self.batch_size)
        flight: deque[tuple[list[Item], Future[list[Result]]]] = deque()
        for batch in batches:
            flight.append((batch, self.client.submit(work, setup, batch, pure=False)))
            if len(flight) >= window:
                yield from self._collect(work, setup, *flight.popleft(), failed)
        while flight:
            yield from self._collect(work, setup, *flight.popleft(), failed)

    def _collect(
        self,
        work: Callable[[Setup, list[Item]], list[Result]],
        setup: Setup,
        batch: list[Item],
        future: Future[list[Result]],
        failed: Callable[[Item, str], Result],
    ) -> list[Result]:
        try:
            results: list[Result] = future.result()
            return results
        except Exception as exc:
            if len(batch) == 1:
                return [failed(batch[0], _reason(exc))]
        # The batch failed twice: find the documents that fail, one a task.
        singles = [self.client.submit(work, setup, [item], pure=False) for item in batch]
        return [
            result
            for item, single in zip(batch, singles, strict=True)
            for result in self._collect(work, setup, [item], single, failed)
        ]


def _reason(exc: BaseException) -> str:
    if type(exc).__name__ == "KilledWorker":
        return "worker lost while extracting this document (retried once)"
    return f"extraction failed on a worker: {type(exc).__name__}: {exc}"


@contextmanager
def workers_for(workers: str | None, scheduler: str | None) -> Iterator[Executor | None]:
    """The executor ``--workers``/``--scheduler`` ask for, closed after; None (work here)
    when neither is given. Raises ``ParallelError`` saying what to install without Dask."""
    if not scheduler and workers is None:
        yield None
        return
    count = None if scheduler or workers is None else worker_count(workers)
    with DaskWorkers.start(count, scheduler) as started:
        yield started


ClaimsJson = tuple[list[str], str | None]


def claims_as_json(vocabulary: Vocabulary, documents: list[Document]) -> list[ClaimsJson]:
    """The work of one batch for ``check``: each document's claims as JSON, or its error."""
    found = (extract_or_error(document, vocabulary) for document in documents)
    return [([claim.model_dump_json() for claim in claims], error) for claims, error in found]


def _lost(document: Document, reason: str) -> ClaimsJson:
    return [], reason


def extraction_on(executor: Executor, vocabulary: Vocabulary) -> Extraction:
    """Extraction for ``extract_loaded`` that runs on ``executor``."""

    def extract(documents: Sequence[Document]) -> Iterator[tuple[list[Claim], str | None]]:
        for bodies, error in executor.map(claims_as_json, vocabulary, documents, _lost):
            yield [Claim.model_validate_json(body) for body in bodies], error

    return extract
