"""Baseline files: findings a newsroom has accepted, by id, so CI fails only on new ones.

A finding's id hashes its rule and what its claims say, not where they stand, so editing
unrelated text keeps an accepted finding accepted. The file is JSON with one entry per
finding (id plus rule, document and message for the human reviewing the diff), sorted
so that rewriting it gives small diffs.
"""

from __future__ import annotations

import json
from pathlib import Path

from numcheck.findings import Report
from numcheck.rules.yaml_source import RuleFileError

BASELINE_VERSION = 1


def baseline_json(report: Report) -> str:
    entries = sorted(
        (
            {
                "id": f.id,
                "rule": f.rule,
                "documents": sorted({e.document for e in f.evidence}),
                "message": f.message,
            }
            for f in report.findings
        ),
        key=lambda entry: (str(entry["rule"]), str(entry["id"])),
    )
    data = {"version": BASELINE_VERSION, "findings": entries}
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def write_baseline(report: Report, path: Path) -> None:
    try:
        path.write_text(baseline_json(report), encoding="utf-8")
    except OSError as exc:
        raise RuleFileError(path, f"cannot write baseline: {exc.strerror or exc}") from exc


def read_baseline(path: Path) -> frozenset[str]:
    """The accepted finding ids; a missing or malformed file is an error naming it."""
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except OSError as exc:
        raise RuleFileError(path, f"cannot read baseline: {exc.strerror or exc}") from exc
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        line = getattr(exc, "lineno", None)
        raise RuleFileError(path, f"baseline is not valid JSON: {exc}", line) from exc
    except (ValueError, RecursionError) as exc:  # 5,000-digit numbers, 100k brackets
        raise RuleFileError(path, f"baseline is not valid JSON: {exc}") from exc
    findings = data.get("findings") if isinstance(data, dict) else None
    if not isinstance(findings, list) or not all(
        isinstance(f, dict) and isinstance(f.get("id"), str) for f in findings
    ):
        raise RuleFileError(path, 'a baseline is {"version": 1, "findings": [{"id": ...}, ...]}')
    return frozenset(f["id"] for f in findings)


def without_baseline(report: Report, accepted: frozenset[str]) -> Report:
    """The report without the findings the baseline accepts."""
    kept = tuple(f for f in report.findings if f.id not in accepted)
    return report.model_copy(update={"findings": kept})
