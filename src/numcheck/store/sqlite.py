"""The claim store: an archive's claims in SQLite, indexed by each pair rule's blocking key.

Checking a draft then reads only the stored claims that share a key with one of the
draft's claims (and fall within the rule's reach in time), never the whole archive.
"""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from numcheck.claims import Claim
from numcheck.documents.model import DocumentStatus
from numcheck.rules.checks.base import PairCheck, Reach
from numcheck.rules.engine import blocking_keys
from numcheck.rules.load import RulePack
from numcheck.store.fingerprint import pack_fingerprint, pair_checks

SCHEMA_VERSION = 2  # 2: claims carry their frame (docs/store.md)

_SCHEMA = """
CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE files (path TEXT PRIMARY KEY, content_hash TEXT NOT NULL);
CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    file TEXT NOT NULL,
    doc_id TEXT NOT NULL,
    source TEXT NOT NULL,
    published TEXT,
    status TEXT NOT NULL,
    error TEXT
);
CREATE INDEX documents_file ON documents(file);
CREATE TABLE claims (
    id INTEGER PRIMARY KEY,
    document INTEGER NOT NULL,
    body TEXT NOT NULL
);
CREATE INDEX claims_document ON claims(document);
CREATE TABLE keys (
    id INTEGER PRIMARY KEY,
    rule TEXT NOT NULL,
    key TEXT NOT NULL,
    UNIQUE (rule, key)
);
CREATE TABLE claim_keys (
    key INTEGER NOT NULL,
    day INTEGER NOT NULL,
    open_ended INTEGER NOT NULL,
    valued INTEGER NOT NULL,
    low REAL,
    high REAL,
    claim INTEGER NOT NULL,
    PRIMARY KEY (key, day, claim)
) WITHOUT ROWID;
"""
# Blocking keys are interned (``keys``); ``claim_keys`` holds each claim's reach and is
# clustered by key and day, so a draft's lookup reads one contiguous run of small rows and
# reads claims only for rows its reaches admit. ``day`` 0 stands for no date (ordinals
# start at 1). ``claim_keys`` has no index by claim: rows of forgotten claims are
# swept once at the end of a write (claim ids are never reused, so they never match).


_NOT_NULL = re.compile(r"NULL value in (?P<table>\w+)\.(?P<column>\w+)")
_TABLES = frozenset({"meta", "files", "documents", "claims", "keys", "claim_keys"})
# How long a run waits for another run's write (two ``index`` runs at once) before it
# says the store is busy.
LOCK_TIMEOUT = 30.0


class StoreError(Exception):
    """A claim store that cannot be used as asked, said in one line."""


