"""Measure and place vocabularies: data files in a rule pack's ``vocabulary/`` folder.

The bundled pack ships ``measures.yaml`` and ``places.yaml``; a user's rule folder may add
files of the same names, whose entries extend (never replace) the bundled ones.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, cached_property
from importlib import resources
from pathlib import Path
from typing import Any

import pycountry
import yaml
from lemminflect import getAllLemmas


class VocabularyError(ValueError):
    """A vocabulary file that is not valid, named with its path."""


def bundled_rules_dir() -> Path:
    """The default rule pack: ``numcheck/_bundled_rules`` installed, ``rules/`` in a checkout."""
    installed = Path(str(resources.files("numcheck"))) / "_bundled_rules"
    if installed.is_dir():
        return installed
    return Path(__file__).resolve().parents[2] / "rules"


def _read(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise VocabularyError(f"{path}: {exc}") from exc
    if not isinstance(data, dict):
        raise VocabularyError(f"{path}: a vocabulary file is a YAML mapping")
    return data


def lemma(word: str) -> str:
    """Lower-case lemma of a word (noun reading first): 'soldiers' -> 'soldier'."""
    low = word.lower()
    lemmas = getAllLemmas(low)
    for pos in ("NOUN", "VERB", "ADJ"):
        if pos in lemmas:
            return str(lemmas[pos][0])
    return low


@dataclass(frozen=True)
class Measures:
    """Synonym sets and word classes that decide what a count counts."""

    synonym_of: dict[str, str] = field(default_factory=dict)
    populations: frozenset[str] = frozenset()
    vague_nouns: frozenset[str] = frozenset()
    generic_modifiers: frozenset[str] = frozenset()
    outcomes: frozenset[str] = frozenset()
    cumulative: frozenset[str] = frozenset()
    once: frozenset[str] = frozenset()
    light_verbs: frozenset[str] = frozenset()

    def canonical(self, word: str) -> str:
        """The synonym-set name of a lemma (or the lemma itself)."""
        return self.synonym_of.get(word, word)

    def is_population(self, head: str) -> bool:
        return self.canonical(head) in self.populations or head in self.populations


@dataclass(frozen=True)
class Places:
    """Canonical place names, aliases, demonyms and which region contains which place."""

    canonical: dict[str, str]
    contains: dict[str, frozenset[str]]
    pattern: re.Pattern[str]
    demonyms: frozenset[str] = frozenset()
    country_of_city: dict[str, str] = field(default_factory=dict)

    def country_level(self, name: str) -> str:
        """The country of a city, or the place itself ("Nairobi" -> "Kenya")."""
        return self.country_of_city.get(name, name)

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """Places named in ``text``: (start, end, canonical name)."""
        return [
            (m.start(), m.end(), self.canonical[m.group()]) for m in self.pattern.finditer(text)
        ]

    def within(self, inner: str, outer: str) -> bool:
        """Whether ``inner`` lies inside ``outer`` (a place lies inside itself)."""
        if inner == outer:
            return True
        seen: set[str] = set()
        stack = [outer]
        while stack:
            region = stack.pop()
            if region in seen:
                continue
            seen.add(region)
            children = self.contains.get(region, frozenset())
            if inner in children:
                return True
            stack.extend(children)
        return False

    def related(self, a: str, b: str) -> bool:
        return self.within(a, b) or self.within(b, a)

    def related_names(self, a: str, b: str) -> bool:
        """``related`` for lower-case names ("iraq", "middle east")."""
        lower = self._lower_names
        return self.related(lower.get(a, a), lower.get(b, b))

    @cached_property
    def _lower_names(self) -> dict[str, str]:
        return {name.lower(): name for name in set(self.canonical.values())}


@dataclass(frozen=True)
class Vocabulary:
    measures: Measures
    places: Places


# The word classes of measures.yaml, each a list of lower-case lemmas; the key in the file
# is the field's name.
_WORD_CLASSES = (
    "populations",
    "vague_nouns",
    "generic_modifiers",
    "outcomes",
    "cumulative",
    "once",
    "light_verbs",
)


def _measures(files: Iterable[Path]) -> Measures:
    synonym_of: dict[str, str] = {}
    classes: dict[str, set[str]] = {name: set() for name in _WORD_CLASSES}
    for path in files:
        data = _read(path)
        for name, words in (data.get("synonyms") or {}).items():
            if not isinstance(words, list):
                raise VocabularyError(f"{path}: synonyms.{name} must be a list of lemmas")
            for word in [name, *words]:
                synonym_of[str(word).lower()] = str(name).lower()
        for name, lemmas in classes.items():
            lemmas.update(str(w).lower() for w in data.get(name) or [])
    return Measures(synonym_of, **{name: frozenset(w) for name, w in classes.items()})


def _places(files: Iterable[Path]) -> Places:  # noqa: C901 - one loop over place files
    canonical: dict[str, str] = {}
    contains: dict[str, set[str]] = {}
    demonyms: set[str] = set()
    country_of_city: dict[str, str] = {}
    for country in pycountry.countries:
        name = getattr(country, "common_name", None) or country.name
        for form in {country.name, name}:
            if "," not in form:
                canonical[form] = name
    for path in files:
        data = _read(path)
        for alias, name in (data.get("aliases") or {}).items():
            canonical[str(alias)] = str(name)
            canonical.setdefault(str(name), str(name))
        for region, members in (data.get("regions") or {}).items():
            canonical.setdefault(str(region), str(region))
            contains.setdefault(str(region), set()).update(str(m) for m in members or [])
            for member in members or []:  # "Kansas" of the United States is a place too
                canonical.setdefault(str(member), str(member))
        for country, cities in (data.get("cities") or {}).items():
            inside = canonical.get(str(country), str(country))
            for city in cities or []:
                canonical[str(city)] = str(city)
                contains.setdefault(inside, set()).add(str(city))
                country_of_city[str(city)] = inside
        for demonym, name in (data.get("demonyms") or {}).items():
            canonical[str(demonym)] = str(name)
            demonyms.add(str(demonym))
    names = sorted(canonical, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w-])")
    return Places(
        canonical,
        {k: frozenset(v) for k, v in contains.items()},
        pattern,
        frozenset(demonyms),
        country_of_city,
    )


def vocabulary_files(*rule_dirs: Path) -> dict[str, list[Path]]:
    """The vocabulary files of the bundled pack and ``rule_dirs``, by file name, in order."""
    dirs = [bundled_rules_dir(), *(d for d in rule_dirs if d != bundled_rules_dir())]
    return {
        name: [p for d in dirs if (p := d / "vocabulary" / name).is_file()]
        for name in ("measures.yaml", "places.yaml")
    }


@cache
def load_vocabulary(*rule_dirs: Path) -> Vocabulary:
    """The bundled vocabulary extended by each folder's ``vocabulary/`` files."""
    files = vocabulary_files(*rule_dirs)
    return Vocabulary(_measures(files["measures.yaml"]), _places(files["places.yaml"]))
