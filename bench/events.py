"""Whole briefings on real multi-outlet events (ECB+ subtopics) against event-level gold.

Run from the repository root:  python bench/events.py [--events N] [--only 3_ecbplus,8_ecbplus]

Gold: ``bench/data/events/dev/*.json`` (ECB+ topics 1-35), ``bench/data/events/fresh/*.json``
(more events of topics 1-35, labelled in session 10 before anything was tuned on them: their first
run is a held-out number) and ``bench/data/events/blind/*.json``
(test topics labelled at the very end; may be empty), format and labelling rules in
``bench/data/events/README.md``. The articles are read in place from
``../shared/data/ecbplus/ECBplus_xml.tar.gz`` (``bench/_ecbplus.py``).
A third set, the held-out WikiRef gold (``--wikiref-gold DIR``; no longer kept in the repository,
see ``bench/data/events/README.md``): two 2014-2015 events (the Paris attacks, MH370), six WikiRef
articles each from other outlets, read in place from
``../shared/data/wikiref/wikiref.tar.gz`` by the reader ``_wikiref.py`` kept beside that gold (cp1252,
line ends made ``\n``).
Its input is the article body as the file gives it (paragraphs, not one sentence per line) without
the headline line; meta adds the headline as ``title`` (no document has a date or outlet). Its
event date is scored on every event although no document has a ``published`` date.
A fourth set, ``DIR/wikiref_dev/*.json`` (outside the repository too): more WikiRef events
(2011-2013), the same loader and scoring, printed apart: the tuning set from other outlets (``wikiref`` stays held out).

Input to every system, per document: its body as ONE SENTENCE PER LINE, as ECB+ gives it (tokens
re-joined by ``_ecbplus.detok``; the realistic hard case of scraped/exported news). URL lines
and the leading header lines (headline, dateline: lines before the first line ending in . ! ? or
a closing quote) are dropped. Two settings:
- bare: ``Article(id, text)`` only: no title, date or outlet;
- meta: the same text plus ``title``, ``published`` and ``outlet`` from the gold ``doc_meta``.
``newsprism.briefing.build_briefing`` runs once per event and setting (spaCy loaded once).

Scores (per event, then pooled; dev and blind printed apart):
- figures: a gold figure is found by locating its ``context`` (else its ``text``) in the cleaned
  article text; a system figure matches it when their spans overlap. toll recall = gold
  ``event_toll`` figures matched by a system figure marked ``about_event`` (gold figures of
  headline lines are not in the body text: counted apart as "not in body"); background as event =
  share of gold non-toll figures matched by an ``about_event`` system figure (over the non-toll
  figures the system extracted at all, and over all); false conflicts = reconciled rows with
  ``conflict`` that are not a disagreement between gold toll figures of different values.
- event date within one day of the gold (only on events where some document has a ``published``
  date: the ECB-only events carry no date at all); the misses are split into wrong (a day more
  than one day off) and missing (no day-precise date: none, or a month only). Of the missing,
  what the briefing does state of the day (``story.event_date_stated``: a month-day and/or a
  weekday when no source gives a year) is scored "right where stated": month-day right (within
  a day, any year), weekday only right, or wrong (a stated part disagrees with the gold).
- title acceptable: hits at least one word of every ``title_concepts`` group; overlap = F1 of
  content words with the gold title.
- dispute holder precision: system holders (all sides of all contradictions) that share a content
  word with a gold holder, on events with a gold dispute; recall: gold holders matched so by a
  system holder; dispute found (any) and with gold holders of both gold sides on two system
  sides; disputes on events without a gold dispute; the wrong side (``dispute_scores``): a system
  side is mapped to the gold side most of its holders match, and a holder, or an evidence
  sentence naming (as a speaker) only holders of other gold sides, filed under it is on the wrong side.
  All of these count the confident disputes only; low-confidence disputes (shown apart in the
  report) are counted in a column of their own.
- named speaker: gold quotes whose article names the speaker; a system quote in the same document
  whose text contains the gold fragment (normalised) is found; its speaker is right when it
  contains the gold speaker's last word, or its content words are all in the gold speaker's.
- summary: first 100 words; ROUGE-2 F1 (rouge-score, Porter stemming) against the gold summary;
  key facts covered: a fact is covered when at least 60% of its content words (lower-cased, stop
  words removed, compared on their first 5 letters) occur in the summary; first sentence states
  the event: it hits every ``title_concepts`` group.
- entities: alias groups merged (groups with >= 2 forms seen among entity names/aliases: all seen
  forms in one entity), wrong merges (a ``not_same`` pair in one entity), main participants among
  the first 8 entities (name or alias equal, or the participant's words all in it), junk among the
  first 20.
Baselines beside, in the same run: earliest ``published`` date (meta only); the first headline
(meta) or the first article's first line (bare) as title; quantulum3 (every number it finds, all
counted as toll); lead (first sentences round-robin), sumy LexRank and TextRank for the summary
(``bench/summary.py``'s systems); textacy ``direct_quotations`` for speakers.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import warnings
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from _ecbplus import subtopic_sentences
from _table import print_table
from quantulum3 import classifier as qclassifier
from quantulum3 import parser as qparser
from rouge_score import rouge_scorer
from summary import lead_round_robin, lexrank, sumy_system, textrank
from textacy.extract.triples import direct_quotations

from newsprism.annotate import load_pipeline
from newsprism.briefing import build_briefing
from newsprism.model import Article, Briefing
from newsprism.options import load_options

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "bench" / "data" / "events"
WORDS = 100
STOP = set(
    "a an the of in on at to for from by with and or but is are was were be been has have had it its "
    "his her their this that these those as after before into over about than who which what when "
    "where said says will would could not no he she they we i you our".split()
)
_END = re.compile(r"[.!?][\"'”’)]*$")


def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


def content(text: str) -> set[str]:
    return {w[:5] for w in words(text) if w not in STOP}


def body_lines(sentences: list[str]) -> list[str]:
    """Drop URL lines and the header lines before the first sentence-final line."""
    lines = [s for s in sentences if s and not s.lower().startswith("http")]
    first = next((i for i, s in enumerate(lines) if _END.search(s)), len(lines))
    return lines[first:]


@dataclass
class Event:
    gold: dict
    texts: dict[str, str]  # doc -> body text, one sentence per line
    briefing: dict[str, Briefing] = field(default_factory=dict)  # setting -> briefing


def load_events(folder: Path, only: set[str] | None, limit: int | None) -> list[Event]:
    events = []
    for path in sorted(folder.glob("*.json"), key=lambda p: (int(p.stem.split("_")[0]), p.stem)):
        gold = json.loads(path.read_text(encoding="utf-8"))
        if only and gold["event"] not in only:
            continue
        docs = dict(subtopic_sentences(gold["topic"], gold["subtopic"]))
        texts = {d: "\n".join(body_lines(docs[d])) for d in gold["docs"] if d in docs}
        events.append(Event(gold, texts))
        if limit and len(events) >= limit:
            break
    return events


def load_wikiref_events(folder: Path, only: set[str] | None, limit: int | None) -> list[Event]:
    """Events of the WikiRef gold: each document's body (the file after its headline line).
    The gold and its reader (``_wikiref.py``, which opens ../shared/data/wikiref in place) are kept
    outside the repository (WikiRef states no licence): a maintainer passes their folder."""
    events = []
    paths = sorted(folder.glob("*.json")) if folder.is_dir() else []
    if only:
        paths = [p for p in paths if p.stem in only]
    if not paths:
        return events
    reader = next((d for d in (folder, folder.parent) if (d / "_wikiref.py").is_file()), None)
    if reader is None:
        print(f"{folder}: WikiRef gold without its reader _wikiref.py beside it; skipped")
        return events
    sys.path.insert(0, str(reader))
    from _wikiref import read_gold
    for path in paths:
        if only and path.stem not in only:
            continue
        gold, bodies = read_gold(path)
        events.append(Event(gold, {d: bodies[d][1] for d in gold["docs"] if d in bodies}))
        if limit and len(events) >= limit:
            break
    return events


def articles(ev: Event, meta: bool) -> list[Article]:
    out = []
    for doc, text in ev.texts.items():
        m = ev.gold["doc_meta"].get(doc, {}) if meta else {}
        out.append(Article(id=doc, text=text, title=m.get("title"), outlet=m.get("outlet"),
                           published=m.get("published")))
    return out


# --------------------------------------------------------------------------- figures


def locate(text: str, fig: dict) -> tuple[int, int] | None:
    """Span of a gold figure in a (cleaned) text: its context first, then its surface."""
    for probe in (fig["context"], re.sub(r"\s+", " ", fig["context"])):
        i = text.find(probe)
        if i >= 0:
            j = probe.find(fig["text"])
            return i + j, i + j + len(fig["text"])
    flat = text.replace("\n", " ")
    i = flat.find(fig["context"])
    if i >= 0:
        j = fig["context"].find(fig["text"])
        return i + j, i + j + len(fig["text"])
    i = text.find(fig["text"])
    return (i, i + len(fig["text"])) if i >= 0 else None


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


@dataclass
class FigScore:
    toll: int = 0
    toll_hit: int = 0
    background: int = 0
    bg_extracted: int = 0
    bg_as_event: int = 0
    unlocated: int = 0
    conflicts: int = 0
    false_conflicts: int = 0


def score_figures(gold: dict, texts: dict[str, str],
                  system: list[tuple[str, tuple[int, int], bool, str]],
                  conflicts: list[list[str]] | None) -> FigScore:
    """system: (doc, span, about_event, figure id)."""
    sc = FigScore()
    by_doc: dict[str, list[tuple[tuple[int, int], bool, str]]] = defaultdict(list)
    for doc, span, about, fid in system:
        by_doc[doc].append((span, about, fid))
    gold_of: dict[str, dict] = {}
    for fig in gold["figures"]:
        span = locate(texts.get(fig["doc"], ""), fig)
        if span is None:
            sc.unlocated += 1
            continue
        hits = [(about, fid) for s, about, fid in by_doc[fig["doc"]] if overlaps(s, span)]
        for _about, fid in hits:
            gold_of[fid] = fig
        as_event = any(about for about, _ in hits)
        if fig["event_toll"]:
            sc.toll += 1
            sc.toll_hit += as_event
        else:
            sc.background += 1
            sc.bg_extracted += bool(hits)
            sc.bg_as_event += as_event
    for ids in conflicts or []:
        sc.conflicts += 1
        figs = [gold_of.get(i) for i in ids]
        real = (all(f is not None and f["event_toll"] for f in figs)
                and len({f["value"] for f in figs if f is not None}) > 1)
        sc.false_conflicts += not real
    return sc


def newsprism_figures(b: Briefing) -> tuple[list, list[list[str]]]:
    figs = [(f.source_id, (f.start, f.end), f.about_event, f.id) for f in b.figures]
    conflicts = [r.figure_ids for r in b.reconciled_figures if r.conflict]
    return figs, conflicts


def quantulum_figures(texts: dict[str, str]) -> list:
    # quantulum3's bundled unit classifier is a pickle that today's scikit-learn cannot load;
    # without it quantulum3 disambiguates units by its own rules (numbers are found the same way)
    qclassifier.USE_CLF = False
    out = []
    for doc, text in texts.items():
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            quants = qparser.parse(text)
        out.extend((doc, q.span, True, f"{doc}:{q.span[0]}") for q in quants)
    return out


# --------------------------------------------------------------------------- frame


def date_ok(system: str | None, gold: str) -> bool:
    if not system or len(system) < 10:
        return False
    try:
        return abs((date.fromisoformat(system[:10]) - date.fromisoformat(gold)).days) <= 1
    except ValueError:
        return False


def stated_right(stated, gold: str) -> str:
    """How a partial event date (``Story.event_date_stated``: the parts of the day the sources
    state when no full date can be given, e.g. a month-day and a weekday without a year) agrees
    with the gold day: "month-day" when its month and day are within a day of the gold's (any
    year) and nothing else it states disagrees; "weekday" when it states only a weekday (or a
    month and a weekday) and they are the gold's; "wrong" when a stated part disagrees; "" when
    nothing is stated."""
    if stated is None:
        return ""
    g = date.fromisoformat(gold)
    if stated.year is not None and stated.year != g.year:
        return "wrong"
    if stated.weekday is not None and stated.weekday != g.strftime("%A"):
        return "wrong"
    if stated.month is not None and stated.day is not None:
        near = {(g + timedelta(days=k)).timetuple()[1:3] for k in (-1, 0, 1)}
        return "month-day" if (stated.month, stated.day) in near else "wrong"
    if stated.month is not None and stated.month != g.month:
        return "wrong"
    return "weekday" if stated.weekday is not None else ""


def dated(gold: dict) -> bool:
    return any(m.get("published") for m in gold["doc_meta"].values())


def earliest_published(gold: dict) -> str | None:
    days = sorted(m["published"] for m in gold["doc_meta"].values() if m.get("published"))
    return days[0] if days else None


def hits_concepts(text: str, groups: list[list[str]]) -> bool:
    low = " " + " ".join(words(text)) + " "
    return all(any(f" {' '.join(words(w))} " in low for w in group) for group in groups)


def overlap_f1(a: str, b: str) -> float:
    x, y = content(a), content(b)
    if not x or not y:
        return 0.0
    common = len(x & y)
    return 2 * common / (len(x) + len(y))


# --------------------------------------------------------------------------- voices


def norm(text: str) -> str:
    return " ".join(words(text))


def speaker_right(system: str | None, gold: str) -> bool:
    if not system:
        return False
    sys_words, gold_words = words(system), words(gold)
    if gold_words and gold_words[-1] in sys_words:
        return True
    sc = content(system)
    return bool(sc) and sc <= content(gold)


def score_speakers(gold: dict, found: dict[str, list[tuple[str, str | None]]]) -> tuple[int, int, int]:
    """(named gold quotes, found, speaker right); found: doc -> [(quote text, speaker)]."""
    n = hit = right = 0
    for q in gold["quotes"]:
        if not q["named"]:
            continue
        n += 1
        frag = norm(q["text"])
        cands = [spk for text, spk in found.get(q["doc"], []) if frag and frag in norm(text)]
        if cands:
            hit += 1
            right += any(speaker_right(s, q["speaker"]) for s in cands)
    return n, hit, right


def textacy_quotes(ev: Event, nlp, bailed: list[str]) -> dict[str, list[tuple[str, str | None]]]:
    """textacy refuses a whole document with an odd number of quotation marks: such a document
    is then read line by line (lines it still refuses are named in ``bailed``)."""

    def run(doc) -> list[tuple[str, str | None]]:
        return [(" ".join(t.text for t in dq.content),
                 " ".join(t.text for t in dq.speaker) if dq.speaker else None)
                for dq in direct_quotations(doc)]

    out: dict[str, list[tuple[str, str | None]]] = {}
    for doc_id, doc in zip(ev.texts, nlp.pipe(ev.texts.values()), strict=True):
        try:
            out[doc_id] = run(doc)
        except ValueError:
            out[doc_id] = []
            for k, line_doc in enumerate(nlp.pipe(ev.texts[doc_id].split("\n"))):
                try:
                    out[doc_id].extend(run(line_doc))
                except ValueError:
                    bailed.append(f"{doc_id}:{k}")
    return out


def holder_precision(gold: dict, b: Briefing) -> tuple[int, int]:
    if not gold.get("dispute"):
        return 0, 0
    gold_holders = [content(h) for s in gold["dispute"]["sides"] for h in s["holders"]]
    holders = [h for c in b.contradictions for s in c.sides for h in s.holders]
    good = sum(1 for h in holders if any(content(h) & g for g in gold_holders))
    return len(holders), good


def _holder_words(name: str) -> set[str]:
    """A system holder's content words without its role ("X (spokesman)")."""
    return content(re.sub(r"\s*\([^)]*\)\s*$", "", name))


