"""Speakers: a cue subject resolved to a source, with the article's registry of names
(registry.py)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from .. import doc_text, ent_at
from ..lexicon import (
    DOCUMENT_NOUNS,
    FINDING_NOUNS,
    FIRST_SECOND,
    GENERIC_ORG_NOUNS,
    GROUP_LABELS,
    GROUP_PRONOUNS,
    METONYMS,
    NAMED_LABELS,
    ORG_NOUNS,
    PERSON_PRONOUNS,
    RELATIVE_PRONOUNS,
    ROLE_SYNONYMS,
    TITLE_WORDS,
)
from .registry import NameMention, Registry, role_of

# salience of an earlier mention for "he"/"she": a subject counts SUBJECT_WEIGHT, halved
# (SALIENCE_DECAY) per sentence back, up to SALIENCE_MAX_SENTENCES; the last speaker gets
# LAST_SPEAKER_BONUS
SALIENCE_MAX_SENTENCES = 8
SALIENCE_DECAY = 0.5
SUBJECT_WEIGHT = 2.0
LAST_SPEAKER_BONUS = 1.5


@dataclass(slots=True)
class Speaker:
    name: str | None
    role: str | None
    start: int | None  # named mention
    end: int | None
    src_start: int | None  # source phrase as written (None: the text names no source)
    src_end: int | None
    label: str | None = None


def _synonyms(noun: str) -> frozenset[str]:
    for group in ROLE_SYNONYMS:
        if noun in group:
            return group
    return frozenset({noun})


def _salient(reg: Registry, pos_tok: int, sent: int, labels: frozenset[str] | set[str],
             last_speaker: Speaker | None, contains: str | None = None,
             gender: str | None = None, unquoted_in: int | None = None) -> NameMention | None:
    scores: dict[str, float] = {}
    latest: dict[str, NameMention] = {}
    for m in reg.mentions:
        if m.tok_start >= pos_tok or m.label not in labels:
            continue
        if m.quoted and m.sent == unquoted_in:
            continue
        if contains is not None and contains not in m.name.lower():
            continue
        if gender is not None and reg.gender.get(m.name, gender) != gender:
            continue  # "she" does not refer back to a man
        dist = max(0, sent - m.sent)
        if dist > SALIENCE_MAX_SENTENCES:
            continue
        w = (SUBJECT_WEIGHT if m.subject else 1.0) * (SALIENCE_DECAY ** dist)
        scores[m.name] = scores.get(m.name, 0.0) + w
        latest[m.name] = m
    # the last speaker stays in focus unless someone else has since been the subject of a
    # sentence ("X said. ... A professor, Y, stayed home. ... he said": Y)
    shifted = last_speaker is not None and last_speaker.start is not None and any(
        m.subject and m.name != last_speaker.name and m.name in scores and m.start > last_speaker.start
        for m in latest.values()
    )
    if last_speaker is not None and last_speaker.name in scores and not shifted:
        scores[last_speaker.name] += LAST_SPEAKER_BONUS
    if not scores:
        return None
    best = max(scores, key=lambda k: (scores[k], latest[k].tok_start))
    return latest[best]


def _described_org(doc: Doc, reg: Registry, noun: str, pos_tok: int, sent: int) -> NameMention | None:
    """The latest organisation before ``pos_tok`` that the text has called a ``noun``: "Iran's
    official news agency IRNA ... the agency", "Halden FC, the club, ... the club"."""
    for m in sorted(reg.mentions, key=lambda x: -x.tok_start):
        if m.tok_start >= pos_tok or m.label not in NAMED_LABELS or sent - m.sent > 2:
            continue
        before = doc[max(0, m.tok_start - DESCRIBED_WINDOW) : m.tok_start]
        appos = [c for t in doc[m.tok_start : m.tok_end] for c in t.children
                 if c.dep_ == "appos" and not m.tok_start <= c.i < m.tok_end]
        # the noun describes the name: right before it or hanging on it ("news agency Tanjug"),
        # not on another noun before it ("a former club captain said Otto")
        if any(t.lemma_.lower() == noun and t.pos_ == "NOUN" and (
                t.i == m.tok_start - 1 or m.tok_start <= t.head.i < m.tok_end
                or t.head.head.i in range(m.tok_start, m.tok_end))
               for t in before) or any(
            c.lemma_.lower() == noun for c in appos
        ):
            return m
    return None


