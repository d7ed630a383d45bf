"""Load documents from files and folders; a file that fails is reported, never dropped."""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from numcheck.documents.markup import html_text, markdown_text
from numcheck.documents.model import Document, DocumentStatus, OffsetMap
from numcheck.documents.select import Selection, selected_files
from numcheck.safe_yaml import YamlProblem, parse_yaml, read_capped

# A file past this size is reported as too large, not read: 10 MB is far beyond any article,
# and a 50 MB "document" is a dump that would hold a run for minutes.
MAX_DOCUMENT_BYTES = 10_000_000
# --meta files and front matter are smaller still.
MAX_METADATA_BYTES = 10_000_000
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
# What ``surrogateescape`` makes of bytes that are not UTF-8 (a bad byte in a JSONL line).
_UNDECODED = re.compile("[\udc80-\udcff]")


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
        raw = source_text(read_capped(path, MAX_METADATA_BYTES))
    except (OSError, UnicodeDecodeError) as exc:
        raise DocumentError(source, f"cannot read metadata: {exc}") from exc
    except YamlProblem as exc:
        raise DocumentError(source, f"metadata file too large: {exc.message}") from exc
    rows: list[tuple[int | None, dict[str, Any]]]
    if path.suffix.lower() == ".csv":
        try:
            rows = [(n, dict(r)) for n, r in enumerate(csv.DictReader(raw.splitlines()), start=2)]
        except csv.Error as exc:
            raise DocumentError(source, f"invalid CSV: {exc}") from exc
    else:
        rows = _yaml_rows(raw, source)
    out: dict[str, dict[str, Any]] = {}
    for line, row in rows:
        name = row.pop("file", None) or row.pop("name", None) or row.pop("path", None)
        if not name:
            raise DocumentError(_at(source, line), f"metadata row without a 'file' column: {row}")
        out[str(name)] = row
    return out


def _yaml_rows(raw: str, source: str) -> list[tuple[int | None, dict[str, Any]]]:
    """The rows of a YAML metadata file, each with its line."""
    try:
        parsed = parse_yaml(raw, max_bytes=MAX_METADATA_BYTES)
    except YamlProblem as exc:
        raise DocumentError(_at(source, exc.line), exc.message) from exc
    data = parsed.data
    lines = _item_lines(parsed.root)
    if isinstance(data, dict):
        rows: list[tuple[int | None, dict[str, Any]]] = []
        for (name, value), line in zip(data.items(), lines, strict=True):
            if value is not None and not isinstance(value, dict):
                raise DocumentError(
                    _at(source, line), f"metadata for {name!r} must be a mapping of fields"
                )
            rows.append((line, {"file": name, **(value or {})}))
    elif isinstance(data, list):
        rows = []
        for row, line in zip(data, lines, strict=True):
            if not isinstance(row, dict):
                raise DocumentError(_at(source, line), "a metadata row must be a mapping")
            rows.append((line, dict(row)))
    else:
        raise DocumentError(source, "metadata must be a mapping of file names or a list")
    return rows


def _at(source: str, line: int | None) -> str:
    return f"{source}:{line}" if line else source


def _item_lines(root: Any) -> list[int | None]:
    """1-based line of each top-level entry of a YAML mapping or list."""
    items = getattr(root, "value", None)
    if not isinstance(items, list):
        return []
    return [(item[0] if isinstance(item, tuple) else item).start_mark.line + 1 for item in items]


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
    """A document with the metadata fields it was given (published, title, url).

    A field of the wrong shape (``url: [a, b]``) is a ``DocumentError`` for this document
    alone. A title written as a number (``title: 1917``) is read as text.
    """
    published = _date(fields.get("published") or fields.get("date"), source)
    try:
        return Document(
            id=doc_id,
            text=readable(text),
            source=source,
            published=published,
            title=_text_field(fields.get("title")),
            url=_text_field(fields.get("url") or fields.get("source_url")),
            offsets=offsets,
        )
    except ValidationError as exc:
        error = exc.errors()[0]
        field_name = ".".join(str(p) for p in error["loc"])
        raise DocumentError(source, f"{field_name}: {error['msg']}") from exc


