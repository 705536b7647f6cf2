"""Whose amount is it (issue 13): the named person or body a figure belongs to, judged
against the story's participants by ``eventscope.judge_figures``. An amount that belongs to
someone the story's sources do not report on (another team's offer, another player's fine, a
rival's price) is background.

Who said what comes from the quotes extractor (``Quote.source_start/end``, speaker spans) and
whom a pronoun stands for from entity resolution (``resolve_pronouns``: the pronoun's mention
joins its entity); ``Voices`` holds both for one article."""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from .extract import ent_at
from .extract.figures.lexicon import REPORT_VERBS
from .extract.figures.scope import clause_tokens
from .model import AnnotatedArticle, Story
from .resolve import PRONOUN_LABEL

# an entity named by at least this share of the sources is one of the story's participants
PARTICIPANT_SHARE = 1 / 3
_OWNER_LABELS = ("PERSON", "ORG", "GPE", "NORP")


@dataclass(slots=True)
class Voices:
    """One article's statement sources (character spans of who is said to speak) and the
    names its pronouns resolve to (character offset of the pronoun -> entity name and type)."""
    sources: list[tuple[int, int]] = field(default_factory=list)
    pronouns: dict[int, tuple[str, str]] = field(default_factory=dict)

    def speaks(self, start: int, end: int) -> bool:
        """Is the text span a statement's source ("said Brad Baehr", "according to Baehr")?"""
        return any(s < end and start < e for s, e in self.sources)


def article_voices(a: AnnotatedArticle, story: Story) -> Voices:
    """The statement sources of an article's quotes and the entities of its pronouns."""
    v = Voices()
    for q in a.quotes:
        for s, e in ((q.source_start, q.source_end), (q.speaker_start, q.speaker_end)):
            if s is not None and e is not None and s < e:
                v.sources.append((s, e))
    by_id = {e.id: e for e in story.entities}
    for m in a.mentions:
        if m.label == PRONOUN_LABEL and m.entity_id in by_id:
            ent = by_id[m.entity_id]
            v.pronouns[m.start] = (ent.name, ent.type)
    return v


def _owner(doc: Doc, tok: Token, skip_reporters: bool = False) -> str | None:
    """The named person or body an amount belongs to: the possessor of its noun ("the
    Nationals' offer"), the name a parenthesis follows ("the Orioles (seven years, $150
    million)"), the subject or recipient of a clause on its noun ("the deal that Hunter got"),
    else the subject of its clause ("Finnegan was fined $25,000", "the Rams lost two more
    players"), through a relative pronoun ("Garrard, who completed ...")."""
    np = tok
    while np.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod") and np.head.i != np.i:
        np = np.head
    cands = [c for c in np.children if c.dep_ == "poss"]
    # "the Orioles (seven years, $140-150 million)": a parenthesis belongs to what it follows
    opening = next((doc[j] for j in range(tok.i - 1, max(tok.sent.start, tok.i - 8) - 1, -1)
                    if doc[j].text in "()"), None)
    if opening is not None and opening.text == "(" and opening.i > tok.sent.start:
        cands.append(doc[opening.i - 1])
    # "the $90 million deal that Torii Hunter got", "$90 million guaranteed to Torii Hunter"
    for c in np.children:
        if c.dep_ in ("relcl", "acl"):
            for x in c.children:
                if x.dep_ in ("nsubj", "nsubjpass", "dative"):
                    cands.append(x)
                elif x.dep_ == "prep" and x.lower_ in ("to", "for"):
                    cands.extend(y for y in x.children if y.dep_ == "pobj")
    v = np
    while v.pos_ not in ("VERB", "AUX") and v.head.i != v.i:
        v = v.head
    # whoever says an amount is its source, not its owner ("the governor said 40 percent to 70
    # percent of the buildings ..."); a body that reports or announces its own amount owns it
    # ("Rival Denholm reported a 2 percent fall in sales")
    if v.pos_ in ("VERB", "AUX") and not (v.lemma_.lower() in REPORT_VERBS and (
            skip_reporters or v.lemma_.lower() in SPEECH_VERBS)):
        for c in v.children:
            if c.dep_ in ("nsubj", "nsubjpass") and c.i != np.i:
                cands.append(v.head if c.lower_ in ("who", "which", "that") and v.dep_ == "relcl"
                             else c)
                # "Rival Vantor's pickup sells for $61,000": a thing's owner owns its amount
                # (only where reporters are skipped, for amounts: not "Kelmet's army sent 200
                # soldiers", help for the event)
                if skip_reporters and c.pos_ == "NOUN":
                    cands.extend(x for x in c.children if x.dep_ == "poss")
            elif c.dep_ == "agent":
                cands.extend(x for x in c.children if x.dep_ == "pobj")
    for c in cands:
        ent = ent_at(doc, c.i)
        if ent is not None and ent.label_ in _OWNER_LABELS:
            return ent.text
        if c.pos_ == "PROPN" and (ent is None or ent.label_ not in ("DATE", "TIME", "MONEY")) \
                and (ent is not None or not _first_word(c)):
            # a name the tagger labelled otherwise ("the Wanderers" as a product); not a
            # capitalised first word the tagger took for a name ('"Houses in the village ...')
            first = min([c.i, *(x.i for x in c.children if x.dep_ == "compound")])
            return doc[first:c.i + 1].text
    return None


