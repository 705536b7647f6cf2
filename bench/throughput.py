"""Throughput of `brief` next to the bare spaCy parse of the same texts, in the same run.

    python bench/throughput.py                 # N = 100 and 1,000 PolNeAR train texts + the example
    python bench/throughput.py --sizes 100     # quicker

Each measurement runs in its own subprocess so that peak RSS is its own. The bare baseline is
what a user would otherwise run: ``nlp.pipe`` over the same texts with the same model and batch
size. ``brief`` is everything after model load: cleaning, parsing, extraction, entity
resolution, claims, figures, timeline, summary, schema validation and rendering of all three
formats. Start-up is outside both timers, as model load is: the bare side imports spaCy, the
brief side spaCy and newsprism's modules (scikit-learn, jsonschema, Jinja...; about 0.8 s,
printed as ``import_s``), before its clock starts, as ``newsprism brief`` does before its own.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
POLNEAR = ROOT.parent / "shared" / "data" / "polnear" / "train" / "text"
EXAMPLE = ROOT / "examples" / "khan-shaykhun-jsonl" / "articles.jsonl"


def _texts(n: int) -> list[tuple[str, str]]:
    files = sorted(POLNEAR.glob("*.txt"))
    if not files:
        sys.exit(f"PolNeAR texts not found under {POLNEAR}")
    out = []
    for i in range(n):
        p = files[i % len(files)]
        out.append((f"{p.stem}~{i // len(files)}", p.read_text(encoding="utf-8")))
    return out


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def worker(mode: str, n: int, model: str | None, embeddings: str = "auto") -> dict:
    sys.path.insert(0, str(ROOT / "src"))
    from newsprism.annotate import load_pipeline
    from newsprism.options import load_options

    opts = load_options(progress=False, model=model, embeddings=embeddings)
    t = time.perf_counter()
    nlp = load_pipeline(opts)
    load_s = time.perf_counter() - t
    import_s = 0.0
    if mode != "bare":
        t = time.perf_counter()
        from newsprism.briefing import build_briefing
        from newsprism.render.html import render_html
        from newsprism.render.json_out import dumps, to_dict, validate
        from newsprism.render.markdown import render_markdown

        import_s = time.perf_counter() - t
    if mode == "example":
        from newsprism.ingest import read_inputs

        articles = read_inputs([str(EXAMPLE)], opts).articles
    else:
        from newsprism.model import Article

        articles = [Article(id=i, text=tx) for i, tx in _texts(n)]
    words = sum(len(a.text.split()) for a in articles)
    t = time.perf_counter()
    if mode == "bare":
        for _ in nlp.pipe((a.text for a in articles), batch_size=opts.batch_size):
            pass
        extra: dict = {}
    else:
        b = build_briefing(articles, opts, nlp=nlp)
        t_out = time.perf_counter()
        data = to_dict(b, opts.model)
        validate(data)
        dumps(data), render_markdown(data), render_html(data)
        extra = {k: round(v, 2) for k, v in b.stats.items() if k.endswith("_s")}
        extra["output_s"] = round(time.perf_counter() - t_out, 2)  # to_dict, validate, 3 formats
        extra["import_s"] = round(import_s, 2)  # not in the brief seconds
    secs = time.perf_counter() - t
    return {"mode": mode, "n": len(articles), "words": words, "seconds": secs, "load_s": load_s,
            "peak_mb": _peak_mb(), "stages": extra}


def run(mode: str, n: int, model: str | None, embeddings: str = "auto") -> dict:
    cmd = [sys.executable, __file__, "--worker", mode, "--n", str(n), "--embeddings", embeddings]
    cmd += ["--model", model] if model else []
    out = subprocess.run(cmd, check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="100,1000")
    ap.add_argument("--model", default=None)
    ap.add_argument("--embeddings", default="auto", help=argparse.SUPPRESS)
    ap.add_argument("--minilm-sizes", default="100", help="sizes also run with embeddings forced to MiniLM")
    ap.add_argument("--worker", default=None, help=argparse.SUPPRESS)
    ap.add_argument("--n", type=int, default=0, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        print(json.dumps(worker(args.worker, args.n, args.model, args.embeddings)))
        return

    rows = []
    minilm_sizes = {int(x) for x in args.minilm_sizes.split(",") if x}
    for n in [int(x) for x in args.sizes.split(",")]:
        bare = run("bare", n, args.model)
        rows.append((f"{n}", bare, run("brief", n, args.model)))
        if n in minilm_sizes:
            rows.append((f"{n} minilm", bare, run("brief", n, args.model, "minilm")))
    ex = run("example", 3, args.model)

    print(f"\nThroughput on PolNeAR train texts (model: {args.model or 'default'}); seconds exclude model load\n")
    head = f"{'N':>10} | {'words':>8} | {'bare nlp.pipe s':>15} | {'brief s':>8} | {'ratio':>5} | {'art/s':>6} | {'words/s':>8} | {'bare MB':>7} | {'brief MB':>8}"
    print(head)
    print("-" * len(head))
    for n, bare, full in rows:
        ratio = full["seconds"] / bare["seconds"]
        print(f"{n:>10} | {full['words']:>8} | {bare['seconds']:>15.1f} | {full['seconds']:>8.1f} | {ratio:>5.2f} | "
              f"{full['n'] / full['seconds']:>6.1f} | {full['words'] / full['seconds']:>8.0f} | {bare['peak_mb']:>7.0f} | {full['peak_mb']:>8.0f}")
    print("\nstage seconds of brief:")
    for n, _, full in rows:
        print(f"  N={n}: {full['stages']}")
    print(f"\nBundled example (3 articles, {ex['words']} words): model load {ex['load_s']:.1f} s, "
          f"brief {ex['seconds']:.1f} s, peak {ex['peak_mb']:.0f} MB; stages {ex['stages']}")
    print("Target: brief <= 1.3 x bare parse. 'auto' embeddings switch to TF-IDF above "
          "minilm_max_sentences; rows marked 'minilm' force MiniLM sentence embeddings.")


if __name__ == "__main__":
    main()
