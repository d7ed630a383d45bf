"""The one lemmatizer front: lemmas and inflections of English words, from lemminflect.

Every reader asks here ("soldiers" -> soldier, "killed" -> kill, "lira" -> lire), so
there is one dictionary and one reading of it. lemminflect loads its two gzipped tables
(100,000 words) on first use, 0.6 s a process: too slow for a CI gate on one draft.
So the front answers from an SQLite index of those tables in the cache folder
(``numcheck.cache``), built once per lemminflect version and read a word at a time;
with no cache folder it asks lemminflect directly, with the same answers.

Words are looked up lower-case and answers are lower-case: callers restore case.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
from collections.abc import Mapping
from contextlib import closing
from functools import cache, lru_cache
from importlib import metadata
from pathlib import Path

from numcheck.cache import cache_dir

Forms = Mapping[str, tuple[str, ...]]
_INDEX_VERSION = 1
_WORDS_CACHED = 200_000


def lemmas(word: str) -> Forms:
    """Universal POS -> lemmas of ``word``: "attacks" -> {NOUN: (attack,), VERB: (attack,)}."""
    return _lookup("lemmas", word.lower())


def inflections(lemma: str) -> Forms:
    """Penn tag -> forms of ``lemma``: "crisis" -> {NN: (crisis,), NNS: (crises,)}."""
    return _lookup("inflections", lemma.lower())


def is_word(word: str) -> bool:
    """Whether the dictionary knows ``word`` as any part of speech."""
    return bool(lemmas(word))


@lru_cache(maxsize=_WORDS_CACHED)
def _lookup(table: str, word: str) -> Forms:
    index = _index()
    if index is None:
        return _from_lemminflect(table, word)
    row = index.read(table, word)
    if row is None:
        return {}
    return {tag: tuple(forms) for tag, forms in json.loads(row).items()}


def _from_lemminflect(table: str, word: str) -> Forms:
    from lemminflect import getAllInflections, getAllLemmas

    forms = getAllLemmas(word) if table == "lemmas" else getAllInflections(word)
    return {tag: tuple(str(f).lower() for f in values) for tag, values in forms.items()}


class _Index:
    """The SQLite index, one connection per thread (Dask may run threads)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._local = threading.local()

    def read(self, table: str, word: str) -> str | None:
        connection: sqlite3.Connection | None = getattr(self._local, "connection", None)
        if connection is None:
            connection = sqlite3.connect(f"{self.path.as_uri()}?mode=ro", uri=True)
            self._local.connection = connection
        sql = f"SELECT forms FROM {table} WHERE word = ?"
        row = connection.execute(sql, (word,)).fetchone()
        return None if row is None else str(row[0])


@cache
def _index() -> _Index | None:
    """The index in the cache folder, built if missing; None when it cannot be had."""
    folder = cache_dir()
    if folder is None:
        return None
    version = metadata.version("lemminflect")
    path = folder / f"lemmas-lemminflect{version}-v{_INDEX_VERSION}.sqlite"
    try:
        if not _complete(path):
            _build(path)
        return _Index(path) if _complete(path) else None
    except (OSError, sqlite3.Error):
        return None


def _complete(path: Path) -> bool:
    if not path.is_file():
        return False
    try:
        with closing(sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)) as connection:
            row = connection.execute("SELECT value FROM meta WHERE key = 'complete'").fetchone()
    except sqlite3.Error:
        return False
    return row is not None


def _build(path: Path) -> None:
    """Write every lower-case entry of lemminflect's tables (with its overrides applied,
    through its public calls) to a new file, then move it into place atomically, so a
    concurrent reader never sees half an index."""
    from lemminflect.core.Inflections import Inflections
    from lemminflect.core.Lemmatizer import Lemmatizer

    lemmatizer, inflector = Lemmatizer(), Inflections()
    words = {*lemmatizer._getLemmaDict(), *lemmatizer._getOverridesDict()}
    heads = {*inflector._getInflDict(), *inflector._getOverridesDict()}
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    try:
        with closing(sqlite3.connect(tmp)) as connection, connection:
            for table, keys in (("lemmas", words), ("inflections", heads)):
                connection.execute(f"CREATE TABLE {table} (word TEXT PRIMARY KEY, forms TEXT)")
                rows = (
                    (key, json.dumps(_from_lemminflect(table, key)))
                    for key in sorted(keys)
                    if key == key.lower()
                )
                connection.executemany(f"INSERT INTO {table} VALUES (?, ?)", rows)
            connection.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
            connection.execute("INSERT INTO meta VALUES ('complete', '1')")
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
