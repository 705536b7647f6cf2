"""Cues placed by where a quotation stands: a subject and verb right after its closing mark,
a verb before the colon that opens it, and the content that runs around its own cue."""

from __future__ import annotations

from spacy.tokens import Doc

from ..lexicon import NON_ATTRIBUTING
from .clauses import Cue, antecedent, relative_pronoun, trim_punct
from .marks import QUOTE_CHARS

# '"...," said X' / '"...?" the 43-year-old asked': the cue starts within AFTER_QUOTE_TOKENS
# of the closing mark, its subject phrase reaches its verb within SUBJECT_VERB_TOKENS, and the
# verb is at most AFTER_QUOTE_VERB_TOKENS from the cue's start
AFTER_QUOTE_TOKENS = 4
SUBJECT_VERB_TOKENS = 6
AFTER_QUOTE_VERB_TOKENS = 8


def split_around_cue(doc: Doc, cue: Cue, a: int, b: int) -> tuple[int, int, list[tuple[int, int]]]:
    """Content that runs across its own cue ("which she said represented all her emails",
    "The documents indicate, he said, that ...") is two pieces: the longer stays the content,
    the other becomes a part. A relative pronoun the cue's clause is about ("which Mr. Trump
    called 'a disgrace'") is a part too."""
    parts: list[tuple[int, int]] = []
    t = cue.tok
    if a <= t.i < b and not cue.sourceless:  # "X seems Y", "X is expected to": X is content
        subj = cue.subject
        left_end = subj.left_edge.i if subj is not None and a <= subj.left_edge.i < t.i else t.i
        right_start = t.i + 1
        while right_start < b and doc[right_start].dep_ in ("prt", "punct") and doc[right_start].head.i == t.i:
            right_start += 1
        left = trim_punct(doc, a, left_end)
        right = trim_punct(doc, right_start, b)
        pieces = sorted((r for r in (left, right) if r[1] > r[0]), key=lambda r: r[1] - r[0], reverse=True)
        if not pieces:
            return a, b, parts
        (a, b) = pieces[0]
        # the other piece, when it says something ("The documents indicate, he said, that
        # ..."), not a stray "by" or "he was" left around a passive cue
        parts = [r for r in pieces[1:] if any(not (x.is_stop or x.is_punct or x.is_space) or x.tag_ in ("WDT", "WP")
                                              for x in doc[r[0]:r[1]])]
    rel = next((c for c in t.children if c.i < t.i and c.tag_ in ("WDT", "WP") and not a <= c.i < b
                and c.dep_ in ("dobj", "nsubj", "nsubjpass")), None)
    inner = relative_pronoun(t)
    if rel is None and inner is not None and inner.i < a and inner.head.i != t.i and inner.head.i >= t.i \
            and (inner.i, inner.i + 1) not in parts:
        # "which he said were covered up": the pronoun is the reported clause's subject
        parts.append((inner.i, inner.i + 1))
    elif rel is not None and t.dep_ == "relcl" and (cue.subject is None or rel.i != cue.subject.i):
        ante = antecedent(t)  # "a bill that critics called anti-gay": the bill, and the label
        if ante is not None and not (ante[0] < b and a < ante[1]):
            parts.append(ante)
        elif ante is None:
            parts.append((rel.i, rel.i + 1))
    return a, b, parts


def according_content(cue: Cue) -> tuple[int, int] | None:
    doc = cue.tok.doc
    sent = cue.tok.sent
    phrase_a = cue.tok.i
    phrase_b = cue.subject.right_edge.i + 1 if cue.subject is not None else cue.tok.i + 2
    left = (sent.start, phrase_a)
    right = (phrase_b, sent.end)

    def clean(r: tuple[int, int]) -> tuple[int, int]:
        a, b = r
        while a < b and (doc[a].is_punct or doc[a].is_space):
            a += 1
        while b > a and (doc[b - 1].is_punct or doc[b - 1].is_space):
            b -= 1
        return a, b

    left, right = clean(left), clean(right)
    best = max((left, right), key=lambda r: r[1] - r[0])
    if best[1] - best[0] < 2:
        return None
    return best


def after_quote_cue(doc: Doc, last_tok: int, in_quote: list[int]) -> Cue | None:
    """'"...," Trump shot back' / '"...?" asked the moderator': a subject and verb right after
    the closing mark introduce the quotation, whatever the verb."""
    k = last_tok
    while k < len(doc) and (doc[k].is_punct or doc[k].is_space):
        if doc[k].text in ".;" and k > last_tok and doc[k - 1].text not in QUOTE_CHARS:
            return None
        k += 1
    if k >= len(doc) or k - last_tok > AFTER_QUOTE_TOKENS or in_quote[k] >= 0:
        return None
    tok = doc[k]
    if tok.pos_ == "VERB" and tok.lemma_.lower() not in NON_ATTRIBUTING:  # '"...," said X'
        subj = next((c for c in tok.children if c.dep_ == "nsubj" and c.i > tok.i), None)
        if subj is not None:
            return Cue(tok, tok.idx, tok.idx + len(tok.text), subj, None)
        return None
    # the subject phrase starting here, then its verb within a few words
    node = tok
    while node.dep_ not in ("nsubj",) and node.head.i != node.i and node.head.i - k <= SUBJECT_VERB_TOKENS and node.head.i > node.i:
        node = node.head
    if node.dep_ != "nsubj" or node.left_edge.i != k:
        return None
    verb = node.head
    # '"...?" the 43-year-old asked': the parser may hang the verb on its subject
    hung = next((c for c in node.children if c.dep_ == "acl" and c.pos_ == "VERB" and 0 < c.i - node.i <= 2), None)
    if hung is not None and verb.i < node.i:
        verb = hung
    if verb.pos_ != "VERB" or verb.i - k > AFTER_QUOTE_VERB_TOKENS or in_quote[verb.i] >= 0 or verb.lemma_.lower() in NON_ATTRIBUTING:
        return None
    if any(c.dep_ in ("dobj", "ccomp") and c.i > verb.i for c in verb.children if c.lower_ not in ("me", "us", "him", "her", "them")):
        return None  # '"...," the coach told the players to ...' is left to the lexicon rules
    return Cue(verb, verb.idx, verb.idx + len(verb.text), node, None)


def colon_cue(doc: Doc, first_tok: int, in_quote: list[int]) -> Cue | None:
    """The verb before a colon that opens the quotation starting at token ``first_tok``."""
    i = first_tok - 1
    while i >= 0 and (doc[i].is_space or doc[i].text in QUOTE_CHARS):
        i -= 1
    if i < 0 or doc[i].text not in (":", ","):
        return None
    verb = doc[i].head
    if doc[i].text == ",":
        # "Issa continued, “...”": only a verb right before the comma, with no object of its own
        verb = doc[i - 1] if i > 0 else doc[i]
        if any(c.dep_ in ("dobj", "ccomp", "xcomp") and c.i < i for c in verb.children):
            return None
    if verb.i >= i or verb.pos_ != "VERB" or in_quote[verb.i] >= 0 or verb.lemma_.lower() in ("be", "have"):
        return None
    subj = next((c for c in verb.children if c.dep_ in ("nsubj",) and c.i < verb.i), None)
    if subj is None:
        return None
    return Cue(verb, verb.idx, verb.idx + len(verb.text), subj, None)
