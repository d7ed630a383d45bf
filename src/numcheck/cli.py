"""The ``numcheck`` command: ``extract``, ``check``, ``index`` and ``schema``.

Exit codes: 0 no finding at the ``--fail-on`` level, 1 at least one, 2 a usage, rule-file,
configuration or input error (said in one line on stderr).

Settings come from the command line, else from the configuration file (``config.py``),
else from the defaults here.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from numcheck.ci.config import (
    LoadedConfig,
    configure_pack,
    find_config,
    load_config,
    selection,
)
from numcheck.claims import Claim
from numcheck.documents.load import DocumentError, LoadResult, load_metadata, load_paths
from numcheck.documents.select import Selection
from numcheck.extract.pipeline import extract_or_error
from numcheck.progress import ProgressBar
from numcheck.report import FORMATS
from numcheck.report.context import stream_wants_color
from numcheck.rules.load import RulePack, load_rules
from numcheck.rules.yaml_source import RuleFileError
from numcheck.run import EXIT_ERROR, EXIT_OK, InputError, RunOptions, run_check
from numcheck.schemas import SCHEMAS, schema_json
from numcheck.store import ClaimStore, StoreError, index_paths


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
    check.add_argument(
        "--fail-on-unreadable",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="an input that cannot be read fails the run with exit 2 (default: yes)",
    )
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
        "--exclude",
        action="append",
        default=[],
        metavar="PATTERN",
        help="skip files and folders matching PATTERN (.gitignore syntax) when walking folders",
    )
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


def _load(paths: Sequence[str], meta: Path | None, walk: Selection) -> LoadResult:
    metadata = load_metadata(meta) if meta else None
    return load_paths(paths, metadata, walk)


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
    loaded_config = _config(args)
    pack = _rules(args.rules, loaded_config)
    loaded = _load(args.paths, args.meta, selection(loaded_config, args.exclude))
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


def _check(args: argparse.Namespace) -> int:
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
    )
    bar = ProgressBar.on_terminal(sys.stderr)
    try:
        run = run_check(args.paths, args.against, options, progress=bar)
    finally:
        if bar:
            bar.close()
    if args.write_baseline:
        print(
            f"numcheck: wrote {run.accepted} accepted findings to {args.write_baseline}",
            file=sys.stderr,
        )
    color = args.format == "text" and not args.output and stream_wants_color(sys.stdout)
    text = run.render(args.format, color=color)
    if args.output:
        try:
            args.output.write_text(text, encoding="utf-8")
        except OSError as exc:
            raise UsageError(f"{args.output}: cannot write report: {exc.strerror or exc}") from exc
    else:
        sys.stdout.write(text)
    if args.output or args.format != "text":  # the text report lists them itself
        for failed in run.input_errors:
            print(f"numcheck: error: {failed.source}: {failed.error}", file=sys.stderr)
    return run.exit_code()


def _index(args: argparse.Namespace) -> int:
    loaded_config = _config(args)
    pack = _rules(args.rules, loaded_config)
    store_path = args.store or loaded_config.config.store
    if store_path is None:
        raise UsageError("index needs --store FILE (or 'store' in the configuration)")
    meta = args.meta or loaded_config.config.meta
    metadata = load_metadata(meta) if meta else None
    with ClaimStore(store_path, create=True) as store:
        result = index_paths(
            args.paths,
            store,
            pack,
            metadata,
            rebuild=args.rebuild,
            selection=selection(loaded_config, args.exclude),
        )
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
    except (RuleFileError, DocumentError, InputError, UsageError, StoreError) as exc:
        print(f"numcheck: error: {exc}", file=sys.stderr)
        return EXIT_ERROR


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
