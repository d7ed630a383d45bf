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
from typing import Literal, TypeVar

import pycountry
from pydantic import BaseModel, ConfigDict, ValidationError

from numcheck.language.lemmas import lemmas as lemmas_of
from numcheck.safe_yaml import RuleFileError, YamlSource, read_yaml


class VocabularyError(RuleFileError):
    """A vocabulary file that is not valid, named with its path and line."""


class _File(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)

    version: Literal[1]


class MeasuresFile(_File):
    """The shape of ``measures.yaml`` (its opening comment teaches it)."""

    synonyms: dict[str, list[str]] = {}
    vague_nouns: list[str] = []
    generic_modifiers: list[str] = []
    outcomes: list[str] = []
    cumulative: list[str] = []
    once: list[str] = []
    light_verbs: list[str] = []


class PlacesFile(_File):
    """The shape of ``places.yaml`` (its opening comment teaches it)."""

    aliases: dict[str, str] = {}
    regions: dict[str, list[str]] = {}
    cities: dict[str, list[str]] = {}
    demonyms: dict[str, str] = {}
    abbreviations: dict[str, str] = {}


_File_T = TypeVar("_File_T", bound=_File)


def bundled_rules_dir() -> Path:
    """The default rule pack: ``numcheck/_bundled_rules`` installed, ``rules/`` in a checkout."""
    installed = Path(str(resources.files("numcheck"))) / "_bundled_rules"
    if installed.is_dir():
        return installed
    return Path(__file__).resolve().parents[2] / "rules"


def _read(path: Path, shape: type[_File_T]) -> tuple[_File_T, YamlSource]:
    """A vocabulary file, validated: unknown keys, a missing ``version`` and wrong types
    are errors naming the file and line (a user's file is data, so it is never trusted)."""
    source = read_yaml(path)
    if not isinstance(source.data, dict):
        raise VocabularyError(path, "a vocabulary file is a YAML mapping", source.line_of(()))
    try:
        return shape.model_validate(source.data), source
    except ValidationError as exc:
        error = exc.errors()[0]
        location = [p for p in error["loc"] if isinstance(p, (str, int))]
        dotted = ".".join(str(p) for p in location) or "(top level)"
        more = f" (and {exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
        raise VocabularyError(
            path, f"{dotted}: {error['msg']}{more}", source.line_of(location)
        ) from exc


def lemma(word: str) -> str:
    """Lower-case lemma of a word (noun reading first): 'soldiers' -> 'soldier'."""
    low = word.lower()
    lemmas = lemmas_of(low)
    for pos in ("NOUN", "VERB", "ADJ"):
        if pos in lemmas:
            return str(lemmas[pos][0])
    return low


@dataclass(frozen=True)
class Measures:
    """Synonym sets and word classes that decide what a count counts."""

    synonym_of: dict[str, str] = field(default_factory=dict)
    vague_nouns: frozenset[str] = frozenset()
    generic_modifiers: frozenset[str] = frozenset()
    outcomes: frozenset[str] = frozenset()
    cumulative: frozenset[str] = frozenset()
    once: frozenset[str] = frozenset()
    light_verbs: frozenset[str] = frozenset()

    def canonical(self, word: str) -> str:
        """The synonym-set name of a lemma (or the lemma itself)."""
        return self.synonym_of.get(word, word)


@dataclass(frozen=True)
class Places:
    """Canonical place names, aliases, demonyms and which region contains which place."""

    canonical: dict[str, str]
    contains: dict[str, frozenset[str]]
    pattern: re.Pattern[str]
    demonyms: frozenset[str] = frozenset()
    country_of_city: dict[str, str] = field(default_factory=dict)
    # Lower-case short forms ("wis.") -> canonical names; never searched for in text.
    abbreviations: dict[str, str] = field(default_factory=dict)

    def country_level(self, name: str) -> str:
        """The country of a city, or the place itself ("Nairobi" -> "Kenya")."""
        return self.country_of_city.get(name, name)

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """Places named in ``text``: (start, end, canonical name).

        The same matches as ``pattern.finditer``, but the alternation of a few thousand
        names is tried only where a word starts with a letter some name starts with:
        tried at every position it cost a millisecond per clause.
        """
        found: list[tuple[int, int, str]] = []
        pos = 0
        for start in self._initials.finditer(text):
            if start.start() < pos:
                continue
            match = self.pattern.match(text, start.start())
            if match is not None:
                found.append((match.start(), match.end(), self.canonical[match.group()]))
                pos = match.end()
        return found

    @cached_property
    def _initials(self) -> re.Pattern[str]:
        """Where a name may start: a letter some name starts with, followed by one some
        name goes on with (a lone capital, "A" of a list, is tried no further)."""
        names = [name for name in self.canonical if name]
        firsts = "[" + re.escape("".join(sorted({name[0] for name in names}))) + "]"
        if any(len(name) == 1 for name in names):
            return re.compile(r"(?<![\w-])" + firsts)
        seconds = "".join(sorted({c for name in names for c in (name[1].lower(), name[1].upper())}))
        return re.compile(r"(?<![\w-])" + firsts + "(?=[" + re.escape(seconds) + "])")

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

    def around(self, place: str) -> frozenset[str]:
        """``place`` and every region that contains it, near and far: the places
        ``within(place, region)`` holds for."""
        found = {place}
        stack = [place]
        while stack:
            for region in self._regions_of.get(stack.pop(), ()):
                if region not in found:
                    found.add(region)
                    stack.append(region)
        return frozenset(found)

    @cached_property
    def _regions_of(self) -> dict[str, frozenset[str]]:
        """The regions that contain each place directly (``contains`` inverted)."""
        regions: dict[str, set[str]] = {}
        for region, inside in self.contains.items():
            for place in inside:
                regions.setdefault(place, set()).add(region)
        return {place: frozenset(found) for place, found in regions.items()}

    def related_names(self, a: str, b: str) -> bool:
        """``related`` for lower-case names or forms as written ("iraq", "middle east",
        "wis."): a frame keeps the place as its sentence wrote it."""
        return self.related(self.named(a), self.named(b))

    def named(self, written: str) -> str:
        """The canonical name of a lower-case name, form or abbreviation, else the text
        itself."""
        return (
            self.by_lower_name.get(written)
            or self.by_lower_form.get(written)
            or self.abbreviations.get(written, written)
        )

    @cached_property
    def by_lower_name(self) -> dict[str, str]:
        """Canonical names by their lower case ("united states" -> "United States")."""
        return {name.lower(): name for name in set(self.canonical.values())}

    @cached_property
    def by_lower_form(self) -> dict[str, str]:
        """Canonical names by any form written, lower case ("us" -> "United States")."""
        return {form.lower(): name for form, name in self.canonical.items()}