def _first_word(t: Token) -> bool:
    """Is t the first word of its sentence or of a quotation (only punctuation before it)?"""
    return all(x.is_punct for x in t.doc[t.sent.start:t.i]) or t.nbor(-1).text in ('"', "“", ":")


def _known(name: str, names: set[str]) -> bool:
    n = name.lower().removeprefix("the ").strip()
    n = re.sub(r"'s?$", "", n).strip()
    if any(n in x or x in n for x in names if x):
        return True
    words = {w for w in re.findall(r"[a-z][a-z.'-]+", n) if len(w) > 2}
    return any(words & set(re.findall(r"[a-z][a-z.'-]+", x)) for x in names)


def widely_named(story: Story) -> Callable[[str], bool]:
    """Is a name written in a good part of the story's articles (as many as make an entity a
    participant)? A name the entity tagger skips ("the Pulse X" as a product) is still one of
    the story's own when most sources name it."""
    texts = [a.article.text for a in story.articles]
    need = max(2, math.ceil(len(texts) * PARTICIPANT_SHARE))
    return lambda name: sum(name in t for t in texts) >= need


def _titled_by(doc: Doc, owner: str, names: set[str]) -> bool:
    """Is the owner a person named with the title of a body among the story's participants
    ("Pellin chief executive Joan Keel", "Brenn's chief executive, Karl Mohr", "Hawks receiver
    Dan Moyo")? A person who acts for a party of the event is one of its own (not a country's
    bank, "Germany's Commerzbank", nor a country's minister)."""
    for ent in doc.ents:
        if ent.text != owner or ent.label_ != "PERSON":
            continue
        head = ent.root
        if head.dep_ == "appos":
            head = head.head  # "Brenn's chief executive, Karl Mohr"
        title = [t for c in head.children if c.dep_ in ("compound", "poss", "nmod", "appos")
                 and c.i not in range(ent.start, ent.end) for t in c.subtree]
        for t in title:
            e = ent_at(doc, t.i)
            if e is not None and e.label_ in ("ORG", "NORP") and _known(e.text, names):
                return True
    return False


def owner_scope(doc: Doc, tok: Token, names: set[str], rival: bool = False,
                 widely: Callable[[str], bool] | None = None) -> str:
    """An amount that belongs to someone the story's sources do not report on: another team's
    offer, another player's fine (participants: the frame's and the widely named entities).
    ``rival``: names are only those the sources' leads share, so a party many articles
    mention but none leads with ("the Orioles (seven years, $140 million)") is another
    party; whoever estimates or reports an amount is its source, not its owner."""
    owner = _owner(doc, tok, skip_reporters=rival)
    if owner is None or not names or _known(owner, names) or (widely and widely(owner)):
        return ""
    if _titled_by(doc, owner, names):
        return ""
    toks = clause_tokens(tok)
    for t in toks:
        if t.dep_ == "prep" and t.lower_ == "for":
            for c in t.children:
                ent = ent_at(doc, c.i) if c.dep_ == "pobj" else None
                if ent is not None and ent.label_ in ("ORG", "GPE", "NORP") and _known(ent.text, names):
                    return ""  # "Clarke had 10 rebounds for Drake": one who acts for a party
    clause = {t.i for t in toks}
    if any(e.label_ == "PERSON" and e.root.i in clause and _known(e.text, names)
           and e.root.dep_ in ("nsubj", "nsubjpass", "dobj", "dative") for e in doc.ents):
        # "judge X found Hiller guilty of two counts": the clause is about a participant, its
        # subject or object (not one named in a phrase: "the offers for Teixeira")
        return ""
    if rival:
        return f"{owner}'s, another party than the event's ({', '.join(sorted(names)[:3])})"
    return f"about {owner}, not one of this story's participants"


