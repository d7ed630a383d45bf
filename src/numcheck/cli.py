"""The ``numcheck`` command: ``check``, ``extract``, ``index``, ``rules`` and ``schema``.

Exit codes: 0 no finding at the ``--fail-on`` level, 1 at least one, 2 a usage, rule-file,
configuration or input error (said in one line on stderr); a closed pipe (``| head``)
ends quietly with 141, as a shell reports SIGPIPE.

Settings come from the command line, else from the configuration file (``ci/config.py``),
else from the defaults. This module parses and prints; ``numcheck.run`` does the work.
Only argparse is imported up front: ``--version`` and ``--help`` answer without loading
the extractors (measured in docs/benchmarks.md).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from numcheck._version import __version__

if TYPE_CHECKING:
    from numcheck.ci.config import LoadedConfig
    from numcheck.claims import Claim
    from numcheck.documents.load import LoadResult
    from numcheck.rules.load import RulePack

EXIT_OK, EXIT_ERROR, EXIT_PIPE = 0, 2, 141
# The report formats (numcheck.report.FORMATS) and schemas (numcheck.schemas.SCHEMAS),
# named here so the parser is built without importing them; tests/test_cli.py checks.
FORMATS = ("github", "html", "json", "sarif", "text")
SCHEMAS = ("claims", "report", "rules")
STDIN = "-"


class UsageError(Exception):
    """A problem with the command line or its inputs, said in one line."""


def _ids(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="numcheck", description="Find numeric claims in news text that cannot all be true."
    )
    parser.add_argument("-V", "--version", action="version", version=f"numcheck {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)

    check = commands.add_parser("check", help="check documents for claims that cannot all hold")
    check.add_argument("paths", nargs="+", metavar="PATH", help="drafts; - reads stdin")
    check.add_argument(
        "--against",
        action="append",
        metavar="PATH",
        help="archive to compare with (one path per use; repeat for more)",
    )
    _rule_arguments(check)
    check.add_argument(
        "--select",
        type=_ids,
        action="extend",
        default=[],
        metavar="IDS",
        help="run only these rules (comma-separated ids)",
    )
    check.add_argument(
        "--ignore",
        type=_ids,
        action="extend",
        default=[],
        metavar="IDS",
        help="do not run these rules (comma-separated ids)",
    )
    check.add_argument("--format", choices=FORMATS, default="text")
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
    check.add_argument(
        "--fail-on-unreadable",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="an input that cannot be read fails the run with exit 2 (default: yes)",
    )
    _worker_arguments(check)
    _common_arguments(check)

    extract = commands.add_parser("extract", help="print the claims found in documents")
    extract.add_argument("paths", nargs="+", metavar="PATH", help="documents; - reads stdin")
    extract.add_argument("--format", choices=["jsonl", "text"], default="jsonl")
    _rule_arguments(extract)
    _common_arguments(extract)

    index = commands.add_parser("index", help="extract an archive's claims into a claim store")
    index.add_argument("paths", nargs="+", metavar="PATH")
    index.add_argument("--store", type=Path, help="SQLite file (created); default: config store")
    _rule_arguments(index, stdin=False)
    index.add_argument(
        "--rebuild", action="store_true", help="empty the store first (e.g. for new rules)"
    )
    _worker_arguments(index)
    _common_arguments(index)

    rules = commands.add_parser("rules", help="list the rules with their kind and severity")
    rules.add_argument("--format", choices=["text", "json"], default="text")
    rules.add_argument("--rules", type=Path, action="append", help="rule file or folder")
    rules.add_argument("--extend-rules", type=Path, action="append", default=[], metavar="PATH")
    _common_arguments(rules)

    schema = commands.add_parser("schema", help="print a JSON Schema")
    schema.add_argument("which", choices=SCHEMAS)
    return parser


def _rule_arguments(parser: argparse.ArgumentParser, *, stdin: bool = True) -> None:
    parser.add_argument(
        "--rules", type=Path, action="append", help="rule file or folder (replaces the bundled)"
    )
    parser.add_argument(
        "--extend-rules",
        type=Path,
        action="append",
        default=[],
        metavar="PATH",
        help="rule file or folder added to the bundled pack",
    )
    parser.add_argument("--meta", type=Path, help="YAML or CSV metadata by file name")
    if stdin:
        parser.add_argument(
            "--stdin-filename",
            metavar="NAME",
            help="name (and format, by its suffix) of the document read from -",
        )
    parser.add_argument(
        "--exclude",
        action="append",
        default=[],
        metavar="PATTERN",
        help="skip files and folders matching PATTERN (.gitignore syntax) when walking folders",
    )


def _common_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--config", type=Path, help="numcheck.toml or pyproject.toml (default: found upwards)"
    )
    parser.add_argument("--no-config", action="store_true", help="ignore configuration files")
    parser.add_argument(
        "--color",
        choices=["auto", "always", "never"],
        default="auto",
        help="colour the text report (auto: on a terminal, unless NO_COLOR; FORCE_COLOR forces)",
    )
    loudness = parser.add_mutually_exclusive_group()
    loudness.add_argument(
        "-q", "--quiet", action="store_true", help="print the report only: no summary or notes"
    )
    loudness.add_argument(
        "-v", "--verbose", action="store_true", help="also say which settings the run used"
    )


def _note(args: argparse.Namespace, message: str) -> None:
    if not args.quiet:
        print(f"numcheck: {message}", file=sys.stderr)


def _verbose(args: argparse.Namespace, message: str) -> None:
    if args.verbose:
        print(f"numcheck: {message}", file=sys.stderr)


def _worker_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--workers",
        metavar="N",
        help="extract in N local Dask worker processes ('auto': a core each)",
    )
    parser.add_argument(
        "--scheduler", metavar="URL", help="extract on the Dask cluster at URL (tcp://host:8786)"
    )


def _config(args: argparse.Namespace) -> LoadedConfig:
    from numcheck.ci.config import LoadedConfig, find_config, load_config

    if args.no_config:
        return LoadedConfig()
    path = args.config or find_config(Path.cwd())
    if path is None:
        return LoadedConfig()
    if not path.is_file():
        raise UsageError(f"{path}: no such configuration file")
    _verbose(args, f"configuration: {path}")
    return load_config(path)


def _rules(args: argparse.Namespace, config: LoadedConfig) -> RulePack:
    from numcheck.ci.config import configure_pack, rule_pack

    pack = configure_pack(rule_pack(config, args.rules or [], args.extend_rules), config)
    _verbose(args, f"rules: {', '.join(r.id for r in pack.enabled())}")
    return pack


def _stdin(args: argparse.Namespace) -> LoadResult:
    """The document piped in for ``-``: named and typed by ``--stdin-filename``."""
    from numcheck.documents.load import parse_document

    name = args.stdin_filename or "<stdin>"
    suffix = Path(name).suffix if args.stdin_filename else ".txt"
    return parse_document(sys.stdin.read(), name, suffix)


def _inputs(args: argparse.Namespace) -> list[Any]:
    """The paths, with ``-`` replaced by the document read from stdin."""
    if args.stdin_filename and STDIN not in args.paths:
        raise UsageError("--stdin-filename names the document read from -; no - was given")
    return [_stdin(args) if path == STDIN else path for path in args.paths]


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
    from numcheck.ci.config import selection
    from numcheck.documents.load import load_metadata
    from numcheck.extract.pipeline import extract_or_error
    from numcheck.run import load_inputs

    loaded_config = _config(args)
    pack = _rules(args, loaded_config)
    meta = args.meta or loaded_config.config.meta
    metadata = load_metadata(meta) if meta else None
    loaded = load_inputs(_inputs(args), metadata, selection=selection(loaded_config, args.exclude))
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
    if not loaded.statuses:
        raise UsageError("no documents to extract from: " + ", ".join(args.paths))
    return status


def _check(args: argparse.Namespace) -> int:
    from numcheck.parallel import workers_for
    from numcheck.progress import ProgressBar
    from numcheck.report.context import stream_wants_color
    from numcheck.run import RunOptions, run_check

    loaded_config = _config(args)
    options = RunOptions.from_config(
        loaded_config,
        rules=args.rules,
        store=args.store,
        meta=args.meta,
        baseline=args.baseline,
        write_baseline=args.write_baseline,
        show=args.show,
        fail_on=args.fail_on,
        fail_on_unreadable=args.fail_on_unreadable,
        exclude=args.exclude,
        extend_rules=args.extend_rules,
        select=args.select,
        ignore=args.ignore,
    )
    _verbose(args, f"rules: {', '.join(r.id for r in options.rules.enabled())}")
    _verbose(args, f"fail on: {options.fail_on}; show: {options.show.value}")
    bar = None if args.quiet else ProgressBar.on_terminal(sys.stderr)
    try:
        with workers_for(
            args.workers, args.scheduler or loaded_config.config.scheduler
        ) as executor:
            run = run_check(_inputs(args), args.against, options, progress=bar, executor=executor)
    finally:
        if bar:
            bar.close()
    if args.write_baseline:
        _note(args, f"wrote {run.accepted} accepted findings to {args.write_baseline}")
    to_terminal = args.format == "text" and not args.output
    color = args.format == "text" and stream_wants_color(
        sys.stdout if to_terminal else None, args.color
    )
    if args.output:
        try:
            with args.output.open("w", encoding="utf-8") as stream:
                run.write(stream, args.format, color=color, summary=not args.quiet)
        except OSError as exc:
            raise UsageError(f"{args.output}: cannot write report: {exc.strerror or exc}") from exc
    else:
        run.write(sys.stdout, args.format, color=color, summary=not args.quiet)
    if not to_terminal:  # the text report lists them itself
        for failed in run.input_errors:
            print(f"numcheck: error: {failed.source}: {failed.error}", file=sys.stderr)
    if not args.quiet and (args.output or args.format != "text"):
        _note(args, run.summary())
    return run.exit_code()


def _files(paths: Sequence[str]) -> int:
    """How many files ``index`` will read or skip (counted only to size a progress bar)."""
    from numcheck.documents.load import document_files

    if not sys.stderr.isatty():
        return 0
    return sum(1 for path in paths if Path(path).exists() for _ in document_files(Path(path)))


def _index(args: argparse.Namespace) -> int:
    from numcheck.ci.config import selection
    from numcheck.documents.load import load_metadata
    from numcheck.parallel import workers_for
    from numcheck.progress import ProgressBar
    from numcheck.store import ClaimStore, index_paths

    loaded_config = _config(args)
    pack = _rules(args, loaded_config)
    store_path = args.store or loaded_config.config.store
    if store_path is None:
        raise UsageError("index needs --store FILE (or 'store' in the configuration)")
    meta = args.meta or loaded_config.config.meta
    metadata = load_metadata(meta) if meta else None
    bar = None if args.quiet else ProgressBar.maybe(_files(args.paths), sys.stderr, unit="files")
    try:
        with (
            workers_for(args.workers, args.scheduler or loaded_config.config.scheduler) as executor,
            ClaimStore(store_path, create=True, replace_damaged=args.rebuild) as store,
        ):
            result = index_paths(
                args.paths,
                store,
                pack,
                metadata,
                rebuild=args.rebuild,
                selection=selection(loaded_config, args.exclude),
                executor=executor,
                progress=bar.advance if bar else None,
            )
    finally:
        if bar:
            bar.close()
    if not args.quiet:
        print(
            f"indexed {result.documents} documents ({result.claims} claims) into {store_path}; "
            f"{result.unchanged} files unchanged; {len(result.errors)} errors"
        )
    for failed in result.errors:
        print(f"{failed.source}: error: {failed.error}", file=sys.stderr)
    return EXIT_ERROR if result.errors else EXIT_OK


def _list_rules(args: argparse.Namespace) -> int:
    """``numcheck rules``: each rule's id, kind, severity and summary (as ``ruff rule``)."""
    from numcheck.ci.config import unused_suppression_severity
    from numcheck.ci.suppressions import UNUSED_RULE, UNUSED_SUMMARY

    config = _config(args)
    pack = _rules(args, config)
    unused = unused_suppression_severity(config)
    rows: list[dict[str, Any]] = [
        {
            "id": r.id,
            "kind": r.check,
            "severity": r.severity.value,
            "enabled": r.enabled,
            "summary": r.summary,
        }
        for r in pack.rules
    ]
    rows.append(
        {
            "id": UNUSED_RULE,
            "kind": "built-in",
            "severity": unused.value if unused else "warning",
            "enabled": unused is not None,
            "summary": UNUSED_SUMMARY,
        }
    )
    if args.format == "json":
        sys.stdout.write(json.dumps(rows, indent=2) + "\n")
        return EXIT_OK
    width = max(len(r["id"]) for r in rows)
    kinds = max(len(r["kind"]) for r in rows)
    for row in rows:
        off = "" if row["enabled"] else " (off)"
        sys.stdout.write(
            f"{row['id']:<{width}}  {row['kind']:<{kinds}}  {row['severity']:<7}  "
            f"{row['summary']}{off}\n"
        )
    return EXIT_OK


def _schema(args: argparse.Namespace) -> int:
    from numcheck.schemas import schema_json

    sys.stdout.write(schema_json(args.which))
    return EXIT_OK


COMMANDS = {
    "check": _check,
    "extract": _extract,
    "index": _index,
    "rules": _list_rules,
    "schema": _schema,
}


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    from numcheck.documents.load import DocumentError
    from numcheck.parallel import ParallelError
    from numcheck.rules.yaml_source import RuleFileError
    from numcheck.run import InputError
    from numcheck.store import StoreError

    try:
        return COMMANDS[args.command](args)
    except (RuleFileError, DocumentError, InputError, UsageError, StoreError, ParallelError) as exc:
        print(f"numcheck: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:
        # The reader went away (``| head``): say nothing, and keep Python's own flush at
        # exit from raising again on the closed stdout.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_PIPE


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
