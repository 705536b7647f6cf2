"""A cue's subject and content: the clause it reports, the clause that hosts it."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from .. import doc_text
from ..lexicon import (
    AUDIENCE_NOUNS,
    BELIEF_VERBS,
    EVIDENCE_VERBS,
    FINDING_NOUNS,
    LIGHT_VERBS,
    LISTENER_VERBS,
    NAMED_LABELS,
    NEGATIVE_LABELS,
    OBJECT_CUES,
    OBJECT_PRONOUNS,
    ORG_NOUNS,
    REFLEXIVES,
    SAY_OBJECT,
    SPEECH_NOUNS,
    SPEECH_VERBS,
    TOLD_THINGS,
    WITH_AS_ONLY,
    XCOMP_CUES,
)
from .marks import QUOTE_CHARS, QuotedSpan
from .subjects import SUBJECT_CHAIN_STEPS, cue_lemma

# tokens to look ahead for a quoted label
LABEL_QUOTE_TOKENS = 20
# a quotation next to a clause embeds it when it has this many words
EMBEDDED_QUOTE_WORDS = 4

# --------------------------------------------------------------------------- cues


@dataclass(slots=True)
class Cue:
    tok: Token
    start: int  # char span of the cue
    end: int
    subject: Token | None
    content: tuple[int, int] | None  # token range of indirect content
    negated: bool = False
    noun: bool = False  # a noun cue ("Moscow's claim that ...")
    sourceless: bool = False  # passive or adverbial cue with no source ("is expected to")


def _is_listener(tok: Token) -> bool:
    """An addressee: a person or organisation, an object pronoun, an audience noun, or
    anything told that is not a tale ("told Face the Nation", but "told the truth")."""
    if tok.head.lemma_.lower() == "tell" and tok.pos_ in ("PROPN", "NOUN"):
        return tok.pos_ == "PROPN" or tok.lemma_.lower() not in TOLD_THINGS
    return bool(tok.lower_ in OBJECT_PRONOUNS or tok.ent_type_ in NAMED_LABELS
                or tok.lemma_.lower() in AUDIENCE_NOUNS | ORG_NOUNS)


def content_range(verb: Token, lemma: str, broad: bool = False) -> tuple[tuple[int, int] | None, bool]:
    """Token range of what ``verb`` attributes, and whether a label negates it."""
    doc = verb.doc
    children = list(verb.children)
    ccomps = [c for c in children if c.dep_ in ("ccomp",)]
    if lemma in EVIDENCE_VERBS and not broad and not ccomps:
        host = host_clause(verb)  # "..., the panel concluded, ..."
        if host is not None:
            return host, False
    subj = next((c for c in children if c.dep_ == "nsubj"), None)
    if lemma in EVIDENCE_VERBS and subj is not None and subj.lemma_.lower() in FINDING_NOUNS:
        if any(c.dep_ in ("dobj", "ccomp") and c.i > verb.i for c in children):
            # "a new poll shows Sanders leading Clinton": what the document shows
            end = verb.right_edge.i + 1
            while end > verb.i + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space):
                end -= 1
            if end - verb.i > 2:
                return (verb.i + 1, end), False
    if lemma in EVIDENCE_VERBS and not broad:
        # "the study shows that ...": a finding, only with an explicit complementiser, or
        # the inverted "..., the poll found."
        ccomps = [c for c in ccomps if c.i < verb.i or any(
            g.dep_ == "mark" and g.lower_ in ("that", "whether") for g in c.children)]
        if not ccomps:
            return None, False
    oprds = [c for c in children if c.dep_ == "oprd" and c.i > verb.i]
    if lemma == "call" and not ccomps and oprds and not any(c.dep_ == "dobj" and c.i > verb.i for c in children):
        # "called the claim a 'lie'" parsed as two predicates
        start = min(c.left_edge.i for c in oprds)
        end = max(c.right_edge.i for c in oprds) + 1
        return (start, end), any(c.lemma_.lower() in NEGATIVE_LABELS for c in oprds)
    if ccomps:
        # the complement next to the cue, not a later clause the parser also hung on it
        right = [c for c in ccomps if c.left_edge.i > verb.i]
        c = min(right, key=lambda t: t.left_edge.i) if right else max(ccomps, key=lambda t: t.right_edge.i - t.left_edge.i)
        finite = c.tag_ in ("VBD", "VBZ", "VBP") or (
            c.tag_ == "VBN" and not any(g.dep_ in ("aux", "auxpass") for g in c.children)
        )
        if finite and not any(
            g.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for g in c.children
        ):
            # "a decision which X said proved ...": the subject is elsewhere; broad scope
            # keeps the clause (the relative pronoun is added as a part of the content)
            if not (broad and relative_pronoun(verb) is not None):
                return None, False
        a, b = c.left_edge.i, c.right_edge.i + 1
        return (a, b), False
    # "said in a statement that ...": the clause hangs on the medium noun
    for c in children:
        if c.dep_ == "prep" and c.i > verb.i:
            for pobj in c.children:
                if pobj.dep_ == "pobj":
                    for g in pobj.children:
                        if g.dep_ in ("acl", "ccomp", "relcl") and any(
                            m.dep_ == "mark" and m.lower_ == "that" for m in g.children
                        ):
                            return (g.left_edge.i, g.right_edge.i + 1), False
    if verb.dep_ == "relcl" and not any(c.dep_ in ("oprd", "xcomp", "ccomp") for c in children) and any(
        c.dep_ == "dobj" and c.i < verb.i and c.tag_ in ("WDT", "WP") for c in children
    ):  # "a tax cut that Republicans demanded", "the wall, which he promised": the noun described
        return antecedent(verb), False
    dobjs = [c for c in children if c.dep_ == "dobj" and c.i > verb.i]
    xcomps = [c for c in children if c.dep_ == "xcomp" and c.i > verb.i]
    if lemma in ("say", "add", "claim", "insist", "argue") and xcomps and not dobjs and xcomps[0].tag_ == "VBG" \
            and xcomps[0].i == verb.i + 1:
        # "said seeing so many officers was a relief": a gerund subject the parser left dangling
        head = xcomps[0]
        return (head.left_edge.i, verb.sent.end), False
    if lemma in XCOMP_CUES and xcomps:
        start = dobjs[0].left_edge.i if dobjs else xcomps[0].left_edge.i
        return (start, xcomps[-1].right_edge.i + 1), False
    if dobjs and lemma in ("tell", "inform", "assure", "remind", "warn", "notify", "advise", "convince"):
        # "told a TV interviewer that he is feeling ...": the clause may hang on the listener
        for g in dobjs[0].children:
            if g.dep_ in ("acl", "relcl", "ccomp") and g.i > dobjs[0].i and any(
                m.dep_ == "mark" and m.lower_ == "that" for m in g.children
            ):
                return (g.left_edge.i, g.right_edge.i + 1), False
    if dobjs and lemma in LISTENER_VERBS and _is_listener(dobjs[0]):
        dobjs = []  # "told reporters", "assured him": the listener, not what was said
    if dobjs:
        obj = dobjs[0]
        labelled = (lemma == "call" and any(c.dep_ == "oprd" for c in children)) or (
            lemma == "describe" and any(c.dep_ == "prep" and c.lower_ == "as" for c in children)
        )  # "called it a lie", "described it as news to me"
        stance = broad  # broad: any cue's object is what it is about
        if obj.pos_ == "PRON" and not labelled and not (stance and obj.lower_ in OBJECT_PRONOUNS):
            return None, False  # broad: "endorsed him" is a stance on a person
        # "repeated the claim that ..." / "offered an explanation: that ..."
        if obj.lemma_.lower() in SPEECH_NOUNS and (lemma in LIGHT_VERBS or lemma in SPEECH_VERBS):
            for c in obj.children:
                if c.dep_ in ("acl", "ccomp", "relcl", "appos") and any(
                    g.dep_ == "mark" and g.lower_ == "that" for g in c.children
                ):
                    return (c.left_edge.i, c.right_edge.i + 1), False
            colon = [t for t in doc[obj.i : obj.sent.end] if t.text == ":"]
            if colon and colon[0].i + 1 < obj.sent.end:
                end = obj.sent.end
                while end > colon[0].i + 1 and doc[end - 1].is_punct:
                    end -= 1
                return (colon[0].i + 1, end), False
        if lemma in SAY_OBJECT and obj.pos_ != "PRON":  # "said the same thing"
            return (obj.left_edge.i, obj.right_edge.i + 1), False
        if broad and (lemma in WITH_AS_ONLY or obj.lower_ in REFLEXIVES) and not any(
            c.dep_ == "prep" and c.lower_ == "as" for c in children
        ):
            return None, False  # broad: "cast ballots", "found himself" are not stances; "cast him as" is
        if lemma in OBJECT_CUES or broad:
            end = obj.right_edge.i + 1
            neg = False
            for c in children:
                if c.i > obj.i and c.dep_ in ("oprd", "prep", "xcomp") and (
                    c.dep_ != "prep" or c.lower_ in ("of", "for", "as", "over")
                ):
                    end = max(end, c.right_edge.i + 1)
                    if c.dep_ == "oprd" and c.lemma_.lower() in NEGATIVE_LABELS:
                        neg = True
            if lemma == "call" and end == obj.right_edge.i + 1:
                # 'called the agreement "an historic step"': the label is the quotation after it
                if end < len(doc) and doc[end].text in QUOTE_CHARS:
                    close = next((t.i for t in doc[end + 1 : min(len(doc), end + LABEL_QUOTE_TOKENS)]
                                  if t.text in QUOTE_CHARS), None)
                    if close is not None:
                        label = doc[end + 1 : close]
                        neg = any(t.lemma_.lower() in NEGATIVE_LABELS for t in label)
                        return (obj.left_edge.i, close + 1), neg
                return None, False  # "called the meeting": no label given
            return (obj.left_edge.i, end), neg
    host = host_clause(verb)
    if host is not None:
        return host, False
    if lemma == "call":  # "called for a recount", "called on the board to resign"
        for c in children:
            if c.dep_ in ("advcl", "ccomp", "xcomp") and c.i > verb.i and any(
                m.dep_ == "mark" and m.lower_ == "for" and m.i == verb.i + 1 for m in c.children
            ):  # "calling for the council to act"
                return (verb.i + 2, c.right_edge.i + 1), False
            if c.dep_ == "prep" and c.lower_ in ("for", "on") and c.i == verb.i + 1:
                last_i = max([c.right_edge.i] + [x.right_edge.i for x in children if x.i > c.i])
                return (c.i + 1, last_i + 1), False
    if lemma in SPEECH_VERBS and lemma not in ("say", "tell", "ask", "write", "report", "show", "find"):
        # "complained bitterly about the ruling", "warned against a rush"
        for c in children:
            if c.dep_ == "prep" and c.lower_ in ("about", "against", "on", "of", "for") and 0 < c.i - verb.i <= 3 \
                    and any(g.dep_ in ("pobj", "pcomp") for g in c.children):
                return (c.i + 1, c.right_edge.i + 1), False
    if broad:
        if lemma in WITH_AS_ONLY:
            return None, False
        # broad scope: what the stance is about ("talked about X", "voted for Y")
        for c in children:
            if c.dep_ in ("xcomp", "prep") and c.i > verb.i and (
                c.dep_ != "prep" or c.lower_ in ("about", "to", "for", "on", "of", "against", "with")
            ) and not (lemma in ("speak", "talk") and c.lower_ in ("to", "with")) and lemma not in ("say", "tell", "add", "write", "ask"):  # the audience
                return (c.left_edge.i if c.dep_ != "prep" else c.i + 1, c.right_edge.i + 1), False
    return None, False


def _quoted_words(doc: Doc, mark: int, step: int) -> int:
    """Words between the quotation mark at ``mark`` and the next mark in direction ``step``
    (within the sentence): a real quotation, or a scare-quoted “maybe”."""
    sent = doc[mark].sent
    i, n = mark + step, 0
    while sent.start <= i < sent.end and doc[i].text not in QUOTE_CHARS:
        n += not (doc[i].is_punct or doc[i].is_space)
        i += step
    return n


def host_clause(verb: Token) -> tuple[int, int] | None:
    """Content of a parenthetical cue: "X, he says, is different", "as the paper reported, X".

    The clause the cue interrupts or comments on, minus the cue's own phrase when that
    phrase sits at one end of it."""
    doc = verb.doc
    own_a = verb.left_edge.i
    while own_a < verb.i and doc[own_a].is_punct:
        own_a += 1
    # "..., she said." parsed as a complement or conjunct of the clause it reports: the
    # subject follows a comma and the cue ends the sentence
    subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    last_word = max((t.i for t in verb.sent if not t.is_punct and not t.is_space), default=-1)
    listener_ok = ("prep", "npadvmod", "advmod", "punct") + (
        ("dobj", "dative") if cue_lemma(verb) in ("tell", "inform", "assure", "remind") else ()
    )  # "..., officials told POLITICO."
    tail_ok = last_word == verb.i or (
        verb.right_edge.i >= last_word
        and all(c.dep_ in listener_ok for c in verb.children if c.i > verb.i)
    )  # "..., the office reported on Tuesday."
    trailing = (
        verb.dep_ in ("ccomp", "conj", "advcl") and verb.head.i < verb.i and subj is not None
        and subj.left_edge.i > verb.sent.start and doc[subj.left_edge.i - 1].text == ","
        and tail_ok
    )
    if trailing and subj is not None:
        own_a = subj.left_edge.i
    parenthetical = trailing or verb.dep_ == "parataxis" or (
        verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)
    )
    if not parenthetical or verb.head.i == verb.i:
        return None
    head = verb.head
    a, b = head.left_edge.i, head.right_edge.i + 1
    own_b = verb.right_edge.i + 1
    if trailing:
        a, b = verb.sent.start, own_a

    def words_between(x: int, y: int) -> bool:
        return any(not t.is_punct and not t.is_space for t in doc[x:y])

    if not words_between(a, own_a):  # "As the paper reported, X ..."
        a = own_b
    elif not words_between(own_b, b):  # "X ..., the paper said."
        b = own_a
    before = own_a - 1
    while before >= 0 and doc[before].is_punct and doc[before].text not in QUOTE_CHARS:
        before -= 1
    after = own_b
    while after < len(doc) and doc[after].is_punct and doc[after].text not in QUOTE_CHARS:
        after += 1
    if (before >= 0 and doc[before].text in QUOTE_CHARS and _quoted_words(doc, before, -1) >= EMBEDDED_QUOTE_WORDS) or (
        after < len(doc) and doc[after].text in QUOTE_CHARS and _quoted_words(doc, after, 1) >= EMBEDDED_QUOTE_WORDS
    ):
        return None  # a cue between quotations: the quotations are the content (pass 3)
    words = [t for t in doc[a:b] if not t.is_punct and not t.is_space]
    if len(words) < 3:
        return None
    return a, b


def relative_pronoun(verb: Token) -> Token | None:
    """The relative pronoun of the relative clause ``verb`` heads, wherever the parser hung it
    ("which he said were covered up": "which" is the subject of the reported clause)."""
    if verb.dep_ != "relcl":
        return None
    return next((t for t in verb.doc[verb.left_edge.i : verb.i] if t.tag_ in ("WDT", "WP", "WP$")), None)


def antecedent(verb: Token) -> tuple[int, int] | None:
    """Token range of the noun phrase a relative clause hangs on, without the clause."""
    if verb.dep_ != "relcl" or verb.head.i == verb.i:
        return None
    noun = verb.head
    a, b = noun.left_edge.i, verb.left_edge.i
    a, b = trim_punct(verb.doc, a, b)
    return (a, b) if b > a else None


def trim_punct(doc: Doc, a: int, b: int) -> tuple[int, int]:
    while a < b and (doc[a].is_punct or doc[a].is_space) and doc[a].text not in QUOTE_CHARS:
        a += 1
    while b > a and (doc[b - 1].is_punct or doc[b - 1].is_space) and doc[b - 1].text not in QUOTE_CHARS:
        b -= 1
    return a, b


def cut_trailing_comment(doc: Doc, a: int, b: int, qspans: list[QuotedSpan], inside: set[int]) -> int:
    """End the content at an embedded quotation followed by the writer's own comment on it
    ('said the attack "crosses many lines," an allusion to ...', '..., which echoed ...')."""
    for qi in sorted(inside, key=lambda i: qspans[i].close_end):
        q = qspans[qi]
        after = next((t.i for t in doc[a:b] if t.idx >= q.close_end), None)
        if after is None:
            continue
        k = after
        while k < b and (doc[k].is_punct or doc[k].is_space) and doc[k].text not in QUOTE_CHARS:
            k += 1
        if k >= b or "," not in doc_text(doc)[q.end - 1 : doc[k].idx]:
            continue
        t = doc[k]
        node = t
        while node.head.i != node.i and node.head.left_edge.i == t.i:
            node = node.head
        second_object = node.dep_ == "dobj" and any(
            c.dep_ == "dobj" and c.i < after for c in node.head.children
        )  # "crosses many lines," an allusion ...: parsed as a second object
        if node.left_edge.i == t.i and (
            node.dep_ in ("appos", "relcl", "acl", "advcl", "npadvmod") or second_object
        ) and node.right_edge.i + 1 >= b:
            return after
    return b


def cut_trailing_participle(doc: Doc, a: int, b: int) -> int:
    """'said it would back him, setting the Kremlin on course for ...': a participle clause
    after a comma at the end of the reported clause is the writer's gloss."""
    for t in doc[a:b]:
        if t.dep_ == "advcl" and t.tag_ == "VBG" and t.left_edge.i > a + 2 \
                and doc[t.left_edge.i - 1].text == "," and t.right_edge.i + 1 >= b \
                and a <= t.head.i < b and not (a <= t.head.head.i < b and t.head.head.i != t.head.i):
            return t.left_edge.i - 1
    return b


