"""Nearest-neighbour indexes over the documents inside the clustering window.

Four interchangeable backends (``Options.cluster_index``), compared in ``bench/scale.py``:

- ``"exact"``: exact inner products over the sparse TF-IDF rows, kept in blocks as they arrive
  (:func:`.features.dots`);
- ``"sklearn"``: the same exact cosine through ``NearestNeighbors`` (brute force, refitted
  lazily after the index changed);
- ``"usearch"``: HNSW (``usearch``) over a dense sketch of the rows;
- ``"faiss"``: exact inner product (``faiss-cpu`` ``IndexFlatIP`` with ids) over the same sketch.

The dense sketch is a count sketch: each hashed column goes to one of ``SKETCH_DIM`` dimensions
with a random sign (fixed seed), which keeps inner products unbiased; the caller rescores the
candidates exactly, so the sketch only has to find them. ``usearch`` and ``faiss-cpu`` are
optional packages, imported when their backend is chosen.
"""

from __future__ import annotations

from typing import Any, Protocol

import numpy as np
from scipy import sparse

from .features import FEATURES, Prepared, dots, prepare

SKETCH_DIM = 256


class VectorIndex(Protocol):
    def add(self, keys: np.ndarray, rows: sparse.csr_matrix) -> None: ...

    def remove(self, keys: np.ndarray) -> None: ...

    def search(self, rows: sparse.csr_matrix, k: int) -> tuple[np.ndarray, np.ndarray]:
        """``(keys, similarities)``, each ``(len(rows), k')`` with ``k' <= k``; -1 keys pad."""
        ...

    def __len__(self) -> int: ...


def _sketch_matrix() -> sparse.csr_matrix:
    rng = np.random.default_rng(20240515)
    dims = rng.integers(0, SKETCH_DIM, size=FEATURES)
    signs = rng.choice(np.array([-1.0, 1.0], dtype=np.float32), size=FEATURES)
    return sparse.csr_matrix((signs, (np.arange(FEATURES), dims)), shape=(FEATURES, SKETCH_DIM))


class _Sketch:
    def __init__(self) -> None:
        self.proj = _sketch_matrix()

    def dense(self, rows: sparse.csr_matrix) -> np.ndarray:
        out = np.asarray((rows @ self.proj).toarray(), dtype=np.float32)
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        norms[norms == 0.0] = 1.0
        return np.ascontiguousarray(out / norms)


class ExactIndex:
    """Exact sparse inner products; rows are kept in the blocks they were added in, removed
    keys are masked and the blocks compacted when half of them are gone."""

    def __init__(self) -> None:
        self._blocks: list[tuple[np.ndarray, sparse.csr_matrix, Prepared]] = []
        self._dead: set[int] = set()
        self._size = 0

    def __len__(self) -> int:
        return self._size

    def add(self, keys: np.ndarray, rows: sparse.csr_matrix) -> None:
        if len(keys):
            rows = rows.tocsr()
            self._blocks.append((np.asarray(keys, dtype=np.int64), rows, prepare(rows)))
            self._size += len(keys)

    def remove(self, keys: np.ndarray) -> None:
        self._dead.update(int(k) for k in keys)
        self._size -= len(keys)
        if len(self._dead) * 2 > self._size:
            self._compact()

    def _compact(self) -> None:
        blocks = []
        for keys, rows, _ in self._blocks:
            alive = np.fromiter((int(k) not in self._dead for k in keys), dtype=bool,
                                count=len(keys))  # fmt: skip
            if alive.any():
                blocks.append((keys[alive], rows[np.flatnonzero(alive)]))
        if blocks:
            keys = np.concatenate([k for k, _ in blocks])
            rows = sparse.vstack([r for _, r in blocks], format="csr")
            self._blocks = [(keys, rows, prepare(rows))]
        else:
            self._blocks = []
        self._dead.clear()

    def search(self, rows: sparse.csr_matrix, k: int) -> tuple[np.ndarray, np.ndarray]:
        n_q = rows.shape[0]
        if not self._blocks or n_q == 0:
            return np.full((n_q, 0), -1), np.zeros((n_q, 0))
        if len(self._blocks) > 8:
            self._compact()
        best_keys = np.full((n_q, 0), -1, dtype=np.int64)
        best_sims = np.zeros((n_q, 0), dtype=np.float32)
        for keys, _, block in self._blocks:
            sims = dots(rows, block)
            if self._dead:
                dead = np.fromiter((int(x) in self._dead for x in keys), dtype=bool,
                                   count=len(keys))  # fmt: skip
                sims[:, dead] = -np.inf
            all_keys = np.concatenate([best_keys, np.broadcast_to(keys, (n_q, len(keys)))], axis=1)
            all_sims = np.concatenate([best_sims, sims], axis=1)
            take = min(k, all_sims.shape[1])
            top = np.argpartition(-all_sims, take - 1, axis=1)[:, :take]
            best_keys = np.take_along_axis(all_keys, top, axis=1)
            best_sims = np.take_along_axis(all_sims, top, axis=1)
        best_keys[~np.isfinite(best_sims)] = -1
        return best_keys, best_sims