DESCRIBED_WINDOW = 3  # "news agency IRNA": the noun within this many words before the name



def _role_match(reg: Registry, nouns: frozenset[str], pos_tok: int,
                country_words: tuple[str, ...] = (), avoid: frozenset[str] = frozenset()) -> NameMention | None:
    """The person whose role contains one of ``nouns`` nearest to ``pos_tok`` (before first),
    and none of the words ``avoid``."""
    best: NameMention | None = None
    best_key: tuple[int, int] | None = None
    for m in reg.mentions:
        if m.label != "PERSON":
            continue
        role = (m.role or reg.roles.get(m.name) or "").lower()
        if not role:
            continue
        role_words = set(re.findall(r"[a-z.]+", role))
        if not (role_words & nouns):
            continue
        if country_words and not any(w in role for w in country_words):
            continue
        if role_words & avoid:
            continue
        key = (0 if m.tok_start < pos_tok else 1, abs(pos_tok - m.tok_start))
        if best_key is None or key < best_key:
            best, best_key = m, key
    return best


def _name_marks(head: Token) -> frozenset[str]:
    """The proper names that qualify a description: "the Pasok leader", "the Eagles coach"
    (lower-cased words; empty for "the senator")."""
    return frozenset(t.lower_ for t in head.doc[head.left_edge.i : head.i]
                     if t.pos_ == "PROPN" and t.is_alpha and t.lower_ not in TITLE_WORDS)


def _other_nations(doc: Doc, reg: Registry, head: Token) -> frozenset[str]:
    """For "the British ambassador": the words of the other nations and places the article
    names ("russian"), which a matching person's role must not hold; empty when the
    description names no nation."""
    nations = [t.lower_ for t in doc[head.left_edge.i : head.i] if t.ent_type_ in ("NORP", "GPE")]
    if not nations:
        return frozenset()
    known = {w for m in reg.mentions if m.label in ("NORP", "GPE") for w in m.name.lower().split()}
    # "british" and "britain", "russian" and "russia": the same nation
    return frozenset(w for w in known if len(w) >= NATION_STEM and not any(w[:NATION_STEM] == n[:NATION_STEM] for n in nations))


NATION_STEM = 4  # letters a nation's adjective and name share ("brit", "russ", "chin")


def _marked_person(doc: Doc, reg: Registry, nouns: frozenset[str], marks: frozenset[str],
                   pos_tok: int) -> NameMention | None:
    """For a description qualified by a name ("the Pasok leader"): the person tied to that
    name, by role ("Pasok leader Evangelos Venizelos") or in the phrase of a mention
    ("Evangelos Venizelos, whose Pasok party came third"), with a role of ``nouns`` or none;
    nobody when no person is so tied (the leader of another party is not "the Pasok leader")."""
    best: NameMention | None = None
    best_key: tuple[int, int] | None = None
    for m in reg.mentions:
        if m.label != "PERSON" or m.tok_start >= pos_tok:
            continue
        role = (m.role or reg.roles.get(m.name) or "").lower()
        role_words = set(re.findall(r"[a-z.]+", role))
        if role_words & marks:
            tied = 0
        else:
            root = doc[m.tok_start : m.tok_end].root
            phrase = doc[root.left_edge.i : root.right_edge.i + 1]
            if not any(t.lower_ in marks for t in phrase if not m.tok_start <= t.i < m.tok_end):
                continue
            tied = 1
        if role and not (role_words & nouns):
            continue  # tied to the name but holding another office ("Pasok spokesman Ana Ruiz")
        key = (tied, pos_tok - m.tok_start)
        if best_key is None or key < best_key:
            best, best_key = m, key
    return best


