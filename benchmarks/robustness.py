"""Robustness suite (issue 13): ``make robust`` runs it and writes its section of
docs/benchmarks.md.

Measures, on this machine: hypothesis runs per extractor entry point and per loader
(never raises, offsets slice to quotes, intervals never inverted); every malformed file
of ``numcheck.testing.adversarial`` answered with exit 2; the adversarial text shapes
timed at two sizes (linear means the larger costs about its size ratio more), and a few
of them at every tenfold size from 10 KB to 10 MB; a batch of documents with 5% broken
inputs at two sizes (every input reported, exit code, peak memory); damaged claim
stores; shuffled inputs giving byte-identical reports.

``ROBUST_EXAMPLES`` (default 20,000) sets the hypothesis examples per entry point and
``ROBUST_BATCH`` (default 10,000) the larger batch, ``ROBUST_SIZE`` (default 1,000,000
characters) the larger adversarial document, ``ROBUST_SCALE_SHAPES`` (comma-separated)
and ``ROBUST_SCALE_MAX`` (default 10,000,000 characters) the scaling run.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import itertools
import json
import os
import random
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from numcheck.api import document
from numcheck.cli import main
from numcheck.documents.load import load_file
from numcheck.extract.dates import tag_dates
from numcheck.extract.pipeline import extract_claims
from numcheck.extract.quantities import find_quantities
from numcheck.extract.sentences import split_sentences
from numcheck.rules.load import load_rules
from numcheck.safe_yaml import YamlProblem, parse_yaml
from numcheck.testing.adversarial import (
    ADVERSARIAL_SHAPES,
    MALFORMED_FILES,
    news_like_text,
    yaml_like_text,
)

EXAMPLES = int(os.environ.get("ROBUST_EXAMPLES", "20000"))
BATCH = int(os.environ.get("ROBUST_BATCH", "10000"))
SIZE = int(os.environ.get("ROBUST_SIZE", "1000000"))

NEWSY = news_like_text()


def _hypothesis(name: str, strategy: st.SearchStrategy[str], law: Callable[[str], None]) -> str:
    failures: list[str] = []

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
    )
    @given(strategy)
    def run(text: str) -> None:
        try:
            law(text)
        except Exception as exc:  # counted, not raised: the table reports them
            failures.append(f"{type(exc).__name__}: {exc}"[:120])

    started = time.process_time()
    run()
    seconds = time.process_time() - started
    first = failures[0].replace("|", "/") if failures else ""
    return f"| {name} | {EXAMPLES:,} | {len(failures)} | {seconds:.0f} | {first} |"


def _claims_law(text: str) -> None:
    vocabulary = load_rules().vocabulary
    read = document(text)  # the text as loaders read it: no BOM, "\n" line ends, no lone surrogate
    for claim in extract_claims(read, vocabulary):
        assert read.text[claim.span.start : claim.span.end] == claim.quote, claim.quote
        value = claim.value
        if value is not None and value.low is not None and value.high is not None:
            assert value.low <= value.high, claim


def _quantities_law(text: str) -> None:
    for mention in find_quantities(text):
        assert text[mention.start : mention.end] == mention.text
        if mention.low is not None and mention.high is not None:
            assert mention.low <= mention.high


def _dates_law(text: str) -> None:
    for timex in tag_dates(text, None):
        assert text[timex.start : timex.end] == timex.text


def _sentences_law(text: str) -> None:
    for sentence in split_sentences(text):
        assert text[sentence.start : sentence.end] == sentence.text


def _yaml_law(text: str) -> None:
    with contextlib.suppress(YamlProblem):
        parse_yaml(text)


def _loader_law(suffix: str) -> Callable[[str], None]:
    folder = Path(tempfile.mkdtemp())

    def law(text: str) -> None:
        path = folder / f"doc{suffix}"
        path.write_bytes(text.encode("utf-8", "surrogatepass"))
        result = load_file(path)
        assert result.statuses, "every input has a status"

    return law


_YAMLISH = yaml_like_text()


def hypothesis_section() -> list[str]:
    rows = [
        _hypothesis("extract (claims)", NEWSY, _claims_law),
        _hypothesis("quantities", NEWSY, _quantities_law),
        _hypothesis("dates", NEWSY, _dates_law),
        _hypothesis("sentences", NEWSY, _sentences_law),
        _hypothesis("YAML reader", _YAMLISH, _yaml_law),
        _hypothesis(
            "Markdown loader", _YAMLISH.map(lambda y: f"---\n{y}---\n5 people."), _loader_law(".md")
        ),
        _hypothesis(
            "JSONL loader",
            NEWSY.map(lambda t: json.dumps({"text": t})[:-3] + t),
            _loader_law(".jsonl"),
        ),
    ]
    return [
        "### Hypothesis: never raises, offsets slice to quotes, intervals never inverted\n",
        "| entry point | examples | raised or broke a law | CPU s | first failure |",
        "|---|---:|---:|---:|---|",
        *rows,
        "",
    ]


def malformed_section() -> list[str]:
    rows = []
    worst = 0.0
    answered = 0
    for case in MALFORMED_FILES:
        with tempfile.TemporaryDirectory() as tmp:
            path, argv = case.write(Path(tmp))
            err = io.StringIO()
            started = time.process_time()
            with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
                code = main(argv)
            seconds = time.process_time() - started
            where = f"{path}:{case.line}:" if case.line else f"{path}:"
            ok = code == 2 and where in err.getvalue() and "Traceback" not in err.getvalue()
            answered += ok
            worst = max(worst, seconds)
            if not ok:
                rows.append(f"- {case.name}: exit {code}, {err.getvalue().strip()[:100]}")
    return [
        "### Malformed rule, vocabulary, meta, config and baseline files\n",
        f"{answered} of {len(MALFORMED_FILES)} answered with exit 2 naming the file (and the "
        f"line where there is one); slowest {worst:.2f} s CPU.",
        *rows,
        "",
    ]


def shapes_section() -> list[str]:
    rows = []
    small, large = SIZE // 10, SIZE
    for name, make in ADVERSARIAL_SHAPES.items():
        small_cpu, _ = _extract_cpu(make(small))
        large_cpu, claims = _extract_cpu(make(large))
        rows.append(
            f"| {name} | {small_cpu:.1f} | {large_cpu:.1f} "
            f"| {large_cpu / max(small_cpu, 1e-9):.1f} | {claims:,} |"
        )
    return [
        "### Adversarial long documents (load and extract)\n",
        f"| shape | CPU s at {small // 1000:,} KB | CPU s at {large // 1000:,} KB "
        "| ratio (10 = linear) | claims at the larger size |",
        "|---|---:|---:|---:|---:|",
        *rows,
        "",
    ]


SCALE_SHAPES = os.environ.get(
    "ROBUST_SCALE_SHAPES", "news prose,date-like fragments,one-letter lines"
).split(",")
SCALE_MAX = int(os.environ.get("ROBUST_SCALE_MAX", "10000000"))


def _extract_cpu(text: str) -> tuple[float, int]:
    """CPU seconds to load a Markdown file of ``text`` and extract its claims; claims."""
    vocabulary = load_rules().vocabulary
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "long.md"
        path.write_text(text, encoding="utf-8")
        started = time.process_time()
        loaded = load_file(path)
        claims = sum(len(extract_claims(d, vocabulary)) for d in loaded.documents)
        return time.process_time() - started, claims


def scaling_section() -> list[str]:
    """A few shapes from 10 KB up to ``ROBUST_SCALE_MAX``: linear means each tenfold size
    costs about ten times the CPU."""
    sizes = [10_000]
    while sizes[-1] * 10 <= SCALE_MAX:
        sizes.append(sizes[-1] * 10)
    rows = []
    for name in SCALE_SHAPES:
        times = [_extract_cpu(ADVERSARIAL_SHAPES[name](size))[0] for size in sizes]
        ratios = " / ".join(f"{b / max(a, 1e-9):.1f}" for a, b in itertools.pairwise(times))
        rows.append(
            f"| {name} | "
            + " | ".join(f"{t:.2f}" for t in times)
            + f" | {ratios} | {times[-1] / (sizes[-1] / 1e6):.1f} |"
        )
    labels = " | ".join(f"CPU s at {size // 1000:,} KB" for size in sizes)
    return [
        f"### Scaling from 10 KB to {sizes[-1] // 1000:,} KB (load and extract)\n",
        f"| shape | {labels} | ratio per tenfold size | s per MB at the largest |",
        "|---|" + "---:|" * (len(sizes) + 2),
        *rows,
        "",
    ]


_SENTENCES = [
    "{name} said rebels attacked the base {n} times since October in {place}.",
    "At least {n} people were killed on Sunday in {place}, {name} told reporters.",
    "{name} counted about {n},500 {noun} in {place}, up from {m} last year.",
    "Prices of {noun} rose {n}.5% to ${m} in {place}, {name} said on Friday.",
]
_NOUNS = ["troops", "refugees", "homes", "schools", "farms", "boats", "trucks", "clinics"]
_SYLLABLES = ["ka", "ro", "vel", "mi", "tan", "du", "so", "ber", "li", "na", "gor", "ess"]


def _name(rng: random.Random) -> str:
    def word() -> str:
        return "".join(rng.choice(_SYLLABLES) for _ in range(3)).capitalize()

    return f"{word()} {word()}"


def _story(n: int, rng: random.Random) -> tuple[str, str]:
    """A document's publication date and body: stories of about three documents each
    (one spokesperson, one place), spread over ten years, as an archive's are."""
    story = random.Random(n // 3)
    name, place = _name(story), story.choice(_PLACES)
    day = 3650 * story.random() + n % 3
    published = f"{2014 + int(day // 365)}-{1 + int(day % 365) // 31:02d}-{1 + int(day) % 28:02d}"
    body = " ".join(
        rng.choice(_SENTENCES).format(
            n=rng.randint(2, 400),
            m=rng.randint(2, 900),
            place=place,
            name=name,
            noun=story.choice(_NOUNS),
        )
        for _ in range(8)
    )
    return published, body


_PLACES = [
    "Iraq", "Syria", "Kenya", "Mosul", "Nairobi", "France", "Chile", "Peru", "Ghana", "Nepal",
    "Laos", "Mali", "Chad", "Oman", "Fiji", "Cuba", "Haiti", "Yemen", "Libya", "Sudan",
]  # fmt: skip


def _batch(folder: Path, count: int) -> int:
    """``count`` inputs, 5% of them broken in one of five ways; returns the input count."""
    rng = random.Random(count)
    folder.mkdir(parents=True)
    for n in range(count):
        name = folder / f"story-{n:05d}"
        if n % 20 == 7:
            kind = (n // 20) % 5
            if kind == 0:
                name.with_suffix(".txt").write_bytes(b"caf\xe9 5 people")
            elif kind == 1:
                name.with_suffix(".md").write_text("---\npublished: 2024-02-30\n---\n5 people.\n")
            elif kind == 2:
                name.with_suffix(".md").write_text("---\na: &a [1]\nb: *a\n---\n5 people.\n")
            elif kind == 3:
                name.with_suffix(".jsonl").write_text('{"id": 5, "text": 7}\n')
            else:
                name.with_suffix(".txt").symlink_to(folder / "vanished.txt")
            continue
        published, body = _story(n, rng)
        name.with_suffix(".md").write_text(f"---\npublished: {published}\n---\n{body}\n")
    return count


# The CLI in a child that reports its own peak memory on its last stderr line.
_CHILD = (
    "import resource, sys\n"
    "from numcheck.cli import main\n"
    "code = main(sys.argv[1:])\n"
    "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)\n"
    "sys.exit(code)\n"
)


def _run_cli(argv: list[str]) -> tuple[int, float, float, str]:
    """Exit code, CPU seconds and peak memory (MB) of one ``numcheck`` run, and stdout."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, *argv], capture_output=True, text=True, check=False
    )
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    last = done.stderr.strip().rsplit("\n", 1)[-1]
    peak = int(last) / 1024 if last.isdigit() else float("nan")
    return done.returncode, cpu, peak, done.stdout


def batch_section() -> list[str]:
    rows = []
    for count in (BATCH // 10, BATCH):
        with tempfile.TemporaryDirectory() as tmp:
            inputs = _batch(Path(tmp) / "batch", count)
            code, cpu, peak, out = _run_cli(
                ["check", str(Path(tmp) / "batch"), "--format", "json", "--no-config"]
            )
            report = json.loads(out) if out else {"documents": [], "findings": []}
            files = {d["source"].rsplit(":", 1)[0] for d in report["documents"]}
            errors = sum(d["status"] == "error" for d in report["documents"])
            rows.append(
                f"| {count:,} | {len(files):,} of {inputs:,} | {errors:,} | "
                f"{len(report['findings']):,} | {code} | {cpu:.0f} | {peak:.0f} |"
            )
    return [
        "### A batch with 5% broken inputs (`numcheck check folder --format json`)\n",
        "| inputs | reported | error statuses | findings | exit | CPU s | peak MB |",
        "|---:|---:|---:|---:|---:|---:|---:|",
        *rows,
        "",
        "Exit 2: inputs that cannot be read fail the gate closed (the CLI's policy), and",
        "every input is in the report with its status. Peak memory is one run's own.",
        "",
    ]


def stores_section() -> list[str]:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "archive"
        _batch(folder, 200)
        draft = Path(tmp) / "draft.txt"
        draft.write_text("Rebels attacked the base 999 times since October, in Iraq.\n")
        good = Path(tmp) / "good.sqlite"
        _run_cli(["index", str(folder), "--store", str(good), "--no-config"])

        def damaged(name: str, make: Callable[[Path], None]) -> None:
            path = Path(tmp) / f"{name}.sqlite"
            path.write_bytes(good.read_bytes())
            make(path)
            code, cpu, _, _ = _run_cli(["check", str(draft), "--store", str(path), "--no-config"])
            rows.append(f"| {name} | {code} | {cpu:.1f} |")

        def corrupt(path: Path) -> None:
            with path.open("r+b") as raw:
                raw.seek(4096 * 3)
                raw.write(b"\xde\xad" * 4096)

        def empty(path: Path) -> None:
            path.write_bytes(b"")

        def drop(path: Path) -> None:
            db = sqlite3.connect(path)
            db.execute("DROP TABLE claim_keys")
            db.commit()
            db.close()

        damaged("intact", lambda path: None)
        damaged("corrupted pages", corrupt)
        damaged("0-byte file", empty)
        damaged("missing table", drop)
    return [
        "### Damaged claim stores (`numcheck check draft --store FILE`)\n",
        "| store | exit | CPU s |",
        "|---|---:|---:|",
        *rows,
        "",
    ]


def determinism_section() -> list[str]:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "batch"
        _batch(folder, 300)
        paths = sorted(str(p) for p in folder.iterdir())
        outputs = set()
        for seed in range(3):
            random.Random(seed).shuffle(paths)
            _, _, _, out = _run_cli(["check", *paths, "--format", "json", "--no-config"])
            outputs.add(out)
    return [
        "### Shuffled inputs\n",
        f"300 inputs in 3 orders: {len(outputs)} distinct JSON report(s) (1 = byte-identical).",
        "",
    ]


def run() -> str:
    started = time.perf_counter()
    parts = [
        "## Robustness (issue 13)\n",
        "`make robust` (`python benchmarks/run.py robustness`) writes this section alone. "
        f"Hypothesis examples per entry point: {EXAMPLES:,} (`ROBUST_EXAMPLES`); larger "
        f"batch: {BATCH:,} inputs (`ROBUST_BATCH`). Short versions of each run in `make test` "
        "(tests/robustness).\n",
    ]
    for section in (
        malformed_section,
        stores_section,
        determinism_section,
        shapes_section,
        scaling_section,
        batch_section,
        hypothesis_section,
    ):
        parts += section()
        print(f"robustness: {section.__name__} done", file=sys.stderr)
    parts += [
        "Reading the figures: the goals of issue 13 are no raise and no inverted interval in",
        "any hypothesis example, exit 2 with file and line for every malformed file, a ratio",
        "near 10 (linear) for every long shape with at most 1 s of CPU per MB, at most 12x",
        "the time for 10x the batch, and one distinct report for shuffled inputs.",
        "",
        f"Run on {dt.date.today().isoformat()}, this section alone; whole suite "
        f"{time.perf_counter() - started:.0f} s wall clock.\n",
    ]
    return "\n".join(parts)


if __name__ == "__main__":
    print(run())
