"""Indexing and checking on Dask workers: the same store and report as one process.

A generated archive (``numcheck.testing.archive``) is indexed serially and on a
``LocalCluster`` of two workers; the stores must match row for row. A run killed midway
must be completed by the next one. Worker failures become document errors.
"""

from __future__ import annotations

import ast
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

import pytest

from numcheck.api import check_documents
from numcheck.api import document as news_document
from numcheck.cli import main
from numcheck.documents.load import load_paths
from numcheck.documents.model import Document
from numcheck.extract.frames.parse import parser
from numcheck.extract.pipeline import extract_claims
from numcheck.parallel import InProcess, worker_count
from numcheck.rules.load import load_rules
from numcheck.store import ClaimStore, index_paths
from numcheck.testing.archive import write_archive
from numcheck.vocabulary import Vocabulary

distributed = pytest.importorskip("distributed", reason="numcheck[dask] is not installed")
cloudpickle = pytest.importorskip("cloudpickle")
from numcheck.parallel import DaskWorkers  # noqa: E402

# Functions below run on the workers, which cannot import this test module by name.
cloudpickle.register_pickle_by_value(sys.modules[__name__])

TABLES = ("meta", "files", "documents", "claims", "keys", "claim_keys")


def rows(store: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table of a store, in primary-key order."""
    with sqlite3.connect(store) as db:
        return {table: list(db.execute(f"SELECT * FROM {table} ORDER BY 1, 2")) for table in TABLES}


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("archive")
    write_archive(folder, 30, seed=11)
    (folder / "9999" / "broken.md").parent.mkdir()
    (folder / "9999" / "broken.md").write_bytes(b"\xff\xfe not text")
    return folder


@pytest.fixture(scope="module")
def serial_store(archive: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    store = tmp_path_factory.mktemp("serial") / "claims.sqlite"
    assert main(["index", str(archive), "--store", str(store), "--no-config"]) == 2  # broken.md
    return store


@pytest.fixture(scope="module")
def workers() -> Iterator[DaskWorkers]:
    with DaskWorkers.start(2, batch_size=4) as started:
        yield started


def test_index_on_two_workers_gives_the_serial_store(
    archive: Path, serial_store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = tmp_path / "claims.sqlite"
    args = ["index", str(archive), "--store", str(store), "--no-config", "--workers", "2"]
    assert main(args) == 2
    out = capsys.readouterr()
    assert "indexed 30 documents" in out.out and "1 errors" in out.out
    assert "broken.md: error: not UTF-8 text" in out.err
    assert rows(store) == rows(serial_store)
    assert sum(1 for _ in ClaimStore(store).claims()) > 30 * 10
    # Unchanged files are skipped on workers too; the failed one is read again.
    assert main(args) == 2
    assert "0 documents (0 claims)" in capsys.readouterr().out
    again, serial = rows(store), rows(serial_store)
    assert [again[t] == serial[t] for t in ("claims", "keys", "claim_keys")] == [True] * 3
    assert ClaimStore(store).documents() == ClaimStore(serial_store).documents()


_KILLED_RUN = """
import sys
from numcheck.parallel import DaskWorkers
from numcheck.rules.load import load_rules
from numcheck.store import ClaimStore, index_paths
with DaskWorkers.start(2, batch_size=2) as workers, ClaimStore(sys.argv[2], create=True) as store:
    print("started", flush=True)
    index_paths([sys.argv[1]], store, load_rules(), executor=workers, commit_every=3)
"""


def _stored_files(store: Path) -> int:
    try:
        with sqlite3.connect(store) as db:
            return int(db.execute("SELECT COUNT(*) FROM files").fetchone()[0])
    except sqlite3.Error:
        return 0


def test_a_run_killed_midway_is_completed_by_the_next(
    archive: Path, serial_store: Path, tmp_path: Path
) -> None:
    store = tmp_path / "claims.sqlite"
    run = subprocess.Popen(
        [sys.executable, "-c", _KILLED_RUN, str(archive), str(store)],
        stdout=subprocess.PIPE,
        start_new_session=True,  # its Dask workers share its process group
    )
    try:
        assert run.stdout is not None and run.stdout.readline().strip() == b"started"
        deadline = time.monotonic() + 120
        while _stored_files(store) < 6 and run.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert run.poll() is None, "the run ended before it could be killed"
    finally:
        os.killpg(run.pid, signal.SIGKILL)
        run.wait()
    kept = _stored_files(store)
    assert 6 <= kept < 31
    # The re-run reads only what the killed one had not committed.
    with ClaimStore(store) as opened:
        result = index_paths([archive], opened, load_rules())
    assert result.unchanged == kept
    assert rows(store) == rows(serial_store)


EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def test_check_on_workers_reports_what_a_serial_check_reports(workers: DaskWorkers) -> None:
    pack = load_rules()
    drafts, archive = load_paths([EXAMPLES / "drafts"]), load_paths([EXAMPLES / "archive"])
    serial = check_documents(drafts, archive, pack)
    parallel = check_documents(drafts, archive, pack, executor=workers)
    assert parallel == serial
    assert serial.report.findings and serial.claims


def _extract_or_die(setup: str, documents: list[str]) -> list[str]:
    """Work that kills its worker process on a document that says so."""
    for text in documents:
        if text == "crash":
            os._exit(1)
    return [f"{setup}:{text}" for text in documents]


def _die_once(marker: str, documents: list[str]) -> list[str]:
    """Work that kills its worker the first time it runs anywhere, then succeeds."""
    try:
        Path(marker).touch(exist_ok=False)
    except FileExistsError:
        return [text.upper() for text in documents]
    os._exit(1)


def _failed(item: str, reason: str) -> str:
    return f"failed: {reason}"


def test_a_lost_workers_batch_is_retried_once(workers: DaskWorkers, tmp_path: Path) -> None:
    items = ["a", "b", "c", "d", "e", "f"]
    done = list(workers.map(_die_once, str(tmp_path / "died"), items, _failed))
    assert done == ["A", "B", "C", "D", "E", "F"]


def test_a_document_that_kills_its_worker_is_an_error_and_the_batch_goes_on(
    workers: DaskWorkers,
) -> None:
    items = ["a", "b", "crash", "d", "e", "f", "g"]
    done = list(workers.map(_extract_or_die, "ok", items, _failed))
    assert done[:2] == ["ok:a", "ok:b"] and done[3:] == ["ok:d", "ok:e", "ok:f", "ok:g"]
    assert done[2].startswith("failed: worker lost")


def _extract_noting_loads(vocabulary: Vocabulary, documents: list[Document]) -> list[Loads]:
    """Extract a batch; note the worker process and how often it loaded the parser."""
    for document in documents:
        extract_claims(document, vocabulary)
    return [(os.getpid(), parser.cache_info().misses)] * len(documents)


Loads = tuple[int, int]


def _no_loads(item: Document, reason: str) -> Loads:
    raise AssertionError(reason)


def test_extraction_state_loads_once_per_worker(workers: DaskWorkers) -> None:
    texts = [f"At least {n} people were killed in Basra on Sunday." for n in range(40)]
    batches = [news_document(text, published="2024-01-07") for text in texts]
    done = list(workers.map(_extract_noting_loads, load_rules().vocabulary, batches, _no_loads))
    loads: dict[int, set[int]] = defaultdict(set)
    for pid, misses in done:
        loads[pid].add(misses)
    # Ten batches on two long-lived workers, each loading the spaCy pipeline once.
    assert len(loads) <= 2
    assert all(seen == {1} for seen in loads.values())


def test_a_document_lost_on_a_worker_is_stored_as_an_error(tmp_path: Path) -> None:
    class LosesTheSecond(InProcess):
        """An executor whose second document's worker is lost (as Dask reports it)."""

        def map(self, work, setup, items, failed):  # type: ignore[no-untyped-def]
            for number, item in enumerate(items):
                yield failed(item, "worker lost") if number == 1 else work(setup, [item])[0]

    folder = tmp_path / "archive"
    write_archive(folder, 3, seed=2)
    with ClaimStore(tmp_path / "s.sqlite", create=True) as store:
        result = index_paths([folder], store, load_rules(), executor=LosesTheSecond())
        assert result.documents == 2
        assert [e.error for e in result.errors] == ["worker lost"]
        assert [d.status for d in store.documents()] == ["checked", "error", "checked"]
        again = index_paths([folder], store, load_rules())  # the failed file is read again
        assert (again.unchanged, again.documents, again.errors) == (2, 1, [])


def test_workers_are_counted_or_refused(capsys: pytest.CaptureFixture[str]) -> None:
    assert worker_count("auto") == (os.cpu_count() or 1)
    assert worker_count("3") == 3
    assert main(["index", "x", "--store", "s", "--no-config", "--workers", "0"]) == 2
    assert "--workers 0: give a number" in capsys.readouterr().err


def test_without_dask_workers_say_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed fails
    draft = tmp_path / "d.txt"
    draft.write_text("The flood destroyed 120 homes.", encoding="utf-8")
    assert main(["check", str(draft), "--no-config", "--workers", "2"]) == 2
    assert "pip install 'numcheck[dask]'" in capsys.readouterr().err
    store = str(tmp_path / "s.sqlite")
    assert main(["index", str(draft), "--store", store, "--no-config", "--scheduler", "x"]) == 2
    assert "pip install 'numcheck[dask]'" in capsys.readouterr().err
    config = tmp_path / "numcheck.toml"
    config.write_text('scheduler = "tcp://scheduler:8786"\n', encoding="utf-8")
    assert main(["index", str(draft), "--store", store, "--config", str(config)]) == 2
    assert "pip install 'numcheck[dask]'" in capsys.readouterr().err
    assert main(["index", str(draft), "--store", store, "--no-config"]) == 0  # no Dask needed


def _dask_modules(code: str) -> set[str]:
    """The Dask modules a fresh interpreter has loaded after running ``code``."""
    code += (
        "\nimport sys\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('dask', 'distributed')))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return set(ast.literal_eval(done.stdout.strip().splitlines()[-1]))


def test_a_plain_check_does_not_import_dask(tmp_path: Path) -> None:
    draft = tmp_path / "d.txt"
    draft.write_text("The flood destroyed 120 homes on Sunday.", encoding="utf-8")
    check = f"from numcheck.cli import main\nmain(['check', {str(draft)!r}, '--no-config'])"
    loaded = _dask_modules(check)
    assert not any(m.startswith("distributed") for m in loaded)
    # pint imports dask.base at start-up when Dask is installed; numcheck adds nothing.
    assert loaded <= _dask_modules("import pint")