def resolve_source(doc: Doc, head: Token, reg: Registry, sent_of: list[int],
                   last_speaker: Speaker | None, author: bool = False, cue: Token | None = None) -> Speaker | None:
    """Resolve the subject ``head`` of a cue to a named speaker; ``author`` (broad scope): a
    first-person source is the writer and the source span is the whole phrase (less the
    phrase of the ``cue`` word)."""
    # relative pronoun: the noun the clause hangs on ("Trump, who faulted Obama"); the
    # source as written stays "who"
    local: tuple[int, int] | None = None
    if head.lower_ in RELATIVE_PRONOUNS and head.head.dep_ == "relcl":
        local = (head.idx, head.idx + len(head.text))
        head = head.head.head
    a, b = _source_extent(head)
    # broad scope (PolNeAR's source spans): the whole noun phrase as written, modifiers and
    # relative clauses included ("a memo seen by the Financial Times"), but not the cue's own
    # phrase ("Residents opposing the runway")
    wa, wb = _source_extent(head, whole=True, cue=cue) if author else (a, b)
    src_start, src_end = local or (doc[wa].idx, doc[wb - 1].idx + len(doc[wb - 1].text))
    low = head.lower_
    if low in FIRST_SECOND:
        if author and low in ("i", "we"):  # first person outside quotation marks: the writer
            return Speaker("the author", "author", None, None, src_start, src_end)
        if author:  # broad scope: "you" (the reader, or an interviewee) is a source, unnamed
            return Speaker(None, None, None, None, src_start, src_end)
        return None
    # a named mention inside the source phrase (the head, or its conjuncts)
    primary = reg.by_token.get(head.i)
    if primary is None:
        # "the union's chair, Ana Ruiz": the apposition names the speaker
        for c in head.children:
            if c.dep_ == "appos" and c.i in reg.by_token and reg.by_token[c.i].label == "PERSON":
                primary = reg.by_token[c.i]
                break
    if primary is None and head.pos_ == "NOUN" and not any(c.dep_ in ("det", "poss") for c in head.children):
        # "said Anchorage businessman and blogger Andrew Halcro": titles coordinated before a
        # name, with no article, are one person's, parsed as a conjunction with the name
        primary = next((reg.by_token[c.i] for c in head.conjuncts
                        if c.i > head.i and c.i in reg.by_token and reg.by_token[c.i].label == "PERSON"), None)
    if primary is not None:
        if True:
            names = [primary.name]
            for c in head.conjuncts:
                cm = reg.by_token.get(c.i)
                if cm is not None and cm.name not in names:
                    names.append(cm.name)
            role = None
            if primary.label == "PERSON":
                role = _explicit_role(doc, head, primary) or reg.roles.get(primary.name)
            return Speaker(" and ".join(names), role, primary.start, primary.end,
                           src_start, src_end, primary.label)
    author = _document_author(reg, head)
    if author is not None:  # "a message from the commission said": the commission
        return Speaker(author.name, reg.roles.get(author.name) if author.label == "PERSON" else None,
                       author.start, author.end, src_start, src_end, author.label)
    sent = sent_of[head.i]
    if low in PERSON_PRONOUNS:
        gender = "f" if low in ("she", "her") else "m"  # "his" counts as male
        # a name inside the quotation of the same sentence is whom the speaker talks about,
        # not the speaker ("'to pass guys like Kyle Korver,' he said": not Korver)
        m = _salient(reg, head.i, sent, {"PERSON"}, last_speaker, gender=gender, unquoted_in=sent)
        if m is None:
            return Speaker(None, None, None, None, src_start, src_end)
        return Speaker(m.name, reg.roles.get(m.name), m.start, m.end, src_start, src_end, m.label)
    if low in GROUP_PRONOUNS:
        if last_speaker is not None and last_speaker.label in GROUP_LABELS and last_speaker.name:
            return Speaker(last_speaker.name, last_speaker.role, last_speaker.start,
                           last_speaker.end, src_start, src_end, last_speaker.label)
        m = _salient(reg, head.i, sent, GROUP_LABELS, None)
        if m is not None and sent - m.sent <= 2:
            return Speaker(m.name, None, m.start, m.end, src_start, src_end, m.label)
        return Speaker(None, None, None, None, src_start, src_end)  # an unresolved "they"
    noun = head.lemma_.lower()
    # "Moscow's representative": a role noun owned by a named group
    poss = [c for c in head.children if c.dep_ == "poss"]
    owner = reg.by_token.get(poss[0].i) if poss else None
    if owner is not None and owner.label in GROUP_LABELS and head.pos_ == "NOUN" and noun not in ORG_NOUNS:
        country = METONYMS.get(owner.name.lower(), ()) + (owner.name.lower(),)
        person = _role_match(reg, _synonyms(noun), head.i, country)
        if person is not None:
            return Speaker(person.name, reg.roles.get(person.name) or person.role, person.start,
                           person.end, src_start, src_end, "PERSON")
        return Speaker(owner.name, noun, owner.start, owner.end, src_start, src_end, owner.label)
    # "the senator", "the hospital's medical director": a definite description points back
    definite = any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in head.children) or (
        bool(poss) and poss[0].lower_ not in ("his", "her", "its", "their", "my", "our", "your")
    )
    if head.pos_ == "NOUN" and definite and noun in ISSUED_NOUNS and not poss:
        issuer = _issuer(doc, reg, head, sent_of)  # "the statement said": who issued it
        if issuer is not None:
            return Speaker(issuer.name, reg.roles.get(issuer.name) if issuer.label == "PERSON" else None,
                           issuer.start, issuer.end, src_start, src_end, issuer.label)
    if head.pos_ == "NOUN" and definite:
        if noun in ORG_NOUNS:
            # "the company": the organisation in focus; "the league": only an organisation
            # whose name says so (the Premier League), else the description stays as written
            generic = noun in GENERIC_ORG_NOUNS
            m = _salient(reg, head.i, sent, {"ORG"}, None, None if generic else noun)
            if m is None and not generic:
                m = _described_org(doc, reg, noun, head.i, sent)
            if m is not None:
                return Speaker(m.name, noun, m.start, m.end, src_start, src_end, m.label)
        else:
            marks = _name_marks(head)
            if marks:  # "the Pasok leader": the person tied to Pasok, not any leader
                person = _marked_person(doc, reg, _synonyms(noun), marks, head.i)
            else:
                person = _role_match(reg, _synonyms(noun), head.i, avoid=_other_nations(doc, reg, head))
            if person is not None:
                return Speaker(person.name, reg.roles.get(person.name) or person.role,
                               person.start, person.end, src_start, src_end, "PERSON")
    # "said Troy police Lt. Gerry Scherlinck": a title abbreviation the sentence splitter cut
    # from the name that follows it
    if doc[b - 1].text.rstrip(".").lower() in TITLE_ABBREVIATIONS and b < len(doc):
        nxt = b + (1 if doc[b].text == "." else 0)
        m = reg.by_token.get(nxt) if nxt < len(doc) else None
        if m is not None and m.label == "PERSON" and m.tok_start == nxt:
            role = doc_text(doc)[doc[a].idx : doc[b - 1].idx + len(doc[b - 1].text)]
            return Speaker(m.name, role, m.start, m.end, src_start, src_end, "PERSON")
    # an unnamed source: the phrase itself (for "who"/"which", the phrase it refers to)
    name = doc_text(doc)[doc[a].idx : doc[b - 1].idx + len(doc[b - 1].text)]
    if name.lower() in RELATIVE_PRONOUNS:
        return None
    return Speaker(name, None, None, None, src_start, src_end)


