"""Rule cases as data: small texts and the findings a rule must and must not produce.

A case file sits beside the rules (``rules/cases/<rule-id>.yaml``)::

    rule: value-conflict
    cases:
      - name: a later, higher count since the same month is a possible update
        documents:
          - {id: early, published: 2024-01-05, text: "..."}
          - {id: late, published: 2024-02-10, text: "..."}
        archive: [early]          # optional: these documents are the archive
        options:                  # optional: the rule's options for this case only
          tolerance: {relative: 0.5}      # (nested mappings merge, as sqlfluff's configs)
        findings:                 # exactly these findings of the rule, in any order
          - quotes: ["more than 110 occasions", "over 165 attacks"]
            category: possible-update     # optional
            severity: warning             # optional

A rule file's ``examples`` run as cases too (``example_cases``): each ``fail`` example
must draw at least one finding of its rule, each ``pass`` example none. Users test
their own rules the same way: ``load_cases(folder)``, ``example_cases(pack)``, ``run_case``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from numcheck.api import check_loaded, document
from numcheck.documents.load import LoadResult
from numcheck.documents.model import DocumentStatus
from numcheck.findings import Category, Finding, Severity
from numcheck.rules.kinds import with_options
from numcheck.rules.load import RulePack, bundled_pack
from numcheck.rules.schema import Example, Rule
from numcheck.rules.yaml_source import RuleFileError, read_yaml


class _Strict(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class CaseDocument(_Strict):
    """One document of a case: an id, a text of your own, its publication date."""

    id: str
    text: str
    published: dt.date | None = None


class ExpectedFinding(_Strict):
    """A finding the case expects, by the quotes of its claims (in any order)."""

    quotes: list[str] = Field(min_length=1)
    category: Category | None = None
    severity: Severity | None = None


class Case(_Strict):
    """Documents, which of them are the archive, and the findings the rule must give."""

    name: str
    documents: list[CaseDocument] = Field(min_length=1)
    archive: list[str] = Field(default_factory=list)
    options: dict[str, Any] = Field(
        default_factory=dict, description="the rule's options for this case only"
    )
    findings: list[ExpectedFinding] = Field(default_factory=list)
    flagged: bool = Field(
        default=False,
        description="at least one finding of the rule is expected, whichever it is "
        "(a rule's fail example); ``findings`` is then not matched exactly",
    )


class CaseFile(_Strict):
    """A case file: the rule it tests and its cases."""

    rule: str
    cases: list[Case] = Field(min_length=1)


class LoadedCase(BaseModel):
    """A case with the rule it tests and where it was read (file and line, for errors)."""

    model_config = ConfigDict(frozen=True)

    rule: str
    case: Case
    source: str
    line: int | None = None

    @property
    def id(self) -> str:
        return f"{self.rule}: {self.case.name}"


def load_cases(folder: Path | str) -> list[LoadedCase]:
    """Every case in the ``*.yaml`` files of ``folder``; invalid files raise with file and line."""
    out: list[LoadedCase] = []
    for path in sorted(Path(folder).glob("*.y*ml")):
        source = read_yaml(path)
        try:
            parsed = CaseFile.model_validate(source.data)
        except ValidationError as exc:
            error = exc.errors()[0]
            raise RuleFileError(
                path,
                f"{'.'.join(map(str, error['loc']))}: {error['msg']}",
                source.line_of(error["loc"]),
            ) from exc
        out.extend(
            LoadedCase(
                rule=parsed.rule, case=c, source=str(path), line=source.line_of(["cases", i])
            )
            for i, c in enumerate(parsed.cases)
        )
    return out


def example_cases(pack: RulePack | None = None) -> list[LoadedCase]:
    """Each rule's ``examples`` as cases: a ``fail`` example is flagged, a ``pass`` one not."""
    pack = pack or bundled_pack()
    return [
        _example_case(rule.id, flagged, number, example)
        for rule in pack.rules
        for flagged, examples in ((True, rule.examples.fail), (False, rule.examples.passes))
        for number, example in enumerate(examples, 1)
    ]


def _example_case(rule: str, flagged: bool, number: int, example: Example) -> LoadedCase:
    documents = [(f"example-{i}", document) for i, document in enumerate(example, 1)]
    case = Case(
        name=f"{'fail' if flagged else 'pass'} example {number}",
        documents=[CaseDocument(id=i, text=d.text, published=d.published) for i, d in documents],
        archive=[i for i, d in documents if d.archive],
        flagged=flagged,
    )
    return LoadedCase(rule=rule, case=case, source=f"rule {rule} (examples)")


def _case_rule(case: LoadedCase, rule: Rule[Any]) -> Rule[Any]:
    """The case's rule with the case's options; a bad option names the case file and line."""
    if not case.case.options:
        return rule
    try:
        return with_options(rule, case.case.options)
    except ValidationError as exc:
        error = exc.errors()[0]
        where = ".".join(map(str, error["loc"]))
        raise RuleFileError(
            case.source, f"{case.case.name}: options.{where}: {error['msg']}", case.line
        ) from exc


def run_case(case: LoadedCase, pack: RulePack | None = None) -> list[Finding]:
    """The findings the case's rule produces on the case's documents."""
    pack = pack or bundled_pack()
    rules = tuple(_case_rule(case, r) for r in pack.rules if r.id == case.rule)
    if not rules:
        raise LookupError(f"{case.source}: no rule {case.rule!r} in the rule pack")
    docs = [document(d.text, id=d.id, published=d.published) for d in case.case.documents]

    def loaded(selected: list[str] | None) -> LoadResult:
        result = LoadResult()
        for doc in docs:
            if selected is None or doc.id in selected:
                result.documents.append(doc)
                result.statuses.append(DocumentStatus(id=doc.id, source=doc.source))
        return result

    archive_ids = case.case.archive
    if archive_ids:
        drafts = loaded([d.id for d in docs if d.id not in archive_ids])
        report = check_loaded(drafts, loaded(archive_ids), RulePack(rules, pack.folders))
    else:
        report = check_loaded(loaded(None), None, RulePack(rules, pack.folders))
    return list(report.findings)


def mismatches(case: LoadedCase, findings: list[Finding]) -> Iterator[str]:
    """What differs between the findings and the case's expectation (nothing: it passes)."""
    remaining = list(findings)
    if case.case.flagged:
        if not findings:
            yield "expected a finding of the rule, got none"
        return
    for expected in case.case.findings:
        want = sorted(expected.quotes)
        match = next(
            (
                f
                for f in remaining
                if sorted(e.quote for e in f.evidence) == want
                and (expected.category is None or f.category == expected.category)
                and (expected.severity is None or f.severity == expected.severity)
            ),
            None,
        )
        if match is None:
            yield f"missing finding on {want} ({expected.category}, {expected.severity})"
        else:
            remaining.remove(match)
    for extra in remaining:
        quotes = [e.quote for e in extra.evidence]
        yield f"unexpected finding on {quotes}: {extra.message}"


def assert_case(case: LoadedCase, pack: RulePack | None = None) -> None:
    """Raise ``AssertionError`` listing every mismatch of a case."""
    problems = list(mismatches(case, run_case(case, pack)))
    if problems:
        raise AssertionError(f"{case.source}: {case.case.name}:\n  " + "\n  ".join(problems))
