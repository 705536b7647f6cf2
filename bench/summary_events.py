"""The summary score of bench/events.py in seconds: briefings built once, ``summarize`` re-run.

Run from the repository root:
    python bench/summary_events.py --build [--only 3_ecbplus,19_ecbplus]   # once: 8-12 min
    python bench/summary_events.py [--detail]                               # each try: ~20 s

``bench/events.py`` builds every briefing again (bare and meta) before it scores the summary;
tuning the summarizer needs only its input. ``--build`` runs ``build_briefing`` on the events of
``bench/data/events/dev`` and ``fresh`` (never ``blind``: this tool is for tuning) and pickles each
story, its contradictions and the gold to ``--cache``. Without ``--build`` it re-runs
``summarize`` on the cached stories (the summary section's input: the confident disputes, the
embedder ``build_briefing`` would load; embedding vectors are cached beside the stories) and
prints bench/events.py's summary table per set and setting: ROUGE-2 F1 of the first 100 words,
key facts covered, first sentence states the event, with the round-robin lead beside.
``--detail``: each event's summary (meta) and its key facts, + covered, - missed.
A cache is only as new as the code that built the stories: rebuild after changing anything
before the summary (annotation, frame, dates, disputes).

Tried in session 11 with this tool and dropped (start: dev ROUGE-2 bare/meta 0.239/0.237, key facts
43/43 of 124; fresh 0.232/0.228, 10/10 of 39; first sentence 16/16 and 4/5): a sentence most of
whose content words the chosen ones already hold is skipped (share 0.5-0.8: at best +0.005 on
fresh bare, one event, no change on the hand-written refs); a stronger lead prior (0.5 -> 1.0 of
the score: dev and fresh +0.005, hand-written refs 0.231 -> 0.227, not monotonic at 1.5-2.0); the
MMR trade-off 0.4-0.7 and the support factor squared or cubed (dev up, fresh down or the other
way); score per word, the event facts (when, where, toll, what, who) in every sentence's score,
ordering by score instead of by time (each helps one set and hurts the other); a lead whose
event word is only in a relative clause on its subject ("The woman who shot two co-workers ...
has been charged") weighed as the aftermath in the opening (fresh meta 0.228 -> 0.222: the new
opening states the shooting with "gunned down", not a word of the gold's title concepts).
"""

from __future__ import annotations

import argparse
import pickle
import warnings
from collections import defaultdict
from pathlib import Path

import numpy as np
from events import (
    GOLD,
    WORDS,
    articles,
    content,
    facts_covered,
    first_words,
    hits_concepts,
    load_events,
)
from rouge_score import rouge_scorer
from summary import lead_round_robin

from newsprism.briefing import _embedding_options
from newsprism.embed import Embedder, load_embedder
from newsprism.options import Options, load_options
from newsprism.summarize import summarize

SETS = ("dev", "fresh")  # the tuning sets; blind is never read here
CACHE = Path("/tmp/newsprism-summary-events.pkl")


def build(cache: Path, only: set[str] | None) -> None:
    from newsprism.annotate import load_pipeline
    from newsprism.briefing import build_briefing

    options = load_options(progress=False)
    nlp = load_pipeline(options)
    out = {}
    for name in SETS:
        for ev in load_events(GOLD / name, only, None):
            for setting in ("bare", "meta"):
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    b = build_briefing(articles(ev, setting == "meta"), options, nlp)
                out[(name, ev.gold["event"], setting)] = {
                    "gold": ev.gold, "texts": ev.texts, "story": b.story,
                    "contradictions": b.contradictions,
                }
                print(name, ev.gold["event"], setting, flush=True)
    with cache.open("wb") as f:
        pickle.dump(out, f)


class _Embedders:
    """One embedder per kind, its vectors kept per text (most candidates recur between tries)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.vectors: dict[tuple[str, str], np.ndarray] = {}
        if path.exists():
            with path.open("rb") as f:
                self.vectors = pickle.load(f)
        self.loaded: dict[str, Embedder | None] = {}

    def get(self, options: Options) -> Embedder | None:
        kind = options.embeddings
        if kind not in self.loaded:
            emb = load_embedder(options)
            if emb is not None:
                emb.vectors = self._cached(kind, emb.vectors)  # type: ignore[method-assign]
            self.loaded[kind] = emb
        return self.loaded[kind]

    def _cached(self, kind: str, compute):
        def vectors(texts: list[str]) -> np.ndarray:
            missing = [t for t in texts if (kind, t) not in self.vectors]
            if missing:
                for t, v in zip(missing, compute(missing), strict=True):
                    self.vectors[(kind, t)] = v
            return np.array([self.vectors[(kind, t)] for t in texts])

        return vectors

    def save(self) -> None:
        with self.path.open("wb") as f:
            pickle.dump(self.vectors, f)


def score(cache: Path, detail: bool) -> None:
    with cache.open("rb") as f:
        stories = pickle.load(f)
    options = load_options(progress=False)
    embedders = _Embedders(cache.with_suffix(".vectors.pkl"))
    rouge = rouge_scorer.RougeScorer(["rouge2"], use_stemmer=True)
    acc: dict[tuple[str, str], dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for (name, event, setting), d in stories.items():
        g, story = d["gold"], d["story"]
        emb = embedders.get(_embedding_options(options, story.articles, []))
        sure = [c for c in d["contradictions"] if c.confidence != "low"]
        sents = [x.text for x in summarize(story, options, contradictions=sure, embedder=emb)]
        systems = {f"newsprism {setting}": sents}
        if setting == "meta":  # the lead reads the same text in both settings
            systems["lead"] = lead_round_robin([(k, t.split("\n")) for k, t in d["texts"].items()], WORDS)
        for system, ss in systems.items():
            text = first_words(ss)
            a = acc[(name, system)]
            a["n"] += 1
            a["r2"] += rouge.score(g["summary"], text)["rouge2"].fmeasure
            a["facts"] += facts_covered(text, g["key_facts"])
            a["nfacts"] += len(g["key_facts"])
            a["first"] += bool(ss) and hits_concepts(ss[0], g["title_concepts"])
        if detail and setting == "meta":
            text = first_words(sents)
            print(f"\n### {name} {event}: ROUGE-2 {rouge.score(g['summary'], text)['rouge2'].fmeasure:.3f}")
            for s in sents:
                print("  -", s)
            have = content(text)
            for fact in g["key_facts"]:
                c = content(fact)
                print("   ", "+" if c and len(c & have) >= 0.6 * len(c) else "-", fact)
    embedders.save()
    print(f"\nSummary at {WORDS} words")
    for (name, system), a in sorted(acc.items()):
        print(f"{name:6} {system:15} ROUGE-2 {a['r2'] / a['n']:.3f}  key facts {a['facts']:g}/{a['nfacts']:g}"
              f"  first sentence states event {a['first']:g}/{a['n']:g}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--build", action="store_true", help="build and cache the briefings (slow)")
    ap.add_argument("--only", default="", help="with --build: comma list of event ids")
    ap.add_argument("--cache", type=Path, default=CACHE, help="where the stories are pickled")
    ap.add_argument("--detail", action="store_true", help="each event's summary and key facts")
    args = ap.parse_args()
    if args.build:
        build(args.cache, {x for x in args.only.split(",") if x} or None)
    else:
        score(args.cache, args.detail)


if __name__ == "__main__":
    main()