class SklearnIndex:
    """Exact sparse cosine search; the fitted model is rebuilt only after a change."""

    def __init__(self) -> None:
        self._rows: dict[int, sparse.csr_matrix] = {}
        self._model: Any | None = None
        self._keys = np.zeros(0, dtype=np.int64)

    def __len__(self) -> int:
        return len(self._rows)

    def add(self, keys: np.ndarray, rows: sparse.csr_matrix) -> None:
        for i, key in enumerate(keys):
            self._rows[int(key)] = rows[i]
        self._model = None

    def remove(self, keys: np.ndarray) -> None:
        for key in keys:
            self._rows.pop(int(key), None)
        self._model = None

    def search(self, rows: sparse.csr_matrix, k: int) -> tuple[np.ndarray, np.ndarray]:
        n = len(self._rows)
        if n == 0 or rows.shape[0] == 0:
            return np.full((rows.shape[0], 0), -1), np.zeros((rows.shape[0], 0))
        if self._model is None:
            from sklearn.neighbors import NearestNeighbors

            self._keys = np.fromiter(self._rows, dtype=np.int64, count=n)
            mat = sparse.vstack(list(self._rows.values()), format="csr")
            self._model = NearestNeighbors(metric="cosine", algorithm="brute").fit(mat)
        dist, idx = self._model.kneighbors(rows, n_neighbors=min(k, n))
        return self._keys[idx], 1.0 - dist


class UsearchIndex:
    def __init__(self) -> None:
        from usearch.index import Index

        self._sketch = _Sketch()
        self._index = Index(ndim=SKETCH_DIM, metric="ip", dtype="f32")

    def __len__(self) -> int:
        return len(self._index)

    def add(self, keys: np.ndarray, rows: sparse.csr_matrix) -> None:
        if len(keys):
            self._index.add(keys.astype(np.uint64), self._sketch.dense(rows))

    def remove(self, keys: np.ndarray) -> None:
        if len(keys):
            self._index.remove(keys.astype(np.uint64))

    def search(self, rows: sparse.csr_matrix, k: int) -> tuple[np.ndarray, np.ndarray]:
        n = len(self._index)
        if n == 0 or rows.shape[0] == 0:
            return np.full((rows.shape[0], 0), -1), np.zeros((rows.shape[0], 0))
        found = self._index.search(self._sketch.dense(rows), min(k, n))
        keys = np.asarray(found.keys, dtype=np.int64).reshape(rows.shape[0], -1)
        dist = np.asarray(found.distances, dtype=np.float32).reshape(rows.shape[0], -1)
        # one query gives Matches (no counts), several give BatchMatches
        counts = np.asarray(getattr(found, "counts", [len(found.keys)])).reshape(-1)
        for i, c in enumerate(counts):  # pad the rows HNSW could not fill
            keys[i, c:] = -1
        return keys, 1.0 - dist


class FaissIndex:
    def __init__(self) -> None:
        import faiss

        self._sketch = _Sketch()
        self._index = faiss.IndexIDMap2(faiss.IndexFlatIP(SKETCH_DIM))

    def __len__(self) -> int:
        return int(self._index.ntotal)

    def add(self, keys: np.ndarray, rows: sparse.csr_matrix) -> None:
        if len(keys):
            self._index.add_with_ids(self._sketch.dense(rows), keys.astype(np.int64))

    def remove(self, keys: np.ndarray) -> None:
        if len(keys):
            self._index.remove_ids(np.asarray(keys, dtype=np.int64))

    def search(self, rows: sparse.csr_matrix, k: int) -> tuple[np.ndarray, np.ndarray]:
        n = len(self)
        if n == 0 or rows.shape[0] == 0:
            return np.full((rows.shape[0], 0), -1), np.zeros((rows.shape[0], 0))
        sims, keys = self._index.search(self._sketch.dense(rows), min(k, n))
        return keys.astype(np.int64), sims


def make_index(kind: str) -> VectorIndex:
    if kind == "exact":
        return ExactIndex()
    if kind == "sklearn":
        return SklearnIndex()
    if kind == "usearch":
        return UsearchIndex()
    if kind == "faiss":
        return FaissIndex()
    raise ValueError(f"unknown cluster_index {kind!r} (exact | sklearn | usearch | faiss)")
