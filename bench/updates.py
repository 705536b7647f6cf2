"""What changed, on real stories replayed in publication order (issue 16).

Nine ECB+ dev events (topics 1-35 only) whose articles were published over several days
(``bench/data/updates/*.json``; how the gold was made is in that folder's README). Each event is
replayed one publication day at a time: the articles of day 1 are briefed, then days 1-2, ...;
each briefing is compared with the one before by ``newsprism.changes.what_changed``, and the
changes it reports are scored against what a careful reader would list:

- **figure changes**: a new number for a count about the event (revised or new), matched on
  (category, value); engine = ``figures_revised`` + ``figures_new``;
- **new speakers**: people or bodies quoted by name for the first time, matched on the last
  word of the name; engine = ``speakers_new``.

Control: after the last step a reworded copy of day 1's first article is added under a new
outlet (synonyms outside quotations; figures and names untouched). A careful reader lists
nothing, so every change reported there is a false one (counted per kind of item).

Baseline, in the same run: a naive diff of the two briefings' sets, as a user without
newsprism's matching would compute it: every (category, value) among all extracted figures that
the earlier briefing lacked, every quote speaker string it lacked, and (control only) every
sentence of the new briefing's sources not found verbatim in the old one's.

Run: ``python bench/updates.py`` (``--only 20_ecbplus,8_ecbplus``; ``--cache /tmp/updates``
keeps each replay's briefings between runs while the engine does not change).
"""

from __future__ import annotations

import argparse
import copy
import hashlib
import json
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _ecbplus import subtopic_sentences  # noqa: E402
from _table import print_table  # noqa: E402

from newsprism.annotate import annotate  # noqa: E402
from newsprism.briefing import brief_annotated  # noqa: E402
from newsprism.changes import what_changed  # noqa: E402
from newsprism.clean import clean_articles  # noqa: E402
from newsprism.model import AnnotatedArticle, Article  # noqa: E402
from newsprism.options import Options, load_options  # noqa: E402
from newsprism.pipeline import load_pipeline  # noqa: E402
from newsprism.render.json_out import to_dict  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "bench" / "data" / "updates"
EVENTS = ROOT / "bench" / "data" / "events" / "dev"
_END = re.compile(r"[.!?][\"'”’)]*$")
CONTROL_OUTLET = "Reworded Wire (control)"

# synonyms a copy editor might use; only lower-case common words, never numbers or names
SYNONYMS = {
    "said": "stated", "says": "states", "told": "informed", "after": "following",
    "before": "prior to", "also": "additionally", "because": "since", "near": "close to",
    "began": "started", "started": "began", "help": "assist", "large": "big", "big": "large",
    "attack": "assault", "building": "structure", "area": "region", "officials": "authorities",
    "quickly": "rapidly", "later": "subsequently", "expected": "anticipated", "received": "got",
    "home": "house", "house": "home", "left": "departed", "during": "amid", "while": "whereas",
    "announced": "declared", "reported": "stated", "however": "but", "city": "town",
    "town": "city", "show": "indicate", "showed": "indicated", "try": "attempt",
    "tried": "attempted", "now": "currently", "many": "numerous", "week": "week's time",
}  # fmt: skip
_QUOTED = re.compile(r"[\"“][^\"”]*[\"”]")
_WORD = re.compile(r"\b[a-z]+\b")


def reword(text: str) -> str:
    """The same facts in other words: synonyms outside quotations (figures and names kept)."""
    out, last = [], 0
    for m in _QUOTED.finditer(text):
        out.append(_WORD.sub(lambda w: SYNONYMS.get(w.group(0), w.group(0)), text[last : m.start()]))
        out.append(m.group(0))
        last = m.end()
    out.append(_WORD.sub(lambda w: SYNONYMS.get(w.group(0), w.group(0)), text[last:]))
    return "".join(out)


def body_lines(sentences: list[str]) -> list[str]:
    """Drop URL lines and the header lines before the first sentence-final line (as
    ``bench/events.py`` does)."""
    lines = [s for s in sentences if s and not s.lower().startswith("http")]
    first = next((i for i, s in enumerate(lines) if _END.search(s)), len(lines))
    return lines[first:]


def event_articles(gold: dict) -> dict[str, Article]:
    meta = json.loads((EVENTS / f"{gold['event']}.json").read_text(encoding="utf-8"))["doc_meta"]
    docs = dict(subtopic_sentences(gold["topic"], gold["subtopic"]))
    out = {}
    for doc, sentences in docs.items():
        m = meta.get(doc, {})
        out[doc] = Article(id=doc, text="\n".join(body_lines(sentences)), title=m.get("title"),
                           outlet=m.get("outlet"), published=m.get("published"))  # fmt: skip
    return out


