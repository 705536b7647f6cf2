"""Contradictions: claims that cannot both hold, gathered into sides (each side lists the sources
carrying it: the report's per-outlet coverage line).

Edges between two claims held by different camps (a camp is the root of ``acts_for``):

- ``denial``: one asserts and the other denies propositions close in meaning;
- ``counter``: an explicit rejection ("called the claim a lie", "rejected the allegations")
  or an alternative explanation aimed at the most similar claim of another camp;
- ``incompatible``: both answer who is responsible ("blamed X for", "caused by X",
  "belonged to X") and name actors of different camps;
- ``rebuttal``: an outlet's own elliptical rebuttal of a denial it reports;
- ``rival``: both give a cause of the story's own event (its frame) and the causes share no
  word ("his history of mental illness was to blame" / "he shot them because he was furious").

Agreement edges join claims that say the same (high cosine, same polarity) or name the same
responsible camp. Each connected set with at least one contradiction edge is split into two
sides by two-colouring, strongest edges first; a claim that would need both colours keeps the
one its strongest edge gives it."""

from __future__ import annotations

import heapq
from collections import defaultdict
from dataclasses import dataclass

import numpy as np

from ..embed import Embedder, centroids
from ..model import (
    AnnotatedArticle,
    Claim,
    Contradiction,
    Entity,
    EventFrame,
    Side,
)
from . import cues
from .claims import StatementTable, calibrated_cosines, content_words, jaccard
from .sides import STANCE_FAMILIES, build_side, exclusive
from .statements import Statement
from .topic import dispute_topic

DENIAL_COS = 0.70  # assert vs deny of propositions this close in meaning
DENIAL_COS_LEXICAL = 0.50  # ... or this close with shared content words
DENIAL_JACCARD = 0.25
TARGET_COS = 0.35  # an anaphoric rejection / alternative explanation targets a claim this close
ANSWER_TOPIC_COS = 0.35  # two answers to "who is responsible" are about the same event
MERGE_TOPIC_COS = 0.50  # two disputes sharing the camps of one side are one when this close
AGREE_COS = 0.62  # two claims of the same polarity this close support the same side
ATTACH_PLAIN_COS = 0.75  # a claim with no stance cue joins a side only when this close
RIVAL_EVENT_WORDS = 2  # a cause explains the story's event: its clause shares this many words with the frame
PLEA_BONUS = 0.25  # a plea of innocence targets an earlier claim naming the pleader, however worded


@dataclass
class _Edge:
    a: int
    b: int
    sign: int  # +1 agree, -1 contradict
    weight: float
    kind: str


# a proposition about what may, would or will happen (an intention, a guess), not a fact
_MODAL = cues.re.compile(r"\b(?:would|could|may|might|will|should|shall|can)\b|'ll\b", cues.re.I)


def _negates(sts: list[Statement], other_words: set[str]) -> bool:
    """One of the statements negates something the other proposition says: the first content
    word its negation governs is there ("weren't so <hot>", "No one was <hurt>"), or both its
    subject and the negated words share a word with it ("<rebels> did not have the capability
    to produce nerve <gas>" against "the poison gas belonged to rebels")."""
    for st in sts:
        parts = st.negation_parts
        if parts is None:
            continue
        before, scope = parts
        head = next((w for w in _CONTENT_TOKEN.findall(scope) if content_words(w)), None)
        if head and content_words(head) & other_words:
            return True
        subject = _CLAUSE_CUT.split(before)[-1]  # "The problem is, people still": "people still"
        if content_words(subject) & other_words and content_words(scope) & other_words:
            return True
    return False


# where the negated clause's subject starts: after a comma, a colon, "that", or a copula that
# frames it ("The problem is, people still don't ...": the frame is not the subject)
_CLAUSE_CUT = cues.re.compile(r"[,;:]|\b(?:that|is|are|was|were)\b", cues.re.I)


_CONTENT_TOKEN = cues.re.compile(r"[A-Za-z][\w\-']*")


def _main_words(sts: list[Statement]) -> set[str]:
    return set().union(*(content_words(st.main_clause) for st in sts)) if sts else set()


def _names(text: str, surnames: set[str]) -> bool:
    """The text names one of these people (by surname, a whole word)."""
    return any(cues.re.search(rf"\b{cues.re.escape(n)}\b", text) for n in surnames if n)