# what someone issues and is then quoted as saying ("the statement said")
ISSUED_NOUNS = frozenset("statement letter release memo message note post tweet communique".split())
_ISSUING_VERBS = frozenset("release issue publish send post tweet write make put sign".split())
ISSUER_SENTENCES = 3  # how far back "X issued a statement" is looked for


def _issuer(doc: Doc, reg: Registry, head: Token, sent_of: list[int]) -> NameMention | None:
    """'The ministers issued a statement ... "...," the statement said': the named issuer of
    the latest statement mentioned within ISSUER_SENTENCES sentences before ``head``
    ("X issued a statement", "X said in a statement", "X's statement"); None when the text
    names none."""
    noun = head.lemma_.lower()
    sent = sent_of[head.i]
    for k in range(head.i - 1, -1, -1):
        if sent - sent_of[k] > ISSUER_SENTENCES:
            break
        tok = doc[k]
        if tok.lemma_.lower() != noun or tok.pos_ != "NOUN":
            continue
        owner: Token | None = next((c for c in tok.children if c.dep_ == "poss"), None)
        if owner is None and tok.dep_ == "dobj" and tok.head.lemma_.lower() in _ISSUING_VERBS:
            owner = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
        elif owner is None and tok.dep_ == "pobj" and tok.head.lower_ in ("in", "through") \
                and tok.head.head.pos_ == "VERB":
            owner = next((c for c in tok.head.head.children if c.dep_ == "nsubj"), None)
        if owner is None:
            return _document_author(reg, tok)  # "a statement from the club" or no named issuer
        if owner.lower_ in RELATIVE_PRONOUNS and owner.head.dep_ == "relcl":
            owner = owner.head.head  # "the ministers, who said in a statement"
        m = reg.by_token.get(owner.i) or next(
            (reg.by_token[c.i] for c in owner.children if c.dep_ == "appos" and c.i in reg.by_token), None)
        return m
    return None


