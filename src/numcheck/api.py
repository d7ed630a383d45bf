"""The Python API: ``extract`` claims from text, ``check`` documents against each other."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from numcheck.claims import Claim
from numcheck.documents.load import LoadResult, Metadata, document_from_fields, load_paths
from numcheck.documents.model import Document, DocumentStatus, OffsetMap
from numcheck.extract.pipeline import extract_claims, extract_loaded
from numcheck.findings import Report
from numcheck.rules.engine import run_rules
from numcheck.rules.load import RulePack, load_rules
from numcheck.store import ClaimStore, IndexResult, index_paths

RulesLike = RulePack | str | Path | Sequence[str | Path] | None
StoreLike = ClaimStore | str | Path

DocumentsLike = Document | str | Path
Input = DocumentsLike | Iterable[DocumentsLike]


def document(text: str, *, id: str = "<text>", published: dt.date | str | None = None) -> Document:
    """A document made from a string (for tests and editorial tooling)."""
    return document_from_fields(id, text, id, {"published": published}, OffsetMap(text))


def extract(
    source: Document | str, *, published: dt.date | str | None = None, rules: RulePack | None = None
) -> list[Claim]:
    """The claims of one document (or of a string, read as a document)."""
    doc = source if isinstance(source, Document) else document(source, published=published)
    vocabulary = (rules or load_rules()).vocabulary
    return extract_claims(doc, vocabulary)


def _load(inputs: Input | None) -> LoadResult:
    result = LoadResult()
    if inputs is None:
        return result
    items: Iterable[DocumentsLike] = (
        [inputs] if isinstance(inputs, (Document, str, Path)) else inputs
    )
    paths: list[str | Path] = []
    for item in items:
        if isinstance(item, Document):
            result.documents.append(item)
            result.statuses.append(
                DocumentStatus(id=item.id, source=item.source, published=item.published)
            )
        else:
            paths.append(item)
    result.extend(load_paths(paths))
    return result


@dataclass(frozen=True)
class Checked:
    """A report with the claims it was computed from (the HTML report marks them all)."""

    report: Report
    claims: tuple[Claim, ...]


def check_documents(
    drafts: LoadResult,
    archive: LoadResult | None,
    rules: RulePack,
    store: ClaimStore | None = None,
    progress: Callable[[Document], None] | None = None,
) -> Checked:
    """Extract and check already loaded documents; a document that fails is reported.

    With ``store``, the drafts are also checked against its claims; the report lists the
    inputs read in this run (drafts, ``archive``), not the store's documents.
    ``progress`` is called once per document after its extraction (for progress bars).
    """
    if store is not None:
        store.require(rules)  # before the work, not after
    claims, statuses = extract_loaded(
        [*drafts.documents, *(archive.documents if archive else [])],
        [*drafts.statuses, *(archive.statuses if archive else [])],
        rules.vocabulary,
        progress,
    )
    against = archive is not None or store is not None
    draft_ids = frozenset(d.id for d in drafts.documents) if against else None
    findings = run_rules(claims, rules, draft_ids, archive=store)
    return Checked(Report(documents=tuple(statuses), findings=tuple(findings)), tuple(claims))


def check_loaded(
    drafts: LoadResult,
    archive: LoadResult | None,
    rules: RulePack,
    store: ClaimStore | None = None,
) -> Report:
    """Extract and check already loaded documents; a document that fails is reported."""
    return check_documents(drafts, archive, rules, store).report


def _pack(rules: RulesLike) -> RulePack:
    return rules if isinstance(rules, RulePack) else load_rules(rules)


def _open(store: StoreLike, *, create: bool = False, rebuild: bool = False) -> ClaimStore:
    if isinstance(store, ClaimStore):
        return store
    return ClaimStore(store, create=create, replace_damaged=rebuild)


def check(
    documents: Input,
    against: Input | None = None,
    rules: RulesLike = None,
    store: StoreLike | None = None,
) -> Report:
    """Check ``documents`` with each other, or against an archive (``against``, ``store``).

    With an archive, every finding involves at least one of ``documents``. Inputs are
    ``Document`` objects or paths to files and folders; files that cannot be read are
    listed in the report with their error. ``store`` is a claim store made by ``index``
    with the same rules; another schema version or rule pack raises ``StoreError``.
    """
    pack = _pack(rules)
    archive = _load(against) if against is not None else None
    if store is None:
        return check_loaded(_load(documents), archive, pack)
    opened = _open(store)
    try:
        return check_loaded(_load(documents), archive, pack, opened)
    finally:
        if opened is not store:
            opened.close()


def index(
    paths: Iterable[str | Path],
    store: StoreLike,
    rules: RulesLike = None,
    *,
    metadata: Metadata | None = None,
    rebuild: bool = False,
) -> IndexResult:
    """Extract the claims of ``paths`` into ``store`` (created if missing), once.

    Files indexed before with the same content and metadata are skipped; changed files
    replace their old claims. Raises ``StoreError`` when the store was built with another
    rule pack, unless ``rebuild`` empties it first.
    """
    opened = _open(store, create=True, rebuild=rebuild)
    try:
        return index_paths(paths, opened, _pack(rules), metadata, rebuild=rebuild)
    finally:
        if opened is not store:
            opened.close()
