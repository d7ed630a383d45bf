"""The HTML report, in a real headless browser: it loads cleanly, evidence shows, links jump."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from newsroom import ARCHIVE, extract_homes
from numcheck.cli import main
from numcheck.extract import pipeline

DRAFT = (
    "---\nid: draft\npublished: 2024-03-05\n---\n# Flood <desk> & co\n\n"
    "Rescuers worked all night.\n\nThe flood destroyed 310 homes in the valley.\n"
)
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="module")
def report_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("newsroom")
    (root / "drafts").mkdir()
    (root / "archive").mkdir()
    (root / "archive" / "a.md").write_text(ARCHIVE, encoding="utf-8")
    (root / "drafts" / "d.md").write_text(DRAFT, encoding="utf-8")
    out = root / "report.html"
    args = ["check", str(root / "drafts"), "--against", str(root / "archive"), "--no-config"]
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pipeline, "extract_claims", extract_homes)
        assert main([*args, "--format", "html", "-o", str(out)]) == 1
    return out


def test_self_contained_with_escaped_text(report_file: Path) -> None:
    html = report_file.read_text(encoding="utf-8")
    assert not re.search(r"""(src|href)=["']https?:""", html)
    assert "&lt;desk&gt; &amp; co" in html and "<desk>" not in html
    assert html.count('class="finding"') == 1
    assert html.count("<mark") == 4  # two passages, and each claim in its document


@pytest.fixture(scope="module")
def page(report_file: Path) -> Iterator[tuple[Any, list[str]]]:
    if CHROMIUM is None:
        pytest.skip("chromium not installed (CI installs Debian's chromium in .ci/run)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright (dev extra) missing")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        tab = browser.new_page()
        problems: list[str] = []
        tab.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
        tab.on("pageerror", lambda e: problems.append(str(e)))
        tab.goto(report_file.as_uri())
        tab.wait_for_load_state("load")
        yield tab, problems
        browser.close()


def test_loads_without_console_errors(page: tuple[Any, list[str]]) -> None:
    tab, problems = page
    assert tab.title() == "numcheck report"
    assert problems == []


def test_evidence_is_visible_side_by_side(page: tuple[Any, list[str]]) -> None:
    tab, _ = page
    passages = tab.locator(".finding .passage")
    assert passages.count() == 2
    first, second = passages.nth(0), passages.nth(1)
    assert first.is_visible() and second.is_visible()
    assert first.locator("mark").inner_text() == "310 homes"
    assert second.locator("mark").inner_text() == "120 homes"
    a, b = first.bounding_box(), second.bounding_box()
    assert a is not None and b is not None and abs(a["y"] - b["y"]) < 1 and a["x"] < b["x"]


def test_link_jumps_to_the_passage_in_its_document(page: tuple[Any, list[str]]) -> None:
    tab, _ = page
    link = tab.locator(".finding .passage a.jump").first
    target = link.get_attribute("href")
    assert target and target.startswith("#c-")
    link.click()
    tab.wait_for_function(f"location.hash === {target!r}")
    mark = tab.locator(target)
    assert mark.inner_text() == "310 homes"
    assert tab.evaluate("document.querySelector(':target').id") == target[1:]
    box = mark.bounding_box()
    viewport = tab.viewport_size
    assert box is not None and viewport is not None and 0 <= box["y"] < viewport["height"]


def test_filters_hide_findings(page: tuple[Any, list[str]]) -> None:
    tab, _ = page
    finding = tab.locator(".finding")
    assert finding.is_visible()
    tab.locator("input[name=severity][value=error]").uncheck()
    assert not finding.is_visible()
    assert tab.locator("#visible-count").inner_text() == "0"
    tab.locator("input[name=severity][value=error]").check()
    tab.locator("select[name=rule]").select_option("weekday-mismatch")
    assert not finding.is_visible()
    tab.locator("select[name=rule]").select_option("value-conflict")
    assert finding.is_visible()


def test_flagged_claim_links_back_to_its_finding(page: tuple[Any, list[str]]) -> None:
    tab, _ = page
    back = tab.locator("#documents mark.flagged a").first
    target = back.get_attribute("href")
    assert target and tab.locator(target).get_attribute("class") == "finding"
