"""The language home: one lemmatizer front, one loader, data that every reader shares."""

from __future__ import annotations

import ast
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from lemminflect import getAllInflections, getAllLemmas

from numcheck import cache
from numcheck.extract.dates.patterns import year_in_words
from numcheck.extract.quantities.numbers import parse_words
from numcheck.language import lemmas as front
from numcheck.language.data import data_fingerprint, load_data
from numcheck.language.temporal import lexicon
from numcheck.language.words import number_words, word_class

SRC = Path(__file__).parents[2] / "src" / "numcheck"
WORDS = ["soldiers", "people", "killed", "crises", "series", "attacks", "injured", "lire"]


@pytest.fixture
def fresh_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A cache folder of the test's own, so the index is built from scratch."""
    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path))
    for cached in (cache.cache_dir, front._index, front._lookup):
        cached.cache_clear()
    yield tmp_path
    for cached in (cache.cache_dir, front._index, front._lookup):
        cached.cache_clear()


def _lower(forms: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    return {tag: tuple(f.lower() for f in values) for tag, values in forms.items()}


def test_the_index_answers_as_lemminflect_does(fresh_cache: Path) -> None:
    for word in WORDS:
        assert front.lemmas(word) == _lower(getAllLemmas(word))
        assert front.inflections(word) == _lower(getAllInflections(word))
    assert list(fresh_cache.glob("lemmas-*.sqlite")), "the index was built in the cache folder"


def test_without_a_cache_folder_the_answers_are_the_same(
    monkeypatch: pytest.MonkeyPatch, fresh_cache: Path
) -> None:
    monkeypatch.setenv(cache.CACHE_ENV, "")
    cache.cache_dir.cache_clear()
    assert cache.cache_dir() is None
    assert front.lemmas("soldiers")["NOUN"] == ("soldier",)
    assert not list(fresh_cache.iterdir()), "caching off writes nothing"


def test_a_damaged_index_is_rebuilt(fresh_cache: Path) -> None:
    front.lemmas("soldiers")
    (index,) = fresh_cache.glob("lemmas-*.sqlite")
    index.write_bytes(b"not a database")
    front._index.cache_clear()
    front._lookup.cache_clear()
    assert front.lemmas("soldiers")["NOUN"] == ("soldier",)
    with sqlite3.connect(index) as connection:
        assert connection.execute("SELECT count(*) FROM lemmas").fetchone()[0] > 10_000


def test_only_the_front_imports_lemminflect() -> None:
    importers = []
    for path in SRC.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            names = (
                [a.name for a in node.names] if isinstance(node, ast.Import) else
                [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            )  # fmt: skip
            if any(n.split(".")[0] == "lemminflect" for n in names):
                importers.append(path.relative_to(SRC).as_posix())
    assert set(importers) == {"language/lemmas.py"}


def test_number_words_reach_every_reader() -> None:
    words = number_words()
    assert parse_words("twelve")[0] == words.cardinals["twelve"]  # type: ignore[index]
    assert lexicon().numbers["twelve"] == 12
    assert lexicon().ordinals["fifth"] == words.ordinals["fifth"]
    assert year_in_words("nineteen ninety-six") == 1996
    assert words.denominators["third"] == 3 and "second" not in words.denominators


def test_abbreviations_are_the_shortened_names() -> None:
    short = lexicon().abbreviations()
    assert {"sept", "jan", "tues", "sun"} <= short
    assert not {"may", "june", "march", "monday"} & short


def test_an_unknown_word_class_is_named() -> None:
    with pytest.raises(KeyError, match=r"frame_words\.yaml has no word class 'nope'"):
        word_class("frame_words", "nope")


def test_data_fingerprint_is_stable_within_a_version() -> None:
    assert data_fingerprint() == data_fingerprint()
    assert len(data_fingerprint()) == 16


def test_processes_building_the_index_at_once_all_get_it(tmp_path: Path) -> None:
    """Dask workers start together: each may build the index; none sees half of one."""
    code = (
        "from numcheck.language.lemmas import lemmas, _index; "
        "print(lemmas('crises')['NOUN'], _index() is not None)"
    )
    env = {**os.environ, cache.CACHE_ENV: str(tmp_path / "cache dir #1")}
    runs = [
        subprocess.Popen([sys.executable, "-c", code], env=env, stdout=subprocess.PIPE, text=True)
        for _ in range(3)
    ]
    outputs = [run.communicate(timeout=120)[0].strip() for run in runs]
    assert outputs == ["('crisis',) True"] * 3
    assert len(list((tmp_path / "cache dir #1").iterdir())) == 1, (
        "one index, no temporary file left"
    )


@pytest.mark.parametrize("file", ["function_words", "frame_words"])
def test_every_word_class_holds_words(file: str) -> None:
    """YAML reads a bare on, off, no or yes as true or false: each must be quoted."""
    for name in load_data(f"{file}.yaml"):
        if name != "version":
            assert word_class(file, name), name
    assert {"on", "off", "no"} <= word_class("function_words", "stop_words")