class ClaimStore:
    """An archive's claims on disk; ``candidates`` makes it the engine's ``ClaimSource``.

    Only ``create=True`` (``numcheck index``) makes a store, from a missing or empty file;
    a store of another schema version, a file that is not a claim store, or a damaged
    one raises ``StoreError``. With ``replace_damaged`` (``index --rebuild``) a damaged
    or foreign file is replaced by an empty store instead.
    """

    def __init__(
        self,
        path: str | Path,
        *,
        create: bool = False,
        replace_damaged: bool = False,
        lock_timeout: float = LOCK_TIMEOUT,
    ) -> None:
        self.path = Path(path)
        self.lock_timeout = lock_timeout
        if not create and not self.path.is_file():
            raise StoreError(f"{self.path}: no such claim store (create it with numcheck index)")
        try:
            self._open(create=create)
        except StoreError:
            if not replace_damaged:
                raise
            for suffix in ("", "-wal", "-shm"):
                Path(f"{self.path}{suffix}").unlink(missing_ok=True)
            self._open(create=True)

    def _open(self, *, create: bool) -> None:
        try:
            self._db = sqlite3.connect(self.path, isolation_level=None, timeout=self.lock_timeout)
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: cannot open the claim store ({exc})") from exc
        try:
            self._prepare(create=create)  # before WAL: that pragma writes to an empty file
            self._db.execute("PRAGMA journal_mode = WAL")
        except sqlite3.OperationalError as exc:
            self._db.close()
            if "locked" in str(exc) or "busy" in str(exc):
                raise self._locked() from exc
            raise self._damaged(str(exc)) from exc
        except sqlite3.DatabaseError as exc:
            self._db.close()
            raise self._damaged(str(exc)) from exc
        except StoreError:
            self._db.close()
            raise

    def _damaged(self, why: str) -> StoreError:
        return StoreError(
            f"{self.path}: damaged or not a numcheck claim store ({why}); re-index with --rebuild"
        )

    def _locked(self) -> StoreError:
        return StoreError(
            f"{self.path}: the claim store is locked by another numcheck run (waited "
            f"{self.lock_timeout:g} s); try again when it has finished"
        )

    def _prepare(self, *, create: bool) -> None:
        tables = {row[0] for row in self._db.execute("SELECT name FROM sqlite_master")}
        if not tables:
            if not create:
                raise StoreError(
                    f"{self.path}: an empty file, not a claim store (create it with numcheck index)"
                )
            self._db.executescript(
                f"BEGIN; {_SCHEMA} INSERT INTO meta VALUES ('schema', '{SCHEMA_VERSION}'); COMMIT;"
            )
            return
        if "meta" not in tables:
            raise self._damaged("no meta table")
        version = self._get("schema")
        if version != str(SCHEMA_VERSION):
            raise StoreError(
                f"{self.path}: claim store schema version {version}, this numcheck reads "
                f"version {SCHEMA_VERSION}; index the archive into a new store"
            )
        missing = _TABLES - tables
        if missing:
            raise self._damaged(f"missing table {', '.join(sorted(missing))}")
        problems = self._integrity_problems()
        if problems:
            raise self._damaged(
                problems[0] + (f" and {len(problems) - 1} more" * (len(problems) > 1))
            )

    def _integrity_problems(self) -> list[str]:
        """What ``PRAGMA quick_check`` finds, less SQLite 3.40's false NOT NULL reports.

        SQLite 3.40.x reports NOT NULL violations on a WITHOUT ROWID table whose primary
        key columns are not its first columns (``claim_keys``) where there are none; such
        a report counts only when a ``SELECT ... IS NULL`` confirms it.
        """
        problems = []
        for (line,) in self._db.execute("PRAGMA quick_check"):
            if line == "ok":
                continue
            null = _NOT_NULL.match(line)
            if null and null["table"] in _TABLES:
                column = null["column"]
                found = self._db.execute(
                    f'SELECT 1 FROM "{null["table"]}" WHERE "{column}" IS NULL LIMIT 1'
                ).fetchone()
                if found is None:
                    continue
            problems.append(line)
        return problems

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> ClaimStore:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    def _get(self, name: str) -> str | None:
        row = self._db.execute("SELECT value FROM meta WHERE name = ?", (name,)).fetchone()
        return None if row is None else str(row[0])

    def _set(self, name: str, value: str) -> None:
        self._db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (name, value))

    def _begin(self) -> None:
        """Take the write lock now (waiting up to ``lock_timeout``), not at the first write."""
        try:
            self._db.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise self._locked() from exc

    def _checkpoint(self, writer: Writer) -> None:
        """Commit what ``writer`` wrote so far and go on in a new transaction (waiting
        for a lock another run holds, as the first one did)."""
        self._db.execute("COMMIT")
        self._begin()

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        self._begin()
        try:
            yield
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    # -- the rule pack ----------------------------------------------------------------

    @property
    def fingerprint(self) -> str | None:
        """The fingerprint of the rule pack the claims were keyed with (None when empty)."""
        return self._get("fingerprint")

    def require(self, pack: RulePack) -> None:
        """Raise ``StoreError`` unless the store was keyed with ``pack`` (or is empty)."""
        stored, wanted = self.fingerprint, pack_fingerprint(pack)
        if stored is not None and stored != wanted:
            raise StoreError(
                f"{self.path}: indexed with another rule pack or numcheck version "
                f"(fingerprint {stored}, this run {wanted}); re-index with --rebuild"
            )

    # -- writing ----------------------------------------------------------------------

    @contextmanager
    def writing(self, pack: RulePack, *, rebuild: bool = False) -> Iterator[Writer]:
        """A transaction that adds files to the store, keyed with ``pack``.

        Without ``rebuild`` the pack must be the one the store was built with; with it,
        everything stored is dropped first. ``Writer.commit`` keeps what was written so
        far, so a run killed later leaves those files stored (and skipped next time).
        """
        if not rebuild:
            self.require(pack)
        self._db.execute("PRAGMA synchronous = OFF")
        try:
            with self._transaction():
                if rebuild:
                    for table in ("claim_keys", "keys", "claims", "documents", "files"):
                        self._db.execute(f"DELETE FROM {table}")
                self._set("fingerprint", pack_fingerprint(pack))
                writer = Writer(
                    self._db,
                    pair_checks(pack),
                    int(self._get("next_claim") or 1),
                    self._checkpoint,
                )
                yield writer
                writer.save(sweep=True)
        finally:
            self._db.execute("PRAGMA synchronous = NORMAL")

    # -- reading ----------------------------------------------------------------------

    def file_hash(self, path: str) -> str | None:
        """The content hash a file was indexed with, None if it was not.

        A file stored with errors (a JSONL file with one bad line) counts as indexed:
        the same bytes give the same errors, which ``errors_of`` keeps for the report.
        """
        row = self._db.execute("SELECT content_hash FROM files WHERE path = ?", (path,)).fetchone()
        return None if row is None else str(row[0])

    def errors_of(self, path: str) -> list[DocumentStatus]:
        """The documents of a stored file that failed (a JSONL file's bad lines)."""
        rows = self._db.execute(
            "SELECT doc_id, source, status, error FROM documents "
            "WHERE file = ? AND status = 'error' ORDER BY id",
            (path,),
        )
        return [
            DocumentStatus(id=doc_id, source=source, status=status, error=error)
            for doc_id, source, status, error in rows
        ]

    def documents(self) -> list[DocumentStatus]:
        """Every stored document with its status, in file order."""
        rows = self._db.execute(
            "SELECT doc_id, source, published, status, error FROM documents ORDER BY file, id"
        )
        return [
            DocumentStatus(
                id=doc_id,
                source=source,
                published=dt.date.fromisoformat(published) if published else None,
                status=status,
                error=error,
            )
            for doc_id, source, published, status, error in rows
        ]

    def claims(self) -> Iterator[Claim]:
        """Every stored claim (for exports and tests; checking never needs them all)."""
        for (body,) in self._db.execute("SELECT body FROM claims ORDER BY id"):
            yield Claim.model_validate_json(body)

    def count(self, table: str) -> int:
        if table not in ("files", "documents", "claims", "keys", "claim_keys"):
            raise ValueError(table)
        return int(self._db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])

    def candidates(
        self, rule: str, wanted: Mapping[str, Sequence[Reach]]
    ) -> Iterable[tuple[str, Claim]]:
        """Stored claims keyed ``key`` under ``rule`` that one of ``wanted[key]`` admits."""
        for key in sorted(wanted):
            condition, parameters = _reach_condition(wanted[key])
            rows = self._db.execute(
                "SELECT c.body FROM keys JOIN claim_keys k ON k.key = keys.id "
                "JOIN claims c ON c.id = k.claim "
                f"WHERE keys.rule = ? AND keys.key = ? AND ({condition})",
                (rule, key, *parameters),
            )
            for (body,) in rows:
                yield key, Claim.model_validate_json(body)


