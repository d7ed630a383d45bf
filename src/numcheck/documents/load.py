"""Load documents from files and folders; a file that fails is reported, never dropped."""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from numcheck.documents.markup import html_text, markdown_text
from numcheck.documents.model import Document, DocumentStatus, OffsetMap

SUFFIXES = frozenset({".txt", ".md", ".markdown", ".html", ".htm", ".jsonl"})


class DocumentError(Exception):
    """A document (or a metadata file) that cannot be read, named by its source."""

    def __init__(self, source: str, message: str) -> None:
        super().__init__(f"{source}: {message}")
        self.source = source
        self.message = message


@dataclass
class LoadResult:
    """The documents that loaded and a status for every input, in input order."""

    documents: list[Document] = field(default_factory=list)
    statuses: list[DocumentStatus] = field(default_factory=list)

    def extend(self, other: LoadResult) -> None:
        self.documents.extend(other.documents)
        self.statuses.extend(other.statuses)

    def fail(self, source: str, message: str, doc_id: str | None = None) -> None:
        self.statuses.append(
            DocumentStatus(id=doc_id or source, source=source, status="error", error=message)
        )


Metadata = Mapping[str, Mapping[str, Any]]


def load_metadata(path: Path) -> dict[str, dict[str, Any]]:
    """Metadata by file name, from YAML (a mapping or a list with ``file``) or CSV."""
    source = str(path)
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DocumentError(source, f"cannot read metadata: {exc}") from exc
    rows: list[dict[str, Any]]
    if path.suffix.lower() == ".csv":
        rows = [dict(r) for r in csv.DictReader(raw.splitlines())]
    else:
        try:
            data = yaml.safe_load(raw)
        except yaml.YAMLError as exc:
            raise DocumentError(source, f"invalid YAML: {exc}") from exc
        if isinstance(data, dict):
            rows = [{"file": k, **(v or {})} for k, v in data.items()]
        elif isinstance(data, list):
            rows = [dict(r) for r in data if isinstance(r, dict)]
        else:
            raise DocumentError(source, "metadata must be a mapping of file names or a list")
    out: dict[str, dict[str, Any]] = {}
    for row in rows:
        name = row.pop("file", None) or row.pop("name", None) or row.pop("path", None)
        if not name:
            raise DocumentError(source, f"metadata row without a 'file' column: {row}")
        out[str(name)] = row
    return out


def _date(value: Any, source: str) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError as exc:
        raise DocumentError(source, f"published is not a date (YYYY-MM-DD): {value!r}") from exc


def metadata_for(path: Path, metadata: Metadata) -> Mapping[str, Any]:
    """The metadata row of a file, by full path or by name."""
    for key in (str(path), path.as_posix(), path.name):
        if key in metadata:
            return metadata[key]
    return {}


def document_from_fields(
    doc_id: str, text: str, source: str, fields: Mapping[str, Any], offsets: OffsetMap | None
) -> Document:
    """A document with the metadata fields it was given (published, title, url)."""
    published = _date(fields.get("published") or fields.get("date"), source)
    return Document(
        id=doc_id,
        text=text,
        source=source,
        published=published,
        title=fields.get("title"),
        url=fields.get("url") or fields.get("source_url"),
        offsets=offsets,
    )


def load_file(path: Path, metadata: Metadata | None = None) -> LoadResult:
    """One file: a document (txt, md, html) or many (jsonl)."""
    result = LoadResult()
    source = str(path)
    meta = metadata_for(path, metadata or {})
    try:
        raw = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        result.fail(source, f"not UTF-8 text: {exc.reason} at byte {exc.start}")
        return result
    except OSError as exc:
        result.fail(source, f"cannot read: {exc.strerror or exc}")
        return result
    suffix = path.suffix.lower()
    try:
        if suffix == ".jsonl":
            return _load_jsonl(path, raw, meta)
        if suffix in (".md", ".markdown"):
            text, offsets, front = markdown_text(raw)
            fields = dict(meta)
            if front:
                try:
                    parsed = yaml.safe_load(front)
                except yaml.YAMLError as exc:
                    raise DocumentError(source, f"invalid YAML front matter: {exc}") from exc
                if isinstance(parsed, dict):
                    fields = {**parsed, **fields}
            doc = document_from_fields(
                str(fields.get("id") or source), text, source, fields, offsets
            )
        elif suffix in (".html", ".htm"):
            text, offsets, title = html_text(raw)
            fields = {"title": title, **meta}
            doc = document_from_fields(
                str(fields.get("id") or source), text, source, fields, offsets
            )
        else:
            doc = document_from_fields(
                str(meta.get("id") or source), raw, source, meta, OffsetMap(raw)
            )
    except DocumentError as exc:
        result.fail(source, exc.message)
        return result
    result.documents.append(doc)
    result.statuses.append(DocumentStatus(id=doc.id, source=source, published=doc.published))
    return result


def _load_jsonl(path: Path, raw: str, meta: Mapping[str, Any]) -> LoadResult:
    result = LoadResult()
    for number, line in enumerate(raw.splitlines(), start=1):
        if not line.strip():
            continue
        source = f"{path}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            result.fail(source, f"invalid JSON: {exc.msg} at column {exc.colno}")
            continue
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            result.fail(source, "a JSONL document needs a string field 'text'")
            continue
        doc_id = str(record.get("id") or source)
        try:
            doc = document_from_fields(
                doc_id,
                record["text"],
                source,
                {**meta, **record},
                OffsetMap(record["text"], line_offset=number - 1),
            )
        except DocumentError as exc:
            result.fail(source, exc.message, doc_id)
            continue
        result.documents.append(doc)
        result.statuses.append(DocumentStatus(id=doc.id, source=source, published=doc.published))
    return result


def document_files(path: Path) -> Iterator[Path]:
    """The files ``path`` names: itself, or the readable files under a folder, sorted."""
    if path.is_dir():
        for child in sorted(path.rglob("*")):
            if child.is_file() and child.suffix.lower() in SUFFIXES:
                yield child
    else:
        yield path


def load_paths(paths: Iterable[str | Path], metadata: Metadata | None = None) -> LoadResult:
    """Every document under ``paths`` (files or folders, recursively), in a stable order."""
    result = LoadResult()
    for raw_path in paths:
        path = Path(raw_path)
        if not path.exists():
            result.fail(str(path), "no such file or directory")
            continue
        for file in document_files(path):
            result.extend(load_file(file, metadata))
    return result