def replay(gold: dict, options: Options, nlp: Any) -> list[dict[str, Any]]:
    """The briefing.json dicts after each step, then after the control copy."""
    arts = event_articles(gold)
    first = arts[gold["control"]["reworded_copy_of"]]
    last_day = gold["steps"][-1]["published"]
    copy_art = Article(id=f"{first.id}~reworded", text=reword(first.text),
                       title=reword(first.title) if first.title else None,
                       outlet=CONTROL_OUTLET, published=last_day)  # fmt: skip
    wanted = [arts[d] for s in gold["steps"] for d in s["docs"] if d in arts] + [copy_art]
    cleaned, _ = clean_articles(wanted)
    annotated: dict[str, AnnotatedArticle] = {a.source_id: a for a in annotate(cleaned, nlp, options)}
    briefings, have = [], []
    for step in gold["steps"]:
        have += [d for d in step["docs"] if d in annotated]
        briefings.append(_brief([annotated[d] for d in have], options, nlp))
    briefings.append(_brief([annotated[d] for d in have] + [annotated[copy_art.id]], options, nlp))
    return briefings


def _brief(anns: list[AnnotatedArticle], options: Options, nlp: Any) -> dict[str, Any]:
    result = brief_annotated(copy.deepcopy(anns), options, nlp)
    return to_dict(result, model_name=options.model)


# --------------------------------------------------------------------------- what each side reports


def _pairs(reports: list[dict], category: str) -> set[tuple[str, float]]:
    return {(category, float(r["low"])) for r in reports if r.get("low") is not None}


def engine_figures(ch: dict) -> set[tuple[str, float]]:
    out: set[tuple[str, float]] = set()
    for f in ch["figures_revised"]:
        out |= _pairs(f["new"]["reported_by"], f["category"])
    for f in ch["figures_new"]:
        out |= _pairs(f["reported_by"], f["category"])
    return out


def naive_figures(old: dict, new: dict) -> set[tuple[str, float]]:
    def pairs(b: dict) -> set[tuple[str, float]]:
        return {(f["category"], float(f["low"])) for f in b.get("figures", []) if f.get("low") is not None}

    return pairs(new) - pairs(old)


def naive_speakers(old: dict, new: dict) -> set[str]:
    def names(b: dict) -> set[str]:
        return {q["speaker"] for q in b.get("quotes", []) if q.get("speaker")}

    return names(new) - names(old)


def _sentences(b: dict) -> set[str]:
    return {" ".join(s.split()) for src in b.get("sources", [])
            for s in re.split(r"(?<=[.!?])\s+", src["text"]) if s.strip()}  # fmt: skip


def _last(name: str) -> str:
    words = re.findall(r"[a-z]+", re.sub(r"\(.*?\)", "", name.casefold()))
    return words[-1] if words else ""


def match_speakers(gold: list[str], found: set[str]) -> tuple[int, int, int]:
    """(true positives, false positives, false negatives): a found speaker matches a gold one
    whose last name is among its words."""
    found_words = {s: set(re.findall(r"[a-z]+", s.casefold())) for s in found}
    hit_gold = {g for g in gold if any(_last(g) in w for w in found_words.values())}
    hit_found = {s for s, w in found_words.items() if any(_last(g) in w for g in gold)}
    return len(hit_gold), len(found) - len(hit_found), len(gold) - len(hit_gold)


def _prf(tp: int, fp: int, fn: int) -> list[str]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return [str(tp), str(fp), str(fn), f"{p:.3f}", f"{r:.3f}", f"{f:.3f}"]


