"""A persistent store of articles, annotations, duplicates and stories (SQLite).

``Store`` is the Python API behind ``newsprism ingest``, ``newsprism stories`` and
``newsprism brief --db``; see :mod:`newsprism.store.store`."""

from __future__ import annotations

from .db import SCHEMA_VERSION, StoreBusy, StoreError
from .store import Store

__all__ = ["SCHEMA_VERSION", "Store", "StoreBusy", "StoreError"]
