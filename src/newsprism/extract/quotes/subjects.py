"""A cue's subject: the speaker the parse gives a reporting word, with the repairs its slips
need (a subject swallowed by a preceding phrase, a name parsed as a modifier, a gloss)."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..lexicon import (
    AUDIENCE_NOUNS,
    BELIEF_VERBS,
    DOCUMENT_NOUNS,
    NAMED_LABELS,
    OBJECT_PRONOUNS,
    ORG_NOUNS,
    SPEECH_VERBS,
)
from .marks import QUOTE_CHARS

# steps up a chain of coordinated or participial verbs to find a cue's subject
SUBJECT_CHAIN_STEPS = 4
# tokens to look back for a name before an interrupting phrase
NAME_LOOKBACK_TOKENS = 20
# verbs whose subject, not their object, does what the infinitive says ("promised voters to cut")
SUBJECT_CONTROL = frozenset({"promise", "vow", "pledge", "threaten", "offer"})


def cue_lemma(tok: Token) -> str:
    lemma = tok.lemma_.lower()
    if lemma == "hop" and tok.lower_.startswith(("hope", "hoping")):  # lemmatiser slip: "hopes" -> "hop"
        return "hope"
    return lemma


def _disagrees(subj: Token, verb: Token) -> bool:
    """A singular noun with a plural present verb ("Mr. Samaras say"): the parser took the
    object of a relative clause for the subject."""
    return verb.tag_ == "VBP" and subj.tag_ in ("NNP", "NN") and subj.lower_ not in ("i", "you")


def _agreeing_subject(subj: Token, verb: Token, left: list[Token]) -> Token:
    """The real subject when ``subj`` does not agree with ``verb``: another subject of the
    verb further left ("Some of those who know Mr. Samaras say": 'Some'), or the phrase a
    relative clause hangs on when the cue was parsed as that clause's complement."""
    if not _disagrees(subj, verb):
        return subj
    others = [c for c in left if c.i < subj.i]
    if others:
        return others[-1]
    rel = verb.head
    if verb.dep_ == "ccomp" and rel.dep_ == "relcl" and subj.left_edge.i == rel.i + 1:
        top = rel.head
        while top.dep_ == "pobj" and top.head.dep_ == "prep" and top.head.head.i < top.i:
            top = top.head.head  # "Some of those": the head of the whole phrase
        return top
    return subj


