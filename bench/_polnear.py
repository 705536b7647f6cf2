"""PolNeAR (Newell, Margolin & Ruths, LREC 2018) read in place from ../shared/data/polnear:
brat standoff attributions (Source, Cue, Content spans) next to each article's text."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from newsprism.model import Quote

if TYPE_CHECKING:
    from spacy.tokens import Doc

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "polnear"

Spans = list[tuple[int, int]]


@dataclass
class Attr:
    cue: Spans = field(default_factory=list)
    source: Spans = field(default_factory=list)
    content: Spans = field(default_factory=list)
    direct: bool = False


def parse_ann(path: Path) -> list[Attr]:
    """Gold attributions from a brat standoff file (Attribution events)."""
    spans: dict[str, tuple[str, Spans]] = {}
    events: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("T"):
            parts = line.split("\t")
            if len(parts) < 2:
                continue
            kind, _, offs = parts[1].partition(" ")
            frags: Spans = []
            for frag in offs.split(";"):
                a, _, b = frag.strip().partition(" ")
                if a.isdigit() and b.isdigit():
                    frags.append((int(a), int(b)))
            spans[parts[0]] = (kind, frags)
        elif line.startswith("E"):
            events.append(line.split("\t", 1)[1])
    out: list[Attr] = []
    for ev in events:
        attr = Attr()
        for arg in ev.split():
            role, _, tid = arg.partition(":")
            if tid not in spans:
                continue
            kind, frags = spans[tid]
            if role.startswith("Cue"):
                attr.cue.extend(frags)
            elif role.startswith("Source"):
                attr.source.extend(frags)
            elif role.startswith("Content"):
                attr.content.extend(frags)
        if attr.content or attr.cue:
            out.append(attr)
    return out


def load_split(split: str, limit: int | None) -> list[tuple[str, str, list[Attr]]]:
    base = DATA / split
    docs: list[tuple[str, str, list[Attr]]] = []
    seen: set[str] = set()
    for ann in sorted((base / "attributions").glob("*.ann")):
        name = re.sub(r"_[0-9a-f]{4}$", "", ann.stem)
        if name in seen:  # several annotators: keep the first, as one gold standard
            continue
        txt = base / "text" / f"{name}.txt"
        if not txt.exists():
            continue
        seen.add(name)
        docs.append((name, txt.read_text(encoding="utf-8"), parse_ann(ann)))
        if limit and len(docs) >= limit:
            break
    return docs


def parsed_split(split: str, limit: int | None, cache: Path | None
                 ) -> tuple[list[tuple[str, str, list[Attr]]], list[Doc]]:
    """The split's articles and their parses; with ``cache``, parses are kept there as a DocBin
    (one file per split and limit) and read back on the next run."""
    from spacy.tokens import DocBin

    from newsprism.annotate import load_pipeline
    from newsprism.options import load_options

    docs = load_split(split, limit)
    nlp = load_pipeline(load_options(progress=False))
    path = cache / f"polnear-{split}-{limit or 'all'}.spacy" if cache else None
    if path is not None and path.exists():
        parsed = list(DocBin().from_disk(path).get_docs(nlp.vocab))
        if len(parsed) == len(docs) and all(d.text == t for d, (_, t, _) in zip(parsed, docs, strict=True)):
            return docs, parsed
    parsed = list(nlp.pipe((t for _, t, _ in docs), batch_size=16))
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        bin_ = DocBin(store_user_data=True)
        for d in parsed:
            bin_.add(d)
        bin_.to_disk(path)
    return docs, parsed


def attrs_from_quotes(quotes: Iterable[Quote]) -> list[Attr]:
    """newsprism's body attributions as PolNeAR-style records: quotations sharing one cue are
    one attribution with several content pieces (as are a quote's ``parts``)."""
    groups: dict[tuple[int, int] | int, Attr] = {}
    for i, q in enumerate(quotes):
        if q.origin != "body":
            continue
        key: tuple[int, int] | int = (q.cue_start, q.cue_end) if q.cue_start is not None and q.cue_end is not None else i
        attr = groups.setdefault(key, Attr())
        if q.cue_start is not None and q.cue_end is not None and not attr.cue:
            attr.cue.append((q.cue_start, q.cue_end))
        if q.source_start is not None and q.source_end is not None and (q.source_start, q.source_end) not in attr.source:
            attr.source.append((q.source_start, q.source_end))
        attr.content.append((q.start, q.end))
        attr.content.extend(q.parts)
        attr.direct = attr.direct or q.kind == "direct"
    return list(groups.values())


STRIP = "\"'“”‘’«»`.,;:!?()[]—–- \n\t"


def _norm(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a] in STRIP:
        a += 1
    while b > a and text[b - 1] in STRIP:
        b -= 1
    return a, b


def _overlaps(s: tuple[int, int], others: Iterable[tuple[int, int]]) -> bool:
    return any(s[0] < o[1] and o[0] < s[1] for o in others)


@dataclass
class Counts:
    ex_tp_p: int = 0
    ex_tp_g: int = 0
    ov_tp_p: int = 0
    ov_tp_g: int = 0
    n_pred: int = 0
    n_gold: int = 0
    sh_p: int = 0
    sh_g: int = 0
    len_p: int = 0
    len_g: int = 0

    def add(self, text: str, pred: Spans, gold: Spans) -> None:
        pred = [s for s in pred if s[1] > s[0]]
        gold = [s for s in gold if s[1] > s[0]]
        gn = {_norm(text, *g) for g in gold}
        pn = {_norm(text, *p) for p in pred}
        self.n_pred += len(pred)
        self.n_gold += len(gold)
        self.ex_tp_p += sum(1 for p in pred if _norm(text, *p) in gn)
        self.ex_tp_g += sum(1 for g in gold if _norm(text, *g) in pn)
        self.ov_tp_p += sum(1 for p in pred if _overlaps(p, gold))
        self.ov_tp_g += sum(1 for g in gold if _overlaps(g, pred))
        # proportional overlap on merged (non-double-counted) character sets
        pc = _chars(pred)
        gc = _chars(gold)
        inter = len(pc & gc)
        self.sh_p += inter
        self.sh_g += inter
        self.len_p += len(pc)
        self.len_g += len(gc)

    def prf(self, which: str) -> tuple[float, float, float]:
        if which == "exact":
            p = self.ex_tp_p / self.n_pred if self.n_pred else 0.0
            r = self.ex_tp_g / self.n_gold if self.n_gold else 0.0
        elif which == "overlap":
            p = self.ov_tp_p / self.n_pred if self.n_pred else 0.0
            r = self.ov_tp_g / self.n_gold if self.n_gold else 0.0
        else:
            p = self.sh_p / self.len_p if self.len_p else 0.0
            r = self.sh_g / self.len_g if self.len_g else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f


def _chars(spans: Spans) -> set[int]:
    out: set[int] = set()
    for a, b in spans:
        out.update(range(a, b))
    return out
