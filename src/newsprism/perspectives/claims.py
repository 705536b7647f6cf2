"""Claims: statements that say the same thing, grouped across sources, with support counts.

Two statements are one claim when they have the same polarity and their propositions are
close in meaning: embedding cosine >= ``SAME_CLAIM_COS``, or >= ``SAME_CLAIM_COS_LEXICAL`` with
content-word overlap (Jaccard) >= ``SAME_CLAIM_JACCARD``. Grouping is single-link over those
pairs, restricted so a group never joins two statements below ``GROUP_FLOOR_COS`` (no chains
of loosely related sentences)."""

from __future__ import annotations

import re
import warnings
from collections import Counter
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from ..embed import Embedder, Vectors, cosine_matrix, gram
from ..language import STOP_WORDS
from ..model import AnnotatedArticle, Claim, Entity, Span
from .holders import HolderIndex
from .statements import Statement, extract_statements, fill_responsible

SAME_CLAIM_COS = 0.85
SAME_CLAIM_COS_LEXICAL = 0.70
SAME_CLAIM_JACCARD = 0.30
GROUP_FLOOR_COS = 0.45
MAX_STATEMENTS = 5000  # statements compared pairwise for grouping (memory and time are quadratic)

# TF-IDF cosines run far lower than MiniLM's for the same relation. One anchor maps them onto
# MiniLM's scale: on the FNC-1 tuning slice (bench/stance.py) the best "related" threshold was
# 0.075 for TF-IDF and 0.425 for MiniLM, so c -> c ** (ln 0.425 / ln 0.075) (monotone, 0 -> 0,
# 1 -> 1); every threshold in this package is stated on MiniLM's scale.
TFIDF_COS_EXPONENT = float(np.log(0.425) / np.log(0.075))


def calibrated(sim: np.ndarray, kind: str) -> np.ndarray:
    """Cosine similarities on MiniLM's scale, whatever the embedder."""
    if kind != "tfidf":
        return sim
    return np.power(np.clip(sim, 0.0, 1.0), TFIDF_COS_EXPONENT)


def calibrated_cosines(vectors: Vectors, kind: str) -> np.ndarray:
    """``calibrated(cosine_matrix(vectors, kind), kind)``; with sparse TF-IDF rows only the
    non-zero cosines are calibrated (0 stays 0), before the matrix is made dense."""
    if not sparse.issparse(vectors):
        return calibrated(cosine_matrix(vectors, kind), kind)
    products = (vectors @ vectors.T).tocsr()
    products.data = calibrated(products.data.astype(np.float32), kind)
    return products.toarray()


_TOKEN = re.compile(r"[a-z][a-z\-']+")


def content_words(text: str) -> set[str]:
    out = set()
    for w in _TOKEN.findall(text.lower()):
        if w in STOP_WORDS or len(w) < 3:
            continue
        w = re.sub(r"'s$", "", w)
        for suf in ("ing", "ed", "es", "s"):
            if w.endswith(suf) and len(w) - len(suf) >= 4:
                w = w[: -len(suf)]
                break
        out.add(w)
    return out


