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
from numcheck.extract.pipeline import extract_or_error, with_errors
from numcheck.parallel import Executor, InProcess
from numcheck.rules.checks.base import PairCheck
from numcheck.rules.load import RulePack
from numcheck.store.sqlite import ClaimStore, StoredClaim, stored_claim
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


def index_paths(
    paths: Iterable[str | Path],
    store: ClaimStore,
    pack: RulePack,
    metadata: Metadata | None = None,
    *,
    rebuild: bool = False,
    executor: Executor | None = None,
    progress: Callable[[int], None] | None = None,
    commit_every: int = COMMIT_DOCUMENTS,
) -> IndexResult:
    """Add the documents under ``paths`` to ``store``; files indexed unchanged are skipped.

    A file that fails to load, or a document whose extraction fails (or whose worker is
    lost twice), is stored with its error (and read again next time); it never stops the
    run. ``executor`` says where extraction runs (default: here); ``progress`` is told
    of each file done (stored, skipped as unchanged, or failed). What was written is
    committed every ``commit_every`` documents, so a killed run keeps it.
    """
    result = IndexResult()
    pending: deque[_Pending] = deque()
    seen: set[str] = set()

    def documents() -> Iterator[Document]:
        """The documents to extract, file by file, noting each file in ``pending``."""
        for raw in paths:
            path = Path(raw)
            if not path.exists():
                failed = LoadResult()
                failed.fail(str(path), "no such file")
                pending.append(_Pending(None, "", failed, 0))
                continue
            for file in document_files(path):
                try:
                    digest = content_hash(file, metadata)
                except OSError as exc:
                    failed = LoadResult()
                    failed.fail(str(file), str(exc))
                    pending.append(_Pending(None, "", failed, 0))
                    continue
                # Keyed by absolute path, so runs from another directory find the file.
                key = str(file.resolve())
                if key in seen or store.file_hash(key) == digest:
                    result.unchanged += 1
                    if progress is not None:
                        progress(1)
                    continue
                seen.add(key)
                loaded = load_file(file, metadata)
                pending.append(_Pending(key, digest, loaded, len(loaded.documents)))
                yield from loaded.documents

    with store.writing(pack, rebuild=rebuild) as writer:
        keying = Keying(pack.vocabulary, tuple(writer.checks))
        uncommitted = 0

        def write_ready() -> None:
            nonlocal uncommitted
            while pending and pending[0].waiting == 0:
                done = pending.popleft()
                statuses = with_errors(done.loaded.statuses, done.errors)
                if done.key is not None:
                    result.claims += writer.put_stored(done.key, done.digest, statuses, done.claims)
                    uncommitted += len(statuses)
                result.documents += sum(s.status == "checked" for s in statuses)
                result.errors.extend(s for s in statuses if s.status == "error")
                if progress is not None:
                    progress(1)
            if uncommitted >= commit_every:
                writer.commit()
                uncommitted = 0

        work = executor or InProcess()
        for claims, error in work.map(extract_for_store, keying, documents(), _lost):
            write_ready()
            file = pending[0]  # results come in input order: this file's next document
            document = file.loaded.documents[len(file.loaded.documents) - file.waiting]
            file.claims.extend(claims)
            if error is not None:
                file.errors[document.source, document.id] = error
            file.waiting -= 1
            write_ready()
        write_ready()
    return result