@dataclass(frozen=True)
class Vocabulary:
    measures: Measures
    places: Places


# The word classes of measures.yaml, each a list of lower-case lemmas; the key in the file
# is the field's name.
_WORD_CLASSES = (
    "vague_nouns",
    "generic_modifiers",
    "outcomes",
    "cumulative",
    "once",
    "light_verbs",
)


def _measures(files: Iterable[Path]) -> Measures:
    synonym_of: dict[str, str] = {}
    where: dict[str, Path] = {}
    classes: dict[str, set[str]] = {name: set() for name in _WORD_CLASSES}
    for path in files:
        data, source = _read(path, MeasuresFile)
        for name, words in data.synonyms.items():
            canonical = name.lower()
            for word in {name.lower(), *(w.lower() for w in words)}:
                other = synonym_of.get(word)
                if other is not None and other != canonical:
                    raise VocabularyError(
                        path,
                        f"synonyms.{name}: {word!r} is already in the set {other!r}"
                        f" (in {where[word]}); a lemma belongs to one set only",
                        source.line_of(["synonyms", name]),
                    )
                synonym_of[word], where[word] = canonical, path
        for name, lemmas in classes.items():
            lemmas.update(w.lower() for w in getattr(data, name))
    return Measures(synonym_of, **{name: frozenset(w) for name, w in classes.items()})


def _places(files: Iterable[Path]) -> Places:
    canonical: dict[str, str] = {}
    contains: dict[str, set[str]] = {}
    demonyms: set[str] = set()
    country_of_city: dict[str, str] = {}
    abbreviations: dict[str, str] = {}
    for country in pycountry.countries:
        name = getattr(country, "common_name", None) or country.name
        for form in {country.name, name}:
            if "," not in form:
                canonical[form] = name
    for path in files:
        data, _ = _read(path, PlacesFile)
        for alias, name in data.aliases.items():
            canonical[alias] = name
            canonical.setdefault(name, name)
        for region, members in data.regions.items():
            canonical.setdefault(region, region)
            contains.setdefault(region, set()).update(members)
            # "Kansas" of the United States is a place too
            canonical.update({m: m for m in members if m not in canonical})
        for country_name, cities in data.cities.items():
            inside = canonical.get(country_name, country_name)
            for city in cities:
                canonical[city] = city
                contains.setdefault(inside, set()).add(city)
                country_of_city[city] = inside
        for demonym, name in data.demonyms.items():
            canonical[demonym] = name
            demonyms.add(demonym)
        abbreviations.update({short.lower(): name for short, name in data.abbreviations.items()})
    names = sorted(canonical, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w-])")
    return Places(
        canonical,
        {k: frozenset(v) for k, v in contains.items()},
        pattern,
        frozenset(demonyms),
        country_of_city,
        abbreviations,
    )


def vocabulary_files(*rule_dirs: Path) -> dict[str, list[Path]]:
    """The vocabulary files of the bundled pack and ``rule_dirs``, by file name, in order."""
    dirs = [bundled_rules_dir(), *(d for d in rule_dirs if d != bundled_rules_dir())]
    return {
        # a dangling symlink is listed too, so reading it fails with its name
        name: [p for d in dirs if (p := d / "vocabulary" / name).is_file() or p.is_symlink()]
        for name in ("measures.yaml", "places.yaml")
    }


@cache
def load_vocabulary(*rule_dirs: Path) -> Vocabulary:
    """The bundled vocabulary extended by each folder's ``vocabulary/`` files."""
    files = vocabulary_files(*rule_dirs)
    return Vocabulary(_measures(files["measures.yaml"]), _places(files["places.yaml"]))
