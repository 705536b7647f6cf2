"""Cues: lexicon, syntax and learned-scorer cues that introduce an attribution."""

from __future__ import annotations

import warnings

from spacy.tokens import Doc, Token

from .. import doc_text
from ..cue_model import CueModel, candidates
from ..lexicon import (
    ATTITUDE_VERBS,
    AUDIENCE_NOUNS,
    BELIEF_VERBS,
    BROAD_NOUN_CUES,
    EXPERIENCER_OBJECT_VERBS,
    FIRST_SECOND,
    GROUP_PRONOUNS,
    HYPOTHETICAL_AUX,
    INTENTION_VERBS,
    LIGHT_VERBS,
    LISTENER_VERBS,
    MEDIUM_NOUNS,
    NAMED_LABELS,
    NEGATING_CUES,
    NON_ATTRIBUTING,
    NOUN_CUES,
    OBJECT_PRONOUNS,
    ORG_NOUNS,
    PERSON_PRONOUNS,
    POLL_NOUNS,
    RECEIVING_VERBS,
    RELATIVE_PRONOUNS,
    SEEM_VERBS,
    SOURCELESS_ADVERBS,
    SPEECH_NOUNS,
    SPEECH_VERBS,
    STANCE_LIGHT_VERBS,
    STANCE_NOUNS,
    STANCE_PREPS,
    TOPIC_PREPS,
)
from .clauses import Cue, content_range, host_clause
from .marks import quote_token_map, quoted_spans
from .subjects import cue_lemma, subject_of


def _sourceless_cue(tok: Token) -> Cue | None:
    """Broad scope: "X is expected to win", "it was reported that ...", "X reportedly left":
    an attribution whose source the text does not name."""
    if tok.lower_ in SOURCELESS_ADVERBS and tok.dep_ == "advmod" and tok.head.pos_ in ("VERB", "AUX"):
        head = tok.head
        a, b = head.left_edge.i, head.right_edge.i + 1
        return Cue(tok, tok.idx, tok.idx + len(tok.text), None, (a, b), sourceless=True)
    if tok.pos_ != "VERB" or cue_lemma(tok) not in (SPEECH_VERBS | BELIEF_VERBS | {"know", "consider", "rumor", "rumour"}):
        return None
    if not any(c.dep_ == "auxpass" for c in tok.children) or any(c.dep_ == "agent" for c in tok.children):
        return None
    subj = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
    comp = next((c for c in tok.children if c.dep_ in ("xcomp", "ccomp") and c.i > tok.i), None)
    if comp is None:
        return None
    a = subj.left_edge.i if subj is not None and subj.lower_ not in ("it",) else comp.left_edge.i
    return Cue(tok, tok.idx, tok.idx + len(tok.text), None, (a, comp.right_edge.i + 1), sourceless=True)


def raised_passive(tok: Token) -> bool:
    """Broad scope: "the union is expected to endorse her", "she is said to favour the plan":
    a passive speech or belief verb without an agent whose infinitive is itself a cue. The
    stance is the passive subject's, cued by the infinitive; the passive verb is no cue."""
    if tok.pos_ != "VERB" or cue_lemma(tok) not in SPEECH_VERBS | BELIEF_VERBS:
        return False
    children = list(tok.children)
    if not any(c.dep_ == "auxpass" for c in children) or any(c.dep_ == "agent" for c in children):
        return False
    subj = next((c for c in children if c.dep_ == "nsubjpass"), None)
    comp = next((c for c in children if c.dep_ == "xcomp" and c.i > tok.i), None)
    return subj is not None and comp is not None and subj.lower_ not in ("it", "there") and cue_lemma(comp) in (
        SPEECH_VERBS | BELIEF_VERBS | ATTITUDE_VERBS | INTENTION_VERBS)