def _reach_condition(reaches: Sequence[Reach]) -> tuple[str, list[float]]:
    """SQL keeping the stored rows (``k``) one of ``reaches`` admits (``Reach.admits``,
    or more: the comparison has the last word)."""
    alternatives: list[str] = []
    parameters: list[float] = []
    for reach in sorted(set(reaches), key=repr):
        terms: list[str] = []
        if reach.day is not None and reach.days is not None:
            open_ended = " OR k.open_ended = 1" if reach.open_ended else ""
            terms.append(f"(k.day = 0 OR k.day BETWEEN ? AND ?{open_ended})")
            parameters += [reach.day - reach.days, reach.day + reach.days]
        if reach.valued:
            meets = ["k.valued = 1"]
            if reach.high is not None:
                meets.append("(k.low IS NULL OR k.low <= ?)")
                parameters.append(reach.high)
            if reach.low is not None:
                meets.append("(k.high IS NULL OR ? <= k.high)")
                parameters.append(reach.low)
            terms.append(f"NOT ({' AND '.join(meets)})")
        alternatives.append(" AND ".join(terms) or "1")
    return " OR ".join(f"({a})" for a in alternatives) or "0", parameters


KeyRow = tuple[str, str, Reach]


@dataclass(frozen=True)
class StoredClaim:
    """A claim as the store writes it: its JSON body and its keys under each pair rule,
    with the claim's reach. Made where the claim was extracted (a Dask worker), so the one
    writer only inserts rows."""

    document: str
    body: str
    keys: tuple[KeyRow, ...]


def stored_claim(claim: Claim, checks: Sequence[tuple[str, PairCheck]]) -> StoredClaim:
    """What the store keeps of ``claim`` when keyed with ``checks`` (``pair_checks``)."""
    keys: list[KeyRow] = []
    for rule, check in checks:
        found = blocking_keys(check, claim)
        if found:
            reach = check.reach(claim)
            keys.extend((rule, key, reach) for key in found)
    return StoredClaim(claim.document, claim.model_dump_json(exclude_none=True), tuple(keys))


