"""A small newsroom for report and CI tests: a stand-in extractor, drafts, sample findings.

In the stand-in, "<number> homes" is a count of homes. Report formats, suppressions and
exit codes do not depend on how well numbers are read; this keeps their tests exact and
independent of the extractor's progress. The conftests of tests/report and tests/ci
import the fixtures below.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from numcheck.claims import Claim, Frame, Interval, Kind, Measure, Span
from numcheck.documents.model import Document, DocumentStatus
from numcheck.extract import pipeline
from numcheck.findings import Category, Evidence, Finding, Report, Severity, finding_id
from numcheck.vocabulary import Vocabulary

_COUNT = re.compile(r"(\d[\d,]*) homes")


def extract_homes(document: Document, vocabulary: Vocabulary | None = None) -> list[Claim]:
    text = document.text
    claims = []
    for match in _COUNT.finditer(text):
        start = max(text.rfind(".", 0, match.start()), text.rfind("\n", 0, match.start())) + 1
        while start < match.start() and text[start] == " ":
            start += 1
        end = text.find(".", match.end())
        end = len(text) if end < 0 else end + 1
        line, column = document.line_column(match.start())
        value = float(match.group(1).replace(",", ""))
        claims.append(
            Claim(
                document=document.id,
                kind=Kind.COUNT,
                quote=match.group(0),
                span=Span(start=match.start(), end=match.end(), line=line, column=column),
                sentence=text[start:end],
                sentence_start=start,
                value=Interval.point(value),
                stated=value,
                measure=Measure(head="home", noun="homes", text="homes"),
                frame=Frame(noun="home"),
                as_of=document.published,
                context=tuple(sorted(set(re.findall(r"[a-z]{3,}", text[start:end])))),
            )
        )
    return claims


def sample_finding(
    number: int = 0,
    severity: Severity = Severity.WARNING,
    *,
    message: str = "two figures for the flood",
    documents: tuple[str, str] = ("draft", "archive"),
) -> Finding:
    """A value-conflict finding made by hand, for formats that only lay findings out."""
    claims = tuple(
        Claim(
            document=doc,
            kind=Kind.COUNT,
            quote=f"{100 + number + i} homes",
            span=Span(start=4, end=4 + len(f"{100 + number + i} homes"), line=1 + number, column=5),
            sentence=f"The {100 + number + i} homes were lost.",
            sentence_start=0,
            value=Interval.point(100 + number + i),
            stated=100 + number + i,
        )
        for i, doc in enumerate(documents)
    )
    return Finding(
        id=finding_id("value-conflict", claims),
        rule="value-conflict",
        severity=severity,
        category=Category.CONFLICT,
        message=message,
        explanation="the figures cannot both hold",
        evidence=tuple(Evidence.of(c) for c in claims),
    )


def sample_report(*findings: Finding, sources: dict[str, str] | None = None) -> Report:
    sources = sources or {"draft": "drafts/flood.md", "archive": "archive/flood.md"}
    return Report(
        documents=tuple(DocumentStatus(id=i, source=s) for i, s in sources.items()),
        findings=findings,
    )


ARCHIVE = "---\nid: archive\npublished: 2024-03-04\n---\nThe flood destroyed 120 homes.\n"
DRAFT = "---\nid: draft\npublished: 2024-03-05\n---\nThe flood destroyed 310 homes.\n"


@pytest.fixture(autouse=True)
def homes_extractor(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "extract_claims", extract_homes)


@pytest.fixture()
def newsroom(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """drafts/d.md conflicts with archive/a.md; the working directory is the newsroom."""
    (tmp_path / "drafts").mkdir()
    (tmp_path / "archive").mkdir()
    (tmp_path / "archive" / "a.md").write_text(ARCHIVE, encoding="utf-8")
    (tmp_path / "drafts" / "d.md").write_text(DRAFT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


# The JSON report's fields scripts outside the project rely on (the end-to-end contract).
CONTRACT_FINDING = frozenset(
    {"id", "rule", "severity", "category", "message", "explanation", "caveats", "evidence"}
)
CONTRACT_EVIDENCE = frozenset({"document", "start", "end", "line", "column", "quote", "claim"})
