"""Answers a statement gives: who is responsible (``Statement.responsible``: "blamed X for",
"caused by X", "X was to blame", an agent of a harmful act) and why (``Statement.causes``: a
cause that is no party, "his history of illness was to blame", "because he was furious")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import AnnotatedArticle
from . import cues
from .holders import HOLDER_LABELS, Actor, HolderIndex, head_key

if TYPE_CHECKING:
    from .statements import Statement

AGENT_PATTERN = 5  # the index of the harmful-act pattern in cues.RESPONSIBLE_PATTERNS


def fill_responsible(st: Statement, art: AnnotatedArticle, index: HolderIndex) -> None:
    """Who one statement of ``art`` says is responsible (``Statement.responsible``) and the
    causes it gives (``Statement.causes``). A natural event doing harm ("Flooding killed four")
    names no one; a place in a locative phrase of the agent ("Fighters in Aleppo") is not it."""
    text = art.article.text
    seg_s, seg_e = (st.display_start, st.end) if st.display_start < st.end else (st.start, st.end)
    seg = text[seg_s:seg_e]
    for pat in cues.RESPONSIBLE_PATTERNS:
        for m in pat.finditer(seg):
            r_s, r_e = seg_s + m.start("r"), seg_s + m.end("r")
            phrase = text[r_s:r_e].strip()
            if not phrase or cues.PRONOUN_HOLDER.match(phrase):
                continue
            if pat is cues.RESPONSIBLE_PATTERNS[AGENT_PATTERN] and cues.EVENT_AGENT.match(phrase):
                continue  # "Flooding in Riverton killed four people": no one did it
            inner = index.actors_in(art, r_s, r_e)
            if pat is cues.RESPONSIBLE_PATTERNS[AGENT_PATTERN]:
                inner = [a for a in inner if not _locative(text, r_s, r_e, a, art, index)]
            if not inner and cues.generic_answer(phrase):
                continue  # "a person", "the attackers": whoever did it, not who
            lead = len(text[r_s:r_e]) - len(text[r_s:r_e].lstrip())
            names = [(m.start - r_s - lead, m.end - r_s - lead) for m in art.mentions
                     if m.start >= r_s and m.end <= r_e and m.label in HOLDER_LABELS]
            if cues.cause_phrase(phrase, names) and not cues.NOT_ASSERTED.search(text[st.start : r_s]):
                # "his history of illness was to blame": why, not who; what it explains is the
                # rest of the clause ("for the crash"), nothing when only "was to blame"
                rest = seg[: r_s - seg_s] + " " + seg[r_e - seg_s :]
                st.causes.append((phrase, "" if cues.ANSWER_WORDS.fullmatch(rest.strip(" ,.")) else rest))
            actor = inner[0] if inner else Actor(name=phrase, key="text:" + head_key(phrase), camp="text:" + head_key(phrase))
            if all(x.camp != actor.camp for x in st.responsible):
                st.responsible.append(actor)
    if st.polarity == "assert" and st.kind != "own":
        for m in cues.CAUSE_CLAUSE.finditer(text, st.start, st.end):
            phrase = text[m.start("c") : min(m.end("c"), st.end)].strip()
            if len(cues.re.findall(r"[A-Za-z]{3,}", phrase)) >= 2 and not cues.NOT_ASSERTED.search(text[st.start : m.start()]):
                # "shot them because he was furious over his firing": the cause of the clause before
                st.causes.append((phrase, text[st.start : m.start()]))


def _locative(text: str, r_s: int, r_e: int, actor: Actor, art: AnnotatedArticle, index: HolderIndex) -> bool:
    """Every mention of ``actor`` in the answer [r_s, r_e) sits in a locative phrase ("Flooding
    in Riverton"): a place where it happened, not who did it."""
    spans = [m for m in art.mentions if r_s <= m.start and m.end <= r_e and index.entity_at(m) is not None
             and index.actor_for_entity(index.entity_at(m)).key == actor.key]  # type: ignore[arg-type]
    return bool(spans) and all(cues.LOCATIVE_BEFORE.search(text[r_s : m.start]) for m in spans)
