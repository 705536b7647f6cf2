"""Grammatical gender of the story's people, so that "she" does not stand for a man.

Evidence comes from the story only (no list of first names): a gendered noun or title in the
mention or written with the name ("the woman", "Mrs.", "actress", "his brother"), and the
pronouns that follow a person's name in its sentence when no other person is named in it
("Raj Chohan, 59, had just parked her car": female). A root (an
entity being built) gets the gender most of its evidence points to, when it outweighs the
other side by ``GENDER_MARGIN``; otherwise it has none and every pronoun may stand for it.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from .mentions import PERSON_NOUNS, PRONOUN_CLASSES, Item, Node

GENDER_MARGIN = 2.0  # votes one gender needs over the other (times as many)
PRONOUN_REACH = 0  # sentences after a name in which a following pronoun counts for it (0: its own)

FEMININE = frozenset(
    """
    woman women girl girls mother daughter wife sister grandmother granddaughter aunt niece
    girlfriend fiancee widow actress spokeswoman chairwoman congresswoman councilwoman
    businesswoman policewoman sportswoman queen princess duchess baroness dame lady mrs ms
    miss madam granny grandma mom mum stepmother stepdaughter heroine waitress hostess
    """.split()
)
MASCULINE = frozenset(
    """
    man men boy boys father son husband brother grandfather grandson uncle nephew boyfriend
    fiance widower actor spokesman chairman congressman councilman businessman policeman
    sportsman king prince duke baron sir lord mr gentleman dad stepfather stepson hero
    waiter gunman
    """.split()
)
_WORD = re.compile(r"[a-z]+")


def human_noun(head: str) -> bool:
    """A common noun for a person: "woman", "driver", "gunman", "spokeswoman"."""
    return (head in PERSON_NOUNS or head in FEMININE or head in MASCULINE
            or head.endswith(("man", "woman", "person", "ist")))


def word_gender(words: list[str] | set[str] | frozenset[str]) -> str | None:
    """"f" or "m" when the words hold gendered nouns or titles of one gender only."""
    f = any(w in FEMININE for w in words)
    m = any(w in MASCULINE for w in words)
    if f == m:
        return None
    return "f" if f else "m"


def pronoun_gender(text: str) -> str | None:
    word = text.strip(" \"'“”‘’").lower()
    if word in PRONOUN_CLASSES["m"]:
        return "m"
    if word in PRONOUN_CLASSES["f"]:
        return "f"
    return None


def item_gender(it: Item) -> str | None:
    """The gender the mention's own words give: its head noun for a common noun ("the
    grandmother"), its title or role words for a name ("Mrs. Smith", "actress Jane Doe")."""
    if it.kind == "nominal":
        head = it.key.split(":")[1]
        return word_gender({head})
    if it.kind != "name":
        return None
    words = set(_WORD.findall(it.mention.text.lower()))
    words.update(it.descriptors)
    if it.role:
        words.update(_WORD.findall(it.role.lower()))
    return word_gender(words)


def root_genders(items: list[Item], nodes: dict[str, Node], root_of: dict[int, str]) -> dict[str, str]:
    """root -> "f" / "m" for the roots whose evidence agrees (see the module doc)."""
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for i, it in enumerate(items):
        if it.kind == "pronoun":
            continue
        g = item_gender(it)
        if g is not None:
            votes[root_of[i]][g] += 2  # a word of the mention itself weighs more than a pronoun
    by_source: dict[str, list[int]] = defaultdict(list)
    for i, it in enumerate(items):
        by_source[it.mention.source_id].append(i)
    for idxs in by_source.values():
        last: int | None = None  # the last person named, while no other person came after it
        for i in idxs:
            it = items[i]
            if it.kind == "pronoun":
                g = pronoun_gender(it.mention.text)
                if g is None or last is None:
                    continue
                if it.mention.sentence - items[last].mention.sentence <= PRONOUN_REACH:
                    votes[root_of[last]][g] += 1
                continue
            node = nodes.get(it.key)
            person = it.kind == "name" and node is not None and node.type == "PERSON"
            if not person and not (it.kind == "nominal" and human_noun(it.key.split(":")[1])):
                continue
            if last is not None and root_of[last] != root_of[i] and (
                    it.mention.sentence == items[last].mention.sentence):
                last = None  # two people in one sentence: the pronoun's owner is unclear
            elif person:
                last = i
            elif last is not None and root_of[last] != root_of[i]:
                last = None  # "the driver" named after the person: who "he" is, is unclear
    out: dict[str, str] = {}
    for root, c in votes.items():
        f, m = c.get("f", 0), c.get("m", 0)
        if f > GENDER_MARGIN * m:
            out[root] = "f"
        elif m > GENDER_MARGIN * f:
            out[root] = "m"
    return out
