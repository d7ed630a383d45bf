"""The Python API: ``extract`` claims from text, ``check`` documents against each other."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Literal

from numcheck.ci.config import LoadedConfig, load_config
from numcheck.claims import Claim
from numcheck.documents.load import LoadResult, Metadata, document_from_text
from numcheck.documents.model import Document
from numcheck.extract.pipeline import extract_claims
from numcheck.findings import Report
from numcheck.parallel import Executor
from numcheck.rules.load import RulePack, bundled_pack, load_rules
from numcheck.run import Input, RunOptions, check_documents, run_check
from numcheck.store import ClaimStore, IndexResult, index_paths

RulesLike = RulePack | str | Path | Sequence[str | Path] | None
StoreLike = ClaimStore | str | Path
ConfigLike = LoadedConfig | str | Path | None


def document(
    text: str,
    *,
    id: str = "<text>",
    published: dt.date | str | None = None,
    format: Literal["txt", "md", "html"] = "txt",
    title: str | None = None,
) -> Document:
    """A document made from a string: the one way text (not a path) enters a check.

    ``format="md"`` reads YAML front matter (its ``published`` and ``title`` unless given
    here) and keeps only the visible text, as a ``.md`` file would be read.
    """
    return document_from_text(
        text, id=id, format=format, fields={"published": published, "title": title}
    )


def extract(
    source: Document | str, *, published: dt.date | str | None = None, rules: RulePack | None = None
) -> list[Claim]:
    """The claims of one document (or of a string, read as a document)."""
    doc = source if isinstance(source, Document) else document(source, published=published)
    vocabulary = (rules or bundled_pack()).vocabulary
    return extract_claims(doc, vocabulary)


def check_loaded(
    drafts: LoadResult,
    archive: LoadResult | None,
    rules: RulePack,
    store: ClaimStore | None = None,
) -> Report:
    """Extract and check already loaded documents, without suppressions or a baseline."""
    return check_documents(drafts, archive, rules, store).report


def _pack(rules: RulesLike) -> RulePack:
    if rules is None:
        return bundled_pack()
    return rules if isinstance(rules, RulePack) else load_rules(rules)


def _open(store: StoreLike, *, create: bool = False, rebuild: bool = False) -> ClaimStore:
    if isinstance(store, ClaimStore):
        return store
    return ClaimStore(store, create=create, replace_damaged=rebuild)


def _config(config: ConfigLike) -> LoadedConfig:
    if config is None or isinstance(config, LoadedConfig):
        return config or LoadedConfig()
    return load_config(Path(config))


def check(
    documents: Input,
    against: Input | None = None,
    rules: RulesLike = None,
    store: StoreLike | None = None,
    *,
    config: ConfigLike = None,
    baseline: str | Path | None = None,
) -> Report:
    """Check ``documents`` with each other, or against an archive (``against``, ``store``).

    The same run as ``numcheck check``: inline ignore comments and ``baseline`` accept
    findings, and ``config`` (a numcheck.toml or pyproject.toml; none by default) sets
    what the command line's configuration sets. With an archive, every finding involves
    at least one of ``documents``. Inputs are ``Document`` objects (see ``document``) or
    paths to files and folders; a path that does not exist raises ``InputError``, a file
    that cannot be read is listed in the report with its error. ``store`` is a claim store
    made by ``index`` with the same rules; another schema version or rule pack raises
    ``StoreError``.
    """
    options = RunOptions.from_config(
        _config(config),
        rules=rules,
        baseline=Path(baseline) if baseline is not None else None,
    )
    if store is None:
        return run_check(documents, against, options).report
    opened = _open(store)
    try:
        return run_check(documents, against, options, store=opened).report
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
    executor: Executor | None = None,
) -> IndexResult:
    """Extract the claims of ``paths`` into ``store`` (created if missing), once.

    Files indexed before with the same content and metadata are skipped; changed files
    replace their old claims. Raises ``StoreError`` when the store was built with another
    rule pack, unless ``rebuild`` empties it first. ``executor`` extracts elsewhere:
    ``with numcheck.parallel.DaskWorkers.start(4) as workers: index(..., executor=workers)``.
    """
    opened = _open(store, create=True, rebuild=rebuild)
    try:
        return index_paths(
            paths, opened, _pack(rules), metadata, rebuild=rebuild, executor=executor
        )
    finally:
        if opened is not store:
            opened.close()
