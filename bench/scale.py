"""Scale: story clustering on 1k, 10k and 100k articles; annotate throughput, local vs Ray.

Corpus: the 1,202 labelled articles of ECB+ (982) and WikiRef220 (220), read in place. A set of
N articles is built from ``N / 1000`` **copies**; copy ``c`` is a resample (1,000 articles drawn
without replacement, seeded by ``c``, in a shuffled order) re-dated to its own block of days:
its articles are spread evenly over one day starting ``c * (window + 2)`` days after the first,
so two copies never share a clustering window and their stories stay apart (a copy's gold story
is ``(copy, subtopic)``). Articles keep their text; ids get a ``#c`` suffix.

Each size runs in a fresh subprocess (so its peak RSS is its own): the stream is fed to
``StoryClusterer.add`` in batches of 100 in date order; the table gives wall and CPU time
(the ratio is taken on CPU time: the development machine is shared), articles per CPU second,
peak RSS (``ru_maxrss``) and B³ F1 of the stories against the copy-subtopics, with the
batch TF-IDF + agglomerative baseline of ``bench/cluster.py`` (subtopic threshold) at 1k, where
its quadratic memory still fits. The nearest-neighbour backends (exact sparse, scikit-learn,
usearch HNSW, faiss flat) are compared at 10k in the same way.

Ingest + cluster (``--store``): the same sets written as JSONL and read by ``Store.ingest``
(cleaning, exact and MinHash near-duplicate checks, SQLite writes in transactions, incremental
clustering; annotation deferred to the first briefing, as ``newsprism ingest`` does with
``annotate=False``). Copies 1, 2, ... are made distinct texts (every word of 4+ letters gets a
per-copy suffix: ``_copy_text``), so the store does not link one copy to another as a duplicate;
the duplicates it still finds (real re-runs inside the corpora) are counted. Then one story of median size (among stories
of 3+ articles) is briefed from the store (spaCy load excluded; annotation of its articles
included), and the brief time is given per story.

Annotation throughput: the same ``--annotate`` ECB+ articles cleaned and annotated by one
process (``newsprism.annotate``) and by ``newsprism batch``'s Ray engine pieces (Ray Data
``map_batches`` over an actor pool of 2, spaCy loaded once per actor), model loading included
in both clocks (Ray's worker start-up too), on a local Ray instance with 2 CPUs.

Run: ``python bench/scale.py`` (``--sizes 1000,10000,100000``, ``--indexes``, ``--annotate 40``).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import subprocess
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _streams import LabelledDoc, ecb_stream, wikiref_stream  # noqa: E402
from _table import print_table  # noqa: E402

from newsprism.cluster import ClusterDoc, StoryClusterer  # noqa: E402
from newsprism.options import load_options  # noqa: E402

COPY = 1000
BATCH = 100
START = datetime(2024, 1, 1)


def corpus() -> list[LabelledDoc]:
    return ecb_stream(list(range(1, 46))) + wikiref_stream()


def build(n: int, window_days: float) -> list[tuple[ClusterDoc, str]]:
    """(article, gold story) in date order; see the module docstring."""
    base = corpus()
    out: list[tuple[ClusterDoc, str]] = []
    for c in range((n + COPY - 1) // COPY):
        rng = random.Random(c)
        sample = rng.sample(base, min(COPY, n - c * COPY))
        day0 = START + timedelta(days=c * (window_days + 2))
        step = timedelta(days=1) / len(sample)
        for i, d in enumerate(sample):
            doc = ClusterDoc(f"{d.id}#{c}", d.text, d.title, day0 + i * step)
            out.append((doc, f"{c}:{d.subtopic}"))
    return out


def _copy_text(text: str, copy: int) -> str:
    """Copy ``copy`` of a text, made a distinct text: every word of four or more letters gets
    the copy's own suffix ("killed" -> "killedqb" in copy 1), so word 5-grams of two copies
    never match (no copy is a duplicate of another) while each copy keeps its own vocabulary,
    names and capitals (its clustering is the same problem as the original's). Copy 0 is the
    original."""
    if copy == 0:
        return text
    tag, c = "", copy
    while c:
        c, r = divmod(c - 1, 26)
        tag = chr(97 + r) + tag
    return re.sub(r"\b([A-Za-z]{4,})\b", lambda m: m.group(1) + "q" + tag, text)


def store_one(n: int) -> dict[str, float]:
    """Runs in the child process: ingest n articles (JSONL) into a fresh store, then brief one
    story of median size."""
    import tempfile

    from newsprism.pipeline import load_pipeline
    from newsprism.store import Store

    opts = load_options()
    stream = build(n, opts.cluster_window_days)
    gold = {doc.id: g for doc, g in stream}
    with tempfile.TemporaryDirectory(prefix="newsprism-scale-") as tmp:
        path = Path(tmp) / "stream.jsonl"
        with path.open("w", encoding="utf-8") as fh:
            for doc, _ in stream:
                copy = int(doc.id.rsplit("#", 1)[1])
                fh.write(json.dumps({"id": doc.id, "text": _copy_text(doc.text, copy),
                                     "title": _copy_text(doc.title, copy) if doc.title else None,
                                     "published": doc.published.isoformat() if doc.published else None}) + "\n")
        rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        t0, c0 = time.perf_counter(), time.process_time()
        with Store(Path(tmp) / "news.db", opts, create=True) as st:
            report = st.ingest([str(path)], annotate=False)
            seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
            rss_ingest = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
            members = st.members()
            pred = {aid: sid for sid, ids in members.items() for aid in ids}
            sizes = sorted((len(rows), sid) for sid, rows in members.items() if len(rows) >= 3)
            nlp = load_pipeline(opts)
            story = sizes[len(sizes) // 2][1] if sizes else next(iter(members))
            tb = time.perf_counter()
            st.brief(story, nlp, keep=False)
            brief_s = time.perf_counter() - tb
            db_mb = (Path(tmp) / "news.db").stat().st_size / 2**20
    dups = report.exact_duplicates + report.near_duplicates
    return {"n": n, "seconds": seconds, "cpu_seconds": cpu, "rss_mb": rss_ingest / 1024, "rss_before_mb": rss0 / 1024,
            "f1": b3_f1({k: v for k, v in gold.items() if k in pred}, pred), "stories": len(members),
            "brief_s": brief_s, "brief_articles": len(members[story]), "db_mb": db_mb,
            "added": report.added, "copies": dups}  # fmt: skip


def b3_f1(gold: dict[str, str], pred: dict[str, str]) -> float:
    from cluster import b_cubed  # bench/cluster.py

    return b_cubed(gold, pred)[2]


def one(n: int, index: str) -> dict[str, float]:
    """Runs in the child process: cluster n articles, report time, RSS and quality."""
    opts = load_options(cluster_index=index)
    stream = build(n, opts.cluster_window_days)
    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    clusterer = StoryClusterer(opts)
    t0, c0 = time.perf_counter(), time.process_time()
    for k in range(0, len(stream), BATCH):
        clusterer.add([doc for doc, _ in stream[k : k + BATCH]])
    seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    pred = clusterer.assignments()
    gold = {doc.id: g for doc, g in stream}
    return {
        "n": n,
        "seconds": seconds,
        "cpu_seconds": cpu,
        "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "rss_before_mb": rss0 / 1024,
        "f1": b3_f1(gold, pred),
        "stories": len(set(pred.values())),
        "in_index": len(clusterer._index),
    }


def baseline(n: int) -> dict[str, float]:
    from cluster import TUNE_TOPICS, _tfidf, run_agglomerative, tune_agglomerative

    stream = build(n, load_options().cluster_window_days)
    _, th_sub = tune_agglomerative(ecb_stream(TUNE_TOPICS))
    docs = [LabelledDoc(d.id, d.text, d.title, g, g) for d, g in stream]
    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t0, c0 = time.perf_counter(), time.process_time()
    pred = run_agglomerative(_tfidf(docs), docs, th_sub)
    seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    return {"n": n, "seconds": seconds, "cpu_seconds": cpu, "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "rss_before_mb": rss0 / 1024, "f1": b3_f1({d.id: d.topic for d in docs}, pred),
            "stories": len(set(pred.values())), "in_index": 0}  # fmt: skip


def child(args: list[str]) -> dict[str, float]:
    cmd = [sys.executable, __file__, *args]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed:\n{done.stderr[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def annotate_throughput(n: int) -> list[list[str]]:
    import ray

    from newsprism.annotate import annotate, load_pipeline
    from newsprism.clean import clean_article
    from newsprism.model import Article

    docs = ecb_stream(list(range(1, 36)))[:n]
    articles = [Article(id=d.id, text=d.text) for d in docs]
    words = sum(len(a.text.split()) for a in articles)
    opts = load_options(progress=False)
    t0 = time.perf_counter()
    nlp = load_pipeline(opts)
    load_s = time.perf_counter() - t0
    sentences = sum(len(a.sentences) for a in annotate([clean_article(a) for a in articles], nlp, opts))
    local_s = time.perf_counter() - t0

    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    try:
        t0 = time.perf_counter()
        rows = [{"id": a.id, "text": a.text} for a in articles]
        ds = ray.data.from_items(rows).map_batches(
            _AnnotateWorker, fn_constructor_kwargs={"options": opts}, batch_size=4,
            compute=ray.data.ActorPoolStrategy(size=2), num_cpus=1,
        )  # fmt: skip
        ray_sentences = sum(int(r["sentences"]) for r in ds.take_all())
        ray_s = time.perf_counter() - t0
    finally:
        ray.shutdown()
    assert ray_sentences == sentences, (ray_sentences, sentences)
    return [
        ["single process", n, words, f"{local_s:.1f}", f"{load_s:.1f}", f"{n / local_s:.2f}",
         f"{words / local_s:.0f}"],
        ["Ray local, 2 actors", n, words, f"{ray_s:.1f}", "in clock", f"{n / ray_s:.2f}",
         f"{words / ray_s:.0f}"],
    ]  # fmt: skip


class _AnnotateWorker:
    def __init__(self, options) -> None:
        from newsprism.annotate import load_pipeline

        self.options = options
        self.nlp = load_pipeline(options)

    def __call__(self, batch: dict) -> dict:
        from newsprism.annotate import annotate
        from newsprism.clean import clean_article
        from newsprism.model import Article

        arts = [clean_article(Article(id=str(i), text=str(t)))
                for i, t in zip(batch["id"], batch["text"], strict=True)]  # fmt: skip
        counts = [len(a.sentences) for a in annotate(arts, self.nlp, self.options)]
        return {"id": list(batch["id"]), "sentences": counts}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="1000,10000,100000")
    ap.add_argument("--indexes", default="exact,sklearn,usearch,faiss",
                    help="backends compared at --index-size articles")  # fmt: skip
    ap.add_argument("--index-size", type=int, default=10000)
    ap.add_argument("--annotate", type=int, default=40, help="articles for the throughput table")
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--index", default="exact", help=argparse.SUPPRESS)
    ap.add_argument("--baseline", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--store", default="", help="sizes for the ingest + cluster table, e.g. 1000,10000,100000")
    ap.add_argument("--store-one", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.store_one:
        print(json.dumps(store_one(args.store_one)))
        return
    if args.one:
        print(json.dumps(one(args.one, args.index)))
        return
    if args.baseline:
        print(json.dumps(baseline(args.baseline)))
        return

    sizes = [int(x) for x in args.sizes.split(",") if x]
    rows, results = [], {}
    for n in sizes:
        r = child(["--one", str(n)])
        results[n] = r
        rows.append(["newsprism (exact index)", n, f"{r['seconds']:.1f}", f"{r['cpu_seconds']:.1f}",
                     f"{n / r['cpu_seconds']:.0f}",
                     f"{r['rss_mb']:.0f}", f"{r['f1']:.3f}", int(r["stories"]), int(r["in_index"])])  # fmt: skip
        print(*rows[-1], flush=True)
    if sizes and sizes[0] <= 2000:
        r = child(["--baseline", str(sizes[0])])
        rows.append(["TF-IDF + agglomerative (batch)", sizes[0], f"{r['seconds']:.1f}",
                     f"{r['cpu_seconds']:.1f}", f"{sizes[0] / r['cpu_seconds']:.0f}", f"{r['rss_mb']:.0f}", f"{r['f1']:.3f}",
                     int(r["stories"]), "-"])  # fmt: skip
    if rows:
        print("\nClustering a stream (batches of 100, date order); F1 = B³ against copy-subtopics")
        print_table(["system", "articles", "wall s", "CPU s", "articles/CPU s", "peak RSS MB", "B3 F1", "stories",
                     "docs in index at end"], rows)  # fmt: skip
    if 10000 in results and 100000 in results:
        ratio = results[100000]["cpu_seconds"] / results[10000]["cpu_seconds"]
        print(f"100k / 10k CPU time ratio: {ratio:.2f} (linear: 10; target <= 12)")

    store_sizes = [int(x) for x in args.store.split(",") if x]
    st_rows, st_results = [], {}
    for n in store_sizes:
        r = child(["--store-one", str(n)])
        st_results[n] = r
        st_rows.append([n, f"{r['seconds']:.1f}", f"{r['cpu_seconds']:.1f}", f"{n / r['cpu_seconds']:.0f}",
                        f"{r['rss_mb']:.0f}", f"{r['db_mb']:.0f}", f"{r['f1']:.3f}", int(r["stories"]),
                        int(r["copies"]), f"{r['brief_s']:.1f} ({int(r['brief_articles'])} articles)"])  # fmt: skip
        print(*st_rows[-1], flush=True)
    if st_rows:
        print("\nIngest + cluster into a store (JSONL in, annotation deferred); brief = one median story")
        print_table(["articles", "wall s", "CPU s", "articles/CPU s", "peak RSS MB", "store MB", "B3 F1",
                     "stories", "linked as copies", "brief s (story)"], st_rows)  # fmt: skip
        if 10000 in st_results and 100000 in st_results:
            ratio = st_results[100000]["cpu_seconds"] / st_results[10000]["cpu_seconds"]
            print(f"ingest + cluster, 100k / 10k CPU time ratio: {ratio:.2f} (linear: 10; target <= 12)")

    idx_rows = []
    for kind in [x for x in args.indexes.split(",") if x]:
        r = child(["--one", str(args.index_size), "--index", kind])
        idx_rows.append([kind, f"{r['seconds']:.1f}", f"{r['cpu_seconds']:.1f}", f"{r['rss_mb']:.0f}", f"{r['f1']:.3f}",
                         int(r["stories"])])  # fmt: skip
        print(*idx_rows[-1], flush=True)
    if idx_rows:
        print(f"\nNearest-neighbour backends at {args.index_size} articles")
        print_table(["index", "wall s", "CPU s", "peak RSS MB", "B3 F1", "stories"], idx_rows)

    if args.annotate:
        print(f"\nAnnotation throughput ({args.annotate} ECB+ articles; model load in both clocks)")
        print_table(["engine", "articles", "words", "seconds", "model load s", "articles/s",
                     "words/s"], annotate_throughput(args.annotate))  # fmt: skip


if __name__ == "__main__":
    main()