# verbs of saying: their subject speaks about an amount, it does not own it
SPEECH_VERBS = frozenset({"say", "tell", "add", "state", "estimate", "claim", "note", "explain",
                          "insist", "warn"})

_PERSONAL = frozenset({"he", "she", "his", "her", "him"})


def pronoun_owner_scope(doc: Doc, tok: Token, prev: Doc, names: set[str],
                        amount: bool, voices: Voices, base: int, prev_base: int) -> str:
    """An amount that belongs to a person told by a pronoun ("the NFL later reduced his
    suspension to two games", "he settled a lawsuit for $5.5 million", "a contract that
    guaranteed him $9 million"): the pronoun stands for the last person named before it (in its
    sentence, else in the one before; not a person only quoted as a source). Background when
    that person is not one of the story's participants. ``amount``: the figure is money, a
    share or a length (a contract's years), which its subject owns ("he settled ... for $5.5
    million", "he will collect 5 percent of the profits"). ``voices``: the article's statement
    sources and resolved pronouns; ``base``/``prev_base``: the character offsets of ``doc`` and
    ``prev`` in the article's text."""
    np = tok
    while np.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod") and np.head.i != np.i:
        np = np.head
    if any(c.dep_ == "poss" and c.lower_ not in _PERSONAL for c in np.children):
        return ""  # "the Rovers' offer": a named owner, ``owner_scope`` decides
    prons = [c for c in np.children if c.dep_ == "poss" and c.lower_ in _PERSONAL]
    # in its clause: "reduced his ban to two games" (what the clause does to something of
    # his; not "her company sold 2 million phones", the doer of the clause), "guaranteed him $9
    # million", and the subject only of an amount ("he settled a lawsuit for $5.5 million";
    # not "he caught five passes", what a player did in the event)
    for t in clause_tokens(tok):
        if t.lower_ not in _PERSONAL or t.i == np.i:
            continue
        if t.dep_ in ("dative", "dobj") or (t.dep_ == "poss" and t.head.dep_ not in (
                "nsubj", "nsubjpass")) or (t.dep_ in ("nsubj", "nsubjpass") and amount):
            prons.append(t)
    if not prons:
        return ""
    pron = prons[0]
    resolved = voices.pronouns.get(base + pron.idx)
    if resolved is not None and resolved[1] == "PERSON":
        # entity resolution tied the pronoun to a person
        if _known(resolved[0], names):
            return ""
        return f"about {resolved[0]} ('{pron.text}'), not one of this story's participants"

    def reporter(e: Span, at: int) -> bool:
        return voices.speaks(at + e.start_char, at + e.end_char)

    before = [e for e in doc.ents if e.label_ == "PERSON" and e.end <= pron.i
              and not reporter(e, base)]
    if before:
        person = before[-1]
    else:
        # the sentence before: its subject, else the first person it names ("LaCalamita is
        # charged with the death of Kafoury, of Warren. He also is charged ...")
        root = next((t for t in prev if t.dep_ == "ROOT"), prev[0])
        if root.lemma_.lower() in REPORT_VERBS:  # "Baxter was freed, said Officer Dunn"
            root = next((c for c in root.children if c.dep_ in ("ccomp", "parataxis")), root)
        subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")
                     and c.pos_ == "PROPN"), None)
        named = [e for e in prev.ents if e.label_ == "PERSON" and not reporter(e, prev_base)]
        if subj is not None and (ent_at(prev, subj.i) is None
                                 or ent_at(prev, subj.i).label_ == "PERSON"):
            first = min([subj.i, *(c.i for c in subj.children if c.dep_ == "compound")])
            person = prev[first:subj.i + 1]
        elif named:
            person = named[0]
        else:
            return ""
    if _known(person.text, names):
        return ""
    return f"about {person.text} ('{pron.text}'), not one of this story's participants"