def _claim_members(claims: list[Claim], table: StatementTable) -> list[list[int]]:
    """Statement indices behind each claim (matched by content span and polarity)."""
    where: dict[tuple[str, int, int], list[int]] = defaultdict(list)
    for ci, c in enumerate(claims):
        for sp in c.content:
            where[(sp.source_id, sp.start, sp.end)].append(ci)
    members: list[list[int]] = [[] for _ in claims]
    for si, st in enumerate(table.statements):
        for ci in where.get((st.source_id, st.start, st.end), []):
            if claims[ci].polarity == st.polarity:
                members[ci].append(si)
    return members


def _camps(sts: list[Statement]) -> set[str]:
    return {h.camp for st in sts for h in st.holders}


def _answer_camps(sts: list[Statement]) -> set[str]:
    return {r.camp for st in sts for r in st.responsible}


def _edges(
    claims: list[Claim], members: list[list[int]], table: StatementTable, event_words: set[str] | None = None
) -> list[_Edge]:
    """``event_words``: content words of the frame's account of the story's event (rival
    explanations are read only with them)."""
    n = len(claims)
    sts = [[table.statements[i] for i in m] for m in members]
    sim = calibrated_cosines(centroids(table.vectors, members), table.kind)
    ssim = calibrated_cosines(centroids(table.sentence_vectors, members), table.kind)
    camps = [_camps(s) for s in sts]
    answers = [_answer_camps(s) for s in sts]
    anaphoric = [any(st.anaphoric for st in s) and all(st.anaphoric for st in s) for s in sts]
    counter = [any(st.family == cues.COUNTER for st in s) for s in sts]
    explicit = [any(st.explicit_target for st in s) for s in sts]
    negated = [bool(s) and all(st.negated for st in s) for s in sts]
    modal = [bool(s) and all(_MODAL.search(st.text) for st in s) for s in sts]
    accusation = [any(st.family == cues.BLAME or st.responsible for st in s) for s in sts]
    words = [set().union(*(table.words[i] for i in m)) if m else set() for m in members]
    main_words = [_main_words(s) for s in sts]
    own_only = [all(st.kind == "own" and st.rebuts is None for st in s) for s in sts]
    pleads = [bool(s) and all(st.pleads for st in s) for s in sts]
    pleaders = [{h.name.split(" (")[0].split()[-1] for st in s for h in st.holders if h.entity is not None
                 and h.entity.type == "PERSON"} for s in sts]

    src_text = {a.source_id: a.article.text for a in table.index.articles}

    def texts_of(st: Statement) -> str:
        return src_text[st.source_id][st.sent_start : st.sent_end]

    edges: list[_Edge] = []

    def distinct(i: int, j: int) -> bool:
        return bool(camps[i]) and bool(camps[j]) and not (camps[i] & camps[j])

    # every pair rule needs one of the two cosines at or above the lowest threshold
    floor = min(ANSWER_TOPIC_COS, DENIAL_COS_LEXICAL, AGREE_COS)
    ii, jj = np.nonzero(np.triu((sim >= floor) | (ssim >= floor), k=1))
    for i, j in zip(ii.tolist(), jj.tolist(), strict=True):
        if not members[i] or not members[j]:
            continue
        pi, pj = claims[i].polarity, claims[j].polarity
        # a negative proposition asserted ("rebels did not have it") stands against the positive
        ei = pi if not negated[i] else ("deny" if pi == "assert" else "assert")
        ej = pj if not negated[j] else ("deny" if pj == "assert" else "assert")
        c = float(sim[i, j])
        if anaphoric[i] or anaphoric[j]:
            continue  # handled by targeting below
        # a bare negation opposes a fact, not an intention or a guess: "he would appoint a
        # lawyer" is not contradicted by "his office had not been told"
        not_opposed = pi == pj and (modal[i] or modal[j])
        # a negation stands against a proposition about the same thing: what it negates must be
        # in the other's main clause ("talks weren't so hot" does not deny "he is in talks to
        # return"; "No one was hurt in the fire" does not deny "people were in the church")
        if negated[i] != negated[j]:
            neg, other = (i, j) if negated[i] else (j, i)
            not_opposed = not_opposed or not _negates(sts[neg], main_words[other])
        if own_only[i] and own_only[j]:
            not_opposed = True  # two outlets' own sentences: no party asserts either side
        if ei != ej and distinct(i, j) and not not_opposed:
            if c >= DENIAL_COS or (c >= DENIAL_COS_LEXICAL and jaccard(words[i], words[j]) >= DENIAL_JACCARD):
                edges.append(_Edge(i, j, -1, c, "denial" if pi != pj else "negation"))
                continue
        if pi != pj and distinct(i, j):
            deny, other = (i, j) if pi == "deny" else (j, i)
            if answers[deny] & answers[other] and c >= ANSWER_TOPIC_COS:
                edges.append(_Edge(i, j, -1, c, "denial"))
                continue
        if pi == pj == "assert" and answers[i] and answers[j] and float(ssim[i, j]) >= ANSWER_TOPIC_COS:
            if not (answers[i] & answers[j]) and distinct(i, j):
                edges.append(_Edge(i, j, -1, float(ssim[i, j]), "incompatible"))
                continue
            if answers[i] & answers[j]:
                edges.append(_Edge(i, j, 1, float(ssim[i, j]), "same answer"))
                continue
        if pi == pj and ei == ej and c >= AGREE_COS:
            # same stance on the proposition: "No players were injured" does not agree with
            # "players were injured", however close the words
            edges.append(_Edge(i, j, 1, c, "agree"))

    # rival explanations: two parties explain the story's own event by different causes ("his
    # history of mental illness was to blame" / "he shot them because he was furious")
    if event_words:
        causes = [[cause for st in s if st.polarity == "assert" and not st.negated
                   for cause, explained in st.causes if _explains(explained, event_words)] for s in sts]
        with_cause = [i for i in range(n) if causes[i] and members[i]]
        for x, i in enumerate(with_cause):
            for j in with_cause[x + 1 :]:
                if distinct(i, j) and _rival(causes[i], causes[j]):
                    edges.append(_Edge(i, j, -1, max(float(ssim[i, j]), TARGET_COS), "rival"))

    # targeted rejections: "rejected the allegations", "called X a lie", alternative explanations
    for i in range(n):
        if not members[i]:
            continue
        if not (anaphoric[i] or counter[i] or explicit[i]):
            continue  # "denied reports that X" aims at what another holder reported, like a counter
        first = min(table.statements[k].start for k in members[i])
        src = table.statements[members[i][0]].source_id
        best, best_c = -1, TARGET_COS
        # "the allegations", "falsified reports", an alternative explanation: they answer
        # accusations, so point at one when another camp has made any
        want_accusation = any(accusation[j] and distinct(i, j) for j in range(n) if j != i)
        for j in range(n):
            if j == i or not members[j] or not distinct(i, j) or claims[j].polarity != "assert" or negated[j]:
                continue  # a rejection answers a positive claim ("X hit a snag"), not "X was not ..."
            if want_accusation and not accusation[j] and not pleads[i]:
                continue  # (a plea answers what is said of the pleader: checked below)
            before = [
                table.statements[k] for k in members[j]
                if table.statements[k].source_id == src and table.statements[k].start < first
            ]
            if anaphoric[i]:
                # the allegations were reported before, in the same source
                if not before:
                    continue
                c = float(ssim[i, j])
                if pleads[i]:
                    # "pleaded not guilty", "proving my innocence": what the holder rejects is
                    # said of them, so it names them; its words need not be close
                    if not any(_names(texts_of(st), pleaders[i]) for st in before):
                        continue
                    c += PLEA_BONUS
            elif explicit[i]:
                # "built on fabricated logs" names the other's case by its words or its sentence
                c = max(float(sim[i, j]), float(ssim[i, j]))
            else:
                c = float(sim[i, j])
            # an alternative explanation answers what the source has just reported; "called X a
            # lie" names X, so only meaning counts
            own_si = table.statements[members[i][0]].sent_index
            if explicit[i]:
                pass
            elif before:
                gap = own_si - max(st.sent_index for st in before)
                c -= 0.03 * min(10, gap)
                if anaphoric[i] and gap <= 1:
                    # "rejected it", "doubted their conclusion": an anaphor points at what was
                    # just said, whatever its words
                    c = max(c, TARGET_COS + 0.01)
            else:
                c -= 0.3
            if c > best_c:
                best, best_c = j, c
        if best >= 0:
            edges.append(_Edge(i, best, -1, best_c + 0.2, "counter"))

    # a rejection and the clause that elaborates it ("rejected the allegations -- blaming X"):
    # same holder, same sentence, same side
    for i in range(n):
        if not anaphoric[i]:
            continue
        for k in members[i]:
            st = table.statements[k]
            for j in range(n):
                if j == i:
                    continue
                if any(
                    table.statements[q].source_id == st.source_id
                    and table.statements[q].sent_index == st.sent_index
                    and _camps([table.statements[q]]) & _camps([st])
                    for q in members[j]
                ):
                    edges.append(_Edge(i, j, 1, 0.9, "elaborates"))

    # an outlet's own elliptical rebuttal of a denial it reports
    pos = {(table.statements[k].source_id, table.statements[k].start, table.statements[k].polarity): ci for ci, m in enumerate(members) for k in m}
    for ci, s in enumerate(sts):
        for st in s:
            if st.rebuts is not None:
                cj = pos.get((st.rebuts.source_id, st.rebuts.start, st.rebuts.polarity))
                if cj is not None and cj != ci:
                    edges.append(_Edge(ci, cj, -1, 1.0, "rebuttal"))
    return edges


