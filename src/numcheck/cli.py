"""The ``numcheck`` command: ``extract``, ``check``, ``index`` and ``schema``.

Exit codes: 0 no finding at the ``--fail-on`` level, 1 at least one, 2 a usage, rule-file,
configuration or input error (said in one line on stderr).

Settings come from the command line, else from the configuration file (``config.py``),
else from the defaults here.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from numcheck.api import check_documents
from numcheck.baseline import read_baseline, without_baseline, write_baseline
from numcheck.claims import Claim
from numcheck.config import (
    LoadedConfig,
    configure_pack,
    find_config,
    load_config,
    unused_suppression_severity,
)
from numcheck.documents.load import DocumentError, LoadResult, load_metadata, load_paths
from numcheck.extract.pipeline import extract_or_error
from numcheck.findings import Category, Report, Severity
from numcheck.progress import ProgressBar
from numcheck.report import FORMATS, ReportContext, RuleInfo, render
from numcheck.report.context import stream_wants_color
from numcheck.rules.load import RulePack, load_rules
from numcheck.rules.yaml_source import RuleFileError
from numcheck.schemas import SCHEMAS, schema_json
from numcheck.store import ClaimStore, StoreError, index_paths
from numcheck.suppressions import (
    UNUSED_DESCRIPTION,
    UNUSED_RULE,
    UNUSED_SUMMARY,
    apply_suppressions,
)

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class UsageError(Exception):
    """A problem with the command line or its inputs, said in one line."""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="numcheck", description="Find numeric claims in news text that cannot all be true."
    )
    commands = parser.add_subparsers(dest="command", required=True)

    extract = commands.add_parser("extract", help="print the claims found in documents")
    extract.add_argument("paths", nargs="+", metavar="PATH")
    extract.add_argument("--format", choices=["jsonl", "text"], default="jsonl")
    extract.add_argument("--meta", type=Path, help="YAML or CSV metadata by file name")
    extract.add_argument("--rules", type=Path, action="append", help="rule pack (vocabulary)")
    _config_arguments(extract)

    check = commands.add_parser("check", help="check documents for claims that cannot all hold")
    check.add_argument("paths", nargs="+", metavar="PATH")
    check.add_argument("--against", nargs="+", metavar="PATH", help="archive to compare with")
    check.add_argument("--rules", type=Path, action="append", help="rule file or folder")
    check.add_argument("--meta", type=Path, help="YAML or CSV metadata by file name")
    check.add_argument("--format", choices=sorted(FORMATS), default="text")
    check.add_argument(
        "--fail-on",
        choices=["error", "warning", "info", "never"],
        help="lowest severity that fails the run (exit 1); default warning",
    )
    check.add_argument(
        "--show",
        choices=["error", "warning", "info"],
        help="lowest severity printed (does not change what fails); default info",
    )
    check.add_argument("--baseline", type=Path, help="accept the findings listed in this file")
    check.add_argument(
        "--write-baseline", type=Path, metavar="FILE", help="accept every current finding"
    )
    check.add_argument("--output", "-o", type=Path, help="write the report to a file")
    check.add_argument("--store", type=Path, help="claim store of an indexed archive")
    _config_arguments(check)

    index = commands.add_parser("index", help="extract an archive's claims into a claim store")
    index.add_argument("paths", nargs="+", metavar="PATH")
    index.add_argument("--store", type=Path, help="SQLite file (created); default: config store")
    index.add_argument("--rules", type=Path, action="append", help="rule file or folder")
    index.add_argument("--meta", type=Path, help="YAML or CSV metadata by file name")
    index.add_argument(
        "--rebuild", action="store_true", help="empty the store first (e.g. for new rules)"
    )
    _config_arguments(index)

    schema = commands.add_parser("schema", help="print a JSON Schema")
    schema.add_argument("which", choices=sorted(SCHEMAS))
    return parser


def _config_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--config", type=Path, help="numcheck.toml or pyproject.toml (default: found upwards)"
    )
    parser.add_argument("--no-config", action="store_true", help="ignore configuration files")


def _config(args: argparse.Namespace) -> LoadedConfig:
    if args.no_config:
        return LoadedConfig()
    path = args.config or find_config(Path.cwd())
    if path is None:
        return LoadedConfig()
    if not path.is_file():
        raise UsageError(f"{path}: no such configuration file")
    return load_config(path)


def _rules(paths: list[Path] | None, config: LoadedConfig) -> RulePack:
    pack = load_rules(paths or list(config.config.rules) or None)
    return configure_pack(pack, config)


def _load(paths: Sequence[str], meta: Path | None) -> LoadResult:
    metadata = load_metadata(meta) if meta else None
    return load_paths(paths, metadata)


def claim_record(claim: Claim) -> dict[str, Any]:
    """One line of ``numcheck extract --format jsonl``."""
    value = claim.value
    record: dict[str, Any] = {
        "document": claim.document,
        "start": claim.span.start,
        "end": claim.span.end,
        "line": claim.span.line,
        "column": claim.span.column,
        "quote": claim.quote,
        "kind": claim.kind.value,
    }
    if claim.timex is not None:
        record["timex"] = claim.timex
        record["resolved"] = claim.resolved
    if value is not None:
        record |= {
            "low": value.low,
            "high": value.high,
            "stated": claim.stated,
            "unit": claim.unit,
            "qualifier": claim.qualifier,
            "measure": claim.measure.label() if claim.measure else None,
        }
    if claim.event is not None:
        record["event"] = claim.event.label()
    record["claim"] = claim.model_dump(mode="json")
    return record


def _extract(args: argparse.Namespace) -> int:
    pack = _rules(args.rules, _config(args))
    loaded = _load(args.paths, args.meta)
    out = sys.stdout
    status = EXIT_OK
    for doc in loaded.documents:
        claims, error = extract_or_error(doc, pack.vocabulary)
        if error is not None:
            print(f"{doc.source}: error: {error}", file=sys.stderr)
            status = EXIT_ERROR
        for claim in claims:
            if args.format == "jsonl":
                out.write(json.dumps(claim_record(claim), ensure_ascii=False) + "\n")
            else:
                label = claim.timex or claim.value.describe() if claim.value else claim.timex
                out.write(
                    f"{doc.source}:{claim.span.line}:{claim.span.column}: "
                    f"{claim.kind.value} {claim.quote!r} {label}\n"
                )
    for failed in (s for s in loaded.statuses if s.status == "error"):
        print(f"{failed.source}: error: {failed.error}", file=sys.stderr)
        status = EXIT_ERROR
    return status


def exit_code(report: Report, fail_on: str) -> int:
    if fail_on == "never":
        return EXIT_OK
    return EXIT_FINDINGS if report.at_least(Severity(fail_on)) else EXIT_OK


def _require(paths: Sequence[str | Path], what: str) -> None:
    for path in paths:
        if not Path(path).exists():
            raise UsageError(f"{path}: no such file or directory ({what})")


def _archive(paths: Sequence[str | Path], meta: Path | None, drafts: LoadResult) -> LoadResult:
    """The archive without the drafts: pre-commit may pass a changed archive file as a draft."""
    loaded = _load([str(p) for p in paths], meta)
    if loaded.statuses and not loaded.documents:
        first = loaded.statuses[0]
        raise UsageError(f"archive unreadable: {first.source}: {first.error}")
    own = {os.path.realpath(d.source) for d in drafts.statuses}
    return LoadResult(
        [d for d in loaded.documents if os.path.realpath(d.source) not in own],
        [d for d in loaded.statuses if os.path.realpath(d.source) not in own],
    )


def _accept_known(report: Report, write: Path | None, baseline: Path | None) -> Report:
    """The findings no baseline accepts; ``write`` first accepts every current one."""
    if write:
        write_baseline(report, write)
        print(
            f"numcheck: wrote {len(report.findings)} accepted findings to {write}", file=sys.stderr
        )
        return without_baseline(report, frozenset(f.id for f in report.findings))
    if baseline:
        return without_baseline(report, read_baseline(baseline))
    return report


def _unused_rule(severity: Severity) -> RuleInfo:
    """The built-in rule reports show for ignore comments that silence nothing."""
    return RuleInfo(
        UNUSED_RULE, UNUSED_SUMMARY, UNUSED_DESCRIPTION, severity, Category.INCONSISTENCY
    )


def _check(args: argparse.Namespace) -> int:
    loaded_config = _config(args)
    config = loaded_config.config
    pack = _rules(args.rules, loaded_config)
    fail_on = args.fail_on or config.fail_on or "warning"
    show = Severity(args.show or config.show or "info")
    meta = args.meta or config.meta
    against = args.against or [str(p) for p in config.archive] or None
    baseline = args.baseline or config.baseline
    _require(args.paths, "document")
    _require(against or [], "archive")
    drafts = _load(args.paths, meta)
    archive = _archive(against, meta, drafts) if against else None
    documents = [*drafts.documents, *(archive.documents if archive else [])]
    store_path = args.store or config.store
    bar = ProgressBar.maybe(len(documents), sys.stderr)
    try:
        if store_path:
            with ClaimStore(store_path) as store:
                checked = check_documents(drafts, archive, pack, store, bar.step if bar else None)
        else:
            checked = check_documents(drafts, archive, pack, None, bar.step if bar else None)
    finally:
        if bar:
            bar.close()
    draft_ids = frozenset(d.id for d in drafts.documents)
    unused_severity = unused_suppression_severity(loaded_config)
    report = apply_suppressions(
        checked.report,
        documents,
        report_unused_in=draft_ids,
        unused_severity=unused_severity,
    ).report
    report = _accept_known(report, args.write_baseline, baseline)
    shown = report.model_copy(update={"findings": report.at_least(show)})
    builtin = [] if unused_severity is None else [_unused_rule(unused_severity)]
    context = ReportContext.build(
        pack,
        documents,
        checked.claims,
        drafts=draft_ids if archive is not None or store_path else None,
        extra_rules=builtin,
        color=args.format == "text" and not args.output and stream_wants_color(sys.stdout),
    )
    text = render(shown, args.format, context)
    if args.output:
        try:
            args.output.write_text(text, encoding="utf-8")
        except OSError as exc:
            raise UsageError(f"{args.output}: cannot write report: {exc.strerror or exc}") from exc
    else:
        sys.stdout.write(text)
    return exit_code(report, fail_on)


def _index(args: argparse.Namespace) -> int:
    loaded_config = _config(args)
    pack = _rules(args.rules, loaded_config)
    store_path = args.store or loaded_config.config.store
    if store_path is None:
        raise UsageError("index needs --store FILE (or 'store' in the configuration)")
    meta = args.meta or loaded_config.config.meta
    metadata = load_metadata(meta) if meta else None
    with ClaimStore(store_path, create=True, replace_damaged=args.rebuild) as store:
        result = index_paths(args.paths, store, pack, metadata, rebuild=args.rebuild)
    print(
        f"indexed {result.documents} documents ({result.claims} claims) into {store_path}; "
        f"{result.unchanged} files unchanged; {len(result.errors)} errors"
    )
    for failed in result.errors:
        print(f"{failed.source}: error: {failed.error}", file=sys.stderr)
    return EXIT_ERROR if result.errors else EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        if args.command == "extract":
            return _extract(args)
        if args.command == "check":
            return _check(args)
        if args.command == "index":
            return _index(args)
        sys.stdout.write(schema_json(args.which))
        return EXIT_OK
    except (RuleFileError, DocumentError, UsageError, StoreError) as exc:
        print(f"numcheck: error: {exc}", file=sys.stderr)
        return EXIT_ERROR


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
