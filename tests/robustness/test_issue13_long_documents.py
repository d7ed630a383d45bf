"""Issue 13: what made long documents superlinear is bounded (timings: benchmarks/robustness.py)."""

from __future__ import annotations

from numcheck.ci.suppressions import _COMMENT
from numcheck.documents.markup import markdown_text
from numcheck.extract.sentences import MAX_SENTENCE, split_sentences
from numcheck.testing.adversarial import ADVERSARIAL_SHAPES


def test_issue13_run_on_text_is_cut_into_bounded_sentences() -> None:
    text = ADVERSARIAL_SHAPES["one long sentence"](20_000)
    sentences = split_sentences(text)
    assert all(s.end - s.start <= MAX_SENTENCE for s in sentences)
    assert sentences[0].start == 0 and sentences[-1].end == len(text.rstrip())


def test_issue13_abbreviation_look_behind_still_reads_abbreviations() -> None:
    text = "It rose. " * 2_000 + "Gen. Smith met Dr. Jones in the U.S. on Monday. Then 5 left."
    starts = [s.text[:4] for s in split_sentences(text)]
    assert starts == ["It r"] * 2_000 + ["Gen.", "Then"]


def test_issue13_unclosed_html_comment() -> None:
    source = "Five people. <!-- a note --> Six. <!-- never closed\nSeven people."
    text, _, _ = markdown_text(source)
    assert "a note" not in text and "Seven people" in text


def test_issue13_unclosed_suppression_comment_matches_nothing() -> None:
    source = "<!-- numcheck: ignore[value-conflict] " + "reason " * 1_000
    assert _COMMENT.search(source) is None
    assert _COMMENT.search("<!-- numcheck: ignore[value-conflict] known -->") is not None


def test_issue13_a_line_break_reads_only_the_lines_last_word() -> None:
    lines = (
        "Troops left\nBasra on Monday.\nThe talks in\nOman went on (\nNew figures, and\n"
        "The rest of the\nZaventem\nAirport reopened.\n"
    )
    texts = [s.text for s in split_sentences("Rain fell\n" * 5_000 + lines)]
    assert texts[:5_000] == ["Rain fell"] * 5_000
    assert texts[5_000:] == [
        "Troops left",
        "Basra on Monday.",
        "The talks in\nOman went on (\nNew figures, and\nThe rest of the\nZaventem",
        "Airport reopened.",
    ]


def test_issue13_a_sentence_packed_with_figures_is_not_parsed_figure_by_figure() -> None:
    import numcheck
    from numcheck.extract.pipeline import MAX_FIGURES_FRAMED

    table = " ".join(f"{n} trucks" for n in range(3, 3 + MAX_FIGURES_FRAMED + 1)) + "."
    prose = "The storm killed 14 people in Galveston on Monday."
    claims = numcheck.extract(numcheck.document(f"{table}\n\n{prose}", published="2025-03-04"))
    assert [c.quote for c in claims if c.frame is not None] == ["14 people"]
    assert len([c for c in claims if c.quote.endswith("trucks")]) == MAX_FIGURES_FRAMED + 1


def test_issue13_the_story_of_a_long_text_is_read_from_its_beginning(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import importlib

    import numcheck

    pipeline = importlib.import_module("numcheck.extract.pipeline")
    monkeypatch.setattr(pipeline, "STORY_CHARS", 5_000)
    opening = "Rescuers in Basra pulled Maria Halvorsen from the flood. " * 100
    text = opening + "\n\nThe storm killed 14 people, Jonas Whitfield said in Oslo."
    claims = numcheck.extract(numcheck.document(text, published="2025-03-04"))
    story = claims[-1].story
    assert "@basra" in story and "halvorsen" in story
    assert "whitfield" not in story and "@oslo" not in story


def test_issue13_a_recap_of_many_clauses_keeps_its_frames() -> None:
    import numcheck
    from numcheck.extract.pipeline import MAX_FIGURES_FRAMED

    days = [
        f"{n} people were killed in Galveston on day {n}" for n in range(2, 2 + MAX_FIGURES_FRAMED)
    ]
    recap = "; ".join(days) + "."
    claims = numcheck.extract(numcheck.document(recap, published="2025-03-04"))
    people = [c for c in claims if c.quote.endswith("people")]
    assert len(people) == MAX_FIGURES_FRAMED and all(c.frame is not None for c in people)
