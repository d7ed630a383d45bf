"""Malformed files and adversarial texts that numcheck must answer calmly.

Shared by the regression tests and ``benchmarks/robustness.py``: every malformed rule,
vocabulary, metadata, configuration and baseline file here must be refused with exit 2
and a message that names the file (and the line, where the file has one); every
adversarial text shape must be read in time linear in its length.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from hypothesis import strategies as st

Role = Literal["rule", "vocabulary", "places", "meta", "config", "baseline"]

_RULE = (
    "id: my-weekday\ncheck: weekday-mismatch\nseverity: error\n"
    "summary: A weekday that does not match its date.\n"
)
_VALUE_RULE = "id: my-values\ncheck: value-conflict\nseverity: warning\nsummary: Figures.\n"
_BOMB = (
    'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n'
    "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
    "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
    "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
    "e: [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n"
)
_DEEP_YAML = "a: " + "[" * 50_000 + "]" * 50_000 + "\n"


@dataclass(frozen=True)
class MalformedFile:
    """A file numcheck must refuse: its role, name, bytes and the line the error names."""

    name: str
    role: Role
    content: bytes | None  # None: a dangling symlink
    line: int | None = None

    def file_name(self) -> str:
        return {
            "rule": "rule.yaml",
            "vocabulary": "measures.yaml",
            "places": "places.yaml",
            "meta": "meta.yaml",
            "config": "numcheck.toml",
            "baseline": "baseline.json",
        }[self.role]

    def write(self, folder: Path) -> tuple[Path, list[str]]:
        """Write the file (and a draft) under ``folder``: (the file, ``check`` arguments)."""
        draft = folder / "draft.txt"
        draft.write_text("Five people were hurt on Friday, January 5, 2024.\n", encoding="utf-8")
        if self.role in ("vocabulary", "places"):
            path = folder / "pack" / "vocabulary" / self.file_name()
        else:
            path = folder / self.file_name()
        path.parent.mkdir(parents=True, exist_ok=True)
        if self.content is None:
            path.symlink_to(folder / "missing.yaml")
        else:
            path.write_bytes(self.content)
        flag = {
            "rule": ["--rules", str(path)],
            "vocabulary": ["--rules", str(folder / "pack")],
            "places": ["--rules", str(folder / "pack")],
            "meta": ["--meta", str(path)],
            "config": ["--config", str(path)],
            "baseline": ["--baseline", str(path)],
        }[self.role]
        config = [] if self.role == "config" else ["--no-config"]
        return path, ["check", str(draft), *flag, *config]


def _f(name: str, role: Role, text: str | bytes | None, line: int | None = None) -> MalformedFile:
    data = text.encode("utf-8") if isinstance(text, str) else text
    return MalformedFile(name, role, data, line)


MALFORMED_FILES: tuple[MalformedFile, ...] = (
    # rule files
    _f("rule-invalid-yaml", "rule", _RULE + "examples: [a,\n", 6),
    _f("rule-binary", "rule", b"\x00\x01\x02binary"),
    _f("rule-not-utf8", "rule", b"id: caf\xe9\n"),
    _f("rule-a-list", "rule", "- id: my-rule\n", 1),
    _f("rule-alias-bomb", "rule", _BOMB, 1),
    _f("rule-duplicate-key", "rule", _RULE + "severity: info\n", 5),
    _f("rule-impossible-date", "rule", _RULE + "description: 2024-02-30\n", 5),
    _f("rule-deep-nesting", "rule", _RULE + _DEEP_YAML, 5),
    _f(
        "rule-tolerance-inf",
        "rule",
        _VALUE_RULE + "options:\n  tolerance:\n    absolute: .inf\n",
        7,
    ),
    _f("rule-max-days-huge", "rule", _VALUE_RULE + f"options:\n  max_days_apart: {10**30}\n", 6),
    _f("rule-id-huge", "rule", "id: " + "a" * 100_000 + "\n" + _RULE.split("\n", 1)[1], 1),
    _f("rule-ansi-description", "rule", _RULE + 'description: "\\e[2J\\e[31mgotcha"\n', 5),
    _f("rule-unknown-check", "rule", _RULE.replace("weekday-mismatch", "nonsense"), 1),
    _f(
        "rule-missing-summary", "rule", "id: my-rule\ncheck: weekday-mismatch\nseverity: error\n", 1
    ),
    _f("rule-too-large", "rule", _RULE + "# " + "x" * 3_000_000 + "\n"),
    # vocabularies
    _f("vocabulary-invalid-yaml", "vocabulary", "version: 1\nsynonyms: {a: [b\n", 3),
    _f("vocabulary-binary", "vocabulary", b"\x00\x00\x00"),
    _f("vocabulary-a-list", "vocabulary", "- attack\n- strike\n", 1),
    _f("vocabulary-list-for-mapping", "vocabulary", "version: 1\nsynonyms: [attack]\n", 2),
    _f("vocabulary-bad-type", "vocabulary", "version: 1\noutcomes: 5\n", 2),
    _f("vocabulary-missing-version", "vocabulary", "synonyms:\n  foo: [bar]\n", 1),
    _f("vocabulary-unknown-key", "vocabulary", "version: 1\nsynonym:\n  foo: [bar]\n", 3),
    _f("vocabulary-word-in-two-sets", "vocabulary", "version: 1\nsynonyms:\n  hit: [raid]\n", 3),
    _f("vocabulary-alias-bomb", "vocabulary", _BOMB, 1),
    _f("vocabulary-duplicate-key", "vocabulary", "version: 1\nversion: 1\n", 2),
    _f("vocabulary-deep-nesting", "vocabulary", "version: 1\n" + _DEEP_YAML, 2),
    _f("vocabulary-dangling-symlink", "vocabulary", None),
    _f("places-list-for-mapping", "places", "version: 1\naliases: [US, UK]\n", 2),
    _f("places-number-for-name", "places", "version: 1\naliases:\n  Foo: 5\n", 3),
    # --meta files
    _f("meta-alias-bomb", "meta", _BOMB, 1),
    _f("meta-invalid-yaml", "meta", "a.md: {title: [x\n", 2),
    _f("meta-not-utf8", "meta", b"a.md:\n  title: caf\xe9\n"),
    _f("meta-scalar", "meta", "just words\n"),
    _f("meta-row-not-mapping", "meta", "a.md: [1, 2]\n", 1),
    _f("meta-list-of-scalars", "meta", "- a.md\n- b.md\n", 1),
    _f("meta-impossible-date", "meta", "a.md:\n  published: 2024-02-30\n", 2),
    _f("meta-duplicate-key", "meta", "a.md: {}\na.md: {}\n", 2),
    _f("meta-deep-nesting", "meta", _DEEP_YAML, 1),
    # configuration
    _f("config-invalid-toml", "config", "fail-on = \n", 1),
    _f("config-deep-nesting", "config", "x = " + "[" * 50_000 + "]" * 50_000 + "\n"),
    _f("config-unknown-key", "config", 'fail-on = "error"\ncolour = "red"\n', 2),
    _f("config-wrong-type", "config", "fail-on = 3\n", 1),
    # baselines
    _f("baseline-invalid-json", "baseline", '{"findings": [\n', 2),
    _f("baseline-deep-nesting", "baseline", '{"findings": ' + "[" * 50_000 + "]" * 50_000 + "}"),
    _f("baseline-wrong-shape", "baseline", '{"findings": [1, 2]}'),
    _f("baseline-huge-number", "baseline", '{"version": ' + "9" * 5_000 + "}"),
)


def _repeat(unit: str) -> Callable[[int], str]:
    return lambda size: (unit * (size // len(unit) + 1))[:size]


def _prose(size: int) -> str:
    sentences = [
        "At least 12 people were killed on Sunday in Mosul, officials said. ",
        "The ministry counted about 2,500 troops, up from 1,800 in 2023. ",
        'Dr. Okafor, 58, said "more than 110" attacks hit U.S. bases since mid-October. ',
        "Prices rose 3.5% to $41,200 late on Monday, the highest since Jan. 5, 2024.\n\n",
    ]
    return _repeat("".join(sentences))(size)


# Text shapes that were superlinear or slow (issue 13; blank lines, as scraped pages
# carry, cost a second per megabyte in the quantity scanner): each takes a size in
# characters.
ADVERSARIAL_SHAPES: dict[str, Callable[[int], str]] = {
    "news prose": _prose,
    "digits and commas": _repeat("1,234,567,"),
    "date-like fragments": _repeat("1/2 3-4 5.6 "),
    "unicode digits": _repeat("\u0663\u0664\u0665 \u096a\u096b "),
    "one-letter lines": _repeat("A\n"),
    "blank lines": _repeat("\n"),
    "repeated abbreviations": _repeat("Ab. "),
    "periods without spaces": _repeat("a."),
    "unclosed html comment": lambda size: "Five people. <!--" + _prose(size)[:-17],
    "unclosed suppression": lambda size: "<!-- numcheck: ignore[value-conflict] " + _prose(size),
    "one long sentence": _repeat("some 5 people and "),
}


_PIECE_WORDS = (
    "people killed 5 -6 minus in the capital 2,500 about more than 3.5% $41m Jan. 5, 2024 "
    "Sunday U.S. Iraq since October 1/2 ½ 10^5 1e9 two-thirds dozens hundreds of . , ; \n "
    "9999999999999999999999 <!-- --> numcheck: ignore[value-conflict] \ud800 \u0663"
)
_PIECES = _PIECE_WORDS.split(" ")
_YAML_PIECE_LINES = (
    "a: b\n|- x\n|  - y\n|k: &a [1]\n|v: *a\n|d: 2024-02-30\n|t: 1917\n|? [a]\n|: 1\n"
    '|[[[[\n|{a: b\n|\'\n|"\\ud800"\n|!!python/object:os.system\n|n: 1e999\n|---\n'
)
_YAML_PIECES = _YAML_PIECE_LINES.split("|")


def news_like_text() -> st.SearchStrategy[str]:
    """Figures, qualifiers, dates, abbreviations and odd characters, run together."""
    return st.lists(st.one_of(st.sampled_from(_PIECES), st.text(max_size=8)), max_size=30).map(
        " ".join
    )


def yaml_like_text() -> st.SearchStrategy[str]:
    """Fragments of YAML, valid and not: anchors, impossible dates, tags, open brackets."""
    return st.lists(st.sampled_from(_YAML_PIECES), max_size=20).map("".join)
