"""Learn the attribution-cue scorer (newsprism/data/cue_model.json) from PolNeAR train.

Run from the repository root:
    python bench/train_cue_model.py [--cache DIR] [--out src/newsprism/data/cue_model.json]

Every verb, noun and adjective outside a quotation is an example; it is positive when it lies
inside a gold Cue span. A logistic regression (scikit-learn) is fitted on the train articles
except a fixed 15% slice; the acceptance threshold and the veto are then chosen on that slice by
running the whole attribution extractor (broad mode) with the model and keeping the pair with
the best content + source overlap F1; last, the weights are refitted on all train articles. The
dev split is never read here: it is what bench/quotes.py reports on. The written file holds
feature weights only (no text), with the held-out scores in its ``meta``.
"""

from __future__ import annotations

import argparse
import sys
import time
import warnings
from pathlib import Path

import numpy as np
from _polnear import Attr, Counts, attrs_from_quotes, parsed_split
from scipy import sparse
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score
from spacy.tokens import Doc

from newsprism.extract.cue_model import CueModel, candidates, features, vector_matrix
from newsprism.extract.quotes import extract_quotes, quote_token_map, quoted_spans
from newsprism.extract.quotes.cues import rule_cue_contents

ROOT = Path(__file__).resolve().parents[1]
HOLDOUT = 0.15
MIN_COUNT = 2  # features seen fewer times are dropped
PRUNE = 0.01  # weights closer to 0 are left out of the file (their effect is below rounding)


def examples(doc: Doc, gold: list[Attr]) -> tuple[list[list[str]], list[int], list]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # unbalanced marks: reported by the extractor, not here
        in_quote, _ = quote_token_map(doc, quoted_spans(doc.text))
    toks = candidates(doc, in_quote)
    contents, rules = rule_cue_contents(doc)
    cue_spans = [s for a in gold for s in a.cue]
    labels = [int(any(t.idx < b and a < t.idx + len(t.text) for a, b in cue_spans)) for t in toks]
    return [features(t, t.i in rules, contents) for t in toks], labels, toks


def overlap_f1(pairs: list[tuple[str, list[Attr], list[Attr]]], comp: str) -> float:
    """Overlap F1 of one component over (text, predicted, gold) triples, as bench/quotes.py counts."""
    counts = Counts()
    for text, pred, gold in pairs:
        counts.add(text, [s for a in pred for s in getattr(a, comp)], [s for a in gold for s in getattr(a, comp)])
    return counts.prf("overlap")[2]


def predicted(doc: Doc, model: CueModel | None) -> list[Attr]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return attrs_from_quotes(extract_quotes(doc, "train", broad=True, cue_model=model))


