"""Mention repairs with evidence from the whole story, before and after names are parsed.

- ``join_coordinated_names``: an organisation named after a place that the story always writes
  after the same "X and", X a place ("Devon and Somerset Fire and Rescue", "Avon and Somerset
  Police"), is one name with X: the tagger split it into a place and an organisation. Written
  once, or once without the X ("Somerset Fire and Rescue said"), it stays as tagged; two
  bodies ("the EU and IMF") are never joined.
- ``strip_person_nouns``: a capitalised person noun opening a name ("Receptionist Jane Doe",
  "Striker Tom Hale" at the start of a sentence) is a role when the rest of the name is a
  person the story names: the mention is that person, whatever type the tagger gave it.
- ``retype_title_owners``: a name the tagger called a person, written just before a title and
  another name ("Troy police Lt. Gerry Ward", "Troy Police Chief Ann Craft", "Acme spokeswoman
  Jane Doe"), is the place or body the title belongs to, not a person: "Troy" there is a place
  (a unit word follows), "Troy Police" a body (it ends in one); otherwise the mention gives no
  type vote and the story's other mentions decide ("Putin spokesman Dmitry Peskov": Putin stays
  the person he is everywhere else).
- ``retype_party_names``: a name the tagger called a place or a person ("Syriza", "Pasok") that
  the story writes right before a lower-case "party", "movement" or "coalition" ("the Syriza
  party", or a name "the Syriza party" beside it) is a body: the text names what it is. A known country, a name ever cued as a place
  ("in X") or written with a title or role keeps its type ("the Texas party" is no evidence
  against Texas, and a place the story puts things in is a place).
- ``short_form_votes``: a bare surname the tagger typed as an organisation ("Pickell said")
  takes the type of the full name it joined ("Sheriff Robert Pickell"); an acronym it typed as
  a person with no title or role ("head of GSEE", "the PPPT") votes as an organisation: people
  are written by name. A recovered name (label ``NAME``, type unknown) casts no label vote:
  its cues ("the charity X", "the village of X") type it when two or more agree (2/3 of them).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from ...model import AnnotatedArticle, Mention
from ..names import TITLE_WORDS, fold, is_acronym
from .mentions import NAME_LABEL, PERSON_NOUNS, Item, Node

PLACE_LABELS = frozenset({"GPE", "LOC"})
# a lower-case word naming a unit of a place: "Troy police Lt.", "Ohio state Sen.", "Cook county"
UNIT_WORDS = frozenset("police fire sheriff county city state school district council".split())
# last words of a body's name: "Troy Police", "Acme Corp", "Harbor Department"
BODY_WORDS = frozenset(
    """police department force service agency authority bureau office ministry council
    commission committee board court company corp corporation inc ltd group bank university
    college school hospital club team party union association federation""".split()
)
NAME_CUES = 2  # cued mentions a recovered name needs before its cues give it a type ...
NAME_CUE_SHARE = 2 / 3  # ... agreeing on this share of its cues
_TITLE_AFTER = re.compile(r"[ \t]+(?:([a-z]+)[ \t]+)?([A-Za-z][a-z-]*)\.?[ \t]+[A-Z]")
# a body noun written right after a name: "the Syriza party", "the Pasok party"
PARTY_WORDS = frozenset({"party", "movement", "coalition"})
_PARTY_AFTER = re.compile(r"[ \t]+(?:party|movement|coalition)\b")
_AND = re.compile(r"[ \t]+(?:and|&)[ \t]+")


def join_coordinated_names(articles: list[AnnotatedArticle]) -> set[tuple[str, int, int]]:
    """Join "X and" onto an organisation every one of whose (two or more) mentions follows
    the same place X, when the organisation's name opens with another place the story names
    (a body of two places). Returns the (source id, start, end) of the mentions of X there:
    part of the name, they get no entity of their own (they stay in the article's list)."""
    places = {fold(m.text) for art in articles for m in art.mentions if m.label in PLACE_LABELS}
    seen: dict[str, list[tuple[AnnotatedArticle, Mention, Mention | None]]] = defaultdict(list)
    for art in articles:
        text = art.article.text
        ordered = sorted(art.mentions, key=lambda m: (m.start, m.end))
        for k, m in enumerate(ordered):
            words = m.text.split()
            if m.label != "ORG" or not any(
                    fold(" ".join(words[:n])) in places for n in range(1, len(words))):
                continue
            prev = ordered[k - 1] if k > 0 else None
            joined = None
            if prev is not None and prev.label in PLACE_LABELS and prev.end <= m.start:
                gap = _AND.fullmatch(text, prev.end, m.start)
                if gap is not None and prev.sentence == m.sentence:
                    joined = prev
            seen[fold(m.text)].append((art, m, joined))
    parts: set[tuple[str, int, int]] = set()
    for spots in seen.values():
        firsts = {fold(p.text) if p is not None else None for _, _, p in spots}
        if len(spots) < 2 or len(firsts) != 1 or None in firsts:
            continue
        for art, m, prev in spots:
            if prev is None:
                continue
            parts.add((prev.source_id, prev.start, prev.end))
            m.start = prev.start
            m.text = art.article.text[m.start : m.end]
    return parts


def strip_person_nouns(items: list[Item]) -> None:
    """Re-key "Receptionist Jane Doe" (any label) as the person "Jane Doe" when the story
    names "Jane Doe" as a person; the noun becomes the role."""
    people = {it.key for it in items if it.kind == "name" and it.label == "PERSON"}
    for it in items:
        if it.kind != "name":
            continue
        words = it.name.split()
        if len(words) < 3 or not words[0][:1].isupper():
            continue
        noun = words[0].lower()
        if noun not in PERSON_NOUNS and noun not in TITLE_WORDS:
            continue
        rest = " ".join(words[1:])
        key = fold(rest)
        if key == it.key or key not in people:
            continue
        it.key, it.name, it.label = key, rest, "PERSON"
        it.role = it.role or words[0]
        it.cue = "PERSON"


def retype_title_owners(items: list[Item], texts: dict[str, str]) -> None:
    """The place or body a title belongs to ("Troy police Lt. Gerry Ward"), tagged as a person:
    see the module doc. Changes ``Item.label`` (the mention's type vote) only."""
    for it in items:
        if it.kind != "name" or it.label != "PERSON" or it.role is not None:
            continue
        m = it.mention
        text = texts.get(m.source_id)
        found = _TITLE_AFTER.match(text, m.end) if text is not None else None
        if found is None or found.group(2).lower() not in TITLE_WORDS:
            continue
        unit = found.group(1)
        last = it.name.split()[-1].lower() if it.name.split() else ""
        if unit is not None and unit not in UNIT_WORDS:
            continue  # "Jackson defense attorney Tom Mesereau": Jackson's attorney
        if unit is not None:
            it.label = "GPE"  # "Troy police Lt.": the place whose police it is
        elif last in BODY_WORDS:
            it.label = "ORG"  # "Troy Police Chief"
        else:
            it.label = "OTHER"  # "Acme spokeswoman", "Putin spokesman": the other mentions say
        if it.cue == "PERSON":
            it.cue = None


def retype_party_names(items: list[Item], nodes: dict[str, Node], texts: dict[str, str]) -> None:
    """A place or person name written before "party", "movement", "coalition": see the module
    doc. Moves the node's votes and its mentions' labels to ORG."""
    bodies = {  # "the Syriza party" tagged whole: the name "syriza party" names "syriza"
        " ".join(toks[:-1]) for key in nodes if len(toks := key.split()) > 1 and toks[-1] in PARTY_WORDS
    }
    for node in nodes.values():
        if node.type not in {"GPE", "LOC", "PERSON"} or node.country is not None or node.cued:
            continue
        if ":" in node.key:
            continue
        names = [items[i] for i in node.items if items[i].kind == "name"]
        if not names or any(it.role is not None or it.cue is not None for it in names):
            continue
        if node.key not in bodies and not any(
                _PARTY_AFTER.match(texts.get(it.mention.source_id, ""), it.mention.end) for it in names):
            continue
        for label in ("GPE", "LOC", "PERSON"):
            node.votes["ORG"] += node.votes.pop(label, 0)
        for it in names:
            if it.label in {"GPE", "LOC", "PERSON"}:
                it.label = "ORG"


def short_form_votes(idxs: list[int], items: list[Item]) -> Counter[str]:
    """The type votes of an entity's mentions, a bare surname ("Pickell") voting as the full
    person name it joined ("Robert Pickell") whatever the tagger called it there."""
    surnames = {
        it.key.split()[-1] for i in idxs
        if (it := items[i]).kind == "name" and it.label == "PERSON" and len(it.key.split()) >= 2
    }
    votes: Counter[str] = Counter()
    unknown: Counter[str] = Counter()  # the cues of recovered names (label NAME: type unknown)
    for i in idxs:
        it = items[i]
        if it.kind != "name":
            continue
        if it.mention.label == NAME_LABEL:
            if it.cue is not None:
                unknown[it.cue] += 1
            continue
        short = " " not in it.key and it.key in surnames
        label = "PERSON" if short else it.label
        if label == "PERSON" and it.role is None and is_acronym(it.name):
            label = "ORG"  # "head of GSEE": a body written by its initials
        votes[label] += 1
        if it.cue is not None:
            votes[it.cue] += 1
    if unknown:  # the words around a recovered name type it when two or more agree clearly
        cue, n = unknown.most_common(1)[0]
        if n >= NAME_CUES and n >= NAME_CUE_SHARE * sum(unknown.values()):
            votes[cue] += n
    return votes