def _broad_cue(tok: Token, in_quote: list[int]) -> Cue | None:
    """Broad scope, constructions without a subject cue: "X seemed rattled" (no source),
    "Asked whether he would run, ..." (no source), "as reported by the Post" / "X is backed by
    the union" (the agent is the source), "in the latest polls, X leads" (the poll)."""
    span = (tok.idx, tok.idx + len(tok.text))
    children = list(tok.children)
    if tok.pos_ == "ADP" and tok.lower_ == "in" and tok.head.pos_ in ("VERB", "AUX"):
        pobj = next((c for c in children if c.dep_ == "pobj"), None)
        if pobj is None or pobj.lemma_.lower() not in POLL_NOUNS:
            return None
        head = tok.head
        left = (head.left_edge.i, tok.left_edge.i)
        right = (tok.right_edge.i + 1, head.right_edge.i + 1)
        best = max((left, right), key=lambda r: r[1] - r[0])
        return Cue(tok, *span, pobj, best) if best[1] - best[0] >= 2 else None
    if tok.pos_ not in ("VERB", "AUX"):
        return None
    lemma = cue_lemma(tok)
    subj = next((c for c in children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if lemma in SEEM_VERBS:
        comp = next((c for c in children if c.dep_ in ("xcomp", "acomp", "oprd") and c.i > tok.i), None)
        if subj is None or comp is None or subj.lower_ in ("it", "there") or in_quote[comp.i] >= 0:
            return None
        if cue_lemma(comp) in SPEECH_VERBS | BELIEF_VERBS | ATTITUDE_VERBS:
            return None  # "seemed to recognize": the inner verb is the cue
        return Cue(tok, *span, None, (subj.left_edge.i, comp.right_edge.i + 1), sourceless=True)
    if lemma == "ask" and tok.tag_ == "VBN" and subj is None and tok.dep_ in ("advcl", "ROOT"):
        # "Asked whether he would run, she said ...": the question put to the speaker
        for c in children:
            if c.i > tok.i and (c.dep_ == "ccomp" or (c.dep_ == "prep" and c.lower_ == "about")):
                a = c.i + 1 if c.dep_ == "prep" else c.left_edge.i
                if c.right_edge.i + 1 - a >= 2:
                    return Cue(tok, *span, None, (a, c.right_edge.i + 1), sourceless=True)
        return None
    if lemma not in SPEECH_VERBS | BELIEF_VERBS | ATTITUDE_VERBS:
        return None
    agent = next((c for c in children if c.dep_ == "agent"), None)
    pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    if pobj is None or not any(c.dep_ == "auxpass" for c in children) and tok.dep_ != "advcl":
        return None
    if subj is not None and subj.dep_ == "nsubjpass" and subj.lower_ not in ("it",):
        # "the plan was backed by the union": the passive subject is what is attributed
        end = max([subj.right_edge.i + 1] + [c.right_edge.i + 1 for c in children
                                              if c.dep_ in ("xcomp", "ccomp") and c.i > tok.i])
        a = subj.left_edge.i
        if end - a >= 1:
            return Cue(tok, tok.idx, agent.idx + len(agent.text), pobj, (a, end))
        return None
    host = host_clause(tok)  # "As reported by Western Journalism, ..."
    if host is None:
        return None
    return Cue(tok, tok.idx, agent.idx + len(agent.text), pobj, host)


def _noun_cue(tok: Token) -> Cue | None:
    """'Moscow's claim that ...', 'his promise to build a wall': the owner is the source."""
    poss = next((c for c in tok.children if c.dep_ == "poss"), None)
    if poss is None:
        return None
    for c in tok.children:
        if c.i <= tok.i or c.dep_ not in ("acl", "ccomp", "appos", "relcl"):
            continue
        that = any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
        to = c.tag_ == "VB" and any(m.dep_ == "aux" and m.lower_ == "to" for m in c.children)
        if that or to:
            return Cue(tok, tok.idx, tok.idx + len(tok.text), poss, (c.left_edge.i, c.right_edge.i + 1),
                       negated=tok.lemma_.lower() == "denial", noun=True)
    return None


def _stance_noun_cue(tok: Token) -> Cue | None:
    """Broad scope: "the union's opposition to the merger", "Labour support for the bill": a
    stance noun with a named or possessive owner; the prepositional object is the content."""
    owner = next((c for c in tok.children if c.dep_ == "poss"), None)
    if owner is None:
        owner = next((c for c in tok.children if c.dep_ == "compound" and c.i < tok.i
                      and c.ent_type_ in NAMED_LABELS), None)
    if owner is None or owner.lower_ in ("its", "it"):
        return None
    for c in tok.children:
        if c.dep_ == "prep" and c.i > tok.i and c.lower_ in STANCE_PREPS:
            pobj = next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
            if pobj is not None:
                return Cue(tok, tok.idx, c.idx + len(c.text), owner,
                           (c.i + 1, c.right_edge.i + 1), noun=True)
    return None


def _animate(tok: Token) -> bool:
    """A source that can speak: a named person/organisation, a personal pronoun, or an
    institution noun."""
    return bool(
        tok.ent_type_ in NAMED_LABELS
        or tok.lower_ in PERSON_PRONOUNS | GROUP_PRONOUNS | FIRST_SECOND | RELATIVE_PRONOUNS
        or tok.lemma_.lower() in ORG_NOUNS
        or any(c.ent_type_ in NAMED_LABELS for c in tok.children if c.dep_ in ("compound", "poss"))
    )


def _takes_clause(tok: Token, lemma: str, in_quote: list[int]) -> bool:
    """Broad scope: a verb with a clausal complement (communication and cognition verbs take
    "that"-clauses) or an intention verb with an infinitive, and a nominal subject."""
    if lemma in NON_ATTRIBUTING:
        return False
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.lower_ in ("it", "this", "that", "which", "there"):
        return False
    for c in tok.children:
        if c.i <= tok.i or in_quote[c.i] >= 0:
            continue
        if c.dep_ == "ccomp" and any(g.dep_ in ("nsubj", "nsubjpass", "mark") for g in c.children):
            return True
        if c.dep_ == "xcomp" and lemma in INTENTION_VERBS and any(g.lower_ == "to" for g in c.children):
            return True
    return False


def _clause_range(tok: Token) -> tuple[int, int] | None:
    for c in tok.children:
        if c.dep_ in ("ccomp", "xcomp") and c.i > tok.i:
            return c.left_edge.i, c.right_edge.i + 1
    return None


def _topic_prep(prep: Token) -> bool:
    """A prepositional phrase that says what a stance is about ("criticised for X", "talked
    about Y"), not when, where, to whom or through which medium it was said."""
    pobj = next((g for g in prep.children if g.dep_ in ("pobj", "pcomp")), None)
    if pobj is None or prep.lower_ not in TOPIC_PREPS:
        return False
    return not (pobj.ent_type_ in ("DATE", "TIME", "GPE", "LOC", "FAC")
                or pobj.lemma_.lower() in MEDIUM_NOUNS or pobj.lower_ in OBJECT_PRONOUNS)


def _learned_content(tok: Token) -> tuple[int, int] | None:
    """Content of a cue the learned scorer found: its clause, else its object with what
    completes it, else the prepositional phrase it governs, else (passive, no agent) the
    passive subject with the verb's complements ("X has been criticized for Y")."""
    rng = _clause_range(tok)
    if rng is not None:
        return rng
    children = [c for c in tok.children if c.i > tok.i]
    listener = cue_lemma(tok) in LISTENER_VERBS
    comps = [c for c in children if (c.dep_ in ("oprd", "xcomp", "acomp")
             or (c.dep_ in ("dobj", "attr") and not listener))
             or (c.dep_ == "prep" and _topic_prep(c))]
    passive = any(c.dep_ == "auxpass" for c in tok.children)
    subj = next((c for c in tok.children if c.dep_ == "nsubjpass" and c.i < tok.i), None)
    if passive and subj is not None and subj.lower_ not in ("it", "there"):
        end = max([subj.right_edge.i + 1] + [c.right_edge.i + 1 for c in comps if c.dep_ != "agent"])
        return subj.left_edge.i, end
    if comps:
        first = comps[0]
        a = first.i + 1 if first.dep_ == "prep" else first.left_edge.i
        return a, max(c.right_edge.i for c in comps) + 1
    return None


def _stance_light_cue(tok: Token) -> Cue | None:
    """Broad scope: a light verb whose object is a stance noun ("had doubts about the plan",
    "voiced concern that ..."): the verb and noun are the cue, what the noun is about the
    content, the verb's subject the source."""
    if tok.pos_ != "VERB" or cue_lemma(tok) not in STANCE_LIGHT_VERBS:
        return None
    noun = next((c for c in tok.children if c.dep_ == "dobj" and c.i > tok.i
                 and c.lemma_.lower() in STANCE_NOUNS | BROAD_NOUN_CUES | SPEECH_NOUNS), None)
    if noun is None:
        return None
    rng = _noun_content(noun)
    subj = subject_of(tok, True)
    if rng is None or subj is None or subj.lower_ in ("it", "there", "this"):
        return None
    return Cue(tok, tok.idx, noun.idx + len(noun.text), subj, rng)


def _noun_content(tok: Token) -> tuple[int, int] | None:
    """What a cue noun is about: its "that"/infinitive clause, else its prepositional object
    ("concern about X", "her message of Y")."""
    for c in tok.children:
        if c.i > tok.i and c.dep_ in ("acl", "ccomp", "relcl", "appos") and any(
            m.dep_ in ("mark", "aux") and m.lower_ in ("that", "to") for m in c.children
        ):
            return c.left_edge.i, c.right_edge.i + 1
    for c in tok.children:
        if c.i > tok.i and c.dep_ == "prep" and c.lower_ in STANCE_PREPS and c.right_edge.i > c.i:
            return c.i + 1, c.right_edge.i + 1
    return None


# a giver named by these is a time or an amount, not a source ("pledges from 2015")
_NOT_GIVERS = frozenset({"DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"})


def _given_noun_cue(tok: Token) -> Cue | None:
    """A cue noun whose giver is named after it: "advice from staff that it would fail", "a
    report by the paper that ...", "won the endorsement of the union" (a verb of receiving):
    the giver is the source; the noun's clause is the content, else the receiver (the
    verb's subject: "she won the endorsement of ...")."""
    verb = tok.head if tok.dep_ == "dobj" and tok.head.pos_ == "VERB" else None
    preps = [c for c in tok.children if c.dep_ == "prep" and c.i > tok.i]
    by = next((c for c in preps if c.lower_ in ("from", "by")), None)
    if by is None and verb is not None and cue_lemma(verb) in RECEIVING_VERBS:
        by = next((c for c in preps if c.lower_ == "of"), None)
    giver = next((g for g in by.children if g.dep_ == "pobj"), None) if by is not None else None
    if giver is None or giver.ent_type_ in _NOT_GIVERS or giver.pos_ not in ("NOUN", "PROPN", "PRON"):
        return None
    rng = next(((c.left_edge.i, c.right_edge.i + 1) for c in tok.children
                if c.i > tok.i and c.dep_ in ("acl", "ccomp", "relcl", "appos")
                and any(m.dep_ in ("mark", "aux") and m.lower_ in ("that", "to") for m in c.children)), None)
    if rng is None and verb is not None:
        subj = subject_of(verb, True)
        if subj is not None and subj.lower_ not in ("it", "there", "this"):
            rng = (subj.left_edge.i, subj.right_edge.i + 1)
    if rng is None:
        return None
    end = by.idx + len(by.text) if by.lower_ == "of" else tok.idx + len(tok.text)
    return Cue(tok, tok.idx, end, giver, rng, noun=True)


# verbs of feeling that also name an act of the subject ("fans cheered", "upset the champion")
_AGENT_TOO = frozenset({"cheer", "upset"})


def _experiencer_cue(tok: Token) -> Cue | None:
    """'The jobs report cheered Democrats', 'the raids angered advocates': with a verb of
    feeling whose object feels (active voice), the object is the source and the subject what
    the stance is about."""
    if cue_lemma(tok) not in EXPERIENCER_OBJECT_VERBS or any(c.dep_ in ("auxpass", "agent") for c in tok.children):
        return None
    obj = next((c for c in tok.children if c.dep_ == "dobj" and c.i > tok.i), None)
    if obj is None or not (_animate(obj) or obj.lemma_.lower() in AUDIENCE_NOUNS) or obj.lower_ in ("it", "its"):
        return None
    subj = subject_of(tok, True)
    if subj is None or subj.lower_ in ("it", "there", "this") or subj.i > tok.i:
        return None
    end = subj.right_edge.i + 1
    if subj.lower_ in RELATIVE_PRONOUNS and subj.head.dep_ == "relcl":
        end = subj.i  # "a rocky summer ... that rattled supporters": the summer
        subj = subj.head.head
    if cue_lemma(tok) in _AGENT_TOO and (_animate(subj) or subj.pos_ == "PROPN" or subj.lemma_.lower() in AUDIENCE_NOUNS):
        return None  # "Fans cheered the team", "the underdog upset the champion": the subject acts
    return Cue(tok, tok.idx, tok.idx + len(tok.text), obj, (subj.left_edge.i, end))


def _phrasal_not_cue(tok: Token) -> bool:
    """Phrasal verbs that mean something else: "called it off", "called up reserves"."""
    return tok.lemma_.lower() == "call" and any(
        c.dep_ == "prt" and c.lower_ in ("off", "up", "in", "back") for c in tok.children)


def _learned_cue(tok: Token, in_quote: list[int]) -> Cue | None:
    """A cue the lexicons do not know but the learned scorer accepted: a verb with a subject
    (or an agent, or none in the passive), an adjective predicate ("is optimistic about"), a
    noun ("the union's scepticism about", "made comments about", "an assertion that")."""
    span = (tok.idx, tok.idx + len(tok.text))
    if tok.pos_ == "NOUN":
        owned = _noun_cue(tok) or _stance_noun_cue(tok) or _given_noun_cue(tok)
        if owned is not None:
            return owned
        rng = _noun_content(tok)
        if rng is None:
            return None
        # the noun's owner is whoever does the verb it is the object of ("made comments
        # about X", "stirred controversy with an assertion that X")
        verb = tok.head if tok.dep_ == "dobj" else (
            tok.head.head if tok.dep_ == "pobj" and tok.head.head.pos_ == "VERB" else None)
        subj = subject_of(verb, True) if verb is not None and verb.pos_ == "VERB" else None
        if subj is not None and rng[0] <= subj.i < rng[1]:
            subj = None
        return Cue(tok, *span, subj, rng, noun=True, sourceless=subj is None)
    if tok.pos_ == "ADJ":
        if tok.dep_ not in ("acomp", "amod", "ROOT"):
            return None
        host = tok.head if tok.dep_ == "acomp" else tok
        if tok.dep_ == "amod":
            # "officials angry about the mandates": an adjective after its noun describes
            # the holder; before it ("a fierce supporter of") no subject carries it
            subj = tok.head if tok.i > tok.head.i and tok.head.pos_ in ("NOUN", "PROPN") else None
        else:
            subj = (next((c for c in host.children if c.dep_ == "nsubj"), None)
                    or (subject_of(host, True) if host.pos_ in ("VERB", "AUX") else None))
        rng = _clause_range(tok)
        if rng is None:
            prep = next((c for c in tok.children if c.dep_ == "prep" and c.i > tok.i), None)
            rng = (prep.i + 1, prep.right_edge.i + 1) if prep is not None and prep.right_edge.i > prep.i else None
        if rng is None or (subj is not None and subj.lower_ in ("it", "this", "that", "there")):
            return None
        return Cue(tok, *span, subj, rng, sourceless=subj is None)
    if tok.pos_ != "VERB" or _phrasal_not_cue(tok):
        return None
    felt = _experiencer_cue(tok)
    if felt is not None:
        return felt
    content = _learned_content(tok)
    if content is None:
        return None
    agent = next((c for c in tok.children if c.dep_ == "agent"), None)
    if agent is not None:
        pobj = next((c for c in agent.children if c.dep_ == "pobj"), None)
        if pobj is not None:
            return Cue(tok, tok.idx, agent.idx + len(agent.text), pobj, content)
    passive = any(c.dep_ == "auxpass" for c in tok.children)
    subj = None if passive else subject_of(tok, True)
    if subj is None:
        return Cue(tok, *span, None, content, sourceless=True)
    if subj.i >= content[0] and subj.i < content[1]:
        return None
    return Cue(tok, *span, subj, content)


def find_cues(doc: Doc, in_quote: list[int], beliefs: bool, broad: bool = False) -> list[Cue]:
    """Cues from the lexicons and the syntax."""
    cues: list[Cue] = []
    for tok in doc:
        if in_quote[tok.i] >= 0:
            continue
        try:
            _rule_cues(doc, tok, in_quote, beliefs, broad, cues)
        except (IndexError, ValueError, StopIteration) as exc:  # one odd parse: skip this word
            warnings.warn(f"cue {tok.text!r} at offset {tok.idx} skipped ({exc!r})", stacklevel=2)
    if broad:
        _writer_impressions(cues)
    return cues


# verbs of appearance: "X appears to ...", "it seems that ..." report the writer's impression
APPEARANCE_VERBS = frozenset({"seem", "appear"})


def _writer_impressions(cues: list[Cue]) -> None:
    """Broad scope: a verb of appearance as the cue ("he appeared to be laying the groundwork",
    "it seems that ...") is the writer's impression of its subject, not the subject's statement:
    an attribution to nobody named. (Keeping the subject when the infinitive is itself a
    statement, "appeared to admit", did not help on PolNeAR train.)"""
    for c in cues:
        if cue_lemma(c.tok) in APPEARANCE_VERBS and c.tok.pos_ in ("VERB", "AUX"):
            c.subject = None
            c.sourceless = True


def rescore_cues(doc: Doc, cues: list[Cue], in_quote: list[int], model: CueModel) -> list[Cue]:
    """The learned scorer's pass (broad scope): it sees which words the rules took as cues,
    drops a rule's cue it scores below ``model.veto`` and adds a cue at any other word it
    scores at or above ``model.threshold``."""
    by_tok = {c.tok.i for c in cues}
    cands = candidates(doc, in_quote)
    contents = cue_contents(cues)
    scores = dict(zip((t.i for t in cands), model.score(cands, by_tok, contents), strict=True))
    kept = []
    for c in cues:
        p = scores.get(c.tok.i, 1.0)
        if p < model.veto:
            continue
        if p >= model.threshold and c.tok.lower_ != "according" and c.tok.pos_ == "VERB":
            # a likely cue the rules could not complete: its object or clause as content
            # ("calls the plan 'stupid'"), no named source when it has no subject ("was
            # criticized for ...", "Asked whether ...")
            if c.content is None:
                c.content = _learned_content(c.tok)
            if c.content is not None and c.subject is None and not c.sourceless:
                c.sourceless = True
        kept.append(c)
    for tok in cands:
        if tok.i in by_tok or scores[tok.i] < model.threshold or raised_passive(tok):
            continue
        try:
            cue = _learned_cue(tok, in_quote)
        except (IndexError, ValueError, StopIteration) as exc:  # one odd parse: skip this word
            warnings.warn(f"cue {tok.text!r} at offset {tok.idx} skipped ({exc!r})", stacklevel=2)
            continue
        if cue is not None:
            kept.append(cue)
    _writer_impressions(kept)
    return kept


def rule_cue_tokens(doc: Doc, broad: bool = True) -> frozenset[int]:
    """Indices of the words the rules take as cues (what the learned scorer is told)."""
    return frozenset(c for c, _, _ in rule_cue_contents(doc, broad)[0])


def rule_cue_contents(doc: Doc, broad: bool = True) -> tuple[list[tuple[int, int, int]], frozenset[int]]:
    """The rules' cues as (cue token, first, end) content token ranges ((cue, cue, cue) for a
    cue without content), and every cue token: what the learned scorer is told."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # unbalanced marks are reported by extract_quotes
        in_quote, _ = quote_token_map(doc, quoted_spans(doc_text(doc)))
        cues = find_cues(doc, in_quote, True, broad)
    return cue_contents(cues), frozenset(c.tok.i for c in cues)


def cue_contents(cues: list[Cue]) -> list[tuple[int, int, int]]:
    """(cue token, first, end) token ranges of the cues' contents; (cue, cue, cue) for a cue
    without content."""
    return [(c.tok.i, *c.content) if c.content is not None else (c.tok.i, c.tok.i, c.tok.i) for c in cues]


def _rule_cues(doc: Doc, tok: Token, in_quote: list[int], beliefs: bool, broad: bool, cues: list[Cue]) -> None:
    """Append the cue ``tok`` makes by the lexicons and the syntax, if any."""
    if broad and raised_passive(tok):
        return
    # "according to X"
    if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
        to = doc[tok.i + 1]
        pobj = [c for c in to.children if c.dep_ == "pobj"]
        if not pobj:
            return
        cues.append(Cue(tok, tok.idx, to.idx + len(to.text), pobj[0], None))
        return
    if broad and tok.pos_ == "ADJ" and tok.dep_ == "acomp":
        # "supporters are optimistic that ...", "she is confident that ..."
        clause = next((c for c in tok.children if c.dep_ == "ccomp" and c.i > tok.i), None)
        subj = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
        if clause is not None and subj is not None and subj.lower_ not in ("it", "this", "that", "there"):
            cues.append(Cue(tok, tok.idx, tok.idx + len(tok.text), subj,
                            (clause.left_edge.i, clause.right_edge.i + 1)))
        return
    if tok.pos_ == "NOUN" and (tok.lemma_.lower() in NOUN_CUES or (
        broad and tok.lemma_.lower() in BROAD_NOUN_CUES | STANCE_NOUNS
    )):
        noun_cue = _noun_cue(tok) or (_stance_noun_cue(tok) if broad else None)
        if noun_cue is not None:
            cues.append(noun_cue)
        return
    if broad:
        passive = _experiencer_cue(tok) or _sourceless_cue(tok) or _broad_cue(tok, in_quote) or _stance_light_cue(tok)
        if passive is not None:
            cues.append(passive)
            return
    if tok.pos_ not in ("VERB",):
        return
    lemma = cue_lemma(tok)
    light = lemma in LIGHT_VERBS and any(
        c.dep_ == "dobj" and c.lemma_.lower() in SPEECH_NOUNS for c in tok.children
    )
    generic = broad and _takes_clause(tok, lemma, in_quote)
    if lemma not in SPEECH_VERBS and not light and not (beliefs and lemma in BELIEF_VERBS) and not (
        broad and lemma in ATTITUDE_VERBS
    ) and not generic:
        return
    if tok.dep_ in ("amod", "compound") or (tok.dep_ == "acl" and tok.tag_ != "VBG"):
        return
    if _phrasal_not_cue(tok):
        return
    if lemma == "point" and not any(c.dep_ == "prt" and c.lower_ == "out" for c in tok.children) and not (
        broad and any(c.dep_ == "prep" and c.lower_ == "to" for c in tok.children)
    ):
        return  # broad: "pointed to the poll" cites it
    if not broad and any(c.dep_ == "neg" for c in tok.children) and lemma not in NEGATING_CUES:
        return  # "did not say whether": not a statement
    if any(c.dep_ == "aux" and c.lower_ in HYPOTHETICAL_AUX for c in tok.children):
        return  # "he may also imply that ...": a hypothetical, not a statement
    try:
        content, label_neg = content_range(tok, lemma, broad)
        if content is None and generic:
            content, label_neg = _clause_range(tok), False
    except (IndexError, ValueError, StopIteration) as exc:  # one odd parse: skip this cue
        warnings.warn(f"cue {tok.text!r} at offset {tok.idx} skipped ({exc!r})", stacklevel=2)
        return
    if lemma in BELIEF_VERBS and not broad and (
        content is None or not any(c.dep_ == "ccomp" for c in tok.children)
    ):
        return
    subj = subject_of(tok, broad)
    if subj is None and broad:  # "Asked by the host to respond, ...": the agent is the source
        agent = next((c for c in tok.children if c.dep_ == "agent"), None)
        subj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    if lemma in ("promise", "threaten") and subj is not None and not _animate(subj):
        return  # "the costs threaten to swell": a forecast, not a statement
    end = tok.idx + len(tok.text)
    prts = [c for c in tok.children if c.dep_ == "prt" and c.i == tok.i + 1]
    if prts:
        end = prts[0].idx + len(prts[0].text)
    if light and lemma not in SPEECH_VERBS:  # "offered an alternative explanation"
        noun = next(c for c in tok.children if c.dep_ == "dobj" and c.lemma_.lower() in SPEECH_NOUNS)
        end = noun.idx + len(noun.text)
    negated = (lemma in NEGATING_CUES and not any(c.dep_ == "neg" for c in tok.children)) or label_neg
    # the cue as written includes its auxiliaries and adverbs ("has also said")
    first = tok.i
    left = {c.i: c for c in tok.children if c.dep_ in ("aux", "auxpass", "neg", "advmod") and c.i < tok.i
            and (subj is None or c.i != subj.i)}
    while first - 1 in left and in_quote[first - 1] < 0 and doc[first - 1].lower_ not in HYPOTHETICAL_AUX:
        first -= 1
    cues.append(Cue(tok, doc[first].idx, end, subj, content, negated))
