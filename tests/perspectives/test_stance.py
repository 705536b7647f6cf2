"""Claim-pair stance on the hand-written fixture (tests/fixtures/claims_pairs.jsonl).

66 pairs written for this test (22 agree, 22 contradict, 22 unrelated) across business,
sport, courts, science, disasters, politics, conflict, health, labour and transport.

Target: accuracy >= 0.85 and contradiction recall >= 0.75 with the MiniLM embedder. The
disputes section is only worth reading if most real contradictions are found while agreeing
reports are not shown as disputes; the first measured run gave 0.92 accuracy (contradiction
recall 0.82) with the default thresholds, which were set before the fixture was written and
have not been tuned on it. The targets sit a few pairs below that so a regression of more than
about four pairs fails."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from newsprism.embed import Embedder
from newsprism.perspectives.stance import CONTRADICT, answers, pair_stance, polarity

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "claims_pairs.jsonl"
TARGET_ACCURACY = 0.85
TARGET_CONTRADICT_RECALL = 0.75
# the TF-IDF fallback (no model): cosines mapped onto MiniLM's scale by one anchor taken from the
# FNC-1 tuning slice, not from this fixture; measured 0.85, target 0.75 (a fallback may be weaker,
# but must still separate most agreeing, contradicting and unrelated pairs)
TARGET_ACCURACY_TFIDF = 0.75


def test_fixture_is_balanced_and_large_enough() -> None:
    rows = [json.loads(line) for line in FIXTURE.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(rows) >= 60
    counts = Counter(r["label"] for r in rows)
    assert min(counts.values()) >= 20 and set(counts) == {"agree", "contradict", "unrelated"}
    assert len({r["topic"] for r in rows}) >= 8


def test_pair_stance_meets_target(embedder: Embedder) -> None:
    rows = [json.loads(line) for line in FIXTURE.read_text(encoding="utf-8").splitlines() if line.strip()]
    pred = [pair_stance(r["a"], r["b"], embedder) for r in rows]
    gold = [r["label"] for r in rows]
    accuracy = sum(p == g for p, g in zip(pred, gold, strict=True)) / len(rows)
    contra = [p for p, g in zip(pred, gold, strict=True) if g == CONTRADICT]
    recall = sum(p == CONTRADICT for p in contra) / len(contra)
    assert accuracy >= TARGET_ACCURACY, accuracy
    assert recall >= TARGET_CONTRADICT_RECALL, recall


def test_polarity_and_answers() -> None:
    assert polarity("The club denied that the manager was sacked.") == "deny"
    assert polarity("The manager was not sacked.") == "deny"
    assert polarity("The club said the manager was sacked.") == "assert"
    assert answers("Police said the fire was started by arsonists.") == {"arsonist"}
    assert answers("Residents blamed the floods on a badly maintained dam.") == {"dam"}


def test_tfidf_fallback_meets_its_target(options) -> None:
    from newsprism.embed import load_embedder

    tfidf = load_embedder(options.with_overrides(embeddings="tfidf"))
    rows = [json.loads(line) for line in FIXTURE.read_text(encoding="utf-8").splitlines() if line.strip()]
    tfidf.fit([r["a"] for r in rows] + [r["b"] for r in rows])
    pred = [pair_stance(r["a"], r["b"], tfidf) for r in rows]
    accuracy = sum(p == r["label"] for p, r in zip(pred, rows, strict=True)) / len(rows)
    assert accuracy >= TARGET_ACCURACY_TFIDF, accuracy
