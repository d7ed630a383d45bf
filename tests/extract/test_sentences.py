"""Sentence spans: what every claim reads its frame, scope and story from."""

from __future__ import annotations

from numcheck.extract.sentences import split_sentences


def test_each_item_of_a_list_is_a_sentence() -> None:
    text = (
        "The storm in numbers:\n- 41 people killed in North Carolina\n"
        "- 2 million homes without power\n* 300 roads closed and\n• 12 bridges shut"
    )
    assert [s.text for s in split_sentences(text)] == [
        "The storm in numbers:",
        "- 41 people killed in North Carolina",
        "- 2 million homes without power",
        "* 300 roads closed and",
        "• 12 bridges shut",
    ]


def test_a_hard_wrapped_line_runs_on_and_a_minus_sign_is_no_item() -> None:
    text = (
        "Rescuers pulled 14 people from the\nrubble on Monday, and temperatures fell to"
        "\n-6 overnight."
    )
    assert [s.text for s in split_sentences(text)] == [text]
