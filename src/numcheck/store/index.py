"""Index files into a claim store: load, extract, key, and skip what has not changed.

A file's content hash (its bytes and its metadata row) decides whether it is read again,
so re-indexing a growing archive costs the new and changed files only.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from numcheck.documents.load import Metadata, document_files, load_file, metadata_for
from numcheck.documents.model import DocumentStatus
from numcheck.documents.select import Selection
from numcheck.extract.pipeline import extract_loaded
from numcheck.rules.load import RulePack
from numcheck.store.sqlite import ClaimStore


@dataclass
class IndexResult:
    """What one index run did; ``errors`` are the inputs that could not be indexed."""

    documents: int = 0
    claims: int = 0
    unchanged: int = 0
    errors: list[DocumentStatus] = field(default_factory=list)


def content_hash(path: Path, metadata: Metadata | None) -> str:
    digest = hashlib.sha256(path.read_bytes())
    meta = metadata_for(path, metadata or {})
    digest.update(json.dumps(meta, sort_keys=True, default=str).encode("utf-8"))
    return digest.hexdigest()


def index_paths(
    paths: Iterable[str | Path],
    store: ClaimStore,
    pack: RulePack,
    metadata: Metadata | None = None,
    *,
    rebuild: bool = False,
    selection: Selection | None = None,
) -> IndexResult:
    """Add the documents under ``paths`` to ``store``; files indexed unchanged are skipped.

    A file that fails to load, or a document whose extraction fails, is stored with its
    error (reported again, not re-read, while the file is unchanged); it never stops the
    run. A path that vanishes between the listing and the read is an error too.
    """
    result = IndexResult()
    vocabulary = pack.vocabulary
    with store.writing(pack, rebuild=rebuild) as writer:
        for raw in paths:
            path = Path(raw)
            if not path.exists():
                result.errors.append(
                    DocumentStatus(
                        id=str(path), source=str(path), status="error", error="no such file"
                    )
                )
                continue
            for file in document_files(path, selection):
                try:
                    digest = content_hash(file, metadata)
                except OSError as exc:
                    result.errors.append(
                        DocumentStatus(
                            id=str(file), source=str(file), status="error", error=str(exc)
                        )
                    )
                    continue
                # Keyed by absolute path, so runs from another directory find the file.
                key = str(file.resolve())
                if store.file_hash(key) == digest:
                    result.unchanged += 1
                    result.errors.extend(store.errors_of(key))
                    continue
                loaded = load_file(file, metadata)
                claims, statuses = extract_loaded(loaded.documents, loaded.statuses, vocabulary)
                result.claims += writer.put(key, digest, statuses, claims)
                result.documents += sum(s.status == "checked" for s in statuses)
                result.errors.extend(s for s in statuses if s.status == "error")
    return result
