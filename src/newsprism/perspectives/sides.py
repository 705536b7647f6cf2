"""The sides of a dispute: which statements each side keeps (a sentence on one side at most, a
holder on one side), its position (a source clause), its holders (names, one entry each; the
press only when no party holds the side) and its evidence sentences, strongest first."""

from __future__ import annotations

from collections import defaultdict

import numpy as np

from ..embed import gram
from ..model import Claim, Side, Span
from . import cues
from .claims import StatementTable
from .holders import Actor, HolderIndex
from .statements import Statement

MAX_SIDE_EVIDENCE = 12
STANCE_FAMILIES = {cues.BLAME, cues.DENY, cues.COUNTER, cues.EVIDENCE, cues.PROVEN}


def weight(st: Statement, in_core: bool) -> float:
    """How firmly a statement places its sentence and holder on a side: a stance of its own
    (denial, blame, counter, evidence, an answer to who is responsible) over a plain report,
    a report over the outlet's own sentence; statements of claims on a contradiction edge
    count double."""
    w = 2.0 if (st.family in STANCE_FAMILIES or st.responsible) else (1.0 if st.kind != "own" else 0.5)
    return w * (2.0 if in_core else 1.0)


def exclusive(
    side_claims: list[list[int]], members: list[list[int]], table: StatementTable, core: set[int]
) -> list[set[int]]:
    """Statement indices each side keeps, so that a sentence is evidence for one side at most
    and a holder stands on one side only: where both sides hold statements of one sentence
    (or of one holder), the side whose statements there weigh more (:func:`weight`) keeps
    them; a tie keeps the sentence on neither side and the holder on both."""
    sts = table.statements
    owned: list[dict[int, float]] = [{}, {}]
    for k, group in enumerate(side_claims):
        for c in group:
            for i in members[c]:
                owned[k][i] = max(owned[k].get(i, 0.0), weight(sts[i], c in core))

    def resolve(key_of, drop_ties: bool) -> None:
        totals: dict[object, list[float]] = defaultdict(lambda: [0.0, 0.0])
        for k in (0, 1):
            for i, w in owned[k].items():
                for key in key_of(sts[i]):
                    totals[key][k] += w
        for k in (0, 1):
            for i in list(owned[k]):
                for key in key_of(sts[i]):
                    mine, other = totals[key][k], totals[key][1 - k]
                    if other > 0 and (mine < other or (mine == other and drop_ties)):
                        del owned[k][i]
                        break

    # a sentence: its source and its first line (a rebuttal's evidence runs on from the
    # sentence it rebuts, so the two overlap at their start)
    resolve(lambda st: [(st.source_id, st.sent_index)], drop_ties=True)
    resolve(lambda st: [h.key for h in st.holders], drop_ties=False)
    return [set(owned[0]), set(owned[1])]


# a source the outlet does not name: "a source with knowledge of the talks", "sources close to
# the club", "a person familiar with the matter", "an insider"
_ANONYMOUS = cues.re.compile(
    r"^(?:an?|one|two|three|several|some|other)?\s*(?:\w+\s+)?(?:sources?|insiders?|(?:person|people)\s+"
    r"(?:familiar|close|with|who|briefed|knowledgeable))\b",
    cues.re.I,
)


def asserts_side(k: int, in_core: set[int], table: StatementTable) -> bool:
    """The statement's holder asserts the side: it is one of the claims in dispute (``in_core``:
    statements of claims on a contradiction edge), it takes a stance of its own (a denial, a
    blame, evidence), or its holder's camp is one that holds a claim in dispute. A report joined
    to the side only because it reads alike ("the autopsy showed seven bullets hit him" beside
    "police said his gun was loaded") is evidence, but its source does not hold the side."""
    if k in in_core:
        return True
    st = table.statements[k]
    if st.family in STANCE_FAMILIES:
        return True
    core_camps = {h.camp for i in in_core for h in table.statements[i].holders}
    return any(h.camp in core_camps for h in st.holders)


def holder_entries(sts: list[Statement], index: HolderIndex) -> list[str]:
    """One display name per holder (by key: the same person under two roles, or "The union"
    and "the union", is one entry), fragments left out. The press relays a side: a news outlet
    ("10News is reporting that", "according to the Daily Courier") holds it only when no
    party does (its own scoop: "The Evening Chronicle says the club has agreed a fee", also when
    it cites an unnamed source, whom it vouches for) or when it argues in its own voice (an
    analysis piece rebutting a denial)."""
    actors: list[Actor] = []
    seen: set[str] = set()
    own: set[str] = set()  # an outlet arguing in its own voice (an analysis rebutting a denial)
    for st in sts:
        if st.kind == "own" and st.rebuts is None:
            continue  # an outlet's own account of events is evidence, not a party's position
        for h in st.holders:
            if st.kind == "own":
                own.add(h.key)
            if h.key in seen or not is_holder_name(h.name):
                continue
            seen.add(h.key)
            actors.append(h)
    parties = [h for h in actors if h.key in own or not index.is_outlet(h)]
    if not any(not _ANONYMOUS.match(h.name) for h in parties):
        return [h.name for h in actors]  # an outlet vouches for its unnamed source: both hold it
    return [h.name for h in parties]


