"""The parse numcheck runs labels every token as spaCy's own pipeline does.

numcheck loads the pipeline with numpy's BLAS instead of blis, applies the attribute
ruler's rules as array operations (``extract/frames/coarse_tags.py``) and runs the entity
recognizer as a width-1 beam; all three are there for speed only, so a frame must never
see a different label.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from numcheck.extract.frames.coarse_tags import compile_rules
from numcheck.extract.frames.parse import parse, parser, pipeline_name

if TYPE_CHECKING:
    from spacy.language import Language

SENTENCES = [
    "At least 14 miners were rescued on Tuesday, and 38 are still trapped below ground.",
    "There were 3 of them, weren't there? She did, and he does too.",
    "Whatever that is, those who do it get paid; he got $85 million for it.",
    "The ministry's spokesman said it's the deadliest attack since 2019.",
    "Two  spaces,\ta tab\n\nand a blank line follow  .",
    "Don't go; they'd have done it if it had rained, wouldn't they?",
    "That was all: each of the 12 trucks carried about 5 km of cable.",
    "Gen. Maria Lopes of the UN mission in Mali told Reuters in Bamako on Jan. 3 that 40 died.",
    "",
    "   ",
]


@functools.cache
def _reference() -> Language:
    """spaCy's pipeline as shipped: blis and the attribute ruler."""
    import spacy

    return spacy.load(pipeline_name(), exclude=["lemmatizer"])


def _labels(docs: list) -> list[tuple[str, str, str, str, int, str, str]]:
    return [
        (t.text, t.tag_, t.pos_, t.dep_, t.head.i, t.ent_type_, t.ent_iob_)
        for doc in docs
        for t in doc
    ]


def test_every_label_is_the_shipped_pipelines() -> None:
    assert _labels(parse(SENTENCES)) == _labels(list(_reference().pipe(SENTENCES)))


WORDS = st.sampled_from(
    [
        *[
            "the",
            "a",
            "it",
            "that",
            "is",
            "was",
            "were",
            "do",
            "did",
            "does",
            "have",
            "had",
            "'s",
            "'re",
            "n't",
            "to",
            "of",
            "in",
            "on",
        ],
        *[
            "and",
            "who",
            "there",
            "what",
            "those",
            "12",
            "$",
            "5",
            "km",
            ",",
            ".",
            ";",
            "?",
            "!",
            "-",
            "miners",
            "said",
            "killed",
        ],
        *("Basra", "people", "\n", "  "),
    ]
)


@settings(max_examples=40, deadline=None)
@given(st.lists(WORDS, min_size=1, max_size=14).map(" ".join))
def test_the_compiled_rules_tag_any_word_sequence_as_the_ruler_does(text: str) -> None:
    assert _labels(parse([text])) == _labels([_reference()(text)])


def test_the_compiled_rules_and_the_stepwise_recognizer_replace_the_pipes() -> None:
    assert {"attribute_ruler", "ner"} <= set(parser().disabled)


def test_a_ruler_with_a_pattern_it_cannot_compile_is_left_to_spacy() -> None:
    import spacy

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add(patterns=[[{"LOWER": "so", "OP": "+"}]], attrs={"POS": "ADV"})
    assert compile_rules(ruler) is None
    ruler = nlp.add_pipe("attribute_ruler", name="regex")
    ruler.add(patterns=[[{"TEXT": {"REGEX": "^a"}}]], attrs={"POS": "DET"})
    assert compile_rules(ruler) is None


def test_a_ruler_setting_an_attribute_frames_read_elsewhere_is_left_to_spacy() -> None:
    import spacy

    ruler = spacy.blank("en").add_pipe("attribute_ruler")
    ruler.add(patterns=[[{"LOWER": "so"}]], attrs={"ENT_TYPE": "GPE"})
    assert compile_rules(ruler) is None


@pytest.mark.parametrize("index", [0, 1, -1])
def test_rules_over_two_tokens_set_the_token_their_index_names(index: int) -> None:
    import spacy

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add(patterns=[[{"LOWER": "new"}, {"LOWER": "york"}]], attrs={"POS": "PROPN"}, index=index)
    compiled = compile_rules(ruler)
    assert compiled is not None
    docs = [nlp.make_doc("New York, new"), nlp.make_doc("york is new york")]
    compiled(docs)
    expected = [nlp.make_doc("New York, new"), nlp.make_doc("york is new york")]
    for doc in expected:
        ruler(doc)
    assert [[t.pos_ for t in d] for d in docs] == [[t.pos_ for t in d] for d in expected]