_COMMON_WORD = cues.re.compile(r"\b[a-z][a-z\-']{2,}\b")


def _explains(explained: str, event_words: set[str]) -> bool:
    """A cause explains the story's event: what it explains is not stated ("X was to blame") or
    shares RIVAL_EVENT_WORDS content words with the frame's account of the event ("the man shot
    his former co-workers" / "Michigan man shot to death one person"), not another event of the
    story ("he was fired because of poor performance")."""
    words = content_words(explained)
    return not words or len(words & event_words) >= RIVAL_EVENT_WORDS


def _rival(a: list[str], b: list[str]) -> bool:
    """Two sets of causes share no common word (names aside: both may name the one who acted):
    "his history of mental illness" and "he was furious over his firing" are rival; "the storm"
    and "the storm's winds" are one explanation."""
    words_a = set().union(*(content_words(" ".join(_COMMON_WORD.findall(c))) for c in a))
    words_b = set().union(*(content_words(" ".join(_COMMON_WORD.findall(c))) for c in b))
    return bool(words_a) and bool(words_b) and not words_a & words_b


def _select(edges: list[_Edge], stance: list[bool], camps: list[set[str]]) -> list[_Edge]:
    """Contradiction edges, agreement among their endpoints, and for every other claim only its
    strongest agreement with such an endpoint (one hop: no chains of loosely related claims).
    A claim that takes no stance itself (no blame, denial, evidence or answer) is attached only
    when it says nearly the same (cosine >= ATTACH_PLAIN_COS) or its holder's camp already
    holds the claim it agrees with (a camp keeps to its side)."""
    core = {e.a for e in edges if e.sign < 0} | {e.b for e in edges if e.sign < 0}
    keep = [e for e in edges if e.a in core and e.b in core]
    best: dict[int, _Edge] = {}
    for e in edges:
        if e.sign < 0 or (e.a in core) == (e.b in core):
            continue
        outer = e.b if e.a in core else e.a
        inner = e.a if outer == e.b else e.b
        if not stance[outer] and e.weight < ATTACH_PLAIN_COS and not camps[outer] & camps[inner]:
            continue
        if outer not in best or e.weight > best[outer].weight:
            best[outer] = e
    return keep + list(best.values())


