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
from numcheck.documents.select import Selection, selected_files


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
        raw = source_text(path.read_text(encoding="utf-8"))
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


def source_text(raw: str) -> str:
    """Text as every loader reads it: no byte-order mark, lines ending in ``\\n``.

    Files saved on Windows (CRLF) or old Macs (CR) would otherwise keep their front
    matter unseen and report columns one off; a line stays a line, so line numbers hold.
    """
    return raw.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def parse_document(
    raw: str, source: str, suffix: str, meta: Mapping[str, Any] | None = None
) -> LoadResult:
    """The document(s) in ``raw`` read as a file named ``source`` of type ``suffix``."""
    result = LoadResult()
    raw = source_text(raw)
    meta = meta or {}
    suffix = suffix.lower()
    try:
        if suffix == ".jsonl":
            return _load_jsonl(source, raw, meta)
        if suffix in (".md", ".markdown"):
            text, offsets, front = markdown_text(raw)
            fields = dict(meta)
            if front:
                try:
                    parsed = yaml.safe_load(front)
                except (yaml.YAMLError, ValueError) as exc:  # ValueError: 2024-02-30
                    raise DocumentError(source, f"invalid YAML front matter: {exc}") from exc
                if isinstance(parsed, dict):
                    fields = {**parsed, **fields}
                elif parsed is not None:
                    raise DocumentError(source, "front matter must be a YAML mapping")
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


def document_from_text(
    text: str, *, id: str, format: str = "txt", fields: Mapping[str, Any] | None = None
) -> Document:
    """One document from a string read as a ``format`` file; bad front matter raises."""
    given = {k: v for k, v in (fields or {}).items() if v is not None}
    loaded = parse_document(text, id, f".{format}", given)
    if not loaded.documents:
        raise DocumentError(id, loaded.statuses[0].error or "cannot read")
    return loaded.documents[0]


def load_file(path: Path, metadata: Metadata | None = None) -> LoadResult:
    """One file: a document (txt, md, html) or many (jsonl)."""
    result = LoadResult()
    source = str(path)
    meta = metadata_for(path, metadata or {})
    try:
        raw = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        result.fail(source, f"not UTF-8 text: {exc.reason} at byte {exc.start}")
        return result
    except OSError as exc:
        result.fail(source, f"cannot read: {exc.strerror or exc}")
        return result
    if "\x00" in raw:
        result.fail(source, "binary file (contains NUL bytes), not text")
        return result
    return parse_document(raw, source, path.suffix, meta)


def _load_jsonl(name: str, raw: str, meta: Mapping[str, Any]) -> LoadResult:
    result = LoadResult()
    for number, line in enumerate(raw.split("\n"), start=1):
        if not line.strip():
            continue
        source = f"{name}:{number}"
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


def document_files(path: Path, selection: Selection | None = None) -> Iterator[Path]:
    """The files ``path`` names: itself, or the document files a walk of the folder keeps."""
    return selected_files([path], selection)


def load_paths(
    paths: Iterable[str | Path],
    metadata: Metadata | None = None,
    selection: Selection | None = None,
) -> LoadResult:
    """Every document under ``paths`` (files or folders, walked as ``selection`` says)."""
    result = LoadResult()
    for raw_path in paths:
        path = Path(raw_path)
        if not path.exists():
            result.fail(str(path), "no such file or directory")
            continue
        for file in document_files(path, selection):
            result.extend(load_file(file, metadata))
    return result
