"""Multi-document summaries of ECB+ subtopics against hand-written references, with baselines.

Run from the repository root:  python bench/summary.py [--words 100] [--detail]

Data: ``../shared/data/ecbplus/ECBplus_xml.tar.gz`` is read in place; each reference in
``bench/data/summary_refs/<topic>_<ecb|ecbplus>.txt`` (about 100 words, written by hand from the
articles before any system was run on them) names one subtopic: the set of articles on one
event from several outlets.

Every system gets the same input and the same length bound: the body sentences of every article
of the subtopic (ECB+'s own sentence split, tokens re-joined; URL, title and dateline lines,
i.e. "sentences" without final punctuation, are left out for all systems), at most ``--words``
words in all (words = whitespace-separated tokens with a letter or digit).

Systems, side by side in the same run:
- newsprism: ``summarize`` on a Story built from those sentences (dates from ``extract_dates``);
- LexRank, TextRank: sumy's summarizers rank every sentence (sumy's English stemmer and stop
  words), the best-rated are taken while they fit the bound, then put back in document order;
- lead: the first sentence of each article in turn, then the second ones, ... while they fit;
- lead (first article): the first article's sentences in order while they fit.

Reference sets: ``bench/data/summary_refs`` (8 subtopics; two on blind test topics were removed in session 11) was used while developing the
summarizer; ``bench/data/summary_refs_heldout`` (4 subtopics, ``--refs``) was written after that
and first scored as it was (newsprism ROUGE-2 0.262, with MiniLM 0.244, best baseline TextRank
0.198); one later change (sentences dated only to other events weigh less) was checked on both.

Scores: ROUGE-1, ROUGE-2, ROUGE-L F1 (rouge-score, Porter stemming), mean over subtopics.
Also: share of newsprism summary sentences found verbatim at their first cited span and at
every cited span's source; sentences that look like boilerplate (URLs, "posted/updated" stamps,
"click/subscribe") per system.
"""

from __future__ import annotations

import argparse
import re
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

from _ecbplus import subtopic_sentences
from rich.console import Console
from rich.table import Table
from rouge_score import rouge_scorer
from sumy.models.dom import ObjectDocumentModel, Paragraph
from sumy.models.dom import Sentence as SumySentence
from sumy.nlp.stemmers import Stemmer
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.summarizers.text_rank import TextRankSummarizer
from sumy.utils import get_stop_words

from newsprism.annotate import load_pipeline
from newsprism.embed import load_embedder
from newsprism.extract.dates import extract_dates
from newsprism.model import AnnotatedArticle, CleanArticle, Sentence, Story
from newsprism.options import load_options
from newsprism.summarize import summarize
from newsprism.timeline import infer_story_dates

ROOT = Path(__file__).resolve().parents[1]
REFS = ROOT / "bench" / "data" / "summary_refs"
WORD = re.compile(r"\S*\w\S*")  # whitespace tokens with a letter or digit, as in summarize.py
BOILER = re.compile(
    r"(?i)(https?:|www\.|\b(?:posted|updated|published)\b[^.]{0,40}\d{4}|last updated|all rights reserved"
    r"|click here|subscribe|sign up for)"
)


def words(text: str) -> int:
    return len(WORD.findall(text))


def load_subtopic(topic: int, kind: str) -> list[tuple[str, list[str]]]:
    """[(doc name, body sentences)] in document-number order."""
    docs = []
    for name, sentences in subtopic_sentences(topic, kind):
        body = [
            s for s in sentences  # URL, title and dateline lines: not body sentences
            if not s.lower().startswith("http") and re.search(r"[.!?][\"'”’)]*$", s)
        ]
        if body:
            docs.append((name, body))
    return docs


# --------------------------------------------------------------------------- systems


def fit(sentences: list[str], order: list[int], budget: int) -> list[int]:
    """Indices taken in ``order`` while they fit the word budget (skipping those that do not)."""
    chosen, used = [], 0
    for i in order:
        n = words(sentences[i])
        if used + n <= budget:
            chosen.append(i)
            used += n
    return chosen