def _two_colour(nodes: list[int], edges: list[_Edge]) -> dict[int, int]:
    """Colour 0/1 per node, strongest edges first (a maximum spanning forest)."""
    adj: dict[int, list[_Edge]] = defaultdict(list)
    for e in edges:
        adj[e.a].append(e)
        adj[e.b].append(e)
    colour: dict[int, int] = {}
    for root in nodes:
        if root in colour:
            continue
        colour[root] = 0
        heap: list[tuple[float, int, int, int]] = []
        counter = 0
        for e in adj[root]:
            heapq.heappush(heap, (-e.weight, counter, root, id(e)))
            counter += 1
        by_id = {id(e): e for e in edges}
        while heap:
            _, _, u, eid = heapq.heappop(heap)
            e = by_id[eid]
            v = e.b if e.a == u else e.a
            if v in colour:
                continue
            colour[v] = colour[u] if e.sign > 0 else 1 - colour[u]
            for f in adj[v]:
                heapq.heappush(heap, (-f.weight, counter, v, id(f)))
                counter += 1
    return colour


def _drop_camp_conflicts(
    comp: list[int], colour: dict[int, int], edges: list[_Edge], members: list[list[int]], table: StatementTable
) -> None:
    """A claim attached only by agreement whose holder's camp argues the other side is left out:
    a camp keeps its side (Russia's envoy is not counted with Russia's opponents)."""
    core = {e.a for e in edges if e.sign < 0} | {e.b for e in edges if e.sign < 0}
    core_camps: dict[int, set[str]] = {0: set(), 1: set()}
    for c in core:
        core_camps[colour[c]] |= _camps([table.statements[k] for k in members[c]])
    for c in comp:
        if c in core:
            continue
        mine = _camps([table.statements[k] for k in members[c]])
        other = core_camps[1 - colour[c]]
        if mine & other and not mine & core_camps[colour[c]]:
            del colour[c]