def _text_field(value: Any) -> Any:
    """Numbers and dates as written (``title: 1917``); anything else is validated as is."""
    if isinstance(value, (int, float, dt.date)) and not isinstance(value, bool):
        return str(value)
    return value


def readable(text: str) -> str:
    """``text`` with lone surrogates (from JSON ``"\\ud800"``) replaced by U+FFFD.

    One character for one keeps every offset; a surrogate cannot be written as UTF-8, so
    left in it would crash every report that prints the text.
    """
    return _LONE_SURROGATE.sub("\ufffd", text)


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
            fields = {**_front_matter(front, source), **meta}
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


def load_file(
    path: Path, metadata: Metadata | None = None, *, max_bytes: int = MAX_DOCUMENT_BYTES
) -> LoadResult:
    """One file: a document (txt, md, html) or many (jsonl).

    Whatever is wrong with it (unreadable, too large, a bad field, a bad JSONL line)
    becomes an error status of that file or line; nothing here raises.
    """
    result = LoadResult()
    source = str(path)
    meta = metadata_for(path, metadata or {})
    try:
        size = path.stat().st_size
        if size > max_bytes:
            result.fail(source, f"too large: {size:,} bytes (the limit is {max_bytes:,})")
            return result
        data = path.read_bytes()
    except OSError as exc:
        result.fail(source, f"cannot read: {exc.strerror or exc}")
        return result
    if path.suffix.lower() == ".jsonl":
        # line by line: one bad byte is that line's error, not the whole file's
        return parse_document(data.decode("utf-8", "surrogateescape"), source, ".jsonl", meta)
    try:
        raw = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        result.fail(source, f"not UTF-8 text: {exc.reason} at byte {exc.start}")
        return result
    if "\x00" in raw:
        result.fail(source, "binary file (contains NUL bytes), not text")
        return result
    return parse_document(raw, source, path.suffix, meta)


def _front_matter(front: str | None, source: str) -> dict[str, Any]:
    """The fields of a Markdown file's YAML front matter (line 1 is its ``---``)."""
    if not front:
        return {}
    try:
        parsed = parse_yaml(front, max_bytes=MAX_METADATA_BYTES)
    except YamlProblem as exc:
        line = f"line {exc.line + 1}: " if exc.line else ""
        raise DocumentError(source, f"invalid front matter: {line}{exc.message}") from exc
    if parsed.data is None:
        return {}
    if not isinstance(parsed.data, dict):
        raise DocumentError(source, "front matter must be a mapping of fields")
    return parsed.data


def _load_jsonl(name: str, raw: str, meta: Mapping[str, Any]) -> LoadResult:
    """One document a line; a line that fails (bad byte, bad JSON, bad field) is its own
    error status and the other lines still load."""
    result = LoadResult()
    for number, line in enumerate(raw.split("\n"), start=1):
        if not line.strip():
            continue
        source = f"{name}:{number}"
        if (bad := _UNDECODED.search(line)) is not None:
            result.fail(source, f"not UTF-8 text: a bad byte at column {bad.start() + 1}")
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            result.fail(source, f"invalid JSON: {exc.msg} at column {exc.colno}")
            continue
        except (ValueError, RecursionError) as exc:
            # a 5,000-digit number passes Python's int-conversion limit; 100k brackets recurse
            result.fail(source, f"invalid JSON: {str(exc).split(';')[0]}")
            continue
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            result.fail(source, "a JSONL document needs a string field 'text'")
            continue
        raw_id = record.get("id")
        doc_id = str(raw_id) if isinstance(raw_id, (str, int)) and raw_id != "" else source
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
    *,
    max_bytes: int = MAX_DOCUMENT_BYTES,
) -> LoadResult:
    """Every document under ``paths`` (files or folders, walked as ``selection`` says);
    a file over ``max_bytes`` is reported as too large, not read."""
    result = LoadResult()
    for raw_path in paths:
        path = Path(raw_path)
        if not path.exists():
            dangling = " (a dangling symlink)" if path.is_symlink() else ""
            result.fail(str(path), f"no such file or directory{dangling}")
            continue
        for file in document_files(path, selection):
            result.extend(load_file(file, metadata, max_bytes=max_bytes))
    return result
