"""Perspectives stage: speed and what it finds, MiniLM vs the TF-IDF fallback, side by side.

    python bench/perspectives.py [--bodies 40]

Stories:
- the bundled example (examples/khan-shaykhun): claims, disputes, the main dispute's sides with
  their holders, and whether each outlet's evidence is present;
- a scale run: the first N FNC-1 competition bodies (../shared/data/fnc1, read in place) as one
  "story" of N articles, for time per stage (they are about several events, so the disputes
  found there are not judged here).
"""

from __future__ import annotations

import argparse
import csv
import time
import warnings
from pathlib import Path

from _table import print_table

from newsprism.annotate import annotate, load_pipeline
from newsprism.clean import clean_article
from newsprism.embed import load_embedder
from newsprism.ingest import read_inputs
from newsprism.model import AnnotatedArticle, CleanArticle, Entity
from newsprism.options import load_options
from newsprism.perspectives import build_claims, find_contradictions
from newsprism.resolve import resolve_entities

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "khan-shaykhun"
FNC_BODIES = ROOT.parent / "shared" / "data" / "fnc1" / "competition_test_bodies.csv"


def example_story(nlp, options) -> tuple[list[AnnotatedArticle], list[Entity]]:
    res = read_inputs([str(EXAMPLE)], options)
    arts = list(annotate([clean_article(a) for a in res.articles], nlp, options))
    return arts, resolve_entities(arts)


def fnc_story(nlp, options, n: int) -> tuple[list[AnnotatedArticle], list[Entity]]:
    with open(FNC_BODIES, encoding="utf-8") as fh:
        rows = [r for _, r in zip(range(n), csv.DictReader(fh), strict=False)]
    clean = [
        CleanArticle(id=f"fnc{r['Body ID']}", raw=r["articleBody"], text=r["articleBody"], outlet=f"body {r['Body ID']}",
                     paragraphs=[(0, len(r["articleBody"]))])
        for r in rows
    ]
    arts = list(annotate(clean, nlp, options))
    return arts, resolve_entities(arts)


def run(arts, ents, embedder):
    t0 = time.perf_counter()
    claims = build_claims(arts, ents, embedder)
    t1 = time.perf_counter()
    disputes = find_contradictions(claims, arts, ents, embedder)
    t2 = time.perf_counter()
    return claims, disputes, t1 - t0, t2 - t1


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bodies", type=int, default=40)
    args = ap.parse_args()
    options = load_options(progress=False)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        nlp = load_pipeline(options)
        ex = example_story(nlp, options)
        big = fnc_story(nlp, options, args.bodies)
    n_sent = sum(len(a.sentences) for a in big[0])
    head = ["embedder", "story", "claims", "disputes", "claims s", "disputes s", "main dispute (sides: holders)", "outlets per side"]
    rows = []
    for kind in ("minilm", "tfidf"):
        for label, (arts, ents) in ((f"example ({len(ex[0])} articles)", ex), (f"FNC {len(big[0])} bodies, {n_sent} sentences", big)):
            emb = load_embedder(options.with_overrides(embeddings=kind))  # fresh: no memo carried over
            claims, disputes, t_c, t_d = run(arts, ents, emb)
            main_d, per_side = "-", "-"
            if disputes and label.startswith("example"):
                d = disputes[0]
                main_d = " VS ".join(", ".join(h.split(" (")[0] for h in s.holders[:4]) for s in d.sides)
                # outlets with evidence for each side
                per_side = " / ".join(str(len({sp.source_id for sp in s.evidence})) for s in d.sides) + f" of {len(arts)}"
            rows.append([kind, label, str(len(claims)), str(len(disputes)), f"{t_c:.1f}", f"{t_d:.1f}", main_d, per_side])
    print_table(head, rows)


if __name__ == "__main__":
    main()