# what a body or a person writes, issues or gathers, and is then cited as saying
AUTHORED_NOUNS = DOCUMENT_NOUNS | FINDING_NOUNS | frozenset({"information", "figures", "estimate", "estimates"})
# participles whose agent produced or obtained the document ("information acquired by X")
_AUTHOR_PREPS = ("from", "by")


def _document_author(reg: Registry, head: Token) -> NameMention | None:
    """The named author of a document the text cites as a source: "a message from the
    commission", "a report by the auditors", "information acquired by Enet.gr" (the agent of
    a participle on the noun); None for any other source or when the author is not named."""
    if head.pos_ != "NOUN" or head.lemma_.lower() not in AUTHORED_NOUNS:
        return None
    preps = [c for c in head.children if c.dep_ == "prep" and c.lower_ in _AUTHOR_PREPS and c.i > head.i]
    for acl in head.children:
        if acl.dep_ == "acl" and acl.tag_ == "VBN" and acl.i > head.i:
            preps += [c for c in acl.children if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by")]
    for prep in preps:
        for pobj in prep.children:
            if pobj.dep_ != "pobj":
                continue
            m = reg.by_token.get(pobj.i) or next(
                (reg.by_token[c.i] for c in pobj.children if c.dep_ == "appos" and c.i in reg.by_token), None)
            if m is not None and m.label in NAMED_LABELS:
                return m
            if m is None and pobj.pos_ == "PROPN" and not pobj.ent_type_:
                # a name the tagger left untyped ("Enet.gr"): the proper-noun phrase
                a = min([pobj.i] + [c.i for c in pobj.children if c.dep_ == "compound" and c.pos_ == "PROPN"])
                doc = pobj.doc
                start, end = doc[a].idx, pobj.idx + len(pobj.text)
                return NameMention(start, end, a, pobj.i + 1, doc_text(doc)[start:end], "ORG", 0, False)
    return None


# titles written abbreviated before a name ("Lt. Gerry Scherlinck", "Gov. Ann Lee")
TITLE_ABBREVIATIONS = frozenset(
    "lt sgt gov rev dr capt col gen det insp supt cpl adm sen rep cmdr prof maj pte pc ds di".split()
)


def _explicit_role(doc: Doc, head: Token, m: NameMention) -> str | None:
    e = ent_at(doc, m.tok_start)  # entities do not overlap: only this one can match
    if e is not None and e.start == m.tok_start and e.end == m.tok_end:
        return role_of(e)
    return None


def _source_extent(head: Token, whole: bool = False, cue: Token | None = None) -> tuple[int, int]:
    """Token range of the source phrase as written: the subject with its appositions, without
    relative clauses, a participle gloss (", referring to ..."), a leading conjunction or a
    trailing date; ``whole``: with all of these but the leading conjunction and the phrase
    holding ``cue``."""
    doc = head.doc
    skip: set[int] = set()
    for c in head.children:
        gloss = c.dep_ in ("acl", "advcl") and c.tag_ == "VBG" and c.i > 0 and doc[c.left_edge.i - 1].text == ","
        dated = c.dep_ == "prep" and c.i > head.i and any(
            g.dep_ == "pobj" and g.ent_type_ in ("DATE", "TIME") for g in c.children
        )
        comma = c.dep_ == "punct" and c.i > head.i and c.lower_ == ","
        if cue is not None and c.left_edge.i <= cue.i <= c.right_edge.i:
            skip.update(range(c.left_edge.i, c.right_edge.i + 1))
            continue
        if whole and not (c.dep_ == "cc" and c.i < head.i):
            continue
        if gloss or dated or comma or c.dep_ in ("relcl", "acl") or (c.dep_ == "cc" and c.i < head.i):
            skip.update(range(c.left_edge.i, c.right_edge.i + 1))
    idx = [t.i for t in head.subtree if t.i not in skip]
    a, b = min(idx), max(idx) + 1
    while a < b - 1 and (doc[a].is_punct or doc[a].is_space or doc[a].dep_ == "cc"):
        a += 1
    while b - 1 > a and (doc[b - 1].is_punct or doc[b - 1].is_space):
        if doc[b - 1].text == ")" and any(t.text == "(" for t in doc[a : b - 1]):
            break  # "Rep. Zoe Lofgren (D-Calif.)"
        b -= 1
    return a, b
