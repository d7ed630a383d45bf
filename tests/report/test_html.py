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
def browser() -> Iterator[Any]:
    """One headless Debian chromium for the module (playwright's sync API allows one)."""
    if CHROMIUM is None:
        pytest.skip("chromium not installed (CI installs Debian's chromium in .ci/run)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright (dev extra) missing")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def page(browser: Any, report_file: Path) -> Iterator[tuple[Any, list[str]]]:
    tab = browser.new_page()
    problems: list[str] = []
    tab.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    tab.on("pageerror", lambda e: problems.append(str(e)))
    tab.goto(report_file.as_uri())
    tab.wait_for_load_state("load")
    yield tab, problems
    tab.close()


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


ROOT = Path(__file__).resolve().parents[2]
SCREENSHOT = ROOT / "docs" / "html-report.png"


STORY = {
    "drafts/flood.md": (
        '---\nid: drafts/flood\ntitle: "DRAFT: Valley flood leaves hundreds homeless"\n'
        "published: 2024-03-06\n---\n# Valley flood leaves hundreds homeless\n\n"
        "The flood destroyed 310 homes in the valley, the mayor said on Friday, March 5, 2024.\n\n"
        "Since Monday, rescuers have pulled 52 people from the river near Millbrook.\n"
    ),
    "archive/2024-03-04-flood.md": (
        "---\nid: archive/flood-first\ntitle: Flood hits the valley\npublished: 2024-03-04\n"
        "---\n# Flood hits the valley\n\n"
        "The flood destroyed 120 homes in the valley, the mayor said.\n\n"
        "Since Monday, rescuers have pulled 40 people from the river near Millbrook.\n"
    ),
    "archive/2024-03-05-flood.md": (
        "---\nid: archive/flood-second\ntitle: Valley counts the cost\npublished: 2024-03-05\n"
        "---\nThe flood destroyed 150 homes in the valley, the mayor said on Tuesday.\n"
    ),
}


@pytest.fixture(scope="module")
def example_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A story of our own (a draft, two archive articles), through the real command and
    the real extractor."""
    import subprocess
    import sys

    root = tmp_path_factory.mktemp("story")
    for name, text in STORY.items():
        (root / name).parent.mkdir(exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    out = root / "report.html"
    result = subprocess.run(
        [sys.executable, "-m", "numcheck", "check", "drafts", "--against", "archive",
         "--no-config", "--format", "html", "-o", str(out)],
        capture_output=True, text=True, cwd=root,
    )  # fmt: skip
    assert result.returncode == 1, result.stderr
    return out


def test_cards_read_as_an_editor_needs(example_report: Path) -> None:
    html = example_report.read_text(encoding="utf-8")
    severities = re.findall(r'<article class="finding" id="[^"]+" data-severity="(\w+)"', html)
    ranks = {"error": 0, "warning": 1, "info": 2}
    assert severities == sorted(severities, key=ranks.__getitem__)
    assert len(set(severities)) > 1
    text = re.sub(r"<[^>]+>", "", html)
    assert (
        "The draft says 310 homes; the Mar 4, 2024 article says 120 homes; "
        "the Mar 5, 2024 article says 150 homes." in text
    )
    assert "Flood hits the valley</span> · Mar 4, 2024" in html  # title and date on passages
    assert "&lt;!-- numcheck: ignore[value-conflict]" in html and "--write-baseline" in html
    assert re.search(r'<p class="inputs">Made \d{4}-\d\d-\d\d \d\d:\d\d UTC · drafts: ', html)
    assert '<span class="heading h1">Flood hits the valley</span>' in html
    assert "# Valley" not in html and "# Flood" not in html  # no raw Markdown marker
    assert "@media print" in html


@pytest.fixture(scope="module")
def example_page(browser: Any, example_report: Path) -> Iterator[Any]:
    tab = browser.new_page(viewport={"width": 1100, "height": 900})
    tab.goto(example_report.as_uri())
    tab.wait_for_load_state("load")
    yield tab
    tab.close()


def test_screenshot_in_headless_chromium(example_page: Any, tmp_path: Path) -> None:
    """The picture in docs/ is this one (refresh it with NUMCHECK_SCREENSHOT=1)."""
    import os

    target = SCREENSHOT if os.environ.get("NUMCHECK_SCREENSHOT") else tmp_path / "report.png"
    example_page.screenshot(path=str(target), full_page=False)
    picture = target.read_bytes()
    assert picture.startswith(b"\x89PNG") and len(picture) > 20_000
    assert SCREENSHOT.is_file(), "docs/html-report.png is missing: run with NUMCHECK_SCREENSHOT=1"


def test_print_drops_the_filters_and_shows_every_card(example_page: Any) -> None:
    example_page.locator("input[name=severity][value=info]").uncheck()
    example_page.emulate_media(media="print")
    assert not example_page.locator("#filters").is_visible()
    assert all(card.is_visible() for card in example_page.locator(".finding").all())
    example_page.emulate_media(media="screen")
    example_page.locator("input[name=severity][value=info]").check()


def test_accepting_a_finding_is_explained_on_its_card(example_page: Any) -> None:
    card = example_page.locator(".finding").first
    card.locator(".accept summary").click()
    assert "numcheck: ignore[" in card.locator(".accept code").first.inner_text()
