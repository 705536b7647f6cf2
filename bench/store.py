"""The store: ingest rate, re-ingest, duplicate detection, and briefing a story from stored
annotations next to briefing the same articles from their files, in one run.

    python bench/store.py                      # 300 PolNeAR texts, the example x 20, 40 annotated
    python bench/store.py --texts 1000 --copies 100 --annotated 100

Corpora (read in place): PolNeAR train texts (``../shared/data/polnear``: distinct 2016 news
articles on overlapping topics, a hard case for false near-duplicates) and the bundled example.

- ingest, no annotation: articles/s for the distinct texts (clean, hash, MinHash, LSH look-up,
  clustering, one transaction per batch); then the same input again (nothing added);
- the example x N: each copy in its own file under another outlet's name (exact duplicates);
- near copies: for a sample of texts, a copy with a new first line and one paragraph dropped
  under another outlet's name; recall of "linked as a near copy of its original" and false links
  among the distinct texts, next to the baseline a user would otherwise pick: exact hashes only;
- ingest with annotation (spaCy): articles/s, model load outside the clock;
- brief one story: from the store's annotations vs ``build_briefing`` on the same articles
  re-read and re-parsed (what ``newsprism brief FOLDER`` does), model load outside both clocks.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))
POLNEAR = ROOT.parent / "shared" / "data" / "polnear" / "train" / "text"
EXAMPLE = ROOT / "examples" / "khan-shaykhun"

from _table import print_table  # noqa: E402

from newsprism.options import load_options  # noqa: E402
from newsprism.store import Store  # noqa: E402


def _write_jsonl(path: Path, records: list[dict]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")


def _near_copy(text: str, rng: random.Random) -> str:
    paras = [p for p in text.split("\n") if p.strip()]
    if len(paras) > 3:
        del paras[rng.randrange(1, len(paras))]
    return "Republished from the wire service.\n" + "\n".join(paras)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--texts", type=int, default=300)
    ap.add_argument("--copies", type=int, default=20)
    ap.add_argument("--near", type=int, default=60, help="near copies made of the first texts")
    ap.add_argument("--annotated", type=int, default=40)
    args = ap.parse_args()
    files = sorted(POLNEAR.glob("*.txt"))[: args.texts]
    if not files:
        sys.exit(f"PolNeAR texts not found under {POLNEAR}")
    rng = random.Random(15)
    opts = load_options(progress=False)
    work = Path(tempfile.mkdtemp(prefix="newsprism-store-bench-"))
    texts = [(p.stem, p.read_text(encoding="utf-8")) for p in files]
    _write_jsonl(work / "distinct" / "polnear.jsonl", [
        {"id": sid, "text": t, "outlet": f"Outlet {i % 7}", "published": f"2016-10-{1 + i % 28:02d}"}
        for i, (sid, t) in enumerate(texts)])
    near_src = texts[: args.near]
    _write_jsonl(work / "near" / "copies.jsonl", [
        {"id": f"{sid}-copy", "text": _near_copy(t, rng), "outlet": "Mirror Wire"} for sid, t in near_src])
    example = sorted(EXAMPLE.glob("*.txt"))
    for k in range(args.copies):
        _write_jsonl(work / "copies" / f"copy{k:03d}.jsonl", [
            {"id": f"{p.stem}-{k}", "text": p.read_text(encoding="utf-8"), "outlet": f"Syndicator {k}"}
            for p in example])
    rows = []
    db = work / "news.db"
    with Store(db, opts, create=True) as st:
        st.ingest([str(EXAMPLE)], annotate=False)  # the originals of the example copies
        t = time.perf_counter()
        r = st.ingest([str(work / "distinct")], annotate=False)
        rows.append(["ingest distinct texts, no annotation", r.read, f"{r.read / (time.perf_counter() - t):.1f}",
                     f"{r.near_duplicates} near / {r.exact_duplicates} exact links (listed below: check them)"])
        pairs = st.conn.execute(
            "SELECT c.id, o.id, c.similarity FROM articles c JOIN articles o ON o.n = c.duplicate_of").fetchall()
        t = time.perf_counter()
        r = st.ingest([str(work / "distinct")], annotate=False)
        rows.append(["same input again (files unchanged)", r.added, f"{time.perf_counter() - t:.2f} s total",
                     f"{r.files_unchanged} file(s) skipped"])
        (work / "distinct" / "polnear.jsonl").touch()
        t = time.perf_counter()
        r = st.ingest([str(work / "distinct")], annotate=False)
        rows.append(["same input again (file touched: re-read)", r.added,
                     f"{r.read / (time.perf_counter() - t):.1f}", f"{r.already} already stored"])
        t = time.perf_counter()
        r = st.ingest([str(work / "copies")], annotate=False)
        rows.append([f"example x {args.copies} (exact copies)", r.read, f"{r.read / (time.perf_counter() - t):.1f}",
                     f"{r.exact_duplicates} exact links of {r.read}"])
        t = time.perf_counter()
        r = st.ingest([str(work / "near")], annotate=False)
        rate = r.read / (time.perf_counter() - t)
        linked = {row[0]: row[1] for row in st.conn.execute(
            "SELECT c.id, o.id FROM articles c JOIN articles o ON o.n = c.duplicate_of WHERE c.duplicate_kind = 'near'")}
        right = sum(1 for sid, _ in near_src if linked.get(f"{sid}-copy") == sid)
        rows.append(["near copies (new first line, a paragraph dropped)", r.read, f"{rate:.1f}",
                     f"recall {right}/{len(near_src)} = {right / max(1, len(near_src)):.3f}; "
                     "exact hashes only: 0"])
        stories = len(st.stories())
    print(f"\nstore bench: {len(texts)} PolNeAR texts, example x {args.copies}, {len(near_src)} near copies; "
          f"{stories} stories; {db.stat().st_size / 1e6:.1f} MB\n")
    print_table(["step", "articles", "articles/s", "result"], rows)
    for copy, orig, sim in pairs:  # among the distinct texts: a re-run of one story, or a false link
        print(f"  linked: {copy} -> {orig} (similarity {sim:.2f})")

    from newsprism.annotate import load_pipeline
    from newsprism.briefing import build_briefing
    from newsprism.ingest import read_inputs

    nlp = load_pipeline(opts)  # model load outside every clock
    sub = work / "annotated" / "sample.jsonl"
    _write_jsonl(sub, [{"id": f"{sid}-a", "text": t + "\n\nEditor's note: annotated sample."}
                       for sid, t in texts[-args.annotated:]])
    db2 = work / "annotated.db"
    read = {a.id: a for a in read_inputs([str(sub)], opts).articles}
    with Store(db2, opts, create=True) as st:
        t = time.perf_counter()
        r = st.ingest([str(work / "annotated")], nlp=nlp)
        ann_s = time.perf_counter() - t
        stories = st.stories()
        st.brief(stories[0].id, nlp, keep=False)  # warm-up: embedder, lazy imports
        from_store = from_files = 0.0
        for story in stories:
            t = time.perf_counter()
            st.brief(story.id, nlp, keep=False)
            from_store += time.perf_counter() - t
            t = time.perf_counter()
            build_briefing([read[a] for a in story.article_ids], opts, nlp=nlp)
            from_files += time.perf_counter() - t
    n = len(stories)
    print()
    print_table(["step", "articles", "seconds", "per article / story"], [
        ["ingest with annotation (spaCy)", r.annotated, f"{ann_s:.1f}", f"{ann_s / max(1, r.annotated):.2f} s"],
        [f"brief {n} stories from the store's annotations", r.annotated, f"{from_store:.1f}", f"{from_store / n:.2f} s"],
        ["baseline: brief the same stories from their files (re-parse)", r.annotated, f"{from_files:.1f}",
         f"{from_files / n:.2f} s"],
    ])


if __name__ == "__main__":
    main()
