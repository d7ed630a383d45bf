"""One check run, the same for ``numcheck check`` and ``numcheck.check``.

load → extract → rules → suppressions → baseline → report. The command line only parses
its arguments into ``RunOptions`` and prints what ``Run`` renders; the API builds the
same options from its keyword arguments, so a finding an ignore comment silences in CI
is silenced in Python too.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal, Protocol, TextIO

from numcheck.ci.baseline import read_baseline, without_baseline, write_baseline
from numcheck.ci.config import (
    LoadedConfig,
    configure_pack,
    rule_pack,
    selection,
    unused_suppression_severity,
)
from numcheck.ci.suppressions import (
    UNUSED_DESCRIPTION,
    UNUSED_RULE,
    UNUSED_SUMMARY,
    apply_suppressions,
)
from numcheck.claims import Claim
from numcheck.documents.load import LoadResult, Metadata, load_metadata, load_paths
from numcheck.documents.model import Document, DocumentStatus
from numcheck.documents.select import SUFFIXES, Selection
from numcheck.extract.pipeline import extract_loaded
from numcheck.findings import Category, Report, Severity
from numcheck.grouping import group_by_draft_claim
from numcheck.parallel import Executor, extraction_on
from numcheck.report import ReportContext, RuleInfo, render
from numcheck.report.context import Tally
from numcheck.report.json import write_json
from numcheck.rules.engine import run_rules
from numcheck.rules.load import RulePack
from numcheck.store import ClaimStore

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
FailOn = Literal["error", "warning", "info", "never"]

DocumentsLike = Document | LoadResult | str | Path
Input = DocumentsLike | Iterable[DocumentsLike]


class Progress(Protocol):
    """Told how many items each phase has and when one is done (``progress.ProgressBar``)."""

    def phase(self, unit: str, total: int) -> None: ...

    def step(self, item: object = None) -> None: ...


class InputError(Exception):
    """An input the run was told to read and cannot: a missing path, an unreadable archive."""


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
    progress: Progress | None = None,
    executor: Executor | None = None,
) -> Checked:
    """Extract and check already loaded documents; a document that fails is reported.

    With ``store``, the drafts are also checked against its claims; the report lists the
    inputs read in this run (drafts, ``archive``), not the store's documents.
    ``progress`` counts the documents extracted, then the rules run; ``executor``
    extracts elsewhere (Dask workers, ``numcheck.parallel``).
    """
    if store is not None:
        store.require(rules)  # before the work, not after
    documents = [*drafts.documents, *(archive.documents if archive else [])]
    if progress is not None:
        progress.phase("documents", len(documents))
    claims, statuses = extract_loaded(
        documents,
        [*drafts.statuses, *(archive.statuses if archive else [])],
        rules.vocabulary,
        progress.step if progress else None,
        extraction=extraction_on(executor, rules.vocabulary) if executor else None,
    )
    against = archive is not None or store is not None
    draft_ids = frozenset(d.id for d in drafts.documents) if against else None
    if progress is not None:
        progress.phase("rules", len(rules.enabled()))
    findings = run_rules(
        claims, rules, draft_ids, archive=store, on_rule=progress.step if progress else None
    )
    return Checked(Report(documents=tuple(statuses), findings=tuple(findings)), tuple(claims))


@dataclass(frozen=True)
class RunOptions:
    """What a run does besides reading its inputs: the command line's flags, resolved.

    ``from_config`` fills what a caller leaves as None from the configuration file, then
    from the defaults, in the same order for the CLI and the API.
    """

    rules: RulePack
    store: Path | None = None
    meta: Path | None = None
    baseline: Path | None = None
    write_baseline: Path | None = None
    unused_severity: Severity | None = Severity.WARNING
    show: Severity = Severity.INFO
    fail_on: FailOn = "warning"
    fail_on_unreadable: bool = True
    archive: tuple[Path, ...] = ()
    selection: Selection = field(default_factory=Selection)

    @classmethod
    def from_config(
        cls,
        config: LoadedConfig | None = None,
        *,
        rules: RulePack | Sequence[str | Path] | str | Path | None = None,
        store: Path | None = None,
        meta: Path | None = None,
        baseline: Path | None = None,
        write_baseline: Path | None = None,
        show: str | None = None,
        fail_on: FailOn | None = None,
        fail_on_unreadable: bool | None = None,
        exclude: Sequence[str] = (),
        extend_rules: Sequence[str | Path] = (),
        select: Sequence[str] = (),
        ignore: Sequence[str] = (),
    ) -> RunOptions:
        loaded = config or LoadedConfig()
        settings = loaded.config
        if isinstance(rules, RulePack):
            pack = rules
        else:
            paths = [rules] if isinstance(rules, (str, Path)) else list(rules or [])
            pack = rule_pack(loaded, paths, extend_rules)
        unused = unused_suppression_severity(loaded)
        if UNUSED_RULE in ignore or (select and UNUSED_RULE not in select):
            unused = None
        return cls(
            rules=configure_pack(pack, loaded, select=select, ignore=ignore),
            store=store or settings.store,
            meta=meta or settings.meta,
            baseline=baseline or settings.baseline,
            write_baseline=write_baseline,
            unused_severity=unused,
            show=Severity(show or settings.show or "info"),
            fail_on=fail_on or settings.fail_on or "warning",
            fail_on_unreadable=(
                settings.fail_on_unreadable if fail_on_unreadable is None else fail_on_unreadable
            ),
            archive=settings.archive,
            selection=selection(loaded, exclude),
        )


@dataclass(frozen=True)
class Run:
    """A finished run: the findings that count, and what a report needs to show them."""

    report: Report
    claims: tuple[Claim, ...]
    documents: tuple[Document, ...]
    options: RunOptions
    drafts: frozenset[str] = field(default_factory=frozenset)
    against: bool = False
    silenced: int = 0
    accepted: int = 0

    @property
    def shown(self) -> Report:
        """The report cut to ``--show``: what is printed, not what fails."""
        return self.report.model_copy(update={"findings": self.report.at_least(self.options.show)})

    @property
    def input_errors(self) -> tuple[DocumentStatus, ...]:
        """Inputs that could not be read or extracted: the run did not look at them."""
        return tuple(s for s in self.report.documents if s.status == "error")

    def exit_code(self) -> int:
        """2 when an input was not read (a gate must not pass what it did not look at),
        unless ``fail_on_unreadable`` is off; else 1 for a finding at ``fail_on``; else 0."""
        if self.input_errors and self.options.fail_on_unreadable:
            return EXIT_ERROR
        if self.options.fail_on == "never":
            return EXIT_OK
        return EXIT_FINDINGS if self.report.at_least(Severity(self.options.fail_on)) else EXIT_OK

    @property
    def tally(self) -> Tally:
        shown = len(self.shown.findings)
        return Tally(
            shown=shown,
            hidden=len(self.report.findings) - shown,
            silenced=self.silenced,
            accepted=self.accepted,
        )

    def summary(self) -> str:
        """One line that adds up: shown, hidden by ``--show``, silenced, accepted, unread."""
        errors = len(self.input_errors)
        unread = f"; {errors} input{'s' if errors != 1 else ''} not readable" if errors else ""
        return self.tally.line() + unread

    def context(self, *, color: bool = False) -> ReportContext:
        severity = self.options.unused_severity
        builtin = [] if severity is None else [unused_rule(severity)]
        return ReportContext.build(
            self.options.rules,
            self.documents,
            self.claims,
            drafts=self.drafts if self.against else None,
            extra_rules=builtin,
            color=color,
            tally=self.tally,
        )

    def write(
        self, stream: TextIO, format: str, *, color: bool = False, summary: bool = True
    ) -> None:
        """``render`` written to ``stream``; the JSON report piece by piece, so a batch's
        report is never one string in memory."""
        if format == "json":
            write_json(self.shown, stream)
        else:
            stream.write(self.render(format, color=color, summary=summary))

    def render(self, format: str, *, color: bool = False, summary: bool = True) -> str:
        """The report of what ``--show`` shows; ``summary=False`` (``-q``) drops the text
        format's closing summary line."""
        text = render(self.shown, format, self.context(color=color))
        if not summary and format == "text":
            text = text.rstrip("\n").rpartition("\n")[0]
            return text + "\n" if text else ""
        return text