# a clause of the reported content that holds another source's own attribution: a relative
# clause ("..., which critics called a disgrace") or an adverbial clause with its own subject
# ("..., while rivals say ...", "although she wrote that ...")
_SUBORDINATORS = frozenset(
    "while whereas although though since because after before when as if unless until once".split()
)


def _own_clause(inner: Token, a: int, b: int) -> Token | None:
    """The clause inside the token range [a, b) that holds the cue ``inner`` as an attribution
    of its own: the nearest relative clause, or adverbial clause with its own subject and a
    subordinator, on the way up from the cue and still inside the range."""
    node = inner
    for _ in range(SUBJECT_CHAIN_STEPS + 2):
        if not a <= node.i < b or node.head.i == node.i:
            return None
        own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children)
        if node.dep_ == "relcl" or (own_subject and node.dep_ in ("advcl", "ccomp", "conj")
                                    and node.doc[node.left_edge.i].tag_ in ("WDT", "WP", "WP$")):
            return node  # ", which the unions called ...", parsed as a relative or an adverbial clause
        if node.dep_ == "advcl" and own_subject and any(
            c.dep_ == "mark" and c.lower_ in _SUBORDINATORS for c in node.children
        ):
            return node
        node = node.head
    return None


def separate_inner_cues(doc: Doc, cues: list[Cue]) -> None:
    """A cue with its own subject inside a relative or adverbial clause of another
    cue's content is a separate attribution ("X said he backed the bill, which critics called
    a disgrace"): the outer content ends (or starts) at that clause, which the inner cue reports.
    When the clause sits in the middle of the content, the longer side stays."""
    verbs = [c for c in cues if not c.noun and not c.sourceless and c.subject is not None and c.tok.pos_ == "VERB"
             and cue_lemma(c.tok) in SPEECH_VERBS | BELIEF_VERBS]
    for outer in cues:
        if outer.content is None:
            continue
        for inner in verbs:
            a, b = outer.content
            if inner is outer or not a <= inner.tok.i < b or inner.subject is None:
                continue
            clause = _own_clause(inner.tok, a, b)
            if clause is None or clause.i == outer.tok.i:
                continue
            ca, cb = clause.left_edge.i, clause.right_edge.i + 1
            left, right = trim_punct(doc, a, ca), trim_punct(doc, cb, b)
            keep = max((r for r in (left, right) if r[1] > r[0]), key=lambda r: r[1] - r[0], default=None)
            if keep is not None:
                outer.content = keep