def _drop_non_answers(
    colour: dict[int, int], edges: list[_Edge], members: list[list[int]], table: StatementTable
) -> None:
    """When the sides only answer who or what is responsible (incompatible answers, rival
    causes), a claim joined by agreement alone that answers nothing is left out: "the flood
    killed four people, officials said" holds no side of who is to blame for it."""
    if {e.kind for e in edges if e.sign < 0} - {"incompatible", "rival"}:
        return
    core = {e.a for e in edges if e.sign < 0} | {e.b for e in edges if e.sign < 0}
    for c in list(colour):
        sts = [table.statements[k] for k in members[c]]
        if c not in core and not any(st.responsible or st.causes or st.family == cues.BLAME for st in sts):
            del colour[c]


def _components(n: int, edges: list[_Edge]) -> list[list[int]]:
    parent = list(range(n))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for e in edges:
        ra, rb = find(e.a), find(e.b)
        if ra != rb:
            parent[ra] = rb
    comp: dict[int, list[int]] = defaultdict(list)
    touched = {e.a for e in edges} | {e.b for e in edges}
    for i in sorted(touched):
        comp[find(i)].append(i)
    return list(comp.values())


def find_contradictions(
    claims: list[Claim],
    articles: list[AnnotatedArticle],
    entities: list[Entity],
    embedder: Embedder,
    table: StatementTable | None = None,
    frame: EventFrame | None = None,
) -> list[Contradiction]:
    """Disputes among ``claims`` (from :func:`build_claims` on the same articles): each with a
    topic and two sides, every side with its position (a source clause), holders, claim ids and
    evidence sentences (the strongest first, one per source before the rest). ``table``: the
    statement table the claims were built from, when the caller kept it; ``frame``: the story's
    event (:func:`newsprism.frame.build_frame`), which rival explanations must explain."""
    if not claims:
        return []
    if table is None:
        table = StatementTable.build(articles, entities, embedder)
    members = _claim_members(claims, table)
    stance = [
        any(table.statements[k].family in STANCE_FAMILIES or table.statements[k].responsible for k in m)
        for m in members
    ]
    camps = [_camps([table.statements[k] for k in m]) for m in members]
    event_words = content_words(frame.lead_title or frame.lead or "") if frame is not None else set()
    edges = _select(_edges(claims, members, table, event_words), stance, camps)
    texts = {a.source_id: a.article.text for a in articles}
    parts: list[_Part] = []
    for comp in _components(len(claims), edges):
        comp_edges = [e for e in edges if e.a in comp and e.b in comp]
        if not any(e.sign < 0 for e in comp_edges):
            continue
        colour = _two_colour(comp, comp_edges)
        _drop_camp_conflicts(comp, colour, comp_edges, members, table)
        _drop_non_answers(colour, comp_edges, members, table)
        side_claims = [[c for c in comp if colour.get(c) == k] for k in (0, 1)]
        if side_claims[0] and side_claims[1]:
            core = {e.a for e in comp_edges if e.sign < 0} | {e.b for e in comp_edges if e.sign < 0}
            allowed = exclusive(side_claims, members, table, core)
            if allowed[0] and allowed[1]:
                parts.append(_Part(side_claims, core, comp_edges, allowed))
    out: list[Contradiction] = []
    for part in _merge_parts(parts, members, table):
        side_claims, core, comp_edges = part.side_claims, part.core, part.edges
        allowed = exclusive(side_claims, members, table, core)
        if not allowed[0] or not allowed[1]:
            continue
        kinds = {e.kind for e in comp_edges if e.sign < 0}
        who = any(e.kind == "incompatible" and e.sign < 0 for e in comp_edges)
        sides: list[Side] = []
        sides_sts: list[list[Statement]] = []
        for k, group in enumerate(side_claims):
            group = [c for c in group if any(i in allowed[k] for i in members[c])]
            side, sts = build_side(group, claims, members, table, texts, who, allowed[k], core)
            sides.append(side)
            sides_sts.append(sts)
        sides.sort(key=lambda s: (-len(s.sources), -len(s.holders)))
        con = Contradiction(topic=dispute_topic(sides_sts, texts, kinds), sides=sides, kind=_main_kind(kinds))
        con.confidence_reason = _unsure(sides, kinds)
        con.confidence = "low" if con.confidence_reason else "high"
        out.append(con)
    # the sure disputes first, then the unsure ones (shown apart), each the most supported first
    out.sort(key=lambda c: (c.confidence == "low", -sum(len(s.claim_ids) for s in c.sides)))
    for k, c in enumerate(out, 1):
        c.id = f"d{k}"
    return out


