"""Embedder: both backends give L2-normalised rows and rank paraphrases above unrelated text."""

from __future__ import annotations

import numpy as np
import pytest

from newsprism.embed import Embedder, load_embedder
from newsprism.options import Options

PARA_A = "The company reported a sharp fall in quarterly profit."
PARA_B = "Quarterly earnings at the firm dropped steeply, it said."
OTHER = "The goalkeeper saved a penalty in the final minute."


@pytest.fixture(scope="module")
def minilm(options: Options) -> Embedder:
    return load_embedder(options.with_overrides(embeddings="minilm"))


@pytest.fixture(scope="module")
def tfidf(options: Options) -> Embedder:
    return load_embedder(options.with_overrides(embeddings="tfidf"))


def test_minilm_rows_are_unit_and_rank_paraphrase_first(minilm: Embedder) -> None:
    assert minilm.kind == "minilm"
    v = minilm.embed([PARA_A, PARA_B, OTHER])
    assert v.shape == (3, 384)
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-5)
    sim = v @ v.T
    assert sim[0, 1] > 0.5
    assert sim[0, 1] > sim[0, 2] + 0.3


def test_minilm_order_and_batching_do_not_change_vectors(options: Options) -> None:
    small = load_embedder(options.with_overrides(embeddings="minilm", batch_size=2))
    texts = [OTHER, PARA_A, "Short.", PARA_B, "A much longer sentence " * 10]
    one_by_one = np.vstack([small.embed([t]) for t in texts])
    batched = small.embed(texts)
    assert np.allclose(one_by_one, batched, atol=2e-3)


def test_empty_text_gives_zero_row(minilm: Embedder, tfidf: Embedder) -> None:
    for emb in (minilm, tfidf):
        v = emb.embed(["", PARA_A])
        assert np.all(v[0] == 0.0)
        assert np.isclose(np.linalg.norm(v[1]), 1.0, atol=1e-5)
    assert minilm.embed([]).shape == (0, 384)


def test_tfidf_is_comparable_across_calls_and_uses_idf(tfidf: Embedder) -> None:
    a = tfidf.embed(["Flood waters rose in the valley overnight."])
    b = tfidf.embed(["Flood waters rose in the valley overnight."])
    assert np.allclose(a, b)
    fitted = Embedder("tfidf").fit(
        ["the river flood", "the river bank", "the river mouth", "a storm flood warning"]
    )
    texts = ["river flood", "river bank", "storm warning"]
    v = fitted.embed(texts)
    plain = Embedder("tfidf").embed(texts)
    # "river" is in most documents: after fit, sharing only "river" counts for less
    assert v[0] @ v[1] < plain[0] @ plain[1] - 0.05
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-5)


def test_unknown_backend_is_rejected(options: Options) -> None:
    with pytest.raises(ValueError, match="embeddings"):
        load_embedder(options.with_overrides(embeddings="word2vec"))


def test_auto_prefers_minilm_here(options: Options) -> None:
    assert load_embedder(options.with_overrides(embeddings="auto")).kind == "minilm"


def test_memo_returns_the_same_rows_and_stays_bounded(options: Options) -> None:
    emb = load_embedder(options.with_overrides(embeddings="minilm"))
    emb.memo_size = 2
    first = emb.embed([PARA_A, PARA_B, OTHER, PARA_A])
    assert np.allclose(first[0], first[3])
    assert len(emb._memo) == 2
    again = emb.embed([OTHER, PARA_A])
    assert np.allclose(again[0], first[2], atol=1e-6) and np.allclose(again[1], first[0], atol=1e-6)
    # a remembered text evicted while new ones are stored in the same call is still returned
    mixed = emb.embed([OTHER, "Brand new sentence one.", "Brand new sentence two.", OTHER])
    assert np.allclose(mixed[0], first[2], atol=1e-6) and np.allclose(mixed[3], first[2], atol=1e-6)
