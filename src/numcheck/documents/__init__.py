"""Loading documents: text formats, front matter, metadata files and offset maps."""

from numcheck.documents.load import DocumentError, LoadResult, load_file, load_metadata, load_paths
from numcheck.documents.model import Document, DocumentStatus, OffsetMap

__all__ = [
    "Document",
    "DocumentError",
    "DocumentStatus",
    "LoadResult",
    "OffsetMap",
    "load_file",
    "load_metadata",
    "load_paths",
]