CONTROL_KINDS = ("figures_revised", "figures_new", "quotes_new", "speakers_new", "claims_new",
                 "claims_now_denied", "sides_new", "sides_changed", "timeline_new")  # fmt: skip


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--only", help="comma-separated events (e.g. 20_ecbplus,8_ecbplus)")
    ap.add_argument("--cache", type=Path, help="folder keeping each replay's briefings between runs")
    args = ap.parse_args()
    options = load_options()
    golds = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(GOLD.glob("*.json"))]
    if args.only:
        wanted = set(args.only.split(","))
        golds = [g for g in golds if g["event"] in wanted]
    nlp: list[Any] = []

    def get_nlp() -> Any:
        if not nlp:
            nlp.append(load_pipeline(options))
        return nlp[0]

    fig_rows, spk_rows, ctl_rows = [], [], []
    totals: dict[str, list[int]] = {k: [0, 0, 0] for k in ("ef", "nf", "es", "ns")}
    for gold in golds:
        briefings = _cached(args.cache, gold, lambda g=gold: replay(g, options, get_nlp()))
        counts = {k: [0, 0, 0] for k in totals}
        n_gold_f = n_gold_s = 0
        for k, step in enumerate(gold["steps"][1:], start=1):
            old, new = briefings[k - 1], briefings[k]
            ch = what_changed(old, new, {"version": k})
            g_f = {(f["category"], float(f["value"])) for f in step["figures"]}
            n_gold_f += len(g_f)
            n_gold_s += len(step["speakers_new"])
            for key, found in (("ef", engine_figures(ch)), ("nf", naive_figures(old, new))):
                c = counts[key]
                c[0] += len(found & g_f)
                c[1] += len(found - g_f)
                c[2] += len(g_f - found)
            for key, found_s in (("es", set(ch["speakers_new"])), ("ns", naive_speakers(old, new))):
                tp, fp, fn = match_speakers(step["speakers_new"], found_s)
                counts[key][0] += tp
                counts[key][1] += fp
                counts[key][2] += fn
        for key in totals:
            totals[key] = [a + b for a, b in zip(totals[key], counts[key], strict=True)]
        steps = len(gold["steps"])
        fig_rows.append([gold["event"], str(steps), str(n_gold_f), "newsprism", *_prf(*counts["ef"])])
        fig_rows.append(["", "", "", "naive figure-set diff", *_prf(*counts["nf"])])
        spk_rows.append([gold["event"], str(n_gold_s), "newsprism", *_prf(*counts["es"])])
        spk_rows.append(["", "", "naive speaker-set diff", *_prf(*counts["ns"])])
        last, ctl = briefings[-2], briefings[-1]
        ch = what_changed(last, ctl, {"version": len(gold["steps"])})
        engine_false = {k: len(ch[k]) for k in CONTROL_KINDS}
        new_sentences = len(_sentences(ctl) - _sentences(last))
        ctl_rows.append([gold["event"], str(sum(engine_false.values())),
                         ", ".join(f"{k} {v}" for k, v in engine_false.items() if v) or "-",
                         str(len(naive_figures(last, ctl)) + len(naive_speakers(last, ctl))),
                         str(new_sentences)])  # fmt: skip
    fig_rows.append(["all", "", str(sum(int(r[2]) for r in fig_rows if r[2])), "newsprism", *_prf(*totals["ef"])])
    fig_rows.append(["", "", "", "naive figure-set diff", *_prf(*totals["nf"])])
    spk_rows.append(["all", str(sum(int(r[1]) for r in spk_rows if r[1])), "newsprism", *_prf(*totals["es"])])
    spk_rows.append(["", "", "naive speaker-set diff", *_prf(*totals["ns"])])
    print(f"\nReplays of {len(golds)} ECB+ dev events, one step per publication day; "
          "scored on steps 2.. against bench/data/updates")
    print("\nFigure changes (new number for a count about the event; matched on category + value)")
    print_table(["event", "steps", "gold", "system", "TP", "FP", "FN", "P", "R", "F1"], fig_rows)
    print("\nNew speakers (quoted by name for the first time; matched on the last name)")
    print_table(["event", "gold", "system", "TP", "FP", "FN", "P", "R", "F1"], spk_rows)
    print("\nControl: a reworded copy of day 1's first article (a careful reader lists nothing)")
    print_table(["event", "newsprism false changes", "by kind", "naive figure+speaker diff",
                 "naive new sentences"], ctl_rows)  # fmt: skip


AFTER_BRIEFING = {"changes.py", "revisions.py", "cli.py", "store_cli.py", "web", "store", "cluster"}


def _cached(folder: Path | None, gold: dict, make: Callable[[], list[dict[str, Any]]]) -> list[dict[str, Any]]:
    """The replay's briefings, kept under ``folder`` keyed by the gold file and the engine's
    source code (a change to either re-runs it)."""
    if folder is None:
        return make()
    src = ROOT / "src" / "newsprism"
    h = hashlib.sha256(json.dumps(gold, sort_keys=True).encode())
    for p in sorted(src.rglob("*.py")):  # what the briefings depend on (not the comparison)
        if p.name not in AFTER_BRIEFING and not AFTER_BRIEFING & set(p.relative_to(src).parts):
            h.update(p.read_bytes())
    path = folder / f"{gold['event']}-{h.hexdigest()[:16]}.json"
    if path.exists():
        return json.loads(path.read_text(encoding="utf-8"))
    out = make()
    folder.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(out), encoding="utf-8")
    return out


if __name__ == "__main__":
    main()