_NOT_A_HOLDER = cues.re.compile(
    rf"^(?:the\s+|an?\s+|this\s+|that\s+)?(?:statement|report|reports|claims?|remarks?|comments?|unattributed|source|"
    r"sources|study|studies|survey|paper|document|poll|article|letter|findings|research|analysis)$|"
    # a document or record, with one word before it: "The indictment", "an autopsy report",
    # "police accounts" (its author, when named, holds what it says)
    r"^(?:the\s+|an?\s+|this\s+|that\s+)?(?:[\w'’-]+\s+)?(?:indictments?|autops(?:y|ies)|"
    r"(?:autopsy|police|court|medical|official|news|media|initial|early)\s+(?:reports?|accounts?)|"
    r"accounts|records|filings?|transcripts?|memos?|affidavits?|footage|videos?|complaints?|"
    r"lawsuits?|court\s+papers|documents)$|"
    # an anaphor standing for someone named before: "These citizens both", "those men"
    r"^(?:these|those)\b|\b(?:both|each)$|"
    rf"\b(?:{cues.DENY_VERBS}|{cues.BLAME_VERBS}|has|have|had|was|were|is|are|do|does|did|don't|"
    r"doesn't|didn't|don’t|doesn’t|didn’t|not|after|before|while|when|"
    r"despite|although|though|because|that|which|if|whether|receiving|saying|adding)\b",
    cues.re.I,
)


def is_holder_name(name: str) -> bool:
    """A holder names someone: not a fragment with a verb or conjunction in it ("The union has
    disputed", "after receiving") nor a bare document word ("the statement")."""
    base = cues.re.sub(r"\s*\([^)]*\)\s*$", "", name).strip()  # "X (role)": the role may hold any words
    if not base or not any(ch.isalpha() for ch in base):
        return False
    words = base.split()
    if len(words) > 1 and all(w[:1].isupper() for w in words) and words[0].lower() not in _LEADING:
        return True  # a proper name: "Do Kwon", "Anne Records", "the Accounts Commission"
    return not _NOT_A_HOLDER.search(base) and not (_VAGUE.match(base) and base == name.strip())  # a role labels them


# no party, just someone: a quantifier ("Many in the community", "some of those present",
# "others") or a bare person noun ("A woman", "one man") names nobody a reader could place
_VAGUE = cues.re.compile(
    r"^(?:(?:many|some|others|several|few|most|a\s+few|a\s+number|a\s+lot)(?:\s+(?:in|of|from|among|around|across|within)\s+.+)?|"
    r"(?:an?|one|another)\s+(?:man|woman|person|boy|girl|someone|individual))$",
    cues.re.I,
)


_LEADING = frozenset({"the", "a", "an", "this", "that", "these", "those", "some", "many", "both"})


def build_side(
    group: list[int],
    claims: list[Claim],
    members: list[list[int]],
    table: StatementTable,
    texts: dict[str, str],
    who: bool,
    allowed: set[int] | None = None,
    core: set[int] | None = None,
) -> tuple[Side, list[Statement]]:
    core = core or set()
    in_core = {k for c in group if c in core for k in members[c]}
    sts_idx = [k for c in group for k in members[c] if allowed is None or k in allowed]
    sts = [table.statements[k] for k in sts_idx]

    # centrality: mean cosine of a statement to the side's other statements (the medoid reads
    # as the side's position best)
    central = gram(table.vectors[sts_idx]).mean(axis=1) if len(sts_idx) > 1 else np.ones(1)
    rank_of = {k: float(central[n]) for n, k in enumerate(sts_idx)}

    # ``who``: the sides answer who is responsible; they read best as the blame itself
    # ("blamed X for the attack"): every holder of the side holds it, while one holder's account
    # of how ("sarin dropped by aircraft") may not be what the others said

    def strength(k: int) -> tuple[bool, bool, bool, bool, bool, bool, float]:
        st = table.statements[k]
        return (
            k in in_core,  # the side's position is a claim in dispute, not a report beside it
            who and st.family == cues.BLAME and st.polarity == "assert" and not st.anaphoric,
            st.polarity == "assert" and not st.anaphoric,  # a position reads best as an assertion
            bool(st.responsible),  # it answers the disputed question
            st.kind != "own",
            st.family not in (cues.PROVEN,),  # its proposition is borrowed from another sentence
            rank_of[k],
        )

    ranked = sorted(sts_idx, key=strength, reverse=True)
    rep = table.statements[ranked[0]]
    if rep.family in (cues.EVIDENCE, cues.PROVEN):
        p_start, p_end = rep.start, rep.end  # the proposition, not "X has gathered evidence"
    else:
        p_start, p_end = rep.display_start, rep.display_end
    position = short_position(texts[rep.source_id][p_start:p_end].strip())
    holders = holder_entries([table.statements[k] for k in ranked if asserts_side(k, in_core, table)], table.index)
    evidence: list[Span] = []
    seen_sources: list[str] = []
    for k in ranked:  # the strongest sentence of each source first
        st = table.statements[k]
        if st.source_id not in seen_sources:
            seen_sources.append(st.source_id)
            evidence.append(Span(st.source_id, st.sent_start, st.sent_end))
    for k in ranked:
        st = table.statements[k]
        sp = Span(st.source_id, st.sent_start, st.sent_end)
        if sp not in evidence and len(evidence) < MAX_SIDE_EVIDENCE:
            evidence.append(sp)
    claim_ids = [claims[c].id for c in sorted(group, key=lambda c: int(claims[c].id[1:]))]
    return Side(position=position, holders=holders, claim_ids=claim_ids, evidence=evidence, sources=seen_sources), sts


_CLAUSE_CUT = cues.re.compile(r",\s|\s(?:that|which|who|where|when|while|because|after|before|since)\s")


def short_position(text: str, max_words: int = 18, min_words: int = 6) -> str:
    """A long clause trimmed at its first subordinate boundary after ``min_words`` words (a
    prefix of the source text, so nothing is reworded)."""
    text = text.rstrip(" .;:,")
    if len(text.split()) <= max_words:
        return text
    for m in _CLAUSE_CUT.finditer(text):
        if len(text[: m.start()].split()) >= min_words:
            return text[: m.start()].rstrip(" ,;:")
    return text