class _Tok:
    """A word tokenizer for sumy's Sentence that needs no NLTK data download."""

    language = "english"

    @staticmethod
    def to_words(text: str) -> tuple[str, ...]:
        return tuple(re.findall(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)?", text))


def sumy_system(
    make: Callable[[], object],
) -> Callable[[list[tuple[str, list[str]]], int], list[str]]:
    def run(docs: list[tuple[str, list[str]]], budget: int) -> list[str]:
        flat = [s for _name, body in docs for s in body]
        doc = ObjectDocumentModel(
            [Paragraph([SumySentence(s, _Tok()) for s in body]) for _n, body in docs]
        )
        summarizer = make()

        def budget_count(infos):  # sumy passes sentences sorted by rating, best first
            chosen, used = [], 0
            for info in infos:
                n = words(str(info.sentence))
                if used + n <= budget:
                    chosen.append(info)
                    used += n
            return chosen

        picked = summarizer(doc, budget_count)  # type: ignore[operator]
        texts = [str(s) for s in picked]
        # sumy returns them in document order already
        return [t for t in texts if t in set(flat)]

    return run


def lexrank() -> LexRankSummarizer:
    s = LexRankSummarizer(Stemmer("english"))
    s.stop_words = get_stop_words("english")
    return s


def textrank() -> TextRankSummarizer:
    s = TextRankSummarizer(Stemmer("english"))
    s.stop_words = get_stop_words("english")
    return s


def lead_round_robin(docs: list[tuple[str, list[str]]], budget: int) -> list[str]:
    flat, order = [], []
    pos: list[list[int]] = []
    for _name, body in docs:
        pos.append(list(range(len(flat), len(flat) + len(body))))
        flat.extend(body)
    depth = max((len(p) for p in pos), default=0)
    for d in range(depth):
        order.extend(p[d] for p in pos if d < len(p))
    chosen = fit(flat, order, budget)
    return [flat[i] for i in chosen]


def lead_first(docs: list[tuple[str, list[str]]], budget: int) -> list[str]:
    body = docs[0][1] if docs else []
    return [body[i] for i in fit(body, list(range(len(body))), budget)]


def build_story(docs: list[tuple[str, list[str]]], nlp, sid: str) -> Story:
    arts = []
    for name, body in docs:
        text = " ".join(body)
        clean = CleanArticle(id=name, raw=text, text=text, paragraphs=[(0, len(text))])
        sents, pos = [], 0
        for s in body:
            sents.append(Sentence(name, pos, pos + len(s), s, 0))
            pos += len(s) + 1
        doc = nlp(text)
        arts.append(
            AnnotatedArticle(
                clean, sentences=sents, dates=extract_dates(doc, name, None), words=words(text)
            )
        )
    story = Story(sid, arts)
    infer_story_dates(story)
    return story


# --------------------------------------------------------------------------- main


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--words", type=int, default=100, help="length bound for every system")
    ap.add_argument(
        "--refs", type=Path, default=REFS, help="folder of <topic>_<ecb|ecbplus>.txt references"
    )
    ap.add_argument("--detail", action="store_true", help="per-subtopic ROUGE-2 and the summaries")
    ap.add_argument(
        "--no-minilm",
        dest="minilm",
        action="store_false",
        help="skip newsprism with MiniLM embeddings",
    )
    args = ap.parse_args()

    options = load_options(progress=False, summary_words=args.words)
    nlp = load_pipeline(options)
    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=True)
    systems: dict[str, Callable[[list[tuple[str, list[str]]], int], list[str]]] = {
        "LexRank (sumy)": sumy_system(lexrank),
        "TextRank (sumy)": sumy_system(textrank),
        "lead (round-robin)": lead_round_robin,
        "lead (first article)": lead_first,
    }
    embedder = load_embedder(options.with_overrides(embeddings="minilm")) if args.minilm else None
    names = ["newsprism", *(["newsprism + MiniLM"] if embedder else []), *systems]
    scores: dict[str, dict[str, list[float]]] = {n: defaultdict(list) for n in names}
    boiler: dict[str, int] = defaultdict(int)
    verbatim_ok = verbatim_all = 0
    cited_multi = 0
    detail: list[tuple[str, dict[str, float]]] = []
    outputs: dict[str, dict[str, list[str]]] = {}
    refs = sorted(args.refs.glob("*.txt"))
    console = Console()
    for ref_path in refs:
        m = re.match(r"(\d+)_(ecb|ecbplus)$", ref_path.stem)
        if not m:
            continue
        topic, kind = int(m.group(1)), m.group(2)
        docs = load_subtopic(topic, kind)
        ref = ref_path.read_text(encoding="utf-8").strip()
        story = build_story(docs, nlp, ref_path.stem)
        texts = {a.source_id: a.article.text for a in story.articles}
        variants = {"newsprism": summarize(story, options)}
        if embedder is not None:
            variants["newsprism + MiniLM"] = summarize(story, options, embedder=embedder)
        got: dict[str, list[str]] = {}
        for variant, summary in variants.items():
            for s in summary:
                verbatim_all += 1
                first = s.citations[0]
                ok = texts[first.source_id][first.start : first.end] == s.text and all(
                    0 <= c.start < c.end <= len(texts[c.source_id]) for c in s.citations
                )
                verbatim_ok += int(ok)
                cited_multi += int(len({c.source_id for c in s.citations}) > 1)
            got[variant] = [s.text for s in summary]
        for name, run in systems.items():
            got[name] = run(docs, args.words)
        row: dict[str, float] = {}
        for name in names:
            text = " ".join(got[name])
            assert words(text) <= args.words, (name, words(text))
            sc = scorer.score(ref, text)
            for key in ("rouge1", "rouge2", "rougeL"):
                scores[name][key].append(sc[key].fmeasure)
            scores[name]["words"].append(words(text))
            boiler[name] += sum(bool(BOILER.search(t)) for t in got[name])
            row[name] = sc["rouge2"].fmeasure
        detail.append((f"{ref_path.stem} ({len(docs)} docs)", row))
        outputs[ref_path.stem] = got

    def mean(xs: list[float]) -> float:
        return sum(xs) / len(xs) if xs else 0.0

    table = Table(
        title=f"ECB+ multi-document summaries ({args.refs.name}): {len(detail)} subtopics, "
        f"<= {args.words} words, ROUGE F1"
    )
    table.add_column("system")
    for col in ("ROUGE-1", "ROUGE-2", "ROUGE-L", "words", "boilerplate sents"):
        table.add_column(col, justify="right")
    for name in names:
        table.add_row(
            name,
            f"{mean(scores[name]['rouge1']):.4f}",
            f"{mean(scores[name]['rouge2']):.4f}",
            f"{mean(scores[name]['rougeL']):.4f}",
            f"{mean(scores[name]['words']):.1f}",
            str(boiler[name]),
        )
    console.print(table)
    share = verbatim_ok / verbatim_all if verbatim_all else 0.0
    console.print(
        f"newsprism (all variants): {verbatim_ok}/{verbatim_all} summary sentences verbatim at their cited span "
        f"({share:.0%}); {cited_multi} cite more than one source"
    )
    if args.detail:
        per = Table(title="ROUGE-2 F1 per subtopic")
        per.add_column("subtopic")
        for name in names:
            per.add_column(name, justify="right")
        for label, row in detail:
            best = max(row.values())
            per.add_row(
                label,
                *(
                    f"[bold]{row[n]:.3f}[/bold]" if row[n] == best else f"{row[n]:.3f}"
                    for n in names
                ),
            )
        console.print(per)
        for sub, got in outputs.items():
            console.rule(sub)
            for name in ("newsprism", "LexRank (sumy)"):
                console.print(f"[bold]{name}[/bold]: " + " ".join(got[name]))


if __name__ == "__main__":
    main()