def _matrix(vec: CountVectorizer, feats: list[str], toks: list, width: int) -> sparse.csr_matrix:
    x_sparse = vec.transform(feats)
    if not width:
        return x_sparse.tocsr()
    return sparse.hstack([x_sparse, sparse.csr_matrix(vector_matrix(toks, width))]).tocsr()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cache", type=Path, default=None, help="directory for parsed DocBins")
    ap.add_argument("--out", type=Path, default=ROOT / "src" / "newsprism" / "data" / "cue_model.json")
    ap.add_argument("--C", type=float, default=0.2)
    ap.add_argument("--vector-slots", type=int, default=3, choices=(0, 1, 2, 3),
                    help="word vectors used: 1 = the word, 2 = and its subject, 3 = and its object")
    ap.add_argument("--thresholds", default="0.2,0.3,0.4,0.5,0.6",
                    help="acceptance thresholds tried on the held-out slice (comma-separated)")
    ap.add_argument("--vetoes", default="0.0,0.1,0.2,0.3", help="veto values tried (comma-separated)")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    docs, parsed = parsed_split("train", None, args.cache)
    print(f"parsed {len(docs)} train articles in {time.perf_counter() - t0:.0f} s")
    n_hold = int(len(docs) * HOLDOUT)
    # a fixed, spread-out slice: every k-th article (publishers and months stay mixed)
    step = max(1, len(docs) // max(1, n_hold))
    hold = set(range(0, len(docs), step))
    width = (parsed[0].vocab.vectors.shape[1] if parsed[0].vocab.vectors.shape[0] else 0) * args.vector_slots
    rows = [examples(doc, gold) for (_, _, gold), doc in zip(docs, parsed, strict=True)]
    fit_idx = [i for i in range(len(docs)) if i not in hold]
    model, ap = fit(rows, fit_idx, sorted(hold), width, args.C)
    print(f"word-level average precision on the held-out slice: {ap:.3f}")
    held = [(docs[i], parsed[i]) for i in sorted(hold)]
    base = [(t, predicted(d, None), g) for (_, t, g), d in held]
    f_base = (overlap_f1(base, "content"), overlap_f1(base, "source"))
    print(f"held-out slice ({len(held)} articles), rules only: content {f_base[0]:.3f} source {f_base[1]:.3f}")
    best = (sum(f_base), 1.01, 0.0, f_base)
    for thr in (float(v) for v in args.thresholds.split(",")):
        for veto in (float(v) for v in args.vetoes.split(",")):
            model.threshold, model.veto = thr, veto
            res = [(t, predicted(d, model), g) for (_, t, g), d in held]
            fc, fs = overlap_f1(res, "content"), overlap_f1(res, "source")
            print(f"  threshold {thr:.2f} veto {veto:.2f}: content {fc:.3f} source {fs:.3f}", flush=True)
            if fc + fs > best[0]:
                best = (fc + fs, thr, veto, (fc, fs))
    # the thresholds chosen, the weights are refitted on every train article
    final, _ = fit(rows, list(range(len(docs))), [], width, args.C)
    final.threshold, final.veto = best[1], best[2]
    final.meta = {
        "trained_on": "PolNeAR v1.0.0 train split, all 840 articles (Newell, Margolin & Ruths, LREC 2018)",
        "thresholds_chosen_on": f"a held-out slice of {len(hold)} train articles (weights fitted on the rest), "
                                "best content + source overlap F1",
        "held_out_overlap_f1": {"content": round(best[3][0], 3), "source": round(best[3][1], 3),
                                "rules_only_content": round(f_base[0], 3), "rules_only_source": round(f_base[1], 3)},
        "word_average_precision_held_out": round(ap, 3),
        "C": args.C, "vector_slots": args.vector_slots,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(final.to_json(), encoding="utf-8")
    print(f"threshold {best[1]:.2f}, veto {best[2]:.2f}; {len(final.weights)} weights; wrote {args.out}")
    return 0


def fit(rows: list[tuple[list[list[str]], list[int], list]], fit_idx: list[int], eval_idx: list[int],
        width: int, c: float) -> tuple[CueModel, float]:
    """A logistic regression on the articles ``fit_idx``; its word-level average precision on
    ``eval_idx`` (0.0 without)."""
    feats = [" ".join(f) for i in fit_idx for f in rows[i][0]]
    labels = np.asarray([y for i in fit_idx for y in rows[i][1]])
    toks = [t for i in fit_idx for t in rows[i][2]]
    vec = CountVectorizer(tokenizer=str.split, token_pattern=None, lowercase=False, binary=True,
                          min_df=MIN_COUNT)
    vec.fit(feats)
    print(f"{len(labels)} candidate words, {int(labels.sum())} inside gold cues, {len(vec.vocabulary_)} features")
    clf = LogisticRegression(C=c, max_iter=2000, solver="liblinear")
    clf.fit(_matrix(vec, feats, toks, width), labels)
    ap = 0.0
    if eval_idx:
        x_eval = [" ".join(f) for i in eval_idx for f in rows[i][0]]
        y_eval = [y for i in eval_idx for y in rows[i][1]]
        t_eval = [t for i in eval_idx for t in rows[i][2]]
        ap = float(average_precision_score(y_eval, clf.predict_proba(_matrix(vec, x_eval, t_eval, width))[:, 1]))
    coef = clf.coef_[0]
    names = vec.get_feature_names_out()
    n_sparse = len(names)
    weights = {str(n): float(w) for n, w in zip(names, coef[:n_sparse], strict=True) if abs(w) >= PRUNE}
    model = CueModel(weights=weights, vector_weights=np.asarray(coef[n_sparse:], dtype=np.float32),
                     bias=float(clf.intercept_[0]), threshold=0.5, meta={})
    return model, ap


if __name__ == "__main__":
    sys.exit(main())