def _unsure(sides: list[Side], kinds: set[str]) -> str | None:
    """Why a dispute is unsure (shown apart as low confidence), or None: a side nobody holds
    (an outlet's own account, fragments) is disputed surely only by an explicit denial ("A man
    has been charged with arson" / "X denied arson")."""
    if not any(s.holders for s in sides):
        return "no named party holds either side"
    if not all(s.holders for s in sides) and not kinds & {"denial", "rebuttal"}:
        return "one side is held by no named party and nobody denies the other"
    return None


@dataclass
class _Part:
    """One dispute before its sides are built: the claims of each side, the claims on a
    contradiction edge, the edges."""

    side_claims: list[list[int]]
    core: set[int]
    edges: list[_Edge]
    allowed: list[set[int]]  # the statements each side keeps (:func:`sides.exclusive`)


def _party_camps(allowed: set[int], table: StatementTable) -> set[str]:
    """Camps of the parties holding the statements a side keeps (an outlet's own account holds
    nothing, nor does the press relaying it)."""
    sts = [table.statements[k] for k in allowed]
    return {h.camp for st in sts if st.kind != "own" or st.rebuts is not None
            for h in st.holders if not table.index.is_outlet(h)}


def _merge_parts(parts: list[_Part], members: list[list[int]], table: StatementTable) -> list[_Part]:
    """One dispute per pair of opposed parties: two disputes whose sides the same camps hold
    (each side of one shares a camp with a side of the other, and no camp crosses over) are one
    dispute; so are two that share the camps of one side only, when they are about the same
    thing (their claims' sentences at least MERGE_TOPIC_COS apart at best) and no camp crosses
    over ("the club denied the fee" against two papers' reports of it)."""
    if len(parts) < 2:
        return parts
    camps = [[_party_camps(a, table) for a in p.allowed] for p in parts]
    ids = sorted({c for p in parts for g in p.side_claims for c in g})
    pos = {c: n for n, c in enumerate(ids)}
    vecs = centroids(table.sentence_vectors, [members[c] for c in ids])
    ssim = calibrated_cosines(vecs, table.kind)

    def related(p: _Part, q: _Part) -> bool:
        a = [pos[c] for g in p.side_claims for c in g]
        b = [pos[c] for g in q.side_claims for c in g]
        return float(ssim[np.ix_(a, b)].max()) >= MERGE_TOPIC_COS

    merged = True
    while merged:
        merged = False
        for i in range(len(parts)):
            for j in range(i + 1, len(parts)):
                (a0, a1), (b0, b1) = camps[i], camps[j]
                for flip, (x0, x1) in enumerate(((b0, b1), (b1, b0))):
                    if a0 & x1 or a1 & x0:
                        continue  # a camp would stand on both sides
                    shared = bool(a0 & x0) + bool(a1 & x1)
                    if shared == 2 or (shared == 1 and related(parts[i], parts[j])):
                        q = parts[j]
                        qs = q.side_claims[::-1] if flip else q.side_claims
                        qa = q.allowed[::-1] if flip else q.allowed
                        parts[i] = _Part([parts[i].side_claims[k] + qs[k] for k in (0, 1)],
                                         parts[i].core | q.core, parts[i].edges + q.edges,
                                         [parts[i].allowed[k] | qa[k] for k in (0, 1)])
                        camps[i] = [camps[i][0] | (x0 or set()), camps[i][1] | (x1 or set())]
                        del parts[j], camps[j]
                        merged = True
                        break
                if merged:
                    break
            if merged:
                break
    return parts


def _main_kind(kinds: set[str]) -> str:
    for k in ("incompatible", "denial", "counter", "rebuttal", "rival"):
        if k in kinds:
            return k
    return sorted(kinds)[0]