def _gold_side_of(words_: set[str], sides: list[list[set[str]]]) -> set[int]:
    return {k for k, hs in enumerate(sides) if any(words_ & g for g in hs)}


_SAYS = re.compile(
    r"\b(?:said|says|say|told|tells|stated|added|claimed|claims|insisted|argued|believes?|alleged|"
    r"according\s+to|report(?:ed|s|ing)|statement|den(?:y|ies|ied)|reject\w*|disput\w*|dismiss\w*|"
    r"accus\w*|blam\w*|innocen\w*|guilty|doubt\w*|scepticism|skepticism|refused)\b", re.I)


_ACCORDING = re.compile(r"\baccording\s+to\s+([^,;.]+)", re.I)
SPEAKER_WORDS_BEFORE, SPEAKER_WORDS_AFTER = 6, 4


def _speaker_words(sentence: str) -> set[str]:
    """The words where a speaker of the sentence can stand: the phrase after "according to",
    the words just before each other reporting or stance word ("X, through his lawyer, denied")
    and just after one that follows what was said ('"...," said X'). "According to the Tribune,
    Jackson was stopped" and "X is reporting that Jackson was stopped" name the Tribune and X
    as speakers, not Jackson."""
    have: set[str] = set()
    for m in _SAYS.finditer(sentence):
        acc = _ACCORDING.match(sentence, m.start())
        if acc:
            have.update(words(acc.group(1)))
            continue
        have.update(words(sentence[: m.start()])[-SPEAKER_WORDS_BEFORE:])
        if sentence[: m.start()].rstrip().endswith((",", '"', "”", "'", "’")):  # '..., said X'
            have.update(words(sentence[m.end():])[:SPEAKER_WORDS_AFTER])
    return have