def unused_rule(severity: Severity) -> RuleInfo:
    """The built-in rule reports show for ignore comments that silence nothing."""
    return RuleInfo(
        UNUSED_RULE, UNUSED_SUMMARY, UNUSED_DESCRIPTION, severity, Category.INCONSISTENCY
    )


def _listed(inputs: Input | None) -> list[DocumentsLike]:
    if inputs is None:
        return []
    return [inputs] if isinstance(inputs, (Document, LoadResult, str, Path)) else list(inputs)


def load_inputs(
    inputs: Input | None,
    metadata: Metadata | None = None,
    what: str = "document",
    selection: Selection | None = None,
) -> LoadResult:
    """Documents given as ``Document`` objects or paths; a path that does not exist raises.

    A string is a path, never text: ``numcheck.document(text)`` makes a document from text.
    """
    result = LoadResult()
    paths: list[str | Path] = []
    for item in _listed(inputs):
        if isinstance(item, LoadResult):  # already read (a document piped in on stdin)
            result.extend(item)
        elif isinstance(item, Document):
            result.documents.append(item)
            result.statuses.append(
                DocumentStatus(id=item.id, source=item.source, published=item.published)
            )
        else:
            paths.append(item)
    missing = [str(p) for p in paths if not Path(p).exists()]
    if missing:
        raise InputError(f"{missing[0]}: no such file or directory ({what})")
    result.extend(load_paths(paths, metadata, selection))
    return result


