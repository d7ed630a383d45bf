"""The ``numcheck`` command: ``extract``, ``check``, ``index`` and ``schema``.

Exit codes: 0 no finding at the ``--fail-on`` level, 1 at least one, 2 a usage, rule-file
or input error.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from numcheck.api import check_loaded
from numcheck.claims import Claim
from numcheck.documents.load import DocumentError, LoadResult, load_metadata, load_paths
from numcheck.extract.pipeline import extract_claims
from numcheck.findings import Report, Severity
from numcheck.report import FORMATS, render
from numcheck.rules.load import RulePack, load_rules
from numcheck.rules.yaml_source import RuleFileError
from numcheck.schemas import SCHEMAS, schema_json
from numcheck.store import ClaimStore, StoreError, index_paths

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

    check = commands.add_parser("check", help="check documents for claims that cannot all hold")
    check.add_argument("paths", nargs="+", metavar="PATH")
    check.add_argument("--against", nargs="+", metavar="PATH", help="archive to compare with")
    check.add_argument("--rules", type=Path, action="append", help="rule file or folder")
    check.add_argument("--meta", type=Path, help="YAML or CSV metadata by file name")
    check.add_argument("--format", choices=sorted(FORMATS), default="text")
    check.add_argument(
        "--fail-on", choices=["error", "warning", "info", "never"], default="warning"
    )
    check.add_argument("--output", "-o", type=Path, help="write the report to a file")
    check.add_argument("--store", type=Path, help="claim store of an indexed archive")

    index = commands.add_parser("index", help="extract an archive's claims into a claim store")
    index.add_argument("paths", nargs="+", metavar="PATH")
    index.add_argument("--store", type=Path, required=True, help="SQLite file (created)")
    index.add_argument("--rules", type=Path, action="append", help="rule file or folder")
    index.add_argument("--meta", type=Path, help="YAML or CSV metadata by file name")
    index.add_argument(
        "--rebuild", action="store_true", help="empty the store first (e.g. for new rules)"
    )

    schema = commands.add_parser("schema", help="print a JSON Schema")
    schema.add_argument("which", choices=sorted(SCHEMAS))
    return parser


def _rules(paths: list[Path] | None) -> RulePack:
    return load_rules(paths or None)


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
    pack = _rules(args.rules)
    loaded = _load(args.paths, args.meta)
    out = sys.stdout
    status = EXIT_OK
    for doc in loaded.documents:
        try:
            claims = extract_claims(doc, pack.vocabulary)
        except Exception as exc:  # one bad document never aborts a batch
            print(f"{doc.source}: error: extraction failed: {exc}", file=sys.stderr)
            status = EXIT_ERROR
            continue
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


def _check(args: argparse.Namespace) -> int:
    pack = _rules(args.rules)
    drafts = _load(args.paths, args.meta)
    archive = _load(args.against, args.meta) if args.against else None
    if args.store:
        with ClaimStore(args.store) as store:
            report = check_loaded(drafts, archive, pack, store)
    else:
        report = check_loaded(drafts, archive, pack)
    text = render(report, args.format)
    if args.output:
        args.output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return exit_code(report, args.fail_on)


def _index(args: argparse.Namespace) -> int:
    pack = _rules(args.rules)
    metadata = load_metadata(args.meta) if args.meta else None
    with ClaimStore(args.store, create=True) as store:
        result = index_paths(args.paths, store, pack, metadata, rebuild=args.rebuild)
    print(
        f"indexed {result.documents} documents ({result.claims} claims) into {args.store}; "
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
