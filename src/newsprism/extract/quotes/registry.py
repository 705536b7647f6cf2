"""The article's registry of named people and groups: their mentions, roles and gender
evidence, built once per article for resolving speakers."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from .. import doc_text
from ..lexicon import (
    NAMED_LABELS,
    TITLE_WORDS,
)
from ..sentences import token_sentences


@dataclass(slots=True)
class NameMention:
    start: int  # char offsets
    end: int
    tok_start: int
    tok_end: int
    name: str  # canonical
    label: str
    sent: int
    subject: bool
    role: str | None = None
    quoted: bool = False  # inside quotation marks


@dataclass(slots=True)
class Registry:
    mentions: list[NameMention] = field(default_factory=list)
    roles: dict[str, str] = field(default_factory=dict)  # canonical name -> role
    by_token: dict[int, NameMention] = field(default_factory=dict)  # token index -> mention
    gender: dict[str, str] = field(default_factory=dict)  # canonical name -> "m" | "f"


def _strip_title(text: str) -> str:
    words = text.split()
    while words and words[0].lower() in TITLE_WORDS:
        words = words[1:]
    name = " ".join(words)
    if name.endswith("'s") or name.endswith("’s"):
        name = name[:-2]
    return name.strip()


def _clean_group_name(text: str) -> str:
    name = re.sub(r"^(the|The)\s+", "", text.strip())
    if name.endswith("'s") or name.endswith("’s"):
        name = name[:-2]
    return name


def _span_text(doc: Doc, a: int, b: int) -> str:
    if b <= a:
        return ""
    return doc_text(doc)[doc[a].idx : doc[b - 1].idx + len(doc[b - 1].text)]


def role_of(ent: Span) -> str | None:
    """A title or role written next to a name: pre-modifiers or an apposition."""
    doc = ent.doc
    root = ent.root
    # pre-modifiers of the name inside its noun phrase ("deputy Russian UN ambassador")
    left = [t for t in root.lefts if t.i < ent.start and t.dep_ in ("compound", "amod", "poss", "nmod", "nn")]
    if left:
        a = min(min(t.left_edge.i for t in left), ent.start)
        for k in range(a, ent.start):
            if doc[k].is_punct and doc[k].text not in ".-":
                a = k + 1  # '... Vincent," team manager A.J. Smith': the role starts after the mark
        while a < ent.start and (doc[a].dep_ == "det" or doc[a].is_punct):
            a += 1
        # skip determiners and possessive-free fragments that are just more name
        while a < ent.start and doc[a].lower_ in TITLE_WORDS:
            a += 1  # an honorific is not a role ("Dr.", "Mr")
        if a < ent.start:
            role = _span_text(doc, a, ent.start).strip(" ,")
            if role and any(t.pos_ in ("NOUN", "PROPN") and t.ent_type_ != "PERSON" for t in doc[a : ent.start]):
                return role
    # apposition: "Ana Ruiz, chair of the union," / "the union's chair, Ana Ruiz,"
    for child in root.children:
        if child.dep_ == "appos" and child.i > root.i and child.pos_ == "NOUN":
            a, b = child.left_edge.i, child.right_edge.i + 1
            return _span_text(doc, a, b).strip(" ,")
    if root.dep_ == "appos" and root.head.pos_ == "NOUN" and root.head.i < ent.start:
        head = root.head
        a = head.left_edge.i
        while a < head.i and doc[a].dep_ == "det":
            a += 1
        return _span_text(doc, a, head.i + 1).strip(" ,")
    # a definition: "Ahmed Khalil is the medical director of the hospital" (no negation)
    verb = root.head
    if root.dep_ == "nsubj" and verb.lemma_ == "be" and not any(c.dep_ == "neg" for c in verb.children):
        for attr in verb.children:
            if attr.dep_ == "attr" and attr.pos_ == "NOUN" and attr.i > root.i:
                a, b = attr.left_edge.i, attr.right_edge.i + 1
                while a < attr.i and doc[a].dep_ == "det":
                    a += 1
                # "Obama is only the second first lady to appear on the cover": a record,
                # not a role (an ordinal or superlative, a "to"-infinitive after the noun)
                record = any(t.ent_type_ == "ORDINAL" or t.tag_ == "JJS" for t in attr.lefts) or any(
                    c.dep_ in ("acl", "relcl") and c.tag_ == "VB" and c.i > attr.i for c in attr.children)
                if b - a <= MAX_ROLE_TOKENS and any(c.dep_ == "det" for c in attr.children) and not record:
                    return _span_text(doc, a, b).strip(" ,")
    return None


MAX_ROLE_TOKENS = 10  # a role longer than this is a description of something else


# an age right after a name: ", a 70-year-old pensioner", ", 41,", ", aged 30"
_AGE_AFTER = re.compile(r",\s*(?:(?:a|an)\s+\d{1,3}[- ]years?[- ]old\b|aged\s+\d{1,3}\b|\d{1,3}\s*,)")


def build_registry(doc: Doc) -> Registry:
    reg = Registry()
    sent_of = token_sentences(doc)
    persons = [e for e in doc.ents if e.label_ == "PERSON"]
    full_names: dict[str, set[str]] = {}
    first_names: dict[str, set[str]] = {}
    for e in persons:
        name = _strip_title(e.text)
        words = name.split()
        if len(words) >= 2:
            full_names.setdefault(words[-1].lower(), set()).add(name)
            first_names.setdefault(words[0].lower(), set()).add(name)

    def canonical_person(text: str) -> str:
        name = _strip_title(text)
        words = name.split()
        if len(words) == 1:
            cands = full_names.get(words[0].lower(), set())
            if not cands:  # family name first ("Li" for "Li Wen")
                cands = first_names.get(words[0].lower(), set())
            if len(cands) == 1:
                return next(iter(cands))
        elif words:
            # a longer full name sharing first and last word ("Donald J. Trump")
            return name
        return name

    text = doc_text(doc)
    for e in doc.ents:
        if e.label_ not in NAMED_LABELS:
            continue
        label = e.label_
        if label != "PERSON" and len(e) == 1 and (
            e.text.lower() in full_names or e.text.lower() in first_names
        ):
            label = "PERSON"  # a known person's surname mis-tagged as ORG/GPE ("Brandt rejected")
        elif label != "PERSON" and _AGE_AFTER.match(text[e.end_char : e.end_char + 40]):
            # "Apostolos Kolokythopoulos, a 70-year old pensioner": an age belongs to a person
            # (with the capitalised words the tagger left out of the name)
            label = "PERSON"
            k = e.start
            while k > 0 and doc[k - 1].pos_ == "PROPN" and doc[k - 1].is_title and not doc[k - 1].ent_type_:
                k -= 1
            e = doc[k : e.end]
        k0, k1 = e.start, e.end
        while k0 < k1 and (doc[k0].is_space or doc[k0].is_punct):
            k0 += 1  # "― Jacklyn Ashley": a signature's dash the tagger took into the name
        while k1 > k0 and (doc[k1 - 1].is_space or doc[k1 - 1].text in "—―–-"):
            k1 -= 1
        if k0 >= k1:
            continue
        e = doc[k0:k1]
        if label == "PERSON":
            name = canonical_person(e.text)
        else:
            name = _clean_group_name(e.text)
        if not name:
            continue
        root = e.root
        subject = root.dep_ in ("nsubj", "nsubjpass") or (
            root.dep_ in ("poss", "appos") and root.head.dep_ in ("nsubj", "nsubjpass")
        )  # "A professor of economics, Yanis Varoufakis, did not go": the apposition names the subject
        role = role_of(e) if label == "PERSON" else None
        m = NameMention(e.start_char, e.end_char, e.start, e.end, name, label, sent_of[e.start], subject, role)
        reg.mentions.append(m)
        for t in range(e.start, e.end):
            reg.by_token[t] = m
        if role and name not in reg.roles:
            reg.roles[name] = role
    _infer_gender(doc, reg, sent_of)
    return reg


_MALE_WORDS = frozenset("mr mr. he him his himself spokesman chairman king father husband son brother "
                        "uncle sir lord businessman congressman actor prince boy man".split())
_FEMALE_WORDS = frozenset("mrs mrs. ms ms. miss she her hers herself spokeswoman chairwoman queen mother "
                          "wife daughter sister aunt dame lady businesswoman congresswoman actress "
                          "princess girl woman".split())


_PRONOUN_WORDS = frozenset("he him his himself she her hers herself".split())


def _infer_gender(doc: Doc, reg: Registry, sent_of: list[int]) -> None:
    """Gender of each named person from the article itself: an honorific or gendered role
    next to the name, or the pronouns of sentences where that person is the only one named."""
    votes: dict[str, list[int]] = {}
    persons_in_sent: dict[int, set[str]] = {}
    for m in reg.mentions:
        if m.label == "PERSON":
            persons_in_sent.setdefault(m.sent, set()).add(m.name)
    for m in reg.mentions:
        if m.label != "PERSON":
            continue
        v = votes.setdefault(m.name, [0, 0])
        words = [doc[m.tok_start - 1].lower_] if m.tok_start > 0 else []
        words += (m.role or "").lower().split()
        words = [w for w in words if w not in _PRONOUN_WORDS]  # "her opponent X": not X's
        v[0] += 2 * sum(w in _MALE_WORDS for w in words)
        v[1] += 2 * sum(w in _FEMALE_WORDS for w in words)
    sents = list(doc.sents)
    for si, sent in enumerate(sents):
        names = persons_in_sent.get(si, set())
        if len(names) == 1:
            name = next(iter(names))
            first = min(m.tok_end for m in reg.mentions if m.sent == si and m.name == name)
            toks = [t for t in sent if t.i >= first and t.dep_ in ("nsubj", "nsubjpass", "poss", "dobj", "pobj")]
        elif not names and si > 0 and len(persons_in_sent.get(si - 1, set())) == 1:
            # "Maria Lopez won. She thanked her coach.": the subject pronoun of the next sentence
            name = next(iter(persons_in_sent[si - 1]))
            toks = [t for t in sent if t.dep_ in ("nsubj", "nsubjpass")][:1]
        else:
            continue
        for t in toks:
            if t.lower_ in ("he", "him", "his", "himself"):
                votes[name][0] += 1
            elif t.lower_ in ("she", "her", "hers", "herself"):
                votes[name][1] += 1
    for name, (male, female) in votes.items():
        if male > female:
            reg.gender[name] = "m"
        elif female > male:
            reg.gender[name] = "f"


# --------------------------------------------------------------------------- speakers
