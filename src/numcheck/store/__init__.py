"""The claim store: an archive indexed once, so checking a draft does not re-read it."""

from numcheck.store.index import IndexResult, index_paths
from numcheck.store.sqlite import SCHEMA_VERSION, ClaimStore, StoreError

__all__ = ["SCHEMA_VERSION", "ClaimStore", "IndexResult", "StoreError", "index_paths"]