def _named_sides(sentence: str, sides: list[dict]) -> set[int]:
    """Gold sides whose holder the sentence names as a speaker (next to a reporting or stance
    word, :func:`_speaker_words`): all the holder's content words as whole words, or a name's
    last word ("Ross" for "Gary Ross"). A sentence that only names the person it is about
    holds nothing."""
    have = _speaker_words(sentence)
    if not have:
        return set()
    out = set()
    for k, s in enumerate(sides):
        for h in s["holders"]:
            ws = [w for w in words(h) if w not in STOP]
            if ws and (set(ws) <= have or (h[:1].isupper() and len(ws) > 1 and ws[-1] in have)):
                out.add(k)
    return out


def dispute_scores(gold: dict, b: Briefing) -> dict[str, int]:
    """Holder precision and recall against the gold dispute holders, events with a gold dispute
    where a dispute was found (with a gold holder on each of two sides), disputes on events
    with none, and the wrong side: a system side is mapped to the gold side most of its holders
    match; a holder, or an evidence sentence naming only holders of other gold sides, filed
    under it is on the wrong side. Every score counts the confident disputes only; the
    low-confidence ones (shown apart in the report) are counted apart: on events with a gold
    dispute (``low``, ``low_ok`` of ``low_n`` holders matching a gold holder) and without
    (``low_spurious``)."""
    out = dict.fromkeys(("n", "ok", "gold", "recalled", "events", "found", "matched", "spurious",
                         "ev", "ev_wrong", "h_wrong", "low", "low_n", "low_ok", "low_spurious"), 0)
    texts = {a.article.id: a.article.text for a in b.story.articles}
    low = [c for c in b.contradictions if getattr(c, "confidence", "high") == "low"]
    contradictions = [c for c in b.contradictions if c not in low]
    if not gold.get("dispute"):
        out["spurious"] = len(contradictions)
        out["low_spurious"] = len(low)
        return out
    out["low"] = len(low)
    low_holders = [h for c in low for s in c.sides for h in s.holders]
    out["low_n"] = len(low_holders)
    out["low_ok"] = sum(1 for h in low_holders if any(_holder_words(h) & content(g)
                                                      for s in gold["dispute"]["sides"] for g in s["holders"]))
    out["events"] = 1
    out["found"] = int(bool(contradictions))
    sides = [[content(h) for h in s["holders"]] for s in gold["dispute"]["sides"]]
    gold_holders = [g for hs in sides for g in hs]
    holders = [h for c in contradictions for s in c.sides for h in s.holders]
    out["n"] = len(holders)
    out["ok"] = sum(1 for h in holders if any(_holder_words(h) & g for g in gold_holders))
    out["gold"] = len(gold_holders)
    out["recalled"] = sum(1 for g in gold_holders if any(_holder_words(h) & g for h in holders))
    for c in contradictions:
        mapped: list[int | None] = []
        for s in c.sides:
            votes = [0] * len(sides)
            for h in s.holders:
                for k in _gold_side_of(_holder_words(h), sides):
                    votes[k] += 1
            best = max(range(len(sides)), key=lambda k: votes[k])
            mapped.append(best if votes[best] > 0 and votes.count(votes[best]) == 1 else None)
        if len({m for m in mapped if m is not None}) >= 2:
            out["matched"] = 1
        for s, m in zip(c.sides, mapped, strict=True):
            if m is None:
                continue
            for h in s.holders:
                of = _gold_side_of(_holder_words(h), sides)
                out["h_wrong"] += bool(of) and m not in of
            for sp in s.evidence:
                out["ev"] += 1
                named = _named_sides(texts.get(sp.source_id, "")[sp.start:sp.end], gold["dispute"]["sides"])
                out["ev_wrong"] += bool(named) and m not in named
    return out