def subject_of(verb: Token, broad: bool = False) -> Token | None:
    v = verb
    doc = verb.doc
    if broad:
        v = _reporter_of_gloss(verb)
    v = _caller_of_gloss(v)
    for _ in range(SUBJECT_CHAIN_STEPS):
        subjects = [c for c in v.children
                    if c.dep_ in ("nsubj", "nsubjpass") and not (c.dep_ == "nsubjpass" and v.i == verb.i)]
        if subjects:
            # the subject nearest the verb: a dateline ("RENO, Nev. (AP) —") is also
            # sometimes parsed as a subject, further left
            left = [c for c in subjects if c.i < v.i]
            chosen = max(left, key=lambda c: c.i) if left else subjects[0]
            return _agreeing_subject(chosen, v, left)
        # "a statement saying that ...": the participle's noun is the source
        if v.dep_ == "acl" and v.tag_ == "VBG" and v.head.pos_ in ("NOUN", "PROPN", "PRON"):
            noun = v.head
            if v.i > 0 and doc[v.i - 1].text == "," and noun.head.pos_ == "VERB":
                v = noun.head  # "grabbed a microphone, telling the crowd": the grabber speaks
                continue
            if noun.lemma_.lower() in DOCUMENT_NOUNS or noun.ent_type_ in NAMED_LABELS or (
                broad and noun.lower_ not in ("it", "this", "that")
            ):  # broad: "those not directly blaming the migrants"
                return noun
            return None
        # "landed in trouble by saying that ...": the subject of the verb the phrase modifies
        if v.dep_ == "pcomp" and v.head.head.i != v.head.i and v.head.head.pos_ in ("VERB", "AUX"):
            v = v.head.head
            continue
        # "announced that X would be sold and vowed to ...": a cue coordinated with the
        # reported clause by the parser belongs to the reporting verb
        if v.dep_ == "conj" and v.head.dep_ == "ccomp" and cue_lemma(v) in SPEECH_VERBS \
                and cue_lemma(v.head.head) in SPEECH_VERBS:
            v = v.head.head
            continue
        # "pressed Stumpf to admit", "led the minister to fear": a speech or belief infinitive
        # after a direct object has that object for its subject (object control; "promised X
        # to" excepted)
        if v.dep_ == "xcomp" and v.tag_ == "VB" and any(c.lower_ == "to" for c in v.children if c.dep_ == "aux"):
            objects = [c for c in v.head.children if c.dep_ == "dobj" and c.i < v.i]
            # broad scope, any cue: "prompting them to focus on", "exhorting voters to reject"
            # when the object is someone
            if objects and v.head.lemma_.lower() not in SUBJECT_CONTROL and (
                v.lemma_.lower() in SPEECH_VERBS | BELIEF_VERBS or (broad and _someone(objects[-1]))
            ):
                return objects[-1]
        # coordinated or participial cue inherits its head's subject
        if v.dep_ in ("conj", "advcl", "xcomp") and v.head.i != v.i:
            perfect = any(c.lower_ == "having" for c in v.children if c.dep_ == "aux")
            infinitive = v.tag_ == "VB" and any(c.lower_ == "to" for c in v.children if c.dep_ == "aux")
            if v.dep_ == "advcl" and v.tag_ not in ("VBG",) and not perfect and not infinitive:
                return None
            v = v.head
            continue
        break
    # the parser sometimes swallows the subject into a preceding phrase ("in Cedar Rapids,
    # Iowa, Rubio told ..."): take a named person or organisation right before the verb
    j = verb.i - 1
    while j >= 0 and doc[j].dep_ in ("advmod", "aux", "neg") and doc[j].pos_ in ("ADV", "AUX", "PART"):
        j -= 1
    if j >= 0 and doc[j].ent_type_ in ("PERSON", "ORG") and doc[j].dep_ not in ("dobj", "poss"):
        return doc[j]
    misread = misread_subject(verb)
    if misread is not None:
        return misread
    if j >= 0 and doc[j].ent_type_ == "PERSON" and doc[j].dep_ == "dobj" and _after_closing_quote(doc, j, verb.sent.start):
        # '"... involving Vincent," team manager A.J. Smith said': the parser made the name
        # an object inside the quotation; right after the closing mark it is the speaker
        return doc[j]
    # '"...," Texas delegate Bill Eastland, wearing a hat, said': the name before an
    # interrupting phrase, after the quotation
    if verb.dep_ in ("ROOT", "parataxis", "ccomp") and j >= 0 and doc[j].text == ",":
        sent_start = verb.sent.start
        k = j - 1
        while k >= max(sent_start, verb.i - NAME_LOOKBACK_TOKENS):
            t = doc[k]
            if t.text in QUOTE_CHARS:
                break
            if t.ent_type_ == "PERSON" and t.ent_iob_ == "B" and t.dep_ not in ("dobj", "pobj", "poss"):
                e = k + 1
                while e < len(doc) and doc[e].ent_iob_ == "I":
                    e += 1
                return doc[k:e].root
            k -= 1
        first = doc[sent_start]
        if broad and first.pos_ == "PROPN" and first.i < j and first.head.i != verb.i and first.dep_ == "nsubj" \
                and first.head.dep_ in ("ccomp", "relcl") and first.head.head.i == verb.i:
            return first  # "Sanders, meanwhile, who has none, said ...": parsed as the aside's subject
    if broad and verb.dep_ in ("ROOT", "parataxis") and j >= 0 and doc[j].is_punct:
        return _name_after(verb)
    return None


_MISREAD_DEPS = frozenset({"advmod", "npadvmod", "amod", "dep", "nmod"})


def misread_subject(verb: Token) -> Token | None:
    """A verb without a subject whose nearest nominal on its left hangs on it as a modifier:
    the parser misread the subject ("Aftergood said", parsed as an adverb or even tagged as a
    preposition; "Bamberg, who is 28, said"). Dates and numbers are modifiers indeed ("Tuesday
    said")."""
    if any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in verb.children) or verb.dep_ in ("amod", "acl", "relcl"):
        return None
    left = [c for c in verb.children if c.i < verb.i and c.dep_ in _MISREAD_DEPS and not c.like_num
            and (c.pos_ in ("PROPN", "NOUN", "PRON") or (c.is_title and c.i > verb.sent.start and c.pos_ != "DET"))
            and c.ent_type_ not in ("DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY")]
    return max(left, key=lambda c: c.i) if left else None