def _nothing_found(inputs: Input) -> str:
    named = ", ".join(str(p) for p in _listed(inputs)) or "no paths given"
    return f"{named} (looked for {', '.join(sorted(SUFFIXES))} files)"


def without_drafts(archive: LoadResult, drafts: LoadResult) -> LoadResult:
    """The archive without the drafts: pre-commit may pass a changed archive file as a draft."""
    if archive.statuses and not archive.documents:
        first = archive.statuses[0]
        raise InputError(f"archive unreadable: {first.source}: {first.error}")
    own = {os.path.realpath(d.source) for d in drafts.statuses}
    return LoadResult(
        [d for d in archive.documents if os.path.realpath(d.source) not in own],
        [d for d in archive.statuses if os.path.realpath(d.source) not in own],
    )


def run_check(
    documents: Input,
    against: Input | None,
    options: RunOptions,
    *,
    store: ClaimStore | None = None,
    progress: Progress | None = None,
    executor: Executor | None = None,
) -> Run:
    """Check ``documents`` (the drafts) with each other and against the archive.

    ``against`` None takes the configuration's archive. ``store`` is an open claim
    store; without it, ``options.store`` is opened for the run. ``executor`` extracts
    on Dask workers (``numcheck.parallel``) instead of here.
    """
    metadata = load_metadata(options.meta) if options.meta else None
    if against is None and options.archive:
        against = list(options.archive)
    archive_paths = tuple(Path(p) for p in _listed(against) if isinstance(p, (str, Path)))
    # Walking the drafts' folders skips the archive; a file named explicitly is a draft.
    walk = replace(options.selection, outside=archive_paths)
    drafts = load_inputs(documents, metadata, selection=walk)
    if not drafts.statuses:
        raise InputError("no documents to check: " + _nothing_found(documents))
    archive = (
        without_drafts(load_inputs(against, metadata, "archive", options.selection), drafts)
        if against
        else None
    )
    if store is None and options.store is not None:
        with ClaimStore(options.store) as opened:
            return _finish(drafts, archive, options, opened, progress, executor)
    return _finish(drafts, archive, options, store, progress, executor)


def _finish(
    drafts: LoadResult,
    archive: LoadResult | None,
    options: RunOptions,
    store: ClaimStore | None,
    progress: Progress | None,
    executor: Executor | None = None,
) -> Run:
    checked = check_documents(drafts, archive, options.rules, store, progress, executor)
    documents = (*drafts.documents, *(archive.documents if archive else ()))
    draft_ids = frozenset(d.id for d in drafts.documents)
    against = archive is not None or store is not None
    found = checked.report
    if against:
        published = {d.id: d.published for d in documents}
        grouped = group_by_draft_claim(found.findings, draft_ids, published)
        found = found.model_copy(update={"findings": grouped})
    suppressed = apply_suppressions(
        found,
        documents,
        report_unused_in=draft_ids,
        unused_severity=options.unused_severity,
        known_rules=frozenset(r.id for r in options.rules.rules) | {UNUSED_RULE},
    )
    report = suppressed.report
    kept = _accept_known(report, options)
    return Run(
        report=kept,
        claims=checked.claims,
        documents=documents,
        options=options,
        drafts=draft_ids,
        against=against,
        silenced=len(suppressed.silenced),
        accepted=len(report.findings) - len(kept.findings),
    )


def _accept_known(report: Report, options: RunOptions) -> Report:
    """The findings no baseline accepts; ``write_baseline`` first accepts every current one."""
    if options.write_baseline:
        write_baseline(report, options.write_baseline)
        return without_baseline(report, frozenset(f.id for f in report.findings))
    if options.baseline:
        return without_baseline(report, read_baseline(options.baseline))
    return report
