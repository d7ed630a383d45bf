"""Index files into a claim store: load, extract, key, and skip what has not changed.

A file's content hash (its bytes and its metadata row) decides whether it is read again,
so re-indexing a growing archive costs the new and changed files only. Extraction and
keying run on an executor (here, or Dask workers: ``numcheck.parallel``); files are
written in input order by this process alone and committed every ``COMMIT_DOCUMENTS``
documents, so a parallel store equals a serial one and a killed run keeps its work.
"""

from __future__ import annotations

import hashlib
import json
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from numcheck.documents.load import LoadResult, Metadata, document_files, load_file, metadata_for
from numcheck.documents.model import Document, DocumentStatus
from numcheck.documents.select import Selection
from numcheck.extract.pipeline import extract_or_error, with_errors
from numcheck.parallel import Executor, InProcess
from numcheck.rules.checks.base import PairCheck
from numcheck.rules.load import RulePack
from numcheck.store.sqlite import ClaimStore, StoredClaim, Writer, stored_claim
from numcheck.vocabulary import Vocabulary

COMMIT_DOCUMENTS = 200
"""Documents written between commits: a killed run loses at most this much work."""


@dataclass
class IndexResult:
    """What one index run did; ``errors`` are the inputs that could not be indexed."""

    documents: int = 0
    claims: int = 0
    unchanged: int = 0
    errors: list[DocumentStatus] = field(default_factory=list)


@dataclass(frozen=True)
class Keying:
    """What a worker needs to turn documents into store rows: sent with every batch."""

    vocabulary: Vocabulary
    checks: tuple[tuple[str, PairCheck], ...]


Extracted = tuple[list[StoredClaim], str | None]
"""A document's claims as store rows, or the error that stopped its extraction."""


def extract_for_store(keying: Keying, documents: list[Document]) -> list[Extracted]:
    """The work of one batch, wherever it runs: each document's claims as store rows."""
    extracted: list[Extracted] = []
    for document in documents:
        claims, error = extract_or_error(document, keying.vocabulary)
        extracted.append(([stored_claim(claim, keying.checks) for claim in claims], error))
    return extracted


LOST_WORKER = "worker lost"


def _lost(document: Document, reason: str) -> Extracted:
    return [], reason


def content_hash(path: Path, metadata: Metadata | None) -> str:
    digest = hashlib.sha256(path.read_bytes())
    meta = metadata_for(path, metadata or {})
    digest.update(json.dumps(meta, sort_keys=True, default=str).encode("utf-8"))
    return digest.hexdigest()


@dataclass
class _Pending:
    """A file read and waiting for its documents' claims (``key`` None: nothing to store,
    only ``loaded``'s error to report)."""

    key: str | None
    digest: str
    loaded: LoadResult
    waiting: int
    claims: list[StoredClaim] = field(default_factory=list)
    errors: dict[tuple[str, str], str] = field(default_factory=dict)


class _Files:
    """The files of one index run, in order: those read wait in ``pending`` for their
    documents' claims, then are written (and committed) in the order they were read."""

    def __init__(
        self,
        store: ClaimStore,
        metadata: Metadata | None,
        progress: Callable[[int], None] | None,
    ) -> None:
        self.store, self.metadata, self.progress = store, metadata, progress
        self.result = IndexResult()
        self.pending: deque[_Pending] = deque()
        self.seen: set[str] = set()

    def _failed(self, source: str, error: str) -> None:
        failed = LoadResult()
        failed.fail(source, error)
        self.pending.append(_Pending(None, "", failed, 0))

    def documents(
        self, paths: Iterable[str | Path], selection: Selection | None
    ) -> Iterator[Document]:
        """The documents to extract, file by file, noting each file in ``pending``."""
        for raw in paths:
            path = Path(raw)
            if not path.exists():
                self._failed(str(path), "no such file")
                continue
            for file in document_files(path, selection):
                try:
                    digest = content_hash(file, self.metadata)
                except OSError as exc:
                    self._failed(str(file), str(exc))
                    continue
                # Keyed by absolute path, so runs from another directory find the file.
                key = str(file.resolve())
                if key in self.seen or self.store.file_hash(key) == digest:
                    self.result.unchanged += 1
                    if key not in self.seen:  # its errors stand while the file is unchanged
                        self.result.errors.extend(self.store.errors_of(key))
                    if self.progress is not None:
                        self.progress(1)
                    continue
                self.seen.add(key)
                loaded = load_file(file, self.metadata)
                self.pending.append(_Pending(key, digest, loaded, len(loaded.documents)))
                yield from loaded.documents

    def extracted(self, claims: list[StoredClaim], error: str | None) -> None:
        """The next document's result: results come in input order."""
        file = self.pending[0]
        document = file.loaded.documents[len(file.loaded.documents) - file.waiting]
        file.claims.extend(claims)
        if error is not None:
            file.errors[document.source, document.id] = error
        file.waiting -= 1

    def write_ready(self, writer: Writer) -> int:
        """Write the files at the head whose documents are all extracted; returns how many
        documents that stored."""
        stored = 0
        while self.pending and self.pending[0].waiting == 0:
            done = self.pending.popleft()
            statuses = with_errors(done.loaded.statuses, done.errors)
            if done.key is not None:
                # A lost worker is no property of the file: store it unhashed, so the
                # next run reads it again (a bad line, by contrast, stays bad).
                lost = any(e.startswith(LOST_WORKER) for e in done.errors.values())
                self.result.claims += writer.put_stored(
                    done.key, "" if lost else done.digest, statuses, done.claims
                )
                stored += len(statuses)
            self.result.documents += sum(s.status == "checked" for s in statuses)
            self.result.errors.extend(s for s in statuses if s.status == "error")
            if self.progress is not None:
                self.progress(1)
        return stored


def index_paths(
    paths: Iterable[str | Path],
    store: ClaimStore,
    pack: RulePack,
    metadata: Metadata | None = None,
    *,
    rebuild: bool = False,
    selection: Selection | None = None,
    executor: Executor | None = None,
    progress: Callable[[int], None] | None = None,
    commit_every: int = COMMIT_DOCUMENTS,
) -> IndexResult:
    """Add the documents under ``paths`` to ``store``; files indexed unchanged are skipped.

    A file that fails to load, or a document whose extraction fails (or whose worker is
    lost twice), is stored with its error (reported again, not re-read, while the file
    is unchanged); it never stops the run. A path that vanishes between the listing and
    the read is an error too. ``executor`` says where extraction runs (default: here);
    ``progress`` is told of each file done (stored, skipped as unchanged, or failed).
    What was written is committed every ``commit_every`` documents, so a killed run
    keeps it.
    """
    files = _Files(store, metadata, progress)
    with store.writing(pack, rebuild=rebuild) as writer:
        keying = Keying(pack.vocabulary, tuple(writer.checks))
        work = executor or InProcess()
        uncommitted = 0
        documents = files.documents(paths, selection)
        for claims, error in work.map(extract_for_store, keying, documents, _lost):
            uncommitted += files.write_ready(writer)  # files with no documents to wait for
            files.extracted(claims, error)
            uncommitted += files.write_ready(writer)
            if uncommitted >= commit_every:
                writer.commit()
                uncommitted = 0
        files.write_ready(writer)
    return files.result