class Writer:
    """Adds files' documents and claims inside ``ClaimStore.writing``."""

    def __init__(
        self,
        db: sqlite3.Connection,
        checks: list[tuple[str, PairCheck]],
        next_claim: int,
        checkpoint: Callable[[Writer], None] | None = None,
    ) -> None:
        self._db = db
        self._checkpoint = checkpoint
        self._checks = checks
        self._keys = {(rule, key): id for id, rule, key in db.execute("SELECT * FROM keys")}
        self._next_document = int(
            db.execute("SELECT COALESCE(MAX(id), 0) + 1 FROM documents").fetchone()[0]
        )
        self.next_claim = next_claim
        self.forgot = False

    def _forget(self, file: str) -> None:
        """Remove a file with its documents and claims (if it was stored)."""
        if self._db.execute("SELECT 1 FROM files WHERE path = ?", (file,)).fetchone() is None:
            return
        self.forgot = True
        documents = "SELECT id FROM documents WHERE file = ?"
        self._db.execute(f"DELETE FROM claims WHERE document IN ({documents})", (file,))
        self._db.execute("DELETE FROM documents WHERE file = ?", (file,))
        self._db.execute("DELETE FROM files WHERE path = ?", (file,))

    def _key_id(self, rule: str, key: str) -> int:
        found = self._keys.get((rule, key))
        if found is None:
            found = self._keys[rule, key] = len(self._keys) + 1
            self._db.execute("INSERT INTO keys VALUES (?, ?, ?)", (found, rule, key))
        return found

    @property
    def checks(self) -> list[tuple[str, PairCheck]]:
        """The pair checks claims are keyed with (what ``stored_claim`` needs)."""
        return self._checks

    def put(
        self,
        file: str,
        content_hash: str,
        statuses: Sequence[DocumentStatus],
        claims: Iterable[Claim],
    ) -> int:
        """Replace what the store holds for ``file``; returns the number of claims kept.

        ``statuses`` are the file's documents; claims of a document with no status, or
        one in error, are not kept.
        """
        stored = (stored_claim(claim, self._checks) for claim in claims)
        return self.put_stored(file, content_hash, statuses, stored)

    def put_stored(
        self,
        file: str,
        content_hash: str,
        statuses: Sequence[DocumentStatus],
        claims: Iterable[StoredClaim],
    ) -> int:
        """``put`` for claims already made into rows (``stored_claim``)."""
        self._forget(file)
        self._db.execute("INSERT INTO files VALUES (?, ?)", (file, content_hash))
        row_of: dict[str, int] = {}
        documents = []
        for status in statuses:
            documents.append(
                (
                    self._next_document,
                    file,
                    status.id,
                    status.source,
                    status.published.isoformat() if status.published else None,
                    status.status,
                    status.error,
                )
            )
            if status.status == "checked":
                row_of[status.id] = self._next_document
            self._next_document += 1
        self._db.executemany("INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?, ?)", documents)
        claim_rows: list[tuple[int, int, str]] = []
        key_rows: list[tuple[int, int, bool, bool, float | None, float | None, int]] = []
        for claim in claims:
            document = row_of.get(claim.document)
            if document is None:
                continue
            claim_id = self.next_claim
            self.next_claim += 1
            claim_rows.append((claim_id, document, claim.body))
            key_rows.extend(
                (
                    self._key_id(rule, key),
                    reach.day or 0,
                    reach.open_ended,
                    reach.valued,
                    reach.low,
                    reach.high,
                    claim_id,
                )
                for rule, key, reach in claim.keys
            )
        self._db.executemany("INSERT INTO claims VALUES (?, ?, ?)", claim_rows)
        self._db.executemany("INSERT INTO claim_keys VALUES (?, ?, ?, ?, ?, ?, ?)", key_rows)
        for _, check in self._checks:
            check.forget()  # an index run meets every claim once
        return len(claim_rows)

    def save(self, *, sweep: bool = False) -> None:
        """Record the next claim id; with ``sweep``, drop the key rows of replaced claims.

        The sweep reads every key row, so it runs once, at the end of a write; a run
        killed before it leaves a mark, and the next write sweeps.
        """
        self._db.execute(
            "INSERT OR REPLACE INTO meta VALUES ('next_claim', ?)", (str(self.next_claim),)
        )
        if self.forgot:
            self._db.execute("INSERT OR REPLACE INTO meta VALUES ('unswept', '1')")
        if sweep and self._db.execute("SELECT 1 FROM meta WHERE name = 'unswept'").fetchone():
            self._db.execute("DELETE FROM claim_keys WHERE claim NOT IN (SELECT id FROM claims)")
            self._db.execute("DELETE FROM meta WHERE name = 'unswept'")
        self.forgot = False

    def commit(self) -> None:
        """Keep everything written so far, even if the run is killed later."""
        self.save()
        if self._checkpoint is not None:
            self._checkpoint(self)
        else:
            self._db.execute("COMMIT")
            self._db.execute("BEGIN")