# --------------------------------------------------------------------------- summary


def first_words(sentences: list[str], n: int = WORDS) -> str:
    return " ".join(" ".join(sentences).split()[:n])


def facts_covered(summary: str, facts: list[str]) -> int:
    have = content(summary)
    return sum(1 for f in facts if content(f) and len(content(f) & have) >= 0.6 * len(content(f)))


# --------------------------------------------------------------------------- entities


def entity_scores(gold: dict, b: Briefing) -> dict[str, int]:
    ents = [{e.name.lower(), *(a.lower() for a in e.aliases)} for e in b.story.entities]
    seen = set().union(*ents) if ents else set()
    g = gold["entities"]
    out = dict.fromkeys(("groups", "merged", "pairs", "wrong", "mains", "main_top8", "junk20"), 0)
    for group in g["alias_groups"]:
        forms = {f.lower() for f in group} & seen
        if len(forms) < 2:
            continue
        out["groups"] += 1
        out["merged"] += any(forms <= e for e in ents)
    for a, c in g["not_same"]:
        out["pairs"] += 1
        out["wrong"] += any(a.lower() in e and c.lower() in e for e in ents)

    def is_main(name: str, e: set[str]) -> bool:
        w = set(words(name))
        return name.lower() in e or any(w and w <= set(words(x)) for x in e)

    for m in g["main_participants"]:
        out["mains"] += 1
        out["main_top8"] += any(is_main(m, e) for e in ents[:8])
    junk = {j.lower() for j in g.get("junk", [])}
    out["junk20"] = sum(1 for e in b.story.entities[:20] if e.name.lower() in junk)
    return out