CONTACT_VERBS = frozenset("call phone ring telephone email e-mail text write radio message contact".split())


def _caller_of_gloss(verb: Token) -> Token:
    """'X told reporters that Hiller called 911, saying "..."': a participle after a comma,
    hung on the reporting verb right after a reported clause of getting in touch, tells what
    was said in that contact: the caller speaks."""
    if verb.dep_ != "advcl" or verb.tag_ != "VBG" or verb.i == 0 or verb.doc[verb.i - 1].text != ",":
        return verb
    clause = ([c for c in verb.head.children if c.dep_ == "ccomp" and c.i < verb.i] or [verb])[-1]
    ok = clause.lemma_.lower() in CONTACT_VERBS and clause.right_edge.i + 2 >= verb.i
    return clause if ok and any(c.dep_ == "nsubj" for c in clause.children) else verb


def _reporter_of_gloss(verb: Token) -> Token:
    """Broad scope: '..., telling reporters that ...' after a comma, hung by the parser on a
    verb inside what someone reports ('X said the club had erred, pointing to ...') or inside
    a relative clause ('a bill that would have ..., telling ...'): the participle glosses the
    reporting verb (or the relative clause's governing verb), whose subject speaks."""
    if verb.dep_ != "advcl" or verb.tag_ != "VBG" or verb.i == 0 or verb.doc[verb.i - 1].text != ",":
        return verb
    v = verb.head
    for _ in range(SUBJECT_CHAIN_STEPS):
        if v.dep_ == "ccomp" and cue_lemma(v.head) in SPEECH_VERBS | BELIEF_VERBS:
            return v.head
        if v.dep_ == "relcl" and v.head.head.pos_ in ("VERB", "AUX") and v.head.dep_ in ("dobj", "pobj"):
            host = v.head.head if v.head.dep_ == "dobj" else v.head.head.head
            return host if host.pos_ in ("VERB", "AUX") else verb
        if v.dep_ not in ("conj", "xcomp") or v.head.i == v.i:
            return verb
        v = v.head
    return verb


# an inverted cue's subject ('"...," said Air Force Lt. Ana Ruiz.') spans at most this many tokens
INVERTED_NAME_TOKENS = 10


def _someone(tok: Token) -> bool:
    """A person or a body of people: a personal pronoun, a named person or organisation, an
    audience or organisation noun ("voters", "the board")."""
    return bool(tok.lower_ in OBJECT_PRONOUNS or tok.ent_type_ in NAMED_LABELS
                or tok.lemma_.lower() in AUDIENCE_NOUNS | ORG_NOUNS)


def _name_after(verb: Token) -> Token | None:
    """'"...," said Air Force Lt. Ana Ruiz': the parser left the name after an inverted cue
    unattached; the last person named in the phrase right after the verb (else the first
    organisation) is the subject."""
    doc = verb.doc
    person = org = None
    for t in doc[verb.i + 1 : min(verb.sent.end, verb.i + 1 + INVERTED_NAME_TOKENS)]:
        if t.text == "," or not (t.pos_ in ("PROPN", "NOUN", "NUM", "ADJ") or t.text == "."):
            break
        if t.ent_type_ == "PERSON":
            person = t
        elif t.ent_type_ in ("ORG", "NORP") and org is None:
            org = t
    return person or org


def _after_closing_quote(doc: Doc, j: int, sent_start: int) -> bool:
    """Token ``j`` follows a closing quotation mark (after a comma, ! or ?) with no verb
    between them."""
    for k in range(j - 1, max(sent_start, j - NAME_LOOKBACK_TOKENS) - 1, -1):
        t = doc[k]
        if t.text in QUOTE_CHARS:
            return k > 0 and doc[k - 1].text in (",", "!", "?")
        if t.pos_ in ("VERB", "AUX"):
            return False
    return False