def jaccard(a: set[str], b: set[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


@dataclass
class StatementTable:
    """Every statement of the story with its embedding and content words, shared by claims and
    contradictions: build it once and pass it to both (each builds its own when given none)."""

    statements: list[Statement]
    vectors: Vectors  # proposition embeddings, one row per statement (sparse for TF-IDF)
    sentence_vectors: Vectors  # evidence-sentence embeddings
    words: list[set[str]]
    index: HolderIndex
    kind: str = "minilm"  # the embedder's kind (for calibrated similarities)

    def sim(self) -> np.ndarray:
        """Calibrated cosine between statement propositions."""
        return calibrated_cosines(self.vectors, self.kind)

    @classmethod
    def build(cls, articles: list[AnnotatedArticle], entities: list[Entity], embedder: Embedder) -> StatementTable:
        index = HolderIndex(entities, articles)
        per_article: list[tuple[AnnotatedArticle, list[Statement]]] = []
        texts: dict[str, str] = {}
        for art in articles:
            per_article.append((art, extract_statements(art, index, responsible=False)))
            texts[art.source_id] = art.article.text
        statements = _bounded([st for _, sts in per_article for st in sts])
        # who is responsible, only for the statements compared (a large story keeps a part)
        kept = {id(st) for st in statements}
        for art, sts in per_article:
            for st in sts:
                if id(st) in kept:
                    fill_responsible(st, art, index)
        if embedder.kind == "tfidf":
            embedder.fit([s.text for s in statements])
        vectors = embedder.vectors([s.text for s in statements])
        sentence_vectors = embedder.vectors([texts[s.source_id][s.sent_start : s.sent_end] for s in statements])
        words = [content_words(s.text) for s in statements]
        return cls(statements, vectors, sentence_vectors, words, index, embedder.kind)

    def same_claim(self, i: int, j: int, sim: np.ndarray) -> bool:
        a, b = self.statements[i], self.statements[j]
        if a.polarity != b.polarity or a.negated != b.negated or a.anaphoric or b.anaphoric:
            return False
        if a.source_id == b.source_id and a.start == b.start and a.end == b.end:
            return True  # the same clause taken by two passes (quote and evidence cue)
        c = float(sim[i, j])
        return c >= SAME_CLAIM_COS or (c >= SAME_CLAIM_COS_LEXICAL and jaccard(self.words[i], self.words[j]) >= SAME_CLAIM_JACCARD)


def _bounded(statements: list[Statement]) -> list[Statement]:
    """At most MAX_STATEMENTS statements are compared (the comparison is quadratic). Over the
    bound, the outlets' own-voice sentences go first (they only become claims when another
    source corroborates them), then the latest statements; a warning says how many were left."""
    if len(statements) <= MAX_STATEMENTS:
        return statements
    reported = [s for s in statements if s.kind != "own"]
    own = [s for s in statements if s.kind == "own"]
    kept_ids = {id(s) for s in (reported + own)[:MAX_STATEMENTS]}
    warnings.warn(
        f"{len(statements)} statements in the story; claims compare the first {MAX_STATEMENTS} "
        f"(reported and evidence statements before the outlets' own sentences)",
        stacklevel=3,
    )
    return [s for s in statements if id(s) in kept_ids]


def group_statements(table: StatementTable) -> list[list[int]]:
    """Groups of statement indices that make one claim each, in order of first appearance."""
    n = len(table.statements)
    sim = table.sim() if n else np.zeros((0, 0))
    groups: list[list[int]] = []
    group_of: dict[int, int] = {}
    span_first: dict[tuple[str, int, int], int] = {}
    for i in range(n):
        st = table.statements[i]
        key = (st.source_id, st.start, st.end)
        # only groups holding a statement close enough to pass same_claim are candidates
        near = np.nonzero(sim[i, :i] >= SAME_CLAIM_COS_LEXICAL)[0].tolist()
        if key in span_first:
            near.append(span_first[key])
        candidates = sorted({group_of[j] for j in near})
        best, best_score = -1, -1.0
        for g in candidates:
            members = groups[g]
            if not any(table.same_claim(i, j, sim) for j in members):
                continue
            if min(float(sim[i, j]) for j in members) < GROUP_FLOOR_COS and not any(
                table.statements[j].start == st.start for j in members
            ):
                continue
            score = float(np.mean([sim[i, j] for j in members]))
            if score > best_score:
                best, best_score = g, score
        if best >= 0:
            groups[best].append(i)
        else:
            best = len(groups)
            groups.append([i])
        group_of[i] = best
        span_first.setdefault(key, i)
    return groups


def _keep(table: StatementTable, members: list[int]) -> bool:
    """Own-voice sentences become claims only when corroborated or when they rebut a denial."""
    sts = [table.statements[i] for i in members]
    if any(s.kind != "own" for s in sts):
        return True
    if any(s.rebuts is not None for s in sts):
        return True
    return len({s.source_id for s in sts}) >= 2


def claims_from_groups(table: StatementTable, groups: list[list[int]]) -> tuple[list[Claim], list[list[int]]]:
    """Claim records (ids c1, c2, ...) and, aligned, the statement indices of each."""
    claims: list[Claim] = []
    kept: list[list[int]] = []
    for members in groups:
        if not _keep(table, members):
            continue
        sts = [table.statements[i] for i in members]
        if len(members) > 1:
            centrality = gram(table.vectors[members]).mean(axis=1)
        else:
            centrality = np.ones(1)
        # representative: reported/evidence before own voice, then the most central
        rep = max(range(len(members)), key=lambda k: (sts[k].kind != "own", float(centrality[k])))
        holders: list[str] = []
        by_holder: Counter[str] = Counter()
        by_source: Counter[str] = Counter()
        evidence: list[Span] = []
        content: list[Span] = []
        for st in sts:
            for h in st.holders:
                if h.name not in holders:
                    holders.append(h.name)
                by_holder[h.name] += 1
            by_source[st.source_id] += 1
            ev = Span(st.source_id, st.sent_start, st.sent_end)
            if ev not in evidence:
                evidence.append(ev)
            cs = Span(st.source_id, st.start, st.end)
            if cs not in content:
                content.append(cs)
        kinds = {st.kind for st in sts}
        claims.append(
            Claim(
                id=f"c{len(claims) + 1}",
                text=sts[rep].text,
                holders=holders,
                evidence=evidence,
                polarity=sts[rep].polarity,
                quote_ids=[st.quote_id for st in sts if st.quote_id],
                kind=kinds.pop() if len(kinds) == 1 else "mixed",
                content=content,
                sources=list(dict.fromkeys(st.source_id for st in sts)),
                support=len(sts),
                support_by_source=dict(by_source),
                support_by_holder=dict(by_holder),
            )
        )
        kept.append(members)
    return claims, kept


def build_claims(
    articles: list[AnnotatedArticle],
    entities: list[Entity],
    embedder: Embedder,
    table: StatementTable | None = None,
) -> list[Claim]:
    """Claims of the story: reported speech, evidence statements and the outlets' own corroborated
    or rebutting assertions, grouped across sources, holders normalised through ``entities``.
    ``table``: the story's statements when already built (:meth:`StatementTable.build` on the
    same articles, entities and embedder), so that claims and contradictions share one."""
    if table is None:
        table = StatementTable.build(articles, entities, embedder)
    claims, _ = claims_from_groups(table, group_statements(table))
    return claims