# --------------------------------------------------------------------------- run


def pct(a: float, b: float) -> str:
    return f"{a / b:.2f} ({a:g}/{b:g})" if b else "-"


def run_set(name: str, events: list[Event], nlp, options, date_always: bool = False) -> None:
    """date_always: score the event date on every event, not only those with a dated document."""
    if not events:
        print(f"\n== {name}: no events")
        return
    print(f"\n== {name}: {len(events)} events, {sum(len(e.texts) for e in events)} articles")
    rouge = rouge_scorer.RougeScorer(["rouge2"], use_stemmer=True)
    acc: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    per_event = []
    bailed: list[str] = []
    for ev in events:
        g = ev.gold
        briefs = {}
        for setting in ("bare", "meta"):
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                briefs[setting] = build_briefing(articles(ev, setting == "meta"), options, nlp)
        row = [g["event"]]
        texts_of = {s: {a.article.id: a.article.text for a in b.story.articles}
                    for s, b in briefs.items()}
        systems = {f"newsprism {s}": (texts_of[s], *newsprism_figures(b)) for s, b in briefs.items()}
        systems["quantulum3 (all = toll)"] = (ev.texts, quantulum_figures(ev.texts), None)
        for sysname, (texts, figs, conflicts) in systems.items():
            fs = score_figures(g, texts, figs, conflicts)
            a = acc["fig:" + sysname]
            for k, v in vars(fs).items():
                a[k] += v
            if sysname.startswith("newsprism"):
                row.append(f"{fs.toll_hit}/{fs.toll} {fs.bg_as_event}/{fs.background}")
        # frame
        titles = {f"newsprism {s}": b.story.title for s, b in briefs.items()}
        first_doc = next(iter(ev.texts))
        titles["first headline (meta)"] = next(
            (m["title"] for m in g["doc_meta"].values() if m.get("title")), "")
        titles["first line (bare)"] = ev.texts[first_doc].split("\n")[0]
        for sysname, t in titles.items():
            a = acc["title:" + sysname]
            a["n"] += 1
            a["ok"] += hits_concepts(t or "", g["title_concepts"])
            a["f1"] += overlap_f1(t or "", g["title"])
        dates = {f"newsprism {s}": b.story.event_date for s, b in briefs.items()}
        dates["earliest published (meta)"] = earliest_published(g)
        score_date = date_always or dated(g)
        if score_date:
            for sysname, d in dates.items():
                acc["date:" + sysname]["n"] += 1
                acc["date:" + sysname]["ok"] += date_ok(d, g["event_date"])
                if not date_ok(d, g["event_date"]):  # a wrong day costs more than none
                    acc["date:" + sysname]["wrong" if d and len(d) >= 10 else "missing"] += 1
                    if sysname.startswith("newsprism") and not (d and len(d) >= 10):
                        # no day: is what it does state of the day right?
                        how = stated_right(briefs[sysname.split()[-1]].story.event_date_stated,
                                           g["event_date"])
                        if how:
                            acc["date:" + sysname]["stated " + how] += 1
        row += [f"{'+' if date_ok(dates['newsprism bare'], g['event_date']) else '-'}"
                f"{'+' if date_ok(dates['newsprism meta'], g['event_date']) else '-'}"
                if score_date else "n/a",
                (briefs["meta"].story.title or "")[:48]]
        # voices and sides
        found = {}
        for s, b in briefs.items():
            qs: dict[str, list[tuple[str, str | None]]] = defaultdict(list)
            for q in b.quotes:
                qs[q.source_id].append((q.text, q.speaker))
            found[f"newsprism {s}"] = qs
            for k, v in dispute_scores(g, b).items():
                acc["holders:newsprism " + s][k] += v
        found["textacy direct_quotations"] = textacy_quotes(ev, nlp, bailed)
        for sysname, qs in found.items():
            n, hit, right = score_speakers(g, qs)
            a = acc["spk:" + sysname]
            a["n"] += n
            a["hit"] += hit
            a["right"] += right
        # summary
        docs = [(d, t.split("\n")) for d, t in ev.texts.items()]
        sums = {f"newsprism {s}": [x.text for x in b.summary] for s, b in briefs.items()}
        sums["lead"] = lead_round_robin(docs, WORDS)
        sums["LexRank"] = sumy_system(lexrank)(docs, WORDS)
        sums["TextRank"] = sumy_system(textrank)(docs, WORDS)
        for sysname, sents in sums.items():
            text = first_words(sents)
            a = acc["sum:" + sysname]
            a["n"] += 1
            a["r2"] += rouge.score(g["summary"], text)["rouge2"].fmeasure
            a["facts"] += facts_covered(text, g["key_facts"])
            a["nfacts"] += len(g["key_facts"])
            a["first"] += bool(sents) and hits_concepts(sents[0], g["title_concepts"])
        for s, b in briefs.items():
            for k, v in entity_scores(g, b).items():
                acc["ent:newsprism " + s][k] += v
        per_event.append(row)

    print_table(["event", "toll hit / bg as event (bare)", "(meta)", "date b/m", "title (meta)"],
                per_event)
    print("\nFigures (toll recall: gold event figures found and marked about the event; background "
          "as event: gold non-toll figures marked about the event)")
    print_table(
        ["system", "toll recall", "bg as event / extracted", "bg as event / all", "false conflicts",
         "not in body"],
        [[k[4:], pct(a["toll_hit"], a["toll"]), pct(a["bg_as_event"], a["bg_extracted"]),
          pct(a["bg_as_event"], a["background"]), f"{a['false_conflicts']:g}/{a['conflicts']:g}",
          f"{a['unlocated']:g}"] for k, a in acc.items() if k.startswith("fig:")])
    print("\nEvent date within a day (" + ("every event, although no document has a published "
          "date" if date_always else "events with a dated document") + ") and title")
    rows = [[k[5:], pct(a["ok"], a["n"]), pct(a["wrong"], a["n"]), pct(a["missing"], a["n"]),
             f"{a['stated month-day']:g} / {a['stated weekday']:g} / {a['stated wrong']:g}"
             if k.startswith("date:newsprism") else "", "", ""]
            for k, a in acc.items() if k.startswith("date:")]
    rows += [[k[6:], "", "", "", "", pct(a["ok"], a["n"]), f"{a['f1'] / a['n']:.2f}"]
             for k, a in acc.items() if k.startswith("title:")]
    print_table(["system", "date within 1 day", "date wrong (a day, off)",
                 "date missing (no day)", "of missing, stated: month-day right / weekday only "
                 "right / wrong", "title acceptable", "title overlap F1"], rows)
    print("\nSpeakers of quotes whose article names the speaker; dispute holders")
    rows = [[k[4:], pct(a["hit"], a["n"]), pct(a["right"], a["hit"]), pct(a["right"], a["n"])]
            for k, a in acc.items() if k.startswith("spk:")]
    print_table(["system", "quotes found", "speaker right / found", "speaker right / all"], rows)
    print(f"(textacy refused {len(bailed)} lines with an unclosed quotation)")
    print_table(["system", "holder precision", "holder recall", "events with a gold dispute",
                 "dispute found", "gold holders on 2 sides", "disputes on events without",
                 "holders on the wrong side", "evidence on the wrong side",
                 "low confidence: on gold events (holders right) / on events without"],
                [[k[8:], pct(a["ok"], a["n"]), pct(a["recalled"], a["gold"]), f"{a['events']:g}",
                  f"{a['found']:g}", f"{a['matched']:g}", f"{a['spurious']:g}",
                  pct(a["h_wrong"], a["n"]), pct(a["ev_wrong"], a["ev"]),
                  f"{a['low']:g} ({a['low_ok']:g}/{a['low_n']:g}) / {a['low_spurious']:g}"]
                 for k, a in acc.items() if k.startswith("holders:")])
    print("(every dispute column counts the confident disputes only; the low-confidence ones, shown "
          "apart in the report, are in the last column)")
    print(f"\nSummary at {WORDS} words")
    print_table(["system", "ROUGE-2 F1", "key facts covered", "first sentence states event"],
                [[k[4:], f"{a['r2'] / a['n']:.3f}", pct(a["facts"], a["nfacts"]),
                  pct(a["first"], a["n"])] for k, a in acc.items() if k.startswith("sum:")])
    print("\nEntities")
    print_table(["system", "alias groups merged", "wrong merges (not_same pairs)",
                 "main participants in first 8", "junk in first 20"],
                [[k[4:], pct(a["merged"], a["groups"]), f"{a['wrong']:g}/{a['pairs']:g}",
                  pct(a["main_top8"], a["mains"]), f"{a['junk20']:g}"]
                 for k, a in acc.items() if k.startswith("ent:")])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--events", type=int, default=None, help="only the first N events of each set")
    ap.add_argument("--only", default="", help="comma list of event ids, e.g. 3_ecbplus,8_ecbplus")
    ap.add_argument("--wikiref-gold", type=Path, default=GOLD / "wikiref",
                    help="folder of the held-out WikiRef event gold (kept outside the repository)")
    args = ap.parse_args()
    only = {x for x in args.only.split(",") if x} or None
    options = load_options(progress=False)
    nlp = load_pipeline(options)
    for name in ("dev", "fresh", "blind"):
        run_set(name, load_events(GOLD / name, only, args.events), nlp, options)
    run_set("wikiref", load_wikiref_events(args.wikiref_gold, only, args.events), nlp, options,
            date_always=True)
    run_set("wikiref_dev", load_wikiref_events(args.wikiref_gold / "wikiref_dev", only, args.events), nlp,
            options, date_always=True)


if __name__ == "__main__":
    main()
